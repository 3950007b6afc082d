# Two commands matter: `make serve` and `make test`. Everything else they need is set up here.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Lighthouse (Node), for the browser tests' audits (and tools/lighthouse.py).
LIGHTHOUSE := tests/lighthouse
NODE_STAMP := $(LIGHTHOUSE)/node_modules/.installed
# Builds are reproducible: every date in the output comes from the last commit.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

.PHONY: help serve test check-code build check-site bench release new-school lock schema clean translations-worklist

help:
	@echo "make serve    set up and serve the site at http://127.0.0.1:8000 with live reload"
	@echo "make test     set up and run every test, browser tests included"
	@echo "make build    build the site into site/ (strict: any warning fails; ENGINE=properdocs)"
	@echo "make check-site   check the built site/ without a browser: links, anchors, page weight"
	@echo "make bench    compare speed and size with Material's defaults"
	@echo "make release  record an approved version (see README)"
	@echo "make new-school DATA=your-school.yml   start another school's site from its data file"
	@echo "make translations-worklist   list what each translation needs translating again"

# The virtual environment is brought up to date whenever a lock file changes: pip installs uv from
# its own lock, then uv installs exactly what requirements.lock records, checked against its hashes
# (about ten times faster than pip, which matters on every clean clone CI tests).
UV_VERSION := 0.13.9
$(STAMP): requirements.lock requirements-uv.lock
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5) and "Python 3.11.5 or newer is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
	  -r requirements-uv.lock
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --require-hashes requirements.lock requirements-uv.lock
	touch $@

# Exactly what package-lock.json records, checked against its hashes. No install scripts: vnu-jar's
# would download an unpinned Java when the machine has none; the tests use the system's.
$(NODE_STAMP): $(LIGHTHOUSE)/package-lock.json
	@node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 18 || (a === 18 && b >= 16) ? 0 : 1)' \
	  || { echo "Node.js 18.16 or newer is needed (Debian or Ubuntu: sudo apt-get install nodejs npm)"; exit 1; }
	npm ci --prefix $(LIGHTHOUSE) --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Through macros.engine, so that any failure ends with a plain summary and no traceback.
serve: $(STAMP)
	$(BIN)/python -m macros.engine serve --dev-addr 127.0.0.1:8000

# Built aside and moved into place only on success: a failed build leaves the previous site/ as it was.
# ENGINE=properdocs builds with ProperDocs instead of MkDocs (README: Engines).
ENGINE ?= mkdocs
build: $(STAMP)
	rm -rf site.partial
	$(BIN)/python -m macros.engine build --engine $(ENGINE) -d site.partial || { rm -rf site.partial; exit 1; }
	rm -rf site && mv site.partial site

# The build's own checks on site/ as built (`make build && make check-site`): links and anchors,
# and the page-weight budgets, by the tests `make test` runs on its own build; no browser.
check-site: $(STAMP)
	$(BIN)/python -m tools.check_site site

