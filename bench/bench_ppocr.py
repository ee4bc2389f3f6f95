"""PP-OCR (engines/ppocr.py) against Tesseract on the money and percent cells of the scanned corpus.

Cells: every cell of a ruled grid found on a corpus scan (`normal-300`, `hard-200`) whose twin
cell in the digital original (same page, box overlap >= 0.6) holds an amount ('Rp. 1.250.000')
or a percent ('87,5%'); that digital text is the truth. With `--extra-hard`, the four corpus
documents that have no hard scan are degraded the same way (corpus/make_scans.make_variant,
hard-200) into a temporary directory and measured as the class `hard-200-extra`.

Crops are cut as the pipeline cuts them: the cell box inset by 3 px on the cleaned, line-free
page (raster.clean_page, grid.image_to_line_masks/masks_to_grids, ocr.remove_lines). Readers:
  tess-page  Tesseract's first reading: `ocr.page_words` psm 11 on the page, words put into cells
  tess-crop  pytesseract on each crop alone: upscaled to 600 dpi, psm 6, whitelist '0-9.,Rp-%'
             (what the pipeline's money strip re-read does, one crop per call)
  ppocr      PaddleOcrEngine.read_crops, all crops of a page in one call, charset AMOUNT_CHARSET
A reading is exact when it equals the truth after dropping whitespace and a leading 'Rp'/'Rp.'.

Then: ms per crop (median of --runs, 1 thread, per rec batch size), model load time, peak RSS
of a child process that loaded the engine and read one page's crops, and page_words on an A4
300-dpi page and an A3 one (two A4 pages side by side) against `tesseract --psm 11`.

Run: `.venv/bin/python bench/bench_ppocr.py [--runs 3] [--extra-hard] [--save-fixtures tests/data/crops]`
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
import pytesseract  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "corpus"))

from kpu_extract.extract import raster  # noqa: E402
from kpu_extract.extract.cells import words_to_cells  # noqa: E402
from kpu_extract.extract.engines.base import AMOUNT_CHARSET  # noqa: E402
from kpu_extract.extract.grid import grid_line_mask, image_to_line_masks, masks_to_grids  # noqa: E402
from kpu_extract.extract.ocr import LANG, page_words, remove_lines  # noqa: E402
from kpu_extract.extract.pdf import read_page  # noqa: E402

CLASSES = ("normal-300", "hard-200")
_AMOUNT = re.compile(r"^(Rp\.?\s*)?-?\d{1,3}(\.\d{3})+(,\d{1,2})?$")
_PERCENT = re.compile(r"^\d{1,3}([.,]\d{1,2})?\s?%$")
MIN_OVERLAP = 0.6
CELL_INSET = 3  # px, as ocr._crop
STRIP_DPI = 600  # as ocr.STRIP_DPI
TESS_CROP_CONFIG = "--psm 6 -c tessedit_char_whitelist=0123456789.,Rp-%"
BATCHES = (1, 6, 16, 32)


@dataclass
class AmountCell:
    """One money/percent cell of a scan: where it is, its truth, its crop and Tesseract's readings."""

    scan: str
    klass: str
    page: int  # 1-based
    row: int
    col: int
    dpi: float
    truth: str
    crop: np.ndarray
    tess_page: str = ""
    tess_crop: str = ""
    ppocr: str = ""
    ppocr_conf: float = 0.0


def canon(text: str) -> str:
    """Whitespace and a leading Rupiah sign dropped: the part of an amount that must be exact."""
    return re.sub(r"^Rp\.?", "", re.sub(r"\s+", "", text))


def exact(text: str, truth: str) -> bool:
    return canon(text) == canon(truth)


def _overlap(a: tuple, b: tuple) -> float:
    x0, y0, x1, y1 = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    inter = max(0.0, x1 - x0) * max(0.0, y1 - y0)
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union else 0.0


