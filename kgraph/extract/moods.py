"""Moods: what a clause states of the event its trigger word names.

Decides, for a verb, a relational noun's copula or an event noun, whether the text states the event as a fact
("bought", "completed its takeover of Y"), as a deal agreed or announced but not done ("agreed to buy", "said
it would buy", "the takeover still needs approval"), or not at all ("may buy", "denied buying", "if X buys",
"the proposed takeover", "the takeover collapsed", "X and Y ended their alliance"). A past form dated in the
past is done whatever the clause it hangs on plans ("will cut jobs after buying Y last year"). A bidder's plan and
a bid's purpose state nothing ("plans to buy Y", "has bid $2bn to buy Y"); a deal's verb stated as done is agreed
where the deal is under way (:func:`deal_mood`: "is buying Y", "bought Y, subject to approval"). Example: in
"Kestrel Bank said it would buy Orbitel", :func:`mood` of "buy" is ``"agreed"``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.doc_text import per_document

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kgraph.ontology import Ontology

#: Auxiliaries that make a clause no statement of fact ("may buy", "could join"); "will" and "would"
#: announce what is agreed ("said it would buy").
_MODALS = frozenset({"may", "might", "could", "should", "must", "ca"})
_FUTURE = frozenset({"will", "would", "shall", "'ll", "wo", "'d"})
#: Words whose complement is not (yet) a fact: "plans to buy", "is in talks to acquire", "refused to
#: sign", "is expected to join", "denied buying", "claimed he was one of its leaders".
_UNREALISED = frozenset(
    """want seek try attempt offer propose consider hope aim threaten refuse fail decline wish need deny look
    mull weigh likely tip rumour rumor talk talks bid proposal expect claim allege suspect speculate undecided
    unsure uncertain speculation suggestion possibility prospect chance fear brink verge ambition dream
    aspiration""".split()
)
#: Words that open a condition: "If X buys a stake in Y" states no stake.
CONDITIONS = frozenset({"if", "unless", "whether"})
#: Verbs whose subject holds the post now ("X will stay on as chairman", "X will remain chief executive"; the
#: verbs whose object does, "to succeed Y as chairman", are kgx:SuccessionVerb, those whose "to" phrase gives the
#: post, kgx:PromotionVerb).
CONTINUATION_VERBS = frozenset("stay remain continue".split())
#: Adjectives of nearness: "X is close to striking a deal with Y" has struck none.
_NEAR = frozenset({"close", "closer", "near", "nearer"})
#: Verbs whose object is planned, not done: "X plans a joint venture with Y" has none yet.
_PLANNED = frozenset("""plan intend prepare promise pledge vow""".split())
#: Words whose complement is only intended, no deal agreed: "plans to buy Y", "intends to acquire Y" (a bidder's
#: plan; the seller has agreed nothing). A plan governed as an object stays announced: "plans a joint venture".
_INTENDED = frozenset("""plan intend prepare""".split())
#: Words whose complement is a deal agreed or announced: "agreed to buy", "is set to buy", "pledged to buy".
_AGREED = (_PLANNED - _INTENDED) | frozenset("""agree set due deal agreement choose select""".split())
#: Modifiers of an event noun that leave it undone ("the proposed takeover of Y") or agreed ("an agreed takeover").
_UNREALISED_MODIFIERS = frozenset(
    {
        "proposed",
        "possible",
        "potential",
        "rumoured",
        "rumored",
        "failed",
        "attempted",
        "mooted",
        "prospective",
        "abortive",
        "aborted",
    }
)
_AGREED_MODIFIERS = frozenset({"planned", "agreed", "pending", "announced"})
#: Words of the clause an event noun is the subject of that leave the deal pending: "the takeover still
#: needs approval", "is subject to approval", "is due to close", "is expected to be completed", "was announced".
_PENDING = frozenset("need require await subject due expect set announce agree plan".split())


#: Words that date a clause in the past: "last year", "two years ago", "earlier this month", "yesterday".
_PAST_TIME_WORDS = frozenset({"yesterday", "ago", "previously", "formerly"})
_PAST_TIME_MODIFIERS = frozenset({"last", "earlier"})
_TIME_NOUNS = frozenset({"year", "month", "week", "day", "spring", "summer", "autumn", "winter", "decade", "quarter"})


def _own_past_time(verb: Token) -> bool:
    """Whether a verb's own phrases date it in the past: "after buying Y last year", "bought at auction two
    months ago"."""
    for child in verb.children:
        if child.dep_ not in {"npadvmod", "advmod", "prep"}:
            continue
        for t in child.subtree:
            if t.lower_ in _PAST_TIME_WORDS:
                return True
            if t.lower_ in _PAST_TIME_MODIFIERS and t.head.lemma_.lower() in _TIME_NOUNS:
                return True
    return False


