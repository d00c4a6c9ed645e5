"""Reading a ledger cell: the template's own words (numbered or not, half- or full-width)
and a few everyday names; anything else is refused with what is accepted."""

import pytest

from gkreport.formats import FORMAT_2019, FORMAT_2021
from gkreport.formats.ledger import ledger_terms
from gkreport.ledger.fields import BY_NAME, FIELDS, read_field, shown

TERMS = ledger_terms(FORMAT_2021)


def read(name, text, outcome=""):
    return read_field(BY_NAME[name], text, TERMS, outcome)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("自然人", "natural"),
        ("公民", "natural"),
        ("商业企业", "commercial"),
        ("法人或其他组织·商业企业", "commercial"),
        ("法人或其他组织（科研机构）", "research"),
        ("法人或其他组织-其他", "other_org"),
        ("其他", "other_org"),
        (" 法律服务机构 ", "legal_service"),
    ],
)
def test_applicant_types(text, key):
    assert read("applicant_type", text).value == key


def test_an_applicant_type_not_in_table_3_is_refused_with_the_list():
    reading = read("applicant_type", "法人或其他组织")
    assert reading.error == (
        "“法人或其他组织”不是申请人类型，请填写自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他"
    )


@pytest.mark.parametrize(
    ("text", "outcome", "reason"),
    [
        ("予以公开", "granted", None),
        ("（一）予以公开", "granted", None),
        ("(二)部分公开", "partially_granted", None),
        ("部分公开（区分处理的，只计这一情形，不计其他情形）", "partially_granted", None),
        ("不予公开", "denied", None),
        ("不予公开（属于国家秘密）", "denied", "denied_state_secret"),
        ("不予公开-8", "denied", "denied_administrative_query"),
        ("无法提供：本机关不掌握相关政府信息", "unavailable", "unavailable_not_held"),
        ("其他处理 3.其他", "other", "other_other"),
    ],
)
def test_outcomes_and_an_outcome_written_with_its_reason(text, outcome, reason):
    reading = read("outcome", text)
    assert (reading.value, reading.implies) == (outcome, reason)


def test_an_outcome_not_in_table_3_is_refused():
    reading = read("outcome", "已办结")
    assert reading.error.startswith(
        "“已办结”不是办理结果的类别，请填写予以公开、部分公开、不予公开"
    )


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("1.属于国家秘密", "denied_state_secret"),
        ("1．属于国家秘密", "denied_state_secret"),
        ("属于国家秘密", "denied_state_secret"),
        ("国家秘密", "denied_state_secret"),
        ("3", "denied_security_stability"),
        ("危及三安全一稳定", "denied_security_stability"),
    ],
)
def test_reasons_of_an_outcome(text, row):
    assert read("reason", text, "denied").value == row


def test_a_reason_of_one_outcome_only_names_its_outcome_too():
    reading = read("reason", "重复申请")
    assert (reading.value, reading.implies) == ("not_processed_repeated", "not_processed")


def test_a_reason_that_is_not_the_outcomes_is_refused():
    assert read("reason", "重复申请", "denied").error.startswith(
        "“重复申请”不是“不予公开”的具体情形"
    )
    assert read("reason", "2", "granted").error == "“予以公开”不分具体情形，请留空"
    assert read("reason", "3").error == "“3”不是具体情形，请先填写办理结果"


@pytest.mark.parametrize(("text", "value"), [("是", True), ("", False), ("否", False), ("√", True)])
def test_extension_flags(text, value):
    assert read("extended", text).value is value


def test_channels_in_everyday_words():
    assert read("channel", "网上申请").value == "online"
    assert read("channel", "当面").value == "in_person"
    assert read("channel", "飞鸽传书").error.startswith("“飞鸽传书”不是申请方式，请填写当面、信函")


def test_text_is_bounded():
    assert read("subject", "事" * 2001).error == "过长（2001个字，最多2000个字）"


def test_what_is_shown_reads_back_as_stored():
    for outcome in TERMS.outcomes:
        for row in [r.row for r in outcome.reasons] or [""]:
            text = shown(BY_NAME["reason"], row, TERMS, outcome.key)
            if row:
                assert read("reason", text, outcome.key).value == row
        assert read("outcome", shown(BY_NAME["outcome"], outcome.key, TERMS)).value == outcome.key
    for applicant in TERMS.applicants:
        text = shown(BY_NAME["applicant_type"], applicant.key, TERMS)
        assert read("applicant_type", text).value == applicant.key
    assert [f.label for f in FIELDS if f.required] == ["收到申请日期", "申请人类型"]


def test_the_2019_format_has_no_kinds_of_other_processing():
    terms = ledger_terms(FORMAT_2019)
    assert (
        read_field(BY_NAME["reason"], "1", terms, "other").error == "“其他处理”不分具体情形，请留空"
    )


def test_a_category_cell_is_bounded_and_not_echoed_at_length():
    reading = read("outcome", "公开" * 5000)
    assert reading.error == "过长（10000个字，最多100个字）"
