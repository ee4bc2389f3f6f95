"""doc_type, satker and year come from the document's title block, never from the file name."""

from __future__ import annotations

import pytest

from kpu_extract.extract.model import Document, Page, RawTable
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
        # the Permendagri 54 Renja table, titled without the word Renja
        ("Tabel 3.1\nRumusan Rencana Program dan Kegiatan Tahun 2016 dan Prakiraan Maju Tahun 2017", "RKT"),
    ],
)
def test_title_to_doc_type(text, expected):
    assert title_to_doc_type(text, default_vocabulary())[0] == expected


def test_year_is_the_one_after_the_title_not_the_signing_date():
    title = "LAPORAN TAHUNAN\n2023\nKOMISI PEMILIHAN UMUM KOTA SERANG\nSerang, 31 Januari 2024"
    doc = Document("d", "laporan_2024_final.pdf", [Page(1, "text", 600, 800, text=title)])
    assert document_to_meta(doc, default_vocabulary()) == DocMeta("LAPTAH", "KPU Kota Serang", 2023)


def _meta(text: str) -> DocMeta:
    return document_to_meta(Document("d", "x.pdf", [Page(1, "text", 600, 800, text=text)]), default_vocabulary())


def test_without_a_title_the_year_named_as_one_beats_the_letter_date():
    letter = "Bandung, 4 Mei 2016\nHal Penyampaian Pagu Indikatif\nProvinsi Jawa Barat Tahun 2017"
    assert _meta(letter).year == 2017


@pytest.mark.parametrize("text,agency", [
    # the owner of a transmitted budget, labelled, beats the sender's letterhead; region from the title line above
    ("PEMERINTAH PROVINSI JAWA BARAT\nBADAN PERENCANAAN PEMBANGUNAN DAERAH\nPAGU INDIKATIF OPD/BIRO\n"
     "PROVINSI JAWA BARAT TAHUN 2017\nOPD: DINAS ENERGI DAN SUMBER DAYA MINERAL",
     "Dinas Energi dan Sumber Daya Mineral Provinsi Jawa Barat"),
    # a letterhead: the region on the line above
    ("PEMERINTAH PROVINSI JAWA BARAT\nDINAS ENERGI DAN SUMBER DAYA MINERAL\nJalan Soekarno Hatta Nomor 576",
     "Dinas Energi dan Sumber Daya Mineral Provinsi Jawa Barat"),
    # a region cut at the line end is completed by the next line, only into a known region
    ("PERJANJIAN KINERJA TAHUN 2016\nDINAS ENERGI DAN SUMBER DAYA MINERAL PROVINSI JAWA\nBARAT",
     "Dinas Energi dan Sumber Daya Mineral Provinsi Jawa Barat"),
    ("DINAS PERHUBUNGAN PROVINSI JAWA\nTENGAH BARU", "Dinas Perhubungan Provinsi Jawa Tengah"),
    ("DINAS PERHUBUNGAN PROVINSI JAWA\nSELATAN", "Dinas Perhubungan Provinsi Jawa"),
    # letters spaced out in a heading
    ("Rencana Aksi Tahun 2016\nINSPEKTORAT P R O V I N S I J A W A B A R A T", "Inspektorat Provinsi Jawa Barat"),
])
def test_agency_as_printed_with_its_region(text, agency):
    assert _meta(text).satker == agency


def test_a_realisation_report_is_about_the_year_its_table_header_realises():
    title = "BAB II\nEVALUASI PELAKSANAAN RENJA BPMPD TAHUN LALU\nPencapaian Renstra BPMPD s/d Tahun 2014"
    header = RawTable(1, 0, [["Kode", "Target Renja\nBPMPD Tahun 2013", "Realisasi Renja\nBPMPD Tahun 2013"],
                             ["1", "6", "7"]])
    doc = Document("d", "x.pdf", [Page(1, "text", 600, 800, tables=[header], text=title)])
    assert document_to_meta(doc, default_vocabulary()).year == 2013
    plan = "RENCANA KERJA TAHUNAN TAHUN 2016\nRealisasi Anggaran Tahun 2014"  # only a realisation report
    assert _meta(plan).year == 2016


