"""Two (or more) real transactions at once on the test database.

A TransactionCase runs everything in one transaction that it rolls back: another
connection cannot see its data, and ``registry.cursor()`` in test mode hands out the
same connection. These tests therefore subclass :class:`ConcurrencyCase` (a
``BaseCase``, outside test mode): the set-up is committed through a real cursor, each
job runs in its own thread on its own connection, and ``_cleanup`` deletes what was
committed (in SQL, since the records under test refuse to be deleted).
"""

import contextlib
import threading
import time

from psycopg2 import errorcodes

from odoo import SUPERUSER_ID, api
from odoo.api import Transaction
from odoo.modules.registry import Registry
from odoo.tests.common import BaseCase, get_db_name
from odoo.tools import mute_logger

RETRY_ON = (
    errorcodes.LOCK_NOT_AVAILABLE,
    errorcodes.SERIALIZATION_FAILURE,
    errorcodes.DEADLOCK_DETECTED,
)
RETRIES = 5


class ConcurrencyCase(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        assert not cls.registry.in_test_mode(), (
            "real cursors need the registry outside test mode"
        )

    def setUp(self):
        super().setUp()
        # the threads filled the registry's caches (e.g. configuration parameters) from
        # committed data: empty them for the tests that follow, in their own transaction
        self.addCleanup(self.registry.clear_all_caches)

    def _env(self, cr):
        # The test runner's thread holds the registry lock while the tests run: give the
        # cursor its transaction on the known registry, so that no thread waits for it.
        cr.transaction = Transaction(self.registry)
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _committed(self, func):
        """Run ``func(env)`` in its own transaction, commit, return its (plain)
        result."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            result = func(env)
            env.flush_all()
        return result

    def _parallel(self, *jobs):
        """Run each ``job(env)`` in its own thread and transaction, started together;
        each commits only once every job has done its work (or after a few seconds when
        another is blocked by the database), so the transactions overlap. A job that
        loses a concurrency conflict runs again, as Odoo does. Returns the list of
        (result, exception) per job; results must be plain data."""
        start = threading.Barrier(len(jobs))
        done = threading.Barrier(len(jobs))
        outcome = [None] * len(jobs)

        def attempt(job, first):
            with self.registry.cursor() as cr:
                env = self._env(cr)
                if first:
                    start.wait(timeout=30)
                result = job(env)
                env.flush_all()
                if first:
                    with contextlib.suppress(threading.BrokenBarrierError):
                        done.wait(timeout=5)
            return result

        def run(index, job):
            # as Odoo's RPC layer and the scheduler do: a transaction that lost a
            # concurrency conflict is run again
            for tryno in range(1, RETRIES + 1):
                try:
                    outcome[index] = (attempt(job, tryno == 1), None)
                    return
                except Exception as error:  # reported to the test, whatever it is
                    outcome[index] = (None, error)
                    if getattr(error, "pgcode", None) not in RETRY_ON:
                        return
                    time.sleep(0.1 * tryno)

        threads = [
            threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)
        ]
        # the loser of a conflict gets a database error, reported in ``outcome``
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
        return outcome

    def _existing_site(self, code):
        """The id of a site of this code left by an interrupted run, or None."""
        return self._committed(
            lambda env: (
                env["property.site"]
                .with_context(active_test=False)
                .search([("code", "=", code)])
                .id
            )
        )

    def _committed_site(self, code, name, model):
        """Commit a site of ``code`` for the test, and remove it after the test with the
        records of ``model`` on it and their chatter; a site of this code left by an
        interrupted run is removed first. Returns its id."""
        left = self._existing_site(code)
        if left:
            self._cleanup_site(left, model)
        site_id = self._committed(
            lambda env: (
                env["property.site"]
                .create(
                    {
                        "name": name,
                        "code": code,
                        "calendar_id": env.company.resource_calendar_id.id,
                    }
                )
                .id
            )
        )
        self.addCleanup(self._cleanup_site, site_id, model)
        return site_id

    def _cleanup_site(self, site_id, model):
        """Delete the records of ``model`` on the site, their chatter, then the site."""
        table = self.registry[model]._table
        ids = f"(SELECT id FROM {table} WHERE site_id = %(site)s)"
        params = {"site": site_id, "model": model}
        self._cleanup(
            [
                (
                    f"DELETE FROM mail_activity WHERE res_model = %(model)s AND "
                    f"res_id IN {ids}",
                    params,
                ),
                (
                    f"DELETE FROM mail_message WHERE model = %(model)s AND res_id IN "
                    f"{ids}",
                    params,
                ),
                (
                    f"DELETE FROM mail_followers WHERE res_model = %(model)s AND "
                    f"res_id IN {ids}",
                    params,
                ),
                (f"DELETE FROM {table} WHERE site_id = %(site)s", params),
            ]
        )
        self._committed(lambda env: env["property.site"].browse(site_id).unlink())

    def _cleanup(self, statements):
        """Run the SQL ``statements`` [(query, params)] in one committed transaction."""
        with self.registry.cursor() as cr:
            for query, params in statements:
                cr.execute(query, params)


def run_last(cls):
    """Class decorator: run these tests after every other test of the run, since they
    commit (and then remove) real data that the other tests' transactions could see
    meanwhile. Odoo's test metaclass resets ``test_sequence``: it is set on the class
    once made."""
    cls.test_sequence = 1000
    return cls
