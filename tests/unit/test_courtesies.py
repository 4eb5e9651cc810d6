"""Courtesies in other languages, and English closings the classifier never learnt, are
small talk; anything more is not one."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.courtesies import Courtesies, courtesy_intent
from bot.nlu.input_guard import InputGuard


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Selam, tena yistilign doctor", "greet"),
        ("betam amesegnalehu", "thank"),
        ("Good morning, I hope you are well.", "greet"),
        ("Salaamu calaykum abaayo", "greet"),
        ("Dobrý den", "greet"),
        ("Köszönöm szépen, viszlát", "goodbye"),
        ("Děkuji moc", "thank"),
        ("Selamat pagi, dokter", "greet"),
        ("Sawasdee krub", "greet"),
        ("haa. waan ku mahadsanahay", "thank"),
        ("terima kasih banyak ya dok", "thank"),
        ("khob khun mak kha", "thank"),
        ("Splendid. Many thanks.", "thank"),
        ("nabadgelyo walaal", "goodbye"),
        ("Olá, boa tarde.", "greet"),
        ("Bonsoir", "greet"),
        ("Guten Morgen!", "greet"),
        ("Salamat po 🙏", "thank"),
        ("Vielen Dank", "thank"),
        ("D'accord, merci", "thank"),
        ("Oui, merci", "thank"),
        ("Muchas gracias doctor", "thank"),
        ("Merci, au revoir", "goodbye"),
        ("Obrigado, até logo", "goodbye"),
        ("ok tchau", "goodbye"),
        ("Allah hafiz", "goodbye"),
        ("Salam alaikum", "greet"),
        ("walaikum salam, doctor", "greet"),
        ("Jazakallah khair!", "thank"),
        ("shukran habibi", "thank"),
        ("bahut shukriya ji", "thank"),
        ("nein, danke", "deny"),
        ("sim", "affirm"),
        ("Right then.", "affirm"),
        ("hmm, fair enough", "affirm"),
        ("understood, thank you", "thank"),
        ("all done for now", "goodbye"),
        ("that's it then, cheers", "goodbye"),
        ("Thank you, God bless you.", "thank"),
        ("thanks so much, you've been a great help", "thank"),
        ("ok, that helps", "thank"),
        ("shukran, inshallah all good", "thank"),
        ("inshallah", "affirm"),
        ("all good", "affirm"),
        ("Sawa, asante", "thank"),
        ("Asante sana", "thank"),
        ("Efharisto, kalo vradi", "goodbye"),
        ("Efharisto poli", "thank"),
        ("Va bene, grazie", "thank"),
        ("Grazie lo stesso", "thank"),
        ("Ευχαριστώ πολύ!", "thank"),
        ("Howzit", "greet"),
        ("baie dankie", "thank"),
        ("sharp, kwaheri", "goodbye"),
        ("Merci bien docteur", "thank"),
        ("Bohat shukria sahib", "thank"),
        ("Asalam o alaikum, doctor sahab", "greet"),
        ("Acha ji, theek hai", "affirm"),
        ("Dhonnobad madam", "thank"),
        ("Nomoskar", "greet"),
        ("Khodahafez doctor jan", "goodbye"),
        ("mamnoon, khoda hafez", "goodbye"),
        ("Tashakor dear doctor", "thank"),
        ("Dorood", "greet"),
        ("dera manana", "thank"),
    ],
)
def test_a_courtesy_in_any_language_we_know_is_small_talk(text: str, intent: str) -> None:
    assert courtesy_intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "Merci, and is it the chemo?",
        "Bonjour, mon frère a une cirrhose",
        "hola, my daughter has low white cells",
        "so",
        "",
        "thanks but why is it low",
        "no thanks",
        "ok bye",
        "fine, but why is it low",
        "got RA",
        "does it fix itself",
        "done the repeat test, still low",
        "I see, and the spleen?",
        "Asante, and the spleen?",
        "Ευχαριστώ, και ο σπλήνας;",
        "theek hai, but why is it low?",
        "shukriya doctor sahib, and the spleen?",
    ],
)
def test_anything_more_than_a_courtesy_is_not_one(text: str) -> None:
    assert courtesy_intent(text) is None


def _message(text: str, intent: str, entities: list | None = None) -> Message:
    return Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": 0.3},
            "intent_ranking": [{"name": intent, "confidence": 0.3}],
            "entities": entities or [],
        }
    )


def test_the_component_sets_the_courtesys_intent_and_the_guard_lets_it_through() -> None:
    message = Courtesies().process([_message("Obrigado, tchau", "ask_cause_liver_spleen")])[0]
    assert message.get("intent")["name"] == "goodbye"
    guarded = InputGuard().process([message])[0]
    assert guarded.get("intent")["name"] == "goodbye"
    assert not guarded.get("entities")


def test_a_message_naming_a_term_is_left_alone() -> None:
    term = {"entity": "cause_term", "value": "chemo", "start": 0, "end": 5}
    message = Courtesies().process([_message("chemo", "ask_cause_cancer_treatment", [term])])[0]
    assert message.get("intent")["name"] == "ask_cause_cancer_treatment"


def test_other_languages_beyond_a_courtesy_still_get_the_input_problem() -> None:
    message = InputGuard().process([_message("Bonjour, je ne parle pas anglais du tout", "greet")])
    assert message[0].get("intent")["name"] == "nlu_fallback"
