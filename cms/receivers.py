"""Send each stored message once the transaction that stored it has committed."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from cms.models import OutgoingEmail
from cms.tasks import send_outgoing_email


@receiver(post_save, sender=OutgoingEmail, dispatch_uid="cms.send_stored_email")
def send_stored_email(sender, instance, created, **kwargs):
    if created:
        pk = instance.pk
        transaction.on_commit(lambda: send_outgoing_email.enqueue(pk))
