"""The command line on good input: summary, sample, ``python -m netkit``.

Bad input (exit codes, one-line errors, ``--debug``) is one table in test_cli_errors.py.
"""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import netkit as nk
from netkit.cli import main

SAMPLE = (
    Path(__file__).parent.parent / "data" / "sample" / "Complete_LinkedInDataExport_11-16-2026.zip"
)


def test_summary_of_the_sample_names_the_owner_and_counts(capsys):
    assert main(["summary", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    ex = nk.load_export(SAMPLE)
    assert ex.owner.name in out
    assert f"{len(ex.connections):,} connections" in out
    assert "as of 2026-11-16" in out


def test_summary_lists_problems_on_request(tmp_path, capsys):
    (tmp_path / "Connections.csv").write_bytes(
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,PM,31 Foo 2023\n"
    )
    assert main(["summary", str(tmp_path), "--problems"]) == 0
    out = capsys.readouterr().out
    assert "31 Foo 2023" in out
    assert "1 problems" in out


def test_sample_writes_a_zip_that_loads(tmp_path, capsys):
    assert main(["sample", str(tmp_path), "--seed", "3"]) == 0
    written = sorted(tmp_path.glob("*.zip"))
    assert len(written) == 1
    assert zipfile.is_zipfile(written[0])
    assert str(written[0]) in capsys.readouterr().out
    assert len(nk.load_export(written[0]).connections) > 100


def test_python_dash_m_runs_the_same_command_line():
    result = subprocess.run(
        [sys.executable, "-m", "netkit", "summary", str(SAMPLE)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0
    assert "connections" in result.stdout


@pytest.fixture
def memory_pool():
    """Restore Arrow's default memory pool after a test that lets the command line change it."""
    import pyarrow as pa

    before = pa.default_memory_pool()
    yield pa
    pa.set_memory_pool(before)


def test_the_command_line_loads_with_jemalloc_where_arrow_has_it(memory_pool, capsys, monkeypatch):
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    try:
        jemalloc = memory_pool.jemalloc_memory_pool().backend_name
    except NotImplementedError:
        pytest.skip("this pyarrow has no jemalloc")
    assert main(["summary", str(SAMPLE)]) == 0
    assert memory_pool.default_memory_pool().backend_name == jemalloc


def test_a_memory_pool_the_user_chose_is_kept(memory_pool, capsys, monkeypatch):
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")
    memory_pool.set_memory_pool(memory_pool.system_memory_pool())
    assert main(["summary", str(SAMPLE)]) == 0
    assert memory_pool.default_memory_pool().backend_name == "system"


@pytest.mark.parametrize(
    "command",
    [
        ["summary", str(SAMPLE)],
        # a history: the first export starts early, the others are read after it
        ["report", str(SAMPLE), str(SAMPLE), "--out", "{out}"],
    ],
    ids=["summary", "history report"],
)
def test_the_command_line_starts_inflating_before_it_imports_pandas(command, tmp_path):
    # Inflating messages.csv (hundreds of MB at LinkedIn's cap) and importing the loader take
    # about as long: the command line opens the export first, so they run side by side.
    argv = [part.format(out=tmp_path / "out") for part in command]
    code = f"""
import sys
from netkit import archive
seen = []
start = archive.Archive.inflate_largest_ahead
def spy(self):
    seen.append("pandas" in sys.modules)
    return start(self)
archive.Archive.inflate_largest_ahead = spy
from netkit.cli import main
assert main({argv!r}) == 0
assert seen[0] is False, seen
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert ("420 connections" if command[0] == "summary" else "dashboard") in done.stdout
