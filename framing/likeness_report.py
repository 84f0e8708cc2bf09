"""The report's "like with like" section: stories, copies, foreign words, adjustment and mix warnings.

Display strings only, from the numbers :mod:`framing.adjust` computed
(``result.likeness``); the templates ``likeness.html.j2`` and
``likeness.md.j2`` render them, and ``likeness_methods.*.j2`` states the
adjustment in the methods section.
"""
from __future__ import annotations

from typing import Any

from .i18n import feature_label, fmt_number, fmt_p, fmt_value

MAX_COPY_ROWS = 30


def _pct(x: float, lang: str) -> str:
    return fmt_number(100 * x, lang, 0) + ("\u00a0%" if lang == "fr" else "%")


def _p(p: float, lang: str) -> str:
    text = fmt_p(p, lang)
    return text if text.startswith("<") else "= " + text


def _mix_sentence(m: dict[str, Any], lang: str) -> str:
    fr = lang == "fr"
    key = m["key"]
    if fr:
        return (f"Les groupes ne se répartissent pas de la même façon selon « {key} » : « {m['stratum']} » fait "
                f"{_pct(m['share_a'], lang)} des documents de {m['a']} contre {_pct(m['share_b'], lang)} chez {m['b']} "
                f"(distance de variation totale {fmt_number(m['tvd'], lang, 2)} sur 1 ; V de Cramér "
                f"{fmt_number(m['cramers_v'], lang, 2)} ; χ² p {_p(m['p'], lang)}). Un écart entre groupes peut venir "
                f"de ce mélange de sujets plutôt que du cadrage : relancez avec --within {key} pour comparer "
                f"à l'intérieur de chaque « {key} ».")
    return (f"The groups are spread differently over “{key}”: “{m['stratum']}” is {_pct(m['share_a'], lang)} of "
            f"{m['a']}'s documents against {_pct(m['share_b'], lang)} of {m['b']}'s (total variation distance "
            f"{fmt_number(m['tvd'], lang, 2)} out of 1; Cramér's V {fmt_number(m['cramers_v'], lang, 2)}; χ² p = "
            f"{_p(m['p'], lang)}). A gap between groups may come from this mix of topics rather than from framing: "
            f"re-run with --within {key} to compare within each “{key}”.")


def _story_sentence(share: float, n_groups: int, lang: str) -> str | None:
    if n_groups < 2 or share >= 0.5:
        return None
    if lang == "fr":
        return (f"Seuls {_pct(share, lang)} des documents appartiennent à une histoire (même événement) que plusieurs "
                "groupes couvrent : les groupes parlent surtout d'événements différents. --within story les compare "
                "sur les seules histoires qu'ils partagent.")
    return (f"Only {_pct(share, lang)} of the documents belong to a story (same event) that several groups cover: the "
            "groups mostly report different events. --within story compares them on the stories they share only.")


def _adjusted_text(like, lang: str) -> str | None:
    if not like.within:
        return None
    n = len(set(like.strata.values()))
    key = like.within
    if lang == "fr":
        return (f"Comparaison ajustée sur « {key} » ({n} strates) : la moyenne d'un groupe pondère ses moyennes par strate "
                "par la part de chaque strate dans l'ensemble des documents (standardisation directe) ; son intervalle "
                "rééchantillonne les documents à l'intérieur de chaque strate ; chaque paire de groupes est testée sur les "
                "strates qu'elle couvre toutes deux, en permutant les étiquettes seulement à l'intérieur d'une strate, si "
                "bien qu'une différence de mélange de strates ne peut pas rendre un écart significatif ; g de Hedges "
                "calculé sur les écarts à la moyenne de la strate.")
    return (f"Comparison adjusted for “{key}” ({n} strata): a group's mean weights its per-stratum means by each "
            "stratum's share of all documents (direct standardisation); its interval resamples documents within each "
            "stratum; each pair of groups is tested over the strata both cover, relabelling documents only within a "
            "stratum, so a different mix of strata cannot make a gap significant; Hedges' g uses deviations from the "
            "stratum mean.")


def likeness_context(result, lang: str) -> dict[str, Any] | None:
    """Display data of the section (None when the comparison has no likeness data)."""
    like = getattr(result, "likeness", None)
    if like is None:
        return None
    fr = lang == "fr"
    warnings = [_mix_sentence(m, lang) for m in like.mix]
    story_note = None if like.within else _story_sentence(like.shared_story_share, len(result.groups), lang)
    stories = []
    for s in like.story_table:
        rows = [{"label": feature_label(f, lang),
                 "cells": ["—" if g["values"].get(f) is None else fmt_value(f, g["values"][f], lang) for g in s["groups"]]}
                for f in s["features"]]
        stories.append({"id": s["id"], "label": s["label"], "dates": " – ".join(x for x in (s["first"], s["last"]) if x),
                        "heads": [f"{g['group']} (n={g['n']})" for g in s["groups"]], "rows": rows})
    copies = [{"a": p.id_a, "b": p.id_b, "kind": {"identical": "identique", "near-copy": "quasi-copie",
                                                   "rewrite": "réécriture"}[p.kind] if fr else p.kind,
               "similarity": fmt_number(p.similarity, lang, 2)} for p in like.copies[:MAX_COPY_ROWS]]
    foreign = [{"id": f["id"], "group": f["group"], "n": f["n_distinct"], "rate": fmt_number(f["per_1k"], lang, 1),
                "words": ", ".join(f["words"]), "evidence": f["evidence"]} for f in like.foreign]
    s = like.stories
    return {
        "adjusted": _adjusted_text(like, lang), "warnings": warnings, "story_note": story_note,
        "stories": stories, "n_stories": len(s.stories), "n_multi": len(s.multi()),
        "story_settings": (f"TF-IDF (lemmes de mots pleins et noms), cosinus, liaison moyenne ≥ {fmt_number(s.threshold, lang, 2)}, "
                           f"fenêtre de {fmt_number(s.window_days, lang, 0)} jours" if fr else
                           f"TF-IDF (content-word lemmas and names), cosine, average linkage ≥ {fmt_number(s.threshold, lang, 2)}, "
                           f"{fmt_number(s.window_days, lang, 0)}-day window"),
        "copies": copies, "n_copies": len(like.copies), "more_copies": max(0, len(like.copies) - MAX_COPY_ROWS),
        "dropped": len(like.dropped), "dedupe": bool(result.settings.get("dedupe")),
        "foreign": foreign,
    }
