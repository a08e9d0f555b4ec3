"""Clauses that join the SCO side to people: which stretch of a sentence names the people met.

A sentence yields people only through a clause with a verb of meeting, talking, receiving or
writing, in either direction: "<the SCO side> met with <people>", "<people> received <the SCO
side>", "talks between <one> and <the other>", "a message from <people>", "the meeting was
attended by <people>". `clauses` finds those stretches, `cut` trims a stretch to its list of people
(without where, when and why), and `people_in` reads the people it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from sco_data.extract.datelines import RELATIVE_DAY_WORDS, WEEKDAY, read_dateline
from sco_data.extract.gazetteer import City, cities
from sco_data.extract.officials import Official
from sco_data.extract.pattern_shortcuts import CuedPattern, starting_with
from sco_data.extract.people import (
    PART_SPLIT,
    affiliation_of,
    office_heads,
    read_people,
    split_title_name,
)
from sco_data.schema import AFFILIATION_ORGANISATION, Person

SCO = r"(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation(?:\s*\(SCO\))?)"
# An office's holder written after it: "SCO Secretary-General H.E. Mr. Vladimir Norov".
HOLDER = r"(?:,?\s+(?:(?:H\.\s?E\.|Mr\.?|Ms\.?|Mrs\.?)\s+)*[A-Z][\w'’\-.]+(?:\s+[A-Z][\w'’\-.]+){0,3})?"
# How a sentence refers to the SCO side besides the official's own name.
SCO_SIDE_FORMS = (
    rf"{SCO}(?:'s|’s)?\s+(?:Deputy\s+)?Secretary[\s-]+General{HOLDER}",
    rf"\b[Tt]he\s+(?:Deputy\s+)?Secretary[\s-]+General\b(?!\s+of\s+the\s+(?!SCO|Shanghai)){HOLDER}",
    rf"\bDeputy\s+{SCO}\s+Secretary[\s-]+General{HOLDER}",
    rf"\b(?:Deputy\s+)?Secretary[\s-]+General\s+of\s+(?:the\s+)?{SCO}{HOLDER}",
    rf"\b(?:[Tt]he\s+)?{SCO}\s+(?:Secretariat|delegation|Observer\s+Mission|Mission)\b",
    r"\b[Tt]he\s+(?:SCO\s+)?(?:Secretariat(?:'s)?\s+)?delegation\b",
    r"\b[Tt]he\s+Secretariat\b",
    r"\bdelegation\s+of\s+the\s+SCO\b",
    r"^(?:[Hh]e|[Ss]he|[Tt]hey)\b",
)
# The characters a match of those forms begins with: "SCO", "Shanghai", "Secretary", "Deputy",
# "the", "delegation", "He", "She", "They".
SCO_SIDE_FIRST = "DHSTdhst"
# A meal taken with people is a meeting with them.
MEAL_WORDS = ("breakfast", "lunch", "luncheon", "dinner", "banquet")
MEAL = f"(?:{'|'.join(MEAL_WORDS)})"
# A verb of meeting or talking, up to the "with" that introduces the people.
MEETING_WITH = re.compile(
    r"\b(?:met|meets|meet|meeting|meetings|talks|conversation|consultations|discussion|discussions|"
    r"conferred|confers|spoke|speaks|talked|videoconference|video\s+conference|video\s+call|phone\s+call|"
    r"telephone\s+call|exchange\s+of\s+(?:views|opinions)|exchanged\s+(?:views|opinions)|"
    rf"{MEAL})\b[^.;]{{0,60}}?\bwith\s+"
    r"(?:the\s+|its\s+|his\s+|her\s+|their\s+)?")
# Meeting someone without "with", as news agencies write it: "met Foreign Minister Wang Yi",
# "met its Director General Vadim Gigin" (not "met Monday with").
MET = re.compile(r"\b(?:met|meets)\s+(?:separately\s+)?(?:the\s+|its\s+|his\s+|her\s+|their\s+)?"
                 rf"(?!(?:{WEEKDAY}|On|In|At|During)\b)(?=[A-Z])")
# Receiving someone: the people follow directly.
RECEIVED = re.compile(
    r"\b(?:received|receives|welcomed|welcomes)\s+(?!(?:an?|the)\s+(?:[\w-]+\s+)?(?:message|letter|copies|credentials|call|"
    r"delegation\s+of\s+(?:students|experts))|"
    r"(?:congratulat|greeting|message|letter|invitation|award|certificate|participants|guests|copies|credentials)\w*)")
# The people as the subject, the SCO side as the object: "<Ambassador X> paid a courtesy call on
# the Secretary-General", "<President X> received the Secretary-General", "<Minister X> said at a
# meeting with the Secretary-General".
SUBJECT_VERB = re.compile(
    rf"\s+(?:(?:today|also|yesterday|here|on\s+{WEEKDAY})\s+)?"
    r"(?:paid\s+(?:a|an|his|her)\s+(?:[\w-]+\s+){0,2}(?:call|visit)\s+(?:on|to)|called\s+on"
    r"|received|receives|welcomed|welcomes|met|meets|hosted|"
    r"(?:held|had|holds|has)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:meeting|talks|consultations|(?:tele)?phone\s+call|"
    r"(?:(?:tele)?phone\s+)?conversation|video\s*-?\s*conference|video\s+call)|"
    r"(?:spoke|speaks|talked|talks)\s+(?:on|by|over)\s+(?:the\s+)?(?:tele)?phone|"
    r"(?P<spoken>(?:said|says|noted|notes|stated|stressed|emphasi[sz]ed)\s+(?:at|during)\s+(?:(?:a|an|the|his|her)\s+)?"
    r"(?:[\w-]+\s+)?(?:meeting|talks)\s+with)|"
    r"phoned|called)(?:\s+(?:in|at)\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)?(?:\s+with)?\s+")
# "<people>(,) in a telephone conversation with <the SCO side> discussed": the talks as an adverbial.
SUBJECT_IN_TALKS = CuedPattern((" in ", " during "), r",?\s+(?:in|during)\s+(?:(?:a|an|the|their)\s+)?(?:[\w-]+\s+){0,2}"
                                                  r"(?:meeting|talks|conversation|call|video\s*-?\s*conference)\s+with\s+")
# Where the speaker of "<what was said>, <people> said at a meeting with" begins.
SPOKEN_BEFORE = re.compile(r".*[,\"“”]\s*", re.S)
# The same in a release about messages: "<President X> also congratulated the Secretary-General".
SUBJECT_WROTE = re.compile(r"\s+(?:also\s+)?(?:congratulated|congratulates|wrote\s+to|sent\s+(?:a\s+)?(?:\w+\s+)?"
                           r"(?:message|letter|telegram)\s+to)\s+")
# Messages exchanged: "sent a message to <P>", "greetings to <P>", "a message from <P>".
MESSAGE_TO = re.compile(
    r"\b(?:message|letter|greetings|congratulations|condolences|telegram|wished|wishes)\b[^.;]{0,40}?\b(?:to|addressed\s+to)\s+"
    r"(?:the\s+)?(?=[A-Z])")
# A headline's "Congratulatory letter of <the SCO side> to <people>": the message named before the side.
MESSAGE_OF = re.compile(r"\b(?:message|letter|greetings|telegram|congratulations|condolences)\s+of\s+(?:the\s+)?$", re.I)
MESSAGE_OF_WINDOW = 20
TO_PEOPLE = re.compile(r"\s+to\s+(?:the\s+)?(?=[A-Z])")
CALL_FROM = CuedPattern(("from",), r"\b(?:call|message|letter|greetings)\b[^.;]{0,90}?\bfrom\s+(?:the\s+)?(?=[A-Z])")
MESSAGE_FROM = re.compile(
    r"\b(?:(?:message|letter|greetings|congratulations|telegram)s?\s+(?:from|by)|In\s+(?:his|her)\s+"
    r"(?:\w+\s+){0,2}(?:message|letter))\s*,?\s*(?:the\s+)?(?=[A-Z])")
# A reception given for someone, or at their invitation.
HOSTED_BY = re.compile(
    rf"\b(?:at\s+the\s+invitation\s+of|in\s+honou?r\s+of|farewell\s+reception\s+for|{MEAL}\s+for|"
    rf"in\s+connection\s+with|(?:{MEAL}|reception)\s+(?:was\s+)?(?:hosted|given|offered)\s+by)"
    r"\s+(?:the\s+)?(?=[A-Z])")
# A meal for an occasion names no one ("a dinner for Chinese New Year"): a meal "for" counts
# only before an office ("a dinner for Foreign Minister ...").
MEAL_FOR = re.compile(rf"\b{MEAL}\s+for\s+(?:the\s+)?$")
MEAL_GUEST_WORDS = 4
# The SCO side signing with people, the verb right after it ("Zhang Ming signed a memorandum
# with ..."), not a document someone else signed ("the agreement Uzbekistan signed with ...").
SIGNED_WITH = re.compile(r"\s*(?:also\s+)?signed\b[^.;]{0,60}?\bwith\s+(?:the\s+)?")
# "between <SCO side> and <people>", "<SCO side> and <people> held talks".
# "talks between <one> and <the other>", "the consultations were co-chaired by <one> and <the other>".
BETWEEN = CuedPattern(("between", "chaired"), r"\b(?:between|co-?chaired\s+by|chaired\s+jointly\s+by)\s+(?:the\s+)?")
SECOND_PARTY = re.compile(r",?\s+and\s+(?:the\s+)?")
AND = re.compile(r",\s*|\s+and\s+")
JOINT_SUBJECT = re.compile(r"\s+and\s+")
JOINT_VERBS = re.compile(r"\s+(?:held|had|met|discussed|signed|exchanged|talked)\b")
# A list cut just before its last member: "<A> and" before the SCO side.
TRAILING_JOINER = re.compile(r"(?:,|\s+and)\s*$")
JOINT_BEFORE = re.compile(r"\s+and\s+$")
# What may stand between a joint subject and its verb: ", on Friday", "today".
LATE_ADVERBIAL = re.compile(r"^,?\s*(?:(?:on\s+\w+day|today|yesterday|here|also)\s*,?)*")
# How far the second subject of "<SCO side> and <people> held talks" may run.
JOINT_MAX_CHARS = 200
# How far a list of people may run: longer runs are not a list of counterparts, and bounding
# them keeps the cost of a sentence linear in its length, however many clauses it has.
MAX_CHAIN_CHARS = 500
RECEIVED_BY = re.compile(r"\b(?:was|were)\s+(?:received|welcomed|greeted|hosted)\s+"
                         r"(?:(?:in|at)\s+(?:the\s+capital(?:\s+of\s+[A-Z][\w'’\-]+)?|(?:the\s+)?[A-Z][\w'’\-]+"
                         r"(?:\s+[A-Z][\w'’\-]+)?)\s+)?by\s+(?:the\s+)?")
# The meeting reported as the subject: "The main meeting of the visit, with <people>, took place".
MEETING_SUBJECT = re.compile(r"^(?:The|During\s+the|At\s+the)\s+(?:\w+\s+){0,3}?(?:meeting|talks|negotiations|conversation)"
                             r"\b[^.;]{0,40}?\bwith\s+(?:the\s+)?")
# Where and how, between the verb and the people: "received at the SCO Secretariat X".
LEADING_CIRCUMSTANCE = re.compile(
    r"^(?:(?:at|in)\s+the\s+(?:SCO\s+)?(?:Secretariat|[Hh]eadquarters)(?:\s+of\s+the\s+SCO)?|in\s+[A-Z][\w'’\-]+|"
    r"(?:via|by)\s+(?:video\s*conference|video\s+link|videoconference)|online|today|yesterday)\s*,?\s+")
# "<Name> on his election (inauguration) as <title>": the title follows.
ELECTED_AS = re.compile(r"\s+on\s+(?:his|her)\s+(?:(?:re-?)?(?:election|appointment)|inauguration|swearing-in)\s+as\s+"
                        r"(?:the\s+)?")
# A visit's programme: "The agenda included meetings with <people>".
AGENDA = CuedPattern(("included", "includes", "featured"),
                     r"\b(?:agenda|programme|program|schedule|visit)\b[^.;]{0,80}\b(?:included|includes|featured)\b")
# The SCO side calling on someone: "called on Prime Minister X", "paid a courtesy call on X".
CALLED_ON = re.compile(r"\b(?:called|calls|paid\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}call)\s+on\s+(?:the\s+)?(?=[A-Z])")
# A new envoy's papers handed over in person: "accepted the letter of appointment from <people>",
# "received copies of the credentials of <people>".
CREDENTIALS_FROM = CuedPattern(("credentials", "letter of"),
                               r"\b(?:accepted|received|receives|accepts)\s+(?:the\s+)?(?:copies\s+of\s+(?:the\s+)?)?"
                               r"(?:[\w-]+\s+){0,2}(?:credentials|letter\s+of\s+(?:appointment|credence))\s+(?:from|of)\s+"
                               r"(?:the\s+)?(?:newly[\s-]+appointed\s+)?(?=[A-Z])")
# Every clause that, after the SCO side, introduces the people: one pattern, one pass, tried only
# where one of its words can begin.
AFTER_SIDE = starting_with("abcdefgilmprstvw", "|".join(f"(?:{pattern.pattern})" for pattern in
                                                        (MEETING_WITH, MET, RECEIVED, MESSAGE_TO, HOSTED_BY,
                                                         RECEIVED_BY, CALLED_ON)))
# "The meeting was attended by <people>", "<people> headed the delegation": only where the release
# reports a meeting.
ATTENDED_BY = CuedPattern(("attended",), r"\b(?:meeting|talks|conversation)\s+(?:was|were)\s+(?:also\s+)?attended\s+by\s+")
HEADED_DELEGATION = CuedPattern(("delegation",), r"\s+(?:headed|led)\s+the\s+(?:[\w'’-]+\s+){0,4}delegation\b")
# "<people> was also present", "<people> also took part in the meeting", or without "also" where
# the sentence ends there: named as attending (not "took part in the meeting of the Council" nor
# "attended the meeting in Goa", other events).
TALKS_NOUN = r"(?:meeting|talks|conversation|consultations)"
ALSO_PRESENT = CuedPattern(("present", "attended", "took part"),
                           rf"\s+(?:(?:was|were)\s+also\s+present|also\s+(?:attended|took\s+part\s+in)\s+the\s+"
                           rf"{TALKS_NOUN}\b(?!\s+(?:of|on)\b)|(?:attended|took\s+part\s+in)\s+the\s+{TALKS_NOUN}(?=\s*[.;]))")
# "Also present were <people>", "Also taking part in the talks was <people>": the same, inverted.
PRESENT_BEFORE = CuedPattern(("Also",), rf"\bAlso\s+(?:present|attending|taking\s+part)(?:\s+(?:at|in)\s+the\s+"
                                        rf"{TALKS_NOUN})?\s+(?:was|were)\s+")
# What opens a sentence before its subject: "On 3 March 2023, ", "On February 22, 2023, ", "In Tashkent, ",
# "Today, ".
LEAD_PREFIX = re.compile(
    r"^(?:(?:[Oo]n|[Ii]n|[Ff]rom|[Dd]uring|[Aa]t|[Bb]etween|[Aa]fter|[Bb]efore|[Ll]ater|That\s+same\s+day|Also)\b"
    # up to a comma, but not past a verb ("On Friday Zhang Ming met Ambassador X, who ...")
    r"(?:(?!\b(?:met|meets|received|receives|held|holds|had|has|visited|visits|said|says)\b)[^,]){0,60},(?:\s*\d{4},)?\s+|"
    rf"(?:(?i:{RELATIVE_DAY_WORDS})|Earlier\s+today),\s+|"
    r"[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?,\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?\s*[-–—/,]\s*)+")
# An envoy's office accredited to the Secretariat: "to the SCO Secretariat" goes on its title.
ENVOY_TO_BODY = re.compile(r"\bRepresentatives?\b")
# Where the list of people ends (at a space, a comma, a semicolon, a colon, a bracket or a capital).
# After a name, "at", "in", "on <Capital>" and the like say where or on what occasion, so they end
# it there (`after_name`); in a title they do not ("Ambassador of Russia in China"), nor does
# "to the SCO Secretariat" after a Representative's title (`to_sco`).
CHAIN_END = starting_with(r"\s,;:(A-Z",
    r"(?P<after_name>\s+(?:at|over|for|with|amid|concerning|under|in)\s+|\s+on\s+(?=[A-Z]|(?!(?:the|his|her|their)\b)[a-z]))"
    r"|\s+(?:on\s+the\s+(?:sidelines|margins)|here|today|yesterday|"
    r"(?<!well\s)as\s+(?!well\s+as)|during|via|(?P<to_sco>to\s+the\s+(?:SCO\s+)?(?:Secretariat|[Hh]eadquarters))|"
    r"by\s+(?:video|phone|telephone)|on\s+(?=\d)|on\s+the|to\s+(?!the\b)(?=[a-z])|who|where|which|"
    r"within|online|"
    r"and\s+(?:discussed|exchanged|noted|thanked|spoke|talked|agreed)|to\s+exchange|regarding|about|following|after|"
    r"before|ahead\s+of|upon|while|from\s+(?=\d)|this\s+|last\s+|"
    r"completing|on\s+(?:his|her|their|the\s+occasion))\b"
    r"|,\s+to\s+the\s+(?:SCO\s+)?(?:Secretariat|[Hh]eadquarters)|,\s+(?:at|during)\s+|,\s+in\s+(?=[A-Z])|[;:]"
    # After an apposition, what the letter or talks were about: "to X, President of Y, in connection with".
    r"|,\s+(?:in\s+connection\s+with|in\s+(?:light|view)\s+of|over|for|with\s+(?:regard|respect)\s+to)\s+"
    r"|,\s+(?:and\s+)?(?:an?\s+)?(?:meetings?|talks)\s+with\b|\((?![A-Za-z][A-Za-z]{1,9}\))|\s+(?:is|are|was|were|had|has|have|said|says|noted|took|gave|made|told|"
    r"held|met|led|spoke|sent|paid|will|would|also)\b"
    # A verb in the past tense right after a name ends the list: "... Emomali Rahmon offered"
    # (not "the newly appointed Ambassador").
    r"|\b[A-Z][\w'’\-]*[a-z](?P<verb>\s+)(?=[a-z]+ed\b)")
# "a delegation of <body> led by <title> <Name>": the people come after "led by".
LED_BY = re.compile(r"\b(?:led|headed)\s+by\s+(?:its\s+|their\s+|the\s+)?")
BODY_ONLY = re.compile(r"^(?:a\s+|the\s+)?(?:delegation|delegations|representatives|members|group|participants|"
                       r"students|staff|heads|leadership|experts|journalists|officials)\b", re.I)
# A body named before its noun: "the Alibaba Group delegation led by ...".
NAMED_BODY = re.compile(r"\b(?:delegation|delegations|group|team)\s*,?\s*$", re.I)

@lru_cache(maxsize=64)
def side_pattern(official: Official) -> re.Pattern[str]:
    forms = list(SCO_SIDE_FORMS)
    first = SCO_SIDE_FIRST
    if official.name:
        # The bare office before the name belongs to the side ("between Secretary-General Zhang Ming and ...").
        forms.append(rf"\b(?:(?:Deputy\s+)?Secretary[\s-]+General\s+)?{re.escape(official.name)}\b")
        first += re.escape(official.name[0])
        surname = official.name.split()[-1]
        if len(official.name.split()) > 1 and len(surname) > 3:
            forms.append(rf"\b(?:Mr\.?|Ms\.?|Mrs\.?)\s+{re.escape(surname)}\b|\b{re.escape(surname)}\b")
            first += "M" + re.escape(surname[0])
    return starting_with(first, "|".join(f"(?:{form})" for form in forms))


def cut(chain: str) -> str:
    """The list of people in a chain, without the circumstances around it."""
    chain = LEADING_CIRCUMSTANCE.sub("", chain)
    for end in CHAIN_END.finditer(chain):
        part = chain[:end.start()].rsplit(", ", 1)[-1]
        if end.group("after_name") and split_title_name(part)[1] is None:
            continue  # "head of policy at the UN ...", "Envoy on Climate": the title goes on; after a name,
            # where or on what occasion it happened ("... Audrey Azoulay on World Day for Cultural Diversity")
        if end.group("to_sco") and ENVOY_TO_BODY.search(part) and split_title_name(part)[1] is None:
            continue  # "Permanent Representative of India to the SCO Secretariat": the title goes on
        chain = chain[:end.start("verb") if end.group("verb") else end.start()]
        break
    return TRAILING_JOINER.sub("", _cut_at_city(chain).strip(" ,."))


def _cut_at_city(chain: str) -> str:
    """Cut "... He Jinping in Zhengzhou": a trailing "in <City>" says where, not who; unless a
    name follows it after a comma, the city being part of a title ("the Secretary General of the
    eWTP headquartered in Hangzhou, James Song")."""
    for match in re.finditer(r"\s+in\s+([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)", chain):
        if isinstance(cities().get(match.group(1)), City):
            rest = chain[match.end():]
            if rest.startswith(", ") and split_title_name(rest[2:].strip(" ,."))[1] is not None:
                continue
            return chain[:match.start()]
    return chain


def clauses(sentence: str, side: re.Pattern[str], letters: bool) -> Iterator[tuple[str, bool]]:
    """The text after each clause of a sentence that joins the SCO side to people, and whether
    the clause names them only as attending (which counts only where a meeting is reported)."""
    text = LEAD_PREFIX.sub("", sentence)
    dateline = read_dateline(text)
    text = LEAD_PREFIX.sub("", text[dateline.end:]) if dateline is not None else text
    side_match = side.search(text)
    if side_match is not None:
        for match in CREDENTIALS_FROM.finditer(text, side_match.end()):
            yield text[match.end():match.end() + MAX_CHAIN_CHARS], False
        for match in AFTER_SIDE.finditer(text, side_match.end()):
            chain = text[match.end():match.end() + MAX_CHAIN_CHARS]
            if MEAL_FOR.search(match.group()) and office_heads().isdisjoint(chain.split()[:MEAL_GUEST_WORDS]):
                continue
            yield chain, False
        signed = SIGNED_WITH.match(text, side_match.end())
        if signed is not None:
            yield text[signed.end():signed.end() + MAX_CHAIN_CHARS], False
        addressed = TO_PEOPLE.match(text, side_match.end())
        if addressed is not None and MESSAGE_OF.search(text, max(0, side_match.start() - MESSAGE_OF_WINDOW),
                                                        side_match.start()):
            yield text[addressed.end():addressed.end() + MAX_CHAIN_CHARS], False
        # Apart, as it overlaps the others: "a message addressed to <the SCO side> from <people>".
        for match in CALL_FROM.finditer(text, side_match.end()):
            yield text[match.end():match.end() + MAX_CHAIN_CHARS], False
        joint = JOINT_SUBJECT.match(text, side_match.end())
        if joint is not None:
            rest = text[joint.end():joint.end() + JOINT_MAX_CHARS]
            verb = JOINT_VERBS.search(rest)
            if verb is not None:
                yield rest[:verb.start()], False
        # "<people> and <the SCO side> (, on Friday,) discussed": the side named second.
        if JOINT_BEFORE.search(text, max(0, side_match.start() - 6), side_match.start()) and \
                JOINT_VERBS.match(" " + LATE_ADVERBIAL.sub("", text[side_match.end():side_match.end() + JOINT_MAX_CHARS])):
            yield text[max(0, side_match.start() - MAX_CHAIN_CHARS):side_match.start()], False
    for match in BETWEEN.finditer(text):
        first = side.match(text, match.end())
        joiner = AND.match(text, first.end()) if first is not None else None
        if joiner is not None:
            yield text[joiner.end():joiner.end() + MAX_CHAIN_CHARS], False
        elif first is None:  # "between <people> and <the SCO side>"
            second = SECOND_PARTY.search(text, match.end(), match.end() + JOINT_MAX_CHARS)
            if second is not None and side.match(text, second.end()):
                yield text[match.end():second.start()], False
    if side_match is not None:  # (no SCO side anywhere in the sentence: none after a verb either)
        for pattern in (SUBJECT_VERB, SUBJECT_IN_TALKS, SUBJECT_WROTE) if letters else (SUBJECT_VERB, SUBJECT_IN_TALKS):
            verb = pattern.search(text)
            # The talks as an adverbial join the side only right after "with" ("in a meeting with <side>").
            side_after = side.match if pattern is SUBJECT_IN_TALKS else side.search
            if verb is not None and side_after(text, verb.end()) and not side.search(text, 0, verb.start()):
                start = max(0, verb.start() - MAX_CHAIN_CHARS)
                said = SPOKEN_BEFORE.match(text, start, verb.start()) if verb.groupdict().get("spoken") else None
                # Past the last comma or quote, unless it closes an apposition ("X, Minister of Y, said").
                speaker = said.end() if said and text[said.end():verb.start()].strip() else start
                yield text[speaker:verb.start()], False
    if letters:
        for match in MESSAGE_FROM.finditer(sentence):
            yield sentence[match.end():match.end() + MAX_CHAIN_CHARS], False
    meeting = MEETING_SUBJECT.match(text)
    if meeting is not None:
        yield text[meeting.end():meeting.end() + MAX_CHAIN_CHARS], False
    if AGENDA.search(text):
        for match in MEETING_WITH.finditer(text):
            yield text[match.end():match.end() + MAX_CHAIN_CHARS], False
    for pattern in (ATTENDED_BY, PRESENT_BEFORE):
        for match in pattern.finditer(text):
            yield text[match.end():match.end() + MAX_CHAIN_CHARS], True
    for pattern in (HEADED_DELEGATION, ALSO_PRESENT):
        found = pattern.search(text)
        if found is not None and not side.search(text, 0, found.start()):
            yield text[max(0, found.start() - MAX_CHAIN_CHARS):found.start()], True


@lru_cache(maxsize=4096)
def people_in(chain: str) -> tuple[Person, ...]:
    """The people a clause's text names. Kept for texts met again: "the Secretary-General", "Mr
    Norov", a speaker's name open many sentences (a fifth of them in the real set's 196 texts)."""
    chain = ELECTED_AS.sub(", ", LEADING_CIRCUMSTANCE.sub("", chain), count=1)
    body = None
    led_by = LED_BY.search(chain)
    if led_by is not None and (BODY_ONLY.match(chain) or NAMED_BODY.search(chain, 0, led_by.start())):
        body, chain = chain[:led_by.start()], chain[led_by.end():]
    chain = cut(chain)
    if not chain or BODY_ONLY.match(chain):
        return ()
    people = read_people(chain)
    if body:
        people = [_with_body(person, *affiliation_of(body)) for person in people]
    return tuple(people)


def _with_body(person: Person, country: str | None, kind: str | None) -> Person:
    """A delegation's head represents the delegation's body when their own title names no
    country, or names an organisation the body's name makes more precise ("OSCE" -> "OSCE PA")."""
    if country is None:
        return person
    if person.country is None or (person.affiliation_type == kind == AFFILIATION_ORGANISATION):
        return replace(person, country=country, affiliation_type=kind)
    return person


def office_only(chain: str) -> str | None:
    """The office a clause names without its holder ("the Director of the UNESCAP Secretariat's
    Transport Department", "Pakistan's Prime Minister", "the Kyrgyz Foreign Minister"), or None."""
    office = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", cut(LEADING_CIRCUMSTANCE.sub("", chain)))
    words = office.split(" ", 2)
    head = words[1] if len(words) > 1 and affiliation_of(words[0])[0] is not None else words[0]
    return office if head in office_heads() and not PART_SPLIT.search(office) else None
