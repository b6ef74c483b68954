"""The Kemendagri region hierarchy: counts, get, lookup, search, navigation, files."""

from __future__ import annotations

import csv
import re
import threading
from collections import Counter
from pathlib import Path

import attrs
import pytest

import pemilu_pks as pk
from pemilu_pks._dataset import bundled_path
from pemilu_pks._regions import describe
from source_tree import ROOT

L = pk.RegionLevel

#: Kepmendagri 300.2.2-2138/2025.
COUNTS = {
    L.COUNTRY: 1,
    L.PROVINCE: 38,
    L.REGENCY: 416,
    L.CITY: 98,
    L.DISTRICT: 7285,
    L.URBAN_VILLAGE: 8496,
    L.VILLAGE: 75252,
    L.CUSTOMARY_VILLAGE: 14,
}


def folder() -> Path:
    """The bundled region folder (a real folder, in a checkout or an installed wheel)."""
    return Path(str(bundled_path() / "regions"))


@pytest.fixture(scope="module")
def regions() -> pk.Regions:
    """The bundled regions."""
    return pk.load().regions


@pytest.fixture(scope="module")
def everything(regions: pk.Regions) -> list[pk.Region]:
    """Every region, in iteration order."""
    return list(regions)


class TestCounts:
    """The numbers of the decree."""

    def test_per_level(self, everything: list[pk.Region]) -> None:
        """38 provinces, 416 + 98 regencies and cities, 7,285 districts, 83,762 villages."""
        assert COUNTS == dict(Counter(r.level for r in everything))

    def test_per_depth(self, everything: list[pk.Region]) -> None:
        """514 regencies and cities together, 83,762 villages of three kinds."""
        assert {0: 1, 1: 38, 2: 514, 3: 7285, 4: 83762} == dict(
            Counter(r.level.depth for r in everything)
        )

    def test_len_without_loading_villages(self) -> None:
        """len() is 91,600 and is counted without building village objects."""
        fresh = pk.Regions.from_folder(folder())
        assert 91600 == len(fresh)
        assert all(not name.startswith("villages:") for name in fresh._cache)

    def test_len_matches_iteration(self, regions: pk.Regions, everything: list[pk.Region]) -> None:
        """Iteration yields exactly len() regions, each code once."""
        assert len(regions) == len(everything) == len({r.code for r in everything})

    def test_iteration_in_code_order(self, everything: list[pk.Region]) -> None:
        """The country first, then each region followed by its descendants (sorted codes)."""
        codes = [r.code for r in everything]
        assert "ID" == codes[0]
        assert sorted(codes[1:]) == codes[1:]

    def test_every_parent_exists_one_level_up(
        self, regions: pk.Regions, everything: list[pk.Region]
    ) -> None:
        """Each region's parent exists and is one level higher; only the country has none."""
        bad = []
        for region in everything[1:]:
            parent = regions.get(region.parent or "")
            if parent is None or parent.level.depth != region.level.depth - 1:
                bad.append(region.code)
        assert [] == bad
        assert everything[0].parent is None

    def test_provinces_have_iso_codes(self, regions: pk.Regions) -> None:
        """All 38 provinces have a distinct ISO 3166-2 code; nothing else has one."""
        provinces = regions.children("ID")
        codes = {p.iso_3166_2 for p in provinces}
        assert 38 == len(codes)
        assert all(re.fullmatch(r"ID-[A-Z]{2}", c or "") for c in codes)
        assert {None} == {r.iso_3166_2 for r in regions.children("63")}


