"""One row per budget line (normalize/merge.py): restatements across tables and in the prose.

The amounts are those of the corpus documents (rak_kab_serang_2023, laptah_kota_serang_2023), so
each test is one real situation in miniature.
"""

from __future__ import annotations

from kpu_extract.normalize.drafts import BudgetDraft
from kpu_extract.normalize.merge import merge_budget
from kpu_extract.normalize.checks import checks_to_review


def merge_review(table, narrative, check):
    """merge_budget's lines and checks, and the review rows its failed checks raise."""
    lines, checks = merge_budget(table, narrative, check)
    return lines, checks, checks_to_review(checks)

CQ = "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi"
PDM = "Program Dukungan Manajemen"


def table_line(key, level, uraian, pagu, realisasi=None, program=None, pelaksana=None, page=1):
    return BudgetDraft(page, level, uraian, pagu, "table", program=program, realisasi=realisasi,
                       table_key=(key,), pelaksana_raw=pelaksana)


def told(page, level, kode, uraian, pagu, realisasi, program=None):
    return BudgetDraft(page, level, uraian, pagu, "narrative", kode=kode, program=program, realisasi=realisasi)


def brief(checks):
    return [(c.check, c.scope, c.expected, c.found, c.status) for c in checks]


# ---- RAK: the same kegiatan in the monthly and the quarterly table ---------------------------------

def rak_tables(quarterly_pagu=97669000):
    monthly = [table_line(0, "kegiatan", "Perencanaan dan Penganggaran Pemilu", 234549000, page=1),
               table_line(0, "kegiatan", "Sosialisasi/Penyuluhan/\nBimbingan Teknis Tahapan", 97669000, page=1)]
    # the same names as another table wraps and spaces them
    quarterly = [table_line(1, "kegiatan", "Perencanaan dan  Penganggaran\nPemilu", 234549000, page=3,
                            pelaksana="Subag Program & Data"),
                 table_line(1, "kegiatan", "Sosialisasi/Penyuluhan/Bimbingan Teknis Tahapan", quarterly_pagu,
                            page=3, pelaksana="Subag Teknis")]
    return monthly + quarterly


def test_rak_restatement_is_one_line():
    lines, checks, review = merge_review(rak_tables(), [], "rak_monthly_vs_quarterly")
    assert [(ln.page, ln.uraian, ln.pagu, ln.source) for ln in lines] == [
        (1, "Perencanaan dan Penganggaran Pemilu", 234549000, "table"),
        (1, "Sosialisasi/Penyuluhan/\nBimbingan Teknis Tahapan", 97669000, "table")]
    assert [ln.pelaksana_raw for ln in lines] == ["Subag Program & Data", "Subag Teknis"]
    assert [(c.check, c.status, c.detail) for c in checks] == [
        ("rak_monthly_vs_quarterly", "ok", "pages 1 and 3")] * 2
    assert review == []


def test_rak_restatement_with_another_amount_is_a_mismatch():
    lines, checks, review = merge_review(rak_tables(quarterly_pagu=97699000), [], "rak_monthly_vs_quarterly")
    assert [ln.pagu for ln in lines] == [234549000, 97669000]  # the first statement is kept, not "fixed"
    assert brief(checks)[1] == ("rak_monthly_vs_quarterly",
                                "kegiatan Sosialisasi/Penyuluhan/ Bimbingan Teknis Tahapan pagu",
                                "97669000", "97699000", "mismatch")
    assert [(r.page, r.dataset, r.raw) for r in review] == [(3, "pagu", "97699000")]
    assert review[0].reason == "rak_monthly_vs_quarterly_mismatch"


def test_same_name_in_one_table_is_two_lines():
    """Two rows of one table are two lines even with the same name; only restatements merge."""
    rows = [table_line(0, "item", "Honorarium", 100), table_line(0, "item", "Honorarium", 100)]
    lines, checks, _ = merge_review(rows, [], "table_vs_table")
    assert len(lines) == 2 and checks == []


# ---- a program stated twice in the prose and once in a table (Program Dukungan Manajemen) ---------

def pdm_table(pagu=2170936000):
    return [table_line(1, "program", PDM, pagu, 2158035549, program=PDM, page=4)]


