"""Decides whether a message is something the bot can read at all.

Plain Python, spaCy's bundled stop-word lists and wordfreq's bundled word
frequencies (no model, no download): a message can be empty, too long, or not in
English. Anything else goes to the classifier.
"""

from __future__ import annotations

import importlib
import re
from functools import cache, lru_cache
from typing import Dict, FrozenSet

from wordfreq import zipf_frequency

from knowledge.names import EMPTY, NOT_ENGLISH, TOO_LONG

MAX_MESSAGE_CHARS = 2000
"""Longer messages get a "please keep it short" reply instead of a guess."""


# Latin-script languages patients of our clinics may write in; their stop-word
# lists ship with spaCy. Non-Latin scripts are recognised by their characters.
_FOREIGN_LANGUAGES = ("es", "fr", "de", "it", "pt", "nl", "pl", "tr", "ro", "sv", "da", "id")
_CONTENT_WORD_LANGUAGES = _FOREIGN_LANGUAGES[:-1]
"""Indonesian's word frequencies would take romanised Hindi words ("kam", "meri") from English,
so only its function words count."""
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LATIN_LIMIT = 0x024F  # end of Latin Extended-B
_ENGLISH_CHAT = frozenset(
    {"ok", "okay", "k", "kk", "ty", "thx", "tx", "ta", "pls", "plz", "u", "ur", "ya", "yep"}
    | {"nope", "bye", "hi", "hey", "lol", "wbc", "dr", "doc", "im", "pred", "abx", "chemo"}
)
"""English as typed on a phone, missing from spaCy's list; "ok ty" is no Polish."""
ENGLISH_WORD_ZIPF = 2.5
ENGLISH_MARGIN_ZIPF = 0.5
"""An English content word is at least this common in English (wordfreq's Zipf scale)
and clearly commoner there than in any foreign language we know: "liver",
"cirrhosis", "thyroid" and "pill" count; "madre", "lupus" and "hai" do not."""


@cache
def _stop_words() -> Dict[str, FrozenSet[str]]:
    """Stop-word lists by language code, English first; loaded once on first use."""
    lists = {}
    for code in ("en",) + _FOREIGN_LANGUAGES:
        module = importlib.import_module(f"spacy.lang.{code}.stop_words")
        lists[code] = frozenset(word.lower() for word in module.STOP_WORDS)
    return lists


def input_problem(text: str | None) -> str | None:
    """Returns EMPTY, TOO_LONG or NOT_ENGLISH for an unusable message, else None."""
    if text is None or not _WORD.search(text):
        return EMPTY
    if len(text) > MAX_MESSAGE_CHARS:
        return TOO_LONG
    if looks_non_english(text):
        return NOT_ENGLISH
    return None


def looks_non_english(text: str) -> bool:
    """True for mostly non-Latin script, or clearly more foreign function words than English words.

    English words are its function words and its content words ("thyroid ki medicine se
    white blood cell down ho sakta hai kya?" is English enough to be read).
    """
    letters = [char for char in text if char.isalpha()]
    non_latin = sum(1 for char in letters if ord(char) > _LATIN_LIMIT)
    if letters and non_latin / len(letters) > 0.5:
        return True

    words = [word.lower() for word in _WORD.findall(text)]
    lists = _stop_words()
    english = lists["en"] | _ENGLISH_CHAT
    english_hits = sum(1 for word in words if word in english or _english_content_word(word))
    foreign_hits = max(
        sum(1 for word in words if word in lists[code] and word not in english)
        for code in _FOREIGN_LANGUAGES
    )
    return foreign_hits >= 2 and foreign_hits > 2 * english_hits


@lru_cache(maxsize=20_000)
def _english_content_word(word: str) -> bool:
    """Whether a word is English, not a foreign one ("Hinglish": "abbu ko cirrhosis hai")."""
    english = zipf_frequency(word, "en")
    if english < ENGLISH_WORD_ZIPF:
        return False
    foreign = max(zipf_frequency(word, code) for code in _CONTENT_WORD_LANGUAGES)
    return english >= foreign + ENGLISH_MARGIN_ZIPF
