"""The extractor's stages one by one, and the kinds of failure seen on unseen news, each on a passage."""

from __future__ import annotations

import datetime as dt

import pytest

import pemilu_pks as pk
from pemilu_pks._extract._mentions import find_mentions
from pemilu_pks._extract._place import find_city, find_venue
from pemilu_pks._extract._registry import Registry, registry_for
from pemilu_pks._extract._scope import find_instrument, find_scope, parent_span
from pemilu_pks._extract._segment import Segments, Spans
from pemilu_pks._extract._signing_date import publication_day, signing_date


@pytest.fixture(scope="module")
def registry() -> Registry:
    """The exact indexes over the bundled registry."""
    ds = pk.load()
    return registry_for(ds.institutions, ds.regions)


def drafted(text: str, **kwargs: object) -> pk.Agreement:
    """The one draft agreement of *text*."""
    [draft] = pk.extract(text, **kwargs)  # type: ignore[arg-type]
    return draft.agreement


def days(agreement: pk.Agreement) -> tuple[dt.date | None, dt.date | None]:
    """The first and last possible signing day of a draft."""
    date = agreement.signing.date
    return date.first_possible(), date.last_possible()


class TestSegments:
    """Sentences, lines and what they speak about."""

    def test_sentences_and_signing(self) -> None:
        """A sentence with a signing verb tells the signing; the next one does not."""
        text = "KPU dan Polres menandatangani PKS. Cuaca cerah. Kapolres Kombes Pol. Budi hadir."
        segments = Segments(text)

        assert 3 == len(segments.sentences)
        assert (True, False) == (segments.tells_signing(5), segments.tells_signing(36))

    @pytest.mark.parametrize(
        ("line", "headline"),
        [
            ("Polres dan KPU Teken MoU Pengamanan Pemilu Damai 2024", True),
            ("Hal tersebut disampaikan Kapolres Kota Baru Kombes Pol Budi Santoso", False),
        ],
    )
    def test_headline_or_sentence(self, line: str, headline: bool) -> None:
        """A title-case line is a headline; lower-case words beyond a title's small words make a sentence."""
        segments = Segments(f"{line}\n\nKPU dan Polres menandatangani PKS, Senin.")

        assert headline == segments.in_headline(0)

    def test_attendance_and_handover(self) -> None:
        """Words after 'dihadiri' or 'menyerahkan salinan' are marked as such."""
        text = "PKS diteken, dihadiri Bupati Banjar. Ketua menyerahkan salinan kepada Polda Y."
        segments = Segments(text)

        assert segments.in_attendance(text.index("Bupati"))
        assert segments.in_handover(text.index("Polda Y"))
        assert not segments.in_attendance(text.index("Ketua"))

    def test_page_furniture(self) -> None:
        """A publication line and a clock line are page furniture, a body sentence is not."""
        text = "Senin, 25 September 2023 10:15 WIB\nKPU menandatangani PKS dengan Polres hari ini."
        segments = Segments(text)

        assert segments.is_page_furniture(0)
        assert not segments.is_page_furniture(text.index("KPU"))

    def test_spans(self) -> None:
        """Offsets inside any of several overlapping spans are found by binary search."""
        spans = Spans([(10, 20), (15, 30), (50, 60)])

        assert [False, True, True, False, True] == [at in spans for at in (9, 10, 29, 30, 55)]


class TestRegistry:
    """Exact indexes: names, aliases and region names, no fuzzy search."""

    def test_abbreviation_and_case(self, registry: Registry) -> None:
        """'Kalsel' and 'KALIMANTAN SELATAN' name the province."""
        assert ("63", False) == registry.region("Kalsel")
        assert ("63", False) == registry.region("KALIMANTAN SELATAN")

    def test_shared_name_is_ambiguous_without_level(self, registry: Registry) -> None:
        """'Malang' is a regency and a city: ambiguous unless a level is given."""
        assert (None, True) == registry.region("Malang")
        assert ("35.73", False) == registry.region("Malang", "city")

    def test_a_miss_is_a_miss(self, registry: Registry) -> None:
        """A near miss is not resolved (suggestions belong to lookup, not to extraction)."""
        assert (None, False) == registry.region("Kalimantan Selatn")


