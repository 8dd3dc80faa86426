"""Making untrusted article text safe and regular before it is stored.

Article text is hostile input. Terminal escape sequences and control
characters are removed here, once, before any offset is computed, so nothing
stored can reach a terminal as a command, and so are Unicode's bidirectional controls
(a stored U+202E reversed a line; db.showable still leaves them out of what is shown,
for databases stored before) and the invisible format characters that split a word
(zero-width space, word joiner, soft hyphen, BOM); the text is NFC-normalised and line
endings become ``\\n``. (Markup such as ``[bold]`` is left as it is: it is
plain text, and the TUI never renders stored text as markup.)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from db.showable import BIDI_CONTROLS

# CSI / OSC / other ESC sequences (ECMA-48), then any remaining C0/C1 control
# character except tab and newline. OSC strings end at BEL or ST.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?"  # OSC ... BEL/ST
    r"|\x1b[PX^_][^\x1b]{0,4096}(?:\x1b\\)?"  # DCS/SOS/PM/APC ... ST
    r"|\x1b[@-Z\\-_]?"  # two-byte sequences, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
# Unicode's Bidi_Control characters (ALM U+061C, LRM/RLM U+200E-200F, embeddings and
# overrides U+202A-202E, isolates U+2066-2069): invisible, and a U+202E in a title or a
# source's name reverses the rest of a terminal's line; one inside a name ("Jane
# \u2066Doe\u2069") hid it from the speaker rules, one in a source's name from `--source`.
# Dropped from stored text, titles and names (not from keys: an article's identity).
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# Invisible format characters that carry no meaning in news text yet split a word for
# FTS5 and the matcher ("\u200bLena" is no token "lena"): zero-width space U+200B, word
# joiner U+2060, soft hyphen U+00AD (a stray BOM U+FEFF is a control above). Dropped from
# stored text, titles and names as bidi controls are. ZWNJ U+200C and ZWJ U+200D stay:
# they spell Persian and Indic words and join emoji sequences.
INVISIBLE_FORMAT = "\u00ad\u200b\u2060"
_INVISIBLE = re.compile(f"[{INVISIBLE_FORMAT}]")
# Lone surrogates (from JSON "\\ud800" escapes or undecodable file names) cannot be
# stored as UTF-8: each becomes U+FFFD.
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SPACE = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_SPACES = re.compile(_SPACE + "+")
# The runs of spaces that collapsing changes: two or more, or one that is not " ". It
# opens with one character class (the engine then skips at C speed) and never matches a
# lone " ", so ordinary text costs no replacement per word: `_SPACES.sub(" ", text)`,
# 2.5 times faster.
_SPACES_TO_COLLAPSE = re.compile(_SPACE + rf"(?:(?<=[ ]){_SPACE}+|(?<![ ]){_SPACE}*)")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
# Every character strip_controls changes: when none is there (nearly always), one scan
# decides and the text is returned as it is.
_TO_STRIP = re.compile(
    r"[\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
)


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters (keeps ``\\n`` and ``\\t``);
    lone surrogates become U+FFFD."""
    if _TO_STRIP.search(text) is None:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPES.sub("", text)
    return _SURROGATES.sub("\ufffd", _CONTROL.sub("", text))


def holds_bidi(text: str | None) -> bool:
    """Whether ``text`` holds a bidi control (stored by an older claimlens)."""
    return text is not None and _BIDI.search(text) is not None


_DROPPED_NOW = re.compile(f"[{BIDI_CONTROLS}{INVISIBLE_FORMAT}]")


def holds_dropped(text: str | None) -> bool:
    """Whether ``text`` holds a character the ingest now drops that an older claimlens
    stored: a bidi control (before version 40) or an invisible format character (before
    version 44)."""
    return text is not None and _DROPPED_NOW.search(text) is not None


# Every character _stored changes: one scan decides for nearly every text.
_TO_STORE = re.compile(f"{_TO_STRIP.pattern[:-1]}{BIDI_CONTROLS}{INVISIBLE_FORMAT}]")


def _stored(text: str) -> str:
    """``strip_controls``, then without bidi controls and invisible format characters:
    what every stored text keeps."""
    if _TO_STORE.search(text) is None:
        return text
    return _INVISIBLE.sub("", _BIDI.sub("", strip_controls(text)))


def clean_text(text: str) -> str:
    """Body text as stored: safe, NFC, one space between words, paragraphs split by a blank line."""
    text = unicodedata.normalize("NFC", _stored(text))
    text = _SPACES_TO_COLLAPSE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def clean_title(text: str) -> str:
    """A headline or a name: one line, safe, single-spaced."""
    text = unicodedata.normalize("NFC", _stored(text))
    return " ".join(text.split())


# --------------------------------------------------------------------------- mapping back
#
# Stored offsets index the cleaned text; annotations made on the input index the text as
# it was read. The map is recomputed on demand from that input (which whoever evaluates
# has, and `claimlens show --json` reads again) rather than stored with every article:
# cleaning is deterministic, so replaying it on (character, input offset) pairs gives
# every stored character's input offset.

_Chars = list[tuple[str, int, int]]  # (character, input start, input end)


