"""A non-KPU agency as its title block prints it: 'DINAS PERHUBUNGAN PROVINSI JAWA BARAT' ->
'Dinas Perhubungan Provinsi Jawa Barat', with its region completed from the lines around it; in
a title line after the document type ('RENCANA KERJA RSUD Dr. X TAHUN 2027'), on a cover's
centred lines, a letterhead, or a signature block ('KEPALA DINAS ...'). Acronyms stay as printed.

Regions are the provinces, kabupaten and kota of vocabulary/satker.csv, so a region is joined
only when it is a real one ('Provinsi Jawa' + 'BARAT' on the next line), and nothing is invented.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Acronyms that name a whole agency ('BAPPEDA', 'Disdukcapil'): printed as is, never expanded.
ACRONYMS = ("bappeda", "bappelitbangda", "bpkad", "bpkd", "bkpsdm", "bkd", "bpbd", "bapenda", "dpmptsp",
            "bakesbangpol", "kesbangpol", "disdukcapil", "diskominfo", "disdik", "dinkes", "dishub",
            "disperindag", "disnaker", "dlh", "rsud", "rsu", "setda", "setwan", "satpol")
# Acronyms kept as printed inside a name ('Sekretariat DPRD').
_KEPT = {*ACRONYMS, "dprd", "dprk", "uptd", "blud"}
# Kinds of agency a name starts with ('DINAS ...', 'RSUD Dr. Soetomo', 'Kecamatan Kota Barat'); the
# ones that also stand as common nouns need a word after them.
_KIND = (r"(?:dinas|badan|inspektorat|sekretariat|biro|kantor|satuan\s+polisi|"
         r"(?:rumah\s+sakit|puskesmas|kecamatan|kelurahan)(?=[ \t]+\S)|"
         rf"(?:{'|'.join(ACRONYMS)})(?![\w-]))")
# 'DINAS PERHUBUNGAN PROVINSI JAWA BARAT', 'Nama OPD : Badan Pemberdayaan ...', 'OPD : DINAS ...',
# a signature block's 'KEPALA DINAS ...', 'DIREKTUR RSUD ...' (the lowest priority).
_AGENCY = re.compile(r"^\s*(?P<label>(?:nama\s+)?(?:opd|skpd|instansi|satker|perangkat\s+daerah)\s*:\s*)?"
                     r"(?P<signer>(?:plt\.?\s+|pj\.?\s+)?(?:kepala|direktur|sekretaris)\s+)?"
                     rf"(?P<name>{_KIND}\b[^\n:]{{0,120}}?)"
                     r"(?:\s+\w+\s*:[^\n]*)?\s*$", re.I | re.M)
# A title line names its document before its agency and its years after it: 'RENCANA STRATEGIS
# (RENSTRA) DINAS ... KABUPATEN X TAHUN 2025-2029', 'PERJANJIAN KINERJA TAHUN 2016 DINAS ...'.
_TITLE_HEAD = re.compile(r"^[^\n]*?\b(?:rencana|laporan|perjanjian|renstra|renja|lkj?i?p|lakip|realisasi|evaluasi)"
                         rf"\b[^\n]*?(?=\s(?:{_KIND})\b)", re.I | re.M)
_KIND_WORD = re.compile(rf"\b{_KIND}\b", re.I)
_TITLE_TAIL = re.compile(r"[ \t,]+(?=(?:tahun|periode|t\.?a\.?)\s+(?:anggaran\s+)?\d{4}|\d{4}\s*[-/]\s*\d{4}\b)", re.I)
# A parenthesised acronym after the full name: 'Badan Perencanaan Pembangunan Daerah (BAPPEDA)'.
_PAREN_ACRONYM = re.compile(r"\s*\([A-Za-z.]{2,15}\)")
# How a wrapped line of a name starts: 'DAN POLITIK', 'Dr. SOETOMO' (hospitals bear a person's name), 'DAERAH'.
_WRAP_START = re.compile(r"\s*(?:(?:dan|serta)\s|(?:dr|drs|prof|h|hj|ir)\.|daerah\b)", re.I)
# How many wrapped lines a name may run over ('BADAN KESATUAN BANGSA' + 'DAN POLITIK').
NAME_WRAP_LINES = 3
_REGION = re.compile(r"\b(provinsi|kabupaten|kota)\s+[A-Z]", re.I)
# A region on a line of its own: 'PROVINSI JAWA BARAT', a letterhead's 'PEMERINTAH PROVINSI JAWA
# BARAT', a lampiran title's 'PROVINSI JAWA BARAT TAHUN 2017'.
_REGION_LINE = re.compile(r"^\s*(?:pemerintah\s+)?((?:provinsi|kabupaten|kota)\s+[a-z ]{3,40}?)"
                          r"(?:\s+tahun\s+(?:anggaran\s+)?\d{4})?\s*$", re.I | re.M)
# Letters spaced out in a heading: 'P R O V I N S I J A W A B A R A T'.
_SPACED = re.compile(r"(?<!\S)(?:[A-Za-z] ){2,}[A-Za-z](?!\S)")
AGENCY_MAX_WORDS = 14
# Words of the next line that may complete a region cut at a line end.
REGION_TAIL_WORDS = 3
_SMALL_WORDS = {"dan", "di", "ke", "dari", "untuk", "serta"}
_ACRONYM_WORD = re.compile(r"[A-Z]{2,8}[.,]?")
_KPU = re.compile(r"^(?:kpu|kip)\s+", re.I)


def regions_of(satker_names: list[str]) -> dict[str, str]:
    """Folded region (no spaces) -> region as written ('provinsijawabarat' -> 'Provinsi Jawa Barat'),
    from the satker canonicals ('KPU Provinsi Jawa Barat')."""
    out = {}
    for name in satker_names:
        region = _KPU.sub("", name)
        if _REGION.match(region):
            out[_key(region)] = region
    return out


def printed_agency(text: str, regions: dict[str, str]) -> str | None:
    """The agency a title block prints, cleaned; a labelled one ('OPD : DINAS ...', the owner of a
    budget a letter transmits) before the first unlabelled one (a title, a letterhead), a signature
    block's ('KEPALA DINAS ...') last; a full name before an acronym ('DINKES' in a table column).
    Its region comes from the name line, completed from the next line, or from a region line right
    below it, or from the nearest region line above."""
    text = _title_lines(_SPACED.sub(lambda m: _unspaced(m.group(0), regions), text))
    found = [m for m in _AGENCY.finditer(text) if _plausible(m)]
    if not found:
        return None
    m = min(found, key=lambda m: (not m.group("label"), bool(m.group("signer")), _acronym(m), m.start()))
    name, end = _wrapped(m, text)
    below = _REGION_LINE.match(_next_line(text[end:]))
    if (region := _REGION.search(name)) and _key(name[region.start():]) not in regions:
        name = _completed(name, region.start(), text[end:], regions)
    # 'KECAMATAN KOTA BARAT' + 'KOTA GORONTALO': a region below joins a name without a known one
    if below and not _known_region(name, regions) and (not region or _key(below.group(1)) in regions):
        name = f"{name} {' '.join(below.group(1).split())}"
    elif not region and (above := [r for r in _REGION_LINE.finditer(text, 0, m.start())]):
        name = f"{name} {' '.join(above[-1].group(1).split())}"
    return _name_cased(name, m.group("name"))


def _name_cased(name: str, printed: str) -> str:
    """The name case-normalised; in a name printed in mixed case ('Dinas ESDM', not 'RSUD Dr.
    SOETOMO') an all-capital word before its region is an acronym and stays as printed."""
    region = _REGION.search(name)
    agency, rest = (name[:region.start()], name[region.start():]) if region else (name, "")
    mixed = any(re.fullmatch(r"[A-Z][a-z]{2,}", w) for w in printed.split())  # 'Dinas', not 'Dr.'
    return " ".join([w if mixed and _ACRONYM_WORD.fullmatch(w) else _cased(w) for w in agency.split()]
                    + [_cased(w) for w in rest.split()])


def _title_lines(text: str) -> str:
    """A title line cut into its document type, its agency and its years, each on a line."""
    text = _TITLE_HEAD.sub(lambda m: m.group(0) + "\n", text)
    return "\n".join(_TITLE_TAIL.sub("\n", line) if _KIND_WORD.search(line) else line for line in text.split("\n"))


def _next_line(after: str) -> str:
    """The first line of text after a match (the rest of the match's own line when it goes on)."""
    return after.lstrip("\n").split("\n", 1)[0]


def _wrapped(m: re.Match, text: str) -> tuple[str, int]:
    """The name with the lines it wraps onto ('BADAN KESATUAN BANGSA' + 'DAN POLITIK', 'RSUD' +
    'Dr. SOETOMO'): a line is joined only across a small word at the cut, or when it starts with
    an honorific or 'DAERAH'; and where the name ends."""
    name, end = _PAREN_ACRONYM.sub("", " ".join(m.group("name").split())).rstrip(",;"), m.end()
    for _ in range(NAME_WRAP_LINES):
        nxt = _next_line(text[end:])
        words = nxt.split()
        if not words or ":" in nxt or not _capitalised(nxt) or not (
                name.split()[-1].lower() in _SMALL_WORDS or _WRAP_START.match(nxt)):
            break
        name = f"{name} {_PAREN_ACRONYM.sub('', ' '.join(words))}".rstrip(",;")
        end = text.index(nxt, end) + len(nxt)
    return name, end


def _cased(word: str) -> str:
    """A word case-normalised: small words lower, numerals and acronyms as printed, else capitalised."""
    if word.lower() in _SMALL_WORDS:
        return word.lower()
    if re.fullmatch(r"[IVX]+", word) or word.lower().strip(".,") in _KEPT:
        return word
    return word.capitalize()


def _plausible(m: re.Match) -> bool:
    name = " ".join(m.group("name").split())
    return len(name.split()) <= AGENCY_MAX_WORDS and bool(
        _capitalised(name) or m.group("label") or _REGION.search(name))


def _acronym(m: re.Match) -> bool:
    return m.group("name").split()[0].lower() in ACRONYMS


def _capitalised(line: str) -> bool:
    """Every word capitalised but the small ones: a heading, not a sentence."""
    words = [w for w in re.findall(r"[^\W\d_][\w.'-]*", line) if w.lower() not in _SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def _known_region(name: str, regions: dict[str, str]) -> bool:
    """Whether the name ends with a known region."""
    return any(_key(name[m.start():]) in regions for m in _REGION.finditer(name))


def _completed(name: str, start: int, after: str, regions: dict[str, str]) -> str:
    """The name with its region completed by the first words of the next line when that makes a
    known region ('... PROVINSI JAWA' + 'BARAT'); else as it is."""
    words = _next_line(after).split()[:REGION_TAIL_WORDS]
    for n in range(len(words), 0, -1):
        region = f"{name[start:]} {' '.join(words[:n])}"
        if _key(region) in regions:
            return f"{name[:start]}{region}"
    return name


def _unspaced(spaced: str, regions: dict[str, str]) -> str:
    """Letters of a spaced-out heading joined; a known region gets its words back."""
    joined = spaced.replace(" ", "")
    region = regions.get(joined.casefold())
    return region.upper() if region and joined.isupper() else region or joined


@lru_cache(maxsize=4096)
def _key(region: str) -> str:
    return re.sub(r"\s+", "", region).casefold()
