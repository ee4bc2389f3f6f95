"""Tesseract through its C API (`tesserocr`), one loaded model per engine instance.

The CLI path (`ocr.page_words`) starts a `tesseract` process and loads `ind+eng` on every call;
here the model loads once and the page buffer goes in as raw bytes (no PNG/PGM, no PIL).
tesserocr 2.13.0 is built from source against Debian's libtesseract 5.3.0 (the PyPI wheel
bundles its own 5.5.4, which would not read like the CLI): `apt-get install libtesseract-dev
libleptonica-dev pkg-config`, then `pip install --no-binary tesserocr tesserocr==2.13.0`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from kpu_extract.errors import OcrUnavailable
from kpu_extract.extract.engines.base import CropText
from kpu_extract.extract.model import Word

LANG = "ind+eng"
PAGE_PSM = 11  # as ocr.PSM
CROP_PSM = 6  # as ocr.MONEY_PSM


class TesseractApiEngine:
    """Tesseract 5 with one loaded `PyTessBaseAPI`; the same TSV words as the CLI."""

    name = "tesseract-api"

    def __init__(self, *, lang: str = LANG, page_psm: int = PAGE_PSM, crop_psm: int = CROP_PSM) -> None:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # before libtesseract starts OpenMP
        try:
            import tesserocr
        except ImportError as exc:
            raise OcrUnavailable("tesserocr is not installed; see engines/tesseract_api.py") from exc
        self._api = tesserocr.PyTessBaseAPI(lang=lang, psm=page_psm)
        self._page_psm, self._crop_psm = page_psm, crop_psm

    def close(self) -> None:
        self._api.End()

    def page_words(self, image: np.ndarray, dpi: float) -> list[Word]:
        """Words of a gray page image with boxes in PDF points (top-left origin) and confidence."""
        self._set_image(image, dpi, self._page_psm, "")
        scale = 72.0 / dpi
        words = []
        for text, conf, (x, y, w, h) in _tsv_words(self._api.GetTSVText(0)):
            words.append(Word(text=text, x0=x * scale, top=y * scale, x1=(x + w) * scale,
                              bottom=(y + h) * scale, conf=conf))
        return words

    def read_crops(self, crops: Sequence[np.ndarray], dpi: float, charset: str | None = None) -> list[CropText]:
        """Each crop on its own (psm 6, `charset` as the whitelist), all with the one loaded model."""
        out = []
        for crop in crops:
            if crop.size == 0:
                out.append(CropText("", 0.0))
                continue
            self._set_image(crop, dpi, self._crop_psm, charset or "")
            found = list(_tsv_words(self._api.GetTSVText(0)))
            text = " ".join(t for t, _, _ in found)
            conf = round(sum(c for _, c, _ in found) / len(found), 1) if found else 0.0
            out.append(CropText(text, conf))
        return out

    def _set_image(self, image: np.ndarray, dpi: float, psm: int, whitelist: str) -> None:
        image = np.ascontiguousarray(image, dtype=np.uint8)
        h, w = image.shape
        self._api.SetPageSegMode(psm)
        self._api.SetVariable("tessedit_char_whitelist", whitelist)
        self._api.SetImageBytes(image.tobytes(), w, h, 1, w)
        self._api.SetSourceResolution(int(dpi))


def _tsv_words(tsv: str):
    """(text, conf, (left, top, width, height)) of each word line (level 5) of Tesseract's TSV.

    The API's TSV has fractional confidences ('96.537086'); the CLI's TSV truncates them to
    integers, and the pipeline's thresholds were measured on those, so they are truncated here too.
    """
    for line in tsv.splitlines():
        f = line.split("\t")
        if len(f) == 12 and f[0] == "5" and f[11].strip() and float(f[10]) >= 0:
            yield f[11].strip(), float(int(float(f[10]))), tuple(int(v) for v in f[6:10])
