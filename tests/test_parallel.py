"""Parallel scoring gives the same results, in the same order, as one process; progress stays off pipes."""
from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from framing.analysis import analyze_raw
from framing.cli import cli
from framing.ingest import RawDocument, iter_documents
from framing.output import jsonl_line
from framing.parallel import AnalysisFailure, analyze_parallel, resolve_jobs
from framing.progress import Progress, count_documents, format_duration, is_terminal
from framing.resources import default_config
from framing.score import score_paths

from conftest import SEEDS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_texts):
    """A JSONL corpus of the seed articles, each three times with distinct ids (15 documents)."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for k in range(3):
            for name, text in seed_texts.items():
                f.write(json.dumps({"id": f"{name}#{k}", "text": text, "outlet": f"outlet{k}"},
                                   ensure_ascii=False) + "\n")
    return path


def _score(inputs, jobs, fmt="jsonl"):
    out = io.StringIO()
    run = score_paths([str(p) for p in inputs], out, format=fmt, jobs=jobs)
    return run, out.getvalue()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "text"])
def test_jobs_2_output_identical_to_jobs_1(corpus, fmt):
    run1, out1 = _score([corpus, SEEDS], 1, fmt)
    run2, out2 = _score([corpus, SEEDS], 2, fmt)
    assert run1.n_documents == run2.n_documents == 20
    assert out1 == out2
    assert not run1.errors and not run2.errors


def test_parallel_keeps_input_order_across_chunks(corpus):
    config = default_config()
    raws = list(iter_documents([corpus]))
    expected = [jsonl_line(analyze_raw(r, config)) for r in raws]
    # small chunks and a small window: many tasks in flight, completed out of order
    got = list(analyze_parallel(iter(raws), config, jobs=2, render=jsonl_line, chunksize=2, window=1))
    assert got == expected
    assert [json.loads(line)["id"] for line in got] == [r.id for r in raws]


def test_parallel_yields_analysis_objects_by_default(corpus):
    raws = list(iter_documents([corpus]))[:4]
    results = list(analyze_parallel(raws, jobs=2, chunksize=1))
    assert [a.id for a in results] == [r.id for r in raws]
    # compared as contract lines: an undefined measure is NaN, which never equals itself
    from framing.output import jsonl_line

    assert jsonl_line(results[0]) == jsonl_line(analyze_raw(raws[0]))


def test_a_failing_document_is_reported_in_place(seed_texts):
    texts = list(seed_texts.values())
    raws = [RawDocument("a", texts[0], "a.txt"),
            RawDocument("broken", "x", "broken.txt", parsed=object()),  # not a ParsedDocument
            RawDocument("c", texts[1], "c.txt")]
    for jobs in (1, 2):
        results = list(analyze_parallel(raws, jobs=jobs, chunksize=1))
        assert [type(r).__name__ for r in results] == ["DocumentAnalysis", "AnalysisFailure", "DocumentAnalysis"]
        failure = results[1]
        assert isinstance(failure, AnalysisFailure)
        assert failure.source == "broken.txt" and failure.message.startswith("analysis failed (")
        assert str(failure.to_input_error()).startswith("broken.txt: analysis failed")


def test_stopping_early_shuts_the_pool_down(corpus):
    raws = iter_documents([corpus])
    gen = analyze_parallel(raws, jobs=2, chunksize=1, window=1)
    first = next(gen)
    gen.close()  # must return promptly, without hanging on pending work
    assert first.id.endswith("#0")


@pytest.mark.parametrize("jobs", [1, 2])
def test_input_is_read_lazily(seed_texts, jobs):
    """Streaming: only a bounded window of documents is read ahead of the output."""
    text = next(iter(seed_texts.values()))
    consumed = []

    def documents():
        for k in range(200):
            consumed.append(k)
            yield RawDocument(f"d{k}", text, f"d{k}.txt")

    results = analyze_parallel(documents(), jobs=jobs, chunksize=2, window=2)
    first = next(results)
    assert first.id == "d0"
    bound = 1 if jobs == 1 else jobs * 2 * 2 + 2
    assert len(consumed) <= bound
    results.close()


def test_empty_input():
    assert list(analyze_parallel([], jobs=2)) == []


def test_resolve_jobs():
    assert resolve_jobs(0) >= 1
    assert resolve_jobs(None) >= 1
    assert resolve_jobs(3) == 3


def test_cli_jobs_identical_and_no_progress_when_not_a_terminal(corpus, tmp_path):
    runner = CliRunner()
    outs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"out{jobs}.jsonl"
        result = runner.invoke(cli, ["score", "--format", "jsonl", "--jobs", jobs, str(corpus), "-o", str(target)])
        assert result.exit_code == 0, result.output
        # stderr is not a terminal here: only the one-line summary, no progress line
        assert "docs/s" not in result.output and "\r" not in result.output
        outs.append(target.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    assert len(outs[0].splitlines()) == 15


def test_cli_jobs_zero_means_all_cores(corpus):
    result = CliRunner().invoke(cli, ["score", "--format", "jsonl", "--jobs", "0", str(corpus)])
    assert result.exit_code == 0
    assert len([line for line in result.output.splitlines() if line.startswith("{")]) == 15


# --- progress ----------------------------------------------------------------------------

class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_is_silent_when_not_a_terminal():
    stream = io.StringIO()
    with Progress(total=10, stream=stream) as p:
        for _ in range(10):
            p.update()
    assert p.done == 10
    assert stream.getvalue() == ""
    assert not is_terminal(stream)


def test_progress_on_a_terminal_shows_count_rate_and_eta():
    stream = FakeTerminal()
    p = Progress(total=4, stream=stream)
    p.update()
    assert "1/4 documents" in stream.getvalue() and "docs/s" in stream.getvalue()
    assert "ETA" in p.line()
    p.update(3)
    p.close()
    assert stream.getvalue().endswith("\n")
    assert "4/4 documents" in stream.getvalue()


def test_score_paths_advances_progress(corpus):
    stream = io.StringIO()
    progress = Progress(total=15, stream=stream)
    score_paths([str(corpus)], io.StringIO(), format="jsonl", progress=progress)
    assert progress.done == 15 and stream.getvalue() == ""


def test_count_documents(corpus, tmp_path):
    assert count_documents([corpus]) == 15
    assert count_documents([SEEDS]) == 5  # the .txt files; manifest.csv is not a document
    assert count_documents([corpus, SEEDS]) == 20
    assert count_documents(["-"]) is None


def test_format_duration():
    assert format_duration(65) == "1:05"
    assert format_duration(3723) == "1:02:03"
