from index.analysis import FrenchAnalyzer
from index.proximity import ordinal_conflict

A = FrenchAnalyzer()


def test_elisions_accents_and_stop_words():
    assert A.terms("L'État et l'écosystème d'innovation") == A.terms("etat ecosysteme innovation")
    assert "le" not in A.terms("le la les des pôles")


def test_hyphen_variants_meet():
    assert set(A.terms("plateformes")) <= set(A.terms("plates-formes"))
    assert set(A.terms("plate-forme")) & set(A.terms("plateformes"))


def test_ordinals_meet_their_numbers_and_words():
    assert "4e" in A.terms("la 4ème journée") and "4e" in A.terms("la quatrième journée") and "4e" in A.terms("4e")
    assert "2" in A.terms("la deuxième phase") and "2" in A.terms("la phase 2")


def test_verb_inversion_and_sms_spellings():
    assert A.terms("Combien l'État y consacre-t-il ?") == ["etat", "consacr"]
    assert A.terms("kel budget ds la phase 2") == A.terms("quel budget dans la phase 2")
    assert A.terms("il existe tjs ? pcq") == A.terms("il existe toujours ? parce que")


def test_des_sous_is_money_sous_alone_is_a_stop_word():
    assert A.terms("mettre des sous dans les plateformes") == A.terms("mettre argent plateformes")
    assert A.terms("ce qu'il y a sous nos pieds") == A.terms("pieds")
    assert "argent" not in A.terms("des sous-traitants")


def test_a_part_is_a_locution_not_a_share():
    assert A.terms("à part la recherche, y a quoi au programme ?") == A.terms("la recherche, y a quoi au programme ?")
    assert "part" in A.terms("porter cette part à 30 %")


def test_a_name_in_camel_case_is_read_by_its_parts_too():
    # « celui sur la viande » must meet « InnoViandes (Clermont-Ferrand) »
    assert set(A.terms("la viande")) <= set(A.terms("InnoViandes"))
    assert A.terms("InnoViandes")[-1] == A.terms("innoviandes")[0]  # and as the one word users type
    assert A.terms("Écotechnologies DREAM Pôles") == A.terms("écotechnologies dream pôles")


def test_numbers_keep_decimals_in_either_notation():
    assert A.terms("1,5 milliard") == A.terms("1.5 milliard")


def test_analysis_from_many_threads_gives_the_serial_result():
    """PyStemmer objects are not thread-safe: each thread has its own, so /ask's worker threads agree."""
    from concurrent.futures import ThreadPoolExecutor

    from tests_paths import SOURCE_PAGE

    words = SOURCE_PAGE.read_text(encoding="utf-8").split()
    texts = [" ".join(words[i : i + 40]) for i in range(0, len(words), 40)] * 4
    serial = [FrenchAnalyzer().terms(t) for t in texts]
    shared = FrenchAnalyzer()  # one analyzer and its cache, as the API's threads share it
    with ThreadPoolExecutor(max_workers=16) as pool:
        parallel = list(pool.map(shared.terms, texts))
    assert parallel == serial


def test_the_participles_of_a_question_meet_the_passage():
    analyzer = FrenchAnalyzer()
    assert analyzer.terms("retenus") == analyzer.terms("a retenu")
    assert analyzer.terms("presélectionnées") == analyzer.terms("présélectionnée")
    assert analyzer.terms("reçus") == analyzer.terms("reçu")
    assert analyzer.terms("lancée") == analyzer.terms("lancé") == analyzer.terms("lancement")
    assert analyzer.terms("financées") == analyzer.terms("financé")
    assert analyzer.terms("durée") != analyzer.terms("durant")  # a noun in « -ée », no participle
    assert analyzer.terms("journées") == analyzer.terms("journée")
    assert analyzer.terms("retraites") != analyzer.terms("retraits")  # pensions are not labels withdrawn
    assert analyzer.terms("environnement") != analyzer.terms("environ")  # « environ 200 000 euros »
    assert analyzer.terms("gouvernances") != analyzer.terms("gouvernement")  # a pôle's, not the government
    assert analyzer.terms("gouvernances") == analyzer.terms("gouvernance")


def test_a_heading_names_the_phase_its_sentences_speak_of():

    sentence, question = ["premier", "phas"], ["2e", "phas"]  # « … de la première phase », « la deuxième phase ? »
    assert ordinal_conflict(sentence, question)
    assert not ordinal_conflict(sentence, question, heading=["2e", "phas"])  # « au sujet de la 2ème phase »


def test_apres_is_a_stop_word_like_avant():
    assert A.terms("d'après l'étude de 2012") == A.terms("l'étude de 2012")
