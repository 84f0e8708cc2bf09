"""French grammar words and normalisation: the one place every extractor reads them from.

Closed word classes (determiners, pronouns, clitics, relatives, auxiliary
forms, weekdays, months, number words, quotation marks) are grammar, not
vocabulary: they are stable, and a detector that retyped its own copy drifted
from the others. Open-class word lists that encode a decision (reporting
verbs, loaded words) live in ``lexicons/`` instead.

This module also holds the normalisations every stage compares words by
(:func:`normalise`, :func:`key`, :func:`fold_accents`, :func:`fold`), the
lemma look-up (:func:`lemma_of`, simplemma's French dictionary, MIT) and the
verb-form guesses used when no parser gives ``VerbForm``
(:func:`is_infinitive`, :func:`is_past_participle`,
:func:`looks_like_participle`).

It imports nothing from framing but the token type: every layer may use it.
"""
from __future__ import annotations

import re
import unicodedata
import warnings
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Callable, Sequence

import simplemma

if TYPE_CHECKING:
    from .document import Token


def words(s: str) -> frozenset[str]:
    """The words of ``s``, split on white space, as a frozenset (how word classes are written)."""
    return frozenset(s.split())


_words = words


# --- closed word classes ---------------------------------------------------

DEFINITE_ARTICLES = _words("le la l' les")
INDEFINITE_ARTICLES = _words("un une des")
#: contracted preposition + article
CONTRACTED_ARTICLES = _words("au aux du des")
DEMONSTRATIVES = _words("ce cet cette ces")
POSSESSIVES_3 = _words("son sa ses leur leurs")
POSSESSIVES = POSSESSIVES_3 | _words("mon ma mes ton ta tes notre nos votre vos")
#: third-person subject pronouns (and their post-verbal clitic forms, ``-t-il``)
SUBJECT_PRONOUNS_3 = _words("il elle ils elles")
INVERTED_SUBJECT_CLITICS = _words("-il -elle -ils -elles -t-il -t-elle -t-ils -t-elles")
INVERTED_ON = _words("-on -t-on")
#: third-person personal pronouns that can stand for a person (subject, stressed, inverted)
PERSON_PRONOUNS_SG = _words("il elle lui -il -elle -t-il -t-elle")
PERSON_PRONOUNS_PL = _words("ils elles eux -ils -elles -t-ils -t-elles")
PERSON_PRONOUNS = PERSON_PRONOUNS_SG | PERSON_PRONOUNS_PL
#: demonstrative pronouns that take up a noun ("celle de…", "ceux qui…")
DEMONSTRATIVE_PRONOUNS_SG = _words("celui celle")
DEMONSTRATIVE_PRONOUNS_PL = _words("ceux celles")
DEMONSTRATIVE_PRONOUNS = DEMONSTRATIVE_PRONOUNS_SG | DEMONSTRATIVE_PRONOUNS_PL
#: object clitics before a verb
OBJECT_CLITICS = _words("le la l' les lui leur se s' y en")
#: a figure, an ordinal or a percentage written in digits ("1 100", "3,5", "100e", "12%")
FIGURE_RE = re.compile(r"^\d[\d\s\u00a0\u202f.,]*(?:e|er|ère|ème|%)?$")
#: a sentence end or a line break between two stretches of text (two quotations are then not one)
STOP_OR_BREAK_RE = re.compile(r"[.!?\n]")
#: the prepositions that hand what follows to a source ("selon X", "d'après X")
SOURCE_PREPOSITIONS = frozenset(("selon", "d'après"))
#: every word that may stand between a subject and its verb: object clitics, negation, reflexives
VERB_CLITICS = OBJECT_CLITICS | _words("ne n' me m' te t' nous vous")
#: stems of the participles that give a work or a thing its title ("un film intitulé X", "un navire
#: baptisé Y"): a name after them is a title, no mention of the person
TITLE_PARTICIPLE_STEMS = ("intitul", "baptis")
#: lemmas of the causative verbs that take a bare infinitive ("fait valoir", "laisse entendre")
CAUSATIVE_VERBS = frozenset(("faire", "laisser"))
#: phrases that open a sentence on a new topic ("Quant à X, elle …"): X is talked about
TOPIC_SHIFTERS = (("quant", "à"), ("quant", "au"), ("quant", "aux"))
RELATIVE_PRONOUNS = _words("qui que qu' dont où lequel laquelle lesquels lesquelles auquel auxquels")
NEGATION_WORDS = _words("ne n' pas jamais ni")
#: the first part of a negation, and the second parts that close it on a predication
#: ("ne … pas", "n'… jamais", "ne … rien"; "ne … que" restricts and is not one of them)
NEGATION_FIRST = _words("ne n' n’")
NEGATION_SECOND = _words("pas jamais rien plus aucun aucune guère nullement personne point")

