"""The entity model of the gazetteer."""

from __future__ import annotations

from dataclasses import dataclass, field

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
