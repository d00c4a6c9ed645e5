"""Typed and pasted text as it is stored: line breaks as the browser counts them, no control
characters.

A browser's `maxlength` counts a line break as one character and submits it as CRLF; the
server must count the same way, or a text the browser let through is refused and the
person's work is at risk. Word and WPS paste control characters (NUL, vertical tab for a
manual line break, form feed for a page break); they are turned into line breaks where they
stand for one and dropped otherwise, and the caller tells the person how many were dropped.
"""

import re

# Characters that stand for a line or page break in pasted text.
_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Every other C0/C1 control character except TAB and LF, and the non-characters
# U+FFFE/U+FFFF; all of them are invisible in print and some break XML (the Word export).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def normalise_text(text: str) -> tuple[str, int]:
    """(the text to store, how many control characters were dropped)."""
    text = _BREAKS.sub("\n", text)
    cleaned, dropped = _CONTROLS.subn("", text)
    return cleaned, dropped
