"""Build the agreements, the people registry and their sources.

Input (read only here, never by the library):

- ``<shared>/agreements/source_facts.jsonl``: one curated signing per line,
  each with its source URLs (see that folder's README);
- ``<shared>/institutions/national_mous.md``: the national KPU–Polri MoU's
  numbers and title, with their sources;
- ``<shared>/../seeds/``: the five seed articles.  Their facts that
  ``source_facts.jsonl`` lacks are curated below (:data:`SEED_PATCHES`,
  :func:`banjarmasin`), each citing its article; :func:`check_seeds` asserts
  that the phrases these facts come from really are in the articles.

Run through ``scripts/build_datasets.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs
from _common import institution_id, read_csv, slug, source_id

from pemilu_pks._dates import UncertainDate, Weekday
from pemilu_pks._model import (
    Agreement,
    Confidence,
    Figure,
    Instrument,
    Party,
    Person,
    Post,
    ScopeItem,
    Signatory,
    Signing,
    Source,
    SourceRef,
)
from pemilu_pks._ranks import PoliceRank

NATIONAL_MOU = "2022-12-29-kpu-ri-polri"
BAWASLU_MOU = "2022-2024-bawaslu-ri-polri-referenced"
BANJARMASIN = "2023-10-18-kpu-banjarmasin-polresta-banjarmasin"
BANJARMASIN_SOURCE = "reportase9-2023-10-18-kpu-polresta-banjarmasin"

# --- curated facts -------------------------------------------------------------

#: The agreement each record implements, where its sources say so (the
#: ``parent_agreement`` field of source_facts, or the seed article).
PARENTS = {
    "2023-05-15-kpu-sulteng-polda-sulteng": NATIONAL_MOU,
    "2023-09-25-kpu-kalsel-polda-kalsel": NATIONAL_MOU,
    "2024-01-15-kpu-papua-barat-daya-polda-papua-barat": NATIONAL_MOU,
    "2024-06-27-kpu-papua-tengah-polda-papua": NATIONAL_MOU,
    "2024-08-08-kpu-sulsel-polda-sulsel": NATIONAL_MOU,
    "2024-xx-xx-kpu-sulut-polda-sulut": NATIONAL_MOU,
    "2024-09-xx-bawaslu-ntb-polda-ntb": BAWASLU_MOU,
}

#: Agreements signed at the same ceremony (one document each).
CEREMONIES = (
    ("2023-09-25-bawaslu-kalsel-polda-kalsel", "2023-09-25-kpu-kalsel-polda-kalsel"),
    ("2023-12-11-bawaslu-hsu-polres-hsu", "2023-12-11-kpu-hsu-polres-hsu"),
)

#: The region code of the place of signing, where the sources name the
#: place (not only a dateline) and it lies in one regency or city.
#: Codes from regions/regencies.csv; checked against it in :func:`build`.
PLACES = {
    "2022-12-29-kpu-ri-polri": "31.71",  # Kantor KPU RI, Menteng, Jakarta Pusat
    "2023-03-13-kpu-kaltim-polda-kaltim": "64.72",  # Samarinda
    "2023-05-11-bawaslu-jambi-polda-jambi": "15.71",  # Kota Jambi
    "2023-05-15-kpu-sulteng-polda-sulteng": "72.71",  # Palu
    "2023-07-27-kpu-paser-polres-paser": "64.01",  # Tanah Grogot, Kabupaten Paser
    "2023-08-02-kpu-karo-polres-tanah-karo": "12.06",  # Aula Mapolres Tanah Karo
    "2023-09-14-bawaslu-kepahiang-polres-kepahiang": "17.08",  # Hotel Puncak Kepahiang
    "2023-09-25-bawaslu-kalsel-polda-kalsel": "63.71",  # "di Banjarmasin"
    "2023-09-25-kpu-kalsel-polda-kalsel": "63.71",
    "2023-10-04-kpu-sanggau-polres-sanggau": "61.03",  # Aula KPU Sanggau
    "2023-10-18-kpu-banjarmasin-polresta-banjarmasin": "63.71",  # Balaikota Banjarmasin
    "2023-11-13-bawaslu-kebumen-polres-kebumen-kejari-kebumen": "33.05",  # Mapolres Kebumen
    "2023-11-15-bawaslu-kota-jambi-polresta-jambi": "15.71",  # Mapolresta Jambi
    "2023-12-11-bawaslu-hsu-polres-hsu": "63.08",  # Mapolres HSU, Amuntai
    "2023-12-11-kpu-hsu-polres-hsu": "63.08",
    "2023-xx-xx-kpu-gorontalo-polda-gorontalo": "75.71",  # Kota Gorontalo
    "2024-01-15-kpu-papua-barat-daya-polda-papua-barat": "96.71",  # Kota Sorong
    "2024-06-27-kpu-papua-tengah-polda-papua": "91.71",  # Kota Jayapura
    "2024-08-08-kpu-sulsel-polda-sulsel": "73.71",  # Hotel Harper, Makassar
    "2024-xx-xx-kpu-sulut-polda-sulut": "71.71",  # Manado
}

#: Canonical person names: name as reported -> (canonical name, variants).
NAMES: dict[str, str] = {
    "Andi Rian Djajadi": "Andi Rian Djajadi",
    "Andi Rian Ryacudu Djajadi": "Andi Rian Djajadi",
    "Andi Rian R. Djajadi": "Andi Rian Djajadi",
    "Mathius Fakhiri": "Mathius D. Fakhiri",
    "Andarias (Daniel) Kambu": "Andarias Kambu",
}
VARIANTS: dict[str, tuple[str, ...]] = {
    "Andi Rian Djajadi": ("Andi Rian R. Djajadi", "Andi Rian Ryacudu Djajadi"),
    "Mathius D. Fakhiri": ("Mathius Fakhiri",),
    "Andarias Kambu": ("Andarias (Daniel) Kambu",),
    "Hasyim Asy'ari": ("Hasyim Asyari",),
    "Nisbah": ("Misbah",),
    "Johnny Eddizon Isir": ("Jhonny Edison Isir",),
    "Abdul Qoyim Rasyid": ("Abdul Qoyyim Rasyid",),
    "Itratif": ("Itratip",),
    "Rusnaillah": ("Hj Rusnaillah",),
}

#: Witnesses named in the seed articles, kept as people with the post they
#: attended in (``(name, post title, institution id or None, agreement id)``).
SEED_WITNESSES = (
    ("Isran Noor", "Gubernur Kalimantan Timur", None, "2023-03-13-kpu-kaltim-polda-kaltim"),
    ("Tri Budi Utomo", "Panglima Kodam VI/Mulawarman", None, "2023-03-13-kpu-kaltim-polda-kaltim"),
    (
        "Heri Darmanto",
        "Ketua Bawaslu Provinsi Kalimantan Timur",
        "bawaslu-64",
        "2023-03-13-kpu-kaltim-polda-kaltim",
    ),
)

# Sources that are not in source_facts.jsonl.
REPUBLIKA = "https://fbeta.republika.co.id/berita/s8hl7v451/polri-komitmen-kawal-pendistribusian-logistik-pemilu-2024"
ANNIRELL = "https://annirell.com/kpu-dengan-polri-bersinergi-dalam-melaksanakan-tugas-dan-fungsi-penyelenggaraan-pemilu-2024/30/12/2022/"
BANUATODAY = "https://banuatoday.com/2023/09/polda-kpu-dan-bawaslu-kalsel-kolaborasi.html"
ANTARA_KALTIM = "https://kaltim.antaranews.com/berita/181053/kpu-kaltim-perkuat-kerja-sama-dengan-polda-sukseskan-tahapan-pemilu-2024"
ANTARA_KAPUAS_HULU = "https://kalbar.antaranews.com/amp/berita/552729/kpu-dan-polisi-di-kapuas-hulu-tandatangani-pks-hadapi-pemilu-2024"
SWANARA = "https://swanara.com/kapolres-tapanuli-selatan-teken-perjanjian-kerja-sama-dengan-komisi-pemilihan-umum"

EXTRA_SOURCES = (
    Source(
        id=source_id(REPUBLIKA),
        url=REPUBLIKA,
        publisher="Republika",
        title="Polri komitmen kawal pendistribusian logistik Pemilu 2024",
        published=dt.date(2024, 2, 7),
        notes=(
            "Polri's Karo Penmas gives both numbers of the national KPU–Polri MoU "
            "(90/PR.07-NK/01/2022 and NK/50/XII/2022), its title, date and signatories.",
        ),
    ),
    Source(
        id=source_id(ANNIRELL),
        url=ANNIRELL,
        publisher="annirell.com",
        published=dt.date(2022, 12, 30),
        notes=("Quotes the national MoU's title from KPU's site.",),
    ),
    Source(
        id=BANJARMASIN_SOURCE,
        url=None,
        publisher="REPORTASE9.COM",
        title="Wujudkan Pemilu Damai, KPU dan Polresta Banjarmasin Jalin Sinergi",
        language="id",
        notes=(
            "Known from the article text (project seed 001, section 'Kota Banjarmasin'); "
            "its URL and publication date were not recorded.",
        ),
    ),
)

#: Headlines of the seed articles that print them.
SEED_TITLES = {
    SWANARA: "Kapolres Tapanuli Selatan Teken Perjanjian Kerja Sama Dengan Komisi Pemilihan Umum",
}
SEED_SOURCE_NOTES = {
    BANUATODAY: "Project seed article 000.",
    ANTARA_KAPUAS_HULU: (
        "Project seed article 002; its whole body is printed twice "
        "(the paragraphs repeat after the copyright line)."
    ),
    ANTARA_KALTIM: "Project seed article 003.",
    SWANARA: "Project seed article 004.",
}

KALSEL_NAME_NOTE = (
    "The Kapolda is named 'Irjen Pol Andi Rian Djajadi' in the photo caption and "
    "'Irjen. Pol. Andi Rian Ryacudu Djajadi' in the body of the same article."
)


def _patch_kalsel(agreement: Agreement, *, kpu: bool) -> Agreement:
    """Seed 000 (banuatoday): title, parent as stated, signatories as written."""
    notes = list(agreement.notes)
    if not kpu:  # the KPU record already carries these notes from source_facts
        notes += [
            KALSEL_NAME_NOTE,
            "'penegakkan' typo for 'penegakan'.",
            "The KPU chair says the event follows the KPU–Polri MoU; the article does not "
            "say which instrument the Bawaslu agreement follows.",
        ]
    signatories = []
    for signatory in agreement.signatories:
        if signatory.party == "polda-kalimantan-selatan":
            signatory = attrs.evolve(  # noqa: PLW2901 - the patched signatory replaces it
                signatory,
                post="Kepala Kepolisian Daerah Kalimantan Selatan (Kapolda Kalsel)",
                rank_as_written="Irjen Pol",
                note="Caption 'Irjen Pol Andi Rian Djajadi'; body 'Irjen. Pol. Andi Rian Ryacudu Djajadi'.",
            )
        signatories.append(signatory)
    body = "KPU Provinsi" if kpu else "Bawaslu Provinsi"
    return attrs.evolve(
        agreement,
        title=(
            f"Perjanjian Kerja Sama antara {body} Kalimantan Selatan dengan Kepolisian Daerah "
            "Kalimantan Selatan dalam Mendukung Penyelenggaraan Pemilu dan Pilkada Serentak "
            "Tahun 2024"
        ),
        parent_text=(
            "Nota Kesepahaman antara Komisi Pemilihan Umum dengan Kepolisian Negara Republik "
            "Indonesia Nomor 90/PR.07-NK/01/2022 tentang Sinergitas Pelaksanaan Tugas dan Fungsi "
            "dalam Penyelenggaraan Pemilihan Umum dan Pemilihan Kepala Daerah Serentak Tahun 2024"
            if kpu
            else agreement.parent_text
        ),
        signatories=tuple(signatories),
        signing=attrs.evolve(agreement.signing, city="Banjarmasin"),
        scope_text=(agreement.scope_text or "")
        + " Aim: Pemilu 2024 'lancar, aman, dan terkendali'; the Bawaslu chair called the "
        "agreement a guarantee supporting the technical work of the election bodies.",
        notes=tuple(notes),
    )


def _patch_national(agreement: Agreement) -> Agreement:
    """national_mous.md: both document numbers, the title, more sources."""
    kpu, polri = agreement.parties
    return attrs.evolve(
        agreement,
        title=(
            "Sinergitas Pelaksanaan Tugas dan Fungsi dalam Penyelenggaraan Pemilihan Umum dan "
            "Pemilihan Serentak Tahun 2024"
        ),
        parties=(
            attrs.evolve(kpu, document_number="90/PR.07-NK/01/2022"),
            attrs.evolve(polri, document_number="NK/50/XII/2022"),
        ),
        sources=(
            *agreement.sources,
            SourceRef(
                source=source_id(REPUBLIKA),
                supports=("parties", "title", "signing", "signatories"),
                note="The only source for the Polri number NK/50/XII/2022 (Polri's Karo Penmas).",
            ),
            SourceRef(
                source=source_id(ANNIRELL), supports=("title",), note="Title as on KPU's site."
            ),
            SourceRef(
                source=source_id(BANUATODAY),
                supports=("parties",),
                note=(
                    "Cites the KPU number 90/PR.07-NK/01/2022, with the title ending '… Pemilihan "
                    "Umum dan Pemilihan Kepala Daerah Serentak Tahun 2024'."
                ),
            ),
        ),
        notes=(
            *agreement.notes,
            "The Polri number NK/50/XII/2022 rests on one source (Republika, 7 Feb 2024).",
            "The Kalsel PKS article (banuatoday) words the title 'Pemilihan Kepala Daerah Serentak' "
            "where the MoU says 'Pemilihan Serentak'.",
        ),
    )


def _patch_kapuas_hulu(agreement: Agreement) -> Agreement:
    """Seed 002 (ANTARA Kalbar)."""
    return attrs.evolve(
        agreement,
        figures=(
            Figure(
                key="personnel_deployed",
                value=564,
                text="sekitar 564 personil (about 564 personnel readied by Polres Kapuas Hulu)",
            ),
        ),
        scope_text=(agreement.scope_text or "")
        + " Aim: coordination, communication and consolidation; Polres readies facilities and "
        "maps vulnerabilities (pemetaan kerawanan).",
        notes=(
            *agreement.notes,
            "Repeated paragraphs: the article prints its whole body twice.",
            "The date is only 'Rabu', the day the KPU chair spoke to ANTARA in Putussibau; "
            "the signing is taken to be that day.",
        ),
    )


def _patch_kaltim(agreement: Agreement) -> Agreement:
    """Seed 003 (ANTARA Kaltim): attendees, scope details."""
    return attrs.evolve(
        agreement,
        witnesses=(
            *agreement.witnesses,
            "Panglima Kodam VI/Mulawarman Mayjen Tri Budi Utomo",
            "Ketua Bawaslu Kaltim Heri Darmanto",
            "Representatives of the provincial boards (DPD) of the political parties in Kaltim",
        ),
        scope_text=(agreement.scope_text or "")
        + " Before the signing Polda Kaltim had already helped from verification to the escort "
        "of KPU logistics; the KPU chair named factual verification a vulnerable stage because "
        "of Kaltim's wide geography.",
        notes=(
            *agreement.notes,
            "ANTARA (seed 003) gives only the weekday 'Senin' and writes the Kapolda's rank "
            "as 'Irjen'.",
        ),
    )


def _patch_tapsel(agreement: Agreement) -> Agreement:
    """Seed 004 (Swanara): title, figures, notes."""
    return attrs.evolve(
        agreement,
        title=(
            "Sinergisitas pelaksanaan tugas dan fungsi dalam penyelenggaraan Pemilu dan Pilkada "
            "2024 Kabupaten Tapsel dan Paluta"
        ),
        figures=(
            Figure(
                key="kpu_chair_years_of_service",
                value=10,
                text="Ketua KPU Tapsel: first such agreement in his 10 years of service",
            ),
            Figure(
                key="presidential_priority_programmes",
                value=5,
                text="lima program prioritas Presiden RI",
            ),
        ),
        notes=(
            *agreement.notes,
            "Recorded as one document with three parties, as the article describes one signing "
            "by the Kapolres with both KPU.",
            "Typo 'mengucapkam'.",
            "The venue, Aula Pratidina at Mako Polres Tapanuli Selatan, is not placed in a "
            "regency: the Polres headquarters' location is not stated.",
        ),
    )


def _patch_bawaslu_ntb(agreement: Agreement) -> Agreement:
    """source_facts gives no lower bound; the parent MoU's gives one."""
    date = agreement.signing.date
    return attrs.evolve(
        agreement,
        signing=attrs.evolve(
            agreement.signing,
            date=attrs.evolve(
                date,
                earliest=dt.date(2022, 7, 15),
                reasoning=(date.reasoning or "")
                + " Lower bound: the Bawaslu RI–Polri MoU this PKS follows was not yet signed "
                "on 15 Jul 2022.",
            ),
        ),
    )


