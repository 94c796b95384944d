"""What a number counts when no unit follows it: the noun it modifies in the parse ("six North
Korean soldiers" → soldiers), else the noun run after it, or what "of" leads to ("half of the
shells", "303 of the 543 seats"). Month and weekday names are times, never counted nouns.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimwatch.nlp.quantities import numbers as num
from claimwatch.nlp.quantities.number_phrases import NumberPhrase, lower_at
from claimwatch.nlp.quantities.vocabulary import MONTH_WORDS, OF_SKIP, TIME_ADVERBIAL_STARTS, WEEKDAY_NAMES

_NOUNS = frozenset({"NOUN", "PROPN"})
_MODIFIERS = frozenset({"ADJ", "NOUN", "PROPN", "VERB"})  # VERB: participles ("wounded", "armed")


def counted_noun(doc: Doc, n: NumberPhrase, end: int) -> tuple[Token | None, int]:
    """The noun the number counts: its head in the parse, else the noun run right after it;
    "of the N" for "half of the shells", "dozens of homes", "six of the soldiers"."""
    if lower_at(doc, end) == "of" or (n.fraction and lower_at(doc, end) in ("the", "a", "an")):
        return _noun_of(doc, end + (lower_at(doc, end) == "of"), end)
    if lower_at(doc, end) in TIME_ADVERBIAL_STARTS:
        return None, end  # "up from 800 last year", "cut by half this year": a time, not what is counted
    last = doc[end - 1]
    head = last.head
    if last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos") and end <= head.i <= end + 5 \
            and head.pos_ in _NOUNS and all(_modifier(doc, k) for k in range(end, head.i)):
        if not _is_time_word(head):
            return head, head.i + 1
    noun = _noun_run(doc, end, skip_determiners=False)
    return noun, (noun.i + 1 if noun is not None else end)


def _modifier(doc: Doc, k: int) -> bool:
    """A word between a number and the noun it counts: adjectives, nouns, participles, and the
    number of a model name ("two Boeing 737 jets")."""
    token = doc[k]
    return token.pos_ in _MODIFIERS or token.text in ("-", "–") or (token.pos_ == "NUM" and doc[k - 1].pos_ == "PROPN")


def _noun_of(doc: Doc, k: int, end: int) -> tuple[Token | None, int]:
    """The noun counted through "of": "half of the shells", "half of the country's people" (the
    possessed noun), "303 of the 543 seats" (the span stops before the second number, which is
    a quantity of its own)."""
    stop = None
    while k < len(doc):
        while k < len(doc) and (doc[k].pos_ == "DET" or doc[k].tag_ == "PRP$" or doc[k].lower_ in OF_SKIP):
            k += 1
        if k < len(doc) and (doc[k].pos_ == "NUM" or num.parse_digits(doc[k].text) is not None):
            stop = stop if stop is not None else k
            while k < len(doc) and (doc[k].pos_ == "NUM" or doc[k].text in ",-–"):
                k += 1
            continue
        noun = _noun_run(doc, k, skip_determiners=False)
        if noun is not None and lower_at(doc, noun.i + 1) in ("'s", "'", "’s") and noun.i + 2 < len(doc):
            stop, k = None, noun.i + 2  # the possessor: count what it has
            continue
        if noun is None:
            return None, end
        return noun, (stop if stop is not None else noun.i + 1)
    return None, end


def _is_time_word(token: Token) -> bool:
    return token.lower_ in MONTH_WORDS or token.lower_ in WEEKDAY_NAMES


def _noun_run(doc: Doc, k: int, skip_determiners: bool) -> Token | None:
    """The last noun of the run of modifiers and nouns starting at token k (its head noun)."""
    if skip_determiners:
        while k < len(doc) and (doc[k].pos_ in ("DET", "NUM") or doc[k].tag_ == "PRP$"):
            k += 1
    last = None
    for j in range(k, min(len(doc), k + 5)):
        token = doc[j]
        if token.pos_ in _NOUNS and not _is_time_word(token):
            if last is not None and token.is_title and last.is_title and headline(token):
                break  # "Thousands of Shootings Go Unsolved": title case hides the verb
            last = token
        elif token.pos_ in ("ADJ", "VERB") and token.tag_ in ("JJ", "JJR", "JJS", "VBN", "VBG") or token.text in "-–":
            if last is not None and token.pos_ != "PUNCT":
                break
        else:
            break
    return last


def headline(token: Token) -> bool:
    """A title-case sentence, where every word is a capitalised PROPN to the tagger."""
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) >= 0.8 * len(words)

