"""A small French thesaurus of the domain: words users say for what the documents say."""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.analysis import FrenchAnalyzer
from index.dictionary import french_dictionary
from index.french_words import MONEY_SLANG

# Each group lists words that a question may use for one another. They are analysed with
# the same FrenchAnalyzer as the passages, so only the surface words are written here.
_GROUPS = [
    "budget argent financement financer enveloppe crédits fonds montant somme coût dépense euros "
    "milliard millions consacrer affecter dotation subvention aides " + " ".join(MONEY_SLANG),
    "écotechnologies ecotechs écotechs vertes verts environnement environnementales écolo écolos",
    "territoire territoires territoriales territorial régions régional régionaux locales",
    "apporte apporter donne donner offre offrir procure disposition",  # « mettent à la disposition des entreprises »
    "labos labo laboratoires laboratoire",
    "journée rencontre colloque réunion réunions événement",
    "ateliers atelier réunions réunion séances",  # « les réunions entre les pôles et l'administration »
    "cabinets consultants conseil sociétés prestataires",
    "domaines secteurs thématiques",
    "réparti répartir classé classés classer catégories groupes",  # « les 71 pôles ont été classés comment ? »
    "lancement lancer démarrage démarrer démarré départ début débuter commencer commencé",
    "prolongation prolonger prolongée extension allongement rallongement rallonger rallongée report décalée décaler "
    "repoussé repoussée repousser reportée",
    "axes priorités orientations volets chantiers",
    "objectif objectifs but cible viser",
    "label labellisation labellisé labelliser",
    "évaluation évalué bilan audit étude",
    "examen examiner contrôle contrôler contrôlé vérification vérifier",
    "conclusions conclusion conclure conclu concluait conclut constate constat",  # the stems differ
    # « les résultats sont sortis quand ? » for « ses conclusions ont été rendues publiques en juin 2008 »
    "publiées publiée publié publiés publier publication publiques sortis sortie sorti sortir parus paru parution",
    "perdu perdre retrait retirer retiré supprimé déclassé recalé recalés exclu exclus éliminé éliminés virés viré",
    # kept, in everyday words: « combien ont été sauvés / repêchés ? » for « a renouvelé le label de sept »
    "renouvelé renouveler reconduit reconduits maintenu maintenus sauvé sauvés repêché repêchés",
    "candidatures candidats dossiers propositions",
    "déposer adresser envoyer transmettre soumettre",
    "présélectionnés retenus sélectionnés",
    "pme entreprises boîtes boites",  # « les boîtes des pôles »
    "grandir croissance croître",
    "période durée calendrier années",
    "années ans",
    "mot-d'ordre slogan devise",
    "concertation consultation débat dialogue",
    "président chef présider préside présidé",
    "ministre ministres secrétaire",  # « quel ministre a dit … ? » for « Hubert Falco, secrétaire d'État, … »
    "directeur directrice diriger dirige dirigé dirigeant",  # not « direction », whose stem is « directement »'s
    "correspondants représentants",
    "administration administrations publics",  # « l'administration » for « les pouvoirs publics »
    "collectivités régions départements communes",
    "rôle mission fonction",
    "décision décider décidé",
    "demande exige exigences",
    "exigeants exigeant stricts strict durs dur sévères contraignants souples souple",  # one scale: « plus souples ? »
    "contrats contrat accords accord conventions convention",
    "parole discours intervention allocution parler parlé exprimé prononcé prononcés speech speechs",
    "positive positif favorable",
    "initialement départ prévu origine",
    "coordonne coordonner coordinateur coordination chapeaute chapeauter chapeautent superviser supervise",
    "porté portée portés portées portent porter",  # « quelles régions le portent ? »: the stems differ
    "intermédiaire mi-parcours",
    "mieux meilleur meilleure meilleurs meilleures",  # the comparative of « bien » and of « bon »  # « le point d'étape à mi-parcours »: « un examen intermédiaire »
    "aider aide accompagner accompagnement soutenir soutien appuyer appui",
    # « le pôle du recyclage et de la dépollution » for « la valorisation des déchets et le traitement des sols pollués »
    "valorisation valoriser recyclage recycler",
    "pollués pollution polluer dépollution dépolluer",
]
# Words of « Saint-Étienne », « Midi-Pyrénées », « Rhône-Alpes », « Nord-Pas-de-Calais » that name no place alone
_NO_PLACE_ALONE = {"saint", "midi", "alpes", "pas", "de"}
# How the people of a place are called (« provençaux », « toulousains »): French words that may name a place
_PEOPLE_OF_A_PLACE = re.compile(r"(?:ais|aise|ois|oise|ien|ienne|al|ale|aux|ain|aine|in|ine|on|onne|ard|arde)s?$")
_INFLECTIONS = ("", "s", "e", "es")  # « nantaises » is « nantaise »; « bordel » is no « bordelais »
# Places the documents name, and what their people are called (« le pôle stéphanois », « un pôle alsacien »)
_PLACE_GROUPS = [
    "alsace alsacien alsacienne alsaciens alsaciennes",
    "lorraine lorrain lorrains",
    "aquitaine aquitain aquitains",
    "rhône-alpes rhônalpin rhônalpins lyon lyonnais lyonnaise lyonnaises",
    "saint-étienne stéphanois stéphanoise",
    "poitiers poitevin poitevine poitevins",
    "nantes nantais nantaise",
    "clermont-ferrand clermontois clermontoise auvergne auvergnat auvergnate",
    "bordeaux bordelais bordelaise",
    "bourgogne bourguignon bourguignonne bourguignons",
    "languedoc-roussillon languedocien montpellier montpelliérain",
    "midi-pyrénées toulouse toulousain toulousaine",
    "provence provençal provençale marseille marseillais",
    "nord-pas-de-calais nordiste nordistes lille lillois",
]


