"""What a question names and a passage answering it must carry: years, phases, names, what is counted or
defined."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from corpus.model import Chunk
from index.analysis import FrenchAnalyzer, fold_accents
from index.figures import MONTHS, NUMBER_WORDS, figures_named
from index.french_words import MONEY_SLANG
from index.names import PEOPLE_OF_PLACE, names_given, names_in_lower_case
from index.phases import groups_in, phases_in
from index.pointers import folded_and_written

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# « hormis l'État et la CDC, qui … ? », « à part la Caisse des Dépôts », « en dehors de l'État »: set aside
_SET_ASIDE = re.compile(
    r"\b(?:hormis|a part|mis a part|en dehors|sauf|excepte|en plus|outre|au-dela|autres? que)\s+"
    # someone: « du FUI », « des collectivités », « de Bpifrance », « l'État »; not « à part dans un domaine »
    r"((?:de l'|de la |du |des |d'|de |l'|la |le |les |eux|elles?\b|lui\b)[^,?;]*)"
)
# The asker speaking of themselves: « je bosse dans un pôle en Bretagne, … », « moi j'habite à Rennes » — where they are,
# not what the answer must carry
_ASKER = re.compile(  # where they work or live, up to what they ask (« j'habite à Rennes et je voudrais savoir … »)
    r"\b(?:je|j'|nous)\s*(?:(?:bosse|travaille|taffe|suis|vis|sommes|bossons|travaillons)\s+(?:dans|a|en|au|chez)\b"
    r"|(?:habite|reside|habitons)\b"
    rf"|(?:suis|sommes)\s+(?=(?:{PEOPLE_OF_PLACE.pattern})))"  # « je suis breton »
    r"[^,:;.?!]*?(?=\s+(?:et|mais|donc|combien|quel\w*|qui|ou)\b|[,:;.?!]|$)"
)
_LINKING = {"les", "des", "aux", "une", "par", "pour"}
# The thing a question counts or whose holder it asks for: "combien de pôles", "combien y avait-il de pôles",
# "qui est le président".
_COUNTED = re.compile(
    r"\b(?:(?:combien|cb|cmb|nombre(?:\s+(?:exact|precis|total))?)\s+(?:(?:y|ya)\s*(?:a(?:[- ]t[- ]il)?|avait(?:[- ]il)?|a eu|a-t-il eu|en a-t-il|en avait-il)\s+"
    r"|il\s+y\s+(?:a|avait|a eu)\s+|existe(?:nt)?-t-il\s+|existait-il\s+)?"
    r"(?:de\b|d'|d(?=\s)|des\s+(?:\d+|(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente"
    r"|quarante|cinquante|soixante|cent)(?:-[a-z]+)*)\s+(?=[a-z]))|qui (?:en |y )?(?:est|etait|sont|etaient) (?:le|la|les|l')"
    # « qui était 1er ministre … ? », « qui etait premier ministre »: an office, asked without its article
    r"|qui (?:est|etait) (?=(?:1er|premier) ministre\b))"
    r"\s*(?:(?:hauts?|hautes?|grands?|grandes?|principa(?:l|le|les|ux)|nouveaux|nouvel(?:le)?s?|nouveau|petits?|petites?"
    r"|1er|premier"
    r"|autres?|vrais?|vraies?|gros|grosses?)\s+)?"  # « qui sont les hauts responsables » asks for responsables
    r"(?P<thing>[a-z][a-z-]+)"  # « combien des dix-neuf candidatures » counts candidatures
    # « les 35 plateformes, combien finalement financées ? »: the thing counted is named first
    # « les investissements d'avenir financés par l'emprunt, ça représentait combien ? »: named with what follows it;
    # « parmi les plates-formes présélectionnées, combien … ? » counts what it goes on to name (« de pôles mondiaux »)
    # (not « les pôles bretons, combien de projets … ? », which names what it counts; nor a share asked)
    r"|^(?:et\s+)?(?:(?:sur |parmi )?(?:les|ces)\s+(?:\d+\s+)?(?P<fronted>[a-z][a-z-]+)\s*"
    r"|(?:les|ces)\s+(?P<topic>[a-z][a-z-]+)[ '][^,?]{1,60}"
    r"(?=,(?![^?]*\b(?:combien|cb|cmb)\s+(?:de\b|d'))(?![^?]*\b(?:en pourcentage|quelle part|proportion|taux)\b)))"
    r",[^?]*\b(?:combien|cb|cmb)\b"
    # « qui en assure la direction ? », « qui a pris son poste ? »: a role, which the answer must speak of
    # « qui occupe le poste de directeur ? » asks for a directeur; « qui a pris la tête du classement ? » a ranking
    r"|\bqui (?:en |y |l')?(?:assure|assurait|a pris|prend|occupe|occupait|tient|tenait|a repris|reprend) "
    r"(?:la |le |l'|son |sa |leur )?(?:poste (?:de |d'))?"
    r"(?P<role>direction|presidence|tete|poste|releve|directeur|directrice|president|presidente|dirigeant|delegue)\b"
    r"(?!\s+du classement)"
    r"|\bqui (?:en |y |l')?(?:a pris|prend|occupe|occupait|tient|tenait) (?:sa |son |leur |la )(?P<seat>place)\b"  # not « pris place »
    # « quel cabinet a réalisé … », « quel est le cabinet qui … »: a firm, named as one
    r"|\bquel(?:le)?s?\s+(?:(?:est|sont|etait|etaient)\s+(?:le|la|les|l')\s*)?"
    r"(?P<firm>cabinets?|consultants?|ministres?|societes?|prestataires?)\b"
    # « et le ministre de l'économie de l'époque, c'était qui ? »: the holder asked for is named first
    r"|^(?:et\s+)?(?:le|la|les|l')\s*(?P<holder>ministres?|president|presidente|secretaire|directeur|directrice"
    r"|responsables?|chef|delegue|prefets?|correspondants?|rapporteurs?|auteurs?)\b[^?]*?,?\s*c'(?:est|etait) (?:qui|ki)\b"
)
# An adjective right after the thing counted says which ones (« combien de pôles mondiaux », « de projets
# collaboratifs », « de pôles bretons »); by its ending, not a participle (« de projets financés », « sélectionnés »
# count the projects), a verb (« combien de pôles avions-nous ») or a word of time or of everyday speech (« actuels »,
# « officiels »), which no passage need say
_QUALIFIER = re.compile(
    r"\s+(?:a vocation |d'envergure |de dimension |de rang )?"
    r"(?!(?:(?:actuel|annuel|officiel|reel|potentiel|habituel)(?:le)?s?|ancien(?:ne)?s?"
    r"|(?:initi|fin|tot|princip)(?:al|ale|ales|aux)|nouve(?:aux|lle|lles))\b)"
    r"(?![a-z]*ion(?:s|ne|nes|nee|nees)\b)"
    r"([a-z]{4,}(?:aux|ale|ales|iens?|iennes?|iques?|els|elles?|ifs?|ives?|ains?|aines?|ois|oises?|eens?|eennes?"
    r"|aires?|ons|onnes?))\b"
)
# « combien de temps », « combien d'années » ask for a duration, « combien de millions » for an amount: not for a thing
# counted
_NOT_COUNTED = {
    "temps",
    "annees",
    "ans",
    "mois",
    "semaines",
    "fois",
    "millions",
    "milliards",
    "euros",
    "argent",
    *MONEY_SLANG,
}
# « les treize candidatures », « ces dix-neuf dossiers »: so many things named, a figure however it is written (« les
# deux », « ces deux » are rather « both »; « les trois quarts » a share)
_COUNTED_IN_WORDS = re.compile(
    rf"\b(?:les|ces) (?!deux\b)((?:{NUMBER_WORDS})(?:-[a-z]+)*) (?!(?:quarts?|tiers|coins)\b)[a-z]{{3,}}"
)


def _counted_in_words(folded: str) -> set[str]:
    return {figure for m in _COUNTED_IN_WORDS.finditer(folded) for figure in figures_named(m.group(0))}


# « qui sont les (hauts) responsables … ? » asks for anyone: a sentence naming people answers it in their titles
# « infos du pôle Avenia ? », « parle-moi du pôle Avenia »: anything about it, no attribute asked
_ANYTHING_ASKED = {"info", "infos", "information", "informations", "presentation", "details", "detail", "tout", "parle"}
_ANYONE = {"responsables", "personnes", "gens", "personnalites", "intervenants", "acteurs", "protagonistes"}
_NAMED_KINDS = r"(?:pole|projet|plate-forme|plateforme|cabinet|programme)"  # « du pôle Team2 »
# Nouns that say what kind of answer is wanted (« la taille du PDF »): the answer type checks those.
_KIND_NOUNS = frozenset(
    [
        "montant",
        "somme",
        "budget",
        "part",
        "pourcentage",
        "nombre",
        "taille",
        "cout",
        "prix",
        "date",
        "periode",
        "duree",
        "annee",
        "lieu",
        "nom",
    ]
)
# « c'est quoi le crédit d'impôt recherche et … », « qu'est-ce qu'un projet structurant ? »: what to define.
_DEFINED = re.compile(
    r"\b(?:c'est quoi|c koi|c quoi|qu'est-ce que|qu'est-ce qu'|que signifie|que veut dire|que recouvre|que sont"
    r"|comment (?:fonctionnent|fonctionne|marchent|marche))\s*"  # « comment fonctionne le crédit d'impôt … ? »
    r"(?:(?:concretement|exactement|vraiment|precisement|en vrai|au juste)\s+)?"
    r"(?:(?:les|le|la|une|un|des|cette|ce)\s+|l')?(?:sigle\s+|acronyme\s+|mot\s+)?"
    r"(.+?)(?=\s+(?:et|dans|ds|sur|pour|en|pendant|pdt|exactement|concretement)\s|\s+(?:au juste|vraiment)\b"
    r"|\s*(?:[,?;!]|\.(?!\d))|$)"
)
# The same, the thing named first: « CIADT, ça veut dire quoi ? », « les GTI c'est quoi ? », « « Pôles 2.0 », ça
# désigne quoi ? ».
_DEFINED_FIRST = re.compile(
    r"^(?:et\s+)?[«\"“]?\s*(?:(?:les|le|la|une|un|des)\s+|l')?(?:sigle\s+|acronyme\s+|mot\s+)?"
    r"([\w@'-]+(?:\.\d+)?(?:\s+[\w@'-]+(?:\.\d+)?){0,3}?)\s*[»\"”]?\s*,?\s+(?:ca\s+|c'\s*)?"
    r"(?:veut dire|signifie|designe|c'est|c|est|sont)\s+(?:quoi|koi)\b"  # « la DIACT c koi ? »
)
_RELATIVE = re.compile(
    r"(?:\b(?:avant|apres|depuis|d'ici|des|au-dela de)\s+|\bpost-?)(?:(?:la fin de |le debut de )?l'annee\s+)?$"
)
# « et après 2018 ? », « au-delà de 2012 »: a time after that year, which a passage must reach
_AFTER_YEAR = re.compile(
    r"\b(?:apres|au-dela de|post-?)\s*(?:(?:la fin de )?l'annee\s+)?((?:19|20)\d\d)\b(?!\s*[-–]\s*(?:19|20)?\d\d)"
)
# « aujourd'hui », « en ce moment », « le président actuel »: the present, of which documents ending years ago say
# nothing; « maintenant » is often the time the turn before spoke of (« y a 77 pôles maintenant ? » after the CIADT)
_NOW = re.compile(
    r"\b(?:aujourd'?hui|auj|actuel(?:le)?s?|actuellement|en ce moment|de nos jours|a l'heure actuelle|a ce jour"
    r"|a present|ces temps-ci)\b"
)
# « 2009-2012 », « (de) 2009 à 2012 », « entre 2009 et 2012 », folded: a period, whose bounds are no event of that
# year, in a question or a passage
PERIOD_SPAN = re.compile(r"\b(?:19|20)\d\d\s*(?:[-–]|a|et)\s*(?:19|20)?\d\d\b")
# A passage opening on these goes on from the one before it.
_CONTINUES = re.compile(
    r"(avec |parmi |pour |selon )?(ces|cette|ce|cet|ils|elles|il|elle|son|sa|ses|leur|leurs)\b", re.IGNORECASE
)


# A question word other than « où » (« plus ou moins » is no « où »)
_ASKS_WHICH = re.compile(r"\b(?:qui|quand|combien|cb|cmb|quoi|koi|comment|pourquoi|pk|quel\w*|lequel\w*|lesquel\w*)\b")
# « plus ou moins de 20 % ? », « au-dessus des 25 % ? »: a figure to compare with, which the true one answers
_COMPARED_SHARE = re.compile(
    r"\b(?:plus (?:ou moins )?(?:de|d'|que)|moins (?:de|d'|que)|au-dessus d\w*|au-dessous d\w*|en dessous d\w*"
    r"|sous (?:les|la barre des)|depasse\w* (?:les )?|superieure? a|inferieure? a)\s*(?:les )?\d+(?:[,.]\d+)?\s*(?:%|pour ?cents?)"
)
_SHARE = re.compile(r"(?<![\d,.])(\d+(?:[,.]\d+)?)\s*(?:%|pour ?cents?\b|pourcents?\b)")


def shares_in(folded: str) -> set[str]:
    """The percentages a folded text gives, as figures with a decimal comma: « 30 % », « 19,5% » → 30, 19,5."""
    return {m.group(1).replace(".", ",") for m in _SHARE.finditer(folded)}


def years_of_events(folded: str) -> set[str]:
    """Years a folded text gives on their own (« le 11 mai 2010 », « en 2012 »), not as a period's bounds."""
    return set(_YEAR.findall(PERIOD_SPAN.sub(" ", folded)))


