"""Hostile folders: links out, loops, FIFOs, folders where files belong, huge files, bad CSV; safe writes."""

from __future__ import annotations

import csv
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import pemilu_pks as pk
from pemilu_pks import _dataset
from pemilu_pks._dataset import bundled_path
from pemilu_pks._files import MAX_FILE_BYTES

BUNDLED = Path(str(bundled_path()))
SECRET = b"-----BEGIN PRIVATE KEY-----\nnot for the dataset\n"

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="links and FIFOs")


@pytest.fixture(autouse=True)
def csv_field_limit() -> Iterator[None]:
    """The csv module's default field limit (some libraries raise it for the whole process)."""
    previous = csv.field_size_limit(131_072)
    yield
    csv.field_size_limit(previous)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A private file outside every dataset folder."""
    path = tmp_path / "outside" / "id_rsa"
    path.parent.mkdir()
    path.write_bytes(SECRET)
    return path


@pytest.fixture
def dataset_folder(tmp_path: Path) -> Path:
    """A copy of the bundled dataset folder, regions included."""
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    return folder


def everything(folder: Path) -> dict[str, bytes]:
    """Every regular file under *folder* (links not followed), by relative path."""
    found = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            if not path.is_symlink():
                found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


def contains_secret(folder: Path) -> bool:
    """Whether any file under *folder* holds the secret's bytes."""
    return any(SECRET in data for data in everything(folder).values()) if folder.exists() else False


# --- reading: each case makes the folder hostile and names the path the error must name ---------

Layout = Callable[[Path, Path], str]


def link_changelog(folder: Path, secret: Path) -> str:
    """CHANGELOG.md is a link to a private file outside."""
    (folder / "CHANGELOG.md").unlink()
    (folder / "CHANGELOG.md").symlink_to(secret)
    return "CHANGELOG.md"


def link_source_md(folder: Path, secret: Path) -> str:
    """regions/SOURCE.md is a link to a private file outside."""
    (folder / "regions" / "SOURCE.md").unlink()
    (folder / "regions" / "SOURCE.md").symlink_to(secret)
    return "SOURCE.md"


def link_villages_folder(folder: Path, secret: Path) -> str:
    """regions/villages is a link to a folder outside."""
    outside = secret.parent / "villages"
    shutil.move(folder / "regions" / "villages", outside)
    shutil.copy(secret, outside / "99.csv")
    (folder / "regions" / "villages").symlink_to(outside)
    return "villages"


def link_regions_folder(folder: Path, secret: Path) -> str:
    """regions/ itself is a link to a folder outside."""
    outside = secret.parent / "regions"
    shutil.move(folder / "regions", outside)
    (folder / "regions").symlink_to(outside)
    return "regions"


def link_agreements(folder: Path, secret: Path) -> str:
    """agreements.json is a link to a file outside."""
    (folder / "agreements.json").unlink()
    (folder / "agreements.json").symlink_to(secret)
    return "agreements.json"


def link_device(folder: Path, secret: Path) -> str:
    """agreements.json is a link to /dev/zero."""
    (folder / "agreements.json").unlink()
    (folder / "agreements.json").symlink_to("/dev/zero")
    return "agreements.json"


def fifo_agreements(folder: Path, secret: Path) -> str:
    """agreements.json is a FIFO that nobody writes to."""
    (folder / "agreements.json").unlink()
    os.mkfifo(folder / "agreements.json")
    return "agreements.json"


def fifo_districts(folder: Path, secret: Path) -> str:
    """districts.csv is a FIFO."""
    (folder / "regions" / "districts.csv").unlink()
    os.mkfifo(folder / "regions" / "districts.csv")
    return "districts.csv"


def folder_agreements(folder: Path, secret: Path) -> str:
    """agreements.json is a folder."""
    (folder / "agreements.json").unlink()
    (folder / "agreements.json").mkdir()
    return "agreements.json"


def dangling_people(folder: Path, secret: Path) -> str:
    """people.json is a dangling link."""
    (folder / "people.json").unlink()
    (folder / "people.json").symlink_to(folder / "nowhere.json")
    return "people.json"


def huge_districts(folder: Path, secret: Path) -> str:
    """districts.csv is over the size limit (a sparse file: no disk used)."""
    with (folder / "regions" / "districts.csv").open("r+b") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    return "districts.csv"


