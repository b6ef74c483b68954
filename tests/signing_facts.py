"""Helpers for the tests that hold each curated signing to the facts its report states."""

from __future__ import annotations

import datetime as dt

import pemilu_pks as pk
from pemilu_pks import PoliceRank

NATIONAL = "2022-12-29-kpu-ri-polri"


def get(agreement_id: str) -> pk.Agreement:
    """The bundled agreement with this id."""
    return pk.load().agreements.lookup(agreement_id)


def bounds(agreement: pk.Agreement) -> tuple[dt.date, dt.date]:
    """The signing date's earliest and latest day."""
    return agreement.signing.date.earliest, agreement.signing.date.latest


def signers(agreement: pk.Agreement) -> list[tuple[str, str | None, PoliceRank | None]]:
    """Each signatory's party, name and rank."""
    return [(s.party, s.name, s.rank) for s in agreement.signatories]
