"""Playwright driving Debian's chromium (/usr/bin/chromium, installed by `make test`)."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Screenshots go to a scratch folder; GK_SCREENSHOTS=docs/screenshots refreshes the ones
# kept in the repository (looked at by eye before they are committed).
SCREENSHOTS = Path(
    os.environ.get("GK_SCREENSHOTS") or Path(tempfile.gettempdir()) / "gkreport-screenshots"
)
SCREENSHOTS.mkdir(parents=True, exist_ok=True)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Debian's chromium is missing at {CHROMIUM}: run `make test` (it installs it)")
    # Playwright's sync API runs an event loop in this thread; the Django ORM calls the
    # test makes between browser steps are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()
