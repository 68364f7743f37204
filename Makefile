# Vellum: `make run` serves the wiki, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
DATA ?= ./var
SHARED ?= ../shared

.PHONY: run test install install-test browser lint format bench parsertests diffcheck clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# Debian's Chromium for the Playwright browser tests (Playwright's own download cannot be used).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

run: install
	$(BIN)/vellum serve --host $(HOST) --port $(PORT) --data $(DATA)

test: install-test browser
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	VELLUM_SHARED=$(SHARED) $(BIN)/pytest

lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: install-test
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: install-test
	VELLUM_SHARED=$(SHARED) $(BIN)/python bench/run_all.py

parsertests: install
	$(BIN)/python $(SHARED)/parsertests/ptests.py run --cmd "$(BIN)/vellum render --batch" --subset core

diffcheck: install
	$(BIN)/python $(SHARED)/diffcheck/diffcheck.py --engine "$(BIN)/vellum diff --batch"

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
