"""The words and phrases knowledge.references reads a message with.

Regexes for lower-cased text, plain Python with no Rasa import; each says what it
recognises. knowledge.references decides with them.
"""

from __future__ import annotations

import re

from knowledge.count_words import LOW, URGENCY

REFERENCE = re.compile(
    r"\b(?:that|this|it|its|it's|they|them|those|these|the (?:tablets?|pills?|treatment"
    r"|medicines?|drugs?|condition|disease|illness|virus|infection|sample|test))\b"
)
OTHER_CAUSES = re.compile(
    r"\b(?:else|els|elses|other|others|another|apart from|apart of|besides|except|list"
    r"|all the(?! time| way| same| while)"
    r"|more (?:things|reasons|causes)|aur koi|koi aur|aur kya|dusr[aei])\b"
    r"|\bwhat (?:\w+ )?(?:could|might|can|would) (?:it|this|that) be\b"
)
GENERALLY = re.compile(r"\b(?:in general|generally|usually|normally|commonly|most often)\b")
OTHER_SOMETHING = re.compile(
    r"\b(?:an)?other (?:\w+ )?(?:cells?|counts?|results?|tests?|samples?|checks?|appointments?"
    r"|opinions?|doctors?|people|one|time|day|week|analys[ie]s|analyses|exams?)\b"
    r"|\b(?:an)?other (?:\w+ ){0,2}(?:tablets?|pills?|medicines?|medications?|meds|drugs?)\b"
)
WHAT_ELSE = re.compile(r"\bwh?at else\b|\bwhat other\b")
"""Asking for more in so many words, however it reads ("if not error what else")."""
ABOUT_THE_REPLY = re.compile(
    r"\bwhat (?:did|do) you mean\b|\byou (?:said|wrote|mentioned)\b|\byour (?:answer|reply)\b"
    r"|\bwhat (?:does|do) ['\"\u2018\u201c][^'\"\u2019\u201d]+['\"\u2019\u201d] mean\b"
)
"""A question about the last answer's own words ("what did you mean by 'immediately'?")."""
DEFINES = re.compile(
    r"\b(?:definition|define|defined|meaning)\b|\bwhat (?:does|do) \S+(?: \S+)? mean\b"
    r"|\bwhat(?:'s| is| are| actually is| exactly is| really is)"
    r" (?:an? |the )?(?:low |lowered |reduced )?(?:leu[ck]o\w*|neutro\w*|white (?:blood )?(?:cells?"
    r"|count)|wbc)\b"
)
"""Asking what the overview's own word is ("leukopenia definition", "what is leukopenia?",
"what actually is a low white count?")."""
_PAUSE = r"\s*(?:\u2026|\.{2,}|,|-|\u2014|\u2013)?\s+"
OVERVIEW_WORD_THEN = r"\b(?:leu[ck]o\w*|neutro\w*)" + _PAUSE + r"(?:\w+" + _PAUSE + r"){0,2}"
"""The overview's word, then at most two words, with only pauses inside a sentence between (a
comma, a dash, an ellipsis; not its end or a closing quote)."""
WORD_THEN_MEANING = re.compile(OVERVIEW_WORD_THEN + r"what (?:does|do) (?:it|that|this) mean\b")
"""The overview's word, then "what does it mean?": "it" is the word ("leuko... what does it
mean?"), not the cause talked about."""
IF_LOW_AGAIN = re.compile(
    r"\bif\b[^.?!]{0,40}\b(?:low|down|real|right|correct|true|accurate|genuine|confirmed)\b"
    r"(?: (?:again|too|also|still|as well))?"
    r"[^.?!]{0,15}[,.]?\s*(?:what|which|wat)\b[^.?!]{0,30}"
    r"\b(?:reasons?|causes?|illness\w*|diseases?|conditions?|things|could it be|might it be)\b"
)
""""And if it's low again, what are the usual reasons?", "if new test also low, which illnesses
are possible?", "if it's real, what could cause it?": the causes in general, whatever the
test topic before (a repeat test named in the condition is not the question)."""
ABOUT_CAUSES = re.compile(
    r"\b(?:caus\w*|why|y(?= (?:its?|it'?s|is|are|r|she|he|they)\b)|reasons?|what makes"
    r"|what made|lower\w*|become low|go(?:es)? low"
    r"|went low|drop\w*)\b"
)
RECOVERS = re.compile(
    r"\b(?:come|comes|coming|go|goes|going|get|gets|bounce|bounces) (?:back|up)\b"
    r"|\brecover\w*|\bback to normal\b|\bget(?:s|ting)? better\b|\bkab tak\b|\bkitne din\b"
)
"""Whether the count recovers ("so it comes back once I finish or not")."""
STAYS = r"\bstay(?:s|ing)? (?:\w+ )?"
LASTS = re.compile(
    r"\b(?:how long|until when|till when|til when|for how long|how many (?:days|weeks|months))\b"
    r"|" + STAYS + r"(?:low|down|like (?:that|this))\b"
)
"""How long the count stays low ("until when they stay low?")."""
STAYS_LOW = re.compile(STAYS + r"(?:low|down)\b")
EXPECTED = re.compile(r"\b(?:normal|expected|usual|typical|common)\b")
"""Whether the count is what the cause brings ("normal?" after radiotherapy)."""
CREDIBLE = re.compile(
    r"\b(?:plausible|possible|likely|credible|true|for real|legit)\b"
    r"|\b(?:actually |really |even )?an? (?:real |actual )?thing\b"
)
"""Whether the cause can really do it ("Is that plausible though?", "is that actually a
thing?")."""
WHICH_ONES = re.compile(
    r"(?:^|[.!?;]\s*)(?:(?:so|and|but|ok|okay),? )*(?:which ones?|which kinds?|which types?"
    r"|like what|such as|for example|examples?|any examples?|name (?:some|them|a few))\s*\?*\W*$"
)
"""Asking for examples of what the last answer named ("bit vague. which ones")."""
REPEAT_WORDS = r"again|repeat\w*|redo|re-?test\w*|retake"
REPEAT = re.compile(rf"\b(?:{REPEAT_WORDS})\b")
"""Whether it is done again ("they must take again?" after a lab error)."""
ELLIPTICAL = re.compile(
    r"^\W*(?:and |so |but )?(?:meaning|means|which means|so|so what|and|then|connected|related"
    r"|linked|explain|because|the reason|in what way|like how|how so|and then)\s*\?+\W*$"
    r"|^\W*(?:and |so )?(?:hangs?|hang|hanging) (?:that|this|it|those|these|they) together\W*$"
)
"""A question of a word or two that only asks on ("meaning?", "so?", "connected?")."""
LOOKS_FOR = re.compile(
    r"\bwhat (?:(?:do|does|did|are|is|will|would|can) )?(?:he|she|they|the doctors?|the labs?"
    r"|the tests?|the biops\w+) (?:search|look|check|test|seek)\w*"
    r"|\bwhat (?:search|look|seek)\w* (?:he|she|they|the doctors?)\b"
)
"""What the doctors look for in a test just told of ("What searches he there?")."""
QUESTION_END = re.compile(r"\?\s*$")
WHY = re.compile(r"\b(?:how come|why)\b")
HOW = re.compile(r"\b(?:how|mechanism)\b")
THAT_ANOTHER = re.compile(
    r"\b(?:is|could|can|might|would|may)\s+(?:that|this|it)\s+(?:also\s+)?(?:be\s+)?"
    r"(?:an)?other\b"
)
COUNT = re.compile(r"\b(?:white|wbc|wcc|count|counts|neutro\w*|leu[ck]o\w*|lymphocyt\w*|lymphs)\b")
SAYS_LOW = re.compile(
    rf"\b(?:{LOW}|less|below)\b"
    r"|\d+(?:\.\d+)?\s*(?:l|low)\b"
)
LAB_MISTAKE = re.compile(
    r"\b(?:error|mistake|wrong|mix\w*|sample|lab|labs|laboratory|clott?ed|ha?emoly[sz]ed|accurate"
    rf"|faulty|false|{REPEAT_WORDS})\b"
)
SAYS_URGENT = re.compile(
    rf"\b(?:{URGENCY}|life|die|dying|fatal|scared|panic\w*|right away|straight away|go in"
    r"|help|call|ring|doctor|gp|nurse|go to|unwell|ill|fever|temperature|sick)\b"
)
WORD = re.compile(r"[a-z0-9']+")
MARROW_ITSELF = frozenset({"marrow", "bone marrow", "the marrow", "the bone marrow"})
MARROW_DISEASE = re.compile(
    r"\b(?:fail\w*|aplastic|mds|myelodysplas\w*|biops\w*|hypocellular|diseases?|disorders?"
    r"|syndromes?|cancer|leuka?emia|not working|stopped|transplant|wrong|problems?|issues?"
    r"|(?:not|isn'?t|wasn'?t|stopped) (?:\w+ )?(?:making|producing)"
    r"|(?:making|produc\w*) (?:too )?few|instead)\b"
    r"|^\W*or\b"
    r"|^\W*(?:and|plus|also|what about|how about|and what about|and how about)"
    r" (?:the |his |her |my )?(?:bone )?marrow\W*$"
)
"""The marrow named as a cause of its own ("could his marrow be failing?", "and the bone
marrow?" walking down the list), not as the way the current cause works ("via the marrow?")."""
