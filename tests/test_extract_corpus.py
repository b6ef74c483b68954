"""The development corpus of real articles: its manifest matches the files and the dataset."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import pemilu_pks as pk
from source_tree import ROOT

CORPUS = Path(__file__).parent / "extract" / "corpus"
MANIFEST = CORPUS / "manifest.json"
FIELDS = {"file", "url", "publisher", "title", "published", "agreements", "complete", "notes"}


def articles() -> list[dict[str, Any]]:
    """The manifest's article entries."""
    entries: list[dict[str, Any]] = json.loads(MANIFEST.read_text(encoding="utf-8"))["articles"]
    return entries


def test_manifest_is_canonical() -> None:
    """The manifest is sorted, 2-space-indented canonical JSON with a trailing newline."""
    text = MANIFEST.read_text(encoding="utf-8")
    data = json.loads(text)
    canonical = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    assert canonical == text
    files = [a["file"] for a in data["articles"]]
    assert sorted(files) == files


def test_every_entry_has_the_fields() -> None:
    """Each entry has exactly the documented fields, of the documented kinds."""
    for article in articles():
        assert FIELDS == set(article), article["file"]
        assert isinstance(article["complete"], bool), article["file"]
        assert article["url"].startswith(("http://", "https://")), article["file"]
        published = article["published"]
        assert published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", published), article["file"]


def test_listed_files_exist_and_every_file_is_listed() -> None:
    """The manifest lists exactly the article files in the folder."""
    listed = sorted(a["file"] for a in articles())
    present = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert present == listed


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_article_is_utf8_text(name: str) -> None:
    """An article file decodes as UTF-8 and is not empty."""
    text = (CORPUS / name).read_bytes().decode("utf-8")
    assert "" != text.strip()


def test_agreements_exist_in_the_dataset() -> None:
    """Every agreement an article reports is a bundled record."""
    ids = {a.id for a in pk.load().agreements}
    missing = {(a["file"], g) for a in articles() for g in a["agreements"] if g not in ids}
    assert set() == missing


def test_urls_are_unique_and_not_the_seeds() -> None:
    """No article is listed twice, and none repeats a seed article."""
    urls = [a["url"] for a in articles()]
    assert len(set(urls)) == len(urls)
    seeds = {p.read_text(encoding="utf-8") for p in (CORPUS.parent / "seeds").glob("*.txt")}
    assert set() == {
        a["file"] for a in articles() if (CORPUS / a["file"]).read_text(encoding="utf-8") in seeds
    }


def test_corpus_stays_out_of_the_wheel() -> None:
    """The wheel packages only the library and the datasets, not the tests."""
    tomllib = pytest.importorskip("tomllib")  # standard library from Python 3.11
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]
    shipped = list(wheel["packages"]) + list(wheel.get("force-include", {}))
    assert [] == [path for path in shipped if path.startswith("tests")]
