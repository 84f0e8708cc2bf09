"""The teaching view: an article with every cue highlighted and explained (``framing show``).

One self-contained HTML page (inline CSS, no script): the text with each
evidence span marked by label and type, nested spans properly nested (a span
crossing another is split into pieces), a plain-language explanation on hover
and on keyboard focus (each highlight is reachable with Tab), a legend, a
summary of the document's measures, and excluded page cruft greyed out. Every
highlight is numbered and its explanation (with speaker, camp and stance) is
listed as a numbered note: on screen in a collapsible list, on paper always
(a print stylesheet replaces the hover help). Two or more articles are shown
side by side, after a table of how they differ. Metadata is isolated
(``<bdi>``, bidi controls removed) so a title cannot reverse the page's text.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from markupsafe import Markup, escape

from . import i18n
from .analysis import DocumentAnalysis, analyze_raw, failure_message
from .ingest import InputError, iter_documents
from .resources import default_config
from .spans import Span

#: Kinds of highlight, in legend order, with their CSS class.
KINDS = ("HEDGE:cond", "HEDGE:source", "HEDGE:epistemic", "HEDGE:approx", "HEDGE:scare", "BOOST", "LOADED",
         "ATTR", "QUOTE", "IQUOTE")
#: Measures of the summary panel (shown when the document has them).
SUMMARY = ("hedge_per_1k", "hedge_cond_reportive_per_1k", "hedge_cond_hypothetical_per_1k", "hedge_source_per_1k",
           "hedge_epistemic_per_1k", "hedge_approx_per_1k", "hedge_scare_per_1k", "hedge_sentence_share",
           "boost_per_1k", "loaded_own_per_1k", "loaded_quoted_per_1k", "attr_per_100_sentences",
           "attr_anonymous_share", "quote_per_1k", "iquote_per_1k", "quoted_word_share", "n_speakers",
           "n_camps_quoted")
#: Outer spans first when two start at the same place and have the same end.
_LABEL_ORDER = {"QUOTE": 0, "IQUOTE": 1, "ATTR": 2, "HEDGE": 3, "BOOST": 4, "LOADED": 5}


def css_class(span: Span) -> str:
    """``k-hedge-cond``, ``k-loaded``… (from the span's key)."""
    return "k-" + span.key.lower().replace(":", "-")


def render_marked_text(text: str, spans: Sequence[Span], excluded: Sequence[tuple[int, int]] = (),
                       lang: str = "fr", id_prefix: str = "s", notes: list[dict[str, Any]] | None = None) -> Markup:
    """HTML of ``text`` with ``spans`` as nested ``<mark>`` elements and excluded regions greyed.

    Boundaries of all spans cut the text into segments; for each segment the
    covering spans (outermost first) are the open elements. Moving to the next
    segment closes elements down to the common prefix and opens the rest, so
    the markup always nests properly; a span crossing another becomes several
    pieces, only the first focusable. Every piece carries the explanation in
    ``title`` and ``data-tip``; the first piece of each span carries its note
    number (shown on paper), and ``notes``, when given, receives one
    ``{"n", "id", "text", "tip", "cls"}`` per span in reading order. All text
    is HTML-escaped.
    """
    items: list[tuple[int, int, int, str, dict[str, Any]]] = []  # start, end, order, kind, info
    for k, sp in enumerate(spans):
        if sp.end <= sp.start or sp.start < 0 or sp.end > len(text):
            continue
        items.append((sp.start, sp.end, _LABEL_ORDER.get(sp.label, 9),
                      "span", {"id": f"{id_prefix}{k}", "cls": css_class(sp),
                               "tip": i18n.explain_span(sp.label, sp.attrs, lang)}))
    for a, b in excluded:
        a, b = max(0, a), min(len(text), b)
        if b > a:
            items.append((a, b, -1, "cruft", {"id": f"{id_prefix}x{a}", "tip": i18n.text("excluded", lang)}))
    # static order: outer (earlier start, later end) first
    items.sort(key=lambda it: (it[0], -it[1], it[2]))
    rank = {id(it): r for r, it in enumerate(items)}
    number = {}
    for it in items:  # notes in reading order
        if it[3] == "span":
            number[it[4]["id"]] = len(number) + 1
            if notes is not None:
                notes.append({"n": len(number), "id": it[4]["id"], "text": " ".join(text[it[0]:it[1]].split()),
                              "tip": it[4]["tip"], "cls": it[4]["cls"]})
    bounds = sorted({0, len(text), *(it[0] for it in items), *(it[1] for it in items)})
    out: list[str] = []
    stack: list[tuple] = []
    opened: set[str] = set()
    for lo, hi in zip(bounds, bounds[1:]):
        cover = [it for it in items if it[0] <= lo and it[1] >= hi]
        cover.sort(key=lambda it: rank[id(it)])
        common = 0
        while common < len(stack) and common < len(cover) and stack[common] is cover[common]:
            common += 1
        for it in reversed(stack[common:]):
            out.append("</span>" if it[3] == "cruft" else "</mark>")
        stack = stack[:common]
        for it in cover[common:]:
            info = it[4]
            tip = escape(info["tip"])
            if it[3] == "cruft":
                out.append(f'<span class="cruft" title="{tip}">')
            else:
                first = info["id"] not in opened
                opened.add(info["id"])
                attrs = f' tabindex="0" id="{info["id"]}"' if first else ""
                cls = info["cls"] + ("" if first else " cont")
                out.append(f'<mark class="sp {cls}"{attrs} title="{tip}" data-tip="{tip}">')
                if first:
                    out.append(f'<sup class="fn" aria-hidden="true">[{number[info["id"]]}]</sup>')
            stack.append(it)
        out.append(str(escape(text[lo:hi])))
    for it in reversed(stack):
        out.append("</span>" if it[3] == "cruft" else "</mark>")
    return Markup("".join(out))


@dataclass
class ShowRun:
    """What ``framing show`` did."""

    n_documents: int = 0
    errors: list[InputError] = field(default_factory=list)


def document_panel(analysis: DocumentAnalysis, lang: str = "fr", index: int = 0) -> dict[str, Any]:
    """Display data of one document for the template (HTML already escaped where marked up)."""
    counts: dict[str, int] = {}
    for s in analysis.spans:
        counts[s.key] = counts.get(s.key, 0) + 1
    summary = [{"label": i18n.feature_label(f, lang), "value": i18n.fmt_value(f, analysis.features[f], lang),
                "unit": i18n.unit_of(f, lang) if not f.endswith("_share") else ""}
               for f in SUMMARY if f in analysis.features]
    notes: list[dict[str, Any]] = []
    html = render_marked_text(analysis.text, analysis.spans, analysis.excluded, lang, id_prefix=f"d{index}s",
                              notes=notes)
    return {"id": analysis.id, "title": analysis.meta.get("title") or analysis.id, "notes": notes,
            "outlet": analysis.meta.get("outlet") or "", "date": analysis.meta.get("date") or "",
            "n_words": i18n.fmt_number(analysis.n_words, lang, 0), "n_sentences": analysis.n_sentences,
            "warnings": list(analysis.warnings),
            "html": html,
            "summary": summary,
            "counts": [{"key": k, "name": i18n.span_name(k, lang), "n": counts[k], "cls": "k-" + k.lower().replace(":", "-")}
                       for k in KINDS if k in counts]
                      + [{"key": k, "name": k, "n": n, "cls": ""} for k, n in counts.items() if k not in KINDS]}


def legend(lang: str = "fr") -> list[dict[str, str]]:
    """Every kind of highlight with its name and a short explanation."""
    out = []
    for k in KINDS:
        label, _, typ = k.partition(":")
        out.append({"key": k, "cls": "k-" + k.lower().replace(":", "-"), "name": i18n.span_name(k, lang),
                    "why": i18n.explain_span(label, {"type": typ} if typ else {}, lang)})
    return out


def differences(analyses: Sequence[DocumentAnalysis], lang: str = "fr", limit: int = 6) -> dict[str, Any]:
    """How side-by-side articles differ: a row per summary measure and sentences on the largest gaps.

    Each row gives every article's value and, for two articles, the ratio (or
    the gap in points for shares); rows are ordered by how far apart the
    articles are. A sentence names the detector's out-of-sample score and says
    "fragile" below :data:`framing.report.FRAGILE` (scores recorded in the package).
    """
    from .report import measure_quality, recorded_gold_scores

    gold = recorded_gold_scores()
    fr = lang == "fr"
    rows = []
    for f in SUMMARY:
        vals = [a.features.get(f) for a in analyses]
        if any(v is None or v != v for v in vals) or max(vals) == min(vals):
            continue
        hi, lo = max(vals), min(vals)
        if f.endswith("_share"):
            gap, size = i18n.fmt_number(100 * (hi - lo), lang, 0) + " pts", (hi - lo) * 10
        elif lo > 0:
            gap, size = "×" + i18n.fmt_number(hi / lo, lang, 1), math.log(hi / lo)
        else:
            gap, size = ("aucun dans l'un" if fr else "none in one"), 3.0
        q = measure_quality(f, gold, lang)
        rows.append({"feature": f, "label": i18n.feature_label(f, lang), "size": size, "gap": gap,
                     "cells": [i18n.fmt_value(f, v, lang) for v in vals],
                     "unit": "" if f.endswith("_share") or f.startswith("n_") else i18n.unit_of(f, lang),
                     "quality": "—" if not q else i18n.fmt_number(q["value"], lang, 2),
                     "fragile": bool(q and q["fragile"]), "quality_text": q["text"] if q else ""})
    rows.sort(key=lambda r: -r["size"])
    titles = [a.meta.get("title") or a.id for a in analyses]
    sentences = []
    for r in rows[:limit]:
        vals = [a.features[r["feature"]] for a in analyses]
        k_hi, k_lo = vals.index(max(vals)), vals.index(min(vals))
        s = (f"{r['label']} : {r['cells'][k_hi]} dans « {titles[k_hi]} » contre {r['cells'][k_lo]} dans « {titles[k_lo]} » ({r['gap']})"
             if fr else f"{r['label']}: {r['cells'][k_hi]} in “{titles[k_hi]}” against {r['cells'][k_lo]} in “{titles[k_lo]}” ({r['gap']})")
        sentences.append({"text": s + (f" ; {r['quality_text']}." if fr else f"; {r['quality_text']}.") if r["quality_text"] else s + ".",
                          "fragile": r["fragile"]})
    return {"rows": rows, "sentences": sentences}


def render_page(analyses: Sequence[DocumentAnalysis], lang: str = "fr") -> str:
    """The self-contained teaching page for one or more analysed documents."""
    from .report import strip_bidi, template_environment, without_overrides

    panels = [document_panel(a, lang, i) for i, a in enumerate(analyses)]
    title = i18n.text("show_title", lang) + " — " + " | ".join(strip_bidi(p["title"]) for p in panels)
    from . import __version__

    return without_overrides(template_environment().get_template("show.html.j2").render(
        lang=lang, title=title, panels=panels, legend=legend(lang), version=__version__,
        compare=differences(analyses, lang) if len(analyses) > 1 else None,
        t=lambda key_, **kw: i18n.text(key_, lang, **kw)))


def show_paths(inputs: Sequence[str | os.PathLike], output: str | os.PathLike, *, lang: str = "fr",
               backend: str = "builtin", lexicon_dirs: Sequence[str] = (), actors: str | None = None,
               on_error: Callable[[InputError], None] | None = None, max_documents: int = 6) -> ShowRun:
    """Analyse the documents of ``inputs`` and write the teaching page to ``output`` (atomically).

    Parameters
    ----------
    inputs : sequence of paths
        One article, or two (or a few) to put side by side; any input ``framing score`` reads.
    output : path
        The HTML file to write.
    lang : {"fr", "en"}
        Language of explanations and labels.
    max_documents : int, default 6
        Documents beyond this are skipped with an error (a page is for reading, not a corpus).

    Returns
    -------
    ShowRun
        Documents shown and input errors.

    Raises
    ------
    framing.files.OutputRefused
        When ``output`` is one of the inputs or lies inside an input folder.
    """
    from .files import atomic_write, check_output_file

    check_output_file(output, inputs)  # the page must not replace an article (OutputRefused)
    run = ShowRun()

    def fail(err: InputError) -> None:
        run.errors.append(err)
        if on_error:
            on_error(err)

    config = default_config(lexicon_dirs, actors, backend)
    analyses = []
    for raw in iter_documents(inputs, on_error=fail):
        if len(analyses) >= max_documents:
            fail(InputError(raw.source, f"not shown: at most {max_documents} documents per page"))
            continue
        try:
            analyses.append(analyze_raw(raw, config))
        except Exception as e:
            fail(InputError(raw.source, failure_message(e)))
    run.n_documents = len(analyses)
    if analyses:
        html = render_page(analyses, lang)
        with atomic_write(Path(output)) as f:
            f.write(html)
    return run