class TestGet:
    """get() returns a Region or None, never raises for a string."""

    def test_city(self, regions: pk.Regions) -> None:
        """The documented example."""
        assert pk.Region(
            code="63.71",
            name="Banjarmasin",
            official_name="Kota Banjarmasin",
            level=L.CITY,
            parent="63",
            iso_3166_2=None,
        ) == regions.get("63.71")

    def test_each_level(self, regions: pk.Regions) -> None:
        """Country, province, regency, district and village records."""
        assert ("Indonesia", L.COUNTRY, None) == _summary(regions.get("ID"))
        assert ("Kalimantan Selatan", L.PROVINCE, "ID") == _summary(regions.get("63"))
        assert "ID-KS" == regions.get("63").iso_3166_2  # type: ignore[union-attr]
        assert ("Kapuas Hulu", L.REGENCY, "61") == _summary(regions.get("61.06"))
        assert ("Banjarmasin Selatan", L.DISTRICT, "63.71") == _summary(regions.get("63.71.01"))
        assert ("Mantuil", L.URBAN_VILLAGE, "63.71.01") == _summary(regions.get("63.71.01.1001"))
        assert L.CUSTOMARY_VILLAGE == regions.get("91.03.13.3001").level  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        "code",
        [
            "99",
            "63.99",
            "63.71.99",
            "63.71.01.9999",
            "",
            "63.7",
            "6371",
            "63.71.",
            "id ",
            "ID-KS",
            "63.71.01.1001\n",
            "٦٣",
            " 63",
            "x" * 10_000,
        ],
    )
    def test_unknown_or_malformed(self, regions: pk.Regions, code: str) -> None:
        """Unknown and malformed codes give None."""
        assert regions.get(code) is None

    def test_non_string(self, regions: pk.Regions) -> None:
        """A non-string gives the default, not an exception."""
        assert regions.get(63) is None  # type: ignore[arg-type]
        assert regions.get(None) is None  # type: ignore[arg-type]

    def test_default(self, regions: pk.Regions) -> None:
        """The default is returned for an unknown code."""
        country = regions.get("ID")
        assert country is regions.get("99", country)

    def test_cached(self, regions: pk.Regions) -> None:
        """The same object each time."""
        assert regions.get("63.71.01.1001") is regions.get("63.71.01.1001")

    def test_contains(self, regions: pk.Regions) -> None:
        """`in` takes codes and regions."""
        city = regions.get("63.71")
        assert city is not None
        assert "63.71" in regions
        assert city in regions
        assert "99" not in regions
        assert attrs.evolve(city, name="Other") not in regions


def _summary(region: pk.Region | None) -> tuple[str, pk.RegionLevel, str | None]:
    assert region is not None
    return region.name, region.level, region.parent


