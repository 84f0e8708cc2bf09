"""Hostile and messy input through ``framing score`` (issue 10).

The files come from ``tests/fixtures/make_hostile.py`` (also committed under
``tests/fixtures/hostile/``); each is scored or fails with one line on stderr
naming it, and one bad file never costs the others.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from framing import analyze
from framing.cli import cli
from framing.ingest import read_html_document
from framing.output import CsvWriter, printable, render_text, safe_filename

sys.path.insert(0, str(FIXTURES))
from make_hostile import EXPECTED, MIXED_JSONL_ERRORS, MIXED_JSONL_IDS, hostile_files, write_hostile  # noqa: E402


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    return write_hostile(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def scored(hostile, tmp_path_factory):
    """One run over the whole folder: (exit code, stderr lines, results by id, errors.jsonl rows)."""
    out = tmp_path_factory.mktemp("out") / "out.jsonl"
    result = CliRunner().invoke(cli, ["score", str(hostile), "--format", "jsonl", "--include-text", "-o", str(out)])
    results = {o["id"]: o for o in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    errors = [json.loads(x) for x in (out.parent / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    return result.exit_code, result.stderr.splitlines(), results, errors


def test_committed_fixtures_match_the_generator():
    committed = FIXTURES / "hostile"
    for name, data in hostile_files().items():
        assert (committed / name).read_bytes() == data, name
        assert len(data) <= 200_000


def test_folder_run_exit_status_and_no_traceback(scored):
    code, stderr, _, _ = scored
    assert code == 1
    assert not any("Traceback" in line for line in stderr)
    assert stderr[-1].startswith("framing: ") and "failed (see" in stderr[-1]
    assert all(line.startswith("framing: ") for line in stderr)


@pytest.mark.parametrize("name", sorted(n for n, (outcome, _) in EXPECTED.items() if outcome == "ok"
                                        and not n.endswith(".jsonl")))
def test_scored_files(scored, hostile, name):
    _, stderr, results, _ = scored
    doc_id = Path(name).stem
    assert doc_id in results, stderr
    obj = results[doc_id]
    warning = EXPECTED[name][1]
    if warning:
        assert any(warning in w for w in obj["warnings"]), obj["warnings"]
    text = obj["text"]
    for s in obj["spans"]:
        assert text[s["start"]:s["end"]] == s["text"]
    assert not any(name in line for line in stderr if "error" in line)


@pytest.mark.parametrize("name", sorted(n for n, (outcome, _) in EXPECTED.items() if outcome == "error"))
def test_failing_files_one_line_naming_them(scored, hostile, name):
    _, stderr, _, errors = scored
    path = str(hostile / name)
    lines = [line for line in stderr if line.startswith(f"framing: error: {path}")]
    assert len(lines) >= 1
    assert any(e["source"] == path for e in errors)  # errors.jsonl beside the output too


def test_mixed_jsonl(scored, hostile):
    _, stderr, results, errors = scored
    source = str(hostile / "mixed.jsonl")
    assert sorted(e["line"] for e in errors if e["source"] == source) == list(MIXED_JSONL_ERRORS)
    for n in MIXED_JSONL_ERRORS:
        assert any(line.startswith(f"framing: error: {source}:{n}: ") for line in stderr)
    for doc_id in MIXED_JSONL_IDS:
        assert doc_id in results
    assert results["j9-u2028"]["text"] == "Une ligne\u2028puis une autre\u2029fin."
    assert "\ufffd" in results["j8-surrogate"]["text"]


def test_encodings_give_the_same_words(scored):
    _, _, results, _ = scored
    base = results["utf8_bom"]["text"]
    assert not base.startswith("\ufeff")
    for doc_id in ("latin1", "utf16_bom", "crlf"):
        assert results[doc_id]["text"].split() == base.split()
    assert "œuvre" in results["cp1252"]["text"] and "d’après" in results["cp1252"]["text"]
    assert results["crlf"]["n_sentences"] >= results["utf8_bom"]["n_sentences"]


def test_non_french_text_is_scored_with_a_warning(scored):
    _, _, results, _ = scored
    assert (results["english"]["language"], results["german"]["language"], results["arabic"]["language"]) == (
        "en", "de", "ar")
    assert results["latin1"]["language"] == "fr" and not any("French" in w for w in results["latin1"]["warnings"])


def test_html_metadata_stays_text(scored):
    _, _, results, _ = scored
    meta = results["script_in_meta"]
    assert "<script>" in meta["title"]  # kept as text; escaping is the job of each output format
    assert "alert('x')" not in meta["text"]
    assert all(ord(c) >= 32 for c in meta["title"])
    assert results["deep"]["title"] == "Page très imbriquée" and results["deep"]["n_words"] > 100


def test_each_hostile_file_alone(hostile):
    """Explicit files: the same outcome as in the folder run, and exit 1 exactly for errors."""
    runner = CliRunner()
    for name, (outcome, _) in EXPECTED.items():
        if name.endswith("manifest.csv"):
            continue
        result = runner.invoke(cli, ["score", str(hostile / name), "--format", "jsonl"])
        assert "Traceback" not in result.output, name
        if outcome == "error":
            assert result.exit_code == 1 and result.stdout == "", name
            assert result.stderr.startswith(f"framing: error: {hostile / name}"), name
        elif name == "mixed.jsonl":
            assert result.exit_code == 1 and len(result.stdout.splitlines()) == len(MIXED_JSONL_IDS)
        else:
            assert result.exit_code == 0, (name, result.output)
            assert len(result.stdout.splitlines()) == 1


def test_text_format_is_inert_in_a_terminal(hostile):
    result = CliRunner().invoke(cli, ["score", str(hostile / "terminal_escapes.txt"),
                                      str(hostile / "emoji_rtl.txt")])
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout


def test_printable_and_csv_cells():
    assert printable("a\x1b[2Jb\u202ec\n") == "a\\x1b[2Jb\\u202ec\n"
    import io

    a = analyze("Le ministre a parlé.", title="=HYPERLINK(\"http://x\")", outlet="@evil")
    buf = io.StringIO()
    CsvWriter(buf).write(a)
    row = buf.getvalue().splitlines()[1]
    assert "'=HYPERLINK" in row and "'@evil" in row
    assert "\x1b" not in render_text(analyze("\x1b[31mRouge\x1b[0m, a dit le ministre."))


@pytest.fixture(scope="module")
def ten_megabytes() -> bytes:
    return hostile_files(big=True)["big_10mb.txt"]


@pytest.mark.slow
def test_ten_megabyte_text_reading_parsing_and_cruft(ten_megabytes):
    """The document-level stages on a 10 MB text complete (times: docs/robustness.md)."""
    from framing.analysis import detect_language
    from framing.backends.builtin import BuiltinBackend
    from framing.cruft import find_cruft
    from framing.ingest import decode_bytes

    text, _ = decode_bytes(ten_megabytes, "big.txt")
    doc = BuiltinBackend().parse(text)
    assert len(doc.tokens) > 1_000_000 and len(doc.sentences) > 50_000
    for t in doc.tokens[::997]:
        assert text[t.start:t.end] == t.text
    assert find_cruft(text) == [] and detect_language(text) == "fr"


@pytest.mark.slow
def test_ten_megabyte_text_full_analysis(ten_megabytes):
    """Full analysis of 10 MB completes (linear: about 30 s here; docs/robustness.md)."""
    text = ten_megabytes.decode("utf-8", errors="ignore")
    a = analyze(text)
    assert a.n_words > 1_000_000
    for s in a.spans:
        assert text[s.start:s.end] == s.text


def test_long_sentence():
    words = hostile_files()["long_sentence.txt"].decode("utf-8")
    a = analyze(words)
    assert a.n_words > 2_000
    for s in a.spans:
        assert words[s.start:s.end] == s.text


def test_deep_html_beyond_parser_limits():
    for depth in (300, 20_000):
        html = "<html><body>" + "<div>" * depth + "<p>Le ministre aurait parlé longuement.</p>" + "</div>" * depth
        doc = read_html_document(html.encode("utf-8"), "deep.html", "deep")
        assert "Le ministre aurait parlé" in doc.text


@pytest.mark.parametrize("doc_id", ["../../x", "/etc/passwd", "..", ".", "", "a/../../b", "C:\\x", "con",
                                    "x" * 500, "\x00\n", "é/è", "~root", "$(rm -rf)"])
def test_safe_filename_never_escapes(tmp_path, doc_id):
    name = safe_filename(doc_id)
    assert name and "/" not in name and "\\" not in name and not name.startswith(".")
    assert len(name) <= 80 and name.isascii()
    target = (tmp_path / name).resolve()
    assert target.parent == tmp_path.resolve()


def test_safe_filename_keeps_plain_ids_and_separates_others():
    assert safe_filename("000_b7e5882650752a5f") == "000_b7e5882650752a5f"
    assert safe_filename("lemonde-2024.01") == "lemonde-2024.01"
    assert safe_filename("a/b") != safe_filename("a_b")
    assert safe_filename("../../x") != safe_filename("x")
