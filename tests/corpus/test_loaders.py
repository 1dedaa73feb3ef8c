import logging

import pytest

from corpus.loaders import CorpusError, load_corpus, load_document


def test_markdown_front_matter_gives_title_source_and_date(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("---\ntitle: Mon titre\nsource: Fiche\ndate: 2010-05-11\n---\n\n# Mon titre\n\nDu texte.\n")
    doc = load_document(path, "doc.md")
    assert (doc.title, doc.source, doc.date) == ("Mon titre", "Fiche", "2010-05-11")
    assert "front" not in doc.text and "Du texte." in doc.text


def test_html_keeps_headings_paragraphs_and_lists_without_navigation(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Page</title></head><body><nav>Menu Accueil</nav><h1>Titre</h1>"
        "<p>Un paragraphe sur les pôles.</p><ul><li>premier point</li></ul><footer>Mentions</footer></body></html>",
        encoding="utf-8",
    )
    doc = load_document(path, "page.html")
    assert "# Titre" in doc.text and "- premier point" in doc.text
    assert "Menu" not in doc.text and "Mentions" not in doc.text


def test_pdf_text_is_extracted(tmp_path):
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=300, height=300)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 20 200 Td (Les poles de competitivite en 2009.) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(stream)
    path = tmp_path / "doc.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    assert "poles de competitivite" in load_document(path, "doc.pdf").text


def test_unreadable_files_are_skipped_with_a_warning_naming_them(tmp_path, caplog):
    (tmp_path / "ok.txt").write_text("Titre\n\nUn texte lisible sur les pôles.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa invalide")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with caplog.at_level(logging.WARNING):
        report = load_corpus([tmp_path])
    assert [d.doc_id for d in report.documents] == ["ok.txt"]
    skipped = {p.split("/")[-1] for p, _ in report.skipped}
    assert skipped == {"bad.txt", "broken.pdf", "image.png"}
    assert "bad.txt" in caplog.text


def test_missing_or_empty_corpus_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="introuvable"):
        load_corpus([tmp_path / "absent"])
    with pytest.raises(CorpusError, match="aucun document lisible"):
        load_corpus([tmp_path])
