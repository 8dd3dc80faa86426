"""Reading quotes: who said what, where, and which other outlets carry the same words.

The quote table for researchers (``claimlens quotes``) and the app's "who said what"
filter. One row per stored quote: a quotation that runs over several statements is
stored clipped to each (as ``show --json`` gives it), with the same speaker.

"The same quote" in another outlet: a quote of another source whose speaker has the
same surname key (:func:`db.speakers.speaker_key`; given names, when both have them,
must agree: one's words begin the other's, :func:`db.speakers.given_names_agree`; of
people speaking together, one of them: :func:`db.speakers.keys_clash`) and
whose words are fuzzy-equal (rapidfuzz: ratio >= 85 on the normalised text, or partial
ratio >= 92 when the shorter has at least 25 characters, for a quotation one outlet cut
shorter), dated within :data:`SAME_QUOTE_DAYS` days when both articles are dated.
Candidates are read by the speaker key index, so the cost is the number of quotes of
that speaker, not of the corpus.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

import sqlite_utils
from rapidfuzz import fuzz, utils

from db.articles import ArticleFilter
from db.speakers import key_clause, key_people, keys_clash, speaker_clause, speaker_people

__all__ = [
    "SAME_QUOTE_DAYS",
    "Quote",
    "QuoteFilter",
    "like_pattern",
    "list_quotes",
    "speakers",
    "speakers_counted",
]

SAME_QUOTE_DAYS = 14
_MAX_CANDIDATES = 5000  # quotes of one speaker compared with a listed one, newest first


@dataclass(slots=True)
class QuoteFilter:
    """Which quotes a listing shows; all fields optional. ``speaker`` is a name ("Rustem
    Umerov", "Umerov": matched by key) or a common noun as written ("officials")."""

    speaker: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None
    as_written: bool = False  # ``speaker`` as stored, not by key (see list_quotes)

    def conditions(self) -> tuple[list[str], list[Any]]:
        clauses, params = ArticleFilter(self.source, self.since, self.until).conditions()
        if self.speaker and self.as_written:
            clauses.append("q.speaker = ? COLLATE NOCASE")
            params.append(self.speaker.strip())
        elif self.speaker:
            clause, speaker_params = speaker_clause(self.speaker, (clauses[:], params[:]))
            clauses.append(clause)
            params += speaker_params
        return clauses, params


@dataclass(slots=True)
class Quote:
    quote_id: int
    statement_id: int
    article_id: int
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_kind: str | None
    speaker_key: str | None
    speaker_start: int | None
    speaker_end: int | None
    source: str
    date: str | None
    title: str
    also_in: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "quote_id": self.quote_id,
            "text": self.text,
            "speaker": self.speaker,
            "speaker_kind": self.speaker_kind,
            "speaker_key": self.speaker_key,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "start": self.start,
            "end": self.end,
            "article_id": self.article_id,
            "statement_id": self.statement_id,
            "source": self.source,
            "date": self.date,
            "title": self.title,
            "also_in": self.also_in,
        }


_SELECT = """
SELECT q.id, q.statement_id, s.article_id, q.char_start, q.char_end, q.text, q.speaker,
       q.speaker_kind, q.speaker_key, q.speaker_start, q.speaker_end, src.name, a.date,
       a.title
FROM quotes q
JOIN statements s ON s.id = q.statement_id
JOIN articles a ON a.id = s.article_id
JOIN sources src ON src.id = a.source_id
"""


def _quote(row: tuple[Any, ...]) -> Quote:
    return Quote(*row)


