"""The ledger's pages: the grid of a year's applications, and carrying last year's open
ones over. Plain function views through the ledger's access helper (access.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from gkreport.formats.ledger import ledger_terms
from gkreport.ledger import adopt, carry, grid
from gkreport.ledger.access import ledger_for
from gkreport.ledger.derive import digest, key_figures, ledger_state
from gkreport.ledger.fields import FIELDS, choices
from gkreport.reports.access import report_for
from gkreport.reports.editing import Conflict, Locked, fingerprint, save_page
from gkreport.reports.pages import page, pages
from gkreport.reports.tasks import render_draft_pdf
from gkreport.reports.views import _pending_input, keep_input_when_logged_out

SHOWN_FINDINGS = 20  # the summary lists the first ones; each row shows its own


@keep_input_when_logged_out
def ledger_page(request, code, year):
    ledger = ledger_for(request, code, year, write=request.method == "POST")
    refused = {}
    if request.method == "POST":
        if not ledger.editable:
            messages.error(request, f"{ledger.locked_reason}您的输入没有保存。")
            refused = grid.unsaved(request.POST)
        else:
            saved = grid.save_grid(ledger, request.POST)
            _tell_saved(request, saved)
            if not saved.refused:
                return redirect(_after_save(ledger, saved, request.POST.get("page")))
            refused = saved.refused
    elif (pending := _pending_input(request)) is not None:
        refused = grid.unsaved(pending)  # typed before the session expired: shown, not saved
    state = ledger_state(ledger.agency.pk, ledger.year, ledger.fmt)
    number = grid.page_number(request.POST.get("page") or request.GET.get("page"), state.count)
    context = page_context(ledger, state, number)
    context["rows"] = grid.page_rows(ledger, number, refused)
    return render(request, "ledger/ledger.html", context)


def _tell_saved(request, saved):
    for text in saved.messages:
        messages.error(request, text)
    counts = (("新增", len(saved.created)), ("修改", saved.changed), ("删除", saved.deleted))
    done = [f"{word}{count}条" for word, count in counts if count]
    if saved.refused:
        done_text = f"已保存：{'，'.join(done)}" if done else "这次没有保存任何内容"
        messages.warning(request, grid.REFUSED_KEPT.format(done=done_text))
    elif done:
        messages.success(request, f"已保存：{'，'.join(done)}。")
    else:
        messages.info(request, "没有改动需要保存。")


def _after_save(ledger, saved, page) -> str:
    """Back to the page, or to the page the first new application went to."""
    url = reverse("ledger", args=[ledger.agency.code, ledger.year])
    if saved.created:
        first = min(saved.created, key=lambda e: (e.received_on, e.id))
        return f"{url}?page={grid.page_of(ledger, first)}#entry-{first.code.hex}"
    text = str(page or "")
    return f"{url}?page={text}" if text.isascii() and text.isdigit() and len(text) < 7 else url


def page_context(ledger, state, number) -> dict:
    count = grid.page_count(state.count)
    terms = ledger_terms(ledger.fmt)
    words = ledger.fmt.words
    return {
        "ledger": ledger,
        "agency": ledger.agency,
        "state": state,
        "page": number,
        "pages": range(1, count + 1),
        "page_links": page_links(number, count),
        "page_size": grid.PAGE_SIZE,
        "table_name": terms.table_name,
        "fields": [(field, choices(field, terms)) for field in FIELDS],
        "grid": {
            "year": ledger.year,
            "carried_over": words["carried_over"],
            "findings": state.by_entry,
        },
        "summary": _findings_summary(state),
        "key_figures": key_figures(state, ledger.fmt),
        "waiting": carry.waiting(ledger.agency, ledger.year).count() if ledger.editable else 0,
        "max_new": grid.MAX_NEW_ROWS,
        "words": words,
    }


def page_links(current: int, count: int) -> list[int | None]:
    """The first, the last and the pages around the current one; None for a gap."""
    wanted = {1, count, *range(current - 3, current + 4)}
    links: list[int | None] = []
    for number in sorted(n for n in wanted if 1 <= n <= count):
        if links and number - (links[-1] or 0) > 1:
            links.append(None)
        links.append(number)
    return links


def _findings_summary(state) -> list[dict]:
    numbers = {entry["id"]: entry["number"] for entry in state.ledger["entries"]}
    return [
        {"finding": f, "page": (numbers[f.entry] - 1) // grid.PAGE_SIZE + 1}
        for f in state.result.findings[:SHOWN_FINDINGS]
    ]


@require_POST
@login_required
def carry_over(request, code, year):
    """导入上年未办结申请: last year's applications open at 31 December, as 上年结转."""
    ledger = ledger_for(request, code, year, write=True)
    url = reverse("ledger", args=[ledger.agency.code, ledger.year])
    if not ledger.editable:
        messages.error(request, ledger.locked_reason)
        return redirect(url)
    room = settings.LEDGER_MAX_ENTRIES - ledger.entries().count()
    count = carry.carry_over(ledger.agency, ledger.year, max(room, 0))
    left = carry.waiting(ledger.agency, ledger.year).count()
    word = ledger.fmt.words["carried_over"]
    if count:
        messages.success(request, f"已导入{ledger.year - 1}年未办结的申请{count}条，记为{word}。")
    if left:
        messages.error(request, f"台账已满，还有{left}条未导入。")
    elif not count:
        messages.info(request, f"{ledger.year - 1}年没有未导入的未办结申请。")
    return redirect(url)


