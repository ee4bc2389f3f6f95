"""Unit tests of the table stages of normalize/: column roles, joining pages, carrying merged
cells down, several kegiatan in one cell, and a headerless table sent to review."""

from __future__ import annotations

import pytest

from kpu_extract.extract.model import Cell, Document, Page, RawTable
from kpu_extract.normalize.columns import header_role, is_column_number_row, table_to_columns
from kpu_extract.normalize.document import document_to_records
from kpu_extract.normalize.rows import running_footers, tables_to_logical
from kpu_extract.normalize.tables import code_level, split_code, split_items
from kpu_extract.normalize.vocabulary import default_vocabulary


def raw(rows, page=1, spans=(), bbox=(0, 0, 500, 500), above=0, below=0) -> RawTable:
    """A RawTable from rows of text (None = covered by a span); spans: (row, col, row_span, col_span)."""
    span_at = {(r, c): (rs, cs) for r, c, rs, cs in spans}
    cells = [Cell(text or "", r, c, *span_at.get((r, c), (1, 1)))
             for r, row in enumerate(rows) for c, text in enumerate(row) if text is not None]
    return RawTable(page=page, index=0, rows=rows, cells=cells, bbox=bbox, words_above=above, words_below=below)


@pytest.mark.parametrize("text,role", [
    ("SASARAN PROGRAM/KEGIATAN", "sasaran"), ("PROGRAM/KEGIATAN SASARAN", "sasaran"),  # OCR swapped its lines
    ("TARGET KEGIATAN/ AKSI", "target_kegiatan"),
    ("TARGET INDIKATOR KINERJA", "target_indikator"), ("NAMA KEGIATAN/AKSI", "kegiatan"),
    ("Pelaksanaan Kegiatan Bulanan", "schedule_month"), ("PELAKSANAAN", "pelaksana"),
    ("PERKIRAAN BIAYA", "pagu"), ("Perkiraan kebutuhan Anggaran", "pagu"), ("Realisasi", "realisasi"),
    ("%", "persen"), ("Yo", "persen"), ("Uraian", "uraian"), ("Terwujudnya Penyelenggaraan", None),
    ("BIDANG URUSAN / PROGRAM / OUTCOME / KEGIATAN / SUBKEGIATAN OUTPUT", "program_kegiatan"),
    ("Indikator sasaran", "indikator"), ("Indikator Tujuan", "tujuan"), ("SATUAN", "satuan"),
])
def test_header_roles(text, role):
    assert header_role(text) == role


def test_column_number_rows():
    assert is_column_number_row(["(1)", "(2)", "(3)", "(4)"])
    assert is_column_number_row(["I", "II", "III", "IV"])
    assert not is_column_number_row(["1", "Terwujudnya Data Pemilih", "100%", "1.000.000"])
    # OCR scraps of some numbers ('(1)' read as 'a)', '(4)' as 'ta')
    assert is_column_number_row(["a)", "(2)", "(3)", "ta"])
    # a hard scan's: numbers missing between the ones read, still rising
    assert is_column_number_row(["ta)", "ta)", "(3)", "ta", "(5)", "(6)", "t7)", "(8)", "(9)", "(10)", "(d1)", "aa"])
    assert not is_column_number_row(["(3)", "(2)", "ta"])
    assert is_column_number_row(["(1)", "(2)", "(3)", "4}"])
    assert not is_column_number_row(["(2)", "(4)", "ab", "cd"])  # not consecutive
    assert not is_column_number_row(["1", "(2)", "(3)", "Persentase"])  # a long cell is data


MONTHLY = [["NO", "SASARAN", "KEGIATAN", "Pelaksanaan Kegiatan Bulanan"] + [None] * 11 + ["BIAYA"],
           [None, None, None] + [f"B{m}" if m != 10 else "10" for m in range(1, 13)] + [None],
           [f"({i})" for i in range(1, 17)]]
MONTHLY_SPANS = [(0, 3, 1, 12), (0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 2, 1), (0, 15, 2, 1)]


def test_months_come_from_position_under_the_group_header():
    columns = table_to_columns(raw(MONTHLY + [["1", "S", "K"] + [""] * 12 + ["1.000"]], spans=MONTHLY_SPANS))
    assert columns.header_rows == 3
    assert columns.months == {3 + m - 1: m for m in range(1, 13)}  # '10' (B lost by OCR) is month 10
    assert columns.roles[:3] == ("no", "sasaran", "kegiatan") and columns.roles[15] == "pagu"


def test_merged_sasaran_is_carried_down_and_the_table_joined_across_pages():
    data1 = [["1", "Sasaran satu", "Keg A"] + ["M1-4"] + [""] * 11 + ["1.000.000"],
             [None, None, "Keg B"] + [""] * 12 + ["2.000.000"]]
    data2 = [["", "", "Keg C"] + [""] * 12 + ["3.000.000"]]
    first = raw(MONTHLY + data1, page=1, spans=MONTHLY_SPANS + [(3, 0, 2, 1), (3, 1, 2, 1)], below=1)
    second = raw(MONTHLY + data2, page=2, spans=MONTHLY_SPANS, above=3)
    logical, unread = tables_to_logical([first, second], {1: 600, 2: 600})
    assert unread == [] and len(logical) == 1
    lt = logical[0]
    assert [(r.page, lt.value(r, "sasaran"), lt.value(r, "kegiatan")) for r in lt.rows] == [
        (1, "Sasaran satu", "Keg A"), (1, "Sasaran satu", "Keg B"), (2, "Sasaran satu", "Keg C")]


