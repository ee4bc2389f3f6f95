"""Drafts: what tables and sentences say, before merging, vocabulary and document metadata.

Every reader of the document (tables.py, narrative.py) produces these; document.py merges
restated lines, runs the checks, maps text to the vocabulary and writes the contract rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .reasons import Check, Reason, Status


@dataclass
class TargetDraft:
    page: int
    sasaran: str
    indikator: str
    kegiatan: str | None
    target_raw: str
    realisasi_raw: str | None = None
    capaian_raw: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # the target's cell
    conf: float = 100.0  # OCR confidence of the target's cell (100 on a text layer)
    second: str | None = None  # the second OCR engine's reading of the target cell
    row_id: str | None = None  # stable key of its row (records.assign_row_ids)
    reviewed: bool = False  # a person accepted or set its value (decisions.py)


@dataclass
class BudgetDraft:
    """One budget line: a pagu, and a realisasi where the source gives one."""

    page: int
    level: str
    uraian: str
    pagu: int | None
    source: str  # 'table' or 'narrative'
    kode: str | None = None
    program: str | None = None
    realisasi: int | None = None
    persen_reported: float | None = None
    pelaksana_raw: str | None = None
    table_key: tuple | None = None  # which table and row it came from (for checks and review)
    # Vocabulary field the uraian is matched against: a row whose one amount covers several
    # kegiatan is named by its sasaran.
    uraian_field: str = "kegiatan"
    bbox: tuple[float, float, float, float] | None = None  # the pagu's cell; None from a sentence
    # What confirms each amount ('pagu', 'realisasi'): evidence names of CONTRACT v1.1.
    evidence: dict[str, set[str]] = field(default_factory=dict)
    # Readings of an OCR'd amount that were not kept (the other engine's, the other pass's).
    alternatives: dict[str, list[int]] = field(default_factory=dict)
    # The second engine's text of an amount where it read something that is no amount.
    unparsed_readings: dict[str, str] = field(default_factory=dict)
    row_id: str | None = None  # stable key of its row (records.assign_row_ids)


@dataclass
class ScheduleDraft:
    page: int
    kegiatan: str
    months: dict[int, str]  # planned month -> detail as written
    kind: str  # 'monthly' or 'quarterly'


@dataclass
class ReviewDraft:
    page: int | None
    dataset: str
    field: str
    raw: str | None
    reason: Reason
    best_match: str | None = None
    score: float | None = None
    detail: str | None = None
    subject: BudgetDraft | TargetDraft | None = None  # the draft whose row the review concerns


@dataclass
class CheckDraft:
    """One check's outcome. `line` and `field` name the value in doubt when it fails (for review)."""

    check: Check
    scope: str
    expected: str | None
    found: str | None
    status: Status
    detail: str | None = None
    line: BudgetDraft | None = None
    field: str | None = None
    doubt: tuple[BudgetDraft, ...] = ()  # the values a failed check puts in doubt (review each)


@dataclass
class Drafts:
    targets: list[TargetDraft] = field(default_factory=list)
    budget: list[BudgetDraft] = field(default_factory=list)
    schedule: list[ScheduleDraft] = field(default_factory=list)
    review: list[ReviewDraft] = field(default_factory=list)
    checks: list[CheckDraft] = field(default_factory=list)

    def extend(self, other: "Drafts") -> None:
        for name in ("targets", "budget", "schedule", "review", "checks"):
            getattr(self, name).extend(getattr(other, name))
