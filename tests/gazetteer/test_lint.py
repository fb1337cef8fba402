"""Tests for canonym.gazetteer.lint: the cross-file gate of an alias pull request.

The contract: every problem is one ``path:line: field: message`` line that names the value,
the other file when there is one, and the fix; ``_allow.yml`` accepts a collision only with a
reason; the normalizer is the resolver's (folded forms and name keys); the order is by path
and line. Fixture gazetteers are written to a temporary folder, never the real data.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from canonym import name_key
from canonym.gazetteer.lint import AllowList, LintProblem, lint_entities, lint_paths, mixed_script


def write(root: Path, relative: str, text: str) -> Path:
    """Write one data file under ``root`` and return its path."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def entity(entity_id: str, etype: str, name: str, strong: Sequence[str] = (), weak: Sequence[str] = (), extra: str = "") -> str:
    """The YAML text of a small entity file (aliases start on line 6)."""
    lines = [f"id: {entity_id}", f"type: {etype}", "kind: person" if etype == "PER" else "kind: armed-group", f"name: {name}"]
    if strong or weak:
        lines.append("aliases:")
        if strong:
            lines.append("  strong:")
            lines.extend(f"  - {a}" for a in strong)
        if weak:
            lines.append("  weak:")
            lines.extend(f"  - {a}" for a in weak)
    if extra:
        lines.append(extra)
    return "\n".join(lines) + "\n"


def messages(problems: list[LintProblem]) -> list[str]:
    return [str(p) for p in problems]


# -- collision and _allow.yml ---------------------------------------------------------------


