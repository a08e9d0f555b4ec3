"""People named in a phrase: "<title> <Name>", "<Name>, <title>", and lists of them.

A release names the people met in two orders: title first ("Vice Minister of Foreign Affairs
of China Le Yucheng") and name first ("Lim Jock Hoi, Secretary-General of ASEAN"), often
several in one list joined by commas and "and". A name is the run of capitalised words at the
end of a part of the list that are no title, body, country, organisation or place words;
whatever precedes it in its part is its title. `read_people` walks the parts with a small state
machine (`_ListReader`); `country_of` and `organisation_of` read what a title says of its holder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from sco_data.extract.countries import affiliation_index
from sco_data.extract.gazetteer import City, cities, city_index, region_index
from sco_data.extract.lexicon import load
from sco_data.extract.names import (
    is_honorific,
    is_name_word,
    leading_honorific_words,
    name_particles,
)
from sco_data.extract.name_shapes import INITIAL, ONE_WORD_NAME, is_name_shaped, is_pinyin, is_pinyin_syllable
from sco_data.extract.phrases import tokenize
from sco_data.schema import AFFILIATION_COMPANY, AFFILIATION_ORGANISATION, AFFILIATION_STATE, Person

MAX_NAME_WORDS = 5
# Words after which a title goes on with its subject ("Minister of Healthcare", "Envoy for Asia").
TITLE_CONNECTORS = frozenset({"of", "for", "on", "and"})
# Cities this large are place words: they end a title ("Mayor of Qingdao Zhao Haozhong") and
# never start a name.
PLACE_WORD_MIN_POPULATION = 100_000
# Separators between the parts of a list of people: ", as well as (with)", ", and (with)",
# ", accompanied by", ", ", " and (with)", "; ".
PART_SPLIT = re.compile(r"\s*(,?\s+as\s+well\s+as\s+(?:with\s+)?|,\s*and\s+(?:with\s+)?|,\s*accompanied\s+by\s+|[,;]\s+"
                        r"|\s+and\s+(?:with\s+)?)")
# Offices that may end a name as a surname ("Faisal Sultan"), and units named after their
# subject ("the ASEAN Department"), lexicon titles.toml.
OFFICES_ALSO_SURNAMES = frozenset(load("titles")["offices_also_surnames"])
SUBJECT_UNIT_WORDS = frozenset(word.casefold() for word in load("titles")["subject_unit_words"])
POSSESSIVE_ENDINGS = ("'s", "’s")
# A word before a place that says the place is a destination or host, not the person's own.
FOREIGN_PLACE_CUES = frozenset({"to", "in", "for"})
# A run of capitalised words that follows one of these and ends in a city's name is a place
# phrase, not a name; after a title or a country, such a run is a name that happens to end
# in a word some town is called ("Deputy Foreign Minister of Iran Ali Bagheri Kani").
PLACE_PREPOSITIONS = frozenset({"of", "in", "to", "from", "at"})
# Cut a title at "of" to find the body it names.
OF_SPLIT = re.compile(r"\s+of\s+(?:the\s+)?")
# Words that say a title belongs to a company: its representative has no country.
COMPANY_WORDS = re.compile(r"\b(?:Co\.|Company|Corporation|Ltd\b\.?|LLC|Inc\b\.?|Holding|Holdings|"
                           r"Enterprise|Enterprises)\b")
# A body that no lexicon knows but whose name says it is international ("World Tourism Alliance",
# "International Association of ..."): its officials represent it, not a country.
INTERNATIONAL_BODY = re.compile(r"\b(?:World|International|Global|Inter-?[Pp]arliamentary|Intergovernmental)\b")
# A possessive after a capitalised word or three: "China's Minister", "Sri Lanka's Ambassador".
POSSESSIVE = re.compile(r"\b((?:[A-Z][\w\-]+\s){0,2}[A-Z][\w\-]+)['’]s\b")
# A plural office ("Ambassadors of Brunei and Indonesia", "the ambassadors of ...") serves every
# name before it.
PLURAL_OFFICE = re.compile(r"^(?:\w+\s+){0,3}?(?:Ambassadors|Ministers|Representatives|Envoys|Heads|Directors|"
                           r"Chairmen|Members|Secretaries-General)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def office_heads() -> frozenset[str]:
    return frozenset(load("titles")["office_heads"])


@lru_cache(maxsize=1)
def _body_nouns() -> frozenset[str]:
    return frozenset(load("titles")["body_nouns"])


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Names of sizeable cities and of provinces: they end titles and never start names (a city
    of several words is one entry: "Crown Prince of Abu Dhabi")."""
    words = {name for name, city in cities().items() if city.population >= PLACE_WORD_MIN_POPULATION}
    return frozenset(words | region_index().single_words())


