"""Wrong-typed arguments: every public function and method answers with a PemiluPksError."""

from __future__ import annotations

import contextlib
import inspect
import multiprocessing
import pickle
import sys
from collections.abc import Callable
from typing import Any

import pytest

import pemilu_pks as pk

#: Where the public callables live: a name and how to get the object from a dataset.
OWNERS: dict[str, tuple[type[Any] | None, Callable[[pk.Dataset], Any]]] = {
    "pk": (None, lambda ds: pk),
    "regions": (pk.Regions, lambda ds: ds.regions),
    "institutions": (pk.Institutions, lambda ds: ds.institutions),
    "agreements": (pk.Agreements, lambda ds: ds.agreements),
    "people": (pk.Records, lambda ds: ds.people),
    "selection": (pk.Selection, lambda ds: ds.agreements.filter(body="kpu")),
    "coverage": (pk.Coverage, lambda ds: ds.coverage()),
    "dataset": (pk.Dataset, lambda ds: ds),
}
#: Callables left out, with the reason.
SKIPPED = {
    "extract",  # its arguments are checked by the extractor's own tests
    "write",  # writes files: covered by test_hostile_files
    "to_csv",  # writes files: covered by test_export
}
BAD_VALUES = [123, 4.5, object(), b"bytes", ["a", "list"], {"a": "dict"}]
#: A good value for each required parameter, so that only the one under test is wrong.
GOOD = {"text": "Kalsel", "name": "Kalsel", "region": "63", "code": "63", "cls": pk.Source}


def callables() -> list[tuple[str, str, str]]:
    """(owner, callable, parameter) for every parameter of every public callable."""
    found = []
    for owner, (cls, _) in OWNERS.items():
        if cls is None:
            names = [
                n
                for n in pk.__all__
                if callable(getattr(pk, n)) and not inspect.isclass(getattr(pk, n))
            ]
            members = {n: getattr(pk, n) for n in names if n not in SKIPPED}
        else:
            members = {
                n: f
                for n, f in inspect.getmembers(cls)
                if not n.startswith("_") and callable(f) and n not in SKIPPED
            }
        for name, function in sorted(members.items()):
            try:
                parameters = inspect.signature(function).parameters.values()
            except (TypeError, ValueError):  # pragma: no cover - builtins
                continue
            for parameter in parameters:
                method_self = owner != "pk" and parameter.name in ("self", "cls")
                variadic = parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD)
                if not method_self and not variadic:
                    found.append((owner, name, parameter.name))
    return found


CASES = callables()


def test_every_owner_has_cases() -> None:
    """The table reaches every owner and a good number of callables."""
    assert {"pk", "regions", "institutions", "agreements", "people", "dataset"} <= {
        owner for owner, _, _ in CASES
    }
    assert len({(o, n) for o, n, _ in CASES}) >= 30


@pytest.mark.parametrize(("owner", "name", "parameter"), CASES)
def test_wrong_type_is_a_pemilu_pks_error(owner: str, name: str, parameter: str) -> None:
    """Each wrong-typed value of each parameter ends in a PemiluPksError, never another exception."""
    ds = pk.load()
    target = getattr(OWNERS[owner][1](ds), name)
    signature = inspect.signature(target)
    for bad in BAD_VALUES:
        arguments: dict[str, Any] = {parameter: bad}
        for other in signature.parameters.values():
            if other.name != parameter and other.default is inspect.Parameter.empty:
                arguments[other.name] = (
                    ds if other.name == "dataset" else GOOD.get(other.name, "63")
                )
        with contextlib.suppress(pk.PemiluPksError):
            target(**arguments)


def test_wrong_keyword_is_a_type_error() -> None:
    """An unknown keyword is Python's own TypeError, as for any function."""
    with pytest.raises(TypeError):
        pk.load().agreements.filter(regoin="Kalsel")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "call",
    [
        lambda: pk.load().institutions.lookup(""),
        lambda: pk.load().regions.lookup(""),
        lambda: pk.load().regions.lookup("   "),
        lambda: pk.load().agreements.filter(region=""),
        lambda: pk.load().agreements.filter(institution=""),
    ],
)
def test_empty_names_are_refused(call: Callable[[], object]) -> None:
    """An empty name matches nothing: an error, never "everything"."""
    with pytest.raises(pk.PemiluPksError):
        call()


