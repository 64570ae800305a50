# Two entry points for a newcomer: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test lint serve bench samples mutation clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,zensical]'
	touch $(STAMP)

## site: build the sample digest into site/
site: $(STAMP)
	$(BIN)/digest build

## test: lint and run the whole test suite on pytest-xdist workers, two per core: many tests wait
## (on Chromium, engine and digest processes, loopback servers), and a second worker per core
## fills that time. Measured on 2 quiet cores, one run each, 2026-12-07: 2 workers 111.8 s
## wall / 144.3 s CPU, 3 workers 109.1 / 159.9, 4 workers 99.5 / 148.3; with cheaper browser
## tests and extraction (bd6910b), 4 workers: 73.0 to 84.7 s wall, 115 to 135 s CPU, five runs.
## A module runs whole on one worker (its module-scoped sites are built once), the longest
## modules first (tests/conftest.py orders them by the last run's times).
## TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= $(shell $(PYTHON) -c 'import os; print(2 * (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))')
## The run keeps Python's bytecode caches (the gitignored __pycache__/ folders) even where the
## environment turns them off (PYTHONDONTWRITEBYTECODE): the suite starts some 200 Python
## processes, each of which would compile the package again (0.1 s of CPU each), and every
## worker would rewrite the tests' assertions again.
test: $(STAMP)
	$(BIN)/ruff check digest tests benchmarks
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

## samples: regenerate the committed entries of the sample articles (review the diff!)
samples: $(STAMP)
	$(BIN)/digest add --replace --snapshot sources samples/*.html samples/*.txt

serve: $(STAMP)
	$(BIN)/digest serve

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/extract_eval.py

## mutation: mutation score per module with mutmut (slow; not part of `make test`).
## MODULES="urls reading" limits it; MUTATION_ARGS="--sample 150" tests a sample of each module.
mutation: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,mutation]'
	nice $(BIN)/python benchmarks/mutation.py $(MUTATION_ARGS) $(MODULES)

clean:
	rm -rf $(VENV) site .pytest_cache
