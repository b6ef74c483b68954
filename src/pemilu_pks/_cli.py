"""The ``pemilu-pks`` command: the library's queries from a shell.

Every command that prints records takes ``--format table|json|jsonl|csv``
(``table``, aligned plain text as wide as the terminal, by default; cells too
long for it are cut with "…", and ``--format json`` has every record whole).
Choices are case-insensitive (``--body KPU``).  Errors print one message on
standard error, never a traceback, and set the exit status:

* 0: success;
* 1: the data is at fault: a file that cannot be read or is invalid
  (``validate`` found problems), or an output path that cannot be written;
* 2: the request is at fault: unknown or ambiguous region or institution,
  malformed date, bad option (argparse's own usage errors also exit 2).

Subcommands are registered with :func:`subcommand`; to add one, write a
``configure(parser)`` and a ``run(args) -> int`` function and register them
beside the others at the bottom of this module (the ``extract`` command goes
there too).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import json
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from .exceptions import (
    AmbiguousError,
    DateParseError,
    NotFoundError,
    PemiluPksError,
)

if TYPE_CHECKING:  # pragma: no cover
    from ._dataset import Dataset

__all__ = ["main", "subcommand"]

PROG = "pemilu-pks"
FORMATS = ("table", "json", "jsonl", "csv")
#: The narrowest a column is squeezed to when a table must fit the terminal.
MIN_CELL_WIDTH = 10
#: The most lines a wrapped table cell takes; the rest is cut with "…".
MAX_CELL_LINES = 3
#: Columns never narrowed below this: codes (a village's has 13 characters).
NARROWEST = {"CODE": 13}
EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


@attrs.frozen
class Subcommand:
    """A registered subcommand: its name, help line, argument setup and action."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


SUBCOMMANDS: dict[str, Subcommand] = {}


