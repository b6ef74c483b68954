"""The bundled dataset cannot be changed through the public API, nor by failed loads.

Each test tries the ways a user might change data (assign, delete, append,
item assignment, mutating what a call returned) and then checks that the
dataset's JSON is byte for byte what it was.
"""

from __future__ import annotations

import contextlib
import functools
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import pemilu_pks as pk

CORPUS = Path(__file__).parent / "corpus"


def snapshot(dataset: pk.Dataset) -> str:
    """Everything a user can read from *dataset*, as text."""
    parts: list[Any] = [dataset.agreements, dataset.institutions, dataset.people, dataset.sources]
    text = "".join(pk.to_json(list(part)) for part in parts)
    regions = [dataset.regions.get(code) for code in ("ID", "63", "63.71", "63.71.01.1001")]
    return text + pk.to_json(regions) + json.dumps(dataset.metadata, sort_keys=True)


@pytest.fixture(scope="module")
def dataset() -> pk.Dataset:
    """The bundled dataset."""
    return pk.load()


@pytest.fixture
def unchanged(dataset: pk.Dataset) -> Iterator[None]:
    """Fail the test if the bundled dataset's contents differ after it."""
    before = snapshot(dataset)
    yield
    assert before == snapshot(dataset)
    assert dataset is pk.load()


def attempts(target: Any, name: str) -> list[Callable[[], object]]:
    """Ways to change attribute *name* of *target*, or *target* itself."""
    return [
        lambda: setattr(target, name, None),
        lambda: delattr(target, name),
        lambda: setattr(target, "extra", 1),
        lambda: target.__setitem__(0, None),
        lambda: target.__delitem__(0),
        lambda: target.append(None),
        lambda: target.clear(),  # noqa: PLW0108 - the method may not exist
    ]


def refused(attempt: Callable[[], object]) -> bool:
    """Whether *attempt* raised AttributeError or TypeError (frozen, read-only, no such method)."""
    with contextlib.suppress(AttributeError, TypeError):
        attempt()
        return False
    return True


@pytest.mark.usefixtures("unchanged")
class TestRecords:
    """Records are frozen attrs classes; their collections are tuples."""

    @pytest.mark.parametrize("part", ["agreements", "institutions", "people", "sources"])
    def test_every_field_of_every_record(self, dataset: pk.Dataset, part: str) -> None:
        """No field of any record can be set or deleted."""
        import attrs

        for record in list(getattr(dataset, part))[:50]:
            for field in attrs.fields(type(record)):
                assert refused(functools.partial(setattr, record, field.name, None))
                assert refused(functools.partial(delattr, record, field.name))
            assert refused(functools.partial(setattr, record, "extra", 1))

    def test_nested_parts_and_tuples(self, dataset: pk.Dataset) -> None:
        """Parties, dates and the tuples holding them are as frozen as the record."""
        agreement = next(iter(dataset.agreements))
        assert refused(lambda: setattr(agreement.parties[0], "institution", "x"))
        assert refused(lambda: setattr(agreement.signing.date, "earliest", None))
        for attempt in attempts(agreement.parties, "x"):
            assert refused(attempt)
        assert isinstance(agreement.sources, tuple)

    def test_regions(self, dataset: pk.Dataset) -> None:
        """A region from get() cannot be changed."""
        region = dataset.regions.get("63")
        assert region is not None
        assert refused(lambda: setattr(region, "name", "Atlantis"))

    def test_records_are_hashable(self, dataset: pk.Dataset) -> None:
        """Every record hashes (so none holds a mutable list or dict)."""
        for part in (dataset.agreements, dataset.institutions, dataset.people, dataset.sources):
            assert len({hash(record) for record in part}) >= 1


@pytest.mark.usefixtures("unchanged")
class TestCollections:
    """ds.regions, ds.institutions, ds.agreements, ds.people and ds.sources are read-only."""

    @pytest.mark.parametrize("part", ["regions", "institutions", "agreements", "people", "sources"])
    def test_collection(self, dataset: pk.Dataset, part: str) -> None:
        """No assignment, deletion, item assignment or list method works on a collection."""
        collection = getattr(dataset, part)
        for attempt in attempts(collection, "get"):
            assert refused(attempt)

    def test_dataset(self, dataset: pk.Dataset) -> None:
        """The dataset's parts cannot be replaced or removed."""
        for name in ("agreements", "regions", "version", "institutions", "_parts"):
            assert refused(functools.partial(setattr, dataset, name, None))
            assert refused(functools.partial(delattr, dataset, name))

    def test_returned_values_are_copies_or_immutable(self, dataset: pk.Dataset) -> None:
        """Changing what a query returned changes nothing in the dataset."""
        metadata = dataset.metadata
        metadata["version"] = "0.0.0"
        metadata.clear()
        assert "0.0.0" != dataset.version
        ids = dataset.agreements.ids
        assert isinstance(ids, tuple)
        found = dataset.agreements.filter(signed_from="2023")
        for attempt in attempts(found, "ids"):
            assert refused(attempt)
        rows = found.to_rows()
        for row in rows:
            row.clear()
        assert found.to_rows() != rows or not rows
        covering = dataset.institutions.covering("63")
        assert isinstance(covering, tuple)


@pytest.mark.usefixtures("unchanged")
class TestFailedLoads:
    """Failed reads of bad input leave what is loaded as it was."""

    def test_whole_corpus(self, dataset: pk.Dataset, tmp_path: Path) -> None:
        """Every corpus case through from_json and from_path; the bundled dataset is unchanged."""
        index: dict[str, Any] = json.loads((CORPUS / "index.json").read_text("utf-8"))
        agreements_before = pk.to_json(list(dataset.agreements))
        failures = 0
        for number, case in enumerate(sorted(index)):
            content = (CORPUS / case).read_bytes()
            with contextlib.suppress(pk.PemiluPksError):
                pk.from_json(content, list[pk.Agreement])
            folder = tmp_path / str(number)
            shutil.copytree(CORPUS / "valid", folder)
            (folder / f"{Path(case).name.split('.')[0]}.json").write_bytes(content)
            try:
                pk.Dataset.from_path(folder)
            except pk.PemiluPksError:
                failures += 1
        assert len(index) == failures
        assert agreements_before == pk.to_json(list(pk.load().agreements))
