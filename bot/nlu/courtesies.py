"""Rasa NLU component: a greeting, thanks or goodbye in another language is small talk.

Patients who write English as a second language open and close in their own:
"Olá, boa tarde", "Merci, au revoir", "Salamat po", "Vielen Dank". The classifier
never saw these words, and the input guard would read them as a message in
another language; the patient would be asked to write in English when they only
said thank you. English closings the classifier never learnt ("alright then",
"very well", "whatever", "done") are the same case: the classifier reads them as
nothing it knows or as the last topic. A message made only of such courtesies
(with English ones such as "ok" or "thanks", punctuation and emoji) gets the
intent of the courtesy: a goodbye if it says goodbye, else no ("nein, danke"),
else thanks, else a greeting, else yes. English the classifier learnt, alone
("no thanks"), is left to it.

Plain Python for the lexicon (`courtesy_intent`), tested on its own.
"""

from __future__ import annotations

import re
from typing import Dict, List, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.intent_override import override_intent
from bot.nlu.stateless import StatelessComponent
from bot.nlu.term_matcher import fold_accents
from knowledge.names import (
    AFFIRM_INTENT,
    DENY_INTENT,
    GOODBYE_INTENT,
    GREET_INTENT,
    TERM_ENTITY,
    THANK_INTENT,
)

