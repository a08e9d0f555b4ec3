"""Where in a release's text each extracted value came from, as plain data.

`find_spans` is the one place that decides which stretches of the text are marked (the
engagement date, the SCO official, a counterpart, the place, a topic word); today it looks
the extracted values up in the text. `release_segments` cuts the text into (text, label or
None) pieces that cover all of it, and `paragraphs` groups them by line. `LEGEND` names each
label. Nothing here is markup: the page turns segments into whatever it displays, and must
escape the text, which is the release's own.

`release_fields` lists every extracted field of a release as a (field, value) table.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from sco_data.schema import (
    ENGAGEMENT_LABELS,
    LIST_SEPARATOR,
    topic_flag_column,
    topic_mentions_column,
)

Segment = tuple[str, "str | None"]

# What a marked piece of text is, in the order overlaps are settled: an earlier kind wins.
LABEL_DATE = "date"
LABEL_OFFICIAL = "official"
LABEL_COUNTERPART = "counterpart"
LABEL_PLACE = "place"
LABEL_TOPIC = "topic"
LABELS: tuple[str, ...] = (LABEL_DATE, LABEL_OFFICIAL, LABEL_COUNTERPART, LABEL_PLACE, LABEL_TOPIC)

LABEL_NAMES: dict[str, str] = {
    LABEL_DATE: "engagement date",
    LABEL_OFFICIAL: "SCO official",
    LABEL_COUNTERPART: "counterpart",
    LABEL_PLACE: "place",
    LABEL_TOPIC: "topic word",
}

# What each mark means, in the order a legend lists them: (label, its name for a reader).
LEGEND: tuple[tuple[str, str], ...] = tuple((label, LABEL_NAMES[label]) for label in LABELS)

# A surname alone must be at least this long to be marked ("Mr Norov" yes, "Li" no).
MIN_SURNAME_LENGTH = 4


@dataclass(frozen=True)
class Span:
    """A marked stretch of text: [start, end) and what was extracted there."""

    start: int
    end: int
    label: str


def _value(release: Any, name: str) -> Any:
    """A field of a release given as a Series, a mapping or a Release-like object."""
    if isinstance(release, (pd.Series, Mapping)):
        value = release.get(name)
    else:
        value = getattr(release, name, None)
    if value is None:
        return None
    if not isinstance(value, (str, tuple, list)) and pd.isna(value):
        return None
    return value


def _names(value: Any) -> list[str]:
    """Names from a '; '-joined string or a sequence of names / Person objects."""
    if value is None:
        return []
    if isinstance(value, str):
        items = value.split(LIST_SEPARATOR)
    else:
        items = [getattr(item, "name", item) for item in value]
    return [str(item).strip() for item in items if item and str(item).strip()]


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """The phrase as a whole-word, case-insensitive pattern tolerant of line breaks."""
    words = [re.escape(word) for word in phrase.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _date_patterns(day: dt.date) -> list[re.Pattern[str]]:
    """Ways a release writes the day, most specific first."""
    months = {calendar.month_name[day.month], calendar.month_abbr[day.month]}
    if day.month == 9:
        months.add("Sept")
    month = "(?:" + "|".join(sorted(months, key=len, reverse=True)) + r")\.?"
    dd = rf"0?{day.day}(?:st|nd|rd|th)?"
    year = str(day.year)
    texts = [
        rf"{dd}\s+(?:of\s+)?{month},?\s+{year}",
        rf"{month}\s+{dd},?\s+{year}",
        rf"0?{day.day}[./]0?{day.month}[./]{year}",
        rf"{year}-{day.month:02d}-{day.day:02d}",
        rf"{dd}\s+(?:of\s+)?{month}",
        rf"{month}\s+{dd}",
    ]
    return [re.compile(r"(?<!\w)" + text + r"(?!\w)", re.IGNORECASE) for text in texts]


def _date_spans(text: str, event_date: Any) -> list[Span]:
    """The first place the text writes the engagement day (the lead, as a rule)."""
    if event_date is None:
        return []
    day = pd.Timestamp(event_date).date()
    for pattern in _date_patterns(day):
        match = pattern.search(text)
        if match:
            return [Span(match.start(), match.end(), LABEL_DATE)]
    return []


def _phrase_spans(text: str, phrases: list[str], label: str) -> list[Span]:
    spans = []
    for phrase in phrases:
        pattern = _phrase_pattern(phrase)
        spans.extend(Span(m.start(), m.end(), label) for m in pattern.finditer(text))
    return spans


def find_spans(release: Any, taxonomy: Any = None) -> list[Span]:
    """Non-overlapping spans of the release text where extracted values appear, in order."""
    text = _value(release, "text") or ""
    official = _value(release, "sco_official")
    officials = [official] if official else []
    # "Mr Norov" refers to the official too.
    surnames = [o.split()[-1] for o in officials if len(o.split()) > 1]
    surnames = [s for s in surnames if len(s) >= MIN_SURNAME_LENGTH]
    city = _value(release, "location_city")
    candidates = [
        *_date_spans(text, _value(release, "event_date")),
        *_phrase_spans(text, officials, LABEL_OFFICIAL),
        *_phrase_spans(text, surnames, LABEL_OFFICIAL),
        *_phrase_spans(text, _names(_value(release, "counterparts")), LABEL_COUNTERPART),
        *_phrase_spans(text, [city] if city else [], LABEL_PLACE),
    ]
    if taxonomy is not None:
        candidates.extend(Span(s, e, LABEL_TOPIC) for s, e, _ in taxonomy.find_mentions(text))
    rank = {label: i for i, label in enumerate(LABELS)}
    candidates.sort(key=lambda span: (rank[span.label], span.start, -(span.end - span.start)))
    taken = [False] * (len(text) + 1)
    kept = []
    for span in candidates:
        if span.end <= span.start or any(taken[span.start:span.end]):
            continue
        taken[span.start:span.end] = [True] * (span.end - span.start)
        kept.append(span)
    return sorted(kept, key=lambda span: span.start)


def release_segments(release: Any, taxonomy: Any = None) -> list[Segment]:
    """The release text as consecutive (text, label or None) pieces covering all of it."""
    text = _value(release, "text") or ""
    segments: list[Segment] = []
    position = 0
    for span in find_spans(release, taxonomy):
        if span.start > position:
            segments.append((text[position:span.start], None))
        segments.append((text[span.start:span.end], span.label))
        position = span.end
    if position < len(text):
        segments.append((text[position:], None))
    return segments


def paragraphs(segments: list[Segment]) -> list[list[Segment]]:
    """The segments line by line: every line with text is a paragraph, its ends trimmed.

    A segment across a line break is cut in two, both halves keeping the label; blank lines
    and the spaces that open or close a line are left out.
    """
    lines: list[list[Segment]] = [[]]
    for text, label in segments:
        for i, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
            if i > 0:
                lines.append([])
            if line:
                lines[-1].append((line, label))
    return [trimmed for line in lines if (trimmed := _trim(line))]


def _trim(line: list[Segment]) -> list[Segment]:
    """The line without white space before its first or after its last character."""
    pieces = list(line)
    while pieces and not pieces[0][0].strip():
        pieces.pop(0)
    while pieces and not pieces[-1][0].strip():
        pieces.pop()
    if pieces:
        pieces[0] = (pieces[0][0].lstrip(), pieces[0][1])
        pieces[-1] = (pieces[-1][0].rstrip(), pieces[-1][1])
    return pieces


def release_paragraphs(release: Any, taxonomy: Any = None) -> list[list[Segment]]:
    """The release text as paragraphs of (text, label or None) segments."""
    return paragraphs(release_segments(release, taxonomy))


# --- the extracted fields as a table -----------------------------------------------------


def as_text(value: Any) -> str:
    """A cell as display text: missing values empty, timestamps as ISO days."""
    if value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value)):
        return ""
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.date().isoformat()
    return str(value)


def _coordinates(release: Any) -> str:
    lat, lon = _value(release, "latitude"), _value(release, "longitude")
    if lat is None or lon is None:
        return ""
    return f"{float(lat):.3f}, {float(lon):.3f}"


def _topic_summary(release: Any, taxonomy: Any) -> str:
    """'Health (4); Women (12)': the release's topics with their mention counts."""
    topics = [(t.id, t.label) for t in taxonomy.topics] if taxonomy is not None else [
        (topic, topic) for topic in _names(_value(release, "topics"))
    ]
    parts = []
    for topic, label in topics:
        flag = _value(release, topic_flag_column(topic))
        if flag is None and taxonomy is None:
            flag = True  # no flag columns: the topics list itself says so
        if flag:
            mentions = _value(release, topic_mentions_column(topic))
            parts.append(f"{label} ({int(mentions)})" if mentions is not None else label)
    return "; ".join(parts)


