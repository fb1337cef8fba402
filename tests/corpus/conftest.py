"""Fixtures of the corpus tests."""

from __future__ import annotations

import pytest

from canonym import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    """A tagger on the built-in gazetteer, one per test module."""
    return Tagger()
