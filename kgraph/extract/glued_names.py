"""Which words the NER glued onto a name, or split off one, decided on its names before typing.

Decides these repairs of the NER's names:

- a list read as one name is its items: "Gazpromneft, Rosneft" (one name of the NER's with a comma
  inside) is two names of its label, unless an "of" inside makes the comma part of a body's name
  ("the Isle of Kellmore, Dorset");
- a verb's "-ing" form opening the sentence is no part of the name after it: "Praising Kestrel and
  ..." (the parse's verb, not a name's word: "Reading Borough" is a proper noun);
- the first word of an organisation's name opening a sentence, written only there, is no part of it where
  the document names the rest elsewhere ("Senior Kestrel Bank executives ... Kestrel Bank said");
- a plural demonym before a person's name is no part of it, and says the name is a person's ("Irishmen PJ
  Dunleavy", "fellow Britons Tom Hartley");
- a body's name the NER cut before its "for the ..." phrase runs to the phrase's last capitalised word ("the
  UN Office for the Coordination of Maritime Affairs"; not "the UN Office for two years"); where the NER left
  the head noun out ("Commission for Fair Trade chairman X": no name, or "Fair Trade" alone), the head and the
  capitalised words before it that are no name's open the body's name;
- a venue's name runs on through "'s in the" and a place's name before a venue's noun ("Kellan's in the Mall
  restaurant": ``kgx:VenueNoun``);
- a name that opens with a closing bracket starts after it ("(Nasa) Lindqvist Research Center");
- a name before a police force's lower-case noun (``kgx:ForceNoun``) is a place's, where the force is
  ("Kellshire police chief X": no organisation called "Kellshire");
- a firm's kind (``kgx:FirmNoun``, its initials ``kgx:FirmKindInitials``: "ISP") before one word spelt like a
  brand (a digit or a capital inside: "Freedom2go", "NetKell") is no part of the name;
- a list of bodies the NER read as one name is its items even with an "of" in one of them ("the House of
  Lords, Kellish Parliament": each item ends in a body's head noun);
- a one-word name opening a sentence that is a common noun of the dictionary, before a lower-case noun and a
  person's name, is the person's field, no organisation ("Opera impresario Sir X"), unless the document writes
  the word with a capital elsewhere;
- a compass word the NER made a name of its own ("South East") before a place's name is that name's
  first word ("South East" + "Asia"), or before a country's adjective part of the adjective ("South
  East Asian countries": no place of its own).
- a time zone after a clock time is no part of the name after it ("by 1300 GMT Kestrel's shares": the
  name is "Kestrel");
- a word that dates a post (``kgx:FutureTitleWord``, "former", "outgoing") opening a sentence is no part of
  the name after it ("Incoming Kestrel chief executive X": the firm is "Kestrel");
- two bodies' names the NER read as one name with an "and" between are two names, where the words before the
  "and" end in a body's head noun (``kgx:BodyOfPeople``), "of" and capitalised words and those after it are a
  body's name of their own, ending in its head noun or going on with its "of" ("the Kellish Department of
  Fisheries and State University of Oslo"; not "the Department of Trade and Industry");
- a body's name the NER ran on into "in" and a place ("Kellby Infants School in Oslo") is the body's name
  and the place's: an organisation's head noun before the "in", capitalised words after it.

Example: in "The firm bought shares in Gazpromneft, Rosneft and Lukoil.", the names are
Gazpromneft, Rosneft and Lukoil.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.body_names import body_heads, in_place_of
from kgraph.extract.doc_text import doc_text, doc_tokens, doc_words
from kgraph.extract.lexicon import _COUNTRY_ADJECTIVES, _COUNTRY_NAMES, _FORMER, _TIME_ZONES
from kgraph.nlp import dictionary_words
from kgraph.ontology import Ontology, per_ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["clock_zone", "opens_sentence", "unglued"]

_COMPASS = frozenset(
    "north south east west northern southern eastern western central north-east south-east north-west "
    "south-west".split()
)
_NAMES = frozenset({"ORG", "GPE", "LOC", "PERSON", "NORP", "FAC"})
#: Words that make a comma part of one name: a body's "of" ("the Isle of Kellmore, Dorset"), a firm's partners.
_KEEP = frozenset({"of", "and", "&"})




def _plural_demonym(word: str) -> bool:
    """ "Irishmen", "Frenchwomen", "Americans", "Britons": a plural noun for people of a country."""
    w = word.lower()
    for ending in ("women", "men"):
        if w.endswith(ending) and w[: -len(ending)] in _COUNTRY_ADJECTIVES:
            return True
    if w.endswith("ons") and w[:-3] + "ish" in _COUNTRY_ADJECTIVES:
        return True  # "Britons"
    return w.endswith("s") and w[:-1] in _COUNTRY_ADJECTIVES


def _without_demonym(ent: Span) -> Span:
    """ "Irishmen PJ Dunleavy" -> "PJ Dunleavy" (a person's name): a plural demonym the NER glued before two or
    more capitalised words."""
    from spacy.tokens import Span

    if ent.label_ not in {"PERSON", "ORG", "NORP"} or len(ent) < 3 or not _plural_demonym(ent[0].text):
        return ent
    if not all(t.is_alpha and t.text[:1].isupper() or t.text == "." for t in ent[1:]):
        return ent
    return Span(ent.doc, ent.start + 1, ent.end, label="PERSON")


def _after_bracket(ent: Span) -> Span | None:
    """ "Nasa) Lindqvist Research Center" -> "Lindqvist Research Center": a name does not hold a closing bracket
    it did not open; it starts after it (None where nothing is left)."""
    from spacy.tokens import Span

    texts = [t.text for t in ent]
    if ")" not in texts or "(" in texts[: texts.index(")")]:
        return ent
    start = ent.start + texts.index(")") + 1
    return Span(ent.doc, start, ent.end, label=ent.label_) if start < ent.end else None


def _for_phrase_end(doc: Doc, ent: Span, ontology: Ontology) -> int:
    """Where a body's name ending in an office's noun (``kgx:ForPhraseBody``) ends when a "for (the) Capitalised
    Words" phrase follows: at the phrase's last capitalised word ("Office for the Coordination of Maritime
    Affairs"); ``ent.end`` where no capitalised word follows "for (the)"."""
    if ent.label_ != "ORG" or ent[-1].lower_ not in ontology.words("ForPhraseBody"):
        return ent.end
    return _capitalised_for_end(doc, ent.end)


def _capitalised_for_end(doc: Doc, end: int) -> int:
    """The end of the capitalised words of a "for (the) ..." phrase at ``end``; ``end`` where there are none."""
    if end >= len(doc) or doc[end].lower_ != "for":
        return end
    i = end + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    while i < len(doc) and "\n" not in doc[i - 1].whitespace_:
        if _capitalised(doc[i]):
            end = i + 1
        elif doc[i].lower_ not in _KEEP or not (i + 1 < len(doc) and _capitalised(doc[i + 1])):
            break
        i += 1
    return end


def _unlabelled_for_bodies(doc: Doc, ents: list[Span], ontology: Ontology) -> list[Span]:
    """The NER's names with a body's name it left unlabelled, or cut to the words of its "for" phrase, made one
    name: a capitalised office's noun (``kgx:ForPhraseBody``) outside the NER's names, with the capitalised
    words before it that are no name's either, right before "for (the) Capitalised Words" ("Commission for Fair
    Trade chairman X", where the NER saw no name or only "Fair Trade"); not before a person's name ("the Council
    for Anna Berg")."""
    from spacy.tokens import Span

    owner = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    heads = ontology.words("ForPhraseBody")
    if heads.isdisjoint(doc_words(doc)):
        return ents  # no body's noun in the document
    joined: list[Span] = []
    for token in doc_tokens(doc)[:-2]:
        if token.i in owner or not _capitalised(token) or token.lower_ not in heads:
            continue
        end = _capitalised_for_end(doc, token.i + 1)
        inside = {owner[i] for i in range(token.i + 1, end) if i in owner}
        if end == token.i + 1 or any(e.label_ == "PERSON" or e.end > end for e in inside):
            continue
        start = token.i
        while start > 0 and _capitalised(doc[start - 1]) and start - 1 not in owner:
            if doc[start - 1].is_sent_start and doc[start - 1].pos_ != "PROPN":
                break  # "Senior Commission for ...": an adjective opening the sentence
            start -= 1
        joined.append(Span(doc, start, end, label="ORG"))
    return in_place_of(ents, joined)


def _before_force(doc: Doc, ent: Span, ontology: Ontology) -> Span:
    """ "Kellshire" + "police chief X": a place's name before a police force's lower-case noun (``kgx:ForceNoun``)
    says where the force is; it is the place's (a GPE), no organisation called "Kellshire"."""
    from spacy.tokens import Span

    if (
        ent.label_ != "ORG" or not all(t.is_alpha and t.is_title for t in ent) or ent.end >= len(doc)
        or not doc[ent.end].is_lower or doc[ent.end].lower_ not in ontology.words("ForceNoun")
    ):
        return ent
    return Span(doc, ent.start, ent.end, label="GPE")


@per_ontology
def _job_titles(ontology: Ontology) -> frozenset[str]:
    """The relational nouns' triggers: the titles of posts ("manager", "spokesman")."""
    return frozenset(t for p in ontology.patterns if p.frame == "RelationalNoun" for t in p.triggers)


def _venue_end(doc: Doc, ent: Span, after: Span | None, ontology: Ontology) -> int:
    """Where a venue's name ends that runs on with "'s in the" and a place's name before a venue's lower-case noun
    (``kgx:VenueNoun``): "Kellan's in the Mall restaurant" is one name ("Kellan's in the Mall"); ``ent.end``
    otherwise."""
    i = ent.end
    words = [t.lower_ for t in doc[i : i + 3]]
    if ent.label_ not in {"ORG", "PERSON"} or words != ["'s", "in", "the"] or after is None or after.start != i + 3:
        return ent.end
    if after.end < len(doc) and doc[after.end].is_lower and doc[after.end].lower_ in ontology.words("VenueNoun"):
        return after.end
    return ent.end


def _brand_like(token: Token) -> bool:
    """ "Freedom2go", "NetKell": a digit or a capital after the first letter, the spelling of a brand."""
    return token.text[:1].isupper() and any(c.isdigit() or c.isupper() for c in token.text[1:]) and not token.is_upper


def _without_kind(ent: Span, ontology: Ontology) -> Span:
    """ "ISP Freedom2go" -> "Freedom2go": a firm's kind before one word spelt like a brand is a descriptor."""
    kinds = ontology.words("FirmNoun") | ontology.words("FirmKindInitials")
    if len(ent) == 2 and ent[0].lower_ in kinds and _brand_like(ent[1]):
        from spacy.tokens import Span

        return Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    return ent


def _field_word(ent: Span, ontology: Ontology) -> bool:
    """ "Opera" in "Opera impresario Sir Leo Marsh said": a one-word organisation's name opening the sentence that
    is a noun of the dictionary, before a lower-case noun that is no job title and a person's name, where the
    document writes it with a capital nowhere else: the person's field, no organisation. (The dictionary holds
    places too, and a job title after a club's or firm's name is a post in it: "Kellby manager X".)"""
    doc = ent.doc
    if (
        ent.label_ != "ORG" or len(ent) != 1 or not ent[0].is_title or not opens_sentence(ent[0])
        or ent.end + 1 >= len(doc)
    ):
        return False
    noun, after = doc[ent.end], doc[ent.end + 1]
    if not (noun.is_lower and noun.pos_ in {"NOUN", "PROPN"} and after.ent_type_ == "PERSON" and after.ent_iob_ == "B"):
        return False
    if noun.lower_ in _job_titles(ontology):
        return False
    if ent[0].lower_ not in dictionary_words("noun"):
        return False
    return not any(t.text == ent[0].text for t in doc_tokens(doc) if t.i != ent.start)


def _body_list(ent: Span, ontology: Ontology) -> bool:
    """ "House of Lords, Kellish Parliament": capitalised items each ending in a body's head noun
    (a parliament's, an assembly's), so the "of" inside one item keeps no comma in the name."""
    if ent.label_ not in {"ORG", "GPE"} or any(t.lower_ in {"and", "&"} for t in ent):
        return False
    items: list[list[Token]] = [[]]
    for t in ent:
        if t.text == ",":
            items.append([])
        else:
            items[-1].append(t)
    parliaments = ontology.words("ParliamentName")
    return len(items) > 1 and all(
        item and item[0].is_title and item[-1].is_title
        and (ontology.class_for_head(item[-1].lower_) is not None or item[-1].lower_ in parliaments)
        for item in items
    )


def _items(ent: Span, ontology: Ontology) -> list[Span]:
    """ "Gazpromneft, Rosneft" -> its items; the name itself where it is no list, or a firm's name ("Hallam,
    Croft & Co.", "Kestrel, Inc.": an "and" or a company's suffix after the comma)."""
    from spacy.tokens import Span

    if ent.label_ not in _NAMES or "," not in [t.text for t in ent]:
        return [ent]
    if any(t.lower_ in _KEEP for t in ent) and not _body_list(ent, ontology):
        return [ent]
    last = [t for t in ent if t.text == ","][-1]
    if ent.end - last.i == 2 and ontology.class_for_head(ent[-1].lower_) is not None:
        return [ent]
    doc = ent.doc
    if (
        ent.end + 1 < len(doc)
        and doc[ent.end].lower_ == "and"
        and doc[ent.end + 1].is_title
        and doc[ent.end + 1].ent_type_ not in _NAMES
    ):
        return [ent]  # "Lock, Stock" + "and Two Smoking Barrels": the words go on past the NER's name
    items: list[Span] = []
    start = ent.start
    for t in [*ent, None]:
        if t is None or t.text == ",":
            end = t.i if t is not None else ent.end
            if end == start or not doc[start].is_title or end - start == 1 and doc[start].tag_ in {"NNS", "NNPS"}:
                return [ent]  # ", ," or an item in lower case or a plural alone: not a list of names
            items.append(Span(ent.doc, start, end, label=ent.label_))
            start = end + 1
    return items


def opens_sentence(token: Token) -> bool:
    """The first word of a sentence or a line (the parse may open the sentence at the line break before it)."""
    return token.is_sent_start or token.i > 0 and token.nbor(-1).is_space


def without_first(ent: Span) -> Span:
    """The name without its first word, keeping the NER's label (a slice ``ent[1:]`` has none)."""
    from spacy.tokens import Span

    return Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)