#: the forms of être: every person of the present, imperfect, future, conditional, simple past and
#: subjunctive, the infinitive and the present participle (not the participle "été": PASSIVE_ETRE)
ETRE_FORMS = _words("""est sont était étaient sera seront serait seraient être étant suis es sommes êtes fut
furent soit soient étais étions étiez serai seras serons serez serais serions seriez fus fûmes fûtes
sois soyons soyez""")
#: the forms of être before a past participle in a passive or a compound tense ("est", "sera",
#: "ont été", "j'ai été choqué"): ETRE_FORMS and the participle "été"
PASSIVE_ETRE = ETRE_FORMS | _words("été")
#: the finite forms of avoir and être that build compound tenses, most frequent first in texts
AVOIR_FORMS = _words("""a ont avait avaient aura auront aurait auraient ai as avons avez avais avions aviez
ait aient eu ayant avoir""")
#: finite forms of avoir and être (not "ayant", "étant": "X, un déserteur ayant servi" is an apposition);
#: after a role noun, the verb of the clause that noun is the subject of
FINITE_AUXILIARIES = (AVOIR_FORMS | ETRE_FORMS) - _words("avoir être ayant étant eu été")
#: finite forms of the semi-auxiliaries and modals that take an infinitive (aller, devoir, pouvoir,
#: vouloir, falloir): with FINITE_AUXILIARIES, the words that show a clause's finite verb
MODAL_FORMS = _words("va vont doit doivent peut peuvent veut veulent faut")
#: finite auxiliaries and modals: the words that show a clause's finite verb (a verb of the clause follows)
FINITE_VERB_MARKERS = FINITE_AUXILIARIES | MODAL_FORMS
WEEKDAYS = _words("lundi mardi mercredi jeudi vendredi samedi dimanche")
MONTHS = _words("janvier février mars avril mai juin juillet août septembre octobre novembre décembre")
#: cardinal number words, the collective nouns built on them and the fractions
NUMBER_WORDS = _words("""un une deux trois quatre cinq six sept huit neuf dix onze douze treize
quatorze quinze seize vingt vingts trente quarante cinquante soixante septante huitante nonante
cent cents mille million millions milliard milliards millier milliers dizaine dizaines douzaine
douzaines quinzaine quinzaines vingtaine vingtaines trentaine trentaines quarantaine quarantaines
cinquantaine cinquantaines soixantaine soixantaines centaine centaines moitié tiers quart quarts
demi demie""")


def collective_head(words: Sequence[str], i: int, end: int | None = None,
                    is_number: Callable[[str], bool] = NUMBER_WORDS.__contains__) -> int:
    """Index of the head noun of a collective number at ``i`` and its "de" ("milliers de manifestants",
    "centaines d'élèves": the people counted are the head, not the number); ``i`` when ``words[i]``
    opens no such phrase or nothing follows its "de" before ``end`` (default: the end of ``words``).
    ``is_number`` tells a number word (callers that also count digits pass their own)."""
    end = len(words) if end is None else end
    if i + 2 < end and is_number(words[i]) and words[i + 1] in ("de", "d'"):
        return i + 2
    return i


#: masculine adjectives that stand before their noun ("un grand pas", "le premier pas"): a word after
#: one of them is read as a noun
PRENOMINAL_ADJECTIVES_M = _words("""premier premiers dernier derniers nouveau nouveaux grand grands petit
petits bon bons faux mauvais""")
#: adjectives placing a role's holder in time, before the role noun ("le nouveau Premier ministre",
#: "la future présidente", "l'actuel maire"): they tell one holder of an office from another
ROLE_TIME_ADJECTIVES = _words("nouveau nouvel nouvelle futur future actuel actuelle")

#: nouns naming a share of a group ("la majorité des Français", "la moitié des sondés"): with a
#: percentage ("64 % des") or a ratio ("six sur dix"), they count people without naming anyone
PROPORTION_NOUNS = _words("majorité minorité moitié tiers quart quarts plupart totalité proportion part")

