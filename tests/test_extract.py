"""Draft agreements from news text: the five seed articles, the rules one by one, bad input."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import pytest

import pemilu_pks as pk
from pemilu_pks._extract import DRAFT_SOURCE, draft_facts

HERE = Path(__file__).parent / "extract"
SEEDS = sorted((HERE / "seeds").glob("*.txt"))
COMPARED = ("parties", "date", "venue", "city", "signatories", "ranks", "scope", "figures")


def seed(name: str) -> str:
    """The text of the seed article whose file name starts with *name*."""
    [path] = [p for p in SEEDS if p.name.startswith(name)]
    return path.read_text(encoding="utf-8")


def facts(agreement: pk.Agreement, fields: tuple[str, ...] = COMPARED) -> dict[str, set[str]]:
    """The agreement's comparable facts, by field."""
    by_field: dict[str, set[str]] = defaultdict(set)
    for field, value in draft_facts(agreement):
        if field in fields:
            by_field[field].add(value)
    return dict(by_field)


def _read_expected(path: Path) -> list[pk.Agreement]:
    """The hand-written expected drafts for a seed article (dataset format)."""
    data = json.loads((HERE / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
    return [pk.from_json(json.dumps(record), pk.Agreement) for record in data["agreements"]]


def by_parties(agreements: list[pk.Agreement]) -> dict[frozenset[str], pk.Agreement]:
    """Agreements keyed by their set of parties."""
    return {frozenset(a.institutions): a for a in agreements}


class TestSeedArticles:
    """The five seed articles extract to their hand-written expected drafts."""

    def test_there_are_five_seeds_with_expected_drafts(self) -> None:
        """Every seed article has an expected-drafts file."""
        assert 5 == len(SEEDS)
        assert {p.stem for p in SEEDS} == {p.stem for p in (HERE / "expected").glob("*.json")}

    @pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
    def test_drafts_match_expected(self, path: Path) -> None:
        """Parties, date, venue, city, signatories, ranks, scope and figures match, per document."""
        expected = by_parties(_read_expected(path))
        actual = by_parties([d.agreement for d in pk.extract(path.read_text(encoding="utf-8"))])

        assert set(expected) == set(actual)
        for parties, agreement in expected.items():
            assert facts(agreement) == facts(actual[parties])

    @pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
    def test_evidence_spans_are_the_text(self, path: Path) -> None:
        """Every evidence span is exactly the text at its offsets, with a confidence in (0, 1]."""
        text = path.read_text(encoding="utf-8")
        for draft in pk.extract(text):
            assert draft.evidence
            for evidence in draft.evidence:
                assert text[evidence.start : evidence.end] == evidence.text
                assert 0 < evidence.confidence <= 1

    @pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
    def test_drafts_round_trip_as_dataset_json(self, path: Path) -> None:
        """A draft agreement is valid model data: its JSON reads back equal."""
        for draft in pk.extract(path.read_text(encoding="utf-8")):
            assert draft.agreement == pk.from_json(pk.to_json(draft.agreement), pk.Agreement)
            assert draft.notes == draft.agreement.notes

    def test_one_ceremony_two_documents(self) -> None:
        """Seed 000: KPU–Polda and Bawaslu–Polda are two drafts that name each other as related."""
        kpu, bawaslu = sorted(pk.extract(seed("000")), key=lambda d: d.agreement.id, reverse=True)

        assert {"kpu-63", "polda-kalimantan-selatan"} == set(kpu.agreement.institutions)
        assert {"bawaslu-63", "polda-kalimantan-selatan"} == set(bawaslu.agreement.institutions)
        assert (bawaslu.agreement.id,) == kpu.agreement.related
        assert (kpu.agreement.id,) == bawaslu.agreement.related

    def test_parent_mou_goes_to_the_kpu_document_only(self) -> None:
        """Seed 000 cites the KPU–Polri MoU by number: the KPU draft has it, the Bawaslu draft not."""
        drafts = [d.agreement for d in pk.extract(seed("000"))]
        kpu = next(a for a in drafts if "kpu-63" in a.institutions)
        bawaslu = next(a for a in drafts if "bawaslu-63" in a.institutions)

        assert (
            "90/PR.07-NK/01/2022" in (kpu.parent_text or "")
            or kpu.parent == "2022-12-29-kpu-ri-polri"
        )
        assert (None, None) == (bawaslu.parent, bawaslu.parent_text)

    def test_one_document_three_parties(self) -> None:
        """Seed 004: one Polres with the KPU of two regencies is one draft with three parties."""
        [draft] = pk.extract(seed("004"))

        assert {"polres-tapanuli-selatan", "kpu-12.03", "kpu-12.20"} == set(
            draft.agreement.institutions
        )
        assert 3 == len(draft.agreement.signatories)

    def test_academic_titles_and_ranks(self) -> None:
        """Seed 004: rank and academic titles are read apart from the name."""
        [draft] = pk.extract(seed("004"))
        kapolres = next(
            s for s in draft.agreement.signatories if s.party == "polres-tapanuli-selatan"
        )

        assert ("Imam Zamroni", pk.PoliceRank.AKBP, "AKBP", "SIK, MH") == (
            kapolres.name,
            kapolres.rank,
            kapolres.rank_as_written,
            kapolres.academic_titles,
        )

    def test_weekday_only_bounded_by_year_and_stated_start(self) -> None:
        """Seed 002: 'Rabu', the article's year 2023 and 'sudah dimulai 19 Oktober 2023' bound the date."""
        [draft] = pk.extract(seed("002"))
        date = draft.agreement.signing.date

        assert (dt.date(2023, 10, 19), dt.date(2023, 12, 31), pk.Weekday.WEDNESDAY) == (
            date.earliest,
            date.latest,
            date.weekday,
        )
        assert [e.text for e in draft.evidence_for("signing.date.earliest")] == [
            "sudah dimulai 19 Oktober 2023"
        ]

    def test_data_quality_notes(self) -> None:
        """Seed 001's election year 2023 and seed 002's repeated paragraphs become notes."""
        [banjarmasin] = pk.extract(seed("001"))
        [kapuas_hulu] = pk.extract(seed("002"))

        assert any("14 Februari 2023" in note for note in banjarmasin.notes)
        assert any("more than once" in note for note in kapuas_hulu.notes)

    def test_figures(self) -> None:
        """Seed 002 states 564 personnel."""
        [draft] = pk.extract(seed("002"))

        assert (
            pk.Figure(key="personnel_deployed", value=564, text="564 personil"),
        ) == draft.agreement.figures


def drafts_with_records(path: Path) -> list[tuple[pk.Draft, pk.Agreement]]:
    """Each draft of a seed article with the curated record of the same parties (which must exist)."""
    curated = by_parties(list(pk.load().agreements))
    pairs = []
    for draft in pk.extract(path.read_text(encoding="utf-8")):
        record = curated.get(frozenset(draft.agreement.institutions))
        assert record is not None, (
            f"no curated record with parties {sorted(draft.agreement.institutions)}"
        )
        pairs.append((draft, record))
    assert pairs, f"{path.name} gave no draft"
    return pairs


class TestAgainstCuratedRecords:
    """The drafts agree with the curated dataset records on what the text supports."""

    @pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
    def test_parties_signatories_and_ranks(self, path: Path) -> None:
        """Each draft's parties, signatories and ranks equal the curated record with the same parties."""
        for draft, record in drafts_with_records(path):
            fields = ("parties", "signatories", "ranks")
            assert facts(record, fields) == facts(draft.agreement, fields)

    @pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
    def test_curated_date_is_possible_in_the_draft(self, path: Path) -> None:
        """Every day the curated record allows is a day the draft allows (equal where the text says it all)."""
        for draft, record in drafts_with_records(path):
            record_days = set(record.signing.date.possible_days())
            draft_days = set(draft.agreement.signing.date.possible_days())
            assert record_days <= draft_days
            if not path.name.startswith("003"):  # 003: the exact day comes from other reports
                assert record_days == draft_days

    @pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
    def test_venue_and_city(self, path: Path) -> None:
        """Venue and city equal the curated record's (003's venue comes from other reports)."""
        for draft, record in drafts_with_records(path):
            fields = ("city",) if path.name.startswith("003") else ("venue", "city")
            assert facts(record, fields) == facts(draft.agreement, fields)


class TestNotAnAgreement:
    """Text that is not about an election-body–police agreement yields no draft and no error."""

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "Harga cabai di Pasar Lama Banjarmasin naik lagi, Senin (25/09/2023).",
            "KPU Kota Banjarmasin menggelar rapat pleno rekapitulasi, Rabu (18/10/23).",
            "Polresta Banjarmasin menjalin kerja sama dengan Dinas Perhubungan.",
            "\x00\ufffd" * 50,
        ],
    )
    def test_no_draft(self, text: str) -> None:
        """No election body and police unit in an agreement: an empty list."""
        assert [] == pk.extract(text)


