#!/usr/bin/env python
"""Layout-variation corpus: every document type drawn from a content model in seeded random layouts.

    python corpus/layouts.py      # corpus/layouts/<name>.pdf, truth/<name>.json, scans/<name>-<v>.pdf

Content (corpus/layouts_content.py): seed texts, the DIPA code tree of the kegiatan vocabulary, a
satker from vocabulary/satker.csv, a year, amounts that add up. Layout (corpus/layouts_render.py):
one draw per document, recorded in its truth file under `layout`; `layout.class` is its ruling.
Truth is written from the content model while drawing (tagged paragraphs note their page), never
from the extractor. Same SEED, same bytes. Rules of the truth: corpus/TRUTH.md and
corpus/README.md (layout corpus section).
"""
from __future__ import annotations

import json
import random
import sys
from dataclasses import asdict, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate as G  # noqa: E402
import layouts_render as R  # noqa: E402
import layouts_scans  # noqa: E402
from layouts_content import Block, Content, Kegiatan, content_for  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.platypus import Table, TableStyle  # noqa: E402

SEED = 20261201
N_DOCS = 66
HELD_OUT_SHARE = 0.2
OUT = HERE / "layouts"
FILL = colors.Color(0.55, 0.55, 0.55)


def _doc_title(kind: str, c: Content, d: R.Draw, rng: random.Random) -> list[str]:
    titles = {"RAK": ["RENCANA AKSI KINERJA TAHUN {y}", "RENCANA AKSI TAHUN {y}"],
              "RKT": ["RENCANA KERJA TAHUNAN TAHUN ANGGARAN {y}", "RENCANA KINERJA TAHUNAN {y}"],
              "PK": ["PERJANJIAN KINERJA TAHUN {y}", "PENETAPAN KINERJA TAHUN {y}"],
              "LAKIP": ["LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN {y}", "LAPORAN KINERJA TAHUN {y}"],
              "LAPTAH": ["LAPORAN TAHUNAN {y}", "LAPORAN TAHUNAN TAHUN {y}"]}
    return [rng.choice(titles[kind]).format(y=c.year), c.printed_satker]


def _header_rows(d: R.Draw, st: R.Styles, top: list[tuple[str, int]], sub: list[str] | None) -> tuple[list, list]:
    """Header row(s) from (label, span) cells and an optional second row; their SPAN styles."""
    row0, style, c = [], [], 0
    for label, span in top:
        row0 += [R.para(label, st.head)] + [""] * (span - 1)
        if span > 1:
            style.append(("SPAN", (c, 0), (c + span - 1, 0)))
        elif sub is not None and d.rules in ("grid", "headerbox"):
            style.append(("SPAN", (c, 0), (c, 1)))
        c += span
    rows = [row0] + ([[R.para(x, st.head) if x else "" for x in sub]] if sub is not None else [])
    if d.number_row:
        rows.append([R.para(f"({i})", st.center) for i in range(1, c + 1)])
    return rows, style


def _table(d: R.Draw, data: list, n_header: int, weights: list[float], extra: list) -> Table:
    t = Table(data, colWidths=R.widths(d, weights), repeatRows=n_header if d.repeat_header else 0)
    t.setStyle(TableStyle(R.table_style(d, n_header, len(data)) + extra))
    return t


def _mark(d: R.Draw, rng: random.Random) -> str:
    return {"M1-4": "M1-4", "minggu": f"minggu ke {rng.randint(1, 4)}", "v": "v", "check": "\u221a",
            "fill": ""}[d.schedule_mark]


def _kegiatan_cell(names: list[str], rng: random.Random) -> str:
    if len(names) == 1:
        return names[0]
    mark = rng.choice(("\u2022 ", "- ", "num"))
    return "\n".join((f"{i + 1}. " if mark == "num" else mark) + n for i, n in enumerate(names))


def _cell_para(text: str, style, tags=()):
    return R.para(text, style, tags) if "\n" not in text else G.TagPara(
        "<br/>".join(G.esc(x).replace("\u2022", '<font name="Vera">\u2022</font>') for x in text.split("\n")),
        style, tags)


