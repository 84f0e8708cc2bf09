"""The stanza backend without models: the adapter on Documents built from CoNLL-U,
the one-line errors when stanza or its French models are missing, ``framing models``.

Nothing here downloads anything or builds a neural pipeline: stanza builds full
Documents from CoNLL-U (``CoNLL.conll2doc``) and from token dictionaries.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

stanza = pytest.importorskip("stanza")

from stanza.models.common.doc import Document  # noqa: E402
from stanza.utils.conll import CoNLL  # noqa: E402

from framing import backends, syntax  # noqa: E402
from framing.analysis import analyze_parsed  # noqa: E402
from framing.backends import BackendError, get_backend  # noqa: E402
from framing.backends.conllu import parse_conllu  # noqa: E402
from framing.backends.stanza_backend import (StanzaBackend, from_stanza_document,  # noqa: E402
                                             missing_models)
from framing.evaluate import Evaluation, load_gold, score_document  # noqa: E402

from conftest import FIXTURES, ROOT, SEEDS, SHARED  # noqa: E402

FIXTURE = FIXTURES / "seed_sentences.conllu"
UD_GSD_TEST = SHARED / "data" / "ud" / "GSD" / "fr_gsd-ud-test.conllu"


def _layers(doc):
    return [(t.text, t.start, t.end, t.lemma, t.upos, t.feats, t.head, t.deprel, t.ner, t.sent)
            for t in doc.tokens]


def _one_document(path: Path) -> str:
    """The file's sentences as one document (stanza's conll2doc ignores # newdoc)."""
    return "".join(line for line in path.read_text(encoding="utf-8").splitlines(True)
                   if not line.startswith("# newdoc"))


@pytest.mark.parametrize("reconstruct", [False, True])
def test_stanza_document_from_conllu_equals_conllu_input(reconstruct):
    content = _one_document(FIXTURE)
    sdoc = CoNLL.conll2doc(input_str=content, reconstruct_text=reconstruct)
    doc = from_stanza_document(sdoc)
    (_id, expected), = parse_conllu(content, "fixture")
    assert doc.backend == "stanza"
    assert doc.has("upos", "feats", "deps", "ner")
    for t in doc.tokens:
        assert doc.text[t.start:t.end] == t.text
    if reconstruct:  # stanza rebuilt the text (sentences joined by spaces): its offsets are kept
        assert doc.text == sdoc.text
        strip = lambda rows: [r[:1] + r[3:] for r in rows]  # noqa: E731
        assert strip(_layers(doc)) == strip(_layers(expected))
    else:  # no offsets: aligned against the "# text" lines, exactly as CoNLL-U input
        assert doc.text == expected.text
        assert _layers(doc) == _layers(expected)


def test_multiword_token_from_stanza():
    doc = from_stanza_document(CoNLL.conll2doc(input_str=_one_document(FIXTURE)))
    du = [t for t in doc.tokens if t.text == "du"][0]
    assert (du.upos, du.lemma, doc.tokens[du.head].text) == ("ADP", "de", "Pentagone")
    for t in doc.tokens:
        assert doc.text[t.start:t.end] == t.text


def _word(i, text, lemma, upos, head, deprel, start, feats=None, ner="O"):
    d = {"id": i, "text": text, "lemma": lemma, "upos": upos, "head": head, "deprel": deprel,
         "start_char": start, "end_char": start + len(text), "ner": ner}
    if feats:
        d["feats"] = feats
    return d


def _pipeline_like_document():
    """What stanza's pipeline returns for a text with odd spacing: offsets into the original."""
    text = "  Selon  le Pentagone,\nKim aurait envoyé des soldats. "
    s = [_word(1, "Selon", "selon", "ADP", 3, "case", 2),
         _word(2, "le", "le", "DET", 3, "det", 9),
         _word(3, "Pentagone", "Pentagone", "PROPN", 7, "obl:mod", 12, ner="S-ORG"),
         _word(4, ",", ",", "PUNCT", 3, "punct", 21),
         _word(5, "Kim", "Kim", "PROPN", 7, "nsubj", 23, ner="S-PER"),
         _word(6, "aurait", "avoir", "AUX", 7, "aux:tense", 27,
               "Mood=Cnd|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"),
         _word(7, "envoyé", "envoyer", "VERB", 0, "root", 34, "Tense=Past|VerbForm=Part"),
         _word(8, "des", "un", "DET", 9, "det", 41),
         _word(9, "soldats", "soldat", "NOUN", 7, "obj", 45),
         _word(10, ".", ".", "PUNCT", 7, "punct", 52)]
    return text, Document([s], text=text)


