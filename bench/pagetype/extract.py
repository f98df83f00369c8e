#!/usr/bin/env python3
"""Extract page-type signals from WCXB dev pages -> /tmp/pt/signals.jsonl
stdlib only. Usage: python3 extract.py [N]"""
import gzip, json, re, sys, os, collections
from html.parser import HTMLParser
from multiprocessing import Pool
from urllib.parse import urlparse

DATA = os.path.join(os.environ.get('WINNOW_SHARED', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared')), 'data')
WORK = os.environ.get('PAGETYPE_WORK', '/tmp/pagetype')
SETS = ['wcxb-dev-article', 'wcxb-dev-other']
VOID = set('area base br col embed hr img input link meta param source track wbr'.split())
SKIPTEXT = set('script style noscript template svg head title'.split())
BLOCK = set('p div li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article header footer nav aside main br pre blockquote dd dt form'.split())
CHROME = set('nav header footer aside'.split())

PRICE_RE = re.compile(r'(?:[$€£¥₹]\s?\d[\d,.]*|\d[\d,.]*\s?(?:€|£|\$|USD|EUR|GBP|kr|zł|Kč)\b)')
DATE_RE = re.compile(r'\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago)\b', re.I)
TOK_RE = re.compile(r'[a-z][a-z0-9]*')

class Node:
    __slots__ = ('tag', 'cls', 'children', 'text', 'ltext', 'nimg', 'nlink', 'nprice', 'ntime', 'parent', 'chrome', 'sig', 'ndate', 'nav', 'hid')
    def __init__(self, tag, cls, parent, chrome):
        self.tag = tag; self.cls = cls; self.children = []; self.text = 0; self.ltext = 0
        self.nimg = 0; self.nlink = 0; self.nprice = 0; self.ntime = 0; self.parent = parent; self.chrome = chrome; self.ndate = 0; self.nav = False; self.hid = False


class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node('#root', '', None, False)
        self.stack = [self.root]
        self.tags = collections.Counter()
        self.clstok = collections.Counter()
        self.bodycls = ''
        self.skip = 0
        self.inlink = 0
        self.jsonld = []
        self.injsonld = False
        self.buf = []
        self.meta = {}
        self.generator = []
        self.itemtypes = []
        self.itemprops = collections.Counter()
        self.canonical = ''
        self.rel = collections.Counter()
        self.text = []
        self.title = []
        self.intitle = False
        self.inputs = collections.Counter()
        self.buttons = []
        self.inbutton = 0
        self.btntext = []
        self.h = []  # (level, text)
        self.inh = None
        self.htext = []
        self.aria = collections.Counter()
        self.hids = 0; self.hanchors = 0; self.prevnext = 0
        self.abuf = []; self.achrome = False; self.hlinks = 0; self.longlinks = 0; self.longlinks_nc = 0

    def handle_starttag(self, tag, attrs):
        a = {}
        for k, v in attrs:
            if k not in a:
                a[k] = v or ''
        self.tags[tag] += 1
        cls = (a.get('class', '') + ' ' + a.get('id', '')).lower()
        for t in TOK_RE.findall(cls):
            if len(t) <= 25:
                self.clstok[t] += 1
        if tag == 'body':
            self.bodycls = a.get('class', '')
        if tag == 'meta':
            n = (a.get('name') or a.get('property') or a.get('itemprop') or '').lower()
            if n:
                self.meta.setdefault(n, a.get('content', ''))
            if n == 'generator':
                self.generator.append(a.get('content', ''))
        if tag == 'link':
            rel = a.get('rel', '').lower()
            for r in rel.split():
                self.rel[r] += 1
            if 'canonical' in rel.split():
                self.canonical = self.canonical or a.get('href', '')
        if 'itemtype' in a:
            self.itemtypes.append(a['itemtype'])
        if 'itemprop' in a:
            for ip in a['itemprop'].split():
                self.itemprops[ip.lower()] += 1
        if 'role' in a:
            self.aria['role=' + a['role'].lower()] += 1
        if tag == 'input':
            self.inputs[a.get('type', 'text').lower()] += 1
        if tag == 'script' and 'ld+json' in a.get('type', '').lower():
            self.injsonld = True; self.buf = []
        if tag == 'title' and not self.title:
            self.intitle = True
        if tag in ('button',) or (tag == 'input' and a.get('type', '').lower() in ('submit', 'button')):
            if tag == 'input':
                self.buttons.append(a.get('value', '') + ' ' + a.get('aria-label', ''))
            else:
                self.inbutton += 1; self.btntext = [a.get('aria-label', '')]
        if tag == 'a' and 'href' in a:
            self.inlink += 1
            self.stack[-1].nlink += 1
            self.abuf = []
            self.achrome = self.stack[-1].chrome
            if self.inh: self.hlinks += 1
        if tag in ('h1', 'h2', 'h3', 'h4', 'h5', 'h6'):
            self.inh = tag; self.htext = []
            if self.inlink: self.hlinks += 1
        if tag in SKIPTEXT:
            self.skip += 1
        if tag == 'img':
            for n in self.stack:
                pass
            self.stack[-1].nimg += 1
        if tag == 'time':
            self.stack[-1].ntime += 1
        if tag in BLOCK:
            self.text.append('\n')
        if tag in VOID:
            return
        par = self.stack[-1]
        nd = Node(tag, ' '.join(sorted(set(re.sub(r'\d+', '', a.get('class', '')).lower().split()))), par,
                  par.chrome or tag in CHROME or bool(re.search(r'\b(?:nav|menu|footer|header|sidebar)\b', cls)))
        nd.nav = tag in ('nav', 'aside') or bool(re.search(r'sidebar|\btoc\b|table-of-contents|menu', cls))
        if tag in ('h2', 'h3', 'h4') and (a.get('id') or ''):
            self.hids += 1
        if tag == 'a' and a.get('href', '').startswith('#') and self.inh:
            self.hanchors += 1
        if tag == 'a' and re.match(r'\s*(«|‹|←)?\s*(previous|prev|next)\b', a.get('aria-label', '') + ' ' + a.get('title', ''), re.I):
            self.prevnext += 1
        par.children.append(nd)
        self.stack.append(nd)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == 'script' and self.injsonld:
            self.injsonld = False; self.jsonld.append(''.join(self.buf))
        if tag == 'title':
            self.intitle = False
        if tag in SKIPTEXT and self.skip:
            self.skip -= 1
        if tag == 'a' and self.inlink:
            self.inlink -= 1
            n = len(' '.join(''.join(self.abuf).split()))
            if n >= 35:
                self.longlinks += 1
                if not self.achrome: self.longlinks_nc += 1
            self.abuf = []
        if tag == 'button' and self.inbutton:
            self.inbutton -= 1; self.buttons.append(' '.join(self.btntext))
        if tag == self.inh:
            self.h.append((int(tag[1]), ' '.join(''.join(self.htext).split())[:120])); self.inh = None
        if tag in BLOCK:
            self.text.append('\n')
        if tag in VOID:
            return
        # pop to matching
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, d):
        if self.injsonld:
            self.buf.append(d); return
        if self.intitle:
            self.title.append(d)
        if self.skip:
            return
        self.text.append(d)
        if self.inbutton:
            self.btntext.append(d)
        if self.inlink:
            self.abuf.append(d)
        if self.inh:
            self.htext.append(d)
        n = len(d.strip())
        if n:
            nd = self.stack[-1]
            nd.text += n
            if self.inlink:
                nd.ltext += n
            if PRICE_RE.search(d):
                nd.nprice += 1
            if DATE_RE.search(d):
                nd.ndate += 1


def agg(nd):
    """post-order aggregate counts upward; return list of nodes"""
    order = []
    st = [nd]
    while st:
        x = st.pop(); order.append(x); st.extend(x.children)
    for x in reversed(order):
        for c in x.children:
            x.text += c.text; x.ltext += c.ltext; x.nimg += c.nimg; x.nlink += c.nlink
            x.nprice += c.nprice; x.ntime += c.ntime; x.ndate += c.ndate
    return order


def jsonld_types(raws):
    types = []; errs = 0
    def walk(o, depth=0):
        if depth > 12:
            return
        if isinstance(o, dict):
            t = o.get('@type')
            if isinstance(t, str):
                types.append((t, depth))
            elif isinstance(t, list):
                types.extend((x, depth) for x in t if isinstance(x, str))
            for k, v in o.items():
                if k == '@graph':
                    walk(v, depth)   # graph members count as top level
                elif isinstance(v, (dict, list)):
                    walk(v, depth + 1)
        elif isinstance(o, list):
            for v in o:
                walk(v, depth)
    for r in raws:
        try:
            walk(json.loads(r.strip().rstrip(';')))
        except Exception:
            errs += 1
            for m in re.finditer(r'"@type"\s*:\s*"([^"]+)"', r):
                types.append((m.group(1), 9))
    return types, errs


def repeats(order, alltext):
    """groups of >=3 same-signature siblings outside chrome"""
    res = []
    for x in order:
        if x.chrome or len(x.children) < 3:
            continue
        g = collections.defaultdict(list)
        for c in x.children:
            if c.text >= 15:
                g[(c.tag, c.cls)].append(c)
        for k, m in g.items():
            if len(m) < 3:
                continue
            n = len(m)
            tt = sum(c.text for c in m)
            res.append(dict(n=n, tag=k[0], cls=k[1][:60],
                            avgtext=tt / n,
                            ld=sum(c.ltext for c in m) / max(1, tt),
                            fimg=sum(1 for c in m if c.nimg) / n,
                            flink=sum(1 for c in m if c.nlink) / n,
                            fprice=sum(1 for c in m if c.nprice) / n,
                            ftime=sum(1 for c in m if c.ntime) / n,
                            fdate=sum(1 for c in m if c.ntime or c.ndate) / n,
                            share=tt / max(1, alltext)))
    return res


def one(arg):
    ds, pid, meta = arg
    with gzip.open(f'{DATA}/{ds}/html/{pid}.html.gz', 'rb') as f:
        raw = f.read()
    html = raw.decode('utf-8', 'replace')
    p = P()
    try:
        p.feed(html); p.close()
    except Exception as e:
        pass
    order = agg(p.root)
    alltext = p.root.text
    types, errs = jsonld_types(p.jsonld)
    text = re.sub(r'[ \t\r\f\v]+', ' ', ''.join(p.text))
    text = re.sub(r'\s*\n\s*', '\n', text).strip()
    try:
        itxt = open(f'{DATA}/{ds}/text-innertext/{pid}.txt', encoding='utf-8', errors='replace').read()
    except FileNotFoundError:
        itxt = ''
    reps = repeats(order, alltext)
    reps.sort(key=lambda r: -r['n'] * r['avgtext'])
    # main/article-only text
    def sub_text(tag):
        best = 0
        for x in order:
            if x.tag == tag:
                best = max(best, x.text)
        return best
    navlinks = max([x.nlink for x in order if x.nav] + [0])
    pblock = 0; pblock_n = 0
    for x in order:
        ps = [c.text for c in x.children if c.tag == 'p' and c.text >= 40]
        if sum(ps) > pblock:
            pblock = sum(ps); pblock_n = len(ps)
    ogurl = p.meta.get('og:url', '')
    s = dict(
        id=pid, set=ds, type=meta['page_type'], url=meta['url'], domain=meta['domain'],
        canonical=p.canonical, og_url=ogurl,
        og_type=p.meta.get('og:type', ''),
        generator=p.generator,
        jsonld=[t for t, d in types], jsonld_top=[t for t, d in types if d == 0], jsonld_err=errs,
        itemtypes=p.itemtypes, itemprops=dict(p.itemprops),
        tags={k: v for k, v in p.tags.items() if k in (
            'article', 'form', 'input', 'nav', 'table', 'pre', 'code', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'li',
            'img', 'button', 'select', 'textarea', 'time', 'aside', 'section', 'main', 'blockquote', 'p', 'ul', 'ol',
            'dl', 'figure', 'iframe', 'video', 'address', 'tr', 'td', 'th', 'label', 'option', 'kbd', 'samp', 'var')},
        inputs=dict(p.inputs), rel=dict(p.rel), aria=dict(p.aria),
        bodycls=p.bodycls[:600],
        title=' '.join(''.join(p.title).split())[:200],
        headings=p.h[:60], nheadings=len(p.h),
        buttons=[' '.join(b.split())[:60] for b in p.buttons][:200],
        textlen=alltext, linktext=p.root.ltext,
        main_text=sub_text('main'), article_text=sub_text('article'),
        nprice_html=len(PRICE_RE.findall(text)), ndate_html=len(DATE_RE.findall(text)),
        reps=reps[:25],
        itext_len=len(itxt), itext_lines=itxt.count('\n') + 1,
        jl_datepub=any('"datePublished"' in r for r in p.jsonld), jl_author=any('"author"' in r for r in p.jsonld),
        meta_author=bool(p.meta.get('author') or p.meta.get('article:author') or p.meta.get('parsely-author') or p.meta.get('sailthru.author')),
        meta_date=any(k in p.meta for k in ('article:published_time', 'date', 'pubdate', 'publish-date', 'parsely-pub-date', 'sailthru.date', 'dc.date', 'datepublished', 'article:modified_time')),
        html_len=len(raw), hlinks=p.hlinks, longlinks=p.longlinks, longlinks_nc=p.longlinks_nc,
        pblock=pblock, pblock_n=pblock_n, navlinks=navlinks, hids=p.hids, hanchors=p.hanchors, prevnext=p.prevnext,
        metadesc=p.meta.get('description', '')[:200],
        twitter_card=p.meta.get('twitter:card', ''),
        article_meta=[k for k in p.meta if k.startswith(('article:', 'product:', 'og:price', 'book:', 'profile:'))],
    )
    ct = {k: v for k, v in p.clstok.items() if v >= 1}
    return s, ct, text, itxt


def main():
    todo = []
    for ds in SETS:
        gt = json.load(open(f'{DATA}/{ds}/ground-truth.json'))
        for pid, m in sorted(gt.items()):
            todo.append((ds, pid, m))
    if len(sys.argv) > 1:
        todo = todo[:int(sys.argv[1])]
    os.makedirs(WORK + '/text', exist_ok=True)
    with open(WORK + '/signals.jsonl', 'w') as out, open(WORK + '/classtokens.jsonl', 'w') as cto, Pool(2) as pool:
        for s, ct, text, itxt in pool.imap(one, todo, chunksize=4):
            out.write(json.dumps(s) + '\n')
            cto.write(json.dumps({'id': s['id'], 'set': s['set'], 'ct': ct}) + '\n')
            with open(f"{WORK}/text/{s['set']}-{s['id']}.txt", 'w') as f:
                f.write(text)


if __name__ == '__main__':
    main()
