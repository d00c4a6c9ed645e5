"""Drafts carry a watermark on every page; charts; gk_render; the download view."""

import io
import subprocess
import sys
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from pypdf.generic import StreamObject

from gkreport.pdf import html_to_pdf
from gkreport.printing.rendering import report_html
from tests.pdf.conftest import SEEDS, pdftotext, seed_report

ROOT = Path(__file__).resolve().parents[2]


def pink_pixels(path, folder) -> list[int]:
    """Per page, how many pixels have the watermark's red tint (the text is black)."""
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(folder / "page")], check=True)
    counts = []
    for image in sorted(folder.glob("page*.png")):
        rgb = Image.open(image).convert("RGB").tobytes()
        pixels = zip(rgb[0::3], rgb[1::3], rgb[2::3], strict=True)
        counts.append(sum(1 for r, g, b in pixels if r - g > 12 and r - b > 12))
    return counts


def test_drafts_carry_a_watermark_on_every_page_that_is_not_text(tmp_path):
    report = seed_report("001_c779024abbc6666e.txt")
    draft, final = tmp_path / "draft.pdf", tmp_path / "final.pdf"
    draft.write_bytes(html_to_pdf(report_html(report)))
    final.write_bytes(html_to_pdf(report_html(report, final=True)))
    (tmp_path / "draft").mkdir(), (tmp_path / "final").mkdir()
    on_draft = pink_pixels(draft, tmp_path / "draft")
    assert len(on_draft) == len(PdfReader(draft).pages) >= 3
    assert min(on_draft) > 200  # the 草稿 picture is drawn on every page
    assert max(pink_pixels(final, tmp_path / "final")) == 0
    # … but copied text, or text read back, holds the report's words alone (this report
    # itself writes 草 and 稿 a few times: 拟稿纸 …)
    assert pdftotext(draft) == pdftotext(final)


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


def test_every_stream_is_deflated_and_the_report_stays_small():
    """Streams are compressed by our finisher (level 1) instead of pydyf's level 9: still
    FlateDecode everywhere, and seed 003 (10 pages, three fonts) stays under 300 KB."""
    pdf = html_to_pdf(report_html(seed_report("003_b59b93e2e8dda449.txt"), final=True))
    assert len(pdf) < 300_000
    reader = PdfReader(io.BytesIO(pdf))
    numbers = [number for objects in reader.xref.values() for number in objects]
    streams = [
        stream
        for stream in map(reader.get_object, numbers)
        if isinstance(stream, StreamObject) and stream.get("/Type") != "/XRef"
    ]
    assert len(streams) > 10
    assert all(stream.get("/Filter") == "/FlateDecode" for stream in streams)
    assert "二、主动公开政府信息情况" in "".join(page.extract_text() for page in reader.pages)
