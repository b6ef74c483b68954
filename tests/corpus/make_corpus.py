"""Regenerate the malformed-input corpus: ``python tests/corpus/make_corpus.py``.

The corpus is a small, valid dataset folder (``valid/``) and, beside it, one
file per malformed case.  A case file replaces the file of ``valid/`` named
by its first dotted part (``agreements.truncated.json`` replaces
``agreements.json``) and says in ``index.json`` what must be raised, where and
why.  Cases too large to commit (huge strings, extreme depth) are made by
``tests/test_corpus.py`` in code.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent

SOURCE: dict[str, Any] = {
    "id": "banuatoday.com-1a2b3c4d",
    "url": "https://banuatoday.com/kpu-kalsel-polda-pks",
    "publisher": "Banua Today",
    "title": "KPU Kalsel dan Polda Kalsel teken PKS pengamanan Pemilu 2024",
    "published": "2023-09-25",
    "language": "id",
}
SOURCE_2: dict[str, Any] = {
    "id": "antaranews.com-5e6f7a8b",
    "title": "KPU dan Polri teken nota kesepahaman",
}

INSTITUTIONS: list[dict[str, Any]] = [
    {"id": "kpu-ri", "kind": "kpu", "name": "Komisi Pemilihan Umum", "aliases": ["KPU RI"], "region": "ID"},
    {"id": "polri", "kind": "polri", "name": "Kepolisian Negara Republik Indonesia",
     "jurisdiction": [{"region": "ID"}]},
    {"id": "kpu-63", "kind": "kpu", "name": "KPU Provinsi Kalimantan Selatan", "aliases": ["KPU Kalsel"],
     "parent": "kpu-ri", "region": "63"},
    {"id": "bawaslu-63", "kind": "bawaslu", "name": "Bawaslu Provinsi Kalimantan Selatan", "region": "63"},
    {"id": "polda-kalimantan-selatan", "kind": "polda", "name": "Polda Kalimantan Selatan",
     "aliases": ["Polda Kalsel"], "parent": "polri", "seat": "63",
     "jurisdiction": [{"region": "63", "extent": "whole"}], "sources": [SOURCE["id"]]},
]  # fmt: skip

PEOPLE: list[dict[str, Any]] = [
    {"id": "andi-rian-djajadi", "name": "Andi Rian Djajadi",
     "name_variants": ["Andi Rian Ryacudu Djajadi"],
     "posts": [{"title": "Kapolda Kalimantan Selatan", "institution": "polda-kalimantan-selatan",
                "rank": "irjen", "valid_from": "2023-09-25", "sources": [SOURCE["id"]]}],
     "sources": [SOURCE["id"]]},
]  # fmt: skip

MOU: dict[str, Any] = {
    "id": "2022-12-29-kpu-ri-polri",
    "instrument": "mou",
    "instrument_term": "Nota Kesepahaman",
    "parties": [
        {"institution": "kpu-ri", "document_number": "90/PR.07-NK/01/2022"},
        {"institution": "polri", "document_number": "NK/50/XII/2022"},
    ],
    "signing": {"date": {"earliest": "2022-12-29", "latest": "2022-12-29", "weekday": "thursday"}},
    "scope": ["data_exchange", "security_assistance", "law_enforcement"],
    "sources": [{"source": SOURCE_2["id"]}],
    "confidence": "high",
}
PKS: dict[str, Any] = {
    "id": "2023-09-25-kpu-63-polda-kalimantan-selatan",
    "instrument": "pks",
    "parties": [
        {"institution": "kpu-63", "document_number": "05/PR.08-PKS/63/2023"},
        {"institution": "polda-kalimantan-selatan"},
    ],
    "signatories": [
        {"party": "polda-kalimantan-selatan", "name": "Andi Rian Djajadi",
         "person": "andi-rian-djajadi", "rank": "irjen", "rank_as_written": "Irjen. Pol."},
    ],
    "signing": {
        "date": {"earliest": "2023-09-25", "latest": "2023-09-25", "weekday": "monday",
                 "text": "Senin (25/09/2023)"},
        "city": "Banjarmasin",
        "place": "63",
    },
    "scope": ["data_exchange", "law_enforcement"],
    "parent": MOU["id"],
    "related": ["2023-09-25-bawaslu-63-polda-kalimantan-selatan"],
    "figures": [{"key": "personnel_deployed", "value": 564}],
    "sources": [{"source": SOURCE["id"]}],
}  # fmt: skip
PKS_BAWASLU: dict[str, Any] = {
    "id": "2023-09-25-bawaslu-63-polda-kalimantan-selatan",
    "instrument": "pks",
    "parties": [{"institution": "bawaslu-63"}, {"institution": "polda-kalimantan-selatan"}],
    "signing": {"date": {"earliest": "2023-09-25", "latest": "2023-09-25"}},
    "parent": MOU["id"],
    "related": [PKS["id"]],
    "sources": [{"source": SOURCE["id"]}],
}

# Records in id order, as canonical files hold them (so file positions are id positions).
VALID: dict[str, Any] = {
    name: sorted(records, key=lambda r: str(r["id"]))
    for name, records in {
        "agreements": [MOU, PKS_BAWASLU, PKS],
        "institutions": INSTITUTIONS,
        "people": PEOPLE,
        "sources": [SOURCE, SOURCE_2],
    }.items()
}
DATAPACKAGE: dict[str, Any] = {"name": "pemilu-pks-corpus", "version": "2026.1.0"}


def dumps(data: Any) -> str:
    """Canonical JSON, as the library writes it."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def valid_file(name: str) -> str:
    """The text of a record file of the valid dataset, records sorted by id."""
    return dumps({name: VALID[name]})