def huge_institutions(folder: Path, secret: Path) -> str:
    """institutions.json is over the size limit."""
    with (folder / "institutions.json").open("r+b") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    return "institutions.json"


def long_csv_field(folder: Path, secret: Path) -> str:
    """districts.csv has a quoted field longer than the csv module's field limit."""
    with (folder / "regions" / "districts.csv").open("a", encoding="utf-8") as f:
        f.write('11.01.99,"' + "x" * 200_000 + '"\n')
    return "districts.csv"


def unclosed_quote(folder: Path, secret: Path) -> str:
    """districts.csv has a row with an unclosed quote."""
    with (folder / "regions" / "districts.csv").open("a", encoding="utf-8") as f:
        f.write('11.01.99,"Kecamatan Tanpa Akhir\n')
    return "districts.csv"


LAYOUTS: list[Layout] = [
    link_changelog,
    link_source_md,
    link_villages_folder,
    link_regions_folder,
    link_agreements,
    link_device,
    fifo_agreements,
    fifo_districts,
    folder_agreements,
    dangling_people,
    huge_districts,
    huge_institutions,
    long_csv_field,
    unclosed_quote,
]


def read_and_write(folder: Path, out: Path) -> None:
    """Everything a user does with a folder: load it, use every part, write it elsewhere."""
    ds = pk.Dataset.from_path(folder)
    assert len(ds.regions) > 0
    ds.regions.lookup("Aceh")
    ds.write(out)


@needs_posix
@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda f: f.__name__)
def test_hostile_layout_is_refused(
    layout: Layout, dataset_folder: Path, secret: Path, tmp_path: Path
) -> None:
    """Each hostile layout ends in one PemiluPksError naming the file, quickly, copying nothing out."""
    named = layout(dataset_folder, secret)
    out = tmp_path / "out"
    started = time.perf_counter()
    with pytest.raises(pk.PemiluPksError) as caught:
        read_and_write(dataset_folder, out)
    assert time.perf_counter() - started < 5
    assert named in str(caught.value)
    assert not contains_secret(out)
    assert SECRET == secret.read_bytes()


@needs_posix
def test_link_loop_under_villages_is_not_followed(dataset_folder: Path, tmp_path: Path) -> None:
    """A link loop under regions/villages is neither walked nor copied: the output has no extra level."""
    (dataset_folder / "regions" / "villages" / "loop").symlink_to("..")
    out = tmp_path / "out"
    pk.Dataset.from_path(dataset_folder).write(out)
    assert everything(dataset_folder) == everything(out)


@needs_posix
def test_link_inside_the_folder_is_followed(dataset_folder: Path, tmp_path: Path) -> None:
    """A link to another file inside the same folder is read like the file itself."""
    (dataset_folder / "regions" / "copy-of-districts.csv").write_bytes(
        (dataset_folder / "regions" / "districts.csv").read_bytes()
    )
    (dataset_folder / "regions" / "districts.csv").unlink()
    (dataset_folder / "regions" / "districts.csv").symlink_to("copy-of-districts.csv")
    assert len(pk.load().regions) == len(pk.Dataset.from_path(dataset_folder).regions)


@needs_posix
@pytest.mark.parametrize("kind", ["folder", "fifo", "dangling link", "link out"])
def test_extra_file_that_is_not_a_file_is_refused(kind: str, tmp_path: Path, secret: Path) -> None:
    """In an extra folder, an agreements.json that is not a regular file inside it is an error, not ignored."""
    extra = tmp_path / "extra"
    extra.mkdir()
    path = extra / "agreements.json"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dangling link":
        path.symlink_to(extra / "nowhere.json")
    else:
        path.symlink_to(secret)
    with pytest.raises(pk.DataError, match=r"agreements\.json"):
        pk.load(extra=extra)


@pytest.mark.parametrize("call", [lambda: pk.load(extra=""), lambda: pk.Dataset.from_path("")])
def test_empty_folder_name_is_refused(call: Callable[[], object]) -> None:
    """An empty string names no folder: it is refused, not taken as the current directory."""
    with pytest.raises(pk.DataError, match="empty"):
        call()


