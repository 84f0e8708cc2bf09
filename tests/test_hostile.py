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
    """One run over the whole folder: (exit code, stderr lines, results by id, out.errors.jsonl rows)."""
    out = tmp_path_factory.mktemp("out") / "out.jsonl"
    result = CliRunner().invoke(cli, ["score", str(hostile), "--format", "jsonl", "--include-text", "-o", str(out)])
    results = {o["id"]: o for o in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    errors = [json.loads(x) for x in (out.parent / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
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
    assert any(e["source"] == path for e in errors)  # out.errors.jsonl beside the output too


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
def test_ten_megabyte_text_full_analysis(ten_megabytes, monkeypatch):
    """Full analysis of 10 MB completes (linear: about 30 s here; docs/robustness.md), the size limit raised."""
    monkeypatch.setenv("FRAMING_MAX_CHARS", "20000000")
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


# --- issue 21: nothing lost, nothing injected -----------------------------------------------
# Each test reproduces one failure of the issue (item number in the name), then checks the fix.

import os  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

from framing.files import MARKER, output_lock  # noqa: E402
from framing.ingest import iter_documents  # noqa: E402
from make_hostile import FRENCH  # noqa: E402

FRAMING = Path(sys.executable).parent / "framing"
FAST = ["--resamples", "100", "--permutations", "99"]


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def write_corpus(folder: Path, n: int = 2, stem: str = "art") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        (folder / f"{stem}{k}.txt").write_text(FRENCH[k * 40:] + FRENCH[:k * 40], encoding="utf-8")
    return folder


def test_item1_force_never_deletes_the_inputs_or_unrelated_files(tmp_path):
    proj = tmp_path / "proj"
    corpus = write_corpus(proj / "corpus")
    thesis = proj / "notes" / "thesis.txt"
    thesis.parent.mkdir()
    thesis.write_text("years of work", encoding="utf-8")
    r = invoke("compare", corpus, "-o", proj, "--force", *FAST)
    assert r.exit_code == 2 and "holds the input" in r.stderr
    assert thesis.read_text(encoding="utf-8") == "years of work" and len(list(corpus.iterdir())) == 2
    # a non-empty folder framing did not write is refused, even with --force
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("precious", encoding="utf-8")
    r = invoke("compare", corpus, "-o", other, "--force", *FAST)
    assert r.exit_code == 2 and "not written by framing" in r.stderr
    assert [p.name for p in other.iterdir()] == ["keep.txt"]
    # a folder framing wrote carries the marker and may be replaced with --force
    out = tmp_path / "report"
    assert invoke("compare", corpus, "-o", out, *FAST).exit_code == 0
    assert (out / MARKER).is_file() and (out / "report.html").is_file()
    assert invoke("compare", corpus, "-o", out, *FAST).exit_code == 2  # not without --force
    assert invoke("compare", corpus, "-o", out, "--force", *FAST).exit_code == 0


def test_item2_show_refuses_to_write_over_its_input(tmp_path):
    art = tmp_path / "art.txt"
    art.write_text(FRENCH, encoding="utf-8")
    r = invoke("show", art, "-o", art)
    assert r.exit_code == 1 and r.stderr.startswith("framing: error: the output") and "is the input" in r.stderr
    assert art.read_text(encoding="utf-8") == FRENCH
    r = invoke("compare", tmp_path, "-o", tmp_path, "--force", *FAST)  # compare: the input folder itself
    assert r.exit_code == 2 and art.read_text(encoding="utf-8") == FRENCH


def test_item3_error_list_is_named_after_the_output_and_never_deletes_other_files(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    out_dir = tmp_path / "r"
    out_dir.mkdir()
    mine = out_dir / "errors.jsonl"
    mine.write_text("my own notes\n", encoding="utf-8")
    assert invoke("score", corpus, "--format", "jsonl", "-o", out_dir / "out.jsonl").exit_code == 0
    assert mine.read_text(encoding="utf-8") == "my own notes\n"  # a clean run deletes nothing
    # -o r/errors.jsonl with a failing input: the scores stay there, the errors go beside them
    (corpus / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    mine.unlink()
    r = invoke("score", corpus, "--format", "jsonl", "-o", mine)
    assert r.exit_code == 1 and f"(see {out_dir / 'errors.errors.jsonl'})" in r.stderr
    assert [json.loads(x)["id"] for x in mine.read_text(encoding="utf-8").splitlines()] == ["art0", "art1"]
    (err,) = map(json.loads, (out_dir / "errors.errors.jsonl").read_text(encoding="utf-8").splitlines())
    assert err["source"] == str(corpus / "bad.txt")
    # an error file framing did not write is neither replaced nor removed
    theirs = out_dir / "out.errors.jsonl"
    theirs.write_text("not an error list\n", encoding="utf-8")
    r = invoke("score", corpus, "--format", "jsonl", "-o", out_dir / "out.jsonl")
    assert r.exit_code == 1 and "was not written by framing" in r.stderr
    assert theirs.read_text(encoding="utf-8") == "not an error list\n"


def test_item4_resume_refuses_a_file_that_is_not_framing_output(tmp_path):
    data = tmp_path / "mydata.jsonl"
    original = '{"name": "a row of my own data"}\n{"name": "another"}\n'
    data.write_text(original, encoding="utf-8")
    r = invoke("score", write_corpus(tmp_path / "corpus"), "--format", "jsonl", "-o", data, "--resume")
    assert r.exit_code == 1 and "not framing's JSONL output" in r.stderr and "mydata.jsonl:1" in r.stderr
    assert data.read_text(encoding="utf-8") == original


def test_item5_same_file_name_in_two_folders_gets_two_ids(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus / "a", 1, "x")
    write_corpus(corpus / "b", 1, "x")
    (corpus / "b" / "x0.txt").write_text(FRENCH[::-1], encoding="utf-8")
    docs = list(iter_documents([corpus]))
    assert [d.id for d in docs] == ["a/x0", "b/x0"]
    # --resume after a run that stopped after a/x0 scores b/x0, not skips it
    out = tmp_path / "out.jsonl"
    assert invoke("score", corpus / "a", corpus / "b", "--format", "jsonl", "-o", out).exit_code == 0
    first = out.read_text(encoding="utf-8").splitlines()
    out.write_text(first[0] + "\n", encoding="utf-8")
    r = invoke("score", corpus / "a", corpus / "b", "--format", "jsonl", "-o", out, "--resume")
    assert r.exit_code == 0 and "1 document(s) written" in r.stderr
    assert out.read_text(encoding="utf-8").splitlines() == first
    # duplicate ids inside JSONL input are made unique, with a warning
    lines = tmp_path / "dup.jsonl"
    lines.write_text("\n".join(json.dumps({"id": "x", "text": t}) for t in ("Un.", "Deux.", "Trois.")) + "\n",
                     encoding="utf-8")
    warnings = []
    docs = list(iter_documents([lines], on_warning=warnings.append))
    assert [d.id for d in docs] == ["x", "x~2", "x~3"] and len(warnings) == 2
    assert "duplicate id 'x'" in str(warnings[0]) and str(warnings[0]).startswith(f"{lines}:2: ")
    assert any("duplicate id" in w for w in docs[1].warnings)


def test_item5_compare_keeps_every_document_of_same_named_files(tmp_path):
    corpus = tmp_path / "corpus"
    for folder in ("a", "b"):
        write_corpus(corpus / folder, 2, "x")
    out = tmp_path / "out"
    r = invoke("compare", corpus, "-o", out, *FAST)
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    ids = [d for g in summary["groups"] for d in g["documents"]]
    assert sorted(ids) == ["a/x0", "a/x1", "b/x0", "b/x1"]
    import re

    anchors = re.findall(r'<article class="card" id="([^"]+)"', (out / "report.html").read_text(encoding="utf-8"))
    assert len(anchors) == 4 and len(set(anchors)) == 4


def test_item6_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", 1)
    locked = write_corpus(corpus / "locked", 1, "hidden")
    if os.geteuid() == 0:  # root reads through chmod 000: simulate the OS refusal
        real = os.scandir

        def scandir(path="."):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        errors = []
        docs = list(iter_documents([corpus], on_error=errors.append))
    finally:
        locked.chmod(0o755)
    assert [d.id for d in docs] == ["art0"]
    assert [str(e) for e in errors] == [f"{locked}: cannot read folder (Permission denied)"]


def test_item7_output_inside_the_input_folder_is_refused_and_reports_are_not_read(tmp_path):
    c2 = write_corpus(tmp_path / "c2")
    r = invoke("compare", c2, "-o", c2 / "report", *FAST)
    assert r.exit_code == 2 and "inside the input" in r.stderr and not (c2 / "report").exists()
    # a report written elsewhere, then moved into the corpus, is skipped when the corpus is read
    out = tmp_path / "report"
    assert invoke("compare", c2, "-o", out, *FAST).exit_code == 0
    out.rename(c2 / "report")
    warnings = []
    docs = list(iter_documents([c2], on_warning=warnings.append))
    assert [d.id for d in docs] == ["art0", "art1"]
    assert any("a folder framing wrote" in str(w) for w in warnings)


def test_item8_two_runs_on_one_output_cannot_both_write(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out.jsonl"
    with output_lock(out):  # another run holds the output
        r = invoke("score", corpus, "--format", "jsonl", "-o", out, "--resume")
    assert r.exit_code == 1 and "another framing run is writing" in r.stderr
    assert not out.exists()
    r = invoke("score", corpus, "--format", "jsonl", "-o", out, "--resume")  # lock released: runs
    assert r.exit_code == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out.jsonl"]  # no lock file left


def many_documents(folder: Path, n: int, repeat: int) -> Path:
    """``n`` French documents for a run long enough to be caught mid-way (needs the installed script)."""
    if not FRAMING.exists():
        pytest.skip("no framing script beside the interpreter")
    folder.mkdir()
    for k in range(n):
        (folder / f"d{k:03d}.txt").write_text(FRENCH * repeat, encoding="utf-8")
    return folder


def test_item8_concurrent_resume_processes(tmp_path):
    """Two real processes on the same -o at once: one writes, the other is refused; no duplicate id."""
    corpus = many_documents(tmp_path / "corpus", 60, 3)
    out = tmp_path / "out.jsonl"
    cmd = [str(FRAMING), "score", str(corpus), "--format", "jsonl", "-o", str(out), "--resume"]
    procs = [subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    codes = sorted(code for code, _ in results)
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids))
    if codes == [0, 1]:  # they overlapped: the second was refused
        assert any("another framing run is writing" in err for _, err in results)
        assert len(ids) == 60
    else:  # one finished before the other started: the second found nothing left to do
        assert codes == [0, 0] and len(ids) == 60


class _EndlessRandom:
    """A stdin that never ends (``/dev/urandom``) and counts what is read from it."""

    def __init__(self):
        self.read_bytes = 0
        self.rng = __import__("random").Random(7)

    def read(self, n=-1):
        if n is None or n < 0:
            raise AssertionError("the whole endless stream was requested")
        self.read_bytes += n
        return bytes(self.rng.randrange(256) for _ in range(n))

    def readline(self, *a):
        raise AssertionError("a line of an endless binary stream was requested")

    def __iter__(self):
        raise AssertionError("an endless binary stream was iterated")


def test_item19_binary_stdin_is_refused_after_a_few_kilobytes():
    stream = _EndlessRandom()
    errors = []
    assert list(iter_documents(["-"], on_error=errors.append, stdin=stream)) == []
    assert [str(e) for e in errors] == ["<stdin>: binary file, not text (no document read)"]
    assert stream.read_bytes <= 16_384


def test_item20_sigterm_during_compare_exits_130_and_cleans_up(tmp_path):
    corpus = many_documents(tmp_path / "corpus", 300, 4)
    proc = subprocess.Popen([str(FRAMING), "compare", str(corpus), "-o", str(tmp_path / "prevrep")],
                            stderr=subprocess.PIPE, text=True)
    end = time.monotonic() + 120
    while time.monotonic() < end and not list(tmp_path.glob(".prevrep.*.tmp")):
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.splitlines() == ["framing: error: interrupted; any previous output directory is left as it was"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]  # no .prevrep.*.tmp, no lock file


def test_lexicons_check_reports_every_error_of_a_file(tmp_path):
    """Issue 20: a header error no longer hides the other errors of the same file."""
    (tmp_path / "loaded.tsv").write_text(
        "# source: written for this test\n# columns: term\tcat\n"
        "\tpejorative\n"                       # 3: empty term
        "brutal\tviolence\textra\tcells\n"     # 4: too many cells
        "cruel\tviolence\n"
        "cruel\tviolence\n",                   # 6: duplicate of 5
        encoding="utf-8")
    r = invoke("lexicons", "check", tmp_path)
    path = tmp_path / "loaded.tsv"
    assert r.exit_code == 1
    assert r.stdout.splitlines() == [
        f"{path}:1: header is missing license, version",
        f"{path}:3: empty 'term'",
        f"{path}:4: 4 tab-separated cells, but the header declares 2 columns (term, cat)",
        f"{path}:6: duplicate entry 'cruel' (same as line 5)",
    ]
    assert r.stderr == "4 error(s) in 1 file(s)\n"
