"""Binary feature extraction for page-type detection (stdlib only).
feats(sig, ctok, text, url) -> set of feature names.
Groups:  S.* self-description, U.* URL path, H.* HTML structure, T.* text keywords/shape."""
import re, json
from urllib.parse import urlparse

TYPES = ['article', 'service', 'forum', 'listing', 'documentation', 'collection', 'product']

# ---------------- self description ----------------
JL = {
    'article': {'article', 'newsarticle', 'blogposting', 'report', 'scholarlyarticle', 'opinionnewsarticle',
                'analysisnewsarticle', 'reportagenewsarticle', 'livelogposting', 'liveblogposting', 'posting',
                'socialmediaposting_', 'recipe', 'howto', 'review_', 'medicalwebpage', 'backgroundnewsarticle',
                'blog'},
    'product': {'product', 'productgroup', 'individualproduct', 'productmodel', 'vehicle', 'car', 'book_',
                'softwareapplication_', 'itempage'},
    'forum': {'discussionforumposting', 'qapage', 'socialmediaposting', 'comment', 'question', 'answer_'},
    'list': {'collectionpage', 'itemlist', 'searchresultspage', 'offercatalog', 'productcollection'},
    'doc': {'techarticle', 'apireference', 'softwaresourcecode'},
    'service': {'service', 'localbusiness', 'professionalservice', 'softwareapplication', 'webapplication',
                'financialservice', 'legalservice', 'medicalbusiness', 'homeandconstructionbusiness',
                'educationalorganization', 'collegeoruniversity', 'course', 'medicalclinic', 'dentist',
                'physician', 'attorney', 'automotivebusiness', 'store_', 'faqpage', 'contactpage_', 'aboutpage',
                'offer_', 'howto_'},
}
GEN = [  # generator family -> feature
    (r'wordpress', 'wordpress'), (r'discourse|phpbb|vbulletin|xenforo|invision|mybb|\bsmf\b|simple machines|flarum|nodebb|vanilla|punbb|fluxbb|yabb', 'forumsw'),
    (r'mediawiki|sphinx|mkdocs|docusaurus|rustdoc|vitepress|vuepress|docfx|antora|gitbook|read the docs|jsdoc|doxygen|javadoc|hugo|nextra|mintlify|starlight|docsy|gatsby|astro', 'docsw'),
    (r'woocommerce|shopify|magento|prestashop|bigcommerce|opencart|oscommerce|shopware|salesforce commerce|ecwid', 'shopsw'),
    (r'wix|webflow|squarespace|hubspot|elementor|divi|wpbakery|slider revolution|framer|duda|godaddy|weebly|unbounce', 'builder'),
    (r'drupal|joomla|typo3|craft|umbraco|sitecore|adobe experience', 'cms'),
    (r'ghost|substack|medium|blogger|typepad|movable type', 'blogsw'),
]
# platform markers (class/id tokens, lowercased, alnum runs) -> family
PLATFORM = {
    'forumsw': {'bbwrapper', 'messagecontent', 'postbody', 'postbit', 'phpbb', 'xenforo', 'discourse', 'topicpost', 'ipsforum',
                'cpost', 'postprofile', 'vbulletin', 'mybb', 'bbcode', 'bbcodeblock', 'answercell', 'postcell', 'smfpost',
                'commentarea', 'threadbit'},
    'docsw': {'sphinxsidebar', 'headerlink', 'docutils', 'admonition', 'wy', 'rst', 'toctree', 'mwparseroutput', 'mw',
              'docusaurus', 'docsearch', 'docmainwrapper', 'md', 'mkdocs', 'vp', 'vitepress', 'rustdoc', 'gitbook', 'docs', 'doc', 'bd'},
    'shopsw': {'woocommerce', 'shopify', 'addtocart', 'add', 'cart', 'minicart', 'checkout', 'sku', 'swatch', 'pdp', 'plp'},
}


def norm_type(t):
    return re.sub(r'^https?://(www\.)?schema\.org/', '', t.strip()).split('/')[-1].lower()


