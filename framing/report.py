"""The comparative report: prose from the statistics, charts, HTML and Markdown.

:func:`write_report` renders a :class:`framing.compare.ComparisonResult` into
``report.html`` (one self-contained file: inline CSS and inline SVG charts, no
script, no network) and ``report.md`` (charts as PNG files beside it). All
text from articles and metadata goes through Jinja2's autoescaping (HTML) or
:func:`md_escape` (Markdown); bidirectional-control characters are removed
from metadata and every metadata string is isolated (``<bdi>``).

The report computes nothing and never reads the working directory: the
detectors' measured error comes with the result, from the scores recorded in
the package (``framing/data/gold_scores.json``, written by
``tools/refresh_gold_scores.py``: the seed gold, in sample, and the blind
out-of-sample sets). Each key difference names the out-of-sample score of
the detector its measure rests on (:func:`measure_quality`); below
:data:`FRAGILE` the difference is called fragile, in words and in the charts.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from . import i18n, stats
from .i18n import feature_label, feature_noun, fmt_number, fmt_p, fmt_value, text as t, unit_of

GOLD_SCORES = "gold_scores.json"
#: Pairwise-test rows shown in the report (all are in pairwise.csv).
MAX_PAIR_ROWS = 30
MAX_KEY_SENTENCES = 8
#: Out-of-sample F1 or accuracy under which a measure is called fragile.
FRAGILE = 0.7


# --- detector scores -----------------------------------------------------------

def recorded_gold_scores() -> dict[str, Any] | None:
    """The detector scores recorded in the package (None if the file is missing or unreadable)."""
    try:
        return json.loads(resources.files("framing").joinpath("data", GOLD_SCORES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


#: What each measure rests on: ("label", L) = F1 of label L; ("unit", U) = F1 of a HEDGE
#: type; ("attr", "L.a") = accuracy of attribute a on matched spans ("*.a": QUOTE and
#: IQUOTE together). A measure is as good as the weakest of them.
_QUALITY_RULES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (r"^hedge_cond_(?:reportive|hypothetical)_per_1k$", (("unit", "HEDGE:cond"), ("attr", "HEDGE.use"))),
    (r"^hedge_(cond|source|epistemic|approx|scare)_per_1k$", (("unit", "HEDGE:{0}"),)),
    (r"^(?:hedge_per_1k|hedge_sentence_share|n_hedges)$", (("label", "HEDGE"),)),
    (r"^(?:boost_per_1k|n_boosts)$", (("label", "BOOST"),)),
    (r"^hedge_boost_ratio$", (("label", "HEDGE"), ("label", "BOOST"))),
    (r"^(?:loaded_per_1k|loaded_own_per_1k|loaded_quoted_per_1k|n_loaded)$", (("label", "LOADED"),)),
    (r"^loaded_\w+_per_1k$", (("label", "LOADED"), ("attr", "LOADED.cat"))),
    (r"^(?:attr_per_100_sentences|attr_sentence_share|n_attributions)$", (("label", "ATTR"),)),
    (r"^attr_\w+_share$", (("label", "ATTR"), ("attr", "ATTR.stype"))),
    (r"^verb_stance_\w+_share$", (("label", "ATTR"),)),
    (r"^(?:quote_per_1k|quote_mixed_share|n_quotes)$", (("label", "QUOTE"),)),
    (r"^iquote_per_1k$", (("label", "IQUOTE"),)),
    (r"^quoted_word_share$", (("label", "QUOTE"), ("label", "IQUOTE"))),
    (r"^n_speakers$", (("attr", "*.speaker"),)),
    (r"^(?:voice_\w+_share|n_camps_quoted|home_voice_share|other_voice_share|camp_unknown_share)$",
     (("attr", "*.camp"),)),
    (r"^stance_balance_\w+$", (("attr", "*.stance"), ("attr", "*.target"))),
)

_ATTR_NAMES = {"use": ("usage du conditionnel", "conditional use"), "cat": ("catégorie", "category"),
               "stype": ("type de source", "source type"), "source": ("source", "source"),
               "speaker": ("orateur", "speaker"), "camp": ("camp", "camp"), "stance": ("position", "stance"),
               "target": ("cible de la position", "stance target")}


def _component(section: dict[str, Any], kind: str, key: str) -> tuple[float, int] | None:
    """(score, number of gold spans or matched pairs) of one component in one scored set."""
    if kind in ("label", "unit"):
        v = section.get("labels" if kind == "label" else "units", {}).get(key)
        if not v or v.get("tp", 0) + v.get("fn", 0) == 0:
            return None
        return float(v["f1"]), int(v["tp"] + v["fn"])
    labels = ("QUOTE", "IQUOTE") if key.startswith("*.") else (key.split(".")[0],)
    attr = key.split(".", 1)[1]
    pairs = [section.get("attributes", {}).get(f"{lab}.{attr}") for lab in labels]
    pairs = [p for p in pairs if p and p.get("n")]
    n = sum(p["n"] for p in pairs)
    return (sum(p["accuracy"] * p["n"] for p in pairs) / n, n) if n else None


def _component_name(kind: str, key: str, lang: str) -> str:
    i = 0 if lang == "fr" else 1
    if kind in ("label", "unit"):
        return f"F1 {key}"
    attr = key.split(".", 1)[1]
    name = _ATTR_NAMES.get(attr, (attr, attr))[i]
    return (f"exactitude {name}" if lang == "fr" else f"{name} accuracy")


def measure_quality(feature: str, gold: dict[str, Any] | None, lang: str = "fr") -> dict[str, Any] | None:
    """How far the detectors behind ``feature`` can be trusted, out of sample.

    Returns ``{"value", "parts", "range", "in_sample", "fragile", "n_sets", "text"}``:
    ``value`` is the weakest pooled out-of-sample score among the measure's
    components (F1 of the labels it counts, accuracy of the attributes it
    reads), ``range`` the same over each blind set, ``fragile`` True below
    :data:`FRAGILE`. None when no out-of-sample score covers the measure.
    """
    oos = (gold or {}).get("out_of_sample") or {}
    pooled = oos.get("pooled")
    if not pooled:
        return None
    rule = next(((m, comps) for rx, comps in _QUALITY_RULES if (m := re.match(rx, feature))), None)
    if rule is None:
        return None
    m, comps = rule
    comps = tuple((kind, key.format(*m.groups())) for kind, key in comps)
    parts = [(_component_name(kind, key, lang), c[0]) for kind, key in comps
             if (c := _component(pooled, kind, key))]
    if not parts:
        return None
    value = min(v for _, v in parts)
    per_set = []
    for section in oos.get("sets", []):
        vals = [c[0] for kind, key in comps if (c := _component(section, kind, key))]
        if len(vals) == len(comps):
            per_set.append(min(vals))
    ins = [c[0] for kind, key in comps if (c := _component((gold or {}).get("in_sample") or {}, kind, key))]
    q = {"value": value, "parts": parts, "range": (min(per_set), max(per_set)) if len(per_set) > 1 else None,
         "in_sample": min(ins) if ins else None, "fragile": value < FRAGILE, "n_sets": len(oos.get("sets", []))}
    q["text"] = quality_text(q, lang)
    return q


def quality_text(q: dict[str, Any], lang: str) -> str:
    """"hors échantillon : F1 ATTR 0,88, exactitude type de source 0,70 (0,36–0,83 selon l'ensemble)"."""
    fr = lang == "fr"
    parts = ", ".join(f"{name} {fmt_number(v, lang, 2)}" for name, v in q["parts"])
    s = ("hors échantillon : " if fr else "out of sample: ") + parts
    if q.get("range"):
        lo, hi = q["range"]
        s += (f" ({fmt_number(lo, lang, 2)} à {fmt_number(hi, lang, 2)} selon l'ensemble)" if fr
              else f" ({fmt_number(lo, lang, 2)} to {fmt_number(hi, lang, 2)} across sets)")
    if q["fragile"]:
        s += (f" — fragile : sous {fmt_number(FRAGILE, lang, 1)}" if fr else f" — fragile: below {FRAGILE}")
    return s


def fragile_note(feature: str, gold: dict[str, Any] | None, lang: str) -> str | None:
    """The short chart note of a fragile measure ("⚠ fragile: out-of-sample F1 0.62"), else None."""
    q = measure_quality(feature, gold, lang)
    if not q or not q["fragile"]:
        return None
    name, v = min(q["parts"], key=lambda p: p[1])
    return (f"⚠ fragile : {name} {fmt_number(v, lang, 2)} hors échantillon" if lang == "fr"
            else f"⚠ fragile: out-of-sample {name} {fmt_number(v, lang, 2)}")


# --- prose -------------------------------------------------------------------

def _effect(p) -> float:
    if p.diff != p.diff:
        return 0.0
    if p.feature.endswith("_share"):
        return abs(p.diff)
    if p.ratio:
        return abs(math.log(p.ratio))
    return float("inf") if p.diff else 0.0


def _tested(p, result) -> bool:
    return p.p is not None and not (result.group(p.a).n == 1 and result.group(p.b).n == 1)


def _solid(p, result) -> bool:
    """Holm-adjusted permutation p < 0.05."""
    return _tested(p, result) and p.p_holm is not None and p.p_holm < 0.05


def _clear(p, result) -> bool:
    """A difference worth stating: significant, or its 95 % interval excludes zero.

    An interval counts only when both groups' own intervals have width: a
    resampling that cannot vary (one defined document, a share that is 0 in
    every resampled sentence) shows no uncertainty, not certainty.
    """
    if _solid(p, result):
        return True
    lo, hi = getattr(p, "diff_lo", None), getattr(p, "diff_hi", None)
    if lo is None or hi is None or not (lo > 0 or hi < 0):
        return False
    j = result.feature_index(p.feature)
    return all(g.hi[j] > g.lo[j] for g in (result.group(p.a), result.group(p.b)))


def _separated(p, result) -> bool:
    """True when the two groups' 95 % intervals do not overlap."""
    j = result.feature_index(p.feature)
    ga, gb = result.group(p.a), result.group(p.b)
    return bool(ga.lo[j] > gb.hi[j] or gb.lo[j] > ga.hi[j])


