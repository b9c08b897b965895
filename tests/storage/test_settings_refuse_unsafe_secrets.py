from pathlib import Path

import pytest

from rightcare.settings import Settings, SettingsError, get_settings, load_settings

GOOD = "k3P9w-QxZ7vR2mL8nT4yB6cD1fH5jS0aE"


def test_a_placeholder_secret_is_refused_outside_demo_mode() -> None:
    for placeholder in ("", "changeme", "please-change-this-secret-key-now!!", "x" * 40):
        with pytest.raises(SettingsError, match="RIGHTCARE_SECRET_KEY"):
            load_settings({"RIGHTCARE_SECRET_KEY": placeholder})


def test_a_strong_secret_is_accepted() -> None:
    settings = load_settings({"RIGHTCARE_SECRET_KEY": GOOD})
    assert settings.require_secret_key() == GOOD
    assert GOOD not in repr(settings)


def test_the_secret_can_come_from_a_file(tmp_path: Path) -> None:
    secret_file = tmp_path / "secret"
    secret_file.write_text(GOOD + "\n")
    settings = load_settings({"RIGHTCARE_SECRET_KEY_FILE": str(secret_file)})
    assert settings.require_secret_key() == GOOD


def test_a_placeholder_in_the_secret_file_is_refused(tmp_path: Path) -> None:
    secret_file = tmp_path / "secret"
    secret_file.write_text("changeme\n")
    with pytest.raises(SettingsError, match="RIGHTCARE_SECRET_KEY_FILE"):
        load_settings({"RIGHTCARE_SECRET_KEY_FILE": str(secret_file)})


def test_a_missing_secret_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot read RIGHTCARE_SECRET_KEY_FILE"):
        load_settings({"RIGHTCARE_SECRET_KEY_FILE": str(tmp_path / "absent")})


def test_no_secret_outside_demo_mode_is_refused_when_one_is_needed() -> None:
    settings = load_settings({})
    with pytest.raises(SettingsError, match="no secret key"):
        settings.require_secret_key()


def test_demo_mode_generates_one_secret_shared_by_every_worker(tmp_path: Path) -> None:
    environ = {"RIGHTCARE_DEMO": "1", "RIGHTCARE_DATA_DIR": str(tmp_path)}
    first = load_settings(environ)
    second = load_settings(environ)
    assert first.demo
    assert len(first.require_secret_key()) >= 32
    assert first.require_secret_key() == second.require_secret_key()


def test_the_default_database_is_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    settings = load_settings({"RIGHTCARE_DATA_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path / 'rightcare.db'}"


def test_a_plain_postgresql_url_is_read_as_psycopg_3() -> None:
    settings = load_settings({"RIGHTCARE_DATABASE_URL": "postgresql://rc@db/rightcare"})
    assert settings.database_url == "postgresql+psycopg://rc@db/rightcare"


def test_a_demo_flag_that_is_not_yes_or_no_is_refused() -> None:
    with pytest.raises(SettingsError, match="RIGHTCARE_DEMO"):
        load_settings({"RIGHTCARE_DEMO": "maybe"})


def test_settings_are_read_once_and_can_be_overridden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RIGHTCARE_DATABASE_URL", "sqlite:///first.db")
    get_settings.cache_clear()
    try:
        assert get_settings().database_url == "sqlite:///first.db"
        monkeypatch.setenv("RIGHTCARE_DATABASE_URL", "sqlite:///second.db")
        assert get_settings().database_url == "sqlite:///first.db"
        with get_settings.override(Settings(database_url="sqlite:///injected.db")):
            assert get_settings().database_url == "sqlite:///injected.db"
        get_settings.cache_clear()
        assert get_settings().database_url == "sqlite:///second.db"
    finally:
        get_settings.cache_clear()
