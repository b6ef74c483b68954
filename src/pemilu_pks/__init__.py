"""pemilu-pks: the cooperation agreements Indonesian election bodies signed with the police for 2024.

A typed model of the agreements (Perjanjian Kerja Sama, Nota Kesepahaman)
between KPU/Bawaslu and Polri units, the institutions that signed them and
the regions they cover, with a curated, sourced dataset.

Example:
    >>> import pemilu_pks as pk
    >>> ds = pk.load()
    >>> ds.regions.get("63").iso_3166_2
    'ID-KS'
"""

import typing as _typing

from . import _notebook  # noqa: F401 - gives the record classes a Jupyter _repr_html_
from ._agreements import Agreements
from ._coverage import Coverage, CoverageRow, CoveringUnit
from ._dataset import Dataset, load
from ._dates import UncertainDate, Weekday, parse_date
from ._institutions import Institutions
from ._json import Limits, from_json, to_json
from ._model import (
    Agreement,
    Basis,
    Confidence,
    Extent,
    Figure,
    Institution,
    InstitutionKind,
    Instrument,
    JurisdictionArea,
    Party,
    Person,
    Post,
    Region,
    RegionLevel,
    ScopeItem,
    Signatory,
    Signing,
    Source,
    SourceRef,
)
from ._plot import plot_coverage, plot_signings
from ._query import Selection
from ._ranks import PoliceRank, RankGroup
from ._records import Records
from ._regions import Regions
from ._schema import json_schema
from .exceptions import (
    AmbiguousError,
    DataError,
    DateParseError,
    InputLimitError,
    IntegrityError,
    NotFoundError,
    OptionalDependencyError,
    OutputError,
    PemiluPksError,
    ValidationError,
    WeekdayMismatchError,
)

if _typing.TYPE_CHECKING:  # pragma: no cover
    from ._extract import Draft, Evidence, extract

# The extractor compiles many patterns; load it when first used, not at import.
_LAZY = {"Draft": "._extract", "Evidence": "._extract", "extract": "._extract"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    # The public names (the lazy ones included) and the public exceptions module.
    return sorted({*__all__, "exceptions"})


__version__ = "0.1.0"

__all__ = [
    "Agreement",
    "Agreements",
    "AmbiguousError",
    "Basis",
    "Confidence",
    "Coverage",
    "CoverageRow",
    "CoveringUnit",
    "DataError",
    "Dataset",
    "DateParseError",
    "Draft",
    "Evidence",
    "Extent",
    "Figure",
    "InputLimitError",
    "Institution",
    "InstitutionKind",
    "Institutions",
    "Instrument",
    "IntegrityError",
    "JurisdictionArea",
    "Limits",
    "NotFoundError",
    "OptionalDependencyError",
    "OutputError",
    "Party",
    "PemiluPksError",
    "Person",
    "PoliceRank",
    "Post",
    "RankGroup",
    "Records",
    "Region",
    "RegionLevel",
    "Regions",
    "ScopeItem",
    "Selection",
    "Signatory",
    "Signing",
    "Source",
    "SourceRef",
    "UncertainDate",
    "ValidationError",
    "Weekday",
    "WeekdayMismatchError",
    "__version__",
    "extract",
    "from_json",
    "json_schema",
    "load",
    "parse_date",
    "plot_coverage",
    "plot_signings",
    "to_json",
]
