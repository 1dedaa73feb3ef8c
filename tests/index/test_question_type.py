from index.analysis import FrenchAnalyzer
from index.figures import counts_thing, figures_named, holds_count
from index.question_type import (
    AnswerType,
    accounts_for_the_figure,
    answer_type,
    asks_city,
    asks_length,
    counts_who_did,
    gives_a_length,
    gives_the_period_asked,
    holds_answer_type,
    names_a_place,
    names_asked,
    names_counted,
    names_in,
    origin_asked,
    places_in_a_city,
    places_it,
    says_by_whom,
)
from index.synonyms import Thesaurus

A = FrenchAnalyzer()


def counts(text: str, thing: str) -> bool:
    return counts_thing(text, set(A.terms(thing)), A.terms)


def test_a_city_asked_is_not_answered_by_a_region():
    assert asks_city("Axel One c'est dans quelle ville exactement") and not asks_city("Avenia, quelle région ?")
    assert not places_in_a_city(
        "Parmi les projets figurent Axel One, en Rhône-Alpes, consacré aux matériaux", "Axel One"
    )
    assert not places_in_a_city("- DREAM Eaux et milieux, en région Centre ;", "DREAM")
    assert places_in_a_city(
        "Six pôles ont perdu leur label : Sporaltec (Saint-Étienne), Pôle Enfant (Cholet)", "Sporaltec"
    )


def test_how_many_did_it_is_answered_by_a_count_never_by_an_amount():
    assert counts_who_did("et au final combien ont été financés ?")
    assert counts_who_did("cb d'entre eux sont restés ?")
    assert not counts_who_did("Combien l'État a-t-il donné ?") and not counts_who_did("combien de pôles ?")
    assert not holds_count("l'etat consacre 35 millions d'euros par an aux plates-formes")
    assert not holds_count("environ 200 000 euros par projet") and not holds_count("au bout de 18 mois")
    assert holds_count("il a recu 86 propositions, dont 35 ont ete preselectionnees")
    assert holds_count("le ciadt a retenu six nouveaux poles")


def test_sms_spellings_ask_what_their_words_ask():
    assert answer_type("c dans kel region") is AnswerType.PLACE
    assert answer_type("kel budget pr la phase 2") is AnswerType.AMOUNT
    assert answer_type("en quelle région se trouve Avenia ?") is AnswerType.PLACE
    assert answer_type("en quelle année ?") is AnswerType.DATE


