"""Layout draws and drawing helpers of the layout-variation corpus (see corpus/layouts.py)."""
from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate as G  # noqa: E402  (sets reportlab invariant mode, registers Vera)
import specs as S  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Spacer, Table, TableStyle  # noqa: E402

from layouts_content import Content  # noqa: E402

DOC_TYPES = ("RAK", "RAKQ", "RKT", "PK", "LAKIP", "LAPTAH")
RULES = ("grid", "none", "hrules", "headerbox")
FONTS = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}
AMOUNT_FORMATS = ("dots", "rp", "dash", "comma")
SCHEDULE_MARKS = ("M1-4", "minggu", "v", "check", "fill")
HEADERS = {  # role -> printed synonyms
    "no": ["NO", "No.", "No"],
    "sasaran": ["SASARAN", "SASARAN PROGRAM", "Sasaran Strategis", "SASARAN PROGRAM/KEGIATAN"],
    "indikator": ["INDIKATOR KINERJA", "Indikator", "Indikator Kinerja Kegiatan"],
    "target": ["Target", "Target Kinerja", "Target Indikator", "TARGET INDIKATOR KINERJA"],
    "kegiatan": ["KEGIATAN/AKSI", "Rencana Aksi", "Kegiatan/Aksi", "Uraian Kegiatan", "Kegiatan"],
    "target_kegiatan": ["TARGET KEGIATAN/AKSI", "Target Aksi"],
    "pagu": ["Anggaran", "Pagu", "Biaya", "Perkiraan Biaya", "Perkiraan Kebutuhan Anggaran (Rp)", "Alokasi",
             "Jumlah (Rp)"],
    "pelaksana": ["Pelaksana", "Penanggung Jawab", "PJ"],
    "months": ["Pelaksanaan Kegiatan Bulanan", "Jadwal Pelaksanaan", "Bulan", "Waktu Pelaksanaan (Bulan)"],
    "quarters": ["Pelaksanaan Kegiatan Triwulan", "Triwulan", "Target Triwulan"],
    "label": ["Program/Kegiatan/Output", "Program Kegiatan", "Uraian"],
    "output": ["Keluaran/Output", "Output", "Keluaran"],
    "uraian_kegiatan": ["Uraian Kegiatan", "Kegiatan", "Rencana Aksi"],
    "uraian": ["Uraian", "Program/Kegiatan", "Kegiatan"],
    "kode": ["Kode", "KODE", "Kode DIPA"],
    "realisasi": ["Realisasi", "Realisasi Anggaran"],
    "persen": ["%", "Persentase", "(%)"],
    "capaian": ["Capaian", "Capaian (%)", "% Capaian"],
}
MONTH_LABELS = (["B" + str(m) for m in range(1, 13)], [str(m) for m in range(1, 13)],
                ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"])
TOTAL_LABELS = ("JUMLAH", "TOTAL", "JUMLAH ANGGARAN", "Jumlah Anggaran")


@dataclass(frozen=True)
class Draw:
    """One document's layout: what the random draw chose (recorded in its truth file)."""

    doc_type: str
    rules: str
    landscape: bool
    font: str
    size: float
    amount_format: str
    number_row: bool
    repeat_header: bool
    upper_header: bool
    headers: dict
    tail_order: str  # 'pagu_first' | 'pelaksana_first'
    code_style: str  # 'column' | 'glued' | 'absent'
    group_bold: bool
    group_amounts: bool
    multi_kegiatan: bool
    target_kegiatan: bool
    schedule_mark: str
    month_labels: int
    n_blocks: int
    held_out: bool

    @property
    def layout_class(self) -> str:
        return self.rules


def draw_layout(rng: random.Random, doc_type: str, held_out: bool) -> Draw:
    code_style = rng.choice(("column", "glued", "absent"))
    group_bold = rng.random() < 0.5
    if code_style == "absent":  # without codes a group row must show itself some other way
        group_bold = True
    long_doc = rng.random() < 0.35
    return Draw(
        doc_type=doc_type, rules=rng.choice(RULES),
        landscape=doc_type in ("RAK", "RAKQ") or rng.random() < 0.5,
        font=rng.choice(tuple(FONTS)), size=rng.choice((6.5, 7.0, 8.0)),
        amount_format=rng.choice(AMOUNT_FORMATS), number_row=rng.random() < 0.5,
        repeat_header=rng.random() < 0.6, upper_header=rng.random() < 0.5,
        headers={role: rng.choice(options) for role, options in HEADERS.items()},
        tail_order=rng.choice(("pagu_first", "pelaksana_first")), code_style=code_style,
        group_bold=group_bold, group_amounts=rng.random() < 0.5, multi_kegiatan=rng.random() < 0.3,
        target_kegiatan=rng.random() < 0.4, schedule_mark=rng.choice(SCHEDULE_MARKS),
        month_labels=rng.randrange(len(MONTH_LABELS)),
        n_blocks=rng.randint(12, 18) if long_doc else rng.randint(3, 5), held_out=held_out)


# ------------------------------------------------------------------------------------------------
# drawing helpers
# ------------------------------------------------------------------------------------------------
class Styles:
    def __init__(self, d: Draw):
        bold = FONTS[d.font]
        self.cell = ParagraphStyle("c", fontName=d.font, fontSize=d.size, leading=d.size * 1.2)
        self.bold = ParagraphStyle("b", parent=self.cell, fontName=bold)
        self.center = ParagraphStyle("cc", parent=self.cell, alignment=TA_CENTER)
        self.right = ParagraphStyle("r", parent=self.cell, alignment=TA_RIGHT)
        self.right_bold = ParagraphStyle("rb", parent=self.right, fontName=bold)
        self.head = ParagraphStyle("h", parent=self.cell, fontName=bold, alignment=TA_CENTER)
        self.title = ParagraphStyle("t", fontName=bold, fontSize=11, leading=14, alignment=TA_CENTER)


def para(text: str, style, tags=()):
    text = G.esc(text).replace("\u2022", '<font name="Vera">\u2022</font>').replace(
        "\u221a", '<font name="Vera">\u221a</font>')
    return G.TagPara(text, style, tags) if tags else G.Paragraph(text, style)


def header_label(d: Draw, role: str) -> str:
    text = d.headers[role]
    return text.upper() if d.upper_header else text


def amount_text(d: Draw, value: int) -> str:
    dots = f"{value:,}".replace(",", ".")
    return {"dots": dots, "rp": f"Rp. {dots},00", "dash": f"{dots},-", "comma": f"{value:,}.00"}[d.amount_format]


def table_style(d: Draw, n_header: int, n_rows: int) -> list:
    base = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("VALIGN", (0, 0), (-1, n_header - 1), "MIDDLE")]
    if d.rules == "grid":
        return base + [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    if d.rules == "hrules":
        return base + [("LINEABOVE", (0, 0), (-1, 0), 0.7, colors.black),
                       ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.black)]
    if d.rules == "headerbox":
        return base + [("GRID", (0, 0), (-1, n_header - 1), 0.5, colors.black),
                       ("LINEBELOW", (0, n_rows - 1), (-1, n_rows - 1), 0.5, colors.black)]
    return base


def widths(d: Draw, weights: list[float]) -> list[float]:
    page_w = (landscape(A4) if d.landscape else A4)[0] - (40 if d.landscape else 80)
    return [page_w * w / sum(weights) for w in weights]


def title_block(d: Draw, c: Content, st: Styles, lines: list[str]) -> list:
    return [para(t, st.title) for t in lines] + [Spacer(1, 8)]


def signature(c: Content, st: Styles) -> list:
    return [Spacer(1, 12), G.signature([f"{c.city}, 15 Januari {c.year}", "Sekretaris"], c.signer)]


