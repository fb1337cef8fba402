"""``resolve_many`` in bulk agrees with ``resolve`` name by name, on batches of respelled names.

The table settles the sure exact, alias and key hits of a whole batch at once
(``canonym.resolution_table.sure_hits``): one fold of all the names, each distinct part keyed
once, connectors respelled and articles dropped on the stream of all the parts, the names that
need the parser sent to it. These batches mix the cases, so that a name's neighbours in the
stream (an article last in the name before, a title first in the next) are varied too.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canonym import Resolver
from factory import fixture_names, fixture_resolver, resolved_row

_NAMES = fixture_names()
#: Prefixes and infixes that give the parser work: articles (plain and assimilated), connectors
#: in their variant spellings, titles, Abd and -allah compounds, capitals.
_RESPELLINGS = (
    lambda n: n,
    str.lower,
    str.upper,
    lambda n: n.replace("-", " "),
    lambda n: n.replace("al-", "el-"),
    lambda n: n.replace("al-", "ul "),
    lambda n: n.replace("al-", "as-"),
    lambda n: n.replace("Abu", "Abou"),
    lambda n: n.replace("bin", "ben"),
    lambda n: n.replace("bin", "b"),
    lambda n: n.replace("q", "k").replace("ou", "u").replace("e", "i"),
    lambda n: n.replace("i", "ee", 1).replace("u", "ou", 1),
    lambda n: n.replace("a", "aa", 1),
    lambda n: f"Sheikh {n}",
    lambda n: f"Sultan {n}",
    lambda n: f"{n} Sultan",
    lambda n: f"Abou {n}",
    lambda n: f"al-{n}",
    lambda n: f"{n} al",
    lambda n: f"{n} el",
    lambda n: f"Abdul {n}",
    lambda n: f"{n}ullah",
    lambda n: f"Abul {n}",
    lambda n: n.split()[-1],
    lambda n: f"ash-Sh{n.split()[-1].lower()}",
    # Several names in one field, and parts written together: resolve() decides those.
    lambda n: f"{n};",
    lambda n: n.replace(" ", "; ", 1),
    lambda n: n.replace(" ", "", 1),
)
_batch_names = st.one_of(
    st.builds(lambda name, respell: respell(name), st.sampled_from(_NAMES), st.sampled_from(_RESPELLINGS)),
    st.builds(
        lambda name, first, second: second(first(name)),
        st.sampled_from(_NAMES),
        st.sampled_from(_RESPELLINGS),
        st.sampled_from(_RESPELLINGS),
    ),
    st.text(alphabet=string.ascii_letters + " -'", max_size=20),
)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return fixture_resolver()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_batch_names, min_size=1, max_size=40))
def test_resolve_many_agrees_with_resolve_on_respelled_batches(resolver: Resolver, names: list[str]) -> None:
    table = resolver.resolve_many(names)
    assert table.rows() == [resolved_row(resolver, name) for name in names]


def test_resolve_many_on_every_respelling(resolver: Resolver) -> None:
    # Every fixture name in every respelling, in one table: repeats and all the tiers together.
    names: list[str | None] = [respell(name) for respell in _RESPELLINGS for name in _NAMES]
    names += [None, "", names[0], " ", "-"]
    table = resolver.resolve_many(names)
    assert table.rows() == [resolved_row(resolver, name) for name in names]
    methods = set(table["method"].to_list())
    assert {"exact", "alias", "key"} <= methods


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=string.printable + "é\x7f,;", min_size=1, max_size=30), min_size=1, max_size=8))
def test_plain_forms_test_is_the_test_per_name(names: list[str]) -> None:
    # sure_hits' test on the names joined is its test name by name (length, exact form, no comma
    # or semicolon), for any names.
    from canonym.gazetteer.index import is_exact_form
    from canonym.gazetteer.spec import MAX_NAME_LENGTH
    from canonym.resolution_table import _all_plain_forms

    expected = all(len(n) <= MAX_NAME_LENGTH and is_exact_form(n) and "," not in n and ";" not in n for n in names)
    assert _all_plain_forms(names) == expected
    long_name = "a" * MAX_NAME_LENGTH
    assert _all_plain_forms([long_name, "b"]) and not _all_plain_forms([long_name + "a", "b"])
