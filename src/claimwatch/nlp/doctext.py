"""The text of a parsed Doc without rebuilding it.

`Doc.text` joins every token's text on each call, which costs more than a component's own
work; the Doc is a slice of the document's text at `state.offset`, so slicing is enough.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimwatch.nlp.state import DocState


def doc_length(doc: Doc) -> int:
    """`len(doc.text)`, read off the last token."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def doc_text(doc: Doc, state: DocState) -> str:
    """`doc.text`, sliced from the document when the Doc is a piece of it (always in the pipeline)."""
    if not len(doc):
        return ""
    end = doc_length(doc)
    last = doc[-1]
    text = state.document.text[state.offset:state.offset + end]
    # The parser saw the text with headlines in sentence case (pipeline.text_for_parsing), so the ends are
    # compared without case.
    first = doc[0].text
    if len(text) != end or text[:len(first)].lower() != first.lower() or \
            text[end - len(last.text_with_ws):].lower() != last.text_with_ws.lower():
        return doc.text  # a Doc not cut from this document (a caller's own parse)
    return text
