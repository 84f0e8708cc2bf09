"""Evaluative by construction: judgements that French grammar marks whatever the words (issue 18).

Some evaluations are carried by a construction rather than by a charged word,
so no lexicon lists them; each rule below states one construction:

* ``superlative`` — a superlative whose scope is universal: "la meilleure
  école du monde", "le pire bilan de l'histoire", "la plus grande opération
  jamais menée", "l'une des meilleures gâchettes de son temps", or taken among
  all of its kind: "le pire des scénarios", "de la meilleure des façons"
  (``hyperbole``; a ranking within a stated field, "le meilleur score du
  scrutin", is a fact). A regular superlative ("le plus", "le moins") takes
  only the "ever" scope ("la plus grande opération jamais menée"): with "du
  monde" it is mostly a record of a measurable property ("la femme la plus
  âgée du monde"), a fact, and so is "jamais" before a verb of measuring
  ("le mois le plus chaud jamais enregistré"; ``loaded_context`` kind
  ``record``). The scope phrases are ``loaded_context`` rows of
  kind ``scope``;
* ``nothing_more`` — "rien de plus beau", "rien de pire" (``hyperbole``);
* ``partitive`` — a partitive noun as the predicate of "c'est": "c'est du
  harcèlement", "c'était de la folie" (``pejorative``: the speaker sorts the
  thing into a kind, and the construction is a verdict; "c'est de + infinitive"
  and "c'est de l'argent qui ..." are other constructions);
* ``verdict`` — a noun of disaster or outrage (fin, guerre, catastrophe,
  drame, honte…; ``loaded_context`` kind ``verdict``) as the definite or
  indefinite predicate of "c'est": "c'est la guerre", "c'est la fin de
  l'université", "c'était une tragédie" (``hyperbole``: the speaker names
  the situation by its worst case; the partitive "c'est du …" is the rule
  above);
* ``opinion`` — the attribute of "trouver" with a pronoun object, the verb
  of opinion: "je l'ai trouvée très attentive, très intéressée", "je le
  trouve drôle" (``glorification``, ``pejorative`` when the adjective's prior
  polarity is negative); the adjective needs a degree word or a subjectivity
  of at least :data:`OPINION_SUBJECTIVITY` in ``polarity.tsv`` ("on l'a
  trouvé mort" states a fact), and each adjective coordinated with it counts;
* ``exclamative`` — "Quel gâchis !", "Quelle insulte !": the noun phrase of
  an exclamative "quel" is the exclaimed judgement (``pejorative``);
* ``marked_label`` — a short marked passage that a copula or "comme" pins on
  someone or something: "le cousin est un « mythomane »", "dénoncé comme une
  « chasse aux sorcières »" (``pejorative``: the words are the label, held at
  a distance by the marks; at most :data:`MAX_LABEL_WORDS` words);
* ``reduplication`` — "des millions et des millions", "des heures et des
  heures": a quantity said twice (``hyperbole``, the codebook's example);
* ``slogan`` — "Vive la République !", "À bas la dictature !": the
  optative of acclaim (``glorification``) or of condemnation (``pejorative``),
  at the start of a sentence or a quotation, before a determiner or a name;
* ``rating`` — a rating adjective before the noun of an indefinite predicate:
  "c'est une bonne chose", "c'était une mauvaise décision", "X est un bon
  président" (the speaker grades the thing: ``glorification`` for the
  positive grades, ``pejorative`` for the negative ones; the adjectives are
  ``loaded_context`` rows of kind ``rating`` / ``rating_neg``). "grand" grades
  only a person in a role ("un grand Premier ministre"; kind
  ``rating_person``): "une grande maison", "un grand risque" measure a size;
* ``manner_quantity`` — "avec beaucoup de N (et de N)" as a manner adverbial:
  "avec beaucoup d'humour", "avec beaucoup de grâce et de style": a quality
  the speaker credits to the way something was done (``glorification``);
* ``milestone`` — a noun of a step or an event (pas, jour, moment, accord,
  avancée, percée, étape, progrès…; ``loaded_context`` kind ``milestone``)
  weighed by an adjective of historic or decisive weight right after it
  (historique, décisif, crucial, majeur, considérable…; kind ``weight``): "un
  pas décisif", "des avancées considérables", "un jour historique"
  (``hyperbole``: the speaker weighs the event; the lexicon listed a few of
  these pairs one by one, "accord historique"). "pas" counts as the noun only
  after a determiner ("ce n'est pas énorme" is a negation);
* ``censored`` — a word printed with asterisks for letters ("p*****",
  "m*rde"): the outlet marks it as vulgar (``pejorative``, the codebook's
  vulgar insults).

Each returns ``(first token, last token (excl.), cat, term)`` tuples, the
shape :func:`framing.extract.loaded.extract` joins with the lexicon matches.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from itertools import compress, count, repeat

from ..document import ParsedDocument
from ..grammar import (CONTRACTED_ARTICLES, DEFINITE_ARTICLES, DEMONSTRATIVES, INDEFINITE_ARTICLES, QUOTE_CLOSE, QUOTE_OPEN,
                       RELATIVE_PRONOUNS, key_positions, normalise, token_keys)
from ..lexicons import PhraseMatcher, ud_forms
from ..resources import Resources
from .entities import PersonNouns, person_nouns
from .loaded_degree import degree_constructions
from .loaded_frames import context_kinds, er_forms

Found = tuple[int, int, str, str]

#: the irregular superlatives, and the degree words of the regular ones
_BEST_WORST = frozenset({"meilleur", "meilleure", "meilleurs", "meilleures", "pire", "pires"})
_MOST = frozenset({"plus", "moins"})
_DEFINITE = DEFINITE_ARTICLES | CONTRACTED_ARTICLES
#: how many tokens after the superlative its scope may start ("la plus grande opération [de l'histoire]")
SCOPE_WINDOW = 5
_COPULA = frozenset({"est", "était", "sera", "serait", "fut"})
_CE = frozenset({"c'", "ce", "ç'"})
#: closed classes after a partitive noun that make it a cleft or a relative, not a verdict
_RELATIVE = RELATIVE_PRONOUNS
_EXCLAIM = frozenset({"quel", "quelle", "quels", "quelles"})
#: a copula or "comme" before a marked label, and the indefinite determiners it takes
_LABEL_COPULA = frozenset({"est", "était", "sont", "étaient", "serait", "fut", "comme", "devenu", "devenue"})
_INDEFINITE = INDEFINITE_ARTICLES | {"du"}
_OPEN, _CLOSE = QUOTE_OPEN, QUOTE_CLOSE
#: longest marked label
MAX_LABEL_WORDS = 3
#: a word printed with asterisks for some of its letters
_CENSORED = re.compile(r"(?<![\w*])[^\W\d_]{1,3}\*{2,}(?![\w*])|(?<![\w*])[^\W\d_]+\*+[^\W\d_]+(?![\w*])")


#: copulas of an indefinite predicate ("est un bon président", "c'était une mauvaise décision")
_RATING_COPULA = frozenset({"est", "était", "sera", "serait", "fut", "reste", "restait", "demeure"})
#: degree words allowed between the article and a rating adjective ("une très bonne chose")
_RATING_DEGREE = frozenset({"très", "si", "vraiment", "tellement", "fort", "bien", "trop"})
#: the words a manner adverbial of quantity is made of: "avec beaucoup de"
_MANNER = ("avec", "beaucoup")


@dataclass(frozen=True)
class Ratings:
    """Rating adjectives by grade, and those that grade only people ("un grand Premier ministre")."""

    positive: frozenset[str]
    negative: frozenset[str]
    person: frozenset[str]
    #: role nouns of ``roles.tsv`` ("premier ministre", "président"), people too
    roles: frozenset[str]


def rating_words(res: Resources) -> Ratings:
    """``loaded_context`` rows of kind ``rating``, ``rating_neg`` and ``rating_person``."""
    def build() -> Ratings:
        kinds = context_kinds(res)
        kind = lambda k: kinds.get(k, frozenset())  # noqa: E731
        roles = frozenset(normalise(e["term"]) for e in res.lexicon("roles").entries)
        return Ratings(kind("rating"), kind("rating_neg"), kind("rating_person"), roles)
    return res.memo(("loaded", "ratings"), build)


#: determiners that make "pas" the noun ("un pas décisif", "ce pas audacieux"), not the negation
_STEP_DETERMINERS = DEFINITE_ARTICLES | INDEFINITE_ARTICLES | DEMONSTRATIVES | frozenset({"premier", "nouveau"})


#: the forms of "trouver" that take an attribute of opinion ("je le trouve drôle", "je l'ai trouvée attentive")
_TROUVER = frozenset("trouve trouves trouvons trouvez trouvent trouvais trouvait trouvé trouvée trouvés trouvées".split())
_SUBJECT_PRONOUNS = frozenset("je j' tu il elle on nous vous ils elles".split())
_OBJECT_CLITICS = frozenset({"le", "la", "l'", "les"})
_AUXILIARY = frozenset({"ai", "as", "a", "avons", "avez", "ont", "avais", "avait"})
#: degree words before an adjective of opinion ("très attentive")
_DEGREE = frozenset("très assez plutôt vraiment particulièrement super trop tellement extrêmement si".split())
#: closed-class words that open something else than an adjective ("très en forme", "très à l'aise")
_NOT_ATTRIBUTE = frozenset("en de d' du des à au aux dans sur sous pour par avec un une le la les que qui".split())
#: least subjectivity (polarity.tsv) of an attribute of "trouver" without a degree word
OPINION_SUBJECTIVITY = 0.3


def prior_polarity(res: Resources) -> dict[str, tuple[float, float]]:
    """``polarity.tsv``: form -> (polarity, subjectivity)."""
    def build() -> dict[str, tuple[float, float]]:
        out = {}
        for e in res.lexicon("polarity").entries:
            try:
                out[normalise(e["term"])] = (float(e["polarity"]), float(e.get("subjectivity") or 0))
            except ValueError:
                continue
        return out
    return res.memo(("loaded", "prior_polarity"), build)


def verdict_nouns(res: Resources) -> frozenset[str]:
    """``loaded_context`` rows of kind ``verdict``: nouns of disaster or outrage."""
    def build() -> frozenset[str]:
        return context_kinds(res).get("verdict", frozenset())
    return res.memo(("loaded", "verdicts"), build)


def milestone_words(res: Resources) -> tuple[frozenset[str], frozenset[str]]:
    """``loaded_context`` rows of kind ``milestone`` (nouns, with their plurals) and ``weight`` (adjectives, every form listed)."""
    def build() -> tuple[frozenset[str], frozenset[str]]:
        kinds = context_kinds(res)
        nouns = set(kinds.get("milestone", ()))
        nouns |= {n + "s" for n in nouns if not n.endswith(("s", "x"))}
        return frozenset(nouns), kinds.get("weight", frozenset())
    return res.memo(("loaded", "milestones"), build)


@dataclass(frozen=True)
class Scopes:
    """Universal-scope phrases, and the forms of the verbs that make "jamais" a record."""

    matcher: PhraseMatcher
    record_forms: frozenset[str]


def scope_matcher(res: Resources) -> Scopes:
    """``loaded_context`` rows of kind ``scope`` ("du monde", "de l'histoire", "jamais") and ``record``."""
    def build() -> Scopes:
        entries = res.lexicon("loaded_context", required=("kind",)).entries
        records = frozenset(f for e in entries if e["kind"] == "record" for f in er_forms(e["term"]))
        return Scopes(PhraseMatcher([e for e in entries if e["kind"] == "scope"]), records)
    return res.memo(("loaded", "scope"), build)


def constructions(doc: ParsedDocument, res: Resources) -> list[Found]:
    """Every evaluative construction of ``doc``, in document order (may overlap each other)."""
    w = Forms(doc)
    out = superlatives(doc, w, scope_matcher(res)) + nothing_more(doc, w) + partitives(doc, w)
    out += exclamatives(doc, w) + marked_labels(doc, w) + reduplications(doc, w) + slogans(doc, w)
    out += ratings(doc, w, rating_words(res), person_nouns(res)) + manner_quantities(doc, w)
    out += milestones(doc, w, milestone_words(res)) + verdicts(doc, w, verdict_nouns(res))
    polarity = prior_polarity(res)
    out += opinions(doc, w, polarity) + degree_constructions(doc, res, polarity)
    out += apposed_nouns(doc, w, context_kinds(res), person_nouns(res))
    return sorted(out + censored(doc))


class Forms:
    """The normalised forms of a document's tokens, computed once ("" out of range)."""

    def __init__(self, doc: ParsedDocument):
        self.doc = doc
        self.forms = token_keys(doc)  # shared with the other stages (per-document memo)

    def __call__(self, k: int) -> str:
        return self.forms[k] if 0 <= k < len(self.forms) else ""

    def where(self, words: frozenset[str]) -> list[int]:
        """Indices of the tokens whose form is one of ``words``, in order (the rules look only there).

        Read from :func:`framing.grammar.key_positions`'s per-document index of the forms
        (built once, on the first call), not a scan of the document per call (speed, issue 15).
        """
        return key_positions(self.doc, words)


