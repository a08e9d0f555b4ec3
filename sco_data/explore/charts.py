"""Plotly figure builders: a frame from explore.aggregations or explore.people in, a Figure out.

Builders only draw: the frames they take are already counted, with every period present and
labelled (explore.periods), so no builder buckets, fills or relabels. Colours come from
explore.palette, so a type or a topic has one colour in every chart. Every builder gives its
figure a title, axis titles and hover text, and returns a figure that says "nothing to show" in
words when its frame is empty, so the page never shows a blank box. Text read from releases
(names, titles, places) goes through `plain`, so it is never drawn as markup. Points that a click can
drill into carry their link (explore.drilldown) as the first item of their customdata.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from sco_data.explore import palette
from sco_data.explore.drilldown import link, period_links
from sco_data.explore.markup import visible
from sco_data.explore.periods import PERIOD_LABELS
from sco_data.schema import ENGAGEMENT_LABELS, ENGAGEMENT_TYPES

EMPTY_MESSAGE = "No releases match the current filters."
# An empty figure's message is cut into lines of at most this many characters.
MESSAGE_LINE_CHARS = 48
NO_TOPIC_MESSAGE = "No topic is discussed in the releases that match."

# Up to this many engagements an axis ticks every whole number (no "0.5 engagements").
SMALL_COUNT = 6
# Pixels per row of a horizontal bar chart or heatmap, and the room for title and axis.
ROW_HEIGHT = 28
FRAME_HEIGHT = 90
MIN_HEIGHT = 260
# The heatmap's cells are clicked through invisible points at their centres (plotly selects
# points, not heatmap cells); this is their size in pixels.
CELL_TARGET_SIZE = 18
# The network's nodes: diameters in pixels from the smallest to the busiest, and how many of
# each kind carry their name as a label (every node has it on hover).
NETWORK_MIN_NODE = 8
NETWORK_NODE_SCALE = 34
NETWORK_LABELS = 10
# Between two officials' blocks of months, a gap of this share of the longest term (at least 2).
TERM_GAP_SHARE = 6


def plain(text: object) -> str:
    """Text for a plotly label or hover: plotly reads <b>, <a href> and friends in any text it
    draws, so a release's own "<" and "&" are written as entities and show as typed; and it is
    `visible` (no bidirectional control reorders it)."""
    return visible(str(text)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def count_ticks(largest: float) -> dict:
    """Axis settings for counts: whole-number ticks while the counts are small."""
    return {"dtick": 1} if largest <= SMALL_COUNT else {}


def layout(fig: go.Figure, title: str, xaxis: dict | None = None, yaxis: dict | None = None,
           **extra) -> go.Figure:
    """The settings every figure shares: title at the left, labels never cut off (axes grow
    their margins to fit them); `xaxis` and `yaxis` add to the first axes' settings. One
    update of the layout: each separate one costs plotly a validation pass."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        hoverlabel={"namelength": -1},
        xaxis={"automargin": True, **(xaxis or {})},
        yaxis={"automargin": True, **(yaxis or {})},
        **extra,
    )
    return fig


def empty_figure(title: str, message: str = EMPTY_MESSAGE) -> go.Figure:
    """A figure with no data and the message written in its middle, in lines short enough
    for a narrow screen."""
    fig = go.Figure()
    fig.add_annotation(text="<br>".join(textwrap.wrap(message, MESSAGE_LINE_CHARS)), x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                       font={"size": 15})
    return layout(fig, title, xaxis={"visible": False}, yaxis={"visible": False}, height=MIN_HEIGHT)


def engagements_over_time_figure(counts: pd.DataFrame, period: str = "month") -> go.Figure:
    """Stacked bars of engagements per period, one colour per engagement type.

    `counts` is aggregations.engagements_over_time(): one row per period and type. A bar
    drills into its period and type.
    """
    title = f"Engagements per {period}, by type"
    if counts.empty:
        return empty_figure(title)
    fig = go.Figure()
    starts = counts.drop_duplicates("period")["period"]
    dates = dict(zip(starts, period_links(starts, period)))  # one link per period
    for engagement in ENGAGEMENT_TYPES:
        rows = counts[counts["engagement_type"] == engagement]
        if rows.empty:
            continue
        name = rows["label"].iloc[0]
        kind = link(engagement_types=engagement)
        fig.add_trace(go.Bar(
            x=rows["period_label"].tolist(), y=rows["count"].tolist(), name=name,
            customdata=[[f"{kind}&{dates[start]}"] for start in rows["period"]],
            marker_color=palette.ENGAGEMENT_COLOURS[engagement],
            hovertemplate=f"<b>%{{x}}</b><br>{name}: %{{y}}<extra></extra>",
        ))
    totals = counts.groupby("period_label", sort=False)["count"].sum()
    return layout(fig, title, xaxis={"title": {"text": PERIOD_LABELS[period]}, "type": "category"},
                  yaxis={"title": {"text": "Engagements"}, "rangemode": "tozero", **count_ticks(totals.max())},
                  barmode="stack", legend_title_text="",
                  legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 1,
                          "xanchor": "right", "traceorder": "normal"})


