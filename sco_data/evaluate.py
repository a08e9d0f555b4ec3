"""Score the extractor against a gold set of hand-annotated releases (tests/gold/gold.jsonl).

Each gold line names a release file (under `releases/` beside the JSONL) and what a careful
reader extracts from it. `evaluate_gold` parses every file with `parse_release` and compares
field by field; `format_evaluation` turns the result into the plain-text report that
`sco-data evaluate` prints.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sco_data.schema import ENGAGEMENT_TYPES, Release

# Release files live in this folder beside the gold JSONL.
RELEASES_FOLDER = "releases"

GOLD_KEYS = frozenset({"file", "event_date", "engagement_type", "sco_official", "counterparts",
                       "location_city", "topics"})
PERSON_KEYS = frozenset({"name", "title", "country"})

# Scores that are plain per-release accuracies, with the label the report gives them.
FIELD_LABELS: dict[str, str] = {
    "date": "event date",
    "engagement_type": "engagement type",
    "official": "SCO official",
    "city": "location city",
}
COUNTERPART_SCORES = ("counterpart_precision", "counterpart_recall", "counterpart_f1", "counterpart_country")

# Written before a name and not part of it: "Mr Le Yucheng", "H.E. Mr. Khek Sovann",
# "Dato Ahmad Kamil Rahman", "Datuk Nor Hayati Ismail". Repeated honorifics are all removed.
HONORIFIC_PATTERN = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|prof|professor|sir|h\.\s?e|his excellency|her excellency|"
    r"dato['’]?\s?sri|dato['’]?|datuk\s?seri|datuk|tan\s?sri|tun)\.?\s+)+",
    re.IGNORECASE,
)
# Typographic variants that a person would read as the same character.
CHARACTER_VARIANTS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
WHITESPACE = re.compile(r"\s+")

MISSING = "none"  # how an absent value is shown in errors
REPORT_LABEL_WIDTH = 26  # wide enough for "  culture_humanitarian" and a gap

Parser = Callable[..., Release]


@dataclass(frozen=True)
class GoldPerson:
    name: str
    title: str | None
    country: str | None


@dataclass(frozen=True)
class GoldRelease:
    """One annotated line of the gold set."""

    file: str
    event_date: dt.date | None
    engagement_type: str
    sco_official: str | None
    counterparts: tuple[GoldPerson, ...]
    location_city: str | None
    topics: tuple[str, ...]


@dataclass(frozen=True)
class FieldError:
    """One disagreement between the gold set and the extractor."""

    file: str
    field: str
    expected: str
    found: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: expected {self.expected}, found {self.found}"


@dataclass
class EvaluationResult:
    """Scores (0-1) by name, every error, and how many releases were scored."""

    scores: dict[str, float]
    errors: list[FieldError]
    release_count: int
    topic_support: dict[str, int] = field(default_factory=dict)  # gold releases per topic


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
    if set(row) != GOLD_KEYS:
        raise ValueError(f"keys must be exactly {sorted(GOLD_KEYS)}, got {sorted(row)}")
    if row["engagement_type"] not in ENGAGEMENT_TYPES:
        raise ValueError(f"unknown engagement_type {row['engagement_type']!r}")
    people = []
    for person in row["counterparts"]:
        if set(person) != PERSON_KEYS:
            raise ValueError(f"counterpart keys must be exactly {sorted(PERSON_KEYS)}, got {sorted(person)}")
        people.append(GoldPerson(person["name"], person["title"], person["country"]))
    date = dt.date.fromisoformat(row["event_date"]) if row["event_date"] is not None else None
    return GoldRelease(row["file"], date, row["engagement_type"], row["sco_official"], tuple(people),
                       row["location_city"], tuple(row["topics"]))


def normalise_text(value: str | None) -> str | None:
    """Case-, whitespace- and quote-insensitive form of a value, for comparison."""
    if value is None:
        return None
    value = WHITESPACE.sub(" ", value.translate(CHARACTER_VARIANTS)).strip().strip(".,;")
    return value.casefold() or None


def normalise_name(name: str | None) -> str | None:
    """A person's name for comparison: `normalise_text` without leading honorifics."""
    if name is None:
        return None
    return normalise_text(HONORIFIC_PATTERN.sub("", WHITESPACE.sub(" ", name).strip()))


def _show(value: object) -> str:
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
        self.counterparts = Counter()  # tp, fp, fn, country_hits
        self.topics: dict[str, Counter[str]] = {}  # topic -> tp, fp, fn
        self.errors: list[FieldError] = []

    def compare(self, file: str, score: str, field_name: str, expected: object, found: object,
                same: bool) -> None:
        if same:
            self.field_hits[score] += 1
        else:
            self.errors.append(FieldError(file, field_name, _show(expected), _show(found)))


def _score_fields(tally: _Tally, gold: GoldRelease, release: Release) -> None:
    file = gold.file
    tally.compare(file, "date", "event_date", gold.event_date, release.event_date,
                  gold.event_date == release.event_date)
    tally.compare(file, "engagement_type", "engagement_type", gold.engagement_type, release.engagement_type,
                  gold.engagement_type == release.engagement_type)
    tally.compare(file, "official", "sco_official", gold.sco_official, release.sco_official,
                  normalise_name(gold.sco_official) == normalise_name(release.sco_official))
    tally.compare(file, "city", "location_city", gold.location_city, release.location_city,
                  normalise_text(gold.location_city) == normalise_text(release.location_city))


