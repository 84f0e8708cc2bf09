"""Training and cross-validating the optional stance classifier (``framing train-stance``).

Training reads gold annotations (:mod:`framing.evaluate`) and parses them with
a backend, so it sits above the extractors: :mod:`framing.extract.stance`
only *applies* a trained model (:class:`~framing.extract.stance.StanceModel`).
"""
from __future__ import annotations

from typing import Any, Sequence

from .actors import UNKNOWN
from .backends import get_backend
from .evaluate import load_gold
from .extract.camps import actor_index
from .extract.stance import STANCES, StanceEvidence, StanceModel, StanceScorer, cue_matcher, evidence_features
from .resources import Resources, default_config, get_resources
from .spans import Span


def gold_examples(paths: Sequence[str], res: Resources | None = None) -> list[tuple[StanceEvidence, str, str]]:
    """``(evidence, gold stance, document id)`` for every QUOTE/IQUOTE of codebook gold files.

    Speakers and their camps are the gold ones (the stance decision is measured
    on its own); targets come from the rules, as at analysis time.
    """
    res = res or get_resources(default_config())
    idx = actor_index(res)
    scorer = StanceScorer(idx, cue_matcher(res))
    out = []
    for g in load_gold(paths):
        if g.units is not None:
            continue
        doc = get_backend("builtin").parse(g.text)
        spans = [Span(s.label, s.start, s.end, s.text,
                      {k: v for k, v in s.attrs.items() if k not in ("stance", "target")}) for s in g.spans]
        for s in spans:
            gold = next(x for x in g.spans if x.start == s.start and x.end == s.end and x.label == s.label)
            if s.label in ("QUOTE", "IQUOTE") and gold.attrs.get("stance") in STANCES:
                ev = scorer.evidence(doc, [s], str(s.attrs.get("camp") or UNKNOWN), spans)
                out.append((ev, str(gold.attrs["stance"]), g.id))
    return out


def _rules(ev: StanceEvidence) -> str:
    score, _ = ev.score()
    return "supportive" if score > 0 else "critical" if score < 0 else "neutral"


def cross_validate(examples: Sequence[tuple[StanceEvidence, str, str]], C: float = 1.0) -> dict[str, Any]:
    """Leave-one-document-out accuracy of the classifier and of the rules on the same quotes."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    X = np.array([evidence_features(ev) for ev, _, _ in examples])
    y = np.array([lab for _, lab, _ in examples])
    groups = sorted({d for _, _, d in examples})
    clf_ok = rule_ok = 0
    folds = []
    for held in groups:
        test = np.array([d == held for _, _, d in examples])
        if len(set(y[~test])) < 2:
            continue
        clf = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(X[~test], y[~test])
        pred = clf.predict(X[test])
        rules = [_rules(ev) for (ev, _, d) in examples if d == held]
        c_ok = int((pred == y[test]).sum())
        r_ok = sum(int(r == t) for r, t in zip(rules, y[test]))
        clf_ok += c_ok
        rule_ok += r_ok
        folds.append({"document": held, "n": int(test.sum()), "classifier": c_ok, "rules": r_ok})
    n = sum(f["n"] for f in folds)
    return {"n": n, "folds": folds, "classifier_accuracy": clf_ok / n if n else 0.0,
            "rules_accuracy": rule_ok / n if n else 0.0, "C": C}


def train_model(examples: Sequence[tuple[StanceEvidence, str, str]], C: float = 1.0,
                provenance: dict[str, Any] | None = None) -> StanceModel:
    """Fit the classifier on all ``examples``."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    X = np.array([evidence_features(ev) for ev, _, _ in examples])
    y = np.array([lab for _, lab, _ in examples])
    clf = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(X, y)
    return StanceModel([str(c) for c in clf.classes_], clf.coef_.tolist(), clf.intercept_.tolist(), provenance)