class TestLookup:
    """Names as Indonesian news writes them."""

    @pytest.mark.parametrize(
        ("name", "code"),
        [
            ("Kalsel", "63"),
            ("Kab. Tapsel", "12.03"),
            ("Tapsel", "12.03"),
            ("Kota Banjarmasin", "63.71"),
            ("kabupaten kapuas hulu", "61.06"),
            ("Paluta", "12.20"),
            ("KALIMANTAN   SELATAN", "63"),
            ("kalimantan-selatan", "63"),
            ("Provinsi Kalimantan Selatan", "63"),
            ("Prov. Kalsel", "63"),
            ("Kapuas  Hulu", "61.06"),
            ("KapuasHulu", "61.06"),
            ("Kab Kapuas Hulu", "61.06"),
            ("Kabupaten Malang", "35.07"),
            ("Kota Malang", "35.73"),
            ("Kota Administrasi Jakarta Selatan", "31.74"),
            ("Kota Jakarta Selatan", "31.74"),
            ("Jaksel", "31.74"),
            ("DKI Jakarta", "31"),
            ("Padang Sidimpuan", "12.77"),
            ("Indonesia", "ID"),
            ("Kecamatan Banjarmasin Selatan", "63.71.01"),
            ("Kelurahan Mantuil", "63.71.01.1001"),
            ("Desa Mantuil", "63.09.08.2006"),
            ("63.71", "63.71"),
            ("id-ks", "63"),
        ],
    )
    def test_resolves(self, regions: pk.Regions, name: str, code: str) -> None:
        """Official names, short names, prefixes, abbreviations and codes."""
        assert code == regions.lookup(name).code

    def test_highest_level_wins_over_villages(self, regions: pk.Regions) -> None:
        """The city "Banjarmasin" wins although two villages share the name."""
        village = regions.lookup("Banjarmasin", level="village", within="18.06.27")
        assert ("18.06.27.2003", "Banjarmasin") == (village.code, village.name)
        village = regions.lookup("Banjarmasin", level="village", within="36.01")
        assert ("36.01.28.2001", "Banjarmasin") == (village.code, village.name)
        assert "63.71" == regions.lookup("Banjarmasin").code

    @pytest.mark.parametrize(
        ("name", "province", "city"), [("Jambi", "15", "15.71"), ("Bengkulu", "17", "17.71")]
    )
    def test_province_over_city(
        self, regions: pk.Regions, name: str, province: str, city: str
    ) -> None:
        """A province and a city of the same name: the province, unless level="city"."""
        assert province == regions.lookup(name).code
        assert city == regions.lookup(name, level="city").code
        assert city == regions.lookup(name, level=L.CITY).code
        assert city == regions.lookup(name, within=province).code

    def test_gorontalo(self, regions: pk.Regions) -> None:
        """Gorontalo is a province, a kabupaten and a kota; below the province it is ambiguous."""
        assert "75" == regions.lookup("Gorontalo").code
        with pytest.raises(pk.AmbiguousError):
            regions.lookup("Gorontalo", within="75")

    def test_ambiguous(self, regions: pk.Regions) -> None:
        """Malang is a kabupaten and a kota: the error lists both with codes."""
        with pytest.raises(pk.AmbiguousError) as caught:
            regions.lookup("Malang")
        assert ("Kabupaten Malang (35.07)", "Kota Malang (35.73)") == caught.value.candidates
        assert "Kabupaten Malang (35.07), Kota Malang (35.73)" in str(caught.value)
        assert "Malang" == caught.value.query
        assert isinstance(caught.value, LookupError)

    def test_ambiguous_villages_are_many(self, regions: pk.Regions) -> None:
        """A common village name lists every candidate on the error, ten in the message."""
        with pytest.raises(pk.AmbiguousError) as caught:
            regions.lookup("Mekar Jaya", level="village")
        assert len(caught.value.candidates) > 10
        assert f"and {len(caught.value.candidates) - 10} more" in str(caught.value)

    def test_ambiguous_same_level_villages(self, regions: pk.Regions) -> None:
        """A desa and a kelurahan of the same name are one level: ambiguous."""
        with pytest.raises(pk.AmbiguousError) as caught:
            regions.lookup("Mantuil")
        assert (
            "Desa Mantuil (63.09.08.2006)",
            "Kelurahan Mantuil (63.71.01.1001)",
        ) == caught.value.candidates

    def test_not_found(self, regions: pk.Regions) -> None:
        """Unknown names raise NotFoundError, a LookupError."""
        with pytest.raises(pk.NotFoundError) as caught:
            regions.lookup("Atlantis")
        assert isinstance(caught.value, LookupError)
        assert isinstance(caught.value, pk.PemiluPksError)
        assert "'Atlantis'" in str(caught.value)

    def test_not_found_suggests(self, regions: pk.Regions) -> None:
        """A typo is not resolved, but the message suggests the right region with its code."""
        with pytest.raises(pk.NotFoundError) as caught:
            regions.lookup("Banjarmasn")
        assert "Kota Banjarmasin (63.71)" == caught.value.suggestions[0]
        assert "did you mean Kota Banjarmasin (63.71)" in str(caught.value)

    def test_prefix_restricts_level(self, regions: pk.Regions) -> None:
        """The prefix of "Kota Kapuas Hulu" excludes the kabupaten."""
        with pytest.raises(pk.NotFoundError, match="Kabupaten Kapuas Hulu"):
            regions.lookup("Kota Kapuas Hulu")

    def test_level_mismatch(self, regions: pk.Regions) -> None:
        """A level filter that excludes the only match: not found, and the message says why."""
        with pytest.raises(pk.NotFoundError, match="level 'province'"):
            regions.lookup("Banjarmasin", level="province")
        with pytest.raises(pk.NotFoundError):
            regions.lookup("63.71", level="regency")

    def test_within(self, regions: pk.Regions) -> None:
        """within= takes a code, a name or a Region and keeps only its descendants."""
        assert "63.71.01.1001" == regions.lookup("Mantuil", within="63.71").code
        assert "63.09.08.2006" == regions.lookup("Mantuil", within="Kalsel", level="village").code
        tapin = regions.get("63.05")
        assert tapin is not None
        with pytest.raises(pk.NotFoundError, match="within Kabupaten Tapin"):
            regions.lookup("Mantuil", within=tapin)
        with pytest.raises(pk.NotFoundError):
            regions.lookup("63.71", within="61")

    def test_within_unknown(self, regions: pk.Regions) -> None:
        """An unknown within= region raises NotFoundError."""
        with pytest.raises(pk.NotFoundError):
            regions.lookup("Mantuil", within="Atlantis")

    @pytest.mark.parametrize("level", ["town", "", 3, "villages"])
    def test_bad_level(self, regions: pk.Regions, level: object) -> None:
        """A level that is not a RegionLevel value is an error of the library, naming the values."""
        with pytest.raises(pk.ValidationError, match="urban_village"):
            regions.lookup("Jambi", level=level)  # type: ignore[arg-type]

    def test_unknown_code(self, regions: pk.Regions) -> None:
        """A code-shaped name that is no region is not found."""
        with pytest.raises(pk.NotFoundError, match=r"no region with code '99\.99'"):
            regions.lookup("99.99")
        with pytest.raises(pk.NotFoundError, match="ISO"):
            regions.lookup("ID-XX")

    def test_every_abbreviation(self, regions: pk.Regions) -> None:
        """Each row of abbreviations.csv resolves to its region."""
        with (folder() / "abbreviations.csv").open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert 57 == len(rows)
        assert [] == [r for r in rows if regions.lookup(r["abbreviation"]).code != r["region_code"]]

    def test_every_upper_official_name(self, regions: pk.Regions) -> None:
        """Every province, regency and city is found by its official name and by its code."""
        upper = [r for p in regions.children("ID") for r in (p, *regions.children(p))]
        assert 552 == len(upper)
        assert [] == [r.code for r in upper if regions.lookup(r.official_name) != r]
        assert [] == [r.code for r in upper if regions.lookup(r.code) != r]