def _score_counterparts(tally: _Tally, gold: GoldRelease, release: Release) -> None:
    found_by_name: dict[str | None, list] = {}
    for person in release.counterparts:
        found_by_name.setdefault(normalise_name(person.name), []).append(person)
    for expected in gold.counterparts:
        candidates = found_by_name.get(normalise_name(expected.name))
        if not candidates:
            tally.counterparts["fn"] += 1
            tally.errors.append(FieldError(gold.file, "counterpart", expected.name, MISSING))
            continue
        found = candidates.pop(0)
        tally.counterparts["tp"] += 1
        if normalise_text(expected.country) == normalise_text(found.country):
            tally.counterparts["country_hits"] += 1
        else:
            tally.errors.append(FieldError(gold.file, f"counterpart_country ({expected.name})",
                                           _show(expected.country), _show(found.country)))
    for leftovers in found_by_name.values():
        for person in leftovers:
            tally.counterparts["fp"] += 1
            tally.errors.append(FieldError(gold.file, "counterpart", MISSING, person.name))


def _score_topics(tally: _Tally, gold: GoldRelease, release: Release) -> None:
    expected, found = set(gold.topics), set(release.topics)
    for topic in expected | found:
        counts = tally.topics.setdefault(topic, Counter())
        counts["tp" if topic in expected and topic in found else "fn" if topic in expected else "fp"] += 1
    if expected != found:
        tally.errors.append(FieldError(gold.file, "topics", ", ".join(gold.topics) or MISSING,
                                       ", ".join(release.topics) or MISSING))


def _topic_order(seen: set[str]) -> list[str]:
    """Taxonomy ids in taxonomy order, then any other id the gold set or extractor used."""
    from sco_data.extract.topics import load_taxonomy

    ids = list(load_taxonomy().ids)
    return ids + sorted(seen - set(ids))


def evaluate_gold(gold_path: Path, parse: Parser | None = None) -> EvaluationResult:
    """Parse every release the gold file lists and score the extraction field by field.

    `parse` defaults to `sco_data.parse_release`; it is called as `parse(text, source=file)`.
    """
    if parse is None:
        from sco_data.extract.release import parse_release as parse
    gold_path = Path(gold_path)
    folder = gold_path.parent / RELEASES_FOLDER
    gold_releases = read_gold(gold_path)
    tally = _Tally()
    for gold in gold_releases:
        release_path = folder / gold.file
        if not release_path.is_file():
            raise FileNotFoundError(f"release {gold.file!r} listed in {gold_path} not found in {folder}")
        release = parse(release_path.read_text(encoding="utf-8"), source=gold.file)
        _score_fields(tally, gold, release)
        _score_counterparts(tally, gold, release)
        _score_topics(tally, gold, release)
    return _result(tally, gold_releases)


def _result(tally: _Tally, gold_releases: list[GoldRelease]) -> EvaluationResult:
    count = len(gold_releases)
    scores = {name: _ratio(tally.field_hits[name], count, 1.0) for name in FIELD_LABELS}
    people = tally.counterparts
    precision, recall, f1 = precision_recall_f1(people["tp"], people["fp"], people["fn"])
    scores["counterpart_precision"] = precision
    scores["counterpart_recall"] = recall
    scores["counterpart_f1"] = f1
    scores["counterpart_country"] = _ratio(people["country_hits"], people["tp"], 1.0 if not people["fn"] else 0.0)
    totals: Counter[str] = Counter()
    for counts in tally.topics.values():
        totals.update(counts)
    scores["topic_f1"] = precision_recall_f1(totals["tp"], totals["fp"], totals["fn"])[2]
    support: dict[str, int] = {}
    for topic in _topic_order(set(tally.topics)):
        counts = tally.topics.get(topic, Counter())
        scores[f"topic_f1_{topic}"] = precision_recall_f1(counts["tp"], counts["fp"], counts["fn"])[2]
        support[topic] = counts["tp"] + counts["fn"]
    return EvaluationResult(scores=scores, errors=tally.errors, release_count=count, topic_support=support)


def format_evaluation(result: EvaluationResult) -> str:
    """The plain-text report: field accuracy, counterparts, topics, then every error."""
    scores = result.scores
    width = REPORT_LABEL_WIDTH
    lines = [f"Gold set: {result.release_count} releases", "", f"{'field':<{width}}accuracy"]
    lines += [f"{label:<{width}}{scores[name]:.3f}" for name, label in FIELD_LABELS.items()]
    lines += ["", "counterparts",
              f"{'  precision':<{width}}{scores['counterpart_precision']:.3f}",
              f"{'  recall':<{width}}{scores['counterpart_recall']:.3f}",
              f"{'  F1':<{width}}{scores['counterpart_f1']:.3f}",
              f"{'  country accuracy':<{width}}{scores['counterpart_country']:.3f}",
              "", f"{'topics':<{width}}{'F1':<8}gold releases",
              f"{'  all (micro)':<{width}}{scores['topic_f1']:.3f}"]
    for name, value in scores.items():
        if name.startswith("topic_f1_"):
            topic = name.removeprefix("topic_f1_")
            lines.append(f"{'  ' + topic:<{width}}{value:<8.3f}{result.topic_support.get(topic, 0)}")
    lines += ["", f"errors ({len(result.errors)})"]
    lines += [f"  {error}" for error in result.errors] or ["  none"]
    return "\n".join(lines)