@require_http_methods(["GET", "POST"])
@login_required
def adopt_page(request, code):
    """Table 3 beside the ledger's, every differing cell listed; 采用台账数字 (after a
    confirmation) writes the ledger's figures through the table's own save."""
    report, membership = report_for(request, code, write=request.method == "POST")
    current = page(report.fmt, ledger_terms(report.fmt).table)
    state = ledger_state(report.agency_id, report.year, report.fmt)
    found = adopt.differences(report, state.figures)
    editable = report.is_editable and membership.can_edit and not report.imported_from
    if request.method == "POST":
        if _adopt(request, report, current, state, found, editable):
            return redirect("edit_table", report.code, current.key)
        return redirect("ledger_adopt", report.code)
    ledger_url = reverse("ledger", args=[report.agency.code, report.year])
    return render(
        request,
        "ledger/adopt.html",
        {
            "report": report,
            "membership": membership,
            "pages": pages(report.fmt),
            "current": current,
            "editable": editable,
            "state": state,
            "differences": found,
            "grid": adopt.side_by_side(report, state, found),
            "key_figures": key_figures(state, report.fmt),
            "fingerprint": fingerprint(report, current),
            "digest": digest(state.figures),
            "confirming": "confirm" in request.GET,
            "ledger_url": ledger_url,
            "table_name": ledger_terms(report.fmt).table_name,
        },
    )


def _adopt(request, report, current, state, found, editable) -> bool:
    refusal = _refusal(state, found, editable, request.POST.get("ledger"))
    if refusal:
        messages.error(request, refusal)
        return False
    changes = {"cells": {d.code: str(d.value) for d in found}}
    seen = request.POST.get("fingerprint", "")
    try:
        save_page(report, current, request.user, seen, changes, adopt.ADOPTED)
    except Locked:
        messages.error(request, "报告已报送，不能再修改，台账数字没有采用。")
        return False
    except Conflict:
        messages.error(request, ADOPT_REFUSED["changed"])
        return False
    transaction.on_commit(lambda: render_draft_pdf.enqueue(report.pk))
    messages.success(request, f"已采用台账数字：改写了{len(found)}格，原来的数字记入修改记录。")
    return True


ADOPT_REFUSED = {
    "locked": "报告不能修改（已报送、已公开或为导入的报告），台账数字没有采用。",
    "empty": "这一年度的台账还没有申请，没有可采用的数字。",
    "errors": "台账还有{count}个错误，改正后才能采用（见台账页）。",
    "stale": "台账在您打开页面之后已有变化，没有采用；请核对下面的数字后再采用。",
    "changed": "表格在您打开页面之后已被修改，没有采用；请核对下面的数字后再采用。",
    "same": "表格已与台账一致，没有需要采用的数字。",
}


def _refusal(state, found, editable, seen_digest) -> str:
    if not editable:
        return ADOPT_REFUSED["locked"]
    if not state.count:
        return ADOPT_REFUSED["empty"]
    if state.blocked:
        return ADOPT_REFUSED["errors"].format(count=len(state.result.errors))
    if seen_digest != digest(state.figures):
        return ADOPT_REFUSED["stale"]
    if not found:
        return ADOPT_REFUSED["same"]
    return ""
