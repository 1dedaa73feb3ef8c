"""The real model, the real corpus (default + updates), real French questions."""

import json

import pytest
from tests_paths import EVAL

from qa.evaluation import evaluate, fold, load_questions
from qa.models import REFUSAL
from qa.validation import QuestionError

pytestmark = pytest.mark.slow


def declined_or_caveat(answer, said: str) -> bool:
    """Declined, or answered with the low-confidence caveat that says `said` (« Les documents ne … »)."""
    return answer.refused or (answer.confidence == "low" and said in answer.answer)


def test_budget_question_cites_the_passage_with_the_amount(real_service):
    answer = real_service.ask("Combien l'État a-t-il consacré à la deuxième phase des pôles ?")
    assert not answer.refused
    assert "1,5 milliard" in answer.answer and "[1]" in answer.answer
    assert "1,5 milliard" in answer.citations[0].text
    assert answer.citations[0].doc_id == "poles-phase2-2009-2012.txt"
    assert [c.n for c in answer.citations] == [1, 2, 3]


def test_answer_survives_missing_accents_and_sms_spelling(real_service):
    answer = real_service.ask("kel pole travaille sur la geothermie")
    assert "Avenia" in answer.citations[0].text


def test_a_question_typed_in_capitals_is_answered(real_service):
    answer = real_service.ask("QUEL BUDGET POUR LA PHASE 2 ?")
    assert not answer.refused and "1,5 milliard" in answer.answer


def test_out_of_scope_question_is_declined_without_sources(real_service):
    answer = real_service.ask("Quelle est la recette de la ratatouille ?")
    assert answer.refused and answer.answer == REFUSAL and answer.citations == []


def test_question_whose_subject_the_corpus_never_mentions_is_declined(real_service):
    # "coûte" meets the financing vocabulary; "iPhone" appears nowhere: decline, do not guess.
    assert real_service.ask("Combien coûte un iPhone ?").refused
    assert real_service.ask("Qui est le président des États-Unis ?").refused


def test_follow_up_is_resolved_with_the_previous_turn(real_service):
    first = real_service.ask("Qu'est-ce que les plates-formes d'innovation ?")
    second = real_service.ask("Et combien l'État y consacre-t-il par an ?", first.conversation_id)
    assert second.conversation_id == first.conversation_id
    assert "35 millions" in second.answer
    assert second.citations[0].doc_id == "plates-formes-innovation.md"


def test_follow_up_that_means_nothing_alone(real_service):
    first = real_service.ask("Parle-moi de l'évaluation de la première phase.")
    second = real_service.ask("Qui l'a réalisée ?", first.conversation_id)
    assert not second.refused
    assert any("Boston Consulting Group" in c.text for c in second.citations)
    assert real_service.ask("Qui l'a réalisée ?").refused


def test_a_follow_up_about_what_the_documents_do_not_say_is_not_answered_with_confidence(real_service):
    first = real_service.ask("Le pôle Avenia, il est dans quelle région ?")
    president = real_service.ask("Et qui le préside ?", first.conversation_id)
    assert declined_or_caveat(president, "Avenia")
    first = real_service.ask("c qui qui a évalué la phase 1 ?")
    cost = real_service.ask("et ça a coûté combien cette étude ?", first.conversation_id)
    assert cost.refused or cost.confidence == "low"  # not the 200 000 euros of the plates-formes' studies


def test_who_did_it_is_asked_of_what_was_just_quoted(real_service):
    first = real_service.ask("Quand le rapport d'évaluation de la phase 2 a-t-il été rendu ?")
    assert "15 juin 2012" in first.answer
    author = real_service.ask("et qui l'a rédigé ?", first.conversation_id)
    assert author.refused or author.confidence == "low"  # the documents name no author of that report
    first = real_service.ask("Jusqu'à quand la phase 2 a-t-elle été prolongée ?")
    announced = real_service.ask("Qui l'a annoncé ?", first.conversation_id)
    assert "François Fillon" in announced.answer and announced.confidence == "high"


def test_how_something_the_documents_never_name_works_is_declined(real_service):
    assert real_service.ask("Comment fonctionne le crédit d'impôt recherche pour une PME ?").refused
    answer = real_service.ask("Comment fonctionnent les contrats de performance ?")
    assert not answer.refused and "contrat de performance" in answer.answer


def test_a_follow_up_with_an_object_pronoun_keeps_the_scope_it_points_at(real_service):
    first = real_service.ask("Quand la troisième phase a-t-elle été lancée ?")
    budget = real_service.ask("Et quel budget l'État lui a-t-il consacré ?", first.conversation_id)
    assert budget.refused or budget.confidence == "low"  # phase 3's budget, which the documents do not give
    first = real_service.ask("Qui a lancé le premier appel à projets pour les plates-formes d'innovation ?")
    head = real_service.ask("Et qui dirigeait cet organisme à l'époque ?", first.conversation_id)
    assert head.refused or head.confidence == "low"


def test_an_ordinal_alone_in_a_follow_up_numbers_what_the_turn_before_numbered(real_service):
    first = real_service.ask("Quand a eu lieu la 4e journée nationale des pôles ?")
    sixth = real_service.ask("et la sixième ?", first.conversation_id)
    first = real_service.ask("Qui a évalué la première phase des pôles ?")
    second = real_service.ask("et la deuxième, c'était quel cabinet ?", first.conversation_id)
    assert all(a.refused or a.confidence == "low" for a in (sixth, second))


def test_a_year_asked_is_an_event_of_that_year_not_the_bound_of_a_period(real_service):
    # « confirmé pour la période 2009-2011 » says nothing of what happened in 2011
    assert real_service.ask("Quels pôles ont été labellisés en 2011 ?").confidence == "low"
    lost = real_service.ask("Combien de pôles ont perdu leur label en 2012 ?")  # in 2010, not 2012
    assert lost.refused or lost.confidence == "low"
    period = real_service.ask("Pour quelle période le label des pôles a-t-il été confirmé en 2009-2011 ?")
    assert period.confidence == "high" and "2009-2011" in period.answer
    between = real_service.ask("Combien l'État a-t-il consacré aux pôles entre 2009 et 2012 ?")
    assert between.confidence == "high" and "1,5 milliard" in between.answer  # a period asked, as written


def test_who_did_it_is_answered_by_a_sentence_saying_it_was_done(real_service):
    # The government launched phase 3; nobody is said to have evaluated it.
    assert real_service.ask("Qui a évalué la phase 3 ?").confidence == "low"
    spoke = real_service.ask("Qui a pris la parole à la cinquième journée nationale des pôles du 30 juin 2009 ?")
    assert spoke.confidence == "low"  # the documents say the government reopened a call there, not who spoke
    answer = real_service.ask("Qui a décidé de prolonger la phase 2 ?")  # « Cette décision a été annoncée par … »
    assert "François Fillon" in answer.answer and answer.confidence == "high"


def test_who_was_in_charge_of_a_deed_is_answered_by_the_sentence_that_says_by_whom(real_service):
    # Not « Après l'évaluation positive de la première phase, l'État a … », which says who acted after it
    for question in (
        "Qui a été chargé d'évaluer la première phase des pôles de compétitivité ?",
        "Qui a mené l'évaluation de la première phase de la politique des pôles ?",
    ):
        answer = real_service.ask(question)
        assert "Boston Consulting Group" in answer.answer and answer.confidence == "high", question
    member = real_service.ask("Quel membre du gouvernement a fait une annonce lors du lancement de Pôles 2.0 ?")
    assert "Hubert Falco" in member.answer  # someone asked for, not the meeting at Bercy


def test_a_long_form_finds_the_passages_that_write_its_acronym(real_service):
    # « (CIADT) » is spelt out once; the dates are in passages that write only « CIADT »
    answer = real_service.ask(
        "Le comite interministeriel qui a choisi les nouveaux poles ecotech s'est reuni quel jour ?"
    )
    assert "11 mai 2010" in answer.answer
    retriever = real_service._engine.retriever
    assert "fui" in retriever.analyse("c'est quoi le fonds unique interministériel ?").terms
    assert "fui" not in retriever.analyse("un fonds vraiment unique ?").terms  # the long form's words, in a row


def test_follow_ups_whose_subject_or_object_is_what_was_just_spoken_of(real_service):
    assert not real_service.ask("Il y a combien de pôles ?").refused  # stands alone
    first = real_service.ask("Quel est le mot d'ordre de la phase 3 ?")
    lasts = real_service.ask("Elle dure combien de temps ?", first.conversation_id)
    assert "2013-2018" in lasts.answer  # phase 3, not phase 2's « trois ans »
    first = real_service.ask("C'est quoi les plates-formes d'innovation ?")
    funds = real_service.ask("Qui les finance ?", first.conversation_id)
    assert funds.confidence == "high" and "financement" in funds.answer


def test_a_figure_per_thing_is_not_answered_by_a_total(real_service):
    assert real_service.ask("Combien d'euros chaque pôle a-t-il reçu en moyenne ?").confidence == "low"
    answer = real_service.ask("Combien la Caisse des Dépôts apporte-t-elle par projet ?")
    assert answer.confidence == "high" and "200 000 euros par projet" in answer.answer


def test_a_follow_up_with_l_a_keeps_the_scope_it_points_at(real_service):
    first = real_service.ask("Qu'examine l'étude d'évaluation de 2012 ?")
    firm = real_service.ask("quel cabinet l'a menée ?", first.conversation_id)
    assert firm.refused or firm.confidence == "low"  # not the cabinets of the 2008 evaluation
    first = real_service.ask("Les conclusions de l'évaluation de la 1re phase ont été publiées quand ?")
    cost = real_service.ask("Et elle a coûté combien, cette évaluation ?", first.conversation_id)
    assert cost.refused or cost.confidence == "low"  # « 1re phase »: phase 1, whose evaluation's cost is not given


def test_a_follow_up_naming_its_new_subject_first_is_answered_about_it(real_service):
    first = real_service.ask("La Caisse des Dépôts met combien par projet de plate-forme ?")
    others = real_service.ask("et les collectivités, elles mettent combien ?", first.conversation_id)
    assert "collectivités" in others.answer and others.confidence == "low"  # they may add to it; no amount


def test_how_many_among_a_number_counts_that_thing(real_service):
    among = real_service.ask("Combien des dix-neuf candidatures écotech venaient de la région Centre ?")
    assert among.refused or among.confidence == "low"  # the six pôles retained are no count of candidatures


def test_which_got_the_most_money_needs_amounts(real_service):
    first = real_service.ask("Quels sont les six nouveaux pôles écotechs ?")
    most = real_service.ask("et lequel a touché le plus d'argent ?", first.conversation_id)
    assert most.refused or most.confidence == "low"  # no amount per pôle in the documents


def test_words_users_say_for_the_documents_words(real_service):
    private = real_service.ask(
        "pour aider les boites des poles a grandir, ils voulaient s'appuyer davantage sur quel genre d'argent ?"
    )
    assert "financements privés" in private.answer  # « boîtes » ~ entreprises, « grandir » ~ croissance
    green = real_service.ask("Combien de pôles ont été créés spécialement pour les technologies vertes ?")
    assert "six nouveaux pôles" in green.answer  # « écotechnologies »
    brings = real_service.ask("Un contrat de performance, concrètement ça apporte quoi à un pôle ?")
    assert "trois ans de visibilité" in brings.answer  # « ce qui lui donne »


