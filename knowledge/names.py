"""The names the Rasa server and the action server share, defined once.

Plain Python with no Rasa import. domain.yml, the rules and the NLU data spell the
same names; tests/unit/test_names_contract.py checks them against each other.
"""

from __future__ import annotations

TOPIC_SLOT = "topic"
"""Set by every knowledge answer to its topic id (an evaluation contract)."""
OVERVIEW_TOPIC = "overview"
"""The topic id of the general answer (what leukopenia is; other causes)."""
EMERGENCY_TOPIC = "emergency_info"
"""The topic id of "is a low count an emergency?" (a question, not a red flag)."""
LAB_ERROR_TOPIC = "lab_error"
"""The topic id of laboratory mistakes; its terms ("blood test") name the subject."""
CODE_TOPICS = (OVERVIEW_TOPIC, EMERGENCY_TOPIC, LAB_ERROR_TOPIC)
"""The topic ids the code names; every other topic comes from the knowledge file alone."""

TERM_ENTITY = "cause_term"
"""A knowledge-file term found in a message; its value is the canonical term."""
INPUT_PROBLEM_ENTITY = "input_problem"
"""Why a message could not be read; its value is one of INPUT_PROBLEMS."""
EMPTY = "empty"
TOO_LONG = "too_long"
NOT_ENGLISH = "not_english"
INPUT_PROBLEMS = (EMPTY, TOO_LONG, NOT_ENGLISH)
SCOPE_REQUEST_ENTITY = "scope_request"
"""A request the fact sheet cannot answer; its value is one of SCOPE_REQUESTS."""
CLINIC_ADMIN_REQUEST = "clinic_admin"
"""The clinic's business: the out-of-scope reply adds the contact card."""
SCOPE_REQUESTS = (
    "diagnosis",
    "outlook",
    "medicine_advice",
    "raise_or_treat",
    "daily_life",
    "side_effects",
    "other_result",
    "compare_conditions",
    "cell_kinds",
    "symptoms",
    "procedures",
    "high_count",
    "numbers",
    CLINIC_ADMIN_REQUEST,
    "language",
    "unnamed_cause",
    "unrelated",
)
"""Each has a line of its own in the knowledge file's messages (`scope_<kind>`)."""

FOLLOW_UP_INTENT = "follow_up"
GREET_INTENT = "greet"
BOT_CHALLENGE_INTENT = "bot_challenge"
AFFIRM_INTENT = "affirm"
DENY_INTENT = "deny"
THANK_INTENT = "thank"
GOODBYE_INTENT = "goodbye"
FORGET_ME_INTENT = "forget_me"
TALK_TO_PERSON_INTENT = "talk_to_person"
"""Asking for a person, the clinic or its phone number: answered with the contact card."""
FEEDBACK_HELPFUL_INTENT = "feedback_helpful"
FEEDBACK_NOT_HELPFUL_INTENT = "feedback_not_helpful"
FEEDBACK_SLOT = "feedback"
"""Set from the feedback intents (`helpful`, `not_helpful`) beside the answered `topic`."""
FEEDBACK_VALUES = {FEEDBACK_HELPFUL_INTENT: "helpful", FEEDBACK_NOT_HELPFUL_INTENT: "not_helpful"}
OUT_OF_SCOPE_INTENT = "out_of_scope"
SMALL_TALK_INTENTS = (
    GREET_INTENT,
    GOODBYE_INTENT,
    THANK_INTENT,
    AFFIRM_INTENT,
    DENY_INTENT,
    BOT_CHALLENGE_INTENT,
    FORGET_ME_INTENT,
    TALK_TO_PERSON_INTENT,
    FEEDBACK_HELPFUL_INTENT,
    FEEDBACK_NOT_HELPFUL_INTENT,
)
"""Replies the patient chose; components that fill gaps leave them alone."""
NLU_FALLBACK_INTENT = "nlu_fallback"
"""Rasa's intent for a message the classifier is unsure of (its own constant's value)."""

ANSWER_ACTION = "action_answer_topic"
CLARIFY_ACTION = "action_clarify_topic"
OUT_OF_SCOPE_ACTION = "action_out_of_scope"
SESSION_START_ACTION = "action_session_start"
CUSTOM_ACTIONS = (SESSION_START_ACTION, ANSWER_ACTION, CLARIFY_ACTION, OUT_OF_SCOPE_ACTION)
"""Every action the action server runs."""

EMERGENCY_RESPONSE = "utter_emergency"
"""The emergency-care message (an evaluation contract): static, in domain.yml."""
CRISIS_LINE_RESPONSE = "utter_crisis_line"
SERVICE_UNAVAILABLE_RESPONSE = "utter_service_unavailable"
CONTACT_RESPONSE = "utter_contact"
CLINIC_MESSAGES = (
    "emergency",
    "emergency_chemotherapy",
    "crisis_line",
    "crisis_call",
    "crisis_call_or_text",
    "crisis_danger",
    "contact_card",
    "contact_closed",
    "contact_closed_chemotherapy",
    "service_unavailable",
    "banner",
)
"""The knowledge file's templates of the four responses above, and of the banner the shell
and the widget show (knowledge/clinic_messages.py)."""
CLINIC_PLACEHOLDERS = (
    "clinic_name",
    "phone",
    "opening_hours",
    "web_address",
    "emergency_number",
    "chemotherapy_line",
    "line_name",
    "number",
    "regions",
)
"""Every placeholder the clinic templates may use: clinic.yml's values, a crisis line's."""
"""The clinic's contact card; with the three above, written from clinic.yml at training."""
