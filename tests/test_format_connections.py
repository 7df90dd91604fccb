# ruff: noqa: E501
"""Connections.csv in every era and with every quirk the spec lists.

Spec (linkedin-export.md, "Connections.csv"): three header eras; since late 2020 a 3-line preamble
(``Notes:``, a quoted paragraph, an empty line) found by content; ``Connected On`` as
``08 Nov 2023``, ``"1/8/18, 6:14 PM"`` (2018 and older) or Excel's ``9-Sep-22``; URL slugs
percent-encoded here only; hidden members ``,,,,,,14 Sep 2024``; leading/trailing spaces; no final
newline; Excel re-save signs (UTF-8 BOM, CRLF, ``Notes:,,,,,``, preamble removed, ``;``).
"""

from __future__ import annotations

import pandas as pd
from fixtures import PROFILE_CSV, ts

NOTES_PARAGRAPH = b'"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"'
PREAMBLE = b"Notes:\n" + NOTES_PARAGRAPH + b"\n\n"


def by_name(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.set_index("name", drop=False)


# --- eras ----------------------------------------------------------------------------------------

CONNECTIONS_2017_EXPORT = {
    "Connections.csv": (
        b"First Name,Last Name,Address,Email Address,Company,Position,Connected On,Websites,Instant Messengers\n"
        b'John,Smith,,john.smith@example.com,Acme,CTO,"1/8/18, 6:14 PM",,\n'
        b'Ana,Gonz\xc3\xa1lez,"Rua Augusta 1, Lisboa",,Initech,Engineer,"12/30/17, 11:02 AM",http://ana.example.com,\n'
    ),
}


def test_2017_nine_column_header_and_short_us_dates(load):
    ex = load(CONNECTIONS_2017_EXPORT)
    c = by_name(ex.connections)
    assert c.loc["John Smith", "connected_on"] == ts("2018-01-08 18:14")
    assert c.loc["Ana González", "connected_on"] == ts("2017-12-30 11:02")
    assert c.loc["John Smith", "email"] == "john.smith@example.com"
    assert c.loc["Ana González", "company"] == "Initech"
    assert c.loc["Ana González", "position"] == "Engineer"


def test_2017_extra_columns_are_kept(load):
    ex = load(CONNECTIONS_2017_EXPORT)
    c = by_name(ex.connections)
    assert c.loc["Ana González", "address"] == "Rua Augusta 1, Lisboa"
    assert c.loc["Ana González", "websites"] == "http://ana.example.com"


def test_2017_people_without_url_get_name_ids(load):
    # No URL in this era: the person is known by name only ("name:" + casefolded NFC name).
    ex = load(CONNECTIONS_2017_EXPORT)
    c = by_name(ex.connections)
    assert c.loc["John Smith", "person_id"] == "name:john smith"
    assert c.loc["Ana González", "person_id"] == "name:ana gonzález"
    assert not c["is_hidden"].any()
    assert c["profile_url"].isna().all()


CONNECTIONS_2019_EXPORT = {
    "Connections.csv": (
        b"First Name,Last Name,Email Address,Company,Position,Connected On\n"
        b"John,Smith,,Acme,CTO,08 Nov 2019\n"
        b"Chen,Wei,chen@example.com,Initech,Analyst,01 Feb 2020\n"
    ),
}


def test_2018_to_2023_six_column_header_without_preamble(load):
    ex = load(CONNECTIONS_2019_EXPORT)
    c = by_name(ex.connections)
    assert list(c.index) == ["John Smith", "Chen Wei"]
    assert c.loc["John Smith", "connected_on"] == ts("2019-11-08")
    assert c.loc["Chen Wei", "connected_on"] == ts("2020-02-01")
    assert c.loc["Chen Wei", "email"] == "chen@example.com"
    assert pd.isna(c.loc["John Smith", "email"])


CONNECTIONS_2021_EXPORT = {
    "Connections.csv": PREAMBLE
    + (
        b"First Name,Last Name,Email Address,Company,Position,Connected On\n"
        b"John,Smith,,Acme,CTO,08 Nov 2021\n"
        b"Chen,Wei,,Initech,Analyst,15 Dec 2022\n"
    ),
}


def test_late_2020_preamble_with_six_column_header(load):
    ex = load(CONNECTIONS_2021_EXPORT)
    c = by_name(ex.connections)
    assert list(c.index) == ["John Smith", "Chen Wei"]
    assert c.loc["Chen Wei", "connected_on"] == ts("2022-12-15")
    assert "Notes:" not in " ".join(ex.connections["first_name"].dropna())


CONNECTIONS_2025_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": PREAMBLE
    + (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Ana,Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz%C3%A1lez,,Acme,Lead Engineer,14 Oct 2025\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,bob.lee@example.com,Globex,Product Manager,08 Nov 2023\n"
        b",,,,,,14 Sep 2024\n"
        b"Chen,Wei,https://www.linkedin.com/in/chen-wei-7b2,,Initech,Analyst,02 Jan 2024\n"
    ),
}


