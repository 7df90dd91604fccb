"""Time netkit's whole pipeline against the floor, on generated exports up to LinkedIn's cap.

The floor is the least any reader of the export must do: inflate the three main files with the
standard library's zip reader and parse the same bytes with pyarrow's CSV reader into pandas.
Every stage runs in a fresh process of its own (so its peak memory is its own) and reports the
first pass (often much slower on a shared machine) and the best of ``--repeat`` passes. Ratios
are taken against the floor measured in the same run: they, not the seconds, are what the
targets speak of.

Stages:

``floor``    zip -> pandas for Connections.csv, messages.csv, Invitations.csv
``load``     `netkit.load_export` (every table materialized, people and interactions included)
``metrics``  every metric of metrics.md and the graph, one after the other, on an export loaded
             beforehand (a fresh load before each pass: no result is reused across passes)
``charts``   the report's pictures (every chart and the dashboard) drawn and saved as
             ``netkit report`` draws them, from its data computed beforehand, each chart apart
``report``   ``netkit report EXPORT --out DIR`` end to end, a fresh process per pass (its
             import time included), with the time it spends drawing measured inside it
             (`report_child`): the chart drawing the report target allows for, drawn as the
             report draws it, in a fresh process

Exports are generated once with `netkit.sample` and cached outside the repository
(``~/.cache/netkit-bench``, or ``$NETKIT_BENCH_CACHE``), in a folder named after the size, the
seed and a hash of the generator's source, so that an export of an older generator is never
measured by mistake. Results go to
``benchmarks/results/run.json`` (ignored by git).

    python benchmarks/run.py                          # small, medium, large; best of 3
    python benchmarks/run.py --sizes large --repeat 5
    python benchmarks/run.py --sizes medium --stages floor load
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

#: Connections per size; messages grow with them (about 100,000 at medium, 1,000,000 at large).
SIZES = {"small": 420, "medium": 7_400, "large": 30_000}
CACHE = Path(os.environ.get("NETKIT_BENCH_CACHE", Path.home() / ".cache" / "netkit-bench"))
MAIN_FILES = ("Connections.csv", "messages.csv", "Invitations.csv")
STAGES = ("floor", "load", "metrics", "charts", "report")

#: The targets of issue 6, as ratios to the floor of the same run.
TARGETS = {
    "load": 1.5,  # load_export <= 1.5x the floor
    "metrics": 1.0,  # all metrics together <= 1x the floor, on top of loading
    "report": 3.0,  # netkit report end to end <= 3x the floor + at most 5 s of charts
}
CHART_ALLOWANCE_S = 5.0
MAX_PEAK_MB, MAX_PEAK_RATIO = 3 * 1024, 2.0
MAX_GROWTH = 12.0  # time at 1,000,000 messages / time at 100,000


#: The modules whose source decides what `netkit.sample` writes.
GENERATOR_SOURCES = ("sample.py", "_sample_chat.py", "_sample_names.py")


def generator_hash() -> str:
    """A short hash of the generator's source: any change to it gives new cached exports."""
    import netkit

    digest = hashlib.sha256()
    for name in GENERATOR_SOURCES:
        digest.update((Path(netkit.__file__).parent / name).read_bytes())
    return digest.hexdigest()[:12]


