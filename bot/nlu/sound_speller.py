"""Words spelt as they sound, read as the words they stand for.

Patients who find spelling hard write "wat is low wite sels", "bad liva", "had the
radiashun", "my maro fail". The classifier and the term matcher never saw those
words; edit distance alone cannot reach "sels" from "cells". `SoundSpeller`
replaces a word that is in neither the training data nor common English by a word
of the training data that sounds the same (the same Metaphone key, from the
jellyfish library) and is spelt nearly the same; the closest, then the most used,
wins. Only a knowledge-file term's word or a common English word is a target; a
common word of another language patients mix in ("tarde", "meine") is left alone. A
word ending in "a" may also stand for one ending in "ar", "er" or "or", as it is
said ("liva", "docta"). Common English words ("beta", "hi") and every word of the
training data stay as they are; texting shorthand the sound rule cannot reach
("wat", "shud", "wen", "agen") is read from a short list. A shouted everyday word
("WHAT are they FOR?") is read in lower case; an abbreviation ("GP", "CBC") stays. A
term heard as several words ("loo puss", "my-lo-dis-plastic", "lim foma") is read as
the term when the words joined sound like it and one of them is not an everyday word
("come in" is not "common").

The Rasa component that runs it before the tokenizer is bot.nlu.sound_spelling.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Dict, Iterable, List, Mapping, Tuple

import jellyfish
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from bot.nlu.courtesies import COURTESY_WORDS
from bot.safety.text import is_common_word

LANGUAGES = ("es", "pt", "fr", "de", "it", "pl", "nl")
"""Languages patients here mix in, whose common words are not misspellings."""
FOREIGN_ZIPF = 4.0
"""As common as this in one of them (wordfreq's Zipf scale): "tarde" 5.4, "sels" 3.5."""
MIN_LENGTH = 4
"""Shorter words ("wy", "hm") have too little sound to go on."""
SHOUTED_ZIPF = 4.5
"""A word in capitals this common in English is shouted ("WHAT" 6.4), not an abbreviation
("GP" 3.9, "CBC" 3.5)."""
# fmt: off
SHORTHAND: Dict[str, str] = {
    "wat": "what", "wot": "what", "wht": "what", "wich": "which", "whch": "which",
    "wen": "when", "wn": "when", "wy": "why", "hw": "how",
    "shud": "should", "shd": "should", "shld": "should", "cud": "could", "cld": "could",
    "wud": "would", "wld": "would", "hav": "have", "hv": "have", "iz": "is",
    "agen": "again", "agn": "again", "abt": "about", "thru": "through", "tho": "though",
    "becos": "because", "becoz": "because", "bcos": "because", "bcoz": "because",
    "bcz": "because", "bcuz": "because", "coz": "because", "cuz": "because",
    "pls": "please", "plz": "please", "enuf": "enough", "enuff": "enough",
    "sumthing": "something", "sumthin": "something", "somethin": "something",
    "nething": "anything", "gud": "good", "dat": "that", "cust": "customer",
    "custs": "customers",
}
"""Texting shorthand too short or too common on the web for the sound rule ("wat", "shud")."""
# fmt: on
JOINED_WORDS = (2, 3, 4)
"""How many written words one term heard as several may take ("my lo dis plastic")."""
MIN_JOINED_LENGTH = 6
"""Fewer letters together are too easily two everyday words ("do we" is not "dawai")."""
EVERYDAY_ZIPF = 4.0
"""A term heard as words needs one word rarer than this: "loo" 3.3 and "puss" 3.0 are
"lupus"; "time" 6.3 and "your" 6.5 are not "tumour"."""
LETTERS = re.compile(r"[^\W\d_]+")
"""A word of letters in any alphabet: "Dzień" is one word, not "Dzie" and "ń"."""


def sound_key(word: str) -> str:
    """The word's Metaphone key, with a silent H dropped and "ch" heard as "k" ("kemo")."""
    return jellyfish.metaphone(word).replace("H", "").replace("X", "K")


def joined_key(word: str) -> str:
    """The sound key of words heard together, a Y dropped ("my lo" and "myelo" alike)."""
    return sound_key(word).replace("Y", "")


def max_distance(word: str) -> int:
    """How many letters a word spelt as it sounds may differ by: two, a third of long ones."""
    return max(2, len(word) // 3)


class SoundSpeller:
    """Reads rare words as the training data's words that sound the same."""

    def __init__(self, vocabulary: Mapping[str, int], term_words: Iterable[str] = ()) -> None:
        """Indexes the words a rare word may be read as, by their sound.

        `vocabulary`: each word of the training data and how often it occurs;
        `term_words`: the words of the knowledge file's terms. A word is read as a
        term word or a common English word of the training data only: the data's own
        typos and words of other languages are left alone, and are never what a word
        becomes ("shud" is not the Hindi "khud").
        """
        terms = set(term_words)
        self._terms = terms
        self._term_sounds = {sound_key(word) for word in terms if len(word) >= MIN_LENGTH}
        self._vocabulary = {**{word: 1 for word in terms}, **vocabulary}
        self._by_sound: Dict[str, List[str]] = defaultdict(list)
        for word in self._vocabulary:
            if len(word) >= MIN_LENGTH - 1 and (word in terms or is_common_word(word)):
                self._by_sound[sound_key(word)].append(word)
        self._terms_by_joined_sound: Dict[str, List[str]] = defaultdict(list)
        for word in terms:
            if len(word) >= MIN_LENGTH + 1 and _english(word):
                self._terms_by_joined_sound[joined_key(word)].append(word)

    @staticmethod
    def vocabulary_of(texts: List[str]) -> Dict[str, int]:
        """Each lower-case word of the texts and how often it occurs."""
        return dict(Counter(word for text in texts for word in LETTERS.findall(text.lower())))

    def read(self, text: str) -> str:
        """The text with each rare word spelt as it sounds replaced by the word it stands for."""
        text = self._join_heard_terms(text)
        words = list(LETTERS.finditer(text))
        pieces, end = [], 0
        for index, match in enumerate(words):
            written = match.group(0)
            read = self._word(written, text, match.start())
            if read != written:
                around = words[max(0, index - 1) : index + 2]
                if self._half_of_a_term(written, [w.group(0) for w in around if w is not match]):
                    read = written
            pieces += [text[end : match.start()], read]
            end = match.end()
        return "".join(pieces) + text[end:]

    def _join_heard_terms(self, text: str) -> str:
        """The text with each term written as several words it sounds like joined into the term."""
        words = list(LETTERS.finditer(text))
        pieces, end, index = [], 0, 0
        while index < len(words):
            for count in JOINED_WORDS[::-1]:
                span = words[index : index + count]
                term = self._heard_term(text, span) if len(span) == count else None
                if term is not None:
                    pieces += [text[end : span[0].start()], term]
                    end, index = span[-1].end(), index + count
                    break
            else:
                index += 1
        return "".join(pieces) + text[end:]

    def _heard_term(self, text: str, span: List[re.Match[str]]) -> str | None:
        """The term these written words sound like together ("lieu pus"), if any."""
        between = {text[a.end() : b.start()] for a, b in zip(span, span[1:], strict=False)}
        parts = [match.group(0).lower() for match in span]
        if not between <= {" ", "-"} or any(len(part) < 2 for part in parts):
            return None
        if any(part in self._terms and not _everyday(part) for part in parts[:-1]):
            return None  # "chemo is" is not "chemos"; "my lo dis plastic" ends on a term word
        if min(zipf_frequency(part, "en") for part in parts) >= EVERYDAY_ZIPF:
            return None  # "come in", "can sir": everyday words, not a term heard
        joined = "".join(parts)
        if len(joined) < MIN_JOINED_LENGTH:
            return None
        candidates = [
            (OSA.distance(joined, term), -self._vocabulary[term], term)
            for term in self._terms_by_joined_sound.get(joined_key(joined), ())
            if term[0] == joined[0]
        ]
        close = [c for c in candidates if c[0] <= max_distance(max(joined, c[2], key=len)) + 1]
        return min(close)[-1] if close else None

    def _half_of_a_term(self, word: str, neighbours: List[str]) -> bool:
        """Whether the word and a neighbour sound like one term split in two ("radeo therapy")."""
        return any(
            sound_key((first + second).lower()) in self._term_sounds
            for neighbour in neighbours
            for first, second in ((neighbour, word), (word, neighbour))
        )

    def _word(self, written: str, text: str, start: int) -> str:
        if written[0].isupper() and written[1:].islower():
            before = text[:start].rstrip()
            if before and before[-1] not in ".!?:\n":
                return written  # "Mrs Pillai", "Dr Osei": a name
        word = written.lower()
        if (
            len(word) > 1
            and written.isupper()
            and word not in self._terms
            and zipf_frequency(word, "en") >= SHOUTED_ZIPF
        ):
            return word  # "WHAT are they FOR?": shouted, not an abbreviation ("CBC", "GP")
        if word in SHORTHAND:
            return SHORTHAND[word]
        if len(word) < MIN_LENGTH or word in self._vocabulary or is_common_word(word):
            return written
        if word in COURTESY_WORDS:
            return written  # "kalo vradi" is a good evening, not "call"
        if re.search(r"(.)\1\1", word):
            return written  # "hiii", "sooo": drawn out, not spelt as it sounds
        if any(zipf_frequency(word, language) >= FOREIGN_ZIPF for language in LANGUAGES):
            return written  # "tarde", "meine", "hija": a word, not a misspelling
        found = self._closest(word)
        return written if found is None else found

    def _closest(self, word: str) -> str | None:
        keys = {sound_key(word)}
        if word.endswith("a"):
            keys |= {sound_key(word + "r")}
        candidates: List[Tuple[int, int, str]] = []
        for key in keys:
            for known in self._by_sound.get(key, ()):
                distance = OSA.distance(word, known)
                if distance <= max_distance(max(word, known, key=len)):
                    candidates.append((distance, -self._vocabulary[known], known))
        return min(candidates)[-1] if candidates else None


def _everyday(word: str) -> bool:
    """Whether a word is an everyday English word ("my", "test": a term's word, not a term)."""
    return zipf_frequency(word, "en") >= EVERYDAY_ZIPF


def _english(word: str) -> bool:
    """Whether a term word is a rare English word ("lupus", not "common" or "moelle")."""
    english = zipf_frequency(word, "en")
    foreign = max(zipf_frequency(word, language) for language in LANGUAGES)
    return word.isascii() and foreign <= english < EVERYDAY_ZIPF