def superlatives(doc: ParsedDocument, w: Forms, scopes: Scopes) -> list[Found]:
    """Superlatives with a universal scope, or taken among all of their kind ("le pire des scénarios")."""
    toks = doc.tokens
    heads = [i for i in w.where(_BEST_WORST | _MOST) if w(i - 1) in _DEFINITE]
    if not heads:
        return []
    scope_at = {m.first: m.last for m in scopes.matcher.find(doc)
                if w(m.last) not in scopes.record_forms}  # "le plus chaud jamais enregistré": a record
    out = []
    for i in heads:
        if w(i) in _BEST_WORST and w(i + 1) == "des" and i + 2 < len(toks) and toks[i + 2].is_word:
            out.append((i - 1, i + 3, "hyperbole", w(i) + " des"))
            continue
        for k in range(i + 1, min(len(toks), i + 1 + SCOPE_WINDOW)):
            if toks[k].sent != toks[i].sent or not toks[k].is_word and toks[k].text not in "'’-":
                break
            if k in scope_at and (w(i) in _BEST_WORST or w(k) == "jamais"):
                out.append((i - 1, scope_at[k], "hyperbole", "superlative"))
                break
    return out


def nothing_more(doc: ParsedDocument, w: Forms) -> list[Found]:
    """"rien de plus beau", "rien de mieux", "rien de pire"."""
    toks, out = doc.tokens, []
    for i in w.where(frozenset({"rien"})):
        if w(i + 1) in ("de", "d'"):
            if w(i + 2) in ("mieux", "pire"):
                out.append((i, i + 3, "hyperbole", "rien de " + w(i + 2)))
            elif w(i + 2) == "plus" and i + 3 < len(toks) and toks[i + 3].is_word:
                out.append((i, i + 4, "hyperbole", "rien de plus"))
    return out


