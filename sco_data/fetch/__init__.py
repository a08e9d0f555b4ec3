"""The web -> a folder of saved release pages and its manifest (`sco-data fetch`).

Finding pages (the archive's index: archive.py; the live site: site.py; lists and the date
window: discover.py), asking politely (client.py), saving whole (pages.py, manifest.py), the
run (run.py) and the command's face (command.py); hosts and address shapes are data
(sources.toml, read by sources.py). Imports only schema.
"""

from sco_data.fetch.run import FetchOptions, FetchResult, fetch_folder, last_fetch

__all__ = ["FetchOptions", "FetchResult", "fetch_folder", "last_fetch"]