# ---------------------------------------------------------------------------------------- RAK
def rak(c: Content, d: R.Draw, rng: random.Random, quarterly: bool):
    st = R.Styles(d)
    tail = ["pagu", "pelaksana"] if d.tail_order == "pagu_first" else ["pelaksana", "pagu"]
    lead = ["no", "sasaran", "indikator", "target", "kegiatan"] + (["target_kegiatan"] if d.target_kegiatan else [])
    n_sched = 4 if quarterly else 12
    sub_labels = ["I", "II", "III", "IV"] if quarterly else R.MONTH_LABELS[d.month_labels]
    top = [(R.header_label(d, r), 1) for r in lead] + [(R.header_label(d, "quarters" if quarterly else "months"),
                                                        n_sched)] + [(R.header_label(d, r), 1) for r in tail]
    data, style = _header_rows(d, st, top, [""] * len(lead) + sub_labels + [""] * len(tail))
    n_header = len(data)
    s0 = len(lead)
    pagu_rows, targets, plans = [], [], []
    for bi, b in enumerate(c.blocks):
        groups = [b.kegiatan] if d.multi_kegiatan and len(b.kegiatan) > 1 else [[k] for k in b.kegiatan]
        start = len(data)
        for gi, group in enumerate(groups):
            names = [k.name for k in group]
            months = group[0].months
            amounts = [k.amount for k in group if k.amount is not None]
            amount = sum(amounts) if amounts else None
            first = gi == 0
            tag = f"k{bi}:{gi}"
            row = [R.para(str(bi + 1), st.center) if first else "",
                   R.para(b.sasaran, st.cell, f"s{bi}") if first else "",
                   R.para(b.indikator, st.cell, f"s{bi}") if first else "",
                   R.para(b.target, st.center) if first else "",
                   _cell_para(_kegiatan_cell(names, rng), st.cell, tag)]
            if d.target_kegiatan:
                row.append(R.para(group[0].target, st.center))
            plan, cells = {}, []
            for q in range(n_sched):
                ms = [m for m in months if (3 * q < m <= 3 * q + 3)] if quarterly else [q + 1] * ((q + 1) in months)
                if not ms:
                    cells.append("")
                    continue
                if quarterly:
                    text = f"B{ms[0]}-B{ms[-1]}" if len(ms) > 1 and ms[-1] - ms[0] == len(ms) - 1 else \
                        ", ".join(f"B{m}" for m in ms)
                else:
                    text = _mark(d, rng)
                    if not text:
                        style.append(("BACKGROUND", (s0 + q, len(data)), (s0 + q, len(data)), FILL))
                for m in ms:
                    plan[m] = text or None
                cells.append(R.para(text, st.center) if text else "")
            row += cells
            tails = {"pagu": R.para(R.amount_text(d, amount) if amount else "-", st.right),
                     "pelaksana": R.para(group[0].pelaksana, st.cell)}
            row += [tails[t] for t in tail]
            data.append(row)
            uraian = "; ".join(names)
            pelaksana = G.canon_pelaksana(group[0].pelaksana)
            pagu_rows.append((tag, uraian, amount, pelaksana))
            plans += [(tag, n, plan) for n in names]
            if d.target_kegiatan:
                targets += [(tag, b.sasaran, b.indikator, n, group[0].target) for n in names]
        if d.rules == "grid" and len(data) - 1 > start:
            style += [("SPAN", (col, start), (col, len(data) - 1)) for col in range(4)]
        targets.insert(len(targets) - (len(b.kegiatan) if d.target_kegiatan else 0),
                       (f"s{bi}", b.sasaran, b.indikator, None, b.target))
    weights = [2, 10, 12, 5, 12] + ([5] if d.target_kegiatan else []) + [3 if quarterly else 2] * n_sched + \
        [7 if t == "pagu" else 8 for t in tail]
    story = R.title_block(d, c, st, _doc_title("RAK", c, d, rng)) + [_table(d, data, n_header, weights, style)]
    story += R.signature(c, st)

    def truth():
        pagu = [G.pagu_row(G.page_of(t), "kegiatan", None, None, u, a, p, "table") for t, u, a, p in pagu_rows
                if a is not None]
        tg = G.dedupe([G.target_row(G.page_of(t), s, i, k, raw) for t, s, i, k, raw in targets],
                      _target_key)
        return {"pagu": pagu, "realisasi": [], "targets": tg,
                "schedule": G.schedule_rows([(G.page_of(t), n, p) for t, n, p in plans])}
    return story, truth


