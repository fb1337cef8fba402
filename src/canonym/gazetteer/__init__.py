"""The gazetteer: canonical entities, their data files, loading, validation and index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from canonym.gazetteer.index import AliasIndex
from canonym.gazetteer.model import Entity

__all__ = ["Entity", "Gazetteer"]


class Gazetteer:
    """A set of canonical entities with their aliases.

    Build one with :meth:`builtin` or :meth:`load`; iterate it for :class:`Entity` objects.
    """

    def __init__(self, entities: list[Entity], *, paths: tuple[str, ...] = (), builtin: bool = False) -> None:
        self._entities = {e.id: e for e in entities}
        self._index: AliasIndex | None = None
        self.paths = paths
        self.includes_builtin = builtin

    @classmethod
    def builtin(cls) -> Gazetteer:
        """The built-in gazetteer shipped with canonym."""
        return cls.load(builtin=True)

    @classmethod
    def load(cls, *paths: str | Path, builtin: bool = True) -> Gazetteer:
        """Load user gazetteer files merged with the built-in one.

        Args:
            paths: tables (CSV/TSV/Parquet/JSONL with ``id`` and ``name`` columns) or
                files and folders in the built-in YAML format.
            builtin: include the built-in gazetteer (``--no-builtin`` turns it off).

        Raises:
            GazetteerError: listing every problem found in the files.
        """
        from canonym.gazetteer.cache import load_cached

        return load_cached(cls, tuple(str(p) for p in paths), builtin)

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or ``None``."""
        return self._entities.get(entity_id)

    def __getitem__(self, entity_id: str) -> Entity:
        return self._entities[entity_id]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities.values())

    def __len__(self) -> int:
        return len(self._entities)

    @property
    def index(self) -> AliasIndex:
        """The lookup index, built on first use."""
        if self._index is None:
            self._index = AliasIndex.build(list(self._entities.values()))
        return self._index

    def validate(self) -> list[str]:
        """Cross-entity checks (collisions, redundant aliases, homoglyphs, references).

        Returns:
            One message per problem; empty when the gazetteer is clean.
        """
        from canonym.gazetteer.lint import lint_entities

        return [str(p) for p in lint_entities(list(self))]
