"""Zip safety: member names are never paths, bombs are refused before they inflate, a zip
re-packed inside a zip is read, and nothing is ever extracted to disk."""

import zipfile

import pytest
from fixtures import DEFAULT_NAME, PROFILE_CSV, write_zip

import netkit as nk
from netkit import archive

CONNECTIONS = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,PM,21 Oct 2025"
)


@pytest.mark.parametrize(
    "name",
    ["../Connections.csv", "/etc/Connections.csv", "C:/Users/x/Connections.csv", "a/../../x.csv"],
)
def test_unsafe_member_names_are_never_used(tmp_path, name):
    path = write_zip(
        tmp_path / f"{DEFAULT_NAME}.zip",
        {"Connections.csv": CONNECTIONS, "Profile.csv": PROFILE_CSV, name: b"First Name\nEvil\n"},
    )
    ex = nk.load_export(path)
    assert name not in set(ex.files["path"])
    assert ex.connections["name"].tolist() == ["Bob Lee"]
    assert sorted(p.name for p in tmp_path.rglob("*")) == [f"{DEFAULT_NAME}.zip"]


def test_nothing_is_extracted_to_disk(tmp_path):
    path = write_zip(tmp_path / "export" / f"{DEFAULT_NAME}.zip", {"Connections.csv": CONNECTIONS})
    before = sorted(tmp_path.rglob("*"))
    nk.load_export(path)
    assert sorted(tmp_path.rglob("*")) == before


def _with_declared_size(data: bytes, size: int) -> bytes:
    """A one-member zip `data` whose headers declare `size` uncompressed bytes (a lying header):
    the local header's field at offset 22 and the central directory's at offset 24."""
    out = bytearray(data)
    local, central = data.find(b"PK\x03\x04"), data.find(b"PK\x01\x02")
    out[local + 22 : local + 26] = size.to_bytes(4, "little")
    out[central + 24 : central + 28] = size.to_bytes(4, "little")
    return bytes(out)


def test_a_member_declaring_more_than_any_export_holds_is_refused(tmp_path):
    small = write_zip(tmp_path / "a.zip", {"Connections.csv": CONNECTIONS}).read_bytes()
    bomb = tmp_path / f"{DEFAULT_NAME}.zip"
    bomb.write_bytes(_with_declared_size(small, archive.MAX_MEMBER_BYTES + 1))
    with pytest.raises(nk.ArchiveRefusedError, match=r"Connections\.csv"):
        nk.load_export(bomb)


def test_a_highly_compressed_large_member_is_refused_before_inflating(tmp_path):
    path = tmp_path / f"{DEFAULT_NAME}.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Connections.csv", CONNECTIONS)
        zf.writestr("messages.csv", b"\0" * (archive.RATIO_CHECK_FROM + 1))  # ratio ~1000:1
    with pytest.raises(nk.ArchiveRefusedError, match=r"messages\.csv"):
        nk.load_export(path)


def test_a_member_inflating_past_what_it_declares_is_refused(tmp_path):
    honest = write_zip(tmp_path / "a.zip", {"Connections.csv": CONNECTIONS}).read_bytes()
    lying = tmp_path / f"{DEFAULT_NAME}.zip"
    lying.write_bytes(_with_declared_size(honest, 10))
    with pytest.raises(nk.ExportError):
        nk.load_export(lying)


def test_a_zip_repacked_inside_a_zip_is_read(tmp_path):
    inner = write_zip(
        tmp_path / "inner" / f"{DEFAULT_NAME}.zip",
        {"Connections.csv": CONNECTIONS, "Profile.csv": PROFILE_CSV},
    )
    outer = write_zip(tmp_path / "backup.zip", {inner.name: inner.read_bytes()})
    ex = nk.load_export(outer)
    assert ex.connections["person_id"].tolist() == ["bob-lee"]
    assert ex.as_of.strftime("%Y-%m-%d") == "2025-12-05"  # the date in the inner zip's name
