"""``framing evaluate`` validates gold files (issue 21, item 16).

A malformed gold file gets one line naming the file (and the line or the
span); hidden files are skipped; spans outside the text, empty or reversed
are refused; the other gold files are still scored.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.evaluate import GoldError, load_gold

TEXT = "Il aurait dit."  # 14 characters
GOOD = {"doc": "good", "text": TEXT,
        "spans": [{"label": "HEDGE", "start": 3, "end": 9, "text": "aurait", "attrs": {"type": "cond"}}]}


def write(path, obj) -> None:
    path.write_text(obj if isinstance(obj, str) else json.dumps(obj), encoding="utf-8")


def span(start, end, **extra):
    return {"doc": "bad", "text": TEXT,
            "spans": [{"label": "HEDGE", "start": start, "end": end, "attrs": {"type": "cond"}, **extra}]}


def run(*args):
    return CliRunner().invoke(cli, ["evaluate", *args])


def errors_of(paths) -> list[str]:
    found: list[str] = []
    docs = load_gold(paths, on_error=lambda e: found.append(str(e)))
    return [d.id for d in docs], found


@pytest.mark.parametrize("gold, message", [
    (span(0, 100000), "spans[0] (HEDGE 0–100000): outside the text (0–14)"),
    (span(9, 3), "start must be before end"),
    (span(-1, 3), "outside the text"),
    (span(3, 3), "start must be before end"),
    (span("3", 9), "start and end must be integers"),
    (span(3, 9, text="dit"), "is not the text at these offsets"),
    ({"doc": "x", "text": TEXT, "spans": [{"label": "HEDGES", "start": 3, "end": 9}]}, "unknown label 'HEDGES'"),
    ({"doc": "x", "text": TEXT}, '"spans" (a list)'),
    ({"doc": "x", "spans": []}, '"text" (a string)'),
    ([1, 2], "expected an object"),
])
def test_bad_gold_file_is_named_and_the_others_are_scored(tmp_path, gold, message):
    write(tmp_path / "a_good.json", GOOD)
    write(tmp_path / "b_bad.json", gold)
    ids, found = errors_of([tmp_path])
    assert ids == ["good"]
    assert len(found) == 1 and found[0].startswith(str(tmp_path / "b_bad.json") + ": ")
    assert message in found[0]


def test_a_span_outside_a_short_text_no_longer_scores_f1_one(tmp_path):
    write(tmp_path / "tiny.json", span(0, 100000))
    res = run("--gold", str(tmp_path))
    assert res.exit_code == 1
    assert "F1" not in res.stdout and "1.000" not in res.stdout
    first, last = res.stderr.splitlines()
    assert "tiny.json: spans[0]" in first and "(1 file(s) rejected)" in last


def test_invalid_json_names_the_line(tmp_path):
    write(tmp_path / "broken.json", '{"text": "x",\n "spans": [,]}')
    _, found = errors_of([tmp_path])
    assert found == [f"{tmp_path / 'broken.json'}:2: invalid JSON (Expecting value, column 12)"]


def test_hidden_files_are_skipped(tmp_path):
    write(tmp_path / "good.json", GOOD)
    (tmp_path / "._good.json").write_bytes(b"\x00\x05\x16\x07Mac OS X resource fork")
    write(tmp_path / ".draft.json", span(0, 100000))
    ids, found = errors_of([tmp_path])
    assert ids == ["good"] and found == []


def test_bad_conllu_line_names_file_and_line(tmp_path):
    (tmp_path / "bad.conllu").write_text(
        "# text = Il aurait dit.\n1\tIl\til\tPRON\n"
        "2\taurait\tavoir\tAUX\t_\tMood=Cnd\t0\troot\t_\t_\n\n", encoding="utf-8")
    write(tmp_path / "good.json", GOOD)
    res = run("--gold", str(tmp_path / "bad.conllu"), "--gold", str(tmp_path / "good.json"))
    assert res.exit_code == 1
    assert res.stderr.strip() == (f"framing: error: {tmp_path / 'bad.conllu'}:2: "
                                  "expected 10 tab-separated columns, found 4")
    assert "Evaluated on 1 gold document(s)" in res.stdout


def test_only_bad_files_is_an_error_saying_how_many(tmp_path):
    write(tmp_path / "a.json", span(9, 3))
    write(tmp_path / "b.json", "not json")
    res = run("--gold", str(tmp_path))
    assert res.exit_code == 1
    assert res.stderr.splitlines()[-1] == "framing: error: no usable gold document (2 file(s) rejected)"
    assert "KeyError" not in res.stderr and "Traceback" not in res.output


def test_not_utf8_gold_is_named(tmp_path):
    (tmp_path / "latin.json").write_bytes(json.dumps(GOOD).replace("dit", "d\\u00eet").encode() + b"\xe9")
    _, found = errors_of([tmp_path])
    assert len(found) == 1 and "latin.json: not UTF-8" in found[0]


def test_duplicate_document_id_is_refused_for_the_later_file(tmp_path):
    write(tmp_path / "a.json", GOOD)
    write(tmp_path / "b.json", GOOD)
    ids, found = errors_of([tmp_path])
    assert ids == ["good"]
    assert found == [f"{tmp_path / 'b.json'}: document id 'good' already read from {tmp_path / 'a.json'}; file skipped"]


def test_library_default_raises_a_gold_error(tmp_path):
    write(tmp_path / "bad.json", span(9, 3))
    with pytest.raises(GoldError, match="bad.json: spans"):
        load_gold([tmp_path])


def test_bad_scored_prediction_line_is_named(tmp_path):
    write(tmp_path / "good.json", GOOD)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "good", "spans": [GOOD["spans"][0]]}) + "\n{oops\n", encoding="utf-8")
    res = run("--gold", str(tmp_path / "good.json"), str(pred))
    assert res.exit_code == 1
    assert f"{pred}:2: not a scored document" in res.stderr
    assert "Evaluated on 1 gold document(s)" in res.stdout
