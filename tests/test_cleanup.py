"""Word-level clean-up: the hunspell-id lexicon, valid words never repaired, OCR damage still repaired."""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

import pytest

from kpu_extract.normalize.cleanup import OCR_WORD_FIXES
from kpu_extract.normalize.lexicon import DEFAULT_DICTIONARY, PINNED_SHA256, dictionary_digest, indonesian_lexicon
from kpu_extract.normalize.vocabulary import FILES, default_vocabulary

ROOT = Path(__file__).resolve().parents[1]
VOCAB_DIR = ROOT / "src" / "kpu_extract" / "normalize" / "vocabulary"
_TOKEN = re.compile(r"[A-Za-z]+")


@pytest.fixture(scope="module")
def lexicon():
    return indonesian_lexicon()


def _vocabulary_words() -> set[str]:
    words: set[str] = set()
    for name in set(FILES.values()) - {"satker.csv"}:
        with open(VOCAB_DIR / name, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for text in (row["canonical"], *row["variants"].split("|")):
                    words.update(w.lower() for w in _TOKEN.findall(text) if len(w) >= 2)
    return words


def test_dictionary_is_the_pinned_version():
    """hunspell-id 1:7.5.0-1 is what docs/vocabulary.md measured; another version needs re-measuring."""
    assert dictionary_digest() == PINNED_SHA256


def test_lexicon_knows_affixed_forms(lexicon):
    for word in ("rapat", "dapat", "ketepatan", "ketetapan", "dilaksanakan", "melaksanakan", "ketersediaan",
                 "pemilik", "pemilih", "penyelenggaraan", "berkelanjutan", "ditindaklanjuti", "pertanggungjawaban",
                 "terwujudnya", "terlaksananya", "kegiatannya", "pemilu"):
        assert word in lexicon, word
    for damaged in ("tewujudnya", "pernilu", "pclaksanaan", "kemisi", "penyelenggaroan", "ketepafan"):
        assert damaged not in lexicon, damaged


def test_expansion_agrees_with_hunspell(lexicon):
    """The expanded forms are what hunspell (spylls, a Python port) accepts, on the vocabulary's
    words, OCR-damaged forms of them and a sample of the expansion."""
    spylls = pytest.importorskip("spylls.hunspell")
    hun = spylls.Dictionary.from_files(str(DEFAULT_DICTIONARY))
    rng = random.Random(5)
    words = sorted(_vocabulary_words())
    damaged = [w[:i] + rng.choice("aeiounmrlct") + w[i + 1:] for w in words if len(w) > 4 for i in [rng.randrange(len(w))]]
    sample = rng.sample(sorted(lexicon.forms), 1500)
    disagree = []
    for w in words + damaged + sample:
        says = bool(hun.lookup(w)) or any(w.endswith(c) and len(w) - len(c) >= 2 and hun.lookup(w[: -len(c)])
                                          for c in ("nya", "lah", "kah", "pun", "ku", "mu"))
        if (w in lexicon) != says and not hun.lookup(w.capitalize()):  # proper nouns: 'Pemilu', 'Januari'
            disagree.append(w)
    assert not disagree, disagree[:20]


def test_lexicon_coverage_of_the_vocabulary(lexicon, capsys):
    words = _vocabulary_words()
    known = {w for w in words if w in lexicon}
    with capsys.disabled():
        print(f"\nhunspell-id covers {len(known)}/{len(words)} = {len(known) / len(words):.3f} of the vocabulary's words "
              f"({len(lexicon)} forms); the rest (acronyms, loanwords) are valid as vocabulary words")
    assert len(known) / len(words) >= 0.8


def test_ocr_fixes_are_no_valid_words(lexicon):
    assert not [w for w in OCR_WORD_FIXES if w in lexicon]


# ------------------------------------------------------------------ valid words stay


def test_valid_words_are_never_repaired(lexicon):
    """Every valid word of the vocabulary and of the issue's failures comes back as it is."""
    words = sorted(w for w in _vocabulary_words() if w in lexicon)
    words += ["rapat", "dilaksanakan", "ketepatan", "ketetapan", "ketersediaan", "pemilik", "terbit", "tepat"]
    changed = [(w, default_vocabulary().clean(w)) for w in words if default_vocabulary().clean(w) != w]
    assert not changed, changed


@pytest.mark.parametrize(
    "raw",
    [
        "Jumlah rapat pleno rekapitulasi hasil penghitungan suara yang dilaksanakan",
        "Persentase ketepatan waktu KPU Kabupaten Serang dalam Pemutakhiran Data Pemilih",
        "Terwujudnya Data Pemilik secara Berkelanjutan",
        "Meningkatnya terbit administrasi dan pengelolaan sumber daya manusia",
    ],
)
def test_sentences_of_valid_words_stay(raw):
    assert default_vocabulary().clean(raw) == raw


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Pernilu", "Pemilu"),
        ("Pemi1u", "Pemilu"),
        ("pclaksanaan", "pelaksanaan"),
        ("Tewujudnya Dukungan", "Terwujudnya Dukungan"),
        ("KPO Kota Serang", "KPU Kota Serang"),
        ("Terlak- sananya pengelolaan", "Terlaksananya pengelolaan"),
        ("Pe rsentase", "Persentase"),
    ],
)
def test_damaged_words_are_still_repaired(raw, expected):
    assert default_vocabulary().clean(raw) == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Pernilu  Serentak", "Pernilu Serentak"),  # a printed typo stays printed
        ("penyeleng- garaan Pemilu", "penyelenggaraan Pemilu"),  # line-break hyphenation is layout
        ("Masa KampanyePemilu", "Masa Kampanye Pemilu"),  # a lost space is spacing
        ("Sosialisasi/Penyuluhan/ Bimbingan", "Sosialisasi/Penyuluhan/Bimbingan"),
        ("\u2022 Layanan\u00a0Perkantoran", "Layanan Perkantoran"),
    ],
)
def test_exact_clean_changes_spacing_only(raw, expected):
    assert default_vocabulary().clean(raw, exact=True) == expected
