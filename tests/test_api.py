"""The public surface: ``import canonym`` exposes ``__all__`` and stays light.

Contract (GUIDE.md sections 1 and 3): every name in ``canonym.__all__`` is importable from
the package; importing it does not pull in the command line (typer, rich) nor, until asked
for, the tagger.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import canonym

EXPECTED = {
    "CanonymError",
    "ConfigError",
    "Entity",
    "Gazetteer",
    "GazetteerError",
    "Match",
    "MatchConfig",
    "Mention",
    "Resolver",
    "Tagger",
    "fold",
    "name_key",
}


@pytest.mark.parametrize("name", sorted(canonym.__all__))
def test_all_names_are_exposed(name: str) -> None:
    assert getattr(canonym, name) is not None
    namespace: dict[str, object] = {}
    exec(f"from canonym import {name}", namespace)  # the import form users write
    assert namespace[name] is getattr(canonym, name)


def test_all_holds_the_documented_names() -> None:
    assert set(canonym.__all__) >= EXPECTED
    assert len(canonym.__all__) == len(set(canonym.__all__))
    assert isinstance(canonym.__version__, str)


def test_error_family() -> None:
    for name in ("ConfigError", "GazetteerError", "InputError"):
        if hasattr(canonym, name):
            assert issubclass(getattr(canonym, name), canonym.CanonymError)
    assert issubclass(canonym.CanonymError, Exception)


def test_unknown_attribute_raises() -> None:
    with pytest.raises(AttributeError):
        canonym.no_such_name  # noqa: B018


def test_fold_and_name_key_at_the_top() -> None:
    assert canonym.fold("al-Qa’ida") == "al qaida"
    assert canonym.name_key("Qasem Suleimani") == canonym.name_key("Qassem Soleimani")
    assert canonym.name_key("...") is None


def _modules_after_import(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_import_does_not_load_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import canonym, sys; print('typer' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"
    modules = _modules_after_import("import canonym")
    heavy = {"typer", "rich", "click", "canonym.cli"}
    assert not heavy & modules, heavy & modules


def test_resolving_does_not_load_the_cli() -> None:
    modules = _modules_after_import(
        "import canonym; canonym.fold('x'); canonym.name_key('Sayf al-Adl'); canonym.MatchConfig()"
    )
    assert not {"typer", "rich"} & modules