def self_feats(sig, f):
    top = {norm_type(t) for t in sig['jsonld_top']}
    anyd = {norm_type(t) for t in sig['jsonld']}
    mic = {norm_type(t) for t in sig['itemtypes']}
    for g, names in JL.items():
        if top & names:
            f.add('S.jl_' + g)
        if mic & names:
            f.add('S.md_' + g)
    if 'offer' in anyd and ('product' in anyd or 'productgroup' in anyd):
        f.add('S.jl_offer')
    if 'person' in anyd: f.add('S.jl_person')
    if 'breadcrumblist' in anyd or 'breadcrumblist' in mic: f.add('S.breadcrumb')
    if not sig['jsonld']: f.add('S.jl_none')
    if 'interactioncounter' in anyd or 'interactioncounter' in mic: f.add('S.interaction')
    og = sig['og_type'].lower()
    if og.startswith('article') or og in ('blog', 'news'): f.add('S.og_article')
    elif 'product' in og or og.endswith(':item'): f.add('S.og_product')
    elif og == 'website': f.add('S.og_website')
    elif not og: f.add('S.og_none')
    gen = ' '.join(sig['generator']).lower()
    for rx, name in GEN:
        if re.search(rx, gen):
            f.add('S.gen_' + name)
    if sig['jl_author'] or sig['meta_author'] or sig['itemprops'].get('author'): f.add('S.author')
    if sig['jl_datepub'] or sig['meta_date'] or sig['itemprops'].get('datepublished'): f.add('S.date')
    if sig['meta_author']: f.add('S.meta_author')
    am = sig['article_meta']
    if any(k.startswith('article:published') for k in am): f.add('S.meta_published')
    if any(k.startswith(('product:', 'og:price')) for k in am): f.add('S.meta_price')
    body = set(sig['bodycls'].lower().split())
    if body & {'single-post', 'post-template-default', 'single-format-standard', 'blog-post', 'article-page', 'node--type-article', 'page-node-type-article'}:
        f.add('S.body_post')
    if body & {'archive', 'category', 'tag', 'search', 'search-results', 'blog', 'paged', 'post-type-archive'} or any(b.startswith(('tax-', 'category-', 'tag-')) for b in body):
        f.add('S.body_archive')
    if body & {'single-product', 'product-template-default'}: f.add('S.body_product')
    if body & {'woocommerce-page', 'woocommerce'} and not body & {'single-product'}: f.add('S.body_shop')
    if body & {'page-template-default', 'page-template', 'page', 'home', 'front-page'} and 'single-post' not in body:
        f.add('S.body_page')


def platform_feats(ctok, f):
    keys = set(ctok)
    if keys & PLATFORM['forumsw']: f.add('H.plat_forum')
    if len(keys & PLATFORM['docsw']) >= 2: f.add('H.plat_doc')


# ---------------- URL ----------------
URLRX = [  # (feature, regex over lowercased path + '/' ; '^' anchors at path start)
    ('article', r'/(blog|blogs|article|articles|news|post|posts|story|stories|insights|resources|magazine|journal|editorial|opinion|column|columns)/[^/]+'),
    ('date', r'/(19|20)\d\d/|/(19|20)\d\d-\d\d-\d\d'),
    ('forum', r'/(forum|forums|thread|threads|t|topic|questions|q|comments|discussion|discussions|community|board|boards|d)/[^/]+|viewtopic\.php|showthread\.php|showtopic'),
    ('doc', r'/(docs?|documentation|manual|reference|api|apis|library|handbook|latest|stable|man|wiki|kb|sdk|spec|book)/'),
    ('product', r'/(product|products|dp|itm|item|app|sku|pd)/[^/]+'),
    ('collection', r'/(collections?|c|cat|category|categories|shop|store|browse|catalog|catalogue|department|gallery|range|product-category)/'),
    ('section', r'/(news|blog|blogs|articles|stories|latest|newest|trending|topics|jobs|remote-jobs|events|podcasts|issues|archive|archives|recipes|courses|programs|reviews|sections?|hub|chart|list)/$|/(tag|tags|list|lists|search|section|sections|hub|chart|directory)/'),
    ('service', r'/(services?|solutions?|pricing|plans|industries|consulting|contact|about|programs?|treatment|repair|hire|admissions|for-business|enterprise)/'),
]


