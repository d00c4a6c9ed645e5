"""Importing a PDF report: our own PDFs of the seeds read back to the same figures."""

import pytest

from gkreport.checks import check_report
from gkreport.imports.files import read_report_bytes
from gkreport.imports.text import ImportError_
from gkreport.pdf import html_to_pdf
from tests.pdf.conftest import SEED_NAMES, SEEDS


@pytest.mark.parametrize("name", SEED_NAMES)
def test_a_seed_pdf_reads_back_to_the_same_report(final_pdfs, name):
    from_text = read_report_bytes((SEEDS / name).read_bytes()).report
    from_pdf = read_report_bytes(final_pdfs[name].read_bytes())
    report = from_pdf.report
    assert (report["year"], report["agency"], report["signature"], report["date"]) == (
        from_text["year"],
        from_text["agency"],
        from_text["signature"],
        from_text["date"],
    )
    assert report["title"].replace(" ", "") == from_text["title"].replace(" ", "")
    expected = dict(from_text["figures"])
    if name.startswith("000"):
        # table 4 prints its blank 行政复议 cells as blanks: the raw text cannot say which
        # cells they were, so the row is reported, not guessed
        expected = {k: v for k, v in expected.items() if not k.startswith("t4.")}
        assert {u["where"] for u in from_pdf.unplaced} == {"表四"}
        # … and its 15 cells are unread, not blank: no H5 error, H4 not assessable
        (row,) = from_pdf.unread
        assert (row["where"], len(row["cells"]), row["reason"]) == (
            "表四",
            15,
            "这一行的数值无法对应到各列",
        )
        assert row["near"] == "4 0 0 0 4 0 0 0 0 0"
        check = check_report(report)
        assert check.errors == [] and not check.complete
        assert check.not_assessed_unread == [
            "H4.review",
            "H4.litigation_direct",
            "H4.litigation_after_review",
        ]
    else:
        assert from_pdf.unplaced == [] and from_pdf.complete
    assert report["figures"] == expected
    codes = {f.code for f in check_report(report).findings}
    text_codes = {f.code for f in check_report(from_text).findings} - {"S4.format"}
    if not name.startswith("000"):
        assert codes == text_codes  # the PDF prints amounts canonically: no S4 there


def test_part_headings_and_paragraphs_come_back(final_pdfs):
    report = read_report_bytes(final_pdfs["003_b59b93e2e8dda449.txt"].read_bytes()).report
    s6 = report["sections"]["s6"]
    assert "（一）依据《政府信息公开信息处理费管理办法》收取信息处理费的情况" in s6
    assert "2023年无收取信息处理费情况。" in s6.splitlines()


def test_a_pdf_without_text_is_refused():
    blank = html_to_pdf(
        "<html><body><svg width='100' height='100'><rect width='50' height='50'/></svg></body></html>"
    )
    with pytest.raises(ImportError_, match="PDF中没有文字层"):
        read_report_bytes(blank)


def test_a_broken_pdf_is_refused():
    with pytest.raises(ImportError_, match="PDF文件已损坏或已加密"):
        read_report_bytes(b"%PDF-1.7\nthis is not really a pdf")


def test_gk_check_reads_a_pdf(final_pdfs, capsys):
    from django.core.management import call_command

    with pytest.raises(SystemExit) as exit_info:
        call_command("gk_check", str(final_pdfs["003_b59b93e2e8dda449.txt"]))
    assert exit_info.value.code == 1
    assert (
        "[H4.review] 表四 行政复议：结果维持4＋结果纠正1＋其他结果1＋尚未审结1＝7，但总计填写为6"
        in capsys.readouterr().out
    )
