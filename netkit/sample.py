"""A seeded synthetic LinkedIn data export, byte for byte in the real format.

:func:`build_sample` invents a person (the *owner*) with a network of connections and the
history a real account accumulates: invitations both ways, years of messages, endorsements,
recommendations, a career, posts, reactions and comments. :meth:`SampleExport.write` writes it
as LinkedIn's 2025/2026 export writes it, quirks included, so that netkit's readers, metrics,
notebooks and reports can be tested and demonstrated without anybody's private data.

Alongside the files, the sample keeps the *truth*: :attr:`SampleExport.tables` holds every table
in the tidy columns netkit's loader produces (one row per record written, in file order; where
two files feed one table, ``_Given`` comes before ``_Received`` as in a sorted listing), and
:attr:`SampleExport.stories` lists the facts deliberately planted for metric tests (a growth
spike, close contacts gone silent, people who pitch right after connecting...).

The output depends only on the arguments: the same arguments give byte-identical files on every
machine and every day (one :func:`numpy.random.default_rng` stream, no clock, no locale, fixed
zip timestamps).

Files and the quirks they carry
-------------------------------
``Connections.csv``
    The three-line ``Notes:`` preamble, a header on line 4, ``08 Nov 2023`` dates, newest first,
    names and companies with stray leading/trailing spaces, about 97 % empty emails, hidden
    members written as ``,,,,,,14 Sep 2024``, percent-encoded non-ASCII URL slugs (the only file
    that encodes them), and no newline after the last row.
``messages.csv``
    ``2025-11-08 14:22:10 UTC`` dates, rows grouped by conversation, newest conversation first;
    ``2-``-prefixed base64 conversation ids; everyday texts as long and as varied as real ones
    (a short reply, a few sentences or a long update, composed from the sentence templates of
    ``netkit/_sample_chat.py``); group threads with comma-joined names and URLs
    (names may contain commas); ``LinkedIn Member`` and plain empty senders; sponsored
    conversations with HTML bodies; drafts, some without a conversation id; empty bodies; old
    InMails with HTML entities. Style ``"2026"`` quotes every field, header included, keeps real
    newlines and has an ``ATTACHMENTS`` column; style ``"2025"`` quotes minimally, flattens
    newlines to spaces and has no ``ATTACHMENTS``.
``Invitations.csv``
    ``10/21/25, 10:26 PM`` dates, ``INCOMING``/``OUTGOING``, profile URLs of both sides.
``Endorsement_Received_Info.csv``, ``Endorsement_Given_Info.csv``
    ``2024/06/26 00:52:03 UTC`` dates and scheme-less URLs (``www.linkedin.com/in/...``).
``Recommendations_Received.csv``, ``Recommendations_Given.csv``
    Zero-padded ``07/15/18, 09:11 PM`` dates, no URL (people are matched by name).
``Profile.csv``, ``Positions.csv``, ``Education.csv``, ``Events.csv``, ``Company Follows.csv``,
``Email Addresses.csv``, ``ImportedContacts.csv``, ``Registration.csv`` (a file netkit does not
read), ``learning_coach_messages.csv`` (an AI assistant), ``LearningCoachMessages.csv`` (the
literal line ``No conversations found``).
Complete exports also hold ``Reactions``, ``Comments`` (multi-line comments without a comma are
written unquoted, so their later lines become stray rows; quotes are escaped as ``\\"`` in the
2026 style and doubled before), ``Shares`` (each line of a multi-line post wrapped in its own
quotes) and ``Member_Follows``. In the 2026 style these four carry the owner's member id as a
suffix (``Comments_73920411.csv``).
"""

from __future__ import annotations

import base64
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, TextIO
from urllib.parse import quote

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netkit import _sample_chat as chat
from netkit import _sample_names as words

__all__ = ["SampleExport", "build_sample", "generate_export"]

Size = Literal["small", "large"] | int
MessagesStyle = Literal["2025", "2026"]
ExportKind = Literal["Complete", "Basic"]

#: Connections (hidden members included) for the named sizes.
SIZES: dict[str, int] = {"small": 420, "large": 30_000}
#: Smallest network the generator can plant every story in.
MIN_CONNECTIONS = 20
#: Messages per connection at the small end and at 30,000 connections (≈ 1,000,000 messages).
MESSAGES_PER_CONNECTION = (7.0, 1_000_000 / 30_000)
#: Shares of everyday messages that are a short reply, a few sentences, a long message and a
#: very long one, for the first message of a session and for the others.
CHAT_SHAPES: dict[str, tuple[float, float, float, float]] = {
    "opener": (0.04, 0.56, 0.30, 0.10),
    "reply": (0.25, 0.54, 0.17, 0.04),
}

DAY = 86_400
YEAR = 365
PROFILE_URL = "https://www.linkedin.com/in/"
LINKEDIN_MEMBER = "LinkedIn Member"
SPONSORED_TITLE = "Sponsored Conversation"
OWNER = {"first_name": "Maya", "last_name": "Lindqvist", "slug": "mayalindqvist"}
#: A former manager who recommended the owner but is not on the owner's network.
OUTSIDE_RECOMMENDER = ("Birgitte", "Holmgaard", "Orchid Pharma", "VP Research")
ASSISTANT_NAME = "LinkedIn Learning Coach"

# Relationship classes of connections.
CLOSE, DORMANT, FADING, PITCHER, OWNER_PITCH, REGULAR, LIGHT, SILENT = range(8)
#: Share of the baseline connections in each class (silent takes the rest).
CLASS_SHARES = {
    CLOSE: 0.03,
    DORMANT: 0.02,
    FADING: 0.015,
    PITCHER: 0.04,
    OWNER_PITCH: 0.01,
    REGULAR: 0.15,
    LIGHT: 0.20,
}

# ---------------------------------------------------------------------------------------------
# File layouts: header and date format of every file written (formats are data).
# ---------------------------------------------------------------------------------------------
CONNECTIONS_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see the email address of a connection who has chosen to let their "
    "connections see or download it. Their choice is a privacy setting under Visibility; "
    "LinkedIn's help center explains how it works.\"\n"
    "\n"
)
HEADERS: dict[str, tuple[str, ...]] = {
    "connections": (
        "First Name",
        "Last Name",
        "URL",
        "Email Address",
        "Company",
        "Position",
        "Connected On",
    ),
    "messages": (
        "CONVERSATION ID",
        "CONVERSATION TITLE",
        "FROM",
        "SENDER PROFILE URL",
        "TO",
        "RECIPIENT PROFILE URLS",
        "DATE",
        "SUBJECT",
        "CONTENT",
        "FOLDER",
    ),
    "invitations": (
        "From",
        "To",
        "Sent At",
        "Message",
        "Direction",
        "inviterProfileUrl",
        "inviteeProfileUrl",
    ),
    "endorsements_received": (
        "Endorsement Date",
        "Skill Name",
        "Endorser First Name",
        "Endorser Last Name",
        "Endorser Public Url",
        "Endorsement Status",
    ),
    "endorsements_given": (
        "Endorsement Date",
        "Skill Name",
        "Endorsee First Name",
        "Endorsee Last Name",
        "Endorsee Public Url",
        "Endorsement Status",
    ),
    "recommendations": (
        "First Name",
        "Last Name",
        "Company",
        "Job Title",
        "Text",
        "Creation Date",
        "Status",
    ),
    "profile": (
        "First Name",
        "Last Name",
        "Maiden Name",
        "Address",
        "Birth Date",
        "Headline",
        "Summary",
        "Industry",
        "Zip Code",
        "Geo Location",
        "Twitter Handles",
        "Websites",
        "Instant Messengers",
    ),
    "positions": ("Company Name", "Title", "Description", "Location", "Started On", "Finished On"),
    "education": ("School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"),
    "events": ("Event Name", "Event Time", "Status", "External Url"),
    "company_follows": ("Organization", "Followed On"),
    "member_follows": ("Date", "Status", "FullName"),
    "reactions": ("Date", "Type", "Link"),
    "comments": ("Date", "Link", "Message"),
    "shares": ("Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"),
    "contacts": (
        "Source",
        "FirstName",
        "LastName",
        "Companies",
        "Title",
        "Emails",
        "PhoneNumbers",
        "CreatedAt",
        "Addresses",
        "Sites",
        "InstantMessageHandles",
        "FullName",
        "Birthday",
        "Location",
        "BookmarkedAt",
        "Profiles",
    ),
    "email_addresses": ("Email Address", "Confirmed", "Primary", "Updated On"),
    "registration": ("Registered At", "Registration Ip", "Subscription Types"),
}
#: Trailing columns of messages.csv in each style.
MESSAGE_TAILS: dict[str, tuple[str, ...]] = {
    "2026": ("ATTACHMENTS", "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"),
    "2025": ("IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"),
}
#: Date formats, in the tokens of :func:`_format_times`.
DATE_FORMATS: dict[str, str] = {
    "connected_on": "{d} {b} {Y}",  # 08 Nov 2023
    "message": "{Y}-{m}-{d} {H}:{M}:{S} UTC",  # 2025-11-08 14:22:10 UTC
    "invitation": "{-m}/{-d}/{y}, {-I}:{M} {p}",  # 10/21/25, 10:26 PM
    "endorsement": "{Y}/{m}/{d} {H}:{M}:{S} UTC",  # 2024/06/26 00:52:03 UTC
    "recommendation": "{m}/{d}/{y}, {I}:{M} {p}",  # 07/15/18, 09:11 PM
    "activity": "{Y}-{m}-{d} {H}:{M}:{S}",  # 2022-09-11 02:49:29
    "company_follow": "{a} {b} {d} {H}:{M}:{S} UTC {Y}",  # Tue Oct 28 20:33:50 UTC 2025
    "event": "{b} {d}, {Y} {I}:{M} {p}",  # Jul 14, 2021 03:00 PM
    "month": "{b} {Y}",  # Jun 2018
    "birth_date": "{b} {d}, {Y}",  # Mar 20, 1986
}
#: Files LinkedIn includes only in the Complete export.
COMPLETE_ONLY = ("reactions", "comments", "shares", "member_follows")

_MONTHS = np.array(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    dtype=object,
)
_WEEKDAYS = np.array(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], dtype=object)
_TOKEN = re.compile(r"\{(-?[A-Za-z])\}")
_FOLD = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "'": ""}
)


