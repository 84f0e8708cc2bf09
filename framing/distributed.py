"""Scoring on dask: bags, dataframes and JSONL shards on a dask.distributed cluster.

Needs the ``dask`` extra: ``pip install 'framing[dask]'``.

When one machine is not enough, the same analysis runs on dask workers. Each
worker process builds the lexicons and matchers once (they are cached per
process by :func:`framing.resources.get_resources`) and reuses them for every
partition it scores; results are identical to ``framing score``'s.

Typical use, JSONL shards in and out (one output shard per input file)::

    from dask.distributed import Client
    from framing.distributed import score_jsonl_shards

    client = Client("tcp://scheduler:8786")          # or LocalCluster()
    summary = score_jsonl_shards("corpus/*.jsonl", "scored/", scheduler=client)
    print(summary)   # {'documents': 120000, 'errors': 3, 'shards': [...], ...}

or from the command line::

    framing score --engine dask --scheduler tcp://scheduler:8786 corpus/*.jsonl -o scored/

Lower level, for pipelines that already hold a bag or a dataframe::

    import dask.bag as db, json
    from framing.distributed import score_bag
    docs = db.read_text("corpus/*.jsonl").map(json.loads)   # dicts with "text", "id"…
    scored = score_bag(docs)                                # bag of JSONL-contract dicts
    scored.filter(lambda d: "error" not in d).map(json.dumps).to_textfiles("out/*.jsonl")

On a real cluster the input and output paths must be reachable by every
worker (a shared file system, or any fsspec URL such as ``s3://``).
"""
from __future__ import annotations

import json
import os
import posixpath
from pathlib import PurePath
from typing import Any, Iterable, Sequence
from warnings import warn

from .analysis import analyze_raw, failure_message
from .ingest import InputError, RawDocument, read_jsonl
from .output import feature_row, jsonl_line, record_producer
from .resources import Config, default_config

__all__ = ["score_bag", "score_dataframe", "score_jsonl_shards", "score_records"]

#: ``scheduler`` values naming dask's local schedulers (anything else is an address).
LOCAL_SCHEDULERS = ("threads", "threading", "processes", "multiprocessing", "synchronous",
                    "sync", "single-threaded")


def _require_dask():
    try:
        import dask  # noqa: F401
        import dask.bag  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("the dask engine needs the dask extra: pip install 'framing[dask]'") from None


# --- records -> results (runs on the workers) ----------------------------------------

