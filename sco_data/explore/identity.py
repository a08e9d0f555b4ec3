"""Who is who across releases: a person's matching key, display name, and the plain-text helpers
every explore module shares.

A person is identified by (name key, role): "Mr Le Yucheng" and "Le  Yucheng" are one
counterpart, and so are "Sergey Lavrov" and "Sergei Lavrov", and "S Jaishankar" and the corpus's
one "Subrahmanyam Jaishankar"; the Secretary-General's own engagements stay apart from a release
in which someone of the same name appears as a counterpart.
"""

from __future__ import annotations

import pandas as pd

from sco_data.extract.names import fold_name, person_key, strip_honorifics

# Helper columns prepare_participants() adds; they start with "_" like every helper column.
PERSON_KEY = "_key"
PERSON_NAME = "_name"

def plain_text(series: pd.Series) -> pd.Series:
    """The column as plain text with missing values as empty strings."""
    if isinstance(series.dtype, pd.StringDtype):  # pandas' own text dtype: fill in place of a copy
        return series.fillna("")
    return series.astype(object).where(series.notna(), "").astype(str)


def blank_to_none(series: pd.Series) -> pd.Series:
    """The column as objects with empty strings and missing values as None."""
    values = series.astype(object)
    return values.where(values.notna() & (values != ""), None)


def _per_distinct(names: pd.Series, rule) -> pd.Series:
    """rule(name) for every row, worked out once per distinct name (the officials' few names
    fill most of 100,000 releases' rows); missing names count as empty."""
    codes, distinct = pd.factorize(plain_text(names))
    dtype = names.dtype if isinstance(names.dtype, pd.StringDtype) else object
    done = pd.array([rule(name) or "" for name in distinct], dtype=dtype)
    return pd.Series(done.take(codes), index=names.index, name=names.name)


def display_name(names: pd.Series) -> pd.Series:
    """A person's name for tables: honorifics removed (the extractor's list), spacing tidied,
    case kept."""
    return _per_distinct(names, strip_honorifics)


def normalise_name(names: pd.Series) -> pd.Series:
    """Matching key for a person's name, the extractor's (`person_key`): honorifics, case,
    diacritics, spaces and hyphens aside and transliterations folded, so "Dato Lim Jock Hoi" and
    "Lim Jock Hoi", "Sergey Lavrov" and "Sergei Lavrov" are one person."""
    return _per_distinct(names, person_key)


def normalise_query(text: str) -> str:
    """Typed text in the form of a person key, so that it can be looked for inside one: the
    honorifics in front go, as they do from the keys ("Dato Lim" finds Lim Jock Hoi), unless
    the text is nothing else."""
    return person_key(text) or fold_name(text) or ""


def prepare_participants(participants: pd.DataFrame) -> pd.DataFrame:
    """A copy of the participants with each person's matching key and display name added."""
    if PERSON_KEY in participants.columns:
        return participants
    out = participants.copy()
    out[PERSON_NAME] = display_name(out["name"])
    out[PERSON_KEY] = person_keys(participants)
    return out


def initials_resolved(names: pd.Series, keys: pd.Series) -> pd.Series:
    """Keys of names written with initials ("S Jaishankar", "S. Jaishankar") replaced by the one
    full name's key among them that the initials begin ("Subrahmanyam Jaishankar"); left alone
    where none or several fit. The initials are read from the written names, since a folded
    key may hold a one-letter word of a full name ("Wang Yi")."""
    pairs = pd.DataFrame({"name": plain_text(names), "key": plain_text(keys)}).drop_duplicates()
    written = {key: name.replace(".", " ").split() for name, key in zip(pairs["name"], pairs["key"]) if key}
    full_by_surname: dict[str, set[str]] = {}
    for key, words in written.items():
        if len(words) >= 2 and all(len(word) > 1 for word in words):
            full_by_surname.setdefault(key.split()[-1], set()).add(key)
    resolved = {}
    for key, words in written.items():
        if len(words) < 2 or not all(len(word) == 1 for word in words[:-1]):
            continue
        fits = [full for full in full_by_surname.get(key.split()[-1], ())
                if len(full.split()) == len(words)
                and all(part[:1] == initial.casefold() for part, initial in zip(full.split(), words[:-1]))]
        if len(fits) == 1:
            resolved[key] = fits[0]
    return keys.replace(resolved) if resolved else keys


def person_keys(participants: pd.DataFrame) -> pd.Series:
    """Each row's person key: the prepared column when there is one."""
    if PERSON_KEY in participants.columns:
        return participants[PERSON_KEY]
    return initials_resolved(participants["name"], normalise_name(participants["name"]))


def person_names(participants: pd.DataFrame) -> pd.Series:
    """Each row's display name: the prepared column when there is one."""
    if PERSON_NAME in participants.columns:
        return participants[PERSON_NAME]
    return display_name(participants["name"])
