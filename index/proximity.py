"""Term-position signals: query words found close together, and ordinals that contradict."""

from __future__ import annotations


def _positions(terms: list[str]) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    for i, term in enumerate(terms):
        positions.setdefault(term, []).append(i)
    return positions


def pair_proximity(text_terms: list[str], query: list[str], window: int = 3) -> float:
    """Share of consecutive query-term pairs found within `window` terms of each other."""
    pairs = [(a, b) for a, b in zip(query, query[1:]) if a != b]
    if not pairs:
        return 0.0
    positions = _positions(text_terms)
    near = sum(
        1 for a, b in pairs if any(abs(i - j) <= window for i in positions.get(a, ()) for j in positions.get(b, ()))
    )
    return near / len(pairs)


def _ordinal_modifiers(terms: list[str]) -> dict[str, set[str]]:
    """For each term, the ordinals ('2e', 'premier') right before or after it."""
    found: dict[str, set[str]] = {}
    for i, term in enumerate(terms):
        if term.endswith("e") and term[:-1].isdigit() or term == "premier":
            for j in (i - 1, i + 1, i + 2):
                if 0 <= j < len(terms) and terms[j] != term and not terms[j].isdigit():
                    found.setdefault(terms[j], set()).add(term)
    return found


def ordinal_conflict(text_terms: list[str], query: list[str], heading: list[str] = ()) -> bool:
    """True when the text qualifies a query word with another ordinal ("deuxième phase" vs "première phase")
    and its heading, read on its own, does not qualify it with the one asked."""
    wanted = _ordinal_modifiers(query)
    if not wanted:
        return False
    seen = _ordinal_modifiers(text_terms)
    for term, ordinals in _ordinal_modifiers(list(heading)).items():
        seen.setdefault(term, set()).update(ordinals)
    return any(term in seen and not (seen[term] & ordinals) for term, ordinals in wanted.items())
