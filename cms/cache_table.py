"""Create the database cache's table on `migrate`, so that production without Redis
needs no extra release step (`createcachetable` skips a table that exists)."""

from django.core.management import call_command


def create_cache_table(sender, using="default", verbosity=1, **kwargs):
    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))
