"""The topic taxonomy (an editable TOML file) and the matcher that decides what a release discusses.

A release has a topic when it discusses it, not when one word strays in. Every mention is
counted, but a mention inside a capitalised name ("Ministry of Industry and Trade", "All-China
Federation of Trade Unions") or that only says what a place is for ("the concert venue") says
nothing of the subject and does not count towards a topic;
a phrase the file lists to ignore ("peace, security and stability", the SCO's description of
itself) does not count either. A topic then needs a mention in the headline or lead, or
two mentions in all (by default), or a place in a list of cooperation areas
("cooperation in trade, investment, transit, logistics, energy"), or to be named as the area
of cooperation itself ("cooperation in healthcare", "security cooperation") or as what is
fought ("in fighting the coronavirus pandemic"). A topic may follow another:
a release about COVID-19 that speaks of its spread also has health, and a sentence that speaks
of health and names the pandemic once ("the epidemiological situation and the crisis caused by
the pandemic") is about COVID-19.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from pathlib import Path

from sco_data.extract.lexicon import words
from sco_data.extract.phrases import PhraseIndex, PhraseMatch, Tokens

DEFAULT_TAXONOMY_PATH = Path(__file__).parent / "lexicon" / "topics.toml"
# When a release has a topic, unless the taxonomy file's [settings] say otherwise.
DEFAULT_RULE = {"min_mentions": 2, "min_sentences": 2, "lead_mentions": 1, "list_items": 3}
# Where a sentence ends for topic counting (one alternative per mark: each opens with its
# character, which the engine scans for).
SENTENCE_BOUNDARY = re.compile(r"\.[\"”’»]?\s+|![\"”’»]?\s+|\?[\"”’»]?\s+|\n")
# What may stand between two items of a list: "trade, investment and energy", "digitalisation,
# communications, e-commerce" (an item of no topic between), "transportation and agriculture,
# ensuring food security": separators and at most three lower-case words.
LIST_GAP = re.compile(r"(?:\s*(?:,|/|;|\band\b|\bor\b|\bas\s+well\s+as\b)\s*|\s+[a-z][\w'-]*){1,6}\s*")
LIST_GAP_MAX_CHARS = 48
# The words around mentions that decide whether they count (lexicon topic_cues.toml).
AUDIENCE_NOUNS = words("topic_cues", "audience_nouns")
AUDIENCE_LOOKAHEAD = 3
COMPOUND_HEADS = words("topic_cues", "compound_heads")
SITE_NOUNS = words("topic_cues", "site_nouns")
DISCUSSED_WORDS = words("topic_cues", "discussed_words")
LIST_CUE_WORDS = words("topic_cues", "list_cue_words")
DOCUMENT_NOUNS = words("topic_cues", "document_nouns")
COOPERATION_NOUNS = words("topic_cues", "cooperation_nouns")
AREA_NOUNS = words("topic_cues", "area_nouns")
FIGHT_WORDS = words("topic_cues", "fight_words")
AREA_LOOKBEHIND = 3  # "the field of", "cooperation in", "against the"
# A line of a bulleted list (an agenda, a list of issues): each of its topics counts.
BULLET_MARKS = frozenset("—–-•·*")  # what opens such a line, after any spaces or tabs
# Little words that join the capitalised words of a name ("Ministry of Industry and Trade").
NAME_JOINERS = frozenset({"of", "and", "for", "the", "on", "in", "&"})
IGNORED = "__ignored__"


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class TopicCounts:
    """Mentions of each topic in a release: all of them (`total`), and among those that count
    (not inside a name), the indices of the sentences they fall in, those in the headline and
    lead, and those in a list of cooperation areas."""

    total: dict[str, int]
    sentences: dict[str, frozenset[int]]
    lead: dict[str, int]
    listed: dict[str, int]
    counted: tuple[tuple[int, int, str], ...] = ()


class Taxonomy:
    """Topics in file order, plus the rule that turns mentions into topic flags."""

    def __init__(self, topics: tuple[Topic, ...], rule: dict[str, int], fingerprint: str, path: str,
                 ignored: tuple[str, ...] = (), follows: dict[str, str] | None = None,
                 compound_prefixes: tuple[str, ...] = ()) -> None:
        self.topics = topics
        self.path = path
        self.ids = tuple(topic.id for topic in topics)
        self.min_mentions = rule["min_mentions"]
        self.min_sentences = rule["min_sentences"]
        self.lead_mentions = rule["lead_mentions"]
        self.list_items = rule["list_items"]
        self.follows = dict(follows or {})
        self.fingerprint = fingerprint
        words: list[tuple[str, str]] = [(phrase, IGNORED) for phrase in ignored]
        stems: list[tuple[str, str]] = []
        listed = {keyword.casefold() for topic in topics for keyword in topic.keywords}
        for topic in topics:
            for keyword in topic.keywords:
                forms = [keyword, *(f"{prefix}-{keyword}" for prefix in compound_prefixes
                                    if " " not in keyword and f"{prefix}-{keyword}".casefold() not in listed)]
                for form in forms:
                    if form.endswith("*"):
                        stems.append((form[:-1], topic.id))
                    else:
                        words.append((form, topic.id))
        self._index: PhraseIndex[str] = PhraseIndex(words, casefold=True, prefixes=stems)

    def label(self, topic_id: str) -> str:
        return next((topic.label for topic in self.topics if topic.id == topic_id), topic_id)

    def count(self, text: str, tokens: Tokens, lead_end: int, title_end: int = 0,
              asides: tuple[tuple[int, int], ...] = ()) -> TopicCounts:
        """Count mentions in `text` (tokenised as `tokens`); the headline ends at `title_end`
        and the headline and lead together at `lead_end`; mentions within the [start, end)
        spans of `asides` (recalls of earlier news) name no subject of this release."""
        total = dict.fromkeys(self.ids, 0)
        lead = dict.fromkeys(self.ids, 0)
        listed = dict.fromkeys(self.ids, 0)
        seen_sentences: dict[str, set[int]] = {topic_id: set() for topic_id in self.ids}
        boundaries = [match.end() for match in SENTENCE_BOUNDARY.finditer(text)]
        title_case = _is_title_case(text[:title_end])
        matches = [match for match in self._index.find(tokens) if match.value != IGNORED]
        sentence_of = [bisect.bisect_right(boundaries, match.start) for match in matches]
        joined = _joined_to_previous(text, matches, sentence_of)
        no_subject = _audience_mentions(tokens, matches, joined) | _compound_heads(tokens, matches) \
            | _site_modifiers(tokens, matches) \
            | {position for position, match in enumerate(matches) if any(start <= match.start < end for start, end in asides)}
        documents = not DOCUMENT_NOUNS.isdisjoint(tokens.folded)
        counted: list[tuple[PhraseMatch[str], int]] = []
        for position, (match, sentence) in enumerate(zip(matches, sentence_of)):
            total[match.value] += 1
            if position in no_subject:
                continue
            sentence_start = boundaries[sentence - 1] if sentence else 0
            if (title_case and match.end <= title_end) or not _in_name(tokens, match, sentence_start, documents):
                counted.append((match, sentence))
                seen_sentences[match.value].add(sentence)
                if match.end <= lead_end:
                    lead[match.value] += 1
        for topic_id in _listed_topics(tokens, boundaries, matches, joined, counted, self.list_items):
            listed[topic_id] += 1
        for topic_id in _highlighted_topics(text, tokens, boundaries, counted) | _cooperation_areas(tokens, counted):
            listed[topic_id] += 1
        sentences = {topic_id: frozenset(found) for topic_id, found in seen_sentences.items()}
        kept = tuple((match.start, match.end, match.value) for match, _ in counted)
        return TopicCounts(total, sentences, lead, listed, kept)

    def _substantive(self, counts: TopicCounts, topic_id: str, counted: Counter[str]) -> bool:
        return (counts.lead[topic_id] >= self.lead_mentions
                or len(counts.sentences[topic_id]) >= self.min_sentences
                or counted[topic_id] >= self.min_mentions
                or counts.listed[topic_id] > 0)

    def topics_of(self, counts: TopicCounts) -> tuple[str, ...]:
        """The release's topics in taxonomy order."""
        counted = Counter(value for *_, value in counts.counted)
        found = {topic_id for topic_id in self.ids if self._substantive(counts, topic_id, counted)}
        for topic_id, leader in self.follows.items():
            if leader in found and counted[topic_id] > 0:
                found.add(topic_id)
            if counts.sentences[leader] & counts.sentences[topic_id]:
                found.add(leader)
        return tuple(topic_id for topic_id in self.ids if topic_id in found)

    def doubts(self, counts: TopicCounts, found: tuple[str, ...]) -> tuple[str, ...]:
        """Why the topics may be wrong: a topic kept on the fewest mentions that count, none of
        them in the headline or lead nor in a list of areas; or one left out that is named once
        as a subject and more often inside names or lists of who attended (on the real set's
        tune part, 4 of 7 such releases had their topics wrong, against 3 of 11 where the words
        stood only inside names). `found`: the topics `topics_of` gave."""
        counted = Counter(value for *_, value in counts.counted)
        reasons = []
        for topic_id in self.ids:
            label = self.label(topic_id)
            if topic_id in found and counts.lead[topic_id] == 0 and counts.listed[topic_id] == 0 \
                    and counted[topic_id] <= self.min_mentions:
                reasons.append(f"'{label}' rests on {counted[topic_id]} passing mentions")
            elif topic_id not in found and counts.total[topic_id] >= self.min_mentions and counted[topic_id] == 1:
                reasons.append(f"'{label}' is named {counts.total[topic_id]} times, but all except one inside names, "
                               "lists of who attended or words for a place")
        return tuple(reasons)


