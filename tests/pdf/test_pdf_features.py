"""Drafts carry a watermark on every page; charts; gk_render; the download view."""

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from gkreport.pdf import html_to_pdf
from gkreport.printing.rendering import report_html
from tests.pdf.conftest import SEEDS, pdftotext, seed_report

ROOT = Path(__file__).resolve().parents[2]


def test_drafts_carry_a_watermark_on_every_page(tmp_path):
    path = tmp_path / "draft.pdf"
    path.write_bytes(html_to_pdf(report_html(seed_report("001_c779024abbc6666e.txt"))))
    pages = len(PdfReader(path).pages)
    assert pages >= 3
    for number in range(1, pages + 1):
        assert "草" in pdftotext(path, "-f", str(number), "-l", str(number))


def test_charts_are_drawn_with_their_numbers_in_text(tmp_path):
    report = seed_report("003_b59b93e2e8dda449.txt")
    report.include_charts = True
    html = report_html(report, final=True)
    assert "<svg" in html and 'role="img"' in html
    path = tmp_path / "charts.pdf"
    path.write_bytes(html_to_pdf(html))
    text = "".join(pdftotext(path).split())
    assert "本年度办理结果分布（件）" in text
    assert (
        "本年度办理结果分布：予以公开92件；部分公开12件；不予公开2件；无法提供18件；不予处理0件；其他处理1件。"
        in text
    )


def test_no_chart_unless_asked(tmp_path):
    assert "<svg" not in report_html(seed_report("003_b59b93e2e8dda449.txt"))


def test_gk_render_writes_a_pdf_without_a_database(tmp_path):
    out = tmp_path / "out.pdf"
    completed = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "gk_render",
            str(SEEDS / "002_e42161fe7aa08ef3.txt"),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env={"DATABASE_URL": "postgres://nobody@127.0.0.1:1/nothing", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "聊城市行政审批服务局" in pdftotext(out)


def test_gk_render_exits_2_on_an_unreadable_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("不是报告")
    completed = subprocess.run(
        [sys.executable, "manage.py", "gk_render", str(bad), "--out", str(tmp_path / "x.pdf")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 2
    assert "无法读取" in completed.stderr
