# ruff: noqa: E501
"""The archive: zip, extracted folder, wrapped folder, names, and the export's "as of" instant.

Spec (linkedin-export.md, "The archive"): names ``Basic_`` / ``Complete_LinkedInDataExport_MM-DD-YYYY.zip``,
browsers may append `` (1)``; accept a zip, an extracted folder, or a folder holding one wrapping
folder; files at the zip root, only ``Jobs/``-like sub-folders, no directory entries, all deflate;
every file optional. api.md: ``ex.as_of`` is the last instant of the name's date (innermost dated
name), or the newest data timestamp if later or if no name carries a date.
"""

from __future__ import annotations

import zipfile

import pandas as pd
import pytest
from fixtures import DEFAULT_AS_OF, OWNER_URL, PROFILE_CSV, ts

CONNECTIONS_CSV = (
    b"Notes:\n"
    b'"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n'
    b"\n"
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
    b"Chen,Wei,https://www.linkedin.com/in/chen-wei-7b2,,Initech,Analyst,14 Sep 2024\n"
)

MESSAGES_CSV = (
    b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
    b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-11-08 14:22:10 UTC,,See you then,INBOX\n"
    b"2-Ym9iMQ==,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Bob Lee,https://www.linkedin.com/in/bob-lee,2025-11-07 09:15:00 UTC,,Lunch on Friday?,INBOX\n"
)

BASIC_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": CONNECTIONS_CSV,
    "messages.csv": MESSAGES_CSV,
}

NEWEST_DATA_TIMESTAMP = ts("2025-11-08 14:22:10")


def assert_basic_export_read(ex) -> None:
    assert sorted(ex.connections["person_id"].tolist()) == ["bob-lee", "chen-wei-7b2"]
    assert len(ex.messages) == 2
    assert ex.owner.name == "Maria Silva"
    assert ex.owner.person_id == "maria-silva-42"


# --- containers ----------------------------------------------------------------------------------


def test_zip_is_read(load):
    assert_basic_export_read(load(BASIC_EXPORT, layout="zip"))


def test_extracted_folder_is_read(load):
    assert_basic_export_read(load(BASIC_EXPORT, layout="folder"))


def test_folder_wrapping_one_folder_is_read(load):
    assert_basic_export_read(load(BASIC_EXPORT, layout="wrapped"))


def test_path_may_be_a_str(make_export):
    import netkit as nk

    path = make_export(BASIC_EXPORT)
    assert_basic_export_read(nk.load_export(str(path)))


@pytest.mark.parametrize("layout", ["zip", "folder", "wrapped"])
def test_files_paths_are_relative_to_the_export_root(load, layout):
    ex = load(BASIC_EXPORT, layout=layout)
    assert sorted(ex.files["path"].tolist()) == ["Connections.csv", "Profile.csv", "messages.csv"]


def test_zip_written_by_linkedin_has_no_directory_entries_for_subfolders(load):
    # Jobs/ exists only in the member name; reading must not need a directory entry.
    files = {
        **BASIC_EXPORT,
        "Jobs/Job Applications.csv": (
            b"Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers\n"
            b'"8/27/25, 1:35 PM",maria@example.com,,Globex,Data Engineer,http://www.linkedin.com/jobs/view/4290000001,,\n'
        ),
    }
    ex = load(files)
    assert "Jobs/Job Applications.csv" in ex.files["path"].tolist()
    assert_basic_export_read(ex)


def test_every_file_is_optional_missing_tables_are_empty_frames_with_columns(load):
    ex = load({"Connections.csv": CONNECTIONS_CSV})
    assert len(ex.connections) == 2
    for table, columns in {
        "messages": [
            "conversation_id",
            "sent_at",
            "direction",
            "sender_id",
            "recipient_ids",
            "is_draft",
        ],
        "invitations": ["sent_at", "direction", "person_id", "has_note"],
        "endorsements": ["endorsed_at", "direction", "person_id", "skill"],
        "recommendations": ["created_at", "direction", "person_id", "text"],
    }.items():
        frame = getattr(ex, table)
        assert isinstance(frame, pd.DataFrame), table
        assert len(frame) == 0, table
        assert set(columns) <= set(frame.columns), table
    assert set(ex.interactions["channel"]) == {"connection"}


def test_zip_members_may_be_stored_uncompressed(tmp_path):
    # LinkedIn deflates everything, but a user re-zipping may store: both are plain zips.
    import netkit as nk

    path = tmp_path / "Basic_LinkedInDataExport_12-05-2025.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for member, data in BASIC_EXPORT.items():
            archive.writestr(member, data)
    assert_basic_export_read(nk.load_export(path))


