"""Public pages read from a PostgreSQL read replica when DATABASE_REPLICA_URL is set.

They show only published versions, which never change once written, so a replica a moment
behind serves them correctly; everything else (drafting, review, sessions, writes) stays on
the primary. Requests under /public/ mark their reads for the replica (PublicReadsMiddleware);
the router sends those reads of the public models there.
"""

from contextvars import ContextVar

REPLICA = "replica"
PUBLIC_MODELS = {"publishedversion", "agency", "region"}

_public_request: ContextVar[bool] = ContextVar("public_request", default=False)


class PublicReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/public/"):
            return self.get_response(request)
        token = _public_request.set(True)
        try:
            return self.get_response(request)
        finally:
            _public_request.reset(token)


class PublicReadsRouter:
    def db_for_read(self, model, **hints):
        if _public_request.get() and model._meta.model_name in PUBLIC_MODELS:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # replication copies the schema
