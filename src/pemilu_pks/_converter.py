"""The private cattrs converter between model objects and plain JSON data.

Built once, on first use, so ``import pemilu_pks`` does not import cattrs.
It is strict where the global cattrs converter is lenient: unknown keys are
errors (a typo in curated JSON fails loudly), ``"5"`` is not an int and ``5``
is not a str, and every failure becomes a :class:`~pemilu_pks.ValidationError`
listing each problem with its JSON path.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from typing import TYPE_CHECKING, Any, TypeVar

from .exceptions import ValidationError

if TYPE_CHECKING:  # pragma: no cover
    from cattrs import Converter

__all__ = ["structure", "unstructure"]

T = TypeVar("T")


def _strict(kind: type[Any] | tuple[type[Any], ...], *, name: str) -> Any:
    def check(value: Any, _: Any) -> Any:
        # bool is an int subclass in Python but not in JSON.
        if type(value) is bool and kind is not bool:
            raise TypeError(f"expected {name}, got a boolean")
        if not isinstance(value, kind):
            raise TypeError(f"expected {name}, got {_json_type(value)}")
        return value

    return check


def _json_type(value: Any) -> str:
    names = {
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "a boolean",
        list: "an array",
        dict: "an object",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _structure_date(value: Any, _: Any) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string (YYYY-MM-DD), got {_json_type(value)}")
    try:
        # fullmatch first: Python 3.11+ fromisoformat also takes "20230925" and "2023-W39-1".
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _is_tuple(kind: Any) -> bool:
    return getattr(kind, "__origin__", None) is tuple


def _is_list(kind: Any) -> bool:
    return getattr(kind, "__origin__", None) is list


@functools.cache
def converter() -> Converter:
    """Return the library's converter (built on first call)."""
    from cattrs.cols import homogenous_tuple_structure_factory, list_structure_factory
    from cattrs.preconf.json import make_converter

    conv = make_converter(forbid_extra_keys=True, omit_if_default=True)
    conv.register_structure_hook(str, _strict(str, name="a string"))
    conv.register_structure_hook(int, _strict(int, name="an integer"))
    conv.register_structure_hook(float, _strict((int, float), name="a number"))
    conv.register_structure_hook(bool, _strict(bool, name="a boolean"))
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)

    def tuple_factory(kind: Any) -> Any:
        # JSON arrays only: cattrs would take a string as a sequence of characters.
        items = homogenous_tuple_structure_factory(kind, conv)

        def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise TypeError(f"expected an array, got {_json_type(value)}")
            return items(value, kind)  # type: ignore[no-any-return]

        return structure_tuple

    conv.register_structure_hook_factory(_is_tuple, tuple_factory)

    def list_factory(kind: Any) -> Any:
        # A dict would give its keys and None a TypeError without a path.
        items = list_structure_factory(kind, conv)

        def structure_list(value: Any, _: Any) -> list[Any]:
            if not isinstance(value, list):
                raise TypeError(f"expected an array, got {_json_type(value)}")
            return items(value, kind)  # type: ignore[no-any-return]

        return structure_list

    conv.register_structure_hook_factory(_is_list, list_factory)

    # A presumption is never silent: an area's basis is written even at its default.
    from cattrs.gen import make_dict_unstructure_fn, override

    from ._model import JurisdictionArea

    conv.register_unstructure_hook(
        JurisdictionArea,
        make_dict_unstructure_fn(
            JurisdictionArea,
            conv,
            _cattrs_omit_if_default=True,
            basis=override(omit_if_default=False),
        ),
    )
    return conv


def unstructure(obj: Any) -> Any:
    """Turn a model object (or a list of them) into plain JSON data."""
    return converter().unstructure(obj)


def structure(data: Any, cls: type[T], *, source: str | None = None, path: str = "$") -> T:
    """Build a *cls* from plain JSON data.

    Raises:
        ValidationError: The data does not fit; each problem with its JSON path.
    """
    from cattrs import BaseValidationError, transform_error

    try:
        return converter().structure(data, cls)
    except BaseValidationError as exc:
        messages = transform_error(exc, path=path, format_exception=_format)
        raise ValidationError(_problems(messages), source=source) from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise ValidationError([(path, _message(exc))], source=source) from None
    except RecursionError:
        raise ValidationError([(path, "nested too deeply")], source=source) from None


#: Separates a field name from the message of a field validator's error, so
#: that :func:`_problems` can move it onto the path.
_FIELD_MARK = "\x1f"


def _format(exc: BaseException, kind: Any) -> str:
    from cattrs.errors import ForbiddenExtraKeysError

    from ._model import FieldError

    if isinstance(exc, FieldError):
        return f"{exc.field}{_FIELD_MARK}{exc}"

    if isinstance(exc, ForbiddenExtraKeysError):
        return "unknown field(s): " + ", ".join(sorted(exc.extra_fields))
    if isinstance(exc, KeyError):
        return "required field missing"
    enum_kind = _enum_of(kind)
    if isinstance(exc, ValueError) and enum_kind is not None:
        return "expected one of " + ", ".join(repr(m.value) for m in enum_kind)
    if isinstance(exc, TypeError | ValueError) and str(exc):
        return str(exc)
    return f"invalid value for {getattr(kind, '__name__', kind)}"


def _enum_of(kind: Any) -> type[enum.Enum] | None:
    """The enum class of *kind*, also inside ``X | None``."""
    for option in (kind, *getattr(kind, "__args__", ())):
        if isinstance(option, type) and issubclass(option, enum.Enum):
            return option
    return None


def _message(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _problems(messages: list[str]) -> list[tuple[str, str]]:
    problems = []
    for message in messages:
        text, _, where = message.rpartition(" @ ")
        where, text = where or "$", text or message
        if _FIELD_MARK in text:  # a field validator's error: point at the field
            field, _, text = text.partition(_FIELD_MARK)
            where = f"{where}.{field}"
        problems.append((where, text))
    return problems
