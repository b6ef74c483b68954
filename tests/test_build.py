"""``datasets/`` rebuilds from the repository alone, byte for byte (``nox -s dataset``)."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
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
