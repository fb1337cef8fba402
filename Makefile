# The two commands of the README: `make demo` runs the main job, `make test` the tests.
# Both create .venv with the machine's Python if it is missing and install canonym into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT := out

.PHONY: install demo test check clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,bench,spark]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	mkdir -p $(OUT)
	$(BIN)/canonym tag benchmarks/corpus/dev benchmarks/corpus/test --out $(OUT)/mentions.parquet
	$(BIN)/canonym bench --gold benchmarks/corpus/dev.tsv --gold benchmarks/corpus/test.tsv \
		--pred $(OUT)/mentions.parquet --docs benchmarks/corpus/dev --docs benchmarks/corpus/test \
		--report $(OUT)/report.html
	@echo "mention table: $(OUT)/mentions.parquet   report: $(OUT)/report.html"

test: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/canonym gazetteer lint
	$(BIN)/canonym gazetteer fmt --check
	$(BIN)/python benchmarks/corpus/build.py --check
	$(BIN)/python -m pytest

check: test

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
