"""The entity model of the gazetteer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

#: Entity types of the mention table.
TYPES = ("PER", "ORG", "LOC", "MISC")
#: Folder of each type under ``gazetteer/data``.
TYPE_FOLDERS = {"PER": "per", "ORG": "org", "LOC": "loc", "MISC": "misc"}


@dataclass(frozen=True, slots=True)
class Entity:
    """One canonical entity.

    Attributes:
        id: stable slug.
        type: PER, ORG, LOC or MISC.
        name: canonical display name.
        kind: finer kind (country, city, armed-group, person ...).
        strong: names that identify the entity on their own (``name`` not repeated).
        weak: shared or partial names.
        part_of: id of the containing entity, if any.
        un_ref: UN consolidated list reference number, if any.
        wikidata: Wikidata Q-id, if known.
        description: one short sentence.
        source: the file (and line) the entity was read from, for messages.
    """

    id: str
    type: str
    name: str
    kind: str = ""
    strong: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    part_of: str | None = None
    un_ref: str | None = None
    wikidata: str | None = None
    description: str = ""
    ids: tuple[tuple[str, str], ...] = ()
    sources: tuple[str, ...] = ()
    source: str = field(default="", compare=False)

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every known name of the entity other than ``name``: strong, then weak."""
        return self.strong + self.weak

    def names(self) -> list[tuple[str, bool]]:
        """All names with their strength: ``(name, is_strong)``, canonical name first."""
        return [(self.name, True)] + [(a, True) for a in self.strong] + [(a, False) for a in self.weak]


class EntityTable(Sequence[Entity]):
    """Entities stored column by column; each :class:`Entity` is made on first access.

    A gazetteer of 100k names loads as a dozen flat tuples (cheap to build, store and
    read back) instead of 100k objects; the resolver only ever touches a few of them.
    Columns are never changed after construction.
    """

    __slots__ = (
        "_built",
        "descriptions",
        "ext_ids",
        "ids",
        "kinds",
        "names",
        "part_of",
        "source",
        "sources",
        "strong",
        "types",
        "un_ref",
        "weak",
        "wikidata",
    )

    def __init__(
        self,
        ids: Sequence[str],
        types: Sequence[str],
        names: Sequence[str],
        strong: Sequence[tuple[str, ...]],
        weak: Sequence[tuple[str, ...]] | None = None,
        *,
        kinds: Sequence[str] | None = None,
        part_of: Sequence[str | None] | None = None,
        un_ref: Sequence[str | None] | None = None,
        wikidata: Sequence[str | None] | None = None,
        descriptions: Sequence[str] | None = None,
        ext_ids: Sequence[tuple[tuple[str, str], ...]] | None = None,
        sources: Sequence[tuple[str, ...]] | None = None,
        source: Sequence[str] | None = None,
    ) -> None:
        # Columns are kept as tuples: the collector stops tracking a tuple of strings, so a
        # loaded gazetteer is not walked item by item again by every full collection.
        count = len(ids)
        self.ids: tuple[str, ...] = tuple(ids)
        self.types: tuple[str, ...] = tuple(types)
        self.names: tuple[str, ...] = tuple(names)
        self.strong: tuple[tuple[str, ...], ...] = tuple(strong)
        self.weak: tuple[tuple[str, ...], ...] = tuple(weak) if weak is not None else ((),) * count
        self.kinds: tuple[str, ...] = tuple(kinds) if kinds is not None else ("",) * count
        self.part_of: tuple[str | None, ...] = tuple(part_of) if part_of is not None else (None,) * count
        self.un_ref: tuple[str | None, ...] = tuple(un_ref) if un_ref is not None else (None,) * count
        self.wikidata: tuple[str | None, ...] = tuple(wikidata) if wikidata is not None else (None,) * count
        self.descriptions: tuple[str, ...] = tuple(descriptions) if descriptions is not None else ("",) * count
        self.ext_ids: tuple[tuple[tuple[str, str], ...], ...] = tuple(ext_ids) if ext_ids is not None else ((),) * count
        self.sources: tuple[tuple[str, ...], ...] = tuple(sources) if sources is not None else ((),) * count
        self.source: tuple[str, ...] = tuple(source) if source is not None else ("",) * count
        columns = (
            self.types,
            self.names,
            self.strong,
            self.weak,
            self.kinds,
            self.part_of,
            self.un_ref,
            self.wikidata,
            self.descriptions,
            self.ext_ids,
            self.sources,
            self.source,
        )
        if any(len(column) != count for column in columns):
            raise ValueError("EntityTable columns differ in length")
        #: The entities made so far, by position.
        self._built: dict[int, Entity] = {}

    @classmethod
    def from_entities(cls, entities: Iterable[Entity]) -> EntityTable:
        """A table holding ``entities`` (already built, so they are kept as they are)."""
        built = list(entities)
        table = cls(
            [e.id for e in built],
            [e.type for e in built],
            [e.name for e in built],
            [e.strong for e in built],
            [e.weak for e in built],
            kinds=[e.kind for e in built],
            part_of=[e.part_of for e in built],
            un_ref=[e.un_ref for e in built],
            wikidata=[e.wikidata for e in built],
            descriptions=[e.description for e in built],
            ext_ids=[e.ids for e in built],
            sources=[e.sources for e in built],
            source=[e.source for e in built],
        )
        table._built = dict(enumerate(built))
        return table

    def _make(self, i: int) -> Entity:
        entity = self._built.get(i)
        if entity is None:
            entity = Entity(
                self.ids[i],
                self.types[i],
                self.names[i],
                self.kinds[i],
                self.strong[i],
                self.weak[i],
                self.part_of[i],
                self.un_ref[i],
                self.wikidata[i],
                self.descriptions[i],
                self.ext_ids[i],
                self.sources[i],
                self.source[i],
            )
            self._built[i] = entity
        return entity

    @overload
    def __getitem__(self, i: int) -> Entity: ...

    @overload
    def __getitem__(self, i: slice) -> list[Entity]: ...

    def __getitem__(self, i: int | slice) -> Entity | list[Entity]:
        if isinstance(i, slice):
            return [self._make(j) for j in range(*i.indices(len(self.ids)))]
        return self._make(i if i >= 0 else i + len(self.ids))

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[Entity]:
        make = self._make
        return (make(i) for i in range(len(self.ids)))

    def __getstate__(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__slots__ if name != "_built"}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        self._built = {}

    def concat(self, other: EntityTable) -> EntityTable:
        """The entities of ``self`` followed by those of ``other``."""
        table = EntityTable(
            self.ids + other.ids,
            self.types + other.types,
            self.names + other.names,
            self.strong + other.strong,
            self.weak + other.weak,
            kinds=self.kinds + other.kinds,
            part_of=self.part_of + other.part_of,
            un_ref=self.un_ref + other.un_ref,
            wikidata=self.wikidata + other.wikidata,
            descriptions=self.descriptions + other.descriptions,
            ext_ids=self.ext_ids + other.ext_ids,
            sources=self.sources + other.sources,
            source=self.source + other.source,
        )
        offset = len(self)
        table._built = {**self._built, **{offset + i: entity for i, entity in other._built.items()}}
        return table
