"""Further signings from regional news in dataset 2026.11.1: each record holds its report's facts."""

from __future__ import annotations

import datetime as dt

import pemilu_pks as pk
from pemilu_pks import Instrument, PoliceRank, ScopeItem, Weekday
from signing_facts import bounds, get, signers


class TestMajene:
    """KPU Majene and Polres Majene, Rabu (6/9/2023)."""

    agreement = get("2023-09-06-kpu-majene-polres-majene")

    def test_parties_and_date(self) -> None:
        """A regency PKS on the stated Wednesday, the day before the page's date."""
        assert ("polres-majene", "kpu-76.05") == self.agreement.institutions
        assert (dt.date(2023, 9, 6), dt.date(2023, 9, 6)) == bounds(self.agreement)
        assert Weekday.WEDNESDAY == self.agreement.signing.date.weekday
        assert Instrument.PKS == self.agreement.instrument

    def test_scope(self) -> None:
        """Information exchange, security coordination and training."""
        assert (
            ScopeItem.DATA_EXCHANGE,
            ScopeItem.SECURITY_ASSISTANCE,
            ScopeItem.CAPACITY_BUILDING,
        ) == self.agreement.scope

    def test_venue(self) -> None:
        """The data room of the Mapolres."""
        assert "Ruang Data Mapolres Majene" == self.agreement.signing.venue


class TestTanggamus:
    """KPU, Bawaslu and Polres Tanggamus, Senin, 4 Desember 2023."""

    agreement = get("2023-12-04-kpu-tanggamus-bawaslu-tanggamus-polres-tanggamus")

    def test_three_parties_three_signatories(self) -> None:
        """The Kapolres and both chairs signed."""
        assert (
            "polres-tanggamus",
            "kpu-18.06",
            "bawaslu-18.06",
        ) == self.agreement.institutions
        assert [
            ("polres-tanggamus", "Siswara Hadi Chandra", PoliceRank.AKBP),
            ("kpu-18.06", "Angga Lazuardy", None),
            ("bawaslu-18.06", "Najih Mustofa", None),
        ] == signers(self.agreement)

    def test_date_and_place(self) -> None:
        """The stated Monday at the KPU hall."""
        assert (dt.date(2023, 12, 4), dt.date(2023, 12, 4)) == bounds(self.agreement)
        assert Weekday.MONDAY == self.agreement.signing.date.weekday
        assert ("Aula Kantor KPU Tanggamus", "18.06") == (
            self.agreement.signing.venue,
            self.agreement.signing.place,
        )

    def test_scope(self) -> None:
        """The four items the Kapolres lists."""
        assert (
            ScopeItem.DATA_EXCHANGE,
            ScopeItem.SECURITY_ASSISTANCE,
            ScopeItem.LAW_ENFORCEMENT,
            ScopeItem.CAPACITY_BUILDING,
        ) == self.agreement.scope


class TestYogyakarta:
    """Bawaslu DIY and Polda DIY, Rabu (30/11/2022), at the Sentra Gakkumdu meeting."""

    agreement = get("2022-11-30-bawaslu-diy-polda-diy")

    def test_parties(self) -> None:
        """A provincial Bawaslu agreement; the Kejati's separate agreement is not a party."""
        assert ("bawaslu-34", "polda-daerah-istimewa-yogyakarta") == self.agreement.institutions

    def test_date_and_place(self) -> None:
        """The stated Wednesday, in Bantul."""
        assert (dt.date(2022, 11, 30), dt.date(2022, 11, 30)) == bounds(self.agreement)
        assert Weekday.WEDNESDAY == self.agreement.signing.date.weekday
        assert ("Grand Rohan", "34.02") == (
            self.agreement.signing.venue,
            self.agreement.signing.place,
        )

    def test_scope(self) -> None:
        """The standard items the chair lists; neutrality supervision stays in the text."""
        assert (
            ScopeItem.DATA_EXCHANGE,
            ScopeItem.SECURITY_ASSISTANCE,
            ScopeItem.CAPACITY_BUILDING,
            ScopeItem.FACILITIES,
        ) == self.agreement.scope
        assert "neutrality" in (self.agreement.scope_text or "")

    def test_two_reports(self) -> None:
        """The report and a copy of a second one that names the venue."""
        assert 2 == len(self.agreement.sources)


