"""Fuzzy quote search: statements that look like a half-remembered quote, misspelled
or partial, ranked as fzf users expect (:func:`fuzzy_search_counted`), and the fzf-like
highlights of the words that matched (:func:`fuzzy_highlights`).

A module of its own, apart from the word search of :mod:`db.search` (whose hit, page
columns and scratch index it uses): rapidfuzz is imported only by who needs it.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from db.lexicon import STOP_WORDS
from db.search import (
    PAGE_ARTICLES,
    PAGE_COLUMNS,
    TERM,
    QueryError,
    SearchHit,
    connection_of,
    matching_sql,
    quote_term,
    scratch_index,
)

if TYPE_CHECKING:
    from db.search import Db

# A half-remembered quote is found in three steps, each bounded:
# 1. Its content words (not function words: "the" is in half of all statements) are
#    looked up in the index vocabulary: a word the index has is kept as typed; a
#    misspelled one stands for the likeliest close index terms (:func:`_close_terms`).
#    Each word's document frequency comes with the lookup.
# 2. Candidates are the statements holding any of the rarest words, as many as keep
#    the candidate set within FUZZY_BUDGET statements, or, when every word is common,
#    those holding all of them; bm25 ranks them by every word (rare words weigh most)
#    and the best FUZZY_CANDIDATES are kept. When every word is common, bm25 ranks at
#    most the newest FUZZY_RANK_WINDOW of them (a quote of one very common word, "the",
#    held by half of a million statements: ranking them all took 0.5 s).
# 3. Those are ranked by how many of the query's words they hold, then by how well,
#    how closely and in which order (rapidfuzz), as fzf users expect.

FUZZY_CANDIDATES = 200  # statements ranked word by word (step 3)
# When every word is common, the statements holding them all are the candidates; fewer
# than this many, and those holding the two rarest words too (one word may be misspelled
# beyond repair). A constant, not the page's size: the candidates, and so the pages of one
# search, must not depend on which page is asked for.
FUZZY_ENOUGH = 50
FUZZY_BUDGET = 5000  # statements bm25 may rank in step 2 (sum of document frequencies)
# Matches of one candidate query bm25 ranks when every word of the quote is common (held
# by more than FUZZY_BUDGET statements), the newest (by statement id, as the word search's
# RANK_WINDOW): a query of more has its candidates chosen among these. Four times the
# budget: a query within it is ranked whole.
FUZZY_RANK_WINDOW = 20_000
FUZZY_KEY_WORDS = 4  # at most this many of the rarest words choose the candidates
FUZZY_TERM_CUTOFF = 75  # how close a misspelled word must be to a term of the index
FUZZY_WORD_CUTOFF = 80  # ... to a word of a statement, to count as that word
FUZZY_EXPANSIONS = 3  # index terms a misspelled word may stand for
FUZZY_TYPO_DOCS = 5  # a word the index holds this rarely may be a typo there too
FUZZY_FEW_WORDS = 3  # a quote with fewer content words is ranked by its function words too
FUZZY_EDIT_CLOSENESS = 90  # how close a word one typo away counts (term_similarity scale)


@dataclass
class FuzzyWord:
    """One content word of a fuzzy query and the index terms it stands for."""

    word: str  # as typed, lower case
    stem: str  # as the index tokenizer stems it ("" when it makes no token)
    # (FTS5 term, statements holding it; a word as typed counted up to FUZZY_RANK_WINDOW)
    terms: list[tuple[str, int]] = field(default_factory=list)

    @property
    def df(self) -> int:
        return sum(n for _expr, n in self.terms)


@dataclass
class FuzzyQuery:
    """A half-remembered quote, with each content word mapped to terms the index has."""

    text: str
    words: list[FuzzyWord] = field(default_factory=list)
    # Function words of a quote with few content words: they only rank candidates.
    function_words: list[str] = field(default_factory=list)


def ensure_vocab(db: Db) -> None:
    """The fts5vocab view over the statement index (a temp table: nothing is stored)."""
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.statements_vocab "
        "USING fts5vocab(main, statements_fts, row)"
    )


def _stems(db: Db, words: list[str]) -> list[str]:
    """Each word as the index's tokenizer stems it ("boeing" -> "boe")."""
    if not words:
        return []
    conn = connection_of(db)
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.claimlens_scratch_tokens "
        "USING fts5vocab(temp, claimlens_scratch, instance)"
    )
    first: dict[int, str] = {}
    values = "VALUES " + ",".join(["(?, ?)"] * len(words))
    with scratch_index(conn, values, [x for pair in enumerate(words) for x in pair]):
        for doc, term in conn.execute(
            "SELECT doc, term FROM temp.claimlens_scratch_tokens ORDER BY doc, offset"
        ):
            first.setdefault(doc, term)
    return [first.get(i, "") for i in range(len(words))]


