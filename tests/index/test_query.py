import pytest

from corpus.model import Chunk
from index.analysis import FrenchAnalyzer, fold_accents
from index.constraints import extract_constraints, holds_phrase, said_before_it, years_carried_over
from index.figures import figures_named, with_halves
from index.names import acronyms_defined, names_given, names_in_lower_case, proper_phrases, shouted
from index.phases import (
    edition_ordinals,
    group_labels,
    groups_in,
    list_positions,
    phase_periods,
    phases_in,
    with_next_phase,
    with_phase_after,
)
from index.pointers import counts_what_was_said, leans_on_earlier_turn
from index.query import KEPT, LOST, analyse_query, fates, in_french, without_aside
from index.question_type import AnswerType, answer_type, counts_who_did

A = FrenchAnalyzer()


def test_groups_are_read_label_by_label_and_in_sms():
    assert group_labels("58 poles (groupes 1 et 2), 13 poles (groupe 3)") == [frozenset("12"), frozenset("3")]
    assert groups_in("grp 3 : combien de poles ?") == {"3"}


def test_phases_in_every_spelling():
    assert phases_in("la phase 3 (2013-2018)") == {3}
    assert phases_in("la troisieme phase et la 4e phase") == {3, 4}
    assert phases_in("la 1re phase") == {1} and phases_in("la 1ere phase") == {1}
    assert phases_in("poles 2.0 et la phase 2.0") == {2}
    assert phases_in("quel budget pour la phase iii ?") == {3} and phases_in("la phase deux") == {2}
    assert phases_in("la seconde periode de la politique") == {2} and phases_in("la premiere etape des poles") == {1}
    assert phases_in("la premiere etape pour devenir une plate-forme") == set()
    assert edition_ordinals(A.terms("la seconde période")) == set()


def test_a_period_written_next_to_its_phase_belongs_to_it():
    assert phase_periods("la premiere phase (2006-2008) puis une deuxieme phase (2009-2012)") == {
        1: "2006-2008",
        2: "2009-2012",
    }
    assert phase_periods("une troisieme phase, pour 2013-2018. son mot") == {3: "2013-2018"}
    assert phase_periods("prevue pour la periode 2009-2011, la deuxieme phase a ete prolongee") == {}


def test_constraints_name_what_a_passage_must_carry():
    c = extract_constraints("Quel était le budget de la phase 3 (2013-2018) ?", A)
    assert c.phases == {3} and c.years == {"2013", "2018"} and not c.names
    assert extract_constraints("Qui est le président du pôle Aquimer ?", A).names == {"Aquimer"}
    assert extract_constraints("Qui est le président du pôle Aquimer ?", A).asked_word == "président"
    assert extract_constraints("cb de dossiers recus en 2009 ?", A).asked_word == "dossiers"
    assert extract_constraints("on les réexamine au bout de combien de temps ?", A).asked is None
    assert extract_constraints("Combien y avait-il de pôles en 2008 ?", A).asked_word == "pôles"
    assert extract_constraints("il y a combien de pôles ?", A).asked_word == "pôles"
    # which ones are counted: an adjective after the thing, not a participle
    assert extract_constraints("y a combien de pôles mondiaux ?", A).qualifier_words == "pôles mondiaux"
    assert extract_constraints("combien de pôles à vocation mondiale ?", A).qualifier == "mondial"
    assert extract_constraints("combien de projets financés ?", A).qualifier is None
    # a kind of firm in capitals is no name (nor is what comes before it asked of one)
    patron = extract_constraints("Patron de PME ici : au bout de combien de temps repasse-t-on un examen ?", A)
    assert not patron.names and patron.asked is None


def test_a_cause_asked_is_read_from_its_question_word():
    assert (
        analyse_query("pourquoi Sporaltec a perdu son label ?", A, set()).why == "pourquoi Sporaltec a perdu son label"
    )
    assert analyse_query("pk ils ont pris BCG", A, set()).why == "pk ils ont pris BCG"
    assert analyse_query("pour quelle raison Sporaltec a perdu son label ?", A, set()).why
    assert analyse_query("pourquoi les pôles qui ont perdu leur label ont fait appel ?", A, set()).why  # a relative
    assert analyse_query("ça sert à quoi une plateforme ?", A, set()).why is None  # a purpose, said with « pour »
    assert analyse_query("pk pas de nouveaux poles sauf 1 domaine, c lequel ?", A, set()).why is None  # « lequel »


def test_the_word_naming_the_kind_of_answer_weighs_little():
    # « deuxième phase (2009-2012) » answers « quelle période » without the word: the type check sees to it.
    terms = analyse_query("Quelle période couvre la phase 2 ?", A, set()).terms
    assert terms["period"] < terms["phas"] == 1.0
    assert analyse_query("Pourquoi la date limite a-t-elle été repoussée ?", A, set()).terms["dat"] == 1.0


def test_the_documents_own_subject_is_no_constraint():
    assert not extract_constraints("Combien l'État a-t-il donné aux Pôles ?", A).names


def test_the_first_edition_is_written_in_words_or_figures():
    assert edition_ordinals(A.terms("le premier appel à projets")) == {"1e"}
    assert edition_ordinals(A.terms("1er appel plateformes")) == {"1e"}
    assert edition_ordinals(A.terms("le Premier ministre François Fillon")) == set()
    assert edition_ordinals(A.terms("la première phase")) == set()
    assert edition_ordinals(A.terms("les premiers résultats de la phase 2")) == set()
    assert edition_ordinals(A.terms("le premier pôle retenu en 2010")) == set()


def test_what_a_question_asks_of_a_named_pole_must_be_carried_too():
    assert extract_constraints("Quelle est l'adresse du pôle Team2 ?", A).asked_word == "adresse"
    assert extract_constraints("Qui dirige le pôle Avenia ?", A).asked_word == "dirige"
    # what is asked, then whose part of the pôle: « du siège », « du site web »
    assert extract_constraints("adresse du siège du pôle Aquimer ?", A).asked_word == "adresse"
    assert extract_constraints("Quelle est l'adresse du site web du pôle Team2 ?", A).asked_word == "adresse"
    assert extract_constraints("Quel est le domaine d'Avenia ?", A).names == {"Avenia"}
    assert extract_constraints("Quelle est la taille du PDF de la lettre ?", A).asked is None  # the answer type
    assert extract_constraints("Quelle est la spécialité du pôle Avenia ?", A).asked_word == "spécialité"  # as written
    assert extract_constraints("Que fait la Caisse des Dépôts ?", A).asked is None  # a name of several words
    holder = extract_constraints("Et le ministre de l'économie de l'époque, c'était qui ?", A)
    assert holder.asked_word == "ministre"  # named first, asked for after the comma
    assert extract_constraints("le ministre c'était qui ?", A).asked_word == "ministre"
    assert extract_constraints("qui etait 1er ministre en 2013 ?", A).asked_word == "ministre"  # no article
    assert extract_constraints("Le pôle Avenia, c'est qui ?", A).asked is None  # a role is asked, not a pôle


def test_what_a_question_asks_to_define():
    c = extract_constraints("c'est quoi le crédit d'impôt recherche et ça rapporte combien ?", A)
    assert c.defined_words == "crédit d'impôt recherche" and "impot" in c.defined
    assert extract_constraints("Qu'est-ce qu'un projet structurant ?", A).defined_words == "projet structurant"
    assert extract_constraints("c koi les GTI ds la doc sur pôles 2.0 ?", A).defined == ("gti",)
    assert not extract_constraints("Quel budget pour la phase 2 ?", A).defined
    assert not extract_constraints("Qu'est-ce que l'État a financé ?", A).defined  # a question, not a definition
    assert not extract_constraints("c'est quoi la date limite pour déposer un dossier ?", A).defined
    assert not extract_constraints("et les pôles, qu'est-ce qu'on leur demande en échange ?", A).defined  # a clause
    assert not extract_constraints("c koi leurs noms ?", A).defined  # something said before

    judged = analyse_query("Qu'est-ce que l'étude de 2012 porte au crédit des pôles ?", A, set())
    assert not judged.constraints.defined  # a judgement asked, no word to define
    assert extract_constraints("c'est quoi ce truc que l'on appelle GTI ?", A).defined_words is None  # a placeholder
    unknown = extract_constraints("c'est quoi le crédit d'impôt innovation des jeunes entreprises ?", A)
    assert unknown.defined_words == "crédit d'impôt innovation des jeunes entreprises"  # long, still a notion
    # « le pôle qui … » asks which one: the relative clause is not part of the word to define
    assert extract_constraints("c quoi le pole qui recycle les ordures ?", A).defined_words == "pole"
    assert not extract_constraints("qu'est-ce que les pôles qui ont perdu leur label sont devenus ?", A).defined


def test_an_elliptic_follow_up_asks_for_what_the_turn_before_asked():

    follow_up = analyse_query("Et pour la phase 3 ?", A, set(), context="Quel budget pour la phase 2 ?")
    assert follow_up.kind is AnswerType.AMOUNT and follow_up.constraints.phases == {3}
    asked = analyse_query("Et en 2010 ?", A, set(), context="Combien de pôles ont perdu leur label ?")
    assert asked.constraints.asked_word == "pôles" and asked.constraints.years == {"2010"}
    assert analyse_query("Et pourquoi ?", A, set(), context="Quel budget pour la phase 2 ?").kind is AnswerType.REASON


def test_a_follow_up_with_words_of_its_own_keeps_its_own_question():

    created = analyse_query("Et quels pôles ont été créés ?", A, set(), context="Quel budget pour la phase 2 ?")
    assert created.kind is AnswerType.NAME  # its own kind, not the budget of the turn before
    projects = analyse_query("Et les projets ?", A, set(), context="Combien de pôles ont perdu leur label ?")
    assert projects.constraints.asked is None
    address = analyse_query(
        "Et l'adresse du pôle Avenia ?", A, set(), context="Quel pôle travaille sur la géothermie ?"
    )
    assert address.constraints.asked_word == "adresse"


def test_what_is_asked_of_a_named_pole_may_take_a_few_words():
    assert extract_constraints("Quel est le numéro de téléphone du pôle Energivie ?", A).asked_word == "numéro"
    assert extract_constraints("Quel est le domaine d'activité de Team2 ?", A).asked_word == "domaine"


def test_the_kind_of_firm_asked_for_must_be_named():
    assert extract_constraints("Quel cabinet a réalisé l'évaluation de la phase 2 ?", A).asked_word == "cabinet"
    assert extract_constraints("Quels ministres ont parlé des pôles ?", A).asked_word == "ministres"


def test_a_question_in_capitals_names_nothing_by_its_capitals():
    assert not extract_constraints("QUEL BUDGET POUR LA PHASE 2 ?", A).names
    assert not extract_constraints("Quel Budget Pour La Phase 2 ?", A).names
    assert extract_constraints("QUI PRESIDE LE POLE TEAM2 ?", A).names == {"TEAM2"}


def test_names_are_told_from_capitals_that_name_nothing():
    assert not extract_constraints("Quel budget pour la phase II ?", A).names  # a Roman figure
    assert phases_in("quel budget pour la phase ii ?") == {2} and phases_in("une phase un peu difficile") == set()
    assert not extract_constraints("qq1 sait combien de pôles ont été retenus ?", A).names  # SMS, not a name
    assert extract_constraints("Où est Aquimer ?", A).names == {"Aquimer"}  # the first word's capital is no shout
    assert extract_constraints("OÙ EST BASÉ LE PÔLE AQUIMER ?", A).names == {"AQUIMER"}  # after « pôle »
    assert extract_constraints("qui preside le pole team2 ?", A).names == {"team2"}
    assert extract_constraints("S2E2 c'est dans quelle ville ?", A).names == {"S2E2"}  # capitals and digits, first
    assert not extract_constraints("1er appel quand ?", A).names and not extract_constraints("2010 ?", A).names


