"""The comparative report: prose from the statistics, charts, HTML and Markdown.

:func:`write_report` renders a :class:`framing.compare.ComparisonResult` into
``report.html`` (one self-contained file: inline CSS and inline SVG charts, no
script, no network) and ``report.md`` (charts as PNG files beside it). All
text from articles and metadata goes through Jinja2's autoescaping.

The methods section reports the detectors' measured precision and recall on
the gold set: computed with :mod:`framing.evaluate` when a gold directory is
available (``../shared/gold``), otherwise read from the committed
``framing/data/gold_scores.json`` (see :func:`refresh_gold_scores`).
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

from . import i18n
from .i18n import feature_label, feature_noun, fmt_number, fmt_p, fmt_value, text as t, unit_of

GOLD_SCORES = "gold_scores.json"
#: Pairwise-test rows shown in the report (all are in pairwise.csv).
MAX_PAIR_ROWS = 30
MAX_KEY_SENTENCES = 8


# --- gold scores -------------------------------------------------------------

def _gold_candidates() -> list[Path]:
    here = Path(__file__).resolve().parent.parent
    return [Path.cwd().parent / "shared" / "gold", Path.cwd() / "shared" / "gold", here.parent / "shared" / "gold"]


def measure_gold(gold_dir: str | os.PathLike, backend: str = "builtin") -> dict[str, Any]:
    """Precision/recall/F1 per label and HEDGE type on the gold directory, as a JSON-able dict."""
    from .evaluate import evaluate, load_gold

    docs = load_gold([gold_dir])
    ev = evaluate(docs, backend=backend)
    from . import __version__

    d = ev.to_dict()
    d.update({"gold": "shared/gold", "version": __version__, "backend": backend,
              "date": dt.date.today().isoformat()})
    return d


def gold_scores(gold: str | os.PathLike | None = None, backend: str = "builtin") -> dict[str, Any] | None:
    """Detector scores for the methods section: measured now when gold is found, else the committed file.

    The returned dict has ``origin`` = ``"measured"`` or ``"committed"``.
    """
    dirs = [Path(gold)] if gold else _gold_candidates()
    for d in dirs:
        if d.is_dir() and any(d.glob("*.json")):
            try:
                out = measure_gold(d, backend)
                out["origin"] = "measured"
                return out
            except Exception:  # a broken gold dir must not stop the report
                continue
    try:
        data = json.loads(resources.files("framing").joinpath("data", GOLD_SCORES).read_text(encoding="utf-8"))
        data["origin"] = "committed"
        return data
    except (OSError, ValueError, FileNotFoundError):
        return None


def refresh_gold_scores(gold_dir: str | os.PathLike, path: str | os.PathLike | None = None,
                        backend: str = "builtin") -> Path:
    """Measure the detectors on ``gold_dir`` and write ``framing/data/gold_scores.json``."""
    from .output import atomic_write

    path = Path(path) if path else Path(__file__).resolve().parent / "data" / GOLD_SCORES
    data = measure_gold(gold_dir, backend)
    with atomic_write(path) as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return path


# --- prose -------------------------------------------------------------------

def _effect(p) -> float:
    if p.feature.endswith("_share"):
        return abs(p.diff)
    if p.ratio:
        return abs(math.log(p.ratio))
    return float("inf") if p.diff else 0.0


def _tested(p, result) -> bool:
    return p.p is not None and not (result.group(p.a).n == 1 and result.group(p.b).n == 1)


def _separated(p, result) -> bool:
    """True when the two groups' 95 % intervals do not overlap."""
    j = result.feature_index(p.feature)
    ga, gb = result.group(p.a), result.group(p.b)
    return bool(ga.lo[j] > gb.hi[j] or gb.lo[j] > ga.hi[j])


def _rank(p, result) -> tuple:
    """Clearest first: adjusted then raw p when tested, non-overlapping intervals, larger groups, effect size."""
    tested = _tested(p, result)
    return (p.p_holm if tested else 1.0, p.p if tested else 1.0, not _separated(p, result),
            -min(result.group(p.a).n, result.group(p.b).n), -_effect(p))


