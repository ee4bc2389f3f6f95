"""Upside-down pages: the cheap ascender test (extract/half_turn.py) against Tesseract OSD.

Pages: every page of the corpus scans (corpus/scans, corpus/layouts/scans) and of the tuned real
scans of corpus/real, rendered at their native dpi (at most 300) and turned upright by
raster.upright; each is judged as it is and turned a half (np.rot90 twice). A verdict is right
when it says "upside down" exactly for the turned copy. OSD's verdict: orient_deg == 180.
`cheap` is half_turn.may_be_upside_down alone, `osd-half` OSD on the page subsampled to half its
resolution, `upright` the pipeline's raster.upright (cheap test, then OSD on its suspects). Times are CPU time of this
process per judgement (median).

Run: `.venv/bin/python bench/bench_orientation.py [--limit N]`
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kpu_extract.extract import raster  # noqa: E402
from kpu_extract.extract.half_turn import ascender_balance, may_be_upside_down  # noqa: E402
from kpu_extract.extract.pdf import page_count  # noqa: E402

REAL_SCANS = [p for p in sorted((ROOT / "corpus/real").glob("*.pdf"))
              if (t := ROOT / "corpus/real/truth" / f"{p.stem}.json").exists()
              and json.loads(t.read_text())["document"]["scan"] and not json.loads(t.read_text())["held_out"]]


def pages(limit: int | None):
    files = sorted((ROOT / "corpus/scans").glob("*.pdf")) + sorted((ROOT / "corpus/layouts/scans").glob("*.pdf"))
    for path in (files + REAL_SCANS)[:limit]:
        for index in range(page_count(path) or 0):
            yield path, index


def _timed(fn, *args):
    start = time.process_time()
    out = fn(*args)
    return out, time.process_time() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N files")
    args = ap.parse_args()
    right = {"cheap": 0, "osd": 0, "osd-half": 0, "upright": 0}
    seconds = {"cheap": [], "osd": [], "osd-half": [], "upright": []}
    wrong = []
    n = 0
    for path, index in pages(args.limit):
        gray, _dpi = raster.render_page(str(path), index, max_dpi=300)
        turned, turns = raster.upright(gray)  # the corpus pages are upright; the rotated scan is turned
        gray = gray if turns == 2 else turned  # a half turn here is a mistake, counted below
        for flipped in (False, True):
            image = np.ascontiguousarray(np.rot90(gray, 2)) if flipped else gray
            cheap, t_cheap = _timed(may_be_upside_down, image)
            (_, turns), t_upright = _timed(raster.upright, image)
            right["upright"] += (turns == 2) == flipped
            seconds["upright"].append(t_upright)
            osd, t_osd = _timed(raster._osd_turn, image)
            half, t_half = _timed(raster._osd_turn, np.ascontiguousarray(image[::2, ::2]))
            right["cheap"] += cheap == flipped
            right["osd"] += (osd == 180) == flipped
            right["osd-half"] += (half == 180) == flipped
            seconds["cheap"].append(t_cheap)
            seconds["osd"].append(t_osd)
            seconds["osd-half"].append(t_half)
            if any(verdict != flipped for verdict in (cheap, osd == 180, half == 180, turns == 2)):
                balance, blobs = ascender_balance(image)
                wrong.append(f"{path.name} p{index + 1} {'flipped' if flipped else 'upright'}: cheap "
                             f"{cheap} (balance {balance:+.3f}, {blobs} blobs), "
                             f"osd {osd}, osd-half {half}, upright turns {turns}")
            n += 1
    for name in right:
        print(f"{name:6} right {right[name]}/{n}   median CPU {statistics.median(seconds[name]) * 1000:.0f} ms")
    print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
