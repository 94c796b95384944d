"""A candidate cue as the learned cue model reads it: typed facts of the cue word and of one reading of its content.

The rules (proposals.py) propose, for every word that could cue an attribution, one or more readings
of its content. `describe_candidate` reads what the cue model weighs about each: what kind of cue it
is and which configuration found the reading, the cue's lemma and the kind of its subject, whether
it stands in a quotation …, and of the reading its length, side of the cue, edges, head word and
distance from the cue. `Candidate.to_features()` spells those facts as the feature strings the shipped
models were trained on ("kind=verb", "config=ccomp", "lemma_config=say|ccomp" …), and
`Candidate.values()` gives the same values by feature name, as the second stage (rerank.py) reads them.
A change to a name, a spelling or a bucket there changes the models' input: retrain them with
`claimwatch train attribution`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimwatch.nlp.attribution.contents import QuoteIndex
from claimwatch.nlp.attribution.cues import (
    CUE_NOUNS,
    CUE_VERBS,
    HEARSAY_ADVERBS,
    INTENTION_VERBS,
    PERSON_PRONOUNS,
    UNNAMED_SOURCE_NOUNS,
)
from claimwatch.nlp.attribution.phrase_cues import Found
from claimwatch.nlp.token_table import token_table

Range = tuple[int, int]
_NAMED_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: The cue block of named_values() by Candidate.cue_key(): a cue has two readings or more on average,
#: and a common cue ("said", with the same words around it) comes back across documents.
_CUE_BLOCKS: dict[tuple[str | bool, ...], list[tuple[str, str]]] = {}
_CUE_BLOCKS_MAX = 100_000
#: Marks that name themselves as what lies at a content's edge; other punctuation is "punct".
_EDGE_MARKS = ".,;:?!—-()"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One candidate cue with one reading of its content, as the facts the cue model weighs."""

    #: The kind of cue: "verb", "according", "adverb" (hearsay), "noun", "stance", "adjective", "colon",
    #: "statement" ("in a statement") or "perspective" ("for many voters").
    kind: str
    #: The configuration that found this reading of the content: "ccomp", "dobj", "quote_after", "paren",
    #: "inverted", "dobj_wide", "ccomp_core_mark", "arg_prep_pobj" … (the rules' names).
    config: str
    #: The cue word's lemma (lower case) and its own lower-case form.
    lemma: str
    lower: str
    #: Which lexicon the lemma is in: "speech" (a cue verb), "intent", "noun", "adv" (hearsay) or "other".
    lexicon: str
    #: What kind of thing the cue's subject is (subject_kind): "ent_PERSON", "propn", "pron_person", "none" …
    subject_kind: str
    #: The cue's dependency and fine-grained tag, and those of the word it hangs on (its lemma, dependency).
    dep: str
    tag: str
    head_lemma: str
    head_dep: str
    #: Whether the cue stands inside a quotation, is negated, has a "that" clause.
    in_quote: bool
    negated: bool
    has_that: bool
    #: The words right before and after the cue, lower case ("<s>" and "</s>" at the Doc's ends).
    previous_word: str
    next_word: str
    #: Whether the cue is a verb conjoined to a cue verb ("said … and added …").
    after_speech_verb: bool
    #: Whether the cue is among the first two words of its sentence, and the sentence's length in tokens.
    opens_sentence: bool
    sentence_length: int
    #: The reading's length in tokens, its side of the cue ("after", "before", "around", "none") and
    #: how many sentences it touches.
    content_length: int
    content_side: str
    content_sentences: int
    #: Whether the reading starts inside a quotation, and whether the cue interrupts it (two pieces).
    content_in_quote: bool
    has_pieces: bool
    #: What lies right before and right after the reading (edge_kind: a part of speech, a mark, "break" …).
    before_content: str
    after_content: str
    #: The reading's head word: its lemma, part of speech and kind (subject_kind); and its first word.
    content_head_lemma: str
    content_head_pos: str
    content_head_kind: str
    first_word: str
    #: The lemma of the cue's subject ("-" when it has none).
    subject_lemma: str
    #: How many words separate the reading from the cue (cue_distance).
    distance: int

    def cue_key(self) -> tuple[str | bool, ...]:
        """The facts the cue block of named_values() reads: those of the cue word alone."""
        return (self.kind, self.lemma, self.lower, self.subject_kind, self.lexicon, self.dep, self.tag,
                self.in_quote, self.negated, self.has_that, self.previous_word, self.next_word, self.head_lemma,
                self.head_dep)

    def cue_values(self, key: tuple[str | bool, ...] | None = None) -> list[tuple[str, str]]:
        """The first features of named_values(): those of the cue word alone, the same for every reading
        of its content, so built once for them (callers must not change the list). `key` is cue_key(),
        where the caller has it."""
        key = key or self.cue_key()
        block = _CUE_BLOCKS.get(key)
        if block is None:
            if len(_CUE_BLOCKS) >= _CUE_BLOCKS_MAX:
                _CUE_BLOCKS.clear()
            block = _CUE_BLOCKS[key] = self._cue_block()
        return block

    def _cue_block(self) -> list[tuple[str, str]]:
        lemma, subj, lex, quote = self.lemma, self.subject_kind, self.lexicon, self.in_quote
        dep, nxt = self.dep, self.next_word
        return [
            ("kind", self.kind), ("lemma", lemma), ("lower", self.lower), ("subj", subj), ("lex", lex),
            ("lemma_subj", f"{lemma}|{subj}"), ("dep", dep), ("lemma_dep", f"{lemma}|{dep}"), ("tag", self.tag),
            ("quote", f"{quote}"), ("quote_lex", f"{quote}|{lex}"), ("neg", f"{self.negated}"),
            ("that", f"{self.has_that}"), ("root", f"{dep == 'ROOT'}"), ("prev", self.previous_word), ("next", nxt),
            ("lemma_next", f"{lemma}|{nxt}"), ("lemma_quote", f"{lemma}|{quote}"), ("head", self.head_lemma),
            ("head_dep", self.head_dep),
        ]

    def reading_values(self) -> list[tuple[str, str]]:
        """The other features of named_values(), in order: those of the configuration that found this
        reading of the content, and of the reading itself."""
        lemma, config = self.lemma, self.config
        size = _length_bucket(self.content_length)
        span = _sentences_bucket(self.content_sentences)
        side, cquote = self.content_side, self.content_in_quote
        before, after = self.before_content, self.after_content
        head, pos, first, source, ckind = (self.content_head_lemma, self.content_head_pos, self.first_word,
                                           self.subject_lemma, self.content_head_kind)
        gap = _distance_bucket(self.distance)
        subj, lex, quote, dep = self.subject_kind, self.lexicon, self.in_quote, self.dep
        configured = [
            ("config", config), ("lex_config", f"{lex}|{config}"), ("lemma_config", f"{lemma}|{config}"),
            ("config_subj", f"{config}|{subj}"), ("quote_config", f"{quote}|{config}"),
            ("lemma_config_subj", f"{lemma}|{config}|{subj}"), ("dep_config", f"{dep}|{config}"),
        ]
        content = [
            ("clen", size), ("config_clen", f"{config}|{size}"), ("cside", side), ("config_cside", f"{config}|{side}"),
            ("csents", span), ("config_csents", f"{config}|{span}"), ("cquote", f"{cquote}"),
            ("cpieces", f"{self.has_pieces}"), ("config_cquote_csents", f"{config}|{cquote}|{span}"),
        ]
        edges = [("cbefore", before), ("cafter", after), ("config_cafter", f"{config}|{after}"),
                 ("config_cbefore", f"{config}|{before}")]
        words = [
            ("chead", head), ("lemma_chead", f"{lemma}|{head}"), ("chead_pos", pos),
            ("lemma_cheadpos", f"{lemma}|{pos}"), ("cfirst", first), ("lemma_cfirst", f"{lemma}|{first}"),
            ("slemma", source), ("lemma_slemma", f"{lemma}|{source}"), ("ckind", ckind),
            ("lemma_ckind", f"{lemma}|{ckind}"),
        ]
        placement = [("cdist", gap), ("config_cdist", f"{config}|{gap}"), ("sent_first", f"{self.opens_sentence}"),
                     ("sent_len", f"{min(5, self.sentence_length // 10)}"), ("conjspeech", f"{self.after_speech_verb}")]
        return configured + content + edges + words + placement

    def named_values(self) -> list[tuple[str, str]]:
        """(feature name, value) of every feature, in the order the first stage sums their weights."""
        return self.cue_values() + self.reading_values()

    def to_features(self) -> list[str]:
        """The features of the first stage, "name=value" (their weights are summed, in this order)."""
        return spell(self.named_values())

    def values(self) -> dict[str, str]:
        """The features' values by name ("config" → "ccomp"), as the second stage reads them."""
        return dict(self.named_values())


