"""Times: explicit and relative expressions, resolved against the publication date.

extract.py is the component (candidates from the parse); dates.py turns one expression into
an ISO value at the precision the text gives. The words that make a span a time, vague, or a
day relative to publication are the times_*.tsv files of claimwatch/nlp/lexicons/.
"""

from claimwatch.nlp.times.extract import find_times

__all__ = ["find_times"]
