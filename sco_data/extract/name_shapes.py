"""Whether a capitalised word has the shape of a personal name's part, by the naming systems of the
SCO region (lexicon name_parts.toml), not by lists of people.

A word is name-shaped when it is made of Pinyin syllables ("Zhang", "Yucheng"), ends as the
surnames and patronymics of the region do ("Muratov", "Nurtleuly", "Rahmonzoda", "Mirzoyan"),
joins parts with a lower-case particle ("Moin-ul-Haque", "al-Sabah"), carries letters English
does not use ("Jenča", "Lefèvre"), or is an initial ("S", "K.").
"""

from __future__ import annotations

import re
from functools import lru_cache

from sco_data.extract.lexicon import load

MAX_SYLLABLES = 3
# A father's initial run on to the given name, as Mongolian names are written ("B.Battsetseg").
INITIAL_RUN_ON = r"[A-Z]\.[A-Z][a-z]{2,}"
# A name written as one word, which may stand alone: a particle compound ("Moin-ul-Haque"), or an
# initial run on to a name.
ONE_WORD_NAME = re.compile(r"^[A-Z][a-z]+(?:-(?:ul|ud|al|el|ur|ad|as|bin|ibn|e|i|o)-?[A-Za-z]*)+$|^(?:al|el)-[A-Z][a-z]+$"
                           rf"|^{INITIAL_RUN_ON}$")
# Initials with their full stops, one or several run together ("K.", "T.C.A.").
DOTTED_INITIALS = r"(?:[A-Z]\.){1,4}"
# An initial with or without its full stop, or initials run together ("S", "K.", "T.C.A.").
INITIAL = re.compile(rf"^(?:[A-Z]|{DOTTED_INITIALS})$")


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    return frozenset(load("name_parts")["pinyin_syllables"].split())


@lru_cache(maxsize=1)
def _endings() -> tuple[tuple[str, ...], int]:
    lexicon = load("name_parts")
    return tuple(sorted(lexicon["surname_endings"], key=len, reverse=True)), lexicon["surname_min_letters"]


def is_pinyin(word: str) -> bool:
    """The word is one to three Pinyin syllables ("Le", "Yucheng", "Zhiwei"); apostrophes and
    hyphens between syllables are allowed ("Xi'an", "Jia-qing")."""
    letters = re.sub(r"['’\-]", "", word).lower()
    if not letters.isalpha() or not letters.isascii():
        return False
    return _splits(letters, MAX_SYLLABLES)


@lru_cache(maxsize=16384)
def _splits(letters: str, budget: int) -> bool:
    if not letters:
        return True
    if budget == 0:
        return False
    syllables = _syllables()
    return any(letters[:size] in syllables and _splits(letters[size:], budget - 1)
               for size in range(min(6, len(letters)), 0, -1))


def is_pinyin_syllable(word: str) -> bool:
    """The word is a single Pinyin syllable, as most Chinese surnames are ("Shan", "Li")."""
    return word.lower() in _syllables()


def has_surname_ending(word: str) -> bool:
    endings, min_letters = _endings()
    return len(word) >= min_letters and word[:1].isupper() and word.lower().endswith(endings)


@lru_cache(maxsize=16384)
def is_name_shaped(word: str) -> bool:
    """The word has a personal name's shape (see the module's docstring)."""
    if INITIAL.match(word) or ONE_WORD_NAME.match(word):
        return True
    if not word.isascii() and any(char.isalpha() and not char.isascii() for char in word):
        return True
    return is_pinyin(word) or has_surname_ending(word)
