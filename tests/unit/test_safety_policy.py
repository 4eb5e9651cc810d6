"""SafetyPolicy as a real Rasa graph component: trained, stored, loaded and ensembled."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import List, Optional

import pytest
from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.engine.training.fingerprinting import calculate_fingerprint_key
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.safety.labelled import DEFAULT_NLU_DIR, DEFAULT_SETS_DIR, topic_questions
from bot.safety.policy import SafetyPolicy
from bot.safety.rules import DEFAULT_RULES_FILE
from knowledge.names import CRISIS_LINE_RESPONSE, EMERGENCY_RESPONSE
from tests.conftest import PROJECT_DIR

RULE_POLICY_PRIORITY = 4


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_DIR / "domain.yml"))


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory, domain: Domain) -> SafetyPolicy:
    storage = LocalModelStorage.create(tmp_path_factory.mktemp("model"))
    resource = Resource("safety")
    context = ExecutionContext(GraphSchema({}), node_name="safety")
    config = SafetyPolicy.get_default_config()
    SafetyPolicy.create(config, storage, resource, context).train([], domain)
    return SafetyPolicy.load(config, storage, resource, context)


def _tracker(*turns: str, after: Optional[List[str]] = None) -> DialogueStateTracker:
    """A conversation with these user messages; `after` = bot actions since the last."""
    events: List[Event] = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted(ACTION_LISTEN_NAME),
    ]
    for index, text in enumerate(turns):
        events.append(UserUttered(text, intent={"name": "ask_overview", "confidence": 0.9}))
        if index < len(turns) - 1:
            events += [ActionExecuted("action_answer_topic"), ActionExecuted(ACTION_LISTEN_NAME)]
    events += [ActionExecuted(name) for name in after or []]
    return DialogueStateTracker.from_events("test", events)


def _predicted(prediction: PolicyPrediction, domain: Domain) -> Optional[str]:
    if prediction.max_confidence == 0:
        return None
    return domain.action_names_or_texts[prediction.max_confidence_index]


def test_a_red_flag_gets_the_emergency_first(policy: SafetyPolicy, domain: Domain) -> None:
    prediction = policy.predict_action_probabilities(_tracker("my temp is 39.4"), domain)
    assert _predicted(prediction, domain) == EMERGENCY_RESPONSE
    assert prediction.max_confidence == 1.0
    assert prediction.policy_priority > RULE_POLICY_PRIORITY
    assert prediction.is_no_user_prediction


def test_the_alarm_explains_itself_on_the_event_without_patient_text(
    policy: SafetyPolicy, domain: Domain
) -> None:
    prediction = policy.predict_action_probabilities(_tracker("my temp is 39.4"), domain)
    explanation = (prediction.action_metadata or {})["safety"]
    assert "temperature" in explanation["discriminators"]
    assert "reading:high_temperature" in explanation["rules"]
    assert "39.4" not in str(explanation)


def test_the_classifier_learned_at_training_is_loaded_with_the_model(
    policy: SafetyPolicy, domain: Domain
) -> None:
    """A phrasing no rule knows, caught by the classifier stored in the model."""
    assert policy._classifier is not None
    calm = policy._classifier.score("what does a low white count mean?")
    assert calm < 0.5


def test_then_it_listens(policy: SafetyPolicy, domain: Domain) -> None:
    tracker = _tracker("my temp is 39.4", after=[EMERGENCY_RESPONSE])
    prediction = policy.predict_action_probabilities(tracker, domain)
    assert _predicted(prediction, domain) == ACTION_LISTEN_NAME


def test_self_harm_gets_the_crisis_line_after_the_emergency(
    policy: SafetyPolicy, domain: Domain
) -> None:
    steps: List[str] = []
    for _ in range(3):
        tracker = _tracker("I want to kill myself", after=steps)
        steps.append(str(_predicted(policy.predict_action_probabilities(tracker, domain), domain)))
    assert steps == [EMERGENCY_RESPONSE, CRISIS_LINE_RESPONSE, ACTION_LISTEN_NAME]


def test_a_calm_message_gets_no_opinion(policy: SafetyPolicy, domain: Domain) -> None:
    prediction = policy.predict_action_probabilities(_tracker("no fever, just curious"), domain)
    assert prediction.max_confidence == 0.0
    assert not prediction.is_no_user_prediction


def test_only_the_latest_message_counts(policy: SafetyPolicy, domain: Domain) -> None:
    tracker = _tracker("I can't breathe", "thanks, what is leukopenia?")
    assert _predicted(policy.predict_action_probabilities(tracker, domain), domain) is None


def test_nothing_before_the_first_message(policy: SafetyPolicy, domain: Domain) -> None:
    tracker = DialogueStateTracker.from_events("test", [ActionExecuted(ACTION_LISTEN_NAME)])
    assert policy.predict_action_probabilities(tracker, domain).max_confidence == 0.0


def test_a_failing_detector_answers_as_an_emergency(
    policy: SafetyPolicy,
    domain: Domain,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(text: str) -> None:
        raise RuntimeError("detector bug")

    monkeypatch.setattr(policy, "_assess", broken)
    caplog.set_level("ERROR")
    prediction = policy.predict_action_probabilities(_tracker("what is leukopenia"), domain)
    assert _predicted(prediction, domain) == EMERGENCY_RESPONSE
    assert "detector failed" in caplog.text
    assert "leukopenia" not in caplog.text, "patient text must not reach the logs"


def test_it_wins_over_a_rule_or_an_active_form(policy: SafetyPolicy, domain: Domain) -> None:
    """Rasa's ensemble ranks 'no user' predictions first: a form's happy path is one."""
    tracker = _tracker("my dad is confused and won't wake up")
    ours = policy.predict_action_probabilities(tracker, domain)
    rule = PolicyPrediction.for_action_name(domain, "action_answer_topic", "RulePolicy", 1.0)
    rule.policy_priority = RULE_POLICY_PRIORITY
    form = PolicyPrediction.for_action_name(domain, "action_answer_topic", "RulePolicy", 1.0)
    form.policy_priority, form.is_no_user_prediction = RULE_POLICY_PRIORITY, True
    for others in ([rule], [form], [rule, form]):
        best = DefaultPolicyPredictionEnsemble._pick_best_policy(others + [ours])
        assert best.policy_name == "SafetyPolicy"
        assert _predicted(best, domain) == EMERGENCY_RESPONSE


def test_the_rules_file_changes_the_fingerprint(tmp_path: Path) -> None:
    """Rasa caches components by code and config; the rules file must count too."""
    rules_copy = tmp_path / "red_flags.yml"
    rules_copy.write_text(DEFAULT_RULES_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    config = {**SafetyPolicy.get_default_config(), "rules_file": str(rules_copy)}
    before = calculate_fingerprint_key(SafetyPolicy, config, {})

    rules_copy.write_text(
        rules_copy.read_text(encoding="utf-8").replace(
            "fever_at_or_above_c: 38.0", "fever_at_or_above_c: 37.8"
        ),
        encoding="utf-8",
    )
    assert calculate_fingerprint_key(SafetyPolicy, config, {}) != before


def test_the_labelled_sets_change_the_fingerprint(tmp_path: Path) -> None:
    """The classifier learns from the labelled sets: a new message must retrain it."""
    sets = tmp_path / "labelled"
    shutil.copytree(DEFAULT_SETS_DIR, sets)
    config = {**SafetyPolicy.get_default_config(), "labelled_sets": str(sets)}
    before = calculate_fingerprint_key(SafetyPolicy, config, {})
    first = sorted(sets.glob("*.yml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert calculate_fingerprint_key(SafetyPolicy, config, {}) != before


def test_nlu_examples_in_a_subfolder_change_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The classifier learns the NLU examples as calm, those of data/nlu/writers/ too."""
    nlu = tmp_path / "nlu"
    shutil.copytree(DEFAULT_NLU_DIR, nlu)
    monkeypatch.setattr("bot.safety.policy.DEFAULT_NLU_DIR", nlu)
    config = SafetyPolicy.get_default_config()
    before = calculate_fingerprint_key(SafetyPolicy, config, {})
    nested = sorted(nlu.rglob("*/*.yml"))[0]
    nested.write_text(nested.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert calculate_fingerprint_key(SafetyPolicy, config, {}) != before
    assert any(e.text for e in topic_questions(nlu) if e.text in nested.read_text("utf-8"))


def test_the_loaded_policy_uses_the_rules_stored_at_training(
    tmp_path: Path, domain: Domain
) -> None:
    rules_copy = tmp_path / "red_flags.yml"
    rules_copy.write_text(
        DEFAULT_RULES_FILE.read_text(encoding="utf-8").replace(
            "fever_at_or_above_c: 38.0", "fever_at_or_above_c: 39.5"
        ),
        encoding="utf-8",
    )
    (tmp_path / "model").mkdir()
    storage = LocalModelStorage.create(tmp_path / "model")
    resource = Resource("safety")
    context = ExecutionContext(GraphSchema({}), node_name="safety")
    config = {
        **SafetyPolicy.get_default_config(),
        "rules_file": str(rules_copy),
        "use_classifier": False,  # the rules alone decide here
    }
    SafetyPolicy.create(config, storage, resource, context).train([], domain)
    rules_copy.unlink()
    loaded = SafetyPolicy.load(config, storage, resource, context)
    prediction = loaded.predict_action_probabilities(_tracker("my temp is 39.0"), domain)
    assert prediction.max_confidence == 0.0, "39.0 is below this clinic's 39.5 limit"
