"""The domain model: regions, institutions, people, agreements and their sources.

Every class is a frozen, slotted, keyword-only attrs class: records are
immutable, hashable and compare by value.  Records refer to each other by
stable string ids (an agreement names its parties' institution ids), never by
nesting, so each record type lives in its own file and references can be
checked (see :mod:`pemilu_pks._integrity`).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any

import attrs

from ._dates import UncertainDate
from ._ranks import PoliceRank

__all__ = [
    "Agreement",
    "Basis",
    "Confidence",
    "Extent",
    "Figure",
    "Institution",
    "InstitutionKind",
    "Instrument",
    "JurisdictionArea",
    "Party",
    "Person",
    "Post",
    "Region",
    "RegionLevel",
    "ScopeItem",
    "Signatory",
    "Signing",
    "Source",
    "SourceRef",
]

# --- closed vocabularies -----------------------------------------------------


class RegionLevel(enum.Enum):
    """The level of a region in the Kemendagri hierarchy."""

    COUNTRY = "country"
    PROVINCE = "province"
    REGENCY = "regency"
    """Kabupaten."""
    CITY = "city"
    """Kota."""
    DISTRICT = "district"
    """Kecamatan (distrik in Papua)."""
    VILLAGE = "village"
    """Desa (kampung, gampong, nagari)."""
    URBAN_VILLAGE = "urban_village"
    """Kelurahan."""
    CUSTOMARY_VILLAGE = "customary_village"
    """Desa adat."""

    @property
    def depth(self) -> int:
        """0 for the country, 1 province, 2 regency or city, 3 district, 4 village."""
        return _LEVEL_DEPTH[self]


_LEVEL_DEPTH = {
    RegionLevel.COUNTRY: 0,
    RegionLevel.PROVINCE: 1,
    RegionLevel.REGENCY: 2,
    RegionLevel.CITY: 2,
    RegionLevel.DISTRICT: 3,
    RegionLevel.VILLAGE: 4,
    RegionLevel.URBAN_VILLAGE: 4,
    RegionLevel.CUSTOMARY_VILLAGE: 4,
}


class InstitutionKind(enum.Enum):
    """What an institution is."""

    KPU = "kpu"
    """Komisi Pemilihan Umum, the election commission (KIP in Aceh)."""
    BAWASLU = "bawaslu"
    """Badan Pengawas Pemilihan Umum, the election supervisory body (Panwaslih in Aceh)."""
    POLRI = "polri"
    """Kepolisian Negara Republik Indonesia, the national police headquarters."""
    POLDA = "polda"
    """Kepolisian Daerah, a regional police command."""
    POLRES = "polres"
    """Kepolisian Resor, a police resort (usually one regency or city)."""
    POLRESTA = "polresta"
    """Kepolisian Resor Kota, an urban police resort."""
    POLRESTABES = "polrestabes"
    """Kepolisian Resor Kota Besar, a large-city police resort."""
    POLSEK = "polsek"
    """Kepolisian Sektor, a district police sector."""
    OTHER = "other"
    """Anything else that signs, e.g. a Kejaksaan Negeri (district prosecutor)."""

    @property
    def is_police(self) -> bool:
        """Whether this is a Polri unit."""
        return self in _POLICE

    @property
    def is_election_body(self) -> bool:
        """Whether this is KPU or Bawaslu."""
        return self in {InstitutionKind.KPU, InstitutionKind.BAWASLU}


_POLICE = frozenset(
    {
        InstitutionKind.POLRI,
        InstitutionKind.POLDA,
        InstitutionKind.POLRES,
        InstitutionKind.POLRESTA,
        InstitutionKind.POLRESTABES,
        InstitutionKind.POLSEK,
    }
)


class Extent(enum.Enum):
    """How much of a region an institution's jurisdiction covers."""

    WHOLE = "whole"
    PARTIAL = "partial"


class Basis(enum.Enum):
    """Why a region is in a police unit's jurisdiction.

    A *presumed* area is a labelled presumption, never a hidden one: queries
    can leave it out (``covering(..., basis="stated")``) and every table shows it.
    """

    STATED = "stated"
    """A cited source states that the unit covers the area."""
    PRESUMED = "presumed"
    """The unit carries the region's name and no source seen states its area."""