def test_who_did_what():
    assert analyse_query("Qui a évalué la phase 3 ?", A, set()).done_word == "évalué"
    assert analyse_query("Qui a pris la parole ?", A, set()).done_word == "parole"  # « pris » says it by its object
    assert analyse_query("Qui a été nommé ?", A, set()).done is None
    assert analyse_query("Qui pourra compléter le financement ?", A, set()).done_word == "compléter"  # after a modal
    assert analyse_query("Qui a droit à un contrat de performance ?", A, set()).done is None
    assert analyse_query("Qui a mené l'évaluation ?", A, set()).done_word == "évaluation"  # « mené » by its object
    assert analyse_query("Qui a été chargé d'évaluer la phase 1 ?", A, set()).done_word == "évaluer"
    assert analyse_query("qui s'est occupé du financement ?", A, set()).done_word == "financement"
    # the passive: « par qui ? » after the deed, unless a light verb says it by its object
    assert analyse_query("il est présidé par qui ?", A, set()).done_word == "présidé"
    assert analyse_query("la phase 2 a été lancée par qui ?", A, set()).done_word == "lancée"
    assert analyse_query("elle a été faite par qui ?", A, set()).done is None
    assert analyse_query("c'était décidé par qui ça ?", A, set()).done is None
    assert analyse_query("qui a décidé la prolongation ?", A, set()).done_word == "prolongation"
    # « c'est qui qui … », spoken, after what it is about
    assert analyse_query("c'est qui qui a évalué la phase 1 ?", A, set()).done_word == "évalué"
    assert analyse_query("les correspondants, c'est qui qui les nomme ?", A, set()).done_word == "nomme"
    assert analyse_query("les pôles qui ont perdu leur label, c'est lesquels ?", A, set()).done is None
    # a relative clause after the comma does not take the question's deed
    assert analyse_query("Qui dirige Avenia, qui travaille sur le pétrole ?", A, set()).done_word == "dirige"


def test_percentages_named_are_figures_a_passage_must_give():
    assert extract_constraints("au final les 30% de projets verts c atteint ?", A).shares == {"30"}
    assert extract_constraints("19,5 pour cent des aides ?", A).shares == {"19,5"}
    assert not extract_constraints("30 projets ?", A).shares and not extract_constraints("en 2030 ?", A).shares


def test_the_words_said_are_asked_for():
    assert analyse_query("Qu'a déclaré précisément le Président ?", A, set()).words_asked == "déclaré"
    assert analyse_query("ils ont dit quoi exactement ?", A, set()).words_asked == "dit"
    assert analyse_query("quels étaient les propos du Premier ministre ?", A, set()).words_asked == "propos"
    assert analyse_query("Qui a dit que la phase 2 était prolongée ?", A, set()).words_asked is None  # who, not what
    named = "Qu'est-ce que le Président de la République a dit exactement sur la phase 2 ?"
    assert analyse_query(named, A, set()).words_asked == "dit"
    assert (
        analyse_query("Les régions étaient-elles d'accord avec la prolongation ?", A, set()).words_asked == "d'accord"
    )
    assert analyse_query("Des régions se sont opposées à la prolongation ?", A, set()).words_asked == "opposées"
    assert analyse_query("Qu'a annoncé Hubert Falco ?", A, set()).words_asked is None  # « a annoncé que … » answers
    assert (
        analyse_query("Les chefs d'entreprise, ils pensaient quoi de Pôles 2.0 ?", A, set()).words_asked == "pensaient"
    )
    assert analyse_query("Le ministre s'est-il prononcé sur la phase 3 ?", A, set()).words_asked == "prononcé"
    assert analyse_query("on est d'accord que la phase 2 a duré quatre ans ?", A, set()).words_asked is None  # a tag


def test_how_long_someone_held_a_post_is_asked_for():
    for question, tenure in [
        ("il est resté ministre combien de temps ?", "resté ministre"),
        ("et il est resté en poste jusqu'à quand ?", "resté en poste"),
        ("il était en poste depuis quand lui ?", "en poste depuis"),
        ("il est resté secrétaire d'État jusqu'en quelle année ?", "resté secrétaire d'État"),
    ]:
        assert analyse_query(question, A, set()).tenure == tenure, question
    assert analyse_query("La phase 2 est restée en place jusqu'à quand ?", A, set()).tenure is None  # no post
    for other in (
        "quel est le mandat confié aux cabinets d'évaluation ?",
        "qui est le président en poste du pôle Mer ?",
    ):
        assert analyse_query(other, A, set()).tenure is None, other  # a post named, no time asked


def test_what_a_named_thing_works_on_is_asked_for():
    assert analyse_query("Sporaltec bosse sur quoi ?", A, set()).activity_asked == "bosse sur quoi"
    assert analyse_query("Pass, c'est un pôle qui fait quoi ?", A, set()).activity_asked == "fait quoi"
    assert analyse_query("Avenia, ça s'occupe de quoi ?", A, set()).activity_asked == "s'occupe de quoi"
    assert analyse_query("Quel est le budget ?", A, set()).activity_asked is None


def test_what_befell_the_things_asked_for_by_name():
    assert analyse_query("Quels pôles ont été délabellisés en 2012 ?", A, set()).befell == "délabellisés"
    assert analyse_query("quel pole a ete retenu en 2010 ?", A, set()).befell == "retenu"
    assert analyse_query("Quels pôles ont perdu leur label ?", A, set()).befell is None  # the deed is in the terms
    assert analyse_query("Combien de pôles ont été retenus ?", A, set()).befell is None  # a count, not names


def test_a_thing_counted_without_its_apostrophe_or_among_a_number():
    assert extract_constraints("combien d emplois les poles ont crees ?", A).asked_word == "emplois"
    among = "Combien des dix-neuf candidatures écotech venaient de la région Centre ?"
    assert extract_constraints(among, A).asked_word == "candidatures"
    assert extract_constraints("combien des pôles ont perdu leur label ?", A).asked is None


def test_the_firm_asked_for_in_any_phrasing():
    assert extract_constraints("Quel est le cabinet qui a réalisé l'évaluation ?", A).asked_word == "cabinet"
    assert extract_constraints("Quelle société a réalisé l'évaluation ?", A).asked_word == "société"


def test_a_follow_up_pointing_back_keeps_the_scope_of_the_turn_before():
    study = analyse_query("et ça a coûté combien cette étude ?", A, set(), context="c qui qui a évalué la phase 1 ?")
    assert study.constraints.phases == {1}
    president = analyse_query("Et qui le préside ?", A, set(), context="Le pôle Avenia, il est dans quelle région ?")
    assert president.constraints.names == {"Avenia"} and president.constraints.asked_word == "préside"
    report = analyse_query("et qui l'a rédigé ?", A, set(), context="Quand le rapport d'évaluation a-t-il été rendu ?")
    assert report.leans_on and report.constraints.asked_word == "rédigé"
    phase_3 = "Quand la troisième phase a-t-elle été lancée ?"
    budget = analyse_query("Et quel budget l'État lui a-t-il consacré ?", A, set(), context=phase_3)
    assert budget.leans_on and budget.constraints.phases == {3}  # « lui »: the phase just spoken of
    assert analyse_query("Et combien l'État y consacre-t-il par an ?", A, set(), context=phase_3).leans_on
    assert not analyse_query("Combien y a-t-il de pôles labellisés ?", A, set(), context=phase_3).leans_on
    for alone in ("Il reste combien de pôles labellisés ?", "Elle sert à quoi, la labellisation des pôles ?"):
        assert not analyse_query(alone, A, set(), context=phase_3).leans_on  # impersonal, or its subject named
    assert analyse_query("Elle dure combien de temps ?", A, set(), context=phase_3).constraints.phases == {3}
    study = analyse_query("quel cabinet l'a menée ?", A, set(), context="Qu'examine l'étude d'évaluation de 2012 ?")
    assert study.leans_on and study.constraints.years == {"2012"}  # « l'a »: the study of 2012
    head = analyse_query("Et qui dirigeait cet organisme ?", A, set(), context="Qui a lancé le premier appel ?")
    assert head.constraints.asked_word == "dirigeait"
    # An ordinal alone stands for the noun it numbered in the turn before.
    sixth = analyse_query("et la sixième ?", A, set(), context="Quand a eu lieu la 4e journée nationale des pôles ?")
    assert sixth.question == "et la sixième journée ?"
    both = "Quand a été lancé le premier appel à projets, et la première phase ?"
    assert analyse_query("Et la deuxième ?", A, set(), context=both).constraints.phases == {2}  # of the same gender
    assert analyse_query("Et la troisième ?", A, set(), context="Qui a évalué la phase 2 ?").constraints.phases == {3}
    second = analyse_query(
        "et la deuxième, c'était quel cabinet ?", A, set(), context="Qui a évalué la première phase ?"
    )
    assert second.constraints.phases == {2}
    # A scope of its own wins; a follow-up with words of its own keeps none.
    budget = analyse_query("Et pour la phase 3 ?", A, set(), context="Quel budget pour la phase 2 ?")
    assert budget.constraints.phases == {3}
    other = analyse_query(
        "Et les plates-formes d'innovation, c'est quoi ?",
        A,
        set(),
        context="Quels pôles ont perdu leur label en 2010 ?",
    )
    assert not other.constraints.years


def test_what_to_define_may_come_first():
    assert extract_constraints("CIADT, ça veut dire quoi ?", A).defined_words == "CIADT"
    assert extract_constraints("les GTI c'est quoi dans la doc ?", A).defined_words == "GTI"
    assert extract_constraints("« Pôles 2.0 », ça désigne quoi au juste ?", A).defined_words == "Pôles 2.0"
    assert extract_constraints("c koi pole 2.0", A).defined_words == "pole 2.0"  # « 2.0 » ends no sentence
    assert extract_constraints("la DIACT c koi en vrai ?", A).defined_words == "DIACT"  # SMS, then a filler
    assert extract_constraints("c quoi en vrai la DIACT ?", A).defined_words == "DIACT"
    assert extract_constraints("c koi la DIACT au juste ?", A).defined_words == "DIACT"
    assert extract_constraints("Le budget c'est quoi ?", A).defined == ()  # a kind of answer, not a definition
    assert not extract_constraints("Les plates-formes, c'est financé par qui ?", A).defined
    # « comment fonctionne X ? » asks what X is and does, as a definition does
    assert extract_constraints("Comment fonctionne le crédit d'impôt recherche pour une PME ?", A).defined_words == (
        "crédit d'impôt recherche"
    )


def test_a_relation_or_an_attribute_is_no_word_to_define():
    assert not extract_constraints("slt c koi la diff des contrats de perf ds la phase 2 ?", A).defined
    assert not extract_constraints("C'est quoi le rôle des correspondants d'État ?", A).defined
    assert extract_constraints("Qu'est-ce que le Président a dit ?", A).names == frozenset()  # an office


def test_sms_abbreviations_are_read_as_the_words():
    assert A.terms("contrats de perf") == A.terms("contrats de performance")
    assert "gouvern" in " ".join(A.terms("le gouv"))


