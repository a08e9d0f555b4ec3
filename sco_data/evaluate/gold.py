"""Score the extractor against a gold set of hand-annotated releases.

A gold set is a JSON Lines file, one release a line, saying what a careful reader extracts from
it. A line names its text either by `file` (under `releases/` beside the JSONL, as in
tests/gold/) or by `id` (the text is `<id>.txt` in a folder given separately, as for the real
releases kept outside the repository). Where careful readers disagree, a line may list
`optional` fields, `counterparts_optional` names and `topics_optional` ids: the scorer skips
them. `evaluate_gold` parses every text with `parse_release` and compares field by field;
`evaluate_parts` does the same for the tune and check parts of a split set.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sco_data.extract.names import normalise_name, normalise_text, person_key
from sco_data.extract.release import parse_release
from sco_data.extract.topics import load_taxonomy
from sco_data.schema import DOUBTED_FIELDS, ENGAGEMENT_TYPES, Release

# Release files of `file` lines live in this folder beside the gold JSONL.
RELEASES_FOLDER = "releases"

FIELD_KEYS = frozenset({"event_date", "engagement_type", "sco_official", "counterparts",
                        "location_city", "topics"})
# Keys a line may carry besides its fields and its `file` or `id`: provenance and judgement calls.
EXTRA_KEYS = frozenset({"url", "query", "notes", "optional", "counterparts_optional", "topics_optional"})
PERSON_KEYS = frozenset({"name", "title", "country"})

# Scores that are plain per-release accuracies: score name -> (gold field, label in the report).
FIELD_SCORES: dict[str, tuple[str, str]] = {
    "date": ("event_date", "event date"),
    "engagement_type": ("engagement_type", "engagement type"),
    "official": ("sco_official", "SCO official"),
    "city": ("location_city", "location city"),
}
OPTIONAL_FIELDS = frozenset(gold_field for gold_field, _ in FIELD_SCORES.values())
# The four topics the dashboard's users asked for first; scored together as well as one by one.
USER_TOPICS = ("health", "covid19", "ecommerce", "women")

# The parts of a split gold set: every line, the lines rules are tuned on, the lines that check them.
ALL, TUNE, CHECK = "all", "tune", "check"
CHECK_EVERY = 3
KIND_PREFIX = re.compile(r"^[^\W\d_]*")

MISSING = "none"  # how an absent value is shown in errors

Parser = Callable[..., Release]


@dataclass(frozen=True)
class GoldPerson:
    name: str
    title: str | None
    country: str | None


@dataclass(frozen=True)
class GoldRelease:
    """One annotated line of a gold set; `key` is its file name or its id."""

    key: str
    event_date: dt.date | None
    engagement_type: str
    sco_official: str | None
    counterparts: tuple[GoldPerson, ...]
    location_city: str | None
    topics: tuple[str, ...]
    by_id: bool = False
    optional: frozenset[str] = frozenset()
    counterparts_optional: frozenset[str] = frozenset()
    topics_optional: frozenset[str] = frozenset()


@dataclass(frozen=True)
class FieldError:
    """One disagreement between the gold set and the extractor."""

    key: str
    field: str
    expected: str
    found: str

    def __str__(self) -> str:
        return f"{self.key}: {self.field}: expected {self.expected}, found {self.found}"


@dataclass
class EvaluationResult:
    """Scores (0-1) by name, every error, and how many releases were scored."""

    scores: dict[str, float]
    errors: list[FieldError]
    release_count: int
    topic_support: dict[str, int] = field(default_factory=dict)  # gold releases per topic
    # Per Release field: (releases where its value is wrong, of those, how many carry a doubt on it).
    doubts: dict[str, tuple[int, int]] = field(default_factory=dict)
    doubted_releases: int = 0  # releases that carry any doubt

    @property
    def doubt_recall(self) -> float:
        """The share of wrong field values that carry a doubt on their field."""
        wrong = sum(count for count, _ in self.doubts.values())
        return _ratio(sum(doubted for _, doubted in self.doubts.values()), wrong, 1.0)

    @property
    def doubted_share(self) -> float:
        """The share of releases that carry any doubt."""
        return _ratio(self.doubted_releases, self.release_count, 0.0)


def read_gold(gold_path: Path) -> list[GoldRelease]:
    """Read and check a gold JSONL file; a malformed line raises ValueError naming the line."""
    gold: list[GoldRelease] = []
    for number, line in enumerate(Path(gold_path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            gold.append(_gold_release(json.loads(line)))
        except (ValueError, TypeError, KeyError) as error:
            raise ValueError(f"{gold_path}, line {number}: {error}") from error
    return gold


def _gold_release(row: dict) -> GoldRelease:
    keys = set(row)
    names = keys & {"file", "id"}
    if len(names) != 1 or not FIELD_KEYS <= keys or keys - FIELD_KEYS - EXTRA_KEYS - names:
        raise ValueError(f"keys must be 'file' or 'id', {sorted(FIELD_KEYS)} and optionally "
                         f"{sorted(EXTRA_KEYS)}; got {sorted(row)}")
    if row["engagement_type"] not in ENGAGEMENT_TYPES:
        raise ValueError(f"unknown engagement_type {row['engagement_type']!r}")
    optional = frozenset(row.get("optional", ()))
    if optional - OPTIONAL_FIELDS:
        raise ValueError(f"optional fields must be among {sorted(OPTIONAL_FIELDS)}, got {sorted(optional)}")
    people = []
    for person in row["counterparts"]:
        if set(person) != PERSON_KEYS:
            raise ValueError(f"counterpart keys must be exactly {sorted(PERSON_KEYS)}, got {sorted(person)}")
        people.append(GoldPerson(person["name"], person["title"], person["country"]))
    date = dt.date.fromisoformat(row["event_date"]) if row["event_date"] is not None else None
    name_key = names.pop()
    return GoldRelease(
        key=str(row[name_key]), event_date=date, engagement_type=row["engagement_type"],
        sco_official=row["sco_official"], counterparts=tuple(people),
        location_city=row["location_city"], topics=tuple(row["topics"]), by_id=name_key == "id",
        optional=optional,
        counterparts_optional=frozenset(person_key(name) for name in row.get("counterparts_optional", ())),
        topics_optional=frozenset(row.get("topics_optional", ())),
    )


def show(value: object) -> str:
    return MISSING if value is None or value == "" else str(value)


def _ratio(numerator: int, denominator: int, empty: float) -> float:
    return numerator / denominator if denominator else empty


def precision_recall_f1(true_pos: int, false_pos: int, false_neg: int) -> tuple[float, float, float]:
    """P, R and F1; with nothing expected and nothing found all three are 1.0."""
    precision = _ratio(true_pos, true_pos + false_pos, 1.0 if false_neg == 0 else 0.0)
    recall = _ratio(true_pos, true_pos + false_neg, 1.0 if false_pos == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


class _Tally:
    """Running counts for one evaluation."""

    def __init__(self) -> None:
        self.field_hits: Counter[str] = Counter()
        self.field_scored: Counter[str] = Counter()
        self.counterparts: Counter[str] = Counter()  # tp, fp, fn, country_hits
        self.topics: dict[str, Counter[str]] = {}  # topic -> tp, fp, fn
        self.errors: list[FieldError] = []
        self.wrong: Counter[str] = Counter()  # Release field -> releases where its value is wrong
        self.wrong_doubted: Counter[str] = Counter()  # ... and the extractor doubted it
        self.doubted: int = 0  # releases with any doubt


def _same(score: str, expected: object, found: object) -> bool:
    if score == "official":
        return normalise_name(expected) == normalise_name(found)
    if score == "city":
        return normalise_text(expected) == normalise_text(found)
    return expected == found


def _score_fields(tally: _Tally, gold: GoldRelease, release: Release) -> None:
    for score, (gold_field, _) in FIELD_SCORES.items():
        if gold_field in gold.optional:
            continue
        expected, found = getattr(gold, gold_field), getattr(release, gold_field)
        tally.field_scored[score] += 1
        if _same(score, expected, found):
            tally.field_hits[score] += 1
        else:
            tally.errors.append(FieldError(gold.key, gold_field, show(expected), show(found)))


def _score_counterparts(tally: _Tally, gold: GoldRelease, release: Release) -> None:
    found_by_name: dict[str | None, list] = {}
    for person in release.counterparts:
        found_by_name.setdefault(person_key(person.name), []).append(person)
    for expected in gold.counterparts:
        candidates = found_by_name.get(person_key(expected.name))
        if not candidates and person_key(expected.name) in gold.counterparts_optional:
            continue  # a judgement call: neither missed nor extra
        if not candidates:
            tally.counterparts["fn"] += 1
            tally.errors.append(FieldError(gold.key, "counterpart", expected.name, MISSING))
            continue
        found = candidates.pop(0)
        tally.counterparts["tp"] += 1
        if normalise_text(expected.country) == normalise_text(found.country):
            tally.counterparts["country_hits"] += 1
        else:
            tally.errors.append(FieldError(gold.key, f"counterpart_country ({expected.name})",
                                           show(expected.country), show(found.country)))
    for name, leftovers in found_by_name.items():
        if name in gold.counterparts_optional:
            continue
        for person in leftovers:
            tally.counterparts["fp"] += 1
            tally.errors.append(FieldError(gold.key, "counterpart", MISSING, person.name))


def _score_topics(tally: _Tally, gold: GoldRelease, release: Release) -> None:
    expected = set(gold.topics)
    found = set(release.topics) - (gold.topics_optional - expected)
    for topic in expected | found:
        counts = tally.topics.setdefault(topic, Counter())
        counts["tp" if topic in expected and topic in found else "fn" if topic in expected else "fp"] += 1
    if expected != found:
        tally.errors.append(FieldError(gold.key, "topics", ", ".join(gold.topics) or MISSING,
                                       ", ".join(sorted(found, key=list(release.topics).index)) or MISSING))


def _topic_order(seen: set[str]) -> list[str]:
    """Taxonomy ids in taxonomy order, then any other id the gold set or extractor used."""
    ids = list(load_taxonomy().ids)
    return ids + sorted(seen - set(ids))


def read_text(gold: GoldRelease, gold_path: Path, texts: Path | None) -> str:
    if gold.by_id:
        if texts is None:
            raise ValueError(f"{gold_path} names releases by id: give the folder of their texts (--texts DIR)")
        path = texts / f"{gold.key}.txt"
    else:
        path = gold_path.parent / RELEASES_FOLDER / gold.key
    if not path.is_file():
        raise FileNotFoundError(f"release {gold.key!r} listed in {gold_path} not found: no file {path}")
    return path.read_text(encoding="utf-8")


def split_parts(keys: list[str]) -> dict[str, str]:
    """The part of a split gold set each key belongs to. Within each kind of text (the key's
    leading letters: Secretariat releases, news reports), keys are ordered by a hash of
    themselves and every third is kept for checking, so that each kind is a third of the check
    part; the rest is what rules may be tuned on."""
    kinds: dict[str, list[str]] = {}
    for key in keys:
        kinds.setdefault(KIND_PREFIX.match(key).group(), []).append(key)
    parts: dict[str, str] = {}
    for members in kinds.values():
        ordered = sorted(members, key=lambda key: hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest())
        parts.update((key, CHECK if rank % CHECK_EVERY == 0 else TUNE) for rank, key in enumerate(ordered))
    return parts


def evaluate_gold(gold_path: Path, parse: Parser | None = None, texts: Path | None = None) -> EvaluationResult:
    """Parse every release the gold file lists and score the extraction field by field.

    `parse` defaults to `sco_data.parse_release`; it is called as `parse(text, source=key)`.
    `texts` is the folder holding `<id>.txt` for lines that name their release by id.
    """
    return evaluate_parts(gold_path, parse, texts, split=False)[ALL]


def evaluate_parts(gold_path: Path, parse: Parser | None = None, texts: Path | None = None,
                   split: bool = True) -> dict[str, EvaluationResult]:
    """Score the whole gold set (`ALL`) and, with `split`, its tune and check parts apart;
    each release is parsed once."""
    parse = parse or parse_release
    gold_path = Path(gold_path)
    gold_releases = read_gold(gold_path)
    parts = (ALL, TUNE, CHECK) if split else (ALL,)
    tallies = {part: _Tally() for part in parts}
    part_of = split_parts([gold.key for gold in gold_releases])
    members: dict[str, list[GoldRelease]] = {part: [] for part in parts}
    for gold in gold_releases:
        release = parse(read_text(gold, gold_path, Path(texts) if texts else None), source=gold.key)
        for part in (ALL, part_of[gold.key]) if split else (ALL,):
            members[part].append(gold)
            tally = tallies[part]
            before = len(tally.errors)
            _score_fields(tally, gold, release)
            _score_counterparts(tally, gold, release)
            _score_topics(tally, gold, release)
            _score_doubts(tally, release, tally.errors[before:])
    return {part: _result(tallies[part], members[part]) for part in parts}


def _score_doubts(tally: _Tally, release: Release, errors: list[FieldError]) -> None:
    """Count the release's wrong fields, and those the extractor doubted."""
    doubted = {doubt.field for doubt in release.doubts}
    tally.doubted += bool(doubted)
    for field in {_doubt_field(error.field) for error in errors}:
        tally.wrong[field] += 1
        tally.wrong_doubted[field] += field in doubted


