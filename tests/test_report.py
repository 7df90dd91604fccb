# ruff: noqa: E501
"""The PNG report: files written, history.csv, periods, anonymize, bad input, figures freed.

Spec (issue 4): `nk.report.render(source, out_dir, *, as_of=None, period="month",
anonymize=False)` writes ``OUT/<period>/dashboard.png`` and one PNG per chart, and keeps one row
of `health_summary` per period in ``OUT/history.csv`` (running a period again replaces its row).
Periods are calendar months, quarters or years; the default is the last complete period before
the export date, a given `as_of` picks the period holding it, and a period's report is measured
at its last instant. With ``anonymize=True`` no name, email, profile URL or slug of anybody
appears in any file written (PNG metadata included) nor in any text of the figures. An empty
export or one with only Connections.csv still gets a report whose empty charts say so. Figures
are freed after saving. ``netkit report``: exit 0 with one line saying what was written, 1 with
one line for unreadable input or an unwritable --out, 2 for bad usage.
"""

from __future__ import annotations

import gc
import itertools
import os
import re
import struct
import weakref
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from fixtures import OWNER_URL, PROFILE_CSV, ts
from matplotlib.text import Text

import netkit as nk
from netkit import report
from netkit.cli import main
from netkit.metrics.summary import SUMMARY_FIELDS
from netkit.privacy import Pseudonyms

SAMPLE = (
    Path(__file__).parents[1] / "data" / "sample" / "Complete_LinkedInDataExport_11-16-2026.zip"
)
#: Small pictures: the layout work is the same, and the tests read files and artists, not pixels.
DPI = 30
PICTURES = {"dashboard.png"} | {f"{chart.file}.png" for chart in report.CHARTS}

CONNECTIONS_HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
ANA = b"Ana,Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz%C3%A1lez,ana@acme.example,Acme,Lead Engineer,14 Oct 2023\n"
BOB = b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
CHEN = b"Chen,Wei,https://www.linkedin.com/in/chen-wei-7b2,,Initech,Analyst,02 Jan 2024\n"
DANA = b"Dana,Kim,https://www.linkedin.com/in/dana-kim,,Hooli,CTO,03 Nov 2025\n"
MESSAGES_HEADER = b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
MESSAGES = (
    MESSAGES_HEADER
    + b"2-YW5hMQ==,,Ana Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz\xc3\xa1lez,Maria Silva,"
    + OWNER_URL.encode()
    + b",2025-03-10 09:00:00 UTC,,Coffee next week?,INBOX\n"
    + b"2-YW5hMQ==,,Maria Silva,"
    + OWNER_URL.encode()
    + b",Ana Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz\xc3\xa1lez,2025-03-11 10:00:00 UTC,,Gladly: Thursday?,INBOX\n"
    + b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,"
    + OWNER_URL.encode()
    + b",2025-08-01 10:00:00 UTC,,Congrats on the new role,INBOX\n"
)
SMALL = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": CONNECTIONS_HEADER + ANA + BOB + CHEN,
    "messages.csv": MESSAGES,
}
SMALL_NAME = (
    "Basic_LinkedInDataExport_12-05-2025"  # as_of 2025-12-05: the default period is 2025-11
)


@pytest.fixture
def small(make_export) -> Path:
    return make_export(SMALL, name=SMALL_NAME)


def capture_texts(monkeypatch: pytest.MonkeyPatch) -> dict[Path, list[str]]:
    """Record the text of every artist of every figure the report saves, by file."""
    texts: dict[Path, list[str]] = {}
    save = report._save

    def recording(figure, path, dpi):
        texts[path] = [text.get_text() for text in figure.findobj(Text) if text.get_text()]
        return save(figure, path, dpi)

    monkeypatch.setattr(report, "_save", recording)
    return texts


@pytest.fixture(scope="module")
def sample() -> nk.Export:
    return nk.load_export(SAMPLE)


@pytest.fixture(scope="module")
def sample_report(sample, tmp_path_factory):
    """The sample's default report (October 2026), with the texts of its figures."""
    out = tmp_path_factory.mktemp("report")
    with pytest.MonkeyPatch.context() as monkeypatch:
        texts = capture_texts(monkeypatch)
        written = report.render(sample, out, dpi=DPI)
    return out, written, texts


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The (type, payload) chunks of a PNG file."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        chunks.append((data[at + 4 : at + 8], data[at + 8 : at + 8 + length]))
        at += 12 + length
    return chunks


