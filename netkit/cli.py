"""The ``netkit`` command line.

``netkit summary EXPORT`` prints what an export holds; ``netkit sample OUT_DIR`` writes a
synthetic export in the real format. Exit codes: 0 ok, 1 unreadable input (one line on stderr),
2 bad usage. ``--debug`` shows the traceback of an error, for bug reports.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import ExportError

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


def _summary(args: argparse.Namespace) -> int:
    from .export import load_export

    ex = load_export(args.export)
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    run = {"summary": _summary, "sample": _sample}[args.command]
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
