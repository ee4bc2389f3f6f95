"""Open and validate a PDF, triage each page (usable text layer or scan), read it.

`pdf_to_document` is the extract stage's one public entry. Pages are read by a strategy
from `READERS`: the text layer (pdfplumber) or OCR (Tesseract on the rendered image).
`read_page` and `scan_like_pages` serve page-level parallelism (pipeline/process.py).

Hostile inputs stop here with one-line errors: not a PDF, damaged, encrypted (whole document),
or a page too large / too slow to OCR (that page only: it becomes a page warning).
"""

from __future__ import annotations

import io
import logging
import os
import re
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import CorruptPdf, EncryptedPdf, KpuExtractError, NotAPdf, PageUnreadable
from .model import Document, Method, Page, PageWarning, unexpected_message
from .page_objects import parse_objects
from .settings import ExtractSettings
from .text_layer import plumber_page_to_page

log = logging.getLogger(__name__)

# An image covering this share of a page makes it scan-like (worth a page task of its own).
SCAN_IMAGE_COVER = 0.5
# A content, font or object stream inflating past this is a decompression bomb. The densest page
# measured, 100,000 drawing operations, is 2.2 MB; pdfplumber reads it in 14 s, 600 MB. The
# largest stream in ../shared/real is 243 kB; the scan takes 1-30 ms a file.
MAX_STREAM_BYTES = 64 << 20
_INFLATE_STEP = 1 << 20
_HEADER_LOOKBACK = 4096  # bytes before `stream` searched for the stream's dictionary
_STREAM_START = re.compile(rb">>\s*stream\r?\n")

_NUMBER = re.compile(r"^[(\[]?[-+]?(rp\.?)?[\d.,%/:()-]+[)\]]?[.,;:]?$", re.I)
# A plausible Indonesian/English word: letters, at most 3 consonants in a row, some vowel.
_WORD = re.compile(r"^[(\"'“]?[a-z]+(?:[-/][a-z]+)*[)\"'”.,;:!?]*$", re.I)
_CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{4,}", re.I)
# A number misread by a bad OCR layer: digits mixed with the letters OCR confuses them with
# (`l0O%`, `1.25O.000`, `B.000`, `202l`).
_MISREAD_NUMBER = re.compile(r"^(?=.*\d)(?=.*[OoBIlS])[\dOoBIlS.,%]+$")
# A layer with at least MIN_MISREAD_NUMBERS such tokens making MAX_MISREAD_NUMBER_SHARE of its
# digit-bearing tokens is damaged: its numbers cannot be trusted, so the page goes to OCR.
# Measured, worst page with an image per file: the damaged layout scan L03 14/30 (0.47); every
# other image-bearing page of corpus/, corpus/layouts/, corpus/real/ and /work/shared/real/ at
# most 1 token (0.004 on the usulan scan layer, `9S`; 1/5 on the junk ppas layer, already OCR).
MIN_MISREAD_NUMBERS = 3
MAX_MISREAD_NUMBER_SHARE = 0.2


DEFAULT_SETTINGS = ExtractSettings()


def _read_text(path: str, plumber_page, number: int, settings: ExtractSettings) -> Page:
    return plumber_page_to_page(plumber_page, number)


def _read_ocr(path: str, plumber_page, number: int, settings: ExtractSettings) -> Page:
    from .scan import read_scanned_page  # imported lazily: OpenCV and OCR engines only when a scan appears

    return read_scanned_page(path, number - 1, number, settings.ocr)


READERS: dict[Method, Callable[[str, object, int, ExtractSettings], Page]] = {"text": _read_text, "ocr": _read_ocr}


