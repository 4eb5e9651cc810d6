"""Compiles the rules file's phrase syntax into spaCy Matcher patterns.

"(a|b c) * word": alternatives for one position (each may be several words), a gap
of up to GAP_WORDS other words, and plain words; every word is normalised the way
messages are (contractions expanded, lower case).
"""

from __future__ import annotations

import itertools
import re
from typing import Callable, Dict, List, Sequence, Union

GAP_WORDS = 4
GAP = "*"
NEGATIONS = frozenset({"no", "not", "never", "without", "nor"})

_PIECE = re.compile(r"\(([^)]*)\)|\*|[^\s()*]+")

Pattern = List[Dict[str, object]]
Piece = Union[str, List[List[str]]]


def expand(phrase: str, norms: Callable[[str], List[str]]) -> List[List[str]]:
    """All word sequences a phrase stands for; GAP marks a gap."""
    options: List[List[List[str]]] = []
    for match in _PIECE.finditer(phrase):
        if match.group(1) is not None:
            options.append([norms(choice) for choice in match.group(1).split("|")])
        elif match.group(0) == GAP:
            options.append([[GAP]])
        else:
            options.append([norms(match.group(0))])
    return [
        [word for part in combination for word in part]
        for combination in itertools.product(*options)
    ]


def to_pattern(words: Sequence[str]) -> Pattern:
    """A spaCy Matcher pattern on the LOWER attribute, gaps as optional wildcards."""
    pattern: Pattern = []
    for word in words:
        if word == GAP:
            pattern.extend({"OP": "?"} for _ in range(GAP_WORDS))
        else:
            pattern.append({"LOWER": word})
    return pattern


def negates_itself(words: Sequence[str]) -> bool:
    """True when a phrase carries its own negation ("not breathing")."""
    return any(word in NEGATIONS for word in words)
