"""Draw same/conflict matches of a real ingest at random, to label blind.

    python bench/draw_blind.py basil --db D [D ...] --seed S --n N --set NAME --sheet FILE
        [--ids-after basil_dense_matches]
    python bench/draw_blind.py uci --db D --seed S --n N --set NAME --sheet FILE

``basil``: D is a BASIL + BBC database (``bench_stories.py mixed``: WORK/basil_bbc.db);
the matches between two BASIL statements that ``make_basil_pairs.py`` keeps (3 content
tokens or more), leaving out every pair of ``basil_random_matches.tsv``,
``basil_band_matches.tsv``, ``basil_pairs.tsv``, ``basil_dev_pairs.tsv`` and
``basil_dense_matches.tsv``; rows in ``basil_random_matches.tsv``'s columns, numbered
after the ids of ``--ids-after``. Several databases (dense draws) are drawn from as one:
a pair matched in two of them counts once, ordered by its (event, outlet, hash) keys.
``uci``: D is a UCI database (``bench_stories.py uci``: WORK/uci.db); the matches not
in ``uci_random_matches.tsv``; rows in its columns, ordered by statement ids. Python
``random.Random(S).sample`` of the eligible matches.

The rows (label empty) go to stdout; the reading sheet (FILE) holds each pair's texts,
its articles' titles, dates and outlets, and nothing the matcher said: no relation,
score or reason, so that the labels are the reader's own (bench/README.md).

    python bench/draw_blind.py score FILE DB [DB ...]

scores a BASIL file (``basil_dense_matches.tsv``, ``basil_blind_matches.tsv``) or a UCI
file (``uci_blind_matches.tsv``) against the databases it was drawn from: of its pairs
that any DB shows as same/conflict, the share labelled so, per set, with a Wilson 95 %
interval; and of those shown as related, the share labelled related.

``at_a``/``at_b`` (basil, after the label): each side's place, URL#char_start (see
bench/README.md, "Which statements a row means"); ``score`` reads a row with them
as that statement pair, one without them by its texts.

``--body`` (basil) only pairs of two body sentences (no headline on either side); a
basil sheet shows each statement between the sentences before and after it (set 76).
``--relation related`` draws ``related`` matches instead, ``--relation conflict`` only
the conflicts; ``--cross-outlet`` (uci) only
pairs of two publishers; ``--ids-after`` names the file whose ids the rows continue;
``--minus DB2`` only the pairs DB2 does not show as same/conflict: DB2 built
from the same file by code without a rule, the draw holds only what the rule made
(set 65: the pairs ``matcher._same_act`` made ``same``); basil takes several (set 77:
the pairs ``matcher.SAME_P_OPENINGS`` made ``same`` in any of the suite's databases).
``--relation any`` draws every match shown, ✓ or related (set 77's pairs left alone).
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

HERE = Path(__file__).resolve().parent
# Every labelled BASIL file: a pair in any of them is never drawn again.
LABELLED_BASIL = (
    "basil_random_matches",
    "basil_band_matches",
    "basil_pairs",
    "basil_dev_pairs",
    "basil_dense_matches",
    "basil_blind_matches",
)
# Every labelled UCI file, likewise.
LABELLED_UCI = ("uci_random_matches", "uci_blind_matches")

Q = """SELECT m.a, m.b FROM matches m WHERE m.relation IN ('same', 'conflict') ORDER BY m.a, m.b"""
# --relation related: the matches shown apart ("also on this event"), drawn the same way
Q_RELATED = """SELECT m.a, m.b FROM matches m WHERE m.relation = 'related' ORDER BY m.a, m.b"""
# --relation any: every match shown, ✓ or apart (set 77's pairs a rule left alone)
Q_ANY = """SELECT m.a, m.b FROM matches m ORDER BY m.a, m.b"""
# --relation conflict: only the shown conflicts (≠), measured on their own (set 77c)
Q_CONFLICT = """SELECT m.a, m.b FROM matches m WHERE m.relation = 'conflict' ORDER BY m.a, m.b"""
HEADLINES = "SELECT id FROM statements WHERE kind = 'headline'"
# the sentences before and after one statement in its article (--body's sheet)
NEIGHBOURS = """SELECT n.seq - s.seq, n.text FROM statements s JOIN statements n
  ON n.article_id = s.article_id AND n.seq BETWEEN s.seq - 1 AND s.seq + 1
  WHERE s.id = ? AND n.id != s.id ORDER BY n.seq"""
PLACES = """SELECT s.id, s.text, a.url, s.char_start, src.name FROM statements s
  JOIN articles a ON a.id = s.article_id JOIN sources src ON src.id = a.source_id"""
STATEMENTS = """SELECT s.id, s.text, a.url, a.title, a.date, src.name FROM statements s
  JOIN articles a ON a.id = s.article_id JOIN sources src ON src.id = a.source_id"""


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def basil(
    dbs: list[sqlite3.Connection],
    ids_after: str = "basil_random_matches",
    q: str = Q,
    any_source: bool = False,
    body: bool = False,
    minus: list[sqlite3.Connection] | None = None,
) -> tuple[list[tuple], dict, list[str]]:
    """The eligible pairs of every database in ``dbs`` (several dense draws: one pair
    found in two of them is drawn once), each side keyed by (event, outlet, hash);
    ``body``: only pairs of two body sentences (no headline on either side). Each
    statement is shown on the sheet between the sentences before and after it.
    ``minus``: the pairs any of those databases shows as same/conflict are left out (by
    their texts: the databases of the same files built by other code, set 77)."""
    from bench_match_data import basil_articles
    from make_basil_pairs import FIELDS, MIN_TOKENS, statement_hash

    from db.matcher import content_token_set

    arts = basil_articles()
    event_of = {a["url"]: a["event"][:8] for a in arts}
    date_of = {a["url"]: a["date"] for a in arts}  # as published (a dense draw moves it)
    done = set()
    for name in LABELLED_BASIL:
        for r in _rows(HERE / f"{name}.tsv"):
            done.add(frozenset(((r["outlet_a"], r["hash_a"]), (r["outlet_b"], r["hash_b"]))))
    for other in minus or ():  # what the other build shows too is left out
        texts = {sid: (src, statement_hash(t)) for sid, t, _u, _s, src in other.execute(PLACES)}
        done |= {frozenset((texts[a], texts[b])) for a, b in other.execute(Q)}
    info: dict[str, tuple] = {}  # place -> what the sheet shows of it
    # pair of text keys -> the places of the statement pair drawn for it: the first
    # match found (databases in order, matches by id), so that a text standing twice
    # is drawn, shown and scored as one statement (_place)
    found: dict[tuple, tuple[str, str]] = {}
    for db in dbs:
        key = {}
        place = {sid: _place(url, start) for sid, _t, url, start, _s in db.execute(PLACES)}
        headlines = {sid for (sid,) in db.execute(HEADLINES)} if body else set()
        for sid, text, url, title, date, src in db.execute(STATEMENTS):
            if url not in event_of and not any_source:
                continue
            if len(content_token_set(text)) < MIN_TOKENS or sid in headlines:
                continue
            key[sid] = (event_of.get(url, "-"), src, statement_hash(text))
            shown = _in_context(db, sid, text)
            info[place[sid]] = (shown, title, date_of.get(url, date), src)
        for a, b in db.execute(q):
            if a not in key or b not in key:
                continue
            if frozenset((key[a][1:], key[b][1:])) in done:
                continue
            (ka, pa), (kb, pb) = sorted(((key[a], place[a]), (key[b], place[b])))
            found.setdefault((ka, kb), (pa, pb))
    pairs = sorted(found)
    start = max((int(r["id"]) for r in _rows(HERE / f"{ids_after}.tsv")), default=0) + 1

    def row(i: int, ka: tuple, kb: tuple, name: str) -> str:
        from db.matcher import content_token_set as toks

        at_a, at_b = found[(ka, kb)]
        ta, tb = toks(_bare(info[at_a][0])), toks(_bare(info[at_b][0]))
        ov = len(ta & tb) / len(ta | tb)
        event = ka[0] if ka[0] == kb[0] else f"{ka[0]}/{kb[0]}"
        # the label stays before the places (older files' rows end with it)
        cells = (str(start + i), name, f"{ov:.3f}", event, ka[1], ka[2], kb[1], kb[2], "")
        return "\t".join((*cells, at_a, at_b))

    def sheet(ka: tuple, kb: tuple) -> tuple[tuple, tuple]:
        at_a, at_b = found[(ka, kb)]
        return info[at_a], info[at_b]

    return pairs, {"row": row, "sheet": sheet}, [*FIELDS, "at_a", "at_b"]


def _in_context(db: sqlite3.Connection, sid: int, text: str) -> str:
    """``text`` marked >> … << between its neighbours, so that the reader labels a
    body sentence with what it refers to ("he", "the plan") in view."""
    before = after = ""
    for off, t in db.execute(NEIGHBOURS, (sid,)):
        if off < 0:
            before = " ".join(t.split()) + " "
        else:
            after = " " + " ".join(t.split())
    return f"{before}>> {text} <<{after}"


def _bare(shown: str) -> str:
    """The statement itself out of a sheet's ``_in_context`` text."""
    if ">> " not in shown:
        return shown
    return shown.split(">> ", 1)[1].rsplit(" <<", 1)[0]