def test_a_table_under_a_heading_on_the_next_page_is_a_new_table():
    first = raw(MONTHLY + [["1", "S", "K"] + [""] * 12 + ["1.000"]], page=1, spans=MONTHLY_SPANS, below=0)
    second = raw(MONTHLY + [["1", "T", "L"] + [""] * 12 + ["2.000"]], page=2, spans=MONTHLY_SPANS, above=40)
    logical, _ = tables_to_logical([first, second], {1: 600, 2: 600})
    assert len(logical) == 2


def test_a_running_footer_is_the_last_line_a_neighbouring_page_ends_with_page_numbers_aside():
    texts = {1: "BAB IV\nDinas Perindustrian dan Perdagangan Kota Bogor 56",
             2: "Rencana Kerja Tahun 2020\nDinas Perindustrian dan Perdagangan Kota Bogor 57\n",
             3: "Rencana Kerja Tahun 2020\nKepala Dinas", 4: ""}
    assert running_footers(texts) == {1: 7, 2: 7}


def test_a_table_continues_past_a_running_footer_but_not_past_a_paragraph_of_as_many_words():
    first = raw(MONTHLY + [["1", "S", "K"] + [""] * 12 + ["1.000"]], page=1, spans=MONTHLY_SPANS, below=7)
    second = raw(MONTHLY + [["2", "T", "L"] + [""] * 12 + ["2.000"]], page=2, spans=MONTHLY_SPANS, above=4)
    assert len(tables_to_logical([first, second], {1: 600, 2: 600}, footers={1: 7, 2: 7})[0]) == 1
    assert len(tables_to_logical([first, second], {1: 600, 2: 600})[0]) == 2


def test_a_part_with_a_header_of_its_own_does_not_continue_a_table_read_by_content():
    by_content = raw([["Belanja pegawai kantor", "", "1.000.000"], ["Belanja barang kantor", "", "2.000.000"],
                      ["Belanja modal kantor", "", "3.000.000"]], page=1, below=0)
    headed = raw([["URAIAN", "INDIKATOR", "PAGU"], ["Belanja jasa", "Jumlah laporan", "4.000.000"]], page=2, above=0)
    logical, _ = tables_to_logical([by_content, headed], {1: 600, 2: 600})
    assert [lt.columns.by_content for lt in logical] == [True, False]
    assert logical[1].value(logical[1].rows[0], "indikator") == "Jumlah laporan"


def test_a_continuation_whose_rules_moved_mid_page_is_put_into_the_columns_of_the_part_before():
    """Renja Kota Bogor p. 67: a section lower on the page has its rules elsewhere, so the finder
    gives two columns for the target, each filled on other rows: both are the one target column."""
    def part(page, rows, xs, above=0, below=0):
        cells = [Cell(text, r, c, bbox=(xs[c], 100 + 20 * r, xs[c + 1], 120 + 20 * r))
                 for r, row in enumerate(rows) for c, text in enumerate(row) if text]
        return RawTable(page=page, index=0, rows=rows, cells=cells, bbox=(0, 90, 500, 560),
                        words_above=above, words_below=below)
    first = part(1, [["URAIAN", "TARGET", "PAGU"], ["Belanja A", "1 kali", "1.000.000"]], [0, 200, 300, 400])
    second = part(2, [["Belanja B", "2 kali", "", "2.000.000"], ["Belanja C", "", "60 Persen", "3.000.000"]],
                  [0, 200, 250, 300, 400])
    (lt,), _ = tables_to_logical([first, second], {1: 600, 2: 600})
    assert [(lt.value(r, "uraian"), lt.value(r, "target")) for r in lt.rows] == [
        ("Belanja A", "1 kali"), ("Belanja B", "2 kali"), ("Belanja C", "60 Persen")]


def test_a_tujuan_sasaran_table_with_numbered_labels_and_a_target_per_year():
    """Renja Kota Bogor p. 52: each label spans its outline number and its text; the targets stand
    under 'Tahun 2020' .. 'Tahun 2024' (a header row of year labels); the document's year is read."""
    rows = [["Tujuan", None, "Indikator Tujuan", None, "Sasaran", None, "Indikator sasaran", None, "SATUAN",
             "KONDISI\nAWAL\n2018", "Target Kinerja Sasaran", None, None],
            ["", "", "", "", "", "", "", "", "", "", "Tahun\n2020", "Tahun\n2021", "Tahun\n2022"],
            ["1.", "Terwujudnya pertumbuhan", "1.1", "Persentase pertumbuhan", "1.1.1", "Meningkatnya kualitas",
             "1.1.1.1", "Persentase pelaku usaha", "%", "4,4%", "5,4%", "5,94%", "6,53%"]]
    spans = [(0, 0, 1, 2), (0, 2, 1, 2), (0, 4, 1, 2), (0, 6, 1, 2), (0, 10, 1, 3)]
    more = rows[:2] + [["", "", "", "", "", "", "1.1.1.2", "Persentase industri", "%", "2%", "2,5%", "3%", "3,5%"]]
    document = Document("d", "x.pdf", [Page(1, "text", 842, 595, [raw(rows, spans=spans)], "RENCANA KERJA TAHUN 2020"),
                                       Page(2, "text", 842, 595, [raw(more, page=2, spans=spans)])])
    targets = document_to_records(document, default_vocabulary()).records.targets
    # the repeated header's year row is header, not a line carrying the indikator above
    assert [(t.page, t.indikator, t.target_raw, t.sasaran) for t in targets] == [
        (1, "Persentase pelaku usaha", "5,4%", "Meningkatnya kualitas"),
        (2, "Persentase industri", "2,5%", "Meningkatnya kualitas")]


