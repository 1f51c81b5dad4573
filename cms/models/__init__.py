from .images import CustomImage, CustomRendition
from .pages import BasePage, HomePage, StandardPage
from .site_settings import SiteSettings
from .taxonomy import Region, TargetGroup, Theme

__all__ = [
    "BasePage",
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "Region",
    "SiteSettings",
    "StandardPage",
    "TargetGroup",
    "Theme",
]
