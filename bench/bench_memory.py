"""Peak memory of one worker on the largest pages: a 12000x12000 px scan and an A3 300-dpi scan.

Each page is a JPEG of real table pages (the corpus' widest page, tiled) in an image-only PDF.
The whole pipeline (`process_document`, as a pool worker runs it) reads it in a child process;
its peak RSS comes from resource.getrusage, and Tesseract's from a minimal parent running it on
the page as rendered (a child's ru_maxrss would include the pipeline's pages at fork time).

Run: `.venv/bin/python bench/bench_memory.py`
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kpu_extract.extract.raster import render_page  # noqa: E402

_CHILD = """
import resource, sys, time
sys.path.insert(0, {src!r})
from kpu_extract.pipeline.process import file_digest, process_document
t = time.monotonic()
r = process_document({pdf!r}, file_digest({pdf!r}))
print(r.document.status, round(time.monotonic() - t, 1), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
_TESSERACT_CHILD = """
import resource, subprocess
subprocess.run(["tesseract", {png!r}, "-", "-l", "ind+eng", "--psm", "11", "tsv"], check=True, capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def image_pdf(folder: Path, name: str, px_w: int, px_h: int, dpi: float) -> Path:
    """An image-only page of px_w x px_h pixels (JPEG q80, RGB) placed at `dpi`."""
    from reportlab.pdfgen import canvas

    source = pdfium.PdfDocument(str(ROOT / "corpus" / "rak_kab_serang_2023.pdf"))
    try:
        tile = source[0].render(scale=300 / 72, grayscale=True).to_numpy()
    finally:
        source.close()
    tile = np.ascontiguousarray(tile if tile.ndim == 2 else tile[:, :, 0])
    reps = (-(-px_h // tile.shape[0]), -(-px_w // tile.shape[1]))
    gray = np.tile(tile, reps)[:px_h, :px_w]
    jpg, pdf = folder / f"{name}.jpg", folder / f"{name}.pdf"
    cv2.imwrite(str(jpg), cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR), [cv2.IMWRITE_JPEG_QUALITY, 80])
    w_pt, h_pt = px_w * 72 / dpi, px_h * 72 / dpi
    c = canvas.Canvas(str(pdf), pagesize=(w_pt, h_pt))
    c.drawImage(str(jpg), 0, 0, w_pt, h_pt)
    c.save()
    return pdf


def peak(pdf: Path) -> tuple[str, float, float, float, tuple[int, int]]:
    """(status, seconds, python MiB, tesseract MiB, rendered size) for the page."""
    out = subprocess.run([sys.executable, "-c", _CHILD.format(src=str(ROOT / "src"), pdf=str(pdf))],
                         check=True, capture_output=True, text=True).stdout.split()
    with tempfile.TemporaryDirectory() as tmp:
        png = str(Path(tmp) / "page.png")
        gray, _ = render_page(str(pdf), 0)
        cv2.imwrite(png, gray)
        kids = subprocess.run([sys.executable, "-c", _TESSERACT_CHILD.format(png=png)], check=True,
                              capture_output=True, text=True).stdout.split()[-1]
    return out[0], float(out[1]), int(out[2]) / 1024, int(kids) / 1024, gray.shape[::-1]


def main() -> int:
    pages = [("12000x12000 px at 300 dpi", 12000, 12000, 300), ("12000x12000 px on A4 (1450 dpi)", 12000, 12000, 1450),
             ("A3 landscape 300 dpi", 4961, 3508, 300)]
    with tempfile.TemporaryDirectory() as tmp:
        for label, w, h, dpi in pages:
            pdf = image_pdf(Path(tmp), f"p{w}x{h}_{dpi}", w, h, dpi)
            status, secs, me, tess, size = peak(pdf)
            print(f"{label}: {status} in {secs:.0f} s, rendered {size[0]}x{size[1]}; peak RSS python {me:.0f} MiB, "
                  f"tesseract {tess:.0f} MiB (goal <= 600 MB per worker)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
