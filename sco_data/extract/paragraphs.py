"""Lines -> paragraphs and sentences, whatever the layout.

A release arrives as lines: one per paragraph, or hard-wrapped at some width, with or without
blank lines between paragraphs, with salutations, list items and captions in other scripts
standing alone. `split_paragraphs` rebuilds the paragraphs a reader sees; `split_sentences`
cuts one into sentences without breaking after "Mr." or an initial. Both are one pass over the
text, so the cost grows linearly with its length.
"""

from __future__ import annotations

import re

# A line is foreign when it has at least this many letters and most of them are not Latin.
FOREIGN_MIN_LETTERS = 3
LETTER = re.compile(r"[^\W\d_]")
# A letter of another script than Latin (Latin with its accents ends at U+024F).
FOREIGN_LETTER = re.compile(r"[^\W\d_\u0000-\u024f]")

SENTENCE_END = (".", "!", "?", ":", ";", "\"", "”", "»", ")", "…")
QUOTE_OPENERS = ("\"", "“", "«", "'", "‘", "„")
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
# How a news report opens a paragraph that recalls earlier news rather than reporting the
# engagement ("Earlier, it was reported that ...", "Recall that ...", "For reference: ..."): what
# it names was met, discussed or dated on another occasion. "Earlier, he held talks with ...",
# "Earlier today" and "Earlier in the day" report the same visit, so "Earlier" and "Previously"
# count only before a report ("it was reported", "Kazinform reported").
RECAP = re.compile(
    r"^(?:(?:Earlier|Previously),?\s+(?:it\s+was\s+reported|\w+\s+(?:reported|wrote))"
    r"|(?:It\s+was|As\s+(?:was\s+|it\s+was\s+)?)(?:earlier\s+|previously\s+)reported|(?:It\s+was|As)\s+reported\s+(?:earlier|previously)"
    r"|(?:To\s+)?[Rr]ecall(?:\s+that|,)|It\s+(?:should\s+be|is\s+worth)\s+recall|For\s+reference|Reference:|Background:)")
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
    blocks = [[line for line in map(single_spaced, block.split("\n")) if line] for block in re.split(r"\n\s*\n", text)]
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


def single_spaced(text: str) -> str:
    """The text's runs of white space made single spaces, and its ends' dropped. A printable
    text with no double space and no space at either end is that already (the space is the
    only white space that is printable), and is returned as it is, without the cost of
    splitting it into words."""
    if text.isprintable() and "  " not in text and not text.startswith(" ") and not text.endswith(" "):
        return text
    return " ".join(text.split())


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


def sentence_breaks(text: str) -> list[int]:
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
    for end in sentence_breaks(paragraph):
        starts.append(end)
    pieces = []
    for index, start in enumerate(starts):
        stop = starts[index + 1] if index + 1 < len(starts) else len(paragraph)
        piece = paragraph[start:stop].strip()
        if piece:
            pieces.append(piece)
    return pieces
