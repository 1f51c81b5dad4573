"""The participation week's open submission and moderation: forms, services, e-mails,
public views and the moderators' admin views."""