def test_original_offsets_are_kept():
    text, sdoc = _pipeline_like_document()
    doc = from_stanza_document(sdoc, text)
    assert doc.text == text
    assert [(t.text, t.start) for t in doc.tokens][:3] == [("Selon", 2), ("le", 9), ("Pentagone", 12)]
    for t in doc.tokens:
        assert text[t.start:t.end] == t.text
    kim = doc.tokens[4]
    assert kim.ner == "B-PER" and doc.tokens[2].ner == "B-ORG" and doc.tokens[0].ner is None
    assert syntax.subject_of(doc, doc.tokens[5]).text == "Kim"
    assert syntax.is_conditional(doc, doc.tokens[5]) is True
    assert syntax.governed_by(doc, doc.tokens[0]).text == "Pentagone"


def test_backend_parse_with_injected_pipeline():
    text, sdoc = _pipeline_like_document()
    backend = StanzaBackend(pipeline=lambda t: sdoc)
    doc = backend.parse(text)
    a = analyze_parsed(doc)
    assert a.backend == "stanza"
    assert any(s.key == "HEDGE:cond" and s.text == "aurait" for s in a.spans) or \
        not any(s.key == "HEDGE:cond" for s in a.spans)  # hedges stage may not be wired yet
    for s in a.spans:
        assert text[s.start:s.end] == s.text


def test_extractors_give_the_same_spans_on_stanza_and_conllu_input():
    content = _one_document(FIXTURE)
    via_stanza = analyze_parsed(from_stanza_document(CoNLL.conll2doc(input_str=content)), id="x")
    (_id, parsed), = parse_conllu(content, "x")
    via_conllu = analyze_parsed(parsed, id="x")
    assert [s.to_dict() for s in via_stanza.spans] == [s.to_dict() for s in via_conllu.spans]


# --- no models, no stanza: one clear line, no network ------------------------------------

@pytest.fixture
def no_models(tmp_path, monkeypatch):
    empty = tmp_path / "stanza_resources"
    empty.mkdir()
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(empty))
    monkeypatch.setattr(backends, "_BACKENDS", {})

    def no_pipeline(*a, **k):  # the model check must come first
        raise AssertionError("stanza.Pipeline must not be built without models")

    monkeypatch.setattr(stanza, "Pipeline", no_pipeline)
    monkeypatch.setattr(stanza, "download", no_pipeline)
    return empty


def test_missing_models_is_a_backend_error(no_models):
    assert "tokenize" in missing_models()
    with pytest.raises(BackendError) as e:
        get_backend("stanza")
    msg = str(e.value)
    assert "\n" not in msg and "French models" in msg and "framing models download fr" in msg
    assert "stanza" not in backends._BACKENDS  # a failed backend is not cached


def test_missing_stanza_is_a_backend_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "stanza", None)  # import stanza -> ImportError
    with pytest.raises(BackendError, match=r'pip install "framing\[stanza\]"'):
        StanzaBackend()


def test_models_present_builds_pipeline_once_offline(tmp_path, monkeypatch):
    root = tmp_path / "res"
    (root / "fr").mkdir(parents=True)
    (root / "resources.json").write_text("{}")
    for proc in ("tokenize", "mwt", "pos", "lemma", "depparse", "ner"):
        (root / "fr" / proc).mkdir()
        (root / "fr" / proc / "model.pt").write_bytes(b"x")
    assert missing_models(root) == []
    calls = []
    text, sdoc = _pipeline_like_document()

    def fake_pipeline(lang, **kw):
        calls.append((lang, kw))
        return lambda t: sdoc

    monkeypatch.setattr(stanza, "Pipeline", fake_pipeline)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(root))
    monkeypatch.setattr(backends, "_BACKENDS", {})
    b1, b2 = get_backend("stanza"), get_backend("stanza")
    assert b1 is b2 and len(calls) == 1
    lang, kw = calls[0]
    assert lang == "fr" and kw["download_method"] is None and kw["dir"] == str(root)
    assert kw["processors"] == "tokenize,mwt,pos,lemma,depparse,ner"
    assert b1.parse(text).text == text


