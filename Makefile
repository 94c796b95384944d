# The README's commands. `make demo` and `make test` set everything up on a fresh machine.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test lint setup clean lexicons accurate-model

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q -U pip
	$(PY) -m pip install -q -e '.[dev,postgres,accurate]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/claimwatch analyze examples/border-offensive.txt --published 2025-03-14 --format table

test: $(STAMP)
	$(PY) -m pytest -q

# Regenerates the lexicons compiled from the CAMEO and Phoenix dictionaries (needs ../shared/data).
lexicons: $(STAMP)
	$(PY) -m claimwatch.training.dictionaries ../shared/data

# Retrains the accurate mode's models (needs ../shared/data): its two taggers and second stage of attribution on
# PolNeAR train, dev picking the epochs (nlp/models/cue_tagger.bin, context_tagger.bin,
# attribution_accurate.json.gz; docs/attribution.md), and its factuality network and trees on the UW and MEANTIME
# training splits (factuality_context.bin, factuality_accurate.json.gz; docs/factuality.md).
accurate-model: $(STAMP)
	$(PY) -m claimwatch.training.cue_tagger ../shared/data/polnear/train ../shared/data/polnear/dev
	$(PY) -m claimwatch.training.factuality_context ../shared/data/factuality

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
