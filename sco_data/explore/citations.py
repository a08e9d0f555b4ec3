"""The sentence each extracted value was read from, so that a row of the CSV can be cited.

Derived from the release's text and its evidence spans (explore.evidence): the sentence around
a span is cut with the extractor's own sentence splitter (extract.segment), so "Mr. Norov" does
not end a sentence here either; a value read from the headline cites the headline.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from sco_data.explore.evidence import evidence_of
from sco_data.extract.paragraphs import split_sentences

# The fields whose sentence the CSV can carry, as `<field>_sentence` columns, in this order.
SENTENCE_FIELDS: tuple[str, ...] = ("event_date", "sco_official", "counterparts", "location_city",
                                    "occasion")
# Between the sentences of one field read from several places (counterparts, as a rule).
SENTENCE_SEPARATOR = " | "


def sentence_column(field: str) -> str:
    """Name of the CSV column holding the sentence a field was read from."""
    return f"{field}_sentence"


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds the span [start, end), without its line's other
    sentences; a span across sentences gives all of them."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    chosen, cursor = [], 0
    for sentence in split_sentences(line):
        found = line.find(sentence, cursor)
        cursor = found + len(sentence)
        if found < end - line_start and cursor > start - line_start:
            chosen.append(sentence)
    return " ".join(chosen) if chosen else line.strip()


def field_sentences(release: Any) -> dict[str, str]:
    """For each of SENTENCE_FIELDS that has evidence: its sentences, in reading order."""
    text = release.get("text") if isinstance(release, (pd.Series, dict)) else release.text
    title = release.get("title") if isinstance(release, (pd.Series, dict)) else release.title
    text = text if isinstance(text, str) else ""
    found: dict[str, list[str]] = {}
    for item in evidence_of(release):
        if item.field not in SENTENCE_FIELDS:
            continue
        if item.in_title:
            sentence = title if isinstance(title, str) else ""
        elif 0 <= item.start < item.end <= len(text):
            sentence = sentence_around(text, item.start, item.end)
        else:
            continue
        sentences = found.setdefault(item.field, [])
        if sentence and sentence not in sentences:
            sentences.append(sentence)
    return {field: SENTENCE_SEPARATOR.join(found[field]) for field in SENTENCE_FIELDS if field in found}


def with_sentences(releases: pd.DataFrame) -> pd.DataFrame:
    """The releases with a `<field>_sentence` column after the others for each field of
    SENTENCE_FIELDS: the sentence (or sentences) the value was read from, empty where none."""
    rows = [field_sentences(row) for row in releases[["text", "title", "evidence"]].to_dict("records")]
    out = releases.copy()
    for field in SENTENCE_FIELDS:
        out[sentence_column(field)] = [row.get(field, "") for row in rows]
    return out
