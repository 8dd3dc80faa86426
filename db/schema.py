"""The database schema, in one place, with its version and migrations.

Every table claimlens writes is created here, and every step from one version to
the next (``PRAGMA user_version`` holds the version). This module only defines
them: :func:`db.upgrade.migrate` runs the steps, and :func:`check_usable` refuses a
database written by a newer claimlens or by another program.

Offsets (``char_start``/``char_end``) always index into ``articles.text``, which
is the headline, a blank line, then the body (``body_start`` is where the body
begins), so ``text[char_start:char_end]`` is exactly the statement, quote or
number.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only annotations: `claimlens search` reads without sqlite-utils
    import sqlite_utils

SCHEMA_VERSION = 46

# Version 1: the whole schema.
_V1 = """
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE  -- "FOX" and "fox" are one source
);

CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    first_date TEXT,
    n_articles INTEGER NOT NULL DEFAULT 0,
    n_sources INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    key TEXT NOT NULL UNIQUE,          -- identity for replacement: url, else path (+ #record)
    url TEXT,
    path TEXT,
    title TEXT NOT NULL,
    date TEXT,                         -- ISO 8601 date or datetime; NULL when unknown
    text TEXT NOT NULL,                -- headline, blank line, body; all offsets index into this
    body_start INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    words INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL,
    matched INTEGER NOT NULL DEFAULT 0 -- 1 once cross-source matching has seen this version
);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_source_date ON articles(source_id, date);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_unmatched ON articles(matched) WHERE matched = 0;

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    first_statement_id INTEGER,
    first_date TEXT,
    n_sources INTEGER NOT NULL DEFAULT 0,
    n_statements INTEGER NOT NULL DEFAULT 0,
    has_conflict INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,              -- 0-based position in the article
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    kind TEXT NOT NULL,                -- 'headline' | 'sentence' | 'caption'
    text TEXT NOT NULL,
    speaker TEXT,                      -- who the sentence attributes it to, if anyone
    claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,
    UNIQUE (article_id, seq)
);
CREATE INDEX statements_claim ON statements(claim_id);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text TEXT NOT NULL,                -- the quoted words, without the quote marks
    speaker TEXT
);
CREATE INDEX quotes_statement ON quotes(statement_id);

CREATE TABLE numbers (
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    raw TEXT NOT NULL,                 -- as written: 'an estimated 11,000'
    value REAL NOT NULL,               -- normalised: 11000.0
    unit TEXT,                         -- '%', 'USD', 'GBP', ... or NULL
    qualifier TEXT                     -- 'at least', 'about', 'some', ... or NULL
);
CREATE INDEX numbers_statement ON numbers(statement_id);

-- One row per matched pair of statements from different sources, a < b.
CREATE TABLE matches (
    a INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    b INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    score REAL NOT NULL,               -- 0..100
    relation TEXT NOT NULL,            -- 'same' | 'conflict'
    diff TEXT,                         -- JSON: the values that differ, for conflicts
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX matches_b ON matches(b);

-- Full-text indexes: external-content FTS5 tables kept in sync by triggers.
-- prefix='3 4': as-you-type prefix queries ("Umer*") read a prefix index instead
-- of merging every term that starts that way.
CREATE VIRTUAL TABLE statements_fts USING fts5(
    text, content='statements', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2', prefix='3 4'
);
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER statements_au AFTER UPDATE OF text ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, content='articles', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO articles_fts(rowid, title) VALUES (new.id, new.title);
END;
"""

# Version 2: the blocking keys of statements (db.blocking), kept by matching, so that
# one new article finds its candidates by index lookups instead of loading the corpus.
_V2 = """
-- One row per statement matching has keyed (empty list: too few words to match).
CREATE TABLE statement_keys (
    statement_id INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
    day INTEGER NOT NULL,              -- proleptic ordinal of the article's date; 0 when undated
    keys TEXT NOT NULL                 -- JSON list of the statement's blocking keys
);
-- The inverted index: key -> statements, by day (a window is a range scan).
CREATE TABLE key_postings (
    key TEXT NOT NULL,
    day INTEGER NOT NULL,
    statement_id INTEGER NOT NULL,
    PRIMARY KEY (key, day, statement_id)
) WITHOUT ROWID;
-- Each matched article's token counts over its statements (its statements' context
-- in db.matcher): read, not recomputed, when the article is a candidate of a new one.
CREATE TABLE article_tokens (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,                -- statements
    df TEXT NOT NULL                   -- JSON {token: statements holding it}, for counts >= 2
);
-- A claim that lost statements (their article replaced or deleted) is stale: the
-- next matching recomputes it, without scanning every claim to find it.
ALTER TABLE claims ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
CREATE INDEX claims_stale ON claims(stale) WHERE stale = 1;
CREATE TRIGGER statements_claim_ad AFTER DELETE ON statements WHEN old.claim_id IS NOT NULL
BEGIN
    UPDATE claims SET stale = 1 WHERE id = old.claim_id;
END;
CREATE TRIGGER statement_keys_ad AFTER DELETE ON statement_keys BEGIN
    DELETE FROM key_postings WHERE key IN (SELECT value FROM json_each(old.keys))
        AND day = old.day AND statement_id = old.statement_id;
END;
"""

# Tables whose contents are derived from others and can be rebuilt.
FTS_TABLES = ("statements_fts", "articles_fts")
# Tables a claimlens database must have; the FTS tables, triggers and indexes are
# derived, and ``claimlens check --repair`` recreates them if they are missing.
CORE_TABLES = ("sources", "stories", "articles", "claims", "statements", "quotes", "numbers")

Migration = Callable[["sqlite_utils.Database"], None]


def _create_v1(db: sqlite_utils.Database) -> None:
    for statement in _split_script(_V1):
        db.conn.execute(statement)


def _v1_to_v2(db: sqlite_utils.Database) -> None:
    for statement in _split_script(_V2):
        db.conn.execute(statement)
    # Statements matched before have no keys yet: match everything once more (the
    # next ingest or `claimlens match` does it, and writes the keys).
    db.conn.execute("UPDATE articles SET matched = 0 WHERE matched = 1")
    db.conn.execute(
        "UPDATE claims SET stale = 1 WHERE n_statements !="
        " (SELECT count(*) FROM statements s WHERE s.claim_id = claims.id)"
    )


# Version 3: no new tables; claims gather around a centre (db.claims) instead of
# being connected components of the matches, which chained into claims of 100 k
# statements. The matches stand; claims and stories are regrouped from them (by
# db.upgrade, which owns the engine: this module only says so, in REGROUP_AT).
def _v2_to_v3(db: sqlite_utils.Database) -> None:
    """Nothing to change in the tables: the regrouping is the whole step."""


# Version 4: the feeds `claimlens follow` fetches (db.feed_state): per feed, what the
# last fetch found (validators for conditional requests, the last error, articles
# added), and per entry a fingerprint, so that an entry seen again is not fetched again.
_V4_FEEDS = """
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    source TEXT,                 -- the urls file's "~name", if any
    title TEXT,                  -- the feed's own title
    etag TEXT,                   -- validators of the last 200 response
    last_modified TEXT,
    last_fetched TEXT,           -- UTC ISO 8601: when the last fetch ended
    last_ok TEXT,                -- ... and the last one that succeeded (200 or 304)
    last_status TEXT,            -- 'ok', 'not modified' or 'failed'
    last_error TEXT,             -- one line, NULL when the last fetch succeeded
    entries INTEGER NOT NULL DEFAULT 0,        -- entries in the feed at the last 200
    last_added INTEGER NOT NULL DEFAULT 0,     -- articles added/replaced by the last fetch
    articles_added INTEGER NOT NULL DEFAULT 0, -- ... by every fetch
    failures INTEGER NOT NULL DEFAULT 0        -- failed fetches in a row
);

