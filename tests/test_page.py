"""dashboard.py's own functions, imported without running the page: the markup of evidence."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sco_data.explore import evidence

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard.py"


@pytest.fixture(scope="module")
def page():
    """dashboard.py as a module: under a name other than __main__ its page does not run."""
    spec = importlib.util.spec_from_file_location("dashboard_under_test", DASHBOARD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DANGEROUS = (
    "<script>alert(1)</script> *bold* _it_ # h [link](http://x) `code` $x$ :smile: ~s~ &amp;"
)


def test_escape_markdown_escapes_every_active_character(page):
    assert page.escape_markdown(DANGEROUS) == (
        r"\<script\>alert\(1\)\</script\> \*bold\* \_it\_ \# h \[link\]\(http\://x\) "
        r"\`code\` \$x\$ \:smile\: \~s\~ \&amp;"
    )


@given(text=st.text(max_size=60))
def test_escaped_text_has_no_unescaped_special_character(page, text):
    escaped = page.escape_markdown(text)
    i = 0
    while i < len(escaped):
        if escaped[i] == "\\":
            assert escaped[i + 1] in page.MARKDOWN_SPECIAL
            i += 2
            continue
        assert escaped[i] not in page.MARKDOWN_SPECIAL
        i += 1


def test_markdown_wraps_marked_spans_in_background_directives(page):
    markdown = page.paragraphs_markdown([[("Met ", None), ("Shen [Yueyue]", "counterpart"), ("!", None)]])
    assert markdown == r"Met :orange-background[Shen \[Yueyue\]]\!"


def test_markdown_makes_each_line_a_paragraph_and_drops_indentation(page):
    segments = [("    code?\nnext\n\n\n", None), ("Norov", "official")]
    markdown = page.paragraphs_markdown(evidence.paragraphs(segments))
    assert markdown == "code?\n\nnext\n\n:violet-background[Norov]"


def test_marked_span_across_a_line_break_is_wrapped_per_line(page):
    markdown = page.paragraphs_markdown(evidence.paragraphs([("Shen\nYueyue", "counterpart")]))
    assert markdown == ":orange-background[Shen]\n\n:orange-background[Yueyue]"


def test_release_markdown_of_hostile_text_is_literal(page):
    release = pd.Series({"text": "Norov said <script>alert(1)</script>",
                         "sco_official": "Vladimir Norov"})
    markdown = page.paragraphs_markdown(evidence.release_paragraphs(release))
    assert markdown == r":violet-background[Norov] said \<script\>alert\(1\)\</script\>"


def test_legend_gives_every_label_its_colour(page):
    assert page.legend_markdown() == (
        ":blue-background[engagement date] :violet-background[SCO official] "
        ":orange-background[counterpart] :green-background[place] :gray-background[topic word]"
    )
    assert set(page.LABEL_COLOURS) == set(evidence.LABELS)
