"""The same French text in NFC and NFD (decomposed accents) gives the same results (issue 21, item 13).

The analysis runs on an NFC view of the text; every offset is reported in the
original text, so ``text[start:end] == span.text`` holds on what the user gave.
"""
from __future__ import annotations

import json
import unicodedata

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from framing import analyze
from framing.cli import cli
from framing.textview import TextView

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def comparable(result) -> list[tuple]:
    """Spans as labels and attributes, offsets left out (they differ between the forms)."""
    return [(s.label, {k: v for k, v in s.attrs.items() if not k.endswith("_span")}) for s in result.spans]


def assert_same_analysis(original: str) -> None:
    """``original`` (any mix of forms) is analysed exactly as its NFC form, offsets into ``original``."""
    got, want = analyze(original), analyze(nfc(original))
    assert got.text == original
    assert got.features == want.features
    assert (got.n_words, got.n_sentences) == (want.n_words, want.n_sentences)
    assert comparable(got) == comparable(want)
    for span, nfc_span in zip(got.spans, want.spans):
        # the same words; a span ending between two marks of one letter takes the whole letter
        assert nfc_span.text in nfc(span.text)
        assert 0 <= span.start <= span.end <= len(original)
        assert original[span.start:span.end] == span.text
        for key, value in span.attrs.items():
            if key.endswith("_span") and isinstance(value, list):
                a, b = value
                assert 0 <= a <= b <= len(original), (key, value)
    for a, b in got.excluded:
        assert 0 <= a <= b <= len(original)


def test_nfd_seed_articles_give_the_nfc_results():
    for text in SEED_TEXTS:
        decomposed = unicodedata.normalize("NFD", text)
        assert decomposed != text  # French accents do decompose
        assert_same_analysis(decomposed)


def test_nfd_speaker_mentions_point_at_the_same_words():
    text = unicodedata.normalize("NFD", SEED_TEXTS[0])
    got, want = analyze(text), analyze(nfc(text))
    pairs = [(g.attrs[k], w.attrs[k]) for g, w in zip(got.spans, want.spans)
             for k in g.attrs if k.endswith("_span") and isinstance(g.attrs[k], list)]
    assert pairs  # the seed article has attributed quotes
    for (a, b), (c, d) in pairs:
        assert nfc(text[a:b]) == nfc(SEED_TEXTS[0])[c:d]


def test_decomposed_hedges_and_loaded_words_are_found():
    text = unicodedata.normalize("NFD", "Selon le ministère, l'armée aurait été déployée près de la frontière. "
                                        "C'est une décision désastreuse, a déclaré le député.")
    result = analyze(text)
    keys = {s.key for s in result.spans}
    assert {"HEDGE:source", "HEDGE:cond"} <= keys
    for s in result.spans:
        assert text[s.start:s.end] == s.text


@st.composite
def mixed_forms(draw):
    """A seed slice whose pieces are each in NFC or NFD, with stray combining marks now and then."""
    text = draw(st.sampled_from(SEED_TEXTS))
    a = draw(st.integers(0, len(text) - 1))
    piece = text[a:a + draw(st.integers(1, 600))]
    cuts = sorted(draw(st.lists(st.integers(0, len(piece)), max_size=6)))
    out, last = [], 0
    for cut in cuts + [len(piece)]:
        form = draw(st.sampled_from(("NFC", "NFD")))
        out.append(unicodedata.normalize(form, piece[last:cut]))
        last = cut
        if draw(st.booleans()):
            out.append(draw(st.sampled_from(("\u0301", "\u0300", "\u0327", "\u0308", "e\u0301"))))
    return "".join(out)


@PROPERTY
@given(mixed_forms())
def test_any_mix_of_forms_is_analysed_as_its_nfc_form(text):
    assert_same_analysis(text)


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(max_codepoint=0x3000, exclude_categories=("Cs",)), max_size=40))
def test_view_is_nfc_and_maps_back_to_covering_offsets(text):
    view = TextView.of(text)
    assert view.text == nfc(text)
    assert view.to_original(0, len(view.text)) == (0, len(text))
    for a in range(len(view.text) + 1):
        for b in range(a, min(len(view.text), a + 6) + 1):
            oa, ob = view.to_original(a, b)
            assert 0 <= oa <= ob <= len(text)
            assert view.text[a:b] in nfc(text[oa:ob])  # the mapped span covers the view's span


def test_nfc_text_is_its_own_view():
    text = SEED_TEXTS[1]
    view = TextView.of(text)
    assert view.text is text and not view.changed


def test_cli_scores_nfd_and_nfc_files_alike(tmp_path):
    nfd_text = unicodedata.normalize("NFD", SEED_TEXTS[2])
    (tmp_path / "nfd.txt").write_text(nfd_text, encoding="utf-8")
    (tmp_path / "nfc.txt").write_text(SEED_TEXTS[2], encoding="utf-8")
    res = CliRunner().invoke(cli, ["score", str(tmp_path / "nfd.txt"), str(tmp_path / "nfc.txt"),
                                   "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    by_id = {d["id"]: d for d in map(json.loads, res.stdout.splitlines())}
    assert by_id["nfd"]["features"] == by_id["nfc"]["features"]
    for s in by_id["nfd"]["spans"]:
        assert nfd_text[s["start"]:s["end"]] == s["text"]


def test_compare_bootstraps_the_sentences_of_both_forms_alike(tmp_path):
    import numpy as np

    from framing.compare import collect

    replicates = []
    for form in ("NFC", "NFD"):
        (tmp_path / form).mkdir()
        path = tmp_path / form / "a.txt"  # the same id: the same random stream
        path.write_text(unicodedata.normalize(form, SEED_TEXTS[0]), encoding="utf-8")
        (record,), errors, _ = collect([path], n_sentence_resamples=20)
        assert not errors and record.sentence_replicates is not None
        replicates.append(record.sentence_replicates)
    np.testing.assert_array_equal(replicates[0], replicates[1])
