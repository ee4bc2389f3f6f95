"""The one protocol every OCR engine implements, and the settings that reach the engines.

The pipeline asks an engine for "words with boxes on this page image" or "the text of these
crops" and never names the engine: which engines run comes from `OcrSettings` and the registry
in `engines/__init__.py`. An engine is built once per worker process (models load once).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ..model import Word

# Characters an amount or percent cell can hold (Rupiah, separators, percent, dash).
AMOUNT_CHARSET = "0123456789.,Rp-%"


@dataclass(frozen=True)
class CropText:
    """What an engine read in one crop: its text and a confidence 0-100 (0 when nothing read)."""

    text: str
    conf: float


class OcrEngine(Protocol):
    """An OCR engine: a page pass for words, a batched pass for crops."""

    name: str

    def page_words(self, image: np.ndarray, dpi: float) -> list[Word]:
        """Words of a cleaned gray page image (uint8), boxes in PDF points (top-left), conf 0-100."""
        ...

    def read_crops(self, crops: Sequence[np.ndarray], dpi: float, charset: str | None = None) -> list[CropText]:
        """The text of each gray crop, one result per crop in order, in as few engine calls as the
        engine allows. `charset` restricts the characters where the engine supports it."""
        ...