def url_feats(u, f, prefix='U.'):
    if not u:
        f.add(prefix + 'none'); return
    p = urlparse(u)
    path = p.path.lower() or '/'
    pq = path + ('?' + p.query.lower() if p.query else '')
    for name, rx in URLRX:
        if re.search(rx, path if path.endswith('/') else path + '/'):
            f.add(prefix + name)
    if p.netloc.lower().startswith(('docs.', 'doc.', 'developer.', 'developers.', 'learn.', 'wiki.', 'man.', 'api.', 'devdocs.', 'help.', 'support.')):
        f.add(prefix + 'host_doc')
    if p.netloc.lower().startswith(('forum.', 'forums.', 'community.', 'discuss.', 'discussion.', 'bbs.', 'board.', 'boards.', 'answers.')):
        f.add(prefix + 'host_forum')
    if p.netloc.lower().startswith(('shop.', 'store.')):
        f.add(prefix + 'host_shop')
    if p.netloc.lower().startswith(('blog.', 'news.', 'blogs.')) or re.search(r'blog\.', p.netloc.lower()):
        f.add(prefix + 'host_blog')
    if p.query:
        f.add(prefix + 'query')
    segs = [s for s in path.split('/') if s]
    if not segs:
        f.add(prefix + 'root')
    else:
        last = re.sub(r'\.(html?|php|aspx?|jsp)$', '', segs[-1])
        if last.count('-') >= 4 and re.search(r'[a-z]{3}', last):
            f.add(prefix + 'longslug')
        if len(segs) == 1:
            f.add(prefix + 'depth1')
    if re.search(r'\.(html?)$', path): f.add(prefix + 'ext_html')


# ---------------- text ----------------
TXT = {
    'cart': r'\b(add to (cart|bag|basket|trolley)|buy (it )?now|add to wish ?list|in stock|out of stock|sold out|pre-?order)\b',
    'sku': r'\b(sku|item #|model #|model number|part number|mpn|upc|product code|item no)\b',
    'qty': r'\b(quantity|qty)\b',
    'ship': r'\b(free (shipping|delivery|returns)|ships (in|from|within)|shipping|in stock|out of stock|add to (cart|bag|basket))\b',
    'stars': r'\b(\d(\.\d)? out of 5( stars)?|\d+ (customer )?(reviews|ratings))\b',
    'forum_user': r'\b(joined|messages|reaction score|posts|reputation|member since|registered|karma)\s*:',
    'forum_act': r'(\breply\b|\bquote\b|\bwrote:|\bsaid:|\boriginal poster\b|\bthread starter\b|\breport\b|\bpermalink\b|\bupvote\b|\d+ (replies|answers|votes|posts)\b|\basked\b|\banswered\b|\bsolved\b|\blike(s)?\b)',
    'sort': r'\b(sort by|sort|filter(s)?|refine|showing \d+|\d[\d,]* (results|items|products|jobs)|results for|load more|view more|show more|page \d+ of \d+|next page)\b',
    'readmore': r'\b(read more|continue reading|read article|learn more)\b',
    'doc': r'\b(edit this page|on this page|table of contents|see also|parameters|returns|syntax|example(s)?|note:|deprecated|version \d|api reference|was this (page )?helpful|previous next|prerequisites|introduction)\b',
    'service': r'\b(contact us|get (a |your )?(free )?(quote|estimate|started|demo|in touch)|request (a )?(demo|quote|consultation|appointment|info)|book (a|an|now|your)|schedule (a|an|your)|free consultation|our services|why choose|testimonials?|how it works|what we (do|offer)|trusted by|call (us|now|today)|pricing|plans?)\b',
    'byline': r'(\bby [A-Z][a-z]+ [A-Z][a-z]+|\bwritten by\b|\bposted (on|by)\b|\bpublished( on)?\b|\bupdated( on)?\b|\bmin(ute)? read\b|\babout the author\b|\brelated (articles|posts|stories)\b|\bleave a (reply|comment)\b)',
}
TXT_RX = {k: re.compile(v, re.I if k != 'byline' else 0) for k, v in TXT.items()}
PRICE_RE = re.compile(r'(?:[$€£¥₹]\s?\d[\d,.]*|\d[\d,.]*\s?(?:€|£|USD|EUR|GBP|kr|zł|Kč)(?!\w))')
DATE_RE = re.compile(r'\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago)\b', re.I)
PHONE_RE = re.compile(r'\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b')
CODE_RE = re.compile(r'(^\s*(\$ |>>> |import |from \S+ import|def |class |#include|function |const |let |var |public |return |npm |pip |git )|[;{}]\s*$|\w+\(\w*\)\s*[;{]?\s*$)', re.M)