def test_2023_url_era_values(load):
    ex = load(CONNECTIONS_2025_EXPORT)
    assert len(ex.connections) == 4  # one row per data row, the hidden member included
    c = by_name(ex.connections.dropna(subset=["name"]))
    assert c.loc["Bob Lee", "person_id"] == "bob-lee"
    assert c.loc["Bob Lee", "profile_url"].rstrip("/").endswith("linkedin.com/in/bob-lee")
    assert c.loc["Bob Lee", "email"] == "bob.lee@example.com"
    assert c.loc["Bob Lee", "company"] == "Globex"
    assert c.loc["Bob Lee", "position"] == "Product Manager"
    assert c.loc["Bob Lee", "connected_on"] == ts("2023-11-08")
    assert c.loc["Chen Wei", "connected_on"] == ts("2024-01-02")


def test_percent_encoded_slug_is_decoded(load):
    ex = load(CONNECTIONS_2025_EXPORT)
    c = by_name(ex.connections.dropna(subset=["name"]))
    assert c.loc["Ana González", "person_id"] == "ana-gonzález"


def test_lower_case_percent_escapes_are_decoded_too(load):
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Ana,Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz%c3%a1lez,,Acme,Lead Engineer,14 Oct 2025\n"
    )
    ex = load({"Connections.csv": data})
    assert ex.connections["person_id"].tolist() == ["ana-gonzález"]


def test_hidden_member_is_kept_flagged_without_person_id(load):
    ex = load(CONNECTIONS_2025_EXPORT)
    hidden = ex.connections[ex.connections["is_hidden"]]
    assert len(hidden) == 1
    row = hidden.iloc[0]
    assert row["connected_on"] == ts("2024-09-14")
    assert pd.isna(row["person_id"])
    assert pd.isna(row["first_name"])
    assert pd.isna(row["name"])
    assert pd.isna(row["profile_url"])
    assert ex.connections["is_hidden"].tolist() == [False, False, True, False]


def test_hidden_member_is_not_a_person_nor_a_connection_interaction(load):
    ex = load(CONNECTIONS_2025_EXPORT)
    assert ex.people["person_id"].notna().all()
    assert sorted(ex.people["person_id"]) == ["ana-gonzález", "bob-lee", "chen-wei-7b2"]
    connection_events = ex.interactions[ex.interactions["channel"] == "connection"]
    assert len(connection_events) == 3
    assert connection_events["person_id"].notna().all()


def test_hidden_member_in_six_column_era(load):
    data = (
        b"First Name,Last Name,Email Address,Company,Position,Connected On\n"
        b"John,Smith,,Acme,CTO,08 Nov 2019\n"
        b",,,,,14 Sep 2020\n"
    )
    ex = load({"Connections.csv": data})
    assert ex.connections["is_hidden"].tolist() == [False, True]
    assert ex.connections["connected_on"].tolist() == [ts("2019-11-08"), ts("2020-09-14")]


# --- preamble found by content -------------------------------------------------------------------


def test_preamble_removed_by_excel_resave(load):
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
    )
    ex = load({"Connections.csv": data})
    assert ex.connections["person_id"].tolist() == ["bob-lee"]
    assert ex.connections["connected_on"].tolist() == [ts("2023-11-08")]


