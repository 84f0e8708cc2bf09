"""The stanza backend: stanza's French neural pipeline mapped onto a ParsedDocument.

Optional: ``pip install "framing[stanza]"`` and, once, ``framing models
download fr``. The pipeline (tokenize, mwt, pos, lemma, depparse, ner) is
built once per process (``framing.backends.get_backend`` caches the backend)
and reused for every document. It never reaches the network: the models'
presence is checked on disk before stanza is asked to build anything, and
the pipeline is built with ``download_method=None``.

The mapping itself (:func:`from_stanza_document`) is shared with CoNLL-U
input (:func:`framing.conllu.build_parsed_document`), so a stanza
parse and the same parse written as CoNLL-U give identical documents.
"""
from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path
from typing import Any

from ..document import DEPS, FEATS, LEMMAS, NER, SENTENCES, TOKENS, UPOS, ParsedDocument
from ..conllu import ConlluToken, ConlluWord, align_tokens, build_parsed_document, ner_tag, parse_feats
from .base import BackendError

LANG = "fr"
#: the processors run, in stanza's order
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
INSTALL_HINT = 'stanza is not installed: pip install "framing[stanza]"'


def stanza_installed() -> bool:
    """True when stanza can be imported (checked without importing it: that loads torch)."""
    try:
        return importlib.util.find_spec("stanza") is not None
    except (ImportError, ValueError):
        return False


def default_model_dir() -> Path:
    """stanza's resources directory: ``$STANZA_RESOURCES_DIR`` or stanza's default.

    Worked out without importing stanza (which loads torch, seconds), the way
    ``stanza.resources.common.DEFAULT_MODEL_DIR`` is: the user cache directory
    for stanza's resources version.
    """
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env)
    try:
        spec = importlib.util.find_spec("stanza")
        locations = list(spec.submodule_search_locations or []) if spec else []
        version_file = Path(locations[0]) / "_version.py" if locations else None
        m = re.search(r"__resources_version__\s*=\s*['\"]([^'\"]+)",
                      version_file.read_text(encoding="utf-8")) if version_file else None
        if m:
            from platformdirs import user_cache_dir

            return Path(user_cache_dir("stanza", "StanfordNLP", m.group(1))) / "resources"
    except (ImportError, ValueError, OSError):
        pass
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
    except ImportError:  # stanza missing: the caller reports it
        return Path.home() / "stanza_resources"
    return Path(DEFAULT_MODEL_DIR)


def missing_models(model_dir: str | os.PathLike | None = None, lang: str = LANG) -> list[str]:
    """What is missing on disk for the French pipeline (empty when ready).

    Checks stanza's ``resources.json`` and, for every processor, a model file
    under ``<model_dir>/<lang>/<processor>/``. Looks at files only: never
    downloads, never imports torch.
    """
    root = Path(model_dir) if model_dir is not None else default_model_dir()
    missing = []
    if not (root / "resources.json").is_file():
        missing.append("resources.json")
    for proc in PROCESSORS:
        d = root / lang / proc
        if not (d.is_dir() and any(p.is_file() for p in d.iterdir())):
            missing.append(proc)
    return missing


def models_missing_message(model_dir: str | os.PathLike | None = None) -> str:
    root = Path(model_dir) if model_dir is not None else default_model_dir()
    extra = f" --model-dir {root}" if model_dir is not None else ""
    return (f"stanza's French models are not installed in {root}: "
            f"run `framing models download fr{extra}` once (needs the internet), "
            "or use --backend builtin")


