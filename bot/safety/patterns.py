"""Compiles the rules file's phrase syntax into spaCy Matcher patterns.

"(a|b c)? <severe> * word $": alternatives for one position (each may be several
words; "?" makes the group optional), a named word list from the rules file's
`lexicons`, a gap of up to GAP_WORDS other words, plain words, and the end of a
line or message. Every word is normalised the way messages
are (contractions expanded, lower case). Single-word alternatives become one
pattern token (spaCy's `IN`), so a phrase built from long word lists stays one
or a few patterns instead of their product.
"""

from __future__ import annotations

import itertools
import re
from typing import Callable, FrozenSet, List, Mapping, Optional, Sequence, Set, Tuple, Union

GAP_WORDS = 4
GAP = "*"
END_OF_LINE = "$"
LINE_BREAK = "\n"
"""What "$" matches: a line break, which the matcher also puts after a message's end."""
NEGATIONS = frozenset({"no", "not", "never", "without", "nor", "nothing"})

_TOKEN = re.compile(r"[()|?*$]|<[a-z_]+>|[^\s()|?*<>$]+")

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
    """The token sequences a phrase stands for; each position is GAP or a word set.

    Groups nest ("(not (working|helping)|no help)"); "(...)?" is optional.
    """
    tokens = _TOKEN.findall(phrase)
    sequences, position = _parse_sequence(tokens, 0, phrase, norms, lexicons or {})
    if position != len(tokens):
        raise PhraseError(f"phrase '{phrase}' has an unmatched ')' or '|'")
    return [s for s in sequences if s] or []


def _parse_sequence(
    tokens: List[str],
    position: int,
    phrase: str,
    norms: Callable[[str], List[str]],
    lexicons: Mapping[str, Sequence[str]],
) -> Tuple[List[Sequence_], int]:
    """Parses pieces up to a "|" or ")"; returns their sequences and where it stopped."""
    options: List[List[Sequence_]] = []
    while position < len(tokens) and tokens[position] not in ("|", ")"):
        token = tokens[position]
        if token == "(":
            alternatives: List[Sequence_] = []
            position += 1
            while True:
                branch, position = _parse_sequence(tokens, position, phrase, norms, lexicons)
                if not any(branch):
                    raise PhraseError(f"phrase '{phrase}' has an empty alternative")
                alternatives += branch
                if position >= len(tokens):
                    raise PhraseError(f"phrase '{phrase}' has an unclosed '('")
                if tokens[position] == ")":
                    break
                position += 1  # past "|"
            position += 1  # past ")"
            group = _merged(alternatives)
            if position < len(tokens) and tokens[position] == "?":
                group.append(())
                position += 1
            options.append(group)
        elif token.startswith("<"):
            name = token[1:-1]
            if name not in lexicons:
                raise PhraseError(f"phrase '{phrase}' uses unknown word list <{name}>")
            entries: List[Sequence_] = []
            for entry in lexicons[name]:
                entries += expand(entry, norms, lexicons)
            options.append(_merged(entries))
            position += 1
        elif token == END_OF_LINE:
            options.append([(frozenset({LINE_BREAK}),)])
            position += 1
        elif token == GAP:
            options.append([(GAP,)])
            position += 1
        elif token == "?":
            raise PhraseError(f"phrase '{phrase}': '?' must follow a ')'")
        else:
            options.append([tuple(frozenset([w]) for w in norms(token))])
            position += 1
    sequences = [
        tuple(item for part in combination for item in part)
        for combination in itertools.product(*options)
    ]
    return sequences, position


def _merged(alternatives: Sequence[Sequence_]) -> List[Sequence_]:
    """Alternatives of one word share one position (negations apart); longer stay separate."""
    singles: Set[str] = set()
    negations: Set[str] = set()
    longer: List[Sequence_] = []
    for sequence in alternatives:
        if len(sequence) == 1 and isinstance(sequence[0], frozenset):
            target = negations if sequence[0] <= NEGATIONS else singles
            target |= sequence[0]
        else:
            longer.append(sequence)
    grouped: List[Sequence_] = [(frozenset(group),) for group in (singles, negations) if group]
    return grouped + longer


def words_of(sequence: Sequence_) -> List[str]:
    """Every word a compiled phrase can match (for the typo-correction vocabulary)."""
    return [word for position in sequence if position != GAP for word in position]


def negates_itself(sequence: Sequence_) -> bool:
    """True when a phrase carries its own negation ("not breathing")."""
    return any(isinstance(position, frozenset) and position <= NEGATIONS for position in sequence)