def test_short_questions_in_the_words_users_type(real_service):
    meat = real_service.ask("celui sur la viande il a perdu son label ?")
    assert "InnoViandes" in meat.answer  # the name read by its parts
    again = real_service.ask("groupe 2, ils sont recontrolés qd ?")
    assert "au bout de 18 mois" in again.answer  # « re- » said again; a delay answers « quand »
    assert "control" in real_service._engine.retriever.analyse("recontrôlés").terms
    assert "organis" not in real_service._engine.retriever.analyse("se réorganiser").terms  # not a thesaurus verb
    # a letter off a word of the documents, and no other: a typo; a name with a capital is not mended
    exception = real_service.ask("le gel des nouveaux labels en 2008, y avait une exeption ?")
    assert "à une exception près" in exception.answer
    assert "cellmill" in real_service._engine.retriever.analyse("cellmil sa porte sur koi").terms
    assert "aquimer" not in real_service._engine.retriever.analyse("qui préside Aquamer ?").terms
    assert "maintenu" not in real_service._engine.retriever.analyse("y a 77 pôles maintenant ?").terms
    # mended before the question is read: its checks see the word meant (a caveat on « exeption » before)
    assert real_service.ask("c'est quoi l'exeption pour les labels en 2008 ?").confidence == "high"
    assert real_service.ask("la baisse des retraites en 2010 ?").refused  # French words: not « caisse », « retraits »
    others = real_service.ask("hormis l'Etat et la Caisse des dépôts, qui met aussi des sous ds les plateformes ?")
    assert others.answer.startswith("Les collectivités territoriales")  # not the sentence whose subject is the State
    platforms = real_service.ask("les plateformes d'innovation c'est quoi ?")
    funded = real_service.ask("combien ont été financées au final ?", platforms.conversation_id)
    assert declined_or_caveat(funded, "pas de chiffre")  # plateformes counted: the documents give no such count
    evaluated = real_service.ask("qui a évalué la phase 1 ?")
    paid = real_service.ask("combien ils ont été payés ?", evaluated.conversation_id)
    assert declined_or_caveat(paid, "Les documents ne")
    team2 = real_service.ask("c'est quoi Team2 ?")
    president = real_service.ask("son président ?", team2.conversation_id)
    assert declined_or_caveat(president, "Les documents ne précisent pas")
    private = real_service.ask("more private money pour les boîtes des pôles ?")
    assert "financements privés" in private.answer
    assert real_service.ask("What is the capital of Australia?").refused  # English all through is still off-topic
    which = real_service.ask("quels pôles du groupe 2 ont vu leur soutien revu après l'examen ?")
    assert declined_or_caveat(which, "pas de nom précis")  # the documents name none of them
    slogan = real_service.ask("c'est quoi le slogan de la phase 3 ?")
    budget = real_service.ask("et son budget ?", slogan.conversation_id)
    assert declined_or_caveat(budget, "la phase 3")  # phase 3's budget: no figure in the documents


def test_a_count_or_an_edition_the_documents_do_not_give_is_not_answered_with_confidence(real_service):
    # « groupe 2 » and « 18 mois » count no pôles; the plates-formes had a first call, no second one.
    reduced = real_service.ask("Combien de pôles du groupe 2 ont vu leur financement réduit après l'examen à 18 mois ?")
    second = real_service.ask("Quels projets ont été retenus au deuxième appel à projets plates-formes d'innovation ?")
    assert all(a.refused or a.confidence == "low" for a in (reduced, second))


def test_a_follow_up_pointing_back_looks_first_at_the_passage_just_quoted(real_service):
    for question in ("Qui a évalué la première phase ?", "Qui a évalué la première phase des pôles ?"):
        # « confiée aux cabinets … » says by whom; « des discours prononcés par le Président … après la
        # publication de l'évaluation » names who spoke, not who evaluated.
        first = real_service.ask(question)
        assert "Boston Consulting Group" in first.answer
        when = real_service.ask("Et ça date de quand ?", first.conversation_id)
        assert "juin 2008" in when.answer  # the sentence just quoted, not the first phase's years (2006-2008)


def test_greeting_gets_a_reply_without_sources(real_service):
    answer = real_service.ask("Bonjour")
    assert not answer.refused and answer.citations == [] and "pôles" in answer.answer


def test_bad_question_raises_and_loses_nothing(real_service):
    first = real_service.ask("Quels sont les trois axes de la phase 2 ?")
    with pytest.raises(QuestionError):
        real_service.ask("   ", first.conversation_id)
    assert len(real_service.store.turns(first.conversation_id)) == 1


def questions(*names: str) -> list[dict]:
    return [q for name in names for q in load_questions(EVAL / f"{name}.jsonl")]


def test_dev_sets_hold_their_measured_quality(real_service):
    """Floors a little under what `make eval` measures (README), so a regression shows here."""
    # dev-5 (paraphrases) and dev-8 (near-domain and follow-ups) were written hard on purpose: README table
    numbers = (2, 3, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 18)
    dev_sets = ["questions-dev"] + [f"questions-dev-{n}" for n in numbers]
    result = evaluate(real_service, questions(*dev_sets))
    metrics = result.metrics()
    assert metrics["hit@1"] >= 0.97 and metrics["hit@3"] >= 0.985, result.failures
    assert metrics["answer_text"] >= 0.965, result.failures
    assert metrics["wrongly_declined"] <= 0.01 and metrics["offtopic_declined"] == 1.0
    assert metrics["answered_with_caveat"] <= 0.015, result.failures
    assert metrics["near_declined"] >= 0.96 and metrics["followups"] >= 0.98


def test_heldout_sets_stay_close_to_the_dev_sets(real_service):
    sets = [f"questions-heldout{n}" for n in ("", "-2", "-3", "-4", "-5", "-6", "-7", "-8", "-9")]
    metrics = evaluate(real_service, questions(*sets, "questions-offtopic-calibration")).metrics()
    assert metrics["hit@3"] >= 0.95 and metrics["hit@1"] >= 0.93  # misses not printed: held-out
    assert metrics["answer_text"] >= 0.90 and metrics["near_declined"] >= 0.87
    assert metrics["wrongly_declined"] <= 0.02 and metrics["followups"] >= 0.9
    assert metrics["offtopic_declined"] == 1.0


# Held-out sets written by helpers from the documents only, measured and never read (misses not printed): each keeps
# a floor a question under its measure in the README (the first one a question more: a near tie moved with the
# packages of a new machine), against regressions. Ceiling on answerable questions declined; every off-topic declined.
HELDOUT_FLOORS = {
    # set: hit@1, hit@3, answer_text, wrongly_declined (ceiling), near_declined, followups
    "questions-heldout-10": (0.92, 0.96, 0.85, 0.02, 0.84, 0.9),  # tenth session, mixed
    "questions-heldout-11": (0.8, 0.8, 0.76, 0.04, 0.83, 0.92),  # very short questions in everyday words
    "questions-heldout-12": (0.9, 0.93, 0.9, 0.034, 0.83, 0.91),  # held-out-11's brief, another helper
    "questions-heldout-13": (0.9, 0.96, 0.84, 0.032, 0.6, 0.9),  # eleventh session: very short everyday questions
    "questions-heldout-14": (0.86, 0.9, 0.76, 0.067, 0.85, 0.8),  # eleventh session: mixed registers
    "questions-heldout-15": (0.95, 0.95, 0.91, 0.042, 0.8, 0.9),  # twelfth session: everyday words, near-domain heavy
    "questions-heldout-16": (0.93, 0.96, 0.87, 0.033, 0.75, 0.81),  # twelfth session: mixed registers
    "questions-heldout-17": (0.88, 0.92, 0.88, 0.075, 0.73, 0.83),  # thirteenth session: near-domain traps, mixed
    "questions-heldout-18": (0.91, 0.91, 0.87, 0.042, 0.7, 0.83),  # thirteenth session: everyday words, near-heavy
    "questions-heldout-19": (0.87, 0.87, 0.87, 0.063, 0.75, 0.8),  # thirteenth session: held-out-17's brief, short
    "questions-heldout-20": (0.88, 0.94, 0.82, 0.06, 0.83, 0.62),  # fourteenth session: held-out-17's brief, short
    "questions-heldout-21": (0.93, 0.93, 0.93, 0.063, 0.69, 0.75),  # fourteenth session: held-out-18's brief, short
    "questions-heldout-22": (0.94, 0.94, 0.94, 0.12, 0.81, 0.83),  # fifteenth session: held-out-17's brief
    "questions-heldout-23": (0.83, 0.83, 0.83, 0.17, 0.75, 0.7),  # fifteenth session: conversations, near-heavy
    "questions-heldout-24": (0.83, 0.83, 0.83, 0.17, 0.71, 0.84),  # sixteenth session: conversations first
    "questions-heldout-25": (0.82, 0.94, 0.82, 0.06, 0.54, 0.88),  # sixteenth session: everyday words, near traps
    "questions-heldout-26": (0.88, 0.94, 0.88, 0.06, 0.83, 0.87),  # seventeenth session: non-specialists' words
    "questions-heldout-27": (0.83, 0.83, 0.83, 0.17, 0.71, 0.84),  # seventeenth session: everyday conversations
    "questions-heldout-28": (0.83, 0.83, 0.83, 0.17, 0.75, 0.83),  # eighteenth session: everyday conversations
    "questions-heldout-29": (0.94, 0.94, 0.94, 0.06, 0.72, 0.88),  # eighteenth session: everyday words, near traps
    "questions-heldout-30": (0.83, 0.83, 0.83, 0.17, 0.75, 0.89),  # nineteenth session: everyday conversations
    "questions-heldout-31": (0.83, 0.92, 0.83, 0.083, 0.72, 0.66),  # nineteenth session: near traps, look-alikes
    "questions-heldout-32": (0.83, 0.83, 0.66, 0.17, 0.75, 0.92),  # nineteenth session, midway: conversations
    "questions-heldout-33": (0.83, 0.91, 0.83, 0.083, 0.86, 0.66),  # nineteenth session, midway: near traps
    "questions-heldout-34": (0.83, 0.83, 0.83, 0.17, 0.75, 0.85),  # twentieth session: everyday conversations
    "questions-heldout-35": (0.91, 0.91, 0.91, 0.083, 0.9, 0.66),  # twentieth session: everyday words, near traps
    "questions-heldout-36": (0.66, 0.83, 0.5, 0.17, 0.75, 0.92),  # twenty-first session: everyday conversations
    "questions-heldout-37": (0.91, 0.91, 0.91, 0.083, 0.81, 0.66),  # twenty-first session: everyday near traps
    "questions-heldout-38": (0.92, 0.92, 0.92, 0.071, 0.75, 0.92),  # twenty-second session: a mix, everyday words
    "questions-heldout-39": (0.91, 0.91, 0.91, 0.083, 0.86, 0.83),  # twenty-second session: everyday near traps
}


@pytest.mark.parametrize("name", HELDOUT_FLOORS)
def test_a_heldout_set_keeps_its_measure(real_service, name):
    hit1, hit3, text, declined, near, followups = HELDOUT_FLOORS[name]
    metrics = evaluate(real_service, questions(name)).metrics()
    assert metrics["hit@1"] >= hit1 and metrics["hit@3"] >= hit3 and metrics["answer_text"] >= text
    assert metrics["wrongly_declined"] <= declined and metrics["offtopic_declined"] in (1.0, None)  # None: no such
    assert metrics["near_declined"] >= near and metrics["followups"] >= followups


def test_fold_compares_without_case_or_accents():
    assert fold("Écosystème D’innovation") == "ecosysteme d'innovation"
    assert json.loads(json.dumps({"a": fold("É")})) == {"a": "e"}


def test_the_meaning_of_an_acronym_is_the_sentence_that_spells_it_out(real_service):
    answer = real_service.ask("Que recouvre le sigle CIADT ?")
    assert "Comité interministériel d'aménagement et de développement du territoire (CIADT)" in answer.answer
    assert "(CIADT)" in answer.citations[0].text  # three passages name the CIADT; this one spells it out
    assert "(CIADT)" in real_service.ask("CIADT, ça veut dire quoi ?").citations[0].text
    assert all(0 <= c.score <= 1 for c in answer.citations)


def test_the_passage_quoted_is_cited_first(real_service):
    # The prolongation passage ranks first in search (« période »), but « deuxième phase (2009-2012) »
    # states the period; the passage quoted is [1] and the scores stay in order.
    answer = real_service.ask("Quelle période couvre la phase 2 ?")
    assert "(2009-2012)" in answer.answer and answer.answer.endswith("[1]")
    assert "(2009-2012)" in answer.citations[0].text
    scores = [c.score for c in answer.citations]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)


def test_why_is_answered_by_the_reason_not_by_the_fact(real_service):
    # « Prévue … 2009-2011, la deuxième phase a été prolongée d'un an » restates the question.
    answer = real_service.ask("Pourquoi la phase 2 a-t-elle été rallongée d'un an ?")
    assert "investissements d'avenir" in answer.answer and answer.confidence == "high"
    answer = real_service.ask("Pourquoi le contrat de performance est-il utile aux pôles des groupes 1 et 2 ?")
    assert "trois ans de visibilité" in answer.answer  # « ce qui lui donne … »: what it brings


def test_which_poles_is_answered_by_their_names(real_service):
    answer = real_service.ask("QUELS PÔLES DU GROUPE 3 ONT GARDÉ LEUR LABEL ?")
    assert "Nov@log" in answer.answer and "Aquimer" in answer.answer
    answer = real_service.ask("Le pôle Eau, ce sont quelles régions qui le portent ?")
    assert "Languedoc-Roussillon" in answer.answer and "DREAM" not in answer.answer  # « Eau », not « Eaux »


