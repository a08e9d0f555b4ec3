"""Patterns with a shortcut (sco_data/extract/pattern_shortcuts.py) find what they found without it.

A pattern made by starting_with must never match at a character outside the set it was given,
and every match of a CuedPattern must hold one of its cue words. The tests below read each
pattern's parse tree for every character a match can begin with, and search every gold and
seed release, and sentences written for each form, for a match that breaks the rule, so that a
form added to a pattern without its first letter or its cue fails here.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path
from re import _constants as sre  # the parse tree's opcodes (the only way to see every start)
from re import _parser

import pytest

from sco_data import extract
from sco_data.extract.clauses import side_pattern
from sco_data.extract.decode import decode_bytes
from sco_data.extract.officials import Official
from sco_data.extract.pattern_shortcuts import CuedPattern, starting_with

REPO = Path(__file__).resolve().parent.parent
FOLDERS = (REPO / "tests" / "gold" / "releases", REPO / "tests" / "second_gold" / "releases",
           REPO / "tests" / "probe_gold" / "releases", REPO / "data" / "releases")
GOLD_FILES = (REPO / "tests" / "gold" / "gold.jsonl", REPO / "tests" / "second_gold" / "gold.jsonl",
              REPO / "tests" / "probe_gold" / "gold.jsonl")
# Forms the releases may lack, one for each way a match can begin (a pronoun only opens a text).
EXAMPLES = ("He held talks with Secretary-General Zhang Ming. It was attended by Deputy Secretary-General "
            "Sohail Khan and Secretary-General Vladimir Norov, the adviser to the SCO Secretariat Habib Munir, "
            "as Secretary-General Rashid Alimov said of Secretary-General Nurlan Yermekbayev and that "
            "Secretary-General Zhang Ming wrote to Secretary-General Zhang Ming from Secretary-General Zhang "
            "Ming. Adviser of the SCO Secretariat Habib Munir; Zhang Ming, Secretary-General of the SCO. "
            "The delegation of the SCO met Mr Norov; Norov.",
            "he met", "she met", "they met", "She met", "They met",
            "The SCO delegation, at the invitation of the Government, held talks between the Secretariat and the "
            "Ministry. The agenda of the visit included meetings with Minister Li Wei. The meeting was attended by "
            "Ambassador Ali Khan. Ambassador Ali Khan headed the Pakistani delegation. A call of greetings came "
            "from the President. Minister Li Wei was also present. Zhang Ming accepted the letter of appointment "
            "from Ambassador Ali Khan. Also present were Ambassador Ali Khan and Minister Li Wei. Minister Li Wei in a telephone "
            "conversation with Zhang Ming discussed trade.")
PREFIXED = re.compile(r"\(\?=\[(?P<first>.+?)\]\)\(\?:(?P<inner>.*)\)", re.S)
# Every module of the extractor, and every pattern of theirs made by starting_with (by module and name).
MODULES = [importlib.import_module(f"sco_data.extract.{module.name}") for module in pkgutil.iter_modules(extract.__path__)]
STARTING = {f"{module.__name__.rsplit('.', 1)[-1]}.{name}": value for module in MODULES
            for name, value in vars(module).items() if isinstance(value, re.Pattern) and PREFIXED.fullmatch(value.pattern)}


def texts() -> list[str]:
    return [*EXAMPLES, *(decode_bytes(path.read_bytes()) for folder in FOLDERS for path in sorted(folder.iterdir()))]


def sco_sides() -> list[Official]:
    """The unnamed side, and every official the gold sets name (their names make side patterns)."""
    names = {json.loads(line).get("sco_official") for path in GOLD_FILES
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    return [Official(None, None)] + [Official(name, "secretary_general") for name in sorted(names - {None})]


def openings(items: list, ignore_case: bool) -> tuple[set[str], bool]:
    """The characters a match of a parsed sequence can begin with, and whether it can match
    nothing at all (zero-width items, `\\b` and look-arounds, consume no character)."""
    found: set[str] = set()
    for op, value in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue
        if op is sre.LITERAL:
            chars, empty = {chr(value)}, False
        elif op is sre.IN and all(kind in (sre.LITERAL, sre.RANGE, sre.CATEGORY) for kind, _ in value):
            chars = {item for kind, item in value if kind is sre.CATEGORY}  # \d or \w, kept whole
            chars |= {chr(code) for kind, item in value if kind is not sre.CATEGORY
                      for code in ((item,) if kind is sre.LITERAL else range(item[0], item[1] + 1))}
            empty = False
        elif op is sre.BRANCH:
            branches = [openings(branch.data, ignore_case) for branch in value[1]]
            chars, empty = set().union(*(chars for chars, _ in branches)), any(empty for _, empty in branches)
        elif op is sre.SUBPATTERN:
            chars, empty = openings(value[3].data, ignore_case or bool(value[1] & re.IGNORECASE))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            chars, empty = openings(value[2].data, ignore_case)
            empty = empty or value[0] == 0
        else:
            raise AssertionError(f"a match may begin with {op}: no set of characters says where")
        found |= {variant for char in chars
                  for variant in ((char, char.lower(), char.upper()) if ignore_case and isinstance(char, str) else (char,))}
        if not empty:
            return found, False
    return found, True


def outside_set(pattern: re.Pattern[str]) -> set[str]:
    """The characters a match of the pattern's alternatives can begin with that its set lacks."""
    parts = PREFIXED.fullmatch(pattern.pattern)
    assert parts is not None, "the pattern is not made by starting_with"
    chars, empty = openings(_parser.parse(parts["inner"], pattern.flags).data, bool(pattern.flags & re.IGNORECASE))
    assert not empty, "the pattern can match nothing at all, anywhere"
    allowed = re.compile(f"[{parts['first']}]", pattern.flags)
    op, items = _parser.parse(f"[{parts['first']}]").data[0]  # one character alone parses as a LITERAL
    categories = {item for kind, item in items if kind is sre.CATEGORY} if op is sre.IN else set()
    return {char for char in chars if char not in categories and not (isinstance(char, str) and allowed.fullmatch(char))}


