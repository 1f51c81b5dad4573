"""Signal receivers, connected in NewslettersConfig.ready."""

from newsletters.services.tracking import record_event


def on_tracking(sender, event, esp_name, **kwargs):
    record_event(event, esp_name)
