"""Strict, fixed scoring rules for drafts against curated records (see docs/extract.md).

Each field of a record gives *facts*; a draft's fact is correct when the
aligned gold record has the same fact.  Micro precision = correct / drafted,
recall = correct / gold, F1 their harmonic mean, per field and over all fields.

- **parties**: institution ids.
- **date**: one fact per record.  Correct when the drafted interval holds a
  possible gold day and is no wider than the gold bounds (for an exact gold
  date: the draft is exactly that day).
- **venue**, **city**: one fact each, compared after folding case, accents,
  punctuation and spacing.
- **signatories**: (party, name) with the name folded and honorifics and
  academic titles stripped; **ranks**: (party, rank).
- **scope**: the set of standard items.
- **instrument**: one fact per record (``mou``, ``pks``, …).

Drafts and gold records of one article are aligned one to one by the overlap
of their parties (greatest first); the facts of a draft without a partner are
all wrong, those of a gold record without one all missed.

Only what the article can support is scored: where the gold record's reference
to the article's source lists ``supports``, a field the list does not cover is
left out for that pair (neither a miss nor a false positive); an empty
``supports`` means the source supports every field.  ``signing`` covers the
date, venue and city, ``signing.date``/``signing.venue``/``signing.city`` one
each; ``signatories`` covers names and ranks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

import pemilu_pks as pk
from pemilu_pks._extract._rules import ACADEMIC_TITLES, HONORIFICS, PREFIX_TITLES
from pemilu_pks._text import name_key

FIELDS = ("parties", "date", "venue", "city", "signatories", "ranks", "scope", "instrument")
# The record fields (as a SourceRef's ``supports`` names them) that cover each scored field.
COVERED_BY = {
    "parties": {"parties"},
    "date": {"signing", "signing.date"},
    "venue": {"signing", "signing.venue"},
    "city": {"signing", "signing.city"},
    "signatories": {"signatories"},
    "ranks": {"signatories"},
    "scope": {"scope"},
    "instrument": {"instrument"},
}
_DROPPED = HONORIFICS | PREFIX_TITLES | ACADEMIC_TITLES


def person_key(name: str) -> str:
    """A signatory's name as compared: folded, honorifics and academic titles stripped."""
    return " ".join(w for w in name_key(name).split() if w not in _DROPPED)


def date_right(drafted: pk.UncertainDate, gold: pk.UncertainDate) -> bool:
    """Whether the drafted date holds a possible gold day and is no wider than the gold bounds."""
    first, last = drafted.first_possible(), drafted.last_possible()
    gold_first, gold_last = gold.first_possible(), gold.last_possible()
    if first is None or last is None or gold_first is None or gold_last is None:
        return False
    within = gold.earliest <= first and last <= gold.latest
    return within and first <= gold_last and gold_first <= last


def scored_fields(gold: pk.Agreement, sources: Iterable[str]) -> frozenset[str]:
    """The fields scored for *gold* on an article whose source ids are *sources*."""
    ids = set(sources)
    for ref in gold.sources:
        if ref.source in ids and ref.supports:
            named = set(ref.supports)
            return frozenset(f for f in FIELDS if COVERED_BY[f] & named)
    return frozenset(FIELDS)


def _facts(agreement: pk.Agreement) -> Iterator[tuple[str, str]]:
    """The set-valued facts of a record (every field but the date)."""
    for party in agreement.parties:
        yield "parties", party.institution
    if agreement.signing.venue:
        yield "venue", name_key(agreement.signing.venue)
    if agreement.signing.city:
        yield "city", name_key(agreement.signing.city)
    for signatory in agreement.signatories:
        if signatory.name:
            yield "signatories", f"{signatory.party}:{person_key(signatory.name)}"
        if signatory.rank is not None:
            yield "ranks", f"{signatory.party}:{signatory.rank.value}"
    for item in agreement.scope:
        yield "scope", item.value
    yield "instrument", agreement.instrument.value


