from django.core.management.base import BaseCommand

from cms import page_cache


class Command(BaseCommand):
    help = (
        "Forget every cached page (a new page-cache generation) and purge the HTTP cache in "
        "front (FRONTEND_CACHE_URL). Run after each release, so that no page rendered by "
        "the old templates is served."
    )

    def handle(self, *args, **options):
        page_cache.invalidate()
        self.stdout.write("Page cache emptied.")
