"""Draft agreements from Indonesian news text, by rules over the registry and the date parser.

:func:`extract` reads a news report and returns :class:`Draft` records: a draft
:class:`~pemilu_pks.Agreement` per document the text describes, each field
with the span of text it came from and a confidence, the names it could not
resolve and the data-quality problems it noticed.  It works offline: parties
are resolved through the bundled registry (``ds.institutions``,
``ds.regions``), dates through :func:`~pemilu_pks.parse_date`, ranks through
:meth:`~pemilu_pks.PoliceRank.parse`.  The phrase tables are in
:mod:`pemilu_pks._extract_rules`; ``docs/extract.md`` explains each rule.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import urlsplit

import attrs

from . import _extract_rules as rules
from ._dates import UncertainDate, Weekday, parse_date
from ._model import (
    Agreement,
    Confidence,
    Figure,
    Institution,
    InstitutionKind,
    Instrument,
    Party,
    ScopeItem,
    Signatory,
    Signing,
    SourceRef,
)
from ._ranks import _RANKS, PoliceRank
from ._text import name_key
from .exceptions import (
    DataError,
    DateParseError,
    InputLimitError,
    PemiluPksError,
    WeekdayMismatchError,
)

if TYPE_CHECKING:  # pragma: no cover
    from ._dataset import Dataset

__all__ = [
    "DRAFT_SOURCE",
    "MAX_TEXT_CHARS",
    "Draft",
    "Evidence",
    "draft_facts",
    "extract",
    "print_drafts",
]

#: The source id a draft cites when :func:`extract` is given no ``source=``.
DRAFT_SOURCE = "draft-source"

#: The longest text :func:`extract` accepts (characters); news reports are far shorter.
MAX_TEXT_CHARS = 1_000_000


@attrs.frozen(kw_only=True)
class Evidence:
    """Where in the text a draft's field came from.

    Attributes:
        field: The field's path in the draft agreement: ``"parties[0]"``,
            ``"signing.date"``, ``"signatories[1].rank"``, ``"scope[2]"``.
        start: Offset of the first character of the span in the text.
        end: Offset just past the span (``text[start:end]`` is the span).
        text: The span itself.
        confidence: How far the rule that read it can be trusted, 0 to 1.

    Example:
        >>> import pemilu_pks as pk
        >>> text = "KPU Kabupaten Kapuas Hulu dan Polres Kapuas Hulu menandatangani PKS, Rabu."
        >>> evidence = pk.extract(text)[0].evidence_for("parties[0]")
        >>> text[evidence[0].start:evidence[0].end] == evidence[0].text
        True
    """

    field: str
    start: int
    end: int
    text: str
    confidence: float


@attrs.frozen(kw_only=True)
class Draft:
    """A draft agreement read from a text, for a curator to check and complete.

    Attributes:
        agreement: The draft, in the dataset's own model (its ``notes`` hold
            the data-quality notes too).
        evidence: For each field read, the span it came from and a confidence.
        unresolved: Institution names the text uses that the registry does not
            resolve (or resolves ambiguously), as written.  A police unit
            among them that is a party has a provisional id (``polres-malang``,
            the name as written, by the dataset's id convention) and a note.
        notes: Data-quality problems noticed in the text: a weekday that
            contradicts the date, an election year that is not 2024, repeated
            paragraphs, a name written two ways, misspellings.

    Example:
        >>> import pemilu_pks as pk
        >>> text = ("Komisi Pemilihan Umum (KPU) Kota Banjarmasin dan Polresta Banjarmasin "
        ...         "menandatangani perjanjian kerja sama di Banjarmasin, Rabu (18/10/23).")
        >>> [draft] = pk.extract(text)
        >>> draft.agreement.institutions, str(draft.agreement.signing.date)
        (('kpu-63.71', 'polresta-banjarmasin'), '2023-10-18')
        >>> draft.evidence[0].text
        'Komisi Pemilihan Umum (KPU) Kota Banjarmasin'
    """

    agreement: Agreement
    evidence: tuple[Evidence, ...] = ()
    unresolved: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def evidence_for(self, field: str) -> tuple[Evidence, ...]:
        """The evidence for *field* and the fields under it (``"signatories[0]"`` holds ``.rank``)."""
        return tuple(
            e
            for e in self.evidence
            if e.field == field or e.field.startswith((field + ".", field + "["))
        )


# --- input ----------------------------------------------------------------------------


def extract(
    text: str,
    *,
    source: str | None = None,
    year: int | None = None,
    published: dt.date | None = None,
    dataset: Dataset | None = None,
) -> list[Draft]:
    """Read draft agreements from an Indonesian news report.

    One draft per agreement document the text describes: a KPU–Polda and a
    Bawaslu–Polda agreement signed at one ceremony are two drafts, each naming
    the other in ``related``; one document with three parties is one draft.

    Args:
        text: The article text.
        source: The source's URL or id; drafts cite it (an id is derived from
            a URL).  Without it, drafts cite the placeholder ``"draft-source"``.
        year: The article's year, when the text does not show it; bounds a
            weekday-only date ("Rabu") and completes "Kamis (29/12)".
        published: The article's publication day: also the latest possible
            signing day.
        dataset: The registry to resolve names against (default: the bundled
            dataset, :func:`pemilu_pks.load`).

    Returns:
        The drafts, in the order the text names their parties; empty when the
        text is not about an agreement between an election body and the police.

    Raises:
        DataError: *text* is not a str (bytes must be decoded first).
        InputLimitError: *text* is longer than 1,000,000 characters.

    Example:
        >>> import pemilu_pks as pk
        >>> pk.extract("Harga cabai di Banjarmasin naik lagi, Senin (25/09/2023).")
        []
    """
    given: object = text  # callers without type checking pass anything
    if not isinstance(given, str):
        kind = type(given).__name__
        hint = "; decode bytes as UTF-8 first" if isinstance(given, (bytes, bytearray)) else ""
        raise DataError(f"extract() needs the article text as a str, not {kind}{hint}")
    if len(text) > MAX_TEXT_CHARS:
        raise InputLimitError(
            f"extract(): the text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}"
        )
    year_given: object = year
    if year_given is not None and (
        not isinstance(year_given, int) or not 1900 <= year_given <= 2100
    ):
        raise DataError(f"extract(): year must be a year like 2023, not {year!r}")
    if dataset is None:
        from ._dataset import load

        dataset = load()
    return _Extraction(text, dataset, source=source, year=year, published=published).run()


# --- compiled patterns -------------------------------------------------------------------


def _any(patterns: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


_AGREEMENT = _any(rules.AGREEMENT_TERMS)
_SIGNING = _any(rules.SIGNING_TERMS)
_ATTENDANCE = _any(rules.ATTENDANCE_MARKERS)
_PARENT_CUE = re.compile(
    rf"(?:{'|'.join(rules.PARENT_CUES)})\s+(?:\S+\s+){{0,4}}?(?P<mou>Nota\s+Kesepahaman|MoU|Memorandum)",
    re.IGNORECASE,
)
_DOCUMENT_NUMBER = re.compile("|".join(f"(?:{p})" for p in rules.DOCUMENT_NUMBERS))
_HEADS = [(re.compile(rf"\b{p}(?![\w])"), kind) for p, kind in rules.INSTITUTION_HEADS]
_POSTS = [(re.compile(rf"\b{p}(?![\w])"), kind, word) for p, kind, word in rules.POST_TITLES]
_KETUA = re.compile(r"\bKetua\s+$")
_NATIONAL = re.compile(rf"\s+(?:{'|'.join(rules.NATIONAL_WORDS)})")
_LEVEL = re.compile(r"\s+(Provinsi|Prov\.|Kabupaten|Kab\.|Kota)(?=\s)", re.IGNORECASE)
_TOKEN = re.compile(r"\s+([A-Z][A-Za-z'’]*(?:-[A-Za-z'’]+)*)(?=[\s,.;:()\"“”]|$)")
_PAREN = re.compile(r"\s*\(([^()\n]{1,40})\)")
_SETEMPAT = re.compile(r"\s+setempat\b")
_AND = re.compile(r"\s+dan\s+")
_WEEKDAYS = r"Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu|Ahad"
_DATED = re.compile(
    rf"\b(?P<wd>{_WEEKDAYS})\s*(?:,\s*|\(\s*)(?P<date>\d{{1,2}}\s*[/.-]\s*\d{{1,2}}(?:\s*[/.-]\s*\d{{2,4}})?"
    rf"|\d{{1,2}}\s+[A-Z][a-z]+\.?(?:\s+\d{{4}})?)\s*\)?",
    re.IGNORECASE,
)
_BARE_WEEKDAY = re.compile(rf"(?:,|\bhari)\s+(?P<wd>{_WEEKDAYS})\b(?!\s*[(,]\s*\d)", re.IGNORECASE)
_WORDED_DATE = re.compile(r"\b\d{1,2}\s+[A-Z][a-z]+\s+20\d\d\b")
_YEAR_LINE = _any(rules.YEAR_LINES)
_LOWER_CUE = re.compile(
    rf"(?:{'|'.join(rules.LOWER_BOUND_CUES)})\s+(?P<date>\d{{1,2}}\s+[A-Za-z]+\s+20\d\d)",
    re.IGNORECASE,
)
_PHOTO = re.compile(rules.PHOTO_FILE_DATE)
_VENUE = re.compile(
    rf"\b(?:[Bb]ertempat\s+)?(?:di|DI|Di)\s+(?P<venue>(?:{'|'.join(rules.VENUE_WORDS)})\b[^,.;\n]*)",
)
_VENUE_WORD = re.compile(rf"\s(?=(?:{'|'.join(rules.VENUE_WORDS)})\b)")
_EVENT_CITY = re.compile(
    rf"\b(?:di|DI|Di)\s+(?P<city>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,3}})\s*,\s*(?:{_WEEKDAYS})\b"
)
_DATELINES = (
    re.compile(
        r"^\s*(?P<city>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,2})\s*\([A-Za-z .]+\)\s*[-–—]",
        re.MULTILINE,
    ),
    re.compile(
        r"(?P<city>\b[A-Z]{3,}(?:\s+[A-Z]{3,})*)\s*,\s*[A-Z0-9-]+\.(?:COM|ID|CO\.ID|NET|ORG)\s*[-–—]"
    ),
    re.compile(
        r"\b[A-Z0-9-]+\.(?:COM|ID|CO\.ID|NET|ORG)\s*,\s*(?P<city>[A-Z]{3,}(?:\s+[A-Z]{3,})*)\s*[-–—]"
    ),
    re.compile(r"^(?P<city>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+[-–—]\s+", re.MULTILINE),
)
_SCOPE = {item: _any(phrases) for item, phrases in rules.SCOPE_PHRASES.items()}
_FIGURES = [(re.compile(p, re.IGNORECASE), key) for p, key in rules.FIGURES]
_INSTRUMENTS = [
    (re.compile(p, re.IGNORECASE), Instrument(value), term)
    for p, value, term in rules.INSTRUMENT_TERMS
]
_MISSPELLINGS = [(re.compile(p, re.IGNORECASE), right) for p, right in rules.MISSPELLINGS.items()]
_MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember")  # fmt: skip


@functools.cache
def _rank_pattern() -> re.Pattern[str]:
    names = set()
    for value, official, abbreviation, _, variants in _RANKS:
        for name in (value, official, abbreviation, *variants):
            bare = re.sub(r"\s+Pol\.?$", "", name)
            names.add(re.escape(bare).replace(r"\ ", r"\s+"))
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    return re.compile(
        rf"(?:{alternatives})\.?(?:\s*\(?Pol(?:isi)?\.?\)?)?(?=\s+[A-Z])", re.IGNORECASE
    )


_NAME_WORD = re.compile(r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.?)(?=[\s,.;:()\"“”]|$)")


# --- internal records ---------------------------------------------------------------


@attrs.define
class _Mention:
    start: int
    end: int
    kind: InstitutionKind
    institution: str | None
    region: str | None
    national: bool
    post: str | None  # "Ketua", "Kapolda", …: the mention is a post title
    how: str  # a CONFIDENCE key
    surface: str
    unresolved: bool = False
    name_span: tuple[int, int] | None = None  # the region's name after the head


@attrs.frozen
class _Provisional:
    """A police unit the text names that the registry does not hold (yet)."""

    kind: InstitutionKind
    name: str  # "Polres Malang": kind word + the name as written
    written: str  # the mention as written: "Kapolres Malang", "Kepolisian Resor Malang"
    region: str | None  # the region the name resolves to, when it does unambiguously


@attrs.define
class _Person:
    institution: str
    post: str
    post_span: tuple[int, int]
    name: str | None = None
    name_span: tuple[int, int] | None = None
    rank: PoliceRank | None = None
    rank_as_written: str | None = None
    rank_span: tuple[int, int] | None = None
    titles: str | None = None
    titles_span: tuple[int, int] | None = None
    variants: list[str] = attrs.Factory(list)


@attrs.frozen
class _Index:
    by_key: dict[str, tuple[str, ...]]
    by_kind_region: dict[tuple[InstitutionKind, str], tuple[str, ...]]
    institutions: dict[str, Institution]


_INDEXES: dict[int, tuple[object, _Index]] = {}


def _index(dataset: Dataset) -> _Index:
    institutions = dataset.institutions
    cached = _INDEXES.get(id(institutions))
    if cached is not None and cached[0] is institutions:
        return cached[1]
    by_key: dict[str, list[str]] = {}
    by_kind_region: dict[tuple[InstitutionKind, str], list[str]] = {}
    records: dict[str, Institution] = {}
    for inst in institutions:
        records[inst.id] = inst
        for name in (inst.name, *inst.aliases, inst.local_name):
            if name:
                by_key.setdefault(name_key(name), []).append(inst.id)
        codes = {inst.region} if inst.region else set()
        if inst.kind is InstitutionKind.POLDA and not codes:
            codes = {area.region for area in inst.jurisdiction if "." not in area.region}
        for code in codes:
            if code is not None:
                by_kind_region.setdefault((inst.kind, code), []).append(inst.id)
    index = _Index(
        by_key={k: tuple(dict.fromkeys(v)) for k, v in by_key.items()},
        by_kind_region={k: tuple(v) for k, v in by_kind_region.items()},
        institutions=records,
    )
    if len(_INDEXES) > 8:
        _INDEXES.clear()
    _INDEXES[id(institutions)] = (institutions, index)
    return index


_KIND_WORD = {
    InstitutionKind.KPU: "KPU",
    InstitutionKind.BAWASLU: "Bawaslu",
    InstitutionKind.POLRI: "Polri",
    InstitutionKind.POLDA: "Polda",
    InstitutionKind.POLRES: "Polres",
    InstitutionKind.POLRESTA: "Polresta",
    InstitutionKind.POLRESTABES: "Polrestabes",
    InstitutionKind.POLSEK: "Polsek",
    InstitutionKind.OTHER: "Kejaksaan Negeri",
}
_LEVEL_NAMES = {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota"}
_POLRES_FAMILY = (InstitutionKind.POLRES, InstitutionKind.POLRESTA, InstitutionKind.POLRESTABES)
_NATIONAL_IDS = {
    InstitutionKind.KPU: "kpu-ri",
    InstitutionKind.BAWASLU: "bawaslu-ri",
    InstitutionKind.POLRI: "polri",
}


def _family(kind: InstitutionKind) -> tuple[InstitutionKind, ...]:
    return _POLRES_FAMILY if kind in _POLRES_FAMILY else (kind,)


def _level_class(code: str | None) -> str:
    if code is None or code == "ID":
        return "national"
    return "province" if "." not in code else "regency"


# --- the extraction -------------------------------------------------------------------


class _Extraction:
    """One run of the rules over one text."""

    def __init__(
        self,
        text: str,
        dataset: Dataset,
        *,
        source: str | None,
        year: int | None,
        published: dt.date | None,
    ) -> None:
        self.text = text
        self.ds = dataset
        self.index = _index(dataset)
        self.source = source
        self.published = published
        self.year = year if year is not None else (published.year if published else None)
        self.year_span: tuple[int, int] | None = None
        self.notes: list[str] = []
        self.unresolved: list[str] = []
        self.sentences = self._sentences()
        self.context_province: str | None = None
        self.provisional: dict[str, _Provisional] = {}
        self._region_cache: dict[tuple[str, str | None, str | None], tuple[Any, bool]] = {}

    # -- text structure --

    def _sentences(self) -> list[tuple[int, int]]:
        spans = []
        start = 0
        for match in re.finditer(r"\n+|(?<=[.!?])[\"”]?\s+(?=[\"“A-Z(])", self.text):
            if match.group(0).startswith("\n") or self._ends_sentence(match.start()):
                spans.append((start, match.start()))
                start = match.end()
        spans.append((start, len(self.text)))
        return [s for s in spans if s[1] > s[0]]

    def _ends_sentence(self, at: int) -> bool:
        word = re.search(r"([A-Za-z]+)[.!?][\"”]?$", self.text[max(0, at - 12) : at])
        if word is None:
            return True
        token = word.group(1).casefold()
        short = {
            "pol",
            "irjen",
            "kombes",
            "brigjen",
            "drs",
            "dr",
            "hj",
            "h",
            "m",
            "st",
            "kab",
            "prov",
            "no",
            "jl",
            "ir",
        }
        return token not in short and len(token) > 1

    def _sentence_of(self, at: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= at < end:
                return start, end
        return at, at

    def _in_attendance(self, at: int) -> bool:
        start, _ = self._sentence_of(at)
        marker = _ATTENDANCE.search(self.text, start, at)
        return marker is not None

    def _in_signing_context(self, at: int) -> bool:
        start, end = self._sentence_of(at)
        return _SIGNING.search(self.text, start, end) is not None

    # -- regions and institutions --

    def _region(self, name: str, level: str | None) -> tuple[Any, bool]:
        """(Region or None, ambiguous?) for a name with an optional level word."""
        key = (name, level, self.context_province)
        if key not in self._region_cache:
            self._region_cache[key] = self._find_region(name, level)
        return self._region_cache[key]

    def _find_region(self, name: str, level: str | None) -> tuple[Any, bool]:
        regions: Any = self.ds.regions
        queries = [name]
        if level == "regency":
            queries.insert(0, f"Kabupaten {name}")
        elif level == "city":
            queries.insert(0, f"Kota {name}")
        ambiguous = False
        for query in queries:
            try:
                region = regions.lookup(query)
            except LookupError as exc:
                if type(exc).__name__ == "AmbiguousError":
                    region = self._disambiguate(regions, query, level)
                    if region is None:
                        ambiguous = True
                        continue
                else:
                    continue
            except PemiluPksError:
                continue
            if self._level_fits(region, level):
                return region, False
        return None, ambiguous

    def _disambiguate(self, regions: Any, query: str, level: str | None) -> Any:
        attempts: list[dict[str, Any]] = []
        if level is not None:
            attempts.append({"level": level})
        if self.context_province is not None:
            attempts.append({"within": self.context_province})
        for kwargs in attempts:
            region = self._try_lookup(regions, query, kwargs)
            if region is not None:
                return region
        return None

    @staticmethod
    def _try_lookup(regions: Any, query: str, kwargs: dict[str, Any]) -> Any:
        try:
            return regions.lookup(query, **kwargs)
        except (PemiluPksError, TypeError, ValueError):
            return None

    @staticmethod
    def _level_fits(region: Any, level: str | None) -> bool:
        value = getattr(getattr(region, "level", None), "value", None)
        if value not in {"province", "regency", "city"}:
            return False
        return level is None or value == level

    def _institution(
        self, kind: InstitutionKind, level: str | None, name: str
    ) -> tuple[str | None, str | None, bool]:
        """Resolve *kind* + region *name*: (institution id, region code, ambiguous?)."""
        word = _KIND_WORD[kind]
        keys = [f"{word} {name}"]
        if level is not None:
            keys.insert(
                0,
                f"{word} {_LEVEL_NAMES[level]} {name}",
            )
        for key in keys:
            found = [
                i
                for i in self.index.by_key.get(name_key(key), ())
                if self.index.institutions[i].kind in _family(kind)
            ]
            if len(found) == 1:
                inst = self.index.institutions[found[0]]
                return inst.id, inst.region, False
        region, ambiguous = self._region(name, level)
        if region is None:
            return None, None, ambiguous
        for candidate in _family(kind):
            ids = self.index.by_kind_region.get((candidate, region.code), ())
            if len(ids) == 1:
                return ids[0], region.code, False
            if len(ids) > 1:
                return None, region.code, True
        return None, region.code, False

    def _registry_lookup(self, surface: str, kind: InstitutionKind) -> str | None:
        lookup = getattr(self.ds.institutions, "lookup", None)
        if lookup is None:
            return None
        try:
            inst = lookup(surface)
        except (PemiluPksError, LookupError, TypeError, ValueError):
            return None
        if isinstance(inst, Institution) and inst.kind in _family(kind):
            return inst.id
        return None

    # -- mentions --

    def _mentions(self) -> list[_Mention]:
        found: list[tuple[int, int, InstitutionKind, str | None]] = []
        for pattern, kind, word in _POSTS:
            found.extend((m.start(), m.end(), kind, word) for m in pattern.finditer(self.text))
        for pattern, kind in _HEADS:
            for m in pattern.finditer(self.text):
                post = (
                    "Ketua" if _KETUA.search(self.text, max(0, m.start() - 8), m.start()) else None
                )
                found.append((m.start(), m.end(), kind, post))
        # Keep the longest non-overlapping forms, leftmost first.
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        mentions: list[_Mention] = []
        taken_until = -1
        for start, end, kind, post in found:
            if start < taken_until:
                continue
            new = self._read_mention(start, end, kind, post)
            mentions.extend(new)
            taken_until = max(m.end for m in new) if new else end
        return mentions

    def _read_mention(
        self, start: int, end: int, kind: InstitutionKind, post: str | None
    ) -> list[_Mention]:
        text = self.text
        head_start = start - len("Ketua ") if post == "Ketua" else start
        national = _NATIONAL.match(text, end)
        if national and kind is not InstitutionKind.POLRI:
            end = national.end()
        if kind is InstitutionKind.POLRI or national:
            inst = _NATIONAL_IDS.get(kind)
            if inst is not None and inst not in self.index.institutions:
                inst = None
            return [
                _Mention(
                    head_start,
                    end,
                    kind,
                    inst,
                    None,
                    True,
                    post,
                    "party_full_name",
                    text[head_start:end],
                )
            ]
        level_match = _LEVEL.match(text, end)
        level = None
        cursor = end
        if level_match:
            level = rules.LEVEL_WORDS[level_match.group(1).casefold()]
            cursor = level_match.end()
        local = _SETEMPAT.match(text, cursor)
        if local:
            return [
                _Mention(
                    head_start,
                    local.end(),
                    kind,
                    None,
                    None,
                    False,
                    post,
                    "party_local",
                    text[head_start : local.end()],
                )
            ]
        tokens = self._tokens(cursor)
        if not tokens:
            return [
                _Mention(
                    head_start,
                    cursor,
                    kind,
                    None,
                    None,
                    False,
                    post,
                    "party_abbreviation",
                    text[head_start:cursor],
                )
            ]
        mention = self._resolve_tokens(head_start, kind, level, post, tokens)
        result = [mention]
        # "KPU Tapsel dan Padang Lawas Utara (Paluta)": one head, two bodies.
        while mention.institution is not None:
            joined = _AND.match(text, mention.end)
            if (
                not joined
                or any(p.match(text, joined.end()) for p, _ in _HEADS)
                or any(p.match(text, joined.end()) for p, _, _ in _POSTS)
            ):
                break
            more = self._tokens(joined.end() - 1)
            if not more:
                break
            other = self._resolve_tokens(joined.end(), kind, level, None, more)
            if other.institution is None:
                break
            other.how = "party_abbreviation"
            result.append(other)
            mention = other
        return result

    def _tokens(self, cursor: int) -> list[tuple[int, int]]:
        tokens: list[tuple[int, int]] = []
        while len(tokens) < 5:
            match = _TOKEN.match(self.text, cursor)
            if not match or match.group(1).casefold().rstrip(".") in rules.NAME_STOPWORDS:
                break
            tokens.append((match.start(1), match.end(1)))
            cursor = match.end(1)
        return tokens

    def _resolve_tokens(
        self,
        start: int,
        kind: InstitutionKind,
        level: str | None,
        post: str | None,
        tokens: list[tuple[int, int]],
    ) -> _Mention:
        text = self.text
        ambiguous = False
        named = len(tokens)  # how many tokens the unresolved name has
        for n in range(len(tokens), 0, -1):
            name = text[tokens[0][0] : tokens[n - 1][1]]
            inst, region, amb = self._institution(kind, level, name)
            if amb and not ambiguous:
                named = n  # the longest prefix that names a region, ambiguously
            ambiguous = ambiguous or amb
            if inst is None and region is None and n == len(tokens):
                inst = self._registry_lookup(text[start : tokens[n - 1][1]], kind)
                region = self.index.institutions[inst].region if inst else None
            if inst is not None or region is not None:
                end = tokens[n - 1][1]
                paren = _PAREN.match(text, end)
                if paren and len(paren.group(1).split()) <= 4:
                    end = paren.end()
                how = "party_full_name" if level or len(name.split()) > 1 else "party_abbreviation"
                if post is not None and post != "Ketua":
                    how = "party_post_title"
                if region is not None and "." not in region and kind.is_election_body:
                    self.context_province = region
                return _Mention(
                    start,
                    end,
                    kind,
                    inst,
                    region,
                    False,
                    post,
                    how,
                    text[start:end],
                    inst is None,
                    (tokens[0][0], tokens[n - 1][1]),
                )
        # "Kapolres Malang Putu …": "Malang" names regions (ambiguously); the rest is not the
        # unit's, but for the "Kota" of a city's unit named as written ("Polres Malang Kota").
        if named < len(tokens) and text[slice(*tokens[named])] == "Kota":
            named += 1
        end = tokens[named - 1][1]
        surface = text[start:end]
        return _Mention(
            start,
            end,
            kind,
            None,
            None,
            False,
            post,
            "party_abbreviation",
            surface,
            True,
            (tokens[0][0], end),
        )

    # -- the run --

    def run(self) -> list[Draft]:
        if not _AGREEMENT.search(self.text):
            return []
        mentions = self._mentions()
        self._resolve_local(mentions)
        parent_span = self._parent_span()
        parties = self._parties(mentions, parent_span)
        groups = self._groups(parties)
        if not groups:
            return []
        self._provisional_notes(groups)
        self._article_year()
        self._quality_notes()
        people = self._people(mentions, {m.institution for m in parties})
        date, date_evidence = self._date()
        venue, venue_span = self._venue(parties)
        city, city_span, city_how, place = self._city()
        scope = self._scope()
        figures = self._figures()
        instrument, term, instrument_span = self._instrument()
        parent, parent_text, parent_kind, parent_evidence = self._parent(parent_span)
        numbers = self._document_numbers(parent_span)
        witnesses = self._witnesses(people)
        unresolved = tuple(dict.fromkeys(self.unresolved))
        notes = tuple(dict.fromkeys(self.notes))
        source_ref = SourceRef(source=self._source_id())
        ids = [self._draft_id(date, group) for group in groups]
        shared = list(date_evidence)
        if venue_span:
            shared.append(self._evidence("signing.venue", *venue_span, "venue"))
        if city_span:
            shared.append(self._evidence("signing.city", *city_span, city_how))
        shared += [
            self._evidence(f"scope[{i}]", *span, "scope") for i, (_, span) in enumerate(scope)
        ]
        shared += [
            self._evidence(f"figures[{i}]", *span, "figure") for i, (_, span) in enumerate(figures)
        ]
        if instrument_span:
            shared.append(self._evidence("instrument", *instrument_span, "instrument"))
        drafts = []
        for number, group in enumerate(groups):
            party_records, evidence = self._party_records(group, numbers)
            signatories, signed = self._signatories(group, people)
            evidence += signed + shared
            applies = parent_kind is None or parent_kind in {m.kind for m in group}
            if applies:
                evidence += parent_evidence
            agreement = Agreement(
                id=ids[number],
                instrument=instrument,
                instrument_term=term,
                parties=party_records,
                signatories=signatories,
                signing=Signing(date=date, venue=venue, city=city, place=place),
                scope=tuple(item for item, _ in scope),
                parent=parent if applies else None,
                parent_text=parent_text if applies and parent is None else None,
                related=tuple(i for i in ids if i != ids[number]),
                witnesses=witnesses,
                figures=tuple(figure for figure, _ in figures),
                sources=(source_ref,),
                notes=notes,
                confidence=Confidence.LOW,
            )
            drafts.append(
                Draft(
                    agreement=agreement,
                    evidence=tuple(evidence),
                    unresolved=unresolved,
                    notes=notes,
                )
            )
        return drafts

    def _party_records(
        self, group: list[_Mention], numbers: list[tuple[str, tuple[int, int]]]
    ) -> tuple[tuple[Party, ...], list[Evidence]]:
        records, evidence = [], []
        for i, mention in enumerate(group):
            assert mention.institution is not None
            doc_number, number_span = self._number_for(mention.institution, numbers)
            written = None if mention.post is not None else re.sub(r"\s+", " ", mention.surface)
            records.append(
                Party(
                    institution=mention.institution,
                    name_as_written=written,
                    document_number=doc_number,
                )
            )
            evidence.append(
                self._evidence(f"parties[{i}]", mention.start, mention.end, mention.how)
            )
            if number_span is not None:
                evidence.append(
                    self._evidence(f"parties[{i}].document_number", *number_span, "document_number")
                )
        return tuple(records), evidence

    def _signatories(
        self, group: list[_Mention], people: list[_Person]
    ) -> tuple[tuple[Signatory, ...], list[Evidence]]:
        signatories: list[Signatory] = []
        evidence: list[Evidence] = []
        members = {m.institution for m in group}
        for person in (p for p in people if p.institution in members):
            field = f"signatories[{len(signatories)}]"
            signatories.append(
                Signatory(
                    party=person.institution,
                    name=person.name,
                    post=person.post,
                    rank=person.rank,
                    rank_as_written=person.rank_as_written,
                    academic_titles=person.titles,
                )
            )
            for part, span, how in (
                ("name", person.name_span, "signatory"),
                ("post", person.post_span, "signatory"),
                ("rank", person.rank_span, "rank"),
                ("academic_titles", person.titles_span, "academic_titles"),
            ):
                if span is not None:
                    evidence.append(self._evidence(f"{field}.{part}", *span, how))
        return tuple(signatories), evidence

    def _evidence(self, field: str, start: int, end: int, how: str) -> Evidence:
        return Evidence(
            field=field,
            start=start,
            end=end,
            text=self.text[start:end],
            confidence=rules.CONFIDENCE[how],
        )

    def _resolve_local(self, mentions: list[_Mention]) -> None:
        """'Polda setempat' (the local Polda): the unit of that kind for the region named before."""
        for i, mention in enumerate(mentions):
            if mention.how != "party_local":
                continue
            for earlier in reversed(mentions[:i]):
                if earlier.region is None:
                    continue
                for kind in _family(mention.kind):
                    ids = self.index.by_kind_region.get((kind, earlier.region), ())
                    if len(ids) == 1:
                        mention.institution, mention.region = ids[0], earlier.region
                        break
                break

    def _parent_span(self) -> tuple[int, int] | None:
        cue = _PARENT_CUE.search(self.text)
        if cue is None:
            return None
        _, end = self._sentence_of(cue.start())
        return cue.start("mou"), end

    def _parties(self, mentions: list[_Mention], parent: tuple[int, int] | None) -> list[_Mention]:
        candidates = []
        venues = [(m.start("venue"), m.end("venue")) for m in _VENUE.finditer(self.text)]
        for mention in mentions:
            in_parent = parent is not None and parent[0] <= mention.start < parent[1]
            in_venue = any(start <= mention.start < end for start, end in venues)
            if (
                in_parent
                or in_venue
                or self._in_attendance(mention.start)
                or not self._in_signing_context(mention.start)
            ):
                continue
            if mention.unresolved and mention.institution is None:
                self.unresolved.append(mention.surface.removeprefix("Ketua ").strip())
                if not self._provisional(mention):
                    continue
            if mention.institution is not None:
                candidates.append(mention)
        regional = [m for m in candidates if not m.national]
        if regional:
            candidates = regional
        # Per institution, the first mention by name; a post title ("Kapolda
        # Kalsel") only when the text never names the institution itself.
        first: dict[str, _Mention] = {}
        for mention in sorted(
            candidates, key=lambda m: (m.post is not None, m.how == "party_local", m.start)
        ):
            assert mention.institution is not None
            first.setdefault(mention.institution, mention)
        return sorted(first.values(), key=lambda m: m.start)

    def _provisional(self, mention: _Mention) -> bool:
        """Give a police unit the registry does not hold a provisional id; whether it got one.

        The unit is the one the text names ("Polres Malang", "Kapolres Malang",
        "Kepolisian Resor Malang" are all Polres Malang), its id built by the
        dataset's convention (kind word + slug of the name: ``polres-malang``).
        Election bodies get none: every KPU and Bawaslu is in the registry, so
        an unresolved one is a region-name problem ("KPU Malang": Kabupaten or
        Kota Malang?), not a missing body.
        """
        kind = mention.kind
        if not kind.is_police or kind is InstitutionKind.POLRI or mention.national:
            return False
        if mention.name_span is None:
            return False
        written_name = " ".join(self.text[slice(*mention.name_span)].split())
        name = f"{_KIND_WORD[kind]} {written_name}"
        institution = name_key(name).replace(" ", "-")
        if institution in self.index.institutions:
            return False  # the id is taken by a unit the name did not resolve to: not ours to pick
        known = self.provisional.get(institution)
        written = " ".join(mention.surface.split())
        if known is None or (known.written != known.name and written == name):
            self.provisional[institution] = _Provisional(kind, name, written, mention.region)
        mention.institution = institution
        mention.how = "party_unregistered"
        return True

    def _provisional_notes(self, groups: list[list[_Mention]]) -> None:
        """A note for each provisional unit that is a party of a draft."""
        used = {m.institution for group in groups for m in group}
        for institution, unit in self.provisional.items():
            if institution not in used:
                continue
            written = f" (written {unit.written!r})" if unit.written != unit.name else ""
            self.notes.append(
                f"{unit.name}{written} is not in the institution registry: add it "
                f"(with its source and jurisdiction) before this draft validates; "
                f"{institution!r} is a provisional id."
            )

    def _kind_of(self, institution: str) -> InstitutionKind:
        record = self.index.institutions.get(institution)
        return record.kind if record is not None else self.provisional[institution].kind

    def _groups(self, parties: list[_Mention]) -> list[list[_Mention]]:
        bodies = [m for m in parties if m.kind.is_election_body]
        police = [m for m in parties if m.kind.is_police]
        others = [m for m in parties if m.kind is InstitutionKind.OTHER]
        if not bodies or not police:
            return []
        groups: dict[tuple[InstitutionKind, str], list[_Mention]] = {}
        for body in bodies:
            groups.setdefault((body.kind, _level_class(body.region)), []).append(body)
        wanted = {
            "national": (InstitutionKind.POLRI,),
            "province": (InstitutionKind.POLDA,),
            "regency": _POLRES_FAMILY,
        }
        result = []
        for (kind, level), members in groups.items():
            units = [m for m in police if m.kind in wanted[level]] or police
            extra = others if (kind is InstitutionKind.BAWASLU or len(groups) == 1) else []
            order = sorted([*members, *units, *extra], key=lambda m: m.start)
            result.append(order)
        result.sort(key=lambda group: min(m.start for m in group))
        return result

    # -- people --

    def _people(self, mentions: list[_Mention], parties: set[str | None]) -> list[_Person]:
        people: dict[str, _Person] = {}
        for mention in mentions:
            if mention.post is None:
                continue
            institution = mention.institution
            if institution is None and mention.region is None and not mention.national:
                same = [p for p in parties if p and self._kind_of(p) in _family(mention.kind)]
                institution = same[0] if len(same) == 1 else None
            if institution is None or institution not in parties:
                continue
            cursor = mention.end
            paren = _PAREN.match(self.text, cursor)
            if paren:
                cursor = paren.end()
            person = _Person(
                institution=institution,
                post=self._post_text(mention),
                post_span=(mention.start, mention.end),
            )
            if not self._in_headline(mention.start):
                self._read_person(cursor, person)
            if person.name is None:
                continue
            known = people.get(institution)
            if known is None:
                people[institution] = person
                continue
            mine, theirs = (
                set(name_key(person.name).split()),
                set(name_key(known.name or "").split()),
            )
            if mine != theirs and person.name not in known.variants:
                known.variants.append(person.name)
                self.notes.append(
                    f"{known.post} is named {known.name!r} and {person.name!r} in the same text."
                )
            if not (mine <= theirs or theirs <= mine):
                continue  # another person with the same post: keep the first
            for field in ("rank", "rank_as_written", "rank_span", "titles", "titles_span"):
                if getattr(known, field) is None:
                    setattr(known, field, getattr(person, field))
        order = {m.institution: m.start for m in reversed(mentions) if m.institution}
        return sorted(people.values(), key=lambda p: order.get(p.institution, 0))

    def _in_headline(self, at: int) -> bool:
        """Whether *at* is in a headline: a line of four or more words, most capitalised, no comma."""
        start = self.text.rfind("\n", 0, at) + 1
        end = self.text.find("\n", at)
        line = self.text[start : end if end >= 0 else len(self.text)]
        words = line.split()
        capitalised = sum(1 for w in words if w[:1].isupper())
        return len(words) >= 4 and "," not in line and capitalised >= 0.75 * len(words)

    def _post_text(self, mention: _Mention) -> str:
        surface = re.sub(r"\s+", " ", mention.surface)
        if mention.post not in {None, "Ketua"} and surface.startswith("Kepala"):
            paren = _PAREN.match(self.text, mention.end)
            if paren and paren.group(1).startswith("Ka"):
                return paren.group(1)
        return surface

    def _read_person(self, cursor: int, person: _Person) -> None:  # noqa: PLR0912, PLR0915 - rank, name, titles in reading order
        text = self.text
        sep = re.compile(r"\s*,?\s*").match(text, cursor)
        cursor = sep.end() if sep else cursor
        rank = _rank_pattern().match(text, cursor)
        if rank:
            written = re.sub(r"\s+", " ", rank.group(0)).strip()
            try:
                person.rank = PoliceRank.parse(written)
            except PemiluPksError:
                person.rank = None
            if person.rank is not None:
                person.rank_as_written, person.rank_span = written, (rank.start(), rank.end())
                cursor = rank.end()
                cursor = re.compile(r"\s*").match(text, cursor).end()  # type: ignore[union-attr]
        prefix_titles = []
        words: list[tuple[int, int]] = []
        while len(words) < 6:
            word = _NAME_WORD.match(text, cursor)
            if word is None:
                break
            key = word.group(0).rstrip(".").casefold()
            if key in rules.NAME_STOPWORDS:
                break
            if not words and key in rules.HONORIFICS:
                pass
            elif not words and key in rules.PREFIX_TITLES:
                prefix_titles.append(word.group(0))
            else:
                words.append((word.start(), word.end()))
            space = re.compile(r"\.?[ \t]+(?=[A-Z])").match(text, word.end())
            if space is None:
                break
            cursor = space.end()
        if not words:
            return
        start, end = words[0][0], words[-1][1]
        person.name, person.name_span = text[start:end].rstrip("."), (start, end)
        titles = []
        title_start = None
        cursor = end
        for match in re.compile(
            r"\s*,\s*([A-Za-z][A-Za-z.]{0,9}(?:\s?[A-Za-z]\.?){0,3})(?=\s*[,.\s]|$)"
        ).finditer(text, cursor):
            if match.start() != cursor:
                break
            token = match.group(1).strip()
            if re.sub(r"[^a-z]", "", token.casefold()) not in rules.ACADEMIC_TITLES:
                break
            titles.append(token)
            title_start = match.start(1) if title_start is None else title_start
            cursor = match.end()
        if titles or prefix_titles:
            person.titles = ", ".join([*prefix_titles, *titles])
            if title_start is not None:
                person.titles_span = (title_start, cursor)

    # -- date --

    def _article_year(self) -> None:
        if self.year is not None:
            return
        match = _YEAR_LINE.search(self.text)
        if match:
            digits = re.search(r"20\d\d", match.group(0))
            if digits:
                self.year = int(digits.group(0))
                self.year_span = (match.start() + digits.start(), match.start() + digits.end())

    def _date(self) -> tuple[UncertainDate, list[Evidence]]:  # noqa: PLR0912, PLR0915 - one bound after another, in order
        evidence: list[Evidence] = []
        dated = self._first_in_context(_DATED)
        if dated is not None:
            written = self.text[dated.start() : dated.end()].strip()
            try:
                date = parse_date(
                    written, year=self.year, reasoning="Day, month and year stated in the text."
                )
            except WeekdayMismatchError as exc:
                self.notes.append(
                    f"The stated weekday contradicts the date: {exc}; the date was taken."
                )
                date = parse_date(
                    dated.group("date"),
                    year=self.year,
                    reasoning="Date stated; the stated weekday contradicts it.",
                )
                date = attrs.evolve(date, text=written)
            except DateParseError as exc:
                self.notes.append(
                    f"The date {written!r} cannot be read ({exc}); the draft keeps bounds."
                )
                date = None
            if date is not None:
                if not re.search(r"\d{4}|/\d{2}\b", dated.group("date")) and self.year_span:
                    evidence.append(
                        self._evidence("signing.date.earliest", *self.year_span, "date_window")
                    )
                evidence.insert(
                    0, self._evidence("signing.date", dated.start(), dated.end(), "date_exact")
                )
                return date, evidence
        low, high = rules.DATASET_WINDOW
        reasons = [
            f"No full date in the text; the dataset covers {low} (the national KPU–Polri MoU) to {high}"
        ]
        how = "date_window"
        if self.year is not None:
            low, high = max(low, dt.date(self.year, 1, 1)), min(high, dt.date(self.year, 12, 31))
            reasons.append(f"the article's year is {self.year}")
            if self.year_span:
                evidence.append(self._evidence("signing.date", *self.year_span, "date_window"))
            how = "date_bounded"
        if self.published is not None and self.published < high:
            high = self.published
            reasons.append(f"published {self.published}")
        for cue in _LOWER_CUE.finditer(self.text):
            try:
                day = parse_date(cue.group("date")).earliest
            except DateParseError:
                continue
            if low < day <= high:
                low = day
                reasons.append(
                    f"the text says something already began on {day}, so the signing is not earlier"
                )
                evidence.append(
                    self._evidence("signing.date.earliest", cue.start(), cue.end(), "date_bounded")
                )
        photo = _PHOTO.search(self.text)
        photo_day = _photo_day(photo)
        if photo is not None and photo_day is not None:
            day = photo_day
            if low <= day < high:
                high = day
                reasons.append(
                    f"a photo file name in the text is dated {day}, so the signing is not later (weak)"
                )
                evidence.append(
                    self._evidence("signing.date.latest", photo.start(), photo.end(), "date_photo")
                )
                how = "date_photo"
        weekday_match = self._first_in_context(_BARE_WEEKDAY)
        weekday = Weekday.parse(weekday_match.group("wd")) if weekday_match else None
        if high < low:
            low, high = rules.DATASET_WINDOW
            self.notes.append(
                "The date clues in the text contradict each other; the draft keeps the dataset window."
            )
        if weekday is not None and weekday_match is not None:
            reasons.append(f"only the weekday {weekday.indonesian} is stated")
            evidence.insert(
                0,
                self._evidence(
                    "signing.date", weekday_match.start("wd"), weekday_match.end("wd"), how
                ),
            )
        try:
            date = UncertainDate(
                earliest=low,
                latest=high,
                text=weekday_match.group("wd") if weekday_match else None,
                weekday=weekday,
                reasoning="; ".join(reasons) + ".",
            )
        except ValueError:
            self.notes.append(
                f"No {weekday.indonesian if weekday else 'day'} lies between {low} and {high}; weekday dropped."
            )
            date = UncertainDate(earliest=low, latest=high, reasoning="; ".join(reasons) + ".")
        return date, evidence

    def _first_in_context(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        matches = list(pattern.finditer(self.text))
        for match in matches:
            if self._in_signing_context(match.start()):
                return match
        return matches[0] if matches else None

    # -- place --

    def _venue(self, parties: list[_Mention]) -> tuple[str | None, tuple[int, int] | None]:
        match = _VENUE.search(self.text)
        if match is None:
            return None, None
        words = match.group("venue").split(" ")
        kept: list[str] = []
        for word in words:
            if not word:
                continue
            if word[0].isupper() or word[0].isdigit() or word in {"setempat", "&", "/", "dan"}:
                kept.append(word)
            else:
                break
        while kept and kept[-1] in {"&", "/", "dan"}:
            kept.pop()
        venue = " ".join(kept)
        end = match.start("venue") + len(venue)
        if venue.endswith(" setempat"):
            # "Mako Polres setempat": the party of that kind, by its registry name.
            head = venue.removesuffix(" setempat").rsplit(" ", 1)[-1]
            kinds = [kind for pattern, kind in _HEADS if pattern.fullmatch(head)]
            named = [m for m in parties if kinds and m.kind in _family(kinds[0]) and m.institution]
            if named:
                unit = named[0].institution
                assert unit is not None
                record = self.index.institutions.get(unit)
                unit_name = record.name if record is not None else self.provisional[unit].name
                venue = venue.removesuffix(" setempat").rsplit(" ", 1)[0] + " " + unit_name
        # "Aula Kayuh Baimbai Balaikota Banjarmasin" -> "Aula Kayuh Baimbai, Balaikota Banjarmasin"
        venue = _VENUE_WORD.sub(", ", venue)
        venue = re.sub(r"^(\S+), ", r"\1 ", venue)
        return venue, (match.start("venue"), end)

    def _city(self) -> tuple[str | None, tuple[int, int] | None, str, str | None]:
        event = _EVENT_CITY.search(self.text)
        if event and not re.match(rf"(?:{'|'.join(rules.VENUE_WORDS)})\b", event.group("city")):
            city, start = event.group("city"), event.start("city")
            words = city.split()
            place = None
            for k in range(1, len(words)):
                region, _ = self._region(" ".join(words[k:]), None)
                if region is not None:
                    city, place = " ".join(words[:k]), region.code
                    break
            if place is None:
                region, _ = self._region(city, None)
                place = region.code if region is not None else None
            return city, (start, start + len(city)), "city_event", place
        for pattern in _DATELINES:
            match = pattern.search(self.text, 0, 600)
            if match:
                raw = match.group("city")
                city = raw.title() if raw.isupper() else raw
                region, _ = self._region(city, None)
                return (
                    city,
                    (match.start("city"), match.end("city")),
                    "city_dateline",
                    region.code if region else None,
                )
        return None, None, "city_dateline", None

    # -- scope, instrument, parent, numbers, figures, witnesses --

    def _scope(self) -> list[tuple[ScopeItem, tuple[int, int]]]:
        found = []
        for item, pattern in _SCOPE.items():
            match = pattern.search(self.text)
            if match:
                found.append((item, (match.start(), match.end())))
        return found

    def _instrument(self) -> tuple[Instrument, str | None, tuple[int, int] | None]:
        for pattern, instrument, term in _INSTRUMENTS:
            match = pattern.search(self.text)
            if match:
                return instrument, term, (match.start(), match.end())
        return Instrument.OTHER, None, None

    def _parent(
        self, span: tuple[int, int] | None
    ) -> tuple[str | None, str | None, InstitutionKind | None, list[Evidence]]:
        if span is None:
            return None, None, None, []
        start, end = span
        raw = self.text[start:end].strip().rstrip(".")
        kind = None
        for pattern, head_kind in _HEADS:
            if head_kind.is_election_body and pattern.search(self.text, start, end):
                kind = head_kind
                break
        evidence = [self._evidence("parent", start, start + len(raw), "parent")]
        number = _DOCUMENT_NUMBER.search(self.text, start, end)
        if number:
            wanted = re.sub(r"\s+", "", number.group(0))
            for agreement in self.ds.agreements:
                if any(
                    p.document_number and wanted in re.sub(r"\s+", "", p.document_number)
                    for p in agreement.parties
                ):
                    return agreement.id, None, kind, evidence
        return None, re.sub(r"\s+", " ", raw), kind, evidence

    def _document_numbers(
        self, parent: tuple[int, int] | None
    ) -> list[tuple[str, tuple[int, int]]]:
        numbers = []
        for match in _DOCUMENT_NUMBER.finditer(self.text):
            if parent is not None and parent[0] <= match.start() < parent[1]:
                continue
            numbers.append((match.group(0), (match.start(), match.end())))
        return numbers

    def _number_for(
        self, institution: str, numbers: list[tuple[str, tuple[int, int]]]
    ) -> tuple[str | None, tuple[int, int] | None]:
        record = self.index.institutions.get(institution)
        kind = self._kind_of(institution)
        region = record.region if record is not None else self.provisional[institution].region
        for number, span in numbers:
            kpu_style = bool(re.match(r"\d", number))
            if kpu_style and kind.is_election_body:
                unit = number.split("/")[2]
                code = region.replace(".", "") if region else "01"
                if unit in {code, code.lstrip("0")} or len(numbers) <= 2:
                    return number, span
            if not kpu_style and kind.is_police:
                return number, span
        return None, None

    def _figures(self) -> list[tuple[Figure, tuple[int, int]]]:
        found: dict[tuple[str, int], tuple[Figure, tuple[int, int]]] = {}
        for pattern, key in _FIGURES:
            for match in pattern.finditer(self.text):
                value = int(match.group(1).replace(".", ""))
                phrase = re.sub(r"\s+", " ", match.group(0))
                found.setdefault(
                    (key, value),
                    (Figure(key=key, value=value, text=phrase), (match.start(), match.end())),
                )
        return list(found.values())

    def _witnesses(self, people: list[_Person]) -> tuple[str, ...]:
        signed = [p.post_span for p in people]
        result: list[str] = []
        for marker in _ATTENDANCE.finditer(self.text):
            _, end = self._sentence_of(marker.start())
            cursor = marker.end()
            for part in re.split(r",\s*(?:dan\s+)?", self.text[cursor:end]):
                item = part.strip().rstrip(".").strip()
                offset = self.text.find(part, cursor)
                cursor = offset + len(part) if offset >= 0 else cursor
                words = item.split()
                # A witness is a title and a name: three or more capitalised words.
                if len(words) < 3 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
                    continue
                if any(start >= offset and start < offset + len(part) for start, _ in signed):
                    continue
                result.append(re.sub(r"\s+", " ", item))
        return tuple(dict.fromkeys(result))

    # -- notes --

    def _quality_notes(self) -> None:
        for day, month, word in rules.ELECTION_DAYS:
            pattern = re.compile(rf"\b{day}\s+{_MONTHS_ID[month - 1]}\s+(20\d\d)\b", re.IGNORECASE)
            for match in pattern.finditer(self.text):
                if int(match.group(1)) != 2024:
                    self.notes.append(
                        f"The text dates the election to {match.group(0)!r}; {word} 2024 is on "
                        f"{day} {_MONTHS_ID[month - 1]} 2024."
                    )
        counts = Counter(line.strip() for line in self.text.splitlines() if len(line.strip()) >= 60)
        repeated = sum(1 for n in counts.values() if n > 1)
        if repeated:
            self.notes.append(
                f"{repeated} paragraphs appear more than once in the text (repeated in the source)."
            )
        for pattern, right in _MISSPELLINGS:
            typo = pattern.search(self.text)
            if typo is not None:
                self.notes.append(f"Misspelling in the source: {typo.group(0)!r} for {right!r}.")

    # -- ids --

    def _source_id(self) -> str:
        if self.source is None:
            return DRAFT_SOURCE
        if re.fullmatch(r"[a-z0-9][a-z0-9.\-]*", self.source):
            return self.source
        host = urlsplit(self.source).hostname or "source"
        host = re.sub(r"^(www|amp|m)\.", "", host)
        return f"{host}-{hashlib.sha1(self.source.encode()).hexdigest()[:8]}"  # noqa: S324 - an id, not security

    def _draft_id(self, date: UncertainDate, group: list[_Mention]) -> str:
        first, last = date.first_possible() or date.earliest, date.last_possible() or date.latest
        if first.year != last.year:
            prefix = "xxxx-xx-xx"
        elif first.month != last.month:
            prefix = f"{first.year}-xx-xx"
        elif first != last:
            prefix = f"{first.year}-{first.month:02d}-xx"
        else:
            prefix = first.isoformat()
        ordered = sorted(
            group,
            key=lambda m: (not m.kind.is_election_body, m.kind is InstitutionKind.OTHER, m.start),
        )
        return "-".join([prefix, *(self._slug(m) for m in ordered)])

    def _slug(self, mention: _Mention) -> str:
        assert mention.institution is not None
        inst = self.index.institutions.get(mention.institution)
        if inst is None:
            return mention.institution  # a provisional police unit: its id is already a slug
        if inst.kind.is_election_body and inst.region and inst.region != "ID":
            region = self.ds.regions.get(inst.region)
            if region is not None:
                return f"{inst.kind.value}-{name_key(region.name).replace(' ', '-')}"
        return inst.id


def _photo_day(match: re.Match[str] | None) -> dt.date | None:
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


# --- comparing drafts ----------------------------------------------------------------


def draft_facts(agreement: Agreement) -> Iterator[tuple[str, str]]:
    """The facts of an agreement as ``(field, value)`` pairs, for scoring drafts against records.

    Fields: ``parties``, ``date`` (the possible interval), ``venue``, ``city``,
    ``signatories`` (party and name), ``ranks`` (party and rank), ``scope``,
    ``figures``.  Names and places are compared as lookup keys (case, spacing
    and punctuation folded; honorifics such as "Hj" dropped).
    """
    for party in agreement.parties:
        yield "parties", party.institution
    date = agreement.signing.date
    yield "date", f"{date.first_possible()}..{date.last_possible()}"
    if agreement.signing.venue:
        yield "venue", name_key(agreement.signing.venue)
    if agreement.signing.city:
        yield "city", name_key(agreement.signing.city)
    for signatory in agreement.signatories:
        if signatory.name:
            words = [w for w in name_key(signatory.name).split() if w not in rules.HONORIFICS]
            yield "signatories", f"{signatory.party}:{' '.join(words)}"
        if signatory.rank is not None:
            yield "ranks", f"{signatory.party}:{signatory.rank.value}"
    for item in agreement.scope:
        yield "scope", item.value
    for figure in agreement.figures:
        yield "figures", f"{figure.key}={figure.value}"


def print_drafts(drafts: list[Draft], *, fmt: str, out: TextIO) -> None:
    """Print drafts as the dataset's ``agreements.json`` (``fmt="json"``) or as a table per draft.

    The JSON is exactly what ``datasets/agreements.json`` holds, so a curator
    can edit it into a dataset folder and check it with ``pemilu-pks validate``.
    The table lists each field read with its confidence and the text it came
    from, then the unresolved names and the notes.
    """
    from ._dataset import records_json

    if fmt == "json":
        out.write(records_json("agreements", [draft.agreement for draft in drafts]))
        return
    if not drafts:
        out.write("no agreement found in the text\n")
        return
    for number, draft in enumerate(drafts):
        if number:
            out.write("\n")
        agreement = draft.agreement
        out.write(f"draft {agreement.id}\n")
        out.write(
            f"  parties: {', '.join(agreement.institutions)}; signed {agreement.signing.date}\n"
        )
        rows = [(e.field, f"{e.confidence:.2f}", " ".join(e.text.split())) for e in draft.evidence]
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(("field", "conf"))]
        out.write(f"  {'field'.ljust(widths[0])}  {'conf'.ljust(widths[1])}  text\n")
        for field, confidence, text in rows:
            shown = text if len(text) <= 70 else text[:69] + "…"
            out.write(f"  {field.ljust(widths[0])}  {confidence.ljust(widths[1])}  {shown}\n")
        for name in draft.unresolved:
            out.write(f"  unresolved: {name}\n")
        for note in draft.notes:
            out.write(f"  note: {note}\n")