def test_several_kegiatan_in_one_cell_by_bullets_as_printed_and_as_ocr_reads_them():
    assert split_items("• Menyusun PK\n• Menyusun LKJ Tahun\n2022") == ["Menyusun PK", "Menyusun LKJ Tahun 2022"]
    assert split_items("¢ Menyusun PK\n* Menyusun LKJ") == ["Menyusun PK", "Menyusun LKJ"]
    assert split_items("Pemeliharaan gedung dan\nbangunan") == ["Pemeliharaan gedung dan bangunan"]


def test_headerless_table_with_amounts_is_read_by_content():
    """No header, but a column of amounts: money column by content, the longest texts its uraian;
    the unknown uraian still go to review."""
    table = raw([["a", "Belanja", "1.250.000"], ["b", "Honor", "2.500.000"]], page=2)
    doc = Document("d", "x.pdf", [Page(1, "text", 600, 800, text="LAPORAN TAHUNAN 2023 KPU Kota Serang"),
                                  Page(2, "text", 600, 800, tables=[table])])
    records = document_to_records(doc, default_vocabulary()).records
    assert [(r.page, r.uraian, r.pagu) for r in records.pagu] == [(2, "Belanja", 1250000), (2, "Honor", 2500000)]
    assert [(r.page, r.raw, r.reason) for r in records.review] == [
        (2, "Belanja", "below_threshold"), (2, "Honor", "below_threshold")]


def test_headerless_table_with_stray_amounts_goes_to_review():
    table = raw([["a", "Belanja 1.250.000 dan", "x"], ["b", "Honor", "y"]], page=2)
    doc = Document("d", "x.pdf", [Page(1, "text", 600, 800, text="LAPORAN TAHUNAN 2023 KPU Kota Serang"),
                                  Page(2, "text", 600, 800, tables=[table])])
    records = document_to_records(doc, default_vocabulary()).records
    assert records.pagu == []
    assert [(r.page, r.reason) for r in records.review] == [(2, "table_without_header")]


def test_a_data_row_of_marks_is_not_taken_for_the_column_number_row():
    row = ["", "", "Keg A"] + ["v"] * 12 + [""]
    logical, _ = tables_to_logical([raw(MONTHLY + [row], spans=MONTHLY_SPANS)], {1: 600})
    assert [logical[0].value(r, "kegiatan") for r in logical[0].rows] == ["Keg A"]


def test_the_column_number_row_ends_a_header_whose_second_row_ocr_garbled():
    rows = [["NO", "SASARAN", "TARGET", "Triwulan", None, None, None, "PAGU"],
            ["", "", "", "|", '"', "im", "IV", ""],
            [f"({i})" for i in range(1, 9)],
            ["1", "Sasaran", "100%", "B1-B3", "", "", "", "1.000"]]
    columns = table_to_columns(raw(rows, spans=[(0, 3, 1, 4)]))
    assert columns.header_rows == 3 and columns.quarters == {3: 1, 4: 2, 5: 3, 6: 4}


def test_quarter_columns_whose_labels_ocr_garbled_take_the_quarter_their_months_lie_in():
    # L61 second-set scan: 'Triwulan' read as 'Tris | ulan' over '1 | nu | m | Iv'
    rows = [["NO", "SASARAN", "KEGIATAN", "", "Tris", "ulan", "", "PAGU"],
            ["", "", "", "1", "nu", "m", "Iv", ""],
            ["1", "Sasaran", "Keg A", "B1-B3", "B4-B6", "87-89", "B10-B12", "1.000"],
            ["2", "Sasaran", "Keg B", "BL-B3", "B5", "B7-B9", "BIBS", "2.000"],
            ["3", "Sasaran", "Keg C", "B2", "", "B7.B9", "810-812", "3.000"]]
    columns = table_to_columns(raw(rows))
    assert columns.quarters == {3: 1, 4: 2, 5: 3, 6: 4}
    # one quarter's months in a column of other marks: no quarter of its own
    rows[2][3], rows[3][3], rows[4][3] = "B1-B3", "v", "x"
    assert 3 not in table_to_columns(raw(rows)).quarters


def test_amount_and_percent_columns_whose_labels_ocr_lost_are_realisasi_and_persen_when_they_agree():
    # L47 scan: only 'Program/Kegiatan' read; the pagu column is found by its amounts
    rows = [["Program/Kegiatan", "", "", ""],
            ["076.01.CQ Penyelenggaraan Pemilu", "39.295.000", "31.769.390", "80.85"],
            ["WA.3355 Pengelolaan Keuangan", "197.000", "169.223", "85,90"],
            ["WA.6634 Data dan Informasi", "985.000", "57.935", "87.10"],  # a misread: 1 of 3 disagrees
            ["JUMLAH", "40.477.000", "31.996.548", "79,05"]]
    assert table_to_columns(raw(rows)).roles == ("program_kegiatan", "pagu", "realisasi", "persen")
    rows = [r[:3] + [q] for r, q in zip(rows, ["", "12,50", "40,00", "3,10", "9,99"])]  # percents of nothing
    assert table_to_columns(raw(rows)).roles[2:] == (None, None)