def _without_gerund(ent: Span, ontology: Ontology) -> Span:
    """ "Praising Kestrel" -> "Kestrel": a verb's "-ing" form opening the sentence (not before a head noun
    that says the name's kind: "Racing Club")."""
    first = ent[0]
    if (
        len(ent) > 1
        and opens_sentence(first)
        and first.tag_ == "VBG"
        and first.pos_ == "VERB"
        and not any(ontology.class_for_head(t.lower_) for t in ent[1:])
    ):
        return without_first(ent)
    return ent


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _written_alone(rest: Span) -> bool:
    """Whether the document writes ``rest`` (capitalised words) elsewhere as a name of the NER's, with no
    capitalised word right before or after it."""
    doc = rest.doc
    words = [t.text for t in rest]
    if not all(t.is_alpha and t.is_title or t.is_upper and t.is_alpha for t in rest):
        return False
    n = len(words)
    tokens = doc_tokens(doc)
    for i in range(len(doc) - n + 1):
        if i == rest.start or tokens[i].text != words[0] or [t.text for t in tokens[i : i + n]] != words \
                or not tokens[i].ent_type_:
            continue  # (elsewhere too a name of the NER's: not "TV", "Fox TV")
        before = tokens[i - 1] if i > 0 else None
        after = tokens[i + n] if i + n < len(doc) else None
        if not (before is not None and _capitalised(before) and not opens_sentence(tokens[i])) and not (
            after is not None and _capitalised(after)
        ):
            return True
    return False


