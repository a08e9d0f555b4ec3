"""The engagement type: meeting, phone_call, video_call, event or other, from the lead's cues."""

from __future__ import annotations

import re

from sco_data.extract.segment import Lead
from sco_data.schema import Person

# Engagement cues, looked for in the lead sentence, then the headline.
PHONE_CUE = re.compile(
    r"\b(?:tele)?phone\s+(?:conversation|call|talks|conference)|\bby\s+(?:tele)?phone\b|\bphoned\b",
    re.I)
VIDEO_CUE = re.compile(
    r"\bvideo[\s-]*conferenc\w*|\bvideo\s+(?:link|call|format|mode|communication)|"
    r"\bonline\s+(?:meeting|talks|conversation|format|mode|conference|event|session|seminar|forum|"
    r"round\s+table|roundtable|lecture|briefing|exhibition|dialogue|ceremony|presentation|course)|"
    r"\bvirtual\s+(?:meeting|talks|format|conference)|\bvia\s+(?:zoom|video)|\bin\s+(?:an?\s+)?online\b|"
    r"\bremotely\b|\bwebinar\b",
    re.I)
LETTER_CUE = re.compile(
    r"\b(?:letter|message|congratulat\w*|greetings?|condolences?|telegram|statement|appeal|"
    r"(?:sent|sends|addressed|addresses)\s+(?:a\s+)?(?:letter|message|greetings))\b",
    re.I)
BILATERAL_CUE = re.compile(
    r"\b(?:met|meets|meet|held\s+(?:a\s+)?(?:meeting|talks|consultations)|had\s+(?:a\s+)?(?:meeting|talks)|"
    r"talks\s+with|meeting\s+with|meeting\s+between|received|receives|spoke\s+with|talked\s+with|"
    r"conferred|courtesy\s+call|introductory\s+visit|farewell\s+visit)\b")
EVENT_CUE = re.compile(
    r"\b(?:forum|conference|summit|session|council|ceremony|exhibition|expo|lecture|briefing|"
    r"webinar|seminar|symposium|round\s+table|roundtable|festival|visit|visited|visits|visiting|"
    r"took\s+part|take\s+part|takes\s+part|taking\s+part|participated|participates|attended|attends|"
    r"addressed|addresses|speech|spoke\s+at|speaks\s+at|address|opening|presentation|reception|"
    r"celebration|event|games|marathon|competition|contest|concert|congress|workshop|"
    r"dialogue|meeting\s+of|meetings\s+of|was\s+held|were\s+held|took\s+place|hosted|"
    r"presented|launched|opened|gave\s+a\s+lecture|delivered)\b",
    re.I)


def extract_engagement_type(lead: Lead | None, title: str | None,
                            counterparts: tuple[Person, ...]) -> str:
    """meeting, phone_call, video_call, event or other, from the lead sentence's cues."""
    texts = [text for text in ((lead.sentence if lead else None), title) if text]
    for text in texts:
        if PHONE_CUE.search(text):
            return "phone_call"
    for text in texts:
        bilateral = bool(counterparts) or BILATERAL_CUE.search(text) is not None
        letter = LETTER_CUE.search(text)
        if letter and not counterparts:
            return "other"
        if counterparts or (bilateral and not EVENT_CUE.search(text)):
            return "video_call" if VIDEO_CUE.search(text) else "meeting"
        if EVENT_CUE.search(text) or VIDEO_CUE.search(text):
            return "event"
        if bilateral:
            return "meeting"
    return "other"

