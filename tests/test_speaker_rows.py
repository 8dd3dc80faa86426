"""One person, one row (QA report item 6): speaker keys whose given names agree
(db.speakers.given_names_agree) are one speaker in ``--speaker``, in "also in" and in
the speaker picker (db.quote_reads.speakers_counted), and the surname alone is the
surname's one person's only where nobody else of that surname is quoted. Picking a
row lists exactly the quotes it counts. Never two people: Donald Trump, Donald Trump Jr,
Melania and Ivanka Trump stay apart. People speaking together ("John Smith and Mary
Jones") are found, counted and joined under each of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from db_helpers import ingested_records

from db.articles import ArticleFilter, count_articles
from db.connection import connect
from db.quote_reads import QuoteFilter, list_quotes, speakers_counted
from db.speakers import given_names_agree, key_clause, keys_clash, speaker_clause, speaker_key
from tests.tui_fixtures import async_test, settle

WALL = '"The wall will be paid for, believe me,"'
LINES = [  # one article each: (source, text)
    ("Wire A", f"{WALL} said Donald Trump."),
    ("Wire A", '"We are going to win so much," said Donald John Trump.'),
    ("Wire A", '"Be best, always," said Melania Trump.'),
    ("Wire A", '"My father is right," said Donald Trump Jr.'),
    ("Wire A", '"Change has come to America," said Barack Obama.'),
    ("Wire B", f"{WALL} Donald John Trump said on Monday."),
    ("Wire B", '"Taxes will fall next year," Trump said.'),
    ("Wire B", '"The economy is strong," said Donald Trump.\n\n'
               '"Jobs are back," said Donald John Trump.'),
    ("Wire B", '"Yes we can, and yes we will," Obama said.'),
    ("Wire C", f"{WALL} said Melania Trump."),
    ("Wire C", '"Our health care law works," said Barack Obama.'),
    ("Wire C", '"Fashion is an art," said Ivanka Trump.'),
    ("Wire C", '"We must stay the course," said George Walker Bush.'),
    ("Wire C", '"Freedom is on the march," said George Bush.'),
    ("Wire C", '"Reading matters most," said Laura Bush.'),
    ("Wire C", '"Mission accomplished," Bush said.'),
]  # fmt: skip


def _ingested(path: Path, lines: list[tuple[str, str]]) -> Path:
    """A database at ``path`` of one article per (source, text), dated a day apart."""
    records = [
        {"source": s, "date": f"2019-01-{i + 1:02d}", "title": f"Remarks {i}", "text": t}
        for i, (s, t) in enumerate(lines)
    ]
    return ingested_records(path, records)


@pytest.fixture
def people(tmp_path: Path) -> Path:
    return _ingested(tmp_path / "people.db", LINES)


def _said(db, name: str, source: str | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    quotes, total = list_quotes(db, QuoteFilter(speaker=name, source=source), limit=100)
    assert total == len(quotes)
    return sorted(q.speaker for q in quotes)


def test_given_names_agree_when_one_begins_the_other() -> None:
    assert given_names_agree("donald", "donald")
    assert given_names_agree("donald", "donald john")
    assert given_names_agree("george walker", "george")
    assert not given_names_agree("donald", "melania")
    assert not given_names_agree("donald john", "donald james")
    assert not given_names_agree("don", "donald")  # words, not letters


def test_a_name_fits_its_longer_and_shorter_forms_and_nobody_else(people: Path) -> None:
    db = connect(people)
    donald = ["Donald John Trump"] * 3 + ["Donald Trump"] * 2
    # Not "Trump" alone (Melania and Ivanka are quoted too), nor Donald Trump Jr.
    assert _said(db, "Donald Trump") == donald
    assert _said(db, "Donald John Trump") == donald
    assert _said(db, "President Donald J. Trump") == donald
    assert _said(db, "Melania Trump") == ["Melania Trump"] * 2
    assert _said(db, "George Walker Bush") == ["George Bush", "George Walker Bush"]
    assert _said(db, "Laura Bush") == ["Laura Bush"]
    # Barack is the only Obama with a given name: "Obama" is his.
    assert _said(db, "Barack Obama") == ["Barack Obama", "Barack Obama", "Obama"]
    # The surname alone still asks for every Trump (not Trump Jr).
    others = ["Ivanka Trump", "Melania Trump", "Melania Trump", "Trump"]
    assert _said(db, "Trump") == sorted([*donald, *others])
    # In Wire B Donald is the only Trump quoted: there "Trump" is his.
    assert _said(db, "Donald Trump", source="Wire B") == [
        "Donald John Trump",
        "Donald John Trump",
        "Donald Trump",
        "Trump",
    ]
    assert _said(db, "Melania Trump", source="Wire B") == []


@pytest.mark.parametrize("name", ["Donald Trump", "Trump"])
@pytest.mark.parametrize("source", [None, "Wire B"])
def test_the_speaker_clause_reads_the_key_index(
    people: Path, name: str, source: str | None
) -> None:
    """The quotes are read by key, also beside a source's filter (not by walking the
    source's articles), and so are the keys that fit (no database has ANALYZE stats:
    the plan here is the plan on a large database)."""
    assert_reads_the_key_index(connect(people), QuoteFilter(speaker=name, source=source))


def assert_reads_the_key_index(db, found: QuoteFilter) -> None:
    """The quotes ``found`` selects are read by key, and so are the keys that fit."""
    clauses, params = found.conditions()
    sql = (
        "EXPLAIN QUERY PLAN SELECT q.id FROM quotes q JOIN statements s"
        " ON s.id = q.statement_id JOIN articles a ON a.id = s.article_id"
        " WHERE " + " AND ".join(clauses)
    )
    plan = [r[3] for r in db.execute(sql, params)]
    assert plan[0] == "SEARCH q USING INDEX quotes_speaker_key (speaker_key=?)", plan
    reads = [step for step in plan if step.startswith(("SEARCH q", "SCAN", "SEARCH k"))]
    assert all(" INDEX quotes_speaker_key (speaker_key" in step for step in reads), plan


ROWS = [
    # A surname alone that is no one person's row counts every quote of that surname,
    # as picking it lists them: Donald, Melania, Ivanka and "Trump" (not Donald Jr).
    ("Trump", "trump", 9, 8),
    # "Donald John Trump" is written more often, but the row is the shortest key's,
    # named by its own most common form, which lists the row back.
    ("Donald Trump", "trump|donald", 5, 4),
    ("Bush", "bush", 4, 4),  # George, Laura and "Bush"
    ("Barack Obama", "obama|barack", 3, 3),  # and "Obama"
    ("George Bush", "bush|george", 2, 2),  # and "George Walker Bush"
    ("Melania Trump", "trump|melania", 2, 2),
    ("Laura Bush", "bush|laura", 1, 1),
    ("Donald Trump Jr", "trump jr|donald", 1, 1),
    ("Ivanka Trump", "trump|ivanka", 1, 1),
]


def test_the_picker_shows_one_row_per_person(people: Path) -> None:
    db = connect(people)
    assert speakers_counted(db) == (ROWS, len(ROWS))
    assert speakers_counted(db, limit=2) == (ROWS[:2], len(ROWS))
    # Typed text finds the row by any of its forms, with all of the row's quotes.
    assert speakers_counted(db, match="john") == ([ROWS[1]], 1)
    assert speakers_counted(db, match="WALKER") == ([ROWS[4]], 1)
    assert speakers_counted(db, match="obama") == ([ROWS[3]], 1)
    assert speakers_counted(db, match="trump", limit=3) == (
        [ROWS[0], ROWS[1], ROWS[5]],
        4 + 1,  # Trump, Donald, Melania, Donald Jr, Ivanka
    )
    # Within Wire B, Donald is the only Trump: "Trump" is his row.
    assert speakers_counted(db, ArticleFilter(source="Wire B")) == (
        [("Donald Trump", "trump|donald", 4, 3), ("Obama", "obama", 1, 1)],
        2,
    )
    assert speakers_counted(db, ArticleFilter(source="Wire C", since="2019-01-14")) == (
        [
            ("Bush", "bush", 3, 3),  # George, Laura and "Bush"
            ("George Bush", "bush|george", 1, 1),
            ("Laura Bush", "bush|laura", 1, 1),
        ],
        3,
    )


def test_two_longer_forms_of_no_shorter_one_are_two_rows(tmp_path: Path) -> None:
    """'donald john' and 'donald james' both agree with 'donald', not with each other:
    without a "Donald Trump" quoted they are two rows, and "Trump" is neither's (it
    lists both, and itself)."""
    db = connect(
        _ingested(
            tmp_path / "two.db",
            [
                ("Wire A", '"We are going to win so much," said Donald John Trump.'),
                ("Wire A", '"The hearing was a farce," said Donald James Trump.'),
                ("Wire B", '"Taxes will fall next year," Trump said.'),
                ("Wire B", '"Rates will rise," said Anna Maria Berg.'),
                ("Wire B", '"Rates will stay," said Anna Maria Louisa Berg.'),
                ("Wire B", '"Rates matter," Berg said.'),
            ],
        )
    )
    assert speakers_counted(db) == (
        [
            ("Anna Maria Berg", "berg|anna maria", 3, 3),
            ("Trump", "trump", 3, 3),  # either Donald, or "Trump"
            ("Donald James Trump", "trump|donald james", 1, 1),
            ("Donald John Trump", "trump|donald john", 1, 1),
        ],
        4,
    )
    assert _said(db, "Donald John Trump") == ["Donald John Trump"]
    assert _said(db, "Anna Maria Berg") == ["Anna Maria Berg", "Anna Maria Louisa Berg", "Berg"]


@pytest.mark.parametrize(
    "flt",
    [
        ArticleFilter(),
        ArticleFilter(source="Wire A"),
        ArticleFilter(source="Wire B"),
        ArticleFilter(source="Wire C"),
        ArticleFilter(since="2019-01-06", until="2019-01-11"),
        ArticleFilter(since="2019-01-14"),
    ],
    ids=repr,
)
def test_picking_a_row_lists_exactly_the_quotes_it_counts(people: Path, flt: ArticleFilter) -> None:
    db = connect(people)
    rows, total = speakers_counted(db, flt)
    assert rows and total == len(rows)
    for name, _key, n, articles in rows:
        picked = QuoteFilter(speaker=name, source=flt.source, since=flt.since, until=flt.until)
        assert list_quotes(db, picked, limit=1)[1] == n, name
        listed = ArticleFilter(flt.source, flt.since, flt.until, speaker=name)
        assert count_articles(db, listed) == articles, name


def test_also_in_joins_longer_and_shorter_forms_not_other_people(people: Path) -> None:
    db = connect(people)
    quotes, _ = list_quotes(db, QuoteFilter(speaker="Donald Trump", source="Wire A"))
    wall = next(q for q in quotes if q.text.startswith("The wall"))
    assert wall.speaker == "Donald Trump"
    # Donald John Trump's words in Wire B; not Melania Trump's same words in Wire C.
    assert [(o["source"], o["text"]) for o in wall.also_in] == [("Wire B", wall.text)]


@async_test
async def test_the_picker_row_found_by_a_longer_form_picks_all_its_articles(people: Path) -> None:
    from tests.tui_fixtures import screen_text
    from tui.app import make_app
    from tui.components.speaker_filter import SpeakerFilterScreen
    from tui.config import Config

    app = make_app(people, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("w", *"john")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, SpeakerFilterScreen)
        assert "Donald Trump  5 quotes in 4 articles" in screen_text(app)
        assert picker.shown == [ROWS[1]]
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is main and main.state.filter.speaker == "Donald Trump"
        assert main.counts[0] == 4
        # The surname alone says whom it lists.
        await pilot.press("w", *"trump")
        await settle(pilot)
        assert "Trump (anyone named Trump)  9 quotes in 8 articles" in screen_text(app)


TOGETHER = [  # one article each: (source, text)
    ("Wire A", '"We will not back down," said John Smith and Mary Jones.'),
    ("Wire A", '"Taxes will fall next year," said Mary Jones.'),
    ("Wire B", '"We will not back down," Mary Jones said on Monday.'),
    ("Wire B", '"The vote is close," said John Smith.'),
    ("Wire C", '"Rates will rise," said Tom Jones.'),
    ("Wire C", '"We stand together," Smith and Jones said.'),
]  # fmt: skip


@pytest.fixture
def together(tmp_path: Path) -> Path:
    return _ingested(tmp_path / "together.db", TOGETHER)


def test_people_speaking_together_have_each_ones_key() -> None:
    assert speaker_key("John Smith and Mary Jones") == "&smith|john&jones|mary"
    assert speaker_key("Smith and Jones") == "&smith&jones"
    assert speaker_key("John Lewis, Andre Carson and Emanuel Cleaver") == (
        "&lewis|john&carson|andre&cleaver|emanuel"
    )
    # A body named with "and" is one speaker, as before.
    assert speaker_key("Okafor Iron and Steel Co") == "co|okafor iron and steel"
    assert speaker_key("Fen and Marsh Drainage Board") == "fen and marsh drainage board"
    # One of people together is that person; another of a surname among them is not.
    assert not keys_clash("&smith|john&jones|mary", "jones|mary")
    assert not keys_clash("&smith|john&jones|mary", "jones")
    assert not keys_clash("&smith&jones", "smith|john")
    assert keys_clash("&smith|john&jones|mary", "jones|tom")
    assert keys_clash("trump|donald", "trump|melania") and not keys_clash("trump", "trump|ivanka")


def test_people_speaking_together_are_found_under_each_of_them(together: Path) -> None:
    db = connect(together)
    assert _said(db, "Mary Jones") == ["John Smith and Mary Jones", "Mary Jones", "Mary Jones"]
    assert _said(db, "Ms. Jones", source="Wire A") == ["John Smith and Mary Jones", "Mary Jones"]
    assert _said(db, "John Smith") == ["John Smith", "John Smith and Mary Jones", "Smith and Jones"]
    assert _said(db, "Tom Jones") == ["Tom Jones"]  # not Mary's
    assert _said(db, "Jones") == [
        "John Smith and Mary Jones",
        "Mary Jones",
        "Mary Jones",
        "Smith and Jones",
        "Tom Jones",
    ]
    assert _said(db, "John Smith and Mary Jones") == ["John Smith and Mary Jones"]
    # Each one's row in the picker counts them; typed text finds the row of the one
    # whose name holds it (not John Smith's for "mary").
    assert speakers_counted(db) == (
        [
            ("Jones", "jones", 5, 5),  # Mary, Tom and "Jones" (of Smith and Jones)
            ("Mary Jones", "jones|mary", 3, 3),
            ("John Smith", "smith|john", 3, 3),  # and "Smith" (of Smith and Jones)
            ("Tom Jones", "jones|tom", 1, 1),
        ],
        4,
    )
    assert speakers_counted(db, match="mary") == ([("Mary Jones", "jones|mary", 3, 3)], 1)
    assert speakers_counted(db, match="smith") == ([("John Smith", "smith|john", 3, 3)], 1)
    # The same words in another outlet: Mary Jones's, said with John Smith or alone.
    quotes, _ = list_quotes(db, QuoteFilter(speaker="Mary Jones"))
    also = {(q.source, q.speaker): [o["source"] for o in q.also_in] for q in quotes}
    assert also[("Wire A", "John Smith and Mary Jones")] == ["Wire B"]
    assert also[("Wire B", "Mary Jones")] == ["Wire A"]


def test_people_together_are_found_in_any_order_and_by_their_surnames(together: Path) -> None:
    """QA: ``--speaker "Nancy Pelosi and Chuck Schumer"`` found nothing where the quote's
    speaker was "Chuck Schumer and Nancy Pelosi", and "Schumer and Pelosi" not the quote
    of "Chuck Schumer and Nancy Pelosi", though "Schumer" alone finds every Schumer. The
    same people together, in any order, each as one person's name fits, are found; other
    people, or more or fewer of them, are not."""
    db = connect(together)
    joint = ["John Smith and Mary Jones"]
    assert _said(db, "Mary Jones and John Smith") == joint
    assert _said(db, "Smith and Jones") == ["John Smith and Mary Jones", "Smith and Jones"]
    assert _said(db, "Jones and Smith") == ["John Smith and Mary Jones", "Smith and Jones"]
    assert _said(db, "John Smith and Mary Jones") == joint  # not "Smith and Jones"
    assert _said(db, "John Smith and Tom Jones") == []
    assert _said(db, "Smith, Jones and Brown") == []
    assert _said(db, "Smith and Brown") == []
    # "&" for "and", as people type it (QA: `--speaker "Rudy Giuliani & Jay Sekulow"`),
    # between full names: "Marks & Spencer" is a company's name.
    assert _said(db, "Mary Jones & John Smith") == joint
    assert speaker_clause("Marks & Spencer") == key_clause("spencer|marks")


def test_typing_people_together_as_the_text_shows_them_finds_each_of_them(
    together: Path,
) -> None:
    """QA: the reader shows a joint speaker as one ("‹Rudy Giuliani and Jay Sekulow›");
    typed so in the speaker picker ("Giuliani and"), it found "No speaker holds
    'Giuliani and'", since only a text within one person's name found that person.
    Text that runs across the "and" finds every one of them; text within one name still
    finds that one alone."""
    db = connect(together)
    both = [("Mary Jones", "jones|mary", 3, 3), ("John Smith", "smith|john", 3, 3)]
    assert speakers_counted(db, match="John Smith and Mary Jones") == (both, 2)
    # "Smith and Jones" holds it too: its Jones (the surname alone) comes with them.
    assert speakers_counted(db, match="smith and") == ([("Jones", "jones", 5, 5), *both], 3)
    assert speakers_counted(db, match="Smith and Jones") == (
        [("Jones", "jones", 5, 5), ("John Smith", "smith|john", 3, 3)],
        2,
    )
    assert speakers_counted(db, match="mary") == ([("Mary Jones", "jones|mary", 3, 3)], 1)


@pytest.mark.parametrize(
    "flt",
    [ArticleFilter(), ArticleFilter(source="Wire A"), ArticleFilter(source="Wire C")],
    ids=repr,
)
def test_picking_a_row_of_one_of_people_together_lists_what_it_counts(
    together: Path, flt: ArticleFilter
) -> None:
    db = connect(together)
    rows, total = speakers_counted(db, flt)
    assert rows and total == len(rows)
    for name, _key, n, articles in rows:
        picked = QuoteFilter(speaker=name, source=flt.source)
        assert list_quotes(db, picked, limit=1)[1] == n, name
        assert count_articles(db, ArticleFilter(flt.source, speaker=name)) == articles, name


@pytest.mark.parametrize("name", ["Mary Jones", "Jones", "John Smith and Mary Jones"])
def test_the_speaker_clause_of_people_together_reads_the_key_index(
    together: Path, name: str
) -> None:
    assert_reads_the_key_index(connect(together), QuoteFilter(speaker=name, source="Wire A"))


# "police said" is a common noun's quote (kept as written, no key); "they said" after it
# is the same speaker, keyed by the pronoun's rule. A name in lower case is picked as
# written (db.speakers.speaker_clause): its row counts both.
AS_WRITTEN = [
    ("Wire A", 'The man was "very dangerous", police said. "He fled on foot," they said.'),
    ("Wire B", '"The Committee will meet," the Committee said.'),
]  # fmt: skip


def test_a_row_named_in_lower_case_counts_what_picking_it_lists(tmp_path: Path) -> None:
    db = connect(_ingested(tmp_path / "written.db", AS_WRITTEN))
    rows, _total = speakers_counted(db)
    assert ("police", "police", 2, 1) in rows
    for name, _key, n, articles in rows:
        assert list_quotes(db, QuoteFilter(speaker=name), limit=1)[1] == n, name
        assert count_articles(db, ArticleFilter(speaker=name)) == articles, name
    assert speakers_counted(db, match="poli") == ([("police", "police", 2, 1)], 1)


@async_test
async def test_a_row_named_in_lower_case_says_no_anyone_named(tmp_path: Path) -> None:
    from tests.tui_fixtures import screen_text
    from tui.app import make_app
    from tui.config import Config

    app = make_app(_ingested(tmp_path / "written.db", AS_WRITTEN[:1]), config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        text = screen_text(app)
        assert "police  2 quotes in 1 article" in text
        assert "anyone named police" not in text


def test_the_pickers_list_is_read_once_until_the_database_changes(
    people: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`w` read every quote each time it opened (60-120 ms on a 2,527-article database):
    opened again on the same filter it shows the list read before, until another
    connection (an ingest, `follow`) or this one writes."""
    import tui.components.library as library_mod
    from tui.components.library import Library, ListState

    calls: list[ArticleFilter] = []

    def counted(db, flt=None, limit=200, *, match=None):  # type: ignore[no-untyped-def]
        calls.append(flt)
        return speakers_counted(db, flt, limit, match=match)

    monkeypatch.setattr(library_mod, "speakers_counted", counted)
    library = Library(people)
    state = ListState()
    first = library.speakers(state)
    assert library.speakers(state) == first
    assert library.speakers(state.with_filter(speaker="trump|donald")) == first  # left out
    assert len(calls) == 1
    wire_b = state.with_filter(source="Wire B")
    assert library.speakers(wire_b)[0][0][0] == "Donald Trump"
    assert len(calls) == 2
    other = connect(people)
    _add = [("Wire A", '"The border is open," said Kamala Harris.')]
    other.execute("UPDATE quotes SET speaker = 'Kamala Harris', speaker_key = 'harris|kamala'"
                  " WHERE id = (SELECT min(id) FROM quotes)")  # fmt: skip
    other.conn.commit()
    assert "Kamala Harris" in [row[0] for row in library.speakers(state)[0]]
    assert len(calls) == 3
    library.db.execute("UPDATE quotes SET speaker = NULL, speaker_key = NULL")
    assert library.speakers(state) == ([], 0)
