"""The sco-data command, called with argv lists and once as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from sco_data.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "data" / "releases"


def test_ingest_writes_csv_tables_and_prints_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.csv"
    assert main(["ingest", str(SEEDS), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.splitlines()[0] == "3 files: 3 ok, 0 warning, 0 rejected, 0 skipped"
    releases = pd.read_csv(out, encoding="utf-8-sig")
    assert releases["event_date"].tolist() == ["2019-05-26", "2020-04-29", "2021-05-09"]
    assert releases["engagement_type"].tolist() == ["meeting", "phone_call", "meeting"]
    participants = pd.read_csv(tmp_path / "out.participants.csv", encoding="utf-8-sig")
    assert participants["name"].tolist() == ["Vladimir Norov", "Shen Yueyue", "Vladimir Norov", "Le Yucheng",
                                             "Vladimir Norov", "He Jinping"]


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl"])
def test_ingest_format_follows_the_extension(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"releases{suffix}"
    assert main(["ingest", str(SEEDS), "-o", str(out), "--report", str(tmp_path / f"report{suffix}")]) == 0
    if suffix == ".parquet":
        releases = pd.read_parquet(out)
        report = pd.read_parquet(tmp_path / "report.parquet")
    else:
        releases = pd.read_json(out, lines=True)
        report = pd.read_json(tmp_path / "report.jsonl", lines=True)
    assert releases["counterparts"].tolist() == ["Shen Yueyue", "Le Yucheng", "He Jinping"]
    assert report["status"].tolist() == ["ok", "ok", "ok"]


def test_ingest_refuses_an_unknown_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(SEEDS), "-o", str(tmp_path / "out.xlsx")]) == 2
    assert "unknown output format '.xlsx'" in capsys.readouterr().err


def test_stats_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(SEEDS)]) == 0
    printed = capsys.readouterr().out
    assert "3 releases" in printed
    assert "  Phone call       1" in printed
    assert "  Vladimir Norov       3" in printed
    assert "  2019       1" in printed


def test_help_describes_each_command(capsys: pytest.CaptureFixture[str]) -> None:
    for command, phrase in [("ingest", "The format follows OUT's extension"),
                            ("stats", "by year, engagement type, topic and SCO official"),
                            ("evaluate", "counterpart precision/recall/F1")]:
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert phrase in " ".join(capsys.readouterr().out.split())


def test_ingest_as_a_real_process(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = subprocess.run([sys.executable, "-m", "sco_data.cli", "ingest", str(SEEDS), "-o", str(out)],
                            capture_output=True, text=True, timeout=120,
                            env={"SCO_DATA_CACHE_DIR": str(tmp_path / "cache"), "PATH": ""})
    assert result.returncode == 0, result.stderr
    assert "3 files: 3 ok" in result.stdout
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["location_city"] for row in rows] == ["Fangchenggang", None, "Zhengzhou"]
    assert [row["event_date"] for row in rows] == ["2019-05-26", "2020-04-29", "2021-05-09"]


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """`sco-data evaluate ... | head -3`: the pipe closes while the report is still printed."""
    gold = Path(__file__).resolve().parent / "gold" / "gold.jsonl"
    command = subprocess.Popen([sys.executable, "-m", "sco_data.cli", "evaluate", str(gold)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={"SCO_DATA_CACHE_DIR": str(tmp_path / "cache"), "PATH": ""})
    command.stdout.close()  # before the report is written, as `head` does once it has its lines
    assert command.wait(timeout=120) == 0
    assert command.stderr.read() == b""


@pytest.mark.parametrize("where", ["missing", "empty"])
def test_ingest_of_nothing_fails_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     where: str) -> None:
    source = tmp_path / "no" / "such" / "dir" if where == "missing" else tmp_path / "empty"
    if where == "empty":
        source.mkdir()
    out = tmp_path / "out.csv"
    assert main(["ingest", str(source), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert "no release was read" in captured.err
    assert not out.exists() and not (tmp_path / "out.participants.csv").exists()
    if where == "missing":
        assert "rejected" in captured.out and "path does not exist" in captured.out


def test_allow_empty_writes_header_only_tables(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert main(["ingest", str(tmp_path / "missing"), "-o", str(out), "--allow-empty"]) == 0
    assert pd.read_csv(out, encoding="utf-8-sig").empty
    assert main(["stats", str(tmp_path / "missing")]) == 1
    assert main(["stats", str(tmp_path / "missing"), "--allow-empty"]) == 0


def test_help_lists_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    assert "1 no release was read" in " ".join(capsys.readouterr().out.split())


def test_cache_clear_removes_the_database_and_nothing_else_in_its_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("kept", encoding="utf-8")
    assert main(["ingest", str(SEEDS), "--cache-dir", str(folder), "-o", str(tmp_path / "out.csv")]) == 0
    assert (folder / "sco-data-cache.sqlite3").is_file()
    capsys.readouterr()
    assert main(["cache", "clear", "--cache-dir", str(folder)]) == 0
    assert capsys.readouterr().out == f"removed 3 cached files from {folder}\n"
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    assert main(["cache", "clear", "--cache-dir", str(tmp_path / "none")]) == 0
    assert not (tmp_path / "none").exists()