def topic_frequencies_figure(frequencies: pd.DataFrame) -> go.Figure:
    """Horizontal bars, one per topic in its own colour: releases with the topic; total
    mentions on hover. A bar drills into its topic."""
    title = "Topics: releases that discuss each"
    shown = frequencies[frequencies["releases"] > 0] if not frequencies.empty else frequencies
    if shown.empty:
        return empty_figure(title, NO_TOPIC_MESSAGE)
    colours = palette.topic_colours(frequencies["topic"])
    customdata = [[link(topics=topic), mentions]
                  for topic, mentions in zip(shown["topic"], shown["mentions"])]
    return ranked_bars(
        title, shown["releases"], shown["label"], customdata,
        [colours[topic] for topic in shown["topic"]],
        "<b>%{y}</b><br>Releases: %{x}<br>Mentions: %{customdata[1]}<extra></extra>",
        "Releases", "Topic",
    )


def topics_over_time_figure(topics_over_time: pd.DataFrame, period: str = "year",
                            order: Sequence[str] | None = None) -> go.Figure:
    """Heatmap: topics (rows, in `order` of topic ids, e.g. the topic bar chart's) by period
    (columns), shaded by releases with the topic; topics never discussed are left out.

    `topics_over_time` is aggregations.topics_over_time(). A cell drills into its topic and
    period, through an invisible point at its centre (an empty cell has none).
    """
    title = f"Topics per {period}"
    if topics_over_time.empty or int(topics_over_time["releases"].sum()) == 0:
        return empty_figure(title, NO_TOPIC_MESSAGE)
    totals = topics_over_time.groupby("topic", sort=False)["releases"].transform("sum")
    shown = topics_over_time[totals > 0]
    topics = list(dict.fromkeys(shown["topic"]))
    if order is not None:
        order = list(order)
        topics = [t for t in order if t in topics] + [t for t in topics if t not in order]
    periods = shown.drop_duplicates("period")
    labels = shown.drop_duplicates("topic").set_index("topic")["label"]
    wide = shown.pivot(index="topic", columns="period", values="releases").reindex(
        index=topics, columns=periods["period"]
    )
    x = periods["period_label"].tolist()
    y = [plain(labels[t]) for t in topics]  # a taxonomy's labels are a user's text
    hover = "<b>%{y}</b>, %{x}<br>Releases: %{customdata[1]}<extra></extra>"
    fig = go.Figure(go.Heatmap(
        z=wide.to_numpy().tolist(), x=x, y=y, colorscale=palette.SEQUENTIAL, hoverinfo="skip",
        colorbar={"title": {"text": "Releases"}, **count_ticks(int(wide.to_numpy().max()))},
        xgap=1, ygap=1,
    ))
    dates = period_links(periods["period"], period)  # one link per period; the topic goes first
    counts = wide.to_numpy().astype(int).tolist()
    cells = [(r, c) for r in range(len(topics)) for c in range(len(x)) if counts[r][c]]
    fig.add_trace(go.Scatter(
        x=[x[c] for _, c in cells], y=[y[r] for r, _ in cells], mode="markers",
        marker={"size": CELL_TARGET_SIZE, "color": "rgba(0,0,0,0)"}, showlegend=False,
        customdata=[[f"{link(topics=topics[r])}&{dates[c]}", counts[r][c]] for r, c in cells],
        hovertemplate=hover,
    ))
    return layout(fig, title, xaxis={"title": {"text": PERIOD_LABELS[period]}, "type": "category"},
                  yaxis={"title": {"text": "Topic"}, "autorange": "reversed", "type": "category"},
                  height=max(MIN_HEIGHT, FRAME_HEIGHT + 2 + ROW_HEIGHT * len(topics)))


def top_counterparts_figure(counterparts: pd.DataFrame) -> go.Figure:
    """Horizontal bars in the neutral colour: the counterparts met most often, with title and
    affiliation on hover. A bar drills into the counterpart's name."""
    title = "Counterparts met most often"
    if counterparts.empty:
        return empty_figure(title)
    customdata = [[link(counterpart=name), plain(title or "title unknown"), plain(affiliation or "unknown")]
                  for name, title, affiliation in zip(counterparts["name"], counterparts["title"],
                                                      counterparts["affiliation"])]
    return ranked_bars(
        title, counterparts["engagements"], counterparts["name"], customdata, palette.NEUTRAL,
        "<b>%{y}</b><br>%{customdata[1]}<br>%{customdata[2]}<br>Engagements: %{x}<extra></extra>",
        "Engagements", "Counterpart",
    )


