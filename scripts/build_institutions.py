"""Build the institution registry: every KPU and Bawaslu, Polri, every Polda and the known Polres.

Usage: ``python scripts/build_institutions.py PATH/TO/reference-data`` writes
``datasets/institutions.json`` and merges this script's sources into
``datasets/sources.json`` (normally :mod:`build_datasets` calls :func:`build`).

What comes from where:

- KPU and Bawaslu exist by law (UU 7/2017) at the national level and in every
  province and regency/city, so one of each is listed for every region in
  ``regions/provinces.csv`` and ``regions/regencies.csv`` (1 + 38 + 514).  In
  Aceh they carry their statutory local names, KIP and Panwaslih.
- Polda come from ``institutions/polda.csv``, with the jurisdictions its
  notes describe (Polda Metro Jaya, the Papua split of November 2024).
- Polres, Polresta and Polrestabes are listed only where a source names them:
  ``institutions/polres_examples.csv`` (areas curated below from its
  ``regencies_covered`` column) and the parties of the agreements in
  ``agreements/source_facts.jsonl`` (area = the region the agreement names).
  Nothing is derived from a naming rule.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from _common import DATASETS, read_csv, slug, source_id

from pemilu_pks._model import Extent, Institution, InstitutionKind, JurisdictionArea, Source

W, P = Extent.WHOLE, Extent.PARTIAL

# --- sources of the legal basis (institutions/structure.md) -------------------

KPU_LAW = (
    "https://perpajakan.ddtc.co.id/data-informasi/glosarium/komisi-pemilihan-umum-kpu",
    "https://online.flipbuilder.com/nuht/fjrd/files/basic-html/page177.html",
    "https://www.idntimes.com/news/indonesia/mengenal-fungsi-dan-kewenangan-kpu-lembaga-penyelenggara-pemilu-00-jkxzp-zscmlq/amp",
)
BAWASLU_LAW = (
    "https://bandungbarat.bawaslu.go.id/berita/miliki-perwakilan-di-berbagai-tingkatan-bagaimana-susunan-bawaslu",
    "https://nasional.sindonews.com/read/1181847/12/38-istilah-seputar-pemilu-yuk-dicatat-1692670082/20",
)
BAWASLU_PERMANENT = (
    "https://www.suaranusantara.co/15-tahun-bawaslu-dan-dinamika-kelembagaannya/6",
)
ACEH_NAMES = (
    "http://docplayer.info/47635063-komisiindependen-pemilihan-kepada-yth-yang-mulia-ketua-mahkamah-konstitusi-republik-indonesia-cq-yang-mulia-majelis-hakim-mahkamah-konstitusi.html",
    "https://bawaslu.go.id/index.php/id/berita/lantik-panwaslih-aceh-bagja-minta-segera-lakukan-koordinasi-dengan-pemangku-kepentingan",
    "https://rakyatbicara.com/622/panwaslih-aceh-utara-umumkan-anggota-panwaslihcam-terpilih-untuk-pilkada-2024",
)
NEW_PAPUA = (
    "https://tirto.id/kapolri-soal-pemilu-2024-persatuan-kesatuan-mutlak-harus-dijaga-gAsD",
    "https://news.okezone.com:443/read/2023/11/08/337/2916739/dampingi-jokowi-panglima-tni-hadiri-rakornas-pemilu-2024",
)
REGION_TABLE = ("https://github.com/cahyadsn/wilayah/blob/master/README.md",)
POLICE_HIERARCHY = (
    "https://sites.google.com/prod/view/polri/mabes-polri/tentang-polda",
    "https://wiki-indonesia.club/w/index.php?oldid=26128209&title=Kepolisian_Daerah",
)
#: The seed article on KPU Kota Banjarmasin and Polresta Banjarmasin has no URL;
#: the agreements build creates this source record.
BANJARMASIN_SEED = "reportase9-2023-10-18-kpu-polresta-banjarmasin"

PAPUA_TENGAH_START = dt.date(2024, 11, 30)
PAPUA_BARAT_DAYA_EARLIEST = dt.date(2024, 11, 1)

# --- hand-curated facts from polda.csv notes ----------------------------------

#: Extra names for Polda met in the notes of polda.csv.
POLDA_ALIASES = {
    "Polda Aceh": ("Polda Nanggroe Aceh Darussalam",),
    "Polda Sumatera Utara": ("Poldasu",),
    "Polda Sulawesi Selatan": ("Polda Sulselbar", "Polda Sulawesi Selatan dan Barat"),
    "Polda Metro Jaya": ("Kepolisian Daerah Metropolitan Jakarta Raya",),
}

#: The province each Polda is named for (its ``region``).
POLDA_REGION = {"Polda Metro Jaya": "31"}

#: Headquarters as region codes, where polda.csv's hq_city names one region plainly.
POLDA_SEAT = {
    "Polda Kepulauan Riau": "21.71",
    "Polda Metro Jaya": "31.74",
    "Polda Daerah Istimewa Yogyakarta": "34.04",
    "Polda Kalimantan Selatan": "63.71",
    "Polda Kalimantan Timur": "64.71",
    "Polda Kalimantan Utara": "65.01",
    "Polda Maluku Utara": "82.71",
    "Polda Papua Tengah": "94.01",
}

#: Regencies/cities of Jawa Barat and Banten policed by Polda Metro Jaya.
METRO_JAYA_WHOLE = {
    "32.16": "Kabupaten Bekasi (Polres Metro Bekasi)",
    "32.75": "Kota Bekasi (Polres Metro Bekasi Kota)",
    "32.76": "Kota Depok (Polres Metro Depok)",
    "36.71": "Kota Tangerang (Polres Metro Tangerang Kota; the Soekarno-Hatta airport has its own Polresta)",
    "36.74": "Kota Tangerang Selatan (Polres Tangerang Selatan)",
}
KAB_TANGERANG_NOTE = (
    "Kabupaten Tangerang is split: most of it went to Polda Banten (Polresta Tangerang) by "
    "SK Kapolri KEP/76/I/2016 and KEP/78/I/2016, handed over 3 May 2016; the kecamatan under "
    "Polres Metro Tangerang Kota (incl. Teluknaga, Pakuhaji, Sepatan) stay with Polda Metro Jaya."
)

# --- hand-curated areas of the units in polres_examples.csv -------------------
# name -> (named region, [(code, extent)], extra notes).  Read from the row's
# regencies_covered text; areas a row marks as historical or unverified for
# 2024 are kept in the notes, not in the jurisdiction.

Area = tuple[str, Extent]
POLRES_AREAS: dict[str, tuple[str | None, list[Area], tuple[str, ...]]] = {
    "Polres Tapanuli Selatan": ("12.03", [("12.03", W), ("12.20", W)], ()),
    "Polres Padang Lawas": ("12.21", [("12.21", W)], ()),
    "Polres Padangsidimpuan": ("12.77", [("12.77", W)], ()),
    "Polres Nias": ("12.04", [("12.78", W), ("12.04", W), ("12.24", W), ("12.25", W)], ()),
    "Polrestabes Medan": ("12.71", [("12.71", P), ("12.07", P)], ()),
    "Polres Pelabuhan Belawan": (None, [("12.71", P), ("12.07", P)], ()),
    "Polresta Deli Serdang": ("12.07", [("12.07", P)], ()),
    "Polres Cimahi": ("32.77", [("32.77", W), ("32.17", W), ("32.04", P)], ()),
    "Polres Sukabumi Kota": ("32.72", [("32.72", W), ("32.02", P)], ()),
    "Polres Cirebon Kota": ("32.74", [("32.74", W), ("32.09", P)], ()),
    "Polresta Cirebon": ("32.09", [("32.09", P)], ()),
    "Polres Metro Bekasi": ("32.16", [("32.16", W)], ()),
    "Polres Metro Bekasi Kota": ("32.75", [("32.75", W)], ()),
    "Polres Metro Depok": ("32.76", [("32.76", W)], ()),
    "Polres Metro Tangerang Kota": ("36.71", [("36.71", W), ("36.03", P)], ()),
    "Polres Tangerang Selatan": (
        "36.74",
        [("36.74", W)],
        (
            "As of 2016-2017 it also policed the Kabupaten Tangerang kecamatan Curug, Kelapa Dua, "
            "Legok, Pagedangan and Cisauk; whether they were still attached in 2024 is not "
            "verified, so they are not in the jurisdiction.",
        ),
    ),
    "Polresta Tangerang": ("36.03", [("36.03", P)], ()),
    "Polresta Bandara Soekarno-Hatta": (None, [], ("An airport unit with no region of its own.",)),
    "Polres Pelabuhan Tanjung Priok": (None, [("31.72", P)], ()),
    "Polres Cilegon": ("36.72", [("36.72", W), ("36.04", P)], ()),
    "Polres Payakumbuh": ("13.76", [("13.76", W), ("13.07", P)], ()),
    "Polres Limapuluh Kota": ("13.07", [("13.07", P)], ()),
    "Polres Bukittinggi": ("13.75", [("13.75", W), ("13.06", P)], ()),
    "Polres Padang Panjang": ("13.74", [("13.74", W), ("13.04", P)], ()),
    "Polres Solok Kota": ("13.72", [("13.72", W), ("13.02", P)], ()),
    "Polres Kerinci": ("15.01", [("15.01", W), ("15.72", W)], ()),
    "Polres Bengkulu Utara": (
        "17.03",
        [("17.03", W)],
        (
            "In 2017-2018 it also policed Kabupaten Bengkulu Tengah, which had no Polres; a Polres "
            "Bengkulu Tengah appears by Dec 2024 but its start is unknown, so Bengkulu Tengah is "
            "not in the jurisdiction.",
        ),
    ),
    "Polres Kediri Kota": ("35.71", [("35.71", W), ("35.06", P)], ()),
    "Polres Blitar Kota": ("35.72", [("35.72", W), ("35.05", P)], ()),
    "Polres Pasuruan Kota": ("35.75", [("35.75", W), ("35.14", P)], ()),
    "Polres Probolinggo Kota": ("35.74", [("35.74", W), ("35.13", P)], ()),
    "Polres Mojokerto Kota": ("35.76", [("35.76", W), ("35.16", P)], ()),
    "Polres Batu": ("35.79", [("35.79", W), ("35.07", P)], ()),
    "Polres Pelabuhan Tanjung Perak": (None, [("35.78", P)], ()),
    "Polres Pelabuhan Makassar": (None, [("73.71", P)], ()),
    "Polres Kotamobagu": ("71.74", [("71.74", W), ("71.01", P)], ()),
    "Polres Baubau": (
        "74.72",
        [("74.72", W)],
        (
            "In 2021-2022 it also policed Kabupaten Buton Tengah; Polres Buton Tengah exists by "
            "Feb 2025 but its start is unknown, so Buton Tengah is not in the jurisdiction.",
        ),
    ),
    "Polres Kolaka": (
        "74.01",
        [("74.01", W)],
        (
            "As of Jun 2022 it also policed Kabupaten Kolaka Timur; the 2024 status is unknown, "
            "so Kolaka Timur is not in the jurisdiction.",
        ),
    ),
    "Polres Bima Kota": ("52.72", [("52.72", W), ("52.06", P)], ()),
    "Polresta Pulau Ambon dan Pulau-Pulau Lease": ("81.71", [("81.71", W), ("81.01", P)], ()),
    "Polresta Manokwari": (
        "92.02",
        [("92.02", W)],
        (
            "In 2018-2019 it also policed Tambrauw (distrik Amberbaken and Kebar) and Kabupaten "
            "Pegunungan Arfak; by Apr 2024 those had their own Polres.",
        ),
    ),
    "Polres Jayawijaya": (
        "95.01",
        [("95.01", W)],
        (
            "As of 2018 it also policed Kabupaten Yalimo and Kabupaten Nduga (2013: also Mamberamo "
            "Tengah); Polres Yalimo and Nduga were approved in Nov 2019. Its 2024 area is not "
            "verified beyond Jayawijaya itself.",
        ),
    ),
    "Polres Nabire": (
        "94.01",
        [("94.01", W)],
        (
            "Historically it also policed Kabupaten Dogiyai; by Nov 2024 Dogiyai had its own Polres.",
            "Under Polda Papua during the 2024 elections; under Polda Papua Tengah from 30 Nov 2024.",
        ),
    ),
    "Polresta Sleman": ("34.04", [("34.04", W)], ()),
}

#: Names in polres_examples.csv that carry a remark; the canonical name and aliases.
POLRES_RENAMES = {
    "Polresta Manokwari (formerly Polres Manokwari)": ("Polresta Manokwari", ("Polres Manokwari",)),
}
#: Other names the examples' notes report.
POLRES_ALIASES = {
    "Polres Tapanuli Selatan": ("Polres Tapsel",),
    "Polres Padangsidimpuan": ("Polres Padang Sidempuan", "Polres Padangsidempuan"),
    "Polres Cirebon Kota": ("Polres Ciko",),
    "Polres Metro Bekasi Kota": ("Polrestro Bekasi Kota",),
    "Polresta Bandara Soekarno-Hatta": ("Polresta Bandara Soetta",),
    "Polresta Pulau Ambon dan Pulau-Pulau Lease": (
        "Polresta Ambon",
        "Polresta P. Ambon & P.P. Lease",
        "Polres Pulau Ambon dan Pulau-Pulau Lease",
    ),
}

_KIND_WORD = {
    InstitutionKind.POLDA: "Polda",
    InstitutionKind.POLRES: "Polres",
    InstitutionKind.POLRESTA: "Polresta",
    InstitutionKind.POLRESTABES: "Polrestabes",
}


def _urls(cell: str) -> list[str]:
    return [url.strip() for url in cell.split(" | ") if url.strip()]


def _publisher(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


class _Sources:
    """Collects the Source records this script creates and the ids it cites."""

    def __init__(self, external: set[str]) -> None:
        self.records: dict[str, Source] = {}
        self.external = external  # URLs whose records the agreements build creates

    def cite(self, urls: Iterable[str]) -> tuple[str, ...]:
        ids = []
        for url in urls:
            sid = source_id(url)
            if url not in self.external:
                self.records.setdefault(sid, Source(id=sid, url=url, publisher=_publisher(url)))
            if sid not in ids:
                ids.append(sid)
        return tuple(ids)


# --- election bodies ------------------------------------------------------------


def _election_bodies(shared: Path, sources: _Sources) -> list[Institution]:
    provinces = read_csv(shared / "regions" / "provinces.csv")
    regencies = read_csv(shared / "regions" / "regencies.csv")
    kpu_law = sources.cite(KPU_LAW + REGION_TABLE)
    bawaslu_law = sources.cite(BAWASLU_LAW + REGION_TABLE)
    bawaslu_local = sources.cite(BAWASLU_LAW + BAWASLU_PERMANENT + REGION_TABLE)
    aceh = sources.cite(ACEH_NAMES)
    papua = sources.cite(NEW_PAPUA)
    out = [
        Institution(
            id="kpu-ri",
            kind=InstitutionKind.KPU,
            name="KPU Republik Indonesia",
            aliases=("KPU RI", "KPU", "Komisi Pemilihan Umum Republik Indonesia", "KPU Pusat"),
            region="ID",
            jurisdiction=(JurisdictionArea(region="ID"),),
            sources=kpu_law,
        ),
        Institution(
            id="bawaslu-ri",
            kind=InstitutionKind.BAWASLU,
            name="Bawaslu Republik Indonesia",
            aliases=(
                "Bawaslu RI",
                "Bawaslu",
                "Badan Pengawas Pemilihan Umum Republik Indonesia",
                "Bawaslu Pusat",
            ),
            region="ID",
            jurisdiction=(JurisdictionArea(region="ID"),),
            sources=bawaslu_law,
        ),
    ]

    def body(kind: InstitutionKind, code: str, region_name: str, parent: str) -> Institution:
        word = "KPU" if kind is InstitutionKind.KPU else "Bawaslu"
        extra: tuple[str, ...] = ()
        local = None
        aliases: tuple[str, ...] = ()
        notes: tuple[str, ...] = ()
        if code[:2] == "11":
            extra = aceh
            bare = region_name.removeprefix("Provinsi ")
            if kind is InstitutionKind.KPU:
                local = f"KIP {bare}"
                aliases = (f"Komisi Independen Pemilihan {bare}",)
                notes = ("In Aceh the KPU is the Komisi Independen Pemilihan (KIP).",)
            else:
                local = f"Panwaslih {bare}"
                aliases = (f"Panitia Pengawas Pemilihan {bare}",)
                notes = ("In Aceh the Bawaslu is the Panitia Pengawas Pemilihan (Panwaslih).",)
            if "." not in code:
                aliases += (f"{local.split()[0]} Provinsi Aceh",)
        if code[:2] in {"93", "94", "95", "96"}:
            extra += papua
        law = kpu_law if kind is InstitutionKind.KPU else bawaslu_law
        if kind is InstitutionKind.BAWASLU and "." in code:
            law = bawaslu_local
        return Institution(
            id=f"{word.lower()}-{code}",
            kind=kind,
            name=f"{word} {region_name}",
            aliases=aliases,
            local_name=local,
            parent=parent,
            region=code,
            jurisdiction=(JurisdictionArea(region=code),),
            sources=law + extra,
            notes=notes,
        )

    for row in provinces:
        name = "Provinsi " + row["name"]
        if row["code"] == "11":
            name = "Provinsi Aceh"
        for kind in (InstitutionKind.KPU, InstitutionKind.BAWASLU):
            prefix = "kpu" if kind is InstitutionKind.KPU else "bawaslu"
            out.append(body(kind, row["code"], name, f"{prefix}-ri"))
    for row in regencies:
        for kind in (InstitutionKind.KPU, InstitutionKind.BAWASLU):
            prefix = "kpu" if kind is InstitutionKind.KPU else "bawaslu"
            out.append(
                body(kind, row["code"], row["official_name"], f"{prefix}-{row['province_code']}")
            )
    return out


# --- police ----------------------------------------------------------------------


def _polda(shared: Path, sources: _Sources) -> list[Institution]:
    rows = read_csv(shared / "institutions" / "polda.csv")
    regencies = read_csv(shared / "regions" / "regencies.csv")
    by_province: dict[str, list[str]] = {}
    for row in regencies:
        by_province.setdefault(row["province_code"], []).append(row["code"])
    out = []
    for row in rows:
        name = row["name"]
        codes = row["province_codes"].split(";")
        notes = tuple(
            f"{label}: {text}"
            for label, text in (
                ("Headquarters", row["hq_city"]),
                ("Established", row["established_note"]),
                ("Note", row["note"]),
            )
            if text
        )
        aliases = [a for a in _short_names(row["short_name"]) if a != name]
        aliases += POLDA_ALIASES.get(name, ())
        areas = _polda_areas(name, codes, by_province)
        valid_from = PAPUA_TENGAH_START if name == "Polda Papua Tengah" else None
        out.append(
            Institution(
                id=slug(name),
                kind=InstitutionKind.POLDA,
                name=name,
                aliases=tuple(dict.fromkeys(aliases)),
                parent="polri",
                region=POLDA_REGION.get(name, codes[0]),
                seat=POLDA_SEAT.get(name, _capital_seat(row["hq_city"], codes[0], regencies)),
                jurisdiction=areas,
                valid_from=valid_from,
                sources=sources.cite(_urls(row["source_url"])),
                notes=notes,
            )
        )
    return out


def _short_names(cell: str) -> list[str]:
    """``"Polda Metro Jaya (PMJ)"`` -> ``["Polda Metro Jaya", "PMJ"]``."""
    if "(" in cell:
        head, _, rest = cell.partition("(")
        return [head.strip(), rest.rstrip(")").strip()]
    return [cell.strip()]


def _capital_seat(hq: str, province: str, regencies: list[dict[str, str]]) -> str | None:
    """The code of the kota named plainly as headquarters ("Medan", "Jambi (Kota)").

    A name shared by a kabupaten and a kota ("Serang", "Bandung") counts only
    when the text says "(Kota)".
    """
    explicit = hq.endswith(" (Kota)")
    city = hq.removesuffix(" (Kota)").strip()
    if not explicit and any(
        row["province_code"] == province and row["kind"] == "kabupaten" and row["name"] == city
        for row in regencies
    ):
        return None
    for row in regencies:
        if row["province_code"] == province and row["kind"] == "kota" and row["name"] == city:
            return row["code"]
    return None


def _polda_areas(  # noqa: PLR0911 - one branch per Polda with a special area reads best
    name: str, codes: list[str], by_province: dict[str, list[str]]
) -> tuple[JurisdictionArea, ...]:
    if name == "Polda Metro Jaya":
        return (
            JurisdictionArea(region="31", note="All of DKI Jakarta."),
            JurisdictionArea(
                region="32",
                extent=P,
                note="Kota Bekasi, Kabupaten Bekasi and Kota Depok; the rest of Jawa Barat is Polda Jawa Barat.",
            ),
            JurisdictionArea(
                region="36",
                extent=P,
                note="Kota Tangerang, Kota Tangerang Selatan and part of Kabupaten Tangerang; the rest of Banten is Polda Banten.",
            ),
            *(JurisdictionArea(region=code, note=note) for code, note in METRO_JAYA_WHOLE.items()),
            JurisdictionArea(region="36.03", extent=P, note=KAB_TANGERANG_NOTE),
        )
    if name == "Polda Jawa Barat":
        rest = [c for c in by_province["32"] if c not in METRO_JAYA_WHOLE]
        return (
            JurisdictionArea(
                region="32",
                extent=P,
                note="All of Jawa Barat except Kota Bekasi, Kabupaten Bekasi and Kota Depok (Polda Metro Jaya); its regencies and cities are listed one by one.",
            ),
            *(JurisdictionArea(region=code) for code in rest),
        )
    if name == "Polda Banten":
        rest = [c for c in by_province["36"] if c not in METRO_JAYA_WHOLE and c != "36.03"]
        return (
            JurisdictionArea(
                region="36",
                extent=P,
                note="All of Banten except Kota Tangerang, Kota Tangerang Selatan and part of Kabupaten Tangerang (Polda Metro Jaya); its regencies and cities are listed one by one.",
            ),
            *(JurisdictionArea(region=code) for code in rest),
            JurisdictionArea(region="36.03", extent=P, note=KAB_TANGERANG_NOTE),
        )
    if name == "Polda Papua":
        return (
            JurisdictionArea(region="91"),
            JurisdictionArea(
                region="93", note="Papua Selatan had no Polda of its own at the end of 2024."
            ),
            JurisdictionArea(
                region="94",
                valid_to=PAPUA_TENGAH_START - dt.timedelta(days=1),
                note=(
                    "Until Polda Papua Tengah began: its first Kapolda, appointed by "
                    "ST/2517/XI/KEP./2024, was installed on 30 Nov 2024 (after Pilkada voting on "
                    "27 Nov 2024), so Polda Papua covered Papua Tengah until 29 Nov 2024."
                ),
            ),
            JurisdictionArea(
                region="95", note="Papua Pegunungan had no Polda of its own at the end of 2024."
            ),
        )
    if name == "Polda Papua Tengah":
        return (
            JurisdictionArea(
                region="94",
                valid_from=PAPUA_TENGAH_START,
                note="From the installation of its first Kapolda on 30 Nov 2024; before that Polda Papua.",
            ),
        )
    if name == "Polda Papua Barat":
        return (
            JurisdictionArea(region="92"),
            JurisdictionArea(
                region="96",
                note=(
                    "Until Polda Papua Barat Daya took over. Its first Kapolda was appointed by "
                    "ST/2517/XI/KEP./2024 in November 2024; the day of the handover is not in the "
                    "sources, so no end is recorded and from 1 Nov 2024 both Polda are returned for "
                    "Papua Barat Daya."
                ),
            ),
        )
    if name == "Polda Papua Barat Daya":
        return (
            JurisdictionArea(
                region="96",
                valid_from=PAPUA_BARAT_DAYA_EARLIEST,
                note=(
                    "Earliest possible start: the appointing telegram ST/2517/XI/KEP./2024 is of "
                    "November 2024 and no day is in the sources; 1 Nov 2024 is that month's first "
                    "day, not the day the Polda began."
                ),
            ),
        )
    return tuple(JurisdictionArea(region=code) for code in codes)


def _polres_from_examples(
    shared: Path, sources: _Sources, polda_by_short: dict[str, str]
) -> dict[str, Institution]:
    out = {}
    for row in read_csv(shared / "institutions" / "polres_examples.csv"):
        name, renamed_aliases = POLRES_RENAMES.get(row["name"], (row["name"], ()))
        region, areas, extra_notes = POLRES_AREAS[name]
        kind = (
            InstitutionKind.POLRES
            if row["kind"] == "polres_metro"
            else InstitutionKind(row["kind"])
        )
        polda = row["polda"].split(" (")[0]
        coverage = f"Area (as of {row['as_of']}): {row['regencies_covered']}"
        out[name] = Institution(
            id=slug(name),
            kind=kind,
            name=name,
            aliases=renamed_aliases + POLRES_ALIASES.get(name, ()),
            parent=polda_by_short[polda],
            region=region,
            jurisdiction=tuple(
                JurisdictionArea(region=code, extent=extent, note=coverage)
                for code, extent in areas
            ),
            sources=sources.cite(_urls(row["source_url"])),
            notes=(coverage, *([row["note"]] if row["note"] else []), *extra_notes),
        )
    return out


def _facts(shared: Path) -> list[dict[str, object]]:
    path = shared / "agreements" / "source_facts.jsonl"
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _external_urls(facts: list[dict[str, object]]) -> set[str]:
    urls: set[str] = set()
    for fact in facts:
        urls.add(str(fact["url"]))
        urls.update(str(u) for u in fact.get("additional_urls", []) or [])  # type: ignore[attr-defined]
    return urls


def _units_from_agreements(
    facts: list[dict[str, object]],
    poldas: list[Institution],
    known: dict[str, Institution],
) -> dict[str, Institution]:
    """Polres-level units and others named as parties; area = the region the agreement names."""
    polda_of_province: dict[str, str] = {}
    for polda in poldas:
        for area in polda.jurisdiction:
            if "." not in area.region and area.extent is W and area.valid_to is None:
                polda_of_province.setdefault(area.region, polda.id)
    out: dict[str, Institution] = {}
    for fact in facts:
        cited = source_id(str(fact["url"]))
        for party in fact["parties"]:  # type: ignore[attr-defined]
            kind = InstitutionKind(party["kind"])
            if kind.is_election_body or kind in {InstitutionKind.POLRI, InstitutionKind.POLDA}:
                continue
            name = party["canonical"]
            code = party["region_code"]
            area_note = f"The agreement {fact['id']} names {party['region_name']} as its area."
            previous = out.get(name) or known.get(name)
            if previous is not None:
                out[name] = _with_source(previous, cited)
                continue
            is_other = kind is InstitutionKind.OTHER
            aliases: tuple[str, ...] = ()
            if name.startswith("Kejaksaan Negeri "):
                aliases = ("Kejari " + name.removeprefix("Kejaksaan Negeri "),)
            out[name] = Institution(
                id=("kejari-" + slug(name.removeprefix("Kejaksaan Negeri ")))
                if name.startswith("Kejaksaan Negeri ")
                else slug(name),
                kind=kind,
                name=name,
                aliases=aliases,
                parent=None if is_other else polda_of_province[code.split(".")[0]],
                region=code,
                jurisdiction=(JurisdictionArea(region=code, note=area_note),),
                sources=(cited,),
                notes=(
                    ()
                    if is_other
                    else ("Parent: the Polda whose jurisdiction holds the province of its area.",)
                ),
            )
    return out


def _with_source(record: Institution, source: str) -> Institution:
    if source in record.sources:
        return record
    import attrs

    return attrs.evolve(record, sources=(*record.sources, source))


def _banjarmasin(polda_of: dict[str, str]) -> Institution:
    return Institution(
        id="polresta-banjarmasin",
        kind=InstitutionKind.POLRESTA,
        name="Polresta Banjarmasin",
        aliases=("Kepolisian Resor Kota Banjarmasin",),
        parent=polda_of["63"],
        region="63.71",
        jurisdiction=(
            JurisdictionArea(
                region="63.71",
                note="Signed with KPU Kota Banjarmasin on 18 Oct 2023 as the police of Kota Banjarmasin.",
            ),
        ),
        sources=(BANJARMASIN_SEED,),
        notes=("Parent: the Polda whose jurisdiction holds the province of its area.",),
    )


def _abbreviation_aliases(shared: Path, units: list[Institution]) -> list[Institution]:
    """Add "Polres Tapsel" for "Polres Tapanuli Selatan": region abbreviations in unit names."""
    import attrs

    names = {row["code"]: row["name"] for row in read_csv(shared / "regions" / "provinces.csv")}
    names.update(
        {row["code"]: row["name"] for row in read_csv(shared / "regions" / "regencies.csv")}
    )
    abbreviations = read_csv(shared / "regions" / "abbreviations.csv")
    out = []
    for unit in units:
        word = _KIND_WORD.get(unit.kind)
        extra = []
        for row in abbreviations:
            region_name = names[row["region_code"]]
            if word and unit.name == f"{word} {region_name}":
                extra.append(f"{word} {row['abbreviation']}")
        aliases = tuple(dict.fromkeys((*unit.aliases, *extra)))
        out.append(attrs.evolve(unit, aliases=aliases) if aliases != unit.aliases else unit)
    return out


def build(shared: Path) -> tuple[list[Institution], list[Source]]:
    """Build every institution record and the sources this script creates.

    Args:
        shared: The reference-data folder (with ``regions/``, ``institutions/``, ``agreements/``).

    Returns:
        The institutions sorted by id, and the Source records they cite that
        the agreements build does not create (agreement URLs and the
        Banjarmasin seed are cited by id only).
    """
    facts = _facts(shared)
    sources = _Sources(_external_urls(facts))
    polri = Institution(
        id="polri",
        kind=InstitutionKind.POLRI,
        name="Kepolisian Negara Republik Indonesia",
        aliases=("Polri", "Mabes Polri", "Markas Besar Polri", "Kepolisian RI"),
        region="ID",
        jurisdiction=(JurisdictionArea(region="ID"),),
        sources=sources.cite(POLICE_HIERARCHY),
    )
    poldas = _polda(shared, sources)
    polda_by_short = {}
    for polda in poldas:
        polda_by_short[polda.name] = polda.id
        for alias in polda.aliases:
            polda_by_short.setdefault(alias, polda.id)
    examples = _polres_from_examples(shared, sources, polda_by_short)
    from_agreements = _units_from_agreements(facts, poldas, examples)
    units = {**examples, **from_agreements}
    polda_of = {p.region: p.id for p in poldas if p.region}
    units["Polresta Banjarmasin"] = _banjarmasin(polda_of)
    police = _abbreviation_aliases(shared, [*poldas, *units.values()])
    records = [*_election_bodies(shared, sources), polri, *police]
    records.sort(key=lambda r: r.id)
    ids = [r.id for r in records]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate institution ids")
    return records, sorted(sources.records.values(), key=lambda s: s.id)


def _write(shared: Path) -> None:
    """Write institutions.json and merge this script's sources into sources.json."""
    from pemilu_pks._dataset import read_records, records_json

    records, own_sources = build(shared)
    (DATASETS / "institutions.json").write_text(
        records_json("institutions", records), encoding="utf-8"
    )
    merged = {s.id: s for s in read_records(DATASETS, "sources")}
    for source in own_sources:
        known = merged.setdefault(source.id, source)
        if known != source:
            print(f"keeping the existing record for source {source.id}")
    (DATASETS / "sources.json").write_text(
        records_json("sources", merged.values()), encoding="utf-8"
    )
    print(f"{len(records)} institutions, {len(own_sources)} sources")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    _write(Path(sys.argv[1]))