class TestMentions:
    """Institution names and post titles."""

    def test_long_form_with_level(self, registry: Registry) -> None:
        """'Komisi Pemilihan Umum (KPU) Kota Banjarmasin' is KPU Kota Banjarmasin."""
        [mention] = find_mentions("Komisi Pemilihan Umum (KPU) Kota Banjarmasin hadir.", registry)

        assert "kpu-63.71" == mention.institution

    def test_upper_case_head_and_lower_case_direction(self, registry: Registry) -> None:
        """'BAWASLU kabupaten Tanjung Jabung barat' resolves despite its case."""
        [mention] = find_mentions("BAWASLU kabupaten Tanjung Jabung barat", registry)

        assert "bawaslu-15.06" == mention.institution

    def test_propinsi(self, registry: Registry) -> None:
        """The old spelling 'Propinsi' is the province level word."""
        [mention] = find_mentions("KPU Propinsi Jambi menandatangani PKS", registry)

        assert "kpu-15" == mention.institution

    def test_name_stops_at_the_line(self, registry: Registry) -> None:
        """A unit's name never runs into the next line (a headline into the body)."""
        mentions = find_mentions("Polres Tapanuli Selatan\nKepolisian tetap siaga", registry)

        assert "Polres Tapanuli Selatan" == mentions[0].surface


class TestSigningDate:
    """The date tied to the signing, as an interval inside the window."""

    @staticmethod
    def date(text: str, published: dt.date | None = None) -> pk.UncertainDate:
        """The signing date of *text*."""
        return signing_date(Segments(text), year=None, published=published, excluded=[]).date

    def test_not_the_publication_line(self) -> None:
        """The page's publication line is not the signing date."""
        text = (
            "Rabu, 20 September 2023 08:00 WIB\n"
            "KPU Kota Banjarmasin menandatangani perjanjian kerja sama, Senin (18/09/2023)."
        )

        assert dt.date(2023, 9, 18) == self.date(text).date

    def test_not_another_events_date(self) -> None:
        """'saat dikonfirmasi, Senin (25/12/2023)' is the interview, not the signing."""
        text = (
            "KPU dan Polres menandatangani perjanjian kerja sama pekan lalu. "
            "Hal itu disampaikan Ketua KPU saat dikonfirmasi, Senin (25/12/2023)."
        )

        assert self.date(text).date is None

    def test_the_signing_sentence_wins(self) -> None:
        """A date in the sentence telling the signing beats an earlier date elsewhere."""
        text = (
            "Tahapan kampanye dimulai Selasa (28/11/2023). "
            "KPU dan Polres menandatangani perjanjian kerja sama, Rabu (15/11/2023)."
        )

        assert dt.date(2023, 11, 15) == self.date(text).date

    def test_weekday_alone_bounded_by_publication(self) -> None:
        """'pada Sabtu menandatangani', published Monday 2023-09-25: Saturday 2023-09-23."""
        text = "KPU Papua dan Polda Papua pada Sabtu menandatangani perjanjian kerja sama."
        date = self.date(text, published=dt.date(2023, 9, 25))

        assert (dt.date(2023, 9, 23), dt.date(2023, 9, 23)) == (
            date.first_possible(),
            date.last_possible(),
        )

    def test_range_is_an_interval(self) -> None:
        """'15-16 Agustus 2024' is the interval of those two days."""
        text = "Penandatanganan perjanjian kerja sama berlangsung 15-16 Agustus 2024 di Jambi."
        date = self.date(text)

        assert (dt.date(2024, 8, 15), dt.date(2024, 8, 16)) == (date.earliest, date.latest)

    @pytest.mark.parametrize(
        "written", ["Senin (6/6/2022)", "Senin (6/1/2025)", "Rabu, 14 Februari 2024"]
    )
    def test_never_outside_the_window(self, written: str) -> None:
        """A date before the election stages, after 2024 or on election day is never drafted."""
        low, high = (dt.date(2022, 6, 14), dt.date(2024, 12, 31))
        date = self.date(f"KPU dan Polres menandatangani perjanjian kerja sama, {written}.")

        assert low <= date.earliest
        assert date.latest <= high
        assert date.date is None

    def test_weekday_fixes_the_year(self) -> None:
        """'Rabu (15/11)' without a year: 15 November is a Wednesday only in 2023."""
        text = "Bawaslu dan Polresta menandatangani perjanjian kerja sama, Rabu (15/11)."

        assert dt.date(2023, 11, 15) == self.date(text).date

    def test_publication_day(self) -> None:
        """The publication line near the top gives the publication day."""
        segments = Segments("Judul\nKamis, 12 Oktober 2023 | 14:05 WIB\nIsi berita yang panjang.")
        found = publication_day(segments)

        assert found is not None
        assert dt.date(2023, 10, 12) == found[0]


