"""Places that are places: not a city inside the SCO's own name, not a province taken for a city,
not the host of another, dated event; a dateline never stands for a site's name."""

from __future__ import annotations

import datetime as dt

import pytest

import sco_data
from sco_data.extract.datelines import Dateline, read_dateline
from sco_data.extract.places import DOUBT_DATELINE
from sco_data.schema import Doubt


@pytest.mark.parametrize(("text", "city"), [
    ("On 8 July 2024, the Shanghai Cooperation Organisation Forum on Green Development took place in Qingdao.",
     "Qingdao"),
    ("On 4 May 2018, the 13th meeting of the Shanghai Cooperation Organisation Forum began. It was opened by "
     "the Deputy Secretary-General.", None),
    ("From 8 to 11 August 2022, SCO Deputy Secretary-General Sohail Khan visited Zhengzhou and a number of "
     "industrial plants in Henan.", "Zhengzhou"),
    ("On 12 June 2017, SCO Secretary-General Rashid Alimov held a news conference on the results of the year's "
     "main event: the SCO summit that took place on 8-9 June 2017 in Astana.", None),
    ("BEIJING: SCO Deputy Secretary-General Sohail Khan met with Arzybek Orozbekov, Minister of Energy of "
     "Kyrgyzstan.\n\nDuring a meeting held in Tashkent, the sides discussed energy, according to the SCO "
     "Secretariat here.", "Tashkent"),
    ("On 3 May 2024, SCO Secretary-General Zhang Ming opened an exhibition in the heart of the second largest "
     "city in Hubei Province, Yichang.", "Yichang"),
    ("On 3 May 2024, SCO Secretary-General Zhang Ming took part in a forum in the capital of Kyrgyzstan, Bishkek.",
     "Bishkek"),
    # A city that closes the name of the site the engagement was at.
    ("On 20 August 2022, SCO Secretary-General Zhang Ming delivered a lecture at the Institute of Strategic "
     "Studies Islamabad (ISSI).", "Islamabad"),
    ("On 20 August 2022, SCO Secretary-General Zhang Ming met the Director of the Institute of Strategic Studies "
     "Islamabad Sohail Mahmood.", None),
    # A capital named by its country, and a city after its country's possessive.
    ("On 12 April 2023, Foreign Minister of Kazakhstan Murat Nurtleu met with SCO Secretary-General Zhang Ming "
     "in the Kazakh capital.", "Astana"),
    ("On 12 April 2023, Zhang Ming met with X Y in the capital of the Kyrgyz Republic.", "Bishkek"),
    ("On 12 April 2023, Zhang Ming met with X Y in the Kyrgyz capital Bishkek.", "Bishkek"),
    ("On 20 August 2022, SCO Secretary-General Zhang Ming met with the Governor of Samarkand Region Erkinjon "
     "Turdimov in Uzbekistan's Samarkand.", "Samarkand"),
    # A dateline in capitals names the city as prose does, so one city is written one way.
    ("NUR-SULTAN, April 5. /TASS/. Foreign Minister of Kazakhstan Mukhtar Tileuberdi held talks with Secretary "
     "General of the Shanghai Cooperation Organization Vladimir Norov.", "Nur-Sultan"),
])
def test_the_place_of_the_engagement(text: str, city: str | None) -> None:
    assert sco_data.parse_release(text).location_city == city


@pytest.mark.parametrize(("text", "city"), [
    # Later sentences of the lead speak of other places: the dateline's city stands.
    ("BEIJING, May 3 (Xinhua) -- Chinese Vice President Han Zheng met SCO Secretary-General Zhang Ming here on "
     "Friday. Han said China supports Kazakhstan in hosting the summit in Astana.", "Beijing"),
    ("TASHKENT, May 3 (UzA) -- President Shavkat Mirziyoyev received Zhang Ming, Secretary-General of the SCO. "
     "The sides discussed preparations for events in Samarkand.", "Tashkent"),
    # The host of a coming event is no place of the engagement.
    ("BEIJING, May 3 (Xinhua) -- Han Zheng met SCO Secretary-General Zhang Ming to discuss preparations for "
     "the summit to be held in Tianjin.", "Beijing"),
    # The dateline's own sentence, or "held in" in the next paragraph, places it elsewhere.
    ("BEIJING, May 3 (Xinhua) -- SCO Secretary-General Zhang Ming met with Foreign Minister of Kazakhstan Murat "
     "Nurtleu in Tianjin.", "Tianjin"),
    # A site's name ending in a town's only after "of" or "for", and not placed elsewhere.
    ("On 20 August 2022, SCO Secretary-General Zhang Ming gave a lecture at the Hall of Peace and Concord.", None),
    ("On 20 August 2022, SCO Secretary-General Zhang Ming spoke at the Centre for International Studies Shanghai "
     "in Beijing.", "Beijing"),
])
def test_a_datelines_city_against_the_other_places_of_the_lead(text: str, city: str | None) -> None:
    assert sco_data.parse_release(text).location_city == city