def years_carried_over(chunks: list[Chunk], folded_texts: list[str]) -> list[frozenset[str]]:
    """Each passage's years from the passage before it, in the same document, when it opens on what that one said
    (« Avec ces six labels … le même jour ») or gives no year of its own: « L'étude constate … » under « Les
    conclusions » is about the study of 2012 the passage before dates. That passage's own years only, not those
    it was given in turn."""
    carried: list[frozenset[str]] = [frozenset()] * len(chunks)
    for i in range(1, len(chunks)):
        undated = not _YEAR.search(folded_texts[i])
        if chunks[i - 1].doc_id == chunks[i].doc_id and (undated or continues_the_one_before(chunks, i)):
            carried[i] = frozenset(years_of_events(folded_texts[i - 1]))
    return carried


# A day named in full (« le 11 mai 2010 ») and a name written with a capital (« CIADT », « Avenia »)
_FULL_DATE = re.compile(rf"\b\d{{1,2}}(?:er)? (?:{MONTHS}) (?:19|20)\d\d\b")
_CAPITALISED = re.compile(r"(?<![\w'])(?:[ldLD]')?([A-ZÀ-Ý][\w@'-]*)")  # « d'Avenia », « Île-de-France »


def continues_the_one_before(chunks: list[Chunk], row: int) -> bool:
    """The passage opens on what the one before it in its document said: « Avec ces six labels … le même jour »."""
    return row > 0 and chunks[row - 1].doc_id == chunks[row].doc_id and bool(_CONTINUES.match(chunks[row].text.strip()))


