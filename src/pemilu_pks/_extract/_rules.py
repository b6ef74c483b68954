"""The rules the draft extractor applies, as data: phrases, patterns, bounds, confidences.

Everything language- or domain-specific that the extractor's stages
(:mod:`pemilu_pks._extract`) match lives here, one table per concern, so a curator can read and extend a
rule without touching the matching code.  Patterns are Python regular
expressions, matched case-insensitively unless a table says otherwise.  See
``docs/extract.md`` for what each rule means and why.
"""

from __future__ import annotations

import datetime as dt

from pemilu_pks._model import InstitutionKind, ScopeItem

__all__ = [
    "ABBREVIATIONS",
    "ACADEMIC_TITLES",
    "AGREEMENT_TERMS",
    "ATTENDANCE_MARKERS",
    "CONFIDENCE",
    "DATASET_WINDOW",
    "DATELINE_MIN_WORDS",
    "DOCUMENT_NUMBERS",
    "ELECTION_DAYS",
    "EVENT_TERMS",
    "FIGURES",
    "HANDOVER_MARKERS",
    "HEADLINE_MAX_WORDS",
    "HEADLINE_SMALL_WORDS",
    "HONORIFICS",
    "INSTITUTION_HEADS",
    "INSTRUMENT_TERMS",
    "KPU_POLRI_MOU",
    "LEVEL_WORDS",
    "LOWER_BOUND_CUES",
    "LOWER_NAME_WORDS",
    "MISSPELLINGS",
    "MONTHS",
    "NAME_STOPWORDS",
    "NATIONAL_WORDS",
    "OTHER_EVENT_CUES",
    "OTHER_EVENT_REACH",
    "PARENT_CUES",
    "PHOTO_FILE_DATE",
    "POST_TITLES",
    "PREFIX_TITLES",
    "RANK_SPELLINGS",
    "REPRESENTED_BY",
    "SCOPE_PHRASES",
    "SCOPE_TIED_PHRASES",
    "SCOPE_TIE_REACH",
    "SIGNING_TERMS",
    "SIGNING_VERBS",
    "VENUE_WORDS",
    "YEAR_LINES",
]

# --- is the text about an agreement at all? ---------------------------------

#: A text with none of these is not about an agreement: no draft.
AGREEMENT_TERMS = (
    r"perjanjian\s+kerja\s*sama",
    r"\bPKS\b",
    r"nota\s+kesepahaman",
    r"\bMoU\b",
    r"kerja\s*sama",
    r"nota\s+kesepakatan",
)

#: A sentence with one of these speaks about the signing; institutions
#: named in it (outside attendance clauses) are parties.
SIGNING_TERMS = (
    *AGREEMENT_TERMS,
    r"penandatanganan",
    r"menandatangani",
    r"ditandatangani",
    r"tanda\s*tangan",
    r"\bteken\b",
    r"sinergi",
    r"menjalin",
)

#: Verbs of the signing itself: a sentence with one tells the signing, and its
#: date, instrument term and parties are the signing's.
SIGNING_VERBS = (
    r"penandatanganan",
    r"(?:me|di)?nandatangan(?:i|an)?",
    r"(?:men|di)?tandatangani",
    r"(?:mem|di)?bubuhkan\s+tanda\s*tangan",
    r"\bmeneken\b",
    r"\bteken\b",
    r"\bditeken\b",
)

#: After one of these, a sentence speaks of people handing over or receiving
#: copies of the document, not of the parties ("menyerahkan salinan PKS").
HANDOVER_MARKERS = (
    r"\bmenyerahkan\b",
    r"\bdiserahkan\b",
    r"\bpenyerahan\b",
    r"\bsalinan\b",
)

#: Cues of another event than the signing: a date just after one is that
#: event's ("saat dikonfirmasi, Senin (25/12/2023)").
OTHER_EVENT_CUES = (
    r"dikonfirmasi",
    r"dihubungi",
    r"ditemui",
    r"diwawancarai",
    r"diwawancara",
    r"wawancara",
    r"dimintai\s+keterangan",
    r"saat\s+dijumpai",
    r"\bdiperbarui\b",
    r"\bdiperbaharui\b",
    r"\bupdate\b",
    r"\bditerbitkan\b",
    r"\bdipublikasikan\b",
    r"\bdiunggah\b",
    r"\bpemungutan\s+suara\b",
    r"\bhari\s+(?:pemungutan|pencoblosan)\b",
    r"\b(?:di)?mulai\b",
    r"\bberakhir\b",
    r"\bdijadwalkan\b",
)

