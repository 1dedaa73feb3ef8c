"""What kind of answer a French question expects, and whether a text holds one."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from enum import StrEnum

from index.analysis import fold_accents
from index.figures import MONTHS, NUMBER_WORDS, holds_number
from index.french_words import MONEY_SLANG, SMS_SPELLINGS
from index.synonyms import Thesaurus


class AnswerType(StrEnum):
    REASON = "reason"
    AMOUNT = "amount"
    NUMBER = "number"
    PERIOD = "period"
    DATE = "date"
    PERSON = "person"
    PLACE = "place"
    EXTENT = "extent"  # « jusqu'où … ? »: answered by « jusqu'à … »
    SHORTCOMING = "shortcoming"  # « qu'est-ce qui pèche encore ? »: answered by what remains to be done
    STRENGTH = "strength"  # « qu'est-ce que l'étude porte à leur crédit ? »: answered by what succeeded
    NAME = "name"  # « quels pôles … ? »: answered by naming them
    OTHER = "other"


_MONEY_VERBS = (
    r"(?:donn|consacr|verse|invest|depens|allou|affect|mobilis|apport|rapporte|rapportai|cout|debours|financ|pay|paie"
    r"|remuner|r?ajout)\w*"  # « elles rajoutent combien ? »; « combien de pôles ajoutés ? » counts a thing
    r"|met(?:s|tent|tre|tait|taient)?|mise?s?(?! en\b)"  # « mis sur la table », not « mis en place »
    r"|fil(?:e|es|ent|er|ait|aient)\b|lach\w*"  # « la CDC file combien ? », « a lâché combien ? »
    r"|touch\w*|percu\w*|percev\w*|empoch\w*|encaiss\w*"  # « ils ont touché combien ? »: money received
)
# « combien la réforme a-t-elle touché de pôles ? » counts pôles; « touché de subventions » is money
# Money, named: « combien de subventions » asks an amount, « d'où vient l'argent ? » a fund
_MONEY_NOUNS = (
    rf"argent|euros?|millions?|milliards?|subventions?|credits?|aides?|financ\w*|fonds|budgets?|enveloppes?"
    rf"|{'|'.join(MONEY_SLANG)}"
)
# a bare noun after « de » (« de pôles »), not a determiner or a comparative (« de la Région », « de plus »)
_NOT_A_THING = r"la|le|les|l'|sa|son|ses|leur|leurs|cette|ce|ces|plus|moins|ici|nouveau|trop"
_NO_THING_AFTER = rf"(?!\s+(?:de|d')\s*(?!(?:{_MONEY_NOUNS}|{_NOT_A_THING})(?:\b|(?<=')))[a-z])"
# « combien de pôles », « combien y a-t-il de projets financés », « combien des projets financés »: a thing counted,
# whatever the verb
_COUNTS_A_THING = r"(?!\s+(?:y a-t-il |y a t il |ya |y a |il y a |y avait-il |y en a-t-il |existe-t-il |existent-t-il )?d(?:e |es |'))"
# « les noms des dix-neuf candidatures », « leurs noms », « comment s'appellent-ils »: names, nothing less
# « c'était lesquelles ? »: they are to be named, more than one; not « les régions dans lesquelles … »
_WHICH_ONES = r"(?<!dans )(?<!sur )(?<!par )(?<!pour )(?<!avec )(?<!parmi )(?<!selon )\blesquel(?:le)?s\b"
_NAMED_THINGS = r"(?:poles?|projets?|candidat\w*|dossiers?|laureats?|plates?-?formes?|entreprises?|cabinets?)"
_ASKING = r"qui|ki|quand|qd|ou|pourquoi|pk|comment|combien|cb|quel|quelle|quels|quelles"  # another question word
_NAMES_ASKED = (
    r"\b(les|le) noms? (des?|du)\b|\bleurs? noms?\b|\bcomment s'appell|\bla liste (des|de ces)\b"
    rf"|{_WHICH_ONES}"
    # « tu peux me lister les 58 pôles ? », « citez-moi les candidatures »: a list asked for, by name
    rf"|^(?!(?:qui|ki)\b).*\b(?:lister|citer|nommer|enumerer|liste|listez|cite|citez|nomme|nommez|enumere|enumerez)"
    rf"(?:[- ](?:moi|nous))?\s+(?:les|ces|tous les|toutes les)\s+(?:[\w-]+\s+)?{_NAMED_THINGS}\b"
    rf"|\bquel(le)?s? {_NAMED_THINGS} (precis|precises|precisement)\b"  # « quels pôles précis … ? »
    # « un pôle sur les bâtiments économes ? », « le pôle pour la viande ? »: a pôle asked for by what it does
    r"|^(et )?(un|le|les|des) (poles?|plates?-?formes?) (sur|pour|dans|consacres?|dedies?|qui s'occupent?)\b"
    rf"(?![^?]*\b(?:{_ASKING}))"  # not « le pôle dans le Nord est présidé par qui ? »
)
# « les 58 pôles », « les treize candidats »: so many things asked for by name
_COUNT_WORDS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11,
    "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
}  # fmt: skip
_COUNTED_NAMES = re.compile(rf"\b(?:les|ces|des) (\d+|{'|'.join(_COUNT_WORDS)}) (?:[a-z]+ )?{_NAMED_THINGS}\b")
# « combien de temps », « sur cb d'années ? »: a length, in years, months or weeks
_HOW_LONG = re.compile(r"\b(?:combien|cb|cmb) (?:de temps|d'annees|d'ans|de mois|de semaines)\b")
# « sur combien d'années ? »: what something is spread over, said as a length (« sur trois ans »)
_LENGTH_ASKED = re.compile(r"\bsur (?:combien|cb|cmb) (?:d'annees|d'ans|de mois|de semaines)\b")
_LENGTH = re.compile(rf"\b(?:\d+|{NUMBER_WORDS}|une?)\s+(?:ans?|annees?|mois|semaines?)\b")
_QUESTION_PATTERNS = [
    (
        AnswerType.REASON,  # « pk », « pq », « pkoi » in SMS; not « c'est pourquoi »
        r"(?<!c'est )\b(pourquoi|pk|pq|pkoi|pourkoi)\b|\bpour quelle raison\b|\bdans quel but\b|\ba quoi (sert|servent)\b"
        r"|\bser(?:t|vent|vait|vaient) a quoi\b|\ba quoi (?:ca|cela) ser\w*|\butilite\b"  # « ça sert à quoi ? »
        r"|\bpour quels? motifs?\b|\braisons? (?:\w+ )?pour (?:laquelle|lesquelles)\b",  # « la raison exacte pour laquelle »
    ),
    (AnswerType.EXTENT, r"\bjusqu'(ou|a quel (point|stade|niveau|moment de))\b"),
    # before the money verbs: « a mis combien de temps », « c'est étalé sur combien d'années ? »
    (AnswerType.PERIOD, _HOW_LONG.pattern),
    # « combien ont été financés » counts what was funded; « combien ont coûté », « ont été investis » is money
    (
        AnswerType.NUMBER,
        r"\b(combien|cb|cmb)\s+(en\s+)?(ont|sont|avaient|etaient)\s+"
        r"(?!(?:ete\s+)?(?:cout|invest|consacr|depens|verse|allou|affect|rapport|donn|apport|debours|mis\b|mobilis|pay|paye"
        r"|remuner))"
        r"(ete\s+)?[a-z]+"
        # « les 35 plateformes, combien finalement financées ? »: a feminine participle counts things, not euros
        r"|\b(combien|cb|cmb)\s+([a-z]+ment\s+)?[a-z]+ees\b",
    ),
    (
        AnswerType.AMOUNT,
        r"\bquel(le)?s? (est |etait |sont |a ete )?(le |la |l')?(montant|somme|budget|enveloppe|cout|prix)\b"
        r"|\b(combien|cb|cmb) (d'argent|d'euros|de millions|de milliards|de subventions|de credits|de financements?"
        r"|coute|coutait|a coute)\b|\bmontant\b"
        rf"|\b(combien|cb|cmb) (de |d')({'|'.join(MONEY_SLANG)})\b(?!-)"  # « combien de thunes », « d'oseille »
        r"|\ble (plus|moins) (d'argent|d'euros|de financements?|de credits|de subventions|d'aides?|de fonds)\b"
        r"|\b(le|la|les) (plus|mieux|moins) (finance|dote)e?s?\b"  # « lequel a touché le plus d'argent ? »
        # « et son budget ? »; not « le budget a été voté quand ? »
        rf"|^(et )?((son|sa|leur|le|la|l') ?)?(budget|montant|enveloppe|cout|prix)\b(?![^?]*\b(?:{_ASKING}))[\w' -]{{0,40}}\??$"
        r"|\bbudget (total|global|annuel)\b|\b(c'est quoi|c'est koi|c koi|c quoi|ce koi|c koa|c'etait quoi|c'etait koi|c etait quoi) (le |la |l')?(budget|montant|enveloppe)\b"
        # (not « en échange de l'enveloppe de 1,5 milliard, … s'engager à quoi ? »: the amount is said)
        r"|\b(budget|montant|enveloppe)\b(?!\s+(?:de |d')\s*\d[\d\s,.]*\s*(?:milliards?|millions?|euros?|€)).*\b(c'est quoi|c'est koi|c koi|c quoi|koi|quoi|combien|cb|cmb) ?\??$"
        # "combien l'État a-t-il donné", "ça rapporte combien": money given or earned, not a thing counted
        rf"|\b(cb|cmb|combien)\b{_COUNTS_A_THING}[^?]*\b({_MONEY_VERBS})\b{_NO_THING_AFTER}"
        rf"|\b({_MONEY_VERBS})(-[a-z]+)*\s+(cb|cmb|combien)\b{_COUNTS_A_THING}",
    ),
    (
        AnswerType.PERIOD,
        # « la première période », « la période 2.0 » name a phase, « la période 2013-2018 » is said: no period asked
        r"(?<!premiere )(?<!deuxieme )(?<!seconde )(?<!troisieme )\bperiodes?\b(?!\s+(de\s+)?(19|20)\d\d|\s+2[.,]0)"
        r"|\bquelles annees\b|\bde quelle annee\b|\bde quand a quand\b|\bduree\b"
        r"|\b(?:prolong|rallong|allong|repouss|decal|report|retard)\w* de combien\b",  # « rallongée de combien ? »: a time
    ),
    (
        AnswerType.NUMBER,
        r"\bcombien\b|\b(cb|cmb)\b|\bquel(le)?s? (est |etait |sont )?(le |la |l')?"
        r"(montant|somme|budget|part|pourcentage|nombre|taille|cout|prix|enveloppe)\b"
        # « je cherche le nombre exact de projets », not « le nombre de pôles a-t-il grimpé ? »
        r"|\ble nombre (?:exact|precis|total) d(?:e |')"
        r"|\b(?:connaitre|savoir|cherche|voudrais|veux|avoir) le nombre (?:(?:exact|precis|total) )?d(?:e |')",
    ),
    (AnswerType.DATE, r"\bquand\b|\bqd\b|\bquelle date\b|\ben quelle annee\b|\bquel jour\b|\bquel mois\b"),
    (
        AnswerType.PLACE,
        r"^(et )?ou\b(?! (?:on )?en (?:est|etai|sont|sommes))|\bou (se|s'|a |est|sont|etait|ont|avait|avaient)|\b(dans|en) quel(le)? (ville|region)\b"
        # « cellmill c ou exactement ? », « c'est où ça ? », typed without the accent
        r"|\bc(?:'est|'etait| est| etait)? ou(?=\s*(?:exactement|precisement|ca|[?!.]|$))|\bou (?:exactement|precisement|ca)\s*\?*\s*$",
    ),
    (
        AnswerType.NAME,
        r"\bquel(le)?s? (poles?|projets?|plates?-?formes?|entreprises?|societes?|organismes?|programmes?)\b|"
        rf"\bquel(le)?s? (sont|etaient|furent) (les|ces) ((\d+|{'|'.join(_COUNT_WORDS)}|nouveaux|nouvelles|premiers|derniers"
        rf"|autres|grands|petits) ){{0,2}}{_NAMED_THINGS}\b|"  # « quels sont les six nouveaux pôles », not « les missions des pôles »
        # « c'était quoi les treize candidatures recalées ? » asks which ones; « c'est quoi les plates-formes ? » what they are
        rf"\b(?:c(?:'est|'etait| est| etait)?|ce sont|c'etaient) (?:quoi|koi) (?:les|ces) (?:\d+|{'|'.join(_COUNT_WORDS)}) "
        rf"(?:[a-z]+ )?{_NAMED_THINGS}\b|" + _NAMES_ASKED,
    ),
    (
        AnswerType.PERSON,
        # « Hormis l'État, qui peut … ? », « à part eux, qui … ? »: « qui » after a fronted phrase asks too
        r"^(et )?(qui|ki)\b|\bc(?:'est|'etait| est| etait)? (?:qui|ki)\b|^(hormis|a part|en dehors d\w*|outre|en plus d\w*|au-dela d\w*|mis a part|excepte|sauf)\b[^?]*,\s*(qui|ki)\b|\b(par|(?<!y )a|de|aupres de|avec|pour) (qui|ki)\b|\b(qui|ki)\s*\??\s*$"  # « c'est qui ? »
        r"|\bquel(?:le)?s? (cabinets?|consultants?|ministres?|personnes?|membres?|personnalites?|responsables? politiques?|elus?|secretaires? d.etat|hommes? politiques?|femmes? politiques?|autorites?|administrations?|institutions?)\b"
        r"|\baupres d(?:e|u|es) quel(?:le)?s?\b",  # « auprès de quel service … ? »: an office,
    ),
    # « date limite dépôt candidatures » asks a date with no question word; « qui a fixé la date limite ? » someone
    (AnswerType.DATE, r"\bdates? (limite|butoir)\b|\bdeadline\b"),
    # Last: « combien de pôles ont été jugés insuffisants ? » still counts, « qui a reproché … ? » asks for someone
    (
        AnswerType.SHORTCOMING,
        r"\bpoints? (faibles?|noirs?|a ameliorer)\b|\bfaiblesses?\b|\blacunes?\b|\binsuffisan\w*"
        r"|\b(qui|ca|cela|ou) peche(nt)?\b|\bpeche(nt)?(-t)?-(il|elle|ils|elles)\b|\bpeche(nt)? encore\b"  # not « la pêche »
        r"|\b(encore|mieux) (a )?(progresser|ameliorer|renforcer)\b|\bpas (ete )?(juges?|jugees?)?\s*satisfaisant"
        r"|\bce qui (ne )?va pas\b|\breste(nt)? a (faire|ameliorer|renforcer)\b|\breproch\w*",  # « reprochait »
    ),
    (
        AnswerType.STRENGTH,
        r"\bpoints? forts?\b|\b(porte|portent|porter|met|mettent|mettre|mis)\w* (a|au) (leur |son |sa )?credit\b"
        r"|\breussites?\b|\bsucces\b|\batouts?\b|\bqu'est-ce qui (a|aurait) (bien )?marche"
        r"|\bqu'(a-t-(il|elle)|ont-(ils|elles)) reussi\b|\bce qui (a )?(bien )?(marche|fonctionne)\b|\bpositi(f|fs|ve|ves)\b",
    ),
]

DATE_WORD = re.compile(rf"\b(?:(?:19|20)\d\d|{MONTHS})\b")  # a year or a month, folded
_TEXT_PATTERNS = {
    AnswerType.REASON: re.compile(
        r"\b(afin de|afin que|parce que|car|en raison|permet(tent)?|vise)\b"
        r"|\bpour (mieux )?([a-z]+(er|ir)|faire|mettre|permettre)\b"  # « pour tester », « pour mieux coordonner »
        r"|\bce qui (lui |leur )?(donne|permet|offre|assure|garantit)\b"  # what it brings: « ce qui lui donne »
    ),
    AnswerType.AMOUNT: re.compile(r"\beuros?\b|€|\bmillions?\b|\bmilliards?\b"),
    AnswerType.NUMBER: re.compile(rf"\d|\b({NUMBER_WORDS})\b"),
    AnswerType.PERIOD: re.compile(
        r"\b(19|20)\d\d\s*[-–]\s*(19|20)?\d\d\b|\bde (19|20)\d\d a (19|20)\d\d\b"
        rf"|\b(\d+|{NUMBER_WORDS})\s+(ans?|annees?|mois|semaines?|jours?)\b|\bun an\b"  # « au bout de 18 mois »
        r"|\bjusqu'(?:a|au|en) (?:la fin de )?(?:l'annee )?(?:19|20)\d\d\b"  # « jusqu'à la fin de l'année 2009 »
    ),
    # « quand ? » is answered by a date or by a delay: « un examen intermédiaire au bout de 18 mois »
    AnswerType.DATE: re.compile(
        rf"{DATE_WORD.pattern}|\b(?:au bout d[e']|apres|dans|sous) ?(?:\d+|{NUMBER_WORDS}) (?:ans?|annees?|mois)\b"
    ),
    AnswerType.EXTENT: re.compile(r"\bjusqu'(a|au|aux|en)\b"),
    AnswerType.STRENGTH: re.compile(r"(?<!pas )\breussi\w*|\bsucces\b|\bpositi(f|fs|ve|ves)\b|(?<!pas )\batteint\b"),
    AnswerType.SHORTCOMING: re.compile(
        r"\breste(nt)? a\b|\binsuffisan\w*|\ba (renforcer|ameliorer)\b|\bfaiblesses?\b|\blacunes?\b"
    ),
}
_PROPER_NOUN = re.compile(r"(?<=[a-zà-ÿ,;:(] )[A-ZÀ-Ý][\w@'-]+")
_NAME_FIRST = re.compile(r"(?m)^-\s+(?:le |la |les )?(?:pôle |projet )?[A-ZÀ-Ý][\w@'-]+")  # a list item naming one
_AFTER_PLACE_WORD = re.compile(r"\b(?:à|en|vers|dans(?:\s+(?:le|la|les))?)\s+$")  # « organisée à Paris » names a place
# People named by their role: « les présidents des 71 pôles », « les correspondants d'État », « les gouvernances des
# pôles et les pouvoirs publics » answer « qui ? » as a name would.
_ROLE = re.compile(
    r"\b(?:presidents?|correspondants?|representants?|gouvernances?|pouvoirs publics|porteurs?|elus?|dirigeants?"
    r"|chercheurs?|consultants?)\b"  # not « partenaires », « acteurs », « responsables », said of anything
)
# Who acts in these documents is often an office, not a name: « l'État a affecté », « le gouvernement a lancé ».
_OFFICE = re.compile(
    r"\b(l'etat|gouvernement|prefets?|ministres?|secretaire d'etat|collectivites|delegation|cabinets?|comite"
    # « les régions ont mis combien ? », « et les régions, elles ont versé quoi ? »: others than the State, as givers
    r"|(?:regions|departements|communes)(?=(?:,?\s+(?:elles|ils))?\s+(?:ont\s+|avaient\s+|vont\s+)?(?:mis|mett\w*|vers\w*"
    r"|apport\w*|donn\w*|financ\w*|pay\w*|pai\w*|fil\w*|rajout\w*|ajout\w*|contribu\w*|consacr\w*)))\b"
)
# The State and its offices: who gives, in these documents, unless a question names another giver (« les collectivités »)
STATE_OFFICES = frozenset(
    [
        "l'etat",
        "gouvernement",
        "ministre",
        "ministres",
        "secretaire d'etat",
        "prefet",
        "prefets",
        "delegation",
        "comite",
    ]
)
_NAMED_PLACE = r"\b(à|en|au|dans le|dans la)\s+(région\s+)?[A-ZÀ-Ý][\w'-]+|\([A-ZÀ-Ý][a-zà-ÿ][\w' -]*\)"
_PLACE = re.compile(
    _NAMED_PLACE
    + r"|\bauprès d(es?|u|e l')\s*(préfets?|préfectures?|ministères?|services|État|régions?|collectivités)\b"
)  # or an office: « auprès des préfets »
# « les dossiers venaient d'où ? », « de quelles régions ? »: where things came from, which a place names, not the
# office they were sent to (« auprès des préfets de région »)
_ORIGIN_ASKED = re.compile(
    r"\b(?:ven\w*|vien\w*|provena\w*|provien\w*|arriv\w*|issu\w*) (?:d'ou|de quelles? (?:regions?|villes?|endroits?|coins?))\b"
    r"|\bd'ou (?:ven|vien|provien|arriv)\w*|\bprovenance\b|\bd'ou sont(?:-ils|-elles)? (?:venu|issu|parti)\w*"
)

# … of things or people that are somewhere (« les dossiers », « ils »): « d'où vient l'idée / le retard ? » asks a cause
_FROM_SOMEWHERE = re.compile(
    r"\b(?:ils|elles|eux|poles?|dossiers?|candidat\w*|projets?|entreprises?|boites?|societes?|start-?ups?|pme"
    r"|laboratoires?|labos?|membres?|partenaires?|laureats?|gens|participants?|porteurs?)\b"
)

_MONEY_WORDS = re.compile(rf"\b(?:{_MONEY_NOUNS})\b")


def speaks_of_money(folded: str) -> bool:
    """The folded question names money: « l'enveloppe », « les crédits », « le fric »."""
    return _MONEY_WORDS.search(folded) is not None


