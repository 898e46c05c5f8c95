"""Works, products and characters: names the document's own words say are no person, body or place.

Decides which names of a document are works (films, TV shows, games, albums, books), products or
fictional characters (a band is a body: kgraph.extract.kind_names), so that they are no mentions and take no
worksFor, founderOf or basedIn.  A name is a work where the words right around it say so:

- a noun of a work beside it ("the film Ray", "Friends, the TV series", "the video game Starfall", "Ray is a
  film", "Ray was named best film");
- a performer's noun after it ("former Harbour Lights actress X", "his Harbour Lights character", "the Harbour
  Lights co-writer X");
- a TV or radio channel in brackets after it or "on" it, or its possessive before it ("Harbour Lights (BBC
  Two)", "Harbour Lights on Channel 4", "BBC Two's Harbour Lights");
- "starred in Z"; and, in an article about performances (a film, an episode, an album, an actor ...),
  "the Z star X", "the Z creator X", "X, star of Z", "Best actor - X for Z", "X's role in Z", "X, who played Y
  in Z" (Y a character, Z a work), "X plays Y", "nominated for Z" (not a prize);
- a verb of a product ("launched the Xphone", "download X", "installed X") or a product's noun before the
  name, as what it is, or as what it is an example of ("the drug Xenor", "X is the top gadget", "special
  software, like X") where nothing in the article calls the
  name a firm ("X said it", "X's chief executive", "shares in X").

A name in a role noun's "as" phrase (kgx:RoleNoun: "his performance as Ray") is a character there
(:func:`plays_a_role`), the subject of no relation of its actor's.

The decision is per name per document: once one place in the article says the name is a work, every
occurrence of that name is one, and so is a name cut out of it by the NER ("Christ" in "The Passion
of the Christ"; in an article about performances, a title of three words or more the NER calls a work of
art counts as said).  Example:
in "Mara Quill starred in Harbour Lights. The Harbour Lights cast ...", both "Harbour Lights" are a
work; in "Tom Ellery played Ben Marsh in Harbour Lights." Ben Marsh is a character and Harbour Lights
a work; in "Rafael Soler played in Madrid." nothing says so.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgraph.extract.company_names import firms_possession, names_a_firm
from kgraph.extract.doc_text import doc_ents, doc_lemmas, doc_text, doc_tokens, doc_words, per_document
from kgraph.extract.product_names import product_ranges, product_texts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kgraph.ontology import Ontology

__all__ = ["is_work", "plays_a_role", "within_work"]

#: Number words that close the name of a TV or radio channel: "BBC Two", "Channel 4".
_CHANNEL_NUMBERS = frozenset("one two three four five".split())
#: The words before a work's noun that make it one by the words alone: "the single X", "charity single X"
#: (not "they play X", "will play X": a verb's subject or auxiliary).
_BEFORE_KIND = frozenset({"DET", "NOUN", "ADJ"})
#: Where a document keeps the character ranges of its works' names.
_KEY = "kgraph.work_spans"


def _noun_cue(span: Span, ontology: Ontology) -> bool:
    """A work's noun (kgx:WorkNoun) right beside the name: "the film Ray", "Friends, the TV series", "the video
    game X"."""
    doc = span.doc
    root = span.root
    comma_after = span.end < len(doc) and doc[span.end].text == ","
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and comma_after and c.i - span.end <= 4]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i == span.start - 1:
        nouns.append(root.head)
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None
        and before.pos_ == "NOUN"
        and before.dep_ == "compound"
        and before.head.i in range(span.start, span.end)
    ):
        nouns.append(before)  # "the video game Starfall"
    if before is not None and before.is_lower and before.pos_ in {"NOUN", "ADJ"} and (
        before.head.i in range(span.start, span.end) or span.start > 1 and doc[span.start - 2].pos_ in _BEFORE_KIND
    ):
        nouns.append(before)  # "the charity single Band Aid" (by the words: the parser's "single" is an adjective)
    if before is not None and before.lemma_.lower() == "game" and span.start > 1 and (
        doc[span.start - 2].lower_ in ontology.words("GameWord")
    ):
        return True  # "the video game Starfall" (kgx:GameWord)
    if before is not None and before.text == "The" and span.start > 1 and doc[span.start - 2].pos_ == "NOUN":
        nouns.append(doc[span.start - 2])  # "Hollywood blockbuster The Aviator": a title's own "The" between
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() == "film":
        nouns.append(root.head)  # "X's film Cold Harbour"
    if root.dep_ in {"nsubj", "nsubjpass"}:
        # "Cold Harbour is a film about ...", "Cold Harbour was named best film"
        nouns.extend(c for c in root.head.children if c.dep_ in {"attr", "oprd"} and c.pos_ == "NOUN")
    return any(n.lemma_.lower() in ontology.words("WorkNoun") for n in nouns)