@pytest.mark.parametrize("text,agency", [
    # the agency inside a title line, between the document type and its years
    ("RENCANA STRATEGIS (RENSTRA) DINAS PENDIDIKAN KABUPATEN SLEMAN TAHUN 2025-2029",
     "Dinas Pendidikan Kabupaten Sleman"),
    ("RENCANA KERJA BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH PROVINSI JAWA TENGAH TAHUN 2027",
     "Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Jawa Tengah"),
    ("LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) DINAS PERHUBUNGAN PROVINSI JAWA BARAT TAHUN 2016",
     "Dinas Perhubungan Provinsi Jawa Barat"),
    ("PERJANJIAN KINERJA TAHUN 2016 DINAS PETERNAKAN PROVINSI JAWA BARAT", "Dinas Peternakan Provinsi Jawa Barat"),
    ("Rencana Aksi Kinerja Dinas Kesehatan Kota Bandung Tahun 2024", "Dinas Kesehatan Kota Bandung"),
    # a cover page: the title centred over several lines, the name wrapped across 'DAN'
    ("RENCANA STRATEGIS\nBADAN KESATUAN BANGSA\nDAN POLITIK\nKABUPATEN SLEMAN\nTAHUN 2025 - 2029",
     "Badan Kesatuan Bangsa dan Politik Kabupaten Sleman"),
    ("RANCANGAN RENCANA KERJA\nRUMAH SAKIT UMUM DAERAH KABUPATEN SIDOARJO\nTAHUN 2027",
     "Rumah Sakit Umum Daerah Kabupaten Sidoarjo"),
    ("RENCANA KERJA\nRUMAH SAKIT UMUM DAERAH\nDr. SOEKARDJO\nKOTA TASIKMALAYA\nTAHUN 2027",
     "Rumah Sakit Umum Daerah Dr. Soekardjo Kota Tasikmalaya"),
    ("PEMERINTAH KABUPATEN SLEMAN\nRENCANA KERJA\nBADAN PENGELOLAAN KEUANGAN\nDAERAH\nTAHUN 2027",
     "Badan Pengelolaan Keuangan Daerah Kabupaten Sleman"),
    # agency kinds beyond dinas/badan, acronyms printed as is, never expanded
    ("RENCANA KERJA RSUD Dr. SOETOMO TAHUN 2027", "RSUD Dr. Soetomo"),
    # in a name printed in mixed case, an all-capital word is an acronym (Renja Tabel 3.1 ESDM)
    ("Rumusan Rencana Program dan Kegiatan Dinas ESDM Tahun 2016 dan Prakiraan Maju Tahun 2017", "Dinas ESDM"),
    ("RENCANA KERJA\nRSUD Dr. M. M. DUNDA\nKOTA GORONTALO\nTAHUN 2026", "RSUD Dr. M. M. Dunda Kota Gorontalo"),
    ("LAPORAN KINERJA PUSKESMAS KEDUNGMUNDU TAHUN 2023", "Puskesmas Kedungmundu"),
    ("PERJANJIAN KINERJA\nKECAMATAN KOTA BARAT\nKOTA GORONTALO\nTAHUN 2024", "Kecamatan Kota Barat Kota Gorontalo"),
    ("RENCANA STRATEGIS SEKRETARIAT DPRD KABUPATEN SLEMAN TAHUN 2021-2026", "Sekretariat DPRD Kabupaten Sleman"),
    ("LAPORAN KINERJA SATUAN POLISI PAMONG PRAJA KOTA BANDUNG TAHUN 2022",
     "Satuan Polisi Pamong Praja Kota Bandung"),
    ("PERJANJIAN KINERJA PERUBAHAN TAHUN 2020\nBAPPEDA KABUPATEN PASURUAN", "BAPPEDA Kabupaten Pasuruan"),
    ("RENCANA KERJA BADAN PERENCANAAN PEMBANGUNAN DAERAH (BAPPEDA) KABUPATEN PASURUAN TAHUN 2021",
     "Badan Perencanaan Pembangunan Daerah Kabupaten Pasuruan"),
    # a signature block, below the title's own agency in priority
    ("PERJANJIAN KINERJA TAHUN 2016\nKEPALA DINAS PERHUBUNGAN\nPROVINSI JAWA BARAT\n\nIr. NAMA, MT",
     "Dinas Perhubungan Provinsi Jawa Barat"),
    ("RENCANA KERJA TAHUN 2027\nDINAS KESEHATAN KOTA BANDUNG\nBandung, 2 Januari 2027\nKEPALA DINAS PERHUBUNGAN",
     "Dinas Kesehatan Kota Bandung"),
    ("RENCANA KERJA TAHUN 2027\nDIREKTUR RSUD Dr. SOETOMO", "RSUD Dr. Soetomo"),
    # a full name before an acronym printed earlier (a table's responsible-unit column)
    ("URUSAN\nDINKES\nDINAS KESEHATAN", "Dinas Kesehatan"),
    ("Mengetahui,\nKepala Dinas Kesehatan Kota Bandung,\n\nNAMA", "Dinas Kesehatan Kota Bandung"),
    # a region only when real; a title's next line is never swallowed
    ("RENCANA KERJA DINAS KESEHATAN KOTA ATLANTIS TAHUN 2027", "Dinas Kesehatan Kota Atlantis"),
    ("DINAS KESEHATAN\nBIDANG PELAYANAN KESEHATAN\nTAHUN 2027", "Dinas Kesehatan"),
    ("RENCANA KERJA BADAN PENANGGULANGAN BENCANA DAERAH\nTAHUN 2027\nBAB I PENDAHULUAN",
     "Badan Penanggulangan Bencana Daerah"),
    # negatives: a sentence, a table header, a bare kind
    ("Rencana kerja ini disusun oleh dinas kesehatan untuk tahun 2027", None),
    ("Laporan ini disusun oleh Dinas Kesehatan sebagai pertanggungjawaban", None),
    ("No\nKecamatan\nJumlah Penduduk", None),
    ("RENCANA KERJA TAHUN 2027\nBAB I PENDAHULUAN", None),
])
def test_agency_in_a_title_cover_or_signature(text, agency):
    assert _meta(text).satker == agency