def _without_opening_word(ent: Span, text: str) -> Span:
    """ "Senior Kestrel Bank" -> "Kestrel Bank": an organisation's name opening a sentence, written once, whose
    words after the first the document writes elsewhere ("Ailing Orbix vows turnaround ... Orbix said"); not
    a country's name or a compass word ("US Federal Reserve"), nor a word the document capitalises where no
    sentence opens ("Fox TV's X ... on Fox"), which is a name's. ``text`` is the document's text."""
    doc = ent.doc
    if (
        ent.label_ != "ORG"
        or len(ent) < 2
        or not opens_sentence(ent[0])
        or ent[0].lower_ in _COMPASS | _COUNTRY_NAMES
        or text.count(ent.text) != 1
        or not _written_alone(ent[1:])
        or any(t.text == ent[0].text and not opens_sentence(t) for t in doc_tokens(doc))
    ):
        return ent
    return without_first(ent)


def _compass_joined(doc: Doc, ent: Span, after: Span | None) -> Span | None:
    """ "South East" + "Asia" -> "South East Asia" (the place's label); None for "South East" + "Asian"
    (an adjective's first words); the name itself otherwise."""
    from spacy.tokens import Span

    if not all(t.lower_ in _COMPASS for t in ent) or ent.end >= len(doc) or ent.label_ not in {"LOC", "GPE", "ORG"}:
        return ent
    if after is not None and after.start == ent.end:
        if after.label_ in {"GPE", "LOC"}:
            return Span(doc, ent.start, after.end, label=after.label_)
        if after.label_ == "NORP" and len(after) == 1 and doc[after.start].pos_ == "ADJ":
            return None
    return ent


