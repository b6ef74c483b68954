"""Integrity checks over a whole dataset: the records are valid one by one, are they together?

The model's validators check each record alone (an id's characters, a date
interval's order, at least two parties).  These checks look across records
and files:

- ids are unique within each file;
- every reference resolves: parties, signatories' parties and people, parent
  and related agreements, sources, region codes, parent institutions, posts'
  institutions;
- parent chains (of agreements, of institutions) have no cycles; related
  agreements name each other;
- every agreement cites at least one source (a stated jurisdiction area
  cites one by construction), and the sources of jurisdiction areas exist;
- date bounds are ordered and hold a day on the stated weekday;
- each election body that is a party lies in the jurisdiction of a police
  party (when that police unit's jurisdiction or region is known).

:func:`check` returns every problem as a ``(path, message)`` pair whose path
names the file and the JSON path (``agreements.json: $.agreements[3].parties[0].institution``);
:func:`validate` raises :class:`~pemilu_pks.IntegrityError` listing them.
``pemilu-pks validate`` and the test suite use these same functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from ._model import Agreement, Institution, InstitutionKind, Person, Source
from .exceptions import IntegrityError

if TYPE_CHECKING:  # pragma: no cover
    from ._records import Records
    from ._regions import Regions

__all__ = ["check", "check_records", "validate"]

Problem = tuple[str, str]


class Parts(Protocol):
    """What the checks read: a :class:`~pemilu_pks.Dataset`, or anything with its parts."""

    @property
    def regions(self) -> Regions: ...
    @property
    def institutions(self) -> Records[Institution]: ...
    @property
    def people(self) -> Records[Person]: ...
    @property
    def sources(self) -> Records[Source]: ...
    @property
    def agreements(self) -> Records[Agreement]: ...


def check(dataset: Parts) -> list[Problem]:
    """Return every integrity problem of *dataset*, with file and JSON path.

    Records are numbered in id order, the order of the canonical files.

    Example:
        >>> import pemilu_pks as pk
        >>> from pemilu_pks._integrity import check
        >>> check(pk.load())
        []
    """
    return check_records(
        {
            "institutions": list(dataset.institutions),
            "people": list(dataset.people),
            "sources": list(dataset.sources),
            "agreements": list(dataset.agreements),
        },
        region_exists=lambda code: dataset.regions.get(code) is not None,
    )


def validate(dataset: Parts) -> None:
    """Raise if *dataset* has any integrity problem.

    Raises:
        IntegrityError: Listing each problem as ``file: JSON path: message``.
    """
    problems = check(dataset)
    if problems:
        raise IntegrityError(problems)


def check_records(
    records: Mapping[str, Sequence[Any]],
    *,
    region_exists: Callable[[str], bool],
) -> list[Problem]:
    """Check record lists as read from their files (list index = position in the file).

    Args:
        records: ``{"institutions": [...], "people": [...], "sources": [...],
            "agreements": [...]}``; a missing key means no records.
        region_exists: Whether a region code is known.

    Returns:
        ``(path, message)`` pairs; empty when the records are consistent.
    """
    institutions: Sequence[Institution] = records.get("institutions", ())
    people: Sequence[Person] = records.get("people", ())
    sources: Sequence[Source] = records.get("sources", ())
    agreements: Sequence[Agreement] = records.get("agreements", ())
    problems: list[Problem] = []
    for name, items in (
        ("institutions", institutions),
        ("people", people),
        ("sources", sources),
        ("agreements", agreements),
    ):
        problems += _duplicates(name, items)
    ctx = _Context(
        institutions={i.id: i for i in institutions},
        people={p.id for p in people},
        sources={s.id for s in sources},
        agreements={a.id: a for a in agreements},
        region_exists=region_exists,
        problems=problems,
    )
    for index, institution in enumerate(institutions):
        _check_institution(ctx, f"institutions.json: $.institutions[{index}]", institution)
    for index, person in enumerate(people):
        _check_person(ctx, f"people.json: $.people[{index}]", person)
    for index, agreement in enumerate(agreements):
        _check_agreement(ctx, f"agreements.json: $.agreements[{index}]", agreement)
    problems += _cycles("institutions", institutions, lambda i: i.parent, "parent institutions")
    problems += _cycles("agreements", agreements, lambda a: a.parent, "parent agreements")
    return problems


class _Context:
    __slots__ = ("agreements", "institutions", "people", "problems", "region_exists", "sources")

    def __init__(
        self,
        *,
        institutions: dict[str, Institution],
        people: set[str],
        sources: set[str],
        agreements: dict[str, Agreement],
        region_exists: Callable[[str], bool],
        problems: list[Problem],
    ) -> None:
        self.institutions = institutions
        self.people = people
        self.sources = sources
        self.agreements = agreements
        self.region_exists = region_exists
        self.problems = problems

    def ref(self, path: str, value: str | None, known: Iterable[str] | Any, kind: str) -> None:
        if value is not None and value not in known:
            self.problems.append((path, f"unknown {kind} {value!r}"))

    def region(self, path: str, code: str | None) -> None:
        if code is not None and not self.region_exists(code):
            self.problems.append((path, f"unknown region code {code!r}"))

    def cite(self, path: str, ids: Iterable[str]) -> None:
        for index, source in enumerate(ids):
            self.ref(f"{path}[{index}]", source, self.sources, "source")


def _duplicates(name: str, items: Sequence[Any]) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, item in enumerate(items):
        if item.id in seen:
            problems.append(
                (
                    f"{name}.json: $.{name}[{index}].id",
                    f"duplicate id {item.id!r} (also at $.{name}[{seen[item.id]}])",
                )
            )
        else:
            seen[item.id] = index
    return problems


def _check_institution(ctx: _Context, path: str, institution: Institution) -> None:
    ctx.ref(f"{path}.parent", institution.parent, ctx.institutions, "institution")
    if institution.parent == institution.id:
        ctx.problems.append((f"{path}.parent", "an institution cannot be its own parent"))
    ctx.region(f"{path}.region", institution.region)
    ctx.region(f"{path}.seat", institution.seat)
    for index, area in enumerate(institution.jurisdiction):
        where = f"{path}.jurisdiction[{index}]"
        ctx.region(f"{where}.region", area.region)
        _ordered(ctx, where, area.valid_from, area.valid_to)
        ctx.cite(f"{where}.sources", area.sources)
    _ordered(ctx, path, institution.valid_from, institution.valid_to)
    ctx.cite(f"{path}.sources", institution.sources)


def _check_person(ctx: _Context, path: str, person: Person) -> None:
    for index, post in enumerate(person.posts):
        where = f"{path}.posts[{index}]"
        ctx.ref(f"{where}.institution", post.institution, ctx.institutions, "institution")
        _ordered(ctx, where, post.valid_from, post.valid_to)
        ctx.cite(f"{where}.sources", post.sources)
    ctx.cite(f"{path}.sources", person.sources)


def _check_agreement(ctx: _Context, path: str, agreement: Agreement) -> None:
    party_ids = agreement.institutions
    for index, party in enumerate(agreement.parties):
        ctx.ref(f"{path}.parties[{index}].institution", party.institution, ctx.institutions,
                "institution")  # fmt: skip
    for index, signatory in enumerate(agreement.signatories):
        where = f"{path}.signatories[{index}]"
        if signatory.party not in party_ids:
            ctx.problems.append(
                (f"{where}.party", f"{signatory.party!r} is not a party to this agreement")
            )
        ctx.ref(f"{where}.person", signatory.person, ctx.people, "person")
    ctx.ref(f"{path}.parent", agreement.parent, ctx.agreements, "agreement")
    if agreement.parent == agreement.id:
        ctx.problems.append((f"{path}.parent", "an agreement cannot be its own parent"))
    for index, other in enumerate(agreement.related):
        where = f"{path}.related[{index}]"
        if other == agreement.id:
            ctx.problems.append((where, "an agreement cannot be related to itself"))
        elif other not in ctx.agreements:
            ctx.problems.append((where, f"unknown agreement {other!r}"))
        elif agreement.id not in ctx.agreements[other].related:
            ctx.problems.append(
                (where, f"{other!r} does not name {agreement.id!r} among its related agreements")
            )
    if not agreement.sources:
        ctx.problems.append((f"{path}.sources", "an agreement needs at least one source"))
    for index, ref in enumerate(agreement.sources):
        ctx.ref(f"{path}.sources[{index}].source", ref.source, ctx.sources, "source")
    ctx.region(f"{path}.signing.place", agreement.signing.place)
    date = agreement.signing.date
    if date.latest < date.earliest:
        ctx.problems.append(
            (f"{path}.signing.date", f"latest ({date.latest}) is before earliest ({date.earliest})")
        )
    elif date.weekday is not None and date.first_possible() is None:
        ctx.problems.append(
            (
                f"{path}.signing.date.weekday",
                f"no {date.weekday.value} lies between {date.earliest} and {date.latest}",
            )
        )
    _check_coverage(ctx, path, agreement)


def _check_coverage(ctx: _Context, path: str, agreement: Agreement) -> None:
    """Each election body must lie in a police party's area, when any police area is known."""
    police: list[Institution] = []
    for party in agreement.parties:
        institution = ctx.institutions.get(party.institution)
        if institution is not None and institution.kind.is_police:
            police.append(institution)
    if not police:
        return
    date = agreement.signing.date
    areas: list[str] = []
    known = False
    for unit in police:
        if unit.kind is InstitutionKind.POLRI:
            return  # national: covers every region
        if unit.jurisdiction:
            known = True
            areas += [
                a.region
                for a in unit.jurisdiction
                if _overlaps(a.valid_from, a.valid_to, date.earliest, date.latest)
            ]
        elif unit.region is not None:
            known = True
            areas.append(unit.region)
    if not known:
        return  # no police area known: nothing to check against
    for index, party in enumerate(agreement.parties):
        body = ctx.institutions.get(party.institution)
        if body is None or not body.kind.is_election_body:
            continue
        if body.region is None:
            ctx.problems.append(
                (
                    f"{path}.parties[{index}].institution",
                    f"national body {body.id!r} signs with police units of limited area",
                )
            )
        elif not any(_within(body.region, area) or _within(area, body.region) for area in areas):
            ctx.problems.append(
                (
                    f"{path}.parties[{index}].institution",
                    f"{body.id!r} (region {body.region}) is outside the jurisdiction of "
                    + ", ".join(repr(unit.id) for unit in police)
                    + " when the agreement was signed",
                )
            )