def key_differences(result, lang: str = "fr") -> list[dict[str, Any]]:
    """Plain sentences on the headline features, each from the pair of groups that differs most clearly.

    Returns dicts with ``text`` (the sentence), ``feature``, ``a``/``b`` (groups,
    ``a`` the higher) and ``solid`` (Holm-adjusted p < 0.05).
    """
    out = []
    for f in result.headline():
        cands = [p for p in result.pairs if p.feature == f and p.diff != 0]
        if not cands:
            continue
        best = min(cands, key=lambda p: _rank(p, result))
        if best.diff > 0:
            a, b, va, vb = best.a, best.b, best.mean_a, best.mean_b
            ratio, rlo, rhi = best.ratio, best.ratio_lo, best.ratio_hi
        else:
            a, b, va, vb = best.b, best.a, best.mean_b, best.mean_a
            ratio = 1 / best.ratio if best.ratio else None
            rlo = 1 / best.ratio_hi if best.ratio_hi else None
            rhi = 1 / best.ratio_lo if best.ratio_lo else None
        ga, gb = result.group(a), result.group(b)
        j = result.feature_index(f)
        sa = f"{fmt_value(f, va, lang)} [{fmt_value(f, ga.lo[j], lang)}–{fmt_value(f, ga.hi[j], lang)}]"
        sb = f"{fmt_value(f, vb, lang)} [{fmt_value(f, gb.lo[j], lang)}–{fmt_value(f, gb.hi[j], lang)}]"
        unit = unit_of(f, lang)
        fr = lang == "fr"
        noun = feature_noun(f, lang)
        details = []
        vs = "contre" if fr else "vs"
        ci = "IC\u00a095\u202f%" if fr else "95% CI"
        if f.endswith("_share"):
            cap = noun[:1].upper() + noun[1:]
            pts = fmt_number(100 * abs(va - vb), lang, 0)
            head = (f"{cap} atteint {fmt_value(f, va, lang)} chez {a} contre {fmt_value(f, vb, lang)} chez {b}" if fr else
                    f"{cap} is {fmt_value(f, va, lang)} in {a} against {fmt_value(f, vb, lang)} in {b}")
            details.append(f"écart de {pts} points" if fr else f"{pts} points apart")
            details.append(f"{ci} {sa} {vs} {sb}")
        elif vb > 0 and ratio:
            r = fmt_number(ratio, lang, 1)
            head = (f"{a} emploie {noun} {r} fois plus souvent que {b}" if fr else
                    f"{a} uses {noun} {r} times as often as {b}")
            details.append(f"{fmt_value(f, va, lang)} {vs} {fmt_value(f, vb, lang)} {unit}")
            if rlo is not None and rhi is not None:
                details.append(f"{ci} {'du rapport' if fr else 'of the ratio'} "
                               f"{fmt_number(rlo, lang, 1)}–{fmt_number(rhi, lang, 1)}")
            else:
                details.append(f"{ci} {sa} {vs} {sb}")
        else:
            head = (f"{a} emploie {noun} ({fmt_value(f, va, lang)} {unit}), {b} jamais" if fr else
                    f"{a} uses {noun} ({fmt_value(f, va, lang)} {unit}); {b} never does")
            details.append(f"{ci} {fmt_value(f, ga.lo[j], lang)}–{fmt_value(f, ga.hi[j], lang)}")
        if _tested(best, result):
            details.append(f"{'test de permutation' if fr else 'permutation'} p = {fmt_p(best.p, lang)}, "
                           f"{'ajusté (Holm)' if fr else 'Holm-adjusted'} p = {fmt_p(best.p_holm, lang)}")
            if best.g is not None:
                details.append(f"g = {fmt_number(abs(best.g), lang, 2)}")
        else:
            if _separated(best, result):
                details.append("intervalles disjoints" if fr else "intervals do not overlap")
            details.append(t("no_test", lang))
        if (ga.n == 1) != (gb.n == 1):
            details.append("l'un des groupes n'a qu'un document" if fr else "one group has a single document")
        sentence = head + " (" + (" ; " if fr else "; ").join(details) + ")."
        out.append({"text": sentence, "feature": f, "a": a, "b": b,
                    "solid": _tested(best, result) and best.p_holm is not None and best.p_holm < 0.05,
                    "order": _rank(best, result)})
    out.sort(key=lambda d: d["order"])
    return out[:MAX_KEY_SENTENCES]


# --- tables ------------------------------------------------------------------

def feature_rows(result, lang: str) -> list[dict[str, Any]]:
    """One row per varying feature: label, unit, and each group's mean with its interval."""
    varying = set(result.varying())
    head = [f for f in result.headline() if f in varying]
    rest = [f for f in result.features if f in varying and f not in head]
    rows = []
    for f in head + rest:
        j = result.feature_index(f)
        unit = "" if f.endswith("_share") or f.startswith("n_") else unit_of(f, lang)  # the label says it
        rows.append({"feature": f, "label": feature_label(f, lang), "unit": unit,
                     "headline": f in head,
                     "cells": [{"mean": fmt_value(f, g.mean[j], lang), "lo": fmt_value(f, g.lo[j], lang),
                                "hi": fmt_value(f, g.hi[j], lang), "raw": float(g.mean[j]),
                                "one": g.n == 1} for g in result.groups]})
    return rows