CREATE TABLE feed_entries (
    feed_url TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
    key TEXT NOT NULL,           -- the entry's article key (its link, else feed#id)
    fingerprint TEXT NOT NULL,   -- hash of what the feed says of it: a change is re-read
    PRIMARY KEY (feed_url, key)
) WITHOUT ROWID;
"""


def _v3_to_v4(db: sqlite_utils.Database) -> None:
    _create_missing(db.conn, _V4_FEEDS)


# Version 5: article-level evidence for stories (db.article_evidence): each article's
# profile (headline and lead vectors, entities, numbers), an inverted index of its
# headline tokens and entities by day, document frequencies, and the scored pairs.
_V5_STORY_EVIDENCE = """
CREATE TABLE article_profiles (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    day INTEGER NOT NULL,              -- proleptic ordinal of the article's date; 0 when undated
    keys TEXT NOT NULL,                -- JSON list of its postings keys
    terms TEXT NOT NULL,               -- JSON list of the terms it counts in article_df
    data TEXT NOT NULL                 -- JSON: vectors, entities, numbers
);
CREATE TABLE article_postings (
    key TEXT NOT NULL,
    day INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (key, day, article_id)
) WITHOUT ROWID;
-- Articles holding each term ('' counts the profiled articles).
CREATE TABLE article_df (
    term TEXT PRIMARY KEY,
    n INTEGER NOT NULL
) WITHOUT ROWID;
-- Scored pairs of articles, a < b: log-odds of one event on article evidence alone.
CREATE TABLE story_links (
    a INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    score REAL NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX story_links_b ON story_links(b);
CREATE TRIGGER article_profiles_ad AFTER DELETE ON article_profiles BEGIN
    DELETE FROM article_postings WHERE key IN (SELECT value FROM json_each(old.keys))
        AND day = old.day AND article_id = old.article_id;
    UPDATE article_df SET n = n - 1 WHERE term IN (SELECT value FROM json_each(old.terms));
    DELETE FROM story_links WHERE a = old.article_id OR b = old.article_id;
END;
-- A replaced article (same id, new text or date) is profiled again.
CREATE TRIGGER articles_profile_au AFTER UPDATE OF title, text, date ON articles
WHEN old.title IS NOT new.title OR old.text IS NOT new.text OR old.date IS NOT new.date
BEGIN
    DELETE FROM article_profiles WHERE article_id = new.id;
END;
"""


def _v4_to_v5(db: sqlite_utils.Database) -> None:
    _create_missing(db.conn, _V5_STORY_EVIDENCE)


# Version 6: who said each quote (db.speakers, db.quotes): where the attributing
# mention is, how it attributes (a name, a resolved pronoun, a common noun, or a pronoun
# left unresolved) and a key equal across articles for one speaker. Quotes stored
# before keep their speaker; their key is derived from it here (ingest them again to
# get spans, kinds and resolved pronouns).
_V6_QUOTE_SPEAKERS = """
ALTER TABLE quotes ADD COLUMN speaker_start INTEGER;  -- the mention: articles.text offsets
ALTER TABLE quotes ADD COLUMN speaker_end INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_kind TEXT;      -- named|pronoun|common|unresolved
ALTER TABLE quotes ADD COLUMN speaker_key TEXT;       -- 'surname|given names', or an org
CREATE INDEX quotes_speaker_key ON quotes(speaker_key) WHERE speaker_key IS NOT NULL;
"""


def _v5_to_v6(db: sqlite_utils.Database) -> None:
    from db.speakers import speaker_key  # a leaf module: no cycle

    have = {r[1] for r in db.conn.execute("PRAGMA table_info(quotes)")}
    for statement in _split_script(_V6_QUOTE_SPEAKERS):
        m = re.match(r"ALTER TABLE quotes ADD COLUMN (\w+)", statement)
        if m is None or m.group(1) not in have:  # a step run twice changes nothing
            db.conn.execute(_if_missing(statement))
    db.conn.create_function("claimlens_speaker_key", 1, speaker_key, deterministic=True)
    db.conn.execute(
        "UPDATE quotes SET speaker_kind = 'named', speaker_key = claimlens_speaker_key(speaker)"
        " WHERE speaker IS NOT NULL"
    )


# Version 7: no new tables. An undated article is matched as of a date written in
# its text, else its ingest day (db.matching.undated_days), no longer against every
# date; the articles matched the old way (their keys stored with day 0, a candidate of
# every date) are matched again by the next ingest or `claimlens match --pending`.
def _v6_to_v7(db: sqlite_utils.Database) -> None:
    db.conn.execute(
        "UPDATE articles SET matched = 0 WHERE matched = 1 AND (date IS NULL OR date = '')"
    )


# Version 8: no new tables. Stories link two articles by the statements of the newer
# one that match the older one, no longer by the claims they share (claims regroup
# older statements as new ones come; matches do not), with weights fitted again: the
# stored pair scores and profiles are dropped, and the regroup profiles every article
# again and places it.
def _v7_to_v8(db: sqlite_utils.Database) -> None:
    for table in ("story_links", "article_postings", "article_df", "article_profiles"):
        db.conn.execute(f"DELETE FROM {table}")


# Version 9: a story is read as a whole when an article is placed (db.stories): its
# members' headline and lead vectors, entities and days pooled, kept per story so that
# placing one new article does not read every member; pair and story weights fitted
# again, so the stored pair scores and profiles are dropped, and the regroup profiles
# every article again and places it (writing the pools).
_V9_STORY_POOLS = """
CREATE TABLE story_pools (
    story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,                -- members pooled
    last INTEGER NOT NULL,             -- the newest of them (articles.id)
    data TEXT NOT NULL                 -- JSON: summed vectors, entity and day counts
);
CREATE TRIGGER stories_pool_ad AFTER DELETE ON stories BEGIN
    DELETE FROM story_pools WHERE story_id = old.id;
END;
"""


def _v8_to_v9(db: sqlite_utils.Database) -> None:
    _create_missing(db.conn, _V9_STORY_POOLS)
    _drop_profiles(db.conn)


def _drop_profiles(conn: sqlite3.Connection) -> None:
    """Every article's story profile and what is derived from it, to be made again by
    the regroup the step marks due (profiles weigh words by the articles before)."""
    for table in ("story_links", "article_postings", "article_df", "article_profiles"):
        conn.execute(f"DELETE FROM {table}")


# Version 10: work a step leaves due, done after the upgrade rather than inside it
# (db.upgrade marks it, db.regroup does it): regrouping every claim and story took
# minutes at 100 k articles, and every command, the browser too, waited for it. One row
# per job ('regroup'; 'speakers' in version 16, 'statements' since 17); the row is
# deleted in the transaction that does the job.
_V10_DUE_WORK = """
CREATE TABLE due_work (
    job TEXT PRIMARY KEY,              -- 'regroup': every claim and story, from the matches
    since INTEGER NOT NULL             -- the schema version whose step left it due
) WITHOUT ROWID;
"""


def create_due_work(conn: sqlite3.Connection) -> None:
    """The ``due_work`` table, if missing. Step 9 -> 10 makes it; so does db.upgrade when
    an earlier step leaves a regroup due, in that step's transaction (a crash between
    the two steps must not lose the mark)."""
    _create_missing(conn, _V10_DUE_WORK)


def _v9_to_v10(db: sqlite_utils.Database) -> None:
    create_due_work(db.conn)


def _match_again(conn: sqlite3.Connection, articles_sql: str, params: Any = ()) -> None:
    """Mark for matching again the matched articles whose ids ``articles_sql`` (a SELECT
    of one column, with ``params``) gives: the next ingest or `claimlens match --pending`
    matches them by the rules now in force."""
    conn.execute(
        f"UPDATE articles SET matched = 0 WHERE matched = 1 AND id IN ({articles_sql})", params
    )


# Version 11: no new tables. A statement is keyed by its telling figures too ("1.6%",
# "$8.45 billion": db.blocking), so two statements giving one figure in common words
# become candidates; the articles with such a figure, matched without those keys, are
# matched again by the next ingest or `claimlens match --pending` (which stores them).
def _v10_to_v11(db: sqlite_utils.Database) -> None:
    from db.numbers import telling  # a leaf module: no cycle

    db.conn.create_function("claimlens_telling", 2, telling, deterministic=True)
    _match_again(
        db.conn,
        "SELECT s.article_id FROM numbers n JOIN statements s ON s.id = n.statement_id"
        " WHERE claimlens_telling(n.value, n.unit)",
    )


# Version 12: placing an article in a story of thousands read all its members' rows
# and pools, at 40-60 ms.
# - A story's pool stores its summed vectors' weights packed as doubles
#   (db.article_evidence.Pool.data), not as decimal JSON numbers: each stored pool is
#   written again in the new form, the same values.
# - Articles are indexed by (story, date, source), so that a story's counts, first date
#   and first members (its title candidates) are read from the index alone.
# - Two headlines without a body are 'same' only at a higher cut (db.matcher.SAME_P_LONE):
#   the articles of one statement are matched again by the next ingest or `claimlens
#   match --pending`, so that their stored relations follow it.
_V12_STORY_INDEX = """
CREATE INDEX IF NOT EXISTS articles_story_date ON articles(story_id, date, source_id);
DROP INDEX IF EXISTS articles_story;
"""


def _v11_to_v12(db: sqlite_utils.Database) -> None:
    for statement in _split_script(_V12_STORY_INDEX):
        db.conn.execute(statement)
    _match_headlines_again(db.conn)

    def decimals(old: dict[str, Any]) -> dict[str, Any] | None:  # as schema 11 wrote them
        if "tw" in old:  # already in the form of schema 12 (a step run again over it)
            return None
        return {"t": old["t"], "l": old["l"]}

    _rewrite_pools(db.conn, decimals)


def _match_headlines_again(conn: sqlite3.Connection) -> None:
    """Mark the articles of one statement (a headline without a body) for matching
    again: the next ingest or `claimlens match --pending` stores their relations by the
    cut now in force (db.matcher.SAME_P_LONE)."""
    _match_again(conn, "SELECT article_id FROM statements GROUP BY article_id HAVING count(*) = 1")


# Version 13: no new tables.
# - A story's pool is stored as bytes (db.article_evidence.Pool.data: its terms joined,
#   its weights and counts packed), not JSON: writing and reading the pool of a story of
#   thousands was a third of placing one article in it. Each stored pool is written
#   again in the new form, the same values.
# - Articles are matched again by the next ingest or `claimlens match --pending` where
#   the matcher now judges otherwise: two headlines without a body are 'same' only at
#   p >= 0.90 (db.matcher.SAME_P_LONE, was 0.85); a part of a quantity no longer
#   conflicts with the whole ("40 civilian deaths" / "55 deaths": db.matcher._narrows),
#   so the articles of a stored conflict.
def _v12_to_v13(db: sqlite_utils.Database) -> None:
    _match_headlines_again(db.conn)
    _match_again(
        db.conn,
        "SELECT s.article_id FROM matches m JOIN statements s ON s.id IN (m.a, m.b)"
        " WHERE m.relation = 'conflict'",
    )
    _pools_as_bytes(db.conn)


# Version 14: no new tables. Figures that differ are judged otherwise (db.matcher): a
# conflict also when a verb is written before one figure and after the other ("killed
# at least 1,200 people" / "1,500 people were killed"), when two statements of one
# place give only the quantity, or when what the figures count is said by no other
# statement of their articles though the rest is the story's words (_own_quantity);
# no conflict between figures of other places or other months and years
# (_other_places_or_times). The articles with a figure are matched again by the next
# ingest or `claimlens match --pending`.
def _v13_to_v14(db: sqlite_utils.Database) -> None:
    _match_figures_again(db.conn)


# Version 15: no new tables. The matcher judges otherwise (db.matcher, db.lexicon): two
# figures that count what befell two groups ("killed 12 people" / "left 40,000 people
# without power", "12 dead" / "12 injured": OUTCOMES) neither conflict nor agree; a
# refusal or a failure negates the act it refuses ("declined to endorse" / "endorsed",
# "failed to capture" / "captured"); what is held steady neither rose nor fell ("held
# rates" / "raised rates"); more opposite predicates ("struck down" / "upheld",
# "removed" / "restored", "fired" / "reinstated", "released" / "arrested", "completed"
# / "called off", "approved" / "delayed", "escaped" / "intercepted"); a time told
# relative to now ("last year" / "this year"). The articles with
# a figure or one of those words are matched again by the next ingest or `claimlens
# match --pending`.
def _v14_to_v15(db: sqlite_utils.Database) -> None:
    _match_figures_again(db.conn)
    _match_words_again(db.conn, _V15_WORDS)


def _match_pattern_again(conn: sqlite3.Connection, pattern: re.Pattern[str]) -> None:
    """Mark the articles with a statement ``pattern`` finds in for matching again (a
    pattern built from the matcher's own lists: word bounds LIKE cannot give)."""
    conn.create_function(
        "claimlens_pattern", 1, lambda text: pattern.search(text) is not None, deterministic=True
    )
    _match_again(conn, "SELECT article_id FROM statements WHERE claimlens_pattern(text)")


def _match_words_again(conn: sqlite3.Connection, words: tuple[str, ...]) -> None:
    """Mark the articles with a statement holding any of ``words`` (LIKE patterns) for
    matching again: the matcher now reads those words otherwise."""
    where = " OR ".join(["text LIKE ?"] * len(words))
    _match_again(
        conn, f"SELECT article_id FROM statements WHERE {where}", [f"%{w}%" for w in words]
    )


# Version 16: no new tables. Speakers are found otherwise (db.speakers, db.quotes): a
# lawmaker's party label or a body's initials in brackets no longer hide the speaker
# ("Rep. Max Rose (D-N.Y.) said"), a body's name is read whole across "of"/"for"
# ("the Office for National Statistics"), reported speech that names no one takes the
# person its pronoun or role stands for ("He said …", "The governor said …"). A
# database with articles gets a 'speakers' job due (due_work): the next match reads
# every article's speakers again and matches again those whose statements' speakers
# changed (db.speakers_again), as a fresh ingest would have them.
def _v15_to_v16(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, SPEAKERS_JOB, 16)


SPEAKERS_JOB = "speakers"  # the due_work job of version 16 (step 17 makes it STATEMENTS_JOB)


# Version 17: no new tables. Numbers are read otherwise (db.numbers): a share written
# as two numbers or as a fraction in words ("1 in 3", "9 out of 10", "two-thirds", "a
# third of") is one figure, a percentage.
# A database with articles gets a 'statements' job due (due_work): the next match
# reads every article's statements again, their speakers and numbers
# (db.statements_again), and matches again those whose statements changed; a
# 'speakers' job version 16 left is that job. The matcher reads the other chamber or
# party as another subject ("House" / "Senate", "Democrats" / "Republicans"), and
# disputing an argument, a finding or an estimate as a denial, and a bare figure
# against a scaled one far above it as a lost scale ("$2 millio" / "$3.5 million"): the
# articles naming a chamber or party, rejecting, dismissing or disputing anything, or
# holding a figure, are matched again.
def _v16_to_v17(db: sqlite_utils.Database) -> None:
    if _due_if_articles(db.conn, STATEMENTS_JOB, 17):
        db.conn.execute("DELETE FROM due_work WHERE job = ?", (SPEAKERS_JOB,))
        _match_words_again(db.conn, _V17_WORDS)
        _match_figures_again(db.conn)


# What version 17 reads otherwise, as LIKE patterns (db.matcher._COUNTERPARTS, and
# db.lexicon.REJECTION_VERBS before more REJECTED_OBJECTS).
_V17_WORDS = (
    "reject",
    "dismiss",
    "disput",
    "house",
    "senate",
    "dem",
    "republican",
    "gop",
    "labour",
    "tory",
    "tories",
    "conservative",
)


STATEMENTS_JOB = "statements"  # the due_work job: every article's speakers and numbers


# Version 18: no new tables. Basis points and a quarter or a half of a point are
# percentage points ("25 basis points", "a quarter point", "half a percentage point"),
# and a day between a name and its verb no longer hides the speaker ("Mr. Obama on
# Thursday said"): a database with articles gets the 'statements' job due again
# (db.statements_again: speakers and numbers read again). The articles holding a
# figure are matched again: one figure written two ways is no swapped word ("half a
# point" / "0.5 percentage points"), and a range holds the values inside it ("between
# 10,000 and 12,000" / "some 11,000"). So are those that recommend, advise or
# encourage, now read as a request as a call or an urging is ("recommended that schools
# arm staff"), by the next ingest or `claimlens match --pending`.
def _v17_to_v18(db: sqlite_utils.Database) -> None:
    if _due_if_articles(db.conn, STATEMENTS_JOB, 18):
        _match_words_again(db.conn, _V18_WORDS)
        _match_figures_again(db.conn)


# What version 18 reads otherwise, as LIKE patterns (db.lexicon.REQUEST_VERBS).
_V18_WORDS = ("recommend", "advis", "encourag")


# Version 19: no new tables. Speakers are found otherwise: praise and blame report
# speech ("Blair hailed his chancellor's "brilliant" performance", "Mr Ancram condemned
# the document"), and so do "spoke of", "speaks about" and "pointed out"; the people of
# sport, stage and business speak as "the striker", "the actress"; a titled name before
# "who" speaks for it ("Mr Blair, who has described …"); after "According to X, Y
# vowed …", a quotation's "he" is X; a surname misspelt by two letters swapped is the
# person named before ("Mr Montieth" after "David Monteith"); "his campaign promises
# and …" is a noun, no one speaking; '"…," according to Reuters' yields to a speaker
# named before the quotation. A database with articles gets the 'statements' job due
# again (db.statements_again: speakers read again, the articles whose speakers changed
# matched again). A photo caption's match with a statement that its article's text
# matches at least as strongly is no longer kept (db.matching.without_repeated_captions):
# the articles with a caption are matched again. So are those with a quotation or a
# "but": the same quoted words negated on both sides are no negation apart, and "but"
# opens a clause of its own for a negation or a hedge ("will cut the budget but will not
# close the library") — by the next ingest or `claimlens match --pending`.
def _v18_to_v19(db: sqlite_utils.Database) -> None:
    if _due_if_articles(db.conn, STATEMENTS_JOB, 19):
        _match_again(db.conn, "SELECT article_id FROM statements WHERE kind = 'caption'")
        _match_words_again(db.conn, _V19_WORDS)


# What version 19 reads otherwise, as LIKE patterns: quotation marks and "but".
_V19_WORDS = ('"', "\u201c", " but ")


# Version 20: no new tables. A headline-only article in Title Case has names in its
# story profile (db.article_evidence: its capitals read as a reader reads them), and
# articles of no story that are only weakly linked start a story together only when each
# tells the event of the others (db.stories START_MEMBER_MIN): the profiles are made
# again and the stories placed again (REGROUP_AT). Speakers are found otherwise: blame,
# thanks, "commented", "asserted", "reasoned", chants and shouts report speech, so does
# "went on:"; "the archbishop", "the judges" speak; "British Airways", "Swiss Re" keep
# their people's adjective; "said a Department of Homeland Security spokeswoman" is
# read to its head: the 'statements' job is due again.
def _v19_to_v20(db: sqlite_utils.Database) -> None:
    _drop_profiles(db.conn)
    _due_if_articles(db.conn, STATEMENTS_JOB, 20)


# Version 21: no new tables. Speakers are found otherwise: the plain form of a verb of
# speech after its subject or a modal ("critics argue", "he will tell MPs"; not after
# "to"), "likened … to", legal documents ("the indictment says", "the lawsuit
# alleges", "the petition"), publications ("the paper says", "the magazine reported"),
# a jury and a staffer; what is written reads ("a BBC statement read"); "summarized",
# "recommended"; a role after a leading phrase with no comma ("In the speech the
# senator …, calling") or before a participle set off by commas ("The congressman,
# speaking in a whisper, said"); a verb joined to its subject's clause ('He paused,
# then added: "…"', "marched … and chanted"); a wh-word opens no speaker's phrase
# ("where social workers tell"); MPs, MEPs and MSPs speak ('"…," MPs warned'), and so
# does a role and name before a colon ("- Blackburn boss Mark Hughes: "…""); a plural
# role is no "he": the 'statements' job is due again.
def _v20_to_v21(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 21)


# Version 22: no new tables. Speakers are found otherwise: bodies spoken of by what they
# are ("the club said", "the airline", "the watchdog") and more people ("a Republican
# strategist", "one trader", "a Labour backbencher"); "a spokesman for the club" is the
# spokesman, "a statement from the committee" the committee, a preposition's object is
# no subject ("… planes to Air China, the radio station reported"), nor what a "said"
# reports ("said the channel offered …"); "The company's chief executive Peter Lynch"
# is a name, and so is "Ms King"; "recounts", "responds", "deemed", "dismissed … as",
# "maintains that"; "the governor" is the one spoken of last, never a lieutenant
# governor; "in Wales" is no one a pronoun stands for; '"…," it said' is the body a
# sentence just before names as its speaker: the 'statements' job is due again.
def _v21_to_v22(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 22)


# Version 23: no new tables. Speakers are found otherwise: scorn that names what it
# scorns "as" something ("denounced the offer as", "blasted", "mocked"); "diGenova"; a
# role or place run onto a given name is no part of it ("Guitarist Brian May", "the
# District of Columbia Joseph diGenova"); "a committee of MPs and peers", "the mother of
# the victim" speak, not their object; "from President Trump, who said"; a progressive
# ("is urging", "are warning"); a verb of saying joined by "and" to its clause ("dismissed
# questions …, and said"); "at the time", "last week", "in a statement" between subject
# and verb; the chancellor, users, firms, authors, the minutes, the tweets, an inspector
# general; a shadow chancellor is no "the chancellor", a headline's role no mention; a
# sport's position before a name makes a person; a name and its apposition speak, not
# what they report; "it said" is also a body or document as written that spoke just
# before, even after a person quoted earlier: the 'statements' job is due again.
def _v22_to_v23(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 23)


# Version 24: no new tables. Speakers are found otherwise: a person named in an aside (in
# dashes or brackets) is no one a pronoun stands for; an aside in dashes between a
# subject and its verb ("Nadler, the chairman … — where any inquiry must begin — said");
# a quotation goes on past its attribution's long clause; a sentence that only
# attributes the quotation before it ('"…?" Kevin McCarthy of California, the Republican
# leader, asked at a news conference.'); "proclaiming", "referred to her as"; a quotation
# of a clause before a semicolon; names billed, known as or translated are no one's
# words; a phrase opening a paragraph is no quote running on; '"…," said Castell ahead
# of the tie' (an inverted name ends before an adverb or "who"); "Sen. Angus King of
# Maine"; "went on to claim", "… and admitted he was"; a party's member alone ("said one
# Democrat") is no name; the person in apposition after "according to the panel's top
# Democrat," and a title's or an initial's period inside it ("Sen.", "Eric J. Schultz");
# an infinitive's object inside an apposition ("a Republican trying to unseat
# Representative Nick J. Rahall II, a Democrat, …, said"); police ranks abbreviated
# ("Chief Supt Deats", "Det Insp"): the 'statements' job is due again.
def _v23_to_v24(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 24)


# Version 25: no new tables. Speakers are found otherwise: a pronoun's antecedent is the
# main clause's person before a leading clause's ("As Michael Howard kicked off …, the
# Lib Dem leader Charles Kennedy dismissed …. And he insisted"); a surname two people
# share is, for a pronoun, the one of its gender ("Mrs. Trump" beside Donald Trump); an
# unnamed role after "But a"/"And the" opening a sentence, and the last of two role
# nouns ("an executive spokeswoman"); the person in apposition to an owned role with a
# participle ("Amanda's uncle, Lewis Champion, told …, saying:"); "legislator", family
# nouns; "The posts read, "…""; a full name before a headline's colon ("Larry Summers:
# … 'Significant Risk' …"); "it said" after "it denied" is the body the first "it"
# stood for; "over the weekend" between a subject and its verb; "… and has said";
# "Sen. Amy Klobuchar of Minnesota, who tweeted"; "said EEF chief economist, Steve
# Radley"; '"…," Kirsten Pfeifer from the Consumer Electronics Association, told': the
# 'statements' job is due again.
def _v24_to_v25(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 25)


# Version 26: no new tables. Quotations and speakers are found otherwise: a quotation
# whose closing mark was lost ends before the sentence that introduces the next with a
# colon ('… seconds. Gunners boss Arsene Wenger said: "Freddie'), and the article's
# quotes are written again when they differ; a name followed by a relative clause after
# a dash is a person ("Gerry Conlon - who was wrongly convicted - said"); "X, which
# said" is the organisation X ("the Log Cabin Republicans, a gay and lesbian group,
# which said", "the Confederation of British Industry, which said"); "contended";
# a headline's "Who Criticized Trump" names no one; 'the "don't ask, don't tell"
# policy' is a name; "it said" goes on quoting a one-word body no one calls "he" or
# "she" ('"…," said Seagate. … "…," it said'); a name with an initial and "Jr." is a
# person ("Theodore J. Boutrous Jr., a lawyer for Wal-Mart,"); "said the Ealing North
# MP" is the MP, no "Ealing North"; "defines a blog as: "…""; "he" after a sentence
# speaking of "the prime minister" is no one introduced with another office
# ("Chancellor Gordon Brown"): the 'statements' job is due again.
def _v25_to_v26(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 26)


# Version 27: no new tables. Speakers found otherwise: "the Labour MP for Birkenhead
# asked" is the member (a role, resolved to one named "Frank Field MP"), not the place;
# quoted words listed after "terms like" or "words such as" are terms, no one's; "he"
# after a sentence whose subject is an office ("…, the governor identified himself and
# went on to curse out Gattine") is the office's holder; '"…," assured Mr Wallace'
# (not "Rest assured") is speech; "the prop said" (the hooker, the fly-half …) is a
# person, as "the striker": the 'statements' job is due again.
def _v26_to_v27(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 27)


# Version 28: no new tables. Speakers found otherwise: a party label before an
# apposition ("Rep. Trey Gowdy (R-S.C.), the committee chairman, said") leaves the name
# the subject; "went on to call … "…"" is speech; a middle initial ("Charles E.
# Grassley") ends no sentence when the subject is sought, and a counted span of time
# ("Ten minutes later,") opens one; a name after "minister of sport" is a person a
# pronoun may mean: the 'statements' job is due again.
def _v27_to_v28(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 28)


# Version 29: no new tables. Speakers found otherwise: "recalls", "underlined",
# "advised him:" and '"…," reads the letter' are speech; a plural role before two
# names ("the mayor's lawyers A and B") is the first of them; a name asked about
# ("Governor Christie? "Strong," he said") is no one a pronoun stands for, and the
# answers after such questions in turn are the same speaker's; "X – who went on a tear
# declaring" is X; a quotation after "on Fox News’" is a show's title; a body's name
# with "of", "for" or "and" stays whole before its role noun ("A Department for Work and
# Pensions spokeswoman"); 'Said the Pew report: "…"' is the report's; "X left UKIP
# saying" is X's; "X did not rule it out but noted that" is X's; "the Lib Dem
# spokesman" after "Lib Dem spokesman Vince Cable" is Cable, also as the subject "he"
# stands for ("Later the Tory leader spoke again" too); guidance, guidelines, a leaflet,
# a resolution speak as documents; "As X put it," is speech; "Gavin Cox of the … website
# said" is Cox: the 'statements' job is due again.
def _v28_to_v29(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 29)


# Version 30: no new tables. Speakers found otherwise: "he"/"she" that no one named
# before it stands for is the person the article is about, when its headline names them
# and the article names them at least four times and twice as often as anyone else
# ("Valencia, who signed Lopez …. The Bats are top of the league. "…," she said" in a
# profile of Maria Lopez); "police said" and "The band said" name their speaker, and
# "they" goes on for the police; "agreed to" (do something) is no verb of speech; a
# reporter at a sentence's end after a role (", the Lib Dem elections chief Lord Rennard
# said") or after the verb (", said Mr Clarke.") is who "he" stands for next: the
# 'statements' job is due again.
def _v29_to_v30(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 30)


# Version 31: no new tables. Speakers found otherwise: a sentence about a person ending in
# a colon introduces their words ("Mr Dean is confident though: "…""); a quotation left
# open where the next one opens is the words of whoever the next one's attribution names
# ('"… make-up. "In the HD version …," explains Mr Dean'); "according to Gartner analyst
# X" is X; a statement issued "through" a club is its issuer's; plural roles ("Rover
# bosses", "ministers") speak as their singulars do; a role reaches back past sentences
# that go on about someone ("He said …"); "said the American" is the person named just
# before; "reiterated", "laughed", "laughs", "fumed", "confessed", "elaborated" are speech;
# "the Sale full-back" is a role; a name between the commas of a concession (", despite
# having X out injured,") is passed over by "he"; "PBS' Jacoba Atlas" is Atlas: the
# 'statements' job is due again.
def _v30_to_v31(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 31)


# Version 32: no new tables. Speakers found otherwise: "believes" and "thinks" report a
# view, second to any verb of saying next to the quotation; "slated", "slammed",
# "blasted", "lambasted" speak as "criticised" does, but the words someone is blamed
# "for saying" are not the blamer's; a quotation paragraph after a sentence whose
# subject is someone the article follows ("Collins is hoping for a better year. "…"")
# is theirs; a sentence reported by "he" after a comma goes on about the person named
# before; "writing in the Daily Telegraph, the prime minister" is no apposition, nor does
# one role stand for another left unnamed; athletes, brokers and musicians are roles;
# "Shami Chakrabarti, from human rights group Liberty," is a person; "it" after "…, the
# company denied" is the company; "described by Jobs as "…"" is Jobs's; "the Salford MP"
# is a role, not the place; a name whose role lost its closing comma after a quotation
# speaks; a statement named by surname alone ("Trump said") takes the full name the
# article's speakers give that person: the 'statements' job is due again.
def _v31_to_v32(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 32)


# Version 33: no new tables. A sentence's speaker is its own attribution's: "A
# spokeswoman said Lord Falconer agreed" and "He said Mr Blair told …" no longer name the
# person reported; a subject in a condition, a relative clause or an aside speaks for no
# sentence; "continues to be", "Arab states", "profit warning", "adding $1.89", "agreed
# a contract" and "posted a loss" are no speech, and a headline's past forms are passive
# ("UK urged"); "In Sri Lanka, some economists", "Producers say" and "prosecutors working
# for Mr. Mueller" name no one; "according to" reads a body's whole name or the person
# after its role; "He confirmed …", "…, he argued" are the person "he" stands for; a
# subject in a clause of time ("Oil prices fell after Opec said …"), a preposition's
# object ("contact with Steele told") and the name before an inverted "…, say MPs." name
# no one; "Commissioner" is a title; "GM recalls cars", "AMR reported a loss" and
# "posted a photo" are no speech; "Speculation suggests" names no one: the 'statements'
# job is due again.
def _v32_to_v33(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 33)


# Version 34: no new tables. What a side or a player claims or adds in a match ("France
# claimed victory", "Joe Cole added a second") is no speech; aides, allies or critics of
# someone speak for themselves ("Aides to Mr. Romney declined to say" is not Romney's);
# a sentence whose figures come from a named body has it as its source ("Figures from
# the Council of Mortgage Lenders showed …"); "so-called" says nothing: the
# 'statements' job is due again. Stories read an article that is a headline alone as
# one (terms of its own, fitted on the UCI headlines: two headlines alone of other days
# are no story): a profile says whether its article is one, so every profile is made
# again and every story regrouped (REGROUP_AT).
def _v33_to_v34(db: sqlite_utils.Database) -> None:
    _drop_profiles(db.conn)  # a profile now says whether it is a headline alone
    _due_if_articles(db.conn, STATEMENTS_JOB, 34)


# Version 35: no new tables. The same named speaker giving the same figure is one event
# however the two articles open (db.matcher): the articles with a speaker's figure are
# matched again. Two stories merge only when they read alike, not because
# one article tells both (db.stories.MERGE_ALIKE_MIN): every story is regrouped
# (REGROUP_AT). A quotation whose own attribution, not understood, names someone else
# does not run on from the one before ('"…," Smith said. "…," said Mayor Ann Lee and her
# deputy.'); an organisation named with "and" speaks by its whole name ("the Health and
# Human Services Department said", not "Human Services Department"); questions asked
# or answered are no claim ("Mr Blair answered questions posed via the website"), nor a
# verb of speech joined by "and" to what follows ("Kipchoge responded and a burst of
# speed clinched victory"); a name written with a plural possessive is the name ("Matt
# Williams' side": Matt Williams), and no owner speaks ("the Tories' call …, saying");
# a speaker's "Jr", "II", "III" or "IV" stays in the key ("Donald Trump Jr." is
# 'trump jr|donald', no longer 'trump|donald': db.speakers.speaker_key): the
# 'statements' job is due again (it writes the quotes' keys again; the matcher reads
# no surname across keys, so no match changes). The key change was folded into this
# step: no database at version 35 without it exists outside the machine it was made on.
def _v34_to_v35(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 35)
    # One named speaker's one figure is one event however the articles open
    # (db.matcher): the articles with a speaker's figure are matched again.
    _match_again(
        db.conn,
        "SELECT s.article_id FROM numbers n JOIN statements s ON s.id = n.statement_id"
        " WHERE s.speaker IS NOT NULL",
    )


# Version 36: no new tables. A share and its complement ("1 in 3" of losing,
# "two-in-three" of holding) are no conflict unless both statements tell one outcome
# (db.matcher): the articles with a share are matched again. A headline alone reads
# no weekday ("Monday television", "How the Dow did Monday" are no one event): every
# profile is made again and every story regrouped (REGROUP_AT). A statement matched
# `related` to a claim's centre is not brought into its claim by a third that matches
# both (db.grouping): the regroup makes every claim again too. Two speakers of one
# surname and first name are one person only when one's given names begin the other's
# ("Donald John Trump" / "Donald Trump", not "Donald James Trump"): the articles with a
# speaker of three words or more are matched again too. A name that modifies a noun
# ("the Resist Trump movement") is no one mentioned: the 'statements' job is due again.
def _v35_to_v36(db: sqlite_utils.Database) -> None:
    _drop_profiles(db.conn)
    _due_if_articles(db.conn, STATEMENTS_JOB, 36)
    _match_again(
        db.conn,
        "SELECT s.article_id FROM numbers n JOIN statements s ON s.id = n.statement_id"
        " WHERE n.unit = '%' UNION SELECT article_id FROM statements WHERE speaker LIKE '% % %'",
    )


# Version 37: no new tables. An article with a lead joins a story only when one of its
# links to the story's members says it may tell their event (db.stories.JOIN_LINK_MIN),
# not on its reading of the story's pool alone: every story is regrouped (REGROUP_AT).
# People joined by "and" speak together ("Smith and Jones said": one speaker naming
# both, keyed '&smith&jones', not "Jones" alone); a quote paragraph after reported
# speech is the reported person's past an apostrophe ("Mr Sigarchi's sentence"), not
# after a question; more verbs speak after "went on to" (suggest, explain …); "shared
# by Rooney, who believes "…""; what a report or committee "found"; '… by MPs' after a
# naming verb; a quotation opening after '… day.' "' is no longer lost; a quotation
# going on after its attribution keeps the speaker's key ('"…," X said of Y. "…"'): the
# 'statements' job is due again (it matches again the articles whose speakers change).
def _v36_to_v37(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 37)


# Version 38: no new tables. A participle's subject is its clause's first name, not a
# longer name past "was", "has" or a passive's "by"; writing a work ("wrote the
# screenplay") or agreeing a deal is no speech; places joined by "and" speak together
# ("France and Germany said"), and a pair after "something"/"what" opens its clause; a
# work's name after its star is no speaker; a full name before "who" and its verb of
# saying speaks with no comma between; a document's source set off by commas speaks
# ("The letter, from the Home Office, says"); a name inside the phrase a sentence opens
# with is no apposition of its subject ("Asked about Boris Johnson, May said"), nor is
# that participle a name ("Addressing claims …, Mr Michael told"); a verb joined by ",
# but"/", and" after its object clause has the subject's speaker ("doubted whether Rock
# would …, but added"); a person mention reads accented letters ("Juan de Léon", not
# "Juan de"): the 'statements' job is due again (it matches again the articles whose
# speakers change). Two statements that share only an investigation named in passing
# are at most related, "possibility" hedges a claim, names offered as alternatives
# ("pick Lopez or Tran") tell no choice, and a preview ("Countdown to …", "Sneak peek",
# "What to watch …") is a take (db.matcher): the articles with a statement that may
# meet one of these (a superset) are matched again.
def _v37_to_v38(db: sqlite_utils.Database) -> None:
    _due_if_articles(db.conn, STATEMENTS_JOB, 38)
    _match_again(
        db.conn,
        "SELECT article_id FROM statements WHERE text LIKE '%investigation %'"
        " OR text LIKE '%probe %' OR text LIKE '%inquiry %' OR text LIKE '%possibilit%'"
        " OR text GLOB '*[A-Za-z] [Oo][Rr] [A-Z]*' OR text LIKE '%countdown to%'"
        " OR text LIKE '%sneak peek%' OR text LIKE 'what to watch%'"
        " OR text LIKE 'what to expect%'",
    )


# Version 39: no new tables. A name inside a relative clause left open up to its verb
# ("whose films include Schindler's List, … said") is no speaker; a prefixed role
# ("co-chairman", "deputy-") and a parent by their children ("mother-of-nine") are people
# a description resolves to; a work named after its star is no person; the name after a
# source's description speaks ("according to US research firm Gartner"); adding a thing
# to another is an act; what a document is about ("a report on the 20 biggest projects
# says") no longer hides it from its verb: the 'statements' job is due again (it matches
# again the articles whose speakers change). Two whole articles whose heads share little
# and whose themes (the words two or more of their statements hold) little too tell other
# events (db.matcher.THEME_MIN), and "a 10- to 15-year loan" is one figure: the articles
# of a same or conflict match between two articles with a theme of THEME_TOKENS tokens
# or more (read from their stored token counts), and those with such a range, are
# matched again.
def _v38_to_v39(db: sqlite_utils.Database) -> None:
    import json

    from db.matcher import THEME_TOKENS  # reads no schema: no cycle
    from db.normalize import PLACE_TOKENS

    def themed(df: str) -> bool:  # stored token counts hold the repeated tokens alone
        return len(json.loads(df).keys() - PLACE_TOKENS) >= THEME_TOKENS

    _due_if_articles(db.conn, STATEMENTS_JOB, 39)
    db.conn.create_function("claimlens_themed", 1, themed, deterministic=True)
    _match_again(
        db.conn,
        "WITH themed AS (SELECT article_id FROM article_tokens WHERE claimlens_themed(df))"
        " SELECT s.article_id FROM matches m JOIN statements sa ON sa.id = m.a"
        " JOIN statements sb ON sb.id = m.b JOIN statements s ON s.id IN (m.a, m.b)"
        " WHERE m.relation IN ('same', 'conflict') AND sa.article_id IN themed"
        " AND sb.article_id IN themed"
        " UNION SELECT article_id FROM statements"
        " WHERE text GLOB '*[0-9]-*to [0-9]*' OR text GLOB '*[0-9]\u2013*to [0-9]*'",
    )


# Version 40: no new tables.
# - Bidi controls are dropped at ingest: the articles stored with one are stored again
#   (the 'clean' job, done before the next match: db.ingest.clean_again_if_due).
# - The matcher reads an acronym and the name it spells as one name ("GBI" / "Georgia
#   Bureau of Investigation"), a title and its abbreviation as one word ("Sgt." /
#   "Sergeant"), a contraction without its apostrophe as a negation ("isnt"): the
#   articles with a statement holding any of these are matched again.
# - Speakers: a ball slammed, a story told, a people noun ("the 25-year-old Dubliner"),
#   plural subjects that claim, deny or accuse …: the 'statements' job is due.
# - An article with a lead merges two stories only when the smaller is a fragment of the
#   larger: every claim and story is regrouped (REGROUP_AT).
CLEAN_JOB = "clean"  # the due_work job: articles stored again as the ingest now cleans them


def _v39_to_v40(db: sqlite_utils.Database) -> None:
    from db.clean_again import articles_to_clean_again  # reads the cleaning rules alone
    from db.lexicon import NEGATIONS_WITHOUT_APOSTROPHE  # reads no schema: no cycle
    from db.matcher import CAPITALS_RE, TITLE_ABBREVIATIONS

    if articles_to_clean_again(db):
        mark_due(db.conn, CLEAN_JOB, 40)
    _due_if_articles(db.conn, STATEMENTS_JOB, 40)
    # The matcher's own lists (a superset: three capitals need not be a known name).
    words = sorted(NEGATIONS_WITHOUT_APOSTROPHE | {short for short, _ in TITLE_ABBREVIATIONS})
    _match_pattern_again(
        db.conn, re.compile(rf"{CAPITALS_RE.pattern}|(?i:\b(?:{'|'.join(words)})\b)")
    )


# Version 41: no new tables.
# - Story weights fitted again, without UCI's held-out half (bench/fit_stories.py): every
#   profile and link is made again and every claim and story regrouped (REGROUP_AT).
# - Speakers: adverbs between subject and verb, a share of people as subject, calls and
#   arguments that are no speech, a firm named after its kind ("software firm Sendmail")
#   no person, "the company said" the one company the article named before: the
#   'statements' job is due.
# - The matcher: a pair of two articles it judges other events is `different`, no longer
#   `related` (the articles of a stored related match are matched again); a sale told by
#   its buyer and a win by its loser are one event, a denial against a negation of what
#   it denies one stance, "what X means for Y" a take (the articles with such words are
#   matched again). Two headlines, the shorter wholly in the other, are `same` where they
#   were `related`: the related matches' articles are matched again already. One act
#   in other words (lexicon.PARAPHRASES: "bankruptcy" / "Chapter 11", "resigned" /
#   "stepped down") is one claim: the articles holding such a word are matched again.
_V41_WORDS = (
    "buy", "bought", "sell", "sold", "win", "won", "victor", "lose", "losing", "lost",
    "deny", "deni", "refut", "rebut", "debunk", "reject", "dismiss", "disput", "what%mean%for",
)  # fmt: skip


def _v40_to_v41(db: sqlite_utils.Database) -> None:
    from db.lexicon import PARAPHRASES  # reads no schema: no cycle

    _drop_profiles(db.conn)
    _due_if_articles(db.conn, STATEMENTS_JOB, 41)
    _match_again(
        db.conn,
        "SELECT s.article_id FROM matches m JOIN statements s ON s.id = m.a"
        " WHERE m.relation = 'related' UNION SELECT s.article_id FROM matches m"
        " JOIN statements s ON s.id = m.b WHERE m.relation = 'related'",
    )
    _match_words_again(db.conn, _V41_WORDS)
    told = sorted({w for group in PARAPHRASES for w in group})
    spelt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in told)
    # "Ch. 11" reads as chapter
    _match_pattern_again(db.conn, re.compile(rf"(?i:\b(?:{spelt}|ch\.\s*11)\b)"))


