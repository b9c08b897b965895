import hashlib
from importlib import resources


def test_the_bundled_vocabulary_is_the_models_own_unchanged() -> None:
    data = resources.files("rightcare.narrative").joinpath("similar_data/vocab.txt").read_bytes()
    assert len(data.splitlines()) == 30522
    assert (
        hashlib.sha256(data).hexdigest()
        == "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
    )
