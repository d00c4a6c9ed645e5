"""Shared by the rule tests: the findings of one rule on a report."""

from gkreport.checks import check_report


def findings(report, rule, **kwargs):
    return [f for f in check_report(report, **kwargs).findings if f.rule == rule]
