"""Pagu/realisasi sentences under coded headings (normalize/narrative.py), on hand-built pages.

Every sentence and heading form below is copied from, or a direct variant of, the seeds in
../shared/seeds (laporan_tahunan_kota_serang_2023.txt, lakip_kota_serang_2022.txt).
"""

from __future__ import annotations

import pytest

from kpu_extract.extract.model import Document, Page
from kpu_extract.normalize.narrative import code_to_level, document_to_narrative
from kpu_extract.normalize.vocabulary import default_vocabulary

PDM = "Program Dukungan Manajemen"
CQ = "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi"


def narrate(*pages: str):
    doc = Document("d", "d.pdf", [Page(i + 1, "text", 595, 842, text=t) for i, t in enumerate(pages)])
    return document_to_narrative(doc, default_vocabulary())


def only(*pages: str):
    drafts = narrate(*pages)
    assert len(drafts.budget) == 1, [(b.uraian, b.pagu) for b in drafts.budget]
    return drafts.budget[0]


HEAD = "1. Perencanaan dan Penganggaran Pemilu (CQ.6709.QGE.001)\n"


@pytest.mark.parametrize("sentence, pagu, real, pct", [
    ("Alokasi anggarannya sebesar Rp. 1.279.853.000, dengan realisasi sebesar Rp. 1.277.447.604 atau "
     "sebesar 99.81% yang terdiri dari 2 Output Kegiatan, yaitu sebagai berikut:", 1279853000, 1277447604, 99.81),
    ("Alokasi anggarannya sebesar Rp. 852.312.000 dengan realisasi sebesar Rp. 851.584.516 atau sebesar 99.91%",
     852312000, 851584516, 99.91),
    ("dengan indikator kegiatan X dengan anggaran sebesar Rp. 18.256.293.000 dan realisasi sebesar "
     "Rp. 18.168.826.339 atau 99.52%, dengan rincian", 18256293000, 18168826339, 99.52),
    ("dengan anggaran sebesar Rp. 2.170.936.000 dengan realisasi sebesar Rp. 2.158.035.549 atau 99.93%",
     2170936000, 2158035549, 99.93),
    ("Alokasi anggarannya sebesar Rp 852.312.000 dengan realisasi sebesar Rp 851.584.516 atau sebesar 99,91%",
     852312000, 851584516, 99.91),
    ("Alokasi anggarannya sebesar Rp.852.312.000 dengan realisasi sebesar Rp.851.584.516 atau sebesar 99,91 %",
     852312000, 851584516, 99.91),
    ("Alokasi anggarannya sebesar Rp. 5.000.000 dengan realisasi sebesar Rp. 5.000.000 atau sebesar 100%",
     5000000, 5000000, 100.0),
    ("Alokasi anggarannya sebesar Rp. 1000 dengan realisasi sebesar Rp. 0 atau sebesar 0%", 1000, 0, 0.0),
    ("Alokasi anggarannya sebesar Rp. 2.081.325.000, dengan realisasi sebesar Rp. 2.091.349.077 atau "
     "sebesar 100.48% yang terdiri dari 2 (dua) Output Kegiatan", 2081325000, 2091349077, 100.48),
    # A sentence broken across lines by the PDF's text layer.
    ("Alokasi anggarannya sebesar Rp. 1.273.375.000, dengan realisasi sebesar Rp.\n1.270.970.759 atau\n"
     "sebesar 99.81%", 1273375000, 1270970759, 99.81),
    # Amounts written with the ',-' suffix KPU documents use ('Rp. 2.953.803.000,-').
    ("Alokasi anggarannya sebesar Rp. 852.312.000,- dengan realisasi sebesar Rp. 851.584.516,- atau "
     "sebesar 99.91%", 852312000, 851584516, 99.91),
])
def test_sentence_variants(sentence, pagu, real, pct):
    line = only(HEAD + "\n" + sentence)
    assert (line.pagu, line.realisasi, line.persen_reported) == (pagu, real, pct)
    assert (line.kode, line.level, line.uraian, line.source) == (
        "CQ.6709.QGE.001", "suboutput", "Perencanaan dan Penganggaran Pemilu", "narrative")


