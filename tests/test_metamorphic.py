"""Facts do not depend on layout: meaning-preserving edits of every gold release (and of the real
development set, where its texts are on this machine) leave the extracted facts as they were.

tests/metamorphic.py defines the edits; this test holds the share of edited releases whose facts
stay the same to at least MIN_UNCHANGED on each set, and names every change when it fails.
"""

from __future__ import annotations

import pytest

from metamorphic import EDITS, check_texts, gold_texts
from test_evaluate import GOLD_SETS
from test_realdev import GOLD as REALDEV_GOLD
from test_realdev import TEXTS as REALDEV_TEXTS
from test_realdev import realdev_present

MIN_UNCHANGED = 0.99


def _assert_layout_proof(outcome) -> None:
    changes = "\n".join(str(change) for change in outcome.changes)
    assert outcome.unchanged_share >= MIN_UNCHANGED, f"{outcome.unchanged_share:.3f} unchanged:\n{changes}"


@pytest.mark.parametrize("gold_set", GOLD_SETS)
def test_meaning_preserving_edits_keep_the_facts_of_every_gold_release(gold_set: str) -> None:
    path, _ = GOLD_SETS[gold_set]
    outcome = check_texts(gold_texts(path))
    assert outcome.tried > 10 * len(EDITS)
    _assert_layout_proof(outcome)


@pytest.mark.skipif(not realdev_present(), reason="the real development set's texts are not on this machine")
def test_meaning_preserving_edits_keep_the_facts_of_the_real_releases() -> None:
    _assert_layout_proof(check_texts(gold_texts(REALDEV_GOLD, REALDEV_TEXTS)))


def test_each_edit_changes_the_text_of_a_release_with_a_headline() -> None:
    text = ("SCO Secretary-General meets Minister\n\nOn 26-27 May 2019, SCO Secretary-General Vladimir Norov met "
            "with \"Assistant Secretary-General\" Miroslav Jenča in Bishkek. They discussed trade, transport and the "
            "two sides’ plans for the coming year, including a forum.\n\nThe sides agreed to meet again.")
    unchanged = [name for name, edit in EDITS.items() if edit(text) == text]
    assert unchanged == []