def test_preamble_with_excel_padding_commas(load):
    data = (
        b"Notes:,,,,,\n" + NOTES_PARAGRAPH + b",,,,,,\n"
        b",,,,,,\n"
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
    )
    ex = load({"Connections.csv": data})
    assert ex.connections["person_id"].tolist() == ["bob-lee"]
    assert ex.connections["is_hidden"].tolist() == [False]


def test_preamble_of_unusual_length_is_found_by_content(load):
    # The notes paragraph wrapped over two physical lines and followed by two empty lines:
    # a reader that skips exactly 3 lines would land in the middle of the preamble.
    data = (
        b"Notes:\n"
        b'"When exporting your connection data, you may notice that some of the email addresses are missing.\n'
        b'You will only see email addresses for connections who have allowed it."\n'
        b"\n"
        b"\n"
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
    )
    ex = load({"Connections.csv": data})
    assert ex.connections["person_id"].tolist() == ["bob-lee"]
    assert ex.connections["company"].tolist() == ["Globex"]


def test_no_final_newline(load):
    data = PREAMBLE + (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
        b"Chen,Wei,https://www.linkedin.com/in/chen-wei-7b2,,Initech,Analyst,02 Jan 2024"
    )
    ex = load({"Connections.csv": data})
    assert ex.connections["person_id"].tolist() == ["bob-lee", "chen-wei-7b2"]
    assert ex.connections["connected_on"].tolist() == [ts("2023-11-08"), ts("2024-01-02")]


# --- text cleaning -------------------------------------------------------------------------------


def test_leading_and_trailing_spaces_are_stripped(load):
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b" Ana ,Gonz\xc3\xa1lez ,https://www.linkedin.com/in/ana-gonz%C3%A1lez,,  Acme Corp ,Lead Engineer ,14 Oct 2025\n"
        b"Bob,  Lee,https://www.linkedin.com/in/bob-lee,,Globex, Product Manager,08 Nov 2023\n"
    )
    ex = load({"Connections.csv": data})
    c = ex.connections
    assert c["first_name"].tolist() == ["Ana", "Bob"]
    assert c["last_name"].tolist() == ["González", "Lee"]
    assert c["name"].tolist() == ["Ana González", "Bob Lee"]
    assert c["company"].tolist() == ["Acme Corp", "Globex"]
    assert c["position"].tolist() == ["Lead Engineer", "Product Manager"]


def test_name_collapses_inner_whitespace(load):
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Mary  Ann,van   der Berg,https://www.linkedin.com/in/maryann-vdb,,Acme,CFO,14 Oct 2025\n"
    )
    ex = load({"Connections.csv": data})
    assert ex.connections["name"].tolist() == ["Mary Ann van der Berg"]


def test_quoted_fields_with_commas_and_quotes(load):
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b'Jane,"Doe, MBA",https://www.linkedin.com/in/jane-doe-mba,,"Acme ""Labs"", Inc.","VP, Sales",03 Mar 2024\n'
    )
    ex = load({"Connections.csv": data})
    row = ex.connections.iloc[0]
    assert row["name"] == "Jane Doe, MBA"
    assert row["company"] == 'Acme "Labs", Inc.'
    assert row["position"] == "VP, Sales"
    assert row["person_id"] == "jane-doe-mba"


def test_empty_email_is_missing_not_empty_string(load):
    ex = load(CONNECTIONS_2025_EXPORT)
    emails = ex.connections["email"]
    assert emails.isna().sum() == 3
    assert "" not in emails.dropna().tolist()


# --- Excel re-save signs -------------------------------------------------------------------------


def test_utf8_bom_before_header(load):
    data = b"\xef\xbb\xbf" + (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
    )
    ex = load({"Connections.csv": data})
    assert ex.connections["first_name"].tolist() == ["Bob"]
    assert ex.connections["person_id"].tolist() == ["bob-lee"]


