"""Generated input: arbitrary JSON, mutated records and random bytes never crash from_json.

Each test runs ``PEMILU_PKS_FUZZ_EXAMPLES`` examples (500 by default;
``nox -s fuzz`` sets 20,000).  Whatever the input, from_json returns an
object that survives a round trip, or raises a PemiluPksError; nothing else.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pemilu_pks as pk
import strategies

EXAMPLES = int(os.environ.get("PEMILU_PKS_FUZZ_EXAMPLES", "500"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: Every model class, and a strategy for valid instances of it.
MODELS: dict[type[Any], st.SearchStrategy[Any]] = {
    pk.Agreement: strategies.agreements(),
    pk.Institution: strategies.institutions(),
    pk.JurisdictionArea: strategies.jurisdiction_areas(),
    pk.Person: strategies.people(),
    pk.Post: strategies.posts(),
    pk.Region: strategies.regions(),
    pk.Source: strategies.sources(),
    pk.SourceRef: strategies.source_refs(),
    pk.Party: strategies.parties(),
    pk.Signatory: strategies.signatories(),
    pk.Signing: strategies.signings(),
    pk.Figure: strategies.figures(),
    pk.UncertainDate: strategies.uncertain_dates(),
}
CLASSES = list(MODELS)
FILTER_ARGUMENTS = ["region", "body", "institution", "instrument", "scope", "signed_from",
                    "signed_to", "text", "implements"]  # fmt: skip

#: Any JSON value: what a hostile or careless file can hold.
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)
#: JSON values that look like the model's: its own keys and enum values, dates, codes.
WORDS = st.sampled_from(
    [
        "id", "kind", "name", "parties", "institution", "signing", "date", "earliest",
        "latest", "weekday", "sources", "source", "scope", "rank", "value", "key", "region",
        "code", "level", "parent", "kpu", "polda", "pks", "mou", "monday", "irjen",
        "law_enforcement", "2023-09-25", "2023-02-30", "63", "63.71", "ID", "",
    ]
)  # fmt: skip
NEAR_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | WORDS | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(WORDS, inner, max_size=6),
    max_leaves=25,
)


def read_or_refuse(text: str | bytes, cls: type[Any]) -> None:
    """from_json succeeds with an object that round-trips, or raises a PemiluPksError."""
    try:
        obj = pk.from_json(text, cls)
    except pk.PemiluPksError:
        return  # refused, with the library's own error
    assert obj == pk.from_json(pk.to_json(obj), cls)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[type[Any], Any]:
    """A valid record's JSON data with one value replaced, removed or added."""
    cls = draw(st.sampled_from(CLASSES))
    data = json.loads(pk.to_json(draw(MODELS[cls])))
    # Pick a container inside the data and a change to make there.
    containers: list[Any] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict | list):
            containers.append(node)
            for child in node.values() if isinstance(node, dict) else node:
                visit(child)

    visit(data)
    node = draw(st.sampled_from(containers))
    replacement = draw(NEAR_JSON | JSON)
    if isinstance(node, dict):
        keys = sorted(node)
        action = draw(st.sampled_from(["replace", "delete", "add"] if keys else ["add"]))
        if action == "add":
            node[draw(WORDS | st.text(max_size=8))] = replacement
        else:
            key = draw(st.sampled_from(keys))
            if action == "delete":
                del node[key]
            else:
                node[key] = replacement
    elif node:
        node[draw(st.integers(0, len(node) - 1))] = replacement
    else:
        node.append(replacement)
    return cls, data


class TestFuzz:
    """from_json on generated input."""

    @FUZZ
    @given(cls=st.sampled_from(CLASSES), data=JSON)
    def test_fuzz_arbitrary_json(self, cls: type[Any], data: Any) -> None:
        """Any JSON value, for any model class."""
        read_or_refuse(json.dumps(data), cls)

    @FUZZ
    @given(cls=st.sampled_from(CLASSES), data=NEAR_JSON)
    def test_fuzz_model_shaped_json(self, cls: type[Any], data: Any) -> None:
        """JSON built from the model's own keys and values, out of place."""
        read_or_refuse(json.dumps(data), cls)

    @FUZZ
    @given(case=mutated())
    def test_fuzz_mutated_records(self, case: tuple[type[Any], Any]) -> None:
        """A valid record with one value replaced, removed or added."""
        cls, data = case
        read_or_refuse(json.dumps(data, ensure_ascii=False), cls)

    @FUZZ
    @given(
        cls=st.sampled_from(CLASSES),
        data=st.data(),
    )
    def test_fuzz_damaged_text(self, cls: type[Any], data: st.DataObject) -> None:
        """A valid record's JSON text, cut short or with bytes changed."""
        text = pk.to_json(data.draw(MODELS[cls])).encode()
        cut = data.draw(st.integers(0, len(text)))
        noise = data.draw(st.binary(max_size=4))
        read_or_refuse(text[:cut] + noise + text[cut + len(noise) :], cls)

    @FUZZ
    @given(cls=st.sampled_from(CLASSES), raw=st.binary(max_size=200))
    def test_fuzz_bytes(self, cls: type[Any], raw: bytes) -> None:
        """Arbitrary bytes."""
        read_or_refuse(raw, cls)

    @FUZZ
    @given(
        argument=st.sampled_from(FILTER_ARGUMENTS),
        value=NEAR_JSON | st.dates().map(str) | st.from_regex(r"\A[0-9]{4}(-[0-9]{2}){0,2}\Z"),
    )
    def test_fuzz_filter(self, argument: str, value: Any) -> None:
        """Filter with generated criteria answers or raises a PemiluPksError."""
        agreements = pk.load().agreements
        try:
            found = agreements.filter(**{argument: value})
        except pk.PemiluPksError:
            return
        assert set(found) <= set(agreements)


