"""What in a question points at an earlier turn of the conversation: pronouns and demonstratives (« ce pôle »,
« qui le préside ? », « l'État lui a consacré », « Elle dure combien de temps ? »), an ordinal standing alone
(« et la sixième ? »), and what « qui … ? » asks who did."""

from __future__ import annotations

import re

from index.analysis import fold_accents


def folded_and_written(question: str) -> tuple[str, str]:
    """The question folded, and as written where positions in the folded text are positions in it too
    (folding keeps the length but for « œ »; then the folded text stands for both)."""
    written = question.replace("\u2019", "'")
    folded = fold_accents(written)
    return folded, written if len(written) == len(folded) else folded


# « ce pôle », « ces cabinets », « cette étude »: something named before.
_DEMONSTRATIVE_PATTERN = r"\b(?:cet|cette|ces) [a-z]|\bce (?!que\b|qui\b|qu'|sont\b|soit\b|ne\b|n')[a-z]"
# « combien ont été financées au final ? »: what is counted is what was spoken of, named nowhere else
_COUNT_OF_IT = r"^(?:et )?(?:combien|cb|cmb) (?:en )?(?:ont|sont|avaient|etaient) (?:ete )?[a-z]+(?: au final| finalement| en tout)?\s*\??$"
# Words that point at something said in an earlier turn: « lesquels », « l'a », « ce pôle », « qui le préside ».
_ANAPHORA = re.compile(
    r"\b(lesquel(le)?s|lequel|laquelle|ceux-ci|celles-ci|ceux|celles|celui|celle|ce dernier|cette derniere"
    r"|ces derniers|ils|elles|leurs?|eux)\b"
    r"|\b(y|en) (a|ont|consacre|consacrent|avait|sont|est|etait|participe|trouve)\b"  # not « en Alsace »
    r"|\bl'(a|ont|avait|avaient)\b|\b(les|la|le|lui) (a|ont|avait|avaient|finance|organise)\b"
    r"|" + _DEMONSTRATIVE_PATTERN + r"|\b(qui|ki) (le|la|les) [a-z]"  # « qui le préside ? »
    r"|" + _COUNT_OF_IT
)
# An object pronoun for what was spoken of: « l'État lui a consacré », « l'État y consacre-t-il », « quel cabinet
# l'a menée ? » (read once
# « il y a » is set aside, see `without_impersonal`; not « y compris »).
_OBJECT_PRONOUN = re.compile(
    r"\blui\b|\by (?!compris\b|en a\b)[a-z]|\bl'(?:a|ont|avait|avaient)\s+[a-z]"
    r"|\b(?:la-)?dedans\b"  # « et l'État a mis combien d'argent dedans ? »
    r"|\bs'en (?:est|sont|etait|etaient|occup|charg)"  # « quel cabinet s'en est chargé ? »
)
_COUNTED_OF_IT = re.compile(_COUNT_OF_IT)  # the same, alone
_INVERSION = re.compile(r"\b(a|ont|avait|avaient|est|sont|etait)-t?-?(il|elle|ils|elles)\b")  # « a-t-elle reçu »


