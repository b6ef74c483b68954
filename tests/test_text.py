"""Text normalisation: one fold shared by region and institution lookup and the agreement filter."""

from __future__ import annotations

import pytest

import pemilu_pks as pk
from pemilu_pks._text import fold, name_key

#: Ways pasted or foreign-keyboard text differs from the plain name.
VARIANTS = [
    "Ban\u200bjarmasin",  # zero-width space
    "Banjar\u00admasin",  # soft hyphen
    "Banjar\u2060masin\ufeff",  # word joiner, byte-order mark
    "Banjarmasın",  # dotless i from a Turkish keyboard
    "BANJARMASİN",  # dotted capital I
    "ＢＡＮＪＡＲＭＡＳＩＮ",  # full-width letters
    "\u200eBanjarmasin\u200f",  # direction marks
]


@pytest.mark.parametrize("text", VARIANTS)
def test_fold_meets_plain(text: str) -> None:
    """Each variant folds to the plain lower-case name."""
    assert "banjarmasin" == fold(text)


@pytest.mark.parametrize("text", VARIANTS)
def test_name_key_meets_plain(text: str) -> None:
    """Each variant gives the plain name's lookup key."""
    assert name_key("Banjarmasin") == name_key(text)


@pytest.mark.parametrize("text", VARIANTS)
def test_region_lookup_normalises(text: str) -> None:
    """Region lookup finds the city whatever invisible or width variant is typed."""
    assert "63.71" == pk.load().regions.lookup(f"Kota {text}").code


@pytest.mark.parametrize("text", VARIANTS)
def test_institution_lookup_normalises(text: str) -> None:
    """Institution lookup folds the same way."""
    assert "kpu-63.71" == pk.load().institutions.lookup(f"KPU Kota {text}").id


@pytest.mark.parametrize("text", VARIANTS)
def test_filter_text_normalises(text: str) -> None:
    """filter(text=) folds both the query and the records the same way."""
    agreements = pk.load().agreements
    expected = list(agreements.filter(text="Banjarmasin"))
    assert expected
    assert expected == list(agreements.filter(text=text))