class Tally:
    """Correct, drafted and gold counts per field."""

    def __init__(self) -> None:
        self.correct: Counter[str] = Counter()
        self.drafted: Counter[str] = Counter()
        self.gold: Counter[str] = Counter()
        # (field, fact) pairs drafted but wrong, and gold but missed, for reading misses.
        self.wrong: list[tuple[str, str]] = []
        self.missed: list[tuple[str, str]] = []

    def add(
        self,
        draft: pk.Agreement | None,
        gold: pk.Agreement | None,
        fields: frozenset[str] = frozenset(FIELDS),
    ) -> None:
        """Count one aligned pair (either side may be missing) on the given fields."""
        mine = {f for f in _facts(draft) if f[0] in fields} if draft is not None else set()
        theirs = {f for f in _facts(gold) if f[0] in fields} if gold is not None else set()
        for field, _ in mine:
            self.drafted[field] += 1
        for field, _ in theirs:
            self.gold[field] += 1
        for field, _ in mine & theirs:
            self.correct[field] += 1
        self.wrong.extend(sorted(mine - theirs))
        self.missed.extend(sorted(theirs - mine))
        if "date" not in fields:
            return
        if draft is not None:
            self.drafted["date"] += 1
        if gold is not None:
            self.gold["date"] += 1
        if draft is not None and gold is not None:
            right = date_right(draft.signing.date, gold.signing.date)
            self.correct["date"] += right
            if not right:
                self.wrong.append(("date", str(draft.signing.date)))
                self.missed.append(("date", str(gold.signing.date)))
        elif draft is not None:
            self.wrong.append(("date", str(draft.signing.date)))
        elif gold is not None:
            self.missed.append(("date", str(gold.signing.date)))

    def article(
        self,
        drafts: Iterable[pk.Agreement],
        golds: Iterable[pk.Agreement],
        sources: Iterable[str] = (),
    ) -> None:
        """Align an article's drafts with its gold records and count every pair.

        *sources* are the ids of the article's source: a gold record's
        reference to one of them limits the fields scored to what it supports.
        """
        ids = tuple(sources)
        left, right = list(drafts), list(golds)
        pairs = sorted(
            (
                (len(set(d.institutions) & set(g.institutions)), i, j)
                for i, d in enumerate(left)
                for j, g in enumerate(right)
            ),
            key=lambda pair: (-pair[0], pair[1], pair[2]),
        )
        used_left: set[int] = set()
        used_right: set[int] = set()
        for overlap, i, j in pairs:
            if overlap == 0 or i in used_left or j in used_right:
                continue
            used_left.add(i)
            used_right.add(j)
            self.add(left[i], right[j], scored_fields(right[j], ids))
        for i, draft in enumerate(left):
            if i not in used_left:
                self.add(draft, None)
        for j, gold in enumerate(right):
            if j not in used_right:
                self.add(None, gold, scored_fields(gold, ids))

    def figures(self, field: str | None = None) -> tuple[float, float, float]:
        """Micro precision, recall and F1 of one field, or of all fields."""
        fields = FIELDS if field is None else (field,)
        correct = sum(self.correct[f] for f in fields)
        drafted = sum(self.drafted[f] for f in fields)
        gold = sum(self.gold[f] for f in fields)
        precision = correct / drafted if drafted else 0.0
        recall = correct / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def report(self) -> str:
        """A table of precision, recall and F1 per field and overall."""
        rows = [
            f"  {'field':<12} {'P':>5} {'R':>5} {'F1':>5} {'correct':>8} {'drafted':>8} {'gold':>5}"
        ]
        for field in (*FIELDS, None):
            p, r, f = self.figures(field)
            fields = FIELDS if field is None else (field,)
            counts = [sum(c[f] for f in fields) for c in (self.correct, self.drafted, self.gold)]
            rows.append(
                f"  {field or 'overall':<12} {p:>5.2f} {r:>5.2f} {f:>5.2f} "
                f"{counts[0]:>8} {counts[1]:>8} {counts[2]:>5}"
            )
        return "\n".join(rows)
