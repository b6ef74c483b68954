"""Development tasks: ``nox`` runs lint, typecheck and tests; ``nox -s NAME`` any one.

Dependencies come from the dependency groups in ``pyproject.toml``.  The
default sessions use the interpreter nox runs on, so ``nox`` works wherever
Python does (CI sets ``CI=true``, which makes a missing interpreter an error).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint", "typecheck", "tests", "docs"]

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PYTHON_VERSIONS = nox.project.python_versions(PYPROJECT)


def group(name: str) -> list[str]:
    """The requirements of a dependency group of pyproject.toml."""
    return list(nox.project.dependency_groups(PYPROJECT, name))


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite against the package installed from this checkout."""
    session.install("-e", ".", *group("tests"), *group("extras"), *group("data"))
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON_VERSIONS, default=False)
def tests_all(session: nox.Session) -> None:
    """Run the test suite on every supported Python that is installed."""
    session.install("-e", ".", *group("tests"))
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and common bugs with ruff."""
    session.install(*group("lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Check types with mypy --strict over src, tests, benchmarks, scripts and this file."""
    session.install("-e", ".", *group("typecheck"), *group("bench"), *group("extras"))
    session.run("mypy", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation strictly (-n -W) and run its examples as doctests."""
    session.install("-e", ".", *group("docs"), *group("extras"))
    build = ROOT / "docs" / "_build"
    session.run(
        "sphinx-build", "-n", "-W", "--keep-going", "-b", "html", "docs", str(build / "html")
    )
    session.run(
        "sphinx-build", "-n", "-W", "--keep-going", "-b", "doctest", "docs", str(build / "doctest")
    )


@nox.session(default=False)
def screenshots(session: nox.Session) -> None:
    """Build the docs and photograph pages with headless Chromium (needs Debian's chromium).

    The PNGs land in ``docs/_build/screenshots/``: the landing page, the tour
    (with its plots) and the API reference, at a laptop-sized window.
    """
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        session.error("chromium is not installed: apt-get install chromium")
    session.install("-e", ".", *group("docs"), *group("extras"))
    html = ROOT / "docs" / "_build" / "html"
    session.run("sphinx-build", "-n", "-W", "-b", "html", "docs", str(html))
    out = ROOT / "docs" / "_build" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for page in ("index", "getting-started", "api"):
        with tempfile.TemporaryDirectory() as profile:
            session.run(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--window-size=1280,1600",
                f"--screenshot={out / page}.png",
                (html / f"{page}.html").as_uri(),
                external=True,
            )
    session.log(f"screenshots in {out}")


_BUILD_OUTPUT = shutil.ignore_patterns("_build", "__pycache__", ".hypothesis")


@nox.session(default=False)
def build(session: nox.Session) -> None:
    """Build the sdist, the wheel from it; check both; test the installed wheel outside the tree."""
    session.install(*group("build"))
    dist = ROOT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("python", "-m", "build", "--sdist", "--outdir", str(dist))
    sdist = next(dist.glob("*.tar.gz"))
    session.run("python", "-m", "build", "--wheel", "--outdir", str(dist), str(sdist))
    session.run("twine", "check", "--strict", *map(str, dist.iterdir()))
    wheel = next(dist.glob("*.whl"))
    session.run("check-wheel-contents", str(wheel))
    # The extras too, so the pandas and plotting tests run rather than fail.
    session.install(str(wheel), *group("tests"), *group("extras"))
    with tempfile.TemporaryDirectory() as elsewhere:
        # The tests and the pages they check against the data; never src/.
        for folder in ("tests", "docs"):
            shutil.copytree(ROOT / folder, Path(elsewhere) / folder, ignore=_BUILD_OUTPUT)
        session.chdir(elsewhere)
        session.run(
            "pytest",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            elsewhere,
            "tests",
            env={
                "PEMILU_PKS_WHEEL": str(wheel),
                "PEMILU_PKS_SOURCE": str(ROOT),
                "PEMILU_PKS_EXPECT_INSTALLED": "1",
            },
        )


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Run the benchmarks: ratios against baselines measured in the same run."""
    session.install("-e", ".", *group("bench"))
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        session.run("python", str(script), *session.posargs)


@nox.session(default=False)
def fuzz(session: nox.Session) -> None:
    """Run the generated-input tests with 20,000 examples each."""
    session.install("-e", ".", *group("tests"))
    session.run(
        "pytest",
        "-m",
        "slow or not slow",
        "tests",
        "-k",
        "fuzz or hypothesis or roundtrip",
        env={"PEMILU_PKS_FUZZ_EXAMPLES": "20000"},
    )


@nox.session(default=False)
def datasette(session: nox.Session) -> None:
    """Serve a fresh SQLite export with Datasette; fetch a table page and a faceted query."""
    session.install("-e", ".", "datasette")
    session.run("python", "scripts/check_datasette.py")


@nox.session(default=False)
def dataset(session: nox.Session) -> None:
    """Rebuild datasets/ from the repository alone (curated records, region tables, rules)."""
    folder = session.posargs[0] if session.posargs else "datasets"
    session.install("-e", ".", *group("data"))
    session.run("python", "scripts/build_datasets.py", folder)
    session.run("python", "-m", "frictionless", "validate", f"{folder}/datapackage.json")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(os.system("nox"))  # noqa: S605,S607 - convenience only
