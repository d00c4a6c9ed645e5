"""Statuses and roles are spelled in gkreport/vocabulary.py only: code and templates compare
against its names, so a renamed or added status cannot leave a page behind."""

import ast
import re
from pathlib import Path

from gkreport.vocabulary import (
    AWAITING_OFFICE,
    OFFICE_TASKS,
    AgencyRole,
    OfficeRole,
    Status,
    can_edit,
    may_review,
)

ROOT = Path(__file__).resolve().parent.parent
WORDS = {*Status.values, *AgencyRole.values, *OfficeRole.values}
# The format's own column keys (f2019's “published” column) are cell codes, not statuses.
SKIPPED = ("gkreport/vocabulary.py", "gkreport/formats/", "/migrations/")


def python_literals(path: Path) -> list[str]:
    """String constants equal to a status or role, except keys (the names of a page's sort
    options such as “published”, or the print context's “draft” flag, are not statuses)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    keys = {id(key) for node in ast.walk(tree) if isinstance(node, ast.Dict) for key in node.keys}
    keys |= {id(node.slice) for node in ast.walk(tree) if isinstance(node, ast.Subscript)}
    return [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in WORDS and id(node) not in keys
    ]


# `report.status == 'draft'`, `membership.role != "reader"` (a sort option is no status).
TEMPLATE_COMPARISON = re.compile(
    r"(?:status|role)\s*(?:==|!=|\bin)\s*['\"](?:" + "|".join(sorted(WORDS)) + r")['\"]"
)


def test_no_status_or_role_is_spelled_outside_the_vocabulary():
    found = []
    for path in sorted((ROOT / "gkreport").rglob("*.py")):
        if not any(skip in str(path.relative_to(ROOT)) or skip in str(path) for skip in SKIPPED):
            found.extend(python_literals(path))
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if TEMPLATE_COMPARISON.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}")
    assert found == []


def test_readers_cannot_edit_and_viewers_cannot_review():
    assert [role for role in AgencyRole if can_edit(role)] == [
        AgencyRole.EDITOR,
        AgencyRole.SIGNER,
    ]
    assert [role for role in OfficeRole if may_review(role)] == [OfficeRole.REVIEWER]


def test_the_office_inbox_names_a_task_for_every_status_waiting_for_it():
    assert set(OFFICE_TASKS) == set(AWAITING_OFFICE)
