"""The files framing writes, in one place: atomic replacement, the marker of framing's
output folders, lock files, and the checks that keep an output away from the inputs.

Project rule: never delete or overwrite a file framing did not write, and never
read back what framing wrote as if it were input. Every command that writes goes
through this module:

* :func:`atomic_write` (a file) and :func:`atomic_directory` (a folder) build
  the output under a hidden temporary name beside it and rename it into place
  only when complete, so an interrupted run leaves the previous output intact;
* a folder framing writes holds the marker file :data:`MARKER`; ``--force``
  replaces a non-empty folder only when it carries that marker
  (:func:`check_output_dir`), and folders carrying it are not read as input;
* :func:`check_output_file` / :func:`check_output_dir` refuse an output that
  is an input, lies inside an input folder, or holds an input;
* :func:`output_lock` lets one run at a time write a given output;
* :func:`errors_path` names the error list after the output
  (``out.jsonl`` → ``out.errors.jsonl``) and :func:`write_errors` replaces or
  removes it only when framing wrote it;
* :func:`check_resumable` refuses to append to a file that is not framing's
  JSONL output.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

#: Name of the marker file inside every folder framing writes (hidden: never read as input).
MARKER = ".framing-output"
#: Its content: fixed, so that a regenerated folder is byte-for-byte the same.
MARKER_TEXT = ("This folder was written by framing (framing compare).\n"
               "framing compare --force may replace it as a whole: keep nothing else in it.\n")


class OutputRefused(Exception):
    """An output framing must not write (it is an input, holds inputs, or is not framing's); one-line message."""


class OutputLocked(OutputRefused):
    """Another framing run is writing the same output."""


# --- atomic files and folders ------------------------------------------------------

@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it into place on success.

    An interrupted or failed write leaves any previous ``path`` untouched and
    removes the temporary file (``.NAME.XXXX.tmp``).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        _chmod_like_new_file(tmp)
        with os.fdopen(fd, mode, encoding=encoding if "b" not in mode else None,
                       **({"newline": ""} if "b" not in mode else {})) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _chmod_like_new_file(path: str) -> None:
    """mkstemp makes files readable by their owner only: give the usual permissions (umask)."""
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~umask)


def written_by_framing(folder: str | os.PathLike) -> bool:
    """True when ``folder`` carries framing's output marker."""
    return (Path(folder) / MARKER).is_file()


def mark_output_dir(folder: str | os.PathLike) -> None:
    """Put the marker in a folder framing is writing."""
    (Path(folder) / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


@contextlib.contextmanager
def atomic_directory(outdir: str | os.PathLike) -> Iterator[Path]:
    """Yield a marked temporary folder beside ``outdir``; on success it replaces ``outdir``.

    A failed or interrupted run (an exception, Ctrl-C, SIGTERM turned into
    KeyboardInterrupt) removes the temporary folder and leaves any previous
    ``outdir`` as it was. Call :func:`check_output_dir` first: this replaces
    whatever is at ``outdir``.
    """
    outdir = Path(outdir).absolute()
    outdir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", suffix=".tmp", dir=outdir.parent))
    try:
        mark_output_dir(tmp)
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = None
    if outdir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", suffix=".old", dir=outdir.parent))
        old.rmdir()
        os.replace(outdir, old)
    try:
        os.replace(tmp, outdir)
    except BaseException:
        if old is not None:
            os.replace(old, outdir)
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    os.chmod(outdir, 0o755)


# --- outputs against inputs --------------------------------------------------------

def _input_paths(inputs: Iterable[str | os.PathLike]) -> list[tuple[str, Path]]:
    """(as given, resolved) for every input path (``-`` is stdin and skipped)."""
    out = []
    for item in inputs:
        item = os.fspath(item)
        if item != "-":
            out.append((item, Path(item).resolve()))
    return out


def check_output_file(output: str | os.PathLike, inputs: Iterable[str | os.PathLike]) -> None:
    """Refuse an output file that is an input, or lies inside an input folder (it would be read back)."""
    out = Path(output).resolve()
    for item, p in _input_paths(inputs):
        if p == out:
            raise OutputRefused(f"the output {output} is the input {item}: it would be overwritten")
        if p.is_dir() and p in out.parents:
            raise OutputRefused(f"the output {output} is inside the input {item}: it would be read as input")


def check_output_dir(outdir: str | os.PathLike, inputs: Iterable[str | os.PathLike], force: bool) -> Path:
    """Check that ``outdir`` may be (re)written; return it as a Path.

    Refused: a file in the way; a folder that is an input, holds an input or
    lies inside an input folder; a non-empty folder without ``force``; and,
    even with ``force``, a non-empty folder framing did not write (no
    :data:`MARKER`): ``--force`` replaces framing's own output, nothing else.
    """
    out = Path(outdir)
    resolved = out.resolve()
    if out.exists() and not out.is_dir():
        raise OutputRefused(f"{out} exists and is not a directory")
    for item, p in _input_paths(inputs):
        if p == resolved or resolved in p.parents:
            raise OutputRefused(f"the output folder {out} holds the input {item}: choose another folder")
        if p.is_dir() and p in resolved.parents:
            raise OutputRefused(f"the output folder {out} is inside the input {item}: "
                                "it would be read as input next time; choose a folder outside it")
    if out.is_dir() and any(out.iterdir()):
        if not force:
            raise OutputRefused(f"{out} is not empty (use --force to replace a report framing wrote)")
        if not written_by_framing(out):
            raise OutputRefused(f"{out} is not empty and was not written by framing (no {MARKER} file): "
                                "--force replaces only framing's own output folders; choose another folder")
    return out


# --- lock files --------------------------------------------------------------------

def lock_path(output: str | os.PathLike) -> Path:
    """The lock file of an output: ``.NAME.lock`` beside it (hidden)."""
    output = Path(output).absolute()
    return output.with_name(f".{output.name}.lock")


@contextlib.contextmanager
def output_lock(output: str | os.PathLike) -> Iterator[Path]:
    """Hold the lock of ``output`` for the duration of the block, or raise :class:`OutputLocked`.

    An advisory ``flock`` on ``.NAME.lock``: the kernel releases it when the
    process dies, so a killed run never blocks the next one. The lock file is
    removed on exit. Where ``fcntl`` is missing (Windows) the lock file is
    created exclusively instead.
    """
    path = lock_path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        fcntl = None
    if fcntl is None:  # pragma: no cover
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            raise OutputLocked(_locked_message(output, path)) from None
        try:
            yield path
        finally:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(path)
        return
    fd = _acquire(path, fcntl, output)
    try:
        yield path
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)