def _rank(p, result) -> tuple:
    """Clearest first: adjusted then raw p when tested, non-overlapping intervals, larger groups, effect size."""
    tested = _tested(p, result)
    return (p.p_holm if tested and p.p_holm is not None else 1.0, p.p if tested else 1.0,
            not _separated(p, result), -min(result.group(p.a).n, result.group(p.b).n), -_effect(p))


def _oriented(p) -> dict[str, Any]:
    """The pair with ``a`` the higher group (ratio and intervals turned accordingly)."""
    if p.diff > 0:
        return {"a": p.a, "b": p.b, "va": p.mean_a, "vb": p.mean_b, "ratio": p.ratio, "rlo": p.ratio_lo,
                "rhi": p.ratio_hi, "dlo": getattr(p, "diff_lo", None), "dhi": getattr(p, "diff_hi", None)}
    dlo, dhi = getattr(p, "diff_lo", None), getattr(p, "diff_hi", None)
    return {"a": p.b, "b": p.a, "va": p.mean_b, "vb": p.mean_a, "ratio": 1 / p.ratio if p.ratio else None,
            "rlo": 1 / p.ratio_hi if p.ratio_hi else None, "rhi": 1 / p.ratio_lo if p.ratio_lo else None,
            "dlo": -dhi if dhi is not None else None, "dhi": -dlo if dlo is not None else None}


def _diff_text(f: str, v: float | None, lang: str) -> str:
    if v is None:
        return "—"
    if f.endswith("_share"):
        return fmt_number(100 * v, lang, 0) + (" pts" if lang == "en" else "\u00a0pts")
    return fmt_number(v, lang, 2 if abs(v) < 10 else 1)


