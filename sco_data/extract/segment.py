"""Clean text -> Document: headline, headings, lead, body sentences, lines in other languages.

A release as saved from the website is a run of lines: a headline (often printed twice), maybe
a subtitle or a photo caption, maybe a caption in Russian, then the lead paragraph and the
body. A speech given in full opens with salutations instead of a lead; a letter opens with
"Dear ...". Every step here is one pass over the text (no rescans, no repeated string joins),
so the cost grows linearly with the length of the input.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from sco_data.extract.phrases import Tokens, tokenize

# A line is foreign when it has at least this many letters and most of them are not Latin.
FOREIGN_MIN_LETTERS = 3
LETTER = re.compile(r"[^\W\d_]")
# A letter of another script than Latin (Latin with its accents ends at U+024F).
FOREIGN_LETTER = re.compile(r"[^\W\d_\u0000-\u024f]")

HEADLINE_MAX_CHARS = 260
# A paragraph without closing punctuation is still prose (not a heading) from this length on:
# excerpts are often cut off mid-sentence.
PROSE_MIN_CHARS = 300
SENTENCE_END = (".", "!", "?", ":", ";", "\"", "”", "»", ")", "…")
QUOTE_OPENERS = ("\"", "“", "«", "'", "‘", "„")
# A heading that quotes someone: 'Rashid Alimov: "Women are the driving force ..."'.
QUOTED_HEADING = re.compile(r"^[A-Z][\w'’.\- ]{2,60}:\s*[\"“«][^\"”»]{3,300}[\"”»][.!?]?$")
# A line ending in a comma continues on the next line only when it is at least this long.
WRAP_MIN_CHARS = 60
# A block wrapped at a fixed width (every line but the last at least WRAP_FILL of the longest,
# which is at most WRAP_MAX_CHARS) is one paragraph, whatever its lines end with.
WRAPPED_MIN_LINES = 3
WRAP_MAX_CHARS = 110
WRAP_FILL = 0.6
# A text is taken as hard-wrapped (at the width of its longest such line) when at least this
# many of its lines run on into a next line that goes on in lower case.
WRAP_EVIDENCE = 2
# A line that opens an item of a list: never the end of a wrapped line.
LIST_ITEM = re.compile(r"^(?:[-•*·▪–—]\s|\d{1,2}[.)]\s)")
# How a speech given in full opens: forms of address ending in a comma or an exclamation mark.
SALUTATION = re.compile(
    r"^[\"“«]?(?:Dear|Your\s+Excellenc|Excellenc|Distinguished|Esteemed|Respected|Honou?rable|Ladies\s+and|"
    r"Dear\s+friends|Colleagues|Friends|Good\s+(?:morning|afternoon|evening)|Hello)\b.{0,200}[,!:]$")
# A salutation naming one person by name: "Dear Mr. Wang Yi,".
SALUTATION_PERSON = re.compile(r"^[\"“«]?Dear\s+(?:Mr|Ms|Mrs|Madam|Dr)\.?\s+(?P<name>[^,]{2,60}),$")
# A line of an interview transcript that asks a question: "1. What ...? (TASS)".
QUESTION = re.compile(r"^(?:\d{1,2}[.)]\s+|Q:\s*|Question:\s*).*\?(?:\s*\([^)]{1,40}\))?$")

# Sentence ends: terminal punctuation, an optional closing quote, white space, then a capital
# letter, a digit or an opening quote. Abbreviations and initials are checked by look-back.
SENTENCE_BREAK = re.compile(r"[.!?…][\"”’»)]?\s+(?=[A-Z\d\"“«‘(])")
# Words whose full stop does not end a sentence.
ABBREVIATIONS = frozenset({"Mr", "Ms", "Mrs", "Dr", "St", "No", "Prof", "Jr", "Sr", "Gen", "vs", "Co",
                           "Ltd", "Inc", "H.E", "e.g", "i.e", "U.S", "U.N", "a.i", "Jan", "Feb", "Mar",
                           "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx"})
# How far back from a full stop the abbreviation check looks.
ABBREVIATION_WINDOW = 8


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body: [start, end) in Document.text and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int


# What a paragraph of the body is.
PROSE = "prose"
HEADING = "heading"        # a subtitle or caption line before the lead
SALUTATION_LINE = "salutation"
QUESTION_LINE = "question"


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
    date_lines: tuple[str, ...]

    @property
    def body(self) -> str:
        return self.text

    @property
    def lead_text(self) -> str:
        return self.paragraphs[self.lead] if self.lead is not None else ""

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(p for p, kind in zip(self.paragraphs, self.kinds) if kind == HEADING)

    @property
    def opens_with_salutation(self) -> bool:
        """A speech or letter given in full: it addresses its audience before any prose."""
        lead = self.lead if self.lead is not None else len(self.paragraphs)
        return SALUTATION_LINE in self.kinds[:lead + 1]

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

    def paragraph_sentences(self, index: int) -> list[Sentence]:
        return [sentence for sentence in self.sentences if sentence.paragraph == index]

    @property
    def lead_sentence(self) -> Sentence | None:
        if self.lead is None:
            return None
        return next((s for s in self.sentences if s.paragraph == self.lead), None)


def is_foreign_line(line: str) -> bool:
    """A line written mostly in a non-Latin script (the Russian captions releases carry)."""
    if line.isascii():
        return False
    foreign = len(FOREIGN_LETTER.findall(line))
    return foreign >= FOREIGN_MIN_LETTERS and foreign > len(LETTER.findall(line)) - foreign


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per entry; hard-wrapped lines are rejoined, whether or not blank lines
    stand between the paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    blocks = [[line for line in (" ".join(raw.split()) for raw in block.split("\n")) if line]
              for block in re.split(r"\n\s*\n", text)]
    width = _wrap_width(blocks)
    paragraphs: list[str] = []
    for lines in blocks:
        wrapped = _hard_wrapped(lines)
        current: list[str] = []
        for line in lines:
            if current and (wrapped or _continues(current[-1], line) or _wrapped_at(current[-1], line, width)):
                current.append(line)
            else:
                if current:
                    paragraphs.append(" ".join(current))
                current = [line]
        if current:
            paragraphs.append(" ".join(current))
    return paragraphs


def _wrap_width(blocks: list[list[str]]) -> int | None:
    """The width a text was hard-wrapped at, or None: the longest line that plainly runs on
    into the next (which goes on in lower case), when at least WRAP_EVIDENCE lines do."""
    widths = [len(line) for lines in blocks for line, following in zip(lines, lines[1:])
              if len(line) <= WRAP_MAX_CHARS and following[0].islower() and _may_join(line, following)]
    return max(widths) if len(widths) >= WRAP_EVIDENCE else None


def _may_join(line: str, following: str) -> bool:
    """Neither line is one that stands alone: a salutation, a line in another script, a list item."""
    return not any(SALUTATION.match(text) or is_foreign_line(text) or LIST_ITEM.match(text)
                   for text in (line, following))


def _wrapped_at(line: str, following: str, width: int | None) -> bool:
    """In a text wrapped at `width`, a line that the next line's first word would not have fit
    on was broken by the wrapping, not by its writer, whatever it ends with."""
    if width is None or len(line) > width:
        return False
    first_word = following.split(" ", 1)[0]
    return len(line) + 1 + len(first_word) > width and _may_join(line, following)


def _hard_wrapped(lines: list[str]) -> bool:
    """A block of text wrapped at a fixed width: three lines or more, every line but the last
    nearly as long as the longest, none a salutation or in another script."""
    if len(lines) < WRAPPED_MIN_LINES:
        return False
    longest = max(map(len, lines))
    if longest > WRAP_MAX_CHARS or any(SALUTATION.match(line) or is_foreign_line(line) for line in lines):
        return False
    return all(len(line) >= WRAP_FILL * longest for line in lines[:-1])


def _continues(previous: str, line: str) -> bool:
    """A wrapped line: the previous one stops mid-sentence and this one goes on in lower case,
    or after a hyphen, or after a comma at the width of a wrapped line. Lines of a speech's
    salutation ("Dear colleagues,") also end in commas, and stay apart."""
    if previous.endswith(SENTENCE_END) or is_foreign_line(line) or is_foreign_line(previous):
        return False
    if line[0].islower() or previous.endswith(("-", "–")):
        return True
    return previous.endswith(",") and len(previous) >= WRAP_MIN_CHARS and not line.endswith(",") \
        and not SALUTATION.match(previous)


def is_prose(paragraph: str) -> bool:
    """A paragraph of running text: it ends a sentence, or is too long to be a heading."""
    return paragraph.endswith(SENTENCE_END) or len(paragraph) >= PROSE_MIN_CHARS


def _kind(paragraph: str, before_lead: bool) -> str:
    if SALUTATION.match(paragraph) or (before_lead and paragraph.endswith(",") and len(paragraph) < 200):
        return SALUTATION_LINE
    if QUESTION.match(paragraph):
        return QUESTION_LINE
    if before_lead and (not is_prose(paragraph) or QUOTED_HEADING.match(paragraph)):
        return HEADING
    return PROSE


def _is_headline(paragraph: str) -> bool:
    if len(paragraph) > HEADLINE_MAX_CHARS or SALUTATION.match(paragraph) or QUESTION.match(paragraph):
        return False
    if paragraph.endswith(".") and ". " in paragraph:
        return False
    return not paragraph.endswith((".", ",", ":", ";"))


def _precedes_heading(paragraphs: list[str]) -> bool:
    """A short first line ending in a full stop is still the headline when a subtitle follows it."""
    first, second = paragraphs[0], paragraphs[1]
    return len(first) <= HEADLINE_MAX_CHARS and not is_prose(second) and not SALUTATION.match(second) \
        and not SALUTATION.match(first)


def _same_line(first: str, second: str) -> bool:
    return normalise_for_id(first) == normalise_for_id(second)


def _sentence_breaks(text: str) -> list[int]:
    """Offsets where a sentence ends (just after its punctuation and closing quote)."""
    breaks = []
    for match in SENTENCE_BREAK.finditer(text):
        stop = match.start()
        if text[stop] == ".":
            before = text[max(0, stop - ABBREVIATION_WINDOW):stop].split()
            word = before[-1].lstrip("(\"“") if before else ""
            if word in ABBREVIATIONS or (len(word) == 1 and word.isupper()) or \
                    (len(word) >= 3 and word[-2] == "." and word[-1].isalpha()):
                continue
        end = match.end()
        while end > stop and text[end - 1].isspace():
            end -= 1
        breaks.append(end)
    return breaks


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, not broken after "Mr." or an initial."""
    starts = [0]
    for end in _sentence_breaks(paragraph):
        starts.append(end)
    pieces = []
    for index, start in enumerate(starts):
        stop = starts[index + 1] if index + 1 < len(starts) else len(paragraph)
        piece = paragraph[start:stop].strip()
        if piece:
            pieces.append(piece)
    return pieces


