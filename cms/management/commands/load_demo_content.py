from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from cms.demo import registered_loaders


class Command(BaseCommand):
    help = "Load the Finnish demo content. Safe to run again: existing content is kept."

    def handle(self, *args, **options):
        autodiscover_modules("demo_content")
        for loader in registered_loaders():
            with transaction.atomic():
                loader.function(self.stdout)
        call_command("sync_site", verbosity=0, stdout=self.stdout)
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
