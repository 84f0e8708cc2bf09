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


@pytest.mark.parametrize("text,source", [
    # an addressee or a medium between the inserted verb and its subject (constructed examples)
    ('"Nous verrons", a dit à l\'AFP le directeur.', "le directeur"),
    ('"Nous verrons", a dit sur CNBC jeudi le directeur général de la société.', "le directeur général de la société"),
    ('"Nous verrons", a déclaré sur France Inter le ministre.', "le ministre"),
    ('"Nous verrons", a dit à l\'AFP Jean Dupont.', "Jean Dupont"),
    ('"Nous verrons", a expliqué à la presse le ministre.', "le ministre"),
    ('"Nous verrons", a déclaré à l\'AFP par téléphone Franck, un membre.', "Franck"),
    ('"Nous verrons", a écrit sur Twitter la députée.', "la députée"),
    # a circumstance phrase with a lower-case complement, or two phrases in a row
    ('"Nous verrons", a dit lors d\'une réunion publique Jean Dupont.', "Jean Dupont"),
    ('"Tout est sous contrôle", a annoncé en début de soirée sur son fil Facebook la préfecture de Rouen.',
     "préfecture de Rouen"),
    ('Le curé a prêché. "Tout reste à faire", glissait au printemps passé sa locataire.', "sa locataire"),
])
def test_inverted_subject_after_an_addressee_or_a_medium(text, source):
    attrs = [s for s in analyze(text).spans if s.label == "ATTR"]
    assert [s.attrs.get("source") for s in attrs] == [source]


@pytest.mark.parametrize("text,cue", [
    # an auxiliary, its inverted subject clitic, then the participle: compound tenses of an incise
    ("Marie Dupuis était à Lyon. « Nous irons jusqu'au bout », a-t-elle terminé.", "a-t-elle terminé"),
    ("Marie Dupuis était à Lyon. « Le projet avance », avait-elle écrit.", "avait-elle écrit"),
])
def test_a_compound_inverted_clause_after_a_quote_is_an_attribution(text, cue):
    assert attrs(text)[cue].attrs["source"] == "Marie Dupuis"
    (q,) = [s for s in analyze(text).spans if s.label == "QUOTE"]
    assert q.attrs["speaker"] == "Marie Dupuis"


def test_a_noun_and_its_complement_is_no_addressee():
    text = 'Il invoque le « principe de précaution », défini dans la déclaration de Rio adoptée en 1992.'
    assert [s.text for s in analyze(text).spans if s.label == "ATTR" and s.text == "défini"] == []


@pytest.mark.parametrize("text,source", [
    # adverbials between the auxiliary and the verb, or between the verb and its inverted subject
    ('"Nous fermerons", a d\'abord lancé le vice-président du parti.', "le vice-président du parti"),
    ('"Nous fermerons", a quant à lui déclaré le ministre.', "le ministre"),
    ('"Nous fermerons", a déclaré lundi, Leonor Briones, la ministre de l\'Education.', "Leonor Briones"),
    ('"Nous fermerons", a demandé très clairement le journaliste à la députée.', "le journaliste"),
    ('"Nous fermerons", poursuit sobrement Marie Durand.', "Marie Durand"),
    ('"Nous fermerons", a déclaré ce mardi 23 mai le président.', "le président"),
])
def test_adverbials_around_an_inserted_verb(text, source):
    attrs = [s for s in analyze(text).spans if s.label == "ATTR"]
    assert [s.attrs.get("source") for s in attrs] == [source]


def test_a_que_clause_after_an_adverbial_and_an_addressee():
    text = "Le conducteur, prénommé Jan Kowal, a indiqué plus tard à la chaîne de télévision TVN qu'il a freiné."
    spans = analyze(text).spans
    assert [(s.text, s.attrs.get("source")) for s in spans if s.label == "ATTR"] == [("a indiqué", "Jan Kowal")]
    assert [s.text for s in spans if s.label == "IQUOTE"] == ["il a freiné"]


def test_a_publication_read_by_an_impersonal_on_is_the_source():
    # « … », lit-on dans X / peut-on lire dans X: the words are the publication's
    from framing.analysis import analyze

    for text in ("« Le parti traverse une crise profonde », lit-on dans Le Courrier du soir.",
                 "« Le parti traverse une crise profonde », peut-on lire dans Le Courrier du soir."):
        spans = analyze(text).spans
        quote = next(s for s in spans if s.label == "QUOTE")
        attr = next(s for s in spans if s.label == "ATTR")
        assert quote.attrs["speaker"].endswith("Courrier du soir"), text
        assert attr.text in ("lit-on", "peut-on lire")


def test_an_addressee_clitic_before_an_inverted_verb_of_saying():
    # « … », nous explique-t-il: "nous" is the addressee, "il" the speaker (no writer citing itself)
    from framing.analysis import analyze

    text = ("Le réalisateur Paul Verdier a passé deux ans sur ce film. "
            "« Il fallait du temps pour la convaincre », nous explique-t-il.")
    spans = analyze(text).spans
    attr = next(s for s in spans if s.label == "ATTR" and "explique" in s.text)
    quote = next(s for s in spans if s.label == "QUOTE")
    assert attr.attrs["source"] == quote.attrs["speaker"] == "Paul Verdier"