# What a ranked list of affiliations is called, by the filter a bar drills into.
AFFILIATION_CHARTS: dict[str, tuple[str, str, str]] = {
    "countries": ("Countries whose representatives were met", "Country",
                  "No counterpart from a country is known for the releases that match."),
    "organisations": ("Organisations whose representatives were met", "Organisation",
                      "No counterpart from an international organisation in the releases that match."),
}


def affiliations_figure(table: pd.DataFrame, kind: str) -> go.Figure:
    """Horizontal bars in the neutral colour: countries or organisations (`kind`, the filter a
    bar drills into) by engagements, people met on hover."""
    title, axis, message = AFFILIATION_CHARTS[kind]
    if table.empty:
        return empty_figure(title, message)
    customdata = [[link(**{kind: name}), plain(people)]
                  for name, people in zip(table["affiliation"], table["people"])]
    return ranked_bars(
        title, table["engagements"], table["affiliation"], customdata, palette.NEUTRAL,
        "<b>%{y}</b><br>Engagements: %{x}<br>People met: %{customdata[1]}<extra></extra>",
        "Engagements", axis,
    )


def ranked_bars(title: str, values: pd.Series, labels: pd.Series, customdata,
                colour: str | list[str], hovertemplate: str, value_title: str,
                label_title: str) -> go.Figure:
    """Horizontal bars, largest first, one row per label: the shape of every ranked chart."""
    fig = go.Figure(go.Bar(
        x=values.tolist(), y=[plain(label) for label in labels], orientation="h", customdata=customdata,
        marker_color=colour, hovertemplate=hovertemplate,
    ))
    return layout(fig, title,
                  xaxis={"title": {"text": value_title}, "rangemode": "tozero", **count_ticks(values.max())},
                  yaxis={"title": {"text": label_title}, "autorange": "reversed", "type": "category"},
                  height=max(MIN_HEIGHT, FRAME_HEIGHT - 30 + ROW_HEIGHT * len(values)))


def type_counts_figure(counts: pd.DataFrame) -> go.Figure:
    """Horizontal bars, one per engagement type in its colour (profiles.type_counts()); a bar
    drills into its type."""
    title = "Engagements by type"
    if counts.empty:
        return empty_figure(title)
    return ranked_bars(
        title, counts["count"], counts["label"],
        [[link(engagement_types=kind)] for kind in counts["engagement_type"]],
        [palette.ENGAGEMENT_COLOURS[kind] for kind in counts["engagement_type"]],
        "<b>%{y}</b><br>Engagements: %{x}<extra></extra>", "Engagements", "Type",
    )


