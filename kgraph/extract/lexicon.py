"""Word lists more than one part of the rule extractor reads.

Decides the closed word classes the frames, titles, places and mentions share: the
pattern wildcard ``ANY_NOUN``, the words of a former post ("former", "ex-"), the bodies of
an organisation a post can be "of" ("board", "council"), forms of address that also name a
post ("president"), the nouns of a part of a place ("north", "outskirts", "capital") and time zones.
The word lists of the domain are data in ``ontology/words.ttl``, read through
``Ontology.words`` (a chamber's head words, the nouns of goods, of kin, of a firm's kind); the
countries, their adjectives and the continents are still here, as several modules that read
them (names, name and company spans, award names) have no ontology at hand.
Example: in "Tomas Vidal, former chairman of the board of Orbitel Networks Inc., retired.",
"former" makes the post a past one and "board" is a body of Orbitel Networks Inc., not an
organisation of its own: Tomas Vidal was headOf Orbitel Networks Inc.
"""

from __future__ import annotations

#: The trigger of a pattern that any common noun fires ("X, a plant physiologist with Y"):
#: the argument types and the frame carry the meaning.
ANY_NOUN = "*"
_FORMER = {"former", "ex", "ex-", "then", "previous", "past", "late", "erstwhile", "outgoing", "one-time"}
#: Bodies of an organisation a post can be "of": "a member of the board of directors of Y".
_BODY_NOUNS = frozenset({"board", "staff", "faculty", "council", "committee", "panel", "management"})
#: Forms of address kept in a name that also name a post ("Acme President Brad Smith"); "Mr" names none.
_OFFICE_ADDRESS = frozenset({"president"})
_COMPASS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "north-east north-west south-east south-west northeastern northwestern southeastern southwestern".split()
)
#: Nouns for a part of a place: "in the north of Y" is in Y.
_PLACE_PARTS = _COMPASS | frozenset("centre center heart outskirts edge corner part suburbs".split())
#: Place nouns whose "of" phrase names what holds the place ("the capital of France", "the north
#: of Idaho"), where other place nouns take the place's own name ("the town of Duluth")
_PART_NOUNS = _PLACE_PARTS | {"capital", "suburb"}
#: A country's adjective -> the country's name: "French carmaker X" is based in France. Only words
#: that name nothing else (not "Jersey", "Georgian" a style, "Indian" of the Americas is "Indian" too:
#: it is read as India, which a news report about a company means).
_COUNTRY_ADJECTIVES = {
    "afghan": "Afghanistan", "albanian": "Albania", "algerian": "Algeria", "american": "US", "argentine": "Argentina",
    "argentinian": "Argentina", "australian": "Australia", "austrian": "Austria", "bangladeshi": "Bangladesh",
    "belgian": "Belgium", "brazilian": "Brazil", "british": "UK", "bulgarian": "Bulgaria", "canadian": "Canada",
    "chilean": "Chile", "chinese": "China", "colombian": "Colombia", "croatian": "Croatia", "cuban": "Cuba",
    "czech": "Czech Republic", "danish": "Denmark", "dutch": "Netherlands", "egyptian": "Egypt",
    "estonian": "Estonia", "ethiopian": "Ethiopia", "finnish": "Finland", "french": "France", "german": "Germany",
    "greek": "Greece", "hungarian": "Hungary", "icelandic": "Iceland", "indian": "India",
    "indonesian": "Indonesia", "iranian": "Iran", "iraqi": "Iraq", "irish": "Ireland", "israeli": "Israel",
    "italian": "Italy", "japanese": "Japan", "jordanian": "Jordan", "kenyan": "Kenya", "korean": "South Korea",
    "kuwaiti": "Kuwait", "latvian": "Latvia", "lebanese": "Lebanon", "libyan": "Libya", "lithuanian": "Lithuania",
    "malaysian": "Malaysia", "mexican": "Mexico", "moroccan": "Morocco", "nigerian": "Nigeria",
    "norwegian": "Norway", "pakistani": "Pakistan", "peruvian": "Peru", "philippine": "Philippines",
    "polish": "Poland", "portuguese": "Portugal", "romanian": "Romania", "russian": "Russia", "saudi": "Saudi Arabia",
    "scottish": "Scotland", "serbian": "Serbia", "singaporean": "Singapore", "slovak": "Slovakia",
    "slovenian": "Slovenia", "spanish": "Spain", "swedish": "Sweden", "swiss": "Switzerland", "syrian": "Syria",
    "taiwanese": "Taiwan", "thai": "Thailand", "turkish": "Turkey", "ukrainian": "Ukraine", "venezuelan": "Venezuela",
    "vietnamese": "Vietnam", "welsh": "Wales",
    # more states' adjectives news uses ("Turkmen President X", "Qatari investor X")
    "turkmen": "Turkmenistan", "kazakh": "Kazakhstan", "uzbek": "Uzbekistan", "azerbaijani": "Azerbaijan",
    "armenian": "Armenia", "belarusian": "Belarus", "ghanaian": "Ghana", "zimbabwean": "Zimbabwe",
    "zambian": "Zambia", "ugandan": "Uganda", "tanzanian": "Tanzania", "sudanese": "Sudan", "ecuadorian": "Ecuador",
    "bolivian": "Bolivia", "uruguayan": "Uruguay", "cypriot": "Cyprus", "maltese": "Malta", "qatari": "Qatar",
    "emirati": "United Arab Emirates", "omani": "Oman", "yemeni": "Yemen", "tunisian": "Tunisia",
    "nepalese": "Nepal", "cambodian": "Cambodia", "mongolian": "Mongolia", "jamaican": "Jamaica",
}
#: Countries whose adjective is two words, by the pair (the second word alone may name another: "North Korean").
_COUNTRY_ADJECTIVE_PAIRS = {
    "north korean": "North Korea", "south korean": "South Korea", "south african": "South Africa",
    "sri lankan": "Sri Lanka", "saudi arabian": "Saudi Arabia",
}
#: The first halves of a double nationality ("Anglo-Dutch", "Franco-German", "Sino-Japanese"): each names a
#: country only before a hyphen and a country's adjective ("Anglo-Saxon" and "Indo-European" name none).
_COUNTRY_COMBINING_FORMS = {
    "anglo": "UK", "franco": "France", "sino": "China", "russo": "Russia", "indo": "India", "italo": "Italy",
    "austro": "Austria", "hispano": "Spain", "luso": "Portugal", "greco": "Greece", "turco": "Turkey",
}
#: Adjectives of continents that say where a firm is as a country's would ("European plane maker X" is based in
#: Europe): read on an organisation's noun only, never as a person's nationality ("European leaders").
_CONTINENT_PLACES = {"european": "Europe", "asian": "Asia", "african": "Africa"}
#: Other names of the UK and the US, as news writes them, by the one kgraph gives each ("Bank of America": the US).
_UK_AND_US_NAMES = {
    "uk": "UK", "u.k.": "UK", "britain": "UK", "great britain": "UK", "united kingdom": "UK",
    "us": "US", "u.s.": "US", "usa": "US", "united states": "US", "america": "US",
}
_UK_AND_US = frozenset(_UK_AND_US_NAMES)
#: Countries (and the like) whose name after a company ("Orbitel in the UK") names its branch there.
_COUNTRY_NAMES = frozenset(
    {c.lower() for c in _COUNTRY_ADJECTIVES.values()} | _UK_AND_US | {"europe", "asia", "england"}
)
#: Sovereign countries, by their names and common short forms: one is never located in another
#: ("Argentina, Chile in copper deal" lists two). Scotland and Wales are parts of the UK, so not here.
_SOVEREIGN = frozenset({c.lower() for c in _COUNTRY_ADJECTIVES.values()} - {"scotland", "wales"} | _UK_AND_US)
#: Time zones: after a clock time ("at 1330 GMT in Zurich") such a word names no organisation.
_TIME_ZONES = frozenset(
    """gmt utc bst cet cest eet eest wet west est edt cst cdt mst mdt pst pdt et pt jst kst hkt sgt ist aest
    aedt msk""".split()
)
#: Continents and world regions: a name opening with their adjective ("the European Standards Institute") or
#: "the biggest operator in Europe" says what an organisation covers, not where it is based.
_CONTINENTS = frozenset(
    {"europe", "asia", "africa", "americas", "oceania", "antarctica", "eurasia", "north america", "south america",
     "latin america", "central america", "middle east", "far east"}
)
#: Adjectives of continents and of the Arab world: like a country's, they open no name ("New European rules").
_CONTINENT_ADJECTIVES = frozenset({"european", "american", "african", "asian", "arab"})
#: The days of the week: "Sunday" may open a newspaper's name ("the Sunday Herald"), never a dateline's place.
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: Months and weekdays: a capitalised one before a name dates the sentence ("In October Tory leader X").
_CALENDAR = _WEEKDAYS | frozenset(
    "january february march april may june july august september october november december".split()
)
