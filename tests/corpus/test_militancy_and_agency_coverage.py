"""Tagging through the public API: armed groups, their leaders and state agencies that the
built-in gazetteer now holds, and a nickname in quotes inside a person's name.
"""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import entities_by_surface

pytestmark = pytest.mark.corpus


def test_a_report_on_armed_groups_and_agencies_links_them(tagger: Tagger) -> None:
    text = (
        "GUAYAQUIL, Ecuador (AP) — Los Choneros and Los Lobos fought for the port, InSight Crime reported. "
        "In Kashmir, the All Parties Hurriyat Conference mourned Burhan Wani. Russia's Rosgvardia "
        "deployed to Dagestan, and in Nigeria, Bello Turji threatened Zamfara."
    )
    mentions = entities_by_surface(tagger, text)
    assert mentions.get("Los Choneros") == "los-choneros", mentions
    assert mentions.get("Los Lobos") == "los-lobos-ecuador", mentions
    assert mentions.get("InSight Crime") == "insight-crime", mentions
    assert mentions.get("All Parties Hurriyat Conference") == "all-parties-hurriyat-conference", mentions
    assert mentions.get("Burhan Wani") == "burhan-wani", mentions
    assert mentions.get("Rosgvardia") == "rosgvardia", mentions
    assert mentions.get("Bello Turji") == "bello-turji", mentions


def test_a_nickname_in_quotes_inside_a_name_is_part_of_the_known_name(tagger: Tagger) -> None:
    text = 'The Sinaloa cartel co-founder Ismael "El Mayo" Zambada was arrested in Texas. Zambada pleaded guilty.'
    mentions = {m.surface: m.entity_id for m in tagger.tag(text, "d")}
    # One mention, quotes and all; not "El Mayo" Zambada met across the closing quote.
    assert mentions.get('Ismael "El Mayo" Zambada') == "ismael-zambada-garcia", mentions
    assert mentions.get("Zambada") == "ismael-zambada-garcia", mentions
    assert not any(surface.startswith('El Mayo"') for surface in mentions), mentions