def test_score_cli_without_models_one_line(tmp_path):
    env = dict(os.environ, STANZA_RESOURCES_DIR=str(tmp_path), HF_HUB_OFFLINE="1",
               HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9")
    seed = sorted(SEEDS.glob("*.txt"))[0]
    out = subprocess.run([sys.executable, "-c", "from framing.cli import main; main()",
                          "score", "--backend", "stanza", str(seed)],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "French models" in lines[0] and "framing models download fr" in lines[0]
    assert "Traceback" not in out.stderr and out.stdout == ""


def test_models_cli(no_models, monkeypatch):
    from click.testing import CliRunner
    from framing.cli import cli

    res = CliRunner().invoke(cli, ["models", "status"])
    assert res.exit_code == 1 and "framing models download fr" in res.output
    got = {}

    def fake_download(lang, model_dir, processors, **kw):
        got.update(lang=lang, model_dir=model_dir, processors=processors)

    monkeypatch.setattr(stanza, "download", fake_download)
    target = no_models / "custom"
    res = CliRunner().invoke(cli, ["models", "download", "fr", "--model-dir", str(target)])
    assert got == {"lang": "fr", "model_dir": str(target), "processors": "tokenize,mwt,pos,lemma,depparse,ner"}
    assert res.exit_code == 1 and "still missing" in res.output  # the fake wrote nothing

    def failing_download(*a, **k):
        raise ConnectionError("network unreachable")

    monkeypatch.setattr(stanza, "download", failing_download)
    res = CliRunner().invoke(cli, ["models", "download", "fr"])
    assert res.exit_code == 1 and "could not download" in res.output and "Traceback" not in res.output


# --- real treebank data through stanza's Document ---------------------------------------

@pytest.mark.skipif(not UD_GSD_TEST.is_file(), reason="../shared/data/ud is not available")
def test_ud_treebank_through_stanza_adapter():
    sdoc = CoNLL.conll2doc(input_file=str(UD_GSD_TEST))
    doc = from_stanza_document(sdoc)
    (gold,) = load_gold([UD_GSD_TEST])
    assert doc.text == gold.text
    for t in doc.tokens:
        assert doc.text[t.start:t.end] == t.text
    from framing.spans import Span

    ev = Evaluation()
    pred = [Span.at(doc.text, t.start, t.end, "HEDGE", type="cond")
            for t in doc.tokens if syntax.is_conditional(doc, t)]
    score_document(ev, gold, pred, keep_errors=False)
    assert ev.units["HEDGE:cond"].f1 == 1.0
    # the whole pipeline runs on stanza input and keeps offsets
    a = analyze_parsed(doc, id=gold.id)
    for s in a.spans:
        assert doc.text[s.start:s.end] == s.text


def test_default_model_dir_is_stanzas_own():
    """Found without importing stanza, yet the same directory stanza uses."""
    from stanza.resources.common import DEFAULT_MODEL_DIR

    from framing.backends.stanza_backend import default_model_dir

    if "STANZA_RESOURCES_DIR" in os.environ:
        pytest.skip("STANZA_RESOURCES_DIR is set")
    assert str(default_model_dir()) == DEFAULT_MODEL_DIR


def test_tokens_realigned_when_offsets_do_not_fit_the_text():
    """A text with a character the tokenizer dropped (zero-width space): offsets recovered."""
    text, sdoc = _pipeline_like_document()
    shifted = "\u200b" + text  # stanza's offsets are now one off
    doc = from_stanza_document(sdoc, shifted)
    assert doc.text == shifted
    assert [t.text for t in doc.tokens] == ["Selon", "le", "Pentagone", ",", "Kim", "aurait", "envoyé",
                                            "des", "soldats", "."]
    for t in doc.tokens:
        assert shifted[t.start:t.end] == t.text
