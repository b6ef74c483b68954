"""The signings added in dataset 2026.11.1: each record holds the facts its report states."""

from __future__ import annotations

import datetime as dt

import pemilu_pks as pk
from pemilu_pks import Instrument, PoliceRank, ScopeItem, Weekday
from signing_facts import NATIONAL, bounds, get, signers


class TestSulawesiBarat:
    """KPU Sulawesi Barat and Polda Sulawesi Barat, Selasa (22/8/2023)."""

    agreement = get("2023-08-22-kpu-sulbar-polda-sulbar")

    def test_parties_and_parent(self) -> None:
        """A provincial agreement that follows the national MoU."""
        assert ("polda-sulawesi-barat", "kpu-76") == self.agreement.institutions
        assert NATIONAL == self.agreement.parent

    def test_date(self) -> None:
        """The stated Tuesday."""
        date = self.agreement.signing.date
        assert (dt.date(2023, 8, 22), Weekday.TUESDAY) == (date.date, date.weekday)

    def test_heads_and_scope(self) -> None:
        """The Kapolda (Irjen Pol) and the KPU chair; security assistance."""
        assert [
            ("polda-sulawesi-barat", "Adang Ginanjar", PoliceRank.IRJEN),
            ("kpu-76", "Said Usman Umar", None),
        ] == signers(self.agreement)
        assert (ScopeItem.SECURITY_ASSISTANCE,) == self.agreement.scope


class TestMesuji:
    """KPU Mesuji and Polres Mesuji, 'Senin (11/12)' with the year reasoned."""

    agreement = get("2023-12-11-kpu-mesuji-polres-mesuji")

    def test_year_from_weekday_and_campaign(self) -> None:
        """Monday 11 December 2023, with its reasoning recorded."""
        date = self.agreement.signing.date
        assert (dt.date(2023, 12, 11), Weekday.MONDAY, "Senin (11/12)") == (
            date.date,
            date.weekday,
            date.text,
        )
        assert "11 Dec 2023 was a Monday" in (date.reasoning or "")

    def test_place_and_term(self) -> None:
        """At the KPU office in Brabasan; a nota kesepakatan."""
        assert "18.11" == self.agreement.signing.place
        assert "Brabasan" in (self.agreement.signing.venue or "")
        assert Instrument.OTHER == self.agreement.instrument
        assert "nota kesepakatan" in (self.agreement.instrument_term or "")

    def test_kapolres(self) -> None:
        """AKBP Ade Hermanto signed for Polres Mesuji, a unit under Polda Lampung."""
        assert ("polres-mesuji", "Ade Hermanto", PoliceRank.AKBP) == signers(self.agreement)[0]
        assert "polda-lampung" == pk.load().institutions.lookup("polres-mesuji").parent


class TestKotaBandung:
    """KPU Kota Bandung with Polrestabes Bandung and Kejari Kota Bandung, Pilkada 2024."""

    agreement = get("2024-09-17-kpu-kota-bandung-polrestabes-bandung-kejari-kota-bandung")

    def test_three_parties(self) -> None:
        """The KPU, the district prosecutor and the Polrestabes."""
        assert ("kpu-32.73", "kejari-kota-bandung", "polrestabes-bandung") == (
            self.agreement.institutions
        )
        kinds = [pk.load().institutions.lookup(i).kind for i in self.agreement.institutions]
        expected = [
            pk.InstitutionKind.KPU,
            pk.InstitutionKind.OTHER,
            pk.InstitutionKind.POLRESTABES,
        ]
        assert expected == kinds

    def test_date_year_from_context(self) -> None:
        """'Selasa (17/9)' is Tuesday 17 September 2024."""
        date = self.agreement.signing.date
        assert (dt.date(2024, 9, 17), Weekday.TUESDAY) == (date.date, date.weekday)

    def test_no_signatory_guessed(self) -> None:
        """The report names no signer, so none is recorded; the Pj Wali Kota witnessed."""
        assert () == self.agreement.signatories
        assert any("Bambang Tirtoyuliono" in w for w in self.agreement.witnesses)


