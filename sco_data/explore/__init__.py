"""Corpus -> what the page shows: filters, their URL form, aggregations, people, charts,
evidence and CSV export. Pure functions over DataFrames; no Streamlit."""
