"""A corrections file as a gold set: each correction that stands is a value an analyst says is
right. `evaluate_corrections` loads the releases without corrections and counts, per field, how
many of those values the extractor now gives itself; the rest stay disagreements."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sco_data.corpus.corrected import extraction_agreement
from sco_data.corpus.corrections import Correction, Problem, effective_corrections, read_corrections
from sco_data.corpus.load import load_corpus
from sco_data.evaluate.gold import show
from sco_data.evaluate.report import REPORT_LABEL_WIDTH
from sco_data.extract.topics import load_taxonomy
from sco_data.schema import CORRECTABLE_FIELDS


@dataclass
class CorrectionAgreement:
    """How many corrections that stand the extractor now agrees with, per field; the rest, the
    corrections of releases not found, and the rows that are no valid correction."""

    path: Path
    agreed: Counter[str]
    corrected: Counter[str]
    disagreements: list[tuple[Correction, str]]  # with the value extracted
    not_found: list[Correction]
    invalid: tuple[Problem, ...]


def evaluate_corrections(corrections: Path, paths: list[Path], cache_dir: Path | None = None,
                         use_cache: bool = True) -> CorrectionAgreement:
    """Score the extractor against a corrections file on the releases under `paths`; raises
    CorrectionsFileError for a file that is no corrections file."""
    taxonomy = load_taxonomy()
    read = read_corrections(corrections, taxonomy)
    corpus = load_corpus(paths, cache_dir, corrections=False, use_cache=use_cache, taxonomy=taxonomy)
    result = CorrectionAgreement(Path(corrections), Counter(), Counter(), [], [], read.problems)
    for correction, agrees, extracted in extraction_agreement(corpus, effective_corrections(read.corrections),
                                                              taxonomy):
        if agrees is None:
            result.not_found.append(correction)
            continue
        result.corrected[correction.field] += 1
        result.agreed[correction.field] += agrees
        if not agrees:
            result.disagreements.append((correction, extracted))
    return result


def format_correction_agreement(result: CorrectionAgreement) -> str:
    """The plain-text report: agreement per field, then each disagreement, release not found
    and invalid row, by line of the file."""
    width = REPORT_LABEL_WIDTH
    total, agreed = sum(result.corrected.values()), sum(result.agreed.values())
    lines = [f"Corrections: {result.path.name}, {total} corrected values in releases found", "",
             f"{'field':<{width}}extractor agrees"]
    lines += [f"{name:<{width}}{result.agreed[name]} of {result.corrected[name]}" for name in CORRECTABLE_FIELDS]
    lines += [f"{'all':<{width}}{agreed} of {total}", "", f"disagreements ({len(result.disagreements)})"]
    for correction, shown in sorted(result.disagreements, key=lambda disagreement: disagreement[0].line):
        lines.append(f"  line {correction.line}: {correction.release_id}: {correction.field}: corrected "
                     f"{show(correction.value)}, extracted {show(shown)}"
                     + (f" ({correction.note})" if correction.note else ""))
    lines += [] if result.disagreements else ["  none"]
    if result.not_found:
        lines += ["", f"releases not found ({len(result.not_found)})"]
        lines += [f"  line {c.line}: {c.release_id}: {c.field}" for c in result.not_found]
    if result.invalid:
        lines += ["", f"invalid rows ({len(result.invalid)})"]
        lines += [f"  line {problem.line}: {problem.reason}" for problem in result.invalid]
    return "\n".join(lines)
