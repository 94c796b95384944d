"""The PolNeAR corpus of attributions (Newell, Margolin & Ruths, LREC 2018): reader and matching criterion.

A PolNeAR split folder holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann` (BRAT standoff,
see ../shared/data/README.md) and may sit next to a `metadata.tsv` with publication dates. Each
attribution has character pieces for its source, cue and content. Both training
(claimwatch.training.attribution labels candidates by it) and evaluation (claimwatch.evaluation.polnear
scores claims by it) read the corpus here and match a predicted attribution to a gold one the same
way: their cues overlap and their contents' words (runs of letters and digits, so that punctuation
and a leading "that" or closing quote cost little) agree with F1 >= 0.5.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimwatch.model import Document, Span

#: A word of the corpus's scoring: a run of letters, digits or underscores.
_WORD = re.compile(r"\w+")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d; ]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
#: Gold roles of an E line; "Content2" is a second piece of the content, "source" a lower-cased variant.
_ROLE_OF = {"source": "source", "cue": "cue", "content": "content", "content2": "content"}
#: The F1 of their words from which two contents agree.
CONTENT_MATCH_F1 = 0.5


@dataclass
class Attribution:
    """One attribution: each role a list of character pieces (empty when absent)."""

    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of one BRAT file. Span texts may run over several lines, so only
    lines that start like a T or E record are read."""
    spans: dict[str, list[Span]] = {}
    links: list[dict[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := _T_LINE.match(line):
            pieces = [p.split() for p in m.group(3).split(";")]
            spans[m.group(1)] = [(int(p[0]), int(p[1])) for p in pieces if len(p) == 2]
        elif m := _E_LINE.match(line):
            roles: dict[str, list[str]] = {}
            for part in m.group(2).split():
                role, _, ref = part.partition(":")
                key = _ROLE_OF.get(role.lower())
                if key:
                    roles.setdefault(key, []).append(ref)
            links.append(roles)
    result = []
    for roles in links:
        found = {k: sorted(s for ref in refs for s in spans.get(ref, [])) for k, refs in roles.items()}
        if found.get("content"):
            result.append(Attribution(found.get("source", []), found.get("cue", []), found["content"]))
    return result


def choose_annotations(folder: Path) -> dict[str, Path]:
    """One annotation file per article: where two annotators did it, the first by file name."""
    chosen: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        chosen.setdefault(path.stem.rsplit("_", 1)[0], path)
    return chosen


def read_published(folder: Path) -> dict[str, str]:
    """Publication dates by article name from the corpus's metadata.tsv (beside or above DIR)."""
    for candidate in (folder / "metadata.tsv", folder.parent / "metadata.tsv"):
        if candidate.exists():
            with candidate.open(encoding="utf-8", newline="") as handle:
                rows = csv.DictReader(handle, delimiter="\t")
                return {r["filename"]: r["publication_date"] for r in rows if r.get("publication_date")}
    return {}


def load(folder: Path) -> Iterator[tuple[str, Document, list[Attribution]]]:
    """(name, document, gold attributions) for every annotated article of the folder."""
    dates = read_published(folder)
    for name, ann in choose_annotations(folder).items():
        text_path = folder / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        yield name, Document(text=text, published=dates.get(name)), read_ann(ann)


def word_spans(text: str) -> list[Span]:
    """The character spans of the words of a text, as the corpus's scoring counts them."""
    return [m.span() for m in _WORD.finditer(text)]


def words_in(words: list[Span], pieces: Iterable[Span]) -> set[int]:
    """Indices of the words that lie inside one of the pieces (a word counts by its first character)."""
    starts = [w[0] for w in words]
    found: set[int] = set()
    for start, end in pieces:
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        found.update(range(lo, hi))
    return found


def overlaps(a: Iterable[Span], b: Iterable[Span]) -> bool:
    """Whether any piece of `a` overlaps any piece of `b` (how cues, and sources, match)."""
    b = list(b)
    return any(x[0] < y[1] and y[0] < x[1] for x in a for y in b)


def content_f1(predicted: set[int], gold: set[int]) -> float:
    """The F1 of two contents' words (indices from words_in): precision over `predicted`, recall over `gold`."""
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(gold) if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def contents_agree(predicted: set[int], gold: set[int]) -> bool:
    """Whether two contents' words agree, as a predicted attribution must with a gold one to match it."""
    return content_f1(predicted, gold) >= CONTENT_MATCH_F1
