"""Sphinx helpers for the pemilu-pks documentation.

- ``pemilu-api``: autodoc directives for every name in ``pemilu_pks.__all__``
  of one group (loading, collections, records, vocabularies, functions,
  exceptions), so a new export appears in the API reference without editing
  it; the build fails if an export fits no group.
- ``pemilu-schema``: the JSON Schema of a model class, generated at build time.
- ``pemilu-data-dictionary``: a table of a model class's fields (name, type,
  required, description), generated from the class itself.
- Cross-references to ``pemilu_pks._module.Name`` (how annotations name
  re-exported objects) resolve to the public ``pemilu_pks.Name``.
- Markdown code blocks that start with ``>>>`` become doctest blocks, so every
  example in the Markdown pages runs under ``sphinx-build -b doctest``.
- Names a private module imports only for type checking (``if TYPE_CHECKING:``)
  are made available to it, so autodoc can evaluate its annotations and show
  ``Literal['possible', 'certain']`` rather than an unresolvable alias.
- Napoleon reads property docstrings as Google sections (``Example:``) instead
  of as ``Type: description``: our types come from annotations, and a first
  line such as "The rows: regions without one" is prose, not a type.
"""

from __future__ import annotations

import enum
import inspect
import json
import typing
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.parsing import nested_parse_to_nodes

#: The groups of the API reference, in page order.
GROUPS = ("loading", "collections", "records", "vocabularies", "functions", "exceptions", "data")


def group_of(name: str, obj: object) -> str:
    """The API-reference group of the public object *obj* exported as *name*."""
    import attrs

    import pemilu_pks

    if obj is pemilu_pks.load or obj is pemilu_pks.Dataset:
        group = "loading"
    elif isinstance(obj, type) and issubclass(obj, BaseException):
        group = "exceptions"
    elif isinstance(obj, type) and issubclass(obj, enum.Enum):
        group = "vocabularies"
    elif isinstance(obj, type) and all(
        hasattr(obj, attr) for attr in ("get", "lookup", "__len__", "__iter__")
    ):
        group = "collections"
    elif isinstance(obj, type) and attrs.has(obj):
        group = "records"
    elif callable(obj):
        group = "functions"
    else:
        group = "data"
    return group


#: Order within a group where alphabetical order would not teach well.
_FIRST = (
    "load",
    "Dataset",
    "Records",
    "Regions",
    "Institutions",
    "Agreements",
    "Region",
    "Institution",
    "JurisdictionArea",
    "Person",
    "Post",
    "Agreement",
    "Party",
    "Signatory",
    "Signing",
    "UncertainDate",
    "Figure",
    "Source",
    "SourceRef",
    "Limits",
    "PemiluPksError",
)


def _sort_key(name: str) -> tuple[int, str]:
    return (_FIRST.index(name) if name in _FIRST else len(_FIRST), name.lower())


def exports_by_group() -> dict[str, list[str]]:
    """Every name in ``pemilu_pks.__all__``, grouped and ordered for the reference."""
    import pemilu_pks

    grouped: dict[str, list[str]] = {group: [] for group in GROUPS}
    for name in pemilu_pks.__all__:
        grouped[group_of(name, getattr(pemilu_pks, name))].append(name)
    return {group: sorted(names, key=_sort_key) for group, names in grouped.items()}


def _autodoc(name: str, obj: object) -> list[str]:
    qualified = f"pemilu_pks.{name}"
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        return [f".. autoclass:: {qualified}", "   :members:", "   :undoc-members:", ""]
    if isinstance(obj, type) and issubclass(obj, BaseException):
        return [f".. autoexception:: {qualified}", "   :show-inheritance:", ""]
    if isinstance(obj, type):
        return [f".. autoclass:: {qualified}", "   :members:", ""]
    if callable(obj):
        return [f".. autofunction:: {qualified}", ""]
    return [f".. autodata:: {qualified}", "   :no-value:", ""]


class ApiDirective(SphinxDirective):
    """Autodoc every public name of one group: ``.. pemilu-api:: records``."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Render the group's autodoc directives as reStructuredText."""
        import pemilu_pks

        group = self.arguments[0]
        grouped = exports_by_group()
        if group not in grouped:
            raise self.error(f"unknown API group {group!r}; choose from {', '.join(GROUPS)}")
        lines: list[str] = []
        for name in grouped[group]:
            lines.extend(_autodoc(name, getattr(pemilu_pks, name)))
        self.env.note_dependency(inspect.getfile(pemilu_pks))
        return nested_parse_to_nodes(self.state, "\n".join(lines), source="<pemilu-api>")


def _model_class(directive: SphinxDirective) -> type[Any]:
    import attrs

    import pemilu_pks

    name = directive.arguments[0].removeprefix("pemilu_pks.").removeprefix("pk.")
    cls = getattr(pemilu_pks, name, None)
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise directive.error(f"{name!r} is not a public pemilu-pks model class")
    return cls


