"""The place of signing: the venue ("di Aula …", "bertempat di hotel Salimar") and the city.

The city is the place before the weekday ("di Samarinda, Senin") or else the
dateline that opens the report, in any of the shapes news sites use:
"Samarinda (ANTARA) -", "BANUATODAY.COM, BANJARMASIN -", "KalbarOnline,
Pontianak –", "MANOKWARI, kabarnusantara.co –".  Of a dateline's parts, the
one the region index knows wins; a publisher's name is never a city.
"""

from __future__ import annotations

import re

import attrs

from . import _rules as rules
from ._mentions import Mention, kinds_of
from ._patterns import HEADS, MENTION, WEEKDAYS
from ._registry import Registry, family
from ._segment import Segments

__all__ = ["Place", "find_city", "find_venue", "venue_spans"]

_VENUE_WORDS = "|".join(rules.VENUE_WORDS)
_VENUE_TAILS = "|".join(rules.VENUE_TAILS)
_VENUE = re.compile(
    r"\b(?:[Bb]ertempat\s+)?(?:di|DI|Di)[ \t]+(?P<venue>"
    rf"(?i:{_VENUE_WORDS})\b[^,.;\n]*"
    rf"|(?:[A-Z][\w'&-]*[ \t]+){{1,4}}(?:{_VENUE_TAILS})\b[^,.;\n]*)"
)
# ", Jalan Basuki Rahmat", ", Kecamatan Tanjung Raya": an address part of the venue.
_ADDRESS = re.compile(
    rf"[ \t]*,[ \t]*(?P<part>(?:{'|'.join(rules.ADDRESS_WORDS)})"
    r"(?:[ \t]+(?:No\.[ \t]*\d+\w*|[A-Z0-9][\w'-]*)){1,5})"
)
_VENUE_WORD = re.compile(rf"\s(?=(?:{_VENUE_WORDS})\b)")
_PLACE_LIST = re.compile(
    rf"\b(?:di|DI|Di)[ \t]+(?P<list>[^.\n;()]{{1,160}}?)[ \t]*,[ \t]*\(?(?:{WEEKDAYS})\b"
)
_VENUE_AT = re.compile(rf"(?i:{_VENUE_WORDS})\b|[a-z]")
_OWNER = re.compile(r",[ \t]*(?P<owner>[A-Z][\w]*(?:[ \t]+[A-Z][\w]*){1,2})(?=[ \t]*[,.])")
_STREET = re.compile(r"(?i:jalan|jln?)\b")
_CITY_WORDS = re.compile(r"(?:Kota\s+)?[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,3}")
_DATELINE = re.compile(r"(?P<head>[^\n]{2,80}?)[ \t]*(?:[-–—]{1,2}|\|)(?:[ \t]+(?=\S)|(?=[A-Z]))")
# "PALU, Guna mendukung …": a dateline in capitals closed by a comma.
_CAPS_DATELINE = re.compile(r"(?P<head>[A-Z][A-Z'-]+(?:[ \t]+[A-Z][A-Z'-]+){0,2}),[ \t]+(?=\S)")
_WEEKDAY = re.compile(rf"\b(?i:{WEEKDAYS})\b")
_PART = re.compile(r"[^,()/]+")
_PUBLISHER = re.compile(
    r"\.(?:com|id|co|net|org|news)\b|online|news|antara|pos\b|times|media|\bkabar|\bberita|\bwarta"
    r"|tv\b|\d",
    re.IGNORECASE,
)


@attrs.frozen
class Place:
    """A venue or city read from the text, with its span, evidence kind and region code."""

    name: str
    span: tuple[int, int]
    how: str
    region: str | None = None


def venue_spans(text: str) -> list[tuple[int, int]]:
    """Every venue phrase's span: institutions named inside one are not parties."""
    return [(m.start("venue"), m.end("venue")) for m in _VENUE.finditer(text)]


