"""Finds the knowledge file's terms in a patient's message, tolerating case and typos.

Built on a blank English spaCy pipeline (tokenizer only, nothing downloaded): a
PhraseMatcher finds exact matches ignoring case; a small edit-distance pass finds
misspelt long words ("chemotheraphy", "prednisolne"). Short words are matched
exactly only: a fuzzy "cancer" would also match "cancel"; their common misspellings
belong in the knowledge file's term list instead. A common English word is never
read as a typo ("plastic" is not "aplastic"). A one-word term spelt out letter
by letter ("h i v", "M D S", as voice typing writes it) or split in two ("chemo
therapy", "sclera derma") is found too. Accents are folded on both sides: "lúpus"
and "lupus", "fígado" and "figado" are one term.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Dict, List, Mapping, Sequence, Set, Tuple

import spacy
from rapidfuzz import process
from rapidfuzz.distance import OSA
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from bot.safety.text import is_common_word

MIN_LENGTH_ONE_TYPO = 7
"""Term words at least this long may be matched with one typo."""

MIN_LENGTH_TWO_TYPOS = 10
"""Term words at least this long may be matched with two typos."""

MIN_HALF = 3
"""Each half of a word split in two is at least this long."""


def _fold_table() -> Dict[int, str]:
    """Latin letters with accents mapped to their plain letter, one character each."""
    table = {}
    for code in range(0xC0, 0x250):
        parts = unicodedata.normalize("NFKD", chr(code))
        if len(parts) > 1 and parts[0].isascii() and parts[0].isalpha():
            if all(unicodedata.combining(mark) for mark in parts[1:]):
                table[code] = parts[0]
    return table


_FOLD = _fold_table()


def fold_accents(text: str) -> str:
    """The text with accented Latin letters made plain, keeping every position."""
    return text.translate(_FOLD)


@dataclass(frozen=True)
class TermMatch:
    """A term found in a message: character span, canonical term and its topic."""

    start: int
    end: int
    text: str
    term: str
    topic: str


def allowed_typos(word: str) -> int:
    """How many edits a message word may differ from this term word by."""
    if len(word) >= MIN_LENGTH_TWO_TYPOS:
        return 2
    if len(word) >= MIN_LENGTH_ONE_TYPO:
        return 1
    return 0


def _set_apart_by_non(words: Sequence[str], start: int) -> bool:
    """The term is the "non-" of a category ("non-viral causes", "non-chemo drugs")."""
    before = list(words[max(0, start - 2) : start])
    return before[-1:] in (["non"], ["non-"]) or before == ["non", "-"]


class TermMatcher:
    """Matches a fixed term-to-topic index against message text."""

    def __init__(self, term_index: Mapping[str, str]) -> None:
        """Builds the matchers; term_index maps normalised terms to topic ids."""
        self._nlp = spacy.blank("en")
        self._term_index: Dict[str, str] = dict(term_index)
        self._canonical: Dict[str, str] = {}
        """Each term with its accents folded, to the term as the knowledge file spells it."""
        for term in self._term_index:
            self._canonical.setdefault(fold_accents(term), term)
        self._exact = PhraseMatcher(self._nlp.vocab, attr="LOWER")
        self._fuzzy_terms: List[Tuple[str, Tuple[str, ...]]] = []
        self._one_word_terms: Dict[str, str] = {}
        for term in self._canonical:
            words = tuple(token.lower_ for token in self._nlp.make_doc(term))
            self._exact.add(term, [self._nlp.make_doc(term)])
            if any(allowed_typos(word) for word in words):
                self._fuzzy_terms.append((term, words))
            if len(words) == 1:
                self._one_word_terms[term] = words[0]
        self._fuzzy_words = sorted(
            {word for _, words in self._fuzzy_terms for word in words if allowed_typos(word)}
        )

    def find(self, text: str) -> List[TermMatch]:
        """Returns non-overlapping term matches, longest first, in text order."""
        doc = self._nlp.make_doc(fold_accents(text))
        words = [token.lower_ for token in doc]
        candidates = (
            self._exact_candidates(doc)
            + self._fuzzy_candidates(words)
            + self._joined_candidates(words)
        )
        # Prefer exact over fuzzy, then longer spans, then earlier ones.
        candidates.sort(key=lambda c: (c[3], -(c[1] - c[0]), c[0]))
        taken = [False] * len(doc)
        chosen: List[Tuple[int, int, str]] = []
        for start, end, term, _ in candidates:
            if any(taken[start:end]) or _set_apart_by_non(words, start):
                continue
            taken[start:end] = [True] * (end - start)
            chosen.append((start, end, term))
        chosen.sort()
        return [self._to_match(doc, text, start, end, term) for start, end, term in chosen]

    def _exact_candidates(self, doc: Doc) -> List[Tuple[int, int, str, int]]:
        strings = self._nlp.vocab.strings
        return [(start, end, strings[key], 0) for key, start, end in self._exact(doc)]

    def _fuzzy_candidates(self, words: Sequence[str]) -> List[Tuple[int, int, str, int]]:
        near = self._near_misses(set(words))
        if not near:
            return []
        near_term_words = {term_word for _, term_word in near}
        found: List[Tuple[int, int, str, int]] = []
        for term, term_words in self._fuzzy_terms:
            if near_term_words.isdisjoint(term_words):
                continue
            size = len(term_words)
            for start in range(len(words) - size + 1):
                window = words[start : start + size]
                if _words_match(window, term_words, near):
                    found.append((start, start + size, term, 1))
        return found

    def _joined_candidates(self, words: Sequence[str]) -> List[Tuple[int, int, str, int]]:
        """One-word terms spelt out letter by letter, or split into two words."""
        found: List[Tuple[int, int, str, int]] = []
        for start, end in _letter_runs(words):
            for size in range(end - start, 1, -1):
                for first in range(start, end - size + 1):
                    letters = "".join(_letter(word) for word in words[first : first + size])
                    if size == 2 and set(letters) & _LETTERS_THAT_ARE_WORDS:
                        continue  # "r a bit low", "influenza A a fortnight ago": words
                    term = self._one_word_term(letters, typos=False)
                    if term is not None:
                        found.append((first, first + size, term, 1))
        for position, word in enumerate(words):
            if _DOTTED.fullmatch(word):  # "s.l.e", "h.i.v."
                term = self._one_word_term(word.replace(".", ""), typos=False)
                if term is not None:
                    found.append((position, position + 1, term, 1))
        for first in range(len(words) - 1):
            halves = words[first : first + 2]
            if any(len(half) < MIN_HALF or half in self._one_word_terms for half in halves):
                continue  # "a plastic" is not "aplastic"; "chemo therapy" is chemo already
            pair = "".join(halves)
            if len(pair) >= MIN_LENGTH_ONE_TYPO and pair.isalpha():
                term = self._one_word_term(pair, typos=True)
                if term is not None:
                    found.append((first, first + 2, term, 1))
        return found

    def _one_word_term(self, word: str, typos: bool) -> str | None:
        """The one-word term this word is, exactly or (if allowed) with typos."""
        if word in self._one_word_terms:
            return word
        if not typos:
            return None
        hit = process.extractOne(word, self._one_word_terms, scorer=OSA.distance, score_cutoff=2)
        if hit is None:
            return None
        term_word, distance, term = hit
        return term if distance <= allowed_typos(term_word) else None

    def _near_misses(self, words: Set[str]) -> Set[Tuple[str, str]]:
        """Pairs (message word, term word) that differ by an allowed number of typos."""
        near: Set[Tuple[str, str]] = set()
        for word in words:
            if len(word) < MIN_LENGTH_ONE_TYPO - 1 or is_common_word(word):
                continue  # "plastic" is a word of its own, not a typo of "aplastic"
            hits = process.extract(
                word,
                self._fuzzy_words,
                scorer=OSA.distance,
                score_cutoff=2,
                limit=None,
            )
            for term_word, distance, _ in hits:
                if 0 < distance <= allowed_typos(term_word):
                    near.add((word, term_word))
        return near

    def _to_match(self, doc: Doc, text: str, start: int, end: int, term: str) -> TermMatch:
        span = doc[start:end]
        canonical = self._canonical[term]
        return TermMatch(
            start=span.start_char,
            end=span.end_char,
            text=text[span.start_char : span.end_char],
            term=canonical,
            topic=self._term_index[canonical],
        )


_LETTERS_THAT_ARE_WORDS = frozenset("aiur")
"""Letters that are words ("a", "I") or texting for one ("r", "u"): two of them are not a term."""
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]\.?")
"""An abbreviation written with dots, as one token."""


def _letter(word: str) -> str:
    """The letter a word is ("s", and "s." which spaCy keeps as one token), else ""."""
    stripped = word.rstrip(".")
    return stripped if len(stripped) == 1 and stripped.isalpha() else ""


def _letter_runs(words: Sequence[str]) -> List[Tuple[int, int]]:
    """Runs of two or more single letters ("h i v", "m d s."): (start, end) word positions."""
    runs: List[Tuple[int, int]] = []
    start = 0
    while start < len(words):
        end = start
        while end < len(words) and _letter(words[end]):
            end += 1
        if end - start >= 2:
            runs.append((start, end))
        start = max(end, start + 1)
    return runs


def _words_match(
    words: Sequence[str], term_words: Sequence[str], near: Set[Tuple[str, str]]
) -> bool:
    """True when every word equals its term word or is a near miss of it."""
    return all(
        word == term_word or (word, term_word) in near
        for word, term_word in zip(words, term_words, strict=True)
    )
