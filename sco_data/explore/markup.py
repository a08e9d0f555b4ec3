"""Text as markdown that shows it literally, whatever it holds.

The evidence view is markdown, because only markdown can mark a value inside running text; so
release text goes through `escape_markdown`: every character CommonMark or GitHub-flavoured
markdown gives a meaning to is backslash-escaped, and what a renderer would still turn into a
link or an emoji after reading the escapes is broken up with an invisible word joiner.
"""

from __future__ import annotations

import re

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


def escape_markdown(text: str) -> str:
    """The text with every markdown-active character backslash-escaped and no link or emoji to
    be found in it: it shows literally."""
    text = LINK_OR_EMOJI.sub(WORD_JOINER, text)
    return "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in text)
