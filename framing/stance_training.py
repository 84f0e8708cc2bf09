"""Training and evaluating the stance classifier (``framing train-stance``).

Training reads gold annotations (:mod:`framing.evaluate`) and runs the whole
toolkit on them, so it sits above the extractors: :mod:`framing.extract.stance`
and :mod:`framing.extract.stance_model` only *apply* a trained model.

Training examples come from gold files in one of two ways: ``pipeline`` (the
default) runs the whole toolkit on the gold text and pairs each predicted
QUOTE/IQUOTE with the gold span it overlaps, so the features are those the
model will see at run time (predicted speakers and camps); ``gold`` uses the
gold spans and speakers. Evaluation is cross-validation grouped by document
(no document in both the training and the test fold), reported beside the
rules on the same quotes and beside the majority class, with per-class
precision and recall.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Sequence

from .actors import UNKNOWN
from .analysis import run_extractors
from .backends import get_backend
from .evaluate import load_gold, match_spans
from .extract.camps import actor_index
from .extract.stance import (STANCES, StanceScorer, cue_matcher, opinion_lemmas, self_describing_verbs,
                             stance_scorer)
from .extract.stance_evidence import StanceEvidence
from .extract.stance_model import FEATURES, LinearStanceModel, feature_vector
from .resources import Resources, default_config, get_resources
from .spans import Span


def gold_examples(paths: Sequence[str], res: Resources | None = None) -> list[tuple[StanceEvidence, str, str]]:
    """``(evidence, gold stance, document id)`` for every QUOTE/IQUOTE of codebook gold files.

    Speakers and their camps are the gold ones (the stance decision is measured
    on its own); targets come from the rules, as at analysis time.
    """
    res = res or get_resources(default_config())
    idx = actor_index(res)
    scorer = StanceScorer(idx, cue_matcher(res), opinion=opinion_lemmas(res), describes_self=self_describing_verbs(res))
    out = []
    for g in load_gold(paths):
        if g.units is not None:
            continue
        doc = get_backend("builtin").parse(g.text)
        spans = [Span(s.label, s.start, s.end, s.text,
                      {k: v for k, v in s.attrs.items() if k not in ("stance", "target")}) for s in g.spans]
        ix = scorer.index(doc, spans)
        for s in spans:
            gold = next(x for x in g.spans if x.start == s.start and x.end == s.end and x.label == s.label)
            if s.label in ("QUOTE", "IQUOTE") and gold.attrs.get("stance") in STANCES:
                ev = scorer.evidence(doc, [s], str(s.attrs.get("camp") or UNKNOWN), ix)
                out.append((ev, str(gold.attrs["stance"]), g.id))
    return out


# --- training data ---------------------------------------------------------------

def matched_quotes(paths: Sequence[str], res=None):
    """``(gold document, parsed document, gold span, predicted span, evidence, label)`` for each
    predicted QUOTE/IQUOTE matching a gold one with a stance.

    The toolkit runs on each gold text as it would on any text; a predicted
    span is paired with the gold span of the same label it overlaps most
    (:func:`framing.evaluate.match_spans`), and its evidence is the one the
    stance stage recorded.
    """
    res = res or get_resources(default_config())
    for g in load_gold(paths):
        if g.units is not None:
            continue
        doc = get_backend("builtin").parse(g.text)
        pred = run_extractors(doc, res)
        recorded = doc.cache.get("stance.evidence", {})
        for label in ("QUOTE", "IQUOTE"):
            gold = [s for s in g.spans if s.label == label and s.attrs.get("stance") in STANCES]
            mine = [s for s in pred if s.label == label]
            for gs, ps in match_spans(gold, mine):
                ev = recorded.get((ps.start, ps.end, ps.label))
                if ev is not None:
                    yield g, doc, gs, ps, ev, label


def pipeline_examples(paths: Sequence[str], res=None) -> list[tuple[StanceEvidence, str, str, str]]:
    """``(evidence, gold stance, document id, label)`` for each predicted QUOTE/IQUOTE matching a gold one
    (:func:`matched_quotes`)."""
    return [(ev, str(gs.attrs["stance"]), g.id, label) for g, _, gs, _, ev, label in matched_quotes(paths, res)]


def examples(paths: Sequence[str], speakers: str = "pipeline", res=None):
    """Training examples from gold files: ``speakers`` = ``pipeline`` or ``gold`` (see the module docstring)."""
    if speakers == "gold":
        return gold_examples(paths, res)
    return pipeline_examples(paths, res)


# --- evaluation --------------------------------------------------------------------

def rule_label(ev: StanceEvidence) -> str:
    score, _ = ev.score()
    return "supportive" if score > 0 else "critical" if score < 0 else "neutral"


def scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Accuracy and per-class precision/recall/support."""
    n = len(gold)
    out: dict[str, Any] = {"n": n, "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / n, 4) if n else 0.0,
                           "per_class": {}}
    for c in STANCES:
        tp = sum(g == p == c for g, p in zip(gold, pred))
        npred = sum(p == c for p in pred)
        ngold = sum(g == c for g in gold)
        out["per_class"][c] = {"precision": round(tp / npred, 4) if npred else 0.0,
                               "recall": round(tp / ngold, 4) if ngold else 0.0, "support": ngold}
    return out


