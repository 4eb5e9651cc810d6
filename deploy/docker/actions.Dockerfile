# The action server: answers from the knowledge file. It needs rasa-sdk and the
# knowledge loader, never Rasa itself. Built from the project root:
#   docker build -f deploy/docker/actions.Dockerfile -t leukobot-actions .
FROM python:3.10.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

RUN groupadd --system --gid 1001 leukobot \
    && useradd --system --uid 1001 --gid leukobot --home-dir /app leukobot

WORKDIR /app
COPY constraints.txt ./
RUN grep -E '^(rasa-sdk|pyyaml|PyYAML)==' constraints.txt > actions-requirements.txt \
    && pip install --no-cache-dir -c constraints.txt -r actions-requirements.txt

COPY actions/ actions/
COPY knowledge/ knowledge/
COPY data/knowledge/ data/knowledge/
COPY clinic.yml ./

USER 1001
EXPOSE 5055
CMD ["python", "-m", "rasa_sdk", "--actions", "actions", "--port", "5055"]
