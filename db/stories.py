"""Stories: articles from different outlets about the same event.

Two articles are *linked* when the evidence that they tell one event: the
article-level score of :mod:`db.article_evidence` (headline and lead similarity,
shared named entities, numbers, days apart; stored in ``story_links``) plus what
the statements of the newer one that match a statement of the older one add (as
the same claim or a conflict, and as related: another claim of the same
happening; :func:`db.article_evidence.matches_term`; a statement matching more
than ``STORY_MAX_STATEMENT_MATCHES`` older ones is a template and counts for
none), is above ``LINK_THRESHOLD`` log-odds, and they are dated within
``STORY_WINDOW_DAYS`` of each other. Every part of a link is written when the newer
article comes and depends on nothing newer (profiles weigh words by the articles
before; a pair's matches are scored when the newer one is matched; claims, which
regroup older statements as new ones come, are not read), so links, like
placements, are the same one by one as all at once.

Articles are placed in id order (new articles have the highest ids, so placing
the new ones beside the stories as they stand gives what placing everything
again gives). Each joins the story it most probably tells, read as a whole
(:func:`db.article_evidence.story_probability`): its *fit* (the mean probability of
one event with the story's older members, over at most
:data:`db.article_evidence.MAX_CANDIDATES` of them, the most an article is compared
with), its strongest link to one of them (a short article often repeats one outlet's
telling and shares nothing with another's: in a story of two its fit is half) and the
story's *pool* (its members' headline and lead vectors, entities and
days summed: headlines of one event share a few key names and rare words while any
two of them share little), above ``JOIN_MIN``; a story grows by what fits most of
it, not along a chain of articles each like the last. An article with a lead joins
only a story it is linked to one member of above ``JOIN_LINK_MIN`` at least: the next
event of the same people and place reads like their story, though no link says it
tells its event; and only when it says something of the story beyond its people's
names: words of its lead beyond the names (``ACT_MIN``) or a claim matched with a member
(``CLAIM_PART``): another event of the same people on one day shares their names and
little else. Pools are stored per story
(``story_pools``), so placing one new article reads no member of its stories. An
article that fits no story starts one with the older articles of no story it is
strongly linked to (above ``START_THRESHOLD``), or, when none is, with those it is
linked to at all that are linked to each other, if it tells their event read as one
story (``START_POOL_MIN``: three outlets that each tell an event their own way, no
two of them alike) and each of them tells the event of the others with it
(``START_MEMBER_MIN``: not an article of another event that shares a name with one).
A dated article that joins or starts a story takes along the
older articles of no story it is linked to that fit the story as it now stands
(they came before it formed: "A, then B, then C, A's twin"). A dated article that joins one
story and would join another above ``MERGE_MIN`` merges them (early articles of
one event can start two) when the two stories read alike (``MERGE_ALIKE_MIN``) and, for
an article with a lead, the smaller is a fragment of the larger (``MERGE_SHARE_MAX``). An
undated article never bridges two stories: a dated article is never linked to an
older undated one, and an undated article joins one story, or starts one with one
article, and merges nothing. An article linked to no other has no ``story_id``.

The story's title is the headline of its most representative article (the
strongest links to the other articles of the story; ties: the earliest),
``first_date`` the earliest article date, and it counts its articles and distinct
sources. Reading a story: :mod:`db.story_reads`.
"""

from __future__ import annotations

import contextlib
import math
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from db import article_evidence as ev
from db import article_profiling
from db.article_profiling import Link
from db.dates import day_number
from db.grouping import store_groups
from db.id_chunks import ID_CHUNK, id_chunks

__all__ = [
    "LINK_THRESHOLD",
    "STORY_MAX_STATEMENT_MATCHES",
    "STORY_WINDOW_DAYS",
    "Meta",
    "Placement",
    "article_meta",
    "count_matched",
    "headlines_alone",
    "link_graph",
    "place_all",
    "place_stored",
    "profile_articles",
    "rebuild_stories",
    "short_related",
    "update_stories",
]

STORY_WINDOW_DAYS = 4
# A statement that matches more older statements than this links none of their
# articles: it is a template ("Shr 25 cts vs 20 cts", "bid the notes at ... and set a
# coupon of ...") that many unrelated events repeat, not one event's claim (on the
# 1.09 M-statement benchmark the largest such claim held 347 statements). Counting
# its article pairs would also be quadratic.
STORY_MAX_STATEMENT_MATCHES = 100
# Linked: log-odds of one event (article evidence + matched statements) above this
# (probability 0.05: a weak link counts little in a fit, but it counts).
LINK_THRESHOLD = ev.LINK_FLOOR
# An article starts a story with (or brings along) an article of no story only when
# their link is this strong (probability 0.88: precision first; one event scores 7
# to 12, two events of one town and day around 0.5). Joining a story asks its fit.
START_THRESHOLD = 2.0
# ... and, starting one, brings along the articles of no story it is linked to this
# strongly (probability 0.5). Joining a story, it brings along without asking only
# those linked above START_THRESHOLD; a weaker one comes if it fits the story as it
# now stands (_Placer._join_again). On UCI, a link of one shared word ("Entner: A
# Japanese reality check for Sprint" / "First Look: Check Out the Full Flash
# Costume!", 0.33) brought articles of other events into the big stories their
# newer ones joined: 765 of the 6,160 headlines in a story were not of their story's
# event before, 696 of 6,073 after (BENCHMARKS.md).
BRING_THRESHOLD = 0.0
# An article joins the story it most probably tells (db.article_evidence.story_probability)
# when that probability is above this, and merges into it any other story above
# MERGE_MIN (bench/fit_stories.py reports both; chosen on BASIL and UCI, see there).
JOIN_MIN = 0.5
MERGE_MIN = 0.9
# ... and, for an article with a lead, when one of its links to the story's members at
# least is above this (probability 0.38). Read against a story's pooled leads, the next
# event of the same people and place tells the story well (BASIL told as titles and
# leads, events moved within ten days: Netanyahu in an ad, then Netanyahu's visit two
# days later, in one story), though no link to any member says so. A headline alone
# joins on its reading of the pool, as before: headlines of one event share a few
# words, any two of them little. Chosen on the dense BASIL draws (BENCHMARKS.md). An
# older article of no story that a story takes along when it grows (_join_again) is not
# asked it: asked, the draws lost more of their events' articles than they kept out.
JOIN_LINK_MIN = -0.5
# ... and, for an article with a lead, only when it says something of the story beyond
# the names of its people: its lead shares words with the story's pooled leads beyond
# the names of either (:meth:`db.article_evidence.Pool.beyond_names` at least ACT_MIN),
# or a statement of it matches one of a member it is linked to as the same claim (its
# link above their article evidence by CLAIM_PART at least: one claim adds 7.9, three
# related statements 8.8, two 4.4). Another event of the story's people on its days
# ("Christie subpoenaed" / "Christie runs"; "Netanyahu in an ad" / "Rice on Netanyahu's
# visit") shares their names and little else, is linked to the story's members by those
# names (1 to 4 on BASIL; 14-15 for written tellings whose titles repeat them), and
# once in brings its own tellings along whole. On the dense BASIL draws (1 and 10 days)
# such first tellings of a second event read 0.000-0.028 beyond names; the weakest
# right joins read 0.036 and more, and those under 0.03 shared claims but for two
# short tellings of one event in other words (BENCHMARKS.md, story65).
ACT_MIN = 0.03
CLAIM_PART = 7.0
# ... and only when the two stories read alike too (:meth:`db.article_evidence.Pool.alike`
# at least this): one article that tells both is no proof that they tell one event
# ("True Detective Watch: I Am the Cosmos" fits a story of each show; "Sbarro files for
# second bankruptcy protection", Sbarro's and Mt. Gox's filings). On UCI, 24 of 79
# merges joined two events; their pooled headlines' cosine was 0.002-0.30, that of the
# right ones 0.007-0.39: this drops 16 of the wrong and 15 of the 55 right ones (a right
# merge undone leaves a few headlines apart, a wrong one joins two large stories).
# Chosen on UCI's halves of events, each choosing for the other (BENCHMARKS.md); BASIL's
# stories never merge.
MERGE_ALIKE_MIN = 0.15
# ... and, for an article with a lead, only when the smaller of the two holds at most
# this share of the larger's articles: the early articles of a growing event that
# started a story of their own are few beside it, while two stories that have each
# grown, their own articles reading each as its own, are two events that one article
# tells both of, or that share a day, a place and people. BASIL told as titles and
# leads in a few days: every merge by an article with a lead joined two events (two
# stories of three); with this, 23 of the 60 dense draws gain F1, none loses (13 of
# the 23 of seeds 11 and 13, not placed while the share was chosen, from 0.2 to 0.34
# all alike, on seeds 5 and 7). A headline alone merges as before: on UCI's held-out
# half of the stories the same rule lost F1 0.860 -> 0.830 (one event's headlines
# share few words, and its early ones start two stories that both grow), though its
# development half gained 0.904 -> 0.912 (BENCHMARKS.md).
MERGE_SHARE_MAX = 1 / 3
# An article that joins no story and starts none with one strong link starts one with
# two or more articles of no story it is linked to, however weakly, when it tells their
# event read as one story with probability above this (three outlets that each tell an
# event their own way: no two alike, all three of one story).
START_POOL_MIN = 0.5
# ... and each of those articles tells the event of the others and the new one read as
# one story with probability above this (an article weakly linked to one of them by a
# shared name is no third telling).
START_MEMBER_MIN = 0.1
# A story's title is its most representative headline among its first this many
# articles: choosing among all of a story of thousands read every pair score of it
# each time one article joined (405 ms at 5,196 members; placing the article: 15 ms).
TITLE_CANDIDATES = 300
# Above this many articles to profile in a database with no profiles yet, the
# profiles are built in memory (a rebuild) rather than one by one in the tables.
_MEMORY_MIN = 200

