"""Bad gazetteer data: one message per problem, with file and line; no guessing.

Each case is a data folder with one good entity and one bad file, checked three ways:
``canonym gazetteer lint DIR`` (exit 1, one ``path:line: field: message`` line per problem),
the API (``Gazetteer.load(DIR, builtin=False)`` raises :class:`canonym.GazetteerError`
whose ``problems`` name the file and line, so no resolver can be built on it) and
``canonym resolve --no-builtin -g DIR`` (exit 2, the same messages on stderr).

Problems of a single record (syntax, types, unknown fields, a one-character alias,
duplicate keys) stop loading. Problems between records (collisions, common-word aliases)
are the lint's: loading accepts them and the resolver reports a shared alias as ambiguous
instead of choosing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from canonym import Gazetteer, GazetteerError, Resolver, name_key
from canonym.cli import app
from canonym.gazetteer.lint import lint_paths
from canonym.gazetteer.spec import show

runner = CliRunner()

GOOD = "id: alpha-group\ntype: ORG\nkind: armed-group\nname: Alpha Group\naliases:\n  strong:\n  - Alpha Front\n"


def data_folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """A data folder with the good entity and ``files`` (relative path -> content)."""
    data = tmp_path / "data"
    (data / "org").mkdir(parents=True)
    (data / "org" / "alpha-group.yml").write_text(GOOD, encoding="utf-8")
    for relative, content in files.items():
        path = data / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return data


def lint_cli(data: Path) -> tuple[int, list[str]]:
    result = runner.invoke(app, ["gazetteer", "lint", str(data)])
    return result.exit_code, [line for line in result.stdout.splitlines() if line.strip()]


def load_problems(data: Path) -> list[str]:
    with pytest.raises(GazetteerError) as caught:
        Gazetteer.load(data, builtin=False)
    return caught.value.problems


#: (case id, files, expected problems as (file, line, words the message must contain)).
RECORD_CASES: list[tuple[str, dict[str, str | bytes], list[tuple[str, int | None, tuple[str, ...]]]]] = [
    (
        "malformed-yaml",
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: [Beta Group\n"},
        [("org/beta.yml", 5, ("YAML syntax error",))],
    ),
    (
        "tab-indented-yaml",
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: Beta\naliases:\n\tstrong: [Beta Front]\n"},
        [("org/beta.yml", 6, ("YAML syntax error",))],
    ),
    (
        "not-a-mapping",
        {"org/beta.yml": "- id: beta\n- name: Beta\n"},
        [("org/beta.yml", None, ("one mapping", "list"))],
    ),
    (
        "empty-file",
        {"org/beta.yml": ""},
        [("org/beta.yml", None, ("one mapping",))],
    ),
    (
        "not-utf8",
        {"org/beta.yml": b"id: beta\ntype: ORG\nkind: armed-group\nname: B\xe9ta\n"},
        [("org/beta.yml", None, ("not UTF-8",))],
    ),
    (
        "name-is-a-list",
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: [Beta, Gamma]\n"},
        [("org/beta.yml", 4, ("name", "text", "list"))],
    ),
    (
        "id-is-a-number",
        {"org/beta.yml": "type: ORG\nkind: armed-group\nname: Beta Group\nid: 42\n"},
        [("org/beta.yml", 4, ("id", "text", "int"))],
    ),
    (
        "aliases-is-text",
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: Beta Group\naliases: Beta Front\n"},
        [("org/beta.yml", 5, ("aliases", "mapping"))],
    ),
    (
        "strong-is-text",
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: Beta Group\naliases:\n  strong: Beta Front\n"},
        [("org/beta.yml", 6, ("aliases.strong", "list"))],
    ),
    (
        "alias-is-a-mapping",
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: Beta Group\naliases:\n  strong:\n  - Beta Front\n  - {x: 1}\n"},
        [("org/beta.yml", 8, ("aliases.strong", "not text"))],
    ),
    (
        "alias-is-a-number",
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: Beta 1920\naliases:\n  weak:\n  - 1920\n"},
        [("org/beta.yml", 7, ("aliases.weak", "not text"))],
    ),
    (
        "unknown-field",
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: Beta Group\nalias:\n  - Beta Front\n"},
        [("org/beta.yml", 5, ("unknown field", "'alias'"))],
    ),
    (
        "unknown-alias-list",
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: Beta Group\naliases:\n  strnog:\n  - Beta Front\n"},
        [("org/beta.yml", 6, ("aliases.strnog", "unknown"))],
    ),
    (
        "one-character-alias",
        # The name holds the letter too: the message must point at the alias's own line.
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: X Group\naliases:\n  strong:\n  - X Front\n  - X\n"},
        [("org/beta.yml", 8, ("aliases.strong", "'X'", "too short"))],
    ),
    (
        "one-character-name",
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: B\n"},
        [("org/beta.yml", 4, ("name", "'B'", "too short"))],
    ),
    (
        "overlong-alias",
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: Beta Group\naliases:\n  weak:\n  - " + "Beta " * 120 + "\n"},
        [("org/beta.yml", 7, ("aliases.weak", "599 characters", "at most 500"))],
    ),
    (
        "duplicate-key",
        # YAML keeps the last of two equal keys without a word: the first name would be lost.
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: Beta Group\nname: Gamma Group\n"},
        [("org/beta.yml", 5, ("name", "twice"))],
    ),
    (
        "duplicate-alias-list",
        {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: Beta Group\naliases:\n  strong:\n  - Beta Front\n  strong:\n  - Beta Army\n"},
        [("org/beta.yml", 8, ("aliases.strong", "twice"))],
    ),
    (
        "two-problems-in-one-file",
        {"org/beta.yml": "id: Beta!\ntype: ORGANISATION\nkind: armed-group\nname: Beta Group\n"},
        [("org/beta.yml", 1, ("id", "slug")), ("org/beta.yml", 2, ("type", "ORGANISATION"))],
    ),
    (
        "alias-bomb",
        # Nested YAML aliases expand to 10**9 items if anything walks or prints them.
        {"org/beta.yml": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)},"
            f" *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
        ) + "id: beta\ntype: ORG\nkind: armed-group\nname: Beta Group\naliases:\n  strong: *i\n"},
        [("org/beta.yml", None, ("unknown field",)), ("org/beta.yml", None, ("aliases.strong", "not text"))],
    ),
]


def _matches(message: str, data: Path, relative: str, line: int | None, words: tuple[str, ...]) -> bool:
    path = str(data / relative)
    prefix = f"{path}:{line}: " if line is not None else f"{path}"
    return message.startswith(prefix) and all(w in message for w in words)


@pytest.mark.parametrize(("files", "expected"), [pytest.param(f, e, id=c) for c, f, e in RECORD_CASES])
def test_record_problems_stop_loading_and_lint(tmp_path: Path, files: dict[str, str | bytes], expected: list[tuple[str, int | None, tuple[str, ...]]]) -> None:
    data = data_folder(tmp_path, files)
    for source, messages in (("load", load_problems(data)), ("lint", lint_cli(data)[1])):
        assert len(messages) >= len(expected), (source, messages)
        for relative, line, words in expected:
            assert any(_matches(m, data, relative, line, words) for m in messages), (source, relative, line, words, messages)
        # One message per problem: none repeated, none longer than a screenful.
        assert len(set(messages)) == len(messages), (source, messages)
        assert all(len(m) < 600 for m in messages), (source, [m[:200] for m in messages])
        # Every message names a file of the folder (the bad one: the good file has no problem).
        assert all(str(data / "org" / "beta.yml") in m for m in messages), (source, messages)
    assert lint_cli(data)[0] == 1
    result = runner.invoke(app, ["resolve", "Alpha Group", "--no-builtin", "-g", str(data)])
    assert result.exit_code == 2
    assert str(data / "org" / "beta.yml") in result.stderr


def test_a_bad_file_is_reported_once_by_lint(tmp_path: Path) -> None:
    data = data_folder(tmp_path, {"org/beta.yml": "id: beta\ntype: ORG\nkind: armed-group\nname: [Beta\n"})
    code, lines = lint_cli(data)
    assert code == 1
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{data / 'org' / 'beta.yml'}:")


# -- problems between records: the lint reports them, the resolver does not guess -------------


def test_duplicate_ids_in_two_folders(tmp_path: Path) -> None:
    data = data_folder(tmp_path, {"per/alpha-group.yml": "id: alpha-group\ntype: PER\nkind: person\nname: Alpha Person\n"})
    code, lines = lint_cli(data)
    assert code == 1
    assert lines == [f"{data / 'per' / 'alpha-group.yml'}:1: id: 'alpha-group' is also the id of {data / 'org' / 'alpha-group.yml'}; ids must be unique"]


def test_duplicate_ids_in_a_user_folder_stop_loading(tmp_path: Path) -> None:
    # Loading them would merge the PER record into the ORG one, keeping the ORG type.
    data = data_folder(tmp_path, {"per/alpha-group.yml": "id: alpha-group\ntype: PER\nkind: person\nname: Alpha Person\n"})
    message = (
        f"{data / 'per' / 'alpha-group.yml'}:1: id: 'alpha-group' is also the id of {data / 'org' / 'alpha-group.yml'}; "
        "ids must be unique"
    )
    assert load_problems(data) == [message]
    assert lint_cli(data) == (1, [message])
    result = runner.invoke(app, ["resolve", "Alpha Group", "--no-builtin", "-g", str(data)])
    assert result.exit_code == 2
    assert message in result.stderr


def test_alias_collision_is_linted_and_never_guessed(tmp_path: Path) -> None:
    data = data_folder(tmp_path, {
        "org/beta-group.yml": "id: beta-group\ntype: ORG\nkind: armed-group\nname: Beta Group\naliases:\n  strong:\n  - Alpha Front\n",
    })
    code, lines = lint_cli(data)
    assert code == 1
    key = name_key("Alpha Front")
    assert lines == [
        f"{data / 'org' / 'beta-group.yml'}:7: aliases.strong: 'Alpha Front' collides with {data / 'org' / 'alpha-group.yml'} "
        f"(strong alias 'Alpha Front', key {key!r}); move it to weak or add it to _allow.yml with a reason"
    ]
    match = Resolver(Gazetteer.load(data, builtin=False)).resolve("Alpha Front")
    assert match is not None and match.ambiguous and match.entity is None
    assert set(match.candidates) == {"alpha-group", "beta-group"}


@pytest.mark.parametrize(("alias", "reason"), [
    ("The", "common English word"),
    ("State", "common English word"),
    ("Al", "common English word"),
    ("Qx", "shorter than 3 letters"),
])
def test_common_word_and_short_strong_aliases(tmp_path: Path, alias: str, reason: str) -> None:
    data = data_folder(tmp_path, {
        "org/beta-group.yml": f"id: beta-group\ntype: ORG\nkind: armed-group\nname: Beta Group\naliases:\n  strong:\n  - Beta Front\n  - {alias}\n",
    })
    code, lines = lint_cli(data)
    assert code == 1
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{data / 'org' / 'beta-group.yml'}:8: aliases.strong: {alias!r}")
    assert reason in lines[0]
    # The API gives the same message.
    assert [str(p) for p in lint_paths([data])] == lines


def test_a_one_letter_alias_after_folding(tmp_path: Path) -> None:
    data = data_folder(tmp_path, {
        "per/george-w-bush.yml": "id: george-w-bush\ntype: PER\nkind: person\nname: George W. Bush\naliases:\n  weak:\n  - W.\n",
    })
    code, lines = lint_cli(data)
    assert code == 1
    assert lines == [f"{data / 'per' / 'george-w-bush.yml'}:7: aliases.weak: 'W.' has a single character after folding ('w'); remove it"]


def test_clean_data_lints_clean_and_loads(tmp_path: Path) -> None:
    data = data_folder(tmp_path, {})
    assert lint_cli(data) == (0, [])
    resolver = Resolver(Gazetteer.load(data, builtin=False))
    match = resolver.resolve("Alpha Front")
    assert match is not None and match.entity_id == "alpha-group"


def test_user_table_with_bad_rows_names_file_and_row(tmp_path: Path) -> None:
    table = tmp_path / "names.csv"
    table.write_text("id,name,type\nq1,Alpha Group,ORG\n,Nameless,ORG\nq2,,ORG\nq3,Gamma,PLANET\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        Gazetteer.load(table, builtin=False)
    problems = caught.value.problems
    assert len(problems) == 3, problems
    for row in (3, 4, 5):
        assert any(re.match(rf"{re.escape(str(table))}: row {row}: ", p) for p in problems), (row, problems)


@pytest.mark.parametrize("distinct_ids", [False, True], ids=["names-grouped-by-id", "one-row-per-entity"])
def test_user_table_with_bad_name_lengths_stops_loading(tmp_path: Path, distinct_ids: bool) -> None:
    # A one-character name would link every capital X; a 600-character one is a pasted
    # paragraph the resolver never looks up. The YAML records refuse both; so must a table.
    table = tmp_path / "names.csv"
    long_name = "Alpha " * 100
    second, third = ("q2", "q3") if distinct_ids else ("q1", "q1")
    table.write_text(f"id,name,type\nq1,Alpha Group,ORG\n{second},X,ORG\n{third},{long_name},ORG\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        Gazetteer.load(table, builtin=False)
    assert caught.value.problems == [
        f"{table}: row 3: name 'X' is too short to be a name (id {second!r})",
        f"{table}: row 4: name {show(long_name.strip())} has 599 characters; a name has at most 500 (id {third!r})",
    ]
    result = runner.invoke(app, ["resolve", "Alpha Group", "--no-builtin", "-g", str(table)])
    assert result.exit_code == 2
    assert f"{table}: row 3: name 'X' is too short" in result.stderr
    assert f"{table}: row 4: name " in result.stderr
