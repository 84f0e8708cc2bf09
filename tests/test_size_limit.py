"""A documented size limit per document keeps memory bounded (issue 21, item 18).

A document longer than the limit (``FRAMING_MAX_CHARS``, default 2,000,000
characters) is refused with one line naming it; the other documents are still
analysed. A file too large to hold an acceptable text is refused unread.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from framing import analyze
from framing.cli import cli
from framing.limits import MAX_DOCUMENT_CHARS, DocumentTooLarge, max_document_chars

SENTENCE = "Selon le ministère, les soldats auraient été vus. "  # 50 characters


@pytest.fixture
def limit_500(monkeypatch):
    monkeypatch.setenv("FRAMING_MAX_CHARS", "500")


def test_default_limit_and_override(monkeypatch):
    monkeypatch.delenv("FRAMING_MAX_CHARS", raising=False)
    assert max_document_chars() == MAX_DOCUMENT_CHARS == 2_000_000
    monkeypatch.setenv("FRAMING_MAX_CHARS", "3_000_000")
    assert max_document_chars() == 3_000_000
    for bad in ("", "-5", "0", "lots", "1e6"):
        monkeypatch.setenv("FRAMING_MAX_CHARS", bad)
        assert max_document_chars() == MAX_DOCUMENT_CHARS


def test_library_refuses_a_document_over_the_limit(limit_500):
    assert analyze(SENTENCE * 10).n_words > 0  # exactly 500 characters: analysed
    with pytest.raises(DocumentTooLarge, match=r"document too large \(550 characters, limit 500\)"):
        analyze(SENTENCE * 11)


def test_cli_names_the_large_file_and_scores_the_others(tmp_path, limit_500):
    (tmp_path / "big.txt").write_text(SENTENCE * 11, encoding="utf-8")
    (tmp_path / "small.txt").write_text(SENTENCE, encoding="utf-8")
    res = CliRunner().invoke(cli, ["score", str(tmp_path), "--format", "jsonl"])
    assert res.exit_code == 1
    errors = [line for line in res.stderr.splitlines() if "error" in line]
    assert errors == [f"framing: error: {tmp_path / 'big.txt'}: document too large (550 characters, limit 500): "
                      "split it, or set FRAMING_MAX_CHARS to raise the limit (memory grows with it)"]
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["small"]


def test_a_file_that_cannot_fit_is_refused_unread(tmp_path, limit_500, monkeypatch):
    from pathlib import Path

    big = tmp_path / "big.txt"
    big.write_text("x" * 2001, encoding="utf-8")  # more than 4 bytes per allowed character
    real_read = Path.read_bytes

    def read_bytes(self):
        assert self.name != "big.txt", "the file was read"
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    res = CliRunner().invoke(cli, ["score", str(big), "--format", "jsonl"])
    assert res.exit_code == 1
    assert "big.txt: document too large (a file of 2,001 bytes" in res.stderr


def test_jsonl_line_over_the_limit_names_its_line(tmp_path, limit_500):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in
                              enumerate([SENTENCE, SENTENCE * 20, SENTENCE])) + "\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["score", str(path), "--format", "jsonl"])
    assert res.exit_code == 1
    assert f"{path}:2: document too large (1,000 characters, limit 500)" in res.stderr
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["0", "2"]


@pytest.mark.slow
def test_compare_goes_on_without_the_large_document(tmp_path, limit_500):
    from framing.compare import compare_paths

    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, text in (("big", SENTENCE * 11), ("a", SENTENCE * 3), ("b", SENTENCE * 2)):
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    errors = []
    result = compare_paths([corpus], tmp_path / "out", n_resamples=20, n_sentence_resamples=3,
                           n_permutations=19, on_error=errors.append)
    assert sorted(d.id for d in result.documents) == ["a", "b"]
    assert [str(e) for e in errors] == [f"{corpus / 'big.txt'}: document too large (550 characters, limit 500): "
                                        "split it, or set FRAMING_MAX_CHARS to raise the limit (memory grows with it)"]
