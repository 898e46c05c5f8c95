"""Frames over the dependency parse: who stands in which role around a trigger word.

Decides, for a token of the parse, the agents and patients of a verb through passives and
relative clauses, who holds a relational noun ("X, CEO of Y", "CEO X"), the parties of an
event noun ("the merger of X and Y"), and the names an attribute phrase gives ("X, 45, of
Y"); what its clause states is :mod:`kgraph.extract.moods`'s.  ``_Index`` maps tokens to the
mentions found in the document.
Example: in "Nadia Brook, chief executive of Lumen Labs, said ...", the holder of
"chief executive" is Nadia Brook and its "of" object is Lumen Labs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from kgraph.extract import owners
from kgraph.extract.countries import adjective_before, adjectives_beside, kind_owners
from kgraph.extract.deal_parties import supplier
from kgraph.extract.ended_posts import said_former
from kgraph.extract.firm_posts import firm_in_reach, firm_post_titles
from kgraph.extract.lexicon import (
    _BODY_NOUNS,
    _COUNTRY_NAMES,
    _OFFICE_ADDRESS,
    _PLACE_PARTS,
    ANY_NOUN,
)
from kgraph.extract.moods import CONTINUATION_VERBS, _governing_verb
from kgraph.extract.moods import _copula_mood as _copula_mood  # re-exported: kgraph.extract.relations reads them here
from kgraph.extract.moods import event_mood as event_mood
from kgraph.extract.moods import mood as mood
from kgraph.extract.moods import noun_mood as noun_mood
from kgraph.extract.name_carriers import carriers as name_carriers
from kgraph.extract.owners import apposed_names, family_noun, included, owned_in_reach, relative_prep, unit_names
from kgraph.extract.title_holders import copula_named, dash_named
from kgraph.extract.title_shapes import ex_named, kind_named, listed_holders
from kgraph.extract.work_names import within_work
from kgraph.models import Mention, Role
from kgraph.ontology import Ontology, per_ontology

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
#: Words that make a name an opponent, whose "in"/"at" phrase is the venue of the contest (as do a contest's verb
#: whose object it is, kgx:ContestVerb, and a contest's noun whose "for" it is, kgx:ContestNoun).
_OPPOSED = frozenset({"against", "over", "versus", "vs", "vs.", "v", "v."})
_LIGHT_VERBS = {
    "gain",
    "sign",
    "have",
    "hold",
    "reach",
    "announce",
    "complete",
    "make",
    "form",
    "enter",
    "seal",
    "strike",
    "conclude",
    "agree",
    "finalize",
    "finalise",
    "take",
    "win",
    "receive",
    "forge",
    "ink",
    "secure",
    "obtain",
    "get",
    "become",
    "assume",
}


@dataclass
class _Index:
    """Token index -> mention, for one document."""

    by_token: dict[int, int]
    mentions: list[tuple[Mention, Span]]
    ontology: Ontology
    by_sentence: dict[int, list[int]] = field(default_factory=dict)  # sentence start -> mention numbers
    #: coreference: mention -> the mention that names its entity (empty when the caller has none)
    links: dict[Mention, Mention] = field(default_factory=dict)
    #: token -> who holds it read as any noun at all (kgraph.extract.relations reads it once for its patterns)
    any_noun_holders: dict[int, list[Token]] = field(default_factory=dict)
    #: name's root token -> the tokens that may carry its phrase (kgraph.extract.name_carriers)
    carriers: dict[int, list[Token]] = field(default_factory=dict)
    #: (name's root token, prepositions) -> _attribute's reading, shared by the patterns of the same prepositions
    attributes: dict[tuple[int, tuple[str, ...]], tuple[list[Token], list[Token]]] = field(default_factory=dict)

    @cached_property
    def roots(self) -> list[int]:
        """Each mention's root token (the index of ``span.root``, which spaCy finds anew on each access)."""
        return [span.root.i for _, span in self.mentions]

    @cached_property
    def surnames(self) -> frozenset[str]:
        """Last words of the people named in full ("Berg" of "Lena Berg")."""
        return frozenset(span[-1].text for m, span in self.mentions if m.type == "Person" and len(span) > 1)

    @cached_property
    def _called(self) -> dict[str, frozenset[str]]:
        """Name -> the common nouns the document calls it by: "the Vellan party" (a noun the name
        modifies), "Vellan, the small party" (an apposition), "Vellan is a party" (a copula)."""
        called: dict[str, set[str]] = {}
        for mention, span in self.mentions:
            root = span.root
            nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            head = root.head
            if root.dep_ == "compound" and head.pos_ == "NOUN" and head.i == span.end and head.dep_ != "compound":
                nouns.append(head)  # not "the Orbitel board member": a board of Orbitel
            if root.dep_ == "nsubj" and root.head.lemma_ == "be":
                nouns.extend(c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN")
            called.setdefault(mention.text.lower(), set()).update(n.lemma_.lower() for n in nouns)
        return {name: frozenset(nouns) for name, nouns in called.items()}

    def kinds(self, m: int, called: bool = True) -> frozenset[str]:
        """What mention ``m`` is by its name and by the document: its name's head word (the last word
        before an "of" or "for" inside it: "Department of Labour" is a department) and the nouns the
        document calls the same name by ("the Vellan party", "Kestrel, the club"), unless ``called`` is False."""
        mention, span = self.mentions[m]
        words = [t.lower_ for t in span]
        cut = next((i for i, w in enumerate(words) if w in {"of", "for"} and i > 0), len(words))
        head = frozenset({words[cut - 1]})
        return head | self._called.get(mention.text.lower(), frozenset()) if called else head

    def is_a(self, token: Token, cls: str) -> bool:
        """Whether a token is a word of a mention of class ``cls`` (or a subclass)."""
        m = self.at(token)
        return m is not None and self.ontology.is_a(self.mentions[m][0].type, cls)

    def adjective(self, token: Token) -> bool:
        """Whether a token is a country's adjective the mentions hold ("French" in "French carmaker X")."""
        m = self.at(token)
        return m is not None and self.mentions[m][0].label == "adjective"

    def at(self, token: Token) -> int | None:
        found = self.by_token.get(token.i)
        if found is None and token.dep_ == "appos":
            # "Y, Japan's largest cluster, located in Z": the description stands for Y
            found = self.by_token.get(token.head.i)
        return found


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[t for t in token.conjuncts if t.i != token.i]]


