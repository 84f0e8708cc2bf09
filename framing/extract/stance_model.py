"""The stance classifier as applied: features and the linear model (training: :mod:`framing.stance_training`).

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

Training and its document-grouped evaluation live in :mod:`framing.stance_training`
(this module only applies a trained model).
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Sequence

from ..files import atomic_write
from ..spans import Span
from .positions import lower_forms_between
from .roles import ROLE_CLASSES
from .stance_evidence import NEGATORS, NON_POLITICAL, StanceEvidence

RELATIONS = ("same", "ally", "opponent", "none")
#: the evidence the rules read, as counts (the first model format used these alone)
EVIDENCE_FEATURES = ("cue_pos", "cue_neg", "loaded_pos", "loaded_neg", "broad_pos", "broad_neg", "negated",
                     "verb_pos", "verb_neg", "rule_score", *(f"rel_{r}" for r in RELATIONS), "log_words")
VERB_STANCES = ("neutral", "distancing", "conceding", "asserting", "disputing")
_FIRST_PERSON = frozenset("je j' me m' moi nous notre nos".split())
CONTEXT_FEATURES = ("target_mentioned", "target_self", "speaker_known", "speaker_political", "is_iquote",
                    "is_mixed", *(f"attr_{v}" for v in VERB_STANCES), *(f"role_{r}" for r in ROLE_CLASSES),
                    "n_negators", "question", "exclaim", "first_person")
FEATURES = (*EVIDENCE_FEATURES, *CONTEXT_FEATURES)
MODEL_FORMAT = "framing-stance-logreg/2"
#: the first format: evidence features only, unscaled (still loaded)
MODEL_FORMAT_1 = "framing-stance-logreg/1"


def evidence_features(ev: StanceEvidence) -> list[float]:
    """The counts of the rules' evidence for one quote (see :data:`EVIDENCE_FEATURES`)."""
    f = dict.fromkeys(EVIDENCE_FEATURES, 0.0)
    for c in ev.cues:
        p = c.polarity if not c.negated else (-1 if c.polarity > 0 else 0)
        kind = {"loaded": "loaded", "cue": "broad" if c.cat == "polarity" else "cue"}.get(c.source, "cue")
        if p > 0:
            f[f"{kind}_pos"] += 1
        elif p < 0:
            f[f"{kind}_neg"] += 1
        f["negated"] += c.negated
    for c in ev.verb_cues:
        f["verb_pos" if c.polarity > 0 else "verb_neg"] += 1
    score, _ = ev.score()
    f["rule_score"] = float(max(-3, min(3, score)))
    f[f"rel_{ev.relation if ev.relation in RELATIONS else 'none'}"] = 1.0
    f["log_words"] = math.log1p(ev.n_words)
    return [f[k] for k in EVIDENCE_FEATURES]


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
    words = [w for s in group for w in lower_forms_between(doc, s.start, s.end)]
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
        with atomic_write(path) as f:
            f.write(json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n")

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "LinearStanceModel":
        return cls(d["classes"], d["coef"], d["intercept"], d.get("features", FEATURES), d.get("mean", ()),
                   d.get("scale", ()), d.get("provenance"))


def load(path) -> LinearStanceModel:
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    if d.get("format") == MODEL_FORMAT_1:  # evidence features only, no scaling
        d = {**d, "features": d.get("features") or list(EVIDENCE_FEATURES), "mean": (), "scale": ()}
    elif d.get("format") != MODEL_FORMAT:
        raise ValueError(f"{path}: not a {MODEL_FORMAT} stance model")
    return LinearStanceModel.from_dict(d)
