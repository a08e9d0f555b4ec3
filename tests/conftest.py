"""Shared fixtures: the repository root and the bundled seed corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import sco_data

REPO_ROOT = Path(__file__).resolve().parent.parent
# The page's own modules (sco_page) sit beside dashboard.py, where Streamlit finds them when it
# runs the page; tests that import the page find them the same way.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def seed_folder() -> Path:
    return REPO_ROOT / "data" / "releases"


@pytest.fixture(scope="session")
def seed_corpus(seed_folder: Path) -> sco_data.Corpus:
    return sco_data.load_corpus(seed_folder, use_cache=False)


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets a cache folder of its own, never the user's."""
    monkeypatch.setenv("SCO_DATA_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
