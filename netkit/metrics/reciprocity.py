"""Reciprocity: does each relationship go both ways, who starts, who answers and how fast.

A relationship that only one side feeds is not much of a relationship. Reciprocity (both people
initiating, both answering) is one of the four dimensions of tie strength in Granovetter (1973,
"The strength of weak ties"), and "reciprocal services" one of the dimensions Gilbert &
Karahalios (2009, "Predicting tie strength with social media") model. This module counts it per
contact (`reciprocity`) and for the whole network (`reciprocity_summary`, read by
`health_summary`).

A group thread is not a relationship. Group messages count in the per-contact ``sent`` and
``received``, but group threads do not count as an exchange: threads, answers, reply times,
two-way exchanges and unanswered contacts are read from one-to-one messages only
(`netkit.metrics._common.direct_until`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._distinct import grouped_order, looked_up
from ..events import CodedLog
from ._common import (
    as_of_timestamp,
    coded_until,
    empty_frame,
    memoized,
    people_by_id,
    record,
    shared,
)

if TYPE_CHECKING:
    from ..export import Export

__all__ = ["RECIPROCITY_COLUMNS", "reciprocity", "reciprocity_summary"]

#: The columns of `reciprocity` and their dtypes.
RECIPROCITY_COLUMNS: dict[str, str] = {
    "person_id": "str",
    "name": "str",
    "sent": "int64",
    "received": "int64",
    "balance": "float64",
    "threads_started_by_owner": "int64",
    "threads_started_by_them": "int64",
    "owner_replied_share": "float64",
    "they_replied_share": "float64",
    "owner_median_reply_hours": "float64",
    "their_median_reply_hours": "float64",
    "endorsements_given": "int64",
    "endorsements_received": "int64",
    "recommendations_given": "int64",
    "recommendations_received": "int64",
}

_MICROSECOND = pd.Timedelta(microseconds=1)
_HOUR_US = pd.Timedelta(hours=1) // _MICROSECOND


def _no_messages_reason(ex: Export, as_of: pd.Timestamp) -> str:
    if not (ex.files["kind"] == "messages").any():
        return "the export holds no messages file, so reciprocity cannot be measured"
    return f"no message between the owner and a contact up to {as_of:%Y-%m-%d %H:%M} UTC"


def _counts_by_direction(log: CodedLog, channel: str, local: np.ndarray, size: int) -> dict:
    """Number of `channel` events per person, ``"outgoing"`` and ``"incoming"``: arrays over
    the `size` people that `local` numbers (a log person code -> 0..size-1, -1 for others)."""
    rows = log.on(channel) & (log.person >= 0)
    counts = {}
    for side in ("outgoing", "incoming"):
        mine = local[log.person[rows & getattr(log, side)]]
        counts[side] = np.bincount(mine[mine >= 0], minlength=size).astype("int64")
    return counts


@memoized
def reciprocity(
    ex: Export,
    *,
    as_of: object = None,
    thread_gap: str | pd.Timedelta = "30D",
    reply_window: str | pd.Timedelta = "7D",
) -> pd.DataFrame:
    """Reciprocity per contact: who writes, who starts, who answers, and how fast.

    One row per contact with at least one message either way up to `as_of`. A relationship
    that both sides start and both sides answer is a real one; one where only the owner writes
    (or only the other person) is not yet. Reciprocity is one of the four dimensions of tie
    strength in Granovetter (1973, "The strength of weak ties"); "reciprocal services" is one
    of the dimensions of Gilbert & Karahalios (2009, "Predicting tie strength with social
    media").

    Messages are counted as in ``ex.interactions``: one per counterpart, so a group message
    the owner sends to three contacts counts once for each of them; a message someone else
    sends to a group counts for its sender only. Drafts and sponsored messages do not count.

    Threads, answers and reply times are judged on one-to-one messages only: group threads do
    not count as an exchange. In a group thread a member's next message may answer anyone, and
    the owner's message to the group would count as unanswered by every member who stayed
    quiet; neither says anything about the two of them. A contact reached only through group
    threads therefore has ``sent`` / ``received`` counts but no threads, NaN shares and NaN
    reply times. The one-to-one messages of one relationship, across all its conversations,
    are put in time order; then:

    - a **thread** starts with the first message of the relationship and with every message
      that comes more than `thread_gap` after the previous message either way;
    - a message is **answered** when the first message from the *other* side after it comes
      within `reply_window` of it. Several messages in a row from one side ("Hi!", "Are you
      free Tuesday?") are all answered by one reply that comes within the window of each.
      Messages sent less than `reply_window` before `as_of` are left out of the shares (their
      answer may still come);
    - a **reply time** is measured for each message whose previous message in the
      relationship is from the other side and at most `reply_window` earlier: the time since
      that previous message (so a reply to a burst is timed from the last message of the
      burst). Later "replies" start a new exchange and are not timed.

    Parameters
    ----------
    ex : Export
        A loaded export.
    as_of : str or Timestamp, optional
        Only what happened up to this instant counts (default ``ex.as_of``; a date alone
        means the end of that day).
    thread_gap : str or Timedelta, default "30D"
        Silence after which the next message starts a new thread.
    reply_window : str or Timedelta, default "7D"
        How soon an answer must come to count as one.

    Returns
    -------
    pandas.DataFrame
        Columns, one row per contact, most messages first:

        ``person_id``, ``name``
            The contact.
        ``sent``, ``received``
            Messages from the owner to them, and from them to the owner (group messages
            included).
        ``balance``
            ``(sent - received) / (sent + received)``: -1 they write and the owner never
            does, 0 even, +1 the owner writes and they never do.
        ``threads_started_by_owner``, ``threads_started_by_them``
            Threads (see above, one-to-one messages) whose first message came from the owner /
            from them.
        ``owner_replied_share``
            Share of their one-to-one messages the owner answered within `reply_window` (NaN
            when there is no such message of theirs to judge).
        ``they_replied_share``
            Share of the owner's one-to-one messages they answered within `reply_window`.
        ``owner_median_reply_hours``, ``their_median_reply_hours``
            Median reply time (hours) of the owner to them, and of them to the owner, in
            one-to-one messages (NaN without a timed reply).
        ``endorsements_given``, ``endorsements_received``, ``recommendations_given``,
        ``recommendations_received``
            Endorsements and recommendations each way up to `as_of`.

        ``attrs["params"]`` holds `as_of`, `thread_gap` and `reply_window`;
        ``attrs["reason"]`` says why the result is empty (no messages file, or no message
        up to `as_of`), else None.

    See Also
    --------
    reciprocity_summary : the network-level figures.

    Examples
    --------
    >>> import netkit as nk
    >>> ex = nk.load_export("Complete_LinkedInDataExport_11-16-2026.zip")  # doctest: +SKIP
    >>> r = nk.reciprocity(ex)  # doctest: +SKIP
    >>> r.loc[r["balance"] == -1, ["name", "received"]]  # doctest: +SKIP
    """
    cut = as_of_timestamp(ex, as_of)
    per_contact = _per_contact(ex, cut, pd.Timedelta(thread_gap), pd.Timedelta(reply_window))
    result = per_contact.drop(columns=list(_HIDDEN))
    result.attrs["reason"] = per_contact.attrs.get("reason")
    return record(result, cut, thread_gap=thread_gap, reply_window=reply_window)


#: Hidden columns of `_per_contact`, for `reciprocity_summary`: one-to-one messages each way,
#: and one-to-one messages judged and answered each way (for pooled shares).
_HIDDEN = (
    "direct_sent",
    "direct_received",
    "judged_in",
    "answered_in",
    "judged_out",
    "answered_out",
)


def _per_contact(
    ex: Export, cut: pd.Timestamp, gap: pd.Timedelta, window: pd.Timedelta
) -> pd.DataFrame:
    """`reciprocity`'s rows, plus the `_HIDDEN` counts (computed once per export, `as_of` and
    thresholds: `reciprocity` and `reciprocity_summary` both read them)."""
    key = ("reciprocity_per_contact", gap, window)
    return shared(ex, key, cut, lambda: _compute_per_contact(ex, cut, gap, window)).copy(deep=False)


def _compute_per_contact(
    ex: Export, cut: pd.Timestamp, gap: pd.Timedelta, window: pd.Timedelta
) -> pd.DataFrame:
    columns = RECIPROCITY_COLUMNS | dict.fromkeys(_HIDDEN, "int64")
    log = coded_until(ex, cut)
    is_message = log.on("message") & (log.direction >= 0) & (log.person >= 0)
    if not is_message.any():
        return empty_frame(columns, _no_messages_reason(ex, cut))

    # Every message counts in `sent` and `received`, group messages included. People are
    # numbered 0..n-1 in the order they were first messaged.
    all_codes, messaged = pd.factorize(log.person[is_message])
    n_people = len(messaged)
    people = log.people.take(messaged)
    local = np.full(len(log.people), -1, dtype=np.int64)
    local[messaged] = np.arange(n_people)
    all_outgoing = log.outgoing[is_message]
    sent = np.bincount(all_codes[all_outgoing], minlength=n_people)
    received = np.bincount(all_codes[~all_outgoing], minlength=n_people)

    # The rest is judged on one-to-one messages: a group thread is not a relationship. One
    # relationship after another, each in time order: integer arrays from here on.
    direct = np.flatnonzero(is_message & ~log.is_group)
    codes = local[log.person[direct]]
    stamps = log.timestamp[direct]
    order = grouped_order(codes)  # the log is in time order: so is each relationship
    codes, stamps = codes[order], stamps[order]
    outgoing = log.outgoing[direct][order]
    incoming = ~outgoing

    # Same relationship as the previous row, and the time since it.
    same = np.zeros(codes.size, dtype=bool)
    same[1:] = codes[1:] == codes[:-1]
    since_previous = np.zeros(codes.size, dtype="int64")
    since_previous[1:] = stamps[1:] - stamps[:-1]
    thread_start = ~same | (since_previous > gap // _MICROSECOND)

    # Runs: consecutive messages of one relationship from one side. The first message of the
    # next run of the same relationship is the other side's next message.
    run_start = ~same
    run_start[1:] |= outgoing[1:] != outgoing[:-1]
    run = np.cumsum(run_start) - 1
    run_first = stamps[run_start]
    run_person = codes[run_start]
    next_run = run + 1
    has_next = next_run < run_first.size
    has_next[has_next] = run_person[next_run[has_next]] == codes[has_next]
    wait = np.full(codes.size, np.iinfo("int64").max, dtype="int64")
    wait[has_next] = run_first[next_run[has_next]] - stamps[has_next]
    window_us = window // _MICROSECOND
    answered = wait <= window_us
    # Judged: the whole window lies before `as_of`, so the answer, if any, is in the data.
    judged = stamps + window_us <= (cut - pd.Timestamp(0, tz="UTC")) // _MICROSECOND

    # Replies: the first message of a run that follows the other side within the window.
    is_reply = run_start & same & (since_previous <= window_us)
    hours = pd.Series(since_previous / _HOUR_US)

    def median_reply_hours(by: np.ndarray) -> np.ndarray:
        replies = is_reply & by
        medians = hours[replies].groupby(codes[replies]).median()
        return medians.reindex(range(n_people)).to_numpy(dtype="float64")

    def per_person(mask: np.ndarray) -> np.ndarray:
        return np.bincount(codes[mask], minlength=n_people)

    judged_in, judged_out = per_person(incoming & judged), per_person(outgoing & judged)
    answered_in = per_person(incoming & judged & answered)
    answered_out = per_person(outgoing & judged & answered)
    with np.errstate(invalid="ignore", divide="ignore"):
        owner_replied, they_replied = answered_in / judged_in, answered_out / judged_out
    endorsements = _counts_by_direction(log, "endorsement", local, n_people)
    recommendations = _counts_by_direction(log, "recommendation", local, n_people)
    names = people_by_id(ex)["name"]

    result = pd.DataFrame(
        {
            "person_id": people.astype("str"),
            "name": looked_up(people, names).astype("str").array if len(names) else pd.NA,
            "sent": sent,
            "received": received,
            "balance": (sent - received) / (sent + received),
            "threads_started_by_owner": per_person(thread_start & outgoing),
            "threads_started_by_them": per_person(thread_start & incoming),
            "owner_replied_share": owner_replied,
            "they_replied_share": they_replied,
            "owner_median_reply_hours": median_reply_hours(outgoing),
            "their_median_reply_hours": median_reply_hours(incoming),
            "endorsements_given": endorsements["outgoing"],
            "endorsements_received": endorsements["incoming"],
            "recommendations_given": recommendations["outgoing"],
            "recommendations_received": recommendations["incoming"],
            "direct_sent": per_person(outgoing),
            "direct_received": per_person(incoming),
            "judged_in": judged_in,
            "answered_in": answered_in,
            "judged_out": judged_out,
            "answered_out": answered_out,
        }
    ).astype(columns)
    result = result.assign(_total=sent + received).sort_values(
        ["_total", "person_id"], ascending=[False, True], kind="stable", ignore_index=True
    )
    result.attrs["reason"] = None
    return result.drop(columns="_total")


def reciprocity_summary(
    ex: Export,
    *,
    as_of: object = None,
    thread_gap: str | pd.Timedelta = "30D",
    reply_window: str | pd.Timedelta = "7D",
) -> pd.Series:
    """Reciprocity of the whole network: how much of the messaging goes both ways.

    The network-level figures ``health_summary`` reports, from the same per-contact counts as
    `reciprocity` (see there for what a message, a thread and an answer are). Every figure here
    is judged on one-to-one messages: group threads do not count as an exchange, so a contact
    who only shares group threads with the owner is neither two-way nor unanswered, and is not
    among the ``messaged_contacts``.

    Parameters
    ----------
    ex : Export
        A loaded export.
    as_of : str or Timestamp, optional
        Only what happened up to this instant counts (default ``ex.as_of``).
    thread_gap, reply_window : str or Timedelta
        Passed to `reciprocity` (defaults "30D" and "7D").

    Returns
    -------
    pandas.Series
        ``message_reciprocity``
            networkx's ``reciprocity`` of the directed one-to-one message graph (an edge owner
            → contact when the owner wrote to them, contact → owner when they wrote to the
            owner): the share of those edges that go both ways, ``2 × two-way / (edges)``. NaN
            without one-to-one messages.
        ``two_way_share``
            Share of the messaged contacts with at least one one-to-one message each way.
        ``unanswered_inbound``
            Contacts who wrote to the owner one-to-one and never got a one-to-one message back.
        ``unanswered_outbound``
            Contacts the owner wrote to one-to-one who never wrote back one-to-one.
        ``messaged_contacts``
            Contacts with at least one one-to-one message either way (the three groups above
            add up to it; contacts met only in group threads are left out).
        ``owner_replied_share``, ``they_replied_share``
            Over all one-to-one messages: share of incoming messages the owner answered, and of
            outgoing messages the contacts answered, within `reply_window`.
        ``endorsements_given``, ``endorsements_received``, ``endorsement_give_receive_ratio``
            Endorsements each way up to `as_of`, and given / received (NaN when none received).
        ``recommendations_given``, ``recommendations_received``,
        ``recommendation_give_receive_ratio``
            The same for recommendations.

        Counts are ints; without a messages file the message figures are NaN.
        ``attrs["params"]`` and ``attrs["reason"]`` as in `reciprocity`.
    """
    cut = as_of_timestamp(ex, as_of)
    per_contact = _per_contact(ex, cut, pd.Timedelta(thread_gap), pd.Timedelta(reply_window))
    log = coded_until(ex, cut)
    given_received = {}
    for channel, plural in (("endorsement", "endorsements"), ("recommendation", "recommendations")):
        rows = log.on(channel)
        given = int((rows & log.outgoing).sum())
        received = int((rows & log.incoming).sum())
        given_received[f"{plural}_given"] = given
        given_received[f"{plural}_received"] = received
        given_received[f"{channel}_give_receive_ratio"] = given / received if received else np.nan

    has_messages = bool((ex.files["kind"] == "messages").any())
    # One-to-one messages only: a group thread is not a relationship.
    sent = per_contact["direct_sent"] > 0
    received = per_contact["direct_received"] > 0
    messaged = int((sent | received).sum())
    none = 0 if has_messages else np.nan  # without a messages file, 0 would be a guess
    # The message graph is a star around the owner (an edge each way a message went), so
    # networkx's reciprocity, reciprocated edges / edges, is 2 x two-way contacts / edges.
    edges = int(sent.sum() + received.sum())
    figures = {
        "message_reciprocity": 2 * int((sent & received).sum()) / edges if messaged else np.nan,
        "two_way_share": float((sent & received).sum() / messaged) if messaged else np.nan,
        "unanswered_inbound": int((received & ~sent).sum()) if messaged else none,
        "unanswered_outbound": int((sent & ~received).sum()) if messaged else none,
        "messaged_contacts": messaged if messaged else none,
        "owner_replied_share": _ratio(per_contact["answered_in"], per_contact["judged_in"]),
        "they_replied_share": _ratio(per_contact["answered_out"], per_contact["judged_out"]),
        **given_received,
    }
    summary = pd.Series(figures, dtype=object, name="reciprocity")
    summary.attrs["reason"] = per_contact.attrs.get("reason")
    return record(summary, cut, thread_gap=thread_gap, reply_window=reply_window)


def _ratio(numerator: pd.Series, denominator: pd.Series) -> float:
    """``sum(numerator) / sum(denominator)``, NaN when the denominator is 0."""
    total = int(denominator.sum())
    return float(numerator.sum() / total) if total else np.nan
