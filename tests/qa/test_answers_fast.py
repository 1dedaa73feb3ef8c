"""Refusal from evidence, constraints and answer text, with the fake encoder on the real source page."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import FakeEncoder, service_on

from corpus.model import Chunk
from index.analysis import fold_accents
from index.query import QueryAnalysis
from index.question_type import AnswerType
from qa.composer import AnswerComposer
from qa.evidence import Gap, passage_phases
from qa.models import REFUSAL
from qa.scoring import gives_name, quoted_and_after, story_goes_past_quote
from qa.sentences import Unit, is_heading, with_neighbours
from qa.service import AnswerService
from qa.unsaid import unsaid


@pytest.fixture
def service(tmp_path, page_index) -> AnswerService:
    # The fake encoder has no calibration: the lexical coverage rule decides what is supported.
    return service_on(page_index, FakeEncoder(), tmp_path)


def test_a_phase_the_documents_never_mention_is_declined(service):
    answer = service.ask("Combien de pôles ont été labellisés pour la phase 4 ?")
    assert answer.refused and answer.answer == REFUSAL


def test_a_pole_the_documents_never_name_is_declined(service):
    assert service.ask("Quel budget pour la phase 2 du pôle Aquimer ?").refused


def test_another_phase_gets_the_caveat_not_the_phase_2_figure_as_a_fact(service):
    answer = service.ask("Quel budget l'État a-t-il consacré à la première phase ?")
    assert answer.confidence == "low" or answer.refused
    if not answer.refused:
        assert answer.answer.startswith("Les documents ne")


def test_an_answerable_question_is_answered_with_confidence(service):
    answer = service.ask("Quel budget l'État a-t-il consacré à la phase 2 ?")
    assert not answer.refused and answer.confidence == "high" and "1,5 milliard" in answer.answer


def test_citations_are_in_score_order_and_scores_in_the_unit_range(service):
    answer = service.ask("Quels sont les trois axes de la phase 2 ?")
    scores = [c.score for c in answer.citations]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    assert [c.n for c in answer.citations] == list(range(1, len(scores) + 1))


def test_an_elliptic_question_without_history_asks_what_is_meant(service):
    answer = service.ask("Et le premier ?")
    assert answer.refused and "pouvez-vous poser la question en entier" in answer.answer


def test_a_sentence_opening_on_a_pronoun_carries_the_one_before():
    unit = Unit("Son budget est de 780 000 euros.", [], "Le pôle Avenia anime la filière.", None, [])
    assert with_neighbours(unit) == "Le pôle Avenia anime la filière. Son budget est de 780 000 euros."
    short = Unit("Les plates-formes sont des projets structurants.", [], None, "Elles offrent des équipements.", [])
    assert with_neighbours(short).endswith("Elles offrent des équipements.")
    # « Au vu de cette seconde évaluation, … » leans on the sentence that said which evaluation
    first = "Les 13 pôles du groupe 3 ont été évalués une seconde fois."
    lead_in = Unit("Au vu de cette seconde évaluation, le CIADT a renouvelé sept labels.", [], first, None, [])
    assert with_neighbours(lead_in).startswith(first)
    own = Unit("Au vu des résultats, le CIADT a renouvelé sept labels.", [], first, None, [])
    assert with_neighbours(own) == own.text


def test_a_sentence_without_a_date_is_dated_by_the_last_one_that_gives_one(service):
    text = (
        "En 2009, les pôles du groupe 3 ont gardé leur label. Le CIADT du 11 mai 2010 a renouvelé sept pôles. "
        "Ces pôles signent un contrat. Six pôles ont perdu leur label."
    )
    chunk = Chunk(doc_id="d", chunk_id="d#dates", title="Suites", section="", text=text, source="", start=0, end=0)
    _, units = service._engine.composer.sentences.read(chunk)
    assert units[0].dated_by == [] and units[1].dated_by == []  # dated by their own years
    assert units[2].dated_by == units[3].dated_by == ["mai", "2010"]  # the last date given, not 2009 too


def test_headings_are_never_an_answer():
    chunk = Chunk(
        doc_id="d", chunk_id="d#1", title="L'évaluation de la Phase 2", section="", text="", source="", start=0, end=0
    )
    assert is_heading("L'évaluation de la Phase 2", chunk)
    assert is_heading("Les suites de l'évaluation", chunk)
    assert not is_heading("- Avenia (géothermie)", chunk)
    assert not is_heading("Le budget est de 1,5 milliard d'euros.", chunk)


def test_an_edition_the_documents_never_name_is_declined(service):
    assert service.ask("Quand a eu lieu la 9e journée nationale des pôles ?").refused


def test_an_edition_is_checked_when_it_is_all_the_question_names(service):
    # Nothing else constrains this question: the 5th day is still not the 4th the page speaks of.
    assert service.ask("Qu'a-t-on présenté à la 5e journée des pôles de compétitivité ?").refused


def test_a_count_asked_for_gets_a_count_of_that_thing_or_the_caveat(service):
    # The page gives money for the plates-formes, never how many were funded.
    answer = service.ask("Combien de plates-formes d'innovation ont finalement été financées ?")
    assert not answer.refused and answer.confidence == "low"
    assert answer.answer.startswith("Les documents ne donnent pas de chiffre précis")


def test_the_caveat_names_the_scope_and_what_is_asked():
    phase, address = Gap("la phase 1", True), Gap("« adresse »", True, asked=True)
    assert AnswerComposer._caveat([phase, address], None, "X [1]") == (
        "Les documents ne précisent pas cela pour la phase 1, ni sur « adresse ». Le passage le plus proche dit : X [1]"
    )
    assert AnswerComposer._caveat([address], None, "X [1]").startswith(
        "Les documents ne répondent pas précisément sur « adresse »."
    )


def test_an_index_made_by_another_text_analysis_is_served_with_a_warning(page_index, fake_encoder, monkeypatch, caplog):
    import qa.reloader

    monkeypatch.setattr(qa.reloader, "ANALYSIS_VERSION", qa.reloader.ANALYSIS_VERSION + 1)
    with caplog.at_level("WARNING", logger="qa.reloader"):
        retriever = qa.reloader.load_retriever(page_index, fake_encoder)
    assert retriever.bundle.chunks and "poles-qa index build" in caplog.text


def test_a_sentence_giving_the_name_asked_about_defines_it():
    assert gives_name("Pôles 2.0", 'une deuxième phase (2009-2012), souvent nommée "Pôles 2.0".')
    assert gives_name("pole 2.0", "la deuxième phase de la politique, baptisée « Pôles 2.0 ».")  # typed fast
    assert gives_name("CIADT", "le Comité interministériel d'aménagement et de développement du territoire (CIADT) du")
    assert not gives_name("pôle", "la deuxième phase, baptisée « Pôles 2.0 »")  # the whole name, not a word of it
    assert not gives_name("Pôles 2.0", "La 4ème journée, journée de présentation de « Pôles 2.0 »")


def test_a_passage_speaks_of_the_phases_its_own_heading_names():

    title = "L'évaluation de la phase 2 et le passage à la phase 3"
    text = "Le gouvernement en a tiré les conséquences. Les pôles doivent mieux accompagner les PME."
    under = Chunk("e#3", "e", title, "La phase 3 (2013-2018)", text, 0, 0)
    assert passage_phases(under, fold_accents(under.indexed_text())) == {3}
    conclusions = Chunk("e#c", "e", title, "Les conclusions", text, 0, 0)
    # a title naming two phases says which each section is about: « Les conclusions » speaks of neither by itself
    assert passage_phases(conclusions, fold_accents(conclusions.indexed_text())) == set()
    alone = Chunk("e#a", "e", "La phase 3", "Les conclusions", text, 0, 0)
    assert passage_phases(alone, fold_accents(alone.indexed_text())) == {3}  # a title naming one phase does


def sentence(service: AnswerService, text: str, previous: str | None = None, before: str = "") -> Unit:
    """A sentence as the composer reads it, with the terms of the sentences before it in its passage."""
    terms = service._engine.retriever.analyzer.terms
    return Unit(text, terms(text), previous, None, [], frozenset(terms(before)))


def test_a_reason_is_read_with_the_fact_it_explains_only_when_that_fact_is_its_subject(service):
    scorer, analyse = service._engine.composer.scorer, service._engine.retriever.analyse
    fact = "La deuxième phase a été prolongée d'un an."
    reason = sentence(service, "La prolongation aligne les calendriers afin de mieux coordonner.", fact, fact)
    other = sentence(service, "Le gouvernement agit afin de mieux coordonner.", fact, fact)
    why = analyse("Pourquoi a-t-on prolongé la phase 2 d'un an ?")
    assert scorer._gives_reason(why, reason)
    assert not scorer._gives_reason(why, other)  # its subject is not what is asked about
    assert not scorer._gives_reason(analyse("Quand la phase 2 a-t-elle été prolongée ?"), reason)
    # the fact asked about in other words: « décalé » is what « la prolongation » did
    assert scorer._gives_reason(analyse("Pourquoi a-t-on décalé la fin de la phase 2 d'un an ?"), reason)


def test_a_cause_asked_must_be_said_of_what_the_question_is_about(service):
    retriever = service._engine.retriever

    def unsaid_in(question, said):
        return unsaid(retriever.analyse(question), said, retriever.analyzer, retriever.lexical.thesaurus)

    firms = (
        "L'évaluation a été confiée aux cabinets BCG et CM International ; 58 pôles avaient atteint leurs objectifs."
    )
    assert unsaid_in("pk ils ont pris BCG pour l'évaluation ?", firms)  # « objectifs » is said of the pôles
    extended = "La phase 2 a été prolongée d'un an, afin de mieux coordonner les deux dispositifs."
    assert not unsaid_in("pourquoi la phase 2 a été prolongée ?", extended)
    # the fact again, said partly by its heading (« … pôles dédiés aux écotechnologies »): still no cause
    query = retriever.analyse("pourquoi il y a eu que 19 candidatures pour les pôles écotech ?")
    received = "Les dossiers pouvaient être déposés jusqu'au 2 octobre 2009 ; dix-neuf candidatures ont été reçues."
    heading = "La labellisation de nouveaux pôles dédiés aux écotechnologies"
    assert unsaid(query, received, retriever.analyzer, retriever.lexical.thesaurus, heading=heading)
    total = "Avec ces six labels et les six retraits décidés le même jour, le nombre total de pôles reste de 71."
    assert not unsaid_in("Pourquoi le nombre de pôles n'a pas augmenté malgré les six nouveaux ?", total)


def test_a_creation_or_what_became_of_things_must_be_said(service):
    retriever = service._engine.retriever
    analyse = retriever.analyse

    def unsaid_in(query, said):
        return unsaid(query, said, retriever.analyzer, retriever.lexical.thesaurus)

    created = analyse("Le pôle Nucléaire Bourgogne a été créé en quelle année ?")
    assert unsaid_in(created, "Le CIADT a renouvelé le label de sept d'entre eux : Nucléaire Bourgogne.")
    assert not unsaid_in(created, "Le CIADT du 11 mai 2010 a retenu six nouveaux pôles.")
    became = analyse("Que sont devenus les six pôles qui ont perdu leur label ?")
    assert unsaid_in(became, "Six pôles ont en revanche perdu leur label : Sporaltec.")  # said already
    assert not unsaid_in(became, "Les six pôles ont rejoint d'autres pôles.")
    group_3 = analyse("Que sont devenus les 13 pôles du groupe 3 après 2009 ?")
    assert not unsaid_in(group_3, "Le CIADT a renouvelé le label de sept d'entre eux.")  # what befell them
    next_ = analyse("Qu'est devenu Sporaltec ensuite ?")  # after what was said of it: what came next
    assert unsaid_in(next_, "Six pôles ont en revanche perdu leur label : Sporaltec.")


def test_what_happened_is_not_answered_by_what_could_happen(service):
    retriever = service._engine.retriever
    rule = "Les pôles du groupe 2 sont réexaminés ; si cet examen est insatisfaisant, le soutien peut être révisé."

    def unsaid_in(question, said=rule):
        return unsaid(retriever.analyse(question), said, retriever.analyzer, retriever.lexical.thesaurus)

    assert [g.description for g in unsaid_in("des pôles du groupe 2 ont perdu de l'argent ?")] == ["« ont perdu »"]
    assert unsaid_in("combien de pôles ont raté l'examen ?")
    assert not unsaid_in("que se passe-t-il si l'examen est raté ?")  # the rule itself is asked
    assert not unsaid_in("Mon pôle a été classé en groupe 2, qu'est-ce qui nous attend ?")
    assert not unsaid_in("Les pôles du groupe 2, ils ont une contrainte particulière ?")
    assert not unsaid_in("des pôles ont perdu de l'argent ?", "Le soutien financier de deux pôles a été réduit.")


def test_names_of_a_group_are_given_by_a_sentence_about_that_group(service):
    retriever = service._engine.retriever
    first = retriever.analyse("Quels pôles étaient classés dans le groupe 1 ?")

    def unsaid_in(query, said):
        return unsaid(query, said, retriever.analyzer, retriever.lexical.thesaurus)

    assert unsaid_in(
        first, "L'évaluation a été confiée aux cabinets Boston Consulting Group (BCG) et CM International."
    )
    assert not unsaid_in(first, "Les pôles du groupe 1 sont Aerospace Valley et Minalogic.")
    who = retriever.analyse("Avec qui les pôles du groupe 1 signent-ils un contrat ?")  # the group said before it
    assert not unsaid_in(who, "Chacun a signé un contrat de performance avec l'État.")
    # the group last named before the sentence in its passage is the one it goes on about
    third = retriever.analyse("Dans le groupe 3, quels pôles ont perdu leur label ?")
    lost = "Six pôles ont en revanche perdu leur label : Sporaltec (Saint-Étienne)."
    args = (retriever.analyzer, retriever.lexical.thesaurus)
    assert not unsaid(third, lost, *args, before="Les 13 pôles du groupe 3 ont été évalués. Ces sept pôles signent.")
    assert unsaid(third, lost, *args, before="Les pôles du groupe 3 restent. Les pôles du groupe 1 signent.")


def test_one_group_is_not_counted_by_a_figure_for_several(service):
    retriever = service._engine.retriever

    def unsaid_in(question, said="58 pôles avaient atteint leurs objectifs (groupes 1 et 2)."):
        return unsaid(retriever.analyse(question), said, retriever.analyzer, retriever.lexical.thesaurus)

    assert [g.description for g in unsaid_in("combien de pôles dans le groupe 2 ?")] == ["le groupe 2"]
    assert unsaid_in("combien étaient dans le groupe 1 et combien dans le groupe 2 ?")
    assert not unsaid_in("combien de pôles dans les groupes 1 et 2 ?")
    assert not unsaid_in("combien de pôles dans le groupe 3 ?", "13 pôles (groupe 3) devaient se reconfigurer.")


def test_those_turned_down_are_not_named_by_a_sentence_about_those_retained(service):
    retriever = service._engine.retriever

    def unsaid_in(question, said):
        return unsaid(retriever.analyse(question), said, retriever.analyzer, retriever.lexical.thesaurus)

    recales = "Quels sont les noms des dossiers écotechs recalés ?"
    assert unsaid_in(recales, "Le CIADT du 11 mai 2010 a retenu six nouveaux pôles : Eau, Team2.")
    assert not unsaid_in(recales, "Six pôles ont en revanche perdu leur label : Sporaltec.")
    assert not unsaid_in(recales, "Treize dossiers n'ont pas été retenus : A, B.")


def test_a_stressed_question_is_answered_by_a_sentence_that_says_its_deed(service):
    retriever = service._engine.retriever

    def unsaid_in(question, said="Il a reçu 86 propositions, dont 35 ont été présélectionnées."):
        return unsaid(retriever.analyse(question), said, retriever.analyzer, retriever.lexical.thesaurus)

    assert not unsaid_in("Combien de projets ont vraiment été présélectionnés ?")  # « vraiment » only stresses
    assert unsaid_in("et combien de projets ont vraiment été financés ?")  # a preselection is not the funding


def test_what_was_not_done_is_not_answered_by_what_was(service):
    retriever = service._engine.retriever
    not_kept = retriever.analyse("Quels étaient les dossiers écotech qui n'ont pas été retenus en 2010 ?")
    assert not_kept.negated == "n'ont pas été retenus" and not_kept.negated_word == "retenus"
    assert retriever.analyse("les dossiers non retenus ?").negated_word == "retenus"

    def unsaid_in(said):
        return unsaid(not_kept, said, retriever.analyzer, retriever.lexical.thesaurus)

    assert unsaid_in("Le CIADT a retenu six nouveaux pôles, dont Team2 dans le Nord-Pas-de-Calais.")
    assert not unsaid_in("Treize dossiers n'ont pas été retenus.")  # said as denied
    # those not chosen, of a sentence on all the files sent: it says nothing of them
    assert unsaid_in("Dix-neuf candidatures ont été déposées.")
    assert not unsaid_in("Treize dossiers ont été écartés.")  # turned down, in other words
    # asked yes or no, « Sporaltec n'a pas perdu son label ? » is answered by « ont perdu leur label »
    check = retriever.analyse("Sporaltec n'a pas perdu son label ?")
    said = "Six pôles ont perdu leur label : Sporaltec."
    assert not unsaid(check, said, retriever.analyzer, retriever.lexical.thesaurus)


def test_until_when_prefers_the_sentence_that_says_until(service):
    scorer, analyse = service._engine.composer.scorer, service._engine.retriever.analyse
    until = analyse("Jusqu'à quelle date pouvait-on déposer un dossier ?")
    assert scorer._names_focus(until, sentence(service, "Les dossiers pouvaient être déposés jusqu'au 2 octobre 2009."))
    assert not scorer._names_focus(until, sentence(service, "La journée a eu lieu le 30 juin 2009."))
    deadline = analyse("date limite depot candidatures ecotechnologies")  # a deadline, no question word
    assert deadline.kind is AnswerType.DATE
    assert scorer._names_focus(
        deadline, sentence(service, "Les dossiers pouvaient être déposés jusqu'au 2 octobre 2009.")
    )


def test_a_cost_asked_of_a_thing_is_an_amount_said_of_it(service):
    retriever = service._engine.retriever

    def unsaid_in(question, said):
        return unsaid(retriever.analyse(question), said, retriever.analyzer, retriever.lexical.thesaurus)

    launch = "Après l'évaluation positive de la première phase, l'État a affecté 1,5 milliard d'euros au lancement d'une deuxième phase."
    assert unsaid_in("Combien a coûté cette évaluation ?", launch)  # the evaluation is named, far from the amount
    assert not unsaid_in("Combien a coûté la phase 2 ?", launch)
    assert not unsaid_in(
        "Combien ont coûté les plates-formes ?", "L'État consacre 35 millions d'euros par an aux plates-formes."
    )
    assert not unsaid_in("Combien a coûté l'étude ?", "L'étude a coûté des centaines de milliers d'euros.")
    # the thing first, its amount asked after: « le grand emprunt c'était combien ? »
    envelope = "L'enveloppe de l'État reste fixée à 1,5 milliard d'euros sur trois ans."
    assert retriever.analyse("le grand emprunt c'etait combien de milliards").cost_of == "le grand emprunt"
    assert unsaid_in("le grand emprunt c'etait combien de milliards", envelope)
    assert not unsaid_in("l'enveloppe c'était combien ?", envelope)
    assert not unsaid_in("la phase 2 c'était combien ?", launch)


def test_what_came_next_is_the_sentence_after_the_quote():
    said = "Prévue initialement pour 2009-2011, la phase 2 a été prolongée d'un an, jusqu'à la fin de 2012."
    told = "Cette décision a été annoncée par le Premier ministre."
    texts = [said, told, "La prolongation aligne le calendrier des pôles.", "Les contrats sont prolongés d'autant."]
    units = [
        Unit(text, [], texts[n - 1] if n else None, texts[n + 1] if n + 1 < len(texts) else None, [])
        for n, text in enumerate(texts)
    ]
    # the answer quoted the decision with the sentence it leans on: what came next is the one after both
    assert quoted_and_after(units, said[:80]) == ({0, 1}, 2)
    assert quoted_and_after(units, "Les contrats sont")[1] is None  # the quote ends the passage: the next one tells
    assert quoted_and_after(units, "Rien de tel") == (set(), None)
    kept = "Les 13 pôles ont conservé leur label jusqu'à fin 2009, puis ont été évalués une seconde fois."
    story = Unit(kept, [], None, None, [])
    query = QueryAnalysis("et après ?", next_asked=True, said_before=kept[:80])
    assert not story_goes_past_quote([[story]], query)  # « puis … »: the quote told what came next already
    assert story_goes_past_quote([units], replace(query, said_before=said[:80]))


def test_later_in_the_end_how_and_whose_name_must_be_said(service):
    retriever = service._engine.retriever

    def unsaid_in(query, said):
        return [g.description for g in unsaid(query, said, retriever.analyzer, retriever.lexical.thesaurus)]

    lost = "Six pôles ont en revanche perdu leur label : Sporaltec (Saint-Étienne)."
    later = retriever.analyse(
        "et Sporaltec il a été relabellisé plus tard ?", "quels pôles ont perdu leur label ?", lost
    )
    assert unsaid_in(later, lost) == ["« plus tard »"]  # the sentence quoted before, again
    assert not unsaid_in(later, "Sporaltec a été relabellisé en 2013.")  # another sentence that says it
    funded = retriever.analyse("Cellmill, elle a finalement obtenu son financement ?")
    assert unsaid_in(funded, "Parmi les projets présélectionnés figurent Cellmill.") == ["« a finalement obtenu »"]
    assert not unsaid_in(funded, "Cellmill a obtenu son financement en 2010.")
    how = retriever.analyse("Comment se déroulent les ateliers GTI ?")
    assert unsaid_in(how, "- Les ateliers d'échanges entre les gouvernances et les pouvoirs publics (GTI)")
    assert not unsaid_in(how, "Les ateliers GTI réunissent chaque trimestre les gouvernances et l'État.")
    assert not unsaid_in(how, "- Les ateliers GTI réunissent chaque trimestre les gouvernances et l'État à Paris.")
    minister = retriever.analyse("c ki le premier ministre qui a lancé la phase 3 ?")
    assert unsaid_in(minister, "Le gouvernement a lancé une troisième phase.") == ["le nom de la personne"]
    assert unsaid_in(minister, "Le Premier ministre a lancé une troisième phase.") == ["le nom de la personne"]
    assert not unsaid_in(minister, "Le Premier ministre Jean-Marc Ayrault a lancé une troisième phase.")
    holder = retriever.analyse("et le président de la République à ce moment-là, c'était qui ?")
    assert unsaid_in(holder, "Extraits des discours prononcés par le Président de la République.")
    assert not unsaid_in(holder, "Le Président de la République Nicolas Sarkozy a prononcé un discours.")
    prefect = retriever.analyse("à qui on envoie le dossier, au préfet ?")  # the office is the answer
    assert not unsaid_in(prefect, "Les dossiers pouvaient être déposés auprès des préfets de région.")
    launched = retriever.analyse("Finalement, la phase 3 a été lancée ?")  # the deed said, with its aim
    assert not unsaid_in(launched, "Le gouvernement a lancé la phase 3, qui vise à faire passer les pôles au produit.")