def _phrase(token: Token) -> str:
    """The trigger token with the compound/amod words before it ("chief executive officer"), or,
    for a title parsed as a modifier of the name, the modifiers of the name right before it
    ("Aston's chief executive Ulrich Bez", with "chief" and "executive" both on "Bez")."""
    words = [c for c in token.lefts if c.dep_ in {"compound", "amod"} and c.i >= token.i - 3]
    if not words and token.dep_ in {"compound", "amod"} and token.i > 0:
        doc = token.doc
        i = token.i - 1
        while i >= max(0, token.i - 3) and doc[i].head.i == token.head.i and doc[i].dep_ in {"compound", "amod"}:
            words.insert(0, doc[i])
            i -= 1
    return " ".join([*(w.lower_ for w in words), token.lower_])


def _matches(token: Token, triggers: tuple[str, ...]) -> str | None:
    lemma = token.lemma_.lower()
    lower = token.lower_
    phrase = particle = ""  # read only for a trigger of several words (most triggers are one word)
    for trigger in triggers:
        if trigger == ANY_NOUN:
            if _any_noun(token):
                return trigger
        elif " " in trigger:
            if not phrase:
                phrase = _phrase(token)
                particle = " ".join(
                    [lemma, *(c.lower_ for c in token.children if c.dep_ in {"prt", "dobj"} and c.i > token.i)]
                )
            if phrase.endswith(trigger) or particle.startswith(trigger):
                return trigger
        elif trigger in (lemma, lower):
            return trigger
    return None



def _any_noun(token: Token) -> bool:
    """A common noun, or a capitalised title before a name ("Bankruptcy Judge Anders Holm")."""
    if token.pos_ == "NOUN":
        return True
    return token.pos_ == "PROPN" and token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.i < token.head.i


def _relative_head(verb: Token, index: _Index) -> Token | None:
    """The noun a relative clause is about, repairing attachment to the wrong name.

    spaCy often attaches "which runs Y" in "X, CEO of Z which runs Y" to X; "which"
    and "that" cannot refer to a person, so we take the nearest non-person name
    before the clause instead.
    """
    head = verb.head
    pronouns = [c for c in verb.children if c.tag_ in {"WDT", "WP", "WP$"}]
    if not pronouns:
        return head
    pronoun = pronouns[0].lower_
    wanted_person = pronoun in {"who", "whom", "whose"}
    for i in range(pronouns[0].i - 1, head.i - 1, -1):
        m = index.at(verb.doc[i])
        if m is None:
            continue
        is_person = index.mentions[m][0].type == "Person"
        if is_person == wanted_person:
            return index.mentions[m][1].root
    return owners.noun_name(head, index)  # "the Halvik group, which owns Y": Halvik's clause


def _deep_roles(verb: Token, index: _Index) -> tuple[list[Token], list[Token]]:
    """(agents, patients) of a verb, through passives, relative clauses and participles."""
    agents: list[Token] = []
    patients: list[Token] = []
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            # "which runs Y": a relative pronoun stands for the name the clause is about
            subject = _relative_head(verb, index) if child.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl" else child
            if subject is not None:
                (agents if child.dep_ == "nsubj" else patients).append(subject)
        elif child.dep_ == "dobj" and not passive:
            # "Y, which X bought in 2003": the relative pronoun stands for the name the clause is about
            patient = _relative_head(verb, index) if child.tag_ == "WDT" and verb.dep_ == "relcl" else child
            patients.extend([patient] if patient is not None else [])
        elif child.dep_ == "agent":
            agents.extend(c for c in child.children if c.dep_ == "pobj")
    # "X, having bought Y": a perfect participle is the name's own act, no passive
    perfect = any(c.dep_ == "aux" and c.lower_ == "having" for c in verb.children)
    if verb.dep_ in {"acl", "amod"}:
        # "Y, bought by X": the name underwent the participle
        (patients if verb.tag_ == "VBN" and not perfect else agents).append(verb.head)
    if verb.dep_ == "acomp" and verb.tag_ == "VBN" and not patients:
        # "X is majority-owned by Y": the participle after the copula is said of the copula's subject; "X, which
        # is majority-owned by Y": the relative pronoun stands for the name the clause is about
        for c in verb.head.children:
            if c.dep_ != "nsubj":
                continue
            subject = _relative_head(verb.head, index) if c.tag_ in {"WDT", "WP"} and verb.head.dep_ == "relcl" else c
            patients.extend([subject] if subject is not None else [])
    if verb.dep_ == "relcl" and agents and not patients and not passive and _bare_relative(verb):
        # "the company she founded in 1990", "the firm it bought": a clause with no relative pronoun and no
        # object of its own has the noun it hangs on for its object
        patients.append(verb.head)
    if verb.dep_ == "relcl" and not agents and not patients:
        head = _relative_head(verb, index)
        if head is not None:
            (patients if passive else agents).append(head)
    if passive and not patients and verb.dep_ == "xcomp":
        # "Orbitel agreed to be acquired by Y", "Orbitel, which is expected to be bought by Y": the
        # governing verb's subject undergoes the passive
        governor = verb.head
        for c in governor.children:
            if c.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if c.tag_ in {"WDT", "WP"}:
                head = _relative_head(governor, index) if governor.dep_ == "relcl" else None
                patients.extend([head] if head is not None else [])
            else:
                patients.append(c)
    fronted = (
        verb.tag_ == "VBN" and not perfect and verb.dep_ in {"advcl", "prep"} and verb.i < verb.head.i
        and verb.head.pos_ in {"VERB", "AUX"} and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    )
    if fronted and not patients:
        # "Born in Bellport, X moved ...", "Founded by Y in 1990, X employs ...": the clause's subject
        # underwent the participle
        patients.extend(c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"})
    if not agents and not fronted and verb.dep_ in {"xcomp", "conj", "advcl"}:
        governor = verb.head
        # "X, who is a lawyer and works at Y": the relative pronoun stands for the clause's name
        relative = governor.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.tag_ in {"WDT", "WP"} for c in governor.children
        )
        agents.extend(c for c in governor.children if c.dep_ == "nsubj" and not relative)
        if not agents and not relative and verb.dep_ in {"xcomp", "advcl"} and verb.tag_ in {"VBG", "VB"}:
            # "X was injured while working at Y", "X was hired to work at Y": the passive
            # clause's subject does the participle or the infinitive
            agents.extend(c for c in governor.children if c.dep_ == "nsubjpass")
        if (verb.dep_ == "conj" or relative) and not agents:
            agents.extend(_deep_roles(governor, index)[0])
    if not agents and verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        # "Prior to joining Y, X worked ...", "X was a partner at Z before joining Y": the
        # gerund's doer is the subject of the clause the phrase hangs on
        governor = verb.head
        for _ in range(3):
            governor = governor.head
            if governor.pos_ in {"VERB", "AUX"}:
                agents.extend(_deep_roles(governor, index)[0])
                break
    return _named(agents, index), _named(patients, index)