def test_how_it_turned_out_looks_for_conclusions():
    terms = analyse_query("ça a donné quoi l'évaluation de la phase 2 ? c bien ou pas ?", A, set()).terms
    assert terms["conclus"] == 0.5 and terms["evalu"] == 1.0
    assert "conclus" not in analyse_query("Qui a donné son accord ?", A, set()).terms
    # what came of it is asked: a sentence saying only what was planned does not answer
    assert analyse_query("Quel a été le résultat de l'examen à 18 mois ?", A, set()).outcome == "le résultat"
    assert analyse_query("l'examen des 18 mois, ça a donné quoi ?", A, set()).outcome == "ça a donné quoi"


def test_words_between_quotes_are_kept_as_written():
    assert extract_constraints("Dans la rubrique « Ils ont dit », c'est qui ?", A).quoted == ("ils ont dit",)
    assert extract_constraints('c quoi "Pôles 2.0" ?', A).quoted == ("poles 2.0",)
    assert extract_constraints("Quel budget ?", A).quoted == ()


def test_everyday_phrases_of_stop_words_are_searched_by_their_meaning():
    assert analyse_query("on arrive à combien de pôles en tout ?", A, set()).terms["total"] == 1.0
    swapped = analyse_query("En échange de l'argent, qu'est-ce qu'on demande aux pôles ?", A, set()).terms
    assert swapped["contrepart"] == 1.0 and swapped["echang"] < 1.0  # not the « ateliers d'échanges »
    assert "contrepart" in analyse_query("En échange du financement, on demande quoi ?", A, set()).terms


def test_a_name_after_an_indefinite_article_is_any_of_its_kind():
    c = extract_constraints("À quoi sert une plate-forme pour une start-up Sigma d'un pôle ?", A)
    assert c.generic == set() and c.names == {"Sigma"}  # « une start-up Sigma » names one
    c = extract_constraints("À quoi sert une plate-forme pour une Licorne d'un pôle ?", A)
    assert c.generic == {"Licorne"} and not c.names  # any Licorne: the passage need not write it
    assert extract_constraints("Combien coûte un iPhone ?", A).generic == {"iPhone"}  # still unknown to the corpus


def test_a_letters_courtesy_names_nothing():
    c = extract_constraints("Madame, Monsieur, pourriez-vous m'indiquer la contrepartie exigée ?", A)
    assert not c.names


def test_pole_emploi_is_no_pole_de_competitivite():
    assert extract_constraints("Quelles sont les aides de Pôle emploi ?", A).names == {"Pôle emploi"}
    assert extract_constraints("Quelle température fait-il au pôle Nord ?", A).names == {"pôle Nord"}
    assert not extract_constraints("Quels sont les pôles sud ?", A).names  # the pôles of the south
    assert not extract_constraints("Le pôle Nord-Pas-de-Calais des déchets ?", A).names & {"pôle Nord"}
    assert extract_constraints("Quel pôle travaille sur la géothermie ?", A).names == frozenset()


def test_a_standalone_question_with_a_pronoun_keeps_its_own_scope():
    alone = analyse_query("Combien de pôles ont-ils été labellisés ?", A, set(), context="Où est le pôle Avenia ?")
    assert not alone.constraints.names and not alone.leans_on
    demonstrative = analyse_query("Et pour ce pôle ?", A, set(), context="Quel budget pour le pôle Avenia ?")
    assert demonstrative.kind is AnswerType.AMOUNT and demonstrative.constraints.names == {"Avenia"}


def test_quoted_words_are_phrases_found_as_whole_words():

    assert not extract_constraints("Comment traduire « innovation » en chinois ?", A).quoted  # one word
    assert not extract_constraints("Que veut dire « à la » en cuisine ?", A).quoted  # too short
    assert holds_phrase("ils ont dit... au sujet", "ils ont dit") and not holds_phrase("competitivite", "eti")


def test_what_a_definition_head_is_about_is_read_as_terms():
    assert not extract_constraints("c'est quoi les objectifs de la phase 2 ?", A).defined
    assert extract_constraints("combien y a t il de poles", A).asked_word == "poles"
    assert extract_constraints("cb ya de poles ?", A).asked_word == "poles"


def test_compass_points_name_nothing():
    assert extract_constraints("Dans le Nord, quel pôle recycle les ordures ?", A).names == frozenset()
    assert extract_constraints("le pôle du Sud-Ouest, c'est lequel ?", A).names == frozenset()


def test_a_year_to_compare_with_is_no_year_the_passage_must_give():
    assert (
        extract_constraints("Avant 2009, quelle part des aides allait au développement durable ?", A).years
        == frozenset()
    )
    assert extract_constraints("Quel budget en 2009 ?", A).years == {"2009"}


def test_an_ordinal_names_an_edition_only_before_an_edition_noun():
    assert edition_ordinals(A.terms("la 4ème journée des pôles")) == {"4e"}
    assert edition_ordinals(A.terms("les pôles de la deuxième catégorie")) == set()


def test_a_numbered_group_is_a_constraint():

    assert extract_constraints("Quels pôles du groupe 2 ?", A).groups == {"2"}
    assert groups_in("poles des groupes 1 et 2") == {"1", "2"} and groups_in("13 poles (groupe 3)") == {"3"}


def test_a_ranking_asked_for_is_kept_as_written():

    assert analyse_query("Quel pôle a obtenu la meilleure note ?", A, set()).ranking == "la meilleure note"
    assert analyse_query("lequel a touché le plus d'argent ?", A, set()).ranking == "le plus d'argent"
    assert analyse_query("Quel est le pôle le plus ancien ?", A, set()).ranking == "le plus ancien"
    assert analyse_query("Quel pôle est arrivé en tête en 2012 ?", A, set()).ranking == "arrivé en tête"
    assert analyse_query("c quoi le classement des pôles ?", A, set()).ranking == "le classement"
    # a superlative that describes the subject asks for no ranking
    assert analyse_query("Combien de pôles dans le groupe le plus faible ?", A, set()).ranking is None
    assert analyse_query("Pourquoi les pôles les plus petits ont-ils perdu leur label ?", A, set()).ranking is None
    assert analyse_query("Quel est le rôle des pôles les plus importants ?", A, set()).ranking is None


def test_what_came_of_something_is_kept_as_written():

    reached = analyse_query("La part de 30 % a-t-elle été atteinte à la fin ?", A, set())
    assert reached.outcome == "atteinte"
    results = analyse_query("Quels ont été les résultats de l'examen intermédiaire ?", A, set())
    assert results.outcome == "les résultats"
    assert analyse_query("Quel objectif pour la part du développement durable ?", A, set()).outcome is None
    assert analyse_query("Au final, que doivent faire les pôles pendant la phase 3 ?", A, set()).outcome is None
    given = analyse_query("Quels résultats a donnés l'examen intermédiaire à 18 mois ?", A, set())
    assert given.outcome == "résultats"
    assert analyse_query("Au final, quelle part des aides est allée au développement durable ?", A, set()).outcome
    opened = analyse_query("A-t-elle ouvert après 2012, et avec quels résultats ?", A, set())
    assert opened.outcome == "quels résultats"


def test_the_bots_own_opinion_asked_is_a_judgement_not_a_fact():

    for question in (
        "À ton avis, Sporaltec méritait-il de perdre son label ?",
        "tu penses que la phase 2 a marché ?",
        "Selon vous, était-ce une bonne idée de prolonger la phase 2 ?",
        "Pensez-vous que les contrats de performance sont utiles ?",
    ):
        assert analyse_query(question, A, set()).opinion, question
    # a fact asked politely, or what someone else thinks
    assert not analyse_query("À votre avis, combien l'État a-t-il mis dans la phase 2 ?", A, set()).opinion
    assert not analyse_query("Selon vous, pourquoi la phase 2 a-t-elle été prolongée ?", A, set()).opinion
    assert not analyse_query("Merci à vous ! Pourquoi a-t-on prolongé la phase 2 ?", A, set()).opinion
    assert not analyse_query("Qu'en pense le Président de la République ?", A, set()).opinion


def test_a_follow_up_names_its_new_subject_not_a_discourse_marker():

    earlier = "Combien l'État consacre-t-il aux plates-formes ?"
    assert (
        analyse_query("et les collectivités, elles mettent combien ?", A, set(), earlier).topic_word == "collectivités"
    )
    assert analyse_query("et du coup, le gouvernement a réagi comment ?", A, set(), earlier).topic is None
    # a subject taken up by a pronoun, without a comma or an article; not an adverb
    said = "Hubert Falco a annoncé quoi en 2008 ?"
    assert analyse_query("et sarkozy il a dit quoi ?", A, set(), said).topic_word == "sarkozy"
    assert analyse_query("et l'etat il met combien ?", A, set(), earlier).topic_word == "etat"
    assert analyse_query("et ensuite il s'est passé quoi ?", A, set(), said).topic is None
    assert analyse_query("et enfin ils ont fait quoi ?", A, set(), said).topic is None
    assert analyse_query("et concretement ils ont fait quoi ?", A, set(), said).topic is None
    assert analyse_query("et désormais ils font quoi ?", A, set(), said).topic is None
    assert analyse_query("et toutefois il a dit quoi ?", A, set(), said).topic is None
    assert analyse_query("et le gouvernement il a dit quoi ?", A, set(), said).topic_word == "gouvernement"


def test_the_next_or_previous_phase_is_written_out_from_the_turn_before():

    assert with_next_phase("et pour la suivante ?", "Quelle période couvre la phase 2 ?") == "et pour la phase 3 ?"
    assert with_next_phase("Et la phase précédente ?", "Quel budget pour la deuxième phase ?") == "Et la phase 1 ?"
    assert with_next_phase("et la suivante ?", "Quand a eu lieu la 4e journée ?") == "et la suivante ?"  # no phase
    assert with_next_phase("et la précédente ?", "Qui a évalué la première phase ?") == "et la précédente ?"
    # « la suivante » after « la 4e journée de la phase 2 » is the next journée, not phase 3
    assert with_next_phase("et la suivante ?", "Quand a eu lieu la 4e journée de la phase 2 ?") == "et la suivante ?"
    two = "La phase 1 a-t-elle coûté plus que la phase 2 ?"
    assert with_next_phase("et la suivante ?", two) == "et la suivante ?"  # which one: not guessed


def test_a_phase_compared_to_is_not_the_phase_asked_about():
    ask = "Par rapport à la phase 1, les contrats de la phase 2 sont-ils plus souples ou plus exigeants ?"
    assert extract_constraints(ask, A).phases == {2}
    assert extract_constraints("la phase 2 est plus exigeante que la phase 1 ?", A).phases == {2}
    assert extract_constraints("Qu'est-ce que la phase 1 ?", A).phases == {1}
    assert extract_constraints("est ce que la phase 2 cherche a mieux ancrer les poles", A).phases == {2}
    # figures compared need both phases' figures
    assert extract_constraints("La phase 2 a-t-elle coûté plus que la première phase ?", A).phases == {1, 2}
    assert extract_constraints("La phase 2 a-t-elle reçu plus d'argent que la phase 1 ?", A).phases == {1, 2}
    than_those = "Les contrats de la phase 2 sont-ils plus exigeants que ceux de la phase 1 ?"
    assert extract_constraints(than_those, A).phases == {2}


def test_who_are_the_people_asks_for_anyone_and_which_other_defines_nothing():
    people = "Qui sont les hauts responsables dont on cite des extraits de discours ?"
    assert extract_constraints(people, A).asked is None  # any people named answer it
    assert extract_constraints("Qui est le président du pôle Aquimer ?", A).asked == "president"
    other = extract_constraints("à part l'argent privé, c'est quoi l'autre piste pour aider les boites ?", A)
    assert other.defined == ()  # which other one, not a word to define


