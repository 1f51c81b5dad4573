"""Registrations for events: the seat read-model, the service that takes and frees
seats, the e-mails registrants get, the public and back-office views."""
