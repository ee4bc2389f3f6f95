"""Digital PDFs: whole-pipeline seconds per page vs a bare pdfplumber extract_tables() pass.

Median of RUNS runs, single process, no cache. Peak memory is measured in a fresh child process
running the pipeline on the whole digital corpus.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber

from kpu_extract.pipeline.process import file_digest, process_document

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def digital_corpus() -> list[Path]:
    return sorted((ROOT / "corpus").glob("*.pdf"))


def bare_pdfplumber(paths: list[Path]) -> None:
    for p in paths:
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_tables()


def pipeline(paths: list[Path]) -> None:
    for p in paths:
        result = process_document(str(p), file_digest(p))
        assert result.document.status != "failed", result.document.error


def median_seconds(fn, paths) -> float:
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        fn(paths)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def peak_rss_mb() -> float:
    code = ("import resource, sys; sys.path.insert(0, %r); import bench_digital as b; b.pipeline(b.digital_corpus());"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)") % str(Path(__file__).parent)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    paths = digital_corpus()
    n_pages = sum(len(pdfplumber.open(p).pages) for p in paths)
    pipeline(paths)  # warm-up: imports, vocabulary load
    full = median_seconds(pipeline, paths) / n_pages
    bare = median_seconds(bare_pdfplumber, paths) / n_pages
    print(f"digital corpus: {len(paths)} documents, {n_pages} pages, median of {RUNS} runs")
    print(f"  pipeline            {full:.4f} s/page   (goal <= 0.15)")
    print(f"  bare pdfplumber     {bare:.4f} s/page")
    print(f"  ratio               {full / bare:.2f}x          (goal <= 1.5x)")
    print(f"  peak memory         {peak_rss_mb():.0f} MB        (goal < 300)")


if __name__ == "__main__":
    main()