# « Elle dure combien de temps ? »: a question whose subject is what the turn before spoke of — not an
# impersonal « il » (« il reste combien de pôles ? », « ça veut dire quoi CIADT ? »), nor a subject named after it
# (« Elle sert à quoi, la labellisation ? »; « ça a marché, les entreprises ont vendu plus ? » goes on with a clause)
_LEADING_PRONOUN = re.compile(
    r"^(?:et\s+)?(?:(?:au final|finalement|du coup|alors|donc|en fait|en vrai|ensuite|puis)\s*,?\s+)?"  # « et au final elle … »
    r"(?:il|elle|ils|elles|ca|cela)\s+"
    r"(?!faut\b|faudrait\b|fallait\b|s'agit\b|reste\b|restait\b|existe\b|existait\b|manque\b|semble\b"
    r"|parait\b|suffit\b|veut dire\b|fait\b[^?]*\bque\b)[a-z]"
    r"(?![^,]*,\s*(?:le|la|les|l')\s*[a-z](?![^?]*\b(?:ont|a|sont|est|avaient|avait|etaient|etait|font|fait)\b))"
)
# « c'était lancé quel jour ? », « c'est signé par qui ? », « c'est installé dans quelle ville ? », « c'est étalé sur
# combien d'années ? »: « c' » for what was spoken of, subject of a participle
_CE_DONE = re.compile(
    r"^(?:et\s+)?c(?:'|\s)(?:etait|est)\s+(?:[a-z]+ment\s+|deja\s+|bien\s+)?(?!quoi\b|qui\b|quand\b|combien\b|quel)"
    # a participle, not an adjective (« c'est possible ou pas … ? », « c'est utile comment ? »); after « c'est » an
    # adjective is masculine: « étalé » ends as « normale » would
    r"(?![a-z]*(?:ble|ile|ique|aire|re)\b)[a-z]{3,}(?:e|es|i|is|u|us)\s+"
    r"(?:quand|qd|quel\w*|par qui|combien|cb|ou|comment|(?:a|en|dans) quel\w*|(?:sur|pour) (?:combien|cb|quel\w*))\b"
    # « c'était prévu quand, la phase 4 ? », « c'est organisé dans quelle ville la journée ? » name it
    r"(?![^,?]*[\s,]\s*(?:le|la|les|l')\s*[a-z])"
)
# « Et avec quelle enveloppe ? », « et pour combien ? », « Sur combien d'années ? »: a preposition and a question word,
# the verb said before; « et c'est dans quelle ville ? »: « c' » stands for what was spoken of
_ELLIPTIC = re.compile(
    r"^(?:et\s+|(?:et\s+)?c(?:'est|'etait| est| etait)?\s+)(?:avec|pour|par|sur|dans|en|a|au|aux|de|du|des)\s+"
    r"(?:quel|quelle|quels|quelles|combien|cb|cmb|qui|quoi)\b"
    # bare, what something is spread over only: « À quoi sert Avenia ? » stands alone
    r"|^(?:sur|pour)\s+(?:combien|cb|cmb)(?:\s+d(?:e\s+|')[a-z]+)?\s*\??$"
)
# « Et combien a-t-elle coûté ? », « quand a-t-il été lancé ? »: a pronoun after its verb and no subject named before
# it; « Combien de pôles ont-ils été labellisés ? » names its subject
_INVERTED_ALONE = re.compile(
    r"^(?:et\s+)?(?:(?:combien|cb|cmb|quand|qd|ou|comment|pourquoi|qui|que|a quoi|de quoi|par qui|a qui|avec qui)\s+"
    r"|qu'\s*)?(?:[a-z]+ment\s+)?(?!(?:faut|existe|existait|reste|restait|suffit|semble|agit|parait|manque)-)"
    r"(?!est-(?:il|elle) (?:vrai|possible|exact|juste)\b)[a-z]+-t?-?(?:il|elle|ils|elles)\b"
    r"(?![^,]*,\s*(?:le|la|les|l')\s*[a-z])"  # « Quand a-t-elle été lancée, la phase 3 ? » names it
)
# « il y a », « y a-t-il (eu) », « qu'y a-t-il », « il n'y avait »: no « y » standing for something named before
_IMPERSONAL = re.compile(
    r"\bil (?:n')?y (?:a|avait|aura|aurait)\b|\b(?:il )?ya\b|\by (?:a|avait|aura|aurait)[- ]t[- ]il(?: eu)?\b"
    # but not « l'État y a-t-il consacré … ? »: « y » with a past participle stands for something said before
    r"(?! (?!(?:eu|des|les|ces|ses|une|de|du|le|la|plus|encore|vraiment|bien|deja|aussi|quelques?|autres?|cette"
    r"|plusieurs|certaine?s?|nombreu\w*|quatre|onze|douze|treize|quatorze|quinze|seize|trente|mille)\b)[a-z]+(?:e|es|i|is|u|us)\b)"
)


def without_impersonal(folded: str) -> str:
    """The folded question with its « il y a », « y a-t-il » set aside, so that no pointer reads them."""
    return _IMPERSONAL.sub(" ", folded.replace("\u2019", "'"))


def points_back(folded: str) -> bool:
    """The folded question points at something said before (« lesquels », « l'a », « ce pôle », « elle dure »,
    « détailler le troisième ? »)."""
    folded = without_impersonal(folded)
    stripped = folded.strip()
    return bool(
        _ANAPHORA.search(folded)
        or _LEADING_PRONOUN.search(stripped)
        or _CE_DONE.search(stripped)
        or _BARE_ORDINAL.search(folded)
    )


