"""The vectorized paths agree with the plain Python rule they replace, for all inputs.

Loading a million messages works per distinct value, in Arrow and with integer codes; these
properties pin each shortcut to the obvious one-value-at-a-time definition.
"""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netkit._distinct import ListColumn
from netkit.people import _slug_id, person_ids

SLUG_CHARS = st.sampled_from(list("abcXYZ-09_%C3A1é İß/?# \u00a0"))
URLS = st.one_of(
    st.none(),
    st.builds(
        lambda prefix, slug, tail: prefix + slug + tail,
        st.sampled_from(
            ["https://www.linkedin.com/in/", "www.linkedin.com/in/", "https://x.com/", "/in/", ""]
        ),
        st.text(SLUG_CHARS, max_size=12),
        st.sampled_from(["", "/", "?trk=x", "#a", " "]),
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(URLS, max_size=20))
def test_person_ids_match_the_one_url_rule(urls):
    got = person_ids(pd.Series(urls, dtype="str")).tolist()
    expected = [_slug_id(url) if url is not None else None for url in urls]
    assert [None if pd.isna(g) else g for g in got] == expected


IDS = st.lists(st.sampled_from(["ann", "bob", "chen-wei", "dé"]), max_size=4)


@settings(max_examples=200, deadline=None)
@given(st.lists(IDS, max_size=6), st.lists(st.integers(0, 5), max_size=30), st.data())
def test_list_column_explodes_like_pandas(distinct, picks, data):
    """Rows share list objects (as resolve makes them) or hold their own copies."""
    distinct = distinct or [[]]
    rows = [
        distinct[i % len(distinct)]
        if data.draw(st.booleans())
        else list(distinct[i % len(distinct)])
        for i in picks
    ]
    column = pd.Series(rows, dtype=object)
    chosen = np.array(
        sorted(data.draw(st.sets(st.integers(0, max(len(rows) - 1, 0)), max_size=len(rows)))),
        dtype=np.int64,
    )
    chosen = chosen[chosen < len(rows)]
    parent, values = ListColumn(column).explode(chosen)
    expected = column.iloc[chosen].reset_index(drop=True).explode().dropna()
    assert parent.tolist() == expected.index.tolist()
    assert list(values) == expected.tolist()
    items = ListColumn(column).distinct_items(chosen)
    assert sorted(items) == sorted(set(expected))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.sampled_from(["ann", "bob", "chen", "dé"])), max_size=30),
    st.lists(st.sampled_from(["ann", "chen", "zed"]), max_size=4),
)
def test_positions_in_is_get_indexer(values, ids):
    """Looking up the distinct values only gives every row's position, -1 absent or missing."""
    from netkit._distinct import positions_in

    column = pd.Series(values, dtype="str")
    index = pd.Index(ids, dtype="str").unique()
    expected = [index.get_loc(v) if isinstance(v, str) and v in index else -1 for v in values]
    assert positions_in(column, index).tolist() == expected  # text: looked up in Arrow
    assert positions_in(pd.Index(column), index).tolist() == expected
    as_objects = pd.Series(values, dtype=object)  # anything else: through pandas
    assert positions_in(as_objects, pd.Index(list(index), dtype=object)).tolist() == expected


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.sampled_from(["ann", "bob", "chen", "dé"])), max_size=30),
    st.lists(st.sampled_from(["ann", "chen", "zed", "dé"]), min_size=1, max_size=4, unique=True),
    st.sampled_from(["str", "float64", "datetime64[us, UTC]"]),
)
def test_looked_up_is_pandas_map(values, ids, dtype):
    """`looked_up` gives what ``Series.map(mapping)`` gives, aligned on the values."""
    from netkit._distinct import looked_up

    index = pd.Index(ids, dtype="str")
    answers = {
        "str": [f"name of {key}" for key in ids],
        "float64": [float(len(key)) for key in ids],
        "datetime64[us, UTC]": [pd.Timestamp(2024, 1, 1 + i, tz="UTC") for i in range(len(ids))],
    }[dtype]
    mapping = pd.Series(answers, index=index, dtype=dtype)
    column = pd.Series(values, dtype="str", index=np.arange(len(values)) * 3, name="person_id")
    found = looked_up(column, mapping)
    if values:
        pd.testing.assert_series_equal(found, column.map(mapping))
    # Nothing to look up, or an empty mapping: the mapping's type all the same (pandas' map
    # keeps the values' type, or falls back to float64).
    assert found.dtype == mapping.dtype
    nothing = looked_up(column, mapping.iloc[:0])
    assert nothing.dtype == mapping.dtype
    assert nothing.isna().all()