# Version 42: no new tables.
# - Speakers: a name's relative clause is no speech when the main clause tells an act,
#   a day's number before a month is a date, a nationality opening a sentence stands for
#   the person named before, a quotation "the company" said is the one body the article
#   named before: the 'statements' job is due.
# - The matcher: between two short articles (fewer than matcher.SHORT_ARTICLE
#   statements: a title and its lead) a word the title and its lead both hold, no name,
#   is the claim told twice, not the story's; two headlines (single-statement articles,
#   or two statements in Title Case) in which a name both write does the same act are
#   one claim. Such pairs were stored 'related' (a pair the story's words alone broke
#   clears the related cut wherever it clears the same cut; the headline cuts left the
#   others related): the articles of a related match between two short articles or two
#   Title Case statements are matched again.
# - Stories: a pair of two short articles (a headline and one short paragraph) is scored
#   with weights of its own, and the story model reads an article's strongest link; a
#   stored profile does not say whether its article is short: every profile and link is
#   made again and every claim and story regrouped (REGROUP_AT).
def _v41_to_v42(db: sqlite_utils.Database) -> None:
    import json  # here: `claimlens search` imports this module and no json

    from db.matcher import SHORT_ARTICLE, headline_case  # reads no schema: no cycle

    conn = db.conn
    _drop_profiles(conn)
    _due_if_articles(conn, STATEMENTS_JOB, 42)
    short = {
        r[0]
        for r in conn.execute(
            "SELECT article_id FROM statements GROUP BY article_id HAVING count(*) < ?",
            (SHORT_ARTICLE,),
        )
    }
    again: set[int] = set()
    for x, x_text, y, y_text in conn.execute(
        "SELECT sa.article_id, sa.text, sb.article_id, sb.text FROM matches m"
        " JOIN statements sa ON sa.id = m.a JOIN statements sb ON sb.id = m.b"
        " WHERE m.relation = 'related'"
    ):
        if (x in short and y in short) or (headline_case(x_text) and headline_case(y_text)):
            again |= {x, y}
    _match_again(conn, "SELECT value FROM json_each(?)", (json.dumps(sorted(again)),))