def _band(span: Span) -> bool:
    """ "the band Kestrel Lane": a band's name, no work (a body: kgraph.extract.kind_names)."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lemma_.lower() == "band" and before.head.i in range(span.start, span.end)


def _after_noun(span: Span, ontology: Ontology) -> Token | None:
    """The noun a name modifies as a compound, right after it ("Harbour Lights actress"), or after its
    possessive ("EastEnders' actress")."""
    doc = span.doc
    end = span.end
    if end < len(doc) and doc[end].lower_ in {"'", "'s", "’s", "’"}:
        end += 1
    if end >= len(doc) or doc[end].pos_ != "NOUN":
        return None
    noun = doc[end]
    if _co_noun(noun, ontology):
        noun = doc[end + 2]  # "co-writer": the parser's "co", "-", "writer"
    return noun if span.root.dep_ in {"compound", "poss", "nmod"} and span.root.head.i >= noun.i else None


def _co_noun(token: Token, ontology: Ontology) -> bool:
    """ "co-writer", "co-star": "co" and a hyphen before a noun of a hand in a work."""
    doc = token.doc
    return (
        token.lower_ == "co" and token.i + 2 < len(doc) and doc[token.i + 1].text == "-"
        and doc[token.i + 2].lemma_.lower() in ontology.words("CoMakerNoun")
    )


def _channel(tokens: Span, ontology: Ontology) -> bool:
    """Whether words name a TV or radio channel: "BBC Two", "Channel 4" (the number a channel's name
    ends in) or a name with a broadcast noun ("Kestrel TV")."""
    words = [t for t in tokens if not t.is_punct]
    if not 1 <= len(words) <= 3 or not words[0].text[:1].isupper():
        return False
    last = words[-1]
    # (not one word with a digit: "Expo (E3)", "(G8)" are abbreviations)
    numbered = len(words) > 1 and (last.lower_ in _CHANNEL_NUMBERS or last.text.isdigit())
    return numbered or any(t.lower_ in ontology.words("BroadcastNoun") for t in words)


def _channel_cue(span: Span, ontology: Ontology) -> bool:
    """A channel in brackets right after the name, or "on" a channel: "Harbour Lights (BBC Two)", "Harbour Lights
    on Channel 4" — a programme."""
    doc = span.doc
    if span.end + 2 < len(doc) and doc[span.end].text == "(":
        close = next((t.i for t in doc[span.end + 1 : span.end + 6] if t.text == ")"), None)
        if close is not None and _channel(doc[span.end + 1 : close], ontology):
            return True
    return any(
        c.dep_ == "prep" and c.lower_ == "on" and any(
            p.dep_ == "pobj" and _channel(doc[p.left_edge.i : p.i + 1], ontology) for p in c.children
        )
        for c in span.root.children
    )


def _channel_owner(span: Span, ontology: Ontology) -> bool:
    """ "BBC Two's Harbour Lights", "Channel 4's Harbour Lights": a channel's possessive right before a name no
    person's (not "BBC Two's Tom Ellery": the channel's staff)."""
    doc = span.doc
    mark = span.start - 1
    if span.label_ == "PERSON" or mark < 2 or doc[mark].lower_ not in {"'s", "’s"}:
        return False
    return any(_channel(doc[start:mark], ontology) for start in range(max(0, mark - 3), mark - 1))


def _pobj_of(span: Span, preposition: str) -> Token | None:
    """The word a name is the object of through ``preposition`` ("role" for "role in Z")."""
    root = span.root
    while root.dep_ == "conj":
        root = root.head  # "nominated for A and B"
    if root.dep_ == "pobj" and root.head.lower_ == preposition:
        return root.head.head
    return None


def _plays(verb: Token) -> bool:
    return verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() == "play"


