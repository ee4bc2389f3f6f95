"""A 200-document batch: documents per minute with 1 worker and with all cores, the cached rerun,
and peak memory.

The batch re-renders the six digital corpus documents from corpus/specs.py with a seeded
perturbation (every Rupiah amount redrawn with the same number of digit groups, the satker's
place name swapped for another kabupaten/kota from the vocabulary), so no two files share a
hash and the cache cannot shortcut the timed runs. Files go to a temporary folder.

    .venv/bin/python bench/bench_batch.py [--docs 200] [--runs 3] [--seed 1]

Each figure is the median of --runs runs of `kpu-extract run` as a subprocess (--force, --quiet).
Peak memory: the largest single process (resource.RUSAGE_CHILDREN, covers pool workers) and the
sampled peak of the whole process tree (run + workers together).
"""

from __future__ import annotations

import argparse
import copy
import csv
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "corpus"))
EXE = Path(sys.executable).with_name("kpu-extract")
_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d])")
_PLACES = ("Serang", "Tabanan")


def place_names() -> list[str]:
    """Kabupaten/kota place names from the satker vocabulary ('KPU Kota Bandung' -> 'Bandung')."""
    path = ROOT / "src" / "kpu_extract" / "normalize" / "vocabulary" / "satker.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names = [re.sub(r"^KPU (Kabupaten|Kota) ", "", r["canonical"]) for r in rows if r["level"] in ("kabupaten", "kota")]
    # No longer than 'Serang': the corpus layout (one page per table) must survive the swap.
    return sorted(n for n in set(names) if n not in _PLACES and len(n) <= 6 and " " not in n)


def perturb(value, rng: random.Random, place: str):
    """Every string in a spec: amounts redrawn, place names swapped; structure untouched."""
    if isinstance(value, str):
        def amount(m: re.Match) -> str:
            groups = m.group(0).split(".")
            head = str(rng.randint(10 ** (len(groups[0]) - 1), 10 ** len(groups[0]) - 1))
            return ".".join([head] + [f"{rng.randint(0, 999):03d}" for _ in groups[1:]])

        value = _AMOUNT.sub(amount, value)
        for old in _PLACES:
            value = value.replace(old, place).replace(old.upper(), place.upper())
        return value
    if isinstance(value, dict):
        return {k: perturb(v, rng, place) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(perturb(v, rng, place) for v in value)
    return value


def make_batch(folder: Path, n_docs: int, seed: int) -> int:
    """Write n_docs perturbed PDFs into folder; returns the total page count."""
    import generate as G  # corpus/generate.py: reportlab builders of the corpus

    rng = random.Random(seed)
    places = place_names()
    builders = list(G.BUILDERS.items())
    pages = 0
    for i in range(n_docs):
        name, (spec, build_story) = builders[i % len(builders)]
        for _attempt in range(5):  # a redrawn amount may push a table across a page break: redraw
            G.PAGES.clear()
            story, pagesize, _truth = build_story(perturb(copy.deepcopy(spec), rng, rng.choice(places)))
            try:
                pages += G.build(folder / f"{i:03d}_{name}.pdf", story, pagesize)
                break
            except TypeError:  # corpus/generate.py's tagged paragraphs cannot split across pages
                continue
        else:
            raise SystemExit(f"could not render a perturbed {name}")
    return pages


def timed_run(inputs: Path, out: Path, workers: int, force: bool) -> tuple[float, float]:
    """Seconds of one `kpu-extract run`, and the sampled peak RSS (MB) of its whole process tree."""
    cmd = [str(EXE), "run", str(inputs), "--out", str(out), "--workers", str(workers), "--quiet"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd + (["--force"] if force else []))
    peak = 0
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [root] + root.children(recursive=True)
            peak = max(peak, sum(p.memory_info().rss for p in tree))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"kpu-extract exited {proc.returncode}")
    return seconds, peak / 2 ** 20


def median_run(inputs: Path, out: Path, workers: int, force: bool, runs: int) -> tuple[float, float]:
    results = [timed_run(inputs, out, workers, force) for _ in range(runs)]
    return statistics.median(s for s, _ in results), max(m for _, m in results)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory(prefix="kpu-bench-") as tmp:
        inputs, out = Path(tmp) / "in", Path(tmp) / "out"
        inputs.mkdir()
        t0 = time.perf_counter()
        n_pages = make_batch(inputs, args.docs, args.seed)
        print(f"batch: {args.docs} documents, {n_pages} pages, generated in {time.perf_counter() - t0:.1f} s "
              f"(seed {args.seed}); median of {args.runs} runs")
        tree_peak = 0.0
        for workers in sorted({1, cores}):
            seconds, peak = median_run(inputs, out, workers, True, args.runs)
            tree_peak = max(tree_peak, peak)
            print(f"  {workers} worker{'s' if workers > 1 else ' '}         {60 * args.docs / seconds:7.1f} docs/min"
                  f"   ({seconds:.1f} s, {n_pages / seconds:.1f} pages/s)")
        seconds, _ = median_run(inputs, out, cores, False, args.runs)
        print(f"  rerun, unchanged  {seconds:7.2f} s          (goal < 3 s)")
        docs = pd.read_parquet(out / "documents.parquet")
        print(f"  outputs           { {k: int(v) for k, v in docs.status.value_counts().items()} }, {docs.satker.nunique()} satker, "
              f"{len(pd.read_parquet(out / 'pagu.parquet'))} pagu rows")
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  peak memory       {tree_peak:7.0f} MB         (run + workers together, sampled every 50 ms)")
    print(f"                    {largest:7.0f} MB         (largest single process, RUSAGE_CHILDREN)")


if __name__ == "__main__":
    main()