def subcommand(
    name: str, help: str, configure: Callable[[argparse.ArgumentParser], None]
) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    """Register the decorated ``run(args) -> exit status`` as subcommand *name*."""

    def register(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        SUBCOMMANDS[name] = Subcommand(name, help, configure, run)
        return run

    return register


# --- shared helpers ---------------------------------------------------------------


def dataset(args: argparse.Namespace) -> Dataset:
    """The dataset named by ``--data``, or the bundled one."""
    from ._dataset import Dataset, load
    from .exceptions import DataError

    if args.data is None:
        return load()
    if not args.data.strip():
        raise DataError("--data: an empty path names no folder")
    return Dataset.from_path(args.data)


def choices(values: Iterable[str]) -> dict[str, Any]:
    """Keyword arguments for ``add_argument``: one of *values*, in any case."""
    return {"choices": list(values), "type": str.casefold}


def add_format(parser: argparse.ArgumentParser) -> None:
    """Add ``--format``."""
    parser.add_argument(
        "--format", "-f", **choices(FORMATS), default="table", help="output format (default: table)"
    )


def shown(value: Any) -> str:
    r"""A table cell as one line of visible text.

    Runs of whitespace become one space, and characters a terminal would act
    on or hide (escape sequences, bell, direction overrides, zero-width
    characters) are shown escaped, so data cannot move the cursor, retitle
    the window or reorder what is printed.

    Example:
        >>> shown("Kalsel\x1b]0;owned\x07 \u202e\n ok")
        'Kalsel\\x1b]0;owned\\x07 \\u202e ok'
    """
    text = " ".join(("" if value is None else str(value)).split())
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _wrap(text: str, width: int) -> list[str]:
    """*text* in lines of at most *width*: up to MAX_CELL_LINES, the last cut with "…"."""
    if len(text) <= width:
        return [text]
    import textwrap

    # Only what can show is wrapped (a huge cell costs no time); ids break at their
    # hyphens; a word longer than the column is split.
    text = text[: width * MAX_CELL_LINES + 1]
    return textwrap.wrap(text, width, max_lines=MAX_CELL_LINES, placeholder="…") or [
        _cut(text, width)
    ]


def _fit(
    natural: list[int], headers: Sequence[str], minimum: Mapping[str, int], room: int
) -> list[int]:
    """Column widths that fit *room*: the widest columns give way first, down to their minimum.

    The widths are capped at one level, the highest at which the table fits
    (found by bisection, so a huge cell costs no time); columns narrower than
    their minimum keep their width.
    """
    floors = [max(len(h), minimum.get(h, MIN_CELL_WIDTH)) for h in headers]
    gaps = 2 * (len(natural) - 1)

    def capped(cap: int) -> list[int]:
        return [n if n <= f else max(min(n, cap), f) for n, f in zip(natural, floors, strict=True)]

    if sum(natural) + gaps <= room:
        return list(natural)
    low, high = 0, max(natural)
    while low < high:  # the highest cap that fits
        middle = (low + high + 1) // 2
        if sum(capped(middle)) + gaps <= room:
            low = middle
        else:
            high = middle - 1
    widths = capped(low)
    spare = room - sum(widths) - gaps
    for i, width in enumerate(widths):  # what the rounding left, to the capped columns
        if spare > 0 and width == low and natural[i] > low:
            widths[i] += 1
            spare -= 1
    return widths


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    out: TextIO,
    *,
    minimum: Mapping[str, int] | None = None,
    width: int | None = None,
) -> None:
    """Print *rows* as aligned plain-text columns under *headers*, as wide as the terminal.

    When the natural widths do not fit, the widest columns are narrowed first,
    each down to its minimum; their long cells wrap onto up to
    :data:`MAX_CELL_LINES` lines, and what does not fit then is cut with "…".

    Args:
        headers: Column titles.
        rows: The cells of each row.
        out: Where to print.
        minimum: Column title -> narrowest width (default :data:`MIN_CELL_WIDTH`).
        width: The width to fit; the terminal's (``$COLUMNS``, else 80) when None.
    """
    cells = [[shown(v) for v in row] for row in rows]
    natural = [max([len(h), *(len(row[i]) for row in cells)]) for i, h in enumerate(headers)]
    room = width if width is not None else shutil.get_terminal_size().columns
    widths = _fit(natural, headers, minimum or {}, room)
    for row in [list(headers), *cells]:
        wrapped = [_wrap(value, w) for value, w in zip(row, widths, strict=True)]
        for line in range(max(map(len, wrapped))):
            parts = [cell[line] if line < len(cell) else "" for cell in wrapped]
            out.write(
                "  ".join(part.ljust(w) for part, w in zip(parts, widths, strict=True)).rstrip()
                + "\n"
            )


