"""Tests for the plain block-YAML reader of gazetteer data files (``load.parse_block_yaml``).

The contract: whenever the reader returns a mapping, PyYAML reads the same text to the
same mapping (same keys in the same order, same values and types); on anything outside
its subset it returns None and PyYAML reads the file. Almost every built-in data file is
inside the subset.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canonym.gazetteer.load import builtin_data_dir, parse_block_yaml, read_yaml_entities, yaml_files


def pyyaml(text: str) -> Any:
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def assert_agrees(text: str) -> Any:
    """The reader's result, checked against PyYAML's whenever the reader gives one."""
    found = parse_block_yaml(text)
    if found is not None:
        expected = pyyaml(text)
        assert found == expected
        assert repr(found) == repr(expected)  # key order and value types too
    return found


def test_every_data_file_reads_as_pyyaml_reads_it() -> None:
    files = yaml_files(builtin_data_dir())
    read = [assert_agrees(path.read_text(encoding="utf-8")) for path in files]
    assert sum(found is None for found in read) <= len(files) // 50


CANONICAL = """\
id: saif-al-adel
type: PER
kind: person
name: Saif al-Adel
aliases:
  strong:
  - Sayf al-'Adl
  - 'AL-ADL, Sayf'
  - سيف العدل
  weak:
  - Ibrahim al-Madani
ids:
  un: QDi.001
# a comment line
part_of:
description: 'He said: it''s done.'
sources:
- UN list n#3
"""


def test_canonical_file_is_read() -> None:
    assert assert_agrees(CANONICAL) == {
        "id": "saif-al-adel",
        "type": "PER",
        "kind": "person",
        "name": "Saif al-Adel",
        "aliases": {"strong": ["Sayf al-'Adl", "AL-ADL, Sayf", "سيف العدل"], "weak": ["Ibrahim al-Madani"]},
        "ids": {"un": "QDi.001"},
        "part_of": None,
        "description": "He said: it's done.",
        "sources": ["UN list n#3"],
    }


@pytest.mark.parametrize(
    "text",
    [
        "id: yes\n",  # a boolean
        "id: 12\n",
        "id: 1_000\n",
        "id: 0x1f\n",
        "id: 2024-01-01\n",
        "id: null\n",
        "id: ~\n",
        "id: .inf\n",
        "on: x\n",  # a boolean key
        "id: x\n<<: y\n",
        'id: "quoted"\n',
        "id: x # comment\n",
        "id: &a x\nname: *a\n",
        "id: !!str 12\n",
        "id: [a, b]\n",
        "id: {a: b}\n",
        "id: |\n  block\n",
        "id: >\n  folded\n",
        "id: first\n  continued\n",
        "id: 'open\n  quote'\n",
        "id: 'a'b'\n",
        "id:x\n",
        "id: a: b\n",
        "id: trailing:\n",
        "- a\n- b\n",
        "  id: indented\n",
        "---\nid: x\n",
        "id: x\n...\n",
        "%YAML 1.1\n---\nid: x\n",
        "id: tab\there\n",
        "id: x\r\n",
        "\ufeffid: x\n",
        "id: line\u2028break\n",
        "id: nel\x85\n",
        "names:\n- a\n-\n",
        "names:\n- key: value\n",
        "names:\n  - a\n  - b\n - c\n",
        "a:\n  b:\nc\n",
        "",
        "# only a comment\n",
        "key with space: x\n",
        "'quoted key': x\n",
        "id: @x\n",
        "id: `x\n",
        "id: %x\n",
        "id: -x\n",
    ],
)
def test_outside_the_subset_is_left_to_pyyaml(text: str) -> None:
    assert parse_block_yaml(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "id: a#b\n",
        "id: x\nid: y\n",  # the last value wins, as in PyYAML
        "id: Sana'a\n",
        "id: ''\n",
        "id: '  spaced  '\n",
        "id: 'yes'\n",
        "id: 'it''s'\n",
        "id:   x   \n",
        "names:\n- a, b\n- c [d] {e}\n- f: g\n",  # ': ' inside an item is left to PyYAML
        "a:\n  b:\n    c: d\n  e: f\ng: h\n",
        "a:\n- x\nb:\n  - y\n",
        "\n\nid: x\n\n   \n# end\n",
        "id: Yemen\nname: no-fly zone\nkind: n/a\n",
        "id: ✓ émigré 中文 \U0001f600\n",
    ],
)
def test_inside_the_subset_agrees(text: str) -> None:
    assert_agrees(text)


_WORDS = st.sampled_from(
    ["id", "name", "yes", "no", "on", "null", "~", "12", "1.5", "-1", "0x10", "2020-01-01", "a-b", "_x", "Sana'a"]
)
_TEXT = st.text(alphabet=" abyNTo0123456789-:#'\",.[]{}&*!|>%@`?~<=_\t\u00e9\u2028", min_size=0, max_size=12)
_VALUE = st.one_of(_WORDS, _TEXT, _TEXT.map(lambda t: f"'{t}'"))
_LINE = st.one_of(
    st.tuples(st.sampled_from([0, 2, 4, 1]), _WORDS, _VALUE).map(lambda x: f"{' ' * x[0]}{x[1]}: {x[2]}"),
    st.tuples(st.sampled_from([0, 2, 4]), _WORDS).map(lambda x: f"{' ' * x[0]}{x[1]}:"),
    st.tuples(st.sampled_from([0, 2, 4]), _VALUE).map(lambda x: f"{' ' * x[0]}- {x[1]}"),
    st.sampled_from(["", "# c", "  # c", "-", "---"]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=1, max_size=8))
def test_random_documents_agree_or_are_left_to_pyyaml(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    found = parse_block_yaml(text)
    if found is None:
        return
    try:
        expected = pyyaml(text)
    except yaml.YAMLError:
        pytest.fail(f"read {found!r} from text PyYAML rejects: {text!r}")
    assert repr(found) == repr(expected)


def test_entities_read_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    files = yaml_files(builtin_data_dir())[::40]
    fast = read_yaml_entities(files)
    monkeypatch.setattr("canonym.gazetteer.load.parse_block_yaml", lambda text: None)
    assert read_yaml_entities(files) == fast
