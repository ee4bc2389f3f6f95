"""Golden tests: every digital corpus document yields exactly its truth rows (exact Rupiah)."""

from __future__ import annotations

import pytest

from conftest import CORPUS, digital_names, processed, truth_for
from golden import FIELDS, diff

NAMES = digital_names()


@pytest.mark.parametrize("name", NAMES)
def test_document_metadata(name):
    doc = processed(str(CORPUS / f"{name}.pdf")).document
    truth = truth_for(name)["document"]
    assert doc.status == "ok", doc.error
    assert (doc.satker, doc.year, doc.doc_type, doc.n_pages, doc.n_ocr_pages) == (
        truth["satker"], truth["year"], truth["doc_type"], truth["n_pages"], 0)


@pytest.mark.parametrize("dataset", sorted(FIELDS))
@pytest.mark.parametrize("name", NAMES)
def test_rows_equal_truth(name, dataset):
    result = processed(str(CORPUS / f"{name}.pdf"))
    problems = diff(dataset, result.rows[dataset], truth_for(name).get(dataset, []))
    assert not problems, problems


@pytest.mark.parametrize("name", NAMES)
def test_pinned_checks(name):
    checks = processed(str(CORPUS / f"{name}.pdf")).rows["checks"]
    for pinned in truth_for(name).get("checks", []):
        hits = [c for c in checks if c.check == pinned["check"] and c.status == pinned["status"]
                and pinned.get("scope", "") in c.scope]
        assert hits, f"no {pinned} among {[(c.check, c.scope, c.status) for c in checks]}"


def test_corpus_is_not_empty():
    assert len(NAMES) >= 6
