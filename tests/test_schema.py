"""JSON Schema of the model, checked with jsonschema against real records."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

import pemilu_pks as pk
from pemilu_pks._converter import unstructure

MODEL_CLASSES = [
    pk.Agreement,
    pk.Figure,
    pk.Institution,
    pk.JurisdictionArea,
    pk.Party,
    pk.Person,
    pk.Post,
    pk.Region,
    pk.Signatory,
    pk.Signing,
    pk.Source,
    pk.SourceRef,
    pk.UncertainDate,
]


def validator(cls: type) -> jsonschema.Draft202012Validator:
    """A draft 2020-12 validator for *cls*'s schema (the schema itself checked first)."""
    schema = pk.json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


class TestJsonSchema:
    """pk.json_schema."""

    @pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
    def test_schema_is_valid_draft_2020_12(self, cls: type) -> None:
        """Every model class has a valid schema that forbids unknown keys."""
        schema = pk.json_schema(cls)
        assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
        assert schema["additionalProperties"] is False
        jsonschema.Draft202012Validator.check_schema(schema)

    @pytest.mark.parametrize(
        ("name", "cls"),
        [
            ("agreements", pk.Agreement),
            ("institutions", pk.Institution),
            ("people", pk.Person),
            ("sources", pk.Source),
        ],
    )
    def test_bundled_records_validate(self, name: str, cls: type) -> None:
        """Every bundled record validates against its class's schema."""
        check = validator(cls)
        records = list(getattr(pk.load(), name))
        for record in records:
            errors = [error.message for error in check.iter_errors(unstructure(record))]
            assert [] == errors, record.id

    def test_regions_validate(self) -> None:
        """Provinces and their regencies validate against the Region schema."""
        check = validator(pk.Region)
        regions = pk.load().regions
        for region in [regions.lookup("Kalsel"), *regions.children("63")]:
            assert [] == [e.message for e in check.iter_errors(unstructure(region))]

    def test_schema_rejects_what_from_json_rejects(self) -> None:
        """Unknown keys and wrong enum values fail the schema too."""
        check = validator(pk.SourceRef)
        bad: dict[str, Any] = {"source": "x", "colour": "red"}
        assert not check.is_valid(bad)
        with pytest.raises(pk.ValidationError):
            pk.from_json(json.dumps(bad), pk.SourceRef)

    def test_descriptions_come_from_docstrings(self) -> None:
        """Field descriptions are the classes' Attributes sections."""
        schema = pk.json_schema(pk.Party)
        assert "own number" in schema["properties"]["document_number"]["description"]

    def test_not_a_model_class(self) -> None:
        """Anything but a model class is a ValidationError."""
        with pytest.raises(pk.ValidationError, match="not a pemilu-pks model class"):
            pk.json_schema(dict)

    def test_returns_a_fresh_copy(self) -> None:
        """Changing the returned schema does not change the next one."""
        pk.json_schema(pk.Party)["properties"].clear()
        assert pk.json_schema(pk.Party)["properties"]

    def test_jurisdiction_basis(self) -> None:
        """A missing basis reads as presumed; a stated area without sources is invalid, as in the library."""
        schema = pk.json_schema(pk.JurisdictionArea)
        assert "presumed" == schema["properties"]["basis"]["default"]
        check = validator(pk.JurisdictionArea)
        bad = {"region": "63", "basis": "stated"}
        assert not check.is_valid(bad)
        with pytest.raises(pk.ValidationError, match="stated area must cite"):
            pk.from_json(json.dumps(bad), pk.JurisdictionArea)
        assert check.is_valid({"region": "63", "basis": "stated", "sources": ["x"]})
        assert pk.Basis.PRESUMED == pk.from_json('{"region": "63"}', pk.JurisdictionArea).basis
