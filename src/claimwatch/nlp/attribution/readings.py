"""Other readings of a verb cue's content, for the cue model to weigh against the parse's own.

The clause the parse hangs on a cue is often not quite what a reader takes as reported: a trailing
adverbial clause may be the writer's framing ("they were separated *after the Post revealed …*"),
a clause that a comma sets off at its end may be the writer's gloss ("she backs the budget*, which cuts …*"),
a quotation may go on after the cue's sentence ('"A," she said, smiling. "B."'), and a fronted
phrase may be misread as the complement ("Fueled by anger, X explained C"). Each function here
proposes one alternative; the candidates carry a configuration name of their own, so the model
learns from PolNeAR how often each alternative is the right one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimwatch.nlp.attribution.contents import QuoteIndex, trim
from claimwatch.nlp.attribution.phrase_cues import VERBAL, Found
from claimwatch.nlp.attribution.verb_claims import NOUN_ROLES, RELATIVE_TAGS, quotation_may_follow
from claimwatch.nlp.token_table import token_table

#: Dependents that add circumstances to a clause rather than what is asserted.
_ADVERBIAL = frozenset({"advcl"})
#: What a comma may set off after a noun: an apposition or a relative or participial clause.
_APPENDED = frozenset({"appos", "relcl", "acl"})
#: What a comma or dash may set off at the end of a reported clause: a relative clause, an apposition or
#: an adverbial clause ("he supports the bill, which includes …").
_SET_OFF = frozenset({"relcl", "appos", "advcl"})
_SET_OFF_MARKS = frozenset({",", "—", "–", "--", "("})
#: The roles in which a relative pronoun ("which", "that", "who") stands for what is reported.
_PRONOUN_ROLES = frozenset({"dobj", "nsubjpass", "pobj"})


def without_trailing_clause(found: Found) -> tuple[Found, str] | None:
    """The content less the adverbial clause that ends it ("C after D", "C, citing D"), and what kind
    of clause was cut: "mark" (a subordinator: after, while, when …), "ing" (a participle, "citing D")
    or "other"; None when the content's head has no such clause at its end."""
    head = found.content_head
    doc = head.doc
    start, end = found.content
    for child in head.rights:
        if child.dep_ not in _ADVERBIAL or child.left_edge.i <= head.i or child.right_edge.i + 1 < end - 1:
            continue
        core = trim(doc, start, child.left_edge.i)
        if core[1] - core[0] >= 2 and core[0] <= head.i < core[1]:
            kind = "mark" if any(c.dep_ == "mark" for c in child.lefts) else "ing" if child.tag_ == "VBG" else "other"
            return Found(found.source, found.cue, core, head, found.cue_token), kind
    return None


def without_apposition(found: Found) -> Found | None:
    """An object less what a comma sets off after its head ("voted for X, a neurosurgeon who …",
    "slammed the loophole, in which …"); None when nothing is set off at its end."""
    head = found.content_head
    doc = head.doc
    start, end = found.content
    for child in head.rights:
        if child.dep_ not in _APPENDED or child.right_edge.i + 1 < end - 1 or child.left_edge.i <= start:
            continue
        comma = child.left_edge.i - 1
        if doc[comma].text not in (",", "—", "–", "("):
            continue
        core = trim(doc, start, comma)
        if core[0] < core[1]:
            return Found(found.source, found.cue, core, head, found.cue_token)
    return None


def without_set_off_modifier(found: Found) -> Found | None:
    """The content less the first relative clause, apposition or adverbial clause that a comma or dash
    sets off and that runs to its end, wherever in the content it attaches ("he supports the final bill,
    which includes …": the writer's gloss on the reported words); None when there is none."""
    doc = found.content_head.doc
    start, end = found.content
    table = token_table(doc)
    for i in range(start + 1, end - 1):
        left = table.left_edge[i]
        if table.dep[i] not in _SET_OFF or table.right_edge[i] < end - 2 or not start <= table.head[i] < left:
            continue
        if left - 1 > start and doc[left - 1].text in _SET_OFF_MARKS:
            core = trim(doc, start, left - 1)
            if core[1] - core[0] >= 2:
                return Found(found.source, found.cue, core, found.content_head, found.cue_token)
    return None


