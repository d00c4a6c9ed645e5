"""H5: every cell of the tables holds a number (blank, “/”, text, negative)."""

from gkreport.checks import check_report
from tests.checks.helpers import findings
from tests.factories import build_report, changed, with_raw


def test_h5_passes_when_every_cell_has_a_number():
    assert findings(build_report(), "H5") == []


def test_h5_reports_a_blank_cell():
    report = changed(build_report(), t2__licensing__decisions=None)
    (finding,) = findings(report, "H5")
    assert finding.code == "H5.blank"
    assert finding.message == "表二 行政许可 本年处理决定数量：未填写（没有发生的请填写0）"
    assert finding.cells == ("t2.licensing.decisions",)


def test_h5_a_blank_cell_of_a_draft_is_progress_not_an_error():
    report = changed(build_report(), t2__licensing__decisions=None)
    result = check_report(report, draft=True)
    assert not [f for f in result.errors if f.rule == "H5"]
    assert [f.cells for f in result.blank] == [("t2.licensing.decisions",)]
    assert result.blank_by_table() == {"t2": 1}


def test_h5_is_silent_on_a_cell_the_importer_could_not_read():
    report = changed(build_report(), t2__licensing__decisions=None)
    report = {**report, "unread": ["t2.licensing.decisions"]}
    assert findings(report, "H5") == []
    result = check_report(report)
    assert (result.unread, result.cells_read, result.cells_total) == (
        ["t2.licensing.decisions"],
        199,
        200,
    )
    assert not result.complete


def test_h5_reports_not_applicable_as_an_error():
    report = with_raw(build_report(), "t4.review.pending", "/", None)
    (finding,) = findings(report, "H5")
    assert finding.code == "H5.not_applicable"
    assert finding.message == (
        "表四 行政复议 尚未审结：填写了“/”，统计表每一格都应填写数字，没有发生的请填写0"
    )


def test_h5_repeats_the_reader_message_for_unreadable_text():
    report = with_raw(build_report(), "t3.granted.natural", "五件", None)
    (finding,) = findings(report, "H5")
    assert finding.code == "H5.invalid"
    assert finding.message == "表三 （一）予以公开 自然人：“五件”不是数字"
    assert finding.note == "“五件”不是数字"  # under the cell, as the browser says it


def test_h5_notes_under_the_cell_what_the_browser_says_while_typing():
    report = with_raw(build_report(), "t3.granted.natural", "62,544.3758", None)
    (finding,) = findings(report, "H5")
    assert finding.note == "件数应为整数，不能有小数"
    report = with_raw(build_report(), "t4.review.pending", "/", None)
    (finding,) = findings(report, "H5")
    assert finding.note == "应填写数字，没有发生的请填写0"


def test_h5_reports_a_negative_number_from_a_hand_made_dict():
    report = changed(build_report(), t2__penalty__decisions=-1)
    (finding,) = findings(report, "H5")
    assert finding.message == "表二 行政处罚 本年处理决定数量：填写为-1，不能为负数"
    assert finding.short == "填写有误的单元格"  # never typed, so no note of the browser's