def test_a_creation_asked_for_is_kept_as_written():

    assert analyse_query("Le pôle Nucléaire Bourgogne a été créé en quelle année ?", A, set()).created == "créé"
    assert analyse_query("Combien de pôles ont été créés pour les écotechnologies ?", A, set()).created is None


def test_what_is_asked_of_a_named_pole_after_is_or_are():
    members = extract_constraints("Quelles entreprises sont membres du pôle DREAM Eaux et milieux ?", A)
    assert members.asked_word == "membres"
    assert extract_constraints("qui est président du pôle Aquimer ?", A).asked_word == "président"


def test_another_country_is_a_name_the_passage_must_carry():
    clusters = extract_constraints("Les pôles français font-ils mieux que les clusters allemands ?", A)
    assert "allemands" in clusters.names
    assert "Allemagne" in extract_constraints("Y a-t-il des pôles en Allemagne ?", A).names


def test_a_place_of_france_is_a_name_in_any_case_but_not_where_the_asker_is():
    assert "BRETAGNE" in extract_constraints("COMBIEN DE POLES EN BRETAGNE PENDANT LA PHASE 2", A).names
    assert "normandie" in extract_constraints("combien de pôles en normandie ?", A).names
    assert "Île-de-France" in extract_constraints("Et en Île-de-France ?", A).names
    assert not extract_constraints("les tours de table du pôle ?", A).names  # « Tours » is a word too
    # the asker speaking of themselves: where they are is not what the answer must carry
    mine = "Je bosse dans un pôle en Bretagne et on nous parle de monter une plate-forme : ça sert à quoi ?"
    assert not extract_constraints(mine, A).names
    assert not extract_constraints("moi j'habite à Rennes, c'est quoi un pôle ?", A).names
    assert "Rennes" in extract_constraints("Y a-t-il un pôle à Rennes ? je suis curieux", A).names


def test_what_came_of_it_in_other_words():
    # a figure asked « en vrai », « réellement », « à la fin de la phase »: the one reached, not the one aimed at
    for reached in (
        "et a la fin de la phase 2 on est arrivé a cmb en vrai",
        "quelle part des projets concernait réellement le développement durable ?",
        "et combien ont vraiment été financés ?",
    ):
        assert analyse_query(reached, A, set()).outcome, reached
    assert not analyse_query("quelle part des projets concernait le développement durable ?", A, set()).outcome
    decided = analyse_query("Qu'a-t-on décidé pour les pôles du groupe 2 une fois passé leur examen ?", A, set())
    assert decided.happened == "a-t-on décidé"

    produced = analyse_query("Qu'a concrètement produit la plate-forme Axel One depuis son lancement ?", A, set())
    assert produced.outcome == "produit"
    assert analyse_query("Que sont devenus les six pôles qui ont perdu leur label ?", A, set()).outcome == "devenus"


def test_a_breakdown_asked_for_is_a_figure_per_thing():

    assert analyse_query("Comment le 1,5 milliard s'est-il réparti année par année ?", A, set()).per_unit
    assert analyse_query("Quelle est la répartition par région des nouveaux pôles ?", A, set()).per_unit
    assert not analyse_query("Quel budget pour la phase 2 ?", A, set()).per_unit
    # money split among things; pôles split among groups are no breakdown of a sum
    split = "Comment l'enveloppe de 1,5 milliard est-elle répartie entre les régions ?"
    assert analyse_query(split, A, set()).per_unit
    assert not analyse_query("Comment les pôles ont-ils été répartis entre les groupes ?", A, set()).per_unit
    assert not analyse_query("Les subventions sont distribuées par qui ?", A, set()).per_unit
    assert not analyse_query("Le financement est-il partagé entre l'État et les collectivités ?", A, set()).per_unit
    # « réparti comment entre … », of the money the turn before spoke of
    money = "L'État a mis combien d'argent sur la table pour la phase 2 ?"
    assert analyse_query("Et ça a été réparti comment entre les pôles ?", A, set(), context=money).per_unit
    assert not analyse_query(
        "Et ils ont été répartis comment entre les groupes ?", A, set(), context="Combien de pôles ?"
    ).per_unit


def test_those_turned_down_are_asked_apart_from_those_retained():
    assert analyse_query("et les candidats recalés c'etait lesquels", A, set()).rejected == "recalés"
    assert analyse_query("Quels dossiers ont été écartés ?", A, set()).rejected == "écartés"
    assert analyse_query("Quels pôles ont été retenus ?", A, set()).rejected is None
    assert analyse_query("Combien de pôles ont refusé de signer ?", A, set()).rejected is None  # a deed of theirs


def test_an_ordinal_after_a_count_numbers_the_thing_counted():
    axes = "Combien d'axes la deuxième phase comporte-t-elle ?"
    third = analyse_query("Pourriez-vous détailler le troisième ?", A, set(), context=axes)
    assert third.question == "Pourriez-vous détailler le troisième axe ?"
    assert not third.constraints.phases  # not the third phase
    # a place in a list: « troisième » weighs little (the list says « trois axes »), « 3 » is kept
    assert third.terms["3e"] < third.terms["axe"] and third.terms["3"] == 1.0
    # a noun of the ordinal's gender wins over the one counted
    assert analyse_query("Et la troisième ?", A, set(), context="Combien de pôles en phase 2 ?").constraints.phases == {
        3
    }
    assert list_positions(A.terms("la 2e priorité et la troisième phase")) == {"2e"}
    # no noun of the ordinal's gender: left as it is; two ordinals of one noun point at nothing
    assert (
        analyse_query("Et le troisième ?", A, set(), context="Qui a évalué la phase 2 ?").question
        == "Et le troisième ?"
    )
    two = "Quelle différence entre la première et la deuxième phase ?"
    assert analyse_query(two, A, set(), context="Combien de pôles en 2005 ?").question == two
    platforms = analyse_query("et la deuxième ?", A, set(), context="Combien de plates-formes ont été retenues ?")
    assert platforms.question == "et la deuxième plate-forme ?"
    listed = analyse_query(
        "Et le troisième, c'est quoi ?", A, set(), context="Quels sont les trois axes de la phase 2 ?"
    )
    assert listed.question == "Et le troisième axe, c'est quoi ?"


def test_the_phase_after_one_named_after_apres_is_the_next_one():
    assert with_phase_after("Que s'est-il passé après la fin de la phase 3 ?") == "Que s'est-il passé phase 4 ?"
    assert with_phase_after("Quelle formule pour la phase qui a succédé à Pôles 2.0 ?") == (
        "Quelle formule pour la phase 3 ?"
    )
    assert with_phase_after("la phase suivant la phase 2") == "la phase 3"
    assert with_phase_after("Quel bilan après la phase 2 ?") == "Quel bilan après la phase 2 ?"  # of phase 2
    assert with_phase_after("Qui a suivi la phase 2 côté État ?") == "Qui a suivi la phase 2 côté État ?"  # who
    after_3 = analyse_query("Que s'est-il passé pour les pôles après la fin de la phase 3 ?", A, set())
    assert after_3.constraints.phases == {4}


def test_the_documents_names_count_in_lower_case_too():
    known = frozenset({"avenia", "cellmill"})
    typed = extract_constraints("adresse du pole avenia ?", A, known)
    assert typed.names == {"avenia"} and typed.asked_word == "adresse"  # what is asked of it, without an article
    assert not extract_constraints("adresse du pole avenia ?", A).names  # a word like any other when not known
    assert extract_constraints("avenia ou energivie ?", A, known).names == {"avenia"}  # only names it knows
    # anything about it, asked first, is no attribute: « infos du pôle », « parle-moi du pôle »
    assert extract_constraints("Infos du pôle Avenia ?", A, known).asked is None
    assert extract_constraints("parle-moi du pôle avenia", A, known).asked is None


def test_a_yes_no_check_of_what_the_user_believes_is_read_as_such():
    assert analyse_query("C'est bien le cabinet McKinsey qui a évalué la phase 1 ?", A, set()).checks_premise
    assert analyse_query("Is it true que la phase 3 covers 2013-2020 ?", A, set()).checks_premise
    assert not analyse_query("Qu'est-ce que le crédit d'impôt innovation ?", A, set()).checks_premise
    assert not analyse_query("Qui a évalué la phase 1 ?", A, set()).checks_premise


def test_the_acronyms_the_documents_spell_out():
    texts = [
        "le Comité interministériel d'aménagement et de développement du territoire (CIADT) du 11 mai 2010",
        "pris sur le Fonds unique interministériel (FUI).",
        "à Saint-Étienne (Loire), pas un sigle ; (XYZ) sans forme longue",
    ]
    assert acronyms_defined(texts) == {
        "CIADT": "Comité interministériel d'aménagement et de développement du territoire",
        "FUI": "Fonds unique interministériel",
    }


def test_a_passage_going_on_from_the_one_before_is_dated_by_it():
    chunks = [
        Chunk("e#1", "e", "t", "", "Une étude a été conduite en 2012 ; elle couvre 2009-2011.", 0, 0),
        Chunk("e#2", "e", "t", "", "L'étude constate que les pôles ont réussi.", 0, 0),  # no year of its own
        Chunk("e#3", "e", "t", "", "Avec ces labels, en 2010, le total reste de 71.", 0, 0),  # goes on from it
        Chunk("f#1", "f", "t", "", "Un autre document, sans année.", 0, 0),  # another document
    ]
    folded = [fold_accents(c.text) for c in chunks]
    assert years_carried_over(chunks, folded) == [frozenset(), {"2012"}, set(), frozenset()]


def test_a_passage_going_on_from_the_one_before_speaks_of_its_day_and_names():
    chunks = [
        Chunk("e#1", "e", "t", "", "Le CIADT du 11 mai 2010 a retenu six pôles :\n- Avenia, en Aquitaine.", 0, 0),
        Chunk("e#2", "e", "t", "", "Avec ces six labels, décidés le même jour, le total reste de 71.", 0, 0),
        Chunk("e#3", "e", "t", "", "Un autre paragraphe, qui ne dit rien du précédent.", 0, 0),
    ]
    carried = said_before_it(chunks, [fold_accents(c.text) for c in chunks])
    assert carried[0] == "" and carried[2] == ""
    assert "11 mai 2010" in carried[1] and {"CIADT", "Avenia", "Aquitaine"} <= set(carried[1].split())


def test_how_a_study_turned_out_in_everyday_words_is_searched_as_its_conclusions():
    for question in ("l'étude de 2012 elle dit quoi ?", "ça a marché les pôles ou pas ?", "elle trouve quoi ?"):
        assert "conclus" in analyse_query(question, A, set()).terms, question


def test_who_is_set_aside_is_no_name_to_carry_and_weighs_little():
    question = "Hormis l'Etat et la Caisse des depots, qui peut aussi financer les plateformes d'innovation ?"
    query = analyse_query(question, A, set())
    assert not query.constraints.names and {"etat", "caisse", "depots"} <= query.constraints.set_aside
    assert query.terms["caiss"] < 1 and query.terms["financ"] == 1.0
    assert query.kind is AnswerType.PERSON and query.done_word == "financer"  # « qui » after the phrase set aside
    assert not extract_constraints("pk pas de nouveaux poles a part dans 1 seul domaine ?", A).set_aside


