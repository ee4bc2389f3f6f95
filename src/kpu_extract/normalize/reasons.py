"""The names of every check and every review reason: one place, so analysts can group by them.

Details (which page says what) go in their own `detail` field, never into the name.
"""

from __future__ import annotations

from enum import StrEnum


class Check(StrEnum):
    """Checks the pipeline runs (the `check` column of `checks`)."""

    SUM_CHILDREN = "sum_children"  # a parent line against the sum of its children
    PERSEN = "persen"  # a printed percent against realisasi / pagu
    PROGRAM_TOTAL = "program_total"  # a total (or all kegiatan) against the programs
    TABLE_VS_NARRATIVE = "table_vs_narrative"  # a table line against a sentence stating it
    TABLE_VS_TABLE = "table_vs_table"  # the same line in two tables
    RAK_MONTHLY_VS_QUARTERLY = "rak_monthly_vs_quarterly"  # a RAK line in its monthly and quarterly table
    NARRATIVE_VS_NARRATIVE = "narrative_vs_narrative"  # a line stated in two sentences
    OCR_READINGS = "ocr_readings"  # an OCR'd amount the engines read differently: which reading won, and why
    UNIT_SCALE = "unit_scale"  # a money column printed in thousands or millions of Rupiah, multiplied to Rupiah


class Status(StrEnum):
    OK = "ok"
    MISMATCH = "mismatch"
    CORRECTED = "corrected"


_BASE_REASONS = {
    "BELOW_THRESHOLD": "below_threshold",  # text matched no vocabulary term well enough
    "UNPARSED_AMOUNT": "unparsed_amount",
    "UNPARSED_PERCENT": "unparsed_percent",
    "UNPARSED_SCHEDULE": "unparsed_schedule",
    "TABLE_WITHOUT_HEADER": "table_without_header",  # a table holding amounts whose header was not recognised
    "IMPLAUSIBLE_AMOUNT": "implausible_amount",  # an OCR'd amount below 1.000 Rupiah: noise, not a budget line
    "IMPLAUSIBLE_PERCENT": "implausible_percent",  # an OCR'd Persentase target over 100 a misread '%' explains
    "NOISE_LABEL": "noise_label",  # an OCR'd row whose label holds no word
    "STALE_DECISION": "stale_decision",  # a reviewer decision that could not be applied (its row is gone)
}
# Review reasons: the base ones, and `<check>_mismatch` for every check.
Reason = StrEnum("Reason", {**_BASE_REASONS, **{f"{c.name}_MISMATCH": f"{c.value}_mismatch" for c in Check}})


def mismatch_reason(check: Check) -> Reason:
    """The review reason of a failed check."""
    return Reason(f"{Check(check).value}_mismatch")
