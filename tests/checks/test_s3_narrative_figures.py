"""S3: figures quoted in the text match the tables."""

from tests.checks.helpers import findings
from tests.factories import build_report, with_sections

RECEIVED = "2023年，共收到政府信息公开申请9件，同比增长20%。"


def test_s3_passes_when_the_text_quotes_the_table():
    report = build_report()  # new_received.total = 9 (8 natural + 1 commercial)
    assert report["figures"]["t3.new_received.total"] == 9
    assert findings(with_sections(report, s1=RECEIVED), "S3") == []


def test_s3_warns_on_a_different_figure():
    report = with_sections(build_report(), s1="2023年共收到政府信息公开申请12件，均已答复。")
    (finding,) = findings(report, "S3")
    assert finding.code == "S3.received"
    assert finding.message == (
        "正文写“2023年共收到政府信息公开申请12件”，但表三 一、本年新收政府信息公开申请数量 总计为9"
    )
    assert finding.part == "s1"


def test_s3_accepts_received_including_carry_over():
    report = with_sections(build_report(), s1="共受理政府信息公开申请10件（含上年结转1件）。")
    assert findings(report, "S3") == []


def test_s3_checks_review_and_litigation_counts():
    text = "因政府信息公开引发行政复议案件2件，行政诉讼案件1件。"
    assert findings(with_sections(build_report(), s1=text), "S3") == []
    text = "因政府信息公开引发行政复议案件3件，行政诉讼案件4件。"
    found = findings(with_sections(build_report(), s1=text), "S3")
    assert [f.code for f in found] == ["S3.review", "S3.litigation"]
    assert found[1].message == (
        "正文写“行政诉讼案件4件”，但表四 行政诉讼 未经复议直接起诉与复议后起诉的总计之和为1"
    )


def test_s3_stays_silent_on_other_quantities_in_the_sentence():
    report = build_report()
    quiet = [
        "行政复议决定备案5件。",  # 备案 cases are not 行政复议 cases of this agency
        "全年收到行政复议申请费用300元。",
        "本年度无规范性文件行文，规范性文件清理为0件。",  # repealed, not issued
        "办理人大代表建议6件、政协提案7件。",
        "收到领导信箱信件44件，已办理44件。",
    ]
    for text in quiet:
        assert findings(with_sections(report, s1=text, s6=text + "未收取信息处理费"), "S3") == [], (
            text
        )


def test_s3_reads_full_width_digits_and_spaced_numbers():
    report = with_sections(build_report(), s1="共收到政府信息公开申请 １２ 件。")
    assert [f.code for f in findings(report, "S3")] == ["S3.received"]


def test_s3_checks_normative_documents_issued():
    report = with_sections(build_report(), s1="全年制发行政规范性文件5件。")
    (finding,) = findings(report, "S3")
    assert (
        finding.message
        == "正文写“全年制发行政规范性文件5件”，但表二 行政规范性文件 本年制发件数为3"
    )
