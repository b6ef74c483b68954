"""The 22 ranks of the Indonesian National Police (Polri), ordered.

Order and names follow Perkap 3/2016 as summarised in the project's
``ranks.csv`` reference (sources: tempo.co, kompas.tv, asnri.com; see the
dataset docs).  Ranks compare by seniority: ``PoliceRank.IRJEN > PoliceRank.AKBP``.
"""

from __future__ import annotations

import enum
import functools
import re

from .exceptions import NotFoundError

__all__ = ["PoliceRank", "RankGroup"]


class RankGroup(enum.Enum):
    """The four groups of Polri ranks."""

    PERWIRA_TINGGI = "perwira_tinggi"
    """High officers (generals)."""
    PERWIRA_MENENGAH = "perwira_menengah"
    """Middle officers."""
    PERWIRA_PERTAMA = "perwira_pertama"
    """Junior officers."""
    BINTARA = "bintara"
    """Non-commissioned officers."""
    TAMTAMA = "tamtama"
    """Enlisted."""


# (value, official name, abbreviation, group, further spellings seen in news)
_RANKS: tuple[tuple[str, str, str, RankGroup, tuple[str, ...]], ...] = (
    ("jenderal", "Jenderal Polisi", "Jenderal Pol.", RankGroup.PERWIRA_TINGGI, ("Jenderal",)),
    (
        "komjen",
        "Komisaris Jenderal Polisi",
        "Komjen Pol.",
        RankGroup.PERWIRA_TINGGI,
        ("Komjenpol",),
    ),
    ("irjen", "Inspektur Jenderal Polisi", "Irjen Pol.", RankGroup.PERWIRA_TINGGI, ("Irjenpol",)),
    (
        "brigjen",
        "Brigadir Jenderal Polisi",
        "Brigjen Pol.",
        RankGroup.PERWIRA_TINGGI,
        ("Brigjenpol",),
    ),
    ("kombes", "Komisaris Besar Polisi", "Kombes Pol.", RankGroup.PERWIRA_MENENGAH, ("Kombespol",)),
    ("akbp", "Ajun Komisaris Besar Polisi", "AKBP", RankGroup.PERWIRA_MENENGAH, ()),
    ("kompol", "Komisaris Polisi", "Kompol", RankGroup.PERWIRA_MENENGAH, ()),
    ("akp", "Ajun Komisaris Polisi", "AKP", RankGroup.PERWIRA_PERTAMA, ()),
    ("iptu", "Inspektur Polisi Satu", "Iptu", RankGroup.PERWIRA_PERTAMA, ()),
    ("ipda", "Inspektur Polisi Dua", "Ipda", RankGroup.PERWIRA_PERTAMA, ()),
    ("aiptu", "Ajun Inspektur Polisi Satu", "Aiptu", RankGroup.BINTARA, ()),
    ("aipda", "Ajun Inspektur Polisi Dua", "Aipda", RankGroup.BINTARA, ()),
    ("bripka", "Brigadir Polisi Kepala", "Bripka", RankGroup.BINTARA, ("Brigadir Kepala",)),
    ("brigpol", "Brigadir Polisi", "Brigpol", RankGroup.BINTARA, ("Brigadir",)),
    ("briptu", "Brigadir Polisi Satu", "Briptu", RankGroup.BINTARA, ("Brigadir Satu",)),
    ("bripda", "Brigadir Polisi Dua", "Bripda", RankGroup.BINTARA, ("Brigadir Dua",)),
    ("abrip", "Ajun Brigadir Polisi", "Abrip", RankGroup.TAMTAMA, ("Abrippol",)),
    ("abriptu", "Ajun Brigadir Polisi Satu", "Abriptu", RankGroup.TAMTAMA, ("Ajun Brigadir Satu",)),
    ("abripda", "Ajun Brigadir Polisi Dua", "Abripda", RankGroup.TAMTAMA, ("Ajun Brigadir Dua",)),
    ("bharaka", "Bhayangkara Kepala", "Bharaka", RankGroup.TAMTAMA, ()),
    ("bharatu", "Bhayangkara Satu", "Bharatu", RankGroup.TAMTAMA, ()),
    ("bharada", "Bhayangkara Dua", "Bharada", RankGroup.TAMTAMA, ()),
)