SEED_PATCHES: dict[str, Callable[[Agreement], Agreement]] = {
    NATIONAL_MOU: _patch_national,
    "2023-09-25-kpu-kalsel-polda-kalsel": lambda a: _patch_kalsel(a, kpu=True),
    "2023-09-25-bawaslu-kalsel-polda-kalsel": lambda a: _patch_kalsel(a, kpu=False),
    "2023-xx-xx-kpu-kapuas-hulu-polres-kapuas-hulu": _patch_kapuas_hulu,
    "2023-03-13-kpu-kaltim-polda-kaltim": _patch_kaltim,
    "2023-03-xx-kpu-tapsel-kpu-paluta-polres-tapsel": _patch_tapsel,
    "2024-09-xx-bawaslu-ntb-polda-ntb": _patch_bawaslu_ntb,
}


def banjarmasin() -> Agreement:
    """Seed 001 (REPORTASE9.COM): KPU Kota Banjarmasin with Polresta Banjarmasin."""
    return Agreement(
        id=BANJARMASIN,
        instrument=Instrument.MOU,
        instrument_term="nota kesepahaman; MoU kerja sama",
        parties=(
            Party(
                institution="kpu-63.71",
                name_as_written="Komisi Pemilihan Umum (KPU) Kota Banjarmasin",
            ),
            Party(institution="polresta-banjarmasin", name_as_written="Polresta Banjarmasin"),
        ),
        signatories=(
            Signatory(
                party="kpu-63.71",
                name="Rusnaillah",
                post="Ketua KPU Kota Banjarmasin",
                note="Written 'Hj Rusnaillah' (Hj = Hajjah, an honorific).",
            ),
            Signatory(
                party="polresta-banjarmasin",
                name="Sabana Atmojo",
                post="Kapolresta Banjarmasin",
                rank=PoliceRank.KOMBES,
                rank_as_written="Kombes Pol",
            ),
        ),
        signing=Signing(
            date=UncertainDate(
                earliest=dt.date(2023, 10, 18),
                latest=dt.date(2023, 10, 18),
                text="Rabu (18/10/23) pagi",
                weekday=Weekday.WEDNESDAY,
                reasoning="Stated explicitly (morning); weekday matches.",
            ),
            venue="Aula Kayuh Baimbai, Balaikota Banjarmasin",
            city="Banjarmasin",
            place="63.71",
        ),
        scope_text=(
            "Synergy for a safe and peaceful Pemilu 2024; the Kapolresta ordered the Kapolsek to "
            "support all election activities and asked for positive narratives instead of hate "
            "speech. No scope items are listed."
        ),
        witnesses=(
            "Officials of the Forkopimda (regional leadership forum) of Kota Banjarmasin",
            "Bawaslu officials (jajaran Bawaslu)",
            "Camat (district heads)",
            "Kapolsek",
            "Leaders and representatives of political parties",
            "Other stakeholders",
        ),
        sources=(SourceRef(source=BANJARMASIN_SOURCE, note="Project seed article 001."),),
        notes=(
            "Election-year error: the article says Pemilu 2024 will be held on "
            "'14 Februari 2023'; the vote was on 14 February 2024.",
            "The article calls the instrument both 'nota kesepahaman' and 'MoU kerja sama'; at "
            "city level such documents are usually PKS implementing the national MoU, but the "
            "article names no parent agreement.",
            "'Forkompinda' typo for 'Forkopimda'.",
            "Only one source, known without its URL.",
        ),
        confidence=Confidence.MEDIUM,
    )


