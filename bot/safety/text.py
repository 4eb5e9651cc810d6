"""Turns a message into normalised words the red-flag patterns are matched on.

spaCy's blank English tokenizer splits the text and expands contractions through
its norms ("can't", "cant" -> "can not"); rare words one typo away from a red-flag
word are read as that word ("confussed" -> "confused"). Common English words are
never "corrected": "cooking" stays "cooking", not "choking". Word frequencies come
from the wordfreq package, which ships its data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, List, Mapping, Optional, Tuple

import spacy
from rapidfuzz import process
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "that", "there", "what", "who"})
_AFTER_PRONOUN = {"m": "am", "'m": "am", "s": "is", "'s": "is", "re": "are", "'re": "are"}
"""Contractions spaCy leaves unexpanded when the apostrophe is missing ("im", "hes")."""

RARE_WORD_ZIPF = 2.5
"""Words rarer than this (per wordfreq's Zipf scale) may be typos."""


def is_common_word(word: str) -> bool:
    """True for an English word common enough never to be read as a typo of another."""
    return zipf_frequency(word, "en") >= RARE_WORD_ZIPF


MIN_TYPO_LENGTH = 4
DROPPED_ENDINGS = (("in", "ing"), ("d", "ed"))
"""Endings people drop when they type as they speak ("weezin", "knockd")."""
MIN_DROPPED_ENDING_LENGTH = 5
TYPO_CACHE_SIZE = 20_000


@dataclass(frozen=True)
class Word:
    """A normalised word and where it stands in the original text."""

    norm: str
    start: int
    end: int


class Normaliser:
    """Splits and normalises text; corrects typos towards a fixed vocabulary."""

    def __init__(
        self, vocabulary: Iterable[str], abbreviations: Optional[Mapping[str, str]] = None
    ) -> None:
        """vocabulary: the words patterns are written in; abbreviations: "cnt" -> "can not"."""
        self._nlp = spacy.blank("en")
        self._vocabulary = frozenset(vocabulary)
        self._abbreviations = {
            short: self.norms(long) for short, long in (abbreviations or {}).items()
        }
        self._typo_targets = sorted(w for w in self._vocabulary if len(w) >= MIN_TYPO_LENGTH)
        # Words recur from message to message; a typo lookup is the costly part.
        self._corrected = lru_cache(maxsize=TYPO_CACHE_SIZE)(self._correct)

    def norms(self, phrase: str) -> List[str]:
        """The normalised words of a phrase from the rules file (no typo correction)."""
        return [token.norm_.lower() for token in self._nlp.make_doc(phrase) if not token.is_space]

    def words(self, text: str) -> List[Word]:
        """The normalised words of a message, typos towards the vocabulary corrected."""
        words = []
        for token in self._nlp.make_doc(text):
            if token.is_space:
                if "\n" in token.text:
                    words.append(Word("\n", token.idx, token.idx + len(token.text)))
                continue
            norm = token.norm_.lower()
            if words and words[-1].norm in _PRONOUNS and norm in _AFTER_PRONOUN:
                norm = _AFTER_PRONOUN[norm]
            end = token.idx + len(token.text)
            for expanded in self._abbreviations.get(norm, [self._corrected(norm)]):
                words.append(Word(expanded, token.idx, end))
        return words

    def _correct(self, norm: str) -> str:
        """The vocabulary word a rare word is a typo of; the word itself otherwise.

        A dropped ending is restored first ("puffin" up -> "puffing", "knockd" ->
        "knocked"), for a common word only when that gives a vocabulary word as is,
        for a rare one also one typo away from it ("weezin" -> "wheezing").
        """
        if norm in self._vocabulary or len(norm) < MIN_TYPO_LENGTH or not norm.isalpha():
            return norm
        rare = not is_common_word(norm)
        if len(norm) >= MIN_DROPPED_ENDING_LENGTH:
            for ending, restored in DROPPED_ENDINGS:
                if norm.endswith(ending):
                    fuller = norm[: -len(ending)] + restored
                    if fuller in self._vocabulary:
                        return fuller
                    if rare and (closest := self._closest(fuller, max_distance=1)) is not None:
                        return closest
        return (self._closest(norm) or norm) if rare else norm

    def _closest(self, norm: str, max_distance: int = 2) -> Optional[str]:
        """The vocabulary word one or two typos away with the same first letter, if any.

        Two only for words of eight letters or more, and never beyond `max_distance`.
        """
        best: Optional[Tuple[str, float, int]] = process.extractOne(
            norm,
            self._typo_targets,
            scorer=OSA.distance,
            score_cutoff=2,  # type: ignore[call-overload]
        )
        if best is None:
            return None
        target, distance, _ = best
        allowed = min(2 if len(target) >= 8 else 1, max_distance)
        # Typists rarely get the first letter wrong: "grumbling" is not "stumbling".
        return target if distance <= allowed and target[0] == norm[0] else None
