"""Inserted attributions found by position: any verb with an inverted subject after a quotation."""
from __future__ import annotations

import pytest

from framing.analysis import analyze


def attrs(text):
    return {s.text: s for s in analyze(text).spans if s.label == "ATTR"}


@pytest.mark.parametrize("text,cue,source", [
    ("« On ne les changera pas », a terminé Alain Juppé.", "a terminé", "Alain Juppé"),
    ("« Il faut tenir », tranche Marie Dupuis devant la presse.", "tranche", "Marie Dupuis"),
    ("Marie Dupuis était à Lyon. « C'est fini », s'amuse la maire.", "s'amuse", "Marie Dupuis"),
    ("Paul Martin est arrivé tard. « Nous irons, martèle-t-il, jusqu'au bout. »", "martèle-t-il", "Paul Martin"),
])
def test_an_inverted_clause_after_a_quote_is_an_attribution(text, cue, source):
    found = attrs(text)
    assert cue in found, list(found)
    assert found[cue].attrs["source"] == source
    (q,) = [s for s in analyze(text).spans if s.label == "QUOTE"]
    assert q.attrs["speaker"] == source


def test_a_present_participle_after_a_quote_is_no_attribution():
    text = "Ils avaient signé un « traité de partenariat global », comportant une clause d'assistance."
    assert "comportant" not in attrs(text)
