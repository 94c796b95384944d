"""A synthetic store of any size made of real analyses, for `claimwatch bench store`.

Analysing 100,000 texts would take hours, and what the benchmark times is the store, not the
NLP: so a few hundred real texts are analysed once (the analyses are cached as JSON Lines), and
each generated document joins two of them (text and analysis, spans shifted) under its own date,
outlet and URL. Pairs of texts make the generated texts differ (two pairs sharing one text are
about a third alike, below the copy threshold), so most documents are originals, as in a real
feed; a share of them are reprints of a recent document by another outlet, and those are copies.

Documents are dated `per_day` a day in order, and every `block` documents rename the people,
organisations and groups they mention (each word of their names gets the block's syllables, their
Wikidata id its own number): actors come and go over time instead of every actor of the corpus
being named in every tenth document, so an actor's share of a larger store shrinks as it does in
a real one. The content words of claims are renamed the same way (their function words stay), so
that one quote travels among the few documents of its block that reuse its text, not among every
document of the store. States and places keep their names and codes. Times inside the analyses move
with the publication date, so reports of one happening cluster by the new dates.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, partial
from itertools import combinations
from pathlib import Path
from random import Random
from typing import Any

from claimwatch.knowledge.reports import is_content_word
from claimwatch.model import ANALYSIS_VERSION, Analysis
from claimwatch.store.codec import analysis_from_dict

#: Entity types whose names are renamed per block (states and places stay what they are).
RENAMED_TYPES = frozenset({"person", "organization", "group", "other"})
START_DAY = date(2020, 1, 1)
_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "fa", "gu", "ho", "ji", "be", "po", "ze")
_FILE_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class CorpusPlan:
    """How a synthetic store of `documents` documents is made."""

    documents: int
    per_day: int = 50  # documents published a day
    block: int = 500  # documents between two renamings of the actors
    outlets: int = 200
    copy_share: float = 0.1  # documents that reprint a recent one under another outlet
    seed: int = 7


@dataclass
class Generated:
    """One document to store: its analysis (document with date, URL, title) and its outlet."""

    analysis: Analysis
    outlet: str
    reprint_of: int | None  # which original it reprints (0 for the first original), if a reprint


# -- the real analyses ---------------------------------------------------------------------------


def _published(path: Path) -> str | None:
    found = _FILE_DATE.search(path.name)
    return found.group(1) if found else None


def base_analyses(texts: Path, count: int, cache: Path, workers: int = 1) -> list[Analysis]:
    """Analyses of the first `count` texts (*.txt, in name order) of a folder, analysed once and
    then read from `cache` (a folder), keyed by the folder, the count and the analysis version."""
    from claimwatch.batch.workers import analyze_parallel
    from claimwatch.ingest import read_document
    from claimwatch.nlp.pipeline import Failure

    key = re.sub(r"[^\w.-]+", "_", str(texts.resolve()).strip("/"))[-80:]
    cached = cache / f"{key}-{count}-{ANALYSIS_VERSION}.jsonl"
    if cached.exists():
        with cached.open(encoding="utf-8") as lines:
            return [analysis_from_dict(json.loads(line)) for line in lines if line.strip()]
    paths = sorted(texts.glob("*.txt"))[:count]
    if not paths:
        raise ValueError(f"no *.txt texts in {texts}")
    docs = ((read_document(p, published=_published(p)), p.name) for p in paths)
    analyses = [a for a, _name in analyze_parallel(docs, workers)
                if not isinstance(a, Failure) and a.analysed]
    cache.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".tmp")
    with partial.open("w", encoding="utf-8") as out:
        for analysis in analyses:
            out.write(analysis.to_json() + "\n")
    partial.replace(cached)  # a cache is whole or absent
    return analyses


# -- shifting, renaming and joining analyses (as the contract's JSON dicts) ------------------------


def _shift_span(span: list[int] | None, by: int) -> list[int] | None:
    return [span[0] + by, span[1] + by] if span is not None else None


def _shift_text_span(value: dict[str, Any] | None, by: int) -> dict[str, Any] | None:
    if value is None:
        return None
    pieces = [_shift_span(p, by) for p in value["pieces"]] if value.get("pieces") else value.get("pieces")
    return {**value, "span": _shift_span(value["span"], by), "pieces": pieces}


def shift_iso(value: str | None, days: int) -> str | None:
    """An ISO date, month, year or week moved by `days`, at its own precision; other values as they are."""
    if not value or days == 0:
        return value
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    try:
        if m:
            moved = date(int(m[1]), int(m[2] or 1), int(m[3] or 1)) + timedelta(days=days)
            return moved.isoformat()[:len(value)]
        w = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if w:
            year, week, _ = (date.fromisocalendar(int(w[1]), int(w[2]), 1) + timedelta(days=days)).isocalendar()
            return f"{year}-W{week:02d}"
    except ValueError:
        return value
    return value


def _part(d: dict[str, Any], prefix: str, offset: int, days: int) -> dict[str, Any]:
    """One analysis as the part of a joined document that starts at `offset`: spans shifted, local
    ids prefixed (so that two parts' `e1` stay apart), times moved by `days`."""
    ids = lambda v: f"{prefix}{v}" if v else v  # noqa: E731
    entities = [{**e, "id": ids(e["id"]), "mentions": [_shift_span(m, offset) for m in e["mentions"]]}
                for e in d["entities"]]
    claims = [{**c, "id": ids(c["id"]), "stated_at": shift_iso(c.get("stated_at"), days),
               "source": {**c["source"], "span": _shift_span(c["source"].get("span"), offset),
                          "entity": ids(c["source"].get("entity"))},
               "cue": _shift_text_span(c.get("cue"), offset), "content": _shift_text_span(c["content"], offset)}
              for c in d["claims"]]
    events = [{**v, "id": ids(v["id"]), "trigger": _shift_text_span(v["trigger"], offset),
               "actor": ids(v.get("actor")), "target": ids(v.get("target")), "location": ids(v.get("location")),
               "claim": ids(v.get("claim")), "quantities": [ids(q) for q in v.get("quantities", [])],
               "time": {**v["time"], "value": shift_iso(v["time"].get("value"), days)} if v.get("time") else None}
              for v in d["events"]]
    quantities = [{**q, "id": ids(q["id"]), "span": _shift_span(q["span"], offset)} for q in d["quantities"]]
    times = [{**t, "id": ids(t["id"]), "span": _shift_span(t["span"], offset),
              "value": shift_iso(t.get("value"), days)} for t in d["times"]]
    predicates = [{**p, "trigger": _shift_text_span(p["trigger"], offset)} for p in d.get("predicates", [])]
    excluded = [{**x, "span": _shift_span(x["span"], offset)} for x in d["document"].get("excluded", [])]
    return {"entities": entities, "claims": claims, "events": events, "quantities": quantities, "times": times,
            "predicates": predicates, "excluded": excluded}


def block_suffix(block: int) -> str:
    """The syllables that a block's renamed actors carry: 0 → "ka", 17 → "loka"."""
    out, n = "", block
    while True:
        out = _SYLLABLES[n % len(_SYLLABLES)] + out
        n //= len(_SYLLABLES)
        if n == 0:
            return out


def rename(name: str, block: int) -> str:
    """A person's, organisation's or group's name as block `block` names it: each word gets the
    block's syllables ("Hillary Clinton" → "Hillaryka Clintonka"), so a bare surname still finds its
    full name."""
    suffix = block_suffix(block)
    return re.sub(r"[^\W\d_]{2,}", lambda m: m.group(0) + suffix, name)


def rename_content(text: str, block: int) -> str:
    """A claim's words as block `block` says them: its content words get the block's syllables and
    its function words stay, so that two claims of one block share no word that the unrenamed
    claims would not (renamed, "the" would be a content word every claim of the block shares)."""
    suffix = block_suffix(block)
    return re.sub(r"[^\W\d_]{2,}", lambda m: m.group(0) + suffix if is_content_word(m.group(0)) else m.group(0),
                  text)


def _renamed_entity(e: dict[str, Any], block: int) -> dict[str, Any]:
    if e["type"] not in RENAMED_TYPES:
        return e
    wikidata = e.get("wikidata")
    if wikidata:  # a QID of its own per block, so that the renamed actor is a different actor
        wikidata = f"Q{int(wikidata[1:]) * 10_000 + block}" if wikidata[1:].isdigit() else None
    return {**e, "name": rename(e["name"], block), "wikidata": wikidata}


def join(first: dict[str, Any], second: dict[str, Any], *, published: str, block: int) -> dict[str, Any]:
    """Two analyses (`Analysis.to_dict()`) as the analysis of one document: their texts one after
    the other, dated `published`, its times moved with it, and its actors renamed for `block`."""
    sep = "\n\n"
    text = first["document"]["text"] + sep + second["document"]["text"]
    parts = []
    for prefix, d, offset in (("a", first, 0), ("b", second, len(first["document"]["text"]) + len(sep))):
        original = d["document"].get("published")
        days = (date.fromisoformat(published) - date.fromisoformat(original[:10])).days \
            if original and re.fullmatch(r"\d{4}-\d{2}-\d{2}", original[:10]) else 0
        parts.append(_part(d, prefix, offset, days))
    joined: dict[str, Any] = {k: [x for p in parts for x in p[k]] for k in
                              ("entities", "claims", "events", "quantities", "times", "predicates")}
    joined["entities"] = [_renamed_entity(e, block) for e in joined["entities"]]
    for claim in joined["claims"]:
        claim["content"] = {**claim["content"], "text": rename_content(claim["content"]["text"], block)}
    joined["document"] = {"text": text, "published": published, "language": "en",
                          "excluded": [x for p in parts for x in p["excluded"]],
                          "title": first["document"].get("title")}
    joined["version"] = first.get("version", ANALYSIS_VERSION)
    return joined


# -- the documents -------------------------------------------------------------------------------


def _pairs(count: int, rng: Random) -> list[tuple[int, int]]:
    pairs = list(combinations(range(count), 2))
    rng.shuffle(pairs)
    return pairs


def generate(bases: list[Analysis], plan: CorpusPlan, start: int = 0) -> Iterator[Generated]:
    """The documents of a synthetic store, in publication order (see the module's docstring), from
    document `start` on: those before it are passed over without being made, and the ones after are
    the same as a run from the first (a benchmark resumed on a store written that far)."""
    if len(bases) < 3:
        raise ValueError("a synthetic store needs at least 3 analysed texts")
    rng = Random(plan.seed)
    dicts = [b.to_dict() for b in bases]
    pairs = _pairs(len(dicts), rng)
    # the recent originals (their index, analysis made when first needed, and outlets), for reprints:
    # a day's worth is kept
    made: deque[tuple[int, Callable[[], dict[str, Any]], set[str]]] = deque(maxlen=plan.per_day)
    original = 0
    for i in range(plan.documents):
        day = (START_DAY + timedelta(days=i // plan.per_day)).isoformat()
        block = i // plan.block
        outlet = f"outlet{rng.randrange(plan.outlets):03d}.example"
        if made and rng.random() < plan.copy_share:
            back = rng.randrange(len(made))
            source_index, source, used = made[-1 - back]
            while outlet in used:  # one publication per outlet: the same outlet again is a duplicate
                outlet = f"outlet{(int(outlet[6:9]) + 1) % plan.outlets:03d}.example"
            used.add(outlet)
            if i < start:
                continue
            d = {**source(), "document": {**source()["document"], "published": day}}
            reprint_of = source_index
        else:
            first, second = pairs[original % len(pairs)]
            round_ = original // len(pairs)  # past every pair: the same pair again under new names
            joined = cache(partial(join, dicts[first], dicts[second], published=day,
                                   block=block + round_ * 100_000))
            made.append((original, joined, {outlet}))
            original += 1
            if i < start:
                continue
            d = joined()
            reprint_of = None
        d["document"] = {**d["document"], "url": f"https://{outlet}/{day.replace('-', '/')}/story-{i}"}
        yield Generated(analysis_from_dict(d), outlet, reprint_of)
