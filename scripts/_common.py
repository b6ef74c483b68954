"""The id conventions of the curated records, for curators and the scripts.

``python scripts/_common.py URL`` prints the id a source record for *URL* gets.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pemilu_pks._text import name_key  # noqa: E402

DATASETS = ROOT / "datasets"


def slug(text: str) -> str:
    """A readable id part: ``"Hulu Sungai Utara"`` -> ``"hulu-sungai-utara"``."""
    return name_key(text).replace(" ", "-")


def institution_id(canonical: str, *, region_code: str | None = None) -> str:
    """The id convention for institutions.

    - KPU/Bawaslu: ``kpu-ri``, ``kpu-63`` (province), ``kpu-63.71`` (regency/city);
      same with ``bawaslu-``.  *region_code* is None for the national body.
    - Polri: ``polri``.
    - Police units and others: kind word + slug of the rest of the canonical
      name: ``polda-kalimantan-selatan``, ``polres-tapanuli-selatan``,
      ``polresta-banjarmasin``, ``polres-metro-bekasi``, ``kejari-kebumen``.
    """
    words = canonical.split()
    head = words[0].casefold()
    if head in {"kpu", "bawaslu"}:
        return f"{head}-{region_code}" if region_code else f"{head}-ri"
    if canonical == "Polri":
        return "polri"
    if canonical.startswith("Kejaksaan Negeri "):
        return "kejari-" + slug(canonical.removeprefix("Kejaksaan Negeri "))
    return slug(canonical)


def source_id(url: str) -> str:
    """A stable id for a web source: host + 8 hex digits of the URL's SHA-1."""
    host = urlsplit(url).hostname or "source"
    host = re.sub(r"^(www|amp|m)\.", "", host)
    return f"{host}-{hashlib.sha1(url.encode()).hexdigest()[:8]}"  # noqa: S324 - an id, not security


if __name__ == "__main__":
    for url in sys.argv[1:]:
        print(source_id(url))