def bins(f, name, v, cuts):
    for c in cuts:
        if v >= c:
            f.add(f'{name}>={c}')


TITLE = {
    'list': r'\b(archives?|category|categories|tag|topics?|list of|browse|directory|index|latest|news|jobs|courses|programs|events|recipes|podcasts|rankings|trending|newest|stories|results|search|page \d+)\b|^[^|:\-–—]*\bs\s*[|:\-–—]',
    'shop': r'\b(shop|buy|for sale|sale|store|collection|catalog)\b',
    'doc': r'\b(documentation|docs|manual|reference|api|guide|tutorial|developer|sdk|wiki)\b',
    'forum': r'\b(forum|forums|thread|community|discussion|reddit|question|questions|stack exchange|stack overflow)\b|\?\s*([|:\-–—]|$)',
    'howto': r'^(how|what|why|when|where|who|which|is|are|can|should|do|does)\b|\b\d+ (best|tips|ways|things|reasons|ideas|steps|signs|mistakes)\b|\bvs\.?\b|\bexplained\b|\?',
    'service': r'\b(services?|solutions?|pricing|plans|consulting|company|agency|contractor|repair|hire|near (me|you)|quote|software|platform|tuition|insurance)\b',
}
TITLE_RX = {k: re.compile(v, re.I) for k, v in TITLE.items()}


def title_feats(title, f):
    for k, rx in TITLE_RX.items():
        if rx.search(title):
            f.add('S.title_' + k)


WORD_RE = re.compile(r"[A-Za-z']+")
PRON = {'we': 'we', 'our': 'we', 'us': 'we', "we're": 'we', "we've": 'we', "we'll": 'we', 'ours': 'we',
        'i': 'i', 'my': 'i', "i'm": 'i', "i've": 'i', "i'd": 'i', 'me': 'i',
        'the': 'fn', 'of': 'fn', 'and': 'fn', 'to': 'fn', 'a': 'fn', 'in': 'fn', 'is': 'fn'}


def text_feats(text, f, prefix='T.'):
    lines = [l.strip() for l in text.split('\n') if l.strip()]
    best = cur = 0; gap = 0
    for l in lines:
        if len(l) >= 60:
            cur += len(l); gap = 0; best = max(best, cur)
        else:
            gap += 1
            if gap > 1: cur = 0
    bins(f, prefix + 'run', best, [1000, 2500, 5000])
    w = [x.lower() for x in WORD_RE.findall(text)]
    nw = max(1, len(w))
    c = {}
    for x in w:
        if x in PRON:
            c[PRON[x]] = c.get(PRON[x], 0) + 1
    bins(f, prefix + 'we', round(1000 * c.get('we', 0) / nw, 1), [8, 15])
    bins(f, prefix + 'I', round(1000 * c.get('i', 0) / nw, 1), [5, 12])
    bins(f, prefix + 'func', round(1000 * c.get('fn', 0) / nw, 1), [100, 125, 145])
    words = sum(len(l.split()) for l in lines)
    longl = [l for l in lines if len(l) >= 200]
    longw = sum(len(l.split()) for l in longl)
    bins(f, prefix + 'words', words, [300, 1000, 3000])
    bins(f, prefix + 'longpara', len(longl), [3, 8, 20])
    fr = longw / max(1, words)
    bins(f, prefix + 'longfrac', round(fr, 2), [0.2, 0.4, 0.6])
    short = sum(1 for l in lines if len(l.split()) <= 4)
    bins(f, prefix + 'shortfrac', round(short / max(1, len(lines)), 2), [0.6, 0.75])
    bins(f, prefix + 'price', len(PRICE_RE.findall(text)), [1, 3, 8, 20])
    bins(f, prefix + 'date', len(DATE_RE.findall(text)), [1, 4, 10, 25])
    bins(f, prefix + 'phone', len(PHONE_RE.findall(text)), [1, 3])
    bins(f, prefix + 'code', len(CODE_RE.findall(text)), [5, 20])
    for k, rx in TXT_RX.items():
        n = len(rx.findall(text))
        bins(f, prefix + k, n, [1, 3, 10] if k in ('forum_act', 'sort', 'readmore', 'service', 'doc', 'byline', 'cart') else [1, 3])


