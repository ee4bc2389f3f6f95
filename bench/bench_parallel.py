"""Scanned PDFs through the whole pipeline with all cores, against the bare sequential Tesseract.

Wall seconds per page of `kpu-extract run --force` (default workers = all cores) over the given
scans, median of RUNS runs, divided by the bare sequential `tesseract page.png - -l ind+eng
--psm 11 tsv` (OMP_THREAD_LIMIT=1) on the same pages rendered the same way. Goal: <= 0.55x
(issue 14, on 2 cores).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2

from kpu_extract.extract.raster import render_page

RUNS = 3


def bare_sequential(pdfs: list[str]) -> tuple[float, int]:
    """Seconds for bare Tesseract over every page, one after the other; and the page count."""
    import pypdfium2 as pdfium

    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    total, pages = 0.0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            n = len(pdfium.PdfDocument(pdf))
            for i in range(n):
                gray, _ = render_page(pdf, i)
                png = Path(tmp) / "page.png"
                cv2.imwrite(str(png), gray)
                t0 = time.perf_counter()
                subprocess.run(["tesseract", str(png), "-", "-l", "ind+eng", "--psm", "11", "tsv"],
                               capture_output=True, check=True, env=env)
                total += time.perf_counter() - t0
                pages += 1
    return total, pages


def pipeline_wall(pdfs: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kpu_extract.pipeline.cli", "run", *pdfs, "--out", out,
                            "--quiet", "--force"], check=True)
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(pdfs: list[str]) -> None:
    bare, pages = bare_sequential(pdfs)
    wall = pipeline_wall(pdfs)
    print(f"{len(pdfs)} scans, {pages} pages, all cores ({os.cpu_count()}), median of {RUNS} runs")
    print(f"  pipeline wall          {wall / pages:.2f} s/page")
    print(f"  bare tesseract (seq.)  {bare / pages:.2f} s/page")
    print(f"  ratio                  {wall / bare:.2f}x   (goal <= 0.55x)")


if __name__ == "__main__":
    main(sys.argv[1:])
