"""Mentions: every place the text names an institution or the head of one, resolved by exact index.

A mention is a head word ("KPU", "Kepolisian Resor", "Kapolda") followed by
an optional level word ("Kabupaten", "Propinsi") and a region name
(capitalised words on the same line, or a lower-case direction word such as
"barat" after them); the longest run of words that names a registered
institution or a region wins.  "setempat" (local) stands for the region of a
unit named before it.
"""

from __future__ import annotations

import attrs

from pemilu_pks._model import InstitutionKind

from . import _rules as rules
from ._patterns import AND, HEADS, KETUA, LEVEL, MENTION, NATIONAL, PAREN, SETEMPAT, TOKEN
from ._registry import Registry
from ._segment import Segments

__all__ = ["KIND_WORD", "Mention", "find_mentions", "resolve_local"]

KIND_WORD = {
    InstitutionKind.KPU: "KPU",
    InstitutionKind.BAWASLU: "Bawaslu",
    InstitutionKind.POLRI: "Polri",
    InstitutionKind.POLDA: "Polda",
    InstitutionKind.POLRES: "Polres",
    InstitutionKind.POLRESTA: "Polresta",
    InstitutionKind.POLRESTABES: "Polrestabes",
    InstitutionKind.POLSEK: "Polsek",
    InstitutionKind.OTHER: "Kejaksaan Negeri",
}
_LEVEL_NAMES = {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota"}
_NATIONAL_IDS = {
    InstitutionKind.KPU: "kpu-ri",
    InstitutionKind.BAWASLU: "bawaslu-ri",
    InstitutionKind.POLRI: "polri",
}


@attrs.define
class Mention:
    """One naming of an institution (or its head's post) in the text."""

    start: int
    end: int
    kind: InstitutionKind
    institution: str | None
    region: str | None
    national: bool
    post: str | None  # "Ketua", "Kapolda", …: the mention is a post title
    how: str  # a CONFIDENCE key
    surface: str
    unresolved: bool = False
    name_span: tuple[int, int] | None = None  # the region's name after the head


class _Reader:
    """Reads the mentions of one text; remembers the province named last for ambiguous names."""

    def __init__(self, text: str, registry: Registry) -> None:
        self.text = text
        self.registry = registry
        self.context_province: str | None = None

    def all(self) -> list[Mention]:
        text = self.text
        mentions: list[Mention] = []
        taken_until = -1
        for m in MENTION.finditer(text):
            start, end, group = m.start(), m.end(), m.lastgroup or "h0"
            if start < taken_until:
                continue
            post: str | None
            if group[0] == "p":
                _, kind, post = rules.POST_TITLES[int(group[1:])]
            else:
                _, kind = rules.INSTITUTION_HEADS[int(group[1:])]
                ketua = KETUA.search(text, max(0, start - 8), start)
                post = "Ketua" if ketua else None
            new = self.read(start, end, kind, post)
            mentions.extend(new)
            taken_until = max(m.end for m in new) if new else end
        return mentions

    def read(self, start: int, end: int, kind: InstitutionKind, post: str | None) -> list[Mention]:
        text = self.text
        head_start = start - len("Ketua ") if post == "Ketua" else start
        national = NATIONAL.match(text, end)
        if national and kind is not InstitutionKind.POLRI:
            end = national.end()
        if kind is InstitutionKind.POLRI or national:
            inst = _NATIONAL_IDS.get(kind)
            if inst is not None and inst not in self.registry.institutions:
                inst = None
            surface = text[head_start:end]
            return [
                Mention(head_start, end, kind, inst, None, True, post, "party_full_name", surface)
            ]
        level = None
        cursor = end
        level_match = LEVEL.match(text, end)
        if level_match:
            level = rules.LEVEL_WORDS[level_match.group(1).casefold()]
            cursor = level_match.end()
        local = SETEMPAT.match(text, cursor)
        if local:
            surface = text[head_start : local.end()]
            return [
                Mention(
                    head_start, local.end(), kind, None, None, False, post, "party_local", surface
                )
            ]
        tokens = self.tokens(cursor)
        if not tokens:
            surface = text[head_start:cursor]
            return [
                Mention(
                    head_start, cursor, kind, None, None, False, post, "party_abbreviation", surface
                )
            ]
        mention = self.resolve(head_start, kind, level, post, tokens)
        result = [mention]
        # "KPU Tapsel dan Padang Lawas Utara (Paluta)": one head, two bodies.
        while mention.institution is not None:
            joined = AND.match(text, mention.end)
            if not joined or _starts_mention(text, joined.end()):
                break
            more = self.tokens(joined.end() - 1)
            if not more:
                break
            other = self.resolve(joined.end(), kind, level, None, more)
            if other.institution is None:
                break
            other.how = "party_abbreviation"
            result.append(other)
            mention = other
        return result

    def tokens(self, cursor: int) -> list[tuple[int, int]]:
        """The words that may name a region after *cursor*: capitalised, then direction words too."""
        tokens: list[tuple[int, int]] = []
        while len(tokens) < 5:
            match = TOKEN.match(self.text, cursor)
            if not match:
                break
            word = match.group(1)
            key = word.casefold().rstrip(".")
            if key in rules.NAME_STOPWORDS:
                break
            if not word[0].isupper() and not (tokens and key in rules.LOWER_NAME_WORDS):
                break
            tokens.append((match.start(1), match.end(1)))
            cursor = match.end(1)
        return tokens

    def institution(
        self, kind: InstitutionKind, level: str | None, name: str
    ) -> tuple[str | None, str | None, bool]:
        """Resolve *kind* + region *name*: (institution id, region code, ambiguous?)."""
        registry = self.registry
        word = KIND_WORD[kind]
        keys = [f"{word} {name}"]
        if level is not None:
            keys.insert(0, f"{word} {_LEVEL_NAMES[level]} {name}")
        for key in keys:
            found = registry.named(key, kind)
            if len(found) == 1:
                return found[0], registry.institutions[found[0]].region, False
        region, ambiguous = registry.region(name, level, self.context_province)
        if region is None and level is not None:
            region, ambiguous = registry.region(name, None, self.context_province)
        if region is None:
            return None, None, ambiguous
        ids = registry.for_region(kind, region)
        if len(ids) == 1:
            return ids[0], region, False
        return None, region, len(ids) > 1

    def resolve(
        self,
        start: int,
        kind: InstitutionKind,
        level: str | None,
        post: str | None,
        tokens: list[tuple[int, int]],
    ) -> Mention:
        text = self.text
        ambiguous = False
        named = len(tokens)  # how many tokens the unresolved name has
        for n in range(len(tokens), 0, -1):
            name = text[tokens[0][0] : tokens[n - 1][1]]
            inst, region, amb = self.institution(kind, level, name)
            if amb and not ambiguous:
                named = n  # the longest prefix that names a region, ambiguously
            ambiguous = ambiguous or amb
            if inst is None and region is None:
                continue
            end = tokens[n - 1][1]
            paren = PAREN.match(text, end)
            if paren and len(paren.group(1).split()) <= 4:
                end = paren.end()
            how = "party_full_name" if level or len(name.split()) > 1 else "party_abbreviation"
            if post is not None and post != "Ketua":
                how = "party_post_title"
            if region is not None and "." not in region and kind.is_election_body:
                self.context_province = region
            return Mention(
                start,
                end,
                kind,
                inst,
                region,
                False,
                post,
                how,
                text[start:end],
                inst is None,
                (tokens[0][0], tokens[n - 1][1]),
            )
        # "Kapolres Malang Putu …": "Malang" names regions (ambiguously); the rest is not the
        # unit's, but for the "Kota" of a city's unit named as written ("Polres Malang Kota").
        if named < len(tokens) and text[slice(*tokens[named])].casefold() == "kota":
            named += 1
        end = tokens[named - 1][1]
        return Mention(
            start,
            end,
            kind,
            None,
            None,
            False,
            post,
            "party_abbreviation",
            text[start:end],
            True,
            (tokens[0][0], end),
        )


def _starts_mention(text: str, at: int) -> bool:
    return MENTION.match(text, at) is not None


def find_mentions(text: str, registry: Registry) -> list[Mention]:
    """Every institution and post-title mention in *text*, in order, resolved where the index can."""
    return _Reader(text, registry).all()


def resolve_local(mentions: list[Mention], registry: Registry, segments: Segments) -> None:
    """Resolve "X setempat" (the local X) and a bare "KPU" beside a named police unit.

    "setempat" stands for the unit of kind X for the most local region named
    in the same sentence ("Polres Barito Selatan, Polda Kalteng … dengan KPU
    setempat": the regency's KPU), else the region named last before it.  A
    bare election body ("Polres Kebumen bersama Bawaslu", "KPU bersama Polri
    menandatangani") is the body of the most local region its sentence names,
    or the national body when the sentence names only Polri.
    """
    last: Mention | None = None  # the last mention with a region, before the sentence
    sentences: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        sentences.setdefault(segments.sentence_of(mention.start), []).append(mention)
    for group in sentences.values():
        regional = [
            m
            for m in group
            if m.region is not None
            and not (segments.in_attendance(m.start) or segments.in_handover(m.start))
        ]
        deepest = max(regional, key=lambda m: (m.region or "").count("."), default=None)
        national = any(m.national and m.kind is InstitutionKind.POLRI for m in group)
        for mention in group:
            bare = _is_bare_body(mention)
            if mention.how != "party_local" and not bare:
                continue
            source = deepest or (None if bare else last)
            if source is not None and source.region is not None:
                ids = registry.for_region(mention.kind, source.region)
                if len(ids) == 1:
                    mention.institution, mention.region = ids[0], source.region
                    mention.how = "party_local"
            elif bare and national and mention.kind in _NATIONAL_IDS:
                mention.institution, mention.national = _NATIONAL_IDS[mention.kind], True
                mention.how = "party_local"
        if regional:
            last = regional[-1]


def _is_bare_body(mention: Mention) -> bool:
    """An election body named by its head alone: no region, no "RI", no name after it."""
    return (
        mention.kind.is_election_body
        and mention.institution is None
        and mention.region is None
        and mention.name_span is None
        and not mention.national
    )


def kinds_of(head: str) -> list[InstitutionKind]:
    """The institution kinds a head word (as in a venue, "Mako Polres") names."""
    return [kind for pattern, kind in HEADS if pattern.fullmatch(head)]
