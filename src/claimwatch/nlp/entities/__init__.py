"""Entities and actors: spaCy's entities and the gazetteer, one entity per actor of a document.

resolve.py is the component; names.py cleans names and links short ones; gazetteer.py holds the
lookup tables (countries, demonyms, capitals, armies, organisations, leaders, places);
actors.py gives the actor (country and sector) behind a noun phrase.
"""

from claimwatch.nlp.entities.actors import resolve_actor, sector_of
from claimwatch.nlp.entities.resolve import resolve_entities

__all__ = ["resolve_entities", "resolve_actor", "sector_of"]
