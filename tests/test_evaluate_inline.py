"""Gold a teacher or researcher writes by hand: inline markup in a copy of the article."""
from __future__ import annotations

import pytest

from framing.evaluate import GoldDocument, GoldError, evaluate, load_gold, merge_quote_pieces, parse_inline_gold
from framing.spans import Span

MARKED = (
    "Le Premier ministre ⟦ATTR source=\"Jean Dupont\" stype=person|a déclaré⟧ lundi que "
    "⟦IQUOTE speaker=\"Jean Dupont\" camp=nato_eu stance=neutral target=nato_eu|la réforme "
    "⟦HEDGE type=cond use=reportive|serait⟧ votée avant l'été⟧.\n"
)


def test_inline_markup_gives_the_text_and_nested_spans():
    text, spans = parse_inline_gold(MARKED)
    assert "⟦" not in text and "⟧" not in text
    assert [(s.label, text[s.start:s.end]) for s in spans] == [
        ("ATTR", "a déclaré"),
        ("IQUOTE", "la réforme serait votée avant l'été"),
        ("HEDGE", "serait"),
    ]
    assert spans[0].attrs == {"source": "Jean Dupont", "stype": "person"}


def test_an_annotated_copy_is_scored_with_framing_evaluate(tmp_path):
    (tmp_path / "reforme.ann.txt").write_text(MARKED, encoding="utf-8")
    docs = load_gold([tmp_path])
    assert [d.id for d in docs] == ["reforme"]
    ev = evaluate(docs)
    assert ev.units["HEDGE:cond"].f1 == 1.0
    assert ev.units["ATTR"].tp == 1


@pytest.mark.parametrize("bad, line", [
    ("Une ligne.\n⟦QUOTE speaker=X|« ouvert", 2),
    ("fermé⟧ sans ouverture", 1),
    ("⟦NOPE|mot⟧", 1),
    ("⟦QUOTE speaker|mot⟧", 1),
])
def test_malformed_markup_names_the_line(tmp_path, bad, line):
    path = tmp_path / "x.ann.txt"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(GoldError) as err:
        load_gold([path])
    assert str(err.value).startswith(f"{path}:{line}")


def test_quote_pieces_across_a_paragraph_break_are_one_quote():
    text = "« Nous irons jusqu'au bout.\n\n« Rien ne nous arrêtera », a-t-elle dit."
    a = {"speaker": "X", "camp": "other"}
    pieces = [Span(text="", label="QUOTE", start=0, end=27, attrs=a),
              Span(text="", label="QUOTE", start=29, end=53, attrs=a)]
    merged = merge_quote_pieces(text, pieces)
    assert [(s.start, s.end) for s in merged] == [(0, 53)]
    other = [pieces[0], Span(text="", label="QUOTE", start=29, end=53, attrs={"speaker": "Y"})]
    assert len(merge_quote_pieces(text, other)) == 2


def test_an_annotated_copy_beside_its_json_is_read_once(tmp_path):
    import json

    text, spans = parse_inline_gold(MARKED)
    (tmp_path / "reforme.ann.txt").write_text(MARKED, encoding="utf-8")
    (tmp_path / "reforme.json").write_text(json.dumps(
        {"doc": "reforme", "text": text, "spans": [s.to_dict() for s in spans]}), encoding="utf-8")
    assert [d.id for d in load_gold([tmp_path])] == ["reforme"]


def test_a_source_name_is_compared_without_its_article():
    # codebook: a canonical name ("ministère de l'Intérieur"); the article of a description adds
    # nothing, the article of a proper name is part of it
    marked = ("⟦ATTR source=\"le gouvernement\" stype=institution|Le gouvernement a annoncé⟧ une "
              "réforme, puis ⟦ATTR source=\"Le Parisien\" stype=media|Le Parisien a précisé⟧ la date.")
    text, gold = parse_inline_gold(marked)
    pred = [Span("ATTR", g.start, g.end, g.text, {"source": name, "stype": g.attrs["stype"]})
            for g, name in zip(gold, ("gouvernement", "Parisien"))]
    ev = evaluate([GoldDocument("g", text, gold)], {"g": pred})
    assert ev.attribute_accuracy()["ATTR"]["source"] == 0.5
