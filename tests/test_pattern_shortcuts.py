"""Patterns with a shortcut (sco_data/extract/pattern_shortcuts.py) find what they found without it.

A pattern made by starting_with must never match at a character outside the set it was given,
and every match of a CuedPattern must hold one of its cue words. The tests below search every
gold and seed release, and sentences written for each form, for a match that breaks the rule,
so that a form added to a pattern without its first letter or its cue fails here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sco_data.extract import clauses
from sco_data.extract.clauses import side_pattern
from sco_data.extract.decode import decode_bytes
from sco_data.extract.officials import ANY_OFFICIAL, Official
from sco_data.extract.pattern_shortcuts import CuedPattern, starting_with

REPO = Path(__file__).resolve().parent.parent
FOLDERS = (REPO / "tests" / "gold" / "releases", REPO / "tests" / "second_gold" / "releases",
           REPO / "data" / "releases")
GOLD_FILES = (REPO / "tests" / "gold" / "gold.jsonl", REPO / "tests" / "second_gold" / "gold.jsonl")
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
            "from the President.")
PREFIXED = re.compile(r"\(\?=\[(?P<first>.+?)\]\)\(\?:(?P<inner>.*)\)", re.S)


def texts() -> list[str]:
    return [*EXAMPLES, *(decode_bytes(path.read_bytes()) for folder in FOLDERS for path in sorted(folder.iterdir()))]


def officials() -> list[Official]:
    """The unnamed side, and every official the gold sets name (their names make side patterns)."""
    names = {json.loads(line).get("sco_official") for path in GOLD_FILES
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    return [Official(None, None)] + [Official(name, "secretary_general") for name in sorted(names - {None})]


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


def test_every_office_with_its_holder_begins_with_a_character_of_its_set(gold_texts: list[str]) -> None:
    assert [found for text in gold_texts for found in wrong_starts(ANY_OFFICIAL, text)] == []


@pytest.mark.parametrize("official", officials(), ids=lambda official: official.name or "unnamed")
def test_every_form_of_the_sco_side_begins_with_a_character_of_its_set(official: Official,
                                                                        gold_texts: list[str]) -> None:
    side = side_pattern(official)
    assert [found for text in gold_texts for found in wrong_starts(side, text)] == []


CUED = {name: value for name, value in vars(clauses).items() if isinstance(value, CuedPattern)}


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
