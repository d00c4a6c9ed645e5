"""The progress of a batch's run, as JSON for the page to poll."""

from django.urls import reverse

from gkreport.review.models import Batch, BatchItem
from tests.review.batch_data import CHIPING, assert_only_its_office_sees, run_batch, seed, upload


def test_it_checks_ownership(client, offices, people):
    assert_only_its_office_sees(client, offices, people, "batch_progress")


def test_progress_of_a_finished_batch(olivia, offices):
    batch = run_batch(olivia, offices.office, [upload("a.txt", seed(CHIPING))])
    url = reverse("batch_progress", args=[offices.office.code, batch.code])
    state = olivia.get(url).json()
    assert state["percent"] == 100 and state["finished"] is True and state["label"] == "已完成"


def test_progress_while_reading(olivia, offices):
    batch = Batch.objects.create(office=offices.office, status=Batch.Status.RUNNING, progress=1)
    for position in (1, 2):
        BatchItem.objects.create(batch=batch, position=position, name=f"{position}.txt")
    state = olivia.get(reverse("batch_progress", args=[offices.office.code, batch.code])).json()
    assert state == {
        "status": "running",
        "label": "正在读取：1/2个文件",
        "done": 1,
        "total": 3,
        "percent": 33,
        "finished": False,
        "stalled": False,
    }
    page = olivia.get(reverse("batch", args=[offices.office.code, batch.code])).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert 'value="33"' in page and "gkreport/batch.js" in page
    assert "<script>" not in page  # no inline script: the page works under a strict CSP
