from corpus.cleaning import clean_line, clean_text, is_banner, is_boilerplate


def test_superscripts_links_bold_and_escapes_are_cleaned():
    line = r"- > [La 4^{ème} journée du 1^{er} octobre \(GTI\)](#) et **projets structurants**"
    assert clean_line(line) == "- La 4ème journée du 1er octobre (GTI) et projets structurants"


def test_navigation_lines_are_dropped_and_the_banner_kept_as_a_section_of_its_own():
    assert is_boilerplate("@ CONTACTS")
    assert is_banner("LES PÔLES DE COMPÉTITIVITÉ") and not is_banner("Les pôles de compétitivité")
    text = clean_text(
        "Titre\n\n\n\nTexte.\n\nLES PÔLES DE COMPÉTITIVITÉ\nMOTEURS DE CROISSANCE ET D'EMPLOI\n\n@ CONTACTS\n"
    )
    assert text == (
        "Titre\n\nTexte.\n\nBandeau de la page\n\n« Les pôles de compétitivité, moteurs de croissance et d'emploi »."
    )


def test_control_characters_and_spaces_are_removed():
    assert clean_line("a\x07b\u00a0\u00a0 c") == "ab c"