def partitives(doc: ParsedDocument, w: Forms) -> list[Found]:
    """"c'est du harcèlement": a partitive noun as the predicate of "c'est"."""
    toks, out = doc.tokens, []
    for i in w.where(_COPULA):
        if w(i - 1) not in _CE:
            continue
        j = i + 1
        if w(j) == "de" and w(j + 1) in ("la", "l'"):
            j += 2
        elif w(j) in ("du", "des"):
            j += 1
        else:
            continue
        if j >= len(toks) or not toks[j].is_word or toks[j].sent != toks[i].sent:
            continue
        if w(j + 1) in _RELATIVE or toks[j].text[:1].isupper():
            continue
        out.append((j, j + 1, "pejorative", "c'est du"))
    return out


def verdicts(doc: ParsedDocument, w: Forms, nouns: frozenset[str]) -> list[Found]:
    """"c'est la guerre", "c'était une tragédie": a noun of disaster as the predicate of "c'est"."""
    out = []
    for i in w.where(_COPULA):
        if w(i - 1) not in _CE:
            continue
        j = i + 2 if w(i + 1) in ("la", "le", "l'", "un", "une") else i + 1
        if j > i + 1 and w(j) in nouns and doc.tokens[j].sent == doc.tokens[i].sent:
            out.append((j, j + 1, "hyperbole", "c'est la"))
    return out