#: quotation marks that open and close a quote (the straight ``"`` does both)
QUOTE_OPEN = frozenset('«“„‹"')
QUOTE_CLOSE = frozenset('»”›"')
#: (opening, closing) pairs of quotation marks
QUOTE_PAIRS = (("«", "»"), ("“", "”"), ("‹", "›"), ('"', '"'))

#: the full forms of French elided words (``l'`` -> ``le``)
ELIDED = {"l": "le", "d": "de", "j": "je", "m": "me", "n": "ne", "t": "te", "s": "se",
          "c": "ce", "ç": "ça", "qu": "que", "jusqu": "jusque", "lorsqu": "lorsque",
          "puisqu": "puisque", "quoiqu": "quoique", "presqu": "presque", "quelqu": "quelque"}


# --- normalisation ---------------------------------------------------------

class _Normalised(dict):
    """:func:`normalise` of the strings seen so far, computed on first sight (bounded:
    cleared past _NORMALISED_MAX)."""

    def __missing__(self, s: str) -> str:
        if len(self) > _NORMALISED_MAX:
            self.clear()
        out = self[s] = s.lower().replace("’", "'").replace("‐", "-").replace("\u00a0", " ")
        return out


_NORMALISED_MAX = 200_000

#: ``normalise(s)``: ``s`` lower-cased, with apostrophes, hyphens and no-break spaces unified,
#: as the matcher compares them. Memoised (bounded): it runs on every token of every
#: document, and word forms repeat. A memo's own ``__getitem__`` is called at C level, so a
#: form seen before costs one dict look-up, not a Python call (speed, issue 15).
normalise = _Normalised().__getitem__


def key(t: "Token") -> str:
    """A token's normalised form: what every rule compares words by."""
    return normalise(t.text)  # memoised: forms repeat


#: the per-document memo entry of :func:`token_keys` (a backend that has the keys may fill it)
TOKEN_KEYS_MEMO = "grammar.token_keys"


def token_keys(doc) -> list[str]:
    """:func:`key` of every token of ``doc``, by token index (a per-document memo).

    Rules that compare many tokens read ``keys[i]`` instead of calling
    :func:`key` per token: one pass per document instead of ~900 Python
    calls (speed, issue 15). The forms are the document's shared
    :meth:`~framing.document.ParsedDocument.forms`.
    """
    return doc.memo(TOKEN_KEYS_MEMO, lambda: list(map(normalise, doc.forms())))


def key_positions(doc, words: frozenset[str] | set[str]) -> list[int]:
    """Indices of the tokens of ``doc`` whose key (see :func:`token_keys`) is one of ``words``, in order.

    Rules that fire on a few trigger words look only there. The rules of one document
    ask ~15 times, each for a handful of words: the positions of every key are indexed
    once per document (a memo of the document), and each call reads the index for its
    words instead of scanning the whole document again (speed, issue 15).
    """
    index = doc.memo("grammar.key_index", lambda: _positions_by_key(token_keys(doc)))
    if len(words) <= len(index):
        found = [index[w] for w in words if w in index]
    else:
        found = [p for k, p in index.items() if k in words]
    if len(found) == 1:
        return list(found[0])  # a copy: the caller may change it
    # a token has one key, so the words' positions never repeat: sorted, they are in order
    return sorted(chain.from_iterable(found))


def _positions_by_key(keys: list[str]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    get = index.get
    for i, k in enumerate(keys):
        positions = get(k)
        if positions is None:
            index[k] = [i]
        else:
            positions.append(i)
    return index


def fold_accents(s: str) -> str:
    """Lower-case ``s`` and strip its diacritics (``Deséspérés`` -> ``desesperes``)."""
    low = normalise(s)
    if low.isascii():  # nothing to decompose or strip (most words): skip the per-character pass
        return low
    return _fold_non_ascii(low)


@lru_cache(maxsize=100_000)
def _fold_non_ascii(low: str) -> str:
    # cached (bounded): word forms repeat across documents
    return "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'", "‐": "-", "‑": "-"})


@lru_cache(maxsize=8192)
def fold_char(c: str, lower: bool) -> str:
    c = c.translate(_APOSTROPHES)
    base = unicodedata.normalize("NFD", c)[0]
    if lower:
        base = base.lower()[0]
    return base


class _FoldTable(dict):
    """A ``str.translate`` table folding each character as :func:`fold_char`, filled on first sight."""

    def __init__(self, lower: bool):
        super().__init__()
        self.lower = lower

    def __missing__(self, code: int) -> str:
        value = self[code] = fold_char(chr(code), self.lower)
        return value


