# GCM Hub — `make run` serves the Hub, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/gcmhub
export GCMHUB_DATA_DIR ?= $(CURDIR)/var

STAMP := $(VENV)/.installed
LOCALE := src/gcmhub/locale
MO_FILES := $(patsubst %.po,%.mo,$(wildcard $(LOCALE)/*/LC_MESSAGES/django.po))

.PHONY: run install test test-sqlite test-postgres lint audit format messages makemessages pageweight \
        bench loadtest faulttest clean

run: $(STAMP) $(MO_FILES)
	$(BIN)/gcmhub init
	$(BIN)/gcmhub collectstatic --noinput --verbosity 0
	$(BIN)/gcmhub serve 127.0.0.1:$(PORT)

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# Compiled catalogues are build products, made with Babel (pure Python), so a fresh
# machine needs no GNU gettext to run the Hub.
%.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --statistics -D django -i $< -o $@

messages: $(MO_FILES)

# Needs GNU gettext (xgettext); only for developers who change interface strings.
makemessages: $(STAMP)
	cd src/gcmhub && ../../$(BIN)/gcmhub makemessages -l fr -l es -l ar -l zh_Hans -l ru --no-obsolete --no-location

test: test-sqlite test-postgres

# Tests keep their files apart from `make run`'s, whose collected static files would
# otherwise change the names pages link.
TEST_DATA_DIR = $(GCMHUB_DATA_DIR)/test

test-sqlite: $(STAMP) $(MO_FILES)
	env -u DATABASE_URL GCMHUB_DATA_DIR=$(TEST_DATA_DIR) $(BIN)/pytest -n 2 --dist loadgroup

# Skips loudly when no server answers; a failure instead under GCMHUB_REQUIRE_ALL=1.
# Browser tests run once, on SQLite: they check what pages show and how, which the
# database does not change, and they are the slowest part of the suite. So do tests
# running the Hub on a database of their own, which this run would repeat unchanged (ADR 6).
test-postgres: $(STAMP) $(MO_FILES)
	DATABASE_URL=$(POSTGRES_URL) GCMHUB_DATA_DIR=$(TEST_DATA_DIR) $(BIN)/pytest -n 2 --dist loadgroup -m "not browser and not own_database"

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/lint-imports

# Known vulnerabilities in the installed dependencies (pip-audit); fails on any. Where no
# vulnerability service answers, warns that nothing was audited (scripts/dependency_audit.py).
audit: $(STAMP)
	$(BIN)/python scripts/dependency_audit.py

format: $(STAMP)
	$(BIN)/ruff check --fix src tests scripts
	$(BIN)/ruff format src tests scripts

# Measures every page type's transferred weight (HTML + CSS + JS, compressed) on a
# server started here with the demo content.
pageweight: $(STAMP) $(MO_FILES)
	$(BIN)/python scripts/page_weight.py

# Search at 100 000 synthetic items on SQLite (and PostgreSQL when a server answers),
# timed beside the raw engine baseline in the same run; then the peak memory of
# exporting them, beside the memory of holding every record. BENCH_ITEMS sets the size.
BENCH_ITEMS ?= 100000
bench: $(STAMP) $(MO_FILES)
	$(BIN)/python scripts/bench_search.py --items $(BENCH_ITEMS)
	$(BIN)/python scripts/bench_export.py --items $(BENCH_ITEMS)

# Anonymous browsing at rising concurrency while 50 signed-in people save drafts and
# submit, against gunicorn on loopback holding LOADTEST_ITEMS items (default 100 000),
# on SQLite and PostgreSQL; then the database is checked against what people were told.
# LOADTEST_SECONDS per step (default 30), LOADTEST_STEPS (default 10,25,50).
loadtest: $(STAMP) $(MO_FILES)
	$(BIN)/python scripts/loadtest.py

# The same under load with PostgreSQL stopped for a few seconds (root, pg_ctlcluster):
# 503 pages meanwhile, no 500, no partial write, recovery without restarting the app.
faulttest: $(STAMP) $(MO_FILES)
	$(BIN)/python scripts/loadtest.py --faults

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