def _acquire(path: Path, fcntl: Any, output: Any) -> int:
    """Open and flock ``path``; retry when another run removed the file between open and lock."""
    while True:
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise OutputLocked(_locked_message(output, path)) from None
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            return fd
        os.close(fd)  # we locked a file the previous holder had just removed: take the new one


def _locked_message(output: Any, path: Path) -> str:
    try:
        pid = path.read_text(encoding="utf-8").strip()
    except OSError:
        pid = ""
    who = f" (process {pid})" if pid else ""
    return (f"another framing run is writing {output}{who}: wait for it to finish, or use another output "
            f"(lock file {path})")


# --- the error list of a run -------------------------------------------------------

#: keys of one line of an error list (the whole line, nothing else)
ERROR_KEYS = frozenset({"source", "line", "error"})


def errors_path(output: str | os.PathLike) -> Path:
    """The error list of ``output``: ``out.jsonl`` → ``out.errors.jsonl``, ``out.csv`` → ``out.errors.jsonl``."""
    output = Path(output)
    return output.with_name(f"{output.stem or output.name}.errors.jsonl")


def is_error_list(path: str | os.PathLike) -> bool:
    """True when ``path`` is an error list framing wrote (every line ``{"source", "line", "error"}``)."""
    try:
        with open(path, "rb") as f:
            lines = [line for line in f if line.strip()]
    except OSError:
        return False
    for line in lines:
        try:
            obj = json.loads(line)
        except ValueError:
            return False
        if not isinstance(obj, dict) or set(obj) != ERROR_KEYS:
            return False
    return True


def write_errors(path: str | os.PathLike, errors: Iterable[Any]) -> bool:
    """Write this run's failures to ``path`` (JSONL), or remove a stale list when there are none.

    A file at ``path`` that framing did not write is neither replaced nor
    removed: the function then returns False and writes nothing.
    """
    path = Path(path)
    errors = list(errors)
    if path.exists() and not is_error_list(path):
        return False
    if errors:
        with atomic_write(path) as f:
            for err in errors:
                f.write(json.dumps(err.to_dict(), ensure_ascii=False) + "\n")
    elif path.exists():
        path.unlink()
    return True


# --- resuming a JSONL output -------------------------------------------------------

#: keys every line of framing's JSONL output has (the contract)
RECORD_KEYS = ("id", "features", "spans")


def is_record(obj: Any) -> bool:
    """True for a JSON object of framing's JSONL contract."""
    return isinstance(obj, dict) and all(k in obj for k in RECORD_KEYS)


def check_resumable(path: str | os.PathLike) -> None:
    """Refuse ``--resume`` on a file that is not framing's JSONL output.

    Every line must be a record of the contract, except a last line cut short
    by a crash (no final newline), which resuming drops and redoes. A missing
    or empty file is resumable (the run starts from nothing).
    """
    try:
        f = open(path, "rb")
    except FileNotFoundError:
        return
    with f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                ok = is_record(json.loads(line))
            except (ValueError, RecursionError):
                ok = False
            if not ok and line.endswith(b"\n"):
                raise OutputRefused(f"{path}:{n}: not framing's JSONL output (a JSON object with "
                                    f"{', '.join(RECORD_KEYS)}): refusing to resume into it")
