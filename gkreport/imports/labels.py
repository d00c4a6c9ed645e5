"""Comparing labels as published reports print them with the canonical ones.

Extractions space labels out (“自然 人”, “(三) 不 予公开”), switch bracket and point widths
(“(一)”, “1．”) and number them differently. Labels are compared after removing all of that.
"""

import re
import unicodedata

_NUMBERING = re.compile(
    r"^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、.]|\d+[.、)]|\(\d+\))"
)
_SPACE = re.compile(r"\s+")


def norm_label(text: str) -> str:
    """“(三) 不 予公开” → “不予公开”; “1．属于国家秘密” → “属于国家秘密”."""
    normalised = unicodedata.normalize("NFKC", text or "")
    normalised = _SPACE.sub("", normalised)
    previous = None
    while previous != normalised:
        previous = normalised
        normalised = _NUMBERING.sub("", normalised)
    return normalised


def norm_heading(text: str) -> str:
    """Like norm_label, and without the trailing punctuation some headings carry."""
    return norm_label(text).rstrip(".。:：")