def export_path(size: str) -> Path:
    """The cached generated export of that size (generated on first use)."""
    folder = CACHE / f"{size}-{SIZES[size]}-seed0-{generator_hash()}"
    found = sorted(folder.glob("*.zip"))
    if found:
        return found[0]
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    # In a process of its own: a child forked later would inherit this one's peak memory.
    generate = (
        "from netkit.sample import generate_export as g; "
        f"g({str(folder)!r}, size={SIZES[size]}, seed=0, as_zip=True)"
    )
    subprocess.run([sys.executable, "-c", generate], check=True)
    (path,) = folder.glob("*.zip")
    print(f"generated {path} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return path


# -- stages (each runs in a child process) ---------------------------------------------------


def floor(path: Path) -> dict:
    """Inflate the main files (standard library) and parse them with pyarrow into pandas."""
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
    return {"rows": len(ex.connections) + len(ex.messages) + len(ex.invitations)}


def _metrics(nk) -> dict[str, Callable]:
    graphs: dict[int, object] = {}
    return {
        "growth": nk.growth,
        "growth_spikes": nk.growth_spikes,
        "quality_vs_quantity": nk.quality_vs_quantity,
        "tie_strength": nk.tie_strength,
        "layers": nk.layers,
        "dormant_ties": nk.dormant_ties,
        "fading_ties": nk.fading_ties,
        "reciprocity": nk.reciprocity,
        "invitation_quality": nk.invitation_quality,
        "pitch_after_connect": nk.pitch_after_connect,
        "health_summary": nk.health_summary,
        "build_graph": lambda ex: graphs.setdefault(id(ex), nk.build_graph(ex)),
        "graph_measures": lambda ex: nk.graph_measures(graphs[id(ex)]),  # on the graph above
        "activity": nk.metrics.activity,
    }


def metrics(path: Path, *, untimed: dict) -> dict:
    """Every metric once, on a freshly loaded export (the load is not timed)."""
    import netkit as nk

    start = time.perf_counter()
    ex = nk.load_export(path)
    untimed["seconds"] += time.perf_counter() - start
    each = {}
    for name, function in _metrics(nk).items():
        start = time.perf_counter()
        function(ex)
        each[name] = time.perf_counter() - start
    return {"rows": len(ex.interactions), "each": each}


def charts(path: Path, *, untimed: dict) -> dict:
    """The pictures of ``netkit report`` drawn and saved as the report draws them (its figure
    sizes, constrained layout, the dashboard), from the report's data computed beforehand."""
    import matplotlib

    import netkit as nk
    from netkit import report

    start = time.perf_counter()
    ex = nk.load_export(path)
    (current,) = report.report_periods(ex.as_of, period="month")
    summary = nk.health_summary(ex, as_of=current.as_of, period="month")
    history = report._with_row(report.read_history(path.parent / "no-history.csv"), summary)
    data = report._PeriodData(report._Inputs(ex, anonymize=False, key=None), current.as_of)
    for chart in report.CHARTS:
        data.given(chart)  # every metric the pictures draw
    untimed["seconds"] += time.perf_counter() - start
    each = {}
    with (
        tempfile.TemporaryDirectory(prefix="netkit-bench-") as out,
        matplotlib.rc_context(report._fonts()),
    ):
        for chart in report.CHARTS:
            start = time.perf_counter()
            figure = report._new_figure(chart.figsize, 100)
            report._draw(chart, data, figure.add_subplot())
            report._save(figure, Path(out) / f"{chart.file}.png", 100)
            each[chart.file] = time.perf_counter() - start
        start = time.perf_counter()
        dashboard = report._dashboard(data, current, summary, history, 100)
        report._save(dashboard, Path(out) / "dashboard.png", 100)
        each["dashboard"] = time.perf_counter() - start
    return {"rows": len(each), "each": each}


CHILD_STAGES = {"floor": floor, "load": load, "metrics": metrics, "charts": charts}


def run_child(stage: str, path: Path, repeat: int) -> dict:
    """Run one stage `repeat` times in this process: first pass, best pass, peak memory."""
    times, infos = [], []
    for _ in range(repeat):
        untimed = {"seconds": 0.0}
        function = CHILD_STAGES[stage]
        start = time.perf_counter()
        info = function(path, untimed=untimed) if stage in ("metrics", "charts") else function(path)
        times.append(time.perf_counter() - start - untimed["seconds"])
        infos.append(info)
    best = min(range(repeat), key=times.__getitem__)
    result = {"first": times[0], "best": times[best], **infos[best]}
    if "each" in result:  # each part's own best over the passes
        result["each"] = {k: min(i["each"][k] for i in infos) for k in infos[0]["each"]}
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def in_fresh_process(stage: str, path: Path, repeat: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", stage, str(path), "--repeat", str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(path: Path, repeat: int) -> dict:
    """``netkit report`` in a new process per pass: wall time, that process's peak memory, and
    the part of it spent drawing (`report_child`)."""
    times, peaks, drawing = [], [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="netkit-bench-") as out:
            start = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, __file__, "--report-child", str(path), out],
                stdout=subprocess.PIPE,
                text=True,
            )
            printed = child.stdout.read() if child.stdout else ""
            _, status, usage = os.wait4(child.pid, 0)
            times.append(time.perf_counter() - start)
            if os.waitstatus_to_exitcode(status) != 0:
                raise SystemExit(f"netkit report failed on {path}")
            peaks.append(usage.ru_maxrss / 1024)
            drawing.append(json.loads(printed.strip().splitlines()[-1])["drawing"])
            pictures = len(list(Path(out).rglob("*.png")))
    best = min(range(repeat), key=times.__getitem__)
    return {
        "first": times[0],
        "best": times[best],
        "drawing": drawing[best],
        "peak_mb": max(peaks),
        "rows": pictures,
    }


