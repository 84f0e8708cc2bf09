"""Copies (word 4-gram MinHash) and foreign words left in French text, on real articles.

The seeds are in the repository; ../shared/corpus and ../shared/corpus-b are
read when present (skipped otherwise). No article text is written into the repository.
"""
from __future__ import annotations

import csv
import json
import shutil

import numpy as np
import pytest

from framing import copies
from framing.adjust import MT_DISTINCT_WORDS
from framing.analysis import parse_raw
from framing.backends import get_backend
from framing.ingest import iter_documents

from conftest import SEEDS, SHARED

CORPUS = SHARED / "corpus"
CORPUS_B = SHARED / "corpus-b" / "orangesum_outlets.jsonl"


def words_of(text: str) -> list[str]:
    return copies.document_words(get_backend("builtin").parse(text))


def edited(words: list[str], share: float, seed: int = 5) -> list[str]:
    """``words`` with ``share`` of them replaced by words drawn from elsewhere in the text, at random places."""
    rng = np.random.default_rng(seed)
    out = list(words)
    for i in rng.choice(len(words), size=max(1, int(share * len(words))), replace=False):
        out[i] = words[int(rng.integers(len(words)))] + "x"
    return out


@pytest.fixture(scope="module")
def seed_words(seed_texts) -> dict[str, list[str]]:
    return {k: words_of(v) for k, v in seed_texts.items()}


def test_a_copy_with_five_percent_of_its_words_edited_is_a_near_copy(seed_words):
    for doc_id, words in seed_words.items():
        prints = [copies.fingerprint(doc_id, words), copies.fingerprint("edit", edited(words, 0.05))]
        pairs = copies.find_copies(prints)
        assert [(p.id_a, p.id_b, p.kind) for p in pairs] in ([(doc_id, "edit", "near-copy")],
                                                             [("edit", doc_id, "near-copy")]), doc_id
        assert 0.5 <= pairs[0].jaccard < 1.0


