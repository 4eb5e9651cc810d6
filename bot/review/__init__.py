"""The conversation review report (`make report`): what patients asked, what went unanswered."""
