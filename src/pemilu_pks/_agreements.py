"""The agreements and the queries over them.

PLACEHOLDER: minimal implementation; issue #6 adds ``filter``, lineage and indexes.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._model import Agreement
from ._records import Records

__all__ = ["Agreements"]


class Agreements(Records[Agreement]):
    """The agreements, by id."""

    def __init__(self, agreements: Iterable[Agreement]) -> None:
        super().__init__(agreements, kind="agreement")
