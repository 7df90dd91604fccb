"""Notebooks are code: committed without outputs, runnable headless with a parameters cell.

Executing them on the sample export is pytest's job too: ``pytest --nbmake notebooks`` (part of
``make test``, through ``addopts``). Here each one also runs under papermill with a second,
different export injected as its parameters, writes only where it is told to, and calls only
netkit's public API.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import netkit as nk
import netkit.metrics
import netkit.plot
from netkit.sample import generate_export

try:
    import papermill
except ImportError:  # reported by the test that needs it, never skipped
    papermill = None

ROOT = Path(__file__).parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
EXPECTED = [
    "01_start_here",
    "02_quality_vs_quantity",
    "03_growth_and_spikes",
    "04_reconnect",
    "05_reciprocity_and_depth",
    "06_graph",
]
#: Notebooks that write files: into the folder given as ``out_dir``.
WRITERS = {"04_reconnect": "reconnect_*.csv", "06_graph": "network_*.*"}
SAMPLE = "../data/sample/Complete_LinkedInDataExport_11-16-2026.zip"
#: Public names a notebook may reach, per module.
PUBLIC = {
    "netkit": set(nk.__all__) | {"plot", "report", "metrics"},
    "netkit.metrics": set(netkit.metrics.__all__),
    "netkit.plot": set(netkit.plot.__all__),
}


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(path: Path) -> list[str]:
    return ["".join(cell["source"]) for cell in read(path)["cells"] if cell["cell_type"] == "code"]


def parameters(path: Path) -> dict[str, object]:
    """The literal assignments of the first code cell."""
    tree = ast.parse(code_cells(path)[0])
    return {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
    }


def test_the_notebooks_of_the_issue():
    assert [path.stem for path in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    notebook = read(path)
    dirty = [
        i
        for i, cell in enumerate(notebook["cells"])
        if cell.get("outputs") or cell.get("execution_count") is not None
    ]
    assert dirty == [], f"{path.name}: cells {dirty} carry outputs; strip them (nbstripout)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_can_be_run_by_papermill(path):
    notebook = read(path)
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    assert notebook["metadata"]["language_info"]["name"] == "python"
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert "parameters" in code[0]["metadata"].get("tags", []), "first code cell: parameters"
    assert "export_path" in "".join(code[0]["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_parameters_default_to_the_sample_and_the_export_date(path):
    values = parameters(path)
    assert values["export_path"] == SAMPLE
    assert (NOTEBOOK_DIR / SAMPLE).is_file()
    assert values["as_of"] is None
    if path.stem in WRITERS:
        assert values["out_dir"] is None, "None: a new temporary folder, never the repository"


def _names_used(source: str) -> list[tuple[str, str]]:
    """(module, name) of every ``from netkit... import name``, ``nk.name`` and ``nk.plot.name``."""
    used = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("netkit"):
            used += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            used += [("import", alias.name) for alias in node.names if "netkit" in alias.name]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "nk":
                used.append(("netkit", node.attr))
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and isinstance(node.value.value, ast.Name)
            and node.value.value.id == "nk"
        ):
            used.append((f"netkit.{node.value.attr}", node.attr))
    return used


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_calls_only_the_public_api(path):
    private = [
        (module, name)
        for source in code_cells(path)
        for module, name in _names_used(source)
        if (module == "import" and name != "netkit")
        or (module != "import" and name not in PUBLIC.get(module, set()))
    ]
    assert private == [], f"{path.name} reaches past netkit's public API: {private}"


# --- executed with another export -----------------------------------------------------------
@pytest.fixture(scope="module")
def second_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An export unlike the sample: 150 connections, another seed."""
    return generate_export(tmp_path_factory.mktemp("second"), size=150, seed=7)


def _repository_files() -> set[Path]:
    return {p for folder in ("notebooks", "data") for p in (ROOT / folder).rglob("*")} | set(
        ROOT.glob("*")
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_another_export_as_of_a_date(path, second_export, tmp_path):
    assert papermill is not None, "papermill is not installed: pip install -e '.[dev,notebooks]'"
    out_dir = tmp_path / "files"
    injected = {"export_path": str(second_export), "as_of": "2026-06-30"}
    if path.stem in WRITERS:
        injected["out_dir"] = str(out_dir)
    before = _repository_files()

    executed = papermill.execute_notebook(
        str(path),
        str(tmp_path / path.name),
        parameters=injected,
        cwd=str(NOTEBOOK_DIR),
        kernel_name="python3",
        progress_bar=False,
    )

    errors = [
        output
        for cell in executed["cells"]
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert errors == []
    tags = [cell["metadata"].get("tags", []) for cell in executed["cells"]]
    assert sum("injected-parameters" in cell_tags for cell_tags in tags) == 1
    text = "\n".join(
        "".join(output.get("text", "")) + "".join(output.get("data", {}).get("text/markdown", ""))
        for cell in executed["cells"]
        for output in cell.get("outputs", [])
    )
    assert "30 June 2026" in text, "every notebook says the date it measures at"
    assert "16 November 2026" not in text, "as_of was ignored somewhere"
    if path.stem in WRITERS:
        assert sorted(out_dir.glob(WRITERS[path.stem])), f"{path.stem} wrote nothing to out_dir"
    assert _repository_files() == before, "a notebook wrote into the repository"
