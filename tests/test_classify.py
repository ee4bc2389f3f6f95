"""doc_type, satker and year come from the document's title block, never from the file name."""

from __future__ import annotations

import pytest

from kpu_extract.extract.model import Document, Page
from kpu_extract.normalize.classify import DocMeta, document_to_meta, title_to_doc_type
from kpu_extract.normalize.vocabulary import default_vocabulary


@pytest.mark.parametrize(
    "text,expected",
    [
        ("RENCANA AKSI KINERJA TAHUN 2023 KOMISI PEMILIHAN UMUM KABUPATEN SERANG", "RAK"),
        ("KOMISI PEMILIHAN UMUM KOTA SERANG RENCANA KERJA TAHUNAN TAHUN ANGGARAN 2021", "RKT"),
        ("RENCANA KINERJA TAHUNAN KOMISI PEMILIHAN UMUM KOTA SERANG TAHUN 2022", "RKT"),
        ("PERJANJIAN KINERJA TAHUN 2022 KOMISI PEMILIHAN UMUM KOTA SERANG", "PK"),
        ("KPU KOTA SERANG LAPORAN KINERJA KOMISI PEMILIHAN UMUM KOTA SERANG 2022", "LAKIP"),
        ("LAPORAN AKUNTABILITAS KINERJA INSTANSI PEMERINTAH", "LAKIP"),
        ("LAPORAN TAHUNAN 2023 KOMISI PEMILIHAN UMUM KOTA SERANG", "LAPTAH"),
        ("DAFTAR HADIR RAPAT", "UNKNOWN"),
    ],
)
def test_title_to_doc_type(text, expected):
    assert title_to_doc_type(text, default_vocabulary())[0] == expected


def test_year_is_the_one_after_the_title_not_the_signing_date():
    title = "LAPORAN TAHUNAN\n2023\nKOMISI PEMILIHAN UMUM KOTA SERANG\nSerang, 31 Januari 2024"
    doc = Document("d", "laporan_2024_final.pdf", [Page(1, "text", 600, 800, text=title)])
    assert document_to_meta(doc, default_vocabulary()) == DocMeta("LAPTAH", "KPU Kota Serang", 2023)