def opinions(doc: ParsedDocument, w: Forms, polarity: dict[str, tuple[float, float]]) -> list[Found]:
    """"je l'ai trouvée très attentive, très intéressée": the attributes of the verb of opinion."""
    toks, out = doc.tokens, []
    for i in w.where(_TROUVER):
        k = i - 2 if w(i - 1) in _AUXILIARY else i - 1
        if w(k) not in _OBJECT_CLITICS or w(k - 1) not in _SUBJECT_PRONOUNS:
            continue
        j = i + 1
        while j < len(toks) and toks[j].sent == toks[i].sent:
            found = _opinion_attribute(toks, w, j, polarity)
            if found is None:
                break
            out.append(found)
            j = found[1] + 1 if w(found[1]) in (",", "et") else len(toks)
    return out


def _opinion_attribute(toks, w: Forms, j: int, polarity: dict[str, tuple[float, float]]) -> Found | None:
    """The (degree +) adjective at ``j``, if it reads as an opinion."""
    first = j
    while w(j) in _DEGREE:
        j += 1
    if j >= len(toks) or not toks[j].is_word:
        return None
    pol, subj = polarity.get(w(j), (0.0, 0.0))
    if j == first and subj < OPINION_SUBJECTIVITY:
        return None
    if w(j) in _NOT_ATTRIBUTE:
        return None
    return first, j + 1, "pejorative" if pol < 0 else "glorification", "opinion"


