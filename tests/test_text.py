"""Bytes -> clean text: encodings, binaries, HTML pages, headlines and foreign lines."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

import sco_data
from sco_data.extract.decode import DecodeError, decode_bytes
from sco_data.extract.segment import release_id_for, segment
from sco_data.extract.webpage import html_to_text, read_blocks

SAMPLE = "SCO Secretary-General meets Ambassador\n\nOn 3 March 2021, Mr Norov met «Иван» in Bishkek.\n"


@pytest.mark.parametrize("data", [
    SAMPLE.encode("utf-8"),
    codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
    codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
    SAMPLE.encode("cp1251"),
])
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode_bytes(data) == SAMPLE


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"  \n\t ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (not text)"),
    (bytes(range(1, 32)) * 20, "binary file (not text)"),
    ("Café in Genève".encode("latin-1"), "undecodable text: not UTF-8 (invalid byte at 3) and not Windows-1251"),
])
def test_unusable_bytes_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as error:
        decode_bytes(data)
    assert str(error.value) == reason


def test_html_page_reduces_to_article_text() -> None:
    page = """<!DOCTYPE html><html><head><title>SCO</title><script>var x = 1;</script>
    <style>p {color: red}</style><meta property="article:published_time" content="2021-03-04T10:00:00">
    <link rel="canonical" href="https://example.org/news/1"></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>SCO Secretary-General meets Ambassador</h1>
    <p>On 3 March 2021, SCO Secretary-General <b>Vladimir Norov</b>
       met with Ambassador of India to China Vikram Misri.</p><p>They discussed trade.</p></article>
    <footer>© SCO 2021. All rights reserved.</footer></body></html>"""
    article = html_to_text(page)
    assert article.text == ("SCO Secretary-General meets Ambassador\nOn 3 March 2021, SCO Secretary-General "
                            "Vladimir Norov met with Ambassador of India to China Vikram Misri.\nThey discussed trade.")
    assert article.published == "2021-03-04"
    assert article.url == "https://example.org/news/1"


def test_headline_printed_twice_is_kept_once() -> None:
    clean = segment("Headline here\n\nHeadline here\n\nOn 3 March 2021, it happened.\n\nMore.")
    assert clean.title == "Headline here"
    assert clean.paragraphs == ("On 3 March 2021, it happened.", "More.")


def test_no_headline_when_text_opens_with_the_lead() -> None:
    clean = segment("On 9 May 2021, SCO Secretary-General met X.\nSecond paragraph.")
    assert clean.title is None
    assert clean.paragraphs[0].startswith("On 9 May 2021")


def test_quotation_before_headline_is_not_the_headline() -> None:
    clean = segment("\"We are partners,\" Zhang Ming said.\n\nSCO Secretary-General visits Astana\n\n"
                       "On 3 March 2023, SCO Secretary-General Zhang Ming visited Astana.")
    assert clean.title == "SCO Secretary-General visits Astana"
    assert clean.paragraphs[0] == "\"We are partners,\" Zhang Ming said."


def test_foreign_lines_are_kept_aside_and_counted() -> None:
    clean = segment("Title line\n\nOn 3 March 2021, it happened.\nВ Ташкенте состоялась встреча\nEnd.")
    assert clean.foreign_lines == ("В Ташкенте состоялась встреча",)
    assert "Ташкенте" not in clean.body


def test_a_date_line_is_not_the_headline_but_the_publication_date() -> None:
    clean = segment("12 March 2021\n\nHeadline\n\nOn 3 March, it happened.")
    assert (clean.title, clean.date_lines, clean.published) == ("Headline", ("12 March 2021",), dt.date(2021, 3, 12))


def test_a_headline_of_five_words_above_a_quoted_subtitle_is_the_headline() -> None:
    text = ("Home | World | Asia\n\nSCO Secretary-General's interview with Kazinform\n\n"
            "Zhang Ming: \"The SCO is open to all who share the Shanghai Spirit\"\n\n"
            "On the eve of the Astana summit, SCO Secretary-General Zhang Ming answered questions from Kazinform.")
    assert segment(text).title == "SCO Secretary-General's interview with Kazinform"
    assert sco_data.parse_release(text).engagement_type == "other"


@pytest.mark.parametrize("text", [
    " date 2023-05-04 EN\nSecretary-General meets Minister\n17:56, 28 April 2025\nOn 3 March 2023, it happened.\nMore.",
    "Site of the Ministry\nAll news\nSecretary-General meets Minister\n2021-05-27 15:03:01 admin source: share:\n"
    "On 3 March 2023, it happened.\nMore.",
    "Secretary-General meets Minister.\n\nOn 3 March 2023, it happened.\n\nMore.",
    "Secretary-General meets Minister\n\nSecretary-General meets Minister\n\nOn 3 March 2023, it happened.\n\n"
    "More.\n\nSecretary-General meets Minister",
])
def test_the_headline_is_found_under_page_furniture_stamps_repeats_and_a_full_stop(text: str) -> None:
    clean = segment(text)
    assert clean.title.rstrip(".") == "Secretary-General meets Minister"
    assert clean.lead_text == "On 3 March 2023, it happened."
    assert "Secretary-General meets Minister" not in clean.text


def test_a_lead_with_its_date_is_never_taken_for_a_headline_whatever_its_last_character() -> None:
    for text in ("On 3 March 2023, the Secretary-General met the Minister.\n\nThey talked.",
                 "On 3 March 2023, the Secretary-General met the Minister\n\nThey talked."):
        assert segment(text).title is None


def test_the_stores_stamp_before_the_text_is_the_publication_date() -> None:
    clean = segment(" date 2023-05-04 BEIJING, May 4 (ANI): The Secretary-General met X.\n\nMore.")
    assert clean.published == dt.date(2023, 5, 4)
    assert clean.lead_text == "BEIJING, May 4 (ANI): The Secretary-General met X."


def test_a_date_line_under_the_text_is_the_date_it_was_issued() -> None:
    clean = segment("Statement of the SCO Secretariat\n\nThe Secretariat condemns the attack.\n\nBeijing, 23 March 2024")
    assert (clean.date_lines, clean.closing_date_lines) == ((), ("Beijing, 23 March 2024",))


@pytest.mark.parametrize("line", ["Jan 19, 2024 10:42", "Published: 19.01.2024", "Last update: 19.01.2024"])
def test_a_date_line_under_the_text_with_a_time_or_label_is_the_pages_stamp(line: str) -> None:
    clean = segment(f"Kyrgyz minister meets SCO chief\n\nBISHKEK, Jan. 18 (Kabar) - The minister met the "
                    f"Secretary-General on Thursday.\n\nThey talked.\n\n{line}")
    assert (clean.date_lines, clean.closing_date_lines, clean.published) == ((line,), (), dt.date(2024, 1, 19))


@pytest.mark.parametrize("opening", ["Earlier, it was reported that", "Earlier Kabar reported that",
                                     "It was reported earlier that", "As previously reported,", "Recall that",
                                     "To recall,", "For reference:"])
def test_a_paragraph_recalling_earlier_news_is_marked_as_such(opening: str) -> None:
    clean = segment(f"Kyrgyz minister meets SCO chief\n\nBISHKEK, Jan. 18 (Kabar) - The minister met the "
                    f"Secretary-General.\n\nThey talked.\n\n{opening} the Secretary-General visited Osh.")
    assert clean.kinds[1:] == ("prose", "recap")
    assert clean.text[slice(*clean.recaps[0])].startswith(opening)


@pytest.mark.parametrize("opening", ["Earlier today, he", "Earlier in the day, he", "As reported by the ministry, he",
                                     "Earlier, he held talks with the mayor and"])
def test_the_same_days_news_or_a_source_is_no_recall(opening: str) -> None:
    clean = segment(f"Kyrgyz minister meets SCO chief\n\nBISHKEK, Jan. 18 (Kabar) - The minister met the "
                    f"Secretary-General.\n\n{opening} visited Osh.")
    assert clean.recaps == ()


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    clean = segment("Title\n\nOn 3 March 2021, SCO Secretary-General Vladimir Norov met\nwith the "
                       "ambassador.\n\nNext paragraph.")
    assert clean.paragraphs == ("On 3 March 2021, SCO Secretary-General Vladimir Norov met with the ambassador.",
                                "Next paragraph.")


def test_release_id_ignores_wrapping_and_quotes() -> None:
    assert release_id_for(["A", "It’s  here now"]) == release_id_for(["A", "It's here now"])
    assert release_id_for(["A", "one"]) != release_id_for(["A", "two"])


def test_release_id_is_made_of_the_text_not_of_how_it_was_read() -> None:
    once = "Secretary-General meets Minister\n\nOn 3 March 2023, it happened.\n\n17:56, 3 March 2023\n\nMore."
    twice = "Secretary-General meets Minister\n\n" + once + "\n\nВ Ташкенте состоялась встреча"
    assert segment(once).release_id == segment(twice).release_id == segment(once.replace("\n\n", "\n")).release_id


SAVED_PAGE = """<!DOCTYPE html><html><head><title>SCO | News</title>
<meta property="article:published_time" content="2023-05-12T09:30:00+08:00">
<link rel="canonical" href="https://example.org/20230512/1.html"></head><body>
<header><div class="logo">SCO</div><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/members">Member states</a><ul><li>India</li><li>Kazakhstan</li><li>Kyrgyzstan</li><li>Pakistan</li>
<li>Russia</li><li>Tajikistan</li><li>Uzbekistan</li></ul></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; Secretariat</div>
<main><article>
<h1>SCO Secretary-General meets with Ambassador of Mongolia</h1>
<div class="date">12.05.2023</div>
<p>On 12 May 2023, SCO Secretary-General Zhang Ming met with Ambassador of Mongolia to China
Tuvshin Badral at the SCO Secretariat.</p>
<p>The sides discussed cooperation in trade, transport and tourism, and the preparations for the
meeting of the Council of Heads of State.</p>
<div class="share">Share: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Telegram</a></div>
</article>
<aside class="related"><h3>Related news</h3><ul>
<li><a href="/2">On 10 May 2023 SCO Secretary-General met with the Ambassador of Iran Mohsen Bakhtiar</a></li>
<li><a href="/3">SCO Secretary-General takes part in the forum in Tashkent</a></li></ul></aside>
</main><footer><p>© 2023 SCO Secretariat. All rights reserved.</p><p>Beijing, China</p></footer></body></html>"""


def test_saved_page_loses_its_menus_related_news_and_footer() -> None:
    article = html_to_text(SAVED_PAGE)
    assert article.text.splitlines()[0] == "SCO Secretary-General meets with Ambassador of Mongolia"
    for furniture in ("Home", "Member states", "Share", "Related news", "Mohsen Bakhtiar", "Tashkent",
                      "All rights reserved", "Kyrgyzstan"):
        assert furniture not in article.text
    assert article.published.startswith("2023-05-12")
    assert article.url == "https://example.org/20230512/1.html"


def test_saved_page_parses_to_the_release_of_its_article() -> None:
    import sco_data

    corpus = sco_data.load_corpus([], use_cache=False, extra_files=[("page.html", SAVED_PAGE.encode())])
    row = corpus.releases.iloc[0]
    assert row["title"] == "SCO Secretary-General meets with Ambassador of Mongolia"
    assert (row["event_date"].date().isoformat(), row["counterparts"], row["location_city"]) == (
        "2023-05-12", "Tuvshin Badral", "Beijing")
    assert row["countries_mentioned"] == "Mongolia; China"
    assert row["source"] == "https://example.org/20230512/1.html"


def test_a_page_with_no_article_is_read_block_by_block() -> None:
    article = read_blocks("<html><body><nav>Menu</nav><div>SCO note<p>On 3 March 2021, the SCO met.</p>"
                          "tail</div><script>x = 1</script><!-- a comment --></body></html>")
    assert article.text == "SCO note\nOn 3 March 2021, the SCO met.\ntail"
