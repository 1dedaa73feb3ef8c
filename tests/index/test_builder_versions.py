import json
import threading

import pytest

from corpus.loaders import CorpusError
from index.builder import build_index
from index.bundle import IndexBundle, IndexLoadError, _sha256
from index.versions import BuildLockedError, IndexNotBuiltError, IndexVersions, load_published


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def small_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus, "a.md", "---\ntitle: Budget\n---\n\n# Budget\n\nL'État a affecté 1,5 milliard d'euros.\n")
    write(corpus, "b.md", "---\ntitle: Plates-formes\n---\n\n# Plates-formes\n\nLes plates-formes d'innovation.\n")
    return corpus


def test_build_publishes_a_verified_version_with_manifest(tmp_path, fake_encoder):
    corpus = small_corpus(tmp_path)
    report = build_index([corpus], tmp_path / "index", fake_encoder)
    bundle = load_published(tmp_path / "index")
    assert bundle.version == report.version
    manifest = bundle.manifest
    assert manifest["model"] == "fake-encoder" and manifest["dimension"] == 64
    assert manifest["chunk_count"] == len(bundle.chunks) == 2
    assert set(manifest["documents"]) == {"a.md", "b.md"}
    assert report.changes["added"] == ["a.md", "b.md"]


def test_rebuild_reuses_embeddings_of_unchanged_passages(tmp_path, fake_encoder):
    corpus = small_corpus(tmp_path)
    build_index([corpus], tmp_path / "index", fake_encoder)
    write(corpus, "c.md", "# Nouveau\n\nUn document ajouté sur les pôles.\n")
    report = build_index([corpus], tmp_path / "index", fake_encoder)
    assert (report.embedded, report.reused) == (1, 2)
    assert report.changes == {"added": ["c.md"], "modified": [], "removed": []}
    (corpus / "a.md").unlink()
    report = build_index([corpus], tmp_path / "index", fake_encoder)
    assert report.changes["removed"] == ["a.md"]
    assert all(c.doc_id != "a.md" for c in load_published(tmp_path / "index").chunks)


def test_empty_corpus_publishes_nothing(tmp_path, fake_encoder):
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError):
        build_index([tmp_path / "empty"], tmp_path / "index", fake_encoder)
    with pytest.raises(IndexNotBuiltError, match="poles-qa index build"):
        load_published(tmp_path / "index")


def test_corrupted_version_is_refused_with_the_problem_named(tmp_path, fake_encoder):
    build_index([small_corpus(tmp_path)], tmp_path / "index", fake_encoder)
    current = IndexVersions(tmp_path / "index").current()
    (current / "dense.faiss").write_bytes(b"truncated")
    with pytest.raises(IndexLoadError, match="dense.faiss"):
        IndexBundle.load(current)
    manifest = json.loads((current / "manifest.json").read_text())
    (current / "chunks.jsonl").unlink()
    with pytest.raises(IndexLoadError, match="fichier chunks.jsonl manquant"):
        IndexBundle.load(current)
    assert manifest["format"] == 1


def test_a_build_checks_what_it_wrote_before_publishing(tmp_path, fake_encoder):
    corpus = small_corpus(tmp_path)
    build_index([corpus], tmp_path / "index", fake_encoder)
    current = IndexVersions(tmp_path / "index").current()
    IndexBundle.check(current)  # checksums, readable indexes, one passage per line
    (current / "dense.faiss").write_bytes(b"truncated")
    with pytest.raises(IndexLoadError, match="dense.faiss"):
        IndexBundle.check(current)
    # a passage short of the manifest's count, its checksum made to match: the counts still disagree
    build_index([corpus], tmp_path / "other", fake_encoder)
    current = IndexVersions(tmp_path / "other").current()
    chunks = current / "chunks.jsonl"
    chunks.write_text("".join(chunks.read_text(encoding="utf-8").splitlines(keepends=True)[1:]), encoding="utf-8")
    manifest = json.loads((current / "manifest.json").read_text())
    manifest["files"] = {name: _sha256(current / name) for name in manifest["files"]}
    (current / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexLoadError, match="le manifeste annonce"):
        IndexBundle.check(current)


