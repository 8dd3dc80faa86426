"""Pure helpers of the browser: wrapping with exact offsets, word diffs, keymap table."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.components.diffing import diff_values, differing_spans, find_spans
from tui.components.reader import wrap
from tui.keymap import SPECS, bind, effective_keys


@given(st.text(alphabet=st.sampled_from("ab c\n界x  -"), max_size=200), st.integers(1, 30))
def test_wrap_covers_the_text_in_order_and_fits(text: str, width: int) -> None:
    lines = wrap(text, width)
    pos = 0
    for start, end in lines:
        assert start >= pos and end >= start
        assert not text[pos:start].strip(), "only whitespace is dropped at a break"
        assert cell_len(text[start:end].rstrip()) <= max(width, 2)
        pos = end
    assert not text[pos:].strip()
    assert len(lines) >= text.count("\n") + 1


def test_wrap_keeps_offsets_exact() -> None:
    text = "He said an estimated 11,000 soldiers.\n\nNext paragraph here."
    lines = wrap(text, 16)
    assert [text[a:b].rstrip() for a, b in lines] == [
        "He said an",
        "estimated 11,000",
        "soldiers.",
        "",
        "Next paragraph",
        "here.",
    ]


def test_differing_words_of_a_near_copy_are_marked() -> None:
    mine = "Officials said 11,000 troops were in the Kursk region on Monday."
    other = "Officials said 10,000 troops were in the Kursk region on Tuesday."
    spans = differing_spans(mine, other)
    assert [other[a:b] for a, b in spans] == ["10,000", "Tuesday"]
    # A paraphrase differs everywhere: nothing is marked.
    assert differing_spans(mine, "We believe there are now at least 10,000 DPRK forces.") == []


def test_number_diffs_and_spans() -> None:
    diffs = [{"a": "an estimated 11,000", "b": "at least 10,000", "a_value": 11000}]
    assert diff_values(diffs) == [("an estimated 11,000", "at least 10,000")]
    assert diff_values([{"a_value": 11000.0, "b_value": 10000}]) == [("11000", "10000")]
    text = "there are now at least 10,000 DPRK forces"
    assert find_spans(text, ["At least 10,000", "missing"]) == [(14, 29)]


def test_every_binding_has_an_id_and_a_key() -> None:
    for binding_id, spec in SPECS.items():
        binding = bind(binding_id, "noop")
        assert binding.id == binding_id and binding.key and spec.help
    assert effective_keys("cursor.down", {"cursor.down": "ctrl+n"}) == "ctrl+n"
    assert effective_keys("cursor.down", {}) == "j,down"