def uci(
    db: sqlite3.Connection,
    ids_after: str = "uci_random_matches",
    q: str = Q,
    cross_outlet: bool = False,
    minus: sqlite3.Connection | None = None,
) -> tuple[list[tuple], dict, list[str]]:
    from bench_uci_matches import FIELDS, text_hash, uci_ids

    ids = uci_ids()
    key = {}
    info = {}
    for sid, text, url, title, date, src in db.execute(STATEMENTS):
        key[sid] = (ids.get(url, "?"), text_hash(text))
        info[sid] = (text, title, date, src)
    done = {
        frozenset(((r["uci_a"], r["hash_a"]), (r["uci_b"], r["hash_b"])))
        for name in LABELLED_UCI
        for r in _rows(HERE / f"{name}.tsv")
    }
    if minus is not None:  # what the other build shows too is left out
        other = {
            sid: (ids.get(url, "?"), text_hash(text))
            for sid, text, url, _t, _d, _src in minus.execute(STATEMENTS)
        }
        done |= {frozenset((other[a], other[b])) for a, b in minus.execute(Q)}
    pairs = [
        (a, b)
        for a, b in db.execute(q)
        if frozenset((key[a], key[b])) not in done
        and not (cross_outlet and info[a][3] == info[b][3])
    ]
    start = max((int(r["id"]) for r in _rows(HERE / f"{ids_after}.tsv")), default=0) + 1

    def row(i: int, a: int, b: int, name: str) -> str:
        return "\t".join((str(start + i), name, *key[a], *key[b], ""))

    def sheet(a: int, b: int) -> tuple[tuple, tuple]:
        return info[a], info[b]

    return pairs, {"row": row, "sheet": sheet}, list(FIELDS)


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson 95 % interval of k right of n."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    mid = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return mid - half, mid + half


