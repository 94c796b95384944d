"""Running the per-document analysis on many cores (and, later, many machines); the store is
written by one process, apart from the analysing."""
