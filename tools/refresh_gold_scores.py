#!/usr/bin/env python3
"""Measure the detectors on every gold set and record the scores in ``framing/data/gold_scores.json``.

The comparative report never runs the evaluator: it shows the numbers this
script recorded in the package, so a report is the same from any working
directory and on a machine without the gold. Run it after changing a detector,
and after adding a blind set to :data:`BLIND_SETS`::

    python tools/refresh_gold_scores.py ../shared        # rewrite the file
    python tools/refresh_gold_scores.py ../shared --check  # exit 1 if the file is stale

The file holds two sections:

* ``in_sample``: the five seed articles of ``../shared/gold``. The rules were
  written with them in view, so these scores are optimistic;
* ``out_of_sample``: the blind sets of ``tests/fixtures/oos_gold`` (stand-off
  spans joined back to the shared corpus texts by that folder's ``build.py``),
  one entry per set (name, date, articles, gold spans, P/R/F1 per unit,
  attribute accuracy, how blind it still is) and ``pooled``, the sets that are
  still blind scored together, which the report uses to call a measure fragile.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OOS = ROOT / "tests" / "fixtures" / "oos_gold"
TARGET = ROOT / "framing" / "data" / "gold_scores.json"

#: The blind sets, oldest first. ``corpus``: folder of ../shared holding the texts;
#: ``subset``: the folder of tests/fixtures/oos_gold (None: the first set);
#: ``blind``: False once the set's errors guided rule changes (its current scores are
#: then development scores); ``first_run``: F1 per label at the set's one blind run,
#: as recorded in the README when it was measured (code of that day, not re-measurable).
BLIND_SETS: tuple[dict[str, Any], ...] = (
    {"id": "blind-1", "corpus": "corpus/texts", "subset": None, "annotated": "2026-11-22",
     "name": {"fr": "1er ensemble aveugle : 14 dépêches (AFP, Euronews, Franceinfo, L'Opinion, i24NEWS, Le Figaro)",
              "en": "1st blind set: 14 wire articles (AFP, Euronews, Franceinfo, L'Opinion, i24NEWS, Le Figaro)"},
     "blind": False,
     "first_run": {"ATTR": 0.791, "QUOTE": 0.912, "IQUOTE": 0.593, "HEDGE": 0.818, "LOADED": 0.554, "BOOST": 0.25}},
    {"id": "blind-2", "corpus": "corpus/texts", "subset": "second", "annotated": "2026-11-22",
     "name": {"fr": "2e ensemble aveugle : 3 articles (Le Monde, Libération, AFP)",
              "en": "2nd blind set: 3 articles (Le Monde, Libération, AFP)"},
     "blind": True, "first_run": None},
    {"id": "blind-3", "corpus": "corpus/html", "subset": "third", "annotated": "2026-11-22",
     "name": {"fr": "3e ensemble aveugle : 4 pages web françaises (opinion, satire, campus, sciences)",
              "en": "3rd blind set: 4 French web pages (opinion, satire, campus, science)"},
     "blind": False,
     "first_run": {"ATTR": 0.528, "QUOTE": 0.857, "IQUOTE": 0.455, "HEDGE": 0.780, "LOADED": 0.360, "BOOST": 0.667}},
    {"id": "blind-4-dev", "corpus": "corpus-b", "subset": "fourth/dev", "annotated": "2026-12-07",
     "name": {"fr": "4e ensemble aveugle, moitié développement : 19 articles de 8 médias (politique, société, monde, people)",
              "en": "4th blind set, development half: 19 articles of 8 outlets (politics, society, world, celebrity)"},
     "blind": False,
     "first_run": {"ATTR": 0.733, "QUOTE": 0.916, "IQUOTE": 0.615, "HEDGE": 0.771, "LOADED": 0.382, "BOOST": 0.333}},
    {"id": "blind-4-test", "corpus": "corpus-b", "subset": "fourth/test", "annotated": "2026-12-07",
     "name": {"fr": "4e ensemble aveugle, moitié test : 17 articles de 8 médias, mesurés une fois",
              "en": "4th blind set, test half: 17 articles of 8 outlets, measured once"},
     "blind": False,
     "first_run": {"ATTR": 0.69, "QUOTE": 0.91, "IQUOTE": 0.62, "LOADED": 0.57}},
    {"id": "blind-5-dev", "corpus": "corpus-b", "subset": "fifth/dev", "annotated": "2026-12-07",
     "name": {"fr": "5e ensemble aveugle, moitié développement : 19 articles de 8 médias",
              "en": "5th blind set, development half: 19 articles of 8 outlets"},
     "blind": False,
     "first_run": {"ATTR": 0.776, "QUOTE": 0.967, "IQUOTE": 0.795, "HEDGE": 0.93, "LOADED": 0.646}},
    {"id": "blind-5-test", "corpus": "corpus-b", "subset": "sixth/test", "annotated": "2026-12-07",
     "name": {"fr": "5e ensemble aveugle, moitié test : 18 articles de 8 médias, mesurés une fois",
              "en": "5th blind set, test half: 18 articles of 8 outlets, measured once"},
     "blind": False,
     "first_run": {"ATTR": 0.796, "QUOTE": 0.948, "IQUOTE": 0.696, "HEDGE": 0.75, "LOADED": 0.50}},
    {"id": "blind-7-dev", "corpus": "corpus-b", "subset": "seventh/dev", "annotated": "2026-12-07",
     "name": {"fr": "7e ensemble aveugle, moitié développement : 12 articles de 8 médias",
              "en": "7th blind set, development half: 12 articles of 8 outlets"},
     "blind": False,
     "first_run": {"ATTR": 0.844, "QUOTE": 0.987, "IQUOTE": 0.850, "HEDGE": 0.938, "LOADED": 0.571}},
    {"id": "blind-7-test", "corpus": "corpus-b", "subset": "seventh/test", "annotated": "2026-12-07",
     "name": {"fr": "7e ensemble aveugle, moitié test : 11 articles de 8 médias, mesurés une fois",
              "en": "7th blind set, test half: 11 articles of 8 outlets, measured once"},
     "blind": False,
     "first_run": {"ATTR": 0.849, "QUOTE": 0.979, "IQUOTE": 0.645, "HEDGE": 0.918, "LOADED": 0.25}},
    {"id": "blind-8-dev", "corpus": "corpus-b", "subset": "eighth/dev", "annotated": "2026-12-07",
     "name": {"fr": "8e ensemble aveugle, moitié développement : 13 articles de 8 médias",
              "en": "8th blind set, development half: 13 articles of 8 outlets"},
     "blind": False,
     "first_run": {"ATTR": 0.762, "QUOTE": 0.986, "IQUOTE": 0.792, "HEDGE": 0.941, "LOADED": 0.457, "BOOST": 0.40}},
    {"id": "blind-8-test", "corpus": "corpus-b", "subset": "eighth/test", "annotated": "2026-12-07",
     "name": {"fr": "8e ensemble aveugle, moitié test : 11 articles de 7 médias, mesurés une fois",
              "en": "8th blind set, test half: 11 articles of 7 outlets, measured once"},
     "blind": False,
     "first_run": {"ATTR": 0.737, "QUOTE": 0.873, "IQUOTE": 0.667, "HEDGE": 0.759, "LOADED": 0.50, "BOOST": 0.50}},
    {"id": "blind-9-dev", "corpus": "corpus-b", "subset": "ninth/dev", "annotated": "2026-12-07",
     "name": {"fr": "9e ensemble aveugle, moitié développement : 11 articles de 7 médias",
              "en": "9th blind set, development half: 11 articles of 7 outlets"},
     "blind": False,
     "first_run": {"ATTR": 0.877, "QUOTE": 0.949, "IQUOTE": 0.840, "HEDGE": 0.893, "LOADED": 0.643}},
    {"id": "blind-9-test", "corpus": "corpus-b", "subset": "ninth/test", "annotated": "2026-12-07",
     "name": {"fr": "9e ensemble aveugle, moitié test : 11 articles de 7 médias, mesurés une fois",
              "en": "9th blind set, test half: 11 articles of 7 outlets, measured once"},
     "blind": False,
     "first_run": {"ATTR": 0.842, "QUOTE": 0.932, "IQUOTE": 0.870, "HEDGE": 0.871, "LOADED": 0.452, "BOOST": 0.571}},
    {"id": "blind-10-dev", "corpus": "corpus-b", "subset": "tenth/dev", "annotated": "2026-12-07",
     "name": {"fr": "10e ensemble aveugle, moitié développement : 15 articles de 6 médias",
              "en": "10th blind set, development half: 15 articles of 6 outlets"},
     "blind": False,
     "first_run": {"ATTR": 0.849, "QUOTE": 0.929, "IQUOTE": 0.655, "HEDGE": 0.812, "LOADED": 0.455, "BOOST": 1.0}},
    {"id": "blind-10-test", "corpus": "corpus-b", "subset": "tenth/test", "annotated": "2026-12-07",
     "name": {"fr": "10e ensemble aveugle, moitié test : 15 articles de 7 médias, mesurés une fois",
              "en": "10th blind set, test half: 15 articles of 7 outlets, measured once"},
     "blind": False,
     "first_run": {"ATTR": 0.895, "QUOTE": 0.940, "IQUOTE": 0.731, "HEDGE": 0.912, "LOADED": 0.35, "BOOST": 0.0}},
    {"id": "blind-11-dev", "corpus": "corpus-b", "subset": "eleventh/dev", "annotated": "2026-12-08",
     "name": {"fr": "11e ensemble aveugle, moitié développement : 15 articles de 6 médias",
              "en": "11th blind set, development half: 15 articles of 6 outlets"},
     "blind": False,
     "first_run": {"ATTR": 0.825, "QUOTE": 0.969, "IQUOTE": 0.750, "HEDGE": 0.863, "LOADED": 0.506, "BOOST": 0.545}},
    {"id": "blind-11-test", "corpus": "corpus-b", "subset": "eleventh/test", "annotated": "2026-12-08",
     "name": {"fr": "11e ensemble aveugle, moitié test : 15 articles de 7 médias, mesurés une fois",
              "en": "11th blind set, test half: 15 articles of 7 outlets, measured once"},
     "blind": True, "first_run": None},
)

#: what the report calls the out-of-sample score of a measure: the sets still blind,
#: scored together (development sets' current scores are in-sample for today's rules)
POOLED_NAME = {"fr": "ensembles encore aveugles (2e ; 11e, moitié test) ensemble : scores servant à dire une mesure fragile",
               "en": "sets still blind (2nd; 11th, test half) pooled: the scores that call a measure fragile"}


def _build_function():
    spec = importlib.util.spec_from_file_location("oos_build", OOS / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.build


def _scores(docs, backend: str) -> dict[str, Any]:
    from framing.evaluate import evaluate

    d = evaluate(docs, backend=backend).to_dict()
    d["n_spans"] = sum(len(g.spans) for g in docs)
    return d


def measure(shared: str | Path, backend: str = "builtin", today: str | None = None) -> dict[str, Any]:
    """Every section of ``gold_scores.json``, measured now on ``shared`` (the ../shared folder)."""
    from framing import __version__
    from framing.evaluate import load_gold

    shared = Path(shared)
    today = today or dt.date.today().isoformat()
    seed = load_gold([shared / "gold"])
    in_sample = _scores(seed, backend)
    in_sample.update({"name": {"fr": "ensemble de développement : les 5 articles d'exemple",
                               "en": "development set: the 5 seed articles"}})
    build = _build_function()
    sets, pooled_docs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for spec in BLIND_SETS:
            out = Path(tmp) / spec["id"]
            build(shared / spec["corpus"], out, spec["subset"])
            docs = load_gold([out])
            if spec["blind"]:
                pooled_docs.extend(docs)
            entry = {k: v for k, v in spec.items() if k not in ("corpus", "subset")}
            entry["date"] = today
            entry.update(_scores(docs, backend))
            sets.append(entry)
    pooled = _scores(pooled_docs, backend)
    pooled["sets"] = [s["id"] for s in sets if s["blind"]]
    pooled["name"] = POOLED_NAME
    return {"version": __version__, "backend": backend, "date": today, "in_sample": in_sample,
            "out_of_sample": {"sets": sets, "pooled": pooled}}


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    """The scores only (no date or version), to compare a recording with a measurement."""
    def strip(d):
        return {k: d[k] for k in ("n_documents", "n_spans", "labels", "units", "attributes")}
    return {"in_sample": strip(data["in_sample"]),
            "out_of_sample": [strip(s) for s in data["out_of_sample"]["sets"]],
            "pooled": strip(data["out_of_sample"]["pooled"])}


def recorded() -> dict[str, Any]:
    return json.loads(TARGET.read_text(encoding="utf-8"))


def same_scores(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _comparable(a) == _comparable(b)


def write(data: dict[str, Any], path: Path = TARGET) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("shared", nargs="?", default=str(ROOT.parent / "shared"), help="the ../shared folder")
    ap.add_argument("--backend", default="builtin")
    ap.add_argument("--check", action="store_true", help="only compare with the recorded file")
    args = ap.parse_args(argv)
    data = measure(args.shared, args.backend)
    if args.check:
        ok = same_scores(data, recorded())
        print("recorded scores are current" if ok else f"{TARGET} is stale: run {Path(__file__).name}")
        return 0 if ok else 1
    print(write(data))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
