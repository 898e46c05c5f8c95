"""Words shared by the NLP stage, the extractor and resolution: titles and ranks before a name.

Decides which words before a capitalised name are no part of it: honorifics and offices
(``PERSON_TITLES``: "Dr.", "Sen.", "President") and rank abbreviations (``RANKS``: "Lt.",
"Capt.").  Example: in "Sen. Ada Brook met Lt. Omar Reyes.", "Sen." and "Lt." stand before
the names "Ada Brook" and "Omar Reyes".  No kgraph import: any layer may take these lists.
"""

from __future__ import annotations

__all__ = ["PERSON_TITLES", "RANKS"]


#: Words that stand before a person's name: honorifics and offices ("Dr.", "Sen.", "President").
PERSON_TITLES = frozenset(
    """mr mrs ms dr prof sir dame president sen senator gov governor minister rep gen general judge justice
    pope king queen prince princess lord lady rev father sister mayor chancellor duke duchess earl countess
    baron baroness marquess viscount""".split()
)
#: Rank and office abbreviations and words that stand before a name but are not part of it (and that
#: the NER takes into the organisation before them: "Coast Guard Lt. X", see kgraph.nlp).
RANKS = frozenset("""lt capt sgt cpl pvt col maj cmdr adm gen insp det supt""".split())