def said_before_it(chunks: list[Chunk], folded_texts: list[str]) -> list[str]:
    """For each passage that goes on from the one before, the days and names that one gives, which it speaks of
    without naming them (« décidés le même jour » is the CIADT of 11 May 2010); empty for the others."""
    return [
        " ".join(_FULL_DATE.findall(folded_texts[row - 1]) + _CAPITALISED.findall(chunks[row - 1].text))
        if continues_the_one_before(chunks, row)
        else ""
        for row in range(len(chunks))
    ]


_QUOTED = re.compile(r"[«“\"]([^«»“”\"]{3,80})[»”\"]")  # « Ils ont dit », "Pôles 2.0"
# A phrase worth finding as written: two words or more, eight characters or more (not « innovation », « à la »).
_QUOTABLE = re.compile(r"(?=.{8,}$)\S+(?:\s+\S+)+")
_RELATIVE_CLAUSE = re.compile(r"\s+(?:qui|que|dont)\s|\s+qu'")
_AUXILIARY = re.compile(r"\b(a|ont|est|sont|etait|avait|avaient|devenu|devenue|devenus|devenues)\b")
# « c'est quoi la différence entre … », « c'est quoi le rôle de … »: about something, not a word to define
_NOT_DEFINED = {
    "diff",
    "difference",
    "differences",
    "rapport",
    "lien",
    "role",
    "interet",
    "avantage",
    "avantages",
    "but",
    "objectif",
    "principe",
    "suite",
    "resultat",
    "resultats",
    "bilan",
    "conclusion",
    "conclusions",
    "probleme",
    "idee",
}
# « qu'est-ce qu'on leur demande ? », « c koi leurs noms ? »: a clause or something said before, nothing to define;
# « c'est quoi ce truc que l'on appelle GTI ? »: a placeholder, what it stands for comes after
_NO_NOTION_HEADS = frozenset(
    [
        "truc",
        "chose",
        "machin",
        "bidule",
        "on",
        "il",
        "elle",
        "ils",
        "elles",
        "je",
        "tu",
        "nous",
        "vous",
        "leur",
        "leurs",
        "son",
        "sa",
        "ses",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "autre",  # « c'est quoi l'autre piste ? » asks which, it defines nothing
        "autres",
    ]
)
_ADVERBS = {"concretement", "exactement", "vraiment", "precisement", "simplement", "donc", "alors"}
# A phase named as what another is compared to: « par rapport à la phase 1, les contrats de la phase 2 sont-ils plus
# exigeants ? » asks of phase 2 (not « qu'est-ce que la phase 1 ? »); figures compared need both phases' figures
# (« la phase 2 a-t-elle coûté plus que la première phase ? »)
_COMPARED_TO = re.compile(
    r"\b(?:par rapport (?:a|au)|compare(?:e|s|es)? (?:a|au|avec)|contrairement (?:a|au)|a la difference (?:de|du)"
    r"|\b(?:plus|moins|autant|aussi|mieux|davantage)\b[^?,]{0,60}?\bqu(?:e |')"
    r"(?:pendant |lors de |dans |pour |en |(?:ceux|celles|celui|celle) (?:de|du|d') ?)?)"
    r"\s*(?:la |le |l')?"
    r"(?:(?:premiere|deuxieme|seconde|troisieme|quatrieme|\d\s*(?:e|eme|ere|re))\s+phase|phase\s+(?:\d|[ivx]+)\b)"
)


