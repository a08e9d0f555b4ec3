"""Find known phrases (countries, places, topic keywords) in text with one tokenising pass.

A compiled alternation of hundreds of names is slow in Python's regex engine; looking up
tokens in a dict keyed by a phrase's first token costs one pass whatever the list's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import is_
from typing import Generic, Iterable, TypeVar

Value = TypeVar("Value")

TOKEN = re.compile(r"\w+(?:['’\-]\w+)*")
# Possessive (never giving back a word character): the same tokens, found a tenth faster.
TOKEN_SPLIT = re.compile(r"(\w++(?:['’\-]\w++)*+)")
WHITE_SPACE = re.compile(r"\s+")
# Longest word whose full stop may be an abbreviation's ("St.", "Mt.", "Dr.").
ABBREVIATION_MAX_LETTERS = 3
# Words whose look-up an index remembers; past this many (a corpus of many names), it starts afresh.
SEEN_MAX_WORDS = 50_000


class Tokens:
    """A text's words (apostrophes normalised), their case-folded forms and character spans.

    Lists are built with C-level calls (findall, map, list(finditer)): a Python loop per word
    would cost more than everything else a release's parse does.
    """

    __slots__ = ("_text", "words", "_folded", "_pieces", "_offsets")

    def __init__(self, text: str) -> None:
        self._text = text.replace("’", "'")
        # Split on the tokens, keeping them: [gap, word, gap, word, ..., gap]. The words are every
        # other piece, and the running sum of the pieces' lengths gives every word's span.
        self._pieces: list[str] = TOKEN_SPLIT.split(self._text)
        self.words: list[str] = self._pieces[1::2]
        self._folded: list[str] | None = None
        self._offsets: list[int] | None = None

    @property
    def pieces(self) -> list[str]:
        """The text cut at its words: [gap, word, gap, word, ..., gap]."""
        return self._pieces

    @property
    def text(self) -> str:
        """The text the tokens were read from (apostrophes normalised)."""
        return self._text

    @property
    def folded(self) -> list[str]:
        if self._folded is None:
            self._folded = list(map(str.casefold, self.words))
        return self._folded

    @property
    def offsets(self) -> list[int]:
        """Where each piece ends: word i spans offsets[2i] to offsets[2i + 1]."""
        if self._offsets is None:
            self._offsets = list(accumulate(map(len, self._pieces)))
        return self._offsets

    def span(self, index: int) -> tuple[int, int]:
        offsets = self.offsets
        return offsets[2 * index], offsets[2 * index + 1]

    def __len__(self) -> int:
        return len(self.words)


def tokenize(text: str) -> Tokens:
    """Words with their character spans; hyphenated and apostrophised words stay whole."""
    return Tokens(text)


def phrase_key(phrase: str, casefold: bool) -> tuple[str, ...]:
    words = [word.replace("’", "'") for word in TOKEN.findall(phrase)]
    return tuple(word.casefold() for word in words) if casefold else tuple(words)


def phrase_gaps(phrase: str) -> tuple[str, ...]:
    """What stands between a phrase's words, as `gap_form` writes it ("energy security": " ";
    "Republic of Korea": " ", " ")."""
    pieces = TOKEN_SPLIT.split(phrase.replace("’", "'"))
    return tuple(gap_form(pieces[position - 1], pieces[position]) for position in range(2, len(pieces) - 1, 2))


def gap_form(word: str, gap: str) -> str:
    """The marks after a word as phrases are compared on them: white space as one space, and the
    full stop of an abbreviation left out ("St. Petersburg" is "St Petersburg"; "energy. Security"
    keeps its full stop)."""
    if gap.startswith(".") and len(word) <= ABBREVIATION_MAX_LETTERS and word[:1].isupper():
        gap = gap[1:]
    return WHITE_SPACE.sub(" ", gap)


@dataclass(slots=True)
class PhraseMatch(Generic[Value]):
    start: int
    end: int
    value: Value
    first_token: int
    last_token: int


class PhraseIndex(Generic[Value]):
    """Longest-match lookup of multi-word phrases over a token list. A phrase of several words
    matches only where the text writes the same marks between them as the phrase does, white
    space aside: "energy, security" is no "energy security", nor "Minsk. Group" "Minsk Group"."""

    def __init__(self, phrases: Iterable[tuple[str, Value]], casefold: bool = False,
                 prefixes: Iterable[tuple[str, Value]] = ()) -> None:
        self.casefold = casefold
        self._by_first: dict[str, list[tuple[tuple[str, ...], Value]]] = {}
        self._gaps: dict[tuple[str, ...], tuple[str, ...]] = {}
        for phrase, value in phrases:
            key = phrase_key(phrase, casefold)
            if key:
                self._by_first.setdefault(key[0], []).append((key, value))
                if len(key) > 1:
                    self._gaps.setdefault(key, phrase_gaps(phrase))
        # What each first word may start: the longer phrases by their second word, longest first
        # (a word like "the" starts dozens, and the next word rules out nearly all of them at
        # once), and the value of the phrase that is the word alone.
        self._starts: dict[str, tuple[dict[str, list[tuple[tuple[str, ...], Value]]], tuple[int, Value] | None]] = {}
        for first, candidates in self._by_first.items():
            candidates.sort(key=lambda item: len(item[0]), reverse=True)
            longer: dict[str, list[tuple[tuple[str, ...], Value]]] = {}
            for key, value in candidates:
                if len(key) > 1:
                    longer.setdefault(key[1], []).append((key, value))
            alone = next(((1, value) for key, value in candidates if len(key) == 1), None)
            self._starts[first] = (longer, alone)
        self._prefixes = tuple((phrase_key(stem, casefold)[0], value) for stem, value in prefixes)
        self._prefix_starts = tuple(stem for stem, _ in self._prefixes)
        self._seen: dict[str, tuple[dict[str, list[tuple[tuple[str, ...], Value]]], tuple[int, Value] | None, bool]
                         | bool] = {}

    def phrases(self) -> list[tuple[str, ...]]:
        """Every phrase, as its words."""
        return [key for candidates in self._by_first.values() for key, _ in candidates]

    def single_words(self) -> frozenset[str]:
        """The phrases that are one word long."""
        return frozenset(first for first, candidates in self._by_first.items()
                         if any(len(key) == 1 for key, _ in candidates))

    def _entry(self, word: str) -> tuple[dict[str, list[tuple[tuple[str, ...], Value]]], tuple[int, Value] | None,
                                         bool] | bool:
        """What a word may start: the longer phrases by their second word, the phrase that is the
        word alone, and whether a prefix matches it; False when none."""
        longer, alone = self._starts.get(word, ({}, None))
        stem = bool(self._prefix_starts) and word.startswith(self._prefix_starts)
        return (longer, alone, stem) if longer or alone or stem else False

    def _written_alike(self, tokens: Tokens, index: int, key: tuple[str, ...]) -> bool:
        """The text's marks between the words from `index` on are the phrase's."""
        pieces = tokens.pieces
        return all(gap_form(pieces[2 * position + 1], pieces[2 * position + 2]) == gap
                   for position, gap in enumerate(self._gaps[key], start=index))

    def find(self, tokens: Tokens) -> list[PhraseMatch[Value]]:
        """Non-overlapping matches, leftmost first, longest phrase at each position."""
        words = tokens.folded if self.casefold else tokens.words
        count = len(words)
        # Each word's entry comes from a cache of the words seen before (one dict look-up per
        # word, at C speed); only new words are looked at in Python.
        seen = self._seen
        entries = list(map(seen.get, words))
        for index in compress(range(count), map(is_, entries, repeat(None))):
            if len(seen) >= SEEN_MAX_WORDS:
                seen.clear()
            entries[index] = seen[words[index]] = self._entry(words[index])
        matches: list[PhraseMatch[Value]] = []
        offsets = tokens.offsets
        next_free = 0
        for index in compress(range(count), entries):
            if index < next_free:
                continue
            longer, found, has_stem = entries[index]
            if longer and index + 1 < count and words[index + 1] in longer:
                found = next(((len(key), value) for key, value in longer[words[index + 1]]
                              if tuple(words[index:index + len(key)]) == key
                              and self._written_alike(tokens, index, key)), found)
            if found is None and has_stem:
                word = words[index]
                found = next(((1, value) for stem, value in self._prefixes if word.startswith(stem)), None)
            if found is None:
                continue
            size, value = found
            last = index + size - 1
            matches.append(PhraseMatch(offsets[2 * index], offsets[2 * last + 1], value, index, last))
            next_free = last + 1
        return matches
