"""Borderless digital tables: camelot stream vs pdfplumber's text strategy on the layout corpus.

    PYTHONPATH=src python bench/bench_borderless.py

For every digital layout document that is not fully ruled: the share of its truth amounts (pagu
and realisasi) that stand alone in one cell of the tables the finder returns, and seconds per page.
"""
from __future__ import annotations

import json
import time
import warnings
from pathlib import Path

import pdfplumber

from kpu_extract.normalize.values import UnparsedValue, parse_rupiah

LAYOUTS = Path(__file__).resolve().parents[1] / "corpus" / "layouts"
PLUMBER_TEXT = {"vertical_strategy": "text", "horizontal_strategy": "text", "snap_tolerance": 3,
                "intersection_tolerance": 3}


def _amounts(cells) -> set[int]:
    out = set()
    for c in cells:
        try:
            v = parse_rupiah((c or "").strip())
        except UnparsedValue:
            continue
        if v:
            out.add(v)
    return out


def plumber(path: Path) -> set[int]:
    with pdfplumber.open(path) as pdf:
        return _amounts(c for p in pdf.pages for t in p.extract_tables(PLUMBER_TEXT) for row in t for c in row)


def camelot_stream(path: Path) -> set[int]:
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = camelot.read_pdf(str(path), pages="all", flavor="stream")
    return _amounts(c for t in tables for row in t.df.values.tolist() for c in row)


def main() -> None:
    for name, finder in (("pdfplumber text", plumber), ("camelot stream", camelot_stream)):
        found = total = pages = 0
        t0 = time.perf_counter()
        for truth_path in sorted((LAYOUTS / "truth").glob("*.json")):
            truth = json.loads(truth_path.read_text())
            if truth["layout"]["class"] == "grid":
                continue
            want = [r["pagu"] for r in truth["pagu"]] + [r["realisasi"] for r in truth["realisasi"]]
            got = finder(LAYOUTS / f"{truth_path.stem}.pdf")
            found += sum(1 for a in want if a in got)
            total += len(want)
            pages += truth["document"]["n_pages"]
        dt = time.perf_counter() - t0
        print(f"{name:16} amounts in one cell {found}/{total} = {found / total:.3f}; {dt / pages:.3f} s/page")


if __name__ == "__main__":
    main()
