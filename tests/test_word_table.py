"""Borderless tables from the text layer (extract/word_table.py via text_layer.py) and the table
readers' hierarchy rules, on real PDFs of the layout corpus and on small tables."""

from __future__ import annotations

import pdfplumber
import pytest

from conftest import CORPUS
from kpu_extract.extract.model import Cell, RawTable, Word
from kpu_extract.extract.text_layer import plumber_page_to_page
from kpu_extract.extract.word_table import (FILLED_MARK, _fill_edges, _segments, header_box_columns, least_crossed,
                                            words_to_tables, words_under_header, wrap_limit)
from kpu_extract.normalize.columns import header_role, is_column_number_row
from kpu_extract.normalize.rows import tables_to_logical, unwrapped_code
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


def _words(line: str, top: float = 10.0, char: float = 4.2, gaps=()) -> list[Word]:
    """Words of one monospaced line: each `char` points a character, one space apart unless
    `gaps` gives the gap before a word (by index)."""
    out, x = [], 20.0
    for i, text in enumerate(line.split()):
        x += dict(gaps).get(i, char) if i else 0.0
        out.append(Word(text, x, top, x + char * len(text), top + 7.0))
        x += char * len(text)
    return out


def test_a_monospaced_line_splits_at_cell_padding_but_not_at_a_space():
    # Courier 7 pt: a space is one character (4.2 pt); the padding between two cells 4.42 pt
    segments = _segments(_words("dan Akuntabilitas Kota dan target", gaps=[(3, 4.42)]))
    assert [" ".join(w.text for w in s) for s in segments] == ["dan Akuntabilitas Kota", "dan target"]
    assert len(_segments(_words("serta akurat dan data yang"))) == 1


def test_a_gap_wider_than_the_page_spaces_splits():
    words = [Word("821.000,-", 0, 0, 36.0, 8.0), Word("Subbagian", 40.0, 0, 76.0, 8.0),
             Word("Hukum", 78.2, 0, 100.0, 8.0)]
    assert len(_segments(words)) == 1  # 4 pt is within 1.1 mean character widths
    assert [len(s) for s in _segments(words, space=2.2 / 8.0)] == [1, 2]


def test_a_cut_passes_beside_a_header_label_in_the_white_run():
    # amounts end at 298, the next column starts at 350; 'Perkiraan Kebutuhan' reaches in from 319
    assert least_crossed(298.0, 350.0, [(42.0, 298.0), (318.8, 398.6)]) == pytest.approx(308.4)
    assert least_crossed(298.0, 350.0, []) == 324.0


def test_gaps_inside_a_cell_and_between_rows_split_at_their_jump():
    inside, between = [7.7, 7.9, 7.9, 8.2, 8.6], [10.3, 11.0, 12.2, 13.0]
    assert wrap_limit(sorted(inside + between), 5.5) == pytest.approx(9.45)
    assert wrap_limit(between, 5.5) == 0.0  # no cell wraps: every gap is a row's
    assert wrap_limit([11.9] * 5 + [16.0, 16.5], 7.0) == 0.0  # rows under a wider header gap
    assert wrap_limit([8.4, 9.0, 9.3, 9.6, 17.1, 17.7, 18.0], 6.0) == 0.0  # one-line rows, blank lines between groups


def test_a_header_box_gives_its_columns_to_the_body():
    box_cells = [Cell("No", 0, 0, bbox=(20, 70, 40, 90)), Cell("Uraian", 0, 1, bbox=(40, 70, 200, 90)),
                 Cell("Pagu", 0, 2, bbox=(200, 70, 300, 90)), Cell("PJ", 0, 3, bbox=(300, 70, 380, 90))]
    box = RawTable(page=1, index=0, rows=[["No", "Uraian", "Pagu", "PJ"]], cells=box_cells, bbox=(20, 70, 380, 90))
    # one line alone makes no borderless table; the box's rules give it its columns
    body = [Word("1", 25, 100, 29, 107), Word("Layanan", 42, 100, 70, 107), Word("60.000,-", 258, 100, 296, 107),
            Word("Sekretaris", 304, 100, 340, 107)]
    seps = header_box_columns(box, body)
    assert seps == [40.0, 200.0, 300.0]
    table = words_under_header(box, body, seps)
    assert table.rows == [["No", "Uraian", "Pagu", "PJ"], ["1", "Layanan", "60.000,-", "Sekretaris"]]
    assert header_box_columns(box, [Word("Sekretaris", 290, 100, 330, 107)]) is None  # rules cut its words


