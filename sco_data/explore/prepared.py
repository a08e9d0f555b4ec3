"""A corpus made ready for exploring, once, then shared read-only by every page session.

The dashboard keeps one PreparedCorpus per data source in a cache that all sessions share, so
its frames must not change under anyone. They are handed out as new DataFrame objects over
the same data: with pandas' copy-on-write, a column added to one or a cell set in it is made on
a copy, never on the shared frame, and handing one out costs no copy of the data.

What the page computes from it is remembered per filter state (`filtered`, `remember`): a
returning visitor, a second visitor with the same link, or a switch back to a view asks for
tables already made. The memory is bounded (the filtered frames of a few filter states, a few
hundred small tables) and dies with the corpus.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pyarrow as pa

from sco_data.corpus.tables import Corpus, no_corrections
from sco_data.explore.aggregations import report_table
from sco_data.explore.filtering import (
    ONE_RELEASE_COLUMNS,
    FilterOptions,
    Filters,
    apply_filters,
    count_kept,
    filter_options,
    prepare,
)
from sco_data.explore.identity import prepare_participants
from sco_data.explore.profiles import profile_options
from sco_data.extract.topics import Taxonomy, load_taxonomy

PANDAS_3 = int(pd.__version__.split(".")[0]) >= 3
# How many filter states' filtered frames, and how many small tables, are remembered.
FRAMES_REMEMBERED = 8
TABLES_REMEMBERED = 512


def configure_page_process() -> None:
    """Process settings for a page that explores a large corpus; the page calls this, the
    library never does. Arrow's memory comes from the C library's allocator: a page that
    filters 100,000 releases allocates a copy of the kept rows' texts on every change, and
    Arrow's default pool (mimalloc) took 1.5 s to filter them down to the 55,000 meetings, the
    system allocator 0.9 s. On pandas 2, copy-on-write (pandas 3's only mode) is turned on, so
    the shared frames are handed out without a copy of their data."""
    pa.set_memory_pool(pa.system_memory_pool())
    if not PANDAS_3:
        pd.set_option("mode.copy_on_write", True)


def _hand_out(frame: pd.DataFrame) -> pd.DataFrame:
    """A new frame object over the same data when pandas copies on write; else (pandas 2 with
    the option off) a shallow copy would share its cells with the shared frame: a deep copy."""
    return frame.copy(deep=not (PANDAS_3 or pd.get_option("mode.copy_on_write") is True))


class Memo:
    """Values computed once per key and then shared, the least recently used forgotten first.
    Safe for the page's sessions, which run in threads of their own: two asking at once for a
    new key may both compute it, and one result is kept."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = compute()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self._size:
                self._values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)


def _handed(value: Any) -> Any:
    """A remembered value as handed out: frames (alone or in a tuple) as new frame objects."""
    if isinstance(value, pd.DataFrame):
        return _hand_out(value)
    if isinstance(value, tuple):
        return tuple(_handed(item) for item in value)
    return value


@dataclass(frozen=True, eq=False)
class PreparedCorpus:
    """Releases and participants with their helper columns, the report, what each filter
    offers, the taxonomy they were read with, and the profiles they offer (profile -> how the
    page names it), the load's notices (a cache it could not use), the corrections that were
    applied, and the corpus it was prepared from (a visitor's uploads are joined to that:
    explore.uploads). Build it with prepare_corpus()."""

    _releases: pd.DataFrame
    _participants: pd.DataFrame
    _report: pd.DataFrame
    _report_rows: pd.DataFrame
    options: FilterOptions
    taxonomy: Taxonomy
    profiles: dict[str, str]
    notices: tuple[str, ...] = ()
    corrections: pd.DataFrame = field(default_factory=no_corrections)
    source: Corpus | None = None
    _frames: Memo = field(default_factory=lambda: Memo(FRAMES_REMEMBERED), repr=False)
    _tables: Memo = field(default_factory=lambda: Memo(TABLES_REMEMBERED), repr=False)

    def filtered(self, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The releases (without ONE_RELEASE_COLUMNS) and participants the filters keep
        (filtering.apply_filters), remembered per filter state."""
        return _handed(self._frames.get(filters, lambda: apply_filters(
            (self._releases, self._participants), filters, ONE_RELEASE_COLUMNS)))

    def count(self, filters: Filters) -> int:
        """How many releases the filters keep, worked out without remembering their frames
        (which would push out the frames of the filter states visitors are looking at)."""
        return count_kept((self._releases, self._participants), filters)

    def remember(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """compute() once for the key (a name, the filters and whatever else decides the
        result); frames in the result are handed out as new objects. Callers treat what they
        get as read-only, like the corpus's own frames."""
        return _handed(self._tables.get(key, compute))

    @property
    def releases(self) -> pd.DataFrame:
        """The releases with filtering.prepare()'s columns; a fresh frame object each time."""
        return _hand_out(self._releases)

    @property
    def participants(self) -> pd.DataFrame:
        """The participants with each person's key and display name; a fresh frame object."""
        return _hand_out(self._participants)

    @property
    def report(self) -> pd.DataFrame:
        """The ingest report, one row per file handed in; a fresh frame object."""
        return _hand_out(self._report)

    @property
    def report_rows(self) -> pd.DataFrame:
        """The report as the page lists it (aggregations.report_table: what needs attention
        first), sorted once rather than on every rerun; a fresh frame object."""
        return _hand_out(self._report_rows)


def prepare_corpus(corpus: Corpus, taxonomy: Taxonomy | None = None) -> PreparedCorpus:
    """The corpus with the helper columns filters, charts and people tables use, once."""
    taxonomy = taxonomy or load_taxonomy()
    releases = prepare(corpus.releases)
    participants = prepare_participants(corpus.participants)
    return PreparedCorpus(
        _releases=releases,
        _participants=participants,
        _report=corpus.report,
        _report_rows=report_table(corpus.report),
        options=filter_options(releases, participants, taxonomy),
        profiles=profile_options(participants),
        taxonomy=taxonomy,
        notices=tuple(corpus.notices),
        corrections=corpus.corrections,
        source=corpus,
    )
