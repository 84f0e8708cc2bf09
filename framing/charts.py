"""Charts of the comparative report (matplotlib, non-interactive Agg backend).

Every function takes plain data (names, numbers) and an optional Axes, draws,
and returns the Figure; nothing is ever shown on screen. Two palettes, never
mixed: groups (outlets) take Paul Tol's colour-blind-safe "muted" colours plus
three more, and a different marker shape each, so twelve groups stay distinct
by colour and shape; camps take Tol's "vibrant" colours, one fixed colour per
camp in every chart. Labels (group names, titles) are drawn literally: ``$``
never starts mathtext.
"""
from __future__ import annotations

import contextlib
import io
import logging
import re
import textwrap
import warnings
from typing import Sequence

import matplotlib

matplotlib.use("Agg", force=False)  # never open a window, even if another backend was configured
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

#: Group (outlet) colours: Tol's "muted" scheme (colour-blind safe), then black, grey and
#: a dark yellow; with :data:`MARKERS` every one of the first 12 groups differs in both.
GROUP_COLOURS = ("#332288", "#117733", "#CC6677", "#88CCEE", "#999933", "#AA4499", "#44AA99",
                 "#882255", "#DDCC77", "#000000", "#777777", "#DDAA33")
MARKERS = ("o", "s", "D", "^", "v", "P", "X", "h", "<", ">", "p", "*")
#: Camp colours: Tol's "vibrant" scheme, one fixed colour per camp of the shipped actors file.
CAMP_COLOURS = {"russia": "#CC3311", "ukraine": "#0077BB", "north_korea": "#EE3377", "south_korea": "#33BBEE",
                "usa": "#009988", "nato_eu": "#EE7733", "expert": "#AA7744", "media": "#555555"}
#: Camp colours for camps the shipped file does not know, in order of appearance.
OTHER_CAMP_COLOURS = ("#004488", "#997700", "#994455", "#6699CC", "#EECC66", "#EE99AA")
#: A light neutral grey for "other / unknown" categories.
GREY = "#BBBBBB"
#: Okabe & Ito (2008), kept for callers of earlier versions.
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")

plt.rcParams.update({
    "font.size": 10, "axes.titlesize": 11, "axes.titleweight": "bold", "axes.spines.top": False,
    "axes.spines.right": False, "axes.grid": False, "svg.fonttype": "none", "figure.dpi": 100,
    "font.family": "DejaVu Sans",
    "text.parse_math": False,  # a group called "costs $10 and $20" is text, not math
})
# font-fallback chatter would print file paths on stderr (one line per problem, issue 21)
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)


