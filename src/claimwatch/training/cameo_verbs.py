"""PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt) read and coded in PLOVER through the crosswalk.

The verb blocks and their patterns (format: ../shared/data/cameo/dictionaries-format.rst) become, for
each verb lemma or particle verb, the PLOVER reading it has alone and the readings its patterns give
(claimwatch.training.dictionaries writes them to lexicons/events_cameo_verbs.json).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class VerbEntry:
    """One verb of the CAMEO dictionary: its default code and the patterns that refine it."""

    code: str | None
    patterns: list[dict] = field(default_factory=list)


@dataclass
class CameoVerbs:
    """The parsed verb dictionary: lemma (or "verb particle") → entry."""

    verbs: dict[str, VerbEntry]
    licence: str


def strip_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body.strip(), comment.strip()


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """`&NAME` followed by `+WORD` lines → NAME: the head words (lower case, last word of a phrase)."""
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        body, _ = strip_comment(raw)
        if body.startswith("&"):
            current = body[1:].rstrip("_")
            synsets[current] = []
        elif body.startswith("+") and current is not None:
            synsets[current].append(_head_word(body[1:]))
        elif body:
            current = None
    return synsets


def _head_word(phrase: str) -> str:
    """The last word of an underscored phrase, lower case, without CAMEO's no-plural mark."""
    words = [w for w in phrase.strip("_").replace("+", "").split("_") if w]
    return words[-1].lower() if words else ""


_CODE = re.compile(r"\[([^\]]*)\]")
_BRACES = re.compile(r"\{[^}]*\}")


def _code(text: str) -> str | None:
    """The first CAMEO code in `[...]`; `---` (no event) is None."""
    match = _CODE.search(text)
    if not match:
        return None
    code = match.group(1).split(":")[0].strip()
    return code if code and code != "---" and code.isdigit() else None


def _verb_key(word: str) -> str | None:
    """`FIND` → "find"; `+BRING_OUT` → "bring out"; a compound with its verb last (`WIRE_+TAP`) is
    left out: the parser rarely sees it as one verb."""
    word = word.strip().rstrip("_")
    if not word or not word[0].isalpha() and word[0] != "+":
        return None
    parts = word.split("_")
    if len(parts) == 1:
        return parts[0].lstrip("+").lower() or None
    if not parts[0].startswith("+"):
        return None
    return " ".join(p.lstrip("+").lower() for p in parts if p)


def _expand(token: str, synsets: dict[str, list[str]]) -> list[str]:
    if token.startswith("&"):
        return synsets.get(token[1:].rstrip("_"), [])
    word = _head_word(token)
    return [word] if word else []


def parse_pattern(body: str, synsets: dict[str, list[str]]) -> dict | None:
    """`- PRE * POST (PREP NOUN) [CODE]` → {"code", "subject", "object", "preps"}; None when the
    pattern cannot be read. Markers of source, target and skipped words ($ + % ^) are dropped."""
    code_match = _CODE.search(body)
    if not code_match:
        return None
    text = body[1:code_match.start()].strip()
    if "*" not in text:
        return None
    pre, _, post = text.partition("*")
    preps: list[list] = []

    def take_preps(part: str) -> str:
        for group in re.findall(r"\(([^)]*)\)", part):
            words = _BRACES.sub(lambda m: m.group(0).split()[-1].rstrip("}"), group).split()
            words = [w for w in words if w not in ("+", "$", "%", "^")]
            if words:
                nouns = _expand(words[-1], synsets) if len(words) > 1 else []
                preps.append([words[0].lower(), sorted(set(nouns))])
        return re.sub(r"\([^)]*\)", " ", part)

    def heads(part: str) -> list[str]:
        part = _BRACES.sub(lambda m: m.group(0)[1:-1].split()[-1] if m.group(0)[1:-1].split() else "", part)
        words = [w for w in part.split() if w not in ("+", "$", "%", "^") and w.strip("+$%^")]
        return sorted(set(_expand(words[-1].strip("+$%^"), synsets))) if words else []

    pre, post = take_preps(pre), take_preps(post)
    pattern = {"code": _code(body[code_match.start():]), "subject": heads(pre), "object": heads(post),
               "preps": preps}
    if not (pattern["subject"] or pattern["object"] or pattern["preps"]):
        return None
    return pattern


