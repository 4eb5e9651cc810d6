"""Starting the bot: make run and make shell (local), make stack (replicas), tests and eval."""