def release_fields(release: Any, taxonomy: Any = None) -> pd.DataFrame:
    """Every extracted field of a release as rows of (field, value) text, in reading order."""
    engagement = _value(release, "engagement_type")
    rows = [
        ("Release id", _value(release, "release_id")),
        ("Source", _value(release, "source")),
        ("Title", _value(release, "title")),
        ("Engagement date", _value(release, "event_date")),
        ("Engagement type", ENGAGEMENT_LABELS.get(str(engagement), engagement)),
        ("SCO official", _value(release, "sco_official")),
        ("SCO role", _value(release, "sco_role")),
        ("Counterparts", _value(release, "counterparts")),
        ("Counterpart titles", _value(release, "counterpart_titles")),
        ("Counterpart countries", _value(release, "counterpart_countries")),
        ("City", _value(release, "location_city")),
        ("Country", _value(release, "location_country")),
        ("Coordinates", _coordinates(release)),
        ("Occasion", _value(release, "occasion")),
        ("Topics (mentions)", _topic_summary(release, taxonomy)),
        ("Countries mentioned", _value(release, "countries_mentioned")),
        ("Lines in other languages", _value(release, "foreign_line_count")),
        ("Warnings", _value(release, "warnings")),
    ]
    return pd.DataFrame(
        {"field": [name for name, _ in rows], "value": [as_text(value) for _, value in rows]}
    )
