"""Knowledge across documents: copies, clusters of the same happening, independent sources,
contradictions and the actor graph. `Store` is `claimwatch.Store`."""

from claimwatch.knowledge.store import Store, outlet_of

__all__ = ["Store", "outlet_of"]