def _affiliation_words(part: str, words: list[str]) -> set[int]:
    """Indices of the words that belong to a country, nationality, organisation or province name
    ("Hong Kong" blocks "Hong" there, not in "Wang Hong")."""
    starts = []
    position = 0
    for word in words:
        position = part.index(word, position)
        starts.append(position)
        position += len(word)
    tokens = tokenize(part)
    blocked: set[int] = set()
    for index in (affiliation_index(), region_index()):
        for match in index.find(tokens):
            blocked.update(i for i, start in enumerate(starts)
                           if start < match.end and start + len(words[i]) > match.start)
    return blocked


def _customary_before(words: list[str], start: int) -> int:
    """How many words just before `start` are a customary honorific ("Dato", "Tan Sri")."""
    for size in (2, 1):
        if start >= size and leading_honorific_words(words[start - size:start], ("customary",)) == size:
            return size
    return 0


def _may_extend(words: list[str], index: int, end: int, blocked: set[int]) -> bool:
    """Whether the name running to `end` may take in the word at `index`: a name word, an
    office that is also a surname as its last word ("Faisal Sultan"), or an initial before one
    ("S Jaishankar"); not a country's or region's word, unless it is a one-syllable Chinese
    surname before a Chinese given name ("Shan Zhiwei", not Shan State)."""
    word = words[index]
    if index == end - 1 and index > 0 and word in OFFICES_ALSO_SURNAMES and is_name_word(words[index - 1]):
        return True
    if index in blocked and not (index + 1 < end and is_pinyin_syllable(word)
                                 and is_pinyin(words[index + 1]) and index + 1 not in blocked):
        return False
    return is_name_word(word, index == 0) or (INITIAL.match(word) is not None and index + 1 < end)


def _title_words_trimmed(words: list[str], start: int, end: int) -> int:
    """Where a name of three words or more that follows "of" or "for" really starts: its first
    words go to the title until one has a name's shape ("Minister of Healthcare Timur Muratov")."""
    if start == 0 or words[start - 1] not in TITLE_CONNECTORS:
        return start
    while end - start >= 3 and not is_name_shaped(words[start]):
        start += 1
    return start


@lru_cache(maxsize=8192)
def split_title_name(part: str) -> tuple[str, str | None]:
    """Split "<title> <Name>" or a bare "<Name>"; the name is None when the part ends otherwise.

    A customary honorific before the name stays with it ("Dato Lim Jock Hoi"); a courtesy one
    ("Mr", "H.E.") belongs to neither. One word is a name only after an honorific ("Ms Ji").
    """
    words = part.split()
    blocked = _affiliation_words(part, words)
    end = len(words)
    start = end
    size = 0  # the name's words, its particles not counted ("Mohamed bin Abdulaziz bin Saleh al-Khulaifi")
    while start > 0 and size < MAX_NAME_WORDS and _may_extend(words, start - 1, end, blocked):
        start -= 1
        size += words[start] not in name_particles()
    while start < end and words[start] in name_particles():
        start += 1
    start += leading_honorific_words(words[start:end], ("courtesy",))  # "H.E. Prak Sokhonn"
    if start < end and words[start] in place_words() and end - start >= 3 and start > 0 \
            and words[start - 1] in {"of", "in", "at", "the"}:
        start += 1
    start = _title_words_trimmed(words, start, end)
    size = end - start
    alone = size == 1 and (start and is_honorific(words[start - 1]) or ONE_WORD_NAME.match(words[start]))
    place_last = (words[end - 1] in place_words() or " ".join(words[start:end]) in place_words()) \
        and (size == 1 or words[start - 1] in PLACE_PREPOSITIONS)
    if size == 0 or place_last or (size == 1 and not alone):
        return part, None
    start -= _customary_before(words, start)
    prefix = words[:start]
    while prefix and is_honorific(prefix[-1], ("courtesy",)):
        prefix.pop()
    if len(prefix) >= 2 and is_honorific(" ".join(prefix[-2:]), ("courtesy",)):
        prefix = prefix[:-2]
    return " ".join(prefix).strip(" ,"), " ".join(words[start:end])