def mood(word: Token) -> str | None:
    """What a verb states, as :func:`_clause_mood` reads it; a past form that dates itself in the past is
    done, whatever the clause it hangs on plans ("X will cut jobs after buying Y last year")."""
    stated = _clause_mood(word)
    if stated != "agreed" or word.tag_ not in {"VBD", "VBN", "VBG"}:
        return stated
    own_aux = {c.lower_ for c in word.children if c.dep_ in {"aux", "auxpass"}}
    if own_aux & (_MODALS | _FUTURE | {"to"}):
        return stated
    return "fact" if _own_past_time(word) else stated


def _clause_mood(word: Token) -> str | None:
    """What a verb (or the verb of a copula) states: ``"fact"``; ``"agreed"`` for a deal agreed or
    announced ("agreed to buy", "said it would buy", "is set to acquire"); None when it states
    nothing: negated ("did not buy"), under "may" or "could", or the complement of an offer, a
    hope or a refusal ("offered to buy", "is in talks to buy", "refused to join"), in a condition
    ("if X buys"), near being done ("is close to striking a deal") or the content of speculation
    ("speculation that X will be bought"). A complement inherits the negation, modality and
    condition of the word it completes ("did not agree to buy"). A headline's infinitive
    ("Orbitel to buy Kestrel") is "agreed"."""
    stated = "fact"
    for _ in range(4):
        for c in word.children:
            if c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in CONDITIONS:
                return None
            if c.dep_ in {"aux", "auxpass"}:
                if c.lower_ in _MODALS or c.lemma_.lower() in _MODALS:
                    return None
                if c.lower_ in _FUTURE or c.lemma_.lower() in _FUTURE:
                    stated = "agreed"
                if c.lower_ == "to" and word.dep_ == "ROOT" and any(s.dep_ == "nsubj" for s in word.children):
                    stated = "agreed"  # the headline "Orbitel to buy Kestrel": announced, not done
        if word.dep_ == "conj" and _shares_clause(word):
            word = word.head  # "was chosen to build and run Y": "run" is as unrealised as "build"
            continue
        subject_of = _object_clause(word)
        if subject_of is not None:
            # "we do not want him or anybody else taking over Y", "they fear X buying Y": the clause on the
            # object of a wish or a fear is the wish's content, as unrealised as the wish
            if _forms(subject_of) & _UNREALISED:
                return None
            word = subject_of
            continue
        if _purpose(word):
            # "X has bid $2bn to buy Y", "X made an offer last week to acquire Y": the purpose of a bid is no fact
            return None if _forms(word.head) & (_UNREALISED | _INTENDED) else stated
        if word.dep_ not in {"xcomp", "acl", "pcomp", "ccomp"} or word.head.i == word.i:
            return stated
        head = word.head
        if word.dep_ == "pcomp" and head.head.i != head.i and head.pos_ == "ADP":
            head = head.head  # "talks about buying": the phrase's own head
            if head.lower_ in _NEAR:
                return None  # "close to buying"
        forms = _forms(head)
        if forms & (_UNREALISED | _INTENDED):
            return None
        if forms & _AGREED:
            stated = "agreed"
        if _be_to(word, head):
            subject = _subject_forms(head)
            if subject & _UNREALISED:
                return None  # "the aim is to buy Y": a wish
            stated = "agreed"  # "X is to buy Y", "the plan is to buy Y": a deal agreed or planned, not done
        word = head
    return stated