# Version 43: no new tables.
# - Speakers: a score added in a match is no speech, a condition's "as X said" is inside
#   it, a name in a relative clause on a noun speaks not for its sentence, a court's
#   ruling speaks, a party's people counted are a common noun, a one-word name with 's
#   before a speech verb is a body ("Moody's said"), people described closing a
#   sentence report all of it ("prosecutors said", "two people familiar with the
#   matter said"): the 'statements' job is due.
# - The matcher: a light verb ("gets", "calls") is one act of two headlines only when
#   the words after it share one; two headlines telling one figure are one claim; a
#   statement of names alone ("Ackman and Herbalife") claims nothing. The articles of a
#   match (any relation) between two Title Case statements or two headlines alone in
#   their articles, and of a same/conflict match one side of which holds no lower-case
#   word but stop words, are matched again.
# - Stories: an article with a lead joins a story only on words of its lead beyond the
#   names (db.article_evidence.Pool.beyond_names) or a link holding a matched claim;
#   claims: no statement joins a claim holding one it was matched 'related' to (before,
#   two such could both join the centre): every claim and story is regrouped
#   (REGROUP_AT).
def _v42_to_v43(db: sqlite_utils.Database) -> None:
    import json  # here: `claimlens search` imports this module and no json

    conn = db.conn
    _due_if_articles(conn, STATEMENTS_JOB, 43)
    heads, capitals = _headline_statements(conn)
    lone = _lone_articles(conn)
    again: set[int] = set()
    for a, x, b, y, relation in conn.execute(
        "SELECT m.a, sa.article_id, m.b, sb.article_id, m.relation FROM matches m"
        " JOIN statements sa ON sa.id = m.a JOIN statements sb ON sb.id = m.b"
    ):
        if (
            (a in heads and b in heads)
            or (x in lone and y in lone)
            or (relation != "related" and (a in capitals or b in capitals))
        ):
            again |= {x, y}
    _match_again(conn, "SELECT value FROM json_each(?)", (json.dumps(sorted(again)),))