def _records(table, title="RENCANA AKSI 2023 KPU Kota Serang"):
    doc = Document("d", "x.pdf", [Page(1, "text", 600, 800, text=title, tables=[table])])
    return document_to_records(doc, default_vocabulary()).records


def test_several_kegiatan_sharing_one_amount_are_joined_in_printed_order():
    """CONTRACT v1.1: the uraian of one amount over several kegiatan is those kegiatan joined with '; '."""
    table = raw([["SASARAN", "KEGIATAN", "ANGGARAN"],
                 ["Meningkatnya tertib administrasi", "• Menyusun PK\n• Menyusun LKJ Tahun\n2022", "1.250.000"]])
    assert [(r.uraian, r.pagu) for r in _records(table).pagu] == [("Menyusun PK; Menyusun LKJ Tahun 2022", 1250000)]


def test_centred_labels_over_cell_slivers_and_a_group_label_above_the_header():
    """A ruled Rencana Aksi (Inspektorat Jabar): 'TARGET KINERJA SASARAN' above the header, each
    label cut into sliver | label | sliver while the data cells span all three, 'ANGGARAN' / '(Rp)'
    on two header rows; the year's target is Trw IV."""
    rows = [[None, "TARGET KINERJA SASARAN", None, None, None, None, "■", "", None, None],
            ["■", None, None, None, None, None, "■", "ANGGARAN", "■", ""],
            ["■", "Trw I", "■", "■", "Trw IV", "■", "■", "(Rp)", "■", "KEGIATAN"],
            ["Persentase OPD", "5%", None, None, "10%", None, "", "15.753.340.000", None, "Audit kinerja"]]
    rows[1][0], rows[0][0] = "INDIKATOR KINERJA SASARAN", ""
    table = raw(rows, spans=((0, 1, 1, 6), (3, 1, 1, 3), (3, 4, 1, 3), (3, 7, 1, 3)))
    records = _records(table)
    assert [(r.uraian, r.pagu) for r in records.pagu] == [("Audit kinerja", 15753340000)]
    assert [(r.indikator, r.target_value) for r in records.targets] == [("Persentase OPD", 10.0)]


def test_a_target_dash_without_indikator_is_no_target_row():
    table = raw([["SASARAN", "INDIKATOR", "TARGET"], ["Meningkatnya kualitas", "", "-"],
                 ["Meningkatnya kualitas", "Persentase OPD", "80%"]])
    assert [(r.indikator, r.target_value) for r in _records(table).targets] == [("Persentase OPD", 80.0)]


def test_a_realisation_table_yields_no_pagu():
    """Realisasi Kinerja Pada Triwulan | K | Rp (Dinkes Tangsel): spent money, never a pagu."""
    table = raw([["Urusan/Program/Kegiatan", "Realisasi Kinerja Pada Triwulan I", None],
                 ["", "K", "Rp"], ["Program Penunjang", "2", "78.928.000"], ["Kegiatan A", "1", "43.160.000"]],
                spans=((0, 1, 1, 2),))
    assert _records(table, "LAPORAN 2023 DINAS KESEHATAN").pagu == []


@pytest.mark.parametrize("label,kode,name,level", [
    ("1 29 01 Program Peningkatan Kapasitas", "1 29 01", "Program Peningkatan Kapasitas", "program"),
    ("1 01 01 02 Fasilitasi Pemberdayaan", "1 01 01 02", "Fasilitasi Pemberdayaan", "kegiatan"),
    ("1.02.01 Program Penunjang Urusan", "1.02.01", "Program Penunjang Urusan", "program"),
    ("1.02.01.2.01 Perencanaan Penganggaran", "1.02.01.2.01", "Perencanaan Penganggaran", "kegiatan"),
    ("1.02.01.2.01.0001 Penyusunan Dokumen", "1.02.01.2.01.0001", "Penyusunan Dokumen", "kegiatan"),
])
def test_regional_codes_are_codes(label, kode, name, level):
    assert split_code("", label) == (kode, name)
    assert code_level(kode) == level


@pytest.mark.parametrize("label", ["3.1.2 Analisis Kebutuhan", "1. Program", "1.250.000 Belanja", "10 20 Item"])
def test_numbers_are_no_regional_codes(label):
    assert split_code("", label)[0] is None


@pytest.mark.parametrize("text,role", [
    ("ANGGRAN", "pagu"), ("SASRAN STRATEGIS", "sasaran"), ("INDlKATOR KINERJA", "indikator"),
    ("URAlAN", "uraian"), ("TARGFT", "target"), ("Realisas1", "realisasi"), ("MENJAD1", "pagu"),
    ("anggota", None), ("saran", None), ("Meningkatnya akses masyarakat", None),  # valid words stay
])
def test_ocr_damaged_headers_get_their_role(text, role):
    assert header_role(text) == role


