"""The package as users import it: public names, typing marker, lazy imports."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from typing import TYPE_CHECKING

import pytest

import pemilu_pks as pk


class TestPublicApi:
    """What `import pemilu_pks` offers."""

    def test_all_is_sorted_and_importable(self) -> None:
        """__all__ is sorted and every name in it exists."""
        assert sorted(pk.__all__) == pk.__all__
        for name in pk.__all__:
            assert hasattr(pk, name), name

    def test_every_error_is_a_pemilu_pks_error(self) -> None:
        """All public exceptions derive from PemiluPksError; lookup errors are LookupErrors."""
        errors = [getattr(pk, name) for name in pk.__all__ if name.endswith("Error")]
        assert all(issubclass(error, pk.PemiluPksError) for error in errors)
        assert issubclass(pk.NotFoundError, LookupError)
        assert issubclass(pk.AmbiguousError, LookupError)

    def test_dir_shows_only_public_names(self) -> None:
        """dir(pk) is the public API: no typing helpers, no __future__ feature, no private modules."""
        public = set(pk.__all__) | {"exceptions"}
        assert public == set(dir(pk))
        for leaked in ("Any", "TYPE_CHECKING", "annotations"):
            assert leaked not in vars(pk)

    def test_get_is_typed_record_or_none(self) -> None:
        """Records.get is typed `R | None` (mypy checks the assert_type) and returns None for a miss."""
        people = pk.load().people
        found = people.get("andi-rian-djajadi")
        missing = people.get("nobody")
        if TYPE_CHECKING:
            from typing_extensions import assert_type

            assert_type(found, pk.Person | None)
            assert_type(people.get("nobody", "-"), pk.Person | str)
        assert isinstance(found, pk.Person)
        assert None is missing

    def test_py_typed_ships_inside_the_package(self) -> None:
        """The PEP 561 marker is part of the package, so it is in the wheel."""
        assert (resources.files("pemilu_pks") / "py.typed").is_file()

    def test_version(self) -> None:
        """The package version is a string; the dataset has its own."""
        assert isinstance(pk.__version__, str)
        assert pk.__version__ != pk.load().version


class TestRegistriesAgree:
    """Every registry answers get and lookup the same way (pycountry's #49, avoided)."""

    def test_get_returns_none_and_lookup_raises(self) -> None:
        """get() of an unknown key is None; lookup() raises NotFoundError; a non-string is a ValidationError."""
        ds = pk.load()
        for registry in (ds.regions, ds.institutions, ds.agreements, ds.people, ds.sources):
            assert registry.get("no-such-thing") is None
            with pytest.raises(pk.NotFoundError):
                registry.lookup("no-such-thing")
            with pytest.raises(pk.ValidationError):
                registry.lookup(5)  # type: ignore[arg-type]


class TestImportCost:
    """Heavy modules load when first needed, not at import."""

    def test_import_does_not_load_cattrs_or_the_date_parser(self) -> None:
        """`import pemilu_pks` leaves cattrs and dateutil.parser unimported."""
        code = (
            "import sys, pemilu_pks; "
            "print(sorted(m for m in ('cattrs', 'dateutil.parser', 'pandas', 'matplotlib') if m in sys.modules))"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[]" == result.stdout.strip()
