"""Segmentation: the text's sentences and lines, and which of them speak about the signing.

Every later stage asks "which sentence is this offset in?" and "is that
sentence about the signing?" many times; :class:`Segments` answers both by
binary search over spans computed once, so a stage's cost stays linear in the
text.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from . import _rules as rules
from ._patterns import ATTENDANCE, HANDOVER, OTHER_EVENT, SIGNED, SIGNING, WEEKDAYS

__all__ = ["Segments", "Spans"]

_BREAK = re.compile(r"\n+|(?<=[.!?])[\"”]?\s+(?=[\"“A-Z(])")
_ABBREVIATION = re.compile(r"([A-Za-z]+)[.!?][\"”]?$")
_LINE = re.compile(r"[^\n]*")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)\b|\b(?:WIB|WITA|WIT)\b")
_PUBLICATION = re.compile(
    rf"^\W*(?:(?:{WEEKDAYS})\s*,?\s*)?\d{{1,2}}[ /.-](?:\d{{1,2}}|[A-Za-z]{{3,9}})[ /.-]20\d\d\b",
    re.IGNORECASE,
)


class Spans:
    """A set of text spans that answers "is this offset inside one?" by binary search.

    Args:
        spans: ``(start, end)`` pairs, in any order, overlapping or not.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __contains__(self, at: int) -> bool:
        i = bisect.bisect_right(self._starts, at) - 1
        return i >= 0 and at < self._ends[i]


class Segments:
    """The sentences and lines of one text, with what each sentence is about.

    Args:
        text: The article text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        spans = []
        start = 0
        for match in _BREAK.finditer(text):
            if match.group(0).startswith("\n") or self._ends_sentence(match.start()):
                spans.append((start, match.start()))
                start = match.end()
        spans.append((start, len(text)))
        self.sentences = [s for s in spans if s[1] > s[0]]
        self._starts = [s for s, _ in self.sentences]
        self._signing = [bool(SIGNING.search(text, s, e)) for s, e in self.sentences]
        self._signed = [bool(SIGNED.search(text, s, e)) for s, e in self.sentences]
        self._attendance = [m.start() for m in ATTENDANCE.finditer(text)]
        self._handover = [m.start() for m in HANDOVER.finditer(text)]
        self._other_event = [m.end() for m in OTHER_EVENT.finditer(text)]
        self.lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.end() > m.start()]
        self._line_starts = [s for s, _ in self.lines]
        self._headline: dict[int, bool] = {}
        self._furniture: dict[int, bool] = {}
        self._found: dict[tuple[re.Pattern[str], int], bool] = {}

    def _ends_sentence(self, at: int) -> bool:
        word = _ABBREVIATION.search(self.text, max(0, at - 12), at)
        if word is None:
            return True
        token = word.group(1).casefold()
        return token not in rules.ABBREVIATIONS and len(token) > 1

    # --- where ----------------------------------------------------------------

    def sentence_index(self, at: int) -> int | None:
        """The index of the sentence holding offset *at*; None between sentences."""
        i = bisect.bisect_right(self._starts, at) - 1
        if i >= 0 and at < self.sentences[i][1]:
            return i
        return None

    def sentence_of(self, at: int) -> tuple[int, int]:
        """The span of the sentence holding *at* (an empty span at *at* between sentences)."""
        i = self.sentence_index(at)
        return self.sentences[i] if i is not None else (at, at)

    def line_of(self, at: int) -> tuple[int, int]:
        """The span of the line holding *at*."""
        i = bisect.bisect_right(self._line_starts, at) - 1
        return self.lines[i] if i >= 0 else (at, at)

    def line_number(self, at: int) -> int:
        """The 0-based index of the non-empty line holding *at*."""
        return max(0, bisect.bisect_right(self._line_starts, at) - 1)

    # --- what -----------------------------------------------------------------

    def about_signing(self, at: int) -> bool:
        """Whether the sentence holding *at* speaks about the agreement or its signing."""
        i = self.sentence_index(at)
        return i is not None and self._signing[i]

    def tells_signing(self, at: int) -> bool:
        """Whether the sentence holding *at* has a signing verb ("menandatangani", "penandatanganan")."""
        i = self.sentence_index(at)
        return i is not None and self._signed[i]

    def _marker_before(self, markers: list[int], at: int) -> bool:
        start, _ = self.sentence_of(at)
        i = bisect.bisect_right(markers, at) - 1
        return i >= 0 and markers[i] >= start

    def in_attendance(self, at: int) -> bool:
        """Whether *at* follows an attendance marker ("dihadiri", "disaksikan") in its sentence."""
        return self._marker_before(self._attendance, at)

    def in_handover(self, at: int) -> bool:
        """Whether *at* follows a handover marker ("menyerahkan salinan") in its sentence."""
        return self._marker_before(self._handover, at)

    def after_other_event(self, at: int) -> bool:
        """Whether *at* closely follows a cue of another event ("saat dikonfirmasi")."""
        i = bisect.bisect_right(self._other_event, at) - 1
        return i >= 0 and at - self._other_event[i] <= rules.OTHER_EVENT_REACH

    def in_headline(self, at: int) -> bool:
        """Whether *at* is in a headline: a line of four or more words, most capitalised, no comma."""
        i = self.line_number(at)
        if i not in self._headline:
            start, end = self.lines[i] if self.lines else (0, 0)
            line = self.text[start:end]
            words = line.split()
            capitalised = sum(1 for w in words if w[:1].isupper())
            # "Hal tersebut disampaikan Kapolresta …": lower-case words other than
            # the small words of a title make a sentence, not a headline.
            content = sum(
                1 for w in words if w[:1].islower() and w not in rules.HEADLINE_SMALL_WORDS
            )
            self._headline[i] = (
                4 <= len(words) <= rules.HEADLINE_MAX_WORDS
                and "," not in line
                and not line.rstrip().endswith(".")
                and capitalised >= 0.75 * len(words)
                and content <= 1
            )
        return self._headline[i]

    def is_page_furniture(self, at: int) -> bool:
        """Whether *at* is on a publication line or next to a clock ("10:15 WIB"): not news."""
        i = self.line_number(at)
        if i not in self._furniture:
            start, end = self.lines[i] if self.lines else (0, 0)
            line = self.text[start:end]
            short = len(line.split()) <= 14
            self._furniture[i] = (short and bool(_CLOCK.search(line))) or (
                bool(_PUBLICATION.match(line)) and len(line.split()) <= 8
            )
        return self._furniture[i]

    def sentence_has(self, pattern: re.Pattern[str], at: int) -> bool:
        """Whether the sentence holding *at* has a match of *pattern* (each sentence searched once)."""
        i = self.sentence_index(at)
        if i is None:
            return False
        key = (pattern, i)
        if key not in self._found:
            self._found[key] = pattern.search(self.text, *self.sentences[i]) is not None
        return self._found[key]

    @cached_property
    def header_end(self) -> int:
        """Where the body starts: past the headline and the short lines under it."""
        for start, end in self.lines[1:12]:
            if len(self.text[start:end].split()) >= 12:
                return start
        return self.lines[1][0] if len(self.lines) > 1 else 0
