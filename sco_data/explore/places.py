"""Places as the page names them: one place per gazetteer city, however releases spell it,
labelled in the English the releases themselves write.

A release keeps the city's name as it wrote it (`location_city`) and the gazetteer's name for
that city (`location_key`), which is one for "Astana" and "Nur-Sultan". The gazetteer's names
come from GeoNames, which sometimes gives a local form ("Xiva", "Ulan Bator"); English releases
write "Khiva" and "Ulaanbaatar". So a place is labelled with the gazetteer's name when a release
writes it so, else with the name releases write most often, and the other names follow:
"Astana (also Nur-Sultan)". A link or a typed name in any spelling the gazetteer knows finds the
place, whichever spelling the corpus uses.
"""

from __future__ import annotations

import pandas as pd

from sco_data.explore.identity import plain_text
from sco_data.extract.gazetteer import find_city


def place_keys(releases: pd.DataFrame) -> pd.Series:
    """Each release's place key: the gazetteer's name, else the name the release used."""
    city = plain_text(releases["location_city"]).str.strip()
    if "location_key" not in releases.columns:
        return city
    key = plain_text(releases["location_key"]).str.strip()
    return key.where(key != "", city)


def place_spellings(releases: pd.DataFrame) -> dict[str, list[str]]:
    """Place key -> the names releases write it with, the one to show first: the key when a
    release writes it, else the most written (ties alphabetically); then the others, sorted."""
    frame = pd.DataFrame({"key": place_keys(releases),
                          "name": plain_text(releases["location_city"]).str.strip()})
    frame = frame[frame["key"] != ""].copy()
    frame["name"] = frame["name"].where(frame["name"] != "", frame["key"])
    counts = frame.groupby(["key", "name"]).size().reset_index(name="count")
    spellings: dict[str, list[str]] = {}
    for key, group in counts.groupby("key"):
        names = dict(zip(group["name"], group["count"]))
        first = key if key in names else min(names, key=lambda name: (-names[name], name))
        spellings[str(key)] = [first, *sorted(name for name in names if name != first)]
    return spellings


def place_label(names: list[str]) -> str:
    """'Astana (also Nur-Sultan)': the name shown, then the other names releases use."""
    return names[0] if len(names) == 1 else f"{names[0]} (also {', '.join(sorted(names[1:]))})"


def gazetteer_key(name: str) -> str | None:
    """The gazetteer's name of the city called `name` in any spelling it knows ("Nur-Sultan"
    -> "Astana"), as written or in title case ("nur-sultan"), or None."""
    city = find_city(name) or find_city(name.strip().title())
    return city.name if city is not None else None
