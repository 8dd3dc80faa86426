"""Sentence splitting: news traps, the Golden Rules, offsets and hostile input."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.segment import split_sentences

FIXTURES = Path(__file__).parent / "fixtures"


def _load_golden() -> list[tuple[str, str, list[str]]]:
    spec = importlib.util.spec_from_file_location("golden_rules", FIXTURES / "golden_rules.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GOLDEN_EN


GOLDEN = _load_golden()
# Golden rules this splitter knowingly fails, with the reason.
KNOWN_FAILURES = {
    "a.m./p.m. as boundary and non-boundary": (
        "'6 P.M. Mr. Smith' and '5 a.m. Mr. Smith' look the same to a rule-based splitter; "
        "pySBD marks it xfail too"
    ),
}


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


# --------------------------------------------------------------------------- traps


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith and Dr. Jones met Gov. Newsom and Sen. Warren on Friday.",
        "Lt. Col. Alexander Vindman testified before Rep. Adam Schiff.",
        "Shares of Apple Inc. and Acme Corp. rose after the U.S. Government spoke.",
        "The talks were held on Jan. 5 at 10 a.m. local time in Geneva.",
        "Some 11,000 troops, or 3.5% of the force, cost $1.13bn last year.",
        "J. K. Rowling wrote it, and J.R.R. Tolkien did not.",
        "He lives at No. 10 Downing Street, the prime minister's residence.",
        "Voters passed Prop. 8 in 2008, and Ep. 4 of Pt. 2 aired on Sunday.",
        "It was Real Madrid vs. Barcelona, e.g. the biggest game of the year.",
        "The U.S. PRESIDENT SAID TRADE TALKS WILL RESUME.",
        "Net profit rose 10 pct to 155 mln dlrs, or 1.12 dlrs a share.",
        'North Korea\'s "first military units... [had] already come under fire in Kursk".',
        'Zelensky said the battles were "a new chapter" — and warned of more.',
        "She arrived at 5 p.m. on Tuesday and left at 9 a.m. on Wednesday.",
        "Then-Rep. Gabrielle Giffords was shot in Tucson.",
        "Former Rep. Jesse Jackson Jr. (D-Ill.) pleaded guilty.",
        "“Yes… it is engagement,” Umerov said when asked about the clash.",
    ],
)
def test_single_sentence_traps(text: str) -> None:
    assert sents(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "North Korean soldiers have clashed with Ukrainian troops. Ukraine's top "
            "officials have revealed it.",
            [
                "North Korean soldiers have clashed with Ukrainian troops.",
                "Ukraine's top officials have revealed it.",
            ],
        ),
        # The closing quote after the period belongs to the sentence it closes.
        (
            'He added it was "so far just small contacts." Most of them are in training.',
            [
                'He added it was "so far just small contacts."',
                "Most of them are in training.",
            ],
        ),
        (
            "“We believe that there are now at least 10,000 DPRK forces.” Pentagon "
            "spokesman Pat Ryder said so.",
            [
                "“We believe that there are now at least 10,000 DPRK forces.”",
                "Pentagon spokesman Pat Ryder said so.",
            ],
        ),
        # A sentence may end inside a quote (as in the BASIL gold); statements.py
        # re-attaches the quote and its speaker to both sentences.
        (
            '"We will win. They will lose," he said.',
            ['"We will win.', 'They will lose," he said.'],
        ),
        # ... but not before a lowercase continuation.
        ('"Is it over?" he asked. It was.', ['"Is it over?" he asked.', "It was."]),
        (
            '"Is it over?" Smith asked. It was.',
            ['"Is it over?" Smith asked.', "It was."],
        ),
        ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
        ("The firm is Acme Inc. It makes anvils.", ["The firm is Acme Inc.", "It makes anvils."]),
        ("Sales rose 3.5%. Costs fell.", ["Sales rose 3.5%.", "Costs fell."]),
        ("It cost $1.13bn. Nobody paid.", ["It cost $1.13bn.", "Nobody paid."]),
        ("Born in 1987. 2000 people came.", ["Born in 1987.", "2000 people came."]),
        ("Was it him? Yes! It was.", ["Was it him?", "Yes!", "It was."]),
        ("It grew...  Then it fell.", ["It grew...", "Then it fell."]),
        ("“It was lost…” He left.", ["“It was lost…”", "He left."]),
        ("They said so. ... And then they left.", ["They said so.", "... And then they left."]),
        ("第一句。第二句！", ["第一句。", "第二句！"]),
    ],
)
def test_multi_sentence(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_paragraph_break_always_ends_a_sentence() -> None:
    text = "A headline without a full stop\n\nMr.\nSmith arrived\r\nand left"
    assert sents(text) == ["A headline without a full stop", "Mr.", "Smith arrived", "and left"]


def test_caption_line_with_credit_is_one_sentence() -> None:
    line = (
        "Ukraine President Volodymyr Zelensky estimates that some 11,000 North Korean troops "
        "are in Russia's Kursk border region [Getty Images]"
    )
    text = f"{line}\n\nNorth Korean soldiers have clashed with Ukrainian troops."
    assert sents(text) == [line, "North Korean soldiers have clashed with Ukrainian troops."]


def test_region_offsets_are_absolute_and_trimmed() -> None:
    text = "Headline here\n\n  First one. Second one.  \n"
    body = text.index("First") - 2
    spans = split_sentences(text, body)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]
    assert spans[0][0] == text.index("First")
    assert split_sentences(text, 0, 8) == [(0, 8)]
    assert split_sentences(text, 5, 5) == []
    assert split_sentences(text, -10, 10**9) == split_sentences(text)
    assert split_sentences(text, 30, 2) == []


def test_empty_and_whitespace() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t \u00a0 ") == []


# --------------------------------------------------------------------------- golden rules


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        pytest.param(
            *case,
            id=case[0],
            marks=[pytest.mark.xfail(reason=KNOWN_FAILURES[case[0]], strict=True)]
            if case[0] in KNOWN_FAILURES
            else [],
        )
        for case in GOLDEN
    ],
)
def test_golden_rules(name: str, text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_golden_rules_count() -> None:
    assert len(GOLDEN) == 48


# --------------------------------------------------------------------------- hostile input


@pytest.mark.parametrize(
    "text",
    [
        "." * 100_000,
        ". " * 100_000,
        "." * 100_000 + "x",
        '"' * 100_000,
        "“" * 50_000 + "”" * 50_000,
        "a." * 100_000,
        "Mr. " * 100_000,
        "1." * 100_000,
        "x" * 1_000_000,
        "9" * 1_000_000,
        "?!" * 100_000 + " A",
        "1) a " * 50_000,
        "a.\tB" * 100_000,  # no spaces: the token look-back must stay bounded
        ("Hello world. " * 80_000),
    ],
    ids=lambda t: f"{t[:6]!r}x{len(t)}",
)
def test_pathological_inputs_are_handled(text: str) -> None:
    spans = split_sentences(text)
    _check_spans(text, spans, 0, len(text))


def test_control_chars_rtl_cjk_emoji() -> None:
    text = "\x1b[31mRed.\x1b[0m Next\x00 one. مرحبا بالعالم. 你好。 🎉 Done! \u202eevil. End"
    spans = split_sentences(text)
    _check_spans(text, spans, 0, len(text))
    assert text[spans[-1][0] : spans[-1][1]] == "End"


def _check_spans(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> None:
    prev = lo
    covered = 0
    for s, e in spans:
        assert lo <= prev <= s < e <= hi
        seg = text[s:e]
        assert seg == seg.strip() and seg
        covered += len(seg) - sum(c.isspace() for c in seg)
        prev = e
    # Every non-whitespace character of the region is in exactly one sentence.
    assert covered == sum(not c.isspace() for c in text[lo:hi])


_news_alphabet = st.sampled_from(
    [*"abcXYZ019 .,!?;:'\"“”‘’()[]…—-\n\r\t$%£", "Mr.", "U.S.", "No.", " . . ."]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_news_alphabet, max_size=80).map("".join), st.integers(-5, 90), st.integers(-5, 90))
def test_property_spans_valid(text: str, a: int, b: int) -> None:
    spans = split_sentences(text, a, b)
    lo = min(max(0, a), len(text))
    hi = min(max(lo, b), len(text))
    _check_spans(text, spans, lo, hi)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_property_any_text(text: str) -> None:
    _check_spans(text, split_sentences(text), 0, len(text))
