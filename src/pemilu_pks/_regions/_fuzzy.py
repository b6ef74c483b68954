"""Suggestions for misspelt names: trigram candidates re-ranked by :class:`difflib.SequenceMatcher`."""

from __future__ import annotations

from collections.abc import Iterable

from pemilu_pks._model import Region, RegionLevel

from ._codes import UPPER_LEVELS, VILLAGE_LEVELS, is_within
from ._names import NameIndex, Reading, starts_a_word
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
        """Regions whose names contain the query, then close ones; villages only when needed.

        Names containing the query come first, higher levels first (at one
        level an exact name first, then by code); then names merely close to
        it, closest first (ties to the higher level, then the code).  Villages
        are searched only when *levels* asks for them or no higher region
        contains or resembles the query.
        """

        def admit(code: str) -> Region | None:
            region = self._tables.region(code)
            if (levels is None or region.level in levels) and (
                scope is None or is_within(code, scope)
            ):
                return region
            return None

        def contain(words: dict[str, list[str]]) -> None:
            # "Contains" from the start of a word: "Banjar" finds Banjarmasin and
            # "Jakarta" finds Jakarta Pusat, but "Jakarta" does not find Jogjakarta.
            for query, hint in readings:
                for name, codes in words.items():
                    if query not in name.replace(" ", "") or not starts_a_word(query, name):
                        continue
                    for code in codes:
                        region = admit(code)
                        if region is not None and (hint is None or region.level in hint):
                            exact = name.replace(" ", "") == query
                            containing[region] = containing.get(region, False) or exact

        def close(fuzzy: Fuzzy, index: dict[str, list[str]]) -> None:
            for query, _ in readings:
                for score, match in fuzzy.scores(query, cutoff=_CUTOFF):
                    for code in index[match]:
                        region = admit(code)
                        if region is not None:
                            best[region] = max(score, best.get(region, 0.0))

        containing: dict[Region, bool] = {}  # region -> whether a name equals the query
        best: dict[Region, float] = {}
        if levels is None or levels & UPPER_LEVELS:
            contain(self._names.upper_words())
            close(self._fuzzy(None), self._names.upper())
        if not (containing or best) and (levels is None or levels & VILLAGE_LEVELS):
            for province in self._names.provinces_in(scope):
                contain(self._names.village_words(province))
                close(self._fuzzy(province), self._names.villages(province))
        first = sorted(containing, key=lambda r: (r.level.depth, not containing[r], r.code))
        rest = sorted(
            (r for r in best if r not in containing),
            key=lambda r: (-best[r], r.level.depth, r.code),
        )
        return first + rest
