from index.analysis import FrenchAnalyzer
from index.synonyms import Thesaurus

A = FrenchAnalyzer()
T = Thesaurus(A)


def meet(question_word: str, passage: str) -> bool:
    return T.found_in(A.terms(question_word)[0], A.terms(passage))


def test_a_place_meets_what_its_people_are_called():
    assert meet("stéphanois", "Sporaltec (Saint-Étienne)")
    assert meet("alsacien", "Energivie, en Alsace")
    assert meet("lyonnaise", "Axel One, en Rhône-Alpes")
    assert not meet("alsacien", "Gestion des eaux continentales, en Lorraine")
    # a part of a compound place is no place alone: « Provence-Alpes-Côte d'Azur » is not « lyonnais »
    assert not meet("lyonnais", "porté par Provence-Alpes-Côte d'Azur et Midi-Pyrénées")
    assert all(map(T.is_place, ["lyon", "stephanois", "toulousaines", "saint-etienne", "etienne", "nantes"]))
    assert T.is_place("st-etienne") and T.is_place("provencaux")  # a part of it, another form of it
    assert T.place_terms("rhone-alpes") == ["rhon"]  # « Alpes » is no place alone
    assert not any(map(T.is_place, ["saint", "alpes", "midi", "bordel", "nant", "pas"]))
    assert not T.is_place("bordels") and not T.is_place("nantis")  # French words of a place's stem


def test_words_users_say_meet_the_documents_words():
    assert meet("aider", "mieux accompagner les PME")
    assert meet("thunes", "1,5 milliard d'euros")
    assert meet("labos", "des entreprises et des laboratoires")
    assert not meet("aider", "le pilotage de la politique")


def test_verb_forms_the_stemmer_keeps_apart_and_a_half_way_review():
    assert meet("portent", "le pôle Eau, porté par le Languedoc-Roussillon")
    assert meet("mi-parcours", "un examen intermédiaire au bout de 18 mois")
    assert meet("mieux", "une recherche de meilleures synergies territoriales")
    assert meet("régions", "une recherche de meilleures synergies territoriales")
    assert meet("repêchés", "a renouvelé le label de sept d'entre eux") and meet("recalés", "ont perdu leur label")
    assert meet("classés", "Elle a réparti les 71 pôles en trois groupes")
    assert meet("parlé", "Extraits des discours prononcés par le Président")
    assert meet("réunions", "Les ateliers d'échanges") and meet("administration", "les pouvoirs publics")
    assert meet("speechs", "des discours prononcés") and meet("chapeaute", "qui coordonne les pôles consacrés à l'eau")
