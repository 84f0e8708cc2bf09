"""Lexicon files: shipped headers, validation (`framing lexicons check`), listing, merging."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from framing.cli import cli
from framing.extract.loaded import CATEGORIES
from framing.lexicons import check_file, load_lexicon, shipped_dir

HEADER = "# source: test\n# license: CC0-1.0\n# version: 0\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_loaded_lexicons_are_valid_and_sizeable():
    from framing.cli.lexicons import entry_validators

    for name in ("loaded", "intensifiers", "polarity"):
        assert check_file(shipped_dir() / f"{name}.tsv", entry_validators()) == []
    lex = load_lexicon("loaded")
    assert len(lex.entries) >= 500
    cats = {e["cat"] for e in lex.entries}
    assert cats == set(CATEGORIES)
    assert sum(" " in e["term"] for e in lex.entries) >= 100  # multi-word expressions
    assert {e["match"] for e in lex.entries} == {"form", "lemma"}
    assert "CC0" in lex.header["license"] and "framing" in lex.header["source"]


def test_ordinary_political_vocabulary_is_not_in_loaded():
    terms = {e["term"] for e in load_lexicon("loaded").entries}
    for word in ("guerre", "sanctions", "sanction", "opposition", "invasion", "attaque", "soldat",
                 "troupes", "pertes", "conflit", "offensive", "frappe"):
        assert word not in terms


def test_polarity_lexicon_attribution_and_range():
    lex = load_lexicon("polarity")
    assert lex.columns[:3] == ("term", "polarity", "match")
    assert "PDDL" in lex.header["license"]
    assert "textblob-fr" in lex.header["source"] and "De Smedt" in lex.header["attribution"]
    values = {e["term"]: float(e["polarity"]) for e in lex.entries}
    assert len(values) > 5000
    assert all(-1 <= v <= 1 for v in values.values())
    assert values["dangereux"] < 0 < values["excellent"]


def test_check_reports_file_line_errors(tmp_path: Path):
    write(tmp_path / "noheader.tsv", "# columns: term\tcat\nfoo\tfear\n")
    write(tmp_path / "cells.tsv", HEADER + "# columns: term\tmatch\nbon\tform\nmauvais\tform\textra\n")
    write(tmp_path / "match.tsv", HEADER + "# columns: term\tmatch\nbon\tforme\n")
    write(tmp_path / "loaded.tsv", HEADER + "# columns: term\tcat\tmatch\nhorrible\tviolence\tlemma\n"
                                            "affreux\tugly\tlemma\nhorrible\tviolence\tlemma\n")
    write(tmp_path / "polarity.tsv", HEADER + "# columns: term\tpolarity\tmatch\nbon\t0.5\tform\nmauvais\t-3\tform\n"
                                              "laid\tvery\tform\n")
    write(tmp_path / "empty.tsv", HEADER + "# columns: term\ttype\n\tcond\n")
    result = CliRunner().invoke(cli, ["lexicons", "check", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    errors = [ln for ln in lines if re.match(r".+\.tsv:\d+: ", ln)]
    by_file = {Path(ln.split(":")[0]).name: ln for ln in errors}
    assert set(by_file) == {"noheader.tsv", "cells.tsv", "match.tsv", "loaded.tsv", "polarity.tsv", "empty.tsv"}
    assert "noheader.tsv:1: header is missing source, license, version" in result.output
    assert "cells.tsv:6: 3 tab-separated cells" in result.output
    assert "match.tsv:5: match must be 'form' or 'lemma'" in result.output
    assert "loaded.tsv:6: cat must be one of" in result.output
    assert "loaded.tsv:7: duplicate entry 'horrible' (same as line 5)" in result.output
    assert "polarity.tsv:6: polarity must be between -1 and 1" in result.output
    assert "polarity.tsv:7: polarity must be a number" in result.output
    assert "empty.tsv:5: empty 'term'" in result.output


def test_check_accepts_valid_directory(tmp_path: Path):
    write(tmp_path / "loaded.tsv", HEADER + "# columns: term\tcat\tmatch\nkakistocratie\tpejorative\tlemma\n"
                                            "régime\tnone\tlemma\n")
    result = CliRunner().invoke(cli, ["lexicons", "check", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("1 file(s) OK")


def test_list_shows_lexicons_and_user_overrides(tmp_path: Path):
    result = CliRunner().invoke(cli, ["lexicons", "list"])
    assert result.exit_code == 0, result.output
    row = next(ln for ln in result.output.splitlines() if ln.startswith("loaded "))
    n = len(load_lexicon("loaded").entries)
    assert re.search(rf"\b{n}\b", row) and "CC0-1.0" in row and "loaded.tsv" in row
    assert re.search(r"\b[0-9a-f]{12}\b", row)
    assert any(ln.startswith("polarity ") and "PDDL" in ln for ln in result.output.splitlines())

    write(tmp_path / "loaded.tsv", HEADER + "# columns: term\tcat\tmatch\nkakistocratie\tpejorative\tlemma\n")
    write(tmp_path / "mine.tsv", HEADER + "# columns: term\nfoo\n")
    result = CliRunner().invoke(cli, ["lexicons", "list", "--lexicon-dir", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    rows = {r["name"]: r for r in json.loads(result.output)}
    assert rows["loaded"]["entries"] == n + 1 and rows["loaded"]["status"] == "shipped+user"
    assert rows["mine"]["status"] == "user (not used)"
    assert rows["hedges"]["status"] == "shipped"


def test_merge_overrides_by_term(tmp_path: Path):
    write(tmp_path / "loaded.tsv", HEADER + "# columns: term\tcat\tmatch\nmenace\tweakness\tlemma\n")
    base = load_lexicon("loaded")
    merged = load_lexicon("loaded", [tmp_path])
    assert len(merged.entries) == len(base.entries)
    assert [e["cat"] for e in merged.entries if e["term"] == "menace"] == ["weakness"]
    assert merged.sha256 != base.sha256


def test_phrase_ending_in_an_elision_matches_running_text():
    from framing.backends.builtin import BuiltinBackend
    from framing.lexicons import PhraseMatcher

    m = PhraseMatcher([{"term": "il est possible qu'", "match": "form"}, {"term": "aux dires d'", "match": "form"}])
    doc = BuiltinBackend().parse("Il est possible qu'il vienne. Aux dires d'Ivan, tout va bien.")
    found = [doc.text[doc.tokens[x.first].start:doc.tokens[x.last - 1].end] for x in m.find(doc)]
    assert found == ["Il est possible qu'", "Aux dires d'"]
