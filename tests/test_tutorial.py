"""docs/tutorial.md: every command a teacher is told to type runs and produces what the text says."""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "tutorial.md"
FRAMING = Path(sys.executable).with_name("framing")


def tutorial_commands() -> list[str]:
    """The lines of the tutorial's bash blocks, except the install step."""
    blocks = re.findall(r"```bash\n(.*?)```", TUTORIAL.read_text(encoding="utf-8"), re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    return [line for line in lines if "pip install" not in line]


def test_the_tutorial_shows_each_step():
    commands = tutorial_commands()
    assert [c.split()[1] for c in commands if c.startswith("framing ")] == [
        "score", "show", "show", "compare", "evaluate"]


@pytest.mark.slow
@pytest.mark.skipif(not FRAMING.exists(), reason="the framing command is not installed beside this Python")
def test_every_tutorial_command_runs(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    outputs = {}
    for command in tutorial_commands():
        for part in command.split("&&"):
            argv = shlex.split(part)
            if argv[0] == "framing":
                argv[0] = str(FRAMING)
            proc = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=600)
            assert proc.returncode == 0, f"{part}: {proc.stderr}"
            outputs[part.strip()] = proc.stdout
    assert (tmp_path / "lesson.html").stat().st_size > 10_000
    assert (tmp_path / "pair.html").stat().st_size > 10_000
    assert (tmp_path / "class-report" / "report.html").is_file()
    scored = outputs["framing score seeds/001_f69122c24c78aea5.txt"]
    assert "/1000" in scored
    table = outputs["framing evaluate --gold my-gold/ --errors 10"]
    assert re.search(r"^QUOTE\s+2\s+2\s+2\s", table, re.M)
