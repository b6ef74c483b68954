"""Normalisation of the article text before the stages read it, with a map back to the original.

Text copied from web pages carries full-width letters, ligatures and
invisible characters (zero-width spaces, soft hyphens) that split words the
rules must see whole.  The stages read the text as the library's
:func:`~pemilu_pks._text.fold` sees it (NFKC, invisible characters removed;
case is left to the rules), and evidence spans are mapped back to offsets in
the text the caller gave.
"""

from __future__ import annotations

import unicodedata

__all__ = ["Normalised", "normalise"]


class Normalised:
    """The text the stages read, and where each of its characters came from."""

    def __init__(self, original: str, text: str, origin: list[int] | None) -> None:
        self.original = original
        self.text = text
        self._origin = origin  # None: the text is the original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` came from."""
        if self._origin is None:
            return start, end
        if start >= end:
            at = self._origin[start] if start < len(self._origin) else len(self.original)
            return at, at
        return self._origin[start], self._origin[end - 1] + 1


def normalise(text: str) -> Normalised:
    """NFKC, invisible format characters removed, per character so offsets map back."""
    if text.isascii() or (unicodedata.is_normalized("NFKC", text) and not _has_format(text)):
        return Normalised(text, text, None)
    chars: list[str] = []
    origin: list[int] = []
    for at, char in enumerate(text):
        if unicodedata.category(char) == "Cf":
            continue
        folded = unicodedata.normalize("NFKC", char) if not char.isascii() else char
        chars.append(folded)
        origin.extend([at] * len(folded))
    return Normalised(text, "".join(chars), origin)


def _has_format(text: str) -> bool:
    return any(unicodedata.category(char) == "Cf" for char in text if not char.isascii())
