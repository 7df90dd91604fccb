# ruff: noqa: E501
"""Nothing read is dropped without a trace: the accounting of ``ex.files`` against ``ex.problems``.

Checked on every hand-written fixture, on explicit counts, and on generated exports
(``netkit.sample``), whose records are counted again with Python's csv module.

api.md: ``files`` has ``path, kind, rows_read, rows_kept, format_version, encoding``; ``rows_read``
counts logical records (a repaired multi-line comment is one); for every file
``rows_read == rows_kept + dropped records``, each dropped record with its ``problems`` row, whose
``column`` is NA; exact duplicates are dropped with reason ``"duplicate"``.
"""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile

import pandas as pd
import pytest
from fixtures import PROFILE_CSV, collect_exports
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netkit as nk
from netkit.sample import build_sample

EXPORTS = collect_exports()


def dropped_per_file(ex) -> pd.Series:
    dropped = ex.problems[ex.problems["column"].isna()]
    return dropped.groupby("file").size()


def assert_accounting(ex) -> None:
    dropped = dropped_per_file(ex)
    for row in ex.files.itertuples():
        if row.kind == "unknown":
            continue
        assert row.rows_read == row.rows_kept + dropped.get(row.path, 0), row.path
        assert row.rows_kept <= row.rows_read, row.path


@pytest.mark.parametrize("fixture_name", sorted(EXPORTS))
def test_rows_read_equals_kept_plus_dropped_for_every_file(load, fixture_name):
    assert_accounting(load(EXPORTS[fixture_name]))


@pytest.mark.parametrize("fixture_name", sorted(EXPORTS))
def test_every_file_of_the_export_is_listed(load, fixture_name):
    files = EXPORTS[fixture_name]
    ex = load(files)
    assert sorted(ex.files["path"]) == sorted(files)
    assert ex.files["path"].is_unique


@pytest.mark.parametrize("fixture_name", sorted(EXPORTS))
def test_rows_kept_add_up_to_the_table(load, fixture_name):
    ex = load(EXPORTS[fixture_name])
    kept = ex.files.groupby("kind")["rows_kept"].sum()
    for kind, count in kept.items():
        if kind == "unknown":
            continue
        table = getattr(ex, kind, None)
        if isinstance(table, pd.DataFrame):
            assert len(table) == count, kind


@pytest.mark.parametrize("fixture_name", sorted(EXPORTS))
def test_problems_point_at_listed_files_and_real_lines(load, fixture_name):
    ex = load(EXPORTS[fixture_name])
    assert set(ex.problems["file"]) <= set(ex.files["path"])
    if len(ex.problems):
        assert (ex.problems["line"] >= 1).all()


# --- explicit counts -----------------------------------------------------------------------------

HEADER = b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
ROW_A = b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-11-08 14:22:10 UTC,,See you then,INBOX\n"
ROW_B = b"2-Ym9iMQ==,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Bob Lee,https://www.linkedin.com/in/bob-lee,2025-11-07 09:15:00 UTC,,Lunch on Friday?,INBOX\n"
ROW_A_EDITED = b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-11-08 14:22:10 UTC,,See you then!,INBOX\n"

DUPLICATE_MESSAGES_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": HEADER + ROW_A + ROW_B + ROW_A,
}


def test_exact_duplicate_message_is_dropped_once(load):
    ex = load(DUPLICATE_MESSAGES_EXPORT)
    assert sorted(ex.messages["content"]) == ["Lunch on Friday?", "See you then"]
    files = ex.files.set_index("path")
    assert files.loc["messages.csv", "rows_read"] == 3
    assert files.loc["messages.csv", "rows_kept"] == 2
    assert_accounting(ex)


def test_duplicate_has_a_problems_row(load):
    ex = load(DUPLICATE_MESSAGES_EXPORT)
    problems = ex.problems[ex.problems["file"] == "messages.csv"]
    assert len(problems) == 1
    row = problems.iloc[0]
    assert row["reason"] == "duplicate"
    assert pd.isna(row["column"])
    assert row["line"] == 4


def test_duplicate_is_not_an_extra_interaction(load):
    ex = load(DUPLICATE_MESSAGES_EXPORT)
    events = ex.interactions[ex.interactions["channel"] == "message"]
    assert len(events) == 2


NEAR_DUPLICATE_MESSAGES_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": HEADER + ROW_A + ROW_A_EDITED,
}


def test_records_that_differ_in_one_field_are_both_kept(load):
    ex = load(NEAR_DUPLICATE_MESSAGES_EXPORT)
    assert sorted(ex.messages["content"]) == ["See you then", "See you then!"]
    assert len(ex.problems) == 0


CONNECTIONS_COUNT_EXPORT = {
    "Connections.csv": (
        b"Notes:\n"
        b'"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n'
        b"\n"
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
        b",,,,,,14 Sep 2024\n"
        b"Chen,Wei,https://www.linkedin.com/in/chen-wei-7b2,,Initech,Analyst,02 Jan 2024"
    ),
}


def test_preamble_and_header_are_not_records(load):
    ex = load(CONNECTIONS_COUNT_EXPORT)
    files = ex.files.set_index("path")
    assert files.loc["Connections.csv", "rows_read"] == 3
    assert files.loc["Connections.csv", "rows_kept"] == 3
    assert files.loc["Connections.csv", "kind"] == "connections"
    assert_accounting(ex)