# ---------------------------------------------------------------------------------------- RKT
def _label(d: R.Draw, node) -> str:
    return f"{node.kode} {node.name}" if d.code_style == "glued" else node.name


def rkt(c: Content, d: R.Draw, rng: random.Random):
    st = R.Styles(d)
    has_target = d.target_kegiatan
    roles = (["kode"] if d.code_style == "column" else []) + ["label", "sasaran", "indikator"] + \
        (["target"] if has_target else []) + ["output", "uraian_kegiatan", "pagu"]
    data, style = _header_rows(d, st, [(R.header_label(d, r), 1) for r in roles], None)
    n_header, col = len(data), {r: i for i, r in enumerate(roles)}
    rows = []  # (tag, level, node or line, program)

    def group_row(node, program):
        tag = f"g{len(data)}"
        gst = st.bold if d.group_bold else st.cell
        row = [""] * len(roles)
        if d.code_style == "column":
            row[col["kode"]] = R.para(node.kode, gst)
        row[col["label"]] = R.para(_label(d, node), gst, tag)
        if d.group_amounts:
            row[col["pagu"]] = R.para(R.amount_text(d, node.amount), st.right_bold if d.group_bold else st.right)
        if d.rules == "grid":
            style.append(("SPAN", (col["label"], len(data)), (col["uraian_kegiatan"], len(data))))
        data.append(row)
        if d.group_amounts:
            rows.append((tag, node.level, node.kode if d.code_style != "absent" else None, program, node.name,
                         node.amount))

    total = 0
    for prog in c.programs:
        group_row(prog, prog.name)
        for keg in prog.children:
            group_row(keg, prog.name)
            for out in keg.children:
                group_row(out, prog.name)
                for block, output, uraian, amount in out.lines:
                    tag = f"l{len(data)}"
                    row = [""] * len(roles)
                    row[col["sasaran"]] = R.para(block.sasaran, st.cell, f"t{len(data)}")
                    row[col["indikator"]] = R.para(block.indikator, st.cell)
                    if has_target:
                        row[col["target"]] = R.para(block.target, st.center)
                    row[col["output"]] = R.para(output, st.cell)
                    row[col["uraian_kegiatan"]] = R.para(uraian, st.cell, tag)
                    row[col["pagu"]] = R.para(R.amount_text(d, amount), st.right)
                    rows.append((tag, "item", None, prog.name, uraian, amount, block))
                    data.append(row)
                    total += amount
    label = rng.choice(R.TOTAL_LABELS)
    row = [""] * len(roles)
    row[col["label"]] = R.para(label, st.bold, "total")
    row[col["pagu"]] = R.para(R.amount_text(d, total), st.right_bold)
    if d.rules == "grid":
        style.append(("SPAN", (col["label"], len(data)), (col["uraian_kegiatan"], len(data))))
    data.append(row)
    weights = [{"kode": 6, "label": 12, "sasaran": 12, "indikator": 14, "target": 5, "output": 10,
                "uraian_kegiatan": 13, "pagu": 8}[r] for r in roles]
    story = R.title_block(d, c, st, _doc_title("RKT", c, d, rng)) + [_table(d, data, n_header, weights, style)]
    story += R.signature(c, st)

    def truth():
        pagu = [G.pagu_row(G.page_of(r[0]), r[1], r[2], r[3], r[4], r[5], None, "table") for r in rows]
        pagu.append(G.pagu_row(G.page_of("total"), "total", None, None, label, total, None, "table"))
        tg = []
        if has_target:
            tg = G.dedupe([G.target_row(G.page_of(r[0].replace("l", "t")), r[6].sasaran, r[6].indikator, None,
                                        r[6].target) for r in rows if r[1] == "item"],
                          _target_key)
        return {"pagu": pagu, "realisasi": [], "targets": tg, "schedule": []}
    return story, truth