def _matches_up_to(db: Db, expr: str, cap: int) -> int:
    """How many statements the FTS5 query ``expr`` matches, counted up to ``cap``: the
    index's own count of a word reads its every posting ("the": half a million, ~35 ms
    at 1 M statements), where a word held more than ``cap`` times is common whatever its
    count (FUZZY_BUDGET, FUZZY_RANK_WINDOW)."""
    row = db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM statements_fts WHERE statements_fts MATCH ? LIMIT ?)",
        (expr, cap),
    ).fetchone()
    return int(row[0])


def _doc_count(db: Db, term: str) -> int:
    row = db.execute("SELECT doc FROM temp.statements_vocab WHERE term = ?", (term,)).fetchone()
    return int(row[0]) if row else 0


def term_similarity(word: str, term: str) -> float:
    """How close a typed word is to an index term. Terms are porter stems
    ("engag"), so a word may also match a term by its beginning."""
    score = fuzz.ratio(word, term)
    if len(term) >= 4 and len(word) > len(term):
        score = max(score, fuzz.ratio(word[: len(term) + 1], term))
    return score


def _close_terms(db: Db, word: str, stem: str) -> list[tuple[str, int]]:
    """The index terms closest to a word the index does not have (or holds as rarely
    as a typo), as FTS5 terms with their statement counts.

    Two ways, as terms are porter stems: the word one typo away (two letters swapped,
    one left out) stemmed like the index ("traidng" -> "trading" -> "trade"), and
    the stems that look like it, among those starting the way it may (:func:`_starts`).
    """
    key = stem if len(stem) >= 3 else word
    scored: dict[str, tuple[float, int, str]] = {}  # stem -> (closeness, statements, FTS5)
    edits = _one_typo_away(word)
    for edit, edit_stem in zip(edits, _stems(db, edits), strict=True):
        if len(edit_stem) >= 2 and edit_stem not in scored:
            n = _doc_count(db, edit_stem)
            if n:
                scored[edit_stem] = (FUZZY_EDIT_CLOSENESS, n, quote_term(edit))
    for start in _starts(key):
        for term, n in db.execute(
            "SELECT term, doc FROM temp.statements_vocab WHERE term >= ? AND term < ?",
            (start, start + "\uffff"),
        ):
            score = max(term_similarity(word, term), term_similarity(key, term))
            if score >= FUZZY_TERM_CUTOFF and score > scored.get(term, (0.0,))[0]:
                # A stored stem might be stemmed again by the tokenizer: a prefix.
                scored[term] = (score, int(n), quote_term(term) + "*")
    # The likelier a term, the likelier the reader meant it: closeness, then how many
    # statements hold the term (a noisy-channel prior, on a log scale).
    close = sorted(
        scored.items(), key=lambda item: (-item[1][0] - 8 * math.log10(1 + item[1][1]), item[0])
    )
    return [(expr, n) for _term, (_score, n, expr) in close[:FUZZY_EXPANSIONS]]


def _one_typo_away(word: str) -> list[str]:
    """The words one typo away from ``word``: two neighbouring letters swapped, or a
    letter too many (each left out in turn). The commonest slips; a missing or a wrong
    letter is left to the similarity of stems."""
    if len(word) < 4:
        return []
    swaps = (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))
    drops = (word[:i] + word[i + 1 :] for i in range(len(word)))
    return [w for w in dict.fromkeys((*swaps, *drops)) if w != word]


