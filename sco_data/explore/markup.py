"""Text shown as it is, whatever it holds: no invisible characters, no markdown.

`visible` is applied wherever the page shows text read from files (evidence, headlines, table
cells, chart labels and hovers, filter options, file names) and to what `sco-data corrections
list` prints, never to the data itself: a bidirectional control ("envoy <RLO>txt.exe" shows as
"envoy exe.txt") is shown by its name, other characters that are invisible by default
(zero-width spaces and joiners, soft hyphens, tag characters) are removed, and control
characters other than tab and line breaks are shown by their code point.

The evidence view is markdown, because only markdown can mark a value inside running text; so
release text goes through `escape_markdown`: every character CommonMark or GitHub-flavoured
markdown gives a meaning to is backslash-escaped, and what a renderer would still turn into a
link or an emoji after reading the escapes is broken up with an invisible word joiner.
"""

from __future__ import annotations

import re

import pandas as pd

# ASCII punctuation that CommonMark, GitHub-flavoured markdown or Streamlit give a meaning
# (emphasis, code, links, headings, lists, tables, HTML, entities, $ LaTeX, : directives and
# emoji, ~ strikethrough, @ autolinks); CommonMark lets any ASCII punctuation be escaped.
MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()#+-.!|<>$~:&^=@")
# Renderers also link "http://...", "www...." and "name@host" (GFM's literal autolinks) and turn
# ":smile:" into an emoji after escapes are read: an invisible word joiner where one would
# start keeps it text.
WORD_JOINER = "\u2060"
LINK_OR_EMOJI = re.compile(r"(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=[-.\w+])(?=@)|(?<=:)(?=[\w+-]+:)",
                           re.IGNORECASE)


# The bidirectional controls (embeddings, overrides, isolates and marks), by their names.
BIDI_CONTROLS = {"\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
                 "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
                 "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM"}
# Unicode's Default_Ignorable_Code_Point (bidirectional controls among them), the control
# characters but tab and line breaks, and the line and paragraph separators.
HIDDEN = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
                    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
                    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# A cell of a tab-separated line: its own tabs and line breaks written as escapes.
ONE_LINE = str.maketrans({"\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _shown(found: re.Match) -> str:
    character = found.group()
    if character in BIDI_CONTROLS:
        return f"⟨{BIDI_CONTROLS[character]}⟩"
    return f"⟨U+{ord(character):04X}⟩" if CONTROL.match(character) else ""


def visible(text: str) -> str:
    """The text with bidirectional controls shown by name (⟨RLO⟩), control characters by code
    point (⟨U+0000⟩) and other invisible characters removed: it reads as it is stored."""
    return HIDDEN.sub(_shown, text)


def visible_column(column: pd.Series) -> pd.Series:
    """A table column as the page shows it: its text cells `visible`, anything else as it is."""
    if pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_datetime64_any_dtype(column.dtype):
        return column
    return column.map(lambda cell: visible(cell) if isinstance(cell, str) else cell, na_action="ignore")


def one_line(text: str) -> str:
    """`visible` text with its tabs and line breaks written \\t, \\r and \\n: a cell of a
    tab-separated line that shifts no column and starts no line."""
    return visible(text).translate(ONE_LINE)


def escape_markdown(text: str) -> str:
    """The text, `visible`, with every markdown-active character backslash-escaped and no link
    or emoji to be found in it: it shows literally."""
    text = LINK_OR_EMOJI.sub(WORD_JOINER, visible(text))
    return "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in text)
