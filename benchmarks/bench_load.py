"""Time `netkit.load_export` and every metric against the floor, on generated exports up to
LinkedIn's cap.

The floor is the least any reader must do: inflate the three main files from the zip (standard
library) and parse the same bytes with pyarrow's CSV reader into pandas. Each stage runs in its
own fresh process (so peak memory is its own), best of ``--repeat`` runs plus the first pass,
and the table reports seconds, the ratio to the floor measured in the same run, and peak
resident memory. The metrics stage loads the export once, then times each metric of
`netkit.metrics` and `build_graph` (its best pass excludes the load; its first includes
it). Exports are generated once and cached outside the repository.

    python benchmarks/bench_load.py                 # small, medium, large
    python benchmarks/bench_load.py --sizes large --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

SIZES = {"small": "small", "medium": 3000, "large": "large"}
CACHE = Path(os.environ.get("NETKIT_BENCH_CACHE", Path.home() / ".cache" / "netkit-bench"))
MAIN_FILES = ("Connections.csv", "messages.csv", "Invitations.csv")


def export_path(size: str) -> Path:
    """The cached generated export of that size (generated on first use)."""
    from netkit.sample import generate_export

    folder = CACHE / f"{size}-seed0"
    found = sorted(folder.glob("*.zip"))
    if found:
        return found[0]
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    path = generate_export(folder, size=SIZES[size], seed=0, as_zip=True)
    print(f"generated {path} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return path


def floor(path: Path) -> dict:
    """Inflate the main files and parse them with pyarrow's CSV reader into pandas."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    rows = 0
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name not in MAIN_FILES:
                continue
            data = zf.read(name)
            skip = 3 if name == "Connections.csv" else 0  # the Notes: preamble
            table = pacsv.read_csv(
                pa.py_buffer(data),
                read_options=pacsv.ReadOptions(skip_rows=skip),
                parse_options=pacsv.ParseOptions(newlines_in_values=True),
            )
            rows += len(table.to_pandas())
    return {"rows": rows}


def load(path: Path) -> dict:
    import netkit as nk

    ex = nk.load_export(path)
    return {
        "rows": len(ex.connections) + len(ex.messages) + len(ex.invitations),
        "interactions": len(ex.interactions),
        "people": len(ex.people),
    }


METRICS = (
    "growth", "growth_spikes", "quality_vs_quantity", "tie_strength", "layers", "dormant_ties",
    "fading_ties", "reciprocity", "invitation_quality", "pitch_after_connect", "health_summary",
    "build_graph", "metrics.activity",
)  # fmt: skip


def metrics(path: Path) -> dict:
    """Every metric once on an export loaded beforehand (the load is not timed here)."""
    import netkit as nk

    ex = _loaded.get(path) or _loaded.setdefault(path, nk.load_export(path))
    seconds = {}
    for name in METRICS:
        start = time.perf_counter()
        module, _, function = name.rpartition(".")
        getattr(getattr(nk, module) if module else nk, function)(ex)
        seconds[name] = time.perf_counter() - start
    return {"rows": len(ex.interactions), "each": seconds}


_loaded: dict = {}
STAGES = {"floor": floor, "load": load, "metrics": metrics}


def run_stage(stage: str, path: Path, repeat: int) -> dict:
    """Run one stage `repeat` times in this process; report the first pass, the best, peak RSS."""
    times = []
    info: dict = {}
    for _ in range(repeat):
        start = time.perf_counter()
        info = STAGES[stage](path)
        times.append(time.perf_counter() - start)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "stage": stage,
        "first": times[0],
        "best": min(times),
        "peak_mb": peak_kb / 1024,
        **info,
    }


def in_fresh_process(stage: str, path: Path, repeat: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", stage, str(path), "--repeat", str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=list(SIZES), choices=list(SIZES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("STAGE", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--json", type=Path, default=Path(__file__).parent / "results" / "load.json"
    )
    args = parser.parse_args()
    if args.child:
        stage, path = args.child
        print(json.dumps(run_stage(stage, Path(path), args.repeat)))
        return 0

    results = []
    print(
        f"{'size':<8}{'stage':<8}{'first s':>9}{'best s':>9}{'x floor':>9}{'peak MB':>9}"
        f"{'x floor':>9}{'rows':>11}"
    )
    for size in args.sizes:
        path = export_path(size)
        measured = {stage: in_fresh_process(stage, path, args.repeat) for stage in STAGES}
        base = measured["floor"]
        for name, seconds in measured["metrics"].pop("each").items():
            print(f"{'':<8}{name:<22}{seconds:>9.2f} s{seconds / base['best']:>9.2f} x floor")
        for stage, result in measured.items():
            result.update(
                size=size,
                zip_mb=path.stat().st_size / 2**20,
                ratio=result["best"] / base["best"],
                memory_ratio=result["peak_mb"] / base["peak_mb"],
            )
            results.append(result)
            print(
                f"{size:<8}{stage:<8}{result['first']:>9.2f}{result['best']:>9.2f}"
                f"{result['ratio']:>9.2f}{result['peak_mb']:>9.0f}{result['memory_ratio']:>9.2f}"
                f"{result['rows']:>11,}"
            )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2))
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
