import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Background tasks run inside the request that queues them; the end-to-end tests of
    the batch check switch back to the database queue and a real worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _files_in_a_temporary_directory(settings, tmp_path):
    """Stored files (published PDFs) go to a directory of the test's own, never var/media."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "gkreport.storage.AtomicFileSystemStorage",
            "OPTIONS": {"location": settings.MEDIA_ROOT},
        },
    }


@pytest.fixture(autouse=True)
def _pdf_store_in_a_scratch_folder(settings, tmp_path):
    """Each test starts with no stored PDFs, and none land in var/."""
    settings.PDF_CACHE_DIR = tmp_path / "pdf-cache"


from tests.http_server import web  # noqa: E402,F401 - a local web server to fetch from
from tests.redis_server import redis_url  # noqa: E402,F401 - a real redis-server
from tests.reports.conftest import people  # noqa: E402,F401 - personas for every test folder
from tests.review.conftest import offices  # noqa: E402,F401 - office personas
from tests.s3_server import s3_endpoint, s3_storage  # noqa: E402,F401 - a local S3 endpoint


@pytest.fixture(autouse=True)
def _fresh_public_caches():
    """Each test sees publications at once: no cached list or publication stamp."""
    from django.core.cache import cache

    from gkreport.public import views

    cache.clear()
    views._stamp["read_at"] = -views.STAMP_SECONDS
    yield
    views._stamp["read_at"] = -views.STAMP_SECONDS