def with_continued_quote(token: Token, found: Found, sent_end: int, quotes: QuoteIndex) -> Found | None:
    """The content and the quotation that opens right after the cue's sentence ('"A," she said,
    smiling. "B. C."'), as two pieces, when the content is a quotation that ends before the cue or
    a clause that ends the sentence; None when no quotation follows or the cue is itself quoted."""
    doc = token.doc
    start, end = found.content
    if end > sent_end or found.cue is None or quotes.inside(token) or found.content_head.dep_ in NOUN_ROLES:
        return None
    if not quotation_may_follow(token, found.content, found.cue, quotes):
        return None
    continued = quotes.continued(sent_end)
    if continued <= sent_end:
        return None
    more = trim(doc, sent_end, continued)
    if more[0] >= more[1]:
        return None
    first = trim(doc, start, end)
    reading = Found(found.source, found.cue, (start, continued), found.content_head, found.cue_token)
    reading.pieces = ([first] if first[0] < first[1] else []) + [more]
    return reading


def following_clause(doc: Doc, found: Found, sent_end: int, quotes: QuoteIndex) -> Found | None:
    """Two misparses of "X explained C" that leave the complement short: a fronted phrase taken for
    the complement ("Fueled by anger, X explained C": the words after the cue, to the end of its
    sentence, are the other reading), and the complement's subject taken for the verb's object
    ("X explained [the refusal] [is a weakness]": the object and the complement together, which is
    also how "urged [the party] [to act]" reads)."""
    verb = found.cue_token
    if verb is None or found.cue is None:
        return None
    if found.content[0] >= found.cue[1]:
        obj = next((c for c in verb.rights if c.dep_ == "dobj" and c.i < found.content[0]), None)
        if obj is None:
            return None
        return Found(found.source, found.cue, (obj.left_edge.i, found.content[1]), found.content_head, verb)
    if found.content_head.dep_ == "xcomp":
        return None
    start, end = found.content
    if end > found.cue[0] or quotes.inside(doc[start]) or quotes.ends_quotation(end):
        return None  # '"C," X said': a quotation before the cue is what it reports
    start, end = trim(doc, found.cue[1], sent_end)
    if end - start < 3 or not any(doc[i].pos_ in VERBAL for i in range(start, end)):
        return None
    if doc[start].dep_ in ("dobj", "dative", "prep", "agent"):
        return None
    head = next((doc[i] for i in range(start, end) if not start <= doc[i].head.i < end), doc[start])
    return Found(found.source, found.cue, (start, end), head, verb)


def relative_pronoun(verb: Token, found: Found) -> Found | None:
    """'the plan, which the council rejected': the relative pronoun that stands for the noun a
    relative clause modifies, as the content on its own (PolNeAR marks the pronoun, not the noun);
    None when the clause has no such pronoun."""
    pronoun = next((c for c in verb.children if c.tag_ in RELATIVE_TAGS and c.dep_ in _PRONOUN_ROLES), None)
    if pronoun is None:
        return None
    return Found(found.source, found.cue, (pronoun.i, pronoun.i + 1), pronoun, verb)


def verb_readings(token: Token, found: Found, config: str, sent_end: int,
                  quotes: QuoteIndex) -> list[tuple[Found, str]]:
    """The alternative readings of a verb cue's content, each with its configuration name."""
    readings = []
    core = without_trailing_clause(found)
    if core is not None:
        readings.append((core[0], f"{config}_core_{core[1]}"))
    if config == "dobj" or config.startswith("prep_"):
        bare = without_apposition(found)
        if bare is not None:
            readings.append((bare, config + "_np"))
    glossed = without_set_off_modifier(found)
    if glossed is not None and all(glossed.content != r.content for r, _ in readings):
        readings.append((glossed, config + "_setoff"))
    continued = with_continued_quote(token, found, sent_end, quotes)
    if continued is not None:
        readings.append((continued, config + "_cont"))
    pronoun = relative_pronoun(token, found) if token.dep_ == "relcl" else None
    if pronoun is not None:
        readings.append((pronoun, "relative_pronoun"))
    after = following_clause(token.doc, found, sent_end, quotes) if config in ("ccomp", "xcomp") else None
    if after is not None:
        readings.append((after, config + "_after"))
    return readings