def test_sub_indicators_beside_their_target_lines_are_one_target_each():
    """PK Disnak (corpus/real/): a parent indikator over '- item' lines, one target line per item."""
    table = raw([["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                 ["1", "Meningkatnya Produksi dan\npopulasi ternak:",
                  "1.2 Jumlah Populasi ternak (ekor) :\n- Sapi potong\n- Domba", "466.272\n12.285.690"],
                 ["", "", "2.2 Jumlah unit usaha yang\nbersertifikat (unit usaha)\n- Daging", "52"]])
    assert [(r.indikator_raw, r.target_value) for r in _records(table, "PERJANJIAN KINERJA TAHUN 2016").targets] == [
        ("1.2 Jumlah Populasi ternak (ekor) : Sapi potong", 466272.0),
        ("1.2 Jumlah Populasi ternak (ekor) : Domba", 12285690.0),
        ("2.2 Jumlah unit usaha yang bersertifikat (unit usaha) - Daging", 52.0)]  # one item, one target


def test_a_target_beside_a_budget_line_without_sasaran_is_that_lines_target():
    """Renja Tabel 3.1: kegiatan, indikator, target and pagu on one row; two kegiatan measured by
    the same indikator and target are two targets."""
    table = raw([["Kode", "Urusan/ Bidang Urusan Pemerintah Daerah dan Program / Kegiatan", "Indikator Kinerja",
                  "Target Capaian Kinerja", "Kebutuhan Dana / Pagu Indikatif"],
                 ["1", "Forum BKPP Tahun I", "Tingkat Kesesuaian Antara\nPerencanaan dengan", "95%", "350.000.000,00"],
                 ["3", "Monitoring dan Evaluasi Kegiatan", "Tingkat Kesesuaian Antara\nPerencanaan dengan", "95%",
                  "150.000.000,00"]])
    targets = _records(table, "Rumusan Rencana Program dan Kegiatan Tahun 2016").targets
    assert [(r.kegiatan, r.target_value) for r in targets] == [("Forum BKPP Tahun I", 95.0),
                                                              ("Monitoring dan Evaluasi Kegiatan", 95.0)]


def test_jumlah_in_a_sliver_cell_spanning_the_indikator_column_is_an_indikator():
    """Rencana Aksi Inspektorat (corpus/real/): box rules drawn as thin filled rectangles cut a
    sliver left of every column, and a data cell starts in it, spanning its column."""
    table = raw([["■", "SASARAN", "■", "INDIKATOR KINERJA SASARAN", "TARGET", "KEGIATAN", "ANGGARAN"],
                 ["", "Dipenuhinya kualitas aparat", "Jumlah Auditor bersertifikat", None, "73 orang",
                  "Pengembangan Kompetensi", "371.120.000"],
                 ["", "", "Jumlah auditor yang telah mengikuti sertifikasi", None, "24 orang",
                  "Peningkatan Kinerja Aparatur", "620.250.000"]],
                spans=((1, 2, 1, 2), (2, 2, 1, 2)))
    records = _records(table)
    assert [(r.indikator_raw, r.target_value) for r in records.targets] == [
        ("Jumlah Auditor bersertifikat", 73.0), ("Jumlah auditor yang telah mengikuti sertifikasi", 24.0)]
    assert [(r.level, r.uraian_raw, r.pagu) for r in records.pagu][1][1:] == ("Peningkatan Kinerja Aparatur", 620250000)


def test_month_labels_ocr_garbled_take_their_place_between_read_months():
    # 'BS' for B3 and B5 (between B2 and B4, B4 and B6), 'BIZ' for B12 after B11; 'CBSO' (B8 and
    # B9 read as one word) lies between B7 and B10, three months over two columns: left unread
    head = ["Kegiatan", "Bi", "B2", "BS", "B4", "BS", "B6", "B7", "CBSO", "B10", "B11", "BIZ", "Pagu"]
    rows = [["Kegiatan", "Waktu Pelaksanaan"] + [None] * 10 + ["Pagu"], [""] + head[1:-1] + [""],
            ["Rapat"] + ["v"] * 11 + ["1.000"]]
    columns = table_to_columns(raw(rows, spans=[(0, 1, 1, 11)]))
    assert columns.months == {1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 9: 10, 10: 11, 11: 12}


def test_two_month_labels_read_as_one_word_over_their_two_columns_take_their_places():
    # L54 scan: 'CBSO' (B8 B9) spans the two columns the shaded boxes under it split (word_table)
    head = ["Bi", "B2", "BS", "B4", "BS", "B6", "B7", "CBSO", None, "B10", "B11", "BIZ"]
    rows = [["Kegiatan", "Waktu Pelaksanaan"] + [None] * 11 + ["Pagu"], [""] + head + [""],
            ["Rapat"] + ["v"] * 12 + ["1.000"]]
    columns = table_to_columns(raw(rows, spans=[(0, 1, 1, 12), (1, 8, 1, 2)]))
    assert columns.months == {c: c for c in range(1, 13)}


def _scanned(rows, seconds) -> RawTable:
    """A scanned table: `seconds` maps (row, col) to the second engine's reading of that cell."""
    table = raw(rows)
    table.cells = [Cell(c.text, c.row, c.col, second=seconds.get((c.row, c.col))) for c in table.cells]
    return table