def _without_parliament(ent: Span, ontology: Ontology) -> Span:
    """ "SNP Holyrood" (before "leader X"): a party's word glued to a parliament's name (kgx:ParliamentName) is
    the party alone; the parliament is where its post is."""
    if len(ent) < 2 or ent[-1].lower_ not in ontology.words("ParliamentName"):
        return ent
    party = " ".join(t.lower_ for t in ent[:-1] if t.lower_ != "the")
    parties = ontology.words("PartyWord")
    # "SNP Holyrood", "Scottish National Party Holyrood"
    if party in parties or party.endswith("s") and party[:-1] in parties or len(ent) > 2 and ent[-2].lower_ == "party":
        from spacy.tokens import Span

        return Span(ent.doc, ent.start, ent.end - 1, label=ent.label_)
    return ent


def clock_zone(span: Span) -> bool:
    """Whether a name is a time zone after a clock time: "1330 GMT", "9:30 EST", "10am BST"."""
    if span.text.lower() not in _TIME_ZONES or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.like_num or any(ch.isdigit() for ch in before.text) or before.lower_ in {"am", "pm", "a.m.", "p.m."}


def _without_zone(ent: Span) -> Span:
    """ "GMT Kestrel" after "1300" -> "Kestrel": a time zone after a clock time closes the time, no name's word."""
    if len(ent) < 2 or not clock_zone(ent[:1]) or not _capitalised(ent[1]):
        return ent  # ("2300 GMT - 0100": a time's range, no name)
    from spacy.tokens import Span

    return Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)