# -- files -----------------------------------------------------------------------------------


def test_the_report_writes_a_dashboard_every_chart_and_the_history(sample_report):
    out, written, _ = sample_report
    folder = out / "2026-10"
    assert {path.name for path in folder.iterdir()} == PICTURES
    assert written[0] == folder / "dashboard.png"
    assert written[-1] == out / "history.csv"
    assert set(written) == {folder / name for name in PICTURES} | {out / "history.csv"}
    assert all(path.stat().st_size > 0 for path in written)
    assert not [path for path in out.rglob(".*")], "no temporary file is left behind"


def test_every_chart_of_nk_plot_is_in_the_report():
    assert {chart.chart for chart in report.CHARTS} == set(nk.plot.CHARTS)
    assert set(report.DASHBOARD_CHARTS) <= {chart.file for chart in report.CHARTS}


def test_pngs_carry_no_text_metadata(sample_report):
    _, written, _ = sample_report
    for path in written:
        if path.suffix == ".png":
            kinds = {kind for kind, _ in png_chunks(path.read_bytes())}
            assert kinds <= {b"IHDR", b"pHYs", b"IDAT", b"IEND"}, (path.name, kinds)
            assert b"matplotlib" not in path.read_bytes().lower()


def test_history_holds_the_periods_health_summary(sample_report, sample):
    out, _, _ = sample_report
    history = pd.read_csv(out / "history.csv", dtype={"period": "str"})
    assert list(history.columns) == list(SUMMARY_FIELDS)
    assert history["period"].tolist() == ["2026-10"]
    expected = nk.health_summary(sample, as_of="2026-10-31")
    assert pd.Timestamp(history.loc[0, "as_of"]) == ts("2026-10-31 23:59:59.999999")
    for field in ("connections", "active_ties", "dormant_ties", "new_connections"):
        assert history.loc[0, field] == expected[field], field


def test_the_dashboard_shows_the_headline_figures_and_the_trend(sample_report, sample):
    out, _, texts = sample_report
    dashboard = texts[out / "2026-10" / "dashboard.png"]
    summary = nk.health_summary(sample, as_of="2026-10-31")
    assert f"{summary['connections']:,}" in dashboard
    assert f"{summary['active_ties']:,}" in dashboard
    assert any(text.startswith("Trend over 1 report") for text in dashboard)
    assert any("October 2026" in text for text in dashboard)


# -- history.csv -------------------------------------------------------------------------------


def test_running_the_same_period_again_replaces_its_row(tmp_path, make_export):
    first = make_export(SMALL, name=SMALL_NAME)
    more = make_export(
        {**SMALL, "Connections.csv": SMALL["Connections.csv"] + DANA}, name=SMALL_NAME
    )
    report.render(first, tmp_path, dpi=DPI)
    report.render(more, tmp_path, dpi=DPI)
    history = report.read_history(tmp_path / "history.csv")
    assert history["period"].tolist() == ["2025-11"]
    assert history.loc[0, "connections"] == 4  # the second run's figures


def test_two_periods_give_two_rows_oldest_first(tmp_path, small, capsys):
    report.render(small, tmp_path, dpi=DPI, progress=True)
    assert "2025-11" in capsys.readouterr().err  # the progress bar, on stderr when asked
    report.render(small, tmp_path, as_of="2025-06-15", dpi=DPI)
    history = report.read_history(tmp_path / "history.csv")
    assert history["period"].tolist() == ["2025-06", "2025-11"]
    assert history["as_of"].tolist() == [
        ts("2025-06-30 23:59:59.999999"),
        ts("2025-11-30 23:59:59.999999"),
    ]
    assert not history["period"].duplicated().any()


def test_a_file_that_is_no_history_is_refused_with_its_name(tmp_path, small):
    (tmp_path / "history.csv").write_text("name,email\nAna,ana@acme.example\n")
    with pytest.raises(nk.FileUnreadableError, match=r"history\.csv"):
        report.render(small, tmp_path, dpi=DPI)


# -- periods -------------------------------------------------------------------------------------

EXPORT_DATE = ts("2026-11-16 23:59:59.999999")