class PoliceRank(enum.Enum):
    """A Polri rank; members compare by seniority (``IRJEN > KOMBES > AKBP``).

    The value is a short lower-case key (``"akbp"``); :attr:`official_name` is
    the full statutory name and :attr:`abbreviation` the usual short form.

    Example:
        >>> PoliceRank.parse("Irjen. Pol.")
        <PoliceRank.IRJEN: 'irjen'>
        >>> PoliceRank.parse("Inspektur Jenderal Polisi") > PoliceRank.parse("Kombes Pol")
        True
    """

    JENDERAL = "jenderal"
    KOMJEN = "komjen"
    IRJEN = "irjen"
    BRIGJEN = "brigjen"
    KOMBES = "kombes"
    AKBP = "akbp"
    KOMPOL = "kompol"
    AKP = "akp"
    IPTU = "iptu"
    IPDA = "ipda"
    AIPTU = "aiptu"
    AIPDA = "aipda"
    BRIPKA = "bripka"
    BRIGPOL = "brigpol"
    BRIPTU = "briptu"
    BRIPDA = "bripda"
    ABRIP = "abrip"
    ABRIPTU = "abriptu"
    ABRIPDA = "abripda"
    BHARAKA = "bharaka"
    BHARATU = "bharatu"
    BHARADA = "bharada"

    @property
    def order(self) -> int:
        """Seniority, 1 for Jenderal Polisi down to 22 for Bhayangkara Dua."""
        return _ORDER[self]

    @property
    def official_name(self) -> str:
        """The full name, e.g. ``"Ajun Komisaris Besar Polisi"``."""
        return _ROWS[self][1]

    @property
    def abbreviation(self) -> str:
        """The usual short form, e.g. ``"AKBP"``, ``"Irjen Pol."``."""
        return _ROWS[self][2]

    @property
    def group(self) -> RankGroup:
        """The rank group (high, middle or junior officers, NCOs, enlisted)."""
        return _ROWS[self][3]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PoliceRank):
            return NotImplemented
        return self.order > other.order  # a larger order number is more junior

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PoliceRank):
            return NotImplemented
        return self.order >= other.order

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PoliceRank):
            return NotImplemented
        return self.order < other.order

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PoliceRank):
            return NotImplemented
        return self.order <= other.order

    @classmethod
    def parse(cls, text: object) -> PoliceRank:
        """Read a rank as news writes it.

        Accepts official names, abbreviations and their spellings:
        ``"AKBP"``, ``"Kombes Pol"``, ``"Irjen. Pol."``, ``"Inspektur Jenderal Polisi"``,
        ``"Brigjenpol"``; case, dots and spacing do not matter.

        Raises:
            NotFoundError: *text* names no Polri rank.
        """
        key = _rank_key(text) if isinstance(text, str) else ""
        try:
            return _names()[key]
        except KeyError:
            raise NotFoundError(f"{text!r} is not a Polri rank", query=str(text)) from None


_ROWS = {PoliceRank(row[0]): row for row in _RANKS}
_ORDER = {rank: number for number, rank in enumerate(PoliceRank, start=1)}


def _rank_key(text: str) -> str:
    # "Irjen. Pol." / "Kombes Pol" / "Jenderal (Pol)" -> "irjen" / "kombes" / "jenderal"
    words = re.sub(r"[^a-z ]", " ", text.casefold()).split()
    while len(words) > 1 and words[-1] in {"pol", "polisi"}:
        words.pop()
    return " ".join(words)


@functools.cache
def _names() -> dict[str, PoliceRank]:
    names: dict[str, PoliceRank] = {}
    for rank, (value, official, abbreviation, _, variants) in _ROWS.items():
        for name in (value, official, abbreviation, *variants):
            names.setdefault(_rank_key(name), rank)
    return names
