"""The contact details a preamble gives (office, address, postcode, telephone, e-mail, site)."""

import re
import unicodedata

PATTERNS = {
    "office": (
        re.compile(r"请与([^，,；;。（(：:]{2,40}?)联系"),
        re.compile(r"请联系([^，,；;。（(：:]{2,40}?)[，,（(]"),
    ),
    "address": (re.compile(r"地址[:：]\s*([^，,；;。）)]+)"),),
    "postcode": (re.compile(r"(?:邮编|邮政编码)[:：]?\s*(\d{6})"),),
    "phone": (re.compile(r"电话[:：]?\s*(\d[\d\-]{6,18}\d)"),),
    # Only from the start of a run of address characters: tried inside a long run of
    # them, the search would take time growing with the square of the run.
    "email": (
        re.compile(r"(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})"),
    ),
    "website": (re.compile(r"(https?://[A-Za-z0-9./_\-]+)"),),
}


def read_contact(preamble: str) -> dict[str, str]:
    text = unicodedata.normalize("NFKC", preamble or "")
    contact = {}
    for field, patterns in PATTERNS.items():
        for pattern in patterns:
            match = pattern.search(text)
            if match:
                value = match.group(1).strip()
                contact[field] = re.sub(r"\s+", "" if field != "address" else " ", value)
                break
    if "address" in contact:
        contact["address"] = contact["address"].replace(" ", "")
    return contact