def _strong_cue(span: Span, ontology: Ontology) -> bool:
    """Words right around the name that make it a work in any article."""
    if _noun_cue(span, ontology) or span.start > 0 and span.doc[span.start - 1].lower_ == "character":
        return True  # "the film Ray", "his character Ben Gates"
    if _channel_cue(span, ontology) and span.label_ in {"ORG", "WORK_OF_ART", "PRODUCT", "FAC"}:
        return True  # "Harbour Lights (BBC Two)"
    if _channel_owner(span, ontology):
        return True  # "BBC Two's Harbour Lights"
    end = span.end + (span.end < len(span.doc) and span.doc[span.end].lower_ in {"'", "'s", "’s", "’"})
    if end < len(span.doc) and _co_noun(span.doc[end], ontology) and _may_be_work(span) and not _body(span, ontology):
        return True  # "the Harbour Lights co-writer X"
    verb = _pobj_of(span, "in")
    if verb is not None and verb.lemma_.lower() == "star" and verb.pos_ == "VERB":
        return True  # "she starred in Ray"
    noun = _after_noun(span, ontology)
    if noun is None or noun.lemma_.lower() not in ontology.words("WorkPartNoun") or not _may_be_work(span):
        return False
    if _body(span, ontology):
        return False  # "National Theatre actor": a body's own head noun
    # "Cage's character" is the actor's; "EastEnders' actress" the show's
    return span.root.dep_ != "poss" or noun.lemma_.lower() in {"actor", "actress"}


def _body(span: Span, ontology: Ontology) -> bool:
    """Whether the name's last word is a body's or a stage company's (kgx:StageBody: "Kestrel Company",
    "National Theatre")."""
    last = span[-1].lower_
    # (a head noun alone is no body's name: "The Office" is a sitcom)
    return last in ontology.words("StageBody") or len(span) > 1 and ontology.class_for_head(last) is not None


def _may_be_work(span: Span) -> bool:
    """Not a place, a people or an abbreviation ("Hollywood actress", "BBC actor"): a performer's noun after
    these names a birthplace or an employer."""
    return span.label_ not in {"GPE", "NORP", "LOC"} and not span.text.isupper()


def _weak_cue(span: Span, ontology: Ontology) -> bool:
    """Words around the name that make it a work (or a character) in an article about performances."""
    if _body(span, ontology):
        return False  # "the National Theatre star X", "her role in the Kestrel Company": a body
    makers = ontology.words("MakerNoun")
    noun = _after_noun(span, ontology)
    if noun is not None and noun.lemma_.lower() in makers and _may_be_work(span) and span.label_ != "PERSON":
        return True  # "the Harbour Lights star X", "the Harbour Lights creator X" (not "Hollywood star X")
    word = _pobj_of(span, "of")
    if word is not None and word.pos_ == "NOUN" and word.lemma_.lower() in makers and _may_be_work(span):
        return True  # "X, star of Harbour Lights"
    word = _pobj_of(span, "in")
    if word is not None and (word.lemma_.lower() in {"role", "part"} or _plays(word) and _plays_someone(word)):
        return True  # "her role in Z", "X, who played Y in Z"
    word = _pobj_of(span, "for")
    if word is not None and word.ent_type_ == "PERSON" and span.label_ != "PERSON" and not _body(span, ontology):
        return True  # "Best actor - Tom Ellery for Harbour Lights": a performer's work on an award list
    if word is not None and word.lemma_.lower() == "nominate" and word.pos_ == "VERB":
        # "nominated for Z" (not "for the X Prize", "for Kestrels": prizes; "nominations for X" names nominees)
        return ontology.class_for_head(span[-1].lower_) is None and not (len(span) == 1 and span.text.endswith("s"))
    root = span.root
    return span.label_ == "PERSON" and root.dep_ == "dobj" and _plays(root.head)  # "X plays Ben Marsh"


def _plays_someone(verb: Token) -> bool:
    """ "played Y": a name or a part as the object of "play"."""
    return any(
        c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in {"role", "part"}) for c in verb.children
    )


def _product_cue(span: Span, ontology: Ontology) -> bool:
    """ "launched the Xphone", "download X": a name a product's verb (kgx:ProductVerb) takes as its object;
    "the drug Xenor", "the anti-depressant X": a lower-case product's noun (kgx:ProductNoun) right before the
    name, no compound on a noun after it ("the drug maker X" is a firm); "X is the top gadget": one as what
    the name is."""
    root = span.root
    if span.label_ != "PERSON" and root.dep_ == "dobj" and root.head.lemma_.lower() in ontology.words("ProductVerb"):
        return True
    nouns = ontology.words("ProductNoun")
    if _example_of(span) in nouns | ontology.words("WorkNoun"):
        return True  # "special software, like X or Y", "games such as X"
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and before.lemma_.lower() in nouns and before.head.i not in range(
        span.end, len(span.doc)
    ):
        return True
    return root.dep_ == "nsubj" and root.head.lemma_.lower() == "be" and any(
        c.dep_ == "attr" and c.lemma_.lower() in nouns for c in root.head.children
    )


