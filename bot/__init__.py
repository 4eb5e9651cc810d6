"""Everything that runs inside the Rasa server: NLU components, start-up fixes."""
