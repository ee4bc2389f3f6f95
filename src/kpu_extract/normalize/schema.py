"""The output contract: one record dataclass and one Arrow schema per dataset.

Column names, order and types follow ../shared/CONTRACT.md (v1). Change only by adding.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

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


@dataclass
class RealisasiRow(_BudgetLine):
    realisasi: int
    persen_reported: float | None
    persen_computed: float | None
    source: str


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


ROW_TYPES = {
    "documents": DocumentRow,
    "targets": TargetRow,
    "pagu": PaguRow,
    "realisasi": RealisasiRow,
    "schedule": ScheduleRow,
    "checks": CheckRow,
    "review": ReviewRow,
}
DATASETS = tuple(ROW_TYPES)

_ARROW_TYPES = {
    "year": I16, "page": I16, "month": I16, "n_pages": pa.int32(), "n_ocr_pages": pa.int32(),
    "pagu": I64, "realisasi": I64, "planned": BOOL,
    "sasaran_score": F64, "indikator_score": F64, "uraian_score": F64, "score": F64,
    "target_value": F64, "realisasi_value": F64, "capaian_pct": F64,
    "persen_reported": F64, "persen_computed": F64,
}


def _schema(row_type) -> pa.Schema:
    return pa.schema([pa.field(f.name, _ARROW_TYPES.get(f.name, STR)) for f in fields(row_type)])


SCHEMAS: dict[str, pa.Schema] = {name: _schema(rt) for name, rt in ROW_TYPES.items()}


def rows_to_table(dataset: str, rows: list) -> pa.Table:
    """Records of one dataset -> an Arrow table with the contract schema (empty tables keep it)."""
    return pa.Table.from_pylist([asdict(r) for r in rows], schema=SCHEMAS[dataset])