class Instrument(enum.Enum):
    """The kind of legal instrument."""

    MOU = "mou"
    """Nota Kesepahaman (memorandum of understanding), usually national."""
    PKS = "pks"
    """Perjanjian Kerja Sama (cooperation agreement), implementing an MoU."""
    ADDENDUM = "addendum"
    OTHER = "other"
    """"Kerja sama", "fakta integritas" and other terms."""


class ScopeItem(enum.Enum):
    """The six standard items of cooperation (ruang lingkup) of the national MoU."""

    DATA_EXCHANGE = "data_exchange"
    """Pertukaran dan pemanfaatan data dan/atau informasi."""
    SECURITY_ASSISTANCE = "security_assistance"
    """Bantuan pengamanan."""
    LAW_ENFORCEMENT = "law_enforcement"
    """Penegakan hukum (including Sentra Gakkumdu)."""
    TECHNICAL_REGULATION = "technical_regulation"
    """Perumusan peraturan teknis."""
    CAPACITY_BUILDING = "capacity_building"
    """Peningkatan kapasitas dan pemanfaatan sumber daya manusia."""
    FACILITIES = "facilities"
    """Pemanfaatan sarana dan prasarana."""


class Confidence(enum.Enum):
    """How far the curators trust a record overall."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


# --- validators ---------------------------------------------------------------

# ASCII digits only (\d takes any Unicode digit); fullmatch, since $ allows a final newline.
_REGION_CODE = re.compile(r"ID|[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?")
_RECORD_ID = re.compile(r"[a-z0-9][a-z0-9.\-]*")


class FieldError(ValueError):
    """A field's value is invalid; *field* names it, so errors point at ``$.field``."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def _region_code(_: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _REGION_CODE.fullmatch(value):
        msg = f"{value!r} is not a Kemendagri region code (like '63', '63.71', '63.71.01.1001' or 'ID')"
        raise FieldError(msg, attribute.name)


