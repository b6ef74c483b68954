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
from ._patterns import WEEKDAYS
from ._registry import Registry, family
from ._segment import Segments

__all__ = ["Place", "find_city", "find_venue", "venue_spans"]

_VENUE_WORDS = "|".join(rules.VENUE_WORDS)
_VENUE = re.compile(
    rf"\b(?:[Bb]ertempat\s+)?(?:di|DI|Di)[ \t]+(?P<venue>(?i:{_VENUE_WORDS})\b[^,.;\n]*)"
)
_VENUE_WORD = re.compile(rf"\s(?=(?:{_VENUE_WORDS})\b)")
_EVENT_CITY = re.compile(
    rf"\b(?:di|DI|Di)[ \t]+(?P<city>[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){{0,3}})[ \t]*,[ \t]*(?:{WEEKDAYS})\b"
)
_DATELINE = re.compile(r"(?P<head>[^\n]{2,80}?)[ \t]*(?:[-–—]{1,2}|\|)[ \t]+(?=\S)")
_PART = re.compile(r"[^,()/]+")
_PUBLISHER = re.compile(
    r"\.(?:com|id|co|net|org|news)\b|online|news|antara|pos\b|times|media|\bkabar|\bberita|tv\b|\d",
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


def find_venue(segments: Segments, parties: list[Mention], registry: Registry) -> Place | None:
    """The venue of the signing: the first in a sentence about it, else the first in the body."""
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
    kept: list[str] = []
    for word in chosen.group("venue").split(" "):
        if not word:
            continue
        if (
            word[0].isupper()
            or word[0].isdigit()
            or word in {"setempat", "&", "/", "dan"}
            or not kept
        ):
            kept.append(word)
        else:
            break
    while kept and kept[-1] in {"&", "/", "dan"}:
        kept.pop()
    venue = " ".join(kept)
    end = chosen.start("venue") + len(venue)
    if venue.endswith(" setempat"):
        # "Mako Polres setempat": the party of that kind, by its registry name.
        head = venue.removesuffix(" setempat").rsplit(" ", 1)[-1]
        kinds = kinds_of(head)
        named = [m for m in parties if kinds and m.kind in family(kinds[0]) and m.institution]
        if named and named[0].institution in registry.institutions:
            unit_name = registry.institutions[named[0].institution or ""].name
            venue = venue.removesuffix(" setempat").rsplit(" ", 1)[0] + " " + unit_name
    venue = venue[0].upper() + venue[1:]
    # "Aula Kayuh Baimbai Balaikota Banjarmasin" -> "Aula Kayuh Baimbai, Balaikota Banjarmasin"
    venue = _VENUE_WORD.sub(", ", venue)
    venue = re.sub(r"^(\S+), ", r"\1 ", venue)
    return Place(venue, (chosen.start("venue"), end), "venue")


def find_city(segments: Segments, registry: Registry) -> Place | None:
    """The city of the signing: the place before the weekday, else the dateline."""
    text = segments.text
    for event in _EVENT_CITY.finditer(text):
        if re.match(rf"(?i:{_VENUE_WORDS})\b", event.group("city")):
            continue
        if segments.is_page_furniture(event.start()):
            continue
        city, start = event.group("city"), event.start("city")
        words = city.split()
        place = None
        for k in range(1, len(words)):
            region, _ = registry.region(" ".join(words[k:]))
            if region is not None:
                city, place = " ".join(words[:k]), region
                break
        if place is None:
            place, _ = registry.region(city)
        return Place(city, (start, start + len(city)), "city_event", _city_code(place))
    return _dateline(segments, registry)


def _dateline(segments: Segments, registry: Registry) -> Place | None:
    text = segments.text
    for number, (line_start, line_end) in enumerate(segments.lines[:12]):
        if number == 0 and len(segments.lines) > 1:
            continue  # the headline
        match = _DATELINE.match(text, line_start, line_end)
        if match is None or len(match.group("head").split()) > 6:
            continue
        if len(text[match.end() : line_end].split()) < rules.DATELINE_MIN_WORDS:
            continue  # a caption or a title, not a dateline opening a paragraph
        parts = [
            (m.start(), m.group(0)) for m in _PART.finditer(text, line_start, match.end("head"))
        ]
        best: Place | None = None
        for offset, part in parts:
            name = part.strip()
            if not name or _PUBLISHER.search(name) or not name[0].isupper():
                continue
            start = offset + part.index(name)
            shown = name.title() if name.isupper() else name
            region, _ = registry.region(shown)
            found = Place(shown, (start, start + len(name)), "city_dateline", _city_code(region))
            if region is not None:
                return found
            if len(name.split()) <= 3:
                best = best or found
        if best is not None:
            return best
    return None


def _city_code(code: str | None) -> str | None:
    """A place's region code when it is a regency or city."""
    return code if code is not None and "." in code else None
