"""The background run of a batch: the cross-report rules fed by the other files of the batch
(S1/S2 last year, S5 the same year); a superseded run stops, a failure is said."""

from django.urls import reverse

from gkreport.checks import check_report
from gkreport.imports.files import read_report_bytes
from gkreport.review import batch_run
from gkreport.review.models import Batch, BatchItem
from tests.factories import build_report
from tests.review.batch_data import (
    SCIENCE,
    item,
    report_json,
    rerun_url,
    run_batch,
    seed,
    upload,
    variant,
)

AGENCY = "测试市某某局"
LAST_YEAR = report_json(build_report(year=2022, carried_forward={"natural": 2}), AGENCY)
THIS_YEAR = report_json(
    build_report(
        year=2023,
        carried_over={"natural": 5},  # last year carried 2 forward: S1
        t2={
            "t2.normative_documents.issued": 3,
            "t2.normative_documents.repealed": 1,
            "t2.normative_documents.in_force": 40,  # last year 20 + 3 − 1 = 22: S2
        },
    ),
    AGENCY,
)
RENAMED_SCIENCE = variant(SCIENCE, {"聊城市科学技术局": "聊城市测试局"})


def messages_of(batch_item) -> set[str]:
    return {f["message"] for f in batch_item.result["findings"]}


def cross_messages(data: bytes, rules, **context) -> set[str]:
    report = read_report_bytes(data).report
    found = check_report(report, **context).findings
    return {f.message for f in found if f.rule in rules}


def test_last_years_report_in_the_batch_feeds_s1_and_s2(olivia, offices):
    expected = cross_messages(THIS_YEAR, ("S1", "S2"), previous=read_report_bytes(LAST_YEAR).report)
    assert any("上年结转" in m for m in expected) and any("现行有效件数" in m for m in expected)
    batch = run_batch(
        olivia, offices.office, [upload("2023.json", THIS_YEAR), upload("2022.json", LAST_YEAR)]
    )
    this_year = item(batch, "2023.json")
    assert expected <= messages_of(this_year)
    assert this_year.result["compared_with_previous"] is True
    assert item(batch, "2022.json").result["compared_with_previous"] is False


def test_without_last_year_in_the_batch_there_is_nothing_to_compare(olivia, offices):
    expected = cross_messages(THIS_YEAR, ("S1", "S2"), previous=read_report_bytes(LAST_YEAR).report)
    batch = run_batch(olivia, offices.office, [upload("2023.json", THIS_YEAR)])
    found = messages_of(item(batch, "2023.json"))
    assert not expected & found
    assert item(batch, "2023.json").result["compared_with_previous"] is False


def test_another_agencys_report_of_last_year_is_not_last_year(olivia, offices):
    other = report_json(build_report(year=2022), "测试市另一个局")
    batch = run_batch(
        olivia, offices.office, [upload("2023.json", THIS_YEAR), upload("other.json", other)]
    )
    assert item(batch, "2023.json").result["compared_with_previous"] is False


def test_same_year_reports_in_the_batch_feed_s5(olivia, offices):
    batch = run_batch(
        olivia,
        offices.office,
        [upload("science.txt", seed(SCIENCE)), upload("renamed.txt", RENAMED_SCIENCE)],
    )
    expected = cross_messages(
        RENAMED_SCIENCE, ("S5",), peers=[read_report_bytes(seed(SCIENCE)).report]
    )
    assert expected and all("聊城市科学技术局同年报告" in m for m in expected)
    assert expected <= messages_of(item(batch, "renamed.txt"))
    assert any("聊城市测试局同年报告" in m for m in messages_of(item(batch, "science.txt")))


def test_reports_of_other_years_do_not_feed_s5(olivia, offices):
    other_year = variant(SCIENCE, {"2022": "2023", "聊城市科学技术局": "聊城市测试局"})
    batch = run_batch(
        olivia,
        offices.office,
        [upload("science.txt", seed(SCIENCE)), upload("other.txt", other_year)],
    )
    assert not any("同年报告" in m for m in messages_of(item(batch, "science.txt")))


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
