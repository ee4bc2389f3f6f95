"""Valid Indonesian words: Debian's hunspell-id dictionary, expanded once into a set of word forms.

The dictionary (``/usr/share/hunspell/id_ID.dic`` + ``.aff``, package ``hunspell-id`` 1:7.5.0-1,
31,132 stems) is the lexicon that tells the clean-up which words must never be "repaired":
``rapat`` and ``dapat``, ``ketepatan`` and ``ketetapan``, ``dilaksanakan`` and ``melaksanakan``
are all valid words. Chosen over Sastrawi's root words + stemmer by measurement
(docs/vocabulary.md: similar coverage of the seed and vocabulary words, a third of Sastrawi's
acceptance of OCR-damaged forms).

Lookups must be fast (every new OCR token is checked), so the stems are expanded with the affix
rules into a frozenset of forms (prefix, suffix, second suffix, prefix + suffix as hunspell's
cross product allows, CIRCUMFIX and NEEDAFFIX honoured). Clitics (``-nya``, ``-lah``, ``-kah``,
``-pun``, ``-ku``, ``-mu``) are stripped at lookup instead of being expanded: Indonesian adds
them to any form (``terwujudnya``), which the dictionary's flags do not always allow.
tests/test_cleanup.py checks the expansion against spylls (a Python port of hunspell).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: where Debian's hunspell-id puts the Indonesian dictionary (Makefile SYSPKG installs it)
DEFAULT_DICTIONARY = Path("/usr/share/hunspell/id_ID")
#: SHA-256 of the .dic and .aff of hunspell-id 1:7.5.0-1, the version measured in docs/vocabulary.md
#: (tests/test_cleanup.py fails on another one: re-measure, then update these)
PINNED_SHA256 = {
    ".dic": "1a1ab6f423bec47fa30d485dfde92039177aa6f9a6b123badb695d634064cc5e",
    ".aff": "9c2a9ae523d1478451d5bc558d5405a79873a02c0ecd382065a01d864ed862ca",
}

#: clitics stripped before a lookup, longest first
CLITICS = ("nyalah", "nyakah", "nya", "lah", "kah", "pun", "ku", "mu")
_MIN_STEM = 2  # what must remain after a clitic is stripped


@dataclass(frozen=True)
class _Affix:
    flag: str
    cross: bool
    strip: str
    add: str
    cont: frozenset[str]
    cond: re.Pattern | None  # None: any stem ('.')
    circ: bool  # carries the CIRCUMFIX flag

    def applies(self, word: str, prefix: bool) -> bool:
        if prefix:
            return word.startswith(self.strip) and (self.cond is None or bool(self.cond.search(word)))
        return word.endswith(self.strip) and (self.cond is None or bool(self.cond.search(word)))


def _read_aff(path: Path) -> tuple[dict[str, list[_Affix]], dict[str, list[_Affix]], str]:
    header: list[tuple[str, list[str]]] = []
    circumfix = needaffix = ""
    for line in path.read_text(encoding="iso-8859-1").splitlines():
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        if parts[0] == "CIRCUMFIX":
            circumfix = parts[1]
        elif parts[0] == "NEEDAFFIX":
            needaffix = parts[1]
        elif parts[0] in ("PFX", "SFX") and len(parts) >= 4:
            header.append((parts[0], parts))
    cross: dict[tuple[str, str], bool] = {}
    pfx: dict[str, list[_Affix]] = {}
    sfx: dict[str, list[_Affix]] = {}
    for kind, parts in header:
        flag = parts[1]
        if parts[2] in ("Y", "N") and parts[3].isdigit():
            cross[(kind, flag)] = parts[2] == "Y"
            continue
        strip = "" if parts[2] == "0" else parts[2]
        add, _, flags = parts[3].partition("/")
        add = "" if add == "0" else add
        cond = parts[4] if len(parts) > 4 else "."
        if kind == "SFX" and _is_clitic_form(add):
            continue  # clitics are stripped at lookup
        cont = frozenset(flags[i:i + 2] for i in range(0, len(flags), 2))
        pattern = None if cond == "." else re.compile(("^" + cond) if kind == "PFX" else (cond + "$"))
        affix = _Affix(flag, cross.get((kind, flag), False), strip, add, cont, pattern, circumfix in cont)
        (pfx if kind == "PFX" else sfx).setdefault(flag, []).append(affix)
    return pfx, sfx, needaffix


def _is_clitic_form(add: str) -> bool:
    """Suffix forms that only add a clitic to another form (handled by stripping at lookup)."""
    return add != add.lower() or "-" in add or (add.endswith(CLITICS) and add not in CLITICS)


def _expand(stem: str, flags: frozenset[str], pfx, sfx, needaffix: str, out: set[str]) -> None:
    if needaffix not in flags:
        out.add(stem)
    # (form, cross product allowed, circumfix, prefix flags allowed)
    chains: list[tuple[str, bool, bool, frozenset[str]]] = [(stem, True, False, flags)]
    for f in flags:
        for s in sfx.get(f, ()):
            if not s.applies(stem, False):
                continue
            form = stem[: len(stem) - len(s.strip)] + s.add
            chains.append((form, s.cross, s.circ, flags | s.cont))
            for g in s.cont:
                for s2 in sfx.get(g, ()):
                    if s2.applies(form, False):
                        form2 = form[: len(form) - len(s2.strip)] + s2.add
                        chains.append((form2, s.cross and s2.cross, s.circ or s2.circ, flags | s.cont | s2.cont))
    for i, (form, cross, circ, allowed) in enumerate(chains):
        if i and not circ:
            out.add(form)
        if not cross:
            continue
        for f in allowed:
            for p in pfx.get(f, ()):
                if p.circ == circ and (p.cross or not i) and p.applies(form, True):
                    out.add(p.add + form[len(p.strip):])


def expand_dictionary(base: Path = DEFAULT_DICTIONARY) -> frozenset[str]:
    """All word forms of ``base.dic`` under ``base.aff`` (lowercase, clitics excluded)."""
    pfx, sfx, needaffix = _read_aff(base.with_suffix(".aff"))
    out: set[str] = set()
    lines = base.with_suffix(".dic").read_text(encoding="iso-8859-1").splitlines()
    for line in lines[1:]:
        word = line.strip()
        if not word:
            continue
        stem, _, flags = word.partition("/")
        _expand(stem.lower(), frozenset(flags[i:i + 2] for i in range(0, len(flags), 2)), pfx, sfx, needaffix, out)
    return frozenset(out)


class Lexicon:
    """Membership test for valid Indonesian words (lowercase)."""

    def __init__(self, forms: frozenset[str]):
        self.forms = forms

    def __contains__(self, low: str) -> bool:
        if low in self.forms:
            return True
        if not low.endswith(CLITICS):
            return False
        for c in CLITICS:
            if low.endswith(c) and len(low) - len(c) >= _MIN_STEM and low[: -len(c)] in self.forms:
                return True
        return False

    def __len__(self) -> int:
        return len(self.forms)


def dictionary_digest(base: Path = DEFAULT_DICTIONARY) -> dict[str, str | None]:
    """SHA-256 of the dictionary files (None when missing); part of the vocabulary version."""
    out: dict[str, str | None] = {}
    for ext in (".dic", ".aff"):
        path = base.with_suffix(ext)
        out[ext] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    return out


@functools.lru_cache(maxsize=2)
def indonesian_lexicon(base: Path = DEFAULT_DICTIONARY) -> Lexicon:
    """The hunspell-id lexicon (expanded once, then read from the user's cache). Raises
    FileNotFoundError when the Debian package hunspell-id is not installed (``make deps`` installs it)."""
    if not base.with_suffix(".dic").exists():
        raise FileNotFoundError(f"{base}.dic not found: install the Debian package hunspell-id")
    return Lexicon(cached_forms(base, cache_folder()))


def cache_folder() -> Path:
    """Where expanded dictionaries are kept: $XDG_CACHE_HOME/kpu-extract (default ~/.cache)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kpu-extract"


def cached_forms(base: Path, folder: Path) -> frozenset[str]:
    """`expand_dictionary(base)`, kept in `folder` under a key of the dictionary files and this
    module's code: expanding takes 0.75 s a process (each pool worker pays it), reading 0.06 s.
    A file whose checksum does not match is expanded again; an unwritable folder only costs time."""
    key = hashlib.sha256(Path(__file__).read_bytes())
    for ext in (".dic", ".aff"):
        key.update(base.with_suffix(ext).read_bytes())
    path = folder / f"lexicon-{key.hexdigest()[:16]}.txt"
    try:
        checksum, _, body = path.read_bytes().partition(b"\n")
        if checksum.decode() == hashlib.sha256(body).hexdigest():
            return frozenset(body.decode().split("\n"))
    except (OSError, UnicodeDecodeError):
        pass
    forms = expand_dictionary(base)
    body = "\n".join(sorted(forms)).encode()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False) as fh:
            fh.write(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
        os.replace(fh.name, path)
    except OSError:
        pass
    return forms