class Thesaurus:
    """Maps an index term to the other terms of its group."""

    def __init__(
        self, analyzer: FrenchAnalyzer, groups: list[str] = _GROUPS, place_groups: list[str] = _PLACE_GROUPS
    ) -> None:
        self._related: dict[str, set[str]] = {}
        self._place_words: set[str] = set()  # folded words of the places' groups and their parts: « lyon », « etienne »
        self._place_terms: set[str] = set()  # their index terms: « stephanois », « etien »
        for group in groups:
            self._relate({t for word in group.split() for t in analyzer.terms(word.replace("-", " "))})
        for group in place_groups:
            words = {w for word in analyzer.words(group) for w in (word, *word.split("-")) if w not in _NO_PLACE_ALONE}
            terms = {t for word in words for t in analyzer.terms(word) if "-" not in word}
            self._place_words |= words
            self._place_terms |= terms
            self._relate(terms)
        self._terms = analyzer.terms

    def _relate(self, terms: set[str]) -> None:
        for term in terms:
            self._related.setdefault(term, set()).update(terms - {term})

    def place_terms(self, folded_word: str) -> list[str]:
        """The index terms of a word that name a place: « etien » of « saint-etienne », not « alpe » of
        « rhone-alpes » (« Provence-Alpes-Côte d'Azur » is not Rhône-Alpes)."""
        return [t for t in self._terms(folded_word) if t in self._place_terms]

    def is_place(self, folded_word: str) -> bool:
        """A word of the question that names a place of the documents, or its people: « lyonnaises », « st-etienne »,
        « lyonais »; not « bordel », whose stem is the word itself and only by chance that of « bordelais », nor
        another French word of a place's stem (« bordels », « nantis »)."""
        if any(folded_word.removesuffix(ending) in self._place_words for ending in _INFLECTIONS):
            return True
        if folded_word in french_dictionary() and not _PEOPLE_OF_A_PLACE.search(folded_word):
            return False
        return any(t in self._place_terms and t != folded_word for t in self._terms(folded_word))

    def related(self, term: str) -> set[str]:
        return self._related.get(term, set())

    def family(self, term: str) -> set[str]:
        """The term and the other terms of its group."""
        return self.related(term) | {term}

    def found_in(self, term: str, terms: Iterable[str]) -> bool:
        """The terms hold the term or another of its group: « évaluation » for « évalué »."""
        return not self.family(term).isdisjoint(terms)