def spell(named: list[tuple[str, str]]) -> list[str]:
    """Features by name (Candidate.named_values) as the first stage's strings, "name=value"."""
    return [f"{name}={value}" for name, value in named]


def _length_bucket(length: int) -> str:
    """A content's length in tokens, bucketed by powers of two: "1", "2" (2–3), "4" (4–7) … "32" (32 and more)."""
    return "1" if length == 1 else "2" if length <= 3 else "4" if length <= 7 else "8" if length <= 15 \
        else "16" if length <= 31 else "32"


def _sentences_bucket(sentences: int) -> str:
    return "1" if sentences <= 1 else "2" if sentences == 2 else "3"


def _distance_bucket(gap: int) -> str:
    return "0" if gap <= 2 else "3" if gap <= 5 else "6" if gap <= 12 else "13"


def describe_candidate(cue: Token, kind: str, config: str, subject: Token | None, reading: Found,
                       sentence: Range, sentences: int, quotes: QuoteIndex,
                       facts: dict[str, object] | None = None) -> Candidate:
    """The candidate that `cue` (of `kind`, with `subject`) makes with `reading`, the reading of its content
    found by configuration `config`. `sentence` is the token range of the cue's sentence, `sentences` how
    many sentences the reading touches. `facts` are cue_facts(cue, kind, subject, sentence, quotes), when
    the caller keeps them for the cue's other readings."""
    doc = cue.doc
    start, end = reading.content
    head = content_head(doc, reading.content)
    last = (reading.pieces or [reading.content])[-1][1]
    return Candidate(
        **(facts if facts is not None else cue_facts(cue, kind, subject, sentence, quotes)),
        config=config, content_length=end - start, content_side=content_side(reading.content, reading.cue),
        content_sentences=sentences, content_in_quote=quotes.inside(doc[start]), has_pieces=reading.pieces is not None,
        before_content=edge_kind(doc, start - 1), after_content=edge_kind(doc, last),
        content_head_lemma=head.lemma_.lower(), content_head_pos=head.pos_, content_head_kind=subject_kind(head),
        first_word=doc[start].lower_, distance=cue_distance(cue.i, reading.content),
    )


