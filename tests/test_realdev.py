"""The extractor on the real development set: 108 releases of the SCO Secretariat annotated by hand.

The texts are third-party publications kept outside the repository (see the README, "Accuracy"),
so this test runs where they have been fetched and is skipped elsewhere. Its minimums are the
targets the extractor is held to on real releases.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sco_data.evaluate import evaluate_gold

REPO = Path(__file__).resolve().parent.parent
GOLD = Path(os.environ.get("SCO_REALDEV_GOLD", REPO.parent / "shared" / "realdev" / "dev.jsonl"))
TEXTS = Path(os.environ.get("SCO_REALDEV_TEXTS", Path.home() / ".cache" / "sco-realdev"))
# Fewer texts than this: the fetch was not completed, and a score would mean little.
MIN_TEXTS = 100

TARGETS: dict[str, float] = {
    "date": 0.97,
    "engagement_type": 0.93,
    "official": 0.97,
    "city": 0.92,
    "counterpart_precision": 0.95,
    "counterpart_f1": 0.90,
    "counterpart_country": 0.95,
    "user_topic_f1": 0.90,
    "topic_f1": 0.85,
}


@pytest.mark.skipif(not GOLD.is_file() or len(list(TEXTS.glob("*.txt"))) < MIN_TEXTS,
                    reason="the real development set's texts are not on this machine")
def test_extraction_meets_the_targets_on_real_releases() -> None:
    result = evaluate_gold(GOLD, texts=TEXTS)
    below = [f"{name}: {result.scores[name]:.3f} < {target:.2f}"
             for name, target in TARGETS.items() if result.scores[name] < target]
    assert not below, "\n".join(below)