# ---------------------------------------------------------------------------------- PK, LAKIP
def _target_table(c: Content, d: R.Draw, st: R.Styles, measured: bool):
    roles = ["no", "sasaran", "indikator", "target"] + (["realisasi", "capaian"] if measured else [])
    data, style = _header_rows(d, st, [(R.header_label(d, r), 1) for r in roles], None)
    n_header = len(data)
    for i, b in enumerate(c.blocks):
        row = [R.para(str(i + 1), st.center), R.para(b.sasaran, st.cell, f"pk{i}"), R.para(b.indikator, st.cell),
               R.para(b.target, st.center)]
        data.append(row + ([R.para(b.realisasi, st.center), R.para(b.capaian, st.center)] if measured else []))
    weights = [2, 14, 18, 5] + ([5, 5] if measured else [])
    table = _table(d, data, n_header, weights, style)

    def truth():
        return G.dedupe([G.target_row(G.page_of(f"pk{i}"), b.sasaran, b.indikator, None, b.target,
                                      *((G.parse_target(b.realisasi)["target_value"], G.pct(b.capaian))
                                        if measured else ()))
                         for i, b in enumerate(c.blocks)], _target_key)
    return table, truth


def pk(c: Content, d: R.Draw, rng: random.Random):
    st = R.Styles(d)
    table, targets = _target_table(c, d, st, measured=False)
    story = R.title_block(d, c, st, _doc_title("PK", c, d, rng) + ["SEKRETARIS"]) + [table] + R.signature(c, st)
    return story, lambda: {"pagu": [], "realisasi": [], "targets": targets(), "schedule": []}


def _percent(d: R.Draw, real: int, pagu: int) -> tuple[str, float]:
    value = round(real * 100 / pagu, 2)
    text = f"{value:.2f}"
    return (text.replace(".", ",") if d.amount_format in ("dots", "rp", "dash") else text), value


def _budget_table(c: Content, d: R.Draw, st: R.Styles, rng: random.Random, with_programs: bool):
    roles = (["kode"] if d.code_style == "column" else []) + ["uraian", "pagu", "realisasi", "persen"]
    data, style = _header_rows(d, st, [(R.header_label(d, r), 1) for r in roles], None)
    n_header, rows = len(data), []
    order = []
    for prog in c.programs:
        if with_programs:
            order.append((prog, prog.name))
        order += [(k, prog.name) for k in prog.children]
    letters = iter("abcdefghij")
    for node, program in order:
        is_group = node.level == "program"
        name = node.name if d.code_style != "absent" or is_group or not with_programs else \
            f"{next(letters)}. {node.name}"
        text = f"{node.kode} {name}" if d.code_style == "glued" else name
        cst = st.bold if is_group and d.group_bold else st.cell
        pct_text, pct = _percent(d, node.realisasi, node.amount)
        tag = f"b{len(data)}"
        data.append(([R.para(node.kode, cst)] if d.code_style == "column" else []) + [
            R.para(text, cst, tag), R.para(R.amount_text(d, node.amount), st.right),
            R.para(R.amount_text(d, node.realisasi), st.right), R.para(pct_text, st.right)])
        coded = d.code_style != "absent"
        rows.append((tag, node.level, node.kode if coded else None, program if (coded or with_programs) else None,
                     node.name, node.amount, node.realisasi, pct))
    label = rng.choice(R.TOTAL_LABELS)
    pagu, real = sum(p.amount for p in c.programs), sum(p.realisasi for p in c.programs)
    pct_text, pct = _percent(d, real, pagu)
    data.append(([""] if d.code_style == "column" else []) + [
        R.para(label, st.bold, "btotal"), R.para(R.amount_text(d, pagu), st.right_bold),
        R.para(R.amount_text(d, real), st.right_bold), R.para(pct_text, st.right_bold)])
    rows.append(("btotal", "total", None, None, label, pagu, real, pct))
    weights = ([6] if d.code_style == "column" else []) + [20, 7, 7, 4]
    table = _table(d, data, n_header, weights, style)

    def truth():
        pagu_rows = [G.pagu_row(G.page_of(r[0]), r[1], r[2], r[3], r[4], r[5], None, "table") for r in rows]
        real_rows = [{"page": G.page_of(r[0]), "level": r[1], "kode": r[2], "program": r[3], "uraian": r[4],
                      "pagu": r[5], "realisasi": r[6], "persen_reported": r[7], "source": "table"} for r in rows]
        return pagu_rows, real_rows
    return table, truth


