"""Scoring the extractor: against gold sets of hand-annotated releases (`gold`), the plain-text
reports of them (`report`), and against an analyst's corrections file (`corrections`)."""

from sco_data.evaluate.corrections import CorrectionAgreement, evaluate_corrections, format_correction_agreement
from sco_data.evaluate.gold import (
    ALL,
    CHECK,
    TUNE,
    EvaluationResult,
    FieldError,
    GoldRelease,
    evaluate_gold,
    evaluate_parts,
    normalise_name,
    precision_recall_f1,
    read_gold,
    read_text,
    split_parts,
)
from sco_data.evaluate.report import format_evaluation, format_parts

__all__ = ["ALL", "CHECK", "TUNE", "CorrectionAgreement", "EvaluationResult", "FieldError", "GoldRelease",
           "evaluate_corrections", "evaluate_gold", "evaluate_parts", "format_correction_agreement",
           "format_evaluation", "format_parts", "normalise_name", "precision_recall_f1", "read_gold", "read_text",
           "split_parts"]