class TestBadInput:
    """Input that is not text is refused with a clear error."""

    @pytest.mark.parametrize("value", [b"KPU Kalsel", None, 42, ["KPU"]])
    def test_not_a_string(self, value: object) -> None:
        """A non-str is a DataError that names the type."""
        with pytest.raises(pk.DataError, match=type(value).__name__):
            pk.extract(value)  # type: ignore[arg-type]

    def test_bytes_hint_to_decode(self) -> None:
        """Bytes get a hint to decode them."""
        with pytest.raises(pk.DataError, match="decode"):
            pk.extract(b"KPU")  # type: ignore[arg-type]

    def test_too_long(self) -> None:
        """A text over the limit is an InputLimitError."""
        from pemilu_pks._extract import MAX_TEXT_CHARS

        with pytest.raises(pk.InputLimitError):
            pk.extract("a" * (MAX_TEXT_CHARS + 1))

    def test_bad_year(self) -> None:
        """A year that is not a plausible year is a DataError."""
        with pytest.raises(pk.DataError, match="year"):
            pk.extract("KPU", year=23)


BANJARMASIN = (
    "Komisi Pemilihan Umum (KPU) Kota Banjarmasin dan Polresta Banjarmasin menandatangani "
    "perjanjian kerja sama di Banjarmasin, {date}. Ketua KPU Kota Banjarmasin, Hj Rusnaillah "
    "dan Kapolresta Banjarmasin, Kombes Pol Sabana Atmojo hadir."
)