class TestPlace:
    """Venue and city."""

    def test_lower_case_venue_word(self, registry: Registry) -> None:
        """'di hotel Salimar' is a venue, written with its capital."""
        text = "KPU dan Polres menandatangani perjanjian kerja sama di hotel Salimar, Jumat."
        venue = find_venue(Segments(text), [], [])

        assert venue is not None
        assert "Hotel Salimar" == venue.name

    @pytest.mark.parametrize(
        ("text", "city"),
        [
            (
                "KalbarOnline, Pontianak – KPU dan Polda Kalbar menandatangani PKS hari ini.",
                "Pontianak",
            ),
            (
                "MANOKWARI, kabarnusantara.co – KPU dan Polda menandatangani PKS hari ini.",
                "Manokwari",
            ),
            (
                "BANUATODAY.COM, BANJARMASIN - KPU dan Polda menandatangani PKS hari ini.",
                "Banjarmasin",
            ),
            ("PALU, Guna mendukung pemilu, KPU dan Polda menandatangani PKS hari ini.", "Palu"),
            ("MANADO–Setiap tahapan pemilu diamankan, KPU dan Polda menandatangani PKS.", "Manado"),
            (
                "Kamis, 20 April 2023 | April 20, 2023 WIB Last Updated 2023-06-22\n"
                "Barsel - Polres dan KPU setempat melaksanakan penandatanganan MOU hari ini.",
                "Barsel",
            ),
            (
                "WARTA SULAWESI -- Polres dan KPU Manado melakukan penandatanganan PKS hari ini.\n"
                "Manado - Kegiatan itu dihadiri oleh para pejabat utama Polres setempat.",
                "Manado",
            ),
        ],
    )
    def test_datelines(self, registry: Registry, text: str, city: str) -> None:
        """The dateline's place, never the publisher's name nor a publication line's weekday.

        A dateline in capitals may close with a comma ("PALU,") or a dash without a space.
        """
        place = find_city(Segments(f"Judul Berita\n{text}"), registry)

        assert place is not None
        assert city == place.name

    def test_place_list_before_the_weekday(self, registry: Registry) -> None:
        """'di Kantor KPU, Tanah Grogot, Kamis': the town after the venue."""
        text = "KPU dan Polres menandatangani PKS di Kantor KPU, Tanah Grogot, Kamis (27/7)."
        place = find_city(Segments(text), registry)

        assert place is not None
        assert "Tanah Grogot" == place.name


class TestParties:
    """Which institutions sign, and at which level."""

    def test_setempat_takes_the_most_local_unit(self) -> None:
        """'Polres Barito Selatan (Barsel), Polda Kalteng … dengan KPU setempat': a regency PKS."""
        text = (
            "Polres Barito Selatan (Barsel), Polda Kalteng menandatangani perjanjian kerja sama "
            "dengan KPU setempat, Kamis (20/04/2023)."
        )

        assert ("kpu-62.04", "polres-barito-selatan") == tuple(sorted(drafted(text).institutions))

    def test_attendees_and_handovers_are_not_parties(self) -> None:
        """A Bawaslu that attends and a Polda that receives a copy do not sign."""
        text = (
            "KPU Kota Banjarmasin dan Polresta Banjarmasin menandatangani perjanjian kerja sama, "
            "dihadiri Bawaslu Kota Banjarmasin. Ketua KPU menyerahkan salinan PKS kepada Polda "
            "Kalsel, Rabu (18/10/2023)."
        )

        assert ("kpu-63.71", "polresta-banjarmasin") == drafted(text).institutions

    def test_represented_by(self) -> None:
        """'Kapolres X diwakili Wakapolres Kompol Y menandatangani': Y signed for Polres X."""
        text = (
            "KPU Kabupaten Tapanuli Selatan dan Polres Tapanuli Selatan menandatangani perjanjian "
            "kerja sama. Kapolres Tapanuli Selatan diwakili Wakapolres Kompol Budi Santoso "
            "menandatangani naskah itu, Senin (25/09/2023)."
        )
        [police] = [s for s in drafted(text).signatories if s.party == "polres-tapanuli-selatan"]

        assert ("Budi Santoso", pk.PoliceRank.KOMPOL, "Wakapolres") == (
            police.name,
            police.rank,
            police.post,
        )

    def test_short_alias_of_a_registered_unit_is_the_same_party(self) -> None:
        """An unregistered one-word name beside a registered unit of its kind is that unit."""
        text = (
            "KPU Kota Banjarmasin dan Polresta Banjarmasin menandatangani perjanjian kerja sama. "
            "Polresta Banjarkota siap mengamankan, kata Kapolresta, Rabu (18/10/2023)."
        )

        assert ("kpu-63.71", "polresta-banjarmasin") == drafted(text).institutions

    def test_headline_words_are_not_a_units_name(self) -> None:
        """A headline's capitalised words never extend a unit's name or make a party."""
        text = (
            "Polres Tapsel Teken Kerja Sama Pengamanan Pemilu\n"
            "KPU Kabupaten Tapanuli Selatan dan Polres Tapanuli Selatan menandatangani "
            "perjanjian kerja sama, Senin (25/09/2023)."
        )

        assert ("kpu-12.03", "polres-tapanuli-selatan") == tuple(sorted(drafted(text).institutions))


