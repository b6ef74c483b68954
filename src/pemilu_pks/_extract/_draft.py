"""The extractor's output: drafts with the evidence for each field, and ways to show and score them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

import attrs

from pemilu_pks._model import Agreement
from pemilu_pks._text import name_key

from . import _rules as rules

__all__ = ["DRAFT_SOURCE", "MAX_TEXT_CHARS", "Draft", "Evidence", "draft_facts", "print_drafts"]

#: The source id a draft cites when :func:`~pemilu_pks.extract` is given no ``source=``.
DRAFT_SOURCE = "draft-source"

#: The longest text :func:`~pemilu_pks.extract` accepts (characters); news reports are far shorter.
MAX_TEXT_CHARS = 1_000_000


@attrs.frozen(kw_only=True)
class Evidence:
    """Where in the text a draft's field came from.

    Attributes:
        field: The field's path in the draft agreement: ``"parties[0]"``,
            ``"signing.date"``, ``"signatories[1].rank"``, ``"scope[2]"``.
        start: Offset of the first character of the span in the text.
        end: Offset just past the span (``text[start:end]`` is the span).
        text: The span itself.
        confidence: How far the rule that read it can be trusted, 0 to 1.

    Example:
        >>> import pemilu_pks as pk
        >>> text = "KPU Kabupaten Kapuas Hulu dan Polres Kapuas Hulu menandatangani PKS, Rabu."
        >>> evidence = pk.extract(text)[0].evidence_for("parties[0]")
        >>> text[evidence[0].start:evidence[0].end] == evidence[0].text
        True
    """

    field: str
    start: int
    end: int
    text: str
    confidence: float


@attrs.frozen(kw_only=True)
class Draft:
    """A draft agreement read from a text, for a curator to check and complete.

    Attributes:
        agreement: The draft, in the dataset's own model (its ``notes`` hold
            the data-quality notes too).
        evidence: For each field read, the span it came from and a confidence.
        unresolved: Institution names the text uses that the registry does not
            resolve (or resolves ambiguously), as written.  A police unit
            among them that is a party has a provisional id (``polres-cirebon``,
            the name as written, by the dataset's id convention) and a note.
        notes: Data-quality problems noticed in the text: a weekday that
            contradicts the date, an election year that is not 2024, repeated
            paragraphs, a name written two ways, misspellings.

    Example:
        >>> import pemilu_pks as pk
        >>> text = ("Komisi Pemilihan Umum (KPU) Kota Banjarmasin dan Polresta Banjarmasin "
        ...         "menandatangani perjanjian kerja sama di Banjarmasin, Rabu (18/10/23).")
        >>> [draft] = pk.extract(text)
        >>> draft.agreement.institutions, str(draft.agreement.signing.date)
        (('kpu-63.71', 'polresta-banjarmasin'), '2023-10-18')
        >>> draft.evidence[0].text
        'Komisi Pemilihan Umum (KPU) Kota Banjarmasin'
    """

    agreement: Agreement
    evidence: tuple[Evidence, ...] = ()
    unresolved: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def evidence_for(self, field: str) -> tuple[Evidence, ...]:
        """The evidence for *field* and the fields under it (``"signatories[0]"`` holds ``.rank``)."""
        return tuple(
            e
            for e in self.evidence
            if e.field == field or e.field.startswith((field + ".", field + "["))
        )


def draft_facts(agreement: Agreement) -> Iterator[tuple[str, str]]:
    """The facts of an agreement as ``(field, value)`` pairs, for scoring drafts against records.

    Fields: ``parties``, ``date`` (the possible interval), ``venue``, ``city``,
    ``signatories`` (party and name), ``ranks`` (party and rank), ``scope``,
    ``figures``.  Names and places are compared as lookup keys (case, spacing
    and punctuation folded; honorifics such as "Hj" dropped).
    """
    for party in agreement.parties:
        yield "parties", party.institution
    date = agreement.signing.date
    yield "date", f"{date.first_possible()}..{date.last_possible()}"
    if agreement.signing.venue:
        yield "venue", name_key(agreement.signing.venue)
    if agreement.signing.city:
        yield "city", name_key(agreement.signing.city)
    for signatory in agreement.signatories:
        if signatory.name:
            words = [w for w in name_key(signatory.name).split() if w not in rules.HONORIFICS]
            yield "signatories", f"{signatory.party}:{' '.join(words)}"
        if signatory.rank is not None:
            yield "ranks", f"{signatory.party}:{signatory.rank.value}"
    for item in agreement.scope:
        yield "scope", item.value
    for figure in agreement.figures:
        yield "figures", f"{figure.key}={figure.value}"


def print_drafts(drafts: list[Draft], *, fmt: str, out: TextIO) -> None:
    """Print drafts as the dataset's ``agreements.json`` (``fmt="json"``) or as a table per draft.

    The JSON is exactly what ``datasets/agreements.json`` holds, so a curator
    can edit it into a dataset folder and check it with ``pemilu-pks validate``.
    The table lists each field read with its confidence and the text it came
    from, then the unresolved names and the notes.
    """
    from pemilu_pks._dataset import records_json

    if fmt == "json":
        out.write(records_json("agreements", [draft.agreement for draft in drafts]))
        return
    if not drafts:
        out.write("no agreement found in the text\n")
        return
    for number, draft in enumerate(drafts):
        if number:
            out.write("\n")
        agreement = draft.agreement
        out.write(f"draft {agreement.id}\n")
        out.write(
            f"  parties: {', '.join(agreement.institutions)}; signed {agreement.signing.date}\n"
        )
        rows = [(e.field, f"{e.confidence:.2f}", " ".join(e.text.split())) for e in draft.evidence]
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(("field", "conf"))]
        out.write(f"  {'field'.ljust(widths[0])}  {'conf'.ljust(widths[1])}  text\n")
        for field, confidence, text in rows:
            shown = text if len(text) <= 70 else text[:69] + "…"
            out.write(f"  {field.ljust(widths[0])}  {confidence.ljust(widths[1])}  {shown}\n")
        for name in draft.unresolved:
            out.write(f"  unresolved: {name}\n")
        for note in draft.notes:
            out.write(f"  note: {note}\n")