def pdm_prose(intro=2170936000, chapter=2159443000):
    return [told(3, "program", "076.01.WA", PDM, intro, 2158035549, PDM),
            told(9, "program", "076.01.WA", PDM, chapter, 2158035549, PDM)]


def test_program_stated_twice_in_prose_keeps_the_table_value():
    lines, checks, review = merge_review(pdm_table(), pdm_prose(), "table_vs_table")
    assert [(ln.level, ln.kode, ln.pagu, ln.realisasi, ln.source, ln.page) for ln in lines] == [
        ("program", "076.01.WA", 2170936000, 2158035549, "table+narrative", 3)]
    assert sorted(brief(checks)) == [
        ("table_vs_narrative", "076.01.WA pagu", "2170936000", "2159443000", "mismatch"),
        ("table_vs_narrative", "076.01.WA pagu", "2170936000", "2170936000", "ok"),
        ("table_vs_narrative", "076.01.WA realisasi", "2158035549", "2158035549", "ok"),
        ("table_vs_narrative", "076.01.WA realisasi", "2158035549", "2158035549", "ok")]
    assert [(r.page, r.field, r.raw) for r in review] == [(3, "pagu", "2170936000")]  # the row's page
    assert "2159443000" in review[0].detail


def test_program_stated_twice_in_prose_in_the_other_order():
    lines, checks, _ = merge_review(pdm_table(), pdm_prose(intro=2159443000, chapter=2170936000), "table_vs_table")
    assert [ln.pagu for ln in lines] == [2170936000]
    assert [(c.expected, c.found) for c in checks if c.status == "mismatch"] == [("2170936000", "2159443000")]


def test_table_disagreeing_with_every_statement_records_each():
    lines, checks, review = merge_review(pdm_table(pagu=2170000000), pdm_prose(), "table_vs_table")
    assert [ln.pagu for ln in lines] == [2170000000]
    assert sorted((c.found, c.status) for c in checks if c.scope.endswith("pagu")) == [
        ("2159443000", "mismatch"), ("2170936000", "mismatch")]
    assert len(review) == 2


def test_program_stated_twice_in_prose_only():
    lines, checks, review = merge_review([], pdm_prose(), "table_vs_table")
    assert [(ln.kode, ln.pagu, ln.source, ln.page) for ln in lines] == [("076.01.WA", 2170936000, "narrative", 3)]
    assert brief(checks) == [
        ("narrative_vs_narrative", "076.01.WA pagu", "2170936000", "2159443000", "mismatch"),
        ("narrative_vs_narrative", "076.01.WA realisasi", "2158035549", "2158035549", "ok")]
    assert [(r.page, r.raw) for r in review] == [(9, "2159443000")]


# ---- the Laporan Tahunan's CQ table: row g empty, g..j values slipped one row down --------------

# (label printed, uraian printed, pagu, realisasi) as the table reads; row g lost its values, so every
# amount from h on sits one row below its kegiatan, and the last amounts are on an unlabeled row.
CQ_TABLE = [
    ("a", "Perencanaan Program dan Anggaran, serta Penyusunan Peraturan Pelaksanaan", 1279853000, 1277447604),
    ("b", "Pendaftaran dan Verifikasi Peserta Pemilu", 18985000, 18884995),  # printed 18.985.000
    ("c", "Pembentukan Badan Adhock", 13740458000, 13735022330),
    ("d", "Masa Kampanye Pemilu", 50958000, 11593100),
    ("e", "Pengelolaan, Pengadaan, Laporan dan Dokumentasi Logistik", 2587379000, 2555593975),
    ("f", "Pemungutan dan Penghitungan Suara", 31913000, 31267500),
    ("h", "Penetapan Peserta Pemilu", 79097000, 79095521),
    ("i", "Penetapan Jumlah Kursi dan Penetapan Daerah Pemilihan", 8200000, 7779000),
    ("j", "Pencalonan Presiden dan Wakil Presiden Serta Pencalonan Anggota DPR", 149725000, 148787614),
    ("", "", 309825000, 303354700),
]
# (code, heading, pagu, realisasi) as the chapters state them.
CQ_PROSE = [
    ("CQ.6709", "Kegiatan Program dan Anggaran, Serta Penyusunan Peraturan Pelaksanaan", 1279853000, 1277447604),
    ("CQ.6710", "Pendaftaran dan Verifikasi Peserta Pemilu", 18885000, 18884995),
    ("CQ.6867", "Pembentukan Badan Adhoc", 13740458000, 13735022330),
    ("CQ.6870", "Masa Kampanye Pemilu", 50958000, 11593100),
    ("CQ.6871", "Pengelolaan, Pengadaan, Laporan, dan Dokumentasi Logistik", 2587379000, 2555593975),
    ("CQ.6872", "Pemungutan dan Penghitungan Suara", 31913000, 31267500),
    ("CQ.6887", "Pemutakhiran Data Pemilih dan Penyusunan Daftar Pemilih", 79097000, 79097000),
    ("CQ.6888", "Penetapan Peserta Pemilu", 8200000, 7779000),
    ("CQ.6889", "Penetapan Jumlah Kursi dan Penetapan Daerah Pemilihan", 149725000, 148787614),
    ("CQ.6890", "Pencalonan Presiden dan Wakil Presiden Serta Pencalonan Anggota DPR", 309825000, 303354700),
]