def _is_title_case(text: str) -> bool:
    """A headline written in Title Case, where capitals say nothing of names."""
    words = [word for word in text.split() if word[:1].isalpha() and word.lower() not in NAME_JOINERS]
    return len(words) >= 4 and sum(word[0].isupper() for word in words) >= 0.8 * len(words)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _in_name(tokens: Tokens, match: PhraseMatch[str], sentence_start: int, documents: bool) -> bool:
    """A one-word mention written with a capital inside a run of capitalised words: part of a
    name ("Ministry of Industry and Trade"), not a subject. Acronyms ("COVID-19", "ICT") and
    phrases of several words the file lists ("SCO Women's Forum") always count, and so does a
    word in the name of a document ("Convention on Countering Extremism"): a document is
    about what it is named for. `documents`: whether the text has a document's word at all
    (if not, one neighbour settles it)."""
    word = tokens.words[match.first_token]
    if match.last_token > match.first_token or not _capitalised(word):
        return False
    run = [*_name_neighbours(tokens, match.first_token, -1, sentence_start, documents),
           *_name_neighbours(tokens, match.last_token, 1, sentence_start, documents)]
    return bool(run) and not any(tokens.folded[index] in DOCUMENT_NOUNS for index in run)


def _name_neighbours(tokens: Tokens, current: int, step: int, sentence_start: int, whole: bool) -> list[int]:
    """The capitalised words that continue a name from token `current` in direction `step`,
    over at most two joining words at a time ("of", "and"), not reaching the sentence's first
    word: all of them if `whole`, else the first."""
    found: list[int] = []
    while not found or whole:
        index = current + step
        skipped = 0
        while 0 <= index < len(tokens) and _adjacent(tokens, current, index) and tokens.folded[index] in NAME_JOINERS \
                and skipped < 2:
            current, index = index, index + step
            skipped += 1
        if not (0 <= index < len(tokens) and _adjacent(tokens, current, index) and _capitalised(tokens.words[index])
                and tokens.span(index)[0] > sentence_start):
            return found
        found.append(index)
        current = index
    return found


