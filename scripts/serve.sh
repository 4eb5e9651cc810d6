#!/usr/bin/env bash
# Starts the action server, then the Rasa server (`run`) or the Rasa shell (`shell`).
# Stops the action server again when the Rasa side exits. Rasa starts through
# bot.server, which installs our fixes for Rasa 3.6 first.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
port=${RASA_PORT:-5005}
action_port=${ACTION_PORT:-5055}
widget_port=${WIDGET_PORT:-8080}
# Loopback unless configured: a clinic puts a proxy (TLS) in front for the widget,
# Slack and Telegram. The REST channel serves this machine only either way.
interface=${RASA_INTERFACE:-127.0.0.1}
widget_origin=${WIDGET_ORIGIN:-http://localhost:$widget_port}
export WIDGET_ORIGIN=$widget_origin  # the socket.io channel refuses other web origins
bin=.venv/bin
# What Rasa and the action server print (warnings, progress bars) goes to log files;
# the terminal shows a line per step and the addresses.
log_dir=${LOG_DIR:-logs}
mkdir -p "$log_dir"
# Sanic refuses larger request bodies before reading them (a chat message is small).
export SANIC_REQUEST_MAX_SIZE=${SANIC_REQUEST_MAX_SIZE:-65536}

# Patient data: the SQLite folder 0700, its files 0600; conversations past the
# retention (RETENTION_DAYS, default 30) deleted before serving.
endpoints_file=${ENDPOINTS:-endpoints.yml}
"$bin/python" -m bot.data_lifecycle --endpoints "$endpoints_file" secure \
  || echo "Warning: could not secure the conversation store (see above)." >&2
"$bin/python" -m bot.data_lifecycle --endpoints "$endpoints_file" purge \
  || echo "Warning: could not apply the retention (see above)." >&2

# The end of a log file, after a step failed.
tell_log() {
  echo "$1 The end of $2:" >&2
  tail -n 30 "$2" >&2
}

echo "Starting the action server (log: $log_dir/actions.log)..."
SANIC_HOST=127.0.0.1 "$bin/rasa" run actions --actions actions --port "$action_port" \
  > "$log_dir/actions.log" 2>&1 &
actions_pid=$!
trap 'kill "$actions_pid" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 60); do
  if curl -sf "http://localhost:$action_port/health" >/dev/null; then break; fi
  if ! kill -0 "$actions_pid" 2>/dev/null; then
    tell_log "The action server did not start." "$log_dir/actions.log"; exit 1
  fi
  sleep 1
done

clinic=$("$bin/python" -m knowledge.clinic_messages) || exit 1  # names the bad field

case "$mode" in
  run)
    credentials=$(mktemp --suffix=.yml)
    "$bin/python" -m knowledge.clinic_messages --json > web/clinic.json  # the widget's number
    "$bin/python" -m http.server "$widget_port" --bind 127.0.0.1 --directory web >/dev/null 2>&1 &
    widget_pid=$!
    trap 'kill "$actions_pid" "$widget_pid" 2>/dev/null || true; rm -f "$credentials"' EXIT INT TERM
    scripts/credentials.sh > "$credentials"
    echo "Starting Rasa: REST, socket.io, Slack and Telegram (log: $log_dir/rasa.log)..."
    "$bin/python" -m bot.server run --model models/leukobot.tar.gz --interface "$interface" \
      --port "$port" --cors "$widget_origin" \
      --credentials "$credentials" --endpoints "${ENDPOINTS:-endpoints.yml}" \
      > "$log_dir/rasa.log" 2>&1 &
    rasa_pid=$!
    trap 'kill "$rasa_pid" "$actions_pid" "$widget_pid" 2>/dev/null || true; rm -f "$credentials"' \
      EXIT INT TERM
    probe_host=$interface
    [ "$interface" = "0.0.0.0" ] && probe_host=127.0.0.1
    until curl -s -o /dev/null "http://$probe_host:$port/"; do
      if ! kill -0 "$rasa_pid" 2>/dev/null; then
        tell_log "Rasa did not start." "$log_dir/rasa.log"; exit 1
      fi
      sleep 1
    done
    cat <<MSG

  Leukopenia information bot
  $clinic
  Widget:     http://localhost:$widget_port/index.html?server=http://localhost:$port
  REST:       POST http://localhost:$port/webhooks/rest/webhook  {"sender": "me", "message": "hi"}
  socket.io:  http://localhost:$port/socket.io  (events user_uttered / bot_uttered)
  Slack:      http://localhost:$port/webhooks/slack/webhook     (when SLACK_TOKEN is set)
  Telegram:   http://localhost:$port/webhooks/telegram/webhook  (when TELEGRAM_TOKEN is set)
  Logs:       $log_dir/rasa.log, $log_dir/actions.log
  Stop with Ctrl+C.

MSG
    wait "$rasa_pid" || tell_log "Rasa stopped." "$log_dir/rasa.log"
    ;;
  shell)
    printf '\n  Leukopenia information bot (shell)\n  %s\n  Logs: %s\n\n' "$clinic" \
      "$log_dir/shell.log, $log_dir/actions.log"
    "$bin/python" -m bot.server shell --model models/leukobot.tar.gz --port "$port" \
      --endpoints "${ENDPOINTS:-endpoints.yml}" 2>> "$log_dir/shell.log" \
      || { tell_log "The shell stopped." "$log_dir/shell.log"; exit 1; }
    ;;
  *)
    echo "usage: $0 run|shell" >&2; exit 2 ;;
esac
