"""The evidence a stance decision reads (:class:`StanceEvidence`), shared by the rules and the classifier.

:mod:`framing.extract.stance` finds the evidence of each quote and decides by
rules; :mod:`framing.extract.stance_model` turns the same evidence into the
classifier's features. Both import this module, so neither imports the other
back (the stage imports the model one way).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..actors import UNKNOWN

#: LOADED categories and their polarity for stance
LOADED_POLARITY = {"glorification": 1, "pejorative": -1, "moral": -1, "violence": -1,
                   "fear": -1, "weakness": -1, "hyperbole": 0}
#: cue categories that are not criticism when said about one's own side or an ally: weakness,
#: failure, fear and danger words about one's own side report a hardship ("la Russie reste
#: vulnérable", "le chaos"), they do not blame it -- when the speaker speaks for an institution
SELF_NEUTRAL = frozenset({"weakness", "failure", "fear", "danger", "regret"})
#: the category of the broad polarity lexicon's cues (polarity.tsv): evidence for the classifier,
#: not for the rules (general sentiment words -- "bonne nuit", "super peur", "il fait beau" --
#: say how a speaker feels, not what they think of a side; measured in docs/stance.md)
BROAD = "polarity"
NEGATORS = frozenset({"ne", "n'", "n’", "pas", "jamais", "aucun", "aucune", "sans", "nullement", "guère"})
NON_POLITICAL = frozenset({"expert", "media", UNKNOWN})
#: role classes (roles.py) of speakers who speak for themselves, not for an institution: a
#: politician, an activist, a citizen or a public figure who calls their own side's policy "un
#: problème" or "dangereux pour le pays" criticises it (the codebook files every French party
#: under one camp), where a ministry saying its army is "en difficulté" reports
OWN_VOICE_ROLES = frozenset({"politician", "union_ngo", "citizen", "public_figure"})
#: role classes of private people: a citizen, a professional or a public figure who tells what
#: happened to them ("des voisins m'ont frappé", "j'étais terrifié") with no side named
#: testifies, about no camp (codebook Clarifications: words about no camp are neutral)
PRIVATE_ROLES = frozenset({"citizen", "professional", "public_figure"})
#: categories of what befalls someone (harm, hardship, fear): judgements only of a side named
HARM = frozenset({"violence", "weakness", "fear", "danger", "regret"})
#: categories of worry (inquiétude, préoccupation, douter): they dispute a side only when the
#: quote or its context names one; about a matter alone they say the speaker is concerned
WORRY = frozenset({"doubt"})
#: how a target was found when the quote and its context name no side (the speaker's own camp
#: by default, or nobody's)
NO_SIDE_NAMED = frozenset({"speaker", "self-reference", "none"})
#: cue uses (stance_cues.tsv ``use``): ``feeling`` -- a verb of sorrow or worry (regretter, se
#: désoler) blames only a side the quote names; ``address`` -- a verb of demand (exhorter, exiger)
#: addressed to one's own public, a side named neither, is advice, not blame
FEELING, ADDRESS = "feeling", "address"
#: the role class of an institution speaking for itself (a ministry, a prefecture, the police)
OFFICE_ROLES = frozenset({"government"})


@dataclass(frozen=True)
class Cue:
    """An evaluative word of a quote: token index, polarity, category, negated?"""

    token: int
    polarity: int
    cat: str
    negated: bool = False
    source: str = "cue"
    #: the ``use`` column of its stance_cues.tsv row ("" for LOADED spans)
    use: str = ""


@dataclass
class StanceEvidence:
    """Everything the stance decision reads; also the classifier's input."""

    regions: list[tuple[int, int]]
    speaker_camp: str
    target: str
    target_method: str
    relation: str
    cues: list[Cue] = field(default_factory=list)
    verb_cues: list[Cue] = field(default_factory=list)
    n_words: int = 0
    #: what surrounds the quote, for the classifier (stance_model.context_features)
    extras: dict[str, float] = field(default_factory=dict)
    #: token indices of the negated predications of the quote (stance.denials): with no
    #: evaluative cue at all, a quote that denies something of its subject disputes it
    denials: list[int] = field(default_factory=list)

    @property
    def own_voice(self) -> bool:
        """True when the speaker's role is one of :data:`OWN_VOICE_ROLES`."""
        return any(self.extras.get(f"role_{r}") for r in OWN_VOICE_ROLES)

    @property
    def rule_cues(self) -> list[Cue]:
        """The cues the rules sum: all but the broad polarity lexicon's."""
        return [c for c in self.cues if c.cat != BROAD]

    def _role_in(self, roles: frozenset[str]) -> bool:
        return any(self.extras.get(f"role_{r}") for r in roles)

    @property
    def testimony(self) -> bool:
        """A private person's words that name no side: an account of what happened to them."""
        return self.target_method in NO_SIDE_NAMED and self._role_in(PRIVATE_ROLES)

    @property
    def institutional_no_side(self) -> bool:
        """An institution (a government office) speaking of its own matters, no side named."""
        return self.target_method in NO_SIDE_NAMED and self._role_in(OFFICE_ROLES)

    def _verb_polarity(self, c: Cue, polarity: int | None = None) -> int:
        """``polarity`` (the cue's own by default; a negation may have turned it) unless a verb of
        sorrow in a citizen's testimony or a demand of an office to its own public voids it."""
        p = c.polarity if polarity is None else polarity
        # sorrow of an ordinary person (a lawyer's or a doctor's regret speaks for a client or a
        # profession: measured, docs/stance.md sixth pass)
        citizen = self.testimony and bool(self.extras.get("role_citizen"))
        if p < 0 and ((c.use == FEELING and citizen) or (c.use == ADDRESS and self.institutional_no_side)):
            return 0
        return p

    def score(self) -> tuple[int, bool]:
        total, negation = 0, False
        for c in self.rule_cues:
            p = c.polarity
            if c.negated:
                negation = True
                p = -1 if p > 0 else 0
            if p < 0 and c.cat in SELF_NEUTRAL and self.relation in ("same", "ally") and not self.own_voice:
                p = 0
            if p < 0 and c.cat in HARM and self.testimony:
                p = 0
            if p < 0 and c.cat in WORRY and self.target_method in NO_SIDE_NAMED:
                p = 0  # "préoccupé par cette abstention": a concern about a matter, no side disputed
            if p < 0 and c.cat == "verb":
                p = self._verb_polarity(c, p)  # p, not the cue's: "ne salue pas" stays -1
            total += p
        # the reporting verb names the speech act ("déplore qu'ils aient voté la loi en pleine nuit"):
        # what the quote says is its object, so the verb's polarity decides when it has one
        act = sum(self._verb_polarity(c) for c in self.verb_cues if c.source == "verb")
        if act:
            return act, negation
        total += sum(self._verb_polarity(c) for c in self.verb_cues)
        if not self.rule_cues and not self.verb_cues and self.denials and not self.institutional_no_side:
            # an office's negation of its own matters states a fact ("les raisons de la panne ne
            # sont pas encore connues"), it disputes no side
            return -1, True
        return total, negation
