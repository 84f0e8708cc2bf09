"""Speaker camps, stance of quoted speech, and the voice-balance features.

The last pipeline stage. For every QUOTE, IQUOTE and ATTR span it adds
``camp`` — the side of the speaker or source, resolved against the actors file
(:mod:`framing.actors`) — and, for QUOTE and IQUOTE, ``stance`` and ``target``
(:mod:`framing.extract.stance`). ``camp_method`` and ``stance_method`` say how
each value was decided.

Camp resolution, first hit wins:

1. the speaker/source name is an actor of the file, or names one
   ("Valeriy Gerassimov", "Moscou", "les officiels russes");
2. the speaker mention's own text ("le président ukrainien Volodymyr Zelensky");
3. a description next to a mention of the speaker anywhere in the document —
   a title before the name ("L'analyste militaire Ruslan Leviev") or an
   apposition after it ("Sabrina Singh, porte-parole du Pentagone,") — read
   with the role nouns of ``roles.tsv``;
4. the source type: ``stype=expert`` → expert, ``stype=media`` → media;
5. context, for descriptions that point elsewhere: state media ("les médias
   d'État") take the side of the nearest actor named before them; a bare
   office ("Le porte-parole Koo Byoungsam") the side of the previous
   institutional speaker;
6. the speaker's role read by :mod:`framing.extract.roles` (class and country);
7. a named speaker still unplaced: ``other`` (``camp_method=residual``), the
   codebook's side for whoever is not a government, politician, researcher or
   outlet; ``anonymous`` speakers stay unknown unless their own description
   names a side ("des responsables ukrainiens" → ukraine).
"""
from __future__ import annotations

import bisect
import re
from warnings import warn
from collections import defaultdict

from ..actors import UNKNOWN, Actor, ActorIndex, is_pronoun, load_actors
from ..document import ParsedDocument
from ..resources import Resources
from ..spans import Span
from . import roles as roles_mod
from . import stance as stance_mod
from .speakers import word_key
from .entities import parse_description, person_nouns
from .positions import PositionIndex
from .speaker_text import SPEECH
from .speaker_text import mention_of as _mention_of
from .speaker_text import name_of as _name_of
from .speaker_text import text_after_name as _suffix
from .speaker_text import text_before_name as _prefix

# precompiled: these run per name or quote, and re's own cache look-up costs as much (speed, issue 15)
_COMPLEMENT = re.compile(r"\s+(?:de|du|des|d['’])")

#: how far before a quote its reporting cue may start (cue length + 160 characters)
_LINK_WINDOW = 400

