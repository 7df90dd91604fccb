"""The command line's answer to bad input, in one table: the exit code and one line.

api.md: "Exit codes: 0 ok, 2 bad usage, 1 unreadable input with a one-line reason, never a
traceback for a user's mistake (``--debug`` shows it)." Every row below is one kind of bad
input; for exit 1 the whole of stderr is one line, ``netkit: <what> <why>``, naming the file or
folder, with no traceback, and ``--debug`` lets the error through instead (its traceback is
printed by Python: checked once end to end with ``python -m netkit --debug``). Bad usage
exits 2 with argparse's usage on stderr.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fixtures import DEFAULT_NAME, PROFILE_CSV, write_zip
from test_archive_safety import CONNECTIONS, _with_declared_size
from test_errors import encrypt_flag

import netkit as nk
from netkit import archive
from netkit.cli import main

ZIP_NAME = f"{DEFAULT_NAME}.zip"


# --- inputs --------------------------------------------------------------------------------------
def good_zip(root: Path) -> Path:
    """A small readable export: the damaged inputs below start from zips like it."""
    return write_zip(
        root / "good" / ZIP_NAME, {"Connections.csv": CONNECTIONS, "Profile.csv": PROFILE_CSV}
    )


def file_with(root: Path, name: str, data: bytes) -> Path:
    path = root / "input" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def folder_with(root: Path, files: dict[str, bytes]) -> Path:
    folder = root / "folder"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def truncated_zip(root: Path) -> Path:
    whole = write_zip(
        root / "whole" / ZIP_NAME, {"Connections.csv": CONNECTIONS, "Profile.csv": PROFILE_CSV * 50}
    ).read_bytes()
    return file_with(root, ZIP_NAME, whole[: len(whole) // 2])


def encrypted_zip(root: Path) -> Path:
    return file_with(root, ZIP_NAME, encrypt_flag(good_zip(root).read_bytes()))


def bomb_zip(root: Path) -> Path:
    """A member declaring more than any export holds (a lying header), as in
    test_archive_safety.py: refused before it is inflated."""
    small = write_zip(root / "small" / ZIP_NAME, {"Connections.csv": CONNECTIONS}).read_bytes()
    return file_with(root, ZIP_NAME, _with_declared_size(small, archive.MAX_MEMBER_BYTES + 1))


def export_with(files: dict[str, bytes]) -> Callable[[Path], Path]:
    return lambda root: write_zip(root / "export" / ZIP_NAME, files)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
CONNECTIONS_WITHOUT_DATE = (
    b"First Name,Last Name,URL,Email Address,Company,Position\n"
    b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,PM\n"
)

#: (input, how to build it, a fragment of the one line, what the line must name).
UNREADABLE: list[tuple[str, Callable[[Path], Path], str, str]] = [
    ("missing path", lambda root: root / ZIP_NAME, "no such file or folder", ZIP_NAME),
    ("empty folder", lambda root: folder_with(root, {}), "the folder is empty", "folder"),
    (
        "folder without any LinkedIn file",
        lambda root: folder_with(root, {"notes.txt": b"shopping list\n"}),
        "no LinkedIn export file inside",
        "folder",
    ),
    (
        "a text file",
        lambda root: file_with(root, "notes.txt", b"hello\n"),
        "not a zip file or folder",
        "notes.txt",
    ),
    (
        "not a zip, named .zip",
        lambda root: file_with(root, ZIP_NAME, b"<html>Download failed</html>\n"),
        "not a zip file or folder",
        ZIP_NAME,
    ),
    ("an empty file", lambda root: file_with(root, ZIP_NAME, b""), "an empty file", ZIP_NAME),
    ("truncated zip", truncated_zip, "a zip file cut short or damaged", ZIP_NAME),
    ("encrypted member", encrypted_zip, "'Connections.csv' is encrypted", ZIP_NAME),
    ("zip bomb member", bomb_zip, "far more than a real export holds", ZIP_NAME),
    (
        "binary data under messages.csv",
        export_with({"Connections.csv": CONNECTIONS, "messages.csv": PNG}),
        "holds binary data, not CSV text",
        "messages.csv",
    ),
    (
        "Connections.csv missing a required column",
        export_with({"Connections.csv": CONNECTIONS_WITHOUT_DATE}),
        "Expected at least: First Name, Last Name, Connected On",
        "Connections.csv",
    ),
]
COMMANDS = {
    "summary": lambda path, root: ["summary", str(path)],
    "report": lambda path, root: ["report", str(path), "--out", str(root / "out")],
}


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


# --- exit 1: unreadable input, unwritable output -------------------------------------------------
@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(
    ("build", "fragment", "named"),
    [row[1:] for row in UNREADABLE],
    ids=[row[0] for row in UNREADABLE],
)
def test_unreadable_input_exits_1_with_one_line(tmp_path, capsys, command, build, fragment, named):
    argv = COMMANDS[command](build(tmp_path), tmp_path)
    assert main(argv) == 1
    captured = capsys.readouterr()
    line = one_line(captured.err)
    assert line.startswith("netkit: ")
    assert fragment in line
    assert named in line
    assert "Traceback" not in captured.err
    assert captured.out == ""
    assert not (tmp_path / "out").exists()  # nothing written for an unreadable export


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(
    "build", [row[1] for row in UNREADABLE], ids=[row[0] for row in UNREADABLE]
)
def test_with_debug_the_same_input_lets_the_error_through(tmp_path, capsys, command, build):
    argv = COMMANDS[command](build(tmp_path), tmp_path)
    with pytest.raises(nk.ExportError):
        main(["--debug", *argv])
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("out", "fragment"),
    [
        (lambda root: file_with(root, "netkit-report", b"a file, not a folder\n"), "not a folder"),
        (
            lambda root: file_with(root, "netkit-report", b"a file\n") / "2026",
            "Not a directory",
        ),
    ],
    ids=["a file in place of the folder", "a file in place of a parent folder"],
)
def test_unwritable_out_exits_1_with_one_line(tmp_path, capsys, out, fragment):
    target = out(tmp_path)
    assert main(["report", str(good_zip(tmp_path)), "--out", str(target)]) == 1
    captured = capsys.readouterr()
    line = one_line(captured.err)
    assert line.startswith("netkit: ")
    assert fragment in line
    assert str(target) in line
    assert "Traceback" not in captured.err
    with pytest.raises(NotADirectoryError, match=fragment):
        main(["--debug", "report", str(good_zip(tmp_path)), "--out", str(target)])


# --- exit 2: bad usage ---------------------------------------------------------------------------
USAGE: list[tuple[str, list[str], str]] = [
    ("no command", [], "the following arguments are required: COMMAND"),
    ("unknown command", ["export"], "invalid choice: 'export'"),
    ("summary without EXPORT", ["summary"], "the following arguments are required: export"),
    ("report without EXPORT", ["report"], "the following arguments are required: EXPORT"),
    ("bad --as-of date", ["report", "{zip}", "--as-of", "2026-13-45"], "not a date: '2026-13-45'"),
    ("unknown --period", ["report", "{zip}", "--period", "week"], "invalid choice: 'week'"),
    ("--dpi out of range", ["report", "{zip}", "--dpi", "5000"], "not a resolution"),
    ("bad --size", ["sample", "{out}", "--size", "huge"], "invalid choice: 'huge'"),
]


@pytest.mark.parametrize(
    ("argv", "fragment"), [row[1:] for row in USAGE], ids=[r[0] for r in USAGE]
)
def test_bad_usage_exits_2_with_the_usage(tmp_path, capsys, argv, fragment):
    filled = [a.format(zip=good_zip(tmp_path), out=tmp_path / "sample") for a in argv]
    with pytest.raises(SystemExit) as info:
        main(filled)
    assert info.value.code == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("usage: netkit")
    assert fragment in captured.err
    assert "Traceback" not in captured.err
    assert not (tmp_path / "out").exists()
    assert not (tmp_path / "sample").exists()


def test_an_as_of_after_the_export_date_exits_2_with_one_line(tmp_path, capsys):
    out = tmp_path / "out"
    assert (
        main(["report", str(good_zip(tmp_path)), "--as-of", "2030-01-01", "--out", str(out)]) == 2
    )
    line = one_line(capsys.readouterr().err)
    assert line.startswith("netkit: ")
    assert "after the export date (2025-12-05)" in line
    assert not (out / "history.csv").exists()


# --- end to end: what a person sees in a terminal ------------------------------------------------
def test_python_dash_m_shows_one_line_and_with_debug_the_traceback(tmp_path):
    path = truncated_zip(tmp_path)

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "netkit", *argv],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )

    plain = run("summary", str(path))
    assert plain.returncode == 1
    assert one_line(plain.stderr).startswith(f"netkit: {path}: a zip file cut short")
    debug = run("--debug", "summary", str(path))
    assert debug.returncode == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert debug.stderr.rstrip().splitlines()[-1].startswith("netkit.errors.NotAnExportError")


def test_the_zip_the_bad_inputs_start_from_is_readable(tmp_path, capsys):
    """Without this, a row above could pass because its starting point was already broken."""
    assert main(["summary", str(good_zip(tmp_path))]) == 0
    captured = capsys.readouterr()
    assert "1 connections" in captured.out
    assert captured.err == ""
