"""Find known phrases (countries, places, topic keywords) in text with one tokenising pass.

A compiled alternation of hundreds of names is slow in Python's regex engine; looking up
tokens in a dict keyed by a phrase's first token costs one pass whatever the list's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, Iterable, TypeVar

Value = TypeVar("Value")

TOKEN = re.compile(r"\w+(?:['’\-]\w+)*")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Words with their character spans; hyphenated and apostrophised words stay whole."""
    return [Token(match.group(), match.start(), match.end()) for match in TOKEN.finditer(text)]


def phrase_key(phrase: str, casefold: bool) -> tuple[str, ...]:
    words = [match.group().replace("’", "'") for match in TOKEN.finditer(phrase)]
    return tuple(word.casefold() for word in words) if casefold else tuple(words)


@dataclass(frozen=True)
class PhraseMatch(Generic[Value]):
    start: int
    end: int
    value: Value
    first_token: int
    last_token: int


class PhraseIndex(Generic[Value]):
    """Longest-match lookup of multi-word phrases over a token list."""

    def __init__(self, phrases: Iterable[tuple[str, Value]], casefold: bool = False,
                 prefixes: Iterable[tuple[str, Value]] = ()) -> None:
        self.casefold = casefold
        self._by_first: dict[str, list[tuple[tuple[str, ...], Value]]] = {}
        for phrase, value in phrases:
            key = phrase_key(phrase, casefold)
            if key:
                self._by_first.setdefault(key[0], []).append((key, value))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda item: len(item[0]), reverse=True)
        self._prefixes = tuple((phrase_key(stem, casefold)[0], value) for stem, value in prefixes)
        self._prefix_starts = tuple(stem for stem, _ in self._prefixes)

    def _word(self, token: Token) -> str:
        word = token.text.replace("’", "'")
        return word.casefold() if self.casefold else word

    def find(self, tokens: list[Token]) -> list[PhraseMatch[Value]]:
        """Non-overlapping matches, leftmost first, longest phrase at each position."""
        words = [self._word(token) for token in tokens]
        matches: list[PhraseMatch[Value]] = []
        index = 0
        count = len(words)
        while index < count:
            word = words[index]
            found = None
            for key, value in self._by_first.get(word, ()):
                size = len(key)
                if tuple(words[index:index + size]) == key:
                    found = (size, value)
                    break
            if found is None and self._prefix_starts and word.startswith(self._prefix_starts):
                for stem, value in self._prefixes:
                    if word.startswith(stem):
                        found = (1, value)
                        break
            if found is None:
                index += 1
                continue
            size, value = found
            last = index + size - 1
            matches.append(PhraseMatch(tokens[index].start, tokens[last].end, value, index, last))
            index = last + 1
        return matches
