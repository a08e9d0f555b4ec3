"""The dashboard's views, drawn by dashboard.py: one module per view (and the overview's
sections), plus the widgets they share. Streamlit lives here and in dashboard.py, never in
sco_data; every number, table and figure comes from sco_data.explore, and every text read from
a release reaches the page escaped (explore.markup) or as plain chart text (explore.charts.plain).
"""
