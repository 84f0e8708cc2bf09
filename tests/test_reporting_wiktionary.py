"""The Wiktionary-derived reporting verbs (tools/build_reporting_wiktionary.py, issue 16)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from build_reporting_wiktionary import counts_as_speech, derive, head_of, qualifies, usable  # noqa: E402

from framing import analyze  # noqa: E402

SEEDS = {"dire", "parler", "se plaindre"}


def test_head_of_reads_the_opening_infinitive_and_reflexives():
    assert head_of("Dire une chose hautement.") == "dire"
    assert head_of("Se plaindre sans cesse.") == "se plaindre"
    assert head_of("Race de grand chien d'arrêt.") == ""


def test_generic_heads_restricted_subjects_and_se_dit_do_not_count():
    assert counts_as_speech("Faire connaître d'une façon manifeste.", SEEDS | {"faire"}) == ""
    assert counts_as_speech("Parler, en parlant de certains oiseaux.", SEEDS) == ""
    assert counts_as_speech("Se dit d'une personne bavarde.", SEEDS) == ""
    assert counts_as_speech("Adresser la parole à quelqu'un.", SEEDS) == "adresser la parole"


def test_share_of_verb_senses():
    glosses = ["Déclarer par un acte ce que l'on veut.", "Soumettre à un test.", "Défier, provoquer."]
    assert qualifies(glosses, {"déclarer"}, "any") == "déclarer"
    assert qualifies(glosses, {"déclarer"}, "0.67") == ""
    assert qualifies(["Parler beaucoup.", "Dire des riens.", "Oiseau."], SEEDS, "0.67") == "parler"
    # one sense of two is not enough, whatever the share
    assert qualifies(["Rendre valide.", "Dire que c'est valide."], SEEDS, "0.5") == ""
    assert qualifies(["Dire que c'est valide."], SEEDS, "0.5") == "dire"


def test_a_label_in_parentheses_is_no_head():
    assert head_of("(Parler nivernais) Boire de l'alcool avec excès.") == "boire"


def test_closure_is_capped_and_skips_known_verbs():
    glosses = {"pérorer": ["Parler avec emphase."], "discourir": ["Parler longuement."],
               "jaser": ["Pérorer sans fin."]}
    assert set(derive(glosses, SEEDS, {"discourir"}, 1, "any")) == {"pérorer"}
    assert set(derive(glosses, SEEDS, set(), 2, "any")) == {"pérorer", "discourir", "jaser"}


def test_nouns_read_as_verbs_and_unattested_verbs_are_left_out():
    attested, nouns = {"voter", "pérorer", "vouloir"}, {"vote"}
    assert not usable("voter", {}, attested, nouns)
    assert usable("pérorer", {}, attested, nouns)
    assert not usable("paroler", {}, attested, nouns)
    assert not usable("se vouloir", {"vouloir": ["Avoir la volonté."]}, attested, nouns)


def _attr(text):
    return [s.text for s in analyze(text).spans if s.label == "ATTR"]


@pytest.mark.parametrize("text, cue", [
    ("« Il y a la violence, la drogue, le sexe », avait-il énuméré devant les élus.", "avait-il énuméré"),
    ("Le maire a rabâché que la commune n'avait pas les moyens.", "a rabâché"),
])
def test_derived_verbs_report_in_a_content_frame(text, cue):
    assert cue in _attr(text)


def test_derived_verbs_are_strict():
    # strict=content: a plain object is no reported content, nor is a passive with "par"
    assert _attr("Les secouristes ont dénombré les victimes dans la soirée.") == []
    assert _attr("La décision a été notifiée par la préfecture aux exploitants.") == []


def test_a_derived_gerund_after_a_cue_is_its_manner():
    text = "Le député a ironisé en criant à son collègue : « À poil ! »"
    assert _attr(text) == ["a ironisé"]


def test_a_derived_verb_of_manner_of_speaking_reports_a_quotation():
    assert "a crié" in _attr("Quelqu'un a crié : « Attention au cerf ! »")


def test_nouns_of_derived_verbs_are_no_reporting_nouns():
    assert _attr("L'adolescente pousse des hurlements dans la cour.") == []
