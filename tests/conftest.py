import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


from tests.reports.conftest import people  # noqa: E402,F401 - personas for every test folder
from tests.review.conftest import offices  # noqa: E402,F401 - office personas
