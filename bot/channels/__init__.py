"""Input channels of ours, named by dotted path in credentials.yml."""