def origin_asked(question: str) -> str | None:
    """The words asking where things came from, as written: « venaient d'où »."""
    written = question.replace("\u2019", "'")
    folded = fold_accents(written).lower()
    found = _ORIGIN_ASKED.search(folded)
    if not found or speaks_of_money(folded):  # « d'où vient l'argent ? »: a fund answers (« pris sur le FUI »)
        return None
    if not _FROM_SOMEWHERE.search(_subject_of(folded, found)):  # « d'où vient l'idée ? »: a cause, not a place
        return None
    return (written if len(written) == len(folded) else folded)[found.start() : found.end()]


_DETERMINER = re.compile(r"^(?:le|la|les|l|ces|ce|cette|leurs?|ses|son|sa|des|du|de|d|\d+|t)$")


def _subject_of(folded: str, asked: re.Match[str]) -> str:
    """The words of what is said to come from somewhere: the noun after the words asking (« d'où viennent les
    pôles », « il vient d'où ce pôle »), a pronoun among them (« d'où sont-ils venus »), or the few words before
    (« les dossiers venaient d'où »)."""
    after = next((w for w in re.findall(r"[a-z]+", folded[asked.end() :]) if not _DETERMINER.match(w)), "")
    if asked.group(0).startswith(("d'ou", "provenance")):
        return f"{asked.group(0)} {after}"
    return " ".join([*re.findall(r"[a-z]+", folded[: asked.start()])[-3:], after])


