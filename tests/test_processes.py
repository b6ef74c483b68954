"""Processes: datasets cross process boundaries, selections refuse clearly, forks never deadlock."""

from __future__ import annotations

import os
import pickle
import shutil
import threading
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import pemilu_pks as pk
from pemilu_pks import _dataset
from pemilu_pks._dataset import bundled_path

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


def count_agreements(ds: pk.Dataset) -> int:
    """A worker that uses a dataset it received."""
    return len(ds.agreements)


def test_bundled_dataset_pickles_as_itself() -> None:
    """pk.load() unpickles as the bundled dataset of the receiving process."""
    assert pk.load() is pickle.loads(pickle.dumps(pk.load()))  # noqa: S301 - our own bytes


def test_folder_dataset_pickles(tmp_path: Path) -> None:
    """A dataset read from a folder unpickles as that folder read again."""
    folder = tmp_path / "data"
    shutil.copytree(Path(str(bundled_path())), folder)
    ds = pk.Dataset.from_path(folder)
    again = pickle.loads(pickle.dumps(ds))  # noqa: S301 - our own bytes
    assert (ds.agreements, ds.version) == (again.agreements, again.version)


def test_dataset_crosses_a_process_pool() -> None:
    """A process pool receives the dataset and uses it."""
    with ProcessPoolExecutor(max_workers=1) as pool:
        assert len(pk.load().agreements) == pool.submit(count_agreements, pk.load()).result(60)


def test_selection_refuses_clearly() -> None:
    """A selection says it cannot be pickled and what to send instead."""
    with pytest.raises(pk.PemiluPksError, match="list\\(selection\\)"):
        pickle.dumps(pk.load().agreements.filter(body="kpu"))


def test_records_of_a_selection_pickle() -> None:
    """The records themselves pickle and compare equal."""
    records = list(pk.load().agreements.filter(body="kpu"))
    assert records == pickle.loads(pickle.dumps(records))  # noqa: S301 - our own bytes


def fork_and_query(ds: pk.Dataset) -> int:
    """Fork now; the child queries the dataset and exits 0 if it answers within 20 s."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # forking a threaded process
        pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            ok = ds.institutions.get("polri") is not None and len(ds.agreements) > 0
            ok = ok and ds.regions.lookup("Kalsel").code == "63"
        finally:
            os._exit(0 if ok else 3)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return -1


@needs_fork
@pytest.mark.parametrize("attempt", range(5))
def test_fork_while_indexes_build(attempt: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process forked while another thread holds the lazy-part locks queries without deadlock."""
    ds = _dataset._from_folder(bundled_path())
    building = threading.Event()
    release = threading.Event()
    factories = ds._factories
    real = factories["institutions"]

    def slow() -> object:
        building.set()
        release.wait(10)
        return real()

    factories["institutions"] = slow
    worker = threading.Thread(target=lambda: ds.institutions)
    worker.start()
    try:
        assert building.wait(10)
        factories["institutions"] = real  # the child builds it itself
        assert 0 == fork_and_query(ds)
    finally:
        release.set()
        worker.join()
