#!/usr/bin/env python3
"""Page-type accuracy of winnow on the WCXB development sets, run as a crawler runs it:
each page in its own process with its URL (--url from the ground truth), from the HTML
or from the rendered text (text-innertext/).  Scores the JSON records with
../shared/bench/metadata.py (page_type line and, with --confusion, the table).

usage: python3 bench/pagetype/accuracy.py WINNOW [html|text] [--no-url] [--confusion]
"""
import argparse, json, os, subprocess, sys, tempfile
from multiprocessing import Pool

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get('WINNOW_SHARED', os.path.join(HERE, '..', '..', '..', 'shared'))
SETS = ['wcxb-dev-article', 'wcxb-dev-other']


def run(job):
    winnow, src, url, mode, out = job
    cmd = [winnow, '-q', '-t', mode, '-f', 'json'] + (['--url=' + url] if url else []) + [src]
    with open(out, 'wb') as f:
        subprocess.run(cmd, stdout=f, stderr=subprocess.DEVNULL, timeout=120)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('winnow')
    ap.add_argument('mode', nargs='?', default='html', choices=['html', 'text'])
    ap.add_argument('--no-url', action='store_true')
    ap.add_argument('--confusion', action='store_true')
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for ds in SETS:
            d = f'{SHARED}/data/{ds}'
            os.makedirs(f'{tmp}/{ds}')
            jobs = []
            for pid, m in sorted(json.load(open(d + '/ground-truth.json')).items()):
                src = f'{d}/html/{pid}.html.gz' if a.mode == 'html' else f'{d}/text-innertext/{pid}.txt'
                if os.path.exists(src):
                    url = '' if a.no_url else (m.get('url') or '')
                    jobs.append((a.winnow, src, url, a.mode, f'{tmp}/{ds}/{pid}.json'))
            with Pool(2) as pool:
                pool.map(run, jobs, chunksize=8)
            p = subprocess.run([sys.executable, f'{SHARED}/bench/metadata.py', d + '/ground-truth.json',
                                f'{tmp}/{ds}'] + (['--confusion'] if a.confusion else []),
                               capture_output=True, text=True)
            lines = p.stdout.splitlines()
            start = next((i for i, l in enumerate(lines) if l.startswith('page_type')), len(lines))
            print(f'== {ds} ({a.mode}{", no URL" if a.no_url else ""})')
            print('\n'.join(lines[start:] if a.confusion else lines[start:start + 1]))


if __name__ == '__main__':
    main()