def exclamatives(doc: ParsedDocument, w: Forms) -> list[Found]:
    """"Quel gâchis !": the noun phrase (at most three words) of an exclamative "quel"."""
    toks, out = doc.tokens, []
    for i in w.where(_EXCLAIM):
        if i > 0 and toks[i - 1].is_word:
            continue
        j = i + 1
        while j < len(toks) and j <= i + 3 and toks[j].is_word:
            j += 1
        if j > i + 1 and j < len(toks) and toks[j].text == "!":
            out.append((i + 1, j, "pejorative", "quel !"))
    return out


def marked_labels(doc: ParsedDocument, w: Forms) -> list[Found]:
    """"est un « mythomane »", "comme une « chasse aux sorcières »": a short marked label after a copula."""
    toks, out = doc.tokens, []
    for i in w.where(_LABEL_COPULA):
        if w(i + 1) not in _INDEFINITE or i + 3 >= len(toks) or toks[i + 2].text not in _OPEN:
            continue
        k = i + 3
        while k < len(toks) and toks[k].text not in _CLOSE and k - i - 3 <= MAX_LABEL_WORDS:
            k += 1
        words = [t for t in toks[i + 3:k] if t.is_word]
        if k < len(toks) and toks[k].text in _CLOSE and 0 < len(words) <= MAX_LABEL_WORDS:
            out.append((i + 3, k, "pejorative", "marked label"))
    return out


def reduplications(doc: ParsedDocument, w: Forms) -> list[Found]:
    """"des millions et des millions": the same quantity said twice."""
    toks, out = doc.tokens, []
    for i in w.where(frozenset({"et"})):
        a = i - 2
        if a >= 0 and w(a) in ("des", "de") and w(i + 1) == w(a) and toks[a + 1].is_word \
                and w(i + 2) == w(a + 1) and toks[i + 2].sent == toks[a].sent:
            out.append((a, i + 3, "hyperbole", "reduplication"))
    return out


def slogans(doc: ParsedDocument, w: Forms) -> list[Found]:
    """"Vive la République !" (glorification), "À bas la censure !" (pejorative)."""
    toks, out = doc.tokens, []
    for i in w.where(frozenset({"vive", "vivent", "bas"})):
        first = i - 1 if w(i) == "bas" else i
        if w(i) == "bas" and w(first) not in ("à", "a"):
            continue
        opens = first == 0 or toks[first - 1].text in _OPEN or toks[first - 1].text in ".!?,;:" \
            or toks[first - 1].sent != toks[first].sent
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if opens and nxt is not None and (w(i + 1) in _DEFINITE or nxt.text[:1].isupper()):
            out.append((first, i + 1, "pejorative" if w(i) == "bas" else "glorification", w(i)))
    return out


def ratings(doc: ParsedDocument, w: Forms, grades: Ratings, nouns: PersonNouns) -> list[Found]:
    """"c'est une bonne chose", "est un grand Premier ministre": a graded indefinite predicate."""
    toks, out = doc.tokens, []
    for i in w.where(_RATING_COPULA):
        if w(i + 1) not in ("un", "une"):
            continue
        j = i + 2
        while w(j) in _RATING_DEGREE:
            j += 1
        adj, noun = w(j), w(j + 1)
        if j + 1 >= len(toks) or not toks[j + 1].is_word or toks[j + 1].sent != toks[i].sent:
            continue
        person = nouns.lookup(noun) is not None or noun in grades.roles or f"{noun} {w(j + 2)}" in grades.roles
        if adj in grades.positive or adj in grades.person and person:
            out.append((i + 2 if j > i + 2 else j, j + 1, "glorification", "rating"))
        elif adj in grades.negative:
            out.append((i + 2 if j > i + 2 else j, j + 1, "pejorative", "rating"))
    return out


