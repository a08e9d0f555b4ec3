"""The engagement type: meeting, phone_call, video_call, event or other.

Read from the headline and the lead, in the order the annotation rules settle conflicts: a
telephone call; a press conference; talks with people the lead names (by video when it says
so); a reception for or by a named person; letters, messages, statements, interviews, articles
and observer missions; a speech given in full; a visit during which people were met; any
forum, session, ceremony or other event; and otherwise "other".
"""

from __future__ import annotations

import re

from sco_data.extract.clauses import MEAL
from sco_data.extract.findings import Finding
from sco_data.extract.paragraphs import split_sentences
from sco_data.extract.pattern_shortcuts import starting_with
from sco_data.extract.segment import Document

# Each cue is tried only where one of its words can begin (the first letters given to
# starting_with, matched regardless of case as the cue is).
PHONE_CUE = starting_with("boprt",
    r"\b(?:tele)?phone\s+(?:conversation|call|talks|conference)|\b(?:by|on|over)\s+(?:the\s+)?(?:tele)?phone\b|\bphoned\b"
    r"|\bphone\s+talks\b|\breceived\s+an?\s+(?:(?:tele)?phone\s+)?call\s+from\b",
    re.I)
VIDEO_CUE = starting_with("hiorvw",
    r"\bvideo[\s-]*conferenc\w*|\bvideo\s+(?:link|call|format|mode|communication|message|meeting|talks|conversation)|"
    r"\bonline\s+(?:meeting|talks|conversation|format|mode|conference|event|session|seminar|forum|"
    r"round\s+table|roundtable|lecture|briefing|exhibition|dialogue|ceremony|presentation|course)|"
    r"\bvirtual\s+(?:meeting|talks|conversation|format|conference|mode)|\bvia\s+(?:zoom|video)|"
    r"\bremotely\b|\bwebinar\b"
    # "online" on its own ("took part online", "held online"), in lower case only, so not a name's
    # word ("People's Daily Online"), and not as the kind of thing discussed ("online shopping").
    r"|\b(?-i:online)\b(?!\s+(?:shopping|shops?|stores?|platforms?|trade|sales|commerce|payments?|services?|marketplaces?|retail|education|banking|learning|courses?))",
    re.I)
# In person and online at once: the place still counts.
HYBRID_CUE = starting_with("hio",
                           r"\bhybrid\b|\bonline\s+and\s+offline\b|\boffline\s+and\s+online\b|\bin\s+person\s+and\s+online\b", re.I)
PRESS_CUE = starting_with("bmnp",
                          r"\b(?:press|news|media)\s+(?:conference|briefing)\b|\bbriefing\b|\bpress\s+approach\b", re.I)
# Talks in person: a verb that joins the SCO side to people.
BILATERAL_CUE = starting_with("bcdfhilmrstw",
    r"\b(?:met|meets|meet|(?:held|had|holds|has|hold)\s+(?:a\s+)?(?:\w+\s+)?(?:meeting|talks|consultations|conversation)|"
    r"talks\s+with|meeting\s+with|(?:meeting|talks)\b[^.;]{0,60}\bbetween|"
    r"(?:received|receives)(?!\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:message|letter|telegram|reply|greetings)s?\b)|"
    r"was\s+received\s+by|"
    r"welcomed|welcomes|spoke\s+with|"
    r"talked\s+with|conferred|courtesy\s+call|introductory\s+visit|farewell\s+visit|"
    rf"{MEAL}\s+(?:with|for))\b", re.I)
RECEPTION_CUE = starting_with("afir",
                              r"\breception\b|\bat\s+the\s+invitation\s+of\b|\bfarewell\b|\bin\s+honou?r\s+of\b", re.I)