@pytest.mark.parametrize(
    ("export_date", "period", "label", "end"),
    [
        ("2026-11-16", "month", "2026-10", "2026-10-31"),
        ("2026-12-01", "month", "2026-11", "2026-11-30"),
        (
            "2026-11-30",
            "month",
            "2026-10",
            "2026-10-31",
        ),  # November ends on, not before, the export date
        ("2026-11-16", "quarter", "2026Q3", "2026-09-30"),
        ("2026-11-16", "year", "2025", "2025-12-31"),
        ("2027-01-01", "year", "2026", "2026-12-31"),
    ],
)
def test_the_default_is_the_last_complete_period_before_the_export_date(
    export_date, period, label, end
):
    export_as_of = ts(export_date) + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
    (chosen,) = report.report_periods(export_as_of, period=period)
    assert chosen.label == label
    assert (
        chosen.end == chosen.as_of == ts(end) + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
    )
    assert not chosen.partial


@pytest.mark.parametrize(
    ("as_of", "period", "label", "start"),
    [
        ("2026-06-15", "month", "2026-06", "2026-06-01"),
        ("2026-06-01", "month", "2026-06", "2026-06-01"),
        ("2026-06-30", "month", "2026-06", "2026-06-01"),
        ("2026-05-20", "quarter", "2026Q2", "2026-04-01"),
        ("2024-02-29", "year", "2024", "2024-01-01"),
    ],
)
def test_a_given_as_of_picks_the_period_holding_it(as_of, period, label, start):
    (chosen,) = report.report_periods(EXPORT_DATE, as_of=as_of, period=period)
    assert (chosen.label, chosen.start) == (label, ts(start))
    assert chosen.as_of == chosen.end  # measured at the period's last instant


def test_a_period_the_export_ends_inside_is_measured_at_the_export_date():
    (chosen,) = report.report_periods(EXPORT_DATE, as_of="2026-11-02")
    assert chosen.label == "2026-11"
    assert chosen.partial
    assert chosen.as_of == EXPORT_DATE


def test_a_period_after_the_export_date_is_refused():
    with pytest.raises(report.PeriodError, match="after the export date"):
        report.report_periods(EXPORT_DATE, as_of="2026-12-01")
    with pytest.raises(ValueError, match="period must be one of"):
        report.report_periods(EXPORT_DATE, period="week")


def test_since_gives_every_period_up_to_the_chosen_one():
    periods = report.report_periods(EXPORT_DATE, since="2026-01-20", period="quarter")
    assert [p.label for p in periods] == ["2026Q1", "2026Q2", "2026Q3"]
    assert all(
        a.end + pd.Timedelta(microseconds=1) == b.start for a, b in itertools.pairwise(periods)
    )
    assert [p.label for p in report.report_periods(EXPORT_DATE, since="2027-01-01")] == ["2026-10"]


# -- several exports: a history run; figures freed ------------------------------------------


def test_a_history_run_renders_every_period_and_frees_every_figure(
    tmp_path, make_export, monkeypatch
):
    old = make_export(
        {**SMALL, "Connections.csv": CONNECTIONS_HEADER + ANA + BOB},
        name="Basic_LinkedInDataExport_09-10-2025",
    )
    new = make_export(
        {**SMALL, "Connections.csv": SMALL["Connections.csv"] + DANA}, name=SMALL_NAME
    )
    figures: list[weakref.ref] = []
    new_figure = report._new_figure

    def tracked_figure(*arguments):
        figure = new_figure(*arguments)
        figures.append(weakref.ref(figure))
        return figure

    monkeypatch.setattr(report, "_new_figure", tracked_figure)
    texts = capture_texts(monkeypatch)

    out = tmp_path / "out"
    written = report.render([new, old], out, dpi=DPI)  # any order

    # From the oldest export's last complete month (09-10-2025: August) to the newest's.
    periods = ["2025-08", "2025-09", "2025-10", "2025-11"]
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == periods
    assert report.read_history(out / "history.csv")["period"].tolist() == periods
    assert len(written) == len(periods) * len(PICTURES) + 1
    last = texts[out / "2025-11" / "dashboard.png"]
    assert any(text.startswith("Trend over 4 reports") for text in last)  # the new row included
    gc.collect()
    assert len(figures) == len(periods) * len(PICTURES)
    assert [ref for ref in figures if ref() is not None] == [], "figures are freed after saving"
    assert plt.get_fignums() == [], "no pyplot state"