Meta = dict[int, tuple[int, str | None, str]]  # article -> (source, date, title)
Links = dict[int, dict[int, float]]  # article -> linked article -> strength


# ------------------------------------------------------------------ evidence


def _has_evidence_tables(conn: sqlite3.Connection) -> bool:
    """False while upgrading a database from before the evidence tables (an older
    step regroups stories on claims alone; the step that adds them regroups again)."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_profiles'"
    ).fetchone()
    return row is not None


def profile_articles(
    conn: sqlite3.Connection,
    article_ids: Iterable[int] | None = None,
    window: int = STORY_WINDOW_DAYS,
) -> set[int]:
    """Profile and link (``story_links``) the articles among ``article_ids`` (None:
    all) that have no profile yet (new, or their text changed), in id order.
    Returns the articles to place again: those, and newer ones they now link."""
    if not _has_evidence_tables(conn):
        return set()
    if article_ids is None:
        todo = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_profiles)"
                " ORDER BY id"
            )
        ]
    else:
        ids = sorted(set(article_ids))
        have: set[int] = set()
        for marks, chunk in id_chunks(ids):
            have.update(
                r[0]
                for r in conn.execute(
                    f"SELECT article_id FROM article_profiles WHERE article_id IN ({marks})",
                    chunk,
                )
            )
        todo = [a for a in ids if a not in have]
    if not todo:
        return set()
    empty = conn.execute("SELECT 1 FROM article_profiles LIMIT 1").fetchone() is None
    if empty and len(todo) >= _MEMORY_MIN:
        return _profile_in_memory(conn, todo, window)
    index = ev.StoredIndex(conn)
    changed: set[int] = set()
    for marks, chunk in id_chunks(todo):
        for aid, title, text, body_start, date in conn.execute(
            f"SELECT id, title, text, body_start, date FROM articles WHERE id IN ({marks})"
            " ORDER BY id",
            chunk,
        ).fetchall():
            p = ev.profile(index, aid, title, text, body_start, date)
            links = ev.link_article(index, p, window)
            index.add(p)
            ev.write_links(conn, aid, links)
            # Newer articles it now links (its text changed) may be placed otherwise;
            # older ones stand where they are (an article is placed by its older links).
            changed.add(aid)
            changed.update(o for o, _s in links if o > aid)
    return changed


def _profile_in_memory(conn: sqlite3.Connection, todo: list[int], window: int) -> set[int]:
    """Profile ``todo`` (every article of a database without profiles) as if one by
    one in id order, in memory and in worker processes (:mod:`db.article_profiling`),
    and write the profiles and links at the end."""
    whole, links = article_profiling.profile_all(conn, todo, window)
    article_profiling.write(conn, whole, links)
    return set(todo)


def _evidence(
    conn: sqlite3.Connection, article_ids: Iterable[int] | None
) -> dict[tuple[int, int], float]:
    """Stored article-level scores of the pairs (all, or touching ``article_ids``)."""
    if not _has_evidence_tables(conn):
        return {}
    if article_ids is None:
        return {(a, b): s for a, b, s in conn.execute("SELECT a, b, score FROM story_links")}
    out: dict[tuple[int, int], float] = {}
    for marks, chunk in id_chunks(sorted(set(article_ids))):
        for a, b, s in conn.execute(
            f"SELECT a, b, score FROM story_links WHERE a IN ({marks})"
            f" UNION SELECT a, b, score FROM story_links WHERE b IN ({marks})",
            chunk * 2,
        ):
            out[(a, b)] = s
    return out


def _evidence_within(conn: sqlite3.Connection, members: list[int]) -> list[Link]:
    """Stored article-level scores of the pairs of ``members`` (both ends among them), in
    order of (a, b): the rows as they come, with no dict or sort of thousands of pairs."""
    if not _has_evidence_tables(conn):
        return []
    wanted = set(members)
    # In one chunk, SQLite leaves out the pairs with the other end elsewhere (+b: the key
    # is searched on a alone): the 300 candidates of the 5,195-member story are in 12,009
    # pairs, 4,788 among them (4 ms instead of 6.5).
    one = len(wanted) <= ID_CHUNK
    out: list[Link] = []
    for marks, chunk in id_chunks(sorted(wanted)):
        sql = f"SELECT a, b, score FROM story_links WHERE a IN ({marks})"
        if one:
            out.extend(conn.execute(f"{sql} AND +b IN ({marks}) ORDER BY a, b", chunk * 2))
        else:
            rows = conn.execute(f"{sql} ORDER BY a, b", chunk)
            out.extend(row for row in rows if row[1] in wanted)
    return out


# (statements of the newer article that match the older one as the same claim or a
# conflicting one, those that only match it as related: another claim of the event)
Matched = tuple[int, int]


def _matched_pairs(
    conn: sqlite3.Connection, article_ids: Iterable[int] | None
) -> dict[tuple[int, int], Matched]:
    """For each pair of articles (all, or touching ``article_ids``), how many statements
    of the newer one match a statement of the older one: as the same claim or a
    conflict, and as related only (:data:`Matched`).

    Direct matches, not shared claims: a pair's matches are written when the newer
    article is matched and never change after, while claims regroup older statements
    as new articles come (a link that a later article created would make placing
    articles one by one differ from placing them all again). A statement matching
    more than ``STORY_MAX_STATEMENT_MATCHES`` older statements is a template."""
    link = "m.relation IN ('same', 'conflict', 'related')"
    if article_ids is None:
        sids: list[int] | None = None
    else:
        sids = []
        for marks, chunk in id_chunks(sorted(set(article_ids))):
            sids.extend(
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM statements WHERE article_id IN ({marks})", chunk
                )
            )
    # The newer statements (m.b) of the matches concerned, with all their older matches
    # (to tell templates): those of the articles, and those matching the articles' own.
    if sids is None:
        bs = None
    else:
        newer: set[int] = set(sids)
        for marks, chunk in id_chunks(sids):
            newer.update(
                r[0]
                for r in conn.execute(
                    f"SELECT m.b FROM matches m WHERE m.a IN ({marks}) AND {link}", chunk
                )
            )
        bs = sorted(newer)
    select = (
        "SELECT m.b, sa.article_id, sb.article_id, m.relation != 'related' FROM matches m"
        " JOIN statements sa ON sa.id = m.a JOIN statements sb ON sb.id = m.b"
    )
    if bs is None:  # every match, read in order of m.b (index matches_b): one at a time
        groups: Iterable[Iterable[tuple[int, int, int, int]]] = [
            conn.execute(f"{select} WHERE {link} ORDER BY m.b")
        ]
    else:
        templates = _templates(conn, bs, link)
        groups = (
            conn.execute(f"{select} WHERE m.b IN ({marks}) AND {link} ORDER BY m.b", chunk)
            for marks, chunk in id_chunks([b for b in bs if b not in templates])
        )
    wanted = None if article_ids is None else set(article_ids)
    counts: dict[tuple[int, int], Matched] = {}
    for rows in groups:
        count_matched(rows, wanted, counts)
    return counts


def _templates(conn: sqlite3.Connection, newer: list[int], link: str) -> set[int]:
    """The statements among ``newer`` that match more than ``STORY_MAX_STATEMENT_MATCHES``
    older ones (``link`` relations), as :func:`count_matched` counts their rows: left
    out before their rows are read, as they count for none. Beside the Eurobond
    template story of the 1 M database, one placement read 15,449 rows (41 ms) of which
    103 counted."""
    many: list[int] = []
    for marks, chunk in id_chunks(newer):
        many.extend(
            b
            for b, n in conn.execute(
                f"SELECT b, count(*) FROM matches WHERE b IN ({marks}) GROUP BY b", chunk
            )
            if n > STORY_MAX_STATEMENT_MATCHES
        )
    # Only those with as many matches of any relation can be: their link matches are
    # counted (by the index on b, read no further than one past the cap).
    out: set[int] = set()
    for b in many:
        (n,) = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM matches m JOIN statements sa ON sa.id = m.a"
            f" WHERE m.b = ? AND {link} LIMIT ?)",
            (b, STORY_MAX_STATEMENT_MATCHES + 1),
        ).fetchone()
        if n > STORY_MAX_STATEMENT_MATCHES:
            out.add(b)
    return out


def count_matched(
    rows: Iterable[tuple[int, int, int, int]],
    wanted: set[int] | None = None,
    counts: dict[tuple[int, int], Matched] | None = None,
) -> dict[tuple[int, int], Matched]:
    """Add to ``counts`` the matched statements of each article pair (as
    :func:`_matched_pairs` reads them): ``rows`` are a run of matches grouped by their
    newer statement, each (newer statement, article of the older statement, its
    article, 1 when the same claim or a conflict else 0); only pairs touching
    ``wanted`` (None: all)."""
    counts = {} if counts is None else counts

    def add(olders: list[tuple[int, int]], newer_article: int) -> None:
        # One statement: it counts once for each older article it matches, as the
        # same claim if any of its matches there says so, else as related.
        if len(olders) > STORY_MAX_STATEMENT_MATCHES:
            return
        claim: dict[int, int] = {}
        for older, same in olders:
            claim[older] = max(claim.get(older, 0), same)
        for older, same in claim.items():
            if older == newer_article:
                continue
            if wanted is None or older in wanted or newer_article in wanted:
                key = (min(older, newer_article), max(older, newer_article))
                n_same, n_related = counts.get(key, (0, 0))
                counts[key] = (n_same + 1, n_related) if same else (n_same, n_related + 1)

    current, newer_article, olders = -1, -1, []
    for b, older, article, same in rows:
        if b != current:
            if olders:
                add(olders, newer_article)
            current, newer_article, olders = b, article, []
        olders.append((older, same))
    if olders:
        add(olders, newer_article)
    return counts


def article_meta(conn: sqlite3.Connection, ids: Iterable[int] | None = None) -> Meta:
    """The (source, date, title) of the articles (all, or ``ids``), as placing and
    refreshing stories read them."""
    sql = "SELECT id, source_id, date, title FROM articles"
    if ids is None:
        chunks: Iterable[tuple[str, list[int]]] = [(sql, [])]
    else:
        chunks = ((f"{sql} WHERE id IN ({marks})", c) for marks, c in id_chunks(sorted(set(ids))))
    meta: Meta = {}
    for query, params in chunks:
        for aid, src, dt, title in conn.execute(query, params):
            meta[aid] = (src, dt, title)
    return meta


def _stored_pairs(
    conn: sqlite3.Connection, article_ids: Iterable[int] | None
) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], Matched], Meta]:
    """What is stored of the article pairs (all, or those touching ``article_ids``):
    their article-level scores, their matched statements, and the (source, date,
    title) of their articles."""
    if article_ids is not None:
        article_ids = set(article_ids)
    evidence = _evidence(conn, article_ids)
    matched = _matched_pairs(conn, article_ids)
    ids = {a for pair in evidence for a in pair}
    ids.update(a for pair in matched for a in pair)
    return evidence, matched, article_meta(conn, ids)


def _links(
    conn: sqlite3.Connection, article_ids: Iterable[int] | None, window: int
) -> tuple[Links, Meta]:
    """Links among articles (all, or those touching ``article_ids``) with their
    strengths (log-odds), and the articles' (source, date, title). A dated article
    is never linked to an older undated one (see the module docstring)."""
    evidence, matched, meta = _stored_pairs(conn, article_ids)
    days = {aid: day_number(m[1]) for aid, m in meta.items()}
    index = ev.StoredIndex(conn)
    heads = headlines_alone(evidence, matched, index.profiles)
    short = short_related(matched, index.profiles)
    return link_graph(evidence, matched, days, window, heads, short), meta


def link_graph(
    evidence: dict[tuple[int, int], float],
    matched: dict[tuple[int, int], Matched],
    days: dict[int, int | None],
    window: int = STORY_WINDOW_DAYS,
    heads: frozenset[int] = frozenset(),
    short: frozenset[int] = frozenset(),
) -> Links:
    """The links among articles: pairs (a < b) with their article-evidence scores and
    matched statements (:data:`Matched`), articles' day numbers (None: undated; pairs
    of articles not in ``days`` are left out). A dated article is never linked to an
    older undated one (see the module docstring). ``heads``: the articles, of pairs with
    matched statements and no stored score, that are headlines alone
    (:func:`headlines_alone`; what such a pair has is :func:`db.article_evidence.unscored`).
    ``short``: the articles, of pairs with one related statement, that are short
    (:func:`short_related`; a pair of two such reads it:
    :func:`db.article_evidence.matches_term`)."""
    links: Links = {}

    def link(x: int, y: int, strength: float) -> None:
        if strength <= LINK_THRESHOLD or x not in days or y not in days:
            return
        dx, dy = days[x], days[y]
        if dx is None and dy is not None:
            return
        if dx is not None and dy is not None and abs(dx - dy) > window:
            return
        links.setdefault(x, {})[y] = strength
        links.setdefault(y, {})[x] = strength

    for pair, strength in evidence.items():
        counts = matched.get(pair)
        if counts is not None:  # (none adds 0.0: the same strength)
            strength += ev.matches_term(*counts, pair[0] in short and pair[1] in short)
        link(*pair, strength)
    for (a, b), counts in matched.items():
        if (a, b) not in evidence:
            da, db = days.get(a), days.get(b)
            other_day = da is not None and db is not None and da != db
            unscored = ev.unscored(a in heads and b in heads, other_day)
            link(a, b, unscored + ev.matches_term(*counts, a in short and b in short))
    return links


def short_related(
    matched: dict[tuple[int, int], Matched],
    profiles: Callable[[list[int]], dict[int, ev.Profile]],
) -> frozenset[int]:
    """The articles of the pairs with one related statement exactly that are short (a
    headline and one short paragraph: what :func:`link_graph` reads of them); only those
    pairs' profiles are read."""
    ids = sorted({x for pair, (_same, related) in matched.items() if related == 1 for x in pair})
    return frozenset(a for a, p in profiles(ids).items() if p.short) if ids else frozenset()


