"""The install instructions work as written: in a virtual environment, from a clone, the same in CI.

The README's two commands must run unchanged with the system Python of
Debian and Ubuntu, which refuses ``pip install`` outside a virtual
environment (PEP 668) and may lack ``python3-venv`` (so ``python3 -m venv``
cannot install pip): each command makes an environment without pip and lets
the system's pip install into it with ``--python``.  CI runs the README's
test command exactly.  Until the package is on PyPI, no page may tell anyone
to install it from there, except as what to do once it is published.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from source_tree import ROOT

# `nox -s build` runs the tests from a copy outside the tree and says where the source is.
README = ROOT / "README.md"
_CONSOLE = re.compile(r"^```console\n(.*?)^```", re.M | re.S)


def readme_commands() -> list[str]:
    """The README's two commands: install and run, then run the tests."""
    blocks = _CONSOLE.findall(README.read_text(encoding="utf-8"))
    return [block.strip() for block in blocks[:2]]


class TestReadme:
    """The README's commands."""

    def test_both_commands_install_into_a_virtual_environment(self) -> None:
        """Each makes .venv without pip and installs into it with the system pip's --python."""
        install, tests = readme_commands()
        for command in (install, tests):
            steps = command.split(" && ")
            assert "python3 -m venv --without-pip .venv" == steps[0], command
            assert steps[1].startswith("python3 -m pip --python .venv/bin/python install "), command
            assert steps[2].startswith(".venv/bin/"), command
        assert "venv" in install

    def test_ci_runs_the_readme_test_command(self) -> None:
        """.ci/run's command is the README's test command, character for character."""
        run = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
        assert readme_commands()[1] == run[-1]

    def test_environment_without_pip_accepts_pip_python(self, tmp_path: Path) -> None:
        """The two mechanisms work here: venv --without-pip, and pip --python pointing into it."""
        subprocess.run(
            [sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "venv")], check=True
        )
        target = tmp_path / "venv" / ("Scripts" if sys.platform == "win32" else "bin") / "python"
        listed = subprocess.run(
            [sys.executable, "-m", "pip", "--python", str(target), "list", "--format", "freeze"],
            capture_output=True,
            text=True,
            check=False,
        )
        if "no such option: --python" in listed.stderr:  # pragma: no cover - pip < 22.3
            raise AssertionError("pip 22.3 or later is needed for --python")
        assert 0 == listed.returncode, listed.stderr
        assert "attrs" not in listed.stdout  # it listed the new, empty environment


class TestNoPypiInstall:
    """Nothing tells anyone to install pemilu-pks from PyPI while it is not there."""

    def test_pages_install_from_a_clone_or_a_wheel(self) -> None:
        """Any `pip install pemilu-pks…` stands in a sentence about after publication."""
        pages = [README, *sorted((ROOT / "docs").glob("*.md")), *(ROOT / "src").rglob("*.py")]
        offending = []
        for page in pages:
            text = page.read_text(encoding="utf-8")
            for match in re.finditer(r"pip install [\"']?pemilu-pks", text):
                sentence = text[max(text.rfind(".", 0, match.start()), 0) : match.end()]
                if "published on PyPI" not in sentence:
                    offending.append(f"{page.relative_to(ROOT)}: {match.group(0)}")
        assert [] == offending