#: How far after an other-event cue (characters) a date is still that event's.
OTHER_EVENT_REACH = 40

#: Words of an event that are not signing verbs: a sentence with one may give
#: the signing's date ("Kegiatan tersebut berlangsung Senin (25/09/2023)").
EVENT_TERMS = (r"\bkegiatan\b", r"\bacara\b", r"berlangsung", r"digelar", r"dilaksanakan")

#: "X diwakili Y": Y signed for X.
REPRESENTED_BY = (r"\bdiwakili(?:kan)?\b", r"\bmewakili\b")

#: After one of these, a sentence lists attendees and witnesses, not parties.
ATTENDANCE_MARKERS = (
    r"\bdihadiri\b",
    r"turut\s+hadir",
    r"hadir\s+pula",
    r"juga\s+hadir",
    r"tampak\s+hadir",
    r"disaksikan",
)

#: The instrument a text names, most specific first: (pattern, instrument value, term).
INSTRUMENT_TERMS = (
    (r"perjanjian\s+kerja\s*sama\s*\(PKS\)", "pks", "Perjanjian Kerja Sama (PKS)"),
    (r"perjanjian\s+kerja\s*sama", "pks", "Perjanjian Kerja Sama"),
    (r"\bPKS\b", "pks", "PKS"),
    (r"nota\s+kesepahaman", "mou", "Nota Kesepahaman"),
    (r"\bMoU\b", "mou", "MoU"),
    (r"kerja\s*sama", "other", "kerja sama"),
)

# --- institutions -------------------------------------------------------------

#: How news writes an institution's head word, longest form first, by kind.
#: A "(KPU)"-style parenthesis after a long form is part of the form.
INSTITUTION_HEADS: tuple[tuple[str, InstitutionKind], ...] = (
    (r"Komisi\s+Pemilihan\s+Umum(?:\s*\(KPU\))?", InstitutionKind.KPU),
    (r"Komisi\s+Independen\s+Pemilihan(?:\s*\(KIP\))?", InstitutionKind.KPU),
    (r"KPU", InstitutionKind.KPU),
    (r"KIP", InstitutionKind.KPU),
    (r"Badan\s+Pengawas\s+Pemilihan\s+Umum(?:\s*\(Bawaslu\))?", InstitutionKind.BAWASLU),
    (r"Badan\s+Pengawas\s+Pemilu(?:\s*\(Bawaslu\))?", InstitutionKind.BAWASLU),
    (r"Bawaslu", InstitutionKind.BAWASLU),
    (r"Panwaslih", InstitutionKind.BAWASLU),
    (r"Kepolisian\s+Negara\s+Republik\s+Indonesia(?:\s*\(Polri\))?", InstitutionKind.POLRI),
    (r"Polri", InstitutionKind.POLRI),
    (r"Kepolisian\s+Daerah(?:\s*\(Polda\))?", InstitutionKind.POLDA),
    (r"Polda", InstitutionKind.POLDA),
    (r"Kepolisian\s+Resor\s+Kota\s+Besar(?:\s*\(Polrestabes\))?", InstitutionKind.POLRESTABES),
    (r"Polrestabes", InstitutionKind.POLRESTABES),
    (r"Kepolisian\s+Resor\s+Kota(?:\s*\(Polresta\))?", InstitutionKind.POLRESTA),
    (r"Polresta", InstitutionKind.POLRESTA),
    (r"Kepolisian\s+Resor?t?(?:\s*\(Polres\))?", InstitutionKind.POLRES),
    (r"Polres", InstitutionKind.POLRES),
    (r"Kejaksaan\s+Negeri(?:\s*\(Kejari\))?", InstitutionKind.OTHER),
    (r"Kejari", InstitutionKind.OTHER),
)

