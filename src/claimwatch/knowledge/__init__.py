"""Knowledge across documents: copies, clusters of the same happening, independent sources,
contradictions and the actor graph. `KnowledgeBase` (the store with its knowledge) is what
`claimwatch.Store` names."""

from claimwatch.knowledge.base import KnowledgeBase
from claimwatch.knowledge.writing import Incoming, outlet_of

#: The public name of the knowledge base (`claimwatch.Store(...)`), as the design documents it.
Store = KnowledgeBase

__all__ = ["Incoming", "KnowledgeBase", "Store", "outlet_of"]
