"""The scope patterns for the clinic's business and the language the service speaks.

The clinic's business: appointments, costs, results, letters.

Part of bot.nlu.scope_patterns.REQUESTS, after the numbers. Lower-cased text; plain
Python with no Rasa import.
"""

from __future__ import annotations

from typing import Dict, Pattern

from bot.nlu.scope_words import any_of
from knowledge.names import CLINIC_ADMIN_REQUEST

_LANGUAGES = (
    r"(?:spanish|portuguese|french|german|italian|polish|turkish|romanian|swedish|danish|dutch"
    r"|norwegian|greek|russian|ukrainian|arabic|urdu|hindi|bengali|bangla|punjabi|gujarati|tamil"
    r"|chinese|mandarin|cantonese|vietnamese|korean|japanese|thai|tagalog|filipino|indonesian"
    r"|malay|farsi|persian|dari|pashto|kurdish|somali|swahili|amharic|tigrinya|yoruba|igbo"
    r"|hausa|twi|hebrew|albanian|any other language|other languages?|another language)"
)
_SELF_NAMES = (
    r"(?:portugu\u00eas|portugues|espa\u00f1ol|espanol|castellano|fran\u00e7ais|francais"
    r"|deutsch|italiano|polsku|polski|t\u00fcrk\u00e7e|turkce|rom\u00e2ne\u0219te|romaneste"
    r"|svenska|dansk|norsk|nederlands|engels|ingl\u00eas|ingles|ingl\u00e9s|anglais|englisch)"
)
"""Languages by their English names, and by their own (after a verb of speaking)."""

