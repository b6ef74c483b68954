"""JSON Schema (draft 2020-12) of the model classes, generated from the classes themselves.

Field descriptions come from each class's ``Attributes:`` docstring section,
so the schema, the API reference and the data dictionary say the same thing.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
import re
import types
import typing
from typing import Any

import attrs

from .exceptions import ValidationError

__all__ = ["field_docs", "json_schema"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    dt.date: {"type": "string", "format": "date"},
}
# Constraints the attrs validators enforce, stated again for schema users.
_PATTERNS = {
    "id": r"^[a-z0-9][a-z0-9.\-]*$",
    "code": r"^(?:ID|\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?)$",
}


def field_docs(cls: type) -> dict[str, str]:
    """The descriptions in *cls*'s ``Attributes:`` docstring section, by field name."""
    doc = inspect.getdoc(cls) or ""
    section = re.search(r"^Attributes:\n(.*?)(?=^\S|\Z)", doc, re.MULTILINE | re.DOTALL)
    if not section:
        return {}
    docs: dict[str, str] = {}
    name = None
    for line in section.group(1).splitlines():
        match = re.match(r"^ {4}(\w+): ?(.*)$", line)
        if match:
            name = match.group(1)
            docs[name] = match.group(2).strip()
        elif name and line.strip():
            docs[name] += " " + line.strip()
    return docs


def json_schema(cls: object) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a model class.

    The schema describes the JSON that :func:`~pemilu_pks.to_json` writes and
    :func:`~pemilu_pks.from_json` reads: required and optional fields, types,
    enum values, and no unknown keys.

    Args:
        cls: A model class, e.g. :class:`~pemilu_pks.Agreement`.

    Returns:
        A new dict each call (safe to modify).

    Raises:
        TypeError: *cls* is not a pemilu-pks model class.

    Example:
        >>> import pemilu_pks as pk
        >>> schema = pk.json_schema(pk.SourceRef)
        >>> schema["$schema"], schema["required"]
        ('https://json-schema.org/draft/2020-12/schema', ['source'])
    """
    if not (isinstance(cls, type) and attrs.has(cls) and cls.__module__.startswith("pemilu_pks")):
        raise ValidationError([("cls", f"{cls!r} is not a pemilu-pks model class")])
    import copy

    return copy.deepcopy(_cached_schema(cls))


@functools.cache
def _cached_schema(cls: type) -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _class_schema(cls, defs)
    defs.pop(cls.__name__, None)
    schema: dict[str, Any] = {
        "$schema": _DRAFT,
        "$id": f"https://pemilu-pks.invalid/schema/{cls.__name__}.json",
    }
    schema.update(root)
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    docs = field_docs(cls)
    properties: dict[str, Any] = {}
    required = []
    for field in attrs.fields(cls):
        prop = _type_schema(hints[field.name], defs)
        if field.name in _PATTERNS and prop.get("type") == "string":
            prop = {**prop, "pattern": _PATTERNS[field.name]}
        if field.name in docs:
            prop = {"description": docs[field.name], **prop}
        if field.default is not attrs.NOTHING and isinstance(field.default, enum.Enum):
            # what a missing key reads as
            prop = {**prop, "default": field.default.value}
        properties[field.name] = prop
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {"type": "object", "title": cls.__name__}
    summary = (inspect.getdoc(cls) or "").split("\n\n")[0]
    if summary:
        schema["description"] = summary
    schema["properties"] = properties
    schema["required"] = required
    schema["additionalProperties"] = False
    schema.update(_RULES.get(cls.__name__, {}))
    return schema


#: Rules across fields that the attrs validators enforce, stated again for schema users.
_RULES: dict[str, dict[str, Any]] = {
    "JurisdictionArea": {
        # A stated area cites at least one source.
        "if": {"properties": {"basis": {"const": "stated"}}, "required": ["basis"]},
        "then": {"properties": {"sources": {"minItems": 1}}, "required": ["sources"]},
    },
}


def _type_schema(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if kind in _SCALARS:
        return dict(_SCALARS[kind])
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(arg, defs) for arg in args]
        return {"anyOf": options}
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        if kind.__name__ not in defs:
            defs[kind.__name__] = {
                "title": kind.__name__,
                "description": (inspect.getdoc(kind) or "").split("\n\n")[0],
                "enum": [member.value for member in kind],
            }
        return {"$ref": f"#/$defs/{kind.__name__}"}
    if isinstance(kind, type) and attrs.has(kind):
        if kind.__name__ not in defs:
            defs[kind.__name__] = {}  # placeholder against recursion
            defs[kind.__name__] = _class_schema(kind, defs)
        return {"$ref": f"#/$defs/{kind.__name__}"}
    if kind is type(None):
        return {"type": "null"}
    raise TypeError(f"no JSON Schema for {kind!r}")  # pragma: no cover - a model bug