class TestSeruyan:
    """KPU Seruyan and Polres Seruyan: the date unknown, an interval with its reasoning."""

    agreement = get("2022-2024-kpu-seruyan-polres-seruyan")

    def test_interval(self) -> None:
        """From the national MoU to the 11 Feb 2024 teaser listed before it."""
        assert (dt.date(2022, 12, 29), dt.date(2024, 2, 11)) == bounds(self.agreement)
        assert not self.agreement.signing.date.is_exact
        assert "11 Feb 2024" in (self.agreement.signing.date.reasoning or "")

    def test_low_confidence_and_nothing_else_claimed(self) -> None:
        """Only the parties are known."""
        assert pk.Confidence.LOW == self.agreement.confidence
        assert ((), (), None) == (
            self.agreement.signatories,
            self.agreement.scope,
            self.agreement.signing.venue,
        )
        assert ("polres-seruyan", "kpu-62.07") == self.agreement.institutions


class TestBaritoSelatan:
    """Polres Barito Selatan with 'KPU setempat', Rabu (19/4/2023) malam."""

    agreement = get("2023-04-19-kpu-barito-selatan-polres-barito-selatan")

    def test_regency_level(self) -> None:
        """The Polda is context: a regency agreement with the local KPU."""
        assert ("polres-barito-selatan", "kpu-62.04") == self.agreement.institutions
        assert "polda-kalimantan-tengah" not in self.agreement.institutions

    def test_date_not_the_publication(self) -> None:
        """The signing Wednesday, not the Thursday the page was published."""
        assert (dt.date(2023, 4, 19), dt.date(2023, 4, 19)) == bounds(self.agreement)

    def test_scope(self) -> None:
        """Four of the six standard items."""
        expected = {
            ScopeItem.DATA_EXCHANGE,
            ScopeItem.SECURITY_ASSISTANCE,
            ScopeItem.LAW_ENFORCEMENT,
            ScopeItem.CAPACITY_BUILDING,
        }
        assert expected == set(self.agreement.scope)


class TestTanjungJabungBarat:
    """Bawaslu Tanjung Jabung Barat and its Polres, Jumat (17/11/2023)."""

    agreement = get("2023-11-17-bawaslu-tanjab-barat-polres-tanjab-barat")

    def test_parties_date_and_chair(self) -> None:
        """The Bawaslu of the regency, its Polres, the Friday, the chair Amrina Rasyada."""
        assert ("bawaslu-15.06", "polres-tanjung-jabung-barat") == self.agreement.institutions
        date = self.agreement.signing.date
        assert (dt.date(2023, 11, 17), Weekday.FRIDAY) == (date.date, date.weekday)
        assert [("bawaslu-15.06", "Amrina Rasyada", None)] == signers(self.agreement)

    def test_alias_resolves(self) -> None:
        """'Polres Tanjab Barat' names the unit."""
        unit = pk.load().institutions.lookup("Polres Tanjab Barat")
        assert "polres-tanjung-jabung-barat" == unit.id


class TestPapuaBarat:
    """KPU Papua Barat and Polda Papua Barat, Rabu (6/3/2024)."""

    agreement = get("2024-03-06-kpu-papua-barat-polda-papua-barat")

    def test_signing(self) -> None:
        """The Wednesday after the KPU hall's inauguration; the national MoU as parent."""
        assert (dt.date(2024, 3, 6), dt.date(2024, 3, 6)) == bounds(self.agreement)
        assert NATIONAL == self.agreement.parent
        assert ("polda-papua-barat", "Johnny Eddizon Isir", PoliceRank.IRJEN) == signers(
            self.agreement
        )[0]

    def test_kapolda_post_spans_both_signings(self) -> None:
        """Isir is known as Kapolda Papua Barat on 15 Jan and on 6 Mar 2024."""
        (post,) = pk.load().people.lookup("johnny-eddizon-isir").posts
        assert (dt.date(2024, 1, 15), dt.date(2024, 3, 6)) == (post.valid_from, post.valid_to)


