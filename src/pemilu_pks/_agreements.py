"""The agreements and the queries over them: filters, lineage and their indexes.

The indexes (by region, institution, kind, parent, ceremony) are built the
first time a query needs them, once per collection, under a lock.  Region
queries use Kemendagri codes' prefix structure (``63.71.01`` lies inside
``63.71`` inside ``63``), so an index lookup is a handful of dictionary reads
however many agreements there are.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from ._locks import lock
from ._model import Agreement, Institution, InstitutionKind, Instrument, Region, ScopeItem
from ._query import Selection
from ._records import Records, context, required
from ._text import fold
from .exceptions import DateParseError, NotFoundError, ValidationError

if TYPE_CHECKING:  # pragma: no cover
    from ._institutions import Institutions
    from ._regions import Regions

__all__ = ["Agreements", "agreement_row", "code_ancestors"]

T = TypeVar("T")
Dates = Literal["possible", "certain"]
_CODE = re.compile(r"^(?:ID|\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?)$")
_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
COUNTRY = "ID"


def code_ancestors(code: str) -> Iterator[str]:
    """The codes of the regions enclosing *code*, nearest first, without the country.

    Example:
        >>> list(code_ancestors("63.71.01.1001"))
        ['63.71.01', '63.71', '63']
    """
    parts = code.split(".")
    for end in range(len(parts) - 1, 0, -1):
        yield ".".join(parts[:end])


class _Index:
    """Lookup tables over one collection of agreements (built once)."""

    __slots__ = (
        "below",
        "by_institution",
        "by_kind",
        "by_parent",
        "ceremony",
        "covering",
        "haystack",
    )

    def __init__(self, agreements: Iterable[Agreement], institutions: Institutions | None) -> None:
        #: agreement id -> folded text for ``text=`` queries, filled on the first one
        self.haystack: dict[str, str] = {}
        #: region code -> ids of agreements with a party (or police area) at or below it
        self.below: dict[str, set[str]] = {}
        #: region code -> ids of agreements whose police party's jurisdiction is that region
        self.covering: dict[str, set[str]] = {}
        self.by_institution: dict[str, set[str]] = {}
        self.by_kind: dict[InstitutionKind, set[str]] = {}
        self.by_parent: dict[str, list[str]] = {}
        self.ceremony: dict[str, set[str]] = {}
        for agreement in agreements:
            key = agreement.id
            for party in agreement.parties:
                self.by_institution.setdefault(party.institution, set()).add(key)
            if agreement.parent is not None:
                self.by_parent.setdefault(agreement.parent, []).append(key)
            for other in agreement.related:
                self.ceremony.setdefault(key, set()).add(other)
                self.ceremony.setdefault(other, set()).add(key)
        if institutions is None:  # the tables below read the parties' institutions
            return
        # Per institution, not per agreement: thousands of agreements share a party.
        for institution_id, keys in self.by_institution.items():
            institution = institutions.get(institution_id)
            if institution is None:
                continue
            self.by_kind.setdefault(institution.kind, set()).update(keys)
            for code, covers in institution_anchors(institution):
                for region in (code, *code_ancestors(code)):
                    self.below.setdefault(region, set()).update(keys)
                if covers and code != COUNTRY:
                    self.covering.setdefault(code, set()).update(keys)

    def region(self, code: str) -> set[str]:
        """Ids of the agreements matching region *code* (see :meth:`Agreements.filter`)."""
        found = set(self.below.get(code, ()))
        for ancestor in code_ancestors(code):
            found |= self.covering.get(ancestor, set())
        return found


def institution_anchors(institution: Institution) -> Iterator[tuple[str, bool]]:
    """The region codes an institution ties an agreement to: ``(code, is_police_area)``.

    Its own region, and for a police unit each region of its jurisdiction
    (whole or partial, at any time).
    """
    if institution.region is not None:
        yield institution.region, False
    if institution.kind.is_police:
        for area in institution.jurisdiction:
            yield area.region, True


def anchors(agreement: Agreement, institutions: Institutions) -> Iterator[tuple[str, bool]]:
    """The region codes of all an agreement's parties (see :func:`institution_anchors`)."""
    for party in agreement.parties:
        institution: Institution | None = institutions.get(party.institution)
        if institution is not None:
            yield from institution_anchors(institution)


def _matches_region(agreement: Agreement, code: str, institutions: Institutions) -> bool:
    """The region rule, checked on one agreement without an index (for scans and tests)."""
    if code == COUNTRY:
        return True
    for anchor, covers in anchors(agreement, institutions):
        if anchor == code or anchor.startswith(code + "."):
            return True
        if covers and anchor != COUNTRY and code.startswith(anchor + "."):
            return True
    return False