# Browser tests need Chromium: the system one when found, else Playwright's own.
# Two test workers per core: the browser tests mostly wait on Chromium, not on the processor.
# Each worker takes whole test files, so a file's own builds are made once, by its worker
# (measured here: faster than sharing out test by test, which starts a browser in every worker),
# the longest files first (tests/conftest.py), not those with the most tests.
WORKERS ?= $(shell echo $$(( $$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1) * 2 )))
PARALLEL := -n $(WORKERS) --dist loadfile --no-loadscope-reorder
# The second pass, with the fictional school's data file, runs only the tests that read the data
# file (tests/conftest.py), beside the first, with half as many workers: the processors stay busy
# while the first pass's last long files finish. Its output is held back and shown after the first's.
SECOND_PARALLEL := -n $(shell echo $$(( ($(WORKERS) + 1) / 2 ))) --dist loadfile --no-loadscope-reorder
# Each run records what passed and how long each file took (tests/support/summary.py); the last
# lines say it once for both (tools/suite_summary.py), then name any step that failed, and fail
# `make test` with it (tests/repository/test_make_test.py). The two installs run side by side (one
# waits on the network while the other unpacks), and the code checks (lint, types, import layers)
# beside the tests, while the first workers wait on the shared build; their messages are shown
# after the tests', and any failure fails `make test`. The two passes share their builds of a data
# file (SHARED_BUILDS: tests/support/builds.py).
TEST_RECORDS := .test-summary
test:
	@$(MAKE) --no-print-directory -j2 --output-sync=target $(STAMP) $(NODE_STAMP)
	@$(BIN)/python -m tools.browser || $(BIN)/python -m playwright install chromium
	@rm -rf $(TEST_RECORDS) && mkdir -p $(TEST_RECORDS)
	@$(MAKE) --no-print-directory check-code > $(TEST_RECORDS)/code-checks.log 2>&1 & checks=$$!; \
	export SHARED_BUILDS=$(CURDIR)/$(TEST_RECORDS)/builds; \
	SCHOOL_DATA=tests/fixtures/oakfield.yml TEST_SUMMARY=$(TEST_RECORDS)/fictional-school.json \
	  $(BIN)/python -m pytest $(SECOND_PARALLEL) -p tests.support.summary tests/unit tests/build \
	  > $(TEST_RECORDS)/fictional-school.log 2>&1 & fictional=$$!; \
	TEST_SUMMARY=$(TEST_RECORDS)/this-school.json $(BIN)/python -m pytest $(PARALLEL) -p tests.support.summary; \
	this=$$?; wait $$fictional; other=$$?; wait $$checks; code=$$?; \
	echo; echo "Beside it, with the fictional school's data file, the tests that read the data file:"; \
	cat $(TEST_RECORDS)/fictional-school.log; echo; \
	echo "Beside them, the code checks (make check-code):"; cat $(TEST_RECORDS)/code-checks.log; echo; \
	$(BIN)/python -m tools.suite_summary $(TEST_RECORDS)/this-school.json $(TEST_RECORDS)/fictional-school.json \
	  --status "The tests=$$this" --status "The tests with the fictional school's data file=$$other" \
	  --status "make check-code=$$code"

# Lint, types and the import layers (pyproject.toml): each prints its own message and fails the run.
check-code: $(STAMP)
	$(BIN)/ruff check --quiet .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

bench: $(STAMP)
	@$(BIN)/python -m tools.browser || $(BIN)/python -m playwright install chromium
	$(BIN)/python -m tools.bench

# Values are read from the environment ("$$NAME"), never pasted into the command line.
release: $(STAMP)
	$(BIN)/python -m tools.release --version "$$VERSION" --approved-on "$$APPROVED_ON" \
	  --approved-by "$$APPROVED_BY" --minute-ref "$$MINUTE_REF" --effective-from "$$EFFECTIVE_FROM" \
	  --next-review "$$NEXT_REVIEW" --summary "$$SUMMARY"

# Another school's site: its data file in, this school's approval history out (see README).
new-school: $(STAMP)
	@test -n "$(DATA)" || { echo "Say which data file: make new-school DATA=your-school.yml"; exit 1; }
	$(BIN)/python -m tools.new_school "$(DATA)"

# What each translation needs translating again, with what changed in the English (see README).
translations-worklist: $(STAMP)
	@$(BIN)/python -m tools.translations_worklist

# Regenerates the hashed lock files: pyproject.toml's packages, and uv itself (maintainers only).
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra test --generate-hashes --universal \
	  --python-version 3.11.5 --custom-compile-command "make lock" -o requirements.lock
	echo "uv==$(UV_VERSION)" | $(BIN)/uv pip compile - --generate-hashes --universal \
	  --python-version 3.11.5 --custom-compile-command "make lock" -o requirements-uv.lock

# Regenerates the JSON Schema that editors use to check school.yml as you type.
schema: $(STAMP)
	$(BIN)/python -m macros.data.model > school.schema.json
	$(BIN)/python -m macros.data.language_file > translations.schema.json

clean:
	rm -rf site site.partial .cache .test-summary $(VENV) $(LIGHTHOUSE)/node_modules
