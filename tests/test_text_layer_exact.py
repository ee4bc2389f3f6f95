"""The text layer's faster paths read exactly what pdfplumber's own calls read.

page_objects.parse_objects vs `Page.parse_objects`, `_cell_texts` vs `Table.extract()` (none of
these pages draws two texts over each other), the outside text and word tops from one word extraction vs `extract_text()` + `extract_words()`;
on every page of the digital corpus, two layout draws with borderless tables and a real LKIP.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from kpu_extract.extract.page_objects import parse_objects
from kpu_extract.extract.text_layer import TABLE_SETTINGS, _cell_texts, _without_padding, _wordmap_to_text
from kpu_extract.normalize.lexicon import DEFAULT_DICTIONARY, cached_forms, expand_dictionary
from pdfplumber.utils.text import WordExtractor

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent.parent / "shared" / "real" / "lkip_disperindag_prov_jabar_2016.pdf"
PDFS = sorted((ROOT / "corpus").glob("*.pdf")) + [ROOT / "corpus" / "layouts" / n for n in
                                                   ("L08_rkt_none.pdf", "L19_rakq_headerbox.pdf")]


def _pages(path: Path, limit: int = 12):
    with pdfplumber.open(path) as pdf:
        yield from pdf.pages[:limit]


@pytest.mark.parametrize("path", PDFS + ([REAL] if REAL.exists() else []), ids=lambda p: p.stem)
def test_fast_paths_equal_pdfplumber(path):
    for page in _pages(path):
        expected = page.parse_objects()
        parse_objects(page)
        assert page.objects == expected
        assert [list(o) for k in expected for o in page.objects[k]] == [list(o) for k in expected for o in expected[k]]
        page = _without_padding(page)
        for table in page.find_tables(TABLE_SETTINGS):
            assert _cell_texts([list(r.cells) for r in table.rows], page.chars) == table.extract()
        wordmap = WordExtractor().extract_wordmap(page.chars)
        assert _wordmap_to_text(page, wordmap) == page.extract_text()
        assert [w for w, _ in wordmap.tuples] == page.extract_words()


def test_cached_lexicon_equals_the_expansion(tmp_path):
    fresh = expand_dictionary(DEFAULT_DICTIONARY)
    assert cached_forms(DEFAULT_DICTIONARY, tmp_path) == fresh  # expanded, written
    (cached,) = tmp_path.glob("lexicon-*.txt")
    assert cached_forms(DEFAULT_DICTIONARY, tmp_path) == fresh  # read back
    cached.write_bytes(cached.read_bytes()[:-10])  # a damaged file is expanded again
    assert cached_forms(DEFAULT_DICTIONARY, tmp_path) == fresh
    (tmp_path / "file").write_text("")
    assert cached_forms(DEFAULT_DICTIONARY, tmp_path / "file" / "no") == fresh  # an unwritable folder
