"""Open and validate a PDF, triage each page (usable text layer or scan), read it.

`pdf_to_document` is the extract stage's one public entry. Pages are read by a strategy
from `READERS`: the text layer (pdfplumber) or OCR (Tesseract on the rendered image).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from ..errors import CorruptPdf, EncryptedPdf, NotAPdf
from .model import Document, Method, Page
from .text_layer import plumber_page_to_page

# A page with fewer characters than this in its text layer is treated as a scan.
MIN_TEXT_CHARS = 40
# Share of text-layer tokens that must look like real words or numbers for the layer to be trusted.
MIN_REAL_TOKEN_SHARE = 0.7

_NUMBER = re.compile(r"^[(\[]?[-+]?(rp\.?)?[\d.,%/:()-]+[)\]]?[.,;:]?$", re.I)
# A plausible Indonesian/English word: letters, at most 3 consonants in a row, some vowel.
_WORD = re.compile(r"^[(\"'“]?[a-z]+(?:[-/][a-z]+)*[)\"'”.,;:!?]*$", re.I)
_CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{4,}", re.I)


@dataclass(frozen=True)
class ExtractSettings:
    """How pages are triaged and read."""

    min_text_chars: int = MIN_TEXT_CHARS
    min_real_token_share: float = MIN_REAL_TOKEN_SHARE
    force_ocr: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.min_real_token_share <= 1:
            raise ValueError("min_real_token_share must be within 0..1")


DEFAULT_SETTINGS = ExtractSettings()


def _read_text(path: str, plumber_page, number: int) -> Page:
    return plumber_page_to_page(plumber_page, number)


def _read_ocr(path: str, plumber_page, number: int) -> Page:
    from .scan import read_scanned_page  # imported lazily: OpenCV/Tesseract only when a scan appears

    return read_scanned_page(path, number - 1, number)


READERS: dict[Method, Callable[[str, object, int], Page]] = {"text": _read_text, "ocr": _read_ocr}


def validate_pdf(path: str | Path) -> None:
    """Raise NotAPdf for files that are not PDFs at all (empty, HTML, images...)."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if not head:
        raise NotAPdf(f"{path}: empty file (0 bytes), not a PDF")
    if b"%PDF-" not in head:
        kind = "an HTML page" if b"<html" in head.lower() or b"<!doctype" in head.lower() else "not a PDF"
        raise NotAPdf(f"{path}: {kind} (no %PDF header); re-download the original PDF")


def page_count(path: str | Path) -> int:
    """Number of pages, with the same validation as a full read."""
    with _open(path) as pdf:
        return len(pdf.pages)


def triage_page(plumber_page, settings: ExtractSettings = DEFAULT_SETTINGS) -> Method:
    """`text` when the page's text layer is present and looks like real text, else `ocr`."""
    if settings.force_ocr:
        return "ocr"
    if not plumber_page.images:
        return "text"  # nothing to OCR: a digital page, however little text it has
    text = plumber_page.extract_text() or ""
    if len(text.strip()) < settings.min_text_chars:
        return "ocr"
    return "text" if real_token_share(text) >= settings.min_real_token_share else "ocr"


def real_token_share(text: str) -> float:
    """Share of whitespace tokens that are numbers or plausible words (garbage OCR layers score low)."""
    tokens = text.split()
    if not tokens:
        return 0.0
    real = sum(1 for t in tokens if _NUMBER.match(t) or (_WORD.match(t) and not _CONSONANT_RUN.search(t)
                                                          and re.search(r"[aeiou]", t, re.I)))
    return real / len(tokens)


def read_page(path: str | Path, index: int, settings: ExtractSettings = DEFAULT_SETTINGS) -> Page:
    """Triage and read one page (0-based index) — the unit of work for page-level parallelism."""
    with _open(path) as pdf:
        plumber_page = pdf.pages[index]
        method = triage_page(plumber_page, settings)
        return READERS[method](str(path), plumber_page, index + 1)


def pdf_to_document(path: str | Path, doc_id: str, settings: ExtractSettings = DEFAULT_SETTINGS) -> Document:
    """Read every page of a PDF into a Document."""
    pages = []
    with _open(path) as pdf:
        for i, plumber_page in enumerate(pdf.pages):
            method = triage_page(plumber_page, settings)
            pages.append(READERS[method](str(path), plumber_page, i + 1))
            plumber_page.close()
    return Document(doc_id=doc_id, source_file=str(path), pages=pages)


def _open(path: str | Path):
    validate_pdf(path)
    try:
        pdf = pdfplumber.open(path)
        pdf.pages  # forces the page tree to parse, where truncated files fail
        return pdf
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedPdf(f"{path}: the PDF is encrypted; supply an unencrypted copy") from exc
    except (PDFSyntaxError, Exception) as exc:  # pdfminer raises many types on damaged files
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise EncryptedPdf(f"{path}: the PDF is encrypted; supply an unencrypted copy") from exc
        raise CorruptPdf(f"{path}: cannot parse the PDF ({type(exc).__name__}); the file may be truncated") from exc
