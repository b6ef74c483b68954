"""Threads: pk.load() builds the dataset once, and lazy parts load safely under contention.

Each test starts 16 threads at a barrier on a fresh, unread dataset, so the
lazy loading of regions, institutions and indexes really happens
concurrently; the thread switch interval is shortened to make interleaving
likely.  Results must equal those of the same calls made one at a time.
"""

from __future__ import annotations

import functools
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import pytest

import pemilu_pks as pk
from pemilu_pks import _dataset

THREADS = 16
T = TypeVar("T")


@pytest.fixture(autouse=True)
def busy_switching() -> Iterator[None]:
    """Switch threads every 10 microseconds while a test runs."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    yield
    sys.setswitchinterval(before)


def fresh() -> pk.Dataset:
    """The bundled dataset, newly built and not yet read (not the cached one)."""
    return _dataset._from_folder(_dataset.bundled_path())


def at_once(tasks: Sequence[Callable[[], T]]) -> list[T]:
    """Run *tasks* in as many threads, released together; their results in order."""
    barrier = threading.Barrier(len(tasks))

    def run(task: Callable[[], T]) -> T:
        barrier.wait()
        return task()

    with ThreadPoolExecutor(max_workers=len(tasks)) as pool:
        return list(pool.map(run, tasks))


class TestLoad:
    """pk.load() from many threads."""

    def test_built_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """16 simultaneous first calls build one dataset and all get that object."""
        built: list[pk.Dataset] = []
        real = _dataset._from_folder

        def slow_build(folder: Any, **kwargs: Any) -> pk.Dataset:
            time.sleep(0.01)  # widen the window in which a second build could start
            dataset = real(folder, **kwargs)
            built.append(dataset)
            return dataset

        monkeypatch.setattr(_dataset, "_bundled", None)
        monkeypatch.setattr(_dataset, "_from_folder", slow_build)
        results = at_once([pk.load] * THREADS)
        assert 1 == len(built)
        assert all(result is built[0] for result in results)

    def test_first_use_from_many_threads(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Threads that read the new dataset's parts at once all see the same parts."""
        monkeypatch.setattr(_dataset, "_bundled", None)
        parts = at_once([lambda: (pk.load().agreements, pk.load().institutions)] * THREADS)
        assert all(p[0] is parts[0][0] and p[1] is parts[0][1] for p in parts)


@functools.cache
def sample_villages() -> tuple[pk.Region, ...]:
    """One village in each of eight provinces, found serially."""
    regions = fresh().regions
    return tuple(
        next(r for r in regions.descendants(province) if r.level.depth == 4)
        for province in ("11", "12", "31", "35", "51", "63", "81", "94")
    )


class TestLazyRegions:
    """Region files load on first use, once, whichever thread asks first."""

    def test_villages_in_several_provinces(self) -> None:
        """16 threads get villages of eight provinces while their files are first read."""
        villages = sample_villages()
        regions = fresh().regions
        codes = [villages[i % len(villages)].code for i in range(THREADS)]
        results = at_once([functools.partial(regions.get, code) for code in codes])
        assert [villages[i % len(villages)] for i in range(THREADS)] == results
        for code in set(codes):  # one object per region: each file was read once
            assert len({id(r) for r, c in zip(results, codes, strict=True) if c == code}) == 1

    def test_navigation(self) -> None:
        """Ancestors and children at once agree with the same calls made in turn."""
        serial = fresh().regions
        codes = [v.code for v in sample_villages()] + [v.parent or "ID" for v in sample_villages()]
        expected = [tuple(serial.ancestors(code)) + tuple(serial.children(code)) for code in codes]
        regions = fresh().regions

        def walk(code: str) -> tuple[pk.Region, ...]:
            return tuple(regions.ancestors(code)) + tuple(regions.children(code))

        assert expected == at_once([functools.partial(walk, code) for code in codes])

    def test_lookup_builds_the_name_index_once(self) -> None:
        """16 simultaneous first lookups by name agree."""
        regions = fresh().regions
        found = at_once([lambda: regions.lookup("Kab. Tapsel")] * THREADS)
        assert ["12.03"] * THREADS == [region.code for region in found]


class TestLazyRegistries:
    """Institutions' and agreements' indexes are built once under contention."""

    REGIONS = ("63", "63.71", "12.20", "31.71", "32.75", "35.73", "94", "11.01")

    def test_covering(self) -> None:
        """16 threads ask covering() of eight regions at once; answers match serial ones."""
        serial = fresh().institutions
        regions = [self.REGIONS[i % len(self.REGIONS)] for i in range(THREADS)]
        expected = [serial.covering(code, on="2024-02-14") for code in regions]
        institutions = fresh().institutions
        tasks = [
            functools.partial(institutions.covering, code, on="2024-02-14") for code in regions
        ]
        assert expected == at_once(tasks)

    def test_filter(self) -> None:
        """16 threads filter at once while the agreement index is first built."""
        queries: list[dict[str, Any]] = [
            {"region": "Kalsel"},
            {"body": "bawaslu"},
            {"signed_from": "2024"},
            {"region": "63", "body": "kpu"},
        ]
        serial = fresh().agreements
        chosen = [queries[i % len(queries)] for i in range(THREADS)]
        expected = [serial.filter(**query).ids for query in chosen]
        agreements = fresh().agreements
        tasks = [functools.partial(agreements.filter, **query) for query in chosen]
        assert expected == [found.ids for found in at_once(tasks)]
