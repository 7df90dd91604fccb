"""The ``netkit`` command line.

``netkit summary EXPORT`` prints what an export holds; ``netkit report EXPORT`` renders the PNG
report of a month (quarter, year) and records it in history.csv; ``netkit sample OUT_DIR``
writes a synthetic export in the real format. Exit codes: 0 ok, 1 unreadable input or
unwritable output (one line on stderr), 2 bad usage. ``--debug`` shows the traceback of an
error, for bug reports.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ExportError

if TYPE_CHECKING:
    from .archive import Archive

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netkit",
        description="How healthy is your professional network? Reads a LinkedIn data export "
        "(the zip as downloaded, or its folder). netkit never touches the network.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    summary = commands.add_parser("summary", help="print what an export holds")
    summary.add_argument("export", type=Path, help="the export zip or folder")
    summary.add_argument(
        "--problems",
        action="store_true",
        help="also list every record or value that could not be read as-is",
    )

    report = commands.add_parser(
        "report",
        help="render the PNG report of a period: a dashboard and one picture per chart",
        description="Render the report of one calendar period into OUT/<period>/ "
        "(dashboard.png and one PNG per chart) and record its headline figures in "
        "OUT/history.csv (re-running a period replaces its row). Default period: the last "
        "complete month before the export date.",
    )
    report.add_argument(
        "exports",
        type=Path,
        nargs="+",
        metavar="EXPORT",
        help="the export zip or folder; several exports of the same account (any order) "
        "make a history run: every period since the oldest export, all messages merged",
    )
    report.add_argument(
        "--out",
        type=Path,
        default=Path("netkit-report"),
        metavar="DIR",
        help="report folder (default ./netkit-report)",
    )
    report.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="report the period holding DATE (YYYY-MM-DD) instead of the last complete one",
    )
    report.add_argument(
        "--period",
        choices=["month", "quarter", "year"],
        default="month",
        help="calendar period of the report (default month)",
    )
    report.add_argument(
        "--since",
        type=_date,
        metavar="DATE",
        help="also render every period from the one holding DATE on",
    )
    report.add_argument(
        "--anonymize",
        action="store_true",
        help="show every person as a stable pseudonym: no name, email or profile URL in any "
        "file written",
    )
    report.add_argument(
        "--key",
        default=os.environ.get("NETKIT_KEY"),
        help="secret behind the pseudonyms of --anonymize (default: $NETKIT_KEY, else a "
        "random key each run); keep the same key to keep the same pseudonyms",
    )
    report.add_argument(
        "--dpi", type=_dpi, default=100, help="resolution of the PNGs (default 100)"
    )

    sample = commands.add_parser("sample", help="write a synthetic export in LinkedIn's format")
    sample.add_argument("out_dir", type=Path, help="folder to write the export into")
    sample.add_argument(
        "--size",
        choices=["small", "large"],
        default="small",
        help="small: a few hundred connections; large: LinkedIn's cap, "
        "30,000 connections and about 1,000,000 messages",
    )
    sample.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    sample.add_argument(
        "--folder", action="store_true", help="write the extracted folder instead of the zip"
    )
    return parser


def _date(text: str) -> str:
    """A ``--as-of``/``--since`` value: a date (or date and time) pandas can read."""
    import pandas as pd

    try:
        valid = pd.notna(pd.Timestamp(text))
    except (ValueError, TypeError):
        valid = False
    if not valid:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (expected YYYY-MM-DD)")
    return text


def _dpi(text: str) -> float:
    """A ``--dpi`` value: a resolution between 10 and 600 dots per inch."""
    try:
        dpi = float(text)
    except ValueError:
        dpi = float("nan")
    if not 10 <= dpi <= 600:
        raise argparse.ArgumentTypeError(f"not a resolution between 10 and 600: {text!r}")
    return dpi


def _opened(path: Path) -> Archive:
    """The export opened, its largest file (messages.csv) already inflating in a thread.

    Called before pandas is imported: inflating hundreds of MB and importing the loader's
    libraries then take the same half-second or so, side by side.
    """
    from .archive import open_archive

    archive = open_archive(path)
    archive.inflate_largest_ahead()
    return archive


def _summary(args: argparse.Namespace) -> int:
    archive = _opened(args.export)
    _one_load_memory_pool()
    from .export import load_archive

    ex = load_archive(archive)
    print(ex.summary())
    if args.problems and len(ex.problems):
        print(ex.problems.to_string(index=False, max_colwidth=60))
    return 0


def _sample(args: argparse.Namespace) -> int:
    from .sample import generate_export

    args.out_dir.mkdir(parents=True, exist_ok=True)
    path = generate_export(args.out_dir, size=args.size, seed=args.seed, as_zip=not args.folder)
    print(f"wrote {path}")
    return 0


def _report(args: argparse.Namespace) -> int:
    exports = args.exports
    # The first export (the only one, or the first of a history) starts inflating now.
    first = _opened(exports[0])
    _one_load_memory_pool()
    from ._parallel import in_background
    from .export import load_archive, load_history

    # The report's modules (matplotlib, networkx, the metrics) take half a second to import:
    # they do while the export loads, which mostly waits on inflating and parsing (they
    # release the GIL).
    drawing = in_background(lambda: importlib.import_module(".report", __package__))
    source = load_archive(first) if len(exports) == 1 else load_history([first, *exports[1:]])
    drawing.result()
    from .report import HISTORY_FILE, PeriodError, render

    try:
        written = render(
            source,
            args.out,
            as_of=args.as_of,
            period=args.period,
            since=args.since,
            anonymize=args.anonymize,
            key=args.key if args.anonymize else None,
            dpi=args.dpi,
        )
    except PeriodError as exc:  # an --as-of the export cannot answer: a usage error
        if args.debug:
            raise
        print(f"netkit: {exc}", file=sys.stderr)
        return 2
    folders = sorted({path.parent for path in written if path.name != HISTORY_FILE})
    where = str(folders[0]) if len(folders) == 1 else f"{folders[0]} … {folders[-1]}"
    dashboard = folders[-1] / "dashboard.png"
    print(
        f"wrote {len(written)} files to {where} "
        f"(dashboard: {dashboard}, history: {args.out / HISTORY_FILE})"
    )
    return 0


def _one_load_memory_pool() -> None:
    """Let Arrow allocate with jemalloc where it can, unless the user chose a pool.

    A command loads one export in a new process: jemalloc's first pass there is faster than
    the default pool's (about 0.8 s at LinkedIn's cap) and peaks 10 % lower, while the default
    is faster when a notebook reloads an export many times, so only the command line switches.
    """
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return
    import pyarrow as pa

    with contextlib.suppress(NotImplementedError, AttributeError):  # built without jemalloc
        pa.set_memory_pool(pa.jemalloc_memory_pool())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    run = {"summary": _summary, "report": _report, "sample": _sample}[args.command]
    try:
        return run(args)
    except ExportError as exc:
        if args.debug:
            raise
        print(f"netkit: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        if args.debug:
            raise
        print(f"netkit: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
