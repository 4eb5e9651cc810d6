"""The names the Rasa server and the action server share, defined once.

Plain Python with no Rasa import. domain.yml, the rules and the NLU data spell the
same names; tests/unit/test_names_contract.py checks them against each other.
"""

from __future__ import annotations

TOPIC_SLOT = "topic"
"""Set by every knowledge answer to its topic id (an evaluation contract)."""

TERM_ENTITY = "cause_term"
"""A knowledge-file term found in a message; its value is the canonical term."""
INPUT_PROBLEM_ENTITY = "input_problem"
"""Why a message could not be read; its value is one of INPUT_PROBLEMS."""
EMPTY = "empty"
TOO_LONG = "too_long"
NOT_ENGLISH = "not_english"
INPUT_PROBLEMS = (EMPTY, TOO_LONG, NOT_ENGLISH)

FOLLOW_UP_INTENT = "follow_up"
AFFIRM_INTENT = "affirm"
DENY_INTENT = "deny"
THANK_INTENT = "thank"
GOODBYE_INTENT = "goodbye"
FORGET_ME_INTENT = "forget_me"
OUT_OF_SCOPE_INTENT = "out_of_scope"

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