# fmt: off
_COURTESIES: Dict[str, Tuple[str, ...]] = {
    GOODBYE_INTENT: (
        "au revoir", "a bientot", "bonne nuit", "bonne journee", "bonne soiree", "tschuss",
        "tschuess", "auf wiedersehen", "bis bald", "tchau", "ate logo", "ate mais", "ate breve",
        "adios", "hasta luego", "hasta pronto", "arrivederci", "paalam", "allah hafiz",
        "khuda hafiz", "do widzenia", "gule gule", "tot ziens", "ma salama", "ma'a salama",
        "kwaheri", "kwa heri", "totsiens", "hamba kahle", "sala kahle", "kalo vradi",
        "kali nixta", "kalinixta", "antio", "buona serata", "buonanotte", "buona notte",
        "a presto", "khoda hafez", "khodahafez", "khuda hafez", "khudahafez",
        "khoda negahdar", "da khuday pa amaan", "pa amaan", "na shledanou", "dovidenia",
        "viszlat", "viszontlatasra", "bye", "goodbye", "bye bye",
        "see you", "ciao", "done", "all done", "nabad gelyo", "nabadgelyo", "sampai jumpa",
        "selamat tinggal", "dadah", "la gon", "laa gon", "sawasdee", "sawatdee",
        "i'm done", "im done", "that's all", "thats all", "that's it", "thats it", "nothing else",
    ),
    THANK_INTENT: (
        "merci", "merci beaucoup", "merci bien", "danke", "danke schon", "danke sehr",
        "vielen dank",
        "obrigado", "obrigada", "muito obrigado", "muito obrigada", "gracias", "muchas gracias",
        "grazie", "grazie mille", "salamat", "maraming salamat", "dziekuje", "dzieki", "shukran",
        "shukriya", "dhanyavaad", "dhanyavad", "tesekkurler", "tesekkur ederim", "dank je",
        "dank u", "bedankt", "multumesc", "e se", "daalu", "na gode", "jazakallah",
        "jazakallah khair", "jazak allah", "jazak allah khair", "jazakallahu khairan",
        "shukran jazeelan", "dhanyawad", "bahut shukriya", "bahut dhanyavaad", "shukria",
        "meherbani", "mehrbani", "dhonnobad", "dhonyobad", "dhanyabad", "asante",
        "ahsante", "asante sana", "dankie", "baie dankie", "ngiyabonga", "siyabonga", "enkosi",
        "mamnoon", "mamnun", "mamnoonam", "merci az shoma", "tashakor", "tashakkur", "tashakur",
        "moteshakeram", "sepas", "sepasgozaram", "manana", "dera manana",
        "efharisto", "efharisto poli", "efcharisto", "efcharisto poli", "eucharisto",
        "ευχαριστω", "ευχαριστώ", "ευχαριστω πολυ", "ευχαριστώ πολύ", "grazie lo stesso",
        "grazie comunque", "grazie tante", "spasibo", "спасибо", "شكرا", "thanks",
        "thank you", "thank u", "thx", "ty", "cheers", "many thanks",
        "god bless", "god bless you", "may god bless you", "god keep you", "bless you",
        "may god reward you", "god reward you", "you've been a help", "you've been a great help",
        "you've been a big help", "you've been helpful", "you've been very helpful",
        "that's helpful", "that was helpful", "very helpful", "that helps", "that helped",
        "mahadsanid", "mahadsanidiin", "waan ku mahadsanahay", "aad baad u mahadsan tahay",
        "terima kasih", "trima kasih", "makasih", "terimakasih", "khop khun", "khob khun",
        "kop khun", "khopkhun", "khob khun mak", "khop khun mak", "ameseginalehu",
        "amesegnalehu", "ameseginalew", "amesegnalew", "yekenyeley", "yeqenyeley", "yekenyelay",
        "dekuji", "dekuju", "dakujem", "dakujeme", "koszonom", "koszonom szepen", "koszi",
        "koszonom a segitseget", "dekuji za pomoc", "dakujem za pomoc",
    ),
    GREET_INTENT: (
        "bonjour", "bonsoir", "salut", "ola", "oi", "boa tarde", "bom dia", "boa noite", "hola",
        "buenos dias", "buenas tardes", "buenas noches", "buenas", "guten tag", "guten morgen",
        "guten abend", "hallo", "servus", "moin", "buongiorno", "buonasera", "kumusta",
        "magandang umaga", "magandang hapon", "magandang gabi", "namaste", "salaam", "salam",
        "marhaba", "ahlan", "habari", "jambo", "hujambo", "mambo", "sawubona", "molo", "howzit",
        "kalimera", "kalispera", "yassou", "yassas", "yia sou", "yia sas", "geia sou", "geia sas",
        "γεια", "γεια σας", "γεια σου", "salve", "buon pomeriggio",
        "assalamu alaikum", "as salamu alaykum", "salam alaikum", "salam alaykum",
        "salaam alaikum", "assalamualaikum", "assalam alaikum", "walaikum salam",
        "wa alaikum salam", "assalam o alaikum", "asalam o alaikum", "assalamo alaikum",
        "salam o alaikum", "assalam u alaikum", "nomoskar", "namaskar", "adab", "sat sri akal",
        "dorood", "salam aleikum", "staray mashay", "merhaba", "dzien dobry", "witam", "czesc",
        "goedemorgen", "goedendag", "hi", "hello", "hey", "good morning", "good afternoon",
        "good evening", "asalaamu calaykum", "assalaamu calaykum", "salaamu calaykum",
        "asalaamu alaykum", "asalamu calaykum", "nabad", "iska warran", "selamat pagi",
        "selamat siang", "selamat sore", "selamat malam", "halo", "hai", "sawadee",
        "sawasdee ka", "sawasdee krub", "dobry den", "dobry vecer", "dobre rano", "jo napot",
        "jo napot kivanok", "szia", "sziasztok", "ahoj", "selam", "tena yistilign",
        "tena yistillign", "tenayistilign", "selam new", "kemey aleka", "kemey aleki",
        "i hope you are well", "hope you are well", "i hope you're well", "hope you're well",
        "i hope you are doing well", "hope you are doing well",
    ),
    AFFIRM_INTENT: (
        "oui", "d'accord", "daccord", "ja", "genau", "sim", "si", "claro", "vale", "opo",
        "certo", "ok", "okay", "yes", "alright", "all right", "alright then", "all right then",
        "ok then", "okay then", "right then", "fine", "fine then", "very well", "got it", "gotcha",
        "understood", "noted", "fair enough", "whatever", "i see", "i understand", "makes sense",
        "if you say so", "suit yourself", "i suppose", "i guess", "cool", "kk", "all good",
        "inshallah", "insha allah", "inshaallah", "in sha allah", "mashallah", "alhamdulillah",
        "sawa", "sawa sawa", "poa", "ndiyo", "sharp", "sharp sharp", "va bene", "bene", "perfetto",
        "entaxi", "endaxi", "acha", "achha", "accha", "theek hai", "thik hai", "theek", "haan",
        "haan ji", "ji haan", "ji", "bilkul", "haa", "haye", "iya", "baik", "oke", "okey",
        "jolly good", "splendid", "lovely", "marvellous", "brilliant", "smashing", "righto",
        "right ho", "champion",
    ),
    DENY_INTENT: ("non", "nein", "nao", "no", "nope"),
}
"""Courtesies by intent, accents folded; English ones so "ok merci" is one message."""

