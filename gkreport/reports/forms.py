"""Forms built from the format definitions: nothing here repeats a label or a row."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Layout
from django import forms
from django.template.loader import render_to_string
from django.utils.html import escape

from gkreport.formats import chart_blocks
from gkreport.formats.model import Part, Table
from gkreport.formats.narrative import INTRO
from gkreport.lib.text import normalise_text

# Who reads what the agency types: the report's own text is printed and published, the
# rest (explanations of warnings, answers to comments) stays between agency and office.
PUBLISHED = "将印在公开的年度报告中"
PUBLISHED_NOTE = f"本部分各项文字{PUBLISHED}，所有人都可以看到。"

MAX_CELL_CHARS = 40  # a number with a unit fits; a pasted paragraph does not
MAX_TEXT_CHARS = 30000

ERRORS = {
    "cell_too_long": "单元格内容过长（最多%(limit)d个字符），这一格未保存，请只填写数字",
    "bad_date": "日期格式不对，请写成“2024年2月6日”或“2024-02-06”",
    "year_range": "年度应在%(low)d至%(high)d之间",
    "text_too_long": "内容过长：%(show_value)d个字，上限%(limit_value)d个字（换行算一个字）。这一项没有保存，"
    "下面仍是您输入的内容，请删减后再保存",
}


class TextField(forms.CharField):
    """Text as the browser counts it: CRLF is one character, pasted control characters are
    dropped (and counted, so the view can say so) before the length is checked."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("strip", False)
        kwargs.setdefault("required", False)
        if "max_length" in kwargs:
            kwargs.setdefault("error_messages", {})
            kwargs["error_messages"].setdefault("max_length", ERRORS["text_too_long"])
        super().__init__(*args, **kwargs)
        self.dropped = 0

    def to_python(self, value):
        if isinstance(value, str):
            value, self.dropped = normalise_text(value)
        return super().to_python(value)


class TextForm(forms.Form):
    """A form of text fields that never loses what is stored: `pieces()` gives, for a field
    that was refused, the stored value instead of nothing."""

    def pieces(self, stored: dict) -> dict[str, str]:
        return {
            key: stored.get(key, "") if key in self.errors else self.cleaned_data.get(key, "")
            for key in self.fields
        }

    def dropped_controls(self) -> int:
        return sum(getattr(field, "dropped", 0) for field in self.fields.values())


