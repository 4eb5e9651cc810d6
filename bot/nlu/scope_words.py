"""The words the scope patterns are made of: diseases, people, values, medicines, foods.

Shared by bot.nlu.scope_patterns (the requests) and bot.nlu.scope_requests (when a
request counts). Regex fragments for lower-cased text; plain Python with no Rasa import.
"""

from __future__ import annotations

import re
from typing import Pattern


def any_of(*alternatives: str) -> Pattern[str]:
    """One compiled pattern that matches any of the alternatives."""
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


DISEASE_NAME = (
    r"(?:cancer|l[eu]+[ck]a?e?mia|lymphoma|myeloma|tumou?r|lupus|sle|hiv|aids|mds|aplastic\w*"
    r"|cirrhosis|hepatitis|an? (?:serious )?(?:disease|illness|infection|virus)"
    r"|something (?:serious|bad|wrong))\b"
)
DISEASE = r"(?:an? |the )?" + DISEASE_NAME
CUSTOMER = r"(?:(?:the |my |a )?(?:cust|custs|customer|client|pt|patient))"
"""Someone a pharmacist or nurse asks for ("can cust stop her carbimazole?")."""
PERSON = (
    r"(?:i|he|she|they|we|you|my \w+|his \w+|her \w+|our \w+"
    r"|(?:the )?(?:pt|patient|resident|client)|mum|mom|dad|baby)"
)
HAS = r"(?:has|have|got|'s got|s got|'ve got|might have|may have|could have)"
WHITE_CELLS = (
    r"\b(?:whites?|wbc|wcc|leu[ck]\w*|neutro\w*|lympho\w*|lymphs|neuts|eosino\w*|baso\w*"
    r"|monocyt\w*)\b"
)
UP = (
    r"(?:raise|raising|boost(?:s|ed|ing)?|increase|increasing|improve|improving"
    r"|build\w* (?:\w+ ){0,2}up"
    r"|(?:bring|get|push|put)\w* (?:\w+ ){0,3}(?:back )?up"
    r"|make\w* (?:\w+ ){0,4}(?:go (?:back )?up|higher|more high|rise))"
)
"""Someone making the count rise (not the count recovering by itself)."""
SOMEONE_DOES = (
    r"\b(?:how|what)\s+(?:can|could|do|should|would|might)\s+" + PERSON + r"\b"
    r"|\bhow (?:i|we)\b|\bhow to\b|\b(?:anything|something|ways?|tips?)\b[^.?!]{0,30}\bto\b"
    r"|\b(?:can|could|should|do)\s+(?:i|we|he|she|they)\b"
    r"|\b(?:is|are) there (?:any |a |an )?(?:\w+ ){1,2}(?:that|which|to)\b"
)
BOOSTERS = (  # "my memory is shot" is no injection
    r"(?:foods?|eat\w*|diet|supplements?|vitamins?|injections?|jabs?|(?<!is )(?<!'s )(?<!are )"
    r"(?<!was )shots?|herbs?|juices?"
    r"|smoothies?|exercise|protein|b12|folic acid|folate)"
)
TREATMENTS = r"(?:treatments?|medicines?|medications?|drugs?|tablets?|pills?)"
FOOD = (
    r"(?:diet|foods?|eat|eating|drink|drinking|alcohol|vitamins?|supplements?|herbal|salads?"
    r"|cheeses?|raw|meat|fish|eggs?|fruits?|vegetables|veg|sushi|takeaways?|feed|feeding|beer"
    r"|beers|wines?|pints?|booze|spirits|coffee|protein)"
)
ASKS = (
    r"(?:(?<!than i )(?<!than he )(?<!than she )(?<!than we )(?<!than they )(?<!than you )"
    r"(?:should|ought|must)|need(?: to)? (?=take|eat|drink|have|avoid)|need to"
    r"|is (?:it )?(?:ok|okay|safe|grand)|avoid"
    r"|can (?:i|he|she|we|they)"
    r"|what (?:should|can|to)|which (?:foods?|diet)|(?:what|wat|wats|what's|which|best|good)"
    r" (?:\w+ ){0,3}(?=(?:foods?|eat|diet|drink)\b))"
)
OTHER_RESULT = (
    r"(?:plate?lets?|plt|red (?:blood )?(?:cells?|count)|rbcs?|ha?emoglobin|thrombocyt\w*"
    r"|thrombozyten|plaquettes?|plaquetas?|h[aeé]+moglobin[ae]?"
    r"|ferritin|iron levels?|cholesterol|blood sugar|glucose|crp|esr|thyroid (?:levels?|results?"
    r"|function|test)|tsh|creatinine|egfr|psa|mcv|mch|mchc|rdw|hct|ha?ematocrit|hb|b12|folate"
    r"|potassium|sodium(?! valpro)|calcium|magnesium|vitamin d|albumin|bilirubin"
    r"|liver (?:function )?(?:tests?|enzymes)|lfts?|alt|ast|urea)"
)
GROWTH_FACTORS = (
    r"(?:g-?csf|gcsf injections?|filgrastim|pegfilgrastim|neulasta|neupogen|zarxio|nivestim"
    r"|growth factor (?:injections?|jabs?|shots?)|(?:white cell )?booster (?:injections?|jabs?))"
)
"""Injections that raise the count: the fact sheet does not cover them."""
MEDICINE_KINDS = (
    r"(?:antibiotics?|medicines?|medications?|drugs?|tablets?|pills?|steroids?|diuretics?"
    r"|treatments?|chemo\w*|kemo\w*|jabs?|injections?|meds?|regimens?|therap(?:y|ies)|protocols?)"
)
CELL_KINDS = (
    r"(?:n[eu]u?trophils?|l[iy]mphocytes?|l[iy]mfocytes?|monocytes?|eosinophils?|basophils?"
    r"|granulocytes?|b cells?|t cells?)"
)
COUNT_SYMPTOMS = (
    r"(?:hair|tired\w*|weight|itch\w*|bruis\w*|bleed\w*|dizz\w*|headaches?|aches?|pains?"
    r"|rash\w*|sweat\w*|ulcers?)"
)
NUMBER_WORD = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten)"
UNIT = r"(?! ?(?:mg|ml|mcg|g|kg|units?|%|c|f|degrees?|years?|yrs?|months?|weeks?|days?|hours?)\b)"
VALUE = (
    r"(?:\b\d+[.,]\d+\b" + UNIT + r"|\b" + NUMBER_WORD + r" point " + NUMBER_WORD + r"\b"
    r"|\b(?:count|wbc|wcc|white cells?|level|result|reading|cd4|anc)\b(?: \w+){0,2}? "
    r"(?:is |was |of |at |= ?)?\d+\b" + UNIT + r")"
)
"""A value of the count: "2.8", "three point two", "wbc 3", "his count was 4"; not a dose."""
JUDGMENT = (
    r"(?:very |too |really |so |dangerously |seriously )?(?:low|bad|normal|ok|okay|dangerous"
    r"|serious|worrying|concerning|safe|alarming|worrisome|significant|borderline|abnormal"
    r"|(?:a )?worry|(?:a )?concern)\b"
    r"(?! (?:with|after|on|during|in|from|because) )"
)
JUDGED = (
    r"\b(?:is|was|isn't|isnt) (?:that|this|it|mine|his|hers|theirs) (?:\w+ )?"
    + JUDGMENT
    + r"|"
    + VALUE
    + r"(?: \w+){0,2}? (?:bad|normal|ok|okay|dangerous|serious|worrying|safe|worry|concern)\b"
    + r"|\bhow (?:bad|serious|dangerous|low|worrying) is\b|\bkitna (?:serious|bad|low|kam)\b"
    + r"|\b(?:consider|call|think|find|rate|class|classify) (?:that|this|it|these|those)"
    + r"(?: \w+){0,2} "
    + JUDGMENT
    + r"|\b(?:it|that|this) is (?:very |too |really |so )?(?:bad|good|ok|okay|dangerous"
    + r"|serious|worrying|concerning|safe|alarming|significant)\b"  # "It is bad or not?"
    + r"|\b(?:it|that|this) "  # "it too low?", with the verb left out
    + JUDGMENT
    + r"\s*\?"
)
"""A question that asks to judge a value ("is that dangerous?", "three point two bad?");
not whether it is expected with a cause ("is that normal with this treatment?")."""
LOW_COUNT = r"(?:leu[ck]o?pa?enia|neutropa?enia|(?:a |my |the )?low (?:white|wbc|count)\w*)"
NOT_AS_A_CAUSE = (
    r"^(?![\s\S]*\b(?:lower\w*|drop\w*|caus\w*|reduc\w*|(?:bring|brought|knock)\w* (?:it )?down"
    r"|be why|the reason)\b)"
)
"""Not a message asking whether something lowered the count ("could his flu jab have
caused it?"): a vaccine as a cause is a question the topics answer."""
