"""What a verb would report if it were an attribution cue: its content, source and configuration.

For every verb of a sentence the rules find the thing it could report — a clausal complement
("said that C"), a `to` complement ("plans to C"), the question of a verb of asking ("asked if C"),
the clause a parenthetical hangs on ("C, he said"), a quotation next to it ('said: "C"'), its object
("denied the report"), a prepositional object ("referring to C"), the noun it modifies ("the plan,
rejected by X") or its passive subject ("the move was reported by X") — and name that configuration.
Whether the verb is a cue at all is decided by the learned cue model
(claimwatch.nlp.attribution.cue_model), which reads the configuration.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.nlp.attribution.contents import QuoteIndex, clause_range, quote_after_phrase, trim
from claimwatch.nlp.attribution.cues import ADDRESSEE_VERBS, EXPERIENCER_VERBS, PARTICLE_VERBS, QUESTION_VERBS
from claimwatch.nlp.attribution.phrase_cues import VERBAL, Found, has_mark
from claimwatch.nlp.attribution.sources import agent_of, make_source, phrase_bounds, subject_of, subject_source
from claimwatch.nlp.state import DocState

_NOMINAL = frozenset({"NOUN", "PROPN"})
_MODIFIERS = frozenset({"poss", "compound", "case", "det", "amod"})
_OTHER_CLAUSES = frozenset({"advcl", "conj", "xcomp", "parataxis"})
_OBJECTS = frozenset({"dobj", "oprd", "attr"})
#: Right dependents of a verb that never continue its object's content.
_NOT_CONTENT = frozenset({"punct", "cc", "conj", "parataxis", "advcl", "ccomp", "dep"})
#: A verb in these relations modifies a noun: a participle ("the bill opposed by X") or a relative clause.
_NOUN_MODIFIERS = frozenset({"acl", "relcl"})
#: Relative pronouns ("which", "that", "what"), which stand for the noun a relative clause modifies.
RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Content heads that are a noun phrase (an object), which a quotation after the sentence does not continue.
NOUN_ROLES = frozenset({"dobj", "oprd", "attr", "pobj"})


def verb_claim(verb: Token, state: DocState, quotes: QuoteIndex) -> tuple[Found, str, Token | None] | None:
    """The claim `verb` would cue, the name of the configuration that found its content, and its
    subject (None when it has none); None when the verb reports nothing. The first of these that the
    verb has gives the content: a clausal complement (_complement); an inverted "C, X said" (_inverted);
    the clause a parenthetical or an "as" clause hangs on; a quotation, object, modified noun or passive
    subject (_other_content). The content then grows over the quotation it goes on in (_extended)."""
    cue = cue_range(verb)
    subject = subject_of(verb)
    complement, config = _complement(verb)
    if complement is None and (inverted := _inverted(verb)) is not None:
        source_head, content = inverted
        return Found(make_source(source_head, state), cue, content, verb.head, verb), "inverted", source_head
    if complement is not None:
        content = clause_range(complement)
        head = complement
    elif verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and has_mark(verb, "as")):
        # "C, he notes, C" / "As experts note, C": the content is the clause the cue hangs on
        head = verb.head
        content = clause_range(head, (verb.left_edge.i, verb.right_edge.i + 1))
        config = "paren" if verb.dep_ == "parataxis" else "as"
    else:
        other = _other_content(verb, quotes)
        if other is None:
            return None
        (content, head), config = other
        if config == "passive":
            subject = agent_of(verb)  # "reported by the agency": the agent is the source
    content = _extended(verb, content, cue, quotes, head)
    return Found(subject_source(subject, state), cue, content, head, verb), config, subject


def _complement(verb: Token) -> tuple[Token | None, str]:
    """The verb's clausal complement and its configuration: a that-clause or bare clause ("ccomp"), a
    verbal `to` complement ("xcomp"), or for a verb of asking its "if"/"whether" clause ("question");
    None (with the configuration of the last one tried) when it has none."""
    complement = own_complement(verb)
    if complement is not None:
        return complement, "ccomp"
    complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in VERBAL), None)
    if complement is not None or verb.lemma_.lower() not in QUESTION_VERBS:
        return complement, "xcomp"
    return next((c for c in verb.rights if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.lefts)), None), "question"


def _other_content(verb: Token, quotes: QuoteIndex) -> tuple[tuple[tuple[int, int], Token], str] | None:
    """What a verb without a clausal complement reports, with its head and configuration, by the first
    rule that finds something: a quotation right after it ("quote_after") or right before it
    ("quote_before"), its object ("dobj", "prep_…"), the noun it modifies ("modified", which overrides an
    object that is a relative pronoun), the agent of a passive verb of feeling ("experiencer_passive"),
    its passive subject ("passive"); None when none does."""
    found = _following_quote(verb, quotes)
    config = "quote_after"
    if found is None:
        found, config = _preceding_quote(verb, quotes), "quote_before"
    if found is None:
        found, config = _object(verb)
    if verb.dep_ in _NOUN_MODIFIERS and (found is None or found[1].tag_ in RELATIVE_TAGS):
        found, config = _modified_noun(verb), "modified"
    if found is None and (felt := _felt_agent(verb)) is not None:
        found, config = felt, "experiencer_passive"  # the subject feels it: keep it as the source
    if found is None and (found := _passive_subject(verb)) is not None:
        config = "passive"
    return (found, config) if found is not None else None


def _extended(verb: Token, content: tuple[int, int], cue: tuple[int, int], quotes: QuoteIndex,
              head: Token) -> tuple[int, int]:
    """A content grown to the whole quotation it starts or ends in, to the second half of a quotation
    the cue interrupts ('"A," he said, "B."'), and over the quotation that goes on after the cue's
    sentence when nothing else follows the cue (_may_continue)."""
    content = quotes.widen(*content, cue)
    if content[1] <= cue[0] and quotes.ends_quotation(content[1]):
        second = quote_after_phrase(verb.doc, cue, verb, quotes)
        if second is not None:
            content = (content[0], second)
    if _may_continue(verb, content, cue, quotes, head):
        continued = quotes.continued(verb.sent.end)
        if continued > verb.sent.end:
            content = (content[0], continued)
    return content


def _passive_subject(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """'The move was first reported by the agency', 'The plan has been rejected': the subject of a
    passive verb with nothing else to report is what is reported (by the agent, when one is named)."""
    subject = next((c for c in verb.lefts if c.dep_ == "nsubjpass" and c.pos_ != "PRON"), None)
    return _phrase(subject) if subject is not None else None


def _felt_agent(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """'Voters were angered by the decision': with a passive verb of feeling (cues.EXPERIENCER_VERBS)
    the subject is the one who feels, and the agent what it is about."""
    if verb.lemma_.lower() not in EXPERIENCER_VERBS:
        return None
    agent = agent_of(verb)
    return _phrase(agent) if agent is not None else None


def _phrase(head: Token) -> tuple[tuple[int, int], Token] | None:
    """The phrase `head` heads, trimmed, with its head; None when nothing is left of it."""
    start, end = trim(head.doc, head.left_edge.i, head.right_edge.i + 1)
    return ((start, end), head) if start < end else None


def _modified_noun(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """'the bill, opposed by the opposition', 'the defeat, which the general conceded': a verb that
    modifies a noun (as a participle or a relative clause with no other content) reports that noun,
    its phrase up to the verb's clause."""
    noun = verb.head
    if noun.pos_ not in _NOMINAL or noun.i > verb.i:
        return None
    start, end = trim(verb.doc, noun.left_edge.i, verb.left_edge.i)
    if start >= end or not start <= noun.i < end:
        return None
    return (start, end), noun


