"""Walking the tree: children in code order, descendants depth first, ancestors up to the country."""

from __future__ import annotations

from collections.abc import Iterator

from pemilu_pks._model import Region

from ._codes import depth
from ._tables import TableReader


def child_codes(tables: TableReader, parent: str) -> list[str]:
    """The codes directly below *parent*, in code order."""
    level = depth(parent)
    if level == 0:
        return list(tables.provinces())
    if level == 1:
        return tables.regencies()[1].get(parent, [])
    if level == 2:
        return tables.districts()[1].get(parent, [])
    if level == 3:
        return tables.villages(parent[:2]).by_district.get(parent, [])
    return []


def walk(tables: TableReader, code: str) -> Iterator[Region]:
    """Every region below *code*, each followed by its own descendants."""
    for child in child_codes(tables, code):
        yield tables.region(child)
        yield from walk(tables, child)


def ancestors(tables: TableReader, region: Region) -> list[Region]:
    """The regions above *region*, nearest first, ending with the country."""
    found: list[Region] = []
    parent = region.parent
    while parent is not None:
        found.append(tables.region(parent))
        parent = found[-1].parent
    return found
