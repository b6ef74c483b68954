"""Sphinx configuration: furo, MyST Markdown, autodoc with Google docstrings, doctests.

Built strictly (``sphinx-build -n -W``) by ``nox -s docs``, which also runs
every example as a doctest (``-b doctest``).  No intersphinx: the build must
work offline, so references to the standard library are listed in
``nitpick_ignore`` instead of being linked.
"""

from __future__ import annotations

import doctest
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

import pemilu_pks  # noqa: E402 - after the path set-up above

# -- Project -------------------------------------------------------------------

project = "pemilu-pks"
author = "pemilu-pks developers"
copyright = f"2025–{date.today().year}, {author}"
release = pemilu_pks.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "matplotlib.sphinxext.plot_directive",
    "pemilu_docs",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []
language = "en"

# -- Strictness ------------------------------------------------------------------

nitpicky = True
# Only genuinely external targets: the standard library and attrs (no
# intersphinx offline), and type variables, which have no page of their own.
nitpick_ignore_regex = [
    (
        r"py:(class|obj|meth|func|exc|data|mod)",
        rf"({'|'.join(sorted(sys.stdlib_module_names))})(\..+)?",
    ),
    (r"py:(class|obj)", r"(attrs|attr)\..+"),  # attrs.Attribute in validator signatures
    (r"py:(class|obj|meth)", r"(pandas|matplotlib)\..+"),  # optional extras' return types
    (r"py:(class|obj)", r"dt\.\w+"),  # datetime imported as dt in the annotations
    (
        r"py:(class|obj)",
        r"Axes|Figure|DataFrame",
    ),  # the extras' types, imported only for type checking
    (r"py:(class|obj)", r"(pemilu_pks\.[\w.]+\.)?[A-Z]"),  # TypeVars T, R
    (
        r"py:(class|obj)",
        r"Traversable|Path|Iterable|Iterator|Callable|Sequence|Mapping",
    ),  # stdlib, short form
]

# -- MyST ------------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc and napoleon -------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_class_signature = "separated"
autodoc_preserve_defaults = True
autodoc_default_options = {"exclude-members": "__init__, __new__"}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True  # attrs fields: a field list, not duplicate attribute targets
napoleon_use_rtype = False
napoleon_attr_annotations = True

# -- doctest ------------------------------------------------------------------------

# Docstring examples in private modules use the module's names bare
# (``parse_date``), as ``pytest --doctest-modules`` would see them; the star
# import gives the doctest builder the same names.
doctest_global_setup = """
import pemilu_pks as pk
from pemilu_pks import *
"""
doctest_test_doctest_blocks = "default"
# Sphinx's default also ignores exception details; we check error messages too.
doctest_default_flags = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1

# -- plots (matplotlib.sphinxext.plot_directive) -------------------------------------

plot_include_source = True
plot_html_show_source_link = False
plot_html_show_formats = False
plot_formats = [("png", 110)]
plot_rcparams = {"figure.figsize": (7.5, 4.0), "savefig.bbox": "tight"}
plot_pre_code = "import pemilu_pks as pk"

# -- HTML --------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"pemilu-pks {release}"
html_static_path = ["_static"]
html_css_files = ["custom.css"]
html_show_sourcelink = False
