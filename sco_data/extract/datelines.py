"""Page furniture that carries a date: publication stamps and news datelines.

A saved page or an agency's report says when it was published: a stamp line near the headline
("17:56, 28 April 2025", "Updated: February 20, 2025 13:49", "2021-05-27 15:03:01 admin"), a
stamp the page's store wrote before the text ("date 2023-05-04"), or a dateline opening the lead
("BEIJING, Nov 18 (Xinhua) --", "SOCHI, May 20. /TASS/.", "Benaulim (Goa) [India], May 4
(ANI):", "Tashkent, 13 May 2025 -"). Their dates say when the text was published, never when
the engagement took place; a dateline's city says where the report was filed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as date_parser

from sco_data.extract.countries import country_named
from sco_data.extract.gazetteer import find_city

MONTH_WORD = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
              r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
# A date in figures, day first where it is ambiguous: "28.10.2020", "02/03/2026".
NUMERIC_DATE = r"\d{1,2}[./]\d{1,2}[./]\d{4}"
# A date with its year, as stamps write it, in any case: "2021-05-27", "28.10.2020", "02/03/2026",
# "28 April 2025", "3 february 2026", "February 20, 2025", "23rd Mar, 2024", "09-Apr-2025",
# "14 September 2016" (glued to a time: "201615:44").
STAMP_DATE = re.compile(
    rf"(?i:\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b{NUMERIC_DATE}\b|\b\d{{1,2}}-{MONTH_WORD}-\d{{4}}\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_WORD},?\s+\d{{4}}|\b{MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?|UTC|GMT|\(?[A-Z]{2,4}\)?))?")
# Words that label a line's date as the page's own, wherever the line stands: "Published:
# 05.07.2023", "Last update: 19.01.2024", "Date: 19.01.2024".
PUBLICATION_LABELS = ("date", "dated", "published", "posted", "updated", "update", "modified")
# What else a stamp line may hold: those labels, a language code, a source, separators.
STAMP_WORDS = frozenset("""
source sources share print printed admin by on at en ru zh last
press release news distributed public time views view author editor photo | - — – : / · •
""".split()) | frozenset(PUBLICATION_LABELS)
STAMP_MAX_CHARS = 120
STAMP_MAX_OTHER_WORDS = 2
# A stamp the page's store put before the text, on the text's own first line: "date 2023-05-04".
STAMP_PREFIX = re.compile(rf"^\s*(?i:{'|'.join(PUBLICATION_LABELS)})\s*:?\s*(?P<date>\d{{4}}-\d{{2}}-\d{{2}})"
                          rf"(?:[T\s]+{TIME.pattern})?(?:\s+(?:EN|RU|ZH)\b)?\s*")
# A dateline: a city (in capitals, or followed by a date), a region in brackets, a weekday, the
# date, the agency, then a dash, a colon, a comma or the end of its line: "BEIJING, Nov 18
# (Xinhua) --", "SOCHI, May 20. /TASS/.", "BEIJING, July 14 APP):", "Benaulim (Goa) [India], May 4
# (ANI):", "Beijing, 14.03.2024 –", "Islamabad, 2023-11-14 (Press Release):", "Beijing, Monday, July
# 6, 2023", "BEIJING:", "BEIJING, (APP - UrduPoint / Pakistan Point News - 23rd Mar, 2024)", "ASTANA.
# KAZINFORM –", "Tehran, IRNA –", "Phnom Penh, May 17, 2023 AKP --", "BAKU, Azerbaijan, February 8.", a
# line of its own ("Baku, September 9, AZERTAC").
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# The days of the week, Monday first, and as a pattern (dates, clauses and datelines read them).
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY = f"(?:{'|'.join(WEEKDAY_NAMES)})"
# Days named relative to the page's date, in lower case (dates read them against it; a lead may
# open with one before its subject).
RELATIVE_DAY_WORDS = r"(?:today|yesterday|this\s+(?:morning|afternoon|evening)|tonight)"
DATELINE = re.compile(
    rf"^(?P<city>[A-Z][A-Za-z'’\-]+(?:\s[A-Z][A-Za-z'’\-]+)?)(?:\s*\((?P<region>[^()]{{1,30}})\))?(?:\s*\[(?P<land>[^\]]{{1,30}})\])?"
    rf"(?:,\s*{WEEKDAY}(?=,))?"
    rf"(?:,\s*(?P<date>{MONTH_WORD}\s+{DAY}(?:,?\s+\d{{4}})?|{DAY}\s+{MONTH_WORD}(?:,?\s+\d{{4}})?"
    rf"|{NUMERIC_DATE}|\d{{4}}-\d{{2}}-\d{{2}})\.?)?"
    r"(?:,?\s*\((?P<agency>[^()]{1,80})\)\.?|\s*/\s*(?P<slashed>[A-Z][^/.\n]{0,40})/\.?"
    r"|\s*/\s*(?P<byline>[A-Z][^/.\n]{0,60})\.(?=\s)|\s+(?P<bare>[A-Z]{2,10})\)"
    r"|(?:[.,]\s*|\s+)(?P<capitals>[A-Z]{2,12})(?=\s*(?:--|-|–|—|:|$)))?"
    r"(?P<end>\s*(?:--|-|–|—|:)\s*|,?\s+(?=[A-Z\"“])|\s*$)")
DATELINE_MAX_CHARS = 140
# A city in ordinary case before a colon opens a dateline only if it is this big ("Doha:").
COLON_CITY_MIN_POPULATION = 100_000
# A city with its country after a comma, before the rest of a dateline: "BAKU, Azerbaijan, February 8",
# "Tashkent, Uzbekistan (UzA) --".
CITY_AND_COUNTRY = re.compile(r"^(?P<city>[A-Z][A-Za-z'’\-]+(?:\s[A-Z][A-Za-z'’\-]+)?)"
                              r"(?P<country>,\s+[A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?)(?=,|\s*\()")


@dataclass(frozen=True)
class Dateline:
    """A dateline opening a paragraph: its city as written, its date (None without a year to
    read it by), where the text after it starts, its date as written ("Nov 18"), and the
    country it names in brackets or its city lies in ("Benaulim (Goa) [India]")."""

    city: str
    date: dt.date | None
    end: int
    written: str | None = None
    country: str | None = None


def parse_stamp_date(text: str, fallback_year: int | None = None) -> dt.date | None:
    """The day a stamp's date names ("3 february 2026", "28.10.2020"), a year-less one in
    `fallback_year`; day-first where the order is ambiguous."""
    default = dt.datetime(fallback_year or 1, 1, 1)
    try:
        day = date_parser.parse(text, dayfirst="-" not in text, default=default).date()
    except (ValueError, OverflowError):
        return None
    return day if day.year > 1 else None


def stamp_date(paragraph: str) -> dt.date | None:
    """The date of a stamp line: a short line with a dated year and nothing else but times,
    labels and separators; None for any other line."""
    if len(paragraph) > STAMP_MAX_CHARS or paragraph.startswith("("):
        return None  # "(12 October 2023, Bishkek)" under a speech's title belongs to the title
    dates = [match.group() for match in STAMP_DATE.finditer(paragraph)]
    if not dates:
        return None
    rest = TIME.sub(" ", STAMP_DATE.sub(" ", paragraph))
    others = [word for word in re.split(r"[\s,()|]+", rest) if word and word.lower().strip(".:") not in STAMP_WORDS]
    if len(others) > STAMP_MAX_OTHER_WORDS or any(word[:1].islower() and len(word) > 3 for word in others):
        return None
    return parse_stamp_date(dates[0])


def marks_publication(line: str) -> bool:
    """A date line that says it is the page's own date, by a time or a label ("Jan 19, 2024
    10:42", "Published: 05.07.2023"), unlike the place and date a statement was issued."""
    return TIME.search(line) is not None or \
        any(word.lower().strip(".:") in PUBLICATION_LABELS for word in line.split())


