"""使用上年内容: last year's text of one piece of a part (its opening or a sub-section) put
into this year's field, on the part page.

With JavaScript the button fills the field at once (static/gkreport/previous.js). This is the
same button without it: the page comes back with the text in the field, unsaved, as the
browser leaves it, and with everything else typed kept. Text already in the field is never
replaced without asking: the page asks, and a second button replaces it.
"""

from django.contrib import messages

from gkreport.reports.forms import NarrativeForm

USE = "use_previous"  # fill the field when it is empty, else ask
REPLACE = "replace_with_previous"  # the answer to the question: replace what is there


def asked(data) -> bool:
    """Whether the posted form is one of the buttons rather than 保存."""
    return bool(data) and (USE in data or REPLACE in data)


def use(request, part, data, last_year: dict[str, str]):
    """The form data with last year's text in the piece asked for, and the piece whose
    replacement awaits confirmation ("" when none)."""
    key = data.get(REPLACE) or data.get(USE, "")
    data = data.copy()
    confirmed = REPLACE in data
    for name in (USE, REPLACE):
        data.pop(name, None)
    text = last_year.get(key, "")
    if not text:  # a button of a page older than last year's report: nothing to put in
        messages.warning(request, "上年报告这一项没有内容。")
        return data, ""
    label = NarrativeForm(part, hints=False).fields[key].label
    typed = data.get(key, "").replace("\r\n", "\n")
    if typed.strip() and typed != text and not confirmed:
        messages.warning(
            request,
            f"“{label}”已有文字，没有替换。要换成上年内容，请点上年报告参考中这一栏的“替换为上年内容”。",
        )
        return data, key
    data[key] = text
    messages.info(request, f"已将上年的“{label}”填入，尚未保存：请按本年情况修改后点“保存”。")
    return data, ""


def shown(form, last_year: dict[str, str]) -> list[dict]:
    """Last year's pieces that have text, named as this year's fields are."""
    return [
        {"key": key, "label": form.fields[key].label, "text": text}
        for key, text in last_year.items()
        if text.strip()
    ]
