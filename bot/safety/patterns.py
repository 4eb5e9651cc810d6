"""Compiles the rules file's phrase syntax into spaCy Matcher patterns.

"(a|b c) <severe> * word": alternatives for one position (each may be several
words), a named word list from the rules file's `lexicons`, a gap of up to
GAP_WORDS other words, and plain words. Every word is normalised the way messages
are (contractions expanded, lower case). Single-word alternatives become one
pattern token (spaCy's `IN`), so a phrase built from long word lists stays one
or a few patterns instead of their product.
"""

from __future__ import annotations

import itertools
import re
from typing import Callable, Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple, Union

GAP_WORDS = 4
GAP = "*"
NEGATIONS = frozenset({"no", "not", "never", "without", "nor"})

_PIECE = re.compile(r"\(([^)]*)\)|<([a-z_]+)>|\*|[^\s()*<>]+")

Pattern = List[Dict[str, object]]
Position = Union[str, FrozenSet[str]]
"""One token of a compiled phrase: GAP, or the set of words it may be."""
Sequence_ = Tuple[Position, ...]


class PhraseError(ValueError):
    """A phrase names a word list that does not exist, or is empty."""


def expand(
    phrase: str,
    norms: Callable[[str], List[str]],
    lexicons: Optional[Mapping[str, Sequence[str]]] = None,
) -> List[Sequence_]:
    """The token sequences a phrase stands for; each position is GAP or a word set."""
    lexicons = lexicons or {}
    options: List[List[Sequence_]] = []
    for match in _PIECE.finditer(phrase):
        if match.group(1) is not None:
            options.append(_alternatives(match.group(1).split("|"), norms))
        elif match.group(2) is not None:
            name = match.group(2)
            if name not in lexicons:
                raise PhraseError(f"phrase '{phrase}' uses unknown word list <{name}>")
            options.append(_alternatives(lexicons[name], norms))
        elif match.group(0) == GAP:
            options.append([(GAP,)])
        else:
            options.append([tuple(frozenset([w]) for w in norms(match.group(0)))])
    return [
        tuple(position for part in combination for position in part)
        for combination in itertools.product(*options)
    ]


def _alternatives(choices: Sequence[str], norms: Callable[[str], List[str]]) -> List[Sequence_]:
    """Single words share one position (negations apart); longer ones stay separate."""
    singles, negations, longer = set(), set(), []
    for choice in choices:
        words = norms(choice)
        if len(words) == 1:
            (negations if words[0] in NEGATIONS else singles).add(words[0])
        elif words:
            longer.append(tuple(frozenset([w]) for w in words))
    grouped = [(frozenset(group),) for group in (singles, negations) if group]
    return grouped + longer


def to_pattern(sequence: Sequence_) -> Pattern:
    """A spaCy Matcher pattern on the LOWER attribute, gaps as optional wildcards."""
    pattern: Pattern = []
    for position in sequence:
        if position == GAP:
            pattern.extend({"OP": "?"} for _ in range(GAP_WORDS))
        elif len(position) == 1:
            pattern.append({"LOWER": next(iter(position))})
        else:
            pattern.append({"LOWER": {"IN": sorted(position)}})
    return pattern


def words_of(sequence: Sequence_) -> List[str]:
    """Every word a compiled phrase can match (for the typo-correction vocabulary)."""
    return [word for position in sequence if position != GAP for word in position]


def negates_itself(sequence: Sequence_) -> bool:
    """True when a phrase carries its own negation ("not breathing")."""
    return any(position != GAP and position <= NEGATIONS for position in sequence)