def _purpose(verb: Token) -> bool:
    """Whether a verb is an infinitive of purpose on another verb: "bid $2bn to buy Y"."""
    return (
        verb.dep_ == "advcl" and verb.head.i != verb.i and verb.head.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def deal_mood(verb: Token, ontology: Ontology) -> str | None:
    """What a verb states, as :func:`mood` reads it, with a deal's verb (kgx:DealVerb) that the text states as
    done read as agreed where the deal is still under way: in a progressive form ("X is buying Y", "Y is being
    bought by X") or where its sentence, or a next one about "the deal", says it awaits completion or approval
    ("X bought Y, subject to approval", "X has bought Y in a deal expected to close in May"; "The deal still needs
    regulatory approval."), so "X completed its purchase of Y" stays done.  Read once per verb of the document (a
    verb is read for each pattern it triggers)."""
    moods: dict[int, str | None] = per_document(verb.doc, ("deal moods", id(ontology)), dict)
    if verb.i not in moods:
        moods[verb.i] = _deal_mood(verb, ontology)
    return moods[verb.i]


def _deal_mood(verb: Token, ontology: Ontology) -> str | None:
    stated = mood(verb)
    if stated != "fact" or not _deal_verb(verb, ontology):
        return stated
    if _progressive(verb):
        return "agreed"
    sentence, doc = verb.sent, verb.doc
    if _pending_in(sentence, ontology, adverbial=True):
        return "agreed"
    if sentence.end < len(doc) and _pending_in(doc[sentence.end].sent, ontology, adverbial=False):
        return "agreed"
    return stated


def _deal_verb(verb: Token, ontology: Ontology) -> bool:
    """Whether a verb is a deal's (kgx:DealVerb; "take over" with its particle)."""
    words = ontology.words("DealVerb")
    lemma = verb.lemma_.lower()
    if lemma in words:
        return True
    return any(f"{lemma} {c.lower_}" in words for c in verb.children if c.dep_ == "prt")


def _progressive(verb: Token) -> bool:
    """Whether a verb is in a progressive form: "is buying", "was being bought"."""
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ == "VBG":
        return any(c.lemma_.lower() == "be" for c in aux)
    return verb.tag_ == "VBN" and any(c.lower_ == "being" for c in aux)


def _pending_in(clause: Span, ontology: Ontology, adverbial: bool) -> bool:
    """Whether a clause says a deal (kgx:DealNoun, its subject: "the deal", "a deal that") awaits completion or
    approval: "is expected to close", "is due to be completed" (kgx:CompletionVerb), "still needs/requires/awaits
    approval" (kgx:ApprovalNoun); with ``adverbial``, also "subject to approval", "pending approval" said of the
    sentence's own deal ("X bought Y, subject to approval"). Not "Y is expected to close two plants", whose
    subject is no deal."""
    approval, completion = ontology.words("ApprovalNoun"), ontology.words("CompletionVerb")
    deals = ontology.words("DealNoun")
    for t in clause:
        lemma = t.lemma_.lower()
        if lemma in {"subject", "pending"} and adverbial:
            if any(g.lemma_.lower() in approval for c in t.children for g in c.subtree):
                return True
            continue
        if lemma in {"expect", "due"}:
            pending = any(c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in completion for c in t.children)
        elif lemma in {"need", "require", "await"}:
            pending = any(c.dep_ in {"dobj", "xcomp"} and any(g.lemma_.lower() in approval for g in c.subtree)
                          for c in t.children)
        elif lemma == "subject":
            pending = any(g.lemma_.lower() in approval for c in t.children for g in c.subtree)
        else:
            continue
        if pending and _said_of(t, deals):
            return True
    return False


def _said_of(word: Token, nouns: frozenset[str]) -> bool:
    """Whether the clause of a word (or of the verb it completes) has for its subject one of ``nouns``, or a
    relative pronoun on one ("a deal that is expected to close"), or is a participle on one ("a deal expected to
    close")."""
    if word.dep_ == "acl" and word.head.lemma_.lower() in nouns:
        return True
    for verb in (word, word.head):
        for c in verb.children:
            if c.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if c.lemma_.lower() in nouns or c.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl" and (
                verb.head.lemma_.lower() in nouns
            ):
                return True
    return False


def _be_to(word: Token, head: Token) -> bool:
    """Whether a verb is the "to" complement of "be": "X is to buy Y", "X was to take over Y"."""
    return (
        word.dep_ in {"xcomp", "ccomp"}
        and head.lemma_.lower() == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in word.children)
    )


def _subject_forms(verb: Token) -> set[str]:
    """The forms of a verb's subject word: "aim" in "the aim is to buy Y"."""
    return set().union(*(_forms(c) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}))