def names_a_place(text: str) -> bool:
    """The text names a place (« en Alsace », « (Cholet) »), not only an office (« auprès des préfets »)."""
    return re.search(_NAMED_PLACE, text) is not None


# « il avait quel poste quand il a pris la parole ? »: after another question word, « quand » + subject opens a clause
# that says when, it does not ask it (not after « qui », often a relative: « les pôles qui ont perdu leur label, quand
# l'ont-ils perdu ? »)
_CLAUSE_WHEN = re.compile(
    r"\b(?:quel(?:le)?s?|combien|comment|pourquoi)\b.*?(\s+(?:quand|lorsqu'?)\s*(?:il|elle|ils|elles|on|c'|ca)\b.*)$"
)


# « où » inside a question asks where, but not after a time (« le jour où », « au moment où »: when)
_WHERE = re.compile(
    r"(?<!jour)(?<!jours)(?<!moment)(?<!année)(?<!annee)(?<!fois)(?<!époque)(?<!epoque)(?<!mois)(?<!date)(?<!heure)"
    r"(?<!période)(?<!periode) où "
)


# « on en était où ? », « où en est la phase 2 ? »: how far things had got, no place
_HOW_FAR = re.compile(r"\boù (?:on )?en (?:est|étai|sont|sommes)|\ben (?:est|étai\w*|sont|sommes) où\b")
_SMS_WORD = re.compile(r"\b(?:" + "|".join(sorted(SMS_SPELLINGS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def answer_type(question: str) -> AnswerType:
    question = question.replace("\u2019", "'")  # phones type « ’ »
    # « c dans kel region » is « c dans quel region »: SMS spellings of words, the words (not dropped ones)
    question = _SMS_WORD.sub(lambda m: SMS_SPELLINGS.get(m.group(0).lower()) or m.group(0), question)
    folded = fold_accents(question).strip()
    if clause := _CLAUSE_WHEN.search(folded):
        folded = folded[: clause.start(1)]
    lowered = question.strip().lower()
    if (
        (lowered.startswith("où") or _WHERE.search(lowered))
        and "jusqu'où" not in lowered
        and not _HOW_FAR.search(lowered)
    ):
        return AnswerType.PLACE
    for kind, pattern in _QUESTION_PATTERNS:
        if re.search(pattern, folded):
            return kind
    return AnswerType.OTHER


PLACE_WINDOW = (
    40  # characters after a name where its place is written: « Avenia, en Aquitaine », « Sporaltec (Saint-Étienne) »
)


# « et combien ont été financés ? », « combien d'entre eux ont vu leur soutien baisser ? »: how many of the things
# spoken of did it, a count, never an amount
_HOW_MANY_DID = re.compile(
    r"\b(?:combien|cb|cmb)\s+(?:d'entre (?:eux|elles)\s+|parmi (?:eux|elles)\s+|en\s+)?"
    r"(?:ont|sont|avaient|etaient|ont-ils|ont-elles|sont-ils|sont-elles)\b"
    # « et au final cb financées ? », « combien retenus ? »: a plural participle right after it
    r"|\b(?:combien|cb|cmb)\s+(?:(?:vraiment|finalement|au final)\s+)?[a-z]{3,}(?:ees|es|is|us|ues|ts|tes)\s*(?:[?!.]|$)"
)


def counts_who_did(question: str) -> bool:
    """The question counts the things that did something: « combien ont été financés ? »."""
    return _HOW_MANY_DID.search(fold_accents(question.replace("\u2019", "'")).lower()) is not None


def places_it(text: str, name: str) -> bool:
    """The text gives the place of that name, right after it — not the place of the name before it (« Axel One, en
    Rhône-Alpes, …, et Cellmill, qui vise … » places Axel One, not Cellmill)."""
    return any(_places_after(text, name))


def _places_after(text: str, name: str) -> Iterator[re.Match]:
    """The places written right after each mention of the name."""
    for m in re.finditer(rf"\b{re.escape(name)}\b", text, re.IGNORECASE):
        if place := _PLACE.search(text[m.end() : m.end() + PLACE_WINDOW]):
            yield place


# France's regions, before and after 2016: « Axel One, en Rhône-Alpes » gives a region, not the city asked for
_REGIONS = re.compile(
    r"\b(?:r[ée]gion\s+\w|alsace|aquitaine|auvergne|normandie|bourgogne|bretagne|centre|champagne|corse"
    r"|franche-comt[ée]|[îi]le-de-france|languedoc|limousin|lorraine|midi-pyr[ée]n[ée]es|nord-pas-de-calais"
    r"|pays de la loire|picardie|poitou|provence|rh[ôo]ne-alpes|hauts-de-france|grand est|occitanie"
    r"|guadeloupe|martinique|guyane|r[ée]union|mayotte)",
    re.IGNORECASE,
)
_CITY_ASKED = re.compile(r"\b(?:quelle|kelle|quel|what)\s+(?:ville|city)\b|\bville\s*\?")


def asks_length(question: str) -> bool:
    """« 1,5 milliard, sur cb d'années ? »: so many years or months, not a period's bounds (« 2009-2012 » says when;
    « la phase 2 a duré combien d'années ? » is answered by its bounds)."""
    return _LENGTH_ASKED.search(fold_accents(question.replace("\u2019", "'")).lower()) is not None


def gives_a_length(text: str) -> bool:
    """« sur trois ans », « prolongée d'un an », « au bout de 18 mois »."""
    return _LENGTH.search(fold_accents(text).lower()) is not None


def gives_the_period_asked(text: str, question: str) -> bool:
    """A period asked is answered by its bounds or a length; « sur combien d'années ? » by a length only."""
    return gives_a_length(text) if asks_length(question) else holds_answer_type(text, AnswerType.PERIOD)


def asks_city(question: str) -> bool:
    """« S2E2 c'est dans quelle ville ? »: a city, which a region does not give."""
    return _CITY_ASKED.search(fold_accents(question).lower()) is not None


def places_in_a_city(text: str, name: str) -> bool:
    """The place the text gives right after the name is no region (« Sporaltec (Saint-Étienne) », not « Axel One, en
    Rhône-Alpes »)."""
    return any(not _REGIONS.search(place.group(0)) for place in _places_after(text, name))


_CITY = re.compile(r"\b[àÀ]\s+[A-ZÀ-Ý][\w'-]+|\([A-ZÀ-Ý][a-zà-ÿ][\w' -]*\)")  # a city is « à » one, not « en »


def gives_a_city(text: str) -> bool:
    """The text names a city: « à Paris », « (Saint-Étienne) », not « en Rhône-Alpes », « en Pays de la Loire » nor
    « auprès des préfets »."""
    return any(not _REGIONS.search(place.group(0)) for place in _CITY.finditer(text))


def names_asked(question: str) -> bool:
    """« Quels étaient les noms des candidatures ? »: only names answer it."""
    return re.search(_NAMES_ASKED, fold_accents(question.replace("\u2019", "'"))) is not None


# A figure a « pourquoi » asks about (« pourquoi le chiffre n'a pas bougé ? », « pourquoi le total reste à 71 ? ») and
# what accounts for it, said first in a sentence: « Avec ces six labels et les six retraits …, le nombre total de
# pôles reste de 71 » (not the cause of a decision: « pourquoi a-t-on gelé les labels ? »)
_FIGURE_ASKED = re.compile(
    r"\b(?:chiffres?|nombres?|total|effectifs?|compte)\b[^?]*\b(?:bouge|change|varie|reste|restait|stable|pareil|meme)\b"
    r"|\bpas (?:bouge|change|varie)\b"  # « pk ça a pas bougé alors qu'il y en a eu des nouveaux ? »
)
_ACCOUNTS_FOR_IT = re.compile(r"(?:^|(?<=[.;!?]\s)|(?<=\n))\s*avec (?:ces|ce|cette|cet)\b")


def accounts_for_the_figure(question: str, text: str) -> bool:
    """The question asks why a figure is what it is, and the text opens a sentence on what accounts for one."""
    asked = fold_accents(question.replace("\u2019", "'")).lower()
    return _FIGURE_ASKED.search(asked) is not None and _ACCOUNTS_FOR_IT.search(fold_accents(text).lower()) is not None


def names_counted(question: str) -> int:
    """How many things the question asks for by name: « la liste des 58 pôles » → 58, « lesquels ? » → 2 at least
    (0: no count given)."""
    folded = fold_accents(question.replace("\u2019", "'")).lower()
    found = _COUNTED_NAMES.search(folded)
    if found and re.search(r"\b(?:parmi|sur)\s*$", folded[: found.start()]):
        found = None  # « parmi les 13 pôles en sursis, lesquels … ? » asks some of them
    if not found and re.search(_WHICH_ONES, folded):  # « et les 13 recalées c'était lesquelles ? »
        found = re.search(  # (« parmi les 13 pôles en sursis, lesquels … ? » asks some of them)
            rf"(?<!parmi )(?<!sur )\b(?:les|ces) (\d+|{'|'.join(_COUNT_WORDS)})\b(?! (?:premi|dernie|quarts?\b|tiers\b|ans?\b|annees?\b|mois\b|semaines?\b|phases?\b|groupes?\b))",
            folded,
        )
    if not found:
        # « c'était lesquelles ? », « quels pôles … ? »: more than one
        return (
            2
            if re.search(_WHICH_ONES, folded)
            or re.search(r"\bquel(?:le)?s (?:poles|projets|plates?-?formes|cabinets|laureats)\b", folded)
            else 0
        )
    return int(found.group(1)) if found.group(1).isdigit() else _COUNT_WORDS[found.group(1)]


# A name, over several capitalised words (« Boston Consulting Group (BCG) », « Nucléaire Bourgogne »), not first in
# its sentence
_NAME_GROUP = re.compile(r"(?<=[a-zà-ÿ,;:(] )[A-ZÀ-Ý][\w@'-]*(?:\s+(?:[A-ZÀ-Ý][\w@'-]*|\([A-Z0-9]+\)))*")


def names_in(text: str) -> int:
    """How many names a text gives: one per name however many words it has, list items naming one counted."""
    return len({m.group(0) for m in _NAME_GROUP.finditer(text)} | {m.group(0) for m in _NAME_FIRST.finditer(text)})


def offices_in(text: str) -> set[str]:
    """The offices a text names, folded: « l'État », « le gouvernement », « les préfets »."""
    return {m.group(1) for m in _OFFICE.finditer(fold_accents(text.replace("\u2019", "'")))}


def holds_answer_type(text: str, kind: AnswerType, besides: frozenset[str] = frozenset()) -> bool:
    """True when the text contains something of the expected kind (a number, a date, a name...); for someone,
    an office other than those in `besides` (« qui, au gouvernement, … ? » is not answered by « le gouvernement »)."""
    if kind is AnswerType.OTHER:
        return False
    if kind is AnswerType.PERSON:  # someone (a person, a firm, an office), not a place
        if offices_in(text) - besides or _ROLE.search(fold_accents(text)):
            return True
        return any(not _AFTER_PLACE_WORD.search(text[: m.start()]) for m in _PROPER_NOUN.finditer(text))
    if kind is AnswerType.PLACE:
        return bool(_PLACE.search(text))
    if kind is AnswerType.NAME:  # « Nov@log, Maud, Q@LI-MEDiterranée », « Avenia, en Aquitaine »
        return bool(_PROPER_NOUN.search(text) or _NAME_FIRST.search(text))
    if kind is AnswerType.NUMBER:
        return holds_number(fold_accents(text))
    return bool(_TEXT_PATTERNS[kind].search(fold_accents(text)))


AGENT = re.compile(
    r"\b(?:par|confi[ée]e?s? (?:à|aux?))\s+(?:l'|le |la |les |des |du |aux |un |une )?"
    r"(?:[A-ZÀ-Ý]|cabinets?|ministres?|gouvernement|préfets?|comité|délégation|président)"
)


def says_by_whom(
    text: str, done: str, thesaurus: Thesaurus, terms: Callable[[str], list[str]], besides: frozenset[str] = frozenset()
) -> bool | None:
    """« Qui a évalué … ? »: whether the text says who did it (None: it does not speak of the deed). After it:
    « l'évaluation … a été confiée aux cabinets … »; or someone before it, its subject: « les collectivités
    peuvent compléter ce financement » — not « des discours prononcés par le Président … après l'évaluation »,
    who spoke, nor an office in `besides` (« hormis l'État, qui … ? »)."""
    words = re.finditer(r"[\w'-]+", text)
    deed = next((m for m in words if thesaurus.found_in(done, terms(m.group(0)))), None)
    if deed is None:
        return None
    if AGENT.search(text, deed.end()):
        return True
    subject = text[: deed.start()]
    return not AGENT.search(subject) and holds_answer_type(subject, AnswerType.PERSON, besides)
