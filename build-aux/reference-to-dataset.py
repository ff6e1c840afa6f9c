#!/usr/bin/env python3
# reference-to-dataset.py: build the bundled dataset from the treaty record and the article layer.
#
# Copyright 2026 The Mine Ban Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build data/mine-ban-atlas.json (format "mine-ban-atlas/1").

Usage, from the repository root (standard library only):

    build-aux/reference-to-dataset.py                 # writes data/mine-ban-atlas.json
    build-aux/reference-to-dataset.py --notes-table   # prints the event table of dataset-notes.md
    build-aux/verify-quotes.py                        # then check quotes and format

Options: --reference DIR (default ../shared/reference, holding states.csv),
--articles FILE (default data/articles-layer.json), --output FILE.

The dataset has two layers (see data/dataset-format.md and data/dataset-notes.md):

* The ARTICLE layer is written by hand in data/articles-layer.json: the top-level members
  (format, title, language, updated), the treaty, the story (its period and states), the article sources, the article events
  with their verbatim quotes, the disputes that involve the articles, and partial state
  entries (`code` plus `armed_conflicts`) that are merged into the record's states by code.

* The RECORD layer is generated here from the treaty record, states.csv (197 rows, one per
  state, with sources; see states_notes.md next to it):
  - every state with `code`, `name` and a `record` {status, known_by, source, note}: the CSV
    status (party or non-party) as of the date of the regional list that gives it; for the six
    states that withdrew or are withdrawing, the status BEFORE the withdrawal (party), because
    the dated events below carry the changes;
  - a `signature` event (status signatory) for every filled `signed` cell and a `ratification`
    or `accession` event (status party) for every filled `joined` cell, cited to the source
    the row's note names for that date;
  - a few more joining events whose month or year only is given in the rows' notes
    (NOTE_EVENTS below), cited to the page the note names;
  - the 2025 withdrawal events (WITHDRAWAL_EVENTS below, checked against the CSV columns
    withdrawal_announced / withdrawal_deposited / withdrawal_effective). Effective dates are
    never typed in where the deposit date is known: the app derives them from Article 20.
    Poland's deposit date is unknown, so its effective date is an event;
  - the disputes listed under "Disagreements found" in states_notes.md (RECORD_DISPUTES).

Record sources get one entry per distinct URL used (RECORD_SOURCES), each with its as-of date
in `note`. A handful of URLs marked "found for this dataset" are not in the reference: they
were looked up to attribute a disputed claim to the outlet the record names.