class TestScopeAndInstrument:
    """What was signed."""

    @pytest.mark.parametrize(
        ("phrase", "item"),
        [
            ("bantuan pengaman", pk.ScopeItem.SECURITY_ASSISTANCE),
            ("tukar menukar data", pk.ScopeItem.DATA_EXCHANGE),
            ("dukungan sarana dan prasarana", pk.ScopeItem.FACILITIES),
            ("Selanjutnya sarana dan prasarana", pk.ScopeItem.FACILITIES),
            ("pertukaran dan permanfaatan informasi", pk.ScopeItem.DATA_EXCHANGE),
            ("Polda siap mendukung pengamanan", pk.ScopeItem.SECURITY_ASSISTANCE),
            ("melakukan pengawalan dan pengamanan", pk.ScopeItem.SECURITY_ASSISTANCE),
            ("memberikan Pengamanan dan Pengawalan", pk.ScopeItem.SECURITY_ASSISTANCE),
            ("bertugas melaksanakan pengamanan", pk.ScopeItem.SECURITY_ASSISTANCE),
        ],
    )
    def test_scope_variants(self, phrase: str, item: pk.ScopeItem) -> None:
        """Variant wordings name the standard items."""
        text = f"Perjanjian kerja sama itu meliputi {phrase} selama pemilu."

        assert [item] == [found for found, _ in find_scope(Segments(text))]

    def test_security_only_as_the_purpose(self) -> None:
        """'pengamanan' counts when it is what the agreement is for, not when said in passing."""
        tied = "KPU dan Polres menandatangani perjanjian kerja sama untuk pengamanan Pemilu 2024."
        loose = (
            "KPU dan Polres menandatangani perjanjian kerja sama. Polisi siap, kata Kapolres, "
            + ("dan pengamanan berjalan.")
        )

        assert [pk.ScopeItem.SECURITY_ASSISTANCE] == [i for i, _ in find_scope(Segments(tied))]
        assert [] == find_scope(Segments(loose))

    def test_instrument_is_the_signed_document(self) -> None:
        """A PKS that implements an MoU is a PKS: the MoU is named as the parent."""
        text = (
            "KPU Kota Banjarmasin dan Polresta Banjarmasin menandatangani perjanjian kerja sama. "
            "Kerja sama ini tindak lanjut dari MoU antara KPU RI dan Polri."
        )
        segments = Segments(text)
        instrument, term, _ = find_instrument(segments, parent_span(segments))

        assert (pk.Instrument.PKS, "Perjanjian Kerja Sama") == (instrument, term)

    def test_headline_mou_body_pks(self) -> None:
        """The body's signing sentence decides over a headline's loose 'MoU'."""
        text = (
            "Polda Dan KPU Teken MoU Pemilu Damai\n"
            "KPU dan Polda melakukan penandatanganan perjanjian kerja sama, Senin."
        )
        instrument, _, _ = find_instrument(Segments(text), None)

        assert pk.Instrument.PKS == instrument