def test_money_given_is_an_amount_a_thing_counted_is_a_number():
    assert answer_type("Combien ont été payés les cabinets qui ont évalué la phase 1 ?") is AnswerType.AMOUNT
    assert answer_type("et les collectivités, elles rajoutent combien ?") is AnswerType.AMOUNT
    assert answer_type("combien de pôles ont été ajoutés en 2010 ?") is AnswerType.NUMBER
    assert answer_type("combien ont été touchés par la réforme ?") is AnswerType.NUMBER  # affected, not paid
    # the amount said by the asker is no amount asked
    assert answer_type("en echange de l'enveloppe de 1,5 milliard, les poles doivent s'engager a quoi ?") is not (
        AnswerType.AMOUNT
    )
    assert answer_type("l'enveloppe de la phase 2 c'était combien ?") is AnswerType.AMOUNT
    assert answer_type("le budget de 2009 c'était combien ?") is AnswerType.AMOUNT  # a year is no amount said
    assert answer_type("Combien l'État a-t-il donné aux pôles pendant la phase 1 ?") is AnswerType.AMOUNT
    assert answer_type("l'Etat met combien chaque année dans les plateformes ?") is AnswerType.AMOUNT
    assert answer_type("ça rapporte combien aux entreprises ?") is AnswerType.AMOUNT
    assert answer_type("et ils ont touché cb ?") is AnswerType.AMOUNT  # money received
    # … but what a money verb is said of, when not money, is counted
    assert answer_type("combien la réforme a-t-elle touché de pôles ?") is AnswerType.NUMBER
    assert answer_type("combien l'État a financé de projets ?") is AnswerType.NUMBER
    assert answer_type("combien a-t-il touché de subventions ?") is AnswerType.AMOUNT
    assert answer_type("combien ont-ils touché de la Région ?") is AnswerType.AMOUNT  # who gave, not what is counted
    assert answer_type("combien l'État a versé de plus en 2010 ?") is AnswerType.AMOUNT
    assert answer_type("Combien de pôles ont été financés ?") is AnswerType.NUMBER
    assert answer_type("combien vers la métropole ?") is AnswerType.NUMBER  # « vers », not « versé »
    assert answer_type("Combien de millions l'État consacre-t-il aux plates-formes ?") is AnswerType.AMOUNT
    assert answer_type("l'état a lâché combien de thunes pr lancer la phase 2 ?") is AnswerType.AMOUNT  # slang
    assert answer_type("Combien d'oseille l'État a lâché ?") is AnswerType.AMOUNT
    # « combien des projets financés » counts projects (a share of them), it asks no amount
    assert answer_type("en phase 1 le dvpt durable c'était combien des projets financés ?") is AnswerType.NUMBER
    assert answer_type("Combien y a-t-il de projets financés ?") is AnswerType.NUMBER
    assert answer_type("Combien y a-t-il de pôles mis en place ?") is AnswerType.NUMBER
    assert answer_type("combien le rapport compte-t-il de recommandations ?") is AnswerType.NUMBER
    assert answer_type("Le CIADT a mis combien de temps ?") is AnswerType.PERIOD
    assert answer_type("et lequel a touché le plus d'argent ?") is AnswerType.AMOUNT  # compared by amounts
    assert answer_type("on les réexamine au bout de cb de temps ?") is AnswerType.PERIOD
    assert answer_type("et combien ont été financés au final ?") is AnswerType.NUMBER  # projects, not money
    assert answer_type("Combien ont été investis dans les six nouveaux pôles ?") is AnswerType.AMOUNT
    assert answer_type("Combien ont coûté les études ?") is AnswerType.AMOUNT
    assert answer_type("Quelle phase est la mieux financée ?") is AnswerType.AMOUNT
    assert answer_type("Quel pôle est le mieux financé ?") is AnswerType.AMOUNT
    assert answer_type("combien de sous pour les plateformes ?") is AnswerType.AMOUNT
    assert answer_type("la Caisse des dépôts file combien ?") is AnswerType.AMOUNT  # « filer », « lâcher »: give
    assert answer_type("combien de files d'attente ?") is AnswerType.NUMBER
    assert answer_type("combien ils ont été payés ?") is AnswerType.AMOUNT
    assert answer_type("combien de sous-traitants ?") is AnswerType.NUMBER
    assert answer_type("et son budget ?") is AnswerType.AMOUNT  # a money word alone asks an amount
    assert answer_type("budget de la phase 2 ?") is AnswerType.AMOUNT
    assert answer_type("et son budget, pourquoi si gros ?") is AnswerType.REASON
    assert answer_type("le budget a été voté quand ?") is AnswerType.DATE  # another question word asks
    assert answer_type("l'enveloppe a été gérée par qui ?") is AnswerType.PERSON


def test_a_number_counts_the_thing_next_to_it():
    assert counts("Il a reçu 86 propositions, dont 35 ont été présélectionnées", "propositions")
    assert counts("dix-neuf candidatures ont été reçues", "candidatures")
    assert counts("le nombre total de pôles reste de 71.", "pôles")


def test_money_percentages_years_and_days_count_nothing():
    assert not counts("L'État consacre 35 millions d'euros par an aux plates-formes", "plates-formes")
    assert not counts("19 % des projets financés", "projets")
    assert not counts("le CIADT du 11 mai 2010 a retenu des pôles", "pôles")
    assert not counts("l'État a affecté 1,5 milliard d'euros à la deuxième phase des pôles", "pôles")
    assert not counts("La 4ème journée des pôles de compétitivité", "pôles")  # an ordinal
    assert not counts("600 M€ pour les pôles", "pôles")
    assert counts("vingt-deux pôles", "pôles") and counts("soixante-et-onze pôles", "pôles")
    assert not counts("Les pôles du groupe 2 font l'objet d'un examen", "pôles")  # a label, not a count
    assert not counts("23 de ces projets relèvent de pôles mondiaux", "pôles")  # 23 projects
    assert counts("23 de ces projets relèvent de pôles mondiaux", "projets")
    assert not counts("les pôles de la phase 2", "pôles") and counts("les 13 pôles du groupe 3", "pôles")
    assert not counts("La Caisse des Dépôts apporte environ 200 000 euros par projet", "projets")  # one amount