def pair_rows(result, lang: str) -> list[dict[str, Any]]:
    tested = [p for p in result.pairs if _tested(p, result)]
    tested.sort(key=lambda p: (p.family != "headline", p.p_holm if p.p_holm is not None else 1.0,
                               p.p if p.p is not None else 1.0, -_effect(p)))
    rows = []
    for p in tested[:MAX_PAIR_ROWS]:
        rows.append({"feature": feature_label(p.feature, lang), "a": p.a, "b": p.b,
                     "mean_a": fmt_value(p.feature, p.mean_a, lang), "mean_b": fmt_value(p.feature, p.mean_b, lang),
                     "diff": ("+" if p.diff > 0 else "") + (fmt_number(100 * p.diff, lang, 0) + " pts" if p.feature.endswith("_share")
                                                            else fmt_number(p.diff, lang, 2)),
                     "ratio": fmt_number(p.ratio, lang, 2) if p.ratio else "—",
                     "g": fmt_number(p.g, lang, 2) if p.g is not None else "—",
                     "p": fmt_p(p.p, lang), "p_holm": fmt_p(p.p_holm, lang),
                     "solid": p.p_holm is not None and p.p_holm < 0.05,
                     "family": t("headline" if p.family == "headline" else "other", lang),
                     "exact": p.exact})
    return rows


def _share_table(result, pattern: str, lang: str, skip_empty_docs: bool) -> tuple[list[str], list[str], np.ndarray]:
    rx = re.compile(pattern)
    feats = [f for f in result.features if rx.match(f)]
    if not feats:
        return [], [], np.zeros((0, 0))
    X = result.matrix()
    cols = [result.feature_index(f) for f in feats]
    vals = np.zeros((len(result.groups), len(feats)))
    for gi, g in enumerate(result.groups):
        rows = [i for i, d in enumerate(result.documents) if d.group == g.name]
        sub = X[np.ix_(rows, cols)]
        if skip_empty_docs:
            sub = sub[np.abs(sub).sum(axis=1) > 0]
        if len(sub):
            vals[gi] = sub.mean(axis=0)
    keep = [k for k in range(len(feats)) if np.any(np.abs(vals[:, k]) > 1e-12)]
    names = [rx.match(feats[k]).group(1) for k in keep]
    return [feats[k] for k in keep], names, vals[:, keep]


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


def build_charts(result, lang: str = "fr") -> list[dict[str, Any]]:
    """The report's figures: ``[{"name", "title", "caption", "figure"}]`` (only those with data)."""
    from . import charts

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
        fig = charts.feature_dot_grid(names, dot_feats, [feature_label(f, lang) for f in dot_feats], units,
                                      means, lo, hi, ns, t("chart_dots", lang))
        out.append({"name": "dots", "title": t("chart_dots", lang), "figure": fig, "section": "features"})
    heat = [f for f in result.features if f in varying and heatmap_feature(f)]
    if heat and len(names) >= 2:
        X = result.matrix()
        cols = [result.feature_index(f) for f in heat]
        mu, sd = X[:, cols].mean(axis=0), X[:, cols].std(axis=0)
        Z = np.array([(g.mean[cols] - mu) / np.where(sd > 0, sd, 1) for g in result.groups])
        fig = charts.zscore_heatmap([f"{n} (n={k})" for n, k in zip(names, ns)],
                                    [feature_label(f, lang) for f in heat], Z, t("chart_heatmap", lang),
                                    t("zscore", lang))
        out.append({"name": "heatmap", "title": t("chart_heatmap", lang), "figure": fig, "section": "features"})
    _, camps, shares = _share_table(result, r"^voice_(.+)_share$", lang, skip_empty_docs=True)
    if camps:
        fig = charts.stacked_shares(names, [i18n.camp_label(c, lang) for c in camps], shares,
                                    t("chart_voice", lang), "%")
        out.append({"name": "voice", "title": t("chart_voice", lang), "figure": fig, "section": "voices"})
    _, targets, bal = _share_table(result, r"^stance_balance_(.+)$", lang, skip_empty_docs=False)
    if targets:
        fig = charts.diverging_bars(names, [i18n.camp_label(c, lang) for c in targets], bal,
                                    t("chart_stance", lang),
                                    "critique|favorable" if lang == "fr" else "critical|supportive")
        out.append({"name": "stance", "title": t("chart_stance", lang), "figure": fig, "section": "voices"})
    dates = [_parse_date(d.meta.get("date")) for d in result.documents]
    known = [d for d in dates if d]
    line_feat = dot_feats[0] if dot_feats else None
    if line_feat and len(known) >= 2 and (max(known) - min(known)).days > 1:
        fig = charts.timeline(dates, [d.features.get(line_feat, 0.0) for d in result.documents],
                              [d.group for d in result.documents], names,
                              f"{t('chart_timeline', lang)} : {feature_label(line_feat, lang)}" if lang == "fr"
                              else f"{t('chart_timeline', lang)}: {feature_label(line_feat, lang)}",
                              unit_of(line_feat, lang))
        out.append({"name": "timeline", "title": t("chart_timeline", lang), "figure": fig, "section": "features"})
    if result.pca is not None:
        def axis(c):
            return ", ".join(("+" if w > 0 else "−") + feature_label(f, lang) for f, w in result.pca.top_loadings(c, 2))
        fig = charts.pca_scatter(result.pca.coords, [d.group for d in result.documents], names,
                                 result.pca.explained, [axis(0), axis(1)], t("chart_pca", lang))
        out.append({"name": "pca", "title": t("chart_pca", lang), "figure": fig, "section": "features"})
    return out