def find_venue(segments: Segments, parties: list[Mention], mentions: list[Mention]) -> Place | None:
    """The venue of the signing: the first in a sentence about it, else the first in the body.

    "setempat" after a unit's head ("Mako Polres setempat") is that party,
    by the longest name the text gives it.
    """
    text = segments.text
    chosen = None
    for match in _VENUE.finditer(text):
        if segments.in_headline(match.start()):
            continue
        if segments.about_signing(match.start()):
            chosen = match
            break
        chosen = chosen or match
    if chosen is None:
        return None
    venue = _venue_words(chosen.group("venue"))
    end = chosen.start("venue") + len(venue)
    # "di Aula Rupatama, Polda Sulteng": the venue belongs to the institution named after it.
    owner = _OWNER.match(text, end)
    if owner is not None and any(head.match(text, owner.start("owner")) for head, _ in HEADS):
        venue = f"{venue} {owner.group('owner')}"
        end = owner.end()
    while (address := _ADDRESS.match(text, end)) is not None:
        venue = f"{venue}, {address.group('part')}"
        end = address.end()
    if venue.endswith(" setempat"):
        # "Mako Polres setempat", "Aula Mapolda setempat": the party of that kind, by the
        # name the text gives it ("Mako Polres Tapanuli Selatan", "Aula Mapolda Kalteng").
        head = venue.removesuffix(" setempat").rsplit(" ", 1)[-1]
        kinds = kinds_of(head) or kinds_of(re.sub(r"^(?i:ma)(?=pol)", "", head))
        units = {m.institution for m in parties if kinds and m.kind in family(kinds[0])}
        names = [
            " ".join(text[slice(*m.name_span)].split())
            for m in mentions
            if m.institution in units and m.name_span is not None
        ]
        if names:
            venue = f"{venue.removesuffix(' setempat')} {max(names, key=len)}"
    venue = venue[0].upper() + venue[1:]
    if _VENUE_AT.match(venue):  # not "Grand Melati Hotel", named by its last word
        # "Aula Kayuh Baimbai Balaikota Banjarmasin" -> "Aula Kayuh Baimbai, Balaikota Banjarmasin"
        venue = _VENUE_WORD.sub(", ", venue)
        venue = re.sub(r"^(\S+), ", r"\1 ", venue)
    return Place(venue, (chosen.start("venue"), end), "venue")


def _venue_words(written: str) -> str:
    """The venue's words: capitalised ones, and a few lower-case ones before the first ("ruang rapat Hotel X")."""
    words = [w for w in written.split(" ") if w]
    kept: list[str] = words[:1]
    lower: list[str] = []
    for word in words[1:]:
        if word[0].isupper() or word[0].isdigit() or word in {"setempat", "&", "/", "dan"}:
            kept += [*lower, word]
            lower = []
        elif word in rules.NAME_CONTINUATIONS and len(kept) > 1 and kept[-1][0].isupper():
            kept += [*lower, word.capitalize()]  # "Polres Tanjung Jabung barat"
            lower = []
        elif len(kept) == 1 and len(lower) < 2:  # "ruang rapat", "aula utama"
            lower.append(word)
        else:
            break
    while kept and kept[-1] in {"&", "/", "dan"}:
        kept.pop()
    return " ".join(kept)


def find_city(segments: Segments, registry: Registry) -> Place | None:
    """The city of the signing: the place named before the weekday, else the dateline.

    "di Manado, Jumat", "di Kantor KPU, Tanah Grogot, Kamis", "di ruang rapat
    Hotel X, Kampung Baru, Kota Sorong, PBD, Senin": of the parts before the
    weekday, the venue, institutions and provinces are not the city; a part
    the region index knows as a regency or city wins, else the first other.
    """
    text = segments.text
    chosen: Place | None = None
    for match in _PLACE_LIST.finditer(text):
        if segments.is_page_furniture(match.start()):
            continue
        place = _place_in_list(text, match, registry)
        if place is not None and segments.about_signing(match.start()):
            return place
        chosen = chosen or place
    return chosen or _dateline(segments, registry)


