# The commands README.md promises. Each one sets up what it needs first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.postdesk-installed

.PHONY: run test lint bench screenshot dist system-deps clean

run: system-deps $(STAMP)  ## set everything up and open the app
	$(PY) -m postdesk $(ARGS)

test: system-deps $(STAMP)  ## set everything up and run every check and test
	scripts/run-tests.sh

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: system-deps $(STAMP)  ## start-up, preview latency and publishing figures
	scripts/run-with-services.sh $(PY) scripts/bench.py $(ARGS)

screenshot: system-deps $(STAMP)  ## the README screenshot, taken under Xvfb
	$(PY) scripts/screenshot.py $(ARGS)

dist: $(STAMP)  ## sdist, wheel and the one-folder bundle into dist/
	scripts/build-dist.sh

system-deps:  ## the Debian packages Qt, WordPress and the keyring need (installs as root)
	@scripts/system-deps.sh

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,bundle]'
	touch $@

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
