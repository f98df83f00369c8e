import json, math, collections, os, random
from features import feats, TYPES

DATA = os.path.join(os.environ.get('WINNOW_SHARED', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared')), 'data')
WORK = os.environ.get('PAGETYPE_WORK', '/tmp/pagetype')
TEXTDIR = WORK + '/text'


def load():
    S = [json.loads(l) for l in open(WORK + '/signals.jsonl')]
    CT = {}
    for l in open(WORK + '/classtokens.jsonl'):
        c = json.loads(l); CT[(c['set'], c['id'])] = c['ct']
    for s in S:
        s['_ct'] = CT[(s['set'], s['id'])]
        s['_text'] = open(f"{TEXTDIR}/{s['set']}-{s['id']}.txt", encoding='utf-8').read()
        try:
            s['_itext'] = open(f"{DATA}/{s['set']}/text-innertext/{s['id']}.txt", encoding='utf-8', errors='replace').read()
        except FileNotFoundError:
            s['_itext'] = ''
    return S


def featurize(S, variant):
    return [feats(s, s['_ct'], s['_text'], variant, s['_itext']) for s in S]


def regdomain(d):
    d = d.lower().removeprefix('www.')
    parts = d.split('.')
    if len(parts) >= 3 and parts[-2] in ('co', 'com', 'ac', 'gov', 'org', 'edu') and len(parts[-1]) == 2:
        return '.'.join(parts[-3:])
    return '.'.join(parts[-2:])


def domain_folds(S, seed=0):
    def dom(s):
        u = s['url'] or s['canonical'] or s['og_url']
        return regdomain(s['domain'] or (u.split('/')[2] if u.count('/') >= 2 else 'none-' + s['id']))
    doms = sorted({dom(s) for s in S})
    rnd = random.Random(seed); rnd.shuffle(doms)
    half = set(doms[:len(doms) // 2])
    return [0 if dom(s) in half else 1 for s in S]


def train(X, y, l1=0.002, l2=0.0005, iters=300, lr=0.5, feats_allowed=None):
    """multinomial logistic regression, binary features, proximal GD. returns W[feat][k]"""
    K = len(TYPES)
    vocab = sorted({f for x in X for f in x if feats_allowed is None or f in feats_allowed})
    W = {f: [0.0] * K for f in vocab}
    n = len(X)
    yi = [TYPES.index(t) for t in y]
    Xl = [[f for f in x if f in W] for x in X]
    G2 = {f: [1e-8] * K for f in vocab}
    for it in range(iters):
        G = {f: [0.0] * K for f in vocab}
        for x, t in zip(Xl, yi):
            z = [0.0] * K
            for f in x:
                w = W[f]
                for k in range(K):
                    z[k] += w[k]
            m = max(z); e = [math.exp(v - m) for v in z]; s = sum(e)
            p = [v / s for v in e]
            p[t] -= 1
            for f in x:
                g = G[f]
                for k in range(K):
                    g[k] += p[k]
        for f in vocab:
            w = W[f]; g = G[f]; g2 = G2[f]
            for k in range(K):
                gk = g[k] / n + l2 * w[k]
                g2[k] += gk * gk
                step = lr / math.sqrt(g2[k])
                v = w[k] - step * gk
                if f != 'BIAS':  # prox L1
                    thr = step * l1
                    v = v - thr if v > thr else v + thr if v < -thr else 0.0
                w[k] = v
    return W


def predict(W, x, order=TYPES):
    K = len(TYPES)
    z = [0.0] * K
    for f in x:
        if f in W:
            for k in range(K):
                z[k] += W[f][k]
    best = max(range(K), key=lambda k: (z[k], -k))
    return TYPES[best], z


def report(y, p, title, out=print):
    n = len(y); acc = sum(a == b for a, b in zip(y, p)) / n
    out(f'\n### {title}: accuracy {acc*100:.1f}% ({sum(a == b for a, b in zip(y, p))}/{n})')
    cm = collections.Counter(zip(y, p))
    hdr = 'gold\\pred      ' + ''.join('%6s' % t[:5] for t in TYPES) + '   recall'
    out(hdr)
    for t in TYPES:
        row = [cm[(t, u)] for u in TYPES]
        out('%-15s' % t + ''.join('%6d' % v for v in row) + '   %5.1f%%' % (100 * cm[(t, t)] / max(1, sum(row))))
    out('precision      ' + ''.join('%6.0f' % (100 * cm[(u, u)] / max(1, sum(cm[(t, u)] for t in TYPES))) for u in TYPES))
    return acc
