"""Peak memory of one worker on the largest pages: a 12000x12000 px scan and an A3 300-dpi scan.

Each page is a JPEG of real table pages (the corpus' widest page, tiled) in an image-only PDF.
The whole pipeline (`process_document`, as a pool worker runs it) reads it in a child process.
Reported: the child's own peak RSS (resource.getrusage) and the peak of the worker's whole
process tree (the child plus its Tesseract runs, proportional set sizes summed from /proc every
20 ms, so pages shared between a fork and its parent count once): what one pool worker costs.

Run: `.venv/bin/python bench/bench_memory.py [--max-pixels N]`
"""

from __future__ import annotations

import argparse
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

from kpu_extract.extract import raster  # noqa: E402

_CHILD = """
import resource, sys
sys.path.insert(0, {src!r})
from kpu_extract.extract import raster
raster.MAX_PIXELS = {max_pixels}  # before ocr.py reads it as OcrSettings' default
from kpu_extract.pipeline.process import file_digest, process_document
r = process_document({pdf!r}, file_digest({pdf!r}))
print(r.document.status, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
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


def _tree_pss_kib(pid: int) -> int:
    """Proportional set size of pid and its descendants: pages shared after a fork count once."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            rollup = Path(f"/proc/{p}/smaps_rollup").read_text()
            total += int(next(line.split()[1] for line in rollup.splitlines() if line.startswith("Pss:")))
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration, ValueError):
            pass
    return total


def peak(pdf: Path, max_pixels: int) -> tuple[str, float, float, float]:
    """(status, seconds, python MiB, worker tree MiB) for reading the page."""
    code = _CHILD.format(src=str(ROOT / "src"), pdf=str(pdf), max_pixels=max_pixels)
    started, tree = time.monotonic(), 0
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    while proc.poll() is None:
        tree = max(tree, _tree_pss_kib(proc.pid))
        time.sleep(0.02)
    status, me = proc.stdout.read().split()
    return status, time.monotonic() - started, int(me) / 1024, tree / 1024


PAGES = [("12000x12000 px at 300 dpi", 12000, 12000, 300), ("A3 landscape 300 dpi", 4961, 3508, 300)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-pixels", type=int, nargs="+", default=[raster.MAX_PIXELS])
    parser.add_argument("--make", type=Path, help=argparse.SUPPRESS)  # internal: write the PDFs, exit
    args = parser.parse_args(argv)
    if args.make:
        for _, w, h, dpi in PAGES:
            image_pdf(args.make, f"p{w}x{h}_{dpi}", w, h, dpi)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        # Made in a child: a child's ru_maxrss starts from its parent's RSS at fork, and making a
        # 12000x12000 JPEG costs ~700 MB, which would show up in every measurement below.
        subprocess.run([sys.executable, __file__, "--make", tmp], check=True)
        for max_pixels in args.max_pixels:
            for label, w, h, dpi in PAGES:
                status, secs, me, tree = peak(Path(tmp) / f"p{w}x{h}_{dpi}.pdf", max_pixels)
                print(f"{label} (max_pixels {max_pixels:,}): {status} in {secs:.0f} s; peak RSS python {me:.0f} MiB, "
                      f"worker with tesseract {tree:.0f} MiB (goal <= 600 MB per worker)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