def test_what_a_cost_is_asked_of():
    assert analyse_query("Et combien a coûté cette étude ?", A, set()).cost_of == "cette étude"
    assert analyse_query("Et elle a coûté combien, cette évaluation ?", A, set()).cost_of == "cette évaluation"
    assert analyse_query("Quel est le coût total de la plate-forme Axel One ?", A, set()).cost_of == "la plate-forme"
    assert analyse_query("la rallonge d'un an a coûté combien ?", A, set()).cost_of == "la rallonge"  # named first
    assert analyse_query("Et ça a coûté combien ?", A, set()).cost_of is None  # said before: no thing named


def test_a_follow_up_without_its_verb_or_with_y_and_a_participle_keeps_the_phase_asked_before():
    before = "Quand la phase 3 des pôles a-t-elle été lancée ?"
    for follow_up in ("Et avec quelle enveloppe financière ?", "Et combien d'argent l'État y a-t-il consacré ?"):
        query = analyse_query(follow_up, A, set(), context=before)
        assert query.leans_on and query.constraints.phases == {3}, follow_up
    for whole in ("Combien de pôles labellisés y a-t-il eu ?", "Y a-t-il des pôles en Alsace ?"):
        assert not analyse_query(whole, A, set(), context=before).leans_on, whole


def test_a_name_of_the_documents_first_in_the_question_is_a_name():
    known = frozenset({"innoviandes", "sporaltec", "avenia"})
    assert extract_constraints("InnoViandes etait implanté où ?", A, known).names == {"InnoViandes"}
    assert extract_constraints("Sporaltec a perdu son label ?", A, known).names == {"Sporaltec"}
    assert not extract_constraints("Quel budget ?", A, known).names  # a capital first tells nothing


def test_what_a_question_says_before_it_asks_weighs_as_context():
    question = "Je prépare un mémoire. J'ai lu que la phase 2 a été prolongée. Qu'est-il advenu des contrats ?"
    terms = analyse_query(question, A, set()).terms
    assert terms["memoir"] == terms["prolong"] == 0.5 and terms["contrat"] == 1.0
    assert analyse_query("Quel budget pour la phase 2 ?", A, set()).terms["budget"] == 1.0  # one sentence


def test_edge_cases_a_stranger_found():
    # « y a-t-il » before a determiner or a number stands for nothing; a long « Et pour quelles raisons … ? » has
    # its own verb
    before = "Quand la phase 3 des pôles a-t-elle été lancée ?"
    for whole in ("Y a-t-il quelques pôles en Alsace ?", "Et pour quelles raisons les pôles ont-ils été déclassés ?"):
        assert not analyse_query(whole, A, set(), context=before).leans_on, whole
    # set aside after « du », « des »
    assert extract_constraints("En dehors du FUI, qui finance les projets ?", A).set_aside == {"fui"}
    assert "collectivites" in extract_constraints("en plus des collectivités, qui paie ?", A).set_aside
    # who set a deadline is someone; « chargé de mener l'évaluation » is the evaluation
    assert analyse_query("Qui a fixé la date limite ?", A, set()).kind is AnswerType.PERSON
    assert analyse_query("Qui a été chargé de mener l'évaluation ?", A, set()).done_word == "évaluation"
    # « M. Falco » is no end of sentence
    assert analyse_query("Qu'a annoncé M. Falco lors de la journée ?", A, set()).terms["annonc"] == 1.0


def test_what_is_given_in_return_is_searched_as_the_documents_counterpart():
    asked = A.terms("contrepartie")[0]
    assert asked in analyse_query("les pôles doivent donner quoi en retour ?", A, set()).phrased
    assert asked in analyse_query("et en échange de l'argent ?", A, set()).phrased
    assert not analyse_query("le retour sur investissement ?", A, set()).phrased


def test_the_thing_counted_may_be_named_before_combien():
    c = extract_constraints("les 35 plateformes, combien finalement financées ?", A)
    assert c.asked == A.terms("plateformes")[0] and c.asked_word == "plateformes"
    assert extract_constraints("les plateformes, c'est quoi ?", A).asked is None
    # named with what follows it, up to the comma
    c = extract_constraints("Les investissements d'avenir financés par l'emprunt, ça représentait combien en tout ?", A)
    assert c.asked_word == "investissements"
    # not when « combien de … » names what it counts, nor when a share is asked
    assert extract_constraints("Les pôles de Bretagne, combien de projets ont-ils financé ?", A).asked_word == "projets"
    assert extract_constraints("les projets verts en phase 1, ça faisait combien en pourcentage ?", A).asked is None
    assert extract_constraints("les 35 plateformes, combien financées à part Lyon ?", A).asked_word == "plateformes"


def test_a_count_of_what_was_just_spoken_of():
    assert counts_what_was_said("combien ont ete financees au final ?")
    assert counts_what_was_said("et combien ont ete retenues ?")
    assert not counts_what_was_said("combien ont ete investis dans les six nouveaux poles ?")  # named after
    follow = analyse_query(
        "combien ont été financées au final ?", A, set(), "les plateformes d'innovation c'est quoi ?"
    )
    assert follow.leans_on and follow.constraints.asked == A.terms("plateformes")[0]


def test_what_is_asked_of_what_was_just_spoken_of_with_a_possessive():
    follow = analyse_query("son président ?", A, set(), "c'est quoi Team2 ?")
    assert follow.constraints.asked_word == "président" and follow.constraints.names == {"Team2"}
    assert (
        analyse_query("et c'est qui son président ?", A, set(), "c'est quoi Team2 ?").constraints.asked_word
        == "président"
    )
    assert analyse_query("son président ?", A, set()).constraints.asked is None  # nothing said before to have one


def test_a_little_english_is_read_as_french():
    assert (
        in_french("more private money pour les boîtes des pôles ?") == "more privés argent pour les boîtes des pôles ?"
    )
    assert in_french("Is it true que la phase 3 covers la période 2013-2020 ?").startswith("est-il vrai que")
    assert analyse_query("who evaluated phase 1 ?", A, set()).kind is AnswerType.PERSON
    assert in_french("Quel budget pour la phase 2 ?") == "Quel budget pour la phase 2 ?"  # French is left as it is
    assert in_french("la CDC donne cb ?") == "la Caisse des Dépôts donne cb ?"  # a body abbreviated, written out
    assert in_french("y a eu une newsletter ?") == "y a eu une lettre d'information ?"
    assert in_french("WHİCH pôle ?") == "WHİCH pôle ?"  # a dotted capital I: no English word, no error


@pytest.mark.parametrize(
    ("question", "qualifier"),
    [
        ("combien de pôles mondiaux ?", "pôles mondiaux"),
        ("cb de pôles bretons ?", "pôles bretons"),
        ("combien de projets collaboratifs ?", "projets collaboratifs"),
        ("combien de projets sélectionnés ?", None),  # a participle: the projects are counted
        ("combien de pôles avions-nous ?", None),  # a verb
        ("combien de pôles actuels ?", None),  # a word of time: no passage need say it
        ("combien de pôles principaux ?", None),
        ("combien de candidatures initiales ?", None),  # every inflection of a word of degree
        ("combien de villes principales ?", None),
        ("qui sont les pôles bretons ?", None),  # not a count: which ones, not how many
    ],
)
def test_the_kind_of_thing_counted_is_an_adjective_after_it_in_a_count(question, qualifier):
    assert extract_constraints(question, A).qualifier_words == qualifier


def test_a_study_s_findings_are_asked_by_name_only_when_nothing_else_is():
    assert analyse_query("bilan de l'etude 2012 en 1 phrase ?", A, set()).findings
    assert analyse_query("et le verdict ?", A, set(), "l'éval de la phase 2 elle regarde quoi ?").findings
    assert analyse_query("ça a donné quoi l'évaluation ?", A, set()).findings
    assert not analyse_query("qui a fait le bilan des poles en 2008", A, set()).findings  # who, not what
    assert not analyse_query("le bilan de la phase 2 a été repoussé à quand ?", A, set()).findings
    assert analyse_query("la phase 2, ça marche ?", A, set()).findings
    assert analyse_query("Et qu'est-ce qu'il en ressort ?", A, set(), "Le rapport de 2012 date de quand ?").findings
    for how in ("Comment ça marche, la labellisation ?", "Le FUI, ça marche comment ?", "ça marche pour les PME ?"):
        assert not analyse_query(how, A, set()).findings  # how it works, for whom


def test_a_follow_up_of_et_and_a_subject_asks_the_same_of_that_subject():
    earlier = "la CDC donne cb par plateforme ?"
    state = analyse_query("et l'Etat ?", A, set(), earlier)
    assert state.kind is AnswerType.AMOUNT and state.topic == "etat"
    assert not state.constraints.names & {"Caisse", "Dépôts"}  # the subject named before is the one replaced
    assert state.terms["caiss"] < state.terms["plateform"]
    assert analyse_query("et pour les collectivités ?", A, set(), earlier).topic == "collectivit"
    assert analyse_query("et ensuite ?", A, set(), earlier).topic is None  # no subject: a question of its own
    assert analyse_query("et lesquels ?", A, set(), earlier).topic is None
    # what is asked of the same subject, a pointer or an adverb: no new subject
    assert analyse_query("et le verdict ?", A, set(), "l'éval de la phase 2 elle regarde quoi ?").topic is None
    assert analyse_query("et la suivante ?", A, set(), "Où s'est tenue la 4e journée ?").topic is None
    assert analyse_query("et finalement ?", A, set(), "phase 2 devait finir quand ?").topic is None
    assert analyse_query("et la deadline ?", A, set(), "l'appel a été rouvert qd").kind is AnswerType.DATE
    # set phrases, verbs and what is asked of the same subject name no new one, nor keep the earlier kind
    avenia = "Combien le pôle Avenia a-t-il reçu ?"
    for no_subject in ("et du coup ?", "et en gros ?", "et le reste ?", "et là ?", "et ils ont accepté ?"):
        read = analyse_query(no_subject, A, set(), avenia)
        assert read.topic is None and "Avenia" in read.constraints.names, no_subject
    where = "Où se trouve le pôle Avenia ?"
    for attribute in ("et le président ?", "et le siège ?", "et le directeur ?"):
        assert analyse_query(attribute, A, set(), where).kind is not AnswerType.PLACE, attribute
    published = "Quand l'étude de 2008 a-t-elle été publiée ?"
    assert analyse_query("et le verdict ?", A, set(), published).kind is not AnswerType.DATE
    assert analyse_query("et Falco ?", A, set(), "Qu'a dit Sarkozy ?").topic == "falco"  # a name, no article
    lyon = "Quels pôles sont basés à Lyon ?"
    assert analyse_query("et Rennes ?", A, set(), lyon).topic_word == "Rennes"  # a capital: a place, a French word too
    firms = "Qu'ont dit les cabinets BCG et CM International ?"
    for back in ("et leur avis ?", "et leurs partenaires ?", "et lesquels ?"):  # pointing back, no new subject
        assert analyse_query(back, A, set(), firms).topic is None, back


def test_a_figure_asked_again_of_a_new_deed_sets_the_one_given_aside():
    filed, given = "combien de dossiers déposés ?", "dix-neuf candidatures ont été reçues"
    again = analyse_query("Et au final, combien ont décroché le label ?", A, set(), filed, said_before=given)
    assert again.figure_given == given
    when = analyse_query("Et c'était quand ?", A, set(), filed, said_before=given)
    assert when.figure_given == ""  # a date after a count: the same sentence may say it
    # « et combien ont été gardés ? » points back at the dossiers, and still asks another figure, which may come later
    dated = "cb de dossiers reçus pour l'appel écotech de 2009 ?"
    kept = analyse_query("et cb ont été gardés au final ?", A, set(), dated, said_before=given)
    assert kept.leans_on and kept.figure_given == given and "2009" not in kept.constraints.years


