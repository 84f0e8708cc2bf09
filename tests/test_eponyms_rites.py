"""Names of places and bodies named after someone, and verbs of praise that perform a rite
(issue 16; invented sentences)."""
from __future__ import annotations

from framing.analysis import analyze


def spans(text, label="ATTR"):
    return [s for s in analyze(text).spans if s.label == label]


def test_centre_named_after_someone_is_the_organisation():
    a = spans("Le centre Paul Arnaud de Lyon a appelé le gouvernement à « agir vite ».")[0].attrs
    assert a["source"] == "centre Paul Arnaud de Lyon"
    assert a["stype"] == "institution"


def test_capitalised_foundation_name_is_no_person():
    a = spans("La Fondation Robert Martin a dénoncé « une faute grave ».")[0].attrs
    assert a["source"] == "Fondation Robert Martin"
    assert a["stype"] != "person"


def test_school_named_after_someone_is_no_person_of_the_document():
    text = ("Le lycée Louise Mercier a annoncé sa fermeture. Le maire a regretté « une décision brutale ». "
            "Il a ajouté qu'il écrirait au recteur.")
    sources = [s.attrs["source"] for s in spans(text)]
    assert "lycée Louise Mercier" in sources
    assert not any(s in ("Louise Mercier", "Mercier") for s in sources)


def test_later_surname_does_not_resolve_to_the_eponym():
    text = ("Une cérémonie s'est tenue rue Paul Girard. "
            "M. Girard, le boulanger du quartier, a déclaré : « Nous étions nombreux. »")
    a = spans(text)[0].attrs
    assert a["source"] != "Paul Girard"


def test_person_after_a_role_noun_is_still_a_person():
    a = spans("La directrice Claire Lemoine a déclaré : « Le musée rouvrira lundi. »")[0].attrs
    assert a["source"] == "Claire Lemoine"
    assert a["stype"] == "person"


def test_mass_celebrated_by_someone_is_no_attribution():
    assert spans("Une messe y sera célébrée par l'archevêque de Lyon dimanche.") == []
    assert spans("Une messe solennelle sera célébrée par l'évêque samedi.") == []


def test_priest_celebrating_a_rite_reports_nothing():
    assert spans("Le prêtre Paul Martin a célébré la messe dimanche matin.") == []
    assert spans("Paul Durand fêtera son anniversaire en famille.") == []


def test_praise_of_an_act_is_still_a_cue():
    found = spans("Le maire Paul Martin a célébré l'accord trouvé avec les syndicats.")
    assert [s.text for s in found] == ["a célébré"]
    found = spans("La ministre a été célébrée par ses partisans pour sa victoire.")
    assert [s.text for s in found] == ["a été célébrée par"]


def test_name_after_the_body_a_person_heads_is_that_person():
    text = "« Le chantier avance bien », précise la responsable du musée Paule Lemaire."
    a = spans(text)[0].attrs
    assert a["source"] == "Paule Lemaire"
    assert a["stype"] == "person"


def test_laureate_of_a_prize_is_a_person():
    a = spans("Le prix Nobel Marie Lambert a déclaré : « La recherche manque de moyens. »")[0].attrs
    assert a["source"] == "Marie Lambert"


def test_description_in_apposition_after_a_name_is_that_person():
    text = ("Sur son blog, Claire Lemoine, une enseignante de l'université Paul Valéry, à Montpellier, "
            "a reconnu avoir menti « pendant des années ».")
    a = spans(text)[0].attrs
    assert a["source"] == "Claire Lemoine"


def test_name_closing_another_phrase_is_not_the_description():
    text = "Interrogé par Claire Lemoine, un témoin a affirmé qu'il avait vu la voiture."
    assert spans(text)[-1].attrs["source"] != "Claire Lemoine"


def test_pronoun_after_an_eponym_does_not_resolve_to_the_person():
    text = "Le centre Paul Arnaud de Lyon a rouvert lundi. « Nous sommes prêts », a-t-il déclaré."
    a = spans(text)[-1].attrs
    assert a["source"] not in ("Paul Arnaud", "Paul Arnaud de Lyon")
    assert a["stype"] != "person"
