"""Whether a bounce is temporary (soft) or permanent (hard), per ESP.

anymail normalises most ESPs' bounces to event_type "bounced" with reject_reason
"bounced", soft or hard alike (Postmark's SoftBounce, Brevo's soft_bounce, SparkPost's
mailbox-full class). Each ESP's own payload still says which it was, so that is read
first; only when it says nothing does anymail's reject_reason decide.
"""

HARD_REJECT_REASONS = {None, "bounced", "invalid"}
# https://support.sparkpost.com/docs/deliverability/bounce-classification-codes
SPARKPOST_SOFT_CLASSES = {"1", "20", "21", "22", "23", "24", "70"}
SPARKPOST_HARD_CLASSES = {"10", "30", "90"}


def dig(value, *keys):
    """value[k1][k2]…, or None where the payload has another shape."""
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def postmark(esp_event):
    kind = dig(esp_event, "Type")
    return {"SoftBounce": True, "HardBounce": False}.get(kind)


def brevo(esp_event):
    kind = dig(esp_event, "event")
    return {"soft_bounce": True, "hard_bounce": False, "invalid_email": False}.get(kind)


def ses_kind(bounce_type):
    """Amazon SES and Resend (which sends through SES) name the bounce type alike."""
    return {"Transient": True, "Undetermined": True, "Permanent": False}.get(bounce_type)


def amazon_ses(esp_event):
    return ses_kind(dig(esp_event, "bounce", "bounceType"))


def resend(esp_event):
    return ses_kind(dig(esp_event, "data", "bounce", "type"))


def sparkpost(esp_event):
    bounce_class = dig(esp_event, "msys", "message_event", "bounce_class")
    if bounce_class in SPARKPOST_SOFT_CLASSES:
        return True
    return False if bounce_class in SPARKPOST_HARD_CLASSES else None


def mailjet(esp_event):
    hard = dig(esp_event, "hard_bounce")
    return None if hard is None else not hard


ESP_SOFT_BOUNCE = {
    "Postmark": postmark,
    "Brevo": brevo,
    "SendinBlue": brevo,
    "Amazon SES": amazon_ses,
    "Resend": resend,
    "SparkPost": sparkpost,
    "Mailjet": mailjet,
}


def is_soft_bounce(event, esp_name=""):
    if event.event_type != "bounced":
        return False
    read_payload = ESP_SOFT_BOUNCE.get(esp_name)
    verdict = read_payload(event.esp_event) if read_payload else None
    if verdict is not None:
        return verdict
    return event.reject_reason not in HARD_REJECT_REASONS


def is_hard_bounce(event, esp_name=""):
    """A bounce that is not soft, or an ESP refusing the address itself as invalid."""
    if event.event_type == "bounced":
        return not is_soft_bounce(event, esp_name)
    return event.event_type == "rejected" and event.reject_reason in {"bounced", "invalid"}
