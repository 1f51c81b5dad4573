from .imports import SubscriberImport
from .lists import MailingList, Subscriber, Subscription
from .pages import NewsletterIndexPage, NewsletterIssuePage
from .sending import Batch, Delivery, DeliveryEvent, Send

__all__ = [
    "Batch",
    "Delivery",
    "DeliveryEvent",
    "MailingList",
    "NewsletterIndexPage",
    "NewsletterIssuePage",
    "Send",
    "Subscriber",
    "SubscriberImport",
    "Subscription",
]
