"""Which language a text is in: enough to tell an English release from one in another language.

The writing system decides first (Cyrillic, Chinese, Arabic and other scripts have letters of
their own); a text in Latin letters is English when enough of its words are the little words
every English sentence has. No model, no download: one pass over the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

ENGLISH = "English"
NOT_ENGLISH = "not English"
# Scripts, by the first word of the Unicode name of their letters, and the language a release
# in that script is written in.
SCRIPTS = {"CYRILLIC": "Russian", "CJK": "Chinese", "ARABIC": "Arabic", "DEVANAGARI": "Hindi",
           "HANGUL": "Korean", "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "GEORGIAN": "Georgian",
           "ARMENIAN": "Armenian", "THAI": "Thai", "GREEK": "Greek", "HEBREW": "Hebrew"}
# The words that make up a large share of any English text.
STOP_WORDS = frozenset("""
the of and to in a on for with that is was as by at from be it its this an are were has have had
which he his their they not or but will would also between all been more who other said
""".split())
# An English text has at least this share of stop words among its Latin words (about 0.35 in
# prose); French, German or Uzbek in Latin letters have far fewer.
MIN_STOP_WORD_SHARE = 0.12
# Too few words to judge: taken as English.
MIN_WORDS = 20
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")
# Letters of another script looked at, at most: enough to know the script.
SCRIPT_SAMPLE = 2000


def language_of(text: str) -> str:
    """"English", or the name of the language the text is written in, or "not English"."""
    others = OTHER_LETTER.findall(text)
    words = LATIN_WORD.findall(text)
    if len(others) > sum(map(len, words)):
        scripts = Counter(unicodedata.name(char, "?").split()[0] for char in others[:SCRIPT_SAMPLE])
        script = scripts.most_common(1)[0][0]
        return SCRIPTS.get(script, NOT_ENGLISH)
    if len(words) < MIN_WORDS:
        return ENGLISH
    stop = sum(map(STOP_WORDS.__contains__, map(str.lower, words)))
    return ENGLISH if stop >= MIN_STOP_WORD_SHARE * len(words) else NOT_ENGLISH