# ---------------- HTML structure ----------------
CT = {
    'forum': {'post', 'posts', 'message', 'messages', 'comment', 'comments', 'reply', 'replies', 'thread', 'topic',
              'forum', 'answer', 'answers', 'vote', 'votes', 'username', 'avatar', 'signature', 'userinfo', 'reaction', 'quote'},
    'product': {'product', 'price', 'cart', 'addtocart', 'sku', 'qty', 'quantity', 'buy', 'stock', 'zoom', 'variant',
                'swatch', 'pdp', 'specs', 'specifications', 'rating', 'shipping', 'checkout'},
    'grid': {'grid', 'card', 'cards', 'tile', 'tiles', 'item', 'items', 'results', 'result', 'filter', 'filters', 'facet',
             'facets', 'sort', 'pagination', 'pager', 'listing', 'archive', 'plp', 'catalog', 'teaser', 'loop'},
    'doc': {'toc', 'docs', 'doc', 'documentation', 'headerlink', 'highlight', 'admonition', 'api', 'docutils', 'markdown',
            'code', 'syntax', 'hljs', 'prism', 'language', 'anchor', 'version', 'edit', 'sidebar'},
    'article': {'entry', 'byline', 'author', 'published', 'hentry', 'share', 'related', 'dateline', 'pubdate',
                'meta', 'excerpt', 'readtime', 'postmeta', 'tags'},
    'service': {'hero', 'cta', 'testimonial', 'testimonials', 'pricing', 'plan', 'plans', 'feature', 'features', 'faq',
                'accordion', 'contact', 'services', 'solutions', 'banner', 'partners', 'logos', 'benefits', 'steps'},
}


HSVC_RX = re.compile(r"\b(why (choose|us|work)|our (services?|team|process|approach|clients|mission|story|solutions|packages|programs?|pricing|plans)|we (offer|provide|help|can)|get (a|your|started|in touch)|contact|faqs?|frequently asked|testimonials?|what (our )?(clients|customers) say|pricing|how it works|benefits|features|plans|packages|request|book|schedule|call us|apply|enroll|register|who (we are|should attend))\b", re.I)
HQ_RX = re.compile(r"^(how|what|why|when|where|who|which|is|are|can|should|do|does)\b|^\d+[.)]? |\?$", re.I)


