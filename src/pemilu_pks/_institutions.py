"""The institution registry: lookup by every name news uses, and police coverage.

PLACEHOLDER: minimal implementation; issue #4 adds name-variant lookup and
``covering``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._model import Institution
from ._records import Records

__all__ = ["Institutions"]


class Institutions(Records[Institution]):
    """Election bodies, police units and other parties, by id."""

    def __init__(self, institutions: Iterable[Institution]) -> None:
        super().__init__(institutions, kind="institution")