def test_a_money_column_is_known_by_the_second_reading_where_the_first_is_garbled():
    rows = [["Program/Kegiatan", "", "Persentase"], ["Penetapan Peserta Pemilu", "87 429.000.", "95,87"],
            ["Data dan Informasi", "5456000,", "90,00"], ["TOTAL", "122.897.000,-", "95,45"]]
    garbled = table_to_columns(raw(rows))
    assert garbled.roles == ("program_kegiatan", None, "persen")
    read = table_to_columns(_scanned(rows, {(1, 1): "87.429.000.-", (2, 1): "5.456.000.", (3, 1): "122.897.000,-"}))
    assert read.roles == ("program_kegiatan", "pagu", "persen")


def test_the_realisasi_ratio_counts_the_second_readings():
    rows = [["Program/Kegiatan", "Alokasi", "", "Persentase"],
            ["Penetapan Peserta Pemilu", "41.469.000", "38 566.170.", "93,00"],
            ["Data dan Informasi", "5.456.000", "4910400,", "90,00"],
            ["TOTAL", "46.925.000", "43.476.570", "92,65"]]
    assert table_to_columns(raw(rows)).roles == ("program_kegiatan", "pagu", None, "persen")
    seconds = {(1, 2): "38.566.170,-", (2, 2): "4.910.400,"}
    assert table_to_columns(_scanned(rows, seconds)).roles == ("program_kegiatan", "pagu", "realisasi", "persen")


def test_an_unnamed_money_column_is_the_realisasi_when_the_percent_column_says_so():
    rows = [["Program/Kegiatan", "Alokasi", "", "Persentase"],
            ["Penetapan Peserta Pemilu", "41.469.000", "38.566.170,", "93,00"],  # ',' of a lost ',-'
            ["Data dan Informasi", "5.456.000", "4.910.400", "90,00"],
            ["TOTAL", "46.925.000", "43.476.570", "92,65"]]
    assert table_to_columns(raw(rows)).roles == ("program_kegiatan", "pagu", "realisasi", "persen")
    other = [r[:2] + [r[2] if i == 0 else "1.000.000"] + r[3:] for i, r in enumerate(rows)]  # no such ratio
    assert table_to_columns(raw(other)).roles == ("program_kegiatan", "pagu", None, "persen")


def _plan_years(groups, sub=("Target", "Rp"), rows=3):
    """A Renstra-like ruled table: No | Kegiatan, then a Target and an amount column under each group label."""
    head = ["No", "Kegiatan"] + [x for g in groups for x in (g, None)]
    sub_row = ["", ""] + [x for _ in groups for x in sub]
    body = [[str(i + 1), f"Kegiatan {i}"] + [x for k in range(len(groups)) for x in (f"{80 + k}%", f"{i + 1}.{k}00.000")]
            for i in range(rows)]
    spans = [(0, 2 + 2 * g, 1, 2) for g in range(len(groups))]
    return raw([head, sub_row] + body, spans=spans)


def test_of_the_plan_years_the_document_year_holds_the_pagu_and_the_target():
    table = _plan_years(["Kondisi Awal 2024", "Tahun 2025", "Tahun 2026", "Kondisi Akhir"])
    columns = table_to_columns(table, 2025)
    assert columns.header_rows == 2  # 'Target | Rp': a header row ('Rp' names a currency)
    assert columns.col("target") == 4 and columns.col("pagu") == 5
    assert columns.roles.count("target") == columns.roles.count("pagu") == 1
    # the year nearest the document's where it has no column: a Renstra's history table, its plan table
    assert table_to_columns(_plan_years(["Anggaran 2022", "Anggaran 2023", "Anggaran 2024"]), 2025).col("pagu") == 7
    assert table_to_columns(_plan_years(["Tahun 2026", "Tahun 2027"]), 2025).col("pagu") == 3
    # an unknown document year: the first, as before
    assert table_to_columns(table, None).col("pagu") == 3


def test_year_labels_centred_in_a_borderless_header_date_the_column_beside_them():
    rows = [["No", "Indikator Kinerja", "Kegiatan", "", "Rencana Tahun 2021", "Prakiraan Maju Tahun 2022", ""],
            ["", "", "", "Target", "Kebutuhan Dana (Rp)", "Target", "Kebutuhan Dana (Rp)"],
            ["1", "Persentase Data", "Pemutakhiran Data", "90%", "26.614.000", "91%", "27.944.000"],
            ["2", "Persentase Sarana", "Layanan Prasarana", "100%", "4.145.000", "100%", "4.352.000"]]
    table = raw(rows)
    table.strategy = "words"
    columns = table_to_columns(table, 2021)
    assert (columns.col("target"), columns.col("pagu")) == (3, 4)
    assert (table_to_columns(table, 2022).col("target"), table_to_columns(table, 2022).col("pagu")) == (5, 6)


def test_the_money_realisasi_is_the_realisasi_column_of_amounts():
    rows = [["No", "Indikator Kinerja", "Realisasi 2024", "Target 2025", "Realisasi 2025", "Kegiatan", "Anggaran 2025",
             "Realisasi Anggaran 2025", "%"],
            ["1", "Persentase Data", "85%", "90%", "88%", "Pemutakhiran", "1.250.000", "1.000.000", "80,00"],
            ["2", "Persentase Logistik", "95%", "100%", "100%", "Layanan", "2.000.000", "1.900.000", "95,00"]]
    columns = table_to_columns(raw(rows), 2025)
    assert columns.col("realisasi") == 7 and columns.roles.count("realisasi") == 1
    assert columns.col("pagu") == 6 and columns.col("target") == 3


