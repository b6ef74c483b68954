"""The wheel users install: exactly the package, its typing marker and the dataset."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from source_tree import ROOT

# `nox -s build` runs these tests from a copy outside the tree and says where the source is.


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel under test: the one `nox -s build` made, or one built here from the checkout."""
    given = os.environ.get("PEMILU_PKS_WHEEL")
    if given:
        return Path(given)
    if not (ROOT / "pyproject.toml").is_file():
        pytest.skip("no source tree to build a wheel from")
    out = tmp_path_factory.mktemp("wheel")
    code = (
        "import sys; from hatchling.builders.wheel import WheelBuilder; "
        "print(next(WheelBuilder(sys.argv[1]).build(directory=sys.argv[2], versions=['standard'])))"
    )
    try:
        built = subprocess.run(
            [sys.executable, "-c", code, str(ROOT), str(out)],
            capture_output=True,
            text=True,
            check=True,
        )
    except subprocess.CalledProcessError as exc:
        if "No module named 'hatchling'" in exc.stderr:
            pytest.skip("hatchling is not installed")
        raise
    return Path(built.stdout.strip().splitlines()[-1])


def expected_files() -> set[str]:
    """What the wheel must hold, derived from the source tree."""
    package = ROOT / "src" / "pemilu_pks"
    files = {
        f"pemilu_pks/{p.relative_to(package).as_posix()}" for p in package.rglob("*") if p.is_file()
    }
    datasets = ROOT / "datasets"
    files |= {
        f"pemilu_pks/datasets/{p.relative_to(datasets).as_posix()}"
        for p in datasets.rglob("*")
        if p.is_file()
    }
    return {f for f in files if "__pycache__" not in f and not f.endswith(".pyc")}


class TestWheel:
    """The built wheel's file list."""

    def test_file_list_is_exact(self, wheel: Path) -> None:
        """The package, py.typed and every dataset file, and nothing stray."""
        if not (ROOT / "src").is_dir():
            pytest.skip("no source tree to compare with")
        with zipfile.ZipFile(wheel) as archive:
            names = set(archive.namelist())
        payload = {n for n in names if not n.split("/")[0].endswith(".dist-info")}
        assert expected_files() == payload

    def test_metadata(self, wheel: Path) -> None:
        """Licences, the console script and exactly three runtime dependencies."""
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
            info = next(n.split("/")[0] for n in names if n.split("/")[0].endswith(".dist-info"))
            metadata = archive.read(f"{info}/METADATA").decode()
            entry_points = archive.read(f"{info}/entry_points.txt").decode()
        assert f"{info}/licenses/LICENSE" in names
        assert "pemilu_pks/datasets/LICENSES.md" in names
        assert "pemilu-pks = pemilu_pks._cli:main" in entry_points
        urls = {
            line.split(":", 1)[1].split(",")[0].strip()
            for line in metadata.splitlines()
            if line.startswith("Project-URL:")
        }
        assert {"Changelog", "Documentation", "Issues", "Source"} == urls
        requires = sorted(
            line.split(":", 1)[1].split(">")[0].split(";")[0].strip()
            for line in metadata.splitlines()
            if line.startswith("Requires-Dist:") and "extra ==" not in line
        )
        assert ["attrs", "cattrs", "python-dateutil"] == requires
        assert "pemilu_pks/py.typed" in names

    def test_no_file_twice(self, wheel: Path) -> None:
        """No two files hold the same bytes (check-wheel-contents W002: a duplicate licence, say)."""
        import hashlib

        seen: dict[str, list[str]] = {}
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                data = archive.read(name)
                if data and not name.endswith("RECORD"):
                    seen.setdefault(hashlib.sha256(data).hexdigest(), []).append(name)
        assert [] == [names for names in seen.values() if len(names) > 1]

    @pytest.mark.skipif(
        not os.environ.get("PEMILU_PKS_EXPECT_INSTALLED"), reason="only in nox -s build"
    )
    def test_tests_run_against_the_installed_wheel(self) -> None:
        """In the build session the package comes from site-packages, not the checkout."""
        import pemilu_pks

        assert "site-packages" in Path(pemilu_pks.__file__).parts