def headlines_alone(
    evidence: dict[tuple[int, int], float],
    matched: dict[tuple[int, int], Matched],
    profiles: Callable[[list[int]], dict[int, ev.Profile]],
) -> frozenset[int]:
    """The articles of the pairs with matched statements and no stored score that are
    headlines alone (what :func:`link_graph` reads of them)."""
    ids = sorted({x for pair in matched if pair not in evidence for x in pair})
    return frozenset(a for a, p in profiles(ids).items() if p.headline_only) if ids else frozenset()


def _older(links: Links, aid: int) -> list[tuple[int, float]]:
    """The articles older than ``aid`` it is linked to, with the strengths."""
    return [(other, s) for other, s in links.get(aid, {}).items() if other < aid]


def _probability(log_odds: float) -> float:
    return 1.0 / (1.0 + math.exp(-log_odds))


def _may_join(q: ev.Profile, strongest: float) -> bool:
    """Whether ``q`` may join a story whose member most strongly linked to it is linked
    by ``strongest``: an article with a lead needs one link above ``JOIN_LINK_MIN``; a
    headline alone joins on its reading of the story's pool."""
    return q.headline_only or strongest > JOIN_LINK_MIN


def _claimed(q: ev.Profile, members: dict[int, ev.Profile], links: list[tuple[int, float]]) -> bool:
    """Whether one of ``q``'s ``links`` to the members of a story (profiles ``members``)
    holds a matched claim: the link above the pair's article evidence (as
    :func:`link_graph` read it: a pair scored under ``STORE_FLOOR`` was not stored) by
    ``CLAIM_PART`` at least."""
    for other, strength in links:
        m = members.get(other)
        if m is None:
            continue
        evidence = ev.score(q, m, STORY_WINDOW_DAYS)
        if evidence < ev.STORE_FLOOR:
            evidence = ev.NO_EVIDENCE
        if strength - evidence >= CLAIM_PART:
            return True
    return False


