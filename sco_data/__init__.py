"""sco_data: SCO Secretariat news releases in, tidy pandas DataFrames out.

The public API:
    parse_release(text, source=None) -> Release
    load_corpus(paths, cache_dir=None) -> Corpus
"""

from sco_data.corpus import Corpus, load_corpus
from sco_data.explore.export import to_csv_bytes
from sco_data.extract import parse_release
from sco_data.extract.topics import Taxonomy, Topic, load_taxonomy
from sco_data.schema import ENGAGEMENT_LABELS, ENGAGEMENT_TYPES, Person, Release

__all__ = [
    "Corpus",
    "load_corpus",
    "to_csv_bytes",
    "ENGAGEMENT_LABELS",
    "ENGAGEMENT_TYPES",
    "Person",
    "Release",
    "Taxonomy",
    "Topic",
    "load_taxonomy",
    "parse_release",
]
