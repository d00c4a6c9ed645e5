"""Content is read-only outside draft/returned at the model layer; publishing freezes."""

import hashlib

import pytest

from gkreport.public.models import FrozenError, PublishedVersion
from gkreport.reports import workflow
from gkreport.reports.models import ContentLocked, Report
from tests.review.conftest import set_status


def test_an_edit_of_a_submitted_report_is_refused_by_the_model(people):
    set_status(people.report, "submitted")
    report = Report.objects.get(pk=people.report.pk)
    report.cells["t3.granted.natural"] = "99"
    with pytest.raises(ContentLocked, match="报告状态为“已报送”，内容不能修改"):
        report.save()
    assert Report.objects.get(pk=report.pk).cells["t3.granted.natural"] == "5"


def test_status_fields_may_still_change(people):
    set_status(people.report, "submitted")
    report = Report.objects.get(pk=people.report.pk)
    report.error_count = 3
    report.save()


def publish(people):
    report = people.report
    workflow.perform(report, "signer", "submit", people.bob)
    workflow.perform(report, "reviewer", "approve", people.bob)
    workflow.perform(report, "reviewer", "publish", people.bob)
    return Report.objects.get(pk=report.pk)


def test_publishing_stores_the_snapshot_and_the_pdf_with_its_hash(people):
    report = publish(people)
    version = report.versions.get()
    assert version.number == 1 and version.is_current
    pdf = version.pdf_bytes()
    assert pdf.startswith(b"%PDF")
    assert version.sha256 == hashlib.sha256(pdf).hexdigest()
    assert version.snapshot["figures"]["t3.new_received.total"] == 9
    assert version.snapshot["agency"]["name"] == "测试市行政审批服务局"
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdf))
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])  # tagged
    assert "草稿" not in "".join(
        page.extract_text() for page in reader.pages
    )  # final: no watermark


def test_a_published_snapshot_cannot_be_changed(people):
    version = publish(people).versions.get()
    version.snapshot["figures"]["t3.new_received.total"] = 1
    with pytest.raises(FrozenError):
        version.save()
    version = PublishedVersion.objects.get(pk=version.pk)
    version.sha256 = "0" * 64
    with pytest.raises(FrozenError):
        version.save()
    assert (
        PublishedVersion.objects.get(pk=version.pk).snapshot["figures"]["t3.new_received.total"]
        == 9
    )


def test_a_correction_is_a_new_version_and_the_old_one_stays(people):
    report = publish(people)
    workflow.perform(report, "signer", "correct", people.bob, "更正表二行政许可数量")
    report = Report.objects.get(pk=report.pk)
    assert report.status == "draft" and report.is_editable
    report.cells["t2.licensing.decisions"] = "1300"
    # The first publication (today) was after the 2023 report's deadline: every page now
    # shows that warning (S8), and a warning is explained before the report goes back.
    report.explanations = {"S8": "原报告逾期公开，已在本次更正中说明。"}
    report.save()
    workflow.perform(report, "signer", "submit", people.bob)
    workflow.perform(report, "reviewer", "approve", people.bob)
    workflow.perform(report, "reviewer", "publish", people.bob)
    first, second = report.versions.order_by("number")
    assert (first.is_current, second.is_current) == (False, True)
    assert first.snapshot["raw"]["t2.licensing.decisions"] == "1200"
    assert second.snapshot["raw"]["t2.licensing.decisions"] == "1300"
    assert second.correction_note == "更正表二行政许可数量"
    assert first.sha256 != second.sha256


def test_approval_stores_the_final_pdf_that_publishing_then_freezes_without_rendering(
    people, monkeypatch, django_capture_on_commit_callbacks
):
    from gkreport.printing import pdf_store, rendering

    report = people.report
    workflow.perform(report, "signer", "submit", people.bob)
    with django_capture_on_commit_callbacks(execute=True):  # the task queued at approval
        workflow.perform(report, "reviewer", "approve", people.bob)
    report = Report.objects.get(pk=report.pk)
    stored = pdf_store._read(pdf_store._name(pdf_store.pdf_key(report, final=True)))
    assert stored.startswith(b"%PDF")

    def no_render(*args, **kwargs):
        raise AssertionError("publishing rendered the PDF again")

    monkeypatch.setattr(rendering, "final_pdf", no_render)
    workflow.perform(report, "reviewer", "publish", people.bob)
    version = Report.objects.get(pk=report.pk).versions.get()
    assert version.sha256 == hashlib.sha256(stored).hexdigest()
