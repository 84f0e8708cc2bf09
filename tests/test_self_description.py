"""The reflexive of a self-describing verb (se dire, se déclarer, se sentir) and the forms of être."""
from __future__ import annotations

import pytest

from framing.backends.builtin import BuiltinBackend
from framing.extract import attribution, quotes
from framing.extract.reporting import lexicon as reporting_lexicon
from framing.grammar import ETRE_FORMS, PASSIVE_ETRE, self_described
from framing.resources import default_config, get_resources

RES = get_resources(default_config())
BACKEND = BuiltinBackend()


def test_se_sentir_describes_self_but_is_no_reporting_cue():
    lex = reporting_lexicon(RES)
    assert {"dire", "déclarer", "sentir"} <= lex.describes_self
    assert "sentir" not in lex.verbs
    text = "Le maire se sent « profondément trahi » par ses alliés."
    doc = BACKEND.parse(text)
    spans = attribution.extract(doc, quotes.extract(doc, [], RES), RES)
    assert [s for s in spans if s.label in ("ATTR", "IQUOTE")] == []


@pytest.mark.parametrize("text, word, expected", [
    ("Il s'est dit « très fier » de ses équipes.", "fier", True),
    ("Je me sens trahi par mes alliés.", "trahi", True),
    ("Elle s'est par ailleurs déclarée inquiète.", "inquiète", True),
    ("Nous nous sentons humiliés.", "humiliés", True),
    # "nous" after the subject of avoir is the addressee; a comma sets the participle apart
    ("Il nous a dit, choqué, qu'il partait.", "choqué", False),
    ("Il nous a dit choqué qu'il partait.", "choqué", False),
    # another verb's reflexive, and the noun "sens"
    ("Le toit s'est effondré.", "effondré", False),
    ("Le sens caché du texte.", "caché", False),
])
def test_self_described(text, word, expected):
    doc = BACKEND.parse(text)
    i = next(t.i for t in doc.tokens if t.text == word)
    assert self_described(doc.tokens, i, reporting_lexicon(RES).describes_self) is expected


def test_etre_forms_cover_every_person_and_passive_adds_ete():
    assert {"étais", "étions", "serai", "serons", "sois", "fus"} <= ETRE_FORMS
    assert "été" not in ETRE_FORMS and PASSIVE_ETRE == ETRE_FORMS | {"été"}