def test_rollback_returns_to_the_previous_version(tmp_path, fake_encoder):
    corpus = small_corpus(tmp_path)
    first = build_index([corpus], tmp_path / "index", fake_encoder)
    write(corpus, "c.md", "# C\n\nUn troisième document sur les pôles.\n")
    second = build_index([corpus], tmp_path / "index", fake_encoder)
    assert load_published(tmp_path / "index").version == second.version
    IndexVersions(tmp_path / "index").rollback()
    assert load_published(tmp_path / "index").version == first.version


def test_a_second_build_fails_clearly_while_one_holds_the_lock(tmp_path, fake_encoder):
    versions = IndexVersions(tmp_path / "index")
    held, release = threading.Event(), threading.Event()

    def hold():
        with versions.build_lock():
            held.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(5)
    try:
        with pytest.raises(BuildLockedError, match="une autre construction de l.index est en cours"):
            build_index([small_corpus(tmp_path)], tmp_path / "index", fake_encoder)
    finally:
        release.set()
        thread.join()


def test_only_changed_documents_are_parsed_again(tmp_path, fake_encoder):
    corpus = small_corpus(tmp_path)
    build_index([corpus], tmp_path / "index", fake_encoder)
    write(corpus, "b.md", "---\ntitle: Plates-formes\n---\n\n# Plates-formes\n\nDes plates-formes modifiées.\n")
    report = build_index([corpus], tmp_path / "index", fake_encoder)
    assert report.parsed == 1 and report.changes["modified"] == ["b.md"]
    assert (report.embedded, report.reused) == (1, 1)
    texts = [c.text for c in load_published(tmp_path / "index").chunks]
    assert "Des plates-formes modifiées." in texts and "Les plates-formes d'innovation." not in texts


def test_new_chunking_or_model_triggers_a_full_rebuild(tmp_path, fake_encoder):
    from corpus.chunking import ChunkingSettings

    corpus = small_corpus(tmp_path)
    build_index([corpus], tmp_path / "index", fake_encoder)
    report = build_index([corpus], tmp_path / "index", fake_encoder, chunking=ChunkingSettings(max_chars=500))
    # Every file is cut again; passages whose text did not change keep their vectors.
    assert (report.parsed, report.embedded, report.reused) == (2, 0, 2)

    class OtherModel(type(fake_encoder)):
        name = "other-model"

    report = build_index([corpus], tmp_path / "index", OtherModel(), chunking=ChunkingSettings(max_chars=500))
    assert report.embedded == 2 and load_published(tmp_path / "index").manifest["model"] == "other-model"


def test_a_new_way_of_reading_documents_cuts_every_document_again(tmp_path, fake_encoder, monkeypatch):
    import index.builder

    corpus = small_corpus(tmp_path)
    build_index([corpus], tmp_path / "index", fake_encoder)
    assert load_published(tmp_path / "index").manifest["reading"] == index.builder.READING_VERSION
    monkeypatch.setattr(index.builder, "READING_VERSION", index.builder.READING_VERSION + 1)
    report = build_index([corpus], tmp_path / "index", fake_encoder)
    # the files did not change, the code that reads them did: both are read again, their vectors reused, and
    # the new reading is published even when the passages' texts came out the same (what they carry may not)
    assert (report.parsed, report.embedded, report.reused) == (2, 0, 2)
    assert report.published and load_published(tmp_path / "index").manifest["reading"] == index.builder.READING_VERSION


