"""Resolver settings: frozen, keyword-only, with a JSON round trip."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from canonym.errors import ConfigError


@dataclass(frozen=True, kw_only=True, slots=True)
class MatchConfig:
    """How the resolver decides.

    Attributes:
        fuzzy: run the fuzzy tier when the exact, alias and key tiers find nothing.
        scorer: the rapidfuzz scorer for name parts (named, never implicit).
        score_cutoff: minimum fuzzy name similarity (0..1) to accept a candidate.
        min_gap: minimum lead of the best entity over the second for a fuzzy match;
            closer calls are reported as ambiguous.
        part_cutoff: minimum similarity (0..1) for two name parts to align.
        max_candidates: cap on blocked candidates scored per fuzzy query.
        limit: how many other candidates a match reports.
        types: restrict matches to these entity types (empty = all).
    """

    fuzzy: bool = True
    scorer: str = "ratio"
    score_cutoff: float = 0.86
    min_gap: float = 0.04
    part_cutoff: float = 0.78
    max_candidates: int = 400
    limit: int = 5
    types: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.scorer not in ("ratio", "token_sort_ratio"):
            raise ConfigError(f"scorer: {self.scorer!r} is not one of 'ratio', 'token_sort_ratio'")
        for name in ("score_cutoff", "min_gap", "part_cutoff"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ConfigError(f"{name}: {value!r} must be between 0 and 1")
        if self.max_candidates < 1 or self.limit < 0:
            raise ConfigError("max_candidates must be >= 1 and limit >= 0")

    def to_dict(self) -> dict[str, Any]:
        """The settings as plain JSON-ready values."""
        data = asdict(self)
        data["types"] = list(self.types)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MatchConfig:
        """Build settings from a mapping; unknown keys are an error."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s) {', '.join(map(repr, unknown))}; known: {', '.join(sorted(known))}")
        values = dict(data)
        if "types" in values:
            values["types"] = tuple(values["types"])
        return cls(**values)

    @classmethod
    def from_json(cls, path: str | Path) -> MatchConfig:
        """Read settings from a JSON file."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read settings: {exc}") from exc
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: settings must be a JSON object")
        return cls.from_dict(data)
