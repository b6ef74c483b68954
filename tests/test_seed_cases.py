"""The seed cases: every fact the seed articles state is in the bundled dataset."""

from __future__ import annotations

import datetime as dt

import pytest

import pemilu_pks as pk
from pemilu_pks import Instrument, PoliceRank, ScopeItem, Weekday

NATIONAL = "2022-12-29-kpu-ri-polri"
KPU_KALSEL = "2023-09-25-kpu-kalsel-polda-kalsel"
BAWASLU_KALSEL = "2023-09-25-bawaslu-kalsel-polda-kalsel"
BANJARMASIN = "2023-10-18-kpu-banjarmasin-polresta-banjarmasin"
KAPUAS_HULU = "2023-xx-xx-kpu-kapuas-hulu-polres-kapuas-hulu"
KALTIM = "2023-03-13-kpu-kaltim-polda-kaltim"
TAPSEL = "2023-03-xx-kpu-tapsel-kpu-paluta-polres-tapsel"


def get(agreement_id: str) -> pk.Agreement:
    """The bundled agreement with this id."""
    return pk.load().agreements.lookup(agreement_id)


def signatory(agreement: pk.Agreement, party: str) -> pk.Signatory:
    """The one signatory for *party*."""
    (found,) = [s for s in agreement.signatories if s.party == party]
    return found


def notes(agreement: pk.Agreement) -> str:
    """All notes of an agreement as one text."""
    return "\n".join(agreement.notes)


class TestCounts:
    """The dataset as a whole."""

    def test_agreement_count(self) -> None:
        """The first release's 27 agreements (26 sourced signings and the Banjarmasin seed) remain."""
        assert 27 <= len(pk.load().agreements)

    def test_every_agreement_has_a_source_that_exists(self) -> None:
        """Every agreement cites at least one source, and every cited source is a record."""
        ds = pk.load()
        for agreement in ds.agreements:
            assert agreement.sources, agreement.id
            assert all(ds.sources.get(ref.source) is not None for ref in agreement.sources), (
                agreement.id
            )

    def test_every_seed_case_is_present(self) -> None:
        """The seven seed agreements are all there."""
        ids = set(pk.load().agreements.ids)
        assert {
            NATIONAL,
            KPU_KALSEL,
            BAWASLU_KALSEL,
            BANJARMASIN,
            KAPUAS_HULU,
            KALTIM,
            TAPSEL,
        } <= ids

    def test_people_count(self) -> None:
        """The first release's 51 people (signatories and seed witnesses) remain."""
        assert 51 <= len(pk.load().people)

    def test_every_named_signatory_is_a_person(self) -> None:
        """Every signatory with a name links to a person."""
        ds = pk.load()
        for agreement in ds.agreements:
            for s in agreement.signatories:
                if s.name is not None:
                    assert s.person is not None, (agreement.id, s.name)
                    assert ds.people.get(s.person) is not None, (agreement.id, s.name)


class TestNationalMoU:
    """KPU–Polri Nota Kesepahaman, 29 December 2022 (the parent)."""

    def test_numbers(self) -> None:
        """Each side's number: KPU 90/PR.07-NK/01/2022, Polri NK/50/XII/2022."""
        numbers = {p.institution: p.document_number for p in get(NATIONAL).parties}
        assert {"kpu-ri": "90/PR.07-NK/01/2022", "polri": "NK/50/XII/2022"} == numbers

    def test_date_and_place(self) -> None:
        """Thursday 29 Dec 2022 at the KPU RI office, Jakarta Pusat."""
        signing = get(NATIONAL).signing
        assert dt.date(2022, 12, 29) == signing.date.date
        assert Weekday.THURSDAY == signing.date.weekday
        assert "Kantor KPU RI, Jalan Imam Bonjol, Menteng" == signing.venue
        assert "31.71" == signing.place

    def test_signatories(self) -> None:
        """Ketua KPU RI Hasyim Asy'ari and Kapolri Jenderal Listyo Sigit Prabowo."""
        mou = get(NATIONAL)
        assert "Hasyim Asy'ari" == signatory(mou, "kpu-ri").name
        kapolri = signatory(mou, "polri")
        assert ("Listyo Sigit Prabowo", PoliceRank.JENDERAL) == (kapolri.name, kapolri.rank)
        assert Instrument.MOU == mou.instrument

    def test_it_is_the_parent(self) -> None:
        """The PKS that say they follow the national MoU name it as parent."""
        children = {a.id for a in pk.load().agreements if a.parent == NATIONAL}
        assert {
            KPU_KALSEL,
            "2023-05-15-kpu-sulteng-polda-sulteng",
            "2024-01-15-kpu-papua-barat-daya-polda-papua-barat",
            "2024-06-27-kpu-papua-tengah-polda-papua",
            "2024-08-08-kpu-sulsel-polda-sulsel",
            "2024-xx-xx-kpu-sulut-polda-sulut",
            "2023-08-22-kpu-sulbar-polda-sulbar",
            "2024-03-06-kpu-papua-barat-polda-papua-barat",
        } == children


