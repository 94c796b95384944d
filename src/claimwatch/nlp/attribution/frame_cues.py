"""Attribution cued by a frame rather than a reporting verb: "X: C", "in a poll, C", "criticism of C".

- a colon after a short name-like phrase at the start of a line or headline ("Sanders: C",
  "CLINTON: C" in a transcript): the phrase is the source, the rest of the line the content;
- "in a statement / an interview / a poll …" on a clause that no reporting verb heads: the clause
  is the content, the poll (a document that speaks) or the clause's subject its source;
- adjectives of stance or certainty with a clause or complement ("confident that C", "critical of C");
- a fronted "for"/"to" phrase set off by a comma ("For many voters, C", "To his critics, C"): the
  phrase's object holds the view the clause states;
- nouns of stance with a prepositional complement ("support for C", "criticism of C", "questions
  about C"): the complement is what the stance is about, the possessor its holder.
Each is only a candidate; the learned cue model (claimwatch.nlp.attribution.cue_model) accepts or rejects it.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.nlp.attribution.contents import clause_range, trim
from claimwatch.nlp.attribution.cues import CUE_VERBS, DOCUMENT_SOURCES, STANCE_NOUNS, STATEMENT_NOUNS
from claimwatch.nlp.attribution.phrase_cues import VERBAL, Found, noun_source
from claimwatch.nlp.attribution.sources import make_source, subject_of, subject_source
from claimwatch.nlp.state import DocState

#: Words that may open a clause before a fronted "for"/"to" phrase ("But for many, …").
_CLAUSE_OPENERS = frozenset({"CCONJ", "ADV", "PUNCT", "SPACE"})
#: Prepositions by which a noun of stance (cues.STANCE_NOUNS) takes what it is about.
_STANCE_PREPS = frozenset({"of", "for", "about", "on", "to", "against", "over", "with"})
#: The longest phrase before a colon that may still be a speaker's name or a headline's source.
_MAX_SPEAKER = 6


def colon_claim(colon: Token, state: DocState) -> tuple[Found, str, Token] | None:
    """'Sanders: C' / 'CLINTON: C' / 'Poll: C': a short name-like phrase at the start of its line,
    a colon, and the rest of the line."""
    doc = colon.doc
    start = colon.i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws and colon.i - start <= _MAX_SPEAKER:
        start -= 1
    if start == colon.i or colon.i - start > _MAX_SPEAKER or (start > 0 and "\n" not in doc[start - 1].text_with_ws):
        return None
    phrase = doc[start:colon.i]
    if len(phrase) == 1 and len(phrase[0].text) == 1:
        # the "Q:" and "A:" of an interview name no one: on PolNeAR train 16 of 63 were gold, and the
        # model, which reads them like "Sanders:", chose 34 of the others and none of those in 5-fold CV
        return None
    if any(t.pos_ in VERBAL for t in phrase) or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in phrase):
        return None
    end = colon.i + 1
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    while end > colon.i + 1 and doc[end - 1].is_space:
        end -= 1
    content = trim(doc, colon.i + 1, end)
    if content[1] - content[0] < 2:
        return None
    head = phrase.root
    config = "colon_upper" if all(t.is_upper or t.is_punct for t in phrase) else "colon"
    found = Found(make_source(head, state), (colon.i, colon.i + 1), content, doc[content[0]:content[1]].root, colon)
    return found, config, head


def statement_claim(prep: Token, state: DocState) -> tuple[Found, str, Token | None] | None:
    """'In a statement, X denied C' is the verb's; 'In a new poll, 40 percent back C' / 'X, in an
    interview, C' is the clause's: the clause the "in" phrase modifies, less that phrase."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    head = prep.head
    if pobj is None or pobj.lemma_.lower() not in STATEMENT_NOUNS or (head.pos_ not in VERBAL and head.dep_ != "ROOT"):
        return None
    if head.lemma_.lower() in CUE_VERBS and pobj.lemma_.lower() not in DOCUMENT_SOURCES:
        return None  # "said in a statement": the verb is the cue ("in a poll, 8 percent said C" is the poll's)
    content = clause_range(head, (prep.left_edge.i, prep.right_edge.i + 1))
    if content[1] - content[0] < 3:
        return None
    if pobj.lemma_.lower() in DOCUMENT_SOURCES:
        subject: Token | None = pobj
        source = make_source(pobj, state)
    else:
        subject = subject_of(head)
        source = subject_source(subject, state)
    config = "in_document" if subject is pobj else "in_statement"
    return Found(source, (prep.i, prep.i + 1), content, head, prep), config, subject