def _without_post_date(ent: Span, ontology: Ontology) -> Span:
    """ "Incoming Kestrel" (before "chief executive X") -> "Kestrel": a word that dates a post (kgx:FutureTitleWord,
    "former", "outgoing") opening a sentence, with capitalised words after it, qualifies the post, no name's word
    ("Elect" of a name written in the middle of a sentence stays); the one word left before a job title is the
    post's firm, though the NER took it for a person's name."""
    first = ent[0]
    if len(ent) < 2 or not opens_sentence(first) or first.lower_ not in ontology.words("FutureTitleWord") | _FORMER:
        return ent
    if not all(_capitalised(t) for t in ent[1:]):
        return ent
    doc, label = ent.doc, ent.label_
    titles = _job_titles(ontology)
    if len(ent) == 2 and label == "PERSON" and any(t.lower_ in titles for t in doc[ent.end : ent.end + 2]):
        label = "ORG"  # "Kestrel" + "chief executive X": one word before a title is the post's firm, no person
    from spacy.tokens import Span

    return Span(doc, ent.start + 1, ent.end, label=label)


def unglued(doc: Doc, ents: list[Span], ontology: Ontology) -> list[Span]:
    """The NER's names with lists split into their items, an opening verb cut off, and a compass word joined
    to the place after it (see the module's docstring)."""
    out: list[Span] = []
    skip_to = -1
    text = doc_text(doc)
    ents = _unlabelled_for_bodies(doc, ents, ontology)
    for k, ent in enumerate(ents):
        if ent.start < skip_to:
            continue
        after = ents[k + 1] if k + 1 < len(ents) else None
        bracketless = _after_bracket(ent)
        if bracketless is None:
            continue
        if _field_word(bracketless, ontology):
            continue
        ent = _before_force(doc, _without_kind(_without_demonym(_without_zone(bracketless)), ontology), ontology)
        ent = _without_post_date(ent, ontology)
        joined = _compass_joined(doc, ent, after)
        if joined is None:
            continue
        for_end = max(_for_phrase_end(doc, ent, ontology), _venue_end(doc, ent, after, ontology))
        if for_end > ent.end:
            from spacy.tokens import Span

            out.append(Span(doc, ent.start, for_end, label="ORG"))
            skip_to = for_end
            continue
        if joined.end > ent.end:
            out.append(joined)
            skip_to = joined.end
            continue
        out.extend(
            _without_parliament(_without_opening_word(_without_gerund(item, ontology), text), ontology)
            for piece in _items(ent, ontology)
            for item in _run_on(piece, ontology)
        )
    return out