def test_lakip_total_sentence():
    line = only("C. Akuntabilitas Keuangan\nKPU Kota Serang mendapatkan Pagu Anggaran sebesar Rp. 3.741.209.000, "
                "tingkat persentase realisasi anggaran\nTahun 2022 sebesar 96,69%, atau sebesar Rp. 3.617.455.634, "
                "tingkat capaian tersebut menunjukkan upaya")
    assert (line.level, line.uraian, line.kode, line.program) == ("total", "Jumlah Anggaran", None, None)
    assert (line.pagu, line.realisasi, line.persen_reported) == (3741209000, 3617455634, 96.69)


SENTENCE = "Alokasi anggarannya sebesar Rp. 8.200.000, dengan realisasi sebesar Rp. 7.779.000 atau sebesar 94.87%"


@pytest.mark.parametrize("marker", ["", "1. ", "10. ", "a. ", "c) ", "- ", "• ", "➤ ", "- a. ", " - b. ", "**"])
def test_heading_markers_are_dropped(marker):
    line = only(f"{marker}Penyelesaian Sengketa Penetapan Partai Politik Peserta Pemilu (CQ.6888.QGE.003)\n\n"
                + SENTENCE)
    assert line.uraian == "Penyelesaian Sengketa Penetapan Partai Politik Peserta Pemilu"
    assert (line.kode, line.level) == ("CQ.6888.QGE.003", "suboutput")


def test_bold_markers_around_heading():
    line = only("- a. **Penyiapan dan Pengelolaan Logistik Pemilu (CQ.6871.QGE.001)**\n" + SENTENCE)
    assert (line.uraian, line.kode) == ("Penyiapan dan Pengelolaan Logistik Pemilu", "CQ.6871.QGE.001")


@pytest.mark.parametrize("code, kode, level", [
    ("076.01.CQ", "076.01.CQ", "program"),
    ("076.CQ", "076.01.CQ", "program"),
    ("076.WA", "076.01.WA", "program"),
    ("CQ.6709", "CQ.6709", "kegiatan"),
    ("WA.3355", "WA.3355", "kegiatan"),
    ("CQ.6709.QGE", "CQ.6709.QGE", "output"),
    ("WA.3355.EBA", "WA.3355.EBA", "output"),
    ("CQ.6709.QGE.001", "CQ.6709.QGE.001", "suboutput"),
    ("WA.3355.EBA.994", "WA.3355.EBA.994", "suboutput"),
])
def test_codes_at_every_depth(code, kode, level):
    assert code_to_level(code) == (kode, level)
    title = PDM if code.endswith("WA") else CQ if code.endswith("CQ") else "Layanan Perkantoran"
    line = only(f"B. {title} ({code})\n\n{SENTENCE}")
    assert (line.kode, line.level) == (kode, level)


def test_program_heading_names_the_program_of_the_lines_below():
    lines = narrate(f"B. {PDM} (076.WA)\n{SENTENCE}\n"
                    f"3. Data dan Informasi (WA.6634)\n{SENTENCE}\n"
                    f"➤ Layanan Dukungan Manajemen Internal (WA.6634.EBA)\n{SENTENCE}").budget
    assert [(ln.level, ln.kode, ln.program) for ln in lines] == [
        ("program", "076.01.WA", PDM), ("kegiatan", "WA.6634", PDM), ("output", "WA.6634.EBA", PDM)]
    assert lines[0].uraian == PDM


def test_program_heading_is_canonical_even_with_the_word_program():
    line = only(f"A. Program {CQ} (076.01.CQ)\n\n{SENTENCE}")
    assert (line.uraian, line.program) == (CQ, CQ)