def test_how_an_evaluation_turned_out_is_its_conclusions(real_service):
    answer = real_service.ask("ça a donné quoi l'évaluation de la phase 2 ? c bien ou pas ?")
    assert "retombées économiques" in answer.answer and answer.confidence == "high"
    # « L'étude constate … » gives no year: the passage before it (the study of 2012) dates it.
    answer = real_service.ask("Quelles sont les conclusions de l'étude de 2012 ?")
    assert "retombées économiques" in answer.answer and answer.confidence == "high"
    # « la CDC » is the Caisse des Dépôts; « et l'État ? » then asks what the State gives
    cdc = real_service.ask("la CDC donne cb par plateforme ?")
    assert "200 000 euros par projet" in cdc.answer
    assert "35 millions" in real_service.ask("et l'Etat ?", cdc.conversation_id).answer
    # a total asked, a figure per project or per year said: the caveat
    assert declined_or_caveat(real_service.ask("la CDC a mis cb au total ds les plateformes ?"), "« au total »")
    assert real_service.ask("Combien l'État met-il au total pour la phase 2 ?").confidence == "high"  # 1,5 milliard
    # what was planned at first: the sentence that says « initialement », not the period the phase covered
    planned = real_service.ask("Au départ, la deuxième phase devait couvrir quelle période ?")
    assert planned.answer.startswith("Prévue initialement pour la période 2009-2011")
    assert all(0 <= c.score <= 1 for c in planned.citations)
    # the findings asked by name: what the study found, not the passage dated 2012 saying what it examined
    answer = real_service.ask("bilan de l'etude 2012 en 1 phrase ?")
    assert answer.answer.startswith("L'étude constate") and answer.confidence == "high"
    assert "Boston Consulting Group" in real_service.ask("qui a fait le bilan des poles en 2008").answer


def test_a_heading_quoted_by_the_user_finds_its_passage(real_service):
    answer = real_service.ask("Dans la rubrique « Ils ont dit », ce sont les propos de qui exactement ?")
    assert not answer.refused and "Président de la République" in answer.answer
    assert real_service.ask("Qui a écrit « Les Misérables » ?").refused  # words the documents do not have


def test_paraphrases_meet_the_documents_words(real_service):
    answer = real_service.ask("En échange du financement, on demande quoi aux pôles ?")
    assert "résultats mesurables" in answer.answer
    answer = real_service.ask(
        "Après les labellisations et les retraits de mai 2010, on arrive à combien de pôles en tout ?"
    )
    assert "reste de 71" in answer.answer


def test_any_pme_needs_no_passage_naming_one(real_service):
    answer = real_service.ask("À quoi ça sert concrètement une plate-forme d'innovation pour une PME d'un pôle ?")
    assert answer.confidence == "high" and "équipements et des services partagés" in answer.answer
    assert real_service.ask("Combien coûte un iPhone ?").refused


def test_how_long_is_answered_by_a_duration(real_service):
    answer = real_service.ask("Le groupe 2 il a un examen au bout de combien de temps ?")
    assert answer.confidence == "high" and "18 mois" in answer.answer


def test_a_pole_described_in_everyday_words_is_found(real_service):
    # « pôle » is the policy's own word: the nearest passage may be a little further away in meaning.
    answer = real_service.ask("Dans le Nord, quel pôle s'occupe de recycler les ordures et de nettoyer les terrains ?")
    assert not answer.refused and "Team2" in answer.answer


def test_what_is_the_pole_that_does_this_names_it(real_service):
    answer = real_service.ask("c quoi le pole qui recycle les ordures et depollue les terrains ds le nord ?")
    assert not answer.refused and "Team2" in answer.answer


def test_how_far_quotes_the_sentence_saying_up_to_what(real_service):
    answer = real_service.ask("Jusqu'où les pôles doivent-ils suivre les entreprises innovantes pendant 2013-2018 ?")
    assert "jusqu'à la mise sur le marché" in answer.answer


def test_a_ranking_the_documents_do_not_make_is_not_answered_with_confidence(real_service):
    best = real_service.ask("Quel pôle a obtenu la meilleure note lors de l'évaluation de 2008 ?")
    assert declined_or_caveat(best, "« la meilleure note »")
    first = real_service.ask("Quel pôle est arrivé en tête du classement de l'évaluation de 2012 ?")
    assert declined_or_caveat(first, "« arrivé en tête »")
    weakest = real_service.ask("Combien de pôles ont été classés dans le groupe le plus faible en 2008 ?")
    assert weakest.confidence == "high" and "13 pôles" in weakest.answer  # a set described, not a ranking asked


def test_a_question_naming_a_pole_of_the_documents_is_about_them_in_any_words(real_service):
    for question, name in (
        ("Avenia, ça s'occupe de quoi exactement ?", "Avenia"),
        ("slt, energivie ca bosse sur quoi exactement ?", "Energivie"),
        ("hubert falco il avait quel poste a l'epoque", "Hubert Falco"),
    ):
        answer = real_service.ask(question)
        assert not answer.refused and name in answer.answer, question


def test_an_amount_given_by_someone_else_than_asked_is_said_with_the_caveat(real_service):
    others = real_service.ask(
        "Combien les collectivités territoriales ont-elles versé aux plates-formes d'innovation ?"
    )
    assert declined_or_caveat(others, "« collectivités »")
    state = real_service.ask("Combien l'État consacre-t-il chaque année aux plates-formes d'innovation ?")
    assert state.confidence == "high" and "35 millions" in state.answer


def test_what_still_falls_short_quotes_what_remains_to_be_done(real_service):
    for question in (
        "Sur quel point les pôles doivent-ils encore progresser d'après l'étude de 2012 ?",
        # the short passage that says it ranks below the study's longer one: still evidence enough
        "Qu'est-ce qui n'a pas été jugé satisfaisant dans l'étude menée en 2012 ?",
    ):
        answer = real_service.ask(question)
        assert "retombées économiques restent à renforcer" in answer.answer, question


def test_what_came_of_a_plan_is_not_answered_by_the_plan(real_service):
    for question in (
        "La part de 30 % de projets liés au développement durable a-t-elle été atteinte à la fin de la phase 2 ?",
        "Quels ont été les résultats de l'examen intermédiaire des pôles du groupe 2 ?",
    ):
        answer = real_service.ask(question)
        assert answer.refused or answer.confidence == "low", question  # « s'est fixé pour objectif », « si … »
    prolonged = real_service.ask("La phase 2 a-t-elle finalement été prolongée ?")
    assert prolonged.confidence == "high" and "prolongée d'un an" in prolonged.answer  # « prévue » and done


def test_a_sentence_is_dated_by_its_passage_unless_it_has_a_date_of_its_own(real_service):
    withdrawn = real_service.ask("quels poles se sont fait retirer le label en mai 2010 ?")
    assert "Sporaltec" in withdrawn.answer  # « Six pôles ont en revanche perdu … », of the CIADT of May 2010
    kept = real_service.ask("Quels sont les pôles du groupe 3 qui ont pu garder leur label en 2010 ?")
    assert "Nov@log" in kept.answer  # not « conservé leur label jusqu'à la fin de l'année 2009 »


def test_what_something_is_for_quotes_its_purpose(real_service):
    answer = real_service.ask("Concrètement, à quoi sert une plateforme d'innovation pour une PME d'un pôle ?")
    assert "pour tester et mettre au point" in answer.answer


def test_names_asked_for_need_names(real_service):
    unnamed = real_service.ask("Quels étaient les noms des dix-neuf candidatures reçues pour l'appel écotechnologies ?")
    assert declined_or_caveat(unnamed, "de nom précis")
    named = real_service.ask("Quels sont les noms des six pôles qui ont perdu leur label ?")
    assert named.confidence == "high" and "Sporaltec" in named.answer


def test_follow_ups_that_say_what_they_ask_in_everyday_words(real_service):
    budget = real_service.ask("Quelle enveloppe l'État garde-t-il pour les pôles sur trois ans ?")
    asked = real_service.ask("et les pôles, qu'est-ce qu'on leur demande en échange ?", budget.conversation_id)
    assert "résultats mesurables" in asked.answer  # a clause after « qu'est-ce qu' », no word to define
    lost = real_service.ask("Quels pôles ont perdu leur label en 2010 ?")
    names = real_service.ask("c koi leurs noms ?", lost.conversation_id)
    assert "Sporaltec" in names.answer
    speaker = real_service.ask("Quel secrétaire d'État a pris la parole lors de la journée du 1er octobre 2008 ?")
    minister = real_service.ask("Et le ministre de l'économie de l'époque, c'était qui ?", speaker.conversation_id)
    assert declined_or_caveat(minister, "ministre de l'économie")  # not Falco, a secrétaire d'État of another office
    region = real_service.ask("Dans quelle région se trouve le pôle DREAM Eaux et milieux ?")
    cost = real_service.ask("et son budget c'est combien ?", region.conversation_id)
    assert declined_or_caveat(cost, "montant")  # no budget per pôle


def test_what_went_well_quotes_what_succeeded(real_service):
    answer = real_service.ask("Qu'est-ce que l'étude de 2012 porte au crédit des pôles ?")
    assert "ont réussi à faire émerger de nombreux projets collaboratifs" in answer.answer


def test_questions_typed_fast_or_written_as_a_letter(real_service):
    for question, expected in (
        ("pk ils ont rallongé la phase 2 d'un an ?? je comprend pas l'interet", "afin de mieux coordonner"),
        ("l'evaluation de la phase 2 elle a ete decalee a quand du coup", "reportée à 2012"),
        (
            "Madame, Monsieur, pourriez-vous m'indiquer quelle est la contrepartie exigée de chaque pôle en échange "
            "du maintien du financement de l'État ?",
            "résultats mesurables",
        ),
        ("l'etude de 2012 elle dit quoi au final, c'etait bien ou pas ?", "retombées économiques"),
    ):
        answer = real_service.ask(question)
        assert not answer.refused and expected in answer.answer, question


def test_the_place_of_a_named_project_is_the_one_written_after_it(real_service):
    project = real_service.ask("Qu'est-ce que le projet Cellmill ?")
    region = real_service.ask("il est dans quelle région lui ?", project.conversation_id)
    assert declined_or_caveat(region, "lieu")  # not Axel One's
    dream = real_service.ask("Dans quelle région est implanté le pôle DREAM ?")
    assert dream.confidence == "high" and "région Centre" in dream.answer


def test_candidates_are_counted_in_candidatures(real_service):
    answer = real_service.ask("Combien de candidats se sont présentés à l'appel rouvert pour les technologies vertes ?")
    assert answer.confidence == "high" and "dix-neuf candidatures" in answer.answer


def test_administrative_questions_in_the_documents_words_are_declined(real_service):
    for question in (
        "Quelle caisse de retraite pour un artisan ?",  # « Caisse » of « Caisse des Dépôts » is no name
        "Quelle température fait-il au pôle Nord en plein hiver ?",  # a pôle, not a pôle de compétitivité
        "quels sont les horaires d'ouverture de la prefecture de region ?",
        "Quelle est la date limite de la déclaration de revenus cette année ?",
        "Comment se passe la réforme des retraites de 2010 ?",
    ):
        assert real_service.ask(question).refused, question


def test_words_no_passage_has_do_not_make_a_question_a_definition_to_doubt(real_service):
    answer = real_service.ask("Qu'est-ce que l'État demande aux pôles en échange de son argent ?")
    assert answer.confidence == "high" and "résultats mesurables" in answer.answer
    assert real_service.ask("c'est quoi le crédit d'impôt recherche ?").refused  # mostly unknown: declined


def test_how_many_pôles_is_answered_by_a_number_of_pôles(real_service):
    answer = real_service.ask("Combien y avait-il de pôles au moment du lancement de la deuxième phase ?")
    assert answer.confidence == "high" and "71 pôles" in answer.answer  # not the 1,5 milliard of that launch


def test_near_domain_questions_get_no_phase_2_fact_as_an_answer(real_service):
    for question in (
        "Quel était le budget total de la phase 3 (2013-2018) ?",
        "Qui est le président du pôle Aquimer ?",
    ):
        answer = real_service.ask(question)
        assert answer.refused or (answer.confidence == "low" and answer.answer.startswith("Les documents ne"))
    assert real_service.ask("Combien de pôles ont été labellisés pour la phase 4 ?").refused
    # after the end of phase 3 is phase 4, which the documents do not reach; after phase 1 is their own phase 2
    assert real_service.ask("Que s'est-il passé pour les pôles après la fin de la phase 3 ?").refused
    assert (
        "1,5 milliard" in real_service.ask("Après la première phase, combien l'État a-t-il consacré aux pôles ?").answer
    )