class TestOtherNames:
    """The names people type: everyday, former and official names from names.csv."""

    @pytest.mark.parametrize(
        ("name", "code"),
        [
            ("Jakarta", "31"),
            ("DKJ", "31"),
            ("Daerah Khusus Jakarta", "31"),
            ("Jogja", "34"),
            ("Yogya", "34"),
            ("Nanggroe Aceh Darussalam", "11"),
            ("NAD", "11"),
            ("Irian Jaya", "91"),
            ("Ujung Pandang", "73.71"),
            ("Solo", "33.72"),
        ],
    )
    def test_names_people_type(self, regions: pk.Regions, name: str, code: str) -> None:
        """Everyday and former names resolve to the province or city they mean."""
        assert code == regions.lookup(name).code

    def test_every_row_resolves_at_its_level(self, regions: pk.Regions) -> None:
        """Each row of names.csv finds its region, asked at that region's level."""
        rows = _names_rows()
        found = []
        for row in rows:
            region = regions.get(row["region_code"])
            assert region is not None, row
            found.append(regions.lookup(row["name"], level=region.level) == region)
        assert [] == [row["name"] for row, ok in zip(rows, found, strict=True) if not ok]

    def test_every_row_cites_its_source(self) -> None:
        """Every name has a kind and a source: a law (UU, PP, Peraturan) or a public URL."""
        rows = _names_rows()
        assert rows
        assert {"everyday", "former", "official"} >= {row["kind"] for row in rows}
        cited = re.compile(r"https://\S+|\b(?:UU|PP|Peraturan|Undang-Undang)\b")
        assert [] == [row["name"] for row in rows if not cited.search(row["source"])]
        keys = [(tuple(map(int, r["region_code"].split("."))), r["name"].casefold()) for r in rows]
        assert sorted(keys) == keys

    def test_famous_region_outranks_village(self, regions: pk.Regions) -> None:
        """A province or city named like a village wins lookup and leads the suggestions."""
        village = regions.lookup("Jogja", level="village")
        assert pk.RegionLevel.VILLAGE == village.level
        assert "34" == regions.lookup("Jogja").code
        assert ["34", "34.71"] == [r.code for r in regions.search("Jogja", limit=2)]
        assert "34.71" == regions.lookup("Jogja", level="city").code
        with pytest.raises(pk.NotFoundError) as info:
            regions.lookup("Jakrta")
        assert info.value.suggestions[0].endswith("(31)")

    def test_bad_names_table(self, tmp_path: Path) -> None:
        """A names.csv row without a known kind is a DataError naming file and line."""
        _tiny(tmp_path)
        (tmp_path / "names.csv").write_text(
            "name,region_code,kind,source\nContohan,01,nickname,UU No. 1 Tahun 2000\n",
            encoding="utf-8",
        )
        with pytest.raises(pk.DataError, match=r"names\.csv: line 2: kind 'nickname'"):
            pk.Regions.from_folder(tmp_path).lookup("Contohan")


