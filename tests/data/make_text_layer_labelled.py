"""Build tests/data/text_layer_labelled.csv: phrases as a PDF text layer holds them, which
canonicalisation must bring back unchanged (CONTRACT.md v1.1, uraian).

Columns: ``field, printed, expected_id, check, kind``. ``check`` is ``text+id`` (the text must come
back as printed up to case and spacing, or as the same term's canonical spelling, and the id must
be ``expected_id``, empty for none) or ``text`` (only the text is checked). Kinds:

1. ``truth``: every sasaran / indikator / kegiatan / uraian string of corpus/truth/*.json (the
   digital corpus prints exactly these); the id is the entry whose canonical or variant it is;
2. ``satker``: the truth strings that name a satker, printed for other satkers (the layout
   corpus draws synthetic satkers): same id, the satker kept;
3. ``regression``: the five failures of issue 9 item 7 (``dilaksanakan``, ``rapat``,
   ``ketepatan``, ``Persentase ketersediaan fasilitas ...``, ``... oleh KPU Kabupaten Badung``);
4. ``seed``: table phrases as the seeds in /work/shared/seeds print them (tests/data/
   make_vocab_labelled.py ``REAL``), including their odd words: a text layer keeps them (text only).

Run:  .venv/bin/python tests/data/make_text_layer_labelled.py
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from make_vocab_labelled import REAL, load

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TRUTH = ROOT / "corpus" / "truth"
OUT = HERE / "text_layer_labelled.csv"

FIELDS = ("sasaran", "indikator", "kegiatan")
#: satker names the synthetic layout corpus may print instead of the seed's own
OTHER_SATKERS = ("KPU Kabupaten Badung", "KPU Kota Cilegon", "KPU Provinsi Bali", "KPU Kabupaten Bandung Barat")
_SATKER = re.compile(r"KPU (?:Kabupaten|Kota|Provinsi) (?:Serang|Tabanan|Banten)")

REGRESSION = [
    # (field, printed, expected id or "")
    ("indikator", "Jumlah rapat pleno rekapitulasi hasil penghitungan suara yang dilaksanakan", ""),
    ("kegiatan", "Rapat Pleno Terbuka Rekapitulasi Hasil Penghitungan Suara Tingkat Kota", ""),
    ("sasaran", "Terwujudnya pelaksanaan dalam pengisian surat suara yang dapat dilaksanakan", ""),
    ("indikator", "Persentase ketepatan waktu KPU Kabupaten Serang dalam Pemutakhiran Data Pemilih", "ind-018"),
    ("indikator", "Persentase ketersediaan fasilitas perkantoran untuk mendukung kinerja pegawai yang berfungsi dengan baik", ""),
    ("indikator", "Persentase ketepatan waktu dalam penetapan jadwal tahapan dan petunjuk teknis penyelenggaraan "
                  "Pemilu/Pemilihan oleh KPU Kabupaten Badung", "ind-001"),
]


def truth_strings() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for path in sorted(TRUTH.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for row in data.get("targets", []):
            out += [(f, row[f]) for f in FIELDS if row.get(f)]
        for ds in ("pagu", "realisasi"):
            out += [("kegiatan", r["uraian"]) for r in data.get(ds, [])
                    if r.get("uraian") and r.get("level") not in ("total", "program")]
        out += [("kegiatan", r["kegiatan"]) for r in data.get("schedule", []) if r.get("kegiatan")]
    return list(dict.fromkeys(out))


def main() -> None:
    term: dict[tuple[str, str], str] = {}
    for field in FIELDS:
        for e in load(field):
            tid = e.get("same_as") or e["id"]
            for text in (e["canonical"], *e["variants"].split("|")):
                if text.strip():
                    term.setdefault((field, text.strip()), tid)
    rows: list[tuple[str, str, str, str, str]] = []
    for field, s in truth_strings():
        # where one amount covers several kegiatan the truth's uraian is the sasaran
        f = "sasaran" if field == "kegiatan" and ("sasaran", s) in term and ("kegiatan", s) not in term else field
        if (f, s) not in term:
            raise SystemExit(f"truth string is no vocabulary term: {f}: {s!r}")
        rows.append((f, s, term[(f, s)], "text+id", "truth"))
        if _SATKER.search(s):
            for other in OTHER_SATKERS:
                rows.append((f, _SATKER.sub(other, s), term[(f, s)], "text+id", "satker"))
    rows += [(f, s, i, "text+id", "regression") for f, s, i in REGRESSION]
    rows += [(f, raw, "", "text", "seed") for f, raw, _ in REAL if f in FIELDS]
    seen, out = set(), []
    for r in rows:
        if r[:2] not in seen:
            seen.add(r[:2])
            out.append(r)
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["field", "printed", "expected_id", "check", "kind"])
        w.writerows(out)
    print(f"wrote {len(out)} rows to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
