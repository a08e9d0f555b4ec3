"""Files and folders -> Corpus: discovery, ingest, the store (cache), the tables and corrections."""

from sco_data.corpus.corrections import InvalidCorrection, corrections_path
from sco_data.corpus.corrections_file import (
    CorrectionNotSaved,
    save_correction,
    undo_correction,
    why_corrections_unsaveable,
)
from sco_data.corpus.load import Corpus, load_corpus

__all__ = [
    "Corpus",
    "CorrectionNotSaved",
    "InvalidCorrection",
    "corrections_path",
    "load_corpus",
    "save_correction",
    "undo_correction",
    "why_corrections_unsaveable",
]
