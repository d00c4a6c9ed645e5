"""The office checks a batch in the browser: a .zip of the five seed reports goes to a real
`db_worker` process (the queue in the test database, as `make run` runs it); the progress bar
follows it to 100%; a report's findings open; the Excel file downloads. Then an agency imports
last year's report from its home page."""

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gkreport.review.models import Batch
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_drafting_flow import log_in
from tests.database import worker_environment
from tests.http_server import SEEDS

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    env = worker_environment()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    yield process
    process.terminate()
    process.wait(timeout=20)


def seeds_zip(folder: Path) -> Path:
    path = folder / "年报.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for seed in sorted(SEEDS.glob("*.txt")):
            archive.write(seed, f"年报/{seed.name}")
    return path


def test_batch_upload_progress_findings_export(browser, live_server, offices, worker, tmp_path):
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="zh-CN", accept_downloads=True
    )
    page = context.new_page()
    log_in(page, live_server, "olivia", "pw-olivia")
    page.click("a:has-text('批量检查')")
    page.set_input_files("#id_files", str(seeds_zip(tmp_path)))
    page.fill("#id_name", "聊城市2022—2023年度年报")
    page.screenshot(path=str(SCREENSHOTS / "batch-form.png"), full_page=True)
    page.click("button:has-text('开始检查')")

    # the results page follows the worker through the progress endpoint
    bar = page.locator("#batch-progress progress")
    # what the worker has done by the time the page shows depends on the machine's speed
    status = page.locator("#batch-status").inner_text()
    assert re.fullmatch(r"排队等待|正在读取：[0-5]/5个文件|已完成", status), status
    seen = [bar.evaluate("e => e.value")]
    for _ in range(600):  # 60 s at most
        if seen[-1] == 100:
            break
        page.wait_for_timeout(100)
        seen.append(bar.evaluate("e => e.value"))
    assert seen[-1] == 100 and seen == sorted(seen), seen
    page.wait_for_selector("#batch-export", timeout=10_000)  # reloaded with the results
    assert worker.poll() is None, worker.stderr.read().decode()
    assert page.locator("#batch-status").inner_text() == "已完成"
    assert page.locator("#batch-percent").inner_text() == "100%"
    assert page.locator("tr.batch-item").count() == 5
    assert Batch.objects.get().status == Batch.Status.DONE

    # a report's findings open
    row = page.locator("tr.batch-item", has_text="聊城市茌平区人民政府")
    assert "2023" in row.inner_text()
    details = page.locator("#item-4 + tr details")
    assert not details.locator("li").first.is_visible()
    details.locator("summary").click()
    assert details.locator("li").first.is_visible()
    page.screenshot(path=str(SCREENSHOTS / "batch-results.png"), full_page=True)

    # the Excel file
    with page.expect_download() as download:
        page.click("#batch-export")
    assert download.value.suggested_filename.endswith(".xlsx")
    book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    agencies = [row[2] for row in book["报告"].iter_rows(min_row=3, values_only=True)]
    assert "聊城市茌平区人民政府" in agencies and len(agencies) == 5
    context.close()


def test_agency_imports_last_years_report(page, live_server, people, tmp_path):
    path = tmp_path / "2022年报.txt"
    text = (SEEDS / "002_e42161fe7aa08ef3.txt").read_text(encoding="utf-8")
    path.write_text(text.replace("聊城市行政审批服务局", "测试市行政审批服务局"), encoding="utf-8")
    log_in(page, live_server, "alice", "pw-alice")
    page.click("summary:has-text('导入已公开的报告')")
    page.set_input_files("#id_import_file", str(path))
    page.screenshot(path=str(SCREENSHOTS / "import-previous.png"), full_page=True)
    page.click("button:has-text('导入')")
    assert "已导入2022年度报告（系统外已公开，只读）" in page.content()
    page.screenshot(path=str(SCREENSHOTS / "import-previous-done.png"), full_page=True)
    page.click(f"a:has-text('{people.agency.name}')")
    assert page.locator("tr", has_text="2022年度").locator("text=导入").count() == 1
