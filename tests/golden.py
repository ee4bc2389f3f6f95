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


# ---- OCR: numbers exact, text within a named tolerance ----------------------------------------

# OCR text counts as the same when its folded token-set similarity reaches this (0-100).
OCR_TEXT_MIN = 80
# What must match exactly for an OCR row to count as recovered; the rest is text within OCR_TEXT_MIN.
OCR_EXACT = {
    "pagu": ("level", "pagu"),
    "targets": ("target_value", "target_unit", "target_grade"),
    "schedule": ("month", "planned"),
}
OCR_TEXT = {"pagu": ("uraian",), "targets": ("sasaran", "indikator", "kegiatan"), "schedule": ("kegiatan",)}


def _similar(a: str | None, b: str | None) -> bool:
    from rapidfuzz import fuzz

    if a is None or b is None:
        return a is None and b is None
    return fuzz.token_set_ratio(fold(a), fold(b)) >= OCR_TEXT_MIN


def recovery(dataset: str, found_rows: list, truth_rows: list[dict]) -> tuple[int, list, list]:
    """(truth rows recovered, missing truth rows, invented found rows).

    A truth row is recovered by a found row equal on OCR_EXACT fields and similar on OCR_TEXT
    fields (one to one). A found row is invented when no truth row is even similar on OCR_TEXT
    fields: a misread value is a miss, not an invention."""
    found = [asdict(r) for r in found_rows]
    used: set[int] = set()
    missing = []
    for t in truth_rows:
        hit = next((i for i, f in enumerate(found) if i not in used
                    and all(f[k] == t[k] for k in OCR_EXACT[dataset])
                    and all(_similar(f[k], t[k]) for k in OCR_TEXT[dataset])), None)
        if hit is None:
            missing.append(t)
        else:
            used.add(hit)
    invented = [f for i, f in enumerate(found) if i not in used and not any(
        all(_similar(f[k], t[k]) for k in OCR_TEXT[dataset]) for t in truth_rows)]
    return len(truth_rows) - len(missing), missing, invented
