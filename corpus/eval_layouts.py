#!/usr/bin/env python
"""Score the pipeline on the layout-variation corpus: one table per layout class, digital and scanned.

    python corpus/eval_layouts.py [--digital] [--only SUBSTR] [--jobs N] [--json FILE]   (`make eval`)

A truth row is recovered by one found row (one to one) with equal numbers and similar text (the
tolerance of tests/golden.py: token-set similarity >= 80 after folding); recall = recovered / truth,
precision = matched found rows / found rows (an unmatched found row is wrong, invented or misread).
Schedule F1 is over planned (kegiatan, month) pairs. `meta` counts documents whose doc_type,
satker and year are all right; `text` is the share of text fields of recovered rows equal to the
print up to case and spacing (digital documents). Held-out draws (`held_out` in truth) are
reported apart: nobody tunes on them.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "corpus"))
from golden import TEXT_FIELDS, _similar, fold  # noqa: E402
import layouts_scans  # noqa: E402

LAYOUTS = ROOT / "corpus" / "layouts"
EXACT = {"pagu": ("level", "pagu"), "realisasi": ("level", "pagu", "realisasi"),
         "targets": ("target_value", "target_unit", "target_grade"), "schedule": ("month",)}
TEXT = {"pagu": ("uraian",), "realisasi": ("uraian",), "targets": ("sasaran", "indikator", "kegiatan"),
        "schedule": ("kegiatan",)}
DATASETS = ("pagu", "realisasi", "targets", "schedule")


def match(dataset: str, found: list[dict], truth: list[dict]) -> tuple[int, int, int, int, int]:
    """(truth rows, found rows, recovered, text fields compared, text fields exact)."""
    used: set[int] = set()
    recovered = compared = exact = 0
    for t in truth:
        hit = next((i for i, f in enumerate(found) if i not in used
                    and all(f[k] == t[k] for k in EXACT[dataset])
                    and all(_similar(f[k], t[k]) for k in TEXT[dataset])), None)
        if hit is None:
            continue
        used.add(hit)
        recovered += 1
        for k in TEXT[dataset]:
            if k in TEXT_FIELDS and t[k] is not None:
                compared += 1
                exact += fold(found[hit][k]) == fold(t[k])
    return len(truth), len(found), recovered, compared, exact


def score(path: str) -> dict:
    """Counts for one PDF (digital or scan) against its truth."""
    from kpu_extract.pipeline.process import file_digest, process_document

    pdf = Path(path)
    name = pdf.stem.split("-")[0]
    truth = json.loads((LAYOUTS / "truth" / f"{name}.json").read_text())
    result = process_document(path, file_digest(path))
    doc = result.document
    meta = truth["document"]
    second = pdf.parent.name == layouts_scans.SECOND_SET
    out = {"name": pdf.stem, "class": truth["layout"]["class"], "doc_type": meta["doc_type"],
           "held_out": truth["held_out"] or (second and layouts_scans.second_held_out(name)),
           "scan": pdf.parent.name in ("scans", layouts_scans.SECOND_SET), "second": second, "status": doc.status,
           "meta_ok": (doc.doc_type, doc.satker, doc.year) == (meta["doc_type"], meta["satker"], meta["year"]),
           "meta": [doc.doc_type, doc.satker, doc.year]}
    for ds in DATASETS:
        found = [asdict(r) for r in result.rows[ds]]
        want = truth.get(ds, [])
        if ds == "schedule":
            found, want = [r for r in found if r["planned"]], [r for r in want if r["planned"]]
        out[ds] = match(ds, found, want)
    return out


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def table(results: list[dict], title: str) -> str:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        groups[r["class"]].append(r)
        groups["ALL"].append(r)
    head = f"{'class':10} {'docs':>4} {'pagu R':>7} {'pagu P':>7} {'real R':>7} {'real P':>7} {'tgt R':>7} " \
           f"{'tgt P':>7} {'sch F1':>7} {'meta':>6} {'text':>6}"
    lines = [f"## {title}", head]
    for cls in sorted(groups, key=lambda c: (c == "ALL", c)):
        rs = groups[cls]
        s = {ds: [sum(r[ds][i] for r in rs) for i in range(5)] for ds in DATASETS}
        cells = []
        for ds in ("pagu", "realisasi", "targets"):
            n_truth, n_found, rec = s[ds][:3]
            cells += [_ratio(rec, n_truth), _ratio(rec, n_found)]
        n_truth, n_found, rec = s["schedule"][:3]
        f1 = _ratio(2 * rec, n_truth + n_found)
        compared = sum(s[ds][3] for ds in DATASETS)
        exact = sum(s[ds][4] for ds in DATASETS)
        meta = f"{sum(r['meta_ok'] for r in rs)}/{len(rs)}"
        lines.append(f"{cls:10} {len(rs):>4} " + " ".join(f"{c:>7}" for c in cells) + f" {f1:>7} {meta:>6} "
                     f"{_ratio(exact, compared):>6}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digital", action="store_true", help="skip the scans")
    parser.add_argument("--second", action="store_true", help="also the second scan set (made where missing)")
    parser.add_argument("--only", default="", help="only files whose name contains this")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write every document's counts here")
    args = parser.parse_args(argv)
    paths = sorted(LAYOUTS.glob("*.pdf"))
    if not args.digital:
        paths += sorted((LAYOUTS / "scans").glob("*.pdf"))
        paths += layouts_scans.make_second_set(LAYOUTS) if args.second else []
    paths = [str(p) for p in paths if args.only in p.name]
    if not paths:
        print("no layout corpus; run `make corpus` first", file=sys.stderr)
        return 1
    # forkserver: the scans just made leave threads behind, and a forked worker can hang on their locks
    with ProcessPoolExecutor(args.jobs, mp_context=multiprocessing.get_context("forkserver")) as pool:
        results = list(pool.map(score, paths))
    for kind, second in (("digital", False), ("scanned", False), ("scanned, second set", True)):
        for held in (False, True):
            rs = [r for r in results if r["scan"] == (kind != "digital") and r["second"] == second
                  and r["held_out"] == held]
            if rs:
                print(table(rs, f"{kind} / {'held-out' if held else 'tuned'}") + "\n")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