def _raw_from_record(record: Any, k: int) -> RawDocument:
    """A :class:`RawDocument` from a bag element: a dict like a JSONL line, or a JSON string."""
    source = f"<bag>:{k}"
    if isinstance(record, (str, bytes)):
        record = json.loads(record)
    if not isinstance(record, dict):
        raise InputError(source, "a record must be a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(source, "missing or non-string 'text' field")
    line = json.dumps(record, ensure_ascii=False) + "\n"
    docs = list(read_jsonl(line.encode("utf-8"), str(record.get("source") or "<bag>"), "doc",
                           on_error=_raise))
    doc = docs[0]
    if "id" not in record or record["id"] in (None, ""):
        doc.id = f"doc-{k}"
    return doc


def _raise(err: InputError) -> None:
    raise err


def _error_record(doc_id: Any, source: str, message: str) -> dict[str, Any]:
    return {"id": doc_id, "source": source, "error": message}


def score_records(records: Iterable[Any], config: Config | None = None,
                  include_text: bool = False, start: int = 0) -> list[dict[str, Any]]:
    """Score an iterable of records (dicts with ``text``, or JSON strings) in this process.

    Returns one dict per record, in order: the JSONL contract object, or, when
    the record is malformed or its analysis fails, ``{"id", "source", "error"}``.
    Blank strings (empty JSONL lines) are skipped.
    This is the function every dask partition runs.
    """
    config = config or default_config()
    out = []
    for k, record in enumerate(records, start):
        if isinstance(record, (str, bytes)) and not record.strip():
            continue  # a blank JSONL line, as framing score skips it
        try:
            raw = _raw_from_record(record, k)
        except (InputError, ValueError, TypeError) as e:
            rid = record.get("id") if isinstance(record, dict) else None
            out.append(_error_record(rid, f"<bag>:{k}", str(getattr(e, "message", e))))
            continue
        try:
            out.append(analyze_raw(raw, config).to_dict(include_text=include_text))
        except Exception as e:  # one bad document never loses the others
            out.append(_error_record(raw.id, raw.source, failure_message(e)))
    return out


def score_bag(bag, config: Config | None = None, *, include_text: bool = False):
    """Score a dask bag of documents; return a bag of result dicts (lazy).

    Parameters
    ----------
    bag : dask.bag.Bag
        Elements are dicts shaped like a JSONL input line (``text`` required;
        ``id``, ``outlet``, ``date``, ``title``… optional) or JSON strings of
        such dicts (e.g. ``dask.bag.read_text("*.jsonl")``).
    config : Config, optional
        From :func:`framing.resources.default_config` (user lexicon
        directories and actors file must be readable on the workers).
    include_text : bool, default False
        Add each document's text to its result.

    Returns
    -------
    dask.bag.Bag
        One dict per element (blank lines skipped), same partitioning and order: the JSONL contract
        object of :meth:`framing.analysis.DocumentAnalysis.to_dict`, or
        ``{"id", "source", "error"}`` for a malformed record or a failed
        analysis (filter with ``bag.filter(lambda d: "error" not in d)``).
        Records without ``id`` are numbered ``doc-K`` within their partition.
    """
    _require_dask()
    config = config or default_config()
    return bag.map_partitions(score_records, config, include_text)


def score_dataframe(ddf, config: Config | None = None, *, text_column: str = "text"):
    """Score a dask dataframe with one document per row; return a dataframe of feature rows.

    Columns ``id``, ``outlet``, ``date``, ``title`` (when present) are used as
    metadata. The result has one row per document: metadata, counts and every
    feature (the columns of ``framing score --format csv``); failed documents
    are dropped.
    """
    _require_dask()
    import pandas as pd

    config = config or default_config()
    # the columns depend on the configuration (an actors file brings its camps)
    columns = list(feature_row(analyze_raw(RawDocument("x", "Texte.", "<meta>"), config)))
    meta = pd.DataFrame({c: pd.Series(dtype="object" if c in ("id", "source", "outlet", "date", "title",
                                                                 "language", "backend") else "float64")
                         for c in columns})

    def part(df):
        records = df.rename(columns={text_column: "text"}).to_dict(orient="records")
        rows = []
        for k, record in enumerate(records):
            record = {key: v for key, v in record.items() if isinstance(v, (str, int, float)) and v == v}
            try:
                raw = _raw_from_record(record, k)
                rows.append(feature_row(analyze_raw(raw, config)))
            except Exception as e:  # one bad record never loses the partition (dataframe engine: no error list)
                warn(f"record {k} of a partition could not be analysed ({type(e).__name__}: {e}); left out",
                     RuntimeWarning, stacklevel=2)
                continue
        out = pd.DataFrame(rows, columns=columns)
        return out.astype(meta.dtypes.to_dict()) if len(out) else meta.iloc[:0]

    return ddf.map_partitions(part, meta=meta)


# --- JSONL shards ---------------------------------------------------------------------

def _score_shard(lines: list[tuple[str, str]], config: Config, include_text: bool
                 ) -> tuple[str, list[str], list[dict[str, Any]]]:
    """Score one whole input file read by ``read_text(include_path=True)``.

    The lines are joined back into the file's exact bytes and read by
    :func:`framing.ingest.read_jsonl`, so ids, sources (``file:line``),
    metadata and warnings are the same as with ``framing score``.
    """
    from .parallel import AnalysisFailure, analyze_one

    if not lines:
        return "", [], []
    path = lines[0][1]
    data = "".join(line for line, _ in lines).encode("utf-8", "surrogateescape")
    errors: list[dict[str, Any]] = []
    out: list[str] = []

    def on_error(err: InputError) -> None:
        errors.append(err.to_dict())

    stem = PurePath(path).stem
    producer = record_producer(config.lexicon_dirs, config.actors)  # as framing score writes it
    for raw in read_jsonl(data, path, stem, on_error):
        result = analyze_one(raw, config, None)
        if isinstance(result, AnalysisFailure):
            errors.append(result.to_input_error().to_dict())
        else:
            out.append(jsonl_line(result, include_text, producer=producer))
    return path, out, errors


def _write_shard(scored: tuple[str, list[str], list[dict[str, Any]]], target: str,
                 storage_options: dict | None) -> dict[str, Any]:
    """Write one output shard atomically (temporary name, then rename)."""
    import fsspec

    path, lines, errors = scored
    fs, _, (target_path,) = fsspec.get_fs_token_paths(target, storage_options=storage_options)
    tmp = target_path + ".tmp"
    with fs.open(tmp, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")
    fs.mv(tmp, target_path)
    return {"input": path, "output": target, "documents": len(lines), "errors": errors}


def _expand_inputs(inputs: str | Sequence[str]) -> list[str]:
    """Globs and file paths as given; a local directory means its ``*.jsonl`` files."""
    items = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    out = []
    for item in items:
        item = os.fspath(item)
        if os.path.isdir(item):
            out.append(posixpath.join(item.replace(os.sep, "/"), "*.jsonl"))
        else:
            out.append(item)
    return out


def _compute(tasks: list, scheduler: Any, num_workers: int | None) -> list[dict[str, Any]]:
    """Run the shard tasks on ``scheduler`` (an address is connected to for the run only)."""
    import dask

    client = None
    kwargs: dict[str, Any] = {}
    if isinstance(scheduler, str) and scheduler not in LOCAL_SCHEDULERS:
        from distributed import Client

        client = Client(scheduler)  # an address: connect for the duration of the run
        kwargs["scheduler"] = client
    elif scheduler is not None:
        kwargs["scheduler"] = scheduler
        if num_workers and scheduler in LOCAL_SCHEDULERS:
            kwargs["num_workers"] = num_workers
    try:
        return list(dask.compute(*tasks, **kwargs)) if tasks else []
    finally:
        if client is not None:
            client.close()


def _tidy_output(fs: Any, out_root: str, shards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Remove shards of an earlier, larger run and write (or remove) ``errors.jsonl``; the errors."""
    # leftovers of an earlier run over more files would read as results: remove them
    written = {posixpath.basename(s["output"]) for s in shards}
    for old in fs.glob(f"{out_root}/part-*.jsonl"):
        if posixpath.basename(old) not in written:
            fs.rm(old)
    errors = [e for s in shards for e in s.pop("errors")]
    err_path = f"{out_root}/errors.jsonl"
    if errors:
        with fs.open(err_path + ".tmp", "w", encoding="utf-8") as f:
            for e in errors:
                f.write(json.dumps(e, ensure_ascii=False) + "\n")
        fs.mv(err_path + ".tmp", err_path)
    elif fs.exists(err_path):
        fs.rm(err_path)
    return errors


def score_jsonl_shards(input_glob: str | Sequence[str], output_dir: str, scheduler: Any = None, *,
                       config: Config | None = None, include_text: bool = False,
                       storage_options: dict | None = None, num_workers: int | None = None) -> dict[str, Any]:
    """Score JSONL shards with dask and write one JSONL shard per input file.

    Parameters
    ----------
    input_glob : str or list of str
        JSONL files: paths, globs (``corpus/*.jsonl``), fsspec URLs, or a
        local directory (its ``*.jsonl`` files). Read with
        ``dask.bag.read_text(..., include_path=True)``, one partition per file.
    output_dir : str
        Directory (local or fsspec URL) receiving ``part-00000.jsonl``… (input
        files in sorted order) and, when any document failed,
        ``errors.jsonl`` (``{"source", "line", "error"}`` per failure, as
        ``framing score`` writes). Each shard is written atomically.
    scheduler : str, Client or None
        A dask.distributed scheduler address (``tcp://host:8786``), a
        ``distributed.Client``, a local scheduler name (``"processes"``,
        ``"threads"``, ``"synchronous"``), or ``None`` for dask's default
        (the active Client, if any).
    config : Config, optional
        Lexicon directories, actors file, backend.
    include_text : bool, default False
        Add each document's text to the output.
    storage_options : dict, optional
        Passed to fsspec for remote paths.
    num_workers : int, optional
        Workers of a local ``"processes"`` or ``"threads"`` scheduler.

    Returns
    -------
    dict
        ``documents`` (written), ``errors`` (failed count), ``shards`` (one
        ``{"input", "output", "documents"}`` per input file), ``output_dir``.
    """
    _require_dask()
    import dask
    import dask.bag as db
    import fsspec

    config = config or default_config()
    urls = _expand_inputs(input_glob)
    bag = db.read_text(urls, include_path=True, blocksize=None, errors="surrogateescape",
                       storage_options=storage_options)
    fs, _, (out_root,) = fsspec.get_fs_token_paths(output_dir, storage_options=storage_options)
    fs.makedirs(out_root, exist_ok=True)
    base = output_dir.rstrip("/")
    tasks = []
    for i, part in enumerate(bag.to_delayed()):
        scored = dask.delayed(_score_shard)(part, config, include_text)
        tasks.append(dask.delayed(_write_shard)(scored, f"{base}/part-{i:05d}.jsonl", storage_options))

    shards = _compute(tasks, scheduler, num_workers)
    errors = _tidy_output(fs, out_root, shards)
    return {"documents": sum(s["documents"] for s in shards), "errors": len(errors),
            "shards": shards, "output_dir": output_dir}
