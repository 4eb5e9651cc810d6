"""Finds compiled phrases in a list of normalised words, fast.

spaCy's Matcher tries every pattern at every token; with a few thousand phrases
whose gaps are optional wildcards that costs milliseconds a message. Here each
phrase is indexed by the words its first position accepts, so a word only wakes
the phrases that can start with it, and each of those is followed with a small
backtracking search. Same semantics: a gap matches zero to GAP_WORDS words of
any kind, and every way a phrase matches is returned.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Dict, FrozenSet, List, Sequence, Tuple

from bot.safety.patterns import GAP_WORDS, Sequence_

SENTENCE_BREAKS = frozenset({".", "!", "?", "\n"})
Step = Tuple[int, FrozenSet[str]]
"""How many other words may come first (gaps), then the set of words that must follow."""


class SequenceMatcher:
    """Phrases under keys; calling it returns (key, start, end) for every match."""

    def __init__(self) -> None:
        """An empty matcher."""
        self._by_first_word: Dict[str, List[Tuple[str, Tuple[Step, ...], FrozenSet[str]]]] = (
            defaultdict(list)
        )
        self._size = 0

    def __len__(self) -> int:
        """How many phrases were added."""
        return self._size

    def add(self, key: str, sequence: Sequence_) -> None:
        """Adds a compiled phrase; gaps at its ends are dropped (they match nothing more)."""
        steps: List[Step] = []
        gap = 0
        for item in sequence:
            if isinstance(item, frozenset):
                steps.append((gap if steps else 0, item))
                gap = 0
            else:
                gap += GAP_WORDS
        if not steps:
            return
        rest = tuple(steps[1:])
        # The narrowest later position: a phrase whose words there are all absent is skipped.
        check = min((allowed for _, allowed in rest), key=len, default=frozenset())
        for word in steps[0][1]:
            self._by_first_word[word].append((key, rest, check))
        self._size += 1

    def __call__(self, words: Sequence[str]) -> List[Tuple[str, int, int]]:
        """Every (key, start, end) where a phrase matches words[start:end]."""
        found = []
        present = frozenset(words)
        for start, word in enumerate(words):
            following = words[start + 1] if start + 1 < len(words) else ""
            for key, steps, check in self._by_first_word.get(word, ()):
                if not steps:
                    found.append((key, start, start + 1))
                    continue
                gap, allowed = steps[0]
                if (not gap and following not in allowed) or (check and check.isdisjoint(present)):
                    continue
                for end in _ends(steps, words, start + 1):
                    found.append((key, start, end))
        return found


def _ends(steps: Tuple[Step, ...], words: Sequence[str], index: int) -> List[int]:
    """Every end index at which the steps match from words[index] on."""
    if not steps:
        return [index]
    ends: List[int] = []
    states = [(0, index)]
    count = len(words)
    last_step = len(steps)
    while states:
        step, index = states.pop()
        if step == last_step:
            ends.append(index)
            continue
        gap, allowed = steps[step]
        for at in range(index, min(index + gap, count - 1) + 1):
            if words[at] in allowed:
                states.append((step + 1, at + 1))
            if words[at] in SENTENCE_BREAKS:
                break  # a gap never reaches into the next sentence
    return ends