def caveated(answer) -> bool:
    """Answered, with the low-confidence caveat said first: what the documents hold is still shown."""
    return not answer.refused and answer.confidence == "low" and answer.answer.startswith("Les documents n")


def test_money_for_another_phase_and_a_count_the_documents_never_give_get_the_caveat(real_service):
    for question in (
        "Combien l'État a-t-il donné aux pôles pendant la phase 1 ?",  # a share of phase 1 is no amount
        "Combien de plates-formes d'innovation ont finalement obtenu un financement après la présélection ?",
    ):
        assert caveated(real_service.ask(question)), question
    # « lancé », « présélectionnées » say what was planned and done before, not how many were funded in the end
    _, funded = two_turns(
        real_service,
        "Combien de propositions a reçues le premier appel plates-formes ?",
        "Et combien ont finalement été financées ?",
    )
    assert funded.refused or caveated(funded)
    # « lesquelles ? » is answered by naming them: « dix-neuf candidatures ont été reçues » names none
    _, rejected = two_turns(
        real_service,
        "Combien de candidatures ont été reçues pour l'appel écotechnologies ?",
        "et celles qui ont été rejetées, c'était lesquelles ?",
    )
    assert rejected.refused or caveated(rejected)


def test_what_the_documents_never_say_of_a_named_pole_gets_the_caveat(real_service):
    address = real_service.ask("Quelle est l'adresse du pôle Team2 ?")
    assert caveated(address) and "ne répondent pas précisément sur « adresse »" in address.answer
    typed = real_service.ask("adresse du pole avenia ?")  # a name of the documents, typed in lower case
    assert caveated(typed) and "« adresse »" in typed.answer
    assert caveated(real_service.ask("Qui dirige le pôle Avenia ?"))
    assert real_service.ask("Où est basé Energivie ?").confidence == "high"
    assert caveated(real_service.ask("Qui a écrit les conclusions de l'évaluation de la phase 2 ?"))  # no one named
    assert real_service.ask("Qui a lancé la troisième phase ?").confidence == "high"  # « le gouvernement »
    assert caveated(real_service.ask("Quel cabinet a conduit l'étude d'évaluation de 2012 ?"))  # none is named
    assert "Boston Consulting Group" in real_service.ask("Quels cabinets ont évalué la première phase ?").answer


def test_a_thing_to_define_that_no_passage_is_about_gets_no_neighbouring_fact(real_service):
    assert real_service.ask("Qu'est-ce que le crédit d'impôt innovation ?").refused  # « impôt », « crédit »: unknown
    defined = real_service.ask("c'est quoi concrètement une plateforme d'innovation ?")
    assert defined.confidence == "high" and "équipements et des services partagés" in defined.answer


def test_a_title_without_its_page_is_said_to_be_one(real_service):
    answer = real_service.ask("est-ce que les pôles existent encore aujourd'hui ?")
    assert caveated(answer) and "que le titre d'une rubrique" in answer.answer


def test_the_sentence_answering_names_the_pole_asked_about(real_service):
    # The passage names Aquimer in one sentence and places other pôles in the next: no place for Aquimer.
    answer = real_service.ask("le pôle Aquimer est basé où ?")
    assert caveated(answer) and "Sporaltec" not in answer.answer
    assert caveated(real_service.ask("qui preside le pole team2 ?"))  # a name typed without its capital
    assert caveated(real_service.ask("c koi le budget de la phase 3 ?"))


def test_capitals_roman_figures_and_lowercase_acronyms(real_service):
    assert "1,5 milliard" in real_service.ask("Quel budget pour la phase II ?").answer
    shouted = real_service.ask("OÙ EST BASÉ LE PÔLE AQUIMER ?")
    assert caveated(shouted) and "Sporaltec" not in shouted.answer
    for question in ("que recouvre le sigle ciadt ?", "QUE RECOUVRE LE SIGLE CIADT ?"):
        answer = real_service.ask(question)
        assert not answer.refused and "(CIADT)" in answer.citations[0].text, question


def test_a_passage_going_on_from_the_one_before_is_dated_by_it(real_service):
    # « Avec ces six labels et les six retraits décidés le même jour » follows « Le CIADT du 11 mai 2010 … ».
    answer = real_service.ask("En 2010, le nombre total de pôles a-t-il augmenté ?")
    assert answer.confidence == "high" and "le nombre total de pôles reste de 71" in answer.answer


def test_where_to_apply_is_answered_by_whom_to_apply_to(real_service):
    answer = real_service.ask("où les dossiers écotech devaient-ils être déposés ?")
    assert "auprès des préfets de région" in answer.answer


def test_a_count_in_words_is_the_answer_to_how_many(real_service):
    answer = real_service.ask("cb de dossiers recus pr l'appel ecotech de 2009 ?")
    assert "dix-neuf candidatures" in answer.answer and answer.confidence == "high"


def two_turns(service, question: str, follow_up: str):
    """The answers to a question and to its follow-up, asked in one conversation."""
    first = service.ask(question)
    return first, service.ask(follow_up, first.conversation_id)


def test_a_follow_up_on_who_then_when(real_service):
    first, second = two_turns(
        real_service, "Qui a évalué la première phase ?", "Et quand les résultats ont-ils été publiés ?"
    )
    assert "Boston Consulting Group" in first.answer
    assert "juin 2008" in second.answer
    # telegraphic, without « et »: standing alone it gets a caveat; read with the last turn it is answered
    _, terse = two_turns(real_service, "Qui a évalué la première phase des pôles ?", "résultats publiés quand ?")
    assert terse.confidence == "high" and "juin 2008" in terse.answer


def test_a_follow_up_keeps_asking_for_what_the_first_turn_asked(real_service):
    first, other_phase = two_turns(real_service, "Quel budget pour la phase 2 ?", "Et pour la phase 3 ?")
    assert "1,5 milliard" in first.answer  # then still a budget, for phase 3: none given
    assert caveated(other_phase) and "de montant précis" in other_phase.answer
    _, following = two_turns(real_service, "Quelle période couvre la phase 2 des pôles ?", "et pour la suivante ?")
    assert "2013-2018" in following.answer  # the phase after phase 2


def test_a_sentence_is_read_under_its_heading_for_the_phase_it_speaks_of(real_service):
    # « Extraits des discours … après l'évaluation de la première phase » sits under « Ils ont dit… au
    # sujet de la 2ème phase »: it speaks of the second phase.
    answer = real_service.ask("Le chef de l'État a-t-il parlé de la deuxième phase des pôles ?")
    assert answer.answer.startswith("Extraits des discours prononcés par le Président de la République")
    # A sentence on another phase, or under a heading naming another one (« La phase 3 (2013-2018) » in the page
    # « L'évaluation de la phase 2 et le passage à la phase 3 »), does not answer for phase 2.
    duties = real_service.ask("Que doivent faire les pôles pendant la phase 2 ?")
    assert "première phase" not in duties.answer and "mieux accompagner les PME" not in duties.answer
    later = real_service.ask("Que doivent faire les pôles pendant la phase 3 ?")
    assert "mieux accompagner les PME" in later.answer


def test_a_list_the_question_asks_for_whole_is_not_cut(real_service):
    answer = real_service.ask("Quels pôles le CIADT du 11 mai 2010 a-t-il retenus ?")
    assert answer.answer.count("\n- ") == 6


def test_a_follow_up_on_this_pole_answers_for_the_pole_named_before(real_service):
    _, second = two_turns(real_service, "Parle-moi du pôle Avenia", "ce pôle est dans quelle région ?")
    assert "Avenia, en Aquitaine" in second.answer and "DREAM" not in second.answer


def test_a_follow_up_is_searched_for_its_own_words_too(real_service):
    first, retained = two_turns(
        real_service, "Combien de candidatures pour les écotechnologies ?", "Et combien ont été retenus ?"
    )
    assert "dix-neuf candidatures" in first.answer
    assert "six nouveaux pôles" in retained.answer


def test_a_pole_name_one_letter_from_a_real_one_is_another_pole(real_service):
    assert real_service.ask("Où est installé le siège du pôle Aquamer ?").refused  # Aquimer exists, Aquamer not
    assert not real_service.ask("Le projet Celmill porte sur quoi ?").refused  # a letter short of Cellmill


def test_a_question_whose_subject_is_a_pronoun_asks_for_the_whole_question(real_service):
    answer = real_service.ask("Combien a-t-elle reçu ?")
    assert answer.refused and "pouvez-vous poser la question en entier" in answer.answer


def test_a_list_is_cut_to_the_items_the_question_singles_out(real_service):
    answer = real_service.ask("Quel pôle travaille sur la géothermie ?")
    assert "Avenia, en Aquitaine" in answer.answer and "Team2" not in answer.answer
    assert answer.answer.startswith("Le CIADT du 11 mai 2010 a retenu six nouveaux pôles")  # the intro stays
    axes = real_service.ask("Quels sont les trois axes de la phase 2 ?").answer
    assert axes.count("\n- ") == 3
    eau = real_service.ask("Où se trouve le pôle Eau ?").answer  # « l'eau » is also in the intro: a name still
    assert "le pôle Eau, à vocation mondiale" in eau and eau.count("\n- ") < 6  # the items about water


def test_why_is_answered_by_the_reason_given_after_the_fact(real_service):
    answer = real_service.ask("Pourquoi a-t-on prolongé la phase 2 d'un an ?")
    assert "afin de mieux coordonner" in answer.answer  # « La prolongation aligne … », not « a été prolongée »


def test_what_a_name_means_is_the_sentence_that_gives_it(real_service):
    for question in ("« Pôles 2.0 », ça désigne quoi au juste ?", "C'est quoi Pôles 2.0 ?", "c koi pole 2.0"):
        answer = real_service.ask(question)
        assert "deuxième phase" in answer.answer, question  # « baptisée », « nommée », not a title naming it
    acronym = real_service.ask("la DIACT c koi en vrai ?")  # « en vrai » is no word to define
    assert not acronym.refused and "Délégation interministérielle" in acronym.answer


def test_money_in_slang_is_money(real_service):
    slang = real_service.ask("l'état a lâché combien de thunes pr lancer la phase 2 ?")  # nothing counted
    assert slang.confidence == "high" and "1,5 milliard" in slang.answer


def test_a_sentence_that_leans_on_the_one_before_is_quoted_with_it(real_service):
    answer = real_service.ask("Nucléaire Bourgogne était dans quel groupe à l'évaluation de 2008 ?")
    assert "groupe 3" in answer.answer  # « Les 13 pôles du groupe 3 … Au vu de cette seconde évaluation, … »


def test_a_wrong_premise_is_answered_by_what_the_documents_say(real_service):
    mckinsey = real_service.ask("C'est bien le cabinet McKinsey qui a évalué la première phase des pôles ?")
    assert caveated(mckinsey) and "« McKinsey »" in mckinsey.answer and "Boston Consulting Group" in mckinsey.answer
    years = real_service.ask("Is it true que la phase 3 covers la période 2013-2020 ?")
    assert caveated(years) and "2013-2018" in years.answer
    assert real_service.ask("Quelle température fait-il au pôle Nord ?").refused  # no check: declined as before


def test_a_pole_named_by_its_place_is_found_there(real_service):
    answer = real_service.ask("Le pôle stéphanois a-t-il gardé son label en 2010 ?")  # Saint-Étienne's Sporaltec
    assert "Sporaltec (Saint-Étienne)" in answer.answer


def test_a_name_written_after_a_colon_is_a_name_of_the_documents(real_service):
    answer = real_service.ask("Sporaltec était basé dans quelle ville ?")  # « perdu leur label : Sporaltec (…) »
    assert answer.confidence == "high" and "Sporaltec (Saint-Étienne)" in answer.answer


def test_an_opinion_asked_is_not_given_but_the_facts_are_shown(real_service):
    answer = real_service.ask("À ton avis, Sporaltec méritait-il vraiment de perdre son label ?")
    assert not answer.refused and answer.confidence == "low"
    assert answer.answer.startswith("Je n'ai pas d'avis à donner") and "Sporaltec" in answer.answer  # then the facts
    why = real_service.ask("Selon vous, pourquoi la phase 2 a-t-elle été prolongée ?")  # a fact asked politely
    assert why.confidence == "high" and "afin de mieux coordonner" in why.answer
    polite = real_service.ask("À votre avis, combien l'État a-t-il mis dans la phase 2 ?")
    assert polite.confidence == "high" and "1,5 milliard" in polite.answer


