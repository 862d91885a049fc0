# Two commands on a fresh machine: `make html` builds the site, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The investigation to build: a folder with its pelicanconf.py, seeds/, content/ and data
# files (DATA_PATH); `make html SITE=examples/health-records` builds the example into its
# own output/.
SITE ?= .

.PHONY: html ingest review test lint serve clean bench browser-deps budgets screenshots publish devserver

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $(STAMP)

ingest: $(STAMP)
	$(PY) -m breachwatch ingest --site $(SITE)

html: $(STAMP)
	$(PY) -m breachwatch build --site $(SITE)

# The site for its real address, with absolute URLs (publishconf.py; a sub-path works):
# `make publish SITEURL=https://news.example/investigation`, then copy output/ to the host.
publish: $(STAMP)
	@test -n "$(SITEURL)" || { echo "error: make publish needs the site's address, e.g. make publish SITEURL=https://news.example/investigation" >&2; exit 2; }
	SITEURL='$(SITEURL)' $(PY) -m breachwatch build --site $(SITE) --settings $(SITE)/publishconf.py

# Rebuilds through the pipeline when a seed, correction, page, data file, template or setting
# changes, and serves output/ on http://127.0.0.1:8000/ meanwhile (Ctrl-C stops).
devserver: $(STAMP)
	$(PY) -m breachwatch.devserver --site $(SITE)

# Editors' preview: the site with every held article as a draft, served on 127.0.0.1:8001.
review: $(STAMP)
	$(PY) -m breachwatch review --site $(SITE)
	$(PY) -m breachwatch build --site $(SITE) --settings $(SITE)/reviewconf.py --output $(SITE)/review --no-search
	@echo "held articles: http://127.0.0.1:8001/review/"
	$(PY) -m http.server --bind 127.0.0.1 --directory $(SITE)/review 8001

# Real-browser tests need Debian's Chromium, Java (Nu checker) and the npm tools in package.json.
CHROMIUM := /usr/bin/chromium
JAVA := /usr/bin/java
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
NPM_STAMP := node_modules/.installed

$(CHROMIUM):
	$(SUDO) apt-get install -y chromium || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)

$(JAVA):
	$(SUDO) apt-get install -y default-jre-headless || ($(SUDO) apt-get update && $(SUDO) apt-get install -y default-jre-headless)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NPM_STAMP)

browser-deps: $(CHROMIUM) $(JAVA) $(NPM_STAMP)

test: $(STAMP) browser-deps
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .

serve: html
	$(PY) -m pelican --listen --bind 127.0.0.1 --port 8000 --settings pelicanconf.py --output output

clean:
	rm -rf $(SITE)/output $(SITE)/output.* $(SITE)/review $(SITE)/review.* $(SITE)/cache cache __pycache__ .pytest_cache

budgets: $(STAMP) browser-deps
	$(PY) -m scripts.budgets

screenshots: $(STAMP) browser-deps
	$(PY) -m scripts.screenshots

bench: $(STAMP)
	$(PY) -m pip install --quiet -r bench/requirements.txt
	$(PY) -m bench.run $(BENCH_ARGS)
