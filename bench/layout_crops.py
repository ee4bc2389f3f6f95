"""The amount cells of the layout scan L47 (hard-200, header box) as PP-OCR crop fixtures.

    PYTHONPATH=src .venv/bin/python bench/layout_crops.py

Writes tests/data/crops/L47_*.png and layouts.csv: the crops the pipeline's second reading cuts
(`reread._crop`) from the Pagu and Realisasi columns, each row's truth from the layout truth (table
row r is truth row r - 1) and what Tesseract's page pass put into the cell.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import cv2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from kpu_extract.extract import reread, scan  # noqa: E402

NAME = "L47_laptah_headerbox-hard-200"
OUT = ROOT / "tests" / "data" / "crops"
COLUMNS = {1: "pagu", 2: "realisasi"}
HEADER = ["file", "scan", "class", "page", "table", "row", "col", "dpi", "truth", "tesseract_page"]


def cell_crops(pdf: Path, n_rows: int) -> list[tuple]:
    """(row, col, first reading, crop, dpi) of the money cells, as the second reading sees them."""
    got = []
    second_reading = reread.second_reading

    def spy(gray, dpi, tables, engine):
        got.extend((c.row, c.col, c.text, reread._crop(gray, c.bbox, dpi), dpi)
                   for c in tables[0].cells if c.col in COLUMNS and 1 <= c.row <= n_rows)
        return second_reading(gray, dpi, tables, engine)

    scan.second_reading = spy
    try:
        scan.read_scanned_page(str(pdf), 0, 1)
    finally:
        scan.second_reading = second_reading
    return got


def main() -> int:
    truth = json.loads((ROOT / "corpus/layouts/truth/L47_laptah_headerbox.json").read_text())["realisasi"]
    rows = []
    for r, c, text, crop, dpi in cell_crops(ROOT / f"corpus/layouts/scans/{NAME}.pdf", len(truth)):
        name = f"{NAME}-p1-t0-r{r}-c{c}.png"
        cv2.imwrite(str(OUT / name), crop)
        printed = f"{truth[r - 1][COLUMNS[c]]:,}".replace(",", ".")
        rows.append([name, f"{NAME}.pdf", "layout-hard-200", 1, 0, r, c, round(dpi), printed, text])
    with open(OUT / "layouts.csv", "w", newline="") as fh:
        csv.writer(fh).writerows([HEADER, *rows])
    print(f"{len(rows)} crops")
    return 0


if __name__ == "__main__":
    sys.exit(main())