def test_a_code_or_mark_wrapped_inside_itself_is_joined():
    assert unwrapped_code("CQ.6871.Q\nGE") == "CQ.6871.QGE"
    assert unwrapped_code("Layanan\nData") == "Layanan\nData"
    table = _raw([["Uraian Kegiatan", "Triwulan", "", "", "", "Biaya"], ["", "I", "II", "III", "IV", ""],
                  ["Layanan Data", "", "", "", "B10-B1\n1", "5.000"]])
    (lt,), _ = tables_to_logical([table], {1: 800.0})
    assert [s.months for s in logical_to_drafts(lt, default_vocabulary()).schedule] == [{10: "B10-B1 1", 11: "B10-B1 1"}]


def test_a_title_above_a_borderless_table_is_no_part_of_it():
    # an OCR'd bold title splits into segments that cross the table's column gaps (L39 scan)
    def line(top, *cells):
        return [Word(text, x, top, x + 5.0 * len(text), top + 7.0) for x, text in cells]
    words = line(10, (60, "PENETAPAN"), (120, "2025")) + line(24, (20, "KOMISI"), (58, "PEMILIHAN-UMUM-KABUPATEN"))
    words += line(46, (20, "No"), (40, "Sasaran"), (160, "Target"))
    for i, top in enumerate((56, 64, 72, 80)):
        words += line(top, (20, str(i + 1)), (40, "Terwujudnya"), (160, "90%"))
    tables = words_to_tables(words, 1)
    assert [t.rows[0] for t in tables] == [["No", "Sasaran", "Target"]]
    assert "KOMISI" not in " ".join(c.text for c in tables[0].cells)


def test_a_number_and_its_unit_a_space_apart_stay_one_cell():
    # L36 scan (Courier, OCR'd): '4 kali' is the one line whose words stand in the white left of
    # the '90%' column; a space is one character (4.2 pt), the OCR gap of '4 kali' 4.6 pt
    def line(top, *cells):
        return [Word(text, x, top, x + 4.2 * len(text), top + 7.0) for x, text in cells]
    words = line(46, (20, "No"), (40, "Indikator"), (200, "Kegiatan"))  # 'Target' stacked above on its own
    for i, (top, target) in enumerate([(60, ((146, "90%"),)), (74, ((136, "4"), (144.8, "kali"))),
                                       (88, ((144, "100%"),))]):
        words += line(top, (20, str(i + 1)), (40, "Persentase"), (86.2, "data"), *target, (200, "Layanan"))
    table, = words_to_tables(words, 1)
    assert [row[2] for row in table.rows[1:]] == ["90%", "4 kali", "100%"]


def test_group_rows_padded_like_headings_stay_in_their_table():
    # L08 scan (RKT, hard 200 dpi): group labels alone in the left column, padded above like a
    # heading; the rows under them are the same table (its columns stay white there)
    def line(top, *cells):
        return [Word(text, x, top, x + 5.0 * len(text), top + 7.0) for x, text in cells]
    words = line(10, (20, "Program"), (100, "Sasaran"), (170, "Target"), (220, "Biaya"))
    top = 10
    for group in range(3):
        top += 30 if group else 11  # the first group row right under the header
        words += line(top, (20, f"Grup{group}"))
        for i in range(3):
            top += 11
            words += line(top, (100, f"Terwujudnya{i}"), (170, "90%"), (220, f"{group + 1}.000"))
    table, = words_to_tables(words, 1)
    assert table.rows[0] == ["Program", "Sasaran", "Target", "Biaya"]
    assert [r[0] for r in table.rows[1:] if r[0]] == ["Grup0", "Grup1", "Grup2"]
    assert sum(1 for r in table.rows if r[3].endswith(".000")) == 9


