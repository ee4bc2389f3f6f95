"""The output contract: one record dataclass and one Arrow schema per dataset.

Column names, order and types follow ../shared/CONTRACT.md (v1). Change only by adding.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import get_args, get_type_hints

import pyarrow as pa

STR, I16, I64, F64, BOOL = pa.string(), pa.int16(), pa.int64(), pa.float64(), pa.bool_()


@dataclass
class DocumentRow:
    doc_id: str
    source_file: str
    satker: str | None
    year: int | None
    doc_type: str
    n_pages: int | None
    n_ocr_pages: int | None
    status: str
    error: str | None
    pipeline_version: str


@dataclass
class _Located:
    """Columns every row of targets, pagu and realisasi starts with."""

    doc_id: str
    satker: str | None
    year: int | None
    doc_type: str
    page: int
    method: str


@dataclass
class TargetRow(_Located):
    sasaran: str | None
    sasaran_raw: str | None
    sasaran_id: str | None
    sasaran_score: float | None
    indikator: str | None
    indikator_raw: str | None
    indikator_id: str | None
    indikator_score: float | None
    kegiatan: str | None
    target_raw: str | None
    target_value: float | None
    target_unit: str | None
    target_grade: str | None
    realisasi_value: float | None
    capaian_pct: float | None
    verified: bool = False  # v1.1: target_value confirmed (text layer, two engines, ...)
    row_id: str | None = None  # v1.1: stable key of this line of this document
    bbox: list[float] | None = None  # v1.1: the target's cell, PDF points, top-left origin


@dataclass
class _BudgetLine(_Located):
    """Columns pagu and realisasi rows share, up to the pagu amount."""

    level: str
    kode: str | None
    program: str | None
    uraian: str
    uraian_raw: str
    uraian_id: str | None
    uraian_score: float | None
    pagu: int


@dataclass
class PaguRow(_BudgetLine):
    pelaksana: str | None
    pelaksana_raw: str | None
    source: str
    verified: bool = False  # v1.1: the amount is what the document prints, by independent evidence
    evidence: str | None = None  # v1.1: '+'-joined EVIDENCE names
    row_id: str | None = None
    bbox: list[float] | None = None


@dataclass
class RealisasiRow(_BudgetLine):
    realisasi: int
    persen_reported: float | None
    persen_computed: float | None
    source: str
    verified: bool = False  # both amounts verified
    evidence: str | None = None
    row_id: str | None = None
    bbox: list[float] | None = None


@dataclass
class ScheduleRow:
    doc_id: str
    satker: str | None
    year: int | None
    page: int
    kegiatan: str
    kegiatan_id: str | None
    month: int
    planned: bool
    detail: str | None


@dataclass
class CheckRow:
    doc_id: str
    check: str
    scope: str
    expected: str | None
    found: str | None
    status: str
    detail: str | None


@dataclass
class ReviewRow:
    doc_id: str
    page: int | None
    dataset: str
    field: str
    raw: str | None
    best_match: str | None
    score: float | None
    reason: str
    row_id: str | None = None  # v1.1: the row concerned, where there is one
    bbox: list[float] | None = None  # v1.1
    detail: str | None = None  # what the reason alone does not say (the other reading, the pages)


@dataclass
class Records:
    """What one document contributes to every dataset but `documents`: one list per dataset."""

    targets: list[TargetRow] = field(default_factory=list)
    pagu: list[PaguRow] = field(default_factory=list)
    realisasi: list[RealisasiRow] = field(default_factory=list)
    schedule: list[ScheduleRow] = field(default_factory=list)
    checks: list[CheckRow] = field(default_factory=list)
    review: list[ReviewRow] = field(default_factory=list)

    def __getitem__(self, dataset: str) -> list:
        return getattr(self, dataset)


# The datasets, in the order they are written: derived from the record types, written nowhere else.
ROW_TYPES = {"documents": DocumentRow, **{name: get_args(hint)[0] for name, hint in get_type_hints(Records).items()}}
DATASETS = tuple(ROW_TYPES)

_ARROW_TYPES = {
    "year": I16, "page": I16, "month": I16, "n_pages": pa.int32(), "n_ocr_pages": pa.int32(),
    "pagu": I64, "realisasi": I64, "planned": BOOL,
    "sasaran_score": F64, "indikator_score": F64, "uraian_score": F64, "score": F64,
    "target_value": F64, "realisasi_value": F64, "capaian_pct": F64,
    "persen_reported": F64, "persen_computed": F64, "verified": BOOL, "bbox": pa.list_(F64, 4),
}
# Evidence names of CONTRACT v1.1, in the order `evidence` lists them.
EVIDENCE = ("text_layer", "two_engines", "sum", "restated", "reviewer")


def _schema(row_type) -> pa.Schema:
    return pa.schema([pa.field(f.name, _ARROW_TYPES.get(f.name, STR)) for f in fields(row_type)])


SCHEMAS: dict[str, pa.Schema] = {name: _schema(rt) for name, rt in ROW_TYPES.items()}


def rows_to_table(dataset: str, rows: list) -> pa.Table:
    """Records of one dataset -> an Arrow table with the contract schema (empty tables keep it)."""
    return pa.Table.from_pylist([asdict(r) for r in rows], schema=SCHEMAS[dataset])
