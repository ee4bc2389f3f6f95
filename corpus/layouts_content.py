"""Content model of the layout-variation corpus: what a document says, before any layout.

Texts come from the seeds (corpus/specs.py) and the DIPA code tree of the kegiatan vocabulary;
the satker from vocabulary/satker.csv; years and amounts are drawn, and every parent amount is
the sum of its children.
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

import specs as S

VOCAB = Path(__file__).resolve().parents[1] / "src" / "kpu_extract" / "normalize" / "vocabulary"
# Printed pelaksana whose canonical unit is a subbagian or the sekretaris (the RAK seeds' units).
PELAKSANA = [p for p, canon in S.PELAKSANA_CANON.items() if canon.startswith(("Subbagian", "Sekretaris"))]
# Indikator that start with 'Jumlah' (the RKT): an indicator, never a total row.
JUMLAH_BLOCKS = [
    ("Terlaksananya rekapitulasi hasil penghitungan suara secara berjenjang",
     "Jumlah rapat pleno rekapitulasi hasil penghitungan suara yang dilaksanakan tepat waktu", "4 kali",
     ["Pelaksanaan Tahapan Pemungutan dan Penghitungan Suara"]),
    ("Terwujudnya Data Pemilih secara Berkelanjutan",
     "Jumlah laporan pemutakhiran data pemilih berkelanjutan yang disampaikan", "12 Laporan",
     ["Pemutakhiran Data Pemilih"]),
]
OUTPUT_NAMES = {"QGE": "Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum",
                "EBA": "Layanan Dukungan Manajemen Internal", "EBD": "Layanan Dukungan Kinerja Internal"}


@dataclass
class Kegiatan:
    name: str
    target: str
    months: list[int]
    amount: int | None
    pelaksana: str


@dataclass
class Block:
    """One sasaran with its indikator, target and kegiatan (a RAK/PK/LAKIP row group)."""

    sasaran: str
    indikator: str
    target: str
    kegiatan: list[Kegiatan]
    realisasi: str = ""
    capaian: str = ""


@dataclass
class Node:
    """A DIPA node (program / kegiatan / output) with its amount, children and line items."""

    level: str
    kode: str
    name: str
    children: list["Node"] = field(default_factory=list)
    lines: list[tuple[Block, str, str, int]] = field(default_factory=list)  # block, output, uraian, amount
    realisasi: int = 0

    @property
    def amount(self) -> int:
        return sum(c.amount for c in self.children) + sum(x[3] for x in self.lines)


@dataclass
class Content:
    satker: str  # canonical, e.g. 'KPU Kabupaten Badung'
    printed_satker: str  # 'KOMISI PEMILIHAN UMUM KABUPATEN BADUNG'
    city: str
    year: int
    signer: str
    blocks: list[Block]
    programs: list[Node]


def _satkers() -> list[dict]:
    with open(VOCAB / "satker.csv", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["level"] in ("kabupaten", "kota")]


def _kegiatan_tree() -> dict[str, list[tuple[str, str]]]:
    """program kode -> [(kegiatan kode, name)] from the kegiatan vocabulary."""
    with open(VOCAB / "kegiatan.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["level"] == "kegiatan" and r["kode"]]
    out: dict[str, list[tuple[str, str]]] = {"076.01.CQ": [], "076.01.WA": []}
    for r in rows:
        out["076.01.CQ" if r["kode"].startswith("CQ") else "076.01.WA"].append((r["kode"], r["canonical"]))
    return out


def _seed_blocks() -> list[tuple[str, str, str, list[str]]]:
    pool = [(b["sasaran"], b["indikator"], b["target"], [k[0] for k in b["kegiatan"]])
            for b in S.RAK_SERANG["sasaran"]]
    pool += [(s, i, t, [k]) for s, i, t, k, *_ in S.SERANG_2022_SASARAN]
    seen, out = set(), []
    for b in pool:
        if (b[0], b[1]) not in seen:
            seen.add((b[0], b[1]))
            out.append(b)
    return out


SATKERS = _satkers()
TREE = _kegiatan_tree()
SEED_BLOCKS = _seed_blocks()
RKT_URAIAN = [r[4] for r in S.RKT_SERANG["rows"] if r[0] == "L"]
NAMES = ["HENDRO SULISTYO", "ADE WAHYU MARGONO", "I WAYAN SUDARTA", "SITI NURHALIMAH", "MUHAMMAD RIZKI"]


def _local(text: str, area: str) -> str:
    return text.replace("Kabupaten Serang", area).replace("Kota Serang", area)


def _months(rng: random.Random) -> list[int]:
    kind = rng.random()
    if kind < 0.3:
        return list(range(1, 13))
    if kind < 0.7:
        lo = rng.randint(1, 10)
        return list(range(lo, rng.randint(lo + 1, 12) + 1))
    return sorted(rng.sample(range(1, 13), rng.randint(1, 4)))


def _amount(rng: random.Random) -> int:
    return rng.choice((rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 30000))) * 1000


def content_for(rng: random.Random, n_blocks: int, jumlah: bool) -> Content:
    """A satker, a year, sasaran blocks and a DIPA tree, all drawn from the seeds."""
    row = rng.choice(SATKERS)
    satker = row["canonical"]
    area = satker.removeprefix("KPU ")
    city = area.split(" ", 1)[1]
    year = rng.randint(2021, 2025)
    picked = rng.sample(SEED_BLOCKS, min(n_blocks, len(SEED_BLOCKS)))
    if jumlah:
        picked[rng.randrange(len(picked))] = rng.choice(JUMLAH_BLOCKS)
    blocks = []
    for sas, ind, tgt, names in picked:
        names = rng.sample(names, min(len(names), rng.randint(1, 3)))
        keg = [Kegiatan(_local(n, area), tgt, _months(rng), None if rng.random() < 0.1 else _amount(rng),
                        rng.choice(PELAKSANA)) for n in names]
        real = rng.choice(("100%", "95%", "92%", "90%", "87,5%")) if tgt.endswith("%") else tgt
        cap = f"{float(real.rstrip('%').replace(',', '.')) / float(tgt.rstrip('%').replace(',', '.')) * 100:.2f}"\
            if tgt.endswith("%") else "100"
        blocks.append(Block(_local(sas, area), _local(ind, area), tgt, keg, real, cap.replace(".", ",") + "%"))
    return Content(satker, f"KOMISI PEMILIHAN UMUM {area.upper()}", city, year, rng.choice(NAMES), blocks,
                   _programs(rng, blocks))


def _programs(rng: random.Random, blocks: list[Block]) -> list[Node]:
    programs = []
    for kode, name in ((k, S.PROGRAM_CODES[k]) for k in ("076.01.CQ", "076.01.WA")):
        prog = Node("program", kode, name)
        n_kegiatan = rng.randint(1, 3) if len(blocks) < 8 else rng.randint(3, 4)
        for keg_kode, keg_name in rng.sample(TREE[kode], min(n_kegiatan, len(TREE[kode]))):
            keg = Node("kegiatan", keg_kode, keg_name)
            suffix = "QGE" if kode.endswith("CQ") else rng.choice(("EBA", "EBD"))
            out = Node("output", f"{keg_kode}.{suffix}", OUTPUT_NAMES[suffix])
            for _ in range(rng.randint(1, 2) if len(blocks) < 8 else rng.randint(2, 4)):
                out.lines.append((rng.choice(blocks), rng.choice(list(OUTPUT_NAMES.values())),
                                  rng.choice(RKT_URAIAN), _amount(rng)))
            keg.children.append(out)
            prog.children.append(keg)
        programs.append(prog)
    for prog in programs:  # realisasi: kegiatan at 80-100% of pagu, parents their sum
        for keg in prog.children:
            keg.realisasi = keg.amount * rng.randint(800, 1000) // 1000
        prog.realisasi = sum(k.realisasi for k in prog.children)
    return programs