class TestKalsel:
    """KPU and Bawaslu Kalimantan Selatan with Polda Kalsel: one ceremony, two documents (seed 000)."""

    @pytest.mark.parametrize("agreement_id", [KPU_KALSEL, BAWASLU_KALSEL])
    def test_date_and_place(self, agreement_id: str) -> None:
        """Monday 25 Sep 2023 in Banjarmasin."""
        signing = get(agreement_id).signing
        assert (dt.date(2023, 9, 25), Weekday.MONDAY) == (signing.date.date, signing.date.weekday)
        assert "Senin (25/09/2023)" == signing.date.text
        assert ("Banjarmasin", "63.71") == (signing.city, signing.place)

    def test_two_related_documents(self) -> None:
        """The two documents name each other as signed at the same ceremony."""
        assert (BAWASLU_KALSEL,) == get(KPU_KALSEL).related
        assert (KPU_KALSEL,) == get(BAWASLU_KALSEL).related

    def test_parties(self) -> None:
        """KPU Kalsel and Bawaslu Kalsel each with Polda Kalsel."""
        assert ("kpu-63", "polda-kalimantan-selatan") == get(KPU_KALSEL).institutions
        assert ("bawaslu-63", "polda-kalimantan-selatan") == get(BAWASLU_KALSEL).institutions

    def test_signatories(self) -> None:
        """Andi Tenri Sompa, Aries Mardiono, and Irjen Pol Andi Rian Djajadi for Polda."""
        assert "Andi Tenri Sompa" == signatory(get(KPU_KALSEL), "kpu-63").name
        assert "Aries Mardiono" == signatory(get(BAWASLU_KALSEL), "bawaslu-63").name
        for agreement_id in (KPU_KALSEL, BAWASLU_KALSEL):
            kapolda = signatory(get(agreement_id), "polda-kalimantan-selatan")
            assert ("Andi Rian Djajadi", "andi-rian-djajadi", PoliceRank.IRJEN, "Irjen Pol") == (
                kapolda.name,
                kapolda.person,
                kapolda.rank,
                kapolda.rank_as_written,
            )

    def test_scope(self) -> None:
        """Five scope items; facilities are not among them."""
        expected = (
            ScopeItem.DATA_EXCHANGE,
            ScopeItem.SECURITY_ASSISTANCE,
            ScopeItem.LAW_ENFORCEMENT,
            ScopeItem.TECHNICAL_REGULATION,
            ScopeItem.CAPACITY_BUILDING,
        )
        assert expected == get(KPU_KALSEL).scope == get(BAWASLU_KALSEL).scope

    def test_parent_as_stated(self) -> None:
        """The KPU PKS follows the national MoU, whose number the article states."""
        kpu = get(KPU_KALSEL)
        assert NATIONAL == kpu.parent
        assert kpu.parent_text is not None
        assert "90/PR.07-NK/01/2022" in kpu.parent_text
        assert get(BAWASLU_KALSEL).parent is None

    @pytest.mark.parametrize("agreement_id", [KPU_KALSEL, BAWASLU_KALSEL])
    def test_quality_notes(self, agreement_id: str) -> None:
        """The Kapolda's two spellings and the 'penegakkan' typo are noted."""
        text = notes(get(agreement_id))
        assert "Andi Rian Ryacudu Djajadi" in text
        assert "penegakkan" in text