def crop_cell(gray: np.ndarray, bbox: tuple, dpi: float) -> np.ndarray:
    s = dpi / 72.0
    x0, y0, x1, y1 = (int(round(v * s)) for v in bbox)
    h, w = gray.shape
    x0, y0 = max(0, x0 + CELL_INSET), max(0, y0 + CELL_INSET)
    x1, y1 = min(w, x1 - CELL_INSET), min(h, y1 - CELL_INSET)
    return gray[y0:max(y0 + 1, y1), x0:max(x0 + 1, x1)].copy()


def n_pages(pdf: Path) -> int:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def line_free_page(scan: Path, index: int):
    """The page as the OCR path sees it: (line-free cleaned image, dpi, grids in points)."""
    gray, dpi = raster.render_page(str(scan), index)
    gray = raster.clean_page(gray)
    masks = image_to_line_masks(gray, dpi)
    ruled = masks_to_grids(masks, dpi)
    image = remove_lines(gray, grid_line_mask(masks, ruled, dpi), dpi)
    return image, dpi, [g.scaled(72.0 / dpi) for g in ruled]


def scan_to_cells(scan: Path, digital: Path, klass: str) -> list[AmountCell]:
    """Money/percent cells of every page of `scan`, truth from the digital twin's cells."""
    out = []
    for index in range(n_pages(scan)):
        image, dpi, grids = line_free_page(scan, index)
        words = page_words(image, dpi)
        truth_cells = [c for t in read_page(str(digital), index).tables for c in t.cells if c.bbox]
        for grid in grids:
            first = {c.bbox: c.text for c in words_to_cells(words, grid).cells}
            for gc in grid.cells:
                twin = max(truth_cells, key=lambda c: _overlap(c.bbox, gc.bbox), default=None)
                if twin is None or _overlap(twin.bbox, gc.bbox) < MIN_OVERLAP:
                    continue
                truth = twin.text.strip()
                if _AMOUNT.match(truth) or _PERCENT.match(truth):
                    out.append(AmountCell(scan.name, klass, index + 1, gc.row, gc.col, dpi, truth,
                                          crop_cell(image, gc.bbox, dpi), tess_page=first.get(gc.bbox, "")))
    return out


def corpus_scans(extra_dir: Path | None) -> list[tuple[Path, Path, str]]:
    """(scan, digital original, class) for the measured scans."""
    scans = []
    for scan in sorted((ROOT / "corpus" / "scans").glob("*.pdf")):
        name, klass = scan.stem.split("-", 1)
        if klass in CLASSES:
            scans.append((scan, ROOT / "corpus" / f"{name}.pdf", klass))
    if extra_dir is not None:
        from make_scans import VARIANTS, make_variant
        have_hard = {s.stem.split("-", 1)[0] for s, _, k in scans if k == "hard-200"}
        for digital in sorted((ROOT / "corpus").glob("*.pdf")):
            if digital.stem not in have_hard:
                scans.append((make_variant(digital, VARIANTS["hard-200"], extra_dir), digital, "hard-200-extra"))
    return scans


def tesseract_crop(crop: np.ndarray, dpi: float) -> str:
    f = STRIP_DPI / dpi
    big = cv2.resize(crop, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC) if f > 1 else crop
    paper = int(np.median(crop))
    big = cv2.copyMakeBorder(big, 24, 24, 24, 24, cv2.BORDER_CONSTANT, value=paper)
    text = pytesseract.image_to_string(big, lang=LANG, config=f"--dpi {STRIP_DPI} {TESS_CROP_CONFIG}")
    return re.sub(r"(?<=\d)\s+(?=[\d.,])|(?<=\d[.,])\s+(?=\d)", "", text.strip())


def by_page(cells: list[AmountCell]) -> list[list[AmountCell]]:
    pages: dict[tuple[str, int], list[AmountCell]] = {}
    for c in cells:
        pages.setdefault((c.scan, c.page), []).append(c)
    return list(pages.values())


