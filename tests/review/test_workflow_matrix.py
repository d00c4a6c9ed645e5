"""Every role × every transition × every state: allowed or refused, exactly as specified."""

import itertools

import pytest

from gkreport.reports import workflow
from gkreport.reports.models import Event, Report
from tests.concurrency import at_once
from tests.review.conftest import set_status

STATES = ["draft", "submitted", "returned", "approved", "published"]
ROLES = ["editor", "signer", "reader", "reviewer"]
NAMES = ["submit", "return", "approve", "publish", "correct"]

# The specification, written out: (transition, role, from) → to. Everything else is refused.
ALLOWED = {
    ("submit", "signer", "draft"): "submitted",
    ("submit", "signer", "returned"): "submitted",
    ("return", "reviewer", "submitted"): "returned",
    ("return", "reviewer", "approved"): "returned",
    ("approve", "reviewer", "submitted"): "approved",
    ("publish", "reviewer", "approved"): "published",
    ("correct", "signer", "published"): "draft",
    ("correct", "reviewer", "published"): "draft",
}


@pytest.mark.parametrize("name, role, state", list(itertools.product(NAMES, ROLES, STATES)))
def test_transition_matrix(people, name, role, state):
    report = people.report
    set_status(report, state)
    events = Event.objects.filter(report=report, kind="transition").count()
    user = people.bob
    expected = ALLOWED.get((name, role, state))
    if expected is None:
        with pytest.raises(workflow.Refused):
            workflow.perform(report, role, name, user, "意见")
        assert Report.objects.get(pk=report.pk).status == state
        assert Event.objects.filter(report=report, kind="transition").count() == events
    else:
        workflow.perform(report, role, name, user, "意见")
        assert Report.objects.get(pk=report.pk).status == expected
        event = Event.objects.filter(report=report, kind="transition").first()
        assert (event.from_status, event.to_status, event.comment) == (state, expected, "意见")


@pytest.mark.parametrize("name", ["return", "correct"])
def test_return_and_correct_need_a_comment(people, name):
    set_status(people.report, "submitted" if name == "return" else "published")
    with pytest.raises(workflow.Refused, match="需要填写意见"):
        workflow.perform(people.report, "reviewer", name, people.bob, "  ")


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_approving_at_once_make_one_transition(people):
    set_status(people.report, "submitted")

    def approve():
        report = Report.objects.get(pk=people.report.pk)
        return workflow.perform(report, "reviewer", "approve", people.bob).status

    results = at_once(approve)
    assert "approved" in results
    assert [type(r) for r in results if r != "approved"] == [workflow.Refused]
    assert Event.objects.filter(report=people.report, to_status="approved").count() == 1


def test_the_steps_that_cannot_be_taken_back_ask_first():
    """报送, 审核通过 and 公开 are confirmed with a summary of what will happen; 退回 and 更正
    change no content, lead to a new submission and carry their comment."""
    from gkreport.reports.confirming import SUMMARIES

    asking = {name for name, t in workflow.TRANSITIONS.items() if t.asks_first}
    assert asking == {"submit", "approve", "publish"}
    assert set(SUMMARIES) == asking