def _may_merge(q: ev.Profile, a: ev.Pool, b: ev.Pool) -> bool:
    """Whether ``q``, which would join both stories, may merge them: they read alike
    (``MERGE_ALIKE_MIN``) and, when ``q`` has a lead, one is a fragment of the other
    (``MERGE_SHARE_MAX``)."""
    if not q.headline_only and min(a.n, b.n) > MERGE_SHARE_MAX * max(a.n, b.n):
        return False
    return a.alike(b) >= MERGE_ALIKE_MIN


def _tells(q: ev.Profile, pool: ev.Pool, linked: float, best: float = 0.0) -> float:
    """How probably ``q`` tells the story of ``pool``, its links to the story's members
    summing to ``linked`` (probabilities), the strongest of probability ``best``: its
    fit is their mean over at most :data:`db.article_evidence.MAX_CANDIDATES` members,
    the most an article is compared with (:func:`db.article_evidence.story_probability`)."""
    return ev.story_probability(q, pool, linked / min(pool.n, ev.MAX_CANDIDATES), best)


class _Placer:
    """Places articles in id order: each joins the story it fits best, or starts one
    with the unplaced older articles it is linked to; none otherwise.

    An article's *fit* to a story is the mean probability (from the link strengths)
    that it tells one event with the story's older members, over at most
    ``MAX_CANDIDATES`` of them (no more are scored per article). Its probability of
    joining the story (:func:`db.article_evidence.story_probability`) reads that fit
    and the story's profile: its members' headlines, leads, entities and days pooled
    (:class:`db.article_evidence.Pool`), so a headline that shares one rare name with
    most of the story joins it even when it shares little with any one member. It
    joins the best story above ``JOIN_MIN``. A dated article merges the best story
    with any other it would join with probability above ``MERGE_MIN`` and that reads
    alike (``MERGE_ALIKE_MIN``) and, when it has a lead, is the larger's fragment
    (``MERGE_SHARE_MAX``; early articles of one event can start two stories); an undated
    one never does. A dated
    article that joins no story and has no strong link starts one with the articles of
    no story it is linked to that are linked to each other, when it would join them
    read as one story (``START_POOL_MIN``).

    ``known`` says which stored story an article not placed here is in, ``stored``
    which of its stored members are older than a given article, ``profiles`` gives
    articles' profiles, ``linked`` the links touching some articles. Story keys are
    stored ids, or -(lowest article) for a story formed by this run."""

    def __init__(
        self,
        known: Callable[[int], int | None],
        stored: Callable[[int, int], ev.Pool | None],
        profiles: Callable[[list[int]], dict[int, ev.Profile]],
        linked: Callable[[list[int]], Links],
    ) -> None:
        self.known, self.stored, self.profiles = known, stored, profiles
        self.linked = linked
        self.group: dict[int, int] = {}
        self.placed: set[int] = set()
        self.pools: dict[int, ev.Pool] = {}  # key -> what this run put in it (merged too)
        self.merged: dict[int, int] = {}  # key -> the key it was merged into
        # key -> the stored stories (ids > 0) merged into it, however deep: a chain of
        # merges is not walked for every article (a rebuild merges only its own keys)
        self.stored_merged: dict[int, list[int]] = {}

    def resolve(self, key: int) -> int:
        while key in self.merged:
            key = self.merged[key]
        return key

    def where(self, aid: int) -> int | None:
        key = self.group.get(aid) if aid in self.placed else self.known(aid)
        return None if key is None else self.resolve(key)

    def _put(self, aid: int, key: int, p: ev.Profile | None = None) -> None:
        self.placed.add(aid)
        self.group[aid] = key
        if p is None:
            p = self.profiles([aid]).get(aid) or _profile_of({}, aid, None)
        self.pools.setdefault(key, ev.Pool()).add(p)

    def _merge(self, other: int, key: int) -> None:
        self.merged[other] = key
        inherited = self.stored_merged.pop(other, [])
        if other > 0 or inherited:
            self.stored_merged.setdefault(key, []).extend([other] if other > 0 else [])
            self.stored_merged[key].extend(inherited)
        if other in self.pools:
            self.pools.setdefault(key, ev.Pool()).absorb(self.pools.pop(other))

    def pool(self, key: int, aid: int) -> ev.Pool:
        """Story ``key`` as ``aid`` finds it: its members older than ``aid`` (stored
        ones, and those this run put in it) pooled."""
        family = [key] if key > 0 else []
        parts = [self.stored(k, aid) for k in [*family, *self.stored_merged.get(key, ())]]
        stored = [part for part in parts if part is not None]
        mine = self.pools.get(key)
        if not stored:
            return mine or ev.Pool()
        out = stored[0].copy()
        for part in [*stored[1:], *([mine] if mine else [])]:
            out.absorb(part)
        return out

    def place(self, aid: int, older: list[tuple[int, float]], p: ev.Profile) -> None:
        self.placed.add(aid)
        dated = p.day is not None
        total: dict[int, float] = {}
        # Articles of no story when ``aid`` came (placed again, an older article may
        # be in a story that only newer ones formed with it): (strength, id, story).
        alone: list[tuple[float, int, int | None]] = []
        loose: list[tuple[float, int]] = []  # those of no story at all, however weak the link
        pools: dict[int, ev.Pool] = {}

        def pool(key: int) -> ev.Pool:
            if key not in pools:
                pools[key] = self.pool(key, aid)
            return pools[key]

        best: dict[int, float] = {}  # story -> the strongest link of ``aid`` to a member
        for other, strength in older:
            key = self.where(other)
            if key is None or pool(key).n < 2:
                if strength > BRING_THRESHOLD:
                    alone.append((strength, other, key))
                if key is None:
                    loose.append((strength, other))
            else:
                total[key] = total.get(key, 0.0) + _probability(strength)
                best[key] = max(best.get(key, -math.inf), strength)
        join = {
            key: _tells(p, pool(key), t, _probability(best[key]))
            for key, t in total.items()
            if _may_join(p, best[key]) and self._beyond_names(p, key, pool(key), older)
        }
        good = sorted((k for k in join if join[k] > JOIN_MIN), key=lambda k: (-join[k], k))
        strongest = max(alone)[0] if alone else -math.inf
        if good and strongest > START_THRESHOLD and join[good[0]] < _probability(strongest):
            good = []  # it tells the event of an article of no story better: a new story
        if good:
            key = good[0]
            if dated:
                # Read before any merge: the pools as ``aid`` found them, in any run.
                alike = [o for o in good[1:] if join[o] > MERGE_MIN]
                alike = [o for o in alike if _may_merge(p, pool(key), pool(o))]
                for other in alike:
                    self._merge(other, key)
            self._put(aid, key, p)
            if not dated:
                return
            # Only the strongly linked come along unasked (see BRING_THRESHOLD).
            bring = [a for a in alone if a[0] > START_THRESHOLD]
        elif strongest > START_THRESHOLD:
            # An undated article starts a story with one article only.
            bring = alone if dated else [max(alone, key=lambda a: (a[0], -a[1]))]
            stored = [k for _s, _o, k in sorted(bring, reverse=True) if k is not None]
            key = stored[0] if stored else -min(o for _s, o, _k in bring)
            self._put(aid, key, p)
        elif dated and len(loose) >= 2 and (together := self._starts_with(p, loose)):
            # Weakly linked to articles of no story that are linked to each other, and
            # telling their event read as one (their pool): they start a story together.
            key = -min(o for _s, o in together)
            self._put(aid, key, p)
            bring = [(s, o, None) for s, o in together]
        else:
            return
        # Older articles linked to it that had no story come along (A and B differ,
        # C tells both): only a dated article brings any.
        for _s, other, had in bring:
            if had is None:
                self._put(other, key)
        if dated:
            self._join_again(key, [o for _s, o in loose], aid)

    def _beyond_names(
        self, p: ev.Profile, key: int, pool: ev.Pool, older: list[tuple[int, float]]
    ) -> bool:
        """Whether ``p`` says something of story ``key`` (``pool``) beyond its people's
        names: words of its lead (``ACT_MIN``) or a claim matched with a member it is
        linked to (``older``: its links; ``CLAIM_PART``). A headline alone: always."""
        if p.headline_only or pool.beyond_names(p) >= ACT_MIN:
            return True
        links = [(o, s) for o, s in older if self.where(o) == key]
        return _claimed(p, self.profiles([o for o, _s in links]), links)

    def _join_again(self, key: int, loose: list[int], aid: int) -> None:
        """The older articles of no story linked to ``aid`` that would join ``key`` as it
        stands now (``aid`` in it): what placing them after ``aid`` would do. "A, then B
        (linked to A, but A alone is no story), then C (A's twin)": B joins A and C."""
        waiting = [o for o in loose if self.where(o) is None]
        if not waiting:
            return
        links = self.linked(waiting)
        found = self.profiles(waiting)
        pool = self.pool(key, aid + 1)
        for o in sorted(waiting):
            q = found.get(o)
            if q is None or q.day is None:
                continue  # an undated article joins only as itself placed
            # Its links to the story's members up to aid (none newer: what a rebuild knows).
            members = [s for x, s in links.get(o, {}).items() if x <= aid and self.where(x) == key]
            if not members:
                continue  # linked to aid, but to none of the story before it
            probs = [_probability(s) for s in members]
            if _tells(q, pool, sum(probs), max(probs)) > JOIN_MIN:
                self._put(o, key, q)
                pool = self.pool(key, aid + 1)

    def _starts_with(
        self, p: ev.Profile, loose: list[tuple[float, int]]
    ) -> list[tuple[float, int]]:
        """The articles of no story among ``loose`` (linked to ``p``, with the strengths)
        that start a story with ``p``: those linked to another of them (no two strangers
        with one word in common) that each tell the event of the others and ``p`` read as
        one story (above ``START_MEMBER_MIN``), when there are two or more and ``p`` tells
        their event read as one story (:func:`db.article_evidence.story_probability`
        above ``START_POOL_MIN``); else none."""
        ids = [o for _s, o in loose]
        links = self.linked(ids)
        together = [(s, o) for s, o in loose if any(x in links.get(o, {}) for x in ids if x != o)]
        if len(together) < 2:
            return []
        together.sort(key=lambda so: so[1])  # in id order: the same sums in any run
        found = self.profiles([o for _s, o in together])
        profile = {o: found.get(o) or _profile_of({}, o, None) for _s, o in together}
        # Each of them tells the event of the others and ``p`` read as one story: an
        # article weakly linked to one of them by a shared name is no third telling.
        kept = [
            (s, o)
            for s, o in together
            if self._fits(
                START_MEMBER_MIN,
                profile[o],
                [*(profile[x] for _s, x in together if x != o), p],
                [*(links.get(o, {}).get(x) for _s, x in together if x != o), s],
            )
        ]
        if len(kept) < 2:
            return []
        others = [profile[o] for _s, o in kept]
        return kept if self._fits(START_POOL_MIN, p, others, [s for s, _o in kept]) else []

    @staticmethod
    def _fits(
        floor: float, q: ev.Profile, members: list[ev.Profile], strengths: list[float | None]
    ) -> bool:
        """Whether ``q`` tells the event of ``members`` read as one story, linked to them
        with ``strengths`` (None: not linked), with a probability above ``floor``."""
        pool = ev.Pool()
        for m in members:
            pool.add(m)
        probs = [_probability(s) for s in strengths if s is not None]
        return _tells(q, pool, sum(probs), max(probs, default=0.0)) > floor

    def final(self) -> dict[int, int]:
        """Article -> story key, merges applied."""
        return {aid: self.resolve(key) for aid, key in self.group.items()}