def test_a_swollen_ocr_box_keeps_its_word_on_its_line():
    # L47 scan: Tesseract gave some words the box of the whole skewed text line (12 pt for 5 pt ink)
    def line(top, *cells, height=5.0):
        return [Word(text, x, top, x + 5.0 * len(text), top + height) for x, text in cells]
    words = line(10, (20, "Uraian"), (120, "Alokasi"), (200, "Realisasi"))
    for i in range(4):
        top = 22 + 11 * i
        words += line(top, (120, f"{i + 1}.000"), (200, f"{i + 1}.500")) + line(top - 4, (20, f"Kegiatan{i}"), height=13.0)
    table, = words_to_tables(words, 1)
    assert [r for r in table.rows[1:]] == [[f"Kegiatan{i}", f"{i + 1}.000", f"{i + 1}.500"] for i in range(4)]


def test_a_label_column_only_group_rows_fill_makes_group_rows():
    # L08 scan: OCR gives no bold and the group rows carry no code; they alone fill the
    # Program/Kegiatan/Output column (its header cut to '/OUT'), the lines under them are items
    table = _raw([
        ["PROGRAM/KEGIATAN/OUT", "Sasaran", "Indikator Kinerja", "Uraian Kegiatan", "Biaya"],
        ["Penyelenggaraan Pemilu", "", "", "", ""],
        ["", "Terwujudnya Data Pemilih", "Persentase Pemutakhiran", "Gaji, Tunjangan", "999.000"],
        ["", "Terlaksananya rekapitulasi", "Jumlah rapat pleno", "Bimtek logistik", "426.000"],
    ])
    (lt,), _ = tables_to_logical([table], {1: 800.0})
    assert [r.group for r in lt.rows] == [True, False, False]
    drafts = logical_to_drafts(lt, default_vocabulary())
    assert [(b.level, b.pagu) for b in drafts.budget] == [("item", 999000), ("item", 426000)]


def test_an_amount_run_into_the_pelaksana_cell_is_split_off():
    # L18 scan, page 2: the ',-' bridged the gap between Pagu and Pelaksana
    table = _raw([
        ["Kegiatan", "Target", "Pagu", "Pelaksana"],
        ["Layanan Data", "90%", "", "794.000, - Sub Bagian Teknis"],
        ["Layanan Hukum", "90%", "60.000,- Subag Hukum", ""],
    ])
    (lt,), _ = tables_to_logical([table], {1: 800.0})
    assert [(r.cells[2], r.cells[3]) for r in lt.rows] == [("794.000, -", "Sub Bagian Teknis"),
                                                           ("60.000,-", "Subag Hukum")]


def test_a_narrow_title_split_into_segments_stays_out_of_the_table():
    # a centred title OCR cut into three segments, a heading gap above the header, then the table
    w = lambda t, x, y, width=40.0: Word(t, x, y, x + width, y + 6.0)  # noqa: E731
    words = [w("KOMISI", 300, 50), w("PEMILIHAN", 352, 50, 60), w("SURABAYA", 430, 50)]
    for i, y in enumerate((90, 103, 116, 129)):
        words += [w(f"Kegiatan{i}", 22, y), w("39.000", 550, y), w("34.320", 700, y), w("88,00", 790, y, 30)]
    tables = words_to_tables(words, 1)
    assert len(tables) == 1 and tables[0].rows[0] == ["Kegiatan0", "39.000", "34.320", "88,00"]


def _cells_line(top, *cells, char=5.0):
    return [Word(text, x, top, x + char * len(text), top + 7.0) for x, text in cells]