def _place(url: str, start: int) -> str:
    """Where a statement stands: its article and its first character there. Unlike its
    text, this tells apart two statements of one text ("at_a"/"at_b" of a BASIL file)."""
    return f"{url}#{start}"


def _shown(path: Path, uci_file: bool) -> tuple[dict[frozenset, set[str]], dict[frozenset, str]]:
    """The matches of the database at ``path``: {pair of text keys: the relations of every
    statement pair behind it}, each side keyed as the labelled files key it (BASIL
    (outlet, hash), UCI (row ID, hash)); and, BASIL only, {pair of places
    (:func:`_place`): relation}. One text may stand twice in an article (a title told
    again as the body's first sentence): its key then stands for several pairs."""
    db = sqlite3.connect(path)
    place: dict[int, str] = {}
    if uci_file:
        from bench_uci_matches import text_hash, uci_ids

        ids = uci_ids()
        key = {
            sid: (ids.get(url, "?"), text_hash(text))
            for sid, text, url, _t, _d, _src in db.execute(STATEMENTS)
        }
    else:
        from make_basil_pairs import statement_hash

        # every statement (a BBC one too: --any-source draws them); the labelled
        # files' pairs are keyed by source and hash alone
        key = {}
        for sid, text, url, start, src in db.execute(PLACES):
            key[sid] = (src, statement_hash(text))
            place[sid] = _place(url, start)
    by_text: dict[frozenset, set[str]] = {}
    by_place: dict[frozenset, str] = {}
    for a, b, rel in db.execute("SELECT a, b, relation FROM matches"):
        if a in key and b in key:
            by_text.setdefault(frozenset((key[a], key[b])), set()).add(rel)
        if a in place and b in place:
            by_place[frozenset((place[a], place[b]))] = rel
    return by_text, by_place


def _seen(rels: set[str]) -> str | None:
    """What a reader is shown of a pair from its relations (every window, every copy of
    its texts): a ✓ if any is same/conflict (conflict first), else related if any."""
    for rel in ("conflict", "same", "related"):
        if rel in rels:
            return rel
    return None


