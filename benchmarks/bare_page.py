"""The yardstick for the dashboard's page time: a Streamlit page with one plotly chart and
nothing else, served by benchmarks/run.py exactly as the dashboard is."""

import pandas as pd
import plotly.express as px
import streamlit as st

st.title("One chart")
frame = pd.DataFrame({"quarter": [f"Q{q} {y}" for y in range(2016, 2027) for q in range(1, 5)],
                      "engagements": [(7 * i) % 23 + 5 for i in range(44)]})
st.plotly_chart(px.bar(frame, x="quarter", y="engagements"))