_NO_NAME = ("", "anonymous", "unknown")
#: what separates a dialogue turn's speaker from its words ("L'expert : « … »")
_DIALOGUE_TURN = re.compile(r"\s*[:\u2014\u2013-]\s*")
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*['’]?")
#: an anonymous source description longer than this is not a description
MAX_ANONYMOUS_WORDS = 10
_TITLE = re.compile(r"^(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mgr)\.?$")
#: how far back context rules look for an actor or a previous speaker (characters)
CONTEXT_WINDOW = 600
#: a speaker named by a bare definite noun ("le ministère", "autorités"): see CampResolver._antecedent_camp
_BARE_DEFINITE = re.compile(r"^(?:(?:le|la|les|l['’])\s*)?([^\W\d][\w-]+)$", re.IGNORECASE)
#: the earlier mentions of its noun read (nearest first), and the words of each read as its description
ANTECEDENTS, ANTECEDENT_WORDS = 5, 6


def actor_index(res: Resources) -> ActorIndex:
    """The actors of this run: ``--actors FILE`` or the shipped file (built once)."""
    cfg = res.config
    return res.memo(("actors", cfg.actors, cfg.lexicon_dirs),
                    lambda: load_actors(cfg.actors, cfg.lexicon_dirs))


# --- camp resolution --------------------------------------------------------


def _opens_with_role(idx: ActorIndex, text: str, words: int = 3) -> bool:
    """True when a role noun starts within the first ``words`` words of ``text``."""
    roles = idx.role_mentions(text)
    if not roles:
        return False
    return len(text[:roles[0].start].split()) < words


class CampResolver:
    """Camps of the speakers and sources of one document (see the module docstring)."""

    def __init__(self, doc: ParsedDocument, spans: list[Span], idx: ActorIndex):
        self.doc, self.idx = doc, idx
        self.text = doc.text
        self._by_name: dict[str, tuple[str, str]] = {}
        self.stypes: dict[str, str] = {}
        self.mentions: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for s in spans:
            if s.label in ("ATTR", *SPEECH):
                name = _name_of(s)
                m = _mention_of(s)
                if m and name.lower() not in _NO_NAME:
                    self.mentions[name].append(m)
                if s.label == "ATTR" and s.attrs.get("stype") and name:
                    self.stypes.setdefault(name, str(s.attrs["stype"]))
        self.attrs = [s for s in spans if s.label == "ATTR"]
        self._attr_index = PositionIndex(self.attrs, lambda a: a.start)
        self._resolved: list[tuple[int, str]] = []  # (position, camp) of institutional speakers
        self.roles = None  # a roles.SpeakerRoles, set by the stage
        self.person_nouns = None  # an entities.PersonNouns, set by the stage

    # descriptions -------------------------------------------------
    def _sentence_bounds(self, a: int, b: int) -> tuple[int, int]:
        s = self.doc.sentence_of(a)
        lo = s.start if s else max(0, a - 200)
        e = self.doc.sentence_of(max(a, b - 1))
        hi = e.end if e else min(len(self.text), b + 200)
        return lo, hi

    def _windows(self, a: int, b: int) -> list[str]:
        lo, hi = self._sentence_bounds(a, b)
        after = _suffix(self.text, b, hi)
        if after and not _COMPLEMENT.match(after) and not _opens_with_role(self.idx, after):
            after = ""
        return [_prefix(self.text, a, lo), after]

    def _occurrences(self, name: str) -> list[tuple[int, int]]:
        if len(name) < 3:
            return []
        # the first 20 only: stop the scan there rather than finding every occurrence in the text.
        # str.find gives what finditer of the escaped name gives (leftmost, non-overlapping)
        # without compiling a pattern per name, which the regular-expression cache cannot
        # hold for every name of a long run (speed, issue 9)
        out: list[tuple[int, int]] = []
        text, n = self.text, len(name)
        k = text.find(name)
        while k >= 0 and len(out) < 20:
            out.append((k, k + n))
            k = text.find(name, k + n)
        return out

    def _describe(self, texts: list[str], need_role: bool) -> tuple[str | None, set[str]]:
        flags: set[str] = set()
        for t in texts:
            if not t or not t.strip():
                continue
            if need_role and not self.idx.role_mentions(t):
                continue
            camp, how = self.idx.describe(t)
            if camp:
                return camp, flags
            if how:
                flags.add(how)
        return None, flags

    # context rules -------------------------------------------------
    def _nearest_actor_before(self, pos: int) -> str | None:
        lo = max(0, pos - CONTEXT_WINDOW)
        for m in reversed(stance_mod.mentions_between(stance_mod.doc_mentions(self.doc, self.idx), lo, pos)):
            camp = m.item.camp  # type: ignore[union-attr]
            if camp not in ("expert", "media", "other", UNKNOWN):
                return camp
        return None

    def _previous_speaker(self, pos: int) -> str | None:
        for p, camp in reversed(self._resolved):
            if p < pos and pos - p <= CONTEXT_WINDOW:
                return camp
        return None

    # main ----------------------------------------------------------
    def camp_of(self, span: Span) -> tuple[str, str]:
        """``(camp, method)`` for a QUOTE, IQUOTE or ATTR span."""
        name = _name_of(span)
        mention = _mention_of(span)
        anonymous = name.lower() in _NO_NAME
        key = name if not anonymous else f"\0{span.start}"
        if key in self._by_name:
            return self._by_name[key]
        outlet = self.roles.outlet_camp(name) if self.roles is not None and not anonymous else None
        camp, how = (outlet, "outlet") if outlet else self._resolve(span, name, mention, anonymous)
        if camp not in self.idx.camps:
            camp, how = UNKNOWN, "unknown"
        if camp == UNKNOWN and self.roles is not None:  # what the text says the speaker is (roles.py)
            by_role, role_how, _ = self.roles.camp(span, mention[0] if mention else span.start)
            if by_role != UNKNOWN and by_role in self.idx.camps:
                camp, how = by_role, role_how
        if camp == UNKNOWN and (how == "unknown" and not anonymous or how == "anonymous" and self._unplaced_person(span)) \
                and self.idx.has_camp("other") \
                and (self.roles is None or self.roles.finding(span).role not in roles_mod.POLITICAL):
            # a speaker, named or not, that neither the actors file nor the text places in
            # government, politics, research or the media: the codebook's residual side (unions,
            # NGOs, companies, citizens, institutions of no side; Clarifications: unnamed
            # individuals take the side of what they are) -- said by its own method
            camp, how = "other", "residual"
        self._by_name[key] = (camp, how)
        if camp not in (UNKNOWN, "expert", "media", "other"):
            self._resolved.append((mention[0] if mention else span.start, camp))
        return camp, how

    def _unplaced_person(self, span: Span) -> bool:
        """An unnamed speaker that is no source: "une manifestante", or marks with no cue at all; not
        "des sources", "des proches", "les observateurs" (the roles' class of unnamed sources, whose
        side stays unknown unless their description names one)."""
        if self.roles is None or self.roles.finding(span).role == "anonymous":
            return False
        link = self._linked_attr(span)
        return link is None or self.roles.lex.read(_name_of(link)).role != "anonymous"

    def _linked_attr(self, span: Span) -> Span | None:
        """The ATTR cue reporting this quote: same sentence, nearest."""
        best, dist = None, 10 ** 9
        # cues are short: only those starting near the quote can be within 160 characters of it
        for a in self._attr_index.starting_in(span.start - _LINK_WINDOW, span.end + 161):
            d = (span.start - a.end) if a.end <= span.start else (a.start - span.end)
            if -1 <= d <= 160 or span.inside(a.start, a.end) or a.inside(span.start, span.end):
                d = max(d, 0)
                if d < dist:
                    best, dist = a, d
        return best

    def _resolve(self, span: Span, name: str, mention: tuple[int, int] | None,
                 anonymous: bool) -> tuple[str, str]:
        idx, text = self.idx, self.text
        # a bare title as name ("M" of "M. Zelensky"): read the name that follows it
        if _TITLE.match(name) and mention:
            m = re.match(r"\.?\s+([A-ZÀ-Ý][\w’'\-]+(?:\s+[A-ZÀ-Ý][\w’'\-]+)?)", text[mention[1]:mention[1] + 60])
            if m:
                name = m.group(1)
                mention = (mention[1] + m.start(1), mention[1] + m.end(1))
        # 1. the name itself
        if not anonymous:
            found = self._camp_of_name(name)
            if found:
                return found
        if not anonymous:
            camp = self._antecedent_camp(name, mention[0] if mention else span.start)
            if camp:
                return camp, "context"
        mentions = [mention] if mention else []
        descriptions: list[str] = []
        if anonymous and span.label in SPEECH:
            link = self._linked_attr(span)
            lm = _mention_of(link) if link is not None else None
            if mention and lm and _DIALOGUE_TURN.fullmatch(text[mention[1]:span.start]) \
                    and not (lm[0] < mention[1] and mention[0] < lm[1]):
                # a dialogue turn names its own unnamed speaker ("L'expert : « … »"): a nearby cue
                # whose source is elsewhere reports someone else's words, not this speaker's
                link = None
            if link is not None and _name_of(link):
                descriptions.append(_name_of(link))
                lm = _mention_of(link)
                if lm:
                    mentions.append(lm)
        # 2. the mention's own text
        for a, b in mentions:
            mt = text[a:b]
            if is_pronoun(mt):
                continue
            if not anonymous:
                actor = idx.resolve(mt)
                if actor is not None:
                    return actor.camp, "actor"
            descriptions.insert(0, mt)
        if anonymous:
            # an unnamed source gets a side only from its own short description naming one
            # ("des responsables ukrainiens"), never from a role ("sur ma chaîne" is not media)
            for d in descriptions:
                if len(d.split()) <= MAX_ANONYMOUS_WORDS and not self._private_description(d):
                    names = idx.mentions(d)
                    if names:
                        return names[0].item.camp, "description"  # type: ignore[union-attr]
            return self._circle_camp(descriptions + self._with_determiner(mentions),
                                     mention[0] if mention else span.start)
        camp, flags = self._describe(descriptions, need_role=False)
        if camp:
            return camp, "description"
        # 3. titles and appositions around any mention of the speaker
        spots = list(dict.fromkeys(mentions + self.mentions.get(name, []) + self._occurrences(name)))
        windows = [w for a, b in spots if not is_pronoun(text[a:b]) for w in self._windows(a, b)]
        camp, more = self._describe(windows, need_role=True)
        flags |= more
        if camp:
            return camp, "apposition"
        # 4. source type
        stype = str(span.attrs.get("stype") or self.stypes.get(name, ""))
        if stype in ("expert", "media") and idx.has_camp(stype):
            return stype, "stype"
        # 5. context
        pos = mention[0] if mention else span.start
        if "role:state_media" in flags:
            camp = self._nearest_actor_before(pos)
            if camp:
                return camp, "context"
        if "role:office" in flags and self._office_is_political(span):
            camp = self._previous_speaker(pos)
            if camp:
                return camp, "context"
        camp, how = self._circle_camp([name, *self._with_determiner(mentions)], pos)
        return (camp, how) if camp != UNKNOWN else (UNKNOWN, "unknown")

    def _camp_of_name(self, name: str) -> tuple[str, str] | None:
        """The camp the name itself says: an institution's own name ("Météo Ruritanie") is read
        whole, before the actor a part of it names (the country in it is its country, not its
        role); then the actor it is or names."""
        if self.roles is not None:
            inst = self.roles.lex.institution_name(name)
            if inst is not None:
                inst = self.roles.at_home(inst)
                camp = self.roles.cmap.camp(inst)
                if camp in self.idx.camps:
                    return camp, ("role+country" if inst.role in roles_mod.POLITICAL else "role")
        actor = self.idx.resolve(name)
        if actor is None:
            return None
        return self._nationality_of_a_body(actor, name) or (actor.camp, "actor")

    def _nationality_of_a_body(self, actor: Actor, name: str) -> tuple[str, str] | None:
        """A nationality adjective in the name of a research body ("l'institut de recherche
        allemand", "l'institut sismologique japonais") gives its country, not its
        side: researchers and scientific bodies are `expert` whatever their country (codebook
        Clarifications). None when the actor is no nationality or the name is no research body.
        (Hospitals, documents and outlets described by a nationality keep the country's side: the
        gold files place "l'hôpital allemand", "des documents américains" with their country.)"""
        if self.roles is None or not actor.is_nationality:
            return None
        found = self.roles.lex.read(name)
        if found.role != "researcher":
            return None
        camp = self.roles.cmap.camp(found)
        return (camp, "role") if camp in self.idx.camps and camp != UNKNOWN else None

    def _private_description(self, description: str) -> bool:
        """An ordinary person's description ("une utilisatrice d'Instagram", "un habitant de Kiev"):
        the body or place in its complement is what they use or where they live, not their side."""
        if self.person_nouns is None:
            return False
        words = [word_key(w) for w in _WORD_RE.findall(description)]
        d = parse_description(words, self.person_nouns)
        # (a relational noun's complement is the person they speak for: "les proches de X")
        return d.head_class == "citizen" and d.head not in self.person_nouns.relational

    def _antecedent_camp(self, name: str, pos: int) -> str | None:
        """A bare definite description ("le ministère", "les autorités") names no side itself: it
        refers back to the nearest earlier mention of its noun that says whose it is ("le ministère
        russe des Affaires étrangères", "les autorités russes")."""
        m = _BARE_DEFINITE.match(name.strip())
        if not m or self.roles is None or not (self.idx.role_mentions(m.group(1))
                                              or self.roles.lex.read(m.group(1)).role):
            return None
        noun = m.group(1)
        found = [k.start() for k in re.finditer(rf"(?<![\w-]){re.escape(noun)}(?![\w-])", self.text[:pos],
                                                re.IGNORECASE)]
        for k in reversed(found[-ANTECEDENTS:]):
            words = re.split(r"[.;:!?«»\"“”(\n]", self.text[k:k + 120])[0].split()[:ANTECEDENT_WORDS]
            window = " ".join(words)
            if len(words) < 2:
                continue
            finding = self.roles.at_home(self.roles.lex.read(window))
            if finding.country:
                camp = self.roles.cmap.camp(roles_mod.RoleFinding(finding.role or "government", finding.country))
                if camp != UNKNOWN:
                    return camp
            camp, _ = self.idx.describe(window)
            if camp:
                return camp
        return None

    def _with_determiner(self, mentions: list[tuple[int, int]]) -> list[str]:
        """Each mention with the two words before it in its sentence ("son" of "son entourage")."""
        out = []
        for a, b in mentions:
            lo, _ = self._sentence_bounds(a, b)
            before = _prefix(self.text, a, lo).split()[-2:]
            out.append(" ".join([*before, self.text[a:b]]))
        return out

    def _circle_camp(self, descriptions: list[str], pos: int) -> tuple[str, str]:
        """An unnamed source of someone's circle ("son entourage", "les mêmes proches") speaks for
        the person named before it: the nearest side named before, else the previous speaker's."""
        lex = self.roles.lex if self.roles is not None else None
        if lex is not None and any(len(d.split()) <= MAX_ANONYMOUS_WORDS and lex.speaks_for_someone(d)
                                   for d in descriptions):
            camp = self._nearest_actor_before(pos) or self._previous_speaker(pos)
            if camp:
                return camp, "context"
        return UNKNOWN, "anonymous"

    def _office_is_political(self, span: Span) -> bool:
        """False when the role reader places the office outside government and politics: a head
        noun takes the class of its complement ("la secrétaire générale du syndicat" is a union's
        office), so it is not the previous institutional speaker's; nor is an office that names its
        country ("les autorités de Lisbonne")."""
        if self.roles is None:
            return True
        found = self.roles.finding(span)
        if found.country:
            return False  # "les autorités de Lisbonne": the office says whose it is, it is not bare
        return not found.role or found.role in roles_mod.POLITICAL


# --- the stage --------------------------------------------------------------

def extract(doc: ParsedDocument, spans: list[Span], res: Resources) -> list[Span]:
    """Add ``camp`` to QUOTE, IQUOTE and ATTR spans, ``stance``/``target`` to quotes."""
    idx = actor_index(res)
    doc.cache["camps.actor_index"] = idx  # per-document memo: features() reports this file's camps
    resolver = CampResolver(doc, spans, idx)
    resolver.roles = speaker_roles = roles_mod.speaker_roles(doc, resolver, res, idx)
    resolver.person_nouns = person_nouns(res)
    scorer = stance_mod.stance_scorer(res, idx)
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end))
    out: list[Span | None] = [None] * len(spans)
    camps: dict[int, str] = {}
    methods: dict[int, str] = {}
    for i in order:
        s = spans[i]
        if s.label in ("ATTR", *SPEECH):
            camp, how = resolver.camp_of(s)
            camps[i], methods[i] = camp, how
            # quotes get their camp together with their stance below: one copy, same
            # attributes in the same order (the stance reads no camp attribute; speed, issue 9)
            out[i] = (s.with_attrs(camp=camp, camp_method=how, role=speaker_roles.role_label(s))
                      if s.label == "ATTR" else s)
        else:
            out[i] = s
    speech = [i for i in order if spans[i].label in SPEECH]
    roles = {i: speaker_roles.role_label(out[i]) for i in speech}
    # the stance evidence reads the speaker's role (the classifier's role_* features)
    decisions = scorer.decide_all(doc, [(out[i].with_attrs(role=roles[i]), camps[i]) for i in speech], out)
    for i, d in zip(speech, decisions):
        out[i] = out[i].with_attrs(camp=camps[i], camp_method=methods[i], role=roles[i],
                                   stance=d.stance, target=d.target,
                                   stance_method=d.method, target_method=d.target_method)
    # the resolver and the speaker roles point at each other and at the document:
    # break the cycle so the document goes as soon as it is dropped (no gc pass)
    resolver.roles = None
    return [s for s in out if s is not None]


