"""Synthetic SCO Secretariat releases for scale benchmarks.

`generate_release(index, seed)` renders one release from ~17 templates modelled on real
Secretariat releases (meetings, telephone conversations, videoconferences, forums, press
conferences, visits, letters, statements) and returns the text together with what the
template intended it to say (date, engagement type, official, counterparts, place, topic),
so the parser's output can be checked against it. `write_synthetic_corpus` writes many of
them into one folder.

Every release depends only on (seed, index), so a corpus of 1,000 is the first 1,000 files
of a corpus of 100,000. Counterpart names are assembled from common name parts: the people
are fictitious; the Secretaries-General and their terms are real.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from bisect import bisect
from itertools import accumulate
from pathlib import Path

FILE_PREFIX = "synthetic_"
DATE_FIRST = dt.date(2016, 1, 11)
DATE_LAST = dt.date(2026, 6, 30)
# Videoconference formats only appear in releases from the pandemic on.
ONLINE_FROM = dt.date(2020, 3, 1)
COVID_FROM, COVID_TO = dt.date(2020, 2, 1), dt.date(2022, 12, 31)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

# (first day of term, full name, short reference in the body)
OFFICIALS = (
    (dt.date(2016, 1, 1), "Rashid Alimov", "Mr Alimov"),
    (dt.date(2019, 1, 1), "Vladimir Norov", "Mr Norov"),
    (dt.date(2022, 1, 1), "Zhang Ming", "Mr Zhang Ming"),
    (dt.date(2025, 1, 1), "Nurlan Yermekbayev", "Mr Yermekbayev"),
)
SCO_ROLE = "Secretary-General"

# SCO summits (Council of Heads of State): date, city. Releases cite the last one.
SUMMITS = (
    (dt.date(2015, 7, 10), "Ufa", "9-10 July 2015"),
    (dt.date(2016, 6, 24), "Tashkent", "23-24 June 2016"),
    (dt.date(2017, 6, 9), "Astana", "8-9 June 2017"),
    (dt.date(2018, 6, 10), "Qingdao", "9-10 June 2018"),
    (dt.date(2019, 6, 14), "Bishkek", "13-14 June 2019"),
    (dt.date(2020, 11, 10), "Moscow", "10 November 2020"),
    (dt.date(2021, 9, 17), "Dushanbe", "16-17 September 2021"),
    (dt.date(2022, 9, 16), "Samarkand", "15-16 September 2022"),
    (dt.date(2023, 7, 4), "New Delhi", "4 July 2023"),
    (dt.date(2024, 7, 4), "Astana", "3-4 July 2024"),
    (dt.date(2025, 9, 1), "Tianjin", "31 August - 1 September 2025"),
)

# Countries: short name, formal name (used now and then), capital, name parts.
# "slavic" marks naming systems where a woman's surname takes -a (Petrov -> Petrova).
COUNTRIES = {
    "Kazakhstan": ("the Republic of Kazakhstan", "Astana", True,
                   ("Askar", "Yerlan", "Marat", "Bakhyt", "Aidar", "Nurbek", "Timur", "Kairat"),
                   ("Saule", "Gulnara", "Aigerim"),
                   ("Suleimenov", "Akhmetov", "Zhaksybekov", "Nurpeisov", "Abdrakhmanov",
                    "Sarsenbayev", "Iskakov", "Kenzhebayev")),
    "Kyrgyzstan": ("the Kyrgyz Republic", "Bishkek", True,
                   ("Almaz", "Kubanychbek", "Taalaibek", "Aibek", "Chyngyz", "Nurlanbek"),
                   ("Aizada", "Cholpon"),
                   ("Asanov", "Toktogulov", "Dzhumaliev", "Omurbekov", "Sadyrov", "Beishenov")),
    "Tajikistan": ("the Republic of Tajikistan", "Dushanbe", True,
                   ("Sirojiddin", "Nizomiddin", "Farrukh", "Davlat", "Jamshed", "Khurshed"),
                   ("Zarina", "Nigina"),
                   ("Sharipov", "Nazarov", "Saidov", "Khudoiberdiev", "Mirzoev", "Rahimov")),
    "Uzbekistan": ("the Republic of Uzbekistan", "Tashkent", True,
                   ("Bakhtiyor", "Sardor", "Jamshid", "Ulugbek", "Bakhrom", "Akmal"),
                   ("Dilnoza", "Gulnora", "Malika"),
                   ("Yusupov", "Tursunov", "Rakhimov", "Khodjaev", "Ismoilov", "Alimjanov")),
    "Russia": ("the Russian Federation", "Moscow", True,
               ("Alexei", "Sergei", "Dmitry", "Igor", "Andrei", "Mikhail", "Pavel"),
               ("Yelena", "Olga", "Natalia", "Irina"),
               ("Petrov", "Sokolov", "Morozov", "Volkov", "Lebedev", "Kuznetsov", "Orlov")),
    "China": ("the People's Republic of China", "Beijing", False,
              ("Wang Lei", "Li Jun", "Chen Hong", "Liu Yang", "Zhao Wei", "Sun Qiang", "Xu Ping",
               "Zhou Li", "Huang Min", "Guo Dong", "He Jian", "Ma Hui", "Yang Fan", "Hu Bin"),
              (), ()),
    "India": ("the Republic of India", "New Delhi", False,
              ("Rajesh", "Anil", "Sanjay", "Vikram", "Arvind", "Suresh"),
              ("Priya", "Meera", "Anjali"),
              ("Sharma", "Verma", "Gupta", "Iyer", "Menon", "Reddy", "Kapoor")),
    "Pakistan": ("the Islamic Republic of Pakistan", "Islamabad", False,
                 ("Tariq", "Asif", "Farhan", "Khalid", "Naveed", "Usman"),
                 ("Ayesha", "Saima", "Nadia"),
                 ("Hussain", "Qureshi", "Malik", "Chaudhry", "Javed", "Siddiqui")),
    "Iran": ("the Islamic Republic of Iran", "Tehran", False,
             ("Mohammad", "Ali", "Reza", "Hossein", "Mehdi", "Hamid"),
             ("Maryam", "Fatemeh"),
             ("Ahmadi", "Hosseini", "Rezaei", "Karimi", "Moradi", "Jafari")),
    "Belarus": ("the Republic of Belarus", "Minsk", False,
                ("Alexander", "Viktor", "Andrei", "Yuri", "Vladimir"),
                ("Natalia", "Tatiana"),
                ("Karpovich", "Lukashevich", "Sidorenko", "Petrenko", "Kovalenko")),
    "Mongolia": ("Mongolia", "Ulaanbaatar", False,
                 ("Ganbold", "Tsogtbaatar", "Batbayar", "Enkhtuvshin", "Munkhbat"),
                 ("Oyunchimeg", "Sarantuya"),
                 ("Dorj", "Bold", "Gombo", "Tseren", "Baatar")),
    "Sri Lanka": ("the Democratic Socialist Republic of Sri Lanka", "Colombo", False,
                  ("Palitha", "Chaminda", "Kapila", "Ruwan"),
                  ("Nilanthi", "Dilrukshi"),
                  ("Perera", "Fernando", "Jayasuriya", "Wickramasinghe", "Gunawardena")),
    "Turkey": ("the Republic of Turkey", "Ankara", False,
               ("Mehmet", "Ahmet", "Emre", "Murat", "Kemal"),
               ("Zeynep", "Elif"),
               ("Yilmaz", "Demir", "Kaya", "Celik", "Ozturk")),
    "Cambodia": ("the Kingdom of Cambodia", "Phnom Penh", False,
                 ("Sok", "Chea", "Vuthy", "Sophal", "Dara"),
                 ("Sreymom", "Channary"),
                 ("Vanna", "Sokha", "Rithy", "Kosal")),
    "Nepal": ("Nepal", "Kathmandu", False,
              ("Ram", "Bishnu", "Krishna", "Hari", "Narayan"),
              ("Sita", "Sarita"),
              ("Khanal", "Thapa", "Adhikari", "Paudel", "Shrestha")),
    "Azerbaijan": ("the Republic of Azerbaijan", "Baku", True,
                   ("Elchin", "Rashad", "Anar", "Vugar", "Farid"),
                   ("Leyla", "Gunel"),
                   ("Mammadov", "Huseynov", "Guliyev", "Hasanov", "Ismayilov")),
    "Armenia": ("the Republic of Armenia", "Yerevan", False,
                ("Armen", "Tigran", "Davit", "Karen", "Levon"),
                ("Anna", "Lilit"),
                ("Petrosyan", "Sargsyan", "Hakobyan", "Grigoryan", "Harutyunyan")),
    "Egypt": ("the Arab Republic of Egypt", "Cairo", False,
              ("Ahmed", "Mohamed", "Hany", "Tarek", "Sherif"),
              ("Nermeen", "Rania"),
              ("El-Sayed", "Abdelrahman", "Mansour", "Fahmy", "Shoukry")),
    "Qatar": ("the State of Qatar", "Doha", False,
              ("Khalid", "Abdullah", "Faisal", "Hamad"),
              ("Noora",),
              ("Al-Kuwari", "Al-Mannai", "Al-Sulaiti", "Al-Hajri")),
    "Saudi Arabia": ("the Kingdom of Saudi Arabia", "Riyadh", False,
                     ("Abdulaziz", "Faisal", "Saud", "Turki"),
                     ("Haifa",),
                     ("Al-Otaibi", "Al-Harbi", "Al-Qahtani", "Al-Ghamdi")),
    "Vietnam": ("the Socialist Republic of Vietnam", "Hanoi", False,
                ("Nguyen Van Hung", "Tran Duc Minh", "Le Quang Huy", "Pham Thanh Son"),
                (), ()),
    "Malaysia": ("Malaysia", "Kuala Lumpur", False,
                 ("Ahmad", "Azman", "Hafiz", "Rizal"),
                 ("Siti", "Nurul"),
                 ("bin Ismail", "bin Hassan", "bin Abdullah", "bin Yusof")),
}
COUNTRY_NAMES = tuple(COUNTRIES)
FOREIGN_COUNTRIES = tuple(c for c in COUNTRY_NAMES if c != "China")  # ambassadors to China
# Countries whose ministers the Secretary-General visits (member states and observers).
VISIT_COUNTRIES = ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan", "Russia", "India",
                   "Pakistan", "Iran", "Belarus", "Mongolia")
# Kazakhstan's capital was called Nur-Sultan from March 2019 to September 2022.
NUR_SULTAN = (dt.date(2019, 3, 23), dt.date(2022, 9, 17))

# Topic ids, in the taxonomy order of the design, and the ministries that go with them.
TOPICS = ("health", "covid19", "ecommerce", "women", "security", "economy_trade",
          "culture_humanitarian", "transport_logistics", "digital_tech", "agriculture",
          "tourism", "education_science", "energy")
MINISTRIES = {
    "health": "Health", "covid19": "Health", "ecommerce": "Commerce",
    "women": "Labour and Social Protection", "security": "Internal Affairs",
    "economy_trade": "Economy and Trade", "culture_humanitarian": "Culture",
    "transport_logistics": "Transport", "digital_tech": "Digital Development",
    "agriculture": "Agriculture", "tourism": "Tourism",
    "education_science": "Education and Science",
    "energy": "Energy",
}

# Forums: name, city, topic. Dates come from the release.
FORUMS = (
    ("International Medical Innovation and Cooperation Forum", "Fangchenggang", "health"),
    ("SCO Forum on Traditional Medicine", "Nanning", "health"),
    ("SCO Women's Forum", "Beijing", "women"),
    ("Forum of Women Entrepreneurs of the SCO Countries", "Tashkent", "women"),
    ("Global Conference on Cross-Border E-Commerce", "Zhengzhou", "ecommerce"),
    ("SCO Forum on the Digital Economy", "Chongqing", "digital_tech"),
    ("China-SCO Local Economic and Trade Cooperation Forum", "Qingdao", "economy_trade"),
    ("China-Eurasia Expo", "Urumqi", "economy_trade"),
    ("Tashkent International Investment Forum", "Tashkent", "economy_trade"),
    ("International Conference on Countering Terrorism and Extremism", "Dushanbe", "security"),
    ("SCO Transport and Logistics Forum", "Xi'an", "transport_logistics"),
    ("International Forum on Agricultural Cooperation of the SCO Countries", "Yangling",
     "agriculture"),
    ("SCO Tourism Forum", "Samarkand", "tourism"),
    ("SCO Media Forum", "Qingdao", "culture_humanitarian"),
    ("Forum of Rectors of the SCO University", "Moscow", "education_science"),
    ("SCO Energy Forum", "Astana", "energy"),
    ("Kunming International Forum on Connectivity", "Kunming", "transport_logistics"),
)
ONLINE_EVENTS = (
    ("webinar on countering the spread of COVID-19 in the SCO region", "covid19"),
    ("online conference on women's entrepreneurship in the digital age", "women"),
    ("international online conference on the development of e-commerce", "ecommerce"),
    ("online round table on food security in the SCO space", "agriculture"),
    ("online forum on digital transformation and innovation", "digital_tech"),
    ("videoconference of experts on countering drug trafficking", "security"),
    ("online seminar on cultural heritage and tourism", "tourism"),
)

# Chinese provinces and a city in each, for the regional-official template.
PROVINCES = (
    ("Henan Province", "Zhengzhou"), ("Shandong Province", "Qingdao"),
    ("Guangxi Zhuang Autonomous Region", "Nanning"), ("Shaanxi Province", "Xi'an"),
    ("Yunnan Province", "Kunming"), ("Xinjiang Uygur Autonomous Region", "Urumqi"),
    ("Hainan Province", "Haikou"), ("Fujian Province", "Xiamen"),
)
UNIVERSITIES = (
    ("Peking University", "Beijing"), ("Tsinghua University", "Beijing"),
    ("Shanghai International Studies University", "Shanghai"),
    ("University of World Economy and Diplomacy", "Tashkent"),
    ("L.N. Gumilyov Eurasian National University", "Astana"),
    ("Moscow State Institute of International Relations (MGIMO)", "Moscow"),
    ("Tajik National University", "Dushanbe"),
)

# International organisations: official's title, organisation name as a country stands in.
ORGANISATIONS = (
    ("Secretary-General of the Association of Southeast Asian Nations", "ASEAN"),
    ("Chairman of the Executive Committee and Executive Secretary of the CIS", "CIS"),
    ("Secretary General of the Collective Security Treaty Organisation", "CSTO"),
    ("Assistant Director-General of UNESCO", "UNESCO"),
    ("Executive Secretary of the UN Economic and Social Commission for Asia and the Pacific",
     "United Nations"),
    ("Regional Representative of the UN Office on Drugs and Crime", "United Nations"),
    ("Secretary General of the Conference on Interaction and Confidence-Building Measures in Asia",
     "CICA"),
    ("Secretary-General of the Economic Cooperation Organization", "ECO"),
)
ORG_PEOPLE = ("Anan Wongsakul", "Sergei Ivanenko", "Armida Rahman", "Marco Rinaldi",
              "Anna Lindqvist", "Tomas Berger", "Daniel Okafor", "Lucia Moreno", "Farid Nazarov",
              "Elena Dimitrova")

RUSSIAN_CAPTIONS = {
    "meeting": ("В Секретариате ШОС состоялась встреча Генерального секретаря ШОС",
                "Генеральный секретарь ШОС провёл встречу с официальной делегацией"),
    "phone_call": ("Генеральный секретарь ШОС провёл телефонный разговор",),
    "video_call": ("Генеральный секретарь ШОС провёл переговоры в режиме видеоконференции",),
    "event": ("Генеральный секретарь ШОС принял участие в международном форуме",
              "Выступление Генерального секретаря ШОС"),
    "other": ("Заявление Генерального секретаря ШОС",),
}

# Body paragraphs per topic. Placeholders: {sg} short reference ("Mr Norov"), {sgf} full
# name, {the_sg} "The Secretary-General", {partner} a country or "the SCO countries".
TOPIC_PARAGRAPHS = {
    "health": (
        "{sg} noted that the SCO emphasises cooperation in healthcare, including efforts to "
        "counter infectious diseases. In conformity with the inter-governmental agreement on "
        "cooperation in health care, the SCO has developed sustainable bilateral and multilateral "
        "cooperation between its member states in this area, including joint training of medical "
        "personnel and the exchange of experience between hospitals and research institutes.",
        "{discussed} cooperation in health, in particular the plan of events on healthcare "
        "cooperation within the SCO, the development of telemedicine, traditional medicine and "
        "the sanitary and epidemiological well-being of the population. {the_sg} said that the "
        "health ministers of the SCO countries meet regularly and that their experts work on "
        "early warning of epidemics and on access to medicines and vaccines.",
        "{sgf} emphasised that healthcare and medical science are among the most promising areas "
        "of practical interaction. Hospitals, medical universities and pharmaceutical companies "
        "of {partner} could take a greater part in the joint projects, from the prevention of "
        "infectious diseases to maternal and child health and medical tourism.",
    ),
    "covid19": (
        "{discussed} the coronavirus pandemic and the SCO's efforts to counter "
        "its spread. {sg} noted that the pandemic of COVID-19 had become a serious test for all "
        "countries and that the SCO member states had supported each other with medical supplies, "
        "protective equipment and the exchange of information on the epidemiological situation.",
        "{the_sg} informed {interlocutor} about the meetings of experts from the health ministries "
        "of the SCO countries held via videoconference, where the participants reviewed the "
        "epidemiological situation and discussed the prospects for enhancing cooperation on "
        "countering COVID-19, including the joint production and distribution of vaccines.",
        "{sg} noted that it is unacceptable to politicise the pandemic, which is a global "
        "challenge to the entire international community and requires a concerted effort by all "
        "states. {sgf} stressed that the coronavirus had also shown the importance of restoring "
        "supply chains and mitigating the socioeconomic consequences of the pandemic.",
    ),
    "ecommerce": (
        "{sg} noted the rapid growth of cross-border e-commerce in the SCO region. Online trade, "
        "digital payment systems and modern logistics centres open new opportunities for small and "
        "medium-sized businesses, and the SCO countries are working on a common approach to the "
        "regulation of electronic commerce.",
        "{discussed} the development of e-commerce platforms, the simplification of "
        "customs procedures for parcels and the creation of an SCO e-commerce alliance. {the_sg} "
        "said that cross-border e-commerce between the SCO countries had grown several times over "
        "in recent years and that online marketplaces had become a bridge for the producers of "
        "{partner}.",
        "{sgf} emphasised the importance of digital trade for the recovery of the regional economy "
        "and proposed holding a series of training events for entrepreneurs on selling goods "
        "online and using the electronic commerce infrastructure of the SCO member states.",
    ),
    "women": (
        "{sg} noted the growing role of women in social and political development and praised the "
        "work of the SCO Women's Forum, which brings together women leaders, entrepreneurs and "
        "public figures from the SCO countries. He said that the protection of the rights of women "
        "and children and gender equality remain important areas of cooperation.",
        "{discussed} the results of the SCO Women's Forum and the work of the SCO Women's "
        "Council. {the_sg} emphasised the contribution of women's organisations to people's "
        "diplomacy and proposed further joint events on women's entrepreneurship, leadership and "
        "the empowerment of women in the digital economy.",
        "{sgf} praised the women's federations and associations of {partner} for their social "
        "programmes, their work with international organisations on gender policy and their "
        "support for women and girls in education, science and business.",
    ),
    "security": (
        "{sg} noted that ensuring regional security and stability remains a priority of the SCO. "
        "He spoke about the work of the SCO Regional Anti-Terrorist Structure, joint counter-"
        "terrorism exercises and the efforts of the member states to counter terrorism, separatism "
        "and extremism, drug trafficking and transnational organised crime.",
        "{discussed} the situation in the region, including in Afghanistan, and "
        "on cooperation in information security and the fight against cross-border crime. "
        "{the_sg} emphasised that the SCO member states are firmly committed to the peaceful "
        "settlement of disputes and to strengthening mutual trust in the military field.",
        "{sgf} said that the SCO Anti-Drug Strategy and the programme of cooperation in countering "
        "terrorism, separatism and extremism provide a solid basis for practical interaction, and "
        "that {partner} could contribute to the joint efforts of the law enforcement agencies.",
    ),
    "economy_trade": (
        "{sg} noted the high potential for trade and economic cooperation in the SCO region. The "
        "total trade of the SCO member states continues to grow, and the organisation is working "
        "to improve the investment climate, remove trade barriers and promote joint projects in "
        "industry, finance and infrastructure.",
        "{discussed} the implementation of the Programme of Multilateral Trade and Economic "
        "Cooperation and the SCO Economic Development Strategy. {the_sg} emphasised the role of "
        "the SCO Business Council and the SCO Interbank Association in financing joint investment "
        "projects and the growing use of national currencies in mutual settlements.",
        "{sgf} said that the economy and trade remain the driving force of cooperation and that "
        "exhibitions, fairs and investment forums help the business communities of {partner} and "
        "the SCO countries find new partners and markets.",
    ),
    "culture_humanitarian": (
        "{sg} emphasised the importance of cultural and humanitarian ties for strengthening "
        "friendship and mutual understanding among the peoples of the SCO countries. He spoke "
        "about the SCO festivals of arts, film festivals, exhibitions and the work of the SCO "
        "Centre for People's Diplomacy.",
        "{discussed} joint cultural events, including exhibitions, concerts and days of "
        "culture, as well as cooperation among museums, libraries and the media. {the_sg} noted "
        "that the cultural heritage of the peoples of the region, from the Great Silk Road to the "
        "present day, is a shared treasure of the SCO family.",
        "{sgf} highlighted the role of people's diplomacy, youth exchanges and the media in "
        "bringing the peoples of {partner} and the SCO countries closer together and proposed "
        "holding a photo exhibition and a series of cultural events at the SCO Secretariat.",
    ),
    "transport_logistics": (
        "{sg} noted that improving transport connectivity is one of the priorities of the SCO. He "
        "spoke about the development of international road and railway corridors, logistics hubs "
        "and multimodal transport routes linking Central Asia with the seaports of the region.",
        "{discussed} the implementation of the Agreement on the Facilitation of "
        "International Road Transport, the development of railway container services and the "
        "simplification of border crossing procedures. {the_sg} emphasised that efficient "
        "logistics reduces costs for exporters and importers.",
        "{sgf} said that the geographical position of {partner} opens opportunities for transit "
        "transport, and that new transport corridors, dry ports and logistics centres would "
        "strengthen the connectivity of the SCO space.",
    ),
    "digital_tech": (
        "{sg} emphasised that the digital economy, innovation and new technologies are becoming "
        "an engine of growth in the SCO region. He spoke about cooperation in artificial "
        "intelligence, smart cities, digital infrastructure and the exchange of experience "
        "between technology parks.",
        "{discussed} the development of digital technologies, the SCO concept of "
        "cooperation in digitalisation and information and communication technologies, and the "
        "training of specialists for the digital economy. {the_sg} noted the importance of "
        "bridging the digital divide among the SCO countries.",
        "{sgf} said that start-ups and innovation centres of {partner} could take part in the "
        "SCO forum on the digital economy and in joint research on artificial intelligence, "
        "big data and the digital transformation of industry.",
    ),
    "agriculture": (
        "{sg} noted the importance of cooperation in agriculture and food security. He spoke about "
        "the SCO demonstration base for agricultural technology training, smart agriculture, "
        "water-saving irrigation and the exchange of seeds and technologies among the SCO "
        "countries.",
        "{discussed} food security, trade in agricultural products and the modernisation "
        "of agriculture. {the_sg} emphasised that the agricultural ministers of the SCO countries "
        "had adopted a programme of cooperation in smart agriculture and agricultural innovation.",
        "{sgf} said that the farmers and agricultural producers of {partner} could benefit from "
        "the SCO's work on plant protection, veterinary cooperation and the processing of "
        "agricultural products.",
    ),
    "tourism": (
        "{sg} noted the great potential of tourism in the SCO region, which is home to numerous "
        "UNESCO World Heritage sites. He spoke about the annual selection of the Eight Wonders of "
        "the SCO and the SCO tourism and cultural capital, which help attract tourists from all "
        "over the world.",
        "{discussed} the development of tourism, including cultural, medical and "
        "ecological tourism, the simplification of visa procedures for tourists and the joint "
        "promotion of tourist routes along the Great Silk Road. {the_sg} proposed holding an SCO "
        "tourism exhibition.",
        "{sgf} said that the tourist attractions of {partner} could be presented at the SCO "
        "Secretariat and that tourism exchanges strengthen mutual understanding between peoples.",
    ),
    "education_science": (
        "{sg} emphasised the importance of cooperation in education and science. He spoke about "
        "the SCO University, a network of universities of the member states that trains students "
        "in regional studies, ecology, energy, IT and nanotechnology, and about academic exchanges "
        "between research institutes.",
        "{discussed} joint research, the mutual recognition of diplomas, scholarships for "
        "students from the SCO countries and the work of the SCO Forum of Heads of Scientific "
        "Organisations. {the_sg} noted that universities play a key role in training young "
        "specialists.",
        "{sgf} said that the universities and academies of sciences of {partner} could join the "
        "SCO University network and the joint scientific programmes in education, science and "
        "technology.",
    ),
    "energy": (
        "{sg} noted that energy cooperation is one of the pillars of the SCO's economic agenda. He "
        "spoke about the SCO Energy Club, the development of renewable energy sources, the "
        "modernisation of power grids and energy efficiency.",
        "{discussed} cooperation in the oil and gas sector, hydropower, solar and wind "
        "energy and the transition to green energy. {the_sg} emphasised that the energy ministers "
        "of the SCO countries had adopted a concept of cooperation in the energy sector.",
        "{sgf} said that energy projects with the participation of {partner} could contribute to "
        "the energy security of the region and to the development of clean energy technologies.",
    ),
}

# Paragraphs about the SCO in general. {prev_summit} etc. put other dates in the body,
# which the parser must not take for the engagement date.
GENERAL_PARAGRAPHS = (
    "{the_sg} informed {interlocutor} about the SCO's current activities and the implementation "
    "of the decisions of the {prev_city} summit of the SCO Heads of State held on {prev_summit}. "
    "He noted that a number of important documents were adopted there that define the "
    "priorities of the organisation for the coming years.",
    "{sg} noted the dynamic development of the SCO, which has become an important platform for "
    "maintaining regional security and developing diverse cooperation. He recalled that the SCO "
    "Charter, signed in St Petersburg on 7 June 2002, enshrines the principles of mutual trust, "
    "mutual benefit, equality, respect for cultural diversity and the pursuit of common "
    "development.",
    "{sgf} emphasised the role of the SCO Secretariat in coordinating cooperation among the member "
    "states, observer states and dialogue partners. He said that the Secretariat is ready to assist "
    "in developing cooperation between {partner} and interested countries in the SCO region.",
    "\"The SCO's capacity is enormous, and joint efforts are needed to implement it in full. The "
    "SCO can promote cooperation in such practical areas as the economy and trade, transport and "
    "logistics, and people-to-people exchanges. In this cooperation, we see a great role for joint "
    "projects of our countries,\" {sgf} said.",
    "{discussed} the further promotion of people's diplomacy in the SCO member "
    "states and the preparations for the events planned under the current chairmanship of the "
    "organisation.",
)
# Paragraphs with a day and month but no year, placed after the lead of a release.
EARLIER_PARAGRAPHS = (
    "He also noted that on {earlier} of this year the foreign ministers of the SCO member states "
    "had approved a draft plan of events, which is expected to be endorsed at the next summit.",
    "{sg} recalled the meeting of the Council of National Coordinators of the SCO member states "
    "held on {earlier_us}, which reviewed the preparations for the forthcoming events.",
)
# What a counterpart says: meetings and calls only. {cp_ref} "Mr Petrov" or the full name.
COUNTERPART_PARAGRAPHS = (
    "{cp_ref}, in turn, informed the SCO Secretary-General about the priorities and recent "
    "achievements of {partner}. {cp_he} emphasised that {partner} attaches great importance to "
    "cooperation within the SCO and would continue to promote it in different areas.",
    "{cp_ref} noted the vigorous activity of the SCO Secretariat and the topicality of its "
    "proposals, and expressed confidence that through a concerted effort the SCO countries would "
    "achieve further success in the organisation's development.",
    "\"We highly appreciate the role of the SCO in strengthening regional security and economic "
    "cooperation. We are ready to expand our interaction with the SCO Secretariat in the areas "
    "discussed today,\" {cp_ref} said.",
)
# The paragraph right after the lead, by template style.
OPENINGS = {
    "talks": (
        "Having welcomed {cp_ref}, {sg} noted the long-standing and productive cooperation between "
        "{partner} and the SCO and the importance of regular contacts at various levels.",
        "Having thanked {sg} for the opportunity to exchange views, {cp_ref} noted the dynamic "
        "development of the SCO and its growing international prestige.",
        "At the beginning of the {conversation}, the sides discussed issues of interaction between "
        "{partner} and the organisation and ways of developing comprehensive cooperation.",
    ),
    "event": (
        "In his speech, {sg} thanked the organisers for the invitation and noted that the event had "
        "become an important platform for dialogue among the SCO countries.",
        "Addressing the participants, {sgf} emphasised the relevance of the topics on the agenda and "
        "the SCO's readiness to support practical initiatives in this area.",
    ),
    "press": (
        "{sg} answered journalists' questions about the SCO's activities, the results of the past "
        "year and the organisation's plans for the coming months.",
    ),
    "lecture": (
        "{sg} told the students about the history of the SCO, its structure and the main areas of "
        "cooperation, and answered their questions.",
    ),
    "letter": (
        "In his letter, {sg} congratulated {cp_ref} and the people of {partner} on their national "
        "holiday and wished them peace and prosperity.",
    ),
    "statement": (
        "In his statement, {sg} emphasised that the SCO, guided by the Shanghai spirit of mutual "
        "trust, mutual benefit, equality and consultation, has become an influential organisation.",
    ),
}
# The last paragraph, by template style.
ENDINGS = {
    "talks": (
        "In conclusion, the officials expressed confidence that cooperation between {partner} and "
        "the SCO would continue to develop.",
        "At the end of the {conversation}, the sides agreed to maintain regular contacts and to "
        "continue working together on the issues discussed.",
        "In conclusion, {sg} wished his interlocutor every success and expressed hope for further "
        "fruitful cooperation.",
        "The sides agreed to continue the dialogue and to work out a plan of joint events for the "
        "coming year.",
    ),
    "event": (
        "The event was attended by representatives of the SCO member states, observer states and "
        "dialogue partners, international organisations, business circles and the media.",
        "Following the event, the participants adopted a final document with recommendations on "
        "further cooperation.",
        "More than 300 participants from over 20 countries took part in the work of the forum.",
    ),
    "press": ("The press conference was attended by more than 40 journalists from Chinese and "
              "foreign media.",),
    "lecture": ("At the end of the lecture, {sg} presented the university library with books about "
                "the SCO.",),
    "letter": ("{sg} expressed confidence that cooperation between {partner} and the SCO would "
               "continue to grow stronger.",),
    "statement": ("The Secretary-General called on all member states to continue their joint efforts "
                  "for peace, stability and prosperity in the region.",),
}
# How paragraphs refer to the discussion and the audience, by template style.
DISCUSSED = {"talks": ("The sides discussed", "The officials discussed",
                       "The sides also discussed"),
             "event": ("The participants discussed",), "press": ("The journalists asked about",),
             "lecture": ("The students asked about",),
             "letter": ("The Secretary-General also mentioned",),
             "statement": ("The Secretary-General also addressed",)}
AUDIENCE = {"talks": "his interlocutor", "event": "the participants", "press": "the journalists",
            "lecture": "the students", "letter": "the addressee", "statement": "the public"}
CONVERSATION = {"meeting": "meeting", "phone_call": "conversation", "video_call": "talks"}

# Templates. kind: the counterpart ("ambassador", "minister", "org", "regional", "forum",
# "online", "press", "lecture", "none"). online: only from ONLINE_FROM on.
TEMPLATES = (
    dict(name="ambassador_meeting", type="meeting", weight=18, kind="ambassador",
         headlines=("SCO Secretary-General {official} meets with {cp_title} {cp_name}",
                    "SCO Secretary-General meets with Ambassador of {country} to China"),
         leads=("On {date}, {sg_title} {official} met with {cp_title} {cp_name} at the SCO "
                "Secretariat.",
                "On {date}, {sg_title} {official} received {cp_title} {cp_name} at the SCO "
                "Secretariat in Beijing.")),
    dict(name="ambassador_farewell", type="meeting", weight=4, kind="ambassador",
         headlines=("SCO Secretary-General meets with {cp_title} {cp_name}",),
         leads=("On {date}, {sg_title} {official} met with {cp_title} {cp_name}, whose "
                "diplomatic mission in China is coming to an end, at the SCO Secretariat.",)),
    dict(name="minister_visit", type="meeting", weight=8, kind="minister",
         headlines=("SCO Secretary-General {official} meets with {cp_title} {cp_name}",
                    "SCO Secretary-General visits {country}"),
         leads=("On {date}, as part of his working visit to {country}, {sg_title} {official} "
                "met with {cp_title} {cp_name} in {city}.",
                "On {date}, {sg_title} {official}, who is on a working visit to {country}, held "
                "talks with {cp_title} {cp_name} in {city}.")),
    dict(name="sidelines_meeting", type="meeting", weight=7, kind="forum_person",
         headlines=("SCO Secretary-General {official} meets with {cp_title} {cp_name}",),
         leads=("On {date}, {sg_title} {official} met with {cp_title} {cp_name} on the sidelines "
                "of the {forum} in the city of {city} ({forum_days}). The officials discussed the "
                "prospects for cooperation in practical terms.",)),
    dict(name="regional_meeting", type="meeting", weight=4, kind="regional",
         headlines=("SCO Secretary-General meets with {cp_title} {cp_name}",),
         leads=("On {date}, {sg_title} {official} met with {cp_title} {cp_name} in {city}, as "
                "part of his participation in the {forum}.",)),
    dict(name="org_meeting", type="meeting", weight=6, kind="org",
         headlines=("SCO Secretary-General {official} meets with {cp_title} {cp_name}",),
         leads=("On {date}, {sg_title} {official} met with {cp_title} {cp_name} at the SCO "
                "Secretariat.",
                "On {date}, {sg_title} {official} held talks with {cp_title} {cp_name} at the "
                "SCO Secretariat in Beijing.")),
    dict(name="delegation_reception", type="meeting", weight=5, kind="minister",
         headlines=("SCO Secretary-General receives delegation from {country}",),
         leads=("On {date}, {sg_title} {official} received a delegation from {country} headed by "
                "{cp_title} {cp_name} at the SCO Secretariat.",)),
    dict(name="phone_minister", type="phone_call", weight=8, kind="minister_remote",
         headlines=("SCO Secretary-General has a telephone conversation with {cp_title}",
                    "SCO Secretary-General {official} holds telephone talks with {cp_title} "
                    "{cp_name}"),
         leads=("On {date}, {sg_title} {official} had a telephone conversation with {cp_title} "
                "{cp_name}.",
                "On {date}, {sg_title} {official} held a telephone conversation with {cp_title} "
                "{cp_name}.")),
    dict(name="phone_org", type="phone_call", weight=3, kind="org_remote",
         headlines=("SCO Secretary-General has a telephone conversation with {cp_title}",),
         leads=("On {date}, {sg_title} {official} had a telephone conversation with {cp_title} "
                "{cp_name}.",)),
    dict(name="video_talks", type="video_call", weight=6, kind="minister_remote", online=True,
         headlines=("SCO Secretary-General holds talks via videoconference with {cp_title}",),
         leads=("On {date}, {sg_title} {official} held talks via videoconference with "
                "{cp_title} {cp_name}.",)),
    dict(name="online_meeting", type="video_call", weight=4, kind="org_remote", online=True,
         headlines=("SCO Secretary-General holds online meeting with {cp_title} {cp_name}",),
         leads=("On {date}, {sg_title} {official} held an online meeting with {cp_title} "
                "{cp_name}.",)),
    dict(name="forum_speech", style="event", type="event", weight=8, kind="forum",
         headlines=("SCO Secretary-General takes part in the {forum}",
                    "SCO Secretary-General {official} speaks at the {forum}"),
         leads=("On {date}, {sg_title} {official} took part in the {forum} in {city} "
                "({forum_days}) and delivered a speech at its plenary session.",
                "On {date}, {sg_title} {official} addressed the opening ceremony of the {forum} "
                "in {city}.")),
    dict(name="online_event", style="event", type="event", weight=5, kind="online", online=True,
         headlines=("SCO Secretary-General takes part in {online_event}",),
         leads=("On {date}, {sg_title} {official} took part in the {online_event} held via "
                "videoconference and delivered a welcoming speech.",)),
    dict(name="press_conference", style="press", type="event", weight=3, kind="press",
         headlines=("SCO Secretary-General holds press conference",),
         leads=("On {date}, {sg_title} {official} held a press conference at the SCO Secretariat "
                "for Chinese and foreign media on the results of the {prev_city} summit and the "
                "priorities of the organisation.",)),
    dict(name="lecture", style="lecture", type="event", weight=4, kind="lecture",
         headlines=("SCO Secretary-General gives lecture at {university}",),
         leads=("On {date}, {sg_title} {official} gave a lecture on the SCO's role in the modern "
                "world to students and faculty of {university} in {city}.",)),
    dict(name="letter", style="letter", type="other", weight=3, kind="ambassador",
         headlines=("SCO Secretary-General sends letter of congratulations",),
         leads=("On {date}, {sg_title} {official} sent a letter of congratulations to {cp_title} "
                "{cp_name} on the national day of {country}.",)),
    dict(name="statement", style="statement", type="other", weight=4, kind="none",
         headlines=("Statement by the SCO Secretary-General",),
         leads=("On {date}, {sg_title} {official} made a statement on the anniversary of the "
                "signing of the SCO Charter.",
                "On {date}, {sg_title} {official} issued a statement in connection with the "
                "International Day of Friendship.")),
)
OFFLINE_TEMPLATES = tuple(t for t in TEMPLATES if not t.get("online"))
_CUM_ALL = tuple(accumulate(t["weight"] for t in TEMPLATES))
_CUM_OFFLINE = tuple(accumulate(t["weight"] for t in OFFLINE_TEMPLATES))
_DAY_SPAN = (DATE_LAST - DATE_FIRST).days


def _pick_template(rng: random.Random, date: dt.date) -> dict:
    """A template by weight, among those that fit the date."""
    if date >= ONLINE_FROM:
        templates, cum = TEMPLATES, _CUM_ALL
    else:
        templates, cum = OFFLINE_TEMPLATES, _CUM_OFFLINE
    return templates[bisect(cum, rng.random() * cum[-1])]


def _official(date: dt.date) -> tuple[str, str]:
    """The Secretary-General in office on the date: (full name, short reference)."""
    current = OFFICIALS[0]
    for term in OFFICIALS:
        if date >= term[0]:
            current = term
    return current[1], current[2]


def _summits_around(date: dt.date) -> tuple[str, str]:
    """The last summit before the date: (city, dates as written)."""
    last = SUMMITS[0]
    for summit in SUMMITS:
        if summit[0] < date:
            last = summit
    return last[1], last[2]


def _person(rng: random.Random, country: str) -> tuple[str, str]:
    """A plausible, fictitious person from the country: (name, how the body refers to them)."""
    _formal, _capital_name, slavic, men, women, surnames = COUNTRIES[country]
    if not surnames:  # whole names, family name first: "Mr Wang Lei"
        name = rng.choice(men)
        return name, f"Mr {name}"
    if women and rng.random() < 0.2:
        surname = rng.choice(surnames)
        if slavic and surname.endswith(("ov", "ev", "in")):
            surname += "a"
        name, honorific = f"{rng.choice(women)} {surname}", "Ms"
    else:
        name, honorific = f"{rng.choice(men)} {rng.choice(surnames)}", "Mr"
    if " bin " in name or rng.random() < 0.5:
        return name, name
    return name, f"{honorific} {name.rsplit(' ', 1)[1]}"


def _country_phrase(rng: random.Random, country: str) -> str:
    """The country as a title writes it: mostly short, sometimes formal."""
    return COUNTRIES[country][0] if rng.random() < 0.25 else country


def _topic_for(rng: random.Random, date: dt.date, preferred: str | None = None) -> str:
    topic = preferred or rng.choice(TOPICS)
    if topic == "covid19" and not COVID_FROM <= date <= COVID_TO:
        topic = "health"
    return topic


def _city_country(city: str) -> str:
    for country, data in COUNTRIES.items():
        if data[1] == city:
            return country
    return {"Samarkand": "Uzbekistan", "Nur-Sultan": "Kazakhstan"}.get(city, "China")


def _place(values: dict, city: str, date: dt.date) -> None:
    if city == "Astana" and NUR_SULTAN[0] <= date < NUR_SULTAN[1]:
        city = "Nur-Sultan"
    values.update(city=city, location_country=_city_country(city))


def _fill_occasion(rng: random.Random, kind: str, date: dt.date, values: dict) -> None:
    """Forum, online event, university or press room: fill values (topic, place)."""
    if kind in ("forum", "forum_person"):
        forum, city, topic = rng.choice(FORUMS)
        last_day = min(date.day + rng.randint(0, 3), 28)
        month_year = f"{MONTHS[date.month - 1]} {date.year}"
        days = f"{date.day}-{last_day} {month_year}" if last_day > date.day else \
            f"{date.day} {month_year}"
        values.update(forum=forum, forum_days=days, topic=_topic_for(rng, date, topic))
        _place(values, city, date)
    elif kind == "online":
        event, topic = rng.choice(ONLINE_EVENTS)
        values.update(online_event=event, topic=_topic_for(rng, date, topic))
    elif kind == "press":
        _place(values, "Beijing", date)
    elif kind == "lecture":
        university, city = rng.choice(UNIVERSITIES)
        values["university"] = university
        _place(values, city, date)


def _fill_counterpart(rng: random.Random, kind: str, date: dt.date, values: dict) -> list[dict]:
    """Choose who (and for most meetings where) for the template kind; fill values."""
    if kind == "ambassador":
        country = rng.choice(FOREIGN_COUNTRIES)
        if rng.random() < 0.5:
            phrase = _country_phrase(rng, country)
            title = f"Ambassador Extraordinary and Plenipotentiary of {phrase} to China"
        else:
            title = f"Ambassador of {country} to China"
        _place(values, "Beijing", date)
    elif kind in ("minister", "minister_remote"):
        country = rng.choice(VISIT_COUNTRIES)
        portfolio = MINISTRIES[values["topic"]] if rng.random() < 0.6 else "Foreign Affairs"
        rank = "Minister" if rng.random() < 0.6 else "Deputy Minister"
        title = f"{rank} of {portfolio} of {_country_phrase(rng, country)}"
        if values["template"] == "minister_visit":
            _place(values, COUNTRIES[country][1], date)
        elif kind == "minister":
            _place(values, "Beijing", date)
    elif kind in ("org", "org_remote"):
        title, country = rng.choice(ORGANISATIONS)
        name = rng.choice(ORG_PEOPLE)
        values.update(cp_title=title, cp_name=name, cp_ref=name, cp_he="The guest",
                      partner=country if country in ("ASEAN", "UNESCO") else f"the {country}")
        if kind == "org":
            _place(values, "Beijing", date)
        return [{"name": name, "title": title, "country": country}]
    elif kind == "regional":
        province, city = rng.choice(PROVINCES)
        title = f"{rng.choice(('Vice Governor', 'Governor'))} of {province}"
        country = "China"
        values["forum"] = rng.choice(FORUMS)[0]
        _place(values, city, date)
    elif kind == "forum_person":
        country = rng.choice(COUNTRY_NAMES)
        title = f"Minister of {MINISTRIES[values['topic']]} of {_country_phrase(rng, country)}"
    else:
        return []
    name, ref = _person(rng, country)
    values.update(cp_title=title, cp_name=name, cp_ref=ref, partner=country, country=country,
                  cp_he="She" if ref.startswith("Ms ") else "He")
    return [{"name": name, "title": title, "country": country}]


def _body(rng: random.Random, template: dict, values: dict) -> list[str]:
    """The paragraphs after the lead, unformatted, in a plausible order."""
    style = template.get("style", "talks")
    topic = values["topic"]
    topic_paras = list(TOPIC_PARAGRAPHS[topic])
    rng.shuffle(topic_paras)
    other = tuple(t for t in TOPICS if t not in (topic, "covid19", "health"))
    general = list(GENERAL_PARAGRAPHS)
    rng.shuffle(general)
    body = [rng.choice(OPENINGS[style]), topic_paras[0], general[0]]
    if "earlier" in values:
        body.append(rng.choice(EARLIER_PARAGRAPHS))
    body.append(topic_paras[1])
    talks = style == "talks" and "cp_ref" in values
    if talks:
        body.append(COUNTERPART_PARAGRAPHS[rng.randrange(3)])
    body += [rng.choice(TOPIC_PARAGRAPHS[rng.choice(other)]), general[1], topic_paras[2]]
    if talks:
        body.append(rng.choice(COUNTERPART_PARAGRAPHS))
    body += general[2:]
    return body


def generate_release(index: int, seed: int = 0) -> tuple[str, dict]:
    """Render release number `index` of corpus `seed`: (text, what the template intended)."""
    rng = random.Random(seed * 1_000_003 + index)
    date = DATE_FIRST + dt.timedelta(days=rng.randrange(_DAY_SPAN + 1))
    template = _pick_template(rng, date)
    style = template.get("style", "talks")
    official, short = _official(date)
    prev_city, prev_summit = _summits_around(date)
    values = {
        "template": template["name"],
        "date": f"{date.day} {MONTHS[date.month - 1]} {date.year}",
        "official": official, "sg": short, "sgf": official, "the_sg": "The Secretary-General",
        "sg_title": "SCO Secretary-General" if rng.random() < 0.85
        else "Secretary-General of the Shanghai Cooperation Organisation",
        "prev_city": prev_city, "prev_summit": prev_summit,
        "partner": "the SCO countries", "city": None, "location_country": None,
        "topic": _topic_for(rng, date),
        "discussed": rng.choice(DISCUSSED[style]), "interlocutor": AUDIENCE[style],
        "conversation": CONVERSATION.get(template["type"], "event"),
    }
    kind = template["kind"]
    _fill_occasion(rng, kind, date, values)
    counterparts = _fill_counterpart(rng, kind, date, values)
    if template["type"] == "other":  # letters and statements happen nowhere in particular
        values.update(city=None, location_country=None)
    if date.month > 1:
        earlier = dt.date(date.year, rng.randint(1, date.month - 1), rng.randint(1, 28))
        values["earlier"] = f"{earlier.day} {MONTHS[earlier.month - 1]}"
        values["earlier_us"] = f"{MONTHS[earlier.month - 1]} {earlier.day}"

    headline = rng.choice(template["headlines"]).format_map(values)
    lead = rng.choice(template["leads"]).format_map(values)
    ending = rng.choice(ENDINGS[style]).format_map(values)
    paragraphs = [lead]
    target = rng.randint(2500, 3500) - len(headline) - len(lead) - len(ending)
    size = 0
    for paragraph in _body(rng, template, values):
        text = paragraph.format_map(values)
        if size + len(text) > target and len(paragraphs) > 2:
            continue  # a shorter paragraph further down may still fit
        paragraphs.append(text)
        size += len(text) + 1
    paragraphs.append(ending)

    if rng.random() < 0.15:
        caption = rng.choice(RUSSIAN_CAPTIONS[template["type"]])
        for _ in range(rng.choice((1, 1, 2))):
            paragraphs.insert(rng.randint(2, len(paragraphs) - 1), caption)
    shape = rng.random()
    title: str | None = headline
    if shape < 0.3:
        paragraphs[:0] = [headline, headline]
    elif shape < 0.85:
        paragraphs.insert(0, headline)
    else:
        title = None
    separator = "\n" if rng.random() < 0.3 else "\n\n"
    text = separator.join(paragraphs) + "\n"

    expected = {
        "template": template["name"],
        "title": title,
        "event_date": date,
        "engagement_type": template["type"],
        "sco_official": official,
        "sco_role": SCO_ROLE,
        "counterparts": counterparts,
        "location_city": values["city"],
        "location_country": values["location_country"],
        "topic": values["topic"],
    }
    return text, expected


def file_name(index: int, count: int) -> str:
    """synthetic_000001.txt; wider numbers for corpora above a million."""
    return f"{FILE_PREFIX}{index:0{max(6, len(str(count)))}d}.txt"


def index_from_name(name: str) -> int:
    """The release index a synthetic file name encodes."""
    return int(Path(name).stem[len(FILE_PREFIX):])


def write_synthetic_corpus(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write `count` synthetic releases into `folder` (created if needed); return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(1, count + 1):
        text, _expected = generate_release(index, seed)
        path = folder / file_name(index, count)
        with open(path, "wb") as handle:
            handle.write(text.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write synthetic SCO releases into a folder.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    paths = write_synthetic_corpus(args.folder, args.count, args.seed)
    print(f"wrote {len(paths)} releases to {args.folder} in {time.perf_counter() - start:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
