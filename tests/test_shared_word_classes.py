"""Word classes and tests shared by the readers (one finite-auxiliary set, one dative-clitic test, the
titles of the lexicon, the adjectives placing a role's holder in time)."""
from __future__ import annotations

from framing.analysis import analyze, parse_text
from framing.extract import attribution, speakers
from framing.extract.speakers import Source, lexica
from framing.grammar import FINITE_AUXILIARIES
from framing.resources import default_config, get_resources


def _index(doc, word: str) -> int:
    return next(i for i, t in enumerate(doc.tokens) if t.text == word)


def test_finite_auxiliaries_leave_out_the_participles_and_infinitives():
    assert {"a", "est", "avaient", "seront"} <= FINITE_AUXILIARIES
    assert not {"ayant", "étant", "avoir", "être", "eu", "été"} & FINITE_AUXILIARIES


def test_a_role_noun_an_auxiliary_follows_heads_the_main_clause():
    doc = parse_text("Face au dirigeant du club de Léa Morin, la journaliste a perdu patience.")
    assert speakers.heads_main_clause(doc.tokens, _index(doc, "journaliste"))
    doc = parse_text("Il a reçu Léa Morin, la journaliste ayant couvert le procès.")
    assert not speakers.heads_main_clause(doc.tokens, _index(doc, "journaliste"))


def test_an_abbreviated_title_of_the_lexicon_is_glued_to_its_dot():
    titles = lexica(get_resources(default_config())).titles
    doc = parse_text("Mlle. Odile Ferrand et Dr. Paul Lenoir sont venus.")
    dots = [i for i, t in enumerate(doc.tokens) if t.text == "."]
    assert [attribution._title_dot(doc.tokens, k, titles) for k in dots[:2]] == [True, True]
    doc = parse_text("Il a vu Paul. Puis il part.")
    assert not attribution._title_dot(doc.tokens, _index(doc, "."), titles)


def _holder_in_time(text: str, description: str) -> bool:
    doc = parse_text(text)
    at = attribution._Attributor(doc, [], get_resources(default_config()))
    start = text.index(description)
    return at._holder_in_time(Source(description, "person", start, start + len(description)))


def test_only_the_adjective_after_the_determiner_places_the_holder_in_time():
    text = "Le nouveau maire a parlé, puis le leader du nouveau parti a répondu."
    assert _holder_in_time(text, "Le nouveau maire")
    assert _holder_in_time(text, "nouveau maire")  # (a span without its determiner)
    assert not _holder_in_time(text, "le leader du nouveau parti")


def test_a_proposal_to_the_reader_is_no_request_put_to_a_third_party():
    iquotes = lambda text: [s for s in analyze(text).spans if s.label == "IQUOTE"]  # noqa: E731
    assert not iquotes("Le site Ciné Hebdo vous propose de regarder les photos de la fête du village.")
    assert iquotes("Le site Ciné Hebdo leur propose de regarder les photos de la fête du village.")