def own_complement(verb: Token) -> Token | None:
    """The verb's clausal complement; when the parse gives it several, the nearest one in the verb's
    own paragraph: a sentence split missed after a quotation ('"Why wait?" / The agency said it would
    act.') hangs the earlier sentence on the verb as a second complement."""
    complements = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(complements) < 2:
        return complements[0] if complements else None
    doc = verb.doc

    def crosses_paragraph(c: Token) -> bool:
        lo, hi = sorted((c.i, verb.i))
        return any("\n" in doc[i].text_with_ws for i in range(lo, hi))

    return min(complements, key=lambda c: (crosses_paragraph(c), abs(c.i - verb.i)))


def _inverted(verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """'C, South Korea's agency announced today.' / 'C, the Syrian Observatory reported.' parsed with
    the cue hanging off the content (as its conjunct, adverbial or parenthetical): the noun phrase
    set off by a comma right before the cue is its source, the clause before that the content.
    A conjunct joined by "and"/"but" is a second statement, not an inverted one."""
    doc = verb.doc
    if verb.dep_ not in ("advcl", "conj", "parataxis") or verb.head.i > verb.i or verb.i == 0:
        return None
    if any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children):
        return None
    own = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    before = own if own is not None else doc[verb.i - 1]
    if before.pos_ not in _NOMINAL:
        return None
    start, _ = phrase_bounds(before)
    if start > 0 and doc[start - 1].text == "'s" or doc[start].dep_ == "case":
        return None
    while start > 0 and doc[start - 1].dep_ in _MODIFIERS and doc[start - 1].head.i >= start - 1:
        start -= 1
    if own is not None and (start == 0 or doc[start - 1].text != ","):
        return None  # a subject of its own: only "…, X said" with the comma is inverted
    content = trim(doc, verb.head.left_edge.i, start)
    if content[1] - content[0] < 3:
        return None
    return before, content