Mutation = Callable[[dict[str, Any]], Any]


def changed(name: str, index: int, path: list[str | int], value: Any = ...) -> str:
    """The record file *name* with one value of record *index* replaced (``...`` deletes it)."""
    data = {name: copy.deepcopy(VALID[name])}
    target: Any = data[name][index]
    for step in path[:-1]:
        target = target[step]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return dumps(data)


def with_records(name: str, *records: dict[str, Any]) -> str:
    """The record file *name* with *records* added."""
    return dumps({name: [*copy.deepcopy(VALID[name]), *records]})


def edit(record: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A copy of *record* with *fields* replaced."""
    return {**copy.deepcopy(record), **fields}


def at(name: str, id: str) -> int:
    """The position of record *id* in its file."""
    return next(i for i, record in enumerate(VALID[name]) if record["id"] == id)


TEXT = valid_file("agreements")
P = at("agreements", PKS["id"])
M = at("agreements", MOU["id"])
KPU_RI, POLRI, KPU_63, BAWASLU_63, POLDA = (
    at("institutions", i)
    for i in ("kpu-ri", "polri", "kpu-63", "bawaslu-63", "polda-kalimantan-selatan")
)
OWN_SOURCE = at("sources", SOURCE["id"])
TITLED_SOURCE = at("sources", SOURCE_2["id"])

# file -> (content, error class, where (a JSON path, or None), what)
CASES: dict[str, tuple[str | bytes, str, str | None, str]] = {}


def case(file: str, content: str | bytes, error: str, where: str | None, what: str) -> None:
    """Register one case."""
    assert file not in CASES, file
    CASES[file] = (content, error, where, what)


def syntax() -> None:
    """Text that is not JSON at all, or not UTF-8."""
    d = "DataError"
    case("syntax/agreements.empty.json", "", d, None, "the text is empty")
    case("syntax/agreements.whitespace-only.json", " \n\t\n", d, None, "the text is empty")
    case("syntax/agreements.truncated-half.json", TEXT[: len(TEXT) // 2], d, None, "not valid JSON")
    case(
        "syntax/agreements.truncated-in-string.json",
        TEXT[: TEXT.index("Nota") + 3],
        d,
        None,
        "Unterminated string",
    )
    case("syntax/agreements.truncated-end.json", TEXT.rstrip()[:-3], d, None, "not valid JSON")
    case(
        "syntax/institutions.truncated-one-byte.json",
        valid_file("institutions").rstrip()[:-1],
        d,
        None,
        "not valid JSON",
    )
    case(
        "syntax/agreements.trailing-comma.json",
        TEXT.replace('"confidence": "high"', '"confidence": "high",'),
        d,
        None,
        "not valid JSON",
    )
    case("syntax/sources.single-quotes.json", "{'sources': []}", d, None, "not valid JSON")
    case("syntax/sources.comment.json", '{"sources": [] // none yet\n}', d, None, "not valid JSON")
    case("syntax/sources.unquoted-key.json", "{sources: []}", d, None, "not valid JSON")
    case(
        "syntax/agreements.nan.json", TEXT.replace("564", "NaN"), d, None, "NaN is not a JSON value"
    )
    case(
        "syntax/agreements.infinity.json",
        TEXT.replace("564", "-Infinity"),
        d,
        None,
        "-Infinity is not a JSON value",
    )
    case(
        "syntax/agreements.duplicate-key.json",
        TEXT.replace('"instrument": "pks"', '"instrument": "pks", "instrument": "mou"'),
        d,
        None,
        "duplicate key 'instrument'",
    )
    case(
        "syntax/sources.two-documents.json",
        '{"sources": []}\n{"sources": []}\n',
        d,
        None,
        "Extra data",
    )
    case("syntax/sources.trailing-garbage.json", '{"sources": []}\nEOF\n', d, None, "Extra data")
    case(
        "syntax/people.json-lines.json",
        "\n".join(json.dumps(p) for p in PEOPLE * 2) + "\n",
        d,
        None,
        "Extra data",
    )
    case(
        "syntax/agreements.raw-newline-in-string.json",
        TEXT.replace("Nota Kesepahaman", "Nota\nKesepahaman"),
        d,
        None,
        "Invalid control character",
    )
    case(
        "syntax/agreements.bad-escape.json",
        TEXT.replace("Nota Kesepahaman", "Nota \\x41"),
        d,
        None,
        "Invalid \\escape",
    )
    case(
        "syntax/agreements.lone-surrogate-escape.json",
        TEXT.replace("Nota Kesepahaman", "Nota \\ud800"),
        d,
        None,
        "lone surrogate",
    )
    case("syntax/sources.top-level-null.json", "null", "ValidationError", "$", "single key")
    case("syntax/sources.top-level-number.json", "12", "ValidationError", "$", "single key")
    case("syntax/sources.top-level-string.json", '"sources"', "ValidationError", "$", "single key")
    case(
        "syntax/datapackage.invalid-json.json",
        '{"name": "x", "version": }',
        d,
        None,
        "not valid JSON",
    )


def encoding() -> None:
    """Bytes that are not plain UTF-8 JSON."""
    d = "DataError"
    case(
        "encoding/agreements.utf8-bom.json",
        b"\xef\xbb\xbf" + TEXT.encode(),
        d,
        None,
        "byte-order mark",
    )
    case("encoding/agreements.utf16-le-bom.json", TEXT.encode("utf-16"), d, None, "not UTF-8")
    case("encoding/agreements.utf16-be.json", TEXT.encode("utf-16-be"), d, None, "not valid JSON")
    case(
        "encoding/institutions.latin-1.json",
        valid_file("institutions").replace("Selatan", "Sélatan").encode("latin-1"),
        d,
        None,
        "not UTF-8",
    )
    case(
        "encoding/people.cp1252-quotes.json",
        valid_file("people").replace("Andi Rian Djajadi", "\u201cAndi\u201d").encode("cp1252"),
        d,
        None,
        "not UTF-8",
    )
    case(
        "encoding/sources.overlong-slash.json",
        b'{"sources": [{"id": "a\xc0\xafb", "title": "t"}]}',
        d,
        None,
        "not UTF-8",
    )
    case(
        "encoding/sources.cesu8-surrogate.json",
        b'{"sources": [{"id": "a", "title": "\xed\xa0\x80"}]}',
        d,
        None,
        "not UTF-8",
    )
    case(
        "encoding/sources.truncated-multibyte.json",
        '{"sources": [{"id": "a", "title": "é'.encode()[:-1],
        d,
        None,
        "not UTF-8",
    )
    case("encoding/sources.nul-byte.json", b'{"sources": \x00[]}', d, None, "not valid JSON")
    case(
        "encoding/datapackage.utf8-bom.json",
        b"\xef\xbb\xbf" + dumps(DATAPACKAGE).encode(),
        d,
        None,
        "byte-order mark",
    )


def shape() -> None:
    """JSON, but not a record file."""
    v = "ValidationError"
    case("shape/agreements.bare-array.json", dumps(VALID["agreements"]), v, "$", "single key")
    case(
        "shape/agreements.wrong-wrapper-key.json",
        dumps({"agreement": VALID["agreements"]}),
        v,
        "$",
        "single key",
    )
    case(
        "shape/agreements.extra-wrapper-key.json",
        dumps({"agreements": [], "version": 1}),
        v,
        "$",
        "single key",
    )
    case(
        "shape/institutions.wrapper-holds-object.json",
        dumps({"institutions": {"kpu-63": INSTITUTIONS[2]}}),
        v,
        "$.institutions",
        "expected an array, got an object",
    )
    case(
        "shape/people.wrapper-holds-null.json",
        dumps({"people": None}),
        v,
        "$.people",
        "expected an array, got null",
    )
    case(
        "shape/agreements.record-is-string.json",
        dumps({"agreements": [MOU["id"]]}),
        v,
        "$.agreements[0]",
        "",
    )
    case("shape/sources.record-is-null.json", dumps({"sources": [None]}), v, "$.sources[0]", "")
    case("shape/datapackage.not-an-object.json", dumps([DATAPACKAGE]), v, "$", "expected an object")


def wrong_types() -> None:
    """A value of the wrong JSON type, in every field of an agreement and across the others."""
    v = "ValidationError"
    agreement_fields: dict[str, Any] = {
        "id": 42, "instrument": 1, "instrument_term": ["PKS"], "title": {"text": "x"},
        "parties": "kpu-63", "signatories": {"party": "kpu-63"}, "signing": ["2023-09-25"],
        "scope": "law_enforcement", "scope_text": 6, "parent": True, "parent_text": False,
        "related": "2022-12-29-kpu-ri-polri", "witnesses": [1, 2], "figures": {"personnel": 564},
        "sources": "banuatoday.com-1a2b3c4d", "notes": "a note", "confidence": 0.9,
    }  # fmt: skip
    for field, value in agreement_fields.items():
        where = f"$.agreements[{P}].{field}" + ("[0]" if field == "witnesses" else "")
        case(
            f"types/agreements.{field}.json", changed("agreements", P, [field], value), v, where, ""
        )
    nested: list[tuple[str, list[str | int], Any, str]] = [
        ("party-institution", ["parties", 0, "institution"], 63, "expected a string, got a number"),
        ("party-document-number", ["parties", 0, "document_number"], 5, "expected a string"),
        ("signatory-rank", ["signatories", 0, "rank"], 3, "expected one of"),
        ("signing-date-string", ["signing", "date"], "2023-09-25", ""),
        ("date-earliest-number", ["signing", "date", "earliest"], 20230925, "ISO date string"),
        ("date-weekday-number", ["signing", "date", "weekday"], 0, "expected one of"),
        ("figure-value-string", ["figures", 0, "value"], "564", "expected an integer"),
        ("figure-value-float", ["figures", 0, "value"], 564.0, "expected an integer"),
        ("figure-value-boolean", ["figures", 0, "value"], True, "boolean"),
        ("source-ref-supports-string", ["sources", 0, "supports"], "signing", "expected an array"),
    ]
    for name, path, value, what in nested:
        where = f"$.agreements[{P}]" + "".join(
            f"[{s}]" if isinstance(s, int) else f".{s}" for s in path
        )
        case(f"types/agreements.{name}.json", changed("agreements", P, path, value), v, where, what)
    case(
        "types/institutions.kind-list.json",
        changed("institutions", KPU_63, ["kind"], ["kpu"]),
        v,
        f"$.institutions[{KPU_63}].kind",
        "",
    )
    case(
        "types/institutions.aliases-string.json",
        changed("institutions", KPU_63, ["aliases"], "KPU Kalsel"),
        v,
        f"$.institutions[{KPU_63}].aliases",
        "expected an array",
    )
    case(
        "types/institutions.jurisdiction-object.json",
        changed("institutions", POLDA, ["jurisdiction"], {"region": "63"}),
        v,
        f"$.institutions[{POLDA}].jurisdiction",
        "expected an array",
    )
    case(
        "types/institutions.valid-from-number.json",
        changed("institutions", POLDA, ["valid_from"], 2023),
        v,
        f"$.institutions[{POLDA}].valid_from",
        "ISO date string",
    )
    case(
        "types/people.posts-string.json",
        changed("people", 0, ["posts"], "Kapolda"),
        v,
        "$.people[0].posts",
        "expected an array",
    )
    case(
        "types/people.name-null.json",
        changed("people", 0, ["name"], None),
        v,
        "$.people[0].name",
        "expected a string",
    )
    case(
        "types/sources.published-number.json",
        changed("sources", OWN_SOURCE, ["published"], 1695600000),
        v,
        f"$.sources[{OWN_SOURCE}].published",
        "ISO date string",
    )
    case(
        "types/sources.language-null.json",
        changed("sources", OWN_SOURCE, ["language"], None),
        v,
        f"$.sources[{OWN_SOURCE}].language",
        "expected a string",
    )


def missing() -> None:
    """A required field left out."""
    v = "ValidationError"
    for field in ("id", "instrument", "parties", "signing", "sources"):
        case(
            f"missing/agreements.{field}.json",
            changed("agreements", P, [field]),
            v,
            f"$.agreements[{P}].{field}",
            "required field missing",
        )
    case(
        "missing/agreements.signing-date.json",
        changed("agreements", P, ["signing", "date"]),
        v,
        f"$.agreements[{P}].signing.date",
        "required field missing",
    )
    case(
        "missing/agreements.date-earliest.json",
        changed("agreements", P, ["signing", "date", "earliest"]),
        v,
        f"$.agreements[{P}].signing.date.earliest",
        "required field missing",
    )
    case(
        "missing/agreements.party-institution.json",
        changed("agreements", P, ["parties", 1, "institution"]),
        v,
        f"$.agreements[{P}].parties[1].institution",
        "required field missing",
    )
    case(
        "missing/agreements.figure-value.json",
        changed("agreements", P, ["figures", 0, "value"]),
        v,
        f"$.agreements[{P}].figures[0].value",
        "required field missing",
    )
    case(
        "missing/institutions.kind.json",
        changed("institutions", KPU_RI, ["kind"]),
        v,
        f"$.institutions[{KPU_RI}].kind",
        "required field missing",
    )
    case(
        "missing/people.name.json",
        changed("people", 0, ["name"]),
        v,
        "$.people[0].name",
        "required field missing",
    )
    case(
        "missing/sources.id.json",
        changed("sources", TITLED_SOURCE, ["id"]),
        v,
        f"$.sources[{TITLED_SOURCE}].id",
        "required field missing",
    )


def unknown_keys() -> None:
    """A key the model does not have: a typo must fail loudly."""
    v = "ValidationError"
    case(
        "unknown/agreements.top-level.json",
        changed("agreements", P, ["colour"], "red"),
        v,
        f"$.agreements[{P}]",
        "unknown field(s): colour",
    )
    case(
        "unknown/agreements.typo-signatorys.json",
        changed("agreements", P, ["signatorys"], []),
        v,
        f"$.agreements[{P}]",
        "unknown field(s): signatorys",
    )
    case(
        "unknown/agreements.party-role.json",
        changed("agreements", P, ["parties", 0, "role"], "first"),
        v,
        f"$.agreements[{P}].parties[0]",
        "unknown field(s): role",
    )
    case(
        "unknown/agreements.date-day.json",
        changed("agreements", P, ["signing", "date", "day"], 25),
        v,
        f"$.agreements[{P}].signing.date",
        "unknown field(s): day",
    )
    case(
        "unknown/institutions.jurisdictions.json",
        changed("institutions", POLDA, ["jurisdictions"], []),
        v,
        f"$.institutions[{POLDA}]",
        "unknown field(s): jurisdictions",
    )
    case(
        "unknown/sources.uri.json",
        changed("sources", TITLED_SOURCE, ["uri"], "https://x.id"),
        v,
        f"$.sources[{TITLED_SOURCE}]",
        "unknown field(s): uri",
    )


def bad_values() -> None:
    """The right type, an impossible value."""
    v = "ValidationError"
    a = f"$.agreements[{P}]"
    date = ["signing", "date"]
    case(
        "values/agreements.feb-30.json",
        changed("agreements", P, [*date, "earliest"], "2023-02-30"),
        v,
        f"{a}.signing.date.earliest",
        "not an ISO date",
    )
    case(
        "values/agreements.month-13.json",
        changed("agreements", P, [*date, "latest"], "2023-13-01"),
        v,
        f"{a}.signing.date.latest",
        "not an ISO date",
    )
    case(
        "values/agreements.date-basic-format.json",
        changed("agreements", P, [*date, "earliest"], "20230925"),
        v,
        f"{a}.signing.date.earliest",
        "not an ISO date",
    )
    case(
        "values/agreements.date-dd-mm-yyyy.json",
        changed("agreements", P, [*date, "earliest"], "25/09/2023"),
        v,
        f"{a}.signing.date.earliest",
        "not an ISO date",
    )
    case(
        "values/agreements.date-year-zero.json",
        changed("agreements", P, [*date, "earliest"], "0000-01-01"),
        v,
        f"{a}.signing.date.earliest",
        "not an ISO date",
    )
    case(
        "values/agreements.latest-before-earliest.json",
        changed("agreements", P, [*date, "latest"], "2023-09-24"),
        v,
        f"{a}.signing.date",
        "before earliest",
    )
    case(
        "values/agreements.weekday-contradicts-date.json",
        changed("agreements", P, [*date, "weekday"], "tuesday"),
        v,
        f"{a}.signing.date",
        "no Selasa",
    )
    case(
        "values/agreements.weekday-at-end-of-time.json",
        dumps(
            {
                "agreements": [
                    edit(
                        PKS,
                        signing={
                            "date": {
                                "earliest": "9999-12-31",
                                "latest": "9999-12-31",
                                "weekday": "monday",
                            }
                        },
                    )
                ]
            }
        ),
        v,
        "$.agreements[0].signing.date",
        "",
    )
    case(
        "values/agreements.weekday-unknown.json",
        changed("agreements", P, [*date, "weekday"], "funday"),
        v,
        f"{a}.signing.date.weekday",
        "expected one of",
    )
    case(
        "values/agreements.weekday-indonesian.json",
        changed("agreements", P, [*date, "weekday"], "Senin"),
        v,
        f"{a}.signing.date.weekday",
        "expected one of",
    )
    case(
        "values/agreements.instrument-unknown.json",
        changed("agreements", P, ["instrument"], "treaty"),
        v,
        f"{a}.instrument",
        "expected one of",
    )
    case(
        "values/agreements.scope-unknown.json",
        changed("agreements", P, ["scope"], ["everything"]),
        v,
        f"{a}.scope[0]",
        "expected one of",
    )
    case(
        "values/agreements.rank-unknown.json",
        changed("agreements", P, ["signatories", 0, "rank"], "general"),
        v,
        f"{a}.signatories[0].rank",
        "expected one of",
    )
    case(
        "values/agreements.confidence-unknown.json",
        changed("agreements", P, ["confidence"], "certain"),
        v,
        f"{a}.confidence",
        "expected one of",
    )
    case(
        "values/agreements.id-empty.json",
        changed("agreements", P, ["id"], ""),
        v,
        a,
        "is not an id",
    )
    case(
        "values/agreements.id-with-spaces.json",
        changed("agreements", P, ["id"], "PKS Kalsel 2023"),
        v,
        a,
        "is not an id",
    )
    case(
        "values/agreements.id-trailing-newline.json",
        changed("agreements", P, ["id"], PKS["id"] + "\n"),
        v,
        a,
        "is not an id",
    )
    case(
        "values/agreements.place-arabic-digits.json",
        changed("agreements", P, ["signing", "place"], "\u0666\u0663"),
        v,
        f"{a}.signing",
        "not a Kemendagri region code",
    )
    case(
        "values/agreements.date-fullwidth-digits.json",
        changed("agreements", P, [*date, "earliest"], "\uff12\uff10\uff12\uff13-09-25"),
        v,
        f"{a}.signing.date.earliest",
        "not an ISO date",
    )
    case(
        "values/agreements.one-party.json",
        changed("agreements", P, ["parties"], [PKS["parties"][0]]),
        v,
        a,
        "at least two parties",
    )
    case(
        "values/agreements.same-party-twice.json",
        changed("agreements", P, ["parties"], [PKS["parties"][0]] * 2),
        v,
        a,
        "listed twice",
    )
    case(
        "values/agreements.no-sources.json",
        changed("agreements", P, ["sources"], []),
        v,
        a,
        "sources must not be empty",
    )
    case(
        "values/agreements.place-is-a-name.json",
        changed("agreements", P, ["signing", "place"], "Banjarmasin"),
        v,
        f"{a}.signing",
        "not a Kemendagri region code",
    )
    case(
        "values/agreements.place-without-dots.json",
        changed("agreements", P, ["signing", "place"], "6371"),
        v,
        f"{a}.signing",
        "not a Kemendagri region code",
    )
    case(
        "values/institutions.kind-unknown.json",
        changed("institutions", POLDA, ["kind"], "tni"),
        v,
        f"$.institutions[{POLDA}].kind",
        "expected one of",
    )
    case(
        "values/institutions.valid-to-before-from.json",
        changed("institutions", POLDA, ["valid_to"], "2019-12-31").replace(
            '"parent": "polri"', '"valid_from": "2020-01-01",\n      "parent": "polri"'
        ),
        v,
        f"$.institutions[{POLDA}]",
        "before valid_from",
    )
    case(
        "values/people.name-empty.json",
        changed("people", 0, ["name"], ""),
        v,
        "$.people[0]",
        "name must not be empty",
    )
    case(
        "values/sources.no-url-no-title.json",
        changed("sources", TITLED_SOURCE, ["title"]),
        v,
        f"$.sources[{TITLED_SOURCE}]",
        "needs a url or a title",
    )


def references() -> None:
    """Records valid one by one but inconsistent together (IntegrityError from a folder)."""
    i = "IntegrityError"
    a = f"$.agreements[{P}]"
    case(
        "references/agreements.unknown-party.json",
        changed("agreements", P, ["parties", 0, "institution"], "kpu-99"),
        i,
        f"{a}.parties[0].institution",
        "kpu-99",
    )
    case(
        "references/agreements.unknown-parent.json",
        changed("agreements", P, ["parent"], "2022-12-30-kpu-ri-polri"),
        i,
        f"{a}.parent",
        "2022-12-30-kpu-ri-polri",
    )
    case(
        "references/agreements.unknown-related.json",
        changed("agreements", P, ["related"], ["2023-09-26-nothing"]),
        i,
        f"{a}.related[0]",
        "2023-09-26-nothing",
    )
    case(
        "references/agreements.unknown-source.json",
        changed("agreements", P, ["sources", 0, "source"], "nowhere.id-00000000"),
        i,
        f"{a}.sources[0].source",
        "nowhere.id-00000000",
    )
    case(
        "references/agreements.unknown-person.json",
        changed("agreements", P, ["signatories", 0, "person"], "nobody"),
        i,
        f"{a}.signatories[0].person",
        "nobody",
    )
    case(
        "references/agreements.signatory-not-a-party.json",
        changed("agreements", P, ["signatories", 0, "party"], "bawaslu-63"),
        i,
        f"{a}.signatories[0].party",
        "bawaslu-63",
    )
    case(
        "references/institutions.unknown-parent.json",
        changed("institutions", POLDA, ["parent"], "mabes-polri"),
        i,
        f"$.institutions[{POLDA}].parent",
        "mabes-polri",
    )
    case(
        "references/institutions.unknown-source.json",
        changed("institutions", POLDA, ["sources"], ["nowhere.id-00000000"]),
        i,
        f"$.institutions[{POLDA}].sources[0]",
        "nowhere.id-00000000",
    )
    case(
        "references/people.unknown-post-institution.json",
        changed("people", 0, ["posts", 0, "institution"], "polda-atlantis"),
        i,
        "$.people[0].posts[0].institution",
        "polda-atlantis",
    )
    case(
        "regions/institutions.unknown-region.json",
        changed("institutions", BAWASLU_63, ["region"], "99"),
        i,
        f"$.institutions[{BAWASLU_63}].region",
        "'99'",
    )
    case(
        "regions/institutions.unknown-jurisdiction.json",
        changed("institutions", POLDA, ["jurisdiction", 0, "region"], "63.99"),
        i,
        f"$.institutions[{POLDA}].jurisdiction[0].region",
        "'63.99'",
    )
    case(
        "regions/institutions.unknown-seat.json",
        changed("institutions", POLDA, ["seat"], "00"),
        i,
        f"$.institutions[{POLDA}].seat",
        "'00'",
    )
    case(
        "regions/agreements.unknown-place.json",
        changed("agreements", P, ["signing", "place"], "63.71.99.9999"),
        i,
        f"{a}.signing.place",
        "'63.71.99.9999'",
    )
    case(
        "duplicates/agreements.same-id.json",
        with_records("agreements", edit(MOU, title="another")),
        i,
        "$.agreements[3].id",
        "duplicate",
    )
    case(
        "duplicates/institutions.same-id.json",
        with_records("institutions", edit(INSTITUTIONS[2], name="KPU Kalsel")),
        i,
        "$.institutions[5].id",
        "duplicate",
    )
    case(
        "duplicates/sources.same-id.json",
        with_records("sources", SOURCE),
        i,
        "$.sources[2].id",
        "duplicate",
    )
    case(
        "duplicates/people.same-id.json",
        with_records("people", PEOPLE[0]),
        i,
        "$.people[1].id",
        "duplicate",
    )
    case(
        "cycles/agreements.parent-self.json",
        changed("agreements", M, ["parent"], MOU["id"]),
        i,
        f"$.agreements[{M}].parent",
        "its own parent",
    )
    case(
        "cycles/agreements.parent-loop.json",
        changed("agreements", M, ["parent"], PKS["id"]),
        i,
        "$.agreements",
        "cycle",
    )
    case(
        "cycles/institutions.parent-self.json",
        changed("institutions", POLRI, ["parent"], "polri"),
        i,
        f"$.institutions[{POLRI}].parent",
        "its own parent",
    )
    case(
        "cycles/institutions.parent-loop.json",
        changed("institutions", POLRI, ["parent"], "polda-kalimantan-selatan"),
        i,
        "$.institutions",
        "cycle",
    )


def limits() -> None:
    """Small committed stand-ins for the large inputs made in code."""
    case(
        "limits/agreements.depth-65.json",
        '{"agreements": ' + "[" * 64 + "]" * 64 + "}",
        "InputLimitError",
        None,
        "nested deeper than 64",
    )
    case(
        "limits/agreements.huge-integer.json",
        TEXT.replace("564", "9" * 5000),
        "DataError",
        None,
        "not valid JSON",
    )
    case(
        "limits/agreements.float-overflow.json",
        TEXT.replace("564", "1e400"),
        "ValidationError",
        f"$.agreements[{P}].figures[0].value",
        "expected an integer",
    )
    case(
        "limits/agreements.figure-out-of-range.json",
        TEXT.replace("564", "1" + "0" * 30),
        "ValidationError",
        f"$.agreements[{P}].figures[0]",
        "",
    )


def main() -> None:
    """Write ``valid/``, every case file and ``index.json``."""
    for make in (
        syntax,
        encoding,
        shape,
        wrong_types,
        missing,
        unknown_keys,
        bad_values,
        references,
        limits,
    ):
        make()
    valid = HERE / "valid"
    shutil.rmtree(valid, ignore_errors=True)
    valid.mkdir()
    for name in VALID:
        (valid / f"{name}.json").write_text(valid_file(name), encoding="utf-8")
    (valid / "datapackage.json").write_text(dumps(DATAPACKAGE), encoding="utf-8")
    for folder in HERE.iterdir():
        if folder.is_dir() and folder.name not in {"valid", "__pycache__"}:
            shutil.rmtree(folder)
    index = {}
    for file, (content, error, where, what) in sorted(CASES.items()):
        path = HERE / file
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        index[file] = {"error": error, "where": where, "what": what}
    (HERE / "index.json").write_text(dumps(index), encoding="utf-8")
    print(f"{len(CASES)} cases")  # noqa: T201


if __name__ == "__main__":
    main()
