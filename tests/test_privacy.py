"""Privacy (issue 7): netkit never opens a socket and writes only where it is told.

The whole pipeline (``load_export``, every metric of ``netkit.metrics``, ``build_graph``,
``graph_measures`` and ``nk.report.render``) runs on the committed sample with
``socket.socket``, ``socket.create_connection`` and ``socket.getaddrinfo`` replaced by functions
that fail the test; the working directory and the temporary directory are moved inside the test's
own tree, and after ``render`` every new or changed path of that tree is inside ``out_dir``.
"""

from __future__ import annotations

import shutil
import socket
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest

import netkit as nk
from netkit import metrics

SAMPLE = (
    Path(__file__).parent.parent / "data" / "sample" / "Complete_LinkedInDataExport_11-16-2026.zip"
)


class NetworkUsed(AssertionError):
    pass


def _refuse(*args, **kwargs):
    raise NetworkUsed(f"netkit tried to use the network: {args!r}")


@pytest.fixture
def no_network(monkeypatch):
    """Every way in to a socket raises ``NetworkUsed`` (an AssertionError nothing should catch)."""
    for name in ("socket", "create_connection", "getaddrinfo", "socketpair", "fromfd"):
        if hasattr(socket, name):
            monkeypatch.setattr(socket, name, _refuse)


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every path under ``root`` with its size and modification time."""
    return {
        str(path.relative_to(root)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in root.rglob("*")
    }


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    """A tmp tree holding the input, the cwd and the temporary directory; returns the input."""
    (tmp_path / "in").mkdir()
    (tmp_path / "cwd").mkdir()
    (tmp_path / "tmp").mkdir()
    source = shutil.copy(SAMPLE, tmp_path / "in" / SAMPLE.name)
    monkeypatch.chdir(tmp_path / "cwd")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    for variable in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(variable, str(tmp_path / "tmp"))
    return Path(source)


def test_the_socket_guard_works(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 80))
    with pytest.raises(NetworkUsed):
        socket.socket()


def test_whole_pipeline_runs_without_network(no_network, sandbox):
    ex = nk.load_export(sandbox)
    assert len(ex.connections) > 0
    results = {}
    for name in metrics.__all__:
        results[name] = getattr(metrics, name)(ex)
    assert set(results) == set(metrics.__all__)
    graph = nk.build_graph(ex)
    assert graph.number_of_nodes() > 1
    from netkit.graph import graph_measures

    graph_measures(graph)
    written = nk.report.render(ex, sandbox.parent.parent / "out")
    assert written


def test_render_writes_only_inside_out_dir(no_network, sandbox):
    root = sandbox.parent.parent
    out_dir = root / "out" / "reports"
    before = _tree(root)
    written = nk.report.render(sandbox, out_dir)
    after = _tree(root)
    changed = {path for path, stat in after.items() if before.get(path) != stat}
    outside = {
        path for path in changed if not (root / path).resolve().is_relative_to(out_dir.resolve())
    }
    # The folders leading to out_dir are created by render; nothing else outside it changes.
    outside -= {"out"}
    assert outside == set()
    assert set(before) <= set(after)  # nothing removed
    assert all(Path(path).resolve().is_relative_to(out_dir.resolve()) for path in written)
    assert (out_dir / "history.csv").exists()
