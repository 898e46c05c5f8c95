"""The ontology as Python sees it: namespaces, classes, properties and their patterns.

``ontology/kgraph.ttl`` is the source of truth for classes and properties (labels,
domains, ranges, sub-class and sub-property links); ``ontology/patterns.ttl`` says
how each is found in text, and ``ontology/words.ttl`` holds the named word lists of the
domain the extractor reads (the head words of a chamber, the nouns of goods).
:func:`load_ontology` reads them into an :class:`Ontology` that the extractor, the graph
writer and the viewer share.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache, wraps
from importlib import resources
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DefinedNamespace

from kgraph.errors import OntologyError

__all__ = [
    "KG",
    "KGX",
    "KGR",
    "KGD",
    "KGS",
    "BASE_IRI",
    "FRAMES",
    "WORD_LISTS",
    "ONTOLOGY_DIR",
    "ClassInfo",
    "PropertyInfo",
    "Pattern",
    "Ontology",
    "load_ontology",
    "default_ontology_dir",
    "per_ontology",
]

BASE_IRI = "https://w3id.org/kgraph/"


class KG(DefinedNamespace):
    """The kgraph ontology's terms (closed: a typo raises AttributeError)."""

    # classes
    Entity: URIRef
    Agent: URIRef
    Person: URIRef
    Organization: URIRef
    GovernmentBody: URIRef
    Place: URIRef
    Event: URIRef
    Award: URIRef
    Document: URIRef
    Role: URIRef
    # relations
    worksFor: URIRef
    headOf: URIRef
    ceoOf: URIRef
    holdsOfficeIn: URIRef
    founderOf: URIRef
    memberOf: URIRef
    hasAgreementWith: URIRef
    partnerOf: URIRef
    operates: URIRef
    subsidiaryOf: URIRef
    partOf: URIRef
    acquired: URIRef
    agreedToAcquire: URIRef
    investedIn: URIRef
    basedIn: URIRef
    locatedIn: URIRef
    livesIn: URIRef
    nationality: URIRef
    reportedFrom: URIRef
    participatedIn: URIRef
    heldAt: URIRef
    receivedAward: URIRef
    # roles
    roleHolder: URIRef
    roleIn: URIRef
    rolePlace: URIRef
    roleProperty: URIRef
    roleTitle: URIRef
    current: URIRef
    startDate: URIRef
    # provenance
    mentionedIn: URIRef
    mentionCount: URIRef
    evidence: URIRef
    confidence: URIRef
    extractor: URIRef
    charStart: URIRef
    charEnd: URIRef

    _NS = Namespace(BASE_IRI + "ontology#")
    _fail = True


KGX = Namespace(BASE_IRI + "patterns#")
#: The pattern frames kgraph.extract.relations knows how to match (documented in ontology/patterns.ttl).
FRAMES = frozenset(
    {"RelationalNoun", "Verb", "EventNoun", "Attribute", "PlaceChain", "SourceLine", "PlaceInName", "Dateline",
     "BracketPlace", "SpeakerAt", "UnitAt", "CountryInName", "ParentInName",
     "Supply"}
)
#: The moods a pattern can read (kgx:mood): a fact, or a deal agreed or announced but not done.
MOODS = {"Fact": KGX.Fact, "Agreed": KGX.Agreed}
#: Entities, documents and statements get IRIs under these (see kgraph.graph).
KGR = Namespace(BASE_IRI + "id/")
KGD = Namespace(BASE_IRI + "doc/")
KGS = Namespace(BASE_IRI + "stmt/")
KGRole = Namespace(BASE_IRI + "role/")


def _shipped_ontology_dir() -> Path:
    """The ontology that came with this copy of kgraph.

    An installed package (a wheel) carries it as package data, ``kgraph/ontology_data``
    (the build maps the repository's ``ontology/`` there; see pyproject.toml).  Code run
    from a checkout (an editable install, or the source tree on ``sys.path``) has no such
    folder: there the checkout's own ``ontology/`` is the ontology, the folder users edit.
    """
    packaged = resources.files("kgraph") / "ontology_data"
    if isinstance(packaged, Path) and (packaged / "kgraph.ttl").is_file():
        return packaged
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "ontology" / "kgraph.ttl").is_file():
        return checkout / "ontology"
    return Path(str(packaged))  # missing: load_ontology names it in its error


