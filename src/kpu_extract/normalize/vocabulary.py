"""Controlled vocabulary: map text as read (often OCR-damaged) to canonical KPU terms.

The terms live in plain CSV files next to this module (``vocabulary/*.csv``), one per
field, with the columns ``id,canonical,variants,source`` (variants separated by ``|``).
A domain person edits them in a spreadsheet; see docs/vocabulary.md.

Public API (other modules rely on it):

- ``FIELDS`` and ``Match``
- ``Vocabulary.load(folder)`` / ``default_vocabulary()``
- ``Vocabulary.match(field, raw, exact_text=False)`` and ``Vocabulary.match_many(field, raws, exact_text=False)``
- ``canonical_satker_from_text(text)``

Matching compares *normalized* strings (casefolded, punctuation stripped, hyphenation
joined, OCR slips repaired, abbreviations such as ``Subag``/``Kab.``/``SDM`` expanded)
against every canonical text and variant of the field, with a per-field scorer,
threshold and margin over the best candidate of another entry (``FIELD_CONFIG``; the
figures are measured on tests/data/vocab_labelled.csv, see docs/vocabulary.md).

A satker named inside a term is a slot: ``... oleh KPU Kabupaten Badung`` and ``... oleh KPU
Kota Serang`` have one key, so they get the same id (the id links the term); the text keeps the
satker that was printed. With ``exact_text=True`` (a PDF text layer, whose words are exact) the
free-text fields (``EXACT_FIELDS``) keep the printed words: ``text`` is the canonical only when
it is the same term in another spelling (equal keys: case, punctuation, abbreviations), and a
fuzzy match gets an id only when the differing printed words are no valid words (typos). On OCR
text a damaged phrase becomes its canonical term, but never one that drops a valid word of the
text or the satker it names, nor one that puts in the term's satker where the text names none
(OCR lost 'Kabupaten Jembrana' or read it without 'KPU'): the text then stays as read, with the id.
"""

from __future__ import annotations

import csv
import difflib
import functools
import hashlib
import re
from dataclasses import dataclass, field as dc_field
from pathlib import Path
from typing import Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .cleanup import COMMON_WORDS, _TOKEN, _WS, _clean, _Lexicon
from .lexicon import dictionary_digest
from .satker_mentions import SLOT, SatkerMentions

__all__ = [
    "FIELDS",
    "EXACT_FIELDS",
    "FIELD_CONFIG",
    "Match",
    "Entry",
    "Vocabulary",
    "default_vocabulary",
    "canonical_satker_from_text",
]

FIELDS = ("satker", "program", "pelaksana", "sasaran", "indikator", "kegiatan")

#: free-text fields: on a text layer they keep the printed words (CONTRACT.md v1.1, uraian);
#: satker, program and pelaksana are closed lists whose canonical name the datasets always show
EXACT_FIELDS = ("sasaran", "indikator", "kegiatan")
#: fields whose terms may name a satker (a slot in the matching key)
SLOT_FIELDS = EXACT_FIELDS
#: short words whose presence or absence does not change what a term means
FUNCTION_WORDS = frozenset("""dan di ke dari dengan untuk dalam pada oleh atau serta yang sesuai secara
bagi guna para agar dapat telah akan nya""".split())

#: other names callers use for a field (pagu/realisasi ``uraian`` is matched against kegiatan)

FILES = {
    "satker": "satker.csv",
    "program": "programs.csv",
    "pelaksana": "units.csv",
    "sasaran": "sasaran.csv",
    "indikator": "indikator.csv",
    "kegiatan": "kegiatan.csv",
}
DOC_TYPES_FILE = "doc_types.csv"

DEFAULT_FOLDER = Path(__file__).with_name("vocabulary")
# Pairs from which rapidfuzz's cdist pays for its threads. Starting them costs 0.1-2.7 ms a call,
# against 0.006-0.03 ms for one string against a whole field in one thread; with threads, 2000
# strings x 160 kegiatan took 5.6 ms against 6.8 in one, 256 x 160 0.89 against 0.81.
THREADED_MIN_PAIRS = 300_000


@dataclass(frozen=True)
class FieldConfig:
    """How one field is matched: rapidfuzz scorer name, accept threshold, and margin.

    A match is accepted when ``score >= threshold`` and the best candidate of any other
    entry scores at least ``margin`` lower (or the score is ``>= sure``).
    """

    scorer: str
    threshold: float
    margin: float = 0.0
    sure: float = 100.0