def _adjacent(tokens: Tokens, first: int, second: int) -> bool:
    """Only white space stands between two neighbouring tokens (no comma, quote or full stop)."""
    return tokens.pieces[2 * min(first, second) + 2].isspace()


def _joined_to_previous(text: str, matches: list[PhraseMatch[str]], sentence_of: list[int]) -> list[bool]:
    """For each mention, whether it continues a list with the mention before it: same
    sentence, and nothing between but separators and a few lower-case words."""
    joined = [False]
    for previous, match, before, here in zip(matches, matches[1:], sentence_of, sentence_of[1:]):
        joined.append(before == here and match.start - previous.end <= LIST_GAP_MAX_CHARS
                      and LIST_GAP.fullmatch(text, previous.end, match.start) is not None)
    return joined[:len(matches)]


def _runs(joined: list[bool]) -> list[list[int]]:
    """The positions of the mentions grouped into lists (runs of joined mentions)."""
    runs: list[list[int]] = []
    for position, continues in enumerate(joined):
        if continues and runs:
            runs[-1].append(position)
        else:
            runs.append([position])
    return runs


def _audience_mentions(tokens: Tokens, matches: list[PhraseMatch[str]], joined: list[bool]) -> set[int]:
    """Mentions that describe who was there, not what was discussed: a list of words right
    before "communities", "organisations", "circles" ("representatives of business, research
    and creative communities"). Returned as positions in `matches`."""
    found: set[int] = set()
    for run in _runs(joined):
        last = matches[run[-1]].last_token
        if any(word in AUDIENCE_NOUNS for word in tokens.folded[last + 1:last + 1 + AUDIENCE_LOOKAHEAD]):
            found.update(run)
    return found


def _compound_heads(tokens: Tokens, matches: list[PhraseMatch[str]]) -> set[int]:
    """Mentions that are a generic head noun right after another topic's word ("tourism
    market"), as positions in `matches`."""
    return {position for position, (previous, match) in enumerate(zip(matches, matches[1:]), start=1)
            if match.first_token == match.last_token == previous.last_token + 1
            and tokens.folded[match.first_token] in COMPOUND_HEADS and previous.value != match.value
            and _adjacent(tokens, previous.last_token, match.first_token)}