def wrong_starts(pattern: re.Pattern[str], text: str) -> list[str]:
    """Matches of the pattern's alternatives that begin with a character outside its set."""
    parts = PREFIXED.fullmatch(pattern.pattern)
    assert parts is not None, "the pattern is not made by starting_with"
    outside = re.compile(f"(?![{parts['first']}])(?:{parts['inner']})", pattern.flags)
    return [match.group() for match in outside.finditer(text)]


@pytest.fixture(scope="module")
def gold_texts() -> list[str]:
    found = texts()
    assert len(found) > 100
    return found


def test_the_check_catches_a_match_that_begins_elsewhere() -> None:
    assert wrong_starts(starting_with("S", r"\bSCO|\bthe\s+SCO"), "SCO and the SCO") == ["the SCO"]


def test_the_parse_tree_check_catches_a_form_that_begins_elsewhere() -> None:
    assert outside_set(starting_with("S", r"\bSCO|(?:\bthe\s+)?Secretariat|(?i:x)")) == {"t", "x", "X"}
    assert outside_set(starting_with("0-9", r"\d+")) == {sre.CATEGORY_DIGIT}
    assert outside_set(starting_with(r"\d", r"\d+|[0-9]")) == set()


@pytest.mark.parametrize("name", sorted(STARTING))
def test_every_match_begins_with_a_character_of_its_set(name: str, gold_texts: list[str]) -> None:
    assert outside_set(STARTING[name]) == set()
    assert [found for text in gold_texts for found in wrong_starts(STARTING[name], text)] == []


@pytest.mark.parametrize("official", sco_sides(), ids=lambda official: official.name or "unnamed")
def test_every_form_of_the_sco_side_begins_with_a_character_of_its_set(official: Official,
                                                                        gold_texts: list[str]) -> None:
    side = side_pattern(official)
    assert outside_set(side) == set()
    assert [found for text in gold_texts for found in wrong_starts(side, text)] == []


CUED = {f"{module.__name__.rsplit('.', 1)[-1]}.{name}": value for module in MODULES
        for name, value in vars(module).items() if isinstance(value, CuedPattern)}


def uncued(cued: CuedPattern, text: str) -> list[str]:
    """Matches of the pattern that hold none of its cues."""
    return [match.group() for match in cued.pattern.finditer(text) if not any(cue in match.group() for cue in cued.cues)]


def test_the_check_catches_a_match_without_its_cue() -> None:
    assert uncued(CuedPattern(("between",), r"\b(?:between|among)\s+"), "between us, among the SCO") == ["among "]


@pytest.mark.parametrize("name", sorted(CUED))
def test_every_match_of_a_cued_pattern_holds_a_cue(name: str, gold_texts: list[str]) -> None:
    cued = CUED[name]
    assert any(cued.pattern.search(text) for text in gold_texts), "no text shows the pattern at work"
    assert [found for text in gold_texts for found in uncued(cued, text)] == []
