"""Test-wide settings: built gazetteer indexes go to a temporary cache, never ~/.cache."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point CANONYM_CACHE at a session temp dir, restoring the old value afterwards."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CANONYM_CACHE", str(tmp_path_factory.mktemp("canonym-cache")))
        yield
