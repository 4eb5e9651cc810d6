"""The scope pattern for daily life with a low count: work, travel, vaccines, pregnancy, family.

Part of bot.nlu.scope_patterns.REQUESTS, right after the care requests
(bot.nlu.scope_care_patterns). Lower-cased text; plain Python with no Rasa import.
"""

from __future__ import annotations

from typing import Dict, Pattern

from bot.nlu.scope_words import NOT_AS_A_CAUSE, any_of
from knowledge.count_words import URGENCY

_VACCINE = r"vaccin\w*\b(?! (?:study|studies|trial|trials|research))"
"""A vaccine, not a vaccine study the patient takes part in."""

LIFE_REQUESTS: Dict[str, Pattern[str]] = {
    # Daily life with a low count: work, travel, vaccines, pregnancy, family.
    "daily_life": any_of(
        r"\b(?:is it|it'?s|is that|would it be|will it be)\s+(?:still\s+)?(?:ok|okay|safe|fine"
        r"|grand|alright|all right)\s+(?:for (?:me|him|her|them|us|the \w+|my \w+) )?to\s+"
        r"(?!(?:wait|leave|ignore|delay|put off|hold off|go|call|ring|phone|telephone|see|worry"
        r"|stay home|trust|rely|believe|ask|repeat|redo|retest|have (?:an? )?(?:low|leu)|be low"
        r"|get (?:\w+ )?(?:checked|retested|tested|seen|repeated))\b)\w+",
        r"\b(?:go|get|going|able to go) back to (?:work|school|college|uni|university|nursery"
        r"|the office|(?:his|her|my|their) job)\b|\breturn to (?:work|school)\b",
        r"\b(?:have|get|having|getting|go ahead with|postpone|delay)\s+(?:the |an? |my |his |her )?"
        r"(?:epidural|surgery|operation|op|dental work|extraction|tattoo|piercing|c-section"
        r"|caesarean|cesarean)\b",
        r"\b(?:will|would|could|can|does|might) (?:the|my|our|her|his) (?:unborn )?(?:baby|child"
        r"|newborn|foetus|fetus) (?:also )?(?:get|have|be born with|inherit|catch)\b",
        r"\baffect\w* (?:my |his |her |your )?(?:\w+ )?(?:vo2\w*|performance|training|recovery"
        r"|fitness|gains|endurance|running|race|races|times)\b",
        r"\b(?:need|needs|needed)\b[^.?!]{0,20}\b(?:" + _VACCINE + r"|jabs?|boosters?"
        r"|flu shots?)\b",
        NOT_AS_A_CAUSE + r"[\s\S]*\b(?:" + _VACCINE + r"|immuni[sz]ations?|mmr"
        r"|(?:flu|covid|mmr|shingles|pneumonia|tetanus|hpv)"
        r" (?:jabs?|shots?|boosters?|injections?))\b",
        NOT_AS_A_CAUSE + r"[\s\S]*\b(?:can|could|should|is it (?:ok|okay|safe|advisable|wise"
        r"|recommended)|safe to|may|advisable|wise)\b[^.?!]{0,30}\b(?:jabs?|boosters?)\b",
        r"\b(?:ramadan|ramzan|roza|rozay|rozey)\b",
        r"\b(?:can|could|may|should) (?:i|he|she|we|they) (?:still )?(?:eat|drink)\b"
        r"|\b(?:i|he|she|we|they|(?:my|his|her|our) \w+) (?:can|could|may|should) (?:still )?"
        r"(?:eat|drink)\b"
        r"[^.?!]{0,40}\?",
        r"\b(?:can|could|should|is it (?:ok|okay|safe|advisable|wise|recommended)|safe to|may"
        r"|advisable|wise)\b[^.?!]{0,30}\b(?:travel\w*"
        r"|fly|flying|plane|holiday|abroad|pregnan\w*|fertility)\b",
        r"\b(?:can|could|should|shall|must|is it (?:ok|okay|safe)|safe|ok|okay)\b[^.?!]{0,30}"
        r"\b(?:go(?:es|ing)? (?:back )?to|keep (?:\w+ )?(?:off|home from)"
        r"|send (?:\w+ )?(?:back )?to)\s+"
        r"(?:the |her |his |my |their )?(?:nursery|kindergarten|school|daycare|day care|creche"
        r"|przedszkole|guardería|work)\b",
        r"\bis (?:\w+ ){1,5}(?:hereditary|inherited|genetic|contagious|catching|infectious)\b",
        r"\bpass(?:es|ed|ing)? (?:it |this |that )?(?:on )?to (?:other|another|others|anyone"
        r"|someone|somebody|the (?:other|rest))\b",
        r"\baffect (?:my |her |our |his )?(?:chances|pregnan\w*|fertility)",
        r"\b(?:is|are|be) (?:it|this|that|they|leu[ck]o?pa?enia|(?:a )?low (?:\w+ ){0,3}count)\s+"
        r"(?:\w+ )?(?:hereditary|inherited|genetic|contagious|catching)\b",
        r"\bpass (?:it |this )?(?:on )?to (?:my|our|the) (?:children|kids|baby)\b",
        r"\bruns? in (?:the |our )?famil\w*",
        r"\b(?:comes?|came|coming) from (?:the |our |my |his |her )?(?:famil\w*|parents?|mother"
        r"|father|mum|mom|dad|genes)\b",
        r"\b(?:nursery|school|daycare|day care|creche|kindergarten)\b[^.?!]{0,20}"
        r"\bcan (?:he|she|they|i|we) (?:still )?go\b",
        r"\b(?:passed|pass(?:es)?|passing) (?:\w+ ){0,3}(?:from|to|down|on)\b[^.?!]{0,30}"
        r"\b(?:parents?|children|kids|grandchildren|grandkids|family|son|daughter|baby)\b"
        r"|\binheritance\b",
        r"\bcatch (?:a |the |it |this )?(?:low|leu[ck]o\w*)\b[^.?!]{0,20}\b(?:off|from)\b",
        r"\bprotect\w* (?:\w+ ){0,3}(?:from|against)"
        r" (?:infections?|germs|bugs|getting (?:sick|ill))\b"
        r"|\b(?:what|any|special|extra|which) precautions?\b"
        r"|\bprecautions? mean\b|\bwhat (?:i'?m|is he|is she|are we|we'?re) allowed to do\b"
        r"|\b(?:need|wear|wearing)\w* (?:a )?masks?\b|^\W*masks?\s*\?",
        r"\b(?:gym|swim\w*|pool|sports?|exercise|work ?out|travel\w*|flying|pub|concert|crowds?)\b"
        r"[^.?!]{0,12}\b(?:ok|okay|safe|fine|allowed)\b|\b(?:ok|okay|safe|fine|allowed)\b[^.?!]{0,12}"
        r"\b(?:gym|swim\w*|pool|sports?|exercise|work ?out|travel\w*|flying|pub|concert|crowds?)\b",
        r"\b(?:hurt|harm|affect|damage)\w* (?:the|my|our|her) (?:unborn )?(?:baby|foetus|fetus"
        r"|pregnancy)\b",
        r"\b(?:can|could|may|should|is it (?:ok|okay|safe)|safe|ok|okay)\b[^.?!]{0,40}"
        r"\b(?:(?:do|doing|join|take part in|miss) (?:\w+ )?(?:pe|p\.e\.?|games|sports? day)"
        r"|(?:sit|sitting|take|taking|do|doing) (?:her |his |my |their |the )?(?:exams?|gcses?"
        r"|a-levels?|finals)"
        r"|(?:school|residential|field|class|year \d+) trips?|sleepovers?|summer camp)\b",
        r"\b(?:go|going|goes|come|coming) on (?:a |the |her |his |their |this )?(?:\w+ ){0,2}"
        r"(?:trips?|camp|sleepovers?|residential|excursion|outing)\b",
        r"\b(?:ok|okay|safe|fine|alright|allowed)\b[^.?!]{0,20}\bto (?:do|play|go to|go)"
        r" (?:pe|p\.e\.?|sports?|gym|the gym|exercise|swimming|football|training|games)\b",
        r"\b(?:ok|okay|safe|alright|fine|all right|appropriate|wise) (?:for (?:me|us|him|her|them"
        r"|the \w+) )?to (?:visit|see|hug|kiss|be around|go near|stay with)\b",
        r"\bcatch (?:stuff|things|germs|bugs|infections?|something|anything|it) (?:from|off)\b"
        r"|\bgive (?:her|him|them|my \w+) (?:stuff|germs|bugs|infections?|something|anything)\b",
        r"\b(?:keep|kept|keeping|stay|stays|staying) (?:\w+ )?(?:out of|off|home from)\s+"
        r"(?:the |her |his |my |their )?(?:pe|p\.e\.?|sports?|games|gym|school|nursery|lessons"
        r"|classes|swimming|work)\b",
        r"\b(?:keep|stay|kept) (?:\w+ )?away from\b|(?<!\bi )(?<!\bwe )\bavoid (?:\w+ )?"
        r"(?:people|crowds|children|kids|grandchildren|grandkids|visitors|hospitals?)\b"
        r"|\bisolat(?:e|ing|ion)\b",
        r"\bcan (?:i|he|she|they) (?:still )?(?:go (?:to|back to) )?(?:my |his |her |their )?"
        r"(?:work|school|nursery|job|the gym)\b",
        r"\b(?:can|could|may|should) (?:i|he|she|we|they|you|(?:my|his|her|our) \w+) (?:still )?"
        r"(?:go(?! in with\b)|get|have|do|eat|drink|take|keep|play|swim|work|exercise|run|train"
        r"|travel|fly|drive|cycle|dance)\b"
        rf"(?![^.?!]{{0,50}}\b(?:{URGENCY}|doctor|gp|help)\b)[^.?!]{{0,50}}"
        r"\bwith (?:a |my |his |her |these |such )?(?:low|so few|(?:a |the )?(?:count|wbc|level)"
        r" (?:this|that|so) low)\b",
    ),
}