class StanzaBackend:
    """stanza's French pipeline (tokens, sentences, lemmas, UPOS, feats, deps, entities).

    Parameters
    ----------
    model_dir : path, optional
        stanza resources directory; default ``$STANZA_RESOURCES_DIR`` or stanza's own.
    pipeline : stanza.Pipeline, optional
        An already built pipeline (anything with ``__call__(text) -> Document``);
        skips the model check.
    use_gpu : bool, default False

    Raises
    ------
    BackendError
        stanza is not installed, or the French models are not on disk; the
        message says how to fix it in one line.
    """

    name = "stanza"
    annotations = frozenset({TOKENS, SENTENCES, LEMMAS, UPOS, FEATS, DEPS, NER})

    def __init__(self, model_dir: str | os.PathLike | None = None, pipeline: Any = None,
                 use_gpu: bool = False):
        if pipeline is not None:
            self.pipeline = pipeline
            return
        if not stanza_installed():
            raise BackendError(INSTALL_HINT)
        root = Path(model_dir) if model_dir is not None else default_model_dir()
        if missing_models(root):  # before importing stanza: fast, and never near the network
            raise BackendError(models_missing_message(model_dir))
        try:
            import stanza
        except ImportError as e:  # installed but broken (e.g. torch missing)
            raise BackendError(f"stanza cannot be imported ({e}): {INSTALL_HINT.split(': ', 1)[1]}") from None
        try:
            self.pipeline = stanza.Pipeline(LANG, dir=str(root), processors=",".join(PROCESSORS),
                                            download_method=None, use_gpu=use_gpu, logging_level="ERROR")
        except Exception as e:  # corrupt or incompatible model files
            raise BackendError(f"stanza could not load the French models from {root} "
                               f"({type(e).__name__}: {e}); re-run `framing models download fr`") from None

    def parse(self, text: str) -> ParsedDocument:
        """Run the pipeline on ``text``; offsets point into ``text`` unchanged."""
        return from_stanza_document(self.pipeline(text), text)


def _conllu_tokens(sentence: Any) -> list[ConlluToken]:
    out = []
    for t in sentence.tokens:
        words = [ConlluWord(str(w.id), w.text, w.lemma or "_", w.upos or "_", parse_feats(w.feats or "_"),
                            w.head, w.deprel or "_", {}) for w in t.words]
        ct = ConlluToken(t.text, words, t.start_char, t.end_char)
        ner = getattr(t, "ner", None)
        if ner:
            ct.ner = ner_tag({"ner": ner})
        else:  # read from CoNLL-U: stanza keeps only "ner=" in MISC, not "NER="/"Entity="
            for misc in [getattr(t, "misc", None)] + [getattr(w, "misc", None) for w in t.words]:
                ct.ner = ct.ner or ner_tag(parse_feats(misc or "_"))
        out.append(ct)
    return out


def from_stanza_document(doc: Any, text: str | None = None) -> ParsedDocument:
    """Map a stanza ``Document`` onto a :class:`~framing.document.ParsedDocument`.

    Parameters
    ----------
    doc : stanza.Document
        From a pipeline run, or from CoNLL-U (``CoNLL.conll2doc``).
    text : str, optional
        The original text the document was parsed from (default ``doc.text``).
        Token offsets come from stanza's ``start_char``/``end_char`` when they
        fit ``text``; otherwise (documents read from CoNLL-U carry none) the
        tokens are aligned against the text, and when there is no text at all
        the sentences' texts (``# text``) are joined with newlines, as for
        CoNLL-U input.

    Returns
    -------
    ParsedDocument
        ``backend="stanza"``; multi-word tokens are one surface token (see
        :mod:`framing.conllu`).
    """
    sentences = [_conllu_tokens(s) for s in doc.sentences]
    text = text if text is not None else getattr(doc, "text", None)
    if text is None:
        parts = []
        for s, toks in zip(doc.sentences, sentences):
            stext = getattr(s, "text", None)
            if not stext:  # no "# text": the forms, space-separated
                stext = " ".join(t.form for t in toks)
            parts.append(stext)
        text = "\n".join(parts)
        base = 0
        for stext, toks in zip(parts, sentences):
            for t in toks:
                t.start = t.end = None
            align_tokens(text, toks, base, base + len(stext))
            base += len(stext) + 1
    else:
        offsets_ok = all(t.start is not None and t.end is not None and text[t.start:t.end] == t.form
                         for toks in sentences for t in toks)
        if not offsets_ok:
            pos = 0
            for toks in sentences:
                align_tokens(text, toks, pos)
                placed = [t.end for t in toks if t.end is not None]
                pos = placed[-1] if placed else pos
    layers = {TOKENS, SENTENCES, LEMMAS}
    words = [w for toks in sentences for t in toks for w in t.words]
    if any(w.upos != "_" for w in words):
        layers.add(UPOS)
    if any(w.feats for w in words):
        layers.add(FEATS)
    if any(w.head is not None for w in words):
        layers.add(DEPS)
    if any(t.ner for toks in sentences for t in toks) or _ran_ner(doc):
        layers.add(NER)
    return build_parsed_document(text, sentences, "stanza", frozenset(layers))


def _ran_ner(doc: Any) -> bool:
    """True when stanza's NER ran on ``doc`` (tokens carry a tag, even ``O``)."""
    for s in doc.sentences:
        for t in s.tokens:
            return getattr(t, "ner", None) is not None
    return False