#: Post titles that name the head of an institution ("Kapolres Tapsel" implies
#: Polres Tapsel): (pattern, kind of the institution, post word).  "Ketua"
#: (chair) is followed by an election body's name and handled with the heads above.
POST_TITLES: tuple[tuple[str, InstitutionKind, str], ...] = (
    (r"Kepala\s+Kepolisian\s+Daerah(?:\s*\(Kapolda\))?", InstitutionKind.POLDA, "Kapolda"),
    (
        r"Kepala\s+Kepolisian\s+Resor\s+Kota(?:\s*\(Kapolresta\))?",
        InstitutionKind.POLRESTA,
        "Kapolresta",
    ),
    (r"Kepala\s+Kepolisian\s+Resor(?:\s*\(Kapolres\))?", InstitutionKind.POLRES, "Kapolres"),
    (r"Kapolrestabes", InstitutionKind.POLRESTABES, "Kapolrestabes"),
    (r"Kapolresta", InstitutionKind.POLRESTA, "Kapolresta"),
    (r"Kapolres", InstitutionKind.POLRES, "Kapolres"),
    (r"Kapolda", InstitutionKind.POLDA, "Kapolda"),
    (r"Kapolri", InstitutionKind.POLRI, "Kapolri"),
)

#: Level words between the head and the region name: word -> region level value.
LEVEL_WORDS = {
    "provinsi": "province",
    "prov.": "province",
    "kabupaten": "regency",
    "kab.": "regency",
    "kota": "city",
    "propinsi": "province",
}

#: Lower-case words that continue a region's name after a capitalised one
#: ("kabupaten Tanjung Jabung barat").
LOWER_NAME_WORDS = frozenset(
    {"barat", "timur", "utara", "selatan", "tengah", "tenggara", "laut", "daya", "hulu", "hilir",
     "raya", "baru", "kota"}
)  # fmt: skip

#: Abbreviations whose full stop does not end a sentence ("Kombes Pol. Budi").
ABBREVIATIONS = frozenset(
    {"pol", "irjen", "kombes", "brigjen", "drs", "dr", "hj", "h", "m", "st", "kab", "prov", "no",
     "jl", "ir"}
)  # fmt: skip

#: Words after a head that make it the national body (KPU RI, Bawaslu RI).
NATIONAL_WORDS = (r"RI\b", r"Republik\s+Indonesia")

#: Words that end a region name or a person's name: weekdays, months, ranks and
#: other capitalised words that follow names in news text.
NAME_STOPWORDS = frozenset(
    {
        "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
        "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
        "september", "oktober", "november", "desember",
        "pol", "irjen", "kombes", "akbp", "kompol", "akp", "brigjen", "komjen", "jenderal", "iptu", "ipda",
        "ketua", "kapolda", "kapolres", "kapolresta", "kapolri", "wakapolda", "wakapolres",
        "kpu", "bawaslu", "polda", "polres", "polresta", "polri", "dan", "dengan", "serta",
        "bersama", "di", "pada", "dalam", "untuk", "yang", "antara", "setempat",
        "mako", "aula", "gedung", "kantor", "hotel", "nomor", "tentang", "tahun",
        "pemilu", "pilkada", "gubernur", "bupati", "wali", "panglima", "istimewa",
        "teken", "tandatangani", "menandatangani", "perjanjian", "kerja", "sama", "kerjasama",
        "jalin", "gandeng", "komisi", "kepolisian", "wujudkan", "sukseskan", "hadiri",
    }
)  # fmt: skip

# --- signatories ----------------------------------------------------------------

#: Academic titles written after a name (compared without dots or spaces).
ACADEMIC_TITLES = frozenset(
    {
        "sh", "mh", "msi", "mhum", "se", "sik", "phd", "sos", "ssos", "mkesos", "mm", "mt", "st",
        "spd", "mpd", "sag", "mag", "sip", "map", "mkn", "skom", "mkom", "ssi", "si", "ak", "me",
        "mtcp", "llm", "ma", "mba", "shi", "shum", "sthi", "mip", "mikom",
        "dr", "drs", "ir", "psi", "mpsi",
    }
)  # fmt: skip

#: Misspellings of rank words news prints, read as the right word ("Inspektur Jendral").
RANK_SPELLINGS = {"jendral": "jenderal"}

#: Academic titles written before a name.
PREFIX_TITLES = frozenset({"dr", "drs", "dra", "ir", "prof"})

#: Religious honorifics before a name (Haji, Hajjah): dropped from the name.
HONORIFICS = frozenset({"h", "hj", "haji", "hajjah"})

# --- date ---------------------------------------------------------------------------

#: The period the dataset covers: from the start of the 2024 election stages
#: (14 June 2022; Bawaslu bodies signed with their Polda before the national
#: KPU–Polri MoU of 29 December 2022) to the end of the 2024 Pilkada year.  A
#: draft's date never leaves this window.
DATASET_WINDOW = (dt.date(2022, 6, 14), dt.date(2024, 12, 31))

#: Indonesian month names (January first), as dates in news write them.
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")  # fmt: skip

