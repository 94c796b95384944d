"""Attribution scored on PolNeAR (Newell, Margolin & Ruths, LREC 2018): `claimwatch eval polnear DIR`.

DIR is a PolNeAR split folder (read by claimwatch.corpora.polnear). Two scores, both on the
corpus's word tokens (runs of letters and digits, so punctuation and a leading "that" or closing
quote cost little):

- token level, per role (source, cue, content): a word counts for a role when it lies inside
  a span of that role; precision and recall over (document, word) pairs;
- attribution level: a predicted claim matches a gold attribution when their cues overlap and
  their contents' words agree with F1 >= 0.5 (corpora.polnear.contents_agree), each gold
  attribution matched at most once; of the matched ones, how many also have an overlapping source.

Author claims (the outlet asserting something itself) are not attributions and are left out.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimwatch.corpora.polnear import CONTENT_MATCH_F1, Attribution, content_f1, load, overlaps, word_spans, words_in
from claimwatch.evaluation import Scorecard, prf
from claimwatch.model import Analysis, Claim, Span

ROLES = ("source", "cue", "content")


def predicted(claims: Iterable[Claim]) -> list[Attribution]:
    """The claims that are attributions (not the author's own), in the gold's shape."""
    result = []
    for claim in claims:
        if claim.source.kind == "author":
            continue
        result.append(
            Attribution(
                [claim.source.span] if claim.source.span else [],
                [claim.cue.span] if claim.cue else [],
                list(claim.content.pieces or [claim.content.span]),
            )
        )
    return result


@dataclass
class AttributionTally:
    """Counts summed over documents."""

    tokens: dict[str, list[int]] = field(default_factory=lambda: {r: [0, 0, 0] for r in ROLES})  # tp, pred, gold
    matched: int = 0
    matched_source: int = 0
    n_pred: int = 0
    n_gold: int = 0
    #: Gold attributions whose source is a personal pronoun ("he said"), and how many of them are matched
    #: with that pronoun as their source.
    pronoun_gold: int = 0
    pronoun_matched_source: int = 0

    def add(self, text: str, gold: list[Attribution], pred: list[Attribution]) -> None:
        words = word_spans(text)
        for role in ROLES:
            g = words_in(words, (s for a in gold for s in getattr(a, role)))
            p = words_in(words, (s for a in pred for s in getattr(a, role)))
            counts = self.tokens[role]
            counts[0] += len(g & p)
            counts[1] += len(p)
            counts[2] += len(g)
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        pronouns = [g for g in gold if _is_pronoun(text, g)]
        self.pronoun_gold += len(pronouns)
        for g_attr, p_attr in match(words, gold, pred):
            self.matched += 1
            if overlaps(g_attr.source, p_attr.source) or not (g_attr.source or p_attr.source):
                self.matched_source += 1
                self.pronoun_matched_source += any(g is g_attr for g in pronouns)


#: Personal pronouns a source may be ("he said", "they argued").
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})


def _is_pronoun(text: str, attribution: Attribution) -> bool:
    spans = attribution.source
    return len(spans) == 1 and text[spans[0][0]:spans[0][1]].strip().lower() in _PRONOUNS


def match(words: list[Span], gold: list[Attribution], pred: list[Attribution]) -> list[tuple[Attribution, Attribution]]:
    """Pairs of (gold, predicted): cues overlap, contents' words agree (content F1 >= CONTENT_MATCH_F1);
    best pairs first, each gold and each prediction used at most once."""
    gold_words = [words_in(words, a.content) for a in gold]
    candidates = []
    for j, p in enumerate(pred):
        p_words = words_in(words, p.content)
        for i, g in enumerate(gold):
            if not overlaps(g.cue, p.cue):
                continue
            f1 = content_f1(p_words, gold_words[i])
            if f1 >= CONTENT_MATCH_F1:
                candidates.append((f1, i, j))
    pairs, used_gold, used_pred = [], set(), set()
    for _f1, i, j in sorted(candidates, key=lambda c: -c[0]):
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def report(tally: AttributionTally, n_docs: int) -> Scorecard:
    """The table, the metrics and the closing line of a tally."""
    rows, metrics = [], {}
    for role in ROLES:
        tp, n_pred, n_gold = tally.tokens[role]
        p, r, f = prf(tp, n_pred, n_gold)
        rows.append({"level": f"{role} tokens", "precision": p, "recall": r, "f1": f, "gold": n_gold})
        metrics.update({f"{role}_token_precision": p, f"{role}_token_recall": r, f"{role}_token_f1": f})
    p, r, f = prf(tally.matched, tally.n_pred, tally.n_gold)
    rows.append({"level": "attributions", "precision": p, "recall": r, "f1": f, "gold": tally.n_gold})
    metrics.update({"attribution_precision": p, "attribution_recall": r, "attribution_f1": f})
    ps, rs, fs = prf(tally.matched_source, tally.n_pred, tally.n_gold)
    rows.append({"level": "attributions + source", "precision": ps, "recall": rs, "f1": fs, "gold": tally.n_gold})
    metrics.update({"attribution_source_f1": fs, "documents": float(n_docs)})
    metrics["source_accuracy_of_matched"] = tally.matched_source / tally.matched if tally.matched else 0.0
    metrics["pronoun_source_recall"] = (tally.pronoun_matched_source / tally.pronoun_gold
                                        if tally.pronoun_gold else 0.0)
    return Scorecard(
        title=f"PolNeAR attribution ({n_docs} articles)",
        rows=rows,
        metrics=metrics,
        summary=[
            f"matched {tally.matched} of {tally.n_gold} gold attributions with {tally.n_pred} predicted; "
            f"{tally.matched_source} of the matched have the right source",
            f"sources that are pronouns: {tally.pronoun_matched_source} of {tally.pronoun_gold} gold attributions "
            "matched with their pronoun as source",
            f"attribution F1 {f:.4f}",  # four places: a target of 0.75 is not met by 0.7496
        ],
    )


def evaluate(path: Path) -> Scorecard:
    """Run the whole claimwatch pipeline over the articles of `path` and score its claims."""
    from claimwatch.nlp.pipeline import analyze_documents

    items = list(load(path))
    if not items:
        raise FileNotFoundError(f"{path}: no text/*.txt with attributions/*.ann found")
    tally = AttributionTally()
    results = analyze_documents(doc for _name, doc, _gold in items)
    for n, ((_name, doc, gold), result) in enumerate(zip(items, results, strict=True), 1):
        claims = result.claims if isinstance(result, Analysis) else []
        tally.add(doc.text, gold, predicted(claims))
        if n % 10 == 0 or n == len(items):
            print(f"\rpolnear: {n}/{len(items)} articles", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return report(tally, len(items))
