"""An immutable collection of records keyed by id: the base of every registry.

Also the one rule for a collection's context (the regions or institutions it
reads but does not hold): whoever builds the collection passes it in, and a
collection built without it answers from its own records alone or says what
it needs.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Generic, Protocol, TypeVar, overload

from .exceptions import IntegrityError, NotFoundError, PemiluPksError, ValidationError

__all__ = ["Records"]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_HasId)
T = TypeVar("T")
D = TypeVar("D")


def context(value: T | Callable[[], T] | None) -> Callable[[], T] | None:
    """A collection's context as a function called on first use (None: not given).

    *value* is the context itself (a registry: anything with ``get``) or a
    zero-argument function returning it, so a dataset can hand its
    collections parts it has not read yet.
    """
    if value is None:
        return None
    if callable(value) and not hasattr(value, "get"):
        return value
    return lambda: value  # type: ignore[return-value]


def required(given: Callable[[], T] | None, *, owner: str, what: str, example: str) -> T:
    """The context *given*, or a :class:`~pemilu_pks.PemiluPksError` saying what is missing.

    Args:
        given: The context function (see :func:`context`).
        owner: The collection class ("Institutions").
        what: The keyword argument that was not passed ("regions").
        example: The collection with its context, for the message
            ("pk.load().institutions").
    """
    if given is None:
        raise PemiluPksError(
            f"this {owner} was built without {what}, which this query reads: pass {what}= "
            f"(the {what} or a function returning them) when building it, or use {example}"
        )
    return given()


class Records(Generic[R]):
    """A read-only, sized, iterable collection of records, in id order.

    ``get`` returns None (or a default) for an unknown id; ``lookup`` raises
    :class:`~pemilu_pks.NotFoundError` with close suggestions.  The collection
    cannot be changed after it is built.

    Args:
        records: The records; ids must be unique.
        kind: What the records are, for messages ("agreement").

    Example:
        >>> import pemilu_pks as pk
        >>> people = pk.load().people
        >>> people.get("andi-rian-djajadi").name
        'Andi Rian Djajadi'
        >>> print(people.get("nobody"))
        None
        >>> people.lookup("andi-rian-djajadj")
        Traceback (most recent call last):
        ...
        pemilu_pks.exceptions.NotFoundError: no person with id 'andi-rian-djajadj'; did you mean 'andi-rian-djajadi'?
    """

    __slots__ = ("_by_id", "_kind")

    def __init__(self, records: Iterable[R], *, kind: str) -> None:
        by_id: dict[str, R] = {}
        duplicates = []
        for index, record in enumerate(records):
            if record.id in by_id:
                duplicates.append((f"$[{index}].id", f"duplicate {kind} id {record.id!r}"))
            by_id[record.id] = record
        if duplicates:
            raise IntegrityError(duplicates)
        self._by_id: Mapping[str, R] = MappingProxyType(dict(sorted(by_id.items())))
        self._kind = kind

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[R]:
        return iter(self._by_id.values())

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return getattr(item, "id", None) in self._by_id and self._by_id[item.id] == item  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {len(self)} {self._kind} records>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Records):
            return NotImplemented
        return type(self) is type(other) and dict(self._by_id) == dict(other._by_id)

    __hash__ = None  # type: ignore[assignment] # equal by value but not immutable in type

    @overload
    def get(self, id: str) -> R | None: ...
    @overload
    def get(self, id: str, default: D) -> R | D: ...
    def get(self, id: str, default: object = None) -> object:
        """Return the record with this id, or *default* (None) if there is none."""
        try:
            return self._by_id.get(id, default)
        except TypeError:  # an unhashable "id" (a list) names no record
            return default

    def lookup(self, id: str) -> R:
        """Return the record with this id.

        Raises:
            NotFoundError: No record has this id; the message suggests close ids.
            ValidationError: *id* is not a string.
        """
        if not isinstance(id, str):
            raise ValidationError([("id", f"expected an id (str), got {type(id).__name__}")])
        try:
            return self._by_id[id]
        except KeyError:
            close = difflib.get_close_matches(str(id), list(self._by_id), n=5)
            hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
            raise NotFoundError(
                f"no {self._kind} with id {id!r}{hint}", query=str(id), suggestions=close
            ) from None

    @property
    def ids(self) -> tuple[str, ...]:
        """All ids, sorted."""
        return tuple(self._by_id)