def test_a_scans_group_rows_are_known_by_the_columns_they_fill_beside_their_amount():
    # a ruled RKT scan: no bold, no codes; group rows fill the Program/Kegiatan column and the
    # pagu, the lines fill Sasaran ... Rencana Aksi and the pagu
    rows = [["PROGRAM KEGIATAN", "SASARAN", "INDIKATOR KINERJA", "TARGET", "RENCANA AKSI", "PERKIRAAN BIAYA"],
            ["Program Penyelenggaraan Pemilu", "", "", "", "", "19.946.000"],
            ["Tata Kelola Kelembagaan", "", "", "", "", "52.000"],
            ["", "Tersedianya pedoman", "Jumlah dokumen SOP", "1 Satker", "Operasional Kantor", "52.000"]]
    logical, _ = tables_to_logical([raw(rows)], {1: 800.0})
    assert [r.group for r in logical[0].rows] == [True, True, False]


def test_a_second_indikator_column_of_target_values_is_the_target():
    # a hard scan read 'TARGET / INDIKATOR' as 'INDIKATOR' alone
    rows = [["NO", "SASARAN", "INDIKATOR KINERJA", "INDIKATOR", "KEGIATAN", "ANGGARAN"],
            ["1", "Terwujudnya Data", "Persentase Data", "100%", "Pemutakhiran", "93.000.000"],
            ["2", "Terwujudnya Rapat", "Jumlah rapat", "4 kali", "Rapat Pleno", "12.000.000"],
            ["3", "Tersedianya pedoman", "Jumlah dokumen", "1 Satker", "Penyusunan", "5.000.000"]]
    assert table_to_columns(raw(rows)).roles[2:4] == ("indikator", "target_indikator")
    # a Rencana Aksi's second INDIKATOR column (the kegiatan's own indikator) stays one
    texts = [r[:3] + [t] + r[4:] for r, t in zip(rows, ["INDIKATOR", "Jumlah laporan", "Persentase rapat", "Dokumen"])]
    assert table_to_columns(raw(texts)).roles[2:4] == ("indikator", "indikator")


def _words(rows, page=1) -> RawTable:
    table = raw(rows, page=page, bbox=(0, 100, 500, 780))
    table.strategy = "words"
    return table


def test_an_amount_column_run_together_with_the_penanggung_jawab_is_split_and_joins_only_its_own_layout():
    # a borderless scan: 'Perkiraan Kebutuhan Anggaran (Rp)' and 'Penanggung Jawab' read as one column
    run_together = _words([["NO", "KEGIATAN", "INDIKATOR", "Perkiraan Kebutuhan Penanggung Jawab\nAnggaran (Rp)"],
                           ["1", "Pembentukan Tim", "Persentase KPU", "676.000 Subag Hukum"],
                           ["2", "Persiapan Kampanye", "Jumlah dokumen", "720.000 Sekretaris"]])
    columns = table_to_columns(run_together)
    assert columns.roles[-2:] == ("pagu", "pelaksana") and columns.n_cols == 4
    # the next page prints both columns apart, under its own header and month: its own layout
    apart = _words([["NO", "KEGIATAN", "INDIKATOR", "Perkiraan Kebutuhan Anggaran (Rp)", "Penanggung Jawab"],
                    ["3", "Honorarium", "Jumlah laporan", "61.000", "Sub. Bag Hukum"]], page=2)
    logical, _ = tables_to_logical([run_together, apart], {1: 800.0, 2: 800.0})
    assert [len(lt.rows) for lt in logical] == [2, 1]
    rows = logical[0].rows
    assert [(r.cells[3], r.cells[4]) for r in rows] == [("676.000", "Subag Hukum"), ("720.000", "Sekretaris")]


def test_a_no_column_under_a_spanning_name_label_and_names_from_the_column_a_row_fills():
    """LAKIP Disperindag Kota Bogor 2019, p. 29: 'PROGRAM / KEGIATAN' spans No | name | name; a
    sub-item's name stands one column further right, under a merged number."""
    table = raw([["PROGRAM / KEGIATAN", None, None, "ANGGARAN"],
                 ["1", "Peningkatan daya saing produk ikm", "", "85.270.250,00"],
                 ["2", "Pemberdayaan rumah kemasan", "", "139.140.000,00"],
                 ["1", None, "Penerapan dan Pengembangan teknologi", "27.500.000,00"]],
                spans=[(0, 0, 1, 3), (3, 0, 1, 2)])
    columns = table_to_columns(table)
    assert columns.roles[:3] == ("no", "program_kegiatan", "program_kegiatan")
    (lt,), _ = tables_to_logical([table], {1: 842})
    assert [lt.value(r, "program_kegiatan") for r in lt.rows] == [
        "Peningkatan daya saing produk ikm", "Pemberdayaan rumah kemasan", "Penerapan dan Pengembangan teknologi"]