# --- features ---------------------------------------------------------------

def _index_for(ctx) -> ActorIndex | None:
    """The actor index the camps stage used for this document (shipped file otherwise)."""
    idx = ctx.doc.cache.get("camps.actor_index")
    if idx is not None:
        return idx
    try:
        return load_actors()
    except Exception as e:  # a broken actors file must not break the other features
        warn(f"the shipped actors file could not be loaded ({type(e).__name__}: {e}); camp features left out",
             RuntimeWarning, stacklevel=2)
        return None


def _camp_list(ctx) -> tuple[str, ...]:
    idx = _index_for(ctx)
    return idx.camps if idx is not None else (UNKNOWN,)


def quoted_words_by_camp(ctx, camps: tuple[str, ...] | None = None) -> dict[str, int]:
    """Quoted word tokens per speaker camp; a word inside nested quotes counts once (innermost span's camp)."""
    speech = sorted((s for s in ctx.spans if s.label in SPEECH), key=lambda s: (s.end - s.start))
    counts: dict[str, int] = defaultdict(int)
    starts, ends = ctx.doc.word_offsets()
    camp_of_word: list[str | None] = [None] * len(starts)
    # innermost span first; each span visits only the words it covers (bisection),
    # not every word of the document (speed, issue 9)
    for s in speech:
        camp = str(s.attrs.get("camp") or UNKNOWN)
        for j in range(bisect.bisect_left(starts, s.start), len(starts)):
            if starts[j] >= s.end:
                break
            if ends[j] <= s.end and camp_of_word[j] is None:
                camp_of_word[j] = camp
    for camp in camp_of_word:  # in document order, as the counts were filled before
        if camp is not None:
            counts[camp] += 1
    return counts