@pytest.mark.parametrize("value", [123, None, 4.5, b"data"])
def test_wrong_typed_folder_is_refused(value: object) -> None:
    """A folder argument that is not a path is a PemiluPksError naming the type."""
    with pytest.raises(pk.PemiluPksError, match=type(value).__name__):
        pk.Dataset.from_path(value)  # type: ignore[arg-type]


# --- writing -----------------------------------------------------------------------------


def small(tmp_path: Path) -> pk.Dataset:
    """A dataset read from a folder of its own (bundled records, no regions)."""
    folder = tmp_path / "source"
    folder.mkdir()
    for name in ("agreements", "institutions", "people", "sources", "datapackage"):
        shutil.copy(BUNDLED / f"{name}.json", folder)
    return pk.Dataset.from_path(folder)


@needs_posix
def test_write_does_not_follow_a_link_in_the_target(tmp_path: Path, secret: Path) -> None:
    """A link standing where a file of the output goes is replaced, never written through."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "agreements.json").symlink_to(secret)
    small(tmp_path).write(out)
    assert SECRET == secret.read_bytes()
    assert not (out / "agreements.json").is_symlink()


@needs_posix
def test_write_refuses_a_linked_target(tmp_path: Path) -> None:
    """A target folder that is itself a link is refused."""
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    with pytest.raises(pk.OutputError, match="link"):
        small(tmp_path).write(tmp_path / "link")
    assert [] == list(real.iterdir())


def test_write_refuses_a_file_target(tmp_path: Path) -> None:
    """A file where the folder should go is refused and left as it was."""
    (tmp_path / "out").write_text("mine")
    with pytest.raises(pk.OutputError, match="not a folder"):
        small(tmp_path).write(tmp_path / "out")
    assert "mine" == (tmp_path / "out").read_text()


def test_write_refuses_a_folder_of_other_files(tmp_path: Path) -> None:
    """A folder holding files a dataset write does not produce is not replaced."""
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "thesis.tex").write_text("mine")
    with pytest.raises(pk.OutputError, match=r"thesis\.tex"):
        small(tmp_path).write(tmp_path / "out")
    assert "mine" == (tmp_path / "out" / "thesis.tex").read_text()


def test_write_refuses_a_folder_inside_the_source(tmp_path: Path) -> None:
    """Writing into a subfolder of the folder being read is refused."""
    ds = small(tmp_path)
    with pytest.raises(pk.OutputError, match="inside the folder being read"):
        ds.write(tmp_path / "source" / "copy")
    assert not (tmp_path / "source" / "copy").exists()


def test_write_into_its_own_folder(tmp_path: Path) -> None:
    """Writing a dataset back into the folder it came from gives the same files."""
    ds = small(tmp_path)
    before = everything(tmp_path / "source")
    ds.write(tmp_path / "source")
    assert before == everything(tmp_path / "source")


def test_write_replaces_a_previous_dataset(tmp_path: Path) -> None:
    """A folder holding an earlier dataset write is replaced as a whole."""
    ds = small(tmp_path)
    out = tmp_path / "out"
    pk.load().write(out)
    ds.write(out)
    assert not (out / "regions").exists()
    assert ds.agreements == pk.Dataset.from_path(out).agreements


def test_interrupted_write_leaves_the_previous_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails midway leaves the previous folder intact and no temporary files."""
    out = tmp_path / "out"
    pk.load().write(out)
    before = everything(out)
    calls = []
    real = _dataset.write_file  # type: ignore[attr-defined]

    def failing(path: Path, data: bytes) -> bool:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(_dataset, "write_file", failing)
    with pytest.raises(pk.OutputError, match="No space left"):
        small(tmp_path).write(out)
    assert 3 == len(calls)
    assert before == everything(out)
    assert ["out", "source"] == sorted(p.name for p in tmp_path.iterdir())


def test_write_to_a_missing_parent_is_created(tmp_path: Path) -> None:
    """A folder whose parents do not exist yet is created with them."""
    small(tmp_path).write(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b" / "agreements.json").is_file()


def test_write_under_a_file_is_refused(tmp_path: Path) -> None:
    """A target whose parent is a file cannot be written: one OutputError."""
    (tmp_path / "file").write_text("x")
    with pytest.raises(pk.OutputError):
        small(tmp_path).write(tmp_path / "file" / "out")