QUOTED_2026_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": (
        b'"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER"\n'
        b'"2-Ym9iMQ==","","Bob Lee","https://www.linkedin.com/in/bob-lee","Maria Silva","https://www.linkedin.com/in/maria-silva-42","2026-04-10 08:00:00 UTC","","One\nTwo\nThree","INBOX"\n'
        b'"2-Ym9iMQ==","","Maria Silva","https://www.linkedin.com/in/maria-silva-42","Bob Lee","https://www.linkedin.com/in/bob-lee","2026-04-10 09:00:00 UTC","","Four","INBOX"\n'
    ),
}


def test_records_with_newlines_count_once(load):
    ex = load(QUOTED_2026_EXPORT)
    files = ex.files.set_index("path")
    assert files.loc["messages.csv", "rows_read"] == 2
    assert files.loc["messages.csv", "rows_kept"] == 2
    assert files.loc["Profile.csv", "rows_read"] == 1
    assert_accounting(ex)


def test_profile_counts_its_one_row(load):
    ex = load({"Profile.csv": PROFILE_CSV})
    files = ex.files.set_index("path")
    assert files.loc["Profile.csv", "rows_read"] == 1
    assert files.loc["Profile.csv", "kind"] == "profile"
    assert pd.notna(files.loc["Profile.csv", "format_version"])


IDENTICAL_HIDDEN_ROWS_EXPORT = {
    "Connections.csv": (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b",,,,,,14 Sep 2024\n"
        b",,,,,,14 Sep 2024\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
    ),
}


def test_identical_hidden_connections_are_two_connections_not_duplicates(load):
    # Two hidden members connected the same day are two connections: only messages are deduplicated.
    ex = load(IDENTICAL_HIDDEN_ROWS_EXPORT)
    assert ex.connections["is_hidden"].tolist() == [True, True, False]
    assert len(ex.problems) == 0
    assert ex.files.set_index("path").loc["Connections.csv", "rows_kept"] == 3


RAGGED_CONNECTIONS_EXPORT = {
    "Connections.csv": (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex, Inc.,Product Manager,08 Nov 2023\n"
        b"Chen,Wei,https://www.linkedin.com/in/chen-wei-7b2,,Initech,Analyst,02 Jan 2024\n"
    ),
}


def test_record_with_too_many_fields_leaves_a_trace(load):
    # An unquoted comma: the record cannot be read as-is. Kept or dropped, it must be in problems.
    ex = load(RAGGED_CONNECTIONS_EXPORT)
    assert "chen-wei-7b2" in set(ex.connections["person_id"])
    problems = ex.problems[ex.problems["file"] == "Connections.csv"]
    assert problems["line"].tolist() == [2]
    assert_accounting(ex)


TRUNCATED_MESSAGES_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": HEADER
    + ROW_A
    + b"2-Ym9iMQ==,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Bob Le",
}


def test_truncated_last_record_leaves_a_trace(load):
    ex = load(TRUNCATED_MESSAGES_EXPORT)
    assert "See you then" in set(ex.messages["content"].dropna())
    problems = ex.problems[ex.problems["file"] == "messages.csv"]
    assert 3 in set(problems["line"])
    assert_accounting(ex)


# --- generated exports ---------------------------------------------------------------------------
def csv_records(data: bytes) -> int:
    """Records of a CSV file as Python's csv module counts them: rows after the header line
    (after the ``Notes:`` preamble of Connections.csv)."""
    text = data.decode("utf-8")
    if text.startswith("Notes:"):
        text = text[text.index("First Name,") :]
    return max(len(list(csv.reader(io.StringIO(text, newline="")))) - 1, 0)


@pytest.mark.parametrize("kind", ["Complete", "Basic"])
@pytest.mark.parametrize("style", ["2025", "2026"])
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), size=st.integers(20, 80))
def test_generated_exports_read_every_record_written(style, kind, seed, size):
    sample = build_sample(size=size, seed=seed, messages_style=style, kind=kind)
    with tempfile.TemporaryDirectory() as out:
        path = sample.write(out)
        with zipfile.ZipFile(path) as archive:
            written = {name: archive.read(name) for name in archive.namelist()}
        ex = nk.load_export(path)
    assert_accounting(ex)
    assert ex.problems.empty, ex.problems
    files = ex.files.set_index("path")
    assert sorted(files.index) == sorted(written) == sorted(sample.file_names)
    for name, data in written.items():
        expected = csv_records(data)
        if files.loc[name, "kind"] == "comments":
            # LinkedIn writes a multi-line comment without a comma unquoted: csv sees each of
            # its later lines as a record, the reader repairs them into the one they belong to.
            expected -= sample.stories["stray_comment_rows"]
        assert files.loc[name, "rows_read"] == expected, name
        assert files.loc[name, "rows_kept"] == expected, name
    # The same count from the generator's truth: one row per record written.
    read = files[files["kind"] != "unknown"].groupby("kind")["rows_read"].sum()
    assert read.to_dict() == {name: len(table) for name, table in sample.tables.items()}
