"""`rightcare users`: a password the command makes up (no terminal, no file) is one-time, and
the line that shows it says it must be changed at first sign-in; a password from a file is the
person's to keep unless `--one-time` says otherwise."""

from __future__ import annotations

from pathlib import Path

from tests.auth.test_the_users_command_manages_accounts import (
    password_file,
    stored,
    url,
    users,
)

__all__ = ["password_file", "url"]


def _made_up(output: str) -> str:
    return output.strip().splitlines()[-1].rsplit(" ", 1)[-1]


def test_a_made_up_password_for_a_new_account_must_be_changed(url: str) -> None:
    result = users("add", "hal", "--name", "Hal", "--role", "call_handler")
    assert result.exit_code == 0, result.output
    assert "must change it when they first sign in" in result.stdout
    assert len(_made_up(result.stdout)) >= 20
    assert stored(url, "hal").password_must_change


def test_a_password_from_a_file_is_kept_unless_one_time_is_asked(
    url: str, password_file: Path
) -> None:
    kept = users(
        "add", "hal", "--name", "Hal", "--role", "call_handler", "--password-file", password_file
    )
    assert kept.exit_code == 0, kept.output
    assert "must change" not in kept.stdout
    assert not stored(url, "hal").password_must_change

    once = users("set-password", "hal", "--password-file", password_file, "--one-time")
    assert once.exit_code == 0, once.output
    assert "hal must change this password when they first sign in" in once.stdout
    assert stored(url, "hal").password_must_change

    again = users("set-password", "hal", "--password-file", password_file)
    assert again.exit_code == 0, again.output
    assert not stored(url, "hal").password_must_change


def test_a_made_up_reset_must_be_changed(url: str, password_file: Path) -> None:
    assert (
        users(
            "add",
            "hal",
            "--name",
            "Hal",
            "--role",
            "call_handler",
            "--password-file",
            password_file,
        ).exit_code
        == 0
    )
    result = users("set-password", "hal")
    assert result.exit_code == 0, result.output
    assert "must change it when they first sign in" in result.stdout
    assert stored(url, "hal").password_must_change


def test_enabling_with_a_made_up_password_makes_it_one_time(url: str) -> None:
    assert users("add", "admin", "--name", "A", "--role", "admin").exit_code == 0
    assert users("add", "hal", "--name", "Hal", "--role", "call_handler").exit_code == 0
    assert users("disable", "hal").exit_code == 0
    refused = users("enable", "hal", "--one-time")  # no new password to be one-time
    assert refused.exit_code == 2
    assert "--one-time is about a new password" in refused.stderr
    result = users("enable", "hal", "--new-password")
    assert result.exit_code == 0, result.output
    assert "must change it when they first sign in" in result.stdout
    assert stored(url, "hal").password_must_change
    assert users("list", "--json").stdout.count('"must_change_password": true') == 2
