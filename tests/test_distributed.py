"""The dask engine gives the same results as local scoring (on a small LocalCluster)."""
from __future__ import annotations

import io
import json

import pytest

dask = pytest.importorskip("dask")
pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from click.testing import CliRunner  # noqa: E402
from conftest import SEEDS  # noqa: E402

from framing.analysis import analyze_raw  # noqa: E402
from framing.cli import cli  # noqa: E402
from framing.distributed import score_bag, score_jsonl_shards, score_records  # noqa: E402
from framing.ingest import iter_documents  # noqa: E402
from framing.score import score_paths  # noqa: E402


@pytest.fixture(scope="module")
def shards(tmp_path_factory, seed_texts):
    """Two JSONL shards of seed articles; the second has a malformed line and a line without id."""
    folder = tmp_path_factory.mktemp("shards")
    texts = list(seed_texts.items())
    with (folder / "a.jsonl").open("w", encoding="utf-8") as f:
        for name, text in texts[:3]:
            f.write(json.dumps({"id": name, "text": text, "outlet": "A"}, ensure_ascii=False) + "\n")
    with (folder / "b.jsonl").open("w", encoding="utf-8") as f:
        f.write(json.dumps({"id": texts[3][0], "text": texts[3][1], "date": "2024-11-14"}, ensure_ascii=False) + "\n")
        f.write("{not json\n")
        f.write(json.dumps({"text": texts[4][1]}, ensure_ascii=False) + "\n")
    return folder


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


def _local(path):
    out = io.StringIO()
    run = score_paths([str(path)], out, format="jsonl")
    return out.getvalue().splitlines(), run.errors


def test_shards_on_a_local_cluster_match_local_scoring(shards, client, tmp_path):
    out_dir = tmp_path / "scored"
    summary = score_jsonl_shards(str(shards / "*.jsonl"), str(out_dir), scheduler=client)
    assert summary["documents"] == 5 and summary["errors"] == 1
    assert [s["output"].rsplit("/", 1)[1] for s in summary["shards"]] == ["part-00000.jsonl", "part-00001.jsonl"]
    for k, name in enumerate(("a.jsonl", "b.jsonl")):
        expected, _ = _local(shards / name)
        got = (out_dir / f"part-{k:05d}.jsonl").read_text(encoding="utf-8").splitlines()
        assert got == expected  # same ids (b-3 for the line without id), order, spans and features
    errors = [json.loads(line) for line in (out_dir / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(errors) == 1 and errors[0]["line"] == 2 and "malformed JSON" in errors[0]["error"]


def test_score_bag_matches_analyze(seed_texts, client):
    import dask.bag as db

    records = [{"id": name, "text": text, "outlet": "X"} for name, text in seed_texts.items()]
    records.append({"id": "bad"})  # no text
    bag = db.from_sequence(records, npartitions=2)
    results = score_bag(bag).compute(scheduler=client)
    assert [r["id"] for r in results] == [r["id"] for r in records]
    assert "error" in results[-1] and "text" in results[-1]["error"]
    raws = list(iter_documents([str(p) for p in sorted(SEEDS.glob("*.txt"))]))
    by_id = {r["id"]: r for r in results[:-1]}
    for raw in raws:
        local = analyze_raw(raw).to_dict()
        got = by_id[raw.id]
        assert got["spans"] == local["spans"] and got["features"] == local["features"]
        assert got["outlet"] == "X"


def test_score_dataframe_gives_feature_rows(seed_texts, client):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    from framing.distributed import score_dataframe
    from framing.output import feature_row

    items = list(seed_texts.items())[:3]
    pdf = pd.DataFrame({"id": [n for n, _ in items], "body": [t for _, t in items], "outlet": ["A", "B", "C"]})
    rows = score_dataframe(dd.from_pandas(pdf, npartitions=2), text_column="body").compute(scheduler=client)
    assert list(rows["id"]) == [n for n, _ in items]
    assert list(rows["outlet"]) == ["A", "B", "C"]
    local = feature_row(analyze_raw(list(iter_documents([str(SEEDS / f"{items[0][0]}.txt")]))[0]))
    assert rows.iloc[0]["n_words"] == local["n_words"]
    assert rows.iloc[0]["hedge_per_1k"] == pytest.approx(local["hedge_per_1k"])


def test_score_records_skips_blank_lines_and_reports_bad_ones(seed_texts):
    name, text = next(iter(seed_texts.items()))
    results = score_records(["\n", json.dumps({"id": name, "text": text}), "{oops"])
    assert [("error" in r) for r in results] == [False, True]


def test_score_records_accepts_json_strings(seed_texts):
    name, text = next(iter(seed_texts.items()))
    (result,) = score_records([json.dumps({"id": name, "text": text})])
    assert result["id"] == name and "features" in result


def test_cli_engine_dask(shards, client, tmp_path):
    out_dir = tmp_path / "cli_out"
    result = CliRunner().invoke(cli, ["score", "--engine", "dask", "--scheduler", client.scheduler.address,
                                      "--format", "jsonl", str(shards / "a.jsonl"), "-o", str(out_dir)])
    assert result.exit_code == 0, result.output
    assert "3 document(s) written" in result.output
    expected, _ = _local(shards / "a.jsonl")
    assert (out_dir / "part-00000.jsonl").read_text(encoding="utf-8").splitlines() == expected


def test_cli_engine_dask_needs_jsonl_and_a_directory(shards):
    result = CliRunner().invoke(cli, ["score", "--engine", "dask", str(shards / "a.jsonl")])
    assert result.exit_code != 0 and "--format jsonl" in result.output
