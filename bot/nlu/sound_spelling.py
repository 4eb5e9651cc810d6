"""Rasa NLU component: words spelt as they sound are read as the words they stand for.

Patients who find spelling hard write "wat is low wite sels", "bad liva", "had the
radiashun", "my maro fail". The classifier and the term matcher never saw those
words; edit distance alone cannot reach "sels" from "cells". This component runs
before the tokenizer and replaces a word that is in neither the training data nor
common English by a word of the training data that sounds the same (the same
Metaphone key, from the jellyfish library) and is spelt nearly the same; the
closest, then the most used, wins. Only a knowledge-file term's word or a common
English word is a target; a common word of another language patients mix in
("tarde", "meine") is left alone. A word ending in "a" may also stand for one
ending in "ar", "er" or "or", as it is said ("liva", "docta"). Common English words
("beta", "hi") and every word of the training data stay as they are; texting
shorthand the sound rule cannot reach ("wat", "shud", "wen", "agen") is read from a
short list. A shouted everyday word ("WHAT are they FOR?") is read in lower case;
an abbreviation ("GP", "CBC") stays.

Only what NLU reads changes: the tracker keeps the patient's words, and the safety
policy reads those (it has its own typo handling).

Plain Python for the words (`SoundSpeller`), tested on its own.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from typing import Any, Dict, Iterable, List, Mapping, Tuple

import jellyfish
from rapidfuzz.distance import OSA
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from wordfreq import zipf_frequency

from bot.model_files import read_json, write_json
from bot.nlu.topic_terms import knowledge_file_config, knowledge_from_config
from bot.safety.text import is_common_word

VOCABULARY_FILE = "vocabulary.json"
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
    "nething": "anything", "gud": "good", "dat": "that",
}
"""Texting shorthand too short or too common on the web for the sound rule ("wat", "shud")."""
# fmt: on
_LETTERS = re.compile(r"[^\W\d_]+")
"""A word of letters in any alphabet: "Dzień" is one word, not "Dzie" and "ń"."""


def sound_key(word: str) -> str:
    """The word's Metaphone key, with a silent H dropped and "ch" heard as "k" ("kemo")."""
    return jellyfish.metaphone(word).replace("H", "").replace("X", "K")


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

    @staticmethod
    def vocabulary_of(texts: List[str]) -> Dict[str, int]:
        """Each lower-case word of the texts and how often it occurs."""
        return dict(Counter(word for text in texts for word in _LETTERS.findall(text.lower())))

    def read(self, text: str) -> str:
        """The text with each rare word spelt as it sounds replaced by the word it stands for."""
        words = list(_LETTERS.finditer(text))
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


def _term_words(config: Dict[str, Any]) -> List[str]:
    """Every word of the knowledge file's terms, sorted."""
    terms = knowledge_from_config(config).term_index()
    return sorted({word for term in terms for word in _LETTERS.findall(term.lower())})


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SoundSpelling(GraphComponent):
    """Replaces words spelt as they sound before the tokenizer reads a message."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Knowledge file path (None: the project default or $LEUKOBOT_KNOWLEDGE_FILE)."""
        return knowledge_file_config()

    def __init__(
        self, model_storage: ModelStorage, resource: Resource, words: Dict[str, Any]
    ) -> None:
        """Keeps the training data's words and the knowledge file's term words."""
        self._model_storage = model_storage
        self._resource = resource
        self._words = words
        self._speller = SoundSpeller(words["vocabulary"], words["terms"])

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str | None:
        """Fingerprints the term words: a new knowledge-file term must retrain the component."""
        return hashlib.sha256(" ".join(_term_words(config)).encode("utf-8")).hexdigest()

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SoundSpelling:
        """Creates the component for training with the knowledge file's term words."""
        return cls(model_storage, resource, {"vocabulary": {}, "terms": _term_words(config)})

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SoundSpelling:
        """Loads the words stored in the trained model."""
        return cls(model_storage, resource, read_json(model_storage, resource, VOCABULARY_FILE))

    def train(self, training_data: TrainingData) -> Resource:
        """Stores every word of the training examples, with its count, and the term words."""
        texts = [example.get(TEXT) or "" for example in training_data.training_examples]
        words = {**self._words, "vocabulary": SoundSpeller.vocabulary_of(texts)}
        write_json(self._model_storage, self._resource, VOCABULARY_FILE, words)
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        """Replaces each message's rare words spelt as they sound."""
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str):
                message.set(TEXT, self._speller.read(text))
        return messages
