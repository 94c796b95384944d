"""Quantities: numbers in digits and words, bounds, ranges, and the counted noun or unit.

extract.py is the component: per number it fills a QuantityDraft step by step.
number_phrases.py reads one number, range or fraction; not_amounts.py says which numbers are no
amounts (dates, scores, labels, years); counted.py finds the noun a bare number counts;
quantity_units.py reads units, currencies and bounds around a number. The words are data
(lexicons/quantities_*), named and typed in numbers.py (numerals), units.py (units and
currencies) and vocabulary.py (the words around a number).
"""

from claimwatch.nlp.quantities.extract import find_quantities

__all__ = ["find_quantities"]