def test_a_build_with_nothing_changed_publishes_nothing_and_keeps_the_rollback(tmp_path, fake_encoder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("# A\n\nLe pôle Avenia travaille sur la géothermie.", encoding="utf-8")
    first = build_index([corpus], tmp_path / "index", fake_encoder)
    (corpus / "b.md").write_text("# B\n\nLes GTI sont des ateliers d'échanges.", encoding="utf-8")
    second = build_index([corpus], tmp_path / "index", fake_encoder)
    again = build_index([corpus], tmp_path / "index", fake_encoder)
    assert not again.published and again.version == second.version and again.embedded == 0
    versions = IndexVersions(tmp_path / "index")
    assert [v.name for v in versions.listed()][-2:] == [first.version, second.version]
    assert versions.rollback().name == first.version


def test_a_new_text_analysis_analyses_every_passage_again(tmp_path, fake_encoder, monkeypatch):
    import index.builder

    corpus = small_corpus(tmp_path)
    first = build_index([corpus], tmp_path / "index", fake_encoder)
    assert load_published(tmp_path / "index").manifest["analysis"] == index.builder.ANALYSIS_VERSION
    # The terms stored by the first build are stale for a newer analysis: a rebuild publishes fresh ones
    # even though no document changed, and keeps every vector.
    monkeypatch.setattr(index.builder, "ANALYSIS_VERSION", index.builder.ANALYSIS_VERSION + 1)
    monkeypatch.setattr(index.builder.ReusableParts, "read", _with_stale_terms(index.builder.ReusableParts.read))
    second = build_index([corpus], tmp_path / "index", fake_encoder)
    assert second.published and second.version != first.version and second.embedded == 0
    bundle = load_published(tmp_path / "index")
    assert all("perime" not in terms for terms in bundle.lexical.term_lists)


def _with_stale_terms(read):
    def stale(folder):
        parts = read(folder)
        parts.term_lists[:] = [["perime"] for _ in parts.term_lists]
        return parts

    return staticmethod(stale)


def test_an_acronym_that_is_a_stop_word_does_not_stop_the_retriever(tmp_path, fake_encoder):
    from index.retriever import HybridRetriever

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "# A\n\nLa Direction des entreprises (DE) et le Fonds unique interministériel (FUI) financent."
    (corpus / "a.md").write_text(text, encoding="utf-8")
    build_index([corpus], tmp_path / "index", fake_encoder)
    retriever = HybridRetriever(load_published(tmp_path / "index"), fake_encoder)
    assert set(retriever.acronym_starts) == {"fui"}  # « de » is a stop word: no term to search


def test_a_rebuild_writes_the_same_version_a_fresh_build_would(tmp_path, fake_encoder):
    """Unchanged passages are written back as the version before held them; the result reads as a full build's."""
    corpus = small_corpus(tmp_path)
    build_index([corpus], tmp_path / "index", fake_encoder)
    write(corpus, "b.md", "---\ntitle: Plates-formes\n---\n\n# Plates-formes\n\nDes plates-formes modifiées.\n")
    build_index([corpus], tmp_path / "index", fake_encoder)
    build_index([corpus], tmp_path / "fresh", fake_encoder)
    rebuilt, fresh = load_published(tmp_path / "index"), load_published(tmp_path / "fresh")
    assert rebuilt.chunks == fresh.chunks and rebuilt.lexical.term_lists == fresh.lexical.term_lists
    assert rebuilt.manifest["files"]["chunks.jsonl"] == fresh.manifest["files"]["chunks.jsonl"]


def test_a_build_reuses_a_version_whose_search_files_it_does_not_read(tmp_path, fake_encoder):
    """The next build reads the passages, terms and vectors of the version before, checked; a damaged FAISS file of
    that version is no reason for a full rebuild (the build makes its own), damaged passages are."""
    corpus = small_corpus(tmp_path)
    build_index([corpus], tmp_path / "index", fake_encoder)
    current = IndexVersions(tmp_path / "index").current()
    (current / "dense.faiss").write_bytes(b"truncated")
    write(corpus, "c.md", "# Nouveau\n\nUn document ajouté sur les pôles.\n")
    assert build_index([corpus], tmp_path / "index", fake_encoder).parsed == 1
    current = IndexVersions(tmp_path / "index").current()
    (current / "chunks.jsonl").write_text("{}\n", encoding="utf-8")
    write(corpus, "d.md", "# Autre\n\nUn autre document sur les pôles.\n")
    assert build_index([corpus], tmp_path / "index", fake_encoder).parsed == 4  # every document read again


def test_a_build_with_nothing_changed_replaces_a_damaged_version(tmp_path, fake_encoder):
    corpus = small_corpus(tmp_path)
    build_index([corpus], tmp_path / "index", fake_encoder)
    (IndexVersions(tmp_path / "index").current() / "dense.faiss").write_bytes(b"truncated")
    assert build_index([corpus], tmp_path / "index", fake_encoder).published
    assert load_published(tmp_path / "index").dense.size == 2


def test_a_passage_holding_a_line_separator_is_reused_whole(tmp_path, fake_encoder):
    corpus = tmp_path / "corpus"
    write(corpus, "a.md", "# Budget\n\nL'État a affecté\u2028 1,5 milliard d'euros.\n")
    build_index([corpus], tmp_path / "index", fake_encoder)
    write(corpus, "b.md", "# Autre\n\nUn autre document sur les pôles.\n")
    assert build_index([corpus], tmp_path / "index", fake_encoder).parsed == 1  # the version before read whole