def counts_what_was_said(folded: str) -> bool:
    """« combien ont été financées au final ? »: a count of what the turn before spoke of, named nowhere here."""
    return bool(_COUNTED_OF_IT.search(folded.strip()))


def inverted(folded: str) -> bool:
    """« a-t-elle reçu »: a pronoun subject after its verb, which may stand for something said before."""
    return bool(_INVERSION.search(folded.replace("\u2019", "'")))


_ORDINAL_WORD = (
    r"(?:premiere?|deuxieme|seconde?|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|neuvieme|dixieme"
    r"|\d+(?:e|eme|er|ere))"
)
# « et la sixième ? », « et la deuxième, c'était quel cabinet ? »: an ordinal standing alone
_BARE_ORDINAL = re.compile(
    rf"\b(?:le|la|du|de la|au|a la)\s+({_ORDINAL_WORD})"
    # not « entre la première et la deuxième phase », two ordinals of one noun
    rf"(?=\s*(?:[,?!.;]|$|c'|et\b(?!\s+(?:le |la |l')?{_ORDINAL_WORD})|alors\b|ou\b|elle\b|il\b))"
)
# In the turn before: « la 4e journée », « le premier appel », « la phase 2 » — the article tells the gender
_ORDINAL_NOUN = re.compile(rf"\b(?:(le|du|au|un)|(la|une))?\s*{_ORDINAL_WORD}\s+([a-z]{{3,}})|\b(phase)\s+\d\b")
_FEMININE = re.compile(r"\b(?:la|de la|a la)\s+\S+$|(?:premiere|seconde|ere)$")
# « Combien d'axes la deuxième phase comporte-t-elle ? », « les trois axes »: the noun counted, of a gender the
# question does not say (not « combien de temps », « de fois »)
_COUNTED_NOUN = re.compile(
    r"\b(?:combien\s+(?:de\s+|d')|les\s+(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+)"
    r"(?!(?:temps|fois)\b)([a-z][a-z-]{2,})"
)


def _gender(numbered: re.Match) -> bool | None:
    """Feminine (True), masculine (False) or unsaid (None): by the article before the ordinal; « phase » is
    feminine."""
    if numbered.group(1) or numbered.group(2):
        return bool(numbered.group(2))
    return True if numbered.group(4) else None


def with_ordinal_noun(question: str, context: str) -> str:
    """« Quand a eu lieu la 4e journée ? » then « et la sixième ? »: the sixth journée; « Qui a évalué la
    première phase ? » then « et la deuxième ? »: the second phase. The noun is taken, as written, from the turn
    before, one of the same gender when there are several (« le premier appel … la première phase »); failing
    that, the noun the turn before counted (« Combien d'axes la deuxième phase comporte-t-elle ? » then « le
    troisième ? »: the third axis, not the third phase)."""
    folded, written = folded_and_written(question)
    bare = _BARE_ORDINAL.search(folded)
    if not bare:
        return question
    context_folded, context_written = folded_and_written(context)
    nouns = [(_gender(m), *m.span(m.lastindex)) for m in _ORDINAL_NOUN.finditer(context_folded)]
    counted = [(None, *m.span(1)) for m in _COUNTED_NOUN.finditer(context_folded)]
    feminine = bool(_FEMININE.search(folded[: bare.end(1)]))
    # a noun of the ordinal's gender, else one whose gender is unsaid; none of the other gender
    chosen = next((n for n in nouns if n[0] == feminine), None) or next(
        (n for n in nouns + counted if n[0] is None), None
    )
    if chosen is None:
        return question
    noun = context_written[chosen[1] : chosen[2]]
    if chosen in counted:  # « combien d'axes » → « le troisième axe », « plates-formes » → « plate-forme »
        noun = "-".join(part[:-1] if part[-1:] in ("s", "x") else part for part in noun.split("-"))
    return f"{written[: bare.end(1)]} {noun}{written[bare.end(1) :]}"


