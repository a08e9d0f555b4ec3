"""The page's colours, in one place: what a colour means is the same in every chart.

- one colour per engagement type and one per topic (categorical: they name a kind of thing);
- a neutral colour for bars that rank people, countries and organisations (the bar's length
  carries the number; a colour would suggest a category that is not there);
- one sequential scale, light to dark, for "how many" on the heatmap and the map.
No engagement-type colour is also a topic colour, and neither is the neutral colour.
"""

from __future__ import annotations

from collections.abc import Iterable

# Engagement types: saturated and far apart, since they are stacked side by side.
ENGAGEMENT_COLOURS: dict[str, str] = {
    "meeting": "#1f5fa8",     # blue
    "phone_call": "#e07b00",  # orange
    "video_call": "#1a9e8f",  # teal
    "event": "#7b3fa0",       # purple
    "other": "#8a8a8a",       # grey
}

# Topics of the shipped taxonomy (extract/lexicon/topics.toml), in its order.
TOPIC_COLOURS: dict[str, str] = {
    "health": "#d1495b",                # red
    "covid19": "#8c2d04",               # rust
    "ecommerce": "#edae49",             # amber
    "women": "#e377c2",                 # pink
    "security": "#30343f",              # charcoal
    "economy_trade": "#66a61e",         # green
    "culture_humanitarian": "#a6761d",  # ochre
    "transport_logistics": "#17becf",   # cyan
    "digital_tech": "#6a6fd1",          # indigo
    "agriculture": "#b5bd3a",           # olive
    "tourism": "#ff9896",               # salmon
    "education_science": "#4b7b99",     # steel blue
    "energy": "#c7a9e4",                # lavender
}
# Topics a user adds to their own taxonomy take these, in taxonomy order.
EXTRA_TOPIC_COLOURS: tuple[str, ...] = ("#9c755f", "#bab0ac", "#59a14f", "#f28e2b", "#b07aa1")

# Ranked bars (counterparts, countries, organisations, places).
NEUTRAL = "#5f6b7a"
# Land with no engagement on the map, its borders, and the sea behind it.
LAND = "#e9e6df"
BORDER = "#ffffff"
SEA = "#f4f8fb"
# Places on the map: white points with a dark ring, readable over land and over any shade of
# the scale, and never taken for a shaded country.
PLACE_POINT = "#ffffff"
PLACE_RING = "#1b1b1b"
# The network of who met whom: people and organisations rank nothing, so they are greys, told
# apart by darkness and shape (kind -> (legend name, plotly symbol)); the lines are lighter still.
NETWORK_COLOURS: dict[str, str] = {"official": "#262626", "counterpart": NEUTRAL, "organisation": "#9aa5b4"}
NETWORK_NODES: dict[str, tuple[str, str]] = {"official": ("SCO official", "diamond"),
                                             "counterpart": ("Counterpart", "circle"),
                                             "organisation": ("Organisation", "square")}
NETWORK_EDGE = "#c9ced6"
# Lines that part the blocks of one chart (the Secretaries-General's terms).
BORDER_LINE = "#d5d9df"
# "How many": from a light slate (one) to a dark slate (the most); clearly apart from LAND.
SEQUENTIAL: list[list[float | str]] = [[0.0, "#c3d2e2"], [0.5, "#6f88a3"], [1.0, "#1e3148"]]


def topic_colours(topic_ids: Iterable[str]) -> dict[str, str]:
    """A colour for every topic id: the fixed one, else an extra colour given out in the order
    of the ids' names, so a topic of a user's taxonomy keeps its colour whatever the filters
    leave and however the topics are ranked."""
    ids = list(dict.fromkeys(topic_ids))
    extras = sorted(topic for topic in ids if topic not in TOPIC_COLOURS)
    extra_colour = {topic: EXTRA_TOPIC_COLOURS[i % len(EXTRA_TOPIC_COLOURS)] for i, topic in enumerate(extras)}
    return {topic: TOPIC_COLOURS.get(topic) or extra_colour[topic] for topic in ids}
