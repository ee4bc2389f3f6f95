"""Pagu and realisasi stated in sentences, under headings that carry DIPA codes.

'Perencanaan dan Penganggaran Pemilu (CQ.6709.QGE.001)' followed by 'Alokasi anggarannya
sebesar Rp. 852.312.000 dengan realisasi sebesar Rp. 851.584.516 atau sebesar 99.91%'.
The level comes from the depth of the code; a heading without a code sits one level below
the heading before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.model import Document
from .drafts import BudgetDraft, Drafts, ReviewDraft
from .reasons import Reason
from .rows import TOTAL_LABEL
from .tables import program_name
from .values import UnparsedValue, parse_percent, parse_rupiah
from .vocabulary import Vocabulary

LEVELS = ("program", "kegiatan", "output", "suboutput")
_AMOUNT = r"Rp\.?\s*[\d.,]*\d(?:,-)?"  # 'Rp. 2.953.803.000,-' too
_PCT = r"\d{1,3}(?:[.,]\d{1,2})?"
# '%' as printed, and as Tesseract reads a lone '%' at the start of a line ('Yo', 'o/o', '°o').
_PERCENT_SIGN = r"(?:%|Yo\b|o/o|°o)"
# 'Alokasi anggarannya sebesar Rp. X, dengan realisasi sebesar Rp. Y atau sebesar Z%' and
# 'dengan anggaran sebesar Rp. X dan realisasi sebesar Rp. Y atau Z%'.
_PAGU_REAL = re.compile(
    rf"anggaran(?:nya)?\s+sebesar\s+(?P<pagu>{_AMOUNT})\s*,?\s*(?:dengan|dan)\s+realisasi\s+sebesar\s+"
    rf"(?P<real>{_AMOUNT})\s*,?\s*atau\s+(?:sebesar\s+)?(?P<pct>{_PCT})\s*{_PERCENT_SIGN}", re.I)
# LAKIP: 'Pagu Anggaran sebesar Rp. X, tingkat persentase realisasi anggaran Tahun 2022 sebesar
# 96,69%, atau sebesar Rp. Y'.
_PAGU_PCT_REAL = re.compile(
    rf"pagu\s+anggaran\s+sebesar\s+(?P<pagu>{_AMOUNT})\s*,?\s*tingkat\s+persentase\s+realisasi\s+anggaran"
    rf"(?:\s+tahun\s+\d{{4}})?\s+sebesar\s+(?P<pct>{_PCT})\s*{_PERCENT_SIGN}\s*,?\s*atau\s+sebesar\s+(?P<real>{_AMOUNT})", re.I)
_CODE = r"(?:076\.(?:01\.)?(?:CQ|WA)|(?:CQ|WA)\.\d{4}(?:\.[A-Z]{3}(?:\.\d{3})?)?)"
_HEADING = re.compile(rf"(?P<title>[^\n()]{{3,240}}?)\s*\((?P<code>{_CODE})\)", re.S)
_LIST_ITEM = re.compile(r"^[\-•➤>*·▪]|^(?:[A-Za-z]|\d{1,2})[.)]\s")
_MARKER = re.compile(r"^[\s\-•➤>*·▪]*(?:(?:[A-Za-z]|\d{1,2})[.)]\s+)?[\s*]*")  # '- a. **Title' -> 'Title'
# A line that ends a sentence or a heading (so the next line starts something new).
_LINE_END = re.compile(r"[.:;!?%)]\**$")
# A budget list in running text (a PK's programs under its target table, no rules, no header):
# 'Peningkatan Produksi Pertanian (APBD)   Rp. 30.903.396.770,-', one item a line, the name
# wrapped onto at most LIST_WRAP lines below; only as a run of at least LIST_MIN_ITEMS such lines.
_LIST_LINE = re.compile(r"^(?:\d{1,2}[.)]\s*)?(?P<name>[^\d\n][^\n]*?)\s*"
                        r"(?P<pagu>Rp\.?\s*\d{1,3}(?:\.\d{3})+(?:,-|,00)?)\s*$", re.I)
_PROSE = re.compile(r"\b(?:sebesar|senilai|dengan|yaitu|adalah|realisasi)\b", re.I)
# A name that prints a price or an equation is a sum worked out ('Beras, Rp. 6.500,-/kg = Rp. 32.500,-').
_WORKED_SUM = re.compile(r"=|\bRp\b", re.I)
LIST_MIN_ITEMS, LIST_WRAP = 2, 2


@dataclass
class _Heading:
    title: str
    kode: str | None
    level: str
    end: int


def code_to_level(code: str) -> tuple[str, str]:
    """Canonical code and level: '076.WA' -> ('076.01.WA', 'program'), 'CQ.6709.QGE' -> output."""
    if code.startswith("076."):
        return "076.01." + code.split(".")[-1], "program"
    return code, LEVELS[code.count(".")]


def document_to_narrative(doc: Document, vocab: Vocabulary) -> Drafts:
    """Every pagu/realisasi sentence of the running text, with its heading, code and level."""
    out = Drafts()
    program: str | None = None
    previous: _Heading | None = None
    for page in doc.pages:
        text = page.text
        headings = [_heading(text, m) for m in _HEADING.finditer(text)]
        sentences = sorted([(m, "pr") for m in _PAGU_REAL.finditer(text)] +
                           [(m, "total") for m in _PAGU_PCT_REAL.finditer(text)], key=lambda x: x[0].start())
        last_end = 0
        for m, kind in sentences:
            heading = next((h for h in reversed(headings) if last_end <= h.end <= m.start()), None)
            if kind == "total":
                heading = _Heading("Jumlah Anggaran", None, "total", m.start())
            elif heading is None:
                line_start = text.rfind("\n", 0, m.start()) + 1  # the sentence's own line is not a heading
                heading = _uncoded_heading(text[last_end:line_start], previous, m.start())
            if heading is None:
                last_end = m.end()
                continue
            if heading.level == "program":
                program = program_name(vocab, heading.title) or program
                heading.title = program or heading.title
            draft = _draft(page.number, heading, m, program if heading.level != "total" else None, out)
            if draft:
                if page.method == "text":  # a sentence of the text layer states its digits exactly
                    draft.evidence = {"pagu": {"text_layer"}, "realisasi": {"text_layer"}}
                out.budget.append(draft)
            previous = heading if heading.level != "total" else previous
            last_end = m.end()
        out.budget.extend(_budget_list(page.number, text, page.method == "text", out))
    return out


def _budget_list(page: int, text: str, text_layer: bool, out: Drafts) -> list[BudgetDraft]:
    """The items of a budget list in the running text (program lines, each ending in its amount);
    a wrapped name continues on the lines below until it closes with ')' or '.'; the last item's
    lines below that never close are the page's (a signature block), not its name's."""
    items: list[tuple[list[str], str]] = []
    run: list[tuple[list[str], str]] = []
    wrap = 0
    for line in [ln.strip() for ln in text.splitlines()] + [""]:
        m = _LIST_LINE.match(line)
        if m and not _PROSE.search(m.group("name")) and not _WORKED_SUM.search(m.group("name")):
            run.append(([_MARKER.sub("", m.group("name")).strip()], m.group("pagu")))
            wrap = 0
            continue
        open_name = run and not _LINE_END.search(run[-1][0][-1])
        if line and open_name and wrap < LIST_WRAP and not any(ch.isdigit() for ch in line):
            run[-1][0].append(line)
            wrap += 1
            continue
        if len(run) >= LIST_MIN_ITEMS:
            if wrap and not _LINE_END.search(run[-1][0][-1]):
                del run[-1][0][-wrap:]
            items += run
        run, wrap = [], 0
    drafts = []
    for name, amount in items:
        try:
            pagu = parse_rupiah(amount, ocr=not text_layer)
        except UnparsedValue as exc:
            out.review.append(ReviewDraft(page, "pagu", "narrative", amount, Reason.UNPARSED_AMOUNT, detail=exc.reason))
            continue
        uraian = " ".join(" ".join(name).split())
        level = "total" if TOTAL_LABEL.match(uraian) else "program"  # 'Jumlah Rp. X,-' closing the list
        draft = BudgetDraft(page=page, level=level, uraian=uraian, pagu=pagu, source="narrative")
        if text_layer:
            draft.evidence = {"pagu": {"text_layer"}}
        drafts.append(draft)
    return drafts


def _heading(text: str, m: re.Match) -> _Heading:
    """A coded heading; a title wrapped over two lines is joined with the line above it."""
    kode, level = code_to_level(m.group("code"))
    title = m.group("title").strip()
    before = text[:m.start()].rstrip("\n").rsplit("\n", 1)[-1].strip()
    # The line above is the title's first half when it opens a list item, or when it does not end
    # like a sentence (a wrapped heading without a marker); never a budget sentence.
    wrapped = _LIST_ITEM.match(before) or (before and not _LINE_END.search(before))
    if not _LIST_ITEM.match(title) and wrapped and "sebesar" not in before:
        title = f"{before} {title}"
    return _Heading(" ".join(_MARKER.sub("", title).split()), kode, level, m.end())


def _uncoded_heading(between: str, previous: _Heading | None, end: int) -> _Heading | None:
    """A heading line without a code (e.g. '1. Sarana IT Pemilu'): one level below the previous."""
    lines = [ln.strip() for ln in between.strip().splitlines() if ln.strip()]
    if not lines or previous is None or previous.level not in LEVELS[:-1]:
        return None
    title = _MARKER.sub("", lines[-1]).strip()
    if not title or len(title) > 200 or title.endswith("."):
        return None
    return _Heading(title, None, LEVELS[LEVELS.index(previous.level) + 1], end)


def _draft(page: int, heading: _Heading, m: re.Match, program: str | None, out: Drafts) -> BudgetDraft | None:
    try:
        pagu = parse_rupiah(m.group("pagu"))
        real = parse_rupiah(m.group("real"))
        pct = parse_percent(m.group("pct"))
    except UnparsedValue as exc:
        out.review.append(ReviewDraft(page, "realisasi", "narrative", m.group(0), Reason.UNPARSED_AMOUNT,
                                          detail=exc.reason))
        return None
    if pagu is None or real is None:
        return None
    return BudgetDraft(page=page, level=heading.level, uraian=heading.title, pagu=pagu, source="narrative",
                       kode=heading.kode, program=program, realisasi=real, persen_reported=pct)
