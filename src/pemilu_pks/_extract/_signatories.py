"""Signatories: the person after each party's post title, with rank, name and academic titles.

"Ketua KPU Kalsel, Andi Tenri Sompa, SH, MH" and "Kapolda Kalsel Irjen. Pol.
Andi Rian Djajadi" name the people who signed for their institution.  "X
diwakili Y" (X represented by Y) means Y signed for X, in the post the text
gives Y.  Headlines are not read for names.
"""

from __future__ import annotations

import re

import attrs

from pemilu_pks._model import InstitutionKind
from pemilu_pks._ranks import PoliceRank
from pemilu_pks._text import name_key
from pemilu_pks.exceptions import PemiluPksError

from . import _rules as rules
from ._mentions import Mention
from ._patterns import NAME_WORD, PAREN, REPRESENTED, rank_pattern
from ._registry import family
from ._segment import Segments

__all__ = ["Person", "read_people"]

_SEP = re.compile(r"[ \t]*,?[ \t]*")
_SPACE = re.compile(r"[ \t]*")
_NEXT_WORD = re.compile(r"\.?[ \t]+(?=[A-Z])")
_TITLE = re.compile(r"[ \t]*,[ \t]*([A-Za-z][A-Za-z.]{0,9}(?:\s?[A-Za-z]\.?){0,3})(?=\s*[,.\s]|$)")


@attrs.define
class Person:
    """A person who signed for a party, as read from the text."""

    institution: str
    post: str
    post_span: tuple[int, int]
    name: str | None = None
    name_span: tuple[int, int] | None = None
    rank: PoliceRank | None = None
    rank_as_written: str | None = None
    rank_span: tuple[int, int] | None = None
    titles: str | None = None
    titles_span: tuple[int, int] | None = None
    variants: list[str] = attrs.Factory(list)


def read_people(
    segments: Segments,
    mentions: list[Mention],
    parties: dict[str, InstitutionKind],
) -> tuple[list[Person], list[str]]:
    """The signatory of each party (the first person read for it) and notes on names written two ways.

    Args:
        segments: The text's sentences and lines.
        mentions: Every mention, in order.
        parties: The party institutions and their kinds.
    """
    text = segments.text
    people: dict[str, Person] = {}
    notes: list[str] = []
    for mention in mentions:
        institution = mention.institution
        if institution is None and mention.region is None and not mention.national:
            same = [p for p, kind in parties.items() if kind in family(mention.kind)]
            institution = same[0] if len(same) == 1 else None
        if institution is None or institution not in parties:
            continue
        if segments.in_headline(mention.start):
            continue
        cursor = mention.end
        paren = PAREN.match(text, cursor)
        if paren:
            cursor = paren.end()
        person = None
        if mention.post is not None:
            post_end = mention.end
            if (
                mention.institution is None
                and mention.unresolved
                and mention.name_span
                and not paren
            ):
                # "Ketua Bawaslu Amin Yasir": words after the post that name no
                # region are the person, the party being the only one of that kind.
                post_end = cursor = mention.name_span[0]
            person = Person(
                institution=institution,
                post=" ".join(text[mention.start : post_end].split()),
                post_span=(mention.start, post_end),
            )
            cursor = _read_person(text, cursor, person)
        deputy = _representative(text, cursor, institution)
        if deputy is not None:
            person = deputy
        if person is None or person.name is None:
            continue
        _merge(people, person, notes)
    order = {m.institution: m.start for m in reversed(mentions) if m.institution}
    return sorted(people.values(), key=lambda p: order.get(p.institution, 0)), notes


def _merge(people: dict[str, Person], person: Person, notes: list[str]) -> None:
    known = people.get(person.institution)
    if known is None:
        people[person.institution] = person
        return
    mine = set(name_key(person.name or "").split())
    theirs = set(name_key(known.name or "").split())
    if mine != theirs and person.name not in known.variants:
        known.variants.append(person.name or "")
        notes.append(f"{known.post} is named {known.name!r} and {person.name!r} in the same text.")
    if not (mine <= theirs or theirs <= mine):
        return  # another person with the same post: keep the first
    for field in ("rank", "rank_as_written", "rank_span", "titles", "titles_span"):
        if getattr(known, field) is None:
            setattr(known, field, getattr(person, field))