def _starts(word: str) -> list[str]:
    """Where the index terms a misspelling of ``word`` stands for may begin: its
    first three letters, and as they are with one of its first four letters
    swapped with the next ("satrt": sat, ast, sta, sar)."""
    w = word if len(word) >= 4 else word + " "
    variants = (w[:3], w[1] + w[0] + w[2], w[0] + w[2] + w[1], w[:2] + w[3])
    return list(dict.fromkeys(v.strip() for v in variants if len(v.strip()) == 3))


def _query_words(query: str) -> list[str]:
    """The words of a fuzzy query worth looking up: not function words (unless there
    is nothing else), not single letters."""
    words = list(dict.fromkeys(w.lower() for w in TERM.findall(query)))
    content = [w for w in words if len(w) >= 2 and w not in STOP_WORDS]
    return content or [w for w in words if len(w) >= 2]


def expand_terms(db: Db, query: str) -> FuzzyQuery:
    """Map each content word of ``query`` to the index terms it stands for: itself
    when the index has it, else the closest terms (see :func:`_close_terms`)."""
    ensure_vocab(db)
    result = FuzzyQuery(query)
    words = _query_words(query)
    for word, stem in zip(words, _stems(db, words), strict=True):
        fw = FuzzyWord(word, stem)
        # The statements holding the word as typed (its stem), up to the rank window.
        cap = max(FUZZY_RANK_WINDOW, FUZZY_BUDGET + 1)  # past the budget: common
        n = _matches_up_to(db, quote_term(word), cap) if stem else 0
        if n:
            fw.terms = [(quote_term(word), n)]
        if n <= FUZZY_TYPO_DOCS and len(word) >= 3:
            # Not in the index, or as rare as a typo of the index ("smal"): the closest
            # terms too.
            fw.terms += [t for t in _close_terms(db, word, stem) if t[0] != quote_term(stem) + "*"]
        if fw.terms:
            result.words.append(fw)
    if len(result.words) < FUZZY_FEW_WORDS:
        held = {w.word for w in result.words}
        result.function_words = [
            w
            for w in dict.fromkeys(x.lower() for x in TERM.findall(query))
            if len(w) >= 2 and w not in held
        ]
    return result


def _candidate_queries(fq: FuzzyQuery) -> tuple[list[str], bool]:
    """FTS5 queries of the candidates, tried in turn until FUZZY_ENOUGH are found, and
    whether every word is common (bm25 ranks their newest FUZZY_RANK_WINDOW matches).

    The candidates are the statements holding any of the rarest words, as many as
    keep them within FUZZY_BUDGET (at least one); bm25 ranks them by every word (and
    by the function words of a quote with few others), so that those holding more of
    the others come first. When even the rarest word is common: those holding every
    word, then (if fewer than FUZZY_ENOUGH do: one may be misspelled beyond repair)
    any of the two rarest."""
    by_rarity = sorted(fq.words, key=lambda w: w.df)
    every = " OR ".join([*(_any_term(w) for w in by_rarity), *map(quote_term, fq.function_words)])
    common = by_rarity[0].df > FUZZY_BUDGET
    if common and len(by_rarity) > 1:
        two = " OR ".join(_any_term(w) for w in by_rarity[:2])
        return [_all_terms(by_rarity), f"({two}) AND ({every})"], True
    chosen = [by_rarity[0]]
    for w in by_rarity[1:FUZZY_KEY_WORDS]:
        if sum(c.df for c in chosen) + w.df > FUZZY_BUDGET:
            break
        chosen.append(w)
    expr = " OR ".join(_any_term(w) for w in chosen)
    ranked_by_all = len(chosen) < len(by_rarity) or fq.function_words
    return [f"({expr}) AND ({every})" if ranked_by_all else expr], common


def _best_candidates(
    db: Db, expr: str, matching: str, params: list[object], *, windowed: bool
) -> list[int]:
    """The FUZZY_CANDIDATES statements bm25 ranks best for the FTS5 query ``expr``
    within the filters (``matching``: the ``FROM ... WHERE`` of
    :func:`db.search.matching_sql`); ``windowed``: among its newest FUZZY_RANK_WINDOW
    matches, ties newest first."""
    if not windowed:
        sql = (
            f"SELECT statements_fts.rowid {matching}"
            f" ORDER BY bm25(statements_fts) LIMIT {FUZZY_CANDIDATES}"
        )
    else:
        sql = f"""
            SELECT id FROM (
                SELECT statements_fts.rowid AS id, bm25(statements_fts) AS rank {matching}
                ORDER BY statements_fts.rowid DESC LIMIT {FUZZY_RANK_WINDOW}
            ) ORDER BY rank, id DESC LIMIT {FUZZY_CANDIDATES}
            """
    return [sid for (sid,) in db.execute(sql, [expr, *params])]