class TestRules:
    """The rules one by one, on small texts."""

    def test_weekday_contradicting_date_is_a_note(self) -> None:
        """'Selasa (18/10/23)' (a Wednesday): the date is taken, the contradiction noted."""
        [draft] = pk.extract(BANJARMASIN.format(date="Selasa (18/10/23)"))

        assert dt.date(2023, 10, 18) == draft.agreement.signing.date.date
        assert any("Selasa" in note and "Rabu" in note for note in draft.notes)

    @pytest.mark.parametrize("date", ["Rabu (31/02/2023)", "Rabu (19/10)"])
    def test_unreadable_date_is_a_note(self, date: str) -> None:
        """An impossible date, or one without a year that no year fits, keeps the window."""
        [draft] = pk.extract(BANJARMASIN.format(date=date))

        assert dt.date(2022, 12, 29) == draft.agreement.signing.date.earliest
        assert any(date in note for note in draft.notes)

    def test_national_mou(self) -> None:
        """KPU RI with Polri, when no regional body is named, is the national MoU."""
        [draft] = pk.extract("MoU KPU RI dan Polri ditandatangani di Jakarta, Kamis (29/12/2022).")

        assert "2022-12-29-kpu-ri-polri" == draft.agreement.id

    def test_year_argument_completes_a_short_date(self) -> None:
        """'Kamis (19/10)' with year=2023 is 19 October 2023."""
        [draft] = pk.extract(BANJARMASIN.format(date="Kamis (19/10)"), year=2023)

        assert dt.date(2023, 10, 19) == draft.agreement.signing.date.date
        assert draft.agreement.id.startswith("2023-10-19-")

    def test_weekday_only_with_published_day(self) -> None:
        """'Rabu' with published=2023-10-20 (a Friday) is the Wednesday of that week."""
        [draft] = pk.extract(BANJARMASIN.format(date="Rabu"), published=dt.date(2023, 10, 20))
        date = draft.agreement.signing.date

        assert (dt.date(2023, 10, 18), dt.date(2023, 10, 18)) == (
            date.first_possible(),
            date.last_possible(),
        )

    def test_no_date_is_the_dataset_window(self) -> None:
        """Without any date clue the draft spans the dataset's window and says why."""
        [draft] = pk.extract(BANJARMASIN.format(date="pagi tadi"))
        date = draft.agreement.signing.date

        assert (dt.date(2022, 12, 29), dt.date(2024, 12, 31)) == (date.earliest, date.latest)
        assert "xxxx-xx-xx-kpu-banjarmasin-polresta-banjarmasin" == draft.agreement.id
        assert date.reasoning

    def test_signatories_drop_honorifics(self) -> None:
        """'Hj Rusnaillah' is the name Rusnaillah; 'Kombes Pol' is the rank."""
        [draft] = pk.extract(BANJARMASIN.format(date="Rabu (18/10/23)"))
        names = {(s.party, s.name, s.rank) for s in draft.agreement.signatories}

        assert {
            ("kpu-63.71", "Rusnaillah", None),
            ("polresta-banjarmasin", "Sabana Atmojo", pk.PoliceRank.KOMBES),
        } == names

    def test_post_title_implies_the_unit(self) -> None:
        """'Kapolres Kapuas Hulu' alone makes Polres Kapuas Hulu a party."""
        text = "Ketua KPU Kapuas Hulu M Yusuf dan Kapolres Kapuas Hulu AKBP Hendrawan menandatangani PKS, Rabu (25/10/2023)."
        [draft] = pk.extract(text)

        assert {"kpu-61.06", "polres-kapuas-hulu"} == set(draft.agreement.institutions)

    def test_local_police_unit(self) -> None:
        """'Polda setempat' is the Polda of the province named before it."""
        text = "KPU Provinsi Kalimantan Timur menandatangani perjanjian kerja sama dengan Polda setempat, Senin (13/3/2023)."
        [draft] = pk.extract(text)

        assert {"kpu-64", "polda-kalimantan-timur"} == set(draft.agreement.institutions)

    def test_attendees_are_not_parties(self) -> None:
        """A Bawaslu chair listed after 'dihadiri' is a witness, not a party."""
        [draft] = pk.extract(seed("003"))

        assert "bawaslu-64" not in draft.agreement.institutions
        assert "Ketua Bawaslu Kaltim Heri Darmanto" in draft.agreement.witnesses

    @pytest.mark.parametrize(
        ("phrase", "item"),
        [
            ("pertukaran dan pemanfaatan data dan/atau informasi", pk.ScopeItem.DATA_EXCHANGE),
            ("pertukaran informasi", pk.ScopeItem.DATA_EXCHANGE),
            ("bantuan pengamanan", pk.ScopeItem.SECURITY_ASSISTANCE),
            ("penegakkan hukum", pk.ScopeItem.LAW_ENFORCEMENT),
            ("Sentra Gakkumdu", pk.ScopeItem.LAW_ENFORCEMENT),
            ("perumusan peraturan teknis", pk.ScopeItem.TECHNICAL_REGULATION),
            ("pemanfaatan sumber daya manusia", pk.ScopeItem.CAPACITY_BUILDING),
            ("peningkatan kapasitas SDM", pk.ScopeItem.CAPACITY_BUILDING),
            ("pemanfaatan sarana dan prasarana", pk.ScopeItem.FACILITIES),
        ],
    )
    def test_scope_phrases(self, phrase: str, item: pk.ScopeItem) -> None:
        """Each phrasing maps to its scope item, and to that item alone."""
        [draft] = pk.extract(
            BANJARMASIN.format(date="Rabu (18/10/23)") + f" Ruang lingkupnya {phrase}."
        )

        assert (item,) == draft.agreement.scope

    def test_source_argument(self) -> None:
        """A source URL becomes a source id; without one the placeholder is cited."""
        text = BANJARMASIN.format(date="Rabu (18/10/23)")
        [with_url] = pk.extract(text, source="https://reportase9.com/x")
        [without] = pk.extract(text)

        assert with_url.agreement.sources[0].source.startswith("reportase9.com-")
        assert DRAFT_SOURCE == without.agreement.sources[0].source

    def test_unresolved_names_are_reported(self) -> None:
        """A police unit the registry does not hold is reported, never guessed as another unit."""
        text = (
            "KPU Kota Banjarmasin dan Polresta Banjarmasin serta Polres Atlantis Raya menandatangani "
            "perjanjian kerja sama, Rabu (18/10/23)."
        )
        [draft] = pk.extract(text)

        assert "Polres Atlantis Raya" in draft.unresolved
        assert {"kpu-63.71", "polresta-banjarmasin", "polres-atlantis-raya"} == set(
            draft.agreement.institutions
        )