def validate_pdf(path: str | Path) -> None:
    """Raise NotAPdf for files that are not PDFs at all (empty, HTML, images...), CorruptPdf for a
    decompression bomb (a stream that inflates past MAX_STREAM_BYTES)."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if not head:
        raise NotAPdf(f"{path}: empty file (0 bytes), not a PDF")
    if b"%PDF-" not in head:
        kind = "an HTML page" if b"<html" in head.lower() or b"<!doctype" in head.lower() else "not a PDF"
        raise NotAPdf(f"{path}: {kind} (no %PDF header); re-download the original PDF")
    stat = os.stat(path)
    if _largest_inflated_stream(str(path), stat.st_size, stat.st_mtime_ns) > MAX_STREAM_BYTES:
        raise CorruptPdf(f"{path}: a stream inflates to over {MAX_STREAM_BYTES >> 20} MB (a decompression bomb); "
                         "the file is not a normal report, check where it came from")


@lru_cache(maxsize=8)  # page tasks of one document validate the same file again
def _largest_inflated_stream(path: str, size: int, mtime_ns: int) -> int:
    """Inflated size of the largest non-image FlateDecode stream, counted up to MAX_STREAM_BYTES + 1.

    pdfminer and pdfium both inflate a content stream whole before parsing it: 4 kB that inflate to
    2 GiB cost pdfium 3 GB and pdfminer more. Found by scanning the raw bytes (no parser involved),
    inflated in 1 MB steps through every filter level and thrown away; images are left to the
    renderer's pixel limit.
    """
    with open(path, "rb") as fh:
        data = fh.read()
    largest = 0
    for m in _STREAM_START.finditer(data):
        header = data[max(0, m.start() - _HEADER_LOOKBACK):m.start()]
        header = header[header.rfind(b"obj") + 1:]
        levels = header.count(b"/FlateDecode")
        if not levels or b"/Image" in header:
            continue
        end = data.find(b"endstream", m.end())
        largest = max(largest, _inflated_size(data[m.end():end if end > 0 else len(data)], levels))
        if largest > MAX_STREAM_BYTES:
            break
    return largest


def _inflated_size(raw: bytes, levels: int) -> int:
    chunks = (raw[i:i + _INFLATE_STEP] for i in range(0, len(raw), _INFLATE_STEP))
    for _ in range(levels):
        chunks = _inflate(chunks, zlib.decompressobj())
    total = 0
    try:
        for chunk in chunks:
            total += len(chunk)
            if total > MAX_STREAM_BYTES:
                break
    except zlib.error:  # damaged data: the parsers report it (or read what they can)
        pass
    return total


def _inflate(chunks, inflater):
    for chunk in chunks:
        while chunk:
            out = inflater.decompress(chunk, _INFLATE_STEP)
            if out:
                yield out
            chunk = inflater.unconsumed_tail


def triage_page(plumber_page, settings: ExtractSettings = DEFAULT_SETTINGS, hidden_layer: bool = False) -> Method:
    """`text` when the page's text layer is present, looks like real text and its numbers read as
    numbers, else `ocr`; `ocr` too for an image page whose text is all hidden (`hidden_layer`:
    invisible, or under the scan): a scanner's OCR layer, whose words are unverified and whose table
    rules live only in the image. Measured on the two invisible layers of corpus/real/: the layer read
    28 and 0 of their 75 and 7 budget lines in the right row (the image's ruled grid is lost, columns
    run together), OCR 75 and 7 (67 when first measured); the layer under the PK Disnak scan 0/6 and
    0/25 targets, OCR 6/6 and 23/25 (8/25 before the sub-indicator rule of normalize/tables.py)."""
    if not plumber_page.images:
        return "text"  # nothing to OCR: a digital page, however little text it has
    if hidden_layer:
        return "ocr"
    text = plumber_page.extract_text() or ""
    if len(text.strip()) < settings.min_text_chars:
        return "ocr"
    if real_token_share(text) < settings.min_real_token_share or layer_misreads_numbers(text):
        return "ocr"
    return "text"


def real_token_share(text: str) -> float:
    """Share of whitespace tokens that are numbers or plausible words (garbage OCR layers score low)."""
    tokens = text.split()
    if not tokens:
        return 0.0
    real = sum(1 for t in tokens if _NUMBER.match(t) or (_WORD.match(t) and not _CONSONANT_RUN.search(t)
                                                          and re.search(r"[aeiou]", t, re.I)))
    return real / len(tokens)


def layer_misreads_numbers(text: str) -> bool:
    """True when the layer's numbers carry OCR letter swaps (0/O, 1/l, 8/B) too often to be trusted."""
    numbers = [t.strip("()[];:\"'") for t in text.split() if any(c.isdigit() for c in t)]
    misread = sum(1 for t in numbers if _MISREAD_NUMBER.match(t))
    return misread >= MIN_MISREAD_NUMBERS and misread > MAX_MISREAD_NUMBER_SHARE * len(numbers)


