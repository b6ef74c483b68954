"""JSON dump and load of the dataset's records against the standard library on the same data.

Prints ratios measured in one run: the time to serialise every institution
and agreement with ``pk.to_json`` and read it back with ``pk.from_json``,
against ``json.dumps``/``json.loads`` of the same plain data.  The ratio is
the cost of typed, validated records over untyped dicts.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import pemilu_pks as pk


def best_of(function: Callable[[], Any], *, repeat: int = 7) -> float:
    """The median of *repeat* timings of *function*, in seconds."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    """Measure and print."""
    ds = pk.load()
    for name, cls, records in (
        ("institutions", pk.Institution, list(ds.institutions)),
        ("agreements", pk.Agreement, list(ds.agreements)),
    ):
        text = pk.to_json(records)
        plain = json.loads(text)
        ours_dump = best_of(partial(pk.to_json, records))
        base_dump = best_of(
            partial(json.dumps, plain, ensure_ascii=False, sort_keys=True, indent=2)
        )
        ours_load = best_of(partial(pk.from_json, text, list[cls]))  # type: ignore[valid-type]
        base_load = best_of(partial(json.loads, text))
        print(
            f"{name} ({len(records)} records): "
            f"dump ours {ours_dump * 1e3:.2f} ms vs json.dumps {base_dump * 1e3:.2f} ms, "
            f"ratio {ours_dump / base_dump:.1f}; "
            f"load ours {ours_load * 1e3:.2f} ms vs json.loads {base_load * 1e3:.2f} ms, "
            f"ratio {ours_load / base_load:.1f}"
        )


if __name__ == "__main__":
    main()