def report_child(path: str, out: str) -> int:
    """``netkit report PATH --out OUT`` as the command line runs it, timing the drawing inside.

    Drawing is what the report spends in matplotlib: making each figure and its axes, the
    `netkit.plot` functions, the dashboard's layout and saving the PNGs; the metrics those
    pictures show (``_PeriodData.given``) are not drawing. Prints ``{"drawing": seconds}`` last.

    The timers are put on `netkit.report` when the command line imports it, not before: the
    command line starts reading the export before it imports pandas and matplotlib, and an
    early import here would hide what that is worth.
    """
    import importlib.abc
    import importlib.util

    spent = {"drawing": 0.0, "data": 0.0}
    depth = {"drawing": 0, "data": 0}  # only the outermost call of a part is timed

    def timed(function: Callable, part: str) -> Callable:
        def run(*args, **kwargs):
            if depth[part] or (part == "data" and not depth["drawing"]):
                return function(*args, **kwargs)
            depth[part] += 1
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[part] += time.perf_counter() - start
                depth[part] -= 1

        return run

    def with_timers(report) -> None:
        import matplotlib.figure

        # The data the pictures show is computed inside `_draw`: timed apart and taken out.
        report._PeriodData.given = timed(report._PeriodData.given, "data")
        for name in ("_new_figure", "_draw", "_save", "_dashboard"):
            setattr(report, name, timed(getattr(report, name), "drawing"))
        figure = matplotlib.figure.Figure
        figure.add_subplot = timed(figure.add_subplot, "drawing")

    class Timers(importlib.abc.MetaPathFinder):
        """Finds `netkit.report` as usual and puts the timers on it once it is executed."""

        def find_spec(self, name, import_path, target=None):
            if name != "netkit.report":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            execute = spec.loader.exec_module

            def exec_module(module):
                execute(module)
                with_timers(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Timers())
    from netkit import cli

    code = cli.main(["report", path, "--out", out])
    print(json.dumps({"drawing": spent["drawing"] - spent["data"]}))
    return code


# -- the table -------------------------------------------------------------------------------


def measure(size: str, stages: list[str], repeat: int) -> list[dict]:
    path = export_path(size)
    zip_mb = path.stat().st_size / 2**20
    measured = {}
    for stage in ["floor", *(s for s in stages if s != "floor")]:
        if stage == "report":
            measured[stage] = report(path, repeat)
        else:
            measured[stage] = in_fresh_process(stage, path, repeat)
    base = measured["floor"]
    rows = []
    for stage, result in measured.items():
        rows.append(
            {
                "size": size,
                "stage": stage,
                "zip_mb": round(zip_mb, 1),
                **result,
                "ratio": result["best"] / base["best"],
                "memory_ratio": result["peak_mb"] / base["peak_mb"],
            }
        )
    return rows


