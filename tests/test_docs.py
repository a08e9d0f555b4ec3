"""The README cannot drift from the code: every command, option and the two set-up commands."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from sco_data.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(action for action in build_parser()._actions if isinstance(action, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_cli_command_and_option_is_in_the_readme() -> None:
    missing = []
    for name, parser in subcommands().items():
        if f"sco-data {name}" not in README:
            missing.append(f"sco-data {name}")
        for action in parser._actions:
            long_options = [option for option in action.option_strings if option.startswith("--")]
            if long_options and long_options[0] != "--help" and long_options[0] not in README:
                missing.append(f"{name} {long_options[0]}")
    assert not missing


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"^python3 -m venv .*$", README, flags=re.MULTILINE)
    assert len(commands) == 2
    test_command = next(command for command in commands if "pytest" in command)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "streamlit run dashboard.py" in next(command for command in commands if "pytest" not in command)