Re-run after editing states.csv or articles-layer.json; the script stops on any inconsistency
(an unknown source URL, a CSV date that disagrees with the withdrawal table, a dangling id).
"""

import argparse
import calendar
import csv
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# --------------------------------------------------------------------------------------------
# Record sources: one per distinct URL used. "known_by" is set on sources that give states'
# status (the date from which the listing certainly holds).
# --------------------------------------------------------------------------------------------

FOUND = "Found for this dataset (not in the reference) to attribute a disputed claim to the outlet the record names; claim texts summarise it. "

RECORD_SOURCES = [
    # Status lists
    dict(id="r-eur-2009", url="https://docslib.org/doc/6778059/europe-caucasus-central-asia",
         title="ICBL Cartagena Summit regional factsheet: Europe, the Caucasus and Central Asia (docslib copy)",
         known_by="2009-11",
         known_by_why="the factsheet is of November 2009 (Cartagena Summit)",
         note="As of November 2009. Lists the region's States Parties and states not party; Croatia, Serbia and Tajikistan are missing from the extracted list."),
    dict(id="r-asia-2019", url="https://docslib.org/doc/46500/briefing-paper-landmine-policy-in-south-and-east-asia-and-the-pacific-july-2019",
         title="Landmine policy in South and East Asia and the Pacific, briefing paper (HRW / Landmine Monitor, July 2019; docslib copy)",
         known_by="2019-07", known_by_why="the briefing paper is of July 2019",
         note="As of July 2019. Lists all 26 Asia-Pacific States Parties; the Marshall Islands the only signatory."),
    dict(id="r-mena-2019", url="https://docslib.org/doc/2628981/briefing-paper-landmine-policy-in-the-middle-east-and-north-africa-june-2019",
         title="Landmine policy in the Middle East and North Africa, briefing paper (HRW / Landmine Monitor, June 2019; docslib copy)",
         known_by="2019-06", known_by_why="the briefing paper is of June 2019",
         note="As of June 2019. Lists all 9 MENA States Parties and all 10 MENA states outside the treaty."),
    dict(id="r-apmbc-universal", url="http://www.apminebanconvention.org/background-status-of-the-convention/ensuring-universal-adherence/",
         title="Ensuring universal adherence (APMBC Implementation Support Unit)",
         known_by="2017",
         known_by_why="the page is undated and states_notes.md dates it “about 2015-17” (the era of 162 States Parties); its listing certainly holds by 2017, the latest year of that estimate, which is used rather than an invented day or an approximate date",
         note="Undated; about 2015-17 (162 States Parties, 34 not). Says every state in the Americas except Cuba and the United States, and every state in Sub-Saharan Africa, is party."),
    dict(id="r-icbl-2012-poland", url="http://www.icbl.org/index.php/icbl/Library/News/Universal/poland-ratification",
         title="Poland ratifies the Mine Ban Treaty (ICBL news, December 2012)",
         known_by="2012-12-27",
         known_by_why="the item reports Poland's deposit of 27 December 2012, so it is of that day or later",
         note="As of December 2012 (reports Poland's deposit of 27 December 2012). With Poland, all EU members and all NATO members except the United States are party."),
    dict(id="r-icbl-2025-mhl", url="https://www.icblcmc.org/our-impact/marshall-islands-becomes-the-165th-state-party-to-the-mine-ban-treaty",
         title="Marshall Islands becomes the 165th State Party to the Mine Ban Treaty (ICBL-CMC)",
         known_by="2025-03-13", known_by_why="the statement is of 13 March 2025",
         note="As of 13 March 2025. Ratification deposited 12 March 2025, in force 1 September 2025; the Marshall Islands were the last remaining signatory."),
    dict(id="r-icbl-2025-ton", url="https://icblcmc.org/our-impact/tonga-becomes-the-166th-state-party-to-the-mine-ban-treaty",
         title="Tonga becomes the 166th State Party to the Mine Ban Treaty (ICBL-CMC)",
         known_by="2025-06-25",
         known_by_why="the statement (June 2025) reports the deposit of 25 June 2025, so it is of that day or later",
         note="As of June 2025 (reports the accession deposited on 25 June 2025, in force 1 December 2025). First accession since 2017, when Palestine and Sri Lanka joined; only Micronesia still outside the treaty in the Pacific."),
    dict(id="r-aca-2022", url="https://www.armscontrol.org/factsheets/ottawasigs",
         title="The Ottawa Convention: signatories and States Parties (Arms Control Association factsheet)",
         note="As of September 2022: 164 parties including Palestine, 1 signatory (Marshall Islands), 32 non-signatories."),
    # Date tables
    dict(id="r-nl-verdragenbank", url="https://verdragenbank.overheid.nl/nl/Verdrag/Details/008170_p.html",
         title="Verdragenbank: Verdrag inzake het verbod op het gebruik, de opslag, de productie en de overdracht van antipersoonsmijnen (party table)",
         note="Dutch government treaty database, current page (undated). Signature, ratification (R) or accession (T) and entry into force; the stored excerpt covers only Afghanistan to the Cook Islands (33 states)."),
    dict(id="r-paclii", url="http://www.paclii.org/pits/en/status_pages/1997-8.html",
         title="Pacific Islands Treaty Series: status of the 1997 Mine Ban Convention (PacLII)",
         note="As of 5 May 2006 (last update). Signature and ratification or accession dates of Pacific states."),
    dict(id="r-trb-2003-112", url="https://zoek.officielebekendmakingen.nl/trb-2003-112.html",
         title="Tractatenblad 2003, 112 (Dutch Treaty Series)",
         note="As of 2003. Later signatures (Albania, Bangladesh, Jordan, Lithuania, Maldives, Ukraine, Sierra Leone, Chad) and ratifications A-B."),
    dict(id="r-lm1999-mena", url="http://archives.the-monitor.org/index.php/publications/display?url=lm/1999/mena.html",
         title="Landmine Monitor Report 1999: Middle East and North Africa",
         note="As of 1999. Signatures at the December 1997 conference and ratifications of MENA states (months only for some)."),
    dict(id="r-lm2000-mena", url="http://archives.the-monitor.org/index.php/publications/display?url=lm/2000/mena.html",
         title="Landmine Monitor Report 2000: Middle East and North Africa",
         note="As of 2000."),
    dict(id="r-lm2000-key", url="https://archives2.the-monitor.org/en-gb/reports/2000/landmine-monitor-2000/key-developments-since-1999.aspx",
         title="Landmine Monitor Report 2000: key developments since 1999",
         note="As of 2000."),
    dict(id="r-lm2001-asia", url="http://archives.the-monitor.org/index.php/publications/display?url=lm/2001/asia-pacific/",
         title="Landmine Monitor Report 2001: Asia-Pacific",
         note="As of 2001."),
    dict(id="r-lm2004-key", url="http://the-monitor.org/en-gb/reports/2004/landmine-monitor-2004/key-developments-since-1999.aspx",
         title="Landmine Monitor Report 2004: key developments since 1999",
         note="As of 2004."),
    dict(id="r-lm2006", url="http://the-monitor.org/en-gb/reports/2006/landmine-monitor-2006/banning-antipersonnel-mines.aspx",
         title="Landmine Monitor Report 2006: banning antipersonnel mines",
         note="As of 2006."),
    dict(id="r-lm2011", url="https://the-monitor.org/en-gb/reports/2011/landmine-monitor-2011/ban-policy.aspx",
         title="Landmine Monitor Report 2011: ban policy",
         note="As of 2011."),
    dict(id="r-icbl-2008", url="http://www.icbl.org/index.php/icbl/Library/Articles/Publications/MTTUniversal/2008-9-MBTU-Priorities",
         title="Mine Ban Treaty universalization priorities 2008-2009 (ICBL)",
         note="As of 2008. Names the states that joined in 2007 (years only)."),
    dict(id="r-hrw-1999", url="https://www.hrw.org/reports/1999/landmine/execsum/Execweb1-06.htm",
         title="Landmine Monitor Report 1999, executive summary: Africa (Human Rights Watch)",
         note="As of 31 March 1999. Names the 17 African states that had ratified by then."),
    dict(id="r-hrw-2012-fin", url="https://www.hrw.org/news/2012/01/11/finland-joins-landmine-ban-treaty",
         title="Finland joins landmine ban treaty (Human Rights Watch, 11 January 2012)",
         note="As of 11 January 2012. Finland's accession; also says South Sudan joined in November 2011."),
    dict(id="r-cryer", url="http://cryer.org.uk/List_of_parties_to_the_Ottawa_Treaty",
         title="List of parties to the Ottawa Treaty (mirror of the Wikipedia list)",
         note="Undated mirror (about 2022); the table of states and dates was lost when the page was rendered, only the introduction was usable (Canada, Ireland and Mauritius the first to ratify, 3 December 1997)."),
    dict(id="r-fixanswer", url="https://fixanswer.com/how-many-countries-have-signed-the-mine-ban-treaty/",
         title="How many countries have signed the mine ban treaty? (fixanswer.com)",
         note="Undated question-and-answer page quoting lines of the Wikipedia table of parties (Mexico, United Kingdom). A weak secondary source: verify against UNTC."),
    dict(id="r-rodekruis", url="https://www.rodekruis.be/wat-doen-we/internationale-activiteiten/ihr/verdragen/verdrag-inzake-het-verbod-op-het-gebruik-de-opslag-de-productie-en-de-overdracht-van-antipersoonsmijnen-en-inzake-de-vernietiging-ervan/",
         title="Verdrag inzake het verbod op … antipersoonsmijnen (Belgian Red Cross)",
         note="Undated. Belgium's signature (3 December 1997) and ratification (4 September 1998)."),
    dict(id="r-monitor-2023-ltu", url="https://the-monitor.org/en-gb/reports/2023/lithuania/mine-ban-policy.aspx",
         title="Lithuania: mine ban policy (Landmine Monitor 2023 profile)",
         note="As of 2023. Gives Lithuania's signature as 22 February 1999 and its ratification as 12 May 2003."),
    dict(id="r-apmbc-isu-ukr", url="https://new.apminebanconvention.org/membership/Ukraine/",
         title="Ukraine: membership (APMBC Implementation Support Unit)",
         note="Undated. Ukraine signed 24 February 1999, ratified 27 December 2005, in force 1 June 2006."),
    # 2025 withdrawals
    dict(id="r-err-est", url="https://news.err.ee/1609713534/estonia-votes-to-leave-ottawa-anti-personnel-landmine-ban-convention",
         title="Estonia votes to leave Ottawa anti-personnel landmine ban convention (ERR News)",
         note="June 2025. The treaty record's main link for Estonia; its entry also draws on Xinhua, thegaze.media and iz.ru, which it does not link."),
    dict(id="r-milosi-baltics", url="https://translation1.mil-osi.com/2025/12/28/%d0%bb%d0%b0%d1%82%d0%b2%d0%b8%d1%8f-%d1%8d%d1%81%d1%82%d0%be%d0%bd%d0%b8%d1%8f-%d0%b8-%d0%bb%d0%b8%d1%82%d0%b2%d0%b0-%d0%be%d1%84%d0%b8%d1%86%d0%b8%d0%b0%d0%bb%d1%8c%d0%bd%d0%be-%d0%b2%d1%8b%d1%88",
         title="Latvia, Estonia and Lithuania officially leave the convention (Xinhua via MIL-OSI, 28 December 2025)",
         note="28 December 2025. The treaty record's main link for Latvia: the three Baltic states' withdrawals took effect on 27 December 2025 after notifications of 27 June 2025. Its entry also draws on TASS, babel.ua, caliber.az and news.by, which it does not link."),
    dict(id="r-lokmattimes-baltics", url="https://www.lokmattimes.com/international/lithuania-latvia-estonia-notify-un-of-withdrawal-from-mine-ban-treaty",
         title="Lithuania, Latvia, Estonia notify UN of withdrawal from mine ban treaty (IANS via Lokmat Times)",
         note="27 June 2025. The treaty record's main link for Lithuania (Foreign Minister Budrys: the UN Secretary-General formally notified). Its entry also draws on delfi.lt, politico.eu and caliber.az, which it does not link."),
    dict(id="r-unn-fin", url="https://unn.ua/en/news/finland-officially-withdrew-from-the-ottawa-convention-on-the-prohibition-of-anti-personnel-mines",
         title="Finland officially withdrew from the Ottawa Convention (UNN, 10 January 2026)",
         note="10 January 2026. The treaty record's main link for Finland. Its entry also draws on dpa, caliber.az, news.by, lareport and the Finnish foreign ministry, which it does not link."),
    dict(id="r-poland-co-pl", url="https://poland.co.pl/polska-poza-konwencja-ottawska-37658456.html",
         title="Polska poza konwencją ottawską (poland.co.pl)",
         note="February 2026 or later (reports the withdrawal in effect from 20 February 2026). The treaty record's main link for Poland; its entry also draws on pap.pl, TASS and news.by."),
    dict(id="r-hrw-2025-ukr", url="https://www.hrw.org/news/2025/07/24/ukraine-suspends-vital-mine-ban-treaty",
         title="Ukraine suspends vital mine ban treaty (Human Rights Watch, 24 July 2025)",
         note="24 July 2025. On 18 July 2025 Ukraine informed the UN that it suspends the treaty (Vienna Convention on the Law of Treaties, art. 62); HRW counts 166 States Parties, Ukraine among them. The treaty record's main link for Ukraine; its entry also draws on komersant.ua, unn.ua, liga.net and news.az."),
    dict(id="r-icbl-2025-ukr", url="https://icblcmc.org/our-impact/icbl-statement-on-ukraines-attempt-to-withdraw-from-the-mine-ban-treaty",
         title="ICBL statement on Ukraine's attempt to withdraw from the Mine Ban Treaty",
         note="25 July 2025. Ukraine's depositary notification is a suspension, not an Article 20 withdrawal."),
    # Found for this dataset (dispute claims)
    dict(id="r-tass-2025-lva", url="https://tass.com/world/1944473/amp",
         title="Latvian parliament adopts bill on country's withdrawal from Ottawa Convention (TASS, 16 April 2025)",
         note=FOUND + "16 April 2025: the Saeima adopted the bill in the final reading, 68 for and 14 against (citing Delfi); the Cabinet supported withdrawal on 25 March; the defence ministers' joint recommendation of 18 March."),
    dict(id="r-iz-2025-lva", url="https://en.iz.ru/en/1871829/2025-04-16/latvian-parliament-approves-decision-withdraw-convention-anti-personnel-mines",
         title="Latvian Parliament approves decision to withdraw from Convention on anti-personnel mines (Izvestia, 16 April 2025)",
         note=FOUND + "16 April 2025: 66 for, 14 against, 2 abstentions (citing Delfi)."),
    dict(id="r-tass-2025-pol", url="https://tass.com/world/1981227",
         title="Poland's Sejm votes for withdrawal from the Ottawa Treaty (TASS, 26 June 2025)",
         note=FOUND + "Report datelined 26 June 2025: 413 for, 15 against, 3 abstentions, per the Sejm's website."),
    dict(id="r-globnews-2025-pol", url="https://glob-news.com/en/the-polish-sejm-supported-the-country-s-withdrawal-from-the-anti-personnel-mine-ban-convention.html",
         title="The Polish Sejm supported the country's withdrawal from the Anti-Personnel Mine Ban Convention (glob-news.com)",
         note=FOUND + "Places the Sejm vote on the evening of 25 June 2025."),
    dict(id="r-matangi-2025-ton", url="https://matangitonga.to/2025/12/09/tonga-becomes-166th-state-party-anti-personnel-mine-ban-convention",
         title="Tonga becomes 166th State Party to Anti-Personnel Mine Ban Convention (Matangi Tonga, 9 December 2025)",
         note=FOUND + "9 December 2025: gives Tonga's deposit as 26 June 2025."),
    dict(id="r-lieber", url="https://lieber.westpoint.edu/",
         title="Lieber Institute for Law and Warfare, West Point (site)",
         note="The record names only the site (lieber.westpoint.edu) for Ukraine's ratification on 18 May 2005; the page was not recorded, so this links the site."),
    dict(id="r-lm2005-vut", url="http://archives.the-monitor.org/index.php/publications/display?url=lm/2005/vanuatu.html",
         title="Vanuatu, Landmine Monitor Report 2005", accessed="2026-12-04",
         note=FOUND + "2005: parliament approved ratification on 27 May 2005; the instrument of ratification was deposited with the UN on 16 September 2005 (the Monitor's 2022 profile gives the same day)."),
    dict(id="r-lm2006-ukr", url="http://www.the-monitor.org/index.php/publications/display?act=submit&pqs_year=2006&pqs_type=lm&pqs_report=ukraine&pqs_section=",
         title="Ukraine, Landmine Monitor Report 2006",
         note=FOUND + "Parliament approved the ratification law on 18 May 2005; the instrument was deposited with the UN on 27 December 2005."),
]

SOURCE_BY_ID = {s["id"]: s for s in RECORD_SOURCES}
SOURCE_BY_URL = {s["url"]: s["id"] for s in RECORD_SOURCES}

# The six states that withdrew or are withdrawing: their record status is the one before 2025,
# from a source that lists them as party.
PRE_WITHDRAWAL_RECORD = {
    "EST": "r-eur-2009", "LVA": "r-eur-2009", "LTU": "r-eur-2009", "UKR": "r-eur-2009",
    "FIN": "r-icbl-2012-poland", "POL": "r-icbl-2012-poland",
}

# Where the row's note gives a date's provenance as a keyword, the source it means.
DATE_KEYWORDS = [
    ("Dutch treaty database party table (ratification date not in stored excerpt", None),
    ("Dutch treaty database", "r-nl-verdragenbank"),
    ("PacLII", "r-paclii"),
    ("Trb 2003-112", "r-trb-2003-112"),
    ("Tractatenblad 2003-112", "r-trb-2003-112"),
    ("LM2004", "r-lm2004-key"),
    ("LM2001", "r-lm2001-asia"),
    ("LM2000 key developments", "r-lm2000-key"),
    ("LM2000: ratified", "r-lm2000-key"),
    ("LM2000 MENA", "r-lm2000-mena"),
    ("LM2006", "r-lm2006"),
    ("Wikipedia list (mirror)", "r-cryer"),
    ("Q&A site", "r-fixanswer"),
    ("Belgian Red Cross", "r-rodekruis"),
]

# Per-state overrides of the date sources (rows whose notes name a source the keywords miss).
DATE_OVERRIDES = {
    ("LTU", "signed"): ["r-trb-2003-112"],
    ("LTU", "joined"): ["r-monitor-2023-ltu"],
    ("EST", "joined"): ["r-err-est"],
    ("LVA", "joined"): ["r-milosi-baltics"],
    ("FIN", "joined"): ["r-hrw-2012-fin"],
    ("POL", "signed"): ["r-icbl-2012-poland"],
    ("POL", "joined"): ["r-icbl-2012-poland"],
    ("UKR", "signed"): ["r-apmbc-isu-ukr"],
    ("UKR", "joined"): ["r-apmbc-isu-ukr"],
    ("MHL", "signed"): ["r-paclii"],
    ("MHL", "joined"): ["r-icbl-2025-mhl"],
    ("TON", "joined"): ["r-icbl-2025-ton"],
    ("LKA", "joined"): ["r-icbl-2025-ton"],
    ("JOR", "signed"): ["r-trb-2003-112"],
}

# Joining kind where the note does not say ratification or accession.
KIND_OVERRIDES = {
    "TUN": "ratification",   # LM1999: signed at the December 1997 conference, so it ratified
}

# Weak sources (states_notes.md: "For MEX and GBR the dates come from a weak Q&A site, and for LKA
# from a GitHub app text. Verify these."): the date is kept but marked uncertain.
WEAK_DATES = {
    ("MEX", "signed"): "a question-and-answer site quoting the Wikipedia table",
    ("MEX", "joined"): "a question-and-answer site quoting the Wikipedia table",
    ("GBR", "joined"): "a question-and-answer site quoting the Wikipedia table",
    ("LKA", "joined"): "a GitHub timeline text (the ICBL confirms only the year, 2017)",
}

# --------------------------------------------------------------------------------------------
# Joining and signing dates given only as a month or year in the rows' notes (or as "by"),
# each with the page the note names. The CSV's `signed`/`joined` cells are empty for these.
# --------------------------------------------------------------------------------------------

AFRICA_BY_1999 = ["DJI", "GNQ", "SWZ", "GIN", "LSO", "MWI", "MLI", "MOZ", "NAM", "NER", "SEN",
                  "ZAF", "UGA", "ZWE"]

OTTAWA_SIGNING = ("1997-12-03/1997-12-04",
                  "Landmine Monitor 1999 says it signed at the conference of December 1997 without giving "
                  "the day; the treaty was open for signature in Ottawa on 3 and 4 December 1997 only "
                  "(Article 15), so it signed on one of those two days.")

NOTE_EVENTS = [
    dict(code="TUN", kind="signature", date=OTTAWA_SIGNING[0], basis=OTTAWA_SIGNING[1],
         source="r-lm1999-mena", cite="LM1999: signed at Dec 1997 conference (day not given)"),
    dict(code="QAT", kind="signature", date=OTTAWA_SIGNING[0], basis=OTTAWA_SIGNING[1],
         source="r-lm1999-mena", cite="LM1999: signed Dec 1997 conference"),
    dict(code="YEM", kind="signature", date=OTTAWA_SIGNING[0], basis=OTTAWA_SIGNING[1],
         source="r-lm1999-mena", cite="LM1999: signed Dec 1997 conference"),
    dict(code="QAT", kind="ratification", date="1998-10",
         source="r-lm1999-mena", cite="ratified October 1998 (month only)"),
    dict(code="YEM", kind="ratification", date="1998-09",
         source="r-lm1999-mena", cite="ratified September 1998 (month only)"),
    dict(code="JOR", kind="ratification", date="1998-11",
         source="r-lm1999-mena", cite="LM1999: ratified Nov 1998 (month only)"),
    dict(code="HTI", kind="ratification", date="2006-02",
         source="r-lm2006", cite="LM2006: Haiti ratified February 2006 (day not given)"),
    dict(code="IDN", kind="ratification", date="2007",
         source="r-icbl-2008", cite="ICBL 2008: Indonesia ratified in 2007 (day not given)"),
    dict(code="IRQ", kind="accession", date="2007",
         source="r-icbl-2008", cite="ICBL 2008: acceded in 2007 (day not given)"),
    dict(code="KWT", kind="accession", date="2007",
         source="r-icbl-2008", cite="ICBL 2008: acceded in 2007 (day not given)"),
    dict(code="MNE", kind="accession", date="2007",
         source="r-icbl-2008", cite="ICBL 2008: acceded in 2007 (day not given)"),
    dict(code="PLW", kind="accession", date="2007",
         source="r-icbl-2008", cite="ICBL 2008: acceded in 2007 (day not given)"),
    dict(code="TUV", kind="accession", date="2011-09",
         source="r-lm2011", cite="LM2011: Tuvalu acceded September 2011 (157th SP) - day not given"),
    dict(code="SSD", kind="accession", date="2011-11",
         source="r-hrw-2012-fin", cite="HRW Jan 2012: South Sudan joined in November (2011) - day not given",
         extra="HRW says “joined”: the treaty was closed for signature long before South Sudan existed, so it joined without signing; kind “accession” is used because the format has no kind for succession."),
    dict(code="PSE", kind="accession", date="2017",
         source="r-icbl-2025-ton", cite="ICBL 2025: Palestine and Sri Lanka joined 2017 (no day given)",
         extra="The ICBL says “joined”; Palestine never signed (signature closed on the entry into force in 1999), so it acceded."),
] + [
    dict(code=c, kind="ratification", date="/1999-03-31",
         basis="Landmine Monitor 1999 names it among the 17 African states that had ratified by 31 March 1999, without a date, so it ratified some time up to that day.",
         source="r-hrw-1999", cite="LM1999: among 17 African states that had ratified by 31 Mar 1999")
    for c in AFRICA_BY_1999
]

# --------------------------------------------------------------------------------------------
# The 2025 withdrawals. Dates checked against the CSV columns below.
# --------------------------------------------------------------------------------------------


MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]

# The day the treaty record was compiled from its stored pages (states_notes.md: "this machine's
# clock reads 2026-11-23"); pages found later carry their own `accessed`.
RECORD_READ = "2026-11-23"


def words(date_text):
    """'1997-12-03' -> '3 December 1997', '1998-10' -> 'October 1998', '2007' -> '2007'."""
    parts = date_text.rstrip("?~%").split("-")
    if len(parts) == 3:
        return "%d %s %s" % (int(parts[2]), MONTH_NAMES[int(parts[1]) - 1], parts[0])
    if len(parts) == 2:
        return "%s %s" % (MONTH_NAMES[int(parts[1]) - 1], parts[0])
    return parts[0]


def plain_citation(note):
    """The record's words for a citation, without its table's vocabulary ("LVA row: ...")."""
    text = re.sub(r"^[A-Z]{3} row: ", "", note)
    return text[:1].upper() + text[1:]


def ev(id, date, kind, title, summary, states, citations, basis, status=None):
    if id not in PLAIN_BASIS:
        raise BuildError("%s: no date basis in plain words (PLAIN_BASIS)" % id)
    e = dict(id=id, date=date, date_basis=PLAIN_BASIS[id], kind=kind, title=title, summary=summary,
             states=states)
    if status:
        e["status"] = status
    e["citations"] = []
    for s, n in citations:
        c = dict(source=s, note=PLAIN_CITATIONS.get(n, plain_citation(n)))
        if c["note"] != n:
            c["internal_note"] = n
        e["citations"].append(c)
    e["internal_note"] = basis
    return e


# How each 2025 date is known, in words a reader understands (the working note goes to
# `internal_note`, which the app never shows).
PLAIN_BASIS = {
    "est-lva-ltu-pol-joint-statement-2025-03-18": "The treaty record gives 18 March 2025 for the announcement, for all four states.",
    "lva-cabinet-2025-03-25": "The treaty record gives 25 March 2025 for the Cabinet's approval, citing TASS.",
    "fin-government-decision-2025-04-01": "The treaty record gives 1 April 2025 for the government's decision.",
    "lva-saeima-vote-2025-04-16": "The treaty record gives 16 April 2025 for the final reading; the sources differ only on the vote count.",
    "lva-president-signs-2025-04": "The treaty record says “about 23 April 2025”, so the day is approximate (~).",
    "ltu-seimas-vote-2025-05-08": "The treaty record gives 8 May 2025 for the vote.",
    "fin-government-bill-2025-05-28": "The treaty record gives 28 May 2025 for the government's proposal to parliament.",
    "est-riigikogu-vote-2025-06-04": "The treaty record gives 4 June 2025 for the vote.",
    "est-president-approves-2025-06-13": "The treaty record gives 13 June 2025 for the president's approval.",
    "fin-eduskunta-vote-2025-06-19": "The treaty record gives 19 June 2025 for the vote.",
    "pol-sejm-vote-2025-06": "The treaty record gives 26 June 2025 but notes that one outlet says 25 June, so the date covers both days (see where the sources disagree).",
    "est-withdrawal-deposited-2025-06-27": "The treaty record gives 27 June 2025 for the deposit. The app works out the day the withdrawal takes effect from it (Article 20(2)); the record's 27 December 2025 agrees.",
    "lva-withdrawal-deposited-2025-06-27": "The treaty record gives 27 June 2025 for the deposit. The app works out the day the withdrawal takes effect from it (Article 20(2)); the record's 27 December 2025 agrees.",
    "ltu-withdrawal-deposited-2025-06-27": "The treaty record gives 27 June 2025 for the deposit. The app works out the day the withdrawal takes effect from it (Article 20(2)); the record's 27 December 2025 agrees.",
    "ukr-nsdc-decree-2025-06-29": "The treaty record gives 29 June 2025 for the Council's decision and the president's decree.",
    "fin-withdrawal-deposited-2025-07-10": "The treaty record gives 10 July 2025 for the deposit. The app works out the day the withdrawal takes effect from it (Article 20(2)); the record's 10 January 2026 agrees.",
    "ukr-draft-law-2025-07-11": "The treaty record gives 11 July 2025 for the submission of the draft law.",
    "ukr-rada-vote-2025-07": "Worked out from the treaty record: the vote was reported on 15 July 2025 and the draft law was submitted on 11 July, so it took place between those days; the record gives no day.",
    "pol-senate-vote-2025-07-17": "The treaty record gives 17 July 2025 for the Senate's vote.",
    "ukr-suspension-2025-07-18": "The treaty record gives 18 July 2025 for the notification. It suspends the treaty rather than withdrawing from it, so the app works out no day on which it takes effect; Ukraine is also engaged in an armed conflict (Article 20(3)).",
    "pol-president-signs-2025-07": "Worked out from the treaty record: “about a week” after the Senate vote of 17 July 2025, so about 24 July; approximate (~), no exact day is known.",
    "pol-withdrawal-effective-2026-02-20": "The treaty record gives 20 February 2026. No source read gives the day Poland deposited its withdrawal; the app works that day out from this one (Article 20(2)).",
}

# Citation notes whose record wording would read as a database note.
PLAIN_CITATIONS = {
    "POL row: effective: 20 Feb 2026 (poland.co.pl; news.by 15 Jan 2026; Deputy MoD Tomczyk via okx post). deposited: NOT stated in any source read (a 20 Feb 2026 effect would imply deposit 20 Aug 2025 - not filled)":
        "Effective 20 February 2026 (poland.co.pl; news.by, 15 January 2026; Deputy Defence Minister Tomczyk). The day of the deposit is stated in no source read.",
    "effective: 27 Dec 2025 (Xinhua 28 Dec 2025)": "Effective 27 December 2025 (Xinhua, 28 December 2025).",
}


REC = "From the treaty record (states.csv, %s row): "

WITHDRAWAL_EVENTS = [
    ev("est-lva-ltu-pol-joint-statement-2025-03-18", "2025-03-18", "announcement",
       "Baltic and Polish defence ministers announce withdrawal",
       "The defence ministers of Estonia, Latvia, Lithuania and Poland jointly recommend that their countries withdraw from the Ottawa Convention.",
       ["EST", "LVA", "LTU", "POL"],
       [("r-lokmattimes-baltics", "LTU row: announced: joint statement of EST/LVA/LTU/POL defence ministers 18 Mar 2025 (delfi.lt, politico.eu)"),
        ("r-err-est", "EST row: announced: joint statement 18 Mar 2025"),
        ("r-milosi-baltics", "LVA row: announced: joint statement 18 Mar 2025"),
        ("r-poland-co-pl", "POL row: announced: joint statement 18 Mar 2025 (pap.pl)"),
        ("r-tass-2025-lva", "Reports the defence ministers' joint recommendation of 18 March 2025.")],
       "From the treaty record: column withdrawal_announced of the EST, LVA, LTU and POL rows.",
       status={"EST": "withdrawal-announced", "LVA": "withdrawal-announced",
               "LTU": "withdrawal-announced", "POL": "withdrawal-announced"}),
    ev("lva-cabinet-2025-03-25", "2025-03-25", "policy",
       "Latvia's government backs withdrawal",
       "Latvia's Cabinet of Ministers approves the country's withdrawal from the convention and sends the bill to the Saeima.",
       ["LVA"],
       [("r-milosi-baltics", "LVA row: Cabinet approved 25 Mar 2025 (TASS)"),
        ("r-tass-2025-lva", "Reports the Cabinet's support of 25 March 2025.")],
       REC % "LVA" + "the note's “Cabinet approved 25 Mar 2025 (TASS)”."),
    ev("fin-government-decision-2025-04-01", "2025-04-01", "policy",
       "Finland's government decides to prepare withdrawal",
       "Finland's government decides to prepare the country's withdrawal from the Ottawa Convention.",
       ["FIN"],
       [("r-unn-fin", "FIN row: announced: government decision 1 Apr 2025 to prepare withdrawal (dpa/dailyfinland; caliber.az)")],
       REC % "FIN" + "column withdrawal_announced.",
       status={"FIN": "withdrawal-announced"}),
    ev("lva-saeima-vote-2025-04-16", "2025-04-16", "legislation",
       "Latvia's Saeima votes to withdraw",
       "Latvia's parliament adopts the withdrawal law in its final reading (66 for, 14 against, 2 abstentions, or 68 to 14, depending on the source).",
       ["LVA"],
       [("r-milosi-baltics", "LVA row: vote: Saeima final reading 16 Apr 2025 - 66-14-2 per Xinhua/babel.ua/caliber.az, 68-14 per TASS/censor.net (conflict)"),
        ("r-iz-2025-lva", "66-14-2, 16 April 2025."),
        ("r-tass-2025-lva", "68-14, 16 April 2025.")],
       REC % "LVA" + "the note's “Saeima final reading 16 Apr 2025”."),
    ev("lva-president-signs-2025-04", "2025-04-23~", "legislation",
       "Latvia's president signs the withdrawal law",
       "President Edgars Rinkēvičs signs Latvia's law on withdrawing from the convention.",
       ["LVA"],
       [("r-milosi-baltics", "LVA row: President Rinkevics signed law ~23 Apr 2025 (news.by)")],
       REC % "LVA" + "the note gives “~23 Apr 2025”, so the day is approximate (~)."),
    ev("ltu-seimas-vote-2025-05-08", "2025-05-08", "legislation",
       "Lithuania's Seimas votes to withdraw",
       "Lithuania's parliament approves the withdrawal, 107 for, none against, 3 abstentions.",
       ["LTU"],
       [("r-lokmattimes-baltics", "LTU row: vote: Seimas 8 May 2025, 107-0-3 (caliber.az)")],
       REC % "LTU" + "the note's “Seimas 8 May 2025”."),
    ev("fin-government-bill-2025-05-28", "2025-05-28", "legislation",
       "Finland's government submits the withdrawal bill",
       "Finland's government puts its proposal to withdraw from the convention to parliament.",
       ["FIN"],
       [("r-unn-fin", "FIN row: government proposal 28 May 2025 (news.by)")],
       REC % "FIN" + "the note's “government proposal 28 May 2025”."),
    ev("est-riigikogu-vote-2025-06-04", "2025-06-04", "legislation",
       "Estonia's Riigikogu votes to withdraw",
       "Estonia's parliament votes to leave the convention, 81 for, 1 against, 7 abstentions.",
       ["EST"],
       [("r-err-est", "EST row: vote: Riigikogu 4 Jun 2025, 81 for/1 against/7 abstain (ERR)")],
       REC % "EST" + "the note's “Riigikogu 4 Jun 2025”."),
    ev("est-president-approves-2025-06-13", "2025-06-13", "legislation",
       "Estonia's president approves the withdrawal law",
       "President Alar Karis approves Estonia's law on withdrawing from the convention.",
       ["EST"],
       [("r-err-est", "EST row: President Karis approved 13 Jun 2025 (ERR mirror, iz.ru)")],
       REC % "EST" + "the note's “President Karis approved 13 Jun 2025”."),
    ev("fin-eduskunta-vote-2025-06-19", "2025-06-19", "legislation",
       "Finland's Eduskunta votes to withdraw",
       "Finland's parliament approves the withdrawal, 157 to 18.",
       ["FIN"],
       [("r-unn-fin", "FIN row: vote: Eduskunta 19 Jun 2025, 157-18 (dpa; lareport)")],
       REC % "FIN" + "the note's “Eduskunta 19 Jun 2025”."),
    ev("pol-sejm-vote-2025-06", "2025-06-25/2025-06-26", "legislation",
       "Poland's Sejm votes to withdraw",
       "Poland's lower house passes the withdrawal law, 413 for, 15 against, 3 abstentions.",
       ["POL"],
       [("r-poland-co-pl", "POL row: vote: Sejm 413-15-3 (26 Jun 2025 per poland.co.pl; TASS 26 Jun; one outlet says 25 Jun)"),
        ("r-tass-2025-pol", "Report of 26 June 2025."),
        ("r-globnews-2025-pol", "Places the vote on the evening of 25 June 2025.")],
       "From the treaty record (states.csv, POL row), which gives 26 June 2025 but notes that one outlet says 25 June (see the dispute pol-sejm-vote-date); the interval covers both days."),
    ev("est-withdrawal-deposited-2025-06-27", "2025-06-27", "withdrawal-deposited",
       "Estonia deposits its withdrawal",
       "Estonia notifies the UN Secretary-General of its withdrawal from the convention, on the same day as Latvia and Lithuania.",
       ["EST"],
       [("r-milosi-baltics", "EST row: deposited: 27 Jun 2025 (Xinhua; thegaze.media \"Estonia followed ... on Friday\"). effective: 27 Dec 2025 (Xinhua via mil-osi)"),
        ("r-err-est", "The record's main link for Estonia.")],
       REC % "EST" + "column withdrawal_deposited. The app derives the effective date (Article 20(2)); the record's 27 Dec 2025 agrees.",
       status={"EST": "withdrawal-in-progress"}),
    ev("lva-withdrawal-deposited-2025-06-27", "2025-06-27", "withdrawal-deposited",
       "Latvia deposits its withdrawal",
       "Latvia notifies the UN Secretary-General of its withdrawal from the convention, on the same day as Estonia and Lithuania.",
       ["LVA"],
       [("r-milosi-baltics", "LVA row: deposited: 27 Jun 2025 (Xinhua: three Baltic states submitted notifications on June 27). effective: Sat 27 Dec 2025 (Xinhua via mil-osi 28 Dec 2025)")],
       REC % "LVA" + "column withdrawal_deposited. The app derives the effective date (Article 20(2)); the record's 27 Dec 2025 agrees.",
       status={"LVA": "withdrawal-in-progress"}),
    ev("ltu-withdrawal-deposited-2025-06-27", "2025-06-27", "withdrawal-deposited",
       "Lithuania deposits its withdrawal",
       "Lithuania notifies the UN Secretary-General of its withdrawal from the convention, on the same day as Estonia and Latvia.",
       ["LTU"],
       [("r-lokmattimes-baltics", "LTU row: deposited: FM Budrys on X 27 Jun 2025 \"formally notified the UN Secretary-General\" (lokmattimes/IANS; Xinhua via mil-osi)"),
        ("r-milosi-baltics", "effective: 27 Dec 2025 (Xinhua 28 Dec 2025)")],
       REC % "LTU" + "column withdrawal_deposited. The app derives the effective date (Article 20(2)); the record's 27 Dec 2025 agrees.",
       status={"LTU": "withdrawal-in-progress"}),
    ev("ukr-nsdc-decree-2025-06-29", "2025-06-29", "decree",
       "Ukraine decides to withdraw: NSDC decision and presidential decree",
       "Ukraine's National Security and Defense Council decides to withdraw from the convention and President Zelensky's decree puts the decision into effect.",
       ["UKR"],
       [("r-hrw-2025-ukr", "UKR row: announced: NSDC decision + presidential decree 29 Jun 2025 (komersant.ua; unn.ua)")],
       REC % "UKR" + "column withdrawal_announced.",
       status={"UKR": "withdrawal-announced"}),
    ev("fin-withdrawal-deposited-2025-07-10", "2025-07-10", "withdrawal-deposited",
       "Finland deposits its withdrawal",
       "Finland notifies the UN Secretary-General of its withdrawal from the convention.",
       ["FIN"],
       [("r-unn-fin", "FIN row: deposited: 10 Jul 2025 (MFA statement via CCTV/lccodebase; unn.ua; liga.net). effective: 10 Jan 2026 (unn.ua, news.liga.net, both 10 Jan 2026)")],
       REC % "FIN" + "column withdrawal_deposited. The app derives the effective date (Article 20(2)); the record's 10 Jan 2026 agrees.",
       status={"FIN": "withdrawal-in-progress"}),
    ev("ukr-draft-law-2025-07-11", "2025-07-11", "legislation",
       "Ukraine's government submits the draft law",
       "The draft law on leaving the convention is submitted to the Verkhovna Rada.",
       ["UKR"],
       [("r-hrw-2025-ukr", "UKR row: draft law submitted 11 Jul")],
       REC % "UKR" + "the note's “draft law submitted 11 Jul” (2025)."),
    ev("ukr-rada-vote-2025-07", "2025-07-11/2025-07-15", "legislation",
       "Ukraine's Verkhovna Rada votes on the treaty",
       "Ukraine's parliament passes the law with 299 votes.",
       ["UKR"],
       [("r-hrw-2025-ukr", "UKR row: vote: Verkhovna Rada 299 votes, reported 15 Jul 2025 (liga.net; news.az)")],
       "Worked out from the treaty record (states.csv, UKR row): the vote was reported on 15 July 2025 and the draft law was submitted on 11 July, so it took place between those days; the record gives no day."),
    ev("pol-senate-vote-2025-07-17", "2025-07-17", "legislation",
       "Poland's Senate approves the withdrawal law",
       "Poland's Senate passes the withdrawal law without amendment.",
       ["POL"],
       [("r-poland-co-pl", "POL row: Senate without amendment 17 Jul 2025")],
       REC % "POL" + "the note's “Senate without amendment 17 Jul 2025”."),
    ev("ukr-suspension-2025-07-18", "2025-07-18", "suspension",
       "Ukraine notifies the UN that it suspends the treaty",
       "Ukraine formally informs the UN that it suspends the operation of the convention, citing article 62 of the Vienna Convention on the Law of Treaties. This is not an instrument of withdrawal under Article 20: Human Rights Watch and the ICBL say Ukraine legally remains a State Party.",
       ["UKR"],
       [("r-hrw-2025-ukr", "UKR row: deposited: HRW: \"On July 18, Ukraine formally informed the UN that it has suspended its operation\" of the treaty, citing VCLT art.62"),
        ("r-icbl-2025-ukr", "UKR row: ICBL (25 Jul 2025) calls it a Depositary Notification announcing suspension - i.e. NOT an Art.20 instrument of withdrawal")],
       REC % "UKR" + "column withdrawal_deposited. Kind “suspension”, not a withdrawal deposit, so the app derives no effective date; Ukraine is also engaged in an armed conflict (Article 20(3)).",
       status={"UKR": "withdrawal-in-progress"}),
    ev("pol-president-signs-2025-07", "2025-07-24~", "legislation",
       "Poland's president signs the withdrawal law",
       "President Andrzej Duda signs Poland's law on withdrawing from the convention; the notification to the UN follows.",
       ["POL"],
       [("r-poland-co-pl", "POL row: President Duda signed about a week later (poland.co.pl)")],
       "Worked out from the treaty record (states.csv, POL row): “about a week” after the Senate vote of 17 July 2025, i.e. about 24 July; approximate (~), no exact day is known."),
    ev("pol-withdrawal-effective-2026-02-20", "2026-02-20", "withdrawal-effective",
       "Poland's withdrawal takes effect",
       "Poland is no longer bound by the convention. No source read gives the day Poland deposited its withdrawal; the app works it out from this date (Article 20(2): six months before).",
       ["POL"],
       [("r-poland-co-pl", "POL row: effective: 20 Feb 2026 (poland.co.pl; news.by 15 Jan 2026; Deputy MoD Tomczyk via okx post). deposited: NOT stated in any source read (a 20 Feb 2026 effect would imply deposit 20 Aug 2025 - not filled)")],
       REC % "POL" + "column withdrawal_effective. Typed in because Poland's deposit date is unknown; the app derives the deposit from it (Article 20(2)).",
       status={"POL": "withdrawn"}),
]

# CSV withdrawal columns → the events that must carry them.
WITHDRAWAL_CHECKS = {
    "EST": ("est-lva-ltu-pol-joint-statement-2025-03-18", "est-withdrawal-deposited-2025-06-27", None),
    "LVA": ("est-lva-ltu-pol-joint-statement-2025-03-18", "lva-withdrawal-deposited-2025-06-27", None),
    "LTU": ("est-lva-ltu-pol-joint-statement-2025-03-18", "ltu-withdrawal-deposited-2025-06-27", None),
    "POL": ("est-lva-ltu-pol-joint-statement-2025-03-18", None, "pol-withdrawal-effective-2026-02-20"),
    "FIN": ("fin-government-decision-2025-04-01", "fin-withdrawal-deposited-2025-07-10", None),
    "UKR": ("ukr-nsdc-decree-2025-06-29", "ukr-suspension-2025-07-18", None),
}

# --------------------------------------------------------------------------------------------
# Disagreements found in the record (states_notes.md)
# --------------------------------------------------------------------------------------------

RECORD_DISPUTES = [
    dict(id="ltu-signature-date", topic="When Lithuania signed: 26 or 22 February 1999",
         claims=[
             dict(source="r-trb-2003-112", text="Landmine Monitor 1999 and 2000 and the Dutch Treaty Series (Tractatenblad 2003-112) give 26 February 1999",
                  reading="Lithuania signed on 26 February 1999."),
             dict(source="r-monitor-2023-ltu", text="current Monitor profile (the-monitor.org/en-gb/reports/2023/lithuania/mine-ban-policy.aspx) gives 22 Feb 1999 (conflict)",
                  reading="Lithuania signed on 22 February 1999."),
         ],
         events=["ltu-signature-1999-02-26"],
         note="The dataset uses 26 February 1999, given by three earlier sources (LM1999, LM2000, Tractatenblad 2003-112), as the record does. Check against UNTC XXVI-5."),
    dict(id="ukr-ratification-date", topic="When Ukraine ratified: 27 December or 18 May 2005",
         claims=[
             dict(source="r-apmbc-isu-ukr", text="UKR signed 24 Feb 1999, ratified 27 Dec 2005, in force 1 Jun 2006",
                  reading="Ukraine ratified (deposited its instrument) on 27 December 2005."),
             dict(source="r-lieber", text="lieber.westpoint.edu says ratified 18 May 2005 (conflict; probably the domestic ratification law)",
                  reading="Ukraine ratified on 18 May 2005."),
             dict(source="r-lm2006-ukr", text="Parliament approved the ratification law on 18 May 2005; the instrument was deposited with the UN on 27 December 2005 (summary).",
                  reading="Both: 18 May 2005 is the domestic ratification law, 27 December 2005 the deposit that made Ukraine a party."),
             dict(source="a004", text="Ukraine signed the Ottawa Convention in 1999 and ratified it in 2005.",
                  reading="2005, no day (all five articles agree on the year)."),
         ],
         events=["ukr-ratification-2005-12-27", "ukr-ratification-2005"],
         note="Not a real conflict: the two dates are two steps. The dataset dates the ratification by the deposit, 27 December 2005, as for every other state."),
    dict(id="ton-accession-date", topic="When Tonga deposited its accession: 25 or 26 June 2025",
         claims=[
             dict(source="r-icbl-2025-ton", text="accession deposited 25 Jun 2025, 166th State Party (ICBL)",
                  reading="Tonga deposited its instrument of accession on 25 June 2025."),
             dict(source="r-matangi-2025-ton", text="Matangi Tonga (9 Dec 2025) says 26 June - conflict",
                  reading="Tonga deposited it on 26 June 2025."),
         ],
         events=["ton-accession-2025-06-25"],
         note="The dataset uses 25 June 2025 (the ICBL statement issued that day), as the record does."),
    dict(id="jor-signature-date", topic="When Jordan signed: 11 August 1998 or 1999",
         claims=[
             dict(source="r-trb-2003-112", text="The Dutch Treaty Series (Tractatenblad 2003-112) gives 11 August 1998",
                  reading="Jordan signed on 11 August 1998."),
             dict(source="r-lm1999-mena", text="LM1999 MENA says \"11 August 1999\" (conflict, likely typo); LM1999: ratified Nov 1998 (month only)",
                  reading="Jordan signed on 11 August 1999, yet ratified in November 1998."),
         ],
         events=["jor-signature-1998-08-11", "jor-ratification-1998-11"],
         note="A signature cannot follow the ratification, so 1999 is taken as a typo in LM1999; the dataset uses 11 August 1998, as the record does."),
    dict(id="lva-saeima-vote-count", topic="Latvia's Saeima vote: 66-14-2 or 68-14",
         claims=[
             dict(source="r-iz-2025-lva", text="Saeima final reading 16 Apr 2025 - 66-14-2 per Xinhua/babel.ua/caliber.az",
                  reading="66 for, 14 against, 2 abstentions."),
             dict(source="r-tass-2025-lva", text="68-14 per TASS/censor.net (conflict)",
                  reading="68 for, 14 against."),
         ],
         events=["lva-saeima-vote-2025-04-16"],
         note="Both sources say they follow Delfi. The date, 16 April 2025, is not in dispute. Izvestia (iz.ru) is not among the outlets the record names for 66-14-2; it was found for this dataset and gives the same count."),
    dict(id="vut-ratification-date", topic="When Vanuatu ratified: 6 or 16 September 2005",
         claims=[
             dict(source="r-paclii", text="PacLII status report (last updated 5 May 2006): ratified 6 September 2005",
                  reading="Vanuatu ratified on 6 September 2005."),
             dict(source="r-lm2005-vut", text="The instrument of ratification was deposited with the UN on 16 September 2005.",
                  reading="Vanuatu deposited its instrument of ratification on 16 September 2005."),
         ],
         events=["vut-ratification-2005-09-06"],
         note="The dataset keeps the record's 6 September 2005 (PacLII) and notes the Monitor's 16 September 2005; ten days apart, both in September 2005. Check against the UN treaty record (UNTC XXVI-5)."),
    dict(id="pol-sejm-vote-date", topic="The day of Poland's Sejm vote: 25 or 26 June 2025",
         claims=[
             dict(source="r-poland-co-pl", text="26 Jun 2025 per poland.co.pl",
                  reading="The Sejm voted on 26 June 2025."),
             dict(source="r-tass-2025-pol", text="TASS 26 Jun",
                  reading="Reported on 26 June 2025 (the report's dateline, not necessarily the day of the vote)."),
             dict(source="r-globnews-2025-pol", text="one outlet says 25 Jun",
                  reading="The Sejm voted on the evening of 25 June 2025 (glob-news.com, found for this dataset; the record does not name its outlet)."),
         ],
         events=["pol-sejm-vote-2025-06"],
         note="The event is dated 2025-06-25/2025-06-26 to cover both. The vote count, 413-15-3, is not in dispute."),
]

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


class BuildError(Exception):
    pass



def split_segments(text):
    """Splits on '; ' outside parentheses."""
    parts, depth, cur = [], 0, ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if depth == 0 and text.startswith("; ", i):
            parts.append(cur)
            cur = ""
            i += 2
            continue
        cur += ch
        i += 1
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


# Segments of a row's note that bear on its status although they do not start with "status:".
STATUS_CONTEXT = ("no accession 2019-2025", "party by elimination", "ACA 2022:")


def note_parts(row):
    """The row's note, split into what it says of the status and what it says of dates."""
    main = row["source_note"].split(" || other sources: ")[0]
    segments = split_segments(main)
    status = [s[len("status:"):].strip() if s.startswith("status:") else s
              for s in segments if s.startswith("status:") or s.startswith(STATUS_CONTEXT)]
    dates = [s for s in segments if not (s.startswith("status:") or s.startswith(STATUS_CONTEXT))]
    return status, dates


