"""Tesseract behind the engine protocol: one TSV pass per page; crops stacked into strips.

Tesseract runs once per page, never per cell (per-cell calls cost a process start each): a batch
of crops is stacked one under another into a strip and read in one call. Strips stay under
Tesseract's 32767-pixel image limit (a 142-page scan once failed on a 40488-px strip).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence

import cv2
import numpy as np
import pytesseract

from ...errors import OcrTimeout, OcrUnavailable
from ..model import Word
from ..settings import LANG, PSM, TIMEOUT_S
from .base import CropText

CROP_PSM = 6  # a strip is one uniform column of lines
STRIP_DPI = 600  # crops of lower-dpi scans are upscaled to this (cheap: strips are small)
MAX_STRIP_PX = 30_000  # below Tesseract's 32767-pixel limit per side
_STRIP_GAP = 24  # px of paper between crops in a strip


class TesseractEngine:
    """Tesseract through its CLI (pytesseract), reading image files to skip PIL encodes."""

    name = "tesseract"

    def __init__(self, lang: str = LANG, psm: int = PSM, timeout_s: float = TIMEOUT_S):
        self.lang, self.psm, self.timeout_s = lang, psm, timeout_s
        # Pages run in parallel processes; Tesseract's OpenMP threads would only fight them for cores.
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")

    def page_words(self, image: np.ndarray, dpi: float) -> list[Word]:
        data = self._data(image, dpi, self.psm)
        scale = 72.0 / dpi
        words = []
        for i, text in enumerate(data["text"]):
            text = text.strip()
            conf = float(data["conf"][i])
            if not text or conf < 0:
                continue
            x, y, w, h = (data[k][i] for k in ("left", "top", "width", "height"))
            words.append(Word(text=text, x0=x * scale, top=y * scale, x1=(x + w) * scale,
                              bottom=(y + h) * scale, conf=conf))
        return words

    def read_crops(self, crops: Sequence[np.ndarray], dpi: float, charset: str | None = None) -> list[CropText]:
        out = [CropText("", 0.0)] * len(crops)
        todo = [i for i, c in enumerate(crops) if c.size]
        if not todo:
            return out
        images = [crops[i] for i in todo]
        if dpi < STRIP_DPI:
            f = STRIP_DPI / dpi
            images = [cv2.resize(c, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC) for c in images]
            dpi = STRIP_DPI
        read: list[CropText] = []
        for batch in _batches(images):
            strip, spans = _stack(batch)
            read += _strip_texts(self._data(strip, dpi, CROP_PSM, charset), spans)
        for i, text in zip(todo, read):
            out[i] = text
        return out

    def _data(self, image: np.ndarray, dpi: float, psm: int, whitelist: str | None = None) -> dict:
        """Tesseract's TSV of one image as columns ('text', 'conf', 'left', 'top', 'width', 'height')."""
        # Handing pytesseract a file path skips its PIL PNG encode, which cost 0.5-1.5 s on a noisy
        # 300-dpi page (as long as the OCR itself); an uncompressed PGM writes in ~10 ms.
        config = f"--dpi {int(dpi)} --psm {psm}" + (f" -c tessedit_char_whitelist={whitelist}" if whitelist else "")
        with tempfile.TemporaryDirectory(prefix="kpu-ocr-") as tmp:
            path = os.path.join(tmp, "page.pgm")
            cv2.imwrite(path, image)
            return self._run(path, config)

    def _run(self, path: str, config: str) -> dict:
        try:
            return pytesseract.image_to_data(path, lang=self.lang, config=config,
                                             output_type=pytesseract.Output.DICT, timeout=self.timeout_s)
        except pytesseract.TesseractNotFoundError as exc:
            raise OcrUnavailable("tesseract is not installed; run `make sysdeps` "
                                 "(apt-get install tesseract-ocr tesseract-ocr-ind)") from exc
        except RuntimeError as exc:
            # pytesseract signals its timeout with a bare RuntimeError carrying this text.
            if "timeout" in str(exc).lower():
                raise OcrTimeout(f"OCR took longer than {self.timeout_s:g} s; set KPU_EXTRACT_OCR_TIMEOUT to "
                                 "more seconds (or lower OcrSettings.max_dpi)") from exc
            raise
        except pytesseract.TesseractError as exc:
            if "Failed loading language" in str(exc):
                raise OcrUnavailable(f"tesseract lacks the '{self.lang}' models; "
                                     "apt-get install tesseract-ocr-ind tesseract-ocr-eng") from exc
            raise


def _batches(crops: Sequence[np.ndarray]) -> list[list[np.ndarray]]:
    """Consecutive runs of crops whose stacked strip stays under MAX_STRIP_PX (a taller crop is cut)."""
    batches: list[list[np.ndarray]] = [[]]
    height = _STRIP_GAP
    for crop in crops:
        crop = crop[:MAX_STRIP_PX - 2 * _STRIP_GAP, :MAX_STRIP_PX - 2 * _STRIP_GAP]
        if batches[-1] and height + crop.shape[0] + _STRIP_GAP > MAX_STRIP_PX:
            batches.append([])
            height = _STRIP_GAP
        batches[-1].append(crop)
        height += crop.shape[0] + _STRIP_GAP
    return batches


def _stack(crops: list[np.ndarray]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Crops one under another on paper, left-aligned; returns the strip and each crop's y-range."""
    width = max(c.shape[1] for c in crops) + 2 * _STRIP_GAP
    height = sum(c.shape[0] for c in crops) + _STRIP_GAP * (len(crops) + 1)
    # Paper tone, not white: a gray crop on white has edges that Tesseract reads as glyphs.
    paper = int(np.median(np.concatenate([c.ravel() for c in crops])))
    strip = np.full((height, width), paper, np.uint8)
    spans, y = [], _STRIP_GAP
    for crop in crops:
        h, w = crop.shape
        strip[y:y + h, _STRIP_GAP:_STRIP_GAP + w] = crop
        spans.append((y, y + h))
        y += h + _STRIP_GAP
    return strip, spans


def _strip_texts(data: dict, spans: list[tuple[int, int]]) -> list[CropText]:
    """Text and mean confidence of the words falling in each crop's y-range."""
    pieces: list[list[tuple[int, str, float]]] = [[] for _ in spans]
    for i, text in enumerate(data["text"]):
        text = text.strip()
        if not text or float(data["conf"][i]) < 0:
            continue
        cy = data["top"][i] + data["height"][i] / 2
        for k, (a, b) in enumerate(spans):
            if a <= cy <= b:
                pieces[k].append((data["left"][i], text, float(data["conf"][i])))
                break
    out = []
    for words in pieces:
        words.sort()
        # Amounts never hold spaces between digit groups; OCR splits them at a wide dot
        # ('298. 450.000'). The space after 'Rp.' stays.
        text = re.sub(r"(?<=\d)\s+(?=[\d.,])|(?<=\d[.,])\s+(?=\d)", "", " ".join(t for _, t, _ in words))
        conf = round(sum(c for *_, c in words) / len(words), 1) if words else 0.0
        out.append(CropText(text, conf))
    return out
