"""Work on many documents: the analysis on worker processes (workers.py) and the ingest run
(ingest.py). The store is written by one process, apart from the analysing."""