#: The national KPU–Polri MoU (Thursday 29 December 2022), which every KPU
#: agreement with the police implements: none is signed before it.
KPU_POLRI_MOU = dt.date(2022, 12, 29)

#: Lines that give the article's year ("COPYRIGHT © ANTARA News … 2023").
YEAR_LINES = (r"(?:copyright|hak\s+cipta)\s*(?:©|\(c\))?[^\n]{0,80}?\b(20\d\d)\b",)

#: Phrases saying something already began on a date; the signing, reported
#: as happening now, is on or after that date ("tahapan pemilu sudah dimulai
#: 19 Oktober 2023").
LOWER_BOUND_CUES = (
    r"(?:sudah|telah)\s+(?:di)?mulai(?:\s+(?:sejak|pada|tanggal))?",
    r"\bsejak\s+tanggal",
)

#: A WhatsApp photo file name (IMG-20230318-WA0033) carries the day the photo
#: was saved: the event it shows happened on or before that day.  Weak.
PHOTO_FILE_DATE = r"IMG-(20\d\d)(\d\d)(\d\d)-WA\d+"

#: Election days: (day, month, phrase) -> the year they fall in for 2024.
ELECTION_DAYS = ((14, 2, "Pemilu"), (27, 11, "Pilkada"))

# --- place -------------------------------------------------------------------------

#: Words that start a venue ("di Aula Pratidina Mako Polres setempat").  A
#: later one in the same venue starts its second part ("Aula X, Mako Y").
VENUE_WORDS = (
    "Aula", "Gedung", "Kantor", "Hotel", "Ruang", "Ballroom", "Balai", "Balaikota", "Balai Kota",
    "Mako", "Mapolda", "Mapolres", "Mapolresta", "Pendopo", "Pendapa", "Auditorium", "Graha",
    "Rupatama", "Lobby", "Lobi", "Markas", "Wisma", "Rumah Dinas", "Rumah Jabatan", "Rujab",
    "Pendapa", "Sekretariat", "Kafe", "Cafe", "Restoran", "Rumah Makan", "Resto",
)  # fmt: skip

#: Words that end a venue's name when no venue word starts it ("di Harris
#: Convention Center", "di Grand Aston Hotel").
VENUE_TAILS = (
    r"Convention\s+Cent(?:er|re)", r"Convention\s+Hall", "Hall", "Hotel", "Resort", "Inn",
    "Ballroom",
)  # fmt: skip

#: Words that open an address part after a venue's comma: the part joins the
#: venue ("di Aula KPU Provinsi Kaltim, Jalan Basuki Rahmat, Samarinda").
ADDRESS_WORDS = (
    "Jalan", r"Jln?\.?", "Kampung", "Desa", "Kelurahan", r"Kel\.", "Kecamatan", r"Kec\.",
    "Komplek", "Kompleks", "Kawasan",
)  # fmt: skip

#: Lower-case words that still belong to a capitalised place name before them
#: ("aula polres Tanjung Jabung barat").
NAME_CONTINUATIONS = frozenset({"barat", "timur", "utara", "selatan", "tengah"})

#: A headline is a title-case line of at most this many words, without a comma or full stop.
HEADLINE_MAX_WORDS = 24

#: The small words a title-case headline keeps in lower case ("Polres dan KPU
#: Teken MoU untuk Pemilu"); other lower-case words make a line a sentence.
HEADLINE_SMALL_WORDS = frozenset({
    "dan", "di", "ke", "dari", "yang", "untuk", "dengan", "pada", "oleh", "atau", "bagi",
    "terkait", "serta", "hingga", "jelang", "usai", "soal", "se", "vs",
})  # fmt: skip

#: A dateline opens a paragraph: at least this many words follow its dash.
DATELINE_MIN_WORDS = 6

# --- scope, parent, figures ------------------------------------------------------