# Version 44: no new tables.
# - Zero-width spaces, word joiners and soft hyphens are dropped at ingest, and no
#   sentence ends inside angle brackets closed on its line ("<J.P. Morgan and Co>"):
#   the articles stored with either are stored again (the 'clean' job).
# - Speakers: a firm that spoke seen in more forms ("/" or "and" in its name, an
#   apposition or ticker before its verb, "has"/"also" before it), the first name that
#   spoke read as "the company" when no cue names a firm, a body noun as subject with
#   more verbs and an aside before its verb, a one-word name whose clause says "his" or
#   "her" a person: the 'statements' job is due.
# - The matcher: two headlines in which one participle stands beside the same word are
#   one act (under the headline cuts: the articles of a related match between two Title
#   Case statements or two headlines alone in their articles are matched again); a
#   headline's name, "to" and a verb is the future, and the act a hedge governs told
#   after "to" on both sides is an aim on both (no modality break); a capitalised "May"
#   before a verb is the modal; a phrase opening with a negation that negates nothing
#   ("nothing but", "not only") is no negation; two sums in two currencies no exchange
#   rate makes one are two numbers. Those rules judge a pair wherever it scores, so the
#   articles of every statement they may read (matcher.read_otherwise_since_43, or a
#   number in a currency other than the dollar) are matched again, not only their
#   stored matches.
def _v43_to_v44(db: sqlite_utils.Database) -> None:
    import json  # here: `claimlens search` imports this module and no json

    from db.clean_again import articles_to_clean_again, articles_to_split_again
    from db.lexicon import USD_PER_UNIT  # leaf modules: no cycle
    from db.matcher import read_otherwise_since_43

    conn = db.conn
    if articles_to_clean_again(db) or articles_to_split_again(db):
        mark_due(conn, CLEAN_JOB, 44)
    _due_if_articles(conn, STATEMENTS_JOB, 44)
    heads, _capitals = _headline_statements(conn)
    lone = _lone_articles(conn)
    again: set[int] = set()
    for a, x, b, y in conn.execute(
        "SELECT m.a, sa.article_id, m.b, sb.article_id FROM matches m"
        " JOIN statements sa ON sa.id = m.a JOIN statements sb ON sb.id = m.b"
        " WHERE m.relation = 'related'"
    ):
        if (a in heads and b in heads) or (x in lone and y in lone):
            again |= {x, y}
    conn.create_function("claimlens_read_otherwise", 1, read_otherwise_since_43, deterministic=True)
    again.update(
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT article_id FROM statements WHERE claimlens_read_otherwise(text)"
        )
    )
    currencies = sorted(set(USD_PER_UNIT) - {"USD"})
    again.update(
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT s.article_id FROM numbers n JOIN statements s ON s.id = n.statement_id"
            f" WHERE n.unit IN ({', '.join('?' * len(currencies))})",
            currencies,
        )
    )
    _match_again(conn, "SELECT value FROM json_each(?)", (json.dumps(sorted(again)),))