def _object_clause(verb: Token) -> Token | None:
    """The verb whose object (or a conjunct of it) a gerund clause hangs on ("want" in "want him or
    anybody else taking over Y"); None for any other clause."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    obj = verb.head
    while obj.dep_ == "conj" and obj.head.i != obj.i:
        obj = obj.head
    return obj.head if obj.dep_ == "dobj" and obj.head.pos_ in {"VERB", "AUX"} else None


def _shares_clause(verb: Token) -> bool:
    """Whether a conjoined verb shares its first conjunct's subject and mood: "to build and run Y",
    not "did not buy Y but sold Z" (a contrast) nor "X bought Y and Z sold W" (a subject of its own)."""
    first = verb.head
    if first.pos_ not in {"VERB", "AUX"} or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False
    return not any(c.dep_ == "cc" and c.lower_ in {"but", "yet", "while"} for c in first.children)


def governed_mood(verb: Token) -> str | None:
    """What a verb states of the event noun it governs: "signed an agreement with Y" a fact, "plans a
    joint venture with Y" an announced plan ("agreed"), "seeks a merger with Y" nothing; then
    whatever :func:`mood` says of the verb itself ("did not sign an agreement")."""
    forms = _forms(verb)
    if forms & _UNREALISED:
        return None
    stated = mood(verb)
    return "agreed" if stated == "fact" and forms & _PLANNED else stated


def _copula_mood(noun: Token) -> str | None:
    """The mood of the copula a post is given by ("X is not the chief of Y", "X could become
    chief of Y", "X was claimed to be one of Y's leaders"); "fact" for a noun not given so.  Read once per noun of
    the document (a noun is read for each pattern it triggers)."""
    moods: dict[int, str | None] = per_document(noun.doc, ("copula moods",), dict)
    if noun.i not in moods:
        moods[noun.i] = _copula_mood_of(noun)
    return moods[noun.i]


def _copula_mood_of(noun: Token) -> str | None:
    post = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        post = noun.head.head  # "X was one of Y's leaders"
    if post.dep_ not in {"attr", "oprd"}:
        return "fact"
    stated = mood(post.head)
    if stated == "agreed" and post.head.lemma_.lower() in CONTINUATION_VERBS:
        return "fact"  # "X will remain chief executive", "X will stay chairman": X holds the post now
    return stated


def _forms(token: Token) -> set[str]:
    """The word's lemma and its plain forms: the lemmatiser reads "hoped" as "hop"."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    for suffix in ("ed", "d", "s", "ing"):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            forms.add(lower[: -len(suffix)])
    return forms


def noun_mood(noun: Token) -> str | None:
    """What an event noun states: "the proposed takeover of Y" nothing, "an agreed takeover" a deal."""
    modifiers = {c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"}}
    if modifiers & _UNREALISED_MODIFIERS:
        return None
    return "agreed" if modifiers & _AGREED_MODIFIERS else "fact"


def event_mood(noun: Token, ontology: Ontology) -> tuple[str | None, bool]:
    """What an event noun states, with the clause around it: (mood, whether the clause's mood is the
    noun's own rather than that of a verb whose object it is).

    The noun's modifiers first (:func:`noun_mood`). As the subject of a clause the clause says it all:
    "the takeover was completed" a fact; "the takeover still needs approval", "is due to close", "is
    expected to be completed" a deal agreed; "the takeover collapsed", "was blocked", "may not go ahead"
    nothing. As the object of a verb, the verb's mood (:func:`governed_mood`: "is due to complete its
    acquisition of Y" agreed, "is seeking a takeover of Y" nothing; "blocked X's takeover of Y" nothing); a
    possessor's own act may then still be stated ("X agreed to buy Z's stake in Y": Z holds one), which the
    caller decides with the second value (False)."""
    own = noun_mood(noun)
    if own is None:
        return None, True
    undone = ontology.words("UndoingVerb")  # "the takeover collapsed", "X and Y ended their alliance"
    if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.pos_ in {"VERB", "AUX"}:
        verb = noun.head
        words = set().union(*(_forms(t) for t in (verb, *verb.children) if t is verb or t.dep_ in {"acomp", "xcomp"}))
        if words & undone:
            return None, True
        stated = mood(verb)
        if stated is None or words & _PENDING:
            return ("agreed" if stated is not None else None), True
        if words & _UNREALISED:
            return None, True  # "the takeover is being considered"
        return ("agreed" if "agreed" in (own, stated) else "fact"), True
    governor = _governing_verb(noun)
    if governor is None:
        return own, True
    if _forms(governor) & undone and not (noun.dep_ == "pobj" and any(c.dep_ == "dobj" for c in governor.children)):
        # (not "X lost money on its deal with Y": the verb undoes its own object, not the phrase's noun)
        return None, True
    if (
        noun.dep_ == "dobj" and governor.tag_ in {"VBD", "VBN"} and mood(governor) == "fact"
        and governor.lemma_.lower() in ontology.words("SaleVerb")
    ):
        return None, True  # "X has sold its stake in Y", "X transferred his shares in Y to Z": held no more
    ruled = governed_mood(governor)
    if ruled is None:
        return None, False
    return ("agreed" if "agreed" in (own, ruled) else "fact"), ruled == own


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object (or, through a preposition, the phrase) of: "signed an
    agreement", "gained membership in"."""
    governor = noun.head if noun.dep_ in {"dobj", "pobj", "nsubjpass", "attr"} else None
    if governor is not None and governor.pos_ == "ADP":
        governor = governor.head
    return governor if governor is not None and governor.pos_ in {"VERB", "AUX"} else None
