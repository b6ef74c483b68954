"""The integrity checks: unique ids, references that resolve, no cycles, dates, coverage."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

import pemilu_pks as pk
from pemilu_pks._integrity import check, check_records, validate

DAY = dt.date(2023, 9, 25)


def kpu() -> pk.Institution:
    """KPU Kalimantan Selatan."""
    return pk.Institution(
        id="kpu-63",
        kind=pk.InstitutionKind.KPU,
        name="KPU Provinsi Kalimantan Selatan",
        region="63",
    )


def polda(**changes: Any) -> pk.Institution:
    """Polda Kalimantan Selatan, covering province 63."""
    base = pk.Institution(
        id="polda-kalimantan-selatan",
        kind=pk.InstitutionKind.POLDA,
        name="Polda Kalimantan Selatan",
        region="63",
        jurisdiction=(pk.JurisdictionArea(region="63"),),
    )
    return attrs.evolve(base, **changes)


def source() -> pk.Source:
    """One source."""
    return pk.Source(id="banuatoday", url="https://banuatoday.com/x")


def agreement(**changes: Any) -> pk.Agreement:
    """The KPU Kalsel–Polda Kalsel agreement, with *changes*."""
    base = pk.Agreement(
        id="2023-09-25-kpu-kalsel-polda-kalsel",
        instrument=pk.Instrument.PKS,
        parties=(pk.Party(institution="kpu-63"), pk.Party(institution="polda-kalimantan-selatan")),
        signatories=(
            pk.Signatory(party="kpu-63", name="Andi Tenri Sompa", person="andi-tenri-sompa"),
        ),
        signing=pk.Signing(date=pk.UncertainDate.exact(DAY), place="63.71"),
        sources=(pk.SourceRef(source="banuatoday"),),
    )
    return attrs.evolve(base, **changes)


def person() -> pk.Person:
    """The Ketua KPU Kalsel."""
    return pk.Person(
        id="andi-tenri-sompa",
        name="Andi Tenri Sompa",
        posts=(
            pk.Post(
                title="Ketua KPU Provinsi Kalimantan Selatan",
                institution="kpu-63",
                sources=("banuatoday",),
            ),
        ),
    )


def records(**changes: list[Any]) -> dict[str, list[Any]]:
    """The consistent record set, with some lists replaced."""
    base: dict[str, list[Any]] = {
        "institutions": [kpu(), polda()],
        "people": [person()],
        "sources": [source()],
        "agreements": [agreement()],
    }
    base.update(changes)
    return base


KNOWN_REGIONS = {"63", "63.71", "64", "ID"}


def problems(**changes: list[Any]) -> list[tuple[str, str]]:
    """The problems of the record set with *changes*."""
    return check_records(records(**changes), region_exists=KNOWN_REGIONS.__contains__)


class TestBundled:
    """The bundled dataset."""

    def test_bundled_dataset_is_consistent(self) -> None:
        """The bundled dataset passes every check."""
        assert [] == check(pk.load())

    def test_validate_passes_bundled(self) -> None:
        """validate() raises nothing for the bundled dataset."""
        validate(pk.load())

    def test_coverage_rule_is_exercised(self) -> None:
        """Most bundled agreements have a police party whose area is known, so coverage is really checked."""
        ds = pk.load()
        checked = [
            a
            for a in ds.agreements
            if any(
                (unit := ds.institutions.get(i)) is not None
                and unit.kind.is_police
                and (unit.jurisdiction or unit.region or unit.kind is pk.InstitutionKind.POLRI)
                for i in a.institutions
            )
        ]
        assert len(checked) >= 20


class TestCleanRecords:
    """Consistent records."""

    def test_minimal_records_pass(self) -> None:
        """A small consistent set of records has no problems."""
        assert [] == problems()


class TestDuplicates:
    """Unique ids."""

    def test_duplicate_id(self) -> None:
        """A repeated id is reported at its second position, naming the first."""
        assert [
            ("sources.json: $.sources[1].id", "duplicate id 'banuatoday' (also at $.sources[0])")
        ] == problems(sources=[source(), source()])


class TestReferences:
    """References resolve."""

    def test_dangling_party(self) -> None:
        """A party naming no institution is reported with its JSON path."""
        bad = agreement(
            parties=(pk.Party(institution="kpu-63"), pk.Party(institution="polda-atlantis"))
        )
        assert [
            (
                "agreements.json: $.agreements[0].parties[1].institution",
                "unknown institution 'polda-atlantis'",
            )
        ] == problems(agreements=[bad])

    def test_signatory_for_non_party(self) -> None:
        """A signatory must sign for one of the agreement's parties."""
        bad = agreement(signatories=(pk.Signatory(party="polri"),))
        assert [
            (
                "agreements.json: $.agreements[0].signatories[0].party",
                "'polri' is not a party to this agreement",
            )
        ] == problems(agreements=[bad])

    def test_unknown_person(self) -> None:
        """A signatory's person id must be in people.json."""
        assert [
            (
                "agreements.json: $.agreements[0].signatories[0].person",
                "unknown person 'andi-tenri-sompa'",
            )
        ] == problems(people=[])

    def test_unknown_source(self) -> None:
        """Every cited source must be in sources.json (agreements, people, posts)."""
        assert {
            "agreements.json: $.agreements[0].sources[0].source",
            "people.json: $.people[0].posts[0].sources[0]",
        } == {path for path, _ in problems(sources=[])}

    def test_stated_area_cites_a_known_source(self) -> None:
        """The sources of a stated jurisdiction area must be in sources.json."""
        stated = pk.JurisdictionArea(region="63", basis=pk.Basis.STATED, sources=("elsewhere",))
        assert [
            (
                "institutions.json: $.institutions[1].jurisdiction[0].sources[0]",
                "unknown source 'elsewhere'",
            )
        ] == problems(institutions=[kpu(), polda(jurisdiction=(stated,))])
        known = attrs.evolve(stated, sources=("banuatoday",))
        assert [] == problems(institutions=[kpu(), polda(jurisdiction=(known,))])

    def test_presumed_area_needs_no_source(self) -> None:
        """A presumed area is consistent without sources; a stated one cannot be built without."""
        assert pk.Basis.PRESUMED == polda().jurisdiction[0].basis
        assert [] == problems()
        with pytest.raises(ValueError, match="stated area must cite"):
            pk.JurisdictionArea(region="63", basis=pk.Basis.STATED)

    def test_unknown_parent_and_related(self) -> None:
        """Parent and related agreements must exist."""
        bad = agreement(parent="2022-12-29-kpu-ri-polri", related=("nope",))
        assert [
            (
                "agreements.json: $.agreements[0].parent",
                "unknown agreement '2022-12-29-kpu-ri-polri'",
            ),
            ("agreements.json: $.agreements[0].related[0]", "unknown agreement 'nope'"),
        ] == problems(agreements=[bad])

    def test_related_must_be_mutual(self) -> None:
        """Agreements of one ceremony name each other."""
        other = agreement(id="2023-09-25-bawaslu-kalsel-polda-kalsel")
        one = agreement(related=(other.id,))
        assert [
            (
                "agreements.json: $.agreements[0].related[0]",
                "'2023-09-25-bawaslu-kalsel-polda-kalsel' does not name "
                "'2023-09-25-kpu-kalsel-polda-kalsel' among its related agreements",
            )
        ] == problems(agreements=[one, other])

    def test_unknown_region(self) -> None:
        """Region codes of places, institutions and jurisdictions must exist."""
        bad = agreement(signing=pk.Signing(date=pk.UncertainDate.exact(DAY), place="63.99"))
        assert [
            ("agreements.json: $.agreements[0].signing.place", "unknown region code '63.99'")
        ] == problems(agreements=[bad])

    def test_unknown_post_institution(self) -> None:
        """A post's institution must exist."""
        bad = attrs.evolve(person(), posts=(pk.Post(title="Kapolres", institution="polres-x"),))
        assert [
            ("people.json: $.people[0].posts[0].institution", "unknown institution 'polres-x'")
        ] == problems(people=[bad])


