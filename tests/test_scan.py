"""The OCR path end to end with the real Tesseract (no mocks) on a small generated scanned table."""

from __future__ import annotations

import importlib.util
import random
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A5, landscape
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.lib.styles import getSampleStyleSheet

from kpu_extract.extract.scan import read_scanned_page

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed (make sysdeps)"),
]


def _make_scans():
    spec = importlib.util.spec_from_file_location("make_scans", ROOT / "corpus" / "make_scans.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def budget_pdf(path: Path, seed: int = 7) -> list[list[str]]:
    """A one-page Uraian | Pagu | Realisasi | % table with a merged header; returns its body rows."""
    rng = random.Random(seed)
    uraian = ["Perencanaan dan Penganggaran", "Sosialisasi Tahapan", "Sarana IT Pemilu",
              "Penyusunan Peraturan", "Dokumentasi Produk Hukum", "Layanan Informasi"]
    body = []
    for i, name in enumerate(uraian, 1):
        pagu = rng.randrange(1_000, 900_000) * 1000
        real = pagu * rng.randrange(60, 100) // 100
        body.append([str(i), name, f"{pagu:,}".replace(",", "."), f"{real:,}".replace(",", "."),
                     f"{100 * real / pagu:.2f}%".replace(".", ",")])
    data = [["NO", "URAIAN", "ANGGARAN", "", ""], ["", "", "PAGU", "REALISASI", "%"]] + body
    table = Table(data, colWidths=[28, 170, 85, 85, 50])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, colors.black), ("SPAN", (2, 0), (4, 0)),
                               ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
                               ("FONT", (0, 0), (-1, -1), "Helvetica", 9), ("ALIGN", (2, 2), (-1, -1), "RIGHT")]))
    title = Paragraph("REALISASI ANGGARAN KPU KABUPATEN SERANG 2023", getSampleStyleSheet()["Heading3"])
    SimpleDocTemplate(str(path), pagesize=landscape(A5), invariant=1).build([title, table])
    return body


@pytest.fixture(scope="module", params=["normal-300", "hard-200"])
def scanned(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp(request.param)
    body = budget_pdf(tmp / "budget.pdf")
    make_scans = _make_scans()
    out = make_scans.make_variant(tmp / "budget.pdf", make_scans.VARIANTS[request.param], tmp)
    return read_scanned_page(str(out), 0, 1), body


def test_every_amount_read_exactly(scanned):
    page, body = scanned
    assert page.method == "ocr" and len(page.tables) == 1
    table = page.tables[0]
    got = {(r, c): text for r, row in enumerate(table.rows) for c, text in enumerate(row)}
    for i, row in enumerate(body):
        for col in (2, 3):
            assert got[(i + 2, col)] == row[col], f"row {i + 2} col {col}"


def test_table_shape_and_merged_header(scanned):
    page, body = scanned
    table = page.tables[0]
    assert (table.n_rows, table.n_cols) == (len(body) + 2, 5)
    assert table.rows[0][3] is None and table.rows[0][4] is None  # covered by ANGGARAN
    header = next(c for c in table.cells if (c.row, c.col) == (0, 2))
    assert (header.col_span, header.text) == (3, "ANGGARAN")
    assert [row[1] for row in table.rows[2:]] == [row[1] for row in body]


def test_running_text_and_words(scanned):
    page, _ = scanned
    assert "REALISASI ANGGARAN" in page.text and "1.000" not in page.text
    assert page.words and all(0 <= w.x0 < w.x1 <= page.width for w in page.words)
    assert np.mean([w.conf for w in page.words]) > 70
