"""Direct quotes and scare quotes: pairing, classification, mixed quotes (framing.extract.quotes)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.backends.builtin import BuiltinBackend
from framing.extract import attribution, quotes
from framing.extract.quotes import MAX_CHARS, pair_quotes
from framing.resources import default_config, get_resources

RES = get_resources(default_config())


def run(text: str):
    doc = BuiltinBackend().parse(text)
    spans = quotes.extract(doc, [], RES)
    return attribution.extract(doc, spans, RES)


def quote_texts(text: str) -> list[str]:
    return [s.text for s in run(text) if s.label == "QUOTE"]


def scare_texts(text: str) -> list[str]:
    return [s.text for s in run(text) if s.label == "HEDGE" and s.attrs.get("type") == "scare"]


# --- pairing -------------------------------------------------------------------

PAIRING = [
    # (text, expected quote texts)
    ("Il a déclaré : « Nous ne céderons pas. »", ["« Nous ne céderons pas. »"]),
    ("Il a déclaré :\u00a0«\u202fNous ne céderons pas.\u202f»", ["«\u202fNous ne céderons pas.\u202f»"]),
    ('"Nous allons gagner cette guerre", a affirmé le ministre.', ['"Nous allons gagner cette guerre"']),
    ("“Ceux qui se sont battus sont tous des héros”, a déclaré Kim.", ["“Ceux qui se sont battus sont tous des héros”"]),
    ("‹ Nous verrons bien demain ce qui se passera ›, a-t-il dit.", ["‹ Nous verrons bien demain ce qui se passera ›"]),
    # nested: only the outer quotation is a span
    ("« Il m’a dit “jamais” hier soir devant tout le monde », a raconté Paul Martin.",
     ["« Il m’a dit “jamais” hier soir devant tout le monde »"]),
    ("« Le président a parlé d'une « trahison » inacceptable pour nous », a dit Anne Dupont.",
     ["« Le président a parlé d'une « trahison » inacceptable pour nous »"]),
    # apostrophes are never quotation marks
    ("L'armée d’aujourd’hui n'a pas changé, a-t-on appris.", []),
    # an unmatched closing mark is skipped
    ("Un texte » avec un guillemet fermant seul.", []),
]


@pytest.mark.parametrize("text,expected", PAIRING)
def test_quote_pairing(text, expected):
    assert quote_texts(text) == expected


def test_split_quote_two_spans_same_speaker():
    text = ("Sabrina Singh, porte-parole du Pentagone, a révélé que les forces sont en Russie. "
            "« Ce déploiement, » a déclaré Singh, « révèle la dépendance croissante de Poutine. »")
    qs = [s for s in run(text) if s.label == "QUOTE"]
    assert [q.text for q in qs] == ["« Ce déploiement, »", "« révèle la dépendance croissante de Poutine. »"]
    assert {q.attrs["speaker"] for q in qs} == {"Sabrina Singh"}
    assert all(q.attrs.get("mixed") != "yes" for q in qs)


def test_multi_paragraph_quote_is_one_span():
    text = ("Le ministre a longuement parlé :\n"
            "« Nous avons tout essayé pour éviter cette guerre, vraiment tout.\n"
            "« Mais l'ennemi n'a rien voulu entendre et nous devons nous défendre. »\n"
            "La séance a ensuite été levée.")
    qs = quote_texts(text)
    assert len(qs) == 1
    assert qs[0].startswith("« Nous avons") and qs[0].endswith("nous défendre. »")


def test_multi_paragraph_straight_quotes():
    text = ('"Premier paragraphe de la déclaration du porte-parole.\n'
            '"Second paragraphe, qui termine la déclaration", a-t-il dit.\n')
    qs = quote_texts(text)
    assert len(qs) == 1 and qs[0].endswith('déclaration"')


def test_unmatched_opening_mark_never_runs_away():
    text = ("« Début d'une citation jamais fermée.\n\n"
            "Un autre paragraphe sans rapport.\n\n"
            "Encore un paragraphe où le ministre a dit « nous verrons » hier.")
    spans = run(text)
    assert not any(s.start == 0 for s in spans)
    q = [s for s in spans if s.label == "QUOTE"]
    assert [s.text for s in q] == ["« nous verrons »"]


def test_odd_number_of_straight_quotes():
    text = 'Il a dit "oui. Puis il a ajouté "non merci" et il est parti. Fin " du texte.'
    spans = run(text)  # no crash
    for s in spans:
        assert len(s.text) < 200


def test_pairs_bounded_in_length():
    text = "« " + "mot " * 3000 + "»"
    assert pair_quotes(text) == []


def test_a_quotation_cut_off_with_its_article_runs_to_the_end():
    text = "Il se lance : « Un jour sonne chez vous un vendeur. Il parle bien, formidable. Vous fermez la porte.\n"
    assert pair_quotes(text) == [(text.index("«"), len(text) - 1)]
    # not one opened in an earlier paragraph that the next does not take up
    text = "Il se lance : « Un jour sonne un vendeur.\n\nLe lendemain, il est revenu."
    assert pair_quotes(text) == []


def test_many_unmatched_marks_complete():
    # adversarial input: must stay linear (no timing asserted, but a quadratic pairing would hang)
    text = "« a " * 50000 + '" b ' * 50000 + "» c " * 50000
    pairs = pair_quotes(text)
    assert all(e - s <= MAX_CHARS + 1 for s, e in pairs)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('«»“”‹›"\'’ \nab.,:')), max_size=300))
def test_pair_quotes_properties(text):
    pairs = pair_quotes(text)
    last_end = -1
    for s, e in pairs:
        assert 0 <= s < e <= len(text)
        # (or a « still open when the text ends: a cut-off quotation runs to the end)
        assert text[s] in '«“‹"”' and (text[e - 1] in '»”›"“' or (text[s] == "«" and e == len(text.rstrip())))
        assert s >= last_end  # sorted, non-overlapping
        last_end = e


# --- classification ------------------------------------------------------------

SCARE = [
    ("Moscou et Pyongyang avaient signé un « traité de partenariat global » en juin.",
     ["« traité de partenariat global »"]),
    ("Malgré la « transparence » du champ de bataille, aucune image n'a été produite.", ["« transparence »"]),
    ("Ce mouvement suscite des craintes que Kim “réduise” Poutine à un rôle subordonné.", ["“réduise”"]),
    # titles, outlets and names in quotation marks get nothing
    ("Comme le rapporte le «New York Times», les soldats sont déjà formés.", []),
    ("Plus de «International»", []),
    ("Il écrit dans le journal « la Croix » chaque semaine.", []),
    ('La victoire du "oui" est nette.', []),
    ('La commission a annoncé officiellement une victoire du "oui" à 77,92%.', []),
    ('Il s\'attend à des tactiques de type "hack-and-leak".', []),
    # a translation in brackets after a quoted name is a gloss, not a scare quote
    ('Le site, baptisé "PeaceData" ("données de paix"), publiait des articles.', []),
]


def test_subheading_between_dashes_is_a_quote():
    text = "Le régime a fermé ses canaux.\n\n- « Cycle de provocation » -\n\nPour un expert, le cycle commence."
    assert scare_texts(text) == []
    assert quote_texts(text) == ["« Cycle de provocation »"]


@pytest.mark.parametrize("text,expected", SCARE)
def test_scare_quotes(text, expected):
    assert scare_texts(text) == expected
    if not expected:
        assert quote_texts(text) == []


MIXED = [
    # (text, quote, mixed?)
    ("Le porte-parole Koo Byoungsam a qualifié le déploiement “un acte contre l’humanité” qui a tout sacrifié.",
     "“un acte contre l’humanité”", True),
    ("Volodymyr Zelensky affirmait qu’un nombre « important » de soldats participaient aux combats.",
     "« important »", True),
    ("Ahn Chan-il, un déserteur, a déclaré : “Nous comprenons mieux que quiconque la culture militaire.”",
     "“Nous comprenons mieux que quiconque la culture militaire.”", False),
    ("« Les premières données indiquent que la Russie a commencé », a déclaré M. Zelensky.",
     "« Les premières données indiquent que la Russie a commencé »", False),
    ("Le Kremlin s'est félicité jeudi d'un \"triomphe\" après le référendum.", '"triomphe"', True),
]


@pytest.mark.parametrize("text,quote,mixed", MIXED)
def test_mixed_quotes(text, quote, mixed):
    qs = {s.text: s for s in run(text) if s.label == "QUOTE"}
    assert quote in qs
    assert (qs[quote].attrs.get("mixed") == "yes") is mixed


def test_quote_span_includes_marks_and_offsets():
    text = "Il a dit : « Nous partons. »"
    (q,) = [s for s in run(text) if s.label == "QUOTE"]
    assert text[q.start:q.end] == q.text == "« Nous partons. »"


def test_quote_features():
    from framing.features import FeatureContext

    text = "« Nous partons demain matin. », a dit Paul Martin. Il a parlé d'une « erreur »."
    doc = BuiltinBackend().parse(text)
    spans = attribution.extract(doc, quotes.extract(doc, [], RES), RES)
    ctx = FeatureContext(doc, spans, sum(1 for _ in doc.words()), len(doc.sentences))
    f = quotes.features(ctx)
    assert set(f) == {"quote_per_1k", "quote_mixed_share", "n_quotes"}
    assert f["n_quotes"] >= 1 and f["quote_per_1k"] > 0


def test_french_and_straight_marks_typed_as_one_pair():
    from framing.extract.quotes import pair_quotes

    text = ('" Vous avez tort » a répondu le ministre. « Les voisins vous le confirmeront sans hésiter ". '
            '" Et quand on est honnête, on leur rend hommage " a-t-il terminé.')
    quoted = [text[a:b] for a, b in pair_quotes(text)]
    assert quoted == ['" Vous avez tort »', "« Les voisins vous le confirmeront sans hésiter \"",
                      '" Et quand on est honnête, on leur rend hommage "']