def test_identical_texts_and_shortened_copies(seed_words):
    words = seed_words["001_f69122c24c78aea5"]
    prints = [copies.fingerprint("a", words), copies.fingerprint("b", [w.upper() for w in words]),
              copies.fingerprint("c", words[: len(words) * 2 // 3])]  # the first two thirds (a shortened repost)
    kinds = {(p.id_a, p.id_b): p.kind for p in copies.find_copies(prints)}
    assert kinds[("a", "b")] == "identical"  # case does not count
    assert {kinds.get(("a", "c")) or kinds.get(("c", "a")), kinds.get(("b", "c")) or kinds.get(("c", "b"))} == {"near-copy"}


def test_a_rewrite_shares_passages_only(seed_words):
    words = seed_words["004_0ba66114ffe4b64b"]
    other = seed_words["000_b7e5882650752a5f"]
    half = len(words) // 2
    rewrite = edited(words[:half], 0.02) + other[:half]  # half the text kept, the rest replaced
    pairs = copies.find_copies([copies.fingerprint("orig", words), copies.fingerprint("rewrite", rewrite)])
    assert [p.kind for p in pairs] == ["rewrite"]
    assert copies.REWRITE_CONTAINMENT <= pairs[0].containment < copies.NEAR_COPY_CONTAINMENT


def test_the_five_seeds_are_not_copies_of_each_other(seed_words):
    assert copies.find_copies([copies.fingerprint(k, v) for k, v in seed_words.items()]) == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")
def test_no_pair_of_distinct_articles_of_the_shared_corpus_is_a_copy():
    docs = list(iter_documents([CORPUS / "texts", CORPUS / "html"]))
    assert len(docs) >= 20
    prints = [copies.fingerprint(d.id, copies.document_words(parse_raw(d))) for d in docs]
    assert copies.find_copies(prints) == []
    # while each of them, edited by 5 %, is found
    for d, f in list(zip(docs, prints))[:6]:
        words = copies.document_words(parse_raw(d))
        found = copies.find_copies(prints + [copies.fingerprint("edit", edited(words, 0.05))])
        assert [(p.kind, {p.id_a, p.id_b}) for p in found] == [("near-copy", {d.id, "edit"})]


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS_B.is_file(), reason="../shared/corpus-b is not available")
def test_reprints_in_corpus_b_are_found_and_nothing_else():
    rows = [json.loads(line) for line in CORPUS_B.read_text(encoding="utf-8").splitlines()]
    prints = [copies.fingerprint(r["id"], words_of(r["text"])) for r in rows]
    pairs = copies.find_copies(prints)
    # the corpus holds a few pages republished twice by the aggregator; no other pair comes close
    assert 1 <= len(pairs) <= 8
    assert all(p.kind in ("identical", "near-copy") and p.jaccard >= 0.9 for p in pairs)


def test_dedupe_keeps_the_earliest_then_the_first_read():
    pairs = [copies.CopyPair("a", "b", 0.9, 0.95, "near-copy"), copies.CopyPair("b", "c", 1.0, 1.0, "identical"),
             copies.CopyPair("d", "e", 0.2, 0.4, "rewrite")]
    assert copies.dedupe_keep(["a", "b", "c", "d", "e"], ["2024-05-02", "2024-05-01", None, None, None], pairs) == \
        {"a": "b", "c": "b"}
    assert copies.dedupe_keep(["a", "b"], [None, None], pairs[:1]) == {"b": "a"}


# --- foreign words -------------------------------------------------------------

def test_english_words_left_by_a_machine_translation_are_found(seed_texts):
    text = seed_texts["003_a279e9a969214fd9"]  # an AP story machine-translated into French
    spans = copies.foreign_words(text)
    assert all(text[s.start:s.end] == s.text for s in spans)
    found = {s.text.lower() for s in spans}
    assert {"shock", "fight", "help", "braveness"} <= found
    assert len(found) >= MT_DISTINCT_WORDS
    for doc_id, other in seed_texts.items():
        if doc_id != "003_a279e9a969214fd9":
            assert len({s.text.lower() for s in copies.foreign_words(other)}) < 3, doc_id


def test_foreign_quotations_elisions_and_names_are_not_counted():
    text = ("Le président a lancé « America first » devant la foule. Selon lui, « il faut du courage et de la "
            "braveness ». L'help n'existe pas. Donald Trump est venu.")
    spans = copies.foreign_words(text)
    assert [(s.text, text[s.start:s.end]) for s in spans] == [("braveness", "braveness"), ("help", "help")]


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS_B.is_file(), reason="../shared/corpus-b is not available")
def test_no_article_of_corpus_b_reaches_the_machine_translation_signal():
    rows = [json.loads(line) for line in CORPUS_B.read_text(encoding="utf-8").splitlines()]
    distinct = [len({s.text.lower() for s in copies.foreign_words(r["text"])}) for r in rows]
    assert max(distinct) < MT_DISTINCT_WORDS
    assert np.mean(distinct) < 0.5  # loanwords (tweet, coronavirus) are rare


# --- in framing compare ------------------------------------------------------------

@pytest.fixture(scope="module")
def compared_with_copy(tmp_path_factory):
    """The seeds plus a later, 5 %-edited repost of seed 001, compared with --dedupe."""
    from framing.compare import compare_paths

    src = tmp_path_factory.mktemp("copyin")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, src / p.name)
    manifest = (SEEDS / "manifest.csv").read_text(encoding="utf-8").rstrip("\n").splitlines()
    text = (SEEDS / "001_f69122c24c78aea5.txt").read_text(encoding="utf-8")
    words = text.split(" ")
    (src / "repost.txt").write_text(" ".join(edited(words, 0.05, seed=9)), encoding="utf-8")
    manifest.append("repost.txt,Repost site,2024-12-01,Repost,a copy")
    (src / "manifest.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("copyout") / "out"
    return compare_paths([src], out, force=True, dedupe=True, n_resamples=200, n_permutations=199), out


def test_compare_writes_copies_csv_and_dedupe_keeps_the_earliest(compared_with_copy):
    result, out = compared_with_copy
    rows = list(csv.DictReader((out / "copies.csv").open(encoding="utf-8")))
    assert [(r["kind"], {r["id_a"], r["id_b"]}) for r in rows] == [("near-copy", {"001_f69122c24c78aea5", "repost"})]
    assert 0.5 <= float(rows[0]["similarity"]) < 1
    assert result.likeness.dropped == {"repost": "001_f69122c24c78aea5"}  # 2024-11-14 is earlier than 2024-12-01
    assert "repost" not in [d.id for d in result.documents]
    features = list(csv.DictReader((out / "features.csv").open(encoding="utf-8")))
    assert len(features) == 5 and "foreign_word_per_1k" in features[0]
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "quasi-copie" in report and "003_a279e9a969214fd9" in report  # the copy and the machine translation
    evidence = list(csv.DictReader((out / "foreign_words.csv").open(encoding="utf-8")))
    text = (SEEDS / "003_a279e9a969214fd9.txt").read_text(encoding="utf-8")
    for r in evidence:
        if r["id"] == "003_a279e9a969214fd9":
            assert text[int(r["start"]):int(r["end"])] == r["word"]
