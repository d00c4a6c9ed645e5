"""Running a batch again: the stored files are read and checked anew; a run still going
cannot be doubled, a stalled one can."""

import datetime

from django.urls import reverse
from django.utils import timezone

from gkreport.review import batch_run
from gkreport.review.models import Batch, BatchItem
from tests.review.batch_data import rerun_url


def test_rerun_is_a_post_by_a_member(client, offices, people, batch):
    assert client.get(rerun_url(batch)).status_code == 405
    for person in (offices.oscar, offices.lena, people.alice):
        client.force_login(person)
        assert client.post(rerun_url(batch)).status_code == 404
    batch.refresh_from_db()
    assert batch.run == 1


def test_a_viewer_of_the_office_may_run_a_batch_again(client, offices, batch):
    client.force_login(offices.victor)  # as a viewer may check a batch (test_batches.py)
    assert client.post(rerun_url(batch)).status_code == 302
    batch.refresh_from_db()
    assert batch.run == 2


def test_a_finished_batch_runs_again(olivia, batch, monkeypatch):
    first = batch.items.get(name="a.txt").result
    seen = []
    real = batch_run.read_uploaded
    monkeypatch.setattr(
        batch_run, "read_uploaded", lambda name, data: seen.append(name) or real(name, data)
    )
    response = olivia.post(rerun_url(batch))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert (batch.run, batch.status) == (2, Batch.Status.DONE)
    assert seen == ["a.txt"]  # read again from the stored bytes
    again = batch.items.get(name="a.txt")
    assert again.status == BatchItem.Status.CHECKED and again.result == first
    refused = batch.items.get(name="b.jpg")
    assert refused.status == BatchItem.Status.FAILED and "不支持的文件类型" in refused.error
    page = olivia.get(response["Location"]).content.decode()
    assert "已重新开始检查。" in page and "第2次运行" in page


def test_a_batch_still_running_is_not_started_twice(olivia, batch, monkeypatch):
    Batch.objects.filter(pk=batch.pk).update(status=Batch.Status.RUNNING)
    started = []
    monkeypatch.setattr(batch_run, "start", started.append)
    response = olivia.post(rerun_url(batch), follow=True)
    assert "这一批正在检查，完成后才能重新运行。" in response.content.decode()
    batch.refresh_from_db()
    assert (batch.run, started) == (1, [])
    assert "重新运行</button>" not in response.content.decode()


def test_a_stalled_batch_may_run_again(olivia, batch):
    stale = timezone.now() - datetime.timedelta(hours=1)
    Batch.objects.filter(pk=batch.pk).update(status=Batch.Status.RUNNING, updated=stale)
    page = olivia.get(reverse("batch", args=[batch.office.code, batch.code])).content.decode()
    assert "后台处理可能已中断" in page and "重新运行</button>" in page
    olivia.post(rerun_url(batch))
    batch.refresh_from_db()
    assert (batch.run, batch.status) == (2, Batch.Status.DONE)
