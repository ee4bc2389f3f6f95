"""The registry of OCR engines: a name -> a factory taking the OcrSettings.

Adding an engine is one module implementing `base.OcrEngine` and one line here. Engines load
their models once per worker process (`get_engine` caches them); modules import lazily, so a
digital-only run never loads an OCR library.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..settings import OcrSettings
from .base import AMOUNT_CHARSET, CropText, OcrEngine

__all__ = ["AMOUNT_CHARSET", "ENGINES", "CropText", "OcrEngine", "get_engine"]


def _tesseract(settings: OcrSettings) -> OcrEngine:
    from .tesseract import TesseractEngine

    return TesseractEngine(lang=settings.lang, psm=settings.psm, timeout_s=settings.timeout_s)


def _tesserocr(settings: OcrSettings) -> OcrEngine:
    from .tesseract_api import TesseractApiEngine

    return TesseractApiEngine(lang=settings.lang, psm=settings.psm, timeout_s=settings.timeout_s)


def _ppocr(settings: OcrSettings) -> OcrEngine:
    from .ppocr import PaddleOcrEngine

    return PaddleOcrEngine()


ENGINES: dict[str, Callable[[OcrSettings], OcrEngine]] = {
    "tesseract": _tesseract, "tesserocr": _tesserocr, "ppocr": _ppocr}


@lru_cache(maxsize=None)
def get_engine(name: str, settings: OcrSettings) -> OcrEngine:
    """The engine `name`, built once per process for these settings."""
    try:
        factory = ENGINES[name]
    except KeyError:
        raise ValueError(f"unknown OCR engine {name!r}; known: {', '.join(ENGINES)}") from None
    return factory(settings)