def _bare_relative(verb: Token) -> bool:
    """Whether a relative clause has no relative word and leaves its object out: "the company she founded"
    (not "the company that she founded", which the pronoun reads, nor "the firm she said was for sale")."""
    return (
        verb.i > verb.head.i and verb.head.pos_ in {"NOUN", "PROPN"}
        and not any(c.tag_ in {"WDT", "WP", "WP$", "WRB"} or c.dep_ in _BARE_OBJECT_DEPS for c in verb.children)
        and not relative_prep(verb)
    )


#: What fills a verb's object or complement: a relative clause with any of these has its object already.
_BARE_OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "dative", "attr", "oprd", "acomp"})


def _named(tokens: list[Token], index: _Index) -> list[Token]:
    """Each token, or the name apposed to it when it is a common noun.

    "the first president of Orbitel Networks, Tomas Vidal, was born in X",
    "Vidal's wife, Lena, is a native of Y": the apposition names who the noun is.
    """
    out: list[Token] = []
    for token in tokens:
        names: list[Token] = []
        if token.pos_ in {"NOUN", "PROPN"} and not _inside_name(token, index):
            names = [c for c in token.children if c.dep_ == "appos" and _inside_name(c, index)]
            if not names and token.dep_ == "attr" and token.head.lemma_ == "be":
                # "X is a software company based in Y": the noun the copula gives X stands for X
                names = [c for c in token.head.children if c.dep_ == "nsubj" and _inside_name(c, index)]
            if not names and token.pos_ == "NOUN" and token.dep_ == "compound" and _inside_name(token.head, index):
                names = [token.head]  # "Spokane-based lender Kestrel Bank": the noun before the name is it
            if not names and token.pos_ == "NOUN":
                names = unit_names(token, index)  # "its Oslo-based Corvane unit": the unit is the name before it
        out.extend(names or [token])
    return out


def _prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """The objects of the token's phrases with one of ``preps``; the parser calls the "to" of "sold Y to X" a
    dative, no prep."""
    wanted = set(preps)
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in wanted:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def _role_tokens(verb: Token, roles: tuple[str, ...], index: _Index) -> list[Token]:
    agents, patients = _deep_roles(verb, index)
    out: list[Token] = []
    for role in roles:
        if role == "agent":
            out.extend(agents)
        elif role == "patient":
            out.extend(patients)
        elif role == "patient-name":
            # "owns the Corvane Rovers team": the name on an organisation's noun stands for it
            ontology = index.ontology
            out.extend(patients)
            out.extend(
                c for p in patients if p.pos_ == "NOUN" and index.at(p) is None
                and any(ontology.is_a(cls, "Organization") for cls in ontology.classes_for_descriptor(p.lemma_.lower()))
                for c in p.children if c.dep_ == "compound" and c.i < p.i and _inside_name(c, index)
            )
        elif role.startswith("holding:"):
            # "X owns 10% of Y", "X holds an interest in Y": the phrase on the share the verb takes (kgx:Holding)
            holdings = index.ontology.words("Holding")
            shares = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in holdings]
            out.extend(owners.shares_owner(o, index) for c in shares for o in _prep_objects(c, [role[8:]]))
            prep = relative_prep(verb) if verb.dep_ == "relcl" else None
            if shares and prep is not None and prep.lower_ == role[8:] and (head := _relative_head(verb, index)):
                out.append(head)  # "Y, in which X holds 44%", "Y, of which X owns 10%": the noun the clause is on
        elif role.startswith("prep-name:"):
            # "through Z", "through their Z investment vehicle": the phrase's name, or the name on its noun
            out.extend(
                n for o in _prep_objects(verb, [role[10:]])
                for n in ([o] if index.at(o) is not None else
                          [c for c in o.children if c.dep_ == "compound" and c.i < o.i and _inside_name(c, index)])
            )
        elif role.startswith("prep:"):
            goods = supplier(verb, "dobj", index.at) if role == "prep:from" else []  # "ordered 40 jets from Y"
            out.extend(_prep_objects(verb, [role[5:]]) or goods)
            # "born on March 3, 1951, in Bergen": the parser hangs the phrase on the date before it
            out.extend(
                o for date in _prep_objects(verb, ["on", "in"]) if date.ent_type_ in {"DATE", "TIME"}
                for o in _prep_objects(date, [role[5:]]) if o.ent_type_ not in {"DATE", "TIME"}
            )
            prep = relative_prep(verb) if verb.dep_ == "relcl" else None
            if prep is not None and prep.lower_ == role[5:] and (head := _relative_head(verb, index)) is not None:
                out.append(head)  # "Y, in which X invested", "the firm for which she worked": the noun it is on
            if role[5:] in {"in", "at"} and verb.dep_ == "relcl" and any(
                c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children
            ):
                out.append(verb.head)  # "Bellport, where X was born": the place the clause is about
        else:  # a dependency label: npadvmod, attr, oprd, xcomp, compound
            out.extend(c for c in verb.children if c.dep_ == role)
    return out


