"""What was signed: scope items, the instrument, the parent MoU, document numbers, figures, witnesses."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from pemilu_pks._model import Agreement, Figure, InstitutionKind, Instrument, ScopeItem

from . import _rules as rules
from ._patterns import (
    AGREEMENT,
    ATTENDANCE,
    DOCUMENT_NUMBER,
    FIGURES,
    HEADS,
    INSTRUMENTS,
    PARENT_CUE,
    SCOPE,
    SCOPE_TIED,
)
from ._segment import Segments

__all__ = [
    "Parent",
    "document_numbers",
    "find_figures",
    "find_instrument",
    "find_parent",
    "find_scope",
    "find_witnesses",
    "number_for",
    "parent_span",
]

Span = tuple[int, int]


def find_scope(segments: Segments) -> list[tuple[ScopeItem, Span]]:
    """The standard scope items the text names, each with its first phrase, in the standard order.

    A loose word ("pengamanan") counts only where it says what the agreement
    is for: shortly after an agreement term in the same sentence.
    """
    text = segments.text
    found: dict[ScopeItem, Span] = {}
    for item, pattern in SCOPE.items():
        match = pattern.search(text)
        if match:
            found[item] = match.span()
    terms = [m.end() for m in AGREEMENT.finditer(text)]
    for item, pattern in SCOPE_TIED.items():
        if item in found:
            continue
        for match in pattern.finditer(text):
            i = bisect.bisect_right(terms, match.start()) - 1
            start, _ = segments.sentence_of(match.start())
            if i >= 0 and terms[i] >= start and match.start() - terms[i] <= rules.SCOPE_TIE_REACH:
                found[item] = match.span()
                break
    return [(item, found[item]) for item in SCOPE if item in found]


def find_instrument(
    segments: Segments, excluded: Span | None
) -> tuple[Instrument, str | None, Span | None]:
    """The instrument signed and the term the text uses for it.

    A text that says both MoU and PKS names the signed document where it
    tells the signing ("menandatangani perjanjian kerja sama"); the MoU a
    PKS implements (the parent's sentence) is not it, nor a headline's word
    when the body says otherwise.  A named instrument beats plain "kerja sama".
    """
    best: tuple[tuple[bool, int, int, int], Instrument, str, Span] | None = None
    for order, (pattern, instrument, term) in enumerate(INSTRUMENTS):
        for match in pattern.finditer(segments.text):
            at = match.start()
            if excluded is not None and excluded[0] <= at < excluded[1]:
                continue
            headline = segments.in_headline(at)
            rank = (
                3
                if headline
                else 0
                if segments.tells_signing(at)
                else 1
                if segments.about_signing(at)
                else 2
            )
            # Same footing: the PKS terms come first in the table (regional agreements are
            # PKS; reporters call them MoU loosely), then reading order.
            key = (instrument is Instrument.OTHER, rank, order, at)
            if best is None or key < best[0]:
                best = (key, instrument, term, match.span())
    if best is None:
        return Instrument.OTHER, None, None
    return best[1], best[2], best[3]


def parent_span(segments: Segments) -> Span | None:
    """The words citing the MoU this agreement implements, to the end of their sentence."""
    cue = PARENT_CUE.search(segments.text)
    if cue is None:
        return None
    _, end = segments.sentence_of(cue.start())
    return cue.start("mou"), end


class Parent:
    """The parent agreement read from the text: a dataset id, or the words as written."""

    def __init__(
        self, agreement: str | None, text: str | None, kind: InstitutionKind | None, span: Span
    ) -> None:
        self.agreement = agreement
        self.text = text
        self.kind = kind
        self.span = span


def find_parent(
    text: str, span: Span | None, agreements: Callable[[], Iterable[Agreement]]
) -> Parent | None:
    """The parent agreement: matched by its document number in *agreements*, else the words."""
    if span is None:
        return None
    start, end = span
    raw = text[start:end].strip().rstrip(".")
    kind = None
    for pattern, head_kind in HEADS:
        if head_kind.is_election_body and pattern.search(text, start, end):
            kind = head_kind
            break
    number = DOCUMENT_NUMBER.search(text, start, end)
    if number:
        wanted = re.sub(r"\s+", "", number.group(0))
        for agreement in agreements():
            if any(
                p.document_number and wanted in re.sub(r"\s+", "", p.document_number)
                for p in agreement.parties
            ):
                return Parent(agreement.id, None, kind, (start, start + len(raw)))
    return Parent(None, re.sub(r"\s+", " ", raw), kind, (start, start + len(raw)))


def document_numbers(text: str, parent: Span | None) -> list[tuple[str, Span]]:
    """The document numbers in the text, but the parent MoU's."""
    numbers = []
    for match in DOCUMENT_NUMBER.finditer(text):
        if parent is not None and parent[0] <= match.start() < parent[1]:
            continue
        numbers.append((match.group(0), match.span()))
    return numbers


def number_for(
    kind: InstitutionKind, region: str | None, numbers: list[tuple[str, Span]]
) -> tuple[str | None, Span | None]:
    """The number a party of *kind* for *region* gave the document (KPU numbers carry the unit code)."""
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


def find_figures(text: str) -> list[tuple[Figure, Span]]:
    """Stated figures ("564 personel"), each once."""
    found: dict[tuple[str, int], tuple[Figure, Span]] = {}
    for pattern, key in FIGURES:
        for match in pattern.finditer(text):
            value = int(match.group(1).replace(".", ""))
            phrase = re.sub(r"\s+", " ", match.group(0))
            found.setdefault(
                (key, value), (Figure(key=key, value=value, text=phrase), match.span())
            )
    return list(found.values())


def find_witnesses(segments: Segments, signed: list[Span]) -> tuple[str, ...]:
    """People named after an attendance marker ("turut hadir …"): a title and a name each."""
    text = segments.text
    result: list[str] = []
    for marker in ATTENDANCE.finditer(text):
        _, end = segments.sentence_of(marker.start())
        cursor = marker.end()
        end = min(end, cursor + 600)  # a list of guests, not the rest of a run-on text
        for part in re.split(r",\s*(?:dan\s+)?", text[cursor:end]):
            item = part.strip().rstrip(".").strip()
            offset = text.find(part, cursor, end)
            cursor = offset + len(part) if offset >= 0 else cursor
            words = item.split()
            # A witness is a title and a name: three or more capitalised words.
            if len(words) < 3 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
                continue
            if any(offset <= start < offset + len(part) for start, _ in signed):
                continue
            result.append(re.sub(r"\s+", " ", item))
    return tuple(dict.fromkeys(result))
