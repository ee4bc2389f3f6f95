"""PP-OCR (engines/ppocr.py) against Tesseract on the money and percent cells of the scanned corpus.

Cells: every cell of a ruled grid found on a corpus scan (`normal-300`, `hard-200`) whose twin
cell in the digital original (same page, box overlap >= 0.6) holds an amount ('Rp. 1.250.000')
or a percent ('87,5%'); that digital text is the truth. With `--extra-hard`, the four corpus
documents that have no hard scan are degraded the same way (corpus/make_scans.make_variant,
hard-200) into a temporary directory and measured as the class `hard-200-extra`.

Crops are cut as the pipeline cuts them: the cell box inset by 3 px on the cleaned, line-free
page (raster.clean_page, grid.image_to_line_masks/masks_to_grids, raster.remove_lines). Readers:
  tess-page  Tesseract's first reading: the CLI engine's `page_words` psm 11 on the page, words put into cells
  tess-crop  pytesseract on each crop alone: upscaled to 600 dpi, psm 6, whitelist '0-9.,Rp-%'
             (what the pipeline's money strip re-read does, one crop per call)
  ppocr      PaddleOcrEngine.read_crops, all crops of a page in one call, charset AMOUNT_CHARSET
A reading is exact when it equals the truth after dropping whitespace and a leading 'Rp'/'Rp.';
same-value when the pipeline's parsers (normalize.values) give the truth's value; wrong when it
parses to another value (a silent error); the rest do not parse (the pipeline flags them).

Then: CPU-ms per crop (process time, median of --runs, 1 thread, per rec batch size; the machine
is shared, so wall time is noise), model load time, peak RSS (VmHWM) of a fresh process that
loaded the engine and read one page's crops, and page_words on an A4 300-dpi page and an A3 one
(two A4 pages side by side) against `tesseract --psm 11` on the same image (CPU of the child).

Run: `.venv/bin/python bench/bench_ppocr.py [--runs 3] [--extra-hard] [--save-fixtures tests/data/crops]`
"""

from __future__ import annotations

import argparse
import csv
import os
import re
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
from kpu_extract.extract.engines.tesseract import TesseractEngine  # noqa: E402
from kpu_extract.extract.raster import remove_lines  # noqa: E402
from kpu_extract.extract.settings import LANG  # noqa: E402

page_words = TesseractEngine().page_words  # the CLI engine's page pass
from kpu_extract.extract.pdf import read_page  # noqa: E402
from kpu_extract.normalize.values import parse_percent, parse_rupiah  # noqa: E402

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
    table: int
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