class TestCycles:
    """Parent chains end."""

    def test_parent_agreement_cycle(self) -> None:
        """Two agreements that are each other's parent form a cycle, reported once."""
        a = agreement(id="a", parent="b")
        b = agreement(id="b", parent="a")
        assert [
            ("agreements.json: $.agreements[0].parent", "a cycle of parent agreements: a -> b -> a")
        ] == problems(agreements=[a, b])

    def test_own_parent(self) -> None:
        """An institution cannot be its own parent."""
        found = problems(institutions=[kpu(), polda(parent="polda-kalimantan-selatan")])
        assert (
            "institutions.json: $.institutions[1].parent",
            "an institution cannot be its own parent",
        ) in found


class TestSources:
    """Every agreement has a source."""

    def test_agreement_without_source(self) -> None:
        """An agreement with no source is refused (built around the model's own validator)."""
        bad = agreement()
        object.__setattr__(bad, "sources", ())
        assert [
            ("agreements.json: $.agreements[0].sources", "an agreement needs at least one source")
        ] == problems(agreements=[bad])


class TestDates:
    """Date bounds and weekdays."""

    def test_weekday_outside_bounds(self) -> None:
        """A stated weekday that no day in the bounds has is refused."""
        bad = agreement()
        date = pk.UncertainDate.exact(DAY)  # a Monday
        object.__setattr__(date, "weekday", pk.Weekday.WEDNESDAY)
        object.__setattr__(bad, "signing", pk.Signing(date=date))
        assert [
            (
                "agreements.json: $.agreements[0].signing.date.weekday",
                "no wednesday lies between 2023-09-25 and 2023-09-25",
            )
        ] == problems(agreements=[bad])

    def test_unordered_bounds(self) -> None:
        """Bounds with latest before earliest are refused."""
        bad = agreement()
        date = pk.UncertainDate.exact(DAY)
        object.__setattr__(date, "latest", DAY - dt.timedelta(days=1))
        object.__setattr__(bad, "signing", pk.Signing(date=date))
        assert [
            (
                "agreements.json: $.agreements[0].signing.date",
                "latest (2023-09-24) is before earliest (2023-09-25)",
            )
        ] == problems(agreements=[bad])