def _fit(X, y, C: float):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit((X - mean) / scale, y)
    return clf, mean, scale, np


def cross_validate(exs: Sequence[tuple[StanceEvidence, str, str]], C: float = 0.1,
                   n_splits: int = 10, sets: Sequence[str] | None = None) -> dict[str, Any]:
    """Document-grouped cross-validation of the classifier, beside the rules and the majority class.

    Folds are :class:`sklearn.model_selection.GroupKFold` over documents (all
    quotes of a document in the same fold); the majority class is taken from
    each training fold, as a classifier would. ``sets`` (one name per example,
    the gold set it comes from) adds the same three scores set by set (``by_set``).
    """
    import numpy as np
    from sklearn.model_selection import GroupKFold

    X = np.array([feature_vector(e[0]) for e in exs])
    y = np.array([e[1] for e in exs])
    docs = np.array([e[2] for e in exs])
    k = min(n_splits, len(set(docs)))
    pred = np.empty(len(y), dtype=object)
    majority = np.empty(len(y), dtype=object)
    for train, test in GroupKFold(n_splits=k).split(X, y, docs):
        maj = Counter(y[train]).most_common(1)[0][0]
        majority[test] = maj
        if len(set(y[train])) < 2:
            pred[test] = maj
            continue
        clf, mean, scale, _ = _fit(X[train], y[train], C)
        pred[test] = clf.predict((X[test] - mean) / scale)
    rules = [rule_label(e[0]) for e in exs]
    gold = list(y)
    by_label = {}
    for label in ("QUOTE", "IQUOTE"):
        idx = [i for i, e in enumerate(exs) if _label_of(e) == label]
        if idx:
            by_label[label] = {name: scores([gold[i] for i in idx], [p[i] for i in idx])
                               for name, p in (("classifier", list(pred)), ("rules", rules),
                                               ("majority", list(majority)))}
    out = {"n_quotes": len(exs), "n_documents": len(set(docs)), "folds": k, "C": C,
           "classifier": scores(gold, list(pred)), "rules": scores(gold, rules),
           "majority": scores(gold, list(majority)), "by_label": by_label,
           "gold_distribution": dict(Counter(gold))}
    if sets is not None:
        out["by_set"] = _by_set(sets, gold, {"classifier": list(pred), "rules": rules, "majority": list(majority)})
    return out


def _by_set(sets: Sequence[str], gold: Sequence[str], preds: dict[str, list[str]]) -> dict[str, Any]:
    """The scores of each prediction, gold set by gold set (same folds: held-out documents only)."""
    out = {}
    for name in dict.fromkeys(sets):
        idx = [i for i, s in enumerate(sets) if s == name]
        out[name] = {k: scores([gold[i] for i in idx], [p[i] for i in idx]) for k, p in preds.items()}
    return out


def _label_of(example) -> str:
    if len(example) > 3:
        return example[3]
    return "IQUOTE" if (example[0].extras or {}).get("is_iquote") else "QUOTE"


def train(exs: Sequence[tuple[StanceEvidence, str, str]], C: float = 0.1,
          provenance: dict | None = None) -> LinearStanceModel:
    """Fit the classifier on all examples."""
    import numpy as np

    X = np.array([feature_vector(e[0]) for e in exs])
    y = np.array([e[1] for e in exs])
    clf, mean, scale, _ = _fit(X, y, C)
    return LinearStanceModel([str(c) for c in clf.classes_], clf.coef_.tolist(), clf.intercept_.tolist(),
                             FEATURES, mean.tolist(), scale.tolist(), provenance)