def emit(
    records: Iterable[Any],
    *,
    fmt: str,
    out: TextIO,
    headers: Sequence[str],
    cells: Callable[[Any], Sequence[Any]],
    row: Callable[[Any], dict[str, Any]],
    data: Callable[[Any], Any] | None = None,
    footer: str | None = None,
    minimum: Mapping[str, int] | None = None,
) -> None:
    """Print records in *fmt*: a table, a JSON array, JSON Lines or flat CSV.

    Args:
        records: What to print.
        fmt: One of :data:`FORMATS`.
        out: Where to print.
        headers: Table column titles.
        cells: A record's table cells.
        row: A record's flat CSV row.
        data: A record's JSON data (the library's JSON format by default).
        footer: A line under the table (tables only).
        minimum: Table column title -> narrowest width (see :func:`table`).
    """
    from ._converter import unstructure
    from ._query import rows_to_csv

    to_data = data or unstructure
    records = list(records)
    if fmt == "json":
        out.write(json.dumps([to_data(r) for r in records], ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for record in records:
            out.write(json.dumps(to_data(record), ensure_ascii=False, sort_keys=True) + "\n")
    elif fmt == "csv":
        rows = [row(r) for r in records]
        out.write(rows_to_csv(rows) if rows else ",".join(headers).lower() + "\n")
    else:
        table(headers, (cells(r) for r in records), out, minimum={**NARROWEST, **(minimum or {})})
        if footer:
            out.write(f"\n{footer}\n")


_IRREGULAR = {"person": "people", "regency or city": "regencies and cities"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word if count == 1 else _IRREGULAR.get(word, word + 's')}"


# --- agreements ---------------------------------------------------------------------


def _configure_agreements(parser: argparse.ArgumentParser) -> None:
    from ._model import InstitutionKind, Instrument, ScopeItem

    parser.add_argument(
        "--region", "-r", help='a region name or code: "Kalsel", "Kab. Tapsel", "63.71"'
    )
    parser.add_argument(
        "--body",
        "-b",
        **choices(k.value for k in InstitutionKind),
        help="a party's kind: kpu, bawaslu, polda, …",
    )
    parser.add_argument("--institution", "-i", help='an institution id or name: "Polda Sulsel"')
    parser.add_argument(
        "--instrument",
        **choices(i.value for i in Instrument),
        help="mou (a Nota Kesepahaman), pks (a Perjanjian Kerja Sama), addendum or other",
    )
    parser.add_argument(
        "--scope",
        action="append",
        **choices(s.value for s in ScopeItem),
        help="a scope item (repeatable; all must match)",
    )
    parser.add_argument(
        "--from",
        dest="signed_from",
        metavar="DATE",
        help="signed on or after: YYYY-MM-DD, YYYY-MM or YYYY",
    )
    parser.add_argument(
        "--to",
        dest="signed_to",
        metavar="DATE",
        help="signed on or before: YYYY-MM-DD, YYYY-MM or YYYY",
    )
    parser.add_argument(
        "--dates",
        **choices(("possible", "certain")),
        default="possible",
        help="for uncertain dates: keep those possibly (default) or certainly in the period",
    )
    parser.add_argument("--text", "-t", help="words to find in titles, names, venues and notes")
    parser.add_argument("--implements", metavar="ID", help="only agreements implementing this one")
    parser.add_argument(
        "--same-ceremony",
        metavar="ID",
        help="the agreements signed at the same ceremony as this one",
    )
    parser.add_argument(
        "--show",
        action="append",
        default=[],
        **choices(SHOW),
        help="an extra table column: signatories (who signed, with their posts); repeatable",
    )
    add_format(parser)


#: What ``agreements --show`` can add to the table: column title and cell.
SHOW: dict[str, tuple[str, Callable[[Any], str]]] = {
    "signatories": (
        "SIGNED BY",
        lambda a: "; ".join(
            f"{s.name or '(not named)'} ({s.post or s.party})" for s in a.signatories
        ),
    ),
}


def signing_order(agreement: Any) -> tuple[Any, ...]:
    """Sort key: by signing date (an uncertain one by its earliest day, then latest), then id."""
    import datetime as dt

    date = agreement.signing.date
    return (date.first_possible() or dt.date.max, date.last_possible() or dt.date.max, agreement.id)


@subcommand("agreements", "list agreements, filtered, in signing order", _configure_agreements)
def _agreements(args: argparse.Namespace) -> int:
    ds = dataset(args)
    agreements = ds.agreements
    selection = agreements.filter(
        region=args.region,
        body=args.body,
        institution=args.institution,
        instrument=args.instrument,
        scope=args.scope,
        signed_from=args.signed_from,
        signed_to=args.signed_to,
        dates=args.dates,
        text=args.text,
        implements=args.implements,
    )
    if args.same_ceremony:
        from ._query import Selection

        ceremony = set(agreements.same_ceremony(args.same_ceremony))
        kept = [a for a in selection if a in ceremony]
        selection = Selection(kept, kind="agreement", row=agreements.row)
    institutions = ds.institutions
    ordered = sorted(selection, key=signing_order)

    def names(agreement: Any) -> str:
        found = (institutions.get(p.institution) for p in agreement.parties)
        return ", ".join(
            i.name if i is not None else p.institution
            for i, p in zip(found, agreement.parties, strict=True)
        )

    footer = _plural(len(selection), "agreement")
    region = agreements.regions.get(agreements.resolve_region(args.region)) if args.region else None
    if region is not None:
        footer += f" in or covering {region.official_name} ({region.code})"
    extra = [SHOW[name] for name in dict.fromkeys(args.show)]
    emit(
        ordered,
        fmt=args.format,
        out=sys.stdout,
        headers=("SIGNED", "TYPE", "PARTIES", "PLACE", *(title for title, _ in extra), "ID"),
        cells=lambda a: (
            str(a.signing.date),
            a.instrument.value.upper(),
            names(a),
            a.signing.city or "",
            *(cell(a) for _, cell in extra),
            a.id,
        ),
        row=agreements.row,
        footer=footer,
        minimum={"SIGNED": len("2023-12-01..2024-02-09")},  # an interval stays on one line
    )
    return EXIT_OK


# --- regions ------------------------------------------------------------------------


def _configure_regions(parser: argparse.ArgumentParser) -> None:
    from ._model import RegionLevel

    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    levels = [level.value for level in RegionLevel]
    lookup = actions.add_parser("lookup", help="the one region with this name (fails if ambiguous)")
    lookup.add_argument(
        "name", help='a name, abbreviation or code: "Kalsel", "Kota Malang", "63.71"'
    )
    search = actions.add_parser(
        "search",
        help="regions whose names contain this text, then close spellings, higher levels first",
    )
    search.add_argument("text", help='part of a name, or a misspelt one: "Banjar", "Kapuas Hullu"')
    search.add_argument(
        "--limit", "-n", type=int, default=10, help="at most this many regions (default: 10)"
    )
    for sub in (lookup, search):
        sub.add_argument("--level", "-l", **choices(levels), help="only regions of this level")
        sub.add_argument("--within", "-w", help="only regions inside this one (name or code)")
    children = actions.add_parser("children", help="the regions directly inside a region")
    children.add_argument("region", help="a region name or code")
    for sub in (lookup, search, children):
        add_format(sub)


@subcommand("regions", "look up, search and browse the region hierarchy", _configure_regions)
def _regions(args: argparse.Namespace) -> int:
    from ._model import RegionLevel

    ds = dataset(args)
    regions = ds.regions
    if args.action in ("lookup", "search"):
        within = ds.agreements.resolve_region(args.within) if args.within else None
        level = RegionLevel(args.level) if args.level else None
    if args.action == "lookup":
        found = [regions.lookup(args.name, level=level, within=within)]
    elif args.action == "search":
        found = list(regions.search(args.text, limit=args.limit, level=level, within=within))
    else:
        found = list(regions.children(ds.agreements.resolve_region(args.region)))
    from ._query import flatten

    emit(
        found,
        fmt=args.format,
        out=sys.stdout,
        headers=("CODE", "LEVEL", "NAME", "OFFICIAL NAME", "PARENT"),
        cells=lambda r: (r.code, r.level.value, r.name, r.official_name, r.parent or ""),
        row=flatten,
        footer=_plural(len(found), "region") if args.action != "lookup" else None,
    )
    return EXIT_OK


# --- institutions ---------------------------------------------------------------------


def _configure_institutions(parser: argparse.ArgumentParser) -> None:
    from ._model import Basis, InstitutionKind

    parser.add_argument("name", nargs="?", help='one institution, by id or name ("Polres Tapsel")')
    parser.add_argument(
        "--kind",
        "-k",
        **choices(k.value for k in InstitutionKind),
        help="only this kind: kpu, polda, …",
    )
    parser.add_argument("--region", "-r", help="constituted for this region or one inside it")
    parser.add_argument(
        "--covering",
        "-c",
        metavar="REGION",
        help="the police units whose jurisdiction holds this region, with their basis",
    )
    parser.add_argument("--on", metavar="YYYY-MM-DD", help="with --covering: on this day")
    parser.add_argument(
        "--basis",
        **choices(b.value for b in Basis),
        help="with --covering: only stated areas, or only presumed ones (default: both)",
    )
    parser.set_defaults(usage_error=parser.error)
    add_format(parser)


@subcommand("institutions", "list or look up institutions", _configure_institutions)
def _institutions(args: argparse.Namespace) -> int:
    from ._agreements import code_ancestors
    from ._query import flatten

    ds = dataset(args)
    if args.covering is not None:
        return _covering(ds, args)
    if args.on is not None or args.basis is not None:
        args.usage_error("--on and --basis go with --covering REGION")
    if args.name is not None:  # an empty name is looked up (and not found), not "all"
        found = [ds.agreements.resolve_institution(args.name)]
    else:
        found = list(ds.institutions)
    if args.kind:
        found = [i for i in found if i.kind.value == args.kind]
    if args.region:
        code = ds.agreements.resolve_region(args.region)
        found = [
            i
            for i in found
            if code == "ID"
            or (i.region is not None and (i.region == code or code in code_ancestors(i.region)))
        ]
    emit(
        found,
        fmt=args.format,
        out=sys.stdout,
        headers=("ID", "KIND", "NAME", "REGION"),
        cells=lambda i: (i.id, i.kind.value, i.name, i.region or ""),
        row=flatten,
        footer=_plural(len(found), "institution"),
    )
    return EXIT_OK


def _covering(ds: Dataset, args: argparse.Namespace) -> int:
    """``institutions --covering REGION``: each unit with the area that puts it there."""
    from ._converter import unstructure

    if args.name or args.region:
        args.usage_error("--covering REGION takes no NAME and no --region")
    region = ds.regions.get(ds.agreements.resolve_region(args.covering))
    assert region is not None  # resolve_region returns known codes only
    kinds = [args.kind] if args.kind else None
    pairs = ds.institutions.covering_areas(region.code, args.on, kinds=kinds, basis=args.basis)

    def row(pair: Any) -> dict[str, Any]:
        unit, area = pair
        return {
            "id": unit.id,
            "kind": unit.kind.value,
            "name": unit.name,
            "region": area.region,
            "extent": area.extent.value,
            "basis": area.basis.value,
            "valid_from": area.valid_from,
            "valid_to": area.valid_to,
            "sources": "; ".join(area.sources),
            "note": area.note,
        }

    when = f" on {args.on}" if args.on else ""
    which = f" by a {args.basis} area" if args.basis else ""
    presumed = sum(area.basis.value == "presumed" for _, area in pairs)
    footer = (
        f"{_plural(len(pairs), 'unit')} covering {region.official_name} ({region.code})"
        f"{which}{when}"
    )
    if presumed and not args.basis:
        one = presumed == 1
        footer += (
            f"; {presumed} presumed: {'the unit carries' if one else 'each carries'} the "
            "region's name and no source seen states its area "
            f"(--basis stated leaves {'it' if one else 'them'} out)"
        )
    emit(
        pairs,
        fmt=args.format,
        out=sys.stdout,
        headers=("ID", "KIND", "NAME", "EXTENT", "BASIS"),
        cells=lambda pair: (
            pair[0].id,
            pair[0].kind.value,
            pair[0].name,
            pair[1].extent.value,
            pair[1].basis.value,
        ),
        row=row,
        data=lambda pair: {"institution": unstructure(pair[0]), "area": unstructure(pair[1])},
        footer=footer,
    )
    return EXIT_OK


# --- people ----------------------------------------------------------------------------


def _configure_people(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "name", nargs="?", help='a person\'s id, or words of their name: "Andi Rian"'
    )
    parser.add_argument(
        "--institution", "-i", help='who held a post at this institution: "Polda Kalsel"'
    )
    add_format(parser)


@subcommand("people", "list the people who signed, with their posts", _configure_people)
def _people(args: argparse.Namespace) -> int:
    from ._query import flatten
    from ._text import name_key

    ds = dataset(args)
    found = list(ds.people)
    if args.name:
        exact = ds.people.get(args.name.strip())
        words = name_key(args.name).split()
        found = (
            [exact]
            if exact is not None
            else [
                p
                for p in found
                if all(
                    any(w in name_key(n).split() for n in (p.name, *p.name_variants)) for w in words
                )
            ]
        )
    if args.institution:
        unit = ds.agreements.resolve_institution(args.institution).id
        found = [p for p in found if any(post.institution == unit for post in p.posts)]
    signed: dict[str, int] = {}
    for agreement in ds.agreements:
        for person in {s.person for s in agreement.signatories if s.person}:
            signed[person] = signed.get(person, 0) + 1
    emit(
        sorted(found, key=lambda p: (name_key(p.name), p.id)),
        fmt=args.format,
        out=sys.stdout,
        headers=("NAME", "POSTS", "SIGNED", "ID"),
        cells=lambda p: (
            p.name,
            "; ".join(dict.fromkeys(post.title for post in p.posts)),
            signed.get(p.id, 0),
            p.id,
        ),
        row=flatten,
        footer=_plural(len(found), "person"),
    )
    return EXIT_OK


# --- coverage ---------------------------------------------------------------------------


def _configure_coverage(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--level",
        "-l",
        **choices(("province", "regency")),
        default="regency",
        help="provinces, or regencies and cities (default: regency)",
    )
    parser.add_argument(
        "--body", "-b", **choices(("kpu", "bawaslu")), help="the election body (default: either)"
    )
    parser.add_argument("--province", "-p", help="only this province (name or code)")
    only = parser.add_mutually_exclusive_group()
    only.add_argument(
        "--missing", action="store_true", help="only regions without a documented agreement"
    )
    only.add_argument(
        "--covered", action="store_true", help="only regions with a documented agreement"
    )
    parser.add_argument(
        "--on", metavar="YYYY-MM-DD", help="the day for the covering police units (default: any)"
    )
    add_format(parser)


#: The coverage table's columns: title, cell, and whether it is shown at the
#: province level / within one province.  Add a column here to show it.
COVERAGE_COLUMNS: tuple[tuple[str, Callable[[Any], Any], bool, bool], ...] = (
    ("CODE", lambda r: r.region, True, True),
    ("REGION", lambda r: r.official_name, False, True),
    ("PROVINCE", lambda r: r.province_name, True, False),
    ("COVERED", lambda r: "yes" if r.covered else "no", True, True),
    ("POLICE (BASIS)", lambda r: "; ".join(map(str, r.police)) or "none known", True, True),
    ("AGREEMENTS", lambda r: ", ".join(r.agreements), True, True),
)


@subcommand("coverage", "which regions have a documented agreement", _configure_coverage)
def _coverage(args: argparse.Namespace) -> int:
    from ._converter import unstructure
    from ._query import flatten

    ds = dataset(args)
    result = ds.coverage(level=args.level, body=args.body, on=args.on)
    selection = list(result)
    if args.province:
        code = ds.agreements.resolve_region(args.province)
        selection = [r for r in selection if r.province == code]
    rows = selection
    if args.missing or args.covered:
        rows = [r for r in selection if r.covered == args.covered]
    # The footer counts the whole selection, not only the rows --missing or --covered kept.
    covered = sum(r.covered for r in selection)
    who = {"kpu": "KPU", "bawaslu": "Bawaslu"}.get(args.body or "", "KPU or Bawaslu")
    noun = "province" if args.level == "province" else "regency or city"
    footer = (
        f"{covered} of {_plural(len(selection), noun)} with a documented {who}–police agreement"
    )
    if rows is not selection:
        footer = f"{_plural(len(rows), noun)} shown; " + footer
    province_level = args.level == "province"
    columns = [
        (title, cell)
        for title, cell, at_province_level, in_one_province in COVERAGE_COLUMNS
        if (at_province_level or not province_level) and (in_one_province or not args.province)
    ]
    emit(
        rows,
        fmt=args.format,
        out=sys.stdout,
        headers=[title for title, _ in columns],
        cells=lambda r: [cell(r) for _, cell in columns],
        row=lambda r: {**flatten(r), "police": "; ".join(map(str, r.police))},
        data=lambda r: {
            **flatten(r),
            "agreements": list(r.agreements),
            "sources": list(r.sources),
            "police": unstructure(list(r.police)),
        },
        footer=footer,
    )
    return EXIT_OK


# --- validate ---------------------------------------------------------------------------


def _configure_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="a dataset folder (the format `Dataset.write` writes)")


@subcommand(
    "validate", "check a dataset folder: schema, references, integrity", _configure_validate
)
def _validate(args: argparse.Namespace) -> int:
    from ._dataset import Dataset

    # Reads every record and runs the integrity checks; problems raise and
    # main() prints them, one per line, with file and JSON path.
    ds = Dataset.from_path(args.path)
    counts = ", ".join(
        _plural(len(part), word)
        for part, word in (
            (ds.institutions, "institution"),
            (ds.people, "person"),
            (ds.sources, "source"),
            (ds.agreements, "agreement"),
        )
    )
    sys.stdout.write(f"{args.path}: valid ({counts})\n")
    return EXIT_OK


# --- export -----------------------------------------------------------------------------


def _configure_export(parser: argparse.ArgumentParser) -> None:
    from ._export import FORMATS as EXPORT_FORMATS

    parser.add_argument(
        "--format", "-f", **choices(EXPORT_FORMATS), required=True, help="the file format"
    )
    parser.add_argument(
        "--out",
        "-o",
        required=True,
        help="output file, '-' for standard output (a folder for csv)",
    )
    parser.add_argument(
        "--all-regions",
        action="store_true",
        help="include every district and village (91,000 rows)",
    )
    parser.add_argument(
        "--keep-formulas",
        action="store_true",
        help="csv: write cells starting with = + - @ as they are, without the leading ' "
        "that stops spreadsheets running them",
    )


@subcommand(
    "export",
    "export the whole dataset as JSON, JSON Lines, CSV tables or SQLite",
    _configure_export,
)
def _export(args: argparse.Namespace) -> int:
    import shlex

    from ._export import export

    if args.out == "-":
        return _export_to_stdout(args)
    written = export(
        dataset(args),
        args.out,
        args.format,
        all_regions=args.all_regions,
        guard_formulas=not args.keep_formulas,
    )
    for path, replaced in written:
        sys.stderr.write(f"{PROG}: {'replaced' if replaced else 'wrote'} {path}\n")
    if args.format == "sqlite":
        database, metadata = written[0][0], written[-1][0]
        browse = shlex.join(["datasette", str(database), "-m", str(metadata)])
        sys.stderr.write(f"{PROG}: browse it with: {browse}\n")
    return EXIT_OK


def _export_to_stdout(args: argparse.Namespace) -> int:
    """``export -o -``: print the one JSON or JSON Lines file instead of writing it."""
    import tempfile
    from pathlib import Path

    from ._export import export
    from .exceptions import ValidationError

    if args.format not in ("json", "jsonl"):
        what = "a folder of tables" if args.format == "csv" else "a database and its metadata.json"
        raise ValidationError(
            [("--out", f"{args.format} writes {what}, not one text: give a path, not '-'")]
        )
    with tempfile.TemporaryDirectory() as folder:
        written = export(
            dataset(args), Path(folder) / f"export.{args.format}", args.format,
            all_regions=args.all_regions,
        )  # fmt: skip
        sys.stdout.flush()
        with written[0][0].open("rb") as text:
            shutil.copyfileobj(text, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return EXIT_OK


# --- extract ----------------------------------------------------------------------------


def _configure_extract(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", help="a news article as UTF-8 text ('-' for standard input)"
    )
    parser.add_argument(
        "--format", "-f", **choices(("table", "json")), default="table",
        help="table (default) or json (the dataset's agreements format, to edit and validate)",
    )  # fmt: skip
    parser.add_argument("--source", help="the article's URL or source id (cited by the drafts)")
    parser.add_argument(
        "--year", type=int, help="the article's year, when the text does not show it"
    )
    parser.add_argument("--published", help="the article's publication day, YYYY-MM-DD")


@subcommand("extract", "draft agreements from a news article's text", _configure_extract)
def _extract(args: argparse.Namespace) -> int:
    import datetime as dt

    from ._extract import extract, print_drafts
    from .exceptions import DataError

    name = "<stdin>" if args.file == "-" else args.file
    if args.file == "-":
        raw = sys.stdin.buffer.read()
    else:
        with open(args.file, "rb") as f:
            raw = f.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(f"{name}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    try:
        published = dt.date.fromisoformat(args.published) if args.published else None
    except ValueError:
        raise DateParseError(
            f"--published {args.published!r} is not a day like 2023-10-18"
        ) from None
    drafts = extract(
        text, source=args.source, year=args.year, published=published, dataset=dataset(args)
    )
    print_drafts(drafts, fmt=args.format, out=sys.stdout)
    return EXIT_OK


# --- main -------------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    top = argparse.ArgumentParser(
        prog=PROG,
        description="The cooperation agreements Indonesian election bodies signed with the police for 2024.",
        epilog="Exit status: 0 success, 1 bad data or unwritable output, 2 bad request.",
    )
    top.add_argument(
        "--version",
        action=_Version,
        nargs=0,
        help="show the package and dataset versions and exit",
    )
    top.add_argument(
        "--data", metavar="PATH", help="a dataset folder to use instead of the bundled dataset"
    )
    commands = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in SUBCOMMANDS.values():
        sub = commands.add_parser(command.name, help=command.help, description=command.help)
        command.configure(sub)
        sub.set_defaults(run=command.run)
    return top


class _Version(argparse.Action):
    """``--version``: the package's version and the bundled dataset's, which differ."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from . import __version__
        from ._dataset import load

        sys.stdout.write(f"{PROG} {__version__} (dataset {load().version})\n")
        parser.exit()


#: The library's keyword arguments, as the options that set them.
_OPTION_OF = {
    "level": "--level",
    "within": "--within",
    "signed_from": "--from",
    "signed_to": "--to",
    "body": "--body",
    "region": "--region",
    "institution": "--institution",
    "instrument": "--instrument",
    "scope": "--scope",
    "dates": "--dates",
    "implements": "--implements",
}
_KEYWORD = re.compile(r"\b(" + "|".join(_OPTION_OF) + r")=(?:'([^']*)')?")
_BARE_KEYWORD = re.compile(r"\b(signed_from|signed_to)\b")


def in_cli_words(text: str) -> str:
    """A library message as the command line says it: options, not keyword arguments.

    Example:
        >>> in_cli_words("narrow it with level='city' or within=, or use a code")
        'narrow it with --level city or --within, or use a code'
    """
    text = _KEYWORD.sub(lambda m: _OPTION_OF[m[1]] + (f" {m[2]}" if m[2] is not None else ""), text)
    return _BARE_KEYWORD.sub(lambda m: _OPTION_OF[m[1]], text)


def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        if exc.errno == errno.EBADF and not exc.filename:  # writing to a closed stream
            return "standard output is closed"
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    text = str(exc)
    if (
        isinstance(exc, AmbiguousError)
        and exc.candidates
        and not all(c in text for c in exc.candidates)
    ):
        text += ": " + ", ".join(exc.candidates)
    return in_cli_words(text)


class _ClosedStream(io.TextIOBase):
    """Standard output when the process was started with it closed: writing is an error."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _survivable_streams() -> None:
    """Make printing survive a closed standard output and a narrow encoding (ASCII, Latin-1).

    Characters the encoding lacks are written as backslash escapes (valid
    inside JSON strings) instead of ending the command with a traceback.
    """
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):  # a stream that cannot change keeps its ways
                reconfigure(errors="backslashreplace")


def _discard_stdout() -> None:
    """Point standard output at the null device, so what is still buffered goes nowhere quietly."""
    import os

    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _say(message: str) -> None:
    """Write *message* to standard error, if there is one to write to."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(message)
        sys.stderr.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Example:
        >>> main(["regions", "lookup", "Kalsel", "--format", "csv"])
        code,name,official_name,level,parent,iso_3166_2
        63,Kalimantan Selatan,Kalimantan Selatan,province,ID,ID-KS
        0
    """
    _survivable_streams()
    args = parser().parse_args(argv)
    try:
        status = int(args.run(args))
        sys.stdout.flush()  # a closed or broken output fails here, where it is reported
        return status
    except BrokenPipeError:  # output piped into head: stop quietly
        _discard_stdout()
        return EXIT_DATA
    except (NotFoundError, AmbiguousError, DateParseError) as exc:
        _say(f"{PROG}: {_message(exc)}\n")
        return EXIT_USAGE
    except (PemiluPksError, OSError) as exc:
        _say(f"{PROG}: {_message(exc)}\n")
        if isinstance(exc, OSError) and exc.errno == errno.EBADF and not exc.filename:
            _discard_stdout()  # else the interpreter's last flush fails again (exit 120)
        return EXIT_DATA
    except KeyboardInterrupt:  # pragma: no cover - interactive
        return 130
