#!/usr/bin/env python
"""(Re)write every corpus/<name>.pdf and corpus/truth/<name>.json from corpus/specs.py.

    python corpus/generate.py            # all documents
    python corpus/generate.py NAME ...   # only these

Output is byte-for-byte deterministic (reportlab invariant mode).  Truth rows are derived from the
specs by the rules of corpus/TRUTH.md; the page of every row is recorded while the PDF is drawn
(each tagged Paragraph notes the page it lands on), so truth pages always match the PDF.
"""
from __future__ import annotations

import difflib
import json
import re
import sys
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1  # fixed document ID and dates -> stable bytes

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import (KeepTogether, PageBreak, Paragraph, SimpleDocTemplate,  # noqa: E402
                                Spacer, Table, TableStyle)

HERE = Path(__file__).resolve().parent
pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
sys.path.insert(0, str(HERE))
import specs as S  # noqa: E402

# ------------------------------------------------------------------------------------------------
# page registry: tagged paragraphs note the first page they are drawn on
# ------------------------------------------------------------------------------------------------
PAGES: dict[str, int] = {}


class TagPara(Paragraph):
    def __init__(self, text, style, tags=()):
        super().__init__(text, style)
        self.tags = (tags,) if isinstance(tags, str) else tuple(tags)

    def draw(self):
        page = self.canv.getPageNumber()
        for t in self.tags:
            PAGES[t] = min(PAGES.get(t, page), page)
        super().draw()


def page_of(*tags) -> int:
    found = [PAGES[t] for t in tags if t in PAGES]
    if not found:
        raise KeyError(f"none of the tags {tags} was drawn")
    return min(found)


# ------------------------------------------------------------------------------------------------
# styles
# ------------------------------------------------------------------------------------------------
def st(name, size=7, bold=False, align=0, leading=None, **kw):
    return ParagraphStyle(name, fontName="Helvetica-Bold" if bold else "Helvetica", fontSize=size,
                          leading=leading or size * 1.2, alignment=align, **kw)


CELL = st("cell", 6.5)
CELL_B = st("cellb", 6.5, bold=True)
CELL_C = st("cellc", 6.5, align=TA_CENTER)
CELL_HB = st("cellhb", 6, bold=True, align=TA_CENTER)
CELL_M = st("cellm", 5.5, align=TA_CENTER)
CELL_R = st("cellr", 6.5, align=TA_RIGHT)
CELL8 = st("cell8", 8)
CELL8_B = st("cell8b", 8, bold=True)
CELL8_C = st("cell8c", 8, align=TA_CENTER)
CELL8_HB = st("cell8hb", 8, bold=True, align=TA_CENTER)
CELL8_R = st("cell8r", 8, align=TA_RIGHT)
TITLE = st("title", 12, bold=True, align=TA_CENTER, leading=15, keepWithNext=1)
TITLE_BIG = st("titlebig", 20, bold=True, align=TA_CENTER, leading=26)
HEAD = st("head", 10, bold=True, leading=13, spaceBefore=6, spaceAfter=4, keepWithNext=1)
BODY = st("body", 9.5, align=TA_JUSTIFY, leading=13, spaceAfter=5)
BODY_L = st("bodyl", 9.5, leading=13, spaceAfter=3)
SIGN = st("sign", 9, align=TA_CENTER, leading=12)
INFO = st("info", 9, leading=12)

