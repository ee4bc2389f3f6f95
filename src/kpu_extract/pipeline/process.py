"""Process one document end to end: bytes -> extract -> normalize -> a picklable result.

This is the task every executor (local pool or Dask) runs; it never raises for a bad
document, it returns a `failed` result with a one-line error instead.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from .. import PIPELINE_VERSION
from ..errors import KpuExtractError
from ..extract.pdf import ExtractSettings, pdf_to_document
from ..normalize.document import Records, document_to_records
from ..normalize.schema import DocumentRow
from ..normalize.vocabulary import default_vocabulary

log = logging.getLogger(__name__)


@dataclass
class DocResult:
    """What one document contributes to every dataset."""

    document: DocumentRow
    rows: dict[str, list] = field(default_factory=dict)  # dataset -> contract rows


def file_digest(path: str | Path) -> str:
    """Full SHA-256 hex digest of the file's bytes (doc_id is its first 16 characters)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def process_document(path: str, digest: str, settings: ExtractSettings | None = None) -> DocResult:
    """Extract and normalize one PDF; failures become a `failed` documents row."""
    doc_id = digest[:16]
    try:
        doc = pdf_to_document(path, doc_id, settings or ExtractSettings())
        records = document_to_records(doc, default_vocabulary())
    except KpuExtractError as exc:
        return _failed(path, doc_id, exc.message)
    except Exception as exc:  # a bug or an unforeseen file: the batch goes on, the row says why
        log.debug("unexpected error on %s", path, exc_info=True)
        return _failed(path, doc_id, f"{path}: unexpected {type(exc).__name__}: {exc}".splitlines()[0])
    warnings = [w for p in doc.pages for w in p.warnings]
    return DocResult(
        document=DocumentRow(doc_id, path, records.meta.satker, records.meta.year, records.meta.doc_type,
                             doc.n_pages, doc.n_ocr_pages, "partial" if warnings else "ok",
                             "; ".join(warnings)[:500] or None, PIPELINE_VERSION),
        rows=_rows(records))


def _rows(records: Records) -> dict[str, list]:
    return {name: getattr(records, name) for name in ("targets", "pagu", "realisasi", "schedule", "checks", "review")}


def _failed(path: str, doc_id: str, message: str) -> DocResult:
    return DocResult(DocumentRow(doc_id, path, None, None, "UNKNOWN", None, None, "failed", message,
                                 PIPELINE_VERSION))
