"""OCR path cost: read_scanned_page vs a bare Tesseract run on the same image, and peak memory.

For every page of the scanned corpus (corpus/scans/*.pdf): seconds per page of
`read_scanned_page` (render, clean, grid, OCR, cells, re-reads) against
`tesseract page.png - -l ind+eng --psm 11 tsv` on the page rendered at the same dpi. Sequential,
OMP_THREAD_LIMIT=1, median of 3 runs. Then the peak RSS of one run on the largest 300-dpi page
(an A3 page in the corpus), measured in a child process with resource.getrusage.

Run: `.venv/bin/python bench/bench_ocr.py [PDF ...] [--runs 3]`
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

import cv2  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kpu_extract.extract.raster import render_page  # noqa: E402
from kpu_extract.extract.scan import read_scanned_page  # noqa: E402


def median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_tesseract(png: Path) -> None:
    subprocess.run(["tesseract", str(png), "-", "-l", "ind+eng", "--psm", "11", "tsv"],
                   check=True, capture_output=True)


def pages_of(pdf: Path) -> int:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def bench_pages(pdfs: list[Path], runs: int) -> list[tuple[str, int, float, float, float]]:
    """(file, page, dpi, seconds ours, seconds bare tesseract) per page."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            for index in range(pages_of(pdf)):
                gray, dpi = render_page(str(pdf), index)
                png = Path(tmp) / "page.png"
                cv2.imwrite(str(png), gray)
                ours = median_seconds(lambda: read_scanned_page(str(pdf), index, index + 1), runs)
                bare = median_seconds(lambda: bare_tesseract(png), runs)
                rows.append((pdf.name, index + 1, dpi, ours, bare))
                print(f"{pdf.name:45s} p{index + 1:<3d} {dpi:5.0f} dpi  ours {ours:6.2f} s  "
                      f"bare {bare:6.2f} s  ratio {ours / bare:4.2f}", flush=True)
    return rows


_CHILD = """
import resource, sys
sys.path.insert(0, {src!r})
from kpu_extract.extract.scan import read_scanned_page
read_scanned_page({pdf!r}, {index}, 1)
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(me, kids)
"""


def peak_rss(pdf: Path, index: int) -> tuple[float, float]:
    """Peak RSS in MiB of (the Python process, the largest Tesseract child) for one page."""
    code = _CHILD.format(src=str(ROOT / "src"), pdf=str(pdf), index=index)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    me, kids = (int(v) / 1024 for v in out.stdout.split()[-2:])  # ru_maxrss is KiB on Linux
    return me, kids


def largest_300dpi_page(pdfs: list[Path]) -> tuple[Path, int] | None:
    best, best_area = None, 0.0
    for pdf in pdfs:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            for i, page in enumerate(doc):
                w, h = page.get_size()
                if "300" in pdf.stem and w * h > best_area:
                    best, best_area = (pdf, i), w * h
        finally:
            doc.close()
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    pdfs = args.pdfs or sorted((ROOT / "corpus" / "scans").glob("*.pdf"))
    if not pdfs:
        print("no scanned PDFs; run `python corpus/make_scans.py` first", file=sys.stderr)
        return 1
    rows = bench_pages(pdfs, args.runs)
    ours, bare = sum(r[3] for r in rows), sum(r[4] for r in rows)
    print(f"\n{len(rows)} pages: ours {ours / len(rows):.2f} s/page, bare tesseract "
          f"{bare / len(rows):.2f} s/page, ratio {ours / bare:.2f}")
    for label in ("-300", "-200"):
        sel = [r for r in rows if label in r[0]]
        if sel:
            print(f"  {label[1:]} dpi scans: ratio {sum(r[3] for r in sel) / sum(r[4] for r in sel):.2f} "
                  f"over {len(sel)} pages")
    target = largest_300dpi_page(pdfs)
    if target:
        me, kids = peak_rss(*target)
        print(f"peak RSS on {target[0].name} p{target[1] + 1}: python {me:.0f} MiB, tesseract {kids:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
