# The Rasa server: NLU, the safety policy, the channels. Built from the project root:
#   docker build -f deploy/docker/rasa.Dockerfile -t leukobot-rasa .
# The model is trained at build time from the same pinned packages (constraints.txt)
# and the clinic's settings (clinic.yml), so an image is one clinic's bot.
FROM python:3.10.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    RASA_TELEMETRY_ENABLED=false \
    TF_CPP_MIN_LOG_LEVEL=3 \
    SQLALCHEMY_SILENCE_UBER_WARNING=1

RUN groupadd --system --gid 1001 leukobot \
    && useradd --system --uid 1001 --gid leukobot --home-dir /app leukobot

WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY bot/ bot/
COPY actions/ actions/
COPY knowledge/ knowledge/
RUN pip install --no-cache-dir -c constraints.txt -e .

COPY config.yml domain.yml clinic.yml credentials.yml credentials.slack.yml credentials.telegram.yml ./
COPY data/ data/
COPY scripts/credentials.sh scripts/credentials.sh
COPY deploy/docker/rasa-entrypoint.sh /usr/local/bin/rasa-entrypoint.sh
RUN python -m knowledge.clinic_domain --check \
    && rasa train --fixed-model-name leukobot --out models \
    && chown -R leukobot:leukobot /app

USER 1001
EXPOSE 5005
ENTRYPOINT ["/usr/local/bin/rasa-entrypoint.sh"]
