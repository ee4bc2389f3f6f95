"""Word-level clean-up of text as read: Unicode and spacing, hyphenation, OCR slips.

A word is repaired only when it is not a valid Indonesian word (lexicon.py: hunspell-id, plus
the vocabulary's own words) and exactly one vocabulary word explains it: 'Pemi1u' -> 'Pemilu',
'Tewujudnya' -> 'Terwujudnya', 'Pe rsentase' -> 'Persentase'. A valid word is never turned into
another one ('rapat' stays 'rapat', 'dilaksanakan' stays 'dilaksanakan', 'Pemilik' stays
'Pemilik'; a damaged phrase is repaired as a whole by the vocabulary match instead). Unknown
names stay as they are. Text from a PDF text layer (``exact=True``) gets only Unicode, spacing
and line-break hyphenation clean-up: its words are what was printed. Used by vocabulary.py.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .lexicon import Lexicon, indonesian_lexicon

#: Known OCR slips in KPU documents, applied word by word (case pattern preserved).
#: Only words that are never right in these documents and are no valid Indonesian word belong
#: here (tests/test_cleanup.py checks them against the lexicon; 'pemilik' is a word).
OCR_WORD_FIXES = {
    "kpo": "kpu",
    "kpd": "kpu",
    "kemisi": "komisi",
    "komisl": "komisi",
    "tewujudnya": "terwujudnya",
    "terwujudnnya": "terwujudnya",
    "adhock": "adhoc",
    "adhok": "adhoc",
    "pemiluan": "pemilu",
    "kepemilu": "kepemiluan",
    "perentase": "persentase",
    "presentase": "persentase",
    "prosentase": "persentase",
    "jdiih": "jdih",
    "jddh": "jdih",
    "liping": "kliping",
}

#: frequent words of the reports that are not in the vocabulary itself (protects them
#: from 'correction' and lets damaged forms be repaired)
COMMON_WORDS = """
dan yang di ke dari dengan untuk dalam pada oleh atau serta sesuai tahun anggaran kegiatan sasaran
indikator kinerja target realisasi pagu jumlah laporan komisi pemilihan umum kabupaten kota provinsi
republik indonesia sekretaris sekretariat ketua anggota divisi subbagian bagian program output
suboutput uraian rencana aksi kerja tahunan perjanjian akuntabilitas instansi pemerintah bulan
triwulan minggu persen dokumen satker orang kali nilai rupiah alokasi sebesar terdiri yaitu sebagai
berikut pelaksanaan pelaksana keterangan tanggal nomor tentang peraturan keputusan lampiran halaman
bab pendahuluan penutup kata pengantar daftar isi tabel gambar kantor jalan telp fax kecamatan
kelurahan desa pemilu pemilih pemilihan komisioner pegawai badan adhoc penyelenggara penyelenggaraan
tahapan jadwal bimbingan teknis penyuluhan sosialisasi pendidikan partisipasi masyarakat hubungan
keuangan umum logistik hukum sumber daya manusia perencanaan data informasi teknologi sarana
prasarana pemeliharaan operasional layanan dukungan manajemen internal barang milik negara
persentase capaian disahkan disetujui mengetahui nip januari februari maret april mei juni juli
agustus september oktober november desember adalah merupakan telah akan dapat tidak belum sudah
masing setiap seluruh semua lainnya tersebut kegiatannya pemungutan penghitungan suara kampanye
pencalonan verifikasi partai politik peserta calon presiden wakil dprd dpr dpd kursi daerah
""".split()

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"), "-")
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t\r\n\f\v"), " ")
_ZERO = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff"), None)
_QUOTES = {ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201c"): '"', ord("\u201d"): '"'}
_TRANSLATE = {**_DASHES, **_SPACES, **_ZERO, **_QUOTES}

_LEADING_BULLETS = re.compile(r"^[\s\u2022\u27a4\u25aa\u25cf\u25a0\u2023\u2043\u00b7*>\-]+(?=\S)")
_HYPHEN_BREAK = re.compile(r"\b([A-Za-z]+)-\s+([A-Za-z]+)\b")
_SLASH_SPACE = re.compile(r"\s*/\s*")
_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"[A-Za-z0-9]+")
_DIGIT_AS_LETTER = str.maketrans({"0": "o", "1": "l", "5": "s", "8": "b", "6": "g"})
#: character-group confusions of OCR, tried on unknown words (each direction)
_GROUP_CONFUSIONS = (("rn", "m"), ("m", "rn"), ("cl", "d"), ("li", "h"), ("ii", "u"), ("vv", "w"), ("c", "e"), ("e", "c"), ("h", "b"), ("b", "h"), ("l", "i"), ("i", "l"), ("n", "u"), ("u", "n"))


_CONFUSABLE = {
    frozenset(p) for p in ("ft", "li", "l1", "i1", "ce", "ao", "hb", "nu", "rt", "co", "ij", "lt", "oe", "mn", "vy", "ec", "il", "gq")
}


def _plausible_subs(a: str, b: str) -> bool:
    """Same length, 1-2 differing characters, each a typical OCR confusion."""
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return 0 < len(diff) <= 2 and all(frozenset((x, y)) in _CONFUSABLE for x, y in diff)


def _plausible_edit(a: str, b: str) -> bool:
    """One edit OCR makes: a letter lost or added, or a typical confusion of two letters. Refuses
    'lakip' -> 'sakip', 'menjalan' -> 'menjalin', 'public' -> 'publik' (words the lexicon lacks)."""
    return len(a) != len(b) or _plausible_subs(a, b)


def _case_like(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class _Lexicon:
    """Repair targets (the vocabulary's words), valid words, and a cache of word-level corrections."""

    def __init__(self, words: set[str], valid: Lexicon | None = None):
        self.words = frozenset(w for w in words if len(w) >= 2)
        self._list = sorted(self.words)
        self._cache: dict[str, str | None] = {}
        self._valid = valid

    def is_valid(self, low: str) -> bool:
        """A vocabulary word or a valid Indonesian word (lowercase)."""
        if low in self.words:
            return True
        if self._valid is None:
            self._valid = indonesian_lexicon()
        return low in self._valid

    def correct(self, low: str) -> str | None:
        """Corrected lowercase word for an unknown lowercase token, or None."""
        if low in self._cache:
            return self._cache[low]
        fix = self._correct(low)
        self._cache[low] = fix
        return fix

    def _correct(self, low: str) -> str | None:
        if low in OCR_WORD_FIXES:
            return OCR_WORD_FIXES[low]
        if self.is_valid(low):
            return None  # a valid word is never 'repaired' into another one
        if any(ch.isdigit() for ch in low):
            if low.isdigit() or sum(ch.isalpha() for ch in low) < 3:
                return None
            t = low.translate(_DIGIT_AS_LETTER)
            if t in self.words:
                return t
            return None
        if len(low) < 5:
            return None
        # single character-group confusions (rn<->m, cl->d, c<->e, ...)
        hits = set()
        for a, b in _GROUP_CONFUSIONS:
            start = low.find(a)
            while start != -1:
                cand = low[:start] + b + low[start + len(a):]
                if cand in self.words:
                    hits.add(cand)
                start = low.find(a, start + 1)
        if len(hits) == 1:
            return hits.pop()
        if hits:
            return None
        # nearest known words by edit distance (C loop over the whole lexicon)
        near = process.extract(low, self._list, scorer=Levenshtein.distance, score_cutoff=2, limit=None)
        d1 = [w for w, d, _ in near if d == 1]
        if len(d1) == 1 and len(d1[0]) >= 5 and _plausible_edit(low, d1[0]):
            return d1[0]
        if d1:
            return None
        # two OCR-plausible substitutions ('Sekrefarls' -> 'sekretaris')
        if len(low) >= 7:
            p2 = [w for w, d, _ in near if d == 2 and len(w) == len(low) and _plausible_subs(low, w)]
            if len(p2) == 1:
                return p2[0]
        if len(low) >= 11:
            # two edits inside the word (not a prefix added or lost: 'kependidikan' is no 'pendidikan')
            d2 = [w for w, d, _ in near if d == 2]
            if len(d2) == 1 and not (low.endswith(d2[0]) or d2[0].endswith(low)):
                return d2[0]
        return self._split(low)

    def _split(self, low: str) -> str | None:
        """'logistikpemilu' -> 'logistik pemilu' when exactly one split gives two known words."""
        if len(low) < 7:
            return None
        splits = [
            (low[:i], low[i:])
            for i in range(2, len(low) - 1)
            if low[:i] in self.words and low[i:] in self.words and min(i, len(low) - i) >= 2
            and max(i, len(low) - i) >= 4
        ]
        if len(splits) == 1:
            return " ".join(splits[0])
        return None


def _join_hyphen(m: re.Match, lex: _Lexicon) -> str:
    left, right = m.group(1), m.group(2)
    joined = (left + right).lower()
    if left.lower() == right.lower():
        return f"{left}-{right}"  # reduplication: masing- masing -> masing-masing
    if lex.is_valid(joined) or (right[:1].islower() and not (lex.is_valid(left.lower()) and lex.is_valid(right.lower()))):
        return left + right
    return f"{left}-{right}"


def _clean(raw: object, lex: _Lexicon, exact: bool = False) -> str:
    """Cleaned text; ``exact`` (a PDF text layer): Unicode, spacing and hyphenation only."""
    if raw is None:
        return ""
    s = unicodedata.normalize("NFKC", str(raw)).translate(_TRANSLATE)
    s = _WS.sub(" ", s).strip()
    if not s:
        return ""
    s = _LEADING_BULLETS.sub("", s)
    s = _HYPHEN_BREAK.sub(lambda m: _join_hyphen(m, lex), s)
    s = _SLASH_SPACE.sub("/", s)

    for _ in range(3):
        s2 = _CAMEL.sub(lambda m: _split_camel(m, lex), s)
        if s2 == s:
            break
        s = s2
    s = _merge_broken(s, lex, exact)
    if exact:
        return _WS.sub(" ", s).strip()

    def fix(m: re.Match) -> str:
        tok = m.group(0)
        low = tok.lower()
        if low in lex.words and low not in OCR_WORD_FIXES:
            return tok
        rep = lex.correct(low)
        if not rep:
            return tok
        if " " in rep:  # a split of joined words keeps the case of each part from the token
            a = len(rep.split(" ")[0])
            return tok[:a] + " " + tok[a:]
        return _case_like(rep, tok)

    s = _TOKEN.sub(fix, s)
    return _WS.sub(" ", s).strip()


_CAMEL = re.compile(r"([a-z]{2,})([A-Z][a-z]{2,})")
_WORDS = re.compile(r"\S+")


def _split_camel(m: re.Match, lex: _Lexicon) -> str:
    """'KampanyePemilu' -> 'Kampanye Pemilu' (a capital inside a word is a lost space)."""
    a, b = m.group(1), m.group(2)
    if lex.is_valid((a + b).lower()):
        return m.group(0)
    return f"{a} {b}"


def _merge_broken(s: str, lex: _Lexicon, exact: bool = False) -> str:
    """'Pe rsentase' -> 'Persentase', 'K PU' -> 'KPU': merge neighbours when one of them is
    not a valid word and the two together are (spacing only); unless ``exact``, also when
    neither is and the joined string is one vocabulary word with damage."""
    toks = s.split(" ")
    if len(toks) < 2:
        return s
    out: list[str] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if i + 1 < len(toks):
            u = toks[i + 1]
            if t.isalpha() and u.isalpha():
                tl, ul = t.lower(), u.lower()
                tv, uv = lex.is_valid(tl), lex.is_valid(ul)
                if (not tv or not uv) and len(tl + ul) >= 3 and lex.is_valid(tl + ul):
                    out.append(t + u)
                    i += 2
                    continue
                if not exact and not tv and not uv and len(tl + ul) >= 6:
                    fix = lex.correct(tl + ul)
                    if fix and " " not in fix:
                        out.append(_case_like(fix, t))
                        i += 2
                        continue
        out.append(t)
        i += 1
    return " ".join(out)
