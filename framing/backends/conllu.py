"""The ``conllu`` input: pre-parsed CoNLL-U read into a parsed document.

The format reader lives in :mod:`framing.conllu` (parsing) and
:func:`framing.ingest.read_conllu_documents` (files to documents), below the
backends in the layer order; these names stay importable from here.
"""
from ..conllu import (BACKEND_NAME, ConlluSentence, ConlluToken, ConlluWord, align_tokens,  # noqa: F401
                      build_parsed_document, document_from_sentences, group_documents, iter_conllu_sentences,
                      ner_tag, parse_conllu, parse_feats)
from ..ingest import read_conllu_documents  # noqa: F401
