"""Lexicon tables of the nlp components (TSV files read with importlib.resources)."""