def _example_of(span: Span) -> str:
    """The lemma of the noun a name is an example of ("software, like X or Y", "games such as X"), or ""; the
    parser may hang "like" on the verb whose object the noun is ("use special software, like X")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    preposition = root.head
    if root.dep_ != "pobj" or not (
        preposition.lower_ == "like" or preposition.lower_ == "as" and preposition.i > 0
        and preposition.doc[preposition.i - 1].lower_ == "such"
    ):
        return ""
    head = preposition.head
    if head.pos_ in {"VERB", "AUX"}:
        head = next((c for c in head.children if c.dep_ == "dobj" and c.i < preposition.i), head)
    return head.lemma_.lower() if head.pos_ == "NOUN" else ""


def _firm_cue(span: Span, ontology: Ontology) -> bool:
    """Words around the name that call it a firm: "X said it", "X's chief executive", "shares in X", "X
    reported a loss" (kgx:FirmObject)."""
    root = span.root
    if root.dep_ == "poss" and firms_possession(root.head, ontology):
        return True
    if root.dep_ == "pobj" and names_a_firm(root, ontology):
        return True  # "shares in X" (not "X sold well": a product sells too)
    verb = root.head
    figures = ontology.words("FirmObject")
    if root.dep_ == "nsubj" and any(c.dep_ == "dobj" and c.lemma_.lower() in figures for c in verb.children):
        return True  # "X reported a loss"
    return (
        root.dep_ == "nsubj"
        and verb.lemma_.lower() == "say"
        and any(s.dep_ == "nsubj" and s.lower_ == "it" for c in verb.children if c.dep_ == "ccomp" for s in c.children)
    )


def _performance_article(doc: Doc, ontology: Ontology) -> bool:
    """Whether a word of kgx:PerformanceWord (or "starred") makes the article one about performances."""
    words = ontology.words("PerformanceWord")
    return not words.isdisjoint(doc_lemmas(doc)) or "starred" in doc_words(doc)


def _candidates(doc: Doc, ontology: Ontology) -> list[Span]:
    """The NER's names, and runs of proper nouns the NER left unlabelled before a performer's noun
    (kgx:WorkPartNoun), after a product's verb (kgx:ProductVerb), or after a person's "for"."""
    from spacy.tokens import Span

    spans = list(doc_ents(doc))
    product_verbs = ontology.words("ProductVerb")
    performer_nouns = ontology.words("WorkPartNoun") | {"star", "stars"}
    for ent in doc_ents(doc):
        bracket = next((t.i for t in ent if t.text == "("), None)
        if bracket is not None and bracket > ent.start:
            spans.append(Span(doc, ent.start, bracket, label=ent.label_))  # the NER's "Harbour Lights (BBC Two"
    for token in doc_tokens(doc):
        pos = token.pos_
        if pos != "PROPN" and pos != "NOUN":
            continue  # (each name below ends in a proper noun, or stands before a performer's noun)
        if (
            pos == "PROPN" and token.dep_ == "pobj" and token.head.lower_ == "for"
            and token.head.head.ent_type_ == "PERSON" and not token.ent_type_
        ):
            start = token.i  # "Tom Ellery for Harbour Lights", a title the NER left unlabelled
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
                start -= 1
            spans.append(Span(doc, start, token.i + 1, label="WORK_OF_ART"))
        if pos == "PROPN" and token.dep_ in {"pobj", "conj"} and not token.ent_type_:
            start = token.i  # "software, like X or Y": names the NER left unlabelled after "like"/"such as"
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
                start -= 1
            if _example_of(doc[start : token.i + 1]) and not any(t.ent_type_ for t in doc[start : token.i + 1]):
                spans.append(Span(doc, start, token.i + 1, label="PRODUCT"))
        if pos == "PROPN" and token.dep_ == "dobj" and token.head.lemma_.lower() in product_verbs:
            start = token.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
                start -= 1
            if not any(t.ent_type_ for t in doc[start : token.i + 1]):
                spans.append(Span(doc, start, token.i + 1, label="PRODUCT"))
        if pos == "NOUN" and token.lower_ in performer_nouns:
            start = token.i
            if start > 0 and doc[start - 1].lower_ in {"'", "'s", "’s", "’"}:
                start -= 1
            end = start
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
                start -= 1
            if start < end and not doc[start].ent_type_:
                spans.append(Span(doc, start, end, label="WORK_OF_ART"))
    return spans