def _place_all(
    links: Links, days: dict[int, int | None], profiles: dict[int, ev.Profile]
) -> _Placer:
    placer = _Placer(
        lambda _aid: None,
        lambda _key, _aid: None,
        lambda aids: {a: profiles[a] for a in aids if a in profiles},
        lambda _aids: links,
    )
    for aid in sorted(links):
        placer.place(aid, _older(links, aid), _profile_of(profiles, aid, days.get(aid)))
    return placer


def _profile_of(profiles: dict[int, ev.Profile], aid: int, day: int | None) -> ev.Profile:
    """``aid``'s profile, its day as the placement reads it (an article of no profile:
    dates only)."""
    p = profiles.get(aid)
    if p is None:
        return ev.Profile(aid, day, {}, {}, {}, frozenset(), [], [])
    if p.day != day:
        p = ev.Profile(
            aid,
            day,
            p.title,
            p.lead,
            p.ents,
            p.nums,
            p.keys,
            p.terms,
            0.0,
            p.headline_only,
            p.short,
        )
    return p


def place_all(
    links: Links, days: dict[int, int | None], profiles: dict[int, ev.Profile]
) -> dict[int, int]:
    """Every linked article placed in id order, as a rebuild places them: article ->
    story key (articles of no story left out). ``days``: as for :func:`link_graph`;
    ``profiles``: the articles' (:func:`db.article_evidence.profile`)."""
    return _place_all(links, days, profiles).final()


