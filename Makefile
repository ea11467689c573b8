# payequity — quick start: `make demo`, `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast lint format sample bench clean

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || \
	  { echo "payequity needs Python >= 3.11: install it (e.g. apt-get install python3.11) or run make PYTHON=python3.11"; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || \
	  { echo "Python's venv support is missing: apt-get install python3-venv (or your distribution's equivalent)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/payequity validate data/sample/survey.toml
	$(VENV)/bin/payequity run data/sample/survey.toml
	$(VENV)/bin/payequity review data/sample/survey.toml

# The whole suite (tests, doctests, notebooks) in one pytest run over the cores (pytest-xdist).
test: $(STAMP)
	$(PY) -m pytest -q -n auto

# The inner loop: no notebooks, nothing that renders PDFs, nothing slow (markers in pyproject.toml).
test-fast: $(STAMP)
	$(PY) -m pytest -q -n auto -m "not pdf and not slow" --ignore=notebooks

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Regenerate the committed sample municipality (a test checks it equals the generator's output).
sample: $(STAMP)
	$(PY) -m payequity.datasets --out data/sample --reports-dir ../../reports/sample --archive-dir ../../reports/archive

bench: $(STAMP)
	$(PY) benchmarks/bench_load.py
	$(PY) benchmarks/bench_survey.py
	$(PY) benchmarks/bench_review.py
	$(PY) benchmarks/bench_run.py

clean:
	rm -rf $(VENV) reports/sample reports/archive .pytest_cache .ruff_cache
