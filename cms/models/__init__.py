from .base import BasePage
from .home import HomePage
from .images import CustomImage, CustomRendition
from .news import NewsIndexPage, NewsPage, NewsPageTag, NewsRelatedPage
from .outbox import OutgoingEmail
from .pages import ContactsPage, StandardPage
from .research import ResearchIndexPage, ResearchItem, ResearchMessagePage
from .site_settings import SiteSettings
from .snippets import Person
from .taxonomy import Region, TargetGroup, Theme

__all__ = [
    "BasePage",
    "ContactsPage",
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "NewsRelatedPage",
    "OutgoingEmail",
    "Person",
    "Region",
    "ResearchIndexPage",
    "ResearchItem",
    "ResearchMessagePage",
    "SiteSettings",
    "StandardPage",
    "TargetGroup",
    "Theme",
]
