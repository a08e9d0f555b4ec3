"""A corrections file as a gold set: each correction that stands is a value an analyst says is
right. `evaluate_corrections` loads the releases without corrections and counts, per field, how
many of those values the extractor now gives itself; the rest stay disagreements.

A check says the analyst read the release and found it right, so it confirms every field the
extractor gives (CORRECTABLE_FIELDS) but those the analyst corrected, which their corrections
score. A check records no values: it confirms what the extractor gives now.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sco_data.corpus.corrected import extraction_agreement
from sco_data.corpus.corrections import Correction, Problem, effective_corrections, read_corrections
from sco_data.corpus.load import load_corpus
from sco_data.evaluate.gold import show
from sco_data.evaluate.report import REPORT_LABEL_WIDTH
from sco_data.extract.topics import load_taxonomy
from sco_data.schema import CHECKED_FIELD, CORRECTABLE_FIELDS


@dataclass
class CorrectionAgreement:
    """How many corrections that stand the extractor now agrees with, per field; how many
    releases are checked and the values their checks confirm, per field; the disagreements, the
    corrections and checks of releases not found, and the rows that are no valid correction."""

    path: Path
    agreed: Counter[str]
    corrected: Counter[str]
    disagreements: list[tuple[Correction, str]]  # with the value extracted
    not_found: list[Correction]
    invalid: tuple[Problem, ...]
    checked: int = 0
    confirmed: Counter[str] = field(default_factory=Counter)


def evaluate_corrections(corrections: Path, paths: list[Path], cache_dir: Path | None = None,
                         use_cache: bool = True) -> CorrectionAgreement:
    """Score the extractor against a corrections file on the releases under `paths`; raises
    CorrectionsFileError for a file that is no corrections file."""
    taxonomy = load_taxonomy()
    read = read_corrections(corrections, taxonomy)
    corpus = load_corpus(paths, cache_dir, corrections=False, use_cache=use_cache, taxonomy=taxonomy)
    result = CorrectionAgreement(Path(corrections), Counter(), Counter(), [], [], read.problems)
    standing = effective_corrections(read.corrections)
    fixes = [correction for correction in standing if correction.field != CHECKED_FIELD]
    fixed: dict[str, set[str]] = {}
    for correction, agrees, extracted in extraction_agreement(corpus, fixes, taxonomy):
        if agrees is None:
            result.not_found.append(correction)
            continue
        fixed.setdefault(correction.release_id, set()).add(correction.field)
        result.corrected[correction.field] += 1
        result.agreed[correction.field] += agrees
        if not agrees:
            result.disagreements.append((correction, extracted))
    found = set(corpus.releases["release_id"])
    for check in (correction for correction in standing if correction.field == CHECKED_FIELD):
        if check.release_id not in found:
            result.not_found.append(check)
            continue
        result.checked += 1
        result.confirmed.update(name for name in CORRECTABLE_FIELDS if name not in fixed.get(check.release_id, ()))
    return result


def format_correction_agreement(result: CorrectionAgreement) -> str:
    """The plain-text report: agreement per field, then each disagreement, release not found
    and invalid row, by line of the file."""
    width = REPORT_LABEL_WIDTH
    confirmed = sum(result.confirmed.values())
    scored = {name: result.corrected[name] + result.confirmed[name] for name in CORRECTABLE_FIELDS}
    agreed = {name: result.agreed[name] + result.confirmed[name] for name in CORRECTABLE_FIELDS}
    lines = [f"Corrections: {result.path.name}, {sum(result.corrected.values())} corrected values and "
             f"{result.checked} checked releases ({confirmed} values their checks confirm) in releases found", "",
             f"{'field':<{width}}extractor agrees"]
    lines += [f"{name:<{width}}{agreed[name]} of {scored[name]}" for name in CORRECTABLE_FIELDS]
    lines += [f"{'all':<{width}}{sum(agreed.values())} of {sum(scored.values())}", "",
              f"disagreements ({len(result.disagreements)})"]
    for correction, shown in sorted(result.disagreements, key=lambda disagreement: disagreement[0].line):
        lines.append(f"  line {correction.line}: {correction.release_id}: {correction.field}: corrected "
                     f"{show(correction.value)}, extracted {show(shown)}"
                     + (f" ({correction.note})" if correction.note else ""))
    lines += [] if result.disagreements else ["  none"]
    if result.not_found:
        lines += ["", f"releases not found ({len(result.not_found)})"]
        lines += [f"  line {c.line}: {c.release_id}: {c.field}"
                  for c in sorted(result.not_found, key=lambda correction: correction.line)]
    if result.invalid:
        lines += ["", f"invalid rows ({len(result.invalid)})"]
        lines += [f"  line {problem.line}: {problem.reason}" for problem in result.invalid]
    return "\n".join(lines)
