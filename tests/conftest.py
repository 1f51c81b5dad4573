import gc
import logging
import time

from django.core.cache import cache
from django.db import connection, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import translation

import pytest

from cms.factories import make_site
from tests import migrated_data

pytest_plugins = ["tests.browser.fixtures"]

logger = logging.getLogger(__name__)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The migrated test database, kept so that every flush restores it (tests.migrated_data):
    the tests pass in any order."""
    with django_db_blocker.unblock():
        migrated_data.take_snapshot()
    yield
    with django_db_blocker.unblock():
        _end_stray_sessions()


def _end_stray_sessions():
    """End the sessions still open on the PostgreSQL test database when the run ends.

    A thread a test started closes its connection only when the garbage collector
    takes the thread's objects, and PostgreSQL refuses to drop a database in use: the
    run then failed after every test passed. Collect first, then end what is left and
    log what those sessions last ran, so a real leak is still seen."""
    if connection.vendor != "postgresql":
        return
    gc.collect()
    others = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pg_terminate_backend(pid), left(query, 200) {others}")
        stray = [query for _, query in cursor.fetchall()]
        for _ in range(50):  # a terminated backend takes a moment to go
            cursor.execute(f"SELECT count(*) {others}")
            if not cursor.fetchone()[0]:
                break
            time.sleep(0.1)
    connection.close()
    if stray:
        logger.warning("Ended sessions left open on the test database: %s", stray)


@pytest.fixture
def home(db):
    """A site with a published Finnish home page at its root."""
    return make_site()


@pytest.fixture(autouse=True)
def empty_shared_cache():
    """Each test starts with an empty cache: the sites, locales and restrictions the
    shared cache keeps (cms.request_memo) belong to the database the last test rolled back."""
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a test client request to /sv/ leaves
    Swedish active in the test's thread (LocaleMiddleware), which in a random order made
    the next test read Swedish pages and feeds."""
    translation.deactivate()
    yield
    translation.deactivate()


def _only_the_tests_blocks(connection):
    """True when the open atomic blocks are the test case's own (rolled back at its end)."""
    return all(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def _run_pending_callbacks(connection):
    while connection.run_on_commit:
        _savepoints, callback, robust = connection.run_on_commit.pop(0)
        if not robust:
            callback()
            continue
        try:
            callback()
        except Exception as error:
            logging.getLogger("django.db.backends.base").error(
                "Error calling %s in on_commit() (%s).", callback, error, exc_info=True
            )


@pytest.fixture
def commit_callbacks(monkeypatch):
    """On-commit callbacks run as after a real commit: when the outermost atomic block of
    the code under test ends, or at once outside any, although the test's own transaction
    stays open (and is rolled back). For tests that would otherwise be transactional only
    so that the callbacks (e-mails, calendar sequences) run; a flush costs far more."""
    on_commit, atomic_exit = BaseDatabaseWrapper.on_commit, transaction.Atomic.__exit__

    def on_commit_now_or_at_block_end(self, func, robust=False):
        on_commit(self, func, robust)
        if _only_the_tests_blocks(self):
            _run_pending_callbacks(self)

    def exit_and_run_callbacks(self, exc_type, exc_value, traceback):
        atomic_exit(self, exc_type, exc_value, traceback)
        connection = transaction.get_connection(self.using)
        if exc_type is None and connection.in_atomic_block and _only_the_tests_blocks(connection):
            _run_pending_callbacks(connection)

    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit_now_or_at_block_end)
    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_and_run_callbacks)
