"""Quantities: numbers in digits and words, bounds, ranges, and the counted noun or unit.

extract.py is the component; number_phrases.py reads one number, range or fraction; numbers.py
holds number words and scales; units.py and quantity_units.py read units and currencies.
"""

from claimwatch.nlp.quantities.extract import find_quantities

__all__ = ["find_quantities"]
