"""Clean text -> Document: headline, headings, lead, body sentences, lines in other languages.

A release as saved from the website is a run of lines: maybe the page's furniture and a
publication stamp, a headline (often printed twice), maybe a subtitle or a photo caption, maybe
a caption in Russian, then the lead paragraph and the body; a statement may end with the place
and date it was issued. A speech given in full opens with salutations instead of a lead; a letter opens with
"Dear ...". Every step here is one pass over the text (no rescans, no repeated string joins),
so the cost grows linearly with the length of the input.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from sco_data.extract.datelines import (
    DATELINE_MAX_CHARS,
    Dateline,
    marks_publication,
    read_dateline,
    stamp_date,
    stamp_prefix,
)
from sco_data.extract.headline import (
    QUOTED_HEADING,
    choose_title,
    may_be_headline,
    opens_as_lead,
    reads_as_headline,
)
from sco_data.extract.paragraphs import (
    QUESTION,
    QUOTE_OPENERS,
    RECAP,
    SALUTATION,
    is_foreign_line,
    sentence_breaks,
    single_spaced,
    split_paragraphs,
)
from sco_data.extract.phrases import Tokens, tokenize

@dataclass(frozen=True)
class Sentence:
    """A sentence of the body: [start, end) in Document.text and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int


# How many characters two writings of one line may differ by (quotes, spaces, a full stop).
SAME_LINE_SLACK = 4
# A paragraph without closing punctuation is still prose (not a heading) from this length on:
# excerpts are often cut off mid-sentence.
PROSE_MIN_CHARS = 300
# How a sentence of prose ends (before any closing quotation mark or bracket).
LEAD_END = (".", "!", "?", "…", ":", ";")
# What a paragraph of the body is.
PROSE = "prose"
HEADING = "heading"        # a subtitle or caption line before the lead
SALUTATION_LINE = "salutation"
QUESTION_LINE = "question"
RECAP_LINE = "recap"  # a paragraph after the lead recalling earlier news


@dataclass(frozen=True, eq=False)
class Document:
    """A release cut into its parts.

    `text` is the English body (every paragraph but the headline, joined by newlines);
    paragraph and sentence offsets point into it.
    """

    title: str | None
    text: str
    paragraphs: tuple[str, ...]
    paragraph_starts: tuple[int, ...]
    kinds: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    lead: int | None
    foreign_lines: tuple[str, ...]
    date_lines: tuple[str, ...]  # publication stamps: above the lead, or below it with a time or label
    closing_date_lines: tuple[str, ...]  # the place and date a statement or letter was issued
    published: dt.date | None  # the date of a publication stamp
    release_id: str
    dateline: Dateline | None = None  # the news agency's dateline opening the lead ("BEIJING, Nov 18 (Xinhua) --")

    @property
    def body(self) -> str:
        return self.text

    @property
    def lead_text(self) -> str:
        return self.paragraphs[self.lead] if self.lead is not None else ""

    @property
    def after_lead(self) -> int | None:
        """The index of the paragraph after the lead, where a release often says when and where
        its engagement was held; None without one, or when it recalls earlier news."""
        following = self.lead + 1 if self.lead is not None else len(self.paragraphs)
        return following if following < len(self.paragraphs) and self.kinds[following] != RECAP_LINE else None

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(p for p, kind in zip(self.paragraphs, self.kinds) if kind == HEADING)

    @property
    def opens_with_salutation(self) -> bool:
        """A speech or letter given in full: it addresses its audience before any prose."""
        lead = self.lead if self.lead is not None else len(self.paragraphs)
        return SALUTATION_LINE in self.kinds[:lead + 1]

    @cached_property
    def recaps(self) -> tuple[tuple[int, int], ...]:
        """The [start, end) spans in `text` of paragraphs recalling earlier news: what they name
        belongs to other occasions."""
        return tuple((start, start + len(paragraph))
                     for start, paragraph, kind in zip(self.paragraph_starts, self.paragraphs, self.kinds)
                     if kind == RECAP_LINE)

    @cached_property
    def reported_text(self) -> str:
        """`text` with the paragraphs recalling earlier news blanked out (offsets kept)."""
        text = self.text
        for start, end in self.recaps:
            text = text[:start] + " " * (end - start) + text[end:]
        return text

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    @property
    def text_offset(self) -> int:
        """Where the body starts in `full_text` (after the headline and a newline)."""
        return len(self.title) + 1 if self.title else 0

    @cached_property
    def full_text(self) -> str:
        """The headline and the body, as one text."""
        return f"{self.title}\n{self.text}" if self.title else self.text

    @cached_property
    def tokens(self) -> Tokens:
        """The words of `full_text`, tokenised once for every extractor that looks words up."""
        return tokenize(self.full_text)

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start:sentence.end]

    @cached_property
    def lead_sentence(self) -> Sentence | None:
        """The lead's first sentence; past a dateline that stands as a sentence of its own
        ("Tashkent, 14 March 2022. President ... today received ...")."""
        if self.lead is None:
            return None
        dateline = self.dateline
        after = self.paragraph_starts[self.lead] + dateline.end if dateline is not None else 0
        sentences = [s for s in self.sentences if s.paragraph == self.lead]
        return next((s for s in sentences if s.end > after), sentences[0] if sentences else None)