#: "Polres Cirebon" is no unit's name: Kabupaten Cirebon has Polresta Cirebon, the city Polres Cirebon Kota.
CIREBON = (
    "KPU Kabupaten Cirebon dan Polres Cirebon menandatangani perjanjian kerja sama (PKS) "
    "pengamanan Pemilu 2024, Senin (25/09/2023)."
)
CIREBON_NOTE = (
    "Polres Cirebon is not in the institution registry: add it (with its source and "
    "jurisdiction) before this draft validates; 'polres-cirebon' is a provisional id."
)


class TestUnregisteredUnits:
    """A police unit the text names but the registry lacks gets a provisional id, not a lost draft."""

    def test_draft_forms_with_a_provisional_id(self) -> None:
        """KPU Kabupaten Cirebon and the unregistered name Polres Cirebon make one draft."""
        [draft] = pk.extract(CIREBON)

        assert ("kpu-32.09", "polres-cirebon") == draft.agreement.institutions
        assert "2023-09-25-kpu-cirebon-polres-cirebon" == draft.agreement.id
        assert ("Polres Cirebon",) == draft.unresolved
        assert CIREBON_NOTE in draft.notes
        assert CIREBON_NOTE in draft.agreement.notes

    def test_the_provisional_party_has_low_confidence(self) -> None:
        """The unregistered unit's evidence is its name as written, at the lowest party confidence."""
        [draft] = pk.extract(CIREBON)
        [registered] = draft.evidence_for("parties[0]")
        [provisional] = draft.evidence_for("parties[1]")

        assert "Polres Cirebon" == provisional.text
        assert 0.3 == provisional.confidence
        assert provisional.confidence < registered.confidence

    def test_the_id_is_not_in_the_registry(self) -> None:
        """The provisional id is dangling: the dataset's integrity check flags it until it is added."""
        from pemilu_pks._integrity import check_records

        ds = pk.load()
        [draft] = pk.extract(CIREBON)
        problems = check_records(
            {"institutions": list(ds.institutions), "agreements": [draft.agreement]},
            region_exists=lambda code: ds.regions.get(code) is not None,
        )

        assert ds.institutions.get("polres-cirebon") is None
        assert [
            (
                "agreements.json: $.agreements[0].parties[1].institution",
                "unknown institution 'polres-cirebon'",
            )
        ] == [p for p in problems if p[0].endswith(".institution")]

    def test_json_round_trip(self) -> None:
        """The draft with a provisional id is still valid model data: its JSON reads back equal."""
        [draft] = pk.extract(CIREBON)

        assert draft.agreement == pk.from_json(pk.to_json(draft.agreement), pk.Agreement)

    def test_long_form_and_post_title_give_the_same_unit(self) -> None:
        """'Kepolisian Resor Cirebon' and 'Kapolres Cirebon' are one provisional party, with its head."""
        text = (
            "KPU Kabupaten Cirebon dan Kepolisian Resor Cirebon menandatangani PKS, "
            "Senin (25/09/2023). Kapolres Cirebon AKBP Putu Kholis Aryana hadir."
        )
        [draft] = pk.extract(text)

        assert ("kpu-32.09", "polres-cirebon") == draft.agreement.institutions
        assert [("polres-cirebon", "Putu Kholis Aryana", pk.PoliceRank.AKBP)] == [
            (s.party, s.name, s.rank) for s in draft.agreement.signatories
        ]
        assert any(
            n.startswith("Polres Cirebon (written 'Kepolisian Resor Cirebon')") for n in draft.notes
        )

    def test_a_person_after_the_post_title_is_not_part_of_the_unit(self) -> None:
        """'Kapolres Bandung Kota Budi Santoso' is Polres Bandung Kota headed by Budi Santoso."""
        text = "KPU Kota Batu dan Kapolres Bandung Kota Budi Santoso menandatangani PKS, Rabu (18/10/23)."
        [draft] = pk.extract(text)

        assert ("kpu-35.79", "polres-bandung-kota") == draft.agreement.institutions
        assert ["Budi Santoso"] == [s.name for s in draft.agreement.signatories]

    def test_ambiguous_election_body_is_listed(self) -> None:
        """'KPU Malang' (Kabupaten or Kota?) gets no id; it is listed as unresolved."""
        text = "KPU Kota Banjarmasin, KPU Malang dan Polresta Banjarmasin menandatangani PKS, Rabu (18/10/23)."
        [draft] = pk.extract(text)

        assert ("kpu-63.71", "polresta-banjarmasin") == draft.agreement.institutions
        assert ("KPU Malang",) == draft.unresolved

    def test_no_election_body_no_draft(self) -> None:
        """With 'KPU Malang' ambiguous there is no election body: no draft; the lookup says why."""
        text = "KPU Malang dan Polres Malang menandatangani PKS, Senin (25/09/2023)."

        assert [] == pk.extract(text)
        with pytest.raises(pk.AmbiguousError, match="Kabupaten Malang"):
            pk.load().institutions.lookup("KPU Malang")