def list_quotes(
    db: sqlite_utils.Database,
    flt: QuoteFilter | None = None,
    *,
    limit: int = 50,
    offset: int = 0,
    others: bool = True,
) -> tuple[list[Quote], int]:
    """Quotes matching ``flt``, newest article first (in text order within one), and how
    many there are in all; with ``others``, each lists the other outlets carrying it."""
    flt = flt or QuoteFilter()
    clauses, params = flt.conditions()
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = db.execute(
        "SELECT count(*) FROM quotes q JOIN statements s ON s.id = q.statement_id"
        " JOIN articles a ON a.id = s.article_id" + where,
        params,
    ).fetchone()[0]
    if total == 0 and flt.speaker and not flt.as_written and _stored_as_written(db, flt.speaker):
        # A common noun kept as written and capitalised as the listing shows it ("The
        # report", "A spokesman", "Officials"): no key finds it, its words do.
        flt = replace(flt, as_written=True)
        return list_quotes(db, flt, limit=limit, offset=offset, others=others)
    quotes = [
        _quote(r)
        for r in db.execute(
            _SELECT + where + " ORDER BY a.date IS NULL, a.date DESC, a.id DESC, q.char_start"
            " LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]
    if others:
        cache: dict[str, list[Quote]] = {}
        for q in quotes:
            q.also_in = _also_in(db, q, cache)
    return quotes, total


def _stored_as_written(db: sqlite_utils.Database, name: str) -> bool:
    """Whether some quote's speaker is ``name`` as written (any case), with no key: a
    common noun ("The report", "A Labour spokesman"), which a key never finds."""
    row = db.execute(
        "SELECT 1 FROM quotes WHERE speaker_key IS NULL AND speaker = ? COLLATE NOCASE LIMIT 1",
        [name.strip()],
    ).fetchone()
    return row is not None


def _also_in(db: sqlite_utils.Database, q: Quote, cache: dict[str, list[Quote]]) -> list[dict]:
    """The same words, said by the same speaker, in other sources' articles."""
    if not q.speaker_key:
        return []
    surnames = sorted({k.partition("|")[0] for k in key_people(q.speaker_key)})
    for surname in surnames:
        if surname not in cache:
            clause, params = key_clause(surname)
            rows = db.execute(
                _SELECT + " WHERE " + clause + " ORDER BY q.id DESC LIMIT ?",
                [*params, _MAX_CANDIDATES],
            )
            cache[surname] = [_quote(r) for r in rows]
    candidates = cache[surnames[0]]
    if len(surnames) > 1:  # people together: any one's quotes, newest first
        by_id = {c.quote_id: c for surname in surnames for c in cache[surname]}
        candidates = [by_id[i] for i in sorted(by_id, reverse=True)]
    mine = utils.default_process(q.text)
    out: list[dict] = []
    seen: set[int] = set()
    for c in candidates:
        if c.source.casefold() == q.source.casefold() or c.article_id in seen:
            continue
        if keys_clash(q.speaker_key, c.speaker_key or ""):
            continue
        if not _near_in_time(q.date, c.date):
            continue
        score = _same_words(mine, utils.default_process(c.text))
        if score:
            seen.add(c.article_id)
            out.append(
                {
                    "source": c.source,
                    "article_id": c.article_id,
                    "quote_id": c.quote_id,
                    "date": c.date,
                    "text": c.text,
                    "score": round(score, 1),
                }
            )
    out.sort(key=lambda d: (-d["score"], d["source"].casefold()))
    return out


def _same_words(a: str, b: str) -> float:
    """A fuzzy score when ``a`` and ``b`` are the same quotation (0.0 when not)."""
    if not a or not b:
        return 0.0
    score = fuzz.ratio(a, b)
    if score >= 85:
        return score
    if min(len(a), len(b)) >= 25:
        partial = fuzz.partial_ratio(a, b)
        if partial >= 92:
            return partial
    return 0.0


def _near_in_time(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    try:
        da, db_ = date.fromisoformat(a[:10]), date.fromisoformat(b[:10])
    except ValueError:
        return True
    return abs(da - db_) <= timedelta(days=SAME_QUOTE_DAYS)


def speakers(
    db: sqlite_utils.Database,
    flt: ArticleFilter | None = None,
    limit: int = 200,
    *,
    match: str | None = None,
) -> list[tuple[str, str, int, int]]:
    """The speakers quoted most: (speaker, key, quotes, articles), most quoted first; for
    the app's "who said what" filter. Common nouns ("officials") are left out. ``match``:
    only the speakers written somewhere with it in their name (see :func:`speakers_counted`)."""
    return speakers_counted(db, flt, limit, match=match)[0]


def like_pattern(text: str) -> str:
    """A LIKE pattern (``ESCAPE '\\'``) for names holding ``text``: its ``%``, ``_`` and
    ``\\`` stand for themselves."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def speakers_counted(
    db: sqlite_utils.Database,
    flt: ArticleFilter | None = None,
    limit: int = 200,
    *,
    match: str | None = None,
) -> tuple[list[tuple[str, str, int, int]], int]:
    """:func:`speakers`, and how many there are in all (past ``limit``). ``match`` keeps
    the speakers one of whose quotes names them with it, as a substring (case-insensitive
    for ASCII letters, as SQLite's LIKE): "brew" finds Jan Brewer, "barack" Obama also
    where he is written "Obama"; their counts are all their quotes'.

    One row per person, as :func:`db.speakers.key_clause` reads a name: the keys whose
    given names extend a shorter key's of the same surname are that key's row ('trump|
    donald john' is Donald Trump's), and the surname alone ('obama') is the row of the
    surname's one person when only one has a full name among the listed quotes (else its
    own row: "Trump" beside Donald, Melania and Ivanka). A row's key is its shortest key
    and its name that key's most common form (then the shortest): picking the name
    lists exactly the quotes counted in the row. People speaking together ("John Smith
    and Mary Jones") are counted in each one's row (and found by each one's name, or all
    of them by text that runs across the "and", "Smith and Mary", as the browser shows
    them together), as :func:`db.speakers.key_clause` lists them. A key named in lower
    case ("police", "de Léon") is a row of its own, counted as picking its name lists
    (:func:`db.speakers.speaker_clause` reads it as written): every quote so written,
    with a key or none ("police said" is a common noun's, kept without one; "they said"
    after it is given one).
    """
    clauses, params = (flt or ArticleFilter()).conditions()
    like, like_params = "0", []
    if match and match.strip():
        like, like_params = "q.speaker LIKE ? ESCAPE '\\'", [like_pattern(match.strip())]
    # "+": read the quotes in order (all of them, or a filter's by its articles), not one
    # by one through the key's index, which costs twice as much for every quote. One row
    # per (key, name as written, article), with its quotes counted: SQLite groups them in
    # C, and the loop below reads a third of the rows (the picker's 60-120 ms, mostly this
    # loop, at 15,058 quotes).
    rows = db.execute(
        f"SELECT q.speaker_key, q.speaker, s.article_id, count(*), max({like}) FROM quotes q"
        " JOIN statements s ON s.id = q.statement_id"
        + (" JOIN articles a ON a.id = s.article_id" if clauses else "")
        + " WHERE +q.speaker IS NOT NULL"
        + "".join(f" AND {c}" for c in clauses)
        + " GROUP BY q.speaker_key, q.speaker, s.article_id",
        [*like_params, *params],
    ).fetchall()
    quotes: dict[str, int] = {}
    articles: dict[str, set[int]] = {}
    forms: dict[str, dict[str, int]] = {}
    found: set[str] = set()
    # A name written in lower case ("police", "de Léon") is picked as written
    # (db.speakers.speaker_clause): every quote of it so written, with a key or none
    # (a common noun's own quote has none; "they said" after it may have one).
    written: dict[str, tuple[int, set[int]]] = {}
    typed = (match or "").strip().translate(_ASCII_LOWER)
    for key, speaker, article_id, n_quotes, hit in rows:
        if speaker[:1].islower():
            n, ids = written.get(as_written := speaker.strip().translate(_ASCII_LOWER), (0, set()))
            ids.add(article_id)
            written[as_written] = (n + n_quotes, ids)
        if key is None:
            continue
        together = key[:1] == "&"  # people together: each one's quote
        people = speaker_people(speaker, key) if together else [(key, speaker)]
        for person, name in people:
            quotes[person] = quotes.get(person, 0) + n_quotes
            articles.setdefault(person, set()).add(article_id)
            named = forms.setdefault(person, {})
            named[name] = named.get(name, 0) + n_quotes
        if hit:
            # The one whose name holds the typed text ("mary": Mary Jones, not John
            # Smith); text that runs across the "and" ("Smith and Jo") names them all.
            own = [p for p, name in people if typed in name.translate(_ASCII_LOWER)]
            found.update(own if together and own else (p for p, _ in people))
    name_of = {
        key: min(named.items(), key=lambda f: (-f[1], len(f[0]), f[0]))[0]
        for key, named in forms.items()
    }
    # A key named in lower case is a row of its own, counted as picking it lists (as
    # written), and no other key's row.
    lower = {key for key, name in name_of.items() if name[:1].islower()}
    row_of = _rows_of_keys({key for key in quotes if key not in lower})
    row_of.update((key, key) for key in lower)
    groups: dict[str, list[str]] = {}
    for key, row in row_of.items():
        groups.setdefault(row, []).append(key)
    of_surname: dict[str, list[str]] = {}
    for key in quotes:
        of_surname.setdefault(key.partition("|")[0], []).append(key)
    counted = []
    for row, keys in groups.items():
        if like_params and found.isdisjoint(keys):
            continue
        if row in lower:
            n, seen = written[name_of[row].strip().translate(_ASCII_LOWER)]
            counted.append((row, n, len(seen)))
            continue
        # A surname alone that is no one person's row asks for every person of that
        # surname (key_clause): it counts what picking it lists.
        listed = keys if "|" in row else of_surname[row]
        seen = set().union(*(articles[k] for k in listed))
        counted.append((row, sum(quotes[k] for k in listed), len(seen)))
    counted.sort(key=lambda r: (-r[2], -r[1], r[0]))
    return [(name_of[row], row, n, na) for row, n, na in counted[:limit]], len(counted)


# LIKE's case: ASCII letters only.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _rows_of_keys(keys: Collection[str]) -> dict[str, str]:
    """The picker's row of each key (:func:`speakers_counted`): the shortest of the keys
    its given names extend (itself when none), and a surname alone its one person's
    when exactly one row has a full name of that surname."""
    row_of: dict[str, str] = {}
    rows: dict[str, set[str]] = {}
    for key in keys:
        surname, bar, given = key.partition("|")
        if not bar:
            row_of[key] = key
            continue
        row = key
        if " " in given:
            words = given.split(" ")
            shorter = (f"{surname}|{' '.join(words[:i])}" for i in range(1, len(words)))
            row = next((k for k in shorter if k in keys), key)
        row_of[key] = row
        rows.setdefault(surname, set()).add(row)
    for surname, one in rows.items():
        if len(one) == 1 and surname in keys:
            row_of[surname] = next(iter(one))
    return row_of