#: Phrases each seed article must contain for the curated facts above to stand.
SEED_PHRASES = {
    "000": (
        "Senin (25/09/2023)",
        "90/PR.07-NK/01/2022",
        "Andi Rian Ryacudu Djajadi",
        "Irjen Pol Andi Rian Djajadi",
        "penegakkan",
        "Aries Mardiono",
        "Andi Tenri Sompa",
    ),
    "001": (
        "Aula Kayuh Baimbai Balaikota Banjarmasin",
        "Rabu (18/10/23)",
        "Hj Rusnaillah",
        "Kombes Pol Sabana Atmojo",
        "14 Februari 2023",
        "Forkompinda",
    ),
    "002": ("564 personil", "Rabu", "AKBP Hendrawan", "M Yusuf", "19 Oktober 2023"),
    "003": (
        "Mayjen Tri Budi Utomo",
        "Heri Darmanto",
        "Isran Noor",
        "Irjen Imam Sugianto",
        "Rudiansyah",
        "deklarasi pemilu damai",
    ),
    "004": (
        "Aula Pratidina Mako Polres",
        "AKBP Imam Zamroni, SIK, MH",
        "Panataran Simanjuntak, MHum",
        "Ongkusyah Harahap, SE",
        "10 tahun",
        "lima program prioritas",
        "mengucapkam",
    ),
}


