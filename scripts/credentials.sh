#!/usr/bin/env bash
# Prints the credentials Rasa should use: credentials.yml, plus the Slack and
# Telegram channels when their environment variables are set. Secrets stay in the
# environment: Rasa expands the ${VARS} itself.
set -euo pipefail
cd "$(dirname "$0")/.."

cat credentials.yml
if [[ -n "${SLACK_TOKEN:-}" && -n "${SLACK_SIGNING_SECRET:-}" ]]; then
  printf '\n'; cat credentials.slack.yml
fi
if [[ -n "${TELEGRAM_TOKEN:-}" && -n "${TELEGRAM_SECRET_TOKEN:-}" && -n "${TELEGRAM_WEBHOOK_URL:-}" ]]; then
  printf '\n'; cat credentials.telegram.yml
fi
