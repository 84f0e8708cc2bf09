"""Charts of the comparative report (matplotlib, non-interactive Agg backend).

Every function takes plain data (names, numbers) and an optional Axes, draws,
and returns the Figure; nothing is ever shown on screen. Colours follow the
Okabe–Ito palette, which stays distinguishable under the common forms of
colour blindness; groups also differ by marker shape beyond seven groups.
"""
from __future__ import annotations

import io
import re
import textwrap
from typing import Sequence

import matplotlib

matplotlib.use("Agg", force=False)  # never open a window, even if another backend was configured
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

#: Okabe & Ito (2008), yellow last (low contrast on white).
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
#: Group colours: Okabe–Ito without the yellow, too pale for dots and lines on white.
GROUP_COLOURS = OKABE_ITO[:7]
MARKERS = ("o", "s", "D", "^", "v", "P", "X", "h")
#: A light neutral grey for "other / unknown" categories.
GREY = "#BBBBBB"

plt.rcParams.update({
    "font.size": 10, "axes.titlesize": 11, "axes.titleweight": "bold", "axes.spines.top": False,
    "axes.spines.right": False, "axes.grid": False, "svg.fonttype": "none", "figure.dpi": 100,
    "font.family": "DejaVu Sans",
})


def group_style(i: int) -> tuple[str, str]:
    """(colour, marker) of the ``i``-th group."""
    return GROUP_COLOURS[i % len(GROUP_COLOURS)], MARKERS[(i // len(GROUP_COLOURS)) % len(MARKERS)]


def wrap(label: str, width: int = 24) -> str:
    return "\n".join(textwrap.wrap(str(label), width, break_long_words=False)) or str(label)


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
        ax.plot([a * scale, b * scale], [y[i], y[i]], color=colour, lw=2.2, solid_capstyle="round", alpha=0.8)
        ax.plot([m * scale], [y[i]], marker=marker, ms=7, color=colour,
                markerfacecolor="white" if n < 2 else colour, markeredgewidth=1.8, linestyle="none")
    ax.set_yticks(y, [f"{wrap(g, 22)} (n={n})" for g, n in zip(groups, ns)], fontsize=8.5)
    ax.set_ylim(-0.6, len(groups) - 0.4)
    ax.set_title(wrap(title, 48), loc="left", fontsize=10)
    ax.set_xlabel(xlabel, fontsize=8.5)
    left = min(0.0, float(np.min(np.asarray(lo) * scale)) if len(lo) else 0.0)
    right = max(float(np.max(np.asarray(hi) * scale)) if len(hi) else 1.0, left + 1e-9)
    pad = 0.03 * (right - left)
    ax.set_xlim(left - pad, right + pad)  # markers at zero stay whole
    ax.grid(axis="x", color="#e5e5e5", lw=0.8)
    ax.set_axisbelow(True)
    return fig


def feature_dot_grid(groups: Sequence[str], features: Sequence[str], labels: Sequence[str],
                     units: Sequence[str], means: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                     ns: Sequence[int], title: str, ncols: int = 2, fig: Figure | None = None) -> Figure:
    """Small multiples of :func:`feature_dots`, one panel per feature (columns of ``means``)."""
    k = len(features)
    ncols = max(1, min(ncols, k))
    nrows = max(1, -(-k // ncols))
    height = nrows * (0.32 * len(groups) + 1.3) + 0.6
    fig = fig or Figure(figsize=(5.2 * ncols, height), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False)
    for j, f in enumerate(features):
        ax = axes[j // ncols][j % ncols]
        feature_dots(groups, means[:, j], lo[:, j], hi[:, j], ns, labels[j], units[j], ax=ax,
                     percent=f.endswith("_share"))
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
        if not np.isnan(v):
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
                   xlabel: str = "", ax: Axes | None = None) -> Figure:
    """Horizontal 100 % bars: each group's shares across ``categories`` (columns of ``shares``)."""
    shares = np.asarray(shares, dtype=float)
    fig, ax = _axes(ax, (8, 0.5 * len(groups) + 1.8))
    y = np.arange(len(groups))[::-1]
    left = np.zeros(len(groups))
    for c, cat in enumerate(categories):
        low = cat.lower()
        colour = ("#DDDDDD" if low in ("unknown", "inconnu") else "#999999" if low in ("other", "autres")
                  else OKABE_ITO[c % len(OKABE_ITO)])
        vals = shares[:, c] * 100
        ax.barh(y, vals, left=left, color=colour, edgecolor="white", linewidth=0.6, label=cat, height=0.62)
        for yi, lf, v in zip(y, left, vals):
            if v >= 8:
                ax.text(lf + v / 2, yi, f"{v:.0f}", ha="center", va="center", fontsize=7.5,
                        color="white" if colour in ("#0072B2", "#D55E00", "#009E73", "#000000", "#CC79A7") else "#222")
        left += vals
    ax.set_yticks(y, [wrap(g, 24) for g in groups], fontsize=8.5)
    ax.set_xlim(0, max(100.0, float(left.max()) if len(left) else 100.0))
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16 - 0.02 * len(groups) ** 0.5), ncol=min(5, len(categories)),
              frameon=False, fontsize=8.5)
    ax.set_title(wrap(title, 80), loc="left")
    return fig


def diverging_bars(groups: Sequence[str], targets: Sequence[str], values: np.ndarray, title: str,
                   xlabel: str = "", ax: Axes | None = None) -> Figure:
    """Per target, one bar per group from −1 (critical) to +1 (supportive) around zero.

    ``xlabel`` of the form ``"critical|supportive"`` names the two ends of the axis.
    """
    values = np.asarray(values, dtype=float)
    fig, ax = _axes(ax, (8, 0.28 * len(groups) * len(targets) + 0.5 * len(targets) + 1.5))
    h = 0.8 / max(1, len(groups))
    for i, g in enumerate(groups):
        colour, _ = group_style(i)
        y = np.arange(len(targets))[::-1] + (len(groups) / 2 - i - 0.5) * h
        ax.barh(y, values[i], height=h * 0.92, color=colour, label=wrap(g, 30))
    ax.axvline(0, color="#333333", lw=0.9)
    for k in range(len(targets) - 1):  # separate the targets' bundles of bars
        ax.axhline(k + 0.5, color="#cccccc", lw=0.8, ls=(0, (4, 3)))
    ax.set_ylim(-0.5, len(targets) - 0.5)
    ax.set_xlim(-1.05, 1.05)
    ends = xlabel.split("|") if "|" in xlabel else ("", "")
    ax.set_xticks([-1, -0.5, 0, 0.5, 1], [f"−1\n{ends[0]}", "−0.5", "0", "+0.5", f"+1\n{ends[1]}"])
    xlabel = "" if "|" in xlabel else xlabel
    ax.set_yticks(np.arange(len(targets))[::-1], targets)
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.01 * len(targets)), ncol=min(3, len(groups)),
              frameon=False, fontsize=8.5)
    ax.set_title(wrap(title, 80), loc="left")
    ax.grid(axis="x", color="#e5e5e5", lw=0.8)
    ax.set_axisbelow(True)
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

def to_png(fig: Figure, dpi: int = 110) -> bytes:
    """PNG bytes of ``fig`` (no timestamp metadata, so output is reproducible)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None}, bbox_inches="tight")
    return buf.getvalue()


def to_svg(fig: Figure, salt: str = "framing") -> str:
    """Inline SVG markup of ``fig`` (no XML prolog, no date, ids salted to stay unique in one page)."""
    buf = io.StringIO()
    with plt.rc_context({"svg.hashsalt": salt}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    svg = buf.getvalue()
    svg = svg[svg.find("<svg"):]
    return re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)