def lakip(c: Content, d: R.Draw, rng: random.Random):
    st = R.Styles(d)
    targets_table, targets = _target_table(c, d, st, measured=True)
    budget, budget_truth = _budget_table(c, d, st, rng, with_programs=False)
    story = R.title_block(d, c, st, _doc_title("LAKIP", c, d, rng))
    story += [G.Paragraph("A. Pengukuran Kinerja", st.bold), R.Spacer(1, 4), targets_table, R.Spacer(1, 10),
              G.Paragraph("B. Akuntabilitas Keuangan", st.bold), R.Spacer(1, 4), budget] + R.signature(c, st)

    def truth():
        pagu, real = budget_truth()
        return {"pagu": pagu, "realisasi": real, "targets": targets(), "schedule": []}
    return story, truth


def laptah(c: Content, d: R.Draw, rng: random.Random):
    st = R.Styles(d)
    budget, budget_truth = _budget_table(c, d, st, rng, with_programs=True)
    story = R.title_block(d, c, st, _doc_title("LAPTAH", c, d, rng))
    story += [G.Paragraph("Program dan Anggaran", st.bold), R.Spacer(1, 4), budget] + R.signature(c, st)

    def truth():
        pagu, real = budget_truth()
        return {"pagu": pagu, "realisasi": real, "targets": [], "schedule": []}
    return story, truth


# ------------------------------------------------------------------------- per-year tables (issue 9)
def _year_target(target: str, k: int) -> str:
    """The target of plan year k: a percentage below 100 rises a point a year, others stay."""
    if not target.endswith("%"):
        return target
    value = float(target.rstrip("%").replace(",", "."))
    if value >= 100 or k == 0:
        return target
    return f"{min(100.0, value + k):g}%".replace(".", ",")


def _year_amount(amount: int, k: int) -> int:
    """The amount of plan year k: 5% more a year, whole thousands."""
    return amount * (100 + 5 * k) // 100 // 1000 * 1000


def _year_rows(c: Content) -> list[tuple[Block, Kegiatan]]:
    """One row per kegiatan with an amount, under its sasaran block."""
    return [(b, k) for b in c.blocks for k in b.kegiatan if k.amount is not None]


def _per_year(c: Content, d: R.Draw, rng: random.Random, kind: str, groups: list[tuple[str, int]]):
    """A plan table with a Target and an amount column under each (label, k) group: 'Kondisi Awal
    2024' (k -1), 'Tahun 2025' (k 0), 'Prakiraan Maju Tahun 2018', 'Kondisi Akhir' (k 4) print the
    amounts and targets of the document year + k; the document year's (k 0) are the pagu and targets."""
    st = R.Styles(d)
    money = rng.choice(("Rp", "Rp.", "Pagu (Rp)", "Kebutuhan Dana (Rp)"))
    target = rng.choice(("Target", "Target Kinerja", "Target Capaian"))
    top = [("No", 1), ("Sasaran", 1), ("Indikator Kinerja", 1), ("Kegiatan", 1)] + [(g, 2) for g, _ in groups]
    sub = [""] * 4 + [target, money] * len(groups)
    data, style = _header_rows(d, st, top, sub)
    n_header, lines, targets = len(data), [], []
    totals = [0] * len(groups)
    for i, (b, k) in enumerate(_year_rows(c)):
        tag = f"y{i}"
        row = [R.para(str(i + 1), st.center), R.para(b.sasaran, st.cell, f"ys{i}"), R.para(b.indikator, st.cell),
               R.para(k.name, st.cell, tag)]
        for g, (_, kk) in enumerate(groups):
            amount = _year_amount(k.amount, kk)
            totals[g] += amount
            row += [R.para(_year_target(b.target, kk), st.center), R.para(R.amount_text(d, amount), st.right)]
        data.append(row)
        lines.append((tag, k.name, k.amount))
        targets.append((f"ys{i}", b.sasaran, b.indikator, b.target))
    label = rng.choice(R.TOTAL_LABELS)
    data.append(["", R.para(label, st.bold, "ytotal"), "", ""] + [x for t in totals for x in
                                                                  ("", R.para(R.amount_text(d, t), st.right_bold))])
    if d.rules == "grid":
        style.append(("SPAN", (1, len(data) - 1), (3, len(data) - 1)))
    weights = [2, 10, 12, 12] + [4, 7] * len(groups)
    title = {"RENSTRA": [f"RENCANA STRATEGIS TAHUN {c.year}-{c.year + 4}", c.printed_satker,
                         "Tabel Rencana Program, Kegiatan, Indikator Kinerja dan Pendanaan"],
             "RENJA": [f"RENCANA KERJA TAHUNAN TAHUN ANGGARAN {c.year}", c.printed_satker,
                       f"Rumusan Rencana Program dan Kegiatan Tahun {c.year} dan Prakiraan Maju Tahun {c.year + 1}"]}
    story = R.title_block(d, c, st, title[kind]) + [_table(d, data, n_header, weights, style)] + R.signature(c, st)

    def truth():
        pagu = [G.pagu_row(G.page_of(t), "kegiatan", None, None, u, a, None, "table") for t, u, a in lines]
        pagu.append(G.pagu_row(G.page_of("ytotal"), "total", None, None, label, sum(a for *_, a in lines), None,
                               "table"))
        tg = G.dedupe([G.target_row(G.page_of(t), s, i, None, raw) for t, s, i, raw in targets], _target_key)
        return {"pagu": pagu, "realisasi": [], "targets": tg, "schedule": []}
    return story, truth