def _stored_story(conn: sqlite3.Connection) -> Callable[[int], int | None]:
    """The stored story of an article (read once)."""
    cache: dict[int, int | None] = {}

    def where(aid: int) -> int | None:
        if aid not in cache:
            row = conn.execute("SELECT story_id FROM articles WHERE id = ?", (aid,)).fetchone()
            cache[aid] = row[0] if row else None
        return cache[aid]

    return where


# An article id after every article: a story's pool as it stands, all members in it.
_AFTER_ALL = 1 << 62


def _has_pools(conn: sqlite3.Connection) -> bool:
    """False while upgrading a database from before story_pools (schema 9)."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_pools'"
    ).fetchone()
    return row is not None


def _stored_pools(
    conn: sqlite3.Connection, profiles: Callable[[list[int]], dict[int, ev.Profile]]
) -> Callable[[int, int], ev.Pool | None]:
    """The pool of a stored story's members older than ``aid`` (None: no such member):
    the stored pool when it holds exactly those (a new article: every member is older),
    else pooled from their profiles (an older article placed again)."""
    cache: dict[tuple[int, int], ev.Pool | None] = {}
    pools = _has_pools(conn)

    def pool(story: int, aid: int) -> ev.Pool | None:
        n, last = conn.execute(
            "SELECT count(*), max(id) FROM articles WHERE story_id = ? AND id < ?", (story, aid)
        ).fetchone()
        if not n:
            return None
        if (story, n) in cache:
            return cache[(story, n)]
        row = None
        if pools:
            row = conn.execute(
                "SELECT data FROM story_pools WHERE story_id = ? AND n = ? AND last = ?",
                (story, n, last),
            ).fetchone()
        out = None
        if row is not None:
            # A damaged pool (a cache) is pooled again from the profiles below.
            with contextlib.suppress(ValueError, KeyError, TypeError):
                out = ev.Pool.load(row[0])
        if out is None:
            members = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM articles WHERE story_id = ? AND id < ? ORDER BY id",
                    (story, aid),
                )
            ]
            found = profiles(members)
            out = ev.Pool()
            for m in members:
                out.add(found.get(m) or _profile_of({}, m, None))
        cache[(story, n)] = out
        return out

    return pool


def _stored_profiles(conn: sqlite3.Connection) -> Callable[[list[int]], dict[int, ev.Profile]]:
    """Stored profiles (read once)."""
    index = ev.StoredIndex(conn)
    cache: dict[int, ev.Profile] = {}

    def read(aids: list[int]) -> dict[int, ev.Profile]:
        missing = [a for a in aids if a not in cache]
        if missing:
            cache.update(index.profiles(missing))
        return {a: cache[a] for a in aids if a in cache}

    return read


def _story_members(conn: sqlite3.Connection, story_ids: Iterable[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for marks, chunk in id_chunks(sorted(story_ids)):
        for aid, story in conn.execute(
            f"SELECT id, story_id FROM articles WHERE story_id IN ({marks}) ORDER BY id", chunk
        ):
            out.setdefault(story, []).append(aid)
    return out


@dataclass(frozen=True)
class _Written:
    """A stored story as its row and pool are written: its members counted, the newest,
    how many sources, the first date, and the title candidates (its first
    ``TITLE_CANDIDATES`` members by date, undated last, then id)."""

    n: int
    last: int
    sources: int
    first_date: str | None
    candidates: list[int]
    # A stored story that only gained articles (placed in it, or with a story it
    # absorbed), none of them among its candidates: its candidates and the evidence
    # among them are as they were, and so is its title.
    title_kept: bool = False


def _written(conn: sqlite3.Connection, story_ids: Iterable[int]) -> dict[int, _Written]:
    """:class:`_Written` for each story (by id) with a member, read from the index on
    (story, date, source), so that a story of thousands costs a few index lookups, not
    its members' rows."""
    counts: dict[int, tuple[int, int, int]] = {}
    for marks, chunk in id_chunks(sorted(set(story_ids))):
        for story, n, last, sources in conn.execute(
            "SELECT story_id, count(*), max(id), count(DISTINCT source_id) FROM articles"
            f" WHERE story_id IN ({marks}) GROUP BY story_id",
            chunk,
        ):
            counts[story] = (n, last, sources)
    out: dict[int, _Written] = {}
    for story, (n, last, sources) in counts.items():
        # The first date is the first candidate's (min(NULLIF(date, '')) read every
        # member's date: 0.7 ms at 5,195 members); their titles are read for the
        # stories whose title is chosen (_refresh).
        dated = conn.execute(
            "SELECT id, date FROM articles WHERE story_id = ? AND date > ''"
            " ORDER BY date, id LIMIT ?",
            (story, TITLE_CANDIDATES),
        ).fetchall()
        ids = [a for a, _d in dated]
        if len(ids) < TITLE_CANDIDATES:  # the undated come last
            ids.extend(
                r[0]
                for r in conn.execute(
                    "SELECT id FROM articles WHERE story_id = ? AND NULLIF(date, '') IS NULL"
                    " ORDER BY id LIMIT ?",
                    (story, TITLE_CANDIDATES - len(ids)),
                )
            )
        out[story] = _Written(n, last, sources, dated[0][1] if dated else None, ids)
    return out