WORDS = ["Quick", "call", "COFFEE", "referral", "job", "invest", "Investor", "hi", "Zoom", "é"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.lists(st.sampled_from([*WORDS, " ", "\n", "!"]), max_size=8)),
        max_size=12,
    ),
    st.lists(st.sampled_from(["quick call", "coffee", "invest*", "referral", "zoom"]), min_size=1),
)
def test_lexicon_matching_is_python_re_case_insensitive(texts, entries):
    """Matching lower-cased text against a lexicon equals a case-insensitive `re.search`."""
    from netkit.metrics.invitations import _contains, compile_lexicon

    pattern = compile_lexicon(entries)
    column = pd.Series([None if t is None else " ".join(t) for t in texts], dtype="str")
    expected = [bool(pattern.search(t)) if isinstance(t, str) else False for t in column]
    assert _contains(column, pattern).tolist() == expected


#: Pieces glued with no space between them, so that every entry meets every neighbour: ASCII
#: and non-ASCII letters, digits, underscores, Python's non-ASCII white space, apostrophes.
TWIN_PIECES = ["call", "Quick", "coffee", "café", "Über", "über", "investor", "don't", "don’t",
               "c++", "$5", "x", "é", "_", "7", " ", "\n", "\x0b", "\x1c", "\u00a0", "\u2003",
               "\u3000", "-", ".", "ß", "ok"]  # fmt: skip
TWIN_ENTRIES = ["quick call", "coffee", "café", "über*", "invest*", "don't", "c++", "$5", "ok"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.lists(st.sampled_from(TWIN_PIECES), max_size=8)), max_size=12),
    st.lists(st.sampled_from(TWIN_ENTRIES), min_size=1),
)
def test_lexicon_twin_in_arrow_finds_what_python_re_finds(texts, entries):
    """A lexicon matched by its RE2 twin in Arrow holds exactly where Python's `re` finds a
    case-insensitive match, word boundaries next to non-ASCII letters and white space
    included."""
    from netkit.metrics.invitations import _arrow_twin, _contains, compile_lexicon

    pattern = compile_lexicon(entries)
    assert _arrow_twin(pattern.pattern) is not None  # the Arrow path is the one under test
    column = pd.Series([None if t is None else "".join(t) for t in texts], dtype="str")
    expected = [bool(pattern.search(t)) if isinstance(t, str) else False for t in column]
    assert _contains(column, pattern).tolist() == expected


def test_lexicon_twin_refuses_patterns_it_cannot_read():
    """Only `compile_lexicon`'s own pieces have a twin; anything else goes through pandas."""
    from netkit.metrics.invitations import _arrow_twin

    assert _arrow_twin(r"\bcall\b|\bquick\s+call\b") is not None
    assert _arrow_twin(r"(?:call)") is None
    assert _arrow_twin(r"ca\bll") is None
    assert _arrow_twin(r"call\d") is None