def cue_facts(cue: Token, kind: str, subject: Token | None, sentence: Range, quotes: QuoteIndex) -> dict[str, object]:
    """The Candidate fields that depend on the cue alone, not on the reading of its content: one cue
    has two readings or more on average, and these take as long to read as the reading's own."""
    doc = cue.doc
    lemma = cue.lemma_.lower()
    head = cue.head
    return dict(
        kind=kind, lemma=lemma, lower=cue.lower_, lexicon=lexicon_class(lemma), subject_kind=subject_kind(subject),
        dep=cue.dep_, tag=cue.tag_, head_lemma=head.lemma_.lower(), head_dep=head.dep_, in_quote=quotes.inside(cue),
        negated=any(c.dep_ == "neg" for c in cue.children), has_that=_has_that(cue),
        previous_word=doc[cue.i - 1].lower_ if cue.i > 0 else "<s>",
        next_word=doc[cue.i + 1].lower_ if cue.i + 1 < len(doc) else "</s>",
        after_speech_verb=cue.dep_ == "conj" and head.lemma_.lower() in CUE_VERBS,
        opens_sentence=cue.i - sentence[0] <= 1, sentence_length=sentence[1] - sentence[0],
        subject_lemma=subject.lemma_.lower() if subject is not None else "-",
    )


def subject_kind(subject: Token | None) -> str:
    """A coarse type of a source phrase head: person, organisation, pronoun, source noun …"""
    if subject is None:
        return "none"
    lower = subject.lower_
    if subject.pos_ == "PRON":
        if lower in PERSON_PRONOUNS or lower in ("i", "we", "you", "they"):
            return "pron_person"
        return "pron_other"
    if subject.ent_type_ in _NAMED_ENTS:
        return "ent_" + subject.ent_type_
    if subject.pos_ == "PROPN":
        return "propn"
    if subject.lemma_.lower() in UNNAMED_SOURCE_NOUNS:
        return "source_noun"
    return "noun"


def lexicon_class(lemma: str) -> str:
    """Which of the attribution lexicons (cues.py) a cue's lemma is in, the first that has it."""
    return ("speech" if lemma in CUE_VERBS else "intent" if lemma in INTENTION_VERBS
            else "noun" if lemma in CUE_NOUNS else "adv" if lemma in HEARSAY_ADVERBS else "other")


def _has_that(cue: Token) -> bool:
    """Whether the cue has a clausal complement introduced by "that"."""
    return any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
               for c in cue.children)


def content_side(content: Range, cue: Range | None) -> str:
    """Which side of its cue a content lies on: "after", "before", "around" (the cue inside), "none" (no cue)."""
    if cue is None:
        return "none"
    return "after" if content[0] >= cue[1] else "before" if content[1] <= cue[0] else "around"


def content_head(doc: Doc, content: Range) -> Token:
    """The head word of a content: its first token whose head lies outside it (or that is a root)."""
    start, end = content
    heads = token_table(doc).head
    for i in range(start, end):
        head = heads[i]
        if not start <= head < end or head == i:
            return doc[i]
    return doc[start]


def cue_distance(cue: int, content: Range) -> int:
    """How many words separate a content from its cue (token `cue`): 0 when it starts within two words
    after it, else the distance to its nearer end. A reading right after its verb is likelier than a
    phrase a dozen words away."""
    start, end = content
    if cue < start <= cue + 2:
        return 0
    return min(abs(start - cue), abs(end - 1 - cue))


def edge_kind(doc: Doc, i: int) -> str:
    """What token `i`, just outside a content, is: "edge" (the Doc's end), "break" (a line break),
    "quote", a mark ("," ":" …, other punctuation "punct"), "cc" or "mark", or else its part of speech.
    A reading that stops at a comma before "and he had access" reads differently from one that ends
    its sentence."""
    if i < 0 or i >= len(doc):
        return "edge"
    token = doc[i]
    if token.is_space or "\n" in token.whitespace_:
        return "break"
    if token.is_quote:
        return "quote"
    if token.is_punct:
        return token.text if token.text in _EDGE_MARKS else "punct"
    if token.dep_ == "cc" or token.dep_ == "mark":
        return token.dep_
    return token.pos_
