#!/usr/bin/env bash
# Starts the Rasa server in a container: credentials from the environment (Slack and
# Telegram only when their secrets are set), endpoints from ENDPOINTS (a mounted
# ConfigMap in Kubernetes), every interface of the pod, the trained model.
set -euo pipefail
cd /app
credentials=$(mktemp --suffix=.yml)
scripts/credentials.sh > "$credentials"
exec python -m bot.server run --model models/leukobot.tar.gz \
  --interface 0.0.0.0 --port "${RASA_PORT:-5005}" \
  --credentials "$credentials" --endpoints "${ENDPOINTS:-endpoints.yml}" \
  ${WIDGET_ORIGIN:+--cors "$WIDGET_ORIGIN"}