def months_of_term_figure(months: pd.DataFrame) -> go.Figure:
    """The Secretaries-General side by side: engagements per month of term stacked by type
    (profiles.months_of_term()), one block per official along one x axis, each block as wide
    as the longest term shown, so a month of term sits at the same place in every block and one
    y scale serves all. One axis and one trace per type draw faster than a panel per official."""
    title = "Engagements per month of term, by type"
    if months.empty or int(months["count"].sum()) == 0:
        return empty_figure(title, "No release of a Secretary-General within their term matches.")
    officials = list(dict.fromkeys(months["official"]))
    span = int(months["month"].max())
    width = span + max(2, span // TERM_GAP_SHARE)
    start = {official: i * width for i, official in enumerate(officials)}
    fig = go.Figure()
    for kind in ENGAGEMENT_TYPES:
        rows = months[months["engagement_type"] == kind]
        if rows.empty:
            continue
        fig.add_trace(go.Bar(
            x=[start[official] + month for official, month in zip(rows["official"], rows["month"])],
            y=rows["count"].tolist(), name=ENGAGEMENT_LABELS[kind], marker_color=palette.ENGAGEMENT_COLOURS[kind],
            customdata=[[plain(official), int(month)] for official, month in zip(rows["official"], rows["month"])],
            hovertemplate=f"%{{customdata[0]}}, month %{{customdata[1]}}<br>{ENGAGEMENT_LABELS[kind]}: %{{y}}<extra></extra>",
        ))
    ticks = [m for m in range(1, span + 1) if m == 1 or m % 12 == 0]
    for official in officials:
        fig.add_annotation(text=plain(official), x=start[official] + (span + 1) / 2, y=1.0,
                           xref="x", yref="paper", yanchor="bottom", showarrow=False)
        if start[official]:  # a thin line between two blocks
            fig.add_vline(x=start[official] - (width - span - 1) / 2, line={"width": 1, "color": palette.BORDER_LINE})
    totals = months.groupby(["official", "month"])["count"].sum()
    return layout(fig, title, barmode="stack", bargap=0.15, height=400, legend_title_text="",
                  legend={"orientation": "h", "y": -0.25, "yanchor": "top", "x": 0, "xanchor": "left",
                          "traceorder": "normal"},
                  xaxis={"title": {"text": "Month of term"}, "range": [0.5, start[officials[-1]] + span + 0.5],
                         "tickvals": [start[o] + m for o in officials for m in ticks],
                         "ticktext": [str(m) for _ in officials for m in ticks]},
                  yaxis={"title": {"text": "Engagements"}, "rangemode": "tozero", **count_ticks(totals.max())})


def types_side_by_side_figure(types: pd.DataFrame, spans: Sequence[tuple[str, str]]) -> go.Figure:
    """Two periods' engagements per type (comparison.types_side_by_side), a pair of bars per
    type in the type's colour, the first period hatched; `spans` holds each period's label and
    the link of its days, so a bar drills into its type and period."""
    title = "Engagements by type in each period"
    if types.empty or int(types["count"].sum()) == 0:
        return empty_figure(title, "No release in either period matches the filters.")
    fig = go.Figure()
    for (label, days), pattern in zip(spans, ("/", "")):
        rows = types[types["period"] == label]
        fig.add_trace(go.Bar(
            x=rows["label"].tolist(), y=rows["count"].tolist(), name=plain(label),
            marker={"color": [palette.ENGAGEMENT_COLOURS[kind] for kind in rows["engagement_type"]],
                    "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "#ffffff"}},
            customdata=[[f"{link(engagement_types=kind)}&{days}"] for kind in rows["engagement_type"]],
            hovertemplate=f"{plain(label)}<br>%{{x}}: %{{y}}<extra></extra>",
        ))
    return layout(fig, title, xaxis={"title": {"text": "Type"}},
                  yaxis={"title": {"text": "Engagements"}, "rangemode": "tozero",
                         **count_ticks(types["count"].max())},
                  barmode="group", height=380, legend={"orientation": "h", "y": 1.12, "x": 0})


def network_figure(nodes: pd.DataFrame, edges: pd.DataFrame) -> go.Figure:
    """Who met whom (explore.network, laid out): lines for shared releases, a marker per
    official, counterpart and organisation (one shape each, grey like every ranking of people),
    sized by engagements; names as labels and on hover, as plain text. A node drills into the
    filter its link names."""
    title = "Who met whom"
    if nodes.empty:
        return empty_figure(title, "No one was met in the releases that match.")
    where = dict(zip(nodes["node"], zip(nodes["x"], nodes["y"])))
    x: list[float | None] = []
    y: list[float | None] = []
    for source, target in zip(edges["source"], edges["target"]):
        x += [where[source][0], where[target][0], None]
        y += [where[source][1], where[target][1], None]
    fig = go.Figure(go.Scatter(x=x, y=y, mode="lines", line={"width": 0.6, "color": palette.NETWORK_EDGE},
                               hoverinfo="skip", showlegend=False))
    largest = max(int(nodes["engagements"].max()), 1)
    for kind, (label, symbol) in palette.NETWORK_NODES.items():
        rows = nodes[nodes["kind"] == kind]
        if rows.empty:
            continue
        labelled = rows["engagements"] >= rows["engagements"].nlargest(NETWORK_LABELS).min()
        fig.add_trace(go.Scatter(
            x=rows["x"].tolist(), y=rows["y"].tolist(), mode="markers+text", name=label,
            text=[plain(name) if shown else "" for name, shown in zip(rows["name"], labelled)],
            textposition="top center", textfont={"size": 11},
            marker={"size": [NETWORK_MIN_NODE + NETWORK_NODE_SCALE * (count / largest) ** 0.5
                             for count in rows["engagements"]],
                    "color": palette.NETWORK_COLOURS[kind], "symbol": symbol,
                    "line": {"width": 1, "color": "#ffffff"}},
            customdata=[[row_link, plain(name), count] for row_link, name, count
                        in zip(rows["link"], rows["name"], rows["engagements"])],
            hovertemplate=f"<b>%{{customdata[1]}}</b><br>{label}<br>Engagements: %{{customdata[2]}}<extra></extra>",
        ))
    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    return layout(fig, title, xaxis=hidden, yaxis=hidden, height=720,
                  legend={"orientation": "h", "y": 1.04, "x": 0})
