"""Order-preserving parallel analysis over a process pool.

:func:`analyze_parallel` analyses a stream of raw documents with ``jobs``
worker processes and yields the results **in input order**, each identical to
what :func:`framing.analysis.analyze_raw` gives in a single process. It is the
engine behind ``framing score --jobs N`` and is reusable by any command that
analyses many documents (e.g. ``compare``)::

    from framing.ingest import iter_documents
    from framing.parallel import AnalysisFailure, analyze_parallel
    from framing.resources import default_config

    for result in analyze_parallel(iter_documents(["corpus/"]), default_config(), jobs=0):
        if isinstance(result, AnalysisFailure):
            print("failed:", result.source, result.message)
        else:
            print(result.id, result.features["hedge_per_1k"])

Why it scales and stays flat in memory:

* each worker process builds its :class:`~framing.resources.Resources`
  (lexicons, compiled matchers, lemma cache) once, in the pool initializer,
  and reuses them for every document it receives;
* documents travel in chunks (``chunksize`` documents per task) to amortise
  inter-process overhead, and at most ``jobs * window`` chunks are in flight:
  the input is consumed lazily, so a corpus of any size streams through with
  bounded memory (``multiprocessing.Pool.imap`` would read the whole input
  ahead);
* a ``render`` function (e.g. :func:`framing.output.jsonl_line`) can run in the
  workers, so serialisation is parallel too and only short strings come back.

With ``jobs=1`` nothing is started: documents are analysed in the calling
process, lazily, one at a time.
"""
from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from .analysis import DocumentAnalysis, analyze_raw, failure_message
from .ingest import InputError, RawDocument
from .resources import Config, default_config, get_resources

#: Documents per task sent to a worker: large enough to amortise pickling and
#: queue overhead (a document takes a few milliseconds), small enough to keep
#: the workers evenly loaded and the output flowing.
DEFAULT_CHUNKSIZE = 16
#: Chunks in flight per worker (bounds memory; keeps every worker busy).
DEFAULT_WINDOW = 4


@dataclass(frozen=True)
class AnalysisFailure:
    """A document whose analysis raised: yielded in its place, in order."""

    id: str
    source: str
    message: str

    def to_input_error(self) -> InputError:
        """The failure as the :class:`~framing.ingest.InputError` ``score`` reports."""
        return InputError(self.source, self.message)


def resolve_jobs(jobs: int | None) -> int:
    """Worker count for ``--jobs``: ``0`` (or ``None``) means every available core."""
    if jobs is None or jobs <= 0:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # pragma: no cover - not Linux
            return max(1, os.cpu_count() or 1)
    return jobs


def analyze_one(raw: RawDocument, config: Config,
                 render: Callable[[DocumentAnalysis], Any] | None) -> Any:
    """Analyse one document; a failure becomes an :class:`AnalysisFailure` (never raises)."""
    try:
        analysis = analyze_raw(raw, config)
        return render(analysis) if render is not None else analysis
    except Exception as e:  # one bad document never loses the others
        return AnalysisFailure(raw.id, raw.source, failure_message(e))


# --- worker side ---------------------------------------------------------------

_worker_config: Config | None = None
_worker_render: Callable[[DocumentAnalysis], Any] | None = None


def _init_worker(config: Config, render: Callable[[DocumentAnalysis], Any] | None) -> None:
    """Pool initializer: build this process's resources once, before any document."""
    global _worker_config, _worker_render
    _worker_config, _worker_render = config, render
    # Ctrl-C reaches the whole process group: let the parent alone handle it
    # (it cancels pending work and shuts the pool down cleanly).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's cleanup handler
    warm_up(config)


def _work_chunk(chunk: list[RawDocument]) -> list[Any]:
    return [analyze_one(raw, _worker_config, _worker_render) for raw in chunk]


def warm_up(config: Config | None = None) -> None:
    """Build the resources of ``config`` in this process (lexicons, matchers, dictionaries).

    Analyses a short French text once so that every lazily built resource
    exists before timing or forking starts. Safe to call repeatedly.
    """
    config = config or default_config()
    get_resources(config)
    try:
        analyze_raw(RawDocument("warm-up", "Selon le ministère, il aurait « peut-être » dit : "
                                "« Nous ne céderons pas. »", "<warm-up>"), config)
    except Exception:  # a broken extractor is reported per document later, not here
        pass