def home_camp(ctx, counts: dict[str, int], camps: tuple[str, ...]) -> str | None:
    """The article's home side.

    ``meta["home_camp"]`` when the document metadata gives it; else the camp of
    the outlet's country (``meta["country"]``, an ISO code looked up in the
    actors file's ``country`` column); else the political camp (not expert,
    media, other or unknown) with the most quoted words; ``None`` when nobody
    political is quoted.
    """
    meta = ctx.doc.meta if isinstance(ctx.doc.meta, dict) else {}
    home = meta.get("home_camp")
    if home in camps:
        return home
    idx = _index_for(ctx)
    country = str(meta.get("country") or "").upper()
    if country and idx is not None:
        votes: dict[str, int] = defaultdict(int)
        for a in idx.actors:
            if a.country.upper() == country:
                votes[a.camp] += 1
        if votes:
            return max(votes, key=votes.get)
    political = {c: n for c, n in counts.items() if c not in ("expert", "media", "other", UNKNOWN) and n}
    if not political:
        return None
    return max(political, key=lambda c: (political[c], -camps.index(c) if c in camps else 0))


def features(ctx) -> dict[str, float]:
    """Voice share per camp, camps quoted, stance balance per target, home/other voice share.

    ``voice_{camp}_share`` = quoted words (QUOTE + IQUOTE, nested spans counted
    once) of speakers of that camp / all quoted words; ``n_camps_quoted`` counts
    camps other than ``unknown`` with at least one quote; ``stance_balance_{camp}``
    = (supportive − critical) / quotes whose target is that camp;
    ``home_voice_share`` / ``other_voice_share``: quoted words of the home side
    (see :func:`home_camp`) and of the camps opposed to it in the actors file
    (every other political camp when the file declares no sides);
    ``camp_unknown_share`` = share of QUOTE, IQUOTE and ATTR spans whose camp
    stayed ``unknown`` (how much of the attribution the actors file covers).
    """
    camps = _camp_list(ctx)
    counts = quoted_words_by_camp(ctx)
    total = sum(counts.values())
    out: dict[str, float] = {}
    for c in camps:
        out[f"voice_{c}_share"] = counts.get(c, 0) / total if total else 0.0
    speech = [s for s in ctx.spans if s.label in SPEECH]
    out["n_camps_quoted"] = float(len({s.attrs.get("camp") for s in speech} - {None, UNKNOWN}))
    for c in camps:
        about = [s for s in speech if s.attrs.get("target") == c]
        sup = sum(1 for s in about if s.attrs.get("stance") == "supportive")
        cri = sum(1 for s in about if s.attrs.get("stance") == "critical")
        out[f"stance_balance_{c}"] = (sup - cri) / len(about) if about else 0.0
    home = home_camp(ctx, counts, camps)
    if home is None or not total:
        out["home_voice_share"] = out["other_voice_share"] = 0.0
    else:
        idx = _index_for(ctx)
        other = 0
        for c, n in counts.items():
            if c in (home, "expert", "media", "other", UNKNOWN):
                continue
            rel = idx.relation(home, c) if idx is not None else "none"
            if rel == "opponent" or (rel == "none" and not (idx and idx.sides)):
                other += n
        out["home_voice_share"] = counts.get(home, 0) / total
        out["other_voice_share"] = other / total
    out.update(method_and_role_shares(speech))
    attributed = speech + ctx.label("ATTR")
    out["camp_unknown_share"] = (sum(1 for s in attributed if s.attrs.get("camp", UNKNOWN) == UNKNOWN)
                                 / len(attributed)) if attributed else 0.0
    return out


