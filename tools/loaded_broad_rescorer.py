"""Would a re-scorer over a broader candidate set beat the LOADED rules? (issue 18, sixth pass)

Candidates: the rules' LOADED spans (kept) plus every lower-case word of
``polarity.tsv`` (subjectivity >= 0.4, |polarity| >= 0.3, or after a degree
word) that no rule span covers. Context features only (prior polarity and
subjectivity, a degree word before, inside quotation marks, a copula before,
an exclamation or a first/second person in the sentence, suffix class, length,
position, the document's rule rate, repetitions; never the word itself). A
logistic regression adds the candidates it scores above a threshold; 5-fold
document-grouped cross-validation, spans pooled over the folds:

    .venv/bin/python tools/loaded_broad_rescorer.py . GOLD_DIR [GOLD_DIR ...]

Result and decision in docs/lexicons.md (sixth pass): not shipped.
"""
import json, sys, glob, re
import numpy as np
sys.path.insert(0, sys.argv[1])
from framing import analyze
from framing.backends.builtin import BuiltinBackend
from framing.evaluate import match_spans
from framing.spans import Span
from framing.lexicons import load_lexicon, normalise
from framing.extract.loaded import quotation_mark_regions
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
pol = {}
for e in load_lexicon('polarity').entries:
    try: pol[normalise(e['term'])] = (float(e['polarity']), float(e['subjectivity'] or 0))
    except ValueError: pass
DEG = set("très trop si tellement vraiment particulièrement assez plutôt extrêmement bien fort".split())
COP = set("est était sont étaient sera serait c'est reste semble paraît devient".split())
PRON = set("je j' tu nous vous on me m' moi".split())
SUF = ('able','ible','eux','euse','ant','ante','é','ée','if','ive','ique','al','ale','el','elle')
B = BuiltinBackend()
files = [f for d in sys.argv[2:] for f in sorted(glob.glob(f'{d}/*.json'))]
docs = []
for f in files:
    g = json.load(open(f)); t = g['text']
    gold = [Span.from_dict(s) for s in g['spans'] if s['label'] == 'LOADED']
    a = analyze(t); rule = [s for s in a.spans if s.label == 'LOADED']
    doc = B.parse(t); toks = doc.tokens
    regions = quotation_mark_regions(t)
    covered = [(s.start, s.end) for s in rule]
    forms = [normalise(x.text) for x in toks]
    nw = sum(x.is_word for x in toks) or 1
    cands = []
    for i, x in enumerate(toks):
        if not x.is_word or not x.text[:1].islower(): continue
        p, sj = pol.get(forms[i], (None, None))
        deg = i > 0 and forms[i-1] in DEG
        if p is None: continue
        if not (sj >= 0.4 or abs(p) >= 0.3 or deg): continue
        if any(a_ < x.end and x.start < b_ for a_, b_ in covered): continue
        start = toks[i-1].start if deg else x.start
        sent = [k for k in range(max(0,i-25), min(len(toks), i+25)) if toks[k].sent == x.sent]
        feats = [p, abs(p), sj, float(deg), float(any(a_ < x.end and x.start < b_ for a_, b_ in regions)),
                 float(any(forms[k] in COP for k in range(max(0,i-3), i))),
                 float(any(toks[k].text == '!' for k in sent)), float(any(forms[k] in PRON for k in sent)),
                 len(x.text)/10, i/len(toks), len(rule)*1000/nw/10, forms.count(forms[i])] + [float(forms[i].endswith(s)) for s in SUF]
        cands.append((Span.at(t, start, x.end, 'LOADED', cat='x'), feats))
    docs.append((f, gold, rule, cands))
X = np.array([c[1] for d in docs for c in d[3]]); grp = np.array([k for k, d in enumerate(docs) for c in d[3]])
y = []
for d in docs:
    for c in d[3]:
        y.append(int(any(g.start < c[0].end and c[0].start < g.end for g in d[1])))
y = np.array(y); print('candidates', len(y), 'positive', y.sum())
prob = np.zeros(len(y))
for tr, te in GroupKFold(5).split(X, y, grp):
    m = LogisticRegression(max_iter=2000, class_weight=None).fit(X[tr], y[tr]); prob[te] = m.predict_proba(X[te])[:, 1]
def score(th):
    tp = npred = ngold = 0; k = 0
    for d in docs:
        extra = []
        for c in d[3]:
            if prob[k] >= th: extra.append(c[0])
            k += 1
        pred = d[2] + extra
        tp += len(match_spans(d[1], pred)); npred += len(pred); ngold += len(d[1])
    P = tp/npred; R = tp/ngold; return P, R, 2*P*R/(P+R)
for th in (1.01, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2):
    print(th, ['%.3f' % v for v in score(th)])