def check_seeds(seeds: Path) -> None:
    """Fail if a seed article lacks a phrase a curated fact is based on."""
    texts = {path.name[:3]: path.read_text(encoding="utf-8") for path in seeds.glob("*.txt")}
    for number, phrases in SEED_PHRASES.items():
        for phrase in phrases:
            if phrase not in texts[number]:
                raise SystemExit(f"seed {number} does not contain {phrase!r}")
    body = texts["002"].split("COPYRIGHT")
    if body[0].count("564 personil") != 1 or texts["002"].count("564 personil") != 2:
        raise SystemExit("seed 002 no longer repeats its paragraphs")


# --- source_facts -> model -------------------------------------------------------

_PAREN = re.compile(r"^(.*?)\s*\((.*)\)\s*$")


def _split_note(text: str | None) -> tuple[str | None, str | None]:
    """``"Ketua KPU HSU (pihak pertama)"`` -> ``("Ketua KPU HSU", "pihak pertama")``."""
    if text is None:
        return None, None
    match = _PAREN.match(text)
    if not match or not match.group(1):
        return text, None
    return match.group(1), match.group(2)


def _rank(text: str | None) -> PoliceRank | None:
    if not text:
        return None
    head, _ = _split_note(text)
    return PoliceRank.parse(head)


