"""The export's files, described as data.

Each file LinkedIn has shipped since 2017 is one `FileSpec` row in `FILE_SPECS`: the names it goes
by, the header names of every era mapped to one tidy column name, the columns it cannot do
without, the date formats of its date columns, and the quirk repairs it needs. The reader
(`netkit.read`) walks this table and knows nothing else about LinkedIn. A new export format is a
new row (or a new header alias) here, not a new ``if`` in the reader.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = [
    "DATE_FORMATS",
    "FILE_SPECS",
    "FileSpec",
    "header_key",
    "match_spec",
]

# Every date format seen in real exports, most common first. A date column tries its own
# preferred formats first, then all of these: LinkedIn has changed formats inside one file name.
DATE_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d %H:%M:%S UTC",  # messages.csv 2021+
    "%d %b %Y",  # Connections.csv 2018-10+
    "%m/%d/%y, %I:%M %p",  # Invitations, Recommendations (zero-padded or not), 2018 files
    "%Y/%m/%d %H:%M:%S UTC",  # endorsements
    "%Y-%m-%d %H:%M:%S",  # activity files, no zone
    "%Y-%m-%dT%H:%M:%S",  # 2020 messages
    "%a %b %d %H:%M:%S UTC %Y",  # Company Follows
    "%B %d, %Y, %I:%M %p",  # 2017 Inbox.csv
    "%b %d, %Y %I:%M %p",  # Events (each end of the range)
    "%b %d, %Y, %I:%M %p",
    "%b %d, %Y",  # Profile birth date, some 2018 files
    "%B %d, %Y",
    "%d-%b-%y",  # Excel re-save
    "%d-%b-%Y",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%Y-%m-%d",
    "%b %Y",  # Positions, Education
    "%Y",
)

_MONTH_YEAR = ("%b %Y", "%Y", "%B %Y", "%m/%Y", "%Y-%m")


def header_key(name: str) -> str:
    """A header name reduced to lower-case letters and digits: ``"Sent At"`` -> ``"sentat"``."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


@dataclass(frozen=True)
class FileSpec:
    """How to read one kind of export file.

    Attributes
    ----------
    table
        The `Export` attribute the rows go to (``"connections"``, ``"messages"``...).
    names
        File names without ``.csv``, as LinkedIn has written them (matched case-insensitively,
        a ``_1``/``_2`` part suffix or a 5+ digit member-id suffix allowed).
    columns
        Header name (any era, compared by `header_key`) -> tidy column name.
    required
        Tidy columns the file must have: without one of them the file cannot be read.
    eras
        ``(label, marker columns)`` newest first: the first era whose markers are all present
        names the file's ``format_version``.
    dates
        Tidy date column -> preferred formats (tried before the rest of `DATE_FORMATS`).
    ranges
        A column holding ``"start - end"`` -> the two tidy columns it splits into.
    flags
        Yes/No columns read as booleans.
    strip
        Text columns stripped of surrounding white space (names, companies).
    constants
        Columns with one value for the whole file (``direction`` of a "given" file).
    repair
        The name of a whole-file repair for a known LinkedIn bug (``"comments"``, ``"shares"``).
    dedupe
        Columns that identify a record: repeated records are dropped, each with a ``problems``
        row (``reason="duplicate"``). ``("*",)`` means every column.
    folder
        The sub-folder the file sits in, if any (``"Jobs"``).
    legacy
        Columns only old eras have: added to the table only when the file has them, so that
        every other column is always present, whatever the era.
    """

    table: str
    names: tuple[str, ...]
    columns: Mapping[str, str]
    required: tuple[str, ...]
    eras: tuple[tuple[str, tuple[str, ...]], ...] = (("any", ()),)
    dates: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    ranges: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    flags: tuple[str, ...] = ()
    strip: tuple[str, ...] = ()
    constants: Mapping[str, str] = field(default_factory=dict)
    repair: str | None = None
    dedupe: tuple[str, ...] = ()
    folder: str | None = None
    #: columns of old eras only: present in the table only when the file has them
    legacy: tuple[str, ...] = ()
    #: a readable header name for each tidy column (the first listed), for error messages
    header_names: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        readable: dict[str, str] = {}
        for header, column in self.columns.items():
            readable.setdefault(column, header)
        keyed = {header_key(header): column for header, column in self.columns.items()}
        object.__setattr__(self, "columns", keyed)
        object.__setattr__(self, "header_names", readable)

    @property
    def tidy_columns(self) -> list[str]:
        """Every tidy column this spec can produce, in table order."""
        out: list[str] = []
        for column in self.columns.values():
            for name in self.ranges.get(column, (column,)):
                if name not in out:
                    out.append(name)
        return out + [c for c in self.constants if c not in out]

    def era(self, present: set[str]) -> str:
        for label, markers in self.eras:
            if all(marker in present for marker in markers):
                return label
        return self.eras[-1][0]


