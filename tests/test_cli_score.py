"""``framing score`` end to end: formats, stdin, errors, atomic output, --resume, OUT.errors.jsonl."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS, SHARED, needs_shared
from framing.analysis import CONTRACT_KEYS
from framing.cli import cli
from framing.files import MARKER, mark_output_dir

FRAMING = Path(sys.executable).parent / "framing"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def run(*args, input=None):
    return CliRunner().invoke(cli, ["score", *map(str, args)], input=input)


def objects(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def check_contract(obj: dict, text: str | None = None) -> None:
    assert tuple(k for k in obj if k in CONTRACT_KEYS) == CONTRACT_KEYS
    assert isinstance(obj["features"], dict)
    text = obj.get("text", text)
    for s in obj["spans"]:
        assert set(s) >= {"label", "start", "end", "text", "attrs"}
        if text is not None:
            assert text[s["start"]:s["end"]] == s["text"]


# --- acceptance of issue 2 ------------------------------------------------------

def test_seeds_jsonl_five_valid_objects():
    result = run(*SEED_FILES, "--format", "jsonl", "--include-text")
    assert result.exit_code == 0, result.output
    objs = objects(result.stdout)
    assert [o["id"] for o in objs] == [p.stem for p in SEED_FILES]
    for o, path in zip(objs, SEED_FILES):
        assert o["text"] == path.read_text(encoding="utf-8")
        assert o["outlet"] and o["date"] and o["title"]  # from seeds/manifest.csv
        assert o["language"] == "fr" and o["n_words"] > 100
        check_contract(o)
    # cruft of seed 000 is reported, never deleted
    (start, end), = objs[0]["excluded"]
    assert objs[0]["text"][start:].startswith("Previous")


def test_text_and_csv_formats():
    text = run(SEED_FILES[1])
    assert text.exit_code == 0 and "watson.ch" in text.stdout and " mots · " in text.stdout  # French by default
    english = run(SEED_FILES[1], "--lang", "en")
    assert english.exit_code == 0 and " words · " in english.stdout and "Strongest evidence" in english.stdout
    csv_out = run(*SEED_FILES, "--format", "csv")
    rows = csv_out.stdout.splitlines()
    assert csv_out.exit_code == 0 and len(rows) == 6 and rows[0].startswith("id,source,outlet")


def test_binary_next_to_good_file(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(PNG)
    result = run(bad, SEED_FILES[0], "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr == f"framing: error: {bad}: binary file, not text (no document read)\n"
    (obj,) = objects(result.stdout)
    assert obj["id"] == SEED_FILES[0].stem


def test_stdin_plain_text_and_jsonl():
    plain = run("-", "--format", "jsonl", input="Le ministre aurait menti, selon la presse.\n")
    (obj,) = objects(plain.stdout)
    assert plain.exit_code == 0 and obj["id"] == "stdin" and obj["n_words"] == 7
    lines = '{"id": "a", "text": "Le ministre aurait menti."}\n{oops\n{"id": "b", "text": "Selon lui."}\n'
    jsonl = run("-", "--format", "jsonl", input=lines)
    assert [o["id"] for o in objects(jsonl.stdout)] == ["a", "b"]
    assert jsonl.exit_code == 1 and jsonl.stderr.startswith("framing: error: <stdin>:2: malformed JSON")


@needs_shared
def test_html_page_through_the_cli():
    page = SHARED / "corpus" / "html" / "sciencesetavenir.fr.rumeur.html"
    result = run(page, "--format", "jsonl", "--include-text")
    (obj,) = objects(result.stdout)
    assert result.exit_code == 0
    assert obj["n_words"] > 500 and obj["title"].startswith("Covid-19 et infox")
    assert obj["date"] == "2020-09-14" and obj["outlet"] == "Sciences et Avenir"
    assert obj["meta"]["author"] == "Nicolas Gutierrez C"
    check_contract(obj)


def test_installed_command_from_another_directory(tmp_path):
    """The venv's ``framing`` script, run elsewhere: exit status and stderr as a user sees them."""
    if not FRAMING.exists():
        pytest.skip("no framing script beside the interpreter")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(PNG)
    proc = subprocess.run([str(FRAMING), "score", str(bad), str(SEED_FILES[2]), "--format", "jsonl"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [f"framing: error: {bad}: binary file, not text (no document read)"]
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == [SEED_FILES[2].stem]


# --- errors --------------------------------------------------------------------------

def test_every_problem_is_one_line_and_no_traceback(tmp_path):
    (tmp_path / "x.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "bad.jsonl").write_text('{"id": "ok", "text": "Bon."}\n{"text": 1}\n', encoding="utf-8")
    result = run(tmp_path / "missing.txt", tmp_path / "x.docx", tmp_path / "bad.jsonl", "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"framing: error: {tmp_path / 'missing.txt'}: no such file or directory",
        f"framing: error: {tmp_path / 'x.docx'}: unknown file type '.docx': expected .txt, .html, .jsonl or .conllu; "
        "save it as plain text (.txt, UTF-8) from the word processor, or `pandoc FILE.docx -t plain -o FILE.txt`",
        f"framing: error: {tmp_path / 'bad.jsonl'}:2: missing or non-string 'text' field",
    ]
    assert "Traceback" not in result.output
    assert [o["id"] for o in objects(result.stdout)] == ["ok"]


def test_unexpected_error_is_one_line_and_debug_shows_the_traceback(monkeypatch):
    import framing.score

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(framing.score, "iter_documents", boom)
    plain = run(SEED_FILES[0], "--format", "jsonl")
    assert plain.exit_code == 1
    assert plain.stderr == "framing: error: RuntimeError: disk on fire (run with --debug for a traceback)\n"
    debug = run(SEED_FILES[0], "--format", "jsonl", "--debug")
    assert isinstance(debug.exception, RuntimeError)


def test_output_inside_an_input_directory_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Bonjour.", encoding="utf-8")
    result = run(tmp_path, "--format", "jsonl", "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 1 and "would be read as input" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


# --- atomic output, OUT.errors.jsonl, --resume ----------------------------------------------

def corpus(tmp_path: Path, n: int) -> Path:
    """A folder of ``n`` small French documents (copies of seed paragraphs)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    paras = [p for path in SEED_FILES for p in path.read_text(encoding="utf-8").split("\n") if len(p) > 200]
    for k in range(n):
        (folder / f"doc{k:04d}.txt").write_text(paras[k % len(paras)], encoding="utf-8")
    return folder


def test_output_file_and_errors_jsonl(tmp_path):
    folder = corpus(tmp_path, 3)
    (folder / "junk.txt").write_bytes(PNG)
    out = tmp_path / "out" / "scores.jsonl"
    result = run(folder, "--format", "jsonl", "-o", out)
    assert result.exit_code == 1
    assert [o["id"] for o in objects(out.read_text(encoding="utf-8"))] == ["doc0000", "doc0001", "doc0002"]
    (err,) = [json.loads(x) for x in (out.parent / "scores.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert err == {"source": str(folder / "junk.txt"), "line": None,
                   "error": "binary file, not text (no document read)"}
    assert "junk.txt" in result.stderr  # on stderr as well
    # a later clean run removes the stale errors file
    (folder / "junk.txt").unlink()
    assert run(folder, "--format", "jsonl", "-o", out).exit_code == 0
    assert not (out.parent / "scores.errors.jsonl").exists()
    assert [p.name for p in out.parent.iterdir()] == ["scores.jsonl"]  # no temporary file left


def interrupt_on(monkeypatch, doc_id: str) -> None:
    """Make reading the document ``doc_id`` raise KeyboardInterrupt (a Ctrl-C mid-run)."""
    import framing.ingest

    real = framing.ingest.read_text_document

    def reader(data, source, stem):
        if stem == doc_id:
            raise KeyboardInterrupt
        return real(data, source, stem)

    monkeypatch.setattr(framing.ingest, "read_text_document", reader)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "text"])
def test_interrupted_run_leaves_the_previous_output_intact(tmp_path, monkeypatch, fmt):
    folder = corpus(tmp_path, 4)
    out = tmp_path / f"out.{fmt}"
    out.write_text("previous results\n", encoding="utf-8")
    interrupt_on(monkeypatch, "doc0002")
    result = run(folder, "--format", fmt, "-o", out)
    assert result.exit_code == 130
    assert "interrupted" in result.stderr and "left as it was" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", f"out.{fmt}"]


def test_resume_after_interruption_and_truncated_line(tmp_path, monkeypatch):
    folder = corpus(tmp_path, 5)
    out = tmp_path / "out.jsonl"
    full = run(folder, "--format", "jsonl")
    expected = sorted(full.stdout.splitlines())

    with monkeypatch.context() as m:
        interrupt_on(m, "doc0003")
        first = run(folder, "--format", "jsonl", "-o", out, "--resume")
    assert first.exit_code == 130 and "--resume" in first.stderr
    kept = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["id"] for x in kept] == ["doc0000", "doc0001", "doc0002"]

    # a crash in the middle of writing: the last line is cut short
    out.write_text("\n".join(kept[:2]) + "\n" + kept[2][:50], encoding="utf-8")
    second = run(folder, "--format", "jsonl", "-o", out, "--resume")
    assert second.exit_code == 0, second.output
    assert "2 kept from before" in second.stderr and "3 document(s) written" in second.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert sorted(lines) == expected  # every document exactly once, as an uninterrupted run

    third = run(folder, "--format", "jsonl", "-o", out, "--resume")
    assert "0 document(s) written" in third.stderr and out.read_text(encoding="utf-8").splitlines() == lines


def test_resume_needs_jsonl(tmp_path):
    result = run(SEED_FILES[0], "--format", "csv", "-o", tmp_path / "x.csv", "--resume")
    assert result.exit_code == 1 and "--resume needs --format jsonl" in result.stderr


def _wait_for(predicate, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
def test_killed_subprocess_keeps_previous_output_and_resume_completes(tmp_path):
    """Real signals: SIGTERM mid-run keeps the old file; SIGKILL during --resume loses nothing done."""
    if not FRAMING.exists():
        pytest.skip("no framing script beside the interpreter")
    folder = corpus(tmp_path, 400)
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    cmd = [str(FRAMING), "score", str(folder), "--format", "jsonl", "-o", str(out)]

    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    started = _wait_for(lambda: any(p.stat().st_size > 0 for p in tmp_path.glob(".out.jsonl.*.tmp")))
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert started and proc.returncode == 130, err
    assert out.read_text(encoding="utf-8") == '{"id": "old"}\n'
    assert not list(tmp_path.glob(".out.jsonl.*"))

    out.unlink()
    proc = subprocess.Popen(cmd + ["--resume"], stderr=subprocess.DEVNULL)
    assert _wait_for(lambda: out.exists() and out.stat().st_size > 20_000)
    proc.kill()  # no cleanup at all
    proc.wait(timeout=60)
    done_before = len(out.read_text(encoding="utf-8").splitlines())
    assert 0 < done_before < 400
    finish = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=600)
    assert finish.returncode == 0, finish.stderr
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == [f"doc{k:04d}" for k in range(400)]


def test_closed_stdout_stops_quietly(tmp_path):
    """``framing score … | head -1``: no traceback, no error line."""
    if not FRAMING.exists():
        pytest.skip("no framing script beside the interpreter")
    proc = subprocess.Popen([str(FRAMING), "score", *map(str, SEED_FILES * 4), "--format", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert json.loads(first)["id"] == SEED_FILES[0].stem
    assert proc.returncode == 141 and err == ""


def test_interrupted_compare_leaves_the_previous_directory(tmp_path, monkeypatch):
    folder = corpus(tmp_path, 4)
    outdir = tmp_path / "report"
    outdir.mkdir()
    (outdir / "report.html").write_text("previous report", encoding="utf-8")
    mark_output_dir(outdir)  # a report framing wrote: --force may replace it
    interrupt_on(monkeypatch, "doc0002")
    result = CliRunner().invoke(cli, ["compare", str(folder), "-o", str(outdir), "--force"])
    assert result.exit_code == 130 and "interrupted" in result.stderr
    assert sorted(p.name for p in outdir.iterdir()) == [MARKER, "report.html"]
    assert (outdir / "report.html").read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "report"]  # no temporary directory left


# --- issue 20: the command line and inputs ---------------------------------------------------

def test_unknown_group_by_key_is_an_error_listing_the_keys(tmp_path):
    lines = [{"id": f"d{k}", "text": p.read_text(encoding="utf-8")[:600], "outlet": f"o{k % 2}",
              "date": "2024-11-0%d" % (k + 1)} for k, p in enumerate(SEED_FILES[:4])]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["compare", str(corpus), "-o", str(out), "--group-by", "journal",
                                 "--resamples", "100", "--permutations", "99"])
    assert r.exit_code == 2
    assert r.stderr.splitlines() == ["framing: error: unknown --group-by key 'journal': no document has it "
                                     "(keys the documents have: date, month, outlet, year)"]
    assert not out.exists()


def test_skipped_files_are_named_with_how_to_convert_them(tmp_path):
    folder = corpus(tmp_path, 1)
    (folder / "rapport.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    (folder / "notes.docx").write_bytes(b"PK\x03\x04" + bytes(range(256)))
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)))  # a PDF under a text name
    result = run(folder, "--format", "jsonl")
    lines = result.stderr.splitlines()
    assert result.exit_code == 1 and [o["id"] for o in objects(result.stdout)] == ["doc0000"]
    assert f"framing: warning: {folder / 'notes.docx'}: skipped: unknown file type '.docx'" in lines[0]
    assert "pandoc" in lines[0]
    assert lines[1].startswith(f"framing: warning: {folder / 'rapport.pdf'}: skipped") and "pdftotext" in lines[1]
    assert lines[2] == (f"framing: error: {folder / 'scan.txt'}: binary file (PDF), not text (no document read): "
                        "convert it to text first, e.g. `pdftotext -enc UTF-8 FILE.pdf FILE.txt` (poppler-utils)")
    alone = run(folder / "rapport.pdf")  # given explicitly: an error, with the hint
    assert alone.exit_code == 1 and "pdftotext" in alone.stderr and alone.stderr.startswith("framing: error: ")


def test_quiet_prints_errors_only(tmp_path):
    folder = corpus(tmp_path, 2)
    (folder / "image.png").write_bytes(PNG)
    out = tmp_path / "out.jsonl"
    loud = run(folder, "--format", "jsonl", "-o", out)
    assert loud.exit_code == 0 and "warning" in loud.stderr and "written to" in loud.stderr
    quiet = run(folder, "--format", "jsonl", "-o", out, "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    (folder / "bad.txt").write_bytes(PNG)
    failing = run(folder, "--format", "jsonl", "-o", out, "-q")
    assert failing.exit_code == 1 and failing.stderr.splitlines() == [
        f"framing: error: {folder / 'bad.txt'}: binary file, not text (no document read)"]


@pytest.mark.slow
def test_committed_seed_report_is_reproduced_byte_for_byte(tmp_path):
    """The README set-up command, run again, rewrites reports/seeds/ with identical bytes."""
    import filecmp
    import shutil

    if not FRAMING.exists():
        pytest.skip("no framing script beside the interpreter")
    root = SEEDS.parent
    committed = root / "reports" / "seeds"
    readme = (root / "README.md").read_text(encoding="utf-8")
    command = "framing compare seeds/ -o reports/seeds --force --reproducible"
    assert command in readme
    # the same command in a copy of the repository's layout (seeds/ and reports/seeds/)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(committed, tmp_path / "reports" / "seeds")
    proc = subprocess.run([str(FRAMING), *command.split()[1:]], cwd=tmp_path, capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stderr
    fresh = tmp_path / "reports" / "seeds"
    names = sorted(p.name for p in committed.iterdir())
    assert sorted(p.name for p in fresh.iterdir()) == names
    match, mismatch, errors = filecmp.cmpfiles(committed, fresh, names, shallow=False)
    assert mismatch == [] and errors == [], f"regenerate with: {command}"