# --- limits and recursion -------------------------------------------------------------


def test_limit_counts_bytes_not_characters() -> None:
    """Text of 4-byte characters over the byte limit is refused even when its length is under it."""
    text = '"' + "😀" * 100 + '"'
    assert len(text) < 300
    with pytest.raises(pk.InputLimitError, match="bytes"):
        pk.from_json(text, str, limits=pk.Limits(max_bytes=300))


def test_depth_limit_is_capped() -> None:
    """No limit may allow nesting deep enough to exhaust the interpreter's stack."""
    with pytest.raises(pk.ValidationError, match="max_depth"):
        pk.Limits(max_depth=1_000_000)


@pytest.mark.parametrize("recursion_limit", [120, 100_000])
def test_deep_json_never_raises_recursion_error(recursion_limit: int) -> None:
    """Deep arrays at the largest depth limit, under a low or a raised recursion limit, never escape as RecursionError."""
    text = "[" * 1000 + "]" * 1000
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(recursion_limit)
    try:
        with contextlib.suppress(pk.PemiluPksError):
            pk.from_json(text, list[Any], limits=pk.Limits(max_depth=1000))
        with pytest.raises(pk.InputLimitError):
            pk.from_json("[" * 1001 + "]" * 1001, list[Any], limits=pk.Limits(max_depth=1000))
    finally:
        sys.setrecursionlimit(previous)


@pytest.mark.parametrize(
    "call",
    [
        lambda: pk.from_json("{}", object),
        lambda: pk.from_json("{}", "Agreement"),  # type: ignore[arg-type]
        lambda: pk.to_json(object()),
        lambda: pk.from_json("[]", list[pk.Source], limits=5),  # type: ignore[arg-type]
        lambda: pk.json_schema(dict),
    ],
)
def test_json_functions_refuse_wrong_types(call: Callable[[], object]) -> None:
    """from_json, to_json and json_schema answer wrong types with a PemiluPksError."""
    with pytest.raises(pk.PemiluPksError):
        call()


# --- errors cross process boundaries --------------------------------------------------

ERRORS = [
    pk.ValidationError([("$.parties[0].institution", "unknown institution")], source="a.json"),
    pk.IntegrityError([("agreements.json: $.agreements[3]", "duplicate id")]),
    pk.WeekdayMismatchError("Selasa (25/09/2023)", stated="Selasa", actual="Senin"),
    pk.NotFoundError("no region named 'Atlantis'", query="Atlantis", suggestions=["Atlanta"]),
    pk.AmbiguousError("'Malang' matches 2 regions", query="Malang", candidates=["35.07", "35.73"]),
    pk.DataError("a.json: not JSON"),
    pk.InputLimitError("a.json: too big"),
    pk.DateParseError("'Rabu' has only a weekday"),
    pk.OptionalDependencyError("this needs pandas"),
    pk.OutputError("x.db: the folder /no/such does not exist"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_errors_pickle(error: pk.PemiluPksError) -> None:
    """Every error pickles and unpickles with its message and attributes."""
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert (type(error), str(error), error.args, vars(error)) == (
        type(again),
        str(again),
        again.args,
        vars(again),
    )


def raise_error(index: int) -> None:
    """A pool worker that raises one of ERRORS."""
    raise ERRORS[index]


def test_pool_reports_worker_errors() -> None:
    """A multiprocessing pool whose worker raises a library error reports it instead of hanging."""
    context = multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork")
    with context.Pool(2) as pool:
        for index, error in enumerate(ERRORS):
            result = pool.apply_async(raise_error, (index,))
            with pytest.raises(type(error)) as caught:
                result.get(timeout=30)
            assert str(error) == str(caught.value)


def test_bad_id_points_at_the_field() -> None:
    """A field validator's error names the field's path, not only its record's."""
    with pytest.raises(pk.ValidationError) as caught:
        pk.from_json('[{"id": "Bad Id"}]', list[pk.Source])
    assert "$[0].id" == caught.value.errors[0][0]
