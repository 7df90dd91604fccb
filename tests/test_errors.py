# ruff: noqa: E501
"""Bad input meets a domain error naming the path, or lands in ``ex.problems`` with its line.

api.md, "Errors": ``nk.ExportError`` with subclasses for "not a LinkedIn export", "file
unreadable", "required column missing", "archive refused"; the message names the file, the line
and what was expected. "problems": ``file, line, column, value, reason``, ``line`` the 1-based
physical line where the record starts; a value that cannot be read is set to NA, the record kept.
"""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest
from fixtures import PROFILE_CSV, ts

import netkit as nk

NOTES_PARAGRAPH = b'"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"'


def test_error_classes_share_one_base():
    for error in (
        nk.NotAnExportError,
        nk.FileUnreadableError,
        nk.MissingColumnError,
        nk.ArchiveRefusedError,
    ):
        assert issubclass(error, nk.ExportError)
    assert issubclass(nk.ExportError, Exception)


# --- not an export -------------------------------------------------------------------------------


def test_not_a_zip_names_the_path(tmp_path):
    path = tmp_path / "Basic_LinkedInDataExport_12-05-2025.zip"
    path.write_bytes(b"this is not a zip archive\n")
    with pytest.raises(nk.ExportError) as info:
        nk.load_export(path)
    assert path.name in str(info.value)


def test_random_file_names_the_path(tmp_path):
    path = tmp_path / "holiday.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    with pytest.raises(nk.ExportError) as info:
        nk.load_export(path)
    assert "holiday.jpg" in str(info.value)


def test_empty_folder_names_the_path(tmp_path):
    folder = tmp_path / "Basic_LinkedInDataExport_12-05-2025"
    folder.mkdir()
    with pytest.raises(nk.ExportError) as info:
        nk.load_export(folder)
    assert folder.name in str(info.value)


def test_folder_without_any_linkedin_file_is_not_an_export(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "notes.txt").write_text("shopping list\n")
    (folder / "budget.csv").write_text("item,amount\ncoffee,3\n")
    with pytest.raises(nk.NotAnExportError) as info:
        nk.load_export(folder)
    assert "photos" in str(info.value)


def test_zip_without_any_linkedin_file_is_not_an_export(tmp_path):
    path = tmp_path / "backup.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("budget.csv", "item,amount\ncoffee,3\n")
    with pytest.raises(nk.NotAnExportError) as info:
        nk.load_export(path)
    assert "backup.zip" in str(info.value)


def test_missing_path_names_the_path(tmp_path):
    path = tmp_path / "Basic_LinkedInDataExport_01-01-2026.zip"
    with pytest.raises((nk.ExportError, FileNotFoundError)) as info:
        nk.load_export(path)
    assert path.name in str(info.value)


def test_truncated_zip_is_an_export_error(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Profile.csv", PROFILE_CSV * 50)
    path = tmp_path / "Basic_LinkedInDataExport_12-05-2025.zip"
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(nk.ExportError) as info:
        nk.load_export(path)
    assert path.name in str(info.value)


def encrypt_flag(data: bytes) -> bytes:
    """Set the 'encrypted' bit in every local and central header of a zip (content unchanged)."""
    out = bytearray(data)
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := out.find(signature, start)) != -1:
            out[start + flag_offset] |= 0x01
            start += 4
    return bytes(out)


def test_encrypted_zip_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Profile.csv", PROFILE_CSV)
    path = tmp_path / "Basic_LinkedInDataExport_12-05-2025.zip"
    path.write_bytes(encrypt_flag(buffer.getvalue()))
    with pytest.raises(nk.ArchiveRefusedError) as info:
        nk.load_export(path)
    assert path.name in str(info.value)


def test_binary_garbage_in_a_recognised_file_names_the_file(load):
    garbage = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
    with pytest.raises(nk.ExportError) as info:
        load({"Profile.csv": PROFILE_CSV, "Connections.csv": garbage})
    assert "Connections.csv" in str(info.value)


# --- required columns ----------------------------------------------------------------------------

CONNECTIONS_WITHOUT_DATE_BAD = {
    "Connections.csv": (
        b"First Name,Last Name,URL,Email Address,Company,Position\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager\n"
    ),
}


def test_connections_without_connected_on_is_a_missing_column_error(load):
    with pytest.raises(nk.MissingColumnError) as info:
        load(CONNECTIONS_WITHOUT_DATE_BAD)
    message = str(info.value)
    assert "Connections.csv" in message
    assert "Connected On" in message  # what was expected
    assert "First Name" in message  # what was found


