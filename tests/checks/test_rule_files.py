"""The tests mirror the rules: every module in gkreport/checks/rules/ has its test file,
and every rule is registered once in RULES (a report's) or LEDGER_RULES (a ledger's),
errors first."""

from pathlib import Path

from gkreport.checks import LEDGER_RULES, RULES

RULES_DIR = Path(__file__).resolve().parents[2] / "gkreport" / "checks" / "rules"
TESTS_DIR = Path(__file__).resolve().parent


def rule_modules():
    return sorted(p.stem for p in RULES_DIR.glob("*.py") if p.stem != "__init__")


def test_every_rule_module_has_its_test_file():
    modules = rule_modules()
    assert len(modules) == len(RULES) + len(LEDGER_RULES)
    missing = [m for m in modules if not (TESTS_DIR / f"test_{m}.py").exists()]
    assert missing == []


def test_every_rule_is_registered_once():
    names = [rule.__name__ for rule in RULES]
    assert len(names) == len(set(names))
    assert names[:2] == ["h5_values", "h6_fee_statement"]  # errors first


def test_every_ledger_rule_is_registered_once_errors_first():
    names = [rule.__name__ for rule in LEDGER_RULES]
    assert len(names) == len(set(names)) and not set(names) & {r.__name__ for r in RULES}
    assert names[-1] == "l1_late_reply"  # the one rule of warnings comes last
