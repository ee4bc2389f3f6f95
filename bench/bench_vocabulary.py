"""Vocabulary matching: speed (10,000 strings) and accuracy on tests/data/vocab_labelled.csv.

    .venv/bin/python bench/bench_vocabulary.py            # speed + precision/coverage + text-layer exactness
    .venv/bin/python bench/bench_vocabulary.py --sweep    # scorer x threshold sweep (how FIELD_CONFIG was chosen)

Speed: 10,000 strings (the labelled strings re-damaged with a seeded random, so about
9,000 of them are distinct, plus exact repeats as a real document has) matched per field
with ``Vocabulary.match_many`` on a fresh vocabulary (cold caches); median of 5 runs. The
hunspell-id lexicon is expanded once per process (timed separately, before the runs).
Text-layer exactness: tests/data/text_layer_labelled.csv matched with ``exact_text=True``.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "data"))

from kpu_extract.normalize.vocabulary import FIELD_CONFIG, FIELDS, FieldConfig, Vocabulary  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "vocab_labelled.csv"
TEXT_LAYER = ROOT / "tests" / "data" / "text_layer_labelled.csv"


def read_labelled() -> list[dict]:
    with open(LABELLED, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def evaluate(vocab: Vocabulary, rows: list[dict], configs: dict[str, FieldConfig] | None = None) -> dict[str, dict]:
    """Per field: n matchable, accepted, correct, junk n, junk accepted -> precision/coverage."""
    out = {}
    for field in FIELDS:
        rs = [r for r in rows if r["field"] == field]
        if not rs:
            continue
        ms = vocab.match_many(field, [r["raw"] for r in rs], config=(configs or {}).get(field))
        n = acc = ok = junk = junk_acc = 0
        errors = []
        for r, m in zip(rs, ms):
            exp = r["expected_id"] or None
            if exp is None:
                junk += 1
                if m.id is not None:
                    junk_acc += 1
                    errors.append(("junk", r["raw"], m.text, m.score))
                continue
            n += 1
            if m.id is not None:
                acc += 1
                if m.id == exp:
                    ok += 1
                else:
                    errors.append(("wrong", r["raw"], m.text, m.score))
        out[field] = dict(n=n, accepted=acc, correct=ok, junk=junk, junk_accepted=junk_acc, errors=errors,
                          precision=(ok / (acc + junk_acc) * 100 if acc + junk_acc else 100.0),
                          coverage=(ok / n * 100 if n else 100.0))
    tot = {k: sum(v[k] for v in out.values()) for k in ("n", "accepted", "correct", "junk", "junk_accepted")}
    tot["precision"] = tot["correct"] / (tot["accepted"] + tot["junk_accepted"]) * 100 if tot["accepted"] + tot["junk_accepted"] else 100.0
    tot["coverage"] = tot["correct"] / tot["n"] * 100 if tot["n"] else 100.0
    tot["errors"] = []
    out["ALL"] = tot
    return out


def print_eval(res: dict[str, dict]) -> None:
    print(f"{'field':<10} {'n':>5} {'acc':>5} {'ok':>5} {'junk':>5} {'junk_acc':>8} {'precision':>9} {'coverage':>8}")
    for f, r in res.items():
        print(f"{f:<10} {r['n']:>5} {r['accepted']:>5} {r['correct']:>5} {r['junk']:>5} {r['junk_accepted']:>8} {r['precision']:>8.2f}% {r['coverage']:>7.2f}%")


def make_strings(rows: list[dict], n: int, seed: int = 7) -> list[str]:
    from make_vocab_labelled import damage  # the same OCR damage model as the labelled set

    rng = random.Random(seed)
    base = [r["raw"] for r in rows]
    out = []
    while len(out) < n:
        s = rng.choice(base)
        out.append(s if rng.random() < 0.1 else damage(s, rng))
    return out


def text_layer_exactness(vocab: Vocabulary) -> tuple[int, int, int, int]:
    """(exact, n, ids right, ids checked) on tests/data/text_layer_labelled.csv with exact_text=True."""
    with open(TEXT_LAYER, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fold = lambda s: "".join(s.split()).casefold()  # noqa: E731
    exact = ids = n_ids = 0
    for r in rows:
        m = vocab.match(r["field"], r["printed"], exact_text=True)
        exact += fold(m.text) == fold(r["printed"]) or (
            m.id is not None and vocab.normalize(r["field"], m.text) == vocab.normalize(r["field"], r["printed"]))
        if r["check"] == "text+id":
            n_ids += 1
            ids += (m.id or "") == r["expected_id"]
    return exact, len(rows), ids, n_ids


def bench_speed(runs: int = 5, n: int = 10_000) -> None:
    from kpu_extract.normalize.lexicon import indonesian_lexicon

    t0 = time.perf_counter()
    lex = indonesian_lexicon()
    print(f"hunspell-id lexicon: {len(lex)} forms expanded in {time.perf_counter() - t0:.2f} s (once per process)")
    rows = read_labelled()
    strings = make_strings(rows, n)
    print(f"speed: {n} strings per field ({len(set(strings))} distinct), fresh Vocabulary each run, median of {runs} runs")
    for field, exact in [(f, False) for f in FIELDS] + [("kegiatan", True)]:
        times = []
        for _ in range(runs):
            vocab = Vocabulary.load()
            t0 = time.perf_counter()
            vocab.match_many(field, strings, exact_text=exact)
            times.append(time.perf_counter() - t0)
        label = field + (" (exact_text)" if exact else "")
        print(f"  {label:<22} median {statistics.median(times):.3f} s  (min {min(times):.3f}, max {max(times):.3f})")
    # warm: the same vocabulary matching a second batch (caches filled, as in a long batch job)
    vocab = Vocabulary.load()
    vocab.match_many("kegiatan", strings)
    strings2 = make_strings(rows, n, seed=8)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        vocab.match_many("kegiatan", strings2)
        times.append(time.perf_counter() - t0)
    print(f"  kegiatan (warm, second batch) median {statistics.median(times):.3f} s")


def sweep() -> None:
    """For each field and scorer: the best score any junk string reaches, and the share of
    matchable strings scoring at least that + 4 / + 8 points. A good scorer separates the two;
    the threshold is put well above the junk maximum (FIELD_CONFIG)."""
    import numpy as np

    rows = read_labelled()
    vocab = Vocabulary.load()
    scorers = ["ratio", "token_sort_ratio", "token_set_ratio", "WRatio", "QRatio"]
    print("field      scorer            junk max  cov@+4  cov@+8   (configured: scorer, threshold -> precision / coverage)")
    for field in FIELDS:
        rs = [r for r in rows if r["field"] == field]
        cfg = FIELD_CONFIG[field]
        r = evaluate(vocab, rs, {field: cfg})[field]
        for sc in scorers:
            never = FieldConfig(sc, 101.0, 0.0, 101.0)  # accept nothing: we only want the scores
            ms = vocab.match_many(field, [x["raw"] for x in rs], config=never)
            junk = max(m.score for x, m in zip(rs, ms) if not x["expected_id"])
            good = np.array([m.score for x, m in zip(rs, ms) if x["expected_id"]])
            mark = "  <-- " + f"{cfg.scorer} {cfg.threshold:.0f} -> {r['precision']:.2f}% / {r['coverage']:.2f}%" if sc == cfg.scorer else ""
            print(f"{field:<10} {sc:<17} {junk:8.2f}  {np.mean(good >= junk + 4) * 100:5.1f}%  {np.mean(good >= junk + 8) * 100:5.1f}%{mark}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list wrong/missed strings")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if args.sweep:
        sweep()
        return
    vocab = Vocabulary.load()
    res = evaluate(vocab, read_labelled())
    print(f"vocabulary {vocab.version}; labelled set {LABELLED.relative_to(ROOT)}")
    print_eval(res)
    exact, n, ids, n_ids = text_layer_exactness(vocab)
    print(f"text-layer exactness {exact}/{n} = {exact / n:.3f}; ids right {ids}/{n_ids} ({TEXT_LAYER.relative_to(ROOT)})")
    if args.errors:
        for f, r in res.items():
            for e in r["errors"]:
                print(f"  {f}: {e}")
        rows = read_labelled()
        for field in FIELDS:
            rs = [r for r in rows if r["field"] == field and r["expected_id"]]
            for r, m in zip(rs, vocab.match_many(field, [r["raw"] for r in rs])):
                if m.id is None:
                    print(f"  MISS {field}: {r['raw']!r} -> best {m.best!r} {m.score}")
    print()
    bench_speed(args.runs)


if __name__ == "__main__":
    main()