def test_lexicon_twin_space_is_python_white_space():
    """`_SPACE` lists exactly the characters Python's `str.isspace` calls white space."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from netkit.metrics.invitations import _SPACE

    characters = [chr(c) for c in range(0x3001)]
    found = pc.match_substring_regex(pa.array(characters), f"^{_SPACE}$").to_pylist()
    assert [c for c, hit in zip(characters, found, strict=True) if hit] == [
        c for c in characters if c.isspace()
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.text(st.sampled_from(list("ab é\t\n\r\x0b\x0c\u00a0\u2003.")))),
        max_size=25,
    ),
    st.integers(1, 7),
    st.booleans(),
)
def test_word_counts_match_the_word_pattern(texts, batch, large):
    """Counting word starts in the text bytes equals counting `_WORD` matches, text by text, on
    slices of a two-chunk column in threads (as `_message_text` reads it), with 32- and 64-bit
    offsets."""
    import re

    import pyarrow as pa

    from netkit._parallel import map_slices
    from netkit.metrics.ties import _WORD, _count_words

    half = len(texts) // 2
    kind = pa.large_string() if large else pa.string()
    column = pa.chunked_array([pa.array(texts[:half], kind), pa.array(texts[half:], kind)])
    found = map_slices(
        lambda rows: _count_words(column.slice(rows.start, rows.stop - rows.start), batch=batch),
        len(texts),
        rows=batch,
    )
    expected = [len(re.findall(_WORD, t)) if isinstance(t, str) else 0 for t in texts]
    assert np.concatenate([np.zeros(0, np.int64), *found]).tolist() == expected


#: Pieces of message text around the contact-details and meeting patterns' edges.
MATCH_PIECES = ["Call", "coffee", "ZOOM", "catch-up", "a@b.co", "x.y@mail.example.org", "12",
                "+45 20 12 34 56", "(555) 010-0199", "555.010.0199", "é", " ", "\n", ".",
                "meet", "meeting", "recall", "Z", "\\Z"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.lists(st.sampled_from(MATCH_PIECES), max_size=8).map("".join)),
        max_size=20,
    ),
    st.integers(1, 5),
)
def test_arrow_matching_is_python_re(texts, workers):
    """The contact-details and meeting patterns give in Arrow (sliced, in threads) what
    Python's `re` gives, end-of-text anchors included."""
    import re

    import pyarrow as pa

    from netkit._parallel import map_slices
    from netkit.metrics.ties import CONTACT_DETAILS, _matches, _re2, meeting_pattern

    column = pa.chunked_array([pa.array(texts[:3], pa.string()), pa.array(texts[3:], pa.string())])
    for pattern in (CONTACT_DETAILS, meeting_pattern()):
        expected = [bool(re.search(pattern, t)) if t is not None else False for t in texts]
        found = map_slices(
            lambda rows, p=pattern: _matches(
                column.slice(rows.start, rows.stop - rows.start), _re2(p)
            ),
            len(texts),
            rows=workers,
        )
        assert np.concatenate([np.zeros(0, bool), *found]).tolist() == expected, pattern.pattern


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.lists(st.sampled_from(MATCH_PIECES), max_size=8).map("".join)),
        max_size=20,
    )
)
def test_patterns_matched_together_equal_each_alone(texts):
    """The one-pass prefilter of several patterns finds what each pattern finds alone."""
    import pyarrow as pa

    from netkit.metrics.ties import CONTACT_DETAILS, _match_each, _matches, _re2, meeting_pattern

    column = pa.chunked_array([pa.array(texts[:4], pa.string()), pa.array(texts[4:], pa.string())])
    patterns = [_re2(CONTACT_DETAILS), _re2(meeting_pattern())]
    together = _match_each(column, patterns)
    for found, pattern in zip(together, patterns, strict=True):
        assert found.tolist() == _matches(column, pattern).tolist()


def test_map_slices_covers_every_row_once_in_order():
    from netkit._parallel import map_slices

    assert map_slices(lambda rows: (rows.start, rows.stop), 10, rows=4) == [(0, 4), (4, 8), (8, 10)]
    assert map_slices(lambda rows: (rows.start, rows.stop), 0) == [(0, 0)]


@pytest.mark.parametrize("cores", [1, 2])
def test_in_background_hands_back_the_result_or_the_error(monkeypatch, cores):
    import threading

    from netkit._parallel import in_background

    monkeypatch.setattr("os.cpu_count", lambda: cores)
    where = in_background(lambda: threading.current_thread().name).result(timeout=60)
    assert where.startswith("netkit-background") == (cores > 1)

    def fail():
        raise ValueError("unreadable")

    with pytest.raises(ValueError, match="unreadable"):
        in_background(fail).result(timeout=60)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.lists(st.one_of(st.none(), st.text(max_size=4)), max_size=6), max_size=5),
    st.data(),
)
def test_take_rows_is_iloc(chunks, data):
    """Taking chunk by chunk gives ``iloc``'s rows, in the order asked, repeats included."""
    from netkit._distinct import take_rows

    parts = [pd.Series(chunk, dtype="str") for chunk in chunks] or [pd.Series([], dtype="str")]
    text = pd.concat(parts, ignore_index=True)  # one Arrow chunk per part
    frame = pd.DataFrame({"text": text, "n": np.arange(len(text))})
    rows = data.draw(st.lists(st.integers(0, max(len(text) - 1, 0)), max_size=12))
    rows = np.array(rows if len(text) else [], dtype=np.int64)
    pd.testing.assert_frame_equal(take_rows(frame, rows), frame.iloc[rows].reset_index(drop=True))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.integers(-1, 6), st.integers(-3, 300)), max_size=40))