def checks(results: list[dict]) -> list[dict]:
    """Each target of issue 6, met or not, on the largest size measured."""
    sizes = [s for s in SIZES if any(r["size"] == s for r in results)]
    largest = sizes[-1]
    at = {(r["size"], r["stage"]): r for r in results}
    out = []

    def check(name: str, value: float, limit: float, unit: str = "x floor") -> None:
        out.append({"check": name, "value": value, "limit": limit, "unit": unit,
                    "met": value <= limit})  # fmt: skip

    for stage, limit in TARGETS.items():
        if (largest, stage) not in at:
            continue
        row = at[(largest, stage)]
        if stage == "report":
            charts_s = at.get((largest, "charts"), {}).get("best", 0.0)
            check("charts drawing (s)", charts_s, CHART_ALLOWANCE_S, "s")
            # what the report itself spent drawing, in its fresh process (cold matplotlib)
            check("drawing inside the report (s)", row["drawing"], CHART_ALLOWANCE_S, "s")
            floor_s = at[(largest, "floor")]["best"]
            drawing = min(row["drawing"], CHART_ALLOWANCE_S)
            check("report - its drawing", (row["best"] - drawing) / floor_s, limit)
            # Every pass of the report is a fresh process, like the floor's first pass: the same
            # ratio against that pass, for context (the target reads the best floor).
            first_s = at[(largest, "floor")]["first"]
            out.append({"check": "report - its drawing, vs floor's 1st", "unit": "x floor",
                        "value": (row["best"] - drawing) / first_s, "limit": limit,
                        "met": None})  # fmt: skip
        else:
            check(stage, row["ratio"], limit)
    peak = max((r for r in results if r["size"] == largest), key=lambda r: r["peak_mb"])
    check(f"peak memory ({peak['stage']})", peak["peak_mb"], MAX_PEAK_MB, "MB")
    worst = max(
        (r for r in results if r["size"] == largest and r["stage"] != "floor"),
        key=lambda r: r["memory_ratio"],
        default=None,
    )
    if worst is not None:
        check(f"peak memory ({worst['stage']}) / floor's", worst["memory_ratio"], MAX_PEAK_RATIO)
    if "medium" in sizes and "large" in sizes:
        for stage in ("load", "metrics"):
            if ("medium", stage) in at and ("large", stage) in at:
                growth = at[("large", stage)]["best"] / at[("medium", stage)]["best"]
                check(f"{stage} growth 1M / 100k messages", growth, MAX_GROWTH, "x")
    return out


def print_table(results: list[dict], met: list[dict]) -> None:
    head = f"{'size':<8}{'stage':<22}{'first s':>9}{'best s':>9}{'x floor':>9}{'peak MB':>9}"
    print(head + f"{'x floor':>9}")
    for r in results:
        print(
            f"{r['size']:<8}{r['stage']:<22}{r['first']:>9.2f}{r['best']:>9.2f}{r['ratio']:>9.2f}"
            f"{r['peak_mb']:>9.0f}{r['memory_ratio']:>9.2f}"
        )
        floor_s = next(
            x["best"] for x in results if x["size"] == r["size"] and x["stage"] == "floor"
        )
        for name, seconds in r.get("each", {}).items():
            print(f"{'':<10}{name:<20}{'':>9}{seconds:>9.2f}{seconds / floor_s:>9.2f}")
    print()
    for c in met:
        mark = "info" if c["met"] is None else "ok  " if c["met"] else "MISS"
        target = "(context, not a target)" if c["met"] is None else f"(target <= {c['limit']:g})"
        print(f"{mark} {c['check']:<38}{c['value']:>9.2f} {c['unit']:<8} {target}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=list(SIZES), choices=list(SIZES))
    parser.add_argument("--stages", nargs="+", default=list(STAGES), choices=list(STAGES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("STAGE", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--report-child", nargs=2, metavar=("PATH", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, default=Path(__file__).parent / "results" / "run.json")
    args = parser.parse_args()
    if args.report_child:
        return report_child(*args.report_child)
    if args.child:
        stage, path = args.child
        print(json.dumps(run_child(stage, Path(path), args.repeat)))
        return 0

    results = []
    for size in args.sizes:
        results.extend(measure(size, args.stages, args.repeat))
    met = checks(results)
    print_table(results, met)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"results": results, "checks": met}, indent=2))
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