class TestBanjarmasin:
    """KPU Kota Banjarmasin with Polresta Banjarmasin (seed 001)."""

    def test_date_venue_parties(self) -> None:
        """Wednesday 18 Oct 2023 at Aula Kayuh Baimbai, Balaikota Banjarmasin."""
        agreement = get(BANJARMASIN)
        assert (dt.date(2023, 10, 18), Weekday.WEDNESDAY) == (
            agreement.signing.date.date,
            agreement.signing.date.weekday,
        )
        assert "Aula Kayuh Baimbai, Balaikota Banjarmasin" == agreement.signing.venue
        assert "63.71" == agreement.signing.place
        assert ("kpu-63.71", "polresta-banjarmasin") == agreement.institutions

    def test_signatories(self) -> None:
        """Ketua KPU Rusnaillah and Kapolresta Kombes Pol Sabana Atmojo."""
        agreement = get(BANJARMASIN)
        assert "Rusnaillah" == signatory(agreement, "kpu-63.71").name
        kapolresta = signatory(agreement, "polresta-banjarmasin")
        assert ("Sabana Atmojo", PoliceRank.KOMBES, "Kombes Pol") == (
            kapolresta.name,
            kapolresta.rank,
            kapolresta.rank_as_written,
        )

    def test_source(self) -> None:
        """The source is the REPORTASE9.COM article, known without a URL."""
        agreement = get(BANJARMASIN)
        source = pk.load().sources.lookup(agreement.sources[0].source)
        assert "reportase9-2023-10-18-kpu-polresta-banjarmasin" == source.id
        assert (None, "REPORTASE9.COM") == (source.url, source.publisher)
        assert "Wujudkan Pemilu Damai, KPU dan Polresta Banjarmasin Jalin Sinergi" == source.title

    def test_election_year_error_noted(self) -> None:
        """The article's '14 Februari 2023' is a noted error."""
        assert "14 Februari 2023" in notes(get(BANJARMASIN))

    def test_attendees(self) -> None:
        """Forkopimda officials, Bawaslu, Camat, Kapolsek and party leaders attended."""
        witnesses = "\n".join(get(BANJARMASIN).witnesses)
        for who in ("Forkopimda", "Bawaslu", "Camat", "Kapolsek", "political parties"):
            assert who in witnesses


class TestKapuasHulu:
    """KPU Kapuas Hulu with Polres Kapuas Hulu (seed 002)."""

    def test_date_is_a_bounded_wednesday(self) -> None:
        """A Wednesday between 19 Oct and 31 Dec 2023, with the reasoning kept."""
        date = get(KAPUAS_HULU).signing.date
        assert (dt.date(2023, 10, 19), dt.date(2023, 12, 31), Weekday.WEDNESDAY) == (
            date.earliest,
            date.latest,
            date.weekday,
        )
        assert (dt.date(2023, 10, 25), dt.date(2023, 12, 27)) == (
            date.first_possible(),
            date.last_possible(),
        )
        assert date.reasoning is not None
        assert "19 Oct" in date.reasoning
        assert not date.is_exact

    def test_figure(self) -> None:
        """564 personnel deployed."""
        assert [("personnel_deployed", 564)] == [(f.key, f.value) for f in get(KAPUAS_HULU).figures]

    def test_signatories(self) -> None:
        """Ketua KPU M Yusuf and Kapolres AKBP Hendrawan."""
        agreement = get(KAPUAS_HULU)
        assert "M Yusuf" == signatory(agreement, "kpu-61.06").name
        kapolres = signatory(agreement, "polres-kapuas-hulu")
        assert ("Hendrawan", PoliceRank.AKBP) == (kapolres.name, kapolres.rank)
        assert "Putussibau" == agreement.signing.city

    def test_scope(self) -> None:
        """Five items; technical regulation is not among them."""
        assert ScopeItem.TECHNICAL_REGULATION not in get(KAPUAS_HULU).scope
        assert 5 == len(get(KAPUAS_HULU).scope)

    def test_repeated_paragraphs_noted(self) -> None:
        """The article's repeated paragraphs are a noted data-quality problem."""
        assert "Repeated paragraphs" in notes(get(KAPUAS_HULU))