# Version 45: no new tables.
# - Speakers: an agency named last in its sentence, a firm described by where it is
#   based, a unit named with its parent's possessive, two bodies sharing a plural head,
#   a sentence holding a quotation of a resolved description: the 'statements' job is
#   due.
# - The matcher: two statements that each open their article (headline and lead) and
#   tell one act keep no story break; "considers" before a gerund hedges; a party tag
#   ("(D-Mass.)") or a middle initial names no one else; a denial offered beside
#   "confirm" ("neither confirm nor deny") is no denial; the other chamber or party is
#   found beside a shared word across stop words ("Democrats in Tarlow"). Those rules
#   judge a pair wherever it scores, and a body sentence repeating its headline reads as
#   that headline: the articles of every statement matcher.read_otherwise_since_44,
#   _44b or _44c reads are matched again (in practice every article with a body).
# - The normaliser: an alias reads as the word it stands for ("Rep." and
#   "Representative" one token), "Dems" as "Democrats", more forms and plurals
#   (_V45_FORMS), irregular demonyms ("Britons", "Dutchman") and a US state's AP
#   abbreviation alone in a tag ("Hoyer (Md.)": lexicon.STATE_ABBREVIATIONS) read as
#   their country or state: the articles holding one are matched again (their
#   statements' keys and token counts change), and profiles weigh words by their counts:
#   every profile and link is made again and every claim and story regrouped
#   (REGROUP_AT).
_V45_FORMS = re.compile(
    r"(?i:\b(?:reps?|sens|govs|dems?|emiratis?|united\s+arab\s+emirates|uae|fatality|injury"
    r"|(?:central|latin|north|south)\s+americans|s\.?\s+koreans|serviceman"
    r"|spokes(?:men|women|people|persons)"
    r"|brit(?:ons?|s)?|turks?|(?:french|irish|dutch)(?:m[ae]n|wom[ae]n)|dutch|irish|swiss"
    r"|netherlands|philippines?|filipin[ao]s?|danes|danish|denmark|swed(?:es?|en|ish)"
    r"|finns|finnish|finland|thais?|thailand|ireland|switzerland)\b)"
)