# Letters, messages and statements: what the SCO side wrote or said without meeting anyone.
OTHER_CUE = re.compile(
    r"(?i:\b(?:sent|sends|send|addressed|addresses|wrote|writes)\b[^.;]{0,40}\b(?:message|letter|greetings|"
    r"telegram|congratulations|condolences)\b|"
    r"\b(?:message|letter|greetings|telegram)s?\s+(?:\w+\s+){0,3}(?:to|from|by|addressed)\b|"
    r"\bcongratulat\w*|\bcondolences?\b|\bcondemn\w*|\binterview\w*|\barticle\b|\bop-ed\b|"
    r"\bcolumn\b|\breplying\s+to\s+(?:a\s+)?question|\banswer(?:s|ed)?\s+(?:to\s+)?(?:\w+\s+)?questions|"
    r"\bObserver\s+Mission\b|\bMission\s+of\s+(?:Monitors|Observers)\b|\bmonitor(?:ed|ing|s)?\s+(?:the\s+)?"
    r"(?:\w+\s+){0,4}elections?\b|\bobserv(?:ed|ing)\s+the\s+(?:\w+\s+){0,3}elections?\b)"
    # A statement issued, not a document's title ("the Joint Statement"): case matters here.
    r"|\bstatement\b|\bStatement\s+(?:by|of|on)\b|\bSTATEMENT\b")
# A message read out at an event by someone else: the event is what happened.
READ_OUT = starting_with("cor", r"\bread\s+out\b|\bon\s+(?:behalf\s+of|(?:his|her)\s+behalf)\b|\bconveyed\b", re.I)
# What makes a sentence's event a coming occasion, not the one reported ("The summit will be
# held in Astana"); a paragraph opening "Earlier" tells an earlier one.
COMING_OCCASION = re.compile(r"\b(?:will|shall|upcoming|forthcoming|next)\b|\bto\s+be\s+held\b", re.I)
# How a headline calls a message: a text given in full so called is one ("New Year greetings"),
# and so is one named by its writer ("Greetings of / Letter of SCO Secretary-General ...").
MESSAGE_NOUN = r"\b(?:[Gg]reetings?|[Mm]essage|[Ll]etter|[Tt]elegram|[Cc]ongratulations|[Cc]ondolences)\b"
MESSAGE_TITLE = re.compile(MESSAGE_NOUN)
MESSAGE_OF_TITLE = re.compile(rf"{MESSAGE_NOUN}\s+of\s+(?:the\s+)?(?:SCO\s+)?(?:Deputy\s+)?Secretary")
# Said of the message itself (not "on behalf of the SCO Secretariat and on my own behalf", which
# greetings open with).
READ_OUT_LINE = re.compile(r"\b[Rr]ead\s+out\s+by\b")
VISIT_CUE = starting_with("tv", r"\bvisit(?:ed|s|ing)?\b|\btrip\b|\btour\b", re.I)
# A visit's purpose of preparing an event: "visited Samarkand to review preparations for the
# summit" reports a visit, not the summit.
PREPARING = re.compile(r"\b(?:to\s+(?:review|inspect|check|discuss|prepare|study)|ahead\s+of|in\s+preparation\s+for|"
                       r"preparations?\s+for)\b.*", re.I | re.S)
EVENT_CUE = starting_with("abcdefghlmoprstw",
    r"\b(?:forum|conference|summit|session|council|ceremony|exhibition|expo|lecture|briefing|"
    r"webinar|seminar|symposium|round\s+table|roundtable|festival|celebrations?|celebrated|marked|"
    r"games|marathon|competition|contest|tournament|championship|concert|congress|workshop|dialogue|"
    r"meeting\s+of|meetings\s+of|meeting\s+on|was\s+held|were\s+held|took\s+place|takes\s+place|will\s+be\s+held|hosted|opened|opening|"
    r"took\s+part|take\s+part|takes\s+part|taking\s+part|participated|participates|attended|attends|"
    r"addressed|addresses|speech|spoke\s+at|speaks\s+at|remarks|presentation|reception|event|side\s+event|"
    r"launched|presented|gave\s+a\s+lecture|delivered|screening|open\s+day|day\s+of|"
    r"excursion|training|course|olympiad|fair|week|flag)\b",
    re.I)

MEETING, PHONE_CALL, VIDEO_CALL, EVENT, OTHER = "meeting", "phone_call", "video_call", "event", "other"