def test_a_word_space_two_wrapped_labels_share_is_no_column():
    # L08 scan: two wrapped labels of the label column split at a word space ('Pendaftaran dan |
    # Verifikasi'), under one-line labels of that column that cross it: the column stays one
    words = _cells_line(10, (20, "Program"), (120, "Sasaran"), (200, "Biaya"))
    top = 10
    for group in range(4):
        top += 20
        if group < 2:
            words += _cells_line(top, (20, "Label"), (54 + 8 * group, "Panjang"))  # a 4-pt space
        words += _cells_line(top + 8, (20, "Penyelenggaraan"))
        for i in range(2):
            top += 20
            words += _cells_line(top, (120, f"Sasaran{i}"), (200, f"{group + 1}.000"))
    table, = words_to_tables(words, 1)
    assert table.n_cols == 3 and table.rows[0] == ["Program", "Sasaran", "Biaya"]


def test_a_break_as_wide_as_the_rows_under_group_rows_keeps_the_header():
    # L08 scan: one lost OCR line leaves a group label as far under the header's block as the
    # padded rows under every group row stand: that spacing is the table's, no break
    words = _cells_line(10, (20, "Program"), (120, "Sasaran"), (200, "Biaya"))
    top = 10
    for group in range(3):
        top += 19
        words += _cells_line(top, (20, f"Grup{group}"))
        for i in range(2):
            top += 19 if i == 0 else 12
            words += _cells_line(top, (120, f"Sasaran{i}"), (200, f"{group + 1}.000"))
            for k in range(3):  # the cell wraps, a line spacing apart
                top += 8
                words += _cells_line(top, (120, f"baris{k}"))
    table, = words_to_tables(words, 1)
    assert table.rows[0] == ["Program", "Sasaran", "Biaya"]
    assert [r[0] for r in table.rows if r[0].startswith("Grup")] == ["Grup0", "Grup1", "Grup2"]


def test_a_column_gap_two_lines_cross_through_a_space_stays():
    # L08 scan: OCR glued two cells a space apart in two of many lines ('publikasi Layanan')
    def line(top, *boxes):
        return [Word(text, x0, top, x1, top + 7.0) for text, x0, x1 in boxes]
    words = line(10, ("Sasaran", 20, 55), ("Keluaran", 120, 160), ("Biaya", 200, 224))
    for i in range(40):
        top = 22 + 12 * i
        if i in (7, 23):
            words += line(top, ("Persentase", 20, 70), ("informasi", 73, 117), ("Layanan", 120, 155),
                          ("9.000", 200, 224))
        else:
            words += line(top, (f"Sasaran{i}", 20, 62), ("Layanan", 120, 155), ("9.000", 200, 224))
    table, = words_to_tables(words, 1)
    assert table.n_cols == 3 and table.rows[0] == ["Sasaran", "Keluaran", "Biaya"]


def test_a_number_and_its_unit_in_two_rows_stay_one_cell():
    # L34 scan: '1 Satker' in two rows, the other rows' targets ('100%') a column to the right of
    # the '1'; one 'Satker' box a pixel lower than the other put its gap over a per-box limit
    def line(top, *boxes):
        return [Word(text, x0, top, x1, top + h) for text, x0, x1, h in boxes]
    words = line(10, ("No", 20, 30, 6.1), ("Indikator", 40, 75, 6.1), ("Target", 120, 140, 6.1), ("Realisasi", 200, 230, 6.1))
    for i in range(6):
        top = 22 + 12 * i
        target = (("1", 117, 118.8, 6.1), ("Satker", 122, 142, 5.76 if i else 6.1)) if i < 2 else (("100%", 121, 138, 6.1),)
        words += line(top, (str(i + 1), 20, 24, 6.1), ("Persentase", 40, 76, 6.1), ("data", 78.2, 92, 6.1), *target,
                      ("95%", 200, 214, 6.1))
    table, = words_to_tables(words, 1)
    assert [row[2] for row in table.rows[1:]] == ["1 Satker", "1 Satker", "100%", "100%", "100%", "100%"]


def test_ocr_boxes_of_a_monospaced_line_one_space_apart_are_one_segment():
    # L11 scan (Courier 8 pt): ink boxes 4.3-4.8 pt a character, 6 pt apart at a space (the
    # advance plus both side bearings); the amount's cell far to the right
    boxes = [("Pemungutan", 37, 84), ("dan", 90, 103), ("Penghitungan", 109, 166), ("Suara", 172, 194),
             ("39.000", 560, 587)]
    words = [Word(text, x0, 127.1, x1, 133.9) for text, x0, x1 in boxes]
    assert [len(s) for s in _segments(words)] == [4, 1]


