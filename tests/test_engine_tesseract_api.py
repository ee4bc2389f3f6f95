"""Tesseract through tesserocr (one loaded API) reads exactly what the CLI path reads."""

from __future__ import annotations

import csv
from pathlib import Path

import cv2
import pytest

from kpu_extract.extract import raster
from kpu_extract.extract.engines.base import AMOUNT_CHARSET, CropText
from kpu_extract.extract.engines.tesseract_api import TesseractApiEngine
from kpu_extract.extract.engines.tesseract import TesseractEngine

ROOT = Path(__file__).resolve().parents[1]
CROPS = ROOT / "tests" / "data" / "crops"


@pytest.fixture(scope="module")
def engine():
    return TesseractApiEngine()


def test_page_words_equal_the_cli(engine):
    gray, dpi = raster.render_page(str(ROOT / "corpus" / "scans" / "rak_kab_tabanan_2023-hard-200.pdf"), 0)
    gray = raster.clean_page(gray)
    words = engine.page_words(gray, dpi)
    assert len(words) > 50 and words == TesseractEngine().page_words(gray, dpi)


def test_read_crops_whitelist_and_blank(engine):
    rows = list(csv.DictReader((CROPS / "truth.csv").open()))[:8]
    crops = [cv2.imread(str(CROPS / r["file"]), cv2.IMREAD_GRAYSCALE) for r in rows]
    out = engine.read_crops(crops + [crops[0][:0]], 200, AMOUNT_CHARSET)
    assert len(out) == 9 and out[-1] == CropText("", 0.0)
    assert all(set(o.text) <= set(AMOUNT_CHARSET) | {" "} for o in out)
    assert sum(any(ch.isdigit() for ch in o.text) for o in out[:-1]) >= 6
    assert engine.read_crops([], 200) == []


def test_read_crops_equal_the_cli_strips(engine):
    """The same stacked strips as the CLI engine: the same readings, crop by crop."""
    rows = list(csv.DictReader((CROPS / "truth.csv").open()))[:24]
    crops = [cv2.imread(str(CROPS / r["file"]), cv2.IMREAD_GRAYSCALE) for r in rows]
    assert engine.read_crops(crops, 200, AMOUNT_CHARSET) == TesseractEngine().read_crops(crops, 200, AMOUNT_CHARSET)
