"""The markup of evidence: release text as literal markdown (sco_data.explore.markup), the
page's marks and badges (sco_page/release.py), and the theme colours behind them."""

from __future__ import annotations

import importlib
import importlib.util
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sco_data.explore import charts, evidence, markup
from sco_data.schema import Evidence, evidence_to_json

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def page():
    """The evidence view's module; and dashboard.py imports (under a name other than __main__
    its page does not run)."""
    spec = importlib.util.spec_from_file_location("dashboard_under_test", ROOT / "dashboard.py")
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    return importlib.import_module("sco_page.release")


DANGEROUS = (
    "<script>alert(1)</script> *bold* _it_ # h [link](http://x) `code` $x$ :smile: ~s~ &amp;"
)


def test_escape_markdown_escapes_every_active_character(page):
    assert page.escape_markdown(DANGEROUS).replace(markup.WORD_JOINER, "|") == (
        r"\<script\>alert\(1\)\</script\> \*bold\* \_it\_ \# h \[link\]\(http\:|//x\) "
        r"\`code\` \$x\$ \:|smile\: \~s\~ \&amp;"
    )


def test_no_link_or_emoji_is_left_to_find_after_the_escapes(page):
    """What a renderer finds in the text once escapes are read: GFM's literal autolinks (a
    scheme, "www.", an address) and emoji shortcodes, each matched as they are."""
    text = "See https://evil.example/x, WWW.evil.example, press@evil.example and :warning: now."
    read = page.escape_markdown(text).replace("\\", "")
    assert read.replace(markup.WORD_JOINER, "") == text  # shows exactly what was written
    assert not re.search(r"https?://|\bwww\.|[-.\w+]@|:[\w+-]+:", read, re.IGNORECASE)


@given(text=st.text(max_size=60))
def test_escaped_text_has_no_unescaped_special_character(page, text):
    escaped = page.escape_markdown(text)
    i = 0
    while i < len(escaped):
        if escaped[i] == "\\":
            assert escaped[i + 1] in markup.MARKDOWN_SPECIAL
            i += 2
            continue
        assert escaped[i] not in markup.MARKDOWN_SPECIAL
        i += 1


@pytest.mark.parametrize(("control", "name"), list(markup.BIDI_CONTROLS.items()))
def test_every_bidirectional_control_is_shown_by_its_name(control, name):
    assert markup.visible(f"envoy {control}txt.exe") == f"envoy ⟨{name}⟩txt.exe"


def test_zero_width_characters_are_removed_and_control_characters_shown():
    hidden = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\U000e0041\ufe0f"
    assert markup.visible(f"Zhang{hidden} Ming") == "Zhang Ming"
    assert markup.visible("a\x00b\x1bc\u2028d\te\nf\rg") == "a⟨U+0000⟩b⟨U+001B⟩c⟨U+2028⟩d\te\nf\rg"
    assert markup.one_line("a\tb\r\nc\u202e") == "a\\tb\\r\\nc⟨RLO⟩"
    assert charts.plain("<b>\u202eenvoy</b>") == "&lt;b&gt;⟨RLO⟩envoy&lt;/b&gt;"
    assert page_escape("\u202ewww.x\u2060y") == r"⟨RLO⟩www\.xy"


def page_escape(text: str) -> str:
    return markup.escape_markdown(text).replace(markup.WORD_JOINER, "")


@given(text=st.text(max_size=60))
def test_no_bidirectional_control_or_zero_width_character_is_left(text):
    assert not set(markup.visible(text)) & {*markup.BIDI_CONTROLS, "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def test_markdown_marks_spans_and_tags_them_with_a_badge(page):
    markdown = page.paragraphs_markdown([[("Met ", None, None),
                                          ("Shen [Yueyue]", "counterpart", "counterpart"), ("!", None, None)]])
    assert markdown == r"Met :orange-background[Shen \[Yueyue\]]:orange-badge[counterpart]\!"


def test_a_topic_tag_names_the_topic_and_is_escaped(page):
    assert page.marked("healthcare", "topic", "Health [care]") == (
        r":red-background[healthcare]:red-badge[Health \[care\]]")
    assert page.marked("Inter", "occasion", None) == ":gray-background[Inter]"


def test_markdown_makes_each_line_a_paragraph_and_drops_indentation(page):
    segments = [("    code?\nnext\n\n\n", None, None), ("Norov", "official", "SCO official")]
    markdown = page.paragraphs_markdown(evidence.paragraphs(segments))
    assert markdown == "code?\n\nnext\n\n:violet-background[Norov]:violet-badge[SCO official]"


def test_marked_span_across_a_line_break_is_wrapped_per_line(page):
    markdown = page.paragraphs_markdown(evidence.paragraphs([("Shen\nYueyue", "counterpart", "counterpart")]))
    assert markdown == ":orange-background[Shen]\n\n:orange-background[Yueyue]:orange-badge[counterpart]"


def test_release_markdown_of_hostile_text_is_literal(page):
    text = "Norov said <script>alert(1)</script>"
    release = pd.Series({"text": text, "evidence": evidence_to_json((Evidence("sco_official", "Norov", 0, 5),))})
    markdown = page.paragraphs_markdown(evidence.release_paragraphs(release))
    assert markdown == (r":violet-background[Norov]:violet-badge[SCO official] said "
                        r"\<script\>alert\(1\)\</script\>")


def test_every_kind_of_mark_has_its_colour(page):
    assert set(page.KIND_COLOURS) == set(evidence.KINDS)
    assert len(set(page.KIND_COLOURS.values())) == len(evidence.KINDS)


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# Streamlit's light theme: its text and page colours (config.py documents both defaults).
TEXT_COLOUR, PAGE_COLOUR = "#2f2d2b", "#ffffff"


def test_evidence_marks_stand_out_and_keep_their_text_readable(page):
    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["theme"]
    for colour in page.KIND_COLOURS.values():
        background = theme[f"{colour}BackgroundColor"]
        assert _contrast(TEXT_COLOUR, background) >= 7, colour  # WCAG AAA for the marked text
        assert _contrast(PAGE_COLOUR, background) >= 1.25, colour  # the mark is visible as one
    # Streamlit's own gray tint, which the marks had before, is not visible as a mark.
    assert _contrast(PAGE_COLOUR, "#f5f4f2") < 1.1