# « qui a évalué … », « qui les finance ? », « qui pourra compléter … »: the words after « qui », its pronoun
# and its auxiliary, which say what was done
_DONE_BY = re.compile(
    r"^(?:et\s+)?(?:(?:hormis|a part|mis a part|en dehors d\w*|sauf|excepte|outre|en plus d\w*)\b[^?]*,\s*)?"  # set aside
    # « les correspondants, c'est qui qui les nomme ? », « c qui qui a évalué … ? »: who, said twice
    r"(?:[^?,]{3,60},\s*(?=(?:c'est|c'etait|c|cest)\s+(?:qui|ki)\s+(?:qui|ki)\b))?"
    r"(?:(?:c'est|c'etait|c|cest)\s+(?:qui|ki)\s+(?=qui\b|ki\b))?"
    r"(?:qui|ki)\s+(?:(?:le|la|les|l')\s*)?(?:(?:a|avait|ont|avaient)\s+)?(.*)"
)
_SKIPPED_BEFORE_DEED = re.compile(  # modal verbs and adverbs: the deed is the verb after them
    r"(?:pourr|peu|peut|doi|dev|voudr|veu|va|vont|ir|sait|saur)\w*"
    r"|vraiment|deja|finalement|bien|reellement|officiellement|effectivement|concretement|exactement|aussi"
)
# « a pris la parole », « a fait l'évaluation », « a mené l'étude », « a réalisé l'audit »
# « qui a décidé la prolongation ? » asks who prolonged it (« annoncée par le Premier ministre »)
_SAID_BY_ITS_OBJECT = {"fait", "pris", "mis", "dit", "eu", "donne", "mene", "realise", "conduit", "effectue", "decide"}
_LIGHT_INFINITIVES = {"mener", "faire", "realiser", "conduire", "effectuer", "assurer"}
# « qui a été chargé d'évaluer … », « qui s'est occupé de l'évaluation »: the deed is what comes after « de »
_CHARGED_WITH = re.compile(
    r"(?:ete|etait|etaient|est|s'est|se sont|s'etait)\s+(?:charge|occupe)e?s?\s+(?:de\s+(?:la\s+|l')?|d'|du\s+)"
)
_NO_DEED = {"ete", "est", "sont", "etait", "etaient", "sera", "seront", "droit", "besoin", "acces", "lieu", "faut"}
_ARTICLES = {"la", "le", "les", "l", "une", "un", "des", "du"}


# « il est présidé par qui ? », « elle a été lancée par qui ? »: the deed is the participle before « par qui »
_DONE_PASSIVE = re.compile(
    r"(?:\b(?:est|sont|etait|etaient|ete|fut)\s+(?:[a-z]+ment\s+)?|,\s*)([a-z]{4,})\s+par\s+(?:qui|ki|quel(?:le)?s?)\b"
    r"|\bpar (?:qui|ki) (?:est|sont|a ete|ont ete|etait)(?:-t)?(?:-(?:il|elle|ils|elles))?\s+([a-z]{4,})"
)


def light_verb(participle: str) -> bool:
    """« faite », « menée », « décidé »: a light verb, which says the deed only through its object."""
    stems = {re.sub(r"e$", "", w) for w in _SAID_BY_ITS_OBJECT}
    return participle in _SAID_BY_ITS_OBJECT or re.sub(r"(?:ee|ees|e|es|s)$", "", participle) in stems


def deed(folded: str) -> tuple[int, int] | None:
    """Where the question says what « qui … ? » asks who did: « qui a évalué » → évalué; « qui pourra compléter »
    → compléter; « qui a pris la parole » → parole (a light verb says it through its object); « il est présidé
    par qui ? » → présidé; « qui a été … », « qui a droit à … », « elle a été faite par qui ? » → nothing."""
    done = _DONE_BY.search(folded)
    if done is None:
        passive = _DONE_PASSIVE.search(folded)
        group = (passive.lastindex or 1) if passive else 1
        return passive.span(group) if passive and not light_verb(passive.group(group)) else None
    charged = _CHARGED_WITH.match(folded, done.start(1))
    if charged:  # « chargé d'évaluer », « chargé de mener l'évaluation »: a light verb says it by its object
        words = [m for m in re.finditer(r"[a-z]{4,}", folded[: done.end()]) if m.start() >= charged.end()]
        if words and words[0].group(0) in _LIGHT_INFINITIVES:
            words = words[1:]
        return words[0].span() if words else None
    words = [
        (m.group(0), m.start(), m.end())
        for m in re.finditer(r"[a-z]+", folded[: done.end()])
        if m.start() >= done.start(1)
    ]
    words = [w for w in words if not _SKIPPED_BEFORE_DEED.fullmatch(w[0])]
    if not words or words[0][0] in _NO_DEED:
        return None
    if words[0][0] in _SAID_BY_ITS_OBJECT:
        # « qui a décidé de prolonger la phase ? »: the infinitive after « de »
        objects = [w for w in words[1:3] if w[0] not in _ARTICLES and not (words[0][0] == "decide" and w[0] == "de")]
        return objects[0][1:] if objects and len(objects[0][0]) >= 4 else None
    return words[0][1:] if len(words[0][0]) >= 4 else None