def test_what_came_of_a_preselected_project_is_not_its_preselection(real_service):
    answer = real_service.ask("La plate-forme Axel One a-t-elle finalement ouvert après 2012 et avec quels résultats ?")
    assert declined_or_caveat(answer, "« quels résultats »")


def test_who_is_answered_by_people_named_by_their_role(real_service):
    for question, expected in (
        ("Qui était réuni à Bercy le 1er octobre 2008 ?", "les présidents des 71 pôles"),
        ("En phase 2, le rôle de qui est renforcé dans le pilotage des pôles ?", "correspondants d'État"),
    ):
        answer = real_service.ask(question)
        assert answer.confidence == "high" and expected in answer.answer, question
    assert declined_or_caveat(real_service.ask("Qui est le président du pôle Aquimer ?"), "« président »")


def test_a_clause_saying_when_does_not_make_the_question_a_date(real_service):
    answer = real_service.ask("Hubert Falco, il avait quel poste quand il a pris la parole au lancement de Pôles 2.0 ?")
    assert answer.confidence == "high" and "secrétaire d'État" in answer.answer


def test_questions_in_words_of_their_own(real_service):
    for question, expected in (
        ("Du coup, le bilan de la phase 2 a été repoussé à quand ?", "reportée à 2012"),
        ("Pour la phase 2, les accords signés par les pôles deviennent plus souples ou plus durs ?", "plus exigeants"),
        ("Les contrats signés par les pôles en phase 2 sont-ils plus souples qu'avant ?", "plus exigeants"),
        (
            "Jusqu'à quelle date pouvait-on déposer un dossier pour l'appel réservé aux écotechnologies ?",
            "2 octobre 2009",
        ),
        ("Le jour où les six pôles écotechs ont été labellisés, est-ce qu'on en a aussi enlevé ?", "six retraits"),
        (
            "Qui sont les hauts responsables dont on cite des extraits de discours après le bilan de la première phase ?",
            "Président de la République",
        ),
        ("à part l'argent privé, c'est quoi l'autre piste pour aider les boites des poles a grandir ?", "synergies"),
        (
            "Par rapport à la phase 1, les contrats de performance de la phase 2 sont-ils plus souples ou plus "
            "exigeants ?",
            "plus exigeants",
        ),
    ):
        answer = real_service.ask(question)
        assert answer.confidence == "high" and expected in answer.answer, question


def test_a_follow_up_after_ok_is_still_a_follow_up(real_service):
    _, when = two_turns(real_service, "La phase 3 elle couvre quelles années ?", "ok et elle a été lancée quel jour ?")
    assert "9 janvier 2013" in when.answer


def test_names_asked_by_the_dozen_are_not_answered_by_two_other_names(real_service):
    listed = real_service.ask("Pouvez-vous me donner la liste des 58 pôles classés dans les groupes 1 et 2 ?")
    assert declined_or_caveat(listed, "de nom précis")  # not the two cabinets that evaluated them
    kept = real_service.ask("Quels sont les sept pôles du groupe 3 qui ont gardé leur label ?")
    assert kept.confidence == "high" and "Nov@log" in kept.answer


def test_when_something_was_created_is_not_when_its_label_was_renewed(real_service):
    renewed = real_service.ask("Le pôle Nucléaire Bourgogne a été créé en quelle année ?")
    assert declined_or_caveat(renewed, "« créé »")  # « a renouvelé le label de sept d'entre eux »
    labelled = real_service.ask("En quelle année le pôle Avenia a-t-il été créé ?")
    assert "2010" in labelled.answer  # labelled among the « six nouveaux pôles » of May 2010


def test_close_questions_the_documents_do_not_answer(real_service):
    for question, said in (
        ("Quelles entreprises sont membres du pôle DREAM Eaux et milieux ?", "« membres »"),
        ("Qu'a concrètement produit la plate-forme Axel One depuis son lancement ?", "« produit »"),
        ("Que sont devenus les six pôles qui ont perdu leur label en 2010 ?", "« devenus »"),
        ("Qu'est devenu Sporaltec ensuite ?", "« devenu »"),  # after what befell it: what came next
        ("Quels étaient les treize dossiers écotech qui n'ont pas été retenus en 2010 ?", "« n'ont pas été retenus »"),
        ("Comment le 1,5 milliard d'euros de la phase 2 s'est-il réparti année par année ?", "de répartition précise"),
        ("Les pôles de compétitivité français font-ils mieux que les clusters allemands ?", "Je n'ai pas trouvé"),
    ):
        assert declined_or_caveat(real_service.ask(question), said), question
    # what became of a pôle, with nothing said of it in the question, is what the documents say happened to it
    enfant = real_service.ask("le pole enfant de cholet il est devenu quoi")
    assert enfant.confidence == "high" and "perdu leur label" in enfant.answer
    group_3 = real_service.ask("Que sont devenus les 13 pôles du groupe 3 après 2009 ?")  # kept, then evaluated again
    assert group_3.confidence == "high" and "groupe 3" in group_3.answer


def test_what_a_study_concluded_is_its_conclusions(real_service):
    for question in ("Que conclut l'étude d'évaluation de 2012 sur les pôles ?", "Qu'a conclu l'évaluation de 2012 ?"):
        answer = real_service.ask(question)
        assert "retombées économiques restent à renforcer" in answer.answer, question  # not when it was led
    _, concluded = two_turns(
        real_service, "Quelle étude a été menée en 2012 sur la politique des pôles ?", "Elle concluait quoi ?"
    )
    assert "retombées économiques" in concluded.answer  # « concluait » and « conclusions » stem apart
    # then what the government did: not the « gouvernances » of the pôles, which stem apart from it now
    _, reacted = two_turns(
        real_service,
        "Qu'a conclu l'évaluation de 2012 sur les pôles ?",
        "et du coup, le gouvernement a réagi comment ?",
    )
    assert "troisième phase" in reacted.answer


def test_a_rubric_title_is_not_read_under_the_heading_of_the_passage_it_sits_in(real_service):
    # « La concertation sur l'évolution de la politique des pôles » sits under « La labellisation de nouveaux pôles
    # "ecotechs" » as the title of another rubric: it says nothing about the new pôles.
    for question in (
        "les nouveaux pôles verts labellisés pendant la phase 2, ils travaillent sur quels sujets ?",
        "les pôles ecotechs labellisés en phase 2 s'occupent de quoi ?",
    ):
        answer = real_service.ask(question)
        assert "gestion des déchets" in answer.answer and "titre d'une rubrique" not in answer.answer, question


def test_to_whom_one_applies_is_the_sentence_that_says_aupres_de(real_service):
    answer = real_service.ask(
        "Pour l'appel écotech de 2009, auprès de quelle autorité fallait-il envoyer son dossier ?"
    )
    assert "préfets de région" in answer.answer


def test_what_a_study_found_is_its_conclusions_dated_by_the_passage_before(real_service):
    # « L'étude constate … » gives no year: the passage before it dates the study (2012)
    for question in ("l'étude de 2012 elle dit quoi au final ?", "l'evaluation de 2012 a montré quoi ?"):
        assert "projets collaboratifs" in real_service.ask(question).answer, question
    retriever = real_service._engine.retriever
    conclusions = next(i for i, c in enumerate(retriever.bundle.chunks) if c.text.startswith("L'étude constate"))
    assert "2012" in retriever.carried_years[conclusions]
    # « Elle examine … le financement … par le FUI » is read with the sentence that names « Elle »: the 2012 study
    examined = real_service.ask("l'etude d'eval 2012 elle a regardé quel financement pour la R&D ?")
    assert "Fonds unique interministériel" in examined.answer


def test_who_else_is_someone_other_than_those_set_aside(real_service):
    answer = real_service.ask("En dehors de l'État et de la Caisse des Dépôts, qui peut financer les plates-formes ?")
    assert "collectivités territoriales" in answer.answer


def test_what_the_documents_do_not_say_a_study_cost_is_not_the_budget_of_the_phase(real_service):
    first = real_service.ask("Quelle est la conclusion de l'étude d'évaluation de 2012 ?")
    cost = real_service.ask("Et elle a coûté combien, cette étude ?", first.conversation_id)
    assert declined_or_caveat(cost, "montant de « cette étude »")
    assert real_service.ask("Combien a coûté la phase 2 ?").confidence == "high"  # 1,5 milliard, said of the phase


def test_what_the_page_banner_says_is_read_and_a_nickname_asked_is_the_name_given(real_service):
    banner = real_service.ask("les pôles de compétitivité, on les présente comme les moteurs de quoi ?")
    assert "moteurs de croissance et d'emploi" in banner.answer and banner.citations[0].section == "Bandeau de la page"
    for question in (
        "comment on appelle la deuxième phase ?",
        "c koi le petit nom de la phase 2 des poles de competitivite ?",
    ):
        assert "Pôles 2.0" in real_service.ask(question).answer, question


def test_a_pole_only_the_documents_name_first_in_the_question_is_answered(real_service):
    answer = real_service.ask("InnoViandes, il était implanté dans quelle ville ?")
    assert "Clermont-Ferrand" in answer.answer


def test_in_exchange_is_answered_by_the_sentence_that_says_en_contrepartie(real_service):
    answer = real_service.ask("En échange de l'argent de l'État, qu'est-ce qu'on demande aux pôles en phase 2 ?")
    assert "résultats mesurables" in answer.answer


def test_a_passage_opening_on_ces_poles_is_read_with_the_sentence_it_leans_on(real_service):
    # « Pour ces pôles, le label … a été confirmé pour la période 2009-2011 » opens the passage under « Pôles des
    # groupes 1 et 2 »; the 58 pôles that had met their goals are named in the passage before it.
    met = real_service.ask("Les pôles ayant atteint leurs objectifs ont gardé leur label jusqu'à quand ?")
    assert "2009-2011" in met.answer
    reshaped = real_service.ask("Les pôles qui devaient se reconfigurer ont gardé leur label jusqu'à quand ?")
    assert "fin de l'année 2009" in reshaped.answer


def test_how_many_were_funded_after_a_count_is_not_answered_by_an_amount(real_service):
    # 35 plates-formes were preselected; how many were funded in the end the documents do not say: « 200 000 euros par
    # projet » or « 35 millions d'euros par an » count no projects
    _, funded = two_turns(
        real_service,
        "Combien de projets de plates-formes ont été présélectionnés ?",
        "et au final combien ont été financés ?",
    )
    assert funded.refused or funded.confidence == "low"


def test_a_city_asked_is_not_answered_by_a_region(real_service):
    # Axel One is placed « en Rhône-Alpes » only; Sporaltec « (Saint-Étienne) »
    axel = real_service.ask("Axel One, ça se trouve dans quelle ville ?")
    assert axel.confidence == "low" and "Rhône-Alpes" in axel.answer
    assert "Saint-Étienne" in real_service.ask("Sporaltec c'est dans quelle ville ?").answer


def test_a_percentage_named_must_be_the_one_the_answer_gives(real_service):
    # 19 % and 30 % are in the same passage: « les 30 % » is the target, never reached in the documents; 40 % is nowhere
    reached = real_service.ask("les 30 pour cent de projets verts, ça a été atteint ?")
    assert reached.confidence == "low" and "30 %" in reached.answer
    assert real_service.ask("les 40 % de projets durables, c'était quand ?").refused
    checked = real_service.ask(
        "Il paraît que 20 % des aides de la phase 1 allaient au développement durable, c'est vrai ?"
    )
    assert checked.confidence == "high" and "16 % des aides" in checked.answer  # the true figure answers the check


def test_a_new_subject_taken_up_by_a_pronoun_must_be_the_answers(real_service):
    falco = real_service.ask("hubert falco il a annoncé quoi en 2008")
    other = real_service.ask("et sarkozy il a dit quoi ?", falco.conversation_id)
    assert other.refused or (other.confidence == "low" and "sarkozy" in other.answer)  # not Falco's words again
    funds = real_service.ask("qui paie les plates-formes d'innovation ?")
    state = real_service.ask("et l'état il met combien ?", funds.conversation_id)
    assert state.confidence == "high" and "35 millions" in state.answer
    # every word of the new subject: « le Premier ministre » is no minister of industry
    falco = real_service.ask("qui était secrétaire d'État à l'aménagement en 2008 ?")
    industry = real_service.ask("et le ministre de l'industrie ?", falco.conversation_id)
    assert declined_or_caveat(industry, "« le ministre de l'industrie »")


