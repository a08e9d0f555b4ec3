"""Release ids and evidence survive a trip through CSV and back, read by plain pandas."""

from __future__ import annotations

import io
import sys

import pandas as pd

import sco_data
from sco_data.extract.paragraphs import split_paragraphs
from sco_data.extract.segment import normalise_for_id
from sco_data.schema import evidence_from_json


def test_release_ids_read_back_as_text_from_a_plain_read_csv(seed_corpus: sco_data.Corpus) -> None:
    ids = seed_corpus.releases["release_id"].tolist()
    back = pd.read_csv(io.BytesIO(sco_data.to_csv_bytes(seed_corpus.releases)))
    assert back["release_id"].tolist() == ids
    assert all(release_id[0].isalpha() for release_id in ids)


def test_ids_that_look_like_numbers_as_hex_still_start_with_a_letter() -> None:
    # Hex digests such as "34652435e0339504" read as 3.4e+20, "0355867447554221" loses its zero.
    texts = [f"On {day} May 2021, SCO Secretary-General Vladimir Norov met with Ambassador X Y." for day in range(1, 29)]
    ids = [sco_data.parse_release(text).release_id for text in texts]
    back = pd.read_csv(io.StringIO("release_id\n" + "\n".join(ids) + "\n"))
    assert back["release_id"].tolist() == ids


def test_evidence_column_holds_the_spans_of_the_extracted_values(seed_corpus: sco_data.Corpus) -> None:
    row = seed_corpus.releases.iloc[0]
    evidence = evidence_from_json(row["evidence"])
    date = next(item for item in evidence if item.field == "event_date")
    assert (date.value, row["text"][date.start:date.end]) == ("2019-05-26", "26 May 2019")
    people = [row["text"][item.start:item.end] for item in evidence if item.field == "counterparts" and not item.in_title]
    assert people[0] == "Shen Yueyue"


def test_only_the_space_is_white_space_that_is_printable() -> None:
    # single_spaced (the lines of a release, the text its id is made of) keeps a printable text
    # with single spaces as it is, unsplit: exact only while every other white space character
    # is unprintable.
    assert [char for char in map(chr, range(sys.maxunicode + 1)) if char.isspace() and char.isprintable()] == [" "]


def test_ids_collapse_every_run_of_white_space_whatever_the_text() -> None:
    assert normalise_for_id("Talks  held\u2003in\tBeijing ") == "talks held in beijing"
    assert normalise_for_id("Talks held in Beijing") == "talks held in beijing"
    assert normalise_for_id(" Talks held") == normalise_for_id("Talks held\n") == "talks held"


def test_lines_are_single_spaced_whatever_their_white_space() -> None:
    text = "SCO  Secretary-General\tmeets\u00a0Minister \n\n\u2003On 3 May 2021, talks\x1fwere held. "
    assert split_paragraphs(text) == ["SCO Secretary-General meets Minister", "On 3 May 2021, talks were held."]
