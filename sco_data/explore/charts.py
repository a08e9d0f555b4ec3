"""Plotly figure builders: a frame from explore.aggregations or explore.people in, a Figure out.

Builders only draw: the frames they take are already counted, with every period present and
labelled (explore.periods), so no builder buckets, fills or relabels. Every builder gives its figure a title, axis titles and hover text, and returns a figure
that says "nothing to show" in words when its frame is empty, so the page never shows a
blank box.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from sco_data.explore.periods import PERIOD_LABELS
from sco_data.schema import ENGAGEMENT_TYPES

# One colour per engagement type, in ENGAGEMENT_TYPES order; stable across filters so that
# "Phone call" keeps its colour when other types disappear.
ENGAGEMENT_COLOURS: dict[str, str] = {
    "meeting": "#1f77b4",
    "phone_call": "#ff7f0e",
    "video_call": "#2ca02c",
    "event": "#9467bd",
    "other": "#7f7f7f",
}

EMPTY_MESSAGE = "No releases match the current filters."

# Marker area grows with the count; the square root keeps one busy city from hiding the rest.
MAP_MIN_MARKER = 9
MAP_MARKER_SCALE = 7
# Degrees of margin around the plotted places so single points are not zoomed into a blur,
# and the smallest area shown (longitude, latitude), so a few nearby cities keep their context.
MAP_MARGIN_DEGREES = 12
MAP_MIN_SPAN_DEGREES = (90.0, 50.0)


def _axis_range(values: pd.Series, low: float, high: float, min_span: float) -> list[float]:
    """The shown range for one coordinate: the data plus margin, at least min_span wide."""
    start, end = values.min() - MAP_MARGIN_DEGREES, values.max() + MAP_MARGIN_DEGREES
    if end - start < min_span:
        middle = (start + end) / 2
        start, end = middle - min_span / 2, middle + min_span / 2
    return [max(low, start), min(high, end)]

# Up to this many engagements an axis ticks every whole number (no "0.5 engagements").
SMALL_COUNT = 6


def _count_ticks(largest: float) -> dict:
    """Axis settings for counts: whole-number ticks while the counts are small."""
    return {"dtick": 1} if largest <= SMALL_COUNT else {}


def _layout(fig: go.Figure, title: str, **extra) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        hoverlabel={"namelength": -1},
        **extra,
    )
    return fig


def empty_figure(title: str, message: str = EMPTY_MESSAGE) -> go.Figure:
    """A figure with no data and the message written in its middle."""
    fig = go.Figure()
    fig.add_annotation(
        text=message,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 15},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, height=260)


def is_empty_figure(fig: go.Figure) -> bool:
    """True for a figure built by empty_figure (no traces, one message)."""
    return len(fig.data) == 0


def engagements_over_time_figure(counts: pd.DataFrame, period: str = "month") -> go.Figure:
    """Stacked bars of engagements per period, one colour per engagement type.

    `counts` is aggregations.engagements_over_time(): one row per period and type.
    """
    title = f"Engagements per {period}, by type"
    if counts.empty:
        return empty_figure(title)
    fig = go.Figure()
    for engagement in ENGAGEMENT_TYPES:
        rows = counts[counts["engagement_type"] == engagement]
        if rows.empty:
            continue
        name = rows["label"].iloc[0]
        fig.add_trace(
            go.Bar(
                x=rows["period_label"].tolist(),
                y=rows["count"].tolist(),
                name=name,
                marker_color=ENGAGEMENT_COLOURS[engagement],
                hovertemplate=f"<b>%{{x}}</b><br>{name}: %{{y}}<extra></extra>",
            )
        )
    fig.update_xaxes(title_text=PERIOD_LABELS[period], type="category")
    fig.update_yaxes(title_text="Engagements", rangemode="tozero", **_count_ticks(_tallest(fig)))
    return _layout(
        fig,
        title,
        barmode="stack",
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 1, "xanchor": "right",
                "traceorder": "normal"},
        legend_title_text="",
    )


def _tallest(fig: go.Figure) -> int:
    """Height of the tallest stack of bars."""
    totals: dict[object, int] = {}
    for trace in fig.data:
        for x, y in zip(trace.x, trace.y):
            totals[x] = totals.get(x, 0) + int(y)
    return max(totals.values(), default=0)


def topic_frequencies_figure(frequencies: pd.DataFrame) -> go.Figure:
    """Horizontal bars: releases with each topic; total mentions on hover."""
    title = "Topics: releases that discuss each"
    shown = frequencies[frequencies["releases"] > 0] if not frequencies.empty else frequencies
    if shown.empty:
        return empty_figure(title, "No topic is discussed in the releases that match.")
    return _ranked_bars(
        title, shown["releases"], shown["label"], shown[["mentions"]].to_numpy(), "#1f77b4",
        "<b>%{y}</b><br>Releases: %{x}<br>Mentions: %{customdata[0]}<extra></extra>",
        "Releases", "Topic", category_axis=False,
    )


def topics_over_time_figure(topics_over_time: pd.DataFrame, period: str = "year") -> go.Figure:
    """Heatmap: topics (rows) by period (columns), coloured by releases with the topic.

    `topics_over_time` is aggregations.topics_over_time(); topics never discussed are left out.
    """
    title = f"Topics per {period}"
    if topics_over_time.empty or int(topics_over_time["releases"].sum()) == 0:
        return empty_figure(title, "No topic is discussed in the releases that match.")
    totals = topics_over_time.groupby("topic", sort=False)["releases"].transform("sum")
    shown = topics_over_time[totals > 0]
    columns = shown.drop_duplicates("period")
    wide = shown.pivot(index="label", columns="period", values="releases").reindex(
        index=shown["label"].unique(), columns=columns["period"]
    )
    labels = columns["period_label"].tolist()
    fig = go.Figure(
        go.Heatmap(
            z=wide.to_numpy().tolist(),
            x=labels,
            y=wide.index.tolist(),
            colorscale="Blues",
            colorbar={"title": {"text": "Releases"}, **_count_ticks(int(wide.to_numpy().max()))},
            hovertemplate="<b>%{y}</b>, %{x}<br>Releases: %{z}<extra></extra>",
            xgap=1,
            ygap=1,
        )
    )
    fig.update_xaxes(title_text=PERIOD_LABELS[period], type="category")
    fig.update_yaxes(title_text="Topic", autorange="reversed", type="category")
    return _layout(fig, title, height=max(260, 90 + 30 * len(wide)))


def top_counterparts_figure(counterparts: pd.DataFrame) -> go.Figure:
    """Horizontal bars: the counterparts met most often, with title and country on hover."""
    title = "Counterparts met most often"
    if counterparts.empty:
        return empty_figure(title)
    details = counterparts[["title", "country"]].astype(object).where(
        counterparts[["title", "country"]].notna(), "unknown"
    )
    return _ranked_bars(
        title, counterparts["engagements"], counterparts["name"], details.to_numpy(), "#ff7f0e",
        "<b>%{y}</b><br>%{customdata[0]}<br>Country: %{customdata[1]}<br>Engagements: %{x}<extra></extra>",
        "Engagements", "Counterpart",
    )


def top_countries_figure(countries: pd.DataFrame) -> go.Figure:
    """Horizontal bars: counterpart countries by engagements, people on hover."""
    title = "Counterpart countries"
    if countries.empty:
        return empty_figure(title, "No counterpart country is known for the releases that match.")
    return _ranked_bars(
        title, countries["engagements"], countries["country"], countries[["people"]].to_numpy(), "#2ca02c",
        "<b>%{y}</b><br>Engagements: %{x}<br>People: %{customdata[0]}<extra></extra>",
        "Engagements", "Country",
    )


def _ranked_bars(title: str, values: pd.Series, labels: pd.Series, customdata, colour: str,
                 hovertemplate: str, value_title: str, label_title: str,
                 category_axis: bool = True) -> go.Figure:
    """Horizontal bars, largest first, one row per label: the shape of every "top N" chart."""
    fig = go.Figure(
        go.Bar(
            x=values.tolist(),
            y=labels.tolist(),
            orientation="h",
            customdata=customdata,
            marker_color=colour,
            hovertemplate=hovertemplate,
        )
    )
    fig.update_xaxes(title_text=value_title, rangemode="tozero", **_count_ticks(values.max()))
    label_axis = {"type": "category"} if category_axis else {}
    fig.update_yaxes(title_text=label_title, autorange="reversed", **label_axis)
    return _layout(fig, title, height=max(260, 60 + 28 * len(values)))


def engagement_map_figure(places: pd.DataFrame, outlines: bool = True) -> go.Figure:
    """Points on a world map where engagements took place, sized by their number.

    With `outlines`, land and borders are drawn: plotly.js then loads its world outline
    (one small file, no tiles) from the plotly CDN in the viewer's browser. Without, the
    map needs nothing from the internet: a latitude/longitude grid with labelled points.
    """
    title = "Where engagements took place"
    if places.empty:
        return empty_figure(title, "No engagement with a known place matches the filters.")
    counts = places["engagements"].astype(int)
    fig = go.Figure(
        go.Scattergeo(
            lon=places["longitude"].tolist(),
            lat=places["latitude"].tolist(),
            text=places["place"].tolist(),
            customdata=counts.to_numpy().reshape(-1, 1),
            mode="markers" if outlines else "markers+text",
            textposition="top center",
            marker={
                "size": [MAP_MIN_MARKER + MAP_MARKER_SCALE * math.sqrt(c) for c in counts],
                "color": "#d62728",
                "opacity": 0.8,
                "line": {"width": 1, "color": "white"},
            },
            hovertemplate="<b>%{text}</b><br>Engagements: %{customdata[0]}<extra></extra>",
        )
    )
    fig.update_geos(
        projection_type="natural earth",
        lonaxis_range=_axis_range(places["longitude"], -180, 180, MAP_MIN_SPAN_DEGREES[0]),
        lataxis_range=_axis_range(places["latitude"], -90, 90, MAP_MIN_SPAN_DEGREES[1]),
    )
    if outlines:
        fig.update_geos(
            showcountries=True,
            countrycolor="#bbbbbb",
            showland=True,
            landcolor="#f2efe9",
            showocean=True,
            oceancolor="#e6f0f7",
        )
    else:
        # Every base layer off: plotly.js then fetches no outline file at all.
        fig.update_geos(
            showland=False,
            showocean=False,
            showcoastlines=False,
            showcountries=False,
            showlakes=False,
            showrivers=False,
            showsubunits=False,
            showframe=True,
            bgcolor="#eef4f9",
            lataxis_showgrid=True,
            lonaxis_showgrid=True,
            lataxis_dtick=10,
            lonaxis_dtick=10,
            lataxis_gridcolor="#d0dbe5",
            lonaxis_gridcolor="#d0dbe5",
        )
    return _layout(fig, title, height=420)
