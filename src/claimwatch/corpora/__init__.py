"""Readers of the gold corpora (PolNeAR, UW/MEANTIME factuality, events, quantities) that both
`training/` (to rebuild the shipped models) and `evaluation/` (to score them) use."""