def score(path: Path, dbs: list[Path]) -> None:
    """Precision of the pairs of ``path`` (a BASIL or a UCI file) against the databases
    they were drawn from: of the pairs any DB shows as same/conflict, the share labelled
    so (``same-partly`` counts for ``same``; strictly, not); of those shown as
    ``related`` (and no DB shows as same/conflict), the share labelled ``related``.
    Per set, with Wilson 95 % intervals. A row with ``at_a``/``at_b`` is the pair of
    statements standing there; a row without them (sets before 76b) is every pair of
    statements with its two texts (a ✓ if any is one), and how many such rows hold a
    text that stands twice in one database with two relations is printed."""
    rows = _rows(path)
    uci_file = bool(rows) and "uci_a" in rows[0]
    by_text: dict[frozenset, set[str]] = {}
    by_place: dict[frozenset, set[str]] = {}
    split: set[frozenset] = set()
    for p in dbs:
        # a pair shown as same/conflict in one window is a ✓ a reader saw
        texts, places = _shown(p, uci_file)
        for k, rels in texts.items():
            by_text.setdefault(k, set()).update(rels)
            if len(rels) > 1:  # one database, one text twice, two relations
                split.add(k)
        for k, rel in places.items():
            by_place.setdefault(k, set()).add(rel)
    cols = ("uci_a", "uci_b") if uci_file else ("outlet_a", "outlet_b")
    by_set: dict[str, list[int]] = {}
    twice = 0
    for r in rows:
        if r.get("at_a") and r.get("at_b"):
            rels = by_place.get(frozenset((r["at_a"], r["at_b"])), set())
        else:
            k = frozenset(((r[cols[0]], r["hash_a"]), (r[cols[1]], r["hash_b"])))
            rels = by_text.get(k, set())
            twice += k in split
        c = by_set.setdefault(r.get("stratum") or r["set"], [0] * 6)
        c[0] += 1
        rel = _seen(rels)
        if rel in ("same", "conflict"):
            c[1] += 1
            right = r["label"] == rel or (rel == "same" and r["label"] == "same-partly")
            c[2] += right
            c[3] += r["label"] == rel
        elif rel == "related":
            c[4] += 1
            c[5] += r["label"] == "related"
    for name, (n, s, right, strict, sr, rright) in by_set.items():
        lo, hi = wilson(right, s)
        p = right / s if s else 0.0
        line = (
            f"{name}: {n} labelled, {s} shown as same/conflict now; right {right}"
            f" ({p:.1%}, Wilson 95 % {lo:.1%}-{hi:.1%}), strictly {strict}"
        )
        if sr:
            lo, hi = wilson(rright, sr)
            line += (
                f"; {sr} shown as related, labelled related {rright}"
                f" ({rright / sr:.1%}, Wilson 95 % {lo:.1%}-{hi:.1%})"
            )
        print(line)
    if twice:
        print(
            f"# {twice} rows keyed by text: in one database a text stands twice and its"
            " pairs have two relations (read as above)"
        )


def main() -> None:
    if sys.argv[1:2] == ["score"]:
        ap = argparse.ArgumentParser(description="score a BASIL set against databases")
        ap.add_argument("cmd")
        ap.add_argument("file", type=Path)
        ap.add_argument("dbs", type=Path, nargs="+")
        args = ap.parse_args()
        score(args.file, args.dbs)
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", choices=("basil", "uci"))
    ap.add_argument(
        "--db", type=Path, nargs="+", required=True, help="basil: one or more databases"
    )
    ap.add_argument(
        "--ids-after",
        default=None,
        help="the labelled file (bench/NAME.tsv) whose ids the rows continue",
    )
    ap.add_argument(
        "--relation",
        choices=("match", "related", "conflict", "any"),
        default="match",
        help="draw same/conflict matches (default), related ones, conflicts only, or any match",
    )
    ap.add_argument("--cross-outlet", action="store_true", help="uci: only pairs of two publishers")
    ap.add_argument(
        "--minus",
        type=Path,
        nargs="+",
        help="leave out the pairs this database (basil: any of these) shows as same/conflict",
    )
    ap.add_argument(
        "--any-source",
        action="store_true",
        help="basil: every pair of the database (BBC's too), not only BASIL pairs",
    )
    ap.add_argument(
        "--body",
        action="store_true",
        help="basil: only pairs of two body sentences (no headline on either side)",
    )
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--set", required=True, help="the drawn set's name")
    ap.add_argument("--sheet", type=Path, required=True, help="the reading sheet to write")
    args = ap.parse_args()
    dbs = [sqlite3.connect(p) for p in args.db]
    q = {"related": Q_RELATED, "conflict": Q_CONFLICT, "any": Q_ANY}.get(args.relation, Q)
    if args.corpus == "basil":
        less = [sqlite3.connect(p) for p in args.minus or ()]
        pairs, fn, _fields = basil(
            dbs, args.ids_after or "basil_random_matches", q, args.any_source, args.body, less
        )
    else:
        after = args.ids_after or "uci_random_matches"
        minus = sqlite3.connect(args.minus[0]) if args.minus else None
        pairs, fn, _fields = uci(dbs[0], after, q, args.cross_outlet, minus)
    n = min(args.n, len(pairs))
    drawn = random.Random(args.seed).sample(pairs, n)
    what = {"related": "related", "conflict": "conflict", "any": "shown"}.get(
        args.relation, "same/conflict"
    )
    print(f"# {len(pairs)} eligible {what} matches; {n} drawn with seed {args.seed}")
    with open(args.sheet, "w", encoding="utf-8") as sheet:
        for i, (a, b) in enumerate(drawn):
            print(fn["row"](i, a, b, args.set))
            sheet.write(f"## {i + 1}\n")
            for text, title, date, src in fn["sheet"](a, b):
                sheet.write(f"  [{src}, {date or 'undated'}] title: {title}\n    {text}\n")
            sheet.write("\n")


if __name__ == "__main__":
    main()