def renstra(c: Content, d: R.Draw, rng: random.Random):
    tahun = rng.choice(("Tahun {}", "{}"))
    return _per_year(c, d, rng, "RENSTRA", [(f"Kondisi Awal {c.year - 1}", -1)] + [
        (tahun.format(c.year + k), k) for k in range(5)] + [("Kondisi Akhir", 4)])


def renja(c: Content, d: R.Draw, rng: random.Random):
    return _per_year(c, d, rng, "RENJA", [(f"Rencana Tahun {c.year}", 0), (f"Prakiraan Maju Tahun {c.year + 1}", 1)])


def lkip_years(c: Content, d: R.Draw, rng: random.Random):
    """An LKIP table of two years: last year's realisasi, this year's target, realisasi and
    capaian, then the kegiatan with this year's anggaran and its realisasi."""
    st = R.Styles(d)
    y = c.year
    heads = ["No", "Sasaran", "Indikator Kinerja", f"Realisasi {y - 1}", f"Target {y}", f"Realisasi {y}",
             "Capaian (%)", "Kegiatan", f"Anggaran {y}", f"Realisasi Anggaran {y}", "%"]
    data, style = _header_rows(d, st, [(h, 1) for h in heads], None)
    n_header, rows = len(data), []
    for i, (b, k) in enumerate(_year_rows(c)):
        real = k.amount * rng.randint(800, 1000) // 1000
        pct_text, pct = _percent(d, real, k.amount)
        before = _year_target(b.target, -3)
        data.append([R.para(str(i + 1), st.center), R.para(b.sasaran, st.cell, f"ls{i}"), R.para(b.indikator, st.cell),
                     R.para(before, st.center), R.para(b.target, st.center), R.para(b.realisasi, st.center),
                     R.para(b.capaian, st.center), R.para(k.name, st.cell, f"lk{i}"),
                     R.para(R.amount_text(d, k.amount), st.right), R.para(R.amount_text(d, real), st.right),
                     R.para(pct_text, st.right)])
        rows.append((i, b, k, real, pct))
    weights = [2, 10, 12, 4, 4, 4, 4, 12, 7, 7, 3]
    story = R.title_block(d, c, st, _doc_title("LAKIP", c, d, rng))
    story += [G.Paragraph("Capaian Kinerja dan Realisasi Anggaran", st.bold), R.Spacer(1, 4),
              _table(d, data, n_header, weights, style)] + R.signature(c, st)

    def truth():
        tg = G.dedupe([G.target_row(G.page_of(f"ls{i}"), b.sasaran, b.indikator, None, b.target,
                                    G.parse_target(b.realisasi)["target_value"], G.pct(b.capaian))
                       for i, b, *_ in rows], _target_key)
        pagu = [G.pagu_row(G.page_of(f"lk{i}"), "kegiatan", None, None, k.name, k.amount, None, "table")
                for i, _, k, *_ in rows]
        real = [{"page": G.page_of(f"lk{i}"), "level": "kegiatan", "kode": None, "program": None, "uraian": k.name,
                 "pagu": k.amount, "realisasi": r, "persen_reported": p, "source": "table"} for i, _, k, r, p in rows]
        return {"pagu": pagu, "realisasi": real, "targets": tg, "schedule": []}
    return story, truth


