"""analyse(): statements with absolute offsets, quotes, speakers and numbers."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.statements import Statement, analyse

SEEDS = sorted((Path(__file__).parent / "fixtures" / "seeds").glob("*.txt"))


def load_seed(path: Path) -> tuple[str, int]:
    """The stored form of a seed article: headline + "\\n\\n" + body, and body_start."""
    first, _, body = path.read_text(encoding="utf-8").partition("\n")
    # First line: " date YYYY-MM-DD <headline>".
    headline = first.strip().split(" ", 2)[2]
    text = f"{headline}\n\n{body.strip()}"
    return text, len(headline) + 2


def check_offsets(text: str, statements: list[Statement]) -> None:
    prev = 0
    for st_ in statements:
        assert prev <= st_.start < st_.end <= len(text)
        assert text[st_.start : st_.end] == st_.text
        assert st_.kind in ("headline", "sentence", "caption")
        for q in st_.quotes:
            assert st_.start <= q.start < q.end <= st_.end
            assert text[q.start : q.end] == q.text
        for n in st_.numbers:
            assert st_.start <= n.start < n.end <= st_.end
            assert text[n.start : n.end] == n.raw
        prev = st_.end


def by_prefix(statements: list[Statement], prefix: str) -> Statement:
    [found] = [s for s in statements if s.text.startswith(prefix)]
    return found


@pytest.fixture(scope="module")
def seed_zero() -> tuple[str, list[Statement]]:
    text, body_start = load_seed(SEEDS[0])
    return text, analyse(text, body_start)


@pytest.fixture(scope="module")
def seed_four() -> tuple[str, list[Statement]]:
    text, body_start = load_seed(SEEDS[1])
    return text, analyse(text, body_start)


def test_seeds_present() -> None:
    assert [p.name for p in SEEDS] == ["000_dd9f0b5d2f8810a6.txt", "004_30c3ae78e6307b4b.txt"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_offsets_invariant(path: Path) -> None:
    text, body_start = load_seed(path)
    statements = analyse(text, body_start)
    assert len(statements) > 10
    check_offsets(text, statements)
    assert statements[0].kind == "headline"
    assert statements[0].end <= body_start
    assert all(s.start >= body_start for s in statements[1:])


def test_seed_headline_and_caption(seed_zero: tuple[str, list[Statement]]) -> None:
    _, statements = seed_zero
    head = statements[0]
    assert head.text == "Ukraine says it fought N Korean troops for first time"
    caption = statements[1]
    assert caption.kind == "caption"
    assert caption.text.endswith("in Russia's Kursk border region")
    assert "[Getty Images]" not in caption.text
    [n] = caption.numbers
    assert (n.raw, n.value, n.qualifier) == ("some 11,000", 11000.0, "about")
    assert all(s.kind == "sentence" for s in statements[2:])


def test_seed_numbers(seed_zero: tuple[str, list[Statement]]) -> None:
    _, statements = seed_zero
    s = by_prefix(statements, "He said an estimated 11,000")
    assert [(n.raw, n.value, n.qualifier) for n in s.numbers] == [
        ("an estimated 11,000", 11000.0, "estimated")
    ]
    s = by_prefix(statements, "He said it was likely that five units")
    assert [(n.raw, n.value, n.qualifier) for n in s.numbers] == [
        ("five", 5.0, None),
        ("around 3,000", 3000.0, "about"),
    ]


def test_seed_quotes_and_speakers(seed_four: tuple[str, list[Statement]]) -> None:
    _, statements = seed_four
    head = statements[0]
    assert head.speaker == "Rustem Umerov"
    assert [q.text for q in head.quotes] == ["engaged in small scale"]

    s = by_prefix(statements, '"Yes… it is engagement," Umerov said')
    # The statement's speaker and its quote's are the article's full name for him (the
    # headline names him fully), though the text writes "Umerov".
    assert s.speaker == "Rustem Umerov"
    [q] = s.quotes
    assert (q.text, q.speaker, q.speaker_kind) == (
        "Yes… it is engagement",
        "Rustem Umerov",
        "named",
    )
    assert s.text[q.speaker_start - s.start : q.speaker_end - s.start] == "Umerov"

    s = by_prefix(statements, 'A "considerable" number')
    assert s.speaker == "Jeon Ha-kyou"
    assert [(q.text, q.speaker) for q in s.quotes] == [("considerable", "Jeon Ha-kyou")]

    s = by_prefix(statements, '"We believe that there are now at least 10,000 DPRK forces')
    assert s.speaker == "Pat Ryder"
    assert [(n.raw, n.qualifier) for n in s.numbers] == [("at least 10,000", "at least")]
    [q] = s.quotes
    assert q.text.startswith("We believe") and q.text.endswith(
        "total number of DPRK troops in Russia"
    )

    s = by_prefix(statements, "But it was not a systematically organized")
    assert s.speaker == "Rustem Umerov"
    s = by_prefix(statements, "Last Tuesday, the South Korean Defense Ministry")
    assert [(n.raw, n.qualifier) for n in s.numbers] == [("some 10,000", "about")]


def test_quote_spanning_sentences_is_clipped_and_shares_speaker() -> None:
    body = '"We will win. They will lose," Smith said. He left.'
    statements = analyse(body, 0)
    assert [s.text for s in statements] == [
        '"We will win.',
        'They will lose," Smith said.',
        "He left.",
    ]
    first, second, third = statements
    assert [(q.text, q.speaker) for q in first.quotes] == [("We will win.", "Smith")]
    assert [(q.text, q.speaker) for q in second.quotes] == [("They will lose", "Smith")]
    assert first.speaker == second.speaker == "Smith"
    assert third.quotes == [] and third.speaker is None
    check_offsets(body, statements)


def test_quote_spanning_paragraphs() -> None:
    text = "Talks\n\nHe said: “First part of it.\n\n“Second part,” Jones added."
    statements = analyse(text, 7)
    check_offsets(text, statements)
    assert [[q.text for q in s.quotes] for s in statements[1:]] == [
        ["First part of it."],
        ["Second part"],
    ]
    assert statements[2].speaker == "Jones"


def test_no_headline_when_body_start_is_zero() -> None:
    statements = analyse("First sentence. Second one.", 0)
    assert [(s.kind, s.text) for s in statements] == [
        ("sentence", "First sentence."),
        ("sentence", "Second one."),
    ]


def test_headline_is_one_statement_even_with_two_sentences() -> None:
    text = "Markets fall. Oil jumps 5%\n\nBody text here."
    statements = analyse(text, text.index("Body"))
    assert [(s.kind, s.text) for s in statements] == [
        ("headline", "Markets fall. Oil jumps 5%"),
        ("sentence", "Body text here."),
    ]
    assert [n.raw for n in statements[0].numbers] == ["5%"]


def test_blank_headline_and_credit_only_lines_are_skipped() -> None:
    text = "   \n\n[Getty Images]\n\nA caption of a scene [Reuters]\n\n***\n\nReal text."
    statements = analyse(text, 5)
    assert [(s.kind, s.text) for s in statements] == [
        ("caption", "A caption of a scene"),
        ("sentence", "Real text."),
    ]


@pytest.mark.parametrize("body_start", [-5, 10**12, 3, 0])
def test_odd_body_start(body_start: int) -> None:
    text = "Head line\n\nBody. More."
    check_offsets(text, analyse(text, body_start))


# --------------------------------------------------------------------------- hostile input


@pytest.mark.parametrize(
    "text",
    [
        "\x1b[31mRed alert.\x1b[0m \x00\x01\x07 Bell. \u202eReversed text. 中文句子。 "
        "Emoji 🎉🔥 ok.",
        'مرحبا بالعالم. قال الوزير "نعم". שלום עולם.',
        "x" * 1_000_000,
        "Word " * 200_000,
        ('He said "yes. ' * 20_000),
        '"a" ' * 100_000,
        '"a," Smith said ' * 30_000,
        "." * 100_000,
        '"' * 100_000,
        "1," * 200_000,
        "[" * 50_000 + "]" * 50_000,
        "\n" * 100_000,
        "\ud800 lone surrogate. Next.",
    ],
    ids=lambda t: f"{t[:6]!r}x{len(t)}",
)
def test_hostile_input(text: str) -> None:
    statements = analyse(text, 0)
    check_offsets(text, statements)


def test_fifty_megabytes() -> None:
    text = ("x" * 999 + "\n") * 50_000  # 50 MB, 50k lines
    statements = analyse(text, 1000)
    assert len(statements) == 50_000
    assert statements[0].kind == "headline"


def test_non_str_input_is_empty() -> None:
    assert analyse(None, 0) == []  # type: ignore[arg-type]
    assert analyse("", 0) == []


_pieces = st.sampled_from(
    [
        *"abcXYZ019 .,!?'\"“”‘’()[]…—\n\t$%£",
        *["Mr.", "U.S.", " said ", "Smith", "[Getty Images]", "\n\n", "about ", "11,000", "5%"],
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=60).map("".join), st.integers(-3, 80))
def test_property_analyse_offsets(text: str, body_start: int) -> None:
    check_offsets(text, analyse(text, body_start))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.integers(0, 300))
def test_property_analyse_any_text(text: str, body_start: int) -> None:
    check_offsets(text, analyse(text, body_start))


def test_results_survive_pickling_whole() -> None:
    # The ingest's workers pickle every statement back to the writing process.
    text = (
        'Port closes\n\n"We cannot risk it," said harbour master Nadia Farouk, 52, on Monday.'
        "\n\nShe said 3,000 jobs were at risk. “It will reopen,” she added."
    )
    statements = analyse(text, 13)
    assert any(st.quotes for st in statements) and any(st.numbers for st in statements)
    assert pickle.loads(pickle.dumps(statements)) == statements


def test_the_same_verb_read_in_two_windows_gives_each_its_own_offsets() -> None:
    # One "said" attributes both quotations: it is read in each quotation's window, and
    # the windows start at different places (a long sentence before them), so an answer
    # remembered from the first window must be moved for the second.
    lead = "After a long night of talks about grain, ports, prices and ships, " * 8
    text = f'Talks\n\n{lead}"we will sign," Rustem Umerov said, "and then we will see."'
    quotes = [q for st in analyse(text, 7) for q in st.quotes]
    assert [q.text for q in quotes] == ["we will sign", "and then we will see."]
    for q in quotes:
        assert q.speaker == "Rustem Umerov"
        assert text[q.speaker_start : q.speaker_end] == "Rustem Umerov"


def test_a_statement_named_by_surname_takes_the_full_name_unless_two_share_it() -> None:
    text = (
        'Trump row\n\nDonald Trump attacked the press. "It is fake," Mr Trump said. Trump '
        "said the media were dishonest."
    )
    assert [st.speaker for st in analyse(text, 11)][-2:] == ["Donald Trump", "Donald Trump"]
    shared = (
        'Clinton row\n\nBill Clinton spoke first. "It is fake," Hillary Clinton said. '
        "Clinton said the media were dishonest."
    )
    assert [st.speaker for st in analyse(shared, 13)][-1] == "Clinton"
