"""The scope patterns: each kind of request the fact sheet cannot answer, as regexes.

Read by bot.nlu.scope_requests, which decides when a pattern counts; the words they
are made of are in bot.nlu.scope_words. Lower-cased text; plain Python with no Rasa
import.
"""

from __future__ import annotations

import re
from typing import Dict, Pattern

from bot.nlu.scope_words import (
    ASKS,
    BOOSTERS,
    CELL_KINDS,
    COUNT_SYMPTOMS,
    DISEASE,
    DISEASE_NAME,
    FOOD,
    HAS,
    JUDGED,
    LOW_COUNT,
    MEDICINE_KINDS,
    OTHER_RESULT,
    PERSON,
    SOMEONE_DOES,
    TREATMENTS,
    UNIT,
    UP,
    VALUE,
    WHITE_CELLS,
)
from knowledge.count_words import URGENCY


def _any(*alternatives: str) -> Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


REQUESTS: Dict[str, Pattern[str]] = {
    # Whether the patient (or someone they ask for) has a disease: a diagnosis.
    "diagnosis": _any(
        r"\b(?:do|does|did|have|has|could|might|may|am|is|are)\s+"
        + PERSON
        + r"\s+(?:have|has|got|gotten|be getting)\s+"
        + DISEASE,
        r"\b(?:means?|signs?|shows?|proves?|indicates?|suggests?)\s+(?:that\s+)?"
        + PERSON
        + r"\s*"
        + HAS
        + r"\s+"
        + DISEASE,
        r"\b" + PERSON + r"\s+(?:have|has|got)\s+" + DISEASE + r"\s*\?",
        r"\b(?:have|has|got)\s+" + DISEASE + r"[,.]?\s*(?:yes|right|no|true)\s*\?",
        r"\b(?:have|has|got)\s+" + DISEASE + r",?\s+or not\b",
        r"\bmeans? (?:that )?(?:it'?s|it is) " + DISEASE,
        r"\bmeans?\s+(?:(?:i|he|she|they|you|we)\s+(?:have|has|got)\s+)?"
        + DISEASE
        + r"\s*(?:\?|$)",
        r"\b(?:my|his|her|their|our) (?:\w+ ){0,4}(?:a )?(?:sign|symptom) of " + DISEASE,
        r"\btell (?:me|us) (?:if|whether)\b[^.?!]{0,30}" + DISEASE_NAME,
        r"\b(?:it'?s|it is|is it|is that) " + DISEASE + r",? or not\b",
        r"\b(?:is|was) (?:\w+ ){0,3}a diagnosis of\b",
        r"\b(?:do|does|am|is) " + PERSON + r" (?:have|has)\b[^.?!]{0,30}\bor " + DISEASE,
        r"\b(?:is|could|might)\s+(?:it|this|that)\s+(?:be\s+)?(?:a\s+)?"
        r"(?:cancer|leu[ck]a?emia|lymphoma|a tumou?r)\b",
        r"\bis (?:it|this|that) (?:an? )?" + DISEASE_NAME + r"\s*\?",
        r"\bis (?:it|this) (?:an? )?[\w-]+ (?:deficiency|disease|syndrome|disorder)\s*\?",
        r"\bconfirm\w*\b[^.?!]{0,20}\bdiagnos",
        r"\bdiagnos(?:e|is) (?:me|him|her|my)\b|\b(?:is|s|what) (?:my|his|her|the) diagnosis\b",
        r"\bwhat(?:'s| is) wrong with (?:me|him|her|my)\b",
        r"\bwhich (?:\w+ ){0,4}(?:is it|is the cause|caused it|applies)\b[^.?!]{0,25}"
        r"\bin (?:her|his|my|their|our|your) case\b",
        r"(?<!want to )(?<!wants to )(?<!wanted to )(?<!going to )(?<!plan to )(?<!planning to )"
        r"\btest (?:me|him|her|us|them) for\b|\bwhat (?:illness|disease) (?:do|does|have)\b",
    ),
    # How things will go for a person: outlook, survival.
    "outlook": _any(
        r"\b(?:going to|gonna) be (?:ok|okay|alright|all right|fine)\b",
        r"\bhow long (?:\w+ ){0,4}(?:live|survive)\b|\blive long\b|\blife expectancy\b",
        r"\bprognosis\b|\bsurviv\w*|\bam i (?:dying|going to die)\b",
        r"\b(?:will|is|could) " + PERSON + r" (?:die|dying)\b",
        r"\bprogression\b|\bprogress (?:to|into)\b|\bturn (?:in)?to (?:a |an )?"
        r"(?:cancer|l[eu]+[ck]a?e?mia|aml|lymphoma|myeloma|mds)\b",
    ),
    # Advice on a medicine: its dose, what it is for, whether to stop it.
    "medicine_advice": _any(
        r"\b(?:what|wat|wot|which|right|correct|safe|max\w*|usual|normal)\s+(?:\w+\s+)?"
        r"(?:dose|dosage)s?\s*(?:of|for|should|shud|do|is|to|would|will|can|could|\?|$)",
        r"\bhow (?:much|many)\b[^.?!]{0,30}\b(?:take|taken|taking|have|give|mg)\b",
        r"\bmissed (?:a |my |his |her )?dose\b",
        r"\bwhat(?:'s| is)\s+(?:an? |the |this |that )?(?!white|leu|cells?|wbc)[\w-]+(?: \w+)?"
        r"\s+(?:used for|prescribed for|given for|for\s*(?:[?.!,]|$|and\b))",
        r"\bwhat is (?:it |this |that )?for\b|\bwhat (?:it's|it is) (?:used )?for\b",
        r"\bwhat does (?!the |it |that |this |a |my |your |spleen|liver|marrow|white|leu)[\w-]+ do"
        r"\s*(?:\?|$)",
        r"^\W*dos(?:e|age)s? (?:of|for)\b",
        r"\bwhat (?:does|do) (?:the |this |that |his |her )?[\w-]+ (?:jab|injection|shot|drug"
        r"|tablet|medicine|pill)s? (?:actually |really )?do\b",
        r"\bfinish (?:the|her|his|my|their) course\b|\bstop (?:his|her|my|their|the) [\w-]+ or\b",
        r"\b(?:cut|reduce|lower|change|increase|up|double) (?:down )?(?:the |my |his |her )?"
        r"(?:dose|dosage)\b",
        r"\b(?:should|can|could|shall|will|would|do|does|need to|want to|to) (?:\w+ ){0,3}"
        r"(?:dose|dosage) (?:down|up)\b",
        r"\b(?:skip|skipping|miss|delay|delaying|hold|holding|postpone|postponing) (?:[\w']+ ){0,2}"
        r"(?:dose|doses|dosage|tablets?|pills?|injections?|infusion|cycle|round|chemo\w*"
        r"|treatments?|sessions?|medicines?|medications?|meds)\b",
        r"^\W*(?:and |so )?(?:stop|quit|pause|skip|cut) (?:them|it|those|these|the \w+|his \w+"
        r"|her \w+|my \w+)\s*\?",
        r"\bhow (?:much|many|far) (?:\w+ ){0,3}(?:to |should (?:i|he|she|we) )?(?:cut|reduce|lower"
        r"|drop|take off|cut down|taper)\b",
        r"\bover the counter\b|\b(?:safe|ok|okay) to (?:give|take|have) (?!a blood)\w+",
        r"\b(?:be stopped|stop taking|come off|coming off|go off)\b",
        r"(?<!if i )(?<!if he )(?<!if she )(?<!if we )(?<!if they )(?<!if you )"
        r"\bstop (?:his|her|my|their|the) (?:\w+ )?(?:tablets?|pills?|medicines?|meds"
        r"|medication|treatment)\b",
        r"\b(?:what|which|wat|wich)\s+(?:\w+\s+)?"
        + MEDICINE_KINDS
        + r"\s+(?:is|are|would be|should|do you|to)\b[^.?!]{0,20}"
        r"\b(?:best|better|right|good|recommend\w*|use|take|give)\b",
        r"\bbest " + MEDICINE_KINDS + r"\b",
        r"\b(?:should|can|could|shall|do) (?:i|he|she|we|they) (?:just )?stop\b",
        r"\b(?:should|can|could|shall|do|does) (?:dad|mum|mom|mummy|papa|nan|gran|grandma|grandpa"
        r"|(?:my|his|her|our) \w+) (?:just )?(?:stop|skip|pause|quit)\b",
        r"\b(?:dose|dosage)s? (?:of (?:his |her |my |their |the )?[\w-]+ )?(?:\w+ ){0,2}"
        r"(?:be |get )?(?:reduced|increased|lowered|raised|changed|cut|adjusted|halved|doubled)\b",
        r"\bwhich (?:one )?(?:is|would be) (?:better|best|safer)\b",
        r"\b(?:is|are|would be|will be) (?:it |there )?(?:better|best|safer) (?:the )?[\w-]+"
        r"(?: [\w-]+)? or\b",
        r"\b(?:is|are) (?:the )?[\w-]+(?: [\w-]+)? (?:or (?:the )?[\w-]+ )?(?:better|safer"
        r"|more effective|stronger) than\b",
        r"\bor (?:the )?[\w-]+(?: [\w-]+)? (?:the )?(?:better|best|safer) (?:one|option|choice)\b",
        r"\b(?:discontinue|withhold|hold off|pause)\w*\b[^.?!]{0,30}"
        r"\b(?:his|her|my|their|the|it)\b",
        r"\b(?:should|can|could|shall|do|would) (?:i|he|she|we|they|you) (?:\w+ )?"
        r"(?:switch|swap|change) (?:him |her |them |me )?(?:to |over to )?"
        r"(?:a |another |different |other |his |her |my |the )*(?:chemo\w*|treatment"
        r"|medicines?|medications?|drugs?|tablets?|pills?|meds)\b",
        r"\b(?:first[- ]line|best|standard|usual|current) (?:\w+ )?treatments? (?:for|of)\b",
        r"\bis (?:\w+ )?(?:chemo\w*|radio\w*|radiation|treatment|surgery|it) (?:\w+ )?"
        r"(?:safe|too (?:risky|much|dangerous|strong)|worth it)\b"
        r"(?! (?:for (?:\w+ )?)?to (?:do|go|play|travel|fly|swim|work|exercise|visit|be around))",
    ),
    # How to raise the count or treat it: food, supplements, injections, cures.
    "raise_or_treat": _any(
        r"\b(?:supplements?|vitamins?|herbs?|herbal|remed(?:y|ies)|mushrooms?|teas?|juices?"
        r"|homeopath\w*|natural \w+)\b[^.?!]{0,40}\b(?:for|against|to treat|to fix|to help) "
        + LOW_COUNT,
        r"\bworth (?:trying|a try|a go|taking)\b",
        "(?:" + SOMEONE_DOES + r")[^.?!]{0,40}\b" + UP + r"\b",
        r"\b"
        + BOOSTERS
        + r"\b[^.?!]{0,40}\b(?:"
        + UP
        + r"|help(?:s|ed|ing)?\b|recover\w*|come (?:back )?up|go (?:back )?up|more)",
        r"\b" + TREATMENTS + r"\b[^.?!]{0,40}\b" + UP + r"\b",
        r"\b" + UP + r"\b[^.?!]{0,40}\b(?:with|by|through) " + BOOSTERS + r"\b",
        r"\b" + ASKS + r"\b[^.?!]{0,40}\b" + FOOD + r"\b",
        r"\b" + FOOD + r"\b[^.?!]{0,40}\b" + ASKS + r"\b",
        r"\b" + FOOD + r"\b[^.?!]{0,30}\b(?:ok|okay|safe|allowed|bad|good) (?:for|to|with)\b",
        r"\b(?:treat(?:ed|ing)?|cure[ds]?|fix(?:ed)?)\s+(?:it|this|that|"
        + LOW_COUNT
        + r")\b(?![^.?!]{0,20}\bas (?:urgent|an emergency|serious))",
        r"(?<!emergency )(?<!urgent )(?<!immediate )\b(?:treatment|cure|medicine|medication"
        r"|tablets?|pills?) (?:for|of) " + LOW_COUNT,
        r"\b(?:how|can|could) (?:is|are|do you|do they|can you|will they|can|could)?\s?"
        r"(?:it|this|that|leu[ck]o?pa?enia|(?:a |my )?low (?:white|wbc)[\w ]{0,12}) (?:be )?"
        r"(?:treated|cured|fixed|managed)\b",
        r"\bcurable\b|\ba cure\b|\bhow (?:do|can|could|to|should)\b[^.?!]{0,15}\bget rid of\b",
        r"\bhow (?:is|are) (?:\w+ ){1,3}(?:treated|cured|managed)\b",
        r"\bwhat(?:'s|s| is) the tre+a?tment\b|\bhow many (?:rounds|cycles|sessions|courses)\b",
        r"\bwhat treatment (?:is|will|would|should|do|does) " + PERSON + r"\b",
    ),
    # Daily life with a low count: work, travel, vaccines, pregnancy, family.
    "daily_life": _any(
        r"\b(?:can|could|should|is it (?:ok|okay|safe|advisable|wise|recommended)|safe to|may"
        r"|advisable|wise)\b[^.?!]{0,30}\b(?:travel\w*"
        r"|fly|flying|plane|holiday|abroad|vaccin\w*|jabs?|boosters?|pregnan\w*|fertility)\b",
        r"\b(?:can|could|should|shall|must|is it (?:ok|okay|safe)|safe|ok|okay)\b[^.?!]{0,30}"
        r"\b(?:go(?:es|ing)? (?:back )?to|keep (?:\w+ )?(?:off|home from)"
        r"|send (?:\w+ )?(?:back )?to)\s+"
        r"(?:the |her |his |my |their )?(?:nursery|kindergarten|school|daycare|day care|creche"
        r"|przedszkole|guardería|work)\b",
        r"\bis (?:\w+ ){1,3}(?:hereditary|inherited|genetic|contagious|catching)\b",
        r"\baffect (?:my |her |our |his )?(?:chances|pregnan\w*|fertility)",
        r"\b(?:is|are|be) (?:it|this|that|they|leu[ck]o?pa?enia|(?:a )?low (?:\w+ ){0,3}count)\s+"
        r"(?:\w+ )?(?:hereditary|inherited|genetic|contagious|catching)\b",
        r"\bpass (?:it |this )?(?:on )?to (?:my|our|the) (?:children|kids|baby)\b",
        r"\bruns? in (?:the |our )?famil\w*",
        r"\b(?:hurt|harm|affect|damage)\w* (?:the|my|our|her) (?:unborn )?(?:baby|foetus|fetus"
        r"|pregnancy)\b",
        r"\b(?:ok|okay|safe|fine|alright|allowed)\b[^.?!]{0,20}\bto (?:do|play|go to|go)"
        r" (?:pe|p\.e\.?|sports?|gym|the gym|exercise|swimming|football|training|games)\b",
        r"\b(?:keep|stay|kept) (?:\w+ )?away from\b|\bavoid (?:\w+ )?(?:people|crowds|children|kids"
        r"|grandchildren|grandkids|visitors|hospitals?)\b|\bisolat(?:e|ing|ion)\b",
        r"\bcan (?:i|he|she|they) (?:still )?(?:go (?:to|back to) )?(?:my |his |her |their )?"
        r"(?:work|school|nursery|job|the gym)\b",
        r"\b(?:can|could|may|should) (?:i|he|she|we|they|you) (?:still )?(?:go|get|have|do|eat"
        r"|drink|take|keep|play|swim|work)\b"
        rf"(?![^.?!]{{0,30}}\b(?:{URGENCY}|doctor|gp|help)\b)[^.?!]{{0,30}}"
        r"\bwith (?:a |my |his |her |these |such )?(?:low|so few)\b",
    ),
    # Other effects of a treatment than on the white count (see out_of_scope_request).
    "side_effects": _any(
        r"\bput on weight\b|\bweight (?:gain|loss)\b|\bhair\b",
        r"\bmouth ulcers\b|\bnause\w*|\btiredness\b|\bfatigue\b",
        r"\b(?:feel\w*|felt|so|very|always|really|get\w*|been"
        r"|(?:make|makes|making|made) (?:you|me|him|her|them|us))\s+tired\b",
    ),
    # Another blood result: platelets, red cells, haemoglobin, cholesterol...
    "other_result": _any(r"\b" + OTHER_RESULT + r"\b"),
    # What the kinds of white cells are and how they differ (see out_of_scope_request).
    "cell_kinds": _any(
        r"\b(?:what|wat|wht)(?:'s| is| are| r| do| does)\s+(?:a |an |the )?" + CELL_KINDS + r"\b",
        r"\bdiff?e?rr?ence\b[^.?!]{0,20}\b" + CELL_KINDS + r"\b",
        r"\b(?:types?|kinds?|sorts?) of white (?:blood )?cells?\b",
    ),
    # How a low count feels or shows itself: symptoms (see out_of_scope_request).
    "symptoms": _any(
        r"\b(?:symptoms?|signs?) (?:of|from) (?:a |having )?(?:low|leu[ck]o?pa?enia)",
        r"\b(?:does|do|can|will|could|would)\s+(?:a |my |his |her |the )?(?:low|leu[ck]o?pa?enia)"
        r"(?:[^.?!]{0,25})\b(?:make|makes|cause|causes|give|gives)\b[^.?!]{0,25}\b"
        + COUNT_SYMPTOMS
        + r"\b",
        r"\bwhat (?:does|do|will) (?:a |my |his |her )?"
        r"(?:low (?:white|wbc)[\w ]{0,15}|leu[ck]o?pa?enia) feel like\b",
        r"\bhow (?:does|do|will) (?:a |my |his |her )?(?:low|leu[ck]o?pa?enia)[\w ]{0,20}"
        r" make (?:you|me|him|her|them|u) feel\b",
    ),
    # Tests and operations: a biopsy, taking the spleen out (see out_of_scope_request).
    "procedures": _any(
        r"\bbiops(?:y|ies)\b[^.?!]{0,30}\b(?:take|takes|hurt\w*|pain\w*|done|involve\w*|risks?"
        r"|prepare|sore|safe)\b|\b(?:what|how)\b[^.?!]{0,20}\bbiops(?:y|ies)\b",
        r"\bsplenectomy\b|\btransplant\b|\boperation\b|\b(?:the|an?) op\b",
        r"\b(?:take|taking|took|taken|get|getting) (?:it|the spleen|(?:his|her|my) spleen) out\b",
        r"\bremov\w* (?:the |his |her |my )?spleen\b",
    ),
    # A high white count instead of a low one (see out_of_scope_request).
    "high_count": _any(
        WHITE_CELLS
        + r"(?:[^.?!]|\.\d){0,25}(?:\b(?:high|higher|raised|elevated|increased)\b|\(h\))",
        WHITE_CELLS + r"[\s:=]*(?:(?:count|wcc|is|was|of) )?\d+(?:\.\d+)?\s*h\b",
        r"\b(?:high|higher|raised|elevated|increased|too many)\b[^.?!]{0,25}" + WHITE_CELLS,
        r"\b(?:a |the )?high (?:count|one)\b|\b(?:hi|high),? not low\b",
        r"\b(?:his|hers|theirs|mates?|friends?|\w+'s) (?:is|was|are|were) (?:so |really |very )?"
        r"(?:high|higher|raised)\b",
        r"\b(?:neutrophilia|lymphocytosis|monocytosis|eosinophilia)\b",
        r"\bleu[ck]ocytosis\b",
    ),
    # Numbers: normal ranges, whether a value is low.
    "numbers": _any(
        r"\bwh?at(?:'?s| is| are| counts as)\s+(?:a |the )?(?:normal|healthy|reference|usual)\s+"
        r"(?:\w+\s+)?(?:range|number|level|value|count|amount|result|wbc|size|reading)s?\b",
        r"\bwhat (?:number|level|count|value) (?:is|counts as)\b",
        r"\b(?:what(?:'s| is)|is|which is) the (?:right |correct )?normal (?:wbc |white (?:blood )?"
        r"(?:cell )?(?:count )?)?range\b",
        r"\d[\d.,]*\s*(?:thousand|k)?\b[^?]{0,60}\bnormal or (?:no|not)\b",
        r"\bis (?:a |my |his |her )?(?:count of |wbc of |result of )?\d+(?:\.\d+)? "
        r"(?:an? )?(?:low|normal|bad|ok|okay|dangerous|too low)\b",
        r"^(?=[\s\S]*" + VALUE + r")(?=[\s\S]*(?:" + JUDGED + r"))",
        r"\b\d+[.,]\d+\b" + UNIT + r"[\s.,;:-]+(?:(?:is|it'?s|that'?s|so|even) )?"
        r"(?:very |too |really |that |dangerously )?(?:bad|normal|ok|okay|dangerous|serious"
        r"|worrying|concerning|safe|alarming)\b(?! (?:with|after|on|during|in|from|because) )",
        r"(?:^|[.?!,;]\s*)(?:so |and |but |ok |okay )?(?:is|isn't|isnt) (?:a |my |his |her |the )?"
        r"(?:wbc |count |level |result )?"
        r"\d+(?:[.,]\d+)?\b" + UNIT + r"[^.?!]{0,25}\b(?:low|bad|normal|ok|okay|dangerous\w*"
        r"|serious|worr\w*|safe|concerning|high)\b"
        r"(?! (?:with|after|on|during|in|from|because|for) )",
        r"\bwhat (?:does|do) (?:the |my |his |her |their )?(?:[\w-]+ )?(?:number|value|figure"
        r"|reading)s? (?:mean|tell)\b",
    ),
    # The clinic's business: appointments, costs, opening hours, letters, parking.
    "clinic_admin": _any(
        r"\b(?:bills?|billed|billing|invoices?|charged|insurance|insurer|covered by|refund"
        r"|payment)\b",
        r"\b(?:when|what time|where|how)\b[^.?!]{0,30}\b(?:appointments?|appts?)\b",
        r"\b(?:can|could|how do|how can|where do|want to|need to|help me|would like to) (?:i |you "
        r"|we )?(?:re)?(?:book|make|change|cancel|reschedule|move|get)\w* (?:me )?"
        r"(?:an? |my |the |another )?(?:\w+ ){0,2}(?:appointment|appt)",
        r"\b(?:re)?book (?:me|us|him|her) in\b|\brebook\b|\bany appointments\b",
        r"\b(?:can|could) (?:i|you|we) book (?:that|it|this|one|a test|the test)\b"
        r"|\bbook (?:that|it|this) (?:online|for me)\b",
        r"\b(?:reschedule|rebook|cancel|move|postpone) (?:my|his|her|the|a) (?:blood )?tests?\b",
        r"\bparking\b|\bpark (?:at|near|my)\b|\bwhere (?:can|do|should) (?:i|we) park\b",
        r"\bopening (?:hours|times)\b|\bwhat time (?:does|do|is) (?:the )?\w+ (?:\w+ )?open",
        r"\bhow much (?:does|do|is|will|would) (?:\w+ ){0,5}cost\b|\bprivately\b",
        r"\bfast(?:ing)? before\b|\bhow long (?:do|does|will) (?:the |my )?(?:blood )?(?:test )?"
        r"results? take\b",
        r"\brefer (?:me|him|her)\b|\bsend (?:me )?(?:my|his|her) (?:blood )?results\b",
        r"\bwhich (?:bus|train|hospital|clinic|floor|entrance|ward)\b",
        r"\bwhere (?:do |can )?i go for\b",
        r"\b(?:see|change|switch|get|have) (?:to )?(?:a |an )?(?:different|another|new|second) "
        r"(?:doctor|gp|consultant|specialist|nurse|haematologist|hematologist|oncologist)\b",
        r"\bwhere (?:is|are|do i find) (?:the )?(?:\w+ ){0,2}(?:department|ward|unit|reception"
        r"|clinic|lab|phlebotomy)\b",
        r"\bhow often (?:should|do|does|will|must) (?:\w+ ){0,3}(?:be )?(?:checked|monitored|tested"
        r"|done|repeated|taken)\b",
        r"\b(?:write|need) (?:me |us )?a letter\b",
        r"\b(?:repeat|renew\w*|refill\w*|get (?:a |my |his |her )?(?:new )?)\s*(?:my |a |the )?"
        r"prescriptions?\b",
    ),
    # Talk about something else entirely: weather, sport, jokes (see out_of_scope_request).
    "unrelated": _any(
        r"\bweather\b|\bforecast\b|\bsunny\b|\bgoing to rain\b",
        r"\b(?:football|soccer|cricket|rugby|baseball|basketball|tennis|golf|formula 1|world cup"
        r"|premier league|the league|the match|the game|the final|the score)\b",
        r"\bwho (?:do you (?:think|reckon) |d'?you reckon )?(?:will|is going to|gonna) win\b",
        r"\b(?:tell|write|sing|give) (?:me |us )?(?:a |an |another )?(?:joke|poem|song|story"
        r"|riddle|recipe)s?\b|\brecipe\b|\bjokes?\b|\bpoem\b",
        r"\b(?:film|movie|series|tv show|netflix|box set) (?:to watch|recommendation)",
    ),
}