def _names_rows() -> list[dict[str, str]]:
    with (folder() / "names.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


class TestSearch:
    """Ranked candidates for typos."""

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("Banjarmasn", "63.71"),
            ("Kapuas Hullu", "61.06"),
            ("Kalimantan Seltan", "63"),
            ("Tapanuli Selatn", "12.03"),
            ("Malang", "35.07"),
        ],
    )
    def test_best_first(self, regions: pk.Regions, text: str, code: str) -> None:
        """The intended region comes first."""
        assert code == regions.search(text)[0].code

    def test_limit_and_order(self, regions: pk.Regions) -> None:
        """At most *limit* results, exact matches first, higher levels before lower."""
        found = regions.search("Malang", limit=3)
        assert 3 == len(found)
        assert ["35.07", "35.73"] == [r.code for r in found[:2]]

    def test_containing_names_first(self, regions: pk.Regions) -> None:
        """Names containing the text (from a word start) come first, higher levels first."""
        found = [r.code for r in regions.search("Banjar", limit=5)]
        assert ["32.79", "63.03"] == found[:2]  # exact names first: Kota and Kabupaten Banjar
        assert {"33.04", "63.71", "63.72"} == set(found[2:])  # Banjarnegara, -masin, -baru
        # "Jogjakarta" (Yogyakarta) does not contain "Jakarta" at a word start: merely close.
        jakarta = [r.code for r in regions.search("Jakarta", limit=6)]
        assert ["31", "31.71", "31.72", "31.73", "31.74", "31.75"] == jakarta

    def test_nothing_close(self, regions: pk.Regions) -> None:
        """Gibberish gives an empty list."""
        assert [] == regions.search("qqqzzzxxx")

    def test_villages_on_demand(self, regions: pk.Regions) -> None:
        """Villages are searched when the level asks for them, within a region if given."""
        found = regions.search("Mantuill", level="urban_village", within="63")
        assert "63.71.01.1001" == found[0].code
        assert all(r.level is L.URBAN_VILLAGE for r in found)


class TestNavigation:
    """parent, children, ancestors, descendants, contains."""

    def test_parent(self, regions: pk.Regions) -> None:
        """One level up; None for the country."""
        assert "63.71.01" == regions.parent("63.71.01.1001").code  # type: ignore[union-attr]
        assert "ID" == regions.parent("Kalsel").code  # type: ignore[union-attr]
        assert regions.parent("ID") is None

    def test_children(self, regions: pk.Regions) -> None:
        """Direct children in code order, at each level."""
        assert 38 == len(regions.children("ID"))
        assert 13 == len(regions.children("63"))
        assert ["63.71.01", "63.71.02", "63.71.03", "63.71.04", "63.71.05"] == [
            r.code for r in regions.children("Kota Banjarmasin")
        ]
        assert 52 == sum(len(regions.children(d)) for d in regions.children("63.71"))
        assert [] == regions.children("63.71.01.1001")

    def test_ancestors(self, regions: pk.Regions) -> None:
        """Nearest first, ending with the country."""
        assert ["63.71.01", "63.71", "63", "ID"] == [
            r.code for r in regions.ancestors("63.71.01.1001")
        ]
        assert [] == regions.ancestors("ID")

    def test_descendants(self, regions: pk.Regions) -> None:
        """Every region below, in code order."""
        found = regions.descendants("63.71")
        assert 57 == len(found)
        assert sorted(r.code for r in found) == [r.code for r in found]
        assert 91599 == len(regions.descendants("ID"))
        assert [] == regions.descendants("63.71.01.1001")

    def test_contains(self, regions: pk.Regions) -> None:
        """A region contains itself and everything below it, nothing else."""
        assert regions.contains("63", "63.71.01.1001")
        assert regions.contains("Kalsel", "Kota Banjarmasin")
        assert regions.contains("ID", "63")
        assert regions.contains("63.71", "63.71")
        assert not regions.contains("63.71", "63")
        assert not regions.contains("61", "63.71")
        assert not regions.contains("63.71", "63.72")

    def test_navigation_takes_regions(self, regions: pk.Regions) -> None:
        """A Region object works wherever a code does."""
        city = regions.get("63.71")
        assert city is not None
        assert regions.children(city) == regions.children("63.71")

    def test_unknown(self, regions: pk.Regions) -> None:
        """Unknown regions raise NotFoundError; ambiguous names AmbiguousError."""
        with pytest.raises(pk.NotFoundError):
            regions.children("99")
        with pytest.raises(pk.AmbiguousError):
            regions.parent("Malang")
        stranger = pk.Region(code="99", name="X", official_name="X", level=L.PROVINCE, parent="ID")
        with pytest.raises(pk.NotFoundError):
            regions.ancestors(stranger)


