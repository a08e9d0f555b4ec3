"""Files and folders -> Corpus: discovery, ingest, the store (cache) and the tables."""

from sco_data.corpus.load import Corpus, load_corpus

__all__ = ["Corpus", "load_corpus"]
