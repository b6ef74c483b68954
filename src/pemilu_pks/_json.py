"""Lossless, canonical JSON for every model object.

Canonical means: keys sorted, no ASCII escaping of Indonesian text, two-space
indentation, a trailing newline.  The dataset files are written this way, so a
rewrite of an unchanged file is byte-for-byte identical and diffs stay small.
"""

from __future__ import annotations

import json
import re
from typing import Any, TypeVar

import attrs

from ._converter import structure, unstructure
from .exceptions import DataError, InputLimitError, ValidationError

__all__ = ["DEFAULT_LIMITS", "Limits", "decode", "dumps", "from_json", "to_json"]

T = TypeVar("T")


#: The deepest nesting any limit may allow: deeper input could exhaust the
#: interpreter's stack in the decoder, whatever the recursion limit is set to.
MAX_DEPTH = 1000


def _positive(name: str, most: int | None = None) -> Any:
    def check(_: Any, __: Any, value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValidationError([(name, f"expected a positive whole number, got {value!r}")])
        if most is not None and value > most:
            raise ValidationError([(name, f"{value} is over the most allowed, {most}")])

    return check


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds on untrusted JSON input, checked before it is decoded.

    Attributes:
        max_bytes: The largest input accepted, in bytes of UTF-8 (text given
            as ``str`` is measured as its UTF-8 encoding).
        max_depth: The deepest nesting of arrays and objects accepted (at
            most 1,000).

    Example:
        >>> import pemilu_pks as pk
        >>> pk.from_json("[[[1]]]", list[list[list[int]]], limits=pk.Limits(max_depth=2))
        Traceback (most recent call last):
        ...
        pemilu_pks.exceptions.InputLimitError: JSON is nested deeper than 2 levels
    """

    max_bytes: int = attrs.field(default=64 * 1024 * 1024, validator=_positive("max_bytes"))
    max_depth: int = attrs.field(default=64, validator=_positive("max_depth", MAX_DEPTH))


DEFAULT_LIMITS = Limits()


def dumps(data: Any) -> str:
    """Serialise plain data as canonical JSON (sorted keys, UTF-8 text, newline at the end)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def to_json(obj: Any) -> str:
    """Serialise a model object, or a list of them, as canonical JSON.

    Args:
        obj: Any model object (:class:`~pemilu_pks.Agreement`,
            :class:`~pemilu_pks.Region`, …) or a list or tuple of them.

    Returns:
        The JSON text; :func:`from_json` reads it back to an equal object.

    Example:
        >>> import pemilu_pks as pk
        >>> print(pk.to_json(pk.SourceRef(source="banuatoday-2023-09-25")), end="")
        {
          "source": "banuatoday-2023-09-25"
        }
    """
    data = unstructure(obj)
    try:
        return dumps(data)
    except (TypeError, ValueError) as exc:
        raise ValidationError(
            [("$", f"{type(obj).__name__} is not a model object or a list of them ({exc})")]
        ) from None
    except RecursionError:
        raise ValidationError([("$", "nested too deeply to write as JSON")]) from None


def decode(text: str | bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Decode untrusted JSON text into plain data, within *limits*.

    Raises:
        InputLimitError: The input is too large or nested too deeply.
        DataError: The input is not UTF-8, has a byte-order mark, or is not JSON.
    """
    where = f"{source}: " if source else ""
    given: object = limits  # callers without type checking may pass anything
    if not isinstance(given, Limits):
        raise ValidationError([("limits", f"expected pk.Limits, got {type(given).__name__}")])
    if isinstance(text, bytes | bytearray):
        if len(text) > limits.max_bytes:
            raise InputLimitError(
                f"{where}input is {len(text)} bytes; the limit is {limits.max_bytes}"
            )
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataError(
                f"{where}not UTF-8 text: byte {exc.start} is {text[exc.start]:#04x}"
            ) from None
    elif not isinstance(text, str):
        raise DataError(f"{where}expected JSON text (str or bytes), got {type(text).__name__}")
    elif len(text) > limits.max_bytes or (  # characters: a cheap lower bound on bytes
        len(text) * 4 > limits.max_bytes and _utf8_length(text) > limits.max_bytes
    ):
        raise InputLimitError(f"{where}input is over {limits.max_bytes} bytes of UTF-8")
    if text.startswith("\ufeff"):
        raise DataError(
            f"{where}the text starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM"
        )
    _check_depth(text, limits.max_depth, where)
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except RecursionError:  # only with a recursion limit set below the depth limit
        raise InputLimitError(f"{where}JSON is nested too deeply for this interpreter") from None
    except json.JSONDecodeError as exc:
        problem = "the text is empty" if not text.strip() else exc.msg
        raise DataError(
            f"{where}not valid JSON: {problem} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except ValueError as exc:  # duplicate keys, NaN, oversized integers
        raise DataError(f"{where}not valid JSON: {exc}") from None
    if _SURROGATE_ESCAPE.search(text):
        _check_surrogates(data, where)
    return data


def _utf8_length(text: str) -> int:
    """The UTF-8 length of *text*, without building the encoded copy when it is ASCII."""
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


# A \uD800-\uDFFF escape: paired ones decode to one character, a lone one to
# a string that cannot be written as UTF-8 again.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")


def _check_surrogates(data: Any, where: str) -> None:
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end].encode("unicode_escape").decode("ascii")
        raise DataError(
            f"{where}not valid JSON text: a lone surrogate escape ({bad}) is not a character"
        ) from None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        duplicate = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise ValueError(f"duplicate key {duplicate!r}")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _check_depth(text: str, max_depth: int, where: str) -> None:
    # Counting brackets outside strings is linear and cannot exhaust the
    # stack, unlike letting the decoder recurse into hostile input.
    if text.count("[") + text.count("{") <= max_depth:
        return
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > max_depth:
                raise InputLimitError(f"{where}JSON is nested deeper than {max_depth} levels")
        elif char in "]}":
            depth -= 1


def from_json(text: str | bytes, cls: type[T], *, limits: Limits = DEFAULT_LIMITS) -> T:
    """Read a model object of type *cls* from JSON text.

    Args:
        text: JSON text, as ``str`` or UTF-8 ``bytes``.
        cls: The model class, e.g. :class:`~pemilu_pks.Agreement`, or a
            ``list[...]`` of one.
        limits: Size and depth bounds for untrusted input.

    Returns:
        The object; equal to the one :func:`to_json` was given.

    Raises:
        DataError: The text is not JSON (or not UTF-8).
        InputLimitError: The text is over the size or depth limits.
        ValidationError: The JSON does not fit *cls*; the message names the
            JSON path of each problem (``$.parties[0].institution``).

    Example:
        >>> import pemilu_pks as pk
        >>> pk.from_json('{"source": "banuatoday-2023-09-25"}', pk.SourceRef)
        SourceRef(source='banuatoday-2023-09-25', supports=(), note=None)
        >>> pk.from_json('{"sourze": "x"}', pk.SourceRef)
        Traceback (most recent call last):
        ...
        pemilu_pks.exceptions.ValidationError: invalid data
          $.source: required field missing
          $: unknown field(s): sourze
    """
    from ._converter import converter

    if not _structurable(cls, converter()):
        raise ValidationError([("cls", f"{cls!r} is not a model class or a list of one")])
    return structure(decode(text, limits=limits), cls)


def _structurable(cls: object, conv: Any) -> bool:
    """Whether the converter knows how to build *cls* (a model class, a list of one, …)."""
    try:
        conv.get_structure_hook(cls)
    except Exception:
        return False
    return cls is not object and cls is not Any
