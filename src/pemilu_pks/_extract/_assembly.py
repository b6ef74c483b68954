"""Assembly: run the stages over one text and build a draft agreement per document."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from pemilu_pks._dates import UncertainDate
from pemilu_pks._model import (
    Agreement,
    Confidence,
    Figure,
    InstitutionKind,
    Party,
    ScopeItem,
    Signatory,
    Signing,
    SourceRef,
)
from pemilu_pks._text import name_key

from . import _rules as rules
from ._draft import DRAFT_SOURCE, Draft, Evidence
from ._mentions import Mention, find_mentions, resolve_local
from ._normalise import Normalised, normalise
from ._notes import quality_notes
from ._parties import Provisional, choose_parties, group_documents, provisional_notes
from ._patterns import AGREEMENT
from ._place import Place, find_city, find_venue, venue_spans
from ._registry import Registry
from ._scope import (
    document_numbers,
    find_figures,
    find_instrument,
    find_parent,
    find_scope,
    find_witnesses,
    number_for,
    parent_span,
)
from ._segment import Segments
from ._signatories import Person, read_people
from ._signing_date import not_before, publication_day, signing_date

__all__ = ["draft_agreements"]


def draft_agreements(
    text: str,
    registry: Registry,
    agreements: Callable[[], Iterable[Agreement]],
    *,
    source: str | None,
    year: int | None,
    published: dt.date | None,
) -> list[Draft]:
    """The drafts of one text: every stage in turn, then one agreement per document.

    Args:
        text: The article text.
        registry: Exact indexes over the institutions and regions.
        agreements: Gives the known agreements, to resolve a cited parent MoU by its
            number (called only when the text cites one with a number).
        source: The source URL or id the drafts cite.
        year: The article's year, if known.
        published: The publication day, if known.
    """
    normalised = normalise(text)
    text = normalised.text
    if not AGREEMENT.search(text):
        return []
    segments = Segments(text)
    evidence = _Evidence(normalised)
    mentions = find_mentions(text, registry)
    resolve_local(mentions, registry, segments)
    parent_at = parent_span(segments)
    excluded = venue_spans(text) + ([parent_at] if parent_at else [])
    parties, provisional, unresolved = choose_parties(segments, mentions, registry, excluded)
    groups = group_documents(parties, registry)
    if not groups:
        return []
    notes = provisional_notes(groups, provisional) + quality_notes(text)
    kinds = {m.institution: _kind(m, registry, provisional) for m in parties if m.institution}
    people, people_notes = read_people(segments, mentions, kinds)
    notes += people_notes
    if published is None:
        printed = publication_day(segments)
        published = printed[0] if printed is not None else None
    kpu = all(any(m.kind is InstitutionKind.KPU for m in group) for group in groups)
    dating = signing_date(
        segments,
        year=year,
        published=published,
        excluded=[parent_at] if parent_at else [],
        start=rules.KPU_POLRI_MOU if kpu else rules.DATASET_WINDOW[0],
    )
    notes += dating.notes
    venue = find_venue(segments, parties, mentions)
    city = find_city(segments, registry)
    scope = find_scope(segments)
    figures = find_figures(text)
    instrument, term, instrument_span = find_instrument(segments, parent_at)
    parent = find_parent(text, parent_at, agreements)
    numbers = document_numbers(text, parent_at)
    witnesses = find_witnesses(segments, [p.post_span for p in people])
    source_ref = SourceRef(source=_source_id(source))
    dates = [_group_date(dating.date, group) for group in groups]
    ids = [_draft_id(date, group, registry) for date, group in zip(dates, groups, strict=True)]
    shared = _shared_evidence(
        evidence, dating=dating.evidence, venue=venue, city=city, scope=scope, figures=figures
    )
    if instrument_span:
        shared.append(evidence("instrument", *instrument_span, "instrument"))
    notes_kept = tuple(dict.fromkeys(notes))
    drafts = []
    for number, group in enumerate(groups):
        records, found = _party_records(group, numbers, registry, provisional, evidence)
        signatories, signed = _signatories(group, people, evidence)
        found += signed + shared
        applies = parent is not None and (
            parent.kind is None or parent.kind in {m.kind for m in group}
        )
        if parent is not None and applies:
            found.append(evidence("parent", *parent.span, "parent"))
        agreement = Agreement(
            id=ids[number],
            instrument=instrument,
            instrument_term=term,
            parties=records,
            signatories=signatories,
            signing=Signing(
                date=dates[number],
                venue=venue.name if venue else None,
                city=city.name if city else None,
                place=city.region if city else None,
            ),
            scope=tuple(item for item, _ in scope),
            parent=parent.agreement if parent is not None and applies else None,
            parent_text=parent.text if parent is not None and applies else None,
            related=tuple(i for i in ids if i != ids[number]),
            witnesses=witnesses,
            figures=tuple(figure for figure, _ in figures),
            sources=(source_ref,),
            notes=notes_kept,
            confidence=Confidence.LOW,
        )
        drafts.append(
            Draft(
                agreement=agreement,
                evidence=tuple(found),
                unresolved=tuple(dict.fromkeys(unresolved)),
                notes=notes_kept,
            )
        )
    return drafts


class _Evidence:
    """Makes :class:`Evidence` records: spans of the text the caller gave."""

    def __init__(self, normalised: Normalised) -> None:
        self.normalised = normalised

    def __call__(self, field: str, start: int, end: int, how: str) -> Evidence:
        start, end = self.normalised.span(start, end)
        return Evidence(
            field=field,
            start=start,
            end=end,
            text=self.normalised.original[start:end],
            confidence=rules.CONFIDENCE[how],
        )


def _group_date(date: UncertainDate, group: list[Mention]) -> UncertainDate:
    """A KPU agreement implements the national KPU–Polri MoU: a bounded date starts at it."""
    if not any(m.kind is InstitutionKind.KPU for m in group):
        return date
    return not_before(
        date,
        rules.KPU_POLRI_MOU,
        "a KPU agreement implements the national KPU–Polri MoU, so it is not earlier",
    )


def _shared_evidence(
    evidence: _Evidence,
    *,
    dating: tuple[tuple[str, int, int, str], ...],
    venue: Place | None,
    city: Place | None,
    scope: list[tuple[ScopeItem, tuple[int, int]]],
    figures: list[tuple[Figure, tuple[int, int]]],
) -> list[Evidence]:
    """The evidence every draft of the text shares: date, place, scope, figures."""
    shared = [evidence(*e) for e in dating]
    if venue is not None:
        shared.append(evidence("signing.venue", *venue.span, venue.how))
    if city is not None:
        shared.append(evidence("signing.city", *city.span, city.how))
    shared += [evidence(f"scope[{i}]", *span, "scope") for i, (_, span) in enumerate(scope)]
    shared += [evidence(f"figures[{i}]", *span, "figure") for i, (_, span) in enumerate(figures)]
    return shared


def _kind(
    mention: Mention, registry: Registry, provisional: dict[str, Provisional]
) -> InstitutionKind:
    assert mention.institution is not None
    record = registry.institutions.get(mention.institution)
    return record.kind if record is not None else provisional[mention.institution].kind


def _party_records(
    group: list[Mention],
    numbers: list[tuple[str, tuple[int, int]]],
    registry: Registry,
    provisional: dict[str, Provisional],
    evidence: _Evidence,
) -> tuple[tuple[Party, ...], list[Evidence]]:
    records, found = [], []
    for i, mention in enumerate(group):
        assert mention.institution is not None
        record = registry.institutions.get(mention.institution)
        region = record.region if record is not None else provisional[mention.institution].region
        kind = _kind(mention, registry, provisional)
        doc_number, number_span = number_for(kind, region, numbers)
        written = None if mention.post is not None else re.sub(r"\s+", " ", mention.surface)
        records.append(
            Party(
                institution=mention.institution, name_as_written=written, document_number=doc_number
            )
        )
        found.append(evidence(f"parties[{i}]", mention.start, mention.end, mention.how))
        if number_span is not None:
            found.append(evidence(f"parties[{i}].document_number", *number_span, "document_number"))
    return tuple(records), found


def _signatories(
    group: list[Mention], people: list[Person], evidence: _Evidence
) -> tuple[tuple[Signatory, ...], list[Evidence]]:
    signatories: list[Signatory] = []
    found: list[Evidence] = []
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
                found.append(evidence(f"{field}.{part}", *span, how))
    return tuple(signatories), found


def _source_id(source: str | None) -> str:
    if source is None:
        return DRAFT_SOURCE
    if re.fullmatch(r"[a-z0-9][a-z0-9.\-]*", source):
        return source
    host = urlsplit(source).hostname or "source"
    host = re.sub(r"^(www|amp|m)\.", "", host)
    return f"{host}-{hashlib.sha1(source.encode()).hexdigest()[:8]}"  # noqa: S324 - an id, not security


def _draft_id(date: UncertainDate, group: list[Mention], registry: Registry) -> str:
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
    return "-".join([prefix, *(_slug(m, registry) for m in ordered)])


def _slug(mention: Mention, registry: Registry) -> str:
    assert mention.institution is not None
    inst = registry.institutions.get(mention.institution)
    if inst is None:
        return mention.institution  # a provisional police unit: its id is already a slug
    if inst.kind.is_election_body and inst.region and inst.region != "ID":
        name = registry.region_names.get(inst.region)
        if name is not None:
            return f"{inst.kind.value}-{name_key(name).replace(' ', '-')}"
    return inst.id