def manner_quantities(doc: ParsedDocument, w: Forms) -> list[Found]:
    """"avec beaucoup d'humour", "avec beaucoup de grâce et de style": a quality credited to a manner."""
    toks, out = doc.tokens, []
    for i in w.where(frozenset({_MANNER[1]})):
        if w(i - 1) != _MANNER[0] or w(i + 1) not in ("de", "d'") or i + 2 >= len(toks) or not toks[i + 2].is_word:
            continue
        last = i + 3
        if w(last) == "et" and w(last + 1) in ("de", "d'") and last + 2 < len(toks) and toks[last + 2].is_word:
            last += 3
        out.append((i, last, "glorification", "avec beaucoup de"))
    return out


def milestones(doc: ParsedDocument, w: Forms, words: tuple[frozenset[str], frozenset[str]]) -> list[Found]:
    """"un pas décisif", "des avancées considérables": a step or an event weighed by the speaker."""
    nouns, weights = words
    toks, out = doc.tokens, []
    for i in w.where(nouns):
        if w(i + 1) not in weights or toks[i + 1].sent != toks[i].sent:
            continue
        before = i - 2 if i > 0 and toks[i - 1].text in _OPEN else i - 1  # un « pas décisif »
        if w(i) == "pas" and w(before) not in _STEP_DETERMINERS:
            continue
        out.append((i, i + 2, "hyperbole", "milestone"))
    return out


#: ``loaded_context`` kinds of nouns that, apposed to a noun, judge it, and the category they give
APPOSED_KINDS = {"apposed": "hyperbole", "apposed_praise": "glorification"}


def apposed_nouns(doc: ParsedDocument, w: Forms, kinds: dict[str, frozenset[str]], people: PersonNouns) -> list[Found]:
    """"une image-choc", "des déclarations choc", "le chanteur vedette": a noun of shock or fame set
    after another noun as its epithet (a "nom épithète") grades that noun; "le choc", "une star" are
    the plain nouns, and after an adjective ("une énorme catastrophe") the word is the noun itself."""
    tags, toks, out = ud_forms(), doc.tokens, []
    cats = {word: cat for kind, cat in APPOSED_KINDS.items() for word in kinds.get(kind, ())}
    text = doc.text.lower()
    if not any(word in text for word in cats):  # most documents have none: skip the token walk (speed)
        return out
    for i in _apposed_candidates(w, cats):
        t, form = toks[i], w(i)
        head, _, last = form.rpartition("-")
        if head:  # "image-choc", "présentateur-star": the first part is a noun (UD's tag, or a person noun UD
            # lacks); a prefix or a verb ("anti-choc", "pare-chocs", "post-catastrophe", "all-star") makes a compound
            if _singular(last) in cats and head.isalpha() and (tags.get(head) == "NOUN" or people.lookup(head) is not None):
                out.append((i, i + 1, cats[_singular(last)], "apposed"))
        elif _singular(form) in cats and i > 0 and toks[i - 1].sent == t.sent and toks[i - 1].is_word \
                and toks[i - 1].text[:1].islower() and tags.get(w(i - 1)) == "NOUN":
            out.append((i, i + 1, cats[_singular(form)], "apposed"))
    return out


def _apposed_candidates(w: Forms, cats: dict[str, str]) -> list[int]:
    """The tokens :func:`apposed_nouns` can fire on, in order: a form whose :func:`_singular` is one
    of ``cats``, or a hyphenated form; the others are skipped by C-level passes, not visited
    (speed, issue 15)."""
    forms = w.forms
    # the forms whose _singular is a word of cats: the word itself when _singular keeps it, its -s plural
    triggers = frozenset([c for c in cats if _singular(c) == c] + [c + "s" for c in cats if _singular(c + "s") == c])
    hyphenated = compress(count(), map(operator.contains, forms, repeat("-")))
    return sorted(set(w.where(triggers)).union(hyphenated))


def _singular(form: str) -> str:
    return form[:-1] if form.endswith("s") and len(form) > 3 else form


def censored(doc: ParsedDocument) -> list[Found]:
    """Words printed with asterisks ("p*****", "m*rde")."""
    toks, out = doc.tokens, []
    if "*" not in doc.text:
        return out
    for m in _CENSORED.finditer(doc.text):
        idx = [k for k, t in enumerate(toks) if t.start < m.end() and m.start() < t.end]
        if idx:
            out.append((idx[0], idx[-1] + 1, "pejorative", "censored"))
    return out
