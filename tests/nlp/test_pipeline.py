from claimwatch.model import Document, Excluded
from claimwatch.nlp.pipeline import Failure, analyze_documents, split_for_parsing
from claimwatch.nlp.state import DocState


def test_split_for_parsing_cuts_at_paragraphs_within_the_limit():
    text = ("word " * 30 + "\n\n") * 10
    pieces = split_for_parsing(text, (0, len(text)), limit=400)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(b - a <= 400 for a, b in pieces)
    assert all(text[a - 2:a] == "\n\n" for a, _ in pieces[1:])
    assert all(pieces[i][1] == pieces[i + 1][0] for i in range(len(pieces) - 1))


def _record_sentences(doc, state: DocState) -> None:
    """A test component: one 'time' per sentence, so spans can be checked against the text."""
    from claimwatch.model import Time

    for sent in doc.sents:
        start, end = state.span(sent)
        state.times.append(Time(state.new_id("t"), state.text_of((start, end)), (start, end), None))


def test_long_texts_are_parsed_in_pieces_with_document_offsets(monkeypatch):
    from claimwatch import config

    monkeypatch.setattr(config, "MAX_CHUNK_CHARS", 200)
    text = "".join(f"Paragraph number {i} says something plain.\n\n" for i in range(40))
    [result] = analyze_documents([Document(text=text)], components=[_record_sentences])
    assert len(result.times) >= 40
    for t in result.times:
        assert text[t.span[0]:t.span[1]] == t.text
    assert [t.id for t in result.times][:3] == ["t1", "t2", "t3"]


def test_excluded_spans_are_never_parsed():
    text = "The minister spoke in the capital.\nCelebrity Wins Award At Gala\n"
    cut = text.index("Celebrity")
    doc = Document(text=text, excluded=[Excluded((cut, len(text)), "unrelated trailing headlines")])
    [result] = analyze_documents([doc], components=[_record_sentences])
    assert result.times and all(t.span[1] <= cut for t in result.times)


def test_one_failing_document_does_not_stop_the_others():
    def explode_on_bad(doc, state):
        if "bad" in doc.text:
            raise ValueError("boom")
        _record_sentences(doc, state)

    docs = [Document(text="A good text."), Document(text="A bad text."), Document(text="Another good one.")]
    results = list(analyze_documents(docs, components=[explode_on_bad]))
    assert [type(r).__name__ for r in results] == ["Analysis", "Failure", "Analysis"]
    assert isinstance(results[1], Failure) and "boom" in results[1].error
    assert results[2].document.text == "Another good one."


def test_parse_batches_are_bounded_by_characters(monkeypatch):
    from claimwatch import config
    from claimwatch.nlp.pipeline import _parse

    class RecordingNlp:
        def __init__(self):
            self.batches: list[list[str]] = []

        def pipe(self, items, as_tuples, batch_size):
            items = list(items)
            self.batches.append([text for text, _ in items])
            return [(text.upper(), ctx) for text, ctx in items]

    monkeypatch.setattr(config, "BATCH_CHARS", 10)
    nlp = RecordingNlp()
    pieces = [("aaaa", 1), ("bbbb", 2), ("cccc", 3), ("dddddddddddd", 4), ("e", 5)]
    out = list(_parse(nlp, pieces, batch_size=32))
    assert out == [(t.upper(), c) for t, c in pieces]
    assert nlp.batches == [["aaaa", "bbbb"], ["cccc"], ["dddddddddddd"], ["e"]]


def test_no_break_spaces_reach_the_parser_as_plain_spaces_and_spans_still_index_the_text():
    text = "“We will rebuild the school,” the mayor said.\u00a0“It will open in May.”"
    [result] = analyze_documents([Document(text=text)])
    [claim] = [c for c in result.claims if c.source.kind != "author"]
    # the quotation after the no-break space goes on what the mayor said
    assert [text[a:b] for a, b in claim.content.pieces] == ["We will rebuild the school", "It will open in May"]
    assert text[claim.cue.span[0]:claim.cue.span[1]] == "said"


def test_a_title_case_headline_is_parsed_in_sentence_case_but_reported_as_written():
    text = (
        "Governor Warns Budget Cuts Will Close Rural Schools\n\n"
        "The governor said on Monday that the cuts would close schools in rural towns. "
        "Critics of the plan said it would cost too much.\n"
    )
    [result] = analyze_documents([Document(text=text)])
    headline = [c for c in result.claims if c.cue and c.cue.span[1] <= text.index("\n")]
    # as written, the tagger takes "Warns" for a proper noun, and the headline has no cue at all
    assert [(c.source.text, c.cue.text, c.content.text) for c in headline] == [
        ("Governor", "Warns", "Budget Cuts Will Close Rural Schools")
    ]
