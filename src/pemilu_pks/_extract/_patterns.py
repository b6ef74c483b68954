"""The rules' phrase tables compiled once into regular expressions, shared by the stages."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from pemilu_pks._model import Instrument
from pemilu_pks._ranks import _RANKS

from . import _rules as rules


def any_of(patterns: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One pattern matching any of *patterns*."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


WEEKDAYS = r"Senin|Selasa|Rabu|Kamis|Jum['’`]?at|Sabtu|Minggu|Ahad"
MONTHS = "|".join(rules.MONTHS)

AGREEMENT = any_of(rules.AGREEMENT_TERMS)
SIGNING = any_of(rules.SIGNING_TERMS)
SIGNED = any_of(rules.SIGNING_VERBS)
ATTENDANCE = any_of(rules.ATTENDANCE_MARKERS)
HANDOVER = any_of(rules.HANDOVER_MARKERS)
OTHER_EVENT = any_of(rules.OTHER_EVENT_CUES)
REPRESENTED = any_of(rules.REPRESENTED_BY)
PARENT_CUE = re.compile(
    rf"(?:{'|'.join(rules.PARENT_CUES)})\s+(?:\S+\s+){{0,4}}?"
    r"(?P<mou>Nota\s+Kesepahaman|MoU|Memorandum)",
    re.IGNORECASE,
)
DOCUMENT_NUMBER = re.compile("|".join(f"(?:{p})" for p in rules.DOCUMENT_NUMBERS))
HEADS = [
    (re.compile(rf"\b{p}(?![\w])", re.IGNORECASE), kind) for p, kind in rules.INSTITUTION_HEADS
]
POSTS = [
    (re.compile(rf"\b{p}(?![\w])", re.IGNORECASE), kind, word)
    for p, kind, word in rules.POST_TITLES
]
#: Post titles, then heads, as one pattern: a match's ``lastgroup`` (``p3``, ``h5``) says which.
MENTION = re.compile(
    "|".join(
        [f"(?P<p{i}>\\b{p}(?![\\w]))" for i, (p, _, _) in enumerate(rules.POST_TITLES)]
        + [f"(?P<h{i}>\\b{p}(?![\\w]))" for i, (p, _) in enumerate(rules.INSTITUTION_HEADS)]
    ),
    re.IGNORECASE,
)
KETUA = re.compile(r"\bKetua\s+$", re.IGNORECASE)
NATIONAL = re.compile(rf"[ \t]+(?:{'|'.join(rules.NATIONAL_WORDS)})")
LEVEL = re.compile(
    rf"[ \t]+({'|'.join(re.escape(w) for w in rules.LEVEL_WORDS)})(?=[ \t])", re.IGNORECASE
)
TOKEN = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’]*(?:-[A-Za-z'’]+)*)(?=[\s,.;:()\"“”]|$)")
PAREN = re.compile(r"[ \t]*\(([^()\n]{1,40})\)")
SETEMPAT = re.compile(r"[ \t]+setempat\b", re.IGNORECASE)
AND = re.compile(r"[ \t]+dan[ \t]+")
SCOPE = {item: any_of(phrases) for item, phrases in rules.SCOPE_PHRASES.items()}
SCOPE_TIED = {item: any_of(phrases) for item, phrases in rules.SCOPE_TIED_PHRASES.items()}
FIGURES = [(re.compile(p, re.IGNORECASE), key) for p, key in rules.FIGURES]
INSTRUMENTS = [
    (re.compile(p, re.IGNORECASE), Instrument(value), term)
    for p, value, term in rules.INSTRUMENT_TERMS
]
MISSPELLINGS = [(re.compile(p, re.IGNORECASE), right) for p, right in rules.MISSPELLINGS.items()]
VENUE_START = any_of(rules.VENUE_WORDS)
NAME_WORD = re.compile(
    r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]{2,}|[A-Z]\.?)(?=[\s,.;:()\"“”]|$)"
)


@functools.cache
def rank_pattern() -> re.Pattern[str]:
    """Any police rank as news writes it, followed by a capitalised word."""
    names = set()
    for value, official, abbreviation, _, variants in _RANKS:
        for name in (value, official, abbreviation, *variants):
            bare = re.sub(r"\s+Pol(?:isi|\.)?$", "", name)
            pattern = re.escape(bare).replace(r"\ ", r"\s+")
            for wrong, right in rules.RANK_SPELLINGS.items():
                pattern = re.sub(right, f"(?:{right}|{wrong})", pattern, flags=re.IGNORECASE)
            names.add(pattern)
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    return re.compile(
        rf"(?:{alternatives})\.?(?:\s*\(?Pol(?:isi)?\.?\)?)?(?=\s+[A-Z])", re.IGNORECASE
    )
