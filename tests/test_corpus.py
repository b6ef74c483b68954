"""The malformed-input corpus: every bad file ends in a PemiluPksError naming what and where.

``tests/corpus/`` holds a small valid dataset (``valid/``) and one file per
malformed case; ``index.json`` says what each must raise.  A case file
replaces the file of ``valid/`` named by its first dotted part and is fed to
every entry point: :func:`pemilu_pks.from_json`, :meth:`Dataset.from_path`,
the lazy parts behind ``lookup`` and ``filter``, and ``pemilu-pks validate``.
Inputs too large to commit are made here, in code.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import pemilu_pks as pk
from pemilu_pks._cli import main
from pemilu_pks._dataset import _from_folder

CORPUS = Path(__file__).parent / "corpus"
VALID = CORPUS / "valid"
INDEX: dict[str, dict[str, Any]] = json.loads((CORPUS / "index.json").read_text("utf-8"))
CASES = sorted(INDEX)
PKS = "2023-09-25-kpu-63-polda-kalimantan-selatan"


@attrs.frozen(kw_only=True)
class AgreementsFile:
    """The shape of ``agreements.json``, for from_json."""

    agreements: tuple[pk.Agreement, ...]


@attrs.frozen(kw_only=True)
class InstitutionsFile:
    """The shape of ``institutions.json``."""

    institutions: tuple[pk.Institution, ...]


@attrs.frozen(kw_only=True)
class PeopleFile:
    """The shape of ``people.json``."""

    people: tuple[pk.Person, ...]


@attrs.frozen(kw_only=True)
class SourcesFile:
    """The shape of ``sources.json``."""

    sources: tuple[pk.Source, ...]


FILE_TYPES: dict[str, type[Any]] = {
    "agreements": AgreementsFile,
    "institutions": InstitutionsFile,
    "people": PeopleFile,
    "sources": SourcesFile,
    "datapackage": dict[str, Any],
}

#: What a user does first with each part: each call reads the part's file.
FIRST_USE: dict[str, list[Callable[[pk.Dataset], object]]] = {
    "agreements": [
        lambda ds: ds.agreements.lookup(PKS),
        lambda ds: ds.agreements.filter(region="63", signed_from="2023"),
    ],
    "institutions": [
        lambda ds: ds.institutions.lookup("KPU Kalsel"),
        lambda ds: ds.agreements.filter(institution="kpu-63"),
    ],
    "people": [lambda ds: ds.people.lookup("andi-rian-djajadi")],
    "sources": [lambda ds: ds.sources.lookup("banuatoday.com-1a2b3c4d")],
    "datapackage": [lambda ds: ds.version],
}


def target(case: str) -> str:
    """The file of the dataset a case replaces: ``agreements`` for ``x/agreements.y.json``."""
    return Path(case).name.split(".")[0]


def error_class(case: str) -> type[pk.PemiluPksError]:
    """The exception class the index names for *case*."""
    cls = getattr(pk, INDEX[case]["error"])
    assert issubclass(cls, pk.PemiluPksError)
    return cls  # type: ignore[no-any-return]


def folder_with(tmp_path: Path, name: str, content: bytes) -> Path:
    """A copy of the valid dataset with ``<name>.json`` replaced by *content*."""
    folder = tmp_path / "dataset"
    shutil.copytree(VALID, folder)
    (folder / f"{name}.json").write_bytes(content)
    return folder


def problems(exc: pk.PemiluPksError) -> list[tuple[str, str]]:
    """The ``(path, problem)`` pairs of an error (one pair for errors without a list)."""
    if isinstance(exc, pk.ValidationError):
        return list(exc.errors)
    if isinstance(exc, pk.IntegrityError):
        return list(exc.problems)
    return [("", str(exc))]


def assert_names_what_and_where(exc: pk.PemiluPksError, case: str) -> None:
    """The error lists a problem at the expected JSON path, saying the expected thing."""
    where, what = INDEX[case]["where"], INDEX[case]["what"]
    found = problems(exc)
    assert any((where is None or where in path) and what in problem for path, problem in found), (
        f"{case}: expected {where!r} / {what!r} in {found}"
    )


@pytest.fixture
def case_folder(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The valid dataset with the case's file swapped in."""
    case: str = request.param
    return folder_with(tmp_path, target(case), (CORPUS / case).read_bytes())