def _may_continue(verb: Token, content: tuple[int, int], cue: tuple[int, int], quotes: QuoteIndex,
                  head: Token) -> bool:
    """Whether the quotation after the cue's sentence still belongs to this content: the content
    is a clause that ends the sentence or a quotation before the cue, and nothing else (", adding
    that …") follows the cue in its sentence."""
    if head.dep_ in NOUN_ROLES:
        return False
    if any(c.dep_ in _OTHER_CLAUSES and c.i > cue[1] for c in verb.children):
        return False
    return quotation_may_follow(verb, content, cue, quotes)


def quotation_may_follow(verb: Token, content: tuple[int, int], cue: tuple[int, int], quotes: QuoteIndex) -> bool:
    """Whether a quotation after the cue's sentence could go on with this content: the content is a
    quotation that ends before the cue, or a clause that ends the sentence."""
    sent_end = trim(verb.doc, verb.sent.start, verb.sent.end)[1]
    return (content[1] <= cue[0] and quotes.ends_quotation(content[1])) or content[1] >= sent_end


def bare_verb(verb: Token, state: DocState) -> tuple[Found, str, Token | None]:
    """A verb for which no rule finds a content: its cue and source with an empty content, so that only
    the phrases of its clause are proposed as what it reports (clause_readings.argument_readings)."""
    subject = subject_of(verb)
    return Found(subject_source(subject, state), cue_range(verb), (verb.i, verb.i), verb, verb), "none", subject


def cue_range(verb: Token) -> tuple[int, int]:
    """The cue's tokens: the verb, and its particle for phrasal reporting verbs ("points out")."""
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ in ("prt", "acomp") and (verb.lemma_.lower(), child.lower_) in PARTICLE_VERBS:
            end = child.i + 1
    return verb.i, end


def _following_quote(verb: Token, quotes: QuoteIndex) -> tuple[tuple[int, int], Token] | None:
    """'X said: "C"': a quotation opening right after the verb (and a colon or comma)."""
    doc = verb.doc
    at = verb.i + 1
    while at < len(doc) and at <= verb.i + 3 and doc[at].is_punct and doc[at].text in ":,":
        at += 1
    if at < len(doc) and doc[at].is_space and doc[at - 1].text == ":":
        at += 1  # 'X said:' ending its paragraph, the quotation opening the next one
    if at >= len(doc) or at == verb.i + 1:
        return None
    quote = quotes.containing(doc[at].idx)
    if quote is None or quote[0] != doc[at].idx:
        return None
    span = doc.char_span(quote[0], quote[1], alignment_mode="expand")
    if span is None:
        return None
    start, end = trim(doc, span.start, span.end)
    if start >= end:
        return None
    return (start, end), span.root


