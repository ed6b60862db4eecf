# newskg — `make serve` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= kg-store
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: help install serve build test lint browser-deps virtuoso-deps bench eval clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

install: $(BIN)/kg  ## create .venv and install newskg with its test tools

.seeds-built: $(BIN)/kg $(wildcard seeds/*) $(wildcard ontology/*.ttl)
	$(BIN)/kg build seeds --store $(STORE)
	@touch $@

build: .seeds-built  ## build seeds/ into $(STORE)

serve: .seeds-built  ## install, build the seeds, serve on http://127.0.0.1:8000
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

browser-deps:  ## Debian chromium for the browser test (skipped when it can't be had)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	      || echo "chromium could not be installed: the browser test will be skipped"; \
	  else echo "chromium missing and no root/apt-get: the browser test will be skipped"; fi; }

virtuoso-deps:  ## Debian Virtuoso for the server-store tests (skipped when it can't be had)
	@command -v virtuoso-t >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null) \
	      || echo "virtuoso could not be installed: the Virtuoso tests will be skipped"; \
	  else echo "virtuoso missing and no root/apt-get: the Virtuoso tests will be skipped"; fi; }

lint: install  ## ruff: lint the code, tests and benches; check the formatting
	$(BIN)/ruff check kg tests bench ontology
	$(BIN)/ruff format --check kg tests

test: install browser-deps virtuoso-deps lint  ## install, then run the whole test suite
	$(BIN)/pytest

bench: install  ## build and serve benchmarks, printed as ratios against spaCy and Oxigraph
	$(BIN)/python bench/build.py
	$(BIN)/python bench/serve.py
	$(BIN)/python bench/scale.py

eval: install  ## score extraction against the FA-KES dev labels
	$(BIN)/python bench/eval_fakes.py

clean:  ## remove the venv, the default store and caches
	rm -rf $(VENV) $(STORE) .seeds-built .pytest_cache .ruff_cache