@pytest.mark.parametrize("text", [
    # the list marker is on the first line only
    "10. Pencalonan Presiden dan Wakil Presiden Serta Pencalonan Anggota DPR, DPD, DPRD\n"
    "Provinsi dan DPRD Kabupaten/Kota (CQ.6890)",
    # the code alone on the second line
    "10. Pencalonan Presiden dan Wakil Presiden Serta Pencalonan Anggota DPR, DPD, DPRD Provinsi dan DPRD "
    "Kabupaten/Kota\n(CQ.6890)",
    # no list marker at all
    "Pencalonan Presiden dan Wakil Presiden Serta Pencalonan Anggota DPR, DPD, DPRD\n"
    "Provinsi dan DPRD Kabupaten/Kota (CQ.6890)",
])
def test_heading_wrapped_over_two_lines(text):
    line = only(f"Pelaksanaan kegiatan tersebut dilakukan dengan baik.\n{text}\n{SENTENCE}")
    assert line.uraian == ("Pencalonan Presiden dan Wakil Presiden Serta Pencalonan Anggota DPR, DPD, DPRD "
                           "Provinsi dan DPRD Kabupaten/Kota")
    assert (line.kode, line.level) == ("CQ.6890", "kegiatan")


def test_wrapped_program_heading():
    line = only(f"A. Program Penyelenggaraan Pemilu dalam Proses\nKonsolidasi Demokrasi (076.01.CQ)\n{SENTENCE}")
    assert (line.kode, line.level, line.uraian, line.program) == ("076.01.CQ", "program", CQ, CQ)


def test_heading_without_code_is_one_level_below_the_previous():
    lines = narrate("b. Sarana Bidang Teknologi Informasi dan Komunikasi (CQ.6709.RAN)\n\n"
                    "Alokasi anggarannya sebesar Rp. 6.478.000, dengan realisasi sebesar Rp. 6.476.845 atau sebesar "
                    "99.98% yang terdiri dari 1 Output Kegiatan, yaitu sebagai berikut:\n\n"
                    "1. Sarana IT Pemilu\n\n"
                    "Alokasi anggarannya sebesar Rp. 6.478.000, dengan realisasi sebesar Rp. 6.476.845 atau sebesar "
                    "99.98%\n\nPelaksanaan pada kegiatan Sarana IT Pemilu, dilaksanakan berdasarkan kebutuhan.").budget
    assert [(ln.uraian, ln.kode, ln.level) for ln in lines] == [
        ("Sarana Bidang Teknologi Informasi dan Komunikasi", "CQ.6709.RAN", "output"),
        ("Sarana IT Pemilu", None, "suboutput")]


def test_sentence_without_any_heading_is_not_a_budget_line():
    assert narrate("Pendahuluan.\n" + SENTENCE).budget == []


def test_prose_between_heading_and_next_sentence_does_not_reuse_the_heading():
    """A heading belongs to the first sentence after it; a second sentence needs its own heading."""
    lines = narrate(f"a. Penetapan Data Pemilih (CQ.6887.QGE.003)\n{SENTENCE}\n"
                    "Pelaksanaan kegiatan tersebut sudah dilaksanakan dengan baik berdasarkan aturan.\n"
                    f"{SENTENCE}").budget
    assert [ln.kode for ln in lines] == ["CQ.6887.QGE.003"]


def test_headings_and_sentences_across_pages():
    drafts = narrate(f"1. Data dan Informasi (WA.6634)\n{SENTENCE}",
                     f"➤ Layanan Dukungan Manajemen Internal (WA.6634.EBA)\n{SENTENCE}")
    assert [(ln.page, ln.kode) for ln in drafts.budget] == [(1, "WA.6634"), (2, "WA.6634.EBA")]


def test_parenthesis_that_is_not_a_code_is_not_a_heading():
    line = only("Program Dukungan Manajemen (076.01.WA)\n\n(Alokasi dan Realisasi Anggaran)\n\n"
                "Alokasi anggaran kegiatan KPU Kota Serang selama Tahun 2023 dengan indikator kegiatan Program "
                "Dukungan Manajemen dengan anggaran sebesar Rp. 2.170.936.000 dengan realisasi sebesar "
                "Rp. 2.158.035.549 atau 99.93%")
    assert (line.kode, line.uraian, line.pagu) == ("076.01.WA", PDM, 2170936000)