@pytest.mark.parametrize(
    ("doubtful", "answered", "phrase"),
    [
        # no pôle lost its label after the 2012 study: « prolongée … jusqu'à la fin de l'année 2012 » is no answer
        (
            "Quels pôles ont été délabellisés après l'étude de 2012 ?",
            "Quels pôles ont été retenus en mai 2010 ?",
            "Avenia",
        ),
        # « si cet examen est insatisfaisant, le soutien financier peut être révisé » says what may happen
        (
            "Et l'examen intermédiaire des pôles du groupe 2, quel a été le résultat ?",
            "Les pôles du groupe 2 sont réexaminés au bout de combien de temps ?",
            "18 mois",
        ),
        # the extension's cost is given nowhere: « L'enveloppe de l'État reste fixée à 1,5 milliard » is not it
        ("la prolongation d'un an a coûté combien à l'État ?", "la phase 2 a coûté combien à l'État ?", "1,5 milliard"),
        # « le pôle Eau » is named in lower case: its address is given nowhere, what it does is
        ("adresse du pole eau svp", "le pole eau il fait quoi ?", "coordonne les pôles"),
        # the national loan is named, never its amount: the State's 1,5 milliard is not it
        ("le grand emprunt c'etait combien de milliards", "l'enveloppe de l'État c'était combien ?", "1,5 milliard"),
        # « Extraits des discours prononcés par le Président … » announces speeches the documents do not hold
        (
            "Qu'est-ce qu'il a dit, le Président de la République, sur la deuxième phase ?",
            "Qu'a dit Hubert Falco ?",
            "aucun nouveau pôle",
        ),
        # the six pôles that lost their label are named with their city only; Energivie « pour le bâtiment durable »
        ("InnoViandes, ça bosse sur quoi ?", "Energivie, ça s'occupe de quoi ?", "bâtiment durable"),
        # « si cet examen est insatisfaisant, le soutien financier peut être révisé » is what could happen, not what did
        (
            "des poles du groupe 2 ont perdu de l'argent apres 18 mois ?",
            "Les pôles du groupe 2, ils ont une contrainte particulière ?",
            "18 mois",
        ),
        # no pôle of groups 1 and 2 is named: the two cabinets that made the groups are no answer
        (
            "Quels pôles étaient classés dans le groupe 1 lors de l'évaluation de 2008 ?",
            "quels poles etaient dans le groupe 3 ?",
            "Nucléaire Bourgogne",
        ),
        # the regions the 19 applications came from are given nowhere: they were sent to the prefects
        (
            "les 19 dossiers ecotech venaient de quelles régions ?",
            "les dossiers ecotech il fallait les envoyer où ?",
            "préfets de région",
        ),
        # no pôle of Lyon (Rhône-Alpes) lost its label; the one of Saint-Étienne did
        ("pourquoi le pôle de lyon a perdu son label ?", "le pôle stéphanois a perdu son label ?", "Sporaltec"),
        # a figure the passage does not give: the 71 pôles split in groups are not 80
        (
            "sur les 80 pôles, combien étaient dans le groupe 3 ?",
            "sur les 71 pôles, combien étaient dans le groupe 3 ?",
            "13",
        ),
        # a kind of pôle counted: the pôle Eau is « à vocation mondiale », the six new pôles are not all
        (
            "il y a combien de pôles mondiaux ?",
            "combien de nouveaux pôles pour les écotechnologies en 2010 ?",
            "six nouveaux pôles",
        ),
        # « pourquoi » answered by the fact again: the documents give no cause for Sporaltec's loss
        (
            "pourquoi Sporaltec a perdu son label ?",
            "pourquoi la phase 2 a été prolongée ?",
            "afin de mieux coordonner",
        ),
        # a split of the money asked: the documents give the whole sum only
        (
            "Comment l'enveloppe de 1,5 milliard de la phase 2 est-elle répartie entre les régions ?",
            "Combien l'État a-t-il consacré à la deuxième phase ?",
            "1,5 milliard",
        ),
        # those turned down asked: the documents name the six pôles retained, not the other candidates
        (
            "Quels sont les noms des dossiers écotechs qui ont été recalés ?",
            "quels pôles ont été recalés en 2010 ?",
            "Sporaltec",
        ),
        # one group counted: the documents count groups 1 and 2 together
        (
            "combien de pôles étaient dans le groupe 2 ?",
            "combien de pôles étaient dans les groupes 1 et 2 ?",
            "58 pôles",
        ),
        # the share reached at the end, not the one aimed at
        (
            "en fin de phase 2, les projets de développement durable pesaient combien en vrai ?",
            "quel objectif pour la part des projets de développement durable en phase 2 ?",
            "30 %",
        ),
        # what was decided after the examination, not what could be
        (
            "Qu'a-t-on décidé pour les pôles du groupe 2 une fois leur examen passé ?",
            "Que risquent les pôles du groupe 2 si leur examen est insatisfaisant ?",
            "peut être révisé",
        ),
        # money added for the extra year: the documents give the whole envelope only
        (
            "Combien d'argent supplémentaire l'État a-t-il mis pour l'année de prolongation ?",
            "Combien l'État a-t-il mis dans la phase 2 ?",
            "1,5 milliard",
        ),
        # what the cabinets were paid, not who they were
        (
            "Combien ont été payés les cabinets qui ont évalué la première phase ?",
            "Quels cabinets ont évalué la première phase ?",
            "Boston Consulting Group",
        ),
        # what became of them once the label was withdrawn: not the withdrawal again
        (
            "Qu'est-ce que sont devenus Sporaltec et InnoViandes une fois le label retiré ?",
            "Dans le groupe 3, quels pôles ont perdu leur label ?",
            "InnoViandes",
        ),
        # what was held against a pôle, not that it lost its label
        (
            "c'était quoi le truc reproché à Sporaltec pour qu'on lui retire le label ?",
            "Sporaltec a perdu son label ?",
            "Sporaltec",
        ),
        # a region the documents never name, in capitals; where the asker works is no such question
        (
            "COMBIEN DE POLES EN BRETAGNE PENDANT LA PHASE 2",
            "Je bosse dans un pôle en Bretagne : concrètement, une plate-forme d'innovation, ça sert à quoi ?",
            "équipements",
        ),
    ],
)
def test_a_detail_one_step_beyond_a_sentence_gets_the_caveat(real_service, doubtful, answered, phrase):
    doubt = real_service.ask(doubtful)
    assert doubt.refused or doubt.confidence == "low"
    answer = real_service.ask(answered)
    assert answer.confidence == "high" and phrase in answer.answer


def test_an_ordinal_after_a_count_numbers_what_was_counted(real_service):
    # « le troisième » after « combien d'axes » is the third axis, not the third phase
    first = real_service.ask("Combien d'axes la deuxième phase comporte-t-elle en plus du soutien à la R&D ?")
    third = real_service.ask("Pourriez-vous détailler le troisième ?", first.conversation_id)
    assert third.confidence == "high" and "synergies territoriales" in third.answer
    assert "troisième phase" not in third.answer


def test_follow_ups_in_sms_on_findings_and_on_one_item_of_a_list(real_service):
    cellmill = real_service.ask("cellmill c koi")
    where = real_service.ask("c dans kel region", cellmill.conversation_id)
    assert declined_or_caveat(where, "de lieu précis")  # Axel One's region is not Cellmill's
    report = real_service.ask("Le rapport d'évaluation de la phase 2 date de quand ?")
    found = real_service.ask("Et qu'est-ce qu'il en ressort ?", report.conversation_id)
    assert found.confidence == "high" and "retombées économiques" in found.answer  # not the date again
    lost = real_service.ask("Quels pôles ont été délabellisés en 2010 ?")
    why = real_service.ask("pourquoi sporaltec en particulier ?", lost.conversation_id)
    assert declined_or_caveat(why, "« pourquoi")  # the list again gives no cause


def test_a_new_count_after_a_count_is_not_the_figure_just_given(real_service):
    filed = real_service.ask("Pour l'appel spécial écotech, il y a eu combien de dossiers déposés ?")
    assert "dix-neuf" in filed.answer
    labelled = real_service.ask("Et au final, combien ont décroché le label ?", filed.conversation_id)
    assert "dix-neuf" not in labelled.answer and "six" in labelled.answer


@pytest.mark.parametrize(
    "question, phrase",
    [
        ("grp 3 : combien de poles ont garde leur label en 2010 ?", "renouvelé le label de sept"),
        ("sur les 13 du groupe 3, cmb ont ete repeches ?", "renouvelé le label de sept"),
        ("Parmi les pôles mis à l'épreuve jusqu'à fin 2009, combien n'ont pas été reconduits ?", "Six pôles"),
        ("les 13 du groupe 3, combien ont été virés ?", "Six pôles"),
    ],
)
def test_labels_kept_are_not_answered_by_labels_lost(real_service, question, phrase):
    # one passage says both what the group 3 kept and what it lost: the sentence of the fate asked
    answer = real_service.ask(question)
    assert answer.confidence == "high" and phrase in answer.answer


def test_a_follow_up_one_step_beyond_gets_the_caveat(real_service):
    # the money split among the pôles: « Chacun a signé un contrat … » gives no figure per pôle
    money = real_service.ask("L'État a mis combien d'argent sur la table pour la phase 2 ?")
    split = real_service.ask("Et ça a été réparti comment entre les pôles ?", money.conversation_id)
    assert split.refused or split.confidence == "low"
    # who presides a pôle named by the first answer: « présidé » said nowhere
    centre = real_service.ask("quel pole ecotech en region centre ?")
    assert "DREAM" in centre.answer
    president = real_service.ask("il est présidé par qui", centre.conversation_id)
    assert president.refused or president.confidence == "low"
    # « décidé par qui ? » is said by its object: the CIADT that retained them
    labelled = real_service.ask("Combien de pôles écotechs ont été labellisés en 2010 ?")
    decided = real_service.ask("c'était décidé par qui ça ?", labelled.conversation_id)
    assert decided.confidence == "high" and "CIADT" in decided.answer


def test_a_phase_named_by_its_period_is_that_phase(real_service):
    # « la période 2009-2012 » is phase 2's: the sentence on phase 2's target, not the one naming 2009 and 2012
    target = real_service.ask("Quel pourcentage de projets verts le gouvernement visait-il pour la période 2009-2012 ?")
    assert target.confidence == "high" and "30 %" in target.answer
    assert real_service.ask("Quel budget pour la période 2013-2018 ?").confidence == "low"


@pytest.mark.parametrize(
    "first, then",
    [
        # whether they protested: the sentence saying they lost their label does not say
        ("c quoi les poles du groupe 3 qui ont perdu leur label", "et ils ont protesté ?"),
        # what the regions thought of it: no sentence reports it
        ("Qui a annoncé la prolongation d'un an de la deuxième phase ?", "et les régions, elles en ont pensé quoi ?"),
        # the cost of what was spoken of: not the 1,5 milliard of the phase
        ("l'etude sur la phase 2 elle regardait quoi", "et elle a couté cmb ?"),
        ("c'est quoi Axel One ?", "et ça a coûté combien au final ?"),
        # what became of them afterwards: not their losing the label again
        (
            "Combien de pôles se sont fait retirer leur label en mai 2010 ?",
            "et ils sont devenus quoi après, ces pôles-là ?",
        ),
        # after phase 3 (2013-2018): no document speaks of a later year
        ("phase 3 ça va de quand à quand ?", "et après 2018 ?"),
        # the money the new pôles got: not the 1,5 milliard of the phase
        ("Combien de pôles écotech ont été retenus en mai 2010 ?", "Et ça leur a rapporté combien de subventions ?"),
    ],
)
def test_a_follow_up_the_documents_do_not_answer_gets_the_caveat(real_service, first, then):
    asked = real_service.ask(first)
    answer = real_service.ask(then, asked.conversation_id)
    assert answer.refused or answer.confidence == "low"


@pytest.mark.parametrize(
    "first, then, phrase",
    [
        # the label kept, in other words
        ("Combien de pôles du groupe 3 ?", "et ils ont gardé leur label ?", "renouvelé le label de sept"),
        # « ça a marché ? » asks what the study found
        ("qui a évalué la phase 2 ?", "et ça a marché ?", "retombées économiques"),
        # « on en était où ? » asks how far, not where
        (
            "Pendant Pôles 2.0, le gouvernement visait quelle proportion de projets durables ?",
            "et avant, en phase 1, on en était où ?",
            "19 %",
        ),
        # « la suivante, la cinquième » is the fifth journée, not the next phase
        (
            "elle s'est tenue où la réunion qui a lancé Pôles 2.0 ?",
            "et la suivante, la cinquième ?",
            "organisée à Paris",
        ),
    ],
)
def test_a_follow_up_the_documents_answer_in_everyday_words(real_service, first, then, phrase):
    asked = real_service.ask(first)
    answer = real_service.ask(then, asked.conversation_id)
    assert answer.confidence == "high" and phrase in answer.answer


