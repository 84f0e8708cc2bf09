"""Stories: documents about one event grouped by TF-IDF similarity within a date window, on real articles."""
from __future__ import annotations

import csv

import pytest

from framing import stories
from framing.analysis import parse_raw
from framing.ingest import iter_documents

from conftest import SEEDS, SHARED

CORPUS = SHARED / "corpus"


def read(paths):
    docs = list(iter_documents(paths))
    return ([d.id for d in docs], [stories.story_terms(parse_raw(d)) for d in docs],
            [d.meta.get("date") for d in docs])


@pytest.fixture(scope="module")
def seeds():
    return read([SEEDS])


def test_story_terms_are_content_lemmas_and_names(seeds):
    ids, terms, _ = seeds
    t = terms[ids.index("004_0ba66114ffe4b64b")]
    assert {"koursk", "soldat", "poutine"} <= set(t)
    assert not {"le", "de", "et", "que", "qui", "dans", "plus", "être", "avoir"} & set(t)
    assert any(k.startswith(stories.NAME) and " " in k for k in t)  # a run of capitalised words
    assert not any(any(c.isdigit() for c in k) for k in t)


def test_the_five_seeds_fall_in_one_story(seeds):
    ids, terms, dates = seeds
    found = stories.find_stories(ids, terms, dates)
    assert len(found.stories) == 1 and sorted(found.stories[0].documents) == sorted(ids)
    assert found.stories[0].id == "S1"
    assert "koursk" in found.stories[0].label or "nord-coréen" in found.stories[0].label
    assert (found.stories[0].first, found.stories[0].last) == ("2024-10-28", "2025-04-28")


def test_a_short_window_splits_a_story_that_runs_for_months(seeds):
    ids, terms, dates = seeds
    found = stories.find_stories(ids, terms, dates, window_days=20)
    assert len(found.stories) > 1
    # the dates are ignored when unknown
    assert len(stories.find_stories(ids, terms, [None] * len(ids), window_days=20).stories) == 1


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")
def test_unrelated_articles_stay_outside_the_seeds_story():
    ids, terms, dates = read([SEEDS, CORPUS / "texts", CORPUS / "html"])
    seed_ids = {p.stem for p in SEEDS.glob("*.txt")}
    # without dates (only content decides) and with them
    for d in (dates, [None] * len(ids)):
        found = stories.find_stories(ids, terms, d)
        story = {found.assignment[i] for i in seed_ids}
        assert len(story) == 1
        members = next(s for s in found.stories if s.id in story).documents
        assert set(members) == seed_ids  # Korean and Russian articles on other events stay out
    # the two articles on Navalny's poisoning (two weeks apart) make one story
    assert found.assignment["orangesum_34202"] == found.assignment["orangesum_35328"]


@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    from framing.compare import compare_paths

    out = tmp_path_factory.mktemp("stories") / "out"
    return compare_paths([SEEDS], out, force=True, n_resamples=200, n_permutations=199), out


def test_compare_writes_stories_csv(compared):
    result, out = compared
    rows = list(csv.DictReader((out / "stories.csv").open(encoding="utf-8")))
    assert list(rows[0]) == ["id", "story", "label"]
    assert sorted(r["id"] for r in rows) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert {r["story"] for r in rows} == {"S1"} and rows[0]["label"]
    assert all(d.meta["story"] == "S1" for d in result.documents)


def test_the_report_shows_the_groups_measures_side_by_side_for_a_shared_story(compared):
    result, out = compared
    table = result.likeness.story_table
    assert [s["id"] for s in table] == ["S1"]
    assert len(table[0]["groups"]) == 5 and all(g["n"] == 1 for g in table[0]["groups"])
    doc = {d.group: d for d in result.documents}
    for g in table[0]["groups"]:
        assert g["values"]["hedge_per_1k"] == pytest.approx(doc[g["group"]].features["hedge_per_1k"])
    md = (out / "report.md").read_text(encoding="utf-8")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Histoires couvertes par plusieurs groupes" in md and "**S1**" in md
    assert 'id="likeness"' in html and "stories.csv" in html
