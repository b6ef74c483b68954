"""The bundled dataset's files: canonical form, round trips, user datasets, overlays, the data package."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import pemilu_pks as pk
from pemilu_pks._dataset import RECORD_TYPES, bundled_path, read_records, records_json
from pemilu_pks._json import dumps
from strategies import datasets

BUNDLED = Path(str(bundled_path()))


def all_files(folder: Path) -> dict[str, bytes]:
    """Every file under *folder*, by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def write_records(folder: Path, records: dict[str, list[Any]]) -> None:
    """Write canonical record files into *folder*."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, items in records.items():
        (folder / f"{name}.json").write_text(records_json(name, items), encoding="utf-8")


def small(folder: Path) -> Path:
    """A small valid user dataset that refers to the bundled regions."""
    write_records(
        folder,
        {
            "institutions": [
                pk.Institution(
                    id="kpu-63",
                    kind=pk.InstitutionKind.KPU,
                    name="KPU Provinsi Kalimantan Selatan",
                    region="63",
                ),
                pk.Institution(
                    id="polda-kalimantan-selatan",
                    kind=pk.InstitutionKind.POLDA,
                    name="Polda Kalimantan Selatan",
                ),
            ],
            "people": [],
            "sources": [pk.Source(id="my-source", url="https://example.id/a")],
            "agreements": [
                pk.Agreement(
                    id="2023-09-25-kpu-kalsel-polda-kalsel",
                    instrument=pk.Instrument.PKS,
                    parties=(
                        pk.Party(institution="kpu-63"),
                        pk.Party(institution="polda-kalimantan-selatan"),
                    ),
                    signing=pk.Signing(date=pk.UncertainDate.exact(dt.date(2023, 9, 25))),
                    sources=(pk.SourceRef(source="my-source"),),
                )
            ],
        },
    )
    return folder


class TestCanonicalFormat:
    """The files are canonical JSON."""

    @pytest.mark.parametrize("name", sorted(RECORD_TYPES))
    def test_record_file_rewrites_identically(self, name: str) -> None:
        """Each record file, read and written again, gives identical bytes."""
        original = (BUNDLED / f"{name}.json").read_bytes()
        assert original == records_json(name, read_records(bundled_path(), name)).encode()

    def test_datapackage_rewrites_identically(self) -> None:
        """datapackage.json is canonical JSON too."""
        original = (BUNDLED / "datapackage.json").read_bytes()
        assert original == dumps(json.loads(original)).encode()

    def test_every_json_file_is_covered(self) -> None:
        """The canonical-form tests cover every JSON file of the folder."""
        assert {*RECORD_TYPES, "datapackage"} == {p.stem for p in BUNDLED.glob("*.json")}


class TestBundledRoundTrip:
    """The bundled dataset written and read back."""

    def test_written_and_read_back_is_equal(self, tmp_path: Path) -> None:
        """The bundled dataset written to a folder and read back has equal records and version."""
        ds = pk.load()
        ds.write(tmp_path)
        again = pk.Dataset.from_path(tmp_path)
        assert ds.version == again.version
        for name in RECORD_TYPES:
            assert getattr(ds, name) == getattr(again, name)
        assert [r.code for r in ds.regions] == [r.code for r in again.regions]

    def test_written_files_are_the_bundled_bytes(self, tmp_path: Path) -> None:
        """Writing the bundled dataset reproduces every bundled file byte for byte, regions included."""
        pk.load().write(tmp_path)
        assert all_files(BUNDLED) == all_files(tmp_path)


class TestGeneratedRoundTrip:
    """Generated datasets written and read back."""

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(records=datasets())
    def test_generated_dataset_round_trips(
        self, tmp_path_factory: pytest.TempPathFactory, records: dict[str, list[Any]]
    ) -> None:
        """A generated consistent dataset, written, read and written again, is equal and byte-identical."""
        first = tmp_path_factory.mktemp("first")
        write_records(first, records)
        ds = pk.Dataset.from_path(first)
        second = tmp_path_factory.mktemp("second")
        ds.write(second)
        again = pk.Dataset.from_path(second)
        for name, items in records.items():
            assert sorted(items, key=lambda r: r.id) == list(getattr(again, name))
        assert all_files(first) == {
            k: v for k, v in all_files(second).items() if k != "datapackage.json"
        }
        assert not (second / "regions").exists()


class TestUserDataset:
    """Dataset.from_path on a user's folder."""

    def test_loads_and_uses_bundled_regions(self, tmp_path: Path) -> None:
        """A folder without regions/ loads, with the bundled regions."""
        ds = pk.Dataset.from_path(small(tmp_path))
        assert 1 == len(ds.agreements)
        assert "Kalimantan Selatan" == ds.regions.lookup("Kalsel").name
        assert "unknown" == ds.version

    def test_not_a_folder(self, tmp_path: Path) -> None:
        """A path that is no folder is refused."""
        with pytest.raises(pk.DataError, match="not a folder"):
            pk.Dataset.from_path(tmp_path / "missing")

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing record file is refused, naming it."""
        (small(tmp_path) / "people.json").unlink()
        with pytest.raises(pk.DataError, match=r"people\.json: file not found"):
            pk.Dataset.from_path(tmp_path)

    def test_truncated_file(self, tmp_path: Path) -> None:
        """A truncated file is refused, naming the file, line and column."""
        path = small(tmp_path) / "agreements.json"
        path.write_bytes(path.read_bytes()[:-40])
        with pytest.raises(
            pk.DataError, match=r"agreements\.json: not valid JSON: .*\(line \d+, column \d+\)"
        ):
            pk.Dataset.from_path(tmp_path)

    def test_wrong_type(self, tmp_path: Path) -> None:
        """A value of the wrong type is refused with the file and the JSON path."""
        path = small(tmp_path) / "agreements.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["agreements"][0]["parties"][0]["institution"] = 63
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(pk.ValidationError) as info:
            pk.Dataset.from_path(tmp_path)
        assert "agreements.json" in str(info.value)
        assert "$.agreements[0].parties[0].institution: expected a string, got a number" in str(
            info.value
        )

    def test_dangling_reference(self, tmp_path: Path) -> None:
        """A reference to a missing record is refused with the file and the JSON path."""
        path = small(tmp_path) / "agreements.json"
        path.write_text(
            path.read_text(encoding="utf-8").replace('"my-source"', '"no-such-source"'),
            encoding="utf-8",
        )
        with pytest.raises(pk.IntegrityError) as info:
            pk.Dataset.from_path(tmp_path)
        assert re.search(
            r"agreements\.json: \$\.agreements\[0\]\.sources\[0\]\.source: unknown source 'no-such-source'",
            str(info.value),
        )

    def test_duplicate_id(self, tmp_path: Path) -> None:
        """A duplicate id is refused with the file and the JSON path."""
        path = small(tmp_path) / "sources.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["sources"].append(data["sources"][0])
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(pk.PemiluPksError) as info:
            pk.Dataset.from_path(tmp_path)
        assert "sources.json: $.sources[1].id: duplicate id 'my-source'" in str(info.value)

    def test_own_regions_are_written_back(self, tmp_path: Path) -> None:
        """A dataset with its own regions/ writes them back byte for byte."""
        folder = small(tmp_path / "in")
        regions = folder / "regions"
        regions.mkdir()
        for name in ("provinces.csv", "regencies.csv", "districts.csv", "abbreviations.csv"):
            (regions / name).write_bytes((BUNDLED / "regions" / name).read_bytes())
        (regions / "villages").mkdir()
        (regions / "villages" / "63.csv").write_bytes(
            (BUNDLED / "regions" / "villages" / "63.csv").read_bytes()
        )
        pk.Dataset.from_path(folder).write(tmp_path / "out")
        assert all_files(regions) == all_files(tmp_path / "out" / "regions")


class TestOverlay:
    """pk.load(extra=...)."""

    def test_adds_records_over_the_bundled_ones(self, tmp_path: Path) -> None:
        """load(extra=) adds the folder's agreements to the bundled ones; they may cite bundled records."""
        bundled = pk.load()
        own = bundled.agreements.lookup("2023-09-25-kpu-kalsel-polda-kalsel")
        import attrs

        mine = attrs.evolve(
            own,
            id="2023-10-02-kpu-kalsel-polda-kalsel-addendum",
            related=(),
            instrument=pk.Instrument.ADDENDUM,
        )
        write_records(tmp_path, {"agreements": [mine]})
        ds = pk.load(extra=tmp_path)
        assert len(bundled.agreements) + 1 == len(ds.agreements)
        assert mine == ds.agreements.get(mine.id)
        assert f"{bundled.version}+local" == ds.version
        assert pk.load() is bundled

    def test_id_clash_is_refused(self, tmp_path: Path) -> None:
        """A record whose id the bundled dataset uses is refused with its file and JSON path."""
        clash = pk.load().sources.lookup(
            pk.load().agreements.lookup("2022-12-29-kpu-ri-polri").sources[0].source
        )
        write_records(tmp_path, {"sources": [clash]})
        with pytest.raises(pk.IntegrityError) as info:
            pk.load(extra=tmp_path)
        assert (
            f"sources.json: $.sources[0].id: id '{clash.id}' is already used by the bundled dataset"
            in str(info.value)
        )

    def test_dangling_reference_names_the_extra_file(self, tmp_path: Path) -> None:
        """Problems in the extra records are numbered in the extra file."""
        small(tmp_path)
        (tmp_path / "institutions.json").write_text(
            records_json("institutions", []), encoding="utf-8"
        )
        (tmp_path / "sources.json").write_text(records_json("sources", []), encoding="utf-8")
        path = tmp_path / "agreements.json"
        path.write_text(
            path.read_text(encoding="utf-8").replace("2023-09-25-kpu", "2099-01-01-kpu"),
            encoding="utf-8",
        )
        with pytest.raises(pk.IntegrityError) as info:
            pk.load(extra=tmp_path)
        assert (
            f"{tmp_path / 'agreements.json'}: $.agreements[0].sources[0].source: unknown source 'my-source'"
            in str(info.value)
        )

    def test_extra_regions_are_refused(self, tmp_path: Path) -> None:
        """An extra folder cannot bring its own regions."""
        (tmp_path / "regions").mkdir()
        with pytest.raises(pk.DataError, match="cannot replace the regions"):
            pk.load(extra=tmp_path)