#: The ontology kgraph ships with (package data when installed, ``ontology/`` in a checkout).
ONTOLOGY_DIR = _shipped_ontology_dir()


def default_ontology_dir() -> Path:
    """The ontology folder: ``$KGRAPH_ONTOLOGY``, else the one kgraph ships with (:data:`ONTOLOGY_DIR`)."""
    env = os.environ.get("KGRAPH_ONTOLOGY")
    return Path(env) if env else ONTOLOGY_DIR


@dataclass(frozen=True)
class Pattern:
    """One way a property is expressed in text (see ontology/patterns.ttl)."""

    property: str
    frame: str
    triggers: tuple[str, ...] = ()
    prepositions: tuple[str, ...] = ()
    subject_roles: tuple[str, ...] = ("agent",)
    object_roles: tuple[str, ...] = ("patient",)
    subject_type: str | None = None
    object_type: str | None = None
    role: bool = False
    confidence: float = 0.8
    subordinate: str | None = None  # RelationalNoun: the property a lesser post states instead
    subordinate_modifiers: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()  # for the trigger "*": nouns that do not state the property
    inverse: bool = False  # the frame's two ends state the property the other way round ("parent company of")
    mood: str = "fact"  # "fact", or "agreed": a deal agreed or announced, not stated as done (kgx:mood)
    object_heads: tuple[str, ...] = ()  # kgx:objectHead: the object's name must end in one of these
    except_object_heads: tuple[str, ...] = ()  # kgx:exceptObjectHead: ... and must not end in one of these
    subject_heads: tuple[str, ...] = ()  # kgx:subjectHead: the subject's own name must end in one of these

    @builtins.property  # the field "property" shadows the builtin in this class body
    def name(self) -> str:
        return f"{self.property}/{self.frame}"


@dataclass
class ClassInfo:
    """A class of the ontology and how to recognise it."""

    name: str
    label: str
    ancestors: frozenset[str]  # itself and every superclass in the kg namespace
    ner_labels: tuple[str, ...] = ()
    head_nouns: frozenset[str] = frozenset()
    #: first words of names of the class ("Fort ...", "Mount ..."), when the last word tells nothing
    opening_words: frozenset[str] = frozenset()
    descriptors: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    year_suffix: bool = False


@dataclass
class PropertyInfo:
    """A relation of the ontology."""

    name: str
    label: str
    domain: str | None
    range: str | None
    ancestors: frozenset[str]  # itself and every super-property in the kg namespace
    symmetric: bool = False
    patterns: list[Pattern] = field(default_factory=list)
    #: q for each ``p owl:propertyChainAxiom (p q)``: "s p x" and "x q o" state "s p o"
    chains: frozenset[str] = frozenset()