def _all_terms(words: list[FuzzyWord]) -> str:
    return " AND ".join(f"({_any_term(w)})" for w in words)


def _any_term(w: FuzzyWord) -> str:
    return " OR ".join(expr for expr, _n in w.terms)


def fuzzy_search_counted(
    db: Db,
    query: str,
    *,
    source: str | None = None,
    limit: int = 20,
    offset: int = 0,
    since: str | None = None,
    until: str | None = None,
    speaker: str | None = None,
) -> tuple[list[SearchHit], int]:
    """Statements that look like ``query`` even when it is misspelled or partial, the
    ``limit`` from ``offset``, and how many the search found in all (what ``claimlens
    search --fuzzy`` prints: "showing 21–40 of 143").

    Ranked by how many of the query's words a statement holds (misspelled ones
    included), then by how closely it reads like the query, in the same order; the
    matched words are highlighted the way fzf does. ``source``, ``since``, ``until``,
    ``speaker``: only in the articles those filters keep (:func:`db.search.matching_sql`).
    The statements found, and so their ranking, do not depend on ``limit`` and
    ``offset``: the pages of one search follow each other, none repeated or left out.
    """
    if not _query_words(query):
        raise QueryError("nothing to search for: type at least one word")
    fq = expand_terms(db, query)
    if not fq.words:
        return [], 0  # no word of the quote is, or is close to, a word of the index
    matching, params = matching_sql(source, since, until, speaker)
    found: dict[int, None] = {}  # candidate statement ids, best first
    queries, common = _candidate_queries(fq)
    for expr in queries:
        found.update(dict.fromkeys(_best_candidates(db, expr, matching, params, windowed=common)))
        if len(found) >= FUZZY_ENOUGH:
            break
    if not found:
        return [], 0
    ids = list(found)
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"SELECT {PAGE_COLUMNS.format(text='s.text')} FROM statements s {PAGE_ARTICLES}"
        f" WHERE s.id IN ({marks})",
        ids,
    ).fetchall()
    words_of = {row[0]: _words(row[5]) for row in rows}
    ranker = _Ranker([w.word for w in fq.words], query.lower(), words_of.values())
    held = {row[0]: ranker.held(words_of[row[0]]) for row in rows}
    total = len(rows)
    if offset >= total:
        return [], total
    # Only statements holding as many words as the last of the page's can be shown:
    # only they are compared more closely (rapidfuzz).
    end = offset + limit
    enough = sorted((len(h) for h in held.values()), reverse=True)[: max(1, end)][-1]
    rows = [row for row in rows if len(held[row[0]]) >= enough]
    rank = {
        row[0]: (len(held[row[0]]), ranker.closeness(held[row[0]], row[5]), row[0]) for row in rows
    }
    rows.sort(key=lambda row: rank[row[0]], reverse=True)  # ties: the newer first
    rows = rows[offset:end]
    marker = WordMatcher(_highlight_words(query), (words_of[row[0]] for row in rows))
    n = len(fq.words) + 1
    hits = [
        SearchHit(
            statement_id=row[0],
            article_id=row[1],
            seq=row[2],
            start=row[3],
            end=row[4],
            text=row[5],
            highlights=marker.spans(row[5]),
            title=row[6],
            source=row[7],
            date=row[8],
            # 0..100, in the order of the ranking: the words held, then the closeness.
            score=100 * (rank[row[0]][0] + min(rank[row[0]][1], 2.99) / 3) / n,
            speaker=row[9],
            kind=row[10],
        )
        for row in rows
    ]
    return hits, total


