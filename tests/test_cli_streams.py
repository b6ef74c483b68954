"""The command line under hostile streams and cells: closed output, narrow encodings, control characters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pemilu_pks._cli import main, shown, table

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell redirections")


def run(
    *args: str, env: dict[str, str] | None = None, stdout: int | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m pemilu_pks ARGS`` in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "pemilu_pks", *args],
        capture_output=stdout is None,
        stdout=stdout,
        stderr=subprocess.PIPE if stdout is not None else None,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


@needs_posix
def test_closed_stdout_is_one_message() -> None:
    """With standard output closed, the command says so in one line and exits 1, no traceback."""
    done = subprocess.run(
        [sys.executable, "-c", "import os, sys, runpy; os.close(1); sys.argv = ['pemilu-pks', 'regions', 'lookup', 'Kalsel']; runpy.run_module('pemilu_pks', run_name='__main__')"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert 1 == done.returncode
    assert "pemilu-pks: standard output is closed\n" == done.stderr


@pytest.mark.parametrize(
    "args", [["coverage", "--province", "Kalsel"], ["agreements", "-f", "json"]]
)
def test_ascii_output_escapes(args: list[str]) -> None:
    """PYTHONIOENCODING=ascii: characters like '–' and '…' are escaped, never a traceback."""
    done = run(*args, env={"PYTHONIOENCODING": "ascii"})
    assert (0, "") == (done.returncode, done.stderr)
    assert done.stdout.isascii()
    assert "\\u" in done.stdout


def test_unopenable_export_is_one_message() -> None:
    """An export whose folder does not exist is one message, exit 1."""
    done = run("export", "--format", "sqlite", "--out", "/no/such/dir/x.db")
    assert 1 == done.returncode
    assert "pemilu-pks: /no/such/dir/x.db: the folder /no/such/dir does not exist\n" == done.stderr


@needs_posix
def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    """Output piped into a reader that stops early ends without a traceback."""
    done = subprocess.run(  # noqa: S602 - a fixed pipeline
        f"{sys.executable} -m pemilu_pks regions children Aceh -f jsonl | head -c 10 > /dev/null",
        shell=True, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert "Traceback" not in done.stderr


HOSTILE = [
    ("\x1b]0;owned\x07", "\\x1b]0;owned\\x07"),
    ("\x1b[2J clear", "\\x1b[2J clear"),
    ("abc\u202edcba", "abc\\u202edcba"),
    ("zero\u200bwidth", "zero\\u200bwidth"),
    ("tab\tand\nnewline", "tab and newline"),
    ("Banjarmasin – Kota", "Banjarmasin – Kota"),
]


@pytest.mark.parametrize(("cell", "expected"), HOSTILE)
def test_table_cells_show_control_characters_escaped(cell: str, expected: str) -> None:
    """Terminal escapes and invisible characters in data are shown escaped, plain text unchanged."""
    assert expected == shown(cell)


def test_table_prints_no_raw_escape(capsys: pytest.CaptureFixture[str]) -> None:
    """A whole table of hostile cells prints no ESC, BEL or direction override."""
    import io

    out = io.StringIO()
    table(["A", "B"], [[cell, "x"] for cell, _ in HOSTILE], out, width=200)
    text = out.getvalue()
    assert not any(char in text for char in "\x1b\x07\u202e\u200b")


def test_empty_data_folder_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """--data "" is an error, not the bundled dataset."""
    assert 1 == main(["--data", "", "agreements"])
    assert "--data: an empty path" in capsys.readouterr().err


def test_empty_institution_name_is_not_everything(capsys: pytest.CaptureFixture[str]) -> None:
    """Institutions "" looks up the empty name (not found) instead of listing all."""
    assert 2 == main(["institutions", ""])
    assert "no institution named ''" in capsys.readouterr().err


@needs_posix
def test_stdout_closed_at_start_is_one_message() -> None:
    """Started with standard output closed (the shell's >&-), the command says so and exits 1."""
    done = subprocess.run(  # noqa: S602 - a fixed command line
        f"{sys.executable} -m pemilu_pks regions lookup Kalsel >&-",
        shell=True, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert 1 == done.returncode
    assert "pemilu-pks: standard output is closed\n" == done.stderr