def _within(code: str, area: str) -> bool:
    """Whether region *code* lies in region *area* (Kemendagri codes nest by prefix)."""
    return area in {"ID", code} or code.startswith(area + ".")


def _overlaps(
    start: dt.date | None, end: dt.date | None, earliest: dt.date, latest: dt.date
) -> bool:
    return (start is None or start <= latest) and (end is None or earliest <= end)


def _ordered(ctx: _Context, path: str, start: dt.date | None, end: dt.date | None) -> None:
    if start is not None and end is not None and end < start:
        ctx.problems.append((f"{path}.valid_to", f"{end} is before valid_from {start}"))


def _cycles(
    name: str, items: Sequence[Any], parent_of: Callable[[Any], str | None], what: str
) -> list[Problem]:
    by_id = {item.id: item for item in items}
    index_of = {item.id: index for index, item in enumerate(items)}
    problems: list[Problem] = []
    reported: set[str] = set()
    for item in items:
        chain = [item.id]
        parent = parent_of(item)
        while parent is not None and parent in by_id and parent not in chain:
            chain.append(parent)
            parent = parent_of(by_id[parent])
        if parent is not None and parent in chain and parent != chain[0] == item.id:
            continue  # the cycle is reported from one of its members
        if parent == item.id and item.id not in reported and len(chain) > 1:
            reported.update(chain)
            problems.append(
                (
                    f"{name}.json: $.{name}[{index_of[item.id]}].parent",
                    f"a cycle of {what}: " + " -> ".join([*chain, item.id]),
                )
            )
    return problems