_MESSAGE_COLUMNS = {
    "CONVERSATION ID": "conversation_id",
    "CONVERSATION TITLE": "conversation_title",
    "FROM": "sender_name",
    "SENDER PROFILE URL": "sender_url",
    "TO": "recipient_names",
    "RECIPIENT PROFILE URLS": "recipient_urls",
    "DATE": "sent_at",
    "SUBJECT": "subject",
    "CONTENT": "content",
    "FOLDER": "folder",
    "DIRECTION": "direction_raw",
    "IS MESSAGE DRAFT": "is_draft",
    "IS CONVERSATION DRAFT": "is_conversation_draft",
    "ATTACHMENTS": "attachments",
}
_MESSAGE_ERAS = (
    ("2025-11", ("attachments",)),
    ("2024-10", ("is_draft",)),
    ("2024-10", ("is_conversation_draft",)),
    ("2023-04", ("recipient_urls",)),
    ("2021", ("conversation_id",)),
    ("2018", ("direction_raw",)),
    ("2017", ()),
)
_MESSAGE_SPEC = dict(
    columns=_MESSAGE_COLUMNS,
    required=("sender_name", "recipient_names", "sent_at", "content"),
    eras=_MESSAGE_ERAS,
    dates={"sent_at": ("%Y-%m-%d %H:%M:%S UTC",)},
    flags=("is_draft", "is_conversation_draft"),
    dedupe=("*",),
)


def _endorsements(role: str, direction: str, names: tuple[str, ...]) -> FileSpec:
    return FileSpec(
        table="endorsements",
        names=names,
        columns={
            "Endorsement Date": "endorsed_at",
            "Skill Name": "skill",
            f"{role} First Name": "first_name",
            f"{role} Last Name": "last_name",
            f"{role} Public Url": "profile_url",
            "Endorsement Status": "status",
        },
        required=("endorsed_at", "skill", "first_name", "last_name"),
        eras=(("2024", ("profile_url",)), ("2018", ())),
        dates={"endorsed_at": ("%Y/%m/%d %H:%M:%S UTC",)},
        strip=("first_name", "last_name", "skill"),
        constants={"direction": direction},
        dedupe=("endorsed_at", "skill", "first_name", "last_name", "direction"),
    )


def _recommendations(direction: str, name: str) -> FileSpec:
    return FileSpec(
        table="recommendations",
        names=(name,),
        columns={
            "First Name": "first_name",
            "Last Name": "last_name",
            "Company": "company",
            "Job Title": "job_title",
            "Text": "text",
            "Creation Date": "created_at",
            "Status": "status",
        },
        required=("first_name", "last_name", "created_at"),
        dates={"created_at": ("%m/%d/%y, %I:%M %p",)},
        strip=("first_name", "last_name", "company", "job_title"),
        constants={"direction": direction},
    )


