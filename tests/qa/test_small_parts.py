import time

import pytest

from corpus.model import Chunk
from index.analysis import FrenchAnalyzer
from index.names import names_in_lower_case, pole_names, proper_names
from index.pointers import without_discourse_start
from qa.conversation import SQLiteConversationStore, Turn
from qa.followup import is_follow_up, needs_context, quoted_in
from qa.sentences import PassageSentences, answer_units
from qa.smalltalk import smalltalk_reply
from qa.validation import QuestionError, validate_question


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "vide"), ("   \n\t ", "vide"), ("x" * 1001, "trop longue"), ("Quel\x00 budget ?", "contrôle")],
)
def test_bad_questions_are_refused_with_a_french_message(question, message):
    with pytest.raises(QuestionError, match=message):
        validate_question(question, 1000)


def test_valid_question_is_normalised():
    assert validate_question("  Quel   budget ?\n", 1000) == "Quel budget ?"
    assert validate_question("Quel budget 🙂 ? مرحبا", 1000) == "Quel budget 🙂 ? مرحبا"


def test_smalltalk_gets_a_reply_but_questions_do_not():
    assert smalltalk_reply("Bonjour !").startswith("Bonjour")
    assert smalltalk_reply("merci beaucoup") is not None
    assert smalltalk_reply("Bonjour, quel est le budget de la phase 2 ?") is None


def test_follow_ups_are_recognised():
    analyzer = FrenchAnalyzer()
    assert is_follow_up("Et combien l'État y consacre-t-il par an ?", analyzer)
    assert is_follow_up("Lesquels sont consacrés à l'eau ?", analyzer)
    assert is_follow_up("Qui l'a réalisée ?", analyzer)
    assert not is_follow_up("Combien l'État a-t-il consacré à la deuxième phase des pôles ?", analyzer)
    assert is_follow_up("Elle dure combien de temps ?", analyzer)  # « elle »: what was just spoken of
    assert not needs_context("Il y a combien de pôles ?", analyzer)  # « il y a » points at nothing
    assert not is_follow_up("Y a-t-il un pôle en Alsace ?", analyzer)
    for whole in ("Combien y a-t-il eu de pôles ?", "Y a-t-il eu une évaluation ?", "Qu'y a-t-il dans le rapport ?"):
        assert not needs_context(whole, analyzer)  # « y a-t-il » stands for nothing said before
    assert is_follow_up("ce pôle est dans quelle région ?", analyzer)  # « ce pôle »: the one just named
    assert is_follow_up("ces cabinets ont rendu leurs conclusions quand ?", analyzer)
    assert not is_follow_up("Qu'est-ce que le Fonds unique interministériel ?", analyzer)
    assert is_follow_up("c'était lancé quel jour ?", analyzer)  # « c' »: what was just spoken of
    assert not is_follow_up("C'est quoi le slogan de la phase 3 ?", analyzer)
    assert not is_follow_up("c'était prévu quand, la phase 4 des pôles ?", analyzer)  # named after the comma
    for whole in ("C'est quelle région qui a le plus de pôles ?", "c'est possible de candidater deux fois ?"):
        assert not is_follow_up(whole, analyzer), whole


def test_answer_units_keep_a_list_with_its_intro():
    units = answer_units("Une phrase. Une autre phrase.\n\nLes axes sont :\n\n- un axe ;\n- deux axes.")
    assert units == ["Une phrase.", "Une autre phrase.", "Les axes sont :\n- un axe ;\n- deux axes."]


def test_a_passage_opening_on_what_the_one_before_said_is_read_with_it():
    analyzer = FrenchAnalyzer()
    before = Chunk(
        "d#1",
        "d",
        "Suites",
        "Suites",
        "Elle a réparti les pôles : 58 pôles avaient atteint leurs objectifs "
        "(groupes 1 et 2), tandis que 13 pôles (groupe 3) devaient se reconfigurer.",
        0,
        100,
    )
    under = Chunk(
        "d#2", "d", "Suites", "Pôles des groupes 1 et 2", "Pour ces pôles, le label a été confirmé.", 100, 140
    )
    same = Chunk("d#3", "d", "Suites", "Pôles des groupes 1 et 2", "Avec ces labels, 71 pôles.", 140, 170)
    alone = Chunk("e#1", "e", "Autre", "Autre", "Pour ces pôles, rien.", 0, 20)
    sentences = PassageSentences(analyzer, [before, under, same, alone])
    lead = sentences.read(under)[1][0].lead_terms
    # the clause its heading names, not the one about group 3
    assert set(analyzer.terms("objectifs atteint")) <= lead and not set(analyzer.terms("reconfigurer")) & lead
    assert sentences.read(alone)[1][0].lead_terms == frozenset()  # another document's passage leans on nothing
    # under the same heading, the whole sentence before (read at a cost: the scorer prefers a sentence saying it)
    assert sentences.read(same)[1][0].lead_terms == frozenset(
        analyzer.terms("Pour ces pôles, le label a été confirmé.")
    )
    assert sentences.read(before)[1][0].lead_terms == frozenset()