def test_years_asked_for_are_counted_in_years():
    # « combien d'années » is looked for with its thesaurus family, « années ans »
    assert counts("1,5 milliard d'euros sur trois ans", "années ans") and counts("pendant 3 ans", "ans")
    assert not counts("1,5 milliard d'euros sur trois ans", "pôles")


def test_who_in_an_office_the_question_names_is_not_that_office():
    falco = "Hubert Falco, secrétaire d'État chargé de l'aménagement du territoire, y a annoncé un gel"
    assert holds_answer_type(falco, AnswerType.PERSON, frozenset({"gouvernement"}))
    assert not holds_answer_type("le gouvernement a rouvert un appel", AnswerType.PERSON, frozenset({"gouvernement"}))


def test_who_is_answered_by_someone_not_by_a_place():
    assert holds_answer_type("annoncée par le Premier ministre François Fillon", AnswerType.PERSON)
    assert holds_answer_type("confiée aux cabinets Boston Consulting Group (BCG)", AnswerType.PERSON)
    assert not holds_answer_type("la cinquième journée, organisée à Paris le 30 juin 2009", AnswerType.PERSON)
    assert holds_answer_type("l'État a affecté 1,5 milliard d'euros", AnswerType.PERSON)  # an office
    assert holds_answer_type("Le gouvernement en a tiré les conséquences", AnswerType.PERSON)
    assert holds_answer_type("remis au Premier ministre", AnswerType.PERSON)
    assert holds_answer_type("Le rapport a été remis à la Commission européenne.", AnswerType.PERSON)
    # people named by their role
    assert holds_answer_type("les présidents des 71 pôles se sont retrouvés à Bercy", AnswerType.PERSON)
    assert holds_answer_type("le renforcement du rôle des correspondants d'État ;", AnswerType.PERSON)
    assert holds_answer_type("entre les gouvernances des pôles et les pouvoirs publics", AnswerType.PERSON)
    assert not holds_answer_type("la 2ème phase comprend trois axes", AnswerType.PERSON)
    assert not holds_answer_type(
        "les acteurs de l'innovation et leurs partenaires", AnswerType.PERSON
    )  # said of anything


def test_short_nominal_questions_say_what_they_ask():
    assert answer_type("rallongée de combien ?") is AnswerType.PERIOD  # a length of time, « d'un an »
    assert answer_type("le budget a augmenté de combien ?") is AnswerType.AMOUNT
    assert answer_type("un pôle sur les bâtiments économes ?") is AnswerType.NAME  # a pôle asked by what it does
    assert answer_type("le pôle pour la viande ?") is AnswerType.NAME
    assert answer_type("le pôle dans le Nord est présidé par qui ?") is AnswerType.PERSON
    assert answer_type("les pôles du groupe 2 ont-ils un examen ?") is AnswerType.OTHER
    assert answer_type("les 35 plateformes, combien finalement financées ?") is AnswerType.NUMBER  # not euros
    assert answer_type("les plateformes ça sert à quoi concrètement ?") is AnswerType.REASON  # a purpose
    assert answer_type("à quoi ça sert les GTI ?") is AnswerType.REASON


def test_when_is_answered_by_a_date_or_a_delay():
    assert holds_answer_type("rendues publiques en juin 2008", AnswerType.DATE)
    assert holds_answer_type("un examen intermédiaire au bout de 18 mois", AnswerType.DATE)
    assert holds_answer_type("un nouvel appel dans deux ans", AnswerType.DATE)
    assert not holds_answer_type("18 pôles ont été retenus", AnswerType.DATE)