_FILLERS = frozenset(
    {"po", "beaucoup", "sehr", "schon", "muito", "mille", "madame", "monsieur", "senhora",
     "senhor", "doctor", "doc", "very", "much", "so", "and", "et", "und", "e", "y", "a", "all",
     "habibi", "habibti", "ji", "bhai", "behen", "oh", "ah", "hmm", "well", "then", "now",
     "for", "today", "sana", "poli", "molto", "tanto", "mzee", "mama", "baba", "signora",
     "signore", "dottore", "kyrie", "kyria", "docteur", "sahib", "sahab", "saab", "bohat",
     "bohot", "bahut", "bahot", "sir", "madam", "maam", "doktor", "doctora", "doutor",
     "dear", "jan", "joon", "jaan", "agha", "aga", "khanum", "saheb", "ziyad", "ziad", "kheili",
     "walaal", "abaayo", "adeer", "ka", "kha", "krub", "khrap", "khrab", "ya", "dong", "deh",
     "banyak", "sekali", "dokter", "dok", "bu", "pak", "mbak", "mas", "respected", "one",
     "ato", "woizero", "wzro", "betam", "bizu", "moc", "velmi", "nagyon", "pane", "pani"}
)
"""Words that soften a courtesy ("salamat po", "merci madame") and say nothing more."""
# fmt: on

_ENGLISH = frozenset(
    {"bye", "goodbye", "bye bye", "see you", "thanks", "thank you", "thank u", "thx", "ty"}
    | {"cheers", "many thanks", "hi", "hello", "hey", "good morning", "good afternoon"}
    | {"good evening", "ok", "okay", "yes", "alright", "no", "nope"}
)
"""Courtesies the classifier learnt in English: alone, they stay its to read."""
_ORDER = (GOODBYE_INTENT, DENY_INTENT, THANK_INTENT, GREET_INTENT, AFFIRM_INTENT)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
"""A word in any script ("ευχαριστώ", "спасибо")."""
_LONGEST = max(len(phrase.split()) for phrases in _COURTESIES.values() for phrase in phrases)
COURTESY_WORDS = (
    frozenset(
        word for phrases in _COURTESIES.values() for phrase in phrases for word in phrase.split()
    )
    | _FILLERS
)
"""Every word of a courtesy: words, not misspellings, for the sound speller ("kalo vradi")."""
_INTENT_OF: Dict[str, str] = {
    phrase: intent for intent in reversed(_ORDER) for phrase in _COURTESIES[intent]
}


def courtesy_intent(text: str) -> str | None:
    """The intent of a message made only of courtesies, in any language we know, else None.

    "Merci, au revoir" is a goodbye, "Salamat po" thanks, "Olá, boa tarde" a
    greeting, "D'accord, merci" thanks. A message with anything else in it is not
    one ("Merci, and is it the chemo?"), nor one in English alone ("no thanks").
    """
    words = _WORD.findall(fold_accents(text.lower()))
    found = set()
    foreign = False
    position = 0
    while position < len(words):
        for size in range(min(_LONGEST, len(words) - position), 0, -1):
            phrase = " ".join(words[position : position + size])
            if phrase in _INTENT_OF:
                found.add(_INTENT_OF[phrase])
                foreign = foreign or phrase not in _ENGLISH
                position += size
                break
        else:
            if words[position] not in _FILLERS:
                return None
            position += 1
    if not foreign:
        return None
    return next((intent for intent in _ORDER if intent in found), None)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class Courtesies(StatelessComponent):
    """Gives a message made only of courtesies the intent of the courtesy."""

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets the courtesy's intent on messages that are nothing but courtesies."""
        for message in messages:
            named = any(e.get("entity") == TERM_ENTITY for e in message.get(ENTITIES) or [])
            intent = None if named else courtesy_intent(message.get(TEXT) or "")
            if intent is not None:
                override_intent(message, intent)
        return messages