def _body_of(words: Span, heads: frozenset[str]) -> bool:
    """Whether ``words`` end in a body's head noun, "of" and capitalised words ("... Department of Fisheries")."""
    ofs = [t.i for t in words if t.lower_ == "of" and t.i > words.start and t.nbor(-1).lower_ in heads]
    return bool(ofs) and ofs[-1] + 1 < words.end and all(t.is_title for t in words.doc[ofs[-1] + 1 : words.end])


def _run_on(ent: Span, ontology: Ontology) -> list[Span]:
    """The NER's organisation's name as the names it runs together: two bodies' names either side of an "and",
    or a body's name and the place after its "in" (see the module's docstring); else the name itself."""
    from spacy.tokens import Span

    if ent.label_ != "ORG":
        return [ent]
    doc, heads = ent.doc, body_heads(ontology)
    for t in ent[1:-1]:
        left, right = doc[ent.start : t.i], doc[t.i + 1 : ent.end]
        if t.lower_ == "and" and len(right) >= 2 and right[0].is_title and _body_of(left, heads) and (
            right[-1].lower_ in heads and right[-1].is_title or _body_of(right, heads)
        ):
            return [Span(doc, left.start, left.end, label="ORG"), Span(doc, right.start, right.end, label="ORG")]
        head = ontology.class_for_head(doc[t.i - 1].lower_)
        if (
            t.lower_ == "in"
            and head is not None
            and ontology.is_a(head, "Organization")
            and len(right) <= 3
            and all(w.is_title and w.is_alpha for w in right)
        ):
            return [Span(doc, left.start, left.end, label="ORG"), Span(doc, right.start, right.end, label="GPE")]
    return [ent]