def add_months(date_text, months):
    d = datetime.date.fromisoformat(date_text)
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    return datetime.date(y, m, min(d.day, calendar.monthrange(y, m)[1])).isoformat()


def first_day(date_text):
    """The day the app counts a date from (see dataset-format.md), for sorting."""
    start, _, end = date_text.partition("/")
    point = (start or end).rstrip("?~%")
    parts = point.split("-")
    return "%s-%s-%s" % (parts[0], parts[1] if len(parts) > 1 else "01",
                         parts[2] if len(parts) > 2 else "01")


def date_citations(row, field):
    code = row["iso3"]
    _, dates = note_parts(row)
    text = "; ".join(dates).split(" announced:")[0]   # withdrawing states: the joining part only
    ids = DATE_OVERRIDES.get((code, field))
    if ids is None:
        ids = []
        blocked = set()
        for keyword, sid in DATE_KEYWORDS:
            if keyword in text:
                if sid is None:
                    blocked.add("r-nl-verdragenbank")
                elif sid not in ids and sid not in blocked:
                    # A "signed:"-only keyword does not back the joining date and vice versa.
                    seg = next(s for s in dates if keyword in s)
                    if field == "joined" and seg.startswith("signed:"):
                        continue
                    if field == "signed" and seg.startswith("joined:"):
                        continue
                    if field == "signed" and keyword.startswith("LM200"):
                        continue
                    ids.append(sid)
    if not ids:
        raise BuildError("%s: no source found for the %s date in its note" % (code, field))
    cites = []
    for sid in ids:
        if sid not in SOURCE_BY_ID:
            raise BuildError("%s: unknown source %s" % (code, sid))
        what = "signature" if field == "signed" else joining_kind(row)
        cites.append(dict(source=sid,
                          note="Gives %s for %s's %s." % (words(row[field]), row["name"], what),
                          internal_note="%s row, %s %s; the record's note: %s"
                          % (code, field, row[field], text)))
    return cites


