"""What a field extractor returns: the value, where in the release it was read, and warnings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from sco_data.extract.segment import Document
from sco_data.schema import Evidence

Value = TypeVar("Value")


@dataclass(frozen=True)
class Finding(Generic[Value]):
    """A field's value (None when nothing fits), its evidence spans, its warnings, and the reasons
    to doubt it (empty where the extractor would bet on the value)."""

    value: Value | None
    evidence: tuple[Evidence, ...] = ()
    warnings: tuple[str, ...] = ()
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Span:
    """A stretch of the release: the title, or the body text, and [start, end) in it."""

    in_title: bool
    start: int
    end: int

    def text(self, document: Document) -> str:
        source = (document.title or "") if self.in_title else document.text
        return source[self.start:self.end]

    def evidence(self, field: str, value: str) -> Evidence:
        return Evidence(field, value, self.start, self.end, self.in_title)


def in_text(start: int, end: int) -> Span:
    return Span(False, start, end)


def in_title(start: int, end: int) -> Span:
    return Span(True, start, end)
