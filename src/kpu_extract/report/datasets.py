"""Read the datasets of an output folder, one document at a time.

The report reads only what `kpu-extract run` wrote (DIR/<dataset>.parquet, per the contract in
normalize/schema.py). Columns added in contract v1.1 (`row_id`, `bbox`, `verified`, `evidence`)
are used when present; outputs written before them load the same way, with those values None.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import NotAnOutputFolder
from ..normalize.schema import DATASETS

# Datasets whose rows locate a value on a page (and may carry bbox/row_id/verified).
VALUE_DATASETS = ("pagu", "realisasi", "targets")
# The amount or target each value dataset's bbox points at.
VALUE_FIELD = {"pagu": "pagu", "realisasi": "realisasi", "targets": "target_value"}


@dataclass
class Batch:
    """Every dataset of one output folder, grouped by doc_id (records are plain dicts, NaN -> None)."""

    folder: Path
    documents: list[dict]
    by_doc: dict[str, dict[str, list[dict]]]

    def rows(self, doc_id: str, dataset: str) -> list[dict]:
        return self.by_doc.get(doc_id, {}).get(dataset, [])


def folder_to_batch(folder: Path) -> Batch:
    """Load DIR/<dataset>.parquet; NotAnOutputFolder when DIR has no documents dataset."""
    if not (folder / "documents.parquet").exists():
        raise NotAnOutputFolder(f"{folder} holds no documents.parquet; run `kpu-extract run INPUT --out {folder}` "
                                "first, then `kpu-extract report` on that folder")
    by_doc: dict[str, dict[str, list[dict]]] = {}
    documents: list[dict] = []
    for name in DATASETS:
        path = folder / f"{name}.parquet"
        records = _records(pd.read_parquet(path)) if path.exists() else []
        if name == "documents":
            documents = records
            continue
        for rec in records:
            by_doc.setdefault(rec["doc_id"], {}).setdefault(name, []).append(rec)
    return Batch(folder=folder, documents=documents, by_doc=by_doc)


# Integer columns that arrive as float64 when a dataset holds a null in them (review.page).
_INTEGERS = ("page", "year", "n_pages", "n_ocr_pages", "month")


def _records(frame: pd.DataFrame) -> list[dict]:
    records = [{k: _plain(v) for k, v in rec.items()} for rec in frame.to_dict("records")]
    for rec in records:
        for key in _INTEGERS:
            if isinstance(rec.get(key), float):
                rec[key] = int(rec[key])
    return records


def _plain(value):
    """Parquet values as plain Python: NaN/NA -> None, numpy scalars -> int/float, arrays -> lists."""
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "tolist"):  # numpy scalars and arrays (a bbox list arrives as an ndarray)
        value = value.tolist()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def bbox_of(row: dict) -> tuple[float, float, float, float] | None:
    """A row's `bbox` as four floats, or None when the column is absent, null or malformed."""
    box = row.get("bbox")
    if box is None or len(box) != 4 or any(v is None or v != v for v in box):
        return None
    x0, y0, x1, y1 = (float(v) for v in box)
    return (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else None