_FIGURES = re.compile(
    r"\b(?:combien|cb|cmb|coute?s?|coutait|budget|montant|euros?|millions?|milliards?|nombre|dure(?:e|r)?|argent"
    r"|financ\w*|longue?s?|courte?s?|cher|chere)\b"
)


def holds_phrase(folded_text: str, phrase: str) -> bool:
    """The folded text has the folded phrase as whole words: « ils ont dit », not « eti » in « competitivite »."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded_text) is not None


@dataclass(frozen=True)
class Constraints:
    """What the question names and a passage answering it must carry."""

    years: frozenset[str] = frozenset()
    phases: frozenset[int] = frozenset()
    names: frozenset[str] = frozenset()  # as the user wrote them
    generic: frozenset[str] = frozenset()  # « une PME »: must be known to the documents, not to the passage
    asked: str | None = None  # index term of what is asked: « combien de <dossiers> », « l'<adresse> du pôle X »
    asked_word: str | None = None  # that word as the user wrote it
    listed: str | None = None  # the details « quels … » lists, folded: « quels <indicateurs> … ? »
    listed_word: str | None = None  # as written
    defined: tuple[str, ...] = ()  # index terms of what « c'est quoi … » asks to define
    defined_words: str | None = None  # as written
    quoted: tuple[str, ...] = ()  # what the user wrote between quotes, folded: « Ils ont dit »
    within: str | None = None  # « Et qui le préside ? »: the passage must be the one the last answer quoted
    groups: frozenset[str] = frozenset()  # « les pôles du groupe 2 »: numbered groups the passage must speak of
    # Years the question gives as a period's bounds (« pour 2009-2011 », « entre 2009 et 2012 »): a passage's
    # period with those bounds answers; other years asked are events of that year
    period_years: frozenset[str] = frozenset()
    after_years: frozenset[str] = frozenset()  # « et après 2018 ? »: a passage must speak of a later year
    now: str | None = None  # « en ce moment », as written: the present is asked, which no passage speaks of
    # « Hormis l'État et la Caisse des dépôts, qui … ? »: the words of who is set aside, folded; not the answer
    set_aside: frozenset[str] = frozenset()
    shares: frozenset[str] = frozenset()  # « les 30 % de projets verts »: percentages named, as figures (« 30 »)
    figures: frozenset[str] = frozenset()  # « les 19 dossiers », « au bout de 18 mois »: other figures named
    # « combien de pôles mondiaux ? »: the kind of thing counted, which the passage must say (index term, as written)
    qualifier: str | None = None
    qualifier_words: str | None = None

    def __bool__(self) -> bool:
        return bool(
            self.shares
            or self.figures
            or self.years
            or self.after_years
            or self.now
            or self.phases
            or self.names
            or self.generic
            or self.asked
            or self.listed
            or self.defined
            or self.within
            or self.groups
        )


def _attribute_of(folded: str, name: str) -> re.Match | None:
    """What the question asks of a named thing: « l'adresse du pôle Team2 » → adresse, « qui dirige le pôle
    Avenia » → dirige. A passage naming Team2 but not its address does not answer."""
    target = rf"\s*(?:{_NAMED_KINDS}\s+)?{re.escape(name)}\b"
    # « le numéro de téléphone du », « l'adresse du site web du »
    article = r"\b(?:le|la|les|l')\s*([a-z][a-z-]+)(?:\s+[a-z']+){0,3}?\s+(?:du|de la|de l'|des|de|d'|d(?= ))"
    match = re.search(article + target, folded)
    match = match or re.search(rf"\b(?:qui|ki)\s+([a-z]+)\s+(?:(?:le|la|les|l')\s*)?{target}", folded)
    # « quelles entreprises sont membres du pôle DREAM ? », « qui est président du pôle Aquimer ? »
    copula = r"\b(?:sont|est|etait|etaient|sera|seront|c'est)\s+([a-z][a-z-]+)\s+(?:du|de la|de l'|des|de|d'|d(?= ))"
    match = match or re.search(copula + target, folded)
    # « adresse du pole avenia ? », typed without an article
    # « adresse du siège du pôle Aquimer ? »
    first = re.search(
        r"^(?:et\s+)?([a-z]+)\s+(?:(?:du|de la|de l'|des|de|d'|d(?= ))\s*[a-z]+\s+)?(?:du|de la|de l'|des|de|d'|d(?= ))"
        + target,
        folded,
    )
    match = match or (first if first and first.group(1) not in _ANYTHING_ASKED else None)
    # « Hubert Falco il est de quel parti ? », « Avenia a combien de … »: « quel » and what is asked of the name
    which = re.search(
        rf"\b{re.escape(name)}\b(?:\s+[\w'-]+){{0,4}}?\s+(?:de |d'|du |a |au )?quel(?:le)?s?\s+([a-z]{{4,}})\b", folded
    )
    match = match or (which if which and which.group(1) not in _WHICH_SAID_OTHERWISE else None)
    return match if match and match.group(1) not in _KIND_NOUNS else None


# What « quel … » asks of a named thing that the passage says without the word: its place (« dans quelle région »),
# its field (« dans quel domaine »), its kind, a time
_WHICH_SAID_OTHERWISE = frozenset({
    "ville", "villes", "region", "regions", "departement", "pays", "endroit", "coin", "domaine", "domaines", "theme",
    "themes", "secteur", "secteurs", "sujet", "sujets", "thematique", "filiere", "activite", "activites",
    "specialite", "type", "genre", "sorte", "nature", "categorie", "annee", "date", "jour", "mois", "periode",
    "phase", "groupe", "moment", "occasion", "role", "poste", "fonction", "fonctions", "titre", "statut", "metier",
    "profession", "acteurs", "partenaires", "organismes", "structures", "institutions", "ministere", "differences",
    "difference", "points", "point",
})  # fmt: skip


# « quels indicateurs … ? », « sur quels critères … ? »: the details of a procedure, listed, which documents that only
# name the procedure do not give
_WHICH_LISTED = re.compile(
    r"\bquel(?:le)?s\s+(?:(?:sont|etaient|seront|seraient)\s+(?:les|leurs|ses)\s+)?((?:indicateur|critere|modalite|clause|etape|piece|justificatif|condition|regle|bareme)s)\b"
)


# « comment cette somme était-elle répartie entre les ministères ? »: what it was shared among, which the passage names
_SHARED_AMONG = re.compile(
    r"\b(?:reparti\w*|partag\w*|ventil\w*)\s+entre\s+(?:les |des )?(?!(?:plusieurs|differents|divers|tous|toutes)\b)"
    r"([a-z]{4,}s)\b"
)


def _any_of_a_kind(question: str, names: set[str]) -> set[str]:
    """Names written after « un », « une »: « une PME » is any PME, not one the passage must name (« des »
    may be « de les », which names them)."""
    return {n for n in names if re.search(rf"\b(?:un|une)\s+{re.escape(n)}\b", question, re.IGNORECASE)}


@functools.cache
def _not_defined_terms(analyzer: FrenchAnalyzer) -> frozenset[str]:
    """Index terms of the heads that make « c'est quoi … » no definition (« les objectifs », « le pb »)."""
    return frozenset(t for w in _NOT_DEFINED for t in analyzer.terms(w))


