"""Stand-downs: contexts that explain some red flags away for a whole message.

"A child over three months with a fever who is playing and drinking" (NICE NG143
green), "breathless after a run" (expected effort), "numb after the dentist":
each stand-down in the rules file lists the rules it covers, the phrases that
must all be present and the phrases that cancel it. Flags of other rules, and
flags it covers when a cancelling phrase is present, still count.
"""

from __future__ import annotations

from typing import Callable, Dict, List, Sequence

from bot.safety.matching import Span, unless_key, when_key
from bot.safety.rules import NORMAL_TEMPERATURE, StandDown

STOOD_DOWN = "stood_down"


class StandDownJudge:
    """Decides which rules a message's context stands down."""

    def __init__(self, stand_downs: Sequence[StandDown]) -> None:
        """The stand-downs of the rules file (checked when it was loaded), in order."""
        self._stand_downs = tuple(stand_downs)

    def stood_down(
        self,
        cues: Dict[str, List[Span]],
        normal_temperature: Callable[[], bool],
        asserted: Callable[[Span], bool],
    ) -> Dict[str, str]:
        """Rule name -> the stand-down that explains its flags away in this message.

        Only phrases `asserted` accepts count, for the context and for what cancels it:
        not a negated ("not playing", "not on chemo") or hypothetical one (the detector
        also accepts one a definite or possessive word takes for granted: "the dementia").
        `normal_temperature` is asked only when a stand-down needs it.
        """
        covered: Dict[str, str] = {}
        for stand_down in self._stand_downs:
            if not all(
                normal_temperature()
                if phrase == NORMAL_TEMPERATURE
                else any(asserted(span) for span in cues.get(when_key(stand_down.name, index), []))
                for index, phrase in enumerate(stand_down.when)
            ):
                continue
            if any(asserted(span) for span in cues.get(unless_key(stand_down.name), [])):
                continue
            for rule in stand_down.rules:
                covered.setdefault(rule, stand_down.name)
        return covered
