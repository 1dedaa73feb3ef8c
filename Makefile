# poles-qa: every target creates .venv and installs what it needs when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
QUESTIONS ?= tests/data/eval/questions-dev.jsonl tests/data/eval/questions-dev-2.jsonl \
             tests/data/eval/questions-dev-3.jsonl tests/data/eval/questions-dev-4.jsonl \
             tests/data/eval/questions-dev-5.jsonl tests/data/eval/questions-dev-6.jsonl \
             tests/data/eval/questions-dev-7.jsonl tests/data/eval/questions-dev-8.jsonl \
             tests/data/eval/questions-dev-9.jsonl tests/data/eval/questions-dev-10.jsonl \
             tests/data/eval/questions-dev-11.jsonl tests/data/eval/questions-dev-12.jsonl \
             tests/data/eval/questions-dev-13.jsonl tests/data/eval/questions-dev-14.jsonl \
             tests/data/eval/questions-dev-15.jsonl tests/data/eval/questions-dev-16.jsonl \
             tests/data/eval/questions-dev-17.jsonl tests/data/eval/questions-dev-18.jsonl \
             tests/data/eval/questions-dev-19.jsonl tests/data/eval/questions-dev-20.jsonl \
             tests/data/eval/questions-dev-21.jsonl tests/data/eval/questions-dev-22.jsonl \
             tests/data/eval/questions-dev-23.jsonl tests/data/eval/questions-dev-24.jsonl \
             tests/data/eval/questions-dev-25.jsonl tests/data/eval/questions-dev-26.jsonl \
             tests/data/eval/questions-dev-27.jsonl tests/data/eval/questions-dev-28.jsonl \
             tests/data/eval/questions-dev-29.jsonl tests/data/eval/questions-dev-30.jsonl \
             tests/data/eval/questions-dev-31.jsonl tests/data/eval/questions-dev-32.jsonl \
             tests/data/eval/questions-dev-33.jsonl tests/data/eval/questions-dev-34.jsonl \
             tests/data/eval/questions-dev-35.jsonl tests/data/eval/questions-dev-36.jsonl \
             tests/data/eval/questions-dev-37.jsonl tests/data/eval/questions-dev-38.jsonl \
             tests/data/eval/questions-dev-39.jsonl tests/data/eval/questions-dev-40.jsonl \
             tests/data/eval/questions-dev-41.jsonl tests/data/eval/questions-dev-42.jsonl \
             tests/data/eval/questions-dev-43.jsonl tests/data/eval/questions-dev-44.jsonl \
             tests/data/eval/questions-dev-45.jsonl tests/data/eval/questions-dev-46.jsonl \
             tests/data/eval/questions-dev-47.jsonl \
             tests/data/eval/questions-heldout.jsonl tests/data/eval/questions-heldout-2.jsonl \
             tests/data/eval/questions-heldout-3.jsonl tests/data/eval/questions-heldout-4.jsonl \
             tests/data/eval/questions-heldout-5.jsonl tests/data/eval/questions-heldout-6.jsonl \
             tests/data/eval/questions-heldout-7.jsonl tests/data/eval/questions-heldout-8.jsonl \
             tests/data/eval/questions-heldout-9.jsonl tests/data/eval/questions-heldout-10.jsonl \
             tests/data/eval/questions-heldout-11.jsonl tests/data/eval/questions-heldout-12.jsonl \
             tests/data/eval/questions-heldout-13.jsonl tests/data/eval/questions-heldout-14.jsonl \
             tests/data/eval/questions-heldout-15.jsonl tests/data/eval/questions-heldout-16.jsonl \
             tests/data/eval/questions-heldout-17.jsonl tests/data/eval/questions-heldout-18.jsonl \
             tests/data/eval/questions-heldout-19.jsonl tests/data/eval/questions-heldout-20.jsonl \
             tests/data/eval/questions-heldout-21.jsonl tests/data/eval/questions-heldout-22.jsonl \
             tests/data/eval/questions-heldout-23.jsonl tests/data/eval/questions-heldout-24.jsonl \
             tests/data/eval/questions-heldout-25.jsonl tests/data/eval/questions-heldout-26.jsonl \
             tests/data/eval/questions-heldout-27.jsonl tests/data/eval/questions-heldout-28.jsonl \
             tests/data/eval/questions-heldout-29.jsonl tests/data/eval/questions-heldout-30.jsonl \
             tests/data/eval/questions-heldout-31.jsonl tests/data/eval/questions-heldout-32.jsonl \
             tests/data/eval/questions-heldout-33.jsonl tests/data/eval/questions-heldout-34.jsonl \
             tests/data/eval/questions-heldout-35.jsonl tests/data/eval/questions-heldout-36.jsonl \
             tests/data/eval/questions-heldout-37.jsonl tests/data/eval/questions-heldout-38.jsonl \
             tests/data/eval/questions-heldout-39.jsonl \
             tests/data/eval/questions-offtopic-calibration.jsonl
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install run test lint eval bench compose-check clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first and pinned: 2.13.0 is the CPU build on local disk; any other pulls CUDA.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/poles-qa run

test: $(STAMP)
	# The web page is tested in Debian's Chromium (apt-get when missing; CI runs as root).
	bash tests/install_chromium.sh
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

eval: $(STAMP)
	$(BIN)/poles-qa eval $(QUESTIONS) --corpus corpus/documents --modes lexical,dense,hybrid

bench: $(STAMP)
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.busy_neighbour

# Not part of `make test`: needs root and podman (../shared/tools/containers-here), a few minutes.
compose-check:
	python3 deploy/compose_check.py

clean:
	rm -rf var .pytest_cache
