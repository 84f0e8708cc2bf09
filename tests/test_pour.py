"""One decision for a clause-initial "Pour X," read as "according to X" (issue 15, item 2).

The codebook makes such a "pour" both a source HEDGE and an ATTR: both labels
come from :func:`framing.extract.pour.pour_source` and must agree on every
sentence, whether it opens a source or not.
"""
from __future__ import annotations

import pytest

from framing import analyze
from framing.analysis import parse_text
from framing.extract.pour import pour_source
from framing.resources import default_config, get_resources

#: (sentence, the source phrase or None) — real-looking news French
CASES = [
    ("Pour l'ONU, la situation humanitaire reste très préoccupante.", "l'ONU"),
    ("Pour Moscou, ces sanctions sont illégales.", "Moscou"),
    ("Pour le Premier ministre, le texte doit être adopté avant l'été.", "le Premier ministre"),
    ("Pour les détracteurs du projet, la réforme menace les services publics.", "les détracteurs du projet"),
    # (a pronoun needs its antecedent: attribution drops a source it cannot resolve)
    ("La militante Marie Dupont a manifesté samedi. Pour elle, la lutte n'est pas terminée.", "elle"),
    ("Cependant, pour les auteurs de l'étude, le risque reste faible.", "les auteurs de l'étude"),
    ("Mais pour les syndicats, le compte n'y est pas.", "les syndicats"),
    ("Pour rappel, le scrutin aura lieu en juin.", None),
    ("Pour la première fois, le gouvernement a reculé.", None),
    ("Pour l'instant, aucune date n'a été fixée.", None),
    ("Pour sa part, le ministre a refusé de commenter.", None),
    ("Pour remettre les choses dans leur contexte, la ville compte trois hôpitaux.", None),
    ("Pour se libérer de cette situation, elle a quitté la région.", None),
    ("Pour Vladimir Poutine, dont l'offensive piétine, la situation se complique.", None),
    ("Pour le 100e anniversaire de sa naissance, une cérémonie a eu lieu.", None),
    ("Pour les retours, des bouchons sont attendus dans le Sud-Ouest.", None),
    ("Pour la plupart, ils sont rentrés chez eux.", None),
    ("Pour 2024, la croissance devrait ralentir.", None),
    ("Pour le côté pratique, le musée a prévu des navettes gratuites.", None),
    ("Pour un économiste de la banque, la reprise sera lente.", "un économiste de la banque"),
    ("Le ministre a voté pour la France, a-t-il dit.", None),
]


@pytest.fixture(scope="module")
def res():
    return get_resources(default_config())


def _pour_index(doc):
    return next(i for i, t in enumerate(doc.tokens) if t.text.lower() == "pour")


@pytest.mark.parametrize("sentence,source", CASES)
def test_pour_source_decides_and_gives_the_phrase(res, sentence, source):
    doc = parse_text(sentence)
    k = _pour_index(doc)
    c = pour_source(doc, res, k)
    if source is None:
        assert c is None
    else:
        assert c is not None and doc.text[doc.tokens[k + 1].start:doc.tokens[c - 1].end] == source


@pytest.mark.parametrize("sentence,source", CASES)
def test_hedge_source_and_attr_agree(sentence, source):
    a = analyze(sentence)
    doc = parse_text(sentence)
    pour = doc.tokens[_pour_index(doc)]
    hedge = any(s.label == "HEDGE" and s.attrs.get("type") == "source" and s.start == pour.start for s in a.spans)
    attr = any(s.label == "ATTR" and s.start == pour.start for s in a.spans)
    assert hedge == attr == (source is not None)