def _preceding_quote(verb: Token, quotes: QuoteIndex) -> tuple[tuple[int, int], Token] | None:
    """'"C," X told reporters': a quotation that ends right before the verb and its subject."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    first = min(verb.i, phrase_bounds(subject)[0]) if subject is not None and subject.i < verb.i else verb.i
    found = quotes.preceding(first)
    if found is None or found[0] >= found[1]:
        return None
    return found, verb.doc[found[0]:found[1]].root


def _object(verb: Token) -> tuple[tuple[tuple[int, int], Token] | None, str]:
    """'X announced his resignation', 'X called the plan "a failure"', 'X referred to C': the object
    (with what is predicated of it) or the object of the preposition right after the verb."""
    parts = [c for c in verb.rights if c.dep_ in _OBJECTS or (c.dep_ == "xcomp" and c.pos_ not in VERBAL)]
    if verb.lemma_.lower() in ADDRESSEE_VERBS and not any(p.dep_ != "dobj" for p in parts):
        parts = []  # "told reporters": whom they address, not what they say
    config = "dobj"
    if not parts:  # "called for X", "pointed to X", "referring to X"
        preps = [c for c in verb.rights if c.dep_ == "prep" and c.i <= verb.i + 2]
        parts = [p for c in preps[:1] for p in c.children if p.dep_ in ("pobj", "pcomp")]
        config = "prep_" + preps[0].lower_ if parts else "none"
    if not parts:
        return None, "none"
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts) + 1
    head = min(parts, key=lambda p: p.i)
    start, end = trim(verb.doc, start, end)
    return (((start, end), head) if start < end else None), config


def object_readings(verb: Token, found: Found, state: DocState) -> list[tuple[Found, str]]:
    """Other readings of an object content, for the cue model to weigh against the object alone:
    the object with what follows it in the clause ("praised X for Y", "showed X in third at 11
    percent"), the clause inside the object ("expressed doubts that C", "issued a statement
    saying C") and, for a verb of feeling, the object's view of the subject (experiencer_reading)."""
    doc = verb.doc
    head = found.content_head
    readings = []
    after = [c for c in verb.rights if c.i > head.i and c.dep_ not in _NOT_CONTENT]
    if after:
        wide = trim(doc, found.content[0], max(c.right_edge.i for c in after) + 1)
        if wide[1] > found.content[1]:
            readings.append((Found(found.source, found.cue, wide, head, verb), "dobj_wide"))
    for child in head.children:
        if child.dep_ in ("acl", "ccomp", "appos") and child.pos_ in VERBAL:
            inner = next((g for g in child.children if g.dep_ == "ccomp"), None)
            clause = inner if inner is not None else child if has_mark(child, "that") else None
            if clause is not None:
                content = clause_range(clause)
                readings.append((Found(found.source, found.cue, content, clause, verb), "dobj_clause"))
                break
    felt = experiencer_reading(verb, found, state)
    if felt is not None:
        readings.append((felt, "experiencer"))
    return readings


def experiencer_reading(verb: Token, found: Found, state: DocState) -> Found | None:
    """'The ruling angered farmers': a verb of feeling (cues.EXPERIENCER_VERBS) whose object feels
    it. The object is the source, the subject what they feel about; None for other verbs, and where
    the subject is "it" ("it surprised them that C", where the clause is the content) or a relative
    pronoun."""
    head = found.content_head
    if verb.lemma_.lower() not in EXPERIENCER_VERBS or head.dep_ != "dobj" or head.head.i != verb.i:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None or subject.lower_ == "it" or subject.tag_ in RELATIVE_TAGS:
        return None
    phrase = _phrase(subject)
    if phrase is None:
        return None
    return Found(make_source(head, state), found.cue, phrase[0], subject, verb)

