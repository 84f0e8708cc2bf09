"""Page cruft: navigation, teasers, comment notices, photo credits, caption widgets.

Copied web articles carry text that is not the article: "Previous / Next"
links, "Ceci pourrait également vous intéresser" teasers of other stories,
comment-policy notices, photo credits and caption toggles. Analysing it would
credit the outlet with words it did not write about the story, so these
regions are *excluded*: they stay in the text (offsets do not move) and are
reported in the output, but no evidence or feature comes from them.

Two kinds of rule, both line-based:

* a *tail marker* (``Related News``, ``Previous``, ``2 Commentaires``…) in the
  second half of a document starts a trailer: everything from it to the end
  is excluded; in the first half only the marker line is;
* a *cruft line* (a credit, a caption widget, a ``Video: X`` label, a
  ``Plus de «Rubrique»`` link, a bare time stamp) is excluded alone.
"""
from __future__ import annotations

import re

_TAIL = re.compile(
    r"""^(?:previous|next|précédent|suivant|related\s+news|related\s+articles
    |ceci\s+pourrait\s+(?:également|aussi)\s+vous\s+intéresser|vous\s+aimerez\s+aussi
    |sur\s+le\s+même\s+sujet
    |articles?\s+(?:similaires|liés|connexes)|dans\s+la\s+même\s+rubrique|les\s+plus\s+lus
    |nos\s+dernières\s+vidéos|d'autres\s+articles
    |\d+\s+commentaires?|commentaires|réagir|partager(?:\s+cet\s+article)?
    |l['’]article|tags?|mots-clés)\s*[:.…]?\s*$""",
    re.IGNORECASE | re.VERBOSE)

_LINE = re.compile(
    r"""^(?:
      (?:photo|photos|crédits?|credits?|illustration|image|vidéo|video)\s*(?:[:©]|-\s).{0,120}
    | .{0,120}(?:©|\bby\s+way\s+of\s+AP|\bvia\s+AP\b|/\s*AFP\b|/\s*AP\b|Getty\s+Images|/\s*Reuters\b|/\s*Sputnik\b|AFP/Archives)\s*$
    | .{0,200}capture\s+d['’]écran\s*$
    | cachette|légende\s+de\s+basculement|toggle\s+caption|masquer\s+la\s+légende|afficher\s+la\s+légende
    | agrandir(?:\s+l['’]image)?|fermer|zoom|play|lecture
    | plus\s+de\s+[«"“].{1,40}[»"”]
    | \d{1,2}[./]\d{1,2}[./]\d{2,4},?\s+\d{1,2}[:h]\d{2}.{0,40}
    | comme\s+nous\s+voulons\s+continuer\s+à\s+modérer.*
    # in-text teasers: one line each, wherever they stand ("Lire aussi : <other story>")
    | (?:à\s+)?lire\s+(?:aussi|également)(?:\s*[:|–—-].{0,200})?
    | (?:voir\s+aussi|en\s+savoir\s+plus)(?:\s*[:|–—-].{0,200})?
    | (?:abonnez-vous|inscrivez-vous)\b.{0,200}|newsletter|publicité
    )\s*$""",
    re.IGNORECASE | re.VERBOSE)


#: every character ``str.splitlines`` breaks on (CRLF, CR, NEL, U+2028…), so a region never ends on one
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip(_LINE_BREAKS)
        yield pos, pos + len(body), body
        pos += len(line)


def find_cruft(text: str) -> list[tuple[int, int]]:
    """Excluded regions of ``text`` as sorted, merged ``(start, end)`` pairs."""
    regions: list[tuple[int, int]] = []
    lines = list(_lines(text))
    n = len(text)
    for k, (start, end, body) in enumerate(lines):
        stripped = body.strip()
        if not stripped:
            continue
        lead = start + (len(body) - len(body.lstrip()))
        if _TAIL.match(stripped):
            if start >= n * 0.5:
                regions.append((lead, len(text.rstrip())))
                break
            regions.append((lead, end))
        elif _LINE.match(stripped):
            regions.append((lead, start + len(body.rstrip())))
            # a caption sits right above its credit when caption widgets follow
            if k > 0 and any(re.match(r"(?i)\s*(cachette|légende de basculement|toggle caption)", b)
                             for _, _, b in lines[k + 1:k + 4]):
                p_start, p_end, p_body = lines[k - 1]
                if p_body.strip() and not _TAIL.match(p_body.strip()):
                    regions.append((p_start, p_end))
    return _merge(regions, text)


def _merge(regions: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sorted regions, overlapping ones and ones on consecutive lines joined."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(r for r in regions if r[1] > r[0]):
        if out and (a <= out[-1][1] + 1 or text[out[-1][1]:a] == "\r\n"):
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