def _sentence(best, result, lang: str, quality: dict[str, Any] | None) -> str:
    """One key-difference sentence: the head, then every figure attributed to its group."""
    fr = lang == "fr"
    f = best.feature
    o = _oriented(best)
    a, b, va, vb = o["a"], o["b"], o["va"], o["vb"]
    ga, gb = result.group(a), result.group(b)
    j = result.feature_index(f)
    ci = "IC\u00a095\u202f%" if fr else "95% CI"
    vs = "contre" if fr else "vs"

    def group_ci(g):
        return f"{g.name} [{fmt_value(f, g.lo[j], lang)}–{fmt_value(f, g.hi[j], lang)}]"

    unit = unit_of(f, lang)
    noun = feature_noun(f, lang)
    details = []
    diff_ci = f"{_diff_text(f, o['dlo'], lang)} {'à' if fr else 'to'} {_diff_text(f, o['dhi'], lang)}"
    if f.endswith("_share"):
        cap = noun[:1].upper() + noun[1:]
        head = (f"{cap} atteint {fmt_value(f, va, lang)} chez {a} contre {fmt_value(f, vb, lang)} chez {b}" if fr else
                f"{cap} is {fmt_value(f, va, lang)} in {a} against {fmt_value(f, vb, lang)} in {b}")
        details.append((f"écart de {_diff_text(f, va - vb, lang)}, {ci} de l'écart {diff_ci}" if fr else
                        f"{_diff_text(f, va - vb, lang)} apart, {ci} of the gap {diff_ci}"))
        details.append(f"{ci}{' :' if fr else ':'} {group_ci(ga)}, {group_ci(gb)}")
    elif vb > 0 and o["ratio"]:
        r = fmt_number(o["ratio"], lang, 1)
        head = (f"{a} emploie {noun} {r} fois plus souvent que {b}" if fr else
                f"{a} uses {noun} {r} times as often as {b}")
        details.append(f"{fmt_value(f, va, lang)} {vs} {fmt_value(f, vb, lang)} {unit}")
        cis = [group_ci(ga), group_ci(gb)]
        if o["rlo"] is not None and o["rhi"] is not None:
            cis.append(f"{'rapport' if fr else 'ratio'} [{fmt_number(o['rlo'], lang, 1)}–{fmt_number(o['rhi'], lang, 1)}]")
        details.append(f"{ci}{' :' if fr else ':'} " + ", ".join(cis))
    else:
        where = ((f"dans l'unique document de {b}" if gb.n == 1 else f"dans les {gb.n} documents de {b}") if fr else
                 (f"in {b}'s single document" if gb.n == 1 else f"in {b}'s {gb.n} documents"))
        head = (f"{a} emploie {noun} ({fmt_value(f, va, lang)} {unit}) ; aucun {where}" if fr else
                f"{a} uses {noun} ({fmt_value(f, va, lang)} {unit}); none {where}")
        details.append(f"{ci}{' :' if fr else ':'} {group_ci(ga)}, {group_ci(gb)}, "
                       + (f"écart {diff_ci}" if fr else f"gap {diff_ci}"))
    if _tested(best, result):
        details.append(f"{'test de permutation' if fr else 'permutation'} p = {fmt_p(best.p, lang)}, "
                       f"{'ajusté (Holm)' if fr else 'Holm-adjusted'} p = {fmt_p(best.p_holm, lang)}")
        if best.g is not None:
            details.append(f"g = {fmt_number(abs(best.g), lang, 2)}")
    else:
        details.append(t("no_test", lang))
    if (ga.n == 1) != (gb.n == 1):
        details.append("l'un des groupes n'a qu'un document" if fr else "one group has a single document")
    if quality:
        details.append(quality["text"])
    return head + " (" + (" ; " if fr else "; ").join(details) + ")."


def key_differences(result, lang: str = "fr") -> list[dict[str, Any]]:
    """Plain sentences on the headline features, each from the pair of groups that differs most clearly.

    A pair is stated only when the difference is significant (Holm-adjusted
    p < 0.05) or its 95 % bootstrap interval excludes zero. Returns dicts with
    ``text``, ``feature``, ``a``/``b`` (``a`` the higher group), ``solid``
    (Holm p < 0.05), ``fragile`` (the measure's out-of-sample score is below
    :data:`FRAGILE`) and ``quality`` (see :func:`measure_quality`).
    """
    out = []
    for f in result.headline():
        cands = [p for p in result.pairs if p.feature == f and p.diff == p.diff and p.diff != 0 and _clear(p, result)]
        if not cands:
            continue
        best = min(cands, key=lambda p: _rank(p, result))
        quality = measure_quality(f, result.gold, lang)
        o = _oriented(best)
        out.append({"text": _sentence(best, result, lang, quality), "feature": f, "a": o["a"], "b": o["b"],
                    "solid": _solid(best, result), "fragile": bool(quality and quality["fragile"]),
                    "quality": quality, "order": _rank(best, result)})
    out.sort(key=lambda d: d["order"])
    return out[:MAX_KEY_SENTENCES]


# --- tables ------------------------------------------------------------------

def feature_rows(result, lang: str) -> list[dict[str, Any]]:
    """One row per varying feature: label, unit, each group's mean with its interval, and the measure's quality."""
    varying = set(result.varying())
    head = [f for f in result.headline() if f in varying]
    rest = [f for f in result.features if f in varying and f not in head]
    rows = []
    X = result.matrix()
    members = {g.name: [i for i, d in enumerate(result.documents) if d.group == g.name] for g in result.groups}
    for f in head + rest:
        j = result.feature_index(f)
        defined = {name: int((~np.isnan(X[idx, j])).sum()) for name, idx in members.items()}
        unit = "" if f.endswith("_share") or f.startswith("n_") else unit_of(f, lang)  # the label says it
        q = measure_quality(f, result.gold, lang)
        rows.append({"feature": f, "label": feature_label(f, lang), "unit": unit,
                     "headline": f in head, "fragile": bool(q and q["fragile"]),
                     "quality": "—" if not q else fmt_number(q["value"], lang, 2),
                     "cells": [{"mean": fmt_value(f, g.mean[j], lang), "lo": fmt_value(f, g.lo[j], lang),
                                "hi": fmt_value(f, g.hi[j], lang), "raw": _raw(g.mean[j]),
                                # documents where the measure is defined, when not all of them
                                "defined": defined[g.name] if defined[g.name] < g.n else None,
                                "one": g.n == 1} for g in result.groups]})
    return rows


