"""People: one identity per person across releases, the participants table and the top lists."""

from __future__ import annotations

import re

import pandas as pd

from sco_data.explore.filtering import (
    PERSON_KEY,
    PERSON_NAME,
    blank_to_none,
    plain_text,
)
from sco_data.schema import ROLE_COUNTERPART, ROLE_SCO

# Honorifics written before a name ("Mr Le Yucheng", "H.E. Mr. Sun Zhuangzhi"); removed when
# deciding whether two rows name the same person.
HONORIFIC_PATTERN = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|mx|mister|madam|madame|mme|dr|prof|professor|sir|dame"
    r"|h\.\s*e|his excellency|her excellency|excellency)\.?\s+)+",
    re.IGNORECASE,
)


def normalise_name(names: pd.Series) -> pd.Series:
    """Matching key for a person's name: no honorifics, one space, case folded."""
    text = plain_text(names).str.replace(r"\s+", " ", regex=True).str.strip()
    return text.str.replace(HONORIFIC_PATTERN, "", regex=True).str.strip().str.casefold()


def display_name(names: pd.Series) -> pd.Series:
    """A person's name for tables: honorifics removed, spacing tidied, case kept."""
    text = plain_text(names).str.replace(r"\s+", " ", regex=True).str.strip()
    return text.str.replace(HONORIFIC_PATTERN, "", regex=True).str.strip()


def prepare_participants(participants: pd.DataFrame) -> pd.DataFrame:
    """A copy of the participants with each person's matching key and display name added."""
    if PERSON_KEY in participants.columns:
        return participants
    out = participants.copy()
    out[PERSON_KEY] = normalise_name(out["name"])
    out[PERSON_NAME] = display_name(out["name"])
    return out


def person_keys(participants: pd.DataFrame) -> pd.Series:
    if PERSON_KEY in participants.columns:
        return participants[PERSON_KEY]
    return normalise_name(participants["name"])


# The participants table's columns, in order, with the heading the page gives each.
PEOPLE_COLUMNS: dict[str, str] = {
    "name": "Name",
    "title": "Latest title",
    "country": "Country",
    "role": "Side",
    "engagements": "Engagements",
    "first": "First",
    "last": "Last",
}
# How the table's role column names each side.
ROLE_LABELS: dict[str, str] = {ROLE_SCO: "SCO", ROLE_COUNTERPART: "Counterpart"}


def participants_table(participants: pd.DataFrame) -> pd.DataFrame:
    """One row per person: name, latest title, country, role, engagements, first, last date."""
    if participants.empty:
        return pd.DataFrame(
            {
                "name": pd.Series([], dtype=object),
                "title": pd.Series([], dtype=object),
                "country": pd.Series([], dtype=object),
                "role": pd.Series([], dtype=object),
                "engagements": pd.Series([], dtype="int64"),
                "first": pd.Series([], dtype="datetime64[ns]"),
                "last": pd.Series([], dtype="datetime64[ns]"),
            }
        )
    people = pd.DataFrame(
        {
            "key": person_keys(participants),
            "name": participants[PERSON_NAME]
            if PERSON_NAME in participants.columns
            else display_name(participants["name"]),
            "title": blank_to_none(participants["title"]),
            "country": blank_to_none(participants["country"]),
            "role": participants["role"].astype(object),
            "release_id": participants["release_id"].astype(object),
            "date": pd.to_datetime(participants["event_date"], errors="coerce"),
        }
    )
    people = people[people["key"] != ""]
    # Latest last: groupby.last() then takes each column's most recent known value.
    people = people.sort_values(["key", "date"], na_position="first", kind="stable")
    grouped = people.groupby("key", sort=False)
    table = grouped[["name", "title", "country", "role"]].last()
    table["engagements"] = grouped["release_id"].nunique().astype("int64")
    table["first"] = grouped["date"].min()
    table["last"] = grouped["date"].max()
    table = table.reset_index(drop=True)
    table = table.sort_values(
        ["engagements", "last", "name"], ascending=[False, False, True], na_position="last"
    )
    return table[list(PEOPLE_COLUMNS)].reset_index(drop=True)


def top_counterparts(participants: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The n counterparts met most often (participants_table rows, counterparts only)."""
    counterparts = participants[participants["role"] == ROLE_COUNTERPART]
    return participants_table(counterparts).head(n).drop(columns="role")


def top_countries(participants: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """Counterpart countries by engagements: country, engagements, people."""
    rows = participants[participants["role"] == ROLE_COUNTERPART]
    country = plain_text(rows["country"]).str.strip()
    rows = pd.DataFrame(
        {
            "country": country,
            "release_id": rows["release_id"].astype(object),
            "key": person_keys(rows),
        }
    )[country != ""]
    grouped = rows.groupby("country")
    table = pd.DataFrame(
        {
            "engagements": grouped["release_id"].nunique().astype("int64"),
            "people": grouped["key"].nunique().astype("int64"),
        }
    ).reset_index()
    table["country"] = table["country"].astype(object)
    table = table.sort_values(["engagements", "people", "country"], ascending=[False, False, True])
    return table.head(n).reset_index(drop=True)
