"""OCR path cost: read_scanned_page vs a bare Tesseract run on the same image, and peak memory.

For every page of the scanned corpus (corpus/scans/*.pdf): CPU seconds per page (this process and
its children: Tesseract runs as a child) of `read_scanned_page` (render, clean, grid, OCR, cells,
re-reads, the second engine on every amount) against `tesseract page.png - -l ind+eng --psm 11 tsv`
on the page rendered at the same dpi, and the same pipeline without the second engine (the
PP-OCR share is the difference). CPU time, not wall time, so other work on the machine does not
count. Sequential, OMP_THREAD_LIMIT=1, median of 3 runs, engines loaded before timing (one
model per worker process). Then the peak RSS of one run on the largest 300-dpi page and on an A3
page, measured in a child process with resource.getrusage.

Run: `.venv/bin/python bench/bench_ocr.py [PDF ...] [--runs 3]`
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

import cv2  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kpu_extract.extract.raster import render_page  # noqa: E402
from kpu_extract.extract.engines import get_engine  # noqa: E402
from kpu_extract.extract.scan import read_scanned_page  # noqa: E402
from kpu_extract.extract.settings import OcrSettings  # noqa: E402


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def median_seconds(fn, runs: int) -> float:
    """Median CPU seconds (this process and its children) of `fn`."""
    times = []
    for _ in range(runs):
        start = _cpu()
        fn()
        times.append(_cpu() - start)
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


ONE_ENGINE = OcrSettings(amount_engine=None)


def bench_pages(pdfs: list[Path], runs: int) -> list[tuple[str, int, float, float, float, float]]:
    """(file, page, dpi, CPU s ours, CPU s bare tesseract, CPU s ours without the second engine) per page."""
    rows = []
    get_engine(OcrSettings().amount_engine, OcrSettings())  # loaded once per worker, as in a run
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            for index in range(pages_of(pdf)):
                gray, dpi = render_page(str(pdf), index)
                png = Path(tmp) / "page.png"
                cv2.imwrite(str(png), gray)
                ours = median_seconds(lambda: read_scanned_page(str(pdf), index, index + 1), runs)
                bare = median_seconds(lambda: bare_tesseract(png), runs)
                one = median_seconds(lambda: read_scanned_page(str(pdf), index, index + 1, ONE_ENGINE), runs)
                rows.append((pdf.name, index + 1, dpi, ours, bare, one))
                print(f"{pdf.name:45s} p{index + 1:<3d} {dpi:5.0f} dpi  ours {ours:6.2f} s  "
                      f"bare {bare:6.2f} s  ratio {ours / bare:4.2f}  PP-OCR {ours - one:5.2f} s", flush=True)
    return rows


# VmHWM, not ru_maxrss: a child's ru_maxrss starts from its parent's memory at fork, and this parent
# holds both OCR engines. The worker reads the page with Tesseract (C API) and PP-OCR in-process.
_CHILD = """
import sys
sys.path.insert(0, {src!r})
from kpu_extract.extract.scan import read_scanned_page
read_scanned_page({pdf!r}, {index}, 1)
print(next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")))
"""
# Tesseract is measured from a minimal parent: a child's ru_maxrss includes its parent's memory at
# fork time, so measuring it under the pipeline process would count the pipeline twice.
_TESSERACT_CHILD = """
import resource, subprocess, sys
subprocess.run(["tesseract", {png!r}, "-", "-l", "ind+eng", "--psm", "11", "tsv"], check=True, capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_rss(pdf: Path, index: int) -> tuple[float, float]:
    """Peak RSS in MiB of (the Python process reading the page, Tesseract on that page)."""
    def run(code: str) -> float:
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        return int(out.stdout.split()[-1]) / 1024  # ru_maxrss is KiB on Linux

    me = run(_CHILD.format(src=str(ROOT / "src"), pdf=str(pdf), index=index))
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        cv2.imwrite(str(png), render_page(str(pdf), index)[0])
        return me, run(_TESSERACT_CHILD.format(png=str(png)))


def a3_scan(folder: Path) -> Path:
    """An image-only A3 landscape page at 300 dpi: the widest corpus table page scaled up, as JPEG."""
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.pdfgen import canvas

    source = pdfium.PdfDocument(str(ROOT / "corpus" / "rak_kab_serang_2023.pdf"))
    try:
        width_pt, height_pt = landscape(A3)
        page = source[0]
        image = page.render(scale=300 / 72 * width_pt / page.get_width(), grayscale=True).to_pil()
    finally:
        source.close()
    jpg, pdf = folder / "a3.jpg", folder / "a3.pdf"
    image.save(jpg, quality=80)
    c = canvas.Canvas(str(pdf), pagesize=(width_pt, height_pt))
    c.drawImage(str(jpg), 0, 0, width_pt, height_pt)
    c.save()
    return pdf


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
    ours, bare, one = (sum(r[k] for r in rows) for k in (3, 4, 5))
    print(f"\n{len(rows)} pages, CPU: ours {ours / len(rows):.2f} s/page, bare tesseract "
          f"{bare / len(rows):.2f} s/page, ratio {ours / bare:.2f} (goal <= 1.0x); without the second "
          f"engine {one / bare:.2f}x; PP-OCR share {(ours - one) / ours:.0%} of ours")
    for label in ("-300", "-200"):
        sel = [r for r in rows if label in r[0]]
        if sel:
            print(f"  {label[1:]} dpi scans: ratio {sum(r[3] for r in sel) / sum(r[4] for r in sel):.2f} "
                  f"over {len(sel)} pages")
    target = largest_300dpi_page(pdfs)
    if target:
        me, kids = peak_rss(*target)
        print(f"peak RSS on {target[0].name} p{target[1] + 1}: python {me:.0f} MiB, tesseract {kids:.0f} MiB")
    with tempfile.TemporaryDirectory() as tmp:
        me, kids = peak_rss(a3_scan(Path(tmp)), 0)
        print(f"peak RSS on an A3 300-dpi scan (4961x3508 px): worker {me:.0f} MiB with Tesseract's C API and "
              f"PP-OCR loaded in it (the CLI engine would add a tesseract process of {kids:.0f} MiB); "
              f"goal <= 600 MB per worker")
    return 0


if __name__ == "__main__":
    sys.exit(main())