# Chosen by measurement on tests/data/vocab_labelled.csv (bench/bench_vocabulary.py and
# tests/test_vocabulary.py print the figures; docs/vocabulary.md explains the choice).
FIELD_CONFIG: dict[str, FieldConfig] = {
    "satker": FieldConfig("ratio", 90.0, 3.0, 97.0),
    "program": FieldConfig("ratio", 80.0, 3.0, 97.0),
    "pelaksana": FieldConfig("ratio", 86.0, 3.0, 97.0),
    "sasaran": FieldConfig("token_sort_ratio", 82.0, 2.0, 97.0),
    "indikator": FieldConfig("ratio", 86.0, 2.0, 97.0),
    "kegiatan": FieldConfig("ratio", 86.0, 2.0, 97.0),
}

SCORERS = {
    "ratio": fuzz.ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "WRatio": fuzz.WRatio,
    "QRatio": fuzz.QRatio,
    "partial_ratio": fuzz.partial_ratio,
}


@dataclass(frozen=True)
class Match:
    text: str  # canonical text when matched, else the cleaned raw text ("" for empty)
    raw: str  # text as read
    id: str | None  # vocabulary id, None when not matched
    score: float  # 0-100 best score (also when below the threshold)
    best: str | None  # best candidate's canonical text (for review rows)


@dataclass(frozen=True)
class Entry:
    id: str
    field: str
    canonical: str
    variants: tuple[str, ...]
    source: str
    extra: dict = dc_field(default_factory=dict, compare=False, hash=False)


# --------------------------------------------------------------------------- normalization

# applied to the casefolded, punctuation-free string (word boundaries are spaces)
_ABBREVIATIONS: tuple[tuple[re.Pattern, str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"\bkomisi pemilihan umum\b", "kpu"),
        (r"\bkomisi independen pemilihan\b", "kip"),
        (r"\b(?:ka ?)?sub ?bag(?:ian)?\b", "subbagian"),
        (r"\b(?:ka)?su?bb?ag\b", "subbagian"),
        (r"\bkab\b", "kabupaten"),
        (r"\bprov\b", "provinsi"),
        (r"\bhupmas\b", "partisipasi dan hubungan masyarakat"),
        (r"\bhumas\b", "hubungan masyarakat"),
        (r"\bparmas\b", "partisipasi masyarakat"),
        (r"\bsosdiklih\b", "sosialisasi pendidikan pemilih"),
        (r"\bkul\b", "keuangan umum dan logistik"),
        (r"\bsdm\b", "sumber daya manusia"),
        (r"\brendatin\b", "perencanaan data dan informasi"),
        (r"\bbmn\b", "barang milik negara"),
        (r"\bbimtek\b", "bimbingan teknis"),
        (r"\bad hoc\b", "adhoc"),
        (r"\be government\b", "egovernment"),
        (r"\bpemilukada\b", "pemilu kada"),
        (r"\bsetjen\b", "sekretariat jenderal"),
    )
)
_CODE = re.compile(r"\(?\b(?:\d{3}\.\d{2}\.)?(?:CQ|WA)\.\d{4}(?:\.[A-Z]{3}(?:\.\d{3})?)?\b\)?", re.I)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_LEADING_ENUM = re.compile(r"^(?:(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+)+")


@functools.lru_cache(maxsize=65_536)  # the same texts come back: each term's canonical per match shown
def _normalize(cleaned: str, fieldname: str | None = None) -> str:
    s = cleaned
    if fieldname == "kegiatan":
        s = _CODE.sub(" ", s)
    s = s.casefold()
    s = _LEADING_ENUM.sub("", s)
    s = s.replace("&", " dan ")
    s = _NON_ALNUM.sub(" ", s)
    s = _WS.sub(" ", s).strip()
    for pat, rep in _ABBREVIATIONS:
        s = pat.sub(rep, s)
    if fieldname == "satker":
        s = re.sub(r"^(?:sekretariat )+", "", s)
        s = re.sub(r"\bkip\b", "kpu", s)
        first, _, rest = s.partition(" ")
        if first != "kpu" and Levenshtein.distance(first, "kpu", score_cutoff=1) <= 1 and len(first) >= 2:
            s = "kpu " + rest  # KPUU, KKPU, KP, KPO
        elif first.startswith("kpu") and first[3:] in ("kabupaten", "kota", "provinsi", "ri"):
            s = "kpu " + first[3:] + (" " + rest if rest else "")
        if s.startswith(("kabupaten ", "kota ", "provinsi ")):
            s = "kpu " + s
    return _WS.sub(" ", s).strip()


