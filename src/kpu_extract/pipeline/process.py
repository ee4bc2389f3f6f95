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
from dataclasses import dataclass, field
from pathlib import Path

from .. import PIPELINE_VERSION
from ..errors import KpuExtractError
from ..extract.model import Document, Page, PageWarning, ReadFailure, unexpected_message, warnings_to_error
from ..extract.pdf import ocr_weights, pdf_to_document, read_page, scan_like_pages
from ..extract.settings import ExtractSettings
from ..normalize.decisions import Decision
from ..normalize.document import document_to_records
from ..normalize.schema import DocumentRow, Records
from ..normalize.vocabulary import default_vocabulary

log = logging.getLogger(__name__)


@dataclass
class DocResult:
    """What one document contributes to every dataset."""

    document: DocumentRow
    rows: Records = field(default_factory=Records)  # every other dataset's contract rows


@dataclass(frozen=True)
class PageSplit:
    """Answer of `document_task` for a document to be read one page per task."""

    path: str
    n_pages: int
    weights: tuple[float, ...] = ()  # a rough OCR cost per page (pdf.ocr_weights), heaviest run first


def file_digest(path: str | Path) -> str:
    """Full SHA-256 hex digest of the file's bytes (doc_id is its first 16 characters)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def process_document(path: str, digest: str, settings: ExtractSettings | None = None,
                     decisions: tuple[Decision, ...] = ()) -> DocResult:
    """Extract and normalize one PDF in this process; failures become a `failed` documents row."""
    settings = settings or ExtractSettings()
    return _guarded(path, digest, lambda: document_to_result(pdf_to_document(path, digest[:16], settings),
                                                             decisions))


def document_task(path: str, digest: str, settings: ExtractSettings | None = None,
                  decisions: tuple[Decision, ...] = ()) -> DocResult | PageSplit:
    """The first task of every document: the whole result, or a PageSplit for a long scanned one."""
    try:
        counts = scan_like_pages(path)
    except KpuExtractError as exc:
        return failed_result(path, digest, exc.message)
    if counts and counts[0] > 1 and counts[1] > 0:
        return PageSplit(path, counts[0], tuple(ocr_weights(path)))
    return process_document(path, digest, settings, decisions)


def page_task(path: str, index: int, settings: ExtractSettings | None = None) -> Page | ReadFailure:
    """Read page `index` (0-based); a document-level error (the file cannot be opened) comes back as
    a ReadFailure, anything else that goes wrong on this page as a page carrying a warning."""
    try:
        return read_page(path, index, settings or ExtractSettings())
    except KpuExtractError as exc:
        log.debug("page %d of %s failed", index + 1, path, exc_info=True)
        return ReadFailure(exc.message)
    except Exception as exc:
        log.debug("page %d of %s failed", index + 1, path, exc_info=True)
        return Page(number=index + 1, method="ocr", width=0.0, height=0.0,
                    warnings=[PageWarning(index + 1, unexpected_message(exc))])


def pages_to_result(path: str, digest: str, pages: list[Page | ReadFailure],
                    decisions: tuple[Decision, ...] = ()) -> DocResult:
    """Reassemble page-task results in page order into a Document and normalize it once."""
    errors = [p for p in pages if isinstance(p, ReadFailure)]
    if errors:
        return failed_result(path, digest, errors[0].message)
    doc = Document(doc_id=digest[:16], source_file=path, pages=sorted(pages, key=lambda p: p.number))
    return _guarded(path, digest, lambda: document_to_result(doc, decisions))


def document_to_result(doc: Document, decisions: tuple[Decision, ...] = ()) -> DocResult:
    """Normalize an extracted document; its status follows from its page warnings.

    `partial` when some pages carry warnings (an OCR timeout, a page too large), `failed` when no
    page could be read at all: an empty "partial" document would hide the problem.
    """
    normalized = document_to_records(doc, default_vocabulary(), decisions)
    meta = normalized.meta
    warnings = [w for p in doc.pages for w in p.warnings]
    unread = [p for p in doc.pages if p.warnings and not p.tables and not p.text.strip()]
    status = "ok" if not warnings else "failed" if len(unread) == len(doc.pages) else "partial"
    error = f"{doc.source_file}: {warnings_to_error(warnings)}" if warnings else None
    return DocResult(
        document=DocumentRow(doc.doc_id, doc.source_file, meta.satker, meta.year, meta.doc_type, doc.n_pages,
                             doc.n_ocr_pages, status, error[:500] if error else None, PIPELINE_VERSION),
        rows=normalized.records)


def failed_result(path: str, digest: str, message: str) -> DocResult:
    """A `failed` documents row with a one-line error and no other rows."""
    return DocResult(DocumentRow(digest[:16], path, None, None, "UNKNOWN", None, None, "failed",
                                 message.splitlines()[0] if message else "failed", PIPELINE_VERSION))


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