class TestCommandLine:
    """``pemilu-pks extract FILE --format json|table``."""

    def test_json_is_the_dataset_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The JSON output reads back as the dataset's agreements."""
        from pemilu_pks._cli import main

        status = main(["extract", str(SEEDS[0]), "--format", "json"])
        data = json.loads(capsys.readouterr().out)

        assert 0 == status
        assert 2 == len(
            [pk.from_json(json.dumps(record), pk.Agreement) for record in data["agreements"]]
        )

    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The table shows each field with its confidence and text."""
        from pemilu_pks._cli import main

        assert 0 == main(["extract", str(SEEDS[4])])
        out = capsys.readouterr().out

        assert "signatories[0].rank" in out
        assert "IMG-20230318-WA0033" in out

    def test_stdin_not_utf8(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Bytes that are not UTF-8 on standard input: one error line, exit status 1."""
        import io

        from pemilu_pks._cli import main

        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"KPU Kalsel \xff\xfe")))
        status = main(["extract", "-"])
        err = capsys.readouterr().err

        assert 1 == status
        assert [
            "pemilu-pks: <stdin>: not UTF-8 text (invalid byte at offset 11)"
        ] == err.splitlines()

    def test_no_agreement(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A text about something else prints an empty agreements list and succeeds."""
        from pemilu_pks._cli import main

        path = tmp_path / "other.txt"
        path.write_text("Harga cabai naik.", encoding="utf-8")

        assert 0 == main(["extract", str(path), "-f", "json"])
        assert {"agreements": []} == json.loads(capsys.readouterr().out)