# Why a type may be wrong, as the review queue says it.
DOUBT_WEAK = "the type rests on one weak cue"
DOUBT_VISIT = "the type rests on a visit whose meetings are named later"
DOUBT_NO_CUE = "no word of the lead says what kind of engagement it was"
DOUBT_NEXT_PARAGRAPH = "the type rests on the paragraph after the lead"


# Quoted speech: what someone said is not what the release reports happened.
QUOTED = re.compile(r"[\"“«][^\"”»]{0,1000}[\"”»]")


def unquoted(text: str) -> str:
    """The text with its quotations removed."""
    return QUOTED.sub(" ", text)


def is_online(text: str) -> bool:
    """Held by video or online only (a hybrid meeting still has a place)."""
    return VIDEO_CUE.search(text) is not None and HYBRID_CUE.search(text) is None


def _names_an_occasion(paragraph: str) -> bool:
    """The paragraph names an event the official took part in, not a coming or earlier one."""
    if paragraph.startswith("Earlier"):
        return False
    return any(EVENT_CUE.search(sentence) and not COMING_OCCASION.search(sentence)
               for sentence in split_sentences(unquoted(paragraph)))


def extract_engagement_type(document: Document, lead_counterparts: bool, any_counterparts: bool) -> Finding[str]:
    """The engagement type from the headline and lead; `lead_counterparts` says whether the
    headline or lead names people met, `any_counterparts` whether the release does at all."""
    title = document.title or ""
    first = document.lead_sentence
    sentence = document.sentence_text(first) if first is not None else ""
    paragraph = document.lead_text
    opening = unquoted(f"{title}\n{sentence}")
    if PHONE_CUE.search(opening):
        return Finding(PHONE_CALL)
    if PRESS_CUE.search(opening):
        return Finding(EVENT)
    # A message read out at an event by someone else ("Read out by Deputy Secretary-General ...")
    # reports the event, whatever the headline calls it.
    read_out = READ_OUT_LINE.search("\n".join((*document.headings, paragraph))) is not None
    if (OTHER_CUE.search(title) or MESSAGE_OF_TITLE.search(title)) and not BILATERAL_CUE.search(title) and not read_out:
        return Finding(OTHER)
    talks = VIDEO_CALL if is_online(opening) else MEETING
    bilateral = BILATERAL_CUE.search(opening) is not None
    if lead_counterparts and (bilateral or not OTHER_CUE.search(opening)):
        return Finding(talks)
    if lead_counterparts and RECEPTION_CUE.search(unquoted(f"{title}\n{paragraph}")):
        return Finding(MEETING)
    if document.opens_with_salutation:
        # Given in full: a greeting or letter its headline calls so, else a speech.
        heads = "\n".join((title, *document.headings))
        return Finding(OTHER if MESSAGE_TITLE.search(heads) and not read_out else EVENT)
    if OTHER_CUE.search(unquoted(f"{title}\n{paragraph}")) and not READ_OUT.search(paragraph):
        return Finding(OTHER, (), (), () if OTHER_CUE.search(opening) else (DOUBT_WEAK,))
    if any_counterparts and VISIT_CUE.search(opening) and not EVENT_CUE.search(PREPARING.sub("", sentence)):
        return Finding(MEETING, (), (), (DOUBT_VISIT,))
    if EVENT_CUE.search(opening) or (not title and EVENT_CUE.search(paragraph) and not bilateral):
        return Finding(EVENT)
    if lead_counterparts or bilateral:
        return Finding(talks, (), (), (DOUBT_WEAK,))
    if EVENT_CUE.search(paragraph) or VISIT_CUE.search(opening):
        return Finding(EVENT, (), (), (DOUBT_WEAK,))
    # A news report that opens with what was said names the occasion next ("This was stated
    # by ... / Delivering a lecture at ...").
    following = document.after_lead
    if following is not None and _names_an_occasion(document.paragraphs[following]):
        return Finding(EVENT, (), (), (DOUBT_NEXT_PARAGRAPH,))
    return Finding(OTHER, (), (), (DOUBT_NO_CUE,))
