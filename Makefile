# Two commands set everything up on a fresh machine with Python 3.11:
#   make run   - create .venv if missing, install, build the graph from corpus/, open the explorer
#   make test  - create .venv (with test extras) if missing, lint, run the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: run test build lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

build/corpus.ttl: $(STAMP) $(wildcard corpus/*) $(wildcard extract/*.py extract/data/* graph/*.py ontology/*)
	$(BIN)/dkg build corpus/ -o build/corpus.ttl

build: build/corpus.ttl

run: build/corpus.ttl
	@echo "Explorer: http://localhost:$(PORT)"
	$(BIN)/streamlit run app.py --server.address localhost --server.port $(PORT) --server.headless true \
		--browser.gatherUsageStats false

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/extraction_speed.py

clean:
	rm -rf build .pytest_cache .ruff_cache