def _reads_as_lead(paragraph: str) -> bool:
    """A paragraph that can open the body: it opens with a date or dateline, ends a sentence
    (a line ending in a bracket or a quotation mark is a subtitle or caption), or is long; not
    a dateline on a line of its own ("Baku, September 9, AZERTAC"), which heads the lead."""
    stripped = paragraph.rstrip("\"”’»)] ")
    if _only_a_dateline(paragraph):
        return False
    return opens_as_lead(paragraph) or stripped.endswith(LEAD_END) or len(paragraph) >= PROSE_MIN_CHARS


def _only_a_dateline(paragraph: str) -> bool:
    """A paragraph that is nothing but a dateline ("Baku, September 9, AZERTAC"): it heads the
    lead under it, and is neither the lead nor the headline."""
    dateline = read_dateline(paragraph) if len(paragraph) <= DATELINE_MAX_CHARS else None
    return dateline is not None and dateline.end >= len(paragraph.rstrip(" .,:-–—"))


def _kind(paragraph: str, before_lead: bool) -> str:
    if SALUTATION.match(paragraph) or (before_lead and paragraph.endswith(",") and len(paragraph) < 200):
        return SALUTATION_LINE
    if QUESTION.match(paragraph):
        return QUESTION_LINE
    if before_lead and ((not _reads_as_lead(paragraph)) or QUOTED_HEADING.match(paragraph)):
        return HEADING
    if not before_lead and RECAP.match(paragraph):
        return RECAP_LINE
    return PROSE


def _kinds(paragraphs: list[str]) -> tuple[list[str], int | None]:
    """Each paragraph's kind, and the lead: the first paragraph of prose that is no quotation."""
    kinds: list[str] = []
    lead = None
    for paragraph in paragraphs:
        kind = _kind(paragraph, lead is None)
        if lead is None and kind == PROSE and not paragraph.startswith(QUOTE_OPENERS):
            lead = len(kinds)
        kinds.append(kind)
    return kinds, lead


def _title_index(paragraphs: list[str]) -> int | None:
    """Which paragraph is the headline: one of the headings above the lead, or the lead itself
    when it reads as a headline; always with text under it."""
    kinds, lead = _kinds(paragraphs)
    above = range(lead if lead is not None else len(paragraphs))
    candidates = [index for index in above if kinds[index] == HEADING and may_be_headline(paragraphs[index])
                  and not _only_a_dateline(paragraphs[index])]
    if lead is not None and lead + 1 < len(paragraphs) and \
            reads_as_headline(paragraphs[lead], paragraphs[lead + 1], _reads_as_lead(paragraphs[lead + 1])):
        candidates.append(lead)
    candidates = [index for index in candidates if index < len(paragraphs) - 1]
    chosen = choose_title([paragraphs[index] for index in candidates])
    return candidates[chosen] if chosen is not None else None