def _raw(v: float) -> str:
    return "" if v != v else repr(float(v))


def pair_rows(result, lang: str) -> list[dict[str, Any]]:
    tested = [p for p in result.pairs if _tested(p, result)]
    tested.sort(key=lambda p: (p.family != "headline", p.p_holm if p.p_holm is not None else 1.0,
                               p.p if p.p is not None else 1.0, -_effect(p)))
    rows = []
    for p in tested[:MAX_PAIR_ROWS]:
        d = None if p.diff != p.diff else p.diff
        rows.append({"feature": feature_label(p.feature, lang), "a": p.a, "b": p.b,
                     "mean_a": fmt_value(p.feature, p.mean_a, lang), "mean_b": fmt_value(p.feature, p.mean_b, lang),
                     "diff": "—" if d is None else ("+" if d > 0 else "") + _diff_text(p.feature, d, lang),
                     "diff_ci": f"[{_diff_text(p.feature, getattr(p, 'diff_lo', None), lang)}; "
                                f"{_diff_text(p.feature, getattr(p, 'diff_hi', None), lang)}]",
                     "ratio": fmt_number(p.ratio, lang, 2) if p.ratio else "—",
                     "g": fmt_number(p.g, lang, 2) if p.g is not None else "—",
                     "p": fmt_p(p.p, lang), "p_holm": fmt_p(p.p_holm, lang),
                     "solid": p.p_holm is not None and p.p_holm < 0.05,
                     "family": t("headline" if p.family == "headline" else "other", lang),
                     "exact": p.exact})
    return rows