def read_all(engine, cells: list[AmountCell]) -> None:
    for page in by_page(cells):
        for cell, read in zip(page, engine.read_crops([c.crop for c in page], page[0].dpi, AMOUNT_CHARSET)):
            cell.ppocr, cell.ppocr_conf = read.text, read.conf
        for cell in page:
            cell.tess_crop = tesseract_crop(cell.crop, cell.dpi)


def report_accuracy(cells: list[AmountCell]) -> None:
    klasses = sorted({c.klass for c in cells}, key=lambda k: (k not in CLASSES, k))
    print("\nexact reads (cells read exactly / cells)")
    print(f"{'class':16} {'cells':>5} {'tess-page':>10} {'tess-crop':>10} {'ppocr':>10} {'either':>10} {'both':>10}")
    for k in klasses:
        ks = [c for c in cells if c.klass == k]
        tp = sum(exact(c.tess_page, c.truth) for c in ks)
        tc = sum(exact(c.tess_crop, c.truth) for c in ks)
        pp = sum(exact(c.ppocr, c.truth) for c in ks)
        either = sum(exact(c.tess_page, c.truth) or exact(c.ppocr, c.truth) for c in ks)
        both = sum(exact(c.tess_page, c.truth) and exact(c.ppocr, c.truth) for c in ks)
        print(f"{k:16} {len(ks):5} {tp:10} {tc:10} {pp:10} {either:10} {both:10}")
    print("\ndisagreements of tess-page and ppocr (canonical texts differ); * marks the exact reading")
    for c in cells:
        if canon(c.tess_page) != canon(c.ppocr):
            mark = lambda t: ("*" if exact(t, c.truth) else " ") + repr(t)  # noqa: E731
            print(f"  {c.scan} p{c.page} r{c.row}c{c.col}: truth {c.truth!r:24} tess-page {mark(c.tess_page):26} "
                  f"tess-crop {mark(c.tess_crop):26} ppocr {mark(c.ppocr)} ({c.ppocr_conf:.0f})")
    wrong_agree = [c for c in cells if canon(c.tess_page) == canon(c.ppocr) and not exact(c.ppocr, c.truth)]
    print(f"both wrong and agreeing: {len(wrong_agree)}",
          [(c.scan, c.page, c.truth, c.ppocr) for c in wrong_agree])


def median_ms_per_crop(engine, cells: list[AmountCell], runs: int) -> float:
    pages = by_page(cells)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for page in pages:
            engine.read_crops([c.crop for c in page], page[0].dpi, AMOUNT_CHARSET)
        times.append(time.perf_counter() - start)
    return 1000.0 * statistics.median(times) / len(cells)


def report_speed(cells: list[AmountCell], runs: int) -> None:
    from kpu_extract.extract.engines.ppocr import PaddleOcrEngine
    print("\nppocr read_crops, 1 thread, ms per crop (median of runs over all pages' crops)")
    for batch in BATCHES:
        engine = PaddleOcrEngine(rec_batch=batch)
        for k in sorted({c.klass for c in cells}):
            ks = [c for c in cells if c.klass == k]
            print(f"  rec_batch {batch:2}  {k:16} {median_ms_per_crop(engine, ks, runs):6.1f} ms/crop ({len(ks)} crops)")


