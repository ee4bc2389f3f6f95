"""Borderless tables from the text layer (extract/word_table.py via text_layer.py) and the table
readers' hierarchy rules, on real PDFs of the layout corpus and on small tables."""

from __future__ import annotations

import pdfplumber
import pytest

from conftest import CORPUS
from kpu_extract.extract.model import Cell, RawTable
from kpu_extract.extract.text_layer import plumber_page_to_page
from kpu_extract.extract.word_table import FILLED_MARK
from kpu_extract.normalize.columns import header_role, is_column_number_row
from kpu_extract.normalize.rows import tables_to_logical
from kpu_extract.normalize.tables import code_level, logical_to_drafts, split_code
from kpu_extract.normalize.values import cell_to_months
from kpu_extract.normalize.vocabulary import default_vocabulary

LAYOUTS = CORPUS / "layouts"


def _page(path, number=1):
    with pdfplumber.open(path) as pdf:
        return plumber_page_to_page(pdf.pages[number - 1], number)


def test_two_borderless_tables_under_each_other_are_split_at_their_heading():
    tables = [t for t in _page(LAYOUTS / "L40_lakip_hrules.pdf").tables if t.strategy == "words"]
    assert [(t.n_cols, t.rows[0][0]) for t in tables] == [(6, "No"), (4, "Uraian")]
    assert tables[1].rows[1][1:] == ["17,421,000.00", "14,163,273.00", "81.30"]


def test_justified_prose_is_not_a_table():
    page = _page(CORPUS / "lakip_kota_serang_2022.pdf", 5)
    assert [t.strategy for t in page.tables] == ["lines", "lines"]
    assert "Rp. 3.741.209.000" in page.text


def test_shaded_schedule_cells_read_as_planned_marks():
    table = next(t for t in _page(LAYOUTS / "L54_rak_none.pdf").tables if t.strategy == "words")
    row = next(r for r in table.rows if r[0] == "2")
    assert row.count(FILLED_MARK) >= 9
    assert cell_to_months(FILLED_MARK, column_month=4) == [4]


def test_group_label_column_of_a_borderless_rkt_stays_a_column():
    table = next(t for t in _page(LAYOUTS / "L08_rkt_none.pdf").tables if t.strategy == "words")
    assert table.rows[0][0].startswith("PROGRAM/KEGIATAN")
    assert header_role(table.rows[0][0]) == "program_kegiatan"


@pytest.mark.parametrize("text,role", [("Alokasi", "pagu"), ("Jumlah (Rp)", "pagu"), ("PJ", "pelaksana"),
                                       ("Kode DIPA", "kode"), ("Waktu Pelaksanaan (Bulan)", "schedule_month"),
                                       ("PROGRAM/KEGIATAN/OUT\nPUT", "program_kegiatan")])
def test_header_synonyms_from_the_vocabulary(text, role):
    assert header_role(text) == role


def test_wrapped_marks_and_merged_number_cells():
    assert cell_to_months("ming gu ke 3", column_month=7) == [7]
    assert is_column_number_row(["(15)", "(16)", "(17) (18)", "(19)"])


def test_codes_give_levels():
    assert split_code("", "CQ.6709.QGE Tata Kelola Kelembagaan") == ("CQ.6709.QGE", "Tata Kelola Kelembagaan")
    assert split_code("076.01.WA", "Program Dukungan Manajemen") == ("076.01.WA", "Program Dukungan Manajemen")
    assert [code_level(k) for k in ("076.01.CQ", "CQ.6709", "CQ.6709.QGE", "CQ.6709.QGE.001")] == [
        "program", "kegiatan", "output", "suboutput"]


def _raw(rows, bold_rows=()):
    cells = [Cell(text or "", r, c, bold=r in bold_rows) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return RawTable(page=1, index=0, rows=rows, cells=cells, bbox=(0, 0, 500, 500), words_above=0, words_below=0)


def test_rkt_groups_by_code_and_jumlah_indikator_is_no_total():
    table = _raw([
        ["Program/Kegiatan/Output", "Sasaran", "Indikator Kinerja", "Target", "Uraian Kegiatan", "Anggaran"],
        ["076.01.CQ Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi", "", "", "", "", "1.500.000"],
        ["CQ.6709 Perencanaan Program dan Anggaran", "", "", "", "", "1.500.000"],
        ["", "Terlaksananya rekapitulasi", "Jumlah rapat pleno rekapitulasi", "4 kali", "Rapat pleno", "1.500.000"],
        ["JUMLAH", "", "", "", "", "1.500.000"],
    ])
    (lt,), unread = tables_to_logical([table], {1: 800.0})
    drafts = logical_to_drafts(lt, default_vocabulary())
    assert not unread
    assert [(b.level, b.kode, b.pagu) for b in drafts.budget] == [
        ("program", "076.01.CQ", 1500000), ("kegiatan", "CQ.6709", 1500000), ("item", None, 1500000),
        ("total", None, 1500000)]
    assert drafts.budget[0].uraian == "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi"
    assert drafts.budget[2].program == "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi"
    assert [(t.indikator, t.target_raw) for t in drafts.targets] == [("Jumlah rapat pleno rekapitulasi", "4 kali")]


def test_bold_group_rows_without_codes():
    table = _raw([
        ["Uraian", "Sasaran", "Indikator", "Keluaran", "Rencana Aksi", "Biaya"],
        ["Program Dukungan Manajemen", "", "", "", "", ""],
        ["", "Terwujudnya Data Pemilih", "Persentase Pemutakhiran", "Layanan", "Revisi Laporan Keuangan", "909.000"],
    ], bold_rows=(1,))
    (lt,), _ = tables_to_logical([table], {1: 800.0})
    drafts = logical_to_drafts(lt, default_vocabulary())
    assert [(b.level, b.program, b.uraian) for b in drafts.budget] == [
        ("item", "Program Dukungan Manajemen", "Revisi Laporan Keuangan")]


def test_a_pattern_fill_is_no_shade():
    """pdfplumber gives a pattern fill's colour with the pattern's name among its components (page
    31 of the real Disperindag LKIP failed on it)."""
    from kpu_extract.extract.text_layer import _shade

    assert _shade((0.2, 0.2, 0.2)) == pytest.approx(0.2) and _shade(0.5) == 0.5 and _shade(None) == 1.0
    assert _shade(("P1",)) == 1.0 and _shade((0.1, "P1")) == 1.0
