"""The participation survey after events: invitations, answers and results."""
