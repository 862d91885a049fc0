# Two commands on a fresh machine: `make html` builds the site, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: html ingest test lint serve clean bench

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $(STAMP)

ingest: $(STAMP)
	$(PY) -m breachwatch ingest

html: $(STAMP)
	$(PY) -m breachwatch build

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .

serve: html
	$(PY) -m pelican --listen --bind 127.0.0.1 --port 8000 --settings pelicanconf.py --output output

clean:
	rm -rf output output.* cache __pycache__ .pytest_cache

bench: $(STAMP)
	$(PY) -m pip install --quiet -r bench/requirements.txt
	$(PY) -m bench.run $(BENCH_ARGS)
