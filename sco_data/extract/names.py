"""Personal names: honorifics in front of them, and the form two mentions are compared in."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sco_data.extract.lexicon import load
from sco_data.extract.name_shapes import DOTTED_INITIALS, INITIAL_RUN_ON

# Typographic variants that a person would read as the same character.
CHARACTER_VARIANTS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-",
                                    "–": "-", "—": "-"})
WHITESPACE = re.compile(r"\s+")
NAME_SEPARATORS = re.compile(r"[\s\-.]+")


@lru_cache(maxsize=1)
def _honorifics() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Lexicon entries as word tuples, longest first, keyed by kind (courtesy, customary)."""
    lexicon = load("honorifics")
    return {kind: tuple(sorted((tuple(entry.translate(CHARACTER_VARIANTS).split()) for entry in lexicon[kind]),
                               key=len, reverse=True))
            for kind in ("courtesy", "customary")}


@lru_cache(maxsize=4)
def _first_words(kinds: tuple[str, ...]) -> frozenset[str]:
    return frozenset(entry[0] for kind in kinds for entry in _honorifics()[kind])


def leading_honorific_words(words: list[str], kinds: tuple[str, ...] = ("courtesy",)) -> int:
    """How many of the first words are honorifics of the given kinds ("H.E. Mr Le" -> 2)."""
    if not words or words[0].translate(CHARACTER_VARIANTS).rstrip(",") not in _first_words(kinds):
        return 0
    entries = [entry for kind in kinds for entry in _honorifics()[kind]]
    plain = [word.translate(CHARACTER_VARIANTS).rstrip(",") for word in words]
    taken = 0
    while taken < len(plain):
        entry = next((entry for entry in entries if tuple(plain[taken:taken + len(entry)]) == entry), None)
        if entry is None:
            break
        taken += len(entry)
    return taken


def is_honorific(text: str, kinds: tuple[str, ...] = ("courtesy", "customary")) -> bool:
    """True when the text is one honorific ("Mr", "Dato", "His Excellency")."""
    words = text.split()
    return bool(words) and leading_honorific_words(words, kinds) == len(words)


def strip_courtesy(name: str) -> str:
    """The name without the forms of address in front of it ("Mr Le Yucheng" -> "Le Yucheng")."""
    words = name.split()
    return " ".join(words[leading_honorific_words(words):])


def strip_honorifics(name: str) -> str:
    """The name without any honorific in front of it, courtesy or customary ("Dato Lim Jock
    Hoi" -> "Lim Jock Hoi"), one space between words, case kept."""
    words = name.split()
    return " ".join(words[leading_honorific_words(words, ("courtesy", "customary")):])


def normalise_text(value: str | None) -> str | None:
    """Case-, whitespace- and quote-insensitive form of a value, for comparison."""
    if value is None:
        return None
    value = WHITESPACE.sub(" ", value.translate(CHARACTER_VARIANTS)).strip().strip(".,;")
    return value.casefold() or None


def normalise_name(name: str | None) -> str | None:
    """A person's name for comparison: `normalise_text` without any leading honorific."""
    if name is None:
        return None
    return normalise_text(strip_honorifics(name))


@lru_cache(maxsize=1)
def _transliteration() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in load("name_parts")["transliteration"])


@lru_cache(maxsize=65536)
def person_key(name: str | None) -> str | None:
    """The key that makes spellings of one person one ("Sergey Lavrov" / "Sergei Lavrov",
    "Yermekbayev" / "Ermekbaev", "Jenča" / "Jenca", "Keshavarz-Zadeh" / "Keshavarz Zadeh",
    "Shri Piyush Goyal" / "Piyush Goyal"): no honorifics, case, diacritics, hyphens or
    apostrophes, one space between words, and every word folded by the transliteration rules
    of name_parts.toml."""
    return fold_name(normalise_name(name))


def fold_name(text: str | None) -> str | None:
    """Text folded as a person key is, honorifics and all (for what a reader types); invisible
    format characters (a zero-width space, a direction mark) are no part of it."""
    plain = normalise_text(text)
    if plain is None:
        return None
    letters = "".join(char for char in unicodedata.normalize("NFKD", plain)
                      if not unicodedata.combining(char) and char != "'" and unicodedata.category(char) != "Cf")
    words = []
    for word in NAME_SEPARATORS.split(letters):
        for pattern, replacement in _transliteration():
            word = pattern.sub(replacement, word)
        words.append(word)
    return " ".join(word for word in words if word) or None


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Words of offices, qualifiers, bodies and their subjects (lexicon titles.toml)."""
    lexicon = load("titles")
    return frozenset(word for key in ("offices", "qualifiers", "body_nouns", "domain_words")
                     for word in lexicon[key])


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    return frozenset(load("titles")["name_particles"])


@lru_cache(maxsize=1)
def _never_name_words() -> frozenset[str]:
    honorific_words = {word for kind in ("courtesy", "customary") for entry in load("honorifics")[kind]
                       for word in entry.split()}
    return title_words() | frozenset(load("titles")["headline_words"]) | honorific_words


@lru_cache(maxsize=1)
def _common_noun_endings() -> tuple[str, ...]:
    return tuple(load("titles")["common_noun_endings"])


INITIALS = re.compile(rf"^{DOTTED_INITIALS}$")
# A capitalised word with a lower-case letter in it (any script's letters), initials ("A.",
# "T.C.A."), an initial run on to a name ("B.Battsetseg"), or a prefixed surname ("al-Sabah").
NAME_WORD = re.compile(rf"^(?:[^\W\d_a-z][^\W\d_]*(?:['’\-][^\W\d_]+)*|{DOTTED_INITIALS}|{INITIAL_RUN_ON}|"
                       rf"[a-z]{{1,3}}-[A-Z][\w'’\-]+)$")


def is_name_word(word: str, first: bool = False) -> bool:
    """A word that may stand in a personal name: capitalised, not a title, office, body,
    honorific or headline word; a particle ("bin") only inside a name."""
    if word in name_particles():
        return not first
    if word in _never_name_words() or NAME_WORD.match(word) is None:
        return False
    if "-" in word and any(part in _never_name_words() for part in word.split("-")):
        return False
    if word.endswith(_common_noun_endings()) and len(word) > 5:
        return False
    return any(char.islower() for char in word) or INITIALS.match(word) is not None
