"""Hypothesis strategies for every model class, shared by all test modules.

Each strategy builds objects that pass the model's own validators.
:func:`datasets` builds a whole set of records whose references resolve
(institutions, people, sources, agreements), for round-trip and integrity
tests; its regions are the bundled province codes.
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

from hypothesis import strategies as st

from pemilu_pks import (
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
    PoliceRank,
    Post,
    Region,
    RegionLevel,
    ScopeItem,
    Signatory,
    Signing,
    Source,
    SourceRef,
    UncertainDate,
    Weekday,
)

__all__ = [
    "PROVINCE_CODES",
    "agreements",
    "datasets",
    "dates",
    "figures",
    "institutions",
    "jurisdiction_areas",
    "parties",
    "people",
    "posts",
    "record_ids",
    "region_codes",
    "regions",
    "signatories",
    "signings",
    "source_refs",
    "sources",
    "texts",
    "uncertain_dates",
]

#: Province codes of the bundled regions (Kepmendagri 300.2.2-2138/2025).
PROVINCE_CODES = (
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33",
    "34", "35", "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72",
    "73", "74", "75", "76", "81", "82", "91", "92", "93", "94", "95", "96",
)  # fmt: skip

# Text as curated JSON holds it: any printable text, Indonesian letters and all,
# but no surrogates (JSON text is UTF-8).
_TEXT_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))


def texts(*, min_size: int = 1, max_size: int = 30) -> st.SearchStrategy[str]:
    """Non-empty free text (names, titles, notes)."""
    return st.text(_TEXT_CHARS, min_size=min_size, max_size=max_size).filter(str.strip)


def _or_ids(strategy: st.SearchStrategy[str] | None) -> st.SearchStrategy[str]:
    return strategy if strategy is not None else record_ids()


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """*strategy* or None."""
    return st.none() | strategy


def record_ids() -> st.SearchStrategy[str]:
    """Ids as the model accepts them: ``[a-z0-9][a-z0-9.-]*``."""
    first = st.sampled_from(string.ascii_lowercase + string.digits)
    rest = st.text(string.ascii_lowercase + string.digits + ".-", max_size=20)
    return st.builds(lambda a, b: a + b, first, rest)


def region_codes() -> st.SearchStrategy[str]:
    """Region codes of any level (the country, province, regency, district, village)."""
    two = st.integers(1, 99).map(lambda n: f"{n:02d}")
    four = st.integers(1, 9999).map(lambda n: f"{n:04d}")
    return st.one_of(
        st.just("ID"),
        two,
        st.builds(lambda a, b: f"{a}.{b}", two, two),
        st.builds(lambda a, b, c: f"{a}.{b}.{c}", two, two, two),
        st.builds(lambda a, b, c, d: f"{a}.{b}.{c}.{d}", two, two, two, four),
    )


def dates() -> st.SearchStrategy[dt.date]:
    """Days around the 2024 elections."""
    return st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def uncertain_dates(draw: st.DrawFn) -> UncertainDate:
    """Exact days and intervals, with or without a stated weekday that fits them."""
    earliest = draw(dates())
    latest = earliest + dt.timedelta(days=draw(st.integers(0, 400)))
    weekday = None
    if draw(st.booleans()):
        # Pick a weekday that occurs in the interval, so the date is possible.
        offset = draw(st.integers(0, min(6, (latest - earliest).days)))
        weekday = Weekday.of(earliest + dt.timedelta(days=offset))
    return UncertainDate(
        earliest=earliest,
        latest=latest,
        text=draw(optional(texts())),
        weekday=weekday,
        reasoning=draw(optional(texts(max_size=80))),
    )


@st.composite
def _validity(draw: st.DrawFn) -> tuple[dt.date | None, dt.date | None]:
    start = draw(optional(dates()))
    end = draw(optional(dates()))
    if start is not None and end is not None and end < start:
        start, end = end, start
    return start, end


@st.composite
def regions(draw: st.DrawFn) -> Region:
    """Regions of any level; the parent code is the code's prefix."""
    code = draw(region_codes().filter(lambda c: c != "ID"))
    depth = code.count(".") + 1
    level = {
        1: st.just(RegionLevel.PROVINCE),
        2: st.sampled_from([RegionLevel.REGENCY, RegionLevel.CITY]),
        3: st.just(RegionLevel.DISTRICT),
        4: st.sampled_from(
            [RegionLevel.VILLAGE, RegionLevel.URBAN_VILLAGE, RegionLevel.CUSTOMARY_VILLAGE]
        ),
    }[depth]
    parent = "ID" if depth == 1 else code.rsplit(".", 1)[0]
    return Region(
        code=code,
        name=draw(texts()),
        official_name=draw(texts()),
        level=draw(level),
        parent=parent,
        iso_3166_2=draw(optional(st.from_regex(r"\AID-[A-Z]{2}\Z"))) if depth == 1 else None,
    )