def model_card(cv: dict[str, Any], provenance: dict[str, Any]) -> str:
    """A short Markdown model card: data, features, document-grouped scores beside rules and majority."""
    def row(name: str, s: dict[str, Any]) -> str:
        pc = s["per_class"]
        cells = " | ".join(f"{pc[c]['precision']:.2f} / {pc[c]['recall']:.2f}" for c in STANCES)
        return f"| {name} | {s['accuracy']:.3f} | {cells} |"

    head = ("| | accuracy | " + " | ".join(f"{c} P / R" for c in STANCES) + " |\n"
            "|---|---:|" + "---:|" * len(STANCES))
    lines = ["# Stance classifier: model card", "",
             f"Multinomial logistic regression (scikit-learn {provenance.get('sklearn', '?')}, balanced "
             f"class weights, C={cv['C']}, standardised features), stored as JSON coefficients.", "",
             "## Data", "",
             f"{cv['n_quotes']} QUOTE/IQUOTE spans of {cv['n_documents']} annotated documents "
             f"(speakers: {provenance.get('speakers', 'pipeline')}); gold stance distribution: "
             + ", ".join(f"{k} {v}" for k, v in sorted(cv["gold_distribution"].items())) + ".", ""]
    for f in provenance.get("training_sets", []):
        lines.append(f"- `{f['path']}`: {f['documents']} documents, SHA-256 of the file list {f['sha256']}")
    lines += ["", "## Features", "", ", ".join(f"`{f}`" for f in FEATURES) + " (see "
              "`framing/extract/stance_model.py`).", "",
              f"## Scores ({cv['folds']}-fold cross-validation grouped by document)", "", head,
              row("classifier", cv["classifier"]), row("rules", cv["rules"]),
              row("majority class", cv["majority"])]
    for label, s in cv.get("by_label", {}).items():
        lines += ["", f"{label} only (n={s['classifier']['n']}):", "", head, row("classifier", s["classifier"]),
                  row("rules", s["rules"]), row("majority class", s["majority"])]
    if cv.get("by_set"):
        lines += ["", "By gold set (accuracy on its held-out documents; per-class P / R of the rules):", "",
                  "| set | n | classifier | rules | majority | rules: " + " | ".join(f"{c} P / R" for c in STANCES)
                  + " |", "|---|---:|---:|---:|---:|" + "---:|" * len(STANCES)]
        for name, s in cv["by_set"].items():
            pc = s["rules"]["per_class"]
            lines.append(f"| {name} | {s['rules']['n']} | {s['classifier']['accuracy']:.3f} | "
                         f"{s['rules']['accuracy']:.3f} | {s['majority']['accuracy']:.3f} | "
                         + " | ".join(f"{pc[c]['precision']:.2f} / {pc[c]['recall']:.2f}" for c in STANCES) + " |")
    used = cv["classifier"]["accuracy"] > cv["rules"]["accuracy"]
    lines += ["", "## Use", "",
              ("The classifier beats the rules on held-out documents: it is shipped "
               "(`lexicons/stance_model.json`) and decides stance by default (`stance_method=classifier`)."
               if used else "The classifier does not beat the rules on held-out documents: it is not used."),
              "The rules still compute the evidence and the target; `--lexicon-dir` with another "
              "`stance_model.json` replaces the model.", ""]
    return "\n".join(lines)


def training_sets(paths: Sequence[str]) -> list[dict[str, Any]]:
    """Provenance of the training files: per path, the number of gold documents and a SHA-256 of their bytes."""
    import hashlib

    out = []
    for p in paths:
        p = Path(p)
        files = sorted(p.glob("*.json")) if p.is_dir() else [p]
        h = hashlib.sha256()
        for f in files:
            h.update(f.name.encode())
            h.update(f.read_bytes())
        out.append({"path": p.name, "documents": len(files), "sha256": h.hexdigest()[:16]})
    return out


def train_and_evaluate(paths: Sequence[str], C: float = 0.1, speakers: str = "pipeline", folds: int = 10,
                       res=None) -> tuple[dict[str, Any], LinearStanceModel]:
    """Cross-validate (grouped by document) and fit the classifier on all quotes of the gold ``paths``.

    Returns the cross-validation report (:func:`cross_validate`) and the model
    fitted on every example, whose provenance records the data, versions and scores.
    """
    import datetime as _dt

    import sklearn

    from . import __version__

    exs, sets = [], []
    for p in paths:  # set by set, to report each one
        found = examples([p], speakers, res)
        exs += [(e[0], e[1], f"{Path(p).name}/{e[2]}", *e[3:]) for e in found]
        sets += [Path(p).name] * len(found)
    if len({e[2] for e in exs}) < 2:
        raise ValueError("need annotated quotes from at least two documents (cross-validation is by document)")
    cv = cross_validate(exs, C, folds, sets)
    prov = {"trained": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "framing": __version__, "sklearn": sklearn.__version__, "speakers": speakers,
            "training_sets": training_sets(paths), "n_documents": cv["n_documents"], "n_quotes": cv["n_quotes"],
            "cross_validation": {k: cv[k] for k in ("folds", "C", "classifier", "rules", "majority")}}
    return cv, train(exs, C, prov)


def stance_report(paths: Sequence[str], res=None) -> dict[str, dict[str, Any]]:
    """The shipped stance decision on the quotes of gold ``paths``, by label, beside the majority class.

    For each of QUOTE and IQUOTE: accuracy and per-class precision/recall of
    the stance the toolkit outputs (rules, or an installed model), and the
    accuracy of always answering the set's own most frequent gold stance.
    """
    res = res or get_resources(default_config())
    scorer = stance_scorer(res, actor_index(res))
    exs = pipeline_examples(paths, res)
    out = {}
    for label in ("QUOTE", "IQUOTE"):
        sub = [e for e in exs if e[3] == label]
        if not sub:
            continue
        gold = [e[1] for e in sub]
        maj, n_maj = Counter(gold).most_common(1)[0]
        out[label] = {**scores(gold, [scorer.decide_evidence(e[0]).stance for e in sub]),
                      "majority": maj, "majority_accuracy": round(n_maj / len(gold), 4)}
    return out
