"""Dependencies run one way: each module imports only modules of its own tier or below.

Every import statement of ``src/pemilu_pks`` counts, wherever it stands: at
the top, inside a function (a lazy import) or under ``TYPE_CHECKING``.  The
tiers are those of the "How the code is laid out" page of the docs; a new
module needs a place in :data:`TIERS` before this test passes.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from source_tree import ROOT

PACKAGE = "pemilu_pks"
SOURCE = ROOT / "src" / PACKAGE

#: Bottom first.  A module of the package is placed by its first name below
#: ``pemilu_pks`` (so ``_regions._names`` is in ``_regions``'s tier).
TIERS: list[tuple[str, frozenset[str]]] = [
    (
        "model and helpers",
        frozenset(
            {
                "exceptions",
                "_files",
                "_locks",
                "_text",
                "_dates",
                "_ranks",
                "_model",
                "_converter",
                "_json",
                "_schema",
                "_records",
                "_query",
            }
        ),
    ),
    ("regions", frozenset({"_regions"})),
    ("institutions", frozenset({"_institutions"})),
    ("agreements", frozenset({"_agreements"})),
    ("dataset", frozenset({"_integrity", "_coverage", "_dataset"})),
    ("views", frozenset({"_export", "_plot", "_notebook", "_extract"})),
    ("public names", frozenset({"__init__"})),
    ("command line", frozenset({"_cli", "__main__"})),
]
DATASET = f"{PACKAGE}._dataset"


def module_name(path: Path) -> str:
    """``src/pemilu_pks/_regions/_names.py`` -> ``pemilu_pks._regions._names``."""
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Every module of the package, by dotted name."""
    return {module_name(path): path for path in sorted(SOURCE.rglob("*.py"))}


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that *name* imports, anywhere in its file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join([*base, *([node.module] if node.module else [])])
            else:
                origin = node.module or ""
            # "from . import _navigation" imports a module; "from . import __version__" a name.
            targets = [
                f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in known else origin
                for alias in node.names
            ]
        else:
            continue
        found.update(t for t in targets if t == PACKAGE or t.startswith(PACKAGE + "."))
    found.discard(name)
    return found


def graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports."""
    found = modules()
    return {name: imported(name, path, set(found)) for name, path in found.items()}


def tier(name: str) -> int:
    """The index in :data:`TIERS` of the module *name*."""
    parts = name.split(".")
    first = parts[1] if len(parts) > 1 else "__init__"
    for index, (_, members) in enumerate(TIERS):
        if first in members:
            return index
    raise LookupError(f"{name} has no tier: add it to TIERS in tests/test_layers.py")


class TestTheRules:
    """The checks themselves find what they are meant to."""

    def test_every_kind_of_import_is_seen(self, tmp_path: Path) -> None:
        """Relative, absolute, lazy and type-only imports are all found."""
        module = tmp_path / "_probe.py"  # as if it were src/pemilu_pks/_regions/_probe.py
        module.write_text(
            "from typing import TYPE_CHECKING\n"
            "import pemilu_pks._model\n"
            "from pemilu_pks import _text\n"
            "from .. import __version__\n"
            "from . import _tables\n"
            "if TYPE_CHECKING:\n"
            "    from .._dataset import Dataset\n"
            "def later():\n"
            "    from ._names import key\n",
            encoding="utf-8",
        )
        known = {
            "pemilu_pks._model",
            "pemilu_pks._text",
            "pemilu_pks._dataset",
            "pemilu_pks._regions._names",
            "pemilu_pks._regions._tables",
        }
        assert {"pemilu_pks", *known} == imported("pemilu_pks._regions._probe", module, known)

    def test_an_unplaced_module_is_refused(self) -> None:
        """A module the tiers do not name fails with a message saying where to add it."""
        with pytest.raises(LookupError, match="add it to TIERS"):
            tier("pemilu_pks._somewhere_new")


class TestLayers:
    """The package's own import graph."""

    def test_every_module_has_a_tier(self) -> None:
        """Each module of the package is placed in exactly one tier."""
        for name in graph():
            tier(name)

    def test_no_module_imports_one_above_it(self) -> None:
        """Imports go to the same tier or down, never up."""
        upward = sorted(
            f"{name} ({TIERS[tier(name)][0]}) imports {other} ({TIERS[tier(other)][0]})"
            for name, targets in graph().items()
            for other in targets
            if tier(other) > tier(name)
        )
        assert [] == upward

    def test_nothing_below_the_dataset_imports_it(self) -> None:
        """Only the views, the public names and the CLI import ``_dataset`` (and so ``load``)."""
        below = sorted(
            name
            for name, targets in graph().items()
            if DATASET in targets and tier(name) <= tier(DATASET)
        )
        assert [] == below

    def test_no_cycles(self) -> None:
        """The import graph has no cycle, within a tier either."""
        edges = graph()
        done: set[str] = set()
        cycles: list[list[str]] = []

        def visit(name: str, path: list[str]) -> None:
            if name in path:
                cycles.append([*path[path.index(name) :], name])
                return
            if name in done:
                return
            for other in sorted(edges.get(name, ())):
                visit(other, [*path, name])
            done.add(name)

        for name in sorted(edges):
            visit(name, [])
        assert [] == cycles
