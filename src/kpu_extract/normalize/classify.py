"""doc_type, satker and year from the document's own text (never from its file name)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.model import Document
from .agency import printed_agency, regions_of
from .vocabulary import Vocabulary, canonical_satker_from_text

_YEAR = re.compile(r"\b(20[0-4]\d)\b")
_NAMED_YEAR = re.compile(r"\btahun\s+(?:anggaran\s+)?(20[0-4]\d)\b", re.I)
# A realisation report is about the year its table header names as realised ('Realisasi Renja
# BPMPD Tahun 2013'), not the Renstra horizon or the forward year its title block prints first.
_REALISED_YEAR = re.compile(r"\brealisasi\s+(?:[a-z]+\s+){1,3}tahun\s+(20[0-4]\d)\b", re.I)
# How far after the title phrase the year may stand (title blocks put it within a few lines).
YEAR_WINDOW = 250
TITLE_PAGES = 2
# A realisation report prints its agency in the first rows of its table ('DINAS KESEHATAN').
AGENCY_TABLE_ROWS = 8


@dataclass(frozen=True)
class DocMeta:
    doc_type: str
    satker: str | None
    year: int | None


def document_to_meta(doc: Document, vocab: Vocabulary) -> DocMeta:
    """Classify a document from the text of its first pages (title block)."""
    head = "\n".join(p.text + "\n" + _table_text(p) for p in doc.pages[:TITLE_PAGES])
    doc_type, at = title_to_doc_type(head, vocab)
    realised = _REALISED_YEAR.search("\n".join(_table_text(p) for p in doc.pages[:TITLE_PAGES]))
    year = int(realised.group(1)) if doc_type == "LAPTAH" and realised else _year(head, at)
    satker = canonical_satker_from_text(head) or canonical_satker_from_text(doc.text) or printed_agency(
        "\n".join(p.text + "\n" + _table_text(p, AGENCY_TABLE_ROWS, "\n") for p in doc.pages[:TITLE_PAGES]),
        regions_of([e.canonical for e in vocab.entries("satker")]))
    return DocMeta(doc_type, satker, year)


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
    """The first year printed after the title phrase (not a signing date further down); without a
    title phrase the first year named as one ('Tahun 2017', 'Tahun Anggaran 2016') before any
    other (a letter is dated 'Bandung, 4 Mei 2016' above the plan year it is about)."""
    start = max(title_at, 0)
    m = (_YEAR.search(text, start, start + YEAR_WINDOW) if title_at >= 0 else _NAMED_YEAR.search(text)) \
        or _YEAR.search(text)
    return int(m.group(1)) if m else None