# --- rendering -----------------------------------------------------------------

def _md_escape(value: Any) -> Any:
    """Escaping for Markdown output: ``& < >`` become entities (no raw HTML can get through)."""
    if isinstance(value, str):
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


def _env(markdown: bool = False):
    """Jinja2 environment over the package's templates: HTML autoescaped; Markdown with ``& < >`` escaped.

    Every expression of the Markdown template goes through :func:`_md_escape`
    (jinja's ``finalize``), so it is escaped like with autoescape, minus the
    quote entities that would litter the plain text.
    """
    from jinja2 import Environment, PackageLoader, StrictUndefined

    if markdown:
        env = Environment(loader=PackageLoader("framing", "templates"), autoescape=False, finalize=_md_escape,
                          undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    else:
        env = Environment(loader=PackageLoader("framing", "templates"), autoescape=True,
                          undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["mdcell"] = lambda s: str(s).replace("|", "\\|").replace("\n", " ")
    return env


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
                      "anchor": "doc-" + re.sub(r"[^\w-]+", "-", d.id),
                      "measures": [{"label": feature_label(f, lang), "value": fmt_value(f, d.features.get(f, 0.0), lang),
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
    gold = result.gold
    if gold and gold.get("units"):
        weak = sorted((u, v["f1"]) for u, v in gold["units"].items() if v.get("tp", 0) + v.get("fn", 0) > 0 and v["f1"] < 0.8)
        n = gold.get("n_documents", 0)
        if weak:
            lst = ", ".join(f"{u} (F1 {fmt_number(f, lang, 2)})" for u, f in weak)
            out.append((f"Les détecteurs se trompent : sur l'ensemble de référence ({n} articles annotés), F1 < 0,8 pour {lst}. "
                        "Les mesures correspondantes sont à lire comme des indications ; vérifiez les indices dans les fiches." if fr else
                        f"The detectors make errors: on the gold set ({n} annotated articles), F1 < 0.8 for {lst}. Read the matching "
                        "features as indications and check the evidence in the document cards."))
        out.append((f"L'ensemble de référence est petit ({n} articles) et les détecteurs ont été écrits en le connaissant : "
                    "les précisions et rappels mesurés sont incertains et sans doute optimistes pour d'autres textes." if fr else
                    f"The gold set is small ({n} articles) and the detectors were written with it at hand: the measured "
                    "precision and recall are uncertain and probably optimistic for other text."))
    else:
        out.append("Aucune mesure de l'erreur des détecteurs n'est disponible." if fr else "No measurement of the detectors' error is available.")
    warned = [d for d in result.documents if d.warnings]
    if warned:
        out.append((f"{len(warned)} document(s) ont des avertissements (langue, encodage, texte vide) : voir leur fiche." if fr else
                    f"{len(warned)} document(s) have warnings (language, encoding, empty text): see their cards."))
    out.append(("Chaque document pèse autant dans la moyenne de son groupe, quelle que soit sa longueur. Les parts (voix par camp) "
                "sont des moyennes de parts par document ; l'équilibre des positions vaut 0 quand un document ne cite personne au sujet d'un camp." if fr else
                "Every document weighs the same in its group mean, whatever its length. Shares (voice by camp) are means of per-document "
                "shares; stance balance is 0 when a document quotes nobody about a camp."))
    return out


def _methods(result, lang: str) -> dict[str, Any]:
    s = result.settings
    gold = result.gold
    gold_rows = []
    if gold:
        for unit, v in sorted(gold.get("units", {}).items()):
            gold_rows.append({"unit": unit, "n": v.get("tp", 0) + v.get("fn", 0), "p": fmt_number(v["precision"], lang, 2),
                              "r": fmt_number(v["recall"], lang, 2), "f1": fmt_number(v["f1"], lang, 2)})
    attr_rows = []
    if gold:
        for name, v in sorted(gold.get("attributes", {}).items()):
            if v.get("n"):
                attr_rows.append({"attr": name, "n": v["n"], "acc": fmt_number(v["accuracy"], lang, 2)})
    return {"attr_rows": attr_rows, "codebook": [(lab, i18n.span_name(lab, lang), desc[0 if lang == "fr" else 1]) for lab, desc in i18n.CODEBOOK.items()],
            "version": s["version"], "backend": s["backend"], "seed": s["seed"], "n_resamples": s["n_resamples"],
            "n_sentence_resamples": s.get("n_sentence_resamples", s["n_resamples"]),
            "n_permutations": s["n_permutations"], "group_by": s["group_by"], "lexicons": result.lexicons,
            "gold": gold, "gold_rows": gold_rows,
            "gold_origin": None if not gold else gold.get("origin"), "gold_date": None if not gold else gold.get("date"),
            "gold_version": None if not gold else gold.get("version")}


def context(result, lang: str, chart_refs: dict[str, str]) -> dict[str, Any]:
    """Everything the templates show, as display-ready strings (escaped by the templates)."""
    by = result.settings["group_by"]
    by_label = {"outlet": ("média", "outlets")}.get(by, (by, f"{by} groups"))[0 if lang == "fr" else 1]
    return {
        "lang": lang, "t": lambda key_, **kw: t(key_, lang, **kw), "c": " :" if lang == "fr" else ":",
        "title": t("report_title", lang, by=by_label),
        "subtitle": t("report_subtitle", lang, n_docs=len(result.documents), n_groups=len(result.groups),
                      version=result.settings["version"]),
        "groups": [{"name": g.name, "n": g.n, "one": g.n == 1, "method": g.method} for g in result.groups],
        "key_differences": key_differences(result, lang),
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
        "documents": _doc_cards(result, lang),
        "methods": _methods(result, lang), "limitations": _limitations(result, lang),
        "errors": [str(e) for e in result.errors],
        "has_voice": "voice" in chart_refs, "has_stance": "stance" in chart_refs,
        "one_doc_groups": any(g.n == 1 for g in result.groups),
    }


def write_report(result, outdir: str | os.PathLike) -> list[str]:
    """Write ``report.html``, ``report.md`` and its ``chart_*.png`` into ``outdir``; return the file names."""
    from . import charts
    from .output import atomic_write

    outdir = Path(outdir)
    lang = result.settings["lang"]
    figs = build_charts(result, lang)
    files = []
    svgs: dict[str, dict[str, str]] = {}
    pngs: dict[str, dict[str, str]] = {}
    for k, c in enumerate(figs):
        name = f"chart_{k + 1}_{c['name']}.png"
        with atomic_write(outdir / name, "wb") as f:
            f.write(charts.to_png(c["figure"]))
        files.append(name)
        svgs[c["name"]] = {"svg": charts.to_svg(c["figure"], salt=f"c{k}"), "title": c["title"]}
        pngs[c["name"]] = {"file": name, "title": c["title"]}
    env = _env()
    from markupsafe import Markup

    html_refs = {k: {"svg": Markup(v["svg"]), "title": v["title"]} for k, v in svgs.items()}
    html = env.get_template("report.html.j2").render(**context(result, lang, html_refs))
    with atomic_write(outdir / "report.html") as f:
        f.write(html)
    md = _env(markdown=True).get_template("report.md.j2").render(**context(result, lang, pngs))
    with atomic_write(outdir / "report.md") as f:
        f.write(re.sub(r"\n{3,}", "\n\n", md))
    return files + ["report.html", "report.md"]


if __name__ == "__main__":  # python -m framing.report GOLD_DIR: refresh the committed gold scores
    import sys

    print(refresh_gold_scores(sys.argv[1] if len(sys.argv) > 1 else "../shared/gold"))