@pytest.mark.parametrize("dateline", ["ISLAMABAD:", "ISLAMABAD (Dawn) -", "Islamabad, March 9, 2022 (APP) -",
                                      "ISLAMABAD. DAWN –", "Islamabad, APP –", "Islamabad /APP/."])
def test_a_dateline_alone_gives_the_place_with_a_doubt(dateline: str) -> None:
    release = sco_data.parse_release(f"{dateline} Foreign Minister Shah Mahmood Qureshi on Wednesday received "
                                     "Secretary-General of the SCO Zhang Ming.\n\nThey spoke at the ministry.")
    assert release.location_city == "Islamabad"
    assert [doubt.reason for doubt in release.doubts if doubt.field == "location_city"] == [DOUBT_DATELINE]


def test_a_sites_name_over_a_dash_is_no_dateline() -> None:
    assert read_dateline("SCO - Shanghai Cooperation Organisation") is None
    assert read_dateline("On Tuesday, 10 September 2019, SCO Secretary-General Vladimir Norov met X.") is None
    assert read_dateline("Beijing, Monday, July 6, 2023").date == dt.date(2023, 7, 6)
    assert read_dateline("Zhang Ming (SCO) - the official") is None
    assert read_dateline("BEIJING: The Secretary-General met ...").city == "BEIJING"
    # A country between the city and the date is the dateline's; a sentence's is not.
    assert read_dateline("BAKU, Azerbaijan, February 8. The minister met ...") == Dateline(
        "BAKU", None, len("BAKU, Azerbaijan, February 8. "), "February 8", "Azerbaijan")
    assert read_dateline("Moscow, Russia, is the host.") is None
    assert read_dateline("Tashkent, Uzbekistan (UzA) -- On 3 May") == Dateline(
        "Tashkent", None, len("Tashkent, Uzbekistan (UzA) -- "), None, "Uzbekistan")
    assert read_dateline("Islamabad, 2023-11-14 (Press Release): The") == Dateline(
        "Islamabad", dt.date(2023, 11, 14), len("Islamabad, 2023-11-14 (Press Release): "), "2023-11-14", "Pakistan")
    assert read_dateline("Phnom Penh, May 17, 2023 AKP -- H.E.").end == len("Phnom Penh, May 17, 2023 AKP -- ")
    # A city the gazetteer knows, and a colon; not any word before a colon.
    assert read_dateline("Doha: Minister of State X met ...") == Dateline("Doha", None, len("Doha: "), None, "Qatar")
    assert read_dateline("Note: the text") is None and read_dateline("Zhang Ming: the SCO is ...") is None


@pytest.mark.parametrize(("lead", "name", "title"), [
    ("Tashkent, Uzbekistan (UzA) -- On the 3rd of May 2023, Acting Minister of Foreign Affairs of Uzbekistan Bakhtiyor "
     "Saidov met with", "Bakhtiyor Saidov", "Acting Minister of Foreign Affairs of Uzbekistan"),
    ("DUSHANBE, 14.02.2024 /NIAT Khovar/. Today, the Minister of Foreign Affairs of Tajikistan Sirojiddin Muhriddin "
     "received", "Sirojiddin Muhriddin", "Minister of Foreign Affairs of Tajikistan"),
    ("Phnom Penh, May 17, 2023 AKP -- H.E. Prak Sokhonn, Deputy Prime Minister of Cambodia, received",
     "Prak Sokhonn", "Deputy Prime Minister of Cambodia"),
])
def test_what_opens_a_lead_after_its_dateline_is_no_part_of_a_title(lead: str, name: str, title: str) -> None:
    release = sco_data.parse_release(f"{lead} the Secretary-General of the SCO Zhang Ming.\n\nThey talked.")
    assert [(person.name, person.title) for person in release.counterparts] == [(name, title)]


def test_a_dateline_on_a_line_of_its_own_heads_the_lead() -> None:
    release = sco_data.parse_release("Baku, September 9, AZERTAC\n\nMinister of Foreign Affairs of Azerbaijan Jeyhun "
                                     "Bayramov has had a phone conversation with Secretary-General of the SCO Nurlan "
                                     "Yermekbayev.\n\nThey discussed transport.")
    assert (release.title, release.engagement_type, release.warnings) == (None, "phone_call", ("no engagement date found",))
    assert [person.name for person in release.counterparts] == ["Jeyhun Bayramov"]


@pytest.mark.parametrize("dateline", ["ASTANA. KAZINFORM –", "Astana, KAZINFORM -"])
def test_an_agency_in_capitals_after_the_city_is_a_dateline_and_no_part_of_a_title(dateline: str) -> None:
    release = sco_data.parse_release(f"{dateline} Chairman of the Senate of Kazakhstan Maulen Ashimbayev met with "
                                     "Secretary-General of the SCO Zhang Ming.\n\nThey discussed the summit.")
    assert [(person.name, person.title) for person in release.counterparts] == [
        ("Maulen Ashimbayev", "Chairman of the Senate of Kazakhstan")]
    assert release.location_city == "Astana"


