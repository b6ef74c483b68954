"""Lossless JSON: bad input is refused with a path, never another exception."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import pemilu_pks as pk

AGREEMENT: dict[str, Any] = {
    "id": "2023-09-25-kpu-63-polda-kalimantan-selatan",
    "instrument": "pks",
    "parties": [
        {"institution": "kpu-63", "document_number": "05/PR.08-PKS/63/2023"},
        {"institution": "polda-kalimantan-selatan"},
    ],
    "signatories": [
        {"party": "polda-kalimantan-selatan", "name": "Andi Rian Djajadi", "rank": "irjen"}
    ],
    "signing": {
        "date": {"earliest": "2023-09-25", "latest": "2023-09-25", "weekday": "monday"},
        "city": "Banjarmasin",
        "place": "63.71",
    },
    "scope": ["data_exchange", "law_enforcement"],
    "figures": [{"key": "personnel_deployed", "value": 564}],
    "sources": [{"source": "banuatoday.com-1a2b3c4d"}],
}


def with_change(path: list[str | int], value: Any) -> str:
    """AGREEMENT with one value replaced (or removed, for the sentinel ...), as JSON text."""
    data = json.loads(json.dumps(AGREEMENT))
    target = data
    for step in path[:-1]:
        target = target[step]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return json.dumps(data, ensure_ascii=False)


class TestRoundTrip:
    """to_json and from_json are inverse."""

    def test_agreement(self) -> None:
        """A full agreement survives a round trip, and its JSON is canonical."""
        agreement = pk.from_json(json.dumps(AGREEMENT), pk.Agreement)
        text = pk.to_json(agreement)
        assert agreement == pk.from_json(text, pk.Agreement)
        assert text == pk.to_json(pk.from_json(text, pk.Agreement))
        assert text.endswith("}\n")
        assert pk.PoliceRank.IRJEN == agreement.signatories[0].rank
        assert dt.date(2023, 9, 25) == agreement.signing.date.date

    def test_bytes_and_lists(self) -> None:
        """UTF-8 bytes are accepted, and lists of records round-trip."""
        refs = [
            pk.SourceRef(source="a"),
            pk.SourceRef(source="b", note="Kabupaten Aceh Besar — ok"),
        ]
        text = pk.to_json(refs)
        assert refs == pk.from_json(text.encode("utf-8"), list[pk.SourceRef])
        assert "—" in text  # not ASCII-escaped

    def test_records_are_hashable_and_equal_by_value(self) -> None:
        """Two equal records hash alike and can live in a set."""
        one = pk.from_json(json.dumps(AGREEMENT), pk.Agreement)
        two = pk.from_json(json.dumps(AGREEMENT), pk.Agreement)
        assert one is not two
        assert 1 == len({one, two})

    def test_frozen(self) -> None:
        """Records cannot be changed."""
        agreement = pk.from_json(json.dumps(AGREEMENT), pk.Agreement)
        with pytest.raises(AttributeError):
            agreement.id = "other"  # type: ignore[misc]


class TestBadInput:
    """Every failure is a PemiluPksError whose message names the JSON path."""

    @pytest.mark.parametrize(
        ("text", "path", "problem"),
        [
            (
                with_change(["parties", 0, "institution"], 5),
                "$.parties[0].institution",
                "expected a string",
            ),
            (
                with_change(["parties", 1, "institution"], "Polda Kalsel"),
                "$.parties[1].institution",
                "not an id",
            ),
            (with_change(["parties"], "kpu-63"), "$.parties", "expected an array"),
            (
                with_change(["parties"], [{"institution": "kpu-63"}]),
                "$.parties",
                "at least two parties",
            ),
            (with_change(["instrument"], "treaty"), "$.instrument", "expected one of"),
            (with_change(["instrument"], ...), "$.instrument", "required field missing"),
            (with_change(["colour"], "red"), "$", "unknown field(s): colour"),
            (
                with_change(["signing", "date", "earliest"], "2023-02-30"),
                "$.signing.date.earliest",
                "not an ISO date",
            ),
            (
                with_change(["signing", "date", "earliest"], 20230925),
                "$.signing.date.earliest",
                "ISO date string",
            ),
            (
                with_change(["signing", "date", "latest"], "2023-09-01"),
                "$.signing.date",
                "before earliest",
            ),
            (with_change(["signing", "date", "weekday"], "tuesday"), "$.signing.date", "no Selasa"),
            (
                with_change(["signing", "place"], "Banjarmasin"),
                "$.signing.place",
                "not a Kemendagri region code",
            ),
            (
                with_change(["figures", 0, "value"], "564"),
                "$.figures[0].value",
                "expected an integer",
            ),
            (with_change(["figures", 0, "value"], True), "$.figures[0].value", "boolean"),
            (
                with_change(["signatories", 0, "rank"], "general"),
                "$.signatories[0].rank",
                "expected one of",
            ),
            (with_change(["sources"], []), "$.sources", "sources must not be empty"),
            (with_change(["scope"], "law_enforcement"), "$.scope", "expected an array"),
        ],
    )
    def test_invalid_values(self, text: str, path: str, problem: str) -> None:
        """Wrong types, missing fields, unknown keys and bad values name their path."""
        with pytest.raises(pk.ValidationError) as info:
            pk.from_json(text, pk.Agreement)
        assert any(where == path and problem in what for where, what in info.value.errors), (
            info.value.errors
        )
        assert isinstance(info.value, pk.PemiluPksError)

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            ("", "the text is empty"),
            ("{", "not valid JSON"),
            ('{"id": "x",}', "not valid JSON"),
            (b"\xff\xfe{}", "not UTF-8"),
            ("\ufeff{}", "byte-order mark"),
            ('{"a": 1, "a": 2}', "duplicate key 'a'"),
            ('{"value": NaN}', "NaN is not a JSON value"),
            ("[" * 100 + "]" * 100, "nested deeper than 64"),
        ],
    )
    def test_not_json(self, text: str | bytes, problem: str) -> None:
        """Text that is not JSON is a DataError saying why."""
        with pytest.raises(pk.DataError, match=problem):
            pk.from_json(text, pk.Agreement)

    def test_size_limit(self) -> None:
        """Input over the configured size is refused before decoding."""
        with pytest.raises(pk.InputLimitError, match="limit is 10"):
            pk.from_json(b'{"source": "abcdefgh"}', pk.SourceRef, limits=pk.Limits(max_bytes=10))

    def test_not_text(self) -> None:
        """A non-text argument is a DataError."""
        with pytest.raises(pk.DataError, match="expected JSON text"):
            pk.from_json(12, pk.SourceRef)  # type: ignore[arg-type]

    def test_top_level_not_an_object(self) -> None:
        """A JSON array where an object is expected names the root."""
        with pytest.raises(pk.ValidationError) as info:
            pk.from_json("[]", pk.SourceRef)
        assert "$" == info.value.errors[0][0]