def test_utf8_bom_before_preamble(load):
    data = (
        b"\xef\xbb\xbf"
        + PREAMBLE
        + (
            b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
        )
    )
    ex = load({"Connections.csv": data})
    assert ex.connections["person_id"].tolist() == ["bob-lee"]


def test_crlf_line_endings(load):
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\r\n"
        b",,,,,,14 Sep 2024\r\n"
    )
    ex = load({"Connections.csv": data})
    assert ex.connections["connected_on"].tolist() == [ts("2023-11-08"), ts("2024-09-14")]
    assert ex.connections["is_hidden"].tolist() == [False, True]
    assert not ex.connections["position"].dropna().str.contains("\r").any()


def test_excel_day_month_year_dates(load):
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,9-Sep-22\n"
        b"Chen,Wei,https://www.linkedin.com/in/chen-wei-7b2,,Initech,Analyst,28-Feb-23\n"
    )
    ex = load({"Connections.csv": data})
    assert ex.connections["connected_on"].tolist() == [ts("2022-09-09"), ts("2023-02-28")]


def test_semicolon_separated_excel_resave(load):
    data = (
        b"First Name;Last Name;URL;Email Address;Company;Position;Connected On\n"
        b"Bob;Lee;https://www.linkedin.com/in/bob-lee;;Globex, Inc.;Product Manager;9-Sep-22\n"
        b"Chen;Wei;https://www.linkedin.com/in/chen-wei-7b2;;Initech;Analyst;08 Nov 2023\n"
    )
    ex = load({"Connections.csv": data})
    assert ex.connections["person_id"].tolist() == ["bob-lee", "chen-wei-7b2"]
    assert ex.connections["company"].tolist() == ["Globex, Inc.", "Initech"]
    assert ex.connections["connected_on"].tolist() == [ts("2022-09-09"), ts("2023-11-08")]


CONNECTIONS_EXCEL_RESAVE_EXPORT = {
    "Connections.csv": b"\xef\xbb\xbf" + b"Notes:,,,,,\r\n" + NOTES_PARAGRAPH + b",,,,,,\r\n"
    b",,,,,,\r\n"
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    b"Ana,Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz%C3%A1lez,,Acme,Lead Engineer,14-Oct-25\r\n"
    b",,,,,,14-Sep-24\r\n"
    b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,8-Nov-23\r\n",
}


def test_all_excel_resave_signs_together(load):
    ex = load(CONNECTIONS_EXCEL_RESAVE_EXPORT)
    c = ex.connections
    assert c["person_id"].tolist()[0] == "ana-gonzález"
    assert pd.isna(c["person_id"].tolist()[1])
    assert c["person_id"].tolist()[2] == "bob-lee"
    assert c["is_hidden"].tolist() == [False, True, False]
    assert c["connected_on"].tolist() == [ts("2025-10-14"), ts("2024-09-14"), ts("2023-11-08")]
    assert ex.files.set_index("path").loc["Connections.csv", "encoding"] == "utf-8-sig"


# --- types ---------------------------------------------------------------------------------------


def test_connections_column_types(load):
    ex = load(CONNECTIONS_2025_EXPORT)
    c = ex.connections
    for column in [
        "person_id",
        "first_name",
        "last_name",
        "name",
        "profile_url",
        "email",
        "company",
        "position",
    ]:
        assert isinstance(c[column].dtype, pd.StringDtype), column
    assert str(c["connected_on"].dtype) == "datetime64[us, UTC]"
    assert c["is_hidden"].dtype == bool


def test_header_only_with_preamble_is_empty_not_an_error(load):
    data = PREAMBLE + b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    ex = load({"Connections.csv": data})
    assert len(ex.connections) == 0
    assert ex.files.set_index("path").loc["Connections.csv", "rows_read"] == 0


def test_mononym_is_not_hidden(load):
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Madonna,,https://www.linkedin.com/in/madonna,,Acme,Singer,08 Nov 2023\n"
    )
    ex = load({"Connections.csv": data})
    row = ex.connections.iloc[0]
    assert not row["is_hidden"]
    assert row["name"] == "Madonna"
    assert pd.isna(row["last_name"])
    assert row["person_id"] == "madonna"