def _title(span: Span) -> bool:
    """A name of three words or more the NER calls a work of art, in words alone ("The Passion of the
    Christ"; not "Regulation (EC) No 1676/96")."""
    return span.label_ == "WORK_OF_ART" and len(span) >= 3 and all(t.is_alpha or t.is_stop for t in span)


def _split_titles(doc: Doc, ontology: Ontology) -> set[str]:
    """ "Eternal Sunshine" + "of the" + "Spotless Mind": two names the NER made of one title, in an article
    about performances; not where either is a person's, a place's, or ends in a body's or place's head noun
    ("Friends of the Earth", "Bank of the West"). A work's noun right before the title (kgx:WorkNoun: "the
    drama Lena Bright of Morning") says it is one though the NER took its first words for a person's name."""
    ents = [e for e in doc_ents(doc) if e.label_ not in {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"}]
    titles = set()
    for first, second in zip(ents, ents[1:], strict=False):
        between = [t.lower_ for t in doc[first.end : second.start]]
        named = first.start > 0 and doc[first.start - 1].lower_ in ontology.words("WorkNoun")
        if between not in (["of", "the"], ["of"]) or any(
            e.label_ in {"GPE", "LOC", "NORP"} or e.label_ == "PERSON" and not (e is first and named)
            for e in (first, second)
        ):
            continue
        if any(ontology.class_for_head(e[-1].lower_) or _body(e, ontology) for e in (first, second)):
            continue
        if all(t.is_title or t.is_stop for t in doc[first.start : second.end]):
            titles.add(doc[first.start : second.end].text)
    return titles


def _work_texts(doc: Doc, ontology: Ontology) -> set[str]:
    """The texts of the names the document calls works, products or characters."""
    performance = _performance_article(doc, ontology)
    works: set[str] = set()
    products: set[str] = set()
    firms: set[str] = set()
    for span in _candidates(doc, ontology):
        text = span.text
        if performance and _title(span) and not any(ontology.class_for_head(t.lower_) for t in span):
            works.add(text)  # "The Passion of the Christ": a title the NER saw as one (not "the X Prize in Y")
        if _band(span):
            continue
        if _strong_cue(span, ontology) or performance and _weak_cue(span, ontology):
            works.add(text)
        elif _product_cue(span, ontology) and not any(ontology.class_for_head(t.lower_) for t in span):
            products.add(text)  # (not "launching the Department for X's plan": a body's head noun)
        if _firm_cue(span, ontology):
            firms.add(text)
    if performance:
        works |= _split_titles(doc, ontology)
    works |= product_texts(doc, ontology)  # "Orbitel's Kestrel console", "Kestrel-based players"
    return {text for text in works | (products - firms) if any(c.isalpha() for c in text)}


def _work_ranges(doc: Doc, ontology: Ontology) -> list[tuple[int, int]]:
    """The character ranges of every occurrence of a work's name in the document (worked out once per document)."""

    def make() -> list[tuple[int, int]]:
        return [
            (m.start(), m.end())
            for text in _work_texts(doc, ontology)
            for m in re.finditer(rf"(?<!\w)(?:[Tt]he )?{re.escape(text)}(?!\w)", doc_text(doc))
        ] + product_ranges(doc, ontology)

    return list(per_document(doc, (_KEY, id(ontology)), make))


def within_work(token: Token, ontology: Ontology) -> bool:
    """Whether a word is part of the name of a work, product or character of the document."""
    start = token.idx
    return any(lo <= start < hi for lo, hi in _work_ranges(token.doc, ontology))


def is_work(span: Span, ontology: Ontology) -> bool:
    """Whether the document calls the name (or a title it is part of) a work, product or character (a band is a
    body: kgraph.extract.kind_names)."""
    ranges = _work_ranges(span.doc, ontology)
    return any(start <= span.start_char and span.end_char <= end for start, end in ranges)


def plays_a_role(span: Span, ontology: Ontology) -> bool:
    """Whether a name is the character of a role noun's "as" phrase (kgx:RoleNoun: "her role as Queen Mara", "his
    performance as Ray"): a character there, no agent of an award or a post its actor holds (elsewhere in the
    article the name may be a real person's: "her role as Tom Lane in a biopic", "Tom Lane died in 2004")."""
    roles = ontology.words("RoleNoun")
    preposition = span.root.head
    if span.root.dep_ == "pobj" and preposition.lower_ == "as" and preposition.head.lemma_.lower() in roles:
        return True
    # by the words, where the parser hung "as" on the verb: "Berg's performance as Mara won ..."
    doc = span.doc
    return span.start > 1 and doc[span.start - 1].lower_ == "as" and doc[span.start - 2].lemma_.lower() in roles
