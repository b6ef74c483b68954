"""Suggestions for misspelt names: trigram candidates re-ranked by :class:`difflib.SequenceMatcher`."""

from __future__ import annotations

from collections.abc import Iterable

from pemilu_pks._model import Region, RegionLevel

from ._codes import UPPER_LEVELS, VILLAGE_LEVELS, is_within
from ._names import NameIndex, Reading
from ._tables import Parts, TableReader

#: The least similarity (0..1) of a suggestion.
_CUTOFF = 0.6


class Fuzzy:
    """Trigram candidates re-ranked by :class:`difflib.SequenceMatcher`, over lookup keys."""

    __slots__ = ("_grams", "_keys", "_longest", "_sizes")

    def __init__(self, keys: Iterable[str]) -> None:
        self._keys = sorted(set(keys))
        self._longest = max(map(len, self._keys), default=0)
        self._sizes: list[int] = []
        self._grams: dict[str, list[int]] = {}
        for index, key in enumerate(self._keys):
            grams = self.trigrams(key)
            self._sizes.append(len(grams))
            for gram in grams:
                self._grams.setdefault(gram, []).append(index)

    @staticmethod
    def trigrams(key: str) -> set[str]:
        padded = f"^^{key}$"
        return {padded[i : i + 3] for i in range(len(padded) - 2)}

    def scores(self, query: str, *, cutoff: float, pool: int = 60) -> list[tuple[float, str]]:
        """Keys close to *query* with their similarity (0..1), best first."""
        from difflib import SequenceMatcher

        # ratio() is at most 2 * shorter / (sum of lengths): a query this long matches
        # nothing, and comparing it would take time in proportion to its length.
        if cutoff > 0 and len(query) > self._longest * (2 / cutoff - 1):
            return []
        grams = self.trigrams(query)
        shared: dict[int, int] = {}
        for gram in grams:
            for index in self._grams.get(gram, ()):
                shared[index] = shared.get(index, 0) + 1
        dice = sorted(shared, key=lambda i: -2 * shared[i] / (len(grams) + self._sizes[i]))[:pool]
        matcher = SequenceMatcher(autojunk=False)
        matcher.set_seq2(query)
        found = []
        for index in dice:
            matcher.set_seq1(self._keys[index])
            score = matcher.ratio()
            if score >= cutoff:
                found.append((score, self._keys[index]))
        return sorted(found, key=lambda item: -item[0])


class Suggestions:
    """Regions whose names are close to a query, over the name index."""

    __slots__ = ("_names", "_parts", "_tables")

    def __init__(self, tables: TableReader, names: NameIndex, parts: Parts) -> None:
        self._tables = tables
        self._names = names
        self._parts = parts

    def _fuzzy(self, province: str | None) -> Fuzzy:
        if province is None:
            return self._parts.get("fuzzy", lambda: Fuzzy(self._names.upper()))
        return self._parts.get("fuzzy:" + province, lambda: Fuzzy(self._names.villages(province)))

    def rank(
        self,
        readings: list[Reading],
        levels: frozenset[RegionLevel] | None,
        scope: str | None,
    ) -> list[Region]:
        """Close regions, best first; villages only when no higher region is close.

        Ties go to the higher level, then the code.
        """

        def collect(fuzzy: Fuzzy, index: dict[str, list[str]]) -> None:
            for key, _ in readings:
                for score, match in fuzzy.scores(key, cutoff=_CUTOFF):
                    for code in index[match]:
                        region = self._tables.region(code)
                        if (levels is None or region.level in levels) and (
                            scope is None or is_within(code, scope)
                        ):
                            best[region] = max(score, best.get(region, 0.0))

        best: dict[Region, float] = {}
        if levels is None or levels & UPPER_LEVELS:
            collect(self._fuzzy(None), self._names.upper())
        if not best and (levels is None or levels & VILLAGE_LEVELS):
            for province in self._names.provinces_in(scope):
                collect(self._fuzzy(province), self._names.villages(province))
        return sorted(best, key=lambda r: (-best[r], r.level.depth, r.code))