def test_where_is_answered_by_a_place_or_an_office_to_apply_to():
    assert holds_answer_type("organisée à Paris le 30 juin 2009", AnswerType.PLACE)
    assert holds_answer_type("Les dossiers pouvaient être déposés auprès des préfets de région", AnswerType.PLACE)
    assert not holds_answer_type("dix-neuf candidatures ont été reçues", AnswerType.PLACE)
    assert holds_answer_type("Sporaltec (Saint-Étienne)", AnswerType.PLACE)
    assert not holds_answer_type("le Comité interministériel (CIADT)", AnswerType.PLACE)  # an acronym
    assert answer_type("c koi le budget de la phase 3 ?") is AnswerType.AMOUNT
    assert answer_type("c'est koi le budget de la phase 3 ?") is AnswerType.AMOUNT
    assert answer_type("le budget de la phase 3 c koi ?") is AnswerType.AMOUNT
    assert not holds_answer_type("Le pôle mène des actions auprès des entreprises.", AnswerType.PLACE)


def test_to_whom_asks_for_someone():
    for question in (
        "Les candidatures, il fallait les adresser à qui ?",
        "ce sont les propos de qui ?",
        "Quel membre du gouvernement a fait une annonce ?",
        "Quelle personnalité a pris la parole ?",
        "quels élus étaient là ?",
        "C'est qui côté administration qui suit les pôles ?",
        "auprès de quelle autorité fallait-il adresser son dossier ?",
        "Quelle administration suit les pôles ?",
    ):
        assert answer_type(question) is AnswerType.PERSON, question


def test_which_poles_asks_for_names():
    assert answer_type("QUELS PÔLES DU GROUPE 3 ONT GARDÉ LEUR LABEL ?") is AnswerType.NAME
    assert answer_type("Quel pôle travaille sur la géothermie ?") is AnswerType.NAME
    assert answer_type("Combien de pôles ?") is AnswerType.NUMBER
    assert holds_answer_type("le label de sept d'entre eux : Nov@log, Maud, Aquimer", AnswerType.NAME)
    assert holds_answer_type("- Avenia, en Aquitaine, consacré au sous-sol", AnswerType.NAME)
    assert not holds_answer_type("Les 13 pôles du groupe 3 ont conservé leur label", AnswerType.NAME)


def test_a_duration_answers_how_long():
    assert answer_type("Le groupe 2 il a un examen au bout de combien de temps ?") is AnswerType.PERIOD
    assert holds_answer_type("un examen intermédiaire au bout de 18 mois", AnswerType.PERIOD)
    assert holds_answer_type("1,5 milliard d'euros sur trois ans", AnswerType.PERIOD)
    assert not holds_answer_type("la 4ème journée des pôles", AnswerType.PERIOD)


def test_who_is_not_read_in_il_y_a_qui():
    assert answer_type("Qu'est-ce qu'il y a qui change en phase 3 ?") is not AnswerType.PERSON
    assert not holds_answer_type("une année charnière", AnswerType.PERIOD)


def test_the_first_period_names_a_phase_it_asks_for_no_period():
    assert answer_type("Quels consultants ont fait le bilan de la première période ?") is AnswerType.PERSON
    assert answer_type("Quelle période couvre la phase 2 ?") is AnswerType.PERIOD
    assert answer_type("Que font les pôles pendant la période 2013-2018 ?") is AnswerType.OTHER  # said, not asked


def test_what_still_falls_short_is_answered_by_what_remains_to_be_done():
    for question in (
        "Qu'est-ce qui pèche encore, d'après l'étude ?",
        "Sur quel point les pôles doivent-ils encore progresser ?",
        "Qu'est-ce qui n'a pas été jugé satisfaisant dans l'étude menée en 2012 ?",
        "quels sont les points faibles des pôles ?",
        "Qu'est-ce qu'on reprochait à Sporaltec pour lui retirer son label ?",
    ):
        assert answer_type(question) is AnswerType.SHORTCOMING, question
    assert answer_type("Les pôles doivent mieux accompagner qui ?") is AnswerType.PERSON  # « qui ? » at the end
    assert answer_type("le secrétaire d'État c'était qui ?") is AnswerType.PERSON
    assert holds_answer_type("mais que les retombées économiques restent à renforcer", AnswerType.SHORTCOMING)
    assert not holds_answer_type("les pôles ont réussi à faire émerger de nombreux projets", AnswerType.SHORTCOMING)


