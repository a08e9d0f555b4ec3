"""Never crash: parse_release and load_corpus take anything (property-based, with hypothesis)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sco_data
from sco_data.schema import ENGAGEMENT_TYPES, REPORT_OK, REPORT_REJECTED, REPORT_WARNING

SEED_TEXTS = [path.read_text(encoding="utf-8")
              for path in sorted((Path(__file__).resolve().parent.parent / "data" / "releases").glob("*.txt"))]
EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_well_formed(release: sco_data.Release) -> None:
    assert release.engagement_type in ENGAGEMENT_TYPES
    assert re.fullmatch(r"r[0-9a-f]{16}", release.release_id)
    assert all(isinstance(warning, str) for warning in release.warnings)
    assert all(person.name for person in release.counterparts)
    assert (release.latitude is None) == (release.location_city is None)


@EXAMPLES
@given(st.text())
def test_parse_release_takes_any_text(text: str) -> None:
    assert_well_formed(sco_data.parse_release(text))


@EXAMPLES
@given(st.sampled_from(SEED_TEXTS), st.randoms(use_true_random=False))
def test_parse_release_takes_damaged_seeds(text: str, rng: random.Random) -> None:
    lines = text.splitlines()
    damage = rng.choice(["drop", "shuffle", "truncate"])
    if damage == "drop":
        lines = [line for line in lines if rng.random() > 0.3]
    elif damage == "shuffle":
        rng.shuffle(lines)
    damaged = "\n".join(lines)
    if damage == "truncate":
        damaged = damaged[: rng.randrange(len(damaged) + 1)]
    assert_well_formed(sco_data.parse_release(damaged))


@EXAMPLES
@given(st.lists(st.binary(max_size=3000), min_size=1, max_size=4))
def test_load_corpus_accounts_for_any_bytes(blobs: list[bytes]) -> None:
    uploads = [(f"file{index}.txt", blob) for index, blob in enumerate(blobs)]
    corpus = sco_data.load_corpus([], use_cache=False, extra_files=uploads)
    assert corpus.report["path"].tolist() == [name for name, _ in uploads]
    assert set(corpus.report["status"]) <= {REPORT_OK, REPORT_WARNING, REPORT_REJECTED}
    assert (corpus.report["reason"].str.len() > 0).all() or REPORT_OK in set(corpus.report["status"])
    kept = corpus.report["status"].isin([REPORT_OK, REPORT_WARNING]).sum()
    assert len(corpus.releases) == kept


@pytest.mark.parametrize("text", [
    "\x00" * 10, "SCO" * 10_000, "On 31 February 2021, SCO Secretary-General met with A B.",
    "((((((((((", "met with " * 500, "\n" * 1000, "Secretary-General " * 300,
])
def test_parse_release_on_pathological_text(text: str) -> None:
    assert_well_formed(sco_data.parse_release(text))