def group_style(i: int) -> tuple[str, str]:
    """(colour, marker) of the ``i``-th group: both differ for the first 12, the pair up to 144."""
    k = len(GROUP_COLOURS)
    return GROUP_COLOURS[i % k], MARKERS[(i + i // k) % len(MARKERS)]


def camp_colours(camps: Sequence[str]) -> list[str]:
    """A colour per camp key (``russia``, ``unknown``…): fixed for known camps, grey for unknown/other."""
    out, extra = [], 0
    for c in camps:
        if c in ("unknown", "other"):
            out.append("#DDDDDD" if c == "unknown" else "#999999")
        elif c in CAMP_COLOURS:
            out.append(CAMP_COLOURS[c])
        else:
            out.append(OTHER_CAMP_COLOURS[extra % len(OTHER_CAMP_COLOURS)])
            extra += 1
    return out


def _dark(colour: str) -> bool:
    """True when white text reads better than black on ``colour``."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b < 140


def wrap(label: str, width: int = 24) -> str:
    """``label`` broken into lines of at most ``width`` characters (its own line breaks kept)."""
    lines = [ln for part in str(label).split("\n") for ln in (textwrap.wrap(part, width, break_long_words=False) or [part])]
    return "\n".join(lines) or str(label)


def _axes(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


def feature_dots(groups: Sequence[str], means: Sequence[float], lo: Sequence[float], hi: Sequence[float],
                 ns: Sequence[int], title: str, xlabel: str = "", ax: Axes | None = None,
                 percent: bool = False) -> Figure:
    """One feature: each group's mean (dot) and 95 % interval (line); one-document groups as open circles."""
    fig, ax = _axes(ax, (5, 0.45 * len(groups) + 1.2))
    scale = 100.0 if percent else 1.0
    y = np.arange(len(groups))[::-1]
    for i, (g, m, a, b, n) in enumerate(zip(groups, means, lo, hi, ns)):
        colour, marker = group_style(i)
        if m is None or np.isnan(m):  # undefined in every document of the group
            ax.text(0, y[i], "—", va="center", color="#999999")
            continue
        ax.plot([a * scale, b * scale], [y[i], y[i]], color=colour, lw=2.2, solid_capstyle="round", alpha=0.8)
        ax.plot([m * scale], [y[i]], marker=marker, ms=7, color=colour,
                markerfacecolor="white" if n < 2 else colour, markeredgewidth=1.8, linestyle="none")
    ax.set_yticks(y, [f"{wrap(g, 22)} (n={n})" for g, n in zip(groups, ns)], fontsize=8.5)
    ax.set_ylim(-0.6, len(groups) - 0.4)
    ax.set_title(wrap(title, 48), loc="left", fontsize=10)
    ax.set_xlabel(xlabel, fontsize=8.5)
    lo_ok, hi_ok = np.asarray(lo, dtype=float), np.asarray(hi, dtype=float)
    lo_ok, hi_ok = lo_ok[~np.isnan(lo_ok)], hi_ok[~np.isnan(hi_ok)]
    left = min(0.0, float(np.min(lo_ok * scale)) if len(lo_ok) else 0.0)
    right = max(float(np.max(hi_ok * scale)) if len(hi_ok) else 1.0, left + 1e-9)
    pad = 0.03 * (right - left)
    ax.set_xlim(left - pad, right + pad)  # markers at zero stay whole
    ax.grid(axis="x", color="#e5e5e5", lw=0.8)
    ax.set_axisbelow(True)
    return fig


def feature_dot_grid(groups: Sequence[str], features: Sequence[str], labels: Sequence[str],
                     units: Sequence[str], means: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                     ns: Sequence[int], title: str, ncols: int = 2, fig: Figure | None = None,
                     notes: Sequence[str | None] | None = None) -> Figure:
    """Small multiples of :func:`feature_dots`, one panel per feature (columns of ``means``).

    ``notes[j]``, when given, marks panel ``j`` as fragile: the note is printed
    under its title in dark orange and the panel gets a hatched background.
    """
    k = len(features)
    ncols = max(1, min(ncols, k))
    nrows = max(1, -(-k // ncols))
    height = nrows * (0.32 * len(groups) + 1.3) + 0.6
    fig = fig or Figure(figsize=(5.2 * ncols, height), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False)
    for j, f in enumerate(features):
        ax = axes[j // ncols][j % ncols]
        note = notes[j] if notes else None
        feature_dots(groups, means[:, j], lo[:, j], hi[:, j], ns, labels[j], units[j], ax=ax,
                     percent=f.endswith("_share"))
        if note:
            ax.set_title(wrap(labels[j], 48) + "\n" + wrap(note, 60), loc="left", fontsize=10, color="#8a3b00")
            ax.set_facecolor("#fff6e8")
            ax.patch.set_hatch("////")
            ax.patch.set_edgecolor("#f3dcc0")
        if j % ncols:
            ax.set_yticklabels([])
    for j in range(k, nrows * ncols):
        axes[j // ncols][j % ncols].set_visible(False)
    fig.suptitle(title, fontsize=12, fontweight="bold", x=0.01, ha="left")
    return fig


def zscore_heatmap(groups: Sequence[str], labels: Sequence[str], Z: np.ndarray, title: str,
                   colorbar_label: str = "z", ax: Axes | None = None) -> Figure:
    """Features (rows) × groups (columns), each cell the group mean as a z-score of the documents."""
    Z = np.asarray(Z, dtype=float)
    fig, ax = _axes(ax, (1.2 * len(groups) + 5.5, 0.32 * len(labels) + 2.0))
    lim = max(1.0, float(np.nanmax(np.abs(Z))) if Z.size else 1.0)
    im = ax.imshow(Z.T, cmap="PuOr_r", vmin=-lim, vmax=lim, aspect="auto")
    ax.set_xticks(range(len(groups)), [wrap(g, 14) for g in groups], fontsize=8.5)
    ax.set_yticks(range(len(labels)), labels, fontsize=8.5)
    ax.tick_params(axis="x", labelbottom=False, labeltop=True, bottom=False, top=False)
    for (j, i), v in np.ndenumerate(Z.T):
        if np.isnan(v):  # undefined in every document of the group
            ax.text(i, j, "—", ha="center", va="center", fontsize=7.5, color="#999999")
        else:
            label = "0.0" if abs(v) < 0.05 else f"{v:+.1f}".replace("-", "−")
            ax.text(i, j, label, ha="center", va="center", fontsize=7.5,
                    color="white" if abs(v) > 0.6 * lim else "#222222")
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    fig.colorbar(im, ax=ax, shrink=min(0.6, 8.0 / max(1, len(labels)) + 0.2), fraction=0.08, pad=0.03,
                 label=colorbar_label)
    fig.suptitle(wrap(title, 70), x=0.01, ha="left", fontsize=11, fontweight="bold")
    return fig


def stacked_shares(groups: Sequence[str], categories: Sequence[str], shares: np.ndarray, title: str,
                   xlabel: str = "", ax: Axes | None = None, colours: Sequence[str] | None = None,
                   notes: Sequence[str] | None = None) -> Figure:
    """Horizontal 100 % bars: each group's shares across ``categories`` (columns of ``shares``).

    ``colours``: one per category (camp colours, see :func:`camp_colours`);
    ``notes``: text after each group's label (e.g. how many documents quote anyone).
    """
    shares = np.asarray(shares, dtype=float)
    fig, ax = _axes(ax, (8, 0.5 * len(groups) + 1.8))
    y = np.arange(len(groups))[::-1]
    left = np.zeros(len(groups))
    colours = list(colours) if colours is not None else camp_colours(["x%d" % c for c in range(len(categories))])
    for c, cat in enumerate(categories):
        colour = colours[c]
        vals = np.nan_to_num(shares[:, c]) * 100
        ax.barh(y, vals, left=left, color=colour, edgecolor="white", linewidth=0.6, label=cat, height=0.62)
        for yi, lf, v in zip(y, left, vals):
            if v >= 8:
                ax.text(lf + v / 2, yi, f"{v:.0f}", ha="center", va="center", fontsize=7.5,
                        color="white" if _dark(colour) else "#222")
        left += vals
    labels = [wrap(g, 24) + (f"\n{notes[i]}" if notes and notes[i] else "") for i, g in enumerate(groups)]
    ax.set_yticks(y, labels, fontsize=8.5)
    ax.set_xlim(0, max(100.0, float(left.max()) if len(left) else 100.0))
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16 - 0.02 * len(groups) ** 0.5), ncol=min(5, len(categories)),
              frameon=False, fontsize=8.5)
    ax.set_title(wrap(title, 80), loc="left")
    return fig


def stance_dots(groups: Sequence[str], targets: Sequence[str], means: np.ndarray, lo: np.ndarray,
                hi: np.ndarray, n_quotes: np.ndarray, title: str, ends: tuple[str, str] = ("critical", "supportive"),
                quotes_word: str = "quotes", notes: Sequence[str] | None = None, ncols: int = 3) -> Figure:
    """Stance balance toward each target: one small panel per target, one row per group.

    Each row shows the group's mean balance (dot, −1 critical … +1 supportive),
    its 95 % interval (line) and, at the right edge, how many quotes about that
    target the group holds (``n_quotes``, groups × targets). A group with no
    quote about a target gets "—" on its row, no dot. ``notes``: a warning under
    each panel's title (e.g. the detector's out-of-sample accuracy).
    """
    means, lo, hi = (np.asarray(v, dtype=float) for v in (means, lo, hi))
    n_quotes = np.asarray(n_quotes)
    k = len(targets)
    ncols = max(1, min(ncols, k))
    nrows = -(-k // ncols)
    fig = Figure(figsize=(3.6 * ncols + 1.6, nrows * (0.3 * len(groups) + 1.2) + 0.6), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False)
    y = np.arange(len(groups))[::-1]
    for j, target in enumerate(targets):
        ax = axes[j // ncols][j % ncols]
        for i in range(len(groups)):
            colour, marker = group_style(i)
            if n_quotes[i, j] and not np.isnan(means[i, j]):
                ax.plot([lo[i, j], hi[i, j]], [y[i], y[i]], color=colour, lw=2, alpha=0.8, solid_capstyle="round")
                ax.plot([means[i, j]], [y[i]], marker=marker, color=colour, ms=6.5, linestyle="none")
            else:
                ax.text(0, y[i], "—", ha="center", va="center", color="#999999", fontsize=9)
            ax.text(1.12, y[i], f"{int(n_quotes[i, j])}", ha="left", va="center", fontsize=7.5, color="#555555",
                    clip_on=False)
        ax.axvline(0, color="#333333", lw=0.8)
        ax.set_xlim(-1.08, 1.08)
        ax.set_ylim(-0.6, len(groups) - 0.4)
        ax.set_xticks([-1, 0, 1], [f"−1\n{ends[0]}", "0", f"+1\n{ends[1]}"], fontsize=7.5)
        if j % ncols == 0:
            ax.set_yticks(y, [wrap(g, 22) for g in groups], fontsize=8)
        else:
            ax.set_yticks(y, [])
        head = wrap(target, 30) + (f"\n{notes[j]}" if notes and notes[j] else "")
        ax.set_title(head, loc="left", fontsize=9.5, color="#8a3b00" if notes and notes[j] else "black")
        ax.text(1.12, len(groups) - 0.45, quotes_word, ha="left", va="bottom", fontsize=7, color="#555555", clip_on=False)
        ax.grid(axis="x", color="#e5e5e5", lw=0.8)
        ax.set_axisbelow(True)
    for j in range(k, nrows * ncols):
        axes[j // ncols][j % ncols].set_visible(False)
    fig.suptitle(wrap(title, 90), fontsize=11, fontweight="bold", x=0.01, ha="left")
    return fig


def timeline(dates: Sequence, values: Sequence[float], groups: Sequence[str], group_order: Sequence[str],
             title: str, ylabel: str, ax: Axes | None = None) -> Figure:
    """Documents as points on a date axis, coloured by group."""
    import matplotlib.dates as mdates

    fig, ax = _axes(ax, (8, 3.4))
    for i, name in enumerate(group_order):
        colour, marker = group_style(i)
        pts = [(d, v) for d, v, g in zip(dates, values, groups) if g == name and d is not None]
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker=marker, color=colour, linestyle="none",
                    ms=7, alpha=0.85, label=wrap(name, 30))
    known = [d for d in dates if d is not None]
    span_days = (max(known) - min(known)).days if known else 0
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
    # ISO dates: the same in every language (no month names)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d" if span_days < 90 else "%Y-%m" if span_days < 1500 else "%Y"))
    ax.set_ylabel(wrap(ylabel, 40))
    top = max([v for v in values if v is not None] or [1.0])
    ax.set_ylim(-0.04 * top, 1.08 * top if top > 0 else 1.0)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    ax.set_title(wrap(title, 80), loc="left")
    ax.grid(axis="y", color="#e5e5e5", lw=0.8)
    return fig


def pca_scatter(coords: np.ndarray, groups: Sequence[str], group_order: Sequence[str],
                explained: Sequence[float], axis_labels: Sequence[str], title: str,
                ax: Axes | None = None) -> Figure:
    """Documents on the first two principal components; group centroids as large crosses."""
    coords = np.asarray(coords, dtype=float)
    fig, ax = _axes(ax, (8, 5.6))
    groups = np.asarray(list(groups), dtype=object)
    for i, name in enumerate(group_order):
        colour, marker = group_style(i)
        pts = coords[groups == name]
        if not len(pts):
            continue
        ax.scatter(pts[:, 0], pts[:, 1], color=colour, marker=marker, s=70, alpha=0.85,
                   edgecolor="white", linewidth=0.6, label=wrap(f"{name} (n={len(pts)})", 30))
        if len(pts) > 1:
            c = pts.mean(axis=0)
            ax.scatter([c[0]], [c[1]], color=colour, marker="X", s=170, edgecolor="black", linewidth=0.8, zorder=5)
    ax.axhline(0, color="#dddddd", lw=0.8, zorder=0)
    ax.axvline(0, color="#dddddd", lw=0.8, zorder=0)
    ax.set_xlabel(wrap(f"PC1 ({100 * explained[0]:.0f} %) — {axis_labels[0]}", 90), fontsize=8.5)
    ax.set_ylabel(wrap(f"PC2 ({100 * explained[1]:.0f} %) — {axis_labels[1]}", 60), fontsize=8.5)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    ax.set_title(wrap(title, 80), loc="left")
    return fig


# --- export ------------------------------------------------------------------

@contextlib.contextmanager
def _quiet():
    """Drawing warnings (missing glyphs, layout) stay off stderr: they name font files, not problems of the run."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def to_png(fig: Figure, dpi: int = 110) -> bytes:
    """PNG bytes of ``fig`` (no timestamp metadata, so output is reproducible)."""
    buf = io.BytesIO()
    with _quiet():
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None}, bbox_inches="tight")
    return buf.getvalue()


def to_svg(fig: Figure, salt: str = "framing") -> str:
    """Inline SVG markup of ``fig`` (no XML prolog, no date, ids salted to stay unique in one page)."""
    buf = io.StringIO()
    with plt.rc_context({"svg.hashsalt": salt}), _quiet():
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    svg = buf.getvalue()
    svg = svg[svg.find("<svg"):]
    return re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)