class TableForm(forms.Form):
    """One text input per cell of a statistical table, keyed by cell code."""

    def __init__(self, table: Table, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.table = table
        for cell in table.cells:
            self.fields[cell.code] = forms.CharField(
                required=False,
                max_length=MAX_CELL_CHARS,
                strip=False,
                label=cell.label,
                error_messages={"max_length": ERRORS["cell_too_long"] % {"limit": MAX_CELL_CHARS}},
            )

    def readable_cells(self) -> dict[str, str]:
        """The cells that can be stored: everything but the ones that failed validation."""
        data = {}
        for cell in self.table.cells:
            if cell.code in self.errors:
                continue
            raw = self.data.get(cell.code)
            if raw is None:
                continue  # not posted: keep the stored value
            data[cell.code] = raw.strip(" \t\r\n\u00a0\u3000")
        return data


# A sub-section's chart data from an import (formats/chart_blocks.py): the button pressed
# posts “drop:<field>” or “keep:<field>” under this name, and the text is saved without the
# block, or with it as ordinary lines.
CHART_ACTION = "chart_block"
CHART_ACTIONS = {"drop": chart_blocks.drop, "keep": chart_blocks.keep}


class ChartNote:
    """A crispy layout object, before a text box: when the box holds chart data, the data
    with the note and the two buttons; otherwise nothing. Rendered from a template, so the
    agency's text is escaped and never read as template code."""

    def __init__(self, key: str):
        self.key = key

    def render(self, form, context, **kwargs):
        found = chart_blocks.blocks(form[self.key].value() or "")
        if not found:
            return ""
        return render_to_string(
            "reports/_chart_note.html",
            {
                "blocks": [chart_blocks.rows(block) for block in found],
                "name": form.add_prefix(CHART_ACTION),
                "key": self.key,
                "label": form.fields[self.key].label,
                "markers": chart_blocks.MARKERS,
            },
        )


class NarrativeForm(TextForm):
    """A part's narrative: the text before the first sub-heading, then each sub-section."""

    def __init__(self, part: Part, *args, hints=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.part = part
        widget = {"rows": 8, "class": "narrative", "data-count": "1"}
        # A table's text prints before the table, in the published report like the rest.
        intro_label = (
            f"说明（可选，{PUBLISHED}，位于本表之前）"
            if part.table
            else "开头（可选）"
            if part.subsections
            else "正文"
        )
        self.fields[INTRO] = TextField(
            max_length=MAX_TEXT_CHARS,
            label=intro_label,
            widget=forms.Textarea(
                attrs={**widget, "rows": 4 if part.subsections or part.table else 14}
            ),
        )
        layout = []
        if not part.table:  # the table's one text field says it in its label
            layout.append(HTML(f'<p class="form-text audience">{PUBLISHED_NOTE}</p>'))
        if part.hint and hints:
            layout.append(HTML(f'<p class="form-text hint">{escape(part.hint)}</p>'))
        layout += [ChartNote(INTRO), Field(INTRO)]
        for number, sub in enumerate(part.subsections, start=1):
            key = str(number)
            self.fields[key] = TextField(
                max_length=MAX_TEXT_CHARS,
                label=sub.heading,
                widget=forms.Textarea(attrs=widget),
                help_text=f"可保留或改写本机关的小标题，如“{sub.heading}”。{sub.hint}",
            )
            layout += [ChartNote(key), Field(key)]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(*layout)

    def pieces(self, stored: dict) -> dict[str, str]:
        """As TextForm's, with the chart data of one box dropped or kept as ordinary text
        when the agency pressed one of the note's buttons."""
        pieces = super().pieces(stored)
        action, _, key = str(self.data.get(self.add_prefix(CHART_ACTION), "")).partition(":")
        if key in pieces and action in CHART_ACTIONS:
            pieces[key] = CHART_ACTIONS[action](pieces[key])
        return pieces


class InfoForm(TextForm):
    title = TextField(label="标题", max_length=300, strip=True)
    preamble = TextField(
        label="引言",
        max_length=MAX_TEXT_CHARS,
        widget=forms.Textarea(attrs={"rows": 8, "data-count": "1"}),
        help_text="法律依据、六个部分的组成、统计期限、电子版下载地址和联系方式。",
    )
    signature = TextField(label="落款机关", max_length=200, strip=True)
    signed_on = forms.CharField(
        label="成文日期", max_length=20, required=False, help_text="如 2024年2月6日"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean_signed_on(self):
        text = self.cleaned_data["signed_on"].strip()
        if not text:
            return None
        for pattern in ("%Y-%m-%d", "%Y年%m月%d日", "%Y/%m/%d", "%Y.%m.%d"):
            try:
                return datetime.datetime.strptime(text.replace(" ", ""), pattern).date()
            except ValueError:
                continue
        raise forms.ValidationError(ERRORS["bad_date"], code="bad_date")


class StartYearForm(forms.Form):
    year = forms.IntegerField(label="报告年度")

    def __init__(self, *args, low=2019, high=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.low, self.high = low, high or datetime.date.today().year

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not self.low <= year <= self.high:
            raise forms.ValidationError(
                ERRORS["year_range"], code="year_range", params={"low": self.low, "high": self.high}
            )
        return year


class ExplanationForm(TextForm):
    """One explanation per warning code; errors cannot be explained away."""

    def __init__(self, warnings, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in dict.fromkeys(f.code for f in warnings):
            self.fields[code] = TextField(
                label=code,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )


MAX_REPLY_CHARS = 5000  # as long as an office's comment may be


class ReplyForm(forms.Form):
    """The agency's answer to one of the office's comments."""

    text = TextField(
        label="答复",
        required=True,
        strip=True,
        max_length=MAX_REPLY_CHARS,
        error_messages={"required": "请填写答复。"},
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm mb-1"}),
    )