def _site_modifiers(tokens: Tokens, matches: list[PhraseMatch[str]]) -> set[int]:
    """Mentions that only say what a place is for ("the concert venue", "a sports hall"), as
    positions in `matches`."""
    folded = tokens.folded
    last = len(folded) - 1
    return {position for position, match in enumerate(matches)
            if match.last_token < last and folded[match.last_token + 1] in SITE_NOUNS
            and _adjacent(tokens, match.last_token, match.last_token + 1)}


def _sentences_with(words: frozenset[str], tokens: Tokens, boundaries: list[int]) -> set[int]:
    """The indices of the sentences in which one of the words occurs (one pass over the words)."""
    hits = compress(range(len(tokens)), map(words.__contains__, tokens.folded))
    offsets = tokens.offsets
    return {bisect.bisect_right(boundaries, offsets[2 * index]) for index in hits}


def _listed_topics(tokens: Tokens, boundaries: list[int], matches: list[PhraseMatch[str]], joined: list[bool],
                   counted: list[tuple[PhraseMatch[str], int]], min_items: int) -> set[str]:
    """Topics that stand in a list of areas: adjacent mentions of different topics joined only
    by commas and "and", at least `min_items` of them, or two where the sentence speaks of
    cooperation. Only mentions that count make a list."""
    cue_sentences = _sentences_with(LIST_CUE_WORDS, tokens, boundaries)
    sentence_of = {match.start: sentence for match, sentence in counted}
    found: set[str] = set()
    for run in _runs(joined):
        items = [matches[position] for position in run if matches[position].start in sentence_of]
        topics = {item.value for item in items}
        if len(topics) >= 2 and (len(items) >= min_items or sentence_of[items[0].start] in cue_sentences):
            found.update(topics)
    return found


def _highlighted_topics(text: str, tokens: Tokens, boundaries: list[int],
                        counted: list[tuple[PhraseMatch[str], int]]) -> set[str]:
    """Topics of a line of a bulleted list, or of a sentence reporting what was discussed."""
    discussed = _sentences_with(DISCUSSED_WORDS, tokens, boundaries)
    lines = text.split("\n")
    line_starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    bullets = {index for index, line in enumerate(lines) if line.lstrip(" \t")[:1] in BULLET_MARKS}
    found: set[str] = set()
    for match, sentence in counted:
        if sentence in discussed or bisect.bisect_right(line_starts, match.start) - 1 in bullets:
            found.add(match.value)
    return found


def _cooperation_areas(tokens: Tokens, counted: list[tuple[PhraseMatch[str], int]]) -> set[str]:
    """Topics named as an area of cooperation: "cooperation in healthcare", "interaction in the
    field of tourism", "in the sphere of digitalisation", "vaccine cooperation"; or as what is
    fought: "fighting the coronavirus pandemic" (not "countering the financing of terrorism",
    where the word only heads what is fought)."""
    folded = tokens.folded
    found: set[str] = set()
    for match, _ in counted:
        first, last = match.first_token, match.last_token
        before = folded[max(0, first - AREA_LOOKBEHIND):first]
        after = folded[last + 1] if last + 1 < len(folded) else ""
        if _is_area(before) or (after != "of" and _is_fought(before)) \
                or (after in COOPERATION_NOUNS and _adjacent(tokens, last, last + 1)):
            found.add(match.value)
    return found


def _is_area(before: list[str]) -> bool:
    """The words before a mention end in "<cooperation> in|on" or "in the <field> of"
    ("cooperation in the field of", "in the spheres of")."""
    if before[-2:-1] and before[-1] in {"in", "on"} and before[-2] in COOPERATION_NOUNS:
        return True
    return len(before) >= 3 and before[-1] == "of" and before[-2] in AREA_NOUNS and before[-3] in {"the", "in"}


def _is_fought(before: list[str]) -> bool:
    """The words before a mention end in a fight, with at most "the" between ("against the")."""
    fought = before[:-1] if before[-1:] == ["the"] else before
    return bool(fought) and fought[-1] in FIGHT_WORDS


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Read a taxonomy file (the bundled one by default)."""
    return _load(str(Path(path).resolve()) if path is not None else _default_path())


@lru_cache(maxsize=1)
def _default_path() -> str:
    """The bundled file's resolved path, worked out once (every parse asks for it)."""
    return str(DEFAULT_TAXONOMY_PATH.resolve())


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
    ignored = tuple(str(phrase) for phrase in data.get("ignore", {}).get("phrases", ()))
    follows = {str(topic): str(leader) for topic, leader in settings.get("follows", {}).items()}
    prefixes = tuple(str(prefix) for prefix in settings.get("compound_prefixes", ()))
    return Taxonomy(topics, rule, hashlib.blake2b(raw, digest_size=8).hexdigest(), path, ignored, follows, prefixes)