def test_reasons_targets_capitals_and_yes_no_in_everyday_words(real_service):
    # a reason asked as « la raison pour laquelle »: the fact again is not it
    reason = real_service.ask("c'était quoi la raison exacte pour laquelle Sporaltec s'est fait virer ?")
    assert reason.refused or reason.confidence == "low"
    # a target named, whether it was reached: not the target again
    reached = real_service.ask("et du coup l'objectif des 30 % de projets durables, il a été atteint en 2012 ou pas ?")
    assert reached.confidence == "low"
    # « ECOLO » in capitals is everyone's word, no name
    green = real_service.ask("LES PROJETS ECOLO CA PESAIT COMBIEN PENDANT LA PHASE 1 ET ILS VISAIENT QUOI ENSUITE")
    assert not green.refused and "19 %" in green.answer
    # yes or no, « toujours labellisé après 2010 ? »: answered by what befell it in 2010
    poitiers = real_service.ask("le pôle de Poitiers sur les transports est-il toujours labellisé après 2010 ?")
    assert poitiers.confidence == "high" and "Poitiers" in poitiers.answer


@pytest.mark.parametrize(
    "question, said",
    [
        # the present: the documents end years ago
        ("Combien y a-t-il de pôles de compétitivité en France aujourd'hui ?", "aujourd'hui"),
        ("le pole team2 il existe encore en ce moment ?", "aujourd'hui"),
        # a named pôle's president, typed without the apostrophe
        ("c qui le president d avenia", "president"),
        # what came of a phase the documents end before the end of
        ("phase 3 ca a donne quoi comme resultats au final", "résultats de la phase 3"),
        ("Quelles conclusions a tirées l'évaluation de la phase 3 des pôles ?", "résultats de la phase 3"),
        # those not retained, of a sentence on all those received
        ("les 13 dossiers ecotech pas retenus c etait sur quels sujets", "pas retenus"),
        # who created the pôles: not the government's target
        ("Pourriez-vous me dire quel gouvernement a créé les pôles au tout début ?", "créé"),
    ],
)
def test_everyday_traps_near_the_documents_get_the_caveat(real_service, question, said):
    assert declined_or_caveat(real_service.ask(question), said)


def test_a_follow_up_on_a_phase_by_its_pronoun_and_a_place_typed_in_a_hurry(real_service):
    phase3 = real_service.ask("Quand la troisième phase a-t-elle été lancée ?")
    cost = real_service.ask("Et combien a-t-elle coûté à l'État ?", phase3.conversation_id)
    assert cost.refused or (cost.confidence == "low" and "1,5 milliard" not in cost.answer.split("dit :")[0])
    cellmill = real_service.ask("cellmill c ou exactement ? quelle region")
    assert declined_or_caveat(cellmill, "lieu précis")
    # what the documents do say, under a title naming two phases
    study = real_service.ask("l'étude de 2012 sur la phase 2 a conclu quoi ?")
    assert study.confidence == "high" and "retombées économiques" in study.answer


def test_procedures_compared_shares_capitals_and_years_after_a_phase_start(real_service):
    # how to join a pôle today: the documents give no procedure
    join = real_service.ask("Bonjour, comment une PME peut-elle adhérer à un pôle de compétitivité ?")
    assert declined_or_caveat(join, "la démarche à suivre")
    # how one applied as an écotech pôle: the sentence that says where files were sent
    apply = real_service.ask("comment faire pour candidater comme pôle écotech ?")
    assert apply.confidence == "high" and "préfets de région" in apply.answer
    # « plus ou moins de 20 % » compares: the true figure answers
    share = real_service.ask(
        "Dans la première phase, les projets liés à l'environnement, c'était plus ou moins de 20 % ?"
    )
    assert not share.refused and "19 %" in share.answer
    # « après 2009 » of phase 2's target: the passage on phase 2 speaks of its years
    target = real_service.ask(
        "Le gouvernement voulait que les projets écolo pèsent combien, en pourcentage, après 2009 ?"
    )
    assert target.confidence == "high" and "30 %" in target.answer
    shouted = real_service.ask("EN MAI 2010 IL Y A EU PLUS DE POLES AJOUTES OU SUPPRIMES")
    assert not shouted.refused


def test_a_wrong_premise_of_the_opposite_change_and_what_came_after_in_spoken_french(real_service):
    # the phase was extended, not shortened: its reason is no answer to « pourquoi raccourcie ? »
    shortened = real_service.ask("Pourquoi la phase 2 a-t-elle été raccourcie et arrêtée fin 2010 ?")
    assert declined_or_caveat(shortened, "le contraire")
    # yes or no: the opposite answers it
    assert (
        real_service.ask("L'enveloppe de l'État a-t-elle été revue à la baisse pour la phase 2 ?").confidence == "high"
    )
    # « derrière » is « ensuite »: what the government did after the study
    study = real_service.ask("L'étude faite en 2012 sur les pôles, elle conclut quoi ?")
    then = real_service.ask("Et du coup le gouvernement a fait quoi derrière ?", study.conversation_id)
    assert then.confidence == "high" and "troisième phase" in then.answer


def test_a_city_asked_of_a_two_word_name_typed_in_lower_case(real_service):
    first = real_service.ask("c koi axel one")
    assert first.confidence == "high" and "Rhône-Alpes" in first.answer
    city = real_service.ask("et c dans quelle ville exactement", first.conversation_id)
    assert declined_or_caveat(city, "lieu précis")


def test_places_by_their_people_other_givers_and_sums_per_inhabitant(real_service):
    assert real_service.ask("les pôles bretons ont touché combien ?").refused
    breton = real_service.ask("je suis breton, combien de pôles ont perdu leur label ?")
    assert breton.confidence == "high" and "Six pôles" in breton.answer
    regions = real_service.ask("les régions ont mis combien dans les plates-formes ?")
    assert declined_or_caveat(regions, "régions")
    assert declined_or_caveat(real_service.ask("la phase 2 a coûté combien par habitant ?"), "montant précis")
    # a premise checked: what the documents say of Energivie, with the caveat
    alsace = real_service.ask("Energivie fait partie des pôles ecotechs bretons, non ?")
    assert alsace.confidence == "low" and "Alsace" in alsace.answer


def test_what_quel_asks_of_a_name_and_a_budget_asked_casually(real_service):
    assert declined_or_caveat(real_service.ask("Hubert Falco il est de quel parti ?"), "parti")
    role = real_service.ask("Hubert Falco occupait quelle fonction au gouvernement ?")
    assert role.confidence == "high" and "secrétaire d'État" in role.answer
    assert declined_or_caveat(real_service.ask("c'était quoi le budget de la DIACT ?"), "montant précis")


def test_review_of_the_seventeenth_session_answers_what_it_flagged(real_service):
    # a past year, not today
    year = real_service.ask("En 2008, combien de pôles ont perdu leur label cette année-là ?")
    assert not year.refused and "aujourd'hui" not in year.answer
    # the State's money to all regions, no other giver
    state = real_service.ask("Combien l'État a-t-il affecté aux pôles de toutes les régions pour la phase 2 ?")
    assert state.confidence == "high" and "1,5 milliard" in state.answer
    # what the phase 3 is expected to do: no results asked
    expected = real_service.ask("Quels sont les objectifs de la phase 3 et quel impact est attendu ?")
    assert "résultats de la phase 3" not in expected.answer
    # how to know which pôles lost their label: the six pôles
    which = real_service.ask("Comment on fait pour savoir quels pôles ont perdu leur label ?")
    assert which.confidence == "high" and "Sporaltec" in which.answer


def test_a_count_after_a_count_goes_on_with_the_document(real_service):
    # the six labels are told in the passage after the one counting the files
    filed = real_service.ask("On a reçu combien de dossiers pour l'appel écotechnologies ?")
    assert "dix-neuf" in filed.answer
    kept = real_service.ask("Et combien ont finalement été labellisés ?", filed.conversation_id)
    assert kept.confidence == "high" and "six nouveaux pôles" in kept.answer
    # the passage after the 86 proposals names two of them: no count of those funded
    proposed = real_service.ask("Combien de propositions le premier appel à projets plates-formes a-t-il reçues ?")
    funded = real_service.ask("Et combien ont été financées au bout du compte ?", proposed.conversation_id)
    assert declined_or_caveat(funded, "Les documents ne répondent pas")


def test_a_deed_asked_after_what_the_asker_knows(real_service):
    # the documents say which pôles lost their label, nothing of what they did next
    merged = real_service.ask("les pôles qui ont perdu leur label, ils ont fusionné avec d'autres ou pas ?")
    assert declined_or_caveat(merged, "fusionné")
    repaid = real_service.ask("est-ce que les pôles ont dû rembourser après avoir perdu le label ?")
    assert declined_or_caveat(repaid, "rembourser")
    # a label kept or lost is said in any words: the passage on the second evaluation answers
    kept = real_service.ask("les pôles du groupe 3 qui ont été réévalués en 2010 ont tous gardé leur label ?")
    assert kept.confidence == "high" and "renouvelé le label de sept" in kept.answer


def test_a_list_asked_for_needs_the_names(real_service):
    # the documents count the 58 pôles of groups 1 and 2, they do not name them
    listed = real_service.ask("tu peux me lister les 58 pôles qui avaient réussi l'évaluation de 2008 ?")
    assert declined_or_caveat(listed, "nom précis")
    lost = real_service.ask("peux-tu me lister les pôles qui ont perdu leur label ?")
    assert lost.confidence == "high" and "Sporaltec" in lost.answer


def test_a_part_of_a_figure_is_not_the_figure_again(real_service):
    animation = real_service.ask("Sur le milliard et demi, quelle somme a servi à payer l'animation des pôles ?")
    # the caveat, whichever passage is closest: the whole again (« milliard et demi » unsaid) or the contracts that fund
    # the animation (no amount)
    assert animation.refused or (animation.confidence == "low" and "Les documents ne" in animation.answer)
    # the figure asked is there beside the whole
    chosen = real_service.ask("Sur les 86 propositions, combien ont été présélectionnées ?")
    assert chosen.confidence == "high" and "35 ont été présélectionnées" in chosen.answer


def test_what_came_of_the_phase_spoken_of_before(real_service):
    motto = real_service.ask("C'est quoi le slogan de la phase 3 ?")
    assert "usines à projets" in motto.answer
    worked = real_service.ask("Et ça a marché, les entreprises ont vendu plus de produits ?", motto.conversation_id)
    assert declined_or_caveat(worked, "résultats de la phase 3")


def test_a_role_asked_is_not_another_role(real_service):
    announced = real_service.ask("Qui a annoncé la prolongation de la phase 2 ?")
    assert "François Fillon" in announced.answer
    minister = real_service.ask("Et c'était qui le ministre de l'industrie à ce moment-là ?", announced.conversation_id)
    assert declined_or_caveat(minister, "ministre de l'industrie")
    # the documents quote no President by name: the office is said, with the caveat, and the passage cited
    president = real_service.ask("Qui était le président de la République qui a parlé des pôles ?")
    assert declined_or_caveat(president, "le nom de la personne") and "Extraits des discours" in president.answer


def test_what_someone_said_or_thought_needs_their_words(real_service):
    said = real_service.ask("Qu'est-ce que le Président de la République a dit exactement sur la 2ème phase ?")
    assert declined_or_caveat(said, "dit")  # « Extraits des discours prononcés … » quotes nothing of it
    agreed = real_service.ask("Les présidents de région étaient-ils d'accord avec la prolongation de la phase 2 ?")
    assert declined_or_caveat(agreed, "d'accord")
    announced = real_service.ask("Qu'est-ce que Hubert Falco a annoncé en 2008 ?")
    assert announced.confidence == "high" and "aucun nouveau pôle" in announced.answer


def test_how_long_someone_stayed_in_office_is_not_the_day_they_spoke(real_service):
    who = real_service.ask("qui a annoncé le gel des labels en 2008 ?")
    assert "Hubert Falco" in who.answer
    stayed = real_service.ask("il est resté en poste jusqu'à quand ?", who.conversation_id)
    assert declined_or_caveat(stayed, "resté en poste")