@pytest.fixture(scope="module")
def already_loaded() -> tuple[pk.Dataset, str]:
    """A dataset loaded before the corpus runs, and its JSON; neither may change."""
    dataset = pk.Dataset.from_path(VALID)
    return dataset, dataset_json(dataset)


def load_and_read(folder: Path) -> pk.Dataset:
    """from_path, then the version (in case the descriptor is read on first use)."""
    dataset = pk.Dataset.from_path(folder)
    assert dataset.version
    return dataset


def first_use(dataset: pk.Dataset, name: str) -> pk.PemiluPksError | None:
    """Run each first use of part *name*, twice; the last error, or None if none failed."""
    error = None
    for use in FIRST_USE[name] * 2:  # twice: a failed read must not be cached as empty
        try:
            use(dataset)
        except pk.PemiluPksError as exc:  # noqa: PERF203 - each use must be tried
            error = exc
        else:
            error = None
    return error


def dataset_json(dataset: pk.Dataset) -> str:
    """Every record of *dataset* as JSON."""
    parts = (dataset.agreements, dataset.institutions, dataset.people, dataset.sources)
    return "".join(pk.to_json(list(part)) for part in parts) + dataset.version


class TestCorpusItself:
    """The corpus is what the tests assume."""

    def test_valid_dataset_loads(self) -> None:
        """The base every case mutates is valid, so each failure is the case's own."""
        dataset = pk.Dataset.from_path(VALID)
        assert (3, 5, 1, 2) == tuple(
            len(part)
            for part in (dataset.agreements, dataset.institutions, dataset.people, dataset.sources)
        )
        assert (PKS,) == dataset.agreements.filter(region="63", body="kpu").ids

    def test_every_file_is_indexed(self) -> None:
        """No case file is left out of index.json, and no index entry lacks its file."""
        files = {
            p.relative_to(CORPUS).as_posix()
            for p in CORPUS.glob("*/*.json")
            if p.parent.name != "valid"
        }
        assert files == set(INDEX)

    def test_size_and_breadth(self) -> None:
        """At least 60 cases over at least ten categories."""
        categories = {case.split("/")[0] for case in CASES}
        assert len(CASES) >= 60
        assert len(categories) >= 10


class TestFromJson:
    """from_json on each case file, read as the record file it stands for."""

    @pytest.mark.parametrize("case", CASES)
    def test_case(self, case: str) -> None:
        """A PemiluPksError naming what and where; integrity cases are valid record by record."""
        content = (CORPUS / case).read_bytes()
        cls = error_class(case)
        if cls is pk.IntegrityError:
            # Duplicates, dangling references and cycles are dataset-level problems.
            assert pk.from_json(content, FILE_TYPES[target(case)]) is not None
            return
        with pytest.raises(pk.PemiluPksError) as info:
            pk.from_json(content, FILE_TYPES[target(case)])
        assert isinstance(info.value, cls), repr(info.value)
        if INDEX[case]["where"] not in (None, "$"):  # "$" cases test the wrapper, a dataset rule
            assert_names_what_and_where(info.value, case)


class TestFromPath:
    """Dataset.from_path on the valid dataset with one file swapped for a case."""

    @pytest.mark.parametrize("case_folder", CASES, indirect=True)
    def test_case(
        self, case_folder: Path, request: pytest.FixtureRequest, already_loaded: Any
    ) -> None:
        """The expected error, naming the file and the JSON path; nothing loaded changes."""
        case = request.node.callspec.params["case_folder"]
        with pytest.raises(pk.PemiluPksError) as info:
            load_and_read(case_folder)
        assert isinstance(info.value, error_class(case)), repr(info.value)
        assert f"{target(case)}.json" in str(info.value)
        assert_names_what_and_where(info.value, case)
        dataset, text = already_loaded
        assert text == dataset_json(dataset)