# ---------------------------------------------------------------------------------------------
# The result
# ---------------------------------------------------------------------------------------------
@dataclass
class SampleExport:
    """A synthetic export: what it holds (:attr:`tables`, :attr:`stories`) and how to write it.

    Attributes
    ----------
    owner : dict
        ``name``, ``first_name``, ``last_name``, ``profile_url`` and ``person_id`` of the
        account holder.
    export_date : pandas.Timestamp
        The date in the archive name (midnight, no zone). Every record is older.
    messages_style : {"2026", "2025"}
        Layout of ``messages.csv`` (see the module docstring).
    kind : {"Complete", "Basic"}
        Basic leaves out Reactions, Comments, Shares and Member_Follows.
    member_id : int
        The owner's member id, used as a file-name suffix in the 2026 style.
    tables : dict of str to pandas.DataFrame
        The truth, in netkit's tidy columns (text as the ``str`` dtype with missing values,
        timestamps as ``datetime64[us, UTC]``, ``direction`` as ``outgoing``/``incoming`` or
        ``given``/``received``), one row per record written and in file order: a loader reading
        the files must find exactly these rows. Keys: ``connections``, ``messages``,
        ``assistant_messages``, ``invitations``, ``endorsements``, ``recommendations``,
        ``profile``, ``positions``, ``education``, ``events``, ``company_follows``,
        ``contacts``, ``email_addresses`` and, in Complete exports, ``shares``, ``comments``,
        ``reactions``, ``member_follows``. ``recipient_ids`` holds one list per row;
        ``profile_url`` columns hold the URL as that file writes it (percent-encoded in
        Connections, scheme-less in endorsements). People known by name only get netkit's
        ``name:`` id; address-book entries and followed members get the id of their unique
        URL-known namesake, else none (they are not contacts of their own).
    stories : dict of str to object
        Facts planted for metric tests. Person lists hold ``person_id`` values.

        ``spike``
            ``{"start", "end", "count", "person_ids"}``: a burst of outgoing invitations without
            a note, all accepted within one week (hoarding-like growth). ``count`` connections
            dated ``start`` … ``end``, no message ever exchanged with them.
        ``inbound_bump``
            ``{"start", "end", "count", "person_ids", "job_change", "post", "event"}``: incoming
            invitations after the owner's job change (Positions), an announcement post (Shares)
            and a talk (Events), all within a few days (earned growth).
        ``job_change``
            ``{"company", "title", "started_on"}`` of the owner's current position.
        ``close_active``
            Contacts with many reciprocated messages over years, still in touch.
        ``dormant_close``
            Formerly close contacts (years of reciprocated messages, a call or coffee arranged,
            an email address exchanged) whose last interaction is over two years old.
        ``fading``
            Contacts with a steady rhythm of exchanges that stopped 3-10 months ago.
        ``pitchers``
            Contacts whose first message, within days of connecting, is a sales pitch.
        ``owner_pitches``
            Contacts the owner pitched within days of connecting.
        ``meeting_arranged``, ``email_exchanged``
            Contacts with a message arranging a call/coffee/meeting, or holding an email address.
        ``default_note``, ``templated_notes``, ``personal_notes``
            Counterparts of invitations whose note is LinkedIn's default sentence, one of the
            owner's near-identical copy-paste notes, or a personal note.
        ``pending_invitations``
            ``{"outgoing": n, "incoming": n}``: invitations never accepted.
        ``group_conversations``
            One ``{"conversation_id", "title", "member_ids", "messages"}`` per group thread
            (``member_ids`` excludes the owner).
        ``sponsored``
            ``{"conversations": n, "messages": n}``.
        ``drafts``
            ``{"messages": n, "without_conversation": n}``.
        ``linkedin_member_messages``, ``empty_sender_messages``, ``attachment_messages``
            Numbers of message rows from ``LinkedIn Member`` (sponsored ones aside), with an
            empty sender, and with attachments (2026 style only).
        ``hidden_members``
            Number of hidden-member rows in Connections.csv.
        ``non_ascii_people``, ``comma_names``, ``duplicate_names``
            Contacts with non-ASCII names; with a comma in their name (``Jane Doe, MBA``); pairs
            of different contacts sharing one name.
        ``percent_encoded_people``
            Connections whose URL slug is percent-encoded in Connections.csv.
        ``recruiters``, ``former_contacts``
            People outside the network who wrote InMails; people messaged in the past who are no
            longer connections.
        ``endorsers``, ``endorsed``
            Contacts who endorsed the owner; contacts the owner endorsed.
        ``recommenders``, ``recommended``
            Connections who recommended the owner (matched by a unique name); connections the
            owner recommended.
        ``recommender_not_connection``
            The ``name:`` id of a recommender who is not a connection.
        ``address_book_connections``
            Connections who are also in the owner's imported address book.
        ``stray_comment_rows``
            Physical lines of Comments.csv that are continuations of an unquoted multi-line
            comment (0 in a Basic export).
        ``member_id``
            The owner's member id.
    """

    owner: dict[str, str]
    export_date: pd.Timestamp
    messages_style: str
    kind: str
    member_id: int
    tables: dict[str, pd.DataFrame]
    stories: dict[str, Any]
    _files: list[_File] = field(repr=False, default_factory=list)

    @property
    def archive_name(self) -> str:
        """The archive's name without extension, e.g. ``Complete_LinkedInDataExport_11-16-2026``."""
        return f"{self.kind}_LinkedInDataExport_{self.export_date:%m-%d-%Y}"

    @property
    def file_names(self) -> list[str]:
        """The member paths written, in archive order."""
        return [f.path for f in self._files]

    def write(self, out_dir: str | Path, *, as_zip: bool = True) -> Path:
        """Write the export into ``out_dir`` (created if needed).

        Parameters
        ----------
        out_dir : str or Path
            The folder that receives the archive.
        as_zip : bool, default True
            Write ``<archive_name>.zip`` (deflated, fixed timestamps, so the bytes are
            reproducible); otherwise the extracted folder ``<archive_name>/``.

        Returns
        -------
        Path
            The zip file or the folder written.
        """
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        if not as_zip:
            folder = out_dir / self.archive_name
            for spec in self._files:
                path = folder / spec.path
                path.parent.mkdir(parents=True, exist_ok=True)
                with path.open("w", encoding="utf-8", newline="") as stream:
                    spec.render(stream)
            return folder
        target = out_dir / f"{self.archive_name}.zip"
        stamp = (self.export_date.year, self.export_date.month, self.export_date.day, 8, 0, 0)
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for spec in self._files:
                info = zipfile.ZipInfo(spec.path, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0
                info.external_attr = 0
                with archive.open(info, "w") as raw:
                    stream = io.TextIOWrapper(raw, encoding="utf-8", newline="")
                    spec.render(stream)
                    stream.flush()
                    stream.detach()
        return target


def build_sample(
    size: Size = "small",
    seed: int = 0,
    export_date: str | pd.Timestamp = "2026-11-16",
    messages_style: MessagesStyle = "2026",
    kind: ExportKind = "Complete",
) -> SampleExport:
    """Invent a LinkedIn account and its data export.

    Parameters
    ----------
    size : {"small", "large"} or int, default "small"
        ``"small"``: 420 connections and about 3,000 messages (the committed sample);
        ``"large"``: 30,000 connections (LinkedIn's cap) and about 1,000,000 messages; an int:
        that many connections (at least 20), messages in proportion.
    seed : int, default 0
        Seed of the single random stream: the same arguments give the same bytes.
    export_date : str or pandas.Timestamp, default "2026-11-16"
        The export date in the archive name; every record is dated before it.
    messages_style : {"2026", "2025"}, default "2026"
        ``"2026"``: every field of messages.csv quoted, header included, real newlines in
        CONTENT, an ATTACHMENTS column, activity files with a member-id suffix. ``"2025"``:
        minimal quoting, newlines flattened to spaces (late 2024 to early 2026).
    kind : {"Complete", "Basic"}, default "Complete"
        Basic omits the Complete-only activity files (Reactions, Comments, Shares,
        Member_Follows).

    Returns
    -------
    SampleExport
        The truth tables, the planted stories, and :meth:`SampleExport.write`.

    Examples
    --------
    >>> from netkit.sample import build_sample
    >>> sample = build_sample(size=50, seed=1)
    >>> len(sample.tables["connections"])
    50
    >>> sample.owner["person_id"]
    'mayalindqvist'
    """
    if isinstance(size, str):
        if size not in SIZES:
            raise ValueError(f"size must be 'small', 'large' or an int, not {size!r}")
        n_connections = SIZES[size]
    elif isinstance(size, (int, np.integer)) and not isinstance(size, bool):
        n_connections = int(size)
        if n_connections < MIN_CONNECTIONS:
            raise ValueError(f"size must be at least {MIN_CONNECTIONS} connections, not {size}")
    else:
        raise TypeError(f"size must be 'small', 'large' or an int, not {size!r}")
    if str(messages_style) not in MESSAGE_TAILS:
        raise ValueError(f"messages_style must be '2026' or '2025', not {messages_style!r}")
    if kind not in ("Complete", "Basic"):
        raise ValueError(f"kind must be 'Complete' or 'Basic', not {kind!r}")
    day = pd.Timestamp(export_date)
    if day.tzinfo is not None:
        day = day.tz_convert("UTC").tz_localize(None)
    return _Generator(n_connections, int(seed), day.normalize(), str(messages_style), kind).build()


def generate_export(
    out_dir: str | Path,
    *,
    size: Size = "small",
    seed: int = 0,
    as_zip: bool = True,
    **kwargs: Any,
) -> Path:
    """Build a synthetic export and write it: ``build_sample(...).write(out_dir)``.

    Parameters
    ----------
    out_dir : str or Path
        The folder that receives the archive.
    size, seed
        See :func:`build_sample`.
    as_zip : bool, default True
        Write a zip (else the extracted folder).
    **kwargs
        ``export_date``, ``messages_style``, ``kind``: see :func:`build_sample`.

    Returns
    -------
    Path
        The zip file (or folder) written, e.g.
        ``out_dir/Complete_LinkedInDataExport_11-16-2026.zip``.
    """
    return build_sample(size=size, seed=seed, **kwargs).write(out_dir, as_zip=as_zip)


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _File:
    """One member of the archive: its path and a function writing its text to a stream."""

    path: str
    render: Callable[[TextIO], None]


class _NoFinalNewline:
    """A stream wrapper that drops the line terminator after the last row written."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._pending = False

    def write(self, text: str) -> None:
        if not text:
            return
        if self._pending:
            self._stream.write("\n")
        self._pending = text.endswith("\n")
        self._stream.write(text[:-1] if self._pending else text)


def _csv_file(
    path: str,
    header: Sequence[str],
    columns: Sequence[Sequence[Any]],
    *,
    quote_all: bool = False,
    final_newline: bool = True,
    preamble: str = "",
) -> _File:
    """Describe a CSV member written by :mod:`csv` with LF line ends (LinkedIn's dialect)."""

    def render(stream: TextIO) -> None:
        stream.write(preamble)
        target = stream if final_newline else _NoFinalNewline(stream)
        writer = csv.writer(
            target, lineterminator="\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
        )
        writer.writerow(header)
        writer.writerows(zip(*(list(column) for column in columns), strict=True))

    return _File(path, render)


def _text_file(path: str, text: str) -> _File:
    """Describe a member whose exact text is already known."""
    return _File(path, lambda stream: stream.write(text))


# ---------------------------------------------------------------------------------------------
# Small vectorised helpers
# ---------------------------------------------------------------------------------------------
def _format_times(seconds: np.ndarray, pattern: str) -> np.ndarray:
    """Format UTC epoch seconds with English month and day names, whatever the locale.

    Parameters
    ----------
    seconds : numpy.ndarray
        Integer seconds since 1970-01-01 UTC.
    pattern : str
        Literal text with tokens: ``{Y}`` 2024, ``{y}`` 24, ``{m}`` 06, ``{-m}`` 6, ``{d}`` 05,
        ``{-d}`` 5, ``{H}`` 14, ``{I}`` 02, ``{-I}`` 2, ``{M}`` minutes, ``{S}`` seconds,
        ``{p}`` AM/PM, ``{b}`` Jun, ``{a}`` Tue.

    Returns
    -------
    numpy.ndarray
        An object array of str.
    """
    seconds = np.asarray(seconds, dtype="int64")
    if seconds.size == 0:
        return np.array([], dtype=object)
    stamps = pd.DatetimeIndex(pd.to_datetime(seconds, unit="s"))
    hours = np.asarray(stamps.hour)

    def number(values: Any, width: int = 0) -> pd.Series:
        text = pd.Series(np.asarray(values)).astype("str")
        return text.str.zfill(width) if width else text

    fields: dict[str, Callable[[], Any]] = {
        "Y": lambda: number(stamps.year),
        "y": lambda: number(np.asarray(stamps.year) % 100, 2),
        "m": lambda: number(stamps.month, 2),
        "-m": lambda: number(stamps.month),
        "d": lambda: number(stamps.day, 2),
        "-d": lambda: number(stamps.day),
        "H": lambda: number(hours, 2),
        "I": lambda: number((hours + 11) % 12 + 1, 2),
        "-I": lambda: number((hours + 11) % 12 + 1),
        "M": lambda: number(stamps.minute, 2),
        "S": lambda: number(stamps.second, 2),
        "p": lambda: pd.Series(np.where(hours < 12, "AM", "PM"), dtype="str"),
        "b": lambda: pd.Series(_MONTHS[np.asarray(stamps.month) - 1], dtype="str"),
        "a": lambda: pd.Series(_WEEKDAYS[np.asarray(stamps.day_of_week)], dtype="str"),
    }
    result: Any = ""
    for position, piece in enumerate(_TOKEN.split(pattern)):
        if position % 2:
            result = result + fields[piece]()
        elif piece:
            result = result + piece
    return result.to_numpy(dtype=object)


def _utc(seconds: np.ndarray) -> pd.Series:
    """Epoch seconds as a ``datetime64[us, UTC]`` Series."""
    return pd.Series(
        pd.to_datetime(np.asarray(seconds, dtype="int64"), unit="s", utc=True)
    ).dt.as_unit("us")


def _text(values: Iterable[Any]) -> pd.Series:
    """Text as pandas' ``str`` dtype, with empty strings and None as missing."""
    series = pd.Series(values if isinstance(values, np.ndarray) else list(values), dtype="str")
    return series.mask(series == "")


def _normalized_name(first: str, last: str) -> str:
    """netkit's name key: whitespace collapsed, NFC, casefolded."""
    return unicodedata.normalize("NFC", " ".join(f"{first} {last}".split())).casefold()


def _ascii_fold(text: str) -> str:
    """Strip accents and fold Nordic/Polish letters to ASCII (``Søren Núñez`` → ``Soren Nunez``)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _pick(rng: np.random.Generator, pool: Sequence[str], size: int) -> np.ndarray:
    """``size`` random items of ``pool`` as an object array."""
    return np.asarray(pool, dtype=object)[rng.integers(0, len(pool), size)]


def _fill(templates: np.ndarray, **values: np.ndarray) -> np.ndarray:
    """Fill ``{name}`` placeholders row by row (used on short tables only)."""
    keys = list(values)
    return np.array(
        [
            template.format(**dict(zip(keys, row, strict=True)))
            for template, *row in zip(templates, *values.values(), strict=True)
        ],
        dtype=object,
    )


def _ranks(counts: np.ndarray) -> np.ndarray:
    """0, 1, ... within each run of ``counts`` items: ``[2, 3]`` gives ``[0, 1, 0, 1, 2]``."""
    counts = np.asarray(counts, dtype="int64")
    return np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)


def _conversations(
    size: int, *, title: str = "", folder: Any = "INBOX", has_id: bool = True
) -> dict[str, np.ndarray]:
    """Per-conversation columns: title, folder (one value or one per conversation), id or not."""
    return {
        "title": np.full(size, title, dtype=object),
        "folder": np.broadcast_to(np.asarray(folder, dtype=object), (size,)).copy(),
        "has_id": np.full(size, has_id),
    }


def _one_per_second(conv: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Move messages of one conversation that share a second back, one second at a time.

    Two rows of messages.csv must never be identical: a reader rightly drops repeated rows.
    """
    t = t.copy()
    while True:
        order = np.lexsort((t, conv))
        same = (np.diff(conv[order]) == 0) & (np.diff(t[order]) == 0)
        if not same.any():
            return t
        t[order[1:][same]] -= 1


def _conversation_id(token: bytes) -> str:
    """A conversation id like LinkedIn's: ``2-`` and the unpadded base64 of a uuid and a suffix."""
    hexa = token[:16].hex()
    uuid = f"{hexa[:8]}-{hexa[8:12]}-{hexa[12:16]}-{hexa[16:20]}-{hexa[20:]}"
    suffix = ("010", "100", "000")[token[16] % 3]
    return "2-" + base64.b64encode(f"{uuid}_{suffix}".encode()).decode().rstrip("=")


# ---------------------------------------------------------------------------------------------
# Everyday message texts
# ---------------------------------------------------------------------------------------------
_ALTERNATIVES = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{([a-z_]+)\}")
#: Slots the generator fills itself: a person's first name, and random tokens (``{token}``: 6
#: to 11 letters and digits, as in a link; ``{hex}``: 7 to 12 hex digits, as in a commit or a
#: run id) as ``(alphabet, shortest, longest)``.
_NAME_SLOT = "name"
_RANDOM_SLOTS = {
    "token": (np.array(list("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")), 6, 11),
    "hex": (np.array(list("0123456789abcdef")), 7, 12),
}
#: Primes larger than any group of templates: steps through a group that never come back to a
#: template before they have visited all of them.
_STRIDES = np.array([1009, 1013, 1019, 1021, 1031, 1033, 1039, 1049, 1051, 1061, 1063, 1069])
#: What follows a sentence: a space, a line break, an empty line, nothing (the last one).
_SEPARATORS = (" ", "\n", "\n\n", "")
_SPACE, _LINE, _PARAGRAPH, _END = range(4)
#: The parts of a message, in order: a greeting, an opener, body sentences, a list, a last line.
_ROLES = ("greeting", "opener", "body", "bullet", "ending", "short")
#: The templates each part is drawn from (a greeting to several people and a signed ending
#: draw from ``group_greeting`` and ``signoff`` instead).
_TEMPLATE_ROLES = ("greeting", "opener", "body", "bullet", "closer", "short")


def _paraphrased(text: str, phrases: re.Pattern[str], most: int = 3) -> str:
    """``text`` with its first ``most`` paraphrasable phrases (outside slots) as ``[a|b]``."""
    pieces = _SLOT.split(text)
    found = 0

    def alternatives(match: re.Match[str]) -> str:
        nonlocal found
        found += 1
        if found > most:
            return match.group(0)
        return "[" + "|".join(chat.PARAPHRASES[match.group(0)]) + "]"

    for index in range(0, len(pieces), 2):
        pieces[index] = phrases.sub(alternatives, pieces[index])
    return "".join(p if i % 2 == 0 else "{" + p + "}" for i, p in enumerate(pieces))


def _expand(template: str) -> list[str]:
    """Every combination of a template's ``[a|b|c]`` alternatives."""
    found = _ALTERNATIVES.search(template)
    if found is None:
        return [template]
    head, tail = template[: found.start()], template[found.end() :]
    return [text for option in found.group(1).split("|") for text in _expand(head + option + tail)]


class _ChatVocabulary:
    """The templates of :mod:`netkit._sample_chat`, expanded and cut into literals and slots.

    Template ``i`` is the pieces ``program_start[i]`` to ``program_start[i] +
    program_length[i]`` of ``program_literal`` (a literal's code, or -1) and ``program_slot`` (a
    slot's code, or -1). The written templates of one ``(language, role)`` are contiguous, and
    so are the expansions of one written template.
    """

    def __init__(self) -> None:
        slot_names = [*chat.SLOTS, _NAME_SLOT, *_RANDOM_SLOTS]
        self.slot_code = {name: code for code, name in enumerate(slot_names)}
        sizes = np.array(
            [len(chat.SLOTS[name]) for name in chat.SLOTS] + [0] * (1 + len(_RANDOM_SLOTS))
        )
        self.slot_first = np.cumsum(sizes) - sizes
        self.slot_size = sizes
        self.words = [word for name in chat.SLOTS for word in chat.SLOTS[name]]
        self.languages = list(chat.TEMPLATES)
        roles = sorted({role for by_role in chat.TEMPLATES.values() for role in by_role})
        self.roles = roles
        keys = sorted(chat.PARAPHRASES, key=len, reverse=True)
        phrases = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w'])")
        literal_code: dict[str, int] = {}
        program_literal: list[int] = []  # each template's pieces, one after the other:
        program_slot: list[int] = []  # a literal (its code) or a slot (its code), -1 the other
        program_start: list[int] = []
        self.templates: list[str] = []
        raw_first, raw_count, first, count = [], [], [], []
        for language in self.languages:
            for role in roles:
                first.append(len(raw_first))
                count.append(len(chat.TEMPLATES[language][role]))
                for raw in chat.TEMPLATES[language][role]:
                    expanded = _expand(raw)
                    if language == "en":
                        expanded = [v for t in expanded for v in _expand(_paraphrased(t, phrases))]
                    raw_first.append(len(self.templates))
                    raw_count.append(len(expanded))
                    self.templates += expanded
                    for text in expanded:
                        program_start.append(len(program_slot))
                        for index, piece in enumerate(_SLOT.split(text)):
                            if index % 2:
                                program_literal.append(-1)
                                program_slot.append(self.slot_code[piece])
                            elif piece:
                                program_literal.append(
                                    literal_code.setdefault(piece, len(literal_code))
                                )
                                program_slot.append(-1)
        self.program_literal = np.array(program_literal, dtype="int64")
        self.program_slot = np.array(program_slot, dtype="int64")
        self.program_start = np.array(program_start, dtype="int64")
        self.program_length = np.diff(np.r_[self.program_start, len(program_slot)])
        self.group_first = np.array(first, dtype="int64")
        self.group_count = np.array(count, dtype="int64")
        self.raw_first = np.array(raw_first, dtype="int64")
        self.raw_count = np.array(raw_count, dtype="int64")
        assert self.group_count.max() < _STRIDES.min(), "more templates than the strides allow"
        # Every piece a message is made of, in one array: the literals, the slot words, the
        # same words with a capital first letter (to start a sentence), the separators.
        capitalized = [word[:1].upper() + word[1:] for word in self.words]
        self.word_base = len(literal_code)
        self.separator_base = self.word_base + 2 * len(self.words)
        self.pieces = pa.array(
            [*literal_code, *self.words, *capitalized, *_SEPARATORS], type=pa.large_string()
        )
        # What each program entry gives: its piece is ``entry_base + floor(u * entry_size)``
        # (plus ``entry_capital`` first in a sentence), or a name or a random token
        # (``entry_special``: 1, 2, 3...). A last entry stands for the separator.
        is_slot = self.program_slot >= 0
        slot = np.where(is_slot, self.program_slot, 0)
        self.entry_base = np.where(
            is_slot, self.word_base + self.slot_first[slot], self.program_literal
        ).astype("int64")
        self.entry_size = np.where(is_slot, self.slot_size[slot], 0)
        self.entry_capital = np.where(is_slot & (self.entry_size > 0), len(self.words), 0)
        special = [self.slot_code[name] for name in (_NAME_SLOT, *_RANDOM_SLOTS)]
        self.entry_special = np.where(is_slot, np.searchsorted(special, slot) + 1, 0)
        self.entry_special[~np.isin(self.program_slot, special)] = 0
        self.separator_entry = len(program_slot)
        self.entry_base, self.entry_size, self.entry_capital, self.entry_special = (
            np.r_[array, 0].astype("int32")
            for array in (self.entry_base, self.entry_size, self.entry_capital, self.entry_special)
        )

    def compose(
        self,
        rng: np.random.Generator,
        group: np.ndarray,
        name: np.ndarray,
        separator: np.ndarray,
        message: np.ndarray,
        n_messages: int,
    ) -> np.ndarray:
        """Messages made of one random template per sentence, filled in and joined.

        ``group`` (``(language, role)`` code), ``name`` (what ``{name}`` says), ``separator``
        (the index of what follows the sentence in ``_SEPARATORS``) and ``message`` (which
        message it belongs to, non-decreasing) are one per sentence. Returns one string per
        message (an empty string for a message without sentences).
        """
        size = group.size
        # A written template of the group, then one of its expansions: each written template is
        # as likely as any other, however many alternatives it has. Within a message, the
        # sentences of one group step through its templates by a stride prime to their count,
        # from a random start: no template is used twice in a message (unless it has more
        # sentences of the group than there are templates).
        key = message * (self.group_first.size + 1) + group
        order = np.argsort(key, kind="stable")
        starts = np.r_[True, key[order][1:] != key[order][:-1]]
        run_start = np.maximum.accumulate(np.where(starts, np.arange(size), 0))
        rank = np.empty(size, dtype="int64")
        rank[order] = np.arange(size) - run_start
        start = np.empty(size, dtype="float64")
        start[order] = rng.random(size)[run_start]
        stride = _STRIDES[rng.integers(0, _STRIDES.size, n_messages)][message]
        count = self.group_count[group]
        raw = self.group_first[group] + ((start * count).astype("int64") + rank * stride) % count
        chosen = self.raw_first[raw] + (rng.random(size) * self.raw_count[raw]).astype("int64")
        # One row per piece of a sentence (its template's literals and slots, then a separator):
        # ``at`` is the program entry of each piece.
        n_pieces = self.program_length[chosen] + 1
        ends = np.cumsum(n_pieces)
        firsts = ends - n_pieces
        at = np.repeat((self.program_start[chosen] - firsts).astype("int32"), n_pieces)
        at += np.arange(ends[-1] if size else 0, dtype="int32")
        ends -= 1
        at[ends] = self.separator_entry  # a piece of nothing, replaced below
        # A literal is its own piece; a slot, one of its words (with a capital first letter if
        # it starts the sentence).
        piece = self.entry_base[at] + (rng.random(at.size) * self.entry_size[at]).astype("int32")
        piece[firsts] += self.entry_capital[at[firsts]]
        piece[ends] = self.separator_base + separator
        # Names and random tokens are added after the fixed pieces.
        extra: list[np.ndarray] = []
        added = len(self.pieces)
        fillers: dict[str, Callable[[np.ndarray], np.ndarray]] = {
            _NAME_SLOT: lambda rows: np.asarray(name, dtype=object)[np.searchsorted(ends, rows)],
            **{
                slot_name: lambda rows, spec=spec: _random_tokens(rng, rows.size, *spec)
                for slot_name, spec in _RANDOM_SLOTS.items()
            },
        }
        special = self.entry_special[at]
        for code, values in enumerate(fillers.values(), start=1):
            rows = np.flatnonzero(special == code)
            piece[rows] = added + np.arange(rows.size)
            added += rows.size
            extra.append(values(rows))
        pool = pa.concat_arrays(
            [self.pieces, pa.array(np.concatenate(extra), type=pa.large_string())]
        )
        first_sentence = np.searchsorted(message, np.arange(n_messages + 1))
        offsets = np.r_[0, ends + 1][first_sentence]
        texts = pa.LargeListArray.from_arrays(offsets, pool.take(piece))
        return pc.binary_join(texts, pa.scalar("", pa.large_string())).to_numpy(
            zero_copy_only=False
        )


def _random_tokens(
    rng: np.random.Generator, size: int, alphabet: np.ndarray, shortest: int, longest: int
) -> np.ndarray:
    """``size`` random strings of ``shortest`` to ``longest`` characters of ``alphabet``."""
    letters = alphabet[rng.integers(0, alphabet.size, (size, longest))]
    letters[np.arange(longest) >= rng.integers(shortest, longest + 1, (size, 1))] = ""
    return letters.view(f"<U{longest}").ravel().astype(object)


@cache
def _chat_vocabulary() -> _ChatVocabulary:
    """The expanded templates, built on first use and kept for the process."""
    return _ChatVocabulary()


# ---------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------
class _Generator:
    """Builds one :class:`SampleExport`; every draw comes from one seeded stream, in order (message
    texts from a second stream of the same seed)."""

    def __init__(
        self,
        n_connections: int,
        seed: int,
        export_date: pd.Timestamp,
        messages_style: str,
        kind: str,
    ) -> None:
        self.rng = np.random.default_rng(seed)
        # Message texts have a stream of their own: rewording them moves nothing else.
        self.text_rng = np.random.default_rng([seed, 1])
        self._languages: np.ndarray | None = None
        self.n = n_connections
        self.export_date = export_date
        self.style = messages_style
        self.kind = kind
        self.end_day = int((export_date - pd.Timestamp("1970-01-01")).days)
        self.end = self.end_day * DAY
        self.member_id = int(self.rng.integers(10_000_000, 99_999_999))
        self.tables: dict[str, pd.DataFrame] = {}
        self.stories: dict[str, Any] = {"member_id": self.member_id}
        self.files: dict[str, _File] = {}
        self.owner_name = f"{OWNER['first_name']} {OWNER['last_name']}"
        self.owner_url = PROFILE_URL + OWNER["slug"]
        # The owner's timeline, relative to the export date.
        self.join_day = self.end_day - 16 * YEAR - 40
        self.spike_day = self.end_day - int(4.6 * YEAR)
        self.job_day = self._month(self.end_day - int(3.2 * YEAR))
        self.post_day = self.job_day + 3
        self.event_day = self.job_day + 17

    # -- small utilities ------------------------------------------------------------------------
    @staticmethod
    def _month(day: int, months: int = 0) -> int:
        """The first day of the month ``months`` after the month of ``day``."""
        stamp = (pd.Timestamp(day * DAY, unit="s").to_period("M") + months).start_time
        return int((stamp - pd.Timestamp("1970-01-01")).days)

    def _daytime(
        self,
        days: np.ndarray,
        start_hour: float = 7.5,
        end_hour: float = 22.5,
    ) -> np.ndarray:
        """Seconds at a random time of day on each (integer) day."""
        days = np.floor(np.asarray(days, dtype=float)).astype("int64")
        offsets = self.rng.uniform(start_hour * 3600, end_hour * 3600, days.size)
        return days * DAY + offsets.astype("int64")

    def _before_end(self, seconds: np.ndarray, margin: int = 60) -> np.ndarray:
        return np.minimum(np.asarray(seconds, dtype="int64"), self.end - margin)

    def _file_name(self, stem: str) -> str:
        """Activity files carry the member id as a suffix in 2026 exports."""
        return f"{stem}_{self.member_id}.csv" if self.style == "2026" else f"{stem}.csv"

    # -- the build ------------------------------------------------------------------------------
    def build(self) -> SampleExport:
        self._plan_people()
        self._connections()
        self._invitations()
        self._messages()
        self._assistant_messages()
        self._endorsements()
        self._recommendations()
        self._profile_and_career()
        self._address_book()
        self._registration()
        if self.kind == "Complete":
            self._shares()
            self._comments()
            self._reactions()
            self._member_follows()
        else:
            self.stories["stray_comment_rows"] = 0
        owner = {
            "name": self.owner_name,
            "first_name": OWNER["first_name"],
            "last_name": OWNER["last_name"],
            "profile_url": self.owner_url,
            "person_id": OWNER["slug"],
        }
        return SampleExport(
            owner=owner,
            export_date=self.export_date,
            messages_style=self.style,
            kind=self.kind,
            member_id=self.member_id,
            tables=self.tables,
            stories=self.stories,
            _files=list(self.files.values()),
        )

    # -- people ---------------------------------------------------------------------------------
    def _plan_people(self) -> None:
        """Decide who exists: connections by relationship class, then people outside the network."""
        rng, n = self.rng, self.n
        self.n_hidden = max(1, round(n * 0.02))
        self.n_spike = int(np.clip(round(n * 0.33), 2, 600))
        self.n_bump = int(np.clip(round(n * 0.07), 1, 400))
        n_base = n - self.n_hidden - self.n_spike - self.n_bump
        planted = [DORMANT, CLOSE, REGULAR, REGULAR, DORMANT, FADING, LIGHT, SILENT]
        counts = {
            cls: max(round(share * n_base), planted.count(cls), 1)
            for cls, share in CLASS_SHARES.items()
        }
        counts[SILENT] = n_base - sum(counts.values())
        if counts[SILENT] < planted.count(SILENT):
            raise ValueError(f"{n} connections are too few to plant every story")
        rest = np.concatenate(
            [np.full(counts[cls] - planted.count(cls), cls) for cls in sorted(counts)]
        )
        classes = np.concatenate([planted, rng.permutation(rest)]).astype("int64")

        extras = {
            "pending_out": max(1, round(n * 0.03)),
            "pending_in": max(1, round(n * 0.03)),
            "recruiter": max(2, round(n / 60)),
            "former": max(1, round(n / 200)),
            "guest": 1,
        }
        self.n_base = n_base
        self.n_conn = n_base + self.n_spike + self.n_bump  # connections that are people
        spans: dict[str, np.ndarray] = {
            "base": np.arange(n_base),
            "spike": np.arange(n_base, n_base + self.n_spike),
            "bump": np.arange(n_base + self.n_spike, self.n_conn),
        }
        start = self.n_conn
        for name, count in extras.items():
            spans[name] = np.arange(start, start + count)
            start += count
        self.spans = spans
        self.classes = classes
        self.n_people = start
        self._names()
        # Codes after the people: the owner, "LinkedIn Member", and an empty sender.
        self.OWNER, self.MEMBER, self.EMPTY = start, start + 1, start + 2
        self.name = np.concatenate(
            [self.first + " " + self.last, [self.owner_name, LINKEDIN_MEMBER, ""]]
        ).astype(object)
        self.name[: self.n_people] = np.array(
            [" ".join(s.split()) for s in self.name[: self.n_people]], dtype=object
        )
        self.url = np.concatenate([PROFILE_URL + self.slug, [self.owner_url, "", ""]]).astype(
            object
        )
        self.pid = np.concatenate(
            [np.array([s.lower() for s in self.slug], dtype=object), [OWNER["slug"], None, None]]
        ).astype(object)
        self.first_all = np.concatenate([self.first, [OWNER["first_name"], "", ""]]).astype(object)
        self._index_names()

    def _names(self) -> None:
        """Names, URL slugs, employers and emails of every person."""
        rng, size = self.rng, self.n_people
        groups = list(words.NAME_GROUPS)
        weights = np.array([words.NAME_GROUPS[g][0] for g in groups])
        group = rng.choice(len(groups), size=size, p=weights / weights.sum())
        self.name_group = group
        first = np.empty(size, dtype=object)
        last = np.empty(size, dtype=object)
        for index, name in enumerate(groups):
            members = np.flatnonzero(group == index)
            _, firsts, lasts = words.NAME_GROUPS[name]
            first[members] = _pick(rng, firsts, members.size)
            last[members] = _pick(rng, lasts, members.size)
        latin_first, latin_last = first.copy(), last.copy()
        chinese = np.flatnonzero(group == groups.index("chinese"))
        script = chinese[rng.random(chinese.size) < 0.25]
        chosen = rng.integers(0, len(words.CHINESE_SCRIPT_NAMES), script.size)
        table = np.array(words.CHINESE_SCRIPT_NAMES, dtype=object)
        first[script], last[script] = table[chosen, 0], table[chosen, 1]
        latin_first[script], latin_last[script] = table[chosen, 2], table[chosen, 3]
        credential = (rng.random(size) < 0.015) & ~np.isin(np.arange(size), script)
        suffixes = _pick(rng, words.CREDENTIALS, int(credential.sum()))
        last[credential] = last[credential] + suffixes
        latin_last[credential] = latin_last[credential] + suffixes
        # People every sample has: non-ASCII, Chinese-script, comma and duplicate names.
        for index, (f, la, lf, ll) in enumerate(words.PLANTED_NAMES):
            first[index], last[index], latin_first[index], latin_last[index] = f, la, lf, ll
        style = rng.choice(5, size=size, p=[0.62, 0.10, 0.10, 0.10, 0.08])
        keep_unicode = rng.random(size) < 0.35
        keep_unicode[[0, 1, 2, 4]] = True
        keep_unicode[[3, 5]] = False
        style[[0, 1, 2, 4, 6, 7]] = 0
        capitalised = rng.random(size) < 0.005
        tokens = rng.integers(0, 16**9, size=size)
        lengths = rng.integers(7, 10, size=size)
        digits = rng.integers(10, 1000, size=size)
        slugs: list[str] = []
        seen: set[str] = {OWNER["slug"]}
        for i in range(size):
            slug = self._slug(
                first[i],
                last[i],
                latin_first[i],
                latin_last[i],
                int(style[i]),
                bool(keep_unicode[i]),
                bool(capitalised[i]),
                f"{tokens[i]:09x}"[: lengths[i]],
                int(digits[i]),
            )
            while slug.lower() in seen:
                slug = f"{slug}-{rng.integers(0, 16**6):06x}"
            seen.add(slug.lower())
            slugs.append(slug)
        self.first, self.last = first, last
        self.slug = np.array(slugs, dtype=object)
        company = _pick(rng, words.COMPANIES, size)
        company[rng.random(size) < 0.05] = ""
        position = _pick(rng, words.POSITIONS, size)
        position[rng.random(size) < 0.04] = ""
        for span, titles in (
            ("recruiter", ("Technical Recruiter", "Talent Acquisition Partner")),
            ("pending_in", ("Business Development Manager", "Founder")),
        ):
            position[self.spans[span]] = _pick(rng, titles, self.spans[span].size)
        pitchers = np.flatnonzero(self.classes == PITCHER)
        position[pitchers] = _pick(
            rng,
            ("Account Executive", "Business Development Manager", "Founder", "Sales Director"),
            pitchers.size,
        )
        self.company, self.position = company, position
        # Domains reserved for examples (RFC 2606): an invented name at a real mail provider
        # could be somebody's address.
        domains = np.array(
            [
                "example.com",
                "example.org",
                "example.net",
                "mail.example.com",
                "mail.example.org",
                "mail.example.net",
            ],
            dtype=object,
        )
        domain = domains[rng.integers(0, domains.size, size)]
        self.email = np.array(
            [
                re.sub(
                    r"[^a-z0-9.]", "", f"{_ascii_fold(lf)}.{_ascii_fold(ll.split(',')[0])}".lower()
                )
                + "@"
                + d
                for lf, ll, d in zip(latin_first, latin_last, domain, strict=True)
            ],
            dtype=object,
        )

    @staticmethod
    def _slug(
        first: str,
        last: str,
        latin_first: str,
        latin_last: str,
        style: int,
        keep_unicode: bool,
        capitalised: bool,
        token: str,
        number: int,
    ) -> str:
        """A public profile slug in one of LinkedIn's usual shapes."""
        script = not _ascii_fold(first + last).strip()
        if script and keep_unicode:
            return f"{last}{first}-{token}"
        source = f"{latin_first} {latin_last}" if script else f"{first} {last}"
        if not keep_unicode or script:
            source = _ascii_fold(source)
        parts = re.findall(r"\w+", source.replace("'", "").lower())
        if capitalised and style in (1, 2):
            return "".join(p.capitalize() for p in parts)
        if style == 1:
            return "-".join(parts)
        if style == 2:
            return "".join(parts)
        if style == 3:
            return "-".join(parts) + f"-{number}"
        if style == 4:
            return parts[0][0] + "".join(parts[1:]) + str(number)
        return "-".join(parts) + f"-{token}"

    # -- Connections.csv ------------------------------------------------------------------------
    def _connections(self) -> None:
        rng, end_day = self.rng, self.end_day
        n_base, classes = self.n_base, self.classes
        first_day = self.join_day + 20
        day = np.empty(self.n_conn, dtype="int64")
        # Most people: more connections in later years (a growing network).
        day[:n_base] = first_day + (rng.beta(1.8, 1.0, n_base) * (end_day - 1 - first_day))
        windows = {
            DORMANT: (first_day, end_day - 8 * YEAR),
            CLOSE: (first_day, end_day - 3 * YEAR),
            FADING: (first_day, end_day - 3 * YEAR),
            PITCHER: (end_day - 6 * YEAR, end_day - 20),
            OWNER_PITCH: (end_day - 6 * YEAR, end_day - 20),
        }
        for cls, (low, high) in windows.items():
            members = np.flatnonzero(classes == cls)
            day[members] = rng.integers(low, high, members.size)
        # The spike: invitations sent on 5 days, accepted within the week.
        spike = self.spans["spike"]
        sent = self.spike_day + rng.integers(0, 5, spike.size)
        lag = np.minimum(rng.geometric(0.6, spike.size) - 1, 3)
        day[spike] = np.minimum(sent + lag, self.spike_day + 6)
        self.spike_sent_day = sent
        # The inbound bump after the job change, the post and the talk.
        bump = self.spans["bump"]
        invited = self.job_day + 2 + np.minimum(rng.geometric(0.12, bump.size) - 1, 25)
        day[bump] = invited + np.minimum(rng.geometric(0.5, bump.size) - 1, 3)
        self.bump_invited_day = invited
        self.connected_day = day

        hidden_day = first_day + (rng.beta(1.8, 1.0, self.n_hidden) * (end_day - 1 - first_day))
        hidden_day = hidden_day.astype("int64")
        people = np.arange(self.n_conn)
        raw_first = self.first[people].copy()
        raw_last = self.last[people].copy()
        raw_company = self.company[people].copy()
        for column, share in ((raw_first, 0.03), (raw_last, 0.02), (raw_company, 0.03)):
            padded = (rng.random(column.size) < share) & (column != "")
            column[padded] = column[padded] + " "
            leading = (rng.random(column.size) < share / 3) & (column != "")
            column[leading] = " " + column[leading]
        with_email = rng.random(self.n_conn) < 0.03
        email = np.where(with_email, self.email[people], "").astype(object)
        encoded = np.array(
            [PROFILE_URL + quote(s, safe="") for s in self.slug[people]], dtype=object
        )
        self.percent_encoded = people[encoded != self.url[people]]

        rows = pd.DataFrame(
            {
                "person": np.concatenate([people, np.full(self.n_hidden, -1)]),
                "day": np.concatenate([day, hidden_day]),
                "tiebreak": rng.random(self.n_conn + self.n_hidden),
            }
        ).sort_values(["day", "tiebreak"], ascending=[False, True], kind="stable")
        person = rows["person"].to_numpy()
        visible = person >= 0
        pick = np.where(visible, person, 0)

        def column(values: np.ndarray) -> np.ndarray:
            return np.where(visible, values[pick], "").astype(object)

        connected = _format_times(rows["day"].to_numpy() * DAY, DATE_FORMATS["connected_on"])
        columns = [
            column(raw_first),
            column(raw_last),
            column(encoded),
            column(email),
            column(raw_company),
            column(self.position[: self.n_conn]),
            connected,
        ]
        self.files["Connections.csv"] = _csv_file(
            "Connections.csv",
            HEADERS["connections"],
            columns,
            final_newline=False,
            preamble=CONNECTIONS_PREAMBLE,
        )
        clean_first = column(self.first[: self.n_conn])
        clean_last = column(self.last[: self.n_conn])
        self.tables["connections"] = pd.DataFrame(
            {
                "person_id": _text(column(self.pid[: self.n_conn])),
                "first_name": _text(clean_first),
                "last_name": _text(clean_last),
                "name": _text(column(self.name[: self.n_conn])),
                "profile_url": _text(column(encoded)),
                "email": _text(column(email)),
                "company": _text(column(self.company[: self.n_conn])),
                "position": _text(column(self.position[: self.n_conn])),
                "connected_on": _utc(rows["day"].to_numpy() * DAY),
                "is_hidden": ~visible,
            }
        )
        self.stories["hidden_members"] = self.n_hidden
        spike_days = day[spike]
        self.stories["spike"] = {
            "start": pd.Timestamp(spike_days.min() * DAY, unit="s", tz="UTC"),
            "end": pd.Timestamp(spike_days.max() * DAY, unit="s", tz="UTC"),
            "count": int(spike.size),
            "person_ids": list(self.pid[spike]),
        }
        self.stories["percent_encoded_people"] = list(self.pid[self.percent_encoded])
        names = self.name[people]
        self.stories["non_ascii_people"] = [
            pid for pid, name in zip(self.pid[people], names, strict=True) if not name.isascii()
        ]
        self.stories["comma_names"] = [
            pid for pid, name in zip(self.pid[people], names, strict=True) if "," in name
        ]
        keys = pd.Series(
            [
                _normalized_name(f, la)
                for f, la in zip(self.first[people], self.last[people], strict=True)
            ]
        )
        shared = keys[keys.duplicated(keep=False)]
        self.stories["duplicate_names"] = [
            list(self.pid[people[group.index[:2]]])
            for _, group in shared.groupby(shared, sort=False)
        ]

    # -- Invitations.csv ------------------------------------------------------------------------
    def _invitations(self) -> None:
        """Invitations.csv: requests both ways, accepted (connections) or still pending."""
        rng = self.rng
        base = self.spans["base"]
        has_invitation = rng.random(base.size) < 0.55
        has_invitation[np.isin(self.classes, [PITCHER, OWNER_PITCH])] = True
        base = base[has_invitation]
        groups = {
            "base": base,
            "spike": self.spans["spike"],
            "bump": self.spans["bump"],
            "pending_out": self.spans["pending_out"],
            "pending_in": self.spans["pending_in"],
        }
        person = np.concatenate(list(groups.values()))
        source = np.repeat(list(groups), [g.size for g in groups.values()])
        cls = np.concatenate([self.classes[base], np.full(person.size - base.size, -1)])
        outgoing = np.select(
            [
                (cls == PITCHER) | np.isin(source, ["bump", "pending_in"]),
                (cls == OWNER_PITCH) | np.isin(source, ["spike", "pending_out"]),
            ],
            [False, True],
            rng.random(person.size) < 0.45,
        )
        # The day each invitation was sent: days before connecting, or lately for pending ones.
        lag = np.minimum(rng.geometric(0.45, base.size) - 1, 10)
        pending = groups["pending_out"].size + groups["pending_in"].size
        sent_day = np.concatenate(
            [
                self.connected_day[base] - lag,
                self.spike_sent_day,
                self.bump_invited_day,
                self.end_day - rng.integers(3, 2 * YEAR, pending),
            ]
        )
        sent = self._daytime(sent_day, 7, 23.9)
        sent = sent - sent % 60  # minute precision, as written
        # The note, by who sends it and when.
        first_of = self.first_all[person]
        note = np.full(person.size, "", dtype=object)
        kind = np.full(person.size, "", dtype=object)
        old = sent_day < self.end_day - 9 * YEAR
        draw = rng.random(person.size)
        close = np.isin(cls, [CLOSE, DORMANT, FADING])
        ordinary = (source == "base") & ~close & ~np.isin(cls, [PITCHER, OWNER_PITCH])
        kind[(source == "base") & old & (draw < 0.5)] = "default"
        kind[(close | ordinary) & ~old & outgoing & (draw < 0.25)] = "template"
        kind[ordinary & ~old & outgoing & (draw >= 0.25) & (draw < 0.35)] = "personal"
        kind[close & ~old & (draw >= 0.25) & (draw < 0.75)] = "personal"
        kind[ordinary & ~old & ~outgoing & (draw < 0.15)] = "personal"
        kind[(cls == PITCHER) & (draw < 0.5)] = "pitch"
        kind[(cls == OWNER_PITCH) & (draw < 0.3)] = "template"
        kind[(source == "bump") & (draw < 0.4)] = "congrats"
        kind[(source == "pending_out") & (draw < 0.5)] = "template"
        kind[(source == "pending_in") & (draw < 0.6)] = "pitch"
        event = f"{words.EVENT_NAMES[0]} {pd.Timestamp(self.event_day * DAY, unit='s').year}"
        for label, pool in (
            ("template", words.TEMPLATE_NOTE_VARIANTS),
            ("personal", words.PERSONAL_NOTES),
            ("pitch", words.PITCH_NOTES),
            ("congrats", words.CONGRATS_NOTES),
        ):
            rows = np.flatnonzero(kind == label)
            recipient_first = np.where(outgoing[rows], first_of[rows], OWNER["first_name"])
            note[rows] = _fill(
                _pick(rng, pool, rows.size),
                first=recipient_first,
                company=np.where(
                    self.company[person[rows]] == "", "the", self.company[person[rows]]
                ),
                event=np.full(rows.size, event, dtype=object),
            )
        note[kind == "default"] = words.DEFAULT_NOTE

        order = np.argsort(-sent, kind="stable")
        person, outgoing, sent, note, kind = (
            a[order] for a in (person, outgoing, sent, note, kind)
        )
        counterpart_name = self.name[person]
        counterpart_url = self.url[person]
        from_name = np.where(outgoing, self.owner_name, counterpart_name).astype(object)
        to_name = np.where(outgoing, counterpart_name, self.owner_name).astype(object)
        columns = [
            from_name,
            to_name,
            _format_times(sent, DATE_FORMATS["invitation"]),
            note,
            np.where(outgoing, "OUTGOING", "INCOMING").astype(object),
            np.where(outgoing, self.owner_url, counterpart_url).astype(object),
            np.where(outgoing, counterpart_url, self.owner_url).astype(object),
        ]
        self.files["Invitations.csv"] = _csv_file(
            "Invitations.csv", HEADERS["invitations"], columns
        )
        self.tables["invitations"] = pd.DataFrame(
            {
                "sent_at": _utc(sent),
                "direction": _text(np.where(outgoing, "outgoing", "incoming").astype(object)),
                "person_id": _text(self.pid[person]),
                "name": _text(counterpart_name),
                "profile_url": _text(counterpart_url),
                "message": _text(note),
                "has_note": note != "",
                "from_name": _text(from_name),
                "to_name": _text(to_name),
            }
        )
        self.stories["default_note"] = list(self.pid[person[kind == "default"]])
        self.stories["templated_notes"] = list(self.pid[person[(kind == "template") & outgoing]])
        self.stories["personal_notes"] = list(self.pid[person[kind == "personal"]])
        self.stories["pending_invitations"] = {
            "outgoing": int(self.spans["pending_out"].size),
            "incoming": int(self.spans["pending_in"].size),
        }
        bump = self.spans["bump"]
        bump_days = self.connected_day[bump]
        self.stories["inbound_bump"] = {
            "start": pd.Timestamp(bump_days.min() * DAY, unit="s", tz="UTC"),
            "end": pd.Timestamp(bump_days.max() * DAY, unit="s", tz="UTC"),
            "count": int(bump.size),
            "person_ids": list(self.pid[bump]),
            "job_change": pd.Timestamp(self.job_day * DAY, unit="s", tz="UTC"),
            "post": pd.Timestamp(self.post_day * DAY, unit="s", tz="UTC"),
            "event": pd.Timestamp(self.event_day * DAY, unit="s", tz="UTC"),
        }

    # -- messages.csv ---------------------------------------------------------------------------
    def _messages(self) -> None:
        """Every conversation: exchanges, pitches, InMails, groups, ads, deleted members, drafts."""
        target = self._message_target()
        self._recipient_sets = [(code,) for code in range(self.EMPTY + 1)]
        parts = [
            self._pitch_conversations(),
            self._owner_pitch_conversations(),
            self._recruiter_conversations(),
            self._sponsored_conversations(),
            self._member_conversations(),
        ]
        used = sum(block["t"].size for block, _ in parts)
        parts.append(self._group_conversations(int(0.06 * target)))
        used += parts[-1][0]["t"].size
        parts.append(self._exchange_conversations(max(target - used, 0)))
        offsets = np.cumsum([0] + [info["title"].size for _, info in parts])
        for (block, _), offset in zip(parts, offsets, strict=False):
            block["conv"] += offset
        group_offset, exchange_offset = int(offsets[5]), int(offsets[6])
        parts.append(self._drafts(parts[6][0], exchange_offset, int(offsets[-1])))
        merged = {key: np.concatenate([block[key] for block, _ in parts]) for key in parts[0][0]}
        merged["t"] = _one_per_second(merged["conv"], merged["t"])
        info = {
            key: np.concatenate([part[key] for _, part in parts])
            for key in ("title", "folder", "has_id")
        }
        tokens = self.rng.bytes(17 * info["title"].size)
        conv_ids = np.array(
            [
                _conversation_id(tokens[17 * i : 17 * i + 17]) if has_id else ""
                for i, has_id in enumerate(info["has_id"])
            ],
            dtype=object,
        )
        for group in self._groups:
            group["conversation_id"] = conv_ids[group_offset + group.pop("conv")]
        self.stories["group_conversations"] = self._groups
        self._write_messages(
            merged, conv_ids, info["title"].astype(object), info["folder"].astype(object)
        )

    def _message_target(self) -> int:
        low, high = MESSAGES_PER_CONNECTION
        share = min(self.n, SIZES["large"]) / SIZES["large"]
        return round(self.n * (low + (high - low) * share))

    def _recipient_set(self, members: tuple[int, ...]) -> int:
        self._recipient_sets.append(members)
        return len(self._recipient_sets) - 1

    def _session_messages(
        self,
        sess_conv: np.ndarray,
        sess_day: np.ndarray,
        sess_len: np.ndarray,
        first_owner: np.ndarray,
        p_switch: np.ndarray,
    ) -> dict[str, np.ndarray]:
        """Messages of back-and-forth sessions, one session = a burst on one day.

        Returns per message: ``conv`` (local conversation), ``t`` (seconds), ``from_owner``
        and ``pos`` (position in its session).
        """
        rng = self.rng
        total = int(sess_len.sum())
        session = np.repeat(np.arange(sess_len.size), sess_len)
        starts = np.cumsum(sess_len) - sess_len
        pos = _ranks(sess_len)
        switch = (rng.random(total) < p_switch[session]) & (pos > 0)
        flips = np.cumsum(switch)
        flips = flips - np.repeat(flips[starts], sess_len)
        from_owner = first_owner[session] ^ (flips % 2 == 1)
        gaps = np.where(pos > 0, 20 + rng.exponential(45 * 60, total), 0).astype("int64")
        elapsed = np.cumsum(gaps)
        elapsed = elapsed - np.repeat(elapsed[starts], sess_len)
        t = self._daytime(sess_day)[session] + elapsed
        # A session running past the export date happens a few hours earlier instead.
        overflow = np.maximum(t[starts + sess_len - 1] - (self.end - 60), 0)
        shift = np.where(overflow > 0, overflow + rng.integers(0, 6 * 3600, overflow.size), 0)
        t = t - shift[session]
        return {"conv": sess_conv[session], "t": t, "from_owner": from_owner, "pos": pos}

    def _spread_sessions(
        self, n_msgs: np.ndarray, low: np.ndarray, high: np.ndarray, burst: float
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Split each conversation's messages into sessions spread from ``low`` to ``high`` days.

        The first session falls on ``low`` and the last on ``high``. Returns the conversation of
        each session, its day and its length (lengths sum to ``n_msgs`` per conversation).
        """
        rng = self.rng
        sessions = np.clip(np.round(n_msgs / burst), 1, n_msgs).astype("int64")
        conv = np.repeat(np.arange(n_msgs.size), sessions)
        first = np.cumsum(sessions) - sessions
        place = rng.random(conv.size)
        place[first] = 0.0
        place[(first + sessions - 1)[sessions > 1]] = 1.0
        day = np.repeat(low, sessions) + place * np.repeat(high - low, sessions)
        extra = n_msgs - sessions
        owner_conv = np.repeat(np.arange(n_msgs.size), extra)
        picks = first[owner_conv] + rng.integers(0, sessions[owner_conv])
        length = 1 + np.bincount(picks, minlength=conv.size)
        return conv, day, length

    def _exchange_conversations(self, budget: int) -> tuple[dict, dict]:
        """One conversation per contact who talks with the owner, sized to fill ``budget``."""
        rng, cls, end_day = self.rng, self.classes, self.end_day
        base = self.spans["base"]
        light_bump = self.spans["bump"][rng.random(self.n_bump) < 0.2]
        talkers = np.concatenate(
            [
                base[np.isin(cls, [CLOSE, DORMANT, FADING, REGULAR, LIGHT])],
                light_bump,
                self.spans["former"],
            ]
        )
        kind = np.concatenate(
            [
                cls[np.isin(cls, [CLOSE, DORMANT, FADING, REGULAR, LIGHT])],
                np.full(light_bump.size, LIGHT),
                np.full(self.spans["former"].size, REGULAR),
            ]
        )
        former = np.isin(talkers, self.spans["former"])
        conn = np.where(
            former, end_day - 12 * YEAR, self.connected_day[np.minimum(talkers, self.n_conn - 1)]
        )
        size = talkers.size
        low = (conn + rng.uniform(0, 60, size)).astype(float)
        high = np.full(size, end_day - 1.0)
        # Windows by class.
        is_close, is_dormant = kind == CLOSE, kind == DORMANT
        high[is_close] = end_day - rng.uniform(1, 45, int(is_close.sum()))
        high[is_dormant] = end_day - rng.uniform(2.2, 5.5, int(is_dormant.sum())) * YEAR
        regular = kind == REGULAR
        high[regular] = low[regular] + rng.uniform(0.05, 1, int(regular.sum())) * (
            end_day - 1 - low[regular]
        )
        high[former] = end_day - rng.uniform(4, 7, int(former.sum())) * YEAR
        low[former] = high[former] - rng.uniform(0.5, 3, int(former.sum())) * YEAR
        light = kind == LIGHT
        low[light] = np.minimum(conn[light] + rng.uniform(0, 30, int(light.sum())), end_day - 2)
        high[light] = low[light]
        # Message counts: fading contacts follow a rhythm; the rest share the budget.
        fading = kind == FADING
        gap = rng.uniform(10, 30, size)
        last = end_day - rng.uniform(np.maximum(100, 3.5 * gap), 300)
        n_fading_sessions = (
            np.minimum(
                np.floor((last - low) / gap).astype("int64") + 1,
                np.round(rng.uniform(1.5, 3, size) * YEAR / gap),
            )
            .clip(4)
            .astype("int64")
        )
        weight = np.select(
            [is_close, is_dormant, regular],
            [
                rng.lognormal(np.log(50), 0.5, size),
                rng.lognormal(np.log(35), 0.4, size),
                rng.lognormal(np.log(6), 0.8, size),
            ],
            0.0,
        )
        weight *= np.clip((high - low) / YEAR, 0.05, 1.0)  # newer ties have said less
        light_msgs = rng.integers(1, 4, size)
        fixed = int(light_msgs[light].sum() + 2.5 * n_fading_sessions[fading].sum())
        scale = max(budget - fixed, 0) / max(weight.sum(), 1e-9)
        n_msgs = np.maximum(
            np.round(weight * scale), np.select([is_close, is_dormant, regular], [20, 15, 2], 0)
        ).astype("int64")
        n_msgs[light] = light_msgs[light]
        burst = 2.5 + 1.5 * (scale > 2)
        # Sessions.
        spread = ~fading
        s_conv, s_day, s_len = self._spread_sessions(
            np.where(spread, n_msgs, 1)[spread], low[spread], high[spread], burst
        )
        s_conv = np.flatnonzero(spread)[s_conv]
        f_idx = np.flatnonzero(fading)
        f_sessions = n_fading_sessions[f_idx]
        f_conv = np.repeat(f_idx, f_sessions)
        back = np.repeat(f_sessions, f_sessions) - 1 - _ranks(f_sessions)
        f_day = np.repeat(last[f_idx], f_sessions) - back * np.repeat(gap[f_idx], f_sessions)
        f_day = f_day + np.where(
            back > 0, rng.uniform(-0.2, 0.2, f_day.size) * np.repeat(gap[f_idx], f_sessions), 0
        )
        f_len = 1 + rng.poisson(1.5, f_day.size)
        sess_conv = np.concatenate([s_conv, f_conv])
        sess_day = np.concatenate([s_day, f_day])
        sess_len = np.concatenate([s_len, f_len])
        n_sess = sess_conv.size
        first_owner = rng.random(n_sess) < 0.5
        p_switch = np.full(n_sess, 0.75)
        # Light contacts: a third one-sided from the owner, a third one-sided from them.
        one_sided = rng.random(size)
        light_sess = light[sess_conv]
        p_switch[light_sess & (one_sided[sess_conv] < 0.66)] = 0.0
        first_owner[light_sess & (one_sided[sess_conv] < 0.33)] = True
        first_owner[light_sess & (one_sided[sess_conv] >= 0.33) & (one_sided[sess_conv] < 0.66)] = (
            False
        )
        msgs = self._session_messages(sess_conv, sess_day, sess_len, first_owner, p_switch)
        other = talkers[msgs["conv"]]
        self._skip_canned_text_draws(other.size, greetings=True)
        content = self._chat_text(
            msgs["pos"],
            np.where(msgs["from_owner"], self.OWNER, other),
            np.where(msgs["from_owner"], other, self.OWNER),
        )
        # Plant a meeting and an email address in close and formerly close relationships.
        planted_meeting, planted_email = [], []
        order = np.lexsort((msgs["t"], msgs["conv"]))
        conv_sorted = msgs["conv"][order]
        conv_start = np.searchsorted(conv_sorted, np.arange(size))
        conv_count = np.bincount(msgs["conv"], minlength=size)
        deep = np.flatnonzero((is_close | is_dormant) & (conv_count >= 4))
        for offset_share, pool, planted in (
            (0.4, words.MEETINGS, planted_meeting),
            (0.6, words.OFF_PLATFORM, planted_email),
        ):
            chosen = deep[rng.random(deep.size) < (0.9 if pool is words.OFF_PLATFORM else 1.0)]
            at = order[conv_start[chosen] + (offset_share * conv_count[chosen]).astype("int64")]
            content[at] = _fill(
                _pick(rng, pool, at.size),
                first=self.first_all[talkers[chosen]],
                email=self.email[talkers[chosen]],
            )
            planted.extend(self.pid[talkers[chosen]])
        for cls_code, key in (
            (CLOSE, "close_active"),
            (DORMANT, "dormant_close"),
            (FADING, "fading"),
        ):
            self.stories[key] = list(self.pid[talkers[kind == cls_code]])
        self.stories["meeting_arranged"] = planted_meeting
        self.stories["email_exchanged"] = planted_email
        self.stories["former_contacts"] = list(self.pid[self.spans["former"]])
        self._exchange_other, self._exchange_kind = talkers, kind
        folder = np.where(rng.random(size) < 0.85, "INBOX", "ARCHIVE")
        block = self._one_to_one(msgs["conv"], msgs["t"], msgs["from_owner"], other, content)
        return block, _conversations(size, folder=folder)

    def _chat_text(
        self,
        pos: np.ndarray,
        sender: np.ndarray,
        recipient: np.ndarray | None,
    ) -> np.ndarray:
        """Everyday message texts: a short reply, a few sentences, or a long update.

        ``pos`` is each message's position in its session (0 opens it), ``sender`` who wrote
        it and ``recipient`` the other person of a one-to-one message (None in group threads).
        A message is a greeting (naming the recipient), an opener, body sentences, sometimes a
        list, and a last line (signed with the sender's first name), each a template of
        :mod:`netkit._sample_chat` filled in. A contact of a name group with a language of its
        own may write in it, and the owner answers in kind. Drawn from the text stream.
        """
        rng, vocabulary = self.text_rng, _chat_vocabulary()
        size = pos.size
        opens = pos == 0
        # What shape each message takes: short, a few sentences, long, very long.
        kind = np.where(
            opens,
            rng.choice(4, size, p=CHAT_SHAPES["opener"]),
            rng.choice(4, size, p=CHAT_SHAPES["reply"]),
        )
        owner_writes = sender == self.OWNER
        contact = sender if recipient is None else np.where(owner_writes, recipient, sender)
        language = np.where(rng.random(size) < 0.85, self._language_of()[contact], 0)
        if recipient is None:
            greeted = np.full(size, "", dtype=object)
            named = np.zeros(size, bool)
        else:
            greeted = self.first_all[recipient]
            named = greeted != ""
        signer = self.first_all[sender]
        # How many sentences of each role: greeting, opener, body, bullet, ending, short.
        chance = rng.random((size, 4))
        counts = np.zeros((size, len(_ROLES)), dtype="int64")
        greet = np.select([kind == 1, kind == 2, kind == 3], [0.08, 0.45, 0.75], 0.0)
        greet = np.where(opens, np.select([kind == 1, kind >= 2], [0.35, 0.85], 0.0), greet)
        counts[:, 0] = (chance[:, 0] < greet) & (named | (recipient is None))
        counts[:, 1] = opens & (kind >= 1) & (chance[:, 1] < 0.8)
        counts[:, 2] = np.select(
            [kind == 1, kind == 2, kind == 3],
            [
                1 + rng.binomial(3, 0.3, size),
                4 + rng.poisson(2.0, size),
                np.minimum(9 + rng.poisson(6.0, size), 24),
            ],
            0,
        )
        counts[:, 3] = np.where((kind >= 2) & (chance[:, 2] < 0.2), 2 + rng.poisson(1.5, size), 0)
        counts[:, 4] = chance[:, 3] < np.select([kind == 1, kind == 2, kind == 3], [0.1, 0.6, 0.85])
        counts[:, 5] = kind == 0
        # One row per sentence, in message order.
        n_sentences = counts.sum(axis=1)
        message = np.repeat(np.arange(size), n_sentences)
        role = np.repeat(np.tile(np.arange(len(_ROLES)), size), counts.ravel())
        long = kind[message] >= 2
        greeting = role == _ROLES.index("greeting")
        ending = role == _ROLES.index("ending")
        signed = ending & (signer[message] != "") & (rng.random(message.size) < 0.5)
        template_role = np.array([vocabulary.roles.index(r) for r in _TEMPLATE_ROLES])[role]
        template_role[greeting & ~named[message]] = vocabulary.roles.index("group_greeting")
        template_role[signed] = vocabulary.roles.index("signoff")
        group = language[message] * len(vocabulary.roles) + template_role
        name = np.where(greeting, greeted[message], np.where(signed, signer[message], ""))
        # What follows each sentence.
        last = np.r_[message[1:] != message[:-1], True]
        bullet = role == _ROLES.index("bullet")
        next_bullet, next_ending, next_signed = (
            np.r_[x[1:], False] for x in (bullet, ending, signed)
        )
        separator = np.select(
            [
                last,
                greeting & long,
                greeting,
                bullet & next_bullet,
                bullet | next_bullet,
                next_ending & (long | next_signed),
                long & (rng.random(message.size) < 0.3),
            ],
            [
                _END,
                _PARAGRAPH,
                np.where(rng.random(message.size) < 0.4, _LINE, _SPACE),
                _LINE,
                _PARAGRAPH,
                _PARAGRAPH,
                _PARAGRAPH,
            ],
            _SPACE,
        )
        return vocabulary.compose(rng, group, name, separator, message, size)

    def _skip_canned_text_draws(self, size: int, *, greetings: bool) -> None:
        """Make, and drop, the draws the first version's canned texts made from the main stream
        (an opener and a reply for each message, a greeting chance in one-to-one exchanges).

        Texts now come from the text stream; skipping the old draws keeps every other column,
        and so the planted stories and what the metric tests expect, as they were.
        """
        self.rng.integers(0, 20, size)  # one of 20 openers
        self.rng.integers(0, 30, size)  # one of 30 replies
        if greetings:
            self.rng.random(size)

    def _language_of(self) -> np.ndarray:
        """Each person's language code: English, or for a third of the people of a name group
        with a language of its own, that language (drawn once, from the text stream)."""
        if self._languages is None:
            codes = _chat_vocabulary().languages
            groups = list(words.NAME_GROUPS)
            own = np.zeros(len(self.first_all), dtype="int64")
            writes_own = self.text_rng.random(self.name_group.size) < 0.35
            pick = self.text_rng.random(self.name_group.size)
            for group, languages in chat.NATIVE_LANGUAGE.items():
                members = np.flatnonzero((self.name_group == groups.index(group)) & writes_own)
                choices = np.array([codes.index(language) for language in languages])
                own[members] = choices[(pick[members] * choices.size).astype("int64")]
            self._languages = own
        return self._languages

    def _block(
        self,
        conv: np.ndarray,
        t: np.ndarray,
        sender: np.ndarray,
        recipient_set: np.ndarray,
        content: np.ndarray,
        subject: np.ndarray | None = None,
    ) -> dict[str, np.ndarray]:
        size = conv.size
        return {
            "conv": np.asarray(conv, dtype="int64"),
            "t": np.asarray(t, dtype="int64"),
            "sender": np.asarray(sender, dtype="int64"),
            "rset": np.asarray(recipient_set, dtype="int64"),
            "content": np.asarray(content, dtype=object),
            "subject": (
                np.full(size, "", dtype=object)
                if subject is None
                else np.asarray(subject, dtype=object)
            ),
            "draft": np.zeros(size, bool),
        }

    def _thread(
        self, start: np.ndarray, count: np.ndarray, low_gap: int, high_gap: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Short threads: ``count`` messages each from ``start``, a random gap apart.

        Returns the conversation and the position of each message, and its time; messages
        that would fall after the export date have not been sent yet and are left out.
        """
        conv = np.repeat(np.arange(count.size), count)
        step = _ranks(count)
        gaps = np.where(step > 0, self.rng.integers(low_gap, high_gap, conv.size), 0)
        elapsed = np.cumsum(gaps)
        elapsed = elapsed - np.repeat(elapsed[np.cumsum(count) - count], count)
        t = start[conv] + elapsed
        sent = t < self.end - 60
        return conv[sent], step[sent], t[sent]

    def _one_to_one(
        self,
        conv: np.ndarray,
        t: np.ndarray,
        from_owner: np.ndarray,
        other: np.ndarray,
        content: np.ndarray,
        subject: np.ndarray | None = None,
    ) -> dict[str, np.ndarray]:
        """Messages between the owner and one other person each."""
        sender = np.where(from_owner, self.OWNER, other)
        recipient = np.where(from_owner, other, self.OWNER)
        return self._block(conv, t, sender, recipient, content, subject)

    def _pitch_conversations(self) -> tuple[dict, dict]:
        """A pitch within days of connecting, nudges if unanswered, sometimes a polite no."""
        rng = self.rng
        people = np.flatnonzero(self.classes == PITCHER)
        start = self.connected_day[people] * DAY + rng.integers(DAY // 3, 4 * DAY, people.size)
        replied = rng.random(people.size) < 0.25
        nudges = np.where(replied, 0, rng.integers(0, 3, people.size))
        conv, step, t = self._thread(start, 1 + replied + nudges, 2 * 3600, 9 * DAY)
        from_owner = (step == 1) & replied[conv]
        content = np.where(
            step == 0,
            _pick(rng, words.PITCHES, conv.size),
            np.where(
                from_owner,
                _pick(rng, words.POLITE_DECLINES, conv.size),
                _pick(rng, words.PITCH_FOLLOW_UPS, conv.size),
            ),
        )
        content = _fill(content, first=np.full(conv.size, OWNER["first_name"], dtype=object))
        self.stories["pitchers"] = list(self.pid[people])
        folder = np.where(rng.random(people.size) < 0.3, "SPAM", "INBOX")
        block = self._one_to_one(conv, t, from_owner, people[conv], content)
        return block, _conversations(people.size, folder=folder)

    def _owner_pitch_conversations(self) -> tuple[dict, dict]:
        """The owner pitching right after connecting; some answer."""
        rng = self.rng
        people = np.flatnonzero(self.classes == OWNER_PITCH)
        start = self.connected_day[people] * DAY + rng.integers(DAY // 4, 3 * DAY, people.size)
        answered = rng.random(people.size) < 0.4
        conv, step, t = self._thread(start, 1 + answered, 3600, 3 * DAY)
        other = people[conv]
        from_owner = step == 0
        content = np.where(
            from_owner,
            _fill(_pick(rng, words.OWNER_PITCHES, conv.size), first=self.first_all[other]),
            _pick(rng, words.PITCH_ANSWERS, conv.size),
        )
        self.stories["owner_pitches"] = list(self.pid[people])
        return self._one_to_one(conv, t, from_owner, other, content), _conversations(people.size)

    def _recruiter_conversations(self) -> tuple[dict, dict]:
        """InMails from recruiters outside the network, with a subject; older ones in HTML."""
        rng = self.rng
        people = self.spans["recruiter"]
        start = self._daytime(
            rng.integers(self.end_day - 10 * YEAR, self.end_day - 10, people.size)
        )
        replied = rng.random(people.size) < 0.4
        conv, step, t = self._thread(start, 1 + replied, 2 * 3600, 3 * DAY)
        old = start < (self.end_day - 6 * YEAR) * DAY
        template = np.where(old, 0, rng.integers(1, len(words.RECRUITER_INMAILS), people.size))
        subjects = np.array([s for s, _ in words.RECRUITER_INMAILS], dtype=object)[template]
        bodies = np.array([b for _, b in words.RECRUITER_INMAILS], dtype=object)[template]
        from_owner = step == 1
        content = np.where(
            from_owner,
            _pick(rng, words.POLITE_DECLINES, conv.size),
            _fill(bodies[conv], first=np.full(conv.size, OWNER["first_name"], dtype=object)),
        )
        subject = np.where(from_owner, "", subjects[conv])
        self.stories["recruiters"] = list(self.pid[people])
        block = self._one_to_one(conv, t, from_owner, people[conv], content, subject)
        return block, _conversations(people.size)

    def _sponsored_conversations(self) -> tuple[dict, dict]:
        """Ads: 'Sponsored Conversation', sent by 'LinkedIn Member', HTML with %FIRSTNAME%."""
        rng = self.rng
        size = max(4, round(self.n / 40))
        t = self._daytime(rng.integers(self.end_day - 4 * YEAR, self.end_day - 1, size))
        template = rng.integers(0, len(words.SPONSORED_BODIES), size)
        subject = np.array([s for s, _ in words.SPONSORED_BODIES], dtype=object)[template]
        content = np.array([b for _, b in words.SPONSORED_BODIES], dtype=object)[template]
        self.stories["sponsored"] = {"conversations": size, "messages": size}
        block = self._block(
            np.arange(size),
            self._before_end(t),
            np.full(size, self.MEMBER),
            np.full(size, self.OWNER),
            content,
            subject,
        )
        return block, _conversations(size, title=SPONSORED_TITLE)

    def _member_conversations(self) -> tuple[dict, dict]:
        """Old exchanges with accounts since deleted ('LinkedIn Member', no URL), and one row
        whose sender is plain empty."""
        rng = self.rng
        size = max(2, round(self.n / 150))
        count = rng.integers(2, 6, size)
        low = rng.uniform(self.end_day - 12 * YEAR, self.end_day - 3 * YEAR, size)
        conv, day, length = self._spread_sessions(count, low, low + rng.uniform(5, 400, size), 2)
        msgs = self._session_messages(
            conv, day, length, rng.random(conv.size) < 0.5, np.full(conv.size, 0.75)
        )
        other = np.full(msgs["pos"].size, self.MEMBER)
        self._skip_canned_text_draws(other.size, greetings=False)
        content = self._chat_text(
            msgs["pos"],
            np.where(msgs["from_owner"], self.OWNER, other),
            np.where(msgs["from_owner"], other, self.OWNER),
        )
        block = self._one_to_one(msgs["conv"], msgs["t"], msgs["from_owner"], other, content)
        empty = np.flatnonzero(~msgs["from_owner"])[:1]
        block["sender"][empty] = self.EMPTY
        self.stories["linkedin_member_messages"] = int((block["sender"] == self.MEMBER).sum())
        self.stories["empty_sender_messages"] = int(empty.size)
        return block, _conversations(size)

    def _group_conversations(self, budget: int) -> tuple[dict, dict]:
        """Group threads of 3-8 people (the owner included), some titled."""
        rng = self.rng
        size = max(3, round(self.n / 70))
        # Dormant and fading contacts stay out: their silence is a story.
        pool = np.flatnonzero(np.isin(self.classes, [CLOSE, REGULAR, LIGHT]))
        members: list[np.ndarray] = []
        for g in range(size):
            chosen = rng.choice(pool, int(min(rng.integers(2, 8), pool.size)), replace=False)
            if g < 2:  # Zoë, 王伟 and "Jane Doe, MBA" write to groups too
                chosen = np.unique(np.concatenate([[1, 2, 3], chosen[:2]]))
            if g == 2:  # someone outside the network
                chosen = np.concatenate([chosen, self.spans["guest"]])
            members.append(np.concatenate([[self.OWNER], chosen]))
        flat = np.concatenate(members)
        group_size = np.array([m.size for m in members])
        first_member = np.cumsum(group_size) - group_size
        # One recipient set per (group, sender): everyone else in the group.
        first_set = len(self._recipient_sets)
        for m in members:
            for i in range(m.size):
                self._recipient_set(tuple(np.delete(m, i)))
        mean = np.exp(np.log(12) + 0.7**2 / 2)
        count = np.maximum(rng.lognormal(np.log(12), 0.7, size) * budget / (mean * size), 3).astype(
            "int64"
        )
        low = rng.uniform(self.end_day - 8 * YEAR, self.end_day - 60, size)
        high = np.minimum(low + rng.uniform(3, 700, size), self.end_day - 1)
        conv, day, length = self._spread_sessions(count, low, high, 4)
        msgs = self._session_messages(
            conv, day, length, np.zeros(conv.size, bool), np.zeros(conv.size)
        )
        local = np.where(
            rng.random(msgs["t"].size) < 0.25, 0, rng.integers(1, group_size[msgs["conv"]])
        )
        sender = flat[first_member[msgs["conv"]] + local]
        self._skip_canned_text_draws(sender.size, greetings=False)
        content = self._chat_text(msgs["pos"], sender, None)
        titles = np.where(rng.random(size) < 0.6, _pick(rng, words.GROUP_TITLES, size), "")
        self._groups = [
            {
                "conv": g,
                "title": titles[g] or None,
                "member_ids": list(self.pid[members[g][1:]]),
                "messages": int((msgs["conv"] == g).sum()),
            }
            for g in range(size)
        ]
        block = self._block(
            msgs["conv"], msgs["t"], sender, first_set + first_member[msgs["conv"]] + local, content
        )
        info = _conversations(size)
        info["title"] = titles.astype(object)
        return block, info

    def _drafts(
        self,
        exchanges: dict[str, np.ndarray],
        exchange_offset: int,
        next_conv: int,
    ) -> tuple[dict, dict]:
        """Unsent drafts: some in existing conversations, some starting a new one (no id)."""
        rng = self.rng
        size = max(3, round(self.n / 100))
        talkers, kind = self._exchange_other, self._exchange_kind
        local = exchanges["conv"] - exchange_offset
        last = np.full(talkers.size, np.iinfo("int64").min)
        np.maximum.at(last, local, exchanges["t"])
        eligible = np.flatnonzero(np.isin(kind, [CLOSE, REGULAR]))
        n_new = max(1, size // 3)
        existing = rng.choice(eligible, min(size - n_new, eligible.size), replace=False)
        fresh = rng.choice(
            np.flatnonzero(np.isin(self.classes, [REGULAR, LIGHT, SILENT])), n_new, replace=False
        )
        # A draft is started after the conversation's last message, before the export.
        after = last[existing] + rng.integers(3600, 5 * DAY, existing.size)
        after = np.where(after < self.end - 60, after, (last[existing] + self.end - 60) // 2)
        t = np.concatenate(
            [after, self._daytime(rng.integers(self.end_day - 2 * YEAR, self.end_day - 1, n_new))]
        )
        conv = np.concatenate([exchange_offset + existing, next_conv + np.arange(n_new)])
        other = np.concatenate([talkers[existing], fresh])
        block = self._block(
            conv,
            t,
            np.full(conv.size, self.OWNER),
            other,
            _pick(rng, words.DRAFTS, conv.size),
        )
        block["draft"][:] = True
        self.stories["drafts"] = {"messages": int(conv.size), "without_conversation": n_new}
        return block, _conversations(n_new, folder="", has_id=False)

    def _recipient_columns(self) -> tuple[np.ndarray, np.ndarray, pa.Array, np.ndarray]:
        """TO text, RECIPIENT PROFILE URLS text, person ids and size of every recipient set."""
        names, urls, ids, sizes = [], [], [], []
        for members in self._recipient_sets:
            names.append(",".join(self.name[m] for m in members))
            urls.append(",".join(self.url[m] for m in members if self.url[m]))
            ids.append([self.pid[m] for m in members if self.pid[m] is not None])
            sizes.append(len(members))
        return (
            np.array(names, dtype=object),
            np.array(urls, dtype=object),
            pa.array(ids, type=pa.list_(pa.string())),
            np.array(sizes),
        )

    def _attachments(self, size: int) -> np.ndarray:
        """Signed attachment URLs (they expire), one or two per message, comma-joined."""
        rng = self.rng
        blob = rng.bytes(66 * 2 * size)
        urls = []
        for i in range(2 * size):
            part = base64.urlsafe_b64encode(blob[66 * i : 66 * i + 66]).decode().rstrip("=")
            urls.append(
                f"https://www.linkedin.com/dms/prv/image/v2/D4E06AQ{part[:20]}/"
                f"messaging-image-720/B4EZ{part[20:34]}?m=AQ{part[34:60]}&ne=1&v=beta"
                f"&t={part[60:88]}"
            )
        second = rng.random(size) < 0.2
        return np.array(
            [urls[2 * i] + ("," + urls[2 * i + 1] if second[i] else "") for i in range(size)],
            dtype=object,
        )

    def _write_messages(
        self,
        merged: dict[str, np.ndarray],
        conv_ids: np.ndarray,
        titles: np.ndarray,
        folders: np.ndarray,
    ) -> None:
        """Order the rows as LinkedIn does and describe messages.csv and its truth."""
        rng = self.rng
        conv, t = merged["conv"], merged["t"]
        conv_last = np.full(titles.size, np.iinfo("int64").min)
        np.maximum.at(conv_last, conv, t)
        order = np.lexsort((-t, conv, -conv_last[conv]))
        conv, t, sender, rset, content, subject, draft = (
            merged[key][order]
            for key in ("conv", "t", "sender", "rset", "content", "subject", "draft")
        )
        # The last interaction with each person, for dates that must precede it.
        last = np.full(self.EMPTY + 1, -1, dtype="int64")
        sent = ~draft
        np.maximum.at(last, sender[sent], t[sent])
        direct = sent & (rset <= self.EMPTY)
        np.maximum.at(last, rset[direct], t[direct])
        self.last_message_day = np.where(last >= 0, last // DAY, -1)

        set_names, set_urls, set_ids, set_sizes = self._recipient_columns()
        sponsored = titles[conv] == SPONSORED_TITLE
        with_file = np.flatnonzero(
            ~draft & ~sponsored & (sender != self.MEMBER) & (rng.random(t.size) < 0.012)
        )
        attachments = np.full(t.size, "", dtype=object)
        attachments[with_file] = self._attachments(with_file.size)
        content = content.copy()
        content[with_file[rng.random(with_file.size) < 0.5]] = ""
        if self.style == "2025":  # line breaks flattened to spaces, no ATTACHMENTS column
            content = (
                pd.Series(content, dtype="str")
                .str.replace("\n", " ", regex=False)
                .to_numpy(dtype=object)
            )
            attachments[:] = ""
        self.stories["attachment_messages"] = int((attachments != "").sum())
        conversation_id = conv_ids[conv]
        yes_no = np.array(["No", "Yes"], dtype=object)
        columns = {
            "CONVERSATION ID": conversation_id,
            "CONVERSATION TITLE": titles[conv],
            "FROM": self.name[sender],
            "SENDER PROFILE URL": self.url[sender],
            "TO": set_names[rset],
            "RECIPIENT PROFILE URLS": set_urls[rset],
            "DATE": _format_times(t, DATE_FORMATS["message"]),
            "SUBJECT": subject,
            "CONTENT": content,
            "FOLDER": np.where(draft, "", folders[conv]).astype(object),
            "ATTACHMENTS": attachments,
            "IS MESSAGE DRAFT": yes_no[draft.astype(int)],
            "IS CONVERSATION DRAFT": yes_no[(draft & (conversation_id == "")).astype(int)],
        }
        header = HEADERS["messages"] + MESSAGE_TAILS[self.style]
        self.files["messages.csv"] = _csv_file(
            "messages.csv",
            header,
            [columns[name] for name in header],
            quote_all=self.style == "2026",
        )
        recipient_ids = pc.take(set_ids, pa.array(rset))
        self.tables["messages"] = pd.DataFrame(
            {
                "conversation_id": _text(conversation_id),
                "conversation_title": _text(columns["CONVERSATION TITLE"]),
                "sent_at": _utc(t),
                "direction": _text(
                    np.where(sender == self.OWNER, "outgoing", "incoming").astype(object)
                ),
                "sender_id": _text(self.pid[sender]),
                "sender_name": _text(columns["FROM"]),
                "sender_url": _text(columns["SENDER PROFILE URL"]),
                "recipient_ids": pd.Series(recipient_ids.to_pylist(), dtype=object),
                "recipient_names": _text(columns["TO"]),
                "recipient_urls": _text(columns["RECIPIENT PROFILE URLS"]),
                "subject": _text(subject),
                "content": _text(content),
                "folder": _text(columns["FOLDER"]),
                "is_draft": draft,
                "is_conversation_draft": columns["IS CONVERSATION DRAFT"] == "Yes",
                "is_sponsored": sponsored,
                "is_group": set_sizes[rset] >= 2,
                "attachments": _text(attachments),
            }
        )

    # -- the AI assistant -----------------------------------------------------------------------
    def _assistant_messages(self) -> None:
        """learning_coach_messages.csv: the owner and LinkedIn's AI coach, same 10 columns."""
        rng = self.rng
        asked = self._daytime(
            np.sort(rng.integers(self.end_day - 200, self.end_day - 2, len(words.COACH_PROMPTS)))
        )
        rows = []
        for index, (prompt, answer) in enumerate(
            zip(words.COACH_PROMPTS, words.COACH_ANSWERS, strict=True)
        ):
            conversation = _conversation_id(rng.bytes(17))
            when = int(asked[index])
            rows.append((conversation, when + 25, False, answer))
            rows.append((conversation, when, True, prompt))
        rows.reverse()  # newest conversation first, newest message first
        rows.sort(key=lambda row: -row[1])
        conversation = np.array([r[0] for r in rows], dtype=object)
        t = np.array([r[1] for r in rows], dtype="int64")
        mine = np.array([r[2] for r in rows])
        content = np.array([r[3] for r in rows], dtype=object)
        if self.style == "2025":
            content = np.array([c.replace("\n", " ") for c in content], dtype=object)
        columns = [
            conversation,
            np.full(t.size, "", dtype=object),
            np.where(mine, self.owner_name, ASSISTANT_NAME).astype(object),
            np.where(mine, self.owner_url, "").astype(object),
            np.where(mine, ASSISTANT_NAME, self.owner_name).astype(object),
            np.where(mine, "", self.owner_url).astype(object),
            _format_times(t, DATE_FORMATS["message"]),
            np.full(t.size, "", dtype=object),
            content,
            np.full(t.size, "INBOX", dtype=object),
        ]
        self.files["learning_coach_messages.csv"] = _csv_file(
            "learning_coach_messages.csv", HEADERS["messages"], columns
        )
        self.files["LearningCoachMessages.csv"] = _text_file(
            "LearningCoachMessages.csv", "No conversations found"
        )
        empty = np.full(t.size, "", dtype=object)
        coach = self._id_for_name(*ASSISTANT_NAME.split(" ", 1))
        self.tables["assistant_messages"] = pd.DataFrame(
            {
                "conversation_id": _text(conversation),
                "conversation_title": _text(empty),
                "sent_at": _utc(t),
                "direction": _text(np.where(mine, "outgoing", "incoming").astype(object)),
                "sender_id": _text(np.where(mine, OWNER["slug"], coach).astype(object)),
                "sender_name": _text(columns[2]),
                "sender_url": _text(columns[3]),
                "recipient_ids": pd.Series(
                    [[coach] if m else [OWNER["slug"]] for m in mine], dtype=object
                ),
                "recipient_names": _text(columns[4]),
                "recipient_urls": _text(columns[5]),
                "subject": _text(empty),
                "content": _text(content),
                "folder": _text(columns[9]),
                "is_draft": np.zeros(t.size, bool),
                "is_conversation_draft": np.zeros(t.size, bool),
                "is_sponsored": np.zeros(t.size, bool),
                "is_group": np.zeros(t.size, bool),
                "attachments": _text(empty),
                "source": _text(np.full(t.size, "learning_coach_messages", dtype=object)),
            }
        )

    # -- endorsements and recommendations -------------------------------------------------------
    def _latest_day(self, people: np.ndarray) -> np.ndarray:
        """The last day an interaction with each person may carry: their last message, if any."""
        last = self.last_message_day[people]
        return np.where(last >= 0, last, self.end_day - 1)

    def _endorsements(self) -> None:
        """Endorsement_Received_Info.csv and Endorsement_Given_Info.csv (connections only)."""
        rng, classes = self.rng, self.classes
        base = self.spans["base"]
        keen = np.isin(classes, [CLOSE, DORMANT, FADING])
        open_to = np.isin(classes, [CLOSE, DORMANT, FADING, REGULAR, LIGHT, SILENT])
        frames, truths = {}, []
        for direction, share, keen_share in (("received", 0.12, 0.8), ("given", 0.06, 0.5)):
            draw = rng.random(base.size)
            people = base[open_to & ((draw < share) | (keen & (draw < keen_share)))]
            skills = rng.integers(1, 5 if direction == "received" else 3, people.size)
            person = np.repeat(people, skills)
            first_skill = np.repeat(rng.integers(0, len(words.SKILLS), people.size), skills)
            skill = (first_skill + _ranks(skills)) % len(words.SKILLS)
            low = self.connected_day[person] + 10
            high = np.maximum(self._latest_day(person), low + 1)
            when = self._daytime(rng.integers(low, high)) if person.size else np.array([], int)
            when = self._before_end(when)
            status = np.full(person.size, "ACCEPTED", dtype=object)
            if direction == "given":
                status[rng.random(person.size) < 0.1] = "PENDING"
            order = np.argsort(-when, kind="stable")
            person, skill, when, status = person[order], skill[order], when[order], status[order]
            skill_name = np.asarray(words.SKILLS, dtype=object)[skill]
            url = np.array(["www.linkedin.com/in/" + s for s in self.slug[person]], dtype=object)
            frames[direction] = [
                _format_times(when, DATE_FORMATS["endorsement"]),
                skill_name,
                self.first[person],
                self.last[person],
                url,
                status,
            ]
            truths.append(
                pd.DataFrame(
                    {
                        "endorsed_at": _utc(when),
                        "direction": _text(np.full(person.size, direction, dtype=object)),
                        "person_id": _text(self.pid[person]),
                        "name": _text(self.name[person]),
                        "profile_url": _text(url),
                        "skill": _text(skill_name),
                        "status": _text(status),
                    }
                )
            )
            self.stories["endorsers" if direction == "received" else "endorsed"] = list(
                dict.fromkeys(self.pid[person])
            )
        self.files["Endorsement_Received_Info.csv"] = _csv_file(
            "Endorsement_Received_Info.csv", HEADERS["endorsements_received"], frames["received"]
        )
        self.files["Endorsement_Given_Info.csv"] = _csv_file(
            "Endorsement_Given_Info.csv", HEADERS["endorsements_given"], frames["given"]
        )
        self.tables["endorsements"] = pd.concat(truths[::-1], ignore_index=True)

    def _index_names(self) -> None:
        """Normalized name -> person_id, for names held by exactly one URL-known person."""
        keys: dict[str, str | None] = {}
        first = [*self.first, OWNER["first_name"]]
        last = [*self.last, OWNER["last_name"]]
        for f, la, pid in zip(first, last, self.pid[: self.OWNER + 1], strict=True):
            key = _normalized_name(f, la)
            keys[key] = None if key in keys else pid
        self.unique_names = keys

    def _id_for_name(self, first: str, last: str) -> str:
        """The id of someone known by name only: their unique URL-known namesake, or ``name:``."""
        key = _normalized_name(first, last)
        return self.unique_names.get(key) or f"name:{key}"

    def _lookup_names(self, first: Sequence[str], last: Sequence[str]) -> list[str | None]:
        """Ids of the URL-known people these names designate uniquely (None otherwise).

        Address-book entries and followed members are lookups, not people of their own.
        """
        return [
            self.unique_names.get(_normalized_name(f, la))
            for f, la in zip(first, last, strict=True)
        ]

    def _uniquely_named(self, people: np.ndarray) -> np.ndarray:
        index = self.unique_names
        return np.array(
            [
                p
                for p in people
                if index.get(_normalized_name(self.first[p], self.last[p])) is not None
            ],
            dtype="int64",
        )

    def _recommendations(self) -> None:
        """Recommendations_Received.csv and _Given.csv: people known by name only."""
        rng, classes = self.rng, self.classes
        large = self.n >= 5_000
        candidates = self._uniquely_named(np.flatnonzero(np.isin(classes, [CLOSE, DORMANT])))
        received = rng.choice(candidates, min(12 if large else 4, candidates.size), replace=False)
        others = self._uniquely_named(np.flatnonzero(np.isin(classes, [CLOSE, REGULAR])))
        others = others[~np.isin(others, received)]
        given = rng.choice(others, min(8 if large else 3, others.size), replace=False)
        companies = ("Nordlys Bank", "Tidewater Shipping", "Orchid Pharma")
        truths = []
        for direction, people in (("received", received), ("given", given)):
            first = list(self.first[people])
            last = list(self.last[people])
            company = list(self.company[people])
            title = list(self.position[people])
            ids = list(self.pid[people])
            low = self.connected_day[people] + 30
            high = np.maximum(self._latest_day(people), low + 1)
            when = list(self._before_end(self._daytime(rng.integers(low, high))))
            if direction == "received":
                outside_first, outside_last, outside_company, outside_title = OUTSIDE_RECOMMENDER
                first.append(outside_first)
                last.append(outside_last)
                company.append(outside_company)
                title.append(outside_title)
                ids.append(self._id_for_name(outside_first, outside_last))
                when.append(int(self._daytime(np.array([self.job_day - 2 * YEAR]))[0]))
            size = len(first)
            subject = OWNER["first_name"] if direction == "received" else None
            text = [
                rng.choice(words.RECOMMENDATION_TEXTS).format(
                    first=subject or first[i], company=companies[i % len(companies)]
                )
                for i in range(size)
            ]
            status = np.full(size, "VISIBLE", dtype=object)
            if size >= 3:
                status[rng.integers(0, size)] = "HIDDEN" if direction == "received" else ""
            when_arr = np.array(when, dtype="int64") // 60 * 60
            order = np.argsort(-when_arr, kind="stable")
            columns = [
                np.array(c, dtype=object)[order] for c in (first, last, company, title, text)
            ]
            columns += [
                _format_times(when_arr[order], DATE_FORMATS["recommendation"]),
                status[order],
            ]
            name = f"Recommendations_{direction.capitalize()}.csv"
            self.files[name] = _csv_file(name, HEADERS["recommendations"], columns)
            truths.append(
                pd.DataFrame(
                    {
                        "created_at": _utc(when_arr[order]),
                        "direction": _text(np.full(size, direction, dtype=object)),
                        "person_id": _text(np.array(ids, dtype=object)[order]),
                        "name": _text(
                            [
                                " ".join(f"{f} {la}".split())
                                for f, la in zip(columns[0], columns[1], strict=True)
                            ]
                        ),
                        "first_name": _text(columns[0]),
                        "last_name": _text(columns[1]),
                        "company": _text(columns[2]),
                        "job_title": _text(columns[3]),
                        "text": _text(columns[4]),
                        "status": _text(columns[6]),
                    }
                )
            )
        self.tables["recommendations"] = pd.concat(truths[::-1], ignore_index=True)
        self.stories["recommenders"] = list(self.pid[received])
        self.stories["recommended"] = list(self.pid[given])
        self.stories["recommender_not_connection"] = self._id_for_name(*OUTSIDE_RECOMMENDER[:2])

    # -- the owner: profile, career, events, follows, emails ------------------------------------
    def _profile_and_career(self) -> None:
        rng = self.rng
        current = ("Helio Solar", "Head of Data Platform")
        birth = pd.Timestamp(self._month(self.join_day, -12 * 25) * DAY, unit="s") + pd.Timedelta(
            days=19
        )
        profile = {
            "First Name": OWNER["first_name"],
            "Last Name": OWNER["last_name"],
            "Maiden Name": "",
            "Address": "",
            "Birth Date": _format_times(
                np.array([birth.value // 10**9]), DATE_FORMATS["birth_date"]
            )[0],
            "Headline": f"{current[1]} at {current[0]} | Data teams that ship",
            "Summary": "I build data platforms and the teams that run them.\n\nPreviously "
            "analytics at Tidewater Shipping and Orchid Pharma. Speaker, mentor, "
            "occasional writer.",
            "Industry": "Renewable Energy",
            "Zip Code": "2100",
            "Geo Location": "Copenhagen, Capital Region, Denmark",
            "Twitter Handles": "",  # a made-up handle could be somebody's real one
            "Websites": "[PERSONAL:https://example.com/maya]",
            "Instant Messengers": "",
        }
        header = HEADERS["profile"]
        self.files["Profile.csv"] = _csv_file("Profile.csv", header, [[profile[h]] for h in header])
        self.tables["profile"] = pd.DataFrame(
            {
                column: _text([profile[h]])
                for column, h in zip(
                    (
                        "first_name",
                        "last_name",
                        "maiden_name",
                        "address",
                        "birth_date",
                        "headline",
                        "summary",
                        "industry",
                        "zip_code",
                        "geo_location",
                        "twitter_handles",
                        "websites",
                        "instant_messengers",
                    ),
                    header,
                    strict=True,
                )
            }
        )

        first_job = self._month(self.join_day)
        second_job = self._month(first_job, 35)
        third_job = self._month(self.job_day, -int(5.5 * 12))
        career = [  # newest first, as LinkedIn writes it
            (*current, "Leading a team of 14 building Helio's data platform.", self.job_day, None),
            (
                "Orchid Pharma",
                "Lead Data Scientist",
                "Experimentation, forecasting, and a lot of SQL.",
                third_job,
                self._month(self.job_day, -1),
            ),
            ("Tidewater Shipping", "Data Scientist", "", second_job, self._month(third_job, -1)),
            ("Nordlys Bank", "Junior Data Analyst", "", first_job, self._month(second_job, -1)),
        ]
        location = "Copenhagen, Capital Region, Denmark"
        month = DATE_FORMATS["month"]
        started = np.array([c[3] for c in career]) * DAY
        finished = np.array([c[4] if c[4] is not None else 0 for c in career]) * DAY
        current_job = np.array([c[4] is None for c in career])
        columns = [
            [c[0] for c in career],
            [c[1] for c in career],
            [c[2] for c in career],
            [location] * len(career),
            _format_times(started, month),
            np.where(current_job, "", _format_times(finished, month)),
        ]
        self.files["Positions.csv"] = _csv_file("Positions.csv", HEADERS["positions"], columns)
        self.tables["positions"] = pd.DataFrame(
            {
                "company": _text(columns[0]),
                "title": _text(columns[1]),
                "description": _text(columns[2]),
                "location": _text(columns[3]),
                "started_on": _utc(started),
                "finished_on": _utc(finished).mask(current_job),
                "is_current": current_job,
            }
        )
        self.stories["job_change"] = {
            "company": current[0],
            "title": current[1],
            "started_on": pd.Timestamp(self.job_day * DAY, unit="s", tz="UTC"),
        }

        join_year = pd.Timestamp(self.join_day * DAY, unit="s").year
        years = [(join_year - 8, join_year - 5), (join_year - 5, join_year - 3)]
        schools = [
            (school, degree, start, end)
            for (school, degree), (start, end) in zip(words.SCHOOLS, years, strict=True)
        ][::-1]
        columns = [
            [s[0] for s in schools],
            [str(s[2]) for s in schools],
            [str(s[3]) for s in schools],
            ["", ""],
            [s[1] for s in schools],
            ["Data science society", ""],
        ]
        self.files["Education.csv"] = _csv_file("Education.csv", HEADERS["education"], columns)
        self.tables["education"] = pd.DataFrame(
            {
                "school": _text(columns[0]),
                "started_on": pd.to_datetime(columns[1], format="%Y", utc=True).as_unit("us"),
                "finished_on": pd.to_datetime(columns[2], format="%Y", utc=True).as_unit("us"),
                "notes": _text(columns[3]),
                "degree": _text(columns[4]),
                "activities": _text(columns[5]),
            }
        )
        self._events(rng)
        self._company_follows(rng)
        self._email_addresses()

    def _quiet_days(self, rng: np.random.Generator, size: int, low: int) -> np.ndarray:
        """Random days from ``low`` to the export date, none within 20 days of the spike."""
        days = rng.integers(low, self.end_day - 1, size)
        near = np.abs(days - self.spike_day) <= 20
        return np.where(near, days + 45, days).clip(max=self.end_day - 1)

    def _events(self, rng: np.random.Generator) -> None:
        event_year = pd.Timestamp(self.event_day * DAY, unit="s").year
        days = np.concatenate([[self.event_day], self._quiet_days(rng, 3, self.end_day - 6 * YEAR)])
        names = [f"{words.EVENT_NAMES[0]} {event_year}", *words.EVENT_NAMES[1:4]]
        starts = days * DAY + np.array([9, 17, 18, 12]) * 3600
        ends = starts + np.array([8, 2, 2, 1]) * 3600
        status = ["ATTENDING", "ATTENDING", "RELINQUISHED", "ATTENDING"]
        url = ["https://example.com/data-summit", "", "", "https://example.com/roundtable"]
        order = np.argsort(-starts, kind="stable")
        when = (
            _format_times(starts, DATE_FORMATS["event"])
            + " - "
            + _format_times(ends, DATE_FORMATS["event"])
        )
        columns = [np.array(c, dtype=object)[order] for c in (names, when, status, url)]
        self.files["Events.csv"] = _csv_file("Events.csv", HEADERS["events"], columns)
        self.tables["events"] = pd.DataFrame(
            {
                "name": _text(columns[0]),
                "starts_at": _utc(starts[order]),
                "ends_at": _utc(ends[order]),
                "status": _text(columns[2]),
                "url": _text(columns[3]),
            }
        )
        self.stories["inbound_bump"]["event_name"] = names[0]

    def _company_follows(self, rng: np.random.Generator) -> None:
        size = max(8, round(self.n / 100))
        pages = [
            c for c in words.COMPANIES if c not in ("Freelance", "Self-employed", "Stealth Startup")
        ]
        organizations = rng.choice(
            np.asarray(pages, dtype=object), min(size, len(pages)), replace=False
        )
        when = self._daytime(self._quiet_days(rng, organizations.size, self.join_day + 30))
        order = np.argsort(-when, kind="stable")
        columns = [organizations[order], _format_times(when[order], DATE_FORMATS["company_follow"])]
        self.files["Company Follows.csv"] = _csv_file(
            "Company Follows.csv", HEADERS["company_follows"], columns, final_newline=False
        )
        self.tables["company_follows"] = pd.DataFrame(
            {"organization": _text(columns[0]), "followed_at": _utc(when[order])}
        )

    def _email_addresses(self) -> None:
        updated = np.array([self.end_day - 400, self.join_day + 2]) * DAY + 10 * 3600 + 24 * 60
        emails = np.array(["maya.lindqvist@example.com", "maya@nordlys-bank.example"], dtype=object)
        confirmed = np.array(["Yes", "Yes"], dtype=object)
        primary = np.array(["Yes", "No"], dtype=object)
        columns = [emails, confirmed, primary, _format_times(updated, DATE_FORMATS["invitation"])]
        self.files["Email Addresses.csv"] = _csv_file(
            "Email Addresses.csv", HEADERS["email_addresses"], columns, final_newline=False
        )
        self.tables["email_addresses"] = pd.DataFrame(
            {
                "email": _text(emails),
                "confirmed": confirmed == "Yes",
                "primary": primary == "Yes",
                "updated_on": _utc(updated),
            }
        )

    # -- the address book and an unrecognised file ----------------------------------------------
    def _address_book(self) -> None:
        """ImportedContacts.csv: some connections moved off LinkedIn, and other people."""
        rng = self.rng
        close = self._uniquely_named(np.flatnonzero(np.isin(self.classes, [CLOSE, DORMANT])))
        known = close[rng.random(close.size) < 0.6]
        strangers = max(6, round(self.n / 25))
        group = words.NAME_GROUPS["english"]
        first = list(self.first[known]) + list(_pick(rng, group[1], strangers))
        last = list(self.last[known]) + list(_pick(rng, words.ADDRESS_BOOK_LAST_NAMES, strangers))
        company = list(self.company[known]) + [""] * strangers
        title = list(self.position[known]) + [""] * strangers
        email = list(self.email[known]) + [
            f"{f.lower()}.{la.lower()}@example.org"
            for f, la in zip(first[known.size :], last[known.size :], strict=True)
        ]
        size = len(first)
        # North American numbers in 555-0100 to 555-0199, the range reserved for fiction.
        phone = np.where(
            rng.random(size) < 0.5,
            [
                "+1 {}{} 555 01{}{}".format(
                    rng.integers(20, 99), *(rng.integers(10, 99) % 10 for _ in range(3))
                )
                for _ in range(size)
            ],
            "",
        ).astype(object)
        created = self._before_end(
            self._daytime(rng.integers(self.end_day - 8 * YEAR, self.end_day - 1, size))
        )
        created = created // 60 * 60
        full = [f"{f} {la}" for f, la in zip(first, last, strict=True)]
        empty = [""] * size
        columns = [
            ["GOOGLE_CONTACTS"] * size,
            first,
            last,
            company,
            title,
            email,
            list(phone),
            _format_times(created, DATE_FORMATS["invitation"]),
            empty,
            empty,
            empty,
            full,
            empty,
            empty,
            empty,
            empty,
        ]
        self.files["ImportedContacts.csv"] = _csv_file(
            "ImportedContacts.csv", HEADERS["contacts"], columns
        )
        self.tables["contacts"] = pd.DataFrame(
            {
                "source": _text(columns[0]),
                "first_name": _text(first),
                "last_name": _text(last),
                "name": _text(full),
                "companies": _text(company),
                "title": _text(title),
                "emails": _text(email),
                "phone_numbers": _text(phone),
                "created_at": _utc(created),
                "person_id": _text(self._lookup_names(first, last)),
            }
        )
        self.stories["address_book_connections"] = list(self.pid[known])

    def _registration(self) -> None:
        """Registration.csv: a real export file netkit does not read."""
        when = _format_times(
            np.array([self.join_day * DAY + 20 * 3600 + 2 * 60]), DATE_FORMATS["invitation"]
        )
        self.files["Registration.csv"] = _csv_file(
            "Registration.csv", HEADERS["registration"], [when, ["198.51.100.23"], [""]]
        )

    # -- Complete-only activity ------------------------------------------------------------------
    def _activity_links(self, size: int, kind: str = "activity") -> np.ndarray:
        ids = self.rng.integers(
            6_800_000_000_000_000_000, 7_400_000_000_000_000_000, size, dtype="int64"
        )
        return np.array(
            [f"https://www.linkedin.com/feed/update/urn:li:{kind}:{i}" for i in ids], dtype=object
        )

    def _shares(self) -> None:
        """Shares: the owner's posts; each line of a multi-line post sits in its own quotes."""
        rng = self.rng
        size = max(8, round(self.n / 40))
        event = self.stories["inbound_bump"]["event_name"]
        job = self.stories["job_change"]
        planted = [
            f"Excited to share that I'm starting a new position as {job['title']} at "
            f"{job['company']}!\nGrateful to everyone at Orchid Pharma for six great years.",
            f"Thank you to everyone who came to my talk at {event}!\nSlides are in the comments.",
        ]
        texts = planted + list(_pick(rng, words.POSTS, size - 2))
        days = np.concatenate(
            [
                [self.post_day, self.event_day + 1],
                self._quiet_days(rng, size - 2, self.join_day + 2 * YEAR),
            ]
        )
        when = self._before_end(self._daytime(days))
        shared_url = np.where(rng.random(size) < 0.2, "https://example.com/blog/post", "").astype(
            object
        )
        media = np.where(
            rng.random(size) < 0.15,
            "https://media.licdn.com/dms/image/v2/D4E22AQExample/feedshare-shrink_800",
            "",
        ).astype(object)
        visibility = np.where(rng.random(size) < 0.95, "MEMBER_NETWORK", "CONNECTIONS_ONLY").astype(
            object
        )
        links = np.array(
            [
                link.replace(":", "%3A").replace("https%3A", "https:")
                for link in self._activity_links(size, "share")
            ],
            dtype=object,
        )
        written = np.array(['"\n"'.join(text.split("\n")) for text in texts], dtype=object)
        order = np.argsort(-when, kind="stable")
        columns = [
            _format_times(when[order], DATE_FORMATS["activity"]),
            links[order],
            written[order],
            shared_url[order],
            media[order],
            visibility[order],
        ]
        name = self._file_name("Shares")
        self.files[name] = _csv_file(name, HEADERS["shares"], columns)
        self.tables["shares"] = pd.DataFrame(
            {
                "shared_at": _utc(when[order]),
                "link": _text(links[order]),
                "text": _text(np.array(texts, dtype=object)[order]),
                "shared_url": _text(shared_url[order]),
                "media_url": _text(media[order]),
                "visibility": _text(visibility[order]),
            }
        )

    def _comments(self) -> None:
        """Comments: hand-written, because LinkedIn's own writer is not valid CSV.

        A comment with a comma is quoted (quotes inside escaped as ``\\"`` in 2026, doubled
        before); a comment without a comma is written as is, so a multi-line one spills its
        later lines into rows of their own.
        """
        rng = self.rng
        size = max(10, round(self.n / 30))
        planted = [
            words.MULTILINE_COMMENTS_NO_COMMA[0],
            words.QUOTED_COMMENTS[0],
            words.MULTILINE_COMMENTS_WITH_COMMA[0],
        ]
        kind = rng.random(size - len(planted))
        pool = np.where(
            kind < 0.06,
            _pick(rng, words.MULTILINE_COMMENTS_NO_COMMA, kind.size),
            np.where(
                kind < 0.09,
                _pick(rng, words.QUOTED_COMMENTS, kind.size),
                np.where(
                    kind < 0.12,
                    _pick(rng, words.MULTILINE_COMMENTS_WITH_COMMA, kind.size),
                    _pick(rng, words.COMMENTS, kind.size),
                ),
            ),
        )
        texts = np.array(planted + list(pool), dtype=object)
        when = self._before_end(
            self._daytime(rng.integers(self.end_day - 6 * YEAR, self.end_day - 1, size))
        )
        links = self._activity_links(size)
        order = np.argsort(-when, kind="stable")
        texts, when, links = texts[order], when[order], links[order]
        escape = '\\"' if self.style == "2026" else '""'
        lines = ["Date,Link,Message"]
        stray = 0
        for stamp, link, text in zip(
            _format_times(when, DATE_FORMATS["activity"]), links, texts, strict=True
        ):
            if "," in text:
                text = '"' + text.replace('"', escape) + '"'
            else:
                stray += text.count("\n")
            lines.append(f"{stamp},{link},{text}")
        name = self._file_name("Comments")
        self.files[name] = _text_file(name, "\n".join(lines) + "\n")
        self.tables["comments"] = pd.DataFrame(
            {"commented_at": _utc(when), "link": _text(links), "text": _text(texts)}
        )
        self.stories["stray_comment_rows"] = stray

    def _reactions(self) -> None:
        rng = self.rng
        size = max(30, round(self.n / 3))
        types = np.array(
            ["LIKE", "EMPATHY", "PRAISE", "ENTERTAINMENT", "APPRECIATION", "INTEREST", "MAYBE"],
            dtype=object,
        )
        kind = types[rng.choice(types.size, size, p=[0.62, 0.1, 0.12, 0.04, 0.05, 0.06, 0.01])]
        when = np.sort(
            self._before_end(
                self._daytime(rng.integers(self.end_day - 7 * YEAR, self.end_day - 1, size))
            )
        )[::-1]
        links = self._activity_links(size)
        columns = [_format_times(when, DATE_FORMATS["activity"]), kind, links]
        name = self._file_name("Reactions")
        self.files[name] = _csv_file(name, HEADERS["reactions"], columns)
        self.tables["reactions"] = pd.DataFrame(
            {"reacted_at": _utc(when), "type": _text(kind), "link": _text(links)}
        )

    def _member_follows(self) -> None:
        """Member_Follows: people the owner follows, by full name only."""
        rng = self.rng
        close = self._uniquely_named(np.flatnonzero(self.classes == CLOSE))
        followed = rng.choice(close, min(3, close.size), replace=False)
        first = [f for f, _ in words.FOLLOWED_MEMBERS] + list(self.first[followed])
        last = [la for _, la in words.FOLLOWED_MEMBERS] + list(self.last[followed])
        size = len(first)
        when = np.sort(
            self._before_end(
                self._daytime(rng.integers(self.end_day - 5 * YEAR, self.end_day - 1, size))
            )
        )[::-1]
        status = np.where(rng.random(size) < 0.15, "Unfollow", "Active").astype(object)
        full = np.array([f"{f} {la}" for f, la in zip(first, last, strict=True)], dtype=object)
        columns = [_format_times(when, DATE_FORMATS["activity"]), status, full]
        name = self._file_name("Member_Follows")
        self.files[name] = _csv_file(name, HEADERS["member_follows"], columns)
        self.tables["member_follows"] = pd.DataFrame(
            {
                "followed_at": _utc(when),
                "status": _text(status),
                "name": _text(full),
                "person_id": _text(self._lookup_names(first, last)),
            }
        )
