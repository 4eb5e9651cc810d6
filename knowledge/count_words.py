"""Words shared by the rules that read a question about the count: it is low, it is urgent.

`LOW`: a count that is low or going down ("low", "dropped", "fell"), for the scope
rules (bot.nlu.scope_requests: "high, or low?") and the follow-ups about the count
(knowledge.references). `URGENCY`: "is it serious?", "should we go to A&E?", for
the rules that must not take such a question for something else: a symptoms
question (bot.nlu.scope_requests), a daily-life question (bot.nlu.scope_patterns)
and a follow-up about the count (knowledge.references).

Regex fragments for lower-cased text, to be put between word boundaries; plain
Python with no Rasa import, so both servers can use them.
"""

from __future__ import annotations

LOW = (
    r"low|lower\w*|down|drop\w*|fall\w*|fell|decreas\w*|reduc\w*|slipp\w*|dipp\w*|sank|sunk"
    r"|plummet\w*|tanked"
)

CARE_PLACES = (
    r"a ?& ?e|a and e|er|ed|hospital|ambulance|999|911|112|casualty|urgences|pronto soccorso"
    r"|notaufnahme"
)
"""Emergency care: the department, an ambulance, the emergency numbers."""

GRAVITY = r"urgent\w*|emergenc\w*|serious\w*|danger\w*|" + CARE_PLACES
"""Words that ask whether it is grave: urgent, an emergency, serious, dangerous, A&E."""

URGENCY = GRAVITY + r"|worr\w*"