def test_names_asked_for_are_names():
    assert answer_type("Quels étaient les noms des dix-neuf candidatures ?") is AnswerType.NAME
    assert answer_type("comment s'appellent les nouveaux pôles ?") is AnswerType.NAME
    assert answer_type("c koi leurs noms ?") is AnswerType.NAME
    # a list asked for: « lister », « citez-moi »; not a thing cited
    assert answer_type("tu peux me lister les 58 poles qui etaient ok apres l'eval de 2008") is AnswerType.NAME
    assert names_counted("tu peux me lister les 58 poles qui etaient ok") == 58
    assert answer_type("citez-moi les pôles retenus en 2010") is AnswerType.NAME
    assert answer_type("le pôle cité par le ministre est où ?") is not AnswerType.NAME
    assert answer_type("tu peux me lister les trois axes de la phase 2 ?") is not AnswerType.NAME  # no names
    assert answer_type("qui devait nommer les correspondants d'État ?") is AnswerType.PERSON
    assert answer_type("liste les 58 pôles") is AnswerType.NAME


def test_a_budget_asked_with_combien_is_an_amount():
    assert answer_type("et son budget c'est combien ?") is AnswerType.AMOUNT


def test_why_in_sms_and_anywhere_in_the_question():
    assert answer_type("pk ils ont rallongé la phase 2 d'un an ??") is AnswerType.REASON
    assert answer_type("la phase 2, pourquoi elle a été prolongée ?") is AnswerType.REASON
    assert answer_type("C'est pourquoi l'État a prolongé la phase 2, non ?") is not AnswerType.REASON  # « so »


def test_a_place_is_the_place_of_the_name_it_follows():
    text = "figurent Axel One, en Rhône-Alpes, consacré aux matériaux, et Cellmill, qui vise une plate-forme"
    assert places_it(text, "Axel One") and not places_it(text, "Cellmill")
    assert places_it("- DREAM Eaux et milieux, en région Centre ;", "DREAM")
    assert places_it("Sporaltec (Saint-Étienne), Mobilité", "Sporaltec")


def test_a_list_asked_for_is_names():
    assert answer_type("Pouvez-vous me donner la liste des 58 pôles ?") is AnswerType.NAME


def test_a_purpose_is_a_reason():
    assert answer_type("à quoi sert une plateforme d'innovation ?") is AnswerType.REASON
    assert holds_answer_type("des équipements partagés pour tester de nouveaux produits", AnswerType.REASON)
    assert holds_answer_type("pour mieux coordonner les deux dispositifs", AnswerType.REASON)
    assert not holds_answer_type("confirmé pour la période 2009-2011", AnswerType.REASON)
    # why a figure is what it is: what accounts for it, said first in a sentence; not the cause of a decision
    total = "Le CIADT a retenu six pôles. Avec ces six labels et les six retraits, le total reste de 71."
    assert accounts_for_the_figure("Pourquoi le chiffre n'a pas bougé avec les nouveaux ?", total)
    assert not accounts_for_the_figure("Pourquoi le gouvernement a-t-il gelé les labels ?", total)
    assert not accounts_for_the_figure("Pourquoi 6 pôles ont-ils perdu leur label ?", total)  # a figure, no change
    assert accounts_for_the_figure("pk ça a pas bougé alors qu'il y en a eu des nouveaux ?", total)
    assert not accounts_for_the_figure("Pourquoi le chiffre n'a pas bougé ?", "Le CIADT travaille avec ces pôles.")
    assert not holds_answer_type("Energivie, en Alsace, pour le bâtiment durable", AnswerType.REASON)