@dataclass
class Placement:
    """Where a run placed its articles: article -> story key (:class:`_Placer`), each
    story's pool with all its members, and the stored stories merged into others
    (stored id -> the key it went into)."""

    stories: dict[int, int]
    pools: dict[int, ev.Pool]
    merged: dict[int, int]


def _placement(placer: _Placer) -> Placement:
    final = placer.final()
    return Placement(
        final,
        {key: placer.pool(key, _AFTER_ALL) for key in set(final.values())},
        {key: placer.resolve(key) for key in placer.merged if key > 0},
    )


def _largest_survives(conn: sqlite3.Connection, placement: Placement) -> Placement:
    """The placement with each story that absorbs stored stories keeping the id of the
    largest of them (its own stored id among them): the members of the others move,
    so an article that joins a small story and merges a story of thousands into it
    does not rewrite the thousands (40 ms at 5,196 members)."""
    absorbed: dict[int, list[int]] = {}
    for old, into in placement.merged.items():
        absorbed.setdefault(into, []).append(old)
    rename: dict[int, int] = {}
    for into, olds in absorbed.items():
        stored = [*([into] if into > 0 else []), *olds]
        size = {
            story: conn.execute(
                "SELECT count(*) FROM articles WHERE story_id = ?", (story,)
            ).fetchone()[0]
            for story in stored
        }
        largest = max(stored, key=lambda story: (size[story], -story))
        if largest != into:
            rename[into] = largest
    if not rename:
        return placement
    merged = {}
    for old, into in placement.merged.items():
        if rename.get(into, into) != old:
            merged[old] = rename.get(into, into)
    merged.update((into, kept) for into, kept in rename.items() if into > 0)
    return Placement(
        {aid: rename.get(key, key) for aid, key in placement.stories.items()},
        {rename.get(key, key): pool for key, pool in placement.pools.items()},
        merged,
    )


def _store(conn: sqlite3.Connection, placement: Placement) -> dict[int, _Written]:
    """Rows for the stories a run formed, story ids for its articles, stored stories
    merged into others moved over and deleted, and the pools of the stories written
    (``story_pools``). Returns the stories written (:class:`_Written`)."""
    placement = _largest_survives(conn, placement)
    ids = store_groups(
        conn,
        placement.stories,
        "INSERT INTO stories(title, n_articles, n_sources) VALUES ('', 0, 0)",
        "UPDATE articles SET story_id = ? WHERE id = ?",
    )
    # The articles each story gained: placed in it, or moved in from a story it absorbed.
    gained: dict[int, set[int]] = {}
    for aid, key in placement.stories.items():
        gained.setdefault(ids[key], set()).add(aid)
    for key in sorted(placement.merged):
        into = ids[placement.merged[key]]
        gained.setdefault(into, set()).update(
            r[0] for r in conn.execute("SELECT id FROM articles WHERE story_id = ?", (key,))
        )
        conn.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (into, key))
        conn.execute("DELETE FROM stories WHERE id = ?", (key,))
    written = _written(conn, ids.values())
    formed = {ids[k] for k in placement.stories.values() if k < 0}
    for story, w in written.items():
        if story not in formed and gained.get(story, set()).isdisjoint(w.candidates):
            written[story] = replace(w, title_kept=True)
    if _has_pools(conn):
        rows = []
        for key, pool in placement.pools.items():
            story = written.get(ids[key])
            if story is not None and pool.n == story.n:
                rows.append((ids[key], pool.n, story.last, pool.data()))
        conn.executemany(
            "INSERT OR REPLACE INTO story_pools(story_id, n, last, data) VALUES (?, ?, ?, ?)",
            rows,
        )
    return written


def _refresh(
    conn: sqlite3.Connection, stories: dict[int, _Written], evidence: Iterable[Link]
) -> None:
    """Write the row of ``stories`` (``evidence``, the article-level scores in order of
    (a, b), must cover the title candidates of those whose title is not kept): the most
    representative headline (the candidate with the most article evidence of one event
    with the other candidates: the claims, costly to read for a large story, are left
    out), first date, counts."""
    central_weight: dict[int, float] = {}
    story_of = {a: story for story, w in stories.items() for a in w.candidates}
    for a, b, score in evidence:
        if a in story_of and story_of.get(b) == story_of[a]:
            p = _probability(score)
            central_weight[a] = central_weight.get(a, 0.0) + p
            central_weight[b] = central_weight.get(b, 0.0) + p
    chosen: dict[int, int] = {}
    for story, w in stories.items():
        if not w.title_kept:
            # The candidates come by date, then id: the first of the best weight wins.
            best = min(
                range(len(w.candidates)),
                key=lambda k: (-round(central_weight.get(w.candidates[k], 0.0), 6), k),
            )
            chosen[story] = w.candidates[best]
    meta = article_meta(conn, chosen.values())
    rows = [
        (meta[chosen[story]][2] if story in chosen else None, w.first_date, w.n, w.sources, story)
        for story, w in stories.items()
    ]
    conn.executemany(
        "UPDATE stories SET title = coalesce(?, title), first_date = ?, n_articles = ?,"
        " n_sources = ? WHERE id = ?",
        rows,
    )


