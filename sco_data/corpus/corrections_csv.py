"""The corrections file's CSV: its records read and written here, not by the csv module.

The csv module has a field limit for the whole process (131,072 characters): one long note
made every later load reject the whole file. It stops at the first malformed record, so an
unterminated quote swallowed every row after it; and its writer leaves a lone carriage return
unquoted when rows end in "\\n", so a CR in a note split its row. This reader has no field
limit, reports a record it cannot read on its own first line and goes on at the next line,
and the writer quotes every cell holding a comma, a quote, a tab or a line break.

Records are RFC 4180's: cells separated by commas, a cell in double quotes may hold commas,
line breaks and doubled quotes. A quoted cell must end its cell (text after the closing quote
is an error), and a record that runs over several lines must have as many cells as the header
has columns; otherwise the quote that opened it was most likely never closed, and only its
first line is reported, so the rows after it still apply.

Formulas: a spreadsheet opening the file runs a cell that starts with =, +, -, @, a tab or a
carriage return. `guard` writes such a cell with a single quote in front ('=1+1), and `unguard`
takes it off again when the file is read, so the value applied is the one the analyst typed.
To keep that one-to-one, a cell that already starts with quotes before such a character gets
one more quote ("'=x" is written "''=x" and read back as "'=x"); any other cell, including
one that starts with a quote before ordinary text ("'tis"), is written and read as it is.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# OWASP "CSV injection": a cell starting with one of these may be run as a formula
# (=SUM(...), +cmd|..., -2+3, @SUM(...)); tab and carriage return can hide the first character.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Prefixed to a triggering cell: the spreadsheet then reads it as text.
FORMULA_GUARD = "'"
GUARDED = re.compile(f"^{FORMULA_GUARD}*[{re.escape(''.join(FORMULA_TRIGGERS))}]")

LINE_BREAK = re.compile(r"\r\n|\n|\r")
QUOTED_CELL = re.compile(r'"([^"]*(?:""[^"]*)*)"')
PLAIN_CELL = re.compile(r"[^,\r\n]*")
# A cell holding one of these, or space at either end, is written in quotes.
NEEDS_QUOTES = re.compile(r'[,"\r\n\t]|^\s|\s$')
NEW_FILE_LINE_END = "\n"
UNCLOSED = "a quote opened and never closed"
AFTER_QUOTE = "text after a closing quote (a quote inside a quoted cell is written twice)"
RUNS_ON = "a quoted cell runs over several lines into other rows (a quote never closed?)"


class CorrectionsFileError(Exception):
    """A corrections file that cannot be read as one (not UTF-8, columns missing, unreadable)."""


@dataclass(frozen=True)
class Record:
    """One record of the file: its first line, its cells, or why it could not be read."""

    line: int
    cells: tuple[str, ...] = ()
    problem: str | None = None


class _Malformed(ValueError):
    pass


def guard(cell: str) -> str:
    """The cell as written: a quote in front where a spreadsheet would run it as a formula."""
    return FORMULA_GUARD + cell if GUARDED.match(cell) else cell


def unguard(cell: str) -> str:
    """The cell as typed: `guard`'s quote taken off."""
    return cell[len(FORMULA_GUARD):] if cell.startswith(FORMULA_GUARD) and GUARDED.match(cell) else cell


def row_text(cells: Sequence[str], line_end: str) -> str:
    """One record as written: cells guarded, quoted where needed, and the file's line ending."""
    return ",".join(_quoted(guard(cell)) for cell in cells) + line_end


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if NEEDS_QUOTES.search(cell) else cell


def line_ending(text: str) -> str:
    """The line ending the file uses (that of its first line), "\\n" for a file of one line."""
    found = LINE_BREAK.search(text)
    return found.group() if found else NEW_FILE_LINE_END


def read_file(path: Path) -> tuple[bytes, int]:
    """The file's bytes and permission bits. A symbolic link is refused (it could lead out of
    the data folder, and a save would replace the link by a copy), and so is anything but a
    regular file (a FIFO would hang the reader): CorrectionsFileError. Other failures to open
    it are the OSError."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        if path.is_symlink():
            raise CorrectionsFileError(f"{path.name} is a symbolic link; corrections are read only from "
                                       "a file itself") from None
        raise
    with open(handle, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise CorrectionsFileError(f"{path.name} is not a regular file")
        return file.read(), stat.S_IMODE(status.st_mode)


def decoded(data: bytes) -> str:
    """The file's text (a byte-order mark dropped); CorrectionsFileError if it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CorrectionsFileError(f"not UTF-8 text ({error.reason} at byte {error.start})") from None


def read_text(path: Path) -> str:
    """The text of a corrections file to read; CorrectionsFileError when there is none to read."""
    try:
        return decoded(read_file(path)[0])
    except OSError as error:
        raise CorrectionsFileError(f"cannot read file: {error.strerror}") from None


def records(text: str, columns: int | None = None) -> Iterator[Record]:
    """Every record of the text, blank lines skipped, each with its first line; the first is
    the header, whose length is `columns` for the rest when not given."""
    position, line = 0, 1
    while position < len(text):
        try:
            cells, end = _record(text, position)
            if columns is not None and len(cells) != columns and LINE_BREAK.search(text[position:end].rstrip("\r\n")):
                raise _Malformed(RUNS_ON)
        except _Malformed as error:
            yield Record(line, problem=f"not a CSV row: {error}")
            found = LINE_BREAK.search(text, position)
            position, line = (found.end(), line + 1) if found else (len(text), line)
            continue
        if cells != [""]:
            yield Record(line, tuple(unguard(cell) for cell in cells))
            columns = len(cells) if columns is None else columns
        line += len(LINE_BREAK.findall(text, position, end))
        position = end


def _record(text: str, position: int) -> tuple[list[str], int]:
    """The cells of the record starting at `position`, and where the next one starts."""
    cells = []
    while True:
        quoted = text.startswith('"', position)
        cell = (QUOTED_CELL if quoted else PLAIN_CELL).match(text, position)
        if cell is None:
            raise _Malformed(UNCLOSED)
        cells.append(cell.group(1).replace('""', '"') if quoted else cell.group())
        position = cell.end()
        if position == len(text):
            return cells, position
        if text[position] == ",":
            position += 1
            continue
        ending = LINE_BREAK.match(text, position)
        if ending is None:  # after a closing quote: the quote ended the cell too early, or never closed
            raise _Malformed(UNCLOSED if LINE_BREAK.search(cell.group()) else AFTER_QUOTE)
        return cells, ending.end()