class WordMatcher:
    """Which words of some texts stand for words of a query, judged for all the texts'
    distinct words at once, each with a quality: 1 the same word, 0.9 another form of
    it or the word half typed (a shared beginning of five letters, or all of a
    four-letter word), less for a misspelling (by rapidfuzz). Words of three letters or
    fewer must match exactly: one edit away from "not" is "north", which is not what
    the reader typed."""

    def __init__(self, words: list[str], texts: Iterable[list[str]]) -> None:
        """``texts``: each text's words, lower case (see :func:`_words`)."""
        self.words = words
        tokens = {t for text in texts for t in text}
        self._found: dict[str, list[tuple[int, float]]] = {}
        long_tokens = [t for t in tokens if len(t) > 3]
        by_start: dict[str, list[str]] = {}
        for t in long_tokens:
            by_start.setdefault(t[:4], []).append(t)
            if len(t) >= 5:
                by_start.setdefault(t[:5], []).append(t)
        for i, word in enumerate(words):
            found: dict[str, float] = {}
            if len(word) > 3:
                for token, ratio, _k in process.extract(
                    word, long_tokens, scorer=fuzz.ratio, score_cutoff=FUZZY_WORD_CUTOFF, limit=None
                ):
                    found[token] = 0.9 * ratio / 100
                for token in by_start.get(word[:5], ()):  # another form of the word
                    found[token] = 0.9
                if len(word) == 4:  # half typed
                    found.update(dict.fromkeys(by_start.get(word, ()), 0.9))
                elif word[:4] in tokens:
                    found[word[:4]] = 0.9
            if word in tokens:
                found[word] = 1.0
            for token, quality in found.items():
                self._found.setdefault(token, []).append((i, quality))

    def matches(self, token: str) -> list[tuple[int, float]]:
        """(index of a query word, quality 0..1) for each query word ``token`` may be."""
        return self._found.get(token, [])

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [
            (m.start(), m.end()) for m in TERM.finditer(text) if m.group(0).lower() in self._found
        ]


class _Ranker:
    """How a candidate ranks for a fuzzy query: the query words it holds, then how
    well, how closely it reads like the query and in the same order."""

    def __init__(self, words: list[str], needle: str, texts: Iterable[list[str]]) -> None:
        self.matcher = WordMatcher(words, texts)
        self.needle = needle

    def held(self, tokens: list[str]) -> list[tuple[int, float]]:
        """(position, match quality) of each query word a text's words (:func:`_words`)
        hold, in query order."""
        first: dict[int, tuple[int, float]] = {}  # query word -> (position, quality)
        for at, token in enumerate(tokens):
            found = self.matcher.matches(token)
            if found:  # a word of the text stands for one query word: its closest
                i, quality = max(found, key=lambda m: m[1])
                if i not in first or quality > first[i][1]:
                    first[i] = (at, quality)
        return [first[i] for i in range(len(self.matcher.words)) if i in first]

    def closeness(self, held: list[tuple[int, float]], text: str) -> float:
        """0..3: how well the held words match, how closely the text reads like the
        query (rapidfuzz), and how many held words stand in the query's order."""
        lowered = text.lower()
        closeness = 0.7 * fuzz.partial_token_sort_ratio(self.needle, lowered)
        closeness += 0.3 * fuzz.token_set_ratio(self.needle, lowered)
        in_order = _in_order([at for at, _q in held])
        quality = sum(q for _at, q in held) / max(1, len(held))
        return quality + closeness / 100 + in_order / max(1, len(self.matcher.words))


def _in_order(positions: list[int]) -> int:
    """How many of the matched words stand in the query's order (the longest
    increasing run of their positions in the text)."""
    tails: list[int] = []
    for p in positions:
        i = bisect_left(tails, p)
        tails[i : i + 1] = [p]
    return len(tails)


def _words(text: str) -> list[str]:
    return [t.lower() for t in TERM.findall(text)]


def _highlight_words(query: str) -> list[str]:
    return list(dict.fromkeys(w.lower() for w in TERM.findall(query) if len(w) >= 2))


def fuzzy_highlights(query: str, text: str) -> list[tuple[int, int]]:
    """Spans of the words in ``text`` that are close to some word of ``query``
    (see :class:`WordMatcher`)."""
    return WordMatcher(_highlight_words(query), [_words(text)]).spans(text)