class _SharedTitle:
    """A plural title written before its names ("the Ambassadors of Iran and Mongolia to China,
    A and B"): each name in turn takes the next country the title names."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.countries = affiliations(title)
        self.taken = 0

    def person(self, name: str) -> Person:
        person = person_from(name, self.title)
        if self.taken < len(self.countries):
            country, kind = self.countries[self.taken]
            person = replace(person, country=country, affiliation_type=kind)
        self.taken += 1
        return person


@dataclass
class _Group:
    """Name-first people waiting for the title that follows them after a comma."""

    names: list[str] = field(default_factory=list)
    title: str | None = None


class _ListReader:
    """Reads the parts of a list of people one by one.

    States: idle; a title open (title-first person awaiting their name: `title_buffer`); a
    group of names open (name-first people awaiting or extending their title: `group`).
    """

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.title_buffer = ""
        self.buffer_separator = ""
        self.group: _Group | None = None
        self.shared: _SharedTitle | None = None

    def read(self, part: str, separator: str) -> None:
        prefix, name = split_title_name(part)
        if name is not None and not prefix and self.title_buffer and separator.strip() == "and":
            # An open title may go on after "and" ("Minister of Ecology and Natural Resources
            # Yerlan Nyssanbayev"): read as one, the title keeps the words the name had taken.
            whole_prefix, whole_name = split_title_name(f"{self.title_buffer}{separator}{part}")
            if whole_name is not None and whole_name != name:
                self.title_buffer = ""
                prefix, name = whole_prefix, whole_name
        if name is not None:
            self._read_name(prefix, name, separator)
        elif self.group is not None and self.group.title is None and separator.strip() in {",", ";"} \
                and self.group.names:
            self.group.title = part
        elif self.group is not None and self.group.title is not None and not self.title_buffer \
                and part.split()[0] not in office_heads():
            self.group.title = f"{self.group.title}{separator}{part}"
        else:
            if self.group is not None and self.group.title is None:
                self._close_group()
            if not self.title_buffer:
                self.buffer_separator = separator
            self.title_buffer = f"{self.title_buffer}{separator}{part}" if self.title_buffer else part

    def _read_name(self, prefix: str, name: str, separator: str) -> None:
        if not prefix and self.title_buffer and PLURAL_OFFICE.match(clean_title(self.title_buffer) or ""):
            self._close_group()
            self.shared = _SharedTitle(self.title_buffer)
            self.title_buffer = ""
            self.people.append(self.shared.person(name))
            return
        if not prefix and not self.title_buffer and self.shared is not None and self.group is None:
            self.people.append(self.shared.person(name))
            return
        self.shared = None
        if prefix or self.title_buffer:
            self._close_group()
            if self.title_buffer and prefix:
                title = f"{self.title_buffer}{separator}{prefix}"
            else:
                title = prefix or self.title_buffer
            self.title_buffer = ""
            self.people.append(person_from(name, title))
        elif self.group is not None and self.group.title is None:
            self.group.names.append(name)
        else:
            self._close_group()
            self.group = _Group([name])

    def _close_group(self) -> None:
        group, self.group = self.group, None
        if group is None:
            return
        self.people.extend(_group_people(group))

    def finish(self) -> list[Person]:
        if self.group is not None and self.group.title is not None and self.title_buffer:
            self.group.title = f"{self.group.title}{self.buffer_separator}{self.title_buffer}"
        self._close_group()
        return self.people


def _group_people(group: _Group) -> list[Person]:
    """The people of a name-first group; a plural title naming as many countries as there are
    names gives each name its own country, in order ("A and B, Ambassadors of X and Y")."""
    if len(group.names) > 1 and group.title and PLURAL_OFFICE.match(group.title):
        countries = affiliations(group.title)
        if len(countries) == len(group.names):
            return [replace(person_from(name, group.title), country=country, affiliation_type=kind)
                    for name, (country, kind) in zip(group.names, countries)]
        return [person_from(name, group.title) for name in group.names]
    people = [person_from(name, None) for name in group.names[:-1]]
    return people + [person_from(group.names[-1], group.title)]


def _parts(chain: str) -> list[tuple[str, str]]:
    """The parts of a list and the separator before each; "and" and commas inside the name of
    a country or organisation ("Office on Drugs and Crime") do not separate (looked up only
    when there is a separator: most lists name one person)."""
    separators = list(PART_SPLIT.finditer(chain))
    protected = [(match.start, match.end) for match in affiliation_index().find(tokenize(chain))
                 if match.last_token > match.first_token] if separators else []
    parts: list[tuple[str, str]] = []
    start, separator = 0, ""
    for match in separators:
        if any(low < match.start() and match.end() < high for low, high in protected):
            continue
        parts.append((chain[start:match.start()], separator))
        start, separator = match.end(), match.group(1)
    parts.append((chain[start:], separator))
    return parts


def read_people(chain: str) -> list[Person]:
    """Every person a list names, with the title written with them."""
    reader = _ListReader()
    for part, separator in _parts(chain):
        part = part.strip()
        if part:
            reader.read(part, separator)
    return reader.finish()


def person_from(name: str, title: str | None) -> Person:
    title = clean_title(title)
    country, kind = affiliation_of(title)
    return Person(name=name, title=title, organisation=organisation_of(title), country=country,
                  affiliation_type=kind)


def clean_title(title: str | None) -> str | None:
    words = (title or "").strip(" ,;").split()
    while words and words[0].lower() in {"the", "a", "an"}:
        words.pop(0)
    while words and is_honorific(words[-1]):
        words.pop()
    return " ".join(words).strip(" ,") or None


def organisation_of(title: str | None) -> str | None:
    """The body a title names ("President of the All-China Women's Federation" -> the federation).

    The title is cut at each "of"; the last piece naming a body, with what qualifies it after
    it ("Institute of Far Eastern Studies"), is the organisation.
    """
    if not title:
        return None
    pieces = OF_SPLIT.split(title)
    for index in range(len(pieces) - 1, 0, -1):
        if any(word.strip(",") in _body_nouns() for word in pieces[index].split()):
            return " of ".join(pieces[index:]).strip(" ,")
    return None


@lru_cache(maxsize=8192)
def affiliations(title: str) -> tuple[tuple[str, str], ...]:
    """Every country or organisation a title names as its holder's own, in order: not one
    named as a destination ("Ambassador to China") or as a unit's subject ("Director of the
    ASEAN Department of the Ministry of Foreign Affairs of Vietnam")."""
    tokens = tokenize(POSSESSIVE.sub(_drop_possessive, title))
    found: list[tuple[int, str, str]] = []
    for index, kind in ((affiliation_index(), "affiliation"), (region_index(), "region"), (city_index(), "city")):
        for match in index.find(tokens):
            before = tokens.folded[match.first_token - 1] if match.first_token > 0 else ""
            if before == "the" and match.first_token > 1:
                before = tokens.folded[match.first_token - 2]
            after = tokens.folded[match.last_token + 1] if match.last_token + 1 < len(tokens) else ""
            # A unit named after its subject ("the ASEAN Department"), not a country's own ("India's Department").
            subject = after in SUBJECT_UNIT_WORDS and title[match.end:match.end + 2] not in POSSESSIVE_ENDINGS
            if before in FOREIGN_PLACE_CUES or subject:
                continue
            if kind == "affiliation":
                found.append((match.start, match.value[1], match.value[0]))
            elif kind == "region":
                found.append((match.start, match.value, AFFILIATION_STATE))
            elif isinstance(match.value, City) and match.value.country \
                    and match.value.population >= PLACE_WORD_MIN_POPULATION:
                found.append((match.start, match.value.country, AFFILIATION_STATE))
    found.sort()
    ordered: list[tuple[str, str]] = []
    for _, name, kind in found:
        if (name, kind) not in ordered:
            ordered.append((name, kind))
    return tuple(ordered)


def _drop_possessive(match: re.Match[str]) -> str:
    """"China's" -> "China " when the word is a country or nationality (the length is kept, so
    positions still line up); "People's Republic" stays."""
    word = match.group(1)
    return f"{word}  " if affiliation_index().find(tokenize(word)) else match.group()


def affiliation_of(title: str | None) -> tuple[str | None, str | None]:
    """The country (or international organisation) a person represents, read from the title,
    and which of the two it is; a company's representative has neither."""
    if not title:
        return None, None
    if COMPANY_WORDS.search(title):
        return None, AFFILIATION_COMPANY
    found = affiliations(title)
    if found:
        return found[0]
    body = organisation_of(title)
    if body is not None and INTERNATIONAL_BODY.search(body):
        return body, AFFILIATION_ORGANISATION
    return None, None