def test_first_of_each_is_each_values_first_position(codes):
    """Codes from -1 to a few times the length take the one-pass way, others are hashed:
    both give each value's first position."""
    from netkit._distinct import first_of_each

    values = np.array(codes, dtype=np.int64)
    expected = [i for i, v in enumerate(codes) if codes.index(v) == i]
    assert first_of_each(values).tolist() == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["ann", "bo", "cy", None]), st.integers(-1, 4))))
def test_count_pairs_counts_each_pair_of_present_values_in_sorted_order(rows):
    """The distinct (left, right) pairs where both are present, with how often each occurs,
    in the order of the sorted codes (each side's codes in order of first appearance)."""
    from netkit._distinct import count_pairs

    left = pd.Series([a for a, _ in rows], dtype="str")
    right = pd.Series([None if b < 0 else f"id{b}" for _, b in rows], dtype="str")
    counted = count_pairs(left, right, ("name", "id"))
    present = pd.DataFrame({"name": left, "id": right}).dropna()
    left_code = {v: i for i, v in enumerate(left.dropna().unique())}
    right_code = {v: i for i, v in enumerate(right.dropna().unique())}
    expected = sorted(
        present.value_counts(sort=False).items(),
        key=lambda item: (left_code[item[0][0]], right_code[item[0][1]]),
    )
    assert list(zip(counted["name"], counted["id"], counted["n"], strict=True)) == [
        (name, id_, n) for (name, id_), n in expected
    ]
    assert counted["n"].dtype == "int64"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 70_000), max_size=60), st.integers(0, 3))
def test_grouped_order_is_a_stable_argsort(codes, narrow):
    """Grouping by code on a narrow type gives numpy's stable argsort of the codes, whatever
    type holds them."""
    from netkit._distinct import grouped_order

    values = np.array([c % (2**16 if narrow else 2**17) for c in codes], dtype=np.int64)
    assert grouped_order(values).tolist() == np.argsort(values, kind="stable").tolist()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["ann", "bob", "chen", None]), st.one_of(st.none(), st.integers(0, 6))
        ),
        max_size=12,
    ),
    st.lists(
        st.tuples(
            st.sampled_from(["ann", "bob", "chen", "zed", None]),
            st.one_of(
                st.none(), st.integers(0, 7 * 24), st.sampled_from([24, 48, 72])
            ),  # midnights
            st.sampled_from(["outgoing", "incoming"]),
            st.one_of(st.none(), st.sampled_from(["hi", "hello"])),
        ),
        max_size=12,
    ),
)
def test_invitation_behind_is_the_last_invitation_before_the_day_after(connected, invited):
    """Each dated connection gets the person's last invitation sent before the end of the day
    of connecting (the later one in the file among equal times); others get nothing."""
    from netkit.events import invitation_behind

    day0 = pd.Timestamp("2024-03-01", tz="UTC")
    connections = pd.DataFrame(
        {
            "person_id": pd.Series([p for p, _ in connected], dtype="str"),
            "connected_on": pd.Series(
                [pd.NaT if d is None else day0 + pd.Timedelta(days=d) for _, d in connected],
                dtype="datetime64[us, UTC]",
            ),
        }
    )
    invitations = pd.DataFrame(
        {
            "person_id": pd.Series([p for p, *_ in invited], dtype="str"),
            "sent_at": pd.Series(
                [pd.NaT if h is None else day0 + pd.Timedelta(hours=h) for _, h, *_ in invited],
                dtype="datetime64[us, UTC]",
            ),
            "direction": pd.Series([d for *_, d, _ in invited], dtype="str"),
            "has_note": [m is not None for *_, m in invited],
            "message": pd.Series([m for *_, m in invited], dtype="str"),
        }
    )
    behind = invitation_behind(connections, invitations)
    for row, (person, days) in enumerate(connected):
        before = [
            i
            for i, (p, h, *_) in enumerate(invited)
            if person is not None and days is not None and p == person and h is not None
            and h < (days + 1) * 24
        ]  # fmt: skip
        if not before:
            assert behind.loc[row].isna().all()
            continue
        last = max(before, key=lambda i: (invited[i][1], i))
        assert behind.loc[row, "direction"] == invited[last][2]
        assert behind.loc[row, "has_note"] == (invited[last][3] is not None)
        message = behind.loc[row, "message"]
        assert (message if isinstance(message, str) else None) == invited[last][3]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["ann", "bob", "chen"]),
            st.lists(st.sampled_from(["Demo", "demo", "buy", "hi", "Quick call", " "]), max_size=6),
        ),
        max_size=10,
    )
)
def test_pitch_words_listed_per_distinct_text_as_in_pandas(rows):
    """Listing the matches once per distinct text, then per person, gives what pandas'
    findall, explode, drop_duplicates and groupby(sort=False).agg(list) give."""
    from netkit.metrics.invitations import _listed_words, _lists_by_key, _plain, compile_lexicon

    pattern = compile_lexicon(["demo", "buy", "quick call"])
    text = pd.Series([" ".join(words) for _, words in rows], dtype="str")
    person = pd.Series([p for p, _ in rows], dtype="str")
    found = text.str.findall(pattern).explode().dropna()
    words = pd.DataFrame(
        {
            "person_id": person[found.index].to_numpy(),
            "word": _plain(found.astype("str")).to_numpy(),
        }
    ).drop_duplicates()
    expected = words.groupby("person_id", sort=False)["word"].agg(list)
    got = _lists_by_key(*_listed_words(text, person, pattern))
    assert got.index.tolist() == expected.index.tolist()
    assert got.tolist() == expected.tolist()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.sampled_from(["ann", "bob", "chen", "dé"])), max_size=20),
    st.lists(st.one_of(st.none(), st.sampled_from(["ann", "chen", "zed"])), max_size=5),
)
def test_is_in_is_pandas_isin_without_missing(values, candidates):
    """`is_in` answers pandas' ``isin`` of the candidates that are not missing; a missing
    value is in nothing."""
    from netkit._distinct import is_in

    column = pd.Series(values, dtype="str")
    present = [c for c in candidates if c is not None]
    expected = column.isin(present).fillna(False).astype(bool) & column.notna()
    assert is_in(column, pd.Series(candidates, dtype="str")).tolist() == expected.tolist()
    assert is_in(pd.Index(column), set(present)).tolist() == expected.tolist()


