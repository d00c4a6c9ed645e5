"""The rules as a set: every rule is registered once in RULES, errors first."""

from gkreport.checks import RULES


def test_every_rule_is_registered_once():
    names = [rule.__name__ for rule in RULES]
    assert len(names) == len(set(names))
    assert names[:2] == ["h5_values", "h6_fee_statement"]  # errors first
