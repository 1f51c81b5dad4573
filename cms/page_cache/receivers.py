"""What in `cms` and Wagtail changes pages: the page tree itself and the snippets, images,
settings and view restrictions that pages show or obey. Each app registers its own models
the same way (`invalidate_on` in its `AppConfig.ready()`)."""

from django.db.models.signals import post_delete

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.models import CustomImage, Person, Region, SiteSettings, TargetGroup, Theme
from cms.page_cache import invalidate, invalidate_on


def register():
    # Publishing, not saving: a draft saved in the editor changes no live page.
    page_published.connect(invalidate, dispatch_uid="page_cache.published")
    page_unpublished.connect(invalidate, dispatch_uid="page_cache.unpublished")
    post_page_move.connect(invalidate, dispatch_uid="page_cache.moved")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="page_cache.page_deleted")
    invalidate_on(PageViewRestriction, Site, CustomImage, Person, SiteSettings)
    invalidate_on(Region, Theme, TargetGroup)
