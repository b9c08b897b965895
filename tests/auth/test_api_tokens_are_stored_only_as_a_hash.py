from sqlalchemy.engine import Engine

from rightcare.auth.models import ApiToken
from rightcare.auth.passwords import generate_token, hash_token, token_matches
from rightcare.storage.engine import make_sessionmaker


def test_a_token_is_stored_as_its_sha256_and_found_by_it(engine: Engine) -> None:
    token, token_hash = generate_token()
    assert token.startswith("rc_") and len(token_hash) == 64
    with make_sessionmaker(engine).begin() as session:
        session.add(
            ApiToken(name="cad", token_hash=token_hash, scopes=["assess"], created_by="admin")
        )
    with make_sessionmaker(engine)() as session:
        stored = session.query(ApiToken).filter_by(token_hash=hash_token(token)).one()
        assert stored.scopes == ["assess"]
        assert stored.active
        assert token not in {stored.token_hash, stored.name}
        assert token_matches(token, stored.token_hash)
        assert not token_matches(token + "x", stored.token_hash)