class TestThreads:
    """Lazy loading under concurrent first use."""

    def test_sixteen_threads(self) -> None:
        """16 threads querying a fresh Regions at once all get the same objects."""
        fresh = pk.Regions.from_folder(folder())
        barrier = threading.Barrier(16)
        results: list[tuple[object, ...]] = []
        errors: list[BaseException] = []

        def work(index: int) -> None:
            try:
                barrier.wait()
                got: tuple[object, ...]
                if index % 2:
                    got = (
                        fresh.get("63.71.01.1001"),
                        fresh.lookup("Kalsel"),
                        len(fresh.children("63.71.01")),
                    )
                else:
                    got = (
                        fresh.lookup("Mantuil", within="63.71"),
                        fresh.get("63"),
                        len(fresh.descendants("63.71.01")),
                    )
                results.append((index % 2, *got))
            except BaseException as exc:  # reported by the main thread
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [] == errors
        assert 2 == len(set(results))
        village = fresh.get("63.71.01.1001")
        assert all(village is r[1] for r in results)


class TestImmutability:
    """Nothing a user holds can change the regions."""

    def test_region_is_frozen(self, regions: pk.Regions) -> None:
        """Region attributes cannot be set."""
        city = regions.get("63.71")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            city.name = "Other"  # type: ignore[misc,union-attr]

    def test_regions_is_frozen(self, regions: pk.Regions) -> None:
        """The collection cannot be given attributes."""
        with pytest.raises(AttributeError):
            regions._cache = {}
        with pytest.raises(AttributeError):
            del regions._folder

    def test_lists_are_copies(self, regions: pk.Regions) -> None:
        """Changing a returned list does not change the next answer."""
        regions.children("63").clear()
        assert 13 == len(regions.children("63"))

    def test_hashable(self, regions: pk.Regions) -> None:
        """Regions are hashable and compare by value."""
        city = regions.get("63.71")
        assert {city} == {attrs.evolve(city)}  # type: ignore[misc]


