"""Running a batch again: the stored files are read and checked anew; a run still going
cannot be doubled, a stalled one can; an earlier run that is still going stops by itself."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gkreport.review import batch_run
from gkreport.review.models import Batch, BatchItem
from tests.review.batch_data import CHIPING, seed, upload


@pytest.fixture
def olivia(client, offices):
    client.force_login(offices.olivia)
    return client


@pytest.fixture
def batch(olivia, offices):
    files = [upload("a.txt", seed(CHIPING)), upload("b.jpg", b"\xff\xd8")]
    olivia.post(reverse("batches", args=[offices.office.code]), {"files": files, "urls": ""})
    return Batch.objects.get()


def rerun_url(batch):
    return reverse("batch_rerun", args=[batch.office.code, batch.code])


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


def test_a_superseded_run_stops(batch):
    Batch.objects.filter(pk=batch.pk).update(run=2, status=Batch.Status.QUEUED, progress=0)
    BatchItem.objects.filter(batch=batch, name="a.txt").update(
        status=BatchItem.Status.WAITING, result={}
    )
    batch_run.run(batch.pk, 1)  # the task of the first run, arriving late
    batch.refresh_from_db()
    assert (batch.status, batch.progress) == (Batch.Status.QUEUED, 0)
    assert batch.items.get(name="a.txt").status == BatchItem.Status.WAITING


def test_a_failure_of_the_run_is_said_and_may_be_run_again(olivia, batch, monkeypatch):
    def broken(readings):
        raise RuntimeError("disk full")

    monkeypatch.setattr(batch_run, "_check_all", broken)
    olivia.post(rerun_url(batch))
    batch.refresh_from_db()
    assert batch.status == Batch.Status.FAILED
    page = olivia.get(reverse("batch", args=[batch.office.code, batch.code])).content.decode()
    assert "检查过程中发生意外错误" in page and "disk full" not in page
    assert "重新运行</button>" in page


def test_an_unexpected_reading_failure_fails_that_file_only(olivia, batch, monkeypatch):
    def broken(name, data):
        raise KeyError("t3.granted.total")

    monkeypatch.setattr(batch_run, "read_uploaded", broken)
    olivia.post(rerun_url(batch))
    batch.refresh_from_db()
    assert batch.status == Batch.Status.DONE
    failed = batch.items.get(name="a.txt")
    assert failed.status == BatchItem.Status.FAILED
    assert failed.error == "读取时发生意外错误，这个文件没有检查（已记入日志）"


def test_rerun_is_a_post_by_a_member(client, offices, people, batch):
    assert client.get(rerun_url(batch)).status_code == 405
    for person in (offices.oscar, offices.lena, people.alice):
        client.force_login(person)
        assert client.post(rerun_url(batch)).status_code == 404
    batch.refresh_from_db()
    assert batch.run == 1