def _source(url: str, *, publisher: str | None, published: str | None) -> Source:
    host = re.sub(r"^(www|amp|m)\.", "", urlsplit(url).hostname or "")
    notes = (SEED_SOURCE_NOTES[url],) if url in SEED_SOURCE_NOTES else ()
    return Source(
        id=source_id(url),
        url=url,
        publisher=publisher or host,
        title=SEED_TITLES.get(url),
        published=dt.date.fromisoformat(published) if published else None,
        notes=notes,
    )


def _document_numbers(fact: dict[str, Any], parties: list[Party]) -> list[Party]:
    """Give each party its own number: ``"… (Bawaslu side)"`` goes to the Bawaslu party."""
    numbers = fact["document_numbers"]
    if fact["id"] == NATIONAL_MOU:
        return parties  # curated in _patch_national
    result = list(parties)
    for text in numbers:
        number, remark = _split_note(text)
        side = (remark or "").split()[0].casefold()
        side = {"polres": "polres", "kpu": "kpu", "bawaslu": "bawaslu"}[side]
        index = next(i for i, p in enumerate(fact["parties"]) if p["kind"].startswith(side))
        result[index] = attrs.evolve(result[index], document_number=number)
    return result


def agreement_from_fact(fact: dict[str, Any], sources: dict[str, Source]) -> Agreement:
    """Turn one source_facts record into an :class:`Agreement`, collecting its sources."""
    parties = [
        Party(
            institution=institution_id(p["canonical"], region_code=p["region_code"]),
            name_as_written=p["name"],
        )
        for p in fact["parties"]
    ]
    parties = _document_numbers(fact, parties)
    signatories = []
    for s in fact["signatories"]:
        post, post_note = _split_note(s["title"])
        if post is not None and post.startswith("KPU Provinsi"):  # "(signatory not named)"
            post = None
        name, name_note = s["name"], None
        if name and " / " in name:
            name, other = name.split(" / ", 1)
            name_note = f"Also spelled {other!r}."
        titles, titles_note = _split_note(s["academic_titles"])
        note = "; ".join(n for n in (post_note, name_note, titles_note) if n) or None
        signatories.append(
            Signatory(
                party=parties[s["party_index"]].institution,
                name=name,
                post=post,
                rank=_rank(s["rank"]),
                rank_as_written=s["rank"],
                academic_titles=titles,
                note=note,
            )
        )
    when = fact["signed_on"]
    earliest = when["earliest"] or when["latest"]  # patched where only a bound is known
    date = UncertainDate(
        earliest=dt.date.fromisoformat(earliest),
        latest=dt.date.fromisoformat(when["latest"]),
        text=when["date_text"],
        weekday=Weekday.parse(when["weekday_stated"]) if when["weekday_stated"] else None,
        reasoning=when["reasoning"],
    )
    main = _source(fact["url"], publisher=fact["publisher"], published=fact["published"])
    refs = [SourceRef(source=main.id)]
    found = [main]
    for url in fact["additional_urls"]:
        extra = _source(url, publisher=None, published=None)
        found.append(extra)
        refs.append(SourceRef(source=extra.id, note="Another report of the same event."))
    for source in found:
        sources.setdefault(source.id, source)
    scope = {ScopeItem(item) for item in fact["scope_items"]}
    return Agreement(
        id=fact["id"],
        instrument=Instrument(fact["instrument"]),
        instrument_term=fact["instrument_term"],
        parties=tuple(parties),
        signatories=tuple(signatories),
        signing=Signing(
            date=date,
            venue=fact["place"]["venue"],
            city=fact["place"]["city"],
            place=PLACES.get(fact["id"]),
        ),
        scope=tuple(item for item in ScopeItem if item in scope),
        scope_text=fact["other_scope"],
        parent=PARENTS.get(fact["id"]),
        parent_text=fact["parent_agreement"],
        witnesses=tuple(fact["witnesses_or_attendees"]),
        figures=tuple(
            Figure(key=key, value=value) for key, value in sorted(fact["figures"].items())
        ),
        sources=tuple(refs),
        notes=tuple(fact["quality_notes"]),
        confidence=Confidence(fact["confidence"]),
    )