def test_a_city_with_its_source_in_brackets_and_a_dash_is_a_dateline() -> None:
    release = sco_data.parse_release("Hanoi (VNA) – Deputy Minister of Foreign Affairs Do Hung Viet received Zhang "
                                     "Ming, Secretary-General of the SCO, on November 7.")
    assert read_dateline("Hanoi (VNA) – Deputy Minister").end == len("Hanoi (VNA) – ")
    assert [(person.name, person.title) for person in release.counterparts] == [
        ("Do Hung Viet", "Deputy Minister of Foreign Affairs")]


@pytest.mark.parametrize(("text", "name"), [
    ("BEIJING: Deputy Secretary-General of Shanghai Cooperation Organization (SCO), Sohail Khan met with X Y.",
     "Sohail Khan"),
    ("In her welcoming speech to forum delegates, Deputy Secretary-General Aizada Subakozhoyeva noted the role "
     "of the SCO.", "Aizada Subakozhoyeva"),
    ("In his message wishing a happy birthday to Abdulaziz Kamilov, SCO Secretary-General Rashid Alimov said "
     "that he valued their work.", "Rashid Alimov"),
    ("CGTN's Gao Ang talked to Zhang Ming, Secretary-General of the Shanghai Cooperation Organization, about "
     "the region.", "Zhang Ming"),
])
def test_the_sco_official_in_news_agency_phrasings(text: str, name: str) -> None:
    assert sco_data.parse_release(text).sco_official == name


def test_a_state_named_like_a_town_abroad_is_no_city_of_that_town() -> None:
    text = ("Panaji, May 4 (Agency): Minister of External Affairs of India Ravi Menon held a bilateral meeting with "
            "SCO Secretary-General Zhang Ming in Goa. India holds the presidency this year.")
    release = sco_data.parse_release(text)
    assert release.location_city != "Goa" and release.location_country != "Philippines"
    assert [(person.name, person.country) for person in release.counterparts] == [("Ravi Menon", "India")]


@pytest.mark.parametrize(("region", "city"), [("Yunnan Province of the People's Republic of China", "Kunming"),
                                              ("the Sughd region of Tajikistan", "Khujand")])
def test_a_visit_to_a_province_finds_its_city_in_the_next_paragraph(region: str, city: str) -> None:
    release = sco_data.parse_release(
        f"From 8 to 11 April 2024, SCO Secretary-General Zhang Ming paid a working visit to {region}.\n\n"
        f"In {city}, Zhang Ming met with the Governor Li Wenhai. They discussed trade.")
    assert (release.location_city, release.location_country) == (city, "China" if city == "Kunming" else "Tajikistan")
    assert [(person.name, person.country) for person in release.counterparts] == [
        ("Li Wenhai", "China" if city == "Kunming" else "Tajikistan")]


@pytest.mark.parametrize("lead", ["On 22 May 2023, SCO Deputy Secretary-General Sohail Khan met with the Governor of "
                                  "Yunnan Province Wang Yubo.",
                                  "From 22 to 24 May 2023, SCO Deputy Secretary-General Sohail Khan paid a working visit "
                                  "to Yunnan Province and met with the Governor Wang Yubo."])
def test_a_place_of_something_planned_is_not_where_the_meeting_was(lead: str) -> None:
    text = (f"{lead}\n\nThey discussed tea exports.\n\nSohail Khan proposed to hold a presentation of Yunnan's tea "
            "producers at the SCO Secretariat.")
    assert sco_data.parse_release(text).location_city is None
    assert sco_data.parse_release(text.replace("proposed to hold", "recalled")).location_city == "Beijing"


@pytest.mark.parametrize(("words", "city"), [("A week after the SCO summit in Astana granted Belarus membership,", "Beijing"),
                                             ("On the sidelines of the SCO summit in Astana,", "Astana")])
def test_the_host_of_an_event_the_engagement_came_after_is_not_its_place(words: str, city: str) -> None:
    text = (f"BEIJING, July 11 (Xinhua) -- {words} SCO Secretary-General Zhang Ming met here with Belarusian "
            "Ambassador to China Yuri Senko.")
    assert sco_data.parse_release(text).location_city == city


@pytest.mark.parametrize("stay", [", who is in Moscow on a working visit", ""])
def test_a_coming_summits_host_after_the_lead_does_not_outrank_the_dateline(stay: str) -> None:
    text = (f"MOSCOW, February 12. /TASS/. Russian Deputy Foreign Minister Andrei Rudenko held talks with SCO "
            f"Secretary-General Nurlan Yermekbayev{stay}.\n\nThe sides discussed the preparations for the summit to "
            "be held in Tianjin in 2025.")
    release = sco_data.parse_release(text)
    assert (release.location_city, release.counterparts[0].country) == ("Moscow", "Russia")
    assert (Doubt("location_city", DOUBT_DATELINE) in release.doubts) == (not stay)
    held = sco_data.parse_release(text.replace("summit to be held in Tianjin", "talks held in Kazan"))
    assert held.location_city == ("Moscow" if stay else "Kazan")
