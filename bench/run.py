"""`make bench`: every speed and memory figure of the project, each the median of several runs.

    digital   whole pipeline vs bare pdfplumber, pdftotext -layout, camelot stream: s/page, peak memory
    ocr       read_scanned_page vs bare `tesseract --psm 11 tsv` per page, peak memory per page
    parallel  scanned corpus through `kpu-extract run` with all cores vs the bare sequential call
    vocab     matching 10,000 strings against the whole vocabulary
    batch     200 documents: documents/minute with 1 and all workers, rerun with nothing changed
    memory    peak memory of one worker on a 12000x12000 px page and an A3 300-dpi page
    report    the HTML review report of 200 documents: build time and size

Run one part with `python bench/run.py ocr`; `make bench` runs them all.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# The OCR benchmarks use the short scans (both hard ones among them) to stay within minutes.
OCR_SCANS = sorted(str(p) for p in (ROOT / "corpus" / "scans").glob("*.pdf")
                   if p.name.startswith(("pk_", "rak_kab_tabanan"))) + sorted(
    str(p) for p in (ROOT / "corpus" / "regressions").glob("*.pdf"))
PARTS = {
    "digital": ["bench_digital.py"],
    "ocr": ["bench_ocr.py", "--runs", "3", *OCR_SCANS],
    "parallel": ["bench_parallel.py", *OCR_SCANS],
    "vocab": ["bench_vocabulary.py", "--runs", "5"],
    "batch": ["bench_batch.py"],
    "memory": ["bench_memory.py"],
    "report": ["bench_report.py"],
}


def main(argv: list[str]) -> int:
    chosen = argv or list(PARTS)
    for name in chosen:
        script, *args = PARTS[name]
        print(f"\n=== {name} ===", flush=True)
        done = subprocess.run([sys.executable, str(HERE / script), *args], cwd=ROOT)
        if done.returncode:
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