GRID = [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
HEADER_BG = colors.Color(0.87, 0.87, 0.87)


def P(text, style=CELL, tags=()):
    # the bullet is drawn in Vera (shipped with reportlab, embedded with a ToUnicode map) because
    # the standard Helvetica encoding makes pdfplumber read it as (cid:127)
    text = text.replace("\u2022", '<font name="Vera">\u2022</font>')
    return TagPara(text, style, tags) if tags else Paragraph(text, style)


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def bullets(items):
    if len(items) == 1:
        return esc(items[0])
    return "<br/>".join("\u2022 " + esc(i) for i in items)


def build(path: Path, story, pagesize):
    counter = {"n": 0}

    def on_page(canv, doc):
        counter["n"] = max(counter["n"], canv.getPageNumber())

    margin = 20 if pagesize[0] > pagesize[1] else 40
    doc = SimpleDocTemplate(str(path), pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                            topMargin=28, bottomMargin=28, invariant=1,
                            title=path.stem, author="kpu-extract corpus", creator="kpu-extract corpus/generate.py")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return counter["n"]


# ------------------------------------------------------------------------------------------------
# parsing helpers (the TRUTH.md conventions)
# ------------------------------------------------------------------------------------------------
def money(s: str | None) -> int | None:
    if s is None:
        return None
    t = re.sub(r"(?i)^rp\.?\s*", "", s.strip())
    if t in ("", "-"):
        return None
    digits = re.sub(r"[.,]", "", t)
    if not digits.isdigit():
        raise ValueError(f"not an amount: {s!r}")
    return int(digits)


def pct(s: str | None) -> float | None:
    if s is None or s.strip() in ("", "-"):
        return None
    return float(s.strip().rstrip("%").replace(",", "."))


UNIT_MAP = {"satker": "satker", "lap": "laporan", "laporan": "laporan", "dokumen": "dokumen",
            "kali": "kali", "kegiatan": "kegiatan", "orang": "orang"}


def parse_target(raw: str) -> dict:
    raw = raw.strip()
    out = {"target_raw": raw, "target_value": None, "target_unit": None, "target_grade": None}
    m = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*%", raw)
    if m:
        out.update(target_value=float(m.group(1).replace(",", ".")), target_unit="%")
        return out
    if re.fullmatch(r"[A-E][+-]?", raw):
        out.update(target_unit="nilai", target_grade=raw)
        return out
    m = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s+([A-Za-z]+)", raw)
    if m:
        unit = m.group(2).lower()
        out.update(target_value=float(m.group(1).replace(",", ".")), target_unit=UNIT_MAP.get(unit, unit))
        return out
    raise ValueError(f"target not covered by the rules: {raw!r}")


def canon_pelaksana(raw: str) -> str:
    if raw not in S.PELAKSANA_CANON:
        raise KeyError(f"pelaksana {raw!r} has no canonical unit in specs.PELAKSANA_CANON")
    return S.PELAKSANA_CANON[raw]


def target_row(page, sasaran, indikator, kegiatan, raw, realisasi=None, capaian=None):
    return {"page": page, "sasaran": sasaran, "indikator": indikator, "kegiatan": kegiatan,
            **parse_target(raw), "realisasi_value": realisasi, "capaian_pct": capaian}


def pagu_row(page, level, kode, program, uraian, pagu, pelaksana, source):
    return {"page": page, "level": level, "kode": kode, "program": program, "uraian": uraian,
            "pagu": pagu, "pelaksana": pelaksana, "source": source}


def dedupe(rows, key):
    seen, out = set(), []
    for r in rows:
        k = key(r)
        if k in seen:
            continue
        seen.add(k)
        out.append(r)
    return out


def schedule_rows(plans):
    """plans: list of (page, kegiatan, {month: detail}) in document order; merged per kegiatan."""
    merged: dict[str, list] = {}
    for page, keg, plan in plans:
        if not plan:
            continue
        if keg in merged:
            m = merged[keg]
            m[0] = min(m[0], page)
            for mon, det in plan.items():
                m[1].setdefault(mon, det)
        else:
            merged[keg] = [page, dict(plan)]
    rows = []
    for keg, (page, plan) in merged.items():
        for mon in range(1, 13):
            rows.append({"page": page, "kegiatan": keg, "month": mon, "planned": mon in plan,
                         "detail": plan.get(mon)})
    return rows


def signature(lines, name, extra=None, width=250):
    body = "<br/>".join(esc(x) for x in lines) + "<br/><br/><br/><br/><b>" + esc(name) + "</b>"
    if extra:
        body += "<br/>" + esc(extra)
    t = Table([[Paragraph(body, SIGN)]], colWidths=[width], hAlign="RIGHT")
    return t


# ================================================================================================
# RAK Kabupaten Serang 2023
# ================================================================================================
def rak_table(spec: dict, h0: list[str], schedule_labels: list[str], schedule_cells, pelaksana_index: int,
              col_widths: list[float]) -> Table:
    """A RAK table: two header rows (the schedule group spans its columns), the column-number row,
    NO/SASARAN/INDIKATOR/TARGET merged over each sasaran's kegiatan rows, repeated on every page."""
    n, k = len(h0), len(schedule_labels)
    h1 = [""] * 6 + schedule_labels + ["", ""]
    data = [[P(x, CELL_HB) if x else "" for x in h0], [P(x, CELL_HB) if x else "" for x in h1],
            [P(f"({i})", CELL_C) for i in range(1, n + 1)]]
    style = list(GRID) + [("BACKGROUND", (0, 0), (-1, 1), HEADER_BG), ("SPAN", (6, 0), (5 + k, 0)),
                          ("VALIGN", (0, 0), (-1, 1), "MIDDLE")]
    style += [("SPAN", (c, 0), (c, 1)) for c in list(range(6)) + [n - 2, n - 1]]
    for si, sas in enumerate(spec["sasaran"]):
        start = len(data)
        for ki, kegiatan in enumerate(sas["kegiatan"]):
            keg, tk, plan, biaya = kegiatan[:4]
            first = ki == 0
            row = [P(str(sas["no"]), CELL_C) if first else "",
                   P(esc(sas["sasaran"]), CELL, f"rak:sas:{si}") if first else "",
                   P(esc(sas["indikator"]), CELL, f"rak:ind:{si}") if first else "",
                   P(sas["target"], CELL_C) if first else "",
                   P(esc(keg), CELL, f"rak:keg:{si}:{ki}"), P(tk, CELL_C)]
            row += [P(x, CELL_C) if x else "" for x in schedule_cells(plan)]
            row += [P(biaya, CELL_R), P(esc(kegiatan[pelaksana_index]), CELL)]
            data.append(row)
        end = len(data) - 1
        if end > start:
            style += [("SPAN", (c, start), (c, end)) for c in range(4)]
    table = Table(data, colWidths=col_widths, repeatRows=3)
    table.setStyle(TableStyle(style))
    return table


def quarter_cells(plan):
    cells = []
    for q in range(4):
        ms = [m for m in range(3 * q + 1, 3 * q + 4) if m in plan]
        if not ms:
            cells.append("")
        elif len(ms) == 1:
            cells.append(f"B{ms[0]}")
        else:
            assert ms == list(range(ms[0], ms[-1] + 1))
            cells.append(f"B{ms[0]}-B{ms[-1]}")
    return cells


def rak_serang(spec):
    story = []
    title = [P(esc(t), TITLE) for t in spec["title"]]
    # ---------------- monthly table
    h0 = ["NO", "SASARAN PROGRAM/KEGIATAN", "INDIKATOR KINERJA", "TARGET INDIKATOR KINERJA", "KEGIATAN/AKSI",
          "TARGET KEGIATAN/ AKSI", "Pelaksanaan Kegiatan Bulanan"] + [""] * 11 + ["PERKIRAAN BIAYA", "PELAKSANAAN"]
    t = rak_table(spec, h0, [f"B{m}" for m in range(1, 13)],
                  lambda plan: [plan.get(m, "") for m in range(1, 13)], pelaksana_index=4,
                  col_widths=[18, 82, 104, 40, 104, 40] + [25] * 12 + [60, 54])
    story += title + [Spacer(1, 8), t, Spacer(1, 10)]
    story.append(program_box(spec))
    story += [Spacer(1, 10), signature([spec["place_date"], spec["signer_title"]], spec["signer"], spec["signer_nip"])]
    # ---------------- quarterly table
    story.append(PageBreak())
    h0 = ["NO", "SASARAN PROGRAM/KEGIATAN", "INDIKATOR KINERJA", "TARGET INDIKATOR KINERJA", "NAMA KEGIATAN/AKSI",
          "TARGET KEGIATAN/ AKSI", "Pelaksanaan Kegiatan Triwulan", "", "", "", "PAGU ANGGARAN", "PELAKSANAAN"]
    t = rak_table(spec, h0, ["I", "II", "III", "IV"], quarter_cells, pelaksana_index=5,
                  col_widths=[18, 110, 150, 40, 150, 40] + [45] * 4 + [64, 50])
    story += title + [Spacer(1, 8), t, Spacer(1, 10), program_box(spec), Spacer(1, 10)]
    left = Paragraph("<br/>".join(spec["approver_title"]) + "<br/><br/><br/><br/><b>" + spec["approver"] + "</b>", SIGN)
    right = Paragraph("<br/>".join([spec["place_date"], spec["signer_title"]]) + "<br/><br/><br/><br/><b>"
                      + spec["signer"] + "</b><br/>" + spec["signer_nip"], SIGN)
    story.append(KeepTogether(Table([[left, "", right]], colWidths=[250, 300, 250])))

    def truth():
        pagu, targets, plans = [], [], []
        for si, sas in enumerate(spec["sasaran"]):
            targets.append(target_row(page_of(f"rak:ind:{si}"), sas["sasaran"], sas["indikator"], None, sas["target"]))
            for ki, (keg, tk, plan, biaya, pel_m, pel_q) in enumerate(sas["kegiatan"]):
                pg = page_of(f"rak:keg:{si}:{ki}")
                assert canon_pelaksana(pel_m) == canon_pelaksana(pel_q), keg
                targets.append(target_row(pg, sas["sasaran"], sas["indikator"], keg, tk))
                plans.append((pg, keg, plan))
                if money(biaya) is not None:
                    pagu.append(pagu_row(pg, "kegiatan", None, None, keg, money(biaya), canon_pelaksana(pel_m), "table"))
        for i, (no, prog, amount) in enumerate(spec["programs"]):
            pagu.append(pagu_row(page_of(f"rak:prog:{i}"), "program", None, prog, prog, money(amount), None, "table"))
        targets = dedupe(targets, lambda r: (r["sasaran"], r["indikator"], r["kegiatan"], r["target_raw"]))
        return {"pagu": pagu, "realisasi": [], "targets": targets, "schedule": schedule_rows(plans), "checks": []}

    return story, landscape(A4), truth


def program_box(spec):
    data = [[P("No", CELL8_HB), P("Program", CELL8_HB), P("Anggaran", CELL8_HB)]]
    for i, (no, prog, amount) in enumerate(spec["programs"]):
        data.append([P(str(no), CELL8_C), P(esc(prog), CELL8, f"rak:prog:{i}"), P(amount, CELL8_R)])
    t = Table(data, colWidths=[25, 300, 110], hAlign="LEFT")
    t.setStyle(TableStyle(GRID + [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]))
    return t


# ================================================================================================
# RAK Kabupaten Tabanan 2023
# ================================================================================================
def tabanan_title(spec):
    info = Table([[P("NAMA/UNIT ORGANISASI", INFO), P(":", INFO), P(esc(spec["unit"]), INFO)],
                  [P("TAHUN", INFO), P(":", INFO), P(spec["tahun"], INFO)]],
                 colWidths=[130, 10, 400], hAlign="LEFT")
    info.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    return [P(spec["title"], TITLE), Spacer(1, 6), info, Spacer(1, 6)]


def rak_tabanan(spec):
    story = tabanan_title(spec)
    # ---------------- table 1 (with INDIKATOR)
    h0 = ["NO.", "SASARAN PROGRAM/KEGIATAN", "INDIKATOR KINERJA", "TARGET", "KEGIATAN YANG AKAN DILAKSANAKAN",
          "RENCANA PELAKSANAAN"] + [""] * 11 + ["PERKIRAAN BIAYA", "PELAKSANA"]
    h1 = [""] * 5 + [f"B{m}" for m in range(1, 13)] + ["", ""]
    data = [[P(x, CELL_HB) if x else "" for x in h0], [P(x, CELL_HB) if x else "" for x in h1]]
    style = list(GRID) + [("BACKGROUND", (0, 0), (-1, 1), HEADER_BG), ("SPAN", (5, 0), (16, 0)),
                          ("VALIGN", (0, 0), (-1, 1), "MIDDLE")]
    style += [("SPAN", (c, 0), (c, 1)) for c in list(range(5)) + [17, 18]]
    for gi, grp in enumerate(spec["table1"]):
        start = len(data)
        for ri, r in enumerate(grp["rows"]):
            first = ri == 0
            row = [P(str(grp["no"]), CELL_C) if first else "",
                   P(esc(grp["sasaran"]), CELL, f"tab1:sas:{gi}") if first else "",
                   P(esc(r["indikator"]), CELL, f"tab1:row:{gi}:{ri}"), P(r["target"], CELL_C),
                   P(bullets(r["kegiatan"]), CELL, f"tab1:row:{gi}:{ri}")]
            row += [P(r["plan"][m], CELL_M) if m in r["plan"] else "" for m in range(1, 13)]
            row += [P(r["biaya"], CELL_R) if r["biaya"] else "", P(esc(r["pelaksana"]), CELL)]
            data.append(row)
        end = len(data) - 1
        if end > start:
            style += [("SPAN", (c, start), (c, end)) for c in range(2)]
    t = Table(data, colWidths=[18, 76, 92, 36, 130] + [28] * 12 + [60, 54], repeatRows=2)
    t.setStyle(TableStyle(style))
    story += [t, PageBreak()]
    # ---------------- table 2 (no INDIKATOR column)
    story += tabanan_title(spec)
    h0 = ["NO.", "SASARAN PROGRAM/KEGIATAN", "TARGET", "KEGIATAN YANG AKAN DILAKSANAKAN",
          "RENCANA PELAKSANAAN"] + [""] * 11 + ["PERKIRAAN BIAYA", "PELAKSANA"]
    h1 = [""] * 4 + [f"B{m}" for m in range(1, 13)] + ["", ""]
    data = [[P(x, CELL_HB) if x else "" for x in h0], [P(x, CELL_HB) if x else "" for x in h1]]
    style = list(GRID) + [("BACKGROUND", (0, 0), (-1, 1), HEADER_BG), ("SPAN", (4, 0), (15, 0)),
                          ("VALIGN", (0, 0), (-1, 1), "MIDDLE")]
    style += [("SPAN", (c, 0), (c, 1)) for c in list(range(4)) + [16, 17]]
    for ri, r in enumerate(spec["table2"]):
        row = [P(str(ri + 1), CELL_C), P(esc(r["sasaran"]), CELL, f"tab2:row:{ri}"), P(r["target"], CELL_C),
               P(bullets(r["kegiatan"]), CELL, f"tab2:row:{ri}")]
        row += [P(r["plan"][m], CELL_M) if m in r["plan"] else "" for m in range(1, 13)]
        row += [P(r["biaya"], CELL_R) if r["biaya"] else "", P(esc(r["pelaksana"]), CELL)]
        data.append(row)
    t = Table(data, colWidths=[18, 104, 40, 186] + [28] * 12 + [50, 68], repeatRows=2)
    t.setStyle(TableStyle(style))
    story.append(t)

    def truth():
        pagu, targets, plans = [], [], []
        for gi, grp in enumerate(spec["table1"]):
            for ri, r in enumerate(grp["rows"]):
                pg = page_of(f"tab1:row:{gi}:{ri}")
                targets.append(target_row(pg, grp["sasaran"], r["indikator"], None, r["target"]))
                plans += [(pg, k, r["plan"]) for k in r["kegiatan"]]
                if money(r["biaya"]) is not None:
                    uraian = "; ".join(r["kegiatan"])
                    pagu.append(pagu_row(pg, "kegiatan", None, None, uraian, money(r["biaya"]),
                                         canon_pelaksana(r["pelaksana"]), "table"))
        for ri, r in enumerate(spec["table2"]):
            pg = page_of(f"tab2:row:{ri}")
            targets.append(target_row(pg, r["sasaran"], None, None, r["target"]))
            plans += [(pg, k, r["plan"]) for k in r["kegiatan"]]
            canon_pelaksana(r["pelaksana"])
            if money(r["biaya"]) is not None:
                uraian = "; ".join(r["kegiatan"])
                pagu.append(pagu_row(pg, "kegiatan", None, None, uraian, money(r["biaya"]),
                                     canon_pelaksana(r["pelaksana"]), "table"))
        targets = dedupe(targets, lambda r: (r["sasaran"], r["indikator"], r["kegiatan"], r["target_raw"]))
        return {"pagu": pagu, "realisasi": [], "targets": targets, "schedule": schedule_rows(plans), "checks": []}

    return story, landscape(A4), truth


# ================================================================================================
# RKT Kota Serang 2021
# ================================================================================================
def rkt_serang(spec):
    story = [P(esc(t), TITLE) for t in spec["title"]] + [Spacer(1, 8)]
    hdr = ["Program Kegiatan", "Sasaran", "Indikator", "keluaran/output", "Uraian kegiatan",
           "Perkiraan kebutuhan Anggaran", "KET"]
    data = [[P(x, CELL8_HB) for x in hdr]]
    style = list(GRID) + [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
    for i, r in enumerate(spec["rows"]):
        ri = len(data)
        if r[0] in ("P", "K", "O"):
            data.append([P(esc(r[1]), CELL8_B, f"rkt:grp:{i}")] + [""] * 6)
            style.append(("SPAN", (0, ri), (-1, ri)))
        else:
            _, sas, ind, out, ur, amt = r
            data.append(["", P(esc(sas), CELL8), P(esc(ind), CELL8), P(esc(out), CELL8),
                         P(esc(ur), CELL8, f"rkt:line:{i}"), P(amt, CELL8_R), ""])
    ri = len(data)
    label, amount = spec["total"]
    data.append([P(label, CELL8_B, "rkt:total")] + [""] * 4 + [P(amount, st("tb", 8, bold=True, align=TA_RIGHT)), ""])
    style.append(("SPAN", (0, ri), (4, ri)))
    t = Table(data, colWidths=[70, 150, 170, 130, 170, 70, 42], repeatRows=1)
    t.setStyle(TableStyle(style))
    story += [t, Spacer(1, 14),
              signature([spec["place_date"]] + spec["signer_lines"], spec["signer"])]

    def truth():
        pagu, program = [], None
        total_lines = 0
        for i, r in enumerate(spec["rows"]):
            if r[0] == "P":
                program = S.PROGRAM_CODES[r[2]]
            elif r[0] == "L":
                amt = money(r[5])
                total_lines += amt
                pagu.append(pagu_row(page_of(f"rkt:line:{i}"), "item", None, program, r[4], amt, None, "table"))
        total = money(spec["total"][1])
        pagu.append(pagu_row(page_of("rkt:total"), "total", None, None, spec["total"][0], total, None, "table"))
        checks = [{"check": "sum_children", "scope": "JUMLAH ANGGARAN", "expected": str(total),
                   "found": str(total_lines), "status": "ok" if total == total_lines else "mismatch"}]
        return {"pagu": pagu, "realisasi": [], "targets": [], "schedule": [], "checks": checks}

    return story, landscape(A4), truth


# ================================================================================================
# PK Kota Serang 2022
# ================================================================================================
def pk_table(rows, tagp):
    data = [[P(x, CELL8_HB) for x in ["NO", "SASARAN PROGRAM", "INDIKATOR KINERJA", "TARGET"]],
            [P(f"({i})", CELL8_C) for i in range(1, 5)]]
    for i, (sas, ind, tgt) in enumerate(rows):
        data.append([P(str(i + 1), CELL8_C), P(esc(sas), CELL8, f"{tagp}:{i}"), P(esc(ind), CELL8, f"{tagp}:{i}"),
                     P(tgt, CELL8_C)])
    t = Table(data, colWidths=[25, 170, 250, 60], repeatRows=2)
    t.setStyle(TableStyle(GRID + [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]))
    return t


def pk_serang(spec):
    story = [P("<br/>".join(spec["statement_title"]), TITLE), Spacer(1, 14)]
    story += [P(x, BODY) for x in spec["statement"]]
    story += [Spacer(1, 10), sign_pair(spec), PageBreak()]
    story += [P("<br/>".join(spec["title"]), TITLE), Spacer(1, 10), pk_table(spec["rows"], "pk:row"), Spacer(1, 16),
              sign_pair(spec)]

    def truth():
        targets = [target_row(page_of(f"pk:row:{i}"), s, ind, None, t) for i, (s, ind, t) in enumerate(spec["rows"])]
        return {"pagu": [], "realisasi": [], "targets": targets, "schedule": [], "checks": []}

    return story, A4, truth


def sign_pair(spec):
    left = Paragraph("<br/>".join(spec["pihak_kedua"]) + "<br/><br/><br/><br/><b>" + spec["pihak_kedua_name"] + "</b>", SIGN)
    right = Paragraph(spec["place_date"] + "<br/>" + "<br/>".join(spec["pihak_pertama"]) + "<br/><br/><br/><br/><b>"
                      + spec["pihak_pertama_name"] + "</b>", SIGN)
    return KeepTogether(Table([[left, right]], colWidths=[250, 250]))


# ================================================================================================
# LAKIP Kota Serang 2022
# ================================================================================================
def cover(lines):
    out = [Spacer(1, 180)]
    for x in lines:
        out += [P(esc(x), TITLE_BIG), Spacer(1, 10)]
    return out + [PageBreak()]


def lakip_serang(spec):
    story = cover(spec["cover"])
    story += [P("KATA PENGANTAR", TITLE), Spacer(1, 8)] + [P(x, BODY) for x in spec["kata_pengantar"]]
    story += [Spacer(1, 8), P("IKHTISAR EKSEKUTIF", TITLE), Spacer(1, 8)] + [P(x, BODY) for x in spec["ikhtisar"]]
    story += [PageBreak(), P("BAB I PENDAHULUAN", TITLE), P("A. Latar Belakang", HEAD)]
    story += [P(x, BODY) for x in spec["bab1"]]
    story += [P("BAB II PERENCANAAN DAN PERJANJIAN KINERJA", TITLE), P("A. Rencana Strategis 2020 - 2024", HEAD)]
    story += [P(x, BODY) for x in spec["bab2_intro"][:1]]
    story += [P("B. Rencana Kinerja Tahunan 2022", HEAD), P(spec["bab2_intro"][1], BODY),
              P("<br/>".join(spec["rkt_title"]), st("t2", 9, bold=True, align=TA_CENTER, leading=11)), Spacer(1, 4)]
    hdr = ["SASARAN PROGRAM", "INDIKATOR KINERJA", "TARGET", "KEGIATAN", "ANGGARAN"]
    data = [[P(x, CELL8_HB) for x in hdr], [P(f"({i})", CELL8_C) for i in range(1, 6)]]
    for i, (sas, ind, tgt, keg, ang, *_r) in enumerate(spec["rows"]):
        data.append([P(esc(sas), CELL8, f"lk:row:{i}"), P(esc(ind), CELL8, f"lk:row:{i}"), P(tgt, CELL8_C),
                     P(esc(keg), CELL8, f"lk:keg:{i}"), P(ang, CELL8_R)])
    t = Table(data, colWidths=[130, 170, 45, 110, 60], repeatRows=2)
    t.setStyle(TableStyle(GRID + [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]))
    story += [t, Spacer(1, 8), P("C. Perjanjian Kinerja Tahun 2022", HEAD), P(spec["pk_intro"], BODY),
              P("<br/>".join(spec["pk_title"]), st("t3", 9, bold=True, align=TA_CENTER, leading=11)), Spacer(1, 4),
              pk_table([(s, i, t) for (s, i, t, *_r) in spec["rows"]], "lk:row")]
    story += [PageBreak(), P("BAB III AKUNTABILITAS KINERJA", TITLE), P("A. Pengukuran Capaian Kinerja", HEAD)]
    story += [P(x, BODY) for x in spec["bab3_intro"]]
    story += [P(spec["pengukuran_title"], st("t4", 9, bold=True, align=TA_CENTER, leading=11)), Spacer(1, 4)]
    hdr = ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET", "REALISASI", "CAPAIAN"]
    data = [[P(x, CELL8_HB) for x in hdr]]
    for i, (sas, ind, tgt, _k, _a, real, cap) in enumerate(spec["rows"]):
        data.append([P(str(i + 1), CELL8_C), P(esc(sas), CELL8, f"lk:row:{i}"), P(esc(ind), CELL8, f"lk:row:{i}"),
                     P(tgt, CELL8_C), P(real, CELL8_C), P(cap, CELL8_C)])
    t = Table(data, colWidths=[22, 130, 190, 45, 55, 55], repeatRows=1)
    t.setStyle(TableStyle(GRID + [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]))
    story += [t, P("B. Evaluasi dan Analisis Capaian Kinerja", HEAD)]
    story += [P(x, BODY) for x in spec["evaluasi"]]
    story += [P("C. Akuntabilitas Keuangan", HEAD), P(spec["keuangan_sentence"], BODY, "lk:total")]
    data = [[P(x, CELL8_HB) for x in ["Uraian", "Pagu", "Realisasi", "%"]]]
    for (u, pg, rl, pc) in spec["budget_rows"]:
        data.append([P(f"<b>{u}</b>", CELL8, "lk:total"), P(f"<b>{pg}</b>", CELL8_R), P(f"<b>{rl}</b>", CELL8_R),
                     P(f"<b>{pc}</b>", CELL8_R)])
    t = Table(data, colWidths=[200, 100, 100, 60], hAlign="LEFT")
    t.setStyle(TableStyle(GRID + [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]))
    story += [t, Spacer(1, 6), P("BAB IV PENUTUP", TITLE)] + [P(x, BODY) for x in spec["penutup"]]

    def truth():
        pagu, targets = [], []
        for i, (sas, ind, tgt, keg, ang, real, cap) in enumerate(spec["rows"]):
            pg = page_of(f"lk:row:{i}")
            targets.append(target_row(pg, sas, ind, None, tgt, pct(real), pct(cap)))
            if money(ang) is not None:
                pagu.append(pagu_row(page_of(f"lk:keg:{i}"), "kegiatan", None, None, keg, money(ang), None, "table"))
        bt = spec["budget_total"]
        # the sentence and the table state the same total
        u, pg_s, rl_s, pc_s = spec["budget_rows"][0]
        assert (money(pg_s), money(rl_s), pct(pc_s)) == (bt["pagu"], bt["realisasi"], bt["persen"])
        assert f"Rp. {pg_s}" in spec["keuangan_sentence"] and f"Rp. {rl_s}" in spec["keuangan_sentence"]
        tp = page_of("lk:total")
        pagu.append(pagu_row(tp, "total", None, None, bt["uraian"], bt["pagu"], None, "table+narrative"))
        realisasi = [{"page": tp, "level": "total", "kode": None, "program": None, "uraian": bt["uraian"],
                      "pagu": bt["pagu"], "realisasi": bt["realisasi"], "persen_reported": bt["persen"],
                      "source": "table+narrative"}]
        return {"pagu": pagu, "realisasi": realisasi, "targets": targets, "schedule": [], "checks": []}

    return story, A4, truth


# ================================================================================================
# Laporan Tahunan Kota Serang 2023
# ================================================================================================
def canon_kode(printed):
    if printed is None:
        return None
    if printed.startswith("076."):
        return "076.01." + printed.split(".")[-1]
    return printed


def level_of(kode, given):
    if kode is None:
        return given
    if kode.startswith("076."):
        return "program"
    return {2: "kegiatan", 3: "output", 4: "suboutput"}[len(kode.split("."))]


def budget_table(rows, tagp):
    data = [[P(x, CELL8_HB) for x in ["Uraian", "Pagu", "Realisasi", "%"]]]
    for i, (u, pg, rl, pc) in enumerate(rows):
        data.append([P(esc(u), CELL8, f"{tagp}:{i}"), P(pg, CELL8_R, f"{tagp}:{i}"), P(rl, CELL8_R), P(pc, CELL8_R)])
    t = Table(data, colWidths=[270, 80, 80, 40], hAlign="LEFT", repeatRows=1)
    t.setStyle(TableStyle(GRID + [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]))
    return t


def laptah_serang(spec):
    story = cover(spec["cover"])
    story += [P("KATA PENGANTAR", TITLE), Spacer(1, 8)] + [P(x, BODY) for x in spec["kata_pengantar"]]
    story += [Spacer(1, 8), signature(spec["kp_sign"][:2], spec["kp_sign"][2]), PageBreak()]
    story += [P("BAB I<br/>PENDAHULUAN", TITLE), Spacer(1, 6)] + [P(x, BODY) for x in spec["bab1"]]
    story += [P("BAB II<br/>STRUKTUR ORGANISASI", TITLE), P("A. Struktur Organisasi", HEAD)]
    story += [P(spec["bab2"][0], BODY)] + [P(x, BODY_L) for x in spec["bab2"][1:]]
    story += [P("B. Program dan Anggaran", HEAD),
              P(spec["prog_cq_heading"], HEAD), P(spec["prog_cq_sub"], BODY_L),
              P(spec["prog_cq_sentence"], BODY, "lt:narr:076.01.CQ"), budget_table(spec["table_cq"], "lt:tcq"),
              Spacer(1, 6), P(spec["prog_wa_heading"], HEAD), P(spec["prog_wa_sub"], BODY_L),
              P(spec["prog_wa_sentence"], BODY, "lt:narr:076.01.WA"), budget_table(spec["table_wa"], "lt:twa"),
              PageBreak(), P("BAB III<br/>CAPAIAN PRIORITAS", TITLE), Spacer(1, 6)]
    for i, (kp, lvl, marker, heading, pg, rl, pc, comma, tail, paras) in enumerate(spec["narrative"]):
        kode = canon_kode(kp)
        level = level_of(kode, lvl)
        indent = {"program": 0, "kegiatan": 10, "output": 22, "suboutput": 34}[level]
        hs = st(f"h{i}", 9.5, bold=True, leading=12.5, leftIndent=indent, spaceBefore=5, spaceAfter=2, keepWithNext=1)
        bs = st(f"b{i}", 9.5, align=TA_JUSTIFY, leading=12.5, leftIndent=indent, spaceAfter=3)
        story.append(P(f"{esc(marker)} {esc(heading)}" + (f" ({kp})" if kp else ""), hs))
        sent = (f"Alokasi anggarannya sebesar Rp. {pg}{',' if comma else ''} dengan realisasi sebesar Rp. {rl} "
                f"atau sebesar {pc}%{tail}")
        story.append(P(sent, bs, f"lt:node:{i}"))
        story += [P(esc(x), bs) for x in paras]
    story += [Spacer(1, 6), P("BAB IV<br/>PENUTUP", TITLE), Spacer(1, 4)] + [P(x, BODY) for x in spec["penutup"]]

    def truth():
        return laptah_truth(spec)

    return story, A4, truth


def _norm(s):
    s = re.sub(r"^(program|kegiatan)\s+", "", s.strip().lower())
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def laptah_truth(spec):
    # ---- narrative nodes
    nodes, program = [], None
    for i, (kp, lvl, _m, heading, pg, rl, pc, *_r) in enumerate(spec["narrative"]):
        kode = canon_kode(kp)
        level = level_of(kode, lvl)
        if level == "program":
            program = S.PROGRAM_CODES[kode]
        tags = [f"lt:node:{i}"] + ([f"lt:narr:{kode}"] if level == "program" else [])
        nodes.append(dict(kode=kode, level=level, program=program, heading=heading, n_pagu=money(pg),
                          n_real=money(rl), n_pct=pct(pc), tags=tags, table=None))
    # Bab II program sentences restate the program amounts: they must agree with the Bab III ones
    # for realisasi; the pagu of 076.01.WA differs (2.170.936.000 vs 2.159.443.000) and is one of
    # the disagreements recorded below.
    for key in ("prog_cq_sentence_values", "prog_wa_sentence_values"):
        kode, pg, rl, pc = spec[key]
        node = next(n for n in nodes if n["kode"] == kode)
        assert money(rl) == node["n_real"] and pct(pc) == node["n_pct"]
        node["bab2_pagu"] = money(pg)

    # ---- table rows matched to narrative kegiatan/program by amounts, then by name
    checks = []
    for tname, rows, tagp in (("cq", spec["table_cq"], "lt:tcq"), ("wa", spec["table_wa"], "lt:twa")):
        labels = [(i, re.sub(r"^[a-z]\.\s+", "", u)) for i, (u, *_r) in enumerate(rows) if u]
        cands = [n for n in nodes if n["level"] in ("program", "kegiatan") and n["table"] is None]
        matched = []
        for i, (u, pg, rl, pc) in enumerate(rows):
            if money(pg) is None:
                continue
            t = dict(pagu=money(pg), real=money(rl), pct=pct(pc), tag=f"{tagp}:{i}")
            label = re.sub(r"^[a-z]\.\s+", "", u)
            pool = [n for n in cands if n["table"] is None]
            hit = ([n for n in pool if (n["n_pagu"], n["n_real"]) == (t["pagu"], t["real"])]
                   or [n for n in pool if n["n_pagu"] == t["pagu"]]
                   or [n for n in pool if n["n_real"] == t["real"]]
                   or ([max(pool, key=lambda n: difflib.SequenceMatcher(None, _norm(n["heading"]), _norm(label)).ratio())]
                       if label else []))
            assert len(hit) >= 1, (tname, i)
            node = hit[0]
            node["table"] = t
            matched.append(node)
        # label of each matched node: the printed table label that names it best
        for node in matched:
            li, lab = max(labels, key=lambda x: difflib.SequenceMatcher(None, _norm(node["heading"]), _norm(x[1])).ratio())
            node["uraian"] = lab
            node["tags"].append(f"{tagp}:{li}")
        # ---- reconcile table vs narrative values
        parent = next(n for n in matched if n["level"] == "program")
        kids = [n for n in matched if n["level"] == "kegiatan"]
        for field, nf in (("pagu", "n_pagu"), ("real", "n_real")):
            for node in matched:
                tv, nv = node["table"][field], node[nf]
                node["v_" + field] = tv
                if tv == nv:
                    continue
                status = "mismatch"
                if node is not parent:
                    others = sum(k["table"][field] for k in kids if k is not node)
                    if others + tv != parent["table"][field] and others + nv == parent["table"][field]:
                        status = "corrected"
                        node["v_" + field] = nv
                trusted = node["v_" + field]
                checks.append({"check": "table_vs_narrative",
                               "scope": f"{node['kode']} {'pagu' if field == 'pagu' else 'realisasi'}",
                               "expected": str(trusted), "found": str(nv if trusted == tv else tv),
                               "status": status,
                               "detail": ("table value replaced by the narrative value: the kegiatan then sum to "
                                          "the program total" if status == "corrected" else
                                          "table and narrative disagree; the table value is kept")})
    # the Bab II sentence for 076.01.WA states the table pagu; nothing else to record there.
    pagu, realisasi = [], []
    for n in nodes:
        page = page_of(*n["tags"])
        if n["table"] is not None:
            src, uraian = "table+narrative", n["uraian"]
            vp, vr, pc = n["v_pagu"], n["v_real"], n["table"]["pct"]
        else:
            src, uraian = "narrative", n["heading"]
            vp, vr, pc = n["n_pagu"], n["n_real"], n["n_pct"]
        pagu.append(pagu_row(page, n["level"], n["kode"], n["program"], uraian, vp, None, src))
        realisasi.append({"page": page, "level": n["level"], "kode": n["kode"], "program": n["program"],
                          "uraian": uraian, "pagu": vp, "realisasi": vr, "persen_reported": pc, "source": src})
    return {"pagu": pagu, "realisasi": realisasi, "targets": [], "schedule": [], "checks": checks}


# ================================================================================================
BUILDERS = {
    "rak_kab_serang_2023": (S.RAK_SERANG, rak_serang),
    "rak_kab_tabanan_2023": (S.RAK_TABANAN, rak_tabanan),
    "rkt_kota_serang_2021": (S.RKT_SERANG, rkt_serang),
    "pk_kota_serang_2022": (S.PK_SERANG, pk_serang),
    "lakip_kota_serang_2022": (S.LAKIP_SERANG, lakip_serang),
    "laptah_kota_serang_2023": (S.LAPTAH_SERANG, laptah_serang),
}


def generate(name):
    spec, fn = BUILDERS[name]
    PAGES.clear()
    story, pagesize, truth_fn = fn(spec)
    pdf = HERE / f"{name}.pdf"
    n_pages = build(pdf, story, pagesize)
    truth = {"document": {**spec["document"], "n_pages": n_pages}, **truth_fn()}
    out = HERE / "truth" / f"{name}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    counts = ", ".join(f"{k}={len(v)}" for k, v in truth.items() if isinstance(v, list))
    print(f"{name}: {n_pages} pages; {counts}")


def main(argv):
    names = argv or list(BUILDERS)
    for n in names:
        generate(n)


if __name__ == "__main__":
    main(sys.argv[1:])