# -- bad input still gets a report -----------------------------------------------------------


@pytest.mark.parametrize(
    "files",
    [
        {"Connections.csv": CONNECTIONS_HEADER + ANA + BOB},
        {"Connections.csv": b"", "messages.csv": b"", "Invitations.csv": b""},
    ],
    ids=["connections only", "empty files"],
)
def test_a_thin_export_still_gets_a_report_whose_empty_charts_say_so(
    tmp_path, make_export, monkeypatch, files
):
    texts = capture_texts(monkeypatch)
    written = report.render(make_export(files), tmp_path / "out", dpi=DPI)
    folder = tmp_path / "out" / "2025-11"
    assert {path.name for path in folder.iterdir()} == PICTURES
    assert len(written) == len(PICTURES) + 1
    for chart in ("reconnect", "reciprocity", "reply_times", "activity_calendar"):
        said = " ".join(texts[folder / f"{chart}.png"]).casefold()
        assert "no data" in said, chart


def test_a_name_in_a_script_the_fonts_lack_is_drawn_without_noise(
    tmp_path, make_export, monkeypatch, recwarn
):
    files = {
        name: data.replace(b"Ana,Gonz\xc3\xa1lez", "王,强".encode()).replace(
            b"Ana Gonz\xc3\xa1lez", "王 强".encode()
        )
        for name, data in SMALL.items()
    }
    texts = capture_texts(monkeypatch)
    report.render(make_export(files, name=SMALL_NAME), tmp_path / "out", dpi=DPI)
    assert any("王 强" in text for figure in texts.values() for text in figure)
    assert [str(w.message) for w in recwarn if issubclass(w.category, UserWarning)] == []


# -- anonymize -----------------------------------------------------------------------------------


def identifying_strings(ex: nk.Export) -> set[str]:
    """Every name, email, profile URL and slug of the owner and of anybody in the export."""
    found = {ex.owner.name, ex.owner.profile_url, ex.owner.person_id}
    columns = (
        "name",
        "sender_name",
        "profile_url",
        "sender_url",
        "email",
        "person_id",
        "sender_id",
    )
    for table in (
        ex.people,
        ex.connections,
        ex.messages,
        ex.invitations,
        ex.endorsements,
        ex.recommendations,
    ):
        for column in columns:
            if column in table:
                found |= set(table[column].dropna().astype(str))
    found |= {value.removeprefix("name:") for value in found}
    found |= {value.split("://", 1)[-1] for value in found}  # a URL without its scheme
    return {value for value in found if value and len(value) >= 4 and value != "LinkedIn Member"}


def leaks(text: str, secrets: set[str]) -> list[str]:
    """The secrets found as whole words (case-insensitive) in `text`."""
    folded = text.casefold()
    return sorted(
        secret
        for secret in secrets
        if secret.casefold() in folded
        and re.search(rf"(?<!\w){re.escape(secret.casefold())}(?!\w)", folded)
    )


def test_an_anonymized_report_leaks_no_name_email_url_or_slug(
    tmp_path, sample, sample_report, monkeypatch
):
    secrets = identifying_strings(sample)
    top = nk.dormant_ties(sample, as_of="2026-10-31").iloc[0]
    plain = sample_report[2]
    assert {sample.owner.name, sample.owner.profile_url, sample.owner.person_id} <= secrets
    # The check can fail: the plain report shows real people.
    for chart in ("reconnect.png", "network.png"):
        assert leaks(" ".join(plain[sample_report[0] / "2026-10" / chart]), secrets), chart

    texts = capture_texts(monkeypatch)
    written = report.render(sample, tmp_path, anonymize=True, key="test key", dpi=DPI)

    assert {path.name for path in (tmp_path / "2026-10").iterdir()} == PICTURES
    for path, figure_texts in texts.items():
        assert leaks("\n".join(figure_texts), secrets) == [], path.name
    for path in written:
        data = path.read_bytes()
        if path.suffix == ".png":  # every chunk but the compressed pixels
            data = b"".join(kind + payload for kind, payload in png_chunks(data) if kind != b"IDAT")
        assert leaks(data.decode("utf-8", errors="replace"), secrets) == [], path.name
    # ...and the people are there, under the pseudonyms of `nk.anonymize` with the same key.
    reconnect = " ".join(texts[tmp_path / "2026-10" / "reconnect.png"])
    pseudonyms = Pseudonyms("test key")
    assert pseudonyms.name(top["name"]) in reconnect
    assert pseudonyms.company(top["company"]) in reconnect  # "..., now at <company>." too
    assert top["company"] not in reconnect
    assert (
        nk.anonymize(sample, key="test key")
        .people["name"]
        .isin([text for figure_texts in texts.values() for text in figure_texts])
        .any()
    )


