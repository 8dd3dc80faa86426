"""A newsroom's library: the keys that read much (the speaker picker's whole list, a
large story) read it in a worker thread, so the key paints at once and says so."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from db_helpers import ingested_records

import tui.components.library as library_mod
from tests.tui_fixtures import *  # noqa: F403 (pytest fixtures)
from tests.tui_fixtures import async_test, screen_text, settle
from tui.app import make_app
from tui.config import Config

SPEAKERS = ["Ana Ruiz", "Ben Okafor", "Carla Jensen"]


def _quoted(path: Path) -> Path:
    """Three articles, each quoting one named speaker."""
    records = [
        {
            "source": f"Wire {i}",
            "date": f"2024-03-0{i + 1}",
            "title": f"Council meets, part {i}",
            "text": f'"The budget will pass this week," said {name}.',
            "id": f"wire-{i}",
        }
        for i, name in enumerate(SPEAKERS)
    ]
    return ingested_records(path, records)


@async_test
async def test_the_speaker_picker_opens_before_its_list_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`w` read every quote of the listed articles on the UI thread before the dialog
    showed (~1 s in a library of 100,000 articles): the dialog now opens at once saying
    it reads, the list follows from a worker, and a second open reads nothing."""
    from tui.components.speaker_filter import SpeakerFilterScreen

    release = threading.Event()
    reads: list[str] = []
    counted = library_mod.speakers_counted

    def slow_speakers(db, flt, *, match=None):  # type: ignore[no-untyped-def]
        if match is None:
            reads.append("whole list")
            release.wait(10)  # held until the test has looked (before: the UI thread)
        return counted(db, flt, match=match)

    monkeypatch.setattr(library_mod, "speakers_counted", slow_speakers)
    app = make_app(_quoted(tmp_path / "quoted.db"), config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        for _ in range(5):
            await pilot.pause()
        assert isinstance(app.screen, SpeakerFilterScreen)
        assert "Reading the speakers" in screen_text(app)
        release.set()
        await settle(pilot)
        text = screen_text(app)
        assert "Reading the speakers" not in text
        for name in SPEAKERS:
            assert f"{name}  1 quote in 1 article" in text
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("w")  # kept: shown at once, nothing read again
        await pilot.pause()
        assert "Ana Ruiz  1 quote in 1 article" in screen_text(app)
        assert reads == ["whole list"]


@async_test
async def test_enter_before_the_speakers_are_read_picks_all_and_typing_still_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys pressed while the list is read: a typed name is looked up as ever (the list
    read after it does not replace what it found), and cleared shows the whole list."""
    from tui.components.speaker_filter import SpeakerFilterScreen

    release = threading.Event()
    counted = library_mod.speakers_counted

    def slow_speakers(db, flt, *, match=None):  # type: ignore[no-untyped-def]
        if match is None:
            release.wait(10)
        return counted(db, flt, match=match)

    monkeypatch.setattr(library_mod, "speakers_counted", slow_speakers)
    app = make_app(_quoted(tmp_path / "quoted.db"), config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("w", *"jens")
        for _ in range(20):
            await pilot.pause()
            if "Carla Jensen" in screen_text(app):
                break
        picker = app.screen
        assert isinstance(picker, SpeakerFilterScreen)
        assert [s[0] for s in picker.shown] == ["Carla Jensen"]
        release.set()
        await settle(pilot)
        assert [s[0] for s in picker.shown] == ["Carla Jensen"]  # still what was typed
        await pilot.press(*["backspace"] * 4)
        await settle(pilot)
        assert {s[0] for s in picker.shown} == set(SPEAKERS)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.screen is main and main.state.filter.speaker in SPEAKERS


@async_test
async def test_the_story_view_paints_before_its_story_is_read(
    demo_app, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """`o` read the whole story (its articles' statements, claims, conflicts, blindspot:
    ~90 ms for a story of 136 articles) on the UI thread before its first frame: the view
    now opens at once saying it reads, and the story follows from a worker."""
    import tui.components.story_view as story_mod

    release = threading.Event()
    read = story_mod.story_view

    def slow_story_view(db, story_id):  # type: ignore[no-untyped-def]
        release.wait(10)  # held until the test has looked (before: the UI thread)
        return read(db, story_id)

    monkeypatch.setattr(story_mod, "story_view", slow_story_view)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        for _ in range(5):
            await pilot.pause()
        assert isinstance(app.screen, story_mod.StoryScreen)
        assert "Reading the story" in screen_text(app)
        release.set()
        await settle(pilot)
        assert app.screen.shown and "Reading the story" not in screen_text(app)
        assert app.screen.query(story_mod.StoryArticleList)
