"""Ruled rows that stack a program's kegiatan line by line (Excel rules only between programs).

The coordinates are those of the Renja Tabel III-3 of Dinas Bina Marga Jawa Barat (corpus/real/), page 1.
"""

from __future__ import annotations

from kpu_extract.extract.stacked_rows import split_stacked_rows


def _chars(text: str, x0: float, top: float, size: float = 6.7, width: float = 3.0) -> list[dict]:
    return [{"text": ch, "x0": x0 + i * width, "x1": x0 + (i + 1) * width, "top": top, "bottom": top + size}
            for i, ch in enumerate(text)]


KODE, NAME, TARGET, PAGU = (46, 65), (124, 352), (581, 621), (621, 679)


def _row(top: float, bottom: float) -> list[tuple]:
    return [(x0, top, x1, bottom) for x0, x1 in (KODE, NAME, TARGET, PAGU)]


def test_a_program_row_stacking_its_kegiatan_is_cut_into_one_row_per_amount():
    chars = (_chars("16", 47, 218) + _chars("1. Program Pembangunan Jalan", 125, 218)
             + _chars("1. Kegiatan Perencanaan Teknis Jawa", 125, 227) + _chars("Barat", 125, 236)
             + _chars("2. Kegiatan Pengawasan Teknis", 125, 244)
             + _chars("100%", 582, 227) + _chars("1.900,00", 622, 227)
             + _chars("100%", 582, 244) + _chars("18.875,00", 622, 244))
    rows = split_stacked_rows([_row(208, 329)], chars)
    # the program line (with its kode), then each kegiatan from its amount's line to the next one
    assert [(round(r[0][1], 1), round(r[0][3], 1)) for r in rows] == [(208, 225.8), (225.8, 243.3), (243.3, 329)]
    assert all(len(r) == 4 and [b[0] for b in r] == [46, 124, 581, 621] for r in rows)


def test_a_lone_amount_beside_a_numbered_kegiatan_under_its_program_is_cut_off_the_program():
    chars = (_chars("18", 47, 425.5) + _chars("3. Program Peningkatan Sarana", 125, 425.6)
             + _chars("1. Kegiatan Pengadaan Peralatan Jalan", 125, 434.2) + _chars("4.997,00", 622, 434.2))
    rows = split_stacked_rows([_row(424, 459)], chars)
    assert len(rows) == 2 and rows[0][3][3] == rows[1][3][1] and 432 < rows[1][3][1] < 434.2


def test_rows_that_are_not_stacked_stay_whole():
    # two amounts in one cell beside a one-line name (a revised budget under the first)
    two_amounts = _chars("Kegiatan A", 125, 218) + _chars("1.000.000", 622, 218) + _chars("2.000.000", 622, 227)
    assert split_stacked_rows([_row(208, 240)], two_amounts) == [_row(208, 240)]
    # an amount centred beside a wrapped name: no line of the name starts where it does
    centred = (_chars("Kegiatan Penyusunan Dokumen", 125, 218) + _chars("Perencanaan dan", 125, 227)
               + _chars("Evaluasi", 125, 236) + _chars("1.500.000", 622, 231) + _chars("2.500.000", 622, 240))
    assert split_stacked_rows([_row(208, 250)], centred) == [_row(208, 250)]
    # a lone amount beside the second line of a wrapped (unnumbered) name
    wrapped = _chars("Kegiatan Penyusunan Dokumen", 125, 218) + _chars("Perencanaan", 125, 227) + _chars("79,00", 622, 227)
    assert split_stacked_rows([_row(208, 240)], wrapped) == [_row(208, 240)]
    # a cell spanning two rows: no single stacked row
    spanning = [[(46, 208, 65, 260), (124, 208, 352, 240), (621, 208, 679, 240)]]
    assert split_stacked_rows(spanning, two_amounts) == spanning