def test_conversation_store_caps_history_and_expires(tmp_path):
    store = SQLiteConversationStore(tmp_path / "c.sqlite3", max_turns=2, ttl_seconds=60)
    for i in range(3):
        store.append("c1", Turn(f"q{i}", f"q{i}", "a", False, time.time()))
    assert [t.question for t in store.turns("c1")] == ["q1", "q2"]
    assert store.turns("other") == []
    store.append("old", Turn("vieux", "vieux", "a", False, time.time() - 120))
    assert store.turns("old") == []
    store.clear("c1")
    assert store.turns("c1") == []


def test_conversation_store_survives_a_reopen(tmp_path):
    SQLiteConversationStore(tmp_path / "c.sqlite3").append("c", Turn("q", "q", "a", False, time.time()))
    assert SQLiteConversationStore(tmp_path / "c.sqlite3").turns("c")[0].question == "q"


def test_what_an_answer_quoted_is_found_without_its_caveat_or_marker():
    assert (
        quoted_in("Les 13 pôles du groupe 3 ont conservé leur label. [2]")
        == "Les 13 pôles du groupe 3 ont conservé leur label."
    )
    caveat = (
        "Les documents ne précisent pas cela pour la phase 1. Le passage le plus proche dit : L'État a affecté … [1]"
    )
    assert quoted_in(caveat) == "L'État a affecté …"
    assert len(quoted_in("x" * 500)) == 80


def test_names_only_the_documents_give_are_their_capitalised_words_not_places_or_sentence_starts():

    texts = [
        "Avenia, en Aquitaine, est un pôle. Le pôle Energivie, à Strasbourg (Alsace).\n- Team2, dans le Nord",
        "L'État finance l'Aquitaine. Les pôles avenia. La Caisse des Dépôts apporte 200 000 euros ; le Fonds "
        "unique interministériel aussi.\n- Hubert Falco, secrétaire d'État.\n- Maud, Pôle Enfant (Cholet), "
        "Aquimer et Nucléaire Bourgogne, en Languedoc-Roussillon et Midi-Pyrénées.",
        "Six pôles ont perdu leur label : Sporaltec (Saint-Étienne).",
    ]
    names = proper_names(texts)
    assert {"energivie", "team2", "falco", "aquimer"} <= names  # inside a sentence, first in a list item
    assert "sporaltec" in names  # a colon opens no sentence
    assert "avenia" not in names  # also written without a capital
    assert not names & {"aquitaine", "strasbourg", "alsace", "les", "etat", "midi-pyrenees", "languedoc-roussillon"}
    assert not names & {"caisse", "depots", "fonds", "enfant", "nucleaire", "bourgogne"}  # words of longer names
    assert "maud" not in names  # four letters: a word too


def test_a_pole_named_with_an_everyday_word_is_a_name_after_pole_in_lower_case():
    known = frozenset(pole_names(["- le pôle Eau, à vocation mondiale ;", "Pôle Enfant (Cholet) a perdu son label."]))
    assert known == {"pole eau", "pole enfant"}
    assert names_in_lower_case("adresse du pole eau svp", known) == {"eau"}
    assert names_in_lower_case("le POLE ENFANT il etait ou", known) == {"ENFANT"}
    assert not names_in_lower_case("quels pôles pour l'eau ?", known)  # the word alone is no name


def test_what_is_said_before_asking_is_set_aside():

    assert without_discourse_start("ok et elle a été lancée quel jour ?") == "et elle a été lancée quel jour ?"
    assert without_discourse_start("Ah ok merci, et combien ?") == "et combien ?"
    assert without_discourse_start("merci") == "merci"  # nothing asked: kept for small talk
    assert without_discourse_start("Super-pôles ?") == "Super-pôles ?"
    assert without_discourse_start("d’accord, et combien ?") == "et combien ?"  # a phone's apostrophe
    assert without_discourse_start("ok merci !") == "merci !"  # never down to punctuation
    assert without_discourse_start("Oui ou non, la phase 2 est-elle prolongée ?").startswith("Oui ou non")
