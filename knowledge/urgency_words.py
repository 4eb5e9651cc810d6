"""Words that make a question about urgency: "is it serious?", "should we go to A&E?".

One list for the rules that must not take such a question for something else: a
symptoms question (bot.nlu.scope_requests), a daily-life question
(bot.nlu.scope_patterns) and a follow-up about the count (knowledge.references).
A regex fragment for lower-cased text, to be put between word boundaries; plain
Python with no Rasa import, so both servers can use it.
"""

from __future__ import annotations

CARE_PLACES = r"a ?& ?e|a and e|er|ed|hospital|ambulance|999|911|112"
"""Emergency care: the department, an ambulance, the emergency numbers."""

URGENCY = r"urgent\w*|emergenc\w*|serious\w*|danger\w*|worr\w*|" + CARE_PLACES
