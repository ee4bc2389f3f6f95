"""Page triage judges a text layer by what it reads: real damaged and sound layers, real PDFs."""

from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from kpu_extract.extract.pdf import layer_misreads_numbers, text_is_hidden, triage_page

ROOT = Path(__file__).resolve().parents[1]
DAMAGED = ROOT / "corpus/layouts/scans/L03_pk_grid-damaged-300.pdf"
# A scan with a sound OCR layer: 1 of 253 digit tokens (`9S`) mixes a letter in on its worst page.
SOUND_LAYER = ROOT / "corpus/real/usulan_perubahan_anggaran_desdm_prov_jabar_2016__scan_ocr.pdf"


def _triage(path: Path, index: int) -> str:
    with pdfplumber.open(path) as pdf:
        return triage_page(pdf.pages[index])


def test_damaged_layer_goes_to_ocr():
    assert _triage(DAMAGED, 0) == "ocr"


def test_sound_scan_layer_is_kept():
    with pdfplumber.open(SOUND_LAYER) as pdf:
        assert all(triage_page(p) == "text" for p in pdf.pages)


def test_invisible_scan_layer_goes_to_ocr():
    """The usulan layer reads sound, but it is invisible text over the page image (a scanner's OCR
    layer): its pages go to OCR, where the ruled grid printed in the image is found."""
    assert all(text_is_hidden(SOUND_LAYER, i) for i in range(5))
    with pdfplumber.open(SOUND_LAYER) as pdf:
        assert all(triage_page(p, hidden_layer=True) == "ocr" for p in pdf.pages)


def test_text_drawn_under_the_page_image_is_a_hidden_layer():
    """PK Disnak: the scanner drew its OCR text in render mode 0, then the scan over it."""
    disnak = ROOT / "corpus/real/pk_disnak_prov_jabar_2016__scan_ocr.pdf"
    assert all(text_is_hidden(disnak, i) for i in range(3))


def test_visible_text_beside_images_is_no_hidden_layer():
    renaksi = ROOT / "corpus/real/renaksi_inspektorat_prov_jabar_2016.pdf"
    assert not any(text_is_hidden(renaksi, i) for i in range(len(pdfium.PdfDocument(renaksi))))


@pytest.mark.parametrize("path", sorted(ROOT.glob("corpus/layouts/L*.pdf"))[:6] + sorted(ROOT.glob("corpus/*.pdf")))
def test_digital_pages_stay_text(path):
    with pdfplumber.open(path) as pdf:
        assert [triage_page(p) for p in pdf.pages] == ["text"] * len(pdf.pages)


def test_misread_numbers_need_several_and_a_share():
    assert layer_misreads_numbers("Target l0O% 1O0% l00% 90% 2021 1.25O.000")
    assert not layer_misreads_numbers("Target 100% 9S 90% 2021")  # one slip among sound numbers
    assert not layer_misreads_numbers(" ".join(["l0O%"] * 3 + ["1.250.000"] * 20))  # 3 of 23
