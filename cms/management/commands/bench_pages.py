"""Time the public content pages and count their queries: `manage.py bench_pages`.

Speed goals are checked here, by a person reading the numbers, never by timed test asserts.
Run it on a database with the demo content (`make run` or `manage.py load_demo_content`).
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from cms.models import ContactsPage, NewsIndexPage, NewsPage, ResearchIndexPage


class Command(BaseCommand):
    help = "Median response time and query count of the home, index, article and search pages."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, runs, **options):
        site = Site.objects.get(is_default_site=True)
        client = Client(HTTP_HOST=site.hostname)
        self.stdout.write(f"{'page':<48} {'median ms':>10} {'queries':>8}")
        for url in self.urls():
            client.get(url)  # renditions and caches, as a running site has them
            timings = []
            for _ in range(runs):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - start) * 1000)
            status = "" if response.status_code == 200 else f"  HTTP {response.status_code}"
            median = statistics.median(timings)
            self.stdout.write(f"{url:<48} {median:>10.1f} {len(queries):>8}{status}")

    @staticmethod
    def urls():
        finnish = {"locale__language_code": "fi"}
        pages = [
            NewsIndexPage.objects.live().filter(**finnish).first(),
            NewsPage.objects.live().filter(**finnish).order_by("-date").first(),
            ResearchIndexPage.objects.live().filter(**finnish).first(),
            ContactsPage.objects.live().filter(**finnish).first(),
        ]
        return ["/", *(page.url for page in pages if page), "/haku/?q=osallisuus", "/sitemap.xml"]