def _holders(noun: Token, index: _Index, one_of: bool = True) -> list[Token]:
    """Who holds a relational noun: "X, CEO of Y" / "CEO X" / "X is CEO of Y" / "X as CEO".

    With ``one_of``, also "X, one of the founders of Y" (not for any noun at all: "X, one of
    the attractions at Y" is no post).
    """
    out: list[Token] = []
    m = index.by_token.get(noun.i)
    if m is not None and index.mentions[m][0].label == "description" and index.mentions[m][1][-1].i == noun.i:
        out.append(noun)  # "the chief of X", once "the chief" is resolved to a person
    if noun.dep_ == "appos" or noun.dep_ == "compound" and noun.head.pos_ == "PROPN" and _next_to(noun, index):
        out.append(noun.head)
        if noun.dep_ == "appos":
            out.extend(kind_named(noun.head, index))  # "the Kestrel group, the main shareholder of Y"
    elif (
        noun.dep_ == "amod" and noun.pos_ == "ADJ" and _inside_name(noun.head, index)
        and not _between(noun, noun.head, index)
    ):
        # "met Kestrel chief executive X", the tagger's "executive" an adjective of X (its "chief" no title alone)
        out.append(noun.head)
    # not a later item of a list the parser also hangs on the title ("carmaker A - and retailer B")
    apposed = [c for c in noun.children if c.dep_ == "appos" and (c.i < noun.i or _first_after(noun, c, index))]
    out.extend(apposed)
    # "Y's owners, the Vidal family", "Y's shareholders, the businessmen A and B": the names the noun stands for
    out.extend(apposed_names(apposed, index))
    # "Kestrel directors A, B and C": each person of the list holds a plural title
    out.extend(listed_holders(noun, out, index))
    # "the chairman of the Y Front, X, ...", "a spokesman for Y, X, said": the parser hangs the person's name on
    # the organisation, which no person can be in apposition to; the name is the title's holder
    # (and the surer one: "Speaking to Reuters the head of Y, X, said")
    named_after = [
        c
        for pobj in _prep_objects(noun, ("of", "for", "at", "with"))
        if (owner := index.at(pobj)) is not None and index.mentions[owner][0].type != "Person"
        for a in pobj.children if a.dep_ == "appos"
        # "the owners of Y, the Vidal family": the family goes by the name on it
        for c in ([g for g in a.children if g.dep_ == "compound"] if family_noun(a, index.ontology) else [a])
        if (held := index.at(c)) is not None and index.mentions[held][0].type == "Person"
    ]
    if named_after:
        return named_after
    if noun.dep_ in {"attr", "oprd"}:
        subjects = [c for c in noun.head.children if c.dep_ in _SUBJECT_DEPS]
        if noun.head.dep_ == "relcl":
            # "X, who is president of Y", "X, who was named chief of Y": the name the clause is about
            subjects = [
                head if c.tag_ in {"WDT", "WP"} and (head := _relative_head(noun.head, index)) is not None else c
                for c in subjects
            ]
        if not subjects and noun.head.lemma_ == "be" and noun.head.dep_ == "xcomp":
            # "Y elected X to be chairman of Z", "X went on to be chairman of Z": the governing
            # verb's object, else its subject
            governor = noun.head.head
            subjects = [c for c in governor.children if c.dep_ == "dobj"] or [
                c for c in governor.children if c.dep_ in _SUBJECT_DEPS and c.tag_ not in {"WDT", "WP"}
            ]
        out.extend(_named(subjects, index))
        if noun.dep_ == "oprd":
            out.extend(c for c in noun.head.children if c.dep_ == "dobj")
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.lemma_.lower() not in _WHOLE_PARTS:
        verb = noun.head.head
        if mood(verb) == "fact":
            out.extend(_relative_named(verb, {"nsubj", "dobj", "nsubjpass"}, index))
        elif verb.lemma_.lower() in index.ontology.words("SuccessionVerb"):
            # "X will succeed Y as president of Z": Y holds the post now, X not yet
            out.extend(c for c in verb.children if c.dep_ == "dobj")
        elif verb.lemma_.lower() in CONTINUATION_VERBS:
            # "X will stay on as chairman of Z", "X, who will remain as chairman of Z": X holds the post now
            out.extend(_relative_named(verb, {"nsubj"}, index))
    # "Y president and chief executive X": the name after the second title holds the first as well
    out.extend(_titled_conjunct(noun, index))
    # "Kestrel's subsidiaries include X and Y": each name included holds it
    out.extend(_named(included(noun, index), index))
    promotions = index.ontology.words("PromotionVerb")
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lemma_.lower() in promotions:
        # "X was promoted to president of Y", "X rose to chief executive of Y"
        verb = noun.head.head
        out.extend(c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
    if noun.dep_ == "conj" and not apposed:  # not "A managers X and Y, and B managers P and Q": P, Q its own
        out.extend(_holders(noun.head, index, one_of))
        if noun.head.dep_ == "pobj" and index.at(noun.head) is not None and noun.head.head.head.pos_ == "NOUN":
            # "a professor at Y and president of Z", parsed with "president" on Y: the title it joins
            out.extend(_holders(noun.head.head.head, index, one_of))
    # "the biggest shareholder in Y is X", "X - Y's majority owner - said": names the parse leaves off the title
    out.extend(copula_named(noun, index) or ([] if out else dash_named(noun, index)))
    if not out:
        # "Kestrel's Corvane unit", "its Corvane unit", "the Corvane unit of Kestrel": the name before the noun is
        # the unit, the possessive or the "of" phrase its owner
        out.extend(unit_names(noun, index))
    if one_of and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        # "X, one of the founders of Y": the holder of "one"
        out.extend(_holders(noun.head.head, index))
    if (
        one_of and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.tag_ == "JJS"
        and noun.head.head.dep_ in {"attr", "appos"}
    ):
        # "Bergen is the oldest of Norway's ports", "X, the biggest of Y's cities"
        superlative = noun.head.head
        out.extend(
            [superlative.head] if superlative.dep_ == "appos"
            else _named([c for c in superlative.head.children if c.dep_ in _SUBJECT_DEPS], index)
        )
    return out


def _relative_named(verb: Token, deps: set[str], index: _Index) -> list[Token]:
    """The verb's children of ``deps``, a relative pronoun standing for the name its clause is about ("X, who
    served as chairman of Y"); not for a name in a list ("A of Y and B, who worked for Z"), whose other items
    the clause does not describe."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ not in deps:
            continue
        if c.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
            head = _relative_head(verb, index)
            out.extend([head] if head is not None and not head.conjuncts else [])
        else:
            out.append(c)
    return out


def _titled_conjunct(noun: Token, index: _Index) -> list[Token]:
    """ "Y president and chief executive X": a person's name joined to a title noun, with a title of its own
    before it, holds that title too (not "Y's chairman and X", two people)."""
    if index.at(noun) is not None or not any(c.dep_ == "cc" and c.lower_ == "and" for c in noun.children):
        return []
    return [
        c for c in noun.children
        if c.dep_ == "conj" and (m := index.at(c)) is not None and index.mentions[m][0].type == "Person"
        and any(t.dep_ in {"compound", "amod"} and t.pos_ in {"NOUN", "ADJ"} and index.at(t) is None
                for t in c.children if t.i < c.i)
    ]


@per_ontology
def _title_heads(ontology: Ontology) -> frozenset[str]:
    """Last words of the titles of a post ("director", "executive"); worked out once per ontology."""
    return frozenset(
        t.split()[-1] for p in ontology.patterns if p.frame == "RelationalNoun" and p.role for t in p.triggers
    )


def _between(noun: Token, name: Token, index: _Index) -> Span:
    """The words between a title and the mention a later name belongs to."""
    m = index.by_token.get(name.i)
    return noun.doc[noun.i + 1 : index.mentions[m][1].start if m is not None else name.i]


def _next_to(noun: Token, index: _Index) -> bool:
    """Whether a title before a name stands right before it: not "US carmaker Halder - and retailer
    Corvane", where the parser hangs "carmaker" on the last name of a list."""
    return not any(
        t.pos_ in {"PUNCT", "CCONJ"} or index.by_token.get(t.i) is not None for t in _between(noun, noun.head, index)
    )


def _first_after(noun: Token, name: Token, index: _Index) -> bool:
    """Whether no other name and "and"/"or" stand between a title and a name after it, nor a body's name in a list
    ("members in the Kellish Senate, Orvane Assembly or Dalmark Parliament"; people may: "board members A and B")."""
    between = _between(noun, name, index)
    held = index.at(name)
    body = held is not None and index.mentions[held][0].type != "Person"
    listed = body and any(c.dep_ == "conj" for c in name.children)
    named = any(index.by_token.get(t.i) is not None for t in between)
    return not (named and (listed or any(t.pos_ == "CCONJ" for t in between)))


def _named_in(pobj: Token, index: _Index) -> list[Token]:
    """The names a prepositional object stands for: itself, or for a common noun the names on it.

    "with the USDA's research service", "of the opposition party, the Social Liberal Party",
    "of Larkfield University's School of Law".
    """
    if index.at(pobj) is not None or pobj.pos_ not in {"NOUN", "PROPN"}:
        return [pobj]
    if pobj.pos_ == "PROPN" and within_work(pobj, index.ontology):
        return []  # "from Harbour Lights (BBC Two)": a work, not the channel named beside it
    names = [c for c in pobj.children if c.dep_ in {"poss", "compound", "appos"} and index.at(c) is not None]
    if pobj.lemma_.lower() in index.ontology.words("Goods"):
        names = [c for c in names if c.dep_ != "compound"]  # "a buyer of Orbitel shares": the shares are
    kin_and_followers = index.ontology.words("KinOrFollower")
    if pobj.lower_ in kin_and_followers or pobj.lemma_.lower() in kin_and_followers:
        return []  # "the birth of the Hartleys' child", "a chum of the Academy voters": those people, not the name
    if not names:
        # "of the law firm of Holm, Berg", "the city of Bellport": a noun describing the name after it
        classes = index.ontology.classes_for_descriptor(pobj.lemma_.lower())
        for inner in _prep_objects(pobj, ("of",)) if classes else []:
            m = index.at(inner)
            if m is not None and any(index.ontology.is_a(index.mentions[m][0].type, c) for c in classes):
                names.append(inner)
    if not names and pobj.lemma_.lower() in _PLACE_PARTS:
        # "in the north of Idaho", "the north-west corner of Y": a part of a place is in the place
        for inner in _prep_objects(pobj, ("of",)):
            m = index.at(inner)
            if m is not None and index.ontology.is_a(index.mentions[m][0].type, "Place"):
                names.append(inner)
    return names


#: Nouns for a part of a whole: only what the "of" phrase names is the whole ("part of the deal with Y" is not
#: part of Y), and "as part of ..." holds no post.
_WHOLE_PARTS = frozenset({"part"})


def _noun_objects(noun: Token, preps: tuple[str, ...], index: _Index) -> list[Token]:
    pobjs = _prep_objects(noun, preps)
    out = [o for pobj in pobjs for o in _named_in(pobj, index)]
    if not out and noun.lemma_.lower() not in _WHOLE_PARTS:
        # "director of field sales for Y", "head of research at Y": the organisation
        # hangs on the function the title is of
        out = [o for pobj in pobjs if pobj.pos_ == "NOUN" and index.at(pobj) is None
               for inner in _prep_objects(pobj, ("at", "for", "with")) for o in _named_in(inner, index)]
    if not out:
        # "a member of the board of directors of Y": the organisation whose body it is
        bodies = [p for p in [*pobjs, *_prep_objects(noun, ("on",))]  # "a director on the boards of Y"
                  if p.lemma_.lower() in _BODY_NOUNS and index.at(p) is None]
        for _ in range(2):
            out = [o for body in bodies for inner in _prep_objects(body, ("of",)) for o in _named_in(inner, index)
                   if index.at(o) is not None]
            if out:
                break
            bodies = [inner for body in bodies for inner in _prep_objects(body, ("of",)) if index.at(inner) is None]
    # "Y CEO X", "Y's chairman X"; but in "Finance Director of Y" the name before the title is a function
    before = {"poss"} if out else {"compound", "poss", "nmod"}
    out.extend(c for c in noun.children if c.dep_ in before and index.at(c) is not None)
    # "Kestrel's French subsidiary X", "Chinese dam firm X"
    out.extend(adjectives_beside(noun, bool(out), index.ontology, index.adjective, lambda t: index.at(t) is not None))
    if not out:
        # "French carmaker X", "Republican senator X": a country's or a party's adjective (its mention) before the noun
        out.extend(
            c for c in noun.children
            if c.dep_ == "amod" and (m := index.at(c)) is not None
            and index.mentions[m][0].label in {"adjective", "party"}
        )
    if not out:
        # "Kellmore chief executive X", parsed with the name as an adjective of the title (tagged one too: "UBS
        # economist X", an organisation's name by the NER; "ex-Kellmore boss X", title_shapes.ex_named)
        out.extend(c for c in noun.children if c.dep_ == "amod" and (_adjective_name(c, index) or ex_named(c, index)))
    if not out:
        # "Y floor leader X", "Y's sales manager X": the name hangs on the common noun before the title
        out.extend(
            g for c in noun.children
            if c.dep_ == "compound" and c.i < noun.i and c.pos_ == "NOUN" and index.at(c) is None
            for g in c.children if g.dep_ in {"compound", "poss", "nmod"} and g.i < c.i and index.at(g) is not None
        )
    if not out and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in noun.children):
        # "Lena Berg, a company spokeswoman": the one organisation the sentence names
        ontology = index.ontology
        kinds = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.pos_ == "NOUN"]
        if any(ontology.is_a(cls, "Organization") for kind in kinds for cls in ontology.classes_for_descriptor(kind)):
            orgs = {
                m for m in index.by_sentence.get(noun.sent.start, [])
                if ontology.is_a(index.mentions[m][0].type, "Organization")
                and index.mentions[m][0].label not in {"pronoun", "description"}
            }
            if len(orgs) == 1:
                out.append(index.mentions[orgs.pop()][1].root)
    if not out and noun.dep_ in {"compound", "amod"} and index.by_token.get(noun.head.i) is not None:
        # "Oregon Gov. Mira Sandoval": the modifiers before the title hang on the name
        out.extend(
            c for c in noun.head.children
            if c.i < noun.i and c.dep_ in {"compound", "poss", "nmod"} and index.at(c) is not None
        )
    if not out and noun.dep_ in {"compound", "amod"} and noun.head.dep_ == "conj" and _titled_conjunct(
        noun.head.head, index
    ) == [noun.head]:
        # "Y president and chief executive X": the organisation of the first title is the second's
        out.extend(_noun_objects(noun.head.head, preps, index))
    if not out and noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and index.at(noun.head) is None:
        # "Y chairman and chief executive X", parsed with the second title joined to the first
        out.extend(_noun_objects(noun.head, preps, index))
    if (
        not out
        and not _prep_objects(noun, ("of", "at", "for"))
        and (trigger := _matches(noun, firm_post_titles(index.ontology))) is not None
    ):
        # "Halden Bank's profits rose ... said chief executive X": the one firm the text goes on about; not "the
        # chairman of the education committee", a post in what its own phrase names
        out.extend(firm_in_reach(noun, trigger, index))
    if not any((m := index.at(o)) is not None and index.mentions[m][0].label != "adjective" for o in out):
        # "a slump at Kestrel Mobile hit profits at parent Corvane Group", "at Japanese subsidiary Daiwa": the one
        # other firm named before (a country's adjective is no owner)
        out.extend(owned_in_reach(noun, index))
    if not out and noun.dep_ == "pobj" and noun.head.lower_ == "as":
        # "Nordwind appointed Jensen as chief executive": the post is at the appointer
        verb = noun.head.head
        if any(c.dep_ == "dobj" for c in verb.children):
            out.extend(c for c in verb.children if c.dep_ == "nsubj")
    return out