def _haystack(agreement: Agreement, institutions: Institutions | None) -> str:
    words: list[str | None] = [
        agreement.id,
        agreement.title,
        agreement.instrument_term,
        agreement.scope_text,
        agreement.parent_text,
        agreement.signing.venue,
        agreement.signing.city,
        agreement.signing.date.text,
        *agreement.notes,
        *agreement.witnesses,
    ]
    for party in agreement.parties:
        words += [party.institution, party.name_as_written, party.document_number]
        institution = institutions.get(party.institution) if institutions is not None else None
        if institution is not None:
            words += [institution.name, institution.local_name, *institution.aliases]
    for signatory in agreement.signatories:
        words += [signatory.name, signatory.post, signatory.rank_as_written]
    return fold("\n".join(word for word in words if word))


def _no_day(text: str) -> dt.date:
    raise ValueError(text)


def parse_bound(value: dt.date | str | None, *, end: bool, name: str) -> dt.date | None:
    """Read a ``signed_from``/``signed_to`` bound: a date, ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    A year or month stands for its first day as a start and its last day as an end.

    Raises:
        DateParseError: The value is not one of these forms.
    """
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if isinstance(value, str):
        text = value.strip()
        partial = _PARTIAL_DATE.fullmatch(text)
        try:
            if partial is None:
                # Only YYYY-MM-DD: Python 3.11+ would also read "20230925" and week dates.
                return dt.date.fromisoformat(text) if _ISO_DAY.fullmatch(text) else _no_day(text)
            year, month = int(partial.group(1)), partial.group(2)
            if month is None:
                return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
            first = dt.date(year, int(month), 1)
            if not end:
                return first
            following = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        except ValueError:
            pass
    raise DateParseError(f"{name}: {value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")


_ARGUMENT_TYPES: dict[str, tuple[type[Any], ...]] = {
    "region": (str, Region),
    "institution": (str, Institution),
    "text": (str,),
    "implements": (str, Agreement),
    "scope": (str, ScopeItem, list, tuple, set, frozenset),
}


def _check_types(**arguments: Any) -> None:
    """Refuse filter arguments of the wrong type before they reach an index."""
    for name, value in arguments.items():
        allowed = _ARGUMENT_TYPES[name]
        if value is not None and not isinstance(value, allowed):
            expected = " or ".join(t.__name__ for t in allowed[:2])
            raise ValidationError([(name, f"expected {expected}, got {type(value).__name__}")])


def _choice(value: Any, enum_type: type[Any], name: str) -> Any:
    if isinstance(value, enum_type):
        return value
    if isinstance(value, str):
        try:
            return enum_type(value.strip().casefold())
        except ValueError:
            pass
    allowed = ", ".join(repr(member.value) for member in enum_type)
    raise ValidationError([(name, f"{value!r} is not one of {allowed}")])


def agreement_row(
    agreement: Agreement, institutions: Institutions | None = None, sources: Any = None
) -> dict[str, Any]:
    """One flat row for an agreement: the columns of CSV exports and DataFrames.

    Party and signatory names are resolved through *institutions*; source
    URLs through *sources* (any registry with ``get``), when given.
    """

    def name(institution_id: str) -> str:
        institution = institutions.get(institution_id) if institutions is not None else None
        return institution.name if institution is not None else institution_id

    def kinds(institution_id: str) -> InstitutionKind | None:
        institution = institutions.get(institution_id) if institutions is not None else None
        return institution.kind if institution is not None else None

    date = agreement.signing.date
    first, last = date.first_possible(), date.last_possible()
    signatories = []
    for signatory in agreement.signatories:
        post = ", ".join(part for part in (signatory.post, name(signatory.party)) if part)
        signatories.append(f"{signatory.name or '(not named)'} ({post})")
    urls = []
    for ref in agreement.sources:
        source = sources.get(ref.source) if sources is not None else None
        urls.append(source.url if source is not None and source.url else ref.source)
    return {
        "id": agreement.id,
        "instrument": agreement.instrument.value,
        "signed": str(date),
        "signed_earliest": first.isoformat() if first is not None else None,
        "signed_latest": last.isoformat() if last is not None else None,
        "date_exact": date.is_exact,
        "parties": "; ".join(name(party.institution) for party in agreement.parties),
        "election_bodies": "; ".join(
            name(p.institution)
            for p in agreement.parties
            if (kind := kinds(p.institution)) is not None and kind.is_election_body
        ),
        "police": "; ".join(
            name(p.institution)
            for p in agreement.parties
            if (kind := kinds(p.institution)) is not None and kind.is_police
        ),
        "document_numbers": "; ".join(
            p.document_number for p in agreement.parties if p.document_number
        ),
        "signatories": "; ".join(signatories),
        "city": agreement.signing.city,
        "venue": agreement.signing.venue,
        "place": agreement.signing.place,
        "scope": "; ".join(item.value for item in agreement.scope),
        "title": agreement.title,
        "parent": agreement.parent,
        "related": "; ".join(agreement.related),
        "sources": "; ".join(urls),
        "confidence": agreement.confidence.value,
        "notes": " | ".join(agreement.notes),
    }