def test_digit_groups_whose_monospaced_dot_ocr_lost_are_one_amount():
    # L58 second-set scan (Courier 6 pt): '20.251.000' read as '20' '251' '000', 5.0 pt apart, a
    # digit 3.5 pt wide; the name's last word far to the left, the next amount 57 pt to the right
    boxes = [("Logistik", 250, 280), ("20", 365.7, 372.4), ("251", 377.4, 387.7), ("000", 393.0, 403.6),
             ("16.626.071", 460.7, 498.3)]
    words = [Word(text, x0, 495.0, x1, 499.6) for text, x0, x1 in boxes]
    assert [[w.text for w in s] for s in _segments(words)] == [["Logistik"], ["20", "251", "000"], ["16.626.071"]]
    # two cells of small counts as far apart are two cells: the second is no digit group
    far = [Word("12", 100, 10, 107, 14.6), Word("5", 112, 10, 115.5, 14.6)]
    assert len(_segments(far)) == 2


def test_shaded_box_edges_split_a_column_two_month_labels_ran_together():
    # L54 scan: 'CBSO' (B8 B9) read as one word leaves one column 569..614; boxes 571.6..591.7
    # and 591.7..611.5 show the edge between; edges a few points from a gap add nothing
    seps = [551.1, 569.1, 613.7, 631.5]
    fills = [(551.4, 100, 571.6, 120), (571.6, 100, 591.7, 120), (591.7, 100, 611.5, 120)]
    label = Word("CBSO", 575.0, 90, 600.0, 96)
    assert _fill_edges(seps, fills, [label]) == [551.1, 569.1, 591.7, 613.7, 631.5]
    assert _fill_edges(seps, [], [label]) == seps
    # the first month's box 90 pt right of the label column's gap: no empty column before it
    assert _fill_edges([100.0, 216.0], [(198, 0, 218, 10)], [Word("Rapat", 20, 0, 50, 6)]) == [100.0, 216.0]


def test_month_labels_read_as_one_word_span_the_columns_their_shaded_boxes_show():
    def line(top, *boxes):
        return [Word(text, x0, top, x1, top + 6.0) for text, x0, x1 in boxes]
    months = [(f"B{m + 1}", 202 + 20 * m, 210 + 20 * m) for m in range(6) if m not in (3, 4)]
    words = line(10, ("Kegiatan", 20, 52), *months, ("B4B5", 262, 290), ("Pagu", 340, 356))
    fills = []
    for i in range(5):
        top = 25 + 14 * i
        words += line(top, (f"Rapat{i}", 20, 44), (f"{i + 1}.000", 340, 360))
        fills += [(198 + 20 * m, top - 3, 218 + 20 * m, top + 9) for m in range(6) if (m + i) % 3]
    table, = words_to_tables(words, 1, fills)
    assert table.n_cols == 8
    label = next(c for c in table.cells if c.text == "B4B5")
    assert (label.col, label.col_span) == (4, 2)


def test_a_tall_noise_box_does_not_stretch_its_row():
    # L54 scan: a shaded block OCR read as '—m—', 113 pt high over 7 pt text, made its row's
    # cells reach up over three rows
    def line(top, *cells):
        return [Word(text, x, top, x + 5.0 * len(text), top + 7.0) for x, text in cells]
    words = line(10, (20, "Kegiatan"), (120, "Bulan"), (200, "Pagu"))
    for i in range(6):
        words += line(24 + 12 * i, (20, f"Rapat{i}"), (200, f"{i + 1}.000"))
    words.append(Word("—m—", 120, 30.0, 150, 95.0))
    table, = words_to_tables(words, 1)
    tops = sorted(c.bbox[1] for c in table.cells)
    noise = next(c for c in table.cells if c.text == "—m—")
    assert noise.bbox[3] - noise.bbox[1] <= 14.0 and tops == sorted(tops)
