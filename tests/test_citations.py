"""sco_data.explore.citations and the page's CSV: the sentence each value was read from."""

from __future__ import annotations

import io

import pandas as pd

from sco_data.explore import citations, export
from sco_data.schema import Evidence, evidence_to_json

TEXT = ("Mr. Norov arrived. On 26 May 2019, SCO Secretary-General Vladimir Norov met with "
        "Shen Yueyue in Fangchenggang. He also met He Jinping.\nThe talks were warm.")


def span(field, value, text=TEXT, in_title=False):
    start = text.index(value)
    return Evidence(field, value, start, start + len(value), in_title)


ROW = {
    "release_id": "r1", "title": "Norov meets Shen Yueyue", "text": TEXT,
    "evidence": evidence_to_json((
        span("event_date", "26 May 2019"), span("sco_official", "Vladimir Norov"),
        span("counterparts", "Shen Yueyue"), span("counterparts", "He Jinping"),
        span("counterparts", "Shen Yueyue", "Norov meets Shen Yueyue", in_title=True),
        span("location_city", "Fangchenggang"), span("topic", "talks"))),
}
LEAD = "On 26 May 2019, SCO Secretary-General Vladimir Norov met with Shen Yueyue in Fangchenggang."


def test_the_sentence_around_a_span_uses_the_extractors_splitter():
    start = TEXT.index("Shen")
    # "Mr." does not end a sentence; the line break does.
    assert citations.sentence_around(TEXT, start, start + 4) == LEAD
    assert citations.sentence_around(TEXT, 0, 3) == "Mr. Norov arrived."
    last = TEXT.index("warm")
    assert citations.sentence_around(TEXT, last, last + 4) == "The talks were warm."


def test_each_field_cites_its_sentences_and_the_headline():
    sentences = citations.field_sentences(pd.Series(ROW))
    assert sentences == {
        "event_date": LEAD, "sco_official": LEAD, "location_city": LEAD,
        "counterparts": LEAD + " | He also met He Jinping. | Norov meets Shen Yueyue",
    }


def test_the_csv_carries_the_sentences_only_when_asked():
    releases = pd.DataFrame([ROW, {"release_id": "r2", "title": None, "text": "Nothing.", "evidence": "[]"}])
    participants = pd.DataFrame({"release_id": ["r1"], "name": ["Shen Yueyue"]})
    plain, people = export.filtered_csv(releases, participants)
    assert list(pd.read_csv(io.BytesIO(plain), encoding="utf-8-sig").columns) == list(releases.columns)
    cited, _ = export.filtered_csv(releases, participants, sentences=True)
    table = pd.read_csv(io.BytesIO(cited), encoding="utf-8-sig", keep_default_na=False)
    assert list(table.columns) == [*releases.columns, "event_date_sentence", "sco_official_sentence",
                                   "counterparts_sentence", "location_city_sentence", "occasion_sentence"]
    assert table["event_date_sentence"].tolist() == [LEAD, ""]
    assert table["occasion_sentence"].tolist() == ["", ""]
    assert pd.read_csv(io.BytesIO(people), encoding="utf-8-sig")["name"].tolist() == ["Shen Yueyue"]