def joining_kind(row):
    code = row["iso3"]
    if code in KIND_OVERRIDES:
        return KIND_OVERRIDES[code]
    _, dates = note_parts(row)
    text = " ".join(s for s in dates if not s.startswith("signed:")).lower()
    text = text.split("announced:")[0]          # withdrawing states: keep the joining part
    acc = re.search(r"accession|acceded|accede", text) is not None
    rat = re.search(r"ratif", text) is not None
    if acc and not rat:
        return "accession"
    if rat and not acc:
        return "ratification"
    if acc and rat:
        raise BuildError("%s: the note says both ratification and accession" % code)
    return "ratification" if row["signed"] else "accession"


# --------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------

def build_record(rows):
    states, events = [], []
    used_sources = set()

    for row in rows:
        code, name, status = row["iso3"], row["name"], row["status"]
        status_notes, _ = note_parts(row)
        if code in PRE_WITHDRAWAL_RECORD:
            sid = PRE_WITHDRAWAL_RECORD[code]
            rec_status = "party"
            lead = ("Status before the 2025 withdrawal, which the dated events carry (the CSV says “%s”). "
                    % status)
        else:
            if status not in ("party", "non-party"):
                raise BuildError("%s: unexpected status %s" % (code, status))
            sid = SOURCE_BY_URL.get(row["source_url"])
            if sid is None:
                raise BuildError("%s: the source URL %s has no record source" % (code, row["source_url"]))
            rec_status = status
            lead = ""
        src = SOURCE_BY_ID[sid]
        if "known_by" not in src:
            raise BuildError("%s: source %s gives no as-of date" % (code, sid))
        used_sources.add(sid)
        listing = "; ".join(status_notes).rstrip(".")
        note = (lead + listing[:1].upper() + listing[1:] +
                ". Known by %s: %s." % (src["known_by"], src["known_by_why"]))
        states.append(dict(code=code, name=name,
                           record=dict(status=rec_status, known_by=src["known_by"], source=sid,
                                       note=note)))

        same_day = row["signed"] and row["signed"] == row["joined"]
        for field in ("signed", "joined"):
            date = row[field]
            if not date:
                continue
            datetime.date.fromisoformat(date)
            kind = "signature" if field == "signed" else joining_kind(row)
            cites = date_citations(row, field)
            used_sources.update(c["source"] for c in cites)
            weak = WEAK_DATES.get((code, field))
            internal = "From the treaty record: states.csv, column `%s`." % field
            done = {"signature": "Signed", "ratification": "Ratified",
                    "accession": "Acceded"}[kind]
            basis = "%s on %s%s, according to the treaty record." % (
                done, words(date),
                "" if kind == "signature" else " (the day the instrument was deposited)")
            edtf = date
            if weak:
                edtf = date + "?"
                basis += (" Marked uncertain (?): the date comes from %s, a weak source the record "
                          "asks to verify." % weak)
            verb = {"signature": "signs", "ratification": "ratifies", "accession": "accedes to"}[kind]
            e = dict(id="%s-%s-%s" % (code.lower(), kind, date), date=edtf, date_basis=basis,
                     kind=kind, title="%s %s the Mine Ban Treaty" % (name, verb),
                     summary="%s %s the Ottawa Convention%s." % (
                         name, verb,
                         "" if kind == "signature" else
                         " (the date the instrument of %s was deposited, as the record gives it)" % kind),
                     states=[code])
            if kind == "signature" and same_day:
                e["date_basis"] += (" %s signed and ratified on the same day, so the map shows it as "
                                    "a party from that day." % name)
                internal += (" Signed and ratified on the same day: the signature sets no status, "
                             "so that the same-day ratification decides it.")
            else:
                e["status"] = {code: "signatory" if kind == "signature" else "party"}
            e["citations"] = cites
            e["internal_note"] = internal
            events.append(e)

    names = {r["iso3"]: r["name"] for r in rows}
    for n in NOTE_EVENTS:
        code, kind = n["code"], n["kind"]
        if code not in names:
            raise BuildError("NOTE_EVENTS: unknown state %s" % code)
        row = next(r for r in rows if r["iso3"] == code)
        if (kind == "signature" and row["signed"]) or (kind != "signature" and row["joined"]):
            raise BuildError("NOTE_EVENTS: %s already has a %s date in the CSV" % (code, kind))
        if n["cite"] not in row["source_note"]:
            raise BuildError("NOTE_EVENTS: %s's note does not say “%s”" % (code, n["cite"]))
        date = n["date"]
        internal = n.get("internal") or (
            "From the treaty record: the %s row's note gives %s only, so the date has that precision; "
            "no day is invented." % (code, "the year" if len(date) == 4 else "the month"))
        basis = n.get("basis") or (
            "The treaty record gives only the %s, %s, so no %s is shown." % (
                "year" if len(date) == 4 else "month", words(date),
                "month or day" if len(date) == 4 else "day"))
        verb = {"signature": "signs", "ratification": "ratifies", "accession": "accedes to"}[kind]
        if date.startswith("/"):
            slug = "by-" + date[1:]          # /1999-03-31 -> by-1999-03-31
        elif "/" in date:
            slug = date.split("/")[0][:7]    # 1997-12-03/1997-12-04 -> 1997-12
        else:
            slug = date
        e = dict(id="%s-%s-%s" % (code.lower(), kind, slug), date=date, date_basis=basis, kind=kind,
                 title="%s %s the Mine Ban Treaty" % (names[code], verb),
                 summary="%s %s the Ottawa Convention.%s" % (
                     names[code], verb, (" " + n["extra"]) if n.get("extra") else ""),
                 states=[code],
                 status={code: "signatory" if kind == "signature" else "party"},
                 citations=[dict(source=n["source"],
                                 note=re.sub(r"\bLM(\d{4})", r"Landmine Monitor \1", n["cite"]),
                                 internal_note="%s row: %s" % (code, n["cite"]))],
                 internal_note=internal)
        used_sources.add(n["source"])
        events.append(e)

    by_id = {}
    for e in WITHDRAWAL_EVENTS:
        for c in e["citations"]:
            if c["source"] not in SOURCE_BY_ID:
                raise BuildError("%s: unknown source %s" % (e["id"], c["source"]))
            used_sources.add(c["source"])
        by_id[e["id"]] = e
        events.append(e)

    # The withdrawal table must agree with the CSV's withdrawal columns.
    for row in rows:
        code = row["iso3"]
        announced, deposited, effective = (row["withdrawal_announced"], row["withdrawal_deposited"],
                                           row["withdrawal_effective"])
        if code not in WITHDRAWAL_CHECKS:
            if announced or deposited or effective:
                raise BuildError("%s: withdrawal dates in the CSV but no withdrawal events" % code)
            continue
        a_id, d_id, e_id = WITHDRAWAL_CHECKS[code]
        if by_id[a_id]["date"] != announced or code not in by_id[a_id]["status"]:
            raise BuildError("%s: announcement %s ≠ CSV %s" % (code, by_id[a_id]["date"], announced))
        if d_id:
            if by_id[d_id]["date"] != deposited:
                raise BuildError("%s: deposit %s ≠ CSV %s" % (code, by_id[d_id]["date"], deposited))
            if by_id[d_id]["kind"] == "withdrawal-deposited":
                derived = add_months(deposited, 6)
                if derived != effective:
                    raise BuildError("%s: derived effective date %s ≠ CSV %s" % (code, derived, effective))
            elif effective:
                raise BuildError("%s: an effective date for a suspension" % code)
        else:
            if deposited:
                raise BuildError("%s: a deposit date in the CSV but no deposit event" % code)
            if by_id[e_id]["date"] != effective:
                raise BuildError("%s: effective %s ≠ CSV %s" % (code, by_id[e_id]["date"], effective))

    for d in RECORD_DISPUTES:
        for c in d["claims"]:
            if c["source"] in SOURCE_BY_ID:
                used_sources.add(c["source"])

    return states, events, used_sources


