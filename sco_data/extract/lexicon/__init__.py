"""The extractor's word lists and rules as data: one TOML file per kind of fact.

Each file says at its top what belongs in it. Files are read once per process; editing one
changes the parser's identity, so cached parses are redone.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The lexicon file `<name>.toml` of this folder, parsed."""
    return tomllib.loads(resources.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8"))


def words(name: str, key: str) -> frozenset[str]:
    """A list of a lexicon file as a set of strings."""
    return frozenset(load(name)[key])