def _adjective_name(token: Token, index: _Index) -> bool:
    """Whether a modifier the parser hangs on a title as an adjective is a name: a proper noun's mention, or an
    organisation's name by the NER the tagger took for an adjective ("UBS economist X"), not a country's
    adjective ("French economist X")."""
    m = index.at(token)
    if m is None:
        return False
    mention = index.mentions[m][0]
    return token.pos_ == "PROPN" or (
        mention.label == "ORG" and token.ent_type_ == "ORG" and index.ontology.is_a(mention.type, "Organization")
    )


def _event_parties(noun: Token, preps: tuple[str, ...], index: _Index) -> tuple[list[Token], list[Token]]:
    """(subjects, objects) of an event noun such as "membership" or "agreement"."""
    # "X's acquisition of Y", "the X headquarters in Y"
    subjects = [c for c in noun.children if c.dep_ == "poss" or c.dep_ == "compound" and index.at(c) is not None]
    objects = _prep_objects(noun, [p for p in preps if p != "between"])
    if not objects and "of" not in preps:
        # "a memorandum of understanding with Y", "a letter of intent with Y": the phrase ends the noun
        for inner in _prep_objects(noun, ("of",)):
            if inner.pos_ == "NOUN" and index.at(inner) is None:
                objects = _prep_objects(inner, [p for p in preps if p != "between"])
    if not objects and "from" in preps:
        objects = supplier(noun, "for", index.at)  # "an order for 70 jets from Y"
    named = [c for c in noun.children if c.dep_ in {"compound", "nmod"} and c.i < noun.i and index.at(c) is not None]
    if not objects and named and any(c.dep_ == "poss" for c in noun.children):
        # "her Bellport hometown", "Kestrel's Oslo headquarters": the owner acts, the name before the noun is
        # the object; so is each place of "Kestrel's Tacoma, Wash., headquarters"
        subjects = [c for c in subjects if c not in named]
        objects = named + [g for c in named for g in c.children if g.dep_ == "nmod" and index.at(g) is not None]
    # "gained membership in Y": the preposition hangs on the governing verb
    governor = _governing_verb(noun)
    if governor is not None:
        if noun.dep_ == "dobj" or governor.lemma_.lower() in _LIGHT_VERBS:
            subjects.extend(_deep_roles(governor, index)[0])
        if not objects:
            objects.extend(_prep_objects(governor, [p for p in preps if p != "between"]))
            if governor.dep_ == "relcl":
                # "Y, in which X holds a stake": the relative pronoun stands for the name the clause is about
                objects = [governor.head if o.tag_ == "WDT" else o for o in objects]
    if "between" in preps:
        carriers = [noun, *[c for c in noun.children if c.dep_ in {"acl", "relcl"}]]
        if governor is not None:
            carriers.append(governor)
        for carrier in carriers:
            for pobj in _prep_objects(carrier, ["between"]):
                parties = [t for t in pobj.subtree if index.at(t) is not None and not _is_possessor(t)]
                subjects.extend(parties)
                objects.extend(parties)
        if not objects and governor is not None and noun.dep_ == "dobj":
            # "X and Y signed an agreement": a joint act's agents are its parties
            agents = _named(_deep_roles(governor, index)[0], index)
            # "A, B and C signed", parsed with "B and C" in apposition to A: a list, not one name
            agents += [
                a for agent in agents for a in agent.children
                if a.dep_ == "appos" and index.at(a) is not None and any(c.dep_ == "conj" for c in a.children)
            ]
            parties = _expand(agents)
            if len(parties) >= 2:
                subjects, objects = parties, list(parties)
    if not objects and noun.dep_ == "appos" and index.at(noun.head) is not None:
        objects.append(noun.head)  # "Bellport, Oregon, Sandoval's hometown": the noun describes the name
    owned = any(c.dep_ == "poss" for c in noun.children)
    if not objects and owned and noun.dep_ == "attr" and noun.head.lemma_ == "be":
        # "Bellport is Sandoval's hometown", "with Oregon being her home state": the copula's subject is it
        objects.extend(c for c in noun.head.children if c.dep_ == "nsubj" and index.at(c) is not None)
    if not subjects:
        # "the purchase of Y by X": the agent of the act
        subjects.extend(_prep_objects(noun, ("by",)))
    if not subjects:
        subjects.extend(_clause_agents(noun, index))
    return subjects, objects


