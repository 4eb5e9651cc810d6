"""`make eval`: measures the bot against the held-out set and Rasa's starter bot."""
