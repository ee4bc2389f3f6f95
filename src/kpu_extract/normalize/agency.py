"""A non-KPU agency as its title block prints it: 'DINAS PERHUBUNGAN PROVINSI JAWA BARAT' ->
'Dinas Perhubungan Provinsi Jawa Barat', with its region completed from the lines around it.

Regions are the provinces, kabupaten and kota of vocabulary/satker.csv, so a region is joined
only when it is a real one ('Provinsi Jawa' + 'BARAT' on the next line), and nothing is invented.
"""

from __future__ import annotations

import re
from functools import lru_cache

# 'DINAS PERHUBUNGAN PROVINSI JAWA BARAT', 'Nama OPD : Badan Pemberdayaan ...', 'OPD : DINAS ...'.
_AGENCY = re.compile(r"^\s*(?P<label>(?:nama\s+)?(?:opd|skpd|instansi|satker|perangkat\s+daerah)\s*:\s*)?"
                     r"(?P<name>(?:dinas|badan|inspektorat|sekretariat|biro|kantor|satuan\s+polisi)\b[^\n:]{0,120}?)"
                     r"(?:\s+\w+\s*:[^\n]*)?\s*$", re.I | re.M)
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
    budget a letter transmits) before the first unlabelled one (the letterhead). Its region comes
    from the name line, completed from the next line, or from the nearest region line above."""
    text = _SPACED.sub(lambda m: _unspaced(m.group(0), regions), text)
    found = [m for m in _AGENCY.finditer(text) if _plausible(m)]
    if not found:
        return None
    m = next((m for m in found if m.group("label")), found[0])
    name = " ".join(m.group("name").split())
    if (region := _REGION.search(name)) and _key(name[region.start():]) not in regions:
        name = _completed(name, region.start(), text[m.end():], regions)
    elif not region and (above := [r for r in _REGION_LINE.finditer(text, 0, m.start())]):
        name = f"{name} {' '.join(above[-1].group(1).split())}"
    return " ".join(w.lower() if w.lower() in _SMALL_WORDS else w if re.fullmatch(r"[IVX]+", w) else
                    w.capitalize() for w in name.split())


def _plausible(m: re.Match) -> bool:
    name = " ".join(m.group("name").split())
    return len(name.split()) <= AGENCY_MAX_WORDS and bool(
        name.isupper() or m.group("label") or name.istitle() or _REGION.search(name))


def _completed(name: str, start: int, after: str, regions: dict[str, str]) -> str:
    """The name with its region completed by the first words of the next line when that makes a
    known region ('... PROVINSI JAWA' + 'BARAT'); else as it is."""
    words = after.lstrip("\n").split("\n", 1)[0].split()[:REGION_TAIL_WORDS]
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
