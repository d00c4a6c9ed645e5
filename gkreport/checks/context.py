import datetime
from dataclasses import dataclass, field

from gkreport.formats import Format


@dataclass(frozen=True)
class Context:
    """What a rule may read besides the report: its format and other reports."""

    fmt: Format
    previous: dict | None = None  # last year's report of the same agency (S1, S2, S6, S11, S12)
    peers: tuple[dict, ...] = field(default_factory=tuple)  # same year, other agencies (S5)
    departments: tuple[dict, ...] = field(default_factory=tuple)  # a government's (S10)
    published_on: datetime.date | None = None  # S8
    deadline: datetime.date | None = None  # S8
    draft: bool = False  # still being filled in: what is not written yet is not wrong yet


# What a rule may ask of the context besides the format and `draft`: other reports or dates
# that only the stored report's surroundings can tell.
SCOPE = ("previous", "peers", "departments", "published_on", "deadline")


def needs(*names: str):
    """Declare the parts of the context a rule reads (`@needs("previous")`): the engine then
    knows which rules look beyond the report itself, and what the context must load."""
    unknown = set(names) - set(SCOPE)
    if unknown:
        raise ValueError(f"unknown context parts: {sorted(unknown)}")

    def mark(rule):
        rule.needs = frozenset(names)
        return rule

    return mark