def html_feats(sig, ctok, f):
    t = sig['tags']
    g = lambda k: t.get(k, 0)
    bins(f, 'H.article', g('article'), [1, 3, 10])
    bins(f, 'H.pre', g('pre'), [1, 3])
    bins(f, 'H.code', g('code'), [5, 20])
    bins(f, 'H.table', g('table'), [1, 3])
    bins(f, 'H.form', g('form'), [3])
    bins(f, 'H.textarea', g('textarea'), [1])
    bins(f, 'H.select', g('select'), [1])
    bins(f, 'H.time', g('time'), [1, 3, 10])
    bins(f, 'H.h2', g('h2'), [3, 8])
    bins(f, 'H.h3', g('h3'), [5, 15])
    bins(f, 'H.p', g('p'), [10, 30])
    bins(f, 'H.blockquote', g('blockquote'), [2])
    bins(f, 'H.img', g('img'), [20, 50])
    bins(f, 'H.dl', g('dl'), [2])
    n_inp = sum(v for k, v in sig['inputs'].items() if k not in ('hidden', 'submit', 'button'))
    bins(f, 'H.inputs', n_inp, [5, 15])
    ld = sig['linktext'] / max(1, sig['textlen'])
    bins(f, 'H.linkdens', round(ld, 2), [0.35, 0.5, 0.65])
    btn = ' | '.join(sig['buttons']).lower()
    nc = len(re.findall(r'add to (cart|bag|basket)|buy now|add to trolley', btn))
    bins(f, 'H.cartbtn', nc, [1, 3])
    if sig['rel'].get('next') or sig['rel'].get('prev'): f.add('H.relnext')
    ip = sig['itemprops']
    if ip.get('price') or ip.get('offers'): f.add('H.ip_price')
    if ip.get('author') or ip.get('datepublished'): f.add('H.ip_author')
    if ip.get('text') and ip.get('author', 0) >= 3: f.add('H.ip_posts')
    for k, names in CT.items():
        n = sum(ctok.get(x, 0) for x in names)
        bins(f, 'H.ct_' + k, n, [5, 20, 60])
    if ctok.get('breadcrumb') or ctok.get('breadcrumbs'): f.add('H.breadcrumb')
    # repeated sibling groups
    reps = sig['reps']
    posts = max([r['n'] for r in reps if r['avgtext'] >= 150 and r['ld'] < 0.3] + [0])
    cards = max([r['n'] for r in reps if r['fimg'] >= 0.6 and r['flink'] >= 0.6 and r['avgtext'] < 300] + [0])
    items = max([r['n'] for r in reps if r['flink'] >= 0.8 and 30 <= r['avgtext'] <= 600 and r['ld'] >= 0.2] + [0])
    priced = max([r['n'] for r in reps if r['fprice'] >= 0.5] + [0])
    dated = max([r['n'] for r in reps if r['ftime'] >= 0.5] + [0])
    bins(f, 'H.rep_posts', posts, [3, 8])
    bins(f, 'H.rep_cards', cards, [4, 12])
    bins(f, 'H.rep_items', items, [5, 15])
    bins(f, 'H.rep_priced', priced, [3, 8])
    bins(f, 'H.rep_dated', dated, [3, 8])
    share = max([r['share'] for r in reps if r['n'] >= 4] + [0])
    bins(f, 'H.rep_share', round(share, 2), [0.3, 0.5])
    bins(f, 'H.pblock', sig['pblock'], [1000, 2500, 5000])
    bins(f, 'H.pblock_n', sig['pblock_n'], [4, 8])
    bins(f, 'H.hlinks', sig['hlinks'], [8, 20])
    bins(f, 'H.longlinks', sig['longlinks_nc'], [8, 20])
    title_feats(sig['title'], f)
    hs = [h[1] for h in sig['headings']]
    bins(f, 'H.hsvc', sum(1 for h in hs if HSVC_RX.search(h)), [2, 3])
    bins(f, 'H.hq', sum(1 for h in hs if HQ_RX.search(h)), [3, 6])
    bins(f, 'H.hanchors', sig['hanchors'], [2, 6])
    bins(f, 'H.hids', sig['hids'], [4, 10])
    bins(f, 'H.navlinks', sig['navlinks'], [100])
    fd = max([r['n'] for r in reps if r['fdate'] >= 0.5] + [0])
    bins(f, 'H.rep_fdate', fd, [3, 8])
    if sig['longlinks_nc'] >= 8 and sig['pblock'] < 1500: f.add('H.teasers')
    if sig['longlinks_nc'] >= 8 and len(DATE_RE.findall(sig.get('_textcache', ''))) >= 8: f.add('H.dated_teasers')
    if sig['pblock'] >= 2500 and sig['pblock_n'] >= 6: f.add('H.prose')
    if sig['pblock'] < 800 and sig['textlen'] >= 3000: f.add('H.noprose')
    bins(f, 'H.h1', g('h1'), [2])
    if g('h1') == 0: f.add('H.noh1')


def feats(sig, ctok, text, variant, itext=None):
    """variant: 'full' (html + GT url), 'nourl' (html, canonical/og:url allowed),
    'nourl_strict' (html, no url at all), 'text' (innertext + GT url), 'text_nourl'"""
    f = set()
    sig['_textcache'] = text
    if variant in ('full', 'nourl', 'nourl_strict'):
        self_feats(sig, f)
        platform_feats(ctok, f)
        html_feats(sig, ctok, f)
        text_feats(text, f)
    else:
        text_feats(itext, f)
    if variant in ('full', 'text'):
        url_feats(sig['url'], f)
    elif variant == 'nourl':
        url_feats(sig['canonical'] if sig['canonical'].startswith('http') else sig['og_url'] if sig['og_url'].startswith('http') else '', f)
    f.add('BIAS')
    return f
