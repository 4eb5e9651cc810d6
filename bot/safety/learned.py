"""The learned second opinion: how likely a message is an emergency, from labelled examples.

A scikit-learn pipeline (character n-grams within words and word pairs, TF-IDF,
logistic regression) trained on the labelled safety sets. It knows no rule, so it
catches phrasings the rules lack; its false alarms are bounded by the calm side
of its training data (everyday stories, look-alikes). Stored in the trained
model with joblib, like Rasa's own scikit-learn components.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Sequence, Tuple

import joblib
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from bot.safety.labelled import Example

RANDOM_SEED = 2026
WORD_CACHE_SIZE = 50_000
"""Words whose character n-grams the scorer remembers (a few MB)."""


class LearnedOpinion:
    """A trained emergency-vs-calm classifier; `score` is safe to call from many threads."""

    def __init__(self, pipeline: Pipeline) -> None:
        """Wraps a fitted pipeline and prepares its fast scorer."""
        self._pipeline = pipeline
        self._fast = _FastScorer(pipeline)

    @classmethod
    def train(cls, examples: Sequence[Example]) -> LearnedOpinion:
        """Fits the classifier on labelled examples (both sides needed)."""
        if len({e.emergency for e in examples}) < 2:
            raise ValueError("The classifier needs emergency and calm examples to learn from.")
        features = FeatureUnion(
            [
                (
                    "characters",
                    TfidfVectorizer(
                        analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True
                    ),
                ),
                (
                    "words",
                    TfidfVectorizer(
                        analyzer="word",
                        ngram_range=(1, 2),
                        min_df=1,
                        sublinear_tf=True,
                        token_pattern=r"(?u)\b\w+\b",
                    ),
                ),
            ]
        )
        pipeline = Pipeline(
            [
                ("features", features),
                (
                    "classifier",
                    LogisticRegression(
                        C=10.0, class_weight="balanced", max_iter=3000, random_state=RANDOM_SEED
                    ),
                ),
            ]
        )
        pipeline.fit([e.text for e in examples], [int(e.emergency) for e in examples])
        return cls(pipeline)

    def score(self, text: str) -> float:
        """The probability, by the classifier, that the message is an emergency."""
        return self._fast.score(text)

    def reference_score(self, text: str) -> float:
        """The same probability through scikit-learn itself (slower; for tests)."""
        return float(self._pipeline.predict_proba([text])[0][1])

    def save(self, path: Path) -> None:
        """Writes the fitted pipeline to a file."""
        joblib.dump(self._pipeline, path)

    @classmethod
    def load(cls, path: Path) -> LearnedOpinion:
        """Reads a pipeline written by `save`."""
        return cls(joblib.load(path))


class _FastScorer:
    """The pipeline's arithmetic for one message, without scikit-learn's per-call overhead.

    TF-IDF with sublinear term frequency and l2 norm per vectoriser, then the
    logistic regression, on the indices of the message's known terms. Character
    n-grams stay within a word (`char_wb`), so each word's are found once and
    remembered (a bounded cache): a running server sees the same words again and
    again.
    """

    def __init__(self, pipeline: Pipeline) -> None:
        features: FeatureUnion = pipeline.named_steps["features"]
        regression: LogisticRegression = pipeline.named_steps["classifier"]
        coefficients = regression.coef_[0]
        self._intercept = float(regression.intercept_[0])
        self._parts: List[_Part] = []
        offset = 0
        for _, vectoriser in features.transformer_list:
            size = len(vectoriser.vocabulary_)
            self._parts.append(_Part(vectoriser, coefficients[offset : offset + size]))
            offset += size

    def score(self, text: str) -> float:
        total = self._intercept + sum(part.contribution(text) for part in self._parts)
        return 1.0 / (1.0 + math.exp(-total))


class _Part:
    """One vectoriser of the union and its slice of the regression's coefficients."""

    def __init__(self, vectoriser: TfidfVectorizer, coefficients: np.ndarray) -> None:
        self._vocabulary: Dict[str, int] = vectoriser.vocabulary_
        self._idf = np.asarray(vectoriser.idf_)  # a property that rebuilds the array per read
        self._coefficients = np.asarray(coefficients)
        self._per_word = vectoriser.analyzer == "char_wb"
        if self._per_word:
            self._preprocess = vectoriser.build_preprocessor()
            word_analyser = vectoriser.build_analyzer()
            self._word_indices = lru_cache(maxsize=WORD_CACHE_SIZE)(
                lambda word: self._known(word_analyser(word))
            )
        else:
            self._analyse = vectoriser.build_analyzer()

    def _known(self, terms: Iterable[str]) -> Tuple[int, ...]:
        vocabulary = self._vocabulary
        return tuple(index for term in terms if (index := vocabulary.get(term)) is not None)

    def _indices(self, text: str) -> List[int]:
        if not self._per_word:
            return list(self._known(self._analyse(text)))
        indices: List[int] = []
        for word in self._preprocess(text).split():
            indices.extend(self._word_indices(word))
        return indices

    def contribution(self, text: str) -> float:
        """The text's l2-normalised TF-IDF vector for this vectoriser, dotted with its weights."""
        indices = self._indices(text)
        if not indices:
            return 0.0
        terms, counts = np.unique(np.asarray(indices), return_counts=True)
        values = (1.0 + np.log(counts)) * self._idf[terms]
        return float(values @ self._coefficients[terms]) / math.sqrt(float(values @ values))