class TestKaltim:
    """KPU Kaltim with Polda Kaltim and the parties' peace declaration (seed 003)."""

    def test_date_and_place(self) -> None:
        """Monday 13 Mar 2023 in Samarinda."""
        signing = get(KALTIM).signing
        assert (dt.date(2023, 3, 13), "Samarinda", "64.72") == (
            signing.date.date,
            signing.city,
            signing.place,
        )

    def test_signatories(self) -> None:
        """Ketua KPU Rudiansyah and Kapolda Irjen Imam Sugianto."""
        agreement = get(KALTIM)
        assert "Rudiansyah" == signatory(agreement, "kpu-64").name
        kapolda = signatory(agreement, "polda-kalimantan-timur")
        assert ("Imam Sugianto", PoliceRank.IRJEN) == (kapolda.name, kapolda.rank)

    def test_attendees(self) -> None:
        """The governor, the Pangdam VI/Mulawarman and the Ketua Bawaslu Kaltim attended."""
        witnesses = get(KALTIM).witnesses
        assert "Gubernur Kaltim Isran Noor" in witnesses
        assert "Panglima Kodam VI/Mulawarman Mayjen Tri Budi Utomo" in witnesses
        assert "Ketua Bawaslu Kaltim Heri Darmanto" in witnesses

    def test_peace_declaration(self) -> None:
        """The peace declaration by 18 parties followed the signing."""
        agreement = get(KALTIM)
        assert agreement.scope_text is not None
        assert "Deklarasi Pemilu Damai" in agreement.scope_text
        assert [("political_parties_declaring", 18)] == [
            (f.key, f.value) for f in agreement.figures
        ]

    def test_seed_source_cited(self) -> None:
        """The ANTARA Kaltim seed article is among the sources."""
        urls = {pk.load().sources.lookup(ref.source).url for ref in get(KALTIM).sources}
        assert any(url and "kaltim.antaranews.com/berita/181053" in url for url in urls)


class TestTapsel:
    """Polres Tapanuli Selatan with KPU Tapsel and KPU Paluta: one document, three parties (seed 004)."""

    def test_three_parties(self) -> None:
        """Polres Tapsel, KPU Tapanuli Selatan (12.03) and KPU Padang Lawas Utara (12.20)."""
        assert ("polres-tapanuli-selatan", "kpu-12.03", "kpu-12.20") == get(TAPSEL).institutions

    def test_venue(self) -> None:
        """Aula Pratidina at the Polres headquarters."""
        assert "Aula Pratidina, Mako Polres Tapanuli Selatan" == get(TAPSEL).signing.venue

    def test_signatories(self) -> None:
        """Each signatory with rank and academic titles as written."""
        agreement = get(TAPSEL)
        kapolres = signatory(agreement, "polres-tapanuli-selatan")
        assert ("Imam Zamroni", PoliceRank.AKBP, "SIK, MH") == (
            kapolres.name,
            kapolres.rank,
            kapolres.academic_titles,
        )
        tapsel = signatory(agreement, "kpu-12.03")
        assert ("Panataran Simanjuntak", "MHum") == (tapsel.name, tapsel.academic_titles)
        paluta = signatory(agreement, "kpu-12.20")
        assert ("Ongkusyah Harahap", "SE") == (paluta.name, paluta.academic_titles)

    def test_all_six_scope_items(self) -> None:
        """The Kapolres lists all six standard items."""
        assert tuple(ScopeItem) == get(TAPSEL).scope

    def test_date_bounded_by_photo(self) -> None:
        """Between the national MoU and the photo's file date, 18 Mar 2023."""
        date = get(TAPSEL).signing.date
        assert (dt.date(2022, 12, 29), dt.date(2023, 3, 18)) == (date.earliest, date.latest)

    def test_police_area_covers_paluta(self) -> None:
        """Polres Tapanuli Selatan's jurisdiction holds Padang Lawas Utara, as the agreement needs."""
        polres = pk.load().institutions.lookup("polres-tapanuli-selatan")
        assert "12.20" in {area.region for area in polres.jurisdiction}


class TestPeople:
    """The people registry."""

    def test_andi_rian_djajadi_two_posts(self) -> None:
        """Kapolda Kalsel on 25 Sep 2023, Kapolda Sulsel on 8 Aug 2024; both spellings kept."""
        person = pk.load().people.lookup("andi-rian-djajadi")
        assert "Andi Rian Ryacudu Djajadi" in person.name_variants
        posts = [(p.institution, p.valid_from, p.valid_to) for p in person.posts]
        assert [
            ("polda-kalimantan-selatan", dt.date(2023, 9, 25), dt.date(2023, 9, 25)),
            ("polda-sulawesi-selatan", dt.date(2024, 8, 8), dt.date(2024, 8, 8)),
        ] == posts
        sulsel = get("2024-08-08-kpu-sulsel-polda-sulsel")
        assert "andi-rian-djajadi" == signatory(sulsel, "polda-sulawesi-selatan").person

    def test_seed_witness_is_a_person(self) -> None:
        """Heri Darmanto is known as Ketua Bawaslu Kaltim on 13 Mar 2023."""
        (post,) = pk.load().people.lookup("heri-darmanto").posts
        assert ("bawaslu-64", dt.date(2023, 3, 13)) == (post.institution, post.valid_from)