def perspective_claim(prep: Token, state: DocState) -> tuple[Found, str, Token | None] | None:
    """'For many voters, the decision is already made', 'To his critics, he is a provocateur': a
    fronted "for"/"to" phrase set off by a comma gives whose view the clause states; the clause less
    that phrase is the content, the phrase's object the source."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    head = prep.head
    doc = prep.doc
    after = prep.right_edge.i + 1
    if pobj is None or head.i < prep.i or after >= len(doc) or doc[after].text != ",":
        return None
    if any(t.pos_ not in _CLAUSE_OPENERS for t in doc[head.left_edge.i:prep.i]):
        return None  # not at the start of its clause ("it is too late for some, and …")
    content = clause_range(head, (head.left_edge.i, after + 1))
    if content[1] - content[0] < 3:
        return None
    found = Found(make_source(pobj, state), (prep.i, prep.i + 1), content, head, prep)
    return found, "perspective_" + prep.lower_, pobj


def intention_claim(noun: Token, state: DocState) -> tuple[Found, str, Token | None] | None:
    """'his decision to quit', 'the plan to expand C', 'a promise to build C': a noun with an
    infinitive clause, what its holder (the possessor, when there is one) intends or undertakes."""
    clause = next((c for c in noun.rights if c.dep_ == "acl" and c.pos_ in VERBAL
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)), None)
    if clause is None:
        return None
    content = clause_range(clause)
    if content[0] >= content[1]:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return Found(noun_source(noun, state), (noun.i, noun.i + 1), content, clause, noun), "noun_to", owner


def stance_claim(noun: Token, state: DocState) -> tuple[Found, str, Token | None] | None:
    """'support for C', 'their criticism of C', 'questions about C'."""
    if noun.lemma_.lower() not in STANCE_NOUNS:
        return None
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS), None)
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if pobj is None:
        return None
    content = trim(noun.doc, pobj.left_edge.i, pobj.right_edge.i + 1)
    if content[0] >= content[1]:
        return None
    cue_end = prep.i + 1 if prep.i == noun.i + 1 else noun.i + 1
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    found = Found(noun_source(noun, state), (noun.i, cue_end), content, pobj, noun)
    return found, "stance_" + prep.lower_, owner


#: Prepositions by which an adjective of stance takes what it is about ("critical of", "worried about").
_ADJECTIVE_PREPS = frozenset({"of", "about", "to", "with", "on", "over", "for", "against", "that"})


def adjective_claim(adjective: Token, state: DocState) -> tuple[Found, str, Token | None] | None:
    """'X is confident that C', 'X is eager to C', 'X is critical of C': an adjective predicated of
    its holder, with a clause or a prepositional complement. The subject of the copula is the source."""
    if adjective.dep_ not in ("acomp", "oprd"):
        return None
    clause = next((c for c in adjective.rights if c.dep_ in ("ccomp", "xcomp")), None)
    if clause is not None:
        content, head, config = clause_range(clause), clause, "adj_" + clause.dep_
    else:
        prep = next((c for c in adjective.rights if c.dep_ == "prep" and c.lower_ in _ADJECTIVE_PREPS), None)
        head = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if head is None:
            return None
        content, config = trim(adjective.doc, head.left_edge.i, head.right_edge.i + 1), "adj_" + prep.lower_
    if content[0] >= content[1]:
        return None
    subject = subject_of(adjective.head)
    found = Found(subject_source(subject, state), (adjective.i, adjective.i + 1), content, head, adjective)
    return found, config, subject