def test_unreadable_amount_goes_to_review():
    drafts = narrate(HEAD + "Alokasi anggarannya sebesar Rp. 1.2.3 dengan realisasi sebesar Rp. 5.000 atau "
                            "sebesar 100%")
    assert drafts.budget == []
    assert [r.reason.split(":")[0] for r in drafts.review] == ["unparsed_amount"]


# The programs listed under a PK's target table (PK Disnak, corpus/real/, as Tesseract reads page 3).
PK_LIST = """Peningkatan Produksi Pertanian (APBD) Rp. 30.903.396.770,-
Pemberdayaan Sumber Daya Pertanian (APBD) Rp. 2.208.100.000,-
Pencegahan dan Penanggulangan Penyakit, Tanaman, Ternak Rp.4.868.180.000,-
dan Ikan (APBD)
Pemasaran dan Pengolahan Hasil Pertanian, Perkebunan, Rp. 3.244.817.500,-
Peternakan, Perikanan dan Kehutanan (APBD)
Bandung, 2016
PIHAK KEDUA, PIHAK KESATU,"""


def test_a_budget_list_in_running_text_gives_one_line_per_item_with_its_wrapped_name():
    lines = [(b.uraian, b.pagu, b.level, b.source) for b in narrate(PK_LIST).budget]
    assert lines == [("Peningkatan Produksi Pertanian (APBD)", 30903396770, "program", "narrative"),
                     ("Pemberdayaan Sumber Daya Pertanian (APBD)", 2208100000, "program", "narrative"),
                     ("Pencegahan dan Penanggulangan Penyakit, Tanaman, Ternak dan Ikan (APBD)", 4868180000,
                      "program", "narrative"),
                     ("Pemasaran dan Pengolahan Hasil Pertanian, Perkebunan, Peternakan, Perikanan dan "
                      "Kehutanan (APBD)", 3244817500, "program", "narrative")]
    numbered = "1. Peningkatan Produksi Pertanian (APBD) Rp.30.903.396.770,-\n2. Pemberdayaan (APBD) Rp. 2.208.100.000,-"
    assert [b.pagu for b in narrate(numbered).budget] == [30903396770, 2208100000]


@pytest.mark.parametrize("text", [
    "Peningkatan Produksi Pertanian (APBD) Rp. 30.903.396.770,-\nBandung, 2016",  # one line is no list
    "total anggaran yang dialokasikan sebesar Rp. 30.903.396.770,-\ndengan realisasi sebesar Rp. 2.208.100.000,-",
    # a sum worked out per package (Renja Disperindag Kota Bogor 2020, p. 24): prices, no budget
    "a. Beras, Rp. 6.500,-/kg = Rp. 32.500,-\nb. Gula Pasir Rp. 7.000,-/kg = Rp. 21.000,-",
])
def test_no_budget_list_from_one_line_or_from_prose(text):
    assert narrate(text).budget == []


def test_a_total_line_closing_a_budget_list_is_its_total_not_a_program():
    text = ("1. Peningkatan Produksi Pertanian (APBD) Rp. 30.903.396.770,-\n"
            "2. Pemberdayaan Sumber Daya Pertanian (APBD) Rp. 2.208.100.000,-\n"
            "Jumlah Rp. 33.111.496.770,-")
    assert [(b.level, b.uraian, b.pagu) for b in narrate(text).budget] == [
        ("program", "Peningkatan Produksi Pertanian (APBD)", 30903396770),
        ("program", "Pemberdayaan Sumber Daya Pertanian (APBD)", 2208100000),
        ("total", "Jumlah", 33111496770)]


def test_the_lines_below_a_budget_lists_last_item_are_no_part_of_its_name_unless_they_close_it():
    text = ("Program Pelayanan Administrasi Perkantoran Rp. 1.000.000,-\n"
            "Program Peningkatan Sarana dan Prasarana Aparatur Rp. 2.000.000,-\n"
            "KEPALA DINAS PETERNAKAN\nPROVINSI JAWA BARAT")
    assert [b.uraian for b in narrate(text).budget] == ["Program Pelayanan Administrasi Perkantoran",
                                                        "Program Peningkatan Sarana dan Prasarana Aparatur"]
