"""Polri ranks: order and parsing."""

from __future__ import annotations

import pytest

import pemilu_pks as pk
from pemilu_pks import PoliceRank


class TestPoliceRank:
    """The 22 ranks."""

    def test_there_are_22_ordered_ranks(self) -> None:
        """Perkap 3/2016 has 22 ranks, Jenderal first."""
        ranks = list(PoliceRank)
        assert 22 == len(ranks)
        assert list(range(1, 23)) == [rank.order for rank in ranks]
        assert sorted(ranks, reverse=True) == ranks

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("AKBP", PoliceRank.AKBP),
            ("Kombes Pol", PoliceRank.KOMBES),
            ("Kombes Pol.", PoliceRank.KOMBES),
            ("Irjen. Pol.", PoliceRank.IRJEN),
            ("Irjen Pol", PoliceRank.IRJEN),
            ("Irjen", PoliceRank.IRJEN),
            ("Inspektur Jenderal Polisi", PoliceRank.IRJEN),
            ("Jenderal Polisi", PoliceRank.JENDERAL),
            ("Jenderal (Pol)", PoliceRank.JENDERAL),
            ("Brigjenpol", PoliceRank.BRIGJEN),
            ("Brigadir Jenderal Polisi", PoliceRank.BRIGJEN),
            ("Brigadir", PoliceRank.BRIGPOL),
            ("ajun komisaris besar polisi", PoliceRank.AKBP),
            ("IPTU", PoliceRank.IPTU),
            ("Bhayangkara Dua", PoliceRank.BHARADA),
        ],
    )
    def test_parse(self, text: str, expected: PoliceRank) -> None:
        """Official names, abbreviations and news spellings all parse."""
        assert expected == PoliceRank.parse(text)

    def test_unknown(self) -> None:
        """A word that is no rank raises NotFoundError, a LookupError."""
        with pytest.raises(pk.NotFoundError, match="not a Polri rank"):
            PoliceRank.parse("Mayjen")
        with pytest.raises(LookupError):
            PoliceRank.parse("")

    def test_seniority(self) -> None:
        """Comparisons follow seniority."""
        assert PoliceRank.IRJEN > PoliceRank.KOMBES > PoliceRank.AKBP
        assert PoliceRank.BHARADA < PoliceRank.BHARATU
        assert PoliceRank.AKBP <= PoliceRank.AKBP
        assert pk.RankGroup.PERWIRA_MENENGAH == PoliceRank.AKBP.group
        assert "Ajun Komisaris Besar Polisi" == PoliceRank.AKBP.official_name