# --------------------------------------------------------------------------- vocabulary


class _FieldIndex:
    def __init__(self, entries: list[Entry], keyfn):
        self.entries = entries
        keys: list[str] = []
        owner: list[int] = []
        seen: dict[str, int] = {}
        position = {e.id: i for i, e in enumerate(entries)}
        for n, e in enumerate(entries):
            # an entry 'same_as' another is that term (for another satker): its texts are that entry's
            i = position.get(e.extra.get("same_as") or "", n)
            for text in (e.canonical, *e.variants):
                k = keyfn(text)
                if not k:
                    continue
                if k in seen:
                    if seen[k] != i:
                        # same key for two entries: keep the first, the CSV is ambiguous
                        continue
                    continue
                seen[k] = i
                keys.append(k)
                owner.append(i)
        self.keys = keys
        self.owner = np.asarray(owner, dtype=np.int32)
        self.exact = seen


class Vocabulary:
    """All vocabulary fields loaded from one folder of CSV files."""

    def __init__(self, folder: Path, entries: dict[str, list[Entry]], doc_types: list[Entry], version: str):
        self.folder = folder
        self.version = version
        self._entries = entries
        self.doc_types = doc_types
        words: set[str] = set(COMMON_WORDS)
        for lst in list(entries.values()) + [doc_types]:
            for e in lst:
                for text in (e.canonical, *e.variants):
                    words.update(w.lower() for w in _TOKEN.findall(text) if not w.isdigit())
        self.lexicon = _Lexicon(words)
        self._by_id = {e.id: e for lst in entries.values() for e in lst}
        self._index: dict[str, _FieldIndex] = {}
        self._clean_cache: dict[str, str] = {}
        self._exact_cache: dict[str, str] = {}
        self._mentions: SatkerMentions | None = None

    # ----------------------------------------------------------------- loading
    @classmethod
    def load(cls, folder: Path | str | None = None) -> "Vocabulary":
        folder = Path(folder) if folder is not None else DEFAULT_FOLDER
        digest = hashlib.sha256()
        entries: dict[str, list[Entry]] = {}
        for fieldname in FIELDS:
            path = folder / FILES[fieldname]
            data = path.read_bytes()
            digest.update(FILES[fieldname].encode() + b"\0" + data + b"\0")
            entries[fieldname] = _read_entries(data, fieldname, path)
        dpath = folder / DOC_TYPES_FILE
        doc_types: list[Entry] = []
        if dpath.exists():
            data = dpath.read_bytes()
            digest.update(DOC_TYPES_FILE.encode() + b"\0" + data + b"\0")
            doc_types = _read_entries(data, "doc_type", dpath)
        # the word lexicon decides what clean-up may change: another dictionary, other results
        for ext, sha in dictionary_digest().items():
            digest.update(f"lexicon{ext}\0{sha}\0".encode())
        return cls(folder, entries, doc_types, digest.hexdigest()[:12])

    # ----------------------------------------------------------------- lookups
    def entries(self, fieldname: str) -> list[Entry]:
        return list(self._entries[_field(fieldname)])

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def clean(self, raw: object, exact: bool = False) -> str:
        """Cleaned text; ``exact`` (text layer): Unicode, spacing and hyphenation only."""
        key = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
        cache = self._exact_cache if exact else self._clean_cache
        hit = cache.get(key)
        if hit is None:
            hit = _clean(key, self.lexicon, exact)
            if len(cache) < 500_000:
                cache[key] = hit
        return hit

    def normalize(self, fieldname: str, raw: object) -> str:
        """The matching key of a string (satker named in a term replaced by a slot)."""
        fieldname = _field(fieldname)
        return self._key(fieldname, self.clean(raw))

    def _key(self, fieldname: str, cleaned: str) -> str:
        k = _normalize(cleaned, fieldname)
        if fieldname not in SLOT_FIELDS or "kpu" not in k:
            return k
        toks = k.split()
        out: list[str] = []
        last = 0
        for i, j, _ in self._scan_satkers(toks, slots=True):
            out += toks[last:i] + list(SLOT)
            last = j
        return " ".join(out + toks[last:])

    def _idx(self, fieldname: str) -> _FieldIndex:
        idx = self._index.get(fieldname)
        if idx is None:
            idx = self._index[fieldname] = _FieldIndex(
                self._entries[fieldname], lambda t: self._key(fieldname, _clean(t, self.lexicon)))
        return idx

    # ----------------------------------------------------------------- matching
    def match(self, fieldname: str, raw: str, exact_text: bool = False) -> Match:
        """Best vocabulary entry for ``raw``; ``exact_text``: the text comes from a PDF text layer."""
        return self.match_many(fieldname, [raw], exact_text=exact_text)[0]

    def match_many(self, fieldname: str, raws: Sequence[str], config: FieldConfig | None = None,
                   exact_text: bool = False) -> list[Match]:
        fieldname = _field(fieldname)
        cfg = config or FIELD_CONFIG[fieldname]
        exact = exact_text and fieldname in EXACT_FIELDS
        idx = self._idx(fieldname)
        raws = ["" if r is None else str(r) for r in raws]
        uniq = list(dict.fromkeys(raws))
        cleaned = [self.clean(r, exact) for r in uniq]
        keys = [self._key(fieldname, c) for c in cleaned]
        results: dict[str, Match] = {}
        pending: list[int] = []
        for i, (r, c, k) in enumerate(zip(uniq, cleaned, keys)):
            if not k:
                results[r] = Match(c, r, None, 0.0, None)
            elif k in idx.exact:
                e = idx.entries[idx.exact[k]]
                results[r] = Match(self._shown(fieldname, e, c, exact), r, e.id, 100.0, e.canonical)
            else:
                pending.append(i)
        if pending and idx.keys:
            scorer = SCORERS[cfg.scorer]
            pkeys = list(dict.fromkeys(keys[i] for i in pending))
            best_of: dict[str, tuple[int, int, float, float]] = {}
            chunk = max(1, 4_000_000 // max(1, len(idx.keys)))
            for s in range(0, len(pkeys), chunk):
                part = pkeys[s : s + chunk]
                workers = -1 if len(part) * len(idx.keys) >= THREADED_MIN_PAIRS else 1
                m = process.cdist(part, idx.keys, scorer=scorer, dtype=np.float32, workers=workers)
                bj = m.argmax(axis=1)
                bowner = idx.owner[bj]
                best = m[np.arange(len(part)), bj]
                other = np.where(idx.owner[None, :] == bowner[:, None], -1.0, m).max(axis=1)
                for q, j, o, b, sc in zip(part, bj, bowner, best, other):
                    best_of[q] = (int(o), int(j), float(b), float(sc))
            for i in pending:
                r, c, k = uniq[i], cleaned[i], keys[i]
                o, j, b, second = best_of[k]
                e = idx.entries[o]
                ok = b >= cfg.threshold and (b >= cfg.sure or b - max(second, 0.0) >= cfg.margin)
                if ok and fieldname == "satker" and not k.startswith("kpu "):
                    ok = False  # 'DPRD Kabupaten Serang', 'Bawaslu Kota Serang' are not KPU satker
                if ok and fieldname in EXACT_FIELDS:
                    ok = self._same_term(k.split(), idx.keys[j].split(), exact)
                if ok:
                    results[r] = Match(self._shown(fieldname, e, c, exact), r, e.id, round(b, 2), e.canonical)
                else:
                    results[r] = Match(c, r, None, round(b, 2), e.canonical)
        for i in pending:
            results.setdefault(uniq[i], Match(cleaned[i], uniq[i], None, 0.0, None))
        return [results[r] for r in raws]

    def _same_term(self, said: list[str], term: list[str], exact: bool) -> bool:
        """May the key ``said`` (the text) stand for the vocabulary key ``term``?

        Text layer: the words differ only where the printed word is no valid word (a typo) or
        in spacing. OCR: the canonical text would drop no valid content word of the text (nor
        the satker it names); substituted words are damage."""
        lex = self.lexicon
        term_words = set(term)
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, said, term, autojunk=False).get_opcodes():
            if op == "equal":
                continue
            ps, cs = said[i1:i2], term[j1:j2]
            if "".join(ps) == "".join(cs):
                continue  # spacing
            if exact:
                if op == "replace" and len(ps) == len(cs) and not any(lex.is_valid(w) for w in ps):
                    continue
                return False
            extra = [w for w in ps if w not in term_words and _meaningful(w, lex)]
            if len(extra) > (len(cs) if op == "replace" else 0):
                return False
        return True

    def _shown(self, fieldname: str, e: Entry, cleaned: str, exact: bool) -> str:
        """The text a matched field shows: the canonical, with the satker the text names (the text
        as read when it names fewer satkers than the term); on a text layer the printed text unless
        the canonical is the same words in another spelling."""
        if fieldname not in SLOT_FIELDS:
            return e.canonical
        if exact:
            same = _normalize(cleaned, fieldname) == _normalize(_clean(e.canonical, self.lexicon), fieldname)
            return e.canonical if same else cleaned
        slots = self._satker_spans(e.canonical)
        if not slots:
            return e.canonical
        said = self._satker_spans(cleaned)
        if len(said) < len(slots):
            return cleaned  # the text names no satker there: the term's own satker is not what it read
        out, last = [], 0
        for (a, b, _), (pa, pb, entry) in zip(slots, said):
            out += [e.canonical[last:a], entry.canonical if entry else cleaned[pa:pb]]
            last = b
        return "".join(out) + e.canonical[last:]

    def _satker_spans(self, text: str) -> list[tuple[int, int, Entry | None]]:
        return self._satker_mentions().spans(text)

    def _scan_satkers(self, toks: list[str], slots: bool = False) -> list[tuple[int, int, Entry | None]]:
        return self._satker_mentions().scan(toks, slots)

    def _satker_mentions(self) -> SatkerMentions:
        if self._mentions is None:
            self._mentions = SatkerMentions(self._entries["satker"], lambda t: _normalize(_clean(t, self.lexicon), None))
        return self._mentions

    # ----------------------------------------------------------------- satker in running text
    def satker_from_text(self, text: str) -> str | None:
        found = self.find_satkers(text)
        return found[0][0] if found else None

    def find_satkers(self, text: str) -> list[tuple[str, int]]:
        """All (canonical satker, token position) mentions found in running text, in order."""
        if not text:
            return []
        toks = _normalize(self.clean(text), None).split()
        return [(e.canonical, i) for i, _, e in self._scan_satkers(toks) if e is not None]


