"""A footer that shows only the keys that fit: Textual's cuts the last one mid-word
("s Sourc") when the terminal is narrow. The help and quit keys are kept first.

Textual's footer builds its keys again whenever the focused widget changes; each new
key is styled as it mounts, tens of milliseconds per focus change. This one keeps its
keys when they stay the same, and relabels them in place when only their labels change
(the list's "enter Open" becomes the text's "] Matched").
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTION = "help"
# Kept before any other key, in this order (a narrow footer drops the others first).
FIRST_ACTIONS = (HELP_ACTION, "app.quit")


def key_width(key: FooterKey) -> int:
    """Cells a compact footer key takes: " key description "."""
    return cell_len(key.key_display) + 1 + cell_len(key.description) + 1


def keys_that_fit(keys: list[FooterKey], width: int) -> list[FooterKey]:
    """The keys, in their order, that fit in ``width`` cells; help and quit first (a
    footer with one more key shown, ``o``, must never lose them)."""
    chosen: set[int] = set()
    used = 0

    def need(i: int) -> int:
        action = keys[i].action
        return FIRST_ACTIONS.index(action) if action in FIRST_ACTIONS else len(FIRST_ACTIONS)

    by_need = sorted(range(len(keys)), key=need)
    for i in by_need:
        if used + key_width(keys[i]) <= width:
            chosen.add(i)
            used += key_width(keys[i])
    return [key for i, key in enumerate(keys) if i in chosen]


def _label(key: FooterKey) -> tuple[str, str, str, str, object]:
    return (key.key, key.key_display, key.description, key.action, key.tooltip)


class LaidOutKey(FooterKey):
    """A footer key that takes the size a layout gives it without asking for another
    layout: Textual's key, resized (relabelled wider or narrower on a focus change), set
    its virtual size to the new size, and that asked for a second layout of the whole
    screen and a second frame. A key's size is the layout's to set: nothing in it is laid
    out again."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class FittingFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True)
        self._width = 0
        self._shown: tuple[object, ...] | None = None  # what the keys shown were built from
        # A build of the keys is asked for and not done yet: Textual's footer asks for one
        # at every change of the bindings (a screen's first two: two builds, two layouts
        # and two frames after the story view's parts; one reads the bindings of both).
        self._rebuilding = False

    def _keys_wanted(self) -> tuple[object, ...]:
        """Everything the footer's keys are built from."""
        bindings = tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )
        return (bindings, self._width, self.show_command_palette, self.compact)

    def _fitted(self, keys: list[Widget]) -> list[Widget]:
        if not self._width or not all(isinstance(k, FooterKey) for k in keys):
            return keys
        return list(keys_that_fit(keys, self._width))  # type: ignore[arg-type]

    def compose(self) -> ComposeResult:
        if not self._width:
            # Docked across the screen: its first resize then builds the keys again only
            # if the guess was wrong (8 keys mounted twice was ~5% of the first screen).
            self._width = self.app.size.width
        self._rebuilding = False
        self._shown = self._keys_wanted() if self._bindings_ready else None
        keys = list(super().compose())
        for key in keys:  # as compact as the footer already: no restyle once mounted
            key.set_class(self.compact, "-compact", update=False)
            if type(key) is FooterKey:  # Textual's compose makes them: see LaidOutKey
                key.__class__ = LaidOutKey
        shown = self._fitted(keys)
        if shown is not keys:
            self.styles.grid_size_columns = max(1, len(shown))
        yield from shown

    def bindings_changed(self, screen: Screen) -> None:
        if self._bindings_ready and self.is_attached and screen is self.screen:
            wanted = self._keys_wanted()
            if wanted == self._shown:
                return
            if self._relabel():
                self._shown = wanted
                return
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._rebuilding:  # the build asked for reads the bindings as they are then
            self._rebuilding = True
            # Built next, not after the next frame as Textual's footer does: a screen's
            # first keys came after what the screen shows first (the story's parts, read
            # meanwhile), with a layout and a frame of their own.
            self.refresh(recompose=True)

    def _relabel(self) -> bool:
        """Give the keys on screen the labels of the keys wanted, if those are as many and
        of the same kinds; False when the footer must be built again."""
        wanted = self._fitted(list(super().compose()))
        mounted = list(self.children)
        if len(wanted) != len(mounted) or not all(
            isinstance(new, FooterKey)
            and isinstance(old, FooterKey)
            and new.classes == old.classes - {"-compact"}
            for new, old in zip(wanted, mounted, strict=True)
        ):
            return False
        for new, old in zip(wanted, mounted, strict=True):
            assert isinstance(new, FooterKey) and isinstance(old, FooterKey)
            if _label(new) != _label(old):
                # A key as wide as before is only repainted: a layout is the whole
                # screen's (15-40 ms at 160x48).
                wider = key_width(new) != key_width(old)
                old.key, old.key_display, old.description = (
                    new.key,
                    new.key_display,
                    new.description,
                )
                old.action, old.tooltip = new.action, new.tooltip
                old.refresh(layout=wider)
                if wider:  # asked of the screen now: in the layout of the change that
                    old._check_refresh()  # relabels it, not in one more after its frame
        return True

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._width = self.size.width
            self.refresh(recompose=True)