class TestArguments:
    """Wrong-typed arguments are PemiluPksError, never an escape."""

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"published": "1 Januari 2023"},
            {"published": 20230101},
            {"source": 123},
            {"source": "https://example.org/\ud800"},
            {"source": ""},
            {"year": True},
            {"dataset": "bundled"},
        ],
    )
    def test_wrong_argument(self, kwargs: dict[str, object]) -> None:
        """Each wrong argument is a DataError that names the argument."""
        with pytest.raises(pk.PemiluPksError, match=next(iter(kwargs))):
            pk.extract("KPU dan Polres menandatangani PKS.", **kwargs)  # type: ignore[arg-type]

    def test_published_as_iso_text(self) -> None:
        """'YYYY-MM-DD' is the publication day, as filter() and covering() read days."""
        text = "KPU Kalsel dan Polda Kalsel menandatangani PKS pada Senin."
        as_date = pk.extract(text, published=dt.date(2023, 9, 27))
        as_text = pk.extract(text, published="2023-09-27")

        assert as_date == as_text

    def test_unknown_keyword_is_a_type_error(self) -> None:
        """A keyword extract() does not have is a TypeError, as Python does."""
        with pytest.raises(TypeError):
            pk.extract("teks", publisher="x")  # type: ignore[call-arg]


class TestNormalisation:
    """Text copied from web pages: invisible characters and full-width letters."""

    def test_zero_width_and_full_width(self) -> None:
        """A zero-width space inside a name and full-width letters do not hide the parties."""
        text = (
            "ＫＰＵ Kota Banjar\u200bmasin dan Polresta Banjarmasin menandatangani perjanjian "
            "kerja sama, Rabu (18/10/2023)."
        )
        [draft] = pk.extract(text)
        [evidence] = draft.evidence_for("parties[0]")

        assert ("kpu-63.71", "polresta-banjarmasin") == draft.agreement.institutions
        assert text[evidence.start : evidence.end] == evidence.text
        assert evidence.text.startswith("ＫＰＵ")


class TestBareBodies:
    """An election body named by its head alone, beside the police unit it signs with."""

    def test_bare_body_takes_the_units_region(self) -> None:
        """'Polres Tapanuli Selatan bersama Bawaslu menandatangani': Bawaslu Tapanuli Selatan."""
        text = (
            "Polres Tapanuli Selatan bersama Bawaslu menandatangani perjanjian kerja sama, "
            "Senin (13/11/2023)."
        )

        assert ("bawaslu-12.03", "polres-tapanuli-selatan") == tuple(
            sorted(drafted(text).institutions)
        )

    def test_bare_body_beside_polri_is_national(self) -> None:
        """'KPU bersama Polri menandatangani MoU': KPU RI with Polri."""
        text = "Komisi Pemilihan Umum (KPU) bersama Polri menandatangani MoU, Kamis (29/12/2022)."

        assert ("kpu-ri", "polri") == drafted(text).institutions

    def test_named_body_wins_over_the_shortcut(self) -> None:
        """A body named in full elsewhere is the party; a bare 'KPU' adds no second one."""
        text = (
            "KPU Provinsi Papua Barat Daya dan Polda Papua Barat menandatangani perjanjian kerja "
            "sama. Kapolda Papua Barat menyebut KPU siap, Senin (15/01/2024)."
        )

        assert ("kpu-96", "polda-papua-barat") == drafted(text).institutions


class TestVenue:
    """The venue's words."""

    @pytest.mark.parametrize(
        ("text", "venue"),
        [
            ("PKS diteken di Aula Rupatama, Polda Sulteng, Senin.", "Aula Rupatama Polda Sulteng"),
            ("PKS diteken di ruang rapat Hotel Rylich, Kota Sorong.", "Ruang rapat, Hotel Rylich"),
            ("PKS diteken di Gedung KPU, Kapolda Irjen Pol Budi hadir.", "Gedung KPU"),
            (
                "MoU diteken di aula polres Sungai Hulu barat, Jumat.",
                "Aula polres Sungai Hulu Barat",
            ),
            ("PKS diteken di Mutiara Convention Center.", "Mutiara Convention Center"),
            ("PKS diteken di Grand Melati Hotel, Senin.", "Grand Melati Hotel"),
            (
                "PKS diteken di Aula KPU Provinsi, Jalan Merdeka Raya, Kota Baru, Senin.",
                "Aula KPU Provinsi, Jalan Merdeka Raya",
            ),
            (
                "MoU diteken di Aula Kantor KPU Desa Suka, Kecamatan Tanjung Maju, Mesa, Senin.",
                "Aula Kantor KPU Desa Suka, Kecamatan Tanjung Maju",
            ),
            (
                "PKS diteken di Hotel Melati, Jl. Ahmad Yani No. 5, Kota Baru.",
                "Hotel Melati, Jl. Ahmad Yani No. 5",
            ),
        ],
    )
    def test_venue_words(self, registry: Registry, text: str, venue: str) -> None:
        """An owner or an address part after a comma joins the venue; a post title does not.

        A capitalised name ending in a venue tail ("Convention Center", "Hotel")
        is a venue; a lower-case direction word after a capitalised name is part of it.
        """
        place = find_venue(Segments(text), [], [])

        assert place is not None
        assert venue == place.name