class TestDataPackage:
    """datapackage.json, version and changelog."""

    def test_version(self) -> None:
        """The dataset version is the data package's, separate from the package version."""
        assert "2026.11.1" == pk.load().version
        assert pk.load().version != pk.__version__

    def test_every_data_file_is_a_resource(self) -> None:
        """datapackage.json describes every data file of the folder."""
        descriptor = json.loads((BUNDLED / "datapackage.json").read_text(encoding="utf-8"))
        described = {resource["path"] for resource in descriptor["resources"]}
        data_files = {
            p
            for p in all_files(BUNDLED)
            if p.endswith((".json", ".csv")) and p != "datapackage.json"
        }
        assert data_files == described

    def test_changelog_has_the_version(self) -> None:
        """The dataset changelog has an entry for the current dataset version."""
        changelog = (BUNDLED / "CHANGELOG.md").read_text(encoding="utf-8")
        assert f"## {pk.load().version}" in changelog

    def test_frictionless_validates(self) -> None:
        """The data package validates with frictionless (skipped when it is not installed)."""
        frictionless = pytest.importorskip("frictionless")
        report = frictionless.Package(str(BUNDLED / "datapackage.json")).validate()
        assert report.valid, report.flatten(["rowNumber", "fieldNumber", "type", "note"])
