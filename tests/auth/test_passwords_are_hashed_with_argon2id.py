from rightcare.auth.passwords import hash_password, needs_rehash, verify_password


def test_a_password_hash_is_argon2id_and_verifies() -> None:
    hashed = hash_password("correct horse battery staple")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "correct horse battery staple")
    assert not needs_rehash(hashed)


def test_a_wrong_password_does_not_verify() -> None:
    assert not verify_password(hash_password("right"), "wrong")


def test_the_same_password_hashes_differently_each_time() -> None:
    assert hash_password("same") != hash_password("same")


def test_a_missing_or_corrupt_hash_never_verifies() -> None:
    assert not verify_password(None, "anything")
    assert not verify_password("", "anything")
    assert not verify_password("not-a-hash", "anything")