def read_verbs(path: Path) -> CameoVerbs:
    """The verb blocks of CAMEO.2.0.txt: every verb with its code (its own, else its block's) and
    the patterns of its block. A pattern whose comment names one verb of the block applies to
    that verb only: that is the verb it was written for."""
    text = path.read_text(encoding="latin-1")
    lines = text.splitlines()
    licence = "\n".join(line[1:].strip() for line in lines if line.startswith("#"))
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    end = next((i for i, line in enumerate(lines) if "TRANSFORMATIONS" in line), len(lines))
    synsets = read_synsets(lines[:start])
    verbs: dict[str, VerbEntry] = {}
    block_code: str | None = None
    block_verbs: dict[str, str] = {}  # surface name in comments → key

    inherited: dict[str, str] = {}  # verb key → the block it took its code from
    block_name = ""
    for raw in lines[start + 1:end]:
        if raw.startswith("---"):
            block_code = _code(raw)
            block_name = raw.strip("- ").split("[")[0].strip().upper()
            block_verbs = {}
            continue
        body, comment = strip_comment(raw)
        if not body:
            continue
        if body.startswith("-"):
            pattern = parse_pattern(body, synsets)
            if pattern is None:
                continue
            named = block_verbs.get(comment.split()[0].upper()) if comment else None
            for key in ([named] if named else set(block_verbs.values())):
                verbs[key].patterns.append(pattern)
            continue
        word = _BRACES.sub("", body).split("[")[0].split()
        if not word:
            continue
        key = _verb_key(word[0])
        if key is None:
            continue
        own = _code(body) if "[" in body else None
        entry = verbs.setdefault(key, VerbEntry(own or block_code))
        if own:
            entry.code = own
        elif key not in inherited and entry.code == block_code:
            inherited[key] = block_name
        block_verbs[word[0].lstrip("+").split("_")[0].upper()] = key
        block_verbs[word[0].lstrip("+").upper()] = key
    # A block named by one of its own verbs groups that verb's synonyms, which share its code; a
    # block with another name ("OVERSEE_MANAGE", "MEET_PEOPLE") groups a field of loosely related
    # verbs ("lead", "face"), whose code only holds with the block's patterns.
    headed = {name for name in set(inherited.values()) if _verb_key(name) in verbs}
    for key, name in inherited.items():
        if name not in headed:
            verbs[key].code = None
    return CameoVerbs(verbs, licence)


def read_crosswalk(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code → (PLOVER type, mode) from CAMEO2PLOVER; two-digit roots that name two types
    ("08") are left to their three-digit codes."""
    table: dict[str, tuple[str, str | None]] = {}
    roots: dict[str, set[str]] = defaultdict(set)
    for raw in path.read_text(encoding="utf-8").splitlines():
        body, _ = strip_comment(raw)
        code, sep, rest = body.partition(":")
        if not sep or not code.strip().isdigit():
            continue
        fields = [f.strip() for f in rest.split(",")]
        type_ = fields[0].upper()
        mode = fields[1].replace(" ", "") if len(fields) > 1 and fields[1] else None
        code = code.strip()
        if len(code) == 2:
            roots[code].add(type_)
        else:
            table[code] = (type_, mode or None)
    for code, types in roots.items():
        if len(types) == 1:
            table.setdefault(code, (types.pop(), None))
    return table


def plover_of(code: str | None, crosswalk: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The PLOVER (type, mode) of a CAMEO code, by its longest prefix in the crosswalk; codes the
    crosswalk leaves out (01 statements, 02 appeals) are no event."""
    while code:
        if code in crosswalk:
            return crosswalk[code]
        code = code[:-1]
    return None


def compile_verbs(verbs: CameoVerbs, crosswalk: dict[str, tuple[str, str | None]]) -> dict:
    """The JSON lexicon: per verb its default reading and its patterns, as PLOVER readings."""
    out: dict[str, dict] = {}
    for key, entry in sorted(verbs.verbs.items()):
        default = plover_of(entry.code, crosswalk)
        patterns = []
        for pattern in entry.patterns:
            reading = plover_of(pattern["code"], crosswalk)
            patterns.append({"subject": pattern["subject"], "object": pattern["object"],
                             "preps": pattern["preps"], "reading": list(reading) if reading else None,
                             "cameo": pattern["code"]})
        if default is None and not any(p["reading"] for p in patterns):
            continue
        out[key] = {"reading": list(default) if default else None, "cameo": entry.code, "patterns": patterns}
    return {
        "about": ("CAMEO verbs and patterns of PETRARCH2's CAMEO.2.0.txt, coded in PLOVER through "
                  "CAMEO2PLOVER-2021. Generated by claimwatch.training.dictionaries: do not edit."),
        "licence": _mit_notice(verbs.licence),
        "verbs": out,
    }


def _mit_notice(header: str) -> str:
    start = header.find("The MIT License")
    return header[start:].strip() if start >= 0 else header