def stamp_prefix(paragraph: str) -> tuple[dt.date | None, int]:
    """A stamp before the text on its first line: its date, and where the text starts (0: none)."""
    match = STAMP_PREFIX.match(paragraph)
    if match is None:
        return None, 0
    return parse_stamp_date(match.group("date")), match.end()


def read_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a lead, if any. A city in capitals needs no date ("BEIJING:"); a
    city in ordinary case needs one ("Tashkent, 13 May 2025 -"), its source in brackets and a
    dash ("Hanoi (VNA) –") or, as a city the gazetteer knows, a colon ("Doha: ..."), and, with
    neither source nor region, a name the gazetteer knows ("On Tuesday, 10 September 2019,"
    opens a sentence, not a dateline)."""
    head = paragraph[:DATELINE_MAX_CHARS]
    named = CITY_AND_COUNTRY.match(head)
    land = country_named(named.group("country").lstrip(", ")) if named else None
    if land is not None:  # "BAKU, Azerbaijan, February 8." is read as "BAKU [Azerbaijan], February 8."
        written_land = named.group("country").lstrip(", ")
        padding = len(named.group("country")) - len(written_land) - 2
        head = f"{head[:named.end('city')]}{' ' * padding}[{written_land}]{head[named.end('country'):]}"
    match = DATELINE.match(head)
    if match is None:
        return None
    city, written = match.group("city"), match.group("date")
    agency = match.group("agency") or match.group("slashed") or match.group("byline") or match.group("bare") \
        or match.group("capitals")
    capitals = city.isupper() and len(city) > 2
    # A source in slashes is a dateline's whatever follows ("Ulaanbaatar /MONTSAME/. On May 30").
    sourced = bool(match.group("region") or agency) and (match.group("end").strip() != "" or match.group("slashed"))
    colon = match.group("end").strip() == ":"
    if not (written or (capitals and (agency or match.group("end").strip())) or sourced or colon):
        return None
    city_named = find_city(city.title() if capitals else city)
    known = city_named is not None
    if colon and not (written or capitals or sourced or (known and city_named.population >= COLON_CITY_MIN_POPULATION)):
        return None  # "Note: the text", "Zhang Ming: the SCO ...", "Date: 5 May" (a town in Japan)
    if not written and not known:
        return None  # "SCO - Shanghai Cooperation Organisation": a site's name, not a dateline
    if not (capitals or known or match.group("region") or agency):
        return None
    day = None
    if written:
        day = parse_stamp_date(written) if re.search(r"\d{4}", written) else None
    elif match.group("agency") and STAMP_DATE.search(match.group("agency")):
        day = parse_stamp_date(STAMP_DATE.search(match.group("agency")).group())
    country = land or (country_named(match.group("land")) if match.group("land") else None)
    return Dateline(city, day, match.end(), written, country or (city_named.country if city_named else None))
