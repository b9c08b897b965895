"""An invalid pack is refused whole and the last good policy stays in use."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rightcare.engine.errors import PackError
from rightcare.engine.store import PolicyHolder, default_pack_dir


def test_a_failed_reload_keeps_the_last_good_policy(tmp_path: Path) -> None:
    pack = tmp_path / "national"
    shutil.copytree(default_pack_dir(), pack)
    holder = PolicyHolder(pack=pack, overlays=[])
    good = holder.current
    welfare = pack / "welfare.yaml"
    welfare.write_text(
        welfare.read_text("utf-8").replace("then: CFW-GEN", "then: CFW-GNE"), "utf-8"
    )
    with pytest.raises(PackError, match="unknown disposition `CFW-GNE`"):
        holder.reload()
    assert holder.current is good
    welfare.write_text(
        welfare.read_text("utf-8").replace("then: CFW-GNE", "then: CFW-GEN"), "utf-8"
    )
    assert holder.reload().base.digest == good.base.digest


def test_the_digest_changes_when_the_policy_text_changes(tmp_path: Path) -> None:
    pack = tmp_path / "national"
    shutil.copytree(default_pack_dir(), pack)
    before = PolicyHolder(pack=pack, overlays=[]).current.base.digest
    index = pack / "pack.yaml"
    index.write_text(
        index.read_text("utf-8").replace(
            "Is this domestic abuse?", "Is this domestic abuse or stalking?"
        ),
        "utf-8",
    )
    assert PolicyHolder(pack=pack, overlays=[]).current.base.digest != before
