"""Digital PDFs: whole-pipeline seconds per page vs the tools a reader would reach for instead.

On the same pages, in the same run: a bare pdfplumber extract_tables() pass, poppler's
`pdftotext -layout` (text only, a compiled program started once per document) and camelot-py's
stream tables. Median of RUNS runs, single process, no cache; the ratios are pipeline / tool.
Peak memory is measured in a fresh child process running the pipeline on the whole digital corpus.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
import warnings
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


def pdftotext_layout(paths: list[Path]) -> None:
    for p in paths:
        subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, check=True)


def camelot_stream(paths: list[Path]) -> None:
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for p in paths:
            camelot.read_pdf(str(p), pages="all", flavor="stream")


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
    # VmHWM, not ru_maxrss: on Linux a child's ru_maxrss keeps the peak of the forked parent (here
    # the bench itself, camelot loaded), VmHWM is the child's own address space.
    code = ("import re, sys; sys.path.insert(0, %r); import bench_digital as b; b.pipeline(b.digital_corpus());"
            "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))") % str(Path(__file__).parent)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    paths = digital_corpus()
    n_pages = sum(len(pdfplumber.open(p).pages) for p in paths)
    pipeline(paths)  # warm-up: imports, vocabulary load
    full = median_seconds(pipeline, paths) / n_pages
    print(f"digital corpus: {len(paths)} documents, {n_pages} pages, median of {RUNS} runs")
    print(f"  pipeline            {full:.4f} s/page   (goal <= 0.06)")
    tools = [("bare pdfplumber", bare_pdfplumber, "goal: ratio <= 1.5x")]
    if shutil.which("pdftotext"):
        tools.append(("pdftotext -layout", pdftotext_layout, "text only"))
    try:
        import camelot  # noqa: F401
        tools.append(("camelot stream", camelot_stream, "tables only"))
    except ImportError:
        print("  camelot stream      not installed")
    for name, fn, note in tools:
        fn(paths[:1])  # warm-up
        seconds = median_seconds(fn, paths) / n_pages
        print(f"  {name:19} {seconds:.4f} s/page   pipeline / it {full / seconds:5.2f}x   ({note})")
    print(f"  peak memory         {peak_rss_mb():.0f} MB        (goal < 300)")


if __name__ == "__main__":
    main()