def merge(articles, rec_states, rec_events, used_sources):
    data = dict(format=articles["format"], title=articles["title"], language=articles["language"],
                updated=articles["updated"], treaty=articles["treaty"])
    if "story" in articles:
        data["story"] = articles["story"]

    # Sources used by the article layer's disputes count as used too.
    for d in articles.get("disputes", []):
        for c in d["claims"]:
            if c["source"] in SOURCE_BY_ID:
                used_sources.add(c["source"])
    record_sources = []
    for s in RECORD_SOURCES:
        if s["id"] in used_sources:
            record_sources.append(dict(id=s["id"], layer="record", title=s["title"], outlet=None,
                                       published=None, url=s["url"], document=None, note=s["note"],
                                       accessed=s.get("accessed", RECORD_READ)))
    data["sources"] = articles["sources"] + record_sources

    states = {s["code"]: s for s in rec_states}
    for partial in articles.get("states", []):
        target = states.get(partial["code"])
        if target is None:
            raise BuildError("articles-layer.json: state %s is not in states.csv" % partial["code"])
        for key, value in partial.items():
            if key == "code":
                continue
            if key in target:
                raise BuildError("articles-layer.json: %s.%s is set by the record too" % (partial["code"], key))
            target[key] = value
    data["states"] = rec_states

    rec_events = sorted(rec_events, key=lambda e: (first_day(e["date"]), e["id"]))
    data["events"] = articles["events"] + rec_events
    data["disputes"] = articles.get("disputes", []) + RECORD_DISPUTES

    # References must resolve.
    source_ids = [s["id"] for s in data["sources"]]
    if len(set(source_ids)) != len(source_ids):
        raise BuildError("duplicate source ids")
    event_ids = [e["id"] for e in data["events"]]
    dupes = {i for i in event_ids if event_ids.count(i) > 1}
    if dupes:
        raise BuildError("duplicate event ids: %s" % ", ".join(sorted(dupes)))
    codes = set(states)
    for e in data["events"]:
        for c in e["states"]:
            if c not in codes:
                raise BuildError("%s: unknown state %s" % (e["id"], c))
        for q in e.get("quotes", []) + e.get("citations", []):
            if q["source"] not in source_ids:
                raise BuildError("%s: unknown source %s" % (e["id"], q["source"]))
    for c in data.get("story", {}).get("states", []):
        if c not in codes:
            raise BuildError("story: unknown state %s" % c)
    for d in data["disputes"]:
        for c in d["claims"]:
            if c["source"] not in source_ids:
                raise BuildError("dispute %s: unknown source %s" % (d["id"], c["source"]))
        for eid in d.get("events", []):
            if eid not in event_ids:
                raise BuildError("dispute %s: unknown event %s" % (d["id"], eid))
    return data