@st.composite
def jurisdiction_areas(
    draw: st.DrawFn,
    codes: st.SearchStrategy[str] | None = None,
    source_ids: st.SearchStrategy[str] | None = None,
) -> JurisdictionArea:
    """One region of a jurisdiction, whole or partial, stated (with sources) or presumed."""
    start, end = draw(_validity())
    basis = draw(st.sampled_from(Basis))
    cited = st.lists(_or_ids(source_ids), min_size=1 if basis is Basis.STATED else 0, max_size=2)
    return JurisdictionArea(
        region=draw(codes if codes is not None else region_codes()),
        extent=draw(st.sampled_from(Extent)),
        basis=basis,
        valid_from=start,
        valid_to=end,
        sources=tuple(draw(cited)),
        note=draw(optional(texts())),
    )


@st.composite
def institutions(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    codes: st.SearchStrategy[str] | None = None,
    parents: st.SearchStrategy[str | None] | None = None,
    source_ids: st.SearchStrategy[str] | None = None,
) -> Institution:
    """Institutions of every kind; references are free unless strategies are given."""
    codes = codes if codes is not None else region_codes()
    start, end = draw(_validity())
    return Institution(
        id=draw(ids if ids is not None else record_ids()),
        kind=draw(st.sampled_from(InstitutionKind)),
        name=draw(texts()),
        aliases=tuple(draw(st.lists(texts(), max_size=3))),
        local_name=draw(optional(texts())),
        parent=draw(parents if parents is not None else optional(record_ids())),
        region=draw(optional(codes)),
        seat=draw(optional(codes)),
        jurisdiction=tuple(draw(st.lists(jurisdiction_areas(codes, source_ids), max_size=3))),
        valid_from=start,
        valid_to=end,
        sources=tuple(draw(st.lists(_or_ids(source_ids), max_size=2))),
        notes=tuple(draw(st.lists(texts(), max_size=2))),
    )


@st.composite
def posts(
    draw: st.DrawFn,
    *,
    institution_ids: st.SearchStrategy[str] | None = None,
    source_ids: st.SearchStrategy[str] | None = None,
) -> Post:
    """Posts held, with the days they are known held."""
    start, end = draw(_validity())
    return Post(
        title=draw(texts()),
        institution=draw(optional(_or_ids(institution_ids))),
        rank=draw(optional(st.sampled_from(PoliceRank))),
        valid_from=start,
        valid_to=end,
        sources=tuple(draw(st.lists(_or_ids(source_ids), max_size=2))),
    )


@st.composite
def people(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    institution_ids: st.SearchStrategy[str] | None = None,
    source_ids: st.SearchStrategy[str] | None = None,
) -> Person:
    """People with name variants and posts."""
    return Person(
        id=draw(ids if ids is not None else record_ids()),
        name=draw(texts()),
        name_variants=tuple(draw(st.lists(texts(), max_size=2))),
        academic_titles=draw(optional(texts())),
        posts=tuple(
            draw(
                st.lists(posts(institution_ids=institution_ids, source_ids=source_ids), max_size=2)
            )
        ),
        sources=tuple(draw(st.lists(_or_ids(source_ids), max_size=2))),
    )


@st.composite
def sources(draw: st.DrawFn, *, ids: st.SearchStrategy[str] | None = None) -> Source:
    """Sources with a url, a title or both."""
    url = draw(optional(st.from_regex(r"\Ahttps://[a-z]{1,10}\.id/[a-z0-9/-]{0,20}\Z")))
    title = draw(texts() if url is None else optional(texts()))
    return Source(
        id=draw(ids if ids is not None else record_ids()),
        url=url,
        publisher=draw(optional(texts())),
        title=title,
        published=draw(optional(dates())),
        language=draw(st.sampled_from(["id", "en"])),
        notes=tuple(draw(st.lists(texts(), max_size=2))),
    )