def test_missing_column_found_after_the_preamble(load):
    data = (
        b"Notes:\n" + NOTES_PARAGRAPH + b"\n\n"
        b"First Name,Last Name,URL,Email Address,Company,Position\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager\n"
    )
    with pytest.raises(nk.MissingColumnError) as info:
        load({"Connections.csv": data})
    assert "Connections.csv" in str(info.value)
    assert "Connected On" in str(info.value)


def test_messages_without_date_is_a_missing_column_error(load):
    data = (
        b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,SUBJECT,CONTENT,FOLDER\n"
        b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,,Hi,INBOX\n"
    )
    with pytest.raises(nk.MissingColumnError) as info:
        load({"Profile.csv": PROFILE_CSV, "messages.csv": data})
    assert "messages.csv" in str(info.value)
    assert "DATE" in str(info.value)


# --- unparseable values --------------------------------------------------------------------------

CONNECTIONS_BAD_DATE_EXPORT = {
    "Connections.csv": b"Notes:\n"
    + NOTES_PARAGRAPH
    + b"\n\n"
    + (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
        b"Chen,Wei,https://www.linkedin.com/in/chen-wei-7b2,,Initech,Analyst,31 Foo 2024\n"
        b"Dana,Kim,https://www.linkedin.com/in/dana-kim,,Hooli,CTO,02 Jan 2024\n"
    ),
}


def test_unparseable_date_becomes_nat_and_the_row_is_kept(load):
    ex = load(CONNECTIONS_BAD_DATE_EXPORT)
    c = ex.connections.set_index("person_id")
    assert list(c.index) == ["bob-lee", "chen-wei-7b2", "dana-kim"]
    assert pd.isna(c.loc["chen-wei-7b2", "connected_on"])
    assert c.loc["dana-kim", "connected_on"] == ts("2024-01-02")
    assert ex.files.set_index("path").loc["Connections.csv", "rows_kept"] == 3


def test_unparseable_date_has_a_problems_row_with_physical_line(load):
    ex = load(CONNECTIONS_BAD_DATE_EXPORT)
    problems = ex.problems[ex.problems["file"] == "Connections.csv"]
    assert len(problems) == 1
    row = problems.iloc[0]
    assert row["line"] == 6  # Notes:, paragraph, empty line, header, Bob, then Chen on line 6
    assert row["column"] in {"Connected On", "connected_on"}
    assert row["value"] == "31 Foo 2024"
    assert isinstance(row["reason"], str)
    assert row["reason"].strip()


MESSAGES_BAD_DATE_AFTER_MULTILINE_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": (
        b'"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER"\n'
        b'"2-Ym9iMQ==","","Bob Lee","https://www.linkedin.com/in/bob-lee","Maria Silva","https://www.linkedin.com/in/maria-silva-42","2026-04-10 08:00:00 UTC","","Line one\nLine two\nLine three","INBOX"\n'
        b'"2-Ym9iMQ==","","Maria Silva","https://www.linkedin.com/in/maria-silva-42","Bob Lee","https://www.linkedin.com/in/bob-lee","yesterday","","Reply","INBOX"\n'
    ),
}


def test_problem_line_is_where_the_record_starts_after_multiline_records(load):
    ex = load(MESSAGES_BAD_DATE_AFTER_MULTILINE_EXPORT)
    assert len(ex.messages) == 2
    reply = ex.messages[ex.messages["content"] == "Reply"].iloc[0]
    assert pd.isna(reply["sent_at"])
    assert reply["direction"] == "outgoing"
    problems = ex.problems[ex.problems["file"] == "messages.csv"]
    assert problems["line"].tolist() == [5]  # header 1, first record lines 2-4
    assert problems["value"].tolist() == ["yesterday"]
    assert problems["column"].notna().all()


INVITATIONS_BAD_DATE_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Invitations.csv": (
        b"From,To,Sent At,Message,Direction\n"
        b'Bob Lee,Maria Silva,"3/2/23, 9:05 AM",,INCOMING\n'
        b"Maria Silva,Chen Wei,13/45/23,,OUTGOING\n"
    ),
}


def test_unparseable_invitation_date(load):
    ex = load(INVITATIONS_BAD_DATE_EXPORT)
    inv = ex.invitations.set_index("name")
    assert pd.isna(inv.loc["Chen Wei", "sent_at"])
    assert inv.loc["Bob Lee", "sent_at"] == ts("2023-03-02 09:05")
    problems = ex.problems[ex.problems["file"] == "Invitations.csv"]
    assert problems["line"].tolist() == [3]
    assert problems["value"].tolist() == ["13/45/23"]


def test_a_good_export_has_no_problems(load):
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
        b",,,,,,14 Sep 2024\n"
    )
    ex = load({"Profile.csv": PROFILE_CSV, "Connections.csv": data})
    assert len(ex.problems) == 0
    assert list(ex.problems.columns[:5]) == ["file", "line", "column", "value", "reason"]