def cq_merge():
    table = [table_line(0, "program", CQ, 18256293000, 18168826339, program=CQ, page=3)]
    table += [table_line(0, "kegiatan", u, p, r, page=3) for _label, u, p, r in CQ_TABLE]
    prose = [told(5, "program", "076.01.CQ", CQ, 18256293000, 18168826339, CQ)]
    prose += [told(5 + i, "kegiatan", k, u, p, r, CQ) for i, (k, u, p, r) in enumerate(CQ_PROSE)]
    return merge_review(table, prose, "table_vs_table")


def test_slipped_rows_are_resolved_by_their_amounts():
    lines, checks, review = cq_merge()
    assert [(ln.kode, ln.pagu) for ln in lines[1:]] == [(k, p) for k, _u, p, _ in CQ_PROSE]
    # A label naming the same line stays as the table prints it; a slipped label takes the sentence's.
    assert lines[1].uraian == CQ_TABLE[0][1]
    assert lines[-1].uraian == CQ_PROSE[-1][1]
    assert all(ln.source == "table+narrative" for ln in lines)
    assert len(lines) == 11  # no kegiatan twice, none from the prose alone


def test_slipped_rows_keep_the_table_realisasi_and_record_the_disagreement():
    lines, checks, review = cq_merge()
    pemutakhiran = next(ln for ln in lines if ln.kode == "CQ.6887")
    assert pemutakhiran.realisasi == 79095521  # the table's (= its suboutputs' sum), not the prose's
    assert sorted(c for c in brief(checks) if c[4] != "ok") == [
        ("table_vs_narrative", "CQ.6710 pagu", "18885000", "18985000", "corrected"),
        ("table_vs_narrative", "CQ.6887 realisasi", "79095521", "79097000", "mismatch")]
    assert [r.raw for r in review] == ["79095521"]


def test_slipped_rows_with_equal_amounts_are_not_guessed():
    """Two kegiatan with the same pagu: the amount cannot say which is which; the name decides,
    and a row without a name stays a table line of its own."""
    table = [table_line(0, "kegiatan", "", 5000000),
             table_line(0, "kegiatan", "Penetapan Data Pemilih", 5000000)]
    prose = [told(5, "kegiatan", "CQ.6887", "Persiapan Pelaksanaan Pemutakhiran", 5000000, None),
             told(6, "kegiatan", "CQ.6888", "Penetapan Data Pemilih", 5000000, None)]
    lines, checks, _ = merge_review(table, prose, "table_vs_table")
    assert sorted((ln.kode or "", ln.uraian, ln.source) for ln in lines) == [
        ("", "", "table"),
        ("CQ.6887", "Persiapan Pelaksanaan Pemutakhiran", "narrative"),
        ("CQ.6888", "Penetapan Data Pemilih", "table+narrative")]


def test_same_name_under_two_programs_is_two_lines():
    """'Belanja Barang' under each program in two tables is two budget lines, not a restatement."""
    rows = [table_line(0, "kegiatan", "Belanja Barang", 1000000, program="Program Dukungan Manajemen"),
            table_line(1, "kegiatan", "Belanja Barang", 5000000,
                       program="Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi")]
    lines, checks, review = merge_review(rows, [], "table_vs_table")
    assert sorted(ln.pagu for ln in lines) == [1000000, 5000000]
    assert checks == [] and review == []
