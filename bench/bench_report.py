"""`kpu-extract report` on a 200-document batch: build time (cold and with every image reused),
report size, index size, and the same with --only-attention.

The batch is bench_batch.py's: the six digital corpus documents re-rendered with seeded
perturbations (no two files share a hash). It is extracted once (`kpu-extract run`, not timed),
then the report is built as a subprocess, as a user runs it.

    .venv/bin/python bench/bench_report.py [--docs 200] [--runs 3] [--seed 1]

Scanned pages render slower than digital ones (pdfium decodes the page image): the last line
gives the median seconds per page of rendering the corpus scans' thumbnails, for scaling.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from bench_batch import EXE, make_batch  # noqa: E402  (bench/ is not a package)


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def scan_render_seconds(runs: int) -> float:
    """Median seconds per page to render thumbnails of the corpus scans (fresh folder each run)."""
    from kpu_extract.report.images import ImageSettings, PdfImages, open_pdf

    scans = sorted((ROOT / "corpus" / "scans").glob("*.pdf"))
    per_page = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            t0, pages = time.perf_counter(), 0
            for pdf_path in scans:
                pdf = open_pdf(pdf_path)
                images = PdfImages(pdf, Path(tmp) / pdf_path.stem, ImageSettings())
                for number in range(1, images.n_pages + 1):
                    images.thumbnail(number)
                pages += images.n_pages
                pdf.close()
            per_page.append((time.perf_counter() - t0) / pages)
    return statistics.median(per_page)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kpu-bench-report-") as tmp:
        inputs, out = Path(tmp) / "in", Path(tmp) / "out"
        inputs.mkdir()
        n_pages = make_batch(inputs, args.docs, args.seed)
        subprocess.run([str(EXE), "run", str(inputs), "--out", str(out), "--quiet"], check=True)
        print(f"batch: {args.docs} documents, {n_pages} pages (seed {args.seed}); median of {args.runs} runs")
        report = out / "report"
        cold = []
        for _ in range(args.runs):
            shutil.rmtree(report, ignore_errors=True)
            cold.append(timed([str(EXE), "report", str(out)]))
        warm = statistics.median(timed([str(EXE), "report", str(out)]) for _ in range(args.runs))
        size, n_files = folder_size(report)
        index = report / "index.html"
        rows = index.read_text().count('<tr class="doc ')
        print(f"  report, cold        {statistics.median(cold):6.1f} s   (goal < 60 s)")
        print(f"  report, images kept {warm:6.1f} s")
        print(f"  size                {size / 2 ** 20:6.1f} MB  ({n_files} files, "
              f"{len(list((report / 'doc').glob('*.html')))} document pages)")
        print(f"  index.html          {index.stat().st_size / 1024:6.0f} KB  "
              f"({rows} rows, one page)")
        attention = Path(tmp) / "attention"
        seconds = timed([str(EXE), "report", str(out), "--out", str(attention), "--only-attention"])
        size, _ = folder_size(attention)
        print(f"  --only-attention    {seconds:6.1f} s   {size / 2 ** 20:.1f} MB, "
              f"{len(list((attention / 'doc').glob('*.html')))} document pages")
    print(f"  scanned page render {scan_render_seconds(args.runs):6.3f} s/page (thumbnails of corpus/scans)")


if __name__ == "__main__":
    main()
