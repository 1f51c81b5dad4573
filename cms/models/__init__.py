from .images import CustomImage, CustomRendition
from .pages import BasePage, HomePage, StandardPage
from .site_settings import SiteSettings

__all__ = [
    "BasePage",
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "SiteSettings",
    "StandardPage",
]
