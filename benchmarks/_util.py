"""Fresh-process timing for the benchmarks: each side runs in new interpreters, alternately.

A child program prints one JSON object as its last line of output (for
example ``{"seconds": 0.012, "maxrss_kib": 30120}``); :func:`fresh` runs it
*repeat* times and returns the parsed objects.  Ratios compare medians of the
two sides measured in the same run, so the machine's speed cancels out.

Children run with compiled bytecode, as installed packages do: bytecode goes to
a temporary ``PYTHONPYCACHEPREFIX`` (never into the source tree), written by one
warm-up run of each side, even where ``PYTHONDONTWRITEBYTECODE`` is set.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from typing import Any

#: A prologue for child programs: a timer and a way to report.
PROLOGUE = """\
import json as _json, resource as _resource, time as _time
def _report(**values):
    # Peak RSS in KiB: VmHWM where Linux has it (ru_maxrss can carry the parent's peak
    # over fork and exec), else ru_maxrss.
    try:
        with open("/proc/self/status") as f:
            peak = next(int(l.split()[1]) for l in f if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        peak = _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss
    values["maxrss_kib"] = peak
    print(_json.dumps(values))
"""


_PYCACHE = tempfile.mkdtemp(prefix="pemilu-pks-bench-pycache-")
atexit.register(shutil.rmtree, _PYCACHE, ignore_errors=True)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = _PYCACHE


def fresh(code: str) -> dict[str, Any]:
    """Run *code* (after :data:`PROLOGUE`) in a new interpreter and parse its last output line."""
    done = subprocess.run(
        [sys.executable, "-c", PROLOGUE + code],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def compare(
    ours: str, baseline: str, *, repeat: int = 9, key: str = "seconds"
) -> tuple[float, float, list[dict[str, Any]], list[dict[str, Any]]]:
    """Run both programs *repeat* times each, alternating; the medians of *key* and all results.

    One unmeasured warm-up run of each side comes first (it writes the bytecode).
    """
    fresh(ours)
    fresh(baseline)
    our_runs: list[dict[str, Any]] = []
    base_runs: list[dict[str, Any]] = []
    for _ in range(repeat):
        our_runs.append(fresh(ours))
        base_runs.append(fresh(baseline))
    return (
        statistics.median(run[key] for run in our_runs),
        statistics.median(run[key] for run in base_runs),
        our_runs,
        base_runs,
    )


def line(label: str, ours: float, baseline: float, *, goal: str, unit: str = "ms") -> str:
    """One report line: ``label: ours 1.2 ms, baseline 3.4 ms, ratio 0.35 (goal <= 0.5)``."""
    scale = 1e3 if unit == "ms" else 1.0
    return (
        f"{label}: ours {ours * scale:.1f} {unit}, baseline {baseline * scale:.1f} {unit}, "
        f"ratio {ours / baseline:.2f} ({goal})"
    )
