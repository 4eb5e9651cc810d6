"""The action server: answers from the knowledge file. Imports rasa_sdk, never rasa."""