def verdict(text: str, truth: str) -> str:
    """exact, same-value, wrong (parses to another value) or unparsed."""
    if exact(text, truth):
        return "exact"
    parse = parse_percent if truth.endswith("%") else (lambda t: parse_rupiah(t, ocr=True))
    try:
        got = parse(text) if text.strip() else None
    except ValueError:
        return "unparsed"
    if got is None:
        return "unparsed"
    return "same-value" if got == parse(truth) else "wrong"


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
        for table, grid in enumerate(grids):
            first = {c.bbox: c.text for c in words_to_cells(words, grid).cells}
            for gc in grid.cells:
                twin = max(truth_cells, key=lambda c: _overlap(c.bbox, gc.bbox), default=None)
                if twin is None or _overlap(twin.bbox, gc.bbox) < MIN_OVERLAP:
                    continue
                truth = twin.text.strip()
                if _AMOUNT.match(truth) or _PERCENT.match(truth):
                    out.append(AmountCell(scan.name, klass, index + 1, table, gc.row, gc.col, dpi, truth,
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


READERS = ("tess_page", "tess_crop", "ppocr")


def report_accuracy(cells: list[AmountCell]) -> None:
    klasses = sorted({c.klass for c in cells}, key=lambda k: (k not in CLASSES, k))
    print("\nreadings per class: exact / same-value / unparsed / wrong (parses to another value)")
    print(f"{'class':16} {'cells':>5} " + " ".join(f"{r:>18}" for r in READERS) + f" {'either exact':>13}")
    for k in klasses:
        ks = [c for c in cells if c.klass == k]
        counts = []
        for reader in READERS:
            v = [verdict(getattr(c, reader), c.truth) for c in ks]
            counts.append("/".join(str(v.count(x)) for x in ("exact", "same-value", "unparsed", "wrong")))
        either = sum(exact(c.tess_page, c.truth) or exact(c.ppocr, c.truth) for c in ks)
        print(f"{k:16} {len(ks):5} " + " ".join(f"{x:>18}" for x in counts) + f" {either:13}")
    print("\ndisagreements of tess-page and ppocr (canonical texts differ); * marks the exact reading")
    for c in cells:
        if canon(c.tess_page) != canon(c.ppocr):
            mark = lambda t: ("*" if exact(t, c.truth) else " ") + repr(t)  # noqa: E731
            print(f"  {c.scan} p{c.page} t{c.table} r{c.row}c{c.col}: truth {c.truth!r:24} "
                  f"tess-page {mark(c.tess_page):26} tess-crop {mark(c.tess_crop):26} ppocr {mark(c.ppocr)} "
                  f"({c.ppocr_conf:.0f})")
    agree_wrong = [c for c in cells if canon(c.tess_page) == canon(c.ppocr) and not exact(c.ppocr, c.truth)]
    print(f"tess-page and ppocr agree but are not exact: {len(agree_wrong)}",
          [(c.scan, c.page, c.truth, c.ppocr, verdict(c.ppocr, c.truth)) for c in agree_wrong])


def report_speed(cells: list[AmountCell], runs: int) -> None:
    """CPU-ms per crop of read_crops on every page's crops, batch sizes interleaved run by run."""
    from kpu_extract.extract.engines.ppocr import PaddleOcrEngine
    engines = {b: PaddleOcrEngine(rec_batch=b) for b in BATCHES}
    klasses = sorted({c.klass for c in cells})
    times: dict[tuple[int, str], list[float]] = {}
    for _ in range(runs):
        for batch, engine in engines.items():
            for k in klasses:
                pages = by_page([c for c in cells if c.klass == k])
                start = time.process_time()
                for page in pages:
                    engine.read_crops([c.crop for c in page], page[0].dpi, AMOUNT_CHARSET)
                times.setdefault((batch, k), []).append(time.process_time() - start)
    print("\nppocr read_crops, 1 thread: CPU-ms per crop (median of runs), one call per page")
    for (batch, k), ts in times.items():
        n = sum(c.klass == k for c in cells)
        print(f"  rec_batch {batch:2}  {k:16} {1000.0 * statistics.median(ts) / n:6.1f} ms/crop ({n} crops)")


_HWM = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]) / 1024"


def child_rss(cells: list[AmountCell]) -> None:
    """Peak RSS of a fresh process that loads the engine and reads the largest page's crops.

    VmHWM, not getrusage's ru_maxrss: a child forked from this (large) process starts with the
    parent's high-water mark in ru_maxrss (measured: a bare `python -c` reported 984 MB).
    """
    page = max(by_page(cells), key=len)
    with tempfile.TemporaryDirectory() as tmp:
        np.savez(Path(tmp) / "crops.npz", *[c.crop for c in page])
        code = ("import sys, time, numpy as np; sys.path.insert(0, %r);"
                "t = time.perf_counter(); from kpu_extract.extract.engines.ppocr import PaddleOcrEngine;"
                "e = PaddleOcrEngine(); load = time.perf_counter() - t; base = %s;"
                "z = np.load(%r); crops = [z[k] for k in z.files];"
                "t = time.process_time(); e.read_crops(crops, %r); read = time.process_time() - t;"
                "peak = %s; print(f'{load:.2f} {base:.0f} {read:.2f} {peak:.0f}')"
                % (str(ROOT / "src"), _HWM, str(Path(tmp) / "crops.npz"), page[0].dpi, _HWM))
        bare = subprocess.run([sys.executable, "-c", f"print({_HWM})"], capture_output=True, text=True,
                              check=True).stdout.split()[0]
        load, loaded, read, rss = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                                 check=True).stdout.split()
    print(f"\nfresh process: import + model load {load} s wall (peak RSS then {loaded} MB); read {len(page)} "
          f"crops ({page[0].scan} p{page[0].page}) {read} CPU-s; peak RSS {rss} MB (bare python {float(bare):.0f} MB)")


