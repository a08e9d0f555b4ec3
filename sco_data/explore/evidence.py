"""Where in a release each extracted value was read, as plain data the page can mark.

The extractor returns, with every value, the span of text it read it from (schema.Evidence:
field, value, start, end, in the title or the text); the releases table keeps them as JSON in
its `evidence` column. `find_marks` turns those spans into marks, with no second search: each
mark has a kind (its colour on the page) and a tag naming it for a reader ("date",
"counterpart", or the topic's label, "Health"). Topic marks are exactly the words that counted
towards a topic. Where spans overlap, the kind listed first in KINDS keeps the overlapping
characters and a later one is cut around them.

`title_segments` and `release_segments` cut the headline and the text into (text, kind, tag)
pieces that cover all of it (kind and tag None outside marks; the tag only on a mark's last
piece), and `paragraphs` groups them by line. Nothing here is markup: the page turns segments
into what it displays and must escape the text, which is the release's own.

`release_fields` lists every extracted field of a release as a (field, value, doubt) table;
`release_to_show` picks the release the evidence view shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sco_data.schema import (
    ENGAGEMENT_LABELS,
    LIST_SEPARATOR,
    Evidence,
    doubts_from_text,
    evidence_from_json,
    topic_flag_column,
    topic_mentions_column,
)

Segment = tuple[str, "str | None", "str | None"]

# What a mark shows, in the order overlaps are settled: an earlier kind wins.
KIND_DATE = "date"
KIND_OFFICIAL = "official"
KIND_COUNTERPART = "counterpart"
KIND_PLACE = "place"
KIND_TOPIC = "topic"
KIND_OCCASION = "occasion"
KIND_SEARCH = "search"  # a word of the search box: not extracted, so last
KINDS: tuple[str, ...] = (KIND_DATE, KIND_OFFICIAL, KIND_COUNTERPART, KIND_PLACE, KIND_TOPIC,
                          KIND_OCCASION, KIND_SEARCH)

# The Release field each evidence item names -> the kind of its mark ("topic" is not a field:
# its value is a topic id).
FIELD_KINDS: dict[str, str] = {
    "event_date": KIND_DATE,
    "sco_official": KIND_OFFICIAL,
    "counterparts": KIND_COUNTERPART,
    "location_city": KIND_PLACE,
    "topic": KIND_TOPIC,
    "occasion": KIND_OCCASION,
}

# How a mark of each kind is tagged in the text; a topic word takes its topic's label instead.
KIND_TAGS: dict[str, str] = {
    KIND_DATE: "date",
    KIND_OFFICIAL: "SCO official",
    KIND_COUNTERPART: "counterpart",
    KIND_PLACE: "place",
    KIND_TOPIC: "topic",
    KIND_OCCASION: "occasion",
    KIND_SEARCH: "searched",
}

# What each mark means, in the order a legend lists them: (kind, its name for a reader).
LEGEND: tuple[tuple[str, str], ...] = (
    (KIND_DATE, "engagement date"),
    (KIND_OFFICIAL, "SCO official"),
    (KIND_COUNTERPART, "counterpart"),
    (KIND_PLACE, "place"),
    (KIND_OCCASION, "occasion"),
    (KIND_TOPIC, "a word that counted for a topic, tagged with the topic"),
    (KIND_SEARCH, "a word searched for"),
)


@dataclass(frozen=True)
class Mark:
    """A marked stretch of text: [start, end), its kind and the tag a reader sees ('' on all
    but the last piece of a mark cut around an earlier one)."""

    start: int
    end: int
    kind: str
    tag: str


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
    """Items of a '; '-joined string or of a sequence of names."""
    if value is None:
        return []
    items = value.split(LIST_SEPARATOR) if isinstance(value, str) else list(value)
    return [str(item).strip() for item in items if item and str(item).strip()]


def evidence_of(release: Any) -> tuple[Evidence, ...]:
    """The evidence of a release: a table row's JSON cell, or a Release's own tuple."""
    found = _value(release, "evidence")
    if isinstance(found, str):
        return evidence_from_json(found)
    return tuple(found or ())


def _labels(taxonomy: Any) -> dict[str, str]:
    if taxonomy is None:
        return {}
    if isinstance(taxonomy, Mapping):
        return dict(taxonomy)
    return {topic.id: topic.label for topic in taxonomy.topics}


def search_marks(text: str, search: str) -> list[Mark]:
    """Where each word of the search box appears in the text, as the search filter finds it
    (case ignored, anywhere in a word): the words the reader asked for, not extracted values."""
    folded, marks = text.lower(), []
    if len(folded) != len(text):  # a lower case of another length ('İ') would shift every span
        return marks
    for word in dict.fromkeys(search.lower().split()):
        start = folded.find(word)
        while start >= 0:
            marks.append(Mark(start, start + len(word), KIND_SEARCH, KIND_TAGS[KIND_SEARCH]))
            start = folded.find(word, start + len(word))
    return marks


def find_marks(release: Any, taxonomy: Any = None, in_title: bool = False, search: str = "") -> list[Mark]:
    """The marks of the release's text (or of its headline, with `in_title`), from its evidence,
    and of the words of the `search` box.

    Spans outside the text are dropped; overlaps are settled by KINDS, the later kind cut
    around what an earlier one holds (a mark may so come in pieces). Sorted by start.
    """
    text = _value(release, "title" if in_title else "text") or ""
    labels = _labels(taxonomy)
    rank = {kind: i for i, kind in enumerate(KINDS)}
    wanted = []
    for item in evidence_of(release):
        kind = FIELD_KINDS.get(item.field)
        if kind is None or item.in_title != in_title or not 0 <= item.start < item.end <= len(text):
            continue
        tag = labels.get(item.value, item.value) if kind == KIND_TOPIC else KIND_TAGS[kind]
        wanted.append(Mark(item.start, item.end, kind, tag))
    wanted += search_marks(text, search)
    wanted.sort(key=lambda mark: (rank[mark.kind], mark.start, mark.start - mark.end))
    taken = bytearray(len(text))
    kept: list[Mark] = []
    for mark in wanted:
        pieces, position = [], mark.start
        while position < mark.end:
            while position < mark.end and taken[position]:
                position += 1
            stop = position
            while stop < mark.end and not taken[stop]:
                stop += 1
            if stop > position:
                pieces.append(Mark(position, stop, mark.kind, ""))
                taken[position:stop] = b"\x01" * (stop - position)
            position = stop
        if pieces:  # the tag goes with the mark's last piece
            pieces[-1] = Mark(pieces[-1].start, pieces[-1].end, mark.kind, mark.tag)
        kept.extend(pieces)
    return sorted(kept, key=lambda mark: mark.start)


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """The text as consecutive (text, kind, tag) pieces covering all of it; a mark cut into
    pieces is tagged on its last piece only."""
    pieces: list[Segment] = []
    position = 0
    for mark in marks:
        if mark.start > position:
            pieces.append((text[position:mark.start], None, None))
        pieces.append((text[mark.start:mark.end], mark.kind, mark.tag or None))
        position = mark.end
    if position < len(text):
        pieces.append((text[position:], None, None))
    return pieces


def release_segments(release: Any, taxonomy: Any = None, search: str = "") -> list[Segment]:
    """The release text as consecutive (text, kind, tag) pieces covering all of it."""
    return segments(_value(release, "text") or "", find_marks(release, taxonomy, search=search))


def title_segments(release: Any, taxonomy: Any = None, search: str = "") -> list[Segment]:
    """The headline as (text, kind, tag) pieces, with what was read from it marked."""
    return segments(_value(release, "title") or "", find_marks(release, taxonomy, in_title=True, search=search))


def paragraphs(pieces: list[Segment]) -> list[list[Segment]]:
    """The segments line by line: every line with text is a paragraph, its ends trimmed.

    A segment across a line break is cut in two, both halves keeping the kind and the tag
    going with the second; blank lines and the spaces that open or close a line are left out.
    """
    lines: list[list[Segment]] = [[]]
    for text, kind, tag in pieces:
        parts = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for i, line in enumerate(parts):
            if i > 0:
                lines.append([])
            if line:
                lines[-1].append((line, kind, tag if i == len(parts) - 1 else None))
    return [trimmed for line in lines if (trimmed := _trim(line))]


def _trim(line: list[Segment]) -> list[Segment]:
    """The line without white space before its first or after its last character."""
    pieces = list(line)
    while pieces and not pieces[0][0].strip() and pieces[0][2] is None:
        pieces.pop(0)
    while pieces and not pieces[-1][0].strip() and pieces[-1][2] is None:
        pieces.pop()
    if pieces:
        pieces[0] = (pieces[0][0].lstrip(), *pieces[0][1:])
        pieces[-1] = (pieces[-1][0].rstrip(), *pieces[-1][1:])
    return pieces


def release_paragraphs(release: Any, taxonomy: Any = None, search: str = "") -> list[list[Segment]]:
    """The release text as paragraphs of (text, kind, tag) segments, the words of `search` marked."""
    return paragraphs(release_segments(release, taxonomy, search))


def foreign_lines(release: Any) -> list[str]:
    """The lines in other languages the reader set aside (a Release's own, or a table's
    `foreign_lines` column of newline-joined lines where the table has one)."""
    lines = _value(release, "foreign_lines")
    if isinstance(lines, str):
        lines = lines.split("\n")
    return [line for line in lines or () if line.strip()]


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


# The rows of release_fields that show each correctable field, or follow from it.
ROWS_OF_FIELD: dict[str, tuple[str, ...]] = {
    "event_date": ("Engagement date",), "engagement_type": ("Engagement type",),
    "sco_official": ("SCO official", "SCO role"),
    "counterparts": ("Counterparts", "Counterpart titles", "Counterpart countries", "Counterpart affiliation types"),
    "location_city": ("City", "Place in the gazetteer", "Country", "Coordinates"),
    "occasion": ("Occasion",), "topics": ("Topics (mentions)",),
}
CORRECTED_MARK = " (corrected)"


# How the evidence view came to show its release (release_to_show), as CAPTIONS names them.
SHOWN_PICKED, SHOWN_OUTSIDE, SHOWN_NEWEST = "picked", "outside", "newest"


def release_to_show(releases: pd.DataFrame, shown: pd.DataFrame, release_id: str | None) -> tuple[pd.Series, str]:
    """The release the evidence view shows, from `releases` (every column), and how it came to:
    the one picked, when it is among those `shown` (SHOWN_PICKED) or, say from a link, only in
    the corpus (SHOWN_OUTSIDE: the page says it does not match the view); else the newest of
    those shown (SHOWN_NEWEST). `shown` needs only release ids and dates (the page's filtered
    rows are without texts). One row is taken by its position: a boolean mask over the corpus
    would copy every column of the rows it keeps, texts included."""
    def position(frame: pd.DataFrame, wanted: object) -> int | None:
        found = np.flatnonzero((frame["release_id"] == wanted).to_numpy(dtype=bool, na_value=False))
        return int(found[0]) if found.size else None

    picked = position(releases, release_id)
    if picked is not None:
        return releases.iloc[picked], SHOWN_PICKED if position(shown, release_id) is not None else SHOWN_OUTSIDE
    newest = shown["event_date"].fillna(pd.Timestamp.min).to_numpy().argmax()
    return releases.iloc[position(releases, shown["release_id"].iloc[newest])], SHOWN_NEWEST


def release_fields(release: Any, taxonomy: Any = None) -> pd.DataFrame:
    """Every field of a release as rows of (field, value, doubt) text, in reading order; a
    field a reader corrected (the release's `corrected_fields`) says so after its name, and a
    field the extractor doubts has the reasons (its `doubts` cell: none once checked or
    corrected) in the doubt column of its first row, '' elsewhere."""
    reasons: dict[str, list[str]] = {}
    for doubt in doubts_from_text(_value(release, "doubts")):
        reasons.setdefault(ROWS_OF_FIELD.get(doubt.field, (doubt.field,))[0], []).append(doubt.reason)
    corrected = {row for field in str(_value(release, "corrected_fields") or "").split(LIST_SEPARATOR)
                 for row in ROWS_OF_FIELD.get(field.strip(), ())}
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
        ("Counterpart affiliation types", _value(release, "counterpart_affiliations")),
        ("City", _value(release, "location_city")),
        ("Place in the gazetteer", _value(release, "location_key")),
        ("Country", _value(release, "location_country")),
        ("Coordinates", _coordinates(release)),
        ("Occasion", _value(release, "occasion")),
        ("Topics (mentions)", _topic_summary(release, taxonomy)),
        ("Countries mentioned", _value(release, "countries_mentioned")),
        ("Lines in other languages", _value(release, "foreign_line_count")),
        ("Warnings", _value(release, "warnings")),
    ]
    return pd.DataFrame({"field": [name + CORRECTED_MARK if name in corrected else name for name, _ in rows],
                         "value": [as_text(value) for _, value in rows],
                         "doubt": [LIST_SEPARATOR.join(reasons.get(name, ())) for name, _ in rows]})