def rebuild_stories(
    conn: sqlite3.Connection,
    *,
    window_days: int = STORY_WINDOW_DAYS,
    placed: tuple[Placement, list[Link]] | None = None,
) -> int:
    """Place every article again (inside the caller's transaction), profiling those
    without a profile first; returns how many stories there are. ``placed``: the
    placement already made from what is stored (:func:`place_stored` over it in memory),
    with the stored links in order of (a, b)."""
    if placed is None:
        profile_articles(conn, None, window_days)
    conn.execute("UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL")
    conn.execute("DELETE FROM stories")
    if placed is None:
        evidence, matched, meta = _stored_pairs(conn, None)
        index = ev.StoredIndex(conn)
        placement = place_stored(evidence, matched, meta, index.profiles, window_days)
        scores: Iterable[Link] = ((a, b, s) for (a, b), s in evidence.items())
    else:
        placement, scores = placed
    written = _store(conn, placement)
    _refresh(conn, written, scores)
    return len(written)


def place_stored(
    evidence: dict[tuple[int, int], float],
    matched: dict[tuple[int, int], Matched],
    meta: Meta,
    profiles: Callable[[Iterable[int]], dict[int, ev.Profile]],
    window: int = STORY_WINDOW_DAYS,
) -> Placement:
    """Every article placed as :func:`rebuild_stories` places it, from the stored
    article-level scores of the pairs, their matched statements (:func:`count_matched`),
    the articles' (source, date, title) and their profiles (those asked for): read from
    the tables, or held in memory by a full match, which places the stories beside its
    write."""
    days = {aid: day_number(m[1]) for aid, m in meta.items()}
    # Every profile read once: the placement reads those of the linked articles, and the
    # links those of the pairs with one related statement (most of them, in a rebuild).
    found = profiles(sorted({x for pairs in (evidence, matched) for pair in pairs for x in pair}))

    def held(aids: Iterable[int]) -> dict[int, ev.Profile]:
        return {a: found[a] for a in aids if a in found}

    heads = headlines_alone(evidence, matched, held)
    short = short_related(matched, held)
    graph = link_graph(evidence, matched, days, window, heads, short)
    return _placement(_place_all(graph, days, held(graph)))


# At most this many articles are placed again for one update to equal a rebuild (see
# update_stories): about 0.5-0.8 ms each, so under a second.
EXACT_PLACE_MAX = 1000


def _around(
    conn: sqlite3.Connection, placed: set[int], profiled: set[int], window_days: int
) -> tuple[set[int], set[int]]:
    """The articles to place again, and the stories they dissolve, when not everything
    newer is (update_stories): ``placed``, the articles whose profiles changed with them
    (``profiled``), the newer articles linked to them now (an article re-matched may
    now bring one into a story, or start one with it), and every member of a story any
    of those is in (links lost leave the stories it was in)."""
    affected = placed | profiled
    newer, _meta = _links(conn, placed, window_days)
    for aid in placed:
        affected.update(o for o in newer.get(aid, {}) if o > aid)
    old: set[int] = set()
    for marks, chunk in id_chunks(sorted(affected)):
        old.update(
            r[0]
            for r in conn.execute(
                f"SELECT DISTINCT story_id FROM articles WHERE id IN ({marks})"
                " AND story_id IS NOT NULL",
                chunk,
            )
        )
    for members in _story_members(conn, old).values():
        affected.update(members)
    return affected, old


def _from_oldest(conn: sqlite3.Connection, oldest: int) -> int:
    """The oldest article to place again when ``oldest`` and every newer article are:
    ``oldest``, or the oldest member of a story one of them is in (that story is placed
    again whole), until no story reaches older."""
    while True:
        (low,) = conn.execute(
            "SELECT min(id) FROM articles WHERE story_id IN"
            " (SELECT story_id FROM articles WHERE id >= ? AND story_id IS NOT NULL)",
            (oldest,),
        ).fetchone()
        if low is None or low >= oldest:
            return oldest
        oldest = low


def update_stories(
    conn: sqlite3.Connection, article_ids: Iterable[int], *, window_days: int = STORY_WINDOW_DAYS
) -> int:
    """Place ``article_ids`` (new, or replaced) again, with every newer article and the
    articles of the stories any of them is in (those stories are dissolved), beside the
    stories of every older article as they stand. Returns the stories written.

    A rebuild places each article on what the older ones made of each other; an older
    article placed again (replaced, or re-matched) may change what any newer one finds
    (brought into a story, a story it joins, two stories merged), and a story kept
    with a member newer than it was formed or grown by that member. So everything from
    the oldest of them on is placed again in id order, and the stories left stand as a
    rebuild has them when it reaches that article: none holds a newer member. New
    articles are the newest: only they are placed. When more than EXACT_PLACE_MAX
    articles would be placed again (an old article replaced in a large database: about
    45 s at 116 k articles), only those around it are (_around): quick, and it may
    differ from a rebuild until a full `claimlens match`."""
    placed = set(article_ids)
    if not placed:
        return 0
    profiled = profile_articles(conn, placed, window_days)
    oldest = _from_oldest(conn, min(placed))
    (count,) = conn.execute("SELECT count(*) FROM articles WHERE id >= ?", (oldest,)).fetchone()
    if count > EXACT_PLACE_MAX:
        affected, old = _around(conn, placed, profiled, window_days)
    else:
        affected = {r[0] for r in conn.execute("SELECT id FROM articles WHERE id >= ?", (oldest,))}
        old = {
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT story_id FROM articles WHERE id >= ? AND story_id IS NOT NULL",
                (oldest,),
            )
        }
    for marks, chunk in id_chunks(sorted(old)):
        conn.execute(f"UPDATE articles SET story_id = NULL WHERE story_id IN ({marks})", chunk)
        conn.execute(f"DELETE FROM stories WHERE id IN ({marks})", chunk)
    links, meta = _links(conn, affected, window_days)
    profiles = _stored_profiles(conn)
    placer = _Placer(
        _stored_story(conn),
        _stored_pools(conn, profiles),
        profiles,
        lambda aids: _links(conn, aids, window_days)[0],
    )
    for aid in sorted(affected):
        day = day_number(meta[aid][1]) if aid in meta else None
        mine = profiles([aid])
        placer.place(aid, _older(links, aid), _profile_of(mine, aid, day))
    written = _store(conn, _placement(placer))
    titled = [a for w in written.values() if not w.title_kept for a in w.candidates]
    _refresh(conn, written, _evidence_within(conn, titled))
    return len(written)
