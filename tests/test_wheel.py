"""The built wheel, installed (not editable) in a fresh virtual environment, works from elsewhere.

Builds ``pip wheel . --no-deps``, creates a new venv, and installs the wheel
into it with ``--no-deps``. The runtime dependencies come from this test
environment's site-packages through a ``.pth`` line (no download, a few
seconds): only ``framing`` itself comes from the wheel, so a file missing from
the wheel (a lexicon, a template) makes this test fail. The scoring runs from
a directory outside the repository.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


def _site_packages(prefix: Path) -> Path:
    paths = sysconfig.get_paths(vars={"base": str(prefix), "platbase": str(prefix)})
    return Path(paths["purelib"])


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The ``bin`` directory of a fresh venv holding the wheel of this checkout."""
    tmp = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q",
                            "-w", str(tmp / "dist")], capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-3000:]
    (wheel,) = (tmp / "dist").glob("framing-*.whl")
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    site = _site_packages(env_dir)
    # dependencies (and pip) from this environment; its editable ``framing`` hook is a
    # .pth in that folder, which a plain path line does not run, so it cannot leak in
    (site / "_test_deps.pth").write_text(str(_site_packages(Path(sys.prefix))) + "\n", encoding="utf-8")
    python = env_dir / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
                             capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr[-3000:]
    return env_dir / "bin"


def test_wheel_contains_the_lexicons(installed, tmp_path):
    probe = subprocess.run(
        [str(installed / "python"), "-c",
         "import framing; print(framing.__file__)"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr
    module_file = probe.stdout.strip()
    assert Path(module_file).is_relative_to(installed.parent), module_file  # not the checkout
    package = Path(module_file).parent
    shipped = sorted(p.name for p in (ROOT / "lexicons").iterdir() if p.is_file())
    assert shipped and sorted(p.name for p in (package / "lexicons").iterdir() if p.is_file()) == shipped


def test_installed_framing_scores_the_seeds_from_another_directory(installed, tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    proc = subprocess.run([str(installed / "framing"), "score", *map(str, seeds), "--format", "jsonl"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr
    objs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in objs] == [p.stem for p in seeds]
    for o, path in zip(objs, seeds):
        text = path.read_text(encoding="utf-8")
        assert o["n_words"] > 100 and o["outlet"]
        for s in o["spans"]:
            assert text[s["start"]:s["end"]] == s["text"]
    # the shipped lexicons were found: the seeds carry lexicon-based evidence
    assert sum(len(o["spans"]) for o in objs) > 0
    assert "lexicon" not in proc.stderr.lower()


def test_installed_framing_reads_stdin_and_reports_binary(installed, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    proc = subprocess.run([str(installed / "framing"), "score", "-", str(bad), "--format", "jsonl"],
                          input="Le ministre aurait menti, selon la presse.", cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [f"framing: error: {bad}: binary file, not text (no document read)"]
    (obj,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert obj["id"] == "stdin" and obj["n_words"] == 7
