"""S2: normative documents in force follow from last year, issued and repealed."""

from tests.checks.helpers import findings
from tests.factories import build_report, changed


def test_s2_passes_when_in_force_follows_from_last_year():
    last_year = build_report(year=2022)
    last_year = changed(last_year, t2__normative_documents__in_force=18)
    assert findings(build_report(), "S2", previous=last_year) == []  # 18 + 3 - 1 = 20


def test_s2_warns_when_in_force_does_not_follow():
    last_year = changed(build_report(year=2022), t2__normative_documents__in_force=54)
    (finding,) = findings(build_report(), "S2", previous=last_year)
    assert finding.code == "S2.normative_documents"
    assert finding.message == (
        "表二 行政规范性文件 现行有效件数：上年54＋本年制发3－本年废止1＝56，但填写为20"
    )


def test_s2_without_last_year_checks_the_lower_bound():
    report = changed(build_report(), t2__normative_documents__in_force=1)
    (finding,) = findings(report, "S2")
    assert finding.message == "表二 行政规范性文件 现行有效件数填写为1，少于本年制发3－本年废止1＝2"


def test_s2_is_a_warning_on_both_rows_naming_the_three_cells():
    # The evaluators' check: agencies re-count their documents, so a difference asks for an
    # explanation (a warning), it never blocks submission.
    last_year = changed(
        build_report(year=2022),
        t2__regulations__in_force=4,
        t2__normative_documents__in_force=54,
    )
    report = changed(build_report(), t2__regulations__issued=2, t2__regulations__in_force=5)
    found = findings(report, "S2", previous=last_year)
    assert [(f.code, f.severity) for f in found] == [
        ("S2.regulations", "warning"),
        ("S2.normative_documents", "warning"),
    ]
    assert found[0].cells == (
        "t2.regulations.issued",
        "t2.regulations.repealed",
        "t2.regulations.in_force",
    )
    assert found[0].message == "表二 规章 现行有效件数：上年4＋本年制发2－本年废止0＝6，但填写为5"
