"""Numbers, quotes and speakers extracted from real news sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.numbers import NumberSpan, extract_numbers
from db.quotes import extract_quotes, find_speaker


def nums(text: str) -> list[tuple[str, float, str | None, str | None]]:
    out = []
    for n in extract_numbers(text):
        assert text[n.start : n.end] == n.raw
        out.append((n.raw, n.value, n.unit, n.qualifier))
    return out


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He said an estimated 11,000 North Korean soldiers were in the Kursk region.",
            [("an estimated 11,000", 11000.0, None, "estimated")],
        ),
        (
            "We believe that there are now at least 10,000 DPRK forces in the Kursk Oblast.",
            [("at least 10,000", 10000.0, None, "at least")],
        ),
        (
            "The ministry claimed that some 10,000 North Korean troops were deployed.",
            [("some 10,000", 10000.0, None, "about")],
        ),
        (
            "He said it was likely that five units, each consisting of around 3,000 soldiers, "
            "would be deployed.",
            [("five", 5.0, None, None), ("around 3,000", 3000.0, None, "about")],
        ),
        (
            "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for "
            "the three months to December.",
            [
                ("76%", 76.0, "%", None),
                ("$1.13bn", 1.13e9, "USD", None),
                ("£600m", 6e8, "GBP", None),
                ("three", 3.0, None, None),
            ],
        ),
        (
            "Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a "
            "cumulative total for the season of 5.93 mln against 5.81 at the same stage.",
            [
                ("155,221", 155221.0, None, None),
                ("60", 60.0, None, None),
                ("5.93 mln", 5.93e6, None, None),
                ("5.81", 5.81, None, None),
            ],
        ),
        ("Inflation rose 10 pct in January.", [("10 pct", 10.0, "%", None)]),
        (
            # A headline's capitals: "$2.1M", "$21B"; alone, "3M" is a company, not millions.
            "Colorado raises $2.1M in taxes; UniCredit in $21B loss; 3M shares rise.",
            [("$2.1M", 2.1e6, "USD", None), ("$21B", 2.1e10, "USD", None)],
        ),
        ("The deal is worth 1.5 billion dlrs.", [("1.5 billion dlrs", 1.5e9, "USD", None)]),
        ("It paid 50 mln Canadian dlrs.", [("50 mln Canadian dlrs", 5e7, "CAD", None)]),
        (
            # The symbol first, as Australian and New Zealand outlets write it.
            "It made $US2m, $A5 million and $NZ3bn; the S5 and BUS2 are no money.",
            [
                ("$US2m", 2e6, "USD", None),
                ("$A5 million", 5e6, "AUD", None),
                ("$NZ3bn", 3e9, "NZD", None),
            ],
        ),
        ("Shr 22 cts vs 14 cts.", [("22 cts", 0.22, "USD", None), ("14 cts", 0.14, "USD", None)]),
        ("Rates rose 3.5 percentage points.", [("3.5 percentage points", 3.5, "pp", None)]),
        (
            "A coupon of 7-1/2 pct and 22-1/2 cts.",
            [
                ("7-1/2 pct", 7.5, "%", None),
                ("22-1/2 cts", 0.225, "USD", None),
            ],
        ),
        ("It was 5 per cent higher.", [("5 per cent", 5.0, "%", None)]),
        ("A bill of €2.5 billion.", [("€2.5 billion", 2.5e9, "EUR", None)]),
        ("It sold for US$5 million.", [("US$5 million", 5e6, "USD", None)]),
        (
            "Aid of 3m euros ($4.1m).",
            [("3m euros", 3e6, "EUR", None), ("$4.1m", 4.1e6, "USD", None)],
        ),
        (
            "More than 200 people and nearly 40% of voters.",
            [
                ("More than 200", 200.0, None, "more than"),
                ("nearly 40%", 40.0, "%", "nearly"),
            ],
        ),
        (
            "Up to 3,000 soldiers, fewer than 12 tanks.",
            [
                ("Up to 3,000", 3000.0, None, "up to"),
                ("fewer than 12", 12.0, None, "less than"),
            ],
        ),
        (
            "Half a million people and twenty-five thousand troops.",
            [
                ("Half a million", 5e5, None, None),
                ("twenty-five thousand", 25000.0, None, None),
            ],
        ),
        ("Two hundred and fifty were hurt.", [("Two hundred and fifty", 250.0, None, None)]),
        ("About a dozen were hurt.", [("About a dozen", 12.0, None, "about")]),
        (
            # A share written as two numbers is one figure, a percentage.
            'A "1 in 3" chance, a two-in-three one; nearly one in five voters, 9 out of 10,'
            " two thirds, three-quarters of it and a third of voters.",
            [
                ("1 in 3", 100 / 3, "%", None),
                ("two-in-three", 200 / 3, "%", None),
                ("nearly one in five", 20.0, "%", "nearly"),
                ("9 out of 10", 90.0, "%", None),
                ("two thirds", 200 / 3, "%", None),
                ("three-quarters", 75.0, "%", None),
                ("a third", 100 / 3, "%", None),
            ],
        ),
        (
            # ... not a rate over time, a number and a year, more than the whole, fiscal
            # quarters, an ordinal, nor a fraction of one thing.
            "It scored 3 in 10 days, hired 5 in 2016 and sold 40 in 12 stores in the past"
            " three quarters, for a third term, a quarter of a century.",
            [
                ("3", 3.0, None, None),
                ("10", 10.0, None, None),
                ("5", 5.0, None, None),
                ("40", 40.0, None, None),
                ("12", 12.0, None, None),
                ("three", 3.0, None, None),
            ],
        ),
        (
            # Basis points and parts of a point are percentage points.
            "Rates rose 25 basis points, then 50 bps; a quarter point, a half-point,"
            " half a percentage point and about a quarter of a percentage point.",
            [
                ("25 basis points", 0.25, "pp", None),
                ("50 bps", 0.5, "pp", None),
                ("a quarter point", 0.25, "pp", None),
                ("a half-point", 0.5, "pp", None),
                ("half a percentage point", 0.5, "pp", None),
                ("about a quarter of a percentage point", 0.25, "pp", "about"),
            ],
        ),
        (
            # ... not the half of one and a half points, nor a season's half point.
            "He led by one and a half points at the half point of the season.",
            [],
        ),
    ],
)
def test_numbers(text: str, expected: list[tuple[str, float, str | None, str | None]]) -> None:
    got = nums(text)
    assert [g[0] for g in got] == [e[0] for e in expected]
    for g, e in zip(got, expected, strict=True):
        assert g[1] == pytest.approx(e[1])
        assert g[2:] == e[2:]


@pytest.mark.parametrize(
    "text",
    [
        "In 1987 and again in 2024 the talks failed.",  # years
        "It happened on Jan. 5 and on February 22, 1987.",  # dates
        "They met on 5 January and on the 3rd of May.",
        "The vote is at 3 p.m. and the briefing at 10:30.",  # times
        "It was the 1st, 2nd and 21st attempt, the first and second.",  # ordinals
        "The G7 discussed COVID-19, F-16 jets, Su-27s and MH17.",  # inside words
        "He lives at No. 10 and cited Article 5 and Resolution 2231.",  # identifiers
        "Apple updates iOS 7.1 for the iPad 2; Game 7 is on PlayStation 4.",  # versions
        "A Boeing 737 flew; the Model 3 ships with Android 4.4.",
        "UPDATE 3-Sbarro files Ch. 11, its second chapter 11; Trailer #3 is out.",
        "Art. 5 and Sec. 3 of the treaty, Ep. 4 of the show and Para. 6.",
        "After 9/11 and 24/7 coverage in the 1990s.",
        "No one knew; one of them left.",  # bare "one" is a pronoun
        "The 5m race.",  # "5m" without currency: metres, not millions
        "Voters came at 9 GMT, a year and a half later, in one quarter.",  # time zones
    ],
)
def test_not_numeric_claims(text: str) -> None:
    assert nums(text) == []


def test_scaled_values_are_exact() -> None:
    # Built from the decimal string: 4.1 * 1e6 would be 4099999.9999999995.
    assert [n.value for n in extract_numbers("$4.1m and 1.13 billion and 7 cts")] == [
        4100000.0,
        1130000000.0,
        0.07,
    ]


def test_number_offsets_inside_longer_text() -> None:
    text = "Headline\n\nIt rose 76% to $1.13bn, some 11,000 jobs."
    spans = extract_numbers(text)
    assert [text[n.start : n.end] for n in spans] == ["76%", "$1.13bn", "some 11,000"]
    assert all(isinstance(n, NumberSpan) for n in spans)


# --------------------------------------------------------------------------- quotes


def test_quote_with_speaker_after() -> None:
    text = (
        '"Yes… it is engagement," Umerov said when asked whether it was the first '
        "engagement between rival troops."
    )
    [q] = extract_quotes(text)
    assert (q.text, q.speaker) == ("Yes… it is engagement", "Umerov")
    assert text[q.start : q.end] == q.text


def test_scare_quote_with_inverted_attribution() -> None:
    text = (
        'A "considerable" number of the troops have been dispatched to front-line areas, '
        "said ministry spokesman Jeon Ha-kyou, without giving more details."
    )
    [q] = extract_quotes(text)
    assert (q.text, q.speaker) == ("considerable", "Jeon Ha-kyou")


def test_curly_quotes_and_ellipsis_inside() -> None:
    text = (
        "Ukraine's top counter-disinformation official Andriy Kovalenko first said in a "
        "Telegram post on Monday that North Korea's “first military units... [had] already "
        "come under fire in Kursk”."
    )
    [q] = extract_quotes(text)
    assert q.text == "first military units... [had] already come under fire in Kursk"
    assert q.speaker == "Andriy Kovalenko"


def test_multi_sentence_quote_gets_one_speaker() -> None:
    text = '"We will win. They will lose," Smith said. He left.'
    [q] = extract_quotes(text)
    assert (q.text, q.speaker) == ("We will win. They will lose", "Smith")


def test_quote_continued_in_next_paragraph_runs_to_line_end() -> None:
    text = "He said: “This is the first part.\n\n“And this is the end,” he said."
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["This is the first part.", "And this is the end"]


def test_apostrophes_are_not_quotes() -> None:
    assert extract_quotes("Kyiv's allies and the players' union met in the '90s.") == []


def test_single_quotes_pair() -> None:
    [q] = extract_quotes("Trump calls it a 'witch hunt' again.")
    assert q.text == "witch hunt"


def test_verbs_inside_quotes_are_not_attribution() -> None:
    text = '"Trump said no," Jones said.'
    [q] = extract_quotes(text)
    assert q.speaker == "Jones"
    assert find_speaker(text) == "Jones"


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            'Ukrainian troops "engaged in small scale" with North Korean soldiers, Ukraine\'s '
            "Defense Minister Rustem Umerov told South Korean KBS TV.",
            "Rustem Umerov",
        ),
        (
            '"We believe there are now at least 10,000 DPRK forces," Pentagon spokesman Pat '
            "Ryder told reporters on Monday.",
            "Pat Ryder",
        ),
        ("Umerov told KBS that the troops were attacked.", "Umerov"),
        (
            "But it was not a systematically organized level of engagement, Umerov added.",
            "Umerov",
        ),
        (
            "Earlier, Andriy Kovalenko, head of the Ukrainian Center for Countering "
            "Disinformation, had claimed Ukrainian forces engaged North Korean troops.",
            "Andriy Kovalenko",
        ),
        (
            "Ukraine leader Volodymyr Zelensky, who had earlier condemned the West's lack of "
            "response, said these battles open a new chapter.",
            "Volodymyr Zelensky",
        ),
        (
            "In an interview with South Korean broadcaster KBS, Ukrainian Defence Minister "
            'Rustem Umerov said a "small group" of North Korean soldiers were attacked.',
            "Rustem Umerov",
        ),
        # "according to": an organisation's possessive names the organisation.
        ("Some 10,000 troops are in Russia, according to South Korea's spy agency.", "South Korea"),
        (
            "The troops arrived, according to the National Intelligence Service.",
            "National Intelligence Service",
        ),
        ("Oil fell, according to Reuters calculations.", "Reuters"),
        ("It was fake, according to a video seen by the BBC.", None),
        (
            "Last Tuesday, the South Korean Defense Ministry claimed that some 10,000 troops "
            "were deployed.",
            "South Korean Defense Ministry",
        ),
        ('Sen. Susan Collins of Maine said she was "hopeful" for a debate.', "Susan Collins"),
        ("The Bank of England said rates would stay on hold.", "Bank of England"),
        ("Secretary of State Mike Pompeo said the talks failed.", "Mike Pompeo"),
        ("“It is fine,” said Dr. Anthony Fauci, the director.", "Anthony Fauci"),
        ("Islamic State said it carried out the attack.", "Islamic State"),
        ("He said an estimated 11,000 soldiers were in the region.", None),  # pronoun
        ("Most of them are still undergoing training, he added.", None),
        ("The ministry said on Monday that it was fine.", None),  # no name
        ("North Korean soldiers have clashed with Ukrainian troops.", None),
    ],
)
def test_find_speaker(sentence: str, speaker: str | None) -> None:
    assert find_speaker(sentence) == speaker


# --------------------------------------------------------------------------- hostile input


@pytest.mark.parametrize(
    "text",
    [
        "1" * 1_000_000,
        "1," * 200_000,
        "1 " * 200_000,
        "." * 100_000,
        '"' * 100_000,
        "'" * 100_000,
        "“" * 100_000,
        "a" * 1_000_000,
        "said " * 100_000,
        "Mr Smith said " * 50_000,
        "five-" * 100_000,
        "$" * 100_000 + "5",
        "about " * 100_000 + "5",
    ],
    ids=lambda t: f"{t[:6]!r}x{len(t)}",
)
def test_pathological_inputs_are_handled(text: str) -> None:
    for n in extract_numbers(text):
        assert text[n.start : n.end] == n.raw
    for q in extract_quotes(text):
        assert text[q.start : q.end] == q.text
    find_speaker(text)


_PIECES = [
    *"0123456789 ,.-$£%'\"“”‘’\n",
    *["mln", "bn", "m", "pct", "about ", "at least ", "five", "-", "said", "Mr ", "Jan."],
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_property_extract_offsets(text: str) -> None:
    prev_end = 0
    for n in extract_numbers(text):
        assert prev_end <= n.start < n.end <= len(text)
        assert text[n.start : n.end] == n.raw
        assert n.value == n.value and n.value >= 0  # not NaN
        prev_end = n.end
    for q in extract_quotes(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
    speaker = find_speaker(text)
    assert speaker is None or isinstance(speaker, str)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_property_any_text(text: str) -> None:
    for n in extract_numbers(text):
        assert text[n.start : n.end] == n.raw
    for q in extract_quotes(text):
        assert text[q.start : q.end] == q.text
    find_speaker(text)


def test_a_percentage_after_a_naming_word_is_an_amount() -> None:
    # "Week 2" names a week; "Week 2% Higher" is a rise of 2%.
    assert nums("Dow Ends Week 2% Higher") == [("2%", 2.0, "%", None)]


def test_a_capitalised_number_word_inside_a_sentence_is_a_name() -> None:
    # Written with a capital after a plain lower-case word, it names a show, a station,
    # a tournament or a character (the sentences are written for this test).
    assert nums("Ratings were the best since Six Feet Under ended.") == []
    assert nums("He told Five Live the team would win this Six Nations.") == []
    assert nums("The new clip shows Four training the recruits.") == []
    # A count: at a sentence's or headline's start, in title case after its small
    # words, after another capital, or in lower case.
    assert nums("Four killed in Elso crash") == [("Four", 4.0, None, None)]
    assert nums("Police Search for Three Suspects") == [("Three", 3.0, None, None)]
    assert nums("Storm Hits Two Towns") == [("Two", 2.0, None, None)]
    assert nums("The storm killed four people.") == [("four", 4.0, None, None)]
    # A headline's last word above a body that starts with the number.
    assert nums("Talks held on the port's future\n\nTwo days of talks began.") == [
        ("Two", 2.0, None, None)
    ]


def test_a_low_quotation_mark_between_digit_groups_is_a_thousands_comma() -> None:
    # U+201A, printed by some outlets and OCR for the comma: "150‚000".
    assert nums("Roughly 150\u201a000 fans came, and 2\u201a400\u201a000 watched.") == [
        ("Roughly 150\u201a000", 150000.0, None, "about"),
        ("2\u201a400\u201a000", 2400000.0, None, None),
    ]
    # Not three digits after it: no thousands group, read as "150,00" is.
    assert nums("A score of 150\u201a00 today.") == nums("A score of 150,00 today.")
    assert nums("A score of 150\u201a00 today.") == [("150", 150.0, None, None)]


def test_a_low_quotation_mark_opening_a_quote_is_left_alone() -> None:
    assert nums("She called it \u201a7 wonders\u2018 and \u201e12 steps\u201c twice.") == [
        ("7", 7.0, None, None),
        ("12", 12.0, None, None),
    ]