_FOLD_TABLES = {True: _FoldTable(True), False: _FoldTable(False)}


def byte_table(table: dict[int, str]) -> bytes | None:
    """``table`` (a per-character ``str.translate`` table) as a ``bytes.translate`` table
    over the Windows-1252 encoding, or ``None`` when a character of that encoding does not
    translate to one character of it (then :func:`translate_chars` always uses ``table``)."""
    out = bytearray(range(256))
    for b in range(256):
        try:
            c = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:  # a byte no character encodes to: never read
            continue
        try:
            encoded = table[ord(c)].encode("cp1252")
        except UnicodeEncodeError:
            return None
        if len(encoded) != 1:
            return None
        out[b] = encoded[0]
    return bytes(out)


#: texts shorter than this are translated by ``str.translate`` directly (the byte path
#: costs three calls, more than it saves on a name or a phrase)
_BYTE_PATH_MIN = 64


def translate_chars(text: str, table: dict[int, str], table_bytes: bytes | None) -> str:
    """``text.translate(table)`` for a ``table`` that maps each character to one character,
    ``table_bytes`` being its :func:`byte_table`.

    ``str.translate`` looks each character of a non-ASCII text up in the table as a
    Python object (~20 ns a character: ~40 µs for a short article). Nearly every French
    text is written in the characters of Windows-1252 (accented letters, typographic
    apostrophes and quotation marks, dashes, no-break space), and there the same
    per-character mapping is an encoding, a ``bytes.translate`` and a decoding, all
    C loops over bytes (~7x faster, speed issue 15); a text with any other character
    is translated by ``table`` (the same result: the byte table is the character
    table, encoded).
    """
    if table_bytes is not None and len(text) >= _BYTE_PATH_MIN:
        try:
            return text.encode("cp1252").translate(table_bytes).decode("cp1252")
        except UnicodeEncodeError:  # a character outside Windows-1252
            pass
    return text.translate(table)


_FOLD_BYTES = {lower: byte_table(table) for lower, table in _FOLD_TABLES.items()}


def fold(text: str, lower: bool = True) -> str:
    """Accent-stripped (and lower-cased) copy of ``text`` with the SAME length.

    Offsets into the folded string are offsets into ``text`` (one
    ``str.translate`` pass, or its byte form: a per-character Python loop was a hot spot).
    """
    lower = bool(lower)
    return translate_chars(text, _FOLD_TABLES[lower], _FOLD_BYTES[lower])


# --- lemmas ----------------------------------------------------------------

#: Lemmas of the word forms seen so far: the one cache of :func:`lemma_of` (the builtin
#: tokenizer keeps its own ``(form, lemma)`` memo in front of it).
#: Bounded: cleared when it grows past LEMMA_MEMO_MAX.
LEMMA_MEMO: dict[str, str] = {}
LEMMA_MEMO_MAX = 200_000


def lemma_of(form: str) -> str:
    """The simplemma lemma of a word form, lower-cased (memoised)."""
    lemma = LEMMA_MEMO.get(form)
    if lemma is None:
        if len(LEMMA_MEMO) > LEMMA_MEMO_MAX:
            LEMMA_MEMO.clear()
        lemma = LEMMA_MEMO[form] = _lemmatize(form)
    return lemma


def _lemmatize(form: str) -> str:
    low = form.lower()
    if not low.isalpha() and not any(c.isalpha() for c in low):  # (most words: all letters)
        return low
    if low.endswith(("'", "’")):
        return ELIDED.get(low[:-1], low[:-1])
    try:
        return simplemma.lemmatize(low, lang="fr").lower()
    except Exception as e:  # simplemma raises on odd input; keep the form
        warnings.warn(f"simplemma could not lemmatize {form!r} ({type(e).__name__}); form kept",
                      RuntimeWarning, stacklevel=2)
        return low


def is_known_word(form: str) -> bool:
    """True when ``form`` is in simplemma's French dictionary."""
    try:
        return simplemma.is_known(form, lang="fr")
    except Exception:  # simplemma raises on odd input (not a word): the answer is no
        return False


# --- verb forms, guessed from the form when no parser says ------------------

