"""The one checking engine: a report dict in, findings out.

The identities declared by the format (H1–H4) are evaluated generically; every other rule
is a small pure function over the report dict, registered in RULES. Errors block
submission; warnings need an explanation from the agency.
"""

from gkreport.checks.context import Context
from gkreport.checks.findings import ERROR, WARNING, CheckResult, Finding
from gkreport.checks.identities import check_identities, identities_needing_unread
from gkreport.checks.ledger import ledger_format
from gkreport.checks.report import report_cells, report_format, unread_cells
from gkreport.checks.rules.h5_values import BLANK, h5_values
from gkreport.checks.rules.h6_fee_statement import h6_fee_statement
from gkreport.checks.rules.l1_late_reply import l1_late_reply
from gkreport.checks.rules.l2_outcome_reason import l2_outcome_reason
from gkreport.checks.rules.l3_dates_and_outcome import l3_dates_and_outcome
from gkreport.checks.rules.s1_carry_over import s1_carry_over
from gkreport.checks.rules.s2_in_force import s2_in_force
from gkreport.checks.rules.s3_narrative_figures import s3_narrative_figures
from gkreport.checks.rules.s4_fee_format import s4_fee_format
from gkreport.checks.rules.s5_copy_paste import s5_copy_paste
from gkreport.checks.rules.s6_repeated_text import s6_repeated_text
from gkreport.checks.rules.s7_fee_notices import s7_fee_notices
from gkreport.checks.rules.s8_publication_date import s8_publication_date
from gkreport.checks.rules.s9_template_rows import s9_template_rows
from gkreport.checks.rules.s10_consolidated import s10_consolidated
from gkreport.checks.rules.s11_repeated_share import s11_repeated_share
from gkreport.checks.rules.s12_stated_change import s12_stated_change

# Errors first, warnings after (GSA FAC style).
RULES = (
    h5_values,
    h6_fee_statement,
    s1_carry_over,
    s2_in_force,
    s3_narrative_figures,
    s4_fee_format,
    s5_copy_paste,
    s6_repeated_text,
    s7_fee_notices,
    s8_publication_date,
    s9_template_rows,
    s10_consolidated,
    s11_repeated_share,
    s12_stated_change,
)

# The rules of an agency's application ledger (依申请公开办理台账), which fills table 3: they
# read the ledger dict (gkreport/checks/ledger.py), one finding per application. Errors first.
LEDGER_RULES = (l2_outcome_reason, l3_dates_and_outcome, l1_late_reply)

SEVERITY_ORDER = {ERROR: 0, WARNING: 1}


def rule_code(rule) -> str:
    """The code its findings start with: s5_copy_paste → S5."""
    return rule.__name__.split("_", 1)[0].upper()


# What the context of a stored report must hold for the registered rules, and the rules
# that look beyond the report itself (the office's cross-report page lists their findings).
CONTEXT_NEEDS = frozenset().union(*(getattr(rule, "needs", ()) for rule in RULES))
CROSS_REPORT_RULES = frozenset(rule_code(rule) for rule in RULES if getattr(rule, "needs", ()))


def cross_report_kinds() -> list[str]:
    """What the cross-report rules look for, in words (the office's page names them so,
    never by their codes), in the engine's order."""
    from gkreport.checks.messages import kind

    codes = [rule_code(rule) for rule in RULES]
    return list(dict.fromkeys(kind(code) for code in codes if code in CROSS_REPORT_RULES))


def check_report(
    report: dict,
    *,
    previous: dict | None = None,
    peers=(),
    departments=(),
    published_on=None,
    deadline=None,
    draft: bool = False,
) -> CheckResult:
    """`draft`: the report is still being filled in, so a blank cell is progress (listed in
    `CheckResult.blank`), not an error; it becomes one when the report is submitted."""
    ctx = Context(
        fmt=report_format(report),
        previous=previous,
        peers=tuple(peers),
        departments=tuple(departments),
        published_on=published_on,
        deadline=deadline,
        draft=draft,
    )
    findings, not_assessed = check_identities(report, ctx.fmt)
    for rule in RULES:
        findings.extend(rule(report, ctx))
    findings.sort(key=lambda f: SEVERITY_ORDER[f.severity])
    blank = [f for f in findings if f.code == BLANK] if draft else []
    if blank:
        findings = [f for f in findings if f.code != BLANK]
    cells = report_cells(report, ctx.fmt)
    unread = unread_cells(report)
    return CheckResult(
        findings=findings,
        blank=blank,
        not_assessed=not_assessed,
        not_assessed_unread=identities_needing_unread(report, ctx.fmt),
        unread=[code for code in cells if code in unread],
        cells_total=len(cells),
    )


def check_ledger(ledger: dict) -> CheckResult:
    """The findings of an application ledger: errors (the ledger's table 3 cannot be
    adopted while one remains) and warnings, each naming its application (`entry`)."""
    ctx = Context(fmt=ledger_format(ledger))
    findings = [finding for rule in LEDGER_RULES for finding in rule(ledger, ctx)]
    findings.sort(key=lambda f: SEVERITY_ORDER[f.severity])
    return CheckResult(findings=findings)


__all__ = [
    "check_report",
    "check_ledger",
    "LEDGER_RULES",
    "CheckResult",
    "Finding",
    "ERROR",
    "WARNING",
    "RULES",
    "CONTEXT_NEEDS",
    "CROSS_REPORT_RULES",
    "cross_report_kinds",
]
