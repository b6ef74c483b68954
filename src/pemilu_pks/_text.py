"""Name normalisation shared by every lookup.

Indonesian news writes the same name many ways: "Kab. Tapsel", "KABUPATEN
TAPANULI SELATAN", "Tapanuli  Selatan", "Padang Sidempuan"/"Padangsidimpuan".
A key folds case, accents, punctuation and spacing so that such forms meet.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["name_key", "spaceless_key"]

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def name_key(text: str) -> str:
    """Fold *text* to a lookup key: lower case, no accents, words joined by one space.

    Example:
        >>> name_key("  Kab.  Tapanuli-Selatan ")
        'kab tapanuli selatan'
    """
    # Only names are cached: a flood of long hostile queries must not fill memory.
    return _cached_key(text) if len(text) <= _CACHED_LENGTH else _fold(text)


_CACHED_LENGTH = 200


@functools.lru_cache(maxsize=65536)
def _cached_key(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub(" ", ascii_text.replace("'", "")).strip()


def spaceless_key(text: str) -> str:
    """Like :func:`name_key`, without spaces ("Palangka Raya" meets "Palangkaraya")."""
    return name_key(text).replace(" ", "")
