"""The stance classifier: features, training data, document-grouped evaluation, model card.

The rules of :mod:`framing.extract.stance` sum evaluative cues. This module
turns the same evidence, plus what surrounds a quote, into a feature vector
for a multinomial logistic regression (scikit-learn at training time; the
shipped model is plain JSON coefficients, no pickle):

=====================  ============================================================
feature                what it says
=====================  ============================================================
cue_pos / cue_neg      stance_cues.tsv words in the quote (after negation)
loaded_pos/loaded_neg  LOADED spans in the quote by polarity
broad_pos / broad_neg  strong polarity.tsv entries in the quote
negated                cues under a negation
verb_pos / verb_neg    the reporting verb's stance class (stance_cues ``cat=verb``:
                       dénoncer, fustiger / saluer, se féliciter)
rule_score             the rules' signed score (clipped to ±3)
rel_*                  speaker–target relation: same, ally, opponent, none
log_words              log(1 + words in the quote)
target_mentioned       the target is a side named in the quote (``target_method=mention``)
target_self            the target is the speaker's own camp
speaker_known          the speaker's camp is known
speaker_political      the speaker's camp is a side (not expert, media, other, unknown)
is_iquote / is_mixed   indirect speech; a partial quote inside reported speech
attr_<verb_stance>     the reporting cue's class of the codebook ATTR (neutral,
                       distancing, conceding, asserting, disputing)
role_<class>           the speaker's role class (roles.py)
n_negators             negation words in the quote
question / exclaim     "?" / "!" in the quote
first_person           je, nous, notre… in the quote
=====================  ============================================================

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

import json
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

from ..spans import Span
from .roles import ROLE_CLASSES
from .stance import FEATURE_NAMES as EVIDENCE_FEATURES
from .stance import NEGATORS, NON_POLITICAL, STANCES, StanceEvidence, evidence_features

VERB_STANCES = ("neutral", "distancing", "conceding", "asserting", "disputing")
_FIRST_PERSON = frozenset("je j' me m' moi nous notre nos".split())
CONTEXT_FEATURES = ("target_mentioned", "target_self", "speaker_known", "speaker_political", "is_iquote",
                    "is_mixed", *(f"attr_{v}" for v in VERB_STANCES), *(f"role_{r}" for r in ROLE_CLASSES),
                    "n_negators", "question", "exclaim", "first_person")
FEATURES = (*EVIDENCE_FEATURES, *CONTEXT_FEATURES)
MODEL_FORMAT = "framing-stance-logreg/2"


def context_features(doc, group: Sequence[Span], spans: Sequence[Span], attrs_near) -> dict[str, float]:
    """What surrounds a quote (``group``: a quote and its split parts): see the module table."""
    head = group[0]
    f: dict[str, float] = {"is_iquote": float(head.label == "IQUOTE"),
                           "is_mixed": float(str(head.attrs.get("mixed", "")) == "yes")}
    role = str(head.attrs.get("role", ""))
    if role in ROLE_CLASSES:
        f[f"role_{role}"] = 1.0
    speaker = str(head.attrs.get("speaker", ""))
    for a in attrs_near:
        if a.attrs.get("source") == speaker or speaker in ("", "anonymous", "unknown"):
            vs = str(a.attrs.get("verb_stance", ""))
            if vs in VERB_STANCES:
                f[f"attr_{vs}"] = 1.0
                break
    words = [t.text.lower() for s in group for t in doc.tokens_between(s.start, s.end)]
    f["n_negators"] = float(sum(w in NEGATORS for w in words))
    f["first_person"] = float(any(w in _FIRST_PERSON for w in words))
    body = " ".join(doc.text[s.start:s.end] for s in group)
    f["question"] = float("?" in body)
    f["exclaim"] = float("!" in body)
    return f


def feature_vector(ev: StanceEvidence, names: Sequence[str] = FEATURES) -> list[float]:
    """The model input for one quote, in the order of ``names``."""
    f = dict(zip(EVIDENCE_FEATURES, evidence_features(ev)))
    f.update(ev.extras or {})
    f["target_mentioned"] = float(ev.target_method == "mention")
    f["target_self"] = float(ev.target == ev.speaker_camp and ev.target != "unknown")
    f["speaker_known"] = float(ev.speaker_camp != "unknown")
    f["speaker_political"] = float(ev.speaker_camp not in NON_POLITICAL and ev.speaker_camp != "other")
    return [float(f.get(k, 0.0)) for k in names]


class LinearStanceModel:
    """A trained multinomial logistic regression over :data:`FEATURES` (JSON, no pickle)."""

    def __init__(self, classes: Sequence[str], coef, intercept, features: Sequence[str] = FEATURES,
                 mean: Sequence[float] = (), scale: Sequence[float] = (), provenance: dict | None = None):
        unknown = [f for f in features if f not in FEATURES]
        if unknown:
            raise ValueError(f"stance model uses unknown features {unknown}; retrain it with `framing train-stance`")
        self.classes, self.features = list(classes), list(features)
        self.coef, self.intercept = [list(r) for r in coef], list(intercept)
        self.mean = list(mean) or [0.0] * len(self.features)
        self.scale = list(scale) or [1.0] * len(self.features)
        self.provenance = dict(provenance or {})

    def predict(self, ev: StanceEvidence) -> str:
        x = [(v - m) / s for v, m, s in zip(feature_vector(ev, self.features), self.mean, self.scale)]
        scores = [sum(w * v for w, v in zip(row, x)) + b for row, b in zip(self.coef, self.intercept)]
        if len(self.classes) == 2:  # binary sklearn models keep one row
            return self.classes[1] if scores[0] > 0 else self.classes[0]
        return self.classes[max(range(len(scores)), key=scores.__getitem__)]

    def to_dict(self) -> dict[str, Any]:
        return {"format": MODEL_FORMAT, "features": self.features, "classes": self.classes,
                "coef": self.coef, "intercept": self.intercept, "mean": self.mean, "scale": self.scale,
                "provenance": self.provenance}

    def save(self, path) -> None:
        from ..output import atomic_write

        with atomic_write(path) as f:
            f.write(json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n")

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "LinearStanceModel":
        return cls(d["classes"], d["coef"], d["intercept"], d.get("features", FEATURES), d.get("mean", ()),
                   d.get("scale", ()), d.get("provenance"))


# --- training data ---------------------------------------------------------------

def pipeline_examples(paths: Sequence[str], res=None) -> list[tuple[StanceEvidence, str, str, str]]:
    """``(evidence, gold stance, document id, label)`` for each predicted QUOTE/IQUOTE matching a gold one.

    The toolkit runs on each gold text as it would on any text; a predicted
    span is paired with the gold span of the same label it overlaps most
    (:func:`framing.evaluate.match_spans`), and its evidence is the one the
    stance stage recorded.
    """
    from ..analysis import run_extractors
    from ..backends import get_backend
    from ..evaluate import load_gold, match_spans
    from ..resources import default_config, get_resources

    res = res or get_resources(default_config())
    out = []
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
                    out.append((ev, str(gs.attrs["stance"]), g.id, label))
    return out


def examples(paths: Sequence[str], speakers: str = "pipeline", res=None):
    """Training examples from gold files: ``speakers`` = ``pipeline`` or ``gold`` (see the module docstring)."""
    if speakers == "gold":
        from .stance import gold_examples

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
                   n_splits: int = 10) -> dict[str, Any]:
    """Document-grouped cross-validation of the classifier, beside the rules and the majority class.

    Folds are :class:`sklearn.model_selection.GroupKFold` over documents (all
    quotes of a document in the same fold); the majority class is taken from
    each training fold, as a classifier would.
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
    return {"n_quotes": len(exs), "n_documents": len(set(docs)), "folds": k, "C": C,
            "classifier": scores(gold, list(pred)), "rules": scores(gold, rules),
            "majority": scores(gold, list(majority)), "by_label": by_label,
            "gold_distribution": dict(Counter(gold))}


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
    used = cv["classifier"]["accuracy"] > cv["rules"]["accuracy"]
    lines += ["", "## Use", "",
              ("The classifier beats the rules on held-out documents: it is shipped "
               "(`lexicons/stance_model.json`) and decides stance by default (`stance_method=classifier`)."
               if used else "The classifier does not beat the rules on held-out documents: it is not used."),
              "The rules still compute the evidence and the target; `--lexicon-dir` with another "
              "`stance_model.json` replaces the model.", ""]
    return "\n".join(lines)


def load(path) -> LinearStanceModel:
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    if d.get("format") != MODEL_FORMAT:
        raise ValueError(f"{path}: not a {MODEL_FORMAT} stance model")
    return LinearStanceModel.from_dict(d)



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

    from .. import __version__

    exs = examples(paths, speakers, res)
    if len({e[2] for e in exs}) < 2:
        raise ValueError("need annotated quotes from at least two documents (cross-validation is by document)")
    cv = cross_validate(exs, C, folds)
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
    from .camps import actor_index
    from .stance import stance_scorer
    from ..resources import default_config, get_resources

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
