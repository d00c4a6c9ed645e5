"""/healthz for load balancers and monitoring: can this process serve right now?

Each check touches one dependency the way a request would, cheaply (one query, one cache
round trip, one storage lookup), and reports its time. 200 when all pass, 503 otherwise, as
JSON; no login, never cached. A failing check is logged with its error, which the JSON does
not show (it may name hosts and paths).
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache() -> dict:
    key, value = f"healthz:{uuid.uuid4().hex}", "1"
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return what was just stored")
    cache.delete(key)
    return {}


def check_storage() -> dict:
    default_storage.exists("healthz-probe")  # a lookup: reaches the directory or the bucket
    return {}


def check_queue() -> dict:
    """The background queue can be read; with the database queue, how much waits and since
    when (a growing age means no gk_worker is running: an alert, not a reason to take this
    app server out of the load balancer)."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != "django_tasks_db.DatabaseBackend":
        return {"backend": backend.rsplit(".", 1)[-1]}
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.ready()
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return {
        "waiting": waiting.count(),
        "oldest_waiting_seconds": int((timezone.now() - oldest).total_seconds()) if oldest else 0,
    }


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "queue": check_queue,
}


@never_cache
@require_safe
def healthz(request):
    results, healthy = {}, True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            details = check()
            ok = True
        except Exception as error:
            logger.error("health check %s failed: %s: %s", name, type(error).__name__, error)
            details, ok, healthy = {}, False, False
        elapsed = round((time.perf_counter() - started) * 1000, 1)
        results[name] = {"ok": ok, "ms": elapsed, **details}
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": results}, status=200 if healthy else 503
    )
