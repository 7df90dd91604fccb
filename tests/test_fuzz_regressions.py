"""Every input the fuzzer (``tests/test_fuzz.py``) ever crashed on, bytes inline, one test each.

Each test loads the export through the same check as the fuzzer (``check_load``): ``load_export``
returns or raises ``nk.ExportError``, within the time limit, with ``rows_read == rows_kept +
dropped`` for every file; then it asserts what a user should see.
"""

from __future__ import annotations

from fixtures import PROFILE_CSV
from test_fuzz import check_load

import netkit as nk

COMMENTS_HEADER = b"Date,Link,Message\n"
COMMENT = (
    b"2026-10-19 20:39:56,https://www.linkedin.com/feed/update/urn:li:activity:6819416949707293237,"
    b'"Well said.\nWe tried the same approach last year."\n'
)


def test_comments_with_a_giant_unquoted_line_is_read_not_a_csv_error(load_path):
    # Found by the fuzzer: Python's csv reader raised csv.Error "field larger than field limit
    # (131072)" in read._repair_comments. Fixed by read._csv_field_limit.
    files = {
        "Comments_86556179.csv": COMMENTS_HEADER + COMMENT + b"y" * 300_000,
        "Profile.csv": PROFILE_CSV,
    }
    check_load(load_path, files)
    ex = load_path(files)
    assert len(ex.comments) == 1
    assert ex.comments["text"].str.len().iloc[0] > 300_000


def test_giant_quoted_field_in_a_file_read_record_by_record(load_path):
    # The same csv limit in read._parse_careful (the fallback for records of the wrong width).
    files = {
        "Connections.csv": (
            b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            b"Ana,Lopes,https://www.linkedin.com/in/ana-lopes,,Acme,Engineer,14 Sep 2024\n"
            b'Rui,Costa,https://www.linkedin.com/in/rui-costa,,"'
            + b"x"
            * 200_000
            + b'",Dev,14 Sep 2024\n'
            b"Too,Many,https://www.linkedin.com/in/too-many,,A,B,14 Sep 2024,extra\n"
        ),
        "Profile.csv": PROFILE_CSV,
    }
    check_load(load_path, files)
    ex = load_path(files)
    assert len(ex.connections) == 2
    assert (ex.problems["file"] == "Connections.csv").sum() == 1
    assert isinstance(ex, nk.Export)


def test_quote_left_open_says_the_rest_of_the_file_was_swallowed(load_path):
    # Found probing the fuzzer's "open-quote" mutation: the reader kept the rest of the file as
    # one value and the swallowed record vanished without a trace. Fixed by
    # read._check_open_quote: a problems row names the line where the quote opened.
    files = {
        "Connections.csv": (
            b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            b'Ana,Lopes,https://www.linkedin.com/in/ana-lopes,,"Acme,Engineer,14 Sep 2024\n'
            b"Rui,Costa,https://www.linkedin.com/in/rui-costa,,B,Dev,14 Sep 2024\n"
        ),
        "Profile.csv": PROFILE_CSV,
    }
    check_load(load_path, files)
    ex = load_path(files)
    assert len(ex.connections) == 1
    problems = ex.problems[ex.problems["file"] == "Connections.csv"]
    opened = problems[problems["reason"].str.contains("never closed")]
    assert opened["line"].tolist() == [2]
    assert opened["column"].tolist() == ["Company"]
