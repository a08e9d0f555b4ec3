"""The page's state beyond the filters, and its URL form: which view, the grouping of the
time charts, the selected release, the profile shown, and the folder read; and the options the
page was started with.

Like the filters (explore.urlstate), every value a link gets wrong is dropped with one notice,
and values at their default are left out of the link. Whether a release or a profile exists
depends on the corpus; `checked` drops those the corpus lacks, with a notice.
"""

from __future__ import annotations

import argparse
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sco_data.corpus.roots import FolderAccess
from sco_data.explore.periods import PERIODS
from sco_data.explore.profiles import canonical_profile, split_profile

# The page's views: the URL value -> what the page calls it.
VIEWS: dict[str, str] = {
    "overview": "Overview",
    "profile": "Profiles",
    "officials": "Secretaries-General",
}
DEFAULT_PERIOD = "quarter"
# The ViewState fields: each is also its URL parameter (and, but for the folder, whose box is
# `data_dir`, the session-state key of its widget or value).
VIEW_PARAMS: tuple[str, ...] = ("view", "period", "release", "profile", "folder")
# A refused folder is named in its message by this many characters at most.
REFUSED_FOLDER_CHARS = 120


@dataclass(frozen=True)
class ViewState:
    """What the page shows besides the filters; '' where nothing is chosen."""

    view: str = "overview"
    period: str = DEFAULT_PERIOD
    release: str = ""
    profile: str = ""
    folder: str = ""


def _last(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else ""
    return str(value or "").strip()


def view_from_query_params(params: Mapping[str, Any]) -> tuple[ViewState, list[str]]:
    """The view state a link asks for; a value it gets wrong is ignored with a notice."""
    notices: list[str] = []
    values = {name: _last(params.get(name)) for name in VIEW_PARAMS}
    if values["view"] and values["view"] not in VIEWS:
        notices.append(f"Ignored view {values['view']!r} from the link: use "
                       + ", ".join(repr(v) for v in VIEWS) + ".")
        values["view"] = ""
    if values["period"] and values["period"] not in PERIODS:
        notices.append(f"Ignored period {values['period']!r} from the link: use "
                       + ", ".join(repr(p) for p in PERIODS) + ".")
        values["period"] = ""
    if values["profile"] and split_profile(values["profile"]) is None:
        notices.append(f"Ignored profile {values['profile']!r} from the link: write it as "
                       "country:NAME, organisation:NAME or person:NAME.")
        values["profile"] = ""
    elif values["profile"]:
        values["profile"] = canonical_profile(values["profile"])
    defaults = ViewState()
    return ViewState(**{name: value or getattr(defaults, name) for name, value in values.items()}), notices


def checked(state: ViewState, release_ids: Collection[str],
            profiles: Mapping[str, str]) -> tuple[ViewState, list[str]]:
    """The state with a release or profile the corpus lacks dropped, with a notice for each."""
    notices = []
    if state.release and state.release not in release_ids:
        notices.append(f"Ignored release {state.release!r} from the link: no such release here.")
        state = replace(state, release="")
    if state.profile and state.profile not in profiles:
        notices.append(f"Ignored profile {state.profile!r} from the link: nobody of that name "
                       "was met in these releases.")
        state = replace(state, profile="")
    return state, notices


def state_of(session: Mapping[str, Any], start: str) -> ViewState:
    """The view state the page's session holds (keys as in VIEW_PARAMS, the folder box's key
    `data_dir`); `start` is the folder the page was started with."""
    return ViewState(view=session.get("view") or "overview",
                     period=session.get("period") or DEFAULT_PERIOD,
                     release=session.get("release") or "", profile=session.get("profile") or "",
                     folder=folder_in_link(session.get("data_dir"), start))


def view_to_query_params(state: ViewState) -> dict[str, str]:
    """The view state as URL parameters; fields at their default are left out, and so is a
    profile while another view is shown."""
    defaults = ViewState(profile=state.profile if state.view != "profile" else "")
    return {name: getattr(state, name) for name in VIEW_PARAMS
            if getattr(state, name) != getattr(defaults, name)}


def folder_in_link(typed: str, start: str) -> str:
    """The folder a link names: what the box says when it is not the folder started with."""
    typed = (typed or "").strip()
    return "" if typed == start else typed


def chosen_folder(typed: str, start: str) -> str:
    """The folder asked for: what the folder box says, else the folder the page started with
    (`--data DIR` or SCO_DATA_DIR), else '' for the bundled sample."""
    return (typed or "").strip() or start


def readable_folder(access: FolderAccess, typed: str, start: str) -> tuple[str, str | None]:
    """The folder to read ('' for the one started with) and, when the box asks for one the
    rules of corpus.roots refuse, the refusal in words (the page then shows its start folder),
    naming the folder by its first REFUSED_FOLDER_CHARS characters."""
    asked = chosen_folder(typed, start)
    if not asked or asked == start:
        return "", None
    check = access.check(asked)
    if check.folder is not None:
        return str(check.folder), None
    named = asked if len(asked) <= REFUSED_FOLDER_CHARS else asked[:REFUSED_FOLDER_CHARS] + "…"
    return "", f"Not reading {named}: {check.reason}."


@dataclass(frozen=True)
class Launch:
    """How the page was started: `streamlit run dashboard.py -- [--data DIR] [--lock]
    [--read-only]`. `data` is the folder ('' for the bundled sample); `lock` keeps the page on
    it; `read_only` offers no editing of corrections."""

    data: str = ""
    lock: bool = False
    read_only: bool = False


def launch_options(argv: Sequence[str], environ: Mapping[str, str]) -> Launch:
    """The page's own options among Streamlit's arguments; SCO_DATA_DIR when --data is not given
    (SCO_DATA_LOCK is corpus.roots' to read)."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--data")
    parser.add_argument("--lock", action="store_true")
    parser.add_argument("--read-only", action="store_true")
    known, _ = parser.parse_known_args(list(argv))
    return Launch(known.data or environ.get("SCO_DATA_DIR") or "", known.lock, known.read_only)