class TestKalimantanBarat:
    """KPU Kalimantan Barat and Polda Kalimantan Barat, Selasa (20/06/2023)."""

    agreement = get("2023-06-20-kpu-kalbar-polda-kalbar")

    def test_parties_and_signatories(self) -> None:
        """The Kapolda and the KPU chair signed."""
        assert ("polda-kalimantan-barat", "kpu-61") == self.agreement.institutions
        assert [
            ("polda-kalimantan-barat", "Pipit Rismanto", PoliceRank.IRJEN),
            ("kpu-61", "Muhammad Syarifuddin Budi", None),
        ] == signers(self.agreement)

    def test_date_and_place(self) -> None:
        """The stated Tuesday, at a Pontianak hotel."""
        assert (dt.date(2023, 6, 20), dt.date(2023, 6, 20)) == bounds(self.agreement)
        assert Weekday.TUESDAY == self.agreement.signing.date.weekday
        assert ("Ballroom Hotel Golden Tulip", "Pontianak", "61.71") == (
            self.agreement.signing.venue,
            self.agreement.signing.city,
            self.agreement.signing.place,
        )

    def test_instrument_without_listed_scope(self) -> None:
        """A PKS; the stored report lists no scope items, so none are recorded."""
        assert Instrument.PKS == self.agreement.instrument
        assert () == self.agreement.scope


class TestKalimantanTengah:
    """KPU Kalteng and Bawaslu Kalteng, each with Polda Kalteng, on a Tuesday the report does not date."""

    kpu = get("2022-2023-kpu-kalteng-polda-kalteng")
    bawaslu = get("2022-2023-bawaslu-kalteng-polda-kalteng")

    def test_two_bilateral_agreements(self) -> None:
        """One report, two agreements that point at each other."""
        assert ("polda-kalimantan-tengah", "kpu-62") == self.kpu.institutions
        assert ("polda-kalimantan-tengah", "bawaslu-62") == self.bawaslu.institutions
        assert (self.bawaslu.id,) == self.kpu.related
        assert (self.kpu.id,) == self.bawaslu.related

    def test_weekday_only_date_is_a_reasoned_interval(self) -> None:
        """'Selasa' without a year: Tuesdays from the start of the stages to the next Kapolda."""
        for agreement in (self.kpu, self.bawaslu):
            date = agreement.signing.date
            assert (dt.date(2022, 6, 14), dt.date(2023, 12, 26)) == bounds(agreement)
            assert Weekday.TUESDAY == date.weekday
            assert "2 January 2024" in (date.reasoning or "")

    def test_no_signatory_is_claimed(self) -> None:
        """The report names who spoke and attended, not who signed."""
        assert [] == signers(self.kpu)
        assert [] == signers(self.bawaslu)


class TestNewUnits:
    """The police units these signings name are registry records under their Polda."""

    def test_units_and_parents(self) -> None:
        """Each unit has its kind, its Polda and a source."""
        ds = pk.load()
        found = {
            unit: (ds.institutions.lookup(unit).kind, ds.institutions.lookup(unit).parent)
            for unit in ("polres-majene", "polres-tanggamus")
        }
        assert {
            "polres-majene": (pk.InstitutionKind.POLRES, "polda-sulawesi-barat"),
            "polres-tanggamus": (pk.InstitutionKind.POLRES, "polda-lampung"),
        } == found
        assert all(ds.institutions.lookup(unit).sources for unit in found)

    def test_signatories_are_people_with_the_post_on_the_day(self) -> None:
        """A new signatory holds the post they signed in, on the signing day."""
        person = pk.load().people.lookup("siswara-hadi-chandra")
        (post,) = person.posts
        assert ("Kapolres Tanggamus", dt.date(2023, 12, 4)) == (post.title, post.valid_from)
