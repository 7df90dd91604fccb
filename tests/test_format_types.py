"""Column types of every table, checked on every fixture export of the specification tests.

api.md, "Column conventions": text → pandas 3's default string dtype, missing as that dtype
represents it, never ``""``; timestamps → ``datetime64[us, UTC]``; flags → ``bool`` (``boolean``
where unknown is possible); counts → ``int64``; ``recipient_ids`` → one list per row, and
``explode`` gives one value per row.
"""

from __future__ import annotations

import pandas as pd
import pytest
from fixtures import collect_exports

TEXT = "text"
TIME = "time"
FLAG = "flag"  # strictly bool: never unknown
FLAG_OR_UNKNOWN = "flag?"  # bool or nullable boolean
COUNT = "count"

SCHEMA: dict[str, dict[str, str]] = {
    "connections": {
        **dict.fromkeys(
            [
                "person_id",
                "first_name",
                "last_name",
                "name",
                "profile_url",
                "email",
                "company",
                "position",
            ],
            TEXT,
        ),
        "connected_on": TIME,
        "is_hidden": FLAG,
    },
    "messages": {
        **dict.fromkeys(
            [
                "conversation_id",
                "conversation_title",
                "direction",
                "sender_id",
                "sender_name",
                "recipient_names",
                "subject",
                "content",
                "folder",
            ],
            TEXT,
        ),
        "sent_at": TIME,
        "is_sponsored": FLAG,
        "is_draft": FLAG_OR_UNKNOWN,
        "is_group": FLAG_OR_UNKNOWN,
    },
    "invitations": {
        **dict.fromkeys(["direction", "person_id", "name", "message"], TEXT),
        "sent_at": TIME,
        "has_note": FLAG,
    },
    "endorsements": {
        **dict.fromkeys(["direction", "person_id", "name", "skill", "status"], TEXT),
        "endorsed_at": TIME,
    },
    "recommendations": {
        **dict.fromkeys(
            ["direction", "person_id", "name", "company", "job_title", "text", "status"], TEXT
        ),
        "created_at": TIME,
    },
    "people": {
        **dict.fromkeys(["person_id", "name", "company", "position"], TEXT),
        "connected_on": TIME,
        "is_connection": FLAG,
    },
    "interactions": {
        **dict.fromkeys(["person_id", "channel", "direction", "conversation_id"], TEXT),
        "timestamp": TIME,
        "is_group": FLAG_OR_UNKNOWN,
        "weight": COUNT,
    },
    "problems": dict.fromkeys(["file", "column", "value", "reason"], TEXT),
    "files": {
        **dict.fromkeys(["path", "kind", "format_version", "encoding"], TEXT),
        "rows_read": COUNT,
        "rows_kept": COUNT,
    },
    "positions": {
        **dict.fromkeys(["company", "title", "description", "location"], TEXT),
        "started_on": TIME,
        "finished_on": TIME,
        "is_current": FLAG,
    },
    "events": {
        **dict.fromkeys(["name", "status", "url"], TEXT),
        "starts_at": TIME,
        "ends_at": TIME,
    },
    "shares": {
        **dict.fromkeys(["link", "text", "shared_url", "media_url", "visibility"], TEXT),
        "shared_at": TIME,
    },
    "comments": {**dict.fromkeys(["link", "text"], TEXT), "commented_at": TIME},
    "reactions": {**dict.fromkeys(["type", "link"], TEXT), "reacted_at": TIME},
    "company_follows": {"organization": TEXT, "followed_at": TIME},
    "member_follows": {**dict.fromkeys(["status", "name"], TEXT), "followed_at": TIME},
    "contacts": dict.fromkeys(["source", "first_name", "last_name", "emails"], TEXT),
}

# Always present (empty when their files are absent); the others only "where present" (api.md).
ALWAYS = {
    "connections",
    "messages",
    "invitations",
    "endorsements",
    "recommendations",
    "people",
    "interactions",
    "problems",
    "files",
}

EXPORTS = collect_exports()


def tables(ex):
    for table in SCHEMA:
        frame = getattr(ex, table, None)
        if frame is None:
            assert table not in ALWAYS, f"ex.{table} is missing"
            continue
        assert isinstance(frame, pd.DataFrame), table
        yield table, frame


def check_column(table: str, column: str, series: pd.Series, kind: str) -> None:
    where = f"{table}.{column}: {series.dtype}"
    if kind == TEXT:
        assert isinstance(series.dtype, pd.StringDtype), where
        assert not (series.dropna() == "").any(), f"{table}.{column} holds '' for missing"
    elif kind == TIME:
        assert str(series.dtype) == "datetime64[us, UTC]", where
    elif kind == FLAG:
        assert series.dtype == bool, where
    elif kind == FLAG_OR_UNKNOWN:
        assert series.dtype == bool or str(series.dtype) == "boolean", where
    elif kind == COUNT:
        assert pd.api.types.is_integer_dtype(series.dtype), where


@pytest.mark.parametrize("fixture_name", sorted(EXPORTS))
def test_every_table_has_the_convention_types(load, fixture_name):
    ex = load(EXPORTS[fixture_name])
    for table, frame in tables(ex):
        for column, kind in SCHEMA[table].items():
            assert column in frame.columns, f"{table} lacks {column}"
            check_column(table, column, frame[column], kind)


@pytest.mark.parametrize("fixture_name", sorted(EXPORTS))
def test_recipient_ids_are_lists_that_explode(load, fixture_name):
    ex = load(EXPORTS[fixture_name])
    ids = ex.messages["recipient_ids"]
    assert ids.map(lambda value: isinstance(value, list)).all()
    exploded = ids.explode().dropna()
    assert exploded.map(lambda value: isinstance(value, str) and value != "").all()
    expected = int(ids.map(len).sum())
    assert len(exploded) == expected


@pytest.mark.parametrize("fixture_name", sorted(EXPORTS))
def test_no_empty_string_in_any_text_column(load, fixture_name):
    ex = load(EXPORTS[fixture_name])
    for table, frame in tables(ex):
        for column in frame.columns:
            if isinstance(frame[column].dtype, pd.StringDtype):
                assert not (frame[column].dropna() == "").any(), f"{table}.{column}"