def _meaningful(word: str, lex: _Lexicon) -> bool:
    """A word whose loss changes what a text says: the satker slot, or a valid content word."""
    return word == SLOT[1] or (len(word) >= 4 and word not in FUNCTION_WORDS and lex.is_valid(word))


def _field(fieldname: str) -> str:
    if fieldname not in FILES:
        raise KeyError(f"unknown vocabulary field {fieldname!r}; expected one of {FIELDS}")
    return fieldname


def _read_entries(data: bytes, fieldname: str, path: Path) -> list[Entry]:
    text = data.decode("utf-8-sig")
    reader = csv.DictReader(text.splitlines())
    out: list[Entry] = []
    seen: set[str] = set()
    for row in reader:
        eid = (row.get("id") or "").strip()
        canon = (row.get("canonical") or "").strip()
        if not eid or not canon:
            continue
        if eid in seen:
            raise ValueError(f"{path}: duplicate id {eid!r}")
        seen.add(eid)
        variants = tuple(v.strip() for v in (row.get("variants") or "").split("|") if v.strip())
        extra = {k: (v or "").strip() for k, v in row.items() if k not in ("id", "canonical", "variants", "source") and k}
        out.append(Entry(eid, fieldname, canon, variants, (row.get("source") or "").strip(), extra))
    return out


@functools.lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """The vocabulary shipped with the package (cached)."""
    return Vocabulary.load()


def canonical_satker_from_text(text: str) -> str | None:
    """First satker named in running text ('Komisi Pemilihan Umum Kabupaten Serang' ->
    'KPU Kabupaten Serang'; 'KPU Provinsi Banten'; 'KPU RI'), or None."""
    return default_vocabulary().satker_from_text(text)