def quote_position(document, quote):
    """Where @quote starts in @document, counting characters from 1; white-space runs match any
    white-space run, as build-aux/verify-quotes.py checks them."""
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    found = re.search(pattern, document)
    return found.start() + 1 if found else None


def add_positions(data, seeds):
    """Each article quote's `at`: the character where it starts in its document, which the
    app shows analysts behind the quote's details."""
    documents = {s["id"]: s["document"] for s in data["sources"] if s["layer"] == "article"}
    texts = {}
    for e in data["events"]:
        for q in e.get("quotes", []):
            doc = documents[q["source"]]
            if doc not in texts:
                with open(os.path.join(seeds, doc), encoding="utf-8") as f:
                    texts[doc] = f.read()
            at = quote_position(texts[doc], q["text"])
            if at is None:
                raise BuildError("%s: a quote is not in %s: %s" % (e["id"], doc, q["text"][:60]))
            q["at"] = at


def notes_table(data):
    layer_of = {s["id"]: s["layer"] for s in data["sources"]}
    rows = []
    for e in data["events"]:
        layers = {layer_of[q["source"]] for q in e.get("quotes", []) + e.get("citations", [])}
        rows.append((first_day(e["date"]), e["id"], e["date"], e["kind"], "/".join(sorted(layers)),
                     e["title"]))
    rows.sort()
    out = ["| id | date | kind | layer | title |", "|---|---|---|---|---|"]
    for _, eid, date, kind, layer, title in rows:
        out.append("| `%s` | `%s` | %s | %s | %s |" % (eid, date, kind, layer, title.replace("|", "\\|")))
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description="Build data/mine-ban-atlas.json from the treaty record and the article layer.")
    parser.add_argument("--reference", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "reference")))
    parser.add_argument("--articles", default=os.path.join(ROOT, "data", "articles-layer.json"))
    parser.add_argument("--seeds", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "seeds")),
                        help="the articles, to record where each quote starts (`at`)")
    parser.add_argument("--output", default=os.path.join(ROOT, "data", "mine-ban-atlas.json"))
    parser.add_argument("--notes-table", action="store_true",
                        help="print the Markdown table of events (for data/dataset-notes.md) instead of writing")
    args = parser.parse_args()

    with open(os.path.join(args.reference, "states.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != 197:
        print("warning: states.csv has %d rows, not 197" % len(rows), file=sys.stderr)
    with open(args.articles, encoding="utf-8") as f:
        articles = json.load(f)

    try:
        rec_states, rec_events, used = build_record(rows)
        data = merge(articles, rec_states, rec_events, used)
        add_positions(data, args.seeds)
    except BuildError as e:
        print("reference-to-dataset: %s" % e, file=sys.stderr)
        return 1

    if args.notes_table:
        print(notes_table(data))
        return 0

    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    n_rec = len(rec_events)
    print("%s: %d sources, %d states, %d events (%d article, %d record), %d disputes"
          % (os.path.relpath(args.output), len(data["sources"]), len(data["states"]),
             len(data["events"]), len(data["events"]) - n_rec, n_rec, len(data["disputes"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