def _group_means(result, pattern: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(suffixes, group × feature means over the documents where defined, documents defined) for ``pattern``."""
    rx = re.compile(pattern)
    feats = [f for f in result.features if rx.match(f)]
    if not feats:
        return [], np.zeros((len(result.groups), 0)), np.zeros((len(result.groups), 0))
    X = result.matrix()
    cols = [result.feature_index(f) for f in feats]
    vals = np.full((len(result.groups), len(feats)), np.nan)
    ndef = np.zeros((len(result.groups), len(feats)))
    for gi, g in enumerate(result.groups):
        sub = X[np.ix_([i for i, d in enumerate(result.documents) if d.group == g.name], cols)]
        ok = ~np.isnan(sub)
        ndef[gi] = ok.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            vals[gi] = np.where(ndef[gi] > 0, np.where(ok, sub, 0).sum(axis=0) / np.maximum(ndef[gi], 1), np.nan)
    return [rx.match(f).group(1) for f in feats], vals, ndef


# --- charts ------------------------------------------------------------------

def heatmap_feature(name: str) -> bool:
    """Rates and shares for the heatmap; counts, per-voice categories and camp measures (own charts) left out."""
    return not (name.startswith(("n_", "voice_", "stance_balance_", "loaded_own_", "loaded_quoted_"))
                or name in ("home_voice_share", "other_voice_share", "camp_unknown_share")) or name in (
        "loaded_own_per_1k", "loaded_quoted_per_1k")


def _parse_date(v: Any) -> dt.date | None:
    if not v:
        return None
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _voice_chart(result, lang: str, names: list[str]) -> dict[str, Any] | None:
    from . import charts

    camps, shares, ndef = _group_means(result, r"^voice_(.+)_share$")
    keep = [k for k in range(len(camps)) if np.nansum(np.abs(shares[:, k])) > 1e-12]
    if not keep:
        return None
    camps, shares = [camps[k] for k in keep], shares[:, keep]
    n_docs = ndef[:, keep].max(axis=1) if len(keep) else np.zeros(len(names))
    fr = lang == "fr"
    notes = [(f"{int(n)} doc. citant quelqu'un" if fr else f"{int(n)} doc. quoting anyone") for n in n_docs]
    title = t("chart_voice", lang)
    note = fragile_note("voice_russia_share", result.gold, lang)
    fig = charts.stacked_shares(names, [i18n.camp_label(c, lang) for c in camps], shares,
                                title + (f"\n{note}" if note else ""), "%", colours=charts.camp_colours(camps),
                                notes=notes)
    return {"name": "voice", "title": title, "figure": fig, "section": "voices", "fragile": note}


def _stance_chart(result, lang: str, names: list[str]) -> dict[str, Any] | None:
    from . import charts

    targets = [f[len("stance_balance_"):] for f in result.features if f.startswith("stance_balance_")]
    targets = [c for c in targets if c != "unknown" and any(result.quotes_about(g, c) for g in names)]
    if not targets:
        return None
    idx = [result.feature_index("stance_balance_" + c) for c in targets]
    means = np.array([g.mean[idx] for g in result.groups])
    lo = np.array([g.lo[idx] for g in result.groups])
    hi = np.array([g.hi[idx] for g in result.groups])
    nq = np.array([[result.quotes_about(g, c) for c in targets] for g in names])
    note = fragile_note("stance_balance_" + targets[0], result.gold, lang)
    fr = lang == "fr"
    fig = charts.stance_dots(names, [i18n.camp_label(c, lang) for c in targets], means, lo, hi, nq,
                             t("chart_stance", lang) + (f"\n{note}" if note else ""),
                             ("critique", "favorable") if fr else ("critical", "supportive"),
                             "citations" if fr else "quotes")
    return {"name": "stance", "title": t("chart_stance", lang), "figure": fig, "section": "voices", "fragile": note}


#: Groups drawn in the charts at most (the largest); every group stays in the tables and CSV files.
MAX_CHART_GROUPS = 16


class _ChartGroups:
    """``result`` seen through its largest groups only, so a chart stays readable and bounded in size."""

    def __init__(self, result, groups):
        self._result = result
        self.groups = groups
        keep = {g.name for g in groups}
        self.documents = [d for d in result.documents if d.group in keep]

    def __getattr__(self, name):
        return getattr(self._result, name)

    def matrix(self) -> np.ndarray:
        return stats.feature_matrix(self.documents, self.features)


def chart_groups(result) -> list:
    """The groups the charts draw: all of them, or the :data:`MAX_CHART_GROUPS` largest (in report order)."""
    if len(result.groups) <= MAX_CHART_GROUPS:
        return list(result.groups)
    top = sorted(result.groups, key=lambda g: (-g.n, g.name.casefold()))[:MAX_CHART_GROUPS]
    keep = {id(g) for g in top}
    return [g for g in result.groups if id(g) in keep]


def build_charts(result, lang: str = "fr") -> list[dict[str, Any]]:
    """The report's figures: ``[{"name", "title", "figure", "section", "fragile"}]`` (only those with data).

    Above :data:`MAX_CHART_GROUPS` groups the charts draw the largest ones (the
    tables and CSV files keep every group; the report says so).
    """
    from . import charts

    full = result
    if len(result.groups) > MAX_CHART_GROUPS:
        result = _ChartGroups(result, chart_groups(result))
    out: list[dict[str, Any]] = []
    names = [g.name for g in result.groups]
    ns = [g.n for g in result.groups]
    varying = set(result.varying())
    if not names:
        return out
    dot_feats = [f for f in result.headline() if f in varying] or [f for f in result.features if f in varying][:8]
    if dot_feats:
        idx = [result.feature_index(f) for f in dot_feats]
        means = np.array([g.mean[idx] for g in result.groups])
        lo = np.array([g.lo[idx] for g in result.groups])
        hi = np.array([g.hi[idx] for g in result.groups])
        units = [("%" if f.endswith("_share") else unit_of(f, lang)) for f in dot_feats]
        notes = [fragile_note(f, result.gold, lang) for f in dot_feats]
        fig = charts.feature_dot_grid(names, dot_feats, [feature_label(f, lang) for f in dot_feats], units,
                                      means, lo, hi, ns, t("chart_dots", lang), notes=notes,
                                      ncols=3 if len(names) > 8 else 2)
        out.append({"name": "dots", "title": t("chart_dots", lang), "figure": fig, "section": "features",
                    "fragile": any(notes)})
    heat = [f for f in result.features if f in varying and heatmap_feature(f)]
    if heat and len(names) >= 2:
        X = result.matrix()
        cols = [result.feature_index(f) for f in heat]
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            mu, sd = np.nanmean(X[:, cols], axis=0), np.nanstd(X[:, cols], axis=0)
        Z = np.array([(g.mean[cols] - mu) / np.where(sd > 0, sd, 1) for g in result.groups])
        labels = [feature_label(f, lang) + (" ⚠" if fragile_note(f, result.gold, lang) else "") for f in heat]
        fig = charts.zscore_heatmap([f"{n} (n={k})" for n, k in zip(names, ns)], labels, Z,
                                    t("chart_heatmap", lang), t("zscore", lang))
        out.append({"name": "heatmap", "title": t("chart_heatmap", lang), "figure": fig, "section": "features",
                    "fragile": any("⚠" in x for x in labels)})
    for chart in (_voice_chart(result, lang, names), _stance_chart(result, lang, names)):
        if chart:
            out.append(chart)
    dates = [_parse_date(d.meta.get("date")) for d in result.documents]
    known = [d for d in dates if d]
    line_feat = dot_feats[0] if dot_feats else None
    if line_feat and len(known) >= 2 and (max(known) - min(known)).days > 1:
        values = [d.features.get(line_feat) for d in result.documents]
        fig = charts.timeline(dates, [None if v is None or v != v else v for v in values],
                              [d.group for d in result.documents], names,
                              f"{t('chart_timeline', lang)} : {feature_label(line_feat, lang)}" if lang == "fr"
                              else f"{t('chart_timeline', lang)}: {feature_label(line_feat, lang)}",
                              unit_of(line_feat, lang))
        out.append({"name": "timeline", "title": t("chart_timeline", lang), "figure": fig, "section": "features"})
    if result.pca is not None:
        def axis(c):
            return ", ".join(("+" if w > 0 else "−") + feature_label(f, lang) for f, w in result.pca.top_loadings(c, 2))
        fig = charts.pca_scatter(full.pca.coords, [d.group for d in full.documents], names,
                                 result.pca.explained, [axis(0), axis(1)], t("chart_pca", lang))
        out.append({"name": "pca", "title": t("chart_pca", lang), "figure": fig, "section": "features"})
    return out


# --- rendering -----------------------------------------------------------------

#: Bidirectional controls: in metadata they reverse the text around them (issue 21).
_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def strip_bidi(value: Any) -> str:
    """``value`` as text without bidirectional-control characters."""
    return _BIDI.sub("", "" if value is None else str(value))


#: Embedding, override and isolate controls: never needed in a generated page, and one in a
#: title or outlet name would reverse the text after it. Removed from every output.
_BIDI_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_overrides(page: str) -> str:
    """``page`` (HTML or Markdown) without bidi embedding/override/isolate characters."""
    return _BIDI_OVERRIDES.sub("", page)


def isolate(value: Any):
    """HTML of a metadata string: bidi controls removed, escaped, isolated in ``<bdi>``."""
    from markupsafe import Markup, escape

    return Markup("<bdi>") + escape(strip_bidi(value)) + Markup("</bdi>")


_MD_ALWAYS = re.compile(r"([\\`*|~$#])")
_MD_BRACKET = re.compile(r"\](?=[(\[:])")
_MD_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_MD_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_BLOCK_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])(?=\s|$)")


def md_escape(value: Any) -> Any:
    """Text made inert in Markdown, still readable raw.

    One line (newlines cannot open a heading or a list); backslash before
    emphasis, code, table, math and heading marks; ``](``, ``][`` and ``]:``
    broken so no link, image or link definition can form; ``<`` before a
    letter and ``&`` of an entity written as entities (no raw HTML, no
    autolink); a leading list, quote or setext mark escaped. A lone ``<``
    (``p < 0.001``) stays as it is.
    """
    if not isinstance(value, str):
        return value
    s = " ".join(strip_bidi(value).split())
    s = _MD_ALWAYS.sub(r"\\\1", s)
    s = _MD_BRACKET.sub(r"\\]", s)
    s = _MD_UNDERSCORE.sub(r"\\_", s)
    s = _MD_ENTITY.sub("&amp;", s)
    s = _MD_TAG.sub("&lt;", s)
    return _MD_BLOCK_START.sub(r"\1\\\2", s)


_md_escape = md_escape


def template_environment(markdown: bool = False):
    """Jinja2 environment over the package's templates: HTML autoescaped; Markdown through :func:`md_escape`.

    Every expression of the Markdown template goes through :func:`md_escape`
    (jinja's ``finalize``), so nothing from the data can make Markdown syntax.
    """
    from jinja2 import Environment, PackageLoader, StrictUndefined

    if markdown:
        env = Environment(loader=PackageLoader("framing", "templates"), autoescape=False, finalize=md_escape,
                          undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        env.filters["iso"] = strip_bidi
    else:
        env = Environment(loader=PackageLoader("framing", "templates"), autoescape=True,
                          undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        env.filters["iso"] = isolate
    env.filters["mdcell"] = lambda s: str(s).replace("\n", " ")  # | is escaped by md_escape
    return env


def _anchor(doc_id: str) -> str:
    """The HTML id of a document's card: distinct for distinct ids (issue 21, item 5)."""
    from .output import safe_filename

    return "doc-" + safe_filename(doc_id)


def _doc_cards(result, lang: str) -> list[dict[str, Any]]:
    cards = []
    head = [f for f in result.headline() if f in result.features]
    for d in result.documents:
        ev = []
        for s in d.evidence:
            ev.append({"left": s.left, "text": s.text, "right": s.right, "key": s.key,
                       "css": s.key.replace(":", "-").lower(), "name": i18n.span_name(s.key, lang),
                       "why": i18n.explain_span(s.label, s.attrs, lang)})
        cards.append({"id": d.id, "group": d.group, "title": d.meta.get("title") or "", "date": d.meta.get("date") or "",
                      "outlet": d.meta.get("outlet") or "", "n_words": d.n_words, "n_sentences": d.n_sentences,
                      "words": fmt_number(d.n_words, lang, 0), "evidence": ev, "warnings": d.warnings,
                      "anchor": _anchor(d.id),
                      "measures": [{"label": feature_label(f, lang), "value": fmt_value(f, d.features.get(f), lang),
                                    "unit": unit_of(f, lang)} for f in head],
                      "counts": sorted(d.span_counts.items())})
    return cards


def _limitations(result, lang: str) -> list[str]:
    fr = lang == "fr"
    out = []
    singles = [g.name for g in result.groups if g.n == 1]
    small = [g.name for g in result.groups if 1 < g.n < 5]
    if singles:
        out.append((f"{len(singles)} groupe(s) n'ont qu'un document ({', '.join(singles[:12])}{'…' if len(singles) > 12 else ''}) : "
                    "leur intervalle vient du rééchantillonnage des phrases de ce seul texte. Il ne dit rien de la variation d'un article à l'autre "
                    "chez ce média ; une différence avec un autre groupe décrit deux textes, pas deux médias." if fr else
                    f"{len(singles)} group(s) have a single document ({', '.join(singles[:12])}{'…' if len(singles) > 12 else ''}): "
                    "their interval comes from resampling that one text's sentences. It says nothing about how the outlet varies between "
                    "articles; a difference with another group describes two texts, not two outlets."))
    if small:
        out.append((f"Groupes de moins de 5 documents ({', '.join(small[:12])}) : intervalles larges et tests peu puissants ; "
                    "un p de permutation exact ne peut pas descendre sous 1 / C(n_a + n_b, n_a)." if fr else
                    f"Groups with fewer than 5 documents ({', '.join(small[:12])}): wide intervals and weak tests; an exact permutation p "
                    "cannot go below 1 / C(n_a + n_b, n_a)."))
    if len(result.groups) < 2:
        out.append("Un seul groupe : aucune comparaison n'est possible." if fr else "A single group: no comparison is possible.")
    out.extend(_error_limitations(result, lang))
    warned = [d for d in result.documents if d.warnings]
    if warned:
        out.append((f"{len(warned)} document(s) ont des avertissements (langue, encodage, texte vide) : voir leur fiche." if fr else
                    f"{len(warned)} document(s) have warnings (language, encoding, empty text): see their cards."))
    out.append(("Chaque document pèse autant dans la moyenne de son groupe, quelle que soit sa longueur. Une mesure sans "
                "dénominateur (la part des sources anonymes d'un article sans attribution, l'équilibre des positions envers "
                "un camp dont personne ne parle) est manquante, pas nulle : elle est laissée hors des moyennes, des tests et "
                "des intervalles (cases vides dans features.csv, null dans spans.jsonl)." if fr else
                "Every document weighs the same in its group mean, whatever its length. A measure without a denominator "
                "(the anonymous-source share of an article with no attribution, the stance balance toward a camp nobody "
                "talks about) is missing, not zero: it is left out of means, tests and intervals (empty cells in "
                "features.csv, null in spans.jsonl)."))
    return out


def _error_limitations(result, lang: str) -> list[str]:
    """What the detectors' recorded error means for this report (out-of-sample first)."""
    fr = lang == "fr"
    gold = result.gold or {}
    oos = gold.get("out_of_sample") or {}
    pooled = oos.get("pooled")
    if not pooled:
        return ["Aucune mesure hors échantillon de l'erreur des détecteurs n'est disponible : les différences "
                "ci-dessus peuvent venir des erreurs des détecteurs." if fr else
                "No out-of-sample measurement of the detectors' error is available: the differences above may "
                "come from detector errors."]
    weak = [f"{feature_label(f, lang)} ({fmt_number(q['value'], lang, 2)})" for f in result.headline()
            if f in set(result.varying()) and (q := measure_quality(f, gold, lang)) and q["fragile"]]
    n_docs, n_spans = pooled.get("n_documents", 0), pooled.get("n_spans", 0)
    out = []
    if weak:
        out.append((f"Mesures fragiles (score hors échantillon des détecteurs sous {fmt_number(FRAGILE, lang, 1)}, sur "
                    f"{n_docs} articles annotés à l'aveugle, {n_spans} indices) : {', '.join(weak)}. Une différence sur "
                    "ces mesures peut venir des erreurs des détecteurs autant que des médias ; vérifiez les indices dans "
                    "les fiches." if fr else
                    f"Fragile measures (detectors' out-of-sample score below {FRAGILE}, on {n_docs} blind-annotated "
                    f"articles, {n_spans} spans): {', '.join(weak)}. A difference on these measures may come from "
                    "detector errors as much as from the outlets; check the evidence in the document cards."))
    out.append(("Les scores hors échantillon viennent d'articles d'autres médias et d'autres sujets que ceux-ci : "
                "l'erreur sur ce corpus peut être plus grande ou plus petite. Les scores de l'ensemble de développement "
                "(5 articles d'exemple, écrits en les connaissant) sont optimistes et ne sont donnés qu'à titre de comparaison." if fr else
                "The out-of-sample scores come from articles of other outlets and topics than these: the error on this "
                "corpus may be larger or smaller. The development-set scores (5 seed articles the rules were written "
                "with) are optimistic and shown only for comparison."))
    return out


#: Rows of the detector-error table: labels and HEDGE types, then attributes.
_GOLD_UNITS = ("HEDGE", "HEDGE:cond", "HEDGE:source", "HEDGE:epistemic", "HEDGE:approx", "HEDGE:scare",
               "BOOST", "LOADED", "ATTR", "QUOTE", "IQUOTE")
_GOLD_ATTRS = ("HEDGE.use", "LOADED.cat", "ATTR.stype", "ATTR.source", "QUOTE.speaker", "QUOTE.camp",
               "QUOTE.stance", "QUOTE.target", "IQUOTE.speaker", "IQUOTE.camp", "IQUOTE.stance", "IQUOTE.target")


def _set_name(section: dict[str, Any], lang: str) -> str:
    name = section.get("name")
    return name.get(lang) or name.get("en", "") if isinstance(name, dict) else str(name or "")


def _set_label(ident: str | None, k: int, fr: bool) -> str:
    """A column's short name from the set's id ("blind-4-test" → "Aveugle 4 test"), else its rank."""
    word = "Aveugle" if fr else "Blind"
    if not ident or not str(ident).startswith("blind-"):
        return f"{word} {k + 1}"
    number, _, half = str(ident)[len("blind-"):].partition("-")
    half = {"dev": "dév." if fr else "dev"}.get(half, half)
    return f"{word} {number} {half}".rstrip()


def _gold_table(gold: dict[str, Any], lang: str) -> dict[str, Any]:
    """Columns (scored sets) and rows (units, attributes) of the detector-error table, display-ready."""
    fr = lang == "fr"
    cols = []
    if gold.get("in_sample"):
        cols.append(("in", gold["in_sample"], "Développement (dans l'échantillon)" if fr else "Development (in sample)"))
    oos = gold.get("out_of_sample") or {}
    for k, sec in enumerate(oos.get("sets", [])):
        cols.append((sec.get("id", f"set{k}"), sec, _set_label(sec.get("id"), k, fr)))
    if oos.get("pooled"):
        pooled = dict(oos["pooled"])
        pooled.setdefault("name", {"fr": "les ensembles aveugles ensemble (scores servant à dire une mesure fragile)",
                                   "en": "the blind sets together (the scores that call a measure fragile)"})
        cols.append(("pooled", pooled, "Hors échantillon, tous" if fr else "Out of sample, pooled"))
    if gold.get("supplied"):
        cols.append(("supplied", gold["supplied"], "Votre ensemble" if fr else "Your set"))

    def cell(value: float | None, n: int | None, extra: str = "") -> dict[str, Any]:
        if value is None:
            return {"v": "—", "n": "", "low": False, "extra": ""}
        return {"v": fmt_number(value, lang, 2), "n": n, "low": value < FRAGILE, "extra": extra}

    unit_rows = []
    for u in _GOLD_UNITS:
        cells = []
        for _, sec, _ in cols:
            kind = "label" if ":" not in u else "unit"
            v = sec.get("labels" if kind == "label" else "units", {}).get(u)
            if not v or v.get("tp", 0) + v.get("fn", 0) == 0:
                cells.append(cell(None, None))
            else:
                extra = f"P {fmt_number(v['precision'], lang, 2)} · R {fmt_number(v['recall'], lang, 2)}"
                cells.append(cell(v["f1"], v["tp"] + v["fn"], extra))
        if any(c["v"] != "—" for c in cells):
            unit_rows.append({"unit": u, "cells": cells})
    attr_rows = []
    for a in _GOLD_ATTRS:
        cells = []
        for _, sec, _ in cols:
            v = sec.get("attributes", {}).get(a)
            cells.append(cell(v["accuracy"], v["n"]) if v and v.get("n") else cell(None, None))
        if any(c["v"] != "—" for c in cells):
            attr_rows.append({"unit": a, "cells": cells})
    heads = []
    for key, sec, short in cols:
        blind = sec.get("blind")
        status = ("" if key in ("in", "pooled", "supplied") else
                  ("encore aveugle : jamais utilisé pour régler les règles" if fr else "still blind: never used to tune the rules")
                  if blind else ("aveugle à la 1re mesure, puis utilisé pour corriger des règles générales" if fr else
                                 "blind at its first run, then used to fix general rules"))
        first = sec.get("first_run") or {}
        heads.append({"short": short, "name": _set_name(sec, lang), "date": sec.get("date") or gold.get("date") or "",
                      "n_documents": sec.get("n_documents", 0), "n_spans": sec.get("n_spans", "—"), "status": status,
                      "first_run": ", ".join(f"{k} {fmt_number(v, lang, 2)}" for k, v in first.items())})
    return {"heads": heads, "units": unit_rows, "attrs": attr_rows}


def _methods(result, lang: str) -> dict[str, Any]:
    s = result.settings
    gold = result.gold or {}
    prov = getattr(result, "provenance", None) or {}
    return {"codebook": [(lab, i18n.span_name(lab, lang), desc[0 if lang == "fr" else 1]) for lab, desc in i18n.CODEBOOK.items()],
            "version": s["version"], "backend": s["backend"], "seed": s["seed"], "n_resamples": s["n_resamples"],
            "n_sentence_resamples": s.get("n_sentence_resamples", s["n_resamples"]),
            "n_permutations": s["n_permutations"], "group_by": s["group_by"], "lexicons": result.lexicons,
            "pairwise_rest": "pairwise" in s, "max_paired_groups": s.get("max_paired_groups"),
            "gold": gold, "table": _gold_table(gold, lang) if gold else None,
            "gold_date": gold.get("date"), "gold_version": gold.get("version"),
            "fragile": fmt_number(FRAGILE, lang, 1),
            "python": prov.get("python"),
            "dependencies": ", ".join(f"{k} {v}" for k, v in sorted((prov.get("dependencies") or {}).items())),
            "lexicon_digest": prov.get("lexicons"), "documents_sha256": prov.get("documents_sha256")}


def context(result, lang: str, chart_refs: dict[str, Any]) -> dict[str, Any]:
    """Everything the templates show, as display-ready strings (escaped by the templates)."""
    from .charts import group_style

    by = result.settings["group_by"]
    by_label = {"outlet": ("média", "outlets")}.get(by, (by, f"{by} groups"))[0 if lang == "fr" else 1]
    keys = key_differences(result, lang)
    from .likeness_report import likeness_context

    return {
        "likeness": likeness_context(result, lang),
        "lang": lang, "t": lambda key_, **kw: t(key_, lang, **kw), "c": " :" if lang == "fr" else ":",
        "title": t("report_title", lang, by=by_label),
        "subtitle": t("report_subtitle", lang, n_docs=len(result.documents), n_groups=len(result.groups),
                      version=result.settings["version"]),
        "groups": [{"name": g.name, "n": g.n, "one": g.n == 1, "method": g.method, "colour": group_style(i)[0]}
                   for i, g in enumerate(result.groups)],
        "key_differences": keys, "any_fragile": any(k["fragile"] for k in keys),
        "feature_rows": feature_rows(result, lang),
        "zero_features": [feature_label(f, lang) for f in result.features if f not in set(result.varying())],
        "pair_rows": pair_rows(result, lang),
        "classifier": result.classifier,
        "classifier_text": None if result.classifier is None else t(
            "classifier_text", lang, k=result.classifier.n_folds, n=result.classifier.n_documents,
            groups=", ".join(result.classifier.groups), acc=fmt_number(result.classifier.accuracy, lang, 2),
            sd=fmt_number(result.classifier.accuracy_sd, lang, 2), base=fmt_number(result.classifier.baseline, lang, 2))
            + " " + t("classifier_better" if result.classifier.accuracy > result.classifier.baseline + 0.05
                      else "classifier_no_better", lang),
        "classifier_coefs": [] if result.classifier is None else [
            {"group": g, "features": ", ".join(f"{feature_label(f, lang)} ({fmt_number(w, lang, 2)})" for f, w in fs)}
            for g, fs in result.classifier.coefficients.items()],
        "charts": {**dict.fromkeys(("dots", "heatmap", "voice", "stance", "timeline", "pca")), **chart_refs},
        "chart_note": None if len(result.groups) <= MAX_CHART_GROUPS else t(
            "chart_subset", lang, k=MAX_CHART_GROUPS, n=len(result.groups)),
        "documents": _doc_cards(result, lang),
        "methods": _methods(result, lang), "limitations": _limitations(result, lang),
        "errors": [str(e) for e in result.errors],
        "has_voice": "voice" in chart_refs, "has_stance": "stance" in chart_refs,
        "one_doc_groups": any(g.n == 1 for g in result.groups),
    }


def write_report(result, outdir: str | os.PathLike) -> list[str]:
    """Write ``report.html``, ``report.md`` and its ``chart_*.png`` into ``outdir``; return the file names."""
    from markupsafe import Markup

    from . import charts
    from .output import atomic_write

    outdir = Path(outdir)
    lang = result.settings["lang"]
    figs = build_charts(result, lang)
    files = []
    svgs: dict[str, dict[str, Any]] = {}
    pngs: dict[str, dict[str, Any]] = {}
    for k, c in enumerate(figs):
        name = f"chart_{k + 1}_{c['name']}.png"
        with atomic_write(outdir / name, "wb") as f:
            f.write(charts.to_png(c["figure"]))
        files.append(name)
        svgs[c["name"]] = {"svg": Markup(charts.to_svg(c["figure"], salt=f"c{k}")), "title": c["title"],
                           "fragile": c.get("fragile")}
        pngs[c["name"]] = {"file": name, "title": c["title"], "fragile": c.get("fragile")}
    html = template_environment().get_template("report.html.j2").render(**context(result, lang, svgs))
    with atomic_write(outdir / "report.html") as f:
        f.write(without_overrides(html))
    md = template_environment(markdown=True).get_template("report.md.j2").render(**context(result, lang, pngs))
    with atomic_write(outdir / "report.md") as f:
        f.write(without_overrides(re.sub(r"\n{3,}", "\n\n", md)))
    return files + ["report.html", "report.md"]
