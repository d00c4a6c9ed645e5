"""`manage.py gk_worker`: the database queue's worker (db_worker, same options), which also
queues again the tasks of workers that died (gkreport/task_recovery.py), at start and then
every TASK_RECOVERY_INTERVAL seconds, so any one live worker recovers for all."""

import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django_tasks.signals import task_started
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from gkreport.task_recovery import remember_running, requeue_stalled

logger = logging.getLogger(__name__)


class Command(DBWorkerCommand):
    help = "Run queued tasks; queue again the tasks of workers that stopped"

    def handle(self, *args, **options):
        task_started.connect(remember_running)  # for heartbeat() of long tasks
        requeue_stalled()
        if not options.get("batch"):
            threading.Thread(target=self._recover_forever, daemon=True).start()
        return super().handle(*args, **options)

    def _recover_forever(self) -> None:
        stop = threading.Event()
        while not stop.wait(settings.TASK_RECOVERY_INTERVAL):
            try:
                close_old_connections()
                requeue_stalled()
            except Exception:  # noqa: BLE001 - a database hiccup; try again next time
                logger.exception("task recovery failed")
            finally:
                connection.close()