def settle(config: Config | None = None, jobs: int | None = 1) -> None:
    """Prepare this process for a long run: build the resources, then freeze them for the garbage collector.

    For a process that exists to score a corpus (the ``framing`` commands)
    with ``jobs`` workers (see :func:`analyze_parallel`). The resources are
    built here when this process analyses (one job) or forks workers that
    inherit them; workers started from a fork server (a neural backend)
    build their own, so the parent does not load a model it will not use.
    Then ``gc.freeze()`` moves everything alive (lexicons,
    automata, dictionaries: tens of thousands of objects that live as long as
    the process) out of the collector's generations, so that its full
    collections stop re-walking them (~2 % of a run, issue 9) and forked
    workers do not copy the pages those walks would touch. Documents hold no
    reference cycles (they are freed by reference counting), so the youngest
    generation is collected after 10,000 new objects instead of 700: the
    collector's share of a run drops from ~1 % to ~0.1 %.
    """
    config = config or default_config()
    if resolve_jobs(jobs) == 1 or _pool_context(config).get_start_method() == "fork":
        warm_up(config)
    gc.freeze()
    gc.set_threshold(10_000, *gc.get_threshold()[1:])


def _pool_context(config: Config):
    # fork is the fastest start and shares the parent's loaded dictionaries
    # copy-on-write; but a parent holding a neural backend (stanza: torch and its
    # threads) must not fork, so workers then come from a fresh fork server and
    # load their own model. Elsewhere (macOS, Windows) the platform default is used.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork" if config.backend == "builtin" else "forkserver")
    return multiprocessing.get_context()


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


# --- public API ----------------------------------------------------------------

def analyze_parallel(raw_docs: Iterable[RawDocument], config: Config | None = None, jobs: int = 1, *,
                     render: Callable[[DocumentAnalysis], Any] | None = None,
                     chunksize: int = DEFAULT_CHUNKSIZE,
                     window: int = DEFAULT_WINDOW) -> Iterator[Any]:
    """Analyse ``raw_docs`` with ``jobs`` processes; yield results in input order.

    Parameters
    ----------
    raw_docs : iterable of RawDocument
        Documents as read by :func:`framing.ingest.iter_documents`; consumed
        lazily (at most ``jobs * window * chunksize`` documents ahead).
    config : Config, optional
        Lexicon directories, actors file and backend (default configuration
        when omitted).
    jobs : int, default 1
        Worker processes; ``0`` uses every available core. ``1`` analyses in
        the calling process without starting a pool.
    render : callable, optional
        Applied to each :class:`~framing.analysis.DocumentAnalysis` in the
        worker (e.g. ``functools.partial(jsonl_line, include_text=True)``);
        its result is yielded instead of the analysis. Must be picklable (a
        module-level function or a ``functools.partial`` of one) when
        ``jobs > 1``.
    chunksize : int, default 16
        Documents per task sent to a worker.
    window : int, default 4
        Tasks in flight per worker.

    Yields
    ------
    DocumentAnalysis, the ``render`` result, or AnalysisFailure
        One item per input document, in input order. A document whose
        analysis raised yields an :class:`AnalysisFailure` and the run goes on.

    Notes
    -----
    Results are identical to ``analyze_raw`` in one process: the analysis is
    deterministic and each worker uses the same configuration. Stopping the
    iteration early (``break``, an exception in the consumer) shuts the pool
    down and cancels pending work.
    """
    config = config or default_config()
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        for raw in raw_docs:
            yield analyze_one(raw, config, render)
        return
    chunks = _chunks(raw_docs, max(1, chunksize))
    first = next(chunks, None)
    if first is None:
        return
    context = _pool_context(config)
    if context.get_start_method() == "fork":
        warm_up(config)  # workers inherit the built resources instead of each building them
    pending: deque[Future] = deque()
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                                   initializer=_init_worker, initargs=(config, render))
    try:
        pending.append(executor.submit(_work_chunk, first))
        limit = jobs * max(1, window)
        for chunk in chunks:
            pending.append(executor.submit(_work_chunk, chunk))
            while len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for fut in pending:
            fut.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
