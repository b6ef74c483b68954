"""The institution registry: lookup by every name news uses, and police coverage.

Indonesian news names the same body many ways: "KPU Kalsel", "KPU Provinsi
Kalimantan Selatan", "Komisi Pemilihan Umum (KPU) Kota Banjarmasin",
"Kepolisian Daerah Kalimantan Timur", "Polres Tapsel", or by its head's post
("Kapolres Tapanuli Selatan").  :meth:`Institutions.lookup` folds these forms
onto the registry: first the names and aliases the records carry, then a
body word ("KPU", "Bawaslu", "Polda", "Polres" …) followed by a region name
that the region registry resolves (abbreviations included).

Police areas do not follow administrative borders, so "which police unit
polices this place" is answered from each unit's jurisdiction, with dates:
:meth:`Institutions.covering`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._locks import lock
from ._model import Basis, Extent, Institution, InstitutionKind, JurisdictionArea, Region
from ._records import Records, context, required
from ._text import name_key
from .exceptions import AmbiguousError, DateParseError, NotFoundError, ValidationError

if TYPE_CHECKING:  # pragma: no cover
    from ._regions import Regions

__all__ = ["Institutions"]

# ASCII digits only (\d takes any Unicode digit); used with fullmatch.
_CODE = re.compile(r"ID|[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?")
_CODE_IN_TEXT = re.compile(r"\b(?:ID|[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?)\b")
_SPACED_CODE = re.compile(r"[0-9]{2}(?: [0-9]{2}(?: [0-9]{2}(?: [0-9]{4})?)?)?")
COUNTRY = "ID"

#: The police kinds :meth:`Institutions.covering` returns unless told otherwise
#: (Polri, the national headquarters, covers every region and is left out).
TERRITORIAL_POLICE = frozenset(
    {
        InstitutionKind.POLDA,
        InstitutionKind.POLRES,
        InstitutionKind.POLRESTA,
        InstitutionKind.POLRESTABES,
        InstitutionKind.POLSEK,
    }
)
_RESORTS = frozenset(
    {InstitutionKind.POLRES, InstitutionKind.POLRESTA, InstitutionKind.POLRESTABES}
)

# Long forms and post titles, folded to the short body word (on name keys).
_PREFIXES = (
    ("kepolisian negara republik indonesia", "polri"),
    ("kepolisian daerah", "polda"),
    ("kepolisian resor kota besar", "polrestabes"),
    ("kepolisian resort kota besar", "polrestabes"),
    ("kepolisian resor kota", "polresta"),
    ("kepolisian resort kota", "polresta"),
    ("kepolisian resor", "polres"),
    ("kepolisian resort", "polres"),
    ("kepolisian sektor", "polsek"),
    ("komisi pemilihan umum", "kpu"),
    ("badan pengawas pemilihan umum", "bawaslu"),
    ("komisi independen pemilihan", "kip"),
    ("panitia pengawas pemilihan", "panwaslih"),
    ("kejaksaan negeri", "kejari"),
    ("kapolrestabes", "polrestabes"),
    ("kapolresta", "polresta"),
    ("kapolres", "polres"),
    ("kapolsek", "polsek"),
    ("kapolda", "polda"),
    ("kapolri", "polri"),
    ("wakapolrestabes", "polrestabes"),
    ("wakapolresta", "polresta"),
    ("wakapolres", "polres"),
    ("wakapolda", "polda"),
    ("kajari", "kejari"),
    ("mapolda", "polda"),
    ("mapolres", "polres"),
)
_POST_WORDS = ("ketua", "anggota", "komisioner", "kepala")
_NATIONAL = frozenset({"", "ri", "republik indonesia", "pusat", "ri pusat", "indonesia"})

#: Body word -> (kinds it names, election-body id prefix or None).
_BODIES: dict[str, tuple[frozenset[InstitutionKind], str | None]] = {
    "kpu": (frozenset({InstitutionKind.KPU}), "kpu"),
    "kip": (frozenset({InstitutionKind.KPU}), "kpu"),
    "bawaslu": (frozenset({InstitutionKind.BAWASLU}), "bawaslu"),
    "panwaslih": (frozenset({InstitutionKind.BAWASLU}), "bawaslu"),
    "polda": (frozenset({InstitutionKind.POLDA}), None),
    "polres": (_RESORTS, None),
    "polresta": (_RESORTS, None),
    "polrestabes": (_RESORTS, None),
    "polsek": (frozenset({InstitutionKind.POLSEK}), None),
}
_ACEH = "11"

# Order of results: the most local unit first.
_TIER = {
    InstitutionKind.POLSEK: 0,
    InstitutionKind.POLRES: 1,
    InstitutionKind.POLRESTA: 1,
    InstitutionKind.POLRESTABES: 1,
    InstitutionKind.POLDA: 2,
    InstitutionKind.POLRI: 3,
}


def _fold(text: str) -> str:
    """A name key with long forms and post titles folded to the body word.

    "Komisi Pemilihan Umum (KPU) Kota Banjarmasin" -> "kpu kota banjarmasin";
    "Kapolres Tapanuli Selatan" -> "polres tapanuli selatan".
    """
    key = name_key(text)
    words = key.split(" ")
    while len(words) > 1 and words[0] in _POST_WORDS:
        words = words[1:]
    key = " ".join(words)
    for long, short in _PREFIXES:
        if key == long or key.startswith(long + " "):
            key = short + key[len(long) :]
            break
    words = key.split(" ")
    if len(words) > 1 and words[1] == words[0]:  # "kpu (KPU) kota banjarmasin"
        del words[1]
    return " ".join(words)


def _ancestors_and_self(code: str) -> list[str]:
    """``"63.71.01"`` -> ``["63.71.01", "63.71", "63", "ID"]``."""
    if code == COUNTRY:
        return [COUNTRY]
    parts = code.split(".")
    return [".".join(parts[:end]) for end in range(len(parts), 0, -1)] + [COUNTRY]


def as_day(on: object, *, name: str = "on") -> dt.date | None:
    """A day given as a :class:`datetime.date` (a datetime counts by its date) or ``YYYY-MM-DD``."""
    if on is None:
        return None
    if isinstance(on, dt.datetime):
        return on.date()
    if isinstance(on, dt.date):
        return on
    if isinstance(on, str):
        text = on.strip()
        try:
            # Only YYYY-MM-DD: Python 3.11+ would also read "20240214" and week dates.
            if len(text) == 10 and text[4] == text[7] == "-":
                return dt.date.fromisoformat(text)
        except ValueError:
            pass
        raise DateParseError(
            f"{name}={on!r} is not a date: expected YYYY-MM-DD (e.g. '2024-02-14')"
        )
    raise DateParseError(
        f"{name}={on!r} is not a date: expected a datetime.date or a YYYY-MM-DD string"
    )


def _kinds(kinds: Iterable[InstitutionKind | str] | None) -> frozenset[InstitutionKind]:
    if kinds is None:
        return TERRITORIAL_POLICE
    if isinstance(kinds, (str, InstitutionKind)):
        kinds = [kinds]
    given: object = kinds  # callers without type checking may pass anything
    if not isinstance(given, Iterable) or isinstance(given, bytes | Mapping):
        raise ValidationError(
            [("kinds", f"expected kinds or a list of them, got {type(given).__name__}")]
        )
    return frozenset(_kind(kind) for kind in given)


def _basis(basis: Basis | str | None) -> Basis | None:
    if basis is None or isinstance(basis, Basis):
        return basis
    try:
        return Basis(str(basis).strip().casefold())
    except ValueError:
        allowed = ", ".join(repr(b.value) for b in Basis)
        raise ValidationError(
            [("basis", f"{basis!r} is not a basis; allowed: {allowed} or None (both)")]
        ) from None


def _kind(kind: InstitutionKind | str) -> InstitutionKind:
    try:
        return InstitutionKind(kind)
    except ValueError:
        allowed = ", ".join(repr(k.value) for k in InstitutionKind)
        raise NotFoundError(
            f"{kind!r} is not an institution kind; allowed: {allowed}", query=str(kind)
        ) from None


def _tier(institution: Institution) -> int:
    """0 for the most local unit; election bodies and others by their region's level."""
    if institution.kind in _TIER:
        return _TIER[institution.kind]
    if institution.region is None or institution.region == COUNTRY:
        return 3
    depth = institution.region.count(".") + 1  # province 1, regency or city 2, district 3
    return max(0, 3 - depth)


