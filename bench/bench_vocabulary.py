"""Vocabulary matching: speed (10,000 strings) and accuracy on tests/data/vocab_labelled.csv.

    .venv/bin/python bench/bench_vocabulary.py            # speed + precision/coverage + text-layer exactness
    .venv/bin/python bench/bench_vocabulary.py --sweep    # scorer x threshold sweep (how FIELD_CONFIG was chosen)
    .venv/bin/python bench/bench_vocabulary.py --lexicons # hunspell-id vs Sastrawi (pip install PySastrawi==1.2.1)

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
import re
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


SEEDS = ROOT.parent.parent / "shared" / "seeds"  # /work/shared/seeds beside the repository
#: Indonesian affixes (me-, di-, ber-, ter-, pe-...-an, ke-...-an, -kan, -i, -an, -nya)
_AFFIXED = re.compile(r"^(?:me|di|ber|be|ter|pe|per|ke|se)\w{3,}|\w{3,}(?:kan|an|i|nya)$")


def compare_lexicons() -> None:
    """Share of the vocabulary's words (affixed forms apart), of the seeds' words, and of
    OCR-damaged forms of them that each lexicon calls valid. A good lexicon knows the real words
    (they are never 'repaired') and does not know the damaged ones (they still are)."""
    from kpu_extract.normalize.lexicon import indonesian_lexicon

    token = re.compile(r"[A-Za-z]+")
    vocab_words: set[str] = set()
    for path in (ROOT / "src" / "kpu_extract" / "normalize" / "vocabulary").glob("*.csv"):
        if path.name == "satker.csv":
            continue
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for text in (row["canonical"], *row["variants"].split("|")):
                    vocab_words.update(t.lower() for t in token.findall(text) if len(t) >= 2)
    seed_words = {t.lower() for p in sorted(SEEDS.glob("*.txt")) for t in token.findall(p.read_text(encoding="utf-8")) if len(t) >= 2}
    rng = random.Random(1)
    subs = [("rn", "m"), ("m", "rn"), ("l", "i"), ("i", "l"), ("e", "c"), ("c", "e"), ("h", "b"), ("b", "h"),
            ("u", "n"), ("n", "u"), ("a", "o"), ("t", "f"), ("k", "h"), ("h", "k")]
    damaged: set[str] = set()
    for w in sorted(vocab_words | seed_words):
        for _ in range(2 if len(w) >= 5 else 0):
            a, b = rng.choice(subs)
            if a in w:
                i = w.index(a)
                damaged.add(w[:i] + b + w[i + len(a):])
    damaged -= vocab_words
    lexicons = {"hunspell-id 1:7.5.0-1": indonesian_lexicon().__contains__}
    try:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
        import Sastrawi

        roots = set((Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt").read_text().split())
        stemmer = StemmerFactory().create_stemmer()
        lexicons["Sastrawi roots + stemmer"] = lambda w: w in roots or stemmer.stem(w) in roots
    except ImportError:
        print("(PySastrawi not installed: pip install PySastrawi==1.2.1 to compare)")
    affixed = {w for w in vocab_words if _AFFIXED.match(w)}
    print(f"words: vocabulary {len(vocab_words)} (affixed {len(affixed)}), seeds {len(seed_words)}, damaged {len(damaged)}")
    print(f"{'lexicon':<26} {'vocabulary':>10} {'affixed':>8} {'seeds':>6} {'damaged accepted':>17} {'ms/word':>8}")
    for name, known in lexicons.items():
        t0 = time.perf_counter()
        share = [sum(map(known, ws)) / len(ws) for ws in (vocab_words, affixed, seed_words, damaged)]
        ms = (time.perf_counter() - t0) / (len(vocab_words) + len(affixed) + len(seed_words) + len(damaged)) * 1e3
        print(f"{name:<26} {share[0]:>10.3f} {share[1]:>8.3f} {share[2]:>6.3f} {share[3]:>17.3f} {ms:>8.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--lexicons", action="store_true", help="compare hunspell-id and Sastrawi")
    ap.add_argument("--errors", action="store_true", help="list wrong/missed strings")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if args.sweep:
        sweep()
        return
    if args.lexicons:
        compare_lexicons()
        return
    from kpu_extract.normalize.lexicon import indonesian_lexicon

    t0 = time.perf_counter()
    lex = indonesian_lexicon()
    print(f"hunspell-id lexicon: {len(lex)} forms expanded in {time.perf_counter() - t0:.2f} s (once per process)")
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
