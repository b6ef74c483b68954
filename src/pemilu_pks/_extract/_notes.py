"""Data-quality notes on the text itself: election days dated to the wrong year, repeats, typos."""

from __future__ import annotations

import re
from collections import Counter

from . import _rules as rules
from ._patterns import MISSPELLINGS

__all__ = ["quality_notes"]

_ELECTION_DAYS = [
    (
        re.compile(rf"\b{day}\s+{rules.MONTHS[month - 1]}\s+(20\d\d)\b", re.IGNORECASE),
        day,
        month,
        word,
    )
    for day, month, word in rules.ELECTION_DAYS
]


def quality_notes(text: str) -> list[str]:
    """Notes on problems a curator should know about the text."""
    notes = [
        f"The text dates the election to {match.group(0)!r}; {word} 2024 is on "
        f"{day} {rules.MONTHS[month - 1]} 2024."
        for pattern, day, month, word in _ELECTION_DAYS
        for match in pattern.finditer(text)
        if int(match.group(1)) != 2024
    ]
    counts = Counter(line.strip() for line in text.splitlines() if len(line.strip()) >= 60)
    repeated = sum(1 for n in counts.values() if n > 1)
    if repeated:
        notes.append(
            f"{repeated} paragraphs appear more than once in the text (repeated in the source)."
        )
    for pattern, right in MISSPELLINGS:
        typo = pattern.search(text)
        if typo is not None:
            notes.append(f"Misspelling in the source: {typo.group(0)!r} for {right!r}.")
    return notes