NOTE_WORDS = ["ann", "bob", "acme", "data", "hi", "love", "the", "12", "٣", "x"]
#: The identifying words of each company (`_recipient_companies` drops the noise words).
COMPANY_WORDS = [["acme"], ["acme", "data"], ["the"], [], ["bob", "x"]]
INVITATION = st.tuples(
    st.one_of(st.none(), st.lists(st.sampled_from(NOTE_WORDS), max_size=7)),  # None: no note
    st.booleans(),  # sent by the owner
    st.lists(st.sampled_from(NOTE_WORDS[:4]), max_size=2, unique=True),  # the recipient's name
    st.integers(-1, len(COMPANY_WORDS) - 1),  # the contact's company, -1 unknown
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(INVITATION, max_size=14),
    st.lists(st.integers(0, len(COMPANY_WORDS) - 1), unique=True, max_size=3),
    st.sampled_from([0.3, 0.5, 0.6, 1.0]),
    st.integers(1, 4),
)
def test_invitation_word_codes_match_the_plain_rules(rows, owner, similarity, shingle_size):
    """Names the recipient, names a company and near-repeats, computed on integer word codes of
    distinct texts, equal the rules applied note by note to the words themselves."""
    import re

    from netkit.metrics.invitations import (
        _InvitationWords,
        _names_company,
        _names_recipient,
        _similar_notes,
        _word_lists,
    )

    def tokens(texts):
        return pd.DataFrame(
            {
                "row": np.array([i for i, t in enumerate(texts) for _ in t], dtype=np.int64),
                "token": pd.Series([w for t in texts for w in t], dtype="str"),
            }
        )

    noted = [i for i, (note, *_) in enumerate(rows) if note is not None]
    distinct = list(dict.fromkeys(tuple(rows[i][0]) for i in noted))
    note_of_row = np.full(len(rows), -1)
    note_of_row[noted] = [distinct.index(tuple(rows[i][0])) for i in noted]
    recipient_of_row = np.full(len(rows), -1)
    recipient_of_row[noted] = np.arange(len(noted))  # one name per invitation
    outgoing = np.array([sent for _, sent, _, _ in rows], dtype=bool)
    company_of_row = np.array(
        [c if note is not None and sent else -1 for note, sent, _, c in rows], dtype=np.int64
    )
    (notes, names, companies), vocabulary = _word_lists(
        (tokens(distinct), len(distinct)),
        (tokens([rows[i][2] for i in noted]), len(noted)),
        (tokens(COMPANY_WORDS), len(COMPANY_WORDS)),
    )
    words = _InvitationWords(
        pd.Series([" ".join(t) for t in distinct], dtype="str"),
        note_of_row,
        recipient_of_row,
        company_of_row,
        np.array(owner, dtype=np.int64),
        notes,
        names,
        companies,
        vocabulary,
    )

    def form(note, name, company):
        return [
            "<name>"
            if w in name
            else "<company>"
            if company >= 0 and w in COMPANY_WORDS[company]
            else "<number>"
            if re.fullmatch(r"\d+", w)
            else w
            for w in note
        ]

    def shingles(words):
        k = shingle_size
        if len(words) < k:
            return {" ".join(words)}
        return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}

    forms = {i: form(*rows[i][::2], rows[i][3]) for i in noted if rows[i][1] and rows[i][0]}
    expected_similar = [
        sum(
            j != i
            and (
                forms[i] == forms[j]
                or len(shingles(forms[i]) & shingles(forms[j]))
                / len(shingles(forms[i]) | shingles(forms[j]))
                >= similarity
            )
            for j in forms
        )
        if i in forms
        else 0
        for i in range(len(rows))
    ]
    expected_recipient = [
        note is not None and any(w in note for w in name) for note, _, name, _ in rows
    ]
    expected_company = [
        note is not None
        and any(
            COMPANY_WORDS[c] and set(COMPANY_WORDS[c]) <= set(note)
            for c in (([company] if company >= 0 else []) if sent else owner)
        )
        for note, sent, _, company in rows
    ]
    own = np.flatnonzero(outgoing & (note_of_row >= 0))  # the owner's notes, as in production
    similar = _similar_notes(words, own, similarity=similarity, shingle_size=shingle_size)
    assert similar.tolist() == expected_similar
    assert _names_recipient(words).tolist() == expected_recipient
    assert _names_company(words, outgoing).tolist() == expected_company


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.lists(st.text(max_size=3), max_size=3), max_size=5),
    st.lists(st.integers(-1, 4), max_size=12),
)
def test_list_column_from_codes_is_the_list_column_of_the_same_rows(lists, picks):
    """`ListColumn.from_codes` (what the loader builds from its recipient codes) finds what
    `ListColumn` finds by looking at each row's list object."""
    codes = np.array([p if p < len(lists) else -1 for p in picks], dtype=np.int64)
    empty: list[str] = []
    rows = pd.Series([lists[c] if c >= 0 else empty for c in codes], dtype=object)
    looked, coded = ListColumn(rows), ListColumn.from_codes(codes, lists)
    assert coded.codes.tolist() == looked.codes.tolist()
    assert coded.lists == looked.lists
    assert coded.items.tolist() == looked.items.tolist()
    assert coded.offsets.tolist() == looked.offsets.tolist()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(-1, 4), st.integers(-1, 4), st.integers(-1, 1))))
