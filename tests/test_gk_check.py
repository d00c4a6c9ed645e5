"""The command line checker: output, JSON shape, exit status, bad files, no database."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.hostile_files import corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
SEED_003 = SEEDS / "003_b59b93e2e8dda449.txt"
SEED_001 = SEEDS / "001_c779024abbc6666e.txt"


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("gk_check", *[str(a) for a in args], stdout=out, stderr=err)
    return exit_info.value.code, out.getvalue(), err.getvalue()


def test_it_prints_findings_and_exits_1_on_an_error():
    status, out, _ = run(SEED_003)
    assert status == 1
    assert "聊城市茌平区人民政府 2023年度报告 · 2021年格式" in out
    assert (
        "错误  [H4.review] 表四 行政复议：结果维持4＋结果纠正1＋其他结果1＋尚未审结1＝7，但总计填写为6"
        in out
    )
    assert "警告  [S4.format]" in out
    assert "未归入单元格  表三 6.属于四类过程性信息之后：3（不在任何一行的标签之后）" in out
    assert "已读取全部 200 格" in out
    assert out.rstrip().endswith("共 1 个错误，1 个警告")


def test_it_exits_0_when_there_are_only_warnings():
    status, out, _ = run(SEED_001)
    assert status == 0
    assert "警告  [S9]" in out


def test_json_output_has_the_documented_keys():
    status, out, _ = run(SEED_003, "--format", "json")
    assert status == 1
    data = json.loads(out)
    assert {"year", "format", "figures", "sections", "unplaced", "findings"} <= set(data)
    assert data["year"] == 2023 and data["format"] == "2021"
    assert data["figures"]["t3.new_received.total"] == 125
    assert data["figures"]["t2.fees.amount"] == "62544.3758"  # amounts as exact strings
    assert sorted(data["sections"]) == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert data["findings"][0] == {
        "code": "H4.review",
        "severity": "error",
        "cells": [
            "t4.review.upheld",
            "t4.review.corrected",
            "t4.review.other",
            "t4.review.pending",
            "t4.review.total",
        ],
        "message": "表四 行政复议：结果维持4＋结果纠正1＋其他结果1＋尚未审结1＝7，但总计填写为6",
        "part": "s4",
    }
    assert len(data["figures"]) == 200


def seed_001_without_table_4(tmp_path):
    """Seed 001 (warnings only) with its part 四 cut: table 4 is never read."""
    text = SEED_001.read_text(encoding="utf-8")
    start = text.index("四、政府信息公开行政复议、行政诉讼情况")
    end = text.index("五、", start)
    path = tmp_path / "001-cut.txt"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return path


def test_an_incomplete_reading_without_errors_exits_3(tmp_path):
    status, out, _ = run(seed_001_without_table_4(tmp_path))
    assert status == 3
    assert "已读取 171/186 格，未能读取 15 格" in out
    assert "未能读取  表四：15格（未找到这一部分的标题）" in out
    assert "无法核对  [H4.review] 有未能读取的单元格" in out
    assert "[H5" not in out
    assert out.rstrip().endswith("共 0 个错误，1 个警告（读取不完整：未能读取的单元格没有检查）")


def test_an_error_outweighs_an_incomplete_reading(tmp_path):
    text = SEED_003.read_text(encoding="utf-8").replace("1.属于国家秘密", "1.涉密事项")
    path = tmp_path / "003-cut.txt"
    path.write_text(text, encoding="utf-8")
    status, out, _ = run(path)
    assert status == 1
    assert "未能读取 7 格" in out and "[H4.review]" in out


def test_json_says_how_complete_the_reading_is(tmp_path):
    status, out, _ = run(seed_001_without_table_4(tmp_path), "--format", "json")
    data = json.loads(out)
    assert status == 3
    # the single 2019 其他处理 row stands for three: 200 − 21 + 7 cells
    assert (data["cells_total"], data["cells_read"], data["complete"]) == (186, 171, False)
    (row,) = data["unread"]
    assert (row["where"], len(row["cells"]), row["reason"]) == ("表四", 15, "未找到这一部分的标题")
    assert data["figures"]["t4.review.total"] is None
    assert data["not_assessed_unread"] == data["not_assessed"][-3:]
    # read back, the cells stay unread rather than becoming blanks (H5)
    exported = tmp_path / "001.json"
    exported.write_text(out, encoding="utf-8")
    status, again, _ = run(exported, "--format", "json")
    assert status == 3
    assert json.loads(again)["findings"] == data["findings"]
    assert json.loads(again)["unread"] == data["unread"]


def test_a_complete_reading_says_so_in_json():
    _, out, _ = run(SEED_003, "--format", "json")
    data = json.loads(out)
    assert (data["cells_read"], data["complete"], data["unread"]) == (200, True, [])


def test_help_documents_the_exit_statuses():
    from gkreport.reports.management.commands.gk_check import Command

    text = "".join(Command().create_parser("manage.py", "gk_check").format_help().split())
    for status in (
        "0全部读取且未发现错误",
        "1发现错误",
        "2无法读取文件",
        "3有单元格未能读取，其余未发现错误",
    ):
        assert status in text


def test_blank_cells_are_null_in_json():
    _, out, _ = run(SEEDS / "000_32c3f535e9b88d87.txt", "--format", "json")
    data = json.loads(out)
    assert data["figures"]["t4.review.total"] is None
    assert data["not_assessed"] == ["H4.review"]


def test_its_json_export_reads_back_with_the_same_findings(tmp_path):
    _, out, _ = run(SEED_003, "--format", "json")
    exported = tmp_path / "report.json"
    exported.write_text(out, encoding="utf-8")
    status, again, _ = run(exported, "--format", "json")
    first, second = json.loads(out), json.loads(again)
    assert status == 1
    assert second["figures"] == first["figures"]
    assert second["findings"] == first["findings"]
    assert second["sections"] == first["sections"]


def test_year_option_overrides_the_title(tmp_path):
    status, out, _ = run(SEED_001, "--year", "2020", "--format", "json")
    data = json.loads(out)
    assert data["year"] == 2020 and data["format"] == "2019"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "文件是空的"),
        (b"%PDF-1.7 binary", "PDF文件已损坏或已加密，无法读取"),
        (b"PK\x03\x04docx", "文件是ZIP格式但已损坏"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "请另存为.docx或导出为PDF"),
        (b"\x00\x01\x02\xff\xfe\x00", "无法识别文件的文字编码"),
        (b'{"figures": [1, 2]', "JSON格式错误"),
        (b'{"year": 2023}', "不是本系统导出的报告JSON：缺少 figures"),
        ("随便写的一段文字。".encode(), "无法从标题中识别报告年度"),
        ("测试局2010年政府信息公开工作年度报告".encode(), "2010年没有适用的年度报告格式"),
    ],
)
def test_unreadable_files_exit_2_with_a_chinese_message(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    status, out, err = run(path)
    assert status == 2
    assert message in err
    assert out == ""


def test_a_missing_file_exits_2():
    status, _, err = run("/nonexistent/report.txt")
    assert status == 2
    assert "找不到文件：/nonexistent/report.txt" in err


def test_an_oversized_file_is_refused(tmp_path, monkeypatch):
    from gkreport.imports import files

    monkeypatch.setattr(files, "DEFAULT_MAX_BYTES", 1000)
    monkeypatch.setattr(files.read_report_file, "__kwdefaults__", {"year": None, "max_bytes": 1000})
    path = tmp_path / "big.txt"
    path.write_bytes(SEED_003.read_bytes())
    status, _, err = run(path)
    assert status == 2
    assert "文件过大" in err


def test_gb18030_text_is_read(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(SEED_003.read_text(encoding="utf-8").encode("gb18030"))
    status, out, _ = run(path)
    assert status == 1
    assert "[H4.review]" in out


def test_it_needs_no_database():
    env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/nothing"}
    completed = subprocess.run(
        [sys.executable, "manage.py", "gk_check", str(SEED_003)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 1, completed.stderr
    assert "[H4.review]" in completed.stdout


@pytest.mark.parametrize("hostile", corpus(), ids=lambda hostile: hostile.name)
def test_a_hostile_file_is_read_or_exits_2_with_a_chinese_message(tmp_path, hostile):
    path = tmp_path / hostile.filename
    path.write_bytes(hostile.data)
    status, out, err = run(path)
    if status == 2:
        assert hostile.refused is not None, f"a file that must be read was refused: {err}"
        assert err.startswith("无法读取：") and hostile.refusal_matches(err), err
        assert out == ""
    else:
        assert hostile.reads is not None, "a file that must be refused was read"
        assert status in (0, 1, 3)  # read: no error, errors, or read incompletely
        assert out.startswith(f"{hostile.reads} 2023年度报告")


def test_a_device_that_never_ends_is_refused():
    status, _, err = run("/dev/zero")
    assert status == 2
    assert "文件过大" in err