# Words ending like infinitives that are not verbs (nouns, adjectives, adverbs).
NOT_INFINITIVES = _words("""hier soir avenir plaisir pouvoir devoir savoir premier dernier entier
mer fer hiver désir loisir souvenir cuir cher fier amer léger particulier régulier étranger
moindre""")  # (an adjective with a conjugation-class ending: -oindre, as in "rejoindre")
# Infinitives in -re (most -re words are nouns: "ministre", "guerre", "ordre").
RE_INFINITIVES = _words("""être faire dire prendre mettre suivre vivre attendre rendre vendre défendre
répondre entendre comprendre connaître paraître croire lire écrire produire réduire construire détruire
conduire combattre battre permettre promettre soumettre transmettre admettre reconnaître apparaître
disparaître craindre rejoindre atteindre contraindre plaindre résoudre perdre répandre descendre étendre
suspendre dépendre interrompre rompre vaincre convaincre conclure exclure inclure suffire nuire traduire
introduire reproduire poursuivre reprendre entreprendre apprendre surprendre remettre commettre
démettre accroître abattre""")
# Endings of -re infinitives that (but for "moindre", above) no common noun or adjective shares, so that a verb missing from
# the list above is still read as one ("interdire", "séduire", "inscrire", "compromettre",
# "rejoindre"): the conjugation classes of French -re verbs (dire/duire/crire, the -mettre and
# -prendre families, -battre, -rompre, -clure, -vaincre, -soudre, -aindre/-eindre/-oindre, -suivre).
RE_INFINITIVE_ENDINGS = ("dire", "duire", "crire", "mettre", "prendre", "battre", "rompre", "clure",
                         "vaincre", "soudre", "aindre", "eindre", "oindre", "suivre")


def is_infinitive(t: "Token") -> bool:
    """A lower-case verb infinitive (its own lemma, with an infinitive ending)."""
    w = key(t)
    if not t.is_word or t.text[:1].isupper() or w != t.lemma or w in NOT_INFINITIVES:
        return False
    return w.endswith(("er", "ir", "oir")) or w in RE_INFINITIVES or w.endswith(RE_INFINITIVE_ENDINGS)


def is_past_participle(t: "Token") -> bool:
    """A lower-case past participle by its lemma ("fait", "tué", "atteint", "perdu")."""
    low = normalise(t.text)
    return (t.is_word and not t.text[:1].isupper() and low != t.lemma
            and t.lemma.endswith(("er", "ir", "re", "oir"))
            and low.endswith(("é", "és", "ée", "ées", "i", "is", "it", "u", "us", "ue", "t", "te")))


_PARTICIPLE_ENDING = re.compile(r"(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes"
                                r"|int|inte|ints|intes)$")
#: short words that end like participles but are not
NOT_PARTICIPLES = _words("lui qui ici aussi ceci parmi si ni oui plus tous sous nous vous jamais puis depuis")
IRREGULAR_PARTICIPLES = _words("""été eu pu dû su vu fait dit mis pris mort morte morts mortes né née nés nées
venu venue venus venues offert ouvert""")


def looks_like_participle(low: str) -> bool:
    """A normalised form that reads as a past participle by its ending alone (no lemma needed)."""
    return ((_PARTICIPLE_ENDING.search(low) is not None and len(low) > 2 and low not in NOT_PARTICIPLES)
            or low in IRREGULAR_PARTICIPLES)


#: the endings of an -er verb's common finite forms, infinitive and participles
ER_ENDINGS = ("e", "es", "ent", "ons", "ez", "er", "é", "ée", "és", "ées", "ant", "ait", "aient", "a",
              "èrent", "era", "eront", "erait", "eraient")
#: the four forms of the past participle of an -er verb
ER_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")


def er_verb_forms(verb: str, endings: tuple[str, ...] = ER_ENDINGS) -> set[str]:
    """Forms of an -er verb with ``endings`` ("dénoncer" -> dénonce, dénonçant, dénoncé …), spelling
    changes included (c -> ç and g -> ge before a and o); ``{verb}`` when it is no -er verb."""
    v = normalise(verb).strip()
    if not v.endswith("er") or len(v) < 4:
        return {v}
    stem = v[:-2]
    out = {stem + e for e in endings}
    if stem.endswith("c"):  # c -> ç before a and o: dénonçant, dénonçons
        out |= {stem[:-1] + "ç" + e for e in endings if e[0] in "ao"}
    if stem.endswith("g"):  # g -> ge before a and o: fustigeant
        out |= {stem + "e" + e for e in endings if e[0] in "ao"}
    return out