def test_what_came_next_is_asked_with_nothing_else():
    study = "L'étude de 2012, elle conclut quoi ?"
    for question in ("ok et après ça ?", "et ensuite ?", "Et après, il s'est passé quoi ?", "la suite ?"):
        asked = analyse_query(question, A, set(), study, said_before="L'étude constate que")
        assert asked.next_asked and asked.kind is AnswerType.OTHER and not asked.constraints.years, question
    who = analyse_query("et après ça ?", A, set(), "Qui a annoncé la prolongation ?", said_before="Prévue")
    assert who.next_asked and who.kind is AnswerType.OTHER  # what came next, not someone again
    for question in ("et après 2018 ?", "et ils sont devenus quoi ensuite ?", "et après lui, qui a pris son poste ?"):
        assert not analyse_query(question, A, set(), study).next_asked, question
    assert not analyse_query("et après ?", A, set()).next_asked  # nothing before it
    again = analyse_query("bon, et ensuite ?", A, set(), study, said_before="L'étude constate que")
    assert again.next_asked and again.said_before == "L'étude constate que"  # what the story goes on from


def test_money_added_is_asked_apart_from_the_whole():
    assert analyse_query("Combien d'argent supplémentaire pour l'année en plus ?", A, set()).extra == "supplémentaire"
    assert analyse_query("la rallonge a coûté combien en plus à l'État ?", A, set()).extra == "en plus"
    assert analyse_query("Qui finance en plus de l'État ?", A, set()).extra is None  # not an amount
    assert analyse_query("Et en plus, combien la CDC apporte par projet ?", A, set()).extra is None  # a connector
    assert analyse_query("combien l'État donne-t-il en plus des collectivités ?", A, set()).extra is None


def test_a_total_is_asked_only_of_a_figure():
    assert analyse_query("la CDC a mis cb au total ?", A, set()).total == "au total"
    assert analyse_query("combien de pôles en tout ?", A, set()).total == "en tout"
    assert analyse_query("cb de pôles labellisés au total ?", A, set()).total == "au total"
    assert analyse_query("en tout cas, qui a évalué la phase 1 ?", A, set()).total is None


def test_what_was_first_planned_is_asked_by_au_depart_or_initialement():
    assert analyse_query("Au départ, la deuxième phase devait couvrir quelle période ?", A, set()).first_plan
    assert analyse_query("elle devait durer combien initialement ?", A, set()).first_plan
    assert not analyse_query("Quelle période couvre la phase 2 ?", A, set()).first_plan
    assert not analyse_query("Quand a été lancée la politique à l'origine des pôles ?", A, set()).first_plan  # cause
    assert analyse_query("La phase 2 devait à l'origine durer combien de temps ?", A, set()).first_plan


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Et qui en est le président ?", "président"),
        ("Qui en assure la direction ?", "direction"),
        ("Et après lui, c'est qui qui a pris son poste ?", "poste"),
        ("Qui occupe le poste de directeur du pôle Avenia ?", "directeur"),  # the post named
        ("Qui a pris la tête du classement ?", None),  # a ranking, no role
        ("Qui a pris place à la tribune ?", None),
    ],
)
def test_a_role_asked_is_what_the_answer_must_speak_of(question, asked):
    assert extract_constraints(question, A).asked_word == asked


def test_what_befell_labels_kept_or_lost_and_denied():
    assert fates("grp 3 : combien de poles ont garde leur label en 2010 ?") == {KEPT}
    assert fates("cmb ont ete repeches ?") == {KEPT}
    assert fates("six poles ont en revanche perdu leur label") == {LOST}
    assert fates("les six retraits decides le meme jour") == {LOST}
    assert fates("combien n'ont pas ete reconduits ?") == {LOST}  # a denial turns one into the other
    assert fates("les poles non reconduits") == {LOST}
    assert fates("ils ont pas ete vires ?") == {KEPT}
    assert fates("maintenant, quel budget ?") == set()  # « maintenant » keeps nothing
    assert fates("ont conserve leur label puis six l'ont perdu") == {KEPT, LOST}
    assert analyse_query("Combien de pôles ont gardé leur label ?", A, set()).fate == KEPT
    assert analyse_query("Quels pôles n'ont pas été reconduits ?", A, set()).fate == LOST
    assert analyse_query("Quel budget pour la phase 2 ?", A, set()).fate is None


def test_a_shortcoming_of_a_named_thing_is_a_cause_asked():
    reproach = analyse_query("c'était quoi le truc reproché à Sporaltec pour qu'on lui retire le label ?", A, set())
    assert reproach.why == "reproché à Sporaltec pour qu'on lui retire le label"
    assert analyse_query("Qui a reproché aux pôles leur manque de résultats ?", A, set()).why is None


def test_a_yes_no_follow_up_asks_whether_a_deed_happened():
    before = "Quels pôles ont perdu leur label ?"
    assert analyse_query("et ils ont protesté ?", A, set(), context=before).whether == "protesté"
    # a light verb says the deed by its object
    appeal = analyse_query("Et est-ce qu'ils ont fait appel de cette décision ?", A, set(), context=before)
    assert appeal.whether == "appel"
    assert analyse_query("et ils ont protesté pourquoi ?", A, set(), context=before).whether is None  # a reason
    assert analyse_query("et ça a marché ?", A, set(), context=before).whether is None  # what a study found
    # a question of its own asks it too
    assert (
        analyse_query("Sporaltec a-t-il protesté ?", A, set(), known_names=frozenset({"sporaltec"})).whether
        == "protesté"
    )


def test_a_yes_no_question_asks_a_deed_after_saying_what_it_knows():
    def whether(question):
        return analyse_query(question, A, set()).whether

    assert whether("les 6 pôles qui ont perdu leur label en 2010 ont fusionné avec d'autres ou pas ?") == "fusionné"
    assert whether("les poles qui ont perdu le label ils ont du rembourser l'argent ou pas ?") == "rembourser"
    assert whether("est-ce que des pôles ont fait un recours après avoir perdu leur label ?") == "recours"
    # a choice between deeds is no « où »
    assert whether("est-ce que des pôles ont protesté ou fait un recours après avoir perdu leur label ?") == "protesté"
    # what goes on is the deed: « continué à labelliser » asks about labelling
    assert whether("a-t-on continué à labelliser des pôles dans les trois ans qui ont suivi ?") == "labelliser"
    # with no premise, a deed asked yes or no, in the past; not « c'était à Lyon ? »
    known = frozenset({"sporaltec"})
    assert analyse_query("Sporaltec a-t-il récupéré son label ?", A, set(), known_names=known).whether == "récupéré"
    assert whether("des pôles ont perdu de l'argent ?") is None  # nothing named: may be said in other words
    named = frozenset({"bcg", "pôles 2.0"})
    assert analyse_query("Le BCG a fait seul l'évaluation de la phase 1 ?", A, set(), known_names=named).whether is None
    letter = "Est-ce que la lettre des pôles a sorti une édition consacrée à Pôles 2.0 ?"
    assert analyse_query(letter, A, set(), known_names=named).whether is None  # the name comes after the deed
    said = "Falco a-t-il déclaré qu'aucun nouveau pôle ne serait labellisé ?"  # « y a annoncé que … » says it
    assert analyse_query(said, A, set(), known_names=frozenset({"falco"})).whether is None
    placed = analyse_query("Team2 est installé dans le Nord ?", A, set(), known_names=frozenset({"team2"}))
    assert placed.whether is None  # a state, said by « Team2, dans le Nord-Pas-de-Calais »
    frozen = "Hubert Falco a gelé les labellisations pendant trois ans, mais y avait-il une exception ?"
    assert analyse_query(frozen, A, set()).whether is None  # more is asked after it
    assert whether("le kick-off de la phase 2 c'etait a lyon ?") is None
    assert whether("Sporaltec a-t-il récupéré son label, et quand ?") is None  # a question word
    assert whether("C'est bien McKinsey qui a évalué la phase 1 ?") is None  # who is checked, no deed asked
    assert whether("Les pôles qui ont perdu leur label, c'étaient lesquels ?") is None  # a question word
    assert whether("Que sont devenus les six pôles qui ont perdu leur label ?") is None  # « que » asks what
    # the review's cases: inverted, denied, « ayant »; said after a turn too; a stress word or « qui » asking who is
    # no deed
    assert whether("les pôles qui ont perdu leur label ont-ils fusionné ?") == "fusionné"
    assert whether("les pôles ayant perdu leur label n'ont pas fusionné ?") == "fusionné"
    before = "combien de pôles ont perdu leur label ?"
    assert analyse_query("ceux qui ont perdu leur label ont fusionné ?", A, set(), context=before).whether == "fusionné"
    assert whether("ce sont bien BCG et CM International qui ont évalué la phase 1 ?") is None
    assert whether("les pôles qui ont été retenus en 2010 sont bien six ?") is None
    after = analyse_query("Et à part l'État, qui peut mettre de l'argent dedans ?", A, set(), context="C'est quoi ?")
    assert after.whether is None


def test_a_part_asked_of_a_whole_named_with_its_figure():
    assert analyse_query("Sur le milliard et demi, quelle somme a servi à l'animation ?", A, set()).part_of == (
        "le milliard et demi"
    )
    assert analyse_query("parmi les 35 plates-formes, combien ont été financées ?", A, set()).part_of == (
        "les 35 plates-formes"
    )
    assert analyse_query("Sur les pôles du groupe 3, combien ont gardé leur label ?", A, set()).part_of is None
    # the documents' decimal comma, no determiner before a figure
    assert analyse_query("sur les 1,5 milliard d'euros, combien pour les plates-formes ?", A, set()).part_of == (
        "les 1,5 milliard d'euros"
    )
    assert analyse_query("sur 1,5 milliard, quelle somme pour l'animation ?", A, set()).part_of == "1,5 milliard"
    assert analyse_query("Sur les 86 propositions, qui a décidé ?", A, set()).part_of is None  # no figure asked


def test_a_role_asked_with_what_it_is_of():
    assert analyse_query("c'était qui le ministre de l'industrie ?", A, set()).role_asked == "ministre de l'industrie"
    assert analyse_query("Qui était le Président de la République ?", A, set()).role_asked == (
        "Président de la République"
    )
    assert analyse_query("Qui était Premier ministre ?", A, set()).role_asked is None
    assert analyse_query("qui était le Premier ministre de l'époque ?", A, set()).role_asked is None  # a time
    assert analyse_query("c'était qui le ministre chargé de l'industrie ?", A, set()).role_of == "industrie"
    assert analyse_query("combien de ministres de l'industrie ?", A, set()).role_asked is None  # no one asked


def test_a_cost_asked_of_what_the_turn_before_spoke_of():
    study = analyse_query("et elle a couté cmb ?", A, set(), context="l'etude sur la phase 2 elle regardait quoi")
    assert study.cost_of == "l'etude"
    axel = analyse_query("et ça a coûté combien au final ?", A, set(), context="c'est quoi Axel One ?")
    assert axel.cost_of == "Axel One"
    assert (
        analyse_query("et ça a coûté combien ?", A, set(), context="Qui a évalué la première phase ?").cost_of is None
    )