def _place_in_list(text: str, match: re.Match[str], registry: Registry) -> Place | None:
    parts = [(m.start(), m.group(0)) for m in _PART.finditer(text, *match.span("list"))]
    if parts and _VENUE_AT.match(parts[0][1].strip()):
        parts = parts[1:]  # the venue itself
    fallback: Place | None = None
    for offset, part in parts:
        name = part.strip()
        if not _CITY_WORDS.fullmatch(name) or MENTION.match(name) or _STREET.match(name):
            continue
        start = offset + part.index(name)
        name = _without_region_suffix(name, registry)
        found = _named_place(name, (start, start + len(name)), "city_event", registry)
        if found.region is not None:
            return found
        provinces = [e for e in registry.regions_named(name) if e[1] == "province"]
        if not provinces:
            fallback = fallback or found
    return fallback


def _without_region_suffix(name: str, registry: Registry) -> str:
    """A town without the regency name after it ("Putussibau Kapuas Hulu" -> "Putussibau")."""
    words = name.split()
    if registry.regions_named(name) or words[0].casefold() in rules.LEVEL_WORDS:
        return name
    for k in range(1, len(words)):
        if registry.regions_named(" ".join(words[k:])) and not registry.regions_named(
            " ".join(words[:k])
        ):
            return " ".join(words[:k])
    return name


def _named_place(name: str, span: tuple[int, int], how: str, registry: Registry) -> Place:
    """A place as the draft writes it, with its regency or city code when the index knows it.

    A name shared by a city and a regency or province ("Jambi", "Sorong") is
    the city ("Kota Jambi"): a report's place of signing is a town.
    """
    shown = name.title() if name.isupper() else name
    plain = re.sub(r"^(?i:kota)\s+", "", shown)
    entries = registry.regions_named(shown)
    cities = [code for code, level in entries if level == "city"]
    if len(cities) == 1:
        shared = len(registry.regions_named(plain)) > 1
        return Place(f"Kota {plain}" if shared else plain, span, how, cities[0])
    regencies = [code for code, level in entries if level == "regency"]
    return Place(shown, span, how, regencies[0] if len(regencies) == 1 else None)


def _dateline(segments: Segments, registry: Registry) -> Place | None:
    """The place of the dateline opening the report ("KalbarOnline, Pontianak –")."""
    text = segments.text
    for number, (line_start, line_end) in enumerate(segments.lines[:12]):
        match = _DATELINE.match(text, line_start, line_end)
        if match is not None and not match.group(0)[-1].isspace() and not match["head"].isupper():
            match = None  # "BANDUNG–Setiap": no space after the dash only after capitals
        match = match or _CAPS_DATELINE.match(text, line_start, line_end)
        if match is None or len(match.group("head").split()) > 6:
            continue
        if _WEEKDAY.search(match.group("head")):
            continue  # a publication line ("Kamis, 20 April 2023 | …"), not a place
        if len(text[match.end() : line_end].split()) < rules.DATELINE_MIN_WORDS:
            continue  # a caption or a title, not a dateline opening a paragraph
        best: Place | None = None
        for m in _PART.finditer(text, line_start, match.end("head")):
            name = m.group(0).strip()
            if not name or _PUBLISHER.search(name) or not name[0].isupper() or MENTION.match(name):
                continue
            start = m.start() + m.group(0).index(name)
            found = _named_place(name, (start, start + len(name)), "city_dateline", registry)
            if found.region is not None or registry.regions_named(found.name):
                return found
            if len(name.split()) <= 3 and number > 0:  # line 0 may be a headline
                best = best or found
        if best is not None:
            return best
    return None


def _city_code(code: str | None) -> str | None:
    """A place's region code when it is a regency or city."""
    return code if code is not None and "." in code else None
