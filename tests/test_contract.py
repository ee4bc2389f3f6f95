"""The output contract (../shared/CONTRACT.md v1 + v1.1 additions): every dataset's columns and Arrow types."""

import pyarrow as pa
import pytest

from kpu_extract.normalize.schema import SCHEMAS, rows_to_table

S, I16, I64, F64, B = pa.string(), pa.int16(), pa.int64(), pa.float64(), pa.bool_()
BBOX = pa.list_(F64, 4)
# v1.1 additions, appended after the v1 columns (the contract changes only by adding).
PROVENANCE = [("row_id", S), ("bbox", BBOX)]
COMMON = [("doc_id", S), ("satker", S), ("year", I16), ("doc_type", S), ("page", I16), ("method", S)]
CONTRACT = {
    "documents": [("doc_id", S), ("source_file", S), ("satker", S), ("year", I16), ("doc_type", S),
                  ("n_pages", pa.int32()), ("n_ocr_pages", pa.int32()), ("status", S), ("error", S),
                  ("pipeline_version", S)],
    "targets": COMMON + [("sasaran", S), ("sasaran_raw", S), ("sasaran_id", S), ("sasaran_score", F64),
                         ("indikator", S), ("indikator_raw", S), ("indikator_id", S), ("indikator_score", F64),
                         ("kegiatan", S), ("target_raw", S), ("target_value", F64), ("target_unit", S),
                         ("target_grade", S), ("realisasi_value", F64), ("capaian_pct", F64),
                         ("verified", B)] + PROVENANCE,
    "pagu": COMMON + [("level", S), ("kode", S), ("program", S), ("uraian", S), ("uraian_raw", S),
                      ("uraian_id", S), ("uraian_score", F64), ("pagu", I64), ("pelaksana", S),
                      ("pelaksana_raw", S), ("source", S), ("verified", B), ("evidence", S)] + PROVENANCE,
    "realisasi": COMMON + [("level", S), ("kode", S), ("program", S), ("uraian", S), ("uraian_raw", S),
                           ("uraian_id", S), ("uraian_score", F64), ("pagu", I64), ("realisasi", I64),
                           ("persen_reported", F64), ("persen_computed", F64), ("source", S),
                           ("verified", B), ("evidence", S)] + PROVENANCE,
    "schedule": [("doc_id", S), ("satker", S), ("year", I16), ("page", I16), ("kegiatan", S),
                 ("kegiatan_id", S), ("month", I16), ("planned", B), ("detail", S)],
    "checks": [("doc_id", S), ("check", S), ("scope", S), ("expected", S), ("found", S), ("status", S),
               ("detail", S)],
    "review": [("doc_id", S), ("page", I16), ("dataset", S), ("field", S), ("raw", S), ("best_match", S),
               ("score", F64), ("reason", S)] + PROVENANCE + [("detail", S)],
}


@pytest.mark.parametrize("dataset", sorted(CONTRACT))
def test_schema_matches_contract(dataset):
    schema = SCHEMAS[dataset]
    assert [(f.name, f.type) for f in schema] == CONTRACT[dataset]


def test_no_dataset_outside_contract():
    assert set(SCHEMAS) == set(CONTRACT)


@pytest.mark.parametrize("dataset", sorted(CONTRACT))
def test_empty_dataset_keeps_schema(dataset):
    assert rows_to_table(dataset, []).schema == SCHEMAS[dataset]
