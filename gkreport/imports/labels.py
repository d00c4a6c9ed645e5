"""Comparing labels as published reports print them with the canonical ones.

Extractions space labels out (“自然 人”, “(三) 不 予公开”), switch bracket and point widths
(“(一)”, “1．”) and number them differently. Labels are compared after removing all of that.
"""

import re
import unicodedata
from functools import lru_cache

# Numbering, repeated (“(三)1.”): removed in one pass, not one numbering at a time, which
# copies the label again for each of a long run of “1.1.1.…”.
_NUMBERING = re.compile(
    r"^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、.]|\d+[.、)]|\(\d+\))+"
)
_SPACE = re.compile(r"\s+")


# Tables repeat the same few labels and figures; a hostile one repeats one label 50,000 times.
@lru_cache(maxsize=8192)
def norm_label(text: str) -> str:
    """“(三) 不 予公开” → “不予公开”; “1．属于国家秘密” → “属于国家秘密”."""
    normalised = unicodedata.normalize("NFKC", text or "")
    normalised = _SPACE.sub("", normalised)
    return _NUMBERING.sub("", normalised, count=1)


def norm_heading(text: str) -> str:
    """Like norm_label, and without the trailing punctuation some headings carry."""
    return norm_label(text).rstrip(".。:：")