def segment(text: str) -> Document:
    """Cut a release into headline, body paragraphs (each with its kind) and sentences.

    Lines that carry only a date are kept aside, so that they never pass for a headline or a
    lead: above the lead they are publication stamps, below it the date a text was issued.
    """
    # Composed characters: "Jenča" typed with a combining caron is one word, as a reader sees it.
    paragraphs = split_paragraphs(unicodedata.normalize("NFC", text.lstrip("\ufeff")))
    first = next((index for index, paragraph in enumerate(paragraphs) if not is_foreign_line(paragraph)), None)
    published, cut = stamp_prefix(paragraphs[first]) if first is not None else (None, 0)
    stamp_text = ""
    if cut:
        stamp_text, paragraphs[first] = paragraphs[first][:cut], paragraphs[first][cut:].strip()
    english: list[str] = []
    foreign: list[str] = []
    dated: list[tuple[int, str, dt.date]] = []  # a date line, the paragraphs before it, its date
    seen: dict[str, None] = {}  # every English paragraph once, in order: what the release id is made of
    if cut:
        seen[stamp_text] = None
    for paragraph in paragraphs:
        if not paragraph:
            continue
        if is_foreign_line(paragraph):
            foreign.append(paragraph)
            continue
        # A paragraph printed again (a headline twice, a page's repeated block) is read once.
        if paragraph in seen:
            continue
        seen[paragraph] = None
        if (day := stamp_date(paragraph)) is not None:
            dated.append((len(english), paragraph, day))
        else:
            english.append(paragraph)
    title_index = _title_index(english)
    title = english[title_index] if title_index is not None else None
    kept = [index for index, paragraph in enumerate(english)
            if title is None or (index != title_index and not _same_line(paragraph, title))]
    english = [english[index] for index in kept]
    kinds, lead = _kinds(english)
    # A date line's place among the kept paragraphs: above the lead, or below it, where it is
    # the place and date a text was issued unless a time or a label makes it the page's stamp.
    below = [lead is not None and bisect.bisect_left(kept, position) > lead for position, _, _ in dated]
    issued = [after and not marks_publication(line) for (_, line, _), after in zip(dated, below)]
    stamped = [item for item, after in zip(dated, below) if not after] + \
        [item for item, after, closing in zip(dated, below, issued) if after and not closing]
    stamps = tuple(line for _, line, _ in stamped)
    if published is None and stamped:
        published = stamped[0][2]
    starts: list[int] = []
    offset = 0
    for paragraph in english:
        starts.append(offset)
        offset += len(paragraph) + 1
    body = "\n".join(english)
    sentences = []
    dateline = read_dateline(english[lead]) if lead is not None else None
    for index, paragraph in enumerate(english):
        base = starts[index]
        previous = 0
        # A full stop inside the lead's dateline ("ASTANA. KAZINFORM – ...") ends no sentence; one
        # that closes it ("Tashkent, 14 March 2022. President ...") does.
        inside = dateline.end - 1 if dateline is not None and index == lead else 0
        for end in [*(end for end in sentence_breaks(paragraph) if end >= inside), len(paragraph)]:
            start = previous
            while start < end and paragraph[start].isspace():
                start += 1
            if end > start:
                sentences.append(Sentence(base + start, base + end, index))
            previous = end
    return Document(title, body, tuple(english), tuple(starts), tuple(kinds), tuple(sentences), lead,
                    tuple(foreign), stamps, tuple(line for (_, line, _), closing in zip(dated, issued) if closing),
                    published, release_id_for(seen), dateline)


def _same_line(first: str, second: str) -> bool:
    """The same line, written with other quotes or spacing (compared only when the lengths are
    close: the normalising costs more than the look)."""
    return abs(len(first) - len(second)) <= SAME_LINE_SLACK and normalise_for_id(first) == normalise_for_id(second)


def normalise_for_id(text: str) -> str:
    """Text reduced so that re-encodings and re-wrappings of one release compare equal."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = text.replace("“", "\"").replace("”", "\"")
    return single_spaced(text).casefold()


# Release ids start with a letter, so no spreadsheet or CSV reader takes one for a number
# ("34652435e0339504" would read as 3.4e+20, "0355867447554221" would lose its zero).
RELEASE_ID_PREFIX = "r"


def release_id_for(paragraphs: Iterable[str]) -> str:
    """A short stable id made of the release's text alone, never of how it was read: its English
    paragraphs, each once, normalised. The same release re-encoded, re-wrapped or with its
    headline printed twice gets the same id, whatever a later parser makes of its parts."""
    digest = hashlib.blake2b(normalise_for_id(" ".join(paragraphs)).encode("utf-8"), digest_size=8)
    return RELEASE_ID_PREFIX + digest.hexdigest()
