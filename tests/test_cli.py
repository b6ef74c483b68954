"""The pemilu-pks command: each subcommand, each output format, and clean errors."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import pemilu_pks as pk
from pemilu_pks._cli import main
from query_data import KALSEL_BAWASLU, KALSEL_KPU, SULSEL, TAPSEL, write_dataset


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The folder of the hand-made dataset of query_data."""
    return str(write_dataset(tmp_path_factory.mktemp("data")))


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables as wide as their content: these tests read cells, not the fitting to a terminal."""
    monkeypatch.setenv("COLUMNS", "300")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command in-process: (exit status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


class TestAgreements:
    """pemilu-pks agreements."""

    def test_bundled_kalsel_json_is_valid(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The README's query prints a JSON array of agreements from the bundled dataset."""
        status, out, err = run(capsys, "agreements", "--region", "Kalsel", "--format", "json")
        assert (0, "") == (status, err)
        assert isinstance(json.loads(out), list)
        expected = list(pk.load().agreements.filter(region="Kalsel"))
        assert expected == pk.from_json(out, list[pk.Agreement])

    def test_table(
        self, capsys: pytest.CaptureFixture[str], data: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The default table has a header, one aligned line per agreement and a count."""
        monkeypatch.setenv("COLUMNS", "200")
        status, out, _ = run(
            capsys, "--data", data, "agreements", "--region", "Kalsel", "--body", "kpu"
        )
        lines = out.splitlines()
        assert 0 == status
        assert lines[0].split() == ["SIGNED", "TYPE", "PARTIES", "PLACE", "ID"]
        assert KALSEL_KPU in lines[1]
        assert "Polda Kalimantan Selatan" in lines[1]
        assert lines[1].index(KALSEL_KPU) == lines[0].index("ID")
        assert lines[-1].startswith("2 agreements in or covering Kalimantan Selatan (63)")

    def test_filters_map_to_the_library(
        self, capsys: pytest.CaptureFixture[str], data: str
    ) -> None:
        """Each option narrows as the corresponding filter argument does."""
        cases = {
            ("--body", "bawaslu", "--from", "2024", "--to", "2024"): [SULSEL],
            ("--institution", "Polda Sulsel"): [SULSEL],
            ("--scope", "data_exchange", "--scope", "security_assistance", "--instrument", "pks"): [
                TAPSEL
            ],
            ("--text", "andi rian"): [KALSEL_KPU],
            ("--same-ceremony", KALSEL_KPU): [KALSEL_BAWASLU],
            ("--implements", "2022-12-29-kpu-ri-polri", "--region", "12.20"): [TAPSEL],
        }
        for options, expected in cases.items():
            status, out, _ = run(
                capsys, "--data", data, "agreements", *options, "--format", "jsonl"
            )
            assert (0, expected) == (
                status,
                [json.loads(line)["id"] for line in out.splitlines()],
            ), options

    def test_csv(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        """CSV rows are the flat agreement rows."""
        _, out, _ = run(
            capsys, "--data", data, "agreements", "--body", "bawaslu", "--format", "csv"
        )
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [KALSEL_BAWASLU, SULSEL] == [row["id"] for row in rows]
        assert "Bawaslu Provinsi Sulawesi Selatan; Polda Sulawesi Selatan" == rows[1]["parties"]

    def test_no_match_is_not_an_error(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        """An empty result prints the header and a zero count, and succeeds."""
        status, out, _ = run(capsys, "--data", data, "agreements", "--region", "Aceh")
        assert 0 == status
        assert ["SIGNED", "TYPE", "PARTIES", "PLACE", "ID"] == out.splitlines()[0].split()
        assert "0 agreements in or covering" in out.splitlines()[-1]


class TestErrors:
    """Bad input: one message on stderr, a non-zero exit, no traceback."""

    @pytest.mark.parametrize(
        ("argv", "status", "needle"),
        [
            (("regions", "lookup", "Malang"), 2, "Kota Malang"),
            (("agreements", "--region", "Atlantis"), 2, "Atlantis"),
            (("agreements", "--region", "99.99"), 2, "99.99"),
            (("agreements", "--from", "2023-13-45"), 2, "2023-13-45"),
            (("agreements", "--institution", "Polda Atlantis"), 2, "Polda Atlantis"),
            (("validate", "/nonexistent/folder"), 1, "/nonexistent/folder"),
        ],
    )
    def test_messages(
        self, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], status: int, needle: str
    ) -> None:
        """Each bad input names the problem."""
        actual, out, err = run(capsys, *argv)
        assert status == actual
        assert err.startswith("pemilu-pks: ")
        assert needle in err
        assert "Traceback" not in err
        assert "" == out

    def test_ambiguous_names_both_candidates(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Malang names the kabupaten and the kota with their codes."""
        _, _, err = run(capsys, "regions", "lookup", "Malang")
        assert "Kabupaten Malang" in err
        assert "Kota Malang" in err
        assert "35.07" in err
        assert "35.73" in err
        assert 1 == len(err.strip().splitlines())

    def test_bad_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A dataset with a broken file fails validation with the file named."""
        folder = write_dataset(tmp_path / "broken")
        (folder / "agreements.json").write_text('{"agreements": [', encoding="utf-8")
        status, _, err = run(capsys, "validate", str(folder))
        assert 1 == status
        assert "agreements.json" in err
        assert "not valid JSON" in err

    def test_unwritable_output(
        self, capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path
    ) -> None:
        """An output path in a missing folder is reported, not raised."""
        out = tmp_path / "missing" / "x.json"
        status, _, err = run(
            capsys, "--data", data, "export", "--format", "json", "--out", str(out)
        )
        assert 1 == status
        assert str(out) in err

    def test_usage_errors_exit_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown option value is argparse's usage error, status 2."""
        with pytest.raises(SystemExit) as exit_info:
            main(["agreements", "--body", "pkb"])
        assert 2 == exit_info.value.code
        assert "invalid choice" in capsys.readouterr().err


class TestRegionsAndInstitutions:
    """pemilu-pks regions and institutions."""

    def test_lookup(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Lookup prints the one region."""
        status, out, _ = run(capsys, "regions", "lookup", "Kalsel", "--format", "json")
        assert 0 == status
        assert "63" == json.loads(out)[0]["code"]

    def test_children_and_search(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Children lists the regencies and cities of a province; search finds names."""
        _, out, _ = run(capsys, "regions", "children", "Kalsel", "--format", "jsonl")
        codes = [json.loads(line)["code"] for line in out.splitlines()]
        assert 13 == len(codes)
        assert "63.71" in codes
        _, out, _ = run(capsys, "regions", "search", "Banjarmasin", "--format", "csv")
        assert "63.71" in out

    def test_institutions(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        """Institutions filters by kind and region, and looks one up by name."""
        _, out, _ = run(
            capsys,
            "--data",
            data,
            "institutions",
            "--kind",
            "kpu",
            "--region",
            "12",
            "--format",
            "jsonl",
        )
        assert ["kpu-12.03", "kpu-12.20"] == [json.loads(line)["id"] for line in out.splitlines()]
        status, out, _ = run(capsys, "--data", data, "institutions", "Polres Tapsel")
        assert 0 == status
        assert "polres-tapanuli-selatan" in out


class TestCovering:
    """pemilu-pks institutions --covering."""

    def test_unit_and_basis(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The bundled registry answers with the unit, its extent and its basis."""
        status, out, _ = run(capsys, "institutions", "--covering", "Paluta", "--on", "2024-02-14")
        assert 0 == status
        assert ["polres-tapanuli-selatan", "polres", "Polres", "Tapanuli", "Selatan", "whole",
                "stated"] == out.splitlines()[1].split()  # fmt: skip
        assert "covering Kabupaten Padang Lawas Utara (12.20) on 2024-02-14" in out

    def test_presumed_is_shown_and_can_be_left_out(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A presumed area says so in the table and the footer; --basis stated drops it."""
        _, out, _ = run(capsys, "institutions", "--covering", "Kapuas Hulu", "--format", "csv")
        rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
        assert "presumed" == rows["polres-kapuas-hulu"]["basis"]
        _, out, _ = run(capsys, "institutions", "--covering", "Kapuas Hulu", "--kind", "polres")
        assert "1 presumed: the unit carries the region's name" in " ".join(out.split())
        _, out, _ = run(capsys, "institutions", "--covering", "Kapuas Hulu", "--basis", "stated")
        assert "polres-kapuas-hulu" not in out
        assert "by a stated area" in out

    def test_misuse(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--on without --covering is a usage error (exit 2), with one message."""
        with pytest.raises(SystemExit) as exit_info:
            run(capsys, "institutions", "--on", "2024-02-14")
        assert 2 == exit_info.value.code
        assert "--covering" in capsys.readouterr().err


class TestCoverage:
    """pemilu-pks coverage."""

    def test_police_column(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The table names each regency's covering units with their basis; JSON lists them."""
        _, out, _ = run(capsys, "coverage", "--province", "Sumut", "--body", "kpu", "--on",
                        "2024-02-14")  # fmt: skip
        line = next(row for row in out.splitlines() if row.startswith("12.20"))
        assert "Polres Tapanuli Selatan (stated, signed)" in line
        _, out, _ = run(capsys, "coverage", "--province", "Sumut", "--format", "json")
        row = next(r for r in json.loads(out) if r["region"] == "12.20")
        assert [{"basis": "stated", "extent": "whole", "institution": "polres-tapanuli-selatan",
                 "name": "Polres Tapanuli Selatan", "signed": True}] == row["police"]  # fmt: skip

    def test_table_and_json(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        """A table with a summary line; JSON with lists."""
        status, out, _ = run(
            capsys, "--data", data, "coverage", "--body", "kpu", "--province", "Sumut"
        )
        assert 0 == status
        assert out.rstrip().endswith(
            "2 of 33 regencies and cities with a documented KPU–police agreement"
        )
        _, out, _ = run(
            capsys, "--data", data, "coverage", "--level", "province", "--format", "json"
        )
        rows = json.loads(out)
        assert 38 == len(rows)
        assert [KALSEL_BAWASLU, KALSEL_KPU] == next(r for r in rows if r["region"] == "63")[
            "agreements"
        ]

    def test_missing(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        """--missing lists only the gaps."""
        _, out, _ = run(
            capsys,
            "--data",
            data,
            "coverage",
            "--level",
            "province",
            "--body",
            "bawaslu",
            "--missing",
            "--format",
            "csv",
        )
        rows = list(csv.DictReader(io.StringIO(out)))
        assert 36 == len(rows)
        assert {"False"} == {row["covered"] for row in rows}


class TestValidateAndExport:
    """pemilu-pks validate and export."""

    def test_validate_ok(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        """A good folder validates with counts."""
        status, out, _ = run(capsys, "validate", data)
        assert 0 == status
        assert "valid (12 institutions, 1 person, 6 sources, 6 agreements)" in out

    def test_json_and_jsonl(
        self, capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path
    ) -> None:
        """JSON holds every record type; JSON Lines one typed record a line."""
        assert (
            0
            == run(
                capsys,
                "--data",
                data,
                "export",
                "--format",
                "json",
                "--out",
                str(tmp_path / "d.json"),
            )[0]
        )
        document = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
        assert 6 == len(document["agreements"])
        assert 553 <= len(document["regions"])
        assert (
            0
            == run(
                capsys,
                "--data",
                data,
                "export",
                "--format",
                "jsonl",
                "--out",
                str(tmp_path / "d.jsonl"),
            )[0]
        )
        lines = [
            json.loads(line)
            for line in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        assert 6 == sum(line["type"] == "agreement" for line in lines)

    def test_csv_folder(
        self, capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path
    ) -> None:
        """CSV export writes one file per table."""
        assert (
            0
            == run(
                capsys, "--data", data, "export", "--format", "csv", "--out", str(tmp_path / "csv")
            )[0]
        )
        with (tmp_path / "csv" / "agreement_parties.csv").open(encoding="utf-8") as f:
            assert 13 == len(list(csv.DictReader(f)))

    def test_sqlite(self, capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path) -> None:
        """The SQLite export has keyed, indexed tables whose foreign keys all resolve."""
        path = tmp_path / "pks.db"
        assert (
            0 == run(capsys, "--data", data, "export", "--format", "sqlite", "--out", str(path))[0]
        )
        db = sqlite3.connect(path)
        try:
            tables = {
                row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            assert {
                "regions",
                "institutions",
                "people",
                "sources",
                "agreements",
                "agreement_parties",
                "agreement_signatories",
                "agreement_scope",
                "agreement_sources",
            } <= tables
            assert [] == db.execute("PRAGMA foreign_key_check").fetchall()
            assert db.execute("PRAGMA index_list('agreement_parties')").fetchall()
            query = (
                "SELECT a.id FROM agreements a JOIN agreement_parties p ON p.agreement = a.id "
                "JOIN institutions i ON i.id = p.institution WHERE i.region = '12.20'"
            )
            assert [(TAPSEL,)] == db.execute(query).fetchall()
        finally:
            db.close()


class TestEntryPoints:
    """python -m pemilu_pks runs the same command."""

    def test_module(self) -> None:
        """`python -m pemilu_pks --version` prints the package and dataset versions."""
        result = subprocess.run(
            [sys.executable, "-m", "pemilu_pks", "--version"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (0, f"pemilu-pks {pk.__version__} (dataset {pk.load().version})") == (
            result.returncode,
            result.stdout.strip(),
        )

    def test_module_error_has_no_traceback(self) -> None:
        """An error from the real process is one line and status 2."""
        result = subprocess.run(
            [sys.executable, "-m", "pemilu_pks", "regions", "lookup", "Malang"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 2 == result.returncode
        assert "Traceback" not in result.stderr
        assert "Malang" in result.stderr
