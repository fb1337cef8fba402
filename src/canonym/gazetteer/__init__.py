"""The gazetteer: canonical entities, their data files, loading, validation and index."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from canonym.gazetteer.index import AliasIndex
from canonym.gazetteer.model import Entity, EntityTable

__all__ = ["Entity", "EntityTable", "Gazetteer"]


class Gazetteer:
    """A set of canonical entities with their aliases.

    Build one with :meth:`builtin` or :meth:`load`; iterate it for :class:`Entity` objects.
    """

    def __init__(self, entities: Iterable[Entity], *, paths: tuple[str, ...] = (), builtin: bool = False) -> None:
        if isinstance(entities, EntityTable):
            table = entities
        else:
            # One entity per id, the last one given winning, in order of first appearance.
            table = EntityTable.from_entities({e.id: e for e in entities}.values())
        self._table = table
        self._positions: dict[str, int] | None = None
        self._index: AliasIndex | None = None
        self.paths = paths
        self.includes_builtin = builtin

    @classmethod
    def _from_index(cls, index: AliasIndex, *, paths: tuple[str, ...], builtin: bool) -> Gazetteer:
        gazetteer = cls(index.entities, paths=paths, builtin=builtin)
        gazetteer._index = index
        gazetteer._positions = index.by_id
        return gazetteer

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

    @property
    def _by_id(self) -> dict[str, int]:
        if self._positions is None:
            self._positions = {entity_id: i for i, entity_id in enumerate(self._table.ids)}
        return self._positions

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or ``None``."""
        position = self._by_id.get(entity_id)
        return None if position is None else self._table[position]

    def __getitem__(self, entity_id: str) -> Entity:
        return self._table[self._by_id[entity_id]]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    @property
    def index(self) -> AliasIndex:
        """The lookup index, built on first use."""
        if self._index is None:
            self._index = AliasIndex.build(self._table)
        return self._index

    def validate(self) -> list[str]:
        """Cross-entity checks (collisions, redundant aliases, homoglyphs, references).

        Returns:
            One message per problem; empty when the gazetteer is clean.
        """
        from canonym.gazetteer.lint import lint_entities

        return [str(p) for p in lint_entities(list(self))]
