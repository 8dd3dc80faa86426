"""The normaliser: aliases, British/American spelling, number words, stemming."""

from __future__ import annotations

from db.normalize import content_word_list, entity_tokens, normalize, rarity, stem


def test_country_aliases_fold_to_one_token() -> None:
    forms = [
        "North Korea",
        "N Korea",
        "N. Korea",
        "DPRK",
        "Pyongyang",
        "North Korean",
        "the Democratic People's Republic of Korea",
    ]
    for form in forms:
        assert normalize(f"{form} troops") == "northkorea troop", form
    for form in ("US", "U.S.", "United States", "America", "American", "U.S.A."):
        assert normalize(f"{form} officials") == "usa official", form
    for form in ("UK", "Britain", "United Kingdom", "British"):
        assert normalize(f"{form} ministers") == "uk minister", form


def test_us_pronoun_is_not_the_country() -> None:
    assert "usa" not in content_word_list("They told us the plan")
    assert "usa" in content_word_list("They told the US the plan")


def test_possessive_alias() -> None:
    assert normalize("North Korea's army") == normalize("North Korean army") == "northkorea army"
    assert normalize("America's allies") == normalize("US allies")


def test_british_and_american_spellings_agree() -> None:
    pairs = [
        ("Defence Minister", "Defense Minister"),
        ("the organisation was realised", "the organization was realized"),
        ("colour of honour", "color of honor"),
        ("city centre theatre", "city center theater"),
        ("travelled and cancelled", "traveled and canceled"),
        ("paediatric programme", "pediatric program"),
        ("analysed", "analyzed"),
    ]
    for brit, amer in pairs:
        assert normalize(brit) == normalize(amer), (brit, amer)


def test_number_words_become_digits() -> None:
    assert normalize("eleven thousand troops") == normalize("11,000 troops") == "11000 troop"
    assert normalize("1.5 million dollars") == "1500000 dollar"
    assert normalize("two hundred and fifty") == "250"
    assert normalize("a dozen") == "12"
    assert normalize("10 pct") == normalize("10 percent") == normalize("10%") == "10 %"


def test_separate_numbers_stay_separate() -> None:
    assert normalize("a dozen, two hundred") == "12 200"


def test_light_stemming() -> None:
    assert stem("attacked") == stem("attacks") == stem("attacking") == "attack"
    assert stem("engaged") == stem("engage") == stem("engagement")
    assert stem("casualties") == "casualty"


def test_stop_words_and_reporting_verbs_are_not_content() -> None:
    assert content_word_list("He said that they were there") == []
    assert "not" in content_word_list("They did not attack")
    assert "not" in content_word_list("They didn't attack")


def test_entities_are_capitalised_words_not_sentence_starts() -> None:
    ents = entity_tokens("Earlier, Andriy Kovalenko claimed that troops moved on Monday.")
    assert {"andriy", "kovalenko"} <= ents
    assert "earlier" not in ents
    assert "monday" not in ents


def test_rarity_tiers() -> None:
    assert rarity("year") < rarity("kovalenko") == 1.0
    assert rarity("northkorea") <= 0.5  # places are what a story is about, not a claim


def test_accents_fold_so_outlets_that_drop_them_agree() -> None:
    assert normalize("Raúl Labrador met Beyoncé in Zürich") == normalize(
        "Raul Labrador met Beyonce in Zurich"
    )
    names = entity_tokens("The president, Enrique Peña Nieto, spoke to reporters on the plane.")
    assert names == {"enriqu", "pena", "nieto"}  # stemmed as every word is


def test_a_prefix_one_outlet_hyphenates_and_another_writes_solid_is_one_word() -> None:
    assert normalize("E-mails show a cease-fire; they co-operate on non-profit work") == (
        normalize("Emails show a ceasefire; they cooperate on nonprofit work")
    )
    # Not every hyphen: "re-signed" is not "resigned"; "anti-war" still says "war";
    # "Kim Jong-un" is "Kim Jong Un"; a number stays a number.
    assert normalize("He re-signed") != normalize("He resigned")
    assert normalize("an anti-war march").split() == ["anti", "war", "march"]
    assert normalize("Kim Jong-un") == normalize("Kim Jong Un")
    assert normalize("pre-2010 rules") == "pre 2010 rul"


def test_a_number_that_names_is_one_name_token() -> None:
    assert normalize("Flight 17, Trailer #3, Ch. 11") == "flight #17 trailer #3 chapter #11"
    assert normalize("Sbarro files Chapter 11") == normalize("Sbarro files Ch. 11")
    assert normalize("NATO invokes Art. 5") == normalize("NATO invokes Article 5")
    assert normalize("Sec. 3, Ep. 4") == normalize("Section 3, Episode 4")
    # Not a percentage, nor a wire's label, nor "no" before a figure.
    assert normalize("Week 2% higher") == "week 2 % higher"
    assert normalize("UPDATE 3-GM hires") == normalize("GM hires")
    assert normalize("no 10% rise") == "not 10 % ris"


def test_a_low_quotation_mark_between_digit_groups_is_a_thousands_comma() -> None:
    assert normalize("150\u201a000 fans") == normalize("150,000 fans") == "150000 fan"
    assert normalize("2\u201a400\u201a000 viewers") == "2400000 viewer"
    # As an opening quote, or before anything but three digits, it is no comma.
    assert normalize("\u201a7 wonders\u2018 and \u201e12 steps\u201c") == "7 wonder 12 step"
    assert normalize("score 150\u201a0000").split()[:2] == ["scor", "150"]
