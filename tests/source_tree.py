"""Where the source tree is, for tests that read its files (docs, scripts, pyproject).

Usually this checkout; when ``nox -s build`` runs the suite against the installed
wheel from a copy of ``tests/`` elsewhere, it names the tree in ``PEMILU_PKS_SOURCE``.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("PEMILU_PKS_SOURCE") or Path(__file__).resolve().parents[1])
