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

# Retrains the accurate mode's cue tagger and second stage on PolNeAR train (dev picks the epochs; needs
# ../shared/data): nlp/models/cue_tagger.bin and attribution_accurate.json.gz (docs/attribution.md).
accurate-model: $(STAMP)
	$(PY) -m claimwatch.training.cue_tagger ../shared/data/polnear/train ../shared/data/polnear/dev

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
