"""Every error pemilu-pks raises.

All of them derive from :class:`PemiluPksError`, so one ``except`` clause
catches anything the library says is wrong.  Each message says *what* is wrong
and *where* (a JSON path such as ``$.agreements[3].parties[0].institution``, a
file name, or the name that was looked up).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "AmbiguousError",
    "DataError",
    "DateParseError",
    "InputLimitError",
    "IntegrityError",
    "NotFoundError",
    "OptionalDependencyError",
    "OutputError",
    "PemiluPksError",
    "ValidationError",
    "WeekdayMismatchError",
]


class PemiluPksError(Exception):
    """Base class of every error raised by pemilu-pks.

    Every error pickles with its message and attributes, so a
    :mod:`multiprocessing` pool or a process executor reports it to the parent.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        # The default rebuilds by calling __init__ with self.args, which are
        # not the arguments of subclasses that format their own message.
        return _rebuild, (type(self), self.args, self.__dict__)


def _rebuild(cls: type[PemiluPksError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class NotFoundError(PemiluPksError, LookupError):
    """A name, code or id matches nothing.

    Attributes:
        query: What was looked up.
        suggestions: Close matches, best first (may be empty).
    """

    def __init__(self, message: str, *, query: str = "", suggestions: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.query = query
        self.suggestions = tuple(suggestions)


class AmbiguousError(PemiluPksError, LookupError):
    """A name matches several records equally well.

    Attributes:
        query: What was looked up.
        candidates: Descriptions of the matching records (each with its code or id).
    """

    def __init__(self, message: str, *, query: str = "", candidates: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.query = query
        self.candidates = tuple(candidates)


class ValidationError(PemiluPksError, ValueError):
    """Data does not fit the model: wrong type, missing or unknown field, bad value.

    Attributes:
        errors: ``(path, problem)`` pairs, one per problem found; the path is
            a JSON path such as ``$.parties[0].institution``.
        source: The file the data came from, when there is one.
    """

    def __init__(self, errors: Sequence[tuple[str, str]], *, source: str | None = None) -> None:
        self.errors = tuple(errors)
        self.source = source
        where = f"{source}: " if source else ""
        lines = [f"{path}: {problem}" for path, problem in self.errors[:20]]
        if len(self.errors) > 20:
            lines.append(f"... and {len(self.errors) - 20} more")
        super().__init__(where + "invalid data\n  " + "\n  ".join(lines))


class OptionalDependencyError(PemiluPksError, ImportError):
    """A feature needs an optional package that is not installed (pandas, matplotlib)."""


class DataError(PemiluPksError, ValueError):
    """A file cannot be read as data: missing, not UTF-8, not JSON, truncated."""


class OutputError(PemiluPksError, OSError):
    """An output cannot be written where it was asked.

    A link, a folder or a special file stands there, its folder is missing or
    unwritable, or the folder to replace holds files that are not its own.
    """


class InputLimitError(DataError):
    """Input is larger or more deeply nested than the configured limits allow."""


class IntegrityError(PemiluPksError, ValueError):
    """Records are valid one by one but inconsistent together.

    Examples: a duplicate id, a reference to a record that does not exist, a
    cycle of parent agreements.

    Attributes:
        problems: ``(path, problem)`` pairs.
    """

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        self.problems = tuple(problems)
        lines = [f"{path}: {problem}" for path, problem in self.problems[:20]]
        if len(self.problems) > 20:
            lines.append(f"... and {len(self.problems) - 20} more")
        super().__init__("inconsistent dataset\n  " + "\n  ".join(lines))


class DateParseError(PemiluPksError, ValueError):
    """Date text cannot be read as a date or a date interval."""


class WeekdayMismatchError(DateParseError):
    """A stated weekday contradicts the stated date ("Selasa (25/09/2023)").

    Attributes:
        text: The date text as written.
        stated: The weekday the text names (Indonesian, e.g. ``"Selasa"``).
        actual: The weekday of the date (Indonesian).
    """

    def __init__(self, text: str, *, stated: str, actual: str) -> None:
        super().__init__(
            f"{text!r}: the text says {stated} but that date is a {actual}",
        )
        self.text = text
        self.stated = stated
        self.actual = actual
