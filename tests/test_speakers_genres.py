"""Speaker rules that hold on genres other than wire copy (issue 16): each test a short constructed
sentence illustrating one general rule of French or of news writing."""
from __future__ import annotations

from framing.analysis import analyze


def labelled(text, label):
    return [s for s in analyze(text).spans if s.label == label]


def attr(text, cue):
    found = {a.text: a for a in labelled(text, "ATTR")}
    assert cue in found, list(found)
    return found[cue]


def test_a_short_institution_noun_after_a_contracted_article_takes_its_fuller_mention():
    text = ("Trois hommes ont été arrêtés, a annoncé le ministère de l'Intérieur. "
            "« Ils seront jugés », indique un communiqué du ministère.")
    assert attr(text, "indique").attrs["source"] == "ministère de l'Intérieur"


def test_a_short_institution_noun_takes_the_fuller_mention_written_later():
    text = ("Un agent a été blessé, a annoncé la gendarmerie. Des renforts sont arrivés dans la nuit, "
            "a ensuite précisé la gendarmerie de Lyon sur son compte.")
    assert attr(text, "a annoncé").attrs["source"] == "gendarmerie de Lyon"
