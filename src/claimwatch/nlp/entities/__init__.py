"""Entities and actors: spaCy's entities and the gazetteer, one entity per actor of a document.

resolve.py is the component (its passes share one `DocScan`, scan.py); names.py cleans person and
organisation names and links short ones; places.py decides when a name is a place; gazetteer.py
holds the lookup tables (countries, demonyms, capitals, armies, organisations, leaders, places);
actors.py gives the actor (country and sector) behind a noun phrase. The word lists are the
entities_*.tsv files of claimwatch/nlp/lexicons/, beside the gazetteer's countries.tsv and others.
"""

from claimwatch.nlp.entities.actors import resolve_actor, sector_of
from claimwatch.nlp.entities.resolve import resolve_entities

__all__ = ["resolve_entities", "resolve_actor", "sector_of"]