def test_coded_log_counts_each_persons_rows_per_channel_and_direction(rows):
    from netkit.events import CHANNELS, CodedLog

    people = pd.Index([f"p{i}" for i in range(5)], dtype="str")
    person, channel, direction = (
        (np.array(column, dtype=np.int64) for column in zip(*rows, strict=True))
        if rows
        else (np.zeros(0, np.int64),) * 3
    )
    log = CodedLog(
        person,
        people,
        channel.astype(np.int8),
        direction.astype(np.int8),
        np.zeros(len(rows), np.int64),
        np.zeros(len(rows), bool),
    )
    counts = log.counts()
    assert counts.shape == (len(people) + 1, len(CHANNELS), 2)
    for p in range(len(people)):
        for c in range(len(CHANNELS)):
            for d in (0, 1):
                assert counts[p, c, d] == sum(row == (p, c, d) for row in rows)
    assert not counts[-1].any()  # the row of code -1


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(-(2**62), 2**62)), max_size=30))
def test_least_and_greatest_per_code_are_each_codes_min_and_max(rows):
    from netkit._distinct import greatest_per_code, least_per_code

    codes = np.array([c for c, _ in rows], dtype=np.int64)
    values = np.array([v for _, v in rows], dtype=np.int64)
    least = least_per_code(codes, values, 7, -1)
    greatest = greatest_per_code(codes, values, 7, -1)
    for code in range(7):
        mine = [v for c, v in rows if c == code]
        assert least[code] == (min(mine) if mine else -1)
        assert greatest[code] == (max(mine) if mine else -1)