def test_a_judgement_does_not_take_over_a_question_with_its_own_kind():
    assert answer_type("Combien de pôles ont été jugés insuffisants ?") is AnswerType.NUMBER
    assert answer_type("Qui a reproché aux pôles leur manque de résultats ?") is AnswerType.PERSON
    assert answer_type("Combien de projets ont été un succès ?") is AnswerType.NUMBER
    assert answer_type("Qui a accès au crédit d'impôt recherche ?") is AnswerType.PERSON  # not « au crédit de »
    assert answer_type("Quels pôles travaillent sur la pêche ?") is AnswerType.NAME  # the fishing, not « pécher »
    assert answer_type("Qu’ont-ils réussi ?") is AnswerType.STRENGTH  # a phone's apostrophe
    assert answer_type("Qui a donné son nom au pôle ?") is AnswerType.PERSON
    assert not holds_answer_type("ils n'ont pas réussi", AnswerType.STRENGTH)
    assert not holds_answer_type("un positionnement", AnswerType.STRENGTH)
    assert not holds_answer_type("pour le Premier ministre", AnswerType.REASON)


def test_what_went_well_is_answered_by_what_succeeded():
    assert answer_type("Qu'est-ce que l'étude de 2012 porte au crédit des pôles ?") is AnswerType.STRENGTH
    assert answer_type("quels sont les points forts des pôles ?") is AnswerType.STRENGTH
    assert holds_answer_type("les pôles ont réussi à faire émerger de nombreux projets", AnswerType.STRENGTH)
    assert not holds_answer_type("les retombées économiques restent à renforcer", AnswerType.STRENGTH)


def test_how_far_is_answered_by_up_to_what():
    assert answer_type("Jusqu'où les pôles suivent-ils les PME pendant la période 2013-2018 ?") is AnswerType.EXTENT
    assert answer_type("jusqu'à quel stade les pôles accompagnent les ETI ?") is AnswerType.EXTENT
    assert answer_type("Où s'est tenue la journée ?") is AnswerType.PLACE
    assert holds_answer_type("de la recherche jusqu'à la mise sur le marché", AnswerType.EXTENT)
    assert not holds_answer_type("pour la période 2013-2018", AnswerType.EXTENT)


def test_a_figure_for_combien_is_no_label_duration_or_day():
    assert holds_answer_type("dix-neuf candidatures ont été reçues", AnswerType.NUMBER)
    assert holds_answer_type("19 % des projets", AnswerType.NUMBER)
    assert not holds_answer_type("Les pôles du groupe 2 sont revus au bout de 18 mois", AnswerType.NUMBER)
    assert not holds_answer_type("le CIADT du 11 mai 2010", AnswerType.NUMBER)


def test_when_after_another_question_word_opens_a_clause_it_asks_nothing():
    assert answer_type("Hubert Falco, il avait quel poste quand il a pris la parole ?") is AnswerType.OTHER
    assert answer_type("combien de pôles quand elle a été lancée ?") is AnswerType.NUMBER
    assert answer_type("et quand il a été lancé ?") is AnswerType.DATE  # « quand » asked, typed fast
    assert answer_type("Qui l'a annoncé et quand ?") is AnswerType.DATE
    # « qui » after a noun is a relative: the date is still asked
    assert answer_type("Les six pôles qui ont perdu leur label, quand ils l'ont perdu ?") is AnswerType.DATE


def test_how_long_is_answered_by_until_when():
    held = "Les 13 pôles du groupe 3 ont conservé leur label jusqu'à la fin de l'année 2009 afin de faire leurs preuves"
    assert holds_answer_type(held, AnswerType.PERIOD)
    assert not holds_answer_type("jusqu'à la mise sur le marché", AnswerType.PERIOD)


def test_where_after_a_time_says_when():
    assert answer_type("Le jour où les six pôles ont été labellisés, en a-t-on enlevé ?") is not AnswerType.PLACE
    assert answer_type("le pôle team2 il est où ?") is AnswerType.PLACE
    assert answer_type("à l'heure où la phase 2 a été lancée, combien de pôles ?") is AnswerType.NUMBER


