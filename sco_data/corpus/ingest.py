"""One file's bytes -> an outcome: a parsed release as table rows, or the reason it was refused.

Runs in worker processes during a parallel ingest, so it returns plain rows, not objects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sco_data.extract.decode import DecodeError, decode_bytes
from sco_data.extract.language import ENGLISH, NOT_ENGLISH, language_of
from sco_data.extract.paragraphs import SALUTATION
from sco_data.extract.release import parse_release
from sco_data.extract.topics import Taxonomy, load_taxonomy
from sco_data.extract.webpage import html_to_text, looks_like_html
from sco_data.schema import (
    AFFILIATION_ORGANISATION,
    LIST_SEPARATOR,
    REPORT_OK,
    REPORT_REJECTED,
    REPORT_WARNING,
    ROLE_COUNTERPART,
    ROLE_SCO,
    Person,
    Release,
    evidence_to_json,
    topic_flag_column,
    topic_mentions_column,
)

NOT_A_RELEASE = "not a release: no engagement found"
# A release names the SCO somewhere; a file that never does is something else.
SCO_MENTION = re.compile(r"\bSCO\b|Shanghai\s+Cooperation\s+Organi[sz]ation|\bШОС\b")
# A first line this short ending in a comma addresses the audience ("Minister Murat Nurtleu,").
ADDRESS_MAX_CHARS = 200
# An SCO body that acts, named anywhere: a statement of the Secretariat, an observer mission's
# work, a reception at the headquarters are releases even when no one is named or dated.
SCO_BODY = re.compile(
    r"\b(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation)(?:'s|’s)?\s+(?:Secretariat|[Hh]eadquarters|Observer|"
    r"Mission|[Dd]elegation|Secretary|Deputy)|\b(?:Secretariat|[Hh]eadquarters|Mission)\s+of\s+the\s+"
    r"(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation)")


@dataclass
class Outcome:
    """What became of one file's content."""

    content_hash: str
    status: str
    reason: str
    release: dict[str, Any] | None = None
    participants: list[dict[str, Any]] = field(default_factory=list)


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def process_bytes(data: bytes, label: str, taxonomy: Taxonomy | None = None,
                  digest: str | None = None) -> Outcome:
    """Decode, reduce, parse and judge one file's bytes; never raises for any content."""
    digest = digest or content_hash(data)
    try:
        text = decode_bytes(data)
    except DecodeError as error:
        return Outcome(digest, REPORT_REJECTED, str(error))
    url = published = None
    if looks_like_html(text) or label.lower().endswith((".html", ".htm")):
        article = html_to_text(text)
        text, url, published = article.text, article.url, article.published
    language = language_of(text)
    if language != ENGLISH:
        known = language if language != NOT_ENGLISH else "text not in English"
        return Outcome(digest, REPORT_REJECTED, f"{known}{' text' if language != NOT_ENGLISH else ''}; "
                                                "only English releases are read")
    release = parse_release(text, source=url or label, published=published, taxonomy=taxonomy)
    if not is_sco_engagement(text, release):
        return Outcome(digest, REPORT_REJECTED, NOT_A_RELEASE)
    status = REPORT_WARNING if release.warnings else REPORT_OK
    row = release_row(release, taxonomy or load_taxonomy())
    row["url"] = url
    return Outcome(digest, status, LIST_SEPARATOR.join(release.warnings), row, participant_rows(release))


def is_sco_engagement(text: str, release: Release) -> bool:
    """The text reports something the SCO side did: it names the SCO, and the extractor found an
    official, a counterpart or a date, or an SCO body acts in it, or it is a speech or letter
    given in full (it opens with a form of address). Only a text with none of these is no release."""
    if not SCO_MENTION.search(text):
        return False
    found = release.sco_role is not None or bool(release.counterparts) or release.event_date is not None
    first_line = text.lstrip("\ufeff \n\r\t").split("\n", 1)[0].strip()
    addressed = SALUTATION.match(first_line) is not None or (first_line.endswith(",") and len(first_line) < ADDRESS_MAX_CHARS)
    return found or addressed or SCO_BODY.search(text) is not None


def release_row(release: Release, taxonomy: Taxonomy) -> dict[str, Any]:
    """A Release as one row of Corpus.releases (list fields joined with "; ")."""
    people = release.counterparts
    row: dict[str, Any] = {
        "release_id": release.release_id,
        "source": release.source,
        "title": release.title,
        "event_date": release.event_date,
        "published": release.published,
        "engagement_type": release.engagement_type,
        "sco_official": release.sco_official,
        "sco_role": release.sco_role,
        "counterparts": LIST_SEPARATOR.join(person.name for person in people),
        "counterpart_titles": LIST_SEPARATOR.join(person.title or "" for person in people),
        "counterpart_countries": LIST_SEPARATOR.join(person.country or "" for person in people),
        "counterpart_affiliations": LIST_SEPARATOR.join(person.affiliation_type or "" for person in people),
        "location_city": release.location_city,
        "location_key": release.location_key,
        "location_country": release.location_country,
        "latitude": release.latitude,
        "longitude": release.longitude,
        "occasion": release.occasion,
        "topics": LIST_SEPARATOR.join(release.topics),
        "countries_mentioned": LIST_SEPARATOR.join(release.countries_mentioned),
        "text": release.text,
        "warnings": LIST_SEPARATOR.join(release.warnings),
        "doubts": LIST_SEPARATOR.join(map(str, release.doubts)),
        "foreign_line_count": len(release.foreign_lines),
        "foreign_lines": "\n".join(release.foreign_lines),
        "evidence": evidence_to_json(release.evidence),
    }
    mentions = dict(release.topic_mentions)
    for topic_id in taxonomy.ids:
        row[topic_flag_column(topic_id)] = topic_id in release.topics
        row[topic_mentions_column(topic_id)] = mentions.get(topic_id, 0)
    return row


def participant_rows(release: Release) -> list[dict[str, Any]]:
    """One row for the SCO official (when named) and one per counterpart."""
    return people_rows(release.release_id, release.event_date, release.sco_official, release.sco_role,
                       release.counterparts)


def people_rows(release_id: str, event_date: dt.date | None, official: str | None, role: str | None,
                counterparts: Iterable[Person]) -> list[dict[str, Any]]:
    """Participants rows of one release: its SCO official (when named), then each counterpart."""
    rows: list[dict[str, Any]] = []
    if official:
        rows.append({"release_id": release_id, "event_date": event_date, "name": official, "title": role,
                     "organisation": "SCO Secretariat", "country": "SCO",
                     "affiliation_type": AFFILIATION_ORGANISATION, "role": ROLE_SCO})
    for person in counterparts:
        rows.append({"release_id": release_id, "event_date": event_date,
                     "name": person.name, "title": person.title, "organisation": person.organisation,
                     "country": person.country, "affiliation_type": person.affiliation_type,
                     "role": ROLE_COUNTERPART})
    return rows
