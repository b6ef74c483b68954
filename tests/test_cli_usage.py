"""The command line as a person uses it: options in messages, readable tables, people."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

import pemilu_pks as pk
from pemilu_pks._cli import main, parser, table


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command in-process: (exit status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wide terminal unless a test says otherwise, so cells are whole."""
    monkeypatch.setenv("COLUMNS", "300")


class TestSpeaksCli:
    """Messages name options; choices ignore case; every option is explained."""

    def test_messages_name_options(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Library keyword names (signed_from=, level=) become the options that set them."""
        status, _, err = run(capsys, "agreements", "--from", "2025", "--to", "2024")
        assert 2 == status
        assert "--to (2024-12-31) is before --from (2025-01-01)" in err
        _, _, err = run(capsys, "regions", "lookup", "Malang")
        assert "--level" in err
        assert "level=" not in err
        assert "within=" not in err

    def test_unknown_police_unit_is_not_found(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A police unit not in the registry is reported as such, with the unit that polices the place."""
        status, _, err = run(capsys, "institutions", "Polres Sumba Tengah")
        assert 2 == status
        assert "no Polres named for Kabupaten Sumba Tengah (53.17) in the registry" in err
        assert "policed by Polres Sumba Barat" in err
        assert "ambiguous" not in err

    def test_unlisted_unit_of_an_ambiguous_name(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A unit name whose place fits two regions, neither with a unit listed, is not found, not ambiguous."""
        from query_data import write_dataset

        data = str(write_dataset(tmp_path))
        status, _, err = run(capsys, "--data", data, "institutions", "Polres Malang")
        assert 2 == status
        assert "no institution named 'Polres Malang' in the registry" in err
        assert "Kabupaten Malang (35.07) and Kota Malang (35.73)" in err

    def test_unknown_id_is_an_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--implements with an id no agreement has fails instead of listing nothing."""
        status, out, err = run(capsys, "agreements", "--implements", "nonexistent-id")
        assert (2, "") == (status, out)
        assert "no agreement with id 'nonexistent-id'" in err
        with pytest.raises(pk.NotFoundError):
            pk.load().agreements.filter(implements="nonexistent-id")

    def test_choices_ignore_case(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--body KPU is --body kpu; --format JSON is --format json."""
        upper = run(capsys, "agreements", "--body", "KPU", "--format", "JSON")
        lower = run(capsys, "agreements", "--body", "kpu", "--format", "json")
        assert 0 == upper[0]
        assert lower == upper

    def test_out_dash_is_standard_output(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path,
    ) -> None:
        """`export -o -` prints the file instead of writing one named '-'."""
        monkeypatch.chdir(tmp_path)  # where a file named "-" would land
        status, out, _ = run(capsys, "export", "--format", "json", "--out", "-")
        assert 0 == status
        assert len(pk.load().agreements) == len(json.loads(out)["agreements"])
        status, _, err = run(capsys, "export", "--format", "csv", "--out", "-")
        assert 1 == status
        assert "give a path" in err
        assert [] == list(tmp_path.iterdir())

    def test_every_option_has_help(self) -> None:
        """Each argument of each command and subcommand has help text."""
        missing = []

        def walk(command: argparse.ArgumentParser, path: str) -> None:
            for action in command._actions:
                if isinstance(action, argparse._SubParsersAction):
                    for name, sub in action.choices.items():
                        walk(sub, f"{path} {name}")
                elif not action.help:
                    missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")

        walk(parser(), "pemilu-pks")
        assert [] == missing


class TestTables:
    """Tables a person reads."""

    def test_agreements_in_signing_order(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Agreements come in signing order: earliest possible day, then latest, then id."""
        _, out, _ = run(capsys, "agreements", "--format", "json")
        dates = [
            (a["signing"]["date"]["earliest"], a["signing"]["date"]["latest"], a["id"])
            for a in json.loads(out)
        ]
        assert sorted(dates) == dates
        assert dates != sorted(dates, key=lambda d: d[2])  # ids alone order differently

    def test_table_fits_the_terminal(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """At 80 columns no line is wider: long cells wrap, one row per agreement still."""
        monkeypatch.setenv("COLUMNS", "80")
        _, out, _ = run(capsys, "agreements", "--region", "Kalsel")
        lines = out.splitlines()
        assert [] == [line for line in lines if len(line) > 80]
        starts = [line.split()[0] for line in lines[1:-2] if not line.startswith(" ")]
        signed = sorted(str(a.signing.date) for a in pk.load().agreements.filter(region="Kalsel"))
        assert signed == starts
        assert len(lines) - 3 > len(starts)  # some rows took more than one line

    def test_table_wraps_then_cuts(self) -> None:
        """table() narrows the widest column, wraps its cells and cuts what is left with "…"."""
        import io

        out = io.StringIO()
        table(("ID", "TEXT"), [("an-id", "word " * 20)], out, width=30)
        expected = [
            "ID     TEXT",
            "an-id  word word word word",
            "       word word word word",
            "       word word word word…",
        ]
        assert expected == out.getvalue().splitlines()
        out = io.StringIO()
        table(("ID", "TEXT"), [("an-id", "short")], out, width=30)
        assert ["ID     TEXT", "an-id  short"] == out.getvalue().splitlines()
        out = io.StringIO()
        table(("ID", "A", "B"), [("x", "a " * 100_000, "b" * 50_000)], out, width=40)
        lines = out.getvalue().splitlines()
        assert 4 == len(lines)  # the header and three lines of cells
        assert [] == [line for line in lines if len(line) > 40]
        assert all("…" in cell for cell in (lines[3], lines[-1]))

    def test_show_signatories(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--show signatories adds who signed, with their posts."""
        _, out, _ = run(capsys, "agreements", "--region", "Kalsel", "--show", "signatories")
        assert "SIGNED BY" in out.splitlines()[0]
        assert "Andi Rian Djajadi (Kepala Kepolisian Daerah Kalimantan Selatan" in out

    def test_people(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`people` lists signatories with their posts and how many agreements they signed."""
        status, out, _ = run(capsys, "people", "andi rian")
        lines = out.splitlines()
        assert 0 == status
        assert ["NAME", "POSTS", "SIGNED", "ID"] == lines[0].split()
        assert "Kapolda Kalimantan Selatan" in lines[1]
        assert lines[1].rstrip().endswith("andi-rian-djajadi")
        assert "1 person" == lines[-1]
        _, out, _ = run(capsys, "people", "--institution", "Polda Kalsel", "--format", "json")
        assert ["andi-rian-djajadi"] == [p["id"] for p in json.loads(out)]
        _, out, _ = run(capsys, "people", "--format", "json")
        assert len(pk.load().people) == len(json.loads(out))

    def test_coverage_province_level(self, capsys: pytest.CaptureFixture[str]) -> None:
        """At province level the table does not repeat the province; within one, neither."""
        _, out, _ = run(capsys, "coverage", "--level", "province")
        header = out.splitlines()[0].split()
        assert ["CODE", "PROVINCE", "COVERED"] == header[:3]
        assert "REGION" not in header
        _, out, _ = run(capsys, "coverage", "--province", "Kalsel")
        header = out.splitlines()[0].split()
        assert ["CODE", "REGION", "COVERED"] == header[:3]
        assert "PROVINCE" not in header

    def test_coverage_covered_and_footer(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--covered keeps the covered rows; the footer still counts the whole selection."""
        table_ = pk.load().coverage(level="province", body="kpu")
        summary = table_.summary()
        _, out, _ = run(capsys, "coverage", "--level", "province", "--body", "kpu", "--covered")
        lines = out.splitlines()
        assert summary["covered"] == len(lines) - 3
        footer = (
            f"{summary['covered']} provinces shown; {summary['covered']} of 38 provinces "
            "with a documented KPU–police agreement"
        )
        assert footer == lines[-1]
        _, out, _ = run(capsys, "coverage", "--level", "province", "--body", "kpu", "--missing")
        assert out.splitlines()[-1].endswith(
            f"{summary['covered']} of 38 provinces with a documented KPU–police agreement"
        )


class TestRegionsSearch:
    """regions search does what its help says, with the API's options."""

    def test_options(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--limit, --level and --within narrow the search as in Regions.search."""
        _, out, _ = run(capsys, "regions", "search", "Banjar", "--limit", "3", "--format", "json")
        assert 3 == len(json.loads(out))
        _, out, _ = run(
            capsys,
            "regions",
            "search",
            "Banjar",
            "--level",
            "city",
            "--within",
            "Kalsel",
            "--format",
            "json",
        )
        found = json.loads(out)
        assert {"city"} == {r["level"] for r in found}
        assert all(r["code"].startswith("63.") for r in found)