def segment(text: str, is_date_line: Callable[[str], bool] | None = None) -> Document:
    """Cut a release into headline, body paragraphs (each with its kind) and sentences.

    `is_date_line` recognises a dateline (a paragraph that is only a date), kept aside so it
    never passes for a headline or a lead.
    """
    english: list[str] = []
    foreign: list[str] = []
    dates: list[str] = []
    # Composed characters: "Jenča" typed with a combining caron is one word, as a reader sees it.
    for paragraph in split_paragraphs(unicodedata.normalize("NFC", text.lstrip("\ufeff"))):
        if is_foreign_line(paragraph):
            foreign.append(paragraph)
        elif is_date_line is not None and is_date_line(paragraph):
            dates.append(paragraph)
        else:
            english.append(paragraph)
    title = None
    start = 1 if len(english) >= 3 and english[0].startswith(QUOTE_OPENERS) and _is_headline(english[1]) else 0
    if len(english) >= start + 2 and (_is_headline(english[start]) or _precedes_heading(english[start:])):
        title = english[start]
        english = [p for i, p in enumerate(english)
                   if i != start and not (start < i < start + 4 and _same_line(p, title))]
    kinds: list[str] = []
    lead = None
    for paragraph in english:
        kind = _kind(paragraph, lead is None)
        if lead is None and kind == PROSE and not paragraph.startswith(QUOTE_OPENERS):
            lead = len(kinds)
        kinds.append(kind)
    starts: list[int] = []
    offset = 0
    for paragraph in english:
        starts.append(offset)
        offset += len(paragraph) + 1
    body = "\n".join(english)
    sentences = []
    for index, paragraph in enumerate(english):
        base = starts[index]
        previous = 0
        for end in [*_sentence_breaks(paragraph), len(paragraph)]:
            start = previous
            while start < end and paragraph[start].isspace():
                start += 1
            if end > start:
                sentences.append(Sentence(base + start, base + end, index))
            previous = end
    return Document(title, body, tuple(english), tuple(starts), tuple(kinds), tuple(sentences),
                    lead, tuple(foreign), tuple(dates))


def normalise_for_id(text: str) -> str:
    """Text reduced so that re-encodings and re-wrappings of one release compare equal."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = text.replace("“", "\"").replace("”", "\"")
    return " ".join(text.split()).casefold()


# Release ids start with a letter, so no spreadsheet or CSV reader takes one for a number
# ("34652435e0339504" would read as 3.4e+20, "0355867447554221" would lose its zero).
RELEASE_ID_PREFIX = "r"


def release_id_for(title: str | None, body: str) -> str:
    """A short stable id: the same normalised text always gets the same id."""
    digest = hashlib.blake2b(normalise_for_id(f"{title or ''}\n{body}").encode("utf-8"), digest_size=8)
    return RELEASE_ID_PREFIX + digest.hexdigest()