def _clause_agents(token: Token, index: _Index) -> list[Token]:
    """The agent of the clause a phrase hangs in: "X spoke at a conference held on the sidelines of Y".

    Climbs through prepositions, their objects and participles only, never into a
    reported clause, so "X said the deal with Y ..." does not make X a party.
    """
    node = token
    for _ in range(8):
        if node.dep_ not in {"pobj", "prep", "acl", "dobj", "npadvmod"} or node.head is node:
            return []
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and node.dep_ != "acl":
            agents = _deep_roles(node, index)[0]
            return [a for a in agents if a.i != token.i]
    return []


def _is_possessor(token: Token) -> bool:
    return token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children)


def _role_of(trigger: Token, title: str) -> Role:
    current = not said_former(trigger)
    since = None
    for verb in (trigger, trigger.head):
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "since":
                since = " ".join(t.text for t in child.subtree if t.dep_ != "prep" or t is not child)
                since = since.removeprefix("since ").strip()
    return Role(title=title, current=current, start_date=since)


def _inside_name(token: Token, index: _Index) -> bool:
    """Whether a token is part of a name; a form of address the name keeps ("President Brad Smith")
    still states the post: "Acme President Brad Smith" is the president of Acme."""
    m = index.by_token.get(token.i)
    if m is None:
        return False
    mention, span = index.mentions[m]
    if mention.label in {"description", "pronoun"}:
        return False
    return not (
        mention.type == "Person" and token.i == span.start and len(span) > 1 and token.lower_ in _OFFICE_ADDRESS
    )


