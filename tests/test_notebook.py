"""docs/analysis.ipynb runs top to bottom on real outputs of `kpu-extract run` and draws its plots."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from conftest import CORPUS, ROOT
from kpu_extract.pipeline.cli import main

NOTEBOOK = ROOT / "docs" / "analysis.ipynb"
# Two digital documents: one with realisasi and printed percentages, one with targets and pagu only.
INPUTS = ("laptah_kota_serang_2023.pdf", "lakip_kota_serang_2022.pdf")


def test_analysis_notebook_runs_and_plots(tmp_path, monkeypatch):
    out = tmp_path / "outputs"
    assert main(["run", *(str(CORPUS / n) for n in INPUTS), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    monkeypatch.setenv("KPU_EXTRACT_OUTPUTS", str(out))
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mpl"))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 2
    text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert f"datasets in {out}:" in text
    assert "lines print a percentage" in text