def report_page_words(runs: int) -> None:
    """page_words on an A4 and an A3 300-dpi page against `tesseract --psm 11` on the same image."""
    from kpu_extract.extract.engines.ppocr import MAX_SIDE, PaddleOcrEngine
    a4, dpi, _ = line_free_page(ROOT / "corpus" / "scans" / "pk_kota_serang_2022-normal-300.pdf", 0)
    other, _, _ = line_free_page(ROOT / "corpus" / "scans" / "pk_kota_serang_2022-normal-300.pdf", 1)
    a3 = np.hstack([a4, other[:a4.shape[0], :]])
    engines = {f"max_side {MAX_SIDE}": PaddleOcrEngine(), "max_side 5000": PaddleOcrEngine(max_side=5000)}
    print("\npage_words vs tesseract --psm 11 (1 thread, CPU-s, median of runs)")
    with tempfile.TemporaryDirectory() as tmp:
        for label, image in (("A4 300 dpi", a4), ("A3 300 dpi", a3)):
            path = Path(tmp) / "page.pgm"
            cv2.imwrite(str(path), image)
            t_ts = _median_cpu(lambda: subprocess.run(["tesseract", str(path), "-", "-l", LANG, "--psm", "11",
                                                       "--dpi", str(int(dpi)), "tsv"], check=True,
                                                      capture_output=True), runs)
            print(f"  {label} {image.shape[1]}x{image.shape[0]}: tesseract {t_ts:.2f} s ({len(page_words(image, dpi))} words)")
            for name, engine in engines.items():
                t_pp = _median_cpu(lambda: engine.page_words(image, dpi), runs)
                print(f"    ppocr {name}: {t_pp:.2f} s ({len(engine.page_words(image, dpi))} words), "
                      f"ratio {t_pp / t_ts:.2f}")
        np.save(Path(tmp) / "a3.npy", a3)
        code = ("import sys, numpy as np; sys.path.insert(0, %r);"
                "from kpu_extract.extract.engines.ppocr import PaddleOcrEngine;"
                "PaddleOcrEngine().page_words(np.load(%r), %r); print(%s)"
                % (str(ROOT / "src"), str(Path(tmp) / "a3.npy"), dpi, _HWM))
        rss = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        print(f"  peak RSS of a fresh process running page_words on the A3 page: {float(rss):.0f} MB")


def _median_cpu(fn, runs: int) -> float:
    """Median CPU seconds of fn(), this process and its waited-for children together."""
    times = []
    for _ in range(runs):
        before = os.times()
        fn()
        after = os.times()
        times.append(sum(getattr(after, f) - getattr(before, f)
                         for f in ("user", "system", "children_user", "children_system")))
    return statistics.median(times)


def report_tesserocr(scans: list[tuple[Path, Path, str]]) -> None:
    """engines/tesseract_api.py (one loaded API) against the CLI path the CLI engine's `page_words` per page."""
    from kpu_extract.extract.engines.tesseract_api import TesseractApiEngine
    engine = TesseractApiEngine()
    print("\ntesserocr (one API) vs pytesseract CLI, psm 11, per page: CPU-s and words")
    same_pages, pages, t_api, t_cli = 0, 0, 0.0, 0.0
    for scan, _, klass in scans:
        for index in range(n_pages(scan)):
            image, dpi, _ = line_free_page(scan, index)
            cli, api = [], []
            t_cli += _median_cpu(lambda: cli.append(page_words(image, dpi)), 1)
            t_api += _median_cpu(lambda: api.append(engine.page_words(image, dpi)), 1)
            same = cli[0] == api[0]
            same_pages += same
            pages += 1
            if not same:
                a, b = {(w.text, round(w.x0, 1), round(w.top, 1)) for w in cli[0]}, \
                       {(w.text, round(w.x0, 1), round(w.top, 1)) for w in api[0]}
                print(f"  {scan.name} p{index + 1}: {len(cli[0])} vs {len(api[0])} words, "
                      f"{len(a - b)} only CLI, {len(b - a)} only API")
    print(f"  identical words (text, box, conf) on {same_pages}/{pages} pages; CPU {t_cli:.1f} s CLI "
          f"(incl. the tesseract processes) vs {t_api:.1f} s API, ratio {t_api / t_cli:.2f}")


def save_fixtures(cells: list[AmountCell], out: Path) -> None:
    """Crops as PNG plus truth.csv (the tests' fixtures); see tests/data/crops/README.md."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "truth.csv", "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "scan", "class", "page", "table", "row", "col", "dpi", "truth", "tesseract_page"])
        for c in cells:
            name = f"{Path(c.scan).stem}-p{c.page}-t{c.table}-r{c.row}-c{c.col}.png"
            cv2.imwrite(str(out / name), c.crop)
            writer.writerow([name, c.scan, c.klass, c.page, c.table, c.row, c.col, round(c.dpi), c.truth, c.tess_page])
    print(f"\nwrote {len(cells)} crops to {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--extra-hard", action="store_true", help="also measure generated hard-200 scans")
    parser.add_argument("--tesserocr", action="store_true", help="only compare tesserocr with the CLI")
    parser.add_argument("--save-fixtures", type=Path, help="write the hard-scan crops as PNG + truth.csv here")
    args = parser.parse_args(argv)
    if args.tesserocr:
        report_tesserocr(corpus_scans(None))
        return 0
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