def _family(possessor: Token, index: _Index) -> bool:
    """Whether a possessive names a family: the plural of a surname in the text ("Tom Hartley ... the Hartleys'
    son Leo"), whatever the NER took it for."""
    text = possessor.text
    return text.endswith("s") and (text[:-1] in index.surnames or text.endswith("es") and text[:-2] in index.surnames)


def _post_in(token: Token, index: _Index) -> str:
    """The preposition by which a name is the employer in a post: "of" in "managing director of Orbitel",
    "at" in "an economist at Orbitel Bank", "head of strategy at Orbitel Bank" ("" for none)."""
    if not (token.dep_ == "pobj" and token.head.lower_ in {"of", "at", "for", "with"}):
        return ""
    noun = token.head.head
    while noun.pos_ == "NOUN" and noun.lemma_.lower() not in _title_heads(index.ontology):
        if not (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN"):
            return ""
        noun = noun.head.head  # "head of currency strategy at X"
    return token.head.lower_ if noun.pos_ == "NOUN" else ""


#: Words that join the items of a list: "A of X, B of Y and C of Z".
_LIST_JOINS = frozenset({",", ";", "and", "or"})


def _list_item_between(m: int, obj: Token, index: _Index) -> bool:
    """Whether another item of a list, a name of mention ``m``'s kind, stands between the name and a later
    phrase's object: in "A of X and B, formerly of Y" Y is B's, though the parser hangs "of Y" on A."""
    span = index.mentions[m][1]
    kind = index.mentions[m][0].type
    doc = span.doc
    other = index.at(obj)
    for i in range(span.end + 1, obj.i):
        n = index.by_token.get(i)
        if n is None or n in {m, other} or index.mentions[n][1].start != i or index.mentions[n][0].type != kind:
            continue
        if doc[i - 1].lower_ in _LIST_JOINS:
            return True
    return False


def _list_phrase(m: int, preps: tuple[str, ...], index: _Index) -> list[Token]:
    """The objects of the phrase right after a list item that the parser hung on an earlier item of the list
    with a phrase of its own: "A of X and B, formerly of Y" gives B Y (but "A, B and C in Y" is no list of
    items with phrases: the phrase is the whole list's)."""
    span = index.mentions[m][1]
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in _LIST_JOINS:
        return []
    i = span.end
    while i < len(doc) and i - span.end < 3 and (doc[i].text in {",", ";"} or doc[i].dep_ == "advmod"):
        i += 1  # "B, formerly of Y", "B, now of Y"
    if i >= len(doc) or doc[i].dep_ != "prep" or doc[i].lower_ not in preps or doc[i].head.i >= span.start:
        return []
    earlier = index.at(doc[i].head)
    if earlier is None or index.mentions[earlier][0].type != index.mentions[m][0].type:
        return []
    if not any(c.dep_ == "prep" and c.lower_ in preps and c.i < span.start for c in doc[i].head.children):
        return []  # "Buick, Cadillac and Chevrolet in the US": one phrase for the whole list
    return [o for pobj in doc[i].children if pobj.dep_ == "pobj" for o in _named_in(pobj, index)]


def _attribute(token: Token, preps: tuple[str, ...], index: _Index) -> tuple[list[Token], list[Token]]:
    """A name with a prepositional phrase: "Smith of Acme", "Bio Japan 2024 at Pacifico Yokohama".

    The phrase may hang on the name itself or on the noun the name is "of"
    ("the sidelines of Bio Japan 2024 at Pacifico Yokohama").
    """
    m = index.by_token.get(token.i)
    if m is None or index.roots[m] != token.i:
        return [], []
    if (
        token.dep_ == "pobj" and token.head.lower_ in _OPPOSED
        or token.dep_ == "dobj" and token.head.lemma_.lower() in index.ontology.words("ContestVerb")
        or token.dep_ == "pobj" and token.head.lower_ == "for"
        and token.head.head.lemma_.lower() in index.ontology.words("ContestNoun")
    ):
        # "the win over France in Paris", "playing Kestrel in Dublin": an opponent's "in" is the venue
        # (its "of" still says where it is from: "a win over Lena Berg of Sweden")
        preps = tuple(p for p in preps if p not in {"in", "at"})
        if not preps:
            return [], []
    span = index.mentions[m][1]
    objects = [
        o for carrier in name_carriers(token, m, index, index.carriers) for pobj in _prep_objects(carrier, preps)
        if not span.start <= pobj.i < span.end
        for o in _named_in(pobj, index)
    ]
    post = _post_in(token, index)
    if post:
        # "managing director of Orbitel in the UK", "X, an economist at Orbitel Bank in Frankfurt": the post
        # is in the company's branch there, which says nothing of where the company itself is based (a
        # post "of" or "for" a firm in a town names the firm: "manager of Kestrel Stores in Bellport")
        objects = [
            o for o in objects
            if not (o.dep_ == "pobj" and o.head.lower_ == "in" and (p := index.at(o)) is not None
                    and (post in {"at", "with"} or index.mentions[p][0].text.lower() in _COUNTRY_NAMES))
        ]
    # "A of X and B, formerly of Y": the pairing follows the list, whatever the parser attached
    objects = [o for o in objects if not _list_item_between(m, o, index)]
    if not objects:
        objects = _list_phrase(m, preps, index)
    doc = token.doc
    if (
        not objects
        and index.mentions[m][0].type == "Place"
        and span.end < len(doc)
        and doc[span.end].dep_ == "prep"
        and doc[span.end].lower_ in preps
    ):
        # "grew up in Bellport in southern Oregon": the parser hangs the second phrase on the verb
        objects = [c for c in doc[span.end].children if c.dep_ == "pobj"]
    if (
        not objects and index.mentions[m][0].type != "Person" and span.end + 3 < len(doc)
        and "in" in preps and doc[span.end].text == "," and doc[span.end + 1].lower_ == "in"
        and (place := index.by_token.get(span.end + 2)) is not None
        and index.ontology.is_a(index.mentions[place][0].type, "Place")
        and index.mentions[place][1].start == span.end + 2
        and (after := index.mentions[place][1].end) < len(doc) and doc[after].text in {",", "."}
    ):
        # "the Harbour Concert Hall, in Tacoma, last week": a place set off by commas right
        # after a name is the name's (the parser hangs it on the verb)
        objects = [index.mentions[place][1].root]
    if "compound" in preps or "poss" in preps:
        # "U.S. Congress", "Japan's iPark": a name modifying a name; not "in Bellport and Port Arlen",
        # where the parser takes the first of two coordinated names for a modifier of the second.
        # "poss" takes only the possessive ("Orbitel's Lena Berg")
        deps = {"compound", "poss", "nmod"} if "compound" in preps else {"poss"}
        modifiers = list(token.children)
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
            # "Norway's northern county of Troms", "the Oregon city of Bellport": the noun
            # that "of" names the name by carries the name's modifiers
            noun = token.head.head
            if any(
                index.ontology.is_a(index.mentions[m][0].type, c)
                for c in index.ontology.classes_for_descriptor(noun.lemma_.lower())
            ):
                modifiers += [c for c in noun.children if c.i < noun.i]
        if (
            token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i == span.end
            and index.ontology.is_a(index.mentions[m][0].type, "Place")
        ):
            # "Oregon's Willamette Valley vineyards": a place owning the noun a place's name modifies
            # (not "Norway's Nordic Cup finalists", "Orbitel's Cloud Summit event")
            modifiers += [
                c for c in token.head.children
                if c.dep_ == "poss" and c.i < span.start and (o := index.at(c)) is not None
                and index.ontology.is_a(index.mentions[o][0].type, "Place")
                and c.text not in index.surnames  # "Lena Berg ... Berg's Tacoma apartment"
            ]
        if index.ontology.is_a(index.mentions[m][0].type, "Organization"):
            # "Japan's troubled Kestrel bank": a place owning the noun of the firm's kind its name modifies
            modifiers += kind_owners(span, index.ontology, lambda t: index.is_a(t, "Place"))
        # "UK pharmaceutical firm Phytopharm": the country's word before the firm's noun before the name
        before = [] if index.mentions[m][0].label in {"description", "pronoun"} else adjective_before(
            span, index.ontology, index.adjective, lambda t: index.at(t) is not None
        )
        modifiers += before
        for c in modifiers:
            if c.dep_ == "poss" and _family(c, index):
                continue
            adjective = (
                # "Indian budget airline Kestrel": a country's adjective on the name (its mention only; a
                # description's adjective is read by its noun's patterns: "the Italian stock exchange" is none)
                (c.dep_ == "amod" or c in before) and "compound" in preps and index.adjective(c)
                and index.mentions[m][0].label not in {"description", "pronoun"}
            )
            modifier = index.at(c) if (c.dep_ in deps or adjective) and c.i < span.start else None
            if modifier is not None and (c in before or not any(
                t.pos_ in {"CCONJ", "PUNCT"} and not (adjective and t.text == "-")  # "state-owned"
                for t in doc[index.mentions[modifier][1].end : span.start]
            )):
                objects.append(c)
    return ([token] if objects else []), objects


def _expand(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        for t in _conjuncts(token):
            if t not in out:
                out.append(t)
    return out

