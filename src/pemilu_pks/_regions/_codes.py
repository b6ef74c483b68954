"""The shape of the hierarchy: its root, Kemendagri codes and region levels."""

from __future__ import annotations

import re

from pemilu_pks._model import Region, RegionLevel
from pemilu_pks.exceptions import ValidationError

#: The root of the hierarchy.
COUNTRY = Region(
    code="ID", name="Indonesia", official_name="Republik Indonesia", level=RegionLevel.COUNTRY
)

#: A province, regency or city, district or village code ("63", "63.71", "63.71.01.1001").
CODE = re.compile(r"[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?\Z")

LEVEL_VALUES = {level.value: level for level in RegionLevel}
VILLAGE_LEVELS = frozenset(
    {RegionLevel.VILLAGE, RegionLevel.URBAN_VILLAGE, RegionLevel.CUSTOMARY_VILLAGE}
)
UPPER_LEVELS = frozenset(RegionLevel) - VILLAGE_LEVELS


def depth(code: str) -> int:
    """0 for the country, 1 for a province ... 4 for a village."""
    return 0 if code == COUNTRY.code else code.count(".") + 1


def is_within(code: str, scope: str) -> bool:
    """Whether the region *code* lies strictly inside the region *scope*."""
    return code != COUNTRY.code if scope == COUNTRY.code else code.startswith(scope + ".")


def parse_levels(level: RegionLevel | str | None) -> frozenset[RegionLevel] | None:
    """The levels a ``level=`` argument allows (None: any); ValidationError for a non-level."""
    if level is None:
        return None
    if isinstance(level, RegionLevel):
        return frozenset({level})
    if isinstance(level, str):
        try:
            return frozenset({RegionLevel(level.strip().lower())})
        except ValueError:
            pass
    allowed = ", ".join(repr(member.value) for member in RegionLevel)
    raise ValidationError([("level", f"{level!r} is not one of {allowed}")])