def test_a_key_without_anonymize_is_refused(tmp_path, sample):
    with pytest.raises(ValueError, match="anonymize"):
        report.render(sample, tmp_path, key="secret")


# -- the command line --------------------------------------------------------------------------


def test_cli_writes_the_report_and_says_so_in_one_line(tmp_path, small, capsys):
    out = tmp_path / "reports"
    assert main(["report", str(small), "--out", str(out), "--dpi", str(DPI)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""  # no progress bar when stderr is not a terminal
    lines = captured.out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        f"wrote {len(PICTURES) + 1} files to {out / '2025-11'} (dashboard: {out / '2025-11' / 'dashboard.png'}"
    )
    assert (out / "history.csv").exists()


def test_cli_period_quarter_names_the_folder_by_quarter(tmp_path, small, capsys):
    assert (
        main(
            ["report", str(small), "--out", str(tmp_path), "--period", "quarter", "--dpi", str(DPI)]
        )
        == 0
    )
    assert (tmp_path / "2025Q3" / "dashboard.png").exists()
    assert report.read_history(tmp_path / "history.csv")["period"].tolist() == ["2025Q3"]


def unwritable(tmp_path: Path) -> Path:
    """A report folder that cannot be made: its parent is a file."""
    (tmp_path / "a-file").write_text("not a folder")
    return tmp_path / "a-file" / "reports"


def missing_export(tmp_path: Path, small: Path) -> list[str]:
    return [str(tmp_path / "missing.zip"), "--out", str(tmp_path / "out")]


def out_under_a_file(tmp_path: Path, small: Path) -> list[str]:
    return [str(small), "--out", str(unwritable(tmp_path))]


def out_is_a_file(tmp_path: Path, small: Path) -> list[str]:
    return [str(small), "--out", str(unwritable(tmp_path).parent)]


def history_is_no_history(tmp_path: Path, small: Path) -> list[str]:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "history.csv").write_bytes(b"\x00\xff not a history\n")
    return [str(small), "--out", str(tmp_path / "out")]


@pytest.mark.parametrize(
    "arguments", [missing_export, out_under_a_file, out_is_a_file, history_is_no_history]
)
def test_cli_a_users_mistake_is_one_line_and_exit_1(tmp_path, small, capsys, arguments):
    assert main(["report", *arguments(tmp_path, small)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("netkit: ")
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


@pytest.mark.skipif(getattr(os, "geteuid", lambda: 0)() == 0, reason="root writes anywhere")
def test_cli_a_read_only_out_is_one_line_and_exit_1(tmp_path, small, capsys):
    out = tmp_path / "read-only"
    out.mkdir(mode=0o500)
    assert main(["report", str(small), "--out", str(out)]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "arguments",
    [
        ["--period", "week"],
        ["--as-of", "not a date"],
        ["--as-of", ""],
        ["--dpi", "0"],
    ],
)
def test_cli_bad_usage_exits_2(small, tmp_path, arguments):
    with pytest.raises(SystemExit) as info:
        main(["report", str(small), "--out", str(tmp_path), *arguments])
    assert info.value.code == 2


def test_cli_an_as_of_after_the_export_is_bad_usage_in_one_line(small, tmp_path, capsys):
    assert main(["report", str(small), "--out", str(tmp_path), "--as-of", "2026-01-15"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "after the export date" in err


def test_cli_debug_shows_the_traceback(tmp_path, small):
    with pytest.raises(nk.ExportError):
        main(["--debug", "report", str(tmp_path / "missing.zip"), "--out", str(tmp_path / "out")])
    with pytest.raises(NotADirectoryError):
        main(["--debug", "report", str(small), "--out", str(unwritable(tmp_path))])
