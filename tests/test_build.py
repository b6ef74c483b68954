"""``datasets/`` rebuilds from the repository alone, byte for byte (``nox -s dataset``)."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import pemilu_pks as pk
from source_tree import ROOT

DATASETS = ROOT / "datasets"


def script(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` (the scripts are not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def files(folder: Path) -> dict[str, bytes]:
    """Every file below *folder*, by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of ``datasets/`` whose generated parts are gone and whose JSON is not canonical."""
    folder = tmp_path / "datasets"
    shutil.copytree(DATASETS, folder)
    path = folder / "institutions.json"
    records = json.loads(path.read_text(encoding="utf-8"))["institutions"]
    curated = [r for r in records if r["kind"] not in {"kpu", "bawaslu"}]
    path.write_text(json.dumps({"institutions": curated[::-1]}, indent=4), encoding="utf-8")
    path = folder / "people.json"
    path.write_text(json.dumps(json.loads(path.read_text(encoding="utf-8"))), encoding="utf-8")
    path = folder / "datapackage.json"
    version = json.loads(path.read_text(encoding="utf-8"))["version"]
    path.write_text(json.dumps({"version": version}), encoding="utf-8")
    return folder


class TestRebuild:
    """The build regenerates what is generated and passes the curated records through."""

    def test_byte_for_byte(self, copy: Path) -> None:
        """Built from the curated records, the region tables and the rules, the folder is datasets/."""
        script("build_datasets").build(copy)
        expected, actual = files(DATASETS), files(copy)
        assert sorted(expected) == sorted(actual)
        assert [] == [name for name in expected if expected[name] != actual[name]]

    def test_election_bodies_follow_the_regions(self, copy: Path) -> None:
        """One KPU and one Bawaslu nationally and per province, regency and city."""
        build = script("build_datasets")
        build.build(copy)
        records = json.loads((copy / "institutions.json").read_text(encoding="utf-8"))
        bodies = [r for r in records["institutions"] if r["kind"] in {"kpu", "bawaslu"}]
        assert 2 * (1 + 38 + 514) == len(bodies)
        assert "KIP Kabupaten Aceh Selatan" == next(
            r["local_name"] for r in bodies if r["id"] == "kpu-11.01"
        )

    def test_the_version_is_the_data_packages(self, copy: Path) -> None:
        """Bumping ``version`` in datapackage.json is the whole of a version change."""
        path = copy / "datapackage.json"
        path.write_text(json.dumps({"version": "2099.01.0"}), encoding="utf-8")
        script("build_datasets").build(copy)
        assert "2099.01.0" == json.loads(path.read_text(encoding="utf-8"))["version"]

    def test_a_bad_record_is_refused_with_its_place(self, copy: Path) -> None:
        """A curated record that does not fit the model stops the build, naming file and path."""
        path = copy / "people.json"
        people = json.loads(path.read_text(encoding="utf-8"))
        people["people"][0]["name"] = 7
        path.write_text(json.dumps(people), encoding="utf-8")
        build = script("build_datasets")
        with pytest.raises(build.BuildError, match=r"(?s)people\.json.*\$\.people\[0\]\.name"):
            build.build(copy)


def release_sql(rows: list[tuple[str, str]]) -> str:
    """Region rows in the layout of the upstream ``db/wilayah.sql``."""
    values = ",\n".join("('{}','{}')".format(code, name.replace("'", "''")) for code, name in rows)
    return f"INSERT INTO wilayah (kode, nama)\nVALUES\n{values};\n"


def committed_rows() -> list[tuple[str, str]]:
    """The committed tables as upstream rows: official names, every level."""
    folder = DATASETS / "regions"
    rows: list[tuple[str, str]] = []
    for name in ("provinces", "regencies", "districts"):
        with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            rows += [(r[0], r[3] if name == "regencies" else r[1]) for r in list(csv.reader(f))[1:]]
    for path in sorted((folder / "villages").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows += [(row[0], row[2]) for row in list(csv.reader(f))[1:]]
    return rows


class TestRegionsImporter:
    """The region tables are imported from the recorded upstream release only."""

    @pytest.fixture
    def rules(self) -> dict[str, Any]:
        """The recorded rules."""
        path = ROOT / "scripts" / "regions_upstream.json"
        recorded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return recorded

    def test_another_file_is_refused(self, tmp_path: Path) -> None:
        """A file whose SHA-256 is not the recorded one is refused, saying both."""
        release = tmp_path / "wilayah.sql"
        release.write_text(release_sql([("11", "Aceh")]), encoding="utf-8")
        importer = script("build_regions")
        with pytest.raises(importer.ReleaseError, match=r"SHA-256 [0-9a-f]{64}, but the recorded"):
            importer.build(release, tmp_path)

    def test_names_are_cleaned_and_levels_read_from_codes(self, rules: dict[str, Any]) -> None:
        """Quotes, spaces and case are normalised; kinds come from the code."""
        importer = script("build_regions")
        rows = {
            "63": "Kalimantan Selatan",
            "63.71": "Kota  Banjarmasin ",
            "63.01": "Kabupaten Tanah Laut",
            "63.71.01": "Banjarmasin Selatan",
            "63.71.01.1001": "mantuil",
            "63.71.01.2002": "Ba'u\u2019",
            "63.71.01.3003": "Desa Adat Contoh",
        }
        counts = {"province": 1, "regency": 1, "city": 1, "district": 1, "village": 1,
                  "urban_village": 1, "customary_village": 1}  # fmt: skip
        own = {**rules, "names": {"replace": {}}, "counts": counts}
        tables = importer.tables(rows, own, [])
        assert [("63", "Kalimantan Selatan", "ID-KS")] == tables.provinces
        assert [
            ("63.01", "regency", "Tanah Laut", "Kabupaten Tanah Laut"),
            ("63.71", "city", "Banjarmasin", "Kota Banjarmasin"),
        ] == tables.regencies
        assert [
            ("63.71.01.1001", "urban_village", "Mantuil"),
            ("63.71.01.2002", "village", "Ba'u'"),
            ("63.71.01.3003", "customary_village", "Desa Adat Contoh"),
        ] == tables.villages["63"]

    def test_committed_tables_round_trip(self, tmp_path: Path, rules: dict[str, Any]) -> None:
        """The committed tables, as a release with their own checksum, import to the same bytes."""
        release = tmp_path / "wilayah.sql"
        release.write_text(release_sql(committed_rows()), encoding="utf-8")
        digest = hashlib.sha256(release.read_bytes()).hexdigest()
        own = tmp_path / "rules.json"
        own.write_text(json.dumps({**rules, "release": {"sha256": digest}}), encoding="utf-8")
        out = tmp_path / "regions"
        shutil.copytree(DATASETS / "regions", out)
        script("build_regions").build(release, out, own)
        expected, actual = files(DATASETS / "regions"), files(out)
        assert sorted(expected) == sorted(actual)
        assert [] == [name for name in expected if expected[name] != actual[name]]

    def test_recorded_replacements_are_in_the_tables(self, rules: dict[str, Any]) -> None:
        """Every name the rules replace, and every ISO code, is what the committed tables hold."""
        regions = pk.Regions.from_folder(DATASETS / "regions")
        replaced = rules["names"]["replace"]
        held = {code: regions.get(code) for code in replaced}
        assert replaced == {
            code: (r.official_name if r is not None else None) for code, r in held.items()
        }
        assert rules["iso_3166_2"]["codes"] == {
            r.code: r.iso_3166_2 for r in regions.children("ID")
        }