BUILDERS = {"RAK": lambda c, d, r: rak(c, d, r, False), "RAKQ": lambda c, d, r: rak(c, d, r, True),
            "RKT": rkt, "PK": pk, "LAKIP": lakip, "LAPTAH": laptah,
            "RENSTRA": renstra, "RENJA": renja, "LKIPY": lkip_years}
# Documents after the first N_DOCS: tables with amounts and targets per year (tuned, never held out).
YEAR_DOCS = ("RENSTRA", "RENJA", "LKIPY") * 2
YEAR_MIN_BLOCKS = 5
YEAR_DOC_TYPES = {"RENSTRA": "UNKNOWN", "RENJA": "RKT", "LKIPY": "LAKIP", "RAKQ": "RAK"}


def document(i: int) -> tuple[str, R.Draw, dict]:
    """Draw, render and write document i; returns its name, draw and truth."""
    rng = random.Random(SEED * 1000 + i)
    per_year = i >= N_DOCS
    doc_type = YEAR_DOCS[i - N_DOCS] if per_year else R.DOC_TYPES[i % len(R.DOC_TYPES)]
    held_out = not per_year and random.Random(SEED + i).random() < HELD_OUT_SHARE
    d = R.draw_layout(rng, doc_type, held_out)
    d = replace(d, rules=R.RULES[(i // len(R.DOC_TYPES)) % len(R.RULES)])
    if per_year:
        d = replace(d, rules=R.RULES[(i - N_DOCS) % len(R.RULES)], landscape=True,
                    n_blocks=max(d.n_blocks, YEAR_MIN_BLOCKS))
    c = content_for(rng, d.n_blocks, jumlah=rng.random() < 0.5)
    name = f"L{i:02d}_{doc_type.lower()}_{d.rules}"
    G.PAGES.clear()
    story, truth_fn = BUILDERS[doc_type](c, d, rng)
    n_pages = G.build(OUT / f"{name}.pdf", story, landscape(A4) if d.landscape else A4)
    truth = {"document": {"satker": c.satker, "year": c.year, "doc_type": YEAR_DOC_TYPES.get(doc_type, doc_type),
                          "n_pages": n_pages},
             "layout": {"class": "per_year" if per_year else d.layout_class, **asdict(d)}, "held_out": held_out, **truth_fn()}
    return name, d, truth


def _target_key(row: dict) -> tuple:
    """A target printed again with the same value is one truth row (a restatement; case folded, as
    CONTRACT's one row per restated target), the same indicator printed with another value is
    two (a PK's rows 4 and 12: 90% and 80%). Like corpus/generate.py's key it holds target_raw;
    unlike it, text is case folded and a missing kegiatan counts as ""."""
    return tuple((row[k] or "").lower() for k in ("sasaran", "indikator", "kegiatan")) + (row["target_raw"],)


def main(argv: list[str]) -> int:
    (OUT / "truth").mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(N_DOCS + len(YEAR_DOCS)):
        name, d, truth = document(i)
        made.append((name, truth))
    for name, truth in made:
        truth["scans"] = layouts_scans.plan_for(name, [n for n, _ in made])
        (OUT / "truth" / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                    encoding="utf-8")
        print(f"{name}: {truth['document']['n_pages']} pages; " + ", ".join(
            f"{k}={len(truth[k])}" for k in ("pagu", "realisasi", "targets", "schedule")))
    if "--no-scans" not in argv:
        layouts_scans.make_all(OUT, made)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