#: The six standard scope items and the phrasings news uses for them.
SCOPE_PHRASES: dict[ScopeItem, tuple[str, ...]] = {
    ScopeItem.DATA_EXCHANGE: (
        r"pertukaran\s+(?:dan\s+\w+\s+)?(?:data|informasi)",  # "pertukaran dan permanfaatan informasi"
        r"tukar[\s-]+menukar\s+(?:data|informasi)",
        r"pemanfaatan\s+data",
        r"\bdata\s+(?:dan|serta)\s+informasi",
    ),
    ScopeItem.SECURITY_ASSISTANCE: (
        r"bantuan\s+pengaman(?:an)?\b",
        r"(?:dukungan|permintaan|pemberian)\s+(?:bantuan\s+)?pengamanan",
        r"\b(?:men)?dukung\s+pengamanan",
        r"pengawal\w*\s+dan\s+pengamanan|pengamanan\s+dan\s+pengawalan",
        r"(?:melaksanakan|melakukan|memberikan)\s+pengamanan",
    ),
    ScopeItem.LAW_ENFORCEMENT: (r"penegak+an\s+hukum", r"gakk?umdu"),
    ScopeItem.TECHNICAL_REGULATION: (
        r"(?:perumusan|penyusunan|pembentukan)\s+(?:peraturan|regulasi)\s+teknis",
    ),
    ScopeItem.CAPACITY_BUILDING: (
        r"peningkatan\s+(?:kapasitas|kompetensi)",
        r"pemanfaatan\s+(?:SDM|sumber\s+daya\s+manusia)",
    ),
    ScopeItem.FACILITIES: (
        r"(?:pemanfaatan|penggunaan|penyediaan|dukungan)\s+sarana(?:\s+dan\s+prasarana)?",
        r"\bsarana\s+dan\s+prasarana",
    ),
}

#: Scope items named by a plain word that every report uses loosely ("pengamanan",
#: security): they count only as what the agreement is for, within
#: ``SCOPE_TIE_REACH`` characters after an agreement term in the same sentence
#: ("perjanjian kerja sama untuk pengamanan Pemilu 2024").
SCOPE_TIED_PHRASES: dict[ScopeItem, tuple[str, ...]] = {
    ScopeItem.SECURITY_ASSISTANCE: (r"\bpengamanan\b", r"\bmengamankan\b", r"\bkeamanan\b"),
}
SCOPE_TIE_REACH = 120

#: Phrases that introduce the agreement this one follows.
PARENT_CUES = (
    r"tindak\s+lanjut(?:\s+dari)?",
    r"menindaklanjuti",
    r"ditindaklanjuti\s+dari",
    r"berdasarkan",
    r"turunan\s+dari",
)

#: Document numbers: KPU style (90/PR.07-NK/01/2022, 05/PR.08-PKS/6308/2023)
#: and police style (NK/50/XII/2022, B/PKS-12/X/2023).
DOCUMENT_NUMBERS = (
    r"\b\d{1,4}/[A-Z]{1,4}\.\d{1,2}-(?:PKS|NK|MoU)/\d{1,4}/20\d\d\b",
    r"\b(?:[A-Z]/)?(?:PKS|NK|MoU|KERMA)[-/]\d{1,4}/[IVX]{1,4}/20\d\d\b",
)

#: Stated figures: (pattern with the number as group 1, key).
FIGURES = (
    (r"(\d{1,3}(?:\.\d{3})*|\d+)\s+(?:orang\s+)?(?:personil|personel)\b", "personnel_deployed"),
    (r"(\d{1,3}(?:\.\d{3})*|\d+)\s+(?:TPS|tempat\s+pemungutan\s+suara)\b", "tps"),
    (r"(\d{1,3}(?:\.\d{3})*|\d+)\s+(?:kabupaten/kota|kabupaten\s+dan\s+kota)\b", "regencies"),
)

#: Common misspellings worth a data-quality note: pattern -> correct form.
MISSPELLINGS = {
    r"\bpenegakkan\b": "penegakan",
    r"\bprnyelenggaraan\b": "penyelenggaraan",
    r"\bsinergisitas\b": "sinergitas",
}

# --- confidence of each kind of evidence ----------------------------------------

#: How far a curator can trust each kind of evidence, 0..1.
CONFIDENCE = {
    "party_full_name": 0.95,
    "party_abbreviation": 0.9,
    "party_post_title": 0.85,
    "party_local": 0.7,
    # A police unit the text names that the registry does not hold yet: the
    # draft gives it a provisional id, which a curator must add to the registry.
    "party_unregistered": 0.3,
    "date_exact": 0.95,
    "date_bounded": 0.6,
    "date_photo": 0.4,
    "date_window": 0.3,
    "venue": 0.8,
    "city_event": 0.8,
    "city_dateline": 0.7,
    "signatory": 0.85,
    "rank": 0.95,
    "academic_titles": 0.8,
    "scope": 0.9,
    "parent": 0.9,
    "document_number": 0.85,
    "figure": 0.8,
    "instrument": 0.8,
}