def test_what_someone_thought_is_words_asked():
    assert analyse_query("et les régions, elles en ont pensé quoi ?", A, set()).words_asked == "pensé"
    assert analyse_query("qu'en pensent les régions ?", A, set()).words_asked == "pensent"
    assert analyse_query("et ils ont réagi comment ?", A, set()).words_asked == "réagi"
    mine = analyse_query("qu'en penses-tu ?", A, set())
    assert mine.words_asked is None and mine.opinion  # the bot's own opinion


def test_a_reason_asked_as_the_reason_for_which():
    reason = analyse_query("c'était quoi la raison exacte pour laquelle Sporaltec s'est fait virer ?", A, set())
    assert reason.kind is AnswerType.REASON and reason.why.startswith("raison exacte pour laquelle")


def test_a_short_question_naming_a_two_word_name_is_not_shouted():
    assert not shouted("c'est quoi Axel One ?") and {"Axel", "One"} <= names_given("c'est quoi Axel One ?")
    assert shouted("QUEL EST LE BUDGET ?") and shouted("Quel Est Le Budget De La Phase ?")


def test_a_time_after_a_year_is_asked_of_later_years():
    assert extract_constraints("et après 2018 ?", A).after_years == {"2018"}
    assert extract_constraints("au-delà de 2012, quel budget ?", A).after_years == {"2012"}
    assert not extract_constraints("entre 2009 et 2012 ?", A).after_years
    assert not extract_constraints("après 2009-2011, quelle période ?", A).after_years  # a period's bound
    assert "2018" not in extract_constraints("et après 2018 ?", A).years  # no event of that year asked


def test_names_fates_deeds_and_splits_in_harder_phrasings():
    # the asker's own clause holds where they work or live, not what they ask
    for asked in (
        "Je suis curieux de savoir combien de pôles il y a en Bretagne ?",
        "j'habite à Rennes et je voudrais savoir combien de pôles en Bretagne ?",
        "Je travaille sur les pôles de Bretagne, combien ont gardé leur label ?",
    ):
        assert "Bretagne" in extract_constraints(asked, A).names, asked
    # places over several words as a passage writes them; « grand est » in ordinary French names nothing
    assert "ile-de-france" in extract_constraints("combien de pôles en ile de france ?", A).names
    assert not extract_constraints("Parmi les pôles mondiaux, le plus grand est lequel ?", A).names
    assert "Grand-Est" in extract_constraints("un pôle dans le Grand Est ?", A).names
    # denials a few words away, « sans »
    assert fates("qui n'ont pas encore ete reconduits") == {LOST}
    assert fates("n'ont pas vu leur label renouvele") == {LOST}
    assert fates("sans renouvellement du label") == {LOST}
    # a fate of labels, asked by the question proper
    assert analyse_query("La subvention a été virée quand ?", A, set()).fate is None
    told = "J'ai lu que six pôles avaient perdu leur label. Combien de pôles ont été labellisés en 2005 ?"
    assert analyse_query(told, A, set()).fate is None
    # « décidé de prolonger », passives in other orders
    assert analyse_query("qui a décidé de prolonger la phase ?", A, set()).done_word == "prolonger"
    for passive in (
        "il est actuellement présidé par qui ?",
        "par qui est-il présidé ?",
        "Minalogic, présidé par qui ?",
    ):
        assert analyse_query(passive, A, set()).done_word == "présidé", passive
    # the money before is split only when the follow-up speaks of it by a pronoun
    budget = "Quel était le budget de la phase 2 ?"
    assert analyse_query("Et ça a été réparti comment ?", A, set(), context=budget).per_unit
    assert not analyse_query(
        "Et les pôles sont répartis comment entre les régions ?", A, set(), context=budget
    ).per_unit


def test_a_sum_given_to_the_things_counted_before():
    given = analyse_query(
        "Et ça leur a rapporté combien de subventions ?", A, set(), context="Combien de pôles écotech ont été retenus ?"
    )
    assert given.kind is AnswerType.AMOUNT and given.cost_of == "pôles écotech"


def test_how_far_things_had_got_is_no_place():
    assert answer_type("et avant, en phase 1, on en était où ?") is not AnswerType.PLACE
    assert answer_type("où en est la phase 2 ?") is not AnswerType.PLACE
    assert answer_type("où est basé Energivie ?") is AnswerType.PLACE


def test_the_next_one_named_by_its_ordinal_is_an_edition_not_a_phase():
    context = "elle s'est tenue où la réunion qui a lancé Pôles 2.0 ?"
    fifth = analyse_query("et la suivante, la cinquième ?", A, set(), context=context)
    assert "phase 3" not in fifth.question and fifth.topic is None
    assert (
        "phase 3" in analyse_query("et pour la suivante ?", A, set(), context="Quel budget pour la phase 2 ?").question
    )


def test_yes_no_follow_ups_fates_and_thoughts_read_narrowly():
    before = "Combien de pôles ont perdu leur label en 2008 ?"
    assert analyse_query("et ils ont protesté ou pas ?", A, set(), context=before).whether == "protesté"
    assert analyse_query("et ils sont toujours labellisés ?", A, set(), context=before).whether == "labellisés"
    assert analyse_query("et ils ont mis un recours ?", A, set(), context=before).whether == "recours"
    # a denial reaches its own verb only
    assert fates("les poles qui n'ont pas proteste ont perdu leur label") == {LOST}
    # no fate of a sum
    assert analyse_query("combien ont perdu leur financement ?", A, set()).fate is None
    money = "Combien a touché le pôle Mer Bretagne ?"
    assert analyse_query("et la subvention, elle a été virée quand ?", A, set(), context=money).fate is None
    # what someone thought, when nothing else is asked
    assert analyse_query("le comité a rendu son avis quand ?", A, set()).words_asked is None
    assert analyse_query("qui a réagi en premier ?", A, set()).words_asked is None
    # « au-delà de 2012 », « post-2018 »: no event of that year
    assert not extract_constraints("au-delà de 2012 ?", A).years
    assert extract_constraints("post-2018 ça donne quoi ?", A).after_years == {"2018"}
    budget = "Quel était le budget de la phase 2 ?"
    assert analyse_query("comment ça a été réparti ?", A, set(), context=budget).per_unit
    assert analyse_query("et c'est réparti comment ?", A, set(), context=budget).per_unit
    assert not extract_constraints("je suis à Rennes, quels pôles ?", A).names
    assert answer_type("où on en est ?") is not AnswerType.PLACE


def test_the_present_trailing_pronouns_typed_places_and_denials_spoken():
    # the present: not « maintenant », often the time the turn before spoke of
    assert extract_constraints("combien de pôles aujourd'hui ?", A).now == "aujourd'hui"
    assert extract_constraints("qui est le président actuel du pôle Team2 ?", A).now == "actuel"
    assert extract_constraints("y a 77 pôles maintenant ?", A).now is None
    # a pronoun after its verb, no subject named before it: the thing spoken of before
    phase3 = "Quand la troisième phase a-t-elle été lancée ?"
    assert analyse_query("Et combien a-t-elle coûté à l'État ?", A, set(), context=phase3).constraints.phases == {3}
    named = analyse_query("Combien de pôles ont-ils été labellisés ?", A, set(), context=phase3)
    assert not named.constraints.phases
    # « ça » opening a follow-up stands for what was spoken of: phase 3 still
    worked = analyse_query("Et ça a marché, on a eu plus de produits mis en vente ?", A, set(), context=phase3)
    assert worked.leans_on and worked.constraints.phases == {3}
    # « c ou », « c'est dans quelle ville » typed in a hurry: a place; « c ou pas ? » is no place
    assert answer_type("cellmill c ou exactement ? quelle region") is AnswerType.PLACE
    assert answer_type("c ou pas ?") is AnswerType.OTHER
    assert leans_on_earlier_turn("et c dans quelle ville exactement", ["vill", "exact"])
    # a word of discourse before the pronoun: « et au final elle … »
    assert leans_on_earlier_turn("et au final elle s'est arretee quand ?", ["final", "arret"])
    assert leans_on_earlier_turn("et l'etat a mis combien d'argent dedans ?", ["etat", "mis", "argent", "dedan"])
    assert leans_on_earlier_turn("quel cabinet s'en est charge ?", ["cabinet", "charg"])
    assert not leans_on_earlier_turn("quel cabinet a evalue la phase 2 en 2012 ?", ["cabinet", "evalu", "phas", "2"])
    assert not leans_on_earlier_turn("au final la phase 2 s'est arretee quand ?", ["final", "phas", "2", "arret"])
    # « d avenia » typed without the apostrophe
    assert extract_constraints("c qui le president d avenia", A, frozenset({"avenia"})).asked_word == "president"
    # « ne » dropped: « pas retenus »; not « pas comprendre », nor « ou pas »
    assert analyse_query("les dossiers pas retenus c etait quoi", A, set()).negated_word == "retenus"
    assert analyse_query("moi pas comprendre, qui a évalué ?", A, set()).negated is None
    assert analyse_query("ils ont été retenus ou pas ?", A, set()).negated is None
    # a creation asked of anyone, not only its date
    assert analyse_query("quel gouvernement a créé les pôles ?", A, set()).created == "créé"


def test_participles_after_poles_shares_compared_and_procedures():
    # a participle said of the pôles in a question in capitals is no name
    assert not names_given("EN MAI 2010 IL Y A EU PLUS DE POLES AJOUTES OU SUPPRIMES")
    assert names_given("OU EST LE POLE AQUIMER ?") == {"AQUIMER"}
    # a share to compare with is no share named
    assert not extract_constraints("c'était plus ou moins de 20 % des projets ?", A).shares
    assert extract_constraints("les 30 % de projets verts, c'est atteint ?", A).shares == {"30"}
    # what one does, asked in the present; not what was called or decided
    assert analyse_query("comment une PME peut-elle adhérer à un pôle ?", A, set()).procedure
    assert analyse_query("demande subvention FUI pr ma boite comment on fait svp", A, set()).procedure
    assert analyse_query("Comment on appelle la deuxième phase ?", A, set()).procedure is None
    assert analyse_query("comment on a décidé de leur sort ?", A, set()).procedure is None


def test_behind_with_nothing_after_it_is_afterwards():
    assert in_french("et le gouvernement a fait quoi derrière ?") == "et le gouvernement a fait quoi ensuite ?"
    assert in_french("qui est derrière ce pôle ?") == "qui est derrière ce pôle ?"


def test_a_name_of_several_words_typed_in_lower_case():
    texts = ["Parmi les projets figurent Axel One, en Rhône-Alpes, et Cellmill. Hubert Falco a parlé.", "ET D'EMPLOI"]
    phrases = proper_phrases(texts)
    assert phrases == {"axel one"}  # not at a sentence's start, not a heading in capitals
    assert names_in_lower_case("c koi axel one", frozenset(phrases)) == {"axel"}
    assert names_in_lower_case("et one ?", frozenset(phrases)) == set()


def test_people_of_a_place_other_givers_and_sums_per_person():
    # the people of a place name it, except the asker's own (« je suis breton »)
    assert names_given("les pôles bretons ont touché combien ?") == {"Bretagne"}
    assert not extract_constraints("je suis breton, combien de pôles ont perdu leur label ?", A).names
    # « , non ? » checks a premise
    assert analyse_query("Energivie fait partie des pôles bretons, non ?", A, set()).checks_premise
    # others than the State give; a sum per inhabitant
    assert analyse_query("les régions ont mis combien dans les plates-formes ?", A, set()).offices == {"regions"}
    assert analyse_query("la phase 2 a coûté combien par habitant ?", A, set()).per_unit


