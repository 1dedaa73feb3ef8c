from corpus import DEFAULT_CORPUS_DIR
from corpus.chunking import ChunkingSettings, chunk_document
from corpus.loaders import load_document
from corpus.model import Document

SOURCE = DEFAULT_CORPUS_DIR / "poles-phase2-2009-2012.txt"


def real_chunks():
    return chunk_document(load_document(SOURCE, SOURCE.name))


def test_real_source_keeps_title_and_heading_path():
    chunks = real_chunks()
    assert all(c.title.startswith("La Phase 2 : confirmation et renforcement") for c in chunks)
    sections = {c.section for c in chunks}
    assert "Accompagnement" in sections
    assert 'La documentation sur "Pôles 2.0"' in sections


def test_list_stays_with_the_sentence_that_introduces_it():
    axes = next(c for c in real_chunks() if "trois axes" in c.text)
    assert "pilotage stratégique" in axes.text
    assert "projets structurants" in axes.text
    assert "écosystème d'innovation" in axes.text


def test_headings_never_form_chunks_of_their_own():
    for chunk in real_chunks():
        assert chunk.text.strip() != chunk.section
        assert len(chunk.text) > 40


def test_chunks_have_offsets_into_the_cleaned_text_and_stable_ids():
    doc = load_document(SOURCE, SOURCE.name)
    first, second = chunk_document(doc), chunk_document(doc)
    assert [c.chunk_id for c in first] == [c.chunk_id for c in second]
    for chunk in first:
        assert doc.text[chunk.start : chunk.end] == chunk.text
        assert chunk.doc_id == SOURCE.name


def test_long_sections_are_split_with_overlap():
    sentences = [f"La phrase numéro {i} parle des pôles de compétitivité et de leur financement." for i in range(40)]
    doc = Document("long.md", "Long", "# Long\n\n## Partie\n\n" + " ".join(sentences), "long.md")
    chunks = chunk_document(doc, ChunkingSettings(max_chars=400, overlap_sentences=1))
    assert len(chunks) > 3
    assert all(len(c.text) <= 400 for c in chunks)
    for before, after in zip(chunks, chunks[1:]):
        assert before.text.split(". ")[-1].rstrip(".") in after.text  # the last sentence is repeated
    assert all(c.section == "Partie" for c in chunks)


def test_long_list_is_split_by_items_repeating_its_intro():
    items = "\n".join(f"- élément numéro {i} de la liste des pôles labellisés" for i in range(30))
    doc = Document("l.md", "L", "# L\n\nLes pôles retenus sont :\n" + items, "l.md")
    chunks = chunk_document(doc, ChunkingSettings(max_chars=300))
    assert len(chunks) > 1
    assert all(c.text.startswith("Les pôles retenus sont :") for c in chunks)
