"""Where a name that holds an "and" or "&" begins, decided on the NER's names before typing.

Decides that capitalised words the NER left unlabelled right before "and"/"&" and an organisation's
name are that name's first words, where the NER cut the name at the "and":

- before a body's name, by its head noun (``kgx:BodyOfPeople``): "the Standards and Privileges
  Committee", "the Fisheries and Forests Department" (not "Kellmore Bank and the Privileges Committee":
  a name of the NER's, or a lower-case word, sets the two apart);
- one capitalised word the NER made an organisation's name of its own between "the" and the "and" before a
  body's name ("the Public and Commercial Services Union");
- one surname before another, a firm of partners the text calls a firm ("the law firm Hallam and Croft",
  "Hallam & Croft, the accountancy firm,"), where neither word stands alone anywhere else in the document
  (a document that names "Croft" alone, or "Hallam", speaks of two firms), and the first does not open a
  sentence.

Example: in "The law firm Hallam and Croft was late.", the NER's "Croft" becomes "Hallam and Croft".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.body_names import body_heads
from kgraph.extract.countries import organisation_descriptors
from kgraph.extract.doc_text import doc_tokens
from kgraph.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["names_with_and"]

_AND = frozenset({"and", "&"})


def _first_words(doc: Doc, conj: int, labelled: set[int]) -> int:
    """The first of the capitalised words, unlabelled by the NER, that end right before ``conj``."""
    start = conj
    while (
        start > 0
        and start - 1 not in labelled
        and doc[start - 1].is_title
        and doc[start - 1].is_alpha
        and doc[start - 1].pos_ in {"PROPN", "NOUN", "ADJ"}
    ):
        start -= 1
    return start


def _alone_elsewhere(doc: Doc, word: str, skip: range) -> bool:
    return any(t.text == word for t in doc_tokens(doc) if t.i not in skip)


def _firm_noun(token: Token, ontology: Ontology) -> bool:
    """A singular noun for a firm ("the law firm", not "the firms": two firms)."""
    return token.tag_ == "NN" and token.lemma_.lower() in organisation_descriptors(ontology)


def _beside_a_firm_noun(doc: Doc, start: int, ent: Span, ontology: Ontology) -> bool:
    """ "the law firm Hallam and Croft", "Hallam and Croft, the accountancy firm,": a firm's noun right
    before the words or in apposition to them (read on the parse before the names are typed; once they are,
    :func:`kgraph.extract.firm_posts.called_a_firm` asks whether the document calls a name a firm)."""
    if start > 0 and _firm_noun(doc[start - 1], ontology):
        return True
    return any(c.dep_ == "appos" and _firm_noun(c, ontology) for t in (doc[start], ent.root) for c in t.children)


def _partners(doc: Doc, start: int, conj: int, ent: Span, ontology: Ontology) -> bool:
    """ "the law firm Hallam and Croft": one surname before another, called a firm, neither alone elsewhere
    in the document."""
    if conj - start != 1 or len(ent) != 1 or doc[start].is_sent_start or doc[start].pos_ != "PROPN":
        return False
    if ent[0].pos_ != "PROPN" or not _beside_a_firm_noun(doc, start, ent, ontology):
        return False
    joined = range(start, ent.end)
    return not _alone_elsewhere(doc, doc[start].text, joined) and not _alone_elsewhere(doc, ent.text, joined)


def _body_word_after_the(doc: Doc, before: Span, ent: Span, heads: frozenset[str]) -> bool:
    """ "the Public and Commercial Services Union": one capitalised word the NER made an organisation's name of
    its own, between "the" and the "and" before a body's name, is that name's first word (one "the" for both:
    two bodies would each have theirs, "the Kellmore Bank and the Privileges Committee")."""
    word = before[0]
    return (
        len(before) == 1
        and before.label_ == "ORG"
        and ent.label_ == "ORG"
        and word.is_title
        and word.is_alpha
        and before.start > 0
        and doc[before.start - 1].lower_ == "the"
        and ent[-1].lower_ in heads
    )


def names_with_and(doc: Doc, ents: list[Span], ontology: Ontology) -> list[Span]:
    """The NER's names with each organisation's name cut at an "and" given back its first words (see the
    module's docstring)."""
    from spacy.tokens import Span

    heads = body_heads(ontology)
    labelled = {i for ent in ents for i in range(ent.start, ent.end)}
    by_end = {ent.end: ent for ent in ents}
    out: list[Span] = []
    for ent in ents:
        conj = ent.start - 1
        if ent.label_ not in {"ORG", "PERSON"} or conj < 1 or doc[conj].lower_ not in _AND:
            out.append(ent)
            continue
        start = _first_words(doc, conj, labelled)
        before = by_end.get(conj)
        if ent.label_ == "ORG" and start < conj and ent[-1].lower_ in heads:
            out.append(Span(doc, start, ent.end, label="ORG"))
        elif start < conj and _partners(doc, start, conj, ent, ontology):
            out.append(Span(doc, start, ent.end, label="ORG"))
        elif (
            before is not None
            and len(before) == 1
            and out
            and out[-1] is before
            and _partners(doc, before.start, conj, ent, ontology)
        ):
            out[-1] = Span(doc, before.start, ent.end, label="ORG")  # "the law firm Hallam" + "Croft"
        elif before is not None and out and out[-1] is before and _body_word_after_the(doc, before, ent, heads):
            out[-1] = Span(doc, before.start, ent.end, label="ORG")  # "the Public" + "Commercial Services Union"
        else:
            out.append(ent)
    return out