class Agreements(Records[Agreement]):
    """The agreements, by id, with filters and lineage.

    Region and name filters need the regions and institutions the agreements
    refer to: a :class:`~pemilu_pks.Dataset` passes its own.  Built without
    them, the collection answers from its own records (ids, dates, instrument,
    scope, text, lineage; rows name parties by id) and raises a
    :class:`~pemilu_pks.PemiluPksError` saying what it needs for a filter that
    reads regions or institutions.

    Args:
        agreements: The agreements; ids must be unique.
        regions: The region hierarchy (or a function returning it, called on first use).
        institutions: The institutions (or a function returning them).
        sources: The sources, for URLs in rows (or a function returning them).

    Example:
        >>> import pemilu_pks as pk
        >>> agreements = pk.load().agreements
        >>> len(agreements.filter(region="Kalsel", signed_from="2023-09-01")) <= len(agreements)
        True
    """

    __slots__ = ("_index", "_index_lock", "_institutions", "_regions", "_sources")

    def __init__(
        self,
        agreements: Iterable[Agreement],
        *,
        regions: Regions | Callable[[], Regions] | None = None,
        institutions: Institutions | Callable[[], Institutions] | None = None,
        sources: Any = None,
    ) -> None:
        super().__init__(agreements, kind="agreement")
        self._regions = context(regions)
        self._institutions = context(institutions)
        self._sources = context(sources)
        self._index: _Index | None = None
        self._index_lock = lock()

    # --- context -------------------------------------------------------------

    @property
    def regions(self) -> Regions:
        """The regions these agreements are read against.

        Raises:
            PemiluPksError: The collection was built without regions.
        """
        return required(
            self._regions, owner="Agreements", what="regions", example="pk.load().agreements"
        )

    @property
    def institutions(self) -> Institutions:
        """The institutions these agreements' parties are read against.

        Raises:
            PemiluPksError: The collection was built without institutions.
        """
        return required(
            self._institutions,
            owner="Agreements",
            what="institutions",
            example="pk.load().agreements",
        )

    def _known_institutions(self) -> Institutions | None:
        return None if self._institutions is None else self._institutions()

    def _built_index(self) -> _Index:
        index = self._index
        if index is None:
            with self._index_lock:
                if self._index is None:
                    self._index = _Index(self, self._known_institutions())
                index = self._index
        return index

    def _haystack(self) -> dict[str, str]:
        index = self._built_index()
        if not index.haystack:
            with self._index_lock:
                if not index.haystack:
                    institutions = self._known_institutions()
                    index.haystack = {a.id: _haystack(a, institutions) for a in self}
        return index.haystack

    def build_index(self) -> None:
        """Build the query indexes now rather than on the first query (they are built once)."""
        self._built_index()

    def _select(self, ids: Iterable[str]) -> Selection[Agreement]:
        by_id = self._by_id
        records = [by_id[i] for i in sorted(set(ids)) if i in by_id]
        return Selection(records, kind="agreement", row=self.row, refine=self.filter)

    def row(self, agreement: Agreement) -> dict[str, Any]:
        """One flat row for *agreement* (see ``agreement_row``).

        Raises:
            ValidationError: *agreement* is not an :class:`~pemilu_pks.Agreement`.
        """
        given: object = agreement  # callers without type checking may pass anything
        if not isinstance(given, Agreement):
            raise ValidationError(
                [("agreement", f"expected an Agreement, got {type(given).__name__}")]
            )
        sources = None if self._sources is None else self._sources()
        return agreement_row(agreement, self._known_institutions(), sources)

    def resolve_region(self, region: str | Region) -> str:
        """The code of *region*: a Region, a code, or any name ``regions.lookup`` accepts.

        Raises:
            NotFoundError: No region has this code or name.
            AmbiguousError: The name fits several regions.
        """
        given: object = region  # callers without type checking may pass anything
        if isinstance(given, Region):
            return given.code
        if not isinstance(given, str):
            raise ValidationError(
                [("region", f"expected a name, a code or a Region, got {type(given).__name__}")]
            )
        text = given.strip()
        if _CODE.match(text.upper() if text.casefold() == "id" else text):
            code = text.upper() if text.casefold() == "id" else text
            if code == COUNTRY or self.regions.get(code) is not None:
                return code
            raise NotFoundError(f"no region with code {text!r}", query=text)
        return self.regions.lookup(text).code

    def resolve_institution(self, institution: str | Institution) -> Institution:
        """The institution *institution* names: an Institution, an id or a name.

        Raises:
            NotFoundError: Nothing has this id or name.
            AmbiguousError: The name fits several institutions.
        """
        if isinstance(institution, Institution):
            return institution
        found: Institution | None = self.institutions.get(institution)
        return found if found is not None else self.institutions.lookup(institution)

    # --- queries ---------------------------------------------------------------

    def filter(
        self,
        *,
        region: str | Region | None = None,
        body: str | InstitutionKind | None = None,
        institution: str | Institution | None = None,
        instrument: str | Instrument | None = None,
        scope: str | ScopeItem | Iterable[str | ScopeItem] | None = None,
        signed_from: dt.date | str | None = None,
        signed_to: dt.date | str | None = None,
        dates: Dates = "possible",
        text: str | None = None,
        implements: str | Agreement | None = None,
    ) -> Selection[Agreement]:
        """The agreements that meet every criterion given, in id (date) order.

        Args:
            region: A region name (anything ``regions.lookup`` accepts, such as
                ``"Kalsel"`` or ``"Kab. Tapsel"``), a code (``"63"``) or a
                Region.  Matches agreements with a party constituted for that
                region or a region inside it, and agreements whose police
                party's jurisdiction covers it or lies inside it (whole or
                partial, at any time).  Polri's national jurisdiction is not
                counted: the national MoU matches only ``"ID"``.
            body: ``"kpu"`` or ``"bawaslu"`` (or any institution kind, such as
                ``"polda"``): some party is of that kind.
            institution: An institution id or name (``"Polda Sulsel"``): it is a party.
            instrument: ``"mou"``, ``"pks"``, ``"addendum"`` or ``"other"``.
            scope: A scope item (``"law_enforcement"``) or several; all must be listed.
            signed_from: First day, as a date or ``YYYY-MM-DD``; ``YYYY-MM`` and
                ``YYYY`` mean the first day of that month or year.
            signed_to: Last day, in the same forms (``"2024"`` = 31 Dec 2024).
            dates: For dates known only within bounds: ``"possible"`` (the
                default) keeps an agreement if it may have been signed in the
                period; ``"certain"`` only if it must have been.
            text: Words that must all occur (ignoring case, character width
                and invisible characters such as zero-width spaces) in the title,
                scope text, notes, venue, party names or signatory names.
            implements: An agreement (or id): keep those whose parent it is.

        Returns:
            The matching agreements as a :class:`~pemilu_pks.Selection`.

        Raises:
            NotFoundError: The region, institution or *implements* agreement does not exist.
            AmbiguousError: The region or institution name fits several.
            DateParseError: A date bound is malformed.
            ValidationError: *body*, *instrument*, *scope* or *dates* is not an allowed value.

        Example:
            >>> import datetime as dt
            >>> import pemilu_pks as pk
            >>> bawaslu_2024 = pk.load().agreements.filter(body="bawaslu", signed_from="2024", signed_to="2024")
            >>> all(a.signing.date.possibly_within(dt.date(2024, 1, 1), dt.date(2024, 12, 31)) for a in bawaslu_2024)
            True
        """
        _check_types(region=region, institution=institution, text=text, implements=implements,
                     scope=scope)  # fmt: skip
        if dates not in ("possible", "certain"):
            raise ValidationError([("dates", f"{dates!r} is not one of 'possible', 'certain'")])
        start = parse_bound(signed_from, end=False, name="signed_from")
        end = parse_bound(signed_to, end=True, name="signed_to")
        if start is not None and end is not None and end < start:
            raise DateParseError(f"signed_to ({end}) is before signed_from ({start})")
        kind = _choice(body, InstitutionKind, "body") if body is not None else None
        kind_of_instrument = (
            _choice(instrument, Instrument, "instrument") if instrument is not None else None
        )
        items: tuple[ScopeItem, ...] = ()
        if scope is not None:
            many = scope if not isinstance(scope, str | ScopeItem) else (scope,)
            items = tuple(_choice(item, ScopeItem, "scope") for item in many)
        terms = fold(text).split() if text else []

        haystack = self._haystack() if terms else {}
        candidates = self._candidates(region, kind, institution, implements)
        pool = self._by_id.values() if candidates is None else (self._by_id[i] for i in candidates)

        within = "certainly_within" if dates == "certain" else "possibly_within"
        chosen = []
        for agreement in pool:
            if kind_of_instrument is not None and agreement.instrument is not kind_of_instrument:
                continue
            if items and not set(items) <= set(agreement.scope):
                continue
            if (start is not None or end is not None) and not getattr(
                agreement.signing.date, within
            )(start, end):
                continue
            if terms and not all(term in haystack[agreement.id] for term in terms):
                continue
            chosen.append(agreement.id)
        return self._select(chosen)

    def _candidates(
        self,
        region: str | Region | None,
        kind: InstitutionKind | None,
        institution: str | Institution | None,
        implements: str | Agreement | None,
    ) -> set[str] | None:
        """The ids the indexed criteria allow; None when none was given."""
        if region is None and kind is None and institution is None and implements is None:
            return None
        if region is not None or kind is not None or institution is not None:
            _ = self.institutions  # they read the parties: raise now if there are none
        index = self._built_index()
        found: list[Iterable[str]] = []
        if region is not None:
            code = self.resolve_region(region)
            found.append(self.ids if code == COUNTRY else index.region(code))
        if institution is not None:
            found.append(index.by_institution.get(self.resolve_institution(institution).id, ()))
        if kind is not None:
            found.append(index.by_kind.get(kind, ()))
        if implements is not None:
            found.append(index.by_parent.get(self._id(implements), ()))
        smallest, *others = sorted((set(ids) for ids in found), key=len)
        return smallest.intersection(*others)

    def _scan_region(self, region: str) -> Selection[Agreement]:
        """``filter(region=...)`` without the index: the linear scan benchmarks compare against."""
        code = self.resolve_region(region)
        institutions = self.institutions
        return self._select(a.id for a in self if _matches_region(a, code, institutions))

    # --- lineage ----------------------------------------------------------------

    def _id(self, agreement: str | Agreement) -> str:
        given: object = agreement  # callers without type checking may pass anything
        if not isinstance(given, str | Agreement):
            raise ValidationError(
                [("agreement", f"expected an id or an Agreement, got {type(given).__name__}")]
            )
        key = given if isinstance(given, str) else given.id
        self.lookup(key)
        return key

    def implementing(
        self, agreement: str | Agreement, *, transitive: bool = False
    ) -> Selection[Agreement]:
        """The agreements that implement *agreement* (name it as their parent).

        Args:
            agreement: An agreement or its id (the national MoU, say).
            transitive: Also those implementing the implementing ones, at any depth.

        Raises:
            NotFoundError: There is no agreement with this id.

        Example:
            >>> import pemilu_pks as pk
            >>> agreements = pk.load().agreements
            >>> mou = "2022-12-29-kpu-ri-polri"
            >>> mou not in agreements or all(a.parent == mou for a in agreements.implementing(mou))
            True
        """
        index = self._built_index()
        todo = [self._id(agreement)]
        found: set[str] = set()
        while todo:
            children = [c for c in index.by_parent.get(todo.pop(), ()) if c not in found]
            found.update(children)
            if transitive:
                todo.extend(children)
        return self._select(found)

    def same_ceremony(self, agreement: str | Agreement) -> Selection[Agreement]:
        """The other agreements signed at the same ceremony as *agreement*.

        ``related`` is read both ways, and through chains of records: if A
        names B and B names C, all three were signed together.

        Raises:
            NotFoundError: There is no agreement with this id.
        """
        index = self._built_index()
        start = self._id(agreement)
        seen = {start}
        todo = [start]
        while todo:
            for other in index.ceremony.get(todo.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        return self._select(seen - {start})

    def lineage(self, agreement: str | Agreement) -> tuple[Agreement, ...]:
        """*agreement* and the chain of agreements it implements, up to the root (the MoU).

        A parent that is not in the collection ends the chain; so does a cycle.

        Raises:
            NotFoundError: There is no agreement with this id.
        """
        chain = [self.lookup(self._id(agreement))]
        seen = {chain[0].id}
        while (parent := chain[-1].parent) is not None and parent not in seen:
            record = self.get(parent)
            if record is None:
                break
            chain.append(record)
            seen.add(parent)
        return tuple(chain)

    def _repr_html_(self) -> str:
        return self._select(self.ids)._repr_html_()
