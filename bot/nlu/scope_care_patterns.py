"""The scope patterns for requests about care: medicine advice, raising the count.

Part of bot.nlu.scope_patterns.REQUESTS, in this order, after diagnosis and outlook.
Lower-cased text; plain Python with no Rasa import.
"""

from __future__ import annotations

from typing import Dict, Pattern

from bot.nlu.scope_words import (
    ASKS,
    BOOSTERS,
    CUSTOMER,
    FOOD,
    GROWTH_FACTORS,
    LOW_COUNT,
    MEDICINE_KINDS,
    NOT_AS_A_CAUSE,
    PERSON,
    SOMEONE_DOES,
    TREATMENTS,
    UP,
    any_of,
)

SIDE_EFFECTS = any_of(
    r"\bput on weight\b|\bweight (?:gain|loss)\b|\bhair\b",
    r"\bmouth ulcers\b|\bnause\w*|\btiredness\b|\bfatigue\b",
    r"\b(?:get|getting|got) (?:my |his |her |their )?memory back\b"
    r"|\b(?:chemo|brain) fog\b[^.?!]{0,20}\b(?:go away|goes away|lift|clear|get better"
    r"|improve|treat|help|cure|fix)\w*"
    r"|\b(?:help|treat|fix|cure|improve)\w* (?:my |his |her |the )?(?:chemo |brain )?(?:fog"
    r"|memory)\b",
    r"\b(?:feel\w*|felt|so|very|always|really|get\w*|been"
    r"|(?:make|makes|making|made) (?:you|me|him|her|them|us))\s+tired\b",
)
"""Other effects of a treatment than on the white count (REQUESTS["side_effects"])."""

