#!/usr/bin/env python3
"""Fit winnow's page-type scoring tables on the signals the C detector measures.

usage: python3 fit.py WINNOW [--l1 0.003] [--scale 4] [--write ../../src/pagetype/pt_weights.c]

Runs `WINNOW -e --url=URL` over every page of the WCXB development sets (HTML, and the
rendered text in text-innertext/), reads the "page type: ... signals: ..." line of
--explain, turns each signal into binary features at a few cuts (quantiles of its
non-zero values), fits one L1-regularised multinomial logistic regression per input
(common.train), rounds the weights to small integers and reports accuracy in-sample
and with a 2-fold split by site (fit on half the sites, test on the others).  With
--write it writes the tables as C data.  Development sets only: never point it at a
test split or the holdout.
"""
import argparse, collections, gzip, json, os, random, re, subprocess, sys
from multiprocessing import Pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import DATA, TYPES, train, report  # noqa: E402

SETS = ['wcxb-dev-article', 'wcxb-dev-other']
LINE = re.compile(r'^page type: .*?; signals: ?(.*)$', re.M)


def run(args):
    winnow, path, url, typ = args
    cmd = [winnow, '-e', '-t', typ, '-q'] + (['--url=' + url] if url else []) + [path]
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    m = LINE.search(p.stderr.decode('utf-8', 'replace'))
    sig = {}
    if m:
        for kv in m.group(1).split():
            k, v = kv.rsplit('=', 1)
            sig[k] = int(v)
    return sig


def collect(winnow):
    pages, jobs = [], []
    for ds in SETS:
        gt = json.load(open(f'{DATA}/{ds}/ground-truth.json'))
        for pid, m in sorted(gt.items()):
            if not m.get('page_type'):
                continue
            html = f'{DATA}/{ds}/html/{pid}.html.gz'
            text = f'{DATA}/{ds}/text-innertext/{pid}.txt'
            pages.append(dict(set=ds, id=pid, type=m['page_type'], url=m.get('url') or '',
                              domain=m.get('domain') or ''))
            jobs.append((winnow, html, m.get('url') or '', 'html'))
            jobs.append((winnow, text if os.path.exists(text) else html, m.get('url') or '', 'text'))
    with Pool(2) as pool:
        sigs = pool.map(run, jobs, chunksize=8)
    for k, p in enumerate(pages):
        p['html'], p['text'] = sigs[2 * k], sigs[2 * k + 1]
    return pages


def cuts_for(values):
    """A few cuts per signal: 1 for flags, else quantiles of its non-zero values."""
    nz = sorted(v for v in values if v > 0)
    if not nz:
        return []
    if nz[-1] == 1:
        return [1]
    cs = {nz[int(q * (len(nz) - 1))] for q in (0.0, 0.25, 0.5, 0.75, 0.9)}
    return sorted(c for c in cs if c > 0)


def binarize(sig, cuts):
    f = {'bias>=1'}
    for k, cs in cuts.items():
        v = sig.get(k, 0)
        for c in cs:
            if v >= c:
                f.add(f'{k}>={c}')
    return f


def fit(X, y, l1, scale):
    W = train(X, y, l1=l1)
    out = {}
    for f, w in W.items():
        r = [int(round(v * scale)) for v in w]
        if any(r):
            out[f] = [max(-127, min(127, v)) for v in r]
    return out


def predict(W, x):
    z = [0] * len(TYPES)
    for f in x:
        for k, v in enumerate(W.get(f, ())):
            z[k] += v
    return TYPES[max(range(len(TYPES)), key=lambda k: (z[k], -k))]


def regdomain(p):
    d = (p['domain'] or p['url'].split('/')[2] if p['url'].count('/') >= 2 else p['id']).lower()
    parts = d.removeprefix('www.').split('.')
    return '.'.join(parts[-3:] if len(parts) >= 3 and parts[-2] in ('co', 'com', 'ac', 'gov', 'org', 'edu') else parts[-2:])


def signal_idents():
    """Each signal's name ("T.run3_pct") to its enum (PS_T_RUN3_PCT), as pagetype.h's
    PT_SIGNAL_LIST spells them: the suffixes _pct and _pm are kept in some, not others."""
    h = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src',
                          'pagetype', 'pagetype.h')).read()
    return {name: 'PS_' + ident for ident, name in re.findall(r'X\((\w+), "([^"]+)"\)', h)}


def c_rows(W):
    rows = []
    idents = signal_idents()
    for f in sorted(W, key=lambda f: (f != 'bias>=1', f)):
        name, cut = f.rsplit('>=', 1)
        ident = 'PS_BIAS' if name == 'bias' else idents[name]
        rows.append(f'    {{{ident}, {cut}, {{{", ".join(str(v) for v in W[f])}}}}}, /* {f} */')
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('winnow')
    ap.add_argument('--l1', type=float, default=0.003)
    ap.add_argument('--l1-text', type=float, default=None)
    ap.add_argument('--scale', type=float, default=4)
    ap.add_argument('--cache', default='/tmp/pagetype-signals.json')
    ap.add_argument('--reuse', action='store_true', help='reuse the cached signals')
    ap.add_argument('--write')
    a = ap.parse_args()
    if a.reuse and os.path.exists(a.cache):
        pages = json.load(open(a.cache))
    else:
        pages = collect(a.winnow)
        json.dump(pages, open(a.cache, 'w'))
    y = [p['type'] for p in pages]
    doms = sorted({regdomain(p) for p in pages})
    random.Random(0).shuffle(doms)
    half = set(doms[:len(doms) // 2])
    fold = [0 if regdomain(p) in half else 1 for p in pages]
    tables = {}
    for mode in ('html', 'text'):
        l1 = a.l1 if mode == 'html' or a.l1_text is None else a.l1_text
        keys = sorted({k for p in pages for k in p[mode]})
        cuts = {k: cuts_for([p[mode].get(k, 0) for p in pages]) for k in keys}
        X = [binarize(p[mode], cuts) for p in pages]
        W = fit(X, y, l1, a.scale)
        pin = [predict(W, x) for x in X]
        pcv = [None] * len(X)
        for k in (0, 1):
            Wk = fit([X[i] for i in range(len(X)) if fold[i] != k], [y[i] for i in range(len(X)) if fold[i] != k], l1, a.scale)
            for i in range(len(X)):
                if fold[i] == k:
                    pcv[i] = predict(Wk, X[i])
        report(y, pin, f'{mode}: {len(W)} rows, in-sample')
        report(y, pcv, f'{mode}: 2-fold by site')
        tables[mode] = W
    if a.write:
        with open(a.write, 'w') as f:
            f.write('/* pt_weights.c -- the page-type scoring tables: DATA, written by\n'
                    ' * bench/pagetype/fit.py from the WCXB development sets (do not edit by hand;\n'
                    f' * refit with: python3 bench/pagetype/fit.py build/winnow --l1 {a.l1} --scale {a.scale:g} --write ...).\n'
                    ' * A row: when the signal is at least the cut, add the weights to the scores of\n'
                    ' * article, service, forum, listing, documentation, collection, product. */\n'
                    '#include "pagetype/pt_weights.h"\n\n')
            for mode in ('html', 'text'):
                rows = c_rows(tables[mode])
                f.write(f'const pt_row wn_pt_{mode}_rows[] = {{\n' + '\n'.join(rows) + '\n};\n')
                f.write(f'const size_t wn_pt_{mode}_nrows = sizeof wn_pt_{mode}_rows / sizeof *wn_pt_{mode}_rows;\n\n')


if __name__ == '__main__':
    main()
