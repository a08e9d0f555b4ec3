"""Clean text -> its parts: headline, English paragraphs, foreign lines; and the release's id."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

# A line is foreign when it has at least this many letters and most of them are not Latin.
FOREIGN_MIN_LETTERS = 3

HEADLINE_MAX_CHARS = 220
# A paragraph opening with a quotation mark is a pull quote, not a headline.
QUOTE_OPENERS = ("\"", "“", "«", "'", "‘")
LEAD_OPENER = re.compile(
    r"^(?:On|From|In|At|During|Today|Yesterday|This|Last)\s+[\w\d]", re.I
)
SENTENCE_END = (".", "!", "?", ":", ";", "\"", "”", "»", ")")


@dataclass(frozen=True)
class CleanText:
    """A release reduced to its parts: headline, English paragraphs, set-aside foreign lines."""

    title: str | None
    paragraphs: tuple[str, ...]
    foreign_lines: tuple[str, ...]
    date_lines: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


def is_foreign_line(line: str) -> bool:
    """A line written mostly in a non-Latin script (the Russian captions in the seeds)."""
    if line.isascii():
        return False
    latin = foreign = 0
    for char in line:
        if char.isalpha():
            if char < "\u0250":
                latin += 1
            else:
                foreign += 1
    return foreign >= FOREIGN_MIN_LETTERS and foreign > latin


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per entry; hard-wrapped lines inside a blank-line block are rejoined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current = ""
        for raw in block.split("\n"):
            line = " ".join(raw.split())
            if not line:
                continue
            if current and _continues(current, line):
                current = f"{current} {line}"
            else:
                if current:
                    paragraphs.append(current)
                current = line
        if current:
            paragraphs.append(current)
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    """A wrapped line: the previous one stops mid-sentence and this one goes on in lower case."""
    if previous.endswith(SENTENCE_END) or is_foreign_line(line) or is_foreign_line(previous):
        return False
    return line[0].islower() or previous.endswith((",", "-", "–"))


def clean_text(text: str, is_date_line=None) -> CleanText:
    """Split a release into headline, English paragraphs and foreign lines.

    `is_date_line` recognises a dateline (a paragraph that is only a date), which is kept
    aside so it never passes for a headline or a lead.
    """
    paragraphs = split_paragraphs(text.lstrip("\ufeff"))
    english: list[str] = []
    foreign: list[str] = []
    dates: list[str] = []
    for paragraph in paragraphs:
        if is_foreign_line(paragraph):
            foreign.append(paragraph)
        elif is_date_line is not None and is_date_line(paragraph):
            dates.append(paragraph)
        else:
            english.append(paragraph)
    title = _take_headline(english)
    return CleanText(title, tuple(english), tuple(foreign), tuple(dates))


def _take_headline(paragraphs: list[str]) -> str | None:
    """Remove and return the headline (kept once when printed twice), or None."""
    if len(paragraphs) < 2:
        return None
    start = 0
    if paragraphs[0].startswith(QUOTE_OPENERS) and _is_headline(paragraphs[1]):
        start = 1
    candidate = paragraphs[start]
    if not _is_headline(candidate):
        return None
    del paragraphs[start]
    while start < len(paragraphs) and _same_line(paragraphs[start], candidate):
        del paragraphs[start]
    return candidate


def _is_headline(paragraph: str) -> bool:
    if len(paragraph) > HEADLINE_MAX_CHARS or paragraph.startswith(QUOTE_OPENERS):
        return False
    if LEAD_OPENER.match(paragraph) and paragraph.endswith("."):
        return False
    return not (paragraph.endswith(".") and paragraph.count(". ") >= 1)


def _same_line(first: str, second: str) -> bool:
    return normalise_for_id(first) == normalise_for_id(second)


def normalise_for_id(text: str) -> str:
    """Text reduced so that re-encodings and re-wrappings of one release compare equal."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = text.replace("“", "\"").replace("”", "\"")
    return " ".join(text.split()).casefold()


def release_id_for(title: str | None, body: str) -> str:
    """A short stable id: the same normalised text always gets the same id."""
    digest = hashlib.blake2b(normalise_for_id(f"{title or ''}\n{body}").encode("utf-8"), digest_size=8)
    return digest.hexdigest()


# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = ("Mr.", "Ms.", "Mrs.", "Dr.", "H.E.", "St.", "No.", "Prof.", "Jr.", "Sr.", "Gen.",
                 "vs.", "e.g.", "i.e.", "U.S.", "U.N.")
# A paragraph without a closing full stop is a subtitle unless it is at least this long.
LEAD_MIN_CHARS = 120
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“«])")


@dataclass(frozen=True)
class Lead:
    paragraph: str
    sentence: str
    index: int


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, not broken after "Mr." or "H.E."."""
    pieces = SENTENCE_BREAK.split(paragraph)
    sentences: list[str] = []
    for piece in pieces:
        if sentences and sentences[-1].endswith(ABBREVIATIONS):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def find_lead(clean: CleanText) -> Lead | None:
    """The paragraph that reports the engagement: the first that reads as prose, not a pull
    quote or a subtitle."""
    for index, paragraph in enumerate(clean.paragraphs):
        if not paragraph.startswith(QUOTE_OPENERS) and (paragraph.endswith(SENTENCE_END)
                                                          or len(paragraph) > LEAD_MIN_CHARS):
            return Lead(paragraph, split_sentences(paragraph)[0], index)
    if clean.paragraphs:
        return Lead(clean.paragraphs[0], split_sentences(clean.paragraphs[0])[0], 0)
    return None

