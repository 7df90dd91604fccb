"""Zip safety: member names are never paths, bombs are refused before they inflate, a zip
re-packed inside a zip is read, and nothing is ever extracted to disk."""

import threading
import time
import zipfile

import pandas as pd
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


def _damaged(data: bytes, name: bytes, offset: int) -> bytes:
    """`data` with one byte flipped `offset` bytes into the compressed stream of member `name`."""
    out = bytearray(data)
    start = data.find(b"PK\x03\x04")  # the first local header
    while True:
        name_length = int.from_bytes(data[start + 26 : start + 28], "little")
        extra_length = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 30 : start + 30 + name_length] == name:
            out[start + 30 + name_length + extra_length + offset] ^= 0xFF
            return bytes(out)
        start = data.find(b"PK\x03\x04", start + 4)


@pytest.mark.parametrize("offset", [0, 5, 40])
def test_a_damaged_deflate_stream_is_refused_with_the_member_named(tmp_path, offset):
    """Found by the fuzz suite: a flipped byte in a deflate block once raised the inflater's own
    error type instead of an ExportError."""
    rows = b"".join(
        b"Ann%d,Lee,https://www.linkedin.com/in/ann-%d,,Globex,PM,21 Oct 2025\n" % (i, i)
        for i in range(200)
    )
    good = write_zip(
        tmp_path / "good.zip", {"Connections.csv": CONNECTIONS.split(b"\n")[0] + b"\n" + rows}
    )
    bad = tmp_path / f"{DEFAULT_NAME}.zip"
    bad.write_bytes(_damaged(good.read_bytes(), b"Connections.csv", offset))
    with pytest.raises(nk.ArchiveRefusedError, match=r"Connections\.csv.*could not be inflated"):
        nk.load_export(bad)


def test_a_crc_mismatch_is_refused(tmp_path):
    data = bytearray(write_zip(tmp_path / "a.zip", {"Connections.csv": CONNECTIONS}).read_bytes())
    for signature, crc_at in ((b"PK\x03\x04", 14), (b"PK\x01\x02", 16)):
        at = data.find(signature) + crc_at
        data[at : at + 4] = (int.from_bytes(data[at : at + 4], "little") ^ 1).to_bytes(4, "little")
    bad = tmp_path / f"{DEFAULT_NAME}.zip"
    bad.write_bytes(bytes(data))
    with pytest.raises(nk.ArchiveRefusedError, match=r"Connections\.csv.*CRC"):
        nk.load_export(bad)


def _rows(n: int) -> bytes:
    return (
        CONNECTIONS.split(b"\n")[0]
        + b"\n"
        + b"".join(
            b"Ann%d,Lee,https://www.linkedin.com/in/ann-%d,,Globex,PM,21 Oct 2025\n" % (i, i)
            for i in range(n)
        )
    )


def test_the_largest_member_inflated_ahead_reads_the_same(tmp_path, monkeypatch):
    """The largest file is inflated in a thread while the others are read: the tables and the
    order of `files` are those of reading one file after another."""
    path = write_zip(
        tmp_path / f"{DEFAULT_NAME}.zip",
        {"Profile.csv": PROFILE_CSV, "Connections.csv": _rows(300), "Notes.txt": b"hi"},
    )
    monkeypatch.setattr(archive, "INFLATE_AHEAD_BYTES", 10**12)
    one_by_one = nk.load_export(path)
    monkeypatch.setattr(archive, "INFLATE_AHEAD_BYTES", 0)
    ahead = nk.load_export(path)
    assert len(ahead.connections) == 300
    pd.testing.assert_frame_equal(ahead.connections, one_by_one.connections)
    pd.testing.assert_frame_equal(ahead.files, one_by_one.files)


def test_a_damaged_member_inflated_ahead_is_refused_with_its_name(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "INFLATE_AHEAD_BYTES", 0)
    good = write_zip(
        tmp_path / "good.zip", {"Profile.csv": PROFILE_CSV, "Connections.csv": _rows(200)}
    )
    bad = tmp_path / f"{DEFAULT_NAME}.zip"
    bad.write_bytes(_damaged(good.read_bytes(), b"Connections.csv", 5))
    with pytest.raises(nk.ArchiveRefusedError, match=r"Connections\.csv.*could not be inflated"):
        nk.load_export(bad)


def test_a_failed_load_leaves_nothing_inflating_behind_it(tmp_path, monkeypatch):
    """Reading another file fails while the largest one inflates ahead: by the time the error
    reaches the caller, the inflating thread has finished (ARCHITECTURE, "Threads")."""
    monkeypatch.setattr(archive, "INFLATE_AHEAD_BYTES", 0)
    finished = threading.Event()
    inflate = archive._inflate_member

    def slow_inflate(*args, **kwargs):
        if threading.current_thread() is threading.main_thread():
            return inflate(*args, **kwargs)  # the other files, read one after another
        time.sleep(0.5)
        data = inflate(*args, **kwargs)
        finished.set()
        return data

    monkeypatch.setattr(archive, "_inflate_member", slow_inflate)
    no_date = b"From,To,Message,Direction\nBob Lee,Maria Silva,,INCOMING\n"  # no "Sent At"
    path = write_zip(
        tmp_path / f"{DEFAULT_NAME}.zip",
        {"Profile.csv": PROFILE_CSV, "Invitations.csv": no_date, "Connections.csv": _rows(200)},
    )
    with pytest.raises(nk.MissingColumnError, match=r"Invitations\.csv"):
        nk.load_export(path)  # Connections.csv, the largest, inflates ahead and is read last
    assert finished.is_set()


def test_the_member_inflated_ahead_is_the_largest_csv_and_reads_once_or_again(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(archive, "INFLATE_AHEAD_BYTES", 1000)
    large = _rows(300)
    path = write_zip(
        tmp_path / f"{DEFAULT_NAME}.zip",
        {"Profile.csv": PROFILE_CSV, "Connections.csv": large, "Big.txt": b"x" * 10**5},
    )
    with archive.open_archive(path) as opened:
        ahead = opened.inflate_largest_ahead()
        assert ahead is not None
        assert ahead.path == "Connections.csv"  # the largest CSV, not the larger .txt
        assert opened.inflate_largest_ahead() is ahead  # started once
        assert opened.read(ahead) == large
        assert opened.read(ahead) == large  # handed over, then read again from the zip


def test_no_member_is_inflated_ahead_below_the_size_that_pays(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "INFLATE_AHEAD_BYTES", 10**6)
    path = write_zip(
        tmp_path / f"{DEFAULT_NAME}.zip", {"Profile.csv": PROFILE_CSV, "Connections.csv": _rows(9)}
    )
    with archive.open_archive(path) as opened:
        assert opened.inflate_largest_ahead() is None