class SchemaDirective(SphinxDirective):
    """The JSON Schema of a model class: ``.. pemilu-schema:: Agreement``."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"caption": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        """Render ``pk.json_schema(cls)`` as a JSON code block."""
        import pemilu_pks

        cls = _model_class(self)
        text = json.dumps(pemilu_pks.json_schema(cls), indent=2, ensure_ascii=False)
        block = nodes.literal_block(text, text, language="json")
        self.set_source_info(block)
        caption = self.options.get("caption")
        if not caption:
            return [block]
        container = nodes.container("", literal_block=True, classes=["literal-block-wrapper"])
        container += nodes.caption(caption, caption)
        container += block
        return [container]


_SCALAR_NAMES = {
    "str": "string",
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "date": "date (YYYY-MM-DD)",
}


def type_text(kind: Any) -> str:
    """A readable reStructuredText type: ``string or null``, ``array of`` :class:`Party`."""
    import pemilu_pks

    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    name = getattr(kind, "__name__", str(kind))
    if origin is not None and str(origin) in {"typing.Union", "<class 'types.UnionType'>"}:
        text = " or ".join(type_text(arg) for arg in args)
    elif origin is tuple:
        text = f"array of {type_text(args[0])}"
    elif kind is type(None):
        text = "null"
    elif name in _SCALAR_NAMES:
        text = _SCALAR_NAMES[name]
    else:
        text = f":class:`~pemilu_pks.{name}`" if name in pemilu_pks.__all__ else name
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            values = [f"``{member.value}``" for member in kind]
            shown = ", ".join(values) if len(values) <= 8 else f"{values[0]} … {values[-1]}"
            text = f"{text} ({shown})"
    return text


class DataDictionaryDirective(SphinxDirective):
    """A table of a model class's fields: ``.. pemilu-data-dictionary:: Agreement``."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Render each field's name, type (and whether required) and meaning."""
        import attrs

        from pemilu_pks._schema import field_docs

        cls = _model_class(self)
        hints = typing.get_type_hints(cls)
        docs = field_docs(cls)
        lines = [".. list-table::", "   :header-rows: 1", "   :widths: 20 30 50", ""]
        lines += ["   * - field", "     - type", "     - meaning"]
        for field in attrs.fields(cls):
            required = " (required)" if field.default is attrs.NOTHING else ""
            lines.append(f"   * - ``{field.name}``")
            lines.append(f"     - {type_text(hints[field.name])}{required}")
            lines.append(f"     - {docs.get(field.name, '').strip() or ' '}")
        return nested_parse_to_nodes(
            self.state, "\n".join(lines), source="<pemilu-data-dictionary>"
        )


def resolve_private_path(
    app: Sphinx, env: Any, node: Any, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve ``pemilu_pks._model.Region`` and the like to the public ``pemilu_pks.Region``."""
    import pemilu_pks

    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target.startswith("pemilu_pks."):
        return None
    name = target.rsplit(".", 1)[-1]
    if name not in pemilu_pks.__all__ or target == f"pemilu_pks.{name}":
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(  # type: ignore[no-any-return]
        env, node["refdoc"], app.builder, node["reftype"], f"pemilu_pks.{name}", node, contnode
    )


def doctest_markdown_blocks(app: Sphinx, doctree: nodes.document) -> None:
    """Turn Markdown code blocks of ``>>>`` sessions into doctest blocks, so they are tested."""
    for block in list(doctree.findall(nodes.literal_block)):
        text = block.astext()
        if block.get("language") in {
            "python",
            "pycon",
            "default",
            None,
        } and text.lstrip().startswith(">>> "):
            doctest = nodes.doctest_block(text, text)
            doctest.source, doctest.line = block.source, block.line
            block.replace_self(doctest)


def _napoleon_properties_as_prose() -> None:
    from sphinx.ext.napoleon.docstring import GoogleDocstring

    original = GoogleDocstring._parse
    if getattr(original, "_pemilu_pks", False):
        return

    def parse(self: GoogleDocstring) -> None:
        if self._what not in {"property", "attribute", "data"}:
            original(self)
            return
        what, self._what = self._what, "function"
        try:
            original(self)
        finally:
            self._what = what

    parse._pemilu_pks = True  # type: ignore[attr-defined]
    GoogleDocstring._parse = parse  # type: ignore[method-assign]


def _type_checking_names() -> None:
    import importlib
    import pkgutil

    import pemilu_pks

    public = {name: getattr(pemilu_pks, name) for name in pemilu_pks.__all__}
    for info in pkgutil.iter_modules(pemilu_pks.__path__):
        if info.name.startswith("__"):  # __main__ runs the command line on import
            continue
        module = importlib.import_module(f"pemilu_pks.{info.name}")
        for name, obj in public.items():
            if isinstance(obj, type) and not hasattr(module, name):
                setattr(module, name, obj)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and event handlers."""
    _napoleon_properties_as_prose()
    _type_checking_names()
    app.add_directive("pemilu-api", ApiDirective)
    app.add_directive("pemilu-schema", SchemaDirective)
    app.add_directive("pemilu-data-dictionary", DataDictionaryDirective)
    app.connect("missing-reference", resolve_private_path)
    app.connect("doctree-read", doctest_markdown_blocks)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
