"""Release text as Streamlit markdown that shows it literally, with extracted values marked.

The evidence view is markdown, because only markdown can put a coloured mark and a badge
inside running text; so every character markdown gives a meaning to is escaped, and what a
renderer would turn into a link or an emoji after reading the escapes is broken up with an
invisible word joiner. Only the marks this module writes are markup.
"""

from __future__ import annotations

import re

from sco_data.explore import evidence

# ASCII punctuation that CommonMark, GitHub-flavoured markdown or Streamlit give a meaning
# (emphasis, code, links, headings, lists, tables, HTML, entities, $ LaTeX, : directives and
# emoji, ~ strikethrough, @ autolinks); CommonMark lets any ASCII punctuation be escaped.
MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()#+-.!|<>$~:&^=@")
# Streamlit's markdown also links "http://...", "www...." and "name@host", and turns ":smile:"
# into an emoji, after escapes are read: an invisible word joiner where one would start keeps
# it text.
WORD_JOINER = "\u2060"
LINK_OR_EMOJI = re.compile(r"(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=[-.\w+])(?=@)|(?<=:)(?=[\w+-]+:)",
                           re.IGNORECASE)
# Streamlit colour of each kind of evidence mark (the theme in .streamlit/config.toml sets
# their backgrounds dark enough to see).
KIND_COLOURS = {evidence.KIND_DATE: "blue", evidence.KIND_OFFICIAL: "violet", evidence.KIND_COUNTERPART: "orange",
                evidence.KIND_PLACE: "green", evidence.KIND_TOPIC: "red", evidence.KIND_OCCASION: "gray"}


def escape_markdown(text: str) -> str:
    """The text with every markdown-active character backslash-escaped and no link or emoji to
    be found in it: it shows literally."""
    text = LINK_OR_EMOJI.sub(WORD_JOINER, text)
    return "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in text)


def marked(text: str, kind: str | None, tag: str | None = None) -> str:
    """Escaped text, on its evidence kind's background, followed by its tag as a badge."""
    escaped = escape_markdown(text)
    if kind is None:
        return escaped
    badge = f":{KIND_COLOURS[kind]}-badge[{escape_markdown(tag)}]" if tag else ""
    return f":{KIND_COLOURS[kind]}-background[{escaped}]{badge}"


def paragraphs_markdown(paragraphs: list[list[evidence.Segment]]) -> str:
    """Safe markdown of evidence paragraphs: literal text, extracted values marked and tagged."""
    return "\n\n".join("".join(marked(*piece) for piece in p) for p in paragraphs)
