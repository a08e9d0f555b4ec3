"""People: one row per person (by name and side), the top counterparts, countries and organisations.

A person is (normalised name, role) (explore.identity): the Secretary-General's own engagements
never lend him the title of a release in which a namesake, or he himself in an earlier office,
appears as a counterpart; each row's latest title and affiliation come from that person's own
latest engagement on that side.
"""

from __future__ import annotations

import pandas as pd

from sco_data.explore.filtering import affiliations
from sco_data.explore.identity import blank_to_none, person_keys, person_names, plain_text
from sco_data.schema import (
    AFFILIATION_ORGANISATION,
    AFFILIATION_STATE,
    ROLE_COUNTERPART,
    ROLE_SCO,
)

# The participants table's columns, in order, with the heading the page gives each.
PEOPLE_COLUMNS: dict[str, str] = {
    "name": "Name",
    "role": "Side",
    "title": "Latest title",
    "affiliation": "Country or organisation",
    "engagements": "Engagements",
    "first": "First",
    "last": "Last",
}
# How the table's role column names each side.
ROLE_LABELS: dict[str, str] = {ROLE_SCO: "SCO", ROLE_COUNTERPART: "Counterpart"}
# The columns of a ranked list of countries or organisations.
AFFILIATION_COLUMNS: dict[str, str] = {
    "affiliation": "Country or organisation",
    "engagements": "Engagements",
    "people": "People met",
}


def _people_frame(participants: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "key": person_keys(participants),
            "name": person_names(participants),
            "title": blank_to_none(participants["title"]),
            "affiliation": blank_to_none(participants["country"]),
            "role": participants["role"].astype(object),
            "release_id": participants["release_id"].astype(object),
            "date": pd.to_datetime(participants["event_date"], errors="coerce"),
        }
    )


def participants_table(participants: pd.DataFrame) -> pd.DataFrame:
    """One row per person and side: name, side, latest title and affiliation, engagements,
    first and last date; most engagements first. Missing text is an empty string."""
    people = _people_frame(participants)
    people = people[people["key"] != ""]
    if people.empty:
        table = pd.DataFrame({column: pd.Series([], dtype=object) for column in PEOPLE_COLUMNS})
        table["engagements"] = table["engagements"].astype("int64")
        table[["first", "last"]] = table[["first", "last"]].astype("datetime64[ns]")
        return table
    # Latest last: groupby.last() then takes each column's most recent known value.
    people = people.sort_values(["key", "role", "date"], na_position="first", kind="stable")
    grouped = people.groupby(["key", "role"], sort=False)
    table = grouped[["name", "title", "affiliation"]].last()
    table["engagements"] = grouped["release_id"].nunique().astype("int64")
    table["first"] = grouped["date"].min()
    table["last"] = grouped["date"].max()
    table = table.reset_index().drop(columns="key")
    table[["title", "affiliation"]] = table[["title", "affiliation"]].fillna("")
    table = table.sort_values(
        ["engagements", "last", "name"], ascending=[False, False, True], na_position="last"
    )
    return table[list(PEOPLE_COLUMNS)].reset_index(drop=True)


def top_counterparts(participants: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The n counterparts met most often (participants_table rows, counterparts only)."""
    counterparts = participants[participants["role"] == ROLE_COUNTERPART]
    return participants_table(counterparts).head(n).drop(columns="role")


def affiliation_counts(participants: pd.DataFrame, affiliation_type: str) -> pd.DataFrame:
    """Countries (affiliation_type 'state') or organisations whose representatives were met:
    affiliation, engagements (releases), people (distinct); most engagements first."""
    names = affiliations(participants, affiliation_type)
    rows = pd.DataFrame({"affiliation": names, "release_id": participants["release_id"].astype(object),
                         "key": person_keys(participants)})[names != ""]
    grouped = rows.groupby("affiliation")
    table = pd.DataFrame(
        {
            "engagements": grouped["release_id"].nunique().astype("int64"),
            "people": grouped["key"].nunique().astype("int64"),
        }
    ).reset_index()
    table["affiliation"] = table["affiliation"].astype(object)
    table = table.sort_values(["engagements", "people", "affiliation"],
                              ascending=[False, False, True])
    return table.reset_index(drop=True)


def top_countries(participants: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The n countries whose representatives were met most often (states only)."""
    return affiliation_counts(participants, AFFILIATION_STATE).head(n)


def top_organisations(participants: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The n international organisations whose representatives were met most often."""
    return affiliation_counts(participants, AFFILIATION_ORGANISATION).head(n)


def ranks_something(values: pd.Series) -> bool:
    """True when a ranked chart would rank: at least two rows, not all the same value.

    Ten counterparts met once each are a list, not a ranking: the page shows a table.
    """
    return len(values) >= 2 and values.max() > values.min()


def distinct_counterparts(participants: pd.DataFrame) -> int:
    """How many different counterparts (by person key) the rows hold."""
    keys = person_keys(participants[participants["role"] == ROLE_COUNTERPART])
    return int(keys[keys != ""].nunique())


def distinct_affiliations(participants: pd.DataFrame, affiliation_type: str) -> int:
    """How many different countries or organisations the counterpart rows name."""
    names = plain_text(affiliations(participants, affiliation_type))
    return int(names[names != ""].nunique())
