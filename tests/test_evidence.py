"""sco_data.explore.evidence: the extractor's spans as marks, and the release cut into segments."""

from __future__ import annotations

import dataclasses

import pandas as pd

import sco_data
from sco_data.explore import evidence
from sco_data.explore.evidence import paragraphs, release_segments, title_segments
from sco_data.schema import Evidence, evidence_to_json

TEXT = (
    "On 26 May 2019, SCO Secretary-General Vladimir Norov met with President of the "
    "All-China Women's Federation Shen Yueyue in the city of Fangchenggang.\n"
    "Mr Norov thanked Shen Yueyue. They spoke of healthcare and the SCO Women's Forum."
)


def span(field: str, value: str, text: str = TEXT, occurrence: int = 0, in_title: bool = False) -> Evidence:
    """The evidence of `value` found at its n-th occurrence in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(value, start + 1)
    return Evidence(field, value, start, start + len(value), in_title)


EVIDENCE = (
    span("event_date", "26 May 2019"),
    span("sco_official", "Vladimir Norov"),
    span("counterparts", "Shen Yueyue"),
    span("location_city", "Fangchenggang"),
    span("topic", "healthcare"),
    span("topic", "Women's Forum"),
)


def row(text: str = TEXT, found=EVIDENCE, **fields) -> pd.Series:
    return pd.Series({"text": text, "evidence": evidence_to_json(tuple(found)), **fields})


def marked(segments):
    return [(text, kind, tag) for text, kind, tag in segments if kind]


TAXONOMY = {"health": "Health", "women": "Women and gender"}


def test_marks_are_exactly_the_extractors_spans_with_their_tags():
    found = (*EVIDENCE[:4], dataclasses.replace(EVIDENCE[4], value="health"),
             dataclasses.replace(EVIDENCE[5], value="women"))
    segments = release_segments(row(found=found), TAXONOMY)
    assert "".join(text for text, _, _ in segments) == TEXT
    assert marked(segments) == [
        ("26 May 2019", "date", "date"),
        ("Vladimir Norov", "official", "SCO official"),
        ("Shen Yueyue", "counterpart", "counterpart"),
        ("Fangchenggang", "place", "place"),
        ("healthcare", "topic", "Health"),
        ("Women's Forum", "topic", "Women and gender"),
    ]
    # Not a second search: "Mr Norov", the second "Shen Yueyue" and "Women's Federation" have
    # no span of their own, so they stay unmarked.
    assert [text for text, kind, _ in segments if kind is None and "Norov" in text]


def test_a_topic_word_that_did_not_count_is_not_marked():
    only_health = (dataclasses.replace(EVIDENCE[4], value="health"),)
    segments = release_segments(row(found=only_health), TAXONOMY)
    assert marked(segments) == [("healthcare", "topic", "Health")]


def test_headline_spans_are_marked_in_the_headline_only():
    title = "Vladimir Norov meets Shen Yueyue"
    found = (span("sco_official", "Vladimir Norov", title, in_title=True),
             span("counterparts", "Shen Yueyue", title, in_title=True), EVIDENCE[0])
    release = row(found=found, title=title)
    assert marked(title_segments(release)) == [
        ("Vladimir Norov", "official", "SCO official"), ("Shen Yueyue", "counterpart", "counterpart")]
    assert marked(release_segments(release)) == [("26 May 2019", "date", "date")]


def test_overlaps_go_to_the_earlier_kind_and_the_later_is_cut_around_it():
    text = "At the International Medical Forum on 1 May 2020 they met."
    found = (span("occasion", "International Medical Forum on 1 May 2020", text),
             span("topic", "Medical", text), span("event_date", "1 May 2020", text))
    segments = release_segments(row(text=text, found=found), TAXONOMY)
    assert marked(segments) == [
        ("International ", "occasion", None),
        ("Medical", "topic", "Medical"),
        (" Forum on ", "occasion", "occasion"),
        ("1 May 2020", "date", "date"),
    ]


def test_spans_outside_the_text_and_unknown_fields_are_ignored():
    found = (Evidence("event_date", "2019-05-26", 5, 500), Evidence("engagement_type", "meeting", 0, 2),
             Evidence("sco_official", "X", 3, 3))
    assert release_segments(row(text="Short text.", found=found)) == [("Short text.", None, None)]


def test_missing_text_or_evidence_marks_nothing_and_never_fails():
    assert release_segments(pd.Series({"text": "Some text.", "evidence": None})) == [
        ("Some text.", None, None)]
    assert release_segments(pd.Series({"text": None})) == []
    assert title_segments(pd.Series({"title": float("nan"), "evidence": "[]"})) == []


def test_a_release_object_works_as_well_as_a_row(seed_folder):
    release = sco_data.parse_release((seed_folder / sorted(p.name for p in seed_folder.iterdir())[0])
                                     .read_text(encoding="utf-8"))
    taxonomy = sco_data.load_taxonomy()
    kinds = {kind for _, kind, _ in release_segments(release, taxonomy) if kind}
    assert kinds == {"date", "official", "counterpart", "place", "occasion", "topic"}
    tags = {tag for _, kind, tag in release_segments(release, taxonomy) if kind == "topic"}
    assert tags <= {topic.label for topic in taxonomy.topics} and "Health" in tags


def test_each_line_is_a_paragraph_without_indentation_or_blank_lines():
    assert paragraphs([("    code?\nnext\n\n\n", None, None), ("Norov", "official", "SCO official")]) == [
        [("code?", None, None)], [("next", None, None)], [("Norov", "official", "SCO official")],
    ]


def test_a_marked_span_across_a_line_break_is_cut_per_line_and_tagged_at_its_end():
    pieces = [("Met ", None, None), ("Shen\r\nYueyue", "counterpart", "counterpart"), (" today. ", None, None)]
    assert paragraphs(pieces) == [
        [("Met ", None, None), ("Shen", "counterpart", None)],
        [("Yueyue", "counterpart", "counterpart"), (" today.", None, None)],
    ]


def test_white_space_pieces_at_the_ends_of_a_line_are_dropped():
    pieces = [("  ", None, None), (" Norov", "official", "SCO official"), (" met ", None, None), (" ", None, None)]
    assert paragraphs(pieces) == [[("Norov", "official", "SCO official"), (" met", None, None)]]


def test_release_paragraphs_keep_hostile_text_as_it_is():
    text = "Norov said <script>alert(1)</script>"
    shown = evidence.release_paragraphs(row(text=text, found=(span("sco_official", "Norov", text),)))
    assert shown == [[("Norov", "official", "SCO official"), (" said <script>alert(1)</script>", None, None)]]


def test_legend_names_every_kind():
    assert {kind for kind, _ in evidence.LEGEND} == set(evidence.KINDS)
    assert dict(evidence.LEGEND)["date"] == "engagement date"


def test_seed_release_marks_date_people_place_occasion_and_topics(seed_corpus):
    release = seed_corpus.releases.sort_values("event_date").iloc[0]
    segments = release_segments(release, sco_data.load_taxonomy(), search="Fangchenggang forum")
    assert {kind for _, kind, _ in segments if kind} == set(evidence.KINDS)
    assert ("forum", "search", "searched") in segments
    assert ("26 May 2019", "date", "date") in segments
    assert {text for text, kind, _ in title_segments(release) if kind} == {
        "Vladimir Norov", "Shen Yueyue", "Women’s Federation"}


def test_foreign_lines_of_a_release_and_of_a_table_row(seed_folder):
    with_russian = next(p for p in sorted(seed_folder.iterdir())
                        if sco_data.parse_release(p.read_text(encoding="utf-8")).foreign_lines)
    lines = evidence.foreign_lines(sco_data.parse_release(with_russian.read_text(encoding="utf-8")))
    assert len(lines) == 2 and all(any("а" <= ch <= "я" for ch in line.lower()) for line in lines)
    assert evidence.foreign_lines(pd.Series({"foreign_lines": "Строка один\nСтрока два\n"})) == [
        "Строка один", "Строка два"]
    assert evidence.foreign_lines(pd.Series({"foreign_line_count": 2})) == []


def test_release_fields_lists_every_extracted_field(seed_corpus):
    release = seed_corpus.releases.sort_values("event_date").iloc[1]
    table = evidence.release_fields(release, sco_data.load_taxonomy())
    fields = dict(zip(table["field"], table["value"]))
    assert list(table.columns) == ["field", "value", "doubt"]
    assert set(table["doubt"]) == {""}  # the seed call: the extractor would bet on every field
    assert fields["Engagement date"] == "2020-04-29"
    assert fields["Engagement type"] == "Phone call"
    assert fields["Counterparts"] == "Le Yucheng"
    assert fields["Counterpart affiliation types"] == "state"
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


def test_the_release_shown_is_the_picked_one_else_the_newest_of_those_shown(seed_corpus):
    releases = seed_corpus.releases
    dates = releases.set_index("release_id")["event_date"].dt.strftime("%Y-%m-%d")
    oldest, middle, newest = dates.sort_values().index
    shown = releases[releases["release_id"] != newest]  # the newest filtered out
    release, how = evidence.release_to_show(releases, shown, oldest)
    assert how == evidence.SHOWN_PICKED and release["release_id"] == oldest
    release, how = evidence.release_to_show(releases, shown, newest)  # picked, though not shown
    assert how == evidence.SHOWN_OUTSIDE and release["release_id"] == newest
    for nothing in (None, "", "not-an-id"):
        release, how = evidence.release_to_show(releases, shown, nothing)
        assert how == evidence.SHOWN_NEWEST and release["release_id"] == middle and dates[middle] == "2020-04-29"


def test_searched_words_are_marked_wherever_the_search_finds_them():
    release = pd.Series({"title": "Norov meets envoy on Health", "text": "Vaccines and vaccine HEALTH; vaccine.",
                         "evidence": evidence_to_json((Evidence("sco_official", "Norov", 0, 5, True),))})
    marks = evidence.find_marks(release, search="vaccine health  vaccine")
    assert [(m.start, m.end, m.kind, m.tag) for m in marks] == [
        (0, 7, "search", "searched"), (13, 20, "search", "searched"), (21, 27, "search", "searched"),
        (29, 36, "search", "searched")]
    # In the headline an extracted mark keeps its span and the searched word is marked beside it.
    title = evidence.title_segments(release, search="norov health")
    assert title == [("Norov", "official", "SCO official"), (" meets envoy on ", None, None),
                     ("Health", "search", "searched")]
    assert evidence.find_marks(release) == []  # no search, no search marks
