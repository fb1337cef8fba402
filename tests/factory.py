"""Shared builders for the tests: the fixture gazetteer, a resolver on it, ``meet``, and the
entities and clusters a tagger gives the surfaces of a text or of several documents.

``meet(a, b)`` is the contract of the variant tables: two spellings *meet* when the public
normalizer gives them the same :func:`canonym.name_key`, or when the resolver's own fuzzy
score would accept either one as a spelling of the other (see :func:`fuzzy_score`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from canonym import Gazetteer, MatchConfig, Resolver, Tagger, name_key
from canonym.normalize.names import without_soft_title
from canonym.resolver import name_similarity

#: The fixture gazetteer: one YAML file per entity under per/, org/ and loc/.
FIXTURE_GAZETTEER = Path(__file__).resolve().parent / "fixtures" / "gazetteer"

DEFAULT_CONFIG = MatchConfig()


@cache
def fixture_gazetteer() -> Gazetteer:
    """The fixture gazetteer alone (no built-in data), loaded once per test session."""
    return Gazetteer.load(str(FIXTURE_GAZETTEER), builtin=False)


def fixture_resolver(**settings: object) -> Resolver:
    """A resolver on the fixture gazetteer; keyword settings override ``MatchConfig``."""
    return Resolver(fixture_gazetteer(), **settings)


def fixture_names() -> list[str]:
    """Every name (strong and weak) of the fixture gazetteer, sorted."""
    return sorted({name for entity in fixture_gazetteer() for name, _ in entity.names()})


def resolved_row(resolver: Resolver, name: str | None) -> tuple[object, ...]:
    """The row of ``resolve_many``'s table that ``resolver.resolve(name)`` implies."""
    match = resolver.resolve(name) if name else None
    if match is None:
        return (name, None, None, None, 0.0, "nil", [])
    entity = match.entity
    return (
        name, match.entity_id, entity and entity.name, entity and entity.type, match.score, match.method,
        list(match.candidates),
    )


def part_keys(name: str, *, person: bool = False) -> tuple[str, ...]:
    """The transliteration key of each name part, as the resolver computes them.

    ``name_key`` is the parts of :func:`canonym.normalize.parse_name` keyed one by one
    (:func:`canonym.normalize.token_key`, acronyms kept as written) and joined by spaces;
    parts never contain a space, so splitting it gives the part keys back.
    """
    key = name_key(name, person=person)
    return tuple(key.split(" ")) if key is not None else ()


def fuzzy_score(query: str, candidate: str, config: MatchConfig = DEFAULT_CONFIG) -> float:
    """The resolver's fuzzy score of ``query`` against one alias ``candidate``.

    Exactly what ``Resolver._fuzzy`` computes for a strong alias: both names are parsed with
    :func:`canonym.normalize.parse_name`, each part is keyed with
    :func:`canonym.normalize.token_key` (see :func:`part_keys`), the parts are aligned in order by
    :func:`canonym.resolver.name_similarity` (with ``config.part_cutoff``), and the score is
    ``q_cov * c_cov ** 0.5``: query coverage counts fully, candidate coverage as its square
    root. (The resolver multiplies by 0.95 for a weak alias; ``meet`` compares names, not
    aliases, so no strength applies.) 0.0 when either name has no parts.
    """
    q, c = part_keys(query), part_keys(candidate)
    if not q or not c:
        return 0.0
    q_cov, c_cov = name_similarity(q, c, config.part_cutoff)
    return q_cov * c_cov**0.5


def meet(a: str, b: str, config: MatchConfig = DEFAULT_CONFIG) -> bool:
    """Whether two spellings are reconciled by the normalizer.

    True when ``name_key(a) == name_key(b)`` (and not None), also with an honorific that is a
    given name too taken off either ("Sayed Hassan Nasrallah", as the resolver tries it), or
    when the fuzzy score is at least ``config.score_cutoff`` in *both* directions (a as query
    against b as alias, and b against a), so that whichever spelling is in the gazetteer, the
    other one finds it.
    """
    keys_a = {name_key(n) for n in (a, without_soft_title(a)) if n is not None}
    keys_b = {name_key(n) for n in (b, without_soft_title(b)) if n is not None}
    if (keys_a & keys_b) - {None}:
        return True
    cutoff = config.score_cutoff
    return fuzzy_score(a, b, config) >= cutoff and fuzzy_score(b, a, config) >= cutoff


def describe(a: str, b: str) -> str:
    """A one-line account of a pair for failure messages: keys and scores both ways."""
    return (
        f"{a!r} -> {name_key(a)!r}; {b!r} -> {name_key(b)!r}; "
        f"fuzzy {fuzzy_score(a, b):.3f} / {fuzzy_score(b, a):.3f}"
    )


def clusters_by_surface(tagger: Tagger, text: str) -> dict[str, str]:
    """The cluster of each surface ``tagger`` finds in ``text`` (one document), offsets checked."""
    mentions = tagger.tag(text, "d")
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    return {m.surface: m.cluster_id for m in mentions}


def types_and_clusters_by_surface(tagger: Tagger, text: str) -> dict[str, tuple[str, str | None]]:
    """The type and cluster of each surface ``tagger`` finds in ``text`` (one document), offsets checked."""
    mentions = tagger.tag(text, "d")
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    return {m.surface: (m.type, m.cluster_id) for m in mentions}


def entities_by_surface(tagger: Tagger, text: str) -> dict[str, str | None]:
    """The entity id (None when unlinked) of each surface ``tagger`` finds in ``text`` (one document)."""
    return {m.surface: m.entity_id for m in tagger.tag(text, "d")}


def cluster_of(tagger: Tagger, documents: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The cluster of each (document, surface) the tagger finds in ``documents``."""
    return {(m.doc_id, m.surface): m.cluster_id for m in tagger.tag_documents(documents)}