# --- people ----------------------------------------------------------------------


def canonical_name(name: str) -> str:
    """The registry name for a name as reported."""
    return NAMES.get(name, name.removeprefix("Hj "))


def post_title(party: Party, canonical: str) -> str:
    """``"Kapolda Kalimantan Selatan"``, ``"Ketua KPU Kabupaten Kapuas Hulu"``."""
    if canonical.startswith("Pol"):
        return "Ka" + canonical[0].lower() + canonical[1:]
    return "Ketua " + canonical


def build_people(
    agreements: list[Agreement], canonical_names: dict[str, str]
) -> tuple[list[Agreement], list[Person]]:
    """People from the named signatories and seed witnesses; signatories get person ids.

    Posts carry the first and last *exactly known* signing days as
    ``valid_from`` / ``valid_to``: days the post is known to have been held.
    """
    posts: dict[str, dict[tuple[str, str | None, PoliceRank | None], list[Any]]] = {}
    titles: dict[str, str | None] = {}
    linked = []
    for agreement in agreements:
        day = agreement.signing.date.date
        main_source = agreement.sources[0].source
        signatories = []
        for s in agreement.signatories:
            if s.name is None:
                signatories.append(s)
                continue
            name = canonical_name(s.name)
            person_id = slug(name)
            party = next(p for p in agreement.parties if p.institution == s.party)
            title = post_title(party, canonical_names[s.party])
            key = (title, s.party, s.rank)
            entry = posts.setdefault(name, {}).setdefault(key, [None, None, set()])
            _widen(entry, day, main_source)
            if s.academic_titles and not titles.get(name):
                titles[name] = s.academic_titles
            signatories.append(attrs.evolve(s, person=person_id))
        linked.append(attrs.evolve(agreement, signatories=tuple(signatories)))
    by_id = {a.id: a for a in linked}
    for name, title, institution, agreement_id in SEED_WITNESSES:
        agreement = by_id[agreement_id]
        entry = posts.setdefault(name, {}).setdefault(
            (title, institution, None), [None, None, set()]
        )
        _widen(entry, agreement.signing.date.date, agreement.sources[0].source)
    titles["Andi Rian Djajadi"] = "S.I.K., M.H."  # Kompas, 9 Aug 2024
    people = []
    for name, held in posts.items():
        person_posts = tuple(
            sorted(
                (
                    Post(
                        title=title,
                        institution=institution,
                        rank=rank,
                        valid_from=first,
                        valid_to=last,
                        sources=tuple(sorted(cited)),
                    )
                    for (title, institution, rank), (first, last, cited) in held.items()
                ),
                key=lambda p: (p.valid_from or dt.date.max, p.title),
            )
        )
        people.append(
            Person(
                id=slug(name),
                name=name,
                name_variants=VARIANTS.get(name, ()),
                academic_titles=titles.get(name),
                posts=person_posts,
                sources=tuple(sorted({s for p in person_posts for s in p.sources})),
            )
        )
    return linked, sorted(people, key=lambda p: p.id)