class TestPapua:
    """KPU Papua and Polda Papua, 'pada Sabtu' before the 2024 vote."""

    agreement = get("2024-xx-xx-kpu-papua-polda-papua")

    def test_saturday_interval(self) -> None:
        """A Saturday between 16 January and 10 February 2024."""
        date = self.agreement.signing.date
        assert (dt.date(2024, 1, 16), dt.date(2024, 2, 10), Weekday.SATURDAY) == (
            date.earliest,
            date.latest,
            date.weekday,
        )
        assert (dt.date(2024, 1, 20), dt.date(2024, 2, 10)) == (
            date.first_possible(),
            date.last_possible(),
        )

    def test_signatories_and_figures(self) -> None:
        """Steve Dumbon and Mathius Fakhiri; 3,109 TPS and 727,835 voters."""
        assert [
            ("kpu-91", "Steve Dumbon", None),
            ("polda-papua", "Mathius Fakhiri", PoliceRank.IRJEN),
        ] == signers(self.agreement)
        figures = {f.key: f.value for f in self.agreement.figures}
        assert {"tps": 3109, "dpt": 727835, "regencies": 9} == figures


class TestKotaMalang:
    """KPU Kota Malang and Polresta Malang Kota; the Bawaslu's Sentra Gakkumdu MoU."""

    kpu = get("2023-08-29-kpu-kota-malang-polresta-malang-kota")
    gakkumdu = get("2024-08-xx-bawaslu-kota-malang-polresta-malang-kota")

    def test_kpu_signing_day_not_publication(self) -> None:
        """Tuesday 29 August 2023, not the 31 Aug or 1 Sep publication days."""
        date = self.kpu.signing.date
        assert (dt.date(2023, 8, 29), Weekday.TUESDAY) == (date.date, date.weekday)

    def test_aliases_make_one_party(self) -> None:
        """'Polresta Makota' and 'Polres Malang Kota' name the same unit."""
        institutions = pk.load().institutions
        ids = {institutions.lookup(name).id for name in ("Polresta Makota", "Polres Malang Kota")}
        assert {"polresta-malang-kota"} == ids

    def test_range_is_an_interval(self) -> None:
        """'15-16 Agustus 2024' is the two-day interval."""
        assert (dt.date(2024, 8, 15), dt.date(2024, 8, 16)) == bounds(self.gakkumdu)

    def test_deputy_signed_for_the_kapolresta(self) -> None:
        """'diwakili Wakapolresta AKBP Adhitya Panji Anom menandatangani': the deputy signed."""
        first = self.gakkumdu.signatories[0]
        assert ("Adhitya Panji Anom", PoliceRank.AKBP) == (first.name, first.rank)
        assert "Budi Hermanto" in (first.note or "")
        assert (ScopeItem.LAW_ENFORCEMENT,) == self.gakkumdu.scope


class TestSamarinda:
    """KPU Samarinda and Polresta Samarinda: a Wednesday bounded by ANTARA's numbering."""

    agreement = get("2023-xx-xx-kpu-samarinda-polresta-samarinda")

    def test_wednesday_interval(self) -> None:
        """Between the Kaltim (13 Mar) and Paser (27 Jul 2023) articles."""
        date = self.agreement.signing.date
        assert (dt.date(2023, 3, 14), dt.date(2023, 7, 26), Weekday.WEDNESDAY) == (
            date.earliest,
            date.latest,
            date.weekday,
        )

    def test_parties_and_tps(self) -> None:
        """The city KPU, its Polresta and 2,565 TPS."""
        assert ("kpu-64.72", "polresta-samarinda") == self.agreement.institutions
        assert 2565 == {f.key: f.value for f in self.agreement.figures}["tps"]


def test_every_new_unit_cites_the_report_that_names_it() -> None:
    """Each added institution cites a source."""
    institutions = pk.load().institutions
    added = [
        "polres-mesuji",
        "polrestabes-bandung",
        "kejari-kota-bandung",
        "polres-seruyan",
        "polres-barito-selatan",
        "polres-tanjung-jabung-barat",
        "polresta-malang-kota",
        "polresta-samarinda",
    ]
    assert [] == [i for i in added if not institutions.lookup(i).sources]