def test_what_quel_asks_of_a_name():
    # « quel parti » of Hubert Falco: the passage must say it; not his « fonction », said by his title
    assert extract_constraints("Hubert Falco il est de quel parti ?", A).asked_word == "parti"
    assert extract_constraints("Hubert Falco occupait quelle fonction ?", A).asked is None
    assert extract_constraints("Avenia c'est dans quel domaine ?", A).asked is None
    assert answer_type("c'était quoi le budget de la DIACT ?") is AnswerType.AMOUNT


def test_review_of_the_seventeenth_session_narrows_its_rules():
    # a past year named: « cette année-là », « actuel en 2010 » are no present
    assert extract_constraints("En 2008, combien de pôles ont perdu leur label cette année-là ?", A).now is None
    assert extract_constraints("Le président actuel du pôle Aquimer en 2010, c'était qui ?", A).now is None
    # « ou ça » in the middle is « or that », no place
    assert answer_type("Les crédits de la phase 2 ont augmenté ou ça a baissé ?") is not AnswerType.PLACE
    # regions as givers only when they give
    assert (
        "regions"
        not in analyse_query("Combien l'État a-t-il affecté aux pôles de toutes les régions ?", A, set()).offices
    )
    # an impersonal inverted verb, a subject after the comma: no leaning on the turn before
    assert not leans_on_earlier_turn(
        "faut-il etre une pme pour rejoindre un pole ?", ["faut", "pme", "rejoindr", "pol"]
    )
    assert not leans_on_earlier_turn("quand a-t-elle ete lancee, la phase 3 ?", ["lance", "phas", "3"])
    # the asker's people only, and a place also asked outside the asker's clause stays
    assert extract_constraints("Nous sommes une association du pôle Aquimer, combien a-t-il reçu ?", A).names == {
        "Aquimer"
    }
    assert extract_constraints("Je suis breton, combien ont reçu les pôles bretons ?", A).names == {"Bretagne"}
    # in capitals, a name follows « PÔLE »; a word after « PÔLES » says something of them
    assert names_given("LE PÔLE FINANCE INNOVATION A TOUCHÉ COMBIEN ?") == {"FINANCE"}
    # a share asked of, not compared in a yes/no question
    assert extract_constraints("Quels projets ont reçu plus de 40 % des aides ?", A).shares == {"40"}
    # « quel » a few words after the name, no comma between
    assert extract_constraints("Entre Cellmill et Axel One, quelles différences ?", A).asked is None
    # a creation as a deed, not « créées par l'État » said in passing; a fact « comment on fait pour savoir »
    assert analyse_query("À quoi servent les plates-formes créées par l'État ?", A, set()).created is None
    assert analyse_query("Comment on fait pour savoir quels pôles ont perdu leur label ?", A, set()).procedure is None


def test_a_figure_and_a_half_is_written_as_a_figure():
    assert figures_named(with_halves("sur le milliard et demi")) == {"1,5"}
    assert figures_named(with_halves("2 milliards et demi")) == {"2,5"}
    assert with_halves("deux milliards et demi") == "deux milliards et demi"  # left as it is


def test_a_comparison_asked_is_told_from_a_figure_asked():
    for question in (
        "Au final, après les écotech, il y avait plus de pôles qu'avant ?",
        "EN MAI 2010 IL Y A EU PLUS DE POLES AJOUTES OU SUPPRIMES",
        "Le budget de l'État a-t-il augmenté entre la phase 1 et la phase 2 ?",
        "les contrats de perf, ils changent quoi par rapport à avant ?",
    ):
        assert analyse_query(question, A, set()).compared, question
    for question in (
        "quels sont les pôles les plus importants ?",  # a superlative
        "qui a changé le nom de la phase 2 ?",  # who
        "les pôles ayant plus de 50 salariés, qu'ont-ils reçu ?",
        "la part des projets écolo devait monter à plus ou moins que 25 % ?",  # a figure to check, not a comparison
        "plus ou moins de la moitié des propositions ont passé la présélection ?",
        "Combien de pôles ont perdu leur label ?",
    ):
        assert not analyse_query(question, A, set()).compared, question


def test_what_came_later_is_asked_of_the_sentence_quoted_before():
    lost = "quels pôles ont perdu leur label en mai 2010 ?"
    quoted = "Six pôles ont en revanche perdu leur label"
    later = analyse_query("et Sporaltec il a été relabellisé plus tard ?", A, set(), lost, said_before=quoted)
    assert later.later == "plus tard" and later.told_before == quoted
    assert analyse_query("et Sporaltec a été relabellisé depuis ?", A, set(), lost, said_before=quoted).later
    for question in (
        "et après ?",  # what came next in the documents
        "et depuis quand ?",  # when it began
        "et il fallait envoyer le dossier au plus tard quand ?",  # a deadline
        "et c'était piloté depuis Paris ?",  # a place
        "et ensuite combien ont été présélectionnées ?",  # « ensuite » goes on talking
    ):
        assert analyse_query(question, A, set(), lost, said_before=quoted).later is None, question
    assert analyse_query("Sporaltec a été relabellisé plus tard ?", A, set()).later is None  # no turn before


def test_a_yes_or_no_on_what_came_of_it_in_the_end_asks_an_outcome():
    question = "Cellmill, la plate-forme sur les cellules souches, elle a finalement obtenu son financement ?"
    assert analyse_query(question, A, set()).outcome == "a finalement obtenu"
    assert analyse_query("ils ont vraiment été présélectionnés ?", A, set()).outcome == "vraiment"  # stress only
    assert analyse_query("Qui a finalement obtenu le label ?", A, set()).outcome is None  # who, not whether


def test_how_something_goes_on_is_asked_for():
    asked = analyse_query("Comment se déroulent concrètement les ateliers GTI ?", A, set())
    assert asked.manner == "Comment se déroulent"
    assert analyse_query("l'examen à 18 mois, ça se passe comment ?", A, set()).manner == "se passe comment"
    assert analyse_query("Comment s'appelle le pôle consacré à l'eau ?", A, set()).manner is None


def test_things_listed_by_quels_must_be_named():
    asked = extract_constraints("Quels indicateurs doivent figurer dans un contrat ?", A)
    assert asked.listed == "indicateurs" and asked.asked is None  # no other constraint from it
    assert extract_constraints("Sur quels critères le CIADT a choisi ?", A).listed_word == "critères"
    assert extract_constraints("Quelles entreprises sont membres ?", A).listed is None  # things a list names
    assert extract_constraints("Quel indicateur ?", A).listed is None  # one thing asked, not a list
    asked = extract_constraints("quels sont les indicateurs précis que le pôle doit suivre ?", A)
    assert asked.listed == "indicateurs"
    shared = extract_constraints("Et comment cette somme était-elle répartie entre les ministères ?", A)
    assert shared.listed_word == "ministères"  # what it was shared among
    assert extract_constraints("Les crédits étaient répartis par les préfets ?", A).listed is None  # who did it
    assert extract_constraints("répartie entre plusieurs ministères ?", A).listed is None


def test_a_participle_after_combien_counts_things_and_c_est_stands_for_what_was_spoken_of():
    assert counts_who_did("et au final cb financées ?") and counts_who_did("combien retenus ?")
    assert not counts_who_did("cb coûtent ?") and not counts_who_did("ça a duré combien de mois ?")
    before = "Le pôle Sporaltec, ça porte sur quoi ?"
    city = analyse_query("et c'est installé dans quelle ville ?", A, set(), before)
    assert city.leans_on and city.constraints.names == {"Sporaltec"}  # the name spoken of before
    for question in (
        "c'est possible ou pas d'adhérer à un pôle sans être une PME ?",  # an adjective, no participle
        "c'est utile comment un pôle pour une PME ?",
        "c'est organisé dans quelle ville la journée nationale des pôles ?",  # names what it asks of
    ):
        assert not analyse_query(question, A, set(), before).leans_on, question
    assert counts_who_did("combien inscrits ?")


def test_a_duration_in_years_counts_no_thing_and_c_est_etale_leans_on_the_turn_before():
    before = "Combien l'État a mis sur la table pour la phase 2 des pôles ?"
    spread = analyse_query("et c'est étalé sur combien d'années ?", A, set(), before)
    assert spread.leans_on and spread.kind is AnswerType.PERIOD
    assert spread.constraints.asked is None  # « années » is the unit of the answer, not a thing it counts
    assert extract_constraints("la phase 2 a duré cb de mois ?", A).asked is None
    for elliptic in ("Sur combien d'années ?", "et c sur cb d'annees ?"):
        assert analyse_query(elliptic, A, set(), before).leans_on, elliptic


def test_the_number_of_things_asked_in_a_sentence_counts_them():
    question = "Je cherche le nombre exact de projets collaboratifs financés pendant la phase 2, vous l'avez ?"
    assert answer_type(question) is AnswerType.NUMBER
    assert extract_constraints(question, A).asked_word == "projets"


def test_so_many_things_named_in_words_are_figures():
    assert extract_constraints("C'était quoi les treize candidatures recalées ?", A).figures == {"13"}
    assert extract_constraints("ces dix-neuf dossiers venaient d'où ?", A).figures == {"19"}
    assert not extract_constraints("les deux phases ont coûté combien ?", A).figures  # « both »
    assert not extract_constraints("trois ans de visibilité ?", A).figures  # no determiner: rarely a figure meant
    assert answer_type("C'était quoi les treize candidatures recalées ?") is AnswerType.NAME
    assert answer_type("C'est quoi les plates-formes d'innovation ?") is not AnswerType.NAME  # what they are


def test_a_short_question_opening_on_a_preposition_stands_alone():
    before = "Qui préside le pôle Avenia ?"
    for alone in ("À quoi sert Avenia ?", "Dans quelle région est Cellmill ?", "Par qui est présidé S2E2 ?"):
        assert not analyse_query(alone, A, set(), before).leans_on, alone
    assert not extract_constraints("Que sont devenus les trois quarts des projets ?", A).figures
    assert answer_type("je cherche le nombre total de projets") is AnswerType.NUMBER


def test_what_the_asker_says_of_themselves_after_the_question_asks_nothing():
    question = "Axel One c'est quoi son domaine ? j'ai vu le nom passer dans un article"
    assert analyse_query(question, A, set()).question == "Axel One c'est quoi son domaine ?"
    assert without_aside("Quel ministre ? Je fais un exposé au lycée") == "Quel ministre ?"
    assert without_aside("Qui a évalué la phase 1 ? Et la phase 2 ?") == "Qui a évalué la phase 1 ? Et la phase 2 ?"
    assert without_aside("c'est pour quand ?") == "c'est pour quand ?"  # nothing after the question


def test_how_much_for_a_part_after_an_amount_is_money():
    before = "L'État a mis combien sur la phase 2 ?"
    assert analyse_query("et là-dedans, combien pour la R&D pure ?", A, set(), context=before).kind is AnswerType.AMOUNT
    counted = "Combien de dossiers écotech ont été reçus ?"
    assert analyse_query("et combien pour l'Alsace ?", A, set(), context=counted).kind is AnswerType.NUMBER
    # a count with a verb of its own stays a count
    assert analyse_query("et combien en ont été financés ?", A, set(), context=before).kind is AnswerType.NUMBER
    assert analyse_query("combien a-t-on labellisé de pôles ?", A, set(), context=before).kind is AnswerType.NUMBER
