"""Time the tools people use today on the same generated exports as `run.py`, and check whether
they kept every row.

Peers are not netkit's dependencies: install them in a virtual environment of their own and
point ``--peers`` at its ``bin`` folder (nothing is installed by this script):

    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install linkedin2md linkedin-analyzer
    python benchmarks/peers.py --peers /tmp/peers/bin --sizes medium large

- ``linkedin2md`` (zip -> Markdown): one ``## <date>`` heading per message in messages.md and
  one table row per connection in connections.md.
- ``linkedin-analyzer`` (one CSV -> Excel): reads the extracted messages.csv and
  Connections.csv (extracting is not timed); rows are counted in the workbook it writes, with
  openpyxl from the peers' environment.

Each run is one fresh process: wall time and that process's peak resident memory (``wait4``).
The rows each tool kept are compared with the rows in the CSV files (netkit's `ex.files`
``rows_read``, which `tests/` check against Python's csv module). Results go to
``benchmarks/results/peers.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import SIZES, export_path


def timed(command: list[str], **options) -> dict:
    # stderr goes to a file, not a pipe: a tool that writes more than a pipe holds while we
    # wait for it to end would wait for us forever.
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr, **options
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        stderr.seek(0)
        said = stderr.read().decode(errors="replace").strip().splitlines()
    error = said[-1:] if status else []
    return {
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,
        "ok": os.waitstatus_to_exitcode(status) == 0,
        "error": error[0] if error else None,
    }


def linkedin2md(bin_dir: Path, export: Path, work: Path) -> dict:
    out = work / "linkedin2md"
    result = timed([str(bin_dir / "linkedin2md"), str(export), "-o", str(out), "-q"])
    messages = out / "messages.md"
    connections = out / "connections.md"
    if messages.exists():
        lines = messages.read_text("utf-8").splitlines()
        result["messages"] = sum(line.startswith("## ") for line in lines)
    if connections.exists():
        rows = [x for x in connections.read_text("utf-8").splitlines() if x.startswith("|")]
        result["connections"] = max(len(rows) - 2, 0)  # the header and its rule
    return result


def linkedin_analyzer(bin_dir: Path, export: Path, work: Path) -> dict:
    with zipfile.ZipFile(export) as zf:
        zf.extract("messages.csv", work)
        zf.extract("Connections.csv", work)
    result: dict = {"seconds": 0.0, "peak_mb": 0.0, "ok": True, "error": None}
    for command, csv, key in (
        ("messages", "messages.csv", "messages"),
        ("connections", "Connections.csv", "connections"),
    ):
        out = work / f"{key}.xlsx"
        run = timed(
            [str(bin_dir / "linkedin-analyzer"), "--log-level", "ERROR", command,
             "--input", str(work / csv), "--output", str(out)]
        )  # fmt: skip
        result["seconds"] += run["seconds"]
        result["peak_mb"] = max(result["peak_mb"], run["peak_mb"])
        result["ok"] &= run["ok"]
        result["error"] = result["error"] or run["error"]
        if out.exists():
            count = (
                "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1], read_only=True); "
                "print(sum(ws.max_row - 1 for ws in wb.worksheets))"
            )
            python = str(bin_dir / "python")
            rows = subprocess.run([python, "-c", count, str(out)], capture_output=True, text=True)
            result[key] = int(rows.stdout.strip() or 0)
    return result


PEERS = {"linkedin2md": linkedin2md, "linkedin-analyzer": linkedin_analyzer}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peers", type=Path, required=True, help="bin folder of the peers")
    parser.add_argument("--sizes", nargs="+", default=["medium"], choices=list(SIZES))
    parser.add_argument("--only", nargs="+", choices=list(PEERS), default=list(PEERS))
    parser.add_argument(
        "--json", type=Path, default=Path(__file__).parent / "results" / "peers.json"
    )
    args = parser.parse_args()

    results = []
    for size in args.sizes:
        export = export_path(size)
        # The rows in the files and the rows netkit kept, counted in a process of its own: a
        # tool started from this one afterwards would inherit this one's peak memory.
        probe = (
            "import json, netkit; ex = netkit.load_export(__import__('sys').argv[1]); "
            "rows = ex.files.set_index('path')['rows_read']; print(json.dumps({"
            "'truth': {'messages': int(rows['messages.csv']), "
            "'connections': int(rows['Connections.csv'])}, "
            "'counts': {'messages': len(ex.messages), 'connections': len(ex.connections)}}))"
        )
        found = subprocess.run(
            [sys.executable, "-c", probe, str(export)], capture_output=True, text=True, check=True
        )
        truth, counts = json.loads(found.stdout)["truth"], json.loads(found.stdout)["counts"]
        load = f"import netkit; netkit.load_export({str(export)!r})"
        measured = timed([sys.executable, "-c", load])
        results.append({"size": size, "tool": "netkit load_export", **measured, **counts})
        for name in args.only:
            if not (args.peers / name).exists():
                print(f"{name}: not installed in {args.peers}", file=sys.stderr)
                continue
            with tempfile.TemporaryDirectory(prefix="netkit-peers-") as work:
                measured = PEERS[name](args.peers, export, Path(work))
            results.append({"size": size, "tool": name, **measured})
        for row in results:
            if row["size"] == size:
                row["rows_in_files"] = truth
    print(f"{'size':<8}{'tool':<22}{'seconds':>9}{'peak MB':>9}  messages kept   connections kept")
    for row in results:
        truth = row["rows_in_files"]
        kept = [
            f"{row.get(k, '-'):>8} / {truth[k]:<8}" if k in row else f"{'-':>8} / {truth[k]:<8}"
            for k in ("messages", "connections")
        ]
        peak = f"{row['peak_mb']:>9.0f}" if "peak_mb" in row else f"{'':>9}"
        note = "" if row["ok"] else f"  failed: {row['error']}"
        head = f"{row['size']:<8}{row['tool']:<22}{row['seconds']:>9.1f}{peak}"
        print(f"{head}  {'  '.join(kept)}{note}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