class TestFirstUse:
    """The lazy dataset (as pk.load() builds it) reports a bad file when a query reads it."""

    @pytest.mark.parametrize("case_folder", CASES, indirect=True)
    def test_case(self, case_folder: Path, request: pytest.FixtureRequest) -> None:
        """Lookup and filter raise the file's error, every time, and no other exception."""
        case = request.node.callspec.params["case_folder"]
        cls = error_class(case)
        error = first_use(_from_folder(case_folder), target(case))
        if cls is pk.IntegrityError:
            # Lazily only file-level checks run (duplicate ids); cross-record ones need every file.
            assert error is None or isinstance(error, pk.IntegrityError), repr(error)
        else:
            assert isinstance(error, cls), repr(error)


class TestCommandLine:
    """``pemilu-pks validate`` and queries with ``--data`` on each case folder."""

    @pytest.mark.parametrize("case_folder", CASES, indirect=True)
    def test_validate(
        self, case_folder: Path, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Exit status 1 and a message naming the file; no traceback."""
        case = request.node.callspec.params["case_folder"]
        status = main(["validate", str(case_folder)])
        err = capsys.readouterr().err
        assert 1 == status, err
        assert err.startswith("pemilu-pks: ")
        assert f"{target(case)}.json" in err
        assert "Traceback" not in err
        if INDEX[case]["where"] is not None:
            assert INDEX[case]["where"] in err

    @pytest.mark.parametrize(
        "case",
        ["syntax/agreements.truncated-half.json", "references/agreements.unknown-party.json"],
    )
    def test_query_with_bad_data(self, case: str, tmp_path: Path) -> None:
        """The installed command, run as a process, fails cleanly on a bad --data folder."""
        folder = folder_with(tmp_path, target(case), (CORPUS / case).read_bytes())
        done = subprocess.run(
            [sys.executable, "-m", "pemilu_pks", "--data", str(folder), "agreements"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 1 == done.returncode
        assert "agreements.json" in done.stderr
        assert "Traceback" not in done.stderr
        assert "" == done.stdout


class TestMadeInCode:
    """Inputs too big to commit: huge strings and numbers, extreme depth."""

    def test_depth_of_a_million(self) -> None:
        """A million nested arrays are refused without touching the stack."""
        with pytest.raises(pk.InputLimitError, match="nested deeper than 64"):
            pk.from_json("[" * 1_000_000 + "]" * 1_000_000, pk.Agreement)

    def test_deep_objects_under_a_record(self) -> None:
        """Deep nesting inside an otherwise valid record is refused too."""
        text = '{"id": "a", "notes": ' + '{"x": ' * 200 + "1" + "}" * 200 + "}"
        with pytest.raises(pk.InputLimitError, match="nested deeper"):
            pk.from_json(text, pk.Agreement)

    def test_brackets_inside_strings_are_not_depth(self) -> None:
        """Brackets in text do not count as nesting (the check reads strings properly)."""
        note = '[{\\"' * 1000
        ref = pk.from_json(f'{{"source": "a", "note": "{note}"}}', pk.SourceRef)
        assert '[{"' * 1000 == ref.note

    def test_configured_depth(self) -> None:
        """The depth limit is configurable, both ways."""
        text = "[" * 100 + "]" * 100
        with pytest.raises(pk.InputLimitError, match="deeper than 8"):
            pk.from_json(text, list[Any], limits=pk.Limits(max_depth=8))
        with pytest.raises(pk.ValidationError):  # deep enough now, but not a list of SourceRef
            pk.from_json(text, list[pk.SourceRef], limits=pk.Limits(max_depth=200))

    def test_over_the_default_size(self) -> None:
        """64 MiB and one byte is refused before decoding, as bytes and as text."""
        size = pk.Limits().max_bytes + 1
        with pytest.raises(pk.InputLimitError, match="limit is"):
            pk.from_json(b" " * size, pk.Agreement)
        with pytest.raises(pk.InputLimitError):
            pk.from_json(" " * size, pk.Agreement)

    def test_huge_string_under_a_small_limit(self) -> None:
        """A 2 MB title is refused under a 1 MB limit and read under the default."""
        text = json.dumps({"source": "a", "note": "x" * 2_000_000})
        with pytest.raises(pk.InputLimitError):
            pk.from_json(text, pk.SourceRef, limits=pk.Limits(max_bytes=1_000_000))
        assert 2_000_000 == len(pk.from_json(text, pk.SourceRef).note or "")

    def test_multibyte_text_counts_bytes(self) -> None:
        """The size limit counts UTF-8 bytes: 400,000 'é' are 800,000 bytes."""
        text = json.dumps({"source": "a", "note": "é" * 400_000}, ensure_ascii=False)
        with pytest.raises(pk.InputLimitError):
            pk.from_json(text.encode(), pk.SourceRef, limits=pk.Limits(max_bytes=500_000))

    def test_huge_integer(self) -> None:
        """An integer of 100,000 digits is a DataError, not Python's int-conversion ValueError."""
        with pytest.raises(pk.DataError, match="not valid JSON"):
            pk.from_json('{"key": "k", "value": ' + "7" * 100_000 + "}", pk.Figure)

    def test_huge_file_in_a_folder(self, tmp_path: Path) -> None:
        """A record file over the limit is refused by from_path with its name."""
        folder = folder_with(tmp_path, "sources", b" " * (pk.Limits().max_bytes + 1))
        with pytest.raises(pk.InputLimitError, match=r"sources\.json"):
            pk.Dataset.from_path(folder)


class TestFolders:
    """Folders that are not datasets."""

    def test_missing_file(self, tmp_path: Path) -> None:
        """A dataset without people.json names the missing file."""
        shutil.copytree(VALID, tmp_path / "d")
        (tmp_path / "d" / "people.json").unlink()
        with pytest.raises(pk.DataError, match=r"people\.json: file not found"):
            pk.Dataset.from_path(tmp_path / "d")
        assert 1 == main(["validate", str(tmp_path / "d")])

    def test_not_a_folder(self, tmp_path: Path) -> None:
        """A file, or nothing, where a folder should be."""
        (tmp_path / "file.json").write_text("{}")
        for path in (tmp_path / "file.json", tmp_path / "nothing"):
            with pytest.raises(pk.DataError, match="not a folder"):
                pk.Dataset.from_path(path)

    def test_a_record_file_that_is_a_folder(self, tmp_path: Path) -> None:
        """agreements.json being a directory is a DataError, not IsADirectoryError."""
        shutil.copytree(VALID, tmp_path / "d")
        (tmp_path / "d" / "agreements.json").unlink()
        (tmp_path / "d" / "agreements.json").mkdir()
        with pytest.raises(pk.DataError, match=r"agreements\.json"):
            pk.Dataset.from_path(tmp_path / "d")


#: Arguments a caller might pass by mistake or malice: wrong types, control
#: characters, lone surrogates, huge and empty text, well-formed codes of nothing.
HOSTILE: list[Any] = [
    "",
    "   ",
    "\x00",
    "Atlantis",
    "a" * 100_000,
    "Kal\udcffsel",
    "63\n",
    "\u0666\u0663",
    "99",
    "63.99",
    "63.71.99.9999",
    "ID.63",
    ".*",
    "%",
    123,
    1.5,
    True,
    None,
    b"Kalsel",
    ["63"],
    ("63",),
    {"code": "63"},
]


#: Hostile values that can name nothing in any registry.
NOTHING = ["", "   ", "\x00", "Atlantis", "a" * 100_000, "99", "63.99", "ID.63", "%"]


def hostile_id(value: Any) -> str:
    """A short test id for a hostile value."""
    return f"{type(value).__name__}:{value!r:.20}"


class TestHostileQueries:
    """lookup, get, covering and filter on the bundled dataset with arguments users get wrong."""

    @pytest.mark.parametrize("value", HOSTILE, ids=hostile_id)
    @pytest.mark.parametrize("part", ["regions", "institutions", "agreements", "people", "sources"])
    def test_lookup(self, part: str, value: Any) -> None:
        """Lookup answers or raises a PemiluPksError; names of nothing raise NotFoundError."""
        registry = getattr(pk.load(), part)
        if value in NOTHING:
            with pytest.raises(pk.NotFoundError):
                registry.lookup(value)
            assert None is registry.get(value)
            return
        try:
            found = registry.lookup(value)
        except pk.PemiluPksError:
            return  # any of the library's errors, which say what was looked up
        assert found in registry

    @pytest.mark.parametrize("value", HOSTILE, ids=hostile_id)
    @pytest.mark.parametrize(
        "argument",
        ["region", "body", "institution", "instrument", "scope", "signed_from", "signed_to",
         "dates", "text", "implements"],
    )  # fmt: skip
    def test_filter(self, argument: str, value: Any) -> None:
        """Filter answers or raises a PemiluPksError naming the argument; nothing else."""
        agreements = pk.load().agreements
        try:
            found = agreements.filter(**{argument: value})
        except pk.PemiluPksError as exc:
            error: pk.PemiluPksError | None = exc
        else:
            error = None
            assert set(found) <= set(agreements)
        if error is not None and not isinstance(error, pk.NotFoundError | pk.AmbiguousError):
            assert argument in str(error)

    @pytest.mark.parametrize(
        ("criteria", "error"),
        [
            ({"signed_from": "2023-02-30"}, pk.DateParseError),
            ({"signed_from": "20230925"}, pk.DateParseError),
            ({"signed_to": "2023-W39-1"}, pk.DateParseError),
            ({"signed_from": "2024", "signed_to": "2023"}, pk.DateParseError),
            ({"body": "police"}, pk.ValidationError),
            ({"scope": ["law_enforcement", "everything"]}, pk.ValidationError),
            ({"dates": "maybe"}, pk.ValidationError),
            ({"region": "Atlantis"}, pk.NotFoundError),
            ({"region": 63}, pk.ValidationError),
            ({"text": 5}, pk.ValidationError),
            ({"implements": 5}, pk.ValidationError),
        ],
    )
    def test_filter_errors(self, criteria: dict[str, Any], error: type[Exception]) -> None:
        """Each malformed criterion raises its own error class."""
        with pytest.raises(error):
            pk.load().agreements.filter(**criteria)

    def test_dates_at_the_end_of_the_calendar(self) -> None:
        """Bounds at date.max and date.min do not overflow the weekday arithmetic."""
        agreements = pk.load().agreements
        assert 0 == len(agreements.filter(signed_from="9999-12-30"))
        assert 0 == len(agreements.filter(signed_to=dt.date.min))
        assert len(agreements) == len(agreements.filter(signed_from=dt.date.min))

    @pytest.mark.parametrize("on", ["2024-02-30", "x", 5, "20240214"], ids=repr)
    def test_covering_bad_day(self, on: Any) -> None:
        """covering() with a malformed day is a PemiluPksError."""
        with pytest.raises(pk.PemiluPksError):
            pk.load().institutions.covering("63", on=on)

    @pytest.mark.parametrize(
        "argv",
        [
            ["regions", "lookup", "Atlantis"],
            ["regions", "lookup", "\x01"],
            ["regions", "lookup", "a" * 10_000],
            ["institutions", "Polres Nowhere"],
            ["agreements", "--region", "Atlantis"],
            ["agreements", "--from", "2023-02-30"],
            ["agreements", "--from", "2024", "--to", "2023"],
            ["validate", "no/such/folder"],
        ],
        ids=lambda argv: " ".join(argv)[:40],
    )
    def test_command_line(self, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
        """The command prints one message and exits non-zero, without a traceback."""
        status = main(argv)
        err = capsys.readouterr().err
        assert status in {1, 2}
        assert err.startswith("pemilu-pks: ")
        assert "Traceback" not in err