@dataclass(slots=True, frozen=True)
class InputPieces:
    """Where a reader's headline and body lie in its input ``text``: the headline is
    ``text[title[0]:title[1]]``; the body is the input lines ``body`` joined by newlines
    (each join stands for the input between two lines: its line break)."""

    text: str
    title: tuple[int, int]
    body: list[tuple[int, int]]
    whole_file: bool = False  # ``text`` is a whole file (plain text), not a record's fields

    @classmethod
    def joined(cls, title: str, body: str) -> InputPieces:
        """Input that is the headline and body as given, read as ``title + "\n\n" + body``."""
        text = f"{title}\n\n{body}"
        return cls(text, (0, len(title)), [(len(title) + 2, len(text))])

    def title_chars(self) -> _Chars:
        a, b = self.title
        return [(self.text[i], i, i + 1) for i in range(a, b)]

    def body_chars(self) -> _Chars:
        out: _Chars = []
        for n, (a, b) in enumerate(self.body):
            if n:
                gap = self.body[n - 1][1]
                out.append(("\n", gap, max(gap + 1, a)))  # the line break between them
            out += [(self.text[i], i, i + 1) for i in range(a, b)]
        return out


def _controls_removed(chars: _Chars) -> _Chars:
    """``_stored`` replayed on ``chars``, keeping input offsets."""
    merged: _Chars = []
    i = 0
    while i < len(chars):
        c, a, b = chars[i]
        if c == "\r":
            if i + 1 < len(chars) and chars[i + 1][0] == "\n":
                merged.append(("\n", a, chars[i + 1][2]))
                i += 2
                continue
            merged.append(("\n", a, b))
        else:
            merged.append((c, a, b))
        i += 1
    joined = "".join(c for c, _, _ in merged)
    keep = [True] * len(merged)
    if "\x1b" in joined or "\x9b" in joined:
        for m in _ESCAPES.finditer(joined):
            keep[m.start() : m.end()] = [False] * (m.end() - m.start())
    out: _Chars = []
    for (c, a, b), kept in zip(merged, keep, strict=True):
        if kept and not (_CONTROL.fullmatch(c) or _BIDI.fullmatch(c) or _INVISIBLE.fullmatch(c)):
            out.append(("\ufffd" if _SURROGATES.fullmatch(c) else c, a, b))
    return out


def _nfc(chars: _Chars) -> _Chars:
    """NFC per base character and the combining marks after it; each composed character
    spans its base and marks in the input."""
    joined = "".join(c for c, _, _ in chars)
    if unicodedata.is_normalized("NFC", joined):
        return chars
    out: _Chars = []
    k = 0
    while k < len(chars):
        j = k + 1
        while j < len(chars) and unicodedata.combining(chars[j][0]):
            j += 1
        a, b = chars[k][1], chars[j - 1][2]
        out += [(c, a, b) for c in unicodedata.normalize("NFC", joined[k:j])]
        k = j
    return out


def _spaces_collapsed(chars: _Chars) -> _Chars:
    out: _Chars = []
    for c, a, b in chars:
        if _SPACES.fullmatch(c):
            if not (out and out[-1][0] == " "):
                out.append((" ", a, b))
        else:
            out.append((c, a, b))
    return out


def _body_mapped(chars: _Chars) -> _Chars:
    """``clean_text`` replayed with input offsets."""
    chars = _spaces_collapsed(_nfc(_controls_removed(chars)))
    lines: list[_Chars] = [[]]
    for ch in chars:
        if ch[0] == "\n":
            lines.append([ch])  # the newline opens the next line, kept for its offset
        else:
            lines[-1].append(ch)
    out: _Chars = []
    blank_run: _Chars = []
    for n, line in enumerate(lines):
        newline, body = (line[0], line[1:]) if n else (None, line)
        while body and body[0][0] in " \t":
            body = body[1:]
        while body and body[-1][0] in " \t":
            body = body[:-1]
        if newline is not None:
            blank_run.append(newline)
        if body:
            if blank_run and out:
                out += blank_run[:2]  # one newline, or a blank line for several
            blank_run = []
            out += body
    return out


def _title_mapped(chars: _Chars) -> _Chars:
    """``clean_title`` replayed with input offsets."""
    out: _Chars = []
    for c, a, b in _nfc(_controls_removed(chars)):
        if c.isspace():
            if out and out[-1][0] != " ":
                out.append((" ", a, b))
        else:
            out.append((c, a, b))
    while out and out[-1][0] == " ":
        out.pop()
    return out


def input_offsets(
    title: str, body: str, stored: str, spans: list[tuple[int, int]]
) -> list[tuple[int, int] | None] | None:
    """Where each stored span (offsets into ``stored``, the article's stored text) lies in
    the input it was made from: ``title + "\n\n" + body`` as the format reader gave
    them, before cleaning. Returns None when replaying the cleaning on that input does not
    give ``stored`` (it is not this article's input, or the reader moved text between
    headline and body); an empty span or one outside the text maps to None.
    """
    return pieces_offsets(InputPieces.joined(title, body), stored, spans)


def pieces_offsets(
    pieces: InputPieces, stored: str, spans: list[tuple[int, int]]
) -> list[tuple[int, int] | None] | None:
    """:func:`input_offsets` for input described by ``pieces``: offsets into
    ``pieces.text`` (for a plain text file, the file's text itself)."""
    head = _title_mapped(pieces.title_chars())
    rest = _body_mapped(pieces.body_chars())
    if head and rest:
        gap = (head[-1][2], rest[0][1])  # the input between headline and body
        chars = [*head, ("\n", *gap), ("\n", *gap), *rest]
    else:
        chars = head or rest
    if "".join(c for c, _, _ in chars) != stored:
        return None
    return [(chars[s][1], chars[e - 1][2]) if 0 <= s < e <= len(chars) else None for s, e in spans]
