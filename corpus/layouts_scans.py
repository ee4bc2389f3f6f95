"""Scanned variants of the layout corpus (reuses corpus/make_scans.py's degradations).

A third of the documents get a scan: `normal-300` or `hard-200` alternating by draw block, one PK
`damaged-300` (an OCR text layer with words dropped and 0/O, 8/B/3 swapped inside numbers) and
one LAKIP `rotated-300` (its first page turned 90 degrees).

A second set (`corpus/layouts/scans2/`, not committed: `eval_layouts.py --second` makes what is
missing, byte-identical each time) scans every other tuned document: `normal-300` for even
numbers, `hard-200` for odd ones. It was first scored after all tuning on the first set; a third
of it (SECOND_HELD_OUT_SHARE, drawn from the name) is held out like the held-out draws.
"""
from __future__ import annotations

import json
import random
import zlib
from pathlib import Path

import numpy as np

import make_scans as M

VARIANTS = {**M.VARIANTS, "damaged-300": M.VARIANTS["normal-300"], "rotated-300": M.VARIANTS["normal-300"]}
# OCR look-alikes inside numbers, as a scanner's OCR layer makes them.
NUMBER_SWAPS = {"0": "O", "8": "B", "3": "8", "5": "S", "1": "l"}
DROP_SHARE = 0.15
SWAP_SHARE = 0.5
SECOND_SET = "scans2"
SECOND_HELD_OUT_SHARE = 3  # one in this many second-set scans is held out


def plan_for(name: str, names: list[str]) -> list[str]:
    """Which scans document `name` gets (index i, block k = i // 6: scanned when (i + k) % 3 == 0)."""
    i = names.index(name)
    block = i // 6
    if (i + block) % 3:
        return []
    scanned = [n for j, n in enumerate(names) if (j + j // 6) % 3 == 0]
    first = {k: next((n for n in scanned if f"_{k}_" in n), None) for k in ("pk", "lakip")}
    if name == first["pk"]:
        return ["damaged-300"]
    if name == first["lakip"]:
        return ["rotated-300"]
    return ["hard-200" if block % 2 else "normal-300"]


def damaged_layer(pdf_path: Path, seed: int) -> list[list[tuple[str, float, float, float]]]:
    """The real words at their positions, some dropped, digits inside numbers swapped for look-alikes."""
    import pdfplumber

    rng = random.Random(seed)
    layers = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            words = []
            for w in page.extract_words():
                if rng.random() < DROP_SHARE:
                    continue
                text = w["text"]
                if any(ch.isdigit() for ch in text):
                    text = "".join(NUMBER_SWAPS.get(ch, ch) if rng.random() < SWAP_SHARE else ch for ch in text)
                words.append((text, w["x0"], w["top"], w["bottom"] - w["top"]))
            layers.append(words)
    return layers


def make_variant(pdf_path: Path, variant: str, out_dir: Path) -> Path:
    seed = zlib.crc32(f"{pdf_path.stem}-{variant}".encode())
    rng = np.random.default_rng(seed)
    v = VARIANTS[variant]
    pages = [(M.degrade(gray, v, rng), size) for gray, size in M.render(pdf_path, v.dpi)]
    if variant == "rotated-300":
        gray, (w, h) = pages[0]
        pages[0] = (np.ascontiguousarray(np.rot90(gray)), (h, w))
    layers = damaged_layer(pdf_path, seed) if variant == "damaged-300" else None
    out = out_dir / f"{pdf_path.stem}-{variant}.pdf"
    M.write_image_pdf(out, pages, v.jpeg_quality, layers)
    return out


def second_variant(name: str, truth: dict) -> str | None:
    """The second set's scan of a document: tuned documents without a first-set scan only."""
    if truth["held_out"] or truth["scans"]:
        return None
    return "hard-200" if int(name[1:3]) % 2 else "normal-300"


def second_held_out(name: str) -> bool:
    return zlib.crc32(f"{name}-second".encode()) % SECOND_HELD_OUT_SHARE == 0


def make_second_set(root: Path) -> list[Path]:
    """The second set's scans under `root`/scans2, made where missing; their paths."""
    out = []
    for truth_file in sorted((root / "truth").glob("L*.json")):
        name = truth_file.stem
        variant = second_variant(name, json.loads(truth_file.read_text(encoding="utf-8")))
        if variant is None:
            continue
        path = root / SECOND_SET / f"{name}-{variant}.pdf"
        out.append(path if path.exists() else make_variant(root / f"{name}.pdf", variant, root / SECOND_SET))
    return out


def make_all(root: Path, made: list[tuple[str, dict]]) -> None:
    for name, truth in made:
        for variant in truth["scans"]:
            print(make_variant(root / f"{name}.pdf", variant, root / "scans"))