def _representative(text: str, cursor: int, institution: str) -> Person | None:
    """The person who signed for *institution* ("… diwakili oleh Wakapolres Kompol Budi")."""
    window = text[cursor : cursor + 40]
    marker = REPRESENTED.search(window)
    if marker is None or window[: marker.start()].strip(" ,\t(") not in {"", "yang"}:
        return None
    start = cursor + marker.end()
    start = _SPACE.match(text, start).end()  # type: ignore[union-attr]
    start = re.compile(r"(?:oleh[ \t]+)?").match(text, start).end()  # type: ignore[union-attr]
    rank = rank_pattern().search(text, start, start + 60)
    post_end = rank.start() if rank is not None else start
    post = " ".join(text[start:post_end].split()).strip(" ,")
    person = Person(
        institution=institution, post=post or "diwakili", post_span=(start, max(post_end, start))
    )
    _read_person(text, post_end, person)
    return person if person.name is not None else None


def _post_text(text: str, mention: Mention) -> str:
    surface = re.sub(r"\s+", " ", mention.surface)
    if mention.post not in {None, "Ketua"} and surface.startswith("Kepala"):
        paren = PAREN.match(text, mention.end)
        if paren and paren.group(1).startswith("Ka"):
            return paren.group(1)
    return surface


def _read_person(text: str, cursor: int, person: Person) -> int:
    """Read rank, name and academic titles at *cursor* into *person*; where reading stopped."""
    cursor = _read_rank(text, _SEP.match(text, cursor).end(), person)  # type: ignore[union-attr]
    cursor, prefix_titles, words = _name_words(text, cursor)
    if person.rank is None and words and (ranked := _read_rank(text, cursor, person)) > cursor:
        # "Kapolres Barsel Barsel AKBP Yusfandi Usman": the words before a rank
        # still belong to the post; the name follows the rank.
        cursor, prefix_titles, words = _name_words(text, ranked)
    if not words:
        return cursor
    start, end = words[0][0], words[-1][1]
    name = text[start:end].rstrip(".")
    person.name = name.title() if name.isupper() else name
    person.name_span = (start, end)
    titles = []
    title_start = None
    cursor = end
    while (match := _TITLE.match(text, cursor)) is not None:
        token = match.group(1).strip()
        if re.sub(r"[^a-z]", "", token.casefold()) not in rules.ACADEMIC_TITLES:
            break
        titles.append(token)
        title_start = match.start(1) if title_start is None else title_start
        cursor = match.end()
    if titles or prefix_titles:
        person.titles = ", ".join([*prefix_titles, *titles])
        if title_start is not None:
            person.titles_span = (title_start, cursor)
    return cursor


def _read_rank(text: str, cursor: int, person: Person) -> int:
    """A police rank at *cursor* ("Irjen. Pol.", "AKBP") into *person*; where the name starts."""
    rank = rank_pattern().match(text, cursor)
    if rank is None:
        return cursor
    written = re.sub(r"\s+", " ", rank.group(0)).strip()
    spelled = written
    for wrong, right in rules.RANK_SPELLINGS.items():
        spelled = re.sub(rf"\b{wrong}\b", right, spelled, flags=re.IGNORECASE)
    try:
        parsed = PoliceRank.parse(spelled)
    except PemiluPksError:
        return cursor
    person.rank, person.rank_as_written = parsed, written
    person.rank_span = (rank.start(), rank.end())
    return _SPACE.match(text, rank.end()).end()  # type: ignore[union-attr]


def _name_words(text: str, cursor: int) -> tuple[int, list[str], list[tuple[int, int]]]:
    """The capitalised words of a name at *cursor*: (end, prefix titles, word spans).

    Honorifics ("Hj") are skipped, prefix titles ("Drs.") kept apart; a
    stop word (a weekday, a post) or an academic title ends the name.
    """
    prefix_titles = []
    words: list[tuple[int, int]] = []
    while len(words) < 6:
        word = NAME_WORD.match(text, cursor)
        if word is None:
            break
        key = word.group(0).rstrip(".").casefold()
        if key in rules.NAME_STOPWORDS or (words and key in rules.ACADEMIC_TITLES):
            break
        if not words and key in rules.HONORIFICS:
            pass
        elif not words and key in rules.PREFIX_TITLES:
            prefix_titles.append(word.group(0))
        else:
            words.append((word.start(), word.end()))
        space = _NEXT_WORD.match(text, word.end())
        initial = len(word.group(0).rstrip(".")) == 1 or key in rules.PREFIX_TITLES
        if space is None or (space.group(0).startswith(".") and not initial):
            break  # a full stop after a whole word ends the sentence, and the name
        cursor = space.end()
    return cursor, prefix_titles, words