def _v45_states() -> re.Pattern[str]:
    """A US state's AP abbreviation as written ("Md.", "R.I."): a superset of those the
    normaliser now reads as the state (alone in a tag; "Ind." never)."""
    from db.lexicon import STATE_ABBREVIATIONS  # data only: no cycle

    spelt = "|".join(re.escape(a) for a in sorted(STATE_ABBREVIATIONS, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{spelt})")


def _v44_to_v45(db: sqlite_utils.Database) -> None:
    from db.matcher import (  # reads no schema: no cycle
        read_otherwise_since_44,
        read_otherwise_since_44b,
        read_otherwise_since_44c,
    )

    conn = db.conn
    _drop_profiles(conn)
    _due_if_articles(conn, STATEMENTS_JOB, 45)
    states = _v45_states()
    lone = _lone_articles(conn)

    # Every statement read once, for the normaliser's forms and the matcher's rules alike.
    def read_otherwise(text: str | None, article_id: int) -> bool:
        said = text or ""
        return bool(
            _V45_FORMS.search(said)
            or states.search(said)
            or read_otherwise_since_44(said, article_id in lone)
            or read_otherwise_since_44b(said)
            or read_otherwise_since_44c(said)
        )

    conn.create_function("claimlens_read_otherwise_44", 2, read_otherwise, deterministic=True)
    _match_again(
        conn,
        "SELECT DISTINCT article_id FROM statements"
        " WHERE claimlens_read_otherwise_44(text, article_id)",
    )


# Version 46: no new tables.
# - Speakers (the 'statements' job is due): "… and said" joined to its subject's earlier
#   verb, a body in apposition or named with its own word ("the ministry"), the firm an
#   article opens with, "It said" after a body of several words, a quoted phrase inside
#   a sentence whose subject spoke.
# - The matcher: a part measured against the whole is no conflict ("recreational" on one
#   side only, "taxes and fees" against "taxes": matcher.read_otherwise_since_45); a
#   nickname before a shared surname ("Jim"/"James Clyburn") and double or leading
#   initials name no one else (read_otherwise_since_45b). The articles of every
#   statement either reads are matched again.
# - The normaliser: "D.C." and "District of Columbia" read as Washington, two capitals
#   joined by "&" ("S&P") as one token, "Standard & Poor's" as "S&P", an acronym's
#   possessive as the acronym ("UK's"): the articles holding such a form (_V46_FORMS, a
#   superset checked against every statement of BASIL, BBC and UCI, old tree against
#   new) are matched again; Washington's weight changes, so every profile is made again.
# - Stories: one related statement between two short articles counts (weights refitted):
#   every claim and story is regrouped (REGROUP_AT).
_V46_FORMS = re.compile(
    r"(?i:d\.\s?c\b|district\s+of\s+columbia|&|standard\s+and\s+poor)"
    r"|(?<![A-Za-z])[A-Z]{2,}['’]s\b"
)


def _v45_to_v46(db: sqlite_utils.Database) -> None:
    from db.matcher import read_otherwise_since_45, read_otherwise_since_45b  # no cycle

    conn = db.conn
    _drop_profiles(conn)
    _due_if_articles(conn, STATEMENTS_JOB, 46)

    def read_otherwise(text: str | None) -> bool:
        said = text or ""
        return bool(
            _V46_FORMS.search(said)
            or read_otherwise_since_45(said)
            or read_otherwise_since_45b(said)
        )

    conn.create_function("claimlens_read_otherwise_45", 1, read_otherwise, deterministic=True)
    _match_again(
        conn,
        "SELECT DISTINCT article_id FROM statements WHERE claimlens_read_otherwise_45(text)",
    )


def _lone_articles(conn: sqlite3.Connection) -> set[int]:
    """The articles of one statement: a headline alone (matcher._lone)."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT article_id FROM statements GROUP BY article_id HAVING count(*) = 1"
        )
    }


def _headline_statements(conn: sqlite3.Connection) -> tuple[set[int], set[int]]:
    """Of the statements in a match, those in Title Case (matcher.headline_case) and
    those with no lower-case word but stop words (a superset of names alone): each
    statement read once, however many matches it is in."""
    from db.lexicon import STOP_WORDS  # leaf modules: no cycle
    from db.matcher import headline_case

    heads: set[int] = set()
    capitals: set[int] = set()
    for sid, text in conn.execute(
        "SELECT id, text FROM statements"
        " WHERE id IN (SELECT a FROM matches UNION SELECT b FROM matches)"
    ):
        if headline_case(text):
            heads.add(sid)
        if all(w in STOP_WORDS for w in _LOWER_WORD_RE.findall(text or "")):
            capitals.add(sid)
    return heads, capitals


_LOWER_WORD_RE = re.compile(r"(?<![A-Za-z'])[a-z][a-z'-]*")


def _due_if_articles(conn: sqlite3.Connection, job: str, since: int) -> bool:
    """Mark ``job`` due (:func:`mark_due`) when the database holds articles (an empty
    one has nothing to read again); whether it does."""
    if conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None:
        return False
    mark_due(conn, job, since)
    return True


def mark_due(conn: sqlite3.Connection, job: str, since: int) -> None:
    """Mark ``job`` due (inside the caller's transaction); ``since``: the schema version
    whose step asks for it. A mark already there stays (with the oldest version)."""
    create_due_work(conn)  # a step before the one that adds the table
    conn.execute("INSERT OR IGNORE INTO due_work(job, since) VALUES (?, ?)", (job, since))


# What version 15 reads otherwise, as LIKE patterns (case-insensitive for ASCII).
_V15_WORDS = (
    "refus",
    "declin",
    "fail",
    "rul% out",
    "hold",
    "held",
    "unchanged",
    "steady",
    "reinstat",
    "rehir",
    "% down",
    "% off",
    "remov",
    "restor",
    "scrap",
    "abolish",
    "eliminat",
    "reintroduc",
    "appoint",
    "delay",
    "postpon",
    "complet",
    "finali",
    "abandon",
    "releas",
    "free",
    "arrest",
    "detain",
    "jail",
    "imprison",
    "escap",
    "fle",
    "intercept",
    "seiz",
    "captur",
    "halt",
    "caught",
    "catch",
    "year",
    "month",
    "week",
)


def _match_figures_again(conn: sqlite3.Connection) -> None:
    """Mark the articles with a figure for matching again: the next ingest or
    `claimlens match --pending` judges their figures by the rules now in force."""
    _match_again(
        conn, "SELECT s.article_id FROM numbers n JOIN statements s ON s.id = n.statement_id"
    )


def _pools_as_bytes(conn: sqlite3.Connection) -> None:
    """Write each stored pool of schema 12 (JSON, weights packed as base64 doubles)
    again as bytes, the same values."""
    import base64

    from db.article_evidence import unpack_array  # reads no schema: no cycle

    def doubles(text: str) -> list[float]:
        return unpack_array("d", base64.b64decode(text, validate=True))

    def packed(old: dict[str, Any]) -> dict[str, Any]:
        return {
            "t": dict(zip(old["t"], doubles(old["tw"]), strict=True)),
            "l": dict(zip(old["l"], doubles(old["lw"]), strict=True)),
        }

    _rewrite_pools(conn, packed)


def _rewrite_pools(
    conn: sqlite3.Connection, weights: Callable[[dict[str, Any]], dict[str, Any] | None]
) -> None:
    """Write each stored pool in JSON again as bytes (db.article_evidence.Pool.data), the
    same values. ``weights`` reads an old pool's title and lead weights ({"t": ..., "l":
    ...}), or None to leave it as it is. A pool is a cache: a damaged one is dropped,
    pooled again from its members when next read."""
    import json

    from db.article_evidence import Pool  # reads no schema: no cycle

    rows = conn.execute("SELECT story_id, data FROM story_pools").fetchall()
    for story_id, data in rows:
        if isinstance(data, bytes):  # already in the form of schema 13
            continue
        try:
            old = json.loads(data)
            read = weights(old)
            if read is None:
                continue
            pool = Pool()
            pool.n, pool.squares, pool.ents = old["n"], old["s"], old["e"]
            pool.title, pool.lead = read["t"], read["l"]
            pool.days = {(day or None): k for day, k in old["d"]}
            new = pool.data()
        except (ValueError, KeyError, TypeError, AttributeError):
            conn.execute("DELETE FROM story_pools WHERE story_id = ?", (story_id,))
            continue
        conn.execute("UPDATE story_pools SET data = ? WHERE story_id = ?", (new, story_id))


# MIGRATIONS[n] upgrades a database at version n to version n + 1.
MIGRATIONS: dict[int, Migration] = {
    0: _create_v1,
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
    7: _v7_to_v8,
    8: _v8_to_v9,
    9: _v9_to_v10,
    10: _v10_to_v11,
    11: _v11_to_v12,
    12: _v12_to_v13,
    13: _v13_to_v14,
    14: _v14_to_v15,
    15: _v15_to_v16,
    16: _v16_to_v17,
    17: _v17_to_v18,
    18: _v18_to_v19,
    19: _v19_to_v20,
    20: _v20_to_v21,
    21: _v21_to_v22,
    22: _v22_to_v23,
    23: _v23_to_v24,
    24: _v24_to_v25,
    25: _v25_to_v26,
    26: _v26_to_v27,
    27: _v27_to_v28,
    28: _v28_to_v29,
    29: _v29_to_v30,
    30: _v30_to_v31,
    31: _v31_to_v32,
    32: _v32_to_v33,
    33: _v33_to_v34,
    34: _v34_to_v35,
    35: _v35_to_v36,
    36: _v36_to_v37,
    37: _v37_to_v38,
    38: _v38_to_v39,
    39: _v39_to_v40,
    40: _v40_to_v41,
    41: _v41_to_v42,
    42: _v42_to_v43,
    43: _v43_to_v44,
    44: _v44_to_v45,
    45: _v45_to_v46,
}
# The versions whose step leaves every claim and story to regroup from the matches:
# db.upgrade marks the regroup due (due_work) in the step's transaction, and db.regroup
# does it later (the next match, `claimlens regroup`, the browser in the background).
# 5: stories on article evidence; 8: stories on matched statements, weights refitted;
# 9: stories read as a whole (pools), weights refitted; 20: names of Title Case
# headlines, a story started by weak links only with articles that each tell its event;
# 34: headlines alone read as such (title cosine, other days), weights refitted;
# 35: two stories merge only when they read alike; 36: a headline alone reads no weekday,
# and a claim brings along no statement judged another claim than its centre; 37: an
# article with a lead joins a story only on a link to one of its members; 40: an article
# with a lead merges two stories only when the smaller is a fragment of the larger;
# 41: story weights fitted again without UCI's held-out half; 42: two short articles
# scored with weights of their own; 43: an article with a lead joins a story only on
# something beyond its people's names, a claim holds no two statements matched related
# 45: profiles weigh words by their counts, and aliases read as their words; 46: one
# related statement between two short articles counts, short weights refitted
REGROUP_AT: frozenset[int] = frozenset({3, 5, 8, 9, 20, 34, 35, 36, 37, 40, 41, 42, 43, 45, 46})


class SchemaError(RuntimeError):
    """The database cannot be used with this version of claimlens."""


def _split_script(script: str) -> list[str]:
    """Split DDL into statements; ``sqlite3.complete_statement`` handles triggers."""
    script = re.sub(r"--[^\n]*", "", script)  # no string literal in the DDL holds '--'
    statements: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements


def _if_missing(statement: str) -> str:
    """A CREATE TABLE, INDEX or TRIGGER that does nothing when the object is there (a
    step run twice changes nothing); any other statement as it is."""
    return re.sub(r"^CREATE (TABLE|INDEX|TRIGGER) ", r"CREATE \1 IF NOT EXISTS ", statement)


def _create_missing(conn: sqlite3.Connection, script: str) -> None:
    """Create the tables, indexes and triggers of ``script`` that are missing."""
    for statement in _split_script(script):
        conn.execute(_if_missing(statement))


def user_version(db: sqlite_utils.Database | sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def check_usable(db: sqlite_utils.Database | sqlite3.Connection) -> int:
    """The schema version of ``db``, or SchemaError if this claimlens must not touch it:
    a newer version, or an SQLite file of another program. Reads only (also through a
    plain read-only connection, :func:`db.connection.connect_reader`)."""
    found = user_version(db)
    if found > SCHEMA_VERSION:
        raise SchemaError(
            f"database schema version {found} is newer than this claimlens "
            f"(supports up to {SCHEMA_VERSION}); upgrade claimlens to open it"
        )
    tables = _table_names(db)
    if found == 0 and tables:
        raise SchemaError("this SQLite file was not created by claimlens (it has other tables)")
    missing = [t for t in CORE_TABLES if t not in tables]
    if found > 0 and missing:
        raise SchemaError(
            f"not a claimlens database (schema version {found}, but no table {', '.join(missing)})"
        )
    return found


def _table_names(db: sqlite_utils.Database | sqlite3.Connection) -> set[str]:
    return {
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }


def schema_objects() -> dict[str, tuple[str, str]]:
    """Every table, index, trigger and virtual table of the current schema:
    name → (type, the DDL that creates it)."""
    out: dict[str, tuple[str, str]] = {}
    for ddl in _split_script(
        _V1
        + _V2
        + _V4_FEEDS
        + _V5_STORY_EVIDENCE
        + _V6_QUOTE_SPEAKERS
        + _V9_STORY_POOLS
        + _V10_DUE_WORK
        + _V12_STORY_INDEX
    ):
        m = re.match(
            r"CREATE\s+(VIRTUAL\s+TABLE|TABLE|INDEX|TRIGGER)\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)",
            ddl,
            re.IGNORECASE,
        )
        if m:
            kind = m.group(1).split()[-1].lower()
            out[m.group(2)] = (kind, ddl)
        dropped = re.match(r"DROP\s+\w+\s+(?:IF\s+EXISTS\s+)?(\w+)", ddl, re.IGNORECASE)
        if dropped:
            out.pop(dropped.group(1), None)
    return out
