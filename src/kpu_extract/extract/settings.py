"""Settings of the extract stage: page triage and the OCR path, frozen and validated on construction.

`ExtractSettings` holds the `OcrSettings`, so every OCR setting reaches the engines through one
object (and is part of the cache key of a `partial` document).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# A page with fewer characters than this in its text layer is treated as a scan.
MIN_TEXT_CHARS = 40
# Share of text-layer tokens that must look like real words or numbers for the layer to be trusted.
MIN_REAL_TOKEN_SHARE = 0.7

# Rendering: scans render at their native dpi, clamped to this range and to a pixel budget.
MIN_DPI = 150
MAX_DPI = 400
# Beyond this many pixels a page is rendered at a lower dpi. A3 at 300 dpi (17.4 MP) and A4 at
# 400 dpi (15.5 MP) stay native. Measured on a 12000x12000 px JPEG page (bench/bench_memory.py),
# peak RSS of the reading process: 1002 MiB at 60 MP, 521 MiB at 30 MP, 465 MiB at 20 MP (worker
# with Tesseract 546 MiB): pdfium decodes a JPEG at 1/2, 1/4... of its size only when the
# render scale allows, and a full 144 MP decode alone costs ~600 MB.
MAX_PIXELS = 20_000_000

# Tesseract through its C API: one loaded model per worker instead of a process and a model load
# per call (the page pass and up to two re-read strips per page); the same words as the CLI
# ("tesseract"), which stays registered.
PAGE_ENGINE = "tesserocr"
# Every amount and percent cell read by OCR is read again by this independent engine (None: off).
# Measured on the 248 money/percent cells of the corpus scans: PP-OCRv6 on ink-cut crops read
# 244 exactly, and fails on other cells than Tesseract does.
AMOUNT_ENGINE = "ppocr"
LANG = "ind+eng"  # the `ind` model cannot emit '%'
# psm 11 (sparse text) for the page pass. Measured on a budget table (91 cells) and a 20-column
# RAK table (108 cells), each scanned normal-300 and hard-200, cells exactly right, no re-reads:
#   psm 11: budget 80 / 77, RAK 106 / 99   (drops lone '1'..'9'; re-read as empty cells)
#   psm 6:  budget 89 / 85, RAK 101 / 91   (reads lines across columns: multi-line cells garbled)
#   psm 4:  budget 86 / 76, RAK 101 / 90
# Amounts were exact under all three on 300 dpi; on hard-200 psm 4 lost a third of the percents.
PSM = 11
TIMEOUT_S = 120
# Scans below this dpi are upscaled to it before OCR (0 = never). Off by default, measured on the
# scanned corpus: upscaling 200-dpi scans to 300 dpi left pagu (128/128) and targets (110/112)
# unchanged, recovered 22 more planned months of 1416 but invented 12 schedule rows, and cost
# 1.47x instead of 1.27x the bare Tesseract time on those pages. Worth trying on very small print.
OCR_MIN_DPI = 0


@dataclass(frozen=True)
class OcrSettings:
    """The OCR path: which engine reads pages, how pages render, which cells are re-read.

    `lang`, `psm` and `timeout_s` are the Tesseract engine's; `timeout_s` bounds every engine call.
    """

    engine: str = PAGE_ENGINE
    amount_engine: str | None = AMOUNT_ENGINE
    lang: str = LANG
    psm: int = PSM
    timeout_s: float = TIMEOUT_S
    min_dpi: float = MIN_DPI
    max_dpi: float = MAX_DPI
    max_pixels: int = MAX_PIXELS
    ocr_min_dpi: float = OCR_MIN_DPI
    reread_money: bool = True
    reread_empty: bool = True

    def __post_init__(self) -> None:
        if not 0 <= self.psm <= 13:
            raise ValueError(f"psm must be 0..13, got {self.psm}")
        if not 0 < self.min_dpi <= self.max_dpi:
            raise ValueError(f"need 0 < min_dpi <= max_dpi, got {self.min_dpi}, {self.max_dpi}")
        if not self.timeout_s > 0 or self.max_pixels <= 0:
            raise ValueError("timeout_s and max_pixels must be positive")


@dataclass(frozen=True)
class ExtractSettings:
    """How pages are triaged and read."""

    min_text_chars: int = MIN_TEXT_CHARS
    min_real_token_share: float = MIN_REAL_TOKEN_SHARE
    ocr: OcrSettings = field(default_factory=OcrSettings)

    def __post_init__(self) -> None:
        if not 0 <= self.min_real_token_share <= 1:
            raise ValueError("min_real_token_share must be within 0..1")
