"""canonym: entity resolution and transliteration normalization for the security field.

One person, group or place is spelled ten ways across sources (al-Qaeda, al-Qaida,
al-Qa'ida; Qassem Soleimani, Qasem Suleimani). canonym keeps a gazetteer of canonical
entities, reconciles every spelling it meets with them, and writes mention tables.

>>> import canonym
>>> canonym.name_key("Qasem Suleimani") == canonym.name_key("Qassem Soleimani")
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from canonym.config import MatchConfig
from canonym.errors import CanonymError, ConfigError, GazetteerError, InputError
from canonym.gazetteer import Entity, Gazetteer
from canonym.normalize import fold, fold_with_offsets, name_key
from canonym.resolver import Match, Resolver

if TYPE_CHECKING:
    from canonym.corpus.mentions import Mention
    from canonym.corpus.tagger import Tagger

__version__ = "0.1.0"

__all__ = [
    "CanonymError",
    "ConfigError",
    "Entity",
    "Gazetteer",
    "GazetteerError",
    "InputError",
    "Match",
    "MatchConfig",
    "Mention",
    "Resolver",
    "Tagger",
    "fold",
    "fold_with_offsets",
    "name_key",
]


def __getattr__(name: str) -> Any:
    # The tagger pulls in polars; load it only when asked for.
    if name == "Tagger":
        from canonym.corpus.tagger import Tagger

        return Tagger
    if name == "Mention":
        from canonym.corpus.mentions import Mention

        return Mention
    raise AttributeError(f"module 'canonym' has no attribute {name!r}")
