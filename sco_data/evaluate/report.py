"""The plain-text reports `sco-data evaluate` prints for a gold set."""

from __future__ import annotations

from sco_data.evaluate.gold import ALL, CHECK, FIELD_SCORES, TUNE, EvaluationResult, FieldError

REPORT_LABEL_WIDTH = 26  # wide enough for "  culture_humanitarian" and a gap


def _score_rows(result: EvaluationResult) -> list[tuple[str, str | None]]:
    """The report's rows in order: (label, score name), a None name for a heading or a gap."""
    rows: list[tuple[str, str | None]] = [(label, name) for name, (_, label) in FIELD_SCORES.items()]
    rows += [("", None), ("counterparts", None), ("  precision", "counterpart_precision"),
             ("  recall", "counterpart_recall"), ("  F1", "counterpart_f1"),
             ("  country accuracy", "counterpart_country"), ("", None), ("topics F1", None),
             ("  all (micro)", "topic_f1"), ("  user topics (micro)", "user_topic_f1")]
    rows += [(f"  {name.removeprefix('topic_f1_')}", name) for name in result.scores if name.startswith("topic_f1_")]
    return rows


def _error_lines(errors: list[FieldError]) -> list[str]:
    return [f"  {error}" for error in errors] or ["  none"]


def _doubt_lines(results: list[EvaluationResult]) -> list[str]:
    """Per field: how many wrong values carried a doubt; then the share of releases doubted."""
    width = REPORT_LABEL_WIDTH
    lines = ["", "doubts: wrong values that carry a doubt on their field"]
    for field in results[0].doubts:
        cells = "".join(f"{f'{doubted}/{wrong}':<8}" for wrong, doubted in (result.doubts[field] for result in results))
        lines.append(f"{'  ' + field:<{width}}{cells}".rstrip())
    lines.append(f"{'  all':<{width}}" + "".join(f"{result.doubt_recall:<8.3f}" for result in results).rstrip())
    lines.append(f"{'releases with any doubt':<{width}}"
                 + "".join(f"{result.doubted_share:<8.3f}" for result in results).rstrip())
    return lines


def format_evaluation(result: EvaluationResult) -> str:
    """The plain-text report: field accuracy, counterparts, topics, then every error."""
    width = REPORT_LABEL_WIDTH
    lines = [f"Gold set: {result.release_count} releases", "", f"{'field':<{width}}{'score':<8}gold releases"]
    for label, name in _score_rows(result):
        if name is None:
            lines.append(label)
            continue
        support = result.topic_support.get(name.removeprefix("topic_f1_")) if name.startswith("topic_f1_") else None
        lines.append(f"{label:<{width}}{result.scores[name]:<8.3f}{'' if support is None else support}".rstrip())
    lines += _doubt_lines([result])
    lines += ["", f"errors ({len(result.errors)})", *_error_lines(result.errors)]
    return "\n".join(lines)


def format_parts(results: dict[str, EvaluationResult]) -> str:
    """The report of a split gold set: every score for all, tune and check side by side, then
    the errors of the tune part only (the check part's are counted, never listed, so that no
    rule is written for them)."""
    width = REPORT_LABEL_WIDTH
    counts = ", ".join(f"{part} {results[part].release_count}" for part in (ALL, TUNE, CHECK))
    lines = [f"Gold set split by a hash of each id: {counts} releases", "",
             f"{'score':<{width}}" + "".join(f"{part:<8}" for part in (ALL, TUNE, CHECK))]
    for label, name in _score_rows(results[ALL]):
        lines.append(label if name is None else f"{label:<{width}}" + "".join(
            f"{results[part].scores.get(name, 1.0):<8.3f}" for part in (ALL, TUNE, CHECK)).rstrip())
    lines += _doubt_lines([results[ALL], results[TUNE], results[CHECK]])
    tune, check = results[TUNE].errors, results[CHECK].errors
    lines += ["", f"errors in the tune part ({len(tune)}; the check part has {len(check)}, not listed)",
              *_error_lines(tune)]
    return "\n".join(lines)
