"""The agency answers the office's comments, each on the page where the comment shows.

A reply belongs to the review (gkreport.review.models.CommentReply), not to the report: it
changes no content, is never printed, snapshotted or published, and the office reads it
beside its comment on the review page. The agency may answer while the report is back with
it (draft or returned) and the comment is still open; a submission closes the round.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from gkreport.reports.access import report_for
from gkreport.reports.forms import ReplyForm
from gkreport.reports.models import Event, Report
from gkreport.review.models import CommentReply, ReviewComment

CLOSED = "报告已报送，这轮意见已经结束，不能再答复；如需补充，请联系主管部门。"
KEPT = "kept_replies"  # session: {comment id: text typed but not saved}
KEPT_MAX_CHARS = 20_000  # a session is no place for more


def keep_reply(request, comment_id, text: str) -> None:
    """A reply that could not be saved (the login expired, the text was refused) goes back
    into its box on the next page instead of being lost."""
    if text.strip():
        kept = request.session.get(KEPT, {})
        kept[str(comment_id)] = text[:KEPT_MAX_CHARS]
        request.session[KEPT] = kept


def kept_replies(request) -> dict[int, str]:
    """The replies kept for this person's next page, taken out of the session."""
    kept = request.session.pop(KEPT, None) or {}
    return {int(key): text for key, text in kept.items() if key.isdigit()}


class Closed(Exception):
    """The report left the agency (or the comment's round ended) since the page was drawn."""


def add_reply(report: Report, comment: ReviewComment, user, text: str) -> CommentReply:
    """Store the reply and log it, unless the report has been submitted meanwhile."""
    with transaction.atomic():
        # Locked against a submission at the same moment: that one waits, and its closing
        # of the round (workflow._on_submit) then includes this reply's comment.
        fresh = Report.objects.select_for_update().filter(pk=report.pk).first()
        comment.refresh_from_db(fields=["resolved"])
        if fresh is None or not fresh.is_editable or comment.resolved:
            raise Closed()
        reply = CommentReply.objects.create(comment=comment, text=text, author=user)
        Event.objects.create(
            report=report, kind=Event.Kind.REPLY, user=user, page=comment.target, comment=text
        )
    return reply


@require_POST
def reply_to_comment(request, code, comment_id):
    if not request.user.is_authenticated:  # the login expired while the reply was typed
        keep_reply(request, comment_id, request.POST.get("text", ""))
        return redirect(f"{reverse('login')}?next={_back(request, None)}")
    report, _ = report_for(request, code, write=True)
    # Only this report's comments: another report's comment number is a 404 here.
    comment = get_object_or_404(ReviewComment, pk=comment_id, report=report)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        for error in form.errors["text"]:
            messages.error(request, error)
        keep_reply(request, comment.pk, request.POST.get("text", ""))
    else:
        try:
            add_reply(report, comment, request.user, form.cleaned_data["text"])
        except Closed:
            messages.error(request, CLOSED)
        else:
            messages.success(request, "答复已保存；主管部门审核时可以在这条意见下看到。")
    return redirect(_back(request, report) + f"#comment-{comment.pk}")


def _back(request, report) -> str:
    """The page the reply was written on (a part, a table or the overview)."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return report.get_absolute_url() if report else reverse("home")
