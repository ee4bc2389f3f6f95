"""Satker named in running text or inside a term: 'KPU Kabupaten Badung', 'Komisi Pemilihan Umum
Kota Serang', 'KIP Aceh', 'KPU RI', and (as a slot of a term) a bare 'KPU Kota' at its end.

Works on normalized tokens (vocabulary.py's matching key) or, for character spans, on the text's
own words. Used by vocabulary.py: ``find_satkers`` in running text, and the satker slot of sasaran /
indikator / kegiatan terms (the id links the term, the text keeps the satker).
"""

from __future__ import annotations

import re
from typing import Callable

from rapidfuzz import fuzz, process

#: the key tokens that stand for any satker named in a term
SLOT = ("kpu", "satker")
#: words after 'KPU Kabupaten/Kota/Provinsi' that are no satker name
_NAME_STOP = frozenset("""dan di ke dari dengan untuk dalam pada oleh atau serta yang sesuai tahun secara se
kabupaten kota provinsi ri""".split())
_LEVEL_PREFIXES = ("provinsi ", "kabupaten administrasi ", "kota administrasi ", "kabupaten ", "kota ")


class SatkerMentions:
    """Finds satker mentions, given the satker entries and the function that gives a name's key."""

    def __init__(self, entries, keyfn: Callable[[str], str]):
        idx: dict[str, dict] = {"ri": {}, "provinsi": {}, "kabupaten": {}, "kota": {}}
        for e in entries:
            level = e.extra.get("level") or ""
            if level == "ri":
                idx["ri"][""] = e
                continue
            if level not in idx:
                continue
            for text in (e.canonical, *e.variants):
                k = re.sub(r"^(?:kpu|kip) ", "", keyfn(text))
                for lv in _LEVEL_PREFIXES:
                    if k.startswith(lv):
                        k = k[len(lv):] if lv.split()[0] == level else ""
                        break
                if k:
                    idx[level].setdefault(k, e)
        self.names = idx
        self._lists = {level: list(names) for level, names in idx.items()}

    def spans(self, text: str) -> list[tuple[int, int, object | None]]:
        """(start, end, satker entry or None) of each satker named in ``text`` (character offsets)."""
        toks = _offset_tokens(text)
        return [(toks[i][1], toks[j - 1][2], e) for i, j, e in self.scan([t for t, _, _ in toks], slots=True)]

    def scan(self, toks: list[str], slots: bool = False) -> list[tuple[int, int, object | None]]:
        """(first token, end token, entry) of each satker mention in normalized tokens. With
        ``slots`` also a KPU level without a known name: bare at the end ('... oleh KPU Kota') or
        followed by one unknown name word ('KPU Kabupaten Seranq'); the entry is then None."""
        names = self.names
        out: list[tuple[int, int, object | None]] = []
        i = 0
        while i < len(toks):
            if toks[i] not in ("kpu", "kip"):
                i += 1
                continue
            j = i + 1
            # "kpu ri", "kpu republik indonesia", "kpu pusat"
            if j < len(toks) and toks[j] in ("ri", "pusat"):
                out.append((i, j + 1, names["ri"][""]))
                i = j + 1
                continue
            if toks[j : j + 2] == ["republik", "indonesia"]:
                out.append((i, j + 2, names["ri"][""]))
                i = j + 2
                continue
            level = None
            if j < len(toks) and toks[j] in ("kabupaten", "kota", "provinsi"):
                level = toks[j]
                j += 1
                if level != "provinsi" and j < len(toks) and toks[j] == "administrasi":
                    j += 1
            # without a level: "KPU Aceh", "KIP Aceh", "KPU DIY" (province without the word Provinsi)
            hit = self._longest_name(toks, j, level or "provinsi")
            if hit:
                out.append((i, j + hit[1], hit[0]))
                i = j + hit[1]
            elif slots and level and j >= len(toks):
                out.append((i, j, None))
                i = j
            elif slots and level and toks[j] not in _NAME_STOP and toks[j].isalpha():
                out.append((i, j + 1, None))
                i = j + 1
            else:
                i += 1
        return out

    def _longest_name(self, toks: list[str], j: int, level: str):
        names = self.names[level]
        for n in range(min(6, len(toks) - j), 0, -1):
            cand = " ".join(toks[j : j + n])
            if cand in names:
                return names[cand], n
        # one OCR slip in a long name: fuzzy on the same number of tokens
        for n in range(min(5, len(toks) - j), 0, -1):
            cand = " ".join(toks[j : j + n])
            if len(cand) < 6:
                continue
            hit = process.extractOne(cand, self._lists[level], scorer=fuzz.ratio, score_cutoff=90)
            if hit and len(hit[0].split()) == n:
                return names[hit[0]], n
        return None


_ALNUM = re.compile(r"[0-9A-Za-z]+")
_TOKEN_ALIASES = {"kab": "kabupaten", "prov": "provinsi"}


def _offset_tokens(text: str) -> list[tuple[str, int, int]]:
    """Casefolded word tokens with their character span; 'Komisi Pemilihan Umum' is one token 'kpu'."""
    raw = [(m.group(0).casefold(), m.start(), m.end()) for m in _ALNUM.finditer(text)]
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(raw):
        nxt = [t for t, _, _ in raw[i + 1 : i + 3]]
        if raw[i][0] == "komisi" and nxt in (["pemilihan", "umum"], ["independen", "pemilihan"]):
            out.append(("kpu", raw[i][1], raw[i + 2][2]))
            i += 3
            continue
        out.append((_TOKEN_ALIASES.get(raw[i][0], raw[i][0]), raw[i][1], raw[i][2]))
        i += 1
    return out