def extract_constraints(
    question: str, analyzer: FrenchAnalyzer, known_names: frozenset[str] = frozenset()
) -> Constraints:
    """What the question names and asks; `known_names` are the documents' own names, folded (« avenia »)."""
    folded, as_written = folded_and_written(question)
    names = names_given(question) | names_in_lower_case(question, known_names)
    generic = _any_of_a_kind(question, names)
    aside = " ".join(m.group(1) for m in _SET_ASIDE.finditer(folded))
    asker = " ".join(m.group(0) for m in _ASKER.finditer(folded))
    # not what the answer must carry
    names -= generic | {n for n in names if re.search(rf"\b{re.escape(fold_accents(n).lower())}\b", f"{aside} {asker}")}
    # « je suis breton »: the place of their people, unless the question names it outside that clause too
    names -= names_given(asker) - names_given(_ASKER.sub(" ", folded))
    asked = asked_word = None
    match = _COUNTED.search(folded)
    group = (match.lastgroup or 1) if match else 1  # « thing » counted, « firm » or « holder » asked for
    if match and match.group(0).startswith("qui") and match.group(group) in _ANYONE:
        match = None
    if not match or match.group(group) in _NOT_COUNTED:
        folded_names = {fold_accents(n) for n in names}
        attributes = (_attribute_of(folded, name) for name in sorted(folded_names))
        match, group = (
            next((m for m in attributes if m and m.group(1) not in folded_names), None),
            1,
        )  # « Caisse des Dépôts »
    terms = analyzer.terms(match.group(group)) if match else []
    qualifier = qualifier_words = None
    if terms:
        asked, asked_word = terms[0], as_written[match.start(group) : match.end(group)]
        # « combien de pôles mondiaux » (a thing named first is followed by its comma); not « qui sont les … »
        counted = group == "thing" and not match.group(0).startswith("qui")
        kind = _QUALIFIER.match(folded, match.end(group)) if counted else None
        if kind and (kind_terms := analyzer.terms(kind.group(1))):
            qualifier, qualifier_words = kind_terms[0], as_written[match.start(group) : kind.end(1)]
    # « quels indicateurs doivent figurer dans un contrat ? »: the details listed, which the passage must name;
    # « répartie entre les ministères »: those it was shared among
    which = _WHICH_LISTED.search(folded) or _SHARED_AMONG.search(folded)
    defined = _DEFINED_FIRST.search(folded) or _DEFINED.search(folded)
    defined_words = as_written[defined.start(1) : defined.end(1)].strip() if defined else None
    head = defined.group(1).split()[0] if defined else ""
    about = _not_defined_terms(analyzer)
    if defined and (
        _AUXILIARY.search(defined.group(1))
        or head in _KIND_NOUNS | _NO_NOTION_HEADS
        or set(analyzer.terms(head)) & about
    ):
        defined_words = None  # « qu'est-ce que l'État a financé ? », « c'est quoi la date limite ? »: no definition
    elif defined and (clause := _RELATIVE_CLAUSE.search(defined.group(1))):
        # « c'est quoi le pôle qui recycle les déchets ? » asks which pôle: the clause is not the word to define
        defined_words = as_written[defined.start(1) : defined.start(1) + clause.start()].strip()
    defined_terms = [t for w in (defined_words or "").split() if w not in _ADVERBS for t in analyzer.terms(w)]
    return Constraints(
        set_aside=frozenset(w for w in re.findall(r"[a-z]{3,}", aside) if w not in _LINKING),
        quoted=tuple(q.strip() for q in _QUOTED.findall(folded) if _QUOTABLE.fullmatch(q.strip())),
        # compared in a yes/no question (« c'était plus ou moins de 20 % ? »); asked of (« quels projets ont reçu plus
        # de 40 % ? ») a share the passage must give
        shares=frozenset(shares_in(folded if _ASKS_WHICH.search(folded) else _COMPARED_SHARE.sub(" ", folded))),
        figures=frozenset(figures_named(folded, digits_only=True) | _counted_in_words(folded))
        - {str(p) for p in phases_in(folded)}
        - groups_in(folded),
        defined=tuple(dict.fromkeys(defined_terms)),
        defined_words=defined_words if defined_terms else None,
        # « avant 2009 », « depuis 2010 »: a year to compare with, not one the passage must give
        years=frozenset(m.group(0) for m in _YEAR.finditer(folded) if not _RELATIVE.search(folded[: m.start()])),
        phases=frozenset(phases_in(folded if _FIGURES.search(folded) else _COMPARED_TO.sub(" ", folded))),
        groups=frozenset(groups_in(folded)),
        period_years=frozenset(y for m in PERIOD_SPAN.finditer(folded) for y in _YEAR.findall(m.group(0))),
        after_years=frozenset(m.group(1) for m in _AFTER_YEAR.finditer(folded)),
        # « le président actuel du pôle en 2010 » is of 2010
        now=as_written[now.start() : now.end()] if (now := _NOW.search(folded)) and not _YEAR.search(folded) else None,
        names=frozenset(names),
        generic=frozenset(generic),
        asked=asked,
        asked_word=asked_word,
        listed=which.group(1) if which else None,
        listed_word=as_written[which.start(1) : which.end(1)] if which else None,
        qualifier=qualifier,
        qualifier_words=qualifier_words,
    )
