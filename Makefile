# netkit: two commands on a fresh clone.
#   make report   create .venv, install netkit, render the sample export's report (./netkit-report)
#   make test     install the dev dependencies and run the whole suite, notebooks included
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := data/sample/Complete_LinkedInDataExport_11-16-2026.zip
PIP := $(BIN)/python -m pip install --disable-pip-version-check -q

.PHONY: report test lint lab sample bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(PIP) -e ".[dev,notebooks]"
	touch $@ $(VENV)/.installed

report: $(VENV)/.installed
	$(BIN)/netkit report $(SAMPLE) --out netkit-report

test: lint
	$(BIN)/python -m pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check netkit tests benchmarks
	$(BIN)/ruff format --check netkit tests benchmarks

# In a container running as root: make lab LAB_ARGS=--allow-root
lab: $(VENV)/.dev-installed
	$(BIN)/jupyter lab $(LAB_ARGS) notebooks/

sample: $(VENV)/.installed
	$(BIN)/netkit sample data/sample --seed 0

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
