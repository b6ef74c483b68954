"""Parties: which mentions sign, and how they group into documents.

A mention is a party when its sentence speaks about the signing, it is not
after an attendance or handover marker (witnesses, people handing over
copies), not inside the venue or the sentence citing the parent MoU.  A
police unit the registry lacks gets a provisional id.  Parties then group
into documents by election body and level: a regency's KPU signs with the
Polres family, a province's with the Polda; the other levels are context.
"""

from __future__ import annotations

import attrs

from pemilu_pks._model import InstitutionKind
from pemilu_pks._text import name_key

from ._mentions import KIND_WORD, Mention
from ._registry import POLRES_FAMILY, Registry, family, level_class
from ._segment import Segments, Spans

__all__ = ["Provisional", "choose_parties", "group_documents", "provisional_notes"]


@attrs.frozen
class Provisional:
    """A police unit the text names that the registry does not hold (yet)."""

    kind: InstitutionKind
    name: str  # "Polres Malang": kind word + the name as written
    written: str  # the mention as written: "Kapolres Malang", "Kepolisian Resor Malang"
    region: str | None  # the region the name resolves to, when it does unambiguously


def choose_parties(
    segments: Segments,
    mentions: list[Mention],
    registry: Registry,
    excluded: list[tuple[int, int]],
) -> tuple[list[Mention], dict[str, Provisional], list[str]]:
    """The party mentions (first per institution), the provisional units and the unresolved names.

    Args:
        segments: The text's sentences.
        mentions: Every mention, in order.
        registry: The exact indexes.
        excluded: Spans whose mentions are never parties (venues, the parent MoU's sentence).
    """
    text = segments.text
    outside = Spans(excluded)
    candidates: list[Mention] = []
    provisional: dict[str, Provisional] = {}
    unresolved: list[str] = []
    for mention in mentions:
        at = mention.start
        if (
            at in outside
            or segments.in_attendance(at)
            or segments.in_handover(at)
            or not (segments.about_signing(at) or segments.in_headline(at))
        ):
            continue
        if mention.unresolved and mention.institution is None:
            unresolved.append(mention.surface.removeprefix("Ketua ").strip())
            # A headline's capitalised words are no unit's name: no provisional unit from there.
            if segments.in_headline(at) or not _provisional(text, mention, registry, provisional):
                continue
        if mention.institution is not None:
            candidates.append(mention)
    regional = [m for m in candidates if not m.national]
    if regional:
        candidates = regional
    # A body the text names only as "KPU setempat" or bare "KPU" is the one it names in
    # full elsewhere, when it does: no second body of that kind from the shortcut.
    named = {m.kind for m in candidates if m.kind.is_election_body and m.how != "party_local"}
    candidates = [m for m in candidates if not (m.how == "party_local" and m.kind in named)]
    # Per institution, the first mention by name; a post title ("Kapolda
    # Kalsel") only when the text never names the institution itself.
    first: dict[str, Mention] = {}
    for mention in sorted(
        candidates, key=lambda m: (m.post is not None, m.how == "party_local", m.start)
    ):
        assert mention.institution is not None
        first.setdefault(mention.institution, mention)
    # A unit named only in the headline is a party when the body names it too.
    body = {m.institution for m in candidates if not segments.in_headline(m.start)}
    parties = [m for m in first.values() if m.institution in body or not body]
    return sorted(parties, key=lambda m: m.start), provisional, unresolved


def _provisional(
    text: str, mention: Mention, registry: Registry, known: dict[str, Provisional]
) -> bool:
    """Give a police unit the registry does not hold a provisional id; whether it got one.

    The unit is the one the text names ("Polres Malang", "Kapolres Malang",
    "Kepolisian Resor Malang" are all Polres Malang), its id built by the
    dataset's convention (kind word + slug of the name: ``polres-malang``).
    Election bodies get none: every KPU and Bawaslu is in the registry, so
    an unresolved one is a region-name problem, not a missing body.
    """
    kind = mention.kind
    if not kind.is_police or kind is InstitutionKind.POLRI or mention.national:
        return False
    if mention.name_span is None:
        return False
    written_name = " ".join(text[slice(*mention.name_span)].split())
    if written_name.isupper() and len(written_name) > 4:
        written_name = written_name.title()
    name = f"{KIND_WORD[kind]} {written_name}"
    institution = name_key(name).replace(" ", "-")
    if institution in registry.institutions:
        return False  # the id is taken by a unit the name did not resolve to: not ours to pick
    unit = known.get(institution)
    written = " ".join(mention.surface.split())
    if unit is None or (unit.written != unit.name and written == name):
        known[institution] = Provisional(kind, name, written, mention.region)
    mention.institution = institution
    mention.how = "party_unregistered"
    return True


def provisional_notes(
    groups: list[list[Mention]], provisional: dict[str, Provisional]
) -> list[str]:
    """A note for each provisional unit that is a party of a draft."""
    used = {m.institution for group in groups for m in group}
    notes = []
    for institution, unit in provisional.items():
        if institution not in used:
            continue
        written = f" (written {unit.written!r})" if unit.written != unit.name else ""
        notes.append(
            f"{unit.name}{written} is not in the institution registry: add it "
            f"(with its source and jurisdiction) before this draft validates; "
            f"{institution!r} is a provisional id."
        )
    return notes


_WANTED = {
    "national": (InstitutionKind.POLRI,),
    "province": (InstitutionKind.POLDA,),
    "regency": POLRES_FAMILY,
}


def group_documents(parties: list[Mention], registry: Registry) -> list[list[Mention]]:
    """The parties of each document: election bodies by kind and level, with their police units.

    A regency's body signs with the Polres family, a province's with the Polda,
    a national one with Polri; a police unit of another level is context, used
    only when no unit of the matching level is named.  An unregistered one-word
    name ("Polresta Makota") gives way to a registered unit of the same kind
    family: it is a short name of that unit, not a second one.
    """
    bodies = [m for m in parties if m.kind.is_election_body]
    police = [m for m in parties if m.kind.is_police]
    others = [m for m in parties if m.kind is InstitutionKind.OTHER]
    if not bodies or not police:
        return []
    groups: dict[tuple[InstitutionKind, str], list[Mention]] = {}
    for body in bodies:
        groups.setdefault((body.kind, level_class(body.region)), []).append(body)
    result = []
    for (kind, level), members in groups.items():
        units = [m for m in police if m.kind in _WANTED[level]] or police
        registered = {
            registry.institutions[m.institution or ""].kind for m in units if _known(m, registry)
        }
        units = [m for m in units if not _short_alias(m, registered, registry)]
        extra = others if (kind is InstitutionKind.BAWASLU or len(groups) == 1) else []
        result.append(sorted([*members, *units, *extra], key=lambda m: m.start))
    result.sort(key=lambda group: min(m.start for m in group))
    return result


def _short_alias(mention: Mention, registered: set[InstitutionKind], registry: Registry) -> bool:
    """A one-word unregistered name ("Polresta Makota") beside a registered unit of its family."""
    if _known(mention, registry) or mention.name_span is None:
        return False
    one_word = len(mention.surface[mention.name_span[0] - mention.start :].split()) == 1
    return one_word and any(kind in family(mention.kind) for kind in registered)


def _known(mention: Mention, registry: Registry) -> bool:
    return mention.institution is not None and mention.institution in registry.institutions