#: The table of export files the reader walks.
FILE_SPECS: tuple[FileSpec, ...] = (
    FileSpec(
        table="connections",
        names=("Connections",),
        columns={
            "First Name": "first_name",
            "Last Name": "last_name",
            "URL": "profile_url",
            "Email Address": "email",
            "Company": "company",
            "Position": "position",
            "Connected On": "connected_on",
            "Address": "address",
            "Websites": "websites",
            "Instant Messengers": "instant_messengers",
        },
        required=("first_name", "last_name", "connected_on"),
        eras=(("2023-06", ("profile_url",)), ("2017", ("address",)), ("2018-10", ())),
        dates={"connected_on": ("%d %b %Y", "%m/%d/%y, %I:%M %p", "%d-%b-%y")},
        strip=("first_name", "last_name", "email", "company", "position", "profile_url"),
        legacy=("address", "websites", "instant_messengers"),
    ),
    FileSpec(table="messages", names=("messages", "Inbox"), **_MESSAGE_SPEC),
    FileSpec(
        table="assistant_messages",
        names=(
            "coach_messages",
            "learning_coach_messages",
            "learning_role_play_messages",
            "guide_messages",
            "LearningCoachMessages",
        ),
        **_MESSAGE_SPEC,
    ),
    FileSpec(
        table="invitations",
        names=("Invitations",),
        columns={
            "From": "from_name",
            "To": "to_name",
            "Sent At": "sent_at",
            "Message": "message",
            "Direction": "direction_raw",
            "inviterProfileUrn": "inviter_urn",
            "inviteeProfileUrn": "invitee_urn",
            "inviterProfileUrl": "inviter_url",
            "inviteeProfileUrl": "invitee_url",
        },
        required=("from_name", "to_name", "sent_at", "direction_raw"),
        eras=(("2023-11", ("inviter_url",)), ("2023-07", ("inviter_urn",)), ("2018", ())),
        dates={"sent_at": ("%m/%d/%y, %I:%M %p",)},
        strip=("from_name", "to_name", "inviter_url", "invitee_url"),
    ),
    _endorsements(
        "Endorser", "received", ("Endorsement_Received_Info", "Endorsement Received Info")
    ),
    _endorsements("Endorsee", "given", ("Endorsement_Given_Info", "Endorsement Given Info")),
    _recommendations("received", "Recommendations_Received"),
    _recommendations("given", "Recommendations_Given"),
    FileSpec(
        table="profile",
        names=("Profile",),
        columns={
            "First Name": "first_name",
            "Last Name": "last_name",
            "Maiden Name": "maiden_name",
            "Address": "address",
            "Birth Date": "birth_date",
            "Headline": "headline",
            "Summary": "summary",
            "Industry": "industry",
            "Zip Code": "zip_code",
            "Geo Location": "geo_location",
            "Twitter Handles": "twitter_handles",
            "Websites": "websites",
            "Instant Messengers": "instant_messengers",
            "Contact Instructions": "contact_instructions",
            "Country": "country",
        },
        required=("first_name", "last_name"),
        eras=(("2018", ("contact_instructions",)), ("2019", ())),
        strip=("first_name", "last_name", "maiden_name"),
        legacy=("contact_instructions", "country"),
    ),
    FileSpec(
        table="positions",
        names=("Positions",),
        columns={
            "Company Name": "company",
            "Title": "title",
            "Description": "description",
            "Location": "location",
            "Started On": "started_on",
            "Finished On": "finished_on",
        },
        required=("company", "started_on"),
        dates={"started_on": _MONTH_YEAR, "finished_on": _MONTH_YEAR},
        strip=("company", "title", "location"),
    ),
    FileSpec(
        table="education",
        names=("Education",),
        columns={
            "School Name": "school",
            "Start Date": "started_on",
            "End Date": "finished_on",
            "Notes": "notes",
            "Degree Name": "degree",
            "Activities": "activities",
        },
        required=("school",),
        dates={"started_on": _MONTH_YEAR, "finished_on": _MONTH_YEAR},
        strip=("school", "degree"),
    ),
    FileSpec(
        table="events",
        names=("Events",),
        columns={
            "Event Name": "name",
            "Event Time": "event_time",
            "Status": "status",
            "External Url": "url",
        },
        required=("name", "event_time"),
        ranges={"event_time": ("starts_at", "ends_at")},
        dates={"starts_at": ("%b %d, %Y %I:%M %p",), "ends_at": ("%b %d, %Y %I:%M %p",)},
    ),
    FileSpec(
        table="company_follows",
        names=("Company Follows",),
        columns={"Organization": "organization", "Followed On": "followed_at"},
        required=("organization", "followed_at"),
        dates={"followed_at": ("%a %b %d %H:%M:%S UTC %Y",)},
        strip=("organization",),
    ),
    FileSpec(
        table="member_follows",
        names=("Member_Follows",),
        columns={"Date": "followed_at", "Status": "status", "FullName": "name"},
        required=("followed_at", "name"),
        dates={"followed_at": ("%Y-%m-%d %H:%M:%S",)},
        strip=("name",),
    ),
    FileSpec(
        table="reactions",
        names=("Reactions",),
        columns={"Date": "reacted_at", "Type": "type", "Link": "link"},
        required=("reacted_at", "type"),
        dates={"reacted_at": ("%Y-%m-%d %H:%M:%S",)},
    ),
    FileSpec(
        table="comments",
        names=("Comments",),
        columns={"Date": "commented_at", "Link": "link", "Message": "text"},
        required=("commented_at", "text"),
        dates={"commented_at": ("%Y-%m-%d %H:%M:%S",)},
        repair="comments",
    ),
    FileSpec(
        table="shares",
        names=("Shares",),
        columns={
            "Date": "shared_at",
            "ShareLink": "link",
            "ShareCommentary": "text",
            "SharedUrl": "shared_url",
            "MediaUrl": "media_url",
            "Visibility": "visibility",
        },
        required=("shared_at",),
        dates={"shared_at": ("%Y-%m-%d %H:%M:%S",)},
        repair="shares",
    ),
    FileSpec(
        table="contacts",
        names=("ImportedContacts", "Contacts", "Imported Contacts"),
        columns={
            "Source": "source",
            "FirstName": "first_name",
            "LastName": "last_name",
            "Companies": "companies",
            "Title": "title",
            "Emails": "emails",
            "PhoneNumbers": "phone_numbers",
            "CreatedAt": "created_at",
            "Addresses": "addresses",
            "Sites": "sites",
            "InstantMessageHandles": "instant_message_handles",
            "FullName": "full_name",
            "Birthday": "birthday",
            "Location": "location",
            "BookmarkedAt": "bookmarked_at",
            "Profiles": "profiles",
        },
        required=("first_name", "last_name"),
        dates={"created_at": ("%m/%d/%y, %I:%M %p",), "bookmarked_at": ("%m/%d/%y, %I:%M %p",)},
        strip=("first_name", "last_name", "companies", "title"),
        legacy=(
            "addresses",
            "sites",
            "instant_message_handles",
            "full_name",
            "birthday",
            "location",
            "bookmarked_at",
            "profiles",
        ),
    ),
    FileSpec(
        table="email_addresses",
        names=("Email Addresses",),
        columns={
            "Email Address": "email",
            "Confirmed": "confirmed",
            "Primary": "primary",
            "Updated On": "updated_on",
        },
        required=("email",),
        dates={"updated_on": ("%m/%d/%y, %I:%M %p",)},
        flags=("confirmed", "primary"),
        strip=("email",),
    ),
)


def _name_pattern(spec: FileSpec) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(name) for name in spec.names)
    folder = rf"{re.escape(spec.folder)}/" if spec.folder else ""
    return re.compile(rf"^{folder}(?:{alternatives})(?:_(?P<suffix>\d+))?\.csv$", re.IGNORECASE)


_PATTERNS = [(spec, _name_pattern(spec)) for spec in FILE_SPECS]


def match_spec(path: str) -> FileSpec | None:
    """The spec of the member at `path` (``"Connections.csv"``, ``"Jobs/..."``), or None."""
    for spec, pattern in _PATTERNS:
        if pattern.match(path):
            return spec
    return None
