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


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Fold *text* to a lookup key: lower case, no accents, words joined by one space.

    Example:
        >>> name_key("  Kab.  Tapanuli-Selatan ")
        'kab tapanuli selatan'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub(" ", ascii_text.replace("'", "")).strip()


def spaceless_key(text: str) -> str:
    """Like :func:`name_key`, without spaces ("Palangka Raya" meets "Palangkaraya")."""
    return name_key(text).replace(" ", "")
