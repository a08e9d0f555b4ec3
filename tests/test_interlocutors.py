"""Counterparts in any grammatical direction and wherever the release names them (our own
sentences, written in the styles of the Secretariat and of news agencies)."""

from __future__ import annotations

import pytest

import sco_data


def people(text: str) -> list[tuple[str, str | None]]:
    return [(person.name, person.country) for person in sco_data.parse_release(text).counterparts]


@pytest.mark.parametrize(("text", "expected"), [
    # The SCO official as the object.
    ("BEIJING, March 3 (Agency) -- Chinese Foreign Minister Wang Yi met with SCO Secretary-General Vladimir "
     "Norov here on Wednesday.", [("Wang Yi", "China")]),
    ("On September 14, Deputy Foreign Minister of Russia Igor Ivanenko met in Moscow with Secretary-General of "
     "the Shanghai Cooperation Organisation Rashid Alimov.", [("Igor Ivanenko", "Russia")]),
    ("Minister of External Affairs of India S Raghavan held a bilateral meeting with the Secretary General of "
     "Shanghai Cooperation Organisation (SCO), Zhang Ming in New Delhi.", [("S Raghavan", "India")]),
    ("Anita Verma, Deputy Chief of Mission, Embassy of India on Wednesday met new SCO Secretary-General Zhang "
     "Ming and briefed him on the plans.", [("Anita Verma", "India")]),
    ("The prospects of cooperation were discussed between the Minister of Defence of Belarus, Pavel Orlov, and "
     "the SCO Secretary-General Nurlan Yermekbayev.", [("Pavel Orlov", "Belarus")]),
    # Titles after a comma, a place after the name, a participle that is no verb.
    ("On 3 May 2021, SCO Secretary-General Vladimir Norov held a meeting with Pakistan's Ambassador to China, "
     "Moin-ul-Rashid.", [("Moin-ul-Rashid", "Pakistan")]),
    ("On 3 May 2021, SCO Secretary-General Vladimir Norov met with Vice Minister of Foreign Affairs of China "
     "Qin Haiyang at the Ministry of Foreign Affairs of China.", [("Qin Haiyang", "China")]),
    ("On 15 May 2023, SCO Secretary-General Zhang Ming received the newly appointed Ambassador of the Republic "
     "of Chile to China Pablo Ramos.", [("Pablo Ramos", "Chile")]),
    ("On 2 May 2023, SCO Secretary-General Zhang Ming met with Kazakhstan's Vice Minister of Healthcare Daulet "
     "Sultanov.", [("Daulet Sultanov", "Kazakhstan")]),
    # A name of many parts: its particles are no words of its length.
    ("Doha: Minister of State at the Ministry of Foreign Affairs Dr Mohamed bin Abdulaziz bin Saleh al-Khulaifi met "
     "yesterday with Secretary-General of the SCO Zhang Ming.", [("Mohamed bin Abdulaziz bin Saleh al-Khulaifi", "Qatar")]),
    # A letter's addressee with the title after the name, then what it was about.
    ("Bishkek, July 21 / Kabar /. Secretary-General of the Shanghai Cooperation Organization Nurlan Yermekbayev "
     "sent a letter of condolence to Sadyr Japarov, President of the Kyrgyz Republic, in connection with the "
     "mudflows that claimed human lives.", [("Sadyr Japarov", "Kyrgyzstan")]),
    # A national parliament's name is its country's and no part of a name.
    ("Ulaanbaatar /MONTSAME/. Chairman of the State Great Khural D.Amarbayasgalan received SCO Secretary-General "
     "Zhang Ming on May 30, 2023.", [("D.Amarbayasgalan", "Mongolia")]),
    # Co-chairs of consultations between two bodies.
    ("Minsk, 12 April 2017 – Consultations between the SCO Secretariat and the CIS Executive Committee were held. "
     "The consultations were co-chaired by SCO Secretary-General Rashid Alimov and Chairman of the CIS Executive "
     "Committee Sergei Lebedev.", [("Sergei Lebedev", "CIS")]),
    # The talks as an adverbial of the subject.
    ("Tehran, IRNA -- Iranian Foreign Minister Ali Rezaei in a telephone conversation with Secretary-General of the "
     "Shanghai Cooperation Organization Zhang Ming on Saturday discussed Iran's role.", [("Ali Rezaei", "Iran")]),
    ("On 3 May 2023, Foreign Minister of Nepal Ram Thapa, during talks with SCO Secretary-General Zhang Ming, noted "
     "the role of the SCO.", [("Ram Thapa", "Nepal")]),
    # Named in a sentence of their own, in talks.
    ("On 3 June 2019, the President of Kyrgyzstan received the Secretary-General of the SCO Vladimir Norov. "
     "Jusup Asanov noted the role of the organisation in the region.", [("Jusup Asanov", "Kyrgyzstan")]),
    ("On 2 February 2023, Zhang Ming received the Ambassador of Nepal to China. During the meeting, Ambassador "
     "Hari Prasad Sharma expressed Nepal's wish to deepen cooperation.", [("Hari Prasad Sharma", "Nepal")]),
    # Met in a province, not a city: the dateline's country is the host's.
    ("Margao (Goa) [India], May 4 (ANI): External Affairs Minister Ravi Kumar held a meeting with the SCO "
     "Secretary-General Zhang Ming in Goa.", [("Ravi Kumar", "India")]),
    ("ISLAMABAD: Pakistan's Prime Minister received the Secretary-General of the SCO, Zhang Ming, on 10 October "
     "2024. Ali Raza said Pakistan looked forward to the meeting.", [("Ali Raza", "Pakistan")]),
    # A speaker whose own title is not the office's beginning does not take it.
    ("On 3 June 2019, Zhang Ming was received by the Vice President of Kazakhstan. President Askar Bekov noted "
     "the role of the organisation.", [("Askar Bekov", None)]),
    ("ASTANA, 22 May 2024 – The President of Kazakhstan received the Secretary-General of the SCO Zhang Ming. "
     "Askar Bekov noted the role of the organisation.", [("Askar Bekov", "Kazakhstan")]),
    ("On 16 March 2023, SCO Secretary-General Zhang Ming attended a working lunch hosted by Russian Foreign "
     "Minister Ivan Petrov in Moscow. Ivan Petrov informed Zhang Ming about Russia's views.", [("Ivan Petrov", "Russia")]),
    ("On 5 July 2017, SCO Secretary-General Rashid Alimov met with the Director of the UNESCAP Secretariat's "
     "Transport Department. The roundtable involved Li Weiping, Director of UNESCAP Secretariat's Transport "
     "Department, and experts.", [("Li Weiping", "UNESCAP")]),
])
def test_counterparts_in_any_direction_and_sentence(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert people(text) == expected


def test_a_speaker_at_a_forum_is_no_counterpart() -> None:
    text = ("On 3 March 2023, SCO Secretary-General Zhang Ming took part in the opening of the Forum on Digital "
            "Economy in Bishkek. Talant Asanov, Minister of Digital Development of Kyrgyzstan, noted the "
            "growth of the sector.")
    assert people(text) == []


def test_a_word_cut_at_the_end_of_a_text_is_no_name() -> None:
    text = ("On 7 June 2021, SCO Secretary-General Vladimir Norov had an online meeting with a delegation. "
            "Vladimir Norov welcomed Alibaba Grou")
    assert people(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("On 25 October 2021, Secretaries general of the Association of Southeast Asian Nations (ASEAN) and the "
     "Shanghai Cooperation Organization (SCO), Tran Van Hai and Vladimir Norov, on Friday discussed cooperation.",
     [("Tran Van Hai", "ASEAN")]),
])
def test_a_joint_subject_naming_the_official_second(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert people(text) == expected


def test_a_paragraph_recalling_earlier_news_names_no_counterpart_place_or_topic() -> None:
    text = ("Kyrgyz minister meets SCO chief\n\nBISHKEK, June 12 (Kabar) - Foreign Minister of Kyrgyzstan Temir "
            "Asanov received SCO Secretary-General Zhang Ming in Bishkek on 12 June 2023.\n\nThe sides discussed "
            "the railway corridor and transport links.\n\nEarlier, it was reported that Zhang Ming met with "
            "Chairman of the Cabinet of Ministers Bolot Usenov in Osh to discuss trade, tourism and culture.")
    release = sco_data.parse_release(text)
    assert [person.name for person in release.counterparts] == ["Temir Asanov"]
    assert (release.location_city, release.topics) == ("Bishkek", ("transport_logistics",))


def test_an_official_of_no_named_country_on_a_call_takes_none_from_the_dateline() -> None:
    """The dateline may be the SCO side's: "BEIJING (Xinhua) -- ... held a telephone conversation"."""
    text = ("BEIJING, June 2 (Xinhua) -- SCO Secretary-General Zhang Ming held a telephone conversation with Foreign "
            "Minister Ali Raza on Friday.")
    assert people(text) == [("Ali Raza", None)]


@pytest.mark.parametrize(("title", "country"), [("Joint Secretary", "Kazakhstan"),
                                                ("President", None), ("Executive Vice-President", None)])
def test_an_official_of_no_named_country_met_where_the_engagement_was_is_the_hosts(title: str, country: str | None) -> None:
    text = (f"ASTANA, 3 March 2025 (Kazinform) - {title} Askar Bekov received SCO Secretary-General Nurlan "
            "Yermekbayev in Astana.\n\nThey discussed trade.")
    assert people(text) == [("Askar Bekov", country)]


@pytest.mark.parametrize("sentence", ["Foreign Minister Jeenbek Kulubaev took part in the meeting.",
                                      "Also present were Foreign Minister Jeenbek Kulubaev and others.",
                                      "Also taking part in the talks was Foreign Minister Jeenbek Kulubaev."])
def test_people_named_as_attending_talks_in_person_or_by_video_are_counterparts(sentence: str) -> None:
    for how in ("received", "held a video conference with"):
        text = (f"BISHKEK, 5 June 2024 (Kabar) - President of Kyrgyzstan Sadyr Japarov {how} SCO Secretary-General "
                f"Zhang Ming.\n\n{sentence}")
        # In person, the host's official; by video, the dateline may be either side's.
        host = "Kyrgyzstan" if how == "received" else None
        assert people(text) == [("Sadyr Japarov", "Kyrgyzstan"), ("Jeenbek Kulubaev", host)]


def test_taking_part_in_a_council_meeting_is_no_attendance_of_talks() -> None:
    text = ("On 5 June 2024, SCO Secretary-General Zhang Ming met with President of Kyrgyzstan Sadyr Japarov.\n\n"
            "Foreign Minister Jeenbek Kulubaev took part in the meeting of the Council of Foreign Ministers.")
    assert people(text) == [("Sadyr Japarov", "Kyrgyzstan")]


@pytest.mark.parametrize("sentence", ["Separately, Minister of Information Ali Tarar said the visit was a success.",
                                      "Minister of Information Ali Tarar told journalists the visit was a success."])
def test_one_who_speaks_to_the_press_or_of_another_matter_is_no_counterpart(sentence: str) -> None:
    text = ("ISLAMABAD, Oct 15 (APP): Prime Minister of Pakistan Shehbaz Sharif received SCO Secretary-General Zhang "
            f"Ming.\n\n{sentence}")
    assert people(text) == [("Shehbaz Sharif", "Pakistan")]
    assert people(text.replace(sentence, "Minister of Information Ali Tarar noted the role of the SCO.")) == [
        ("Shehbaz Sharif", "Pakistan"), ("Ali Tarar", "Pakistan")]