CARE_REQUESTS: Dict[str, Pattern[str]] = {
    # Advice on a medicine: its dose, what it is for, whether to stop it.
    "medicine_advice": any_of(
        r"\b(?:need|needs|have|has|got) to (?:be on|start|take|go on|have) (?:some |any )?"
        r"(?:meds|medications?|medicines?|treatment|tablets|pills|chemo\w*|antibiotics|steroids)\b",
        r"\b(?:what|wat|which|wich) (?:pills?|tablets?|meds|medicines?|medications?|drugs?)"
        r" (?:shud|shd|should|can|do|must) (?:i|he|she|we|they)\b",
        r"\b(?:correct|right|proper|safe) (?:dose|dosage)\b",
        r"\b(?:band|bandh) (?:kar|kr)\w*\b|\b(?:dena|lena|leni|deni) (?:padega|padegi|hoga)\b",
        r"\b(?:should|shd|can|could|shall|must|do|does) (?:i|he|she|we|they|you|mum|mom|dad"
        r"|(?:my|his|her|our) \w+) (?:just |still )?(?:cut (?:down|back)|reduce|wean \w*\s?off"
        r"|taper|come off|keep (?:on )?taking|carry on (?:taking|with)|continue (?:taking|with)"
        r"|stay on)\b(?! (?:my|his|her|the|a) (?:temp\w*|risk))",
        r"\b(?:dose|dosage)s?\b[^.?!]{0,20}\b(?:right|correct|ok|okay|enough|too (?:high|low|much"
        r"|little))\b|\b\d+\s?(?:mcg|mg|micrograms?|milligrams?)\b[^.?!]{0,20}\b(?:right|correct"
        r"|ok|okay|enough|too (?:high|low|much|little))\b",
        r"\b(?:what|wat|wot|which|right|correct|safe|max\w*|usual|normal|recommended|standard"
        r"|typical|starting)\s+(?:[\w']+\s+){0,2}"
        r"(?:dose|dosage)s?\s*(?:of|for|should|shud|do|is|to|would|will|can|could|\?|$)",
        r"\bhow (?:much|many)\b[^.?!]{0,40}\b(?:take|taken|taking|have|give|mg)\b",
        r"\bhow (?:much|many) (?:milligrams?|mgs?|mls?|micrograms?|mcg|units)\b",
        r"\b(?:should|can|could|shall|do) (?:i|he|she|we|they|" + CUSTOMER + r") (?:just )?"
        r"(?:hold|pause|withhold)"
        r" (?:off )?(?:the|his|her|my|their|it|them|[\w-]+ (?:until|till|for|while|before))\b",
        r"\b(?:i|he|she|we|they) (?:should|shd|shud|must|need to|ought to) (?:stop|quit|come off)"
        r" (?:them|it|those|these)\s*\?",
        # A question in a statement's word order: "I can stop my antibiotic now?", "I should
        # stop to take it?".
        r"\b(?:i|he|she|we|they) (?:can|could|may|should|shd|must) (?:just |now |already )?"
        r"(?:stop|quit|come off|skip|pause) (?:it|them|those|these|this|that|taking|to take|the"
        r"|my|his|her|their)\b[^.?!]{0,40}\?",
        r"\bwhich (?:\w+ )?(?:is |would be )?(?:better|best|safer) (?:for|in|with)\b",
        r"\bwhat(?:'s| is| would be) (?:better|safer) for\b"
        r"|\bwhich (?:one )?to (?:go on|take|choose|pick|start|use)\b"
        r"|\b[\w-]+ or [\w-]+ (?:is |be )?(?:less|more) likely to\b",
        NOT_AS_A_CAUSE + r"(?![\s\S]*\bwhy\b)[\s\S]*\b(?:take|have|use|drink|eat|give)\b(?! out)"
        r"[^.?!]{0,40}\b(?:together with"
        r"|along with|alongside|at the same time as|combined with)\b",
        r"\bavoid\w*\b[^.?!]{0,30}\bwith (?:my|his|her|their|the) [\w-]+\b",
        r"\bworth (?:pushing|asking|pressing|fighting|begging) for"
        r" (?!(?:a |an |another )?(?:re[a-z]*|repeat|second|new|fresh)\b)",
        r"\bmissed (?:a |my |his |her )?dose\b",
        r"\b(?:should|must|can|could) (?:\w+ ){0,2}(?:carry on|keep on|continue) (?:taking|with)\b"
        r"|\bmust (?:i|he|she|we|they) (?:stop|quit|come off)\b",
        r"\bwhich (?:one|ones|of them|tablets?|pills?|medicines?) (?:(?:i|he|she|we|they) (?:could"
        r"|can|should|might)|(?:could|can|should|might) (?:i|he|she|we|they)) (?:drop|stop|cut"
        r"|come off|quit)\b",
        r"\b(?:withdraw|drop out|pull out|leave|quit|come off) (?:of |from )?(?:the |this |my |his "
        r"|her )?(?:\w+ )?(?:trial|study)\b|\bgrapefruit\b",
        # "prednisone stop can or no?", "can stop medicine or not?", "take extra prednisone"
        r"\b(?:stop|quit|skip|cut|reduce|change|double)\w* (?:\w+ ){0,3}(?:can |could |may "
        r"|should |must )?or (?:no|not)\b",
        r"\b(?:take|taking|have|give|giving) (?:an )?extra (?:doses?|tablets?|pills?|meds"
        r"|medicines?|medications?|steroids?|prednis\w+|antibiotics?|painkillers?|puffs?)\b",
        r"\bwhat(?:'s| is)\s+(?:an? |the |this |that )?(?!white|leu|cells?|wbc)[\w-]+(?: \w+)?"
        r"\s+(?:used for|prescribed for|given for|for\s*(?:[?.!,]|$|and\b))",
        r"\bwhat is (?:it |this |that )?for\b|\bwhat (?:it's|it is) (?:used )?for\b",
        r"\bwhat does (?!the |it |that |this |a |my |your |spleen|liver|marrow|white|leu)[\w-]+ do"
        r"\s*(?:\?|$)",
        r"^\W*dos(?:e|age)s? (?:of|for|to)\b",
        r"^\W*[\w-]+ dos(?:e|age)s?(?: (?:for|of) [\w -]+)?\W*$",
        r"\bmore (?:[\w-]+ ){1,2}or less\b|\bless (?:[\w-]+ ){1,2}or more\b",
        r"\b(?:double|halve|triple)\w* (?:up )?(?:on )?(?:the |my |his |her |their )?(?:\w+ )?"
        r"(?:dose|dosage|tablets?|pills?|meds|medicines?|medications?|antibiotics|steroids)\b",
        r"\b(?:i|he|she|we|they) (?:should|must|need to|ought to|have to|has to) (?:\w+ )?"
        r"(?:switch|swap|change) (?:to )?(?:a |another |different |other |his |her |my |the )*"
        r"(?:chemo\w*|treatments?|medicines?|medications?|drugs?|tablets?|pills?|meds)\b",
        r"\bwhat (?:does|do) (?:the |this |that |his |her )?[\w-]+ (?:jab|injection|shot|drug"
        r"|tablet|medicine|pill)s? (?:actually |really )?do\b",
        r"(?<!until i )(?<!until he )(?<!until she )(?<!until we )(?<!till i )(?<!after i )"
        r"(?<!once i )(?<!when i )\bfinish (?:the|her|his|my|their) course\b"
        r"|\bstop (?:his|her|my|their|the) [\w-]+ or\b",
        r"\b(?:cut|reduce|lower|change|increase|up|double) (?:down )?(?:the |my |his |her )?"
        r"(?:dose|dosage)\b",
        r"\b(?:should|can|could|shall|will|would|do|does|need to|want to|to) (?:\w+ ){0,3}"
        r"(?:dose|dosage) (?:down|up)\b",
        r"\b(?:skip|skipping|miss|delay|delaying|hold|holding|postpone|postponing) (?:[\w']+ ){0,2}"
        r"(?:dose|doses|dosage|tablets?|pills?|injections?|infusion|cycle|round|chemo\w*"
        r"|treatments?|sessions?|medicines?|medications?|meds)\b",
        r"^\W*(?:and |so )?(?:stop|quit|pause|skip|cut) (?:them|it|those|these|the \w+|his \w+"
        r"|her \w+|my \w+|[\w-]+)\s*\?",
        r"\b(?:dose|dosage)s? (?:of [\w-]+ )?(?:smaller|less|bigger)\b|\bless often\b"
        r"|\b(?:dose|dosage)s? (?:lower|higher|reduced|increased)\s*[,?]"
        r"|\b(?:make|making) (?:the )?(?:dose|dosage)\b",
        r"\b(?:push|put|bump|take|increase|go)\w* (?:\w+ ){0,2}up to \d+ ?mg\b"
        r"|\b\d+ ?mg\b[^.?!]{0,20}\b(?:bad idea|good idea|too much|too high|safe)\b"
        r"|\b(?:drop|reduce|go down|come down|cut)\w* (?:\w+ ){0,2}to \d+ ?mg\b",
        r"\b(?:should|can|could|would|ask\w*|want\w*|shall)\b[^.?!]{0,30}\b(?:swap|switch|change|move"
        r"|put)\w* (?:him |her |them |me |us )?(?:on ?to|over to|to)"
        r" (?:something|another|a different)\b",
        r"\bhow (?:much|many|far) (?:\w+ ){0,2}(?:to |(?:should|can|do|shall) (?:i|he|she|we) )"
        r"(?:\w+ )?(?:cut|reduce|lower"
        r"|drop|take off|cut down|taper)\b",
        r"\bover the counter\b|\b(?:safe|ok|okay) to (?:give|take|have) "
        r"(?!(?:a |an )?(?:blood|low|repeat|leu|wbc))\w+",
        r"\b(?:be stopped|stop taking|come off|coming off|go off"
        r"|ceas(?:e|ing) (?:taking|to take))\b",
        r"(?<!if i )(?<!if he )(?<!if she )(?<!if we )(?<!if they )(?<!if you )"
        r"\bstop (?:his|her|my|their|the) (?:\w+ )?(?:tablets?|pills?|medicines?|meds"
        r"|medication|treatment)\b",
        r"\b(?:what|which|wat|wich)\s+(?:\w+\s+)?"
        + MEDICINE_KINDS
        + r"\s+(?:is|are|would be|will be|should|do you|to)\b[^.?!]{0,20}"
        r"\b(?:best|better|right|good|recommend\w*|use|take|give)\b",
        r"\bbest " + MEDICINE_KINDS + r"\b",
        r"\b(?:what|which|wich)\s+(?:\w+\s+)?(?:" + MEDICINE_KINDS + r"|radio\w*|radiation)\b"
        r"[^.?!]{0,40}"
        r"\b(?:recommend\w*|suggest|advise|(?:most|more|least) effective)\b",
        r"\b(?:what|which|wat|wich)\s+(?:\w+\s+)?" + MEDICINE_KINDS + r"\s+(?:is\s+)?(?:the\s+)?"
        r"(?:best|safest|strongest)\b",
        r"\b(?:should|shd|shud|shld|can|cn|could|shall|do) (?:i|he|she|we|they) (?:just )?"
        r"(?:stop|quit)\b(?! worry)",
        r"\b(?:i|he|she|we|they) (?:should|shd|shud|must|need to) (?:stop|quit) (?:tak|hav|us)\w*",
        r"\b(?:should|can|could|shall|do|does) (?:dh|dp|dd|ds|mil|fil|hubby|"
        r"(?:the |his |her |my )?(?:doctor|gp|consultant|psychiatrist|oncologist|onc|specialist))"
        r"(?:'s)? (?:just )?(?:stop|skip|pause|quit|cut|reduce|change)\b",
        r"\b(?:tablets?|pills?|meds|medicines?|medications?|chemo\w*|treatments?|steroids?"
        r"|infusions?|cycles?|doses?|water pills?)\s+(?:\w+\s+)?(?:be|get|being) (?:reduced|stopped"
        r"|changed|lowered|cut|delayed|postponed|put off|paused|held|halted|swapped|switched)\b",
        r"\b(?:should|can|could|shall|do|does) (?:dad|mum|mom|mummy|papa|nan|gran|grandma|grandpa"
        r"|(?:my|his|her|our) \w+|" + CUSTOMER + r") (?:just )?(?:stop|skip|pause|quit)\b",
        r"\binteract(?:ion|ions|s|ing)?\b(?! with (?:the |my |his |her )?(?:white|immune|marrow"
        r"|cells|blood cells))",
        r"\bwhich\b[^.?!]{0,40}\b(?:least|less) likely\b",
        r"\b(?:dose|dosage)s? (?:of (?:his |her |my |their |the )?[\w-]+ )?"
        r"(?!(?:\w+ ){0,2}?(?:was|were|got|had been|has been) )(?:\w+ ){0,2}"
        r"(?:be |get )?(?:reduced|increased|lowered|raised|changed|cut|adjusted|halved|doubled)\b",
        r"\bwhich (?:one )?(?:is|would be) (?:better|best|safer|more effective|stronger|gentler)\b",
        r"\b(?:cheaper|generic|own[- ]brand) (?:brand|version|alternative|option|kind|type)s?\b",
        r"\b(?:is|are|would be|will be) (?:it |there )?(?:better|best|safer) (?:the )?[\w-]+"
        r"(?: [\w-]+)? or\b",
        r"\b(?:is|are) (?:the )?[\w-]+(?: [\w-]+)? (?:or (?:the )?[\w-]+ )?(?:better|safer"
        r"|more effective|stronger) than\b",
        r"\bor (?:the )?[\w-]+(?: [\w-]+)? (?:the )?(?:better|best|safer) (?:one|option|choice)\b",
        r"\b(?:discontinu(?:e|ing)|withhold\w*|hold off|paus(?:e|ing))\b[^.?!]{0,30}"
        r"\b(?:his|her|my|their|the|it)\b",
        r"\b(?:should|can|could|shall|do|would) (?:i|he|she|we|they|you) (?:\w+ )?"
        r"(?:switch|swap|change) (?:him |her |them |me )?(?:to |over to )?"
        r"(?:a |another |different |other |his |her |my |the )*(?:chemo\w*|treatment"
        r"|medicines?|medications?|drugs?|tablets?|pills?|meds)\b",
        r"\b(?:first[- ]line|best|standard|usual|current) (?:\w+ )?treatments? (?:for|of)\b",
        r"\b(?:should|shd|can|could|does|do|will|would|need|needs|is|are)\s+(?:\w+\s+){0,3}"
        r"(?:be\s+)?(?:getting|get|have|having|given|on|start|starting|try|trying)\s+"
        r"(?:a |an |the |some )?" + GROWTH_FACTORS + r"\b",
        r"\b(?:particular|specific|special|certain|best|right|recommended) [\w-]+ (?:\w+ )?"
        r"(?:i|he|she|we|they|you) (?:should|must|need to|ought to|can) (?:be )?"
        r"(?:us|tak|hav|get|try|buy)\w*",
        r"\bis (?:\w+ )?(?:chemo\w*|radio\w*|radiation|treatment|surgery) (?:\w+ )?"
        r"(?:safe|too (?:risky|much|dangerous|strong)|worth it)\b"
        r"(?! (?:for (?:\w+ ){0,2})?to (?:do|go|play|travel|fly|swim|work|exercise|visit"
        r"|be around))",
        # "is it safe?" about a treatment; "is it safe to wait?" asks something else.
        r"\bis (?:\w+ )?it (?:\w+ )?(?:safe|too (?:risky|much|dangerous|strong)|worth it)\b"
        r"(?! (?:for (?:\w+ ){0,2})?to\b)",
    ),
    # How to raise the count or treat it: food, supplements, injections, cures.
    "raise_or_treat": any_of(
        r"\b" + GROWTH_FACTORS + r"\b[^.?!]{0,60}\b(?:worth|ask\w* for|should|need|wants?)\b"
        r"|\b(?:worth|ask\w* for|should|need)\b[^.?!]{0,40}\b" + GROWTH_FACTORS + r"\b",
        r"\b(?:supplements?|vitamins?|herbs?|herbal|remed(?:y|ies)|mushrooms?|teas?|juices?"
        r"|homeopath\w*|natural \w+)\b[^.?!]{0,40}\b(?:for|against|to treat|to fix|to help) "
        + LOW_COUNT,
        r"\bworth (?:trying|a try|a go|taking)\b",
        r"\b(?:will|would|does|do|is) (?:i|he|she|they|we|mum|mom|dad|(?:my|his|her|our) \w+)"
        r" (?:\w+ )?(?:need|needs|going to need|have to have) (?:a |any |more )?(?:chemo\w*|kemo"
        r"|treatment|transplant|transfusions?|medicines?|medications?|injections?)\b",
        r"\b(?:supplements?|vitamins?|herbs?|pills?|tablets?|remed(?:y|ies)|foods?|drinks?)\b"
        r" (?:that|which|to) (?:\w+ ){0,1}(?:turns?|switch\w*|kick\w*|jump-?start\w*|restart\w*"
        r"|reset\w*|wakes?|waking)\b",
        r"\b(?:best|good|which|what|how|should|shall|can|could|recommend\w*|any)\b[^.?!]{0,30}"
        r"\b(?:detox\w*|cleanse|flush (?:\w+ ){0,2}out)\b"
        r"|\bdetox\w* (?:protocol|plan|diet|programme|program|tea|juice|kit|regime)s?\b",
        r"\b(?:wash|cleans|clean|flush|detox)\w* (?:out )?(?:the |my |his |her )?(?:liver|blood"
        r"|kidneys?|system|body)\b",
        r"\b(?:neutropa?enic|low[- ]microbial|low[- ]bacteria|clean) diet\b"
        r"|\bdiet (?:list|plan|sheet|advice)\b",
        r"\b(?:take|taking|have|having|give|giving|use|using|do|doing) (?:anything|something)"
        r" (?:\w+ )?(?:to|that|which) (?:keep|help|helps|boost|raise|support|get)\b"
        r"|\bhelp (?:it|them|things) along\b",
        r"\b(?:anything|something)\b[^.?!]{0,25}\bto (?:keep|help|boost|raise|support|get)"
        r" (?:it|them|the count|(?:his|her|my) (?:count|white\w*))(?: up| higher| going)?\s*[?.!]",
        r"\b" + GROWTH_FACTORS + r"\b[^.?!]{0,40}\b(?:effective|work|works|as good|biosimilar\w*)\b"
        r"|\bbiosimilar\w*\b",
        r"\b(?:zinc|iron|selenium|vitamin \w+|vitamins|supplements?|herbs?|herbal \w+|black seed\w*"
        r"|\w+ oil|remed(?:y|ies)|echinacea|probiotics?|garlic|turmeric|ginger|ginseng)\b"
        r"[^.?!]{0,30}\bhelp\w* (?:with |against |for )?(?:her |his |my |their |the )?(?:"
        + LOW_COUNT
        + r"|wbc|wcc|white (?:blood )?"
        r"cells?|immunity|the immune system)",
        r"^\W*(?:and |so )?(?:will|would|could|can|does|do|might|is) (?:taking |some |extra )?"
        r"(?:zinc|iron|selenium|vitamin \w+|vitamins|supplements?|herbs?|probiotics?|echinacea"
        r"|\w+ oil)(?: \w+)? help\W*$",
        r"\b(?:should|shd|can|could|shall|must|do|does) " + PERSON + r" "
        r"(?:\w+ )?(?:take|have|try|start|be (?:taking|given|getting)) (?:some |an? |extra )?"
        r"(?:iron|folic acid|folate|b12|zinc|selenium|vitamin \w+|vitamins|multivitamins?"
        r"|supplements?)\b",
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
        + r")\b(?![^.?!]{0,20}\bas (?:an? )?(?:\w+ )?(?:urgent|emergency|serious|red flag"
        r"|priority))",
        r"(?<!emergency )(?<!urgent )(?<!immediate )\b(?:treatment|cure|medicine|medication"
        r"|tablets?|pills?) (?:for|of) " + LOW_COUNT,
        r"\b(?:how|can|could) (?:is|are|do you|do they|can you|will they|can|could)?\s?"
        r"(?:it|this|that|leu[ck]o?pa?enia|(?:a |my )?low (?:white|wbc)[\w ]{0,12}) (?:be )?"
        r"(?:treated|cured|fixed|managed)\b",
        r"\bcurable\b|\ba cure\b|\bhow (?:do|can|could|to|should)\b[^.?!]{0,15}\bget rid of\b",
        r"\bhow (?:is|are) (?:\w+ ){1,3}(?:treated|cured|managed)\b",
        r"\bwhat(?:'s|s| is) the tre+a?tment\b|\bhow many (?:rounds|cycles|sessions|courses)\b",
        r"\bwhat treatment (?:is|will|would|should|do|does) " + PERSON + r"\b",
        r"\bwhat (?:do|can|will|would|should|did) (?:they|you|doctors|the doctors?|we) do"
        r" (?:about|for|with)\b",
        r"\bhow (?:do|does|would|will|can|could|should) (?:\w+ ){1,3}(?:get |be )?start\w* (?:on )?"
        r"(?:\w+ )?(?:treatment|therapy|medication|meds|medicines?)\b",
        r"\bhow (?:do|does|would|will|can|could|should) (?:\w+ ){1,2}(?:go about )?(?:get|getting"
        r"|be|being) (?:tested|screened|diagnosed)\b",
    ),
}
