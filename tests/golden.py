"""Compare pipeline rows with truth rows as multisets of the fields the truth pins."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict

FIELDS = {
    "pagu": ("page", "level", "kode", "program", "uraian", "pagu", "pelaksana", "source"),
    "realisasi": ("page", "level", "kode", "program", "uraian", "pagu", "realisasi", "persen_reported", "source"),
    "targets": ("page", "sasaran", "indikator", "kegiatan", "target_raw", "target_value", "target_unit",
                "target_grade", "realisasi_value", "capaian_pct"),
    "schedule": ("page", "kegiatan", "month", "planned", "detail"),
}


# Text is compared up to case and spacing: the vocabulary's canonical form may capitalise
# 'Pembentukan/Seleksi' where one document prints 'Pembentukan/seleksi'. Numbers are exact.
TEXT_FIELDS = {"uraian", "sasaran", "indikator", "kegiatan", "program", "pelaksana"}


def fold(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s*/\s*", "/", " ".join(text.split())).casefold()


def _key(row: dict, fields: tuple[str, ...]) -> tuple:
    return tuple(fold(row[f]) if f in TEXT_FIELDS else round(row[f], 2) if isinstance(row[f], float) else row[f]
                 for f in fields)


def diff(dataset: str, found_rows: list, truth_rows: list[dict], fields: tuple[str, ...] | None = None) -> str:
    """'' when equal, else a readable list of missing and unexpected rows."""
    fields = fields or FIELDS[dataset]
    found = Counter(_key(asdict(r), fields) for r in found_rows)
    truth = Counter(_key(r, fields) for r in truth_rows)
    missing, extra = truth - found, found - truth
    if not missing and not extra:
        return ""
    lines = [f"{dataset}: {sum(missing.values())} missing, {sum(extra.values())} unexpected ({fields})"]
    lines += [f"  - missing    {k}" for k in sorted(missing, key=str)]
    lines += [f"  + unexpected {k}" for k in sorted(extra, key=str)]
    return "\n".join(lines)
