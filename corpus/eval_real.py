"""Score the pipeline on the real published documents of corpus/real/ against their hand-read truth.

    PYTHONPATH=src python corpus/eval_real.py [--out DIR] [--only NAME ...] [--jobs N]

Runs `process_document` on every document with truth (corpus/real/truth/) and prints one line per
document (status; doc_type, satker, year right?; budget lines found in the right row, recall and
precision; realisasi; targets), then the pooled figures for tuned vs held-out and digital vs scanned documents against
the issue's goals. The scoring rules are in tests/real_truth.py. --out DIR writes scores.json and,
per document, what was missed and which rows matched no truth line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import real_truth as R  # noqa: E402  (tests/real_truth.py: the shared scoring rules)
from kpu_extract.pipeline.process import file_digest, process_document  # noqa: E402

GROUPS = (("tuned", "digital"), ("tuned", "scan"), ("held-out", "digital"), ("held-out", "scan"),
          ("all", "digital"), ("all", "scan"))


def run_one(name: str) -> dict:
    """Pipeline result of one document, scored (plain data, so it crosses process boundaries)."""
    path = R.pdf_path(name)
    start = time.perf_counter()
    result = process_document(str(path), file_digest(path))
    seconds = time.perf_counter() - start
    doc = result.document
    out = {"name": name, "status": doc.status, "error": doc.error, "seconds": round(seconds, 1),
           "found": {"doc_type": doc.doc_type, "satker": doc.satker, "year": doc.year},
           "n_rows": {k: len(result.rows[k]) for k in ("pagu", "realisasi", "targets")}}
    truth = R.load_truth(name)
    scores = {"budget": R.score_budget(truth, result.rows["pagu"]),
              "realisasi": R.score_realisasi(truth, result.rows["realisasi"]),
              "targets": R.score_targets(truth, result.rows["targets"])}
    out.update(held_out=R.is_held_out(truth), kind=R.kind(truth),
               metadata_errors={k: list(v) for k, v in R.metadata_errors(truth, doc).items()},
               scores={k: _counts(m) for k, m in scores.items()},
               missing={"budget": [R.describe_line(b) for b in scores["budget"].missing],
                        "targets": [f"p{t['page']} {t['target_value']} {t['indikator']!r}" for t in scores["targets"].missing]},
               unmatched={"budget": [R.describe_row(r) for r in scores["budget"].unmatched_rows],
                          "targets": [f"p{r.page} {r.target_value} {r.indikator!r}" for r in scores["targets"].unmatched_rows]})
    return out


def _counts(m: R.Match) -> dict:
    return {"n_truth": m.n_truth, "n_found": m.n_found, "n_rows": m.n_rows, "n_rows_matching": m.n_rows_matching}


def _ratio(num: int, den: int) -> str:
    return f"{num}/{den} {num / den:4.0%}" if den else "-"


def print_table(results: list[dict]) -> None:
    head = (f"{'document':52} {'set':8} {'kind':7} {'status':7} {'type':4} {'satk':4} {'year':4} "
            f"{'budget recall':>14} {'budget prec.':>14} {'realisasi':>12} {'targets':>12} {'sec':>6}")
    print(head)
    print("-" * len(head))
    for r in results:
        s, err = r["scores"], r["metadata_errors"]
        flags = ["ok " if k not in err else "NO " for k in ("doc_type", "satker", "year")]
        print(f"{r['name'][:52]:52} {'held-out' if r['held_out'] else 'tuned':8} {r['kind']:7} {r['status']:7} "
              f"{flags[0]:4} {flags[1]:4} {flags[2]:4} "
              f"{_ratio(s['budget']['n_found'], s['budget']['n_truth']):>14} "
              f"{_ratio(s['budget']['n_rows_matching'], s['budget']['n_rows']):>14} "
              f"{_ratio(s['realisasi']['n_found'], s['realisasi']['n_truth']):>12} "
              f"{_ratio(s['targets']['n_found'], s['targets']['n_truth']):>12} {r['seconds']:>6}")
        for k, (want, found) in err.items():
            print(f"    {k}: truth {want!r}, found {found!r}")


def pooled(results: list[dict]) -> dict:
    """Pooled counts per (set, kind) group."""
    table = {}
    for group in GROUPS:
        members = [r for r in results if r["kind"] == group[1]
                   and (group[0] == "all" or r["held_out"] == (group[0] == "held-out"))]
        total = {k: R.Match() for k in ("budget", "realisasi", "targets")}
        for r in members:
            for k in total:
                total[k] = total[k].add(R.Match(**r["scores"][k]))
        table[" ".join(group)] = {"documents": len(members), **{k: _counts(m) for k, m in total.items()}}
    return table


def print_pooled(table: dict) -> None:
    print(f"\n{'group':18} {'docs':>4} {'budget recall':>16} {'budget prec.':>16} {'targets recall':>16} {'goal':>6}")
    for group, t in table.items():
        b, tg = t["budget"], t["targets"]
        goal = R.GOALS[group.split()[1]]
        print(f"{group:18} {t['documents']:>4} {_ratio(b['n_found'], b['n_truth']):>16} "
              f"{_ratio(b['n_rows_matching'], b['n_rows']):>16} {_ratio(tg['n_found'], tg['n_truth']):>16} {goal:>6.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="write scores.json (and the misses) into this folder")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="score only these documents (file stems)")
    ap.add_argument("--jobs", type=int, default=1, help="documents processed in parallel (default 1)")
    args = ap.parse_args(argv)
    names = R.truth_names()
    if args.only:
        names = [n for n in names if n in set(args.only)]
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(run_one, names))
    print_table(results)
    table = pooled(results)
    print_pooled(table)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "scores.json").write_text(json.dumps({"documents": results, "pooled": table}, indent=1,
                                                         ensure_ascii=False) + "\n")
        print(f"\nwrote {args.out / 'scores.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
