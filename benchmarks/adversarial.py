"""How long files built to stall a parser take to read: 5 MB of each pattern that once made
the parse quadratic, read one by one through `load_corpus` (a worker process, the 3 s budget).

    python benchmarks/adversarial.py [--mb 5]

Prints, per file: its size, the seconds the whole load took (the worker's start included) and
the report's status and reason. Files go to a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import sco_data

LEAD = "SCO Secretary-General meets envoy\n\nOn 3 March 2021, SCO Secretary-General Zhang Ming met "
REPEATED = {
    "between.txt": "between the SCO and ",
    "names.txt": "Zhang Ming and ",
    "abbreviations.txt": "Mr. A ",
    "wrapped.txt": "the wrapped line\n",
}
NESTING_DEPTH = 20_000


def stalling_texts(size: int) -> dict[str, str]:
    """File name -> text of about `size` characters, one per stalling pattern."""
    texts = {name: (LEAD + unit * (size // len(unit)))[:size] for name, unit in REPEATED.items()}
    paragraphs = "<p>SCO text.</p>" * ((size - 200) // 16)
    texts["paragraphs.html"] = f"<html><body><article><p>{LEAD}Li Wei.</p>{paragraphs}</article></body></html>"
    nested = "<div>SCO " * NESTING_DEPTH + "</div>" * NESTING_DEPTH
    texts["nested.html"] = f"<html><body><p>{LEAD}Li Wei.</p>{nested}</body></html>".ljust(size)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of each file in MB (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sco-adversarial-") as folder:
        print(f"{'file':<20}{'MB':>6}{'seconds':>10}  status    reason")
        for name, text in stalling_texts(int(args.mb * 1_000_000)).items():
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8")
            started = time.perf_counter()
            row = sco_data.load_corpus(path, use_cache=False, workers=1).report.iloc[0]
            seconds = time.perf_counter() - started
            print(f"{name:<20}{path.stat().st_size / 1e6:>6.1f}{seconds:>10.2f}  {row['status']:<9} {row['reason']}")


if __name__ == "__main__":
    main()