def _widen(entry: list[Any], day: dt.date | None, source: str) -> None:
    if day is not None:
        entry[0] = day if entry[0] is None else min(entry[0], day)
        entry[1] = day if entry[1] is None else max(entry[1], day)
    entry[2].add(source)


# --- build -----------------------------------------------------------------------


def _link(agreements: Iterable[Agreement]) -> list[Agreement]:
    related: dict[str, set[str]] = {}
    for a, b in CEREMONIES:
        related.setdefault(a, set()).add(b)
        related.setdefault(b, set()).add(a)
    return [attrs.evolve(a, related=tuple(sorted(related.get(a.id, ())))) for a in agreements]


def build(shared: Path) -> tuple[list[Agreement], list[Person], list[Source]]:
    """Build agreements, people and sources from the reference data in *shared*."""
    check_seeds(shared.parent / "seeds")
    lines = (shared / "agreements" / "source_facts.jsonl").read_text(encoding="utf-8")
    facts = [json.loads(line) for line in lines.splitlines() if line.strip()]
    sources: dict[str, Source] = {s.id: s for s in EXTRA_SOURCES}
    canonical_names: dict[str, str] = {
        "kpu-63.71": "KPU Kota Banjarmasin",
        "polresta-banjarmasin": "Polresta Banjarmasin",
    }
    agreements = []
    for fact in facts:
        agreement = agreement_from_fact(fact, sources)
        for party, raw in zip(agreement.parties, fact["parties"], strict=True):
            canonical_names[party.institution] = raw["canonical"]
        patch = SEED_PATCHES.get(agreement.id)
        agreements.append(patch(agreement) if patch else agreement)
    agreements.append(banjarmasin())
    agreements = _link(agreements)
    agreements, people = build_people(agreements, canonical_names)

    codes = {row["code"] for row in read_csv(shared / "regions" / "regencies.csv")}
    unknown = {code for code in PLACES.values() if code not in codes}
    if unknown:
        raise SystemExit(f"unknown place codes: {sorted(unknown)}")
    missing = set(PLACES) - {a.id for a in agreements}
    if missing:
        raise SystemExit(f"PLACES names unknown agreements: {sorted(missing)}")
    return (
        sorted(agreements, key=lambda a: a.id),
        people,
        sorted(sources.values(), key=lambda s: s.id),
    )


if __name__ == "__main__":
    import sys

    agreements, people, sources = build(Path(sys.argv[1]))
    print(f"{len(agreements)} agreements, {len(people)} people, {len(sources)} sources")