def test_names_asked_by_the_dozen_need_a_list_of_names():

    assert names_counted("Pouvez-vous me donner la liste des 58 pôles classés dans les groupes 1 et 2 ?") == 58
    assert names_counted("Quels étaient les treize candidats qui n'ont pas été retenus ?") == 13
    # so many things spoken of, then « lesquelles ? »
    assert names_counted("et les 13 recalees c'etait lesquelles") == 13
    assert names_counted("et les 13 qui ont pas été retenues c t lesquelles ?") == 13
    assert names_counted("et les trois premiers, c'était lesquels ?") == 2  # an ordinal, no count
    assert names_counted("Dans les trois ans qui ont suivi, lesquels ont perdu leur label ?") == 2  # a time
    assert names_counted("Parmi les 13 pôles en sursis, lesquels ont gardé leur label ?") == 2  # some of them
    assert answer_type("Quels sont les six nouveaux pôles ?") is AnswerType.NAME
    assert answer_type("Quelles sont les missions des pôles de compétitivité ?") is not AnswerType.NAME
    assert names_counted("Quels sont les trois axes de la phase 2 ?") == 0  # axes are no names
    # « lesquelles ? » asks to name them, more than one; « lequel » is another kind of question
    assert answer_type("et celles qui ont été rejetées, c'était lesquelles ?") is AnswerType.NAME
    assert names_counted("et celles qui ont été rejetées, c'était lesquelles ?") == 2
    assert names_counted("Et lequel s'occupe de géothermie ?") == 0
    assert names_counted("Les régions dans lesquelles le pôle Eau est porté ?") == 0  # a relative pronoun
    # « quels pôles … ? » asks to name more than one; « quelles entreprises » asks what kind (« les PME, les ETI »)
    assert names_counted("quels pôles du groupe 2 ont vu leur soutien revu après 18 mois ?") == 2
    assert names_counted("quel pôle coordonne les pôles de l'eau ?") == 0
    assert names_counted("Quelles entreprises la phase 3 veut-elle mieux accompagner ?") == 0
    cabinets = "a été confiée aux cabinets Boston Consulting Group (BCG) et CM International ; ses conclusions"
    assert names_in(cabinets) == 2  # one name however many words
    assert (
        names_in("de sept d'entre eux : Nov@log, Maud, Q@LI-MEDiterranée, S2E2, Pass, Aquimer et Nucléaire Bourgogne.")
        == 7
    )


def test_precise_names_are_asked_of_things_that_have_names():

    assert names_asked("Quels pôles précis étaient classés dans le groupe 2 ?")
    faults = "Quelles faiblesses précises ont été reprochées à InnoViandes ?"
    assert not names_asked(faults) and answer_type(faults) is AnswerType.SHORTCOMING
    assert names_counted("Quels étaient les treize dossiers écotech qui n'ont pas été retenus ?") == 13


def test_who_did_it_is_said_after_the_deed_or_as_the_subject_of_its_verb():
    thesaurus = Thesaurus(A)
    done = A.terms("évalué")[0]

    def says(text: str, deed: str = done, besides: frozenset[str] = frozenset()) -> bool | None:
        return says_by_whom(text, deed, thesaurus, A.terms, besides)

    assert says("L'évaluation de la première phase a été confiée aux cabinets BCG et CM International.")
    assert says("La phase a été évaluée par le cabinet Technopolis.")
    # who spoke, before the evaluation, did not evaluate
    assert says("Des discours prononcés par le Président après les résultats de l'évaluation.") is False
    assert says("Après l'évaluation positive de la première phase, l'État a affecté 1,5 milliard.") is False
    assert says("Le label a été confirmé pour trois ans.") is None  # no evaluation spoken of
    # its subject did it
    assert says("Les collectivités territoriales peuvent compléter ce financement.", A.terms("compléter")[0])
    financed = A.terms("financer")[0]
    assert says("Les collectivités territoriales peuvent compléter ce financement.", financed)
    # not an office set aside: « hormis l'État, qui finance … ? »
    assert says("L'État finance les plates-formes.", financed, frozenset({"l'etat"})) is False


def test_the_figures_a_text_names_are_plain_numbers_whether_in_digits_or_words():
    assert figures_named("dix-neuf candidatures ont ete recues") == {"19"} == figures_named("les 19 dossiers")
    assert figures_named("soixante-et-onze poles, 200 000 euros, 1,5 milliard") == {"71", "200000", "1,5"}
    assert figures_named("au bout de 18 mois") == {"18"}
    assert figures_named("les 71 poles en trois groupes : 58 poles") == {"71", "3", "58"}
    # labels, ordinals, days, years, percentages, names and a form asked are no figures
    assert not figures_named("les groupes 1 et 2, le 1er octobre 2008, la 4e journee, le 11 mai, 30 %")
    assert not figures_named("team2, s2e2, poles 2.0, en 2 mots")
    # a question's figures in words are rarely meant (« les deux », « trois ans »), nor is « 1 seul »
    assert figures_named("les deux phases en 1 seul domaine, 80 poles", digits_only=True) == {"80"}


