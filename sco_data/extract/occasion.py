"""The occasion: the forum or event an engagement was part of, as the lead names it."""

from __future__ import annotations

import re

from sco_data.extract.findings import Finding, in_text
from sco_data.extract.pattern_shortcuts import starting_with
from sco_data.extract.segment import Document

# What introduces the occasion in the lead's first sentence (tried only where one of its words can begin).
OCCASION_CUE = starting_with("adiopstw",
    r"\b(?:on\s+the\s+(?:sidelines|margins)\s+of|as\s+part\s+of(?:\s+(?:his|her|its|their|the))?"
    r"(?:\s+(?:participation|work)\s+(?:in|at)|\s+visit\s+to)?|(?:took|take|takes|taking)\s+part\s+in|"
    r"participated\s+in|participates\s+in|attended|attends|during|at|addressed|addresses|"
    r"spoke\s+at|speaks\s+at|(?:with)?in\s+the\s+framework\s+of|opened|opens|delivered\s+a\s+speech\s+at)"
    r"\s+(?:the\s+)?")
OCCASION_END = re.compile(
    r"\s+(?:in\s+the\s+city|in\s+(?=[A-Z])|held|which|where|who|on\s+(?=\d|the\s+\d|[A-Z][a-z]+\s+\d)|"
    r"organi[sz]ed|hosted|dedicated|devoted|and\s+(?:met|held|had|delivered|made|spoke|noted|"
    r"gave|visited)|via|by\s+video|online)\b|[,.;:(]|\s[-–—]\s")
OCCASION_NOUNS = re.compile(
    r"\b(?:forum|conference|summit|session|meeting|council|ceremony|exhibition|expo|lecture|"
    r"briefing|webinar|seminar|symposium|round\s+table|roundtable|festival|games|marathon|"
    r"competition|contest|concert|congress|workshop|dialogue|fair|week|days|celebration|"
    r"reception|olympiad|programme|program|course|event)\b",
    re.I)
OCCASION_MAX_CHARS = 140


def extract_occasion(document: Document) -> Finding[str]:
    """The forum or event the engagement was part of, as the lead's first sentence names it."""
    first = document.lead_sentence
    if first is None:
        return Finding(None)
    sentence = document.sentence_text(first)
    for cue in OCCASION_CUE.finditer(sentence):
        rest = sentence[cue.end():]
        end = OCCASION_END.search(rest)
        phrase = (rest[:end.start()] if end else rest).rstrip().rstrip(".")
        if phrase and len(phrase) <= OCCASION_MAX_CHARS and OCCASION_NOUNS.search(phrase) \
                and not phrase.startswith(("SCO Secretariat", "Secretariat")):
            start = first.start + cue.end()
            return Finding(phrase, (in_text(start, start + len(phrase)).evidence("occasion", phrase),))
    return Finding(None)