def source_refs(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[SourceRef]:
    """Citations of a source, with supported fields and a note."""
    return st.builds(
        SourceRef,
        source=ids if ids is not None else record_ids(),
        supports=st.lists(st.sampled_from(["signing", "signatories", "parties", "scope"]), max_size=2,
                          unique=True).map(tuple),
        note=optional(texts()),
    )  # fmt: skip


def parties(institution_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Party]:
    """One party, with the name as written and its own document number."""
    return st.builds(
        Party,
        institution=institution_ids if institution_ids is not None else record_ids(),
        name_as_written=optional(texts()),
        document_number=optional(texts()),
    )


@st.composite
def signatories(
    draw: st.DrawFn,
    party_ids: st.SearchStrategy[str] | None = None,
    person_ids: st.SearchStrategy[str | None] | None = None,
) -> Signatory:
    """Someone who signed for a party, with rank and titles as written."""
    rank = draw(optional(st.sampled_from(PoliceRank)))
    return Signatory(
        party=draw(party_ids if party_ids is not None else record_ids()),
        name=draw(optional(texts())),
        person=draw(person_ids if person_ids is not None else optional(record_ids())),
        post=draw(optional(texts())),
        rank=rank,
        rank_as_written=None if rank is None else rank.abbreviation,
        academic_titles=draw(optional(texts())),
        note=draw(optional(texts())),
    )


def signings(codes: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Signing]:
    """When and where an agreement was signed."""
    return st.builds(
        Signing,
        date=uncertain_dates(),
        venue=optional(texts()),
        city=optional(texts()),
        place=optional(codes if codes is not None else region_codes()),
    )


def figures() -> st.SearchStrategy[Figure]:
    """Numbers a source states."""
    return st.builds(
        Figure,
        key=st.from_regex(r"\A[a-z][a-z_]{0,20}\Z"),
        value=st.integers(0, 10**7),
        text=optional(texts()),
    )


@st.composite
def agreements(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    institution_ids: st.SearchStrategy[str] | None = None,
    person_ids: st.SearchStrategy[str] | None = None,
    source_ids: st.SearchStrategy[str] | None = None,
    codes: st.SearchStrategy[str] | None = None,
    parents: st.SearchStrategy[str | None] | None = None,
) -> Agreement:
    """Agreements with 2–4 distinct parties and signatories for those parties."""
    party_ids = draw(st.lists(_or_ids(institution_ids), min_size=2, max_size=4, unique=True))
    the_parties = tuple(draw(parties(st.just(i))) for i in party_ids)
    the_signatories = draw(
        st.lists(
            signatories(st.sampled_from(party_ids), optional(_or_ids(person_ids))),
            max_size=3,
        )
    )
    return Agreement(
        id=draw(ids if ids is not None else record_ids()),
        instrument=draw(st.sampled_from(Instrument)),
        instrument_term=draw(optional(texts())),
        title=draw(optional(texts())),
        parties=the_parties,
        signatories=tuple(the_signatories),
        signing=draw(signings(codes)),
        scope=tuple(draw(st.lists(st.sampled_from(ScopeItem), unique=True))),
        scope_text=draw(optional(texts())),
        parent=draw(parents if parents is not None else optional(record_ids())),
        parent_text=draw(optional(texts())),
        related=(),
        witnesses=tuple(draw(st.lists(texts(), max_size=3))),
        figures=tuple(draw(st.lists(figures(), max_size=2))),
        sources=tuple(draw(st.lists(source_refs(source_ids), min_size=1, max_size=2))),
        notes=tuple(draw(st.lists(texts(), max_size=2))),
        confidence=draw(st.sampled_from(Confidence)),
    )


@st.composite
def datasets(draw: st.DrawFn) -> dict[str, list[Any]]:
    """A consistent set of records: every reference resolves, no cycles.

    Returns:
        ``{"institutions": [...], "people": [...], "sources": [...],
        "agreements": [...]}``; region codes are bundled province codes, police
        units cover the regions of the election bodies they sign with.
    """
    source_list = draw(st.lists(sources(), min_size=1, max_size=4, unique_by=lambda s: s.id))
    source_ids = st.sampled_from([s.id for s in source_list])
    codes = st.sampled_from(PROVINCE_CODES)

    # Institutions: national bodies are the root; others may hang below earlier ones,
    # so parent links cannot form a cycle.
    count = draw(st.integers(2, 4))
    inst_ids = draw(st.lists(record_ids(), min_size=count, max_size=count, unique=True))
    institution_list: list[Institution] = []
    for index, inst_id in enumerate(inst_ids):
        parent = st.none() if index == 0 else optional(st.sampled_from(inst_ids[:index]))
        base = draw(institutions(ids=st.just(inst_id), codes=codes, parents=parent,
                                 source_ids=source_ids))  # fmt: skip
        # No region and no jurisdiction: coverage cannot be checked, so never inconsistent.
        institution_list.append(_replace(base, region=None, jurisdiction=()))
    institution_ids = st.sampled_from(inst_ids)

    person_list = draw(
        st.lists(
            people(institution_ids=institution_ids, source_ids=source_ids),
            max_size=3,
            unique_by=lambda p: p.id,
        )
    )
    person_ids = st.sampled_from([p.id for p in person_list]) if person_list else None

    agreement_ids = draw(st.lists(record_ids(), max_size=3, unique=True))
    agreement_list: list[Agreement] = []
    for index, agreement_id in enumerate(agreement_ids):
        parent = st.none() if index == 0 else optional(st.sampled_from(agreement_ids[:index]))
        agreement_list.append(
            draw(
                agreements(
                    ids=st.just(agreement_id),
                    institution_ids=institution_ids,
                    person_ids=person_ids if person_ids is not None else st.nothing(),
                    source_ids=source_ids,
                    codes=codes,
                    parents=parent,
                )
            )
        )
    if not person_list:
        agreement_list = [
            _replace(a, signatories=tuple(_replace(s, person=None) for s in a.signatories))
            for a in agreement_list
        ]
    return {
        "institutions": institution_list,
        "people": person_list,
        "sources": source_list,
        "agreements": agreement_list,
    }


def _replace(obj: Any, **changes: Any) -> Any:
    import attrs

    return attrs.evolve(obj, **changes)