_HOLDER_OF_IT = re.compile(
    r"\b(?:qui|ki)\s+(?:(?:le|la|les)\s+|l['\u2019]\s*)(?:(?:a|ont|avait|avaient)\s+)?([a-z]{3,})"
    r"|\b(?:qui|ki)\s+(?!etait\b|sont\b)([a-z]{4,})\s+(?:cet|cette|ces|ce)\s"
    # « son président ? », « et c'est qui son président ? », « quelle est son adresse ? »
    r"|^(?:et\s+)?(?:(?:c'est\s+)?(?:qui|ki|quoi|quel(?:le)?s?)\s+(?:est\s+|sont\s+)?)?(?:son|sa|ses|leur|leurs)\s+([a-z]{4,})"
)
_DEMONSTRATIVE = re.compile(_DEMONSTRATIVE_PATTERN)
ELLIPTIC_WORDS = 6  # « et avec quelle enveloppe financière ? »: a follow-up this short has no verb of its own
MIN_OWN_TERMS = 2  # a question with fewer content words than this leans on the previous turn


def asked_of_it(folded: str) -> tuple[int, int] | None:
    """Where « qui le préside ? », « qui dirigeait cet organisme ? » says what is asked of the thing pointed at."""
    held = _HOLDER_OF_IT.search(folded)
    if held is None:
        return None
    verb = held.lastindex or 1
    return held.start(verb), held.end(verb)


def leans_on_earlier_turn(folded: str, terms: list[str]) -> bool:
    """A follow-up that stands for something said before, with nothing in it to stand for: hardly a word of
    its own (« Et quand ? », « Et ça date de quand ? »), a demonstrative (« cette étude »), « qui le
    préside ? », an object pronoun (« l'État lui a consacré ») or a subject pronoun that opens the question
    (« Elle dure combien de temps ? »). An inverted pronoun does not do: « Combien de pôles ont-ils été
    labellisés ? » stands alone."""
    if len(set(terms)) < MIN_OWN_TERMS:
        return True
    folded = without_impersonal(folded).strip()
    pointers = (
        _DEMONSTRATIVE,
        _HOLDER_OF_IT,
        _OBJECT_PRONOUN,
        _LEADING_PRONOUN,
        _CE_DONE,
        _COUNTED_OF_IT,
        _INVERTED_ALONE,
    )
    # « Et avec quelle enveloppe ? » has no verb of its own; « Et pour quelles raisons ont-ils été déclassés ? » has
    elliptic = _ELLIPTIC.search(folded) and len(folded.split()) <= ELLIPTIC_WORDS
    return bool(elliptic) or any(p.search(folded) for p in pointers)


# What people say before they ask: « ok », « d'accord », « ah ok merci, » (a follow-up then opens on « et »)
_DISCOURSE_START = re.compile(
    r"^(?:\s*(?:ok(?:ay)?|d['’]accord|dac|ah|oh|bah|ben|ouais|merci(?: beaucoup)?|super|cool|parfait|g[eé]nial"
    r"|tr[eè]s bien|je vois)[\s,.!;:]+)+(?=\w)",
    re.IGNORECASE,
)


def without_discourse_start(question: str) -> str:
    """The question without what was said before asking: « ok et elle a été lancée quel jour ? » is a follow-up
    opening on « et »."""
    return _DISCOURSE_START.sub("", question) or question