def test_a_reproach_asked_is_a_cause(real_service):
    reproach = real_service.ask("Qu'est-ce qu'on reprochait à Prod'Innov pour lui retirer son label ?")
    assert declined_or_caveat(reproach, "reprochait")  # the six names again give no cause


def test_a_count_kept_after_a_count_received_goes_on_with_the_story(real_service):
    received = real_service.ask("cb de dossiers reçus pour l'appel écotech de 2009 ?")
    assert "dix-neuf candidatures" in received.answer
    kept = real_service.ask("et cb ont été gardés au final ?", received.conversation_id)
    assert kept.confidence == "high" and "retenu six nouveaux pôles" in kept.answer  # dated 2010, not 2009


def test_what_came_next_is_what_the_documents_tell_after_the_quote(real_service):
    found = real_service.ask("L'étude de 2012, elle conclut quoi en gros ?")
    assert "retombées économiques" in found.answer
    after = real_service.ask("ok et après ça ?", found.conversation_id)
    assert "troisième phase" in after.answer
    kept = real_service.ask("Jusqu'à quand les pôles du groupe 3 ont-ils gardé leur label ?")
    then = real_service.ask("et après ?", kept.conversation_id)
    assert "évalués une seconde fois" in then.answer  # the quote said it already (« puis … »)


def test_a_comparison_asked_is_the_sentence_that_compares(real_service):
    # « Avec ces six labels et les six retraits décidés le même jour … » goes on from the CIADT's passage: it speaks of
    # the CIADT of 11 May 2010 without naming it
    more = real_service.ask("au final avec les écotechs, y a plus de pôles qu'avant ou pas ?")
    assert more.confidence == "high" and "reste de 71" in more.answer
    why = real_service.ask("Pourquoi le nombre de pôles n'a pas augmenté malgré les six nouveaux labellisés en 2010 ?")
    assert why.confidence == "high" and "reste de 71" in why.answer  # « Avec ces six labels et les six retraits, … »


def test_what_came_later_is_not_the_sentence_quoted_again(real_service):
    lost = real_service.ask("quels poles ont perdu leur label en mai 2010 ?")
    assert "Sporaltec" in lost.answer
    later = real_service.ask("et Sporaltec il a été relabellisé plus tard ?", lost.conversation_id)
    assert declined_or_caveat(later, "plus tard")  # « ont perdu leur label » again says nothing of later
    who = real_service.ask("Qui a annoncé le gel des nouveaux labels en octobre 2008 ?")
    assert "Hubert Falco" in who.answer
    became = real_service.ask("et après ça il est devenu quoi ?", who.conversation_id)
    assert declined_or_caveat(became, "devenu")
    kept = real_service.ask(
        "et combien ont été présélectionnées ensuite ?",
        real_service.ask("Combien de propositions pour le premier appel à projets plates-formes ?").conversation_id,
    )
    assert kept.confidence == "high" and "35 ont été présélectionnées" in kept.answer  # said in that sentence


def test_details_the_documents_only_name_get_the_caveat(real_service):
    indicators = real_service.ask("Quels indicateurs précis doivent figurer dans un contrat de performance de pôle ?")
    assert declined_or_caveat(indicators, "indicateurs")
    workshops = real_service.ask("Comment se déroulent concrètement les ateliers GTI ?")
    assert declined_or_caveat(workshops, "Comment se déroulent")  # the list item names them only
    funded = real_service.ask(
        "Cellmill, la plate-forme sur les cellules souches, elle a finalement obtenu son financement ?"
    )
    assert declined_or_caveat(funded, "a finalement obtenu")  # présélectionnée is no outcome
    prime_minister = real_service.ask("c ki le premier ministre qui a lancé la phase 3 en janvier 2013 ?")
    assert declined_or_caveat(prime_minister, "le nom")  # « Le gouvernement » names no one
    named = real_service.ask("quel ministre a annoncé la prolongation de la phase 2 ?")
    assert named.confidence == "high" and "François Fillon" in named.answer


def test_a_city_or_a_count_asked_after_a_turn_is_not_a_region_nor_money(real_service):
    axel = real_service.ask("Axel One, ça porte sur quoi ?")
    city = real_service.ask("ok et c'est installé dans quelle ville precisement", axel.conversation_id)
    assert declined_or_caveat(city, "lieu précis")  # « Axel One, en Rhône-Alpes » gives its region only
    shortlisted = real_service.ask("y a eu combien de plateformes preselectionnees ?")
    funded = real_service.ask("et au final cb financees ?", shortlisted.conversation_id)
    assert declined_or_caveat(funded, "au final")  # not « 200 000 euros par projet »
    day = real_service.ask("la 5e journée nationale c'était dans quelle ville ?")
    assert day.confidence == "high" and "à Paris" in day.answer


def test_the_big_projects_are_the_axes_and_a_holder_asked_is_named(real_service):
    axes = real_service.ask("c'est quoi les gros chantiers de la phase 2 ?")
    assert axes.confidence == "high" and "trois axes" in axes.answer
    announced = real_service.ask("Qui a annoncé la prolongation de la phase 2 ?")
    president = real_service.ask(
        "et le président de la République à ce moment-là, c'était qui ?", announced.conversation_id
    )
    assert declined_or_caveat(president, "le nom de la personne")  # « Extraits des discours … » names no one


def test_what_an_amount_is_spread_over_and_a_number_asked_in_a_sentence(real_service):
    budget = real_service.ask("Combien l'État a mis sur la table pour la phase 2 des pôles ?")
    spread = real_service.ask("et c'est étalé sur combien d'années ?", budget.conversation_id)
    # the sentence just quoted says « (2009-2012) », no length: where else the documents give the same 1,5 milliard
    assert spread.confidence == "high" and "1,5 milliard d'euros sur trois ans" in spread.answer
    exact = real_service.ask(
        "je cherche le nombre exact de projets collaboratifs financés pendant la phase 2, vous l'avez ?"
    )
    assert declined_or_caveat(exact, "projets collaboratifs")  # « de nombreux projets » is no number
    grown = real_service.ask("Le nombre de pôles a-t-il grimpé après les labellisations de mai 2010 ?")
    assert "le nombre total de pôles reste de 71" in grown.answer


def test_everyday_single_questions_with_the_askers_aside(real_service):
    domain = real_service.ask("Axel One c'est quoi son domaine ? j'ai vu le nom passer dans un article")
    assert domain.confidence == "high" and "matériaux innovants" in domain.answer
    minister = real_service.ask(
        "C'est quel ministre qui a dit qu'on labelliserait plus de nouveaux pôles pendant trois ans ? Je fais un exposé"
    )
    assert minister.confidence == "high" and "Hubert Falco" in minister.answer  # a secrétaire d'État is one
    given = real_service.ask("une plate-forme d'innovation ça apporte quoi aux entreprises ?")
    assert "services partagés" in given.answer  # « mettent à la disposition des entreprises »


def test_a_deed_a_cause_an_end_or_a_stance_the_passage_does_not_say(real_service):
    regained = real_service.ask("Sporaltec a-t-il récupéré son label de pôle de compétitivité plus tard ?")
    assert declined_or_caveat(regained, "récupéré")  # « ont perdu leur label » says nothing of later
    lost = real_service.ask("Sporaltec a-t-il perdu son label ?")
    assert lost.confidence == "high" and "Sporaltec" in lost.answer
    # a deed said in other words, of nothing named first: answered without a caveat
    lowered = real_service.ask(
        "L'enveloppe de l'État a-t-elle été revue à la baisse pour la deuxième phase des pôles ?"
    )
    assert lowered.confidence == "high" and "1,5 milliard" in lowered.answer
    funded = real_service.ask("cellmill ils ont eu leur financement finalement ou pas ?")
    assert declined_or_caveat(funded, "ont eu")  # « présélectionnés » is no outcome
    why = real_service.ask("Pourquoi les retombées économiques des pôles sont-elles restées si faibles selon l'étude ?")
    assert declined_or_caveat(why, "Pourquoi")  # « l'étude constate que … » is the fact, not its cause
    extended = real_service.ask("Pourquoi la phase 2 a-t-elle été prolongée ?")
    assert extended.confidence == "high" and "afin de mieux coordonner" in extended.answer
    until = real_service.ask(
        "Jusqu'à quand pouvait-on déposer un dossier au premier appel à projets des plates-formes ?"
    )
    assert declined_or_caveat(until, "jusqu'à quand")  # « lancé début octobre 2008 » is a start
    deadline = real_service.ask("jusqu'à quand pouvait-on candidater pour les écotechnologies ?")
    assert deadline.confidence == "high" and "2 octobre 2009" in deadline.answer
    thought = real_service.ask("Les chefs d'entreprise membres des pôles, ils pensaient quoi de Pôles 2.0 ?")
    assert declined_or_caveat(thought, "pensaient")  # « baptisée « Pôles 2.0 » » quotes a name, no words
    indicators = real_service.ask(
        "Je dirige une PME membre d'un pôle : quels sont les indicateurs précis que le pôle doit suivre dans son contrat ?"
    )
    assert declined_or_caveat(indicators, "indicateurs")
    worth = real_service.ask(
        "Les investissements d'avenir financés par l'emprunt national, ça représentait combien en tout ?"
    )
    assert declined_or_caveat(worth, "chiffre précis")  # « les deux dispositifs » counts no investment


def test_what_a_thing_is_for_and_what_is_promised_in_exchange(real_service):
    platform = real_service.ask("c koi une plate-forme d'innovation en gros, ça sert a quoi ?")
    # « Elles mettent à la disposition … » read with its subject, « Les plates-formes d'innovation »
    assert platform.confidence == "high" and "services partagés" in platform.answer
    exchange = real_service.ask("en echange de l'enveloppe de 1,5 milliard, les poles doivent s'engager a quoi ?")
    assert exchange.confidence == "high" and "résultats mesurables" in exchange.answer  # no amount asked
    planned = real_service.ask("La phase 2 devait se terminer quand au départ ?")
    ended = real_service.ask("et au final elle s'est arrêtée quand ?", planned.conversation_id)
    assert ended.confidence == "high" and "fin de l'année 2012" in ended.answer
    period = real_service.ask("La phase 3, c'est pour quelle période ?")
    money = real_service.ask("et l'État a mis combien d'argent dedans ?", period.conversation_id)
    assert declined_or_caveat(money, "phase 3")  # « dedans » is the phase 3: not the 1,5 milliard of phase 2


def test_so_many_names_asked_are_not_a_list_of_another_count(real_service):
    received = real_service.ask("combien de candidatures pour les ecotechs")
    rejected = real_service.ask("et les 13 recalees c'etait lesquelles", received.conversation_id)
    assert declined_or_caveat(rejected, "Les documents")  # not « Six pôles ont perdu leur label : … »
    lost = real_service.ask("les six pôles qui ont perdu leur label en 2010, c'étaient lesquels ?")
    assert lost.confidence == "high" and "Sporaltec" in lost.answer  # « Six pôles … : » lists them
    total = real_service.ask("Il y avait combien de pôles en tout après le CIADT de mai 2010 ?")
    why = real_service.ask("Pourquoi le chiffre n'a pas bougé avec les nouveaux ?", total.conversation_id)
    assert why.confidence == "high" and "six retraits" in why.answer  # not « afin de mieux coordonner »


def test_follow_ups_on_who_did_it_how_it_was_shared_and_a_part_of_the_money(real_service):
    year = real_service.ask("En quelle année a-t-on évalué la deuxième phase ?")
    firm = real_service.ask("Quel cabinet s'en est chargé ?", year.conversation_id)
    assert declined_or_caveat(firm, "phase 2")  # « s'en » is the phase 2's evaluation: not BCG, which did phase 1's
    budget = real_service.ask("Combien l'État a-t-il mis sur la table pour la deuxième phase ?")
    shared = real_service.ask(
        "Et comment cette somme était-elle répartie entre les ministères ?", budget.conversation_id
    )
    assert declined_or_caveat(shared, "ministères")
    research = real_service.ask("et là-dedans, combien pour la R&D pure ?", budget.conversation_id)
    assert declined_or_caveat(research, "montant précis")  # money asked: not « trois axes »
    received = real_service.ask("combien de candidatures pour l'appel ecotech de 2009 ?")
    origin = real_service.ask("et elles venaient d'ou ?", received.conversation_id)
    assert declined_or_caveat(origin, "venaient d'ou")  # « organisée à Paris » is where the day was held
