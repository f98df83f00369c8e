"""Fit the two integer scoring tables (HTML mode, text mode), evaluate, write weights + report pieces.
usage: python3 final.py L1_html L1_text SCALE [--out]"""
import sys, collections, json
from common import *

l1h, l1t, scale = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
OUT = '--out' in sys.argv
S = load(); y = [s['type'] for s in S]; folds = domain_folds(S)
V = ['full', 'nourl', 'nourl_strict', 'text', 'text_nourl']
XV = {v: featurize(S, v) for v in V}
MODES = {'html': (['full'], l1h), 'text': (['text', 'text_nourl'], l1t)}


def fit(mode, idx):
    tv, l1 = MODES[mode]
    X = []; Y = []
    for v in tv:
        X += [XV[v][i] for i in idx]; Y += [y[i] for i in idx]
    W = train(X, Y, l1=l1)
    Wi = {}
    for f, w in W.items():
        r = [int(round(v * scale)) for v in w]
        if any(r):
            Wi[f] = r
    return Wi


def pred(W, x):
    z = [0] * len(TYPES)
    for f in x:
        if f in W:
            for k, v in enumerate(W[f]):
                z[k] += v
    m = max(z)
    return TYPES[z.index(m)], z   # tie -> earliest in TYPES order


lines = []
out = lambda s='': lines.append(s)
res = {}
for mode, evs in (('html', ['full', 'nourl', 'nourl_strict']), ('text', ['text', 'text_nourl'])):
    W = fit(mode, range(len(S)))
    Wk = [fit(mode, [i for i in range(len(S)) if folds[i] != k]) for k in (0, 1)]
    nf = len(W); nw = sum(1 for w in W.values() for v in w if v)
    out(f'## mode {mode}: {nf} features, {nw} nonzero integer weights (scale {scale})')
    for v in evs:
        p = [pred(W, XV[v][i])[0] for i in range(len(S))]
        pc = [pred(Wk[folds[i]], XV[v][i])[0] for i in range(len(S))]
        a = report(y, p, f'{mode} table, eval {v}, all 1337 pages', out)
        b = report(y, pc, f'{mode} table, eval {v}, 2-fold by domain (fit on other half)', out)
        res[v] = (a, b, p, pc)
        print(f'{mode} {v}: in={a*100:.1f} cv={b*100:.1f} feats={nf} weights={nw}', flush=True)
    if OUT:
        with open(f'{WORK}/weights_{mode}.tsv', 'w') as f:
            f.write('#feature\t' + '\t'.join(TYPES) + '\n')
            for k in sorted(W, key=lambda k: (k != 'BIAS', k)):
                f.write(k + '\t' + '\t'.join(str(v) for v in W[k]) + '\n')
if OUT:
    open(WORK + '/final_eval.txt', 'w').write('\n'.join(lines) + '\n')
    with open(WORK + '/predictions.jsonl', 'w') as f:
        for i, s in enumerate(S):
            f.write(json.dumps({'id': s['id'], 'set': s['set'], 'gold': y[i], 'url': s['url'], 'title': s['title'],
                                **{v + '_in': res[v][2][i] for v in res}, **{v + '_cv': res[v][3][i] for v in res}}) + '\n')