class _Index:
    """Name and region tables over one registry (built once, on first use)."""

    __slots__ = ("by_body_region", "by_region", "names")

    def __init__(self, institutions: Iterable[Institution]) -> None:
        self.names: dict[str, list[str]] = {}
        self.by_region: dict[str, list[tuple[Institution, JurisdictionArea]]] = {}
        self.by_body_region: dict[str, list[Institution]] = {}
        for institution in institutions:
            forms = (institution.name, *institution.aliases)
            if institution.local_name:
                forms += (institution.local_name,)
            for form in forms:
                ids = self.names.setdefault(_fold(form), [])
                if institution.id not in ids:
                    ids.append(institution.id)
            for area in institution.jurisdiction:
                self.by_region.setdefault(area.region, []).append((institution, area))
            if institution.region is not None:
                self.by_body_region.setdefault(institution.region, []).append(institution)


class Institutions(Records[Institution]):
    """Election bodies, police units and other parties, by id, name and region.

    Get the bundled registry as ``pk.load().institutions``.  Ids are readable
    and stable: ``kpu-ri``, ``kpu-63`` (a province's KPU), ``kpu-63.71`` (a
    regency's or city's), the same with ``bawaslu-``; ``polri``;
    ``polda-kalimantan-selatan``, ``polres-tapanuli-selatan``,
    ``polresta-banjarmasin``; ``kejari-kebumen``.

    Args:
        institutions: The records; ids must be unique.
        regions: The region registry names are resolved against (or a
            function returning it, called on first use).  Without it, ids,
            names and aliases still resolve, and anything that reads a region
            name or code raises a :class:`~pemilu_pks.PemiluPksError` saying
            it needs the regions.

    Example:
        >>> import pemilu_pks as pk
        >>> institutions = pk.load().institutions
        >>> institutions.lookup("KPU Kalsel").id
        'kpu-63'
        >>> institutions.lookup("Polres Tapsel").name
        'Polres Tapanuli Selatan'
        >>> [unit.id for unit in institutions.covering("Padang Lawas Utara", on="2024-02-14")]
        ['polres-tapanuli-selatan', 'polda-sumatera-utara']
    """

    __slots__ = ("_index", "_index_lock", "_regions")

    def __init__(
        self,
        institutions: Iterable[Institution],
        *,
        regions: Regions | Callable[[], Regions] | None = None,
    ) -> None:
        super().__init__(institutions, kind="institution")
        self._regions = context(regions)
        self._index: _Index | None = None
        self._index_lock = lock()

    # --- context ------------------------------------------------------------

    @property
    def regions(self) -> Regions:
        """The region registry names are resolved against.

        Raises:
            PemiluPksError: The registry was built without regions.
        """
        return required(
            self._regions, owner="Institutions", what="regions", example="pk.load().institutions"
        )

    def _tables(self) -> _Index:
        index = self._index
        if index is None:
            with self._index_lock:
                if self._index is None:
                    self._index = _Index(self)
                index = self._index
        return index

    # --- names --------------------------------------------------------------

    def lookup(self, name: str) -> Institution:
        """Return the institution an id, a name or a post title refers to.

        Understands the registry's names and aliases ("Polda Metro Jaya",
        "Bawaslu RI", "KIP Aceh", "Polres Tapsel"), long forms ("Kepolisian
        Daerah Kalimantan Timur", "Komisi Pemilihan Umum Kota Banjarmasin"),
        post titles ("Kapolres Tapanuli Selatan", "Ketua KPU Kalsel"), and a
        body word followed by any region name the region registry resolves
        ("KPU Kalsel", "Bawaslu Provinsi Jambi", "Polres Karo").  Case,
        spacing and punctuation do not matter.

        Args:
            name: An id or a name as news writes it.

        Returns:
            The one institution meant.

        Raises:
            NotFoundError: Nothing matches; the message suggests close names.
            AmbiguousError: Several institutions match ("KPU Malang": the
                kabupaten or the kota?).
            ValidationError: *name* is not a string.

        Example:
            >>> import pemilu_pks as pk
            >>> institutions = pk.load().institutions
            >>> institutions.lookup("Komisi Pemilihan Umum Kota Banjarmasin").id
            'kpu-63.71'
            >>> institutions.lookup("Kepolisian Daerah Kalimantan Timur").id
            'polda-kalimantan-timur'
            >>> institutions.lookup("Kapolres Tapanuli Selatan").id
            'polres-tapanuli-selatan'
        """
        if not isinstance(name, str):
            raise ValidationError([("name", f"expected a name (str), got {type(name).__name__}")])
        found = self.get(name.strip())
        if found is not None:
            return found
        key = _fold(name)
        tables = self._tables()
        ids = tables.names.get(key)
        if ids:
            return self._one(name, ids)
        composed = self._compose(name, key, tables)
        if composed is not None:
            return composed
        raise self._not_found(name, key, tables)

    def _one(self, name: str, ids: list[str]) -> Institution:
        if len(ids) == 1:
            return self._by_id[ids[0]]
        listing = ", ".join(f"{i} ({self._by_id[i].name})" for i in ids)
        raise AmbiguousError(
            f"institution name {name!r} is ambiguous: {listing}", query=name, candidates=ids
        )

    def _compose(self, name: str, key: str, tables: _Index) -> Institution | None:
        """Body word + region name: "kpu kalsel" -> kpu-63, "polres karo" -> polres-tanah-karo."""
        body, _, rest = key.partition(" ")
        if body not in _BODIES:
            return None
        prefix = _BODIES[body][1]
        if prefix is not None and rest in _NATIONAL:
            return self.get(f"{prefix}-ri")
        if not rest:
            return None
        if _SPACED_CODE.fullmatch(rest):  # "KPU 63.71" folds to "kpu 63 71"
            rest = rest.replace(" ", ".")
        within = _ACEH if body in {"kip", "panwaslih"} else None
        region = self._resolve_name(name, rest, within=within, body=body)
        if prefix is not None:
            found = self.get(f"{prefix}-{region.code}")
            if found is None:
                raise NotFoundError(
                    f"no institution for {name!r}: {body.upper()} bodies are permanent only "
                    f"nationally and in provinces, regencies and cities, and {region.official_name} "
                    f"({region.code}) is a {region.level.value}",
                    query=name,
                )
            return found
        return self._police_unit(name, body, region, tables)

    def _police_unit(self, name: str, body: str, region: Region, tables: _Index) -> Institution:
        kinds = _BODIES[body][0]
        candidates = [
            unit for unit in tables.by_body_region.get(region.code, []) if unit.kind in kinds
        ]
        exact = [unit for unit in candidates if unit.kind.value == body]
        if len(exact) == 1:
            return exact[0]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            return self._one(name, [unit.id for unit in candidates])
        covering = ", ".join(unit.name for unit in self.covering(region.code) if unit.kind in kinds)
        hint = f"; {region.official_name} is policed by {covering}" if covering else ""
        raise NotFoundError(
            f"no {body.capitalize()} named for {region.official_name} ({region.code}) "
            f"in the registry{hint}",
            query=name,
            suggestions=[unit.id for unit in self.covering(region.code) if unit.kind in kinds],
        )

    def _resolve_name(self, name: str, rest: str, *, within: str | None, body: str) -> Region:
        lookup: Any = self.regions.lookup  # lookup(name, level=None, within=None)
        try:
            if within is not None:
                return lookup(rest, within=within)  # type: ignore[no-any-return]
            return lookup(rest)  # type: ignore[no-any-return]
        except AmbiguousError as exc:
            codes = [m.group(0) for c in exc.candidates for m in _CODE_IN_TEXT.finditer(str(c))]
            ids = [i for i in (self._body_id(body, code) for code in codes) if i is not None]
            if len(ids) > 1:
                self._one(name, ids)  # raises: lists the institutions, not the regions
            regions = " and ".join(exc.candidates)
            if not ids:
                # Police units are listed only where known: the region name fits
                # several regions, but no unit by that name is in the registry.
                raise NotFoundError(
                    f"no institution named {name!r} in the registry: no {body.capitalize()} "
                    f"is listed for {regions}",
                    query=name,
                    suggestions=self._suggest(_fold(name), self._tables()),
                ) from None
            raise AmbiguousError(
                f"institution name {name!r} is ambiguous: the name fits {regions}; "
                f"use an id ({ids[0]}) or a full name",
                query=name,
                candidates=ids,
            ) from None
        except NotFoundError:
            where = " in Aceh (KIP and Panwaslih are Aceh's names)" if within == _ACEH else ""
            raise NotFoundError(
                f"no institution named {name!r}: {rest!r} is not a region name{where}",
                query=name,
                suggestions=self._suggest(_fold(name), self._tables()),
            ) from None

    def _body_id(self, body: str, code: str) -> str | None:
        kinds, prefix = _BODIES[body]
        if prefix is not None:
            return f"{prefix}-{code}" if f"{prefix}-{code}" in self else None
        units = [u for u in self._tables().by_body_region.get(code, []) if u.kind in kinds]
        return units[0].id if len(units) == 1 else None

    def _suggest(self, key: str, tables: _Index) -> list[str]:
        close = difflib.get_close_matches(key, list(tables.names), n=5, cutoff=0.75)
        return list(dict.fromkeys(self._by_id[i].name for k in close for i in tables.names[k]))

    def _not_found(self, name: str, key: str, tables: _Index) -> NotFoundError:
        close = self._suggest(key, tables)
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        return NotFoundError(f"no institution named {name!r}{hint}", query=name, suggestions=close)

    # --- regions ------------------------------------------------------------

    def _region_code(self, region: str | Region) -> str:
        if isinstance(region, Region):
            return region.code
        if not isinstance(region, str):
            raise NotFoundError(
                f"a region must be a code, a name or a Region, not {type(region).__name__}",
                query=repr(region),
            )
        text = region.strip()
        if _CODE.fullmatch(text):
            if self.regions.get(text) is None:
                raise NotFoundError(f"no region with code {text!r}", query=text)
            return text
        return self.regions.lookup(text).code

    def covering_areas(
        self,
        region: str | Region,
        on: dt.date | str | None = None,
        *,
        kinds: Iterable[InstitutionKind | str] | None = None,
        basis: Basis | str | None = None,
    ) -> tuple[tuple[Institution, JurisdictionArea], ...]:
        """Like :meth:`covering`, with the jurisdiction area that puts each unit there.

        The area says whether the unit covers the whole region or part of it,
        whether a source states it or it is presumed from the unit's name
        (its ``basis``), and why (its ``note`` and ``sources``).

        Example:
            >>> import pemilu_pks as pk
            >>> [(unit.id, area.extent.value, area.basis.value) for unit, area in
            ...  pk.load().institutions.covering_areas("36.03", on="2024-02-14")]  # doctest: +NORMALIZE_WHITESPACE
            [('polres-metro-tangerang-kota', 'partial', 'stated'),
             ('polres-tangerang-selatan', 'partial', 'stated'),
             ('polresta-tangerang', 'partial', 'stated'),
             ('polda-banten', 'partial', 'stated'), ('polda-metro-jaya', 'partial', 'stated')]
        """
        day = as_day(on)
        wanted = _kinds(kinds)
        wanted_basis = _basis(basis)
        code = self._region_code(region)
        tables = self._tables()
        found: dict[str, tuple[Institution, JurisdictionArea]] = {}
        for candidate in _ancestors_and_self(code):
            for institution, area in tables.by_region.get(candidate, []):
                if institution.kind not in wanted or institution.id in found:
                    continue
                if wanted_basis is not None and area.basis is not wanted_basis:
                    continue
                if candidate != code and area.extent is not Extent.WHOLE:
                    continue  # part of an enclosing region: not known to hold this one
                if area.valid_on(day) and institution.exists_on(day):
                    found[institution.id] = (institution, area)
        return tuple(sorted(found.values(), key=lambda pair: (_tier(pair[0]), pair[0].id)))

    def covering(
        self,
        region: str | Region,
        on: dt.date | str | None = None,
        *,
        kinds: Iterable[InstitutionKind | str] | None = None,
        basis: Basis | str | None = None,
    ) -> tuple[Institution, ...]:
        """The units whose jurisdiction holds *region* (on day *on*), most local first.

        A unit holds a region when one of its jurisdiction areas is that
        region (whole or partial) or encloses it whole.  Police areas do not
        follow administrative borders: Kabupaten Padang Lawas Utara is policed
        by Polres Tapanuli Selatan, Kota Bekasi by Polda Metro Jaya, and
        Papua Tengah by Polda Papua until Polda Papua Tengah began on
        30 Nov 2024.  A part of a region covered only partly (a kecamatan of
        Kabupaten Tangerang) is not attributed to any unit of that level.

        Most Polres are known to cover their regency only by their name: such
        areas are *presumed* (see :class:`~pemilu_pks.Basis`) and are returned
        unless ``basis="stated"`` asks for what a source states.  Use
        :meth:`covering_areas` to see each unit's basis.

        Args:
            region: A region code ("12.20"), any name the region registry
                accepts ("Paluta", "Kabupaten Padang Lawas Utara") or a Region.
            on: The day, as a date or ``YYYY-MM-DD``; None ignores validity dates.
            kinds: Institution kinds to return; by default the territorial
                police (Polda, Polres, Polresta, Polrestabes, Polsek).  Pass
                e.g. ``["kpu", "bawaslu"]`` for the election bodies of the region.
            basis: ``"stated"`` for areas a cited source states, ``"presumed"``
                for areas presumed from a unit's name, None (the default) for both.

        Returns:
            The units, Polsek before Polres before Polda before Polri; election
            bodies and others by their region's level (regency first).

        Raises:
            NotFoundError: The region is unknown, or a kind is not an
                institution kind.
            AmbiguousError: The region name fits several regions.
            DateParseError: *on* is not a date.
            ValidationError: *basis* is not ``"stated"``, ``"presumed"`` or None.

        Example:
            >>> import pemilu_pks as pk
            >>> [unit.id for unit in pk.load().institutions.covering("Papua Tengah", on="2024-06-01")]
            ['polda-papua']
            >>> [unit.id for unit in pk.load().institutions.covering("94", on="2024-12-01")]
            ['polda-papua-tengah']
        """
        return tuple(unit for unit, _ in self.covering_areas(region, on, kinds=kinds, basis=basis))

    def for_region(
        self, region: str | Region, kind: InstitutionKind | str | None = None
    ) -> tuple[Institution, ...]:
        """The institutions constituted for *region* (their ``region`` field), optionally of one kind.

        Args:
            region: A region code, a name the region registry accepts, or a Region.
            kind: Only institutions of this kind.

        Returns:
            The institutions, in id order (the KPU and Bawaslu of a region,
            the police unit named for it).

        Raises:
            NotFoundError: The region or the kind is unknown.
            AmbiguousError: The region name fits several regions.

        Example:
            >>> import pemilu_pks as pk
            >>> [i.id for i in pk.load().institutions.for_region("Kalsel")]
            ['bawaslu-63', 'kpu-63', 'polda-kalimantan-selatan']
            >>> pk.load().institutions.for_region("63.71", "kpu")[0].name
            'KPU Kota Banjarmasin'
        """
        code = self._region_code(region)
        wanted = _kinds([kind]) if kind is not None else None
        units = self._tables().by_body_region.get(code, [])
        return tuple(
            sorted((u for u in units if wanted is None or u.kind in wanted), key=lambda u: u.id)
        )

    def of_kind(self, kind: InstitutionKind | str) -> tuple[Institution, ...]:
        """All institutions of one kind, in id order.

        Example:
            >>> import pemilu_pks as pk
            >>> len(pk.load().institutions.of_kind("kpu"))
            553
        """
        wanted = _kinds([kind])
        return tuple(unit for unit in self if unit.kind in wanted)