class TestWindow:
    """The window a drafted date stays in, by the kind of agreement."""

    def test_bawaslu_before_the_kpu_mou(self) -> None:
        """A Bawaslu agreement may precede the national KPU–Polri MoU of 29 December 2022."""
        text = "Bawaslu DIY dan Polda DIY menandatangani perjanjian kerja sama, Rabu (30/11/2022)."

        assert dt.date(2022, 11, 30) == drafted(text).signing.date.date

    def test_kpu_not_before_the_mou(self) -> None:
        """A KPU agreement's bounds start at the national MoU it implements."""
        text = "KPU DIY dan Polda DIY menandatangani perjanjian kerja sama, Rabu."

        assert dt.date(2022, 12, 29) == drafted(text).signing.date.earliest


class TestLocalVenue:
    """A venue named by "setempat" (local)."""

    def test_mapolda_setempat(self) -> None:
        """'di Aula Arya Dharma Mapolda setempat' is the party Polda, by the name the text gives."""
        text = (
            "KPU Kalteng dan Polda Kalteng menandatangani perjanjian kerja sama di Aula Arya "
            "Dharma Mapolda setempat, Selasa (12/12/2023)."
        )

        assert "Aula Arya Dharma, Mapolda Kalteng" == drafted(text).signing.venue


class TestRegistryLock:
    """The index cache's lock after a fork."""

    def test_child_gets_a_free_lock(self) -> None:
        """A lock held at fork time is replaced in the child, so building never deadlocks."""
        from pemilu_pks._extract import _registry

        held = _registry._LOCK
        with held:
            _registry._reset_lock()  # what os.register_at_fork runs in the child
            assert _registry._LOCK.acquire(blocking=False)
            _registry._LOCK.release()
        assert held is not _registry._LOCK


class TestSignatoryNames:
    """The name after a post title, with or without rank."""

    def signers(self, text: str) -> list[tuple[str, str | None, str | None]]:
        """(party, name, rank) of each signatory drafted from *text*."""
        return [
            (s.party, s.name, s.rank.value if s.rank else None) for s in drafted(text).signatories
        ]

    def test_words_before_a_rank_belong_to_the_post(self) -> None:
        """'Kapolres Barsel Barsel AKBP Yusfandi Usman': the name follows the rank."""
        text = (
            "Polres Barito Selatan dan KPU Barito Selatan menandatangani MoU, Rabu (19/4/2023). "
            "Hadir Kapolres Barsel Barsel AKBP Yusfandi Usman, S.I.K., M.I.K. bersama Ketua KPU "
            "Bahruddin."
        )

        assert [
            ("polres-barito-selatan", "Yusfandi Usman", "akbp"),
            ("kpu-62.04", "Bahruddin", None),
        ] == self.signers(text)

    def test_name_after_a_bare_body_post(self) -> None:
        """'Ketua Bawaslu Amin Yasir': no region follows the post, so the words are the person."""
        text = (
            "Bawaslu Kebumen dan Polres Kebumen menandatangani PKS, Senin (13/11/2023). "
            "Ketua Bawaslu Amin Yasir mengatakan pemilu harus aman."
        )

        assert [("bawaslu-33.05", "Amin Yasir", None)] == self.signers(text)

    def test_rank_spelled_out(self) -> None:
        """'Inspektur Jendral Rusdi Hartono': a rank in words (and misspelt) is a rank, not a name."""
        text = (
            "Bawaslu Provinsi Jambi dan Polda Jambi menandatangani PKS, Kamis (11/5/2023). "
            "Kapolda Jambi Inspektur Jendral Rusdi Hartono menegaskan itu."
        )

        assert [("polda-jambi", "Rusdi Hartono", "irjen")] == self.signers(text)
