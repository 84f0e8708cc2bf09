"""Would a learned re-scorer beat the loaded-vocabulary rules? (issue 18, optional point 5)

Every LOADED span the rules produce on a set of gold documents is a
candidate; its label is whether it overlaps a gold LOADED span. Context
features (category, voice, lexicon, use, span length, repetitions in the
document, position, neighbouring words, reported speech; never the word
itself, so nothing is learnt about particular words of the gold articles) feed
a scikit-learn logistic regression that may drop candidates. Document-grouped
cross-validation (no document in both the training and the test fold) compares
the rules alone with the rules plus the re-scorer, pooling the folds' spans:

    .venv/bin/python tools/loaded_rescorer.py GOLD_DIR [GOLD_DIR ...] [--folds 5]

The re-scorer is shipped only if it beats the rules on held-out documents; the
figures and the decision are in docs/lexicons.md.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from framing import analyze  # noqa: E402
from framing.evaluate import match_spans  # noqa: E402
from framing.extract.loaded import CATEGORIES, LEXICONS, VOICES  # noqa: E402
from framing.lexicons import load_lexicon, normalise  # noqa: E402
from framing.spans import Span  # noqa: E402

SOURCES = (*LEXICONS, "pair", "comparison")
_DETERMINERS = frozenset("le la les l' un une des du de d' ce cet cette ces son sa ses leur leurs".split())


def _term_index() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for name in LEXICONS:
        for e in load_lexicon(name).entries:
            out.setdefault(normalise(e["term"]), (name, e.get("use") or "always"))
    return out


def candidates(gold_dirs: list[str]) -> list[dict]:
    """One row per predicted LOADED span: document, features, label."""
    index = _term_index()
    rows = []
    for d in gold_dirs:
        for path in sorted(Path(d).glob("*.json")):
            g = json.loads(path.read_text(encoding="utf-8"))
            text = g["text"]
            a = analyze(text, id=path.stem)
            gold = [Span.from_dict(s) for s in g["spans"] if s["label"] == "LOADED"]
            pred = [s for s in a.spans if s.label == "LOADED"]
            hits = {id(p) for _, p in match_spans(gold, pred)}
            iquotes = [(s.start, s.end) for s in a.spans if s.label == "IQUOTE"]
            terms = [s.attrs.get("term", "") for s in pred]
            n_words = max(1, a.to_dict()["n_words"])
            for s in pred:
                rows.append({"doc": f"{Path(d).name}/{path.stem}", "y": int(id(s) in hits),
                             "x": features(s, text, index, terms, iquotes, len(pred) * 1000 / n_words)})
    return rows


def features(s: Span, text: str, index, terms: list[str], iquotes, doc_rate: float) -> list[float]:
    term = s.attrs.get("term", "")
    source, use = index.get(term, ("pair" if "+" in term else "comparison", "always"))
    before = normalise(text[max(0, s.start - 12):s.start]).split()
    after = normalise(text[s.end:s.end + 6]).split()
    x = [float(s.attrs.get("cat") == c) for c in CATEGORIES]
    x += [float(s.attrs.get("voice") == v) for v in VOICES]
    x += [float(source == src) for src in SOURCES]
    x += [float(use == "some"), float(" " in s.text), math.log1p(terms.count(term)),
          float(s.start < text.find("\n") if "\n" in text else 0.0),
          float(bool(before) and before[-1] in _DETERMINERS),
          float(bool(after) and after[0] in ("de", "d'", "du", "des")),
          float(any(a <= s.start and s.end <= b for a, b in iquotes)),
          float(s.text[:1].isupper()), float(normalise(s.text).endswith("ment")), math.log1p(doc_rate)]
    return x


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cross_validate(rows: list[dict], n_gold: int, folds: int, threshold: float) -> dict:
    """Pooled held-out P/R/F1 of the rules and of rules + re-scorer (document-grouped folds)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    X = np.array([r["x"] for r in rows])
    y = np.array([r["y"] for r in rows])
    groups = np.array([r["doc"] for r in rows])
    keep = np.zeros(len(rows), dtype=bool)
    for train, test in GroupKFold(n_splits=folds).split(X, y, groups):
        model = LogisticRegression(C=1.0, max_iter=1000, class_weight="balanced").fit(X[train], y[train])
        keep[test] = model.predict_proba(X[test])[:, 1] >= threshold
    rules = prf(int(y.sum()), len(y), n_gold)
    rescored = prf(int(y[keep].sum()), int(keep.sum()), n_gold)
    return {"rules": rules, "rescored": rescored, "threshold": threshold}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    rows = candidates(args.gold)
    n_gold = sum(sum(s["label"] == "LOADED" for s in json.loads(p.read_text(encoding="utf-8"))["spans"])
                 for d in args.gold for p in Path(d).glob("*.json"))
    print(f"{len(rows)} candidates, {sum(r['y'] for r in rows)} true, {n_gold} gold spans, "
          f"{len({r['doc'] for r in rows})} documents")
    for t in (0.3, 0.4, 0.5, 0.6):
        res = cross_validate(rows, n_gold, args.folds, t)
        print("threshold %.1f  rules P %.3f R %.3f F1 %.3f  | rescored P %.3f R %.3f F1 %.3f"
              % (t, *res["rules"], *res["rescored"]))


if __name__ == "__main__":
    main()
