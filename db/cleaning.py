"""Making untrusted article text safe and regular before it is stored.

Article text is hostile input. Terminal escape sequences and control
characters are removed here, once, before any offset is computed, so nothing
stored can reach a terminal as a command; the text is NFC-normalised and line
endings become ``\\n``. (Markup such as ``[bold]`` is left as it is: it is
plain text, and the TUI never renders stored text as markup.)
"""

from __future__ import annotations

import re
import unicodedata

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
# Lone surrogates (from JSON "\\ud800" escapes or undecodable file names) cannot be
# stored as UTF-8: each becomes U+FFFD.
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters (keeps ``\\n`` and ``\\t``);
    lone surrogates become U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPES.sub("", text)
    return _SURROGATES.sub("\ufffd", _CONTROL.sub("", text))


def clean_text(text: str) -> str:
    """Body text as stored: safe, NFC, one space between words, paragraphs split by a blank line."""
    text = unicodedata.normalize("NFC", strip_controls(text))
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def clean_title(text: str) -> str:
    """A headline or a name: one line, safe, single-spaced."""
    text = unicodedata.normalize("NFC", strip_controls(text))
    return " ".join(text.split())