class TestCoverage:
    """Election bodies lie in their police partners' areas."""

    def test_election_body_outside_police_area(self) -> None:
        """A KPU of one province signing with the Polda of another is refused."""
        kaltim = pk.Institution(
            id="kpu-64",
            kind=pk.InstitutionKind.KPU,
            name="KPU Provinsi Kalimantan Timur",
            region="64",
        )
        bad = agreement(
            parties=(
                pk.Party(institution="kpu-64"),
                pk.Party(institution="polda-kalimantan-selatan"),
            ),
            signatories=(),
        )
        assert [
            (
                "agreements.json: $.agreements[0].parties[0].institution",
                "'kpu-64' (region 64) is outside the jurisdiction of 'polda-kalimantan-selatan' "
                "when the agreement was signed",
            )
        ] == problems(institutions=[kpu(), kaltim, polda()], agreements=[bad])

    def test_jurisdiction_validity_counts(self) -> None:
        """Coverage that ended before the signing does not cover it."""
        ended = polda(
            jurisdiction=(pk.JurisdictionArea(region="63", valid_to=dt.date(2023, 1, 1)),)
        )
        found = problems(institutions=[kpu(), ended])
        assert ["agreements.json: $.agreements[0].parties[0].institution"] == [
            path for path, _ in found
        ]

    def test_regency_body_within_province_police(self) -> None:
        """A regency's KPU lies within the area of its province's Polda."""
        city = pk.Institution(
            id="kpu-63.71", kind=pk.InstitutionKind.KPU, name="KPU Kota Banjarmasin", region="63.71"
        )
        ok = agreement(parties=(pk.Party(institution="kpu-63.71"), pk.Party(institution="polda-kalimantan-selatan")),
                       signatories=())  # fmt: skip
        assert [] == problems(institutions=[city, polda()], agreements=[ok], people=[])


class TestValidate:
    """Raising on problems."""

    def test_raises_integrity_error(self, tmp_path: Any) -> None:
        """validate() raises IntegrityError listing the problems with their paths."""
        from pemilu_pks._dataset import records_json

        bad = agreement(
            parties=(pk.Party(institution="kpu-63"), pk.Party(institution="polda-atlantis")),
            signatories=(),
        )
        for name, items in records(agreements=[bad]).items():
            (tmp_path / f"{name}.json").write_text(records_json(name, items), encoding="utf-8")
        with pytest.raises(pk.IntegrityError) as info:
            pk.Dataset.from_path(tmp_path)
        assert (
            "agreements.json: $.agreements[0].parties[1].institution: unknown institution 'polda-atlantis'"
            in str(info.value)
        )
