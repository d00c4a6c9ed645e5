"""S8: the report is published by the deadline."""

from tests.checks.helpers import findings
from tests.factories import build_report


def test_s8_passes_when_published_by_the_deadline():
    import datetime

    on_time = findings(
        build_report(),
        "S8",
        published_on=datetime.date(2024, 1, 31),
        deadline=datetime.date(2024, 1, 31),
    )
    assert on_time == []
    assert findings(build_report(), "S8") == []  # not published yet: nothing to say


def test_s8_warns_on_a_late_publication():
    import datetime

    (finding,) = findings(
        build_report(),
        "S8",
        published_on=datetime.date(2024, 2, 6),
        deadline=datetime.date(2024, 1, 31),
    )
    assert finding.message == "报告于2024年2月6日公开，晚于截止日期2024年1月31日6天"