#: the reflexive clitics of every person but nous/vous (which are also subjects: see :func:`reflexive_at`)
REFLEXIVE_CLITICS = _words("se s' s’ me m' m’ te t' t’")
#: the pronouns that are a subject or a clitic object alike ("nous nous sommes", "vous vous êtes")
NOUS_VOUS = _words("nous vous")
#: first-person subjects ("je suis choqué", "nous ne savons pas")
FIRST_PERSON_SUBJECTS = _words("je j' j’ nous")
#: degree words (and "pas") that stand before an attribute or a feeling noun ("très fier", "si honte",
#: "pas plus")
DEGREE_WORDS = _words("très si tellement trop bien aussi pas plus moins un peu")
#: degree words and adverbs between a verb and the attribute it takes ("s'est dit très fier", "se sent
#: un peu trahi", "est vivement critiqué"; adverbs in -ment pass too)
ATTRIBUTE_GAP = DEGREE_WORDS | _words("tout toute déjà souvent toujours encore jamais")


def reflexive_at(toks: list["Token"], j: int) -> bool:
    """True when the token at ``j`` is a reflexive clitic: "se", "me", "te", or a "nous"/"vous" after
    its subject ("nous nous sommes", not the subject of "nous sommes honorés", nor the addressee of
    "il nous a dit")."""
    if j < 0:
        return False
    w = key(toks[j])
    return w in REFLEXIVE_CLITICS or (w in NOUS_VOUS and j > 0 and key(toks[j - 1]) in NOUS_VOUS)


#: connective and time adverbs that stand between an auxiliary and its participle or between a verb
#: and its complement ("s'est également dit", "a toutefois déclaré")
CONNECTIVE_ADVERBS = _words("également aussi encore déjà alors ainsi toujours notamment pourtant cependant "
                            "toutefois enfin ensuite aussitôt")
#: adverbs between an auxiliary and its participle ("s'est également dit", "s'est par ailleurs dit")
_BETWEEN_AUXILIARY = CONNECTIVE_ADVERBS | _words("même ailleurs d' d’ par")


def reflexive_before(toks: list["Token"], k: int) -> bool:
    """True when the verb at ``k`` is pronominal: a reflexive clitic right before it or before its
    auxiliary être ("se dit", "s'est dit", "s'est par ailleurs dit"; "il nous a dit" has avoir and
    no reflexive)."""
    j = k - 1
    while j > 0 and (key(toks[j]) in _BETWEEN_AUXILIARY or key(toks[j]).endswith("ment")) and toks[j].is_word:
        j -= 1
    if j >= 0 and toks[j].lemma == "être":
        j -= 1
    elif j != k - 1:
        return False  # adverbs stand only between an auxiliary and its participle
    return reflexive_at(toks, j)


def before_attribute(toks: list["Token"], first: int) -> int:
    """The index of the word before the attribute at ``first``, past the degree words and adverbs
    (:data:`ATTRIBUTE_GAP`) and an opening quotation mark ("s'est dit « très fier »"); -1 at the start.
    A comma stops the walk: "il nous a dit, choqué, …" sets the participle apart from the verb."""
    k = first - 1
    while k >= 0 and (key(toks[k]) in ATTRIBUTE_GAP or key(toks[k]).endswith("ment") or toks[k].text in QUOTE_OPEN):
        k -= 1
    return k


def self_described(toks: list["Token"], first: int, describes_self: frozenset[str]) -> bool:
    """True when the word at ``first`` is the attribute a speaker gives themself with the reflexive
    of a verb of ``describes_self`` (lemmas: reporting_verbs.tsv ``describes_self``): "il s'est dit
    « profondément honoré »", "je me sens trahi", "elle se déclare inquiète"."""
    k = before_attribute(toks, first)
    if k < 0:
        return False
    return bool(_verb_readings(toks[k]) & describes_self) and reflexive_before(toks, k)


def _verb_readings(t: "Token") -> set[str]:
    """The lemma of ``t`` and the infinitives its form may belong to where the lemmatiser reads an
    adjective or a noun: a participle in -é(e)(s) of an -er verb ("déclarée" → déclarer), the present
    singular in -s of a -tir verb ("(je me) sens" → sentir)."""
    w = key(t)
    out = {t.lemma}
    for end in ER_PARTICIPLE_ENDINGS:
        if w.endswith(end):
            out.add(w[: -len(end)] + "er")
    if w.endswith("s"):
        out.add(w[:-1] + "tir")
    return out
