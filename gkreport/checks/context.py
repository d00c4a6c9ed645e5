import datetime
from dataclasses import dataclass, field

from gkreport.formats import Format


@dataclass(frozen=True)
class Context:
    """What a rule may read besides the report: its format and other reports."""

    fmt: Format
    previous: dict | None = None  # last year's report of the same agency (S1, S2, S6)
    peers: tuple[dict, ...] = field(default_factory=tuple)  # same year, other agencies (S5)
    departments: tuple[dict, ...] = field(default_factory=tuple)  # a government's (S10)
    published_on: datetime.date | None = None  # S8
    deadline: datetime.date | None = None  # S8
    draft: bool = False  # still being filled in: what is not written yet is not wrong yet
