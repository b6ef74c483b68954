"""Field-level precision and recall of the draft extractor on the five seed articles.

Runs :func:`pemilu_pks.extract` on each seed article in ``tests/extract/seeds``
and compares the drafts' facts (see :func:`pemilu_pks._extract.draft_facts`)
with two references:

1. the hand-written expected drafts in ``tests/extract/expected`` (what each
   text supports), and
2. the curated dataset records with the same parties (``pk.load().agreements``),
   which may hold facts from other reports (seed 003's exact date and venue,
   for instance).

A fact is a ``(document, field, value)`` triple; a document is known by its
election-body parties, so a draft with a wrong party loses its facts.
Precision = correct / extracted, recall = correct / expected, per field and
micro-averaged over all fields.  Also prints the time per article.

Run: ``python benchmarks/bench_extract.py``.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pemilu_pks as pk
from pemilu_pks._extract import draft_facts

ROOT = Path(__file__).resolve().parents[1] / "tests" / "extract"
FIELDS = ("parties", "date", "venue", "city", "signatories", "ranks", "scope", "figures")

Fact = tuple[str, str, str, str]  # (article, document, field, value)


def facts(article: str, agreements: list[pk.Agreement]) -> set[Fact]:
    """The comparable facts of an article's agreements."""
    result = set()
    for agreement in agreements:
        document = "+".join(
            sorted(i for i in agreement.institutions if i.startswith(("kpu", "bawaslu")))
        )
        for field, value in draft_facts(agreement):
            if field in FIELDS:
                result.add((article, document, field, value))
    return result


def expected(path: Path) -> list[pk.Agreement]:
    """The hand-written expected drafts of a seed article."""
    data = json.loads((ROOT / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
    return [pk.from_json(json.dumps(record), pk.Agreement) for record in data["agreements"]]


def score(truth: set[Fact], found: set[Fact]) -> None:
    """Print precision and recall per field and micro-averaged."""
    hits, extracted, wanted = Counter[str](), Counter[str](), Counter[str]()
    for fact in found:
        extracted[fact[2]] += 1
        hits[fact[2]] += fact in truth
    for fact in truth:
        wanted[fact[2]] += 1
    print(
        f"  {'field':<12} {'precision':>9} {'recall':>7} {'correct':>8} {'found':>6} {'expected':>8}"
    )
    for field in (*FIELDS, "all"):
        if field == "all":
            h, e, w = sum(hits.values()), sum(extracted.values()), sum(wanted.values())
        else:
            h, e, w = hits[field], extracted[field], wanted[field]
        precision = f"{h / e:.2f}" if e else "-"
        recall = f"{h / w:.2f}" if w else "-"
        print(f"  {field:<12} {precision:>9} {recall:>7} {h:>8} {e:>6} {w:>8}")


def main() -> None:
    """Extract, compare and print."""
    ds = pk.load()
    curated = {frozenset(a.institutions): a for a in ds.agreements}
    found: set[Fact] = set()
    hand: set[Fact] = set()
    records: set[Fact] = set()
    timings = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pk.extract(text)  # warm the registry indexes
        start = time.perf_counter()
        drafts = [d.agreement for d in pk.extract(text)]
        timings.append(time.perf_counter() - start)
        found |= facts(path.stem, drafts)
        hand |= facts(path.stem, expected(path))
        matched = [
            curated[frozenset(a.institutions)]
            for a in expected(path)
            if frozenset(a.institutions) in curated
        ]
        records |= facts(path.stem, matched)
    print(f"pemilu-pks {pk.__version__}, dataset {ds.version}: {len(timings)} seed articles")
    print(
        f"time per article: {1000 * sum(timings) / len(timings):.1f} ms (max {1000 * max(timings):.1f} ms)"
    )
    print("\nagainst the hand-written expected drafts (tests/extract/expected):")
    score(hand, found)
    print("\nagainst the curated dataset records with the same parties:")
    score(records, found)


if __name__ == "__main__":
    main()
