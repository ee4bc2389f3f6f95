"""`kpu-extract report` and `kpu-extract tables --png`: real runs on corpus files, the report loaded
in headless Chromium (Debian's chromium + chromedriver through Selenium).

A screenshot of each document page is kept in tests/artifacts/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from PIL import Image

from conftest import CORPUS, ROOT
from kpu_extract.extract.pdf import pdf_to_document
from kpu_extract.pipeline.cli import main
from kpu_extract.report import ReportSettings, build_report
from kpu_extract.report.grid import CELL_COLOUR, DEBUG_SCALE
from kpu_extract.report.images import ImageSettings, PdfImages, open_pdf

DIGITAL = CORPUS / "laptah_kota_serang_2023.pdf"
SCANNED = CORPUS / "scans" / "pk_kota_serang_2022-hard-200.pdf"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000")

pytestmark = pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("chromedriver")),
                                reason="needs Debian's chromium and chromium-driver (make sysdeps)")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert main(["run", str(DIGITAL), str(SCANNED), "--out", str(out), "--quiet", "--workers", "2"]) == 0
    return out


@pytest.fixture(scope="module")
def report(outputs) -> Path:
    assert main(["report", str(outputs)]) == 0
    return outputs / "report"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
    yield driver
    driver.quit()


def _load(driver, path: Path) -> list[dict]:
    """Open a report file; returns the console errors it logged (and fails if any image did not load)."""
    driver.get(path.resolve().as_uri())
    broken = driver.execute_script(
        "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")
    assert broken == [], f"images that did not load in {path.name}: {broken}"
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _doc_ids(outputs: Path) -> list[str]:
    return pd.read_parquet(outputs / "documents.parquet").doc_id.tolist()


def test_every_review_row_is_an_entry_with_its_image(report, outputs, browser):
    from selenium.webdriver.common.by import By

    review = pd.read_parquet(outputs / "review.parquet")
    assert len(review) > 0  # the digital Laporan Tahunan has real disagreements to review
    ARTIFACTS.mkdir(exist_ok=True)
    for doc_id in _doc_ids(outputs):
        page = report / "doc" / f"{doc_id}.html"
        assert _load(browser, page) == []
        entries = browser.find_elements(By.CSS_SELECTOR, "article.review-row")
        expected = review[review.doc_id == doc_id]
        assert len(entries) == len(expected)
        for entry, raw in zip(entries, expected.raw.fillna("–")):
            assert entry.find_element(By.CSS_SELECTOR, "dd.raw").text == raw
            assert entry.find_elements(By.TAG_NAME, "img"), f"review entry without an image: {entry.text}"
        browser.save_screenshot(str(ARTIFACTS / f"report_{doc_id}.png"))


def test_every_page_has_a_thumbnail_that_loads(report, outputs, browser):
    from selenium.webdriver.common.by import By

    docs = pd.read_parquet(outputs / "documents.parquet")
    for doc in docs.itertuples():
        assert _load(browser, report / "doc" / f"{doc.doc_id}.html") == []
        assert len(browser.find_elements(By.CSS_SELECTOR, "#pages figure.thumb img")) == doc.n_pages


def test_index_lists_every_document_and_filters_those_needing_attention(report, outputs, browser):
    from selenium.webdriver.common.by import By

    assert _load(browser, report / "index.html") == []
    docs = pd.read_parquet(outputs / "documents.parquet")
    rows = browser.find_elements(By.CSS_SELECTOR, "#documents tbody tr")
    assert [r.find_element(By.CSS_SELECTOR, "td.file").text for r in rows] == docs.source_file.tolist()
    review = pd.read_parquet(outputs / "review.parquet")
    checks = pd.read_parquet(outputs / "checks.parquet")
    bad = set(review.doc_id) | set(checks[checks.status != "ok"].doc_id) | set(docs[docs.status != "ok"].doc_id)
    browser.find_element(By.ID, "attention-only").click()
    shown = [r.find_element(By.CSS_SELECTOR, "td.file").text for r in rows if r.is_displayed()]
    assert shown == docs[docs.doc_id.isin(bad)].source_file.tolist()
    assert DIGITAL.name in shown[0] and len(shown) < len(docs)


def test_budget_tree_marks_the_parents_checks_found_not_adding_up(report, outputs, browser):
    from selenium.webdriver.common.by import By

    doc_id = pd.read_parquet(outputs / "documents.parquet").query("doc_type == 'LAPTAH'").doc_id.item()
    _load(browser, report / "doc" / f"{doc_id}.html")
    failed = {r.find_elements(By.TAG_NAME, "td")[1].text for r in browser.find_elements(By.CSS_SELECTOR, "tr.failed")}
    checks = pd.read_parquet(outputs / "checks.parquet")
    mismatched = checks[(checks.doc_id == doc_id) & (checks.check == "sum_children") & (checks.status == "mismatch")]
    assert failed == {scope.rsplit(" ", 1)[0] for scope in mismatched.scope}
    # The sum shown beside the program is the sum of its kegiatan lines in pagu.
    pagu = pd.read_parquet(outputs / "pagu.parquet").query("doc_id == @doc_id")
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "tr.level-program")
               if r.find_elements(By.TAG_NAME, "td")[1].text == "076.01.CQ")
    kegiatan = pagu[(pagu.level == "kegiatan") & pagu.kode.str.startswith("CQ.")].pagu.sum()
    assert row.find_elements(By.TAG_NAME, "td")[5].text == f"{kegiatan:,}".replace(",", ".")


def test_rebuild_reuses_every_image(outputs, tmp_path):
    first = build_report(outputs, ReportSettings(out=tmp_path / "r"))
    assert first.pages_rendered > 0
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "r" / "img").rglob("*.png")}
    second = build_report(outputs, ReportSettings(out=tmp_path / "r"))
    assert second.pages_rendered == 0
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "r" / "img").rglob("*.png")} == stamps


def test_only_attention_writes_pages_for_those_documents(outputs, tmp_path):
    assert main(["report", str(outputs), "--out", str(tmp_path / "r"), "--only-attention"]) == 0
    docs = pd.read_parquet(outputs / "documents.parquet")
    written = {p.stem for p in (tmp_path / "r" / "doc").glob("*.html")}
    assert written == set(pd.read_parquet(outputs / "review.parquet").doc_id)
    assert written < set(docs.doc_id)
    index = (tmp_path / "r" / "index.html").read_text()
    assert all(f in index for f in docs.source_file)  # every document is still listed


@pytest.mark.parametrize("damage", ["removed", "changed"])
def test_missing_or_changed_pdf_gives_a_page_with_a_note(tmp_path, browser, capsys, damage):
    from selenium.webdriver.common.by import By

    pdf = tmp_path / "in" / "pk.pdf"
    pdf.parent.mkdir()
    shutil.copy(CORPUS / "pk_kota_serang_2022.pdf", pdf)
    assert main(["run", str(pdf), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1"]) == 0
    if damage == "removed":
        pdf.unlink()
    else:
        pdf.write_bytes(pdf.read_bytes() + b"\n% appended\n")
    capsys.readouterr()
    assert main(["report", str(tmp_path / "out")]) == 0
    assert "kpu-extract: note: " in capsys.readouterr().err
    doc_id = pd.read_parquet(tmp_path / "out" / "documents.parquet").doc_id.item()
    assert _load(browser, tmp_path / "out" / "report" / "doc" / f"{doc_id}.html") == []
    note = browser.find_element(By.ID, "note").text
    assert ("is not there any more" if damage == "removed" else "has changed since the run") in note
    assert browser.find_elements(By.TAG_NAME, "img") == []


def test_report_of_a_folder_without_datasets_exits_2(tmp_path, capsys):
    assert main(["report", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"kpu-extract: error: {tmp_path} holds no documents.parquet; run `kpu-extract run INPUT --out {tmp_path}` "
        "first, then `kpu-extract report` on that folder"]


def _cell_boxes(pdf: Path) -> dict[tuple[int, str], tuple]:
    """(page, digits) -> the cell box the extractor found for that amount."""
    doc = pdf_to_document(pdf, doc_id="t")
    return {(p.number, "".join(ch for ch in c.text if ch.isdigit())): c.bbox
            for p in doc.pages for t in p.tables for c in t.cells if c.bbox and c.text.strip()}


def test_v1_1_bbox_gives_a_crop_with_the_cell_marked(outputs, tmp_path, browser):
    """Contract v1.1 review rows carry a bbox: the entry shows the row strip with the cell marked.

    The bbox is the pipeline's own (the cell of the amount the review row names).
    """
    from selenium.webdriver.common.by import By

    folder = tmp_path / "out"
    shutil.copytree(outputs, folder, ignore=shutil.ignore_patterns("report"))
    rows = pq.read_table(folder / "review.parquet").to_pylist()
    boxes = _cell_boxes(DIGITAL)
    with_box = [r for r in rows if r["bbox"] is not None]
    assert len(with_box) >= 5  # the table_vs_narrative rows of the Laporan Tahunan name a printed cell
    # the box is the extractor's cell of the amount the row names
    assert any(boxes.get((r["page"], r["raw"])) == tuple(r["bbox"]) for r in with_box)
    assert main(["report", str(folder)]) == 0
    doc_id = pd.read_parquet(folder / "documents.parquet").query("doc_type == 'LAPTAH'").doc_id.item()
    assert _load(browser, folder / "report" / "doc" / f"{doc_id}.html") == []
    marks = browser.find_elements(By.CSS_SELECTOR, "article.review-row .shot .mark")
    assert len(marks) == sum(r["doc_id"] == doc_id for r in with_box)
    assert all(m.size["width"] > 0 and m.size["height"] > 0 for m in marks)
    browser.save_screenshot(str(ARTIFACTS / "report_v1_1_crops.png"))


def test_crop_is_the_row_strip_around_the_cell(tmp_path):
    number, box = next((k[0], v) for k, v in _cell_boxes(DIGITAL).items() if k[1] == "79095521")
    pdf = open_pdf(DIGITAL)
    try:
        images = PdfImages(pdf, tmp_path, ImageSettings())
        crop = images.crop(number, box)
        width, _ = images.page_size(number)
    finally:
        pdf.close()
    image = np.asarray(Image.open(crop.path))
    scale, margin = ImageSettings().crop_scale, ImageSettings().row_margin_pt
    assert image.shape[1] == round(width * scale)
    assert abs(image.shape[0] - (box[3] - box[1] + 2 * margin) * scale) <= 2
    x0, y0, x1, y1 = (round(f * s) for f, s in zip(crop.cell, (image.shape[1], image.shape[0]) * 2))
    assert (image[y0:y1, x0:x1] < 128).any()  # the printed digits are inside the marked cell


def test_grid_draws_the_extractors_tables_on_the_thumbnails(outputs, tmp_path, browser):
    from selenium.webdriver.common.by import By

    assert main(["report", str(outputs), "--out", str(tmp_path / "r"), "--grid"]) == 0
    doc_id = pd.read_parquet(outputs / "documents.parquet").query("doc_type == 'LAPTAH'").doc_id.item()
    assert _load(browser, tmp_path / "r" / "doc" / f"{doc_id}.html") == []
    doc = pdf_to_document(DIGITAL, doc_id=doc_id)
    for page in doc.pages:
        figure = browser.find_element(By.ID, f"page-{page.number}")
        assert len(figure.find_elements(By.CSS_SELECTOR, ".box.table")) == len(page.tables)
        assert len(figure.find_elements(By.CSS_SELECTOR, ".box.cell")) == sum(len(t.cells) for t in page.tables)


def test_tables_png_draws_the_grid_on_every_page(tmp_path, capsys):
    pdf = CORPUS / "rkt_kota_serang_2021.pdf"
    assert main(["tables", str(pdf), "--out", str(tmp_path), "--png"]) == 0
    doc = pdf_to_document(pdf, doc_id="t")
    pngs = sorted(tmp_path.glob("page*.png"))
    assert [p.name for p in pngs] == [f"page{p.number:03d}.png" for p in doc.pages]
    for page, png in zip(doc.pages, pngs):
        image = np.asarray(Image.open(png).convert("RGB")).astype(int)
        assert abs(image.shape[1] - page.width * DEBUG_SCALE) <= 1
        red = (np.abs(image - CELL_COLOUR).sum(axis=2) < 60).sum()
        assert (red > 0) == any(t.cells for t in page.tables), png.name
    assert ", page images -> " in capsys.readouterr().err