# --- names and as_of -----------------------------------------------------------------------------


def test_as_of_is_last_instant_of_the_date_in_the_zip_name(load):
    ex = load(BASIC_EXPORT, name="Basic_LinkedInDataExport_12-05-2025")
    assert ex.as_of == DEFAULT_AS_OF
    assert ex.as_of == pd.Timestamp("2025-12-05 23:59:59.999999", tz="UTC")
    assert str(ex.as_of.tz) == "UTC"


def test_browser_duplicate_suffix_in_zip_name(load):
    ex = load(BASIC_EXPORT, name="Basic_LinkedInDataExport_12-05-2025 (1)")
    assert_basic_export_read(ex)
    assert ex.as_of == DEFAULT_AS_OF


def test_complete_export_name_is_read_like_basic(load):
    ex = load(BASIC_EXPORT, name="Complete_LinkedInDataExport_12-31-2025")
    assert_basic_export_read(ex)
    assert ex.as_of == ts("2025-12-31 23:59:59.999999")


def test_as_of_from_extracted_folder_name(load):
    ex = load(BASIC_EXPORT, name="Complete_LinkedInDataExport_12-20-2025", layout="folder")
    assert ex.as_of == ts("2025-12-20 23:59:59.999999")


def test_as_of_from_inner_folder_when_wrapped(load):
    ex = load(
        BASIC_EXPORT,
        name="Basic_LinkedInDataExport_12-05-2025",
        layout="wrapped",
        wrapper="Complete_LinkedInDataExport_01-31-2024",
    )
    # The innermost name carrying a date wins.
    assert ex.as_of == DEFAULT_AS_OF


def test_as_of_from_wrapper_when_inner_folder_has_no_date(load):
    ex = load(
        BASIC_EXPORT,
        name="linkedin",
        layout="wrapped",
        wrapper="Basic_LinkedInDataExport_12-20-2025",
    )
    assert ex.as_of == ts("2025-12-20 23:59:59.999999")


def test_as_of_is_newest_data_timestamp_when_no_name_carries_a_date(load):
    ex = load(BASIC_EXPORT, name="my linkedin export", layout="folder")
    assert ex.as_of == NEWEST_DATA_TIMESTAMP


def test_as_of_is_newest_data_timestamp_when_later_than_the_name(load):
    # A renamed or stale name must not hide data: the newest message is 2025-11-08 14:22:10 UTC.
    ex = load(BASIC_EXPORT, name="Basic_LinkedInDataExport_01-15-2025")
    assert ex.as_of == NEWEST_DATA_TIMESTAMP


def test_as_of_ignores_a_name_date_that_is_earlier_only_by_its_time_of_day(load):
    # The name's date covers the whole day: data on that day does not move as_of.
    ex = load(BASIC_EXPORT, name="Basic_LinkedInDataExport_11-08-2025")
    assert ex.as_of == ts("2025-11-08 23:59:59.999999")


def test_owner_url_is_the_url_of_the_profile_name(load):
    ex = load(BASIC_EXPORT)
    assert ex.owner.profile_url.rstrip("/").endswith("linkedin.com/in/maria-silva-42")
    assert OWNER_URL.endswith("/in/" + ex.owner.person_id)


def test_macos_litter_in_extracted_folders_is_harmless(make_export):
    import netkit as nk

    path = make_export(BASIC_EXPORT, layout="wrapped")
    (path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1\x00\x00")
    inner = path / "Basic_LinkedInDataExport_12-05-2025"
    (inner / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1\x00\x00")
    ex = nk.load_export(path)
    assert_basic_export_read(ex)
    assert ex.as_of == DEFAULT_AS_OF


def test_non_csv_members_are_listed_as_unknown(load):
    files = {
        **BASIC_EXPORT,
        "Articles/Articles/2024-03-01 My first article.html": b"<html><body><p>Hello</p></body></html>\n",
    }
    ex = load(files)
    kinds = dict(zip(ex.files["path"], ex.files["kind"], strict=True))
    assert kinds["Articles/Articles/2024-03-01 My first article.html"] == "unknown"
    assert_basic_export_read(ex)


def test_zip_made_from_the_extracted_folder(make_export):
    # Beyond LinkedIn's own zips (files at the root): a user who re-zips the extracted folder
    # gets one wrapping folder inside the zip, the zip analogue of the wrapped-folder layout.
    files = {
        f"Basic_LinkedInDataExport_12-05-2025/{name}": data for name, data in BASIC_EXPORT.items()
    }
    import netkit as nk

    ex = nk.load_export(make_export(files, name="linkedin-backup"))
    assert_basic_export_read(ex)
    assert ex.as_of == DEFAULT_AS_OF
