"""Shortcuts that let a pattern skip text it cannot match, without changing what it matches.

Python's regex engine scans quickly only for a pattern that opens with a literal or a plain
character class. One that opens with an alternation of forms behind `\\b` or a look-behind
(how an office, the SCO side or a verb of meeting is written) has every alternative tried at
every position of the text. Two shortcuts avoid most of that work:

- `starting_with`: a look-ahead for the characters a match can begin with fails at once at
  most positions (a search runs two to three times faster);
- `CuedPattern`: a pattern that cannot match without one of a few words is not run at all on a
  text without them (a substring test costs a fraction of a search).

Both are exact only if every match does begin with one of those characters, or does hold one
of those words: tests/test_pattern_shortcuts.py holds the patterns to that on the gold releases.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator


def starting_with(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern`, compiled to be tried only where the text holds one of the characters `first`
    (written as inside a character class: "A-Zat")."""
    return re.compile(f"(?=[{first}])(?:{pattern})", flags)


class CuedPattern:
    """A compiled pattern every match of which holds one of `cues`: searched for only in a text
    that holds one."""

    __slots__ = ("cues", "pattern")

    def __init__(self, cues: tuple[str, ...], pattern: str, flags: int = 0) -> None:
        self.cues = cues
        self.pattern = re.compile(pattern, flags)

    def _cued(self, text: str) -> bool:
        return any(cue in text for cue in self.cues)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self._cued(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos) if self._cued(text) else iter(())
