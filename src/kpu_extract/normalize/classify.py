"""doc_type, satker and year from the document's own text (never from its file name)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.model import Document
from .vocabulary import Vocabulary, canonical_satker_from_text

_YEAR = re.compile(r"\b(20[0-4]\d)\b")
# How far after the title phrase the year may stand (title blocks put it within a few lines).
YEAR_WINDOW = 250
TITLE_PAGES = 2


@dataclass(frozen=True)
class DocMeta:
    doc_type: str
    satker: str | None
    year: int | None


def document_to_meta(doc: Document, vocab: Vocabulary) -> DocMeta:
    """Classify a document from the text of its first pages (title block)."""
    head = "\n".join(p.text + "\n" + _table_text(p) for p in doc.pages[:TITLE_PAGES])
    doc_type, at = title_to_doc_type(head, vocab)
    year = _year(head, at)
    satker = canonical_satker_from_text(head) or canonical_satker_from_text(doc.text) or printed_agency(
        "\n".join(p.text + "\n" + _table_text(p, AGENCY_TABLE_ROWS, "\n") for p in doc.pages[:TITLE_PAGES]))
    return DocMeta(doc_type, satker, year)


# A non-KPU agency as its title block prints it: 'DINAS PERHUBUNGAN PROVINSI JAWA BARAT',
# 'Nama OPD : Badan Pemberdayaan ...' (its region on a line of its own above).
_AGENCY = re.compile(r"^\s*(?:nama\s+(?:opd|skpd|instansi|satker)\s*:\s*)?((?:dinas|badan|inspektorat|sekretariat|"
                     r"biro|kantor|satuan\s+polisi)\b[^\n:]{0,120}?)(?:\s+\w+\s*:[^\n]*)?\s*$", re.I | re.M)
_REGION = re.compile(r"\b(provinsi|kabupaten|kota)\s+[A-Z]", re.I)
_REGION_LINE = re.compile(r"^\s*((?:provinsi|kabupaten|kota)\s+[a-z ]{3,40}?)\s*$", re.I | re.M)
AGENCY_MAX_WORDS = 14
# A realisation report prints its agency in the first rows of its table ('DINAS KESEHATAN').
AGENCY_TABLE_ROWS = 8
_SMALL_WORDS = {"dan", "di", "ke", "dari", "untuk", "serta"}


def printed_agency(text: str) -> str | None:
    """The first agency name of a title block, cleaned ('Dinas Perhubungan Provinsi Jawa Barat'),
    with its region from a line of its own above it when the name line has none; None when none is printed."""
    for m in _AGENCY.finditer(text):
        name = " ".join(m.group(1).split())
        if len(name.split()) > AGENCY_MAX_WORDS or not (name.isupper() or m.group(0).lower().lstrip().startswith("nama")
                                                        or name.istitle() or _REGION.search(name)):
            continue
        if not _REGION.search(name) and (region := _REGION_LINE.search(text, 0, m.start())):
            name = f"{name} {' '.join(region.group(1).split())}"
        return " ".join(w.lower() if w.lower() in _SMALL_WORDS else w if re.fullmatch(r"[IVX]+", w) else
                        w.capitalize() for w in name.split())
    return None


def _table_text(page, n_rows: int = 2, sep: str = " ") -> str:
    return "\n".join(sep.join(c or "" for c in row) for t in page.tables[:1] for row in t.rows[:n_rows])


def title_to_doc_type(text: str, vocab: Vocabulary) -> tuple[str, int]:
    """The doc type whose title phrase (vocabulary/doc_types.csv) is printed first, and where;
    ('UNKNOWN', -1) when none is. At one position the longer phrase wins."""
    best = ("UNKNOWN", -1, 0)
    for entry in vocab.doc_types:
        for phrase in (entry.canonical, *entry.variants):
            m = re.search(r"\s+".join(map(re.escape, phrase.split())), text, re.I)
            if m and (best[1] < 0 or (m.start(), -len(phrase)) < (best[1], -best[2])):
                best = (entry.id, m.start(), len(phrase))
    return best[0], best[1]


def _year(text: str, title_at: int) -> int | None:
    """The first year printed after the title phrase (not a signing date further down)."""
    start = max(title_at, 0)
    m = _YEAR.search(text, start, start + YEAR_WINDOW) or _YEAR.search(text)
    return int(m.group(1)) if m else None