#: how camps are found (``camp_method``), in the order of the ``camp_method_{m}_share`` features
CAMP_METHODS = ("actor", "outlet", "description", "apposition", "stype", "context", "role", "role+country",
                "home-country", "story-country", "person-no-role", "residual", "anonymous", "unknown")


def method_and_role_shares(speech: list[Span]) -> dict[str, float]:
    """How the camps of the quotes were found, and who speaks, as shares of QUOTE+IQUOTE spans.

    ``camp_method_{m}_share`` for every method of :data:`CAMP_METHODS` ("+" and
    "-" written "_"), and ``speaker_role_{class}_share`` for every role class
    (:data:`framing.extract.roles.ROLE_CLASSES`) plus ``unknown``: the numbers
    behind the report's "how camps were found" and a story-independent count of
    voices. Undefined (NaN) when nobody is quoted.
    """
    n = len(speech)
    out: dict[str, float] = {}
    methods = [str(s.attrs.get("camp_method", "unknown")) for s in speech]
    for m in CAMP_METHODS:
        out[f"camp_method_{m.replace('+', '_').replace('-', '_')}_share"] = methods.count(m) / n if n else 0.0
    roles = [str(s.attrs.get("role", "unknown")) for s in speech]
    for r in (*roles_mod.ROLE_CLASSES, "unknown"):
        out[f"speaker_role_{r}_share"] = roles.count(r) / n if n else 0.0
    return out

