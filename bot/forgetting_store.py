"""The SQL tracker store, plus "forget me": a patient can delete their own conversation.

When the bot has just said `utter_conversation_deleted` (after the patient asked to
delete the conversation and confirmed with a button or a "yes"), saving the
conversation deletes every event of that sender instead; the next message starts a
new, empty conversation. The same store serves every channel, `rasa shell`
included, on SQLite and on PostgreSQL. Nothing about the conversation is logged.
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.data_lifecycle import DELETED_RESPONSE

logger = logging.getLogger(__name__)


def asked_to_forget(tracker: DialogueStateTracker) -> bool:
    """The bot confirmed the deletion since the patient's latest message."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == DELETED_RESPONSE:
            return True
    return False


class ForgettingSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store that deletes a conversation its patient asked to forget.

    On PostgreSQL its connections are checked before use (`pool_pre_ping`): after
    the database restarts, Rasa's pool would otherwise hand out dead connections
    and fail a request on each replica before it noticed.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Rasa's SQL store; on PostgreSQL with pre-pinged pooled connections."""
        super().__init__(*args, **kwargs)
        engine: sa.engine.Engine = self.engine  # type: ignore[has-type]
        if engine.dialect.name == "postgresql":
            url = engine.url
            engine.dispose()
            self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Stores the new events, or deletes the whole conversation if asked to."""
        if not asked_to_forget(tracker):
            await super().save(tracker)
            return
        with self.session_scope() as session:
            deleted = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == tracker.sender_id)
                .delete(synchronize_session=False)
            )
            session.commit()
        logger.info("A patient deleted their conversation (%d stored events).", deleted)