class TestFiles:
    """The region folder: writing back, user folders, errors."""

    def test_write_is_byte_identical(self, tmp_path: Path) -> None:
        """Reading the bundled folder and writing it back gives the same bytes, file by file."""
        pk.Regions.from_folder(folder()).write(tmp_path)
        source = folder()
        expected = {
            p.relative_to(source).as_posix(): p.read_bytes()
            for p in source.rglob("*")
            if p.is_file()
        }
        written = {
            p.relative_to(tmp_path).as_posix(): p.read_bytes()
            for p in tmp_path.rglob("*")
            if p.is_file()
        }
        assert sorted(expected) == sorted(written)
        assert [] == [name for name in expected if expected[name] != written[name]]

    def test_user_folder(self, tmp_path: Path) -> None:
        """A small folder of one's own reads, looks up and writes back unchanged."""
        _tiny(tmp_path / "in")
        mine = pk.Regions.from_folder(tmp_path / "in")
        assert 5 == len(mine)
        assert "01.01.01.2001" == mine.lookup("Desa Satu").code
        assert "01" == mine.lookup("Prov. Contoh").code
        mine.write(tmp_path / "out")
        for name in ("provinces.csv", "regencies.csv", "districts.csv", "villages/01.csv"):
            assert (tmp_path / "in" / name).read_bytes() == (tmp_path / "out" / name).read_bytes()
        assert not (tmp_path / "out" / "SOURCE.md").exists()

    def test_bad_row_names_file_and_line(self, tmp_path: Path) -> None:
        """A malformed row raises DataError with the file and line."""
        _tiny(tmp_path)
        (tmp_path / "villages" / "01.csv").write_text(
            "code,level,name\n01.01.01.2001,village,Satu\n02.01.01.2002,village,Dua\n",
            encoding="utf-8",
        )
        mine = pk.Regions.from_folder(tmp_path)
        with pytest.raises(
            pk.DataError,
            match=r"01\.csv: line 3: '02.01.01.2002' is not a village code of province 01",
        ):
            mine.get("01.01.01.2001")

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            ("code,name\n", "line 1: expected the header"),
            ("code,level,name,official_name\n01.01,town,A,B\n", "line 2: level 'town'"),
            ("code,level,name,official_name\n01.01,city,A\n", "line 2: expected 4 fields"),
            ("code,level,name,official_name\n01.01,city,,Kota A\n", "line 2: empty name"),
        ],
    )
    def test_bad_regency_table(self, tmp_path: Path, text: str, problem: str) -> None:
        """Header, level, field count and empty names are checked."""
        _tiny(tmp_path)
        (tmp_path / "regencies.csv").write_text(text, encoding="utf-8")
        with pytest.raises(pk.DataError, match=problem):
            pk.Regions.from_folder(tmp_path).get("01.01")

    def test_missing_table(self, tmp_path: Path) -> None:
        """A missing required table is a DataError naming the file."""
        with pytest.raises(pk.DataError, match=r"provinces\.csv: file not found"):
            pk.Regions.from_folder(tmp_path).get("01")


def _tiny(path: Path) -> None:
    (path / "villages").mkdir(parents=True)
    (path / "provinces.csv").write_text("code,name,iso_3166_2\n01,Contoh,\n", encoding="utf-8")
    (path / "regencies.csv").write_text(
        "code,level,name,official_name\n01.01,regency,Contoh,Kabupaten Contoh\n", encoding="utf-8"
    )
    (path / "districts.csv").write_text("code,name\n01.01.01,Pusat\n", encoding="utf-8")
    (path / "villages" / "01.csv").write_text(
        "code,level,name\n01.01.01.2001,village,Satu\n", encoding="utf-8"
    )


class TestDocs:
    """docs/regions.md and SOURCE.md agree with the data."""

    def test_counts_in_docs(self, everything: list[pk.Region]) -> None:
        """Every count the regions page states is the count in the data."""
        page = (ROOT / "docs" / "regions.md").read_text(encoding="utf-8")
        stated = {
            m.group(1): int(m.group(2).replace(",", ""))
            for m in re.finditer(r"^\| `(\w+)` \| [^|]+\| ([\d,]+) \|", page, re.MULTILINE)
        }
        counts = Counter(r.level.value for r in everything)
        assert {level.value: count for level, count in COUNTS.items()} == stated
        assert dict(counts) == stated
        assert f"{len(everything):,}" in page

    def test_source_md_in_wheel_folder(self) -> None:
        """The shipped folder carries source, licence and legal basis."""
        text = (folder() / "SOURCE.md").read_text(encoding="utf-8")
        for fact in ("cahyadsn/wilayah", "MIT", "300.2.2-2138", "Cahya DSN"):
            assert fact in text

    def test_describe(self, regions: pk.Regions) -> None:
        """Messages name regions with their level word and code."""
        assert "Provinsi Jambi (15)" == describe(regions.lookup("Jambi"))
        assert "Desa Adat Yoboi (91.03.01.3001)" != describe(regions.get("91.03.13.3001"))  # type: ignore[arg-type]