@dataclass
class Ontology:
    """Classes and properties of the kgraph ontology, with their patterns."""

    graph: Graph
    classes: dict[str, ClassInfo]
    properties: dict[str, PropertyInfo]
    source: Path
    #: last words of names that are no entity of the ontology (kgx:NotAName): "the Trading Act"
    unnamed_heads: frozenset[str] = frozenset()
    #: whole names that are no entity of the ontology (kgx:NotAName kgx:name): "Islam"
    unnamed_names: frozenset[str] = frozenset()
    #: pattern name -> confidence measured on train data (``calibration.ttl``, see scripts/calibrate.py)
    calibration: dict[str, float] = field(default_factory=dict)
    #: the named word lists of ``words.ttl`` (kgx:Chamber -> "Chamber"), read with :meth:`words`
    word_lists: dict[str, frozenset[str]] = field(default_factory=dict)
    #: values worked out of the ontology once (:func:`per_ontology`), by function and arguments
    derived: dict[tuple[Any, ...], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def confidence(self, pattern: str, hand_set: float) -> float:
        """A relation's confidence: its pattern's calibrated value, else the hand-set one."""
        return self.calibration.get(pattern, hand_set)

    def words(self, name: str) -> frozenset[str]:
        """The named word list ``kgx:<name>`` of ``words.ttl`` (its kgx:word values, lower case).

        >>> load_ontology().words("PublicOffice") == {"mayor", "governor", "premier"}
        True
        """
        return self.word_lists[name]

    def is_a(self, cls: str, other: str) -> bool:
        """True when ``cls`` is ``other`` or one of its subclasses."""
        info = self.classes.get(cls)
        return info is not None and other in info.ancestors

    def fits(self, cls: str, constraint: str | None) -> bool:
        return constraint is None or self.is_a(cls, constraint)

    def class_for_ner(self, label: str) -> str | None:
        for info in self.classes.values():
            if label in info.ner_labels:
                return info.name
        return None

    def class_for_head(self, word: str) -> str | None:
        """The most specific class whose head nouns include ``word`` (lower case)."""
        best: str | None = None
        for info in self.classes.values():
            if word in info.head_nouns and (best is None or len(info.ancestors) > len(self.classes[best].ancestors)):
                best = info.name
        return best

    def class_for_opening(self, word: str) -> str | None:
        """The class whose names open with ``word`` (lower case): "fort" for a place."""
        return next((info.name for info in self.classes.values() if word in info.opening_words), None)

    def classes_for_descriptor(self, word: str) -> list[str]:
        return sorted(c.name for c in self.classes.values() if word in c.descriptors)

    @property
    def patterns(self) -> list[Pattern]:
        return [p for prop in self.properties.values() for p in prop.patterns]

    def iri(self, local: str) -> URIRef:
        return URIRef(KG._NS + local)

    def fingerprint(self) -> str:
        """A digest of the ontology and pattern files, for caches."""
        import hashlib

        digest = hashlib.sha256()
        for path in sorted(self.source.glob("*.ttl")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()[:16]


_P = ParamSpec("_P")
_T = TypeVar("_T")


def per_ontology(make: Callable[Concatenate[Ontology, _P], _T]) -> Callable[Concatenate[Ontology, _P], _T]:
    """Work a value out of the ontology once and keep it with the ontology.

    For the word sets and indexes the extractor reads off the ontology's patterns and classes
    (the titles of a post, the patterns by trigger word): ``make(ontology, *args)`` runs on the
    first call for an ontology and those arguments, and later calls return the same object.
    The value lives in :attr:`Ontology.derived`, so it goes with the ontology into worker
    processes and away with it.
    """
    name = f"_per_ontology {make.__module__}.{make.__qualname__}"

    @wraps(make)
    def cached(ontology: Ontology, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        key = (name, *args, *sorted(kwargs.items()))
        if key not in ontology.derived:
            ontology.derived[key] = make(ontology, *args, **kwargs)
        value: _T = ontology.derived[key]
        return value

    return cached


def _local(term: object) -> str | None:
    text = str(term)
    prefix = str(KG._NS)
    return text[len(prefix) :] if text.startswith(prefix) else None


def _strings(graph: Graph, subject: object, predicate: URIRef) -> tuple[str, ...]:
    return tuple(sorted(str(o) for o in graph.objects(subject, predicate)))  # type: ignore[arg-type]


def _head_words(graph: Graph, node: object, predicate: URIRef) -> tuple[str, ...]:
    """A pattern's head words (lower case): each literal, and for a named list (``kgx:exceptObjectHead
    kgx:BodyOfMembers``) the list's own ``kgx:headNoun`` words, so one list serves several patterns."""
    words: set[str] = set()
    for value in graph.objects(node, predicate):  # type: ignore[arg-type]
        if isinstance(value, URIRef):
            words.update(str(w).lower() for w in graph.objects(value, KGX.headNoun))
        else:
            words.add(str(value).lower())
    return tuple(sorted(words))


def _trigger_words(graph: Graph, node: object) -> tuple[str, ...]:
    """A pattern's trigger words (lower case): each literal, and for a word list (``kgx:trigger kgx:OfficeTitle``)
    the list's ``kgx:word`` words, so a list in words.ttl can drive a pattern."""
    words: set[str] = set()
    for value in graph.objects(node, KGX.trigger):  # type: ignore[arg-type]
        if isinstance(value, URIRef):
            words.update(str(w).lower() for w in graph.objects(value, KGX.word))
        else:
            words.add(str(value).lower())
    return tuple(sorted(words))


def _one_local(graph: Graph, subject: object, predicate: URIRef) -> str | None:
    values = sorted(filter(None, (_local(o) for o in graph.objects(subject, predicate))))  # type: ignore[arg-type]
    return values[0] if values else None


def _chains(graph: Graph, prop: URIRef) -> frozenset[str]:
    """The q of each two-step chain ``prop owl:propertyChainAxiom (prop q)`` (other chains are not used)."""
    out = set()
    for head in graph.objects(prop, OWL.propertyChainAxiom):
        steps = list(Collection(graph, head)) if isinstance(head, BNode) else []
        if len(steps) == 2 and steps[0] == prop and isinstance(steps[1], URIRef):
            local = _local(steps[1])
            if local is not None:
                out.add(local)
    return frozenset(out)


def _closure(graph: Graph, start: URIRef, link: URIRef) -> frozenset[str]:
    seen = {start}
    todo = [start]
    while todo:
        node = todo.pop()
        for parent in graph.objects(node, link):
            if isinstance(parent, URIRef) and parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return frozenset(filter(None, (_local(n) for n in seen)))


#: The file of named word lists in the ontology folder, and the lists the extractor reads from it.
WORDS_FILE = "words.ttl"
WORD_LISTS = frozenset(
    {"Chamber", "Assembly", "Committee", "FunctionNoun", "FigurativePart", "PublicOffice", "DepartmentNoun",
     "StateTitle", "FirmNoun", "UnitNameWord", "TradeWord", "PublicBodyWord",
     "Goods", "KinOrFollower", "PartyWord", "PartyMemberTitle", "BodyOfPeople", "Country",
     "ConservativePartyWord", "PeerTitle", "SeatHolder", "SeatNoun", "ParliamentWord",
     "CoMakerNoun", "MakerNoun", "BroadcastNoun", "WorkNoun", "WorkPartNoun", "StageBody", "PerformanceWord",
     "ProductVerb", "FirmObject", "FirmVerb", "FirmObjectNoun", "FirmAgentVerb", "FirmPossession", "FirmWord",
     "ReportVerb", "FirmFigure", "PlacePost", "PerformerNoun", "RegionNoun", "UnitNoun", "Holding", "CourtNoun",
     "AffiliateNoun", "PlacePossession", "PlaceArea", "PersonPossession", "PublicBodyNoun", "RivalNoun",
     "ContestVerb", "ContestNoun", "SuccessionVerb", "PromotionVerb", "BrandNoun",
     "NamingVerb", "ParliamentName",
     "FirmPostTitle", "BoardTitle", "OwnerNoun", "PartyNameWord", "ForPhraseBody",
     "ForceNoun", "FirmKindInitials", "PortfolioNoun", "PortfolioField", "TitleAdjective",
     "InitialsNameNoun", "AcademicUnitNoun", "UniversityNoun", "VenueNoun",
     "CentreUse", "OrderVerb", "SupplyVerb", "OrderNoun", "SaleNoun", "OrderPlacingVerb", "OrderWinningVerb",
     "OrderedGoods",
     "PartyOfficerTitle", "SubBodyNoun", "SuitVerb", "GatheringNoun",
     "TitlePrefix", "FamilyNoun", "CentreNoun", "ProductNoun", "ProductKindNoun",
     "BandNoun", "BandPlayerNoun", "BandLeaderNoun", "GameWord", "MusicStyle", "VenueSiteNoun", "ParkBodyWord",
     "EndedPostWord", "LeavingVerb", "DismissVerb", "DeathVerb", "LeaveBodyVerb", "ImpendingWord", "LeavingNoun",
     "NewPostVerb", "LastingVerb", "SaleVerb", "UndoingVerb", "OnceWord", "PastTimeWord", "FutureAuxiliary",
     "CountryNoun", "TownNoun", "FirmNameEnd", "DealVerb", "ApprovalNoun", "CompletionVerb", "DealNoun",
     "ServiceKindNoun", "DeviceNoun", "OfficeTitle", "NoOfficeWord", "ForeignPostNoun", "CountryFirmWord",
     "NationalNameOpening", "StateNameNoun", "ClubNameEnd",
     "FamilyMemberNoun"}
)


@lru_cache(maxsize=4)
def load_ontology(directory: Path | None = None) -> Ontology:
    """Read ``kgraph.ttl``, ``patterns.ttl`` and ``words.ttl`` from ``directory``."""
    directory = (directory or default_ontology_dir()).resolve()
    graph = Graph()
    for name in ("kgraph.ttl", "patterns.ttl", WORDS_FILE):
        path = directory / name
        if not path.is_file():
            raise OntologyError(
                f"{path} is missing. Point --ontology (or KGRAPH_ONTOLOGY) at kgraph's ontology/ folder."
            )
        try:
            graph.parse(path, format="turtle")
        except Exception as error:  # rdflib raises several parser exception types
            raise OntologyError(f"{path} is not valid Turtle: {error}") from error

    classes: dict[str, ClassInfo] = {}
    for cls in sorted(s for s in set(graph.subjects(RDF.type, OWL.Class)) if isinstance(s, URIRef)):
        class_name = _local(cls)
        if class_name is None:
            continue
        year = any(isinstance(o, Literal) and o.toPython() is True for o in graph.objects(cls, KGX.yearSuffix))
        classes[class_name] = ClassInfo(
            name=class_name,
            label=str(graph.value(cls, RDFS.label) or class_name),
            ancestors=_closure(graph, cls, RDFS.subClassOf),
            ner_labels=_strings(graph, cls, KGX.nerLabel),
            head_nouns=frozenset(s.lower() for s in _strings(graph, cls, KGX.headNoun)),
            opening_words=frozenset(s.lower() for s in _strings(graph, cls, KGX.openingWord)),
            descriptors=frozenset(s.lower() for s in _strings(graph, cls, KGX.descriptor)),
            title_words=frozenset(s.lower() for s in _strings(graph, cls, KGX.titleWord)),
            year_suffix=year,
        )

    properties: dict[str, PropertyInfo] = {}
    for prop in sorted(s for s in set(graph.subjects(RDF.type, OWL.ObjectProperty)) if isinstance(s, URIRef)):
        prop_name = _local(prop)
        if prop_name is None:
            continue
        name = prop_name
        info = PropertyInfo(
            name=name,
            label=str(graph.value(prop, RDFS.label) or name),
            domain=_one_local(graph, prop, RDFS.domain),
            range=_one_local(graph, prop, RDFS.range),
            ancestors=_closure(graph, prop, RDFS.subPropertyOf),
            symmetric=(prop, RDF.type, OWL.SymmetricProperty) in graph,
            chains=_chains(graph, prop),
        )
        for node in graph.objects(prop, KGX.pattern):
            frame = graph.value(node, KGX.frame)
            if frame is None:
                raise OntologyError(f"A pattern of kg:{name} in {directory / 'patterns.ttl'} has no kgx:frame.")
            frame_name = str(frame)[len(str(KGX)):] if str(frame).startswith(str(KGX)) else ""
            if frame_name not in FRAMES:
                raise OntologyError(
                    f"A pattern of kg:{name} in {directory / 'patterns.ttl'} has the unknown frame <{frame}>; "
                    f"the frames are {', '.join('kgx:' + f for f in sorted(FRAMES))}."
                )
            confidence = graph.value(node, KGX.confidence)
            role = graph.value(node, KGX.role)
            inverse = graph.value(node, KGX.inverse)
            mood = graph.value(node, KGX.mood)
            if mood is not None and mood not in MOODS.values():
                raise OntologyError(
                    f"A pattern of kg:{name} in {directory / 'patterns.ttl'} has the unknown mood <{mood}>; "
                    f"the moods are {', '.join('kgx:' + m for m in sorted(MOODS))}."
                )
            assert confidence is None or isinstance(confidence, Literal)
            assert role is None or isinstance(role, Literal)
            assert inverse is None or isinstance(inverse, Literal)
            info.patterns.append(
                Pattern(
                    property=name,
                    frame=frame_name,
                    triggers=_trigger_words(graph, node),
                    prepositions=_strings(graph, node, KGX.preposition),
                    subject_roles=_strings(graph, node, KGX.subject) or ("agent",),
                    object_roles=_strings(graph, node, KGX.object) or ("patient",),
                    subject_type=_one_local(graph, node, KGX.subjectType),
                    object_type=_one_local(graph, node, KGX.objectType),
                    role=bool(role is not None and role.toPython() is True),
                    confidence=float(confidence.toPython()) if confidence is not None else 0.8,
                    subordinate=_one_local(graph, node, KGX.subordinate),
                    subordinate_modifiers=tuple(t.lower() for t in _strings(graph, node, KGX.subordinateModifier)),
                    exceptions=tuple(t.lower() for t in _strings(graph, node, KGX.exceptTrigger)),
                    inverse=bool(inverse is not None and inverse.toPython() is True),
                    mood="agreed" if mood == MOODS["Agreed"] else "fact",
                    object_heads=_head_words(graph, node, KGX.objectHead),
                    except_object_heads=_head_words(graph, node, KGX.exceptObjectHead),
                    subject_heads=_head_words(graph, node, KGX.subjectHead),
                )
            )
        info.patterns.sort(key=lambda p: (p.frame, p.triggers))
        properties[name] = info

    for pattern in [p for prop in properties.values() for p in prop.patterns]:
        for constraint in (pattern.subject_type, pattern.object_type):
            if constraint is not None and constraint not in classes:
                raise OntologyError(f"A pattern of kg:{pattern.property} names an unknown class kg:{constraint}.")
        if pattern.subordinate is not None and pattern.subordinate not in properties[pattern.property].ancestors:
            raise OntologyError(
                f"A pattern of kg:{pattern.property} has kgx:subordinate kg:{pattern.subordinate}, "
                f"which is not one of its super-properties."
            )
    unnamed = frozenset(s.lower() for s in _strings(graph, KGX.NotAName, KGX.headNoun))
    return Ontology(graph=graph, classes=classes, properties=properties, source=directory, unnamed_heads=unnamed,
                    unnamed_names=frozenset(s.lower() for s in _strings(graph, KGX.NotAName, KGX.name)),
                    calibration=_calibration(directory / CALIBRATION_FILE), word_lists=_word_lists(graph, directory))


def _word_lists(graph: Graph, directory: Path) -> dict[str, frozenset[str]]:
    """Each named list ``kgx:<Name> kgx:word "w", ...`` by name; an error names a list the extractor needs that is
    missing (:data:`WORD_LISTS`)."""
    lists: dict[str, set[str]] = {}
    for subject, word in graph.subject_objects(KGX.word):
        if isinstance(subject, URIRef) and str(subject).startswith(str(KGX)):
            lists.setdefault(str(subject)[len(str(KGX)) :], set()).add(str(word).lower())
    missing = sorted(WORD_LISTS - lists.keys())
    if missing:
        raise OntologyError(
            f"{directory / WORDS_FILE} has no word list {', '.join('kgx:' + m for m in missing)}; "
            f"the extractor reads {', '.join('kgx:' + n for n in sorted(WORD_LISTS))}."
        )
    return {name: frozenset(words) for name, words in lists.items()}


#: The optional file of calibrated pattern confidences in the ontology folder (scripts/calibrate.py writes it).
CALIBRATION_FILE = "calibration.ttl"


def _calibration(path: Path) -> dict[str, float]:
    """Pattern name -> calibrated confidence (``[] kgx:patternName "p" ; kgx:calibrated 0.8``); {} without the file."""
    if not path.is_file():
        return {}
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as error:  # rdflib raises several parser exception types
        raise OntologyError(f"{path} is not valid Turtle: {error}") from error
    out: dict[str, float] = {}
    for node, name in graph.subject_objects(KGX.patternName):
        value = graph.value(node, KGX.calibrated)
        if not isinstance(value, Literal) or not isinstance(value.toPython(), (int, float, Decimal)):
            raise OntologyError(f"{path}: the pattern {name} has no numeric kgx:calibrated value.")
        number = float(value.toPython())
        if not 0.0 <= number <= 1.0:
            raise OntologyError(f"{path}: the pattern {name} has kgx:calibrated {number}, outside 0-1.")
        out[str(name)] = number
    return out