ADMIN_REQUESTS: Dict[str, Pattern[str]] = {
    # The clinic's business: appointments, costs, opening hours, letters, parking.
    CLINIC_ADMIN_REQUEST: any_of(
        r"\barrang\w* (?:for )?(?:a |an )?(?:nurse|doctor|appointment|home visit|visit|test"
        r"|blood test)\b",
        r"\b(?:the |a )?(?:charge|cost|price|fee)s? (?:for|of) (?:a |the |my |his |her )?"
        r"(?:\w+ ){0,2}"
        r"(?:test|tests|appointment|visit|consultation|repeat|bloods?|biops(?:y|ies)|scans?"
        r"|procedures?|treatment|medicines?|medications?|tablets)\b",
        r"\b(?:bills?|billed|billing|invoices?|charged|insurance|insurer|covered by|refund"
        r"|payment|medicare|medicaid|co-?pays?)\b",
        r"\b(?:get|have|see|request) (?:a |my |his |her )?cop(?:y|ies) of\b",
        r"\b(?:when|what time|where|how)\b[^.?!]{0,30}\b(?:appointments?|appts?)\b",
        r"\b(?:can|could|how do|how can|where do|want to|need to|help me|would like to) (?:i |you "
        r"|we )?(?:re)?(?:book|make|change|cancel|reschedule|move|get)\w* (?:me )?"
        r"(?:an? |my |the |another )?(?:\w+ ){0,2}(?:appointment|appt)",
        r"\b(?:re)?book (?:me|us|him|her) in\b|\brebook\b|\bany appointments\b|\bbooked in\b",
        r"\b(?:appointments?|appts?|bookings?) (?:change|cancel|move|reschedul\w*|rebook\w*)\b",
        r"\b(?:can|could|will|would) (?:you|u) (?:please )?(?:book|schedule|arrange|organi[sz]e"
        r"|set up) (?:me |us |him |her )?(?:in )?(?:for )?(?:a |an |the |my |his |her )?"
        r"(?:\w+ ){0,2}(?:tests?|appointments?|appts?|bloods|visit|scan|biopsy|repeat)\b",
        r"\b(?:may|can|could) (?:i|we) (?:re)?schedul\w* (?:a |an |my |the )?(?:\w+ )?"
        r"(?:appointments?|appts?|visit|tests?)\b",
        r"\bresults?\b[^.?!]{0,40}\b(?:be )?ready\b|\bpay how much\b|\bhow much (?:to |i )?pay\b"
        r"|\bneed (?:to )?pay\b",
        r"\bsecond opinion\b|\binstead of (?:at )?(?:the |my |his |her )?(?:\w+ )?"
        r"(?:clinic|hospital|surgery|centre|center)\b",
        r"\bbook(?:ed)? (?:\w+ ){0,2}in for\b|\bbe booked\b"
        r"|\b(?:how (?:many|long|far)|when)\b[^.?!]{0,40}"
        r"\b(?:beforehand|in advance|ahead of time)\b",
        r"\b(?:how long|when (?:will|do|does|would|should|can|could))\b[^.?!]{0,60}\bresults?\b"
        r"[^.?!]{0,10}\bback\b",
        r"\b(?:can|could|will|would) you (?:please |kindly |pls )?(?:send|email|e-?mail|forward"
        r"|post|fax|share|print|upload)\b",
        r"\b(?:can|could) (?:i|you|we) book (?:that|it|this|one|a test|the test)\b"
        r"|\bbook (?:that|it|this) (?:online|for me)\b",
        r"\b(?:reschedule|rebook|cancel|move|postpone) (?:my|his|her|the|a) (?:blood )?tests?\b",
        r"\bparking\b|\bpark (?:at|near|my)\b|\bwhere (?:can|do|should) (?:i|we) park\b",
        r"\b(?:open|opening|closed) (?:on|at|over|during) (?:the )?(?:bank holidays?|weekends?"
        r"|saturdays?|sundays?|christmas|easter|public holidays?|holidays?)\b",
        r"\bopening (?:hours|times)\b|\bwhat time (?:does|do|is) (?:the )?\w+ (?:\w+ )?open",
        r"\bhow much (?:does|do|is|will|would) (?:\w+ ){0,5}cost\b|\bprivately\b",
        r"\bhow much\b[^.?!]{0,40}\bcost\b",
        r"\bpay (?:for )?(?:my|the|a|his|her) (?:private |nhs )?(?:blood )?(?:tests?|bloods"
        r"|appointment|visit|scan)\b"
        r"|\bprivate (?:blood )?(?:tests?|bloods|scans?|appointments?|doctors?|clinics?"
        r"|consultants?|specialists?)\b"
        r"|\bwho (?:pays|should pay)\b|\bset (?:me|us|you|him|her) back\b",
        r"\bwhere (?:can )?i (?:can )?(?:do|get|have|book) (?:a |an |the |my )?[\w-]+ tests?\b",
        r"^\W*(?:\w+\W+){0,3}(?:appts?|appointments?)\b(?:\W+\w+){0,3}\W*$",
        r"\b(?:should|need|does|do|must)\b[^.?!]{0,60}\bregular (?:full )?"
        r"(?:blood (?:counts?|tests?)|fbcs?|cbcs?|bloods|checks?|monitoring)\b",
        r"\bfast(?:ing)? before\b|\bhow long (?:do|does|will) (?:the |my )?(?:blood )?(?:test )?"
        r"results? take\b",
        r"\b(?:need|get|want|have) (?:a |the |another )?referral\b"
        r"|\b(?:how|where|when) (?:do|can|should) (?:i|we) book\b"
        r"|\b[a-z]+ologist or (?:a |an )?[a-z]+ologist\b|\bwho should (?:i|we) (?:ask to )?see\b",
        r"\brefer (?:me|him|her)\b|\bsend (?:me )?(?:my|his|her) (?:blood )?results\b",
        r"\bwhich (?:bus|train|hospital|clinic|floor|entrance|ward)\b",
        r"\b(?:decline|refuse|turn down|say no to|opt out of) (?:the |a |this |my |his |her )?"
        r"(?:bone marrow )?(?:biops\w+|aspirat\w+|procedure|scan|trial)\b",
        r"\bwhich (?:\w+ ){1,2}(?:is|are|would be) (?:the )?most (?:reliable|accurate|trusted"
        r"|trustworthy)\b",
        r"\bwhere (?:do |can )?i go for\b",
        r"\b(?:seen|appointments?|referrals?) (?:any )?(?:sooner|earlier|quicker|faster)\b",
        r"\b(?:good|best|recommended) (?:haematologist|hematologist|specialist|doctor|clinic"
        r"|hospital)s? (?:in|near|around)\b",
        r"\b(?:see|change|switch|get|have) (?:to )?(?:a |an )?(?:different|another|new|second) "
        r"(?:doctor|gp|consultant|specialist|nurse|haematologist|hematologist|oncologist)\b",
        r"\bwhere (?:is|are|do i find) (?:the )?(?:\w+ ){0,2}(?:department|ward|unit|reception"
        r"|clinic|lab|phlebotomy)\b",
        r"\bhow often (?:should|do|does|will|must) (?:\w+ ){0,3}(?:be )?(?:checked|monitored|tested"
        r"|done|repeated|taken)\b",
        r"\bhow often (?:should|do|does|will|must) (?:\w+ ){0,3}(?:be )?(?:check|monitor|test)\w*"
        r" (?:my|his|her|their|the|our) (?:\w+ )?(?:count|bloods?|levels?|white)",
        r"\b(?:write|need) (?:me |us )?a letter\b",
        r"\b(?:repeat|renew\w*|refill\w*|get (?:a |my |his |her )?(?:new )?)\s*(?:my |a |the )?"
        r"prescriptions?\b",
    ),
    # Whether the service speaks another language ("do you speak Arabic?", "Você fala
    # português?"): not a message in that language, which InputGuard answers.
    "language": any_of(
        r"\b(?:do|can|could|does|will|would) (?:you|u|this (?:bot|chat)|the (?:bot|chat)|anyone"
        r"|someone) (?:\w+ )?(?:speak|talk|understand|answer|reply|write|chat|help)\w*"
        r"(?: (?:to|with) (?:me|us|him|her|them))?(?: in)? " + _LANGUAGES + r"\b",
        r"\b(?:you|u) (?:can |could )?(?:speak|talk|answer|reply|write|chat)\w*"
        r"(?: (?:to|with) (?:me|us|him|her|them))?(?: in)? " + _LANGUAGES + r"\b",
        r"\b(?:in|is there an?|is there|any) " + _LANGUAGES + r" (?:version|option|please|pls)\b",
        r"\b(?:doctors?|nurses?|someone|anyone|staff|people) (?:who|that) (?:can )?speaks? "
        + _LANGUAGES
        + r"\b",
        r"\b(?:fala|falas|falam|habla|hablas|hablan|parlez|parles|parla|parli|sprechen|sprichst"
        r"|spreekt|spreek|talar|taler|snakker|m\u00f3wi\w*|konu\u015f\w*|vorbi\w*)"
        r"(?:-vous| sie| du| je)? (?:\w+ )?" + _SELF_NAMES + r"\b",
    ),
}