def test_figures_are_read_as_people_type_them():
    assert figures_named("le budget c'etait 2,5m€ ou 1,5md ?") == {"2,5", "1,5"}  # a scale glued on is no name
    assert figures_named("200k par projet") == {"200000"} == figures_named("200 000 euros par projet")
    assert figures_named("chaque projet a eu 2,5k€ ?") == {"2,5"}  # no « 2,5000 »
    assert figures_named("0,5 milliard et 07 dossiers") == {"0,5", "7"}
    assert figures_named("trois cents dossiers, vingt-et-un poles, quatre-vingts") == {"300", "21", "80"}
    assert figures_named("trois cent cinquante dossiers, mille deux cents euros") == {"350", "1200"}
    assert figures_named("deux cents millions") == {"200"}  # a figure and its scale
    assert figures_named("deux cent un dossiers, cent un projets, deux cent une entreprises") == {"201", "101"}
    assert figures_named("les projets recents deux ans plus tard") == {"2"}  # « récents » is no « cent »
    # every label of a list is a label; a figure after the list is not
    assert figures_named("les phases 1, 2 et 3") == set()
    assert figures_named("la phase 2 et 35 millions") == {"35"}
    assert figures_named("les groupes 1 a 3, la phase 1 et 2") == set()  # a range, and a list in the singular
    assert figures_named("la phase 2, 3 poles") == {"3"} == figures_named("la phase 2 a 3 axes")  # a count after


def test_where_things_came_from_is_a_place_not_the_office_they_went_to():
    assert origin_asked("les 19 dossiers ecotech venaient d’où ?") == "venaient d'où"
    assert origin_asked("ils venaient de quelles régions ?") == "venaient de quelles régions"
    assert not origin_asked("il fallait envoyer les dossiers où ?")
    assert not origin_asked("et d'où vient l'argent ?")  # a fund answers: « pris sur le FUI »
    assert origin_asked("d'ou viennent les poles retenus ?") == "d'ou viennent"
    assert origin_asked("ils viennent de quelles villes ?") == "viennent de quelles villes"
    assert origin_asked("la provenance des dossiers ?") == "provenance"
    assert not origin_asked("d'où vient l'idée des pôles ?") and not origin_asked("le retard vient d'où ?")  # a cause
    assert origin_asked("d'où sont-ils venus ?") == "d'où sont-ils venus"  # the subject in the question's words
    assert origin_asked("il vient d'où ce pôle ?") == "vient d'où"  # the subject after them
    assert origin_asked("les porteurs venaient d'où ?") == "venaient d'où"
    assert not origin_asked("il vient d'où ce retard ?")
    assert names_a_place("Energivie, en Alsace") and names_a_place("Sporaltec (Saint-Étienne)")
    assert not names_a_place("Les dossiers pouvaient être déposés auprès des préfets de région.")


def test_what_something_is_spread_over_is_a_length_not_the_bounds_of_a_period():
    assert asks_length("et c sur cb d'annees ?") and asks_length("Sur combien d'années ?")
    assert not asks_length("la phase 2 a duré combien d'années ?")  # « 2009-2012 » answers it
    assert answer_type("la phase 2 a duré combien d'années ?") is AnswerType.PERIOD
    assert gives_a_length("1,5 milliard d'euros sur trois ans") and gives_a_length("prolongée d'un an")
    assert gives_a_length("prolongée d'une année") and asks_length("sur combien d’années ?")
    assert not gives_a_length("une deuxième phase (2009-2012)")
    assert gives_the_period_asked("une deuxième phase (2009-2012)", "la phase 2 a duré combien d'années ?")
    assert not gives_the_period_asked("une deuxième phase (2009-2012)", "sur combien d'années ?")