def child_rss(cells: list[AmountCell]) -> None:
    """Peak RSS of a fresh process that loads the engine and reads the largest page's crops."""
    page = max(by_page(cells), key=len)
    with tempfile.TemporaryDirectory() as tmp:
        np.savez(Path(tmp) / "crops.npz", *[c.crop for c in page])
        code = ("import sys, time, resource, numpy as np; sys.path.insert(0, %r);"
                "t = time.perf_counter(); from kpu_extract.extract.engines.ppocr import PaddleOcrEngine;"
                "e = PaddleOcrEngine(); load = time.perf_counter() - t;"
                "z = np.load(%r); crops = [z[k] for k in z.files];"
                "t = time.perf_counter(); e.read_crops(crops, %r); read = time.perf_counter() - t;"
                "print(f'{load:.2f} {read:.2f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}')"
                % (str(ROOT / "src"), str(Path(tmp) / "crops.npz"), page[0].dpi))
        before = subprocess.run([sys.executable, "-c", "import resource;"
                                 "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"],
                                capture_output=True, text=True, check=True).stdout.split()[0]
        load, read, rss = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                         check=True).stdout.split()
    print(f"\nfresh process: import + model load {load} s, read {len(page)} crops ({page[0].scan} p{page[0].page}) "
          f"{read} s, peak RSS {rss} MB (a bare python: {float(before):.0f} MB)")


def report_page_words(runs: int) -> None:
    """page_words on an A4 and an A3 300-dpi page against `tesseract --psm 11` on the same image."""
    from kpu_extract.extract.engines.ppocr import PaddleOcrEngine
    a4, dpi, _ = line_free_page(ROOT / "corpus" / "scans" / "pk_kota_serang_2022-normal-300.pdf", 0)
    other, _, _ = line_free_page(ROOT / "corpus" / "scans" / "pk_kota_serang_2022-normal-300.pdf", 1)
    a3 = np.hstack([a4, other[:a4.shape[0], :]])
    engine = PaddleOcrEngine()
    print("\npage_words vs tesseract --psm 11 (1 thread, median of runs)")
    with tempfile.TemporaryDirectory() as tmp:
        for label, image in (("A4 300 dpi", a4), ("A3 300 dpi", a3)):
            path = Path(tmp) / "page.pgm"
            cv2.imwrite(str(path), image)
            t_pp = _median(lambda: engine.page_words(image, dpi), runs)
            t_ts = _median(lambda: subprocess.run(["tesseract", str(path), "-", "-l", LANG, "--psm", "11",
                                                   "--dpi", str(int(dpi)), "tsv"], check=True,
                                                  capture_output=True), runs)
            n_pp = len(engine.page_words(image, dpi))
            n_ts = len(page_words(image, dpi))
            print(f"  {label} {image.shape[1]}x{image.shape[0]}: ppocr {t_pp:.2f} s ({n_pp} words), "
                  f"tesseract {t_ts:.2f} s ({n_ts} words), ratio {t_pp / t_ts:.2f}")


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def save_fixtures(cells: list[AmountCell], out: Path) -> None:
    """Crops as PNG plus truth.csv (the tests' fixtures); see tests/data/crops/README.md."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "truth.csv", "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "scan", "class", "page", "row", "col", "dpi", "truth", "tesseract_page"])
        for c in cells:
            name = f"{Path(c.scan).stem}-p{c.page}-r{c.row}-c{c.col}.png"
            cv2.imwrite(str(out / name), c.crop)
            writer.writerow([name, c.scan, c.klass, c.page, c.row, c.col, round(c.dpi), c.truth, c.tess_page])
    print(f"\nwrote {len(cells)} crops to {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--extra-hard", action="store_true", help="also measure generated hard-200 scans")
    parser.add_argument("--save-fixtures", type=Path, help="write the hard-scan crops as PNG + truth.csv here")
    args = parser.parse_args(argv)
    from kpu_extract.extract.engines.ppocr import PaddleOcrEngine
    with tempfile.TemporaryDirectory(prefix="kpu-bench-ppocr-") as tmp:
        cells = [c for scan, digital, k in corpus_scans(Path(tmp) if args.extra_hard else None)
                 for c in scan_to_cells(scan, digital, k)]
    read_all(PaddleOcrEngine(), cells)
    report_accuracy(cells)
    if args.save_fixtures:
        save_fixtures([c for c in cells if c.klass != "normal-300"], args.save_fixtures)
    report_speed(cells, args.runs)
    child_rss(cells)
    report_page_words(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
