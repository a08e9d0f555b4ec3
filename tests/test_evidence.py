"""sco_data.explore.evidence: where extracted values sit in the text, as plain segments."""

from __future__ import annotations

import pandas as pd
import pytest
import sco_data
from sco_data.explore import evidence
from sco_data.explore.evidence import paragraphs, release_segments

TEXT = (
    "On 26 May 2019, SCO Secretary-General Vladimir Norov met with President of the "
    "All-China Women's Federation Shen Yueyue in the city of Fangchenggang.\n"
    "Mr Norov thanked Shen Yueyue. On 22 May the ministers met."
)


def row(**fields):
    base = {
        "text": TEXT,
        "event_date": pd.Timestamp("2019-05-26"),
        "sco_official": "Vladimir Norov",
        "counterparts": "Shen Yueyue",
        "location_city": "Fangchenggang",
    }
    base.update(fields)
    return pd.Series(base)


def marked(segments):
    return [(text, label) for text, label in segments if label]


def test_segments_cover_the_text_and_mark_each_extracted_value():
    segments = release_segments(row())
    assert "".join(text for text, _ in segments) == TEXT
    assert marked(segments) == [
        ("26 May 2019", "date"),
        ("Vladimir Norov", "official"),
        ("Shen Yueyue", "counterpart"),
        ("Fangchenggang", "place"),
        ("Norov", "official"),
        ("Shen Yueyue", "counterpart"),
    ]


def test_only_the_engagement_day_is_marked_not_other_dates():
    segments = release_segments(row(text="On 22 May they met. Talks on 26 May 2019 followed."))
    assert marked(segments)[0] == ("26 May 2019", "date")
    assert ("22 May", "date") not in marked(segments)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On May 26, 2019, talks.", "May 26, 2019"),
        ("On 26th of May 2019, talks.", "26th of May 2019"),
        ("Dated 26.05.2019.", "26.05.2019"),
        ("On 26 May, talks.", "26 May"),
        ("Nothing here.", None),
    ],
)
def test_date_forms(text, expected):
    dates = [t for t, label in release_segments(row(text=text)) if label == "date"]
    assert dates == ([expected] if expected else [])


def test_missing_fields_mark_nothing_and_never_fail():
    segments = release_segments(
        pd.Series({"text": "Some text.", "event_date": pd.NaT, "sco_official": None,
                   "counterparts": "", "location_city": float("nan")})
    )
    assert segments == [("Some text.", None)]
    assert release_segments(pd.Series({"text": None})) == []


def test_names_across_a_line_break_are_found():
    segments = release_segments(row(text="met Shen\nYueyue today", event_date=pd.NaT))
    assert marked(segments) == [("Shen\nYueyue", "counterpart")]


def test_topic_words_come_from_the_taxonomy():
    taxonomy = sco_data.load_taxonomy()
    text = "Cooperation in healthcare and e-commerce."
    segments = release_segments(row(text=text, event_date=pd.NaT), taxonomy)
    topics = [piece for piece, label in segments if label == "topic"]
    assert "healthcare" in topics
    assert topics == [text[start:end] for start, end, _ in taxonomy.find_mentions(text)]


def test_higher_ranked_labels_win_overlaps():
    # "Norov" would match as a counterpart too; the official's span is kept, once.
    segments = release_segments(row(text="Vladimir Norov and Norov", counterparts="Norov"))
    assert marked(segments) == [("Vladimir Norov", "official"), ("Norov", "official")]


def test_each_line_is_a_paragraph_without_indentation_or_blank_lines():
    assert paragraphs([("    code?\nnext\n\n\n", None), ("Norov", "official")]) == [
        [("code?", None)], [("next", None)], [("Norov", "official")],
    ]


def test_a_marked_span_across_a_line_break_is_cut_per_line():
    assert paragraphs([("Met ", None), ("Shen\r\nYueyue", "counterpart"), (" today. ", None)]) == [
        [("Met ", None), ("Shen", "counterpart")], [("Yueyue", "counterpart"), (" today.", None)],
    ]


def test_white_space_pieces_at_the_ends_of_a_line_are_dropped():
    assert paragraphs([("  ", None), (" Norov", "official"), (" met ", None), (" ", None)]) == [
        [("Norov", "official"), (" met", None)],
    ]


def test_release_paragraphs_keep_hostile_text_as_it_is():
    shown = evidence.release_paragraphs(row(text="Norov said <script>alert(1)</script>"))
    assert shown == [[("Norov", "official"), (" said <script>alert(1)</script>", None)]]


def test_legend_names_every_label_in_order():
    assert [label for label, _ in evidence.LEGEND] == list(evidence.LABELS)
    assert dict(evidence.LEGEND)["date"] == "engagement date"


def test_seed_release_marks_date_people_place(seed_corpus):
    release = seed_corpus.releases.sort_values("event_date").iloc[0]
    labels = {label for _, label in release_segments(release, sco_data.load_taxonomy()) if label}
    assert labels == {"date", "official", "counterpart", "place", "topic"}


def test_release_fields_lists_every_extracted_field(seed_corpus):
    release = seed_corpus.releases.sort_values("event_date").iloc[1]
    table = evidence.release_fields(release, sco_data.load_taxonomy())
    fields = dict(zip(table["field"], table["value"]))
    assert list(table.columns) == ["field", "value"]
    assert fields["Engagement date"] == "2020-04-29"
    assert fields["Engagement type"] == "Phone call"
    assert fields["Counterparts"] == "Le Yucheng"
    assert fields["City"] == "" and fields["Coordinates"] == ""
    topics = fields["Topics (mentions)"].split("; ")
    assert any(t.startswith("Health (") for t in topics)
    assert any(t.startswith("COVID-19 (") for t in topics)


def test_release_fields_of_a_sparse_row():
    table = evidence.release_fields(pd.Series({"text": "x", "latitude": 1.5, "longitude": 2.25,
                                               "topics": "health; women"}))
    fields = dict(zip(table["field"], table["value"]))
    assert fields["Coordinates"] == "1.500, 2.250"
    assert fields["Topics (mentions)"] == "health; women"
    assert fields["Engagement date"] == ""
