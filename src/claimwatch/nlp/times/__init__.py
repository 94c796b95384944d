"""Times: explicit and relative expressions, resolved against the publication date.

extract.py is the component (candidates from the parse); dates.py turns one expression into
an ISO value at the precision the text gives.
"""

from claimwatch.nlp.times.extract import find_times

__all__ = ["find_times"]
