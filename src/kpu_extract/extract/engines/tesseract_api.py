"""Tesseract through its C API (`tesserocr`): one loaded model per worker, no process per call.

The same engine as `tesseract.py` (the same page pass, the same stacked strips for crops); only
how an image reaches Tesseract differs: the CLI path starts a `tesseract` process and loads
`ind+eng` on every call (a page pass and up to two strips per page), here the model loads once and
the gray buffer goes in as raw bytes (no PGM file, no PIL). Measured on the 31 corpus scan pages
(bench/bench_ppocr.py): identical words (text, box, confidence) on 31/31 pages, 0.86x the CPU.
tesserocr 2.13.0 is built from source against Debian's libtesseract 5.3.0, the library the CLI
uses (the PyPI wheel bundles 5.5.4, which reads differently): requirements.txt says
`--no-binary tesserocr`, the Makefile installs libtesseract-dev libleptonica-dev pkg-config g++.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util

import numpy as np

from ...errors import OcrTimeout, OcrUnavailable
from ..settings import LANG, PSM, TIMEOUT_S
from .tesseract import TesseractEngine

_TSV_COLUMNS = ("left", "top", "width", "height", "conf", "text")
_L_SEVERITY_NONE = 6  # leptonica's environ.h: no messages


class TesseractApiEngine(TesseractEngine):
    """Tesseract 5 with one loaded `PyTessBaseAPI`; reads exactly what the CLI engine reads."""

    name = "tesserocr"

    def __init__(self, lang: str = LANG, psm: int = PSM, timeout_s: float = TIMEOUT_S):
        super().__init__(lang, psm, timeout_s)  # sets OMP_THREAD_LIMIT before libtesseract starts
        try:
            import tesserocr
        except ImportError as exc:
            raise OcrUnavailable("tesserocr is not installed; run `make test` or "
                                 "pip install --no-binary tesserocr tesserocr==2.13.0") from exc
        _quiet_leptonica()
        try:
            self._api = tesserocr.PyTessBaseAPI(lang=lang, psm=psm)
        except RuntimeError as exc:
            raise OcrUnavailable(f"tesseract lacks the '{lang}' models; "
                                 "apt-get install tesseract-ocr-ind tesseract-ocr-eng") from exc

    def _data(self, image: np.ndarray, dpi: float, psm: int, whitelist: str | None = None) -> dict:
        image = np.ascontiguousarray(image, dtype=np.uint8)
        h, w = image.shape
        self._api.SetPageSegMode(psm)
        self._api.SetVariable("tessedit_char_whitelist", whitelist or "")
        self._api.SetImageBytes(image.tobytes(), w, h, 1, w)
        self._api.SetSourceResolution(int(dpi))
        if not self._api.Recognize(int(self.timeout_s * 1000)):
            raise OcrTimeout(f"OCR took longer than {self.timeout_s:g} s; set KPU_EXTRACT_OCR_TIMEOUT to "
                             "more seconds (or lower OcrSettings.max_dpi)")
        return _tsv_to_data(self._api.GetTSVText(0))


def _quiet_leptonica() -> None:
    """Leptonica prints its own messages ('Error in pixScanForForeground: invalid box') straight to
    stderr from inside the library; the CLI engine's went to the child's captured stderr. The run's
    own one-line errors are what users read, so the library is told to keep quiet."""
    name = ctypes.util.find_library("lept") or ctypes.util.find_library("leptonica")
    if name:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(name).setMsgSeverity(_L_SEVERITY_NONE)


def _tsv_to_data(tsv: str) -> dict:
    """Word lines (level 5) of Tesseract's TSV as the columns pytesseract's DICT output has.

    The API's TSV has fractional confidences ('96.537086'); the CLI's truncates them to integers,
    and the pipeline's thresholds were measured on those, so they are truncated here too.
    """
    data: dict[str, list] = {k: [] for k in _TSV_COLUMNS}
    for line in tsv.splitlines():
        f = line.split("\t")
        if len(f) != 12 or f[0] != "5":
            continue
        for k, v in zip(_TSV_COLUMNS[:4], f[6:10]):
            data[k].append(int(v))
        data["conf"].append(float(int(float(f[10]))))
        data["text"].append(f[11])
    return data
