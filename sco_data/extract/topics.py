"""The topic taxonomy (an editable TOML file) and the matcher that counts mentions."""

from __future__ import annotations

import bisect
import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sco_data.extract.phrases import PhraseIndex, Tokens, tokenize

DEFAULT_TAXONOMY_PATH = Path(__file__).parent / "lexicon" / "topics.toml"
# When a release has a topic, unless the taxonomy file's [settings] say otherwise.
DEFAULT_RULE = {"min_mentions": 3, "min_sentences": 2, "lead_mentions": 1}
SENTENCE_BOUNDARY = re.compile(r"[.!?][\"”’»]?\s+|\n")


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class TopicCounts:
    """Mentions of each topic in a release: all of them, the sentences they fall in, and those
    in the headline and lead that are not part of a capitalised name ("Minister of Industry")."""

    total: dict[str, int]
    sentences: dict[str, int]
    lead: dict[str, int]


class Taxonomy:
    """Topics in file order, plus the rule that turns mention counts into topic flags."""

    def __init__(self, topics: tuple[Topic, ...], rule: dict[str, int], fingerprint: str, path: str) -> None:
        self.topics = topics
        self.path = path
        self.ids = tuple(topic.id for topic in topics)
        self.min_mentions = rule["min_mentions"]
        self.min_sentences = rule["min_sentences"]
        self.lead_mentions = rule["lead_mentions"]
        self.fingerprint = fingerprint
        words: list[tuple[str, str]] = []
        stems: list[tuple[str, str]] = []
        for topic in topics:
            for keyword in topic.keywords:
                if keyword.endswith("*"):
                    stems.append((keyword[:-1], topic.id))
                else:
                    words.append((keyword, topic.id))
        self._index: PhraseIndex[str] = PhraseIndex(words, casefold=True, prefixes=stems)

    def label(self, topic_id: str) -> str:
        return next((topic.label for topic in self.topics if topic.id == topic_id), topic_id)

    def count(self, text: str, tokens: Tokens, lead_end: int) -> TopicCounts:
        """Count mentions in `text` (tokenised as `tokens`); the headline and lead end at `lead_end`."""
        total = dict.fromkeys(self.ids, 0)
        lead = dict.fromkeys(self.ids, 0)
        seen_sentences: dict[str, set[int]] = {topic_id: set() for topic_id in self.ids}
        boundaries = [match.end() for match in SENTENCE_BOUNDARY.finditer(text)]
        for match in self._index.find(tokens):
            total[match.value] += 1
            sentence = bisect.bisect_right(boundaries, match.start)
            seen_sentences[match.value].add(sentence)
            sentence_start = boundaries[sentence - 1] if sentence else 0
            in_name = text[match.start].isupper() and match.start > sentence_start
            if match.end <= lead_end and not in_name:
                lead[match.value] += 1
        sentences = {topic_id: len(found) for topic_id, found in seen_sentences.items()}
        return TopicCounts(total, sentences, lead)

    def has_topic(self, counts: TopicCounts, topic_id: str) -> bool:
        return (counts.lead[topic_id] >= self.lead_mentions
                or counts.sentences[topic_id] >= self.min_sentences
                or counts.total[topic_id] >= self.min_mentions)

    def find_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, topic id) of every topic word in a text, for highlighting."""
        return [(match.start, match.end, match.value) for match in self._index.find(tokenize(text))]


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Read a taxonomy file (the bundled one by default)."""
    resolved = Path(path) if path is not None else DEFAULT_TAXONOMY_PATH
    return _load(str(resolved.resolve()))


@lru_cache(maxsize=8)
def _load(path: str) -> Taxonomy:
    raw = Path(path).read_bytes()
    data = tomllib.loads(raw.decode("utf-8"))
    settings = data.get("settings", {})
    topics = tuple(
        Topic(topic_id, str(entry.get("label", topic_id)), tuple(str(k) for k in entry.get("keywords", ())))
        for topic_id, entry in data.get("topics", {}).items()
    )
    rule = {name: int(settings.get(name, default)) for name, default in DEFAULT_RULE.items()}
    return Taxonomy(topics, rule, hashlib.blake2b(raw, digest_size=8).hexdigest(), path)
