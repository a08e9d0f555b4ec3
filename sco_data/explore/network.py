"""Who met whom, as a network: the SCO officials, the counterparts they met and the
organisations those counterparts represent; every node sized by its engagements.

An official and a counterpart are joined by the releases in which they met; a counterpart and
an organisation by the releases in which the counterpart spoke for it. The counterparts are
the `top` met most often (the participants table lists everyone), so the picture stays
readable and its layout cheap; an official who met none of them is left out with them. The layout is networkx's force-directed one with a fixed seed:
the same releases always give the same picture. Each node carries the link that filters the
page to it (explore.drilldown), as a chart point does.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from sco_data.explore.drilldown import link
from sco_data.explore.filtering import affiliations
from sco_data.explore.identity import person_keys, person_names
from sco_data.schema import AFFILIATION_ORGANISATION, ROLE_COUNTERPART, ROLE_SCO

OFFICIAL = "official"
COUNTERPART = "counterpart"
ORGANISATION = "organisation"
# Counterparts shown: those met most often.
TOP_COUNTERPARTS = 40
LAYOUT_SEED = 22
# The layout's spring length, times 1/sqrt(nodes) (networkx's own default is 1): longer springs
# give each official's circle of counterparts room for their labels.
SPRING_LENGTH = 1.6
LAYOUT_ITERATIONS = 200
# The layout ties every official to one unseen point, so that officials who met no one in
# common stay in one picture instead of drifting to its corners.
ANCHOR = "anchor:"
NODE_COLUMNS = ["node", "name", "kind", "engagements", "link"]
EDGE_COLUMNS = ["source", "target", "releases"]


def _people(participants: pd.DataFrame, role: str) -> pd.DataFrame:
    rows = participants[(participants["role"] == role).to_numpy(dtype=bool)]
    frame = pd.DataFrame({"key": person_keys(rows).to_numpy(), "name": person_names(rows).to_numpy(),
                          "release_id": rows["release_id"].to_numpy(),
                          "organisation": affiliations(rows, AFFILIATION_ORGANISATION).to_numpy()})
    return frame[frame["key"] != ""]


def _nodes(people: pd.DataFrame, kind: str, prefix: str) -> pd.DataFrame:
    """One node per person: the name they go by most, engagements = distinct releases."""
    grouped = people.groupby("key")
    nodes = pd.DataFrame({"name": grouped["name"].agg(lambda names: names.value_counts().index[0]),
                          "engagements": grouped["release_id"].nunique()}).reset_index()
    nodes["node"] = prefix + nodes["key"]
    nodes["kind"] = kind
    return nodes


def engagement_network(participants: pd.DataFrame, top: int = TOP_COUNTERPARTS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The network of the participants (apply_filters' kept rows): nodes (node, name, kind,
    engagements, link) and edges (source, target, releases), both in a stable order."""
    officials, counterparts = _people(participants, ROLE_SCO), _people(participants, ROLE_COUNTERPART)
    official_nodes = _nodes(officials, OFFICIAL, "sco:")
    official_nodes["link"] = [link(officials=name) for name in official_nodes["name"]]
    met = _nodes(counterparts, COUNTERPART, "person:")
    met = met.sort_values(["engagements", "name"], ascending=[False, True]).head(top).copy()
    met["link"] = [link(counterpart=name) for name in met["name"]]
    counterparts = counterparts[counterparts["key"].isin(met["key"])]
    pairs = officials[["key", "release_id"]].merge(counterparts[["key", "release_id"]], on="release_id",
                                                   suffixes=("_sco", "_met"))
    talks = pairs.groupby(["key_sco", "key_met"])["release_id"].nunique().reset_index(name="releases")
    spoke = counterparts[counterparts["organisation"] != ""]
    orgs = spoke.groupby("organisation")["release_id"].nunique().reset_index(name="engagements")
    org_nodes = pd.DataFrame({"node": "org:" + orgs["organisation"], "name": orgs["organisation"],
                              "kind": ORGANISATION, "engagements": orgs["engagements"],
                              "link": [link(organisations=name) for name in orgs["organisation"]]})
    members = spoke.groupby(["key", "organisation"])["release_id"].nunique().reset_index(name="releases")
    nodes = pd.concat([frame[NODE_COLUMNS] for frame in (official_nodes, met, org_nodes) if len(frame)],
                      ignore_index=True) if len(official_nodes) + len(met) else pd.DataFrame(columns=NODE_COLUMNS)
    edges = pd.DataFrame({
        "source": ["sco:" + key for key in talks["key_sco"]] + ["person:" + key for key in members["key"]],
        "target": ["person:" + key for key in talks["key_met"]] + ["org:" + name for name in members["organisation"]],
        "releases": [*talks["releases"], *members["releases"]],
    }, columns=EDGE_COLUMNS)
    nodes = nodes[nodes["node"].isin(set(edges["source"]) | set(edges["target"]))].copy()
    nodes["engagements"] = nodes["engagements"].astype("int64")
    return nodes.sort_values(["kind", "node"], kind="stable").reset_index(drop=True), \
        edges.sort_values(["source", "target"]).reset_index(drop=True)


def network_layout(nodes: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """The nodes with x and y: a force-directed layout (more shared releases, closer), the same
    for the same network."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes["node"])
    graph.add_weighted_edges_from(zip(edges["source"], edges["target"], edges["releases"]))
    graph.add_edges_from((ANCHOR, node) for node in nodes.loc[nodes["kind"] == OFFICIAL, "node"])
    if not len(nodes):
        return nodes.assign(x=pd.Series(dtype=float), y=pd.Series(dtype=float))
    positions = nx.spring_layout(graph, seed=LAYOUT_SEED, weight="weight", k=SPRING_LENGTH / len(graph) ** 0.5,
                                 iterations=LAYOUT_ITERATIONS)
    return nodes.assign(x=[float(positions[n][0]) for n in nodes["node"]],
                        y=[float(positions[n][1]) for n in nodes["node"]])
