"""sco_data.explore.network and its figure: who met whom on the gold folder, sized by
engagements, laid out the same way every time, every node a link that filters the page."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import sco_data
from sco_data.explore import charts, filtering, network, palette
from sco_data.explore.filtering import Filters
from sco_data.explore.prepared import prepare_corpus

GOLD = Path(__file__).resolve().parent / "gold" / "releases"


@pytest.fixture(scope="module")
def gold():
    return prepare_corpus(sco_data.load_corpus(GOLD, use_cache=False))


def test_officials_counterparts_and_organisations_joined_by_their_releases(gold):
    nodes, edges = network.engagement_network(gold.participants, top=40)
    kinds = nodes["kind"].value_counts().to_dict()
    assert kinds["counterpart"] == 40
    assert set(nodes.loc[nodes["kind"] == "official", "name"]) >= {
        "Rashid Alimov", "Vladimir Norov", "Zhang Ming", "Nurlan Yermekbayev"}
    assert "United Nations" in set(nodes.loc[nodes["kind"] == "organisation", "name"])
    norov = nodes[nodes["node"] == "sco:vladimir norov"].iloc[0]
    sco = gold.participants[gold.participants["role"] == "sco"]
    theirs = sco[sco["_key"] == "vladimir norov"]["release_id"].nunique()
    assert norov["engagements"] == theirs and norov["link"] == "official=Vladimir+Norov"
    # Every edge joins two nodes of the network; an official meets counterparts, a counterpart
    # speaks for an organisation.
    assert set(edges["source"]) | set(edges["target"]) <= set(nodes["node"])
    assert set(edges["source"].str.split(":").str[0]) == {"sco", "person"}
    assert (edges["releases"] >= 1).all()
    counterpart = nodes[nodes["kind"] == "counterpart"].iloc[0]
    assert counterpart["link"].startswith("counterpart=")


def test_the_layout_is_the_same_every_time(gold):
    nodes, edges = network.engagement_network(gold.participants, top=15)
    first, second = network.network_layout(nodes, edges), network.network_layout(nodes, edges)
    pd.testing.assert_frame_equal(first, second)
    assert first[["x", "y"]].notna().all().all()


def test_the_figure_sizes_nodes_by_engagements_and_shows_names_as_text(gold):
    nodes, edges = network.engagement_network(gold.participants, top=15)
    fig = charts.network_figure(network.network_layout(nodes, edges), edges)
    lines, *kinds = fig.data
    assert lines.mode == "lines" and lines.hoverinfo == "skip"
    assert [trace.name for trace in kinds] == ["SCO official", "Counterpart", "Organisation"]
    officials = kinds[0]
    assert officials.marker.symbol == "diamond" and officials.marker.color == palette.NETWORK_COLOURS["official"]
    sizes = dict(zip([row[1] for row in officials.customdata], officials.marker.size))
    counts = dict(zip([row[1] for row in officials.customdata], [row[2] for row in officials.customdata]))
    busiest = max(counts, key=counts.get)
    assert sizes[busiest] == max(sizes.values())
    assert all(row[0].startswith("official=") for row in officials.customdata)


def test_names_are_plain_text_in_labels_and_hovers():
    participants = pd.DataFrame({
        "release_id": ["r1", "r1"], "event_date": pd.to_datetime(["2021-01-01"] * 2),
        "name": ["Zhang Ming", "<b>Evil</b> <a href='x'>Name</a>"], "title": ["Secretary-General", "Envoy"],
        "organisation": [None, None], "country": ["SCO", "Iran"], "affiliation_type": ["organisation", "state"],
        "role": ["sco", "counterpart"]})
    nodes, edges = network.engagement_network(participants)
    fig = charts.network_figure(network.network_layout(nodes, edges), edges)
    texts = [t for trace in fig.data[1:] for t in trace.text] + [
        row[1] for trace in fig.data[1:] for row in trace.customdata]
    assert "&lt;b&gt;Evil&lt;/b&gt; &lt;a href='x'&gt;Name&lt;/a&gt;" in texts
    assert not any("<b>" in text or "<a" in text for text in texts)


def test_a_filter_narrows_the_network(gold):
    kept, people = filtering.apply_filters((gold.releases, gold.participants), Filters(countries=("Uzbekistan",)))
    nodes, _ = network.engagement_network(people)
    assert len(nodes[nodes["kind"] == "counterpart"]) == 7  # the seven Uzbek counterparts
    assert charts.network_figure(nodes.iloc[:0], pd.DataFrame(columns=network.EDGE_COLUMNS)).layout.annotations