@pytest.fixture
def colliding(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Two organizations whose strong aliases share one key ('Sayf Group' ~ 'Saif Group')."""
    data = tmp_path / "data"
    first = write(data, "org/alpha-group.yml", entity("alpha-group", "ORG", "Alpha Group", ["Sayf Group"]))
    second = write(data, "org/beta-group.yml", entity("beta-group", "ORG", "Beta Group", ["Saif Group"]))
    return data, first, second


def test_collision_names_both_files_the_key_and_the_fix(colliding: tuple[Path, Path, Path]) -> None:
    data, first, second = colliding
    key = name_key("Saif Group")
    assert key == name_key("Sayf Group")
    problems = lint_paths([data])
    assert messages(problems) == [
        f"{second}:7: aliases.strong: 'Saif Group' collides with {first} (strong alias 'Sayf Group', key {key!r}); "
        "move it to weak or add it to _allow.yml with a reason"
    ]
    assert [p.code for p in problems] == ["collision"]


def test_collision_with_a_canonical_name_is_reported_on_the_alias(tmp_path: Path) -> None:
    # The canonical name cannot move to weak, so the alias side gets the report even though
    # its file sorts first.
    data = tmp_path / "data"
    alias_side = write(data, "org/alpha-group.yml", entity("alpha-group", "ORG", "Alpha Group", ["Beta Front"]))
    name_side = write(data, "org/beta-front.yml", entity("beta-front", "ORG", "Beta Front"))
    key = name_key("Beta Front")
    assert messages(lint_paths([data])) == [
        f"{alias_side}:7: aliases.strong: 'Beta Front' collides with {name_side} (name 'Beta Front', key {key!r}); "
        "move it to weak or add it to _allow.yml with a reason"
    ]


def test_weak_aliases_may_be_shared(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write(data, "org/alpha-group.yml", entity("alpha-group", "ORG", "Alpha Group", weak=["The Front"]))
    write(data, "org/beta-group.yml", entity("beta-group", "ORG", "Beta Group", weak=["The Front"]))
    write(data, "org/front-group.yml", entity("front-group", "ORG", "Front Group", weak=["Front"]))
    assert lint_paths([data]) == []


def test_allow_file_accepts_a_collision_with_a_reason(colliding: tuple[Path, Path, Path]) -> None:
    data, _, _ = colliding
    key = name_key("Saif Group")
    write(data, "_allow.yml", f"# accepted collisions\n- key: {key}\n  ids: [alpha-group, beta-group]\n  reason: both groups use it\n")
    assert lint_paths([data]) == []


def test_allow_entry_may_give_the_alias_as_written(colliding: tuple[Path, Path, Path]) -> None:
    data, _, _ = colliding
    write(data, "_allow.yml", "- key: Saif Group\n  ids: [beta-group, alpha-group]\n  reason: both groups use it\n")
    assert lint_paths([data]) == []


def test_allow_entry_without_reason_is_a_problem(colliding: tuple[Path, Path, Path]) -> None:
    data, _, _ = colliding
    key = name_key("Saif Group")
    allow = write(data, "_allow.yml", f"# accepted collisions\n- key: {key}\n  ids: [alpha-group, beta-group]\n")
    problems = lint_paths([data])
    assert messages(problems) == [
        f"{allow}:2: entry 1: the entry for key {key!r} (alpha-group, beta-group) has no reason; "
        'add reason: "..." saying why the entities may share it'
    ]
    assert [p.code for p in problems] == ["allow"]


def test_allow_entry_that_no_longer_collides_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write(data, "org/alpha-group.yml", entity("alpha-group", "ORG", "Alpha Group"))
    write(data, "org/beta-group.yml", entity("beta-group", "ORG", "Beta Group"))
    allow = write(data, "_allow.yml", "- key: sif grup\n  ids: [alpha-group, beta-group]\n  reason: shared\n")
    problems = lint_paths([data])
    assert messages(problems) == [
        f"{allow}:1: key: 'sif grup' no longer collides between alpha-group, beta-group; remove the entry"
    ]
    assert problems[0].code == "allow-unused"


def test_malformed_allow_entry(tmp_path: Path) -> None:
    allow = write(tmp_path, "_allow.yml", "- key: x\n  ids: alpha-group\n")
    loaded = AllowList.load(allow)
    assert loaded.entries == ()
    assert [str(p) for p in loaded.problems] == [
        f"{allow}:1: entry 1: {{'key': 'x', 'ids': 'alpha-group'}} is not an allow entry; "
        'write {key: <name key>, ids: [id1, id2], reason: "..."}'
    ]


# -- one entity ------------------------------------------------------------------------------


def test_weak_alias_with_the_key_of_a_strong_name_is_shadowed(tmp_path: Path) -> None:
    # Latin: 'Saif al-Adel' and 'Saif al-Adil' differ after folding but share the key.
    path = write(tmp_path, "per/saif-al-adil.yml", entity("saif-al-adil", "PER", "Saif al-Adil", weak=["Saif al-Adel"]))
    key = name_key("Saif al-Adel")
    assert key == name_key("Saif al-Adil")
    assert messages(lint_paths([tmp_path])) == [
        f"{path}:7: aliases.weak: weak 'Saif al-Adel' has the key {key!r} of this entity's strong 'Saif al-Adil', "
        "so the resolver matches it as strong anyway; remove it from weak"
    ]


def test_redundant_variants_are_reported_on_the_later_one(tmp_path: Path) -> None:
    path = write(
        tmp_path, "org/al-qaeda.yml",
        entity("al-qaeda", "ORG", "Al Qaeda", ["Al-Qaeda", "al-Qa'ida", "Al Qa'ida"], ["AL QAEDA"]),
    )
    problems = lint_paths([tmp_path])
    assert messages(problems) == [
        f"{path}:7: aliases.strong: 'Al-Qaeda' folds to 'al qaeda' like the canonical name 'Al Qaeda': "
        "the normalizer already matches it; remove it",
        f"{path}:9: aliases.strong: \"Al Qa'ida\" folds to 'al qaida' like the strong alias \"al-Qa'ida\": "
        "the normalizer already matches it; remove it",
        f"{path}:11: aliases.weak: 'AL QAEDA' folds to 'al qaeda' like the canonical name 'Al Qaeda': "
        "the normalizer already matches it; remove it",
    ]
    assert {p.code for p in problems} == {"redundant"}


def test_an_alias_with_a_later_word_in_lowercase_is_not_redundant(tmp_path: Path) -> None:
    # The tagger requires a word in capitals only if every alias writes it so: the lowercase
    # alias lets it find "the Haqqani network". Lowering the first word changes nothing.
    write(tmp_path, "org/haqqani-network.yml", entity("haqqani-network", "ORG", "Haqqani Network", ["Haqqani network"]))
    assert lint_paths([tmp_path]) == []
    path = write(tmp_path, "org/haqqani-network.yml", entity("haqqani-network", "ORG", "Haqqani Network", ["haqqani Network"]))
    assert [p.code for p in lint_paths([tmp_path])] == ["redundant"], path


def test_homoglyph_mixed_scripts_in_one_word(tmp_path: Path) -> None:
    # Cyrillic: the first letter of 'Аl-Qaeda' is U+0410, not Latin A.
    path = write(tmp_path, "org/al-qaeda.yml", entity("al-qaeda", "ORG", "Al Qaeda", ["Аl-Qaida"]))
    assert messages(lint_paths([tmp_path])) == [
        f"{path}:7: aliases.strong: 'Аl-Qaida' mixes scripts in the word 'Аl': 'А' (U+0410) is Cyrillic "
        "among Latin letters; retype it in one script"
    ]


def test_mixed_script_detection() -> None:
    # Arabic + Latin in one word; Persian with a zero-width non-joiner; transliteration ayn.
    assert mixed_script("alالقاعدة") == ("alالقاعدة", "ARABIC", "a")
    assert mixed_script("حزب\u200cالله") is None
    assert mixed_script("Qaʿida") is None
    assert mixed_script("Al Qaeda القاعدة") is None  # two scripts, but in separate words


def test_dangling_part_of(tmp_path: Path) -> None:
    path = write(tmp_path, "org/aqap.yml", entity("aqap", "ORG", "AQAP Front", extra="part_of: al-qaida-central"))
    problems = lint_paths([tmp_path])
    assert messages(problems) == [
        f"{path}:5: part_of: 'al-qaida-central' is not the id of any entity; fix the id or add the entity "
        "(data/<loc|misc|org|per>/al-qaida-central.yml)"
    ]
    assert problems[0].code == "dangling"


def test_common_words_and_short_strong_aliases(tmp_path: Path) -> None:
    path = write(
        tmp_path, "org/us-congress.yml",
        entity("us-congress", "ORG", "United States Congress", ["Congress", "Qx", "US", "USC"], ["State"]),
    )
    problems = lint_paths([tmp_path])
    # 'US' and 'USC' are acronyms in capitals; 'State' is weak already.
    assert messages(problems) == [
        f"{path}:7: aliases.strong: 'Congress' is a common English word and would match ordinary text; make it weak (or keep it strong with a '# why' comment on its line)",
        f"{path}:8: aliases.strong: 'Qx' is shorter than 3 letters and not written in capitals; make it weak (or keep it strong with a '# why' comment on its line)",
    ]
    assert {p.code for p in problems} == {"common-word"}


def test_a_given_name_alone_is_no_strong_alias_of_a_person(tmp_path: Path) -> None:
    path = write(tmp_path, "per/tantoush.yml", entity("tantoush", "PER", "Ibrahim Ali Abu Bakr Tantoush", ["Abdul Rahman", "Mawlawi Abdul Rahman"]))
    # A person listed under a given name alone keeps its spellings strong.
    write(tmp_path, "per/abdul-haq.yml", entity("abdul-haq", "PER", "Abdul Haq", ["Abdul Heq"]))
    problems = lint_paths([tmp_path])
    assert messages(problems) == [
        f"{path}:7: aliases.strong: 'Abdul Rahman' is a given name alone, borne by thousands; make it weak (or keep it strong with a '# why' comment on its line)",
    ]
    assert {p.code for p in problems} == {"given-name"}


def test_common_given_names_unlike_a_persons_name_are_no_strong_alias(tmp_path: Path) -> None:
    # A UN list's alias of two given names that thousands bear, or a kunya of one, that
    # shares no part with the person's other names (another spelling of it does not count).
    path = write(
        tmp_path, "per/aly.yml",
        entity("aly", "PER", "Aly Soliman Massoud Abdul Sayed", ["Abu Ismail", "Ibn El Qaim", "Mohamed Osman", "Mohammed Othman"]),
    )
    # A pair that is the person's name, or part of a fuller alias, is theirs.
    write(tmp_path, "per/diriye.yml", entity("diriye", "PER", "Ahmed Diriye", ["Ahmad Umar", "Ahmed Umar Abu Ubaidah"]))
    write(tmp_path, "per/omar-abdel-rahman.yml", entity("omar-abdel-rahman", "PER", "Omar Abdel-Rahman", ["Umar Abd al-Rahman"]))
    problems = lint_paths([tmp_path])
    why = "is common given names alone, borne by thousands, and shares no part with the person's other names; make it weak (or keep it strong with a '# why' comment on its line)"
    assert messages(problems) == [
        f"{path}:7: aliases.strong: 'Abu Ismail' {why}",
        f"{path}:9: aliases.strong: 'Mohamed Osman' {why}",
        f"{path}:10: aliases.strong: 'Mohammed Othman' {why}",
    ]
    assert {p.code for p in problems} == {"given-name"}


def test_a_strong_common_word_with_a_written_reason_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "loc/united-states.yml", entity("united-states", "LOC", "United States", ["America"]))
    text = path.read_text(encoding="utf-8").replace("- America", "- America  # strong: in reporting it means the US")
    path.write_text(text, encoding="utf-8")
    assert lint_paths([tmp_path]) == []


def test_too_short_after_folding(tmp_path: Path) -> None:
    path = write(tmp_path, "per/george-w-bush.yml", entity("george-w-bush", "PER", "George W. Bush", weak=["W."]))
    problems = lint_paths([tmp_path])
    assert messages(problems) == [f"{path}:7: aliases.weak: 'W.' has a single character after folding ('w'); remove it"]
    assert problems[0].code == "too-short"


# -- files -------------------------------------------------------------------------------------


def test_load_problems_and_duplicate_ids(tmp_path: Path) -> None:
    first = write(tmp_path, "org/hamas.yml", entity("hamas", "ORG", "Hamas"))
    second = write(tmp_path, "per/hamas.yml", entity("hamas", "PER", "Hamas Person"))
    bad = write(tmp_path, "per/bad.yml", "id: bad\ntype: PERSON\nkind: person\nname: Bad\n")
    problems = lint_paths([tmp_path])
    assert messages(problems) == [
        f"{bad}:2: type: 'PERSON' is not one of PER, ORG, LOC, MISC",
        f"{second}:1: id: 'hamas' is also the id of {first}; ids must be unique",
    ]
    assert [p.code for p in problems] == ["load", "duplicate-id"]


def test_problems_are_sorted_by_path_and_line(tmp_path: Path) -> None:
    write(tmp_path, "per/zed.yml", entity("zed", "PER", "Zed Zedson", weak=["W."]))
    write(tmp_path, "per/abe.yml", entity("abe", "PER", "Abe Abeson", ["Congress", "Qx"]))
    problems = lint_paths([tmp_path])
    keys = [(p.path, p.line or 0) for p in problems]
    assert keys == sorted(keys)
    assert len(problems) == 3


def test_lint_entities_without_files() -> None:
    from canonym.gazetteer.model import Entity

    problems = lint_entities([Entity(id="x", type="ORG", name="Some Group", strong=("State",), part_of="y")])
    assert messages(problems) == [
        "<x>: aliases.strong: 'State' is a common English word and would match ordinary text; make it weak (or keep it strong with a '# why' comment on its line)",
        "<x>: part_of: 'y' is not the id of any entity; fix the id or add the entity (data/<loc|misc|org|per>/y.yml)",
    ]
