"""Region loading speed and memory against msgspec, each side in fresh processes.

Three figures, each a ratio of medians measured in one run (no absolute times
are judged):

- **cold get**: in a new process, after ``import pemilu_pks``, the time of
  ``pk.load().regions.get("63.71.01.1001")``; the baseline reads the same
  83,762 villages from one JSON file, decodes them into typed
  ``msgspec.Struct`` records and builds a dict by code (after ``import
  msgspec``).  Goal: ratio at most 0.5.
- **import**: ``import pemilu_pks`` against ``import attrs, cattrs,
  dateutil.parser`` (its three dependencies).  Goal: ratio at most 1.
- **memory**: peak RSS (``ru_maxrss``) of a process that loads and touches
  every village, ours against the msgspec baseline.  Reported, no goal.

Run: ``python benchmarks/bench_regions.py [--repeat N]`` or ``nox -s bench``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from _util import compare, line

CODE = "63.71.01.1001"

OURS_GET = f"""
import pemilu_pks as pk
start = _time.perf_counter()
region = pk.load().regions.get({CODE!r})
seconds = _time.perf_counter() - start
assert region is not None
_report(seconds=seconds)
"""

BASELINE_GET = """
import enum, msgspec, sys
class Level(enum.Enum):
    VILLAGE = "village"
    URBAN_VILLAGE = "urban_village"
    CUSTOMARY_VILLAGE = "customary_village"
class Village(msgspec.Struct, frozen=True):
    code: str
    name: str
    official_name: str
    level: Level
    parent: str
    iso_3166_2: str | None = None
decoder = msgspec.json.Decoder(list[Village])
path = {path!r}
start = _time.perf_counter()
with open(path, "rb") as f:
    villages = decoder.decode(f.read())
by_code = {{v.code: v for v in villages}}
region = by_code[{code!r}]
seconds = _time.perf_counter() - start
_report(seconds=seconds)
"""

OURS_IMPORT = """
start = _time.perf_counter()
import pemilu_pks
_report(seconds=_time.perf_counter() - start)
"""

BASELINE_IMPORT = """
start = _time.perf_counter()
import attrs, cattrs, dateutil.parser
_report(seconds=_time.perf_counter() - start)
"""

OURS_MEMORY = """
import pemilu_pks as pk
regions = pk.load().regions
villages = [r for r in regions if r.level.depth == 4]
touched = sum(len(r.name) + len(r.parent) for r in villages)
assert len(villages) == 83762, len(villages)
_report(seconds=0.0, villages=len(villages))
"""

BASELINE_MEMORY = BASELINE_GET.replace(
    "_report(seconds=seconds)",
    "touched = sum(len(v.name) + len(v.parent) for v in by_code.values())\n"
    "_report(seconds=seconds, villages=len(by_code))",
)


WRITE_JSON = """
import json, sys
import pemilu_pks as pk
regions = pk.load().regions
villages = [
    {
        "code": r.code,
        "name": r.name,
        "official_name": r.official_name,
        "level": r.level.value,
        "parent": r.parent,
        "iso_3166_2": None,
    }
    for r in regions
    if r.level.depth == 4
]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(villages, f, ensure_ascii=False)
print(len(villages))
"""


def village_json(path: Path) -> int:
    """Write every village as a JSON array of objects (the baseline's input); return the count.

    In a child process, so that this process stays small: on Linux a child's
    ``ru_maxrss`` can start at its parent's peak.
    """
    done = subprocess.run(
        [sys.executable, "-c", WRITE_JSON, str(path)], capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip())


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="fresh processes per side (>= 7)")
    repeat = max(parser.parse_args().repeat, 7)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "villages.json"
        count = village_json(path)
        baseline = BASELINE_GET.format(path=str(path), code=CODE)
        ours, base, _, _ = compare(OURS_GET, baseline, repeat=repeat)
        print(
            line(
                f"regions cold get {CODE} (baseline: {count:,} villages, JSON -> msgspec -> dict)",
                ours,
                base,
                goal="goal <= 0.5",
            )
        )
        ours, base, _, _ = compare(OURS_IMPORT, BASELINE_IMPORT, repeat=repeat)
        print(
            line(
                "import pemilu_pks (baseline: import attrs, cattrs, dateutil.parser)",
                ours,
                base,
                goal="goal <= 1.0",
            )
        )
        memory = BASELINE_MEMORY.format(path=str(path), code=CODE)
        ours, base, _, _ = compare(OURS_MEMORY, memory, repeat=3, key="maxrss_kib")
        print(
            f"regions peak RSS, every village loaded and touched: ours {ours / 1024:.1f} MiB, "
            f"msgspec baseline {base / 1024:.1f} MiB, ratio {ours / base:.2f} (reported)"
        )


if __name__ == "__main__":
    main()