def _record_id(_: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _RECORD_ID.fullmatch(value):
        msg = f"{value!r} is not an id (lower-case letters, digits, '.', '-')"
        raise FieldError(msg, attribute.name)


def _non_empty(_: Any, attribute: attrs.Attribute[Any], value: str | tuple[Any, ...]) -> None:
    if not value:
        msg = f"{attribute.name} must not be empty"
        raise FieldError(msg, attribute.name)


def _ordered_validity(
    instance: Any, attribute: attrs.Attribute[Any], value: dt.date | None
) -> None:
    start = instance.valid_from
    if value is not None and start is not None and value < start:
        msg = f"valid_to ({value}) is before valid_from ({start})"
        raise FieldError(msg, attribute.name)


def _stated_cites(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if instance.basis is Basis.STATED and not value:
        msg = "a stated area must cite at least one source (or be presumed)"
        raise FieldError(msg, attribute.name)


def _during(valid_from: dt.date | None, valid_to: dt.date | None, on: dt.date | None) -> bool:
    return on is None or (
        (valid_from is None or valid_from <= on) and (valid_to is None or on <= valid_to)
    )


def _code() -> Any:
    return attrs.field(validator=_region_code)


def _optional_code() -> Any:
    return attrs.field(default=None, validator=_region_code)


# --- regions -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Region:
    """A country, province, regency, city, district or village (Kemendagri coding).

    Attributes:
        code: The Kemendagri code: ``"63"`` (province), ``"63.71"`` (regency or
            city), ``"63.71.01"`` (district), ``"63.71.01.1001"`` (village);
            ``"ID"`` for the country.
        name: The short name ("Banjarmasin", "Kalimantan Selatan").
        official_name: The full name ("Kota Banjarmasin").
        level: The level in the hierarchy.
        parent: The code of the enclosing region; None for the country.
        iso_3166_2: The ISO 3166-2 code, for provinces ("ID-KS").

    Example:
        >>> import pemilu_pks as pk
        >>> pk.load().regions.get("63.71")
        Region(code='63.71', name='Banjarmasin', official_name='Kota Banjarmasin', level=<RegionLevel.CITY: 'city'>, parent='63', iso_3166_2=None)
    """

    code: str = _code()
    name: str = attrs.field(validator=_non_empty)
    official_name: str = attrs.field(validator=_non_empty)
    level: RegionLevel
    parent: str | None = _optional_code()
    iso_3166_2: str | None = None


# --- institutions ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class JurisdictionArea:
    """One region in an institution's jurisdiction.

    Attributes:
        region: The region code.
        extent: Whether the whole region or only part of it is covered.
        basis: ``stated`` when a cited source says the institution covers the
            area; ``presumed`` when it only carries the region's name (the
            default, so an area without a basis never claims a source).
        valid_from: First day of coverage, when known (None = since before 2022).
        valid_to: Last day of coverage, when known (None = still covered).
        sources: Ids of the sources that state the area; a stated area has at least one.
        note: Which part, and the evidence.

    Example:
        >>> import datetime as dt
        >>> import pemilu_pks as pk
        >>> papua_tengah = pk.load().institutions.get("polda-papua").jurisdiction[2]
        >>> papua_tengah.region, papua_tengah.valid_to
        ('94', datetime.date(2024, 11, 29))
        >>> papua_tengah.valid_on(dt.date(2024, 2, 14)), papua_tengah.valid_on(dt.date(2024, 12, 1))
        (True, False)
    """

    region: str = _code()
    extent: Extent = Extent.WHOLE
    basis: Basis = Basis.PRESUMED
    valid_from: dt.date | None = None
    valid_to: dt.date | None = attrs.field(default=None, validator=_ordered_validity)
    sources: tuple[str, ...] = attrs.field(default=(), validator=_stated_cites)
    note: str | None = None

    def valid_on(self, on: dt.date | None) -> bool:
        """Whether the coverage holds on day *on* (always, when *on* is None)."""
        return _during(self.valid_from, self.valid_to, on)


@attrs.frozen(kw_only=True)
class Institution:
    """An election body, a police unit or another party to an agreement.

    Attributes:
        id: Stable id, e.g. ``"kpu-63.71"``, ``"polda-kalimantan-selatan"``.
        kind: What it is.
        name: Its usual full name ("KPU Kota Banjarmasin").
        aliases: Other names news uses ("KPU Banjarmasin", "Polda Kalsel").
        local_name: The statutory local name where it differs (KIP Aceh, Panwaslih).
        parent: The id of the institution above it (Polda above Polres).
        region: The region it is constituted for (a KPU's province or regency);
            None for units without one (airport police).
        seat: The region code of its headquarters, when known.
        jurisdiction: The regions it covers, whole or partial, with validity dates.
        valid_from: The day it began, when that falls in the period covered.
        valid_to: The day it ended, if it did.
        sources: Ids of the sources for this record.
        notes: Curators' notes.

    Example:
        >>> import pemilu_pks as pk
        >>> polres = pk.load().institutions.get("polres-tapanuli-selatan")
        >>> polres.kind, polres.parent
        (<InstitutionKind.POLRES: 'polres'>, 'polda-sumatera-utara')
        >>> [area.region for area in polres.jurisdiction]
        ['12.03', '12.20']
    """

    id: str = attrs.field(validator=_record_id)
    kind: InstitutionKind
    name: str = attrs.field(validator=_non_empty)
    aliases: tuple[str, ...] = ()
    local_name: str | None = None
    parent: str | None = attrs.field(default=None, validator=_record_id)
    region: str | None = _optional_code()
    seat: str | None = _optional_code()
    jurisdiction: tuple[JurisdictionArea, ...] = ()
    valid_from: dt.date | None = None
    valid_to: dt.date | None = attrs.field(default=None, validator=_ordered_validity)
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def exists_on(self, on: dt.date | None) -> bool:
        """Whether the institution existed on day *on* (always, when *on* is None)."""
        return _during(self.valid_from, self.valid_to, on)


# --- people ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Post:
    """A post a person held, as far as the sources show.

    Attributes:
        title: The post as usually written ("Kapolda Kalimantan Selatan").
        institution: The id of the institution.
        rank: The police rank held in the post, when stated.
        valid_from: A day the person is known to have held it from.
        valid_to: A day the person is known to have held it until.
        sources: Ids of the sources.

    Example:
        >>> import pemilu_pks as pk
        >>> [post.title for post in pk.load().people.get("andi-rian-djajadi").posts]
        ['Kapolda Kalimantan Selatan', 'Kapolda Sulawesi Selatan']
    """

    title: str = attrs.field(validator=_non_empty)
    institution: str | None = attrs.field(default=None, validator=_record_id)
    rank: PoliceRank | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = attrs.field(default=None, validator=_ordered_validity)
    sources: tuple[str, ...] = ()

    def held_on(self, on: dt.date | None) -> bool:
        """Whether the post is known to be held on *on* (always, when *on* is None)."""
        return _during(self.valid_from, self.valid_to, on)


@attrs.frozen(kw_only=True)
class Person:
    """Someone who signed or witnessed an agreement.

    Attributes:
        id: Stable id, a slug of the name ("andi-rian-djajadi").
        name: The name as most sources write it, without titles.
        name_variants: Other spellings met in sources ("Andi Rian Ryacudu Djajadi").
        academic_titles: Academic titles as written ("S.H., M.Si."), when stated.
        posts: Posts over time.
        sources: Ids of the sources.

    Example:
        >>> import pemilu_pks as pk
        >>> person = pk.load().people.get("andi-rian-djajadi")
        >>> person.name, person.name_variants
        ('Andi Rian Djajadi', ('Andi Rian R. Djajadi', 'Andi Rian Ryacudu Djajadi'))
    """

    id: str = attrs.field(validator=_record_id)
    name: str = attrs.field(validator=_non_empty)
    name_variants: tuple[str, ...] = ()
    academic_titles: str | None = None
    posts: tuple[Post, ...] = ()
    sources: tuple[str, ...] = ()


# --- sources -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Source:
    """A report a record's facts come from.

    Attributes:
        id: Stable id.
        url: Where it was published; None only for a report known by its
            publisher and title alone.
        publisher: The site or outlet ("ANTARA Kalimantan Barat").
        title: The headline.
        published: The publication day, when shown.
        language: BCP 47 language tag ("id" for Indonesian).
        notes: What the curators noticed about this source.

    Example:
        >>> import pemilu_pks as pk
        >>> source = pk.load().sources.get("banuatoday.com-c55ff4e5")
        >>> source.publisher, source.language
        ('Banuatoday', 'id')
    """

    id: str = attrs.field(validator=_record_id)
    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str = "id"
    notes: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.url is None and self.title is None:
            msg = "a source needs a url or a title"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class SourceRef:
    """A record's citation of a source.

    Attributes:
        source: The source id.
        supports: The record's fields this source supports (empty = all).
        note: Where this source disagrees with others, or what it adds.

    Example:
        >>> import pemilu_pks as pk
        >>> pk.SourceRef(source="banuatoday.com-c55ff4e5", supports=("signing",))
        SourceRef(source='banuatoday.com-c55ff4e5', supports=('signing',), note=None)
    """

    source: str = attrs.field(validator=_record_id)
    supports: tuple[str, ...] = ()
    note: str | None = None


# --- agreements ----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Party:
    """One party to an agreement.

    Attributes:
        institution: The institution id.
        name_as_written: The name as the source wrote it.
        document_number: This party's own number for the document
            (each side numbers the same document separately).

    Example:
        >>> import pemilu_pks as pk
        >>> pk.load().agreements.get("2022-12-29-kpu-ri-polri").parties[1].institution
        'polri'
    """

    institution: str = attrs.field(validator=_record_id)
    name_as_written: str | None = None
    document_number: str | None = None


@attrs.frozen(kw_only=True)
class Signatory:
    """Someone who signed for a party.

    Attributes:
        party: The institution id of the party signed for.
        name: The name as reported (None if the source does not name them).
        person: The person id, when the person is in the registry.
        post: The post signed in, as reported ("Ketua KPU Kalsel", "Kapolres").
        rank: The police rank, when stated.
        rank_as_written: The rank exactly as written ("Irjen. Pol.").
        academic_titles: Academic titles as written ("SIK, MH").
        note: e.g. "signed on behalf of the Kapolda".

    Example:
        >>> import pemilu_pks as pk
        >>> kapolda = pk.load().agreements.get("2023-09-25-kpu-kalsel-polda-kalsel").signatories[1]
        >>> kapolda.name, kapolda.rank, kapolda.rank_as_written
        ('Andi Rian Djajadi', <PoliceRank.IRJEN: 'irjen'>, 'Irjen Pol')
    """

    party: str = attrs.field(validator=_record_id)
    name: str | None = None
    person: str | None = attrs.field(default=None, validator=_record_id)
    post: str | None = None
    rank: PoliceRank | None = None
    rank_as_written: str | None = None
    academic_titles: str | None = None
    note: str | None = None


@attrs.frozen(kw_only=True)
class Signing:
    """When and where an agreement was signed.

    Attributes:
        date: The day, exact or as an interval with its reasoning.
        venue: The venue as reported ("Aula Kayuh Baimbai, Balaikota Banjarmasin").
        city: The city or dateline as reported.
        place: The region code of the place, when known.

    Example:
        >>> import pemilu_pks as pk
        >>> signing = pk.load().agreements.get("2023-09-25-kpu-kalsel-polda-kalsel").signing
        >>> str(signing.date), signing.city, signing.place
        ('2023-09-25', 'Banjarmasin', '63.71')
    """

    date: UncertainDate
    venue: str | None = None
    city: str | None = None
    place: str | None = _optional_code()


_INT64 = range(-(2**63), 2**63)


def _int64(_: Any, attribute: attrs.Attribute[Any], value: int) -> None:
    # Wider numbers cannot be stored by SQLite or read exactly by most JSON readers.
    if value not in _INT64:
        msg = f"{attribute.name} {value} is outside the 64-bit integer range"
        raise FieldError(msg, attribute.name)


@attrs.frozen(kw_only=True)
class Figure:
    """A number a source states ("564 personnel").

    Attributes:
        key: What is counted, as a snake_case key ("personnel_deployed").
        value: The number.
        text: The phrase it comes from, when useful.

    Example:
        >>> import pemilu_pks as pk
        >>> [(f.key, f.value) for f in pk.load().agreements.get("2023-xx-xx-kpu-kapuas-hulu-polres-kapuas-hulu").figures]
        [('personnel_deployed', 564)]
    """

    key: str = attrs.field(validator=_non_empty)
    value: int = attrs.field(validator=_int64)
    text: str | None = None


def _at_least_two(_: Any, attribute: attrs.Attribute[Any], value: tuple[Party, ...]) -> None:
    if len(value) < 2:
        msg = f"an agreement needs at least two parties, got {len(value)}"
        raise FieldError(msg, attribute.name)
    ids = [party.institution for party in value]
    if len(set(ids)) != len(ids):
        msg = "the same institution is listed twice as a party"
        raise FieldError(msg, attribute.name)


@attrs.frozen(kw_only=True)
class Agreement:
    """One agreement document: an MoU or a PKS between an election body and the police.

    Attributes:
        id: Stable id, ``YYYY-MM-DD-<parties>``, with ``xx`` for unknown date parts.
        instrument: The kind of instrument.
        instrument_term: The term the source used ("Perjanjian Kerja Sama (PKS)").
        title: The agreement's title (tentang …), when reported.
        parties: The parties, each with its own document number.
        signatories: Who signed, for which party.
        signing: When and where.
        scope: Which of the six standard items the source mentions.
        scope_text: Other subject matter and the title, in the curators' words.
        parent: The id of the agreement this one implements (the national MoU).
        parent_text: What the source says it follows, when no record matches.
        related: Ids of agreements signed at the same ceremony.
        witnesses: Notable attendees and witnesses, with their titles.
        figures: Numbers the sources state.
        sources: Citations; at least one.
        notes: Data-quality notes: errors and disagreements in the sources.
        confidence: Overall confidence in the record.

    Example:
        >>> import pemilu_pks as pk
        >>> pks = pk.load().agreements.get("2023-09-25-kpu-kalsel-polda-kalsel")
        >>> pks.instrument, pks.institutions, pks.parent
        (<Instrument.PKS: 'pks'>, ('kpu-63', 'polda-kalimantan-selatan'), '2022-12-29-kpu-ri-polri')
    """

    id: str = attrs.field(validator=_record_id)
    instrument: Instrument
    instrument_term: str | None = None
    title: str | None = None
    parties: tuple[Party, ...] = attrs.field(validator=_at_least_two)
    signatories: tuple[Signatory, ...] = ()
    signing: Signing
    scope: tuple[ScopeItem, ...] = ()
    scope_text: str | None = None
    parent: str | None = attrs.field(default=None, validator=_record_id)
    parent_text: str | None = None
    related: tuple[str, ...] = ()
    witnesses: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    sources: tuple[SourceRef, ...] = attrs.field(validator=_non_empty)
    notes: tuple[str, ...] = ()
    confidence: Confidence = Confidence.MEDIUM

    @property
    def institutions(self) -> tuple[str, ...]:
        """The institution ids of all parties, in order."""
        return tuple(party.institution for party in self.parties)
