"""The builtin pipeline on real seed text: tokens, sentences, offsets, cruft."""
from framing.backends.builtin import BuiltinBackend
from framing.cruft import find_cruft


def test_tokens_point_into_text(seed_texts):
    for text in seed_texts.values():
        doc = BuiltinBackend().parse(text)
        assert doc.tokens
        for t in doc.tokens:
            assert text[t.start:t.end] == t.text


def test_french_tokenisation():
    doc = BuiltinBackend().parse("L’armée aurait déployé 12 000 soldats, a-t-il déclaré d'après Kim Jong-un.")
    forms = [t.text for t in doc.tokens]
    assert forms[:2] == ["L’", "armée"]
    assert "12 000" in forms and "-t-il" in forms and "Jong-un" in forms
    assert forms[forms.index("-t-il") - 1] == "a"
    assert ["d'", "après"] == forms[forms.index("d'"):forms.index("d'") + 2]


def test_cruft_on_seeds(seed_texts):
    t0 = seed_texts["000_b7e5882650752a5f"]
    (start, end), = find_cruft(t0)
    assert t0[start:].startswith("Previous") and end == len(t0.rstrip())
    t1 = seed_texts["001_f69122c24c78aea5"]
    regions = [t1[a:b] for a, b in find_cruft(t1)]
    assert any(r.startswith("Video: watson\nCeci pourrait également vous intéresser") for r in regions)
    assert "Plus de «International»" in regions
    # the article body is never excluded
    assert not any("Ruslan Leviev" in r for r in regions)


def test_inline_teaser_excludes_one_line_only():
    body = "La Russie a lancé une offensive dans la région de Koursk, selon le ministère.\n"
    text = body * 3 + "Lire aussi : Ukraine, la guerre continue\n" + body * 3
    regions = [text[a:b] for a, b in find_cruft(text)]
    assert regions == ["Lire aussi : Ukraine, la guerre continue"]


def test_names_and_initials():
    forms = lambda s: [t.text for t in BuiltinBackend().parse(s).tokens]  # noqa: E731
    assert "Jong-il" in forms("Kim Jong-il a parlé.")
    assert forms("Emmanuel Macron - qui parle")[1:3] == ["Macron", "-"]
    assert "U.S.A." in forms("Les U.S.A. ont dit non.")