def roundtrip(obj: Any) -> None:
    """to_json then from_json gives an equal object, and the same text again."""
    text = pk.to_json(obj)
    again = pk.from_json(text, type(obj))
    assert obj == again
    assert text == pk.to_json(again)


class TestRoundTrip:
    """Every model class survives to_json and from_json, whatever its values."""

    @FUZZ
    @given(obj=MODELS[pk.Agreement])
    def test_roundtrip_agreement(self, obj: pk.Agreement) -> None:
        """Agreement."""
        roundtrip(obj)

    @FUZZ
    @given(obj=MODELS[pk.Institution])
    def test_roundtrip_institution(self, obj: pk.Institution) -> None:
        """Institution."""
        roundtrip(obj)

    @FUZZ
    @given(obj=MODELS[pk.JurisdictionArea])
    def test_roundtrip_jurisdiction_area(self, obj: pk.JurisdictionArea) -> None:
        """JurisdictionArea."""
        roundtrip(obj)

    @FUZZ
    @given(obj=MODELS[pk.Person])
    def test_roundtrip_person(self, obj: pk.Person) -> None:
        """Person."""
        roundtrip(obj)

    @FUZZ
    @given(obj=MODELS[pk.Post])
    def test_roundtrip_post(self, obj: pk.Post) -> None:
        """Post."""
        roundtrip(obj)

    @FUZZ
    @given(obj=MODELS[pk.Region])
    def test_roundtrip_region(self, obj: pk.Region) -> None:
        """Region."""
        roundtrip(obj)

    @FUZZ
    @given(obj=MODELS[pk.Source])
    def test_roundtrip_source(self, obj: pk.Source) -> None:
        """Source."""
        roundtrip(obj)

    @FUZZ
    @given(obj=MODELS[pk.SourceRef])
    def test_roundtrip_source_ref(self, obj: pk.SourceRef) -> None:
        """SourceRef."""
        roundtrip(obj)

    @FUZZ
    @given(obj=MODELS[pk.Party])
    def test_roundtrip_party(self, obj: pk.Party) -> None:
        """Party."""
        roundtrip(obj)

    @FUZZ
    @given(obj=MODELS[pk.Signatory])
    def test_roundtrip_signatory(self, obj: pk.Signatory) -> None:
        """Signatory."""
        roundtrip(obj)

    @FUZZ
    @given(obj=MODELS[pk.Signing])
    def test_roundtrip_signing(self, obj: pk.Signing) -> None:
        """Signing."""
        roundtrip(obj)

    @FUZZ
    @given(obj=MODELS[pk.Figure])
    def test_roundtrip_figure(self, obj: pk.Figure) -> None:
        """Figure."""
        roundtrip(obj)

    @FUZZ
    @given(obj=MODELS[pk.UncertainDate])
    def test_roundtrip_uncertain_date(self, obj: pk.UncertainDate) -> None:
        """UncertainDate."""
        roundtrip(obj)

    @settings(FUZZ, max_examples=max(20, EXAMPLES // 25))
    @given(records=strategies.datasets())
    def test_roundtrip_dataset_folder(self, records: dict[str, list[Any]]) -> None:
        """A consistent generated dataset, written as files, reads back equal."""
        from pemilu_pks._dataset import records_json

        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            for part, items in records.items():
                (folder / f"{part}.json").write_text(records_json(part, items), encoding="utf-8")
            dataset = pk.Dataset.from_path(folder)
            for part, items in records.items():
                assert sorted(items, key=lambda r: r.id) == list(getattr(dataset, part))


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_model_class_has_a_roundtrip_test(cls: type[Any]) -> None:
    """Each class in MODELS has its own test_roundtrip_* above."""
    snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in cls.__name__).lstrip("_")
    assert hasattr(TestRoundTrip, f"test_roundtrip_{snake}")
