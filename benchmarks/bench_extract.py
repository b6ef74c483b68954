"""Draft extraction on the development corpus: strict field scores and the speed figures.

Runs :func:`pemilu_pks.extract` on every article of ``tests/extract/corpus``
whose agreements are in the dataset and scores the drafts against those
curated records (never against the extractor's own output) with the fixed
rules of ``benchmarks/_score.py``: micro precision, recall and F1 per field
and overall.  Goal: overall F1 >= 0.9, no field below 0.8.

Speed, each with its goal:

- **warm**: p95 time per article once the registry indexes exist (<= 50 ms);
- **first call**: in a new process, ``pk.extract`` of one article including
  the dataset load and index building (<= 0.5 s); import time shown beside it;
- **command line**: wall time of ``pemilu-pks extract FILE`` (<= 1 s);
- **1,000,000 characters**: one text of corpus articles repeated (< 10 s), and
  its time over ten times that of 100,000 characters (linear: about 1;
  goal <= 1.5; both measured in this run).

Run: ``python benchmarks/bench_extract.py [--article NAME]`` or ``nox -s bench``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _score import FIELDS, Tally
from _util import ENV, fresh

import pemilu_pks as pk
from pemilu_pks._extract import MAX_TEXT_CHARS

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "extract" / "corpus"


def articles() -> list[tuple[dict[str, object], str]]:
    """The corpus articles whose agreements are all in the dataset, with their text."""
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    known = pk.load().agreements
    return [
        (entry, (CORPUS / str(entry["file"])).read_text(encoding="utf-8"))
        for entry in manifest["articles"]
        if entry["agreements"] and all(known.get(i) is not None for i in entry["agreements"])
    ]


def draft(entry: dict[str, object], text: str) -> list[pk.Draft]:
    """Extract as a curator would: with the article's URL and, when known, its publication day."""
    published = entry.get("published")
    return pk.extract(
        text,
        source=str(entry["url"]),
        published=dt.date.fromisoformat(published) if isinstance(published, str) else None,
    )


def url_key(url: str) -> str:
    """A URL folded so that a page's AMP copy and its canonical address match."""
    rest = url.split("://", 1)[-1].removeprefix("www.").removeprefix("amp.")
    return "/".join(part for part in rest.rstrip("/").split("/") if part != "amp")


def score(
    corpus: list[tuple[dict[str, object], str]], *, verbose: bool, misses: bool = False
) -> Tally:
    """Score every article and print the table (and each article's misses when asked)."""
    ds = pk.load()
    by_url: dict[str, list[str]] = {}
    for source in ds.sources:
        if source.url:
            by_url.setdefault(url_key(source.url), []).append(source.id)
    tally = Tally()
    for entry, text in corpus:
        drafts = [d.agreement for d in draft(entry, text)]
        golds = [a for a in (ds.agreements.get(str(i)) for i in entry["agreements"]) if a]  # type: ignore[attr-defined]
        sources = by_url.get(url_key(str(entry["url"])), [])
        one = Tally()
        one.article(drafts, golds, sources)
        tally.article(drafts, golds, sources)
        if misses and (one.wrong or one.missed):
            print(f"{entry['file']}:")
            for field, fact in one.missed:
                print(f"   missed {field:<12} {fact}")
            for field, fact in one.wrong:
                print(f"   wrong  {field:<12} {fact}")
        if verbose:
            print(f"{entry['file']}: F1 {one.figures()[2]:.2f}")
            print(one.report())
            for d in drafts:
                print(
                    f"   drafted {d.institutions} {d.signing.date} {d.signing.venue!r} {d.signing.city!r}"
                )
            for g in golds:
                print(
                    f"   gold    {g.institutions} {g.signing.date} {g.signing.venue!r} {g.signing.city!r}"
                )
    print(f"strict scores on {len(corpus)} corpus articles (gold: the curated records):")
    print(tally.report())
    _, _, overall = tally.figures()
    lowest = min(tally.figures(f)[2] for f in FIELDS)
    print(f"  goal: overall F1 >= 0.90 ({overall:.2f}), no field below 0.80 (lowest {lowest:.2f})")
    return tally


FIRST_CALL = """
start = _time.perf_counter()
import pemilu_pks as pk
from pemilu_pks._extract import MAX_TEXT_CHARS
imported = _time.perf_counter()
pk.extract(open({path!r}, encoding="utf-8").read())
done = _time.perf_counter()
_report(seconds=done - imported, import_seconds=imported - start)
"""


def speed(corpus: list[tuple[dict[str, object], str]]) -> None:
    """Print the speed figures against their goals."""
    for entry, text in corpus:
        draft(entry, text)  # warm the indexes
    timings = []
    for _ in range(5):
        for entry, text in corpus:
            start = time.perf_counter()
            draft(entry, text)
            timings.append(time.perf_counter() - start)
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(
        f"warm time per article: p95 {1000 * p95:.1f} ms (goal <= 50 ms), "
        f"median {1000 * statistics.median(timings):.1f} ms"
    )

    path = CORPUS / str(corpus[0][0]["file"])
    runs = [fresh(FIRST_CALL.format(path=str(path))) for _ in range(5)]
    first = statistics.median(r["seconds"] for r in runs)
    imported = statistics.median(r["import_seconds"] for r in runs)
    print(
        f"first call in a new process, dataset load included: {1000 * first:.0f} ms "
        f"(goal <= 500 ms; import pemilu_pks {1000 * imported:.0f} ms before it)"
    )

    walls, cpu = [], []
    command = [sys.executable, "-m", "pemilu_pks", "extract", str(path)]
    subprocess.run(command, check=True, capture_output=True, env=ENV)  # writes the bytecode
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=ENV)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(
        f"pemilu-pks extract FILE: {statistics.median(walls):.2f} s wall (goal <= 1 s), "
        f"{statistics.median(cpu):.2f} s CPU (wall above CPU is time spent waiting for a core)"
    )

    joined = "\n\n".join(text for _, text in corpus)
    big = (joined * (1_000_000 // len(joined) + 1))[:MAX_TEXT_CHARS]
    small = big[:100_000]
    start = time.perf_counter()
    pk.extract(small)
    small_time = time.perf_counter() - start
    start = time.perf_counter()
    pk.extract(big)
    big_time = time.perf_counter() - start
    print(
        f"1,000,000 characters: {big_time:.1f} s (goal < 10 s); "
        f"100,000: {small_time:.2f} s; ratio to linear {big_time / (10 * small_time):.2f} (goal <= 1.5)"
    )


def main() -> None:
    """Score the corpus and print the speed figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", help="score only the articles whose file name contains this")
    parser.add_argument("--misses", action="store_true", help="print every article's misses")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed figures")
    args = parser.parse_args()
    corpus = articles()
    if args.article:
        corpus = [(e, t) for e, t in corpus if args.article in str(e["file"])]
    ds = pk.load()
    print(f"pemilu-pks {pk.__version__}, dataset {ds.version}")
    score(corpus, verbose=bool(args.article), misses=args.misses)
    if not args.no_speed and not args.article and not args.misses:
        speed(corpus)


if __name__ == "__main__":
    main()