def text_is_hidden(path: str | Path, index: int, page_image: bool = True) -> bool:
    """Whether the text of page `index` (0-based) is all hidden from view, as OCR layers are: drawn
    invisible (render mode 3), or, on a page with a `page_image` (one image over SCAN_IMAGE_COVER of
    it), drawn first and then covered by that image (a scanner's layer under its scan: PK Disnak);
    False when pdfium cannot open the file (the full read reports why)."""
    with _pdfium(path) as pdf:
        if pdf is None:
            return False
        page = pdf[index]
        width, height = page.get_size()
        shown: list[tuple[float, float, float, float]] = []  # visible text not (yet) under an image
        any_text = False
        for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_IMAGE), max_depth=2):
            if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                bounds = obj.get_bounds()
                if _area(bounds) >= SCAN_IMAGE_COVER * width * height:
                    shown = [b for b in shown if not _within(b, bounds)]
                continue
            any_text = True
            if pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw) != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
                if not page_image:  # a digital page with a logo: its first visible text decides
                    break
                shown.append(obj.get_bounds())
        else:
            page.close()
            return any_text and not shown
        page.close()
        return False


def _within(inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    return (inner[0] >= outer[0] - 1 and inner[1] >= outer[1] - 1 and inner[2] <= outer[2] + 1
            and inner[3] <= outer[3] + 1)


def _has_page_image(plumber_page) -> bool:
    """Whether an image covers SCAN_IMAGE_COVER of the page (a scan; not a logo beside text)."""
    area = float(plumber_page.width) * float(plumber_page.height)
    return any((im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) >= SCAN_IMAGE_COVER * area
               for im in plumber_page.images)


def read_page(path: str | Path, index: int, settings: ExtractSettings = DEFAULT_SETTINGS) -> Page:
    """Triage and read one page (0-based index) — the unit of work for page-level parallelism."""
    with _open(path) as pdf:
        return _read_guarded(str(path), pdf.pages[index], index + 1, settings)


def pdf_to_document(path: str | Path, doc_id: str, settings: ExtractSettings = DEFAULT_SETTINGS) -> Document:
    """Read every page of a PDF into a Document."""
    pages = []
    with _open(path) as pdf:
        for i, plumber_page in enumerate(pdf.pages):
            pages.append(_read_guarded(str(path), plumber_page, i + 1, settings))
            plumber_page.close()
    return Document(doc_id=doc_id, source_file=str(path), pages=pages)


def scan_like_pages(path: str | Path) -> tuple[int, int] | None:
    """(pages, pages carrying an image over SCAN_IMAGE_COVER of their area), read cheaply with pdfium.

    Decides whether a document is worth splitting into page tasks; it is a scheduling hint, the real
    triage runs per page. None when pdfium cannot open the file: the full read reports why.
    """
    validate_pdf(path)
    with _pdfium(path) as pdf:
        if pdf is None:
            return None
        n_scan = 0
        for page in pdf:
            width, height = page.get_size()
            n_scan += any(_area(obj.get_bounds()) >= SCAN_IMAGE_COVER * width * height
                          for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
            page.close()
        return len(pdf), n_scan


def ocr_weights(path: str | Path) -> list[float]:
    """A rough OCR cost per page, for scheduling only: the stored bytes of the page's images
    scaled to 300 dpi (bytes per image pixel times the page's pixels at 300 dpi): more print
    compresses to more bytes. On the 15 bench pages (bench/run.py ocr) the heaviest page by this
    weight was also the slowest to read (6.4 of 31 CPU-s); the order of the others is loose.
    Empty when pdfium cannot open the file."""
    with _pdfium(path) as pdf:
        if pdf is None:
            return []
        weights = []
        for page in pdf:
            width, height = page.get_size()
            weight = 0.0
            for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
                px_w, px_h = obj.get_px_size()
                stored = pdfium_c.FPDFImageObj_GetImageDataRaw(obj.raw, None, 0)
                if px_w and px_h:
                    weight += stored / (px_w * px_h) * (width * height * (300 / 72) ** 2)
            weights.append(weight)
            page.close()
        return weights


def _area(bounds: tuple[float, float, float, float]) -> float:
    left, bottom, right, top = bounds
    return max(0.0, right - left) * max(0.0, top - bottom)


def _read_guarded(path: str, plumber_page, number: int, settings: ExtractSettings) -> Page:
    """Read one page; a page that cannot be read becomes an empty page with a warning (the other
    pages still land). Only errors about the whole run (OCR not installed) stop the document."""
    method: Method = "text"
    try:
        parse_objects(plumber_page)
        hidden = bool(plumber_page.images) and text_is_hidden(path, number - 1, _has_page_image(plumber_page))
        method = triage_page(plumber_page, settings, hidden)
        return READERS[method](path, plumber_page, number, settings)
    except PageUnreadable as exc:
        message = exc.message
    except KpuExtractError:
        raise
    except Exception as exc:  # a damaged content stream, an unforeseen object: this page only
        log.debug("page %d of %s failed", number, path, exc_info=True)
        message = unexpected_message(exc)
    return Page(number=number, method=method, width=_size(plumber_page, "width"),
                height=_size(plumber_page, "height"), warnings=[PageWarning(number, message)])


def _size(plumber_page, side: str) -> float:
    try:
        return float(getattr(plumber_page, side))
    except Exception:  # the page's MediaBox itself is what is damaged
        return 0.0


def page_count(path: str | Path) -> int | None:
    """The document's page count as pdfium reads it, which every reader follows; None when pdfium
    cannot open the file. About a millisecond per file: it reads the page tree, not the pages."""
    with _pdfium(path) as pdf:
        return None if pdf is None else len(pdf)


@contextmanager
def _pdfium(path: str | Path) -> Iterator[pdfium.PdfDocument | None]:
    """pdfium on the file, closed afterwards; None when pdfium cannot open it."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        yield None
        return
    try:
        yield pdf
    finally:
        pdf.close()


def _open(path: str | Path):
    """pdfplumber on the file, or on a copy rebuilt by pdfium when the two disagree on the pages.

    pdfminer skips page-tree leaves without `/Type /Page` (a 3-page scan read as 0 pages, which
    pdfium and poppler read as 3) and gives up on the whole page list when one page's dictionary
    is damaged (a MediaBox that is not 4 numbers); pdfium's copy of its own pages gives them back.
    A file pdfminer cannot open at all (truncated, no xref) is not rebuilt: pdfium would make up
    the missing pages as empty ones.
    """
    validate_pdf(path)
    expected = page_count(path)
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:
        raise _open_error(path, exc) from exc
    try:
        if expected is None or len(pdf.pages) == expected:  # .pages parses the page tree
            return pdf
    except Exception as exc:
        _close(pdf)
        if expected is None:
            raise _open_error(path, exc) from exc
    else:
        _close(pdf)
    try:
        rebuilt = pdfplumber.open(_rebuilt(path))
        rebuilt.pages
        return rebuilt
    except Exception as exc:
        raise _open_error(path, exc) from exc


def _close(pdf) -> None:
    try:
        pdf.close()
    except Exception:  # closing walks the page list, which is what failed
        pdf.stream.close()


def _rebuilt(path: str | Path) -> io.BytesIO:
    """An in-memory copy of the PDF holding the pages pdfium reads, with a clean page tree."""
    src, copy = pdfium.PdfDocument(str(path)), pdfium.PdfDocument.new()
    try:
        copy.import_pages(src)
        buf = io.BytesIO()
        copy.save(buf)
    finally:
        copy.close()
        src.close()
    buf.seek(0)
    return buf


def _open_error(path: str | Path, exc: Exception) -> Exception:
    # pdfplumber wraps pdfminer's errors in PdfminerException(original).
    if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], Exception):
        exc = exc.args[0]
    if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
        return EncryptedPdf(f"{path}: the PDF is password-protected; save an unprotected copy "
                            "(e.g. qpdf --decrypt) and rerun")
    detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:120] if str(exc) else type(exc).__name__
    return CorruptPdf(f"{path}: cannot parse the PDF ({detail}); the file may be truncated or damaged, "
                      "re-download it")
