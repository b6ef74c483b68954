"""Every page's examples run when copied: each page alone, in a fresh namespace.

The Sphinx doctest build gives every page ``import pemilu_pks as pk`` for free
(``doctest_global_setup``); a reader pasting a page's examples into a new
Python does not get it.  Here each page's examples (``{doctest}`` blocks and
``>>>`` Python blocks, in page order) run as one doctest with empty globals,
so a page that uses a name must import or define it first.
"""

from __future__ import annotations

import doctest
import re

import pytest

from source_tree import ROOT

# `nox -s build` runs the tests from a copy outside the tree and says where the source is.
PAGES = sorted(
    p.relative_to(ROOT).as_posix()
    for p in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]
    if ">>>" in p.read_text(encoding="utf-8")
)
_FENCE = re.compile(r"^```(\{doctest\}|python|pycon)[^\n]*\n(.*?)^```", re.M | re.S)
# The flags of the docs build (docs/conf.py).
_FLAGS = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1


def examples(text: str) -> str:
    """The doctest examples of a Markdown page, block after block."""
    blocks = [body for kind, body in _FENCE.findall(text) if kind == "{doctest}" or ">>>" in body]
    return "\n".join(block.rstrip("\n") + "\n" for block in blocks)


@pytest.mark.parametrize("page", PAGES)
def test_page_examples_run_in_a_fresh_namespace(page: str) -> None:
    """The page's examples pass with nothing imported beforehand."""
    text = (ROOT / page).read_text(encoding="utf-8")
    test = doctest.DocTestParser().get_doctest(examples(text), {}, page, page, 0)
    assert test.examples
    failures: list[str] = []
    doctest.DocTestRunner(optionflags=_FLAGS).run(test, out=failures.append)
    assert [] == failures


def test_examples_are_found() -> None:
    """The block finder takes doctest blocks and >>> Python blocks, not plain code."""
    page = (
        "```{doctest}\n>>> 1 + 1\n2\n```\n\n"
        "```python\nx = undefined_name\n```\n\n"
        "```python\n>>> 2 * 3\n6\n```\n"
    )
    assert ">>> 1 + 1\n2\n\n>>> 2 * 3\n6\n" == examples(page)