def test_a_permendagri_rumusan_table_in_juta_rupiah_is_read_in_rupiah_and_the_scale_recorded():
    """Tabel III-3 as Dinas Bina Marga prints it: long labels with parenthesised qualifiers, a
    'Rencana Tahun 2016' group over Lokasi / Target / Kebutuhan Dana (juta rupiah) / Sumber Dana, a
    column-number row; the amounts are millions of Rupiah ('247,00' is 247 juta, not ambiguous)."""
    table = raw([["KODE", "PROGRAM DAN KEGIATAN", "INDIKATOR KINERJA PROGRAM (OUTCOME) DAN\nKEGIATAN (OUTPUT)",
                  "RENCANA TAHUN 2016", None, None, None, "CATATAN\nPENTING"],
                 [None, None, None, "LOKASI", "TARGET\nCAPAIAN\nKINERJA",
                  "KEBUTUHAN\nDANA/PAGU\nINDIKATIF\n(juta rupiah)", "SUMBER DANA", None],
                 ["1", "2", "3", "4", "5", "6", "7", "8"],
                 ["", "1. Kegiatan Perencanaan Teknis Jalan", "- Panjang jalan", "Jawa Barat", "100%", "1.900,00",
                  "APBD Provinsi", ""],
                 ["", "2, Kegiatan Monitoring Pelaksanaan", "", "Jawa Barat", "100,00", "247,00", "APBD Provinsi", ""]],
                spans=[(0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 2, 1), (0, 3, 1, 4), (0, 7, 2, 1)])
    columns = table_to_columns(table, 2016)
    assert columns.roles == ("kode", "kegiatan", "indikator", "lokasi", "target", "pagu", "sumber_dana", "ket")
    assert columns.header_rows == 3 and columns.scales == {5: (1_000_000, "RENCANA TAHUN 2016 KEBUTUHAN DANA/PAGU INDIKATIF (juta rupiah)")}
    doc = Document("d", "x.pdf", [Page(1, "text", 600, 800, text="Rencana Kerja Dinas Bina Marga Tahun 2016",
                                       tables=[table])])
    records = document_to_records(doc, default_vocabulary()).records
    assert [(r.uraian, r.pagu) for r in records.pagu] == [("Kegiatan Perencanaan Teknis Jalan", 1_900_000_000),
                                                          ("Kegiatan Monitoring Pelaksanaan", 247_000_000)]
    assert [(c.check, c.expected, c.status) for c in records.checks if c.check == "unit_scale"] == [
        ("unit_scale", "1000000", "ok")]


def test_a_tabel_3_1_row_gives_a_target_per_tolok_ukur_pair_each_on_its_kegiatan():
    """Renja Tabel 3.1 of Dinas ESDM: Tolok Ukur | Target under Hasil Program, Keluaran Kegiatan and
    Hasil Kegiatan; a Sasaran Daerah column beside the kegiatan's own name column (no kegiatan column),
    so each target is its line's; the pagu is the Total under 'Pagu Indikatif (Ribuan)'."""
    rows = [["No", "Urusan/Bidang Urusan\nPemerintah Daerah\ndan Program/Kegiatan", "Sasaran\nDaerah",
             "Indikator Kinerja", None, None, None, None, None, "Pagu Indikatif (Ribuan)", None, None],
            [None, None, None, "Hasil Program", None, "Keluaran Kegiatan", None, "Hasil Kegiatan", None,
             "APBD\nProvinsi", "APBN /\nPHLN", "Total"],
            [None, None, None, "Tolok Ukur", "Target", "Tolok Ukur", "Target", "Tolok Ukur", "Target", None, None, None],
            ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
            ["1", "Sinergitas Perencanaan", "NON CG", "Tingkat Kesesuaian", "95.00 persen", "Dokumen Perencanaan",
             "2.00 Laporan", "Kesesuaian perencanaan", "95.00 Persen", "380.000", "0", "380.000"],
            ["2", "Promosi Investasi", "NON CG", "Tingkat Kesesuaian", "95.00 persen", "Promosi ESDM",
             "1.00 Kegiatan", "Nilai Investasi", "-", "190.000", "0", "190.000"]]
    spans = [(0, 0, 3, 1), (0, 1, 3, 1), (0, 2, 3, 1), (0, 3, 1, 6), (1, 3, 1, 2), (1, 5, 1, 2), (1, 7, 1, 2),
             (0, 9, 1, 3), (1, 9, 2, 1), (1, 10, 2, 1), (1, 11, 2, 1)]
    columns = table_to_columns(raw(rows, spans=spans), 2016)
    assert columns.target_pairs == ((5, 6), (7, 8)) and columns.col("pagu") == 11
    doc = Document("d", "x.pdf", [Page(1, "text", 1190, 842, [raw(rows, spans=spans)],
                                       "Rumusan Rencana Program dan Kegiatan Dinas ESDM Tahun 2016")])
    records = document_to_records(doc, default_vocabulary()).records
    assert [(r.uraian, r.pagu) for r in records.pagu] == [("Sinergitas Perencanaan", 380_000_000),
                                                          ("Promosi Investasi", 190_000_000)]
    assert [(t.kegiatan, t.indikator_raw, t.target_raw) for t in records.targets] == [
        ("Sinergitas Perencanaan", "Tingkat Kesesuaian", "95.00 persen"),
        ("Sinergitas Perencanaan", "Dokumen Perencanaan", "2.00 Laporan"),
        ("Sinergitas Perencanaan", "Kesesuaian perencanaan", "95.00 Persen"),
        ("Promosi Investasi", "Tingkat Kesesuaian", "95.00 persen"),
        ("Promosi Investasi", "Promosi ESDM", "1.00 Kegiatan")]