def _doubt_field(error_field: str) -> str:
    """The Release field an error is about ("counterpart_country (X)" is about counterparts)."""
    return "counterparts" if error_field.startswith("counterpart") else error_field


def _micro_f1(tally: _Tally, topics: list[str] | tuple[str, ...]) -> float:
    totals: Counter[str] = Counter()
    for topic in topics:
        totals.update(tally.topics.get(topic, Counter()))
    return precision_recall_f1(totals["tp"], totals["fp"], totals["fn"])[2]


def _result(tally: _Tally, gold_releases: list[GoldRelease]) -> EvaluationResult:
    scores = {name: _ratio(tally.field_hits[name], tally.field_scored[name], 1.0) for name in FIELD_SCORES}
    people = tally.counterparts
    precision, recall, f1 = precision_recall_f1(people["tp"], people["fp"], people["fn"])
    scores["counterpart_precision"] = precision
    scores["counterpart_recall"] = recall
    scores["counterpart_f1"] = f1
    scores["counterpart_country"] = _ratio(people["country_hits"], people["tp"], 1.0 if not people["fn"] else 0.0)
    order = _topic_order(set(tally.topics))
    scores["topic_f1"] = _micro_f1(tally, order)
    scores["user_topic_f1"] = _micro_f1(tally, USER_TOPICS)
    support: dict[str, int] = {}
    for topic in order:
        counts = tally.topics.get(topic, Counter())
        scores[f"topic_f1_{topic}"] = precision_recall_f1(counts["tp"], counts["fp"], counts["fn"])[2]
        support[topic] = counts["tp"] + counts["fn"]
    doubts = {field: (tally.wrong[field], tally.wrong_doubted[field]) for field in DOUBTED_FIELDS}
    return EvaluationResult(scores=scores, errors=tally.errors, release_count=len(gold_releases),
                            topic_support=support, doubts=doubts, doubted_releases=tally.doubted)
