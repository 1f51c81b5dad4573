from django.core.management.base import BaseCommand

from wagtail.models import Site

from cms.links import site_address


class Command(BaseCommand):
    help = (
        "Point the default Wagtail site at BASE_URL's host and port, so the admin's links "
        "and Wagtail's own URLs agree with the ones the site sends out. Run after deploys."
    )

    def handle(self, *args, **options):
        hostname, port = site_address()
        updated = Site.objects.filter(is_default_site=True).update(hostname=hostname, port=port)
        if updated:
            self.stdout.write(f"Default site: {hostname}:{port}")
        else:
            self.stdout.write("No default site yet; load content first.")
