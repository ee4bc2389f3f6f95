"""The tasks every executor (serial, local pool or Dask) runs, and what they return.

A document is one task, except a multi-page document with scanned pages: OCR costs seconds per
page, so such a document is split into one task per page and reassembled in page order
before it is normalized once:

    document_task -> DocResult                                   (digital, or a single page)
    document_task -> PageSplit -> page_task x N -> pages_to_result -> DocResult

No task raises for a bad document: it returns a `failed` result with a one-line error instead.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import PIPELINE_VERSION
from ..errors import KpuExtractError
from ..extract.model import Document, Page
from ..extract.pdf import ExtractSettings, pdf_to_document, read_page, scan_like_pages
from ..normalize.document import Records, document_to_records
from ..normalize.schema import DocumentRow
from ..normalize.vocabulary import default_vocabulary

log = logging.getLogger(__name__)
DATASET_ROWS = ("targets", "pagu", "realisasi", "schedule", "checks", "review")
_PAGE_WARNING = re.compile(r"^page (\d+): (.*)$", re.S)  # the form extract/pdf.py gives page warnings


@dataclass
class DocResult:
    """What one document contributes to every dataset."""

    document: DocumentRow
    rows: dict[str, list] = field(default_factory=dict)  # dataset -> contract rows


@dataclass(frozen=True)
class PageSplit:
    """Answer of `document_task` for a document to be read one page per task."""

    path: str
    n_pages: int


def file_digest(path: str | Path) -> str:
    """Full SHA-256 hex digest of the file's bytes (doc_id is its first 16 characters)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def process_document(path: str, digest: str, settings: ExtractSettings | None = None) -> DocResult:
    """Extract and normalize one PDF in this process; failures become a `failed` documents row."""
    settings = settings or ExtractSettings()
    return _guarded(path, digest, lambda: document_to_result(pdf_to_document(path, digest[:16], settings)))


def document_task(path: str, digest: str, settings: ExtractSettings | None = None) -> DocResult | PageSplit:
    """The first task of every document: the whole result, or a PageSplit for a long scanned one."""
    try:
        counts = scan_like_pages(path)
    except KpuExtractError as exc:
        return failed_result(path, digest, exc.message)
    if counts and counts[0] > 1 and counts[1] > 0:
        return PageSplit(path, counts[0])
    return process_document(path, digest, settings)


def page_task(path: str, index: int, settings: ExtractSettings | None = None) -> Page | str:
    """Read page `index` (0-based); a document-level error comes back as its one-line message."""
    try:
        return read_page(path, index, settings or ExtractSettings())
    except KpuExtractError as exc:
        log.debug("page %d of %s failed", index + 1, path, exc_info=True)
        return exc.message
    except Exception as exc:
        log.debug("page %d of %s failed", index + 1, path, exc_info=True)
        return _unexpected(path, exc)


def pages_to_result(path: str, digest: str, pages: list[Page | str]) -> DocResult:
    """Reassemble page-task results in page order into a Document and normalize it once."""
    errors = [p for p in pages if isinstance(p, str)]
    if errors:
        return failed_result(path, digest, errors[0])
    doc = Document(doc_id=digest[:16], source_file=path, pages=sorted(pages, key=lambda p: p.number))
    return _guarded(path, digest, lambda: document_to_result(doc))


def document_to_result(doc: Document) -> DocResult:
    """Normalize an extracted document; its status follows from its page warnings.

    `partial` when some pages carry warnings (an OCR timeout, a page too large), `failed` when no
    page could be read at all: an empty "partial" document would hide the problem.
    """
    records = document_to_records(doc, default_vocabulary())
    warnings = [w for p in doc.pages for w in p.warnings]
    unread = [p for p in doc.pages if p.warnings and not p.tables and not p.text.strip()]
    status = "ok" if not warnings else "failed" if len(unread) == len(doc.pages) else "partial"
    error = f"{doc.source_file}: {_group_pages(warnings)}" if warnings else None
    return DocResult(
        document=DocumentRow(doc.doc_id, doc.source_file, records.meta.satker, records.meta.year,
                             records.meta.doc_type, doc.n_pages, doc.n_ocr_pages, status,
                             error[:500] if error else None, PIPELINE_VERSION),
        rows=_rows(records))


def failed_result(path: str, digest: str, message: str) -> DocResult:
    """A `failed` documents row with a one-line error and no other rows."""
    return DocResult(DocumentRow(digest[:16], path, None, None, "UNKNOWN", None, None, "failed",
                                 message.splitlines()[0] if message else "failed", PIPELINE_VERSION))


def _group_pages(warnings: list[str]) -> str:
    """'page 1: X; page 2: X; page 4: Y' -> 'pages 1, 2: X; page 4: Y' (one line, however many pages)."""
    by_message: dict[str, list[str]] = {}
    for w in warnings:
        m = _PAGE_WARNING.match(w)
        number, message = (m.group(1), m.group(2)) if m else ("", w)
        by_message.setdefault(message, []).append(number)
    parts = []
    for message, numbers in by_message.items():
        numbers = [n for n in numbers if n]
        label = f"page {numbers[0]}: " if len(numbers) == 1 else f"pages {', '.join(numbers)}: " if numbers else ""
        parts.append(label + message)
    return "; ".join(parts)


def _guarded(path: str, digest: str, fn) -> DocResult:
    try:
        return fn()
    except KpuExtractError as exc:
        log.debug("%s failed", path, exc_info=True)
        return failed_result(path, digest, exc.message)
    except Exception as exc:  # a bug or an unforeseen file: the batch goes on, the row says why
        log.debug("unexpected error on %s", path, exc_info=True)
        return failed_result(path, digest, _unexpected(path, exc))


def _unexpected(path: str, exc: Exception) -> str:
    return f"{path}: unexpected {type(exc).__name__}: {exc}".splitlines()[0][:300] + \
        " (rerun with --verbose for the traceback)"


def _rows(records: Records) -> dict[str, list]:
    return {name: getattr(records, name) for name in DATASET_ROWS}
