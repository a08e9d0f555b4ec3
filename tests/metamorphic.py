"""Meaning-preserving edits of a release's text, and the facts that must not change under them.

A reader sees the same release whatever its line endings, blank lines, wrapping, quote style,
spacing or Unicode form; whether its headline is printed once or twice, with or without a full
stop; whether a caption in another script stands under the headline; and whether a background
paragraph or a recall of earlier news follows the report. The extractor must read the same facts
from every such version.

Run as a script to print, per gold set and per edit, the share of releases whose facts stay
the same: `python tests/metamorphic.py tests/gold/gold.jsonl [dev.jsonl --texts DIR]`.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sco_data.evaluate import read_gold, read_text
from sco_data.extract.names import normalise_name, normalise_text
from sco_data.extract.release import parse_release
from sco_data.extract.segment import segment
from sco_data.schema import Release

# Our own lines: a Russian caption, background of the kind releases end with (a date and a city
# that are not the engagement's, and no one met), and a news report's recall of earlier news
# (someone met on another day, in another city, about other things).
FOREIGN_CAPTION = "Генеральный секретарь ШОС провёл рабочую встречу"
BACKGROUND = ("For reference: the Charter of the Shanghai Cooperation Organisation was signed on "
              "7 June 2002 in St Petersburg and entered into force on 19 September 2003.")
RECAP = ("Earlier, it was reported that the Secretary-General met with Chairman of the Cabinet of Ministers "
         "of Kyrgyzstan Bolot Usenov in Osh on 3 March 2011 to discuss trade, tourism and culture.")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Lines of a block no longer than this, and of even length, are a hard-wrapped paragraph.
WRAP_MAX_CHARS = 110


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _paragraphs(text: str) -> list[str]:
    """The paragraphs a reader sees: the lines of a block between blank lines rejoined where the
    block is hard-wrapped (all its lines but the last nearly as long as the longest), else
    every line."""
    paragraphs: list[str] = []
    for block in PARAGRAPH_BREAK.split("\n".join(_lines(text.strip()))):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        longest = max(map(len, lines), default=0)
        wrapped = len(lines) > 1 and longest <= WRAP_MAX_CHARS and all(len(line) >= 0.6 * longest for line in lines[:-1])
        paragraphs += [" ".join(lines)] if wrapped else lines
    return paragraphs


def _headline_first(text: str) -> bool:
    """The release has a headline, and it is the first paragraph: the edits of a headline apply."""
    title = segment(text).title
    paragraphs = _paragraphs(text)
    return title is not None and len(paragraphs) >= 2 and paragraphs[0].strip() == title


def crlf(text: str) -> str:
    return "\r\n".join(_lines(text))


def trailing_spaces(text: str) -> str:
    return "\n".join(f"{line}  \t" if line else line for line in _lines(text))


def blank_lines_doubled(text: str) -> str:
    return PARAGRAPH_BREAK.sub("\n\n\n", text)


def no_blank_lines(text: str) -> str:
    return "\n".join(_paragraphs(text))


def indented_paragraphs(text: str) -> str:
    return "\n".join(f"    {line}" if line.strip() else line for line in _lines(text))


def _wrapped(width: int) -> Callable[[str], str]:
    def wrap(text: str) -> str:
        return "\n\n".join("\n".join(textwrap.wrap(line, width, break_on_hyphens=False, break_long_words=False))
                           for line in _paragraphs(text))
    wrap.__name__ = f"hard_wrapped_{width}"
    return wrap


def headline_repeated(text: str) -> str:
    if not _headline_first(text):
        return text
    paragraphs = _paragraphs(text)
    if paragraphs[0].strip().rstrip(".") == paragraphs[1].strip().rstrip("."):
        return text
    return "\n\n".join([paragraphs[0], *paragraphs])


def headline_full_stop_toggled(text: str) -> str:
    if not _headline_first(text):
        return text
    paragraphs = _paragraphs(text)
    first = paragraphs[0].rstrip()
    if first.endswith((":", ";", ",", "?", "!", "\"", "”", "»")):
        return text
    paragraphs[0] = first[:-1] if first.endswith(".") else f"{first}."
    return "\n\n".join(paragraphs)


def foreign_caption(text: str) -> str:
    paragraphs = _paragraphs(text)
    at = 1 if _headline_first(text) else 0
    return "\n\n".join([*paragraphs[:at], FOREIGN_CAPTION, *paragraphs[at:]])


def background_appended(text: str) -> str:
    return f"{text.rstrip()}\n\n{BACKGROUND}\n"


def recap_appended(text: str) -> str:
    return f"{text.rstrip()}\n\n{RECAP}\n"


def curly_quotes(text: str) -> str:
    text = re.sub(r"(?<![\w.,!?])\"", "“", text)
    text = text.replace("\"", "”")
    return re.sub(r"(?<=\w)'", "’", text)


def straight_quotes(text: str) -> str:
    return text.translate(str.maketrans({"“": "\"", "”": "\"", "‘": "'", "’": "'", "«": "\"", "»": "\""}))


def no_break_spaces(text: str) -> str:
    return re.sub(r"(?<=\d) (?=[A-Z])|(?<=Mr\.) |(?<=Ms\.) ", "\u00a0", text)


def double_spaces(text: str) -> str:
    return re.sub(r"(?<=[.,]) (?=\S)", "  ", text)


def decomposed_unicode(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def dash_ranges(text: str) -> str:
    return re.sub(r"(?<![\d-])(\d{1,2})-(\d{1,2} [A-Z][a-z])", r"\1–\2", text)


def byte_order_mark(text: str) -> str:
    return "\ufeff" + text


EDITS: dict[str, Callable[[str], str]] = {edit.__name__: edit for edit in (
    crlf, trailing_spaces, blank_lines_doubled, no_blank_lines, indented_paragraphs, _wrapped(78), _wrapped(60),
    headline_repeated, headline_full_stop_toggled, foreign_caption, background_appended, recap_appended,
    curly_quotes,
    straight_quotes, no_break_spaces, double_spaces, decomposed_unicode, dash_ranges, byte_order_mark,
)}


def facts(release: Release) -> dict[str, object]:
    """What an analyst counts: the fields the gold sets score, people by name key and country."""
    return {
        "event_date": release.event_date,
        "engagement_type": release.engagement_type,
        "sco_official": release.sco_official,
        "location_city": normalise_text(release.location_city),
        "counterparts": sorted((normalise_name(person.name), person.country) for person in release.counterparts),
        "topics": release.topics,
    }


@dataclass(frozen=True)
class Change:
    """One edit of one release that changed a fact."""

    key: str
    edit: str
    field: str
    before: object
    after: object

    def __str__(self) -> str:
        return f"{self.key}: {self.edit}: {self.field}: {self.before!r} -> {self.after!r}"


@dataclass(frozen=True)
class Outcome:
    """How many (release, edit) pairs were tried, and every change of a fact."""

    tried: int
    changes: tuple[Change, ...]

    @property
    def unchanged_share(self) -> float:
        changed = len({(change.key, change.edit) for change in self.changes})
        return 1.0 - changed / self.tried if self.tried else 1.0


def check_texts(texts: Iterable[tuple[str, str]]) -> Outcome:
    """Parse each text and every edit of it; list each fact an edit changed."""
    tried = 0
    changes: list[Change] = []
    for key, text in texts:
        original = facts(parse_release(text))
        for name, edit in EDITS.items():
            edited = edit(text)
            if edited == text:
                continue
            tried += 1
            after = facts(parse_release(edited))
            changes += [Change(key, name, field, original[field], after[field])
                        for field in original if after[field] != original[field]]
    return Outcome(tried, tuple(changes))


def gold_texts(gold_path: Path, texts: Path | None = None) -> list[tuple[str, str]]:
    return [(gold.key, read_text(gold, gold_path, texts)) for gold in read_gold(gold_path)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Share of releases whose facts survive each edit.")
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--texts", type=Path, default=None, help="folder of <id>.txt for lines named by id")
    parser.add_argument("--changes", action="store_true", help="also list every change")
    args = parser.parse_args(argv)
    for gold_path in args.gold:
        outcome = check_texts(gold_texts(gold_path, args.texts))
        by_edit = Counter(edit for _, edit in {(change.key, change.edit) for change in outcome.changes})
        print(f"{gold_path}: {outcome.unchanged_share:.3f} of {outcome.tried} edited releases unchanged")
        for name in EDITS:
            if by_edit[name]:
                print(f"  {name}: {by_edit[name]} changed")
        if args.changes:
            for change in outcome.changes:
                print(f"    {change}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
