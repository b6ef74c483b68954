"""Text normalisation shared by every lookup, filter and extraction.

Indonesian news writes the same name many ways: "Kab. Tapsel", "KABUPATEN
TAPANULI SELATAN", "Tapanuli  Selatan", "Padang Sidempuan"/"Padangsidimpuan".
Text copied from web pages adds full-width letters, ligatures, zero-width
spaces and soft hyphens, and a Turkish keyboard types a dotless "ı".
:func:`fold` removes all of these differences; :func:`name_key` goes on to
fold accents, punctuation and spacing so that the forms of a name meet.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["fold", "name_key", "spaceless_key"]

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    r"""Normalise *text* for comparison: NFKC, invisible characters removed, case folded.

    Example:
        >>> fold("ＫＡＬ\u200bSEL Banjarmasın")
        'kalsel banjarmasin'
    """
    if text.isascii():
        return text.lower()  # the same result, ten times faster
    text = unicodedata.normalize("NFKC", text)
    # Invisible format characters (category Cf: zero-width space and joiners,
    # soft hyphen, word joiner, byte-order mark, direction marks) go; the
    # Turkish dotless "ı" and dotted "İ" meet the plain "i" (case folding
    # alone keeps "ı" and turns "İ" into "i" plus a combining dot).
    visible = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return visible.replace("ı", "i").casefold().replace("i\u0307", "i")


def name_key(text: str) -> str:
    """Fold *text* to a lookup key: :func:`fold`, no accents, words joined by one space.

    Example:
        >>> name_key("  Kab.  Tapanuli-Selatan ")
        'kab tapanuli selatan'
    """
    # Only names are cached: a flood of long hostile queries must not fill memory.
    return _cached_key(text) if len(text) <= _CACHED_LENGTH else _key(text)


_CACHED_LENGTH = 200


@functools.lru_cache(maxsize=65536)
def _cached_key(text: str) -> str:
    return _key(text)


def _key(text: str) -> str:
    folded = fold(text)
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub(" ", folded.replace("'", "")).strip()


def spaceless_key(text: str) -> str:
    """Like :func:`name_key`, without spaces ("Palangka Raya" meets "Palangkaraya")."""
    return name_key(text).replace(" ", "")
