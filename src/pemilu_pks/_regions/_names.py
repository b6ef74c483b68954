"""Finding regions by name: lookup keys, the prefixes a query may carry, and the name index.

A name matches case-, spacing- and punctuation-insensitively: both sides are
folded to a lookup key ("Kab. Tapanuli Selatan" -> "tapanuliselatan", after
its prefix announced a regency).  The index maps keys to codes for every
region above the villages, abbreviations used in news and the everyday,
former and official names of ``names.csv`` included ("Jogja", "NAD"); each
province's villages get an index of their own, built only when a name is
not found higher up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from pemilu_pks._model import Region, RegionLevel
from pemilu_pks._text import fold, name_key

from ._codes import COUNTRY, VILLAGE_LEVELS, is_within
from ._tables import Parts, TableReader

_L = RegionLevel
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")

#: Words that may start a name, longest first, with the levels they announce.
_PREFIXES: tuple[tuple[str, frozenset[RegionLevel]], ...] = (
    ("kabupaten administrasi", frozenset({_L.REGENCY})),
    ("kota administrasi", frozenset({_L.CITY})),
    ("kabupaten", frozenset({_L.REGENCY})),
    ("kab", frozenset({_L.REGENCY})),
    ("kota", frozenset({_L.CITY})),
    ("provinsi", frozenset({_L.PROVINCE})),
    ("prov", frozenset({_L.PROVINCE})),
    ("kecamatan", frozenset({_L.DISTRICT})),
    ("kec", frozenset({_L.DISTRICT})),
    ("distrik", frozenset({_L.DISTRICT})),
    ("kelurahan", frozenset({_L.URBAN_VILLAGE})),
    ("kel", frozenset({_L.URBAN_VILLAGE})),
    ("desa", frozenset({_L.VILLAGE, _L.CUSTOMARY_VILLAGE})),
)
#: Short forms that start province names in news ("DKI Jakarta", "DI Yogyakarta").
_EXPANSIONS = (("dki ", "daerah khusus ibukota "), ("di ", "daerah istimewa "))
#: The word put before a name in messages, where the name lacks it.
_LEVEL_WORD = {
    _L.PROVINCE: "Provinsi",
    _L.DISTRICT: "Kecamatan",
    _L.VILLAGE: "Desa",
    _L.URBAN_VILLAGE: "Kelurahan",
}

#: A reading of a query: a lookup key and the levels its prefix announced (None: any).
Reading = tuple[str, "frozenset[RegionLevel] | None"]


def key(text: str) -> str:
    """A lookup key: :func:`~pemilu_pks._text.spaceless_key`, without its cache (fast for 80,000 names)."""
    folded = fold(text)
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    return _NOT_ALNUM.sub("", folded)


def readings(text: str) -> list[Reading]:
    """The keys a query may mean, each with the levels its prefix announces (None: any)."""
    words = name_key(text)
    found: list[Reading] = [(words, None)]
    for prefix, levels in _PREFIXES:
        if words.startswith(prefix + " "):
            found.append((words[len(prefix) + 1 :], levels))
            break
    for short, long in _EXPANSIONS:
        found += [(long + w[len(short) :], lv) for w, lv in found if w.startswith(short)]
    unique: list[Reading] = []
    for words_, levels_ in found:
        reading = (words_.replace(" ", ""), levels_)
        if reading[0] and reading not in unique:
            unique.append(reading)
    return unique


def describe(region: Region) -> str:
    """A region for messages: ``"Kabupaten Malang (35.07)"``, ``"Provinsi Jambi (15)"``.

    Example:
        >>> import pemilu_pks as pk
        >>> describe(pk.load().regions.get("63.71"))
        'Kota Banjarmasin (63.71)'
    """
    label = region.official_name
    word = _LEVEL_WORD.get(region.level)
    if word and not name_key(label).startswith(name_key(word) + " "):
        label = f"{word} {label}"
    return f"{label} ({region.code})"


def _index(names: list[tuple[str, str]], fold_: Callable[[str], str]) -> dict[str, list[str]]:
    """Folded name -> codes, each code once per name, in the order given."""
    index: dict[str, list[str]] = {}
    for text, code in names:
        codes = index.setdefault(fold_(text), [])
        if code not in codes:
            codes.append(code)
    return index


def starts_a_word(query: str, words: str) -> bool:
    """Whether spaceless *query* occurs in *words* (spaced) from the start of one of its words.

    Example:
        >>> starts_a_word("banjar", "banjarmasin"), starts_a_word("jakarta", "jogjakarta")
        (True, False)
        >>> starts_a_word("jakartapusat", "kota administrasi jakarta pusat")
        True
    """
    joined = words.replace(" ", "")
    start = 0
    for word in words.split(" "):
        if joined.startswith(query, start):
            return True
        start += len(word)
    return False


class NameIndex:
    """Lookup key -> region codes, built from the tables on first use."""

    __slots__ = ("_parts", "_tables")

    def __init__(self, tables: TableReader, parts: Parts) -> None:
        self._tables = tables
        self._parts = parts

    def _upper_names(self) -> list[tuple[str, str]]:
        """``(name, code)`` of every region above the villages, with abbreviations and other names."""
        names = [(COUNTRY.name, COUNTRY.code), (COUNTRY.official_name, COUNTRY.code)]
        names += [(name, code) for code, (name, _) in self._tables.provinces().items()]
        for code, (_, name, official) in self._tables.regencies()[0].items():
            names += [(name, code), (official, code)]
        names += [(name, code) for code, name in self._tables.districts()[0].items()]
        names += [(abbreviation, code) for abbreviation, code, _ in self._tables.abbreviations()]
        names += [(other, code) for other, code, _, _ in self._tables.names()]
        return names

    def upper(self) -> dict[str, list[str]]:
        """Keys of every region above the villages, its abbreviations and other names included."""
        return self._parts.get("names", lambda: _index(self._upper_names(), key))

    def upper_words(self) -> dict[str, list[str]]:
        """The same names as :meth:`upper`, folded with their word breaks (for "contains")."""
        return self._parts.get("name-words", lambda: _index(self._upper_names(), name_key))

    def _village_names(self, province: str) -> list[tuple[str, str]]:
        return [(name, code) for code, (_, name, _) in self._tables.villages(province).rows.items()]

    def villages(self, province: str) -> dict[str, list[str]]:
        """Keys of one province's villages."""
        return self._parts.get(
            "village-names:" + province, lambda: _index(self._village_names(province), key)
        )

    def village_words(self, province: str) -> dict[str, list[str]]:
        """One province's village names, folded with their word breaks."""
        return self._parts.get(
            "village-words:" + province, lambda: _index(self._village_names(province), name_key)
        )

    def provinces_in(self, scope: str | None) -> list[str]:
        """The provinces whose villages may lie in *scope* (None: anywhere)."""
        if scope is None or scope == COUNTRY.code:
            return list(self._tables.provinces())
        return [scope[:2]]

    def matches(
        self,
        readings: list[Reading],
        levels: frozenset[RegionLevel] | None,
        scope: str | None,
    ) -> list[Region]:
        """The regions the readings name, at the highest level where any matches."""

        def pick(index: dict[str, list[str]]) -> None:
            for key_, hint in readings:
                for code in index.get(key_, ()):
                    region = self._tables.region(code)
                    if (
                        (hint is None or region.level in hint)
                        and (levels is None or region.level in levels)
                        and (scope is None or is_within(code, scope))
                        and region not in found
                    ):
                        found.append(region)

        found: list[Region] = []
        pick(self.upper())
        wanted = VILLAGE_LEVELS if levels is None else levels & VILLAGE_LEVELS
        if not found and wanted and any(h is None or h & wanted for _, h in readings):
            for province in self.provinces_in(scope):
                pick(self.villages(province))
        if not found:
            return []
        top = min(region.level.depth for region in found)
        return sorted((r for r in found if r.level.depth == top), key=lambda r: r.code)
